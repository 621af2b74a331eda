"""The examples in the docstrings run and print what they show.

Learners read the docstrings with ``?`` in JupyterLab and copy their
examples, so every module's examples are run here as doctests.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import articlekit

MODULES = sorted(["articlekit"] + [m.name for m in pkgutil.walk_packages(articlekit.__path__, "articlekit.")])


def test_every_module_is_listed():
    assert {"articlekit.parsing", "articlekit.storage", "articlekit.glossary",
            "articlekit.classroom.generate", "articlekit.checks"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an example that writes a file never writes into the repository
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True, verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) of {name} fail (see the output above)"


# The learner-facing functions (``ak.<name>``) each show an example.
PUBLIC = sorted(name for name in dir(articlekit)
                if not name.startswith("_") and callable(getattr(articlekit, name))
                and not isinstance(getattr(articlekit, name), type(articlekit))
                and not (isinstance(getattr(articlekit, name), type)
                         and issubclass(getattr(articlekit, name), Exception)))


@pytest.mark.parametrize("name", PUBLIC)
def test_public_names_have_an_example(name):
    doc = getattr(articlekit, name).__doc__ or ""
    assert ">>>" in doc, f"ak.{name} has no example in its docstring"
