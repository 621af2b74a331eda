"""Kernel side of grading: what a check cell runs while ``articlekit grade`` works.

Not for learners.  When grading, each ``check.<name>(answer)`` call of a
restored check cell is rewritten to ``capture(grade_id, lesson, name, answer)``,
which only *records* the answer (as inert JSON, see
:mod:`articlekit.classroom.answers`) in the cell's output.  The grader then runs
the check in its own process.  A learner who redefines ``check`` or patches the
lesson module therefore changes nothing: the check that counts never runs in
their kernel.
"""

from __future__ import annotations

from typing import Any

#: Output MIME type of one recorded answer.
MIMETYPE = "application/vnd.articlekit.answer+json"


def capture(grade_id: str, lesson: str, name: str, *args: Any, **kwargs: Any) -> None:
    """Record the answer given to check ``name`` of exercise ``grade_id``."""
    from IPython.display import display

    from . import answers

    record: dict[str, Any] = {"grade_id": grade_id, "name": name}
    try:
        record["args"] = answers.encode(list(args))
        record["kwargs"] = answers.encode(dict(kwargs))
    except (answers.NotPlainData, ValueError, TypeError, RecursionError) as exc:
        record["not_plain"] = str(exc)[:200]
        record["kernel_result"] = _run_in_kernel(lesson, name, args, kwargs)
    display({MIMETYPE: record}, raw=True)


def _run_in_kernel(lesson: str, name: str, args: tuple, kwargs: dict) -> dict:
    """Fallback for ``@in_kernel`` checks: run them from freshly reloaded modules."""
    import importlib

    try:
        import articlekit.checks as checks

        checks = importlib.reload(checks)
        module = importlib.reload(checks.lesson_module(lesson))
        function = getattr(module, name)
        if not getattr(function, "__articlekit_in_kernel__", False):
            return {"status": "not_plain"}
        answer = args[0] if args else Ellipsis
        result = checks.run_check(function, answer, load_article=_load_article, **kwargs)
        return {"status": result.status, "hints": list(result.hints)}
    except Exception as exc:  # a broken answer must not crash the grader
        return {"status": "error", "error": type(exc).__name__}


def _load_article():
    import articlekit

    return articlekit.load_article()
