"""Safe file writing, shared by every part of the kit that saves a file.

Nothing a learner or teacher wrote is ever lost: a file is written to a
temporary file in the same folder and moved into place in one step
(:func:`os.replace`), so a crash never leaves half a file, and, where asked,
the previous version is kept next to it as ``<name>.bak``.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

__all__ = ["atomic_write", "backup_path", "write_keeping_backup"]


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of ``path`` is kept: ``<name>.bak``.

    >>> backup_path("work/notes.json").name
    'notes.json.bak'
    """
    path = Path(path)
    return path.with_name(path.name + ".bak")


def atomic_write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and :func:`os.replace`.

    Either the whole new content is in place or the old file is untouched.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a" / "b.txt"
    >>> atomic_write(p, b"bonjour").read_bytes()
    b'bonjour'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600): give it the mode the file had, or
        # the usual one, so a shared class folder stays readable after a save
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _mode_for(path: Path) -> int:
    """Permission bits for ``path``: those of the existing file, else 0666 minus the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_keeping_backup(path: str | os.PathLike[str], data: bytes, *, backup: bool = True) -> Path:
    """Write ``data`` atomically; an existing, different file is first kept as ``<name>.bak``.

    Writing the same content again changes nothing (file and backup stay as they are).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> _ = write_keeping_backup(p, b"v1"); _ = write_keeping_backup(p, b"v2")
    >>> p.read_bytes(), backup_path(p).read_bytes()
    (b'v2', b'v1')
    """
    path = Path(path)
    if path.exists():
        old = path.read_bytes()
        if old == data:
            return path
        if backup:
            atomic_write(backup_path(path), old)
    return atomic_write(path, data)
