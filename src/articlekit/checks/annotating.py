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

from . import Result, failed, normalise_text, passed
from .keyed import keyed
from .shapes import is_number

_NOT_ANNOTATIONS = ("Is your answer an annotation collection? Start from `ak.Annotations(article)` "
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
        return failed(f"Did you find every {what}? Some are missing.",
                      "Does `occurrence='all'` (or a regular expression) catch every repetition?",
                      f"You have {len(mine)} of {len(expected)}: which spelling did you not search for?")
    near = [b for b in extra if any(a[0] < b[1] and b[0] < a[1] for a in missing)]
    if near:
        a, b = near[0]
        return failed(f"Are your spans cut exactly? One covers « {text[a:b]} »: too much or too little.",
                      "Titles and the spaces around a name are not part of it.",
                      "Compare `your_answer.texts()` with the text: does each start and end where the name does?")
    return failed(f"Some of your spans are not {what}s: which ones?",
                  "Print `your_answer.texts()`: is every one of them right?",
                  f"You have {len(extra)} span(s) too many and {len(missing)} missing.")


# --------------------------------------------------------------------------
# 1. Spans by text
# --------------------------------------------------------------------------
@keyed
def people(answer, *, article) -> Result:
    """An Annotations collection with a PER span on every mention of the two
    ministers' names, in every spelling (names only, without titles)."""
    if not _is_annotations(answer, article):
        return failed(_NOT_ANNOTATIONS)
    mine = _bounds(s for s in answer.spans if s.label == "PER")
    if not mine:
        return failed("Did you label the names `\"PER\"` (person)?")
    expected = _bounds(_key(article).filter(label="PER"))
    return _learner_spans_check(mine, expected, article.text, "mention of a name")


@keyed
def spellings(answer, *, article) -> Result:
    """A dict: each minister -> {each spelling the text uses: how many times it occurs}."""
    from .shapes import as_counts, is_int

    if not isinstance(answer, dict) or not answer:
        return failed("Is your answer a dict, {name: {spelling: count, ...}}?")
    mine: dict[str, dict[str, int]] = {}
    for name, values in answer.items():
        counts = as_counts(values)
        if counts is None:
            if isinstance(values, (set, frozenset, list, tuple)):
                return failed("How many times does each spelling occur? Give a count for each: "
                              "{\"A B\": 2, \"A b\": 3}.", "A `Counter` of the texts counts them for you.")
            return failed("Is each value a dict from spelling to count, such as {\"A B\": 2}?")
        if not all(is_int(v) for v in counts.values()):
            return failed("Are the counts whole numbers?")
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
        return failed("Are the keys the two ministers, one entry each?",
                      "Two spellings of one name belong under the same key.")
    for surname, want in expected.items():
        have = mine[surname]
        extra = [v for v in have if v not in want]
        if any(_surname(v) != surname for v in extra):
            return failed("Is every spelling under the right minister?")
        if any(any(w in v for w in want) for v in extra):
            return failed("Are your spellings names only, without a title such as « le Général »?")
        if set(have) != set(want):
            if {v.casefold() for v in have} == {v.casefold() for v in want} and len(have) < len(want):
                return failed("Capitals count here: does the text always write a surname the same way?")
            return failed("Did you copy each spelling exactly as the text writes it, capitals included?",
                          "Search the text without caring about case (`re.IGNORECASE`), then keep what you find.")
        if have != want:
            return failed("Are the counts right? Count every occurrence of each spelling, in every paragraph.",
                          "Is a spelling inside a longer one (« Sadio Camara » in « Général Sadio Camara ») "
                          "counted too?")
    return passed()


# --------------------------------------------------------------------------
# 2. Regular expressions and sentences
# --------------------------------------------------------------------------
@keyed
def numbers(answer, *, article) -> Result:
    """An Annotations collection with the dates (DATE) and every number, in digits or in
    words, together with what it counts (NUM: « 419 kilomètres », « deux pays »)."""
    if not _is_annotations(answer, article):
        return failed(_NOT_ANNOTATIONS)
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
        return failed("Did you label the numbers `\"NUM\"`?")
    if any(any(d[0] <= n[0] < d[1] for d in want_date) for n in num):
        return failed("Is one of your numbers part of a date?",
                      "A day and a month (like « 14 juillet ») belong to the DATE, not to a NUM.")
    if num == digits_only:
        return failed("Those are the numbers in digits. Are there numbers written in words too?",
                      "How does the text write « 2 » in letters? Search for it with a pattern.")
    if num != want_num:
        return failed("Does each NUM hold the number *and* the word it counts (like « 3 jours »)?",
                      "How many numbers in digits does the text have, outside the dates?",
                      "Try a pattern like `r\"\\d+ \\w+\"`, then look at what it catches.")
    if not date:
        return failed("Did you label the dates `\"DATE\"` too?")
    if date != want_date and date != sorted(short_date):
        return failed("Is each date complete: its day, its month and its year, and nothing around them?",
                      "Is there a year on its own somewhere in a quotation?")
    return passed()


def terrorism_theme(answer, *, article) -> Result:
    """An Annotations collection with the theme ``terrorisme`` on every
    sentence that talks about terrorism or terrorists."""
    if not _is_annotations(answer, article):
        return failed(_NOT_ANNOTATIONS)
    mine = _bounds(answer.filter(label="terrorisme"))
    if not mine:
        return failed("Did you use the theme label `\"terrorisme\"` (lowercase)?")
    expected = sorted((s.start, s.end) for s in article.sentences if re.search(r"terroris", s.text, re.I))
    if not set(mine) <= {(s.start, s.end) for s in article.sentences}:
        return failed("Is each theme span a whole sentence? `add_sentence` does that for you.")
    if mine != expected:
        return failed("Did you catch both *terrorisme* and *terroristes*, with or without a capital?",
                      "Loop over `article.sentences` and test each text with a regular expression.")
    return passed()


# --------------------------------------------------------------------------
# 3. spaCy's first pass
# --------------------------------------------------------------------------
@keyed
def fixed_entities(answer, *, article) -> Result:
    """spaCy's suggestions corrected: every wrong label fixed, every span that
    is not an entity removed, every right one kept."""
    if not _is_annotations(answer, article):
        return failed(_NOT_ANNOTATIONS)
    from ..annotation import suggest_entities

    key = {(s.start, s.end): s.label for s in _key(article).layer("entities")}
    suggestions = suggest_entities(article)
    mine = {(s.start, s.end): s.label for s in answer.layer("entities")}
    if not mine:
        return failed("Did you start from `ak.suggest_entities(article)`?")
    junk = [b for b in mine if b not in key]
    if junk:
        a, b = junk[0]
        return failed(f"Is « {article.text[a:b].strip()} » really an entity, cut like this?",
                      "Remove the spans that are not names at all (« C’ », « s’étale », titles such as « Général »).",
                      f"{len(junk)} of your spans are not in the key: print them and remove them.")
    wrong = [b for b in mine if mine[b] != key[b]]
    if wrong:
        a, b = wrong[0]
        return failed(f"What kind of entity is « {article.text[a:b]} »? Check its label.",
                      "A nationality adjective (« Malien », « Sénégalaise ») is MISC; an institution is ORG.",
                      f"{len(wrong)} label(s) are still wrong.")
    lost = [(s.start, s.end) for s in suggestions if (s.start, s.end) in key and (s.start, s.end) not in mine]
    if lost:
        return failed("Did you remove a span spaCy had found correctly (perhaps with a wrong label)?",
                      "Relabel rather than remove when only the label is wrong.")
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
        return failed('Is your answer a dict {"precision": …, "recall": …, "f1": …} of three numbers?',
                      "The `ALL` row of `ak.span_scores(...)` has all three.")
    from ..agreement import span_scores
    from ..annotation import suggest_entities

    part = article.paragraphs[1]
    key, suggestions = _key(article).within(part), suggest_entities(article).within(part)
    want = span_scores(suggestions, key)[-1]
    if all(abs(a - b) < 0.005 for a, b in zip(scores, (want.precision, want.recall, want.f1))):
        return passed()
    swapped = span_scores(key, suggestions)[-1]
    if all(abs(a - b) < 0.005 for a, b in zip(scores, (swapped.precision, swapped.recall, swapped.f1))):
        return failed("Did you swap prediction and reference? spaCy's suggestions come first, the key second.")
    overlap = span_scores(suggestions, key, match="overlap")[-1]
    if abs(scores[2] - overlap.f1) < 0.005:
        return failed("Did you count overlapping spans as matches? The question asks for exact matches.")
    if any(v > 1 for v in scores):
        return failed("Scores are between 0 and 1: did you give a percentage or a count?")
    return failed("Did you cut both the suggestions and the key to paragraph 1 (`.within(article.paragraphs[1])`)?",
                  "Compare spaCy's suggestions (first) with the key (second) on the entities layer; take the `ALL` row.")


# --------------------------------------------------------------------------
# 4. Quotations and speakers
# --------------------------------------------------------------------------
def _dispatch_kinds(text: str) -> list[str]:
    import json

    from ..keys import require_key

    raw = json.loads(require_key(f"{DISPATCH}.key.json").read_text(encoding="utf-8"))
    rows = [(text.find(q["text"]), q["kind"]) for q in raw["quotes"] + [dict(x, kind="INDIRECT")
                                                                         for x in raw.get("indirect", [])]]
    return [kind.lower() for _, kind in sorted(rows)]


@keyed
def quote_kinds(answer, *, article) -> Result:
    """The kind of each quotation of the dispatch (``ak.exercise_article("02-depeche-frontiere")``),
    in text order: ``"direct"``, ``"partial"``, ``"motto"`` or ``"indirect"``."""
    if isinstance(answer, (str, dict)) or not hasattr(answer, "__iter__"):
        return failed("Is your answer a list of kinds, one per quotation?")
    answer = list(answer)
    if not all(isinstance(k, str) for k in answer):
        return failed("Is each kind a string such as \"direct\"?")
    kinds = [k.strip().lower() for k in answer]
    if any(k not in ("direct", "partial", "motto", "indirect") for k in kinds):
        return failed("Did you use only the four kinds: direct, partial, motto, indirect?")
    expected = _dispatch_kinds(_dispatch().text)
    if len(kinds) != len(expected):
        return failed("Did you count every quotation of the dispatch, including the one without guillemets?",
                      "Reported speech has no guillemets: look for « a rappelé que ».")
    from ..quotes import extract_quotes

    if kinds == [q.kind for q in extract_quotes(_dispatch())]:
        return failed("Is that what the rules say? They go wrong on this dispatch: read each quotation again.")
    if kinds.count("motto") != expected.count("motto"):
        return failed("Which quotation is a motto or a name that nobody in the dispatch says?")
    if kinds != expected:
        return failed("Is each quotation in guillemets a whole statement (direct) or a fragment inside "
                      "the writer's sentence (partial)?",
                      "A quotation introduced by « : » or followed by « a-t-il précisé » is usually direct.")
    return passed()


@keyed
def quote_annotations(answer, *, article) -> Result:
    """An Annotations collection of the short dispatch (``ak.exercise_article("02-depeche-frontiere")``) with each quotation in
    guillemets as a quotes span (DIRECT, PARTIAL or MOTTO, inside the guillemets) with its speaker."""
    text = _dispatch().text
    if not (isinstance(answer, _annotations_type()) and answer.text == text):
        if _is_annotations(answer, article):
            return failed("Is your collection about the dispatch? Start from `ak.Annotations(dispatch)`, "
                          "not from the article of the lesson.")
        return failed("Is your answer an annotation collection of the dispatch? Start from "
                      "`ak.Annotations(dispatch)` and keep the collection each `.add…` returns.")
    expected = _dispatch_key(text)
    mine = sorted((s for s in answer.layer("quotes") if s.label != "INDIRECT"), key=lambda s: (s.start, s.end))
    if not mine:
        return failed("Did you label the quotations DIRECT, PARTIAL or MOTTO (layer quotes)?")
    if len(mine) != len(expected):
        return failed("Does your collection hold every quotation in guillemets « », and only those?",
                      "Count the « in the dispatch.")
    for s, (a, b, _, _) in zip(mine, expected):
        if not (s.start < b and a < s.end):
            return failed("Is each of your quotation spans inside a pair of guillemets?")
        if (s.start, s.end) != (a, b):
            return failed(f"Is the quotation starting « {s.text[:25]}… » cut exactly inside its guillemets?",
                          "Leave out the « », and the spaces just inside them.")
    for s, (_, _, kind, _) in zip(mine, expected):
        if s.label != kind:
            return failed(f"Is « {s.text[:25]}… » really {s.label}? Check its kind: who says it, "
                          "and is it a whole statement or a fragment of the writer's sentence?")
    for s, (_, _, _, speaker) in zip(mine, expected):
        if not _same_person(s.speaker, speaker):
            if speaker is None:
                return failed("Who says a motto or a name? Leave its speaker empty (None).")
            return failed(f"Who says « {s.text[:25]}… »? Read the sentence around it: who is « il » or « elle »?",
                          "Give `speaker=` as the person's name (first name and surname), not a pronoun or "
                          "a group: the rules get some of these wrong, you must not.")
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
        return failed("Is your answer a number?")
    from ..agreement import cohen_kappa
    from ..annotation import suggest_entities

    suggestions = suggest_entities(article)
    expected = cohen_kappa(suggestions, _right_fixed(article))
    if abs(float(answer) - expected) < 0.005:
        return passed()
    if abs(float(answer) - cohen_kappa(suggestions, _key(article))) < 0.005:
        return failed("That compares spaCy with the whole key: the exercise compares it with your own "
                      "`fixed_entities`. How much did you have to change?")
    from ..storage import sample_key

    sample = sample_key(article)
    if abs(float(answer) - cohen_kappa(suggestions.within((0, article.paragraphs[1].end)), sample)) < 0.005:
        return failed("Is that the lesson's figure, spaCy against the sample key? The exercise compares spaCy "
                      "with your own `fixed_entities`, on the whole article.")
    if not -1 <= float(answer) <= 1:
        return failed("Kappa is between -1 and 1: is yours?")
    return failed("Did you compare the suggestions with your `fixed_entities` on the entities layer, "
                  "with the default tokens?",
                  "Is exercise 5 right first? Then `ak.cohen_kappa(suggestions, fixed_entities)`; leave `tokens=` out.")


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
            return failed("Is your answer the list of tasks `ak.to_label_studio(...)` returns?")
    if isinstance(answer, dict):
        answer = [answer]
    if not isinstance(answer, list) or not answer or not all(isinstance(t, dict) for t in answer):
        return failed("Is your answer the list of tasks `ak.to_label_studio(...)` returns?")
    from ..exchange import from_label_studio

    try:
        notes = from_label_studio(answer, _dispatch())
    except ValueError:
        return failed("Can Label Studio read it? Is it the export of your annotations of the dispatch?",
                      "Build it with `ak.to_label_studio(your_annotations)` and do not edit it by hand.")
    quotes = notes.layer("quotes")
    if not len(quotes):
        return failed("Does your export hold your quotations (layer quotes)?")
    if any(q.speaker is None and q.label != "MOTTO" for q in quotes):
        return failed("Does every quotation (except a motto) carry its speaker?")
    result = answer[0].get("annotations", [{}])[0].get("result", [])
    if not any(r.get("from_name") == "speaker" for r in result if isinstance(r, dict)):
        return failed("Are the speakers in the export, as `speaker` text regions?")
    return passed()


# --------------------------------------------------------------------------
# "Try it" self-checks of the lesson (formative: not graded in the assignment)
# --------------------------------------------------------------------------
def try_capitals(answer, *, article) -> Result:
    """Lesson 2, Try it: a collection with a PER span on every occurrence of the name in capitals."""
    if not _is_annotations(answer, article):
        return failed(_NOT_ANNOTATIONS)
    want = [m.span() for m in re.finditer(r"Sadio CAMARA", article.text)]
    have = {(s.start, s.end) for s in answer.filter(label="PER")}
    missing = [b for b in want if b not in have]
    if not missing:
        return passed()
    return failed(f"Are both occurrences there? {len(want) - len(missing)} of {len(want)} found.",
                  'Give `occurrence="all"` to `add`, or add occurrence 1 and 2.')


@keyed
def try_number_words(answer, *, article) -> Result:
    """Lesson 2, Try it: a collection with a NUM span on every number written in words, with what it counts."""
    if not _is_annotations(answer, article):
        return failed(_NOT_ANNOTATIONS)
    want = _bounds(s for s in _key(article).filter(label="NUM") if not re.search(r"\d", s.text))
    have = _bounds(answer.filter(label="NUM"))
    if have == want:
        return passed()
    if any(re.search(r"\d", article.text[a:b]) for a, b in have):
        return failed("Are these numbers written in words, or in digits?")
    return failed(f"How many numbers in words does the text have? You marked {len(have)}.",
                  "Which French words name small numbers (« deux », « trois »…)? Can one pattern catch each "
                  "of them together with the word that follows, and nothing else?")


def try_no_titles(answer, *, article) -> Result:
    """Lesson 2, Try it: spaCy's corrected suggestions without any span holding « Ministre » or « Général »."""
    if not _is_annotations(answer, article):
        return failed(_NOT_ANNOTATIONS)
    from ..annotation import suggest_entities

    titles = [s for s in answer if re.search(r"Ministre|Général", s.text)]
    if titles:
        return failed(f"Is « {titles[0].text} » gone? {len(titles)} span(s) still hold a title.",
                      "Loop over the spans and `remove` each one whose text matches `Ministre|Général`.")
    have = {(s.start, s.end) for s in answer}
    kept = [s for s in suggest_entities(article) if not re.search(r"Ministre|Général", s.text)
            and s.text not in ("C’", "qu’", "s’étale")]
    if any((s.start, s.end) not in have for s in kept):
        return failed("Did you remove only the titles? Some other spans of `fixed` are gone too.")
    return passed()


def try_both_places(answer, *, article) -> Result:
    """Lesson 2, Try it: the tiny prediction with both places right (an Annotations of the tiny text)."""
    from ..annotation import Annotations

    if not isinstance(answer, Annotations) or answer.text != "Le Mali et le Sénégal":
        return failed("Is your answer the tiny example's `prediction`, changed? Keep its text.")
    if sorted((s.start, s.end, s.label) for s in answer) == [(3, 7, "LOC"), (14, 21, "LOC")]:
        return passed()
    return failed("Does your prediction label both Mali and Sénégal LOC, and nothing else?",
                  "`prediction.relabel(\"Sénégal\", \"LOC\")` fixes the wrong label.")


def try_round_trip(answer, *, article) -> Result:
    """Lesson 2, Try it: the quotations exported for doccano and imported back (an Annotations)."""
    if not _is_annotations(answer, article):
        return failed(_NOT_ANNOTATIONS)
    from ..quotes import extract_quotes, quotes_to_annotations

    if answer == quotes_to_annotations(extract_quotes(article), article):
        return passed()
    return failed("Is it `found` after the round trip? Export it, import the file back, keep what the import gives.",
                  "`ak.import_annotations(ak.export_annotations(found, path), article)`.")
