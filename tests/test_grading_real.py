"""The kit's own assignments graded end to end: every solution scores full marks, every
generated exercise scores zero, in both editions, each in its sandbox.

(Apart from ``test_classroom.py``, whose small fixture keeps the grading tests fast, so that the
two run side by side.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

import articlekit as ak
from articlekit.classroom import generate as gen
from articlekit.classroom import grade as gr

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
REAL_SOLUTIONS = sorted(SOLUTIONS.glob("*.ipynb"))
needs_real = pytest.mark.skipif(not REAL_SOLUTIONS, reason="solutions/ is still empty")
pytestmark = pytest.mark.sandbox


@pytest.fixture(scope="module")
def real_judge():
    """One judge for every lesson, as a batch has: it loads spaCy's model once, not per notebook."""
    from articlekit.classroom.judge import JudgeWorker

    lessons = sorted({gr.load_assignment(p).lesson for p in REAL_SOLUTIONS})
    with JudgeWorker(ak.load_article(), lessons) as judge:
        judge.start()
        yield judge


@needs_real
@pytest.mark.parametrize("solution", REAL_SOLUTIONS, ids=[p.name for p in REAL_SOLUTIONS])
def test_grading_real_solution_full_marks_exercise_zero(solution, tmp_path, real_judge):
    limits = gr.Limits(cell_timeout=120, notebook_timeout=600)
    assignment = gr.load_assignment(solution)
    full = gr.grade_notebook(solution, assignment, limits=limits, judge=real_judge)
    assert full.total == full.max_points > 0 and full.status == "ok", full
    exercise = tmp_path / solution.name
    exercise.write_bytes(gen.notebook_bytes(gen.exercise_notebook(gen.read_notebook(solution), name=solution.name)))
    zero = gr.grade_notebook(exercise, assignment, limits=limits, judge=real_judge)
    assert zero.total == 0 and zero.status == "ok", zero
