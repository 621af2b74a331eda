"""Grading, the public names in one place (a facade over the modules that do the work).

========================  ===============================================
:mod:`.assignment`        loading a source notebook (:func:`load_assignment`)
:mod:`.restore`           restoring cells, recording answers (:func:`restore_cells`)
:mod:`.sandbox`           bubblewrap, limits, one sandbox per notebook (:class:`Limits`)
:mod:`.execute`           inside the sandbox: nbclient with output caps
:mod:`.judge`             judging recorded answers in a killable worker
:mod:`.batch`             intake, one notebook, a folder (:func:`grade_submissions`)
========================  ===============================================

Every learner notebook runs in a sandbox of its own, where the solutions,
the other submissions and the report are out of reach; the answers it
records are judged in the grader, by the grader's own checks, article and
hidden tests.
"""

from __future__ import annotations

from .assignment import Assignment, CheckCell, load_assignment
from .batch import (STATUS_TEXT, ExerciseGrade, NotebookGrade, Submission, find_submissions, grade_notebook,
                    grade_submissions, iter_exercise_columns, read_submission, student_id, student_ids)
from .restore import grading_source, prepare_notebook, restore_cells
from .sandbox import UNSAFE_FLAG, Limits, SandboxUnavailable, require_sandbox

__all__ = [
    "Assignment",
    "CheckCell",
    "ExerciseGrade",
    "Limits",
    "NotebookGrade",
    "STATUS_TEXT",
    "SandboxUnavailable",
    "Submission",
    "UNSAFE_FLAG",
    "find_submissions",
    "grade_notebook",
    "grade_submissions",
    "grading_source",
    "iter_exercise_columns",
    "load_assignment",
    "prepare_notebook",
    "read_submission",
    "require_sandbox",
    "restore_cells",
    "student_id",
    "student_ids",
]
