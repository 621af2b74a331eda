"""Fixtures shared by the unit tests, and the ``sandbox`` marker."""

import os
from pathlib import Path

import pytest

import articlekit as ak

#: Set by ``.ci/run``: a test marked ``sandbox`` fails, not skips, where bubblewrap cannot run.
REQUIRE_SANDBOX = "ARTICLEKIT_REQUIRE_SANDBOX"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "sandbox: grades in bubblewrap sandboxes; skipped where bubblewrap cannot run "
                   f"(macOS, a machine without the package), a failure when {REQUIRE_SANDBOX}=1 (CI)")


def pytest_runtest_setup(item):
    # the closest mark wins: a test of a module marked ``sandbox`` that is about running without
    # bubblewrap says ``@pytest.mark.sandbox(needed=False)``
    mark = item.get_closest_marker("sandbox")
    if mark is None or not mark.kwargs.get("needed", True):
        return
    from articlekit.classroom.sandbox import SandboxUnavailable, require_sandbox

    try:
        require_sandbox()  # the grader's own one-line verdict, probed once per worker
    except SandboxUnavailable as error:
        if os.environ.get(REQUIRE_SANDBOX) == "1":
            pytest.fail(f"{error} (.ci/run installs the Debian package bubblewrap)", pytrace=False)
        pytest.skip(f"{error} (on Debian or Ubuntu: sudo apt-get install bubblewrap)")


@pytest.fixture(scope="session", autouse=True)
def analysis_cache(tmp_path_factory):
    """Analyses of texts other than the seed are cached in a test folder, never in the home folder.

    The folder ``make test`` names in ``ARTICLEKIT_CACHE_DIR`` (one for all its stages), else one
    temporary folder shared by this run's workers: a text the model analysed in one is read back in
    the others.  Entries are written atomically, so workers can share it.  Set in ``os.environ`` so
    that the interpreters and kernels the tests start use it too (sandboxed kernels never do: each
    has a cache of its own).  The tests about the cache itself use folders of their own.
    """
    configured = os.environ.get("ARTICLEKIT_CACHE_DIR", "").strip()
    if configured:
        yield Path(configured)
        return
    base = tmp_path_factory.getbasetemp()
    # xdist workers each have basetemp/popen-gwN: their parent is the run's, shared by all of them
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "articlekit-cache"
    folder.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARTICLEKIT_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def article():
    """The seed article, parsed once per test process.

    Its spaCy analysis (``doc``, ``tokens``, ``entities``) is the one stored
    with the kit (``articlekit/data/analysis/``): reading it loads no model.
    """
    return ak.load_article()
