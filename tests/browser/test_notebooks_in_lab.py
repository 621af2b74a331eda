"""Every lesson and solution, run in JupyterLab in a real browser.

For each ``notebooks/*.ipynb`` and ``solutions/*.ipynb`` (found at collection
time, so a new lesson is tested without editing this file): open it in
JupyterLab, clear the outputs, Run → Run All Cells, then check what a learner
sees: every cell ran, no error output (except in cells tagged
``raises-exception``), every figure stored in the notebook is shown as an
image, every displaCy highlight is visible (and the annotating lesson has
some), every widget is displayed. A
screenshot of the whole notebook goes to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import pytest

import labdriver as ld

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(
    path.relative_to(ld.REPO).as_posix()
    for folder in ("notebooks", "solutions")
    for path in (ld.REPO / folder).glob("*.ipynb")
)


def _first_lines(text: str, n: int = 6) -> str:
    return "\n      ".join(text.strip().splitlines()[-n:])


@pytest.mark.parametrize("relpath", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(relpath, lab, page):
    # The server's copy, taken at the start of the session (the repository
    # may change meanwhile; the copy must not).
    stored = (lab.root / relpath).read_bytes()
    expected = ld.Expected.from_file(lab.root / relpath)
    ld.open_notebook(page, lab, relpath, expected.code_cells)
    run = ld.run_all(page, relpath, expected)
    # Shoot before asserting, so a failure leaves a picture of what went wrong.
    shot = ld.ARTIFACTS / "screenshots" / (relpath.replace("/", "__").removesuffix(".ipynb") + ".png")
    ld.screenshot_whole_notebook(page, shot)

    problems = []
    errors = {c.index: c.errors for c in run.cells if c.errors and c.index not in expected.may_raise}
    for index, texts in errors.items():
        problems.append(f"code cell {index + 1} shows an error:\n      " + _first_lines(texts[0]))
    if not errors:  # after an error Lab stops Run All: the cells below did not run, by design
        not_run = [c.index + 1 for c in run.cells if not c.ran]
        if not_run:
            problems.append(f"code cells {not_run} did not run (prompts: {[c.prompt for c in run.cells]})")
    for cell in run.cells:
        i = cell.index
        if cell.images_loaded != expected.images[i]:
            problems.append(
                f"code cell {i + 1}: {cell.images_loaded} image(s) shown, {expected.images[i]} stored in the notebook"
            )
        if cell.marks != expected.marks[i] or cell.highlighted != cell.marks:
            problems.append(
                f"code cell {i + 1}: {cell.highlighted} visible highlight(s) of {cell.marks} <mark>, "
                f"{expected.marks[i]} stored in the notebook"
            )
        if cell.widgets < expected.widgets[i] or cell.widget_errors:
            problems.append(
                f"code cell {i + 1}: {cell.widgets} widget view(s) shown, {expected.widgets[i]} expected "
                f"{cell.widget_errors or ''}"
            )
    if relpath.startswith("notebooks/") and "annotating" in relpath and run.highlighted == 0:
        problems.append("the annotating lesson shows no highlighted annotation (displaCy <mark>)")
    # Autosave is off: running in the browser must not have written the notebook.
    if (lab.root / relpath).read_bytes() != stored:
        problems.append("the notebook file changed on disk while it ran in JupyterLab (autosave?)")

    if problems and not (sum(expected.images) or sum(expected.marks) or sum(expected.widgets)) and run.images:
        problems.append("the stored notebook seems to have no outputs: commit it after restart-and-run-all "
                        "(`make notebooks`)")
    assert not problems, f"{relpath} in JupyterLab ({run.seconds:.1f} s, screenshot {shot}):\n  - " + "\n  - ".join(
        problems
    )
