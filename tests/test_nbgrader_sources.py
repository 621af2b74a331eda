"""nbgrader accepts the kit's sources: ``generate_assignment`` releases them, and its validator
passes each solution and fails each exercise at every check cell.

(Apart from ``test_classroom.py`` so that the two run side by side: each starts kernels for
every solution of both editions.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from articlekit.classroom import generate as gen

ROOT = Path(__file__).resolve().parents[1]
FIX_SOLUTIONS = ROOT / "tests" / "fixtures" / "classroom" / "solutions"
SOLUTIONS = ROOT / "solutions"
BIN = Path(sys.executable).parent
REAL_SOLUTIONS = sorted(SOLUTIONS.glob("*.ipynb"))
ALL_SOURCES = [FIX_SOLUTIONS / "90-fixture.ipynb", *REAL_SOLUTIONS]


# --------------------------------------------------------------------------- nbgrader accepts the sources
SOURCES = [pytest.param(p, id=p.name) for p in ALL_SOURCES]


def test_nbgrader_generate_assignment_accepts_every_solution(tmp_path):
    sources = [p.values[0] for p in SOURCES]
    course = tmp_path / "course"
    (course / "source" / "ps1").mkdir(parents=True)
    for solution in sources:  # one nbgrader run for all: it takes seconds to start
        shutil.copy(solution, course / "source" / "ps1" / solution.name)
    done = subprocess.run(
        [str(BIN / "nbgrader"), "generate_assignment", "ps1", "--no-db", "--force",
         f"--CourseDirectory.root={course}"],
        cwd=course, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    for solution in sources:
        assert (course / "release" / "ps1" / solution.name).exists(), done.stderr[-2000:]


@pytest.mark.parametrize("solution", SOURCES)
def test_validator_passes_solution_and_fails_each_exercise_cell(solution, tmp_path):
    """The exercise runs top to bottom in Jupyter's kernel, and only its check cells fail.

    nbgrader's validator runs the exercise as a learner's "Validate" button does; with
    ``validate_all`` it also counts every other code cell that raises or writes to stderr. The
    exercises in ``exercises/`` are these very bytes (``test_committed_exercises_are_a_fresh_
    regeneration``), so this is also the check that each one runs, unanswered, in a fresh kernel.
    """
    from nbgrader.validator import Validator

    from nbgrader.preprocessors import CheckCellMetadata

    learner = gen.exercise_notebook(gen.read_notebook(solution), name=solution.name)
    exercise = tmp_path / solution.name
    exercise.write_bytes(gen.notebook_bytes(learner))
    validator = Validator()
    if solution.parent != FIX_SOLUTIONS:
        # nbgrader judges the solution by its outputs. The committed ones are a fresh kernel's, as strict
        # nbval proves (`make test` runs it on solutions/); the fixture's run shows the executing path.
        validator.preprocessors = [CheckCellMetadata]
    assert validator.validate(str(solution)) == {}
    checks, others = _failed_cells(learner, exercise)
    assert others == [], "a cell other than a check failed in the unanswered exercise"
    graded = [c for c in nbformat.read(solution, as_version=4).cells if gen.is_check_cell(c)]
    assert checks == sorted(c.metadata.nbgrader.grade_id for c in graded)


def _failed_cells(learner, path: Path) -> tuple[list[str], list[str]]:
    """nbgrader's validator run on ``path`` (the notebook ``learner``), every cell counted:
    the grade ids of the check cells that failed, and the errors of the other cells that did."""
    from nbgrader.validator import Validator

    validator = Validator()
    validator.validate_all = True
    failures = validator.validate(str(path)).get("failed", [])
    by_source = {c.source.strip(): c for c in learner.cells if c.cell_type == "code"}
    failed = [(f, by_source[f["source"]]) for f in failures]
    return (sorted(c.metadata.nbgrader.grade_id for f, c in failed if gen.is_check_cell(c)),
            [f["raw_error"][-300:] for f, c in failed if not gen.is_check_cell(c)])


def test_the_validator_sees_a_cell_that_fails_outside_the_checks(tmp_path):
    """The exercises' run is only a check of the cells between the checks if they are counted too."""
    learner = gen.exercise_notebook(gen.read_notebook(ALL_SOURCES[0]), name=ALL_SOURCES[0].name)
    learner.cells.insert(2, nbformat.v4.new_code_cell("open('no-such-file.csv')"))
    path = tmp_path / ALL_SOURCES[0].name
    path.write_bytes(gen.notebook_bytes(learner))
    checks, others = _failed_cells(learner, path)
    assert len(others) == 1 and "no-such-file.csv" in others[0] and checks


def test_validating_by_the_committed_outputs_still_sees_a_failing_check(tmp_path):
    """The solutions are validated by their outputs: an error in a graded cell's output is a failure."""
    from nbgrader.preprocessors import CheckCellMetadata
    from nbgrader.validator import Validator

    nb = nbformat.read(REAL_SOLUTIONS[0], as_version=4)
    graded = next(c for c in nb.cells if gen.is_check_cell(c))
    graded.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue="not yet", traceback=[])]
    broken = tmp_path / REAL_SOLUTIONS[0].name
    nbformat.write(nb, broken)
    validator = Validator()
    validator.preprocessors = [CheckCellMetadata]
    assert len(validator.validate(str(broken)).get("failed", [])) == 1
