"""Comparison helpers for checks: same text up to typography, same number, set, date, columns.

Lesson authors build checks with them; learners may use them too.  Closed
answers are stored as salted hashes (:func:`salted_hash`) so that a check
module never spells out an answer.

Examples
--------
>>> from articlekit.checks import same_text
>>> same_text("L’armée « malienne »", "l'armée 'malienne'".replace("'malienne'", '"malienne"'))
True
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import re
import unicodedata
from typing import Any, Callable, Iterable

from ..words import TYPOGRAPHY_TABLE as _TYPOGRAPHY_TABLE
from .shapes import is_number

__all__ = ["matches_hash", "normalise_text", "salted_hash", "same_columns", "same_date", "same_number",
           "same_set", "same_text"]


# read-only: no module-level mutable state.  Apostrophes → ', « » “ ” → ",
# dashes → -, … → ..., special spaces → space: the kit's one typography table.
_QUOTES = _TYPOGRAPHY_TABLE
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([?!:;])")


def normalise_text(text: str, *, casefold: bool = True) -> str:
    """Text with its typography made uniform, for comparisons.

    Unicode NFC; non-breaking, thin and repeated spaces become one space;
    curly apostrophes become ``'``; « » “ ” become ``"`` (and the spaces French
    typography puts inside « » and before ``? ! : ;`` are dropped); dashes
    become ``-``; ``…`` becomes ``...``; then, unless ``casefold=False``,
    case is folded.

    Examples
    --------
    >>> normalise_text("« Coopération  militaire »\\u00a0!")
    '"coopération militaire"!'
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a string, got {type(text).__name__}")
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = _SPACES.sub(" ", text).strip()
    parts = text.split('"')
    if len(parts) % 2 == 1:
        # French puts (non-breaking) spaces inside « »; English quotes have none.
        parts = [p.strip() if i % 2 else p for i, p in enumerate(parts)]
        text = '"'.join(parts)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)  # French spaces before ? ! : ;
    return text.casefold() if casefold else text


def same_text(a: Any, b: Any, *, casefold: bool = True) -> bool:
    """True when two strings are the same text up to typography.

    Forgives non-breaking versus ordinary spaces, ’ versus ', « » versus ",
    the space French puts before ``? ! : ;``, repeated spaces, surrounding
    spaces and (unless ``casefold=False``) case.  Non-strings are never equal.

    Examples
    --------
    >>> same_text("aujourd’hui", "Aujourd'hui")
    True
    >>> same_text("« Oui ! »", '"oui!"')
    True
    >>> same_text("Mali", "Sénégal")
    False
    """
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return normalise_text(a, casefold=casefold) == normalise_text(b, casefold=casefold)


def same_number(a: Any, b: float, *, rel: float = 1e-9, abs_tol: float = 1e-9) -> bool:
    """True when ``a`` is a number close to ``b`` (bools are not numbers here).

    >>> same_number(0.1 + 0.2, 0.3)
    True
    >>> same_number("3", 3)
    False
    """
    if not is_number(a):
        return False
    try:
        return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=abs_tol)
    except (TypeError, ValueError, OverflowError):
        return False


def same_set(a: Any, b: Iterable[str], *, text: bool = True) -> bool:
    """True when ``a`` holds the same items as ``b``, ignoring order and repeats.

    With ``text=True`` strings are compared with :func:`normalise_text`.

    >>> same_set(["Mali", "sénégal", "Mali"], {"Sénégal", "Mali"})
    True
    """
    if isinstance(a, (str, bytes)) or not isinstance(a, Iterable):
        return False
    try:
        items = list(a)
    except TypeError:
        return False
    key: Callable[[Any], Any] = normalise_text if text else (lambda x: x)
    try:
        return {key(x) for x in items} == {key(x) for x in b}
    except (TypeError, ValueError):
        return False


def same_date(a: Any, b: _dt.date) -> bool:
    """True when ``a`` means the same calendar day as ``b``.

    Accepts a ``datetime.date``, a ``datetime.datetime`` or pandas
    ``Timestamp`` (time ignored) or an ISO string ``"2025-02-06"``.

    >>> import datetime
    >>> same_date("2025-02-06", datetime.date(2025, 2, 6))
    True
    """
    if isinstance(a, str):
        try:
            a = _dt.date.fromisoformat(a.strip())
        except ValueError:
            return False
    if hasattr(a, "date") and callable(a.date) and not isinstance(a, _dt.date):
        a = a.date()  # pandas Timestamp
    if isinstance(a, _dt.datetime):
        a = a.date()
    if isinstance(b, _dt.datetime):
        b = b.date()
    return isinstance(a, _dt.date) and a == b


def same_columns(frame: Any, columns: Iterable[str], *, ordered: bool = False) -> bool:
    """True when ``frame`` is a DataFrame with exactly these column names.

    >>> import pandas as pd
    >>> same_columns(pd.DataFrame({"b": [1], "a": [2]}), ["a", "b"])
    True
    """
    cols = getattr(frame, "columns", None)
    if cols is None or not hasattr(frame, "iloc"):
        return False
    have, want = [str(c) for c in cols], [str(c) for c in columns]
    return have == want if ordered else sorted(have) == sorted(want)


_DEFAULT_SALT = "articlekit-v1"


def salted_hash(value: Any, *, salt: str = _DEFAULT_SALT) -> str:
    """A salted SHA-256 of a normalised answer, to store closed answers unreadably.

    Strings are normalised with :func:`normalise_text`; numbers by their
    value (``3`` and ``3.0`` agree); lists, tuples and sets by their sorted
    normalised items.  Store the hex digest in a lesson module and compare
    with :func:`matches_hash`.

    >>> salted_hash("Mali") == salted_hash(" mali ")
    True
    >>> len(salted_hash(3))
    64
    """
    return hashlib.sha256(f"{salt}\x00{_canonical(value)}".encode("utf-8")).hexdigest()


def matches_hash(answer: Any, digest: str | Iterable[str], *, salt: str = _DEFAULT_SALT) -> bool:
    """True when ``salted_hash(answer)`` is ``digest`` (or one of several digests).

    >>> matches_hash("MALI", salted_hash("Mali"))
    True
    """
    try:
        h = salted_hash(answer, salt=salt)
    except TypeError:
        return False
    return h == digest if isinstance(digest, str) else h in set(digest)


def _canonical(value: Any) -> str:
    if isinstance(value, str):
        return "s:" + normalise_text(value)
    if isinstance(value, bool):
        return f"b:{value}"
    if isinstance(value, int):
        return f"n:{float(value)!r}"
    if isinstance(value, float):
        return f"n:{value!r}"
    if isinstance(value, _dt.date):
        return f"d:{value.isoformat()}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "c:[" + ",".join(sorted(_canonical(v) for v in value)) + "]"
    raise TypeError(f"cannot hash a {type(value).__name__}")


