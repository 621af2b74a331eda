"""Grade submitted notebooks without a database: restore, execute, check out of band.

For each submission the grader

1. reads a *copy* (the submission itself is never written);
2. rebuilds the notebook from the source (the solution): check cells and
   read-only cells are restored by ``grade_id`` with their hidden tests, a
   deleted check or answer cell is put back (as its stub), cells whose
   ``grade_id`` the source does not know -- a guessed hidden-test name -- lose
   their grading metadata, and duplicates count once;
3. rewrites every ``check.<name>(answer)`` call of a check cell into a call that
   only *records* the answer as inert JSON (see :mod:`.answers`);
4. executes everything in a fresh kernel with a per-cell and a per-notebook
   time limit and a cap on output;
5. runs each recorded answer through the lesson's check **in the grader's
   process**.  An exercise scores its points only when that check passes and
   its cell (with the hidden tests) ran without error.

Because the check that counts never runs in the learner's kernel, redefining
``check``, patching ``articlekit.checks`` or answering with an object whose
``__eq__`` always says yes scores nothing.
"""

from __future__ import annotations

import ast
import copy
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterable

from .generate import is_check_cell, lesson_slug, read_notebook

__all__ = [
    "Assignment",
    "ExerciseGrade",
    "Limits",
    "NotebookGrade",
    "STATUS_TEXT",
    "find_submissions",
    "grade_notebook",
    "grade_submissions",
    "load_assignment",
    "restore_cells",
]

#: Notebook statuses and what they mean for the teacher.
STATUS_TEXT = MappingProxyType({
    "ok": "graded",
    "invalid-notebook": "not a readable notebook (invalid JSON or not nbformat 4); nothing could be graded",
    "unknown-notebook": "no solution notebook of this name in the source folder",
    "lost-cells": "exercise cells were deleted; they were put back (answers as stubs) before grading",
    "cell-timeout": "a cell ran longer than the per-cell limit and was interrupted",
    "notebook-timeout": "the notebook ran longer than the per-notebook limit; later cells were not run",
    "kernel-died": "the kernel crashed or exited; later cells were not run",
    "kernel-stuck": "a cell ran too long and could not be interrupted; later cells were not run",
    "output-too-large": "the notebook printed more than the output cap; the excess was dropped",
    "grader-error": "the grader failed on this notebook (details on the feedback page)",
})

_CAPTURE = '__import__("articlekit.classroom.runtime", fromlist=["capture"]).capture'
_HIDDEN_HINT = ("Your answer passed the visible check but not the teacher's further tests: "
                "does it hold for every case the question describes?")


@dataclass(frozen=True)
class Limits:
    """Limits for one notebook's execution.

    Attributes
    ----------
    cell_timeout : float
        Seconds a cell may run before it is interrupted.
    notebook_timeout : float
        Seconds the whole notebook may run.
    max_output_bytes : int
        Output kept for the whole notebook; more is dropped (status
        ``output-too-large``).
    kernel_name : str
        Jupyter kernel to run the notebooks in.
    """

    cell_timeout: float = 60.0
    notebook_timeout: float = 600.0
    max_output_bytes: int = 5_000_000
    kernel_name: str = "python3"


@dataclass(frozen=True)
class CheckCell:
    """One graded check cell of the source."""

    grade_id: str
    points: float
    source: str
    calls: tuple[str, ...]


@dataclass(frozen=True)
class Assignment:
    """What grading needs from one source (solution) notebook, as picklable data."""

    name: str
    lesson: str
    source_json: str
    stubs_json: str
    checks: tuple[CheckCell, ...]

    @property
    def max_points(self) -> float:
        return float(sum(c.points for c in self.checks))


@dataclass(frozen=True)
class ExerciseGrade:
    """The grade of one exercise (one check cell).

    ``status`` is ``passed``, ``failed``, ``unanswered``, ``hidden-tests``
    (the visible check passed, the teacher's hidden tests did not),
    ``error`` (the cell raised before answering) or ``not-run``.
    ``hint`` is the first hint of the check: never the answer.
    """

    grade_id: str
    points: float
    max_points: float
    status: str
    hint: str = ""


@dataclass(frozen=True)
class NotebookGrade:
    """The grade of one submitted notebook."""

    student: str
    notebook: str
    exercises: tuple[ExerciseGrade, ...]
    statuses: tuple[str, ...] = ("ok",)
    detail: str = ""
    max_points: float = 0.0
    seconds: float = 0.0

    @property
    def total(self) -> float:
        return float(sum(e.points for e in self.exercises))

    @property
    def status(self) -> str:
        return ";".join(self.statuses)


# ---------------------------------------------------------------------------
# Source
# ---------------------------------------------------------------------------
def _nbgrader(cell) -> dict:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def _grade_id(cell) -> str | None:
    meta = _nbgrader(cell)
    if meta.get("grade") or meta.get("solution") or meta.get("locked"):
        gid = meta.get("grade_id")
        return str(gid) if gid else None
    return None


def _check_calls(source: str) -> tuple[str, ...]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return ()
    return tuple(
        node.func.attr for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name) and node.func.value.id == "check"
    )


def load_assignment(path: Path) -> Assignment:
    """Read a source (solution) notebook into an :class:`Assignment`."""
    import nbformat

    from .generate import exercise_notebook

    path = Path(path)
    nb = read_notebook(path)
    stubs = exercise_notebook(nb, name=path.name)
    checks = tuple(
        CheckCell(str(_nbgrader(c)["grade_id"]), float(_nbgrader(c).get("points", 0) or 0),
                  c.source, _check_calls(c.source))
        for c in nb.cells if is_check_cell(c)
    )
    return Assignment(path.stem, lesson_slug(nb, path.stem), nbformat.writes(nb), nbformat.writes(stubs), checks)


# ---------------------------------------------------------------------------
# Restoring cells
# ---------------------------------------------------------------------------
def restore_cells(submission, source, stubs) -> tuple[Any, tuple[str, ...]]:
    """The notebook to execute, and the grade_ids that had to be put back.

    Check and read-only cells come from ``source`` (with hidden tests);
    answer cells keep the learner's code; missing answer cells come back as
    their stub from ``stubs``; unknown or duplicate grade_ids are stripped of
    their grading metadata so they can never score.
    """
    src_cells = {gid: c for c in source.cells if (gid := _grade_id(c))}
    stub_cells = {gid: c for c in stubs.cells if (gid := _grade_id(c))}
    order = list(src_cells)
    cells: list[Any] = []
    seen: set[str] = set()
    for cell in submission.cells:
        cell = copy.deepcopy(cell)
        gid = _grade_id(cell)
        if gid in src_cells and gid not in seen:
            seen.add(gid)
            original = src_cells[gid]
            if _nbgrader(original).get("solution") and cell.cell_type == original.cell_type:
                cell.metadata["nbgrader"] = copy.deepcopy(original.metadata["nbgrader"])
                cells.append(cell)
            elif _nbgrader(original).get("solution"):
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
        new = copy.deepcopy(stub_cells.get(gid, original) if _nbgrader(original).get("solution") else original)
        # put it back after the nearest earlier exercise cell that is present
        position = 0
        for earlier in reversed(order[: order.index(gid)]):
            hits = [i for i, c in enumerate(cells) if _grade_id(c) == earlier]
            if hits:
                position = hits[0] + 1
                break
        cells.insert(position, new)
    nb = copy.deepcopy(source)
    nb.cells = cells
    return nb, lost


class _RewriteChecks(ast.NodeTransformer):
    def __init__(self, grade_id: str, lesson: str) -> None:
        self.grade_id, self.lesson = grade_id, lesson

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        f = node.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "check":
            # import at the call: no global of the learner's namespace (which %reset
            # could wipe) is needed, and rebinding a name there changes nothing
            capture = ast.parse(_CAPTURE, mode="eval").body
            return ast.Call(
                func=capture,
                args=[ast.Constant(self.grade_id), ast.Constant(self.lesson), ast.Constant(f.attr), *node.args],
                keywords=node.keywords,
            )
        return node


def grading_source(source: str, grade_id: str, lesson: str) -> str:
    """A check cell's source with each ``check.<name>(...)`` recording its answer instead.

    >>> print(grading_source("check.title(title)", "q-title", "00-start-here"))
    __import__('articlekit.classroom.runtime', fromlist=['capture']).capture('q-title', '00-start-here', 'title', title)
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    return ast.unparse(ast.fix_missing_locations(_RewriteChecks(grade_id, lesson).visit(tree)))


# ---------------------------------------------------------------------------
# Execution
# ---------------------------------------------------------------------------
def _client_class():
    from nbclient import NotebookClient

    from .runtime import MIMETYPE

    class GradingClient(NotebookClient):
        """nbclient with an output cap, a record of errors and of timeouts."""

        def __init__(self, nb, *, max_output_bytes: int, record_cells: set, **kw):
            super().__init__(nb, **kw)
            self.ak_cap = max_output_bytes
            self.ak_used = 0
            self.ak_overflow = False
            self.ak_timeouts: set[int] = set()
            self.ak_errors: dict[int, str] = {}
            self.ak_record_cells = record_cells
            self.ak_current = -1
            self.on_cell_error = self._ak_on_error

        def _ak_on_error(self, cell, cell_index, execute_reply):
            self.ak_errors[cell_index] = execute_reply["content"].get("ename", "Error")

        async def _async_handle_timeout(self, timeout, cell=None):
            self.ak_timeouts.add(self.ak_current)
            return await super()._async_handle_timeout(timeout, cell)

        def output(self, outs, msg, display_id, cell_index):
            content = msg.get("content", {})
            data = content.get("data") or {}
            size = len(content.get("text", "") or "") + sum(len(str(v)) for v in data.values())
            size += sum(len(x) for x in content.get("traceback", []) or [])
            if MIMETYPE in data and cell_index in self.ak_record_cells and size < 4_000_000:
                return super().output(outs, msg, display_id, cell_index)
            self.ak_used += size
            if self.ak_used > self.ak_cap:
                self.ak_overflow = True
                return None
            return super().output(outs, msg, display_id, cell_index)

    return GradingClient


def _responds(client, seconds: int = 5) -> bool:
    """After an interrupt: does the kernel run a trivial cell again?"""
    import nbformat

    probe = nbformat.v4.new_code_cell("pass")
    client.timeout, client.ak_current = seconds, -1
    client.execute_cell(probe, -1, store_history=False)
    stuck = -1 in client.ak_timeouts
    client.ak_timeouts.discard(-1)
    return not stuck


@dataclass(frozen=True)
class _Execution:
    statuses: tuple[str, ...]
    errors: dict = field(default_factory=dict)
    ran: frozenset = frozenset()
    timeouts: frozenset = frozenset()
    detail: str = ""


def _execute(nb, workdir: Path, limits: Limits, record_cells: set[int]) -> _Execution:
    from nbclient.exceptions import DeadKernelError

    client = _client_class()(
        nb, max_output_bytes=limits.max_output_bytes, record_cells=record_cells,
        kernel_name=limits.kernel_name, allow_errors=True, interrupt_on_timeout=True,
        error_on_timeout={"ename": "CellTimeout", "evalue": "cell ran too long", "traceback": []},
        shutdown_kernel="immediate", startup_timeout=60, iopub_timeout=4,
        resources={"metadata": {"path": str(workdir)}},
    )
    env = dict(os.environ, MPLBACKEND="Agg", PYDEVD_DISABLE_FILE_VALIDATION="1")
    statuses: list[str] = []
    ran: set[int] = set()
    detail = ""
    deadline = time.monotonic() + limits.notebook_timeout
    try:
        # the kernel's own stdout/stderr (not the cells' output) would litter the terminal
        with client.setup_kernel(env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    statuses.append("notebook-timeout")
                    break
                client.timeout = max(1, int(min(limits.cell_timeout, remaining)))
                client.ak_current = index
                try:
                    client.execute_cell(cell, index)
                except DeadKernelError:
                    statuses.append("kernel-died")
                    break
                ran.add(index)
                if index in client.ak_timeouts:
                    if deadline - time.monotonic() <= 0:
                        statuses.append("notebook-timeout")
                        break
                    if not _responds(client):
                        statuses.append("kernel-stuck")
                        break
    except DeadKernelError:
        if "kernel-died" not in statuses:
            statuses.append("kernel-died")
    except RuntimeError as exc:  # kernel failed to start or to answer
        statuses.append("kernel-died")
        detail = f"{type(exc).__name__}: {exc}"[:300]
    if client.ak_timeouts and "notebook-timeout" not in statuses:
        statuses.append("cell-timeout")
    if client.ak_overflow:
        statuses.append("output-too-large")
    errors = dict(client.ak_errors)
    for index in client.ak_timeouts:
        errors[index] = "CellTimeout"
    return _Execution(tuple(statuses), errors, frozenset(ran), frozenset(client.ak_timeouts), detail)


# ---------------------------------------------------------------------------
# Out-of-band checks
# ---------------------------------------------------------------------------
def _records(cell) -> list[dict]:
    from .runtime import MIMETYPE

    found = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "display_data" and MIMETYPE in out.get("data", {}):
            record = out["data"][MIMETYPE]
            if isinstance(record, dict):
                found.append(record)
    return found


def _judge(check: CheckCell, cell, lesson: str, execution: _Execution, index: int,
           load_article: Callable[[], Any]):
    """(status, hint) for one check cell, deciding with the grader's own checks."""
    from .. import checks as ak_checks
    from . import answers

    if index not in execution.ran:
        return "not-run", "This cell did not run (see the notebook's status)."
    if index in execution.timeouts:
        return "error", "This cell ran too long: is there a loop that never ends?"
    records = _records(cell)
    if not check.calls:  # an nbgrader-style cell of asserts: passes if it raises nothing
        if index in execution.errors:
            return "failed", _HIDDEN_HINT
        return "passed", ""
    module = ak_checks.lesson_module(lesson)
    verdicts = []
    for name in check.calls:
        record = next((r for r in records if r.get("name") == name and r.get("grade_id") == check.grade_id), None)
        if record is None:
            ename = execution.errors.get(index, "")
            if ename == "NameError":
                return "error", "The answer's variable is not defined: did you delete or rename it?"
            return "error", "This check could not read an answer: did an earlier cell fail?"
        records.remove(record)
        function = getattr(module, name, None)
        if function is None:
            return "error", "This check does not exist."
        if "args" in record:
            try:
                args = answers.decode(record["args"])
                kwargs = answers.decode(record.get("kwargs", '{"$dict": []}'))
                result = ak_checks.run_check(function, args[0] if args else Ellipsis,
                                             load_article=load_article,
                                             **{str(k): v for k, v in kwargs.items()})
            except (answers.NotPlainData, ValueError, TypeError, KeyError):
                result = ak_checks.failed("The grader could not read your answer: is it plain data?")
        elif getattr(function, "__articlekit_in_kernel__", False):
            kr = record.get("kernel_result") or {}
            status = kr.get("status")
            if status == "passed":
                result = ak_checks.passed()
            elif status == "unanswered":
                result = ak_checks.unanswered()
            else:
                hints = [h for h in kr.get("hints", []) if isinstance(h, str) and h.strip()][:3]
                result = ak_checks.failed(*(hints or ["Not quite: read the question again."]))
        else:
            result = ak_checks.failed("The grader could not read your answer: is it plain data "
                                      "(text, numbers, lists, sets, dates, a table)?")
        verdicts.append(result)
    for result in verdicts:
        if result.status == "unanswered":
            return "unanswered", "Not answered yet."
        if not result.ok:
            return "failed", result.hint(1)
    if index in execution.errors:
        return "hidden-tests", _HIDDEN_HINT
    return "passed", ""


# ---------------------------------------------------------------------------
# One notebook
# ---------------------------------------------------------------------------
def _read_submission(path: Path):
    """The submission as a notebook, or None when it is not a readable notebook."""
    import nbformat

    try:
        raw = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("nbformat") != 4 or not isinstance(raw.get("cells"), list):
        return None
    for cell in raw["cells"]:
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw") \
                or not isinstance(cell.get("source", ""), (str, list)):
            return None
    try:
        return nbformat.reads(json.dumps(raw), as_version=4)
    except Exception:
        return None


def grade_notebook(path: Path | str, assignment: Assignment | None, *, student: str = "",
                   limits: Limits = Limits(), article: Any = None) -> NotebookGrade:
    """Grade one submitted notebook against its source.

    Parameters
    ----------
    path : path
        The submitted notebook (read only; the work happens on a copy).
    assignment : Assignment or None
        The source, from :func:`load_assignment`; ``None`` when the notebook
        has no source (status ``unknown-notebook``).
    student : str
        Who submitted it (for the report).
    limits : Limits
        Time and output limits.
    article : Article, optional
        The article the checks compare with (default: the kit's article).

    Notes
    -----
    The article and the lesson's check module are loaded *before* the
    learner's code runs, so a notebook that rewrites files on disk cannot
    change what it is compared with.  The learner's code still runs as the
    grader's user: for high-stakes grading, run the grader in a container
    where the kit is installed read-only.
    """
    import nbformat

    from .. import checks as ak_checks

    start = time.monotonic()
    path = Path(path)
    name = path.stem
    if assignment is None:
        return NotebookGrade(student, name, (), ("unknown-notebook",), seconds=time.monotonic() - start)

    def zero(status: str, hint: str) -> tuple[ExerciseGrade, ...]:
        return tuple(ExerciseGrade(c.grade_id, 0.0, c.points, status, hint) for c in assignment.checks)

    with tempfile.TemporaryDirectory(prefix="articlekit-grade-") as tmp:
        workdir = Path(tmp)
        copy_path = workdir / path.name
        try:
            shutil.copyfile(path, copy_path)
        except OSError as exc:
            return NotebookGrade(student, name, zero("not-run", "The notebook could not be read."),
                                 ("invalid-notebook",), str(exc)[:300], assignment.max_points,
                                 time.monotonic() - start)
        submission = _read_submission(copy_path)
        if submission is None:
            return NotebookGrade(student, name, zero("not-run", "The notebook file is damaged: it could not be opened."),
                                 ("invalid-notebook",), "", assignment.max_points, time.monotonic() - start)
        source = nbformat.reads(assignment.source_json, as_version=4)
        stubs = nbformat.reads(assignment.stubs_json, as_version=4)
        nb, lost = restore_cells(submission, source, stubs)
        checks_by_id = {c.grade_id: c for c in assignment.checks}
        check_index: dict[str, int] = {}
        for i, cell in enumerate(nb.cells):
            gid = _grade_id(cell)
            if gid in checks_by_id and is_check_cell(cell) and gid not in check_index:
                check_index[gid] = i
                cell.source = grading_source(cell.source, gid, assignment.lesson)
            if cell.cell_type == "code":  # the learner's stored outputs prove nothing
                cell.outputs, cell.execution_count = [], None
        # what the answers are compared with is fixed before any learner code runs
        ak_checks.lesson_module(assignment.lesson)
        if article is None:
            from .. import load_article as load

            article = load()
        try:
            execution = _execute(nb, workdir, limits, set(check_index.values()))
        except Exception as exc:  # never stop the whole run for one notebook
            execution = _Execution(("grader-error",), detail=f"{type(exc).__name__}: {exc}"[:300])

        def load_article():
            return article

        grades = []
        for check in assignment.checks:
            index = check_index[check.grade_id]
            try:
                status, hint = _judge(check, nb.cells[index], assignment.lesson, execution, index, load_article)
            except Exception as exc:  # a broken check must not stop the run
                status, hint = "error", f"The grader could not run this check ({type(exc).__name__})."
            grades.append(ExerciseGrade(check.grade_id, check.points if status == "passed" else 0.0,
                                        check.points, status, hint))
    statuses = tuple(sorted(set((("lost-cells",) if lost else ()) + execution.statuses), key=list(STATUS_TEXT).index))
    detail = "; ".join(x for x in (f"restored: {', '.join(lost)}" if lost else "", execution.detail) if x)
    return NotebookGrade(student, name, tuple(grades), statuses or ("ok",), detail,
                         assignment.max_points, round(time.monotonic() - start, 3))


# ---------------------------------------------------------------------------
# A folder of submissions
# ---------------------------------------------------------------------------
def find_submissions(root: Path | str) -> list[tuple[str, Path]]:
    """(student, notebook path) pairs under ``root``, sorted.

    Two layouts are accepted: one sub-folder per student
    (``root/alice/01-reading.ipynb``), or flat files named
    ``STUDENT__NN-slug.ipynb`` (two underscores).  Checkpoint folders are
    ignored.
    """
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder of submissions")
    found: list[tuple[str, Path]] = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            for nb in sorted(entry.rglob("*.ipynb")):
                if ".ipynb_checkpoints" not in nb.parts:
                    found.append((entry.name, nb))
        elif entry.suffix == ".ipynb" and "__" in entry.stem:
            found.append((entry.stem.split("__", 1)[0], entry))
    return found


def _notebook_name(path: Path) -> str:
    stem = path.stem
    return stem.split("__", 1)[1] if "__" in stem else stem


def _grade_job(job: tuple) -> NotebookGrade:
    student, path, assignment, limits, article = job
    try:
        grade = grade_notebook(path, assignment, student=student, limits=limits, article=article)
    except Exception as exc:  # last resort: the run goes on
        grade = NotebookGrade(student, _notebook_name(Path(path)), (), ("grader-error",),
                              f"{type(exc).__name__}: {exc}"[:300],
                              assignment.max_points if assignment else 0.0)
    return NotebookGrade(student, _notebook_name(Path(path)), grade.exercises, grade.statuses,
                         grade.detail, grade.max_points, grade.seconds)


def grade_submissions(submissions: Path | str, source_dir: Path | str = "solutions", *,
                      jobs: int = 1, limits: Limits = Limits(), progress: bool = True,
                      ) -> tuple[list[NotebookGrade], dict[str, Assignment]]:
    """Grade every submitted notebook; returns the grades (sorted) and the assignments."""
    source_dir = Path(source_dir)
    assignments = {p.stem: load_assignment(p) for p in sorted(source_dir.glob("*.ipynb"))}
    if not assignments:
        raise FileNotFoundError(f"{source_dir}: no source notebooks (*.ipynb) to grade against")
    from .. import load_article

    article = load_article()  # once, before any learner code runs; sent to every worker
    job_list = [(student, str(path), assignments.get(_notebook_name(path)), limits, article)
                for student, path in find_submissions(submissions)]
    results: list[NotebookGrade] = []
    from tqdm.auto import tqdm

    bar = tqdm(total=len(job_list), unit="nb", desc="grading", disable=not progress)
    try:
        if jobs <= 1 or len(job_list) <= 1:
            for job in job_list:
                results.append(_grade_job(job))
                bar.update()
        else:
            import concurrent.futures as cf
            import multiprocessing

            ctx = multiprocessing.get_context("spawn")  # no forked kernel-client state
            with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
                futures = [pool.submit(_grade_job, job) for job in job_list]
                for future in cf.as_completed(futures):
                    results.append(future.result())
                    bar.update()
    finally:
        bar.close()
    results.sort(key=lambda g: (g.student, g.notebook))
    return results, assignments


def iter_exercise_columns(assignments: Iterable[Assignment]) -> list[tuple[str, str, str]]:
    """(column, notebook, grade_id) for every exercise, grade_id alone when unique."""
    pairs = [(a.name, c.grade_id) for a in sorted(assignments, key=lambda a: a.name) for c in a.checks]
    counts: dict[str, int] = {}
    for _, gid in pairs:
        counts[gid] = counts.get(gid, 0) + 1
    return [((gid if counts[gid] == 1 else f"{nb}:{gid}"), nb, gid) for nb, gid in pairs]
