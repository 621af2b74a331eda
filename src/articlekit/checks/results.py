"""What a check says about an answer: a :class:`Result` and the one line a learner sees.

A check returns :func:`passed`, :func:`failed` (with hints from general to
specific) or :func:`unanswered`.  :func:`broken` is reserved for the runner:
it is what a learner sees when the check itself has a bug, so that a kit bug
is never mistaken for a hint about the learner's answer.

Examples
--------
>>> from articlekit.checks import failed
>>> failed("Did you count the title too?").message("paragraph_count")
'❌ paragraph_count: Did you count the title too?'
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, _, render

__all__ = ["BROKEN_LINE", "FAILURE_LINE", "SUCCESS_LINE", "UNANSWERED_LINE", "CheckFailed", "Result",
           "broken", "failed", "passed", "unanswered"]

#: The one line printed when a check passes (``{name}`` is the exercise).
SUCCESS_LINE = N_("✅ {name}: correct, well done!")
#: The line of a pass that says what it measured (``{note}``) instead of « correct ».
NOTE_LINE = N_("✅ {name}: {note}")
#: The line shown for an exercise still holding ``...``.
UNANSWERED_LINE = N_("⏳ {name}: not answered yet. Replace the `...` with your answer and run the cell again.")
#: Prefix of every failure line.
FAILURE_LINE = N_("❌ {name}: {hint}")
#: The line shown when the check itself failed (a bug in the kit, not in the answer).
BROKEN_LINE = N_("⚠️ {name}: this check stopped on a bug in articlekit, not on your answer ({error}). "
                 "Tell your teacher; your answer was not judged.")


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Result:
    """What a check decided about one answer.

    Parameters
    ----------
    status : {"passed", "failed", "unanswered", "broken"}
        The verdict; ``"broken"`` means the check raised (a kit bug).
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
        if self.status not in ("passed", "failed", "unanswered", "broken"):
            raise ValueError(f"unknown check status {self.status!r}")

    @property
    def ok(self) -> bool:
        """True when the answer is right."""
        return self.status == "passed"

    def hint(self, attempt: int = 1) -> str:
        """The hint to show on the ``attempt``-th failure (1 = first)."""
        if not self.hints:
            return _("Not quite. Read the question again: what exactly does it ask for?")
        return self.hints[max(0, min(attempt, len(self.hints)) - 1)]

    def message(self, name: str, attempt: int = 1, lang: str = "en") -> str:
        """The single line a learner sees for this result, in ``lang`` (``"en"`` or ``"fr"``).

        >>> failed(_("Not quite. Read the question again: what exactly does it ask for?")).message("why", lang="fr")
        '❌ why : Pas tout à fait. Relisez la consigne : que demande-t-elle exactement ?'
        """
        if self.status == "passed":
            # a pass may say what it measured (« meets the measurable rules… ») instead of « correct »
            if self.hints:
                return render(NOTE_LINE, lang).format(name=name, note=render(self.hints[0], lang))
            return render(SUCCESS_LINE, lang).format(name=name)
        if self.status == "unanswered":
            return render(UNANSWERED_LINE, lang).format(name=name)
        if self.status == "broken":
            return render(BROKEN_LINE, lang).format(name=name, error=self.hints[0] if self.hints else "?")
        return render(FAILURE_LINE, lang).format(name=name, hint=render(self.hint(attempt), lang))


def passed(note: str = "", *report: str) -> Result:
    """A passing result; ``note`` replaces « correct, well done! » when a check measures only part.

    ``report`` lines, if any, are for the teacher: the grader puts them on the
    feedback page (the learner's one line is ``note``).

    >>> passed().ok
    True
    >>> passed("meets the measurable rules; your teacher reads the rest.").message("resume")
    '✅ resume: meets the measurable rules; your teacher reads the rest.'
    """
    return Result("passed", tuple(x for x in (note, *report) if x))


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


def broken(error: BaseException) -> Result:
    """The result of a check that raised: the check has a bug, the answer is not judged.

    >>> broken(KeyError("x")).status
    'broken'
    """
    return Result("broken", (f"{type(error).__name__}: {error}"[:200],))


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

    def __init__(self, name: str, result: Result, attempt: int = 1, lang: str = "en") -> None:
        self.name = name
        self.result = result
        self.attempt = attempt
        self.lang = lang
        super().__init__(result.message(name, attempt, lang))

    def _render_traceback_(self) -> list[str]:
        return [self.result.message(self.name, self.attempt, self.lang)]


# Learners and nbgrader see the public name, ``articlekit.checks.CheckFailed``, not the file it lives in.
CheckFailed.__module__ = "articlekit.checks"


