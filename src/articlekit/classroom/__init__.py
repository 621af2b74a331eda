"""The classroom loop: exercises generated from solutions, grading, reports.

* :func:`generate_exercises` -- ``exercises/`` from ``solutions/``
  (``articlekit exercises``);
* :func:`grade_submissions` and :func:`write_report` -- a folder of submitted
  notebooks to ``grades.csv`` and HTML feedback (``articlekit grade``), each
  notebook run in a bubblewrap sandbox of its own (see :mod:`.grade` for the
  modules that do the work);
* :func:`check_notebook` -- one learner notebook's checks
  (``articlekit check``).

The self-checks learners call in notebooks live in :mod:`articlekit.checks`.
Submodules are imported when used, so ``import articlekit`` stays light
(nbgrader and nbclient are only loaded to generate or grade).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["check_notebook", "generate_exercises", "grade_submissions", "write_report"]


def generate_exercises(solutions_dir: Path | str = "solutions", exercises_dir: Path | str = "exercises",
                       *, check: bool = False):
    """Write the learners' exercises from the solutions (see :mod:`.generate`)."""
    from .generate import generate_exercises as run

    return run(solutions_dir, exercises_dir, check=check)


def grade_submissions(submissions: Path | str, source_dir: Path | str = "solutions", **kwargs: Any):
    """Grade a folder of submissions (see :func:`.batch.grade_submissions`)."""
    from .batch import grade_submissions as run

    return run(submissions, source_dir, **kwargs)


def write_report(grades, assignments, out_dir: Path | str):
    """Write ``grades.csv`` and feedback pages (see :func:`.report.write_report`)."""
    from .report import write_report as run

    return run(grades, assignments, out_dir)


def check_notebook(path: Path | str, source: Path | str | None = None, **kwargs: Any):
    """Grade one notebook against its own checks (or ``source``); returns a ``NotebookGrade``.

    Examples
    --------
    >>> grade = check_notebook("exercises/00-start-here.ipynb")  # doctest: +SKIP
    >>> grade.total, grade.max_points  # doctest: +SKIP
    (0.0, 3.0)
    """
    from .assignment import load_assignment
    from .batch import grade_notebook

    path = Path(path)
    assignment = load_assignment(Path(source) if source else path)
    return grade_notebook(path, assignment, student="", **kwargs)
