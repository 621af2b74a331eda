"""How hard is a French text to read?  Syllables, Kandel–Moles and LIX.

Readability formulas turn a text into one number from two simple ratios:
how long the sentences are (words per sentence) and how long the words are
(syllables per word, or the share of long words).  They say nothing about
meaning, vocabulary or layout, but they are a useful first measure to
compare two texts.

Two measures are computed here:

- **Kandel–Moles** (1958), the French adaptation of Flesch's *Reading Ease*:
  ``207 − 1.015 × words/sentence − 73.6 × syllables/word``.  Higher is
  easier: about 90–100 very easy, 60–70 standard, below 30 very difficult.
- **LIX** (Björnsson, 1968): ``words/sentence + 100 × long words/words``
  where a long word has more than six letters.  Lower is easier: below 25
  very easy, above 55 very difficult.  It needs no syllables, so it works
  the same way in every language written with an alphabet.

Counting syllables
------------------
Syllables come from a hyphenation dictionary, `pyphen
<https://pyphen.org>`_ (the LibreOffice ``fr_FR`` patterns), corrected by
a few rules.  Hyphenation points are **not** syllables:

- a typesetter never leaves a single letter at the edge of a line, so
  pyphen does not cut *été* or *idée* at all;
- French typography avoids cuts between two vowels (*réa-li-té*,
  *réunir*) and before a final mute syllable (*ren-contre*);
- a written final *e* is silent in ordinary speech (*ren-contre* is two
  spoken syllables, *peuple* one), and so is the verb ending *-ent*
  (*ils financent*), which only grammar can tell from *-ment* (*moment*).

So :func:`count_syllables` counts the **vowel groups** inside each piece
pyphen gives (a vowel group is a run of vowel letters: *oi*, *eau*,
*ou*...), splits a group after *é* before another vowel (*ré-a*, *ré-u*)
and before a *y* followed by a vowel (*moy-en*), drops a silent final *e*
or *es* after a consonant, and gives elided words such as *l’* or *qu’*
no syllable.  What it still gets wrong: the verb ending *-ent* (counted),
*pays* (one group, two syllables), numbers (one syllable a digit), and
every word whose pronunciation is irregular.  :func:`hyphenate` shows the
raw pyphen pieces, so you can compare.

Examples
--------
>>> from articlekit.readability import count_syllables, hyphenate
>>> hyphenate("coopération")
('co', 'opé', 'ra', 'tion')
>>> count_syllables("coopération")
5
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# The word of article.words (letters or digits, hyphens join, apostrophes
# separate): readability counts what the learner sees counted elsewhere.
from .words import APOSTROPHE_TABLE, words as _words

__all__ = [
    "Readability",
    "count_syllables",
    "easy_text",
    "hyphenate",
    "kandel_moles",
    "lix",
    "readability",
    "words_of",
]

_VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæ"
_VOWEL_RUN = re.compile(f"[{_VOWELS}]+")
_LONG_WORD = 6  # LIX: a long word has MORE than six letters


@lru_cache(maxsize=1)
def _dictionary():
    import pyphen  # small, but only readability needs it

    return pyphen.Pyphen(lang="fr_FR")


def hyphenate(word: str) -> tuple[str, ...]:
    """The pieces pyphen may cut ``word`` into at the end of a line.

    Parameters
    ----------
    word : str
        One word (no spaces).

    Returns
    -------
    tuple of str
        The pieces, in order; joined, they give ``word`` back.

    Examples
    --------
    >>> hyphenate("souveraineté")
    ('sou', 've', 'rai', 'ne', 'té')
    >>> hyphenate("été")    # no cut leaves a single letter on a line
    ('été',)
    """
    return tuple(_dictionary().inserted(word, hyphen="\x00").split("\x00"))


def _vowel_groups(piece: str) -> int:
    count = 0
    for run in _VOWEL_RUN.findall(piece):
        count += 1
        for i, letter in enumerate(run[:-1]):
            nxt = run[i + 1]
            # é before another vowel is a hiatus (ré-a-li-té, ré-u-nir, cré-é),
            # except é + e, which is the ending of armée, idée.
            if letter == "é" and nxt != "e":
                count += 1
            # y between vowels sounds like i + i: moy-en, roy-aume, pay-er.
            elif letter == "y" and i > 0:
                count += 1
    return count


def count_syllables(word: str) -> int:
    """Estimate how many syllables a French word has when spoken.

    Pyphen's pieces, then the vowel groups in each piece, minus a silent
    final *e*/*es*; see the module help (``ak.readability?``) for the rules
    and their limits.

    Parameters
    ----------
    word : str
        One word, as in ``article.words`` (hyphenated compounds allowed).

    Returns
    -------
    int
        0 for an elided word (*l*, *d*, *qu*) or a word without letters or
        digits, one per digit for a number, otherwise at least 1.

    Examples
    --------
    >>> [count_syllables(w) for w in ("rencontre", "peuple", "armée", "aigues", "l")]
    [2, 1, 2, 2, 0]
    >>> count_syllables("419")       # a number: one syllable a digit (a rough guess)
    3
    """
    if not isinstance(word, str):
        raise TypeError(f"count_syllables expects a word (str), got {type(word).__name__}")
    word = word.lower().translate(APOSTROPHE_TABLE).strip("'")  # l’ and l' alike
    if word.isdigit():
        return len(word)
    total = 0
    for part in re.split(r"[-'\s]+", word):
        if not part:
            continue
        if part.endswith("qu"):  # lorsqu’, qu’: the u is not a vowel here
            part = part[:-1]
        count = sum(_vowel_groups(piece) for piece in hyphenate(part))
        # A final e (or es) after a consonant is silent: ren-contr(e), menac(es).
        if count >= 2 and re.search(f"[^{_VOWELS}]es?$", part):
            count -= 1
        total += count
    return total


def words_of(text: str) -> list[str]:
    """The words of a text, cut as :attr:`articlekit.Article.words` cuts them.

    The same as :func:`articlekit.words.words`: letters or digits, hyphens
    join, apostrophes separate.

    >>> words_of("L’accord-cadre de 2021.")
    ['L', 'accord-cadre', 'de', '2021']
    """
    return _words(text)


def kandel_moles(words_per_sentence: float, syllables_per_word: float) -> float:
    """The Kandel–Moles score: 207 − 1.015 × words/sentence − 73.6 × syllables/word.

    Higher is easier (like Flesch's Reading Ease, whose French adaptation
    it is).

    >>> round(kandel_moles(10, 1.5), 2)
    86.45
    """
    return 207 - 1.015 * words_per_sentence - 73.6 * syllables_per_word


def lix(words_per_sentence: float, long_word_share: float) -> float:
    """The LIX score: words/sentence + 100 × (share of words over six letters).

    Lower is easier.

    >>> lix(10, 0.25)
    35.0
    """
    return words_per_sentence + 100 * long_word_share


_KM_LEVELS = ((90, "très facile"), (80, "facile"), (70, "assez facile"), (60, "standard"),
              (50, "assez difficile"), (30, "difficile"), (float("-inf"), "très difficile"))
_LIX_LEVELS = ((25, "très facile"), (35, "facile"), (45, "moyen"), (55, "difficile"),
               (float("inf"), "très difficile"))


@dataclass(frozen=True)
class Readability:
    """Counts and scores of one text (see :func:`readability`).

    Attributes
    ----------
    sentences, words, syllables, long_words : int
        The counts the scores are made of (a long word has more than six
        letters).
    kandel_moles : float
        Kandel–Moles score, higher is easier.
    lix : float
        LIX score, lower is easier.

    Examples
    --------
    >>> import articlekit as ak
    >>> r = ak.readability("Le chat dort. Il fait beau.")
    >>> r.sentences, r.words, r.syllables
    (2, 6, 6)
    """

    sentences: int
    words: int
    syllables: int
    long_words: int
    kandel_moles: float
    lix: float

    @property
    def words_per_sentence(self) -> float:
        """Average sentence length, in words."""
        return self.words / self.sentences

    @property
    def syllables_per_word(self) -> float:
        """Average word length, in spoken syllables."""
        return self.syllables / self.words

    @property
    def long_word_share(self) -> float:
        """Share of words with more than six letters (0 to 1)."""
        return self.long_words / self.words

    @property
    def kandel_moles_level(self) -> str:
        """The usual French label of the Kandel–Moles score (« standard », « difficile »...)."""
        return next(label for floor, label in _KM_LEVELS if self.kandel_moles >= floor)

    @property
    def lix_level(self) -> str:
        """The usual label of the LIX score (« facile », « difficile »...)."""
        return next(label for ceiling, label in _LIX_LEVELS if self.lix < ceiling)


def _sentence_texts(text_or_article: Any) -> list[str]:
    if isinstance(text_or_article, str):
        from .sentences import split_sentences

        return [text_or_article[a:b] for a, b in split_sentences(text_or_article)]
    sentences = getattr(text_or_article, "sentences", None)
    if sentences is None:
        raise TypeError("readability() expects a text (str) or an article from ak.load_article(), "
                        f"got {type(text_or_article).__name__}")
    return [s.text for s in sentences]


def readability(text_or_article: Any) -> Readability:
    """Measure how hard a French text is to read (Kandel–Moles and LIX).

    Parameters
    ----------
    text_or_article : str or Article
        A text (it is cut into sentences with the kit's splitter) or an
        article (its ``sentences`` are used).

    Returns
    -------
    Readability
        Counts, averages and the two scores.

    Raises
    ------
    ValueError
        When the text holds no word.

    Examples
    --------
    >>> import articlekit as ak
    >>> r = ak.readability(ak.load_article())
    >>> r.sentences
    19
    >>> r.kandel_moles < ak.readability(ak.easy_text()).kandel_moles
    True
    """
    sentences = [s for s in _sentence_texts(text_or_article) if words_of(s)]
    words = [w for s in sentences for w in words_of(s)]
    if not words:
        raise ValueError("readability() needs a text with at least one word; this one has none")
    syllables = sum(count_syllables(w) for w in words)
    long_words = sum(1 for w in words if sum(c.isalpha() for c in w) > _LONG_WORD)
    wps = len(words) / len(sentences)
    return Readability(
        sentences=len(sentences),
        words=len(words),
        syllables=syllables,
        long_words=long_words,
        kandel_moles=kandel_moles(wps, syllables / len(words)),
        lix=lix(wps, long_words / len(words)),
    )


def easy_text() -> str:
    """A short, easy French text shipped with the kit, to compare scores with.

    Eight short sentences about two children, written for beginners (A1).

    >>> easy_text().split(".")[0]
    'Awa habite à Bamako, au Mali'
    """
    return resources.files("articlekit").joinpath("data/easy-text-fr.txt").read_text(encoding="utf-8")
