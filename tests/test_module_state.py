"""No module-level mutable state: the tables the kit reads at run time are read-only."""

from __future__ import annotations

import importlib
import pkgutil
from types import MappingProxyType

import pytest

import articlekit

MODULES = sorted(["articlekit"] + [m.name for m in pkgutil.walk_packages(articlekit.__path__, "articlekit.")])
#: Mutable on purpose: ``__all__`` lists, and the command table that the cli
#: documents as the place to register a new subcommand (edited in the source).
ALLOWED = {"__all__", "COMMANDS", "__path__"}
#: Known exceptions (none left: add one here only with the reason).
KNOWN: frozenset = frozenset()


@pytest.mark.parametrize("name", MODULES)
def test_no_module_level_dict_list_or_set(name):
    module = importlib.import_module(name)
    mutable = sorted(attr for attr, value in vars(module).items()
                     if type(value) in (dict, list, set, bytearray) and attr not in ALLOWED
                     and (name, attr) not in KNOWN
                     and not attr.startswith("__"))
    assert mutable == [], f"{name} has module-level mutable values: {mutable}"


def test_tables_are_read_only():
    from articlekit.classroom.grade import STATUS_TEXT
    from articlekit.parsing import MONTHS

    for table in (MONTHS, STATUS_TEXT):
        assert isinstance(table, MappingProxyType)
        with pytest.raises(TypeError):
            table["x"] = 1
