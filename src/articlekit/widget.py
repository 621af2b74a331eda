"""Annotate the article with the mouse, in JupyterLab.

:func:`annotate` shows the article in a small interactive panel (a Jupyter
widget): select a passage with the mouse, click a label -- and, for a
quotation, type who says it -- and the span is added to an
:class:`~articlekit.Annotations` collection with its exact offsets in
``article.text``.  Click a highlight to remove it.  With ``path=`` every
change is saved at once, atomically and keeping the previous version
(``<name>.bak``), by the same storage as :meth:`Annotations.save`.

The panel and the code route give the same spans: whatever you mark with
the mouse is in ``widget.annotations``, ready for ``.to_frame()``,
``ak.render(...)`` or an agreement score.

Examples
--------
>>> import articlekit as ak
>>> article = ak.load_article()
>>> panel = ak.annotate(article, labels="entities")   # doctest: +SKIP
>>> panel                                              # doctest: +SKIP
>>> panel.annotations                                  # doctest: +SKIP
Annotations(0 spans: empty)

The widget needs a running kernel: in a notebook opened without running it,
or on GitHub, it shows only a one-line summary.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable

from .annotation import (
    COLOURS,
    DEFAULT_COLOUR,
    ENTITY_LABELS,
    LAYERS,
    QUOTE_LABELS,
    SPEAKER_LAYERS,
    AnnotationError,
    Annotations,
    layer_of,
)

if TYPE_CHECKING:  # only for type checkers: anywidget is imported when a widget is made
    from ._annotation_widget import AnnotationWidget

__all__ = ["AnnotationWidget", "SelectionError", "annotate", "label_choices", "snap_selection",
           "span_payload", "speaker_suggestions"]

#: Labels offered when none are given: entities and the kinds of quotation.
DEFAULT_LABELS = ENTITY_LABELS + QUOTE_LABELS
_GUILLEMETS = "«»\"“”"


class SelectionError(AnnotationError):
    """The mouse selection cannot become a span (empty, outside the text...)."""


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def snap_selection(text: str, start: int, end: int, *, words: bool = True,
                   guillemets: bool = False) -> tuple[int, int]:
    """Tidy the offsets of a mouse selection.

    A hand never stops exactly on a word boundary, so the selection is
    trimmed of surrounding spaces and, with ``words``, widened to whole words
    when it starts or ends inside one (« ali e » becomes « Mali et »; only
    letters and digits count as inside a word, so « l’armée » can still be split at
    the apostrophe).  With ``guillemets`` (quotations), the « » and the spaces
    inside them are left out, as in the teacher's key.

    Parameters
    ----------
    text : str
        The article's text.
    start, end : int
        Offsets of the selection (in any order).

    Returns
    -------
    (int, int)
        The tidied ``(start, end)``.

    Raises
    ------
    SelectionError
        Nothing but spaces (or guillemets) is selected, or the offsets are
        outside the text.

    Examples
    --------
    >>> snap_selection("Le Mali et le Sénégal", 4, 9)      # "ali e" -> "Mali et"
    (3, 10)
    >>> snap_selection("dit : « Nous viendrons. »", 6, 25, guillemets=True)
    (8, 23)
    """
    if isinstance(start, bool) or isinstance(end, bool):
        raise SelectionError("selection offsets must be integers")
    start, end = sorted((int(start), int(end)))
    if start < 0 or end > len(text):
        raise SelectionError(f"the selection ({start}, {end}) is outside the text (0..{len(text)})")
    strip = " \t\r\n\u00a0\u202f" + (_GUILLEMETS if guillemets else "")
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    if words and start < end:
        while start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
            start -= 1
        while end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
            end += 1
    if start >= end:
        raise SelectionError("select some words first: the selection holds only spaces"
                             + (" and guillemets" if guillemets else ""))
    return start, end


def _label_list(labels: str | Iterable[str] | None) -> tuple[str, ...]:
    """Labels from a layer name, a label, or a list of both (checked, in order, once each)."""
    if labels is None:
        labels = DEFAULT_LABELS
    if isinstance(labels, str):
        labels = [labels]
    out: list[str] = []
    for item in labels:
        names = LAYERS.get(item) if item in LAYERS else None
        if item in LAYERS and names is None:
            raise AnnotationError(
                f"the {item!r} layer has no fixed labels: give your own, such as labels=['sécurité']")
        for label in names or (item,):
            layer_of(label)  # raises a clear error for an unknown label
            if label not in out:
                out.append(label)
    if not out:
        raise AnnotationError("give at least one label, such as labels='entities'")
    return tuple(out)


def label_choices(labels: str | Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The label buttons of the panel: label, layer, colour and whether it takes a speaker.

    Parameters
    ----------
    labels : str or iterable of str, optional
        Labels (``"PER"``, ``"DIRECT"``, ``"sécurité"``...) and/or layer
        names (``"entities"``, ``"quotes"``...); default: entities and quotes.

    Examples
    --------
    >>> [c["label"] for c in label_choices("quotes")]
    ['DIRECT', 'PARTIAL', 'MOTTO', 'INDIRECT']
    >>> label_choices(["PER"])[0]
    {'label': 'PER', 'layer': 'entities', 'colour': '#f6c6a8', 'speaker': 'no'}
    """
    out = []
    for label in _label_list(labels):
        layer = layer_of(label)
        speaker = "required" if layer == "speakers" else "optional" if layer in SPEAKER_LAYERS else "no"
        out.append({"label": label, "layer": layer, "colour": COLOURS.get(label, DEFAULT_COLOUR),
                    "speaker": speaker})
    return out


def span_payload(annotations: Annotations) -> list[dict[str, Any]]:
    """The spans as plain dictionaries (what the panel draws), in order.

    Examples
    --------
    >>> notes = Annotations("Le Mali").add("Mali", "LOC")
    >>> span_payload(notes)[0]["text"], span_payload(notes)[0]["colour"]
    ('Mali', '#b8e0b0')
    """
    return [{"start": s.start, "end": s.end, "label": s.label, "layer": s.layer, "text": s.text,
             "speaker": s.speaker, "note": s.note, "author": s.author,
             "colour": COLOURS.get(s.label, DEFAULT_COLOUR)} for s in annotations.spans]


def speaker_suggestions(annotations: Annotations, extra: Iterable[str] = ()) -> list[str]:
    """Names offered in the speaker box: given ones, then speakers and people already marked."""
    names: list[str] = []
    for name in [*extra, *(s.speaker for s in annotations.spans if s.speaker),
                 *(s.text for s in annotations.spans if s.label == "PER")]:
        name = " ".join(str(name).split())
        if name and name not in names:
            names.append(name)
    return names


def annotate(article: Any, annotations: Annotations | None = None, *,
             labels: str | Iterable[str] | None = None, path: str | os.PathLike[str] | None = None,
             author: str | None = None, speakers: Iterable[str] = (),
             snap: bool = True) -> "AnnotationWidget":
    """Annotate the article with the mouse: select, click a label, done.

    In JupyterLab, the returned panel shows the article.  Select a passage
    with the mouse, then click a label button; for a quotation label, type
    (or pick) the speaker first.  The span is added with its exact offsets.
    Click a highlight, then *Remove*, to take it away.

    Parameters
    ----------
    article : Article
        The article, from :func:`articlekit.load_article`.
    annotations : Annotations, optional
        Spans to start from (for example spaCy's suggestions, to correct).
        If the file at ``path`` already exists, it wins: running the cell
        again continues your saved work (delete the file to start over).
    labels : str or iterable of str, optional
        The label buttons: labels (``"PER"``, ``"DIRECT"``, ``"sécurité"``)
        and/or layer names (``"entities"``, ``"quotes"``).  Default:
        entities and quotes.
    path : str or Path, optional
        A JSON file: every change is saved there at once (atomic write, the
        previous version kept as ``<name>.bak``).
    author : str, optional
        Your name, stored on every span you add.
    speakers : iterable of str, optional
        Names to offer in the speaker box (people already marked ``PER`` and
        speakers already used are offered too).
    snap : bool
        Trim spaces and widen a selection that starts or ends inside a word
        to the whole word (default ``True``); for quotations, leave the « »
        out.

    Returns
    -------
    AnnotationWidget
        Show it (last line of a cell).  ``widget.annotations`` is the
        current :class:`~articlekit.Annotations` at any time.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> panel = ak.annotate(article, labels=["PER", "LOC", "DIRECT"])   # doctest: +SKIP
    >>> panel                                                        # doctest: +SKIP

    After selecting « Sadio CAMARA » and clicking ``PER``:

    >>> panel.annotations.texts()                                    # doctest: +SKIP
    ['Sadio CAMARA']
    """
    from ._annotation_widget import AnnotationWidget

    return AnnotationWidget(article, annotations, labels=labels, path=path, author=author,
                            speakers=speakers, snap=snap)


def __getattr__(name: str):
    # The widget class needs anywidget (slow to import): load it on first use.
    if name == "AnnotationWidget":
        from ._annotation_widget import AnnotationWidget

        return AnnotationWidget
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

