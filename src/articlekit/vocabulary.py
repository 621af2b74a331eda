"""Vocabulary exercises made from the article and the glossary: a gap-fill and a matching.

A worksheet on a press article (a *fiche*, in the TV5MONDE tradition) has a
« travail sur la langue » stage: the learner meets the article's words again
and uses them.  This module builds two classic exercises from any article
and any glossary (the kit's, or a teacher's own), so that a teacher's
article gets the same exercises as the seed:

* :func:`gap_fill` blanks glossary terms in **real sentences of the
  article** (a *texte à trous*).  Each blank keeps its offsets into
  ``article.text``, so the answer is always the word as the article writes
  it; :meth:`GapFill.judge` forgives capitals and typography (’ and ',
  hyphen and space) and tells a wrong word from the right word in the wrong
  form (a learner who writes « fécond » where the text has « fécondes »).
* :func:`matching` pairs terms with their English gloss from the glossary,
  or with clues the teacher writes (French paraphrases, say), shown in a
  fixed scrambled order with letters.

Both are frozen dataclasses: they print as the exercise a learner reads,
and they read a learner's answer (:meth:`GapFill.read`,
:meth:`Matching.read`) in the shapes a learner writes it (a dict by number or
by term, a list in order).

Examples
--------
>>> import articlekit as ak
>>> from articlekit.vocabulary import gap_fill
>>> article = ak.load_article()
>>> gaps = gap_fill(article, sentences=[3])
>>> print(gaps)
Phrase 3 : Une ___(1)___ qui s’étale sur 419 kilomètres de longueur.
<BLANKLINE>
Mots : frontière
>>> gaps.judge(1, "Frontière")
'right'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .words import KEYBOARD_TABLE, LIGATURE_TABLE

__all__ = ["Blank", "GapFill", "Matching", "answer_form", "gap_fill", "matching"]

#: What a blank looks like in the printed sentence ({n} is its number).
_GAP = "___({n})___"
#: Letters naming a matching's clues (26 clues at most).
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Endings that turn one form of a French word into another (plural, feminine, verb endings):
#: a learner's answer that differs from the text's form only by them is « the right word, wrong form ».
#: The small words a learner may write with the blank's word (« l’insécurité », « la frontière »).
_BEFORE = re.compile(r"(?<!\w)((?:[ldjnsmtc]|qu|jusqu|lorsqu|puisqu)[’']|(?:le|la|les|un|une|des|du|de|au|aux|son|sa|ses|"
                     r"leur|leurs|notre|nos|votre|vos|ce|cet|cette|ces|en)\s)$", re.IGNORECASE)
_BEFORE_START = re.compile(r"^(?:(?:[ldjnsmtc]|qu|jusqu|lorsqu|puisqu)(?:[’']\s*|\s+)|(?:le|la|les|un|une|des|du|de|au|aux|son|sa|"
                           r"ses|leur|leurs|notre|nos|votre|vos|ce|cet|cette|ces|en)\s+)", re.IGNORECASE)
_ENDINGS = ("", "e", "s", "es", "x", "aux", "ale", "ales", "er", "é", "ée", "és", "ées", "ant", "ent", "ons", "ez")


# --------------------------------------------------------------------------
# Comparing answers
# --------------------------------------------------------------------------
def _typed(text: str) -> str:
    """An answer as compared: NFC, keyboard typography, hyphens and spaces as one space, case folded.

    Accents are kept: in French they are spelling, not typography.
    """
    text = unicodedata.normalize("NFC", text).translate(KEYBOARD_TABLE).translate(LIGATURE_TABLE)
    # an apostrophe typed as a space (« d autre ») is typography too
    text = re.sub(r"[\s'-]+", " ", text).strip(" .,;:!?«»\"")
    return text.casefold()


def _without_small_word(text: str) -> str:
    """An answer without the small word a learner may put before it (« la résilience » → « résilience »)."""
    return _BEFORE_START.sub("", text.strip(), count=1)


def answer_form(text: str) -> str:
    """A learner's word as the exercises compare it: capitals and typography forgiven, accents kept.

    ’ and ', hyphens and spaces, non-breaking spaces, « œ » and « oe »,
    surrounding punctuation and case do not count; accents do (in French
    they are spelling).

    >>> answer_form("  Accord-cadre ") == answer_form("accord cadre"), answer_form("décennie") == answer_form("decennie")
    (True, False)
    """
    return _typed(text)


def _bare(text: str) -> str:
    """An answer without its accents either (to tell « an accent is missing » from « another word »)."""
    return "".join(c for c in unicodedata.normalize("NFD", _typed(text)) if not unicodedata.combining(c))


def _same_word(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` look like two forms of one word (one ending swapped for another)."""
    a, b = _bare(a), _bare(b)
    if a == b:
        return True
    for end_a in _ENDINGS:
        if end_a and not a.endswith(end_a):
            continue
        stem = a[:len(a) - len(end_a)]
        if len(stem) >= 3 and any(b == stem + end_b for end_b in _ENDINGS):
            return True
    return False


# --------------------------------------------------------------------------
# Gap-fill
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Blank:
    """One blank of a gap-fill: a glossary term as the article writes it.

    Attributes
    ----------
    number : int
        The blank's number as printed, from 1.
    term : str
        The glossary term (its dictionary form, as in the word bank).
    start, end : int
        Offsets of the blanked words in ``article.text``.
    text : str
        The words as written: ``article.text[start:end]``, the answer.
    sentence : int
        Index of the sentence in ``article.sentences``.
    before : str
        The word just before the blank (« l’ », « la »…), so that an answer
        written with it is read as the blank's word.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> blank = ak.vocabulary.gap_fill(article, sentences=[3]).blanks[0]
    >>> blank.term, blank.text, article.text[blank.start:blank.end] == blank.text
    ('frontière', 'frontière', True)
    """

    number: int
    term: str
    start: int
    end: int
    text: str
    sentence: int
    before: str = ""


@dataclass(frozen=True)
class GapFill:
    """A gap-fill exercise: sentences of the article with glossary terms blanked.

    Made by :func:`gap_fill`.  ``print(gaps)`` shows the exercise (each
    sentence with its blanks, then the word bank in dictionary form, in
    alphabetical order); :meth:`judge` and :meth:`read` judge a learner's
    answer.

    Attributes
    ----------
    sentences : tuple of int
        The indices of the sentences used, in reading order.
    lines : tuple of str
        Each sentence as printed, with its blanks.
    blanks : tuple of Blank
        The blanks, numbered from 1 in reading order.
    bank : tuple of str
        The word bank: the blanks' dictionary forms and any distractors,
        sorted alphabetically.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> gaps = ak.vocabulary.gap_fill(article, sentences=[11], terms=["quant à", "autorités"])
    >>> print(gaps.lines[0])
    Phrase 11 : La partie Malienne, ___(1)___ elle, se dit ouverte à toute collaboration, pourvu qu’elle respecte les principes édictés par les ___(2)___ de la transition.
    >>> gaps.judge(2, "autorité")
    'form'
    """

    sentences: tuple[int, ...]
    lines: tuple[str, ...]
    blanks: tuple[Blank, ...]
    bank: tuple[str, ...]

    def __str__(self) -> str:
        return "\n".join(self.lines) + "\n\nMots : " + ", ".join(self.bank)

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython shows the exercise, not the dataclass
        printer.text(str(self))

    def blank(self, number: int) -> Blank:
        """The blank numbered ``number`` (from 1).

        >>> import articlekit as ak
        >>> ak.vocabulary.gap_fill(ak.load_article(), sentences=[3]).blank(1).sentence
        3
        """
        for b in self.blanks:
            if b.number == number:
                return b
        raise KeyError(f"no blank number {number}: this gap-fill has blanks 1 to {len(self.blanks)}")

    def judge(self, number: int, answer: Any) -> str:
        """How a learner's word fits blank ``number``.

        Returns
        -------
        str
            ``"right"`` (the article's word, up to capitals and typography,
            with or without the word before the blank); ``"accents"`` (the
            right letters, an accent wrong or missing); ``"form"`` (the
            right word in another form: the dictionary form, another
            agreement); ``"other"`` (another word of the bank);
            ``"wrong"`` (anything else, or not a string).

        Examples
        --------
        >>> import articlekit as ak
        >>> gaps = ak.vocabulary.gap_fill(ak.load_article(), sentences=[12], terms=["fécond", "souveraineté"])
        >>> [gaps.judge(1, w) for w in ("fécondes", "fécond", "fecondes", "souveraineté", "belles")]
        ['right', 'form', 'accents', 'other', 'wrong']
        """
        blank = self.blank(number)
        if not isinstance(answer, str) or not answer.strip():
            return "wrong"
        mine, right = _typed(answer), _typed(blank.text)
        with_before = _typed(blank.before + blank.text) if blank.before else None
        if mine in (right, with_before) or (blank.before and mine == _typed(blank.before + " " + blank.text)):
            return "right"
        words = (answer, _without_small_word(answer) or answer)
        if any(_bare(w) == _bare(blank.text) for w in words):
            return "accents"
        if any(_same_word(w, blank.text) or _same_word(w, blank.term) for w in words):
            return "form"
        if any(_same_word(w, other) for w in words for other in self.bank):
            return "other"
        return "wrong"

    def read(self, answer: Any) -> dict[int, Any] | None:
        """A learner's answer as ``{blank number: word}``, or ``None`` if it has no such shape.

        Accepted: a dict by number (``{1: "…"}`` or ``{"1": "…"}``), a list
        or tuple in the blanks' order, a pandas Series indexed by number.

        >>> import articlekit as ak
        >>> gaps = ak.vocabulary.gap_fill(ak.load_article(), sentences=[3])
        >>> gaps.read(["frontière"]), gaps.read({"1": "frontière"})
        ({1: 'frontière'}, {1: 'frontière'})
        """
        if type(answer).__name__ == "Series":
            try:
                answer = answer.to_dict()
            except Exception:  # noqa: BLE001 - a Series that breaks is a wrong answer, not a crash
                return None
        if isinstance(answer, Mapping):
            out: dict[int, Any] = {}
            for key, value in answer.items():
                number = _number(key)
                if number is None:
                    return None
                out[number] = value
            return out
        if isinstance(answer, (list, tuple)):
            return {i: value for i, value in enumerate(answer, start=1)}
        return None


def _number(key: Any) -> int | None:
    from .checks.shapes import is_int

    if is_int(key):
        return int(key)
    if isinstance(key, str) and key.strip().strip("()[]").isdigit():
        return int(key.strip().strip("()[]"))
    return None


def _entries(glossary, terms: Iterable[str] | None):
    if terms is None:
        # a proper noun (« CEDEAO ») is knowledge, not vocabulary: not blanked unless asked for
        return tuple(e for e in glossary if e.pos != "PROPN")
    if isinstance(terms, str):
        terms = (terms,)
    chosen = []
    for term in terms:
        entry = glossary.lookup(term)
        if entry is None:
            raise KeyError(f"{term!r} is not in the glossary; add it with glossary.add(...)")
        chosen.append(entry)
    return tuple(chosen)


def _misspelt(entry, written: str) -> bool:
    """True when the glossary's note says that this written form is a slip of the article.

    The kit's glossary notes a misspelt variant as « The article misspells it
    « prise e compte » » or « … « Forces Armée », a slip for … »: a blank there
    would ask for a misspelling.
    """
    note = entry.note or ""
    quoted = [_typed(q) for q in re.findall(r"«\s*([^»]+?)\s*»", note)]
    # the note quotes the slip and often the right form too (« a slip for « forces armées » »)
    return (_typed(written) in quoted and _typed(written) != _typed(entry.term)
            and re.search(r"\bslip|misspel", note, re.IGNORECASE) is not None)


def _stable_order(word: str) -> str:
    # a fixed pseudo-random order (the same on every machine) to pick distractors from
    return hashlib.sha256(word.encode("utf-8")).hexdigest()


def gap_fill(article: Any, glossary: Any = None, *, sentences: Iterable[int] | None = None,
             terms: Iterable[str] | None = None, per_sentence: int | None = 3,
             distractors: int = 0) -> GapFill:
    """A gap-fill made from real sentences of the article: glossary terms become blanks.

    Parameters
    ----------
    article : Article
        The article (``ak.load_article()`` or a teacher's own).
    glossary : Glossary, optional
        Where the terms come from (default: the kit's, ``ak.load_glossary()``).
    sentences : iterable of int, optional
        Indices in ``article.sentences`` to use (default: every sentence
        that holds a term).  Choose three or four to keep it short.
    terms : iterable of str, optional
        Only these glossary terms (any of their forms); default: every term
        except proper nouns.
    per_sentence : int or None, default 3
        At most this many blanks in one sentence; the rarer terms of the
        article are kept first.  ``None`` blanks every term.
    distractors : int, default 0
        Extra glossary terms in the word bank that fill no blank (same part
        of speech as the blanks where possible), chosen in a fixed order.

    Returns
    -------
    GapFill
        The exercise; each blank keeps its offsets into ``article.text``.

    Raises
    ------
    KeyError
        If a term is not in the glossary.
    IndexError
        If a sentence index is out of range.

    Notes
    -----
    Where two terms overlap (« coopération militaire » and « coopération »)
    the longer is blanked.  A misspelling is never blanked (the answer
    would be a slip): neither the words that the kit's list of slips
    corrects (``ak.corrections(article)``) nor a variant that the glossary's
    note calls a slip or a misspelling (« prise e compte »).

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> gaps = gap_fill(article, sentences=[2], per_sentence=2)
    >>> print(gaps)
    Phrase 2 : La coopération militaire entre le Mali et le Sénégal doit réduire considérablement l’___(1)___ ___(2)___ de la frontière commune entre les deux pays.
    <BLANKLINE>
    Mots : de part et d’autre, insécurité
    >>> [(b.number, b.text) for b in gaps.blanks]
    [(1, 'insécurité'), (2, 'de part et d’autre')]
    """
    from .glossary import find_forms, fold, load_glossary
    from .reading import corrections

    glossary = load_glossary() if glossary is None else glossary
    entries = _entries(glossary, terms)
    total = len(article.sentences)
    if sentences is None:
        chosen = tuple(range(total))
    else:
        chosen = tuple(sorted({int(i) for i in sentences}))
        for i in chosen:
            if not 0 <= i < total:
                raise IndexError(f"sentence {i} is out of range: the article has sentences 0 to {total - 1}")
    try:
        slips = [(c.start, c.end) for c in corrections(article)]
    except Exception:  # noqa: BLE001 - another article: the seed's list of slips does not apply
        slips = []
    text = article.text
    counts = {e.term: len(find_forms(text, *e.forms)) for e in entries}
    by_term = {e.term: e for e in entries}
    found = sorted(((a, b, e.term) for e in entries for a, b in find_forms(text, *e.forms)),
                   key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, str]] = []
    for a, b, term in found:  # the longer of two overlapping terms, then reading order
        if (any(a < y and x < b for x, y, _ in kept) or any(a < y and x < b for x, y in slips)
                or _misspelt(by_term[term], text[a:b])):
            continue
        kept.append((a, b, term))
    blanks: list[Blank] = []
    lines: list[str] = []
    used: list[int] = []
    for i in chosen:
        s = article.sentences[i]
        here = [k for k in kept if s.start <= k[0] and k[1] <= s.end]
        if per_sentence is not None:
            here = sorted(sorted(here, key=lambda k: (counts[k[2]], k[0]))[:max(0, per_sentence)])
        if not here:
            if sentences is None:
                continue
            lines.append(f"Phrase {i} : {s.text}")  # a sentence asked for, without a term: shown as it is
            used.append(i)
            continue
        pieces, cursor = [], s.start
        for a, b, term in here:
            number = len(blanks) + 1
            pieces.append(text[cursor:a] + _GAP.format(n=number))
            before = _BEFORE.search(text[s.start:a])
            blanks.append(Blank(number, term, a, b, text[a:b], i, before.group(1) if before else ""))
            cursor = b
        pieces.append(text[cursor:s.end])
        lines.append(f"Phrase {i} : " + "".join(pieces))
        used.append(i)
    bank = {b.term for b in blanks}
    if distractors > 0:
        pos = {e.pos for e in entries if e.term in bank}
        pool = [e for e in glossary if e.term not in bank and e.pos != "PROPN"]
        pool.sort(key=lambda e: (e.pos not in pos, _stable_order(e.term)))
        bank |= {e.term for e in pool[:distractors]}
    return GapFill(tuple(used), tuple(lines), tuple(blanks), tuple(sorted(bank, key=lambda t: fold(t)[0])))


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Matching:
    """A matching exercise: numbered terms, lettered clues in a scrambled order.

    Made by :func:`matching`.  ``print(m)`` shows the two columns.

    Attributes
    ----------
    terms : tuple of str
        The terms, numbered from 1 in this order.
    clues : tuple of str
        The clues, lettered from A in this order.
    key : tuple of str or None
        For each term, the letter of its clue; ``None`` when the clues were
        written by the teacher without saying which goes with which (the
        answer is then in the teacher's key, not in the exercise).

    Examples
    --------
    >>> m = matching(terms=["homologue", "décennie"])
    >>> print(m)
    1. homologue    A. counterpart
    2. décennie     B. decade
    >>> m.key
    ('A', 'B')
    """

    terms: tuple[str, ...]
    clues: tuple[str, ...]
    key: tuple[str, ...] | None = None

    def __str__(self) -> str:
        width = max(len(f"{i}. {t}") for i, t in enumerate(self.terms, start=1)) + 4
        rows = []
        for i in range(max(len(self.terms), len(self.clues))):
            left = f"{i + 1}. {self.terms[i]}" if i < len(self.terms) else ""
            right = f"{_LETTERS[i]}. {self.clues[i]}" if i < len(self.clues) else ""
            rows.append((left.ljust(width) + right).rstrip())
        return "\n".join(rows)

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython shows the exercise, not the dataclass
        printer.text(str(self))

    @property
    def letters(self) -> tuple[str, ...]:
        """The clues' letters, in order.

        >>> matching(terms=["homologue", "décennie"]).letters
        ('A', 'B')
        """
        return tuple(_LETTERS[: len(self.clues)])

    def read(self, answer: Any) -> dict[int, str] | None:
        """A learner's answer as ``{term number: clue letter}``, or ``None`` if it has no such shape.

        Keys may be the terms (any capitals and typography) or their numbers
        (from 1); values the letters (any case) or the clues' text.  A list
        of letters in the terms' order is read too.  A key or a value that
        names nothing of the exercise is kept as ``"?"``, so the check can
        ask about it.

        >>> m = matching(terms=["homologue", "décennie"])
        >>> m.read({"Homologue": "a", 2: "decade"}), m.read(["B", "A"])
        ({1: 'A', 2: 'B'}, {1: 'B', 2: 'A'})
        """
        if type(answer).__name__ == "Series":
            try:
                answer = answer.to_dict()
            except Exception:  # noqa: BLE001
                return None
        if isinstance(answer, (list, tuple)):
            pairs = list(enumerate(answer, start=1))
        elif isinstance(answer, Mapping):
            pairs = list(answer.items())
        else:
            return None
        out: dict[int, str] = {}
        for key, value in pairs:
            number = _number(key)
            if number is None and isinstance(key, str):
                found = [i for i, t in enumerate(self.terms, start=1) if _typed(t) == _typed(key)]
                number = found[0] if found else None
            if number is None or not 1 <= number <= len(self.terms):
                return None
            out[number] = self._letter(value)
        return out

    def _letter(self, value: Any) -> str:
        if not isinstance(value, str):
            return "?"
        v = value.strip().strip(".)").upper()
        if len(v) == 1 and v in self.letters:
            return v
        for letter, clue in zip(self.letters, self.clues):
            if _typed(clue) == _typed(value):
                return letter
        return "?"


def matching(glossary: Any = None, *, terms: Iterable[str], clues: Iterable[str] | None = None,
             by: str = "gloss") -> Matching:
    """A matching exercise on glossary terms: each term with its gloss (or the teacher's clues).

    Parameters
    ----------
    glossary : Glossary, optional
        Where the glosses come from (default: the kit's).
    terms : iterable of str
        The terms to match, as they will be numbered (1, 2, …).
    clues : iterable of str, optional
        The teacher's own clues (a French synonym, a paraphrase…), shown
        in the order given, which should not be the terms' order.  The
        exercise then does not know the answer (``key`` is ``None``): it is
        in the teacher's key.
    by : {"gloss", "definition"}
        Without ``clues``: match each term with its English gloss, or with
        its definition.  The clues are then sorted alphabetically, a fixed
        order unrelated to the terms'.

    Returns
    -------
    Matching

    Raises
    ------
    KeyError
        If a term is not in the glossary (only when the clues come from it).
    ValueError
        If there are more than 26 clues, or fewer clues than terms.

    Examples
    --------
    >>> m = matching(terms=["souveraineté", "vaillance", "mutualisation"])
    >>> print(m)
    1. souveraineté     A. bravery, valour
    2. vaillance        B. pooling
    3. mutualisation    C. sovereignty
    >>> m.key
    ('C', 'A', 'B')
    >>> print(matching(terms=["scruter"], clues=["examiner avec attention"]))
    1. scruter    A. examiner avec attention
    """
    terms = (terms,) if isinstance(terms, str) else tuple(terms)
    if not terms:
        raise ValueError("a matching needs at least one term")
    if clues is not None:
        clues = (clues,) if isinstance(clues, str) else tuple(clues)
        if len(clues) < len(terms) or len(clues) > len(_LETTERS):
            raise ValueError(f"give between {len(terms)} and {len(_LETTERS)} clues for {len(terms)} terms")
        return Matching(terms, clues, None)
    if by not in ("gloss", "definition"):
        raise ValueError("by is 'gloss' or 'definition'")
    from .glossary import load_glossary

    glossary = load_glossary() if glossary is None else glossary
    mine = []
    for term in terms:
        entry = glossary.lookup(term)
        if entry is None:
            raise KeyError(f"{term!r} is not in the glossary; add it with glossary.add(...)")
        mine.append(entry.gloss if by == "gloss" else entry.definition)
    if len(mine) > len(_LETTERS):
        raise ValueError(f"at most {len(_LETTERS)} terms")
    order = sorted(set(mine), key=_typed)
    key = tuple(_LETTERS[order.index(c)] for c in mine)
    return Matching(terms, tuple(order), key)
