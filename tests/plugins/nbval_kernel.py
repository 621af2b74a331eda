"""pytest plugin for the notebook stage of ``make test``: a kernel that dies as it starts is
started once more.

nbval starts each notebook's kernel on ports jupyter_client found free a moment before.  When two
workers start kernels at the same moment, one kernel can find a port taken and die before it
answers ("Kernel died before replying to kernel_info"; jupyter/jupyter_client#154): every cell
of that notebook then fails, though nothing in the notebook is wrong.  Only that error is
retried, once; a kernel that dies twice fails the notebook as before.

Loaded with ``-p nbval_kernel``, this folder on ``PYTHONPATH`` (see ``NBVAL`` in the Makefile).
"""

from __future__ import annotations

import nbval.kernel

_START = nbval.kernel.start_new_kernel
DIED_AT_START = "Kernel died before replying to kernel_info"


def start_new_kernel(*args, **kwargs):
    """nbval's ``start_new_kernel``, once more when the kernel died before it answered."""
    try:
        return _START(*args, **kwargs)
    except RuntimeError as exc:
        if DIED_AT_START not in str(exc):
            raise
        return _START(*args, **kwargs)


def pytest_configure(config):
    nbval.kernel.start_new_kernel = start_new_kernel
