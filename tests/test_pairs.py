"""Lessons as text: every notebook's MyST source and its .ipynb stay in step.

Mirrors :mod:`articlekit.classroom.pairs` and the authors' guide
(``docs/authoring.md``), whose worked example is run here on a scratch copy
of the kit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import nbformat
import pytest

from articlekit.classroom.pairs import FORMATS, Pair, find_pairs, problem, sync_pairs

ROOT = Path(__file__).resolve().parents[1]
# the French editions (NN-slug.fr.ipynb) are built from these sources, not paired (tests/test_translate.py)
NOTEBOOKS = [p for p in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
             if not p.name.endswith(".fr.ipynb")]
SOURCES = sorted((ROOT / "notebooks").glob("[0-9]*.md")) + sorted((ROOT / "solutions").glob("*.md"))
BIN = Path(sys.executable).parent
ARTICLEKIT = [sys.executable, "-m", "articlekit"]


def _ids(paths):
    return [f"{p.parent.name}/{p.name}" for p in paths]


def _copy_pairs(dest: Path) -> list[Path]:
    """Copy notebooks/ and solutions/ pairs into ``dest`` (same folder names)."""
    copied = []
    for path in NOTEBOOKS + SOURCES:
        target = dest / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        copied.append(target)
    return copied


def _touch_later(path: Path, seconds: float = 5) -> None:
    stat = path.stat()
    os.utime(path, (stat.st_atime + seconds, stat.st_mtime + seconds))


# --------------------------------------------------------------------------- the committed pairs
def test_no_builders_remain():
    assert not list((ROOT / "tools").glob("build_0*.py")), "lessons are MyST files, not builders"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_every_notebook_has_a_paired_myst_source(path):
    md = path.with_suffix(".md")
    assert md.exists(), f"{md} is missing: run `make sync`"
    header = md.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    assert header.startswith("---\njupytext:") and "format_name: myst" in header
    assert f"formats: {FORMATS}" in header
    assert nbformat.read(path, 4).metadata["jupytext"]["formats"] == FORMATS


@pytest.mark.parametrize("md", SOURCES, ids=_ids(SOURCES))
def test_every_myst_source_has_its_notebook(md):
    assert md.with_suffix(".ipynb").exists()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_committed_pairs_are_in_step(path):
    assert problem(Pair(path.parent, path.stem)) is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_outputs_stay_out_of_the_myst_source(path):
    nb = nbformat.read(path, 4)
    text = path.with_suffix(".md").read_text(encoding="utf-8")
    sources = "\n".join(c.source for c in nb.cells)
    printed = [line for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               for line in (o.get("text") or o.get("data", {}).get("text/plain", "")).splitlines()
               if len(line.strip()) > 30 and line not in sources]
    assert printed, "the notebook stores outputs"
    assert not [line for line in printed if line in text]
    assert "execution_count" not in text and '"outputs"' not in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_myst_source_gives_the_same_cells_ids_kept(path):
    text, nb = jupytext.read(path.with_suffix(".md")), nbformat.read(path, 4)
    assert [(c.cell_type, c.source, dict(c.metadata)) for c in text.cells] == \
           [(c.cell_type, c.source, dict(c.metadata)) for c in nb.cells]
    grade_ids = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if "nbgrader" in c.metadata]
    assert len(grade_ids) == len(set(grade_ids))
    assert len({c.id for c in nb.cells}) == len(nb.cells)


@pytest.mark.parametrize("newer", ["md", "ipynb"])
def test_jupytext_sync_on_the_committed_pairs_changes_no_file(tmp_path, newer):
    files = _copy_pairs(tmp_path)
    before = {p: p.read_bytes() for p in files}
    for p in files:
        if p.suffix == f".{newer}":
            _touch_later(p)
    # one jupytext run for every pair, as `jupytext --sync notebooks/*.ipynb` does
    subprocess.run([str(BIN / "jupytext"), "--sync", "--quiet", *(str(p) for p in files if p.suffix == ".ipynb")],
                   check=True, capture_output=True)
    assert {p: p.read_bytes() for p in files} == before


# --------------------------------------------------------------------------- editing one side
def _scratch_pair(tmp_path) -> Pair:
    for suffix in (".md", ".ipynb"):
        shutil.copy2(ROOT / "solutions" / f"01-reading{suffix}", tmp_path / f"01-reading{suffix}")
    return Pair(tmp_path, "01-reading")


def _run(*args, cwd):
    return subprocess.run([*ARTICLEKIT, *args], cwd=cwd, capture_output=True, text=True)


def test_an_edited_md_is_found_by_check_and_synced_into_the_ipynb(tmp_path):
    pair = _scratch_pair(tmp_path)
    old_outputs = [c.get("outputs") for c in nbformat.read(pair.ipynb, 4).cells]
    text = pair.md.read_text(encoding="utf-8")
    assert "\n## 2. Structure\n" in text
    pair.md.write_text(text.replace("\n## 2. Structure\n", "\n## 2. The structure of the article\n"),
                       encoding="utf-8")
    _touch_later(pair.md)

    checked = _run("sync", "--check", str(tmp_path), cwd=tmp_path)
    assert checked.returncode == 1
    lines = checked.stdout.strip().splitlines()
    assert len(lines) == 1 and "01-reading.md" in lines[0] and "make sync" in lines[0]

    assert _run("sync", str(tmp_path), cwd=tmp_path).returncode == 0
    nb = nbformat.read(pair.ipynb, 4)
    assert any(c.source == "## 2. The structure of the article" for c in nb.cells)
    assert [c.get("outputs") for c in nb.cells] == old_outputs, "outputs are kept"
    assert problem(pair) is None
    assert (tmp_path / "01-reading.ipynb.bak").exists(), "the replaced notebook is kept"


def test_an_edited_ipynb_is_synced_into_the_md(tmp_path):
    pair = _scratch_pair(tmp_path)
    nb = nbformat.read(pair.ipynb, 4)
    heading = next(c for c in nb.cells if c.source.startswith("## 1. "))
    heading.source = "## 1. From the scraped page to the text"
    nbformat.write(nb, pair.ipynb)
    _touch_later(pair.ipynb)
    assert problem(pair) is not None
    report = sync_pairs([pair])
    assert report.written == (pair.md,)
    assert "\n## 1. From the scraped page to the text\n" in pair.md.read_text(encoding="utf-8")
    assert problem(pair) is None


def test_a_new_md_without_a_notebook_gets_one(tmp_path):
    pair = _scratch_pair(tmp_path)
    pair.ipynb.unlink()
    assert "has no 01-reading.ipynb" in problem(pair)
    sync_pairs(find_pairs([tmp_path]))
    nb = nbformat.read(pair.ipynb, 4)
    assert nb.metadata["jupytext"]["formats"] == FORMATS
    assert problem(pair) is None


def test_unreadable_source_is_one_line_and_writes_nothing(tmp_path):
    pair = _scratch_pair(tmp_path)
    other = Pair(tmp_path, "02-other")
    shutil.copy2(pair.ipynb, other.ipynb)
    shutil.copy2(pair.md, other.md)
    text = pair.md.read_text(encoding="utf-8")
    pair.md.write_text(text.replace("nbgrader:\n  grade: false", "nbgrader: [unclosed\n  grade: false", 1),
                       encoding="utf-8")
    _touch_later(pair.md)
    sync_time = other.md.read_text(encoding="utf-8")
    other.md.write_text(sync_time.replace("## 2. Structure", "## 2. Edited"), encoding="utf-8")
    _touch_later(other.md)
    before = {p: p.read_bytes() for p in tmp_path.iterdir()}
    result = _run("sync", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "01-reading.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == before, "nothing half-done"


# --------------------------------------------------------------------------- setup cells
LESSON_STEMS = sorted(p.stem for p in (ROOT / "solutions").glob("*.md"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_setup_cell_has_one_shape(path):
    setup = next(c for c in jupytext.read(path.with_suffix(".md")).cells if c.cell_type == "code")
    lines = setup.source.splitlines()
    assert "import articlekit as ak" in lines
    assert any(re.fullmatch(r"article = ak\.load_article\(\)\s*(#.*)?", line) for line in lines)
    assert any(re.fullmatch(rf'check = ak\.checks\.lesson\("{path.stem}"\)\s*(#.*)?', line) for line in lines)


@pytest.mark.parametrize("stem", LESSON_STEMS)
def test_lesson_and_assignment_share_their_setup_cell(stem):
    first = [next(c.source for c in jupytext.read(ROOT / folder / f"{stem}.md").cells
                  if c.cell_type == "code") for folder in ("notebooks", "solutions")]
    assert first[0] == first[1]


# --------------------------------------------------------------------------- the guide's worked example
def _guide_block(name: str) -> str:
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- worked-example: {name} -->\n(`{{3,4}})(?:md|python)\n(.*?)\n\1\n", guide, re.S)
    assert match, f"docs/authoring.md has no worked-example block {name!r}"
    return match.group(2)


def test_readme_and_guide_tell_the_same_story():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    for text in (readme, guide):
        assert "make notebooks" in text and "make sync" in text and ".md" in text
        assert not re.search(r"edit[^.\n]*(notebook JSON|\.ipynb[^.\n]*by hand)", text, re.I)
        assert "tools/build_" not in text


def test_the_guides_worked_example_works_on_a_scratch_copy(tmp_path, monkeypatch):
    scratch = tmp_path / "kit"
    for folder in ("src", "solutions", "notebooks", "seeds"):
        shutil.copytree(ROOT / folder, scratch / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.bak"))
    (scratch / "exercises").mkdir()

    # Step 1: paste the exercise into the solution's MyST source, before the key points.
    md = scratch / "solutions" / "01-reading.md"
    text = md.read_text(encoding="utf-8")
    key_points = text.index("\n# Key points") if "\n# Key points" in text else text.index("\n## Key points")
    md.write_text(text[:key_points] + "\n+++\n\n" + _guide_block("exercise") + "\n\n+++\n" + text[key_points:],
                  encoding="utf-8")
    _touch_later(md)
    # Step 2: write its check function.
    checks = scratch / "src" / "articlekit" / "checks" / "reading.py"
    checks.write_text(checks.read_text(encoding="utf-8") + "\n\n" + _guide_block("check") + "\n",
                      encoding="utf-8")

    env = {**os.environ, "PYTHONPATH": str(scratch / "src")}

    def run(*args):
        result = subprocess.run([*ARTICLEKIT, *args], cwd=scratch, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    # Step 3: sync, then generate the exercises.
    assert "solutions/01-reading.ipynb: written" in run("sync", "solutions").stdout
    run("exercises")

    exercise = nbformat.read(scratch / "exercises" / "01-reading.ipynb", 4)
    answer = next(c for c in exercise.cells
                  if c.metadata.get("nbgrader", {}).get("grade_id") == "q-paragraph-count-answer")
    assert "paragraph_count = ..." in answer.source and "len(article.paragraphs)" not in answer.source
    check_cell = next(c for c in exercise.cells
                      if c.metadata.get("nbgrader", {}).get("grade_id") == "q-paragraph-count")
    assert check_cell.source.strip() == "check.paragraph_count(paragraph_count)"
    assert "jupytext" not in exercise.metadata, "the learner's copy is not paired"

    # Step 4: the check cell runs: ⏳ on the stub, ✅ on the right answer, a hint on a wrong one.
    from nbclient import NotebookClient

    setup = next(c for c in exercise.cells if c.cell_type == "code")
    wrong = nbformat.v4.new_code_cell("paragraph_count = len(article.raw.splitlines())")
    right = nbformat.v4.new_code_cell("paragraph_count = len(article.paragraphs)")
    cells = [setup, answer, check_cell, wrong, check_cell, right, check_cell]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c.source, metadata=dict(c.metadata))
                                         for c in cells],
                                  metadata=exercise.metadata)
    monkeypatch.setenv("PYTHONPATH", env["PYTHONPATH"])  # the kernel imports the scratch kit
    NotebookClient(nb, timeout=120, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(scratch / "exercises")}}).execute()

    def said(cell):
        return "".join(o.get("text", "") + o.get("evalue", "") + "".join(o.get("traceback", []))
                       for o in cell.outputs)

    assert "not answered yet" in said(nb.cells[2])
    assert "paragraphs" in said(nb.cells[4]) and "✅" not in said(nb.cells[4])
    assert "✅" in said(nb.cells[6])
