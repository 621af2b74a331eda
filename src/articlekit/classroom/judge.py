"""Judge recorded answers in the grader, each check under a time limit, in a worker it can kill.

The learner's kernel only *records* answers (:mod:`.runtime`); here they
are judged:

* only the answer is read from a record -- the first positional argument
  of the learner's ``check.<name>(answer)`` call.  Keyword arguments come
  from the teacher's source (:class:`.assignment.CheckCell`), never from a
  record, and the article is the grader's own, so a recorder that adds
  ``article=`` changes nothing;
* answers are decoded with size, depth and length limits
  (:func:`.answers.decode`): ``range(10**13)`` is refused, never expanded;
* each check, and each cell's hidden tests, runs in a :class:`JudgeWorker`
  -- a separate process with a memory limit -- under
  :attr:`.sandbox.Limits.check_timeout`; a check that runs past it is killed
  (with its worker, started again for the next one) and the exercise is
  ``check-timeout``;
* a cell's hidden tests (and any ``assert`` of the teacher's check cell) run
  here too, over the values the kernel recorded: an ``assert`` switched off
  in the kernel counts for nothing.

The worker is started as ``python -I -m articlekit.classroom.judge``; the
grader sends it pickled tasks (the article, then one task at a time) and it
answers with JSON only, so nothing it computes can run code in the grader.
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import time
from typing import Any

from ..i18n import LANGUAGES, render
from .frames import read_frame, write_frame
from .assignment import CheckCell

__all__ = ["HIDDEN_HINT", "JudgeWorker", "judge_exercise"]

HIDDEN_HINT = ("Your answer passed the visible check but not the teacher's further tests: "
               "does it hold for every case the question describes?")
_BROKEN_HINT = ("The grader's check stopped on a bug in articlekit, not on your answer: "
                "tell your teacher (this exercise was not judged).")
_TEACHER_BROKEN_HINT = ("The teacher's test of this exercise could not run (a bug in teacher/tests/): "
                        "tell your teacher (this exercise was not judged).")
_TIMEOUT_HINT = "The grader's check of this answer ran past its time limit: is the answer much larger than asked?"
_UNREADABLE = ("The grader could not read your answer: is it plain data "
               "(text, numbers, lists, sets, dates, a table) of a reasonable size?")
_MAX_REPLY = 64_000
_START_TIMEOUT = 120.0  # seconds for a worker to import the checks and read the article
_GRADER_KWARGS = frozenset({"article", "load_article", "strict"})


# ---------------------------------------------------------------------------
# Grader side
# ---------------------------------------------------------------------------
class JudgeWorker:
    """A killable process that runs checks on recorded answers.

    Parameters
    ----------
    article : Article
        What the checks compare with: the grader's own, loaded before any
        learner code ran.
    lessons : iterable of str
        Lesson modules to import when the worker starts.
    memory_bytes : int
        Address-space limit of the worker.
    """

    def __init__(self, article: Any, lessons=(), *, memory_bytes: int = 4 << 30) -> None:
        # the grader's sys.path: the worker imports what the grader would (-I keeps the cwd out)
        self._init = pickle.dumps({"article": article, "lessons": sorted(set(lessons)), "memory": int(memory_bytes),
                                   "path": [p for p in sys.path if p]})
        self._proc: subprocess.Popen | None = None
        self._ready = False
        self.restarts = 0

    def start(self) -> None:
        """Start the process now (it also starts on first use)."""
        if self._proc is not None and self._proc.poll() is None:
            return
        self._proc = subprocess.Popen([sys.executable, "-I", "-m", "articlekit.classroom.judge"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                      start_new_session=True, close_fds=True)
        self._ready = False
        try:
            write_frame(self._proc.stdin.fileno(), self._init)
        except OSError:
            pass

    def _wait_ready(self) -> bool:
        if not self._ready:
            self._ready = read_frame(self._proc.stdout.fileno(), time.monotonic() + _START_TIMEOUT, 64) == b"ready"
        return self._ready

    def close(self) -> None:
        """Stop the process."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._kill(proc)

    @staticmethod
    def _kill(proc: subprocess.Popen) -> None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def __enter__(self) -> "JudgeWorker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def run(self, task: dict, timeout: float) -> dict:
        """The worker's reply to ``task``; ``{"status": "timeout"}`` when it ran past ``timeout``.

        One task at a time: a batch gives each judging thread a worker of its own.
        """
        for attempt in (1, 2):
            self.start()
            proc = self._proc
            if not self._wait_ready():
                self._kill(proc)
                self._proc = None
                return {"status": "broken"}
            start = time.monotonic()
            try:
                write_frame(proc.stdin.fileno(), pickle.dumps(task))
            except OSError:
                self._kill(proc)
                self._proc = None
                self.restarts += 1
                continue
            reply = read_frame(proc.stdout.fileno(), start + timeout, _MAX_REPLY)
            if reply is None:
                dead = proc.poll() is not None
                self._kill(proc)
                self._proc = None
                self.restarts += 1
                if dead and attempt == 1 and time.monotonic() - start < timeout:
                    continue  # it died (memory limit?): once more in a fresh one
                return {"status": "timeout"}
            try:
                obj = json.loads(reply)
            except ValueError:
                obj = None
            return obj if isinstance(obj, dict) else {"status": "broken"}
        return {"status": "broken"}


def _valid_record(record: Any, grade_id: str) -> bool:
    return isinstance(record, dict) and record.get("grade_id") == grade_id


def judge_exercise(check: CheckCell, lesson: str, execution, index: int, worker: JudgeWorker,
                   timeout: float, *, lang: str = "en", teacher_tests: str = "",
                   teacher_file: str = "") -> tuple[str, str]:
    """``(status, hint)`` for one check cell, decided by the grader's own checks (hints in ``lang``).

    Passed means: every visible check passed on the recorded answers, the
    cell's hidden tests passed on the recorded values, and the teacher's
    summative test ``check.teacher_test`` of the module ``teacher_tests``
    (source text, read from ``teacher_file``) passed on the same answers.
    """
    if index not in execution.ran:
        return "not-run", "This cell did not run (see the notebook's status)."
    if index in execution.timeouts:
        return "error", "This cell ran too long: is there a loop that never ends?"
    records = [r for r in execution.records.get(index, []) if _valid_record(r, check.grade_id)]
    answers = [r for r in records if r.get("kind", "check") == "check"]
    verdicts = []
    raw_answers: list = []
    for name, kwargs in zip(check.calls, check.call_kwargs or ((),) * len(check.calls)):
        record = next((r for r in answers if r.get("name") == name), None)
        if record is None:
            if execution.errors.get(index, "") == "NameError":
                return "error", "The answer's variable is not defined: did you delete or rename it?"
            return "error", "This check could not read an answer: did an earlier cell fail?"
        answers.remove(record)
        task: dict[str, Any] = {"kind": "check", "lesson": lesson, "name": name, "kwargs": dict(kwargs),
                                "lang": lang}
        raw_answers.append(record.get("answer"))
        if isinstance(record.get("answer"), str):
            task["answer"] = record["answer"]
        else:
            kernel = record.get("kernel_result")
            task["kernel_result"] = kernel if isinstance(kernel, dict) else {}
        verdicts.append(worker.run(task, timeout))
    for reply in verdicts:
        status = reply.get("status")
        if status == "timeout":
            return "check-timeout", _TIMEOUT_HINT
        if status == "unanswered":
            return "unanswered", "Not answered yet."
        if status == "broken":
            return "error", _BROKEN_HINT
        if status != "passed":
            hint = reply.get("hint")
            return "failed", hint if isinstance(hint, str) and hint.strip() else "Not quite: read the question again."
    if check.hidden:
        names = next((r for r in records if r.get("kind") == "names"), None)
        if names is None:
            return ("error", "This check could not read an answer: did an earlier cell fail?") if not verdicts \
                else ("hidden-tests", HIDDEN_HINT)
        values = names.get("values") if isinstance(names.get("values"), dict) else {}
        if any(n not in values or not isinstance(values[n], str) for n in check.hidden_inputs):
            return "hidden-tests", HIDDEN_HINT
        reply = worker.run({"kind": "tests", "lesson": lesson, "source": check.hidden,
                            "values": {n: values[n] for n in check.hidden_inputs}}, timeout)
        if reply.get("status") == "timeout":
            return "check-timeout", _TIMEOUT_HINT
        if reply.get("status") != "passed":
            return ("hidden-tests", HIDDEN_HINT) if verdicts else ("failed", HIDDEN_HINT)
    if check.teacher_test and teacher_tests:
        if not raw_answers or not all(isinstance(a, str) for a in raw_answers):
            return "hidden-tests", HIDDEN_HINT
        reply = worker.run({"kind": "teacher", "lesson": lesson, "source": teacher_tests, "file": teacher_file,
                            "function": check.teacher_test, "answers": raw_answers}, timeout)
        if reply.get("status") == "timeout":
            return "check-timeout", _TIMEOUT_HINT
        if reply.get("status") == "broken":
            return "error", _TEACHER_BROKEN_HINT
        if reply.get("status") != "passed":
            return "hidden-tests", HIDDEN_HINT
    notes = [r.get("note") for r in verdicts if isinstance(r.get("note"), str) and r.get("note")]
    return "passed", "\n".join(notes)


# ---------------------------------------------------------------------------
# Worker side
# ---------------------------------------------------------------------------
def _answer(task: dict, state: dict) -> dict:
    from .. import checks
    from . import answers

    article = state["article"]
    if task.get("kind") == "tests":
        try:
            values = {name: answers.decode(text) for name, text in task["values"].items()}
        except answers.NotPlainData:
            return {"status": "failed"}
        import articlekit

        namespace = {"__name__": "__hidden_tests__", "article": article, "ak": articlekit,
                     "articlekit": articlekit, "check": checks.lesson(task["lesson"], article=article), **values}
        try:
            exec(compile(task["source"], "<hidden tests>", "exec"), namespace)  # the teacher's code
        except Exception:  # noqa: BLE001 - a failed assert or any error fails the tests
            return {"status": "failed"}
        return {"status": "passed"}
    if task.get("kind") == "teacher":
        return _teacher_test(task, state)
    module = checks.lesson_module(task["lesson"])
    name = task["name"]
    function = getattr(module, name, None)
    if function is None or name not in checks.check_names(module):
        return {"status": "broken"}
    if "answer" in task:
        try:
            answer = answers.decode(task["answer"])
        except answers.NotPlainData:
            return {"status": "failed", "hint": _UNREADABLE}
        kwargs = {k: v for k, v in dict(task.get("kwargs") or {}).items() if k not in _GRADER_KWARGS}
        result = checks.run_check(function, answer, article=article, **kwargs)
    elif getattr(function, "__articlekit_in_kernel__", False):
        kernel = task.get("kernel_result") or {}
        status = kernel.get("status")
        if status in ("passed", "unanswered"):
            return {"status": status}
        # the kernel rendered its hints in every language; take the submission's (English if absent)
        lang = task.get("lang") if task.get("lang") in LANGUAGES else "en"
        by_lang = kernel.get("hints_by_lang") if isinstance(kernel.get("hints_by_lang"), dict) else {}
        chosen = by_lang.get(lang) if isinstance(by_lang.get(lang), list) else kernel.get("hints", [])
        hints = [h for h in (chosen if isinstance(chosen, list) else []) if isinstance(h, str) and h.strip()][:1]
        return {"status": "failed", "hint": (hints or ["Not quite: read the question again."])[0][:500]}
    else:
        return {"status": "failed", "hint": _UNREADABLE}
    lang = task.get("lang") if task.get("lang") in LANGUAGES else "en"
    if result.status == "passed":
        # what a passing check measured (the résumé's full report) goes to the feedback page
        return {"status": "passed", "hint": "", "note": "\n".join(render(h, lang) for h in result.hints)[:4000]}
    return {"status": result.status,
            "hint": render(result.hint(1), lang)[:500] if result.status == "failed" else ""}


def _teacher_test(task: dict, state: dict) -> dict:
    """Run one function of the teacher's module on the decoded answers (an error in the module is ``broken``)."""
    import hashlib
    import inspect

    from . import answers

    source = str(task.get("source", ""))
    modules = state.setdefault("teacher_modules", {})
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    if digest not in modules:
        namespace = {"__name__": "teacher_tests", "__file__": str(task.get("file", ""))}
        try:
            exec(compile(source, str(task.get("file") or "<teacher tests>"), "exec"), namespace)  # the teacher's code
        except Exception:  # noqa: BLE001 - the module is the teacher's: say so, never blame the learner
            return {"status": "broken"}
        modules[digest] = namespace
    function = modules[digest].get(str(task.get("function", "")))
    if not callable(function):
        return {"status": "broken"}
    try:
        values = [answers.decode(text) for text in task.get("answers", [])]
    except answers.NotPlainData:
        return {"status": "failed"}
    try:
        params = inspect.signature(function).parameters
    except (TypeError, ValueError):
        params = {}
    extra = {"article": state["article"]} if "article" in params else {}
    try:
        function(*values, **extra)
    except AssertionError:
        return {"status": "failed"}
    except Exception:  # noqa: BLE001 - an answer that makes the test raise does not pass it
        return {"status": "failed"}
    return {"status": "passed"}


def main() -> int:
    """Serve tasks from standard input until it closes."""
    import resource

    out = os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 1)  # a check that prints cannot garble the replies
    init = read_frame(0, None, 1 << 30)
    if init is None:
        return 0
    state = pickle.loads(init)  # from the grader, our parent
    sys.path[:] = [p for p in state.get("path", []) if isinstance(p, str)] or sys.path
    memory = int(state.get("memory") or 0)
    if memory:
        try:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        except (ValueError, OSError):
            pass
    import gc
    import warnings

    warnings.simplefilter("ignore")
    # the start only imports and loads the model, which make cycles the collector would walk again
    # and again for nothing: a fifth of the start without it. The checks run with it, as usual
    gc.disable()
    from .. import checks

    needs_model = False
    for lesson in state.get("lessons", []):
        try:
            needs_model = getattr(checks.lesson_module(lesson), "NEEDS_MODEL", False) or needs_model
        except (ImportError, ValueError):
            pass
    if needs_model:  # seconds to load: better now, while the first notebooks run
        from ..nlp import nlp

        nlp()
    gc.enable()
    write_frame(out, b"ready")
    while True:
        frame = read_frame(0, None, 1 << 30)
        if frame is None:
            return 0
        task = pickle.loads(frame)
        try:
            reply = _answer(task, state)
        except MemoryError:
            reply = {"status": "failed", "hint": _UNREADABLE}
        except Exception:  # noqa: BLE001 - a bug in a check is the kit's, not the learner's
            reply = {"status": "broken"}
        write_frame(out, json.dumps(reply).encode("utf-8"))


if __name__ == "__main__":
    sys.exit(main())
