"""The teacher's summative tests: a module beside the source folder that only the grader runs.

``teacher/tests/NN-slug.py`` holds ``test_<grade_id>(answer, *, article)`` functions.  The grader
calls them with the answers the learner's kernel recorded, after the visible check: an exercise
scores only when both pass.  The module is in no exercise, no package and no sandbox, and nothing
run in the learner's kernel (an ``assert`` switched off, a patched builtin) changes its verdict.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from articlekit.classroom import generate as gen
from articlekit.classroom import grade as gr
from articlekit.classroom.assignment import load_assignment, teacher_test_name, teacher_tests_path
from articlekit.classroom.judge import HIDDEN_HINT

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "classroom" / "solutions" / "90-fixture.ipynb"
FAST = gr.Limits(cell_timeout=10, notebook_timeout=60, max_output_bytes=200_000, check_timeout=10)

# The visible check forgives case and typography; the teacher's grade wants the title as printed,
# and the count as an int of the clean paragraphs.
TESTS = '''\
"""Summative tests of 90-fixture, run by the grader only."""


def test_q_title(title, *, article):
    assert title == article.title


def test_q_paragraphs(count, *, article):
    assert type(count) is int and count == len(article.paragraphs)
'''


def _course(tmp_path: Path, tests: str | None = TESTS) -> Path:
    course = tmp_path / "course"
    (course / "solutions").mkdir(parents=True)
    shutil.copy(FIXTURE, course / "solutions" / FIXTURE.name)
    if tests is not None:
        (course / "teacher" / "tests").mkdir(parents=True)
        (course / "teacher" / "tests" / "90-fixture.py").write_text(tests, encoding="utf-8")
    return course / "solutions"


def _submission(folder: Path, student: str, answers: dict[str, str], extra: str = "") -> None:
    nb = gen.exercise_notebook(gen.read_notebook(FIXTURE), name=FIXTURE.name)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    if extra:
        nb.cells.insert(1, nbformat.v4.new_code_cell(extra))
    (folder / student).mkdir(parents=True)
    nbformat.write(nb, folder / student / FIXTURE.name)


RIGHT = {"q-title-answer": "title = article.title",
         "q-paragraphs-answer": "paragraph_count = len(article.paragraphs)"}
# Each passes the visible check and fails the teacher's test of the same exercise.
LOOSE = {"q-title-answer": "title = article.title.upper()",
         "q-paragraphs-answer": "paragraph_count = len(article.paragraphs)"}
# An AST transformer that turns every assert into pass, and a patched AssertionError: in the kernel.
SWITCH_OFF = '''
import ast, builtins
class _NoAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.Pass()
get_ipython().ast_transformers.append(_NoAsserts())
builtins.AssertionError = type("AssertionError", (Exception,), {})
'''


def test_the_module_is_found_beside_the_source_folder_for_both_editions(tmp_path):
    source = _course(tmp_path)
    found = teacher_tests_path(source / FIXTURE.name)
    assert found == (source.parent / "teacher" / "tests" / "90-fixture.py").resolve()
    assert teacher_tests_path(source / "90-fixture.fr.ipynb") == found
    assignment = load_assignment(source / FIXTURE.name)
    assert {c.grade_id: c.teacher_test for c in assignment.checks} == {"q-title": "test_q_title",
                                                                       "q-paragraphs": "test_q_paragraphs"}
    assert teacher_test_name("q-2b.x") == "test_q_2b_x"


def test_without_a_module_nothing_changes(tmp_path):
    assignment = load_assignment(_course(tmp_path, tests=None) / FIXTURE.name)
    assert assignment.teacher_tests == "" and all(c.teacher_test == "" for c in assignment.checks)


@pytest.mark.parametrize("tests, words", [
    ("def test_q_tilte(title):\n    assert title\n", "test_q_tilte"),
    ("def test_q_title(title)\n    assert title\n", "SyntaxError"),
], ids=["misspelt grade_id", "syntax error"])
def test_a_module_that_cannot_be_used_is_one_error_naming_the_file(tmp_path, tests, words):
    source = _course(tmp_path, tests)
    with pytest.raises(ValueError) as caught:
        load_assignment(source / FIXTURE.name)
    message = str(caught.value)
    assert "\n" not in message and "90-fixture.py" in message and words in message


@pytest.mark.sandbox
def test_the_grade_needs_the_visible_check_and_the_teachers_test(tmp_path):
    source = _course(tmp_path)
    subs = tmp_path / "subs"
    _submission(subs, "right", RIGHT)
    _submission(subs, "loose", LOOSE)
    _submission(subs, "switch-off", LOOSE, extra=SWITCH_OFF)
    _submission(subs, "wrong", {"q-title-answer": "title = 'Le Mali'", "q-paragraphs-answer": "paragraph_count = 1"})
    grades, _ = gr.grade_submissions(subs, source, jobs=2, limits=FAST, progress=False)
    by = {g.student: {e.grade_id: (e.status, e.points) for e in g.exercises} for g in grades}
    assert by["right"] == {"q-title": ("passed", 1.0), "q-paragraphs": ("passed", 2.0)}
    for student in ("loose", "switch-off"):  # nothing in the kernel switches the grader's test off
        assert by[student] == {"q-title": ("hidden-tests", 0.0), "q-paragraphs": ("passed", 2.0)}, student
    assert by["wrong"] == {"q-title": ("failed", 0.0), "q-paragraphs": ("failed", 0.0)}
    hints = {e.grade_id: e.hint for g in grades if g.student == "loose" for e in g.exercises}
    assert hints["q-title"] == HIDDEN_HINT and "article.title" not in hints["q-title"]


@pytest.mark.sandbox
def test_the_learner_cannot_read_the_module_from_the_sandbox(tmp_path):
    source = _course(tmp_path)
    module = (source.parent / "teacher" / "tests" / "90-fixture.py").resolve()
    peek = ("import pathlib, articlekit as ak\n"
            f"candidates = [pathlib.Path({str(module)!r})] + [p / 'teacher' / 'tests' / '90-fixture.py'\n"
            "              for p in pathlib.Path(ak.__file__).resolve().parents]\n"
            "seen = [p for p in candidates if p.exists()]\n"
            "title = article.title if not seen else 'I saw ' + str(seen[0])")
    subs = tmp_path / "subs"
    _submission(subs, "peek", {"q-title-answer": peek, "q-paragraphs-answer": "paragraph_count = 1"})
    (grade,) = gr.grade_submissions(subs, source, limits=FAST, progress=False)[0]
    assert {e.grade_id: e.status for e in grade.exercises}["q-title"] == "passed", grade


@pytest.mark.sandbox
def test_a_broken_module_is_the_teachers_error_not_the_learners_fault(tmp_path):
    source = _course(tmp_path, TESTS + "\nraise RuntimeError('a bug of the teacher')\n")
    subs = tmp_path / "subs"
    _submission(subs, "right", RIGHT)
    (grade,) = gr.grade_submissions(subs, source, limits=FAST, progress=False)[0]
    statuses = {e.grade_id: (e.status, e.hint) for e in grade.exercises}
    assert statuses["q-title"][0] == "error" and "teacher" in statuses["q-title"][1]


@pytest.mark.sandbox
def test_an_answer_that_makes_the_test_raise_does_not_pass(tmp_path):
    tests = TESTS.replace("assert title == article.title", "assert title.strip() == article.title")
    source = _course(tmp_path, tests)
    subs = tmp_path / "subs"
    _submission(subs, "number", {"q-title-answer": "title = 42", "q-paragraphs-answer": "paragraph_count = 1"})
    (grade,) = gr.grade_submissions(subs, source, limits=FAST, progress=False)[0]
    assert all(e.points == 0 for e in grade.exercises) and grade.status == "ok", grade
