"""Checks for lesson 4, reading critically (``04-critical-reading``).

One function per exercise, ``def name(answer, *, article) -> Result``.  The
``try_*`` checks are the lesson's formative *Try it* exercises: their items
ship with the kit (``data/fiche/critical-lesson.json``), since the lesson
shows them.  The others are the assignment's graded exercises, asked on
other items (another paragraph, other phrases, other actors): their right
answers are in the teacher's key, ``teacher/keys/critical-<article>.json``,
which learners never get.  The package holds only salted digests of them
(``data/fiche/critical-digests.json``), so a learner's self-check still
says right or not yet; where the key is installed (the teacher's checkout,
CI, the grader) the hints say more.  After editing the key, rewrite the
digests with ``python -m articlekit.checks.critical``.

Two graded checks need no key: ``border_gap`` compares with the reference
figure the kit ships as data (the skill is the computation), and
``critical_note`` judges the measurable rules of a piece of writing (the
teacher reads the rest).

Every sentence a check shows is a translatable message (:mod:`articlekit.i18n`).

Examples
--------
>>> import articlekit as ak
>>> from articlekit.checks import run_check
>>> article = ak.load_article()
>>> run_check(try_border, {"article_km": 72, "difference_km": 0}, article=article).ok
False
"""

from __future__ import annotations

import json
import math
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..i18n import _, _n
from .compare import normalise_text, salted_hash, same_date, same_text
from .results import Result, failed, passed
from .shapes import collection, is_int, is_number

#: Some of these checks read a learner's French with spaCy's model: a grader's judge loads it
#: as it starts, while the first notebooks run, rather than when the first answer is judged.
NEEDS_MODEL = True

#: The teacher's key of an article, in the folder of the teacher's keys (``{stem}``: the article's file stem).
KEY_NAME = "critical-{stem}.json"
#: The digests the package ships, in ``data/fiche/``.
DIGESTS_FILE = "critical-digests.json"
#: Words of a neutral rewording (the assignment says « a few words », at most this many).
REWORDING_WORDS = (3, 40)
#: The length of the lesson's short note, and of the assignment's « note critique », in exam words.
GENRE_NOTE_WORDS = (20, 60)
NOTE_WORDS = (80, 120)
#: The longest run of the article's words a note may copy outside « ».
COPY_RUN = 8
#: How close a relative gap must be: in percentage points.
GAP_TOLERANCE = 0.06


# --------------------------------------------------------------------------
# Data, key and digests
# --------------------------------------------------------------------------
def _fiche(name: str) -> dict:
    from ..critical import fiche_data

    return fiche_data(name)


def _lesson() -> dict:
    return _fiche("critical-lesson.json")


def _fold(text: str) -> str:
    from ..words import folded

    return folded(text)


def _fwords(text: str) -> list[str]:
    """The folded words of a text (no accents, lower case, apostrophes and hyphens cut)."""
    return re.findall(r"[a-z0-9]+", _fold(text))


def _vocabulary(kind: str) -> frozenset:
    words = _lesson()["vocabulary"][kind]
    return frozenset(" ".join(_fwords(w)) or w.strip() for w in words)


def _stem(article) -> str:
    from ..keys import article_stem

    return article_stem(article)


def _key(article) -> dict | None:
    """The teacher's key for this article, or ``None`` where it is not installed (a learner's copy)."""
    from ..keys import article_key

    return article_key(KEY_NAME, article)


def _prefix(word: str) -> str:
    """What a loaded word's digest is taken of: its first six folded letters (« cruciale » → « crucia »)."""
    folded = " ".join(_fwords(word))
    return folded[:6] if len(folded) > 6 else folded


def _pair(left: str, right: str) -> str:
    return f"{normalise_text(left)}={right}"


def _share_grid(value: float, tolerance: float) -> list[str]:
    # every three-decimal value within the tolerance: a right answer rounds to one of them
    low, high = math.ceil((value - tolerance) * 1000 - 1e-9), math.floor((value + tolerance) * 1000 + 1e-9)
    return [f"{n / 1000:.3f}" for n in range(low, high + 1)]


def _loaded_table(spec: dict) -> dict:
    return {
        "paragraph": spec["paragraph"],
        "needed": spec["needed"],
        "items": [sorted({salted_hash(_prefix(h)) for h in item["heads"]}) for item in spec["items"]],
        # whole words too: a rewording is refused for another loaded word, not for a word that begins like one
        "words": sorted({salted_hash(w) for item in spec["items"] for h in item["heads"] for w in _fwords(h)}),
        "neutral": sorted({salted_hash(w) for n in spec["neutral"] for w in _fwords(n)}),
    }


def _tables_from(key: dict) -> dict:
    """The digests of every keyed answer, from a key (the teacher's, or the lesson's items)."""
    share = key["official_share"]
    return {
        "official_share": sorted({salted_hash(v) for v in _share_grid(share["value"], share["tolerance"])}),
        "whose_our": {
            "phrases": sorted({salted_hash(p) for p in key["whose_our"]}),
            "pairs": sorted({salted_hash(_pair(p, _fwords(who)[-1])) for p, who in key["whose_our"].items()}),
        },
        "loaded_words": _loaded_table(key["loaded_words"]),
        "actors_heard": _actor_table(key["actors_heard"]),
    }


def _actor_table(statuses: dict) -> dict:
    return {"actors": sorted({salted_hash(a) for a in statuses}),
            "pairs": sorted({salted_hash(_pair(a, s)) for a, s in statuses.items()})}


def _tables(article) -> tuple[dict | None, dict | None]:
    """(digest tables, key): from the teacher's key where installed, else the shipped digests (or ``None``)."""
    key = _key(article)
    if key is not None:
        return _tables_from(key), key
    return _fiche(DIGESTS_FILE)["articles"].get(_stem(article)), None


def _needs_key() -> Result:
    return failed(_("This self-check needs the teacher's key, which is not in this copy of the kit: "
                    "can you compare your answer with the lesson, then ask your teacher?"))


def _not_yet() -> Result:
    return failed(_("Not yet: does every part of your answer follow the lesson's method? "
                    "(Without the teacher's key here, this check can only say right or not yet.)"))


def _expected_digests(article) -> dict:
    """The digests to ship for an article, from the teacher's key (which must be installed)."""
    key = _key(article)
    if key is None:
        from ..keys import KeyMissing

        raise KeyMissing(KEY_NAME.format(stem=_stem(article)))
    return _tables_from(key)


def _write_digests(article) -> Path:
    from importlib import resources

    from ..storage import atomic_write_text

    path = Path(str(resources.files("articlekit") / "data" / "fiche" / DIGESTS_FILE))
    body = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    articles = dict(body.get("articles", {}))
    articles[_stem(article)] = _expected_digests(article)
    body = {"note": "Salted hashes of the right answers of lesson 4's graded exercises, written from the teacher's "
                    "key by `python -m articlekit.checks.critical`; never edit by hand.",
            "articles": dict(sorted(articles.items()))}
    atomic_write_text(path, json.dumps(body, ensure_ascii=False, indent=1) + "\n", backup=False)
    return path


# --------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------
def _in_text(piece: str, text: str) -> bool:
    """True when ``piece`` is written in ``text`` (forgiving case, accents and typography)."""
    from ..glossary import find_forms

    if find_forms(text, piece):
        return True
    return bool(piece.strip()) and " ".join(_fwords(piece)) in " ".join(_fwords(text))


def _words_count(text: str) -> int:
    from ..words import words

    return len(words(text))


def _speakers(article) -> frozenset:
    from ..quotes import extract_quotes

    return frozenset(_fwords(q.speaker)[-1] for q in extract_quotes(article) if q.speaker)


def _names_journalist(value: str, article) -> bool:
    words = set(_fwords(value))
    byline = set(_fwords(getattr(article, "byline", None) or ""))
    return bool(words & _vocabulary("journalist")) or bool(byline and words & byline)


def _common_start(a: str, b: str) -> int:
    """How many letters two words share from their first letter on."""
    return len(os.path.commonprefix([a, b]))


def _same_root(a: str, b: str) -> bool:
    """Two folded words of one family: a long common beginning (« fecondes », « fecondite »)."""
    if min(len(a), len(b)) < 4:
        return a == b
    common = _common_start(a, b)
    return common >= 4 and common >= 0.7 * min(len(a), len(b))


@lru_cache(maxsize=1)
def _evaluative() -> frozenset:
    return frozenset(" ".join(_fwords(entry)) for entry in _fiche("critical-evaluative-fr.json")["words"])


def _evaluative_form(word: str, entry: str) -> bool:
    """``word`` is a form of the lexicon's ``entry``: the same word, or a close inflection (« fécondes », « fécond »)."""
    if len(word) < 5 or len(entry) < 5:
        return word == entry
    common = _common_start(word, entry)
    return common >= 5 and common >= 0.8 * min(len(word), len(entry))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from ..french import stop_words

    return frozenset(w for s in stop_words() for w in _fwords(s))


def _as_share(value: Any) -> float | None:
    """A share as a fraction: 0.53, or 53 for a percentage; ``None`` when it is not a share."""
    if not is_number(value) or float(value) < 0:
        return None
    value = float(value)
    if value > 1:
        value /= 100
    return value if value <= 1 else None


def _official_words(article, lo: int, hi: int, kinds, *, speaker: bool = True, count=None) -> tuple[int, int]:
    from ..quotes import extract_quotes

    count = count or _words_count
    quoted = sum(count(q.text) for q in extract_quotes(article)
                 if (q.speaker or not speaker) and q.kind in kinds and lo <= q.start < hi)
    return quoted, count(article.text[lo:hi])


def _share(article, lo: int, hi: int, kinds, **options) -> float:
    quoted, total = _official_words(article, lo, hi, kinds, **options)
    return quoted / total if total else 0.0


# --------------------------------------------------------------------------
# 1. Mise en route: the source
# --------------------------------------------------------------------------
_SOURCE_KEYS = (("rubric", ("rubric", "rubrique")), ("author", ("author", "auteur", "byline", "signature")),
                ("date", ("date",)), ("outlet", ("outlet", "media", "journal", "publisher", "source")))


def _source_fields(answer: Any) -> dict | None:
    if not isinstance(answer, dict):
        return None
    by_name = {" ".join(_fwords(str(k))): v for k, v in answer.items()}
    out = {}
    for field, names in _SOURCE_KEYS:
        found = [by_name[n] for n in names if n in by_name]
        if not found:
            return None
        out[field] = found[0]
    return out


def _is_article_date(value: Any, article) -> bool:
    from ..parsing import MONTHS

    if same_date(value, article.date):
        return True
    if not isinstance(value, str):
        return False
    found = re.search(r"(\d{1,2})(?:er)?\s+([^\W\d_]+)\s+(\d{4})", value)
    if found is None:
        return False
    day, month, year = found.groups()
    number = MONTHS.get(month.lower()) or MONTHS.get(_fold(month))
    return number is not None and (int(year), number, int(day)) == (article.date.year, article.date.month,
                                                                   article.date.day)


def try_source(answer, *, article) -> Result:
    """Lesson 4, Try it: what the page says about its source, as a dict
    ``{"rubric": …, "author": …, "date": …, "outlet": …}`` (``None`` for what it does not say)."""
    fields = _source_fields(answer)
    if fields is None:
        return failed(_("Is your answer a dict with the four keys « rubric », « author », « date » and « outlet »?"))
    rubric = fields["rubric"]
    if not isinstance(rubric, str) or _fwords(rubric.replace("&", " et ")) != _fwords(article.rubric.replace("&", " et ")):
        return failed(_("Is the rubric written as the page writes it? It comes before the title, on the first line."),
                      _("Look at `article.rubric`."))
    author = fields["author"]
    byline = _fwords(article.byline or "")
    if not isinstance(author, str) or not byline or byline[-1] not in _fwords(author):
        if isinstance(author, str) and set(_fwords(author)) & _speakers(article):
            return failed(_("Does a minister sign the article, or is he only quoted in it? Who signs at the end?"),
                          _("Look at `article.byline`."))
        return failed(_("Who signs the article? The name is at the end of the page, in capitals."),
                      _("Look at `article.byline`."))
    if not _is_article_date(fields["date"], article):
        return failed(_("Is that the date the article gives? Look at its first sentence."),
                      _("`article.date` is the date the parser found in the text."))
    outlet, expected = fields["outlet"], getattr(article, "outlet", None)
    if expected:
        return passed() if isinstance(outlet, str) and same_text(outlet, expected) else failed(
            _("Which outlet does the page name? Look at `article.outlet`."))
    unknown = outlet is None or (isinstance(outlet, str) and (not outlet.strip() or " ".join(_fwords(outlet)) in
                                                              _vocabulary("unknown") or outlet.strip() in ("?", "-")))
    if unknown:
        return passed()
    if isinstance(outlet, str) and _fwords(outlet) == _fwords(article.rubric):
        return failed(_("Is « {value} » the outlet, or the rubric of the page?", value=outlet))
    return failed(_("Where does the page name « {value} »? Is it written in the text, or is it a guess?",
                    value=outlet if isinstance(outlet, str) else repr(outlet)),
                  _("Does the scrape keep the outlet's name? Read `seeds/SOURCE.md`; "
                    "give None for what the page does not say."))


# --------------------------------------------------------------------------
# 2. Compréhension globale: genre, whose words
# --------------------------------------------------------------------------
def _close(a: float, b: float, tolerance: float = 0.005) -> bool:
    return abs(a - b) <= tolerance


def _share_shape(answer) -> Result | float:
    if not is_number(answer):
        return failed(_("Is your answer a number: a share between 0 and 1, or a percentage?"))
    share = _as_share(answer)
    if share is None:
        return failed(_("A share lies between 0 and 1 (or between 0 and 100 %): is your number one?"))
    return share


def try_official_share(answer, *, article) -> Result:
    """Lesson 4, Try it: the share of paragraph 2's words that officials say (every quotation with a
    speaker, indirect ones too), as a number between 0 and 1 (or a percentage)."""
    share = _share_shape(answer)
    if isinstance(share, Result):
        return share
    spec = _lesson()["share"]
    n = spec["paragraph"]
    para = article.paragraphs[n]
    right = _share(article, para.start, para.end, spec["kinds"])
    if _close(share, right, spec["tolerance"]):
        return passed()
    if _close(share, _share(article, para.start, para.end, ("direct", "partial"))):
        return failed(_("Did you count the indirect quotations too? Each quotation with a speaker is an official's "
                        "words."))
    if _close(share, 1 - right):
        return failed(_("Is that the journalist's share? The exercise asks for the officials' words."))
    quoted, _total = _official_words(article, para.start, para.end, spec["kinds"])
    if _close(share, quoted / max(1, _words_count(article.text))):
        return failed(_("Did you divide by the words of the paragraph, not of the whole article?"))
    return failed(_("Did you add up the words of every quotation of paragraph {paragraph} that has a speaker, "
                    "then divide by the paragraph's words?", paragraph=n),
                  _("`ak.extract_quotes(article)` gives each quotation's `text`, `speaker` and `start`; "
                    "`ak.count_words(text)` counts words."))


def _share_routes(share: float, article) -> Result | None:
    """A hint when the share is the value of a known wrong route (computed from the article, not the key)."""
    everything = len(article.text)
    direct = _share(article, 0, everything, ("direct", "partial"))
    if _close(share, direct):
        return failed(_("Did you count the indirect quotations too? Each quotation with a speaker is an official's "
                        "words."))
    if _close(share, _share(article, 0, everything, ("direct", "partial", "indirect", "motto"), speaker=False)):
        return failed(_("Is a motto an official's words? Keep only the quotations that have a speaker."))
    spec = _lesson()["share"]
    para = article.paragraphs[spec["paragraph"]]
    if _close(share, _share(article, para.start, para.end, spec["kinds"])):
        return failed(_("That is the share of the lesson's paragraph: which part of the article does the exercise "
                        "ask about?"))
    if _close(share, _share(article, 0, everything, ("direct", "partial", "indirect"), count=lambda t: len(t.split())),
              0.002):
        return failed(_("Which word count did you use? Count with `ak.count_words` (or the kit's words): "
                        "« l’insécurité » is two words, and punctuation is none."))
    return None


def official_share(answer, *, article) -> Result:
    """The share of the whole article's words that officials say: the words of every quotation with a
    speaker (direct, partial, indirect) over the article's words, a number between 0 and 1 (or a percentage)."""
    share = _share_shape(answer)
    if isinstance(share, Result):
        return share
    tables, key = _tables(article)
    if tables is None:
        return _needs_key()
    if salted_hash(f"{share:.3f}") in tables["official_share"]:
        return passed()
    wrong = _share_routes(share, article)
    if wrong is not None:
        return wrong
    if key is None:
        return _not_yet()
    value = key["official_share"]["value"]
    if _close(share, 1 - value):
        return failed(_("Is that the journalist's share? The exercise asks for the officials' words."))
    return failed(_("Did you add up the words of every quotation that has a speaker, then divide by the article's "
                    "words?"),
                  _("Is your share too {way}? Check which quotations you kept and how you counted the words.",
                    way=_("high") if share > value else _("low")))


# --------------------------------------------------------------------------
# 3. Compréhension détaillée: point of view
# --------------------------------------------------------------------------
def _offsets_and_speaker(answer: Any) -> tuple[Any, Any, Any] | None:
    if isinstance(answer, dict):
        if not {"start", "end", "speaker"} <= set(answer):
            return None
        return answer["start"], answer["end"], answer["speaker"]
    items = collection(answer)
    if items is None or len(items) != 3:
        return None
    return items[0], items[1], items[2]


def try_our_country(answer, *, article) -> Result:
    """Lesson 4, Try it: where « notre pays » stands and who speaks there, as
    ``{"start": …, "end": …, "speaker": …}`` (offsets of ``article.text``)."""
    from ..critical import voice_at
    from ..glossary import find_forms

    phrase = _lesson()["our_country"]["phrase"]
    parts = _offsets_and_speaker(answer)
    if parts is None:
        return failed(_('Is your answer a dict {"start": …, "end": …, "speaker": …}?'))
    start, end, speaker = parts
    if not (is_int(start) and is_int(end)):
        return failed(_("Are `start` and `end` whole numbers, offsets of `article.text`?"))
    start, end = int(start), int(end)
    spans = find_forms(article, phrase)
    if (start, end) not in spans:
        if any(a == start for a, _b in spans) or any(b == end for _a, b in spans):
            return failed(_("Does `article.text[start:end]` give « {phrase} » exactly, from its first letter to "
                            "its last?", phrase=phrase))
        if any(a == start - 1 for a, _b in spans):
            return failed(_("Offsets count from 0: is your `start` one too large?"))
        return failed(_("Does `article.text[start:end]` give « {phrase} »?", phrase=phrase),
                      _("`article.text.index(…)` gives the offset where a phrase starts; add its length for `end`."))
    if not isinstance(speaker, str) or not speaker.strip():
        return failed(_("Who speaks there? Give a name or a role as a string."))
    quote = voice_at(article, start)
    if quote is None:
        if _names_journalist(speaker, article):
            return passed()
        if set(_fwords(speaker)) & _speakers(article):
            return failed(_("Is « {phrase} » inside a quotation? Who writes the words around it?", phrase=phrase),
                          _("`ak.critical.voice_at(article, start)` gives the quotation that holds an offset, "
                            "or None for the journalist's own words."))
        return failed(_("Who writes the words around « {phrase} »: someone quoted, or the person who signs the "
                        "article?", phrase=phrase))
    if quote.speaker and _fwords(quote.speaker)[-1] in _fwords(speaker):
        return passed()
    return failed(_("Who speaks in the quotation that holds « {phrase} »?", phrase=phrase))


def whose_our(answer, *, article) -> Result:
    """Who speaks where each phrase of the exercise stands: a dict ``{phrase: speaker}``, the
    speaker named by his surname (or « le journaliste » for the journalist's own words)."""
    if not isinstance(answer, dict) or not answer:
        return failed(_("Is your answer a dict, with each phrase as a key and who speaks there as its value?"))
    if not all(isinstance(k, str) for k in answer) or not all(isinstance(v, str) and v.strip()
                                                               for v in answer.values()):
        return failed(_("Is each value the name of the person who speaks, as a string?"))
    tables, key = _tables(article)
    if tables is None:
        return _needs_key()
    table = tables["whose_our"]
    if len(answer) != len(table["phrases"]) or any(salted_hash(p) not in table["phrases"] for p in answer):
        return failed(_("Does your dict have one entry for each phrase of the exercise, written as the exercise "
                        "writes it?"))
    speakers = _speakers(article)
    for phrase, who in answer.items():
        words = _fwords(who)
        if any(salted_hash(_pair(phrase, w)) in table["pairs"] for w in words):
            continue
        if _names_journalist(who, article):
            return failed(_("Is « {phrase} » outside every quotation? Look for the « … » around it.", phrase=phrase),
                          _("`ak.critical.voice_at(article, offset)` gives the quotation that holds an offset."))
        if not set(words) & speakers:
            return failed(_("Can you name the person who speaks where « {phrase} » stands, by the surname the "
                            "article gives him?", phrase=phrase))
        return failed(_("Who speaks where « {phrase} » stands? Find its offset, then the quotation that holds it.",
                        phrase=phrase),
                      _("`ak.critical.voice_at(article, article.text.index(phrase)).speaker` names the speaker "
                        "of the quotation that holds the phrase."))
    return passed()


# --------------------------------------------------------------------------
# 4. Langue: loaded words, neutral rewording
# --------------------------------------------------------------------------
def _items(answer: Any) -> list[str] | None:
    items = collection(answer)
    if items is None or not items or not all(isinstance(x, str) and x.strip() for x in items):
        return None
    seen, out = set(), []
    for x in items:
        k = " ".join(_fwords(x))
        if k not in seen:
            seen.add(k)
            out.append(x.strip())
    return out


def _matched(piece: str, table: dict) -> set[int]:
    """The key's items a piece of text names (by the digests of its words' beginnings)."""
    digests = {salted_hash(_prefix(w)) for w in _fwords(piece)}
    return {i for i, item in enumerate(table["items"]) if digests & set(item)}


def _judge_loaded(answer, article, table: dict) -> Result:
    items = _items(answer)
    if items is None:
        return failed(_("Is your answer a list of words (or short phrases) copied from the paragraph?"))
    n, needed = table["paragraph"], table["needed"]
    text = article.paragraphs[n].text
    for piece in items:
        if len(_fwords(piece)) > 4:
            return failed(_("Keep each item short: the loaded word, with at most a word or two around it. "
                            "Can « {item} » be shorter?", item=piece))
        if not _in_text(piece, text):
            return failed(_("Is « {item} » in paragraph {paragraph} as you wrote it? Copy it from the text.",
                            item=piece, paragraph=n))
    found: set[int] = set()
    unlisted = []
    for piece in items:
        hits = _matched(piece, table)
        if hits:
            found |= hits
            continue
        if all(salted_hash(w) in table["neutral"] for w in _fwords(piece)):
            return failed(_("Does « {item} » judge, or does it only name? A loaded word carries a judgement: "
                            "praise, blame or drama.", item=piece),
                          _("Ask of each word: could a neutral reporter have written it, to name the same thing?"))
        unlisted.append(piece)
    if len(found) < needed:
        return failed(_n("{n} of your words is on the list of loaded words: can you find at least {needed}?",
                         "{n} of your words are on the list of loaded words: can you find at least {needed}?",
                         len(found), needed=needed),
                      _("Look for adjectives, adverbs and nouns that praise, dramatise or insist: which words could "
                        "a neutral reporter leave out?"))
    if unlisted:
        shown = ", ".join(f"« {x} »" for x in unlisted)
        return passed(_("correct: at least {needed} loaded words found; your teacher will read {words}, which the "
                        "list of loaded words does not hold.", needed=needed, words=shown))
    return passed()


def try_loaded_words(answer, *, article) -> Result:
    """Lesson 4, Try it: at least three loaded words of paragraph 6, as a list of the words as the text writes them."""
    return _judge_loaded(answer, article, _loaded_table(_lesson()["loaded"]))


def loaded_words(answer, *, article) -> Result:
    """At least three loaded words of the assignment's paragraph, as a list of the words as the text writes them."""
    if _items(answer) is None:
        return failed(_("Is your answer a list of words (or short phrases) copied from the paragraph?"))
    tables, _key_ = _tables(article)
    if tables is None:
        return _needs_key()
    return _judge_loaded(answer, article, tables["loaded_words"])


def _window(text: str, start: int, end: int, size: int = 10) -> str:
    """The words around a span: ``size`` words before and after it."""
    before = [m.start() for m in re.finditer(r"[^\W\d_]+", text[:start])]
    after = [m.end() for m in re.finditer(r"[^\W\d_]+", text[end:])]
    lo = before[-size] if len(before) >= size else 0
    hi = end + (after[size - 1] if len(after) >= size else len(text) - end)
    return text[lo:hi]


def _content_words(text: str, *, names: bool = True) -> list[str]:
    """The folded words of a text that carry content; with ``names=False``, not the capitalised ones
    (« Mali », « Ministre »: names are in every sentence, so keeping them proves nothing)."""
    stop = _stop_words()
    tokens = re.findall(r"[^\W\d_]+", text)
    if not names:
        tokens = [t for i, t in enumerate(tokens) if i == 0 or not t[:1].isupper()]
    return [w for t in tokens for w in _fwords(t) if len(w) >= 4 and w not in stop]


def _judge_rewording(text: Any, word: str, window: str, loaded: set[str], sentence: str = "") -> Result:
    """The rules of a neutral rewording of ``word``: ``window`` is the passage around it, ``sentence`` the
    article's sentence that holds it, ``loaded`` the digests of the loaded words (whole folded words)."""
    from .meaning import french_share, read

    if not isinstance(text, str) or len(_fwords(text)) < REWORDING_WORDS[0]:
        return failed(_("Can you write the passage again in a few words of your own (at least three), as a string?"))
    if len(_fwords(text)) > REWORDING_WORDS[1]:
        return failed(_("Can you keep to the passage around « {word} », in at most {n} words?", word=word,
                        n=REWORDING_WORDS[1]))
    fr, en = french_share(text)
    if fr < 0.75 or en >= 0.2:
        return failed(_("Is your rewording in French?"))
    targets = [w for w in _fwords(word) if len(w) > 3] or _fwords(word)
    mine = re.findall(r"[^\W\d_]+", text)
    for token in mine:
        if any(_same_root(" ".join(_fwords(token)), t) for t in targets):
            return failed(_("Is « {word} » still in your rewording, in one form or another? Say it with a word "
                            "that only describes, or leave the judgement out.", word=token))
    around = _fwords(f"{window} {sentence}")
    for token in mine:
        folded = " ".join(_fwords(token))
        if any(_same_root(folded, w) for w in around):
            continue  # a word of the article's own passage, kept: not a new judgement
        if any(_evaluative_form(folded, e) for e in _evaluative()) or salted_hash(folded) in loaded:
            return failed(_("« {other} » carries a judgement too: can you find a word that only describes?",
                            other=token),
                          _("A neutral word names what is there (relations, forces, a sector) without praising or "
                            "blaming it."))
    mine_words = _content_words(text)

    def kept(passage: str) -> tuple[set, set]:
        facts = {w for w in _content_words(passage, names=False) if not any(_same_root(w, t) for t in targets)}
        return facts, {w for w in facts if any(_same_root(w, m) for m in mine_words)}

    near, near_kept = kept(window)
    _whole, sentence_kept = kept(sentence)
    # the facts stay: two words of the passage around the loaded word, or three of its sentence
    if len(near_kept) < min(2, len(near)) and len(sentence_kept) < 3:
        return failed(_("Does your rewording still say what the article says there? Keep the words around "
                        "« {word} » that carry the facts.", word=word),
                      _("Start from the article's passage and change only the loaded word: the rest stays."))
    # a denial is the learner's own when its word is not in the article's passage (« a quitté la CEDEAO » is)
    passage = set(around)
    for mention in read(text).mentions:
        if not mention.affirmed and not set(_fwords(mention.why)) & passage:
            return failed(_("Does your rewording say the opposite of the article? Look again at « {denial} ».",
                            denial=f"{mention.why} … {mention.text}"))
    return passed(_("meets the rules of a neutral rewording: the loaded word is gone and the facts are kept; "
                    "your teacher reads the rest."))


def _passage(article, paragraph: int, word: str) -> tuple[str, str] | None:
    """The passage around ``word`` in a paragraph and the sentence that holds it, or ``None``."""
    from ..glossary import find_forms

    para = article.paragraphs[paragraph]
    spans = find_forms(para.text, word)
    if not spans:
        return None
    start, end = spans[0]
    sentence = article.sentence_at(para.start + start)
    return _window(para.text, start, end, 12), sentence.text if sentence is not None else ""


def try_rewording(answer, *, article) -> Result:
    """Lesson 4, Try it: the passage around « fécondes » (paragraph 4) said again neutrally, as a French string."""
    spec = _lesson()["rewording"]
    window, sentence = _passage(article, spec["paragraph"], spec["word"]) or ("", "")
    loaded = set(_loaded_table(_lesson()["loaded"])["words"])
    return _judge_rewording(answer, spec["word"], window, loaded, sentence)


def _word_and_text(answer: Any) -> tuple[Any, Any] | None:
    if isinstance(answer, dict):
        by_name = {" ".join(_fwords(str(k))): v for k, v in answer.items()}
        word = next((by_name[k] for k in ("mot", "word") if k in by_name), None)
        text = next((by_name[k] for k in ("reformulation", "rewording") if k in by_name), None)
        return None if word is None or text is None else (word, text)
    items = collection(answer)
    if items is None or len(items) != 2:
        return None
    return items[0], items[1]


def neutral_rewording(answer, *, article) -> Result:
    """One loaded word of the assignment's paragraph and its passage said again neutrally:
    ``{"mot": the loaded word as the text writes it, "reformulation": your French rewording}``."""
    parts = _word_and_text(answer)
    if parts is None:
        return failed(_('Is your answer a dict {"mot": …, "reformulation": …}?'))
    word, text = parts
    if not isinstance(word, str) or not word.strip() or len(_fwords(word)) > 3:
        return failed(_("Is « mot » the loaded word (one word, or two), as the text writes it?"))
    tables, _key_ = _tables(article)
    if tables is None:
        return _needs_key()
    table = tables["loaded_words"]
    n = table["paragraph"]
    passage = _passage(article, n, word)
    if passage is None:
        return failed(_("Is « {word} » in paragraph {paragraph} as you wrote it? Copy it from the text.",
                        word=word, paragraph=n))
    if not _matched(word, table):
        return failed(_("Is « {word} » one of the loaded words of paragraph {paragraph}? Choose a word that carries "
                        "a judgement.", word=word, paragraph=n))
    return _judge_rewording(text, word, passage[0], set(table["words"]), passage[1])


# --------------------------------------------------------------------------
# 5. What is missing: heard, mentioned, absent
# --------------------------------------------------------------------------
def _status(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    said = " ".join(_fwords(value)) or value.strip()
    for status, words in _lesson()["vocabulary"]["statuses"].items():
        if said in {" ".join(_fwords(w)) for w in words}:
            return status
    return None


def _actor_hint(given: str, expected: str, actor: str):
    # one literal per message, so that each is extracted for translation
    if (given, expected) == ("heard", "mentioned"):
        return _("Does the article give words that « {actor} » said, or does it only name them?", actor=actor)
    if (given, expected) == ("heard", "absent"):
        return _("Does the article name « {actor} » at all? Search for it with `ak.find_forms`.", actor=actor)
    if (given, expected) == ("mentioned", "heard"):
        return _("Does the article give words that « {actor} » said? Look at the speakers of "
                 "`ak.extract_quotes(article)`.", actor=actor)
    if (given, expected) == ("mentioned", "absent"):
        return _("Where does the article name « {actor} »? Search for it with `ak.find_forms`: is it there?",
                 actor=actor)
    return _("Search the text for « {actor} », or its main word, with `ak.find_forms`: is it really never named?",
             actor=actor)


def _judge_actors(answer, table: dict, statuses: dict | None) -> Result:
    if not isinstance(answer, dict) or not answer or not all(isinstance(k, str) for k in answer):
        return failed(_("Is your answer a dict with one entry for each actor of the list, the actor as key and its status as value?"))
    given = {}
    for actor, value in answer.items():
        status = _status(value)
        if status is None:
            return failed(_("Is each value one of « heard », « mentioned » or « absent » (in French: entendu, "
                            "mentionné, absent)?"))
        given[actor] = status
    if len(given) != len(table["actors"]) or any(salted_hash(a) not in table["actors"] for a in given):
        return failed(_("Does your dict have one entry for each actor of the list, written as the list writes it?"))
    wrong = [a for a, s in given.items() if salted_hash(_pair(a, s)) not in table["pairs"]]
    if not wrong:
        return passed()
    actor, right = wrong[0], len(given) - len(wrong)
    if statuses is None:
        return failed(_n("{n} of your {total} answers is right: what does the article do with « {actor} »?",
                         "{n} of your {total} answers are right: what does the article do with « {actor} »?",
                         right, total=len(given), actor=actor),
                      _("Is « {actor} » heard (the article quotes its words), only mentioned (named, never "
                        "quoted), or absent (never named)?", actor=actor))
    expected = {normalise_text(a): s for a, s in statuses.items()}[normalise_text(actor)]
    return failed(_n("{n} of your {total} answers is right: what does the article do with « {actor} »?",
                     "{n} of your {total} answers are right: what does the article do with « {actor} »?",
                     right, total=len(given), actor=actor),
                  _actor_hint(given[actor], expected, actor))


def try_heard(answer, *, article) -> Result:
    """Lesson 4, Try it: for each actor of ``ak.critical.lesson_actors()``, is it heard (quoted), only
    mentioned, or absent? A dict ``{actor: "heard" | "mentioned" | "absent"}``."""
    statuses = {row["actor"]: row["status"] for row in _lesson()["actors"]["items"]}
    return _judge_actors(answer, _actor_table(statuses), statuses)


def actors_heard(answer, *, article) -> Result:
    """For each actor of the assignment's list: heard (quoted), only mentioned, or absent?
    A dict ``{actor: "heard" | "mentioned" | "absent"}``."""
    if not isinstance(answer, dict) or not answer:
        return failed(_("Is your answer a dict with one entry for each actor of the list, the actor as key and its status as value?"))
    tables, key = _tables(article)
    if tables is None:
        return _needs_key()
    return _judge_actors(answer, tables["actors_heard"], None if key is None else key["actors_heard"])


# --------------------------------------------------------------------------
# 6. Fact-check: the border figure
# --------------------------------------------------------------------------
_FIGURE = re.compile(r"(\d[\d\u00a0\u202f ]*\d|\d)\s*(?:km|kilom[eè]tres?)\b", re.IGNORECASE)


def _figures(article) -> tuple[int | None, float]:
    """The article's figure in kilometres (the first one) and the reference figure the kit ships."""
    from ..critical import reference_figure

    found = _FIGURE.search(article.text)
    figure = int(re.sub(r"\D", "", found.group(1))) if found else None
    return figure, float(reference_figure("mali-senegal-border").value)


def try_border(answer, *, article) -> Result:
    """Lesson 4, Try it: the article's border figure and how far it is from the reference, in km:
    ``{"article_km": …, "difference_km": …}``."""
    if not isinstance(answer, dict) or not {"article_km", "difference_km"} <= set(answer):
        return failed(_('Is your answer a dict {"article_km": …, "difference_km": …}?'))
    figure, reference = _figures(article)
    if figure is None:
        return failed(_("This article gives no figure in kilometres: ask your teacher which figure to check."))
    mine, gap = answer["article_km"], answer["difference_km"]
    if not (is_number(mine) and is_number(gap)):
        return failed(_("Are both values numbers (not text)? `int(…)` turns the digits you found into a number."))
    if float(mine) != figure:
        if float(mine) == reference:
            return failed(_("Is that the article's figure, or the reference's?"))
        return failed(_("Is {value} the length of the border? Look for the number just before « kilomètres » "
                        "(or « km »).", value=mine),
                      _("A pattern such as `\\d+\\s*(?:km|kilomètres)` finds a number followed by its unit."))
    if math.isclose(abs(float(gap)), abs(reference - figure)):
        return passed()
    if math.isclose(abs(float(gap)), reference + figure):
        return failed(_("Did you add the two figures? A difference is a subtraction."))
    return failed(_("How many kilometres lie between the article's figure and the reference's? Subtract one from "
                    "the other."))


def border_gap(answer, *, article) -> Result:
    """How far the article's border figure is from the reference, relative to the reference:
    a percentage (or a fraction), whatever its sign."""
    if not is_number(answer):
        return failed(_("Is your answer a number: a percentage, or a fraction?"))
    figure, reference = _figures(article)
    if figure is None:
        return failed(_("This article gives no figure in kilometres: ask your teacher which figure to check."))
    value = abs(float(answer))
    right = 100 * abs(reference - figure) / reference

    def near(target: float) -> bool:
        return abs(value - target) <= GAP_TOLERANCE or abs(value - target / 100) <= GAP_TOLERANCE / 100

    if near(right):
        return passed()
    if near(100 * abs(reference - figure) / figure):
        return failed(_("Relative to which figure? A gap is measured against the reference, the figure you trust."))
    if math.isclose(value, abs(reference - figure)):
        return failed(_("That is the difference in kilometres: what share of the reference figure is it?"))
    if near(100 * figure / reference) or near(100 * reference / figure):
        return failed(_("That compares the two figures as a ratio: how far apart are they, as a share of the "
                        "reference?"))
    return failed(_("Did you divide the difference by the reference figure?"),
                  _("A relative gap is (reference − article) / reference: give it as a percentage or a fraction."))


# --------------------------------------------------------------------------
# 7. Production: the notes
# --------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _note_lexicon():
    from dataclasses import replace

    from . import meaning

    raw = _fiche("critical-concepts-fr.json")["concepts"]
    concepts = tuple((name, frozenset(meaning._fold(w) for w in c["lemmas"]),
                      tuple(tuple(meaning._fold(p).split()) for p in c["phrases"])) for name, c in raw.items())
    return replace(meaning.lexicon(), concepts=concepts)


def _read_note(text: str, concepts: tuple[str, ...]):
    """The note read as :func:`articlekit.checks.meaning.read` reads an answer, with the lesson's concepts."""
    from . import meaning

    lex = _note_lexicon()
    doc = meaning._parse(text)
    mentions = []
    for name in concepts:
        for token in meaning._mentions_of(doc, name, lex):
            affirmed, why = meaning._cooperation_stance(token, lex)
            mentions.append(meaning.Mention(name, token.text, affirmed, "" if affirmed else why))
    fr, en = meaning.french_share(text)
    return meaning.Reading(text, fr >= 0.75 and en < 0.2, tuple(mentions))


_CITATION = re.compile(r"«\s*([^«»]+?)\s*»|“([^“”]+)”|\"([^\"]+)\"")


def _citations(text: str) -> list[str]:
    return [next(g for g in m.groups() if g) for m in _CITATION.finditer(text)]


def _copied_run(text: str, article) -> int:
    """The longest run of the article's words the text repeats outside its « » citations (0 if none is long)."""
    outside = _fwords(_CITATION.sub(" ", text))
    source = _fwords(article.text)
    longest = 0
    grams = {tuple(source[i:i + COPY_RUN + 1]) for i in range(len(source) - COPY_RUN)}
    for i in range(len(outside) - COPY_RUN):
        if tuple(outside[i:i + COPY_RUN + 1]) in grams:
            run = COPY_RUN + 1
            while i + run < len(outside) and any(outside[i:i + run + 1] == source[j:j + run + 1]
                                                 for j in range(len(source) - run)):
                run += 1
            longest = max(longest, run)
    return longest


def _genre_and_voice(reading) -> Result | None:
    genre = [m for m in reading.mentions if m.concept == "genre"]
    if any(not m.affirmed for m in genre):
        return failed(_("Does your note deny the genre? Look again at « {denial} ».", denial=reading.denial("genre")))
    if not genre:
        other = next((m.text for m in reading.mentions if m.concept == "other_genres"), None)
        if other:
            return failed(_("Is the article really a « {genre} »? Think of who speaks in it, and whether anything "
                            "is questioned.", genre=other))
        return failed(_("Does your note say which genre the article is close to?"),
                      _("Name the genre with a word of the lesson: the kind of text an institution publishes "
                        "about itself."))
    if not reading.named("officials"):
        return failed(_("Does your note say whose voice the article gives?"),
                      _("Who speaks in the article: name them, or say what they are."))
    return None


def try_genre_note(answer, *, article) -> Result:
    """Lesson 4, Try it: two French sentences of your own (20 to 60 words): the article's genre, and whose voice it gives."""
    from ..resume import count_words

    if not isinstance(answer, str) or not answer.strip():
        return failed(_("Is your note a string, between quotes?"))
    words = count_words(answer)
    low, high = GENRE_NOTE_WORDS
    if not low <= words <= high:
        return failed(_n("Your note has {n} word: is that between {low} and {high}?",
                         "Your note has {n} words: is that between {low} and {high}?", words, low=low, high=high))
    reading = _read_note(answer, ("genre", "other_genres", "officials"))
    if not reading.french:
        return failed(_("Is your note in French?"))
    if any(same_text(answer, s.text) for s in article.sentences):
        return failed(_("Can you say it in your own words rather than copy a sentence of the article?"))
    problem = _genre_and_voice(reading)
    if problem is not None:
        return problem
    return passed(_("meets the measurable rules; your teacher reads the rest."))


def critical_note(answer, *, article) -> Result:
    """Your « note critique » (a French string of 80 to 120 words): the genre, whose voice, one phrase of the
    article cited in « », and one fact or actor the article leaves out.  A pass says only that the
    measurable rules hold: the teacher reads the rest."""
    from ..resume import count_words

    if not isinstance(answer, str) or not answer.strip():
        return failed(_("Is your note a string, between quotes?"))
    words = count_words(answer)
    low, high = NOTE_WORDS
    if not low <= words <= high:
        return failed(_n("Your note has {n} word: is that between {low} and {high}?",
                         "Your note has {n} words: is that between {low} and {high}?", words, low=low, high=high))
    reading = _read_note(answer, ("genre", "other_genres", "officials", "missing"))
    if not reading.french:
        return failed(_("Is your note in French?"))
    run = _copied_run(answer, article)
    if run:
        return failed(_("Did you copy {n} words in a row from the article outside « »? Cite with guillemets, or "
                        "say it in your own words.", n=run))
    cited = _citations(answer)
    if not cited:
        return failed(_("Does your note cite at least one phrase of the article between « »?"),
                      _("Cite a loaded word with the words around it, as the article writes them: « … »."))
    if not any(_in_text(c, article.text) for c in cited):
        return failed(_("Is « {quote} » written exactly like that in the article? Copy the phrase you cite.",
                        quote=cited[0]))
    problem = _genre_and_voice(reading)
    if problem is not None:
        return problem
    missing = next((m.text for m in reading.mentions if m.concept == "missing"), None)
    if missing is None:
        return failed(_("Does your note name a fact or an actor that the article leaves out?"),
                      _("Think of the lesson's section « What is missing? »: which fact of the context, which voice?"))
    genre = next(m.text for m in reading.mentions if m.concept == "genre")
    quote = next(c for c in cited if _in_text(c, article.text))
    return passed(_("meets the measurable rules of the note; your teacher reads the rest."),
                  _("{n} words; genre: « {genre} »; citation: « {quote} »; missing: « {missing} ».", n=words,
                    genre=genre, quote=quote, missing=missing))


if __name__ == "__main__":  # python -m articlekit.checks.critical: rewrite the digests from the teacher's key
    from ..parsing import load_article

    print(f"{_write_digests(load_article())}: digests written")
