"""The notebook stages' plugin (tests/plugins/nbval_kernel.py) starts a kernel that died at start
once more, and only then."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("nbval_kernel", Path(__file__).parent / "plugins" / "nbval_kernel.py")
plugin = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(plugin)


@pytest.fixture
def starts(monkeypatch):
    calls = []

    def fake(errors):
        def start(*args, **kwargs):
            calls.append(kwargs)
            if errors:
                raise errors.pop(0)
            return "km", "kc"
        return start

    def install(*errors):
        monkeypatch.setattr(plugin, "_START", fake(list(errors)))
        return calls
    return install


def test_a_kernel_that_died_at_start_is_started_once_more(starts):
    calls = starts(RuntimeError(plugin.DIED_AT_START))
    assert plugin.start_new_kernel(kernel_name="python3") == ("km", "kc")
    assert len(calls) == 2


def test_a_kernel_that_dies_twice_fails_as_before(starts):
    calls = starts(RuntimeError(plugin.DIED_AT_START), RuntimeError(plugin.DIED_AT_START))
    with pytest.raises(RuntimeError, match="died before replying"):
        plugin.start_new_kernel()
    assert len(calls) == 2


def test_any_other_error_is_not_retried(starts):
    calls = starts(RuntimeError("Kernel didn't respond in 60 seconds"))
    with pytest.raises(RuntimeError, match="respond"):
        plugin.start_new_kernel()
    assert len(calls) == 1
