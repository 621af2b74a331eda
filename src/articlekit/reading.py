"""Tools for lesson 1, reading the article: contexts, frequencies, structure, slips.

- :func:`kwic` — *keyword in context*: every occurrence of a word with the
  words around it, one line each, the keyword lined up in the middle.
- :func:`lemma_frequencies` — which dictionary forms (lemmas) come back
  most often, without stop words (spaCy's analysis in ``article.tokens``).
- :func:`sentence_lengths` — the length of each sentence, in words.
- :func:`quote_spans`, :func:`quote_map` — where the « … » quotations sit,
  paragraph by paragraph (a deliberately simple scanner; lesson 2 builds a
  full quotation extractor).
- :func:`corrections`, :func:`corrected_text` — the slips of the original
  text found at their offsets (the lesson's sample ships in ``data/corrections-sample.json``; the whole list is the teacher's).

Examples
--------
>>> import articlekit as ak
>>> article = ak.load_article()
>>> len(ak.kwic(article, "terrorisme"))
6
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

# A sentence's or a paragraph's length is counted in the kit's words, the
# same as article.words and the readability scores, so the numbers agree.
from .words import words as _words

__all__ = [
    "Correction",
    "CorrectionsError",
    "KwicLine",
    "CONTENT_POS",
    "corrected_text",
    "corrections",
    "kwic",
    "lemma_frequencies",
    "quote_map",
    "quote_spans",
    "sentence_lengths",
]

#: Parts of speech that carry content (kept by :func:`lemma_frequencies`).
CONTENT_POS = ("NOUN", "PROPN", "ADJ", "VERB", "ADV")


# --------------------------------------------------------------------------
# Keyword in context
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class KwicLine:
    """One occurrence of a keyword with its left and right context.

    ``str(line)`` gives a fixed-width line with the keyword in the middle,
    so that printed lines align.  ``start``/``end`` are offsets of the
    keyword in ``article.text``; ``sentence`` is the sentence index.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> line = ak.kwic(article, "souveraineté", width=20)[0]
    >>> line.keyword, line.sentence, article.text[line.start:line.end] == line.keyword
    ('souveraineté', 12, True)
    """

    left: str
    keyword: str
    right: str
    start: int
    end: int
    sentence: int
    width: int = 40

    def __str__(self) -> str:
        gap = "" if self.right[:1] in tuple(".,;:)»") else " "  # « terrorisme. », not « terrorisme . »
        return f"{self.left:>{self.width}} [{self.keyword}]{gap}{self.right}".rstrip()


def _flat(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ¶ ", text)  # ¶ marks a paragraph break in the context


def kwic(article: Any, word: str, width: int = 40, *, by: str = "lemma") -> tuple[KwicLine, ...]:
    """Keyword in context: every occurrence of ``word`` with ``width`` characters each side.

    Parameters
    ----------
    article : Article
        The article (its spaCy tokens are used).
    word : str
        The word to look for.  With ``by="lemma"`` every form of the same
        lemma is found (« coopérer » finds *coopérer*; « terroriste »
        finds *Terroristes*); with ``by="form"`` only that exact form
        (case-insensitive).  The lemma is the one the article's analysis
        gives the word where it occurs; spaCy's model is loaded only for
        a word the article does not contain.
    width : int, optional
        Characters of context on each side (default 40).  A paragraph
        break shows as ``¶``.
    by : {"lemma", "form"}
        Match lemmas or written forms.

    Returns
    -------
    tuple of KwicLine
        In reading order; ``print(line)`` shows it aligned.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> print(ak.kwic(article, "souveraineté", width=20)[0])
    r : le respect de la [souveraineté] du Mali, le respect
    """
    if by not in ("lemma", "form"):
        raise ValueError(f"by must be 'lemma' or 'form', not {by!r}")
    if not isinstance(word, str) or not word.strip():
        raise ValueError("kwic() needs a word to look for")
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        raise ValueError(f"width must be a positive whole number, not {width!r}")
    key = word.strip().casefold()
    text = article.text
    if by == "lemma":
        from .analysis import parse

        # The lemma of the query itself, so that « soutenue » also finds « soutenir »: read in the
        # article where the word occurs (in context, and with no model to load), else parsed alone
        # (cached: the model runs on a word once).
        found = {t.lemma.casefold() for t in article.tokens if t.text.casefold() == key}
        lemmas = {key} | (found or {t.lemma_.casefold() for t in parse(word.strip()) if not t.is_punct})
        hits = [t for t in article.tokens if t.lemma.casefold() in lemmas or t.text.casefold() == key]
    else:
        hits = [t for t in article.tokens if t.text.casefold() == key]
    lines = []
    for t in hits:
        left = _flat(text[max(0, t.start - width - 1):t.start]).rstrip()[-width:]
        right = _flat(text[t.end:t.end + width + 1]).lstrip()[:width]
        lines.append(KwicLine(left, t.text, right, t.start, t.end, t.sentence, width))
    return tuple(lines)


# --------------------------------------------------------------------------
# Frequencies and lengths
# --------------------------------------------------------------------------
def lemma_frequencies(article: Any, n: int | None = None, *, pos: tuple[str, ...] = CONTENT_POS):
    """How often each lemma occurs, stop words, punctuation and numbers left out.

    Parameters
    ----------
    article : Article
        The article (its spaCy tokens are used).
    n : int, optional
        Keep only the ``n`` most frequent lemmas.
    pos : tuple of str, optional
        Parts of speech to keep (default: nouns, proper nouns, adjectives,
        verbs, adverbs).  spaCy's stop-word list alone keeps words such
        as « contre »; filtering on the part of speech removes them.

    Returns
    -------
    pandas.DataFrame
        Columns ``lemma`` (lower case, so *CAMARA* and *Camara* count
        together) and ``count``, most frequent first, ties in alphabetical
        order.

    Examples
    --------
    >>> import articlekit as ak
    >>> ak.lemma_frequencies(ak.load_article(), 3)["lemma"].tolist()
    ['mali', 'coopération', 'ministre']
    """
    import pandas as pd

    counts: dict[str, int] = {}
    for t in article.tokens:
        if t.is_stop or t.is_punct or not t.is_alpha or t.pos not in pos:
            continue
        lemma = t.lemma.casefold()
        counts[lemma] = counts.get(lemma, 0) + 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if n is not None:
        rows = rows[:n]
    return pd.DataFrame(rows, columns=["lemma", "count"])


def sentence_lengths(article: Any):
    """The length of every sentence, in words (as ``article.words`` counts them).

    Returns
    -------
    pandas.DataFrame
        Columns ``sentence``, ``paragraph``, ``words``.

    Examples
    --------
    >>> import articlekit as ak
    >>> int(ak.sentence_lengths(ak.load_article())["words"].max())
    95
    """
    import pandas as pd

    rows = [(s.index, s.paragraph, len(_words(s.text))) for s in article.sentences]
    return pd.DataFrame(rows, columns=["sentence", "paragraph", "words"])


# --------------------------------------------------------------------------
# Quotations
# --------------------------------------------------------------------------
def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the « … » quotations in a text, guillemets included.

    A simple scanner: each « opens a quotation that the next » closes (a
    quotation left open ends at the end of its paragraph).  Nested quotes
    and quotations in “ ” are not handled; lesson 2 does better.

    Examples
    --------
    >>> quote_spans("Il dit : « Oui. » Puis « non »")
    ((9, 17), (23, 30))
    """
    spans = []
    i = 0
    while True:
        start = text.find("«", i)
        if start < 0:
            return tuple(spans)
        close = text.find("»", start)
        para_end = text.find("\n\n", start)
        if para_end < 0:
            para_end = len(text)
        end = close + 1 if 0 <= close < para_end else para_end
        spans.append((start, end))
        i = end


def quote_map(article: Any):
    """Paragraph by paragraph: how many quotations, and how much of the text is quoted.

    Returns
    -------
    pandas.DataFrame
        One row a paragraph: ``paragraph``, ``words``, ``quotes``,
        ``quoted_words`` and ``quoted_share`` (0 to 1, rounded to 2 places).

    Examples
    --------
    >>> import articlekit as ak
    >>> ak.quote_map(ak.load_article())["quotes"].tolist()
    [0, 1, 2, 0, 1, 0, 1]
    """
    import pandas as pd

    rows = []
    for p in article.paragraphs:
        spans = quote_spans(p.text)
        words = len(_words(p.text))
        quoted = sum(len(_words(p.text[a:b])) for a, b in spans)
        rows.append((p.index, words, len(spans), quoted, round(quoted / words, 2) if words else 0.0))
    return pd.DataFrame(rows, columns=["paragraph", "words", "quotes", "quoted_words", "quoted_share"])


# --------------------------------------------------------------------------
# The original's slips
# --------------------------------------------------------------------------
class CorrectionsError(ValueError):
    """The corrections list does not match the text (a slip is not where it should be)."""


@dataclass(frozen=True)
class Correction:
    """One slip of the original text and how to correct it.

    Attributes
    ----------
    text : str
        The slip exactly as written (``article.text[start:end] == text``).
    occurrence : int
        Which occurrence of ``text`` it is (1 = first; whole words only).
    start, end : int
        Offsets in ``article.text``, found by :func:`corrections`.
    correction : str
        What should be written instead.
    category : str
        Kind of slip: ``agreement``, ``capitalisation``, ``punctuation``,
        ``missing letter``, ``redundant pronoun``...
    explanation : str
        One line saying why.
    debatable : bool
        True when good writers disagree (the teacher decides); fixing it is
        never wrong, and leaving it is not a miss.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> slip = next(c for c in ak.corrections(article) if c.category == "agreement")
    >>> slip.text, slip.correction, article.text[slip.start:slip.end] == slip.text
    ('perpétuel mutation', 'perpétuelle mutation', True)
    """

    text: str
    occurrence: int
    start: int
    end: int
    correction: str
    category: str
    explanation: str
    debatable: bool = False


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(re.escape(needle), text):
        a, b = m.span()
        glued_left = a > 0 and text[a - 1].isalnum() and needle[0].isalnum()
        glued_right = b < len(text) and text[b].isalnum() and needle[-1].isalnum()
        if not (glued_left or glued_right):
            out.append((a, b))
    return out


def corrections(article: Any = None, *, full: bool = False) -> tuple[Correction, ...]:
    """The slips of the original article, each found at its offsets.

    The kit ships the slips of the one passage lesson 1 corrects (its
    sample); the whole list is the key of the assignment's « spot and
    correct » exercise and stays with the teacher (``teacher/keys/``).

    Parameters
    ----------
    article : Article, optional
        The article (default: the kit's seed).  The list is written for
        the seed; on another article the slips will not be found.
    full : bool, default False
        The teacher's whole list (:class:`articlekit.keys.KeyMissing` in a
        learner's copy of the kit).

    Returns
    -------
    tuple of Correction
        In reading order.

    Raises
    ------
    CorrectionsError
        If a slip of the list is not in the text.

    Examples
    --------
    >>> import articlekit as ak
    >>> [c.text for c in ak.corrections()]
    ['perpétuel mutation', 'soutenue', 'internationaux, aux']
    >>> slip = next(c for c in ak.corrections(full=True) if c.category == "missing letter")
    >>> slip.text, slip.correction
    ('prise e compte', 'prise en compte')
    """
    if article is None:
        from .parsing import load_article

        article = load_article()
    if full:
        from .keys import require_key

        data = json.loads(require_key("corrections.json").read_text(encoding="utf-8"))
    else:
        data = json.loads(resources.files("articlekit").joinpath("data/corrections-sample.json")
                          .read_text(encoding="utf-8"))
    found = []
    for item in data["corrections"]:
        spans = _occurrences(article.text, item["text"])
        n = item["occurrence"]
        if not 1 <= n <= len(spans):
            raise CorrectionsError(
                f"corrections.json: {item['text']!r} (occurrence {n}) is not in this article's text")
        a, b = spans[n - 1]
        found.append(Correction(item["text"], n, a, b, item["correction"],
                                item["category"], item["explanation"], bool(item.get("debatable", False))))
    return tuple(sorted(found, key=lambda c: c.start))


def corrected_text(article: Any = None, slips: tuple[Correction, ...] | None = None) -> str:
    """The article's text with every slip (or the given ones) corrected.

    Examples
    --------
    >>> import articlekit as ak
    >>> "perpétuelle mutation" in ak.corrected_text()
    True
    """
    if article is None:
        from .parsing import load_article

        article = load_article()
    slips = corrections(article) if slips is None else slips
    text = article.text
    for c in sorted(slips, key=lambda c: c.start, reverse=True):
        if text[c.start:c.end] != c.text:
            raise CorrectionsError(f"slip {c.text!r} is not at {c.start}:{c.end}")
        text = text[:c.start] + c.correction + text[c.end:]
    return text
