"""Checks for lesson 2, annotating the article (``02-annotating``).

One pure function per exercise, ``def name(answer, *, article) -> Result``,
built with :func:`articlekit.checks.passed` / :func:`~articlekit.checks.failed`.

Expected values are derived from the article and from the teacher's key
(:func:`articlekit.reference`), never written here.  Annotation answers are
:class:`~articlekit.Annotations` collections, compared span by span: any
route that gives the right spans (by text, by regex, by offsets, with the
mouse) passes.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import N_, _, _n
from . import Result, failed, normalise_text, passed
from .keyed import keyed
from .shapes import is_number

#: Some of these checks read a learner's French with spaCy's model: a grader's judge loads it
#: as it starts, while the first notebooks run, rather than when the first answer is judged.
NEEDS_MODEL = True

#: Marked for the catalogue here, translated where it is shown (a module-level constant, not a Message).
_NOT_ANNOTATIONS = N_("Is your answer an annotation collection? Start from `ak.Annotations(article)` "
                      "and keep the collection each `.add…` returns.")


# --------------------------------------------------------------------------
# Local helpers (pure)
# --------------------------------------------------------------------------
def _key(article):
    from ..storage import reference

    return reference(article)


#: The short dispatch of exercise 8 (invented for the kit), in the seed's layout, and its key.
DISPATCH = "02-depeche-frontiere"


def _dispatch():
    from ..storage import exercise_article

    return exercise_article(DISPATCH)


def _dispatch_key(text: str) -> list[tuple[int, int, str, Any]]:
    import json

    from ..keys import require_key

    raw = json.loads(require_key(f"{DISPATCH}.key.json").read_text(encoding="utf-8"))
    out = []
    for q in raw["quotes"]:
        start = text.find(q["text"])
        if start < 0:
            raise ValueError(f"{DISPATCH}.key.json: « {q['text'][:30]} » is not in the dispatch")
        out.append((start, start + len(q["text"]), q["kind"], q["speaker"]))
    return sorted(out)


def _is_annotations(answer: Any, article) -> bool:
    from ..annotation import Annotations

    return isinstance(answer, Annotations) and answer.text == article.text


def _bounds(spans) -> list[tuple[int, int]]:
    return sorted((s.start, s.end) for s in spans)




def _surname(name: Any) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return None
    return normalise_text(name).split()[-1]


def _same_person(answer: Any, expected: str | None) -> bool:
    if expected is None:
        return answer is None
    # any spelling of the name that ends with the right surname: « Birame DIOP », « Diop »
    return _surname(answer) == _surname(expected)


def _learner_spans_check(mine: list[tuple[int, int]], expected: list[tuple[int, int]], text: str,
                         what: str) -> Result:
    if mine == expected:
        return passed()
    missing = [b for b in expected if b not in mine]
    extra = [b for b in mine if b not in expected]
    if len(mine) < len(expected) and not extra:
        return failed(_("Did you find every {what}? Some are missing.", what=what),
                      _("Does `occurrence='all'` (or a regular expression) catch every repetition?"),
                      _("You have {have} of {want}: which spelling did you not search for?",
                        have=len(mine), want=len(expected)))
    near = [b for b in extra if any(a[0] < b[1] and b[0] < a[1] for a in missing)]
    if near:
        a, b = near[0]
        return failed(_("Are your spans cut exactly? One covers « {words} »: too much or too little.", words=text[a:b]),
                      _("Titles and the spaces around a name are not part of it."),
                      _("Compare `your_answer.texts()` with the text: does each start and end where the name does?"))
    return failed(_("Some of your spans are not a {what}: which ones?", what=what),
                  _("Print `your_answer.texts()`: is every one of them right?"),
                  _("You have {extra} span(s) too many and {missing} missing.", extra=len(extra), missing=len(missing)))


# --------------------------------------------------------------------------
# 1. Spans by text
# --------------------------------------------------------------------------
@keyed
def people(answer, *, article) -> Result:
    """An Annotations collection with a PER span on every mention of the two
    ministers' names, in every spelling (names only, without titles)."""
    if not _is_annotations(answer, article):
        return failed(_(_NOT_ANNOTATIONS))
    mine = _bounds(s for s in answer.spans if s.label == "PER")
    if not mine:
        return failed(_("Did you label the names `\"PER\"` (person)?"))
    expected = _bounds(_key(article).filter(label="PER"))
    return _learner_spans_check(mine, expected, article.text, _("mention of a name"))


@keyed
def spellings(answer, *, article) -> Result:
    """A dict: each minister -> {each spelling the text uses: how many times it occurs}."""
    from .shapes import as_counts, is_int

    if not isinstance(answer, dict) or not answer:
        return failed(_("Is your answer a dict, {name: {spelling: count, ...}}?"))
    mine: dict[str, dict[str, int]] = {}
    for name, values in answer.items():
        counts = as_counts(values)
        if counts is None:
            if isinstance(values, (set, frozenset, list, tuple)):
                return failed(_("How many times does each spelling occur? Give a count for each: "
                              "{\"A B\": 2, \"A b\": 3}."), _("A `Counter` of the texts counts them for you."))
            return failed(_("Is each value a dict from spelling to count, such as {\"A B\": 2}?"))
        if not all(is_int(v) for v in counts.values()):
            return failed(_("Are the counts whole numbers?"))
        bucket = mine.setdefault(_surname(name), {})
        for spelling, n in counts.items():
            spelling = normalise_text(spelling, casefold=False)
            bucket[spelling] = bucket.get(spelling, 0) + int(n)
    key = _key(article).filter(label="PER")
    expected: dict[str, dict[str, int]] = {}
    for x in key:
        bucket = expected.setdefault(_surname(x.text), {})
        bucket[x.text] = bucket.get(x.text, 0) + 1
    if set(mine) != set(expected):
        return failed(_("Are the keys the two ministers, one entry each?"),
                      _("Two spellings of one name belong under the same key."))
    for surname, want in expected.items():
        have = mine[surname]
        extra = [v for v in have if v not in want]
        if any(_surname(v) != surname for v in extra):
            return failed(_("Is every spelling under the right minister?"))
        if any(any(w in v for w in want) for v in extra):
            return failed(_("Are your spellings names only, without a title such as « le Général »?"))
        if set(have) != set(want):
            if {v.casefold() for v in have} == {v.casefold() for v in want} and len(have) < len(want):
                return failed(_("Capitals count here: does the text always write a surname the same way?"))
            return failed(_("Did you copy each spelling exactly as the text writes it, capitals included?"),
                          _("Search the text without caring about case (`re.IGNORECASE`), then keep what you find."))
        if have != want:
            return failed(_("Are the counts right? Count every occurrence of each spelling, in every paragraph."),
                          _("Is a spelling inside a longer one (« Sadio Camara » in « Général Sadio Camara ») "
                          "counted too?"))
    return passed()


# --------------------------------------------------------------------------
# 2. Regular expressions and sentences
# --------------------------------------------------------------------------
@keyed
def numbers(answer, *, article) -> Result:
    """An Annotations collection with the dates (DATE) and every number, in digits or in
    words, together with what it counts (NUM: « 419 kilomètres », « deux pays »)."""
    if not _is_annotations(answer, article):
        return failed(_(_NOT_ANNOTATIONS))
    key = _key(article)
    want_num = _bounds(key.filter(label="NUM"))
    digits_only = _bounds(s for s in key.filter(label="NUM") if re.search(r"\d", s.text))
    want_date = _bounds(key.filter(label="DATE"))
    # the date without its weekday (« lundi, … ») is the same date, cut a little shorter
    short_date = []
    for a, b in want_date:
        weekday = re.match(r"\w+, ", article.text[a:b])
        short_date.append((a + weekday.end(), b) if weekday else (a, b))
    num = _bounds(answer.filter(label="NUM"))
    date = _bounds(answer.filter(label="DATE"))
    if not num:
        return failed(_("Did you label the numbers `\"NUM\"`?"))
    if any(any(d[0] <= n[0] < d[1] for d in want_date) for n in num):
        return failed(_("Is one of your numbers part of a date?"),
                      _("A day and a month (like « 14 juillet ») belong to the DATE, not to a NUM."))
    if num == digits_only:
        return failed(_("Those are the numbers in digits. Are there numbers written in words too?"),
                      _("How does the text write « 2 » in letters? Search for it with a pattern."))
    if num != want_num:
        return failed(_("Does each NUM hold the number *and* the word it counts (like « 3 jours »)?"),
                      _("How many numbers in digits does the text have, outside the dates?"),
                      _("Try a pattern like `r\"\\d+ \\w+\"`, then look at what it catches."))
    if not date:
        return failed(_("Did you label the dates `\"DATE\"` too?"))
    if date != want_date and date != sorted(short_date):
        return failed(_("Is each date complete: its day, its month and its year, and nothing around them?"),
                      _("Is there a year on its own somewhere in a quotation?"))
    return passed()


def terrorism_theme(answer, *, article) -> Result:
    """An Annotations collection with the theme ``terrorisme`` on every
    sentence that talks about terrorism or terrorists."""
    if not _is_annotations(answer, article):
        return failed(_(_NOT_ANNOTATIONS))
    mine = _bounds(answer.filter(label="terrorisme"))
    if not mine:
        return failed(_("Did you use the theme label `\"terrorisme\"` (lowercase)?"))
    expected = sorted((s.start, s.end) for s in article.sentences if re.search(r"terroris", s.text, re.I))
    if not set(mine) <= {(s.start, s.end) for s in article.sentences}:
        return failed(_("Is each theme span a whole sentence? `add_sentence` does that for you."))
    if mine != expected:
        return failed(_("Did you catch both *terrorisme* and *terroristes*, with or without a capital?"),
                      _("Loop over `article.sentences` and test each text with a regular expression."))
    return passed()


# --------------------------------------------------------------------------
# 3. spaCy's first pass
# --------------------------------------------------------------------------
@keyed
def fixed_entities(answer, *, article) -> Result:
    """spaCy's suggestions corrected: every wrong label fixed, every span that
    is not an entity removed, every right one kept."""
    if not _is_annotations(answer, article):
        return failed(_(_NOT_ANNOTATIONS))
    from ..annotation import suggest_entities

    key = {(s.start, s.end): s.label for s in _key(article).layer("entities")}
    suggestions = suggest_entities(article)
    mine = {(s.start, s.end): s.label for s in answer.layer("entities")}
    if not mine:
        return failed(_("Did you start from `ak.suggest_entities(article)`?"))
    junk = [b for b in mine if b not in key]
    if junk:
        a, b = junk[0]
        return failed(_("Is « {words} » really an entity, cut like this?", words=article.text[a:b].strip()),
                      _("Remove the spans that are not names at all (« C’ », « s’étale », titles such as « Général »)."),
                      _n("{n} of your spans is not in the key: print it and remove it.",
                         "{n} of your spans are not in the key: print them and remove them.", len(junk)))
    wrong = [b for b in mine if mine[b] != key[b]]
    if wrong:
        a, b = wrong[0]
        return failed(_("What kind of entity is « {words} »? Check its label.", words=article.text[a:b]),
                      _("A nationality adjective (« Malien », « Sénégalaise ») is MISC; an institution is ORG."),
                      _n("{n} label is still wrong.", "{n} labels are still wrong.", len(wrong)))
    lost = [(s.start, s.end) for s in suggestions if (s.start, s.end) in key and (s.start, s.end) not in mine]
    if lost:
        return failed(_("Did you remove a span spaCy had found correctly (perhaps with a wrong label)?"),
                      _("Relabel rather than remove when only the label is wrong."))
    return passed()


def _as_scores(answer: Any) -> tuple[float, float, float] | None:
    if isinstance(answer, dict):
        keys = {str(k).lower(): v for k, v in answer.items()}
        values = [keys.get(k) for k in ("precision", "recall", "f1")]
    elif all(hasattr(answer, a) for a in ("precision", "recall", "f1")):   # a Score from ak.span_scores
        values = [answer.precision, answer.recall, answer.f1]
    else:
        return None
    if not all(is_number(v) for v in values):
        return None
    return tuple(float(v) for v in values)


@keyed
def spacy_f1(answer, *, article) -> Result:
    """spaCy's precision, recall and F1 against the key on paragraph 1 only (exact matches,
    all entity labels together): ``{"precision": …, "recall": …, "f1": …}``."""
    scores = _as_scores(answer)
    if scores is None:
        return failed(_('Is your answer a dict {"precision": …, "recall": …, "f1": …} of three numbers?'),
                      _("The `ALL` row of `ak.span_scores(...)` has all three."))
    from ..agreement import span_scores
    from ..annotation import suggest_entities

    part = article.paragraphs[1]
    key, suggestions = _key(article).within(part), suggest_entities(article).within(part)
    want = span_scores(suggestions, key)[-1]
    if all(abs(a - b) < 0.005 for a, b in zip(scores, (want.precision, want.recall, want.f1))):
        return passed()
    swapped = span_scores(key, suggestions)[-1]
    if all(abs(a - b) < 0.005 for a, b in zip(scores, (swapped.precision, swapped.recall, swapped.f1))):
        return failed(_("Did you swap prediction and reference? spaCy's suggestions come first, the key second."))
    overlap = span_scores(suggestions, key, match="overlap")[-1]
    if abs(scores[2] - overlap.f1) < 0.005:
        return failed(_("Did you count overlapping spans as matches? The question asks for exact matches."))
    if any(v > 1 for v in scores):
        return failed(_("Scores are between 0 and 1: did you give a percentage or a count?"))
    return failed(_("Did you cut both the suggestions and the key to paragraph 1 (`.within(article.paragraphs[1])`)?"),
                  _("Compare spaCy's suggestions (first) with the key (second) on the entities layer; take the `ALL` row."))


# --------------------------------------------------------------------------
# 4. Quotations and speakers
# --------------------------------------------------------------------------
def _dispatch_kinds(text: str) -> list[str]:
    import json

    from ..keys import require_key

    raw = json.loads(require_key(f"{DISPATCH}.key.json").read_text(encoding="utf-8"))
    rows = [(text.find(q["text"]), q["kind"]) for q in raw["quotes"] + [dict(x, kind="INDIRECT")
                                                                         for x in raw.get("indirect", [])]]
    return [kind.lower() for _offset, kind in sorted(rows)]


@keyed
def quote_kinds(answer, *, article) -> Result:
    """The kind of each quotation of the dispatch (``ak.exercise_article("02-depeche-frontiere")``),
    in text order: ``"direct"``, ``"partial"``, ``"motto"`` or ``"indirect"``."""
    if isinstance(answer, (str, dict)) or not hasattr(answer, "__iter__"):
        return failed(_("Is your answer a list of kinds, one per quotation?"))
    answer = list(answer)
    if not all(isinstance(k, str) for k in answer):
        return failed(_("Is each kind a string such as \"direct\"?"))
    kinds = [k.strip().lower() for k in answer]
    if any(k not in ("direct", "partial", "motto", "indirect") for k in kinds):
        return failed(_("Did you use only the four kinds: direct, partial, motto, indirect?"))
    expected = _dispatch_kinds(_dispatch().text)
    if len(kinds) != len(expected):
        return failed(_("Did you count every quotation of the dispatch, including the one without guillemets?"),
                      _("Reported speech has no guillemets: look for « a rappelé que »."))
    from ..quotes import extract_quotes

    if kinds == [q.kind for q in extract_quotes(_dispatch())]:
        return failed(_("Is that what the rules say? They go wrong on this dispatch: read each quotation again."))
    if kinds.count("motto") != expected.count("motto"):
        return failed(_("Which quotation is a motto or a name that nobody in the dispatch says?"))
    if kinds != expected:
        return failed(_("Is each quotation in guillemets a whole statement (direct) or a fragment inside "
                      "the writer's sentence (partial)?"),
                      _("A quotation introduced by « : » or followed by « a-t-il précisé » is usually direct."))
    return passed()


@keyed
def quote_annotations(answer, *, article) -> Result:
    """An Annotations collection of the short dispatch (``ak.exercise_article("02-depeche-frontiere")``) with each quotation in
    guillemets as a quotes span (DIRECT, PARTIAL or MOTTO, inside the guillemets) with its speaker."""
    text = _dispatch().text
    if not (isinstance(answer, _annotations_type()) and answer.text == text):
        if _is_annotations(answer, article):
            return failed(_("Is your collection about the dispatch? Start from `ak.Annotations(dispatch)`, "
                          "not from the article of the lesson."))
        return failed(_("Is your answer an annotation collection of the dispatch? Start from "
                      "`ak.Annotations(dispatch)` and keep the collection each `.add…` returns."))
    expected = _dispatch_key(text)
    mine = sorted((s for s in answer.layer("quotes") if s.label != "INDIRECT"), key=lambda s: (s.start, s.end))
    if not mine:
        return failed(_("Did you label the quotations DIRECT, PARTIAL or MOTTO (layer quotes)?"))
    if len(mine) != len(expected):
        return failed(_("Does your collection hold every quotation in guillemets « », and only those?"),
                      _("Count the « in the dispatch."))
    for s, (a, b, _kind, _who) in zip(mine, expected):
        if not (s.start < b and a < s.end):
            return failed(_("Is each of your quotation spans inside a pair of guillemets?"))
        if (s.start, s.end) != (a, b):
            return failed(_("Is the quotation starting « {words}… » cut exactly inside its guillemets?",
                            words=s.text[:25]),
                          _("Leave out the « », and the spaces just inside them."))
    for s, (_a, _b, kind, _who) in zip(mine, expected):
        if s.label != kind:
            return failed(_("Is « {words}… » really {label}? Check its kind: who says it, "
                            "and is it a whole statement or a fragment of the writer's sentence?",
                            words=s.text[:25], label=s.label))
    for s, (_a, _b, _kind, speaker) in zip(mine, expected):
        if not _same_person(s.speaker, speaker):
            if speaker is None:
                return failed(_("Who says a motto or a name? Leave its speaker empty (None)."))
            return failed(_("Who says « {words}… »? Read the sentence around it: who is « il » or « elle »?",
                            words=s.text[:25]),
                          _("Give `speaker=` as the person's name (first name and surname), not a pronoun or "
                          "a group: the rules get some of these wrong, you must not."))
    return passed()


def _annotations_type():
    from ..annotation import Annotations

    return Annotations


# --------------------------------------------------------------------------
# 5. Agreement
# --------------------------------------------------------------------------
def _right_fixed(article):
    # the one right answer of exercise 5: spaCy's spans that are entities cut right, with the key's label
    from ..annotation import Annotations, suggest_entities

    key = {(s.start, s.end): s.label for s in _key(article).layer("entities")}
    keep = [s for s in suggest_entities(article).layer("entities") if (s.start, s.end) in key]
    from dataclasses import replace

    return Annotations(article.text, [replace(s, label=key[(s.start, s.end)]) for s in keep])


@keyed
def kappa(answer, *, article) -> Result:
    """Cohen's kappa, token by token, between spaCy's suggestions and your corrected
    ``fixed_entities`` (exercise 5), on the entities layer with the kit's default tokens."""
    if not is_number(answer):
        return failed(_("Is your answer a number?"))
    from ..agreement import cohen_kappa
    from ..annotation import suggest_entities

    suggestions = suggest_entities(article)
    expected = cohen_kappa(suggestions, _right_fixed(article))
    if abs(float(answer) - expected) < 0.005:
        return passed()
    if abs(float(answer) - cohen_kappa(suggestions, _key(article))) < 0.005:
        return failed(_("That compares spaCy with the whole key: the exercise compares it with your own "
                      "`fixed_entities`. How much did you have to change?"))
    from ..storage import sample_key

    sample = sample_key(article)
    if abs(float(answer) - cohen_kappa(suggestions.within((0, article.paragraphs[1].end)), sample)) < 0.005:
        return failed(_("Is that the lesson's figure, spaCy against the sample key? The exercise compares spaCy "
                      "with your own `fixed_entities`, on the whole article."))
    if not -1 <= float(answer) <= 1:
        return failed(_("Kappa is between -1 and 1: is yours?"))
    return failed(_("Did you compare the suggestions with your `fixed_entities` on the entities layer, "
                  "with the default tokens?"),
                  _("Is exercise 5 right first? Then `ak.cohen_kappa(suggestions, fixed_entities)`; leave `tokens=` out."))


# --------------------------------------------------------------------------
# 6. Exchange
# --------------------------------------------------------------------------
def label_studio(answer, *, article) -> Result:
    """A Label Studio task list (``ak.to_label_studio(...)``) of the dispatch of exercise 8,
    holding your quotations, each with its speaker."""
    if isinstance(answer, str):
        import json

        try:  # the same tasks as JSON text, as a file for Label Studio holds them
            answer = json.loads(answer)
        except ValueError:
            return failed(_("Is your answer the list of tasks `ak.to_label_studio(...)` returns?"))
    if isinstance(answer, dict):
        answer = [answer]
    if not isinstance(answer, list) or not answer or not all(isinstance(t, dict) for t in answer):
        return failed(_("Is your answer the list of tasks `ak.to_label_studio(...)` returns?"))
    from ..exchange import from_label_studio

    try:
        notes = from_label_studio(answer, _dispatch())
    except ValueError:
        return failed(_("Can Label Studio read it? Is it the export of your annotations of the dispatch?"),
                      _("Build it with `ak.to_label_studio(your_annotations)` and do not edit it by hand."))
    quotes = notes.layer("quotes")
    if not len(quotes):
        return failed(_("Does your export hold your quotations (layer quotes)?"))
    if any(q.speaker is None and q.label != "MOTTO" for q in quotes):
        return failed(_("Does every quotation (except a motto) carry its speaker?"))
    result = answer[0].get("annotations", [{}])[0].get("result", [])
    if not any(r.get("from_name") == "speaker" for r in result if isinstance(r, dict)):
        return failed(_("Are the speakers in the export, as `speaker` text regions?"))
    return passed()


# --------------------------------------------------------------------------
# "Try it" self-checks of the lesson (formative: not graded in the assignment)
# --------------------------------------------------------------------------
def try_capitals(answer, *, article) -> Result:
    """Lesson 2, Try it: a collection with a PER span on every occurrence of the name in capitals."""
    if not _is_annotations(answer, article):
        return failed(_(_NOT_ANNOTATIONS))
    want = [m.span() for m in re.finditer(r"Sadio CAMARA", article.text)]
    have = {(s.start, s.end) for s in answer.filter(label="PER")}
    missing = [b for b in want if b not in have]
    if not missing:
        return passed()
    return failed(_("Are both occurrences there? {found} of {want} found.", found=len(want) - len(missing),
                    want=len(want)),
                  _('Give `occurrence="all"` to `add`, or add occurrence 1 and 2.'))


@keyed
def try_number_words(answer, *, article) -> Result:
    """Lesson 2, Try it: a collection with a NUM span on every number written in words, with what it counts."""
    if not _is_annotations(answer, article):
        return failed(_(_NOT_ANNOTATIONS))
    want = _bounds(s for s in _key(article).filter(label="NUM") if not re.search(r"\d", s.text))
    have = _bounds(answer.filter(label="NUM"))
    if have == want:
        return passed()
    if any(re.search(r"\d", article.text[a:b]) for a, b in have):
        return failed(_("Are these numbers written in words, or in digits?"))
    return failed(_("How many numbers in words does the text have? You marked {n}.", n=len(have)),
                  _("Which French words name small numbers (« deux », « trois »…)? Can one pattern catch each "
                  "of them together with the word that follows, and nothing else?"))


def try_no_titles(answer, *, article) -> Result:
    """Lesson 2, Try it: spaCy's corrected suggestions without any span holding « Ministre » or « Général »."""
    if not _is_annotations(answer, article):
        return failed(_(_NOT_ANNOTATIONS))
    from ..annotation import suggest_entities

    titles = [s for s in answer if re.search(r"Ministre|Général", s.text)]
    if titles:
        return failed(_n("Is « {words} » gone? {n} span still holds a title.",
                         "Is « {words} » gone? {n} spans still hold a title.", len(titles), words=titles[0].text),
                      _("Loop over the spans and `remove` each one whose text matches `Ministre|Général`."))
    have = {(s.start, s.end) for s in answer}
    kept = [s for s in suggest_entities(article) if not re.search(r"Ministre|Général", s.text)
            and s.text not in ("C’", "qu’", "s’étale")]
    if any((s.start, s.end) not in have for s in kept):
        return failed(_("Did you remove only the titles? Some other spans of `fixed` are gone too."))
    return passed()


def try_both_places(answer, *, article) -> Result:
    """Lesson 2, Try it: the tiny prediction with both places right (an Annotations of the tiny text)."""
    from ..annotation import Annotations

    if not isinstance(answer, Annotations) or answer.text != "Le Mali et le Sénégal":
        return failed(_("Is your answer the tiny example's `prediction`, changed? Keep its text."))
    if sorted((s.start, s.end, s.label) for s in answer) == [(3, 7, "LOC"), (14, 21, "LOC")]:
        return passed()
    return failed(_("Does your prediction label both Mali and Sénégal LOC, and nothing else?"),
                  _("Which span has the wrong label? Look at `prediction.relabel`'s help: which two things does "
                    "it need?"))


def try_round_trip(answer, *, article) -> Result:
    """Lesson 2, Try it: the quotations exported for doccano and imported back (an Annotations)."""
    if not _is_annotations(answer, article):
        return failed(_(_NOT_ANNOTATIONS))
    from ..quotes import extract_quotes, quotes_to_annotations

    if answer == quotes_to_annotations(extract_quotes(article), article):
        return passed()
    return failed(_("Is it `found` after the round trip? Export it, import the file back, keep what the import gives."),
                  _("Which function writes the file, and which one reads it back? Give the second what the "
                    "first returns."))


# --------------------------------------------------------------------------
# The fiche (lesson 2's five stages): data, the teacher's keys and their digests
# --------------------------------------------------------------------------
#: The digests the package ships for the fiche's graded exercises (``data/fiche/``).
DIGESTS_FILE = "annotating-digests.json"
#: The teacher's keys of the fiche's graded exercises (``teacher/keys/``).
VERBS_KEY = "annotating-reporting-verbs.key.json"
VOICES_KEY = "annotating-direct-voices.key.json"
#: The two classes of introducing verbs, as the lesson names them.
NEUTRAL, EVALUATIVE = "neutre", "évaluatif"
#: Same English as the shared keyed checks (checks/keyed.py): one catalogue entry each.
_NEEDS_KEY = N_("This self-check needs the teacher's key, which is not in this copy of the kit: "
                "can you compare your answer with the guidelines, then ask your teacher?")
_NOT_YET = N_("Not yet: does every part of your answer follow the guidelines of the lesson? "
              "(Without the teacher's key here, this check can only say right or not yet.)")


def _fiche(name: str) -> dict:
    import json
    from importlib import resources

    # read each time (small files): a cached dict could be changed by a caller
    return json.loads(resources.files("articlekit").joinpath(f"data/fiche/annotating-{name}.json")
                      .read_text(encoding="utf-8"))


def _teacher_key(name: str) -> dict:
    import json

    from ..keys import require_key

    return json.loads(require_key(name).read_text(encoding="utf-8"))


def _stem(article) -> str:
    from pathlib import Path

    return Path(str(article.source)).stem


def _shipped(check: str, article) -> tuple[str, ...]:
    table = _fiche("digests").get("articles", {}).get(_stem(article), {}) if _has_digests() else {}
    return tuple(table.get(check, ()))


def _has_digests() -> bool:
    from importlib import resources

    return resources.files("articlekit").joinpath(f"data/fiche/{DIGESTS_FILE}").is_file()


def _fiche_keyed(canonical):
    """Judge with the teacher's key where it is installed; elsewhere by the digest of ``canonical(answer)``."""
    from functools import wraps

    def wrap(function):
        @wraps(function)
        def run(answer, *, article):
            from ..keys import KeyMissing
            from .compare import salted_hash

            try:
                return function(answer, article=article)
            except KeyMissing:
                accepted = _shipped(function.__name__, article)
                if not accepted:
                    return failed(_(_NEEDS_KEY))
                form = canonical(answer)
                if form is not None and salted_hash(form) in accepted:
                    return passed()
                return failed(_(_NOT_YET))
        return run
    return wrap


# --------------------------------------------------------------------------
# Mise en route: who speaks, and how much?
# --------------------------------------------------------------------------
def _voice_answer(answer: Any) -> dict[str, int] | None:
    from .shapes import as_counts, is_int

    counts = as_counts(answer)
    if counts is None or not counts or not all(is_int(v) for v in counts.values()):
        return None
    out: dict[str, int] = {}
    for name, n in counts.items():
        surname = _surname(name)
        if surname is None:
            return None
        out[surname] = out.get(surname, 0) + int(n)
    return out


def _word_counts(quotes) -> tuple[dict[str, int], dict[str, int]]:
    """Words per speaker's surname, counted the exam's way and by spaces (two routes learners take)."""
    from ..resume import count_words

    exam: dict[str, int] = {}
    spaces: dict[str, int] = {}
    for text, speaker in quotes:
        if not speaker:
            continue
        surname = _surname(speaker)
        exam[surname] = exam.get(surname, 0) + count_words(text)
        spaces[surname] = spaces.get(surname, 0) + len(text.split())
    return exam, spaces


def _judge_voices(mine: dict[str, int], exam: dict[str, int], spaces: dict[str, int], what) -> Result:
    if set(mine) != set(exam):
        return failed(_("Are the keys the people who speak, one entry each?"),
                      _("Who is quoted? Give each speaker once, with any spelling of the name."))
    close = all(abs(mine[k] - exam[k]) <= max(3, round(0.06 * exam[k])) or mine[k] == spaces[k] for k in exam)
    if close:
        return passed()
    if all(mine[k] < exam[k] for k in exam):
        return failed(_("Did you count every {what} of each speaker?", what=what),
                      _("Loop over the quotations, and add the words of each one to its speaker's count."))
    return failed(_("Are your counts the words of each speaker's quotations, and only those?"),
                  _("Count the words of each quotation's text (`ak.count_words`), then add them up by speaker."))


def _canonical_voices(answer: Any):
    mine = _voice_answer(answer)
    return None if mine is None else tuple(sorted(f"{k}={v}" for k, v in mine.items()))


def try_voices(answer, *, article) -> Result:
    """Lesson 2, Try it (mise en route): how many words each minister says in the article's quotations.

    A dict ``{speaker: words}``, every kind of quotation counted (direct,
    partial, indirect; the motto has no speaker).  Any spelling of a name is
    right, and a count within a few words of the kit's count.

    >>> import articlekit as ak
    >>> from articlekit.checks import run_check
    >>> run_check(try_voices, {"Sadio Camara": 10, "Birame Diop": 10}, article=ak.load_article()).ok
    False
    """
    mine = _voice_answer(answer)
    if mine is None:
        return failed(_("Is your answer a dict {speaker: number of words}, such as {\"A B\": 12}?"),
                      _("One entry per speaker, with a whole number of words."))
    from ..quotes import extract_quotes

    exam, spaces = _word_counts((q.text, q.speaker) for q in extract_quotes(article))
    return _judge_voices(mine, exam, spaces, _("quotation"))


@_fiche_keyed(_canonical_voices)
def direct_voices(answer, *, article) -> Result:
    """Assignment: how many words each minister says in the article's *direct* quotations only.

    A dict ``{speaker: words}``; judged against the teacher's annotation key
    (the kinds and speakers of every quotation).
    """
    mine = _voice_answer(answer)
    if mine is None:
        return failed(_("Is your answer a dict {speaker: number of words}, such as {\"A B\": 12}?"),
                      _("One entry per speaker, with a whole number of words."))
    exam, spaces = _direct_counts(article)
    if set(mine) == set(exam):
        all_kinds, _spaces = _word_counts((s.text, s.speaker) for s in _key(article).layer("quotes"))
        if all(abs(mine[k] - all_kinds[k]) <= 3 for k in exam) and mine != exam:
            return failed(_("Did you count only the direct quotations? Partial and indirect ones are left out here."),
                          _("Keep the quotations whose kind is direct, then count their words."))
    return _judge_voices(mine, exam, spaces, _("direct quotation"))


def _direct_counts(article) -> tuple[dict[str, int], dict[str, int]]:
    spec = _teacher_key(VOICES_KEY)
    kinds = set(spec["kinds"])
    return _word_counts((s.text, s.speaker) for s in _key(article).layer("quotes") if s.label in kinds)


# --------------------------------------------------------------------------
# Compréhension: how is each quotation framed?
# --------------------------------------------------------------------------
def _framing_answer(answer: Any) -> list[tuple[str, str | None]] | None:
    if isinstance(answer, (str, dict)) or not hasattr(answer, "__iter__"):
        return None
    out = []
    for row in answer:
        if isinstance(row, dict):
            row = (row.get("kind"), row.get("speaker"))
        if not isinstance(row, (tuple, list)) or len(row) != 2 or not isinstance(row[0], str):
            return None
        kind, speaker = row
        if speaker is not None and not isinstance(speaker, str):
            return None
        out.append((kind.strip().lower(), _surname(speaker) if speaker else None))
    return out


def try_framing(answer, *, article) -> Result:
    """Lesson 2, Try it (compréhension): each quotation of the article as (kind, speaker), in text order.

    The kinds are ``"direct"``, ``"partial"``, ``"indirect"``, ``"motto"``;
    the speaker is a name (any spelling), ``None`` for the motto.

    >>> import articlekit as ak
    >>> from articlekit.checks import run_check
    >>> run_check(try_framing, [("direct", "Sadio Camara")], article=ak.load_article()).ok
    False
    """
    mine = _framing_answer(answer)
    if mine is None:
        return failed(_("Is your answer a list of pairs (kind, speaker), one per quotation, in text order?"),
                      _("Each pair holds a kind such as \"direct\" and a name (None when nobody says it)."))
    from ..quotes import extract_quotes

    want = [(q.kind, _surname(q.speaker) if q.speaker else None) for q in extract_quotes(article)]
    if any(k not in ("direct", "partial", "motto", "indirect") for k, _who in mine):
        return failed(_("Did you use only the four kinds: direct, partial, motto, indirect?"))
    if len(mine) != len(want):
        return failed(_n("The article has more quotations than your {n}: did you count the ones without guillemets?",
                         "The article has more quotations than your {n}: did you count the ones without guillemets?",
                         len(mine)) if len(mine) < len(want) else
                      _("Did you count something that is not a quotation? « se dit ouverte » reports a position."),
                      _("Look for « » and for verbs of saying in an incise (« poursuit le Ministre »)."))
    wrong_kind = [i for i, (a, b) in enumerate(zip(mine, want)) if a[0] != b[0]]
    if wrong_kind:
        return failed(_("Is quotation {n} a whole statement, a fragment inside the journalist's sentence, "
                        "a motto, or reported without guillemets?", n=wrong_kind[0] + 1),
                      _("Read the words just before it: a colon, « Pour X », a verb that goes on into the quotation?"))
    wrong_who = [i for i, (a, b) in enumerate(zip(mine, want)) if a[1] != b[1]]
    if wrong_who:
        return failed(_("Who says quotation {n}? Read the sentence around it, and the one before.", n=wrong_who[0] + 1),
                      _("A role (« le Ministre Sénégalais ») names a person too: which one?"))
    return passed()


# --------------------------------------------------------------------------
# Travail sur la langue (a): the verbs that introduce a quotation
# --------------------------------------------------------------------------
def _class_of(value: Any) -> str | None:
    from ..reported import _fold

    if not isinstance(value, str):
        return None
    folded = _fold(value.strip())
    for name, spellings in _fiche("verbs")["classes"].items():
        if folded in {_fold(s) for s in spellings}:
            return name
    return None


def _verbs_answer(answer: Any) -> tuple[dict[str, str], str] | None:
    """({lemma: class}, "") for a dict answer, or (partial, the first word that is no verb / no class)."""
    from ..reported import verb_lemma

    if not isinstance(answer, dict) or not answer:
        return None
    out: dict[str, str] = {}
    for verb, value in answer.items():
        lemma = verb_lemma(verb) if isinstance(verb, str) else None
        if lemma is None:
            return out, f"verb:{verb}"
        kind = _class_of(value)
        if kind is None:
            return out, f"class:{value}"
        out[lemma] = kind
    return out, ""


def _canonical_verbs(answer: Any):
    parsed = _verbs_answer(answer)
    from ..reported import _fold

    if parsed is None or parsed[1]:
        return None
    return tuple(sorted(f"{_fold(k)}={v}" for k, v in parsed[0].items()))


def _judge_verbs(answer: Any, expected) -> Result:
    from ..reported import _fold

    parsed = _verbs_answer(answer)
    if parsed is None:
        return failed(_("Is your answer a dict {verb: class}, such as {\"déclarer\": \"neutre\"}?"),
                      _("One entry per introducing verb; the class is \"neutre\" or \"évaluatif\"."))
    mine, problem = parsed
    mine = {_fold(k): v for k, v in mine.items()}
    if problem.startswith("verb:"):
        return failed(_("Is « {word} » a verb? Give each introducing verb in any form (« a déclaré », « déclarer »).",
                        word=problem[5:]))
    if problem.startswith("class:"):
        return failed(_("Did you use only the two classes, \"neutre\" and \"évaluatif\"?"))
    # the expected classes are asked for only now: shape questions come first, with or without the key
    want = {_fold(k): v for k, v in expected().items()}
    extra = [k for k in mine if k not in want]
    if extra:
        return failed(_("Does « {word} » introduce someone's words in the text? Look for the verb of each quotation.",
                        word=next(v for v in parsed[0] if _fold(v) == extra[0])),
                      _("A verb of saying introduces words: which verb comes just before or after each quotation?"))
    missing = [k for k in want if k not in mine]
    if missing:
        return failed(_n("One introducing verb is missing: which quotation did you leave out?",
                         "{n} introducing verbs are missing: which quotations did you leave out?", len(missing)),
                      _("Look at every quotation, with or without guillemets: which verb introduces it?"))
    wrong = [k for k in want if mine[k] != want[k]]
    if wrong:
        return failed(_("Which of your classes is wrong? For each verb, ask: does it only say that words were "
                        "said, or also what the speaker did with them, or what the writer thinks of them?"),
                      _n("{n} verb has the wrong class.", "{n} verbs have the wrong class.", len(wrong)))
    return passed()


def try_reporting_verbs(answer, *, article) -> Result:
    """Lesson 2, Try it (langue): the verbs that introduce the article's quotations, each ``"neutre"`` or ``"évaluatif"``.

    A dict ``{verb: class}``; a verb may be given in any form (« souligne »,
    « souligner », « a souligné »): it is compared by its lemma.

    >>> import articlekit as ak
    >>> from articlekit.checks import run_check
    >>> run_check(try_reporting_verbs, {"a dit": "neutre"}, article=ak.load_article()).hint()
    '4 introducing verbs are missing: which quotations did you leave out?'
    """
    return _judge_verbs(answer, lambda: {k: v["class"] for k, v in _fiche("verbs")["article"].items()})


@_fiche_keyed(_canonical_verbs)
def reporting_verbs(answer, *, article) -> Result:
    """Assignment (langue): the introducing verb of each sentence of the press review, with its class.

    The review is ``ak.reported.press_review()``; a dict ``{verb: class}``,
    verbs in any form; judged against the teacher's key.
    """
    return _judge_verbs(answer, lambda: _teacher_key(VERBS_KEY)["verbs"])


# --------------------------------------------------------------------------
# Travail sur la langue (b): direct → indirect speech
# --------------------------------------------------------------------------
def _problem_hints(problem, minister: str) -> tuple:
    """The questions a teacher asks about one broken rule, from general to specific."""
    rule, word, detail = problem.rule, problem.word, problem.detail
    if rule == "guillemets":
        return (_("Indirect speech has no guillemets: is there one left in your sentence?"),
                _("Which words still stand between guillemets? Make them part of your own sentence."))
    if rule == "other_quotation":
        return (_("Is this the quotation of the exercise? Most of its words should be in your sentence."),
                _("Read the quotation again: which of its ideas did you leave out?"))
    if rule == "introducer":
        return (_("Who says it, and with which verb? Indirect speech starts from a verb of saying "
                  "(« déclarer », « affirmer »…) or from « selon »."),
                _("Does your sentence have a verb that introduces the minister's words?"))
    if rule == "que":
        if detail == "colon":
            return (_("Your verb « {verb} » is followed by a colon: is that indirect speech, or direct speech "
                      "without its guillemets?", verb=word),
                    _("In indirect speech, which word joins « {verb} » to the reported words?", verb=word))
        return (_("What joins « {verb} » to the words it reports? In indirect speech a conjunction is needed.",
                  verb=word),
                _("Which little word links a verb of saying to the clause it reports?"))
    if rule == "wrong_speaker":
        return (_("Who said these words? Read the article again: is it « {word} »?", word=word),
                _("Look at the sentence that introduces the quotation: who speaks there?"))
    if rule == "speaker":
        return (_("Who says it? Your sentence must name {minister}, or a pronoun standing for him.",
                  minister=minister),)
    if rule == "reversing":
        return (_("Does « {verb} » keep what the minister said, or does it say that he denied it?", verb=word),
                _("Choose a verb that reports the words without turning them into their opposite."))
    if rule == "first_person":
        return (_("Who is « {word} » once the minister's words are reported?", word=word),
                _("In indirect speech the speaker is spoken about: which third-person word stands for « {word} »?",
                  word=word))
    if rule == "second_person":
        return (_("Who is « {word} » once someone else reports the words?", word=word),
                _("Say who was addressed, in the third person."))
    if rule == "agreement":
        return (_("Is the speaker a man or a woman? Look at « {word} ».", word=word),
                _("Which pronoun stands for {minister}?", minister=minister))
    if rule == "plural":
        return (_("« nous » is more than one person: does « {word} » stand for all of them?", word=word),
                _("Who is « nous » in the quotation: the minister alone, or the people he speaks for?"))
    if rule == "singular":
        return (_("« je » is one person: does « {word} » stand for the minister alone?", word=word),)
    if rule == "tense_past":
        return (_("Your introducing verb is in the {tense}: which tense does « {word} » take after it?",
                  tense=detail, word=word),
                _("After a verb of saying in the past, the présent becomes the imparfait, the futur the "
                  "conditionnel, the passé composé the plus-que-parfait; the imparfait and the conditionnel stay. "
                  "Which rule applies to « {word} »?", word=word))
    if rule == "tense_present":
        return (_("Your introducing verb is in the {tense}: do the tenses of the quotation change after it? "
                  "Look at « {word} ».", tense=detail, word=word),
                _("After a verb of saying in the present, each verb keeps its tense: which tense is « {word} » in "
                  "the quotation?", word=word))
    if rule == "tense_selon":
        return (_("With « selon », the words keep their tenses (or take the conditionnel of reported "
                  "information): which tense is « {word} » in the quotation?", word=word),)
    if rule == "content":
        return (_("Did you keep what the minister said? Some of the quotation's words are missing."),
                _("Compare your sentence with the quotation, idea by idea: which one is gone?"))
    if rule == "negation":
        return (_("Does your sentence say the same thing as the quotation? Look for a negation added or lost."),)
    if rule == "denied":
        return (_("Does your sentence say the same thing as the quotation? « {word} » turns it into its opposite.",
                  word=word),)
    return (_("Read the quotation and your sentence again: what changed?"),)


def _judge_indirect(answer: Any, item: str) -> Result:
    from ..reported import report_indirect

    if not isinstance(answer, str) or not answer.strip():
        return failed(_("Is your answer one sentence in French, between quotes (a str)?"))
    from ..reported import exercise_quotation

    q = exercise_quotation(item)
    report = report_indirect(answer, q)
    if report.ok:
        return passed()
    return failed(*_problem_hints(report.problems[0], q.speaker))


def try_indirect(answer, *, article) -> Result:
    """Lesson 2, Try it (langue): Sadio Camara's « Nous devons coopérer … » in indirect speech.

    Judged by the rules of :mod:`articlekit.reported`: a verb of saying and
    « que » (or « selon », an incise, an infinitive), no guillemets, the
    pronouns and the tenses shifted, the meaning kept.

    >>> import articlekit as ak
    >>> from articlekit.checks import run_check
    >>> run_check(try_indirect, "Sadio Camara a déclaré que nous devions coopérer en scrutant notre accord "
    ...           "de coopération existant.", article=ak.load_article()).hint()
    "Who is « nous » once the minister's words are reported?"
    """
    return _judge_indirect(answer, "try")


def indirect(answer, *, article) -> Result:
    """Assignment (langue): Birame Diop's « C'est le but de cette visite … » in indirect speech.

    The same rules as the lesson's Try it, on another quotation (with « je »,
    « nous », a présent and a futur).
    """
    return _judge_indirect(answer, "graded")


# --------------------------------------------------------------------------
# Production: a reply from a voice the article does not let speak
# --------------------------------------------------------------------------
def _minister_quotes(article, minister: str) -> list[str]:
    from ..quotes import extract_quotes

    return [q.text for q in extract_quotes(article) if q.speaker and _surname(q.speaker) == _surname(minister)]


def _shared_content(piece: str, quotes: list[str]) -> int:
    from .meaning import _parse
    from ..reported import _content, _fold

    mine = {_fold(t.lemma_)[:6] for t in _content(_parse(piece)) if t.pos_ != "PROPN"}
    best = 0
    for q in quotes:
        theirs = {_fold(t.lemma_)[:6] for t in _content(_parse(q)) if t.pos_ != "PROPN"}
        best = max(best, len(mine & theirs))
    return best


def _judge_reply(answer: Any, task: str, article) -> Result:
    from ..reported import reported_speech
    from ..resume import copied_run, count_words, first_person
    from .meaning import french_share

    data = _fiche("reply")
    minister = data["tasks"][task]["minister"]
    sides = data["tasks"][task]["sides"]
    if not isinstance(answer, str) or not answer.strip():
        return failed(_("Is your reply a text in French, between quotes (a str)?"))
    share, english = french_share(answer)
    if share < 0.75 or english >= 0.2:
        return failed(_("Is your reply written in French?"))
    low, high = data["words"]
    n = count_words(answer)
    if not low <= n <= high:
        return failed(_n("Your reply has {n} word: is it between {low} and {high}?",
                         "Your reply has {n} words: is it between {low} and {high}?", n, low=low, high=high),
                      _("Count with `ak.count_words(reply)`, then cut or add a sentence."))
    from .meaning import _parse
    from ..reported import _fold

    roles = {_fold(r) for r in data["roles"]}
    words = {_fold(t.text) for t in _parse(answer)}
    people = {_fold(w) for e in _parse(answer).ents if e.label_ == "PER" for w in e.text.split()}
    ministers = {"sadio", "camara", "birame", "diop"}
    if not first_person(answer) or not (words & roles or people - ministers):
        return failed(_("Who is speaking? Say who you are in your text: a name, or a role such as "
                        "« habitante de Kayes »."),
                      _("Write in the first person (« je », « nous »), as the person who answers."))
    reports = reported_speech(answer, [minister, *sides])
    if not reports:
        return failed(_("Where do you report what {minister} said? Write one sentence in indirect speech: a verb "
                        "of saying and « que ».", minister=minister),
                      _("Name the minister in that sentence, so that the reader knows whose words you report."))
    good = [r for r in reports if r.ok]
    if not good:
        return failed(*_problem_hints(reports[0].problems[0], minister))
    quotes = _minister_quotes(article, minister)
    if not any(_shared_content(r.reported, quotes) >= 3 for r in good):
        return failed(_("Is that what {minister} said? The words you report should be his, from the article.",
                        minister=minister),
                      _("Take one of his statements and report its main ideas in your own sentence."))
    longest, run = copied_run(answer, article.text)
    if longest > data["max_copied_run"]:
        return failed(_("Is « {run} » copied from the article? Say it in your own words: at most {n} words in a row.",
                        run=run, n=data["max_copied_run"]))
    return passed(_("meets the measurable rules; your teacher reads the rest: the point of view and the answer "
                    "to the minister."))


def try_reply(answer, *, article) -> Result:
    """Lesson 2, Try it (production): a resident of the border region answers Birame Diop, in French.

    Measurable rules: 60 to 120 words, in French, the writer says who he or
    she is and speaks in the first person, at least one sentence reports
    what Birame Diop said in indirect speech (the rules of
    :mod:`articlekit.reported`), no long copy from the article.  The
    teacher reads the rest.

    >>> import articlekit as ak
    >>> from articlekit.checks import run_check
    >>> run_check(try_reply, "Trop court.", article=ak.load_article()).ok
    False
    """
    return _judge_reply(answer, "try", article)


def reply(answer, *, article) -> Result:
    """Assignment (production): a voice the article does not let speak answers Sadio Camara, in French.

    The same measurable rules as the lesson's Try it, with another minister.
    """
    return _judge_reply(answer, "graded", article)


# --------------------------------------------------------------------------
# The digests of the fiche's graded exercises (python -m articlekit.checks.annotating)
# --------------------------------------------------------------------------
def _expected_digests(article) -> dict[str, list[str]]:
    """The digests to ship for an article, from the teacher's keys (which must be installed)."""
    from .compare import salted_hash

    out: dict[str, list[str]] = {}
    verbs = _teacher_key(VERBS_KEY)["verbs"]
    out["reporting_verbs"] = [salted_hash(_canonical_verbs(verbs))]
    exam, spaces = _direct_counts(article)
    out["direct_voices"] = sorted({salted_hash(_canonical_voices({k.title(): v for k, v in table.items()}))
                                   for table in (exam, spaces)})
    return out


def _write_digests(article):
    import json
    from importlib import resources
    from pathlib import Path

    from ..storage import atomic_write_text

    path = Path(str(resources.files("articlekit").joinpath(f"data/fiche/{DIGESTS_FILE}")))
    body = {"note": "Salted hashes of the right answers of lesson 2's fiche exercises graded against the teacher's "
                    "keys, written by `python -m articlekit.checks.annotating`; never edit by hand.",
            "articles": {_stem(article): _expected_digests(article)}}
    atomic_write_text(path, json.dumps(body, ensure_ascii=False, indent=1) + "\n", backup=False)
    return path


if __name__ == "__main__":  # python -m articlekit.checks.annotating: rewrite the digests from the teacher's keys
    from ..parsing import load_article

    print(_write_digests(load_article()), ": digests written", sep="")
