"""Copy answers out of a learner's kernel as plain, inert data.

When grading, each answer is encoded to JSON inside the learner's kernel and
decoded in the grader's own process, where the check then runs.  Decoding
builds only plain values (and the article's own frozen dataclasses), so a
learner's object with a lying ``__eq__`` or a patched check cannot reach the
grader: the only way to pass is a value that is actually right.

Decoding is bounded: the text may not exceed :data:`MAX_BYTES`, nesting
:data:`MAX_DEPTH` levels, and the value :data:`MAX_ITEMS` elements in all
(list and tuple items, set members, dict and table entries, a range's
length).  A 66-byte record such as ``{"$range": [0, 10000000000000, 1]}``
is refused, never expanded.

Examples
--------
>>> import datetime
>>> value = {"date": datetime.date(2025, 2, 6), "places": {"Mali", "Sénégal"}}
>>> decode(encode(value)) == value
True
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as _dt
import importlib
import json
import math
from typing import Any

__all__ = ["NotPlainData", "encode", "decode", "MAX_BYTES", "MAX_DEPTH", "MAX_ITEMS"]

#: Largest encoded answer accepted (an answer is a value, not a dump).
MAX_BYTES = 2_000_000
#: Deepest nesting accepted.
MAX_DEPTH = 40
#: Most elements a decoded answer may hold, all containers together.
MAX_ITEMS = 200_000
_MAX_DEPTH = MAX_DEPTH
_PLAIN_DATACLASS_PACKAGE = "articlekit."


class NotPlainData(TypeError):
    """The answer holds something that is not plain data."""


def encode(value: Any) -> str:
    """JSON text for ``value``; raises :class:`NotPlainData` for anything else."""
    text = json.dumps(_enc(value, 0), ensure_ascii=False, allow_nan=False, sort_keys=False)
    if len(text) > MAX_BYTES:
        raise NotPlainData("answer too large")
    return text


def decode(text: str, *, max_items: int = MAX_ITEMS) -> Any:
    """The value :func:`encode` wrote (never runs code from the text).

    Raises :class:`NotPlainData` for anything else, and for text or values
    over the limits (see the module's docstring).

    >>> decode('{"$range": [0, 10000000000000, 1]}')
    Traceback (most recent call last):
    ...
    articlekit.classroom.answers.NotPlainData: answer too long (over 200000 items)
    """
    if not isinstance(text, str) or len(text) > MAX_BYTES:
        raise NotPlainData("answer too large")
    try:
        raw = json.loads(text)
    except RecursionError:
        raise NotPlainData("answer nested too deeply") from None
    except ValueError as exc:  # bad JSON, or an integer of more than 4300 digits
        raise NotPlainData(f"answer is not readable ({type(exc).__name__})") from None
    budget = _Budget(max_items)
    try:
        return _dec(raw, 0, budget)
    except NotPlainData:
        raise
    except RecursionError:
        raise NotPlainData("answer nested too deeply") from None
    except (KeyError, IndexError, TypeError, ValueError, OverflowError, AttributeError) as exc:
        raise NotPlainData(f"answer is not readable ({type(exc).__name__})") from None


class _Budget:
    """Elements still allowed in the value being decoded."""

    def __init__(self, items: int) -> None:
        self.left = items
        self.limit = items

    def take(self, n: int) -> None:
        self.left -= n
        if n < 0 or self.left < 0:
            raise NotPlainData(f"answer too long (over {self.limit} items)")


def _enc(v: Any, depth: int) -> Any:
    if depth > _MAX_DEPTH:
        raise NotPlainData("answer nested too deeply")
    d = depth + 1
    t = type(v)
    if v is None or t is bool or t is str or t is int:
        return v
    if v is Ellipsis:  # a stub still unanswered
        return {"$ellipsis": True}
    if t is float:
        return v if math.isfinite(v) else {"$float": repr(v)}
    if t is list:
        return [_enc(x, d) for x in v]
    if t is tuple:
        return {"$tuple": [_enc(x, d) for x in v]}
    if t in (set, frozenset):
        items = [_enc(x, d) for x in v]
        # a stable order keeps the JSON deterministic
        items.sort(key=lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False))
        return {"$set": items, "frozen": t is frozenset}
    if t is dict or t is collections.OrderedDict or t is collections.defaultdict:
        # a defaultdict's factory is code: it travels as the plain dict it holds
        return {"$dict": [[_enc(k, d), _enc(x, d)] for k, x in v.items()]}
    if t is collections.Counter:
        return {"$counter": [[_enc(k, d), _enc(x, d)] for k, x in v.items()]}
    if t is range:
        return {"$range": [v.start, v.stop, v.step]}
    if t is _dt.datetime:
        return {"$datetime": v.isoformat()}
    if t is _dt.date:
        return {"$date": v.isoformat()}
    module = getattr(t, "__module__", "") or ""
    if module.startswith("numpy"):
        if hasattr(v, "tolist") and getattr(v, "ndim", 0) > 0:
            return {"$ndarray": _enc(v.tolist(), d)}
        if hasattr(v, "item"):
            return _enc(v.item(), d)
    if module.startswith("pandas"):
        name = t.__name__
        if name == "Timestamp":
            return {"$datetime": v.to_pydatetime().isoformat()}
        if name in ("DataFrame", "Series"):
            frame = v if name == "DataFrame" else v.to_frame(name=v.name if v.name is not None else 0)
            payload = {
                "columns": [_enc(c, d) for c in frame.columns],
                "index": [_enc(i, d) for i in frame.index],
                "data": [[_enc(x, d) for x in row] for row in frame.itertuples(index=False, name=None)],
                "dtypes": [str(x) for x in frame.dtypes],
            }
            if name == "Series":
                payload["name"] = _enc(v.name, d)
            return {"$" + name.lower(): payload}
    if dataclasses.is_dataclass(v) and not isinstance(v, type) and module.startswith(_PLAIN_DATACLASS_PACKAGE):
        return {"$dataclass": f"{module}:{t.__qualname__}",
                "fields": {f.name: _enc(getattr(v, f.name), d) for f in dataclasses.fields(v) if f.init}}
    raise NotPlainData(f"a {t.__name__} is not plain data")


def _dec(o: Any, depth: int, budget: _Budget) -> Any:
    if depth > _MAX_DEPTH:
        raise NotPlainData("answer nested too deeply")
    d = depth + 1
    if isinstance(o, list):
        budget.take(len(o))
        return [_dec(x, d, budget) for x in o]
    if not isinstance(o, dict):
        return o
    if "$ellipsis" in o:
        return Ellipsis
    if "$float" in o:
        return float(str(o["$float"]))
    if "$tuple" in o:
        items = _items(o["$tuple"], budget)
        return tuple(_dec(x, d, budget) for x in items)
    if "$set" in o:
        items = [_freeze(_dec(x, d, budget)) for x in _items(o["$set"], budget)]
        return frozenset(items) if o.get("frozen") else set(items)
    if "$dict" in o:
        return {_freeze(_dec(k, d, budget)): _dec(x, d, budget) for k, x in _items(o["$dict"], budget)}
    if "$counter" in o:
        return collections.Counter({_freeze(_dec(k, d, budget)): _dec(x, d, budget)
                                    for k, x in _items(o["$counter"], budget)})
    if "$range" in o:
        start, stop, step = (_int(x) for x in _items(o["$range"], budget))
        value = range(start, stop, step)
        budget.take(len(value))  # a range is lazy, but what it stands for counts
        return value
    if "$datetime" in o:
        return _dt.datetime.fromisoformat(str(o["$datetime"]))
    if "$date" in o:
        return _dt.date.fromisoformat(str(o["$date"]))
    if "$ndarray" in o:
        import numpy as np

        return np.array(_dec(o["$ndarray"], d, budget))
    if "$dataframe" in o or "$series" in o:
        return _dec_frame(o, d, budget)
    if "$dataclass" in o:
        module_name, _, qualname = str(o["$dataclass"]).partition(":")
        if not module_name.startswith(_PLAIN_DATACLASS_PACKAGE) or "." in qualname:
            raise NotPlainData("unknown dataclass")
        cls = getattr(importlib.import_module(module_name), qualname, None)
        if cls is None or not isinstance(cls, type) or not dataclasses.is_dataclass(cls):
            raise NotPlainData("unknown dataclass")
        fields = o["fields"]
        if not isinstance(fields, dict):
            raise NotPlainData("unknown dataclass")
        budget.take(len(fields))
        return cls(**{str(k): _dec(x, d, budget) for k, x in fields.items()})
    raise NotPlainData("unknown encoded value")


def _items(value: Any, budget: _Budget) -> list:
    if not isinstance(value, list):
        raise NotPlainData("unknown encoded value")
    budget.take(len(value))
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise NotPlainData("unknown encoded value")
    return value


def _dec_frame(o: dict, d: int, budget: _Budget) -> Any:
    import pandas as pd

    p = o.get("$dataframe") or o.get("$series")
    if not isinstance(p, dict):
        raise NotPlainData("unknown encoded value")
    columns = [_freeze(_dec(c, d, budget)) for c in _items(p["columns"], budget)]
    index = [_freeze(_dec(i, d, budget)) for i in _items(p["index"], budget)]
    rows = [[_dec(x, d, budget) for x in _items(row, budget)] for row in _items(p["data"], budget)]
    frame = pd.DataFrame(rows, columns=columns, index=index)
    for column, dtype in zip(columns, _items(p["dtypes"], budget)):
        try:
            frame[column] = frame[column].astype(str(dtype))
        except (TypeError, ValueError):
            pass  # keep pandas' own guess when the dtype does not round-trip
    if "$series" in o:
        series = frame[columns[0]]
        series.name = _dec(p.get("name"), d, budget)
        return series
    return frame


def _freeze(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(_freeze(x) for x in v)
    if isinstance(v, set):
        return frozenset(v)
    return v
