"""Regenerate the README screenshots from a real JupyterLab run (``make screenshots``).

For every lesson ``notebooks/NN-slug.ipynb``: start JupyterLab on a temporary
copy of ``notebooks/`` (the repository is never written, apart from the
pictures), open the lesson in Debian's Chromium, Run → Run All Cells, scroll
to the most telling part -- the annotation panel, else the first highlighted
annotation (displaCy), else the first figure, else the top -- and save the
notebook panel as ``docs/screenshots/NN-slug.png`` (stable names, about
950×710 pixels, 70–120 kB).  Every lesson also gets ``NN-slug-top.png``: its title and
objectives.

Usage::

    .venv/bin/python tools/screenshots.py [NOTEBOOK ...] [--out docs/screenshots]

Needs ``/usr/bin/chromium`` (``apt-get install -y chromium``) and the test
extra (Playwright for Python); never ``playwright install``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))

import labdriver as ld  # noqa: E402

VIEWPORT = {"width": 1280, "height": 800}
# The part of the notebook worth showing, best first.
SHOWCASE = [
    ("annotation panel", ".jp-CodeCell:has(.ak-annotator)"),
    ("highlighted annotations", ".jp-CodeCell:has(.jp-OutputArea-output mark)"),
    ("figure", ".jp-CodeCell:has(.jp-RenderedImage img)"),
]
HIDE_CHROME = """
/* Screenshots show the notebook, not the side panels. */
.jp-SideBar, #jp-left-stack, #jp-right-stack { display: none !important; }
"""


def _scroll_to_cell(page, selector: str) -> bool:
    """Put the first cell matching ``selector`` near the top of the notebook; False if none."""
    return page.evaluate(
        """(selector) => {
          const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
          const cell = panel.querySelector(selector);
          if (!cell) return false;
          const outer = panel.querySelector('.jp-WindowedPanel-outer');
          outer.scrollTop += cell.getBoundingClientRect().top - outer.getBoundingClientRect().top - 8;
          return true;
        }""",
        selector,
    )


def _shoot(page, path: Path) -> None:
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    page.wait_for_timeout(300)  # let the scroll and late renderers settle
    panel.screenshot(path=str(path))
    print(f"  wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="lesson notebooks (default: notebooks/*.ipynb)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)

    if not ld.CHROMIUM.is_file():
        print(f"Chromium not found at {ld.CHROMIUM}. {ld.INSTALL_HINT}", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    lessons = [Path(p).resolve() for p in args.notebooks] or sorted((REPO / "notebooks").glob("*.ipynb"))
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="articlekit-screenshots-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir()
        ld.copy_tree([REPO / "notebooks"], root)
        for lesson in lessons:  # a notebook given from elsewhere replaces the lesson of that name
            if lesson.parent != REPO / "notebooks":
                (root / "notebooks" / lesson.name).write_bytes(lesson.read_bytes())
        with ld.LabServer(root, Path(tmp) / "lab") as server, sync_playwright() as pw:
            browser = ld.launch_chromium(pw)
            page = ld.new_lab_page(browser.new_context(viewport=VIEWPORT))
            for lesson in lessons:
                relpath = f"notebooks/{lesson.name}"
                print(f"{relpath}:")
                expected = ld.Expected.from_file(lesson)
                ld.open_notebook(page, server, relpath, expected.code_cells)
                page.add_style_tag(content=HIDE_CHROME)
                run = ld.run_all(page, relpath, expected)
                broken = [c.index + 1 for c in run.cells if c.errors and c.index not in expected.may_raise]
                if broken:
                    print(f"  warning: code cells {broken} show errors", file=sys.stderr)
                ld.scroll_notebook_to(page, 0)
                _shoot(page, args.out / f"{lesson.stem}-top.png")
                for what, selector in SHOWCASE:
                    if _scroll_to_cell(page, selector):
                        print(f"  showing the first {what}")
                        break
                _shoot(page, args.out / f"{lesson.stem}.png")
            browser.close()
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
