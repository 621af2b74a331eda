"""Self-checks for the exercises: immediate, friendly feedback in the notebook.

Every lesson notebook starts with a setup cell such as::

    import articlekit as ak
    article = ak.load_article()
    check = ak.checks.lesson("01-reading")

and every exercise is followed by a check cell such as ``check.title(title)``.
A check prints one fixed line when your answer is right.  When it is not, it
asks you a question that points at the problem ("Did you skip the repeated
title line?"); the second and third failure give a more specific hint.  It
never shows a traceback and never shows the expected answer.

Checks test values and invariants, not spelling: any correct route is
accepted, and French text is compared forgiving typography (non-breaking
spaces, ’ versus ', « » versus ", upper or lower case), see :func:`same_text`.

For lesson authors
------------------
A lesson module (``articlekit/checks/reading.py`` and friends) holds one pure
function per exercise::

    from articlekit.checks import failed, passed, same_text

    def title(answer, *, article):
        '''The article's title, as a string.'''
        if not isinstance(answer, str):
            return failed("Is your answer a string (text between quotes)?")
        if same_text(answer, article.title):
            return passed()
        return failed("Did you take the title, not the rubric?",
                      "Look at `article.title`: is that what you wrote?")

The function receives the learner's answer (never ``...``: the checker
answers "not answered yet" itself) and, when its signature asks for it, the
article as ``article=``.  Closed answers are never written in the module:
derive them from the article or compare :func:`salted_hash` values.

Examples
--------
>>> import articlekit as ak
>>> ak.checks.same_text("L’armée « malienne »", "l'armée \\"malienne\\"")
True
>>> ak.checks.passed().ok
True
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import importlib
import inspect
import math
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

__all__ = [
    "LESSONS",
    "CheckFailed",
    "Checker",
    "Result",
    "failed",
    "lesson",
    "lesson_module",
    "normalise_text",
    "passed",
    "run_check",
    "salted_hash",
    "same_columns",
    "same_date",
    "same_number",
    "same_set",
    "same_text",
    "unanswered",
    "matches_hash",
    "in_kernel",
    "SUCCESS_LINE",
    "UNANSWERED_LINE",
]

#: Lesson slug (notebook file stem) -> module of ``articlekit.checks``.
#: A tuple of pairs, not a dict, so nothing at module level can be mutated.
LESSONS: tuple[tuple[str, str], ...] = (
    ("00-start-here", "start"),
    ("01-reading", "reading"),
    ("02-annotating", "annotating"),
    ("03-summarising", "summarising"),
)

#: The one line printed when a check passes (``{name}`` is the exercise).
SUCCESS_LINE = "✅ {name}: correct, well done!"
#: The line shown for an exercise still holding ``...``.
UNANSWERED_LINE = "⏳ {name}: not answered yet. Replace the `...` with your answer and run the cell again."
#: Prefix of every failure line.
FAILURE_LINE = "❌ {name}: {hint}"


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Result:
    """What a check decided about one answer.

    Parameters
    ----------
    status : {"passed", "failed", "unanswered"}
        The verdict.
    hints : tuple of str
        Hints from general to specific; the n-th failure shows the n-th hint
        (the last one is repeated after that).  Hints are questions in plain
        words and never contain the expected answer.

    Examples
    --------
    >>> r = failed("Did you count the title as a paragraph?", "Try len(article.paragraphs).")
    >>> r.ok, r.hint(1), r.hint(5)
    (False, 'Did you count the title as a paragraph?', 'Try len(article.paragraphs).')
    """

    status: str
    hints: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.status not in ("passed", "failed", "unanswered"):
            raise ValueError(f"unknown check status {self.status!r}")

    @property
    def ok(self) -> bool:
        """True when the answer is right."""
        return self.status == "passed"

    def hint(self, attempt: int = 1) -> str:
        """The hint to show on the ``attempt``-th failure (1 = first)."""
        if not self.hints:
            return "Not quite. Read the question again: what exactly does it ask for?"
        return self.hints[max(0, min(attempt, len(self.hints)) - 1)]

    def message(self, name: str, attempt: int = 1) -> str:
        """The single line a learner sees for this result."""
        if self.status == "passed":
            return SUCCESS_LINE.format(name=name)
        if self.status == "unanswered":
            return UNANSWERED_LINE.format(name=name)
        return FAILURE_LINE.format(name=name, hint=self.hint(attempt))


def passed() -> Result:
    """A passing result.

    >>> passed().ok
    True
    """
    return Result("passed")


def failed(*hints: str) -> Result:
    """A failing result with hints from general to specific.

    Write each hint as a question a teacher would ask ("Did you skip the
    repeated title line?"), never the answer itself.

    >>> failed("Did you count the title too?").hint()
    'Did you count the title too?'
    """
    if not all(isinstance(h, str) and h.strip() for h in hints):
        raise TypeError("hints must be non-empty strings")
    return Result("failed", tuple(hints))


def unanswered() -> Result:
    """The result for an answer that is still ``...``.

    >>> unanswered().status
    'unanswered'
    """
    return Result("unanswered")


class CheckFailed(Exception):
    """Raised by a check that did not pass: shown as one friendly line.

    IPython calls ``_render_traceback_`` instead of printing a traceback, so
    the learner sees only the hint, while Jupyter, nbval and nbgrader still
    see a failed cell.

    Examples
    --------
    >>> err = CheckFailed("title", unanswered())
    >>> err._render_traceback_()
    ['⏳ title: not answered yet. Replace the `...` with your answer and run the cell again.']
    """

    def __init__(self, name: str, result: Result, attempt: int = 1) -> None:
        self.name = name
        self.result = result
        self.attempt = attempt
        super().__init__(result.message(name, attempt))

    def _render_traceback_(self) -> list[str]:
        return [self.result.message(self.name, self.attempt)]


# --------------------------------------------------------------------------
# Comparison helpers (for lesson authors; learners may use them too)
# --------------------------------------------------------------------------
_QUOTES = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "′": "'", "`": "'", "´": "'",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
    "…": "...",
})
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
    if isinstance(a, bool) or not isinstance(a, (int, float)) and type(a).__name__ not in (
            "int64", "int32", "float64", "float32"):
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


# --------------------------------------------------------------------------
# Running checks
# --------------------------------------------------------------------------
def in_kernel(function: Callable[..., Result]) -> Callable[..., Result]:
    """Mark a check whose answer cannot leave the learner's kernel.

    When grading, ``articlekit grade`` copies each answer out of the
    learner's kernel as plain data (text, numbers, dates, lists, sets,
    dicts, pandas tables, the article's own dataclasses) and runs the check in
    the grader's process, where a learner's code cannot tamper with it.  A
    check that takes something else -- typically a function the learner
    wrote, which the check calls on test inputs -- must be decorated with
    ``@in_kernel``: it then runs inside the learner's kernel, from a freshly
    reloaded module.  Prefer plain-data answers: they are tamper-proof.
    """
    function.__articlekit_in_kernel__ = True
    return function


def lesson_module(slug: str):
    """The module holding the checks of lesson ``slug``.

    ``slug`` is a notebook stem (``"01-reading"``), a short name
    (``"reading"``) or, for tests and your own lessons, a dotted module
    name (``"mypackage.mychecks"``).
    """
    for stem, short in LESSONS:
        if slug in (stem, short):
            return importlib.import_module(f"{__name__}.{short}")
    if re.fullmatch(r"[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*", slug or "") and "." in slug:
        return importlib.import_module(slug)
    known = ", ".join(stem for stem, _ in LESSONS)
    raise ValueError(f"unknown lesson {slug!r}; known lessons: {known}")


def check_names(module) -> tuple[str, ...]:
    """Names of the check functions a lesson module defines (public functions)."""
    return tuple(sorted(
        name for name, obj in vars(module).items()
        if not name.startswith("_") and inspect.isfunction(obj)
        and obj.__module__ == module.__name__
    ))


def run_check(function: Callable[..., Result], answer: Any, *, article: Any = None,
              load_article: Callable[[], Any] | None = None, **kwargs: Any) -> Result:
    """Run one check function on an answer and always return a :class:`Result`.

    ``...`` gives :func:`unanswered`; an answer of the wrong kind that makes
    the check itself raise gives a failure asking about the kind of value;
    the article is passed only if the function asks for it.
    """
    if answer is Ellipsis:
        return unanswered()
    try:
        params = inspect.signature(function).parameters
    except (TypeError, ValueError):
        params = {}
    if "article" in params:
        if article is None and load_article is not None:
            article = load_article()
        kwargs["article"] = article
    try:
        result = function(answer, **kwargs)
    except Exception:  # the learner's value broke the check: answer with a question
        kind = type(answer).__name__
        return failed(f"Your answer is a `{kind}`: is that the kind of value the question asks for?")
    if not isinstance(result, Result):
        raise TypeError(f"check {getattr(function, '__name__', function)!r} must return a Result")
    return result


@dataclass(frozen=True)
class Checker:
    """The ``check`` object of a lesson notebook: ``check.<exercise>(answer)``.

    Made by :func:`lesson`.  Each attribute is one exercise's check; calling it
    prints one success line or raises :class:`CheckFailed` (shown as a single
    hint line).  The checker counts failed attempts per exercise so that the
    2nd and 3rd failures give more specific hints.

    Examples
    --------
    >>> check = lesson("00-start-here")
    >>> "title" in dir(check)
    True
    """

    slug: str
    module_name: str
    article: Any = None
    attempts: dict = field(default_factory=dict, compare=False, repr=False)
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def _module(self):
        return importlib.import_module(self.module_name)

    def _article(self):
        if self.article is not None:
            return self.article
        if "article" not in self._cache:
            from .. import load_article  # lazy: the parser is only needed by checks that ask

            self._cache["article"] = load_article()
        return self._cache["article"]

    def __dir__(self) -> list[str]:
        return list(check_names(self._module()))

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        module = self._module()
        function = getattr(module, name, None)
        if not inspect.isfunction(function) or name not in check_names(module):
            names = ", ".join(check_names(module)) or "none"
            raise AttributeError(f"lesson {self.slug!r} has no exercise {name!r} (exercises: {names})")

        def run(answer: Any = Ellipsis, **kwargs: Any) -> None:
            result = self.result(name, answer, **kwargs)
            if result.ok:
                # one write, so the line and its newline reach the notebook as one output
                sys.stdout.write(result.message(name) + "\n")
                return None
            attempt = 1
            if result.status == "failed":
                attempt = self.attempts.get(name, 0) + 1
                self.attempts[name] = attempt
            raise CheckFailed(name, result, attempt)

        run.__name__ = name
        run.__doc__ = function.__doc__
        return run

    def result(self, name: str, answer: Any, **kwargs: Any) -> Result:
        """The :class:`Result` of exercise ``name`` for ``answer`` (prints nothing)."""
        function = getattr(self._module(), name)
        return run_check(function, answer, article=self.article, load_article=self._article, **kwargs)

    def reset(self, name: str | None = None) -> None:
        """Forget failed attempts (of one exercise, or all), so hints start again."""
        if name is None:
            self.attempts.clear()
        else:
            self.attempts.pop(name, None)


def lesson(slug: str, *, article: Any = None) -> Checker:
    """The ``check`` object for a lesson notebook.

    Parameters
    ----------
    slug : str
        The notebook's stem, e.g. ``"01-reading"``.
    article : Article, optional
        The article the answers are about; by default the kit's article,
        loaded the first time a check needs it.

    Examples
    --------
    >>> check = lesson("00-start-here")
    >>> check.title(...)
    Traceback (most recent call last):
    ...
    articlekit.checks.CheckFailed: ⏳ title: not answered yet. Replace the `...` with your answer and run the cell again.
    """
    module = lesson_module(slug)
    return Checker(slug=slug, module_name=module.__name__, article=article)
