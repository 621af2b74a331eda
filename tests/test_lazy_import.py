"""``import articlekit`` loads submodules on first use; the public names are unchanged.

Each check that looks at ``sys.modules`` runs in a fresh interpreter, since
the test session has already imported most of the kit.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

import articlekit

INIT = Path(articlekit.__file__)

#: Not loaded by a bare ``import articlekit``: the kit's heavier modules and the libraries behind them.
NOT_ON_IMPORT = ("articlekit.summarising", "articlekit.agreement", "articlekit.annotation",
                 "articlekit.widget", "articlekit.checks", "articlekit.nlp",
                 "pandas", "spacy", "matplotlib", "numpy", "anywidget", "traitlets", "IPython")


def run(code: str):
    """Run ``code`` in a fresh interpreter; it prints one JSON value."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_bare_import_loads_no_submodule_and_no_heavy_library():
    loaded = run("import json, sys, articlekit; print(json.dumps(sorted(sys.modules)))")
    assert [name for name in NOT_ON_IMPORT if name in loaded] == []
    assert [name for name in loaded if name.startswith("articlekit.")] == []


def test_a_name_loads_only_its_own_module():
    loaded = run("import json, sys, articlekit as ak; ak.load_article; print(json.dumps(sorted(sys.modules)))")
    assert "articlekit.parsing" in loaded
    assert "articlekit.summarising" not in loaded and "articlekit.agreement" not in loaded


def test_all_lists_every_name_once():
    assert len(articlekit.__all__) == len(set(articlekit.__all__))
    assert isinstance(articlekit.__all__, tuple)  # no module-level mutable state


@pytest.mark.parametrize("name", articlekit.__all__)
def test_every_name_resolves_to_the_object_of_its_defining_module(name):
    value = getattr(articlekit, name)
    origin = articlekit._ORIGIN.get(name)
    if origin is None:  # a subpackage: ak.checks
        assert value is importlib.import_module(f"articlekit.{name}")
    else:
        assert value is getattr(importlib.import_module(f"articlekit.{origin}"), name)
    exec(f"from articlekit import {name} as imported", namespace := {})
    assert namespace["imported"] is value


def test_every_name_resolves_in_a_fresh_interpreter():
    code = ("import importlib, json, articlekit as ak\n"
            "bad = [n for n in ak.__all__ if n in ak._ORIGIN and getattr(ak, n) is not "
            "getattr(importlib.import_module('articlekit.' + ak._ORIGIN[n]), n)]\n"
            "from articlekit import *\n"
            "print(json.dumps([bad, [n for n in ak.__all__ if n not in globals()]]))")
    assert run(code) == [[], []]


def test_functions_named_like_their_module_stay_functions_whatever_loads_first():
    # the import system binds a loaded submodule on its package: ak.nlp must stay the function
    code = ("import json, types, articlekit.nlp, articlekit.readability, articlekit.agreement, articlekit as ak\n"
            "from articlekit.model import Article\n"
            "print(json.dumps([isinstance(getattr(ak, n), types.ModuleType) for n in ('nlp', 'readability', 'agreement')]))")
    assert run(code) == [False, False, False]
    for name in ("nlp", "readability", "agreement"):
        assert not isinstance(getattr(articlekit, name), types.ModuleType)
        assert getattr(articlekit, name) is getattr(sys.modules[f"articlekit.{name}"], name)


def test_dir_lists_everything_before_it_is_loaded():
    names = run("import json, sys, articlekit as ak; d = dir(ak); "
                "print(json.dumps([d, [m for m in sys.modules if m.startswith('articlekit.')]]))")
    assert set(articlekit.__all__) <= set(names[0])
    assert names[1] == []  # dir() alone loads nothing
    assert set(articlekit.__all__) <= set(dir(articlekit))
    assert "__version__" in dir(articlekit)


def test_subpackages_and_submodules_are_attributes():
    assert articlekit.checks is importlib.import_module("articlekit.checks")
    assert articlekit.checks.same_text("L’armée", "l'armée")
    assert articlekit.parsing is importlib.import_module("articlekit.parsing")
    assert run("import json, articlekit as ak; print(json.dumps(ak.classroom.__name__))") == "articlekit.classroom"


def test_help_lists_the_public_names():
    import pydoc

    text = pydoc.render_doc(articlekit, renderer=pydoc.plaintext)
    for name in ("load_article", "summarise", "Annotations", "agreement", "annotate", "checks"):
        assert name in text


@pytest.mark.parametrize("name", ["no_such_name", "_private", "__wrapped__"])
def test_an_unknown_name_raises_attribute_error(name):
    with pytest.raises(AttributeError, match=rf"module 'articlekit' has no attribute '{name}'"):
        getattr(articlekit, name)
    assert not hasattr(articlekit, name)
    with pytest.raises(ImportError, match=name):
        exec(f"from articlekit import {name}", {})


def test_the_type_checking_imports_match_all():
    """The ``if TYPE_CHECKING:`` block (for type checkers) names exactly ``__all__``, from the same modules."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    (block,) = [node for node in tree.body if isinstance(node, ast.If)
                and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"]
    static = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom) and node.level == 1
        for alias in node.names:
            static[alias.name] = node.module
    assert set(static) == set(articlekit.__all__)
    assert {name: module for name, module in static.items() if module} == dict(articlekit._ORIGIN)


def test_dir_lists_the_submodules_the_names_come_from():
    assert {"parsing", "summarising", "annotation", "model"} <= set(dir(articlekit))
    for module in articlekit._EXPORTS:
        value = getattr(articlekit, module)
        if module in articlekit.__all__:  # nlp, readability, agreement: the function keeps the name
            assert not isinstance(value, types.ModuleType)
        else:
            assert value is importlib.import_module(f"articlekit.{module}")
