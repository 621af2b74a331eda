"""Grading throughput: ``articlekit grade`` (1 and 2 jobs) beside ``nbgrader autograde``.

Run from the repository root::

    .venv/bin/python benchmarks/bench_grading.py [--source solutions/00-start-here.ipynb] [--n 20]

Builds a folder of N submissions from one source notebook (half right,
half generated exercises with wrong or missing answers), grades it with
articlekit at ``--jobs 1`` and ``--jobs 2`` -- each submission in its own
bubblewrap sandbox, as ``articlekit grade`` does (``--unsafe-no-sandbox``
here measures without it) -- then runs ``nbgrader generate_assignment`` +
``nbgrader autograde --create`` on the same submissions in a temporary
course directory (with its SQLite gradebook), and prints wall time and
notebooks per minute for each, and how many times faster than nbgrader the
faster articlekit run was, and the peak memory of the grader and of its
largest child.  Sandboxes are started one notebook ahead, and notebooks go
on running while the judge starts (see ``classroom/batch.py``).  Each run
starts with an empty analysis cache of its own (``ARTICLEKIT_CACHE_DIR``), so
no grader reads what another one's run analysed.  Defaults to the first
notebook of ``solutions/``, else the test fixture.  Last, the CPU time per notebook of the
learner's side (executor and kernel) with the plain IPython shell grading uses and with
Jupyter's own kernel.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from articlekit.classroom.batch import grade_submissions
from articlekit.classroom.generate import exercise_notebook, read_notebook
from articlekit.classroom.sandbox import Limits, SandboxUnavailable, require_sandbox

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def default_source() -> Path:
    found = sorted((ROOT / "solutions").glob("*.ipynb"))
    return found[0] if found else ROOT / "tests" / "fixtures" / "classroom" / "solutions" / "90-fixture.ipynb"


def make_submissions(source: Path, folder: Path, n: int) -> None:
    """n students: even ones hand in the solution, odd ones the exercise with a variation."""
    solution = read_notebook(source)
    exercise = exercise_notebook(solution, name=source.name)
    for i in range(n):
        nb = solution if i % 2 == 0 else exercise
        nb = nbformat.reads(nbformat.writes(nb), as_version=4)
        if i % 4 == 1:  # a scratch cell of the learner's own
            nb.cells.insert(1, nbformat.v4.new_code_cell(f"scratch = {i}"))
        path = folder / f"s{i:02d}" / source.name
        path.parent.mkdir(parents=True)
        nbformat.write(nb, path)


def fresh_cache(folder: Path) -> Path:
    """An empty analysis cache for one grader's run: none reads what another's run analysed."""
    folder.mkdir(parents=True)
    os.environ["ARTICLEKIT_CACHE_DIR"] = str(folder)
    return folder


def bench_articlekit(source: Path, submissions: Path, jobs: int, sandbox: bool = True) -> tuple[float, float]:
    start = time.perf_counter()
    grades, _ = grade_submissions(submissions, source.parent, jobs=jobs, progress=False, sandbox=sandbox,
                                  limits=Limits(cell_timeout=120, notebook_timeout=600))
    seconds = time.perf_counter() - start
    # only the benchmarked notebook's grades count (other solutions are not submitted)
    points = sum(g.total for g in grades)
    return seconds, points


def bench_nbgrader(source: Path, submissions: Path, course: Path) -> tuple[float, float]:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")  # nbgrader calls `alembic`
    (course / "source" / "ps1").mkdir(parents=True)
    shutil.copy(source, course / "source" / "ps1" / source.name)
    common = [f"--CourseDirectory.root={course}", "--force"]
    subprocess.run([str(BIN / "nbgrader"), "generate_assignment", "ps1", *common],
                   cwd=course, env=env, check=True, capture_output=True)
    for student in sorted(p.name for p in submissions.iterdir()):
        target = course / "submitted" / student / "ps1"
        target.mkdir(parents=True)
        shutil.copy(submissions / student / source.name, target / source.name)
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "nbgrader"), "autograde", "ps1", "--create", *common],
                          cwd=course, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
    return seconds, float(done.returncode)


def kernel_cpu(source: Path, submissions: Path) -> dict[str, float]:
    """CPU seconds per notebook of the learner's side (executor + kernel), unsandboxed so that the
    children's time can be read: the plain IPython shell grading uses, against Jupyter's kernel."""
    from articlekit.classroom.assignment import load_assignment
    from articlekit.classroom.batch import run_submission
    from articlekit.classroom.execute import JUPYTER_PYTHON

    assignment = load_assignment(source)
    papers = [submissions / "s00" / source.name, submissions / "s01" / source.name]  # a solution, an exercise
    out = {}
    for label, kernel in (("plain IPython shell (python3)", "python3"), ("ipykernel + jupyter_client", JUPYTER_PYTHON)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        for paper in papers:
            run_submission(paper, assignment, limits=Limits(kernel_name=kernel), sandbox=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out[label] = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / len(papers)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=default_source())
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--unsafe-no-sandbox", action="store_true", help="grade without bubblewrap")
    args = parser.parse_args()
    source = args.source.resolve()
    sandbox = not args.unsafe_no_sandbox
    if sandbox:
        try:
            require_sandbox()
        except SandboxUnavailable as error:  # one line naming --unsafe-no-sandbox
            print(f"bench_grading: {error}", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        tmp = Path(tmp)
        # grade against a folder holding just this source notebook
        only = tmp / "source"
        only.mkdir()
        shutil.copy(source, only / source.name)
        subs = tmp / "submissions"
        make_submissions(source, subs, args.n)
        print(f"source: {source.relative_to(ROOT) if source.is_relative_to(ROOT) else source}")
        print(f"submissions: {args.n} (half solutions, half exercises); cores: {os.cpu_count()}; "
              f"sandbox: {'bubblewrap, one per submission' if sandbox else 'none (--unsafe-no-sandbox)'}")
        print(f"{'grader':<28}{'seconds':>9}{'nb/min':>9}")
        best = float("inf")
        for jobs in (1, 2):
            fresh_cache(tmp / f"cache-jobs-{jobs}")
            seconds, points = bench_articlekit(only / source.name, subs, jobs, sandbox)
            best = min(best, seconds)
            print(f"{f'articlekit grade --jobs {jobs}':<28}{seconds:>9.1f}{args.n / seconds * 60:>9.1f}"
                  f"   (points awarded: {points:g})")
        me, kids = (resource.getrusage(w).ru_maxrss / 1024 for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
        fresh_cache(tmp / "cache-nbgrader")  # its kernels run the self-checks, which read the cache too
        seconds, rc = bench_nbgrader(source, subs, tmp / "course")
        note = "" if rc == 0 else "   (nbgrader exited with an error)"
        print(f"{'nbgrader autograde':<28}{seconds:>9.1f}{args.n / seconds * 60:>9.1f}{note}")
        print(f"articlekit (faster run) is {seconds / best:.2f}x nbgrader autograde   (target ≥ 4x)")
        print(f"peak memory (max RSS): the grader's process {me:.0f} MiB; its largest child "
              f"(the judge, with spaCy's model, or a sandbox) {kids:.0f} MiB")
        cpu = kernel_cpu(only / source.name, subs)
        print("CPU per notebook of the learner's side (executor + kernel, unsandboxed, a solution and an exercise):")
        for label, seconds in cpu.items():
            print(f"  {label:<32} {seconds:5.2f} s")
        shell, jupyter = cpu.values()
        print(f"  ratio {jupyter / shell:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
