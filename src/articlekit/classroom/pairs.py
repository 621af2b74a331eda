"""Lesson sources: every notebook is a MyST Markdown file paired with its ``.ipynb``.

A lesson ``notebooks/NN-slug`` or a solution ``solutions/NN-slug`` is two files
that jupytext keeps in step (the pairing is ``ipynb,md:myst``):

* ``NN-slug.md`` holds the cells, their tags and metadata (nbgrader's too): it is
  the file a teacher edits and the file a reviewer reads as a text diff;
* ``NN-slug.ipynb`` holds the same cells *and* their outputs, which nbval
  compares and learners see.

Edit either one in JupyterLab (jupytext saves both), or edit the ``.md`` in any
text editor and run ``articlekit sync`` (``make sync``): the file saved last
wins, as with ``jupytext --sync``, and the file it replaces is kept as
``<name>.bak``.  ``articlekit sync --check`` writes nothing and names every pair
that is out of step.

Examples
--------
>>> from articlekit.classroom.pairs import find_pairs, FORMATS
>>> FORMATS
'ipynb,md:myst'
>>> [p.stem for p in find_pairs(["notebooks"])][:2]   # doctest: +SKIP
['00-start-here', '01-reading']
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

__all__ = ["FORMATS", "Pair", "PairError", "SyncReport", "find_pairs", "problem", "sync_pairs"]

#: jupytext's pairing of every lesson and solution.
FORMATS = "ipynb,md:myst"
_TEXT_FORMAT = "md:myst"
# Lessons and solutions only: notebooks/glossary.md and READMEs are not notebooks.
_NAME = re.compile(r"^\d\d-[a-z0-9]+(?:-[a-z0-9]+)*$")


class PairError(ValueError):
    """A lesson source that jupytext cannot read (the message names the file)."""


@dataclass(frozen=True)
class Pair:
    """The two files of one notebook: ``folder/NN-slug.md`` and ``folder/NN-slug.ipynb``."""

    folder: Path
    stem: str

    @property
    def md(self) -> Path:
        return self.folder / f"{self.stem}.md"

    @property
    def ipynb(self) -> Path:
        return self.folder / f"{self.stem}.ipynb"


@dataclass(frozen=True)
class SyncReport:
    """What :func:`sync_pairs` did: the files it wrote and the pairs already in step."""

    written: tuple[Path, ...]
    unchanged: tuple[Pair, ...]


def find_pairs(folders: Iterable[str | os.PathLike[str]]) -> list[Pair]:
    """Every ``NN-slug`` notebook in ``folders`` that has a ``.md``, an ``.ipynb`` or both."""
    pairs: set[Pair] = set()
    for folder in map(Path, folders):
        if not folder.is_dir():
            raise PairError(f"{folder}: no such folder")
        for path in folder.iterdir():
            if path.suffix in (".md", ".ipynb") and _NAME.match(path.stem):
                pairs.add(Pair(folder, path.stem))
    return sorted(pairs, key=lambda p: (str(p.folder), p.stem))


def _read_text(path: Path):
    import jupytext

    try:
        return jupytext.read(path, fmt=_TEXT_FORMAT)
    except Exception as exc:  # jupytext raises YAML, JSON and its own errors
        raise PairError(f"{path}: jupytext cannot read it as a MyST notebook "
                        f"({' '.join(str(exc).split())[:200]})") from None


def _read_ipynb(path: Path):
    import nbformat

    try:
        return nbformat.read(path, as_version=4)
    except Exception as exc:
        raise PairError(f"{path}: not a readable notebook "
                        f"({' '.join(str(exc).split())[:200]})") from None


def _formats(nb) -> str | None:
    return (nb.metadata.get("jupytext") or {}).get("formats")


def _same_cells(text, notebook) -> bool:
    from jupytext.compare import NotebookDifference, compare_notebooks

    try:
        compare_notebooks(text, notebook, fmt=_TEXT_FORMAT, allow_expected_differences=False)
    except NotebookDifference:
        return False
    return True


def _problem(pair: Pair, text, notebook) -> str | None:
    # ``text`` and ``notebook`` are the pair's files as read (None when missing).
    fix = "run `make sync` (or `articlekit sync`)"
    if text is None:
        return f"{pair.ipynb}: has no MyST source {pair.md.name}; {fix}"
    if notebook is None:
        return f"{pair.md}: has no {pair.ipynb.name} yet; {fix}, then `make notebooks`"
    for path, nb in ((pair.md, text), (pair.ipynb, notebook)):
        if _formats(nb) != FORMATS:
            return f"{path}: not paired as {FORMATS!r} (jupytext formats: {_formats(nb)!r}); {fix}"
    if not _same_cells(text, notebook):
        return (f"{pair.md}: its cells differ from {pair.ipynb.name} "
                f"({_newer(pair).name} was saved last); {fix}")
    return None


def _read_pair(pair: Pair):
    if not pair.md.exists() and not pair.ipynb.exists():
        raise PairError(f"{pair.folder / pair.stem}: neither .md nor .ipynb exists")
    return (_read_text(pair.md) if pair.md.exists() else None,
            _read_ipynb(pair.ipynb) if pair.ipynb.exists() else None)


def _newer(pair: Pair) -> Path:
    return pair.md if pair.md.stat().st_mtime >= pair.ipynb.stat().st_mtime else pair.ipynb


def problem(pair: Pair) -> str | None:
    """Why ``pair`` is out of step, in one line naming the file and the fix; ``None`` if in step."""
    return _problem(pair, *_read_pair(pair))


def _bytes(nb, fmt: str) -> bytes:
    import jupytext

    # The same bytes as ``jupytext --sync`` writes (it ends every file with a newline).
    text = jupytext.writes(nb, fmt=fmt)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def _sync_one(pair: Pair, text, notebook) -> list[Path]:
    """Bring one pair in step from its files as read; return the files written."""
    from jupytext.combine import combine_inputs_with_outputs

    from ..files import write_keeping_backup

    if _problem(pair, text, notebook) is None:
        return []
    if notebook is None or (text is not None and _newer(pair) == pair.md):
        # jupytext's own merge: the cells of the .md, the outputs of the .ipynb where cells match.
        import nbformat

        merged = combine_inputs_with_outputs(text, notebook or nbformat.v4.new_notebook(),
                                             fmt=_TEXT_FORMAT)
        merged.metadata.setdefault("jupytext", {})["formats"] = FORMATS
        merged.metadata["jupytext"].pop("text_representation", None)
        write_keeping_backup(pair.ipynb, _bytes(merged, "ipynb"))
        written = [pair.ipynb]
        # The .md is rewritten only when its header lacks the pairing (a new hand-made file).
        if _formats(text) != FORMATS:
            write_keeping_backup(pair.md, _bytes(merged, _TEXT_FORMAT))
            written.append(pair.md)
        return written
    written = []
    if _formats(notebook) != FORMATS:
        notebook.metadata.setdefault("jupytext", {})["formats"] = FORMATS
        write_keeping_backup(pair.ipynb, _bytes(notebook, "ipynb"))
        written.append(pair.ipynb)
    write_keeping_backup(pair.md, _bytes(notebook, _TEXT_FORMAT))
    written.append(pair.md)
    return written


def sync_pairs(pairs: Iterable[Pair]) -> SyncReport:
    """Bring every pair in step, the file saved last winning (see the module docstring).

    Every file is read before any is written, so a source jupytext cannot read
    stops the sync with one :class:`PairError` and nothing half-done.
    """
    read = [(pair, *_read_pair(pair)) for pair in pairs]
    written: list[Path] = []
    unchanged: list[Pair] = []
    for pair, text, notebook in read:
        done = _sync_one(pair, text, notebook)
        written.extend(done)
        if not done:
            unchanged.append(pair)
    return SyncReport(tuple(written), tuple(unchanged))
