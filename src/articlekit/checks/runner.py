"""Running checks: the lesson table, ``run_check`` and the notebook's ``check`` object.

Examples
--------
>>> from articlekit.checks import lesson
>>> check = lesson("00-start-here")
>>> check.result("title", "Mali").ok
False
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Callable

from ..i18n import check_language

from .results import CheckFailed, Result, broken, unanswered

__all__ = ["LESSONS", "Checker", "check_names", "in_kernel", "lesson", "lesson_module", "run_check"]

_PACKAGE = __name__.rpartition(".")[0]

#: Lesson slug (notebook file stem) -> module of ``articlekit.checks``.
#: A tuple of pairs, not a dict, so nothing at module level can be mutated.
LESSONS: tuple[tuple[str, str], ...] = (
    ("00-start-here", "start"),
    ("01-reading", "reading"),
    ("02-annotating", "annotating"),
    ("03-summarising", "summarising"),
    ("04-critical-reading", "critical"),
)

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
            return importlib.import_module(f"{_PACKAGE}.{short}")
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
              load_article: Callable[[], Any] | None = None, strict: bool = False,
              **kwargs: Any) -> Result:
    """Run one check function on an answer and always return a :class:`Result`.

    ``...`` gives :func:`unanswered`; the article is passed only if the
    function asks for it.  Checks test the answer's shape themselves (see
    :mod:`articlekit.checks.shapes`), so a check that raises has a bug: the
    result is ``broken`` (shown as a kit error, never as a hint about the
    learner's answer), and with ``strict=True`` the exception propagates, as
    the kit's own tests want.
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
    except Exception as error:  # noqa: BLE001 - a check's bug must not look like the learner's
        if strict:
            raise
        return broken(error)
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
    lang: str = "en"
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
                sys.stdout.write(result.message(name, lang=self.lang) + "\n")
                return None
            attempt = 1
            if result.status == "failed":
                attempt = self.attempts.get(name, 0) + 1
                self.attempts[name] = attempt
            raise CheckFailed(name, result, attempt, self.lang)

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


def lesson(slug: str, *, article: Any = None, lang: str = "en") -> Checker:
    """The ``check`` object for a lesson notebook.

    Parameters
    ----------
    slug : str
        The notebook's stem, e.g. ``"01-reading"``.
    article : Article, optional
        The article the answers are about; by default the kit's article,
        loaded the first time a check needs it.
    lang : {"en", "fr"}
        The language of the hints: the French edition's setup cell passes
        ``lang="fr"``.

    Examples
    --------
    >>> check = lesson("00-start-here")
    >>> check.title(...)
    Traceback (most recent call last):
    ...
    articlekit.checks.CheckFailed: ⏳ title: not answered yet. Replace the `...` with your answer and run the cell again.
    """
    module = lesson_module(slug)
    return Checker(slug=slug, module_name=module.__name__, article=article, lang=check_language(lang))
