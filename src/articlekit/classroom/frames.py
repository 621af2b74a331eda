"""Frames: how the grader's processes talk over pipes (a 4-byte big-endian length, then the payload).

The judge (:mod:`.judge`) gets its tasks and sends its verdicts this way; the executor and the
learner's shell (:mod:`.execute`, :mod:`.shell`) too.  A reader always names the largest frame
it accepts, so a length from a process it does not trust never makes it hold more.
"""

from __future__ import annotations

import json
import os
import select
import struct
import time

__all__ = ["FRAME", "encode", "frame", "read_exact", "read_frame", "write_frame"]

#: The length prefix of a frame.
FRAME = struct.Struct(">I")


def encode(obj) -> bytes:
    """``obj`` as compact UTF-8 JSON: the payload of the executor's and the shell's frames."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def frame(payload: bytes) -> bytes:
    """``payload`` as one frame: its length, then itself."""
    return FRAME.pack(len(payload)) + payload


def write_frame(fd: int, payload: bytes) -> None:
    """Write ``payload`` as one frame to ``fd`` (blocking until all of it is written)."""
    view = memoryview(frame(payload))
    while view:
        view = view[os.write(fd, view):]


def read_exact(fd: int, n: int, deadline: float | None = None) -> bytes | None:
    """``n`` bytes from ``fd``; ``None`` at end of file or past ``deadline`` (a ``time.monotonic()``)."""
    chunks, left = [], n
    while left:
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([fd], [], [], wait)[0]:
                return None
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_frame(fd: int, deadline: float | None, cap: int) -> bytes | None:
    """The payload of the next frame on ``fd``; ``None`` at end of file, past ``deadline``, or when
    the frame says it is longer than ``cap`` (nothing more is read then)."""
    head = read_exact(fd, FRAME.size, deadline)
    if head is None:
        return None
    (size,) = FRAME.unpack(head)
    if size > cap:
        return None
    return read_exact(fd, size, deadline)
