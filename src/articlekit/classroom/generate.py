"""Make the learners' ``exercises/`` from the teachers' ``solutions/``.

A solution notebook is the single source of an assignment.  The exercise is
made with nbgrader's own preprocessors, in the order ``nbgrader
generate_assignment`` uses them (``LockCells``, ``ClearSolutions``,
``ClearOutput``, ``ClearHiddenTests``, ``ComputeChecksums``), plus two steps of
the kit:

* every solution region becomes a *stub* that keeps the notebook runnable top
  to bottom: ``name = ...  # YOUR CODE HERE`` for each name the region assigns
  (read from the region's syntax tree), so "Run All" shows "not answered yet"
  for each exercise instead of a ``NameError``;
* check cells get the ``raises-exception`` tag, so Run All goes past a check
  that fails, and kit data is written to ``metadata.articlekit`` (nbgrader
  refuses extra keys in ``metadata.nbgrader``).

The output is deterministic: the same solutions give the same bytes.

Examples
--------
>>> print(stub_for("title = article.title\\ncount = len(article.paragraphs)"))
title = ...  # YOUR CODE HERE
count = ...  # YOUR CODE HERE
"""

from __future__ import annotations

import ast
import copy
import hashlib
import re
import textwrap
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import atomic_write

__all__ = [
    "ExerciseError",
    "GenerationReport",
    "exercise_notebook",
    "generate_exercises",
    "lesson_slug",
    "notebook_bytes",
    "read_notebook",
    "stub_for",
]

BEGIN_SOLUTION = "### BEGIN SOLUTION"
END_SOLUTION = "### END SOLUTION"
STUB_COMMENT = "# YOUR CODE HERE"
_PLACEHOLDER = "__ARTICLEKIT_STUB__"
_LESSON_CALL = re.compile(r"""checks\.lesson\(\s*["']([^"']+)["']""")


class ExerciseError(ValueError):
    """A solution notebook that cannot become an exercise; the message names the file."""


@dataclass(frozen=True)
class GenerationReport:
    """What :func:`generate_exercises` did (or would do, with ``check=True``).

    Attributes
    ----------
    written : tuple of Path
        Exercises written (or that differ from a regeneration, when checking).
    unchanged : tuple of Path
        Exercises already identical to a regeneration.
    orphans : tuple of Path
        Exercises whose solution is missing (never deleted automatically).
    """

    written: tuple[Path, ...]
    unchanged: tuple[Path, ...]
    orphans: tuple[Path, ...]

    @property
    def up_to_date(self) -> bool:
        return not self.written and not self.orphans


# ---------------------------------------------------------------------------
# Stubs
# ---------------------------------------------------------------------------
def _assigned_names(statements: list[ast.stmt]) -> tuple[list[str], bool]:
    """Names bound by statements (outside nested functions), and whether one returns."""
    names: list[str] = []
    returns = False

    def target(node: ast.AST) -> None:
        if isinstance(node, ast.Name):
            if node.id not in names:
                names.append(node.id)
        elif isinstance(node, (ast.Tuple, ast.List)):
            for elt in node.elts:
                target(elt)
        elif isinstance(node, ast.Starred):
            target(node.value)

    def walk(body: list[ast.stmt]) -> None:
        nonlocal returns
        for st in body:
            if isinstance(st, ast.Assign):
                for t in st.targets:
                    target(t)
            elif isinstance(st, ast.AnnAssign) and st.value is not None:
                target(st.target)
            elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                target(ast.Name(st.name))
            elif isinstance(st, ast.Return):
                returns = True
            elif isinstance(st, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith)):
                walk(st.body)
                walk(getattr(st, "orelse", []))
            elif isinstance(st, ast.Try) or type(st).__name__ == "TryStar":
                walk(st.body)
                for h in st.handlers:
                    walk(h.body)
                walk(st.orelse)
                walk(st.finalbody)
            elif type(st).__name__ == "Match":
                for case in st.cases:
                    walk(case.body)
            # expressions, imports, augmented assignments: nothing to stub
    walk(statements)
    return names, returns


def stub_for(region: str, *, nested: bool = False, keep: set[str] | None = None) -> str:
    """The stub that replaces one solution region.

    Parameters
    ----------
    region : str
        The code between ``### BEGIN SOLUTION`` and ``### END SOLUTION``.
    nested : bool
        True when the region is indented inside a block (a function body):
        a region that returns becomes ``return ...  # YOUR CODE HERE``.
    keep : set of str, optional
        Only these names get a stub: the names the rest of the notebook uses
        (checks, later cells).  The solution's own helper names would give
        its route away, and nothing needs them.

    Returns
    -------
    str
        One ``name = ...  # YOUR CODE HERE`` line per name the region assigns
        (in order of first assignment), else ``...  # YOUR CODE HERE``.

    Examples
    --------
    >>> stub_for("a, b = 1, 2")
    'a = ...  # YOUR CODE HERE\\nb = ...  # YOUR CODE HERE'
    >>> stub_for("return len(text.split())", nested=True)
    'return ...  # YOUR CODE HERE'
    >>> stub_for("MOIS = {}\\nday = 6\\nwhen = day", keep={"when"})
    'when = ...  # YOUR CODE HERE'
    """
    code = textwrap.dedent(region)
    # IPython magics and shell escapes are not Python: leave them out of the parse.
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in code.split("\n"))
    try:
        tree = ast.parse(code)
        names, returns = _assigned_names(tree.body)
    except SyntaxError:
        try:  # `return` outside a function is a syntax error at top level
            tree = ast.parse("def _f():\n" + textwrap.indent(code, "    "))
            names, returns = _assigned_names(tree.body[0].body)  # type: ignore[attr-defined]
        except SyntaxError:
            names, returns = [], False
    if keep is not None:
        names = [name for name in names if name in keep]
    if nested and returns:
        return f"return ...  {STUB_COMMENT}"
    if names and not nested:
        return "\n".join(f"{name} = ...  {STUB_COMMENT}" for name in names)
    return f"...  {STUB_COMMENT}"


def _names_used_outside_solutions(cells) -> set[str]:
    """Every name read by the notebook's code outside its solution regions."""
    used: set[str] = set()
    for cell in cells:
        if cell.cell_type != "code":
            continue
        kept, inside = [], False
        for line in cell.source.split("\n"):
            if BEGIN_SOLUTION in line:
                inside = True
            elif END_SOLUTION in line:
                inside = False
            elif not inside and not line.lstrip().startswith(("%", "!")):
                kept.append(line)
        code = textwrap.dedent("\n".join(kept))
        try:
            used |= {n.id for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Name)}
        except SyntaxError:  # a fragment (e.g. an indented body): keep every word
            used |= set(re.findall(r"[A-Za-z_]\w*", code))
    return used


def _solution_regions(source: str) -> list[tuple[str, bool]]:
    """(region text, nested?) for each solution region of a cell's source."""
    regions: list[tuple[str, bool]] = []
    current: list[str] | None = None
    nested = False
    for line in source.split("\n"):
        if BEGIN_SOLUTION in line:
            current, nested = [], bool(re.match(r"\s+", line))
        elif END_SOLUTION in line and current is not None:
            regions.append(("\n".join(current), nested))
            current = None
        elif current is not None:
            current.append(line)
    return regions


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------
def read_notebook(path: Path):
    """Read a notebook, raising :class:`ExerciseError` naming the file on bad input."""
    import nbformat

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ExerciseError(f"{path}: not a readable notebook ({exc.__class__.__name__}: {exc})") from None
    try:
        with warnings.catch_warnings():
            # a cell without an id gets a stable one below: no warning on stderr for it
            warnings.simplefilter("ignore")
            nb = nbformat.reads(text, as_version=4)
            problem = _shape_problem(nb)
            if problem is None:
                _ensure_ids(nb, path.stem)
                nbformat.validate(nb)
    except Exception as exc:  # noqa: BLE001 - any damage in the file becomes one clear error
        # nbformat raises jsonschema errors, KeyError, TypeError... on damaged JSON
        first = " ".join(str(exc).split())[:200]
        raise ExerciseError(f"{path}: not a readable notebook ({exc.__class__.__name__}: {first})") from None
    if problem is not None:
        raise ExerciseError(f"{path}: not a readable notebook ({problem})")
    return nb


def _shape_problem(nb: Any) -> str | None:
    """What is wrong with the notebook's structure, or None (before ids and validation)."""
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        return "no list of cells"
    for i, cell in enumerate(nb["cells"], 1):
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw"):
            return f"cell {i} is not a code, markdown or raw cell"
        if not isinstance(cell.get("source", ""), str) or not isinstance(cell.get("metadata", {}), dict):
            return f"cell {i} has a malformed source or metadata"
        if not isinstance(cell.get("metadata", {}).get("nbgrader", {}), dict):
            return f"cell {i}: metadata.nbgrader is not an object"
    return None


def _ensure_ids(nb, stem: str) -> None:
    """Give cells stable ids when missing (nbformat would invent random ones)."""
    used = {c.get("id") for c in nb.cells if c.get("id")}
    if nb.nbformat_minor < 5:
        nb.nbformat_minor = 5
    for i, cell in enumerate(nb.cells):
        if not cell.get("id"):
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            base = grade_id or hashlib.sha1(f"{stem}:{i}:{cell.source}".encode()).hexdigest()[:8]
            cid, n = base, 1
            while cid in used:
                cid, n = f"{base}-{n}", n + 1
            used.add(cid)
            cell["id"] = cid


def lesson_slug(nb, default: str) -> str:
    """The lesson a notebook checks against: ``metadata.articlekit.lesson``, the
    ``ak.checks.lesson("...")`` call of its setup cell, or ``default``."""
    meta = nb.metadata.get("articlekit", {})
    if isinstance(meta, dict) and meta.get("lesson"):
        return str(meta["lesson"])
    for cell in nb.cells:
        if cell.cell_type == "code":
            m = _LESSON_CALL.search(cell.source)
            if m:
                return m.group(1)
    return default


def is_check_cell(cell) -> bool:
    """A graded code cell that is not an answer: an exercise's check."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


#: Tag of a solution cell that holds a teacher note: a model answer and what to look for.
#: The generator drops these cells, so they live in ``solutions/`` only.
TEACHER_NOTE = "teacher-note"


def exercise_notebook(solution, *, name: str = "notebook", source_label: str | None = None):
    """The learner's version of one solution notebook (a new notebook object).

    Parameters
    ----------
    solution : nbformat.NotebookNode
        The solution notebook (not modified).
    name : str
        Its file name, for error messages.
    source_label : str, optional
        Where it came from, written to ``metadata.articlekit.generated_from``.

    Raises
    ------
    ExerciseError
        When nbgrader rejects the cell metadata or a solution region is broken.
    """
    from nbgrader.preprocessors import (
        CheckCellMetadata, ClearHiddenTests, ClearOutput, ClearSolutions, ComputeChecksums,
        LockCells,
    )

    nb = copy.deepcopy(solution)
    # teacher notes (model answers, what to look for) are the teacher's: never in the learner's copy
    nb.cells = [cell for cell in nb.cells if TEACHER_NOTE not in cell.metadata.get("tags", [])]
    keep = _names_used_outside_solutions(nb.cells)
    stubs: list[str] = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("solution"):
            continue
        regions = _solution_regions(cell.source)
        if regions:
            stubs.extend(stub_for(text, nested=nested, keep=keep) for text, nested in regions)
        else:  # the whole cell is the answer
            stubs.append(stub_for(cell.source, keep=keep))
    steps = [
        CheckCellMetadata(),
        LockCells(),
        ClearSolutions(code_stub={"python": _PLACEHOLDER}),
        ClearOutput(),
        ClearHiddenTests(),
    ]
    resources: dict[str, Any] = {}
    try:
        for step in steps:
            nb, resources = step.preprocess(nb, resources)
    except Exception as exc:  # nbgrader raises plain RuntimeError/ValidationError
        raise ExerciseError(f"{name}: nbgrader cannot make an exercise: {exc}") from None

    stub_iter = iter(stubs)
    for cell in nb.cells:
        if cell.cell_type == "code" and _PLACEHOLDER in cell.source:
            lines = []
            for line in cell.source.split("\n"):
                if line.strip() == _PLACEHOLDER:
                    indent = line[: len(line) - len(line.lstrip())]
                    lines.extend(indent + s for s in next(stub_iter).split("\n"))
                else:
                    lines.append(line)
            cell.source = "\n".join(lines)
        if is_check_cell(cell):
            tags = list(cell.metadata.get("tags", []))
            if "raises-exception" not in tags:
                tags.append("raises-exception")
            cell.metadata["tags"] = tags
            cell.metadata["articlekit"] = {"role": "check"}
        elif cell.metadata.get("nbgrader", {}).get("solution"):
            cell.metadata["articlekit"] = {"role": "answer"}
    nb, resources = ComputeChecksums().preprocess(nb, resources)
    kit = dict(nb.metadata.get("articlekit", {}))
    kit.update({
        "lesson": lesson_slug(solution, Path(name).stem),
        "generated_from": source_label or name,
        "generated_by": "articlekit exercises (edit the solution, not this file)",
    })
    nb.metadata["articlekit"] = kit
    # The solution is paired with its MyST source; the learner's copy is a plain
    # notebook, so saving it in JupyterLab never writes a second file.
    nb.metadata.pop("jupytext", None)
    return nb


def notebook_bytes(nb) -> bytes:
    """The notebook as stable JSON (sorted keys, one-space indent, final newline)."""
    import nbformat

    text = nbformat.writes(nb)
    if not text.endswith("\n"):
        text += "\n"
    return text.encode("utf-8")


def generate_exercises(solutions_dir: Path | str = "solutions", exercises_dir: Path | str = "exercises",
                       *, check: bool = False) -> GenerationReport:
    """Write ``exercises_dir/NN-slug.ipynb`` for every ``solutions_dir/NN-slug.ipynb``.

    Parameters
    ----------
    solutions_dir, exercises_dir : path
        Where the solutions are read and the exercises written.
    check : bool
        Write nothing; report which exercises differ from a regeneration.

    Returns
    -------
    GenerationReport
        Files written (or differing), unchanged, and orphan exercises.

    Raises
    ------
    ExerciseError
        A solution nbgrader cannot turn into an exercise (nothing is written).

    Examples
    --------
    >>> report = generate_exercises("solutions", "exercises", check=True)  # doctest: +SKIP
    >>> report.up_to_date  # doctest: +SKIP
    True
    """
    solutions_dir, exercises_dir = Path(solutions_dir), Path(exercises_dir)
    if not solutions_dir.is_dir():
        raise ExerciseError(f"{solutions_dir}: no such folder of solution notebooks")
    if exercises_dir.resolve() == solutions_dir.resolve():
        # the stubs would replace the answers: the teacher's single source would be lost
        raise ExerciseError(f"{exercises_dir}: is the solutions folder; exercises must go elsewhere")
    outputs: dict[Path, bytes] = {}
    for solution_path in sorted(solutions_dir.glob("*.ipynb")):
        solution = read_notebook(solution_path)
        exercise = exercise_notebook(solution, name=solution_path.name,
                                     source_label=f"{solutions_dir.name}/{solution_path.name}")
        target = exercises_dir / solution_path.name
        if target.exists() and target.resolve() == solution_path.resolve():  # a symbolic link
            raise ExerciseError(f"{target}: is the solution {solution_path} itself (a link); "
                                "nothing written")
        outputs[target] = notebook_bytes(exercise)
    written, unchanged = [], []
    for path, data in outputs.items():
        if path.exists() and path.read_bytes() == data:
            unchanged.append(path)
            continue
        written.append(path)
        if not check:
            atomic_write(path, data)
    orphans = sorted(p for p in exercises_dir.glob("*.ipynb") if p not in outputs) if exercises_dir.is_dir() else []
    return GenerationReport(tuple(written), tuple(unchanged), tuple(orphans))
