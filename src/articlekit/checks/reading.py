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
from typing import Any, Iterable

from . import Result, failed, matches_hash, normalise_text, passed, salted_hash, same_text
from .shapes import collection, is_int, is_number
from ..words import KEYBOARD_TABLE as _KEYBOARD_TABLE, WORD as _KIT_WORD

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
        return failed("Is your answer a list (or set) of line numbers, i.e. whole numbers?")
    lines = {int(x) for x in lines}
    must = {c.line for c in article.cleaning if c.reason in ("duplicate title", "web-error footer")}
    raw_lines = article.raw.splitlines()
    blank = {i for i, line in enumerate(raw_lines, start=1) if not line.strip()}
    if not must <= lines and must <= {x + 1 for x in lines}:
        # every intruder one line too early: enumerate() without start=1
        return failed("Are you counting lines from 0? The printout numbers them from 1, as an editor does.",
                      "Does your `enumerate(...)` start at 1, like the numbers printed above?")
    if lines - must - blank:
        extra = sorted(lines - must - blank)
        if 0 in lines or any(x > len(raw_lines) for x in lines):
            return failed(f"The raw file has lines 1 to {len(raw_lines)}: are you counting from 1, "
                          "as an editor does?")
        if 1 in extra:
            return failed("Line 1 holds the rubric and the title: isn't that information worth keeping?",
                          "Which line says the same thing as line 1 again?")
        return failed(f"Line(s) {extra} hold text that belongs to the article (or its byline): "
                      "are they really debris?",
                      "Look for a line repeated word for word, and a line that is not even in French.")
    missing = must - lines
    if missing:
        return failed("Did you find both intruders: a line that repeats another, and a line in English?",
                      "Read the last lines of the raw file: is the last one written by the journalist?",
                      "Print the raw lines with their numbers: which line repeats line 1?")
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
        return failed("Is your answer the sentence's index (a whole number), as in `article.sentences[i]`?")
    if index == best:
        return passed()
    if index == best + 1:
        return failed("Are you counting from 1? Python counts sentences from 0.")
    if index == max(range(len(lengths)), key=lambda i: (lengths[i], -i)):
        return failed("Is that the longest sentence? The exercise asks for the one with the fewest words.")
    by_chars = min(range(len(article.sentences)), key=lambda i: len(article.sentences[i].text))
    if index == by_chars:
        return failed("Did you measure characters rather than words?")
    return failed("Did you count the words of every sentence, not only of the first paragraphs?",
                  "A table with one row per sentence and a `words` column, sorted, would show it.",
                  "Try `ak.sentence_lengths(article)` and look for the smallest value.")


def quoted_paragraphs(answer, *, article) -> Result:
    """The set of paragraph indices (from 0) that hold at least one « … » quotation."""
    items = collection(answer)
    if items is None or not all(is_int(x) for x in items):
        return failed("Is your answer a set of paragraph numbers (whole numbers)?")
    from ..reading import quote_spans

    expected = {p.index for p in article.paragraphs if quote_spans(p.text)}
    got = {int(x) for x in items}
    if got == expected:
        return passed()
    if got == {x + 1 for x in expected}:
        return failed("Are you counting paragraphs from 1? The kit counts them from 0.")
    if got < expected:
        return failed("Did you miss a short quotation, such as a motto?",
                      "Search every paragraph's text for the opening guillemet « .")
    return failed("Does every paragraph you chose really contain a « guillemet » ?",
                  "Search every paragraph's text for the opening guillemet « .")


# --------------------------------------------------------------------------
# 3. Compréhension globale
# --------------------------------------------------------------------------
def who(answer, *, article) -> Result:
    """The two people who meet, as a list of two names (any spelling of their names)."""
    items = collection(answer)
    if items is None or not all(isinstance(x, str) for x in items):
        return failed("Is your answer a list of names, each between quotes?")
    if any(_mentions(x, _JOURNALIST) for x in items):
        return failed("Does the journalist who signs the article take part in the meeting?")
    if len(items) != 2:
        return failed("How many people meet? Give one string per person.")
    camara = [_mentions(x, _CAMARA) for x in items]
    diop = [_mentions(x, _DIOP) for x in items]
    if (camara[0] and diop[1]) or (camara[1] and diop[0]):
        return passed()
    return failed("Who has met whom? Read the first sentence again: « X a rencontré … son homologue Y ».",
                  "Did you write a title (« le Ministre ») instead of a person's name?",
                  "Give each person's surname as the text spells it, e.g. copied from the first sentence.")


#: French weekday names, Monday first, as ``datetime.date.weekday()`` counts them.
_JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def when(answer, *, article) -> Result:
    """The date of the meeting and its weekday worked out from it: ``{"date": date, "jour": "…"}``."""
    if not isinstance(answer, dict) or set(answer) != {"date", "jour"}:
        return failed('Is your answer a dict with two keys, {"date": …, "jour": …}?')
    date, jour = answer["date"], answer["jour"]
    if isinstance(date, str):
        return failed("Is the date a `datetime.date` object rather than text?",
                      "Build it with `datetime.date(year, month, day)` from the numbers of `article.date_text`.")
    if not isinstance(date, _dt.date):
        return failed("Is the date a `datetime.date` object? Build it with `datetime.date(year, month, day)`.")
    if isinstance(date, _dt.datetime):
        date = date.date()
    expected = article.date
    if date != expected:
        if (date.year, date.month, date.day) == (expected.year, expected.day, expected.month):
            return failed("Did you swap the day and the month? `datetime.date` takes (year, month, day).")
        return failed("Which day does the first sentence give, after « ce » ?",
                      "« février » is which month of the year?")
    if not isinstance(jour, str) or not jour.strip():
        return failed("Is the weekday a French word, such as « lundi »?")
    right = _JOURS[expected.weekday()]
    if normalise_text(jour) == right:
        return passed()
    if normalise_text(jour) in _JOURS:
        shifted = _JOURS[(expected.weekday() + 1) % 7]
        if normalise_text(jour) == shifted:
            return failed("Did you count the days from 1? `weekday()` gives 0 for lundi.")
        return failed("Did you work the weekday out from your date with `.weekday()` (0 = lundi)?")
    return failed("Is your weekday one of lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche?")


def _read_sentence(answer, article, concepts: tuple[str, ...], keep: str, example: str):
    """The shared first steps of a free-text check: a Result to return, or the answer's Reading.

    A short French sentence of the learner's own: at least four words, not a sentence of the
    article, at most 45 words (``keep`` says what to keep), in French (``example`` shows how to start).
    """
    from .meaning import read

    if not isinstance(answer, str) or len(_WORD.findall(answer)) < 4:
        return failed("Can you write a short sentence (at least four words) in French?")
    if any(same_text(answer, s.text) for s in article.sentences):
        return failed("Can you say it in your own words rather than copy a sentence of the article?")
    if len(_WORD.findall(answer)) > 45:
        return failed(f"Can you say it in one short sentence? Keep only {keep}.")
    reading = read(answer, concepts)
    if not reading.french:
        return failed("Is your sentence in French? The exercise asks you to write it in French.",
                      f"Write it as a French learner would: « {example} ».")
    return reading


def _judge_ideas(reading, steps) -> Result:
    """Each idea in turn: denied (its hints, with ``{denial}`` filled in) or missing (its hints), else passed.

    ``steps`` is a sequence of ``(concept, denied_hints, missing_hints)``.
    """
    for concept, denied, missing in steps:
        if reading.denies(concept):
            return failed(*(h.format(denial=reading.denial(concept)) for h in denied))
        if not reading.named(concept):
            return failed(*missing)
    return passed()


def what(answer, *, article) -> Result:
    """Quoi ? In one French sentence: the meeting, and the agreement the two countries already signed (its year)."""
    reading = _read_sentence(answer, article, ("meeting", "agreement"), "the event and the agreement",
                             "Le ministre … pour …")
    if isinstance(reading, Result):
        return reading
    if reading.denies("meeting"):
        return failed(f"Did the meeting take place? Look again at « {reading.denial('meeting')} ».")
    if not reading.named("meeting"):
        return failed("What happens on the day of the article? Name the event (who receives whom).",
                      "Read the first sentence: what does the minister do « ce jeudi » ?")
    if reading.denies("agreement") or not reading.named("agreement"):
        return failed("What do the two countries already have, that this visit should put into practice?",
                      "Look for « accord » in the article: what kind of agreement, and from which year?")
    if not any(matches_hash(int(n), _YEAR) for n in re.findall(r"\b\d{4}\b", answer)):
        return failed("From which year is that agreement? Give the year in your sentence.")
    return passed()


def where(answer, *, article) -> Result:
    """The country where the meeting takes place (a string), as the text gives it."""
    if not isinstance(answer, str) or not answer.strip():
        return failed("Is your answer a place name between quotes?")
    host, guest = _mentions(answer, _HOST[:1]), _mentions(answer, _GUEST[:1])
    city = _mentions(answer, _HOST[1:]) or _mentions(answer, _GUEST[1:])
    if city and not (host or guest):
        # the text never names a city: a capital is what the reader adds, not what the text says
        return failed("Does the text name a city? Look for « dans notre pays »: which country does it give?",
                      "Answer with what the article says, not what you know: the country, not its capital.")
    if host and not guest:
        return passed()
    if guest and not host:
        return failed("Who is visiting whom? Look for « en visite » and « sa visite … au ».",
                      "« dans notre pays »: which country is the newspaper's own?")
    if host and guest:
        return failed("The meeting happens in one country only: which delegation travelled?")
    return failed("Which country is it? Give its name as the article writes it (a country, not an adjective).",
                  "« en visite … dans notre pays », « sa visite … au … »: where is that?")


def numbers(answer, *, article) -> Result:
    """A dict with the visit's length in hours, the border's length in km and the agreement's year."""
    keys = ("visit_hours", "border_km", "agreement_year")
    if not isinstance(answer, dict):
        return failed("Is your answer a dict such as {\"visit_hours\": ..., \"border_km\": ..., \"agreement_year\": ...}?")
    if set(answer) != set(keys):
        return failed(f"Does your dict have exactly the keys {', '.join(keys)}?")
    if not all(is_int(answer[k]) for k in keys):
        return failed("Are the values whole numbers (int), without units or quotes?")
    wrong = [k for k, digest in zip(keys, (_HOURS, _KM, _YEAR)) if not matches_hash(int(answer[k]), digest)]
    if not wrong:
        return passed()
    where_ = {"visit_hours": "How long does the visit last? Look for « heures ».",
              "border_km": "How long is the shared border? Look for « kilomètres ».",
              "agreement_year": "When was the framework agreement signed? Look for « accord cadre de »."}
    return failed(*(where_[k] for k in wrong))


# Any phrasing of « working together » and of the threat (folded: no accents, lower case).
def why(answer, *, article) -> Result:
    """Why the ministers meet, in one short French sentence of your own.

    Judged for meaning (:mod:`articlekit.checks.meaning`): the sentence is
    French, names working together and the threat faced, and neither denies
    the cooperation nor takes the threat's side.  Any wording in the synonym
    table passes: « coopérer », « s'allier », « agir de concert »…
    """
    reading = _read_sentence(answer, article, ("cooperation", "threat"), "what they want and against what",
                             "Les deux pays veulent … contre …")
    if isinstance(reading, Result):
        return reading
    return _judge_ideas(reading, (
        ("cooperation",
         ("Does your sentence say that they want to work together, or that they do not? "
          "Look again at « {denial} ».",
          "Read the title again: what do the two countries « cherchent à renforcer » ?"),
         ("What do the two ministers want to strengthen together?",
          "What does the title say the two countries « cherchent à renforcer » ?")),
        ("threat",
         ("Are the two countries against the threat in your sentence? Look again at « {denial} ».",
          "Which threat do they want to fight, and does your sentence say they fight it?"),
         ("Against what do they want to work together? Name the threat.",
          "Which threat does the article name most often?")),
    ))


def conditions(answer, *, article) -> Result:
    """On what conditions Mali will cooperate, in one short French sentence of your own.

    Judged for meaning like :func:`why`: French, names the cooperation and the
    conditions (sovereignty, strategic choices, the people's interests…),
    and denies neither (« sans condition », « renonce à sa souveraineté » fail).
    """
    reading = _read_sentence(answer, article, ("cooperation", "conditions"),
                             "what the Malian side wants, and on what condition", "Le pays veut … à condition que …")
    if isinstance(reading, Result):
        return reading
    return _judge_ideas(reading, (
        ("cooperation",
         ("Does your sentence say that the Malian side wants to cooperate, or that it does not? "
          "Look again at « {denial} ».",
          "Read paragraph 3 again: « la partie malienne … se dit ouverte à toute collaboration »."),
         ("What is « la partie malienne » open to, although it has left the CEDEAO?",
          "Read paragraph 3: to what is « la partie malienne » « ouverte » ?")),
        ("conditions",
         ("Does the Malian side give up its conditions in your sentence? Look again at « {denial} ».",
          "Read the Malian minister's words in paragraph 4: what must partners respect?"),
         ("On what condition? Name what Mali asks its partners to respect.",
          "Read paragraph 4: « à savoir : le respect de … ».")),
    ))


# --------------------------------------------------------------------------
# 4. The people
# --------------------------------------------------------------------------
def people(answer, *, article) -> Result:
    """A DataFrame with one row per minister and columns person, country, role, names
    (``names``: a list of every way the text names that person)."""
    columns = getattr(answer, "columns", None)
    if columns is None or not hasattr(answer, "iterrows"):
        return failed("Is your answer a pandas DataFrame (`pd.DataFrame(rows)`)?")
    need = {"person", "country", "role", "names"}
    if not need <= {str(c) for c in columns}:
        return failed("Does your table have the columns person, country, role and names?")
    from ..glossary import find_forms

    rows = {"camara": None, "diop": None}
    for _, row in answer.iterrows():
        person = row["person"]
        if not isinstance(person, str):
            return failed("Is each `person` a name between quotes?")
        if _mentions(person, _CAMARA):
            rows["camara"] = row
        elif _mentions(person, _DIOP):
            rows["diop"] = row
    if rows["camara"] is None or rows["diop"] is None:
        return failed("Is there one row for each of the two ministers who meet?")
    for key, home, role_stem in (("camara", _HOST, "defense"), ("diop", _GUEST, "forces")):
        row = rows[key]
        # the country or its adjective of nationality (« Mali », « malien »), and not the other one too
        rival = _GUEST if key == "camara" else _HOST
        if (not isinstance(row["country"], str) or not _mentions_stem(row["country"], home[:1])
                or _mentions_stem(row["country"], rival[:1])):
            return failed("Is each minister's country right? Which adjective of nationality does the text "
                          "put next to each one's name or title?",
                          "In the first sentence, who is « son homologue », and which adjective follows those words?")
        if not isinstance(row["role"], str) or role_stem not in " ".join(_folded_words(row["role"])):
            return failed("Does each `role` give the minister's portfolio as the text names it?",
                          "Which words follow « Ministre » next to each man's name? Try `ak.kwic(article, \"Ministre\")`.")
        names = row["names"]
        if isinstance(names, str) or collection(names) is None or not all(isinstance(n, str) for n in names):
            return failed("Is `names` a list of strings for each person?")
        absent = [n for n in names  # case matters here: « CAMARA » and « Camara » are two forms
                  if not any(same_text(article.text[a:b], n, casefold=False)
                             for a, b in find_forms(article, n))]
        if absent:
            return failed(f"Is {absent[0]!r} written like that in the article? Copy each form from the text.")
        # a form that names the other man: his surname, his country, his portfolio
        other_name, other_home, other_stem = ((_DIOP, _GUEST, "forces") if key == "camara"
                                              else (_CAMARA, _HOST, "defense"))
        for n in names:
            if (_mentions(n, other_name) or _mentions_stem(n, other_home)
                    or other_stem in " ".join(_folded_words(n))):
                return failed(f"Does « {n} » name this minister, or the other one?",
                              "« son homologue … » names the other man, seen from each side: whose homologue?")
        distinct = {normalise_text(n, casefold=False) for n in names}  # CAMARA ≠ Camara here
        if len(distinct) < (3 if key == "camara" else 2):
            return failed("Did you collect every way the text names each person (name in capitals, "
                          "name in small letters, title alone…)?",
                          "Search for the surname with `ak.find_forms` and for « homologue », « Ministre »: "
                          "how else is each man named?")
    return passed()


# --------------------------------------------------------------------------
# 5. Langue
# --------------------------------------------------------------------------
def my_glossary(answer, *, article) -> Result:
    """Your glossary: the kit's one plus at least two terms of your own that occur in the article."""
    from ..glossary import Glossary

    if not isinstance(answer, Glossary):
        return failed("Is your answer a glossary, made with `ak.load_glossary().add(...)`?")
    mine = [e for e in answer if e.source == "learner"]
    if len(mine) < 2:
        return failed(f"You added {len(mine)} term(s): can you add at least two?",
                      "`add` returns a new glossary: did you keep its result, e.g. `g = g.add(...)`?")
    missing = [e.term for e in mine if not answer.find(article, e.term)]
    if missing:
        return failed(f"Is « {missing[0]} » in the article as you wrote it? Add the form the text uses "
                      "as a variant (e.g. plural, conjugated).")
    if any(not e.gloss.strip() for e in mine):
        return failed("Did you give each new term an English gloss?")
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
        return failed("Is your answer a list of lemmas (strings)?")
    if len(items) != _TOP:
        return failed(f"Did you keep exactly {_number_word(_TOP)} lemmas?")
    from ..reading import lemma_frequencies

    counts = _quoted_counts(article)
    got = [x.strip().casefold() for x in items]
    if len(set(got)) != _TOP:
        return failed("Is each lemma there only once?")
    last = sorted(counts.values(), reverse=True)[_TOP - 1]
    sure = {lemma for lemma, n in counts.items() if n > last}
    if all(x in counts and counts[x] >= last for x in got) and sure <= set(got):
        return passed()
    whole = lemma_frequencies(article)["lemma"].tolist()
    if set(got) == set(whole[:_TOP]):
        return failed("Those are the whole article's most frequent lemmas: which words does the exercise ask "
                      "about?", "Keep only the tokens that lie inside a quotation (`ak.quote_spans(article.text)`).")
    stop = {t.lemma.casefold() for t in article.tokens if t.is_stop or t.is_punct}
    if any(x in stop for x in got):
        return failed("Did you remove the stop words (le, de, et…) and punctuation?")
    everywhere = {t.lemma.casefold() for t in article.tokens}
    if any(x not in everywhere for x in got):
        return failed("Are these lemmas (dictionary forms) in lower case, as `token.lemma` gives them?",
                      "Did you count lemmas (`t.lemma`) rather than written forms (`t.text`)?")
    return failed("Did you count only the tokens inside the guillemets, with the lesson's filter "
                  "(nouns, proper nouns, adjectives, verbs, adverbs)?",
                  "A token is inside a quotation when its `start` lies in one of `ak.quote_spans(article.text)`.")


# --------------------------------------------------------------------------
# 6. Readability
# --------------------------------------------------------------------------
def kandel_moles(answer, *, article) -> Result:
    """The Kandel–Moles score of the article's first paragraph, computed from its counts (a number)."""
    if not is_number(answer):
        return failed("Is your answer a number?")
    from ..readability import readability

    r = readability(article.paragraphs[0].text)
    answer = float(answer)
    if abs(answer - r.kandel_moles) < 0.05:
        return passed()
    if abs(answer - readability(article).kandel_moles) < 0.05:
        return failed("That is the whole article's score, the lesson's: which part does the exercise ask about?",
                      "Use the three counts of the first paragraph printed above the exercise.")
    swapped = 207 - 1.015 * r.syllables_per_word - 73.6 * r.words_per_sentence
    if abs(answer - swapped) < 0.05:
        return failed("Did you swap the two ratios? 1.015 goes with words per sentence.")
    flesch = 206.835 - 1.015 * r.words_per_sentence - 84.6 * r.syllables_per_word
    if abs(answer - flesch) < 0.5:
        return failed("That is Flesch's English formula: which constants does Kandel–Moles use?")
    return failed("Did you divide words by sentences, and syllables by words, with the counts printed above?",
                  "The formula is 207 − 1.015 × (words / sentences) − 73.6 × (syllables / words).")


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
        return failed("Is your answer a dict {\"text as written\": \"corrected text\"}?")
    from ..keys import KeyMissing
    from ..reading import corrections

    text = article.text
    for wrong, _ in items:
        if not wrong.strip():
            return failed("Is one of your keys empty? Each key is a piece of the article's text.")
    # the lesson corrected one passage: its slips do not count towards the five
    lesson = corrections(article)
    done = [w for w, _ in items for a, b in _spans_of(w, text) if any(c.start < b and a < c.end for c in lesson)]
    if done:
        return failed(f"The lesson corrected « {done[0]} » already: can you find slips elsewhere in the article?",
                      "Leave out the passage « le terrorisme et le crime … » that the lesson corrected.")
    try:
        known = corrections(article, full=True)
    except KeyMissing:
        return _slips_by_digest(items, article)
    needed = min(_SLIPS_NEEDED, len(known))
    judged = [(wrong, *_judge_slip(wrong, right, text, known)) for wrong, right in items]
    verdicts = [(wrong, verdict) for wrong, verdict, _ in judged]
    fixed = set().union(*(done for _, _, done in judged))  # distinct slips, however grouped
    for wrong, verdict in verdicts:
        if verdict == "not found":
            return failed(f"Is « {wrong} » written exactly like that in the article? Copy it from the text.")
    good = sum(v == "good" for _, v in verdicts)
    unlisted = [w for w, v in verdicts if v == "unlisted"]
    bad = [(w, v) for w, v in verdicts if v not in ("good", "unlisted")]
    n = len(verdicts)
    note = ""
    if unlisted:
        note = (" " + ", ".join(f"« {w} »" for w in unlisted)
                + (" is" if len(unlisted) == 1 else " are")
                + " not in the kit's list of slips: your teacher will read "
                + ("it." if len(unlisted) == 1 else "them."))
    count = f"{good} of your {n} correction{'s are' if n != 1 else ' is'} right"
    if bad:
        wrong, verdict = bad[0]
        first = f"{count}; look again at « {wrong} »."
        if verdict == "unchanged":
            second = (f"Your correction of « {wrong} » is written just like the original: "
                      "which word in it breaks a rule, and how should it be written?")
            spans = _spans_of(wrong, text)
            if not any(_slip_norm(text[a:b]) == _slip_norm(wrong) for a, b in spans):
                second = (f"Is « {wrong} » written exactly like that in the article, capitals included? "
                          "Copy it from the text, then correct it.")
            elif not any(c.start < b and a < c.end for a, b in spans for c in known):
                first = f"« {wrong} » looks right to me: which word in it breaks a rule? ({count}.)"
                second = "Keep each key short (one to three words) and centred on one slip."
        else:
            second = (f"« {wrong} » is a slip, but is your correction right? Check agreement, "
                      "capitals, spaces and punctuation, and correct only what is wrong.")
        return failed(first + note, second + note)
    if len(fixed) < needed:
        if len(fixed) != good:
            count += f", and together they correct {len(fixed)} different slip{'s' if len(fixed) != 1 else ''}"
        return failed(f"{count}: can you find at least {_number_word(needed)}?{note}",
                      "Look for: adjectives with a capital, an adjective that does not agree, "
                      f"a missing letter.{note}")
    return Result("passed", (note.strip(),)) if note else passed()


def _slip_digest(wrong: str, right: str) -> str:
    """The digest of one (text as written, correction) pair, as the kit ships it for learners' copies."""
    return salted_hash(_slip_norm(wrong) + " => " + _slip_norm(right))


def _slips_by_digest(items, article) -> Result:
    # a learner's copy of the kit: the teacher's list is not here, only the digest of each pair
    from pathlib import Path

    from ..keys import digests

    accepted = set(digests(Path(str(article.source)).stem, "slips"))
    for wrong, _ in items:
        if not _spans_of(wrong, article.text):
            return failed(f"Is « {wrong} » written exactly like that in the article? Copy it from the text.")
    good = sum(_slip_digest(w, r) in accepted for w, r in items)
    needed = min(_SLIPS_NEEDED, len(accepted)) or _SLIPS_NEEDED
    others = len(items) - good
    note = (f" {others} of your corrections are not matched by this copy of the kit (the teacher's list is "
            "not here, so a key with more or less context than the list's cannot be matched): your teacher "
            "will read them.") if others else ""
    if good >= needed:
        return Result("passed", (note.strip(),)) if note else passed()
    return failed(f"{good} of your {len(items)} corrections match the kit's list: can you find at least "
                  f"{_number_word(needed)}?{note}",
                  "Keep each key to the one to three words around a slip, written exactly as in the text.")


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


def _number_word(n: int) -> str:
    return {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}.get(n, str(n))


def quoted_speakers(answer, *, article) -> Result:
    """The surnames of the people whose words are quoted between « », as a set of strings."""
    items = collection(answer)
    if items is None or not all(isinstance(x, str) for x in items):
        return failed("Is your answer a set of names (strings)?")
    if any(_mentions(x, _JOURNALIST) for x in items):
        return failed("Does the journalist quote himself?")
    camara = any(_mentions(x, _CAMARA) for x in items)
    diop = any(_mentions(x, _DIOP) for x in items)
    others = [x for x in items if not (_mentions(x, _CAMARA) or _mentions(x, _DIOP))]
    if camara and diop and not others:
        return passed()
    if others:
        return failed("Is a motto, a country or an institution a speaker? Keep only people whose words are quoted.")
    return failed("Read each « … » quotation: who is speaking? Look at the verb that introduces it.",
                  "Read every « … » quotation of the article in turn: do they all come from the same man?")


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
        return failed("Is your answer the quoted text (a string), or the list `ak.quote_spans` gives?")
    bare = lambda t: t.strip().strip("«»\"“” \u00a0")  # noqa: E731 - with or without its guillemets
    if len(items) == len(expected) and all(same_text(bare(a), bare(b)) for a, b in zip(items, expected)):
        return passed()
    return failed("Did you take the text between « and » in paragraph 1 (`article.paragraphs[1].text`)?",
                  "`[text[a:b] for a, b in ak.quote_spans(text)]` lists each quotation of `text`.")
