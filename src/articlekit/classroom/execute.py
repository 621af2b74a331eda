"""Inside the sandbox: run one prepared notebook and report its recorded answers.

Started by :mod:`.sandbox` as ``python -I -m articlekit.classroom.execute``,
inside bubblewrap (or, with ``--unsafe-no-sandbox``, as a plain child
process).  It

1. keeps its standard output as the result channel and points file
   descriptor 1 at ``/dev/null``, so nothing else can write there;
2. reads its first line from standard input (the limits, the confinement,
   the working folder), which the grader writes as soon as it starts the
   sandbox;
3. confines itself: resource limits (memory, processes, file size, CPU time,
   open files, no core dumps), then -- when started as root inside the
   sandbox -- drops to an unprivileged user of its own, sets ``no_new_privs``
   and becomes non-dumpable, so the learner's kernel (its child, same user)
   can neither read its memory nor reach its result channel through
   ``/proc``;
4. starts the learner's kernel -- a plain IPython shell, :mod:`.shell`, its
   child -- which imports the modules it is told to (its configuration's
   ``warm``: the kit, :data:`KIT_IMPORTS`, and what the assignments' sources
   import) -- all before it knows which notebook it will run,
   so the grader can start the next submission's sandbox while the current
   one runs (nothing is shared: each sandbox is started for one notebook);
5. reads the rest of its task (the prepared notebook) until standard input
   closes, writes a private copy of it into its fresh working folder and
   runs its code cells in that kernel (the executor imports nothing but
   the standard library: nbformat, nbclient or jupyter_client would double
   the cost of a sandbox), with a per-cell and a per-notebook time limit and
   caps on output;
6. writes one JSON line per executed code cell (its error name, whether it
   timed out, the answer records of a check cell) and a last ``done`` line.

The kernel's output is counted against the caps and then dropped: only
answer records of check cells are kept, under a budget of their own (a
flood of them counts too).  The grader reads nothing else from here.
A Jupyter kernel (:attr:`.sandbox.Limits.kernel_name` other than
``python3``) is driven the same way through jupyter_client
(:class:`Runner`).

Why not nbgrader's ``LimitOutput``
-----------------------------------
``nbgrader.preprocessors.LimitOutput`` trims stream outputs by lines *after*
the notebook ran, so everything was held in memory first, and it ignores
``display_data`` (forty 3.9 MB display records went straight through).
The cap here counts every output message, display records included, as it
arrives.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from .frames import FRAME, encode, frame

__all__ = ["main"]

#: First line of the result channel; every later line is one JSON object.
HEADER = b"articlekit-execute 1\n"
MAX_TASK_BYTES = 64_000_000
MAX_CONFIG_BYTES = 64_000
MAX_RECORDS_PER_CELL = 16
#: :attr:`.sandbox.Limits.kernel_name` of Jupyter's own ``python3`` kernel (ipykernel, through
#: jupyter_client), for a notebook that needs more of a kernel than :mod:`.shell` gives.
JUPYTER_PYTHON = "ipykernel"
#: What every graded kernel imports before it is given its notebook: the kit and the runtime its
#: check cells record with. A batch adds what its assignments' sources import
#: (:func:`.batch.warm_imports`: pandas and pyplot for the lessons, about 1 s of CPU). Importing
#: them ahead changes nothing the learner's code can see beyond what its own imports would do.
KIT_IMPORTS = ("articlekit", "articlekit.checks")


# ---------------------------------------------------------------------------
# Confinement
# ---------------------------------------------------------------------------
def _prctl(option: int, value: int) -> None:
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: nothing to set
        pass


def confine(spec: dict) -> None:
    """Set the resource limits of ``spec["rlimits"]`` and drop to ``spec["uid"]`` (if any)."""
    import resource

    for name, value in (spec.get("rlimits") or {}).items():
        which = getattr(resource, f"RLIMIT_{name}", None)
        if which is None or value is None:
            continue
        soft, hard = resource.getrlimit(which)
        value = int(value)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        # CPU: the soft limit sends SIGXCPU (the kernel dies, the run goes on), the hard one kills
        new_hard = value + 5 if name == "CPU" and (hard == resource.RLIM_INFINITY or hard > value + 5) else value
        try:
            resource.setrlimit(which, (value, new_hard))
        except (ValueError, OSError):
            resource.setrlimit(which, (value, hard))
    uid = spec.get("uid")
    if uid is not None and os.geteuid() == 0:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # drops every capability
        if os.geteuid() == 0 or os.getuid() == 0:
            raise SystemExit("could not drop root")
    _prctl(38, 1)  # PR_SET_NO_NEW_PRIVS: no setuid program can give privileges back
    _prctl(4, 0)   # PR_SET_DUMPABLE 0: the kernel cannot ptrace us nor open /proc/<us>/fd


# ---------------------------------------------------------------------------
# Execution
# ---------------------------------------------------------------------------
def _size(content: dict) -> int:
    size = len(content.get("text", "") or "") if isinstance(content.get("text", ""), str) else 0
    data = content.get("data") or {}
    if isinstance(data, dict):
        size += sum(len(v) if isinstance(v, str) else len(json.dumps(v, default=str)) for v in data.values())
    traceback = content.get("traceback") or []
    if isinstance(traceback, list):
        size += sum(len(x) for x in traceback if isinstance(x, str))
    return size


class _Cell:
    """What one cell did: its error, whether it timed out, its answer records."""

    def __init__(self) -> None:
        self.error: str | None = None
        self.timeout = False
        self.records: list = []


class _Caps:
    """The output caps of one notebook: everything shown is counted, only answer records are kept.

    Only answer records of the cells in ``record_cells`` are kept (each at most
    ``max_record_size``, at most :data:`MAX_RECORDS_PER_CELL` per cell, all
    together at most ``max_record_bytes``); every other output is counted
    against ``max_output_bytes`` and dropped.
    """

    def __init__(self, limits: dict, record_cells: set[int] = frozenset()) -> None:
        self.cap = int(limits["max_output_bytes"])
        self.record_cap = int(limits["max_record_bytes"])
        self.record_size = int(limits["max_record_size"])
        self.used = self.record_used = 0
        self.overflow = False
        self.record_cells = record_cells

    def count(self, size: int) -> None:
        """``size`` more bytes of output that is not an answer record."""
        self.used += max(0, size)
        if self.used > self.cap:
            self.overflow = True

    def keep(self, record: dict, size: int, cell: "_Cell") -> None:
        """An answer record of size ``size`` shown by a cell whose records count."""
        self.record_used += size
        if size <= self.record_size and len(cell.records) < MAX_RECORDS_PER_CELL \
                and self.record_used <= self.record_cap:
            cell.records.append(record)
        else:
            self.overflow = True


class Runner(_Caps):
    """Runs code cells in a Jupyter kernel (jupyter_client), counting every output against the caps.

    Used for a kernel other than ``python3`` (:attr:`.sandbox.Limits.kernel_name`), and for
    :data:`JUPYTER_PYTHON`; ``python3`` runs in :class:`ShellRunner`, which needs none of
    Jupyter's machinery.
    """

    def __init__(self, workdir: str, limits: dict, record_cells: set[int] = frozenset()) -> None:
        from jupyter_client import KernelManager

        super().__init__(limits, record_cells)
        name = str(limits.get("kernel_name", "python3"))
        self.km = KernelManager(kernel_name="python3" if name == JUPYTER_PYTHON else name)
        # started first: the kernel boots while the rest of us gets ready
        self.km.start_kernel(cwd=workdir, env=dict(os.environ), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        self.kc = None

    def connect(self, timeout: float = 60) -> None:
        import zmq

        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=timeout)
        self.poller = zmq.Poller()
        self.poller.register(self.kc.iopub_channel.socket, zmq.POLLIN)
        self.poller.register(self.kc.shell_channel.socket, zmq.POLLIN)

    def warm(self, modules, timeout: float = 60) -> None:
        """Import ``modules`` in the kernel, silently (no output, no execution count); errors are ignored."""
        # __import__, not import: no name is bound where the learner's code would see it
        code = "\n".join(f"try:\n    __import__({m!r})\nexcept Exception:\n    pass" for m in modules)
        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                msg = self.kc.get_shell_msg(timeout=min(1.0, max(0.01, deadline - time.monotonic())))
            except Exception:  # noqa: BLE001 - queue.Empty: still importing
                if not self.km.is_alive():
                    return
                continue
            if (msg.get("parent_header") or {}).get("msg_id") == msg_id:
                return

    def _output(self, index: int, msg: dict, cell: _Cell) -> None:
        from .runtime import MIMETYPE

        content = msg.get("content") or {}
        if not isinstance(content, dict):
            return
        size = _size(content)
        data = content.get("data")
        record = data.get(MIMETYPE) if isinstance(data, dict) else None
        if isinstance(record, dict) and index in self.record_cells and msg.get("msg_type") == "display_data":
            self.keep(record, size, cell)
        else:
            self.count(size)

    def run_cell(self, index: int, source: str, timeout: float, grace: float = 5.0) -> tuple[_Cell, str]:
        """Run one cell; the second value is ``""``, ``"kernel-died"`` or ``"kernel-stuck"``."""
        cell = _Cell()
        msg_id = self.kc.execute(source, store_history=True, allow_stdin=False, stop_on_error=False)
        deadline = time.monotonic() + timeout
        idle = replied = False
        iopub, shell = self.kc.iopub_channel, self.kc.shell_channel
        while not (idle and replied):
            left = deadline - time.monotonic()
            if left <= 0:
                if cell.timeout:
                    return cell, "kernel-stuck"  # the interrupt did not stop it
                cell.timeout, cell.error = True, "CellTimeout"
                try:
                    self.km.interrupt_kernel()
                except RuntimeError:
                    return cell, "kernel-died"
                deadline = time.monotonic() + grace
                continue
            ready = dict(self.poller.poll(int(min(left, 1.0) * 1000)))
            if not ready:
                if not self.km.is_alive():
                    return cell, "kernel-died"
                continue
            if iopub.socket in ready:
                msg = iopub.get_msg(timeout=0)
                if (msg.get("parent_header") or {}).get("msg_id") != msg_id:
                    continue
                kind = msg.get("msg_type")
                if kind == "status":
                    idle = idle or (msg.get("content") or {}).get("execution_state") == "idle"
                elif kind in ("stream", "display_data", "execute_result", "error", "update_display_data"):
                    self._output(index, msg, cell)
            if shell.socket in ready:
                msg = shell.get_msg(timeout=0)
                if (msg.get("parent_header") or {}).get("msg_id") != msg_id:
                    continue
                replied = True
                content = msg.get("content") or {}
                if content.get("status") == "error" and not cell.timeout:
                    cell.error = str(content.get("ename", "Error"))[:100]
        return cell, ""

    def close(self) -> None:
        try:
            if self.kc is not None:
                self.kc.stop_channels()
            self.km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001 - the sandbox goes anyway
            pass


class _Died(Exception):
    """The shell closed its results pipe: it exited, crashed or was killed."""


class ShellRunner(_Caps):
    """Runs code cells in a plain IPython shell (:mod:`.shell`), its child, counting every output.

    The shell starts at once and imports ``warm``; :meth:`ready` waits for it.
    Three pipes join them: commands (written here), frames back (answer
    records and the end of each cell, read here under a size cap per frame)
    and the shell's standard output and error (read, counted and dropped).
    An interrupt is ``SIGINT`` to the shell's process group, as jupyter_client
    interrupts a kernel; the results pipe closing means the shell died.
    """

    def __init__(self, workdir: str, limits: dict, warm=KIT_IMPORTS, record_cells: set[int] = frozenset()) -> None:
        super().__init__(limits, record_cells)
        self.frame_cap = self.record_size + 65_536
        commands_r, self.commands = os.pipe()
        self.results, results_w = os.pipe()
        self.output, output_w = os.pipe()
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-I", "-m", "articlekit.classroom.shell", str(commands_r), str(results_w)],
                stdin=subprocess.DEVNULL, stdout=output_w, stderr=output_w, pass_fds=(commands_r, results_w),
                cwd=workdir, env=dict(os.environ), start_new_session=True)
        except OSError as exc:
            for fd in (self.commands, self.results, self.output):
                os.close(fd)
            raise RuntimeError(f"the shell did not start ({exc})") from exc
        finally:
            for fd in (commands_r, results_w, output_w):
                os.close(fd)
        for fd in (self.commands, self.results, self.output):
            os.set_blocking(fd, False)
        self.buffer = bytearray()
        self.skip = 0  # bytes still to drop of a frame longer than the cap
        self.pending = bytearray(frame(encode({"warm": [str(m) for m in warm]})))
        self.closed = False

    def ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        try:
            while True:
                message = self._next(deadline)
                if message is None:
                    raise RuntimeError(f"the shell was not ready after {timeout:g} s")
                if message.get("t") == "ready":
                    return
        except _Died:
            raise RuntimeError("the shell exited before it was ready") from None

    def _frame_from_buffer(self) -> dict | None:
        while True:
            if self.skip:
                dropped = min(self.skip, len(self.buffer))
                del self.buffer[:dropped]
                self.skip -= dropped
                if self.skip:
                    return None
            if len(self.buffer) < FRAME.size:
                return None
            (length,) = FRAME.unpack_from(self.buffer)
            if length > self.frame_cap:  # more than any record may be: counted, never held
                del self.buffer[:FRAME.size]
                self.skip = length
                self.count(length)
                self.overflow = True
                continue
            if len(self.buffer) < FRAME.size + length:
                return None
            body = bytes(self.buffer[FRAME.size:FRAME.size + length])
            del self.buffer[:FRAME.size + length]
            try:
                message = json.loads(body)
            except ValueError:
                message = None
            if isinstance(message, dict):
                return message
            self.count(length)

    def _next(self, deadline: float) -> dict | None:
        """The next frame from the shell, or ``None`` at ``deadline``; raises :class:`_Died`."""
        while True:
            message = self._frame_from_buffer()
            if message is not None:
                return message
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            readable = [self.results] + ([self.output] if self.output is not None else [])
            r, w, _ = select.select(readable, [self.commands] if self.pending else [], [], min(left, 1.0))
            if self.output in r:
                self._read_output()
            if self.results in r:
                chunk = os.read(self.results, 1 << 20)
                if not chunk:
                    raise _Died
                self.buffer.extend(chunk)
            if w:
                try:
                    del self.pending[:os.write(self.commands, self.pending)]
                except (BrokenPipeError, OSError):
                    raise _Died from None
            if not r and not w and self.proc.poll() is not None:
                raise _Died

    def _read_output(self) -> bool:
        try:
            chunk = os.read(self.output, 1 << 20)
        except BlockingIOError:
            return False
        if not chunk:  # every writer is gone
            os.close(self.output)
            self.output = None
            return False
        self.count(len(chunk))
        return True

    def run_cell(self, index: int, source: str, timeout: float, grace: float = 5.0) -> tuple[_Cell, str]:
        """Run one cell; the second value is ``""``, ``"kernel-died"`` or ``"kernel-stuck"``."""
        from .runtime import MIMETYPE

        cell = _Cell()
        counts = index in self.record_cells
        self.pending += frame(encode({"source": source, "record": counts}))
        deadline = time.monotonic() + timeout
        try:
            while True:
                message = self._next(deadline)
                if message is None:
                    if cell.timeout:
                        return cell, "kernel-stuck"  # the interrupt did not stop it
                    cell.timeout, cell.error = True, "CellTimeout"
                    try:
                        os.killpg(self.proc.pid, signal.SIGINT)
                    except OSError:
                        return cell, "kernel-died"
                    deadline = time.monotonic() + grace
                    continue
                kind = message.get("t")
                if kind == "record":
                    record = message.get("data")
                    size = _size({"data": {MIMETYPE: record}})
                    if counts and isinstance(record, dict):
                        self.keep(record, size, cell)
                    else:
                        self.count(size)
                elif kind == "end":
                    size = message.get("size")
                    self.count(size if isinstance(size, int) else 0)
                    error = message.get("error")
                    if error is not None and not cell.timeout:
                        cell.error = str(error)[:100]
                    return cell, ""
        except _Died:
            return cell, "kernel-died"

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        # what the shell printed last is counted before it goes
        stop = time.monotonic() + 0.5
        while self.output is not None and time.monotonic() < stop and select.select([self.output], [], [], 0)[0]:
            if not self._read_output():
                break
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        self.proc.wait()
        for fd in (self.commands, self.results, self.output):
            if fd is not None:
                os.close(fd)
        self.output = None


def start(workdir: str, limits: dict, warm=KIT_IMPORTS) -> tuple["Runner | ShellRunner | None", str]:
    """A kernel started in ``workdir``, ready, with ``warm`` imported; or ``(None, why)``.

    ``python3`` (the default kernel) is a plain IPython shell (:class:`ShellRunner`);
    any other name is that Jupyter kernel (:class:`Runner`).
    """
    runner = None
    try:
        if str(limits.get("kernel_name", "python3")) == "python3":
            runner = ShellRunner(workdir, limits, warm)
            runner.ready()
            return runner, ""
        runner = Runner(workdir, limits)
        runner.connect()
        if warm:
            runner.warm(warm)
        return runner, ""
    except RuntimeError as exc:  # kernel failed to start or to answer
        if runner is not None:
            runner.close()
        return None, f"{type(exc).__name__}: {exc}"[:300]


def execute(cells: list, runner: "Runner | None", limits: dict, record_cells: set[int], emit,
            problem: str = "") -> dict:
    """Run ``cells`` (``[index, source]`` pairs of code cells) in order in ``runner``'s kernel (from
    :func:`start`; ``None`` with ``problem`` when it did not start); ``emit`` gets one dict per
    executed cell; returns the summary (statuses, detail)."""
    statuses: list[str] = []
    detail = ""
    deadline = time.monotonic() + float(limits["notebook_timeout"])
    cell_timeout = float(limits["cell_timeout"])
    timed_out = False
    if runner is None:
        return {"statuses": ["kernel-died"], "detail": problem}
    runner.record_cells = record_cells
    try:
        for index, source in cells:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                statuses.append("notebook-timeout")
                break
            cell, end = runner.run_cell(index, source, max(1.0, min(cell_timeout, remaining)))
            timed_out = timed_out or cell.timeout
            if end != "kernel-died" or cell.records:
                emit({"cell": index, "error": cell.error, "timeout": cell.timeout, "records": cell.records})
            if end:
                statuses.append(end)
                break
            if cell.timeout and deadline - time.monotonic() <= 0:
                statuses.append("notebook-timeout")
                break
    except RuntimeError as exc:  # the kernel stopped answering
        statuses.append("kernel-died")
        detail = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        runner.close()
    if timed_out and "notebook-timeout" not in statuses:
        statuses.append("cell-timeout")
    if runner.overflow:
        statuses.append("output-too-large")
    return {"statuses": statuses, "detail": detail}


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------
def read_capped(fd: int, limit: int) -> bytes | None:
    """All the bytes of ``fd``, or ``None`` as soon as there are more than ``limit`` (never read past it)."""
    chunks, size = [], 0
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)


def read_line(fd: int, limit: int) -> tuple[bytes, bytes]:
    """``(line, rest)``: bytes up to the first newline (at most ``limit``) and what was read past it."""
    buf = bytearray()
    while b"\n" not in buf:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        buf.extend(chunk)
        if len(buf) > limit and b"\n" not in buf[:limit]:
            raise SystemExit("first line too long")
    line, _, rest = bytes(buf).partition(b"\n")
    return line, rest


def main() -> int:
    result = os.fdopen(os.dup(1), "wb", buffering=0)  # the one channel back to the grader
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 1)
    line, rest = read_line(0, MAX_CONFIG_BYTES)
    config = json.loads(line)
    confine(config.get("confine") or {})

    import warnings

    warnings.simplefilter("ignore")

    def emit(obj: dict) -> None:
        result.write(json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n")

    result.write(HEADER)
    workdir = str(config["workdir"])
    limits = config["limits"]
    # started before the notebook is known: it boots while the grader runs another submission
    runner, problem = start(workdir, limits, tuple(str(m) for m in config.get("warm", KIT_IMPORTS)))
    more = read_capped(0, MAX_TASK_BYTES - len(rest))
    os.dup2(null, 0)
    if more is None:
        raise SystemExit("task too large")
    task = json.loads(rest + more)
    name = Path(str(task.get("name") or "notebook.ipynb")).name
    try:  # the learner's private copy, in a working folder of its own
        Path(workdir, name).write_text(task["notebook"], encoding="utf-8")
    except OSError:
        pass
    cells = [(int(i), str(src)) for i, src in task["cells"]]
    summary = execute(cells, runner, limits, {int(i) for i in task.get("record_cells", [])}, emit, problem)
    emit({"done": summary})
    result.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
