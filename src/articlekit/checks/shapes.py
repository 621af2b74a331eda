"""What kind of value did the learner give? Answer-shape helpers shared by every lesson's checks.

A learner may answer with a list or a tuple, a Python ``int`` or a numpy
integer, a dict or a pandas Series: all are right shapes for the same
answer.  These helpers accept every such route in one place, so that each
check asks only about the value.  None of them raises on a strange value:
they return ``False`` or ``None``, and the check turns that into a hint.

Examples
--------
>>> import numpy as np
>>> from articlekit.checks.shapes import int_list, is_int
>>> is_int(np.int64(3)), is_int(True), is_int(3.0)
(True, False, False)
>>> int_list((2, np.int64(5)))
[2, 5]
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["as_counts", "collection", "int_list", "is_int", "is_list_of_lists", "is_number"]

#: Array-likes that hold items but are not Python sequences.
_ARRAY_TYPES = ("ndarray", "Series", "Index")


def is_int(value: Any) -> bool:
    """True for a whole number: ``int`` or a numpy integer, never ``bool``.

    >>> is_int(19), is_int("19")
    (True, False)
    """
    return isinstance(value, numbers.Integral) and not isinstance(value, bool) and not (
        type(value).__name__ == "bool_")


def is_number(value: Any) -> bool:
    """True for a finite real number (``int``, ``float``, numpy scalars), never ``bool``.

    >>> is_number(0.365), is_number(float("nan")), is_number(False)
    (True, False, False)
    """
    if isinstance(value, bool) or type(value).__name__ == "bool_" or not isinstance(value, numbers.Real):
        return False
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError, OverflowError):
        return False


def collection(answer: Any) -> list | None:
    """The items of a list-like answer (list, tuple, set, generator, Series…), else ``None``.

    Text and mappings are not collections here: ``"Mali"`` is one answer, not four letters.

    >>> collection(("Mali", "Sénégal")), collection("Mali")
    (['Mali', 'Sénégal'], None)
    """
    if isinstance(answer, (str, bytes, Mapping)) or not isinstance(answer, Iterable):
        return None
    if type(answer).__name__ == "DataFrame":
        return None
    try:
        return list(answer)
    except Exception:  # noqa: BLE001 - an iterable that breaks is a wrong answer, not a crash
        return None


def int_list(value: Any) -> list[int] | None:
    """A list-like of whole numbers as Python ints (numpy arrays and Series too), else ``None``.

    >>> int_list([3, 1]), int_list([3, "1"])
    ([3, 1], None)
    """
    if not isinstance(value, (Sequence, set, frozenset)) and type(value).__name__ not in _ARRAY_TYPES:
        return None
    items = collection(value)
    if items is None or not all(is_int(i) for i in items):
        return None
    return [int(i) for i in items]


def is_list_of_lists(value: Any) -> bool:
    """True for a list-like whose every item is a list-like (not text).

    >>> is_list_of_lists([["mali"], ("sénégal",)]), is_list_of_lists(["mali"])
    (True, False)
    """
    items = collection(value)
    return items is not None and all(collection(v) is not None for v in items)


def as_counts(value: Any) -> dict | None:
    """A mapping of counts as a dict with text keys (a pandas ``value_counts()`` Series too).

    >>> as_counts({"mali": 3})
    {'mali': 3}
    """
    if type(value).__name__ == "Series":
        try:
            value = value.to_dict()
        except Exception:  # noqa: BLE001
            return None
    if not isinstance(value, Mapping):
        return None
    try:
        return {str(k): v for k, v in value.items()}
    except Exception:  # noqa: BLE001 - a strange mapping is a wrong answer, not a crash
        return None
