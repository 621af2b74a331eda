"""Rebuild a submission from its source before it runs: restored cells, recorded answers.

:func:`restore_cells` puts the teacher's cells back: check cells and
read-only cells come from the source by ``grade_id``; answer cells keep the
learner's code; a deleted check or answer cell comes back (as its stub); a
cell whose ``grade_id`` the source does not know -- a guessed hidden-test
name -- loses its grading metadata, and a duplicate ``grade_id`` counts once.

:func:`grading_source` then rewrites each check cell for the learner's
kernel: every ``check.<name>(answer)`` only *records* the answer as inert
JSON (:mod:`.runtime`, :mod:`.answers`), the values the cell's tests read are
recorded first, and the hidden tests themselves are left out: the grader
runs them (:mod:`.judge`).

Why not nbgrader's ``OverwriteCells``
--------------------------------------
``nbgrader.preprocessors.OverwriteCells`` does the first half of this job
(restore locked and graded cells by ``grade_id`` and checksum) but only
against a gradebook database filled by ``SaveCells``, it trusts the
``grade_id``\\ s the submission declares (a guessed hidden-test id or a
duplicate would score), and it does not put back a deleted answer cell
with its stub.  Grading here needs none of the database and all of the
rest, so the restore is done on the notebooks directly.
"""

from __future__ import annotations

import ast
import copy
from typing import Any

from .assignment import Assignment, grade_id_of, is_check_call, nbgrader_meta, split_hidden
from .generate import is_check_cell

__all__ = ["grading_source", "prepare_notebook", "restore_cells"]

_RUNTIME = '__import__("articlekit.classroom.runtime", fromlist=["capture"])'


def restore_cells(submission, source, stubs) -> tuple[Any, tuple[str, ...]]:
    """The notebook to execute, and the grade_ids that had to be put back.

    Check and read-only cells come from ``source`` (with hidden tests);
    answer cells keep the learner's code; missing answer cells come back as
    their stub from ``stubs``; unknown or duplicate grade_ids are stripped of
    their grading metadata so they can never score.
    """
    src_cells = {gid: c for c in source.cells if (gid := grade_id_of(c))}
    stub_cells = {gid: c for c in stubs.cells if (gid := grade_id_of(c))}
    order = list(src_cells)
    cells: list[Any] = []
    seen: set[str] = set()
    for cell in submission.cells:
        cell = copy.deepcopy(cell)
        gid = grade_id_of(cell)
        if gid in src_cells and gid not in seen:
            seen.add(gid)
            original = src_cells[gid]
            if nbgrader_meta(original).get("solution") and cell.cell_type == original.cell_type:
                cell.metadata["nbgrader"] = copy.deepcopy(original.metadata["nbgrader"])
                cells.append(cell)
            elif nbgrader_meta(original).get("solution"):
                cells.append(copy.deepcopy(stub_cells.get(gid, original)))
            else:
                cells.append(copy.deepcopy(original))
        else:
            cell.metadata.pop("nbgrader", None)
            cell.metadata.pop("articlekit", None)
            cells.append(cell)
    lost = tuple(gid for gid in order if gid not in seen)
    for gid in lost:
        original = src_cells[gid]
        new = copy.deepcopy(stub_cells.get(gid, original) if nbgrader_meta(original).get("solution") else original)
        # put it back after the nearest earlier exercise cell that is present
        position = 0
        for earlier in reversed(order[: order.index(gid)]):
            hits = [i for i, c in enumerate(cells) if grade_id_of(c) == earlier]
            if hits:
                position = hits[0] + 1
                break
        cells.insert(position, new)
    used: set[str] = set()
    for cell in cells:  # a restored cell may carry an id the learner's notebook reused
        cid = cell.get("id")
        if cid and cid in used:
            n = 2
            while f"{cid}-{n}" in used:
                n += 1
            cell["id"] = cid = f"{cid}-{n}"
        if cid:
            used.add(cid)
    nb = copy.deepcopy(source)
    nb.cells = cells
    return nb, lost


class _RewriteChecks(ast.NodeTransformer):
    def __init__(self, grade_id: str, lesson: str) -> None:
        self.grade_id, self.lesson = grade_id, lesson

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if is_check_call(node):
            # import at the call: no global of the learner's namespace (which %reset
            # could wipe) is needed, and rebinding a name there changes nothing.
            # Only the answer travels: keyword arguments are the teacher's, read
            # from the source by the grader, never from the learner's kernel.
            capture = ast.parse(f"{_RUNTIME}.capture", mode="eval").body
            answer = [node.args[0]] if node.args and not isinstance(node.args[0], ast.Starred) else []
            return ast.Call(func=capture,
                            args=[ast.Constant(self.grade_id), ast.Constant(self.lesson),
                                  ast.Constant(node.func.attr), *answer],
                            keywords=[])
        return node


def _record_names(grade_id: str, names: tuple[str, ...]) -> str:
    getters = ", ".join(f"{name!r}: lambda: {name}" for name in names)
    return f"{_RUNTIME}.capture_names({grade_id!r}, {{{getters}}})"


def grading_source(source: str, grade_id: str, lesson: str, names: tuple[str, ...] | None = None) -> str:
    """A check cell's source as the learner's kernel runs it when grading.

    Each ``check.<name>(answer)`` records its answer instead; when the cell
    has tests, ``names`` (the values they read, maybe none) are recorded
    first; the hidden tests are left out, because the grader runs them.

    >>> print(grading_source("check.title(title)", "q-title", "00-start-here"))
    __import__('articlekit.classroom.runtime', fromlist=['capture']).capture('q-title', '00-start-here', 'title', title)
    """
    before, _, after = split_hidden(source)
    try:
        tree = ast.parse(before + after)
    except SyntaxError:
        return source
    body = ast.unparse(ast.fix_missing_locations(_RewriteChecks(grade_id, lesson).visit(tree)))
    if names is not None:
        body = ast.unparse(ast.parse(_record_names(grade_id, names))) + ("\n" + body if body else "")
    return body


def prepare_notebook(submission, assignment: Assignment) -> tuple[Any, tuple[str, ...], dict[str, int]]:
    """The notebook that runs in the sandbox, the grade_ids put back, and each check's cell index.

    The learner's stored outputs are cleared: they prove nothing.
    """
    import nbformat

    source = nbformat.reads(assignment.source_json, as_version=4)
    stubs = nbformat.reads(assignment.stubs_json, as_version=4)
    nb, lost = restore_cells(submission, source, stubs)
    checks_by_id = {c.grade_id: c for c in assignment.checks}
    check_index: dict[str, int] = {}
    for i, cell in enumerate(nb.cells):
        gid = grade_id_of(cell)
        if gid in checks_by_id and is_check_cell(cell) and gid not in check_index:
            check_index[gid] = i
            check = checks_by_id[gid]
            cell.source = grading_source(cell.source, gid, assignment.lesson,
                                         check.hidden_inputs if check.hidden else None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb, lost, check_index
