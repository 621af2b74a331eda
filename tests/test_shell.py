"""The learner's kernel when grading (:mod:`articlekit.classroom.shell`): a plain IPython shell that
runs a learner's cells as Jupyter's own kernel does, and that the executor keeps to its limits.

The first test runs one table of cells, written as learners write them, in both the shell and
Jupyter's ``python3`` kernel (ipykernel through jupyter_client), and asks for the same outcome
cell by cell: the error, the time-out, the answer records, what the cell could see.
"""

from __future__ import annotations

import pytest

from articlekit.classroom.answers import decode
from articlekit.classroom.execute import JUPYTER_PYTHON, ShellRunner, start

LIMITS = {"max_output_bytes": 200_000, "max_record_bytes": 1_000_000, "max_record_size": 200_000}

RECORD = "from articlekit.classroom.runtime import capture\ncapture('q', '01-reading', 'title', {})"

#: (a cell as a learner writes it, why it is in the table). Each is followed by a cell that records
#: what the learner's code can see now, so state matters as much as errors.
CELLS = [
    ("title = 'Le Mali et le Sénégal'\nprint(title)", "a print"),
    ("title", "a cell's last value (Out, _)"),
    ("from IPython.display import Markdown, display\ndisplay(Markdown('**gras**'))", "display()"),
    ("import pandas as pd\ndf = pd.DataFrame({'mot': ['Mali', 'Sénégal'], 'n': [3, 2]})\ndf", "a DataFrame"),
    ("1 / 0", "an error"),
    ("def f(:\n    pass", "a syntax error"),
    ("    x = 1", "an indented first line (IPython dedents it)"),
    ("if True:\nprint('oui')", "an indentation error"),
    ("import sys\nsys.exit(3)", "sys.exit"),
    ("%time total = sum(range(1000))", "a line magic"),
    ("%%capture captured\nprint('hidden')", "a cell magic"),
    ("!echo bonjour", "a shell command"),
    ("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.bar(['a', 'b'], [1, 2])\nplt.show()",
     "a figure"),
    ("import warnings\nwarnings.warn('attention')", "a warning"),
    ("import ipywidgets\nslider = ipywidgets.IntSlider(3)\nslider", "a widget"),
    ("try:\n    raise KeyboardInterrupt\nexcept KeyboardInterrupt:\n    caught = True", "an interrupt caught"),
    ("raise KeyboardInterrupt", "an interrupt raised by the learner"),
    ("import threading\nthreading.Thread(target=print, args=('plus tard',)).start()", "a thread"),
    ("class Answer:\n    pass\nAnswer()", "an object without a repr"),
    ("get_ipython().run_line_magic('load_ext', 'autoreload')", "an extension"),
    ("del title\ntitle", "a NameError"),
    ("import numpy as np\nnp.arange(3).sum()", "numpy"),
    # last: after it Jupyter's kernel stops answering (the shell goes on), so only its own cell is compared
    ("name = input('Votre nom ? ')", "input, which no grader answers"),
]

STATE = RECORD.format(
    "{'names': sorted(k for k in globals() if not k.startswith('_') and k not in "
    "('In', 'Out', 'get_ipython', 'exit', 'quit', 'open', 'capture')),"
    " 'outs': sorted(Out), 'last': (repr(_)[:60] if isinstance(_, (str, int, float)) else type(_).__name__)"
    " if '_' in globals() else None,"
    " 'figures': len(__import__('matplotlib.pyplot').pyplot.get_fignums()) if 'plt' in globals() else 0,"
    " 'cwd_on_path': '' in __import__('sys').path, 'gc': __import__('gc').isenabled()}")


def _run(kernel: str, tmp_path, cells):
    workdir = tmp_path / kernel
    workdir.mkdir()
    runner, why = start(str(workdir), {**LIMITS, "kernel_name": kernel}, warm=("pandas",))
    assert runner is not None, why
    runner.record_cells = {i for i, (_, record) in enumerate(cells) if record}
    try:
        return [runner.run_cell(i, source, timeout=30)[::-1] + (runner.overflow,)
                for i, (source, _) in enumerate(cells)], runner
    finally:
        runner.close()


def _table():
    cells = []
    for source, _ in CELLS:
        cells += [(source, False), (STATE, True)]
    return cells


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kernels")
    cells = _table()
    return {kernel: _run(kernel, tmp, cells)[0] for kernel in ("python3", JUPYTER_PYTHON)}


@pytest.mark.parametrize("i", range(len(CELLS)), ids=[why for _, why in CELLS])
def test_each_cell_ends_as_in_jupyters_kernel(both, i):
    shell, jupyter = both["python3"], both[JUPYTER_PYTHON]
    for j in (2 * i, 2 * i + 1)[:1 if CELLS[i][1].startswith("input") else 2]:
        (end_s, cell_s, over_s), (end_j, cell_j, over_j) = shell[j], jupyter[j]
        assert (end_s, cell_s.error, cell_s.timeout, over_s) == (end_j, cell_j.error, cell_j.timeout, over_j)
        assert cell_s.records == cell_j.records


def test_the_table_means_something(both):
    """The errors are the ones a learner would expect, and the state cells record real values."""
    errors = {why: both["python3"][2 * i][1].error for i, (_, why) in enumerate(CELLS)}
    assert errors["an error"] == "ZeroDivisionError"
    assert errors["a syntax error"] == "SyntaxError"
    assert errors["an indentation error"] == "IndentationError"
    assert errors["sys.exit"] == "SystemExit"
    assert errors["input, which no grader answers"] == "StdinNotImplementedError"
    assert errors["a NameError"] == "NameError"
    assert errors["an interrupt raised by the learner"] == "KeyboardInterrupt"
    assert both["python3"][-1][0] == ""  # the shell answers after input() too
    assert {e for why, e in errors.items() if why not in (
        "an error", "a syntax error", "an indentation error", "sys.exit", "input, which no grader answers",
        "a NameError", "an interrupt raised by the learner")} == {None}
    first = both["python3"][1][1].records[0]["answer"]
    assert "title" in str(first) and '["gc", true]' in first  # the collector is on in the learner's cells
    figure = next(i for i, (_, why) in enumerate(CELLS) if why == "a figure")
    seen = decode(both["python3"][2 * figure + 1][1].records[0]["answer"])
    assert seen["figures"] == 0 and {"fig", "ax", "plt"} <= set(seen["names"])  # closed with its cell, as inline does


def _shell(tmp_path, cells, limits=LIMITS, timeout=3, grace=1):
    runner, why = start(str(tmp_path), {**limits, "kernel_name": "python3"}, warm=())
    assert isinstance(runner, ShellRunner), why
    runner.record_cells = {i for i, (_, record) in enumerate(cells) if record}
    out = []
    try:
        for i, (source, _) in enumerate(cells):
            cell, end = runner.run_cell(i, source, timeout=timeout, grace=grace)
            out.append((cell, end))
            if end:
                break
    finally:
        runner.close()
    return out, runner


def test_a_cell_past_its_limit_is_interrupted_and_the_next_one_runs(tmp_path):
    (loop, end), (after, end2) = _shell(tmp_path, [("while True:\n    pass", False), ("x = 1", False)])[0]
    assert (loop.error, loop.timeout, end) == ("CellTimeout", True, "")
    assert (after.error, after.timeout, end2) == (None, False, "")


def test_a_cell_that_ignores_the_interrupt_is_stuck(tmp_path):
    cells = [("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass", False),
             ("x = 1", False)]
    out, runner = _shell(tmp_path, cells)
    assert [(c.timeout, end) for c, end in out] == [(True, "kernel-stuck")]
    assert runner.proc.returncode is not None  # closed: killed


def test_a_shell_that_exits_is_kernel_died(tmp_path):
    out, _ = _shell(tmp_path, [("x = 1", False), ("import os\nos._exit(1)", False), ("y = 2", False)])
    assert [end for _, end in out] == ["", "kernel-died"]


@pytest.mark.parametrize("flood", [
    "for i in range(2000):\n    print('x' * 200)",
    "import sys\nsys.stderr.write('x' * 500_000)",
    "import os\nos.write(1, b'x' * 500_000)",               # below Python, on the file descriptor
    "import subprocess\nsubprocess.run(['head', '-c', '500000', '/dev/zero'])",  # a subprocess's output
    "from IPython.display import display\nfor i in range(50):\n    display({'text/plain': 'x' * 10_000}, raw=True)",
    "'x' * 500_000",                                          # a cell's last value
], ids=["print", "stderr", "fd", "subprocess", "display", "result"])
def test_every_kind_of_output_counts_against_the_cap(tmp_path, flood):
    out, runner = _shell(tmp_path, [(flood, False), ("x = 1", False)])
    assert [end for _, end in out] == ["", ""]
    assert runner.overflow and runner.used > LIMITS["max_output_bytes"]


def test_a_quiet_notebook_stays_under_the_cap(tmp_path):
    out, runner = _shell(tmp_path, [("print('bonjour')", False), ("1 + 1", False)])
    assert not runner.overflow and 0 < runner.used < 100


def test_records_count_only_in_record_cells_and_each_is_capped(tmp_path):
    small = RECORD.format("'Le Mali'")
    big = RECORD.format("'x' * 300_000")
    out, runner = _shell(tmp_path, [(small, True), (small, False), (big, True)])
    assert [len(c.records) for c, _ in out] == [1, 0, 0]
    assert runner.overflow  # the record too large to keep


def test_forged_frames_are_counted_and_never_held(tmp_path):
    """The learner's code can write to the shell's results pipe (its number is in sys.argv)."""
    forge = ("import os, sys, struct\nfd = int(sys.argv[-1])\n"
             "os.write(fd, struct.pack('>I', 9) + b'not json!')\n"
             "os.write(fd, struct.pack('>I', 2) + b'[]')\n")
    out, runner = _shell(tmp_path, [(forge, False), (RECORD.format("'Le Mali'"), True)])
    assert [(c.error, end, len(c.records)) for c, end in out] == [(None, "", 0), (None, "", 1)]
    huge = "import os, sys, struct\nos.write(int(sys.argv[-1]), struct.pack('>I', 2**31) + b'x' * 100_000)"
    out, runner = _shell(tmp_path, [(huge, False), ("x = 1", False)], timeout=2, grace=1)
    assert runner.overflow and len(runner.buffer) <= runner.frame_cap
    assert out[-1][1] == "kernel-stuck"  # its own cell's end was swallowed: the notebook stops there


def test_the_learners_subprocesses_get_neither_pipe(tmp_path):
    cell = RECORD.format("sorted(__import__('os').listdir('/proc/self/fd'))")
    # the subprocess lists its own descriptors: standard streams and the listing's own
    listing = RECORD.format("__import__('subprocess').run(['ls', '/proc/self/fd'], capture_output=True, "
                            "text=True).stdout.split()")
    out, _ = _shell(tmp_path, [(cell, True), (listing, True)])
    fds = decode(out[1][0].records[0]["answer"])
    assert set(map(int, fds)) <= {0, 1, 2, 3}, fds
    assert len(decode(out[0][0].records[0]["answer"])) >= 5  # the shell itself holds its two pipes


@pytest.mark.parametrize("kernel", ["python3", JUPYTER_PYTHON])
@pytest.mark.parametrize("source", ["exit()", "quit()", "get_ipython().ask_exit()"])
def test_exit_ends_the_kernel_once_its_cell_has_answered_in_both_kernels(tmp_path, kernel, source):
    # ipykernel stops its loop 0.1 s after exit(): the cell outlasts that, so the next cell cannot slip in
    cell = f"{source}\nimport time\ntime.sleep(0.5)\nafter = 1"
    out, _ = _run(kernel, tmp_path, [(cell, False), (RECORD.format("after"), True)])
    assert [(end, cell.error, cell.records) for end, cell, _ in out] == [("", None, []), ("kernel-died", None, [])]
