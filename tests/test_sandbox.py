"""The grading sandbox (bubblewrap), the killable judge and bounded answers, one piece at a time.

End-to-end attacks on a whole grading run are in ``test_grading_attacks.py``.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
import sys
import uuid
from pathlib import Path

import nbformat
import pytest

import articlekit as ak
from articlekit.classroom import answers, judge, sandbox
from articlekit.classroom.assignment import CheckCell, load_assignment
from articlekit.classroom.batch import grade_notebook, read_submission
from articlekit.classroom.generate import read_notebook
from articlekit.classroom.runtime import MIMETYPE

ROOT = Path(__file__).resolve().parents[1]
FIX_SOLUTIONS = ROOT / "tests" / "fixtures" / "classroom" / "solutions"
FIXTURE = FIX_SOLUTIONS / "90-fixture.ipynb"
FAST = sandbox.Limits(cell_timeout=10, notebook_timeout=60, max_output_bytes=200_000, check_timeout=5)

pytestmark = pytest.mark.sandbox  # skipped where bubblewrap cannot run (tests/conftest.py)

_CAPTURE = "__import__('articlekit.classroom.runtime', fromlist=['capture']).capture"


def _run(*sources: str, record=None, limits=FAST, **kw) -> sandbox.Execution:
    """Run code cells in a sandbox; answers are recorded in cells ``record`` (default: the last)."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    cells = {len(sources) - 1} if record is None else set(record)
    return sandbox.run_notebook(nb, name="probe.ipynb", record_cells=cells, limits=limits, **kw)


def _answer(execution: sandbox.Execution, index: int):
    (record,) = execution.records[index]
    return answers.decode(record["answer"])


# --------------------------------------------------------------------------- what the sandbox shows
PROBE = r"""
import os, sys, socket, resource, pathlib, json
import articlekit as ak
package = pathlib.Path(ak.__file__).parent
checkout = package.parents[1]
def listing(p):
    try:
        return sorted(os.listdir(p))
    except OSError as e:
        return type(e).__name__
def can_write(p):
    try:
        with open(p, "a"):
            return True
    except OSError:
        return False
def connects(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        return True
    except OSError:
        return False
status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
facts = {
    "uid": os.getuid(), "euid": os.geteuid(), "ppid": os.getppid(),
    "cap_eff": status["CapEff"].strip(), "no_new_privs": status["NoNewPrivs"].strip(),
    "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
    "root": listing("/"), "checkout": listing(str(checkout)), "package_parent": listing(str(package.parent)),
    "solutions": (checkout / "solutions").exists(), "tests": (checkout / "tests").exists(),
    "home": str(pathlib.Path.home()), "cwd": os.getcwd(), "cwd_files": listing("."),
    "grader_home": listing(GRADER_HOME),
    "write_package": can_write(ak.__file__), "write_seed": can_write(str(ak.seed_path())),
    "write_home": can_write("notes.txt"),
    "connects": connects(PORT),
    "env": sorted(os.environ),
    "rlimits": {n: resource.getrlimit(getattr(resource, "RLIMIT_" + n))[0] for n in ("AS", "NPROC", "FSIZE", "CPU")},
    "article": ak.load_article().title,
    "hidden": open(package / "data" / "corrections-sample.json", encoding="utf-8").read(),
}
answer = json.dumps(facts)
"""


@pytest.fixture(scope="module")
def inside(tmp_path_factory):
    """Facts gathered by learner code inside one sandbox, while a server listens on the host's loopback."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    old_env = os.environ.get("ARTICLEKIT_CANARY")
    os.environ["ARTICLEKIT_CANARY"] = "grader-secret"
    old_hidden = sandbox.TEACHER_ONLY
    sandbox.TEACHER_ONLY = ("data/corrections-sample.json",)  # as a teacher-only file would be
    try:
        code = PROBE.replace("GRADER_HOME", repr(os.path.expanduser("~"))).replace("PORT", str(port))
        execution = _run(code, f"{_CAPTURE}('probe', '00-start-here', 'x', answer)")
    finally:
        sandbox.TEACHER_ONLY = old_hidden
        server.close()
        if old_env is None:
            os.environ.pop("ARTICLEKIT_CANARY", None)
        else:
            os.environ["ARTICLEKIT_CANARY"] = old_env
    assert execution.statuses == (), execution
    import json

    return json.loads(_answer(execution, 1))


def test_learner_code_runs_unprivileged_in_its_own_pid_namespace(inside):
    assert inside["uid"] != 0 and inside["euid"] != 0 and inside["cap_eff"] == "0000000000000000"
    assert inside["no_new_privs"] == "1"
    # its parent is the executor inside the sandbox, never the grader; only the sandbox's processes exist
    assert inside["ppid"] not in (os.getpid(), os.getppid()) and inside["ppid"] < 10
    assert len(inside["pids"]) < 10 and max(inside["pids"]) < 100


def test_only_the_environment_and_the_learner_files_are_visible(inside):
    package = Path(ak.__file__).resolve().parent
    assert not inside["solutions"] and not inside["tests"]
    # the checkout shows only what is bound from it: the package (and the venv, the seeds when inside it)
    allowed = {p.name for p in (Path(sys.prefix), package.parent, ak.seed_path().parent)
               if package.parents[1] in p.parents}
    assert isinstance(inside["checkout"], list) and set(inside["checkout"]) <= allowed
    assert inside["package_parent"] == ["articlekit"] or Path(sys.prefix) in package.parents
    assert set(inside["root"]) <= {"bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "etc", "proc", "dev",
                                   "tmp", "home", "root", "work", "opt", "srv", "var", "mnt"} | {
        p.parts[1] for p in (Path(sys.prefix), Path(sys.base_prefix), package) if len(p.parts) > 1}
    assert inside["home"] == "/home/learner" and inside["cwd"] == "/home/learner"
    assert "probe.ipynb" in inside["cwd_files"]
    home = Path(os.path.expanduser("~"))
    seen = inside["grader_home"]
    # the grader's home holds at most the path to the interpreter (pyenv...), never its files
    on_the_way = {p.relative_to(home).parts[0] for p in map(Path, (sys.prefix, sys.base_prefix)) if home in p.parents}
    assert not isinstance(seen, list) or set(seen) <= on_the_way
    assert not isinstance(seen, list) or len(seen) < len(os.listdir(home)) or not seen
    assert inside["article"] == ak.load_article().title


def test_nothing_outside_the_working_folder_is_writable_and_there_is_no_network(inside):
    assert not inside["write_package"] and not inside["write_seed"] and inside["write_home"]
    assert not inside["connects"]  # the host's loopback is not the sandbox's


def test_the_grader_environment_does_not_leak(inside):
    assert "ARTICLEKIT_CANARY" not in inside["env"]
    grader_only = set(os.environ) - set(sandbox._environment("/home/learner", "/tmp")) - {"PWD", "TERM"}
    assert not grader_only & set(inside["env"])


def test_resource_limits_are_set_before_the_kernel_starts(inside):
    limits = inside["rlimits"]
    assert limits["AS"] == FAST.memory_bytes and limits["FSIZE"] == FAST.max_file_bytes
    assert 0 < limits["NPROC"] <= FAST.max_processes + (0 if os.geteuid() == 0 else 100_000)
    assert 0 < limits["CPU"] < 10 * FAST.notebook_timeout


def test_teacher_only_files_are_hidden(inside):
    assert inside["hidden"] == ""
    assert (Path(ak.__file__).parent / "data" / "corrections-sample.json").read_text(encoding="utf-8")  # still there outside


def _alive_with(token: str) -> list[str]:
    """PIDs of the processes whose command line holds ``token``."""
    alive = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if token.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                alive.append(pid)
        except OSError:
            continue
    return alive


def test_every_process_dies_with_the_sandbox():
    token = f"ak-survivor-{uuid.uuid4().hex}"
    code = ("import subprocess, sys\n"
            f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)', {token!r}], "
            "start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
            "answer = 1")
    execution = _run(code, f"{_CAPTURE}('probe', '00-start-here', 'x', answer)")
    assert _answer(execution, 1) == 1
    assert _alive_with(token) == []


def test_a_sandbox_started_ahead_runs_one_notebook_then_is_gone():
    token = f"ak-ahead-{uuid.uuid4().hex}"
    started = sandbox.Started(FAST, warm=("articlekit", "pandas"))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import os, sys, subprocess\n"
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)', {token!r}])\n"
        "answer = [os.getcwd(), sorted(os.listdir('.')), 'pandas' in sys.modules]"),
        nbformat.v4.new_code_cell(f"{_CAPTURE}('probe', '00-start-here', 'x', answer)")])
    execution = started.run(nb, name="first.ipynb", record_cells={1})
    # its own fresh folder holds only this notebook; the kernel was warmed before it came
    cwd, files, warmed = _answer(execution, 1)
    assert (cwd, [f for f in files if not f.startswith(".")], warmed) == (sandbox.WORKDIR, ["first.ipynb"], True)
    with pytest.raises(RuntimeError, match="one notebook"):
        started.run(nb, name="second.ipynb", record_cells={1})
    assert started.proc.poll() is not None and _alive_with(token) == []


def test_a_sandbox_imports_what_it_is_told_ahead_and_nothing_else():
    # a batch of assignments that never plot: no pandas, no pyplot; a module missing here is skipped
    started = sandbox.Started(FAST, warm=("articlekit", "colorsys", "no_such_module_for_articlekit"))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import sys\nanswer = [m in sys.modules for m in ('articlekit', 'colorsys', 'pandas', 'matplotlib.pyplot')]"),
        nbformat.v4.new_code_cell(f"{_CAPTURE}('probe', '00-start-here', 'x', answer)")])
    execution = started.run(nb, name="first.ipynb", record_cells={1})
    assert (execution.statuses, execution.errors) == ((), {}), execution
    assert _answer(execution, 1) == [True, True, False, False]


def test_a_sandbox_started_ahead_and_never_used_leaves_nothing():
    with sandbox.Started(FAST) as started:
        assert started.proc is not None and started.proc.poll() is None
    # bwrap was killed and reaped: every process of its namespace died with it (--die-with-parent)
    assert started.proc.poll() is not None and not Path(f"/proc/{started.proc.pid}").exists()


def test_the_time_limit_counts_from_the_notebook_not_from_the_start_ahead():
    import time

    started = sandbox.Started(sandbox.Limits(cell_timeout=10, notebook_timeout=2, check_timeout=5))
    time.sleep(2.5)  # waiting for its notebook, longer than the notebook's limit, is not the learner's time
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("answer = 3"),
                                         nbformat.v4.new_code_cell(f"{_CAPTURE}('probe', '00-start-here', 'x', answer)")])
    execution = started.run(nb, name="late.ipynb", record_cells={1})
    assert execution.statuses == () and _answer(execution, 1) == 3


def test_in_a_batch_each_submission_gets_a_fresh_sandbox(tmp_path):
    """A submission started ahead shares nothing with the one before it: files, modules, variables."""
    from articlekit.classroom import generate as gen
    from articlekit.classroom.batch import grade_submissions

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(FIXTURE, src / FIXTURE.name)
    exercise = gen.exercise_notebook(read_notebook(FIXTURE), name=FIXTURE.name)
    leave = nbformat.v4.new_code_cell(
        "import os, sys, builtins\nopen('left-behind.txt', 'w').write('x')\nopen('/tmp/left-behind', 'w').write('x')\n"
        "sys.modules['left_behind'] = sys\nbuiltins.LEFT_BEHIND = 1\nos.environ['LEFT_BEHIND'] = '1'")
    # the right title only when nothing of the notebook before is to be seen
    look = ("import os, sys, builtins\n"
            "clean = not (os.path.exists('left-behind.txt') or os.path.exists('/tmp/left-behind')\n"
            "             or 'left_behind' in sys.modules or hasattr(builtins, 'LEFT_BEHIND') or 'LEFT_BEHIND' in os.environ)\n"
            "title = article.title if clean else 'left behind'")
    subs = tmp_path / "subs"
    for i in range(4):
        nb = nbformat.reads(nbformat.writes(exercise), as_version=4)
        if i % 2 == 0:
            nb.cells.insert(1, leave)
        else:
            next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q-title-answer").source = look
        (subs / f"s{i}").mkdir(parents=True)
        nbformat.write(nb, subs / f"s{i}" / FIXTURE.name)
    for jobs in (1, 2):
        grades, _ = grade_submissions(subs, src, jobs=jobs, limits=FAST, progress=False)
        assert [g.status for g in grades] == ["ok"] * 4, grades
        titles = [next(e.status for e in g.exercises if e.grade_id == "q-title") for g in grades]
        assert titles == ["unanswered", "passed", "unanswered", "passed"], grades


def test_a_killed_executor_is_sandbox_died_and_keeps_what_it_reported():
    code = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"
    execution = _run("answer = 5", f"{_CAPTURE}('probe', '00-start-here', 'x', answer)", code, "pass", record={1})
    assert execution.statuses == ("sandbox-died",) and "died" in execution.detail
    assert _answer(execution, 1) == 5


def test_output_caps_count_display_records_too():
    flood = ("from IPython.display import display\n"
             f"for i in range(40):\n    display({{{MIMETYPE!r}: {{'grade_id': 'probe', 'name': 'x', "
             "'answer': 'x' * 3_900_000}}, raw=True)")
    limits = sandbox.Limits(cell_timeout=30, notebook_timeout=90, max_output_bytes=1_000_000, max_record_bytes=2_000_000)
    execution = _run(f"{_CAPTURE}('probe', '00-start-here', 'x', 7)", flood, record={0, 1}, limits=limits)
    assert execution.statuses == ("output-too-large",)
    assert _answer(execution, 0) == 7
    assert execution.records.get(1, []) == []  # the flood kept nothing


# --------------------------------------------------------------------------- refusing to run without it
@pytest.mark.sandbox(needed=False)
def test_without_bubblewrap_grading_refuses_in_one_line(monkeypatch, tmp_path, capsys):
    from articlekit.cli import main

    monkeypatch.setattr(sandbox, "BWRAP", str(tmp_path / "no-such-bwrap"))
    with pytest.raises(sandbox.SandboxUnavailable) as info:
        sandbox.require_sandbox()
    message = str(info.value)
    assert "\n" not in message and sandbox.UNSAFE_FLAG in message and "your files" in message
    subs = tmp_path / "subs" / "alice"
    subs.mkdir(parents=True)
    shutil.copy(FIXTURE, subs / FIXTURE.name)
    out = tmp_path / "out"
    assert main(["grade", str(subs.parent), "--source", str(FIX_SOLUTIONS), "--quiet", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and sandbox.UNSAFE_FLAG in err and "Traceback" not in err
    assert not (out / "grades.csv").exists()
    assert main(["check", str(subs / FIXTURE.name), "--source", str(FIX_SOLUTIONS)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and sandbox.UNSAFE_FLAG in err
    with pytest.raises(sandbox.SandboxUnavailable):
        grade_notebook(FIXTURE, load_assignment(FIXTURE), limits=FAST)


@pytest.mark.sandbox(needed=False)
def test_without_bubblewrap_a_learners_self_check_runs_and_says_so_once(monkeypatch, tmp_path, capsys):
    from articlekit.cli import main

    monkeypatch.setattr(sandbox, "BWRAP", str(tmp_path / "no-such-bwrap"))
    damaged = tmp_path / "01-reading.ipynb"
    damaged.write_text("{")
    assert main(["check", str(damaged)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a readable notebook" in err and "cannot run here" not in err
    mine = tmp_path / "mine" / "04-critical-reading.ipynb"
    mine.parent.mkdir()
    shutil.copy(ROOT / "exercises" / mine.name, mine)
    assert main(["check", str(mine), "--timeout", "60"]) == 1  # run, unanswered
    out = capsys.readouterr()
    assert out.err.count("bubblewrap cannot run here") == 1 and sandbox.UNSAFE_FLAG in out.err
    assert "Not answered yet" in out.out and "Traceback" not in out.out + out.err


@pytest.mark.sandbox(needed=False)
def test_unsafe_no_sandbox_still_grades(monkeypatch, tmp_path, capsys):
    from articlekit.cli import main

    monkeypatch.setattr(sandbox, "BWRAP", str(tmp_path / "no-such-bwrap"))
    subs = tmp_path / "subs" / "alice"
    subs.mkdir(parents=True)
    shutil.copy(FIXTURE, subs / FIXTURE.name)
    out = tmp_path / "out"
    assert main(["grade", str(subs.parent), "--source", str(FIX_SOLUTIONS), "--quiet", "--out", str(out),
                 "--unsafe-no-sandbox", "--timeout", "20"]) == 0
    assert "WITHOUT a sandbox" in capsys.readouterr().out
    assert "alice,alice,90-fixture,1,2,3,3,ok" in (out / "grades.csv").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- careless inputs
def test_read_submission_refuses_links_devices_pipes_and_huge_files(tmp_path):
    link = tmp_path / "link.ipynb"
    link.symlink_to(FIXTURE)
    zero = tmp_path / "zero.ipynb"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.ipynb"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.ipynb"
    with huge.open("wb") as handle:
        handle.truncate(21_000_000)  # sparse: nothing is written
    assert read_submission(link)[1] == "symlink" and read_submission(zero)[1] == "symlink"
    assert read_submission(fifo)[1] == "not-a-file"  # and it did not block
    assert read_submission(huge)[1] == "too-large"
    assert read_submission(tmp_path / "missing.ipynb")[1] == "invalid-notebook"
    nb, problem = read_submission(FIXTURE)
    assert problem == "" and nb.cells


# --------------------------------------------------------------------------- bounded answers
@pytest.mark.parametrize("text", [
    '{"$range": [0, 10000000000000, 1]}',
    '{"$dict": [["Birame Diop", {"$range": [0, 10000000000000, 1]}]]}',
    "[" * 50_000 + "]" * 50_000,
    "[" + ",".join(["0"] * 300_000) + "]",
    "1" * 5000,
    '{"$range": ["0", "1", "1"]}',
    '{"$dataclass": "os:system", "fields": {}}',
    '{"$dict": 5}',
])
def test_decode_refuses_what_would_expand_or_is_not_plain(text):
    with pytest.raises(answers.NotPlainData):
        answers.decode(text)


def test_decode_keeps_small_values_exact():
    value = {"Birame Diop": range(3), "x": [(1, 2)], "s": {"a"}}
    assert answers.decode(answers.encode(value)) == value


# --------------------------------------------------------------------------- the judge
class _Ran:
    """An execution in which cell 0 ran and recorded ``records``."""

    def __init__(self, records):
        self.ran, self.timeouts, self.errors = {0}, set(), {}
        self.records = {0: records}


def test_judge_reads_only_the_answer_never_keyword_arguments(article):
    fake = ak.parse_article("Monde / Le Mali\n\nUn paragraphe inventé pour ce test, assez long pour le parseur.\n")
    forged = {"grade_id": "q", "name": "title", "answer": answers.encode("Le Mali"),
              "kwargs": answers.encode({"article": fake}), "args": answers.encode(["Le Mali"], )}
    right = {"grade_id": "q", "name": "title", "answer": answers.encode(article.title)}
    check = CheckCell("q", 1.0, "check.title(title)", ("title",), ((),))
    with judge.JudgeWorker(article, ["00-start-here"]) as worker:
        assert judge.judge_exercise(check, "00-start-here", _Ran([forged]), 0, worker, 30)[0] == "failed"
        assert judge.judge_exercise(check, "00-start-here", _Ran([right]), 0, worker, 30) == ("passed", "")


def test_a_check_past_its_time_limit_is_check_timeout_and_the_worker_recovers(article):
    slow = CheckCell("q", 1.0, "", (), (), hidden="while True:\n    pass", hidden_inputs=())
    names = {"grade_id": "q", "kind": "names", "values": {}, "missing": [], "not_plain": []}
    quick = CheckCell("q", 1.0, "", (), (), hidden="assert 1 + 1 == 2", hidden_inputs=())
    with judge.JudgeWorker(article, ["00-start-here"]) as worker:
        assert judge.judge_exercise(slow, "00-start-here", _Ran([names]), 0, worker, 2)[0] == "check-timeout"
        assert judge.judge_exercise(quick, "00-start-here", _Ran([names]), 0, worker, 30) == ("passed", "")
        assert worker.restarts == 1


def test_a_slow_hidden_test_is_check_timeout_end_to_end(tmp_path):
    nb = read_notebook(FIXTURE)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q-paragraphs")
    cell.source = "check.paragraph_count(paragraph_count)\n### BEGIN HIDDEN TESTS\nwhile True:\n    pass\n### END HIDDEN TESTS"
    source = tmp_path / "src" / FIXTURE.name
    source.parent.mkdir()
    nbformat.write(nb, source)
    # 2 s: the fixture's checks take milliseconds, and the loop burns a core until it is killed
    grade = grade_notebook(source, load_assignment(source), limits=dataclasses.replace(FAST, check_timeout=2))
    by = {e.grade_id: e for e in grade.exercises}
    assert by["q-title"].status == "passed" and by["q-paragraphs"].status == "check-timeout"
    assert grade.total == 1 and "check-timeout" in grade.statuses


def test_hidden_tests_run_in_the_grader_over_recorded_values(article):
    check = CheckCell("q", 1.0, "", ("title",), ((),), hidden="assert title == article.title", hidden_inputs=("title",))

    def records(title):
        return [{"grade_id": "q", "kind": "names", "values": {"title": answers.encode(title)}},
                {"grade_id": "q", "name": "title", "answer": answers.encode(title)}]

    with judge.JudgeWorker(article, ["00-start-here"]) as worker:
        assert judge.judge_exercise(check, "00-start-here", _Ran(records(article.title)), 0, worker, 30)[0] == "passed"
        # same text up to case passes the visible check; the teacher's exact test fails it, whatever the kernel did
        upper = records(article.title.upper())
        assert judge.judge_exercise(check, "00-start-here", _Ran(upper), 0, worker, 30)[0] == "hidden-tests"
        missing = [r for r in upper if r.get("kind") != "names"]
        assert judge.judge_exercise(check, "00-start-here", _Ran(missing), 0, worker, 30)[0] == "hidden-tests"


def test_learner_code_cannot_reach_the_teachers_key():
    """ak.reference() and teacher/keys/ exist in the grader's checkout, never inside a sandbox."""
    code = r"""
import json, pathlib
import articlekit as ak
from articlekit import keys
checkout = pathlib.Path(ak.__file__).resolve().parents[2]
try:
    ak.reference(ak.load_article())
    outcome = "read the key"
except keys.KeyMissing as error:
    outcome = "KeyMissing"
answer = json.dumps({"outcome": outcome, "teacher": (checkout / "teacher").exists(),
                     "keys": str(keys.key_dir()), "sample": len(ak.sample_key(ak.load_article())) > 0})
"""
    assert ak.reference(ak.load_article())          # the grader itself has the key
    execution = _run(code, f"{_CAPTURE}('probe', '00-start-here', 'x', answer)")
    assert execution.statuses == (), execution
    import json

    seen = json.loads(_answer(execution, 1))
    assert seen == {"outcome": "KeyMissing", "teacher": False, "keys": "None", "sample": True}


def test_matplotlib_reads_the_graders_font_list_and_lists_no_fonts_itself():
    """Each sandbox starts with the font list the grader built once (0.3 s of CPU less per notebook).

    The kernel imported matplotlib before the notebook ran: had it listed the fonts itself, its
    cache would hold a list it wrote, not the grader's read-only one.
    """
    code = r"""
import json, os
import matplotlib
from matplotlib import font_manager
folder = matplotlib.get_cachedir()
answer = json.dumps({"cache": sorted(os.listdir(folder)), "fonts": len(font_manager.fontManager.ttflist) > 0,
                     "list_writable": any(os.access(os.path.join(folder, n), os.W_OK) for n in os.listdir(folder)),
                     "folder_writable": os.access(folder, os.W_OK)})
"""
    execution = _run(code, f"{_CAPTURE}('probe', '00-start-here', 'x', answer)")
    assert execution.statuses == (), execution
    import json

    from matplotlib import font_manager

    seen = json.loads(_answer(execution, 1))
    assert seen == {"cache": [f"fontlist-v{font_manager.FontManager.__version__}.json"], "fonts": True,
                    "list_writable": False, "folder_writable": True}


def test_the_judge_runs_checks_with_the_garbage_collector_on(article):
    """The judge starts with the collector off (it only imports then); what it judges runs with it on."""
    check = CheckCell("q", 1.0, "", (), (), hidden="import gc\nassert gc.isenabled()", hidden_inputs=())
    names = {"grade_id": "q", "kind": "names", "values": {}, "missing": [], "not_plain": []}
    with judge.JudgeWorker(article, ["00-start-here"]) as worker:
        assert judge.judge_exercise(check, "00-start-here", _Ran([names]), 0, worker, 30)[0] == "passed"
