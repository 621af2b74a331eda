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

The package
-----------
``results`` (what a check says: :class:`Result`, :func:`passed`,
:func:`failed`), ``compare`` (same text up to typography, same number, set,
date, salted hashes), ``shapes`` (what kind of value the learner gave:
list or tuple, int or numpy integer), ``runner`` (``run_check`` and the
notebook's ``check`` object), then one module per lesson.

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

from .compare import (matches_hash, normalise_text, salted_hash, same_columns, same_date, same_number,
                      same_set, same_text)
from .results import (BROKEN_LINE, FAILURE_LINE, SUCCESS_LINE, UNANSWERED_LINE, CheckFailed, Result, broken,
                      failed, passed, unanswered)
from .runner import LESSONS, Checker, check_names, in_kernel, lesson, lesson_module, run_check

__all__ = [
    "LESSONS",
    "CheckFailed",
    "Checker",
    "Result",
    "broken",
    "check_names",
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
    "BROKEN_LINE",
    "FAILURE_LINE",
    "SUCCESS_LINE",
    "UNANSWERED_LINE",
]
