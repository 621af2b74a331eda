"""Run one prepared notebook in a bubblewrap sandbox of its own and read back its answers.

Each submission's executor (:mod:`.execute`) and the learner's kernel
(:mod:`.shell`) run together inside one ``bwrap`` sandbox (Debian's ``bubblewrap``, the sandbox Flatpak uses):

* a fresh, size-limited working folder (``/home/learner``) holding a private
  copy of the notebook, and a private ``/tmp``; nothing else is writable;
* read-only: the system (``/usr`` and a few files of ``/etc``), the Python
  environment (``sys.prefix`` and the interpreter's own prefix) and the kit's
  learner files -- the installed package (minus :data:`TEACHER_ONLY`) and
  its seed article.  The rest of the checkout (``solutions/``, other
  submissions, the ``--out`` folder, the home folder) is not there at all;
* its own PID namespace (``getppid()`` never reaches the grader, and every
  process dies with the sandbox), no network (its own loopback only; the
  executor and the shell talk over pipes), its own IPC and UTS namespaces, a new session
  (no terminal injection), ``--die-with-parent``;
* an unprivileged user of its own, no capabilities, ``no_new_privs``, and
  limits on memory, processes, file size and CPU time (set by the executor
  before it starts the kernel).

The grader writes the task to the executor's standard input -- the limits
as soon as the sandbox starts (:class:`Started`: it boots while another
submission runs), the notebook when its turn comes -- and reads back only
its result channel (one JSON line per cell, with a size cap); a
sandbox that dies or overruns is killed and is that one submission's status
``sandbox-died``.

Where bubblewrap cannot run (macOS, a container without user namespaces),
:func:`require_sandbox` raises :class:`SandboxUnavailable` with a one-line
message naming ``--unsafe-no-sandbox``; there is no silent fallback.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import random
import select
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Execution",
    "Limits",
    "SandboxUnavailable",
    "Started",
    "TEACHER_ONLY",
    "UNSAFE_FLAG",
    "bwrap_command",
    "require_sandbox",
    "run_notebook",
]

#: The command-line flag that grades without a sandbox.
UNSAFE_FLAG = "--unsafe-no-sandbox"
#: What that flag gives up, in the refusal message and the help.
UNSAFE_COST = ("learners' code then runs as you, with your files (solutions, other submissions, "
               "the report), your network and your processes in its reach")

#: Paths inside the installed package that the sandbox never shows (teacher-only files).
#: Relative to the package folder; a folder is hidden under an empty tmpfs, a file under an empty file.
TEACHER_ONLY: tuple[str, ...] = ()

#: The ``bwrap`` program (tests point it elsewhere).
BWRAP = "bwrap"

WORKDIR = "/home/learner"
_ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "nsswitch.conf", "hosts",
        "host.conf", "fonts", "mime.types", "alternatives", "os-release", "debian_version", "ssl/openssl.cnf")
_SYSTEM_LINKS = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")
_STATUSES = frozenset({"cell-timeout", "notebook-timeout", "kernel-died", "kernel-stuck", "output-too-large"})
_START_MARGIN = 90.0  # seconds for the sandbox, the executor and the kernel to start, beyond the notebook's limit


@dataclass(frozen=True)
class Limits:
    """Limits for grading one notebook.

    Attributes
    ----------
    cell_timeout : float
        Seconds a cell may run before it is interrupted.
    notebook_timeout : float
        Seconds the whole notebook may run.
    max_output_bytes : int
        Output counted for the whole notebook (prints, displays, errors);
        past it the rest is dropped (status ``output-too-large``).
    kernel_name : str
        What runs the notebooks: ``python3`` (default), a plain IPython shell
        of the grader's Python (:mod:`.shell`); ``ipykernel``
        (:data:`.execute.JUPYTER_PYTHON`), Jupyter's own ``python3`` kernel,
        about 0.8 s of CPU slower per notebook; any other name, that Jupyter
        kernel.
    max_record_bytes : int
        Answer records kept for the whole notebook (each at most
        :data:`.answers.MAX_BYTES`); records past it are dropped too.
    check_timeout : float
        Seconds one check (or a cell's hidden tests) may take in the grader
        (exercise status ``check-timeout``).
    memory_bytes : int
        Address space of each process in the sandbox, and of a check.
    max_processes : int
        Processes and threads the sandbox's user may have.
    max_file_bytes : int
        Largest file a process in the sandbox may write.
    disk_bytes : int
        Size of the working folder and of ``/tmp`` in the sandbox.
    max_submission_bytes : int
        Largest submitted file read (status ``too-large`` over it).
    """

    cell_timeout: float = 60.0
    notebook_timeout: float = 600.0
    max_output_bytes: int = 5_000_000
    kernel_name: str = "python3"
    max_record_bytes: int = 8_000_000
    check_timeout: float = 60.0
    memory_bytes: int = 4 << 30
    max_processes: int = 256
    max_file_bytes: int = 100 << 20
    disk_bytes: int = 512 << 20
    max_submission_bytes: int = 20_000_000


@dataclass(frozen=True)
class Execution:
    """What came back from one sandbox: per-cell facts and the answer records."""

    statuses: tuple[str, ...]
    errors: dict = field(default_factory=dict)
    ran: frozenset = frozenset()
    timeouts: frozenset = frozenset()
    records: dict = field(default_factory=dict)
    detail: str = ""


class SandboxUnavailable(RuntimeError):
    """bubblewrap cannot run here; the message is one line naming :data:`UNSAFE_FLAG`."""


# ---------------------------------------------------------------------------
# The sandbox's file system
# ---------------------------------------------------------------------------
def _under(path: Path, roots) -> bool:
    return any(path == r or r in path.parents for r in roots)


def _python_roots() -> list[Path]:
    """The Python environment: the venv, the interpreter's prefix and the interpreter itself."""
    found: list[Path] = []
    candidates = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
                  os.path.dirname(os.path.realpath(sys.executable))]
    for p in candidates:
        path = Path(os.path.realpath(p))
        if path.is_dir() and not _under(path, [Path("/usr")]) and path != Path("/"):
            found.append(path)
        raw = Path(p)  # a symlinked prefix is bound where sys.path says, too
        if raw != path and raw.is_dir() and not _under(raw, [Path("/usr")]):
            found.append(raw)
    roots: list[Path] = []
    for path in sorted(set(found), key=lambda p: len(p.parts)):
        if not _under(path, roots):
            roots.append(path)
    return roots


def _learner_files() -> tuple[Path, list[Path]]:
    """The installed package folder and the kit's learner data outside it (the seed article)."""
    import articlekit
    from articlekit.parsing import seed_path

    package = Path(articlekit.__file__).resolve().parent
    extra = []
    seeds = seed_path().resolve().parent
    if not _under(seeds, [package]):
        extra.append(seeds)
    return package, extra


def _dirs(dest: Path, made: set[Path], args: list[str]) -> None:
    """Create ``dest``'s missing parents, world-readable (bwrap would make them 0700)."""
    for parent in reversed(dest.parents):
        if parent == Path("/") or parent in made:
            continue
        made.add(parent)
        args += ["--perms", "0755", "--dir", str(parent)]


def bwrap_command(command: list[str], *, privileged: bool | None = None, limits: Limits = Limits(),
                  info_fd: int | None = None) -> list[str]:
    """The ``bwrap`` command line that runs ``command`` in a fresh sandbox (see the module docstring).

    ``info_fd``: a file descriptor where bwrap writes the host PID of the sandbox's init.
    """
    privileged = os.geteuid() == 0 if privileged is None else privileged
    args = [shutil.which(BWRAP) or BWRAP,
            "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--hostname", "sandbox", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
    if info_fd is not None:
        args += ["--info-fd", str(info_fd)]
    if privileged:  # only to drop to the sandbox's own user before the kernel starts
        args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user"]
    args += ["--ro-bind", "/usr", "/usr"]
    for name in _SYSTEM_LINKS:
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    made: set[Path] = {Path("/etc")}
    args += ["--perms", "0755", "--dir", "/etc"]
    for name in _ETC:
        path = Path("/etc") / name
        if path.exists():
            _dirs(path, made, args)
            args += ["--ro-bind", str(path), str(path)]
    args += ["--proc", "/proc", "--dev", "/dev"]
    size = str(int(limits.disk_bytes))
    args += ["--perms", "1777", "--size", size, "--tmpfs", "/tmp",
             "--perms", "1777", "--size", size, "--tmpfs", "/dev/shm"]
    made.add(Path("/home"))
    args += ["--perms", "0755", "--dir", "/home", "--perms", "0777", "--size", size, "--tmpfs", WORKDIR]
    environment = _environment(WORKDIR, "/tmp")
    fonts = _font_list()
    if fonts is not None:  # matplotlib's cache folder, holding the grader's font list (read-only)
        cache = environment["MPLCONFIGDIR"]
        args += ["--perms", "0777", "--dir", cache, "--ro-bind", fonts, f"{cache}/{Path(fonts).name}"]
    bound: list[Path] = [Path("/usr")]
    for root in _python_roots():
        _dirs(root, made, args)
        args += ["--ro-bind", str(root), str(root)]
        bound.append(root)
    package, extra = _learner_files()
    for path in ([] if _under(package, bound) else [package]) + extra:
        if _under(path, bound):
            continue
        _dirs(path, made, args)
        args += ["--ro-bind", str(path), str(path)]
        bound.append(path)
    for rel in TEACHER_ONLY:
        hidden = package / rel
        if hidden.is_dir():
            args += ["--tmpfs", str(hidden)]
        elif hidden.exists():
            args += ["--ro-bind", _empty_file(), str(hidden)]
    args += ["--chdir", WORKDIR, "--clearenv"]
    for key, value in environment.items():
        args += ["--setenv", key, value]
    return args + ["--", *command]


@functools.lru_cache(maxsize=8)
def _write_grader_file(name: str, write) -> tuple[str, int]:
    folder = tempfile.mkdtemp(prefix="articlekit-grader-")
    atexit.register(shutil.rmtree, folder, True)
    os.chmod(folder, 0o755)
    path = os.path.join(folder, name)
    write(path)
    os.chmod(path, 0o444)
    return path, os.path.getsize(path)


def _grader_file(name: str, write) -> str:
    """A read-only file of the grader's that sandboxes bind, written by ``write(path)`` once per process.

    Written again when it went missing or changed (a cleaner emptied ``/tmp``): bubblewrap
    refuses to start a sandbox whose bound file is gone.
    """
    path, size = _write_grader_file(name, write)
    if not os.path.isfile(path) or os.path.getsize(path) != size:
        _write_grader_file.cache_clear()
        path, size = _write_grader_file(name, write)
    return path


def _write_nothing(path: str) -> None:
    with open(path, "wb"):
        pass


def _empty_file() -> str:
    """An empty, read-only regular file of the grader's, bound over each teacher-only file."""
    return _grader_file("empty", _write_nothing)


def _write_font_list(path: str) -> None:
    from matplotlib import font_manager

    font_manager.json_dump(font_manager.FontManager(), path)


def _font_list() -> str | None:
    """matplotlib's list of the fonts installed here, built once per grader (``None`` without matplotlib).

    Each sandbox starts with an empty matplotlib cache, and every lesson imports
    ``matplotlib.pyplot``, which then lists the system's fonts again: 0.3 s of CPU per
    notebook.  The list only names the font files under ``/usr`` and the Python
    environment, which every sandbox sees read-only at the same paths; it tells the
    learner's code nothing else.
    """
    try:
        from matplotlib.font_manager import FontManager
    except ImportError:
        return None
    try:
        return _grader_file(f"fontlist-v{FontManager.__version__}.json", _write_font_list)
    except (OSError, TypeError, ValueError):  # no list: each sandbox builds its own, as before
        return None


def _environment(home: str, tmp: str) -> dict[str, str]:
    """The few variables the executor and the kernel get (nothing of the grader's)."""
    bin_dir = os.path.dirname(sys.executable)
    return {
        "PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin",
        "HOME": home, "USER": "learner", "LOGNAME": "learner", "LANG": "C.UTF-8", "TMPDIR": tmp,
        "MPLBACKEND": "Agg", "MPLCONFIGDIR": f"{tmp}/matplotlib", "XDG_CACHE_HOME": f"{tmp}/cache",
        "IPYTHONDIR": f"{home}/.ipython", "JUPYTER_PLATFORM_DIRS": "1",
        "JUPYTER_RUNTIME_DIR": f"{tmp}/jupyter-runtime", "JUPYTER_CONFIG_DIR": f"{home}/.jupyter",
        "JUPYTER_DATA_DIR": f"{home}/.local/share/jupyter", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "PYTHONDONTWRITEBYTECODE": "1", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false",
    }


# ---------------------------------------------------------------------------
# Can it run here?
# ---------------------------------------------------------------------------
@functools.lru_cache(maxsize=8)
def _probe(bwrap: str, executable: str) -> str:
    """'' when a sandbox starts here and runs this Python; else why not (once per program and Python)."""
    if not shutil.which(bwrap):
        return f"{bwrap} is not installed"
    try:
        done = subprocess.run(bwrap_command([sys.executable, "-I", "-c", "import articlekit.classroom.execute"]),
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{bwrap} did not start: {type(exc).__name__}"
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit code {done.returncode}"]
        return f"{bwrap} failed: {lines[-1][:160]}"
    return ""


def require_sandbox() -> None:
    """Raise :class:`SandboxUnavailable` (one line) unless bubblewrap runs here."""
    reason = _probe(BWRAP, sys.executable)
    if reason:
        raise SandboxUnavailable(
            f"cannot grade safely: {reason} (bubblewrap, Debian package 'bubblewrap', runs each submission "
            f"in a sandbox); pass {UNSAFE_FLAG} to grade without it: {UNSAFE_COST}")


# ---------------------------------------------------------------------------
# Running one notebook
# ---------------------------------------------------------------------------
def _task_count(uid: int) -> int:
    """Processes and threads of ``uid`` now (RLIMIT_NPROC counts them all)."""
    total = 0
    try:
        entries = list(os.scandir("/proc"))
    except OSError:  # no /proc (macOS): the limit is then only the budget
        return 0
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="ascii", errors="replace") as handle:
                status = handle.read()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("Uid", "").split()[:1] == [str(uid)]:
            total += int(fields.get("Threads", "1").strip() or 1)
    return total


def _confinement(limits: Limits, sandboxed: bool) -> dict:
    cpu = int(limits.notebook_timeout * 1.5 + 60)
    nproc = int(limits.max_processes)
    uid = None
    if sandboxed and os.geteuid() == 0:
        uid = random.randrange(200_000, 2_000_000)  # a user of its own: RLIMIT_NPROC counts only this sandbox
    elif os.geteuid() != 0:
        nproc += _task_count(os.getuid())  # the count is per user, and the user is the teacher
    return {"uid": uid, "rlimits": {"AS": int(limits.memory_bytes), "NPROC": nproc, "FSIZE": int(limits.max_file_bytes),
                                    "CPU": cpu, "NOFILE": 1024, "CORE": 0}}


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # its own session: bwrap, or the unsandboxed executor (its shell dies with it)
    except (ProcessLookupError, PermissionError):
        pass


def _feed(proc: subprocess.Popen, data: bytes) -> None:
    try:
        proc.stdin.write(data)
        proc.stdin.close()
    except (BrokenPipeError, OSError, ValueError):
        pass


class Started:
    """A sandbox started ahead of its notebook, for one notebook only.

    Starting it launches bubblewrap, the executor and the kernel, which
    imports ``warm`` (by default the kit, :data:`.execute.KIT_IMPORTS`; a
    batch passes what its assignments import too); they boot while the
    grader is busy with another submission.  :meth:`run` then
    hands it its notebook; :meth:`close` discards one that was never used.
    Nothing passes from one sandbox to another: each is used once.

    With ``sandbox=False`` (``--unsafe-no-sandbox``) the same executor runs as
    a plain child process in a temporary folder, with the resource limits but
    none of the isolation.
    """

    def __init__(self, limits: Limits = Limits(), sandbox: bool = True, warm: tuple[str, ...] | None = None) -> None:
        from .answers import MAX_BYTES
        from .execute import KIT_IMPORTS

        self.limits = limits
        self.record_size = MAX_BYTES + 4096
        self._tmp = None if sandbox else tempfile.TemporaryDirectory(prefix="articlekit-unsafe-")
        self._used = False
        self.proc: subprocess.Popen | None = None
        self.problem = ""
        self._info_r: int | None = None
        workdir = WORKDIR
        command = [sys.executable, "-I", "-m", "articlekit.classroom.execute"]
        popen: dict = {}
        info_w = None
        if sandbox:
            self._info_r, info_w = os.pipe()
            command = bwrap_command(command, limits=limits, info_fd=info_w)
            popen["env"] = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
            popen["pass_fds"] = (info_w,)
        else:
            tmp = self._tmp.name
            workdir = os.path.join(tmp, "work")
            popen["env"] = _environment(workdir, os.path.join(tmp, "tmp"))
            os.makedirs(popen["env"]["MPLCONFIGDIR"])
            fonts = _font_list()
            if fonts is not None:
                shutil.copy(fonts, popen["env"]["MPLCONFIGDIR"])
            os.makedirs(workdir)
            popen["cwd"] = workdir
        limits_json = {"cell_timeout": limits.cell_timeout, "notebook_timeout": limits.notebook_timeout,
                       "max_output_bytes": limits.max_output_bytes, "max_record_bytes": limits.max_record_bytes,
                       "max_record_size": self.record_size, "kernel_name": limits.kernel_name}
        config = json.dumps({"workdir": workdir, "limits": limits_json,
                             "warm": list(KIT_IMPORTS if warm is None else warm),
                             "confine": _confinement(limits, sandbox)}).encode("utf-8") + b"\n"
        try:
            self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, start_new_session=True, close_fds=True, **popen)
        except OSError as exc:
            self.problem = f"the sandbox did not start ({type(exc).__name__}: {exc})"[:300]
        finally:
            if info_w is not None:
                os.close(info_w)
        if self.proc is not None:
            try:  # a few hundred bytes: the pipe holds them, the executor reads them when it is up
                self.proc.stdin.write(config)
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError, ValueError):
                pass

    def run(self, nb, *, name: str, record_cells: set[int]) -> Execution:
        """Execute the prepared notebook ``nb`` here; never raises for the learner's code."""
        import nbformat

        if self._used:
            raise RuntimeError("a sandbox runs one notebook only")
        self._used = True
        limits = self.limits
        try:
            if self.proc is None:
                return Execution(("sandbox-died",), detail=self.problem)
            cells = [[i, c.source] for i, c in enumerate(nb.cells) if c.cell_type == "code"]
            task = json.dumps({"notebook": nbformat.writes(nb), "cells": cells, "name": name,
                               "record_cells": sorted(record_cells)}).encode("utf-8")
            cap = limits.max_record_bytes + 2 * self.record_size + 1_000_000
            deadline = time.monotonic() + limits.notebook_timeout + _START_MARGIN
            feeder = threading.Thread(target=_feed, args=(self.proc, task), daemon=True)
            feeder.start()
            out, err, info, why = _collect(self.proc, cap, deadline, self._info_r)
            self._finish(info)
            feeder.join(timeout=5)
            return _parse(out, err, why, self.proc.returncode, limits)
        finally:
            self._cleanup()

    def _finish(self, info: bytes | None = None) -> None:
        proc = self.proc
        _kill(proc)  # whatever is left of the session goes too
        proc.wait()
        if info is None and self._info_r is not None:
            info = _read_available(self._info_r)
        _end_namespace(info or b"")

    def close(self) -> None:
        """Discard a sandbox that was never given a notebook (its processes all end)."""
        if self._used:
            return
        self._used = True
        try:
            if self.proc is not None:
                self._finish()
        finally:
            self._cleanup()

    def _cleanup(self) -> None:
        if self._info_r is not None:
            os.close(self._info_r)
            self._info_r = None
        if self.proc is not None:
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                try:
                    stream.close()
                except (OSError, ValueError):
                    pass
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> "Started":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def run_notebook(nb, *, name: str, record_cells: set[int], limits: Limits = Limits(),
                 sandbox: bool = True, started: Started | None = None,
                 warm: tuple[str, ...] | None = None) -> Execution:
    """Execute a prepared notebook in a sandbox of its own; never raises for the learner's code.

    ``started``: a :class:`Started` sandbox to run it in (started ahead, with
    the same ``limits``); by default one is started now, importing ``warm``
    (see :class:`Started`).  With
    ``sandbox=False`` (``--unsafe-no-sandbox``) the same executor runs as a
    plain child process in a temporary folder, with the resource limits but
    none of the isolation.
    """
    started = started if started is not None else Started(limits, sandbox, warm)
    return started.run(nb, name=name, record_cells=record_cells)


def _read_available(fd: int) -> bytes:
    """What can be read from ``fd`` now, without waiting (bwrap's info, written at start)."""
    out = bytearray()
    while len(out) < 8192:
        if not select.select([fd], [], [], 0.2)[0]:
            break
        chunk = os.read(fd, 8192)
        if not chunk:
            break
        out.extend(chunk)
    return bytes(out)


def _end_namespace(info: bytes) -> None:
    """Kill the sandbox's init (hence every process in its PID namespace) and wait until they are gone.

    bwrap exits as soon as the command does; its namespace is torn down just
    after.  Waiting here means no learner process outlives the grading of
    its notebook, even for an instant.
    """
    try:
        # bwrap writes this before the command starts: only that first object counts
        first, _ = json.JSONDecoder().raw_decode(info.decode("utf-8").lstrip() or "{}")
        pid = int(first.get("child-pid", 0))
    except (ValueError, AttributeError, TypeError):
        return
    if pid <= 1:
        return
    try:
        namespace = os.readlink(f"/proc/{pid}/ns/pid")
    except OSError:
        return  # already gone
    if namespace == os.readlink("/proc/self/ns/pid"):
        return  # not a sandbox's init (the PID was reused): never touch it
    try:
        os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        return
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
                state = handle.read().rpartition(")")[2].split()[:1]
        except OSError:
            return
        if state in (["Z"], ["X"]):  # init is a zombie only once every process of its namespace is dead
            return
        time.sleep(0.01)


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _collect(proc: subprocess.Popen, cap: int, deadline: float,
             info_fd: int | None = None) -> tuple[bytes, bytes, bytes, str]:
    """Read the result channel (at most ``cap`` bytes), a little of stderr and bwrap's info until exit
    or deadline."""
    out, err, info = bytearray(), bytearray(), bytearray()
    why = ""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ, out)
        sel.register(proc.stderr, selectors.EVENT_READ, err)
        open_streams = 2
        if info_fd is not None:
            sel.register(info_fd, selectors.EVENT_READ, info)
            open_streams += 1
        while open_streams:
            left = deadline - time.monotonic()
            if left <= 0:
                why = "it ran past the notebook's time limit and was killed"
                break
            for key, _ in sel.select(timeout=min(left, 1.0)):
                fd = key.fileobj if isinstance(key.fileobj, int) else key.fileobj.fileno()
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    sel.unregister(key.fileobj)
                    open_streams -= 1
                    continue
                buf = key.data
                if buf is err or buf is info:
                    if len(buf) < 8192:
                        buf.extend(chunk[: 8192 - len(buf)])
                    continue
                buf.extend(chunk)
                if len(out) > cap:
                    why = "it sent back more than the result cap and was killed"
                    open_streams = 0
                    break
    return bytes(out), bytes(err), bytes(info), why


def _parse(out: bytes, err: bytes, why: str, returncode: int | None, limits: Limits) -> Execution:
    from .execute import HEADER

    statuses: list[str] = []
    errors: dict[int, str] = {}
    ran: set[int] = set()
    timeouts: set[int] = set()
    records: dict[int, list] = {}
    detail = ""
    done = None
    if out.startswith(HEADER):
        for line in out[len(HEADER):].split(b"\n"):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                break
            if not isinstance(obj, dict):
                break
            if "done" in obj:
                done = obj["done"] if isinstance(obj["done"], dict) else {}
                break
            index = obj.get("cell")
            if type(index) is not int:
                break
            ran.add(index)
            if isinstance(obj.get("error"), str):
                errors[index] = obj["error"][:100]
            if obj.get("timeout") is True:
                timeouts.add(index)
                errors[index] = "CellTimeout"
            kept = obj.get("records")
            if isinstance(kept, list):
                records[index] = [r for r in kept if isinstance(r, dict)]
    if done is not None:
        statuses = [s for s in done.get("statuses", []) if isinstance(s, str) and s in _STATUSES]
        if isinstance(done.get("detail"), str):
            detail = done["detail"][:300]
    else:
        statuses.append("sandbox-died")
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        if not why:
            code = returncode if returncode is None or returncode >= 0 else f"signal {-returncode}"
            why = f"it ended without a result (exit {code})"
        detail = f"the sandbox died: {why}" + (f"; last message: {last[0][:160]}" if last[0] else "")
    return Execution(tuple(dict.fromkeys(statuses)), errors, frozenset(ran), frozenset(timeouts), records, detail)
