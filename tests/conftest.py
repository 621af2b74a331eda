"""Fixtures shared by the unit tests."""

import pytest

import articlekit as ak


@pytest.fixture(scope="session", autouse=True)
def analysis_cache(tmp_path_factory):
    """Analyses of texts other than the seed are cached in a temporary folder, never in the home folder.

    Set in ``os.environ`` so that the interpreters and kernels the tests start use it too.
    """
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("articlekit-cache")
        patch.setenv("ARTICLEKIT_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def article():
    """The seed article, parsed once per test process.

    Its spaCy analysis (``doc``, ``tokens``, ``entities``) is the one stored
    with the kit (``articlekit/data/analysis/``): reading it loads no model.
    """
    return ak.load_article()
