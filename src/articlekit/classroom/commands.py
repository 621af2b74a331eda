"""The ``articlekit exercises``, ``grade`` and ``check`` subcommands.

Registered in :mod:`articlekit.cli`; each ``run_*`` returns the exit code
(0 success, 1 problems found, 2 bad input or usage).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


# --------------------------------------------------------------------------- sync
def sync_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folders", nargs="*", default=["notebooks", "solutions"], metavar="DIR",
                        help="folders of NN-slug lessons (default: notebooks solutions)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and name every pair that is out of step")


def run_sync(args: argparse.Namespace) -> int:
    from .pairs import PairError, find_pairs, problem, sync_pairs

    try:
        pairs = find_pairs(args.folders)
        if args.check:
            problems = [line for line in map(problem, pairs) if line]
            for line in problems:
                print(line)
            if not problems:
                print(f"{len(pairs)} lesson source(s) in step with their notebooks")
            return 1 if problems else 0
        report = sync_pairs(pairs)
    except (PairError, OSError) as error:
        print(f"articlekit sync: {_one_line(error)}", file=sys.stderr)
        return 2
    for path in report.written:
        print(f"{path}: written")
    print(f"{len(report.written)} file(s) written, {len(report.unchanged)} pair(s) already in step")
    return 0


# --------------------------------------------------------------------------- exercises
def exercises_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--solutions", default="solutions", metavar="DIR",
                        help="folder of solution notebooks (default: solutions)")
    parser.add_argument("--exercises", default="exercises", metavar="DIR",
                        help="folder the exercises are written to (default: exercises)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the exercises differ from a regeneration")


def run_exercises(args: argparse.Namespace) -> int:
    from .generate import ExerciseError, generate_exercises

    try:
        report = generate_exercises(args.solutions, args.exercises, check=args.check)
    except (ExerciseError, OSError) as error:
        print(f"articlekit exercises: {_one_line(error)}", file=sys.stderr)
        return 2
    for path in report.orphans:
        print(f"{path}: exercise without a solution (delete it or restore its solution)")
    if args.check:
        for path in report.written:
            print(f"{path}: out of date (run `articlekit exercises`)")
        if report.up_to_date:
            print(f"{len(report.unchanged)} exercise(s) up to date")
        return 0 if report.up_to_date else 1
    for path in report.written:
        print(f"wrote {path}")
    print(f"{len(report.written)} written, {len(report.unchanged)} unchanged")
    return 1 if report.orphans else 0


# --------------------------------------------------------------------------- grade
def _limits_arguments(parser: argparse.ArgumentParser, *, cell: float, notebook: float) -> None:
    parser.add_argument("--timeout", type=float, default=cell, metavar="SECONDS",
                        help=f"per-cell time limit (default: {cell:g})")
    parser.add_argument("--notebook-timeout", type=float, default=notebook, metavar="SECONDS",
                        help=f"per-notebook time limit (default: {notebook:g})")
    parser.add_argument("--max-output", type=int, default=5_000_000, metavar="BYTES",
                        help="output kept per notebook; more is dropped (default: 5000000)")
    parser.add_argument("--check-timeout", type=float, default=60, metavar="SECONDS",
                        help="time limit of one check of an answer, in the grader (default: 60)")
    from .sandbox import UNSAFE_COST, UNSAFE_FLAG

    parser.add_argument(UNSAFE_FLAG, dest="unsafe_no_sandbox", action="store_true",
                        help=f"grade without the bubblewrap sandbox ({UNSAFE_COST})")


def grade_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("submissions", metavar="SUBMISSIONS",
                        help="folder with one sub-folder per student (alice/01-reading.ipynb) "
                             "or files named STUDENT__01-reading.ipynb")
    parser.add_argument("--out", required=True, metavar="DIR", help="where grades.csv and feedback/ go")
    parser.add_argument("--source", default="solutions", metavar="DIR",
                        help="folder of source (solution) notebooks (default: solutions)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="notebooks graded in parallel")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    _limits_arguments(parser, cell=60, notebook=600)


def _limits(args: argparse.Namespace):
    from .sandbox import Limits

    if args.timeout <= 0 or args.notebook_timeout <= 0 or args.max_output <= 0 or args.check_timeout <= 0:
        raise ValueError("time limits and --max-output must be positive")
    return Limits(cell_timeout=args.timeout, notebook_timeout=args.notebook_timeout,
                  max_output_bytes=args.max_output, check_timeout=args.check_timeout)


def run_grade(args: argparse.Namespace) -> int:
    from .batch import grade_submissions
    from .generate import ExerciseError
    from .report import DASHBOARD_NAME, write_report
    from .sandbox import SandboxUnavailable

    if args.jobs < 1:
        print("articlekit grade: --jobs must be at least 1", file=sys.stderr)
        return 2
    out = Path(args.out)
    try:
        # before grading, which takes minutes: a report that cannot be written is found now
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        problem = "is a file, not a folder" if out.exists() else (error.strerror or str(error))
        print(f"articlekit grade: {out}: --out {problem}", file=sys.stderr)
        return 2
    try:
        grades, assignments = grade_submissions(args.submissions, args.source, jobs=args.jobs,
                                                limits=_limits(args), progress=not args.quiet,
                                                sandbox=not args.unsafe_no_sandbox)
    except (ExerciseError, OSError, ValueError, SandboxUnavailable) as error:
        print(f"articlekit grade: {_one_line(error)}", file=sys.stderr)
        return 2
    if not grades:
        # an empty grades.csv would look like a class that scored nothing
        print(f"articlekit grade: {args.submissions}: no submitted notebook (.ipynb) found", file=sys.stderr)
        return 2
    try:
        csv_path = write_report(grades, assignments.values(), args.out)
    except OSError as error:
        print(f"articlekit grade: {_one_line(error)}", file=sys.stderr)
        return 2
    flagged = sum(1 for g in grades if g.statuses != ("ok",))
    mode = "WITHOUT a sandbox (--unsafe-no-sandbox)" if args.unsafe_no_sandbox else "each in a bubblewrap sandbox"
    print(f"graded {len(grades)} notebook(s) from {len({g.student for g in grades})} student(s), {mode}; "
          f"{flagged} with a status other than ok; wrote {csv_path} and {Path(args.out) / 'feedback'}/")
    dashboard = Path(args.out) / DASHBOARD_NAME
    print(f"class dashboard: {dashboard} (open {dashboard.resolve().as_uri()} in a browser)")
    return 0


# --------------------------------------------------------------------------- check
def check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("notebook", nargs="+", metavar="NOTEBOOK", help="learner notebook(s) to check")
    parser.add_argument("--source", default=None, metavar="PATH",
                        help="the original notebook (or a folder of them) to restore checks from "
                             "(default: the notebook's own check cells); with --source the notebook must "
                             "run in the bubblewrap sandbox, or be given --unsafe-no-sandbox")
    _limits_arguments(parser, cell=120, notebook=900)


def run_check(args: argparse.Namespace) -> int:
    from .assignment import load_assignment
    from .batch import grade_notebook
    from .generate import ExerciseError
    from .report import format_summary
    from .sandbox import UNSAFE_FLAG, SandboxUnavailable, require_sandbox

    try:
        limits = _limits(args)
    except ValueError as error:
        print(f"articlekit check: {error}", file=sys.stderr)
        return 2
    sandbox = not args.unsafe_no_sandbox
    unsandboxed_note = ""
    if sandbox:
        try:  # before anything runs: a teacher's run (--source) is sandboxed or says why not
            require_sandbox()
        except SandboxUnavailable as error:
            if args.source:
                print(f"articlekit check: {_one_line(error)}", file=sys.stderr)
                return 2
            # a learner checking their own notebook: their code, their machine (said once a notebook
            # runs, so that a damaged notebook is still one line)
            unsandboxed_note = ("articlekit check: note: bubblewrap cannot run here, so the notebook runs "
                                f"without a sandbox (as with {UNSAFE_FLAG})")
            sandbox = False
    all_passed = True
    total = maximum = 0.0
    for name in args.notebook:
        path = Path(name)
        if args.source:
            source = Path(args.source)
            if source.is_dir():
                source = source / path.name
        else:
            from .generate import read_notebook

            try:  # a damaged notebook is one line, as with --source
                read_notebook(path)
            except (ExerciseError, OSError) as error:
                print(f"articlekit check: {_one_line(error)}", file=sys.stderr)
                return 2
            # never the notebook's own check cells or points (a learner could rewrite them): the kit's
            # pristine copy of the assignment, with its visible checks
            source = _kit_assignment(path)
            if source is None:
                print(f"articlekit check: {path}: the kit has no assignment of that name; give the original "
                      "with --source", file=sys.stderr)
                return 2
        try:
            assignment = load_assignment(source)
        except (ExerciseError, OSError, ValueError) as error:  # ValueError: the teacher's tests module
            print(f"articlekit check: {_one_line(error)}", file=sys.stderr)
            return 2
        if not assignment.checks:
            print(f"{path}: no graded check cells found")
            all_passed = False
            continue
        if unsandboxed_note:
            print(unsandboxed_note, file=sys.stderr)
            unsandboxed_note = ""
        try:
            grade = grade_notebook(path, assignment, limits=limits, sandbox=sandbox)
        except SandboxUnavailable as error:
            print(f"articlekit check: {_one_line(error)}", file=sys.stderr)
            return 2
        print(format_summary(grade))
        total, maximum = total + grade.total, maximum + grade.max_points
        all_passed = all_passed and grade.statuses == ("ok",) and all(
            x.status == "passed" for x in grade.exercises)
    if len(args.notebook) > 1:
        print(f"points: {total:g}/{maximum:g}")
    if not args.source:
        print("This is a self-check with the kit's visible checks: your grade comes from your teacher's run.")
    return 0 if all_passed else 1


def _kit_assignment(path: Path) -> Path | None:
    """The kit's pristine copy of the assignment a learner's notebook is (by its file name)."""
    from importlib import resources

    folder = Path(str(resources.files("articlekit") / "data" / "assignments"))
    stem = path.name.split("__")[-1]           # student__01-reading.ipynb is 01-reading.ipynb
    candidate = folder / stem
    return candidate if candidate.is_file() else None


# --------------------------------------------------------------------------- i18n
def i18n_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("extract", "status", "build"),
                        help="extract: update the catalogues from the English sources and the package's "
                             "messages; status: count what is left to translate; build: write the "
                             "translated notebooks beside the English ones")
    parser.add_argument("--lang", default="fr", help="the edition's language (default: fr)")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="extract: only the sources whose path contains TEXT (repeatable)")
    parser.add_argument("--check", action="store_true",
                        help="build: write nothing; exit 1 if an edition differs from a rebuild")
    parser.add_argument("--partial", action="store_true",
                        help="build: fall back to English for what is not translated yet (a preview)")
    parser.add_argument("--root", default=".", metavar="DIR", help="the kit's folder (default: .)")


def run_i18n(args: argparse.Namespace) -> int:
    from ..i18n import check_language
    from .translate import TranslationError, build, extract, extract_messages, message_status, status

    package = Path(__file__).resolve().parent.parent
    try:
        check_language(args.lang)
        if args.lang == "en":
            print("articlekit i18n: English is the source language; choose another with --lang", file=sys.stderr)
            return 2
        if args.action == "extract":
            changed = extract(args.root, args.lang, args.only)
            if not args.only and extract_messages(package, args.lang):
                changed.append(Path("src/articlekit/locale") / args.lang / "LC_MESSAGES/articlekit.po")
            for path in changed:
                print(f"{path}: updated")
            print(f"{len(changed)} catalogue(s) updated")
            return 0
        if args.action == "status":
            states = status(args.root, args.lang) + [message_status(package, args.lang)]
            for state in states:
                flag = "ok" if state.ok else "TO DO"
                print(f"{flag:5} {state.path}: {state.total} entries, {len(state.untranslated)} untranslated, "
                      f"{len(state.fuzzy)} fuzzy, {len(state.invalid)} invalid"
                      + (" (no catalogue yet: run `articlekit i18n extract`)" if state.missing_file else ""))
                for line in state.invalid[:20]:
                    print(f"      invalid: {line}")
            return 0 if all(s.ok for s in states) else 1
        report = build(args.root, args.lang, check=args.check, partial=args.partial)
    except (TranslationError, ValueError, OSError) as error:
        print(f"articlekit i18n: {_one_line(error)}", file=sys.stderr)
        return 2
    for path in report.written:
        print(f"{path}: written (run it: make notebooks)")
    for path in report.stale:
        print(f"{path}: differs from its source and catalogue (run: articlekit i18n build)")
    for state in report.incomplete:
        print(f"{state.path}: {len(state.untranslated)} untranslated, {len(state.fuzzy)} fuzzy, "
              f"{len(state.invalid)} invalid entries" + (" (English kept)" if args.partial else " (not built)"))
    print(f"{len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.stale)} stale, "
          f"{len(report.incomplete)} incomplete catalogue(s)")
    return 1 if report.stale or (report.incomplete and not args.partial) else 0
