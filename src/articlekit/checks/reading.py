"""Checks for lesson 1, reading the article (``01-reading``).

One pure function per exercise, ``def name(answer, *, article) -> Result``,
built with :func:`articlekit.checks.passed` / :func:`~articlekit.checks.failed`.

Expected values are derived from the parsed article (its cleaning report,
sentences, tokens, the kit's glossary and corrections list) or compared as
salted hashes (names, places, numbers), so this file never spells out an
answer.  Checks accept any correct route and any correct phrasing.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Any, Iterable

from ..i18n import _, _n
from . import Result, failed, matches_hash, normalise_text, passed, salted_hash, same_text
from .shapes import collection, is_int, is_number
from ..words import KEYBOARD_TABLE as _KEYBOARD_TABLE, WORD as _KIT_WORD

#: Some of these checks read a learner's French with spaCy's model: a grader's judge loads it
#: as it starts, while the first notebooks run, rather than when the first answer is judged.
NEEDS_MODEL = True

# Salted hashes (articlekit.checks.salted_hash) of folded words (no accents,
# lower case): the two ministers' surnames, the journalist's, places, numbers.
_CAMARA = "91a015468fa416670eda1e198def41df9989571f2efae5cbe387d7a6c6ab04e8"
_DIOP = "b6913633ce66b4cc1dff546296baca447fbf21fa8ac6ba495a2b1b73f9bbebf8"
_JOURNALIST = "0d75aa3666b22188081de686a92c50fd1c962daccc11579b64239d6b7b41e860"
_HOST = ("08e223a7f783028569ba7ee8b966a927297464deee172f4bc7e82a0d1e0b8991",   # the country
         "98f22101dc88beb520f08b88fa98d579a7413125d4e26c1fb85a1f76e37f7e7f")   # its capital
_GUEST = ("55e8d8ed81095c74d7f4a27aaa31f3e37c4935bfac5cdad0ebe45b87a258def3",
          "9b62c696b04eac00367cacf4325626d9f48cb6ad13704756a80616d0c54d3ec8")
_HOURS = "4f40893f3340316c5101d84b5e688867ea37609aefce10abc6a45db94faa8cef"
_KM = "0c741a3e6c66c4b903dfbcd2bd1566655ea1337232c7b4c50a5b24d99a8ba047"
_YEAR = "24f0d40194af9ef1144a67b67dab1df30d86ce6fb5ec819896326928698e49b1"

# The word of article.words (articlekit.words): a length check counts what ak counts.
_WORD = _KIT_WORD


# --------------------------------------------------------------------------
# Local helpers (pure)
# --------------------------------------------------------------------------
def _folded_words(text: str) -> list[str]:
    from ..words import folded_with_offsets as fold

    return re.findall(r"[a-z0-9]+", fold(text)[0])


def _mentions(text: str, digests: str | Iterable[str]) -> bool:
    return any(matches_hash(w, digests) for w in _folded_words(text))


def _mentions_stem(text: str, digests: str | Iterable[str]) -> bool:
    # a word that starts with the hashed one: « Malien », « Sénégalaise » name their country
    return any(matches_hash(w[:k], digests) for w in _folded_words(text) for k in range(3, len(w) + 1))






def _as_sentence_index(answer: Any, article) -> int | None:
    if is_int(answer):
        return int(answer)
    if hasattr(answer, "index") and hasattr(answer, "paragraph") and hasattr(answer, "text"):
        return int(answer.index)  # a Sentence
    if isinstance(answer, str):
        for s in article.sentences:
            if same_text(answer, s.text):
                return s.index
    return None


# --------------------------------------------------------------------------
# 1. From scrape to text
# --------------------------------------------------------------------------
def debris(answer, *, article) -> Result:
    """Raw line numbers (from 1) of the lines that are not part of the article:
    the repeated title and the web-error footer (blank lines may be included)."""
    lines = collection(answer)
    if lines is None or not all(is_int(x) for x in lines):
        return failed(_("Is your answer a list (or set) of line numbers, i.e. whole numbers?"))
    lines = {int(x) for x in lines}
    must = {c.line for c in article.cleaning if c.reason in ("duplicate title", "web-error footer")}
    raw_lines = article.raw.splitlines()
    blank = {i for i, line in enumerate(raw_lines, start=1) if not line.strip()}
    if not must <= lines and must <= {x + 1 for x in lines}:
        # every intruder one line too early: enumerate() without start=1
        return failed(_("Are you counting lines from 0? The printout numbers them from 1, as an editor does."),
                      _("Does your `enumerate(...)` start at 1, like the numbers printed above?"))
    if lines - must - blank:
        extra = sorted(lines - must - blank)
        if 0 in lines or any(x > len(raw_lines) for x in lines):
            return failed(_("The raw file has lines 1 to {last}: are you counting from 1, as an editor does?",
                            last=len(raw_lines)))
        if 1 in extra:
            return failed(_("Line 1 holds the rubric and the title: isn't that information worth keeping?"),
                          _("Which line says the same thing as line 1 again?"))
        return failed(_("Line(s) {lines} hold text that belongs to the article (or its byline): "
                        "are they really debris?", lines=extra),
                      _("Look for a line repeated word for word, and a line that is not even in French."))
    missing = must - lines
    if missing:
        return failed(_("Did you find both intruders: a line that repeats another, and a line in English?"),
                      _("Read the last lines of the raw file: is the last one written by the journalist?"),
                      _("Print the raw lines with their numbers: which line repeats line 1?"))
    return passed()


# --------------------------------------------------------------------------
# 2. Structure
# --------------------------------------------------------------------------
def shortest_sentence(answer, *, article) -> Result:
    """Index (from 0) of the shortest sentence in words (the Sentence or its text also accepted)."""
    lengths = [len(_WORD.findall(s.text)) for s in article.sentences]
    best = min(range(len(lengths)), key=lambda i: (lengths[i], i))
    index = _as_sentence_index(answer, article)
    if index is None:
        return failed(_("Is your answer the sentence's index (a whole number), as in `article.sentences[i]`?"))
    if index == best:
        return passed()
    if index == best + 1:
        return failed(_("Are you counting from 1? Python counts sentences from 0."))
    if index == max(range(len(lengths)), key=lambda i: (lengths[i], -i)):
        return failed(_("Is that the longest sentence? The exercise asks for the one with the fewest words."))
    by_chars = min(range(len(article.sentences)), key=lambda i: len(article.sentences[i].text))
    if index == by_chars:
        return failed(_("Did you measure characters rather than words?"))
    return failed(_("Did you count the words of every sentence, not only of the first paragraphs?"),
                  _("A table with one row per sentence and a `words` column, sorted, would show it."),
                  _("Try `ak.sentence_lengths(article)` and look for the smallest value."))


def quoted_paragraphs(answer, *, article) -> Result:
    """The set of paragraph indices (from 0) that hold at least one « … » quotation."""
    items = collection(answer)
    if items is None or not all(is_int(x) for x in items):
        return failed(_("Is your answer a set of paragraph numbers (whole numbers)?"))
    from ..reading import quote_spans

    expected = {p.index for p in article.paragraphs if quote_spans(p.text)}
    got = {int(x) for x in items}
    if got == expected:
        return passed()
    if got == {x + 1 for x in expected}:
        return failed(_("Are you counting paragraphs from 1? The kit counts them from 0."))
    if got < expected:
        return failed(_("Did you miss a short quotation, such as a motto?"),
                      _("Search every paragraph's text for the opening guillemet « ."))
    return failed(_("Does every paragraph you chose really contain a « guillemet » ?"),
                  _("Search every paragraph's text for the opening guillemet « ."))


# --------------------------------------------------------------------------
# 3. Compréhension globale
# --------------------------------------------------------------------------
def who(answer, *, article) -> Result:
    """The two people who meet, as a list of two names (any spelling of their names)."""
    items = collection(answer)
    if items is None or not all(isinstance(x, str) for x in items):
        return failed(_("Is your answer a list of names, each between quotes?"))
    if any(_mentions(x, _JOURNALIST) for x in items):
        return failed(_("Does the journalist who signs the article take part in the meeting?"))
    if len(items) != 2:
        return failed(_("How many people meet? Give one string per person."))
    camara = [_mentions(x, _CAMARA) for x in items]
    diop = [_mentions(x, _DIOP) for x in items]
    if (camara[0] and diop[1]) or (camara[1] and diop[0]):
        return passed()
    return failed(_("Who has met whom? Read the first sentence again: « X a rencontré … son homologue Y »."),
                  _("Did you write a title (« le Ministre ») instead of a person's name?"),
                  _("Give each person's surname as the text spells it, e.g. copied from the first sentence."))


#: French weekday names, Monday first, as ``datetime.date.weekday()`` counts them.
_JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def when(answer, *, article) -> Result:
    """The date of the meeting and its weekday worked out from it: ``{"date": date, "jour": "…"}``."""
    if not isinstance(answer, dict) or set(answer) != {"date", "jour"}:
        return failed(_('Is your answer a dict with two keys, {"date": …, "jour": …}?'))
    date, jour = answer["date"], answer["jour"]
    if isinstance(date, str):
        return failed(_("Is the date a `datetime.date` object rather than text?"),
                      _("Build it with `datetime.date(year, month, day)` from the numbers of `article.date_text`."))
    if not isinstance(date, _dt.date):
        return failed(_("Is the date a `datetime.date` object? Build it with `datetime.date(year, month, day)`."))
    if isinstance(date, _dt.datetime):
        date = date.date()
    expected = article.date
    if date != expected:
        if (date.year, date.month, date.day) == (expected.year, expected.day, expected.month):
            return failed(_("Did you swap the day and the month? `datetime.date` takes (year, month, day)."))
        return failed(_("Which day does the first sentence give, after « ce » ?"),
                      _("« février » is which month of the year?"))
    if not isinstance(jour, str) or not jour.strip():
        return failed(_("Is the weekday a French word, such as « lundi »?"))
    right = _JOURS[expected.weekday()]
    if normalise_text(jour) == right:
        return passed()
    if normalise_text(jour) in _JOURS:
        shifted = _JOURS[(expected.weekday() + 1) % 7]
        if normalise_text(jour) == shifted:
            return failed(_("Did you count the days from 1? `weekday()` gives 0 for lundi."))
        return failed(_("Did you work the weekday out from your date with `.weekday()` (0 = lundi)?"))
    return failed(_("Is your weekday one of lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche?"))


def _read_sentence(answer, article, concepts: tuple[str, ...], keep: str, example: str):
    """The shared first steps of a free-text check: a Result to return, or the answer's Reading.

    A short French sentence of the learner's own: at least four words, not a sentence of the
    article, at most 45 words (``keep`` says what to keep), in French (``example`` shows how to start).
    """
    from .meaning import read

    if not isinstance(answer, str) or len(_WORD.findall(answer)) < 4:
        return failed(_("Can you write a short sentence (at least four words) in French?"))
    if any(same_text(answer, s.text) for s in article.sentences):
        return failed(_("Can you say it in your own words rather than copy a sentence of the article?"))
    if len(_WORD.findall(answer)) > 45:
        return failed(_("Can you say it in one short sentence? Keep only {keep}.", keep=keep))
    reading = read(answer, concepts)
    if not reading.french:
        return failed(_("Is your sentence in French? The exercise asks you to write it in French."),
                      _("Write it as a French learner would: « {example} ».", example=example))
    return reading


def _judge_ideas(reading, steps) -> Result:
    """Each idea in turn: denied (its hints, with ``{denial}`` filled in) or missing (its hints), else passed.

    ``steps`` is a sequence of ``(concept, denied_hints, missing_hints)``: the denied hints are
    functions of the denial (the words that deny the idea), the missing hints messages.
    """
    for concept, denied, missing in steps:
        if reading.denies(concept):
            return failed(*(hint(reading.denial(concept)) for hint in denied))
        if not reading.named(concept):
            return failed(*missing)
    return passed()


def what(answer, *, article) -> Result:
    """Quoi ? In one French sentence: the meeting, and the agreement the two countries already signed (its year)."""
    reading = _read_sentence(answer, article, ("meeting", "agreement"), _("the event and the agreement"),
                             "Le ministre … pour …")
    if isinstance(reading, Result):
        return reading
    if reading.denies("meeting"):
        return failed(_("Did the meeting take place? Look again at « {denial} ».", denial=reading.denial("meeting")))
    if not reading.named("meeting"):
        return failed(_("What happens on the day of the article? Name the event (who receives whom)."),
                      _("Read the first sentence: what does the minister do « ce jeudi » ?"))
    if reading.denies("agreement") or not reading.named("agreement"):
        return failed(_("What do the two countries already have, that this visit should put into practice?"),
                      _("Look for « accord » in the article: what kind of agreement, and from which year?"))
    if not any(matches_hash(int(n), _YEAR) for n in re.findall(r"\b\d{4}\b", answer)):
        return failed(_("From which year is that agreement? Give the year in your sentence."))
    return passed()


def where(answer, *, article) -> Result:
    """The country where the meeting takes place (a string), as the text gives it."""
    if not isinstance(answer, str) or not answer.strip():
        return failed(_("Is your answer a place name between quotes?"))
    host, guest = _mentions(answer, _HOST[:1]), _mentions(answer, _GUEST[:1])
    city = _mentions(answer, _HOST[1:]) or _mentions(answer, _GUEST[1:])
    if city and not (host or guest):
        # the text never names a city: a capital is what the reader adds, not what the text says
        return failed(_("Does the text name a city? Look for « dans notre pays »: which country does it give?"),
                      _("Answer with what the article says, not what you know: the country, not its capital."))
    if host and not guest:
        return passed()
    if guest and not host:
        return failed(_("Who is visiting whom? Look for « en visite » and « sa visite … au »."),
                      _("« dans notre pays »: which country is the newspaper's own?"))
    if host and guest:
        return failed(_("The meeting happens in one country only: which delegation travelled?"))
    return failed(_("Which country is it? Give its name as the article writes it (a country, not an adjective)."),
                  _("« en visite … dans notre pays », « sa visite … au … »: where is that?"))


def numbers(answer, *, article) -> Result:
    """A dict with the visit's length in hours, the border's length in km and the agreement's year."""
    keys = ("visit_hours", "border_km", "agreement_year")
    if not isinstance(answer, dict):
        return failed(_("Is your answer a dict such as {\"visit_hours\": ..., \"border_km\": ..., \"agreement_year\": ...}?"))
    if set(answer) != set(keys):
        return failed(_("Does your dict have exactly the keys {keys}?", keys=", ".join(keys)))
    if not all(is_int(answer[k]) for k in keys):
        return failed(_("Are the values whole numbers (int), without units or quotes?"))
    wrong = [k for k, digest in zip(keys, (_HOURS, _KM, _YEAR)) if not matches_hash(int(answer[k]), digest)]
    if not wrong:
        return passed()
    where_ = {"visit_hours": _("How long does the visit last? Look for « heures »."),
              "border_km": _("How long is the shared border? Look for « kilomètres »."),
              "agreement_year": _("When was the framework agreement signed? Look for « accord cadre de »."),}
    return failed(*(where_[k] for k in wrong))


# Any phrasing of « working together » and of the threat (folded: no accents, lower case).
def why(answer, *, article) -> Result:
    """Why the ministers meet, in one short French sentence of your own.

    Judged for meaning (:mod:`articlekit.checks.meaning`): the sentence is
    French, names working together and the threat faced, and neither denies
    the cooperation nor takes the threat's side.  Any wording in the synonym
    table passes: « coopérer », « s'allier », « agir de concert »…
    """
    reading = _read_sentence(answer, article, ("cooperation", "threat"), _("what they want and against what"),
                             "Les deux pays veulent … contre …")
    if isinstance(reading, Result):
        return reading
    return _judge_ideas(reading, (
        ("cooperation",
         (lambda d: _("Does your sentence say that they want to work together, or that they do not? "
                      "Look again at « {denial} ».", denial=d),
          lambda d: _("Read the title again: what do the two countries « cherchent à renforcer » ?")),
         (_("What do the two ministers want to strengthen together?"),
          _("What does the title say the two countries « cherchent à renforcer » ?"))),
        ("threat",
         (lambda d: _("Are the two countries against the threat in your sentence? Look again at « {denial} ».",
                      denial=d),
          lambda d: _("Which threat do they want to fight, and does your sentence say they fight it?")),
         (_("Against what do they want to work together? Name the threat."),
          _("Which threat does the article name most often?"))),
    ))


def conditions(answer, *, article) -> Result:
    """On what conditions Mali will cooperate, in one short French sentence of your own.

    Judged for meaning like :func:`why`: French, names the cooperation and the
    conditions (sovereignty, strategic choices, the people's interests…),
    and denies neither (« sans condition », « renonce à sa souveraineté » fail).
    """
    reading = _read_sentence(answer, article, ("cooperation", "conditions"),
                             _("what the Malian side wants, and on what condition"), "Le pays veut … à condition que …")
    if isinstance(reading, Result):
        return reading
    return _judge_ideas(reading, (
        ("cooperation",
         (lambda d: _("Does your sentence say that the Malian side wants to cooperate, or that it does not? "
                      "Look again at « {denial} ».", denial=d),
          lambda d: _("Read paragraph 3 again: « la partie malienne … se dit ouverte à toute collaboration ».")),
         (_("What is « la partie malienne » open to, although it has left the CEDEAO?"),
          _("Read paragraph 3: to what is « la partie malienne » « ouverte » ?"))),
        ("conditions",
         (lambda d: _("Does the Malian side give up its conditions in your sentence? Look again at « {denial} ».",
                      denial=d),
          lambda d: _("Read the Malian minister's words in paragraph 4: what must partners respect?")),
         (_("On what condition? Name what Mali asks its partners to respect."),
          _("Read paragraph 4: « à savoir : le respect de … »."))),
    ))


# --------------------------------------------------------------------------
# 4. The people
# --------------------------------------------------------------------------
def people(answer, *, article) -> Result:
    """A DataFrame with one row per minister and columns person, country, role, names
    (``names``: a list of every way the text names that person)."""
    columns = getattr(answer, "columns", None)
    if columns is None or not hasattr(answer, "iterrows"):
        return failed(_("Is your answer a pandas DataFrame (`pd.DataFrame(rows)`)?"))
    need = {"person", "country", "role", "names"}
    if not need <= {str(c) for c in columns}:
        return failed(_("Does your table have the columns person, country, role and names?"))
    from ..glossary import find_forms

    rows = {"camara": None, "diop": None}
    for _index, row in answer.iterrows():
        person = row["person"]
        if not isinstance(person, str):
            return failed(_("Is each `person` a name between quotes?"))
        if _mentions(person, _CAMARA):
            rows["camara"] = row
        elif _mentions(person, _DIOP):
            rows["diop"] = row
    if rows["camara"] is None or rows["diop"] is None:
        return failed(_("Is there one row for each of the two ministers who meet?"))
    for key, home, role_stem in (("camara", _HOST, "defense"), ("diop", _GUEST, "forces")):
        row = rows[key]
        # the country or its adjective of nationality (« Mali », « malien »), and not the other one too
        rival = _GUEST if key == "camara" else _HOST
        if (not isinstance(row["country"], str) or not _mentions_stem(row["country"], home[:1])
                or _mentions_stem(row["country"], rival[:1])):
            return failed(_("Is each minister's country right? Which adjective of nationality does the text "
                            "put next to each one's name or title?"),
                          _("In the first sentence, who is « son homologue », and which adjective follows those words?"))
        if not isinstance(row["role"], str) or role_stem not in " ".join(_folded_words(row["role"])):
            return failed(_("Does each `role` give the minister's portfolio as the text names it?"),
                          _("Which words follow « Ministre » next to each man's name? Try `ak.kwic(article, \"Ministre\")`."))
        names = row["names"]
        if isinstance(names, str) or collection(names) is None or not all(isinstance(n, str) for n in names):
            return failed(_("Is `names` a list of strings for each person?"))
        absent = [n for n in names  # case matters here: « CAMARA » and « Camara » are two forms
                  if not any(same_text(article.text[a:b], n, casefold=False)
                             for a, b in find_forms(article, n))]
        if absent:
            return failed(_("Is {form!r} written like that in the article? Copy each form from the text.",
                            form=absent[0]))
        # a form that names the other man: his surname, his country, his portfolio
        other_name, other_home, other_stem = ((_DIOP, _GUEST, "forces") if key == "camara"
                                              else (_CAMARA, _HOST, "defense"))
        for n in names:
            if (_mentions(n, other_name) or _mentions_stem(n, other_home)
                    or other_stem in " ".join(_folded_words(n))):
                return failed(_("Does « {form} » name this minister, or the other one?", form=n),
                              _("« son homologue … » names the other man, seen from each side: whose homologue?"))
        distinct = {normalise_text(n, casefold=False) for n in names}  # CAMARA ≠ Camara here
        if len(distinct) < (3 if key == "camara" else 2):
            return failed(_("Did you collect every way the text names each person (name in capitals, "
                            "name in small letters, title alone…)?"),
                          _("Search for the surname with `ak.find_forms` and for « homologue », « Ministre »: "
                            "how else is each man named?"))
    return passed()


# --------------------------------------------------------------------------
# 5. Langue
# --------------------------------------------------------------------------
def my_glossary(answer, *, article) -> Result:
    """Your glossary: the kit's one plus at least two terms of your own that occur in the article."""
    from ..glossary import Glossary

    if not isinstance(answer, Glossary):
        return failed(_("Is your answer a glossary, made with `ak.load_glossary().add(...)`?"))
    mine = [e for e in answer if e.source == "learner"]
    if len(mine) < 2:
        return failed(_("You added {n} term(s): can you add at least two?", n=len(mine)),
                      _("`add` returns a new glossary: did you keep its result, e.g. `g = g.add(...)`?"))
    missing = [e.term for e in mine if not answer.find(article, e.term)]
    if missing:
        return failed(_("Is « {term} » in the article as you wrote it? Add the form the text uses "
                        "as a variant (e.g. plural, conjugated).", term=missing[0]))
    if any(not e.gloss.strip() for e in mine):
        return failed(_("Did you give each new term an English gloss?"))
    return passed()


#: How many lemmas exercise "frequent lemmas" asks for (the quotations' top four have no tie).
_TOP = 4


def _quoted_counts(article) -> dict[str, int]:
    # the content lemmas of the words inside guillemets: what the speakers themselves repeat
    from ..reading import CONTENT_POS, quote_spans

    spans = quote_spans(article.text)
    counts: dict[str, int] = {}
    for t in article.tokens:
        if t.is_stop or t.is_punct or not t.is_alpha or t.pos not in CONTENT_POS:
            continue
        if any(a <= t.start < b for a, b in spans):
            counts[t.lemma.casefold()] = counts.get(t.lemma.casefold(), 0) + 1
    return counts


def top_lemmas(answer, *, article) -> Result:
    """The four most frequent content lemmas inside the quotations (in « »), as a list of strings."""
    items = collection(answer)
    if items is None or not all(isinstance(x, str) for x in items):
        return failed(_("Is your answer a list of lemmas (strings)?"))
    if len(items) != _TOP:
        return failed(_("Did you keep exactly {number} lemmas?", number=_number_word(_TOP)))
    from ..reading import lemma_frequencies

    counts = _quoted_counts(article)
    got = [x.strip().casefold() for x in items]
    if len(set(got)) != _TOP:
        return failed(_("Is each lemma there only once?"))
    last = sorted(counts.values(), reverse=True)[_TOP - 1]
    sure = {lemma for lemma, n in counts.items() if n > last}
    if all(x in counts and counts[x] >= last for x in got) and sure <= set(got):
        return passed()
    whole = lemma_frequencies(article)["lemma"].tolist()
    if set(got) == set(whole[:_TOP]):
        return failed(_("Those are the whole article's most frequent lemmas: which words does the exercise ask "
                        "about?"), _("Keep only the tokens that lie inside a quotation (`ak.quote_spans(article.text)`)."))
    stop = {t.lemma.casefold() for t in article.tokens if t.is_stop or t.is_punct}
    if any(x in stop for x in got):
        return failed(_("Did you remove the stop words (le, de, et…) and punctuation?"))
    everywhere = {t.lemma.casefold() for t in article.tokens}
    if any(x not in everywhere for x in got):
        return failed(_("Are these lemmas (dictionary forms) in lower case, as `token.lemma` gives them?"),
                      _("Did you count lemmas (`t.lemma`) rather than written forms (`t.text`)?"))
    return failed(_("Did you count only the tokens inside the guillemets, with the lesson's filter "
                    "(nouns, proper nouns, adjectives, verbs, adverbs)?"),
                  _("A token is inside a quotation when its `start` lies in one of `ak.quote_spans(article.text)`."))


# --------------------------------------------------------------------------
# 6. Readability
# --------------------------------------------------------------------------
@lru_cache(maxsize=4)
def _readabilities(article):
    """The readability of the first paragraph and of the whole article (frozen results), once per article."""
    from ..readability import readability

    return readability(article.paragraphs[0].text), readability(article)


def kandel_moles(answer, *, article) -> Result:
    """The Kandel–Moles score of the article's first paragraph, computed from its counts (a number)."""
    if not is_number(answer):
        return failed(_("Is your answer a number?"))
    r, whole = _readabilities(article)
    answer = float(answer)
    if abs(answer - r.kandel_moles) < 0.05:
        return passed()
    if abs(answer - whole.kandel_moles) < 0.05:
        return failed(_("That is the whole article's score, the lesson's: which part does the exercise ask about?"),
                      _("Use the three counts of the first paragraph printed above the exercise."))
    swapped = 207 - 1.015 * r.syllables_per_word - 73.6 * r.words_per_sentence
    if abs(answer - swapped) < 0.05:
        return failed(_("Did you swap the two ratios? 1.015 goes with words per sentence."))
    flesch = 206.835 - 1.015 * r.words_per_sentence - 84.6 * r.syllables_per_word
    if abs(answer - flesch) < 0.5:
        return failed(_("That is Flesch's English formula: which constants does Kandel–Moles use?"))
    return failed(_("Did you divide words by sentences, and syllables by words, with the counts printed above?"),
                  _("The formula is 207 − 1.015 × (words / sentences) − 73.6 × (syllables / words)."))


# --------------------------------------------------------------------------
# 7. Reading critically
# --------------------------------------------------------------------------
_SLIPS_NEEDED = 5  # the exercise asks for « at least five » slips
# What a keyboard hides (’ and ', no-break and ordinary spaces, ‑ and -), from the
# kit's one typography home (articlekit.words); read-only: no module-level mutable state.
_TYPO = _KEYBOARD_TABLE


def _slip_norm(text: str, *, casefold: bool = False) -> str:
    # forgive only what a keyboard hides: ’ versus ', (narrow) non-breaking versus
    # ordinary spaces, repeated spaces; a missing or extra space or comma still counts
    import unicodedata

    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(_TYPO)).strip()
    return text.casefold() if casefold else text


def _slip_items(answer: Any) -> list[tuple[str, str]] | None:
    """The learner's (text as written, correction) pairs: a dict, or a list of pairs."""
    if isinstance(answer, dict):
        pairs = list(answer.items())
    else:
        items = collection(answer)
        if items is None or not all(collection(p) is not None and len(list(p)) == 2 for p in items):
            return None
        pairs = [tuple(p) for p in items]
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in pairs):
        return None
    seen, out = set(), []
    for k, v in pairs:  # the same pair twice counts once
        key = (_slip_norm(k), _slip_norm(v))
        if key not in seen:
            seen.add(key)
            out.append((k, v))
    return out


def _judge_slip(wrong: str, right: str, text: str, known) -> tuple[str, frozenset]:
    """A verdict (``good``, ``wrong``, ``unchanged``, ``unlisted`` or ``not found``)
    and, when good, the listed slips the item corrects (their offsets).

    Each listed slip is judged on its own span: every slip the learner's piece
    touches is either corrected as the kit's list says or left exactly as written
    (a neighbour slip, overlapping or inside the piece, never spoils a right fix);
    the item is good when at least one slip is corrected and nothing else changed.
    """
    from itertools import combinations

    spans = _spans_of(wrong, text)
    if not spans:
        return "not found", frozenset()
    if _slip_norm(right) in {_slip_norm(wrong), *(_slip_norm(text[a:b]) for a, b in spans)}:
        return "unchanged", frozenset()  # written back as it was, perhaps in another case
    verdict = "unlisted"
    for a, b in spans:
        overlapping = [c for c in known if c.start < b and a < c.end]
        whole = [c for c in overlapping if a <= c.start and c.end <= b]
        partial = [c for c in overlapping if c not in whole]
        if whole and verdict == "unlisted":
            verdict = "wrong"
        if len(overlapping) > 8:  # a whole paragraph as a key: judge it as one piece
            choices = [(tuple(whole), tuple(partial))]
        else:
            choices = [(done, extra) for k in range(len(partial) + 1) for extra in combinations(partial, k)
                       for w in range(len(whole), -1, -1) for done in combinations(whole, w)]
        for done, extra in choices:
            chosen = list(done) + list(extra)
            if not chosen:
                continue
            lo, hi = min([a] + [c.start for c in chosen]), max([b] + [c.end for c in chosen])
            expected = text[lo:hi]
            for c in sorted(chosen, key=lambda c: c.start, reverse=True):
                expected = expected[:c.start - lo] + c.correction + expected[c.end - lo:]
            if _slip_norm(text[lo:a] + right + text[b:hi]) == _slip_norm(expected):
                return "good", frozenset((c.start, c.end) for c in chosen)
    return verdict, frozenset()


def slips(answer, *, article) -> Result:
    """At least five slips of the original, as a dict {text as written: corrected text}."""
    items = _slip_items(answer)
    if items is None:
        return failed(_("Is your answer a dict {\"text as written\": \"corrected text\"}?"))
    from ..keys import KeyMissing
    from ..reading import corrections

    text = article.text
    for wrong, _right in items:
        if not wrong.strip():
            return failed(_("Is one of your keys empty? Each key is a piece of the article's text."))
    # the lesson corrected one passage: its slips do not count towards the five
    lesson = corrections(article)
    done = [w for w, _right in items for a, b in _spans_of(w, text) if any(c.start < b and a < c.end for c in lesson)]
    if done:
        return failed(_("The lesson corrected « {slip} » already: can you find slips elsewhere in the article?",
                        slip=done[0]),
                      _("Leave out the passage « le terrorisme et le crime … » that the lesson corrected."))
    try:
        known = corrections(article, full=True)
    except KeyMissing:
        return _slips_by_digest(items, article)
    needed = min(_SLIPS_NEEDED, len(known))
    judged = [(wrong, *_judge_slip(wrong, right, text, known)) for wrong, right in items]
    verdicts = [(wrong, verdict) for wrong, verdict, _spans in judged]
    fixed = set().union(*(done for _wrong, _verdict, done in judged))  # distinct slips, however grouped
    for wrong, verdict in verdicts:
        if verdict == "not found":
            return failed(_("Is « {wrong} » written exactly like that in the article? Copy it from the text.",
                            wrong=wrong))
    good = sum(v == "good" for _wrong, v in verdicts)
    unlisted = [w for w, v in verdicts if v == "unlisted"]
    bad = [(w, v) for w, v in verdicts if v not in ("good", "unlisted")]
    n = len(verdicts)
    note = None
    if unlisted:
        note = _n("{pieces} is not in the kit's list of slips: your teacher will read it.",
                  "{pieces} are not in the kit's list of slips: your teacher will read them.", len(unlisted),
                  pieces=", ".join("« " + w + " »" for w in unlisted))
    count = _n("{good} of your {n} correction is right", "{good} of your {n} corrections are right", n, good=good)
    if bad:
        wrong, verdict = bad[0]
        first = _("{count}; look again at « {wrong} ».", count=count, wrong=wrong)
        if verdict == "unchanged":
            second = _("Your correction of « {wrong} » is written just like the original: "
                       "which word in it breaks a rule, and how should it be written?", wrong=wrong)
            spans = _spans_of(wrong, text)
            if not any(_slip_norm(text[a:b]) == _slip_norm(wrong) for a, b in spans):
                second = _("Is « {wrong} » written exactly like that in the article, capitals included? "
                           "Copy it from the text, then correct it.", wrong=wrong)
            elif not any(c.start < b and a < c.end for a, b in spans for c in known):
                first = _("« {wrong} » looks right to me: which word in it breaks a rule? ({count}.)",
                          wrong=wrong, count=count)
                second = _("Keep each key short (one to three words) and centred on one slip.")
        else:
            second = _("« {wrong} » is a slip, but is your correction right? Check agreement, "
                       "capitals, spaces and punctuation, and correct only what is wrong.", wrong=wrong)
        return failed(_with_note(first, note), _with_note(second, note))
    if len(fixed) < needed:
        if len(fixed) != good:
            count = _n("{count}, and together they correct {n} different slip",
                       "{count}, and together they correct {n} different slips", len(fixed), count=count)
        return failed(_with_note(_("{count}: can you find at least {number}?", count=count,
                                   number=_number_word(needed)), note),
                      _with_note(_("Look for: adjectives with a capital, an adjective that does not agree, "
                                   "a missing letter."), note))
    return passed(note) if note else passed()


def _with_note(hint, note):
    """A hint followed by a note for the teacher's eyes (or the hint alone when there is no note)."""
    return _("{hint} {note}", hint=hint, note=note) if note else hint


def _slip_digest(wrong: str, right: str) -> str:
    """The digest of one (text as written, correction) pair, as the kit ships it for learners' copies."""
    return salted_hash(_slip_norm(wrong) + " => " + _slip_norm(right))


def _slips_by_digest(items, article) -> Result:
    # a learner's copy of the kit: the teacher's list is not here, only the digest of each pair
    from pathlib import Path

    from ..keys import digests

    accepted = set(digests(Path(str(article.source)).stem, "slips"))
    for wrong, _right in items:
        if not _spans_of(wrong, article.text):
            return failed(_("Is « {wrong} » written exactly like that in the article? Copy it from the text.",
                            wrong=wrong))
    good = sum(_slip_digest(w, r) in accepted for w, r in items)
    needed = min(_SLIPS_NEEDED, len(accepted)) or _SLIPS_NEEDED
    others = len(items) - good
    note = _("{others} of your corrections are not matched by this copy of the kit (the teacher's list is "
             "not here, so a key with more or less context than the list's cannot be matched): your teacher "
             "will read them.", others=others) if others else None
    if good >= needed:
        return passed(note) if note else passed()
    return failed(_with_note(_("{good} of your {n} corrections match the kit's list: can you find at least "
                               "{number}?", good=good, n=len(items), number=_number_word(needed)), note),
                  _("Keep each key to the one to three words around a slip, written exactly as in the text."))


def _spans_of(wrong: str, text: str) -> list[tuple[int, int]]:
    from ..glossary import find_forms

    # the spans written exactly like the key; failing that, the same words in another case
    spans = find_forms(text, wrong)
    for casefold in (False, True):
        found = [(a, b) for a, b in spans
                 if _slip_norm(text[a:b], casefold=casefold) == _slip_norm(wrong, casefold=casefold)]
        if found:
            return found
    return []


def _number_word(n: int):
    """A small number as a word, for hints (« at least five »); translated with the hint that holds it."""
    words = (lambda: _("one"), lambda: _("two"), lambda: _("three"), lambda: _("four"), lambda: _("five"),
             lambda: _("six"))
    return words[n - 1]() if 1 <= n <= len(words) else str(n)


def quoted_speakers(answer, *, article) -> Result:
    """The surnames of the people whose words are quoted between « », as a set of strings."""
    items = collection(answer)
    if items is None or not all(isinstance(x, str) for x in items):
        return failed(_("Is your answer a set of names (strings)?"))
    if any(_mentions(x, _JOURNALIST) for x in items):
        return failed(_("Does the journalist quote himself?"))
    camara = any(_mentions(x, _CAMARA) for x in items)
    diop = any(_mentions(x, _DIOP) for x in items)
    others = [x for x in items if not (_mentions(x, _CAMARA) or _mentions(x, _DIOP))]
    if camara and diop and not others:
        return passed()
    if others:
        return failed(_("Is a motto, a country or an institution a speaker? Keep only people whose words are quoted."))
    return failed(_("Read each « … » quotation: who is speaking? Look at the verb that introduces it."),
                  _("Read every « … » quotation of the article in turn: do they all come from the same man?"))


# --------------------------------------------------------------------------
# "Try it" self-checks of the lesson (formative: not graded in the assignment)
# --------------------------------------------------------------------------
def try_motto(answer, *, article) -> Result:
    """Lesson 1, Try it: what is quoted in paragraph 1 (a string, or a list of the quoted texts)."""
    from ..reading import quote_spans

    text = article.paragraphs[1].text
    expected = [text[a:b] for a, b in quote_spans(text)]
    if isinstance(answer, str):
        answer = [answer]
    items = collection(answer)
    if items is None or not all(isinstance(x, str) for x in items):
        return failed(_("Is your answer the quoted text (a string), or the list `ak.quote_spans` gives?"))
    bare = lambda t: t.strip().strip("«»\"“” \u00a0")  # noqa: E731 - with or without its guillemets
    if len(items) == len(expected) and all(same_text(bare(a), bare(b)) for a, b in zip(items, expected)):
        return passed()
    return failed(_("Did you take the text between « and » in paragraph 1 (`article.paragraphs[1].text`)?"),
                  _("`[text[a:b] for a, b in ak.quote_spans(text)]` lists each quotation of `text`."))


# ==========================================================================
# The fiche: mise en route, compréhension détaillée, langue, production
# ==========================================================================
# The lesson's Try-it items and answers are formative data of the package
# (data/fiche/reading-lesson.json).  The assignment's items are in the package
# too (data/fiche/reading-assignment.json) but not their answers: these are
# the teacher's key (teacher/keys/reading-fiche.json), and a learner's copy
# judges by the salted digest of each item's answer
# (data/keys/<article>.reading-fiche.digests.json, written by
# ``python -m articlekit.checks.reading``).
_KEY_NAME = "reading-fiche.json"
_DIGESTS = "reading-fiche"
def _no_key():
    """The note a learner's copy adds to a « not yet »: it judges without the key, by digest."""
    return _("(Without the teacher's key here, this check can only say right or not yet.)")


def _fiche(name: str) -> dict:
    """One of the package's fiche files (``lesson`` or ``assignment``), read afresh (it is small)."""
    import json
    from importlib import resources

    path = resources.files("articlekit").joinpath(f"data/fiche/reading-{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _key() -> dict:
    """The teacher's key of the graded fiche exercises; :class:`~articlekit.keys.KeyMissing` without it."""
    import json

    from ..keys import require_key

    return json.loads(require_key(_KEY_NAME).read_text(encoding="utf-8"))


def _digest_stem(article) -> str:
    from pathlib import Path

    return f"{Path(str(article.source)).stem}.{_DIGESTS}"


def _accepted_digests(article, check: str) -> frozenset:
    from ..keys import digests

    return frozenset(digests(_digest_stem(article), check))


# --------------------------------------------------------------------------
# Mise en route: anticipate from the rubric and the title
# --------------------------------------------------------------------------
def _is_french(text: str) -> bool:
    from .meaning import french_share

    fr, en = french_share(text)
    return fr >= 0.75 and en < 0.2


def _field(answer: dict, *names: str):
    from ..words import folded

    for key, value in answer.items():
        if isinstance(key, str) and folded(key).strip() in names:
            return value
    return None


def try_anticipation(answer, *, article) -> Result:
    """Lesson 1, mise en route: before reading, two hypotheses in French and three words you expect.

    ``{"hypothèses": ["…", "…"], "mots": ["…", "…", "…"]}``.  An anticipation
    cannot be right or wrong: the check asks only that it is one (French
    sentences that say more than the title, words you expect to read),
    and you check it yourself once you have read the article.
    """
    if not isinstance(answer, dict):
        return failed(_("Is your answer a dict {\"hypothèses\": [...], \"mots\": [...]}?"))
    hypotheses = _field(answer, "hypotheses", "hypothese")
    words = _field(answer, "mots", "mot", "words")
    if isinstance(hypotheses, str):
        hypotheses = [hypotheses]
    hypotheses = collection(hypotheses)
    words = collection(words)
    if hypotheses is None or words is None:
        return failed(_("Does your dict have the two keys « hypothèses » and « mots », each with a list?"))
    if len(hypotheses) < 2 or not all(isinstance(h, str) for h in hypotheses):
        return failed(_("Can you write two hypotheses, each as one sentence between quotes?"))
    from ..resume import copied_run

    for h in hypotheses:
        if len(_WORD.findall(h)) < 4:
            return failed(_("Is « {text} » a sentence? Write at least four words: what will the article say?", text=h))
        if not _is_french(h):
            return failed(_("Is « {text} » in French? Write your hypotheses in French.", text=h),
                          _("Start like this: « Je pense que l’article va parler de … »."))
        if copied_run(h, article.title)[0] >= 6:
            return failed(_("Does « {text} » say more than the title? Guess what the article adds: who speaks, "
                            "why, how, with what result?", text=h))
    if len(words) < 3 or not all(isinstance(w, str) and w.strip() for w in words):
        return failed(_("Can you list three words (strings) that you expect to read in the article?"))
    from ..words import folded

    title = set(re.findall(r"\w+", folded(article.title)))
    new = [w for w in words if not set(re.findall(r"\w+", folded(w))) <= title]
    if len(new) < 2:
        return failed(_("Are your words all in the title already? Which other words do you expect in such "
                        "an article?"))
    return passed(_("your anticipation is written down: keep it, and check it against the text once you "
                    "have read the article."))


# --------------------------------------------------------------------------
# Compréhension détaillée: vrai / faux / on ne sait pas, with the sentence
# --------------------------------------------------------------------------
#: How learners write each answer (folded: no accents, lower case).
_TRUE = frozenset({"vrai", "v", "true", "oui", "juste", "exact", "correct"})
_FALSE = frozenset({"faux", "f", "false", "non", "inexact", "incorrect"})
_UNKNOWN = frozenset({"on ne sait pas", "ne sait pas", "on sait pas", "onsp", "nsp", "?", "je ne sais pas",
                      "le texte ne dit pas", "pas dit", "inconnu", "on ne le sait pas", "ne le dit pas"})
_LABEL_NAMES = ("vrai", "faux", "on ne sait pas")


def _label(value: Any) -> str | None:
    """``"vrai"``, ``"faux"``, ``"on ne sait pas"`` for any way of writing them, else ``None``."""
    from ..words import folded

    if value is True or type(value).__name__ == "bool_" and bool(value):
        return "vrai"
    if value is False or type(value).__name__ == "bool_" and not bool(value):
        return "faux"
    if value is None:
        return "on ne sait pas"
    if not isinstance(value, str):
        return None
    word = " ".join(re.findall(r"[\w?]+", folded(value).replace("’", "'")))
    if word in _TRUE:
        return "vrai"
    if word in _FALSE:
        return "faux"
    if word in _UNKNOWN:
        return "on ne sait pas"
    return None


def _one_sentence(value: Any, article) -> int | str:
    """A justification as a sentence index, or why it cannot be one (``"shape"``, ``"not found"``, ``"several"``).

    An index (from 0), a :class:`~articlekit.Sentence`, the sentence's text or at
    least four words copied from one sentence (typography and case forgiven).
    """
    if is_int(value):
        return int(value)
    if hasattr(value, "index") and hasattr(value, "paragraph") and hasattr(value, "text"):
        return int(value.index)
    if not isinstance(value, str):
        return "shape"
    piece = normalise_text(value).strip(' "')
    if len(_WORD.findall(piece)) < 4:
        return "not found"
    found = [s.index for s in article.sentences if piece in normalise_text(s.text)]
    if not found:
        return "not found"
    return found[0] if len(found) == 1 else "several"


def _read_true_false(answer: Any, numbers: tuple[int, ...]):
    """``{number: (label value, justification value or None)}``, or a Result asking about the shape."""
    if type(answer).__name__ == "Series":
        answer = answer.to_dict()
    if isinstance(answer, (list, tuple)):
        answer = dict(enumerate(answer, start=1))
    if not isinstance(answer, dict):
        return failed(_("Is your answer a dict {statement number: (answer, sentence)}, e.g. {1: (\"vrai\", 6)}?"))
    from ..vocabulary import _number

    out = {}
    for key, value in answer.items():
        n = _number(key)
        if n is None:
            return failed(_("Are the keys of your dict the statements' numbers (1, 2, …)?"))
        if isinstance(value, dict):
            label = _field(value, "reponse", "answer", "label", "verdict")
            why = _field(value, "phrase", "sentence", "justification", "preuve")
        elif isinstance(value, (list, tuple)) and len(value) == 2:
            label, why = value
            if _label(label) is None and _label(why) is not None:  # (6, "vrai"): the other way round
                label, why = why, label
        elif isinstance(value, (list, tuple)) and len(value) == 1:
            label, why = value[0], None
        else:
            label, why = value, None
        out[n] = (label, why)
    missing = [n for n in numbers if n not in out]
    if missing:
        return failed(_("Did you answer every statement (1 to {last})? Statement {n} is missing.",
                        last=max(numbers), n=missing[0]))
    return out


def _judge_true_false(answer: Any, article, expected: dict) -> Result:
    """The shared judge of vrai / faux / on ne sait pas: ``expected`` is ``{n: (label, accepted sentences)}``."""
    read = _read_true_false(answer, tuple(sorted(expected)))
    if isinstance(read, Result):
        return read
    total = len(article.sentences)
    for n in sorted(expected):
        label_value, why = read[n]
        label = _label(label_value)
        if label is None:
            return failed(_("Statement {n}: is your answer « vrai », « faux » or « on ne sait pas »?", n=n))
        right, sentences = expected[n]
        if label != right:
            first = _("Statement {n}: read it again, then the sentence of the text that speaks of it: does the text "
                      "say the same, the opposite, or nothing about it?", n=n)
            if right == "on ne sait pas":
                second = _("Statement {n}: which sentence says it, or says the opposite? If none does, what can "
                           "a reader say?", n=n)
            elif label == "on ne sait pas":
                second = _("Statement {n}: the text does speak of it. Look for the statement's key words with "
                           "`ak.kwic(article, …)`: what does the text say?", n=n)
            else:
                second = _("Statement {n}: compare it word by word with the text: a number, a name, « sans » or "
                           "« ne … pas » can make all the difference.", n=n)
            return failed(first, second)
        if right == "on ne sait pas":
            continue  # no sentence is expected (one given anyway is not held against you)
        given = _given_sentences(why, article)
        if isinstance(given, Result):
            return given
        if not given:
            return failed(_("Statement {n}: which sentence justifies your answer? Give its index in "
                            "`article.sentences` (or copy it).", n=n))
        wrong = [i for i in given if i not in sentences]
        if wrong:
            i = wrong[0]
            if not 0 <= i < total:
                return failed(_("Statement {n}: the article has sentences 0 to {last}: which one justifies your "
                                "answer?", n=n, last=total - 1))
            if i - 1 in sentences:
                return failed(_("Statement {n}: are you counting sentences from 1? `article.sentences` counts "
                                "from 0.", n=n),
                              _("Statement {n}: print `article.sentences[{i}].text`: does that sentence say it?", n=n, i=i))
            return failed(_("Statement {n}: your answer is right, but does sentence {i} say it? Find the sentence "
                            "that says it (or its opposite).", n=n, i=i),
                          _("Statement {n}: look for the statement's key words in the text with `ak.kwic(article, …)`: "
                            "which sentence holds them?", n=n))
    return passed()


def _given_sentences(why: Any, article) -> list[int] | Result:
    """The sentences a learner gives as justification (``[]`` for none), or a Result asking about them."""
    if why is None or (isinstance(why, str) and not why.strip()):
        return []
    values = [why] if isinstance(why, str) or collection(why) is None else collection(why)
    out = []
    for v in values:
        i = _one_sentence(v, article)
        if i == "shape":
            return failed(_("Is each justification a sentence's index (a whole number), the sentence itself, or its "
                            "text?"))
        if i == "not found":
            return failed(_("Is « {text} » copied from the article? Copy the sentence (or part of it, four words at "
                            "least), or give its index.", text=str(v)[:60]))
        if i == "several":
            return failed(_("« {text} » is in several sentences: can you copy a longer piece, or give the "
                            "sentence's index?", text=str(v)[:60]))
        out.append(i)
    return out


def try_true_false(answer, *, article) -> Result:
    """Lesson 1, Try it: vrai, faux or on ne sait pas for the lesson's four statements, each with its sentence.

    ``{1: ("vrai", 6), 2: ("faux", "… the sentence's text …"), 3: "on ne sait pas", …}``: the
    sentence may be given by its index in ``article.sentences``, as the
    Sentence, or by its text (any typography); « on ne sait pas » needs none.
    """
    expected = {item["number"]: (item["answer"], tuple(item["sentences"]))
                for item in _fiche("lesson")["true_false"]}
    return _judge_true_false(answer, article, expected)


def _true_false_canonical(read: dict, article) -> dict[int, tuple[str, ...]]:
    """Each statement's answer as the digests hold it: ``n|label|sentence`` (one per sentence given)."""
    out = {}
    for n, (label_value, why) in read.items():
        label = _label(label_value) or "?"
        given = _given_sentences(why, article)
        if label == "on ne sait pas":
            out[n] = (f"tf|{n}|onsp|-",)
        elif isinstance(given, Result) or not given:
            out[n] = (f"tf|{n}|{label}|-",)
        else:
            out[n] = tuple(f"tf|{n}|{label}|{i}" for i in given)
    return out


def true_false(answer, *, article) -> Result:
    """Vrai, faux or on ne sait pas for the assignment's statements, each with the sentence that justifies it.

    The same shapes as the lesson's Try it.  Judged against the teacher's
    key where it is installed; elsewhere by the digest of each statement's
    answer (right or not yet).
    """
    from ..keys import KeyMissing

    numbers = tuple(item["number"] for item in _fiche("assignment")["true_false"])
    try:
        key = _key()
    except KeyMissing:
        read = _read_true_false(answer, numbers)
        if isinstance(read, Result):
            return read
        accepted = _accepted_digests(article, "true_false")
        for n in numbers:
            label_value, why = read[n]
            label = _label(label_value)
            if label is None:
                return failed(_("Statement {n}: is your answer « vrai », « faux » or « on ne sait pas »?", n=n))
            given = _given_sentences(why, article)
            if isinstance(given, Result) and label != "on ne sait pas":
                return given
            if label != "on ne sait pas" and not given:
                return failed(_("Statement {n}: which sentence justifies your answer? Give its index in "
                                "`article.sentences` (or copy it).", n=n))
            forms = _true_false_canonical({n: read[n]}, article)[n]
            if not all(salted_hash(f) in accepted for f in forms):
                return failed(_("Statement {n} is not right yet: is your answer the text's, and does your sentence "
                                "say it? {no_key}", n=n, no_key=_no_key()))
        return passed()
    expected = {item["number"]: (item["answer"], tuple(item["sentences"])) for item in key["true_false"]}
    return _judge_true_false(answer, article, expected)


# --------------------------------------------------------------------------
# Compréhension détaillée: qui a dit quoi ?
# --------------------------------------------------------------------------
#: Words that name the journalist or the paper, and words that say « nobody » (folded).
_PRESS_WORDS = frozenset({"journaliste", "auteur", "autrice", "redacteur", "redactrice", "redaction", "journal",
                          "article", "narrateur", "reporter", "quotidien", "presse"})
_NOBODY_WORDS = frozenset({"personne", "aucun", "aucune", "nul", "nobody", "none", "devise", "motto", "slogan"})
#: Nouns that name a person or a side, not a country (« le ministre malien », « la partie malienne »).
_PERSON_NOUNS = frozenset({"ministre", "ministres", "homologue", "general", "partie", "delegation", "invite", "hote",
                           "chef", "monsieur"})


def _speaker_role(value: Any) -> str:
    """Who a learner names as a speaker: ``host`` (the Malian minister), ``guest`` (the Senegalese one),
    ``journalist``, ``nobody``; or why it is not one: ``both``, ``country``, ``ambiguous``, ``unknown``."""
    if value is None or (isinstance(value, str) and value.strip() in ("", "-", "—", "–", "?", "none", "None")):
        return "nobody"
    if not isinstance(value, str):
        return "unknown"
    words = set(_folded_words(value))
    if words & _NOBODY_WORDS:
        return "nobody"
    if _mentions(value, _JOURNALIST) or words & _PRESS_WORDS:
        return "journalist"
    host = _mentions(value, _CAMARA) or "defense" in words or "combattants" in words or "general" in words
    guest = _mentions(value, _DIOP) or ("forces" in words and not host)
    if not (host or guest):
        host, guest = _mentions_stem(value, _HOST[:1]), _mentions_stem(value, _GUEST[:1])
        if (host or guest) and not words & _PERSON_NOUNS:
            return "country"  # « le Mali »: a country does not speak
    if host and guest:
        return "both"
    if host:
        return "host"
    if guest:
        return "guest"
    if words & {"ministre", "homologue", "partie", "delegation"}:
        return "ambiguous"
    return "unknown"


def _read_who_said(answer: Any, letters: tuple[str, ...]):
    """``{letter: speaker as written}``, or a Result asking about the shape."""
    if type(answer).__name__ == "Series":
        answer = answer.to_dict()
    if isinstance(answer, (list, tuple)):
        answer = dict(zip(letters, answer))
    if not isinstance(answer, dict):
        return failed(_("Is your answer a dict {letter: speaker}, e.g. {\"A\": \"…\"}?"))
    out = {}
    for key, value in answer.items():
        letter = key.strip().strip(".)").upper() if isinstance(key, str) else None
        if letter not in letters:
            return failed(_("Are the keys of your dict the excerpts' letters ({first} to {last})?",
                            first=letters[0], last=letters[-1]))
        out[letter] = value
    missing = [x for x in letters if x not in out]
    if missing:
        return failed(_("Did you name a speaker for every excerpt ({first} to {last})? {letter} is missing.",
                        first=letters[0], last=letters[-1], letter=missing[0]))
    return out


def _role_question(letter: str, value: Any, role: str) -> Result | None:
    """The question for a speaker that names nobody in particular, else ``None``."""
    if role == "unknown":
        return failed(_("Excerpt {letter}: is « {name} » someone the article names? Name the speaker as the text "
                        "does: a name, or a title such as « le ministre … ».", letter=letter, name=value))
    if role == "ambiguous":
        return failed(_("Excerpt {letter}: « {name} » could be either minister: which one? Add his name or his "
                        "country.", letter=letter, name=value))
    if role == "both":
        return failed(_("Excerpt {letter}: one speaker per excerpt: which of the two says it?", letter=letter))
    if role == "country":
        return failed(_("Excerpt {letter}: is a country a speaker? Who says these words, in person?", letter=letter))
    return None


def _judge_who_said(answer: Any, expected: dict[str, str]) -> Result:
    """The shared judge of « qui a dit quoi ? »: ``expected`` is ``{letter: role}``."""
    letters = tuple(sorted(expected))
    read = _read_who_said(answer, letters)
    if isinstance(read, Result):
        return read
    for letter in letters:
        role = _speaker_role(read[letter])
        question = _role_question(letter, read[letter], role)
        if question is not None:
            return question
        if role != expected[letter]:
            return failed(_("Excerpt {letter}: find it in the article (`ak.kwic` or `.find`) and read the whole "
                            "sentence around it: who is speaking there?", letter=letter),
                          _("Excerpt {letter}: is it between guillemets, or does a verb of saying (« poursuit », "
                            "« a dit ») give it to someone? Whose name goes with that verb or colon? Words that no "
                            "one is said to say are the journalist's; a motto is nobody's words.", letter=letter))
    return passed()


def _lesson_speakers(article) -> dict[str, str]:
    """The lesson's excerpts and their speakers, read from the article: the quotation that holds each one."""
    from ..glossary import find_forms
    from ..quotes import extract_quotes

    quotes = extract_quotes(article)
    out = {}
    for item in _fiche("lesson")["who_said"]:
        at = find_forms(article, item["excerpt"])[0][0]
        holder = [q for q in quotes if q.start <= at < q.end]
        if not holder:
            out[item["letter"]] = "journalist"
        elif holder[0].kind == "motto" or holder[0].speaker is None:
            out[item["letter"]] = "nobody"
        else:
            out[item["letter"]] = _speaker_role(holder[0].speaker)
    return out


def try_who_said(answer, *, article) -> Result:
    """Lesson 1, Try it: who says each excerpt A–D? A dict ``{"A": "…", …}``.

    Name the speaker as the article does (« Sadio Camara », « Camara », « le
    ministre malien », « le Général »…), « le journaliste » for his own words,
    « personne » when nobody says them.
    """
    return _judge_who_said(answer, _lesson_speakers(article))


def who_said(answer, *, article) -> Result:
    """Who says each of the assignment's excerpts? ``{"A": "…", …}``, judged against the teacher's key."""
    from ..keys import KeyMissing

    letters = tuple(item["letter"] for item in _fiche("assignment")["who_said"])
    try:
        key = _key()
    except KeyMissing:
        read = _read_who_said(answer, letters)
        if isinstance(read, Result):
            return read
        accepted = _accepted_digests(article, "who_said")
        for letter in letters:
            role = _speaker_role(read[letter])
            question = _role_question(letter, read[letter], role)
            if question is not None:
                return question
            if salted_hash(f"ws|{letter}|{role}") not in accepted:
                return failed(_("Excerpt {letter} is not right yet: who is speaking in the sentence that holds it? "
                                "{no_key}", letter=letter, no_key=_no_key()))
        return passed()
    return _judge_who_said(answer, {item["letter"]: _speaker_role(item["speaker"]) for item in key["who_said"]})


# --------------------------------------------------------------------------
# Travail sur la langue: matching and gap-fill (articlekit.vocabulary)
# --------------------------------------------------------------------------
def _lesson_matching():
    from ..vocabulary import matching as make

    return make(terms=_fiche("lesson")["matching"]["terms"])


def _assignment_matching():
    from ..vocabulary import matching as make

    items = _fiche("assignment")["matching"]
    return make(terms=items["terms"], clues=items["clues"])


def _read_matching(answer: Any, exercise):
    """``{term number: letter}``, or a Result asking about the shape."""
    read = exercise.read(answer)
    n, last = len(exercise.terms), exercise.letters[-1]
    if read is None:
        return failed(_("Is your answer a dict {{term: letter}}, e.g. {{\"{term}\": \"…\"}}?", term=exercise.terms[0]))
    missing = [i for i in range(1, n + 1) if i not in read]
    if missing:
        return failed(_("Did you give a letter to every term (1 to {n})? « {term} » has none.", n=n,
                        term=exercise.terms[missing[0] - 1]))
    unknown = [i for i in range(1, n + 1) if read[i] == "?"]
    if unknown:
        return failed(_("Is the answer for « {term} » one of the letters A to {last}?",
                        term=exercise.terms[unknown[0] - 1], last=last))
    letters = [read[i] for i in range(1, n + 1)]
    if len(set(letters)) < len(letters):
        return failed(_("Did you give the same letter to two terms? Each clue goes with one term only."))
    return read


def _judge_matching(answer: Any, exercise, key: tuple[str, ...]) -> Result:
    read = _read_matching(answer, exercise)
    if isinstance(read, Result):
        return read
    wrong = [i for i in range(1, len(exercise.terms) + 1) if read[i] != key[i - 1]]
    if not wrong:
        return passed()
    good = len(exercise.terms) - len(wrong)
    return failed(_n("{good} of your {n} pair is right: can you look again at « {term} »?",
                     "{good} of your {n} pairs are right: can you look again at « {term} »?", len(exercise.terms),
                     good=good, term=exercise.terms[wrong[0] - 1]),
                  _("Read « {term} » in its sentence (`ak.load_glossary().find(article, \"{term}\")` says where it "
                    "is): which clue fits the sentence?", term=exercise.terms[wrong[0] - 1]))


def try_matching(answer, *, article) -> Result:
    """Lesson 1, Try it: each term of the matching with the letter of its English gloss."""
    exercise = _lesson_matching()
    return _judge_matching(answer, exercise, exercise.key)


def matching(answer, *, article) -> Result:
    """The assignment's matching: each term with the letter of its French paraphrase (the teacher's key)."""
    from ..keys import KeyMissing

    exercise = _assignment_matching()
    try:
        pairs = _key()["matching"]
    except KeyMissing:
        read = _read_matching(answer, exercise)
        if isinstance(read, Result):
            return read
        accepted = _accepted_digests(article, "matching")
        right = [i for i in read if salted_hash(f"mt|{i}|{read[i]}") in accepted]
        if len(right) == len(exercise.terms):
            return passed()
        return failed(_("{good} of your {n} pairs are right: which terms will you read again in their sentences? "
                        "{no_key}", good=len(right), n=len(exercise.terms), no_key=_no_key()))
    key = tuple(exercise.letters[_clue_index(exercise, pairs[term])] for term in exercise.terms)
    return _judge_matching(answer, exercise, key)


def _clue_index(exercise, clue: str) -> int:
    from ..vocabulary import answer_form

    return [answer_form(c) for c in exercise.clues].index(answer_form(clue))


def _lesson_gap_fill(article):
    from ..vocabulary import gap_fill as make

    return make(article, **_fiche("lesson")["gap_fill"])


@lru_cache(maxsize=4)
def _assignment_gap_fill(article):
    # the blanks depend on the article and the kit's fiche only: made once per article (20 ms),
    # not once per answer judged (a frozen GapFill: nothing a caller can change)
    from ..vocabulary import gap_fill as make

    return make(article, **_fiche("assignment")["gap_fill"])


def _judge_gap_fill(answer: Any, gaps, accepted: dict[int, tuple[str, ...]] | None, article) -> Result:
    """The shared judge of a gap-fill: ``accepted`` maps each blank to its right words (``None``: the
    digests decide).  The kind of a wrong word (accents, form, another word) comes from the exercise."""
    from ..vocabulary import answer_form

    read = gaps.read(answer)
    n = len(gaps.blanks)
    if read is None:
        return failed(_("Is your answer a dict {blank number: word}, e.g. {1: \"…\"}, or a list in the blanks' "
                        "order?"))
    missing = [i for i in range(1, n + 1) if i not in read]
    if missing:
        return failed(_("Did you fill every blank (1 to {n})? Blank {i} is empty.", n=n, i=missing[0]))
    if not all(isinstance(read[i], str) and read[i].strip() for i in range(1, n + 1)):
        return failed(_("Is each answer a word between quotes?"))
    digests = _accepted_digests(article, "gap_fill") if accepted is None else frozenset()

    def right(i: int) -> bool:
        word = read[i]
        if accepted is None:
            forms = {answer_form(word)}
            blank = gaps.blank(i)
            if gaps.judge(i, word) == "right":  # written with the word before the blank: compare the word
                forms.add(answer_form(blank.text))
            return any(salted_hash(f"gf|{i}|{f}") in digests for f in forms)
        return any(answer_form(word) == answer_form(w) for w in accepted[i]) or (
            gaps.judge(i, word) == "right" and any(answer_form(gaps.blank(i).text) == answer_form(w)
                                                   for w in accepted[i]))

    wrong = [i for i in range(1, n + 1) if not right(i)]
    if not wrong:
        return passed()
    i = wrong[0]
    word = read[i]
    count = _n("{good} of your {n} blank is right", "{good} of your {n} blanks are right", n, good=n - len(wrong))
    kind = gaps.judge(i, word)
    if kind == "accents":
        second = _("Blank {i}: it is the right word: are its accents right?", i=i)
    elif kind == "form":
        second = _("Blank {i}: it is the right word, but is it in the right form? Look at the words around it: "
                   "singular or plural, masculine or feminine, which person of the verb?", i=i)
    elif kind == "other":
        second = _("Blank {i}: is « {word} » the word whose meaning fits this sentence? Read the whole sentence "
                   "again.", i=i, word=word)
    else:
        second = _("Blank {i}: is « {word} » one of the words of the list (« Mots »)? Write it in the form the "
                   "sentence needs.", i=i, word=word)
    return failed(_("{count}: can you look again at blank {i}?", count=count, i=i), second)


def try_gap_fill(answer, *, article) -> Result:
    """Lesson 1, Try it: the words of the lesson's gap-fill, ``{1: "…", 2: "…", …}`` (or a list in order).

    Each word as the sentence needs it (the list gives dictionary forms);
    capitals and typography are forgiven, accents are not.
    """
    gaps = _lesson_gap_fill(article)
    return _judge_gap_fill(answer, gaps, {b.number: (b.text,) for b in gaps.blanks}, article)


def gap_fill(answer, *, article) -> Result:
    """The assignment's gap-fill, ``{1: "…", …}``: judged against the teacher's key (or its digests)."""
    from ..keys import KeyMissing

    gaps = _assignment_gap_fill(article)
    try:
        key = _key()["gap_fill"]
    except KeyMissing:
        return _judge_gap_fill(answer, gaps, None, article)
    return _judge_gap_fill(answer, gaps, {int(k): tuple(v) for k, v in key.items()}, article)


# --------------------------------------------------------------------------
# Production: a short press review
# --------------------------------------------------------------------------
#: Verbs that introduce reported speech (lemmas, folded).  The parse gives the lemma;
#: a form the small model lemmatises badly (« estime ») is matched by its stem.
_REPORTING = frozenset("""
dire declarer affirmer souligner expliquer estimer rappeler annoncer indiquer preciser assurer insister ajouter
poursuivre conclure saluer plaider promettre reconnaitre evoquer confier juger denoncer appeler repondre admettre
constater noter observer relever regretter deplorer feliciter rejouir avertir prevenir reaffirmer reclamer demander
exiger proposer suggerer considerer penser esperer souhaiter raconter rapporter mentionner signaler temoigner
confirmer repeter insister marteler lancer s'exclamer exclamer resumer detailler defendre assurer""".split())
_REPORTING_MARKS = ("selon", "d'apres", "aux dires")
_ER_ENDINGS = frozenset({"e", "es", "ent", "ons", "ez", "ait", "aient", "a", "e", "ee", "es", "ees", "ant"})
_QUOTED_PIECE = re.compile(r"«\s*([^»]+?)\s*»|“([^”]+)”|\"([^\"]+)\"")
#: The length of a copied run that is no longer one's own words (as the résumé's rule: more than six).
_MAX_COPY = 6
#: Longer than this, a run shared with the lesson's worked press review is its copy (the source and the
#: date are said the same way in any press review: « dans la rubrique … , Sekou Mama Traoré … »).
_MODEL_COPY = 10


def _reporting_verbs(text: str) -> list[str]:
    """The verbs of ``text`` that introduce reported speech (as written), or « selon », « d'après »."""
    from ..analysis import parse
    from ..words import folded

    outside = _QUOTED_PIECE.sub(" ", text)
    doc = parse(outside.replace("’", "'"))
    found = []
    for t in doc:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        lemma, form = folded(t.lemma_), folded(t.text)
        # a regular -er verb the model lemmatises badly: its stem and a verb ending
        stems = (v[:-2] for v in _REPORTING if v.endswith("er"))
        if lemma in _REPORTING or any(form.startswith(stem) and form[len(stem):] in _ER_ENDINGS for stem in stems):
            found.append(t.text)
    lowered = folded(outside).replace("’", "'")
    found += [m for m in _REPORTING_MARKS if re.search(rf"(?<!\w){re.escape(m)}(?!\w)", lowered)]
    return found


def _mentions_date(text: str, date) -> bool:
    """True when ``text`` gives the day and month of ``date`` (« 6 février », « 06/02/2025 », « 2025-02-06 »)."""
    from ..parsing import MONTHS
    from ..words import folded

    low = folded(text)
    months = [m for m, k in MONTHS.items() if k == date.month]
    day = rf"0?{date.day}(?:er)?"
    if re.search(rf"(?<!\d){day}\s+(?:{'|'.join(folded(m) for m in months)})\b", low):
        return True
    if re.search(rf"(?<!\d){day}\s*[/.-]\s*0?{date.month}(?!\d)", low):
        return True
    return re.search(rf"{date.year}-0?{date.month}-0?{date.day}(?!\d)", low) is not None


def _press_review_rules(answer: Any, article, low: int, high: int) -> Result | None:
    """The measurable rules a teacher sets for a press review; the first one broken, else ``None``."""
    from ..resume import copied_run, count_words, first_person
    from ..words import folded

    if not isinstance(answer, str) or not answer.strip():
        return failed(_("Is your press review a string, between quotes?"))
    n = count_words(answer)
    if n >= 5 and not _is_french(answer):
        return failed(_("Is your press review in French? The exercise asks you to write it in French."))
    if not low <= n <= high:
        return failed(_("Your press review has {n} words (the exam's count, `ak.count_words`): is that between {low} "
                        "and {high}?", n=n, low=low, high=high),
                      _("Keep the essential: who, what, when, and what each side says."))
    # the rubric as a learner may type it: « Défense & Sécurité », « defense et securite »
    def plain(text: str) -> str:
        return " ".join(re.findall(r"\w+", folded(text).replace("&", " et ")))

    rubric = plain(article.rubric)
    if not (_mentions(answer, _JOURNALIST) or (rubric and f" {rubric} " in f" {plain(answer)} ")):
        return failed(_("Does your press review name its source: who wrote the article, or in which rubric?"),
                      _("Look at the byline and the rubric: `article.byline`, `article.rubric`."))
    if not _mentions_date(answer, article.date):
        return failed(_("Does your press review say when the article appeared (the day and the month)?"),
                      _("Look at `article.date_text`."))
    if not (_mentions_stem(answer, _HOST[:1]) and _mentions_stem(answer, _GUEST[:1])):
        return failed(_("Does your press review name both countries that meet?"))
    if not _reporting_verbs(answer):
        return failed(_("Does your press review report what the ministers say? Use a verb that introduces speech "
                        "(« affirmer », « souligner », « rappeler »…) or « selon »."),
                      _("Outside the guillemets, which verb of yours says that someone speaks?"))
    outside = _QUOTED_PIECE.sub(" « » ", answer)
    run, copied = copied_run(outside, article.text)
    if run > _MAX_COPY:
        return failed(_("Did you copy {n} words in a row from the article (« {text} »)? Say it in your own words, or "
                        "quote it between « ».", n=run, text=copied))
    me = first_person(answer)
    if me:
        return failed(_("Who is speaking in your press review? « {word} » stands outside a quotation.", word=me[0]),
                      _("A press review reports in the third person: no je or nous of your own."))
    return None


def try_press_review(answer, *, article) -> Result:
    """Lesson 1, production: a press review of the article in French, 60 to 100 words.

    Its measurable rules: French; 60–100 words (``ak.count_words``); the
    source (the journalist or the rubric) and the date; both countries; a
    verb that introduces reported speech (or « selon »); no more than six
    words in a row copied from the article outside « »; no je or nous of
    your own.  A pass says only that these hold: your teacher reads the rest.
    """
    low, high = _fiche("lesson")["press_review"]["words"]
    broken = _press_review_rules(answer, article, low, high)
    if broken is not None:
        return broken
    return passed(_("meets the measurable rules of a press review; your teacher reads the rest."))


def _quotation_question(answer: str, article) -> Result | None:
    """The assignment's extra rule: one short quotation of a minister, exact, given to the right speaker."""
    from ..quotes import extract_quotes

    pieces = [(m.start(), next(g for g in m.groups() if g)) for m in _QUOTED_PIECE.finditer(answer)]
    if not pieces:
        return failed(_("Does your press review quote one of the ministers, a few exact words between « »?"))
    quotes = [q for q in extract_quotes(article) if q.speaker and q.kind != "motto"]
    for at, piece in pieces:
        n = len(_WORD.findall(piece))
        if not 3 <= n <= 15:
            return failed(_("Your quotation « {text} » has {n} words: can you quote three to fifteen words, no more?",
                            text=piece[:60], n=n))
        holder = [q for q in quotes if normalise_text(piece) in normalise_text(q.text)]
        if not holder:
            return failed(_("Are « {text} » the exact words of a minister, copied from one of his quotations?",
                            text=piece[:60]),
                          _("Copy the words from a quotation of the article, between « », without changing them."))
        role = _speaker_role(holder[0].speaker)
        # the sentence that holds the quotation (an incise after it included); if it names nobody,
        # the sentence before (« Birame Diop … . Il conclut : « … » »)
        sentences = re.split(r"(?<=[.!?])\s+", answer[:at])
        here = sentences[-1] + " " + answer[at:].split("»", 1)[-1].split(".", 1)[0]
        named = {r for r in ("host", "guest") if _speaker_role_in(here, r)}
        if not named and len(sentences) > 1:
            named = {r for r in ("host", "guest") if _speaker_role_in(sentences[-2], r)}
        if role not in named:
            return failed(_("Who says « {text} » in the article? Name him in your sentence, with a verb that "
                            "introduces his words.", text=piece[:60]))
    return None


def _speaker_role_in(text: str, role: str) -> bool:
    """True when ``text`` names the speaker ``role`` (his name, his title with his country, his portfolio)."""
    words = set(_folded_words(text))
    if role == "host":
        return (_mentions(text, _CAMARA) or "general" in words or "defense" in words
                or (bool(words & {"ministre", "homologue", "partie"}) and _mentions_stem(text, _HOST[:1])
                    and not _mentions(text, _DIOP)))
    return (_mentions(text, _DIOP) or ("forces" in words and "armees" in words)
            or (bool(words & {"ministre", "homologue"}) and _mentions_stem(text, _GUEST[:1])
                and not _mentions(text, _CAMARA)))


def press_review(answer, *, article) -> Result:
    """The assignment's production: a press review in French, 60 to 100 words, with one quotation.

    The rules of the lesson's press review, and: one short quotation of a
    minister (3 to 15 words between « », his exact words) given to the
    right man in its sentence; and your own text, not the lesson's example.
    A pass says only that these hold: your teacher reads the rest.
    """
    from ..resume import copied_run

    low, high = _fiche("lesson")["press_review"]["words"]
    broken = _press_review_rules(answer, article, low, high)
    if broken is not None:
        return broken
    model = _fiche("lesson")["press_review"]["model"]
    if copied_run(answer, model)[0] > _MODEL_COPY:
        return failed(_("Is this your own press review? It follows the lesson's example closely: write your own."))
    question = _quotation_question(answer, article)
    if question is not None:
        return question
    return passed(_("meets the measurable rules of a press review; your teacher reads the rest."))


# --------------------------------------------------------------------------
# The digests of the graded fiche exercises (python -m articlekit.checks.reading)
# --------------------------------------------------------------------------
def _expected_fiche_digests(article) -> dict[str, list[str]]:
    """The digests of the right answers of the graded fiche exercises, from the teacher's key."""
    from ..vocabulary import answer_form

    key = _key()
    out: dict[str, set] = {"true_false": set(), "who_said": set(), "matching": set(), "gap_fill": set()}
    for item in key["true_false"]:
        n = item["number"]
        if item["answer"] == "on ne sait pas":
            out["true_false"].add(salted_hash(f"tf|{n}|onsp|-"))
        for i in item["sentences"]:
            out["true_false"].add(salted_hash(f"tf|{n}|{item['answer']}|{i}"))
    for item in key["who_said"]:
        out["who_said"].add(salted_hash(f"ws|{item['letter']}|{_speaker_role(item['speaker'])}"))
    exercise = _assignment_matching()
    for i, term in enumerate(exercise.terms, start=1):
        out["matching"].add(salted_hash(f"mt|{i}|{exercise.letters[_clue_index(exercise, key['matching'][term])]}"))
    for number, words in key["gap_fill"].items():
        for w in words:
            out["gap_fill"].add(salted_hash(f"gf|{int(number)}|{answer_form(w)}"))
    return {k: sorted(v) for k, v in out.items()}


def _write_fiche_digests(article):
    """Write the fiche's digests into the package (``data/keys/<article>.reading-fiche.digests.json``)."""
    import json

    from ..keys import digest_file
    from ..storage import atomic_write_text

    path = digest_file(_digest_stem(article))
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"note": "Salted hashes of the right answers of lesson 1's graded fiche exercises (true_false, who_said, "
                    "matching, gap_fill), from teacher/keys/reading-fiche.json. Written by "
                    "`python -m articlekit.checks.reading`; never edit by hand.",
            "digests": _expected_fiche_digests(article)}
    atomic_write_text(path, json.dumps(body, ensure_ascii=False, indent=1) + "\n", backup=False)
    return path


if __name__ == "__main__":  # python -m articlekit.checks.reading: rewrite the fiche's digests from the key
    from ..parsing import load_article

    print(f"{_write_fiche_digests(load_article())}: digests of lesson 1's fiche written")
