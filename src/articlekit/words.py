"""Word rules in one place: what the kit calls a word, and how it reads French typography.

« Combien de mots ? » has no single answer in French.  Is « l’armée » one
word or two?  « aujourd’hui »?  « a-t-il »?  « 1 000 »?  It depends on what
you count the words *for*, so the kit has a few **named tokenizers** (a
tokenizer cuts a text into words), each with its own rule, and they all
live in this module:

=======================  ==============================================  ==========================
tokenizer                its rule                                        who uses it
=======================  ==============================================  ==========================
:func:`words`            letters or digits; a hyphen joins               ``article.words``,
                         (``au-delà``), anything else separates          ``ak.sentence_lengths``,
                         (``l’armée`` = ``l`` + ``armée``)               ``ak.readability``, checks
:func:`exam_words`       the French exam rule: ``c’est`` = 2,            ``ak.count_words``
                         ``aujourd’hui`` = 1, ``a-t-il`` = 2,            (lesson 3, the résumé)
                         ``20 %`` = 2, ``1 000`` = 1, ``O.N.U.`` = 1
:func:`rouge_tokens`     lower case, accents kept, an elided word        ``ak.rouge``
                         keeps its apostrophe (``l'``), numbers whole
:func:`terms`            lower case; numbers and runs of letters,        ``ak.summarise`` on a list
                         elisions and hyphens separate                   of strings
:func:`ascii_words`      only ``a-z`` and ``0-9`` survive                the ROUGE demonstration of
                         (what Google's ``rouge-score`` does)            what not to do in French
=======================  ==============================================  ==========================

On the seed article the counts differ, and each is right for its job:

>>> import articlekit as ak
>>> from articlekit.words import words, exam_words, rouge_tokens, ascii_words
>>> article = ak.load_article()
>>> len(words(article.text)), len(exam_words(article.text)), len(rouge_tokens(article.text))
(701, 702, 702)
>>> len(ascii_words(article.text))     # accents break words into pieces
803

Typography
----------
A French text types the same sign in several ways: an apostrophe may be the
typographic ’ or the keyboard's ', a space before « ? » is often a narrow
non-breaking space.  The characters are listed once here
(:data:`APOSTROPHES`, :data:`HYPHENS`, :data:`DASHES`, :data:`SPACES`,
:data:`QUOTATION_MARKS`), and three read-only tables made from those lists
replace them with what a keyboard types, each for one job:

* :data:`APOSTROPHE_TABLE`: every apostrophe becomes ``'`` (nothing else);
* :data:`KEYBOARD_TABLE`: also hyphens become ``-`` and special spaces ``" "``
  (what a keyboard hides from the eye);
* :data:`TYPOGRAPHY_TABLE`: also dashes become ``-``, every quotation mark
  ``"`` and ``…`` becomes ``...`` (to compare two answers up to typography).

>>> "l’armée".translate(APOSTROPHE_TABLE)
"l'armée"

:func:`folded` makes a text easy to search: lower case, no accents, œ → oe.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable

__all__ = [
    "APOSTROPHES",
    "APOSTROPHE_TABLE",
    "ASCII_WORD",
    "COPY_TOKEN",
    "DASHES",
    "EXAM_UNIT",
    "HYPHENS",
    "KEYBOARD_TABLE",
    "LIGATURE_TABLE",
    "LETTERS",
    "MINUS",
    "QUOTATION_MARKS",
    "ROUGE_TOKEN",
    "SPACES",
    "TERM",
    "TYPOGRAPHY_TABLE",
    "WORD",
    "ascii_words",
    "exam_words",
    "fold_letter",
    "folded",
    "folded_with_offsets",
    "rouge_tokens",
    "terms",
    "words",
]

# --------------------------------------------------------------------------
# Typography: each kind of sign is listed once
# --------------------------------------------------------------------------
#: Every sign typed for an apostrophe besides the keyboard's ``'``: the
#: typographic ’, the opening ‘ used by mistake, the modifier letter ʼ, the
#: prime ′, the grave ` and the acute ´ that some keyboards put there.
APOSTROPHES = "’‘ʼ′`´"
#: Unicode hyphens that look like ``-`` and join words like it (U+2010
#: HYPHEN, U+2011 NON-BREAKING HYPHEN: « peut‑être »).
HYPHENS = "‐‑"
#: Dashes: figure dash, en dash, em dash.  They separate, as in « Mali – Sénégal ».
DASHES = "‒–—"
#: The minus sign of « −5 °C »: not a dash, so only :data:`TYPOGRAPHY_TABLE` changes it.
MINUS = "−"
#: Spaces French typography uses besides the ordinary one: no-break (before
#: « : »), narrow no-break (before « ? ! ; » and inside « »), thin, figure.
SPACES = "\u00a0\u202f\u2009\u2007"
#: Quotation marks other than the keyboard's ``"``: « » “ ” „ ‟.
QUOTATION_MARKS = "«»“”„‟"

#: Every apostrophe of :data:`APOSTROPHES` becomes ``'``; nothing else changes,
#: so a text keeps its length and its offsets (``str.translate`` table).
APOSTROPHE_TABLE = MappingProxyType(str.maketrans(dict.fromkeys(APOSTROPHES, "'")))
#: What a keyboard hides from the eye: apostrophes → ``'``, hyphens → ``-``,
#: special spaces → ``" "``.  One character for one, offsets kept.
KEYBOARD_TABLE = MappingProxyType(str.maketrans({
    **dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-"), **dict.fromkeys(SPACES, " "),
}))
#: All typography made plain, to compare two texts: :data:`KEYBOARD_TABLE`,
#: plus dashes and minus → ``-``, quotation marks → ``"``, ``…`` → ``...``
#: (this one changes the length of a text).
TYPOGRAPHY_TABLE = MappingProxyType(str.maketrans({
    **dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS + DASHES + MINUS, "-"),
    **dict.fromkeys(SPACES, " "), **dict.fromkeys(QUOTATION_MARKS, '"'), "…": "...",
}))

# --------------------------------------------------------------------------
# The kit's word
# --------------------------------------------------------------------------
#: The kit's word: a run of letters or digits (``\w``), hyphens joining runs
#: (« au-delà », « accord-cadre »); an apostrophe, a space or a sign ends it.
WORD = re.compile(r"\w+(?:-\w+)*")


def words(text: str) -> list[str]:
    """Cut a text into the kit's words: letters or digits, joined by hyphens.

    This is the word of :attr:`articlekit.Article.words`, of the sentence
    lengths (:func:`articlekit.sentence_lengths`) and of the readability
    scores.  It is simple on purpose, and it is not the exam's rule
    (:func:`exam_words`): an apostrophe separates and the elided letter is a
    word (« l’armée » = ``l`` + ``armée``), a hyphen joins (« a-t-il » is one
    word), « 1 000 » is two, « 20 % » is one (``%`` is no letter).

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of str
        The words, in order, as written (case and accents kept).

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> words(article.sentences[3].text)
    ['Une', 'frontière', 'qui', 's', 'étale', 'sur', '419', 'kilomètres', 'de', 'longueur']
    >>> words("Aujourd’hui, a-t-il dit, c’est-à-dire 1 000 hommes.")
    ['Aujourd', 'hui', 'a-t-il', 'dit', 'c', 'est-à-dire', '1', '000', 'hommes']
    """
    return WORD.findall(text)


# --------------------------------------------------------------------------
# The exam's word (the résumé of lesson 3)
# --------------------------------------------------------------------------
#: One counted unit of the exam rule: a number, a dotted acronym, a word chunk
#: (letters joined by hyphens or apostrophes, cut later), or a sign read as a word.
#: Applied to a text already through :data:`KEYBOARD_TABLE` (one kind of apostrophe,
#: hyphen and space).
EXAM_UNIT = re.compile(
    r"""
    (?P<number>\d{1,3}(?:\ \d{3})+(?:[.,]\d+)?(?![\d])   # 1 000 000, 1 000,5
              |\d+(?:[.,:/h]\d+)*)                     # 24,5  06/02/2025  12h30
    |(?P<elided>[^\W\d_]+'(?=(?:[^\W\d_]\.){2,}))     # the l' of l'O.N.U.
    |(?P<acronym>(?:[^\W\d_]\.){2,})                   # O.N.U.  B.O.E.N.
    |(?P<chunk>[^\W_]+(?:[-'][^\W_]+)*'?)              # l'insécurité  a-t-il
    |(?P<sign>[%‰€$£¥&§°+=])                            # signs read as words
    """,
    re.VERBOSE,
)

# Words written with an apostrophe that the dictionary lists as ONE word: the
# apostrophe there marks no elided word to count (« aujourd’hui » = 1).
# Shared by the exam count and the ROUGE tokenizer, so they agree.
_ONE_WORD_ELISIONS = r"aujourd'hui|quelqu'une?s?|prud'hom\w*|presqu'[iî]les?|entr'\w+"
_LEXICALISED = re.compile(rf"(?:{_ONE_WORD_ELISIONS})\Z", re.IGNORECASE)
#: Subject pronouns after a euphonic ``-t-`` (``a-t-il``, ``va-t-on``).
_EUPHONIC_NEXT = frozenset({"il", "elle", "on", "ils", "elles", "iel", "iels"})
#: Pronouns joined by a hyphen to a verb (inversion, imperative): always words.
_ENCLITICS = frozenset({
    "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce",
    "moi", "toi", "le", "la", "les", "lui", "leur", "en", "y", "iel", "iels",
})
#: Elided object pronouns in an imperative (``va-t’en``, ``donne-m’en``).
_ELIDED_PRONOUNS = frozenset({"t", "m", "l"})
_SPACE_RUN = re.compile(r"\s+")


def _keyboard(text: str) -> str:
    """NFC, one apostrophe, one hyphen, one ordinary space between words."""
    text = unicodedata.normalize("NFC", text).translate(KEYBOARD_TABLE)
    return _SPACE_RUN.sub(" ", text)


def _elision_pieces(part: str) -> list[str]:
    """Split one hyphen-free piece at its apostrophes, keeping dictionary words whole."""
    if "'" not in part:
        return [part]
    raw = part.split("'")
    pieces: list[str] = []
    i = 0
    while i < len(raw):
        head = raw[i]
        if i + 1 < len(raw) and _LEXICALISED.match(f"{head}'{raw[i + 1]}"):
            pieces.append(f"{head}'{raw[i + 1]}")
            i += 2
            continue
        # an elided form keeps its apostrophe: "c'" "l'" "qu'"
        pieces.append(head + "'" if i + 1 < len(raw) else head)
        i += 1
    return [p for p in pieces if p.strip("'")]


def _chunk_words(chunk: str, hyphenated: str) -> list[str]:
    parts = chunk.split("-")
    # drop the euphonic t: "a-t-il", also the frequent mistake "a-t'il"
    kept: list[str] = []
    for k, part in enumerate(parts):
        low = part.lower()
        nxt = parts[k + 1].lower() if k + 1 < len(parts) else ""
        if k > 0 and low == "t" and nxt in _EUPHONIC_NEXT:
            continue
        if k > 0 and low.startswith("t'") and low[2:] in _EUPHONIC_NEXT:
            kept.append(part[2:])
            continue
        kept.append(part)
    if hyphenated == "split":
        return [w for part in kept for w in _elision_pieces(part)]
    # "join": a compound is one word; pronouns hyphenated after a verb are not
    # part of it, so peel them off the end (donne-le-moi = 3, arc-en-ciel = 1).
    tail: list[str] = []
    while len(kept) > 1 and all(p.lower().rstrip("'") in _ENCLITICS | _ELIDED_PRONOUNS
                                for p in _elision_pieces(kept[-1])):
        tail[:0] = _elision_pieces(kept.pop())
    head = _elision_pieces(kept[0])
    compound = [head[-1], *kept[1:]]
    return [*head[:-1], "-".join(compound), *tail]


def _name_pattern(names: Iterable[str]) -> re.Pattern | None:
    alternatives = []
    for name in names:
        parts = _keyboard(name).split()
        if len(parts) > 1:
            alternatives.append(r"\ ".join(re.escape(p) for p in parts))
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)  # longest first: "Sadio Camara" before "Sadio"
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _units(text: str, hyphenated: str) -> list[str]:
    out: list[str] = []
    for match in EXAM_UNIT.finditer(text):
        if match.lastgroup == "chunk":
            out.extend(_chunk_words(match.group(), hyphenated))
        else:
            out.append(match.group())
    return out


def exam_words(text: str, *, hyphenated: str = "split", names: Iterable[str] = ()) -> list[str]:
    """Cut a text into words the way French exams count them.

    The rule printed in exam instructions: a word is what lies between two
    spaces, two typographic signs, or a sign and a space.  So an elided
    form is a word (``c’est`` = 2) but ``aujourd’hui``, ``quelqu’un``,
    ``presqu’île``, ``prud’homme`` are one; the euphonic ``-t-`` is not a
    word (``a-t-il`` = 2); a number in digits is one word (``1 000``,
    ``24,5``), a sign standing for a word is another (``20 %`` = 2); an
    acronym is one word (``O.N.U.``); punctuation is not counted.
    :func:`articlekit.count_words` is ``len(exam_words(...))`` and
    :func:`articlekit.resume.words` shows the same list.

    Parameters
    ----------
    text : str
        Any French text.  Curly and straight apostrophes, hyphens and every
        kind of space count the same.
    hyphenated : {"split", "join"}, default "split"
        ``"split"``: a hyphen separates words (``peut-être`` = 2,
        ``c’est-à-dire`` = 4).  ``"join"``: a hyphenated compound is one
        word (``peut-être`` = 1), pronouns after a verb still count
        (``dit-il`` = 2, ``donne-le-moi`` = 3).
    names : iterable of str, optional
        Proper names of several words to count as one word each, matched
        whatever their case.

    Returns
    -------
    list of str
        The counted words; elided forms keep their apostrophe as ``'``.

    Raises
    ------
    TypeError
        When ``text`` is not a string.
    ValueError
        When ``hyphenated`` is neither ``"split"`` nor ``"join"``.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> exam_words(article.sentences[3].text)
    ['Une', 'frontière', 'qui', "s'", 'étale', 'sur', '419', 'kilomètres', 'de', 'longueur']
    >>> exam_words("Aujourd’hui, a-t-il dit, c’est-à-dire 1 000 hommes.")
    ["Aujourd'hui", 'a', 'il', 'dit', "c'", 'est', 'à', 'dire', '1 000', 'hommes']
    """
    if not isinstance(text, str):
        raise TypeError(f"count words of a string, not of a {type(text).__name__}")
    if hyphenated not in ("split", "join"):
        raise ValueError(f"hyphenated must be 'split' or 'join', not {hyphenated!r}")
    text = _keyboard(text)
    found: list[str] = []
    position = 0
    pattern = _name_pattern(names)
    if pattern is not None:
        for match in pattern.finditer(text):
            found.extend(_units(text[position:match.start()], hyphenated))
            found.append(match.group())
            position = match.end()
    found.extend(_units(text[position:], hyphenated))
    return found


# --------------------------------------------------------------------------
# Tokenizers for measures: ROUGE, summarising, the ASCII counter-example
# --------------------------------------------------------------------------
#: A ROUGE token, on lower-case text with ``'`` apostrophes: a dictionary word
#: with an apostrophe (``aujourd'hui``), a number (``24,5``), an elided word
#: with its apostrophe (``l'``, ``qu'``), or a run of letters.
ROUGE_TOKEN = re.compile(
    rf"(?:{_ONE_WORD_ELISIONS})"   # one word in the dictionary
    r"|\d+(?:[.,]\d+)*"            # 419, 24,5
    r"|[^\W\d_]+'(?=[^\W\d_])"     # elided: l' qu' jusqu'
    r"|[^\W\d_]+"                  # words, accents kept
)
#: A content term of the summarisers (plain-text input): a number or a run of
#: letters; hyphens and apostrophes separate.
TERM = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
#: What the copy detector of the résumé compares: a number, a word (hyphens
#: join, an elided word keeps its ``'``), or a mark a copied run may not cross
#: (a sentence end or a quotation mark).
COPY_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*'?|[.!?;:«»\"]")
#: A run of letters only (no digit, no ``_``).
LETTERS = re.compile(r"[^\W\d_]+")
#: A run of ``a-z`` and ``0-9``: on a :func:`folded` text, the words without
#: accents; on anything else, what an English-only tokenizer keeps.
ASCII_WORD = re.compile(r"[a-z0-9]+")


def rouge_tokens(text: str) -> list[str]:
    """Cut French text into lower-case tokens for ROUGE, keeping accents and elisions.

    Elided forms keep their apostrophe and stand as tokens (``l'``,
    ``qu'``), dictionary words with an apostrophe stay whole
    (``aujourd'hui``), hyphens and punctuation separate, numbers stay whole
    (``24,5``).  Every apostrophe of :data:`APOSTROPHES` is read as ``'``.
    This is :func:`articlekit.evaluation.tokenize`.

    Parameters
    ----------
    text : str
        Any French text.

    Returns
    -------
    list of str
        The tokens, lower case, in order.

    Examples
    --------
    >>> import articlekit as ak
    >>> rouge_tokens(ak.load_article().sentences[3].text)
    ['une', 'frontière', 'qui', "s'", 'étale', 'sur', '419', 'kilomètres', 'de', 'longueur']
    >>> rouge_tokens("Jusqu’au-delà d’aujourd’hui : 24,5 %")
    ["jusqu'", 'au', 'delà', "d'", "aujourd'hui", '24,5']
    """
    text = unicodedata.normalize("NFC", text).translate(APOSTROPHE_TABLE).lower()
    return ROUGE_TOKEN.findall(text)


def terms(text: str) -> list[str]:
    """Cut text into the lower-case terms the summarisers count (before stop words are removed).

    A term is a number (``24,5``) or a run of letters: hyphens and
    apostrophes separate, so « l’armée » gives ``l`` and ``armée`` and
    « peut-être » gives ``peut`` and ``être``.  Used by
    :func:`articlekit.summarising.content_terms` for a list of strings (for
    the article it uses spaCy's lemmas instead).

    Parameters
    ----------
    text : str
        One sentence, or any text.

    Returns
    -------
    list of str

    Examples
    --------
    >>> import articlekit as ak
    >>> terms(ak.load_article().sentences[3].text)
    ['une', 'frontière', 'qui', 's', 'étale', 'sur', '419', 'kilomètres', 'de', 'longueur']
    """
    text = unicodedata.normalize("NFC", text).lower().translate(APOSTROPHE_TABLE)
    return TERM.findall(text)


def ascii_words(text: str) -> list[str]:
    """The runs of ``a-z`` and ``0-9`` of a lower-cased text: what an English-only tokenizer keeps.

    Google's ``rouge-score`` cuts text this way; on French it breaks every
    word with an accent (« sécurité » → ``s`` + ``curit``), which is why
    the kit does not (:func:`rouge_tokens`).  On a :func:`folded` text, where
    no accent is left, it gives the words without their accents.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str

    Examples
    --------
    >>> import articlekit as ak
    >>> ascii_words(ak.load_article().sentences[3].text)
    ['une', 'fronti', 're', 'qui', 's', 'tale', 'sur', '419', 'kilom', 'tres', 'de', 'longueur']
    >>> ascii_words(folded("Une frontière qui s’étale"))
    ['une', 'frontiere', 'qui', 's', 'etale']
    """
    return ASCII_WORD.findall(text.lower())


# --------------------------------------------------------------------------
# Folding: lower case, no accents, for searching
# --------------------------------------------------------------------------
# Letters that lose nothing to NFD but still have a two-letter spelling.
_LIGATURES = MappingProxyType({"œ": "oe", "æ": "ae", "ß": "ss"})
#: « cœur » typed « coeur » on a keyboard without the ligature: the same word, accents kept
#: (``text.translate(LIGATURE_TABLE)``; folding, which drops accents too, is :func:`folded`).
LIGATURE_TABLE = MappingProxyType(str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"}))
# What folded_with_offsets turns into a space: the hyphen, its look-alikes,
# the dashes and the special spaces (every other space is a space already).
_JOINERS = "-" + HYPHENS + DASHES + SPACES


@lru_cache(maxsize=4096)  # a text has a few dozen distinct letters, folded over and over
def fold_letter(char: str) -> str:
    """One character folded: lower case, no accent, ligatures spelt out, any apostrophe ``'``.

    The rule every folded comparison of the kit shares.  It may give no
    character (a combining accent alone) or two (« œ » → ``oe``).

    Parameters
    ----------
    char : str
        One character.

    Returns
    -------
    str

    Examples
    --------
    >>> [fold_letter(c) for c in "Œé’A"]
    ['oe', 'e', "'", 'a']
    """
    if char in APOSTROPHES:
        return "'"
    return "".join(_LIGATURES.get(c, c) for c in unicodedata.normalize("NFD", char.casefold())
                   if not unicodedata.combining(c))


@lru_cache(maxsize=64)  # the same article is searched for one form after another
def folded_with_offsets(text: str) -> tuple[str, tuple[int, ...]]:
    """Text made easy to search, with the offset each character came from.

    Accents removed, case folded, every apostrophe → ``'``, hyphens, dashes
    and every kind of space → one space each, œ → oe (:func:`fold_letter`).
    Returns the folded text and, for each of its characters, the offset of
    the original character it comes from, so a match in the folded text can
    be mapped back to ``text``.  This is :func:`articlekit.glossary.fold`.

    Parameters
    ----------
    text : str

    Returns
    -------
    (str, tuple of int)
        The folded text, and one offset into ``text`` per folded character.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> text, where = folded_with_offsets(article.text)
    >>> i = text.index("corps d'armee")
    >>> text[i:i + 13], article.text[where[i]:where[i + 12] + 1]
    ("corps d'armee", 'corps d’Armée')
    """
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        piece = " " if char in _JOINERS or char.isspace() else fold_letter(char)
        for c in piece:
            out.append(c)
            where.append(i)
    return "".join(out), tuple(where)


def folded(text: str) -> str:
    """Text in lower case without accents, apostrophes as ``'``, hyphens as spaces.

    Two spellings of a word that differ only by case, accents or typography
    fold to the same text: search the folded text to find both.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> import articlekit as ak
    >>> folded(ak.load_article().sentences[0].text)[:50]
    'le ministre de la defense et des anciens combattan'
    >>> folded("Œuvre d’Armée") == folded("oeuvre d'armee")
    True
    """
    return folded_with_offsets(text)[0]
