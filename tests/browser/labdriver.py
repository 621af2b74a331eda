"""Drive a real JupyterLab in Debian's Chromium with Playwright for Python.

Shared by the browser tests (``tests/browser/``) and ``tools/screenshots.py``.
Nothing here registers anything globally: the server gets its own root,
workspaces, user settings and runtime directories, all under a temporary
folder, and is shut down by its process id.

Facts this relies on (measured, see ``/work/shared/notes/jupyterlab-nbval-facts.md``):

- autosave off keeps the notebooks unchanged on disk; windowing mode ``none``
  puts every cell in the page; the news fetch off avoids a network request and
  a pop-up;
- ``/lab/tree/<path>?reset`` opens just that notebook;
- the kernel indicator can be idle before every cell is in the page, so we
  also wait for the number of code cells -- and it says "idle" next to
  "No Kernel" before the session exists (a Run All clicked then is silently
  dropped), so we also wait for a kernel name;
- reloading JupyterLab for every notebook costs seconds: after the first,
  notebooks are opened by the running application (``window.jupyterapp``,
  exposed for this server only);
- kernels outlive the page, so the server is shut down (which stops them).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path(os.environ.get("ARTICLEKIT_CHROMIUM", "/usr/bin/chromium"))
INSTALL_HINT = (
    "Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium` "
    "(never `playwright install`); or point ARTICLEKIT_CHROMIUM at a Chromium binary."
)
CHROMIUM_ARGS = [
    "--no-sandbox",  # needed when running as root (containers, CI)
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Per-server user settings: written as JupyterLab user-settings files in a
# temporary ``user_settings_dir``, so a learner's own settings never leak in
# and nothing is written to ~/.jupyter or the venv.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}

STDERR_MIME = "application/vnd.jupyter.stderr"


def browser_required() -> bool:
    """True when a missing Chromium must fail rather than skip (CI)."""
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("ARTICLEKIT_REQUIRE_BROWSER") == "1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_tree(sources: list[Path], root: Path) -> None:
    """Copy repository folders into ``root`` (the server's root), skipping checkpoints."""
    for src in sources:
        if src.exists():
            shutil.copytree(src, root / src.name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))


class LabServer:
    """A JupyterLab server on 127.0.0.1 with a token, serving ``root``.

    Use as a context manager; ``workdir`` receives settings, workspaces,
    runtime files and the server log (``jupyterlab.log``).
    """

    def __init__(self, root: Path, workdir: Path, *, startup_timeout: float = 60.0):
        self.root = Path(root)
        self.workdir = Path(workdir)
        self.token = secrets.token_hex(16)
        self.port = _free_port()
        self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen | None = None
        self.log_path = self.workdir / "jupyterlab.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def notebook_url(self, relpath: str) -> str:
        # ``reset`` drops any restored layout so only this notebook opens.
        quoted = urllib.parse.quote(relpath)
        return f"{self.base_url}/lab/tree/{quoted}?reset&token={self.token}"

    def api(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(
            f"{self.base_url}/{path.lstrip('/')}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def _write_settings(self) -> Path:
        settings = self.workdir / "user-settings"
        for plugin, values in LAB_SETTINGS.items():
            target = settings / f"{plugin}.jupyterlab-settings"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values, indent=2), encoding="utf-8")
        return settings

    def start(self) -> "LabServer":
        self.workdir.mkdir(parents=True, exist_ok=True)
        settings = self._write_settings()
        workspaces = self.workdir / "workspaces"
        workspaces.mkdir(exist_ok=True)
        env = dict(os.environ)
        env["JUPYTER_RUNTIME_DIR"] = str(self.workdir / "runtime")
        env["JUPYTERLAB_SETTINGS_DIR"] = str(settings)
        env["JUPYTERLAB_WORKSPACES_DIR"] = str(workspaces)
        # Kernels find the venv's python first (the kernelspec says "python").
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        cmd = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            f"--LabApp.workspaces_dir={workspaces}",
            f"--LabApp.user_settings_dir={settings}",
            # window.jupyterapp lets the tests open the next notebook without
            # reloading the whole application (seconds per notebook).
            "--LabApp.expose_app_in_browser=True",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            cmd, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                self.api("GET", "api/status")
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {self.startup_timeout} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def shutdown_kernels(self, *, wait: bool = True) -> None:
        """Stop every running kernel (they outlive closed pages).

        With ``wait=False`` the shutdown runs in a background thread: the
        kernels are already known, so a kernel started meanwhile is spared.
        """
        ids = [k["id"] for k in self.api("GET", "api/kernels") or []]

        def stop_all():
            for kernel_id in ids:
                try:
                    self.api("DELETE", f"api/kernels/{kernel_id}")
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass  # already gone, or the server is stopping

        if wait:
            stop_all()
        else:
            threading.Thread(target=stop_all, daemon=True).start()

    def stop(self) -> None:
        """Shut the server (and its kernels) down; by PID if it does not listen."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            self.api("POST", "api/shutdown")
        except Exception:  # noqa: BLE001 - fall through to signals
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            # Our own process group (start_new_session): the server and its kernels only.
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)

    def __enter__(self) -> "LabServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_chromium(playwright, executable: Path = CHROMIUM):
    """Debian's Chromium, headless, with no background traffic."""
    return playwright.chromium.launch(executable_path=str(executable), headless=True, args=CHROMIUM_ARGS)


# --------------------------------------------------------------------------
# The stored notebook: what a run must show
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """What a notebook's stored outputs promise a fresh run will show, per code cell."""

    may_raise: frozenset[int]  # code-cell indices tagged raises-exception
    images: tuple[int, ...]  # image/png outputs
    marks: tuple[int, ...]  # displaCy <mark> highlights in text/html outputs
    widgets: tuple[int, ...]  # widget views

    @property
    def code_cells(self) -> int:
        return len(self.images)

    @classmethod
    def from_file(cls, path: Path) -> "Expected":
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        may_raise, images, marks, widgets = set(), [], [], []
        for i, cell in enumerate(code):
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            if "raises-exception" in cell.get("metadata", {}).get("tags", []) or re.search(
                r"#\s*NBVAL_RAISES_EXCEPTION", source
            ):
                may_raise.add(i)
            n_img = n_mark = n_widget = 0
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                n_img += "image/png" in data
                n_widget += "application/vnd.jupyter.widget-view+json" in data
                html = data.get("text/html", "")
                html = "".join(html) if isinstance(html, list) else html
                n_mark += len(re.findall(r"<mark\b", html))
            images.append(n_img)
            marks.append(n_mark)
            widgets.append(n_widget)
        return cls(frozenset(may_raise), tuple(images), tuple(marks), tuple(widgets))


# --------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------

_ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"

_READY_JS = """
(n) => {
  const panel = document.querySelector('%(panel)s');
  if (!panel) return false;
  const cells = panel.querySelectorAll('.jp-CodeCell').length;
  // Before the session starts the indicator already says "idle" next to
  // "No Kernel"; commands given then are dropped, so wait for a real kernel.
  const name = (panel.querySelector('.jp-KernelName') || {}).innerText || '';
  const idle = panel.querySelector('.jp-Notebook-ExecutionIndicator[data-status="idle"]');
  return cells === n && !!idle && name.trim() !== '' && name.trim() !== 'No Kernel';
}
""" % {"panel": _ACTIVE}

# Done: nothing queued or running, the kernel idle, and at least one prompt
# numbered (right after the click nothing is queued yet).
_DONE_JS = """
() => {
  const panel = document.querySelector('%(panel)s');
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
    .map(p => p.textContent.trim());
  const busy = prompts.some(t => t.includes('*'));
  const numbered = prompts.some(t => /\\[\\d+\\]/.test(t));
  const idle = panel.querySelector('.jp-Notebook-ExecutionIndicator[data-status="idle"]');
  return !busy && numbered && !!idle;
}
""" % {"panel": _ACTIVE}

# A widget view: an output with no MIME type (ipywidgets, anywidget) holding
# a drawn Lumino widget, not the "Error displaying widget" fallback.
_WIDGET_JS = """
  const WIDGET_VIEWS = '.jp-OutputArea-output:not([data-mime-type]) > .lm-Widget';
  const isView = (v) => v.childElementCount > 0 && !/Error displaying widget/.test(v.innerText || '');
"""

_COLLECT_JS = """
() => {
%(widget_js)s
  const panel = document.querySelector('%(panel)s');
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  return [...panel.querySelectorAll('.jp-CodeCell')].map(cell => {
    const prompt = cell.querySelector('.jp-InputArea-prompt').textContent.trim();
    const outputs = [...cell.querySelectorAll('.jp-OutputArea-output')].map(o => ({
      mime: o.getAttribute('data-mime-type') || '',
      text: (o.innerText || '').slice(0, 2000),
    }));
    const images = [...cell.querySelectorAll('.jp-RenderedImage img')];
    const marks = [...cell.querySelectorAll('.jp-OutputArea-output mark')];
    const highlighted = marks.filter(m => visible(m) &&
      getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)');
    return {
      prompt,
      outputs,
      images: images.length,
      images_loaded: images.filter(i => i.complete && i.naturalWidth > 0 && visible(i)).length,
      marks: marks.length,
      highlighted: highlighted.length,
      widgets: [...cell.querySelectorAll(WIDGET_VIEWS)].filter(isView).length,
      widget_errors: [...cell.querySelectorAll('.jp-OutputArea-output')]
        .map(o => o.innerText || '').filter(t => /Error displaying widget|model not found/i.test(t)),
    };
  });
}
""" % {"panel": _ACTIVE, "widget_js": _WIDGET_JS}


@dataclass
class CellResult:
    index: int
    prompt: str
    outputs: list[dict]
    images: int
    images_loaded: int
    marks: int
    highlighted: int
    widgets: int
    widget_errors: list[str]

    @property
    def ran(self) -> bool:
        return re.fullmatch(r"\[\d+\]:?", self.prompt) is not None

    @property
    def errors(self) -> list[str]:
        return [o["text"] for o in self.outputs if o["mime"] in (STDERR_MIME, "application/vnd.jupyter.error")]


@dataclass
class Run:
    relpath: str
    cells: list[CellResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def images(self) -> int:
        return sum(c.images_loaded for c in self.cells)

    @property
    def marks(self) -> int:
        return sum(c.marks for c in self.cells)

    @property
    def highlighted(self) -> int:
        return sum(c.highlighted for c in self.cells)


def click_menu(page, menu: str, item: str) -> None:
    """Click a top menu and one of its items, as a learner would."""
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(menu)}$")).click()
    page.locator(".lm-Menu-content .lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).first.click()


def run_cell(page, index: int, timeout: float = 30_000) -> str:
    """Select code cell ``index`` (from 0), Run → Run Selected Cell; return its output text."""
    cell = page.locator(f"{_ACTIVE} .jp-CodeCell").nth(index)
    prompt = cell.locator(".jp-InputArea-prompt")
    before = prompt.inner_text().strip()
    prompt.click()
    click_menu(page, "Run", "Run Selected Cell")
    page.wait_for_function(
        """([i, before]) => {
          const cell = document.querySelectorAll('%s .jp-CodeCell')[i];
          const now = cell.querySelector('.jp-InputArea-prompt').textContent.trim();
          return now !== before && /\\[\\d+\\]/.test(now);
        }""" % _ACTIVE,
        arg=[index, before], timeout=timeout, polling=100,
    )
    return cell.locator(".jp-OutputArea").inner_text()


_STATE_JS = """
() => [...document.querySelectorAll('.jp-NotebookPanel')].map((p) => ({
  hidden: p.classList.contains('lm-mod-hidden'),
  title: (document.querySelector('.jp-mod-current .lm-TabBar-tabLabel') || {}).innerText,
  codeCells: p.querySelectorAll('.jp-CodeCell').length,
  kernel: (p.querySelector('.jp-KernelName') || {}).innerText,
  status: (p.querySelector('.jp-Notebook-ExecutionIndicator') || { dataset: {} }).dataset.status,
  dialogs: [...document.querySelectorAll('.jp-Dialog')].map((d) => d.innerText.slice(0, 200)),
}))
"""

_CLOSE_ALL_JS = """
async () => {
  // Dismiss any dialog left by a previous notebook, then close every document
  // without saving (autosave is off and nothing must reach the disk).
  for (const button of document.querySelectorAll('.jp-Dialog .jp-mod-reject')) button.click();
  const app = window.jupyterapp;
  const documents = () => [...app.shell.widgets('main')].filter((w) => w.context);
  for (const widget of documents()) {
    widget.context.model.dirty = false;
    widget.close();
  }
  // Closing goes through the document manager asynchronously.
  for (let i = 0; i < 200 && documents().length; i++) await new Promise((r) => setTimeout(r, 50));
}
"""


def new_lab_page(context, timeout: float = 30_000):
    """A tab for JupyterLab that accepts "leave this page?" prompts (unsaved runs)."""
    page = context.new_page()
    page.set_default_timeout(timeout)
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def _wait_ready(page, code_cells: int, timeout: float) -> None:
    page.wait_for_function(_READY_JS, arg=code_cells, timeout=timeout, polling=100)


def open_notebook(page, server: LabServer, relpath: str, code_cells: int, timeout: float = 60_000) -> None:
    """Open a notebook and wait for its kernel and every code cell.

    The first time, the page loads ``/lab/tree/<path>?reset``; afterwards the
    running application opens the next notebook itself (much faster than
    reloading JupyterLab), after closing the previous one -- and falls back
    to a full page load if that does not work.
    """
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    loaded = page.url.startswith(server.base_url) and page.evaluate("() => !!window.jupyterapp")
    if loaded:
        try:
            page.evaluate(_CLOSE_ALL_JS)
            server.shutdown_kernels(wait=False)
            page.evaluate(
                "async (path) => { await window.jupyterapp.commands.execute("
                "'docmanager:open', {path, factory: 'Notebook'}); }",
                relpath,
            )
            _wait_ready(page, code_cells, timeout / 2)
            return
        except PlaywrightError as err:  # TimeoutError included
            print(f"[labdriver] opening {relpath} in the running JupyterLab failed ({err.message[:200]}); "
                  "reloading the page", file=sys.stderr)
    page.goto(server.notebook_url(relpath), wait_until="domcontentloaded", timeout=timeout)
    try:
        _wait_ready(page, code_cells, timeout)
    except PlaywrightTimeout:
        state = page.evaluate(_STATE_JS)
        shot = ARTIFACTS / "failures" / (relpath.replace("/", "__") + ".png")
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot))
        raise RuntimeError(
            f"{relpath} did not become ready in {timeout / 1000:.0f} s (expected {code_cells} code cells "
            f"and an idle kernel); open panels: {state}; screenshot {shot}; server log:\n{server.log_tail(15)}"
        ) from None


def run_all(page, relpath: str, expected: Expected | None = None, timeout: float = 120_000) -> Run:
    """Clear outputs, then Run → Run All Cells; wait until nothing is queued.

    With ``expected``, also give images and widget views a moment to render
    (they appear asynchronously after their output arrives).
    """
    start = time.monotonic()
    click_menu(page, "Edit", "Clear Outputs of All Cells")
    click_menu(page, "Run", "Run All Cells")
    page.wait_for_function(_DONE_JS, timeout=timeout, polling=100)
    if expected is not None:
        _settle(page, expected)
    run = Run(relpath, seconds=time.monotonic() - start)
    run.cells = [CellResult(index=i, **c) for i, c in enumerate(page.evaluate(_COLLECT_JS))]
    return run


def _settle(page, expected: Expected, timeout: float = 10_000) -> None:
    # A shortfall is not raised here: the caller's assertions report it per cell.
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(
            """([images, widgets]) => {
              %s
              const panel = document.querySelector('%s');
              const loaded = [...panel.querySelectorAll('.jp-RenderedImage img')]
                .filter(i => i.complete && i.naturalWidth > 0).length;
              const views = [...panel.querySelectorAll(WIDGET_VIEWS)].filter(isView).length;
              return loaded >= images && views >= widgets;
            }""" % (_WIDGET_JS, _ACTIVE),
            arg=[sum(expected.images), sum(expected.widgets)], timeout=timeout, polling=100,
        )
    except PlaywrightTimeout:
        pass


def scroll_notebook_to(page, top: int) -> None:
    """Scroll the active notebook so that ``top`` (pixels) is at the top of its panel."""
    page.evaluate(
        """(top) => {
          const outer = document.querySelector('%s .jp-WindowedPanel-outer');
          if (outer) outer.scrollTop = top;
        }""" % _ACTIVE,
        top,
    )
    page.wait_for_timeout(100)


def screenshot_whole_notebook(page, path: Path, max_height: int = 16000) -> None:
    """A screenshot of the whole notebook: grow the window to its height, then shoot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size
    height = page.evaluate(
        """() => {
          const outer = document.querySelector('%s .jp-WindowedPanel-outer');
          return outer ? outer.scrollHeight : document.body.scrollHeight;
        }""" % _ACTIVE
    )
    page.set_viewport_size({"width": viewport["width"], "height": min(max_height, viewport["height"] + height)})
    page.wait_for_timeout(300)
    scroll_notebook_to(page, 0)
    page.screenshot(path=str(path))
    page.set_viewport_size(viewport)
