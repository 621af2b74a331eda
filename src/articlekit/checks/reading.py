"""Checks for lesson 1, reading the article (``01-reading``).

One pure function per exercise, ``def name(answer, *, article) -> Result``,
built with :func:`articlekit.checks.passed` / :func:`~articlekit.checks.failed`.
"""

from __future__ import annotations
