"""Inside the sandbox: the learner's kernel, a plain IPython shell driven over pipes.

Started by :mod:`.execute` as ``python -I -m articlekit.classroom.shell
COMMANDS RESULTS``, in the sandbox, as the executor's child: the same user,
the same limits, its own process group.  It runs each code cell with
IPython's own ``InteractiveShell.run_cell`` -- the code that runs a cell in
ipykernel too, so magics, ``!commands``, ``display()``, the last value of a
cell and tracebacks behave as in Jupyter -- without ipykernel, ZeroMQ,
tornado, jupyter_client or the debugger.  Those took two thirds of a
sandbox's start (about 0.7 s of CPU per graded notebook on the 2-core
machine this kit is built on; ``benchmarks/bench_grading.py`` measures the
whole run).

The pipes
---------
Every message is a *frame* (:mod:`.frames`): a 4-byte big-endian length, then UTF-8 JSON.

* The executor writes to ``COMMANDS``: first ``{"warm": [modules]}``, then
  one ``{"source": str, "record": bool}`` per code cell.
* The shell writes to ``RESULTS``: ``{"t": "ready"}`` once the warm imports
  are done; ``{"t": "record", "data": {...}}`` for each answer record shown
  in a cell whose records count (``record`` true); and
  ``{"t": "end", "error": name or null, "size": n}`` when a cell finishes.
* Standard output and error (``print``, tracebacks, anything written to file
  descriptors 1 and 2, by the learner's subprocesses too) go to a third pipe
  that the executor reads, counts against the output cap and drops.
  ``size`` counts what is not text on those streams: displayed data and a
  cell's last value, every format IPython computed for them, as ipykernel
  would have sent them.

Nothing here is trusted.  The learner's code runs in this process and can
write any frame it likes; the executor caps what it reads, and the grader
re-checks every recorded answer itself.  That is the trust model of a
Jupyter kernel too, whose messages the learner's code can forge as easily.
"""

from __future__ import annotations

import json
import os
import sys
import threading

from .frames import encode, read_frame, write_frame

__all__ = ["main"]

MAX_COMMAND_BYTES = 64_000_000


def _read_command(fd: int):
    body = read_frame(fd, None, MAX_COMMAND_BYTES)
    return None if body is None else json.loads(body)


class _State:
    """What the cell running now has shown: whether its records count, the size of everything else."""

    def __init__(self, out: int) -> None:
        self.out = out
        self.lock = threading.Lock()  # a learner's thread may display while the main thread reports
        self.record = False
        self.size = 0
        self.running = False
        self.sending = 0
        self.deferred = False

    def send(self, obj) -> None:
        data = encode(obj)
        with self.lock:
            self.sending += 1  # an interrupt now would leave half a frame in the pipe: it waits (see main)
            try:
                write_frame(self.out, data)
            finally:
                self.sending -= 1
        if self.deferred and not self.sending and threading.current_thread() is threading.main_thread():
            self.deferred = False
            if self.running:
                raise KeyboardInterrupt


def _shell(state: _State):
    """An ``InteractiveShell`` whose displays and results are counted, and answer records sent."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets import Type
    from traitlets.config import Config

    from .execute import _size
    from .runtime import MIMETYPE

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            record = data.get(MIMETYPE) if isinstance(data, dict) else None
            if isinstance(record, dict) and state.record and not update:
                try:
                    state.send({"t": "record", "data": record})
                    return
                except (TypeError, ValueError, RecursionError):  # not JSON: ipykernel could not send it either
                    pass
            state.size += _size({"data": data if isinstance(data, dict) else {}})

        def clear_output(self, wait=False):
            pass

    class Hook(DisplayHook):
        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            state.size += _size({"data": format_dict})

        def finish_displayhook(self):
            pass

    class Shell(InteractiveShell):
        display_pub_class = Type(Publisher)
        displayhook_class = Type(Hook)

        def ask_exit(self):  # exit() and quit(): ipykernel stops once the cell has answered; so do we
            self.exit_now = True

    config = Config()
    config.HistoryManager.enabled = False  # no sqlite file: nothing outlives the sandbox anyway
    config.InteractiveShell.colors = "nocolor"
    return Shell.instance(config=config)


def _no_input(*args, **kwargs):
    from IPython.core.error import StdinNotImplementedError

    # as ipykernel answers when the frontend allows no input
    raise StdinNotImplementedError("raw_input was called, but this frontend does not support input requests.")


def _close_figures(*args) -> None:
    # matplotlib's inline backend shows and closes a cell's figures when it ends; here nothing is shown
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        try:
            pyplot.close("all")
        except Exception:  # noqa: BLE001 - the learner's own pyplot: their problem
            pass


def main(argv: list[str]) -> int:
    import builtins
    import gc
    import signal

    from .execute import _prctl

    parent = os.getppid()
    _prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the shell never outlives its executor
    if os.getppid() != parent:
        return 1
    commands, out = int(argv[0]), int(argv[1])
    for fd in (commands, out):
        os.set_inheritable(fd, False)  # the learner's subprocesses get neither pipe
    state = _State(out)

    def interrupt(signum, frame_):
        if not state.running:  # between cells an interrupt that came late is dropped, as ipykernel does
            return
        if state.sending:
            state.deferred = True
            return
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    os.environ.setdefault("MPLBACKEND", "agg")
    sys.path.insert(0, "")  # the working folder, as in a Jupyter kernel
    first = _read_command(commands) or {}
    # IPython and the warm imports only import, which makes cycles the collector would walk again and
    # again for nothing: 0.2 s of CPU per notebook without it. The learner's cells run with it, as usual
    gc.disable()
    shell = _shell(state)
    builtins.input = _no_input
    shell.events.register("post_run_cell", _close_figures)
    for module in first.get("warm") or ():
        try:
            __import__(str(module))
        except Exception:  # noqa: BLE001 - the notebook's own import will say what is wrong
            pass
    gc.enable()
    state.send({"t": "ready"})
    while True:
        command = _read_command(commands)
        if not isinstance(command, dict):
            return 0
        state.record, state.size = bool(command.get("record")), 0
        error = None
        try:
            signal.signal(signal.SIGINT, interrupt)
            state.running = True
            result = shell.run_cell(str(command.get("source", "")), store_history=True)
            state.running = False
            failure = result.error_before_exec or result.error_in_exec
            error = None if failure is None else type(failure).__name__
        except KeyboardInterrupt:  # raised in IPython's own bookkeeping, after the learner's code
            error = "KeyboardInterrupt"
        finally:
            state.running = False
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()  # before the end frame: the executor has counted it by then
            except Exception:  # noqa: BLE001 - the learner replaced or closed it
                pass
        state.send({"t": "end", "error": error, "size": state.size})
        if shell.exit_now:
            return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
