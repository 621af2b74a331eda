"""Grade one notebook, or a folder of them: intake, sandboxed run, judging, one row each.

For each submission the grader

1. finds it (:func:`find_submissions`) and refuses careless inputs with a
   status: a symbolic link (a file or a whole student folder), anything that
   is not a regular file (a device such as ``/dev/zero``, a pipe), a file
   over :attr:`.sandbox.Limits.max_submission_bytes`; two submissions of one
   notebook by one student are both graded and flagged ``duplicate``;
2. reads the file once, without following links, into memory (the
   submission itself is never written, and nothing in the sandbox can reach
   it);
3. rebuilds the notebook from the source (:mod:`.restore`);
4. runs it in a bubblewrap sandbox of its own (:mod:`.sandbox`,
   :mod:`.execute`) and reads back only the recorded answers;
5. judges them with the grader's own checks, article and hidden tests, each
   under a time limit in a worker it can kill (:mod:`.judge`).

The grader outlives its submissions: a sandbox that dies is that
submission's ``sandbox-died``, a failure of the grader on one notebook is its
``grader-error``, and every submission gets a row.  :func:`grade_submissions`
returns everything in memory; the report is written afterwards
(:mod:`.report`), from the grader's process, into a folder no sandbox sees.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import queue
import re
import stat
import threading
import time
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable

from .assignment import Assignment, load_assignment
from .judge import JudgeWorker, judge_exercise
from .restore import prepare_notebook
from .sandbox import Execution, Limits, Started, require_sandbox, run_notebook

__all__ = [
    "ExerciseGrade",
    "NotebookGrade",
    "STATUS_TEXT",
    "Submission",
    "find_submissions",
    "grade_notebook",
    "grade_submissions",
    "iter_exercise_columns",
    "read_submission",
    "student_id",
    "student_ids",
    "warm_imports",
]

#: Notebook statuses and what they mean for the teacher.
STATUS_TEXT = MappingProxyType({
    "ok": "graded",
    "symlink": "the submission is a symbolic link (a file or a whole student folder); links are never "
               "followed, so nothing was graded",
    "not-a-file": "not a regular file (a device, a pipe or a socket); nothing was read",
    "too-large": "the file is larger than the size cap for a submission; nothing was graded",
    "invalid-notebook": "not a readable notebook (invalid JSON or not nbformat 4); nothing could be graded",
    "unknown-notebook": "no solution notebook of this name in the source folder",
    "duplicate": "this student handed in this notebook more than once; each copy was graded: "
                 "check which one counts",
    "lost-cells": "exercise cells were deleted; they were put back (answers as stubs) before grading",
    "cell-timeout": "a cell ran longer than the per-cell limit and was interrupted",
    "notebook-timeout": "the notebook ran longer than the per-notebook limit; later cells were not run",
    "kernel-died": "the kernel crashed or exited; later cells were not run",
    "kernel-stuck": "a cell ran too long and could not be interrupted; later cells were not run",
    "output-too-large": "the notebook printed more than the output cap; the excess was dropped",
    "sandbox-died": "the sandbox running this notebook died or was killed before it finished; "
                    "only the answers it sent back before were graded",
    "check-timeout": "checking an answer took longer than the grader's time limit; that exercise scores 0",
    "grader-error": "the grader failed on this notebook (details on the feedback page)",
})

#: Statuses of a submission that was not read at all.
INTAKE_STATUSES = ("symlink", "not-a-file", "too-large")


@dataclass(frozen=True)
class ExerciseGrade:
    """The grade of one exercise (one check cell).

    ``status`` is ``passed``, ``failed``, ``unanswered``, ``hidden-tests``
    (the visible check passed, the teacher's hidden tests did not),
    ``error`` (the cell raised before answering), ``check-timeout`` (the
    grader's check ran past its limit) or ``not-run``.  ``hint`` is the
    first hint of the check: never the answer.
    """

    grade_id: str
    points: float
    max_points: float
    status: str
    hint: str = ""


@dataclass(frozen=True)
class NotebookGrade:
    """The grade of one submitted notebook (``student_id`` is safe as a file name)."""

    student: str
    notebook: str
    exercises: tuple[ExerciseGrade, ...]
    statuses: tuple[str, ...] = ("ok",)
    detail: str = ""
    max_points: float = 0.0
    seconds: float = 0.0
    student_id: str = ""

    @property
    def total(self) -> float:
        return float(sum(e.points for e in self.exercises))

    @property
    def status(self) -> str:
        return ";".join(self.statuses)


@dataclass(frozen=True)
class Submission:
    """One submitted notebook found by :func:`find_submissions`.

    ``problem`` is an intake status (``symlink``, ``not-a-file``,
    ``too-large``) when the file is refused, else empty.
    """

    student: str
    path: Path
    notebook: str
    problem: str = ""
    duplicate: bool = False
    student_id: str = ""


# ---------------------------------------------------------------------------
# Student ids
# ---------------------------------------------------------------------------
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,59}")


def student_id(name: str) -> str:
    """A file-name-safe id for a student: the name itself when it is short and plain, else
    a cleaned prefix and a hash of the whole name.

    >>> student_id("alice"), student_id("=2+5"), len(student_id("x" * 240))
    ('alice', '2_5-908d9341aa', 51)
    """
    if _SAFE.fullmatch(name) and not name.endswith("."):
        return name
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    clean = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._-")[:40].rstrip("._-")
    return f"{clean or 'student'}-{digest}"


def student_ids(names: Iterable[str]) -> dict[str, str]:
    """Ids for all the students of a run, distinct even on a case-insensitive disk."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(set(names)):
        sid = student_id(name)
        if sid.casefold() in used:
            sid = f"{sid[:48]}-{hashlib.sha256(name.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}"
        n = 1
        base = sid
        while sid.casefold() in used:  # a hash collision, in theory
            n += 1
            sid = f"{base}-{n}"
        used.add(sid.casefold())
        ids[name] = sid
    return ids


# ---------------------------------------------------------------------------
# Intake
# ---------------------------------------------------------------------------
def _problem(path: Path, max_bytes: int) -> str:
    try:
        st = os.lstat(path)
    except OSError:
        return "not-a-file"
    if stat.S_ISLNK(st.st_mode):
        return "symlink"
    if not stat.S_ISREG(st.st_mode):
        return "not-a-file"
    if st.st_size > max_bytes:
        return "too-large"
    return ""


def _notebook_name(path: Path) -> str:
    stem = path.stem
    return stem.split("__", 1)[1] if "__" in stem else stem


def find_submissions(root: Path | str, *, max_bytes: int = Limits.max_submission_bytes) -> list[Submission]:
    """Every submitted notebook under ``root``, sorted by student and notebook.

    Two layouts are accepted: one sub-folder per student
    (``root/alice/01-reading.ipynb``), or flat files named
    ``STUDENT__NN-slug.ipynb`` (two underscores).  Hidden and checkpoint
    folders are skipped.  Links are never followed: a student folder or a
    notebook that is a symbolic link is listed with ``problem="symlink"``.
    """
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder of submissions")
    found: list[Submission] = []
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            if entry.name.endswith(".ipynb") and "__" in path.stem:
                found.append(Submission(path.stem.split("__", 1)[0], path, _notebook_name(path), "symlink"))
            elif not entry.name.endswith(".ipynb"):
                found.append(Submission(entry.name, path, "", "symlink"))
            continue
        if entry.is_dir(follow_symlinks=False):
            for dirpath, dirnames, filenames in os.walk(path, followlinks=False):
                here = Path(dirpath)
                # a linked sub-folder is not followed; one named like a notebook is reported
                names = sorted(filenames + [d for d in dirnames if d.endswith(".ipynb") and (here / d).is_symlink()])
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (here / d).is_symlink())
                for name in names:
                    if name.endswith(".ipynb") and not name.startswith("."):
                        nb = here / name
                        found.append(Submission(entry.name, nb, nb.stem, _problem(nb, max_bytes)))
        elif entry.name.endswith(".ipynb") and "__" in path.stem:
            found.append(Submission(path.stem.split("__", 1)[0], path, _notebook_name(path),
                                    _problem(path, max_bytes)))
    counts: dict[tuple[str, str], int] = {}
    for sub in found:
        counts[(sub.student, sub.notebook)] = counts.get((sub.student, sub.notebook), 0) + 1
    ids = student_ids(s.student for s in found)
    found = [replace(s, duplicate=counts[(s.student, s.notebook)] > 1, student_id=ids[s.student]) for s in found]
    found.sort(key=lambda s: (s.student, s.notebook, str(s.path)))
    return found


def read_submission(path: Path | str, max_bytes: int = Limits.max_submission_bytes) -> tuple[Any, str]:
    """``(notebook, "")``, or ``(None, status)`` when the file is refused or not a notebook.

    The file is opened once without following a link and without blocking on a
    pipe, checked to be a regular file under ``max_bytes``, and read whole.
    """
    import nbformat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "symlink"
        if os.path.islink(path):
            return None, "symlink"
        return None, "invalid-notebook"
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None, "not-a-file"
        if st.st_size > max_bytes:
            return None, "too-large"
        from .execute import read_capped

        data = read_capped(fd, max_bytes)   # a file that grows while it is read is still capped
        if data is None:
            return None, "too-large"
    except OSError:
        return None, "invalid-notebook"
    finally:
        os.close(fd)
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None, "invalid-notebook"
    if not isinstance(raw, dict) or raw.get("nbformat") != 4 or not isinstance(raw.get("cells"), list):
        return None, "invalid-notebook"
    for cell in raw["cells"]:
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw") \
                or not isinstance(cell.get("source", ""), (str, list)):
            return None, "invalid-notebook"
    try:
        return nbformat.reads(json.dumps(raw), as_version=4), ""
    except Exception:  # noqa: BLE001 - any damage is one status
        return None, "invalid-notebook"


# ---------------------------------------------------------------------------
# One notebook
# ---------------------------------------------------------------------------
_REFUSED_HINT = MappingProxyType({
    "symlink": "The submission is a link, not your notebook: hand in the notebook file itself.",
    "not-a-file": "The submission is not a notebook file.",
    "too-large": "The notebook file is too large to grade: clear its outputs and hand it in again.",
    "invalid-notebook": "The notebook file is damaged: it could not be opened.",
})


def _sorted_statuses(statuses: Iterable[str]) -> tuple[str, ...]:
    order = list(STATUS_TEXT)
    return tuple(sorted(set(statuses), key=lambda s: order.index(s) if s in order else len(order)))


def grade_notebook(path: Path | str, assignment: Assignment | None, *, student: str = "",
                   limits: Limits = Limits(), article: Any = None, sandbox: bool = True,
                   judge: JudgeWorker | None = None, ahead: Any = None) -> NotebookGrade:
    """Grade one submitted notebook against its source.

    Parameters
    ----------
    path : path
        The submitted notebook (read once; never written).
    assignment : Assignment or None
        The source, from :func:`.assignment.load_assignment`; ``None`` when the
        notebook has no source (status ``unknown-notebook``).
    student : str
        Who submitted it (for the report).
    limits : Limits
        Time, size and resource limits.
    article : Article, optional
        The article the checks compare with (default: the kit's article,
        loaded here, before the learner's code runs).
    sandbox : bool
        Run the notebook in bubblewrap (default).  ``False`` is
        ``--unsafe-no-sandbox``: the learner's code then runs as you.
    judge : JudgeWorker, optional
        A running worker to judge with (default: one for this call).
    ahead : callable, optional
        Returns a :class:`.sandbox.Started` sandbox (started ahead, with the
        same ``limits``) to run the notebook in; by default one is started
        here.  Called only when there is a notebook to run.

    Raises
    ------
    SandboxUnavailable
        ``sandbox=True`` and bubblewrap cannot run here.
    """
    own_judge = judge is None and assignment is not None
    if own_judge:
        if article is None:
            from .. import load_article

            article = load_article()
        judge = JudgeWorker(article, [assignment.lesson], memory_bytes=limits.memory_bytes)
        judge.start()  # starts while the notebook runs
    try:
        ran = run_submission(path, assignment, student=student, limits=limits, sandbox=sandbox, ahead=ahead)
        return ran if isinstance(ran, NotebookGrade) else judge_submission(ran, judge, limits)
    finally:
        if own_judge:
            judge.close()


@dataclass(frozen=True)
class Ran:
    """A submission that ran in its sandbox, waiting to be judged (see :func:`judge_submission`)."""

    student: str
    name: str
    assignment: Assignment
    execution: Execution
    check_index: dict
    lost: tuple[str, ...]
    start: float


def run_submission(path: Path | str, assignment: Assignment | None, *, student: str = "",
                   limits: Limits = Limits(), sandbox: bool = True, ahead: Any = None) -> "Ran | NotebookGrade":
    """Read, restore and run one submitted notebook: a :class:`Ran`, or the grade of a refused one.

    The first half of :func:`grade_notebook` (same parameters), so that a
    batch can run the next notebooks while the judge is busy or starting.
    """
    start = time.monotonic()
    path = Path(path)
    name = _notebook_name(path)
    if assignment is None:
        return NotebookGrade(student, name, (), ("unknown-notebook",), seconds=time.monotonic() - start)
    if sandbox:
        require_sandbox()
    submission, problem = read_submission(path, limits.max_submission_bytes)
    if submission is None:
        hint = _REFUSED_HINT.get(problem, "")
        return NotebookGrade(student, name, tuple(ExerciseGrade(c.grade_id, 0.0, c.points, "not-run", hint)
                                                  for c in assignment.checks),
                             (problem,), "", assignment.max_points, round(time.monotonic() - start, 3))
    nb, lost, check_index = prepare_notebook(submission, assignment)
    try:
        execution = run_notebook(nb, name=path.name if "__" not in path.stem else f"{name}.ipynb",
                                 record_cells=set(check_index.values()), limits=limits, sandbox=sandbox,
                                 started=ahead() if ahead is not None else None,
                                 warm=warm_imports([assignment]))
    except Exception as exc:  # noqa: BLE001 - never stop the whole run for one notebook
        execution = Execution(("grader-error",), detail=f"{type(exc).__name__}: {exc}"[:300])
    return Ran(student, name, assignment, execution, dict(check_index), tuple(lost), start)


def judge_submission(ran: Ran, judge: JudgeWorker, limits: Limits = Limits()) -> NotebookGrade:
    """Judge what a submission recorded (:func:`run_submission`) with the grader's checks."""
    assignment, execution = ran.assignment, ran.execution
    grades = []
    for check in assignment.checks:
        index = ran.check_index[check.grade_id]
        try:
            status, hint = judge_exercise(check, assignment.lesson, execution, index, judge,
                                          limits.check_timeout, lang=assignment.lang,
                                          teacher_tests=assignment.teacher_tests,
                                          teacher_file=assignment.teacher_tests_file)
        except Exception as exc:  # noqa: BLE001 - a broken check must not stop the run
            status, hint = "error", f"The grader could not run this check ({type(exc).__name__})."
        grades.append(ExerciseGrade(check.grade_id, check.points if status == "passed" else 0.0,
                                    check.points, status, hint))
    statuses = list(execution.statuses)
    if ran.lost:
        statuses.append("lost-cells")
    if any(g.status == "check-timeout" for g in grades):
        statuses.append("check-timeout")
    detail = "; ".join(x for x in (f"restored: {', '.join(ran.lost)}" if ran.lost else "", execution.detail) if x)
    return NotebookGrade(ran.student, ran.name, tuple(grades), _sorted_statuses(statuses) or ("ok",), detail,
                         assignment.max_points, round(time.monotonic() - ran.start, 3))


# ---------------------------------------------------------------------------
# A folder of submissions
# ---------------------------------------------------------------------------
#: At most this many of the sources' modules are imported ahead (the sandbox's task line is small).
MAX_WARM = 64


def warm_imports(assignments: Iterable[Assignment]) -> tuple[str, ...]:
    """What each sandbox imports before its notebook comes: the kit, and what the sources import.

    A sandbox is started before it knows which notebook it will run, so it imports what any
    of the batch's sources imports (:attr:`.assignment.Assignment.imports`).  A kernel with
    pandas and pyplot imported costs about 1 s of CPU more than one with only the kit, so an
    assignment that never plots does not pay for it.  A module the sandbox cannot import is
    skipped; the notebook's own import then says what is wrong.
    """
    from .execute import KIT_IMPORTS

    extra = sorted({m for a in assignments for m in a.imports} - set(KIT_IMPORTS))
    return KIT_IMPORTS + tuple(extra[:MAX_WARM])


class _Ahead:
    """Sandboxes started one notebook ahead: while a submission runs, the next one's boots.

    ``count`` sandboxes are started in all (one per notebook to run), at most
    ``ahead`` of them waiting at a time.  :meth:`take` hands one over and
    starts the next; :meth:`close` discards those never used.  Only the
    waiting is shared: each sandbox runs one submission.
    """

    def __init__(self, limits: Limits, sandbox: bool, count: int, ahead: int, warm: tuple[str, ...]) -> None:
        self._limits, self._sandbox, self._warm = limits, sandbox, warm
        self._lock = threading.Lock()
        self._waiting: deque[Started] = deque()
        self._left = count
        for _ in range(min(ahead, count)):
            self._start()

    def _start(self) -> None:
        self._left -= 1
        self._waiting.append(Started(self._limits, self._sandbox, self._warm))

    def take(self) -> Started:
        with self._lock:
            started = self._waiting.popleft() if self._waiting else Started(self._limits, self._sandbox, self._warm)
            if self._left > 0:
                self._start()
        return started

    def close(self) -> None:
        with self._lock:
            waiting, self._waiting, self._left = list(self._waiting), deque(), 0
        for started in waiting:
            started.close()


def _intake(sub: Submission, assignment: Assignment | None, limits: Limits, sandbox: bool,
            ahead: Any) -> "Ran | NotebookGrade":
    """The first half of grading ``sub``: refused at intake, or run (never raises)."""
    max_points = assignment.max_points if assignment else 0.0
    try:
        if sub.problem:
            exercises = tuple(ExerciseGrade(c.grade_id, 0.0, c.points, "not-run", _REFUSED_HINT[sub.problem])
                              for c in assignment.checks) if assignment else ()
            return NotebookGrade(sub.student, sub.notebook, exercises, (sub.problem,), "", max_points)
        return run_submission(sub.path, assignment, student=sub.student, limits=limits, sandbox=sandbox,
                              ahead=ahead)
    except Exception as exc:  # noqa: BLE001 - last resort: the run goes on
        return NotebookGrade(sub.student, sub.notebook, (), ("grader-error",),
                             f"{type(exc).__name__}: {exc}"[:300], max_points)


def _judged(ran: Ran, judge: JudgeWorker, limits: Limits) -> NotebookGrade:
    try:
        return judge_submission(ran, judge, limits)
    except Exception as exc:  # noqa: BLE001 - last resort: the run goes on
        return NotebookGrade(ran.student, ran.name, (), ("grader-error",), f"{type(exc).__name__}: {exc}"[:300],
                             ran.assignment.max_points)


def _finished(sub: Submission, grade: NotebookGrade, start: float) -> NotebookGrade:
    statuses = grade.statuses + (("duplicate",) if sub.duplicate else ())
    statuses = _sorted_statuses(s for s in statuses if s != "ok" or len(statuses) == 1) or ("ok",)
    return replace(grade, student=sub.student, notebook=sub.notebook, statuses=statuses,
                   student_id=sub.student_id, seconds=round(time.monotonic() - start, 3))


def grade_submissions(submissions: Path | str, source_dir: Path | str = "solutions", *,
                      jobs: int = 1, limits: Limits = Limits(), progress: bool = True, sandbox: bool = True,
                      ) -> tuple[list[NotebookGrade], dict[str, Assignment]]:
    """Grade every submitted notebook; returns the grades (sorted) and the assignments.

    ``jobs`` notebooks run at once, each in a sandbox of its own, and as many
    sandboxes are started ahead, so that the next submissions' kernels boot
    while these run.  Raises
    :class:`.sandbox.SandboxUnavailable` (one line) before grading anything
    when ``sandbox`` is true and bubblewrap cannot run here.
    """
    import concurrent.futures as cf

    from tqdm.auto import tqdm

    source_dir = Path(source_dir)
    assignments = {p.stem: load_assignment(p) for p in sorted(source_dir.glob("*.ipynb"))}
    if not assignments:
        raise FileNotFoundError(f"{source_dir}: no source notebooks (*.ipynb) to grade against")
    found = find_submissions(submissions, max_bytes=limits.max_submission_bytes)
    if sandbox:
        require_sandbox()
    if not found:
        return [], assignments
    from .. import load_article

    article = load_article()  # once, before any learner code runs
    lessons = sorted({a.lesson for a in assignments.values()})
    # Two stages: `jobs` threads run notebooks in their sandboxes, and the judges judge what they
    # recorded.  A judge takes a fraction of a second per notebook against seconds for a sandbox,
    # but it loads spaCy's model as it starts (seconds of CPU): one judge serves two jobs, and the
    # sandboxes go on running while it starts.
    workers = [JudgeWorker(article, lessons, memory_bytes=limits.memory_bytes)
               for _ in range(max(1, min((jobs + 1) // 2, len(found))))]
    idle: queue.Queue = queue.Queue()
    for worker in workers:
        worker.start()
        idle.put(worker)
    to_run = sum(1 for sub in found if not sub.problem and sub.notebook in assignments)
    spares = _Ahead(limits, sandbox, to_run, max(1, jobs), warm_imports(assignments.values()))
    starts: dict[int, float] = {}

    def run(i: int, sub: Submission) -> "Ran | NotebookGrade":
        starts[i] = time.monotonic()
        return _intake(sub, assignments.get(sub.notebook), limits, sandbox, spares.take)

    def judge(ran: Ran) -> NotebookGrade:
        worker = idle.get()  # as many judging threads as workers: never waits long
        try:
            return _judged(ran, worker, limits)
        finally:
            idle.put(worker)

    results: dict[int, NotebookGrade] = {}
    bar = tqdm(total=len(found), unit="nb", desc="grading", disable=not progress)
    try:
        with cf.ThreadPoolExecutor(max_workers=max(1, jobs)) as runs, \
                cf.ThreadPoolExecutor(max_workers=len(workers)) as judges:
            pending = {runs.submit(run, i, sub): i for i, sub in enumerate(found)}
            while pending:
                done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    i = pending.pop(future)
                    outcome = future.result()
                    if isinstance(outcome, Ran):
                        pending[judges.submit(judge, outcome)] = i
                    else:
                        results[i] = _finished(found[i], outcome, starts.get(i, time.monotonic()))
                        bar.update()
    finally:
        bar.close()
        spares.close()
        for worker in workers:
            worker.close()
    return [results[i] for i in range(len(found))], assignments


def iter_exercise_columns(assignments: Iterable[Assignment]) -> list[tuple[str, str, str]]:
    """(column, notebook, grade_id) for every exercise, grade_id alone when unique."""
    pairs = [(a.name, c.grade_id) for a in sorted(assignments, key=lambda a: a.name) for c in a.checks]
    counts: dict[str, int] = {}
    for _, gid in pairs:
        counts[gid] = counts.get(gid, 0) + 1
    return [((gid if counts[gid] == 1 else f"{nb}:{gid}"), nb, gid) for nb, gid in pairs]
