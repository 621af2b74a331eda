"""Load a source (solution) notebook into what grading needs: an :class:`Assignment`.

An assignment is plain, picklable data read once from the teacher's notebook,
before any learner code runs:

* each graded check cell (:class:`CheckCell`): its ``grade_id`` and points,
  the ``check.<name>(answer)`` calls it makes, the keyword arguments the
  *teacher* wrote in those calls (literals only: a learner's kernel never
  supplies any), and its tests -- the cell without its check calls, that is
  the ``### BEGIN HIDDEN TESTS`` block and any ``assert`` of the teacher --
  which the grader runs itself, over the values the learner's kernel
  recorded, so that nothing run in that kernel can switch them off;
* the source and the learner's version (stubs) as notebook JSON, for
  :mod:`.restore`;
* the teacher's summative tests (:func:`teacher_tests_path`): a Python
  module beside the source folder, ``teacher/tests/NN-slug.py``, whose
  function ``test_<grade_id>`` (dashes as underscores) the grader calls
  with the answers recorded for that check cell and its own article.  It is
  never in ``exercises/``, in the package or in a sandbox: reading the
  learner's kit tells nothing of it;
* the modules the source imports (:func:`source_imports`), which each
  sandbox imports before its notebook comes, as the lesson's kernel has them
  by its first exercise.

Examples
--------
>>> hidden_names("assert isinstance(title, str) and len(title) > n_min")
('n_min', 'title')
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..i18n import LANGUAGES
from .generate import is_check_cell, lesson_slug, read_notebook

__all__ = [
    "Assignment",
    "CheckCell",
    "GRADER_NAMES",
    "BEGIN_HIDDEN",
    "END_HIDDEN",
    "grade_id_of",
    "hidden_names",
    "load_assignment",
    "nbgrader_meta",
    "source_imports",
    "split_hidden",
    "teacher_test_name",
    "teacher_tests_path",
]

BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"

#: Names a hidden test reads from the grader, never from the learner's kernel.
GRADER_NAMES = frozenset({"article", "ak", "articlekit", "check"})


@dataclass(frozen=True)
class CheckCall:
    """One ``check.<name>(answer, ...)`` call of a check cell, as the teacher wrote it."""

    name: str
    kwargs: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class CheckCell:
    """One graded check cell of the source.

    ``calls`` are the check names in order; ``call_kwargs`` the teacher's
    literal keyword arguments of each call; ``hidden`` the source of the
    hidden tests run by the grader (empty when there are none) and
    ``hidden_inputs`` the learner's names those tests read.
    """

    grade_id: str
    points: float
    source: str
    calls: tuple[str, ...]
    call_kwargs: tuple[tuple[tuple[str, Any], ...], ...] = ()
    hidden: str = ""
    hidden_inputs: tuple[str, ...] = ()
    #: the teacher's summative test for this cell (a function of the teacher-only module), or ""
    teacher_test: str = ""


@dataclass(frozen=True)
class Assignment:
    """What grading needs from one source (solution) notebook, as picklable data."""

    name: str
    lesson: str
    source_json: str
    stubs_json: str
    checks: tuple[CheckCell, ...]
    #: the edition's language (``metadata.articlekit.lang``): feedback is written in it
    lang: str = "en"
    #: the teacher-only module of summative tests (its source and where it was read), or ""
    teacher_tests: str = ""
    teacher_tests_file: str = ""
    #: the modules its code cells import (:func:`source_imports`)
    imports: tuple[str, ...] = ()

    @property
    def max_points(self) -> float:
        return float(sum(c.points for c in self.checks))


def nbgrader_meta(cell) -> dict:
    """A cell's ``metadata.nbgrader`` (``{}`` when absent or malformed)."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def grade_id_of(cell) -> str | None:
    """The ``grade_id`` of a graded, solution or locked cell, else None."""
    meta = nbgrader_meta(cell)
    if meta.get("grade") or meta.get("solution") or meta.get("locked"):
        gid = meta.get("grade_id")
        return str(gid) if gid else None
    return None


def is_check_call(node: ast.AST) -> bool:
    """``check.<name>(...)``."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "check")


def _literal_kwargs(call: ast.Call) -> tuple[tuple[str, Any], ...]:
    found = []
    for kw in call.keywords:
        if kw.arg is None:  # **mapping: not a literal the grader can read
            continue
        try:
            found.append((kw.arg, ast.literal_eval(kw.value)))
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            continue
    return tuple(found)


def _check_calls(source: str) -> tuple[CheckCall, ...]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return ()
    return tuple(CheckCall(node.func.attr, _literal_kwargs(node))
                 for node in ast.walk(tree) if is_check_call(node))


def split_hidden(source: str) -> tuple[str, str, str]:
    """``(before, hidden, after)``: the text around and inside the hidden-test markers.

    >>> split_hidden("check.t(t)\\n### BEGIN HIDDEN TESTS\\nassert t\\n### END HIDDEN TESTS")
    ('check.t(t)\\n', 'assert t\\n', '')
    """
    start = source.find(BEGIN_HIDDEN)
    if start < 0:
        return source, "", ""
    body_start = source.find("\n", start)
    body_start = len(source) if body_start < 0 else body_start + 1
    end = source.find(END_HIDDEN, body_start)
    if end < 0:
        return source[:start], source[body_start:], ""
    after = source.find("\n", end)
    after = len(source) if after < 0 else after + 1
    return source[:start], source[body_start:end], source[after:]


def hidden_names(source: str) -> tuple[str, ...]:
    """The learner's names a hidden test reads (free names, minus builtins and :data:`GRADER_NAMES`)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return ()
    bound: set[str] = set()
    loaded: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
            if not isinstance(node, ast.ClassDef):
                bound.update(a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Lambda):
            bound.update(a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return tuple(sorted(n for n in loaded - bound - GRADER_NAMES if not hasattr(builtins, n)))


def source_imports(nb) -> tuple[str, ...]:
    """The modules a notebook's code cells import, sorted: ``import a.b`` and ``from a.b import c`` give ``a.b``.

    Relative imports are left out, and so are IPython's ``%`` and ``!`` lines and a cell that
    does not parse.

    >>> import nbformat
    >>> cell = "%matplotlib inline\\nimport pandas as pd\\nfrom matplotlib import pyplot as plt\\nimport articlekit as ak"
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)])
    >>> source_imports(nb)
    ('articlekit', 'matplotlib', 'pandas')
    """
    found: set[str] = set()
    for cell in nb.cells:
        if cell.get("cell_type") != "code":
            continue
        lines = [line for line in str(cell.get("source", "")).splitlines() if not line.lstrip().startswith(("%", "!"))]
        try:
            tree = ast.parse("\n".join(lines))
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
    return tuple(sorted(found))


class _DropChecks(ast.NodeTransformer):
    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        return ast.Pass() if is_check_call(node.value) else node


def _hidden_tests(source: str) -> str:
    """What the grader runs itself for a check cell: the cell without its check calls.

    That is the hidden-test block and any other teacher code of the cell (an
    nbgrader-style cell of ``assert``\\ s is all test); empty when nothing is left.
    """
    before, hidden, after = split_hidden(source)
    try:
        tree = ast.parse(before + hidden + after)
    except SyntaxError:
        return ""
    tree = ast.fix_missing_locations(_DropChecks().visit(tree))
    inert = all(isinstance(s, ast.Pass) or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
                for s in tree.body)
    return "" if inert else ast.unparse(tree)


def teacher_test_name(grade_id: str) -> str:
    """The name of the teacher's summative test of a check cell.

    >>> teacher_test_name("q-kandel-moles")
    'test_q_kandel_moles'
    """
    return "test_" + "".join(c if c.isalnum() else "_" for c in grade_id)


def teacher_tests_path(source: Path | str) -> Path | None:
    """The teacher-only module of summative tests of a source notebook, or ``None``.

    For ``solutions/01-reading.ipynb`` (and its French edition
    ``01-reading.fr.ipynb``: the answers are the same) it is
    ``teacher/tests/01-reading.py`` beside the source folder.
    """
    source = Path(source)
    path = source.resolve().parent.parent / "teacher" / "tests" / f"{source.stem.split('.')[0]}.py"
    return path if path.is_file() else None


def _teacher_tests(source: Path, grade_ids: set[str]) -> tuple[str, str, set[str]]:
    """``(module source, file, test names)``; a module that cannot be used is one clear error."""
    path = teacher_tests_path(source)
    if path is None:
        return "", "", set()
    try:
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text, filename=str(path))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as exc:
        raise ValueError(f"{path}: the teacher's tests cannot be read ({type(exc).__name__}: {exc})") from None
    names = {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}
    known = {teacher_test_name(g): g for g in grade_ids}
    unknown = sorted(names - set(known))
    if unknown:
        raise ValueError(f"{path}: {', '.join(unknown)} tests no check cell of {source.name} "
                         f"(a test is named test_<grade_id>, e.g. {sorted(known)[0] if known else 'test_q_1'})")
    return text, str(path), names


def load_assignment(path: Path | str) -> Assignment:
    """Read a source (solution) notebook into an :class:`Assignment`."""
    import nbformat

    from .generate import exercise_notebook

    path = Path(path)
    nb = read_notebook(path)
    stubs = exercise_notebook(nb, name=path.name)
    checks = []
    for cell in nb.cells:
        if not is_check_cell(cell):
            continue
        meta = nbgrader_meta(cell)
        calls = _check_calls(cell.source)
        hidden = _hidden_tests(cell.source)
        checks.append(CheckCell(
            grade_id=str(meta["grade_id"]), points=float(meta.get("points", 0) or 0), source=cell.source,
            calls=tuple(c.name for c in calls), call_kwargs=tuple(c.kwargs for c in calls),
            hidden=hidden, hidden_inputs=hidden_names(hidden) if hidden else (),
        ))
    tests, tests_file, names = _teacher_tests(path, {c.grade_id for c in checks})
    checks = [replace(c, teacher_test=teacher_test_name(c.grade_id)) if teacher_test_name(c.grade_id) in names
              else c for c in checks]
    lang = nb.metadata.get("articlekit", {}).get("lang", "en")
    return Assignment(path.stem, lesson_slug(nb, path.stem), nbformat.writes(nb), nbformat.writes(stubs),
                      tuple(checks), lang if lang in LANGUAGES else "en", tests, tests_file, source_imports(nb))
