"""Small helpers to build lesson notebooks from Python, deterministically.

Builders (``tools/build_NN_*.py``) describe a notebook as a list of cells; these
helpers give every cell a stable id (so regenerating gives the same bytes) and
the nbgrader metadata the classroom loop expects on answer and check cells.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
# Relative to any notebook folder (notebooks/, solutions/, exercises/): one glossary for the kit.
G = "../notebooks/glossary.md"

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _cell_id(kind: str, source: str, seen: set[str]) -> str:
    # A content hash keeps ids stable across rebuilds; a counter breaks ties.
    base = hashlib.sha1(f"{kind}\n{source}".encode()).hexdigest()[:8]
    cid, n = base, 1
    while cid in seen:
        cid, n = f"{base}-{n}", n + 1
    seen.add(cid)
    return cid


def md(text: str):
    """A markdown cell (leading/trailing blank lines removed)."""
    return new_markdown_cell(text.strip("\n"))


def code(text: str, *, tags: tuple[str, ...] = ()):
    """A plain code cell."""
    cell = new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def answer(grade_id: str, text: str):
    """An answer cell: the answer sits between BEGIN/END SOLUTION markers in ``text``."""
    cell = new_code_cell(text.strip("\n"))
    cell.metadata["nbgrader"] = {
        "schema_version": 3, "solution": True, "grade": False,
        "locked": False, "grade_id": grade_id,
    }
    return cell


def check(grade_id: str, text: str, points: float = 1):
    """A graded, locked check cell."""
    cell = new_code_cell(text.strip("\n"))
    cell.metadata["nbgrader"] = {
        "schema_version": 3, "solution": False, "grade": True,
        "locked": True, "grade_id": grade_id, "points": points,
    }
    return cell


def exercise(grade_id: str, prompt: str, solution: str, name: str | None = None):
    """Prompt, answer cell and check cell of one exercise.

    The answer cell holds ``solution`` between the nbgrader markers; the check
    cell calls ``check.<name>(<name>)``, the variable the learner assigns.
    """
    name = name or grade_id
    slug = grade_id.replace("_", "-")
    return [
        md(prompt),
        answer(f"q-{slug}-answer", f"### BEGIN SOLUTION\n{solution.strip()}\n### END SOLUTION"),
        check(f"q-{slug}", f"check.{name}({name})"),
    ]


def write(cells, path: str | Path) -> Path:
    """Write ``cells`` as a notebook at ``path`` with stable cell ids."""
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    seen: set[str] = set()
    for cell in nb.cells:
        cell.id = _cell_id(cell.cell_type, cell.source, seen)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.validate(nb)
    tmp = path.with_suffix(path.suffix + ".tmp")
    nbformat.write(nb, tmp)
    tmp.replace(path)
    return path
