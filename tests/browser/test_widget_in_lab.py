"""The annotation panel (``ak.annotate``) used with a real mouse in JupyterLab.

A small notebook (written into the server's temporary root, never into the
repository) shows the panel; the test drags the mouse over a name, over parts
of two words, and over a quotation, clicks labels (typing a speaker for the
quotation), then reads the spans back from the kernel -- offsets, text,
speaker, and the saved file -- and finally removes one by clicking its
highlight.
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

import articlekit as ak
import labdriver as ld

pytestmark = pytest.mark.browser

NOTEBOOK = "widget-test/annotate-with-the-mouse.ipynb"
SAVED = "widget-notes.json"

SETUP = f"""\
import articlekit as ak
article = ak.load_article()
panel = ak.annotate(article, labels=["PER", "LOC", "DIRECT"], path={SAVED!r})
panel"""

REPORT = f"""\
import json, os
print(json.dumps([[s.start, s.end, s.label, s.speaker, s.text] for s in panel.annotations], ensure_ascii=False))
saved = ak.load_annotations({SAVED!r}, article).texts() if os.path.exists({SAVED!r}) else None
print("saved:", saved, "backup:", os.path.exists({SAVED!r} + ".bak"))"""


@pytest.fixture
def widget_notebook(lab):
    path = lab.root / NOTEBOOK
    path.parent.mkdir(exist_ok=True)
    nb = new_notebook(cells=[new_code_cell(SETUP), new_code_cell(REPORT)])
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, path)
    return NOTEBOOK


# Where to press and release the mouse so that the browser selects exactly
# [start, end): just inside the left edge of the first character and just
# inside the right edge of the last one.
_POINTS_JS = """
([start, end]) => {
  const segs = [...document.querySelectorAll('.ak-annotator .ak-text .ak-seg')];
  const charRect = (off) => {
    const seg = segs.find(s => +s.dataset.start <= off && off < +s.dataset.end);
    const range = document.createRange();
    const at = off - +seg.dataset.start;
    range.setStart(seg.firstChild, at);
    range.setEnd(seg.firstChild, at + 1);
    return [...range.getClientRects()].pop();
  };
  // Bring the passage to the middle of the notebook's scrolling area first.
  const outer = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
  const box = outer.getBoundingClientRect();
  outer.scrollTop += charRect(start).top - (box.top + box.height / 3);
  const first = charRect(start), last = charRect(end - 1);
  return [first.left + 1, first.top + first.height / 2, last.right - 1, last.top + last.height / 2];
}
"""


def drag_select(page, start: int, end: int) -> None:
    """Select article.text[start:end] in the panel with the mouse, as a learner would."""
    x1, y1, x2, y2 = page.evaluate(_POINTS_JS, [start, end])
    page.mouse.move(x1, y1)
    page.mouse.down()
    page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, steps=4)
    page.mouse.move(x2, y2, steps=4)
    page.mouse.up()
    # The panel reads the selection just after mouseup.
    page.wait_for_function("() => document.querySelector('.ak-selection.ak-has-selection')", timeout=5_000)


def test_select_label_and_remove_with_the_mouse(lab, page, widget_notebook):
    article = ak.load_article()
    name_start = article.text.index("Birame DIOP")
    name = (name_start, name_start + len("Birame DIOP"))
    # A quotation selected guillemets included; the panel keeps what is inside.
    quote_open = article.text.index("« hommage à la résilience")
    quote_close = article.text.index("»", quote_open) + 1
    inner = article.text[quote_open + 1 : quote_close - 1]
    inside = (quote_open + 1 + len(inner) - len(inner.lstrip()), quote_close - 1 - len(inner) + len(inner.rstrip()))
    assert article.text[inside[0]:inside[1]] == inner.strip()

    ld.open_notebook(page, lab, widget_notebook, code_cells=2)
    run = ld.run_all(page, widget_notebook)
    assert [c.errors for c in run.cells] == [[], []] and "saved: None" in run.cells[1].outputs[-1]["text"]
    panel = page.locator(".ak-annotator")
    panel.locator(".ak-seg").first.wait_for()
    # Let the whole article show, so both ends of a selection are on screen.
    page.add_style_tag(content=".ak-annotator .ak-text { max-height: none !important; }")

    drag_select(page, *name)
    assert "Birame DIOP" in panel.locator(".ak-selection").inner_text()
    panel.locator("button.ak-label[data-label='PER']").click()
    page.wait_for_function("() => /Added PER/.test(document.querySelector('.ak-status').textContent)")

    # A sloppy selection, from inside one word to inside the next: whole words are kept.
    place = article.text.index("le Sénégal doit") + len("le ")
    drag_select(page, place + 2, place + len("Sénégal doit") - 1)
    panel.locator("button.ak-label[data-label='LOC']").click()
    page.wait_for_function("() => /Added LOC/.test(document.querySelector('.ak-status').textContent)")

    drag_select(page, quote_open, quote_close)
    panel.locator(".ak-speaker input").fill("Birame Diop")
    panel.locator("button.ak-label[data-label='DIRECT']").click()
    page.wait_for_function("() => /Added DIRECT/.test(document.querySelector('.ak-status').textContent)")
    assert panel.locator(".ak-hl[data-label='PER']").count() >= 1
    ld.screenshot_whole_notebook(page, ld.ARTIFACTS / "screenshots" / "widget__annotate-with-the-mouse.png")

    lines = ld.run_cell(page, 1).strip().splitlines()
    spans = json.loads(lines[0])
    assert spans == [
        [name[0], name[1], "PER", None, "Birame DIOP"],
        [place, place + len("Sénégal doit"), "LOC", None, "Sénégal doit"],
        [inside[0], inside[1], "DIRECT", "Birame Diop", article.text[inside[0]:inside[1]]],
    ]
    assert re.search(r"saved: \['Birame DIOP', 'Sénégal doit', 'hommage.*'\] backup: True", lines[1]), lines[1]

    # Click the name's highlight, then Remove.
    panel.locator(".ak-hl[data-label='PER']").first.click()
    panel.locator(".ak-remove-button").click()
    page.wait_for_function("() => /Removed PER/.test(document.querySelector('.ak-status').textContent)")
    assert panel.locator(".ak-hl[data-label='PER']").count() == 0

    spans = json.loads(ld.run_cell(page, 1).strip().splitlines()[0])
    assert [s[2] for s in spans] == ["LOC", "DIRECT"]
