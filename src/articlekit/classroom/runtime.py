"""Kernel side of grading: what a check cell runs while ``articlekit grade`` works.

Not for learners.  When grading, each ``check.<name>(answer)`` call of a
restored check cell is rewritten to ``capture(grade_id, lesson, name, answer)``,
which only *records* the answer (as inert JSON, see
:mod:`articlekit.classroom.answers`) in the cell's output, and the values the
cell's hidden tests read are recorded by :func:`capture_names`.  The grader
then runs the check and the tests in its own process.  A learner who
redefines ``check``, patches this module or switches ``assert`` off changes
nothing: what counts never runs in their kernel, and a record is only ever
read as the learner's answer (its other fields, such as keyword arguments,
are ignored).
"""

from __future__ import annotations

from typing import Any, Callable

#: Output MIME type of one recorded answer.
MIMETYPE = "application/vnd.articlekit.answer+json"


def _show(record: dict) -> None:
    from IPython.display import display

    display({MIMETYPE: record}, raw=True)


def capture(grade_id: str, lesson: str, name: str, *args: Any, **kwargs: Any) -> None:
    """Record the answer (the first positional argument) given to check ``name`` of exercise ``grade_id``.

    Keyword arguments are not recorded: the grader uses the teacher's own.
    """
    from . import answers

    answer = args[0] if args else Ellipsis
    record: dict[str, Any] = {"grade_id": grade_id, "name": name}
    try:
        record["answer"] = answers.encode(answer)
    except (answers.NotPlainData, ValueError, TypeError, RecursionError) as exc:
        record["not_plain"] = str(exc)[:200]
        record["kernel_result"] = _run_in_kernel(lesson, name, answer)
    _show(record)


def capture_names(grade_id: str, getters: dict[str, Callable[[], Any]]) -> None:
    """Record the values a check cell's hidden tests read (run by the grader, not here)."""
    from . import answers

    values: dict[str, Any] = {}
    missing, not_plain = [], []
    for name, get in getters.items():
        try:
            value = get()
        except NameError:
            missing.append(name)
            continue
        try:
            values[name] = answers.encode(value)
        except (answers.NotPlainData, ValueError, TypeError, RecursionError):
            not_plain.append(name)
    _show({"grade_id": grade_id, "kind": "names", "values": values, "missing": missing, "not_plain": not_plain})


def _run_in_kernel(lesson: str, name: str, answer: Any) -> dict:
    """Fallback for ``@in_kernel`` checks: run them from freshly reloaded modules."""
    import importlib

    try:
        import articlekit.checks as checks

        checks = importlib.reload(checks)
        module = importlib.reload(checks.lesson_module(lesson))
        function = getattr(module, name)
        if not getattr(function, "__articlekit_in_kernel__", False):
            return {"status": "not_plain"}
        result = checks.run_check(function, answer, load_article=_load_article)
        from articlekit.i18n import LANGUAGES, render

        # JSON keeps only the English of a message: record the hints in every language of the kit
        return {"status": result.status, "hints": [render(h, "en") for h in result.hints],
                "hints_by_lang": {lang: [render(h, lang) for h in result.hints] for lang in LANGUAGES}}
    except Exception as exc:  # a broken answer must not crash the grader
        return {"status": "error", "error": type(exc).__name__}


def _load_article():
    import articlekit

    return articlekit.load_article()
