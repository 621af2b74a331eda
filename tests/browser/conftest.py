"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session.

The server serves a temporary COPY of ``notebooks/`` and ``solutions/`` (and
whatever a test adds to it), so nothing in the repository changes. Without
``/usr/bin/chromium`` the tests are skipped with a message saying how to
install it — except when ``CI=true`` or ``ARTICLEKIT_REQUIRE_BROWSER=1``,
where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import labdriver as ld  # noqa: E402

VIEWPORT = {"width": 1280, "height": 900}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives JupyterLab in Debian's Chromium (skipped without /usr/bin/chromium)"
    )


def _missing(what: str) -> None:
    if ld.browser_required():
        pytest.fail(
            f"{what} — and CI=true or ARTICLEKIT_REQUIRE_BROWSER=1 makes this a failure, not a skip.",
            pytrace=False,
        )
    pytest.skip(what)


@pytest.fixture(scope="session")
def chromium_executable() -> Path:
    """Debian's Chromium; skip (locally) or fail (CI) when it is missing."""
    if not (ld.CHROMIUM.is_file() and shutil.which(str(ld.CHROMIUM))):
        _missing(f"Browser tests need Chromium at {ld.CHROMIUM}. Install it: {ld.INSTALL_HINT}")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing('Browser tests need Playwright for Python: pip install -e ".[test]"')
    return ld.CHROMIUM


@pytest.fixture(scope="session")
def lab_root(tmp_path_factory) -> Path:
    """The server's root: a throw-away copy of the lessons and solutions."""
    root = tmp_path_factory.mktemp("lab-root")
    ld.copy_tree([ld.REPO / "notebooks", ld.REPO / "solutions"], root)
    return root


@pytest.fixture(scope="session")
def lab(chromium_executable, lab_root, tmp_path_factory):
    """A JupyterLab server on loopback with a token; shut down by PID at the end."""
    workdir = tmp_path_factory.mktemp("jupyterlab")
    server = ld.LabServer(lab_root, workdir).start()
    try:
        yield server
    finally:
        server.stop()
        ld.ARTIFACTS.mkdir(exist_ok=True)
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        shutil.copy(server.log_path, ld.ARTIFACTS / f"jupyterlab-{worker}.log")


@pytest.fixture(scope="session")
def browser_context(chromium_executable):
    """One Chromium and one browsing context for the session (the Lab bundle is cached)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = ld.launch_chromium(pw, chromium_executable)
        context = browser.new_context(viewport=VIEWPORT)
        try:
            yield context
        finally:
            context.close()
            browser.close()


@pytest.fixture(scope="session")
def lab_page(browser_context, lab):
    """One JupyterLab tab for the session: each test opens its notebook in it."""
    tab = ld.new_lab_page(browser_context)
    try:
        yield tab
    finally:
        tab.close(run_before_unload=False)


@pytest.fixture
def page(lab_page):
    """The session's JupyterLab tab (opening the next notebook stops the previous kernels)."""
    return lab_page
