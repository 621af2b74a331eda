"""Save and load annotations as JSON that survives small changes to the text.

Each annotation is anchored twice, with the two text selectors of the W3C
Web Annotation data model (https://www.w3.org/TR/annotation-model/):

- a ``TextPositionSelector``: ``start`` and ``end`` offsets;
- a ``TextQuoteSelector``: the ``exact`` text, with a few characters of
  ``prefix`` before it and ``suffix`` after it.

When the file is loaded and the offsets still point at the exact text, they
are used as they are.  When the text has shifted (a paragraph added above,
a typo fixed), the annotation is *re-attached*: the exact text is searched
for, and the occurrence whose prefix and suffix fit best wins.  If the exact
text is gone, loading stops with one clear error naming the file.

Saving never loses work: the file is written to a temporary file first and
then moved into place in one step (so a crash cannot leave half a file), and
the previous version is kept next to it as ``<name>.bak``.

Examples
--------
>>> import articlekit as ak, tempfile, pathlib
>>> article = ak.load_article()
>>> notes = ak.Annotations(article).add("CEDEAO", "ORG")
>>> path = pathlib.Path(tempfile.mkdtemp()) / "notes.json"
>>> _ = ak.save_annotations(notes, path)
>>> ak.load_annotations(path, article) == notes
True
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .files import backup_path, write_keeping_backup
from .annotation import AnnotationError, Annotations, Span, layer_of

__all__ = [
    "SAMPLE_NAME",
    "SAMPLE_PARAGRAPHS",
    "exercise_article",
    "sample_key",
    "sample_path",
    "write_sample",
    "AnnotationFileError",
    "CONTEXT",
    "FORMAT",
    "atomic_write_text",
    "backup_path",
    "from_w3c",
    "load_annotations",
    "reference",
    "reference_path",
    "save_annotations",
    "to_w3c",
]

#: JSON-LD context of the W3C Web Annotation data model.
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Name and version of the kit's file format (kept under ``"articlekit"``).
FORMAT = "articlekit-annotations"
VERSION = 1
#: Characters of context kept before and after each annotation.
CONTEXT_CHARS = 32
#: Authors that are programs, not people (W3C ``creator`` type ``Software``).
SOFTWARE_AUTHORS = frozenset({"spaCy", "articlekit"})
#: Largest annotation file read (an article's annotations are a few hundred kB at most).
MAX_BYTES = 20 * 1024 * 1024


class AnnotationFileError(AnnotationError):
    """An annotation file cannot be used; the message names the file and the problem."""

    def __init__(self, path: Any, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def _first_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:120]


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def atomic_write_text(path: str | os.PathLike[str], text: str, *, backup: bool = True) -> Path:
    """Write ``text`` to ``path`` atomically, keeping the previous version.

    The text goes to a temporary file in the same folder, which then
    replaces ``path`` in one step (:func:`os.replace`).  If ``path`` already
    exists with other content and ``backup`` is true, its content is first
    copied (also atomically) to :func:`backup_path`.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    if path.is_dir():
        raise AnnotationFileError(path, "is a folder, not a file")
    return write_keeping_backup(path, text.encode("utf-8"), backup=backup)


def to_w3c(annotations: Annotations, *, title: str | None = None) -> dict:
    """The annotations as a W3C ``AnnotationCollection`` (a plain dict).

    Each span becomes an ``Annotation`` whose bodies hold the label
    (``purpose: tagging``), the layer (``classifying``), the note
    (``commenting``) and the speaker (``identifying``), and whose target has a
    ``TextPositionSelector`` and a ``TextQuoteSelector``.

    Examples
    --------
    >>> import articlekit as ak
    >>> doc = to_w3c(ak.Annotations("Le Mali et le Sénégal").add("Mali", "LOC"))
    >>> [s["type"] for s in doc["first"]["items"][0]["target"]["selector"]]
    ['TextPositionSelector', 'TextQuoteSelector']
    """
    text = annotations.text
    items = []
    for n, s in enumerate(annotations.spans, 1):
        body = [
            {"type": "TextualBody", "purpose": "tagging", "value": s.label},
            {"type": "TextualBody", "purpose": "classifying", "value": s.layer},
        ]
        if s.note is not None:
            body.append({"type": "TextualBody", "purpose": "commenting", "value": s.note})
        if s.speaker is not None:
            body.append({"type": "TextualBody", "purpose": "identifying", "value": s.speaker})
        item = {
            "id": f"#annotation-{n}",
            "type": "Annotation",
            "body": body,
            "target": {
                "source": "#article",
                "selector": [
                    {"type": "TextPositionSelector", "start": s.start, "end": s.end},
                    {"type": "TextQuoteSelector", "exact": s.text,
                     "prefix": text[max(0, s.start - CONTEXT_CHARS):s.start],
                     "suffix": text[s.end:s.end + CONTEXT_CHARS]},
                ],
            },
        }
        if s.author is not None:
            kind = "Software" if s.author in SOFTWARE_AUTHORS else "Person"
            item["creator"] = {"type": kind, "name": s.author}
        items.append(item)
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": title or "articlekit annotations",
        "total": len(items),
        "articlekit": {"format": FORMAT, "version": VERSION,
                       "text_length": len(text), "text_sha256": _sha256(text)},
        "first": {"type": "AnnotationPage", "items": items},
    }


def save_annotations(annotations: Annotations, path: str | os.PathLike[str], *,
                     title: str | None = None, backup: bool = True) -> Path:
    """Save annotations to a JSON file, atomically, keeping the previous version.

    Parameters
    ----------
    annotations : Annotations
    path : str or Path
        The file to write (``.json``).  If it exists, its old content is
        kept as ``<name>.bak`` (see :func:`backup_path`).
    title : str, optional
        A label stored in the file.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import articlekit as ak, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> notes = ak.Annotations("Le Mali").add("Mali", "LOC")
    >>> ak.save_annotations(notes, folder / "a.json").name
    'a.json'
    """
    if not isinstance(annotations, Annotations):
        raise TypeError(f"save_annotations needs Annotations, not {type(annotations).__name__}")
    text = json.dumps(to_w3c(annotations, title=title), ensure_ascii=False, indent=1) + "\n"
    return atomic_write_text(path, text, backup=backup)


def _best_occurrence(text: str, exact: str, prefix: str, suffix: str, hint: int) -> int | None:
    """Start of the occurrence of ``exact`` whose context fits best (None if absent)."""
    best, best_score = None, None
    i = text.find(exact)
    while i >= 0:
        before, after = text[:i], text[i + len(exact):]
        p = 0
        while p < len(prefix) and p < len(before) and prefix[-1 - p] == before[-1 - p]:
            p += 1
        q = 0
        while q < len(suffix) and q < len(after) and suffix[q] == after[q]:
            q += 1
        score = (p + q, -abs(i - hint))
        if best_score is None or score > best_score:
            best, best_score = i, score
        i = text.find(exact, i + 1)
    return best


def from_w3c(data: Any, text: str, *, source: Any = "<data>") -> tuple[Annotations, int]:
    """Read a W3C collection written by :func:`to_w3c` against ``text``.

    Returns the annotations and how many of them had to be re-attached
    (their offsets had moved).  Raises :class:`AnnotationFileError` naming
    ``source`` for anything wrong.
    """
    def bad(problem: str) -> AnnotationFileError:
        return AnnotationFileError(source, problem)

    if not isinstance(data, dict):
        raise bad("is not an annotation collection (expected a JSON object at the top)")
    meta = data.get("articlekit")
    if data.get("type") != "AnnotationCollection" or not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise bad("is not an articlekit annotation file (no AnnotationCollection of format "
                  f"{FORMAT!r})")
    if meta.get("version") != VERSION:
        raise bad(f"has format version {meta.get('version')!r}; this articlekit reads version {VERSION}")
    page = data.get("first")
    items = page.get("items") if isinstance(page, dict) else None
    if not isinstance(items, list):
        raise bad("has no list of annotations (first.items)")
    spans, moved = [], 0
    for n, item in enumerate(items, 1):
        where = f"annotation {n}"
        try:
            body = {b["purpose"]: b["value"] for b in item["body"]}
            selectors = {s["type"]: s for s in item["target"]["selector"]}
            position = selectors["TextPositionSelector"]
            quote = selectors["TextQuoteSelector"]
            start, end = position["start"], position["end"]
            exact = quote["exact"]
            label = body["tagging"]
        except (KeyError, TypeError, AttributeError):
            raise bad(f"{where} is incomplete: it needs a label body and both "
                      "TextPositionSelector and TextQuoteSelector") from None
        if (not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end))
                or not isinstance(exact, str) or not exact or not isinstance(label, str)):
            raise bad(f"{where} has malformed selectors or label")
        if not (0 <= start < end <= len(text) and text[start:end] == exact):
            found = _best_occurrence(text, exact, str(quote.get("prefix", "")),
                                     str(quote.get("suffix", "")), start)
            if found is None:
                raise bad(f"{where} ({label} {exact[:60]!r}) is not in this article's text: "
                          "was the file made for another article?")
            start, end = found, found + len(exact)
            moved += 1
        creator = item.get("creator")
        author = creator.get("name") if isinstance(creator, dict) else None
        try:
            layer = body.get("classifying") or layer_of(label)
            spans.append(Span(start, end, label, layer, exact, body.get("commenting"), author,
                              body.get("identifying")))
        except AnnotationError as err:
            raise bad(f"{where}: {err}") from None
    try:
        annotations = Annotations(text, spans)
    except AnnotationError as err:
        raise bad(str(err)) from None
    return annotations, moved


def load_annotations(path: str | os.PathLike[str], article: Any) -> Annotations:
    """Load annotations saved with :func:`save_annotations`, re-attached to ``article``.

    Parameters
    ----------
    path : str or Path
    article : Article or str
        The article (or text) the annotations are about.  If its text
        changed since saving, each annotation is found again by its quoted
        text and context.

    Raises
    ------
    FileNotFoundError
        No such file.
    AnnotationFileError
        The file is empty, not JSON, not an annotation file, or holds an
        annotation whose text is not in the article.  The message names
        the file.

    Examples
    --------
    >>> import articlekit as ak, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.json"
    >>> _ = ak.save_annotations(ak.Annotations("Le Mali").add("Mali", "LOC"), path)
    >>> ak.load_annotations(path, "Hier, le Mali").spans[0].start   # the text shifted
    9
    """
    text = article if isinstance(article, str) else getattr(article, "text", None)
    if not isinstance(text, str):
        raise TypeError("load_annotations needs the article (or its text) as second argument")
    path = Path(path)
    if path.is_dir():
        raise AnnotationFileError(path, "is a folder, not an annotation file")
    if path.stat().st_size > MAX_BYTES:
        raise AnnotationFileError(path, f"is larger than {MAX_BYTES // (1024 * 1024)} MiB: not an annotation file")
    data = path.read_bytes()
    if not data.strip():
        raise AnnotationFileError(path, "is empty")
    try:
        decoded = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise AnnotationFileError(path, "is not text (not UTF-8): is it really an annotation file?") from None
    except json.JSONDecodeError as err:
        raise AnnotationFileError(path, f"is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg}); "
                                  f"the previous version may be in {backup_path(path).name}") from None
    except (ValueError, RecursionError) as err:  # a 5000-digit number, arrays nested 100,000 deep
        raise AnnotationFileError(path, f"is not an annotation file ({_first_line(err)}); "
                                  f"the previous version may be in {backup_path(path).name}") from None
    annotations, _ = from_w3c(decoded, text, source=path)
    return annotations


#: File name of the teacher's key for the seed article (in ``teacher/keys/``, see :mod:`articlekit.keys`).
REFERENCE_NAME = "mali-senegal-cooperation-militaire-2025-02-06.annotations.json"
#: File name of the sample of that key the package ships (its first paragraphs).
SAMPLE_NAME = "mali-senegal-cooperation-militaire-2025-02-06.sample.annotations.json"


def reference_path() -> Path:
    """Where the teacher's key for the seed article is (:class:`~articlekit.keys.KeyMissing` if not here)."""
    from .keys import require_key

    return require_key(REFERENCE_NAME)


def sample_path() -> Path:
    """Where the package keeps the sample of the key (the first paragraphs of the seed)."""
    from importlib import resources

    return Path(str(resources.files("articlekit") / "data" / "reference" / SAMPLE_NAME))


def _load_key(path: Path, article: Any) -> Annotations:
    if article is None:
        from .parsing import load_article

        article = load_article()
    text = article if isinstance(article, str) else getattr(article, "text", None)
    if not isinstance(text, str):
        raise TypeError("the key is about the seed article: pass ak.load_article()")
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("articlekit", {}).get("text_sha256") != _sha256(text):
        raise AnnotationFileError(path, "is the key of the seed article only; this article's text is different")
    annotations, _ = from_w3c(data, text, source=path)
    return annotations


def reference(article: Any = None) -> Annotations:
    """The teacher's key: the seed article annotated carefully by hand.

    It holds every entity mention (``entities``: people in all spellings,
    places, organisations, dates, numbers with their unit, nationalities as
    ``MISC``), every quotation with its kind and speaker (``quotes``), the
    words naming each speaker (``speakers``) and the themes of each sentence
    (``themes``).  It stays with the teacher (``teacher/keys/`` of the kit's
    checkout): a learner's copy of the kit has only :func:`sample_key`, and
    asking for the full key there raises :class:`articlekit.keys.KeyMissing`.

    Parameters
    ----------
    article : Article, optional
        The seed article (loaded when not given).  The key is only about
        the seed: another article gives an error.

    Examples
    --------
    >>> import articlekit as ak
    >>> key = ak.reference()          # in the teacher's checkout
    >>> key.layers
    ('entities', 'quotes', 'speakers', 'themes')
    >>> len(key.layer("quotes"))
    7
    """
    return _load_key(reference_path(), article)


def exercise_article(name: str):
    """A short text written for an exercise (``data/exercises/NAME.txt``), parsed like the seed.

    Examples
    --------
    >>> import articlekit as ak
    >>> ak.exercise_article("02-depeche-frontiere").byline
    'A. DIALLO'
    """
    from importlib import resources

    from .parsing import load_article

    folder = resources.files("articlekit") / "data" / "exercises"
    path = folder / f"{name}.txt"
    if not path.is_file():
        known = sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))
        raise ValueError(f"no exercise text {name!r}; known: {', '.join(known)}")
    return load_article(str(path))


#: How many paragraphs of the key the lessons show: the rest is what the assignment grades.
SAMPLE_PARAGRAPHS = 2


def sample_key(article: Any = None) -> Annotations:
    """The teacher's key for the article's first paragraphs only: the sample a lesson compares with.

    A lesson shows how the key is made and how to measure agreement with it
    on the first :data:`SAMPLE_PARAGRAPHS` paragraphs; the assignment asks
    for the whole article, so the sample is never its answer.  The package
    ships this sample (``data/reference/``); the whole key stays with the
    teacher.

    Parameters
    ----------
    article : Article, optional
        The seed article (loaded when not given).

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> sample = ak.sample_key(article)
    >>> all(s.end <= article.paragraphs[1].end for s in sample)
    True
    """
    return _load_key(sample_path(), article)


def write_sample(article: Any = None) -> Path:
    """Write the sample of the key from the teacher's key (run by ``python -m articlekit.keys``)."""
    if article is None:
        from .parsing import load_article

        article = load_article()
    full = reference(article)
    end = article.paragraphs[SAMPLE_PARAGRAPHS - 1].end
    sample = Annotations(full.text, [s for s in full.spans if s.end <= end])
    return save_annotations(sample, sample_path(), title="Teacher's key, first paragraphs (sample)",
                            backup=False)
