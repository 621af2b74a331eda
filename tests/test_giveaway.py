"""No answer given away: what a lesson leaves behind must not pass its assignment's graded checks.

For each lesson, the notebook runs top to bottom in a fresh kernel; then every value left in
its namespace, and every number its outputs print, is offered to every graded check of the
matching assignment (``solutions/NN-slug.ipynb``: the cells with nbgrader ``grade: true`` that
call ``check.<name>(…)``).  None may pass: an exercise must ask the learner to do the skill
again on another part of the text, another question or another parameter.

The probe itself runs inside the lesson's kernel, so values that cannot leave it (functions,
spaCy objects) are offered too.  The kernel is the plain IPython shell the grader runs notebooks
in (:mod:`articlekit.classroom.shell`, which ``test_shell.py`` holds to what Jupyter's kernel
does), without its sandbox: it starts in a fraction of the time Jupyter's kernel takes.  Printed whole numbers up to 20 are left out of the printed
numbers (not out of the namespace): every listing of sentences or paragraphs prints them all as
indices, so offering them would test nothing but brute force.

Both editions are probed: the French lesson (``NN-slug.fr.ipynb``) prints its own words and
numbers, and must not give the French assignment away either.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Printed integers up to this are indices, not answers (see the module's docstring).
SMALL = 20
LESSONS = sorted(p.stem for p in (ROOT / "solutions").glob("[0-9]*.ipynb"))

PROBE = r'''
import types as _types
import articlekit as _ak
from articlekit.classroom.runtime import MIMETYPE as _MIMETYPE
from IPython.display import display as _display
_checker = _ak.checks.lesson(__SLUG__)
_names = __NAMES__
_numbers = __NUMBERS__
_skip = {"In", "Out", "exit", "quit", "get_ipython", "check", "_checker", "_names", "_numbers", "_skip",
         "_MIMETYPE", "_display"}
_values = [(k, v) for k, v in list(globals().items())
           if not k.startswith("_") and k not in _skip and not isinstance(v, (_types.ModuleType, type))]
_values += [(f"printed {n!r}", n) for n in _numbers]
_passes = []
for _name in _names:
    for _key, _value in _values:
        try:
            _r = _checker.result(_name, _value)
        except Exception as _e:   # the probe reports, the test decides
            _passes.append([_name, _key, "raised " + type(_e).__name__])
            continue
        if _r.ok or _r.status == "broken":
            _passes.append([_name, _key, _r.status])
_display({_MIMETYPE: {"passes": _passes}}, raw=True)
'''


def graded_checks(stem: str) -> list[str]:
    nb = nbformat.read(ROOT / "solutions" / f"{stem}.ipynb", as_version=4)
    names = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade"):
            names += re.findall(r"\bcheck\.(\w+)\(", cell.source)
    return sorted(set(names))


def printed_numbers(nb) -> list:
    numbers: set = set()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("text", "") or out.get("data", {}).get("text/plain", "")
            if isinstance(text, list):
                text = "".join(text)
            for m in re.findall(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w])", text):
                n = float(m) if "." in m else int(m)
                if isinstance(n, float) or abs(n) > SMALL:
                    numbers.add(n)
    return sorted(numbers, key=lambda n: (isinstance(n, float), n))


#: Output caps far above what any lesson prints: the probe only needs its own record back.
LIMITS = {"max_output_bytes": 10**9, "max_record_bytes": 10**8, "max_record_size": 10**8, "kernel_name": "python3"}


@pytest.mark.parametrize("stem", LESSONS)
def test_no_lesson_value_passes_a_graded_check(stem):
    from articlekit.classroom.execute import start

    lesson = ROOT / "notebooks" / f"{stem}.ipynb"
    nb = nbformat.read(lesson, as_version=4)
    names = graded_checks(stem)
    assert names, f"{stem}: no graded checks found"
    probe = (PROBE.replace("__SLUG__", repr(stem.split(".")[0])).replace("__NAMES__", repr(names))
             .replace("__NUMBERS__", repr(printed_numbers(nb))))
    cells = [c.source for c in nb.cells if c.cell_type == "code"] + [probe]
    runner, why = start(str(lesson.parent), LIMITS, warm=())
    assert runner is not None, why
    runner.record_cells = {len(cells) - 1}
    try:
        for i, source in enumerate(cells):
            cell, problem = runner.run_cell(i, source, timeout=600)
            assert problem == "" and not cell.timeout, f"{stem}: cell {i} {problem or 'timed out'}"
    finally:
        runner.close()
    assert cell.error is None and [list(r) for r in cell.records] == [["passes"]], (cell.error, cell.records)
    passes = cell.records[0]["passes"]
    assert passes == [], f"{stem}: graded checks passed by what the lesson leaves: {passes}"
