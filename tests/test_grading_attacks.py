"""Attacks on ``articlekit grade``, as a clever or a careless student would try them (issue 12).

One run of ``articlekit grade --jobs 2`` grades honest students next to one
attacker per attack, on the fixture assignment (with a hidden test that an
answer right up to case fails).  Each attack must get its status or 0
points, the run must complete, every honest student must keep full marks,
and no submission file may change.  A few attacks are also run once without
the sandbox, to show that they are real.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import nbformat
import pytest

from articlekit.classroom import generate as gen
from articlekit.classroom.assignment import load_assignment
from articlekit.classroom.batch import grade_notebook
from articlekit.classroom.runtime import MIMETYPE
from articlekit.classroom.sandbox import Limits

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "classroom" / "solutions" / "90-fixture.ipynb"
BIN = Path(sys.executable).parent
NAME = FIXTURE.name

pytestmark = pytest.mark.sandbox  # skipped where bubblewrap cannot run (tests/conftest.py)

TITLE = "title = article.title"
PARAGRAPHS = "paragraph_count = len(article.paragraphs)"
WRONG_TITLE = "title = 'Le Mali'"
WRONG_PARAGRAPHS = "paragraph_count = 1"
LONG = "x" * 240
TOKEN = f"ak-attack-{uuid.uuid4().hex}"


def _source(folder: Path) -> Path:
    """The fixture with a stricter hidden test: the exact title, not the title up to case."""
    nb = gen.read_notebook(FIXTURE)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "q-title":
            cell.source = ("check.title(title)\n### BEGIN HIDDEN TESTS\n"
                           "assert isinstance(title, str) and title == article.title\n### END HIDDEN TESTS")
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / NAME)
    return folder


def _submission(title: str = TITLE, paragraphs: str = PARAGRAPHS, before: str = "") -> nbformat.NotebookNode:
    """The exercise with these answer cells; ``before`` is a cell of the learner's own after the setup."""
    nb = gen.exercise_notebook(gen.read_notebook(FIXTURE), name=NAME)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid == "q-title-answer":
            cell.source = title
        elif gid == "q-paragraphs-answer":
            cell.source = paragraphs
    if before:
        index = next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == "setup")
        extra = nbformat.v4.new_code_cell(before)
        extra["id"] = "learner-extra"
        nb.cells.insert(index + 1, extra)
    return nb


def _write(path: Path, nb) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _steal_solution(paths: list[str]) -> str:
    """Learner code: find a solution notebook (from ak.__file__, relative paths, guesses) and run it."""
    return f'''
import json, os, pathlib
import articlekit as ak
here = pathlib.Path(ak.__file__).resolve()
def candidates():
    for p in here.parents:
        yield p / "solutions" / "{NAME}"
        yield p / "tests" / "fixtures" / "classroom" / "solutions" / "{NAME}"
    yield from map(pathlib.Path, {paths!r})
    yield pathlib.Path("../../solutions/{NAME}")
    for top in ("/work", "/home", "/tmp", "/root", "/srv", "/mnt"):
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = [d for d in dirnames if d not in ("site-packages", ".git")] if dirpath.count("/") < 7 else []
            yield from (pathlib.Path(dirpath) / f for f in filenames if f == "{NAME}")
for path in candidates():
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except Exception:
        continue
    code = "\\n".join("".join(c["source"]) for c in nb["cells"] if c.get("cell_type") == "code"
                     and c.get("metadata", {{}}).get("nbgrader", {{}}).get("solution"))
    if "BEGIN SOLUTION" in code:
        exec(code)
        break
'''


def _read_classmates(paths: list[str]) -> str:
    """Learner code: look for a classmate's notebook by its path, through /proc and the file system, and
    run its answers."""
    return f'''
import json, os, pathlib
def found():
    yield from map(pathlib.Path, {paths!r})
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            yield from (pathlib.Path(f"/proc/{{pid}}/fd/{{fd}}") for fd in os.listdir(f"/proc/{{pid}}/fd"))
        except OSError:
            pass
        for link in ("cwd", "root"):
            try:
                base = pathlib.Path(f"/proc/{{pid}}/{{link}}")
                yield from (p for p in base.glob("*/*.ipynb"))
                yield from (p for p in base.glob("*.ipynb"))
            except OSError:
                pass
    for top in ("/tmp", "/home", "/dev/shm"):
        for dirpath, dirnames, filenames in os.walk(top):
            yield from (pathlib.Path(dirpath) / f for f in filenames if f.endswith(".ipynb"))
done = set()
for path in found():
    try:
        if not path.is_file():  # a pipe would block
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
    except Exception:
        continue
    for c in nb.get("cells", []):
        src = "".join(c.get("source", ""))
        if src.startswith(("title =", "paragraph_count =")) and "..." not in src and "'Le Mali'" not in src:
            exec(src)
            done.add(src.split()[0])
    if len(done) == 2:
        break
'''


ATTACKS = {}


def attack(student: str, nb_or_maker):
    ATTACKS[student] = nb_or_maker
    return nb_or_maker


@pytest.fixture(scope="module")
def attack_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("attacks")
    source = _source(base / "source")
    subs = base / "subs"
    out = base / "out"
    out.mkdir()
    honest = _submission()
    victim_a = subs / "honest-a" / NAME
    victim_b = subs / "honest-b" / NAME
    for path in (victim_a, victim_b):
        _write(path, honest)
    _write(subs / "honest-flat__90-fixture.ipynb", honest)
    paths = [str(victim_a), str(victim_b), str(FIXTURE), str(source / NAME)]

    # --- cheating from files
    wrong = "title, paragraph_count = 'Le Mali', 1\n"
    _write(subs / "solution-reader" / NAME, _submission(wrong + _steal_solution(paths), "pass"))
    _write(subs / "classmate-reader" / NAME,
           _submission(wrong + "import time; time.sleep(2)\n" + _read_classmates(paths), "pass"))
    (subs / "solution-link").mkdir(parents=True)
    (subs / "solution-link" / NAME).symlink_to(FIXTURE)
    (subs / "folder-link").symlink_to(subs / "honest-a", target_is_directory=True)
    (subs / "link__90-fixture.ipynb").symlink_to(victim_b)
    # --- forging the record
    forge = "\n".join([
        "import json, pathlib",
        f"for p in {[str(victim_a), str(victim_b)]!r}:",
        "    try:",
        "        nb = json.loads(pathlib.Path(p).read_text())",
        "        for c in nb['cells']:",
        "            if ''.join(c['source']).startswith('title ='): c['source'] = \"title = 'Le Mali'\"",
        "        pathlib.Path(p).write_text(json.dumps(nb))",
        "    except OSError:",
        "        pass",
        f"for p in ({str(out / 'grades.csv')!r}, {str(out / 'feedback' / 'honest-a.html')!r}):",
        "    try:",
        "        pathlib.Path(p).parent.mkdir(parents=True, exist_ok=True)",
        "        pathlib.Path(p).write_text('forged')",
        "    except OSError:",
        "        pass",
    ])
    _write(subs / "tamperer" / NAME, _submission(WRONG_TITLE, WRONG_PARAGRAPHS, forge))
    detached = "\n".join([
        "import subprocess, sys",
        "code = '''",
        "import os, time",
        f"out = {str(out)!r}",
        "for _ in range(600):",
        "    time.sleep(0.5)",
        "    if os.path.exists(os.path.join(out, 'grades.csv')):",
        "        time.sleep(1)",
        "        open(os.path.join(out, 'grades.csv'), 'w').write('forged after exit')",
        "        break",
        "'''",
        f"subprocess.Popen([sys.executable, '-c', code, {TOKEN!r}], start_new_session=True,",
        "                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)",
    ])
    _write(subs / "detached" / NAME, _submission(WRONG_TITLE, WRONG_PARAGRAPHS, detached))
    recorder = "\n".join([
        "import articlekit as ak, articlekit.classroom.runtime as R",
        "fake = ak.parse_article('Monde / Le Mali\\n\\nUn paragraphe inventé, assez long pour le parseur du kit.\\n')",
        "original = R.capture",
        "def wrapped(gid, lesson, name, *args, **kwargs):",
        "    original(gid, lesson, name, *args, article=fake, **kwargs)",
        "    from IPython.display import display",
        "    from articlekit.classroom import answers",
        f"    display({{{MIMETYPE!r}: {{'grade_id': gid, 'name': name, 'answer': answers.encode(args[0]),",
        "              'args': answers.encode(list(args)), 'kwargs': answers.encode({'article': fake})}}, raw=True)",
        "R.capture = wrapped",
    ])
    _write(subs / "recorder-kwargs" / NAME, _submission(WRONG_TITLE, "paragraph_count = 1", recorder))
    # --- tampering in the kernel: assert switched off; the title is right only up to case
    transformer = "\n".join([
        "import ast",
        "class NoAssert(ast.NodeTransformer):",
        "    def visit_Assert(self, node):",
        "        return ast.Pass()",
        "get_ipython().ast_transformers.append(NoAssert())",
    ])
    _write(subs / "ast-transformer" / NAME,
           _submission("title = article.title.upper()", PARAGRAPHS, transformer))
    # --- killing or hanging the run
    _write(subs / "kill-parent" / NAME,
           _submission(TITLE, "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"))
    _write(subs / "kill-all" / NAME, _submission(WRONG_TITLE, "import os, signal\nos.kill(-1, signal.SIGKILL)"))
    _write(subs / "huge-range" / NAME, _submission('title = {"Birame Diop": range(10**13)}',
                                                   "paragraph_count = range(10**13)"))
    flood = "\n".join([
        "from IPython.display import display",
        "import articlekit.classroom.runtime as R",
        "def flood(*args, **kwargs):",
        "    for i in range(40):",
        f"        display({{{MIMETYPE!r}: {{'grade_id': 'q-title', 'name': 'title', 'answer': 'x' * 3_900_000}}}}, raw=True)",
        "R.capture = flood",
    ])
    _write(subs / "display-flood" / NAME, _submission(WRONG_TITLE, WRONG_PARAGRAPHS, flood))
    fork = ("import os, time\nfor _ in range(2000):\n    try:\n        if os.fork() == 0:\n"
            "            time.sleep(60)\n            os._exit(0)\n    except OSError:\n        break")
    _write(subs / "fork-bomb" / NAME, _submission(WRONG_TITLE, WRONG_PARAGRAPHS, fork))
    # --- careless inputs
    (subs / "dev-zero").mkdir()
    (subs / "dev-zero" / NAME).symlink_to("/dev/zero")
    (subs / "fifo").mkdir()
    os.mkfifo(subs / "fifo" / NAME)
    (subs / "too-large").mkdir()
    with (subs / "too-large" / NAME).open("wb") as handle:
        handle.truncate(21_000_000)
    _write(subs / LONG / NAME, honest)
    _write(subs / "=2+5" / NAME, honest)
    _write(subs / "twice" / NAME, honest)
    _write(subs / "twice" / "again" / NAME, honest)

    files = [p for p in subs.rglob("*") if p.is_file() and not p.is_symlink()]
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    start = time.monotonic()
    done = subprocess.run(
        [str(BIN / "articlekit"), "grade", str(subs), "--out", str(out), "--source", str(source),
         "--jobs", "2", "--timeout", "60", "--notebook-timeout", "120", "--max-output", "200000",
         "--check-timeout", "20", "--quiet"],
        capture_output=True, text=True, timeout=900)
    seconds = time.monotonic() - start
    survivors = _alive(TOKEN)
    time.sleep(3)  # the detached writer, had it survived, would have forged grades.csv by now
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    text = (out / "grades.csv").read_text(encoding="utf-8") if (out / "grades.csv").exists() else ""
    rows = list(csv.DictReader(text.splitlines()))
    return {"done": done, "rows": rows, "text": text, "out": out, "before": before, "after": after,
            "survivors": survivors, "seconds": seconds, "subs": subs, "source": source, "paths": paths}


def _alive(token: str) -> list[str]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if token.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
        except OSError:
            continue
    return found


def _row(run, student, notebook="90-fixture"):
    matches = [r for r in run["rows"] if r["student"] == student and r["notebook"] == notebook]
    assert len(matches) == 1, (student, run["rows"])
    return matches[0]


def _points(row) -> tuple[str, str, str]:
    return row["q-title"], row["q-paragraphs"], row["total"]


HONEST = ["honest-a", "honest-b", "honest-flat", LONG, "'=2+5"]


def test_the_run_completes_and_every_submission_has_a_row(attack_run):
    done = attack_run["done"]
    assert done.returncode == 0, done.stderr[-3000:]
    students = {r["student"] for r in attack_run["rows"]}
    expected = {p.name for p in attack_run["subs"].iterdir() if p.is_dir() or p.is_symlink()} - {
        "link__90-fixture.ipynb"}
    expected = {("'" + s if s.startswith("=") else s) for s in expected} | {"honest-flat", "link"}
    assert students == expected
    assert len(attack_run["rows"]) == len(expected) + 1  # "twice" handed in two notebooks


@pytest.mark.parametrize("student", HONEST)
def test_honest_students_keep_full_marks(attack_run, student):
    row = _row(attack_run, student)
    assert _points(row) == ("1", "2", "3") and row["status"] == "ok", row


@pytest.mark.parametrize("student, status", [
    ("solution-reader", "ok"),       # solutions/ is not in the sandbox, from ak.__file__ or anywhere
    ("classmate-reader", "ok"),      # neither other submissions (nor their sandboxes through /proc)
    ("solution-link", "symlink"),    # a link to the solution is never followed
    ("folder-link", "symlink"),      # nor a student folder that is a link
    ("link", "symlink"),             # nor a flat file that is a link to a classmate's
    ("tamperer", "ok"),              # the classmates' files and --out are not in the sandbox
    ("detached", "ok"),
    ("recorder-kwargs", "ok"),       # recorded keyword arguments are ignored
    ("kill-all", "sandbox-died"),
    ("huge-range", "ok"),            # refused when decoded, never expanded
    ("display-flood", "output-too-large"),
    ("dev-zero", "symlink"),
    ("fifo", "not-a-file"),
    ("too-large", "too-large"),
])
def test_each_attack_scores_nothing_and_gets_its_status(attack_run, student, status):
    row = _row(attack_run, student, "" if student == "folder-link" else "90-fixture")
    assert row["total"] == "0" and row["status"] == status, row


def test_fork_bomb_scores_nothing(attack_run):
    assert _row(attack_run, "fork-bomb")["total"] == "0"


def test_killing_the_parent_ends_only_that_sandbox(attack_run):
    row = _row(attack_run, "kill-parent")
    # the title was answered before the kill and was reported; the rest died with the sandbox
    assert row["status"] == "sandbox-died" and _points(row) == ("1", "0", "1"), row


def test_the_grader_runs_the_hidden_tests_whatever_the_kernel_did_to_assert(attack_run):
    row = _row(attack_run, "ast-transformer")
    assert _points(row) == ("0", "2", "2") and row["status"] == "ok", row
    page = (attack_run["out"] / "feedback" / "ast-transformer.html").read_text(encoding="utf-8")
    assert "failed the teacher&#x27;s further tests" in page or "further tests" in page


def test_no_submission_file_changed(attack_run):
    assert attack_run["before"] == attack_run["after"]
    assert len(attack_run["before"]) >= 15


def test_nothing_outlives_the_run_and_the_report_is_the_graders(attack_run):
    assert attack_run["survivors"] == []
    assert "forged" not in attack_run["text"] and attack_run["text"].startswith("student,id,notebook,")
    pages = list((attack_run["out"] / "feedback").iterdir())
    assert all("forged" not in p.read_text(encoding="utf-8") for p in pages)
    assert not [p for p in attack_run["out"].rglob("*") if p.name.startswith(".") and p.suffix == ".tmp"]


def test_odd_names_get_safe_ids_and_stay_text_in_the_csv(attack_run):
    long_row = _row(attack_run, LONG)
    assert long_row["id"] != LONG and len(long_row["id"]) <= 64
    assert (attack_run["out"] / "feedback" / f"{long_row['id']}.html").exists()
    formula = _row(attack_run, "'=2+5")
    assert formula["id"].replace("-", "").replace("_", "").isalnum()
    assert "\n'=2+5," in attack_run["text"] and "\n=2+5" not in attack_run["text"]
    page = (attack_run["out"] / "feedback" / f"{formula['id']}.html").read_text(encoding="utf-8")
    assert "Feedback for =2+5" in page
    pages = {p.stem for p in (attack_run["out"] / "feedback").iterdir()}
    assert pages == {r["id"] for r in attack_run["rows"]}


def test_two_submissions_of_one_notebook_are_both_graded_and_flagged(attack_run):
    rows = [r for r in attack_run["rows"] if r["student"] == "twice"]
    assert len(rows) == 2 and {r["status"] for r in rows} == {"duplicate"} and {r["total"] for r in rows} == {"3"}


def test_the_attacks_are_real_without_the_sandbox(attack_run, tmp_path):
    """Without bubblewrap, reading the solution and a classmate's notebook would score (so the tests above mean
    something), which is why grading refuses to run without it unless told ``--unsafe-no-sandbox``."""
    source = attack_run["source"] / NAME
    assignment = load_assignment(source)
    limits = Limits(cell_timeout=20, notebook_timeout=90)
    for student in ("solution-reader", "classmate-reader"):
        path = tmp_path / student / NAME
        path.parent.mkdir()
        shutil.copy(attack_run["subs"] / student / NAME, path)
        grade = grade_notebook(path, assignment, limits=limits, sandbox=False)
        assert grade.total == 3, (student, grade)


def test_killing_the_parent_with_one_job(tmp_path):
    subs = tmp_path / "subs"
    _write(subs / "honest" / NAME, _submission())
    _write(subs / "killer" / NAME, _submission(WRONG_TITLE, "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"))
    _write(subs / "zz-honest" / NAME, _submission())
    out = tmp_path / "out"
    done = subprocess.run([str(BIN / "articlekit"), "grade", str(subs), "--out", str(out), "--source",
                           str(FIXTURE.parent), "--jobs", "1", "--timeout", "20", "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {r["student"]: r for r in csv.DictReader((out / "grades.csv").open(encoding="utf-8"))}
    assert rows["killer"]["status"] == "sandbox-died" and rows["killer"]["total"] == "0"
    assert rows["honest"]["total"] == rows["zz-honest"]["total"] == "3"
