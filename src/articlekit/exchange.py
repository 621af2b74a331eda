"""Exchange annotations with annotation tools: Label Studio, doccano, brat.

Three formats, each exported and imported without loss (tested by round
trip):

==============  ===========================  =========================================
tool            file                         what the kit writes
==============  ===========================  =========================================
Label Studio    ``.json`` (a list of tasks)  one task: ``data.text`` and one
                                             annotation whose ``result`` has one
                                             ``labels`` region per span (``from_name``
                                             = the layer), plus ``textarea`` regions
                                             with the same ``id`` for notes and
                                             speakers
doccano         ``.jsonl`` (one JSON a line) ``{"text": ..., "label": [[start, end,
                                             label], ...]}`` plus the kit's extra
                                             fields (notes, speakers), which doccano
                                             keeps as metadata
brat            ``.ann`` (+ the ``.txt``)    ``T`` lines for spans, ``#`` lines
                                             (``AnnotatorNotes``, ``Speaker``,
                                             ``Author``) for the rest
==============  ===========================  =========================================

:func:`label_studio_config` writes the labelling interface to paste into a
Label Studio project.

Examples
--------
>>> import articlekit as ak
>>> notes = ak.Annotations("Le Mali et le Sénégal").add_regex("Mali|Sénégal", "LOC")
>>> ak.from_doccano(ak.to_doccano(notes), notes.text) == notes
True
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable

from .annotation import LAYERS, AnnotationError, Annotations, Span, layer_of
from .storage import MAX_BYTES, AnnotationFileError, _first_line, atomic_write_text

__all__ = [
    "FORMATS",
    "export_annotations",
    "from_brat",
    "from_doccano",
    "from_label_studio",
    "import_annotations",
    "label_studio_config",
    "to_brat",
    "to_doccano",
    "to_label_studio",
]

#: File suffix -> format name, used by :func:`export_annotations` and
#: :func:`import_annotations`.
FORMATS = (("label-studio", ".json"), ("doccano", ".jsonl"), ("brat", ".ann"))


def _text_of(article: Any) -> str:
    text = article if isinstance(article, str) else getattr(article, "text", None)
    if not isinstance(text, str):
        raise TypeError("give the article (or its text) the annotations are about")
    return text


def _checked(text: str, spans: list[Span], source: Any) -> Annotations:
    try:
        return Annotations(text, spans)
    except AnnotationError as err:
        raise AnnotationFileError(source, str(err)) from None


def _span(text: str, start: Any, end: Any, label: Any, source: Any, where: str, *,
          layer: Any = None, note=None, author=None, speaker=None, exact: Any = None) -> Span:
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise AnnotationFileError(source, f"{where}: start and end must be integers")
    if not 0 <= start < end <= len(text):
        raise AnnotationFileError(source, f"{where}: ({start}, {end}) is outside the article's text")
    if exact is not None and exact != text[start:end]:
        raise AnnotationFileError(
            source, f"{where}: says {str(exact)[:60]!r} but the article has {text[start:end][:60]!r} "
                    "there: was it made for another text?")
    try:
        return Span(start, end, label, layer or layer_of(label), text[start:end], note, author, speaker)
    except AnnotationError as err:
        raise AnnotationFileError(source, f"{where}: {err}") from None


# ---------------------------------------------------------------------- #
# Label Studio
# ---------------------------------------------------------------------- #
def label_studio_config(layers: Iterable[str] = ("entities", "quotes", "speakers")) -> str:
    """The Label Studio labelling interface (XML) matching :func:`to_label_studio`.

    Paste it in *Settings → Labeling Interface → Code* of a Label Studio
    project, then import the JSON file.

    >>> print(label_studio_config(["entities"]))  # doctest: +NORMALIZE_WHITESPACE
    <View>
      <Labels name="entities" toName="text">
        <Label value="PER"/><Label value="LOC"/><Label value="ORG"/><Label value="DATE"/><Label value="NUM"/><Label value="MISC"/>
      </Labels>
      <Text name="text" value="$text"/>
      <TextArea name="note" toName="text" perRegion="true" editable="true"/>
    </View>
    """
    parts = ["<View>"]
    layers = list(layers)
    for layer in layers:
        labels = LAYERS.get(layer, ())
        if layer not in LAYERS:
            raise AnnotationError(f"unknown layer {layer!r}")
        if labels:
            inner = "".join(f'<Label value="{lab}"/>' for lab in labels)
            parts.append(f'  <Labels name="{layer}" toName="text">\n    {inner}\n  </Labels>')
    parts.append('  <Text name="text" value="$text"/>')
    parts.append('  <TextArea name="note" toName="text" perRegion="true" editable="true"/>')
    if any(layer in ("quotes", "speakers") for layer in layers):
        parts.append('  <TextArea name="speaker" toName="text" perRegion="true" editable="true"/>')
    parts.append("</View>")
    return "\n".join(parts)


def to_label_studio(annotations: Annotations, *, task_id: int = 1) -> list[dict]:
    """The annotations as a Label Studio task list (import it as JSON).

    Returns
    -------
    list of dict
        One task with ``data.text`` and one annotation.

    Examples
    --------
    >>> import articlekit as ak
    >>> tasks = ak.to_label_studio(ak.Annotations("Le Mali").add("Mali", "LOC"))
    >>> tasks[0]["annotations"][0]["result"][0]["value"]
    {'start': 3, 'end': 7, 'text': 'Mali', 'labels': ['LOC']}
    """
    result = []
    for n, s in enumerate(annotations.spans, 1):
        rid = f"s{n}"
        region = {"id": rid, "from_name": s.layer, "to_name": "text", "type": "labels",
                  "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]}}
        if s.author is not None:
            region["meta"] = {"author": s.author}
        result.append(region)
        for name, value in (("note", s.note), ("speaker", s.speaker)):
            if value is not None:
                result.append({"id": rid, "from_name": name, "to_name": "text", "type": "textarea",
                               "value": {"start": s.start, "end": s.end, "text": [value]}})
    return [{"id": task_id, "data": {"text": annotations.text},
             "annotations": [{"id": 1, "result": result}]}]


def from_label_studio(tasks: Any, article: Any, *, source: Any = "<Label Studio data>") -> Annotations:
    """Read a Label Studio export (the JSON task list, or one task).

    Uses the first annotation of the task whose text is the article's;
    ``labels`` regions become spans (their ``from_name`` is the layer when it
    is one of the kit's), per-region ``textarea`` results become notes
    (``from_name="note"``) and speakers (``from_name="speaker"``).

    Examples
    --------
    >>> import articlekit as ak
    >>> notes = ak.Annotations("Le Mali").add("Mali", "LOC", note="pays")
    >>> ak.from_label_studio(ak.to_label_studio(notes), "Le Mali") == notes
    True
    """
    text = _text_of(article)
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
        raise AnnotationFileError(source, "is not a Label Studio export (expected a list of tasks)")
    task = next((t for t in tasks if isinstance(t.get("data"), dict) and t["data"].get("text") == text), None)
    if task is None:
        raise AnnotationFileError(source, "has no task whose text is this article's text")
    annotations = task.get("annotations") or task.get("predictions") or []
    if not isinstance(annotations, list):
        raise AnnotationFileError(source, "has \"annotations\" that are not a list")
    if not annotations:
        return Annotations(text)
    result = annotations[0].get("result") if isinstance(annotations[0], dict) else None
    if not isinstance(result, list):
        raise AnnotationFileError(source, "has an annotation without a result list")
    extras: dict[str, dict[str, str]] = {}
    for r in result:
        if isinstance(r, dict) and r.get("type") == "textarea":
            value = r.get("value") or {}
            texts = value.get("text") if isinstance(value, dict) else None
            if isinstance(texts, list) and texts:
                extras.setdefault(str(r.get("id")), {})[str(r.get("from_name"))] = "\n".join(map(str, texts))
    spans = []
    for n, r in enumerate(result, 1):
        if not isinstance(r, dict) or r.get("type") not in ("labels", "textarea"):
            raise AnnotationFileError(source, f"result {n} is not a labels or textarea region")
        if r["type"] != "labels":
            continue
        value = r.get("value")
        if not isinstance(value, dict) or not isinstance(value.get("labels"), list) or len(value["labels"]) != 1:
            raise AnnotationFileError(source, f"result {n} should have exactly one label")
        more = extras.get(str(r.get("id")), {})
        from_name = r.get("from_name")
        layer = from_name if isinstance(from_name, str) and from_name in LAYERS else None
        meta = r.get("meta") if isinstance(r.get("meta"), dict) else {}
        spans.append(_span(text, value.get("start"), value.get("end"), value["labels"][0], source,
                           f"result {n}", layer=layer, note=more.get("note"), author=meta.get("author"),
                           speaker=more.get("speaker"), exact=value.get("text")))
    return _checked(text, spans, source)


# ---------------------------------------------------------------------- #
# doccano
# ---------------------------------------------------------------------- #
def to_doccano(annotations: Annotations) -> str:
    """The annotations as one doccano JSONL line (sequence labelling).

    The kit's extras (layer, note, author, speaker of each span) go in an
    ``articlekit`` field, which doccano keeps as metadata.

    >>> import articlekit as ak
    >>> ak.to_doccano(ak.Annotations("Le Mali").add("Mali", "LOC"))
    '{"text": "Le Mali", "label": [[3, 7, "LOC"]]}\\n'
    """
    record: dict[str, Any] = {"text": annotations.text,
                              "label": [[s.start, s.end, s.label] for s in annotations.spans]}
    extras = [{k: v for k, v in (("note", s.note), ("author", s.author), ("speaker", s.speaker))
               if v is not None} for s in annotations.spans]
    if any(extras):
        record["articlekit"] = extras
    return json.dumps(record, ensure_ascii=False) + "\n"


def from_doccano(jsonl: str, article: Any, *, source: Any = "<doccano data>") -> Annotations:
    """Read doccano JSONL: the line whose ``text`` is the article's.

    Accepts both doccano shapes: ``"label": [[start, end, label], ...]`` and
    ``"entities": [{"start_offset", "end_offset", "label"}, ...]``.

    >>> import articlekit as ak
    >>> ak.from_doccano('{"text": "Le Mali", "label": [[3, 7, "LOC"]]}', "Le Mali").texts()
    ['Mali']
    """
    text = _text_of(article)
    if not isinstance(jsonl, str):
        raise TypeError("from_doccano reads the JSONL text (a string)")
    record = None
    for number, line in enumerate(jsonl.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise AnnotationFileError(source, f"line {number} is not valid JSON ({err.msg})") from None
        except (ValueError, RecursionError) as err:  # a 5000-digit number, arrays nested too deep
            raise AnnotationFileError(source, f"line {number} is not a doccano record ({_first_line(err)})") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise AnnotationFileError(source, f"line {number} is not a doccano record (no \"text\")")
        if data["text"] == text:
            record = data
            break
    if record is None:
        raise AnnotationFileError(source, "has no line whose text is this article's text")
    if "label" in record:
        raw = record["label"]
        if not isinstance(raw, list) or not all(isinstance(x, list) and len(x) == 3 for x in raw):
            raise AnnotationFileError(source, "\"label\" must be a list of [start, end, label]")
        triples = [tuple(x) for x in raw]
    else:
        raw = record.get("entities", [])
        if not isinstance(raw, list) or not all(isinstance(x, dict) for x in raw):
            raise AnnotationFileError(source, "\"entities\" must be a list of objects")
        triples = [(x.get("start_offset"), x.get("end_offset"), x.get("label")) for x in raw]
    extras = record.get("articlekit")
    if extras is None:
        extras = [{}] * len(triples)
    if not isinstance(extras, list) or len(extras) != len(triples) or not all(isinstance(e, dict) for e in extras):
        raise AnnotationFileError(source, "\"articlekit\" must hold one object per label")
    spans = [_span(text, a, b, label, source, f"label {n}", note=e.get("note"), author=e.get("author"),
                   speaker=e.get("speaker"))
             for n, ((a, b, label), e) in enumerate(zip(triples, extras), 1)]
    return _checked(text, spans, source)


# ---------------------------------------------------------------------- #
# brat standoff
# ---------------------------------------------------------------------- #
# offsets of at most 15 digits: int() refuses longer digit strings in one traceback
_BRAT_T = re.compile(r"T(\d+)\t(\S+) (\d{1,15}) (\d{1,15})\t(.*)\Z")
_BRAT_NOTE = re.compile(r"#(\d+)\t(\S+) T(\d+)\t(.*)\Z")
_BRAT_NOTE_TYPES = MappingProxyType({"AnnotatorNotes": "note", "Speaker": "speaker", "Author": "author"})


def _brat_text(s: str) -> str:
    # brat keeps one annotation a line: line breaks inside a span become spaces
    return s.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def to_brat(annotations: Annotations) -> str:
    """The annotations as brat standoff (the content of a ``.ann`` file).

    ``T`` lines hold the spans (type = label); ``#`` lines hold the note
    (``AnnotatorNotes``), the speaker (``Speaker``) and the author
    (``Author``) of a span.  brat needs the text beside it, in a ``.txt``
    file with the same name (:func:`export_annotations` writes both).

    >>> import articlekit as ak
    >>> print(ak.to_brat(ak.Annotations("Le Mali").add("Mali", "LOC", note="pays")), end="")  # doctest: +NORMALIZE_WHITESPACE
    T1	LOC 3 7	Mali
    #1	AnnotatorNotes T1	pays
    """
    lines, notes = [], 0
    for n, s in enumerate(annotations.spans, 1):
        lines.append(f"T{n}\t{s.label} {s.start} {s.end}\t{_brat_text(s.text)}")
        for kind, value in (("AnnotatorNotes", s.note), ("Speaker", s.speaker), ("Author", s.author)):
            if value is not None:
                notes += 1
                lines.append(f"#{notes}\t{kind} T{n}\t{_brat_text(value)}")
    return "".join(line + "\n" for line in lines)


def from_brat(ann: str, article: Any, *, source: Any = "<brat data>") -> Annotations:
    """Read brat standoff (``.ann`` content) about the article's text.

    Text-bound annotations with one fragment (``T1<TAB>PER 3 7<TAB>Mali``)
    become spans; ``AnnotatorNotes``, ``Speaker`` and ``Author`` notes fill
    in the span's note, speaker and author.  Relations, events and
    discontinuous spans are refused with a clear error.

    >>> import articlekit as ak
    >>> ak.from_brat("T1\\tLOC 3 7\\tMali\\n", "Le Mali").texts()
    ['Mali']
    """
    text = _text_of(article)
    if not isinstance(ann, str):
        raise TypeError("from_brat reads the .ann text (a string)")
    bounds: dict[str, tuple[int, int, str, int]] = {}
    extra: dict[str, dict[str, str]] = {}
    for number, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        t = _BRAT_T.match(line)
        if t:
            tid, label, a, b, surface = t.groups()
            a, b = int(a), int(b)
            if "T" + tid in bounds:
                raise AnnotationFileError(source, f"line {number}: T{tid} is defined twice")
            if not 0 <= a < b <= len(text) or _brat_text(text[a:b]) != surface:
                raise AnnotationFileError(
                    source, f"line {number}: T{tid} {surface[:60]!r} is not at ({a}, {b}) in the article's text: "
                            "was the file made for another text?")
            bounds["T" + tid] = (a, b, label, number)
            continue
        note = _BRAT_NOTE.match(line)
        if note:
            _, kind, tid, value = note.groups()
            if kind not in _BRAT_NOTE_TYPES:
                raise AnnotationFileError(source, f"line {number}: unknown note type {kind!r}")
            extra.setdefault("T" + tid, {})[_BRAT_NOTE_TYPES[kind]] = value
            continue
        if re.match(r"T\d+\t\S+ \d+ \d+;", line):
            raise AnnotationFileError(source, f"line {number}: discontinuous spans are not supported")
        raise AnnotationFileError(
            source, f"line {number} is not a text-bound annotation or note the kit can read: {line[:60]!r}")
    for tid in extra:
        if tid not in bounds:
            raise AnnotationFileError(source, f"a note refers to {tid}, which is not defined")
    spans = [_span(text, a, b, label, source, f"line {number}", **extra.get(tid, {}))
             for tid, (a, b, label, number) in bounds.items()]
    return _checked(text, spans, source)


# ---------------------------------------------------------------------- #
# Files
# ---------------------------------------------------------------------- #
def _format_of(path: Path, format: str | None) -> str:
    if format is not None:
        names = [name for name, _ in FORMATS]
        if format not in names:
            raise ValueError(f"unknown format {format!r}: choose one of {', '.join(names)}")
        return format
    for name, suffix in FORMATS:
        if path.name.endswith(suffix):
            return name
    raise ValueError(f"{path}: cannot tell the format from the name; use .json (Label Studio), "
                     ".jsonl (doccano) or .ann (brat), or pass format=")


def export_annotations(annotations: Annotations, path: str | os.PathLike[str], *,
                       format: str | None = None) -> Path:
    """Write annotations for an annotation tool, atomically (previous version kept as ``.bak``).

    The format comes from the file name (``.json`` Label Studio, ``.jsonl``
    doccano, ``.ann`` brat) or from ``format=``.  For brat the text is also
    written beside it, as ``<name>.txt``.

    Parameters
    ----------
    annotations : Annotations
    path : str or Path
        The file to write; an existing file is kept as ``<name>.bak``.
    format : {"label-studio", "doccano", "brat"}, optional
        The format, when the file name does not tell it.

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import articlekit as ak, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "notes.jsonl"
    >>> notes = ak.Annotations("Le Mali").add("Mali", "LOC")
    >>> ak.import_annotations(ak.export_annotations(notes, path), "Le Mali") == notes
    True
    """
    path = Path(path)
    kind = _format_of(path, format)
    if kind == "label-studio":
        content = json.dumps(to_label_studio(annotations), ensure_ascii=False, indent=1) + "\n"
    elif kind == "doccano":
        content = to_doccano(annotations)
    else:
        content = to_brat(annotations)
        atomic_write_text(path.with_suffix(".txt"), annotations.text)
    return atomic_write_text(path, content)


def import_annotations(path: str | os.PathLike[str], article: Any, *,
                       format: str | None = None) -> Annotations:
    """Read a Label Studio, doccano or brat file about ``article``.

    Parameters
    ----------
    path : str or Path
        The file: ``.json`` (Label Studio), ``.jsonl`` (doccano) or ``.ann``
        (brat), as written by :func:`export_annotations` or by the tool.
    article : Article or str
        The article (or its text) the annotations are about.
    format : {"label-studio", "doccano", "brat"}, optional
        The format, when the file name does not tell it.

    Returns
    -------
    Annotations

    Raises
    ------
    FileNotFoundError
        No such file.
    AnnotationFileError
        The file is a folder, empty, not in the format, or about another
        text; the message names the file.

    Examples
    --------
    >>> import articlekit as ak, tempfile, pathlib
    >>> article = ak.load_article()
    >>> notes = ak.Annotations(article).add("CEDEAO", "ORG")
    >>> path = ak.export_annotations(notes, pathlib.Path(tempfile.mkdtemp()) / "cedeao.ann")
    >>> ak.import_annotations(path, article).texts()
    ['CEDEAO']
    """
    path = Path(path)
    kind = _format_of(path, format)
    if path.is_dir():
        raise AnnotationFileError(path, "is a folder, not an annotation file")
    if path.stat().st_size > MAX_BYTES:
        raise AnnotationFileError(path, f"is larger than {MAX_BYTES // (1024 * 1024)} MiB: not an annotation file")
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AnnotationFileError(path, "is not UTF-8 text") from None
    if not raw.strip():
        raise AnnotationFileError(path, "is empty")
    if kind == "label-studio":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as err:
            raise AnnotationFileError(path, f"is not valid JSON (line {err.lineno}: {err.msg})") from None
        except (ValueError, RecursionError) as err:  # a 5000-digit number, arrays nested too deep
            raise AnnotationFileError(path, f"is not a Label Studio export ({_first_line(err)})") from None
        return from_label_studio(data, article, source=path)
    if kind == "doccano":
        return from_doccano(raw, article, source=path)
    return from_brat(raw, article, source=path)
