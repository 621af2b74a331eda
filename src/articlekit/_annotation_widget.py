"""The annotation panel itself: an anywidget (Python side).

Kept apart from :mod:`articlekit.widget` because importing anywidget takes
longer than all of ``import articlekit``; use :func:`articlekit.annotate`.

Python owns the annotations.  The browser only draws ``text`` and ``spans``
and sends requests (``{"action": "add", "start", "end", "label",
"speaker"}`` or ``{"action": "remove", ...}``); every request goes through
the same checked :class:`~articlekit.Annotations` methods as the code route,
and any error comes back as a one-line ``message`` in the panel.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

import anywidget
import traitlets

from .annotation import SPEAKER_LAYERS, AnnotationError, Annotations, Span, layer_of
from .widget import label_choices, snap_selection, span_payload, speaker_suggestions

STATIC = Path(__file__).parent / "static"


class AnnotationWidget(anywidget.AnyWidget):
    """Annotate the article by selecting text with the mouse (see :func:`articlekit.annotate`).

    Attributes
    ----------
    annotations : Annotations
        The current collection (read it at any time; assigning a new one
        redraws the panel and saves it when there is a ``path``).
    path : str
        The file every change is saved to ("" for none).
    """

    _esm = STATIC / "annotate.js"
    _css = STATIC / "annotate.css"

    text = traitlets.Unicode("").tag(sync=True)
    labels = traitlets.List(traitlets.Dict()).tag(sync=True)
    spans = traitlets.List(traitlets.Dict()).tag(sync=True)
    speakers = traitlets.List(traitlets.Unicode()).tag(sync=True)
    message = traitlets.Unicode("").tag(sync=True)
    message_kind = traitlets.Unicode("info").tag(sync=True)  # "info", "saved" or "error"
    path = traitlets.Unicode("").tag(sync=True)

    def __init__(self, article: Any, annotations: Annotations | None = None, *,
                 labels: str | Iterable[str] | None = None, path: str | os.PathLike[str] | None = None,
                 author: str | None = None, speakers: Iterable[str] = (), snap: bool = True) -> None:
        text = getattr(article, "text", article)
        if not isinstance(text, str):
            raise TypeError("annotate needs the article: ak.annotate(article)")
        path = Path(path) if path is not None else None
        reopened = ""
        if annotations is not None and not isinstance(annotations, Annotations):
            raise TypeError(f"annotations must be an Annotations collection, not {type(annotations).__name__}")
        if path is not None and path.exists():
            # Running the cell again continues the saved work rather than
            # starting over from ``annotations``.
            from .storage import load_annotations

            annotations = load_annotations(path, text)
            reopened = (f"Reopened {len(annotations)} span(s) saved in {path.name} "
                        "(delete that file to start again).")
        elif annotations is None:
            annotations = Annotations(text)
        if not isinstance(annotations, Annotations):
            raise TypeError(f"annotations must be an Annotations collection, not {type(annotations).__name__}")
        if annotations.text != text:
            raise AnnotationError("these annotations are about another text than this article")
        if author is not None and (not isinstance(author, str) or not author.strip()):
            raise AnnotationError(f"author must be a non-empty string, not {author!r}")
        self._annotations = annotations
        self._author = author
        self._snap = bool(snap)
        self._extra_speakers = tuple(speakers)
        super().__init__(
            text=text,
            labels=label_choices(labels),
            spans=span_payload(annotations),
            speakers=speaker_suggestions(annotations, self._extra_speakers),
            path=str(path) if path is not None else "",
            message=reopened,
        )
        self.on_msg(self._on_frontend_message)

    # ------------------------------------------------------------------ #
    def __repr__(self) -> str:
        # Shown as text where widgets cannot be drawn, and compared by nbval:
        # nothing random, and nothing that depends on earlier work (a panel
        # reopening a saved file must print the same line).
        where = f" saving to {Path(self.path).name}" if self.path else ""
        return f"<annotation panel{where}: run this cell in JupyterLab to annotate with the mouse>"

    @property
    def annotations(self) -> Annotations:
        """The current annotations (an immutable :class:`~articlekit.Annotations`)."""
        return self._annotations

    @annotations.setter
    def annotations(self, value: Annotations) -> None:
        if not isinstance(value, Annotations):
            raise TypeError(f"annotations must be an Annotations collection, not {type(value).__name__}")
        if value.text != self.text:
            raise AnnotationError("these annotations are about another text than this article")
        self._set(value, "")

    def _set(self, annotations: Annotations, message: str) -> None:
        self._annotations = annotations
        self.spans = span_payload(annotations)
        self.speakers = speaker_suggestions(annotations, self._extra_speakers)
        if self.path:
            try:
                saved = self.save()
            except OSError as err:
                self._say(f"{message} — NOT SAVED: {err}".lstrip(" —"), "error")
                return
            self._say(f"{message} Saved {len(annotations)} span(s) to {saved.name}.".strip(), "saved")
        elif message:
            self._say(message, "info")

    def _say(self, message: str, kind: str) -> None:
        self.message_kind = kind
        self.message = message

    # ------------------------------------------------------------------ #
    def add(self, start: int, end: int, label: str, *, speaker: str | None = None,
            note: str | None = None) -> Span:
        """Add ``text[start:end]`` with ``label`` (as a mouse selection would).

        The offsets are tidied first (see :func:`articlekit.widget.snap_selection`)
        unless the panel was made with ``snap=False``.

        Returns
        -------
        Span
            The span added.

        Examples
        --------
        >>> import articlekit as ak
        >>> panel = ak.annotate(ak.load_article(), labels=["PER"])       # doctest: +SKIP
        >>> panel.add(183, 197, "PER").text                               # doctest: +SKIP
        'Sadio CAMARA'
        """
        layer = layer_of(label)
        if label not in {c["label"] for c in self.labels}:
            raise AnnotationError(f"{label!r} is not one of this panel's labels "
                                  f"({', '.join(c['label'] for c in self.labels)})")
        speaker = " ".join(speaker.split()) if isinstance(speaker, str) else speaker
        speaker = speaker or None
        if speaker is not None and layer not in SPEAKER_LAYERS:
            speaker = None  # the speaker box is ignored for entities and themes
        if self._snap:
            start, end = snap_selection(self.text, start, end, guillemets=layer == "quotes")
        new = self._annotations.add_span(start, end, label, speaker=speaker, note=note, author=self._author)
        added = next(s for s in new.spans if s not in set(self._annotations.spans))
        who = f" ({added.speaker})" if added.speaker else ""
        self._set(new, f"Added {added.label}{who} « {_short(added.text)} » at {added.start}–{added.end}.")
        return added

    def remove(self, span: Span | int) -> Span:
        """Remove a span (a :class:`~articlekit.Span` or its position in ``annotations``)."""
        if isinstance(span, int) and not isinstance(span, bool):
            try:
                span = self._annotations.spans[span]
            except IndexError:
                raise AnnotationError(f"there is no span number {span} ({len(self._annotations)} spans)") from None
        new = self._annotations.remove(span)
        self._set(new, f"Removed {span.label} « {_short(span.text)} ».")
        return span

    def save(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Save the annotations (atomic write, previous version kept as ``.bak``).

        Parameters
        ----------
        path : str or Path, optional
            Where; default the panel's ``path``.  Giving one makes it the
            panel's file from now on.
        """
        from .storage import save_annotations

        if path is not None:
            self.path = str(path)
        if not self.path:
            raise AnnotationError("no file to save to: give path=... to annotate() or to save()")
        return save_annotations(self._annotations, self.path)

    # ------------------------------------------------------------------ #
    def _find(self, request: dict) -> Span:
        key = (request.get("start"), request.get("end"), request.get("layer"), request.get("label"),
               request.get("speaker") or "")
        for span in self._annotations.spans:
            if span.key == key:
                return span
        raise AnnotationError("that highlight is no longer in the annotations (already removed?)")

    def _on_frontend_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        """Handle a request from the browser; errors become the panel's message."""
        if not isinstance(content, dict):
            return
        try:
            action = content.get("action")
            if action == "add":
                self.add(int(content["start"]), int(content["end"]), str(content["label"]),
                         speaker=content.get("speaker") or None)
            elif action == "remove":
                self.remove(self._find(content))
            else:
                raise AnnotationError(f"unknown request {action!r}")
        except (AnnotationError, KeyError, TypeError, ValueError) as err:
            self._say(f"Not done: {err}", "error")


def _short(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
