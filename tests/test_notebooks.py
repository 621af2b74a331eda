"""The lesson conventions every notebook follows, checked on the committed files.

nbval checks that the notebooks run and give their stored outputs; these tests
check their shape: names, first and last cells, one setup cell, links that
resolve, outputs stored after a restart-and-run-all, and the article never
pasted into a notebook (it is always loaded from ``seeds/``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))
GLOSSARY = ROOT / "notebooks" / "glossary.md"
SEED = next((ROOT / "seeds").glob("*.txt"))
NAME = re.compile(r"^\d\d-[a-z0-9]+(?:-[a-z0-9]+)*(?:\.fr)?\.ipynb$")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def _ids(paths):
    return [f"{p.parent.name}/{p.name}" for p in paths]


def test_there_is_a_first_lesson():
    assert (ROOT / "notebooks" / "00-start-here.ipynb").exists()


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS + EXERCISES, ids=_ids(LESSONS + SOLUTIONS + EXERCISES))
def test_name_is_sortable_and_first_cell_is_the_title(path):
    assert NAME.match(path.name), f"{path.name}: lessons are named NN-slug.ipynb"
    cells = _load(path)["cells"]
    assert cells[0]["cell_type"] == "markdown"
    assert _source(cells[0]).startswith("# "), "the first cell starts with '# Title'"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=_ids(LESSONS + SOLUTIONS))
def test_objectives_level_time_and_key_points(path):
    cells = _load(path)["cells"]
    opening = "\n".join(_source(c) for c in cells[:2] if c["cell_type"] == "markdown").lower()
    french = path.name.endswith(".fr.ipynb")
    if french:   # the French edition says the same in French (docs/translating.md, the glossary of terms)
        assert "à la fin de" in opening, "objectives come first"
        assert re.search(r"\bniveau\b", opening) and re.search(r"\bdurée\b", opening)
    else:
        assert "by the end" in opening or "objectives" in opening, "objectives come first"
        assert re.search(r"\blevel\b", opening), "the level is stated at the top"
        assert re.search(r"\btime\b", opening), "the time is stated at the top"
    last = cells[-1]
    assert last["cell_type"] == "markdown" and ("l’essentiel" if french else "key points") in _source(last).lower()


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=_ids(LESSONS + SOLUTIONS))
def test_one_setup_cell_loads_the_article_from_the_seed(path):
    loads = [c for c in _load(path)["cells"]
             if c["cell_type"] == "code" and "ak.load_article(" in _source(c)]
    assert len(loads) == 1, "one setup cell loads the article"
    assert "ak.load_article()" in _source(loads[0]), "the setup cell loads the seed"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS + EXERCISES, ids=_ids(LESSONS + SOLUTIONS + EXERCISES))
def test_the_article_is_never_pasted(path):
    # Any 60 characters of a body line of the seed, found in a cell source, means pasted text.
    body = [line.replace("\xa0", " ").strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    chunks = {line[i:i + 60] for line in body if len(line) > 200 for i in range(0, len(line) - 60, 60)}
    sources = "\n".join(_source(c).replace("\xa0", " ") for c in _load(path)["cells"])
    pasted = [c for c in chunks if c in sources]
    assert not pasted, f"{path.name} pastes the article: {pasted[0]!r}"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=_ids(LESSONS + SOLUTIONS))
def test_committed_after_restart_and_run_all(path):
    code = [c for c in _load(path)["cells"] if c["cell_type"] == "code" and _source(c).strip()]
    counts = [c.get("execution_count") for c in code]
    assert counts == list(range(1, len(code) + 1)), "run it with Restart Kernel and Run All before committing"


@pytest.mark.parametrize("path", EXERCISES, ids=_ids(EXERCISES))
def test_exercises_have_no_outputs(path):
    for cell in _load(path)["cells"]:
        if cell["cell_type"] == "code":
            assert not cell["outputs"] and cell.get("execution_count") is None


def _anchors(markdown: str) -> set[str]:
    ids = set(re.findall(r'<a\s+(?:id|name)="([^"]+)"', markdown))
    for heading in re.findall(r"^#+\s+(.+)$", markdown, flags=re.M):
        # GitHub's slug; JupyterLab keeps case and only swaps spaces, so explicit anchors are safer.
        ids.add(re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-"))
        ids.add(heading.strip().replace(" ", "-"))
    return ids


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS + EXERCISES, ids=_ids(LESSONS + SOLUTIONS + EXERCISES))
def test_links_resolve(path):
    glossary = GLOSSARY.read_text(encoding="utf-8") if GLOSSARY.exists() else ""
    anchors = _anchors(glossary)
    french = GLOSSARY.with_name("glossary.fr.md")
    anchors_fr = _anchors(french.read_text(encoding="utf-8")) if french.exists() else set()
    for cell in _load(path)["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for target in LINK.findall(_source(cell)):
            if re.match(r"^[a-z]+://", target) or target.startswith("#"):
                continue
            file, _, anchor = target.partition("#")
            assert (path.parent / file).exists() or (ROOT / "notebooks" / file).exists(), \
                f"{path.name}: link to missing {file}"
            if file.endswith("glossary.md") and anchor:
                assert anchor in anchors, f"{path.name}: glossary has no entry #{anchor}"
            if file.endswith("glossary.fr.md") and anchor:
                assert anchor in anchors_fr, f"{path.name}: the French glossary has no entry #{anchor}"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS + EXERCISES, ids=_ids(LESSONS + SOLUTIONS + EXERCISES))
def test_no_run_timestamps_are_stored(path):
    # Timestamps change at every run: they would make every re-run a diff and stale the exercises.
    for cell in _load(path)["cells"]:
        assert "execution" not in cell.get("metadata", {}), "run with `make notebooks` (no timing metadata)"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=_ids(LESSONS + SOLUTIONS))
def test_every_figure_has_alt_text_in_the_notebooks_language(path):
    """A figure is shown with ak.show_figure: its output keeps a sentence that says what it shows."""
    for index, cell in enumerate(_load(path)["cells"]):
        if cell["cell_type"] != "code":
            continue
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" not in data:
                continue
            text = data.get("text/plain", "")
            text = text if isinstance(text, str) else "".join(text)
            assert text.startswith("[figure] ") and len(text.split()) >= 6, \
                f"{path.name} cell {index}: show the figure with ak.show_figure(fig, alt)"
            assert "plt.show()" not in _source(cell), f"{path.name} cell {index}: plt.show() draws it twice"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=_ids(LESSONS + SOLUTIONS))
def test_figures_use_colour_blind_safe_colours(path):
    """Colours come from ak.PALETTE / ak.colours (Okabe–Ito), never matplotlib's default red/green pairs."""
    for index, cell in enumerate(_load(path)["cells"]):
        source = _source(cell) if cell["cell_type"] == "code" else ""
        bad = re.findall(r"tab:\w+|tab10|cm\.tab|(?<!PALETTE\[)['\"](?:red|green|lime)['\"]", source)
        assert not bad, f"{path.name} cell {index}: {bad[0]} — use ak.PALETTE or ak.colours(n)"


@pytest.mark.parametrize("path", SOLUTIONS, ids=_ids(SOLUTIONS))
def test_teacher_notes_hold_no_section_of_the_assignment(path):
    """The learner's copy drops teacher-note cells whole: a heading inside one would vanish with it."""
    for index, cell in enumerate(_load(path)["cells"]):
        if "teacher-note" in cell.get("metadata", {}).get("tags", []):
            headings = [h for h in re.findall(r"^#{1,3} .*$", _source(cell), re.M)
                        if not re.search(r"teacher note|note pour le professeur|notes pour le professeur", h, re.I)]
            assert not headings, f"{path.name} cell {index}: end the note (+++) before {headings[0]!r}"


@pytest.mark.parametrize("path", EXERCISES, ids=_ids(EXERCISES))
def test_exercises_hold_no_teacher_note(path):
    for cell in _load(path)["cells"]:
        assert "teacher-note" not in cell.get("metadata", {}).get("tags", [])
        assert not re.search(r"teacher note|note pour le professeur|réponse modèle|model answer", _source(cell), re.I)


FICHE_STAGES = ("mise en route", "compréhension globale", "compréhension détaillée", "langue", "production")


@pytest.mark.parametrize("path", [p for p in LESSONS if p.name[:2] in ("01", "02", "03", "04")],
                         ids=_ids([p for p in LESSONS if p.name[:2] in ("01", "02", "03", "04")]))
def test_every_lesson_walks_the_five_stages_of_a_fiche(path):
    """Mise en route → compréhension globale → compréhension détaillée → langue → production, in order,
    each a section heading of its own, and the last one asks the learner to write."""
    cells = _load(path)["cells"]
    headings = [h.lower() for c in cells if c["cell_type"] == "markdown"
                for h in re.findall(r"^##+ .*$", _source(c), re.M)]
    firsts = []
    for stage in FICHE_STAGES:
        found = [i for i, h in enumerate(headings) if stage in h]
        assert found, f"{path.name}: no section for « {stage} »"
        firsts.append(found[0])
    assert firsts == sorted(firsts), f"{path.name}: the stages are out of order"
    assert "commentaire du professeur" in "\n".join(_source(c) for c in cells).lower(), \
        f"{path.name}: the production task has no slot for the teacher's comment"
