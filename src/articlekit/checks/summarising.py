"""Checks for lesson 3, summarising the article (``03-summarising``).

One pure function per exercise, ``def name(answer, *, article) -> Result``,
built with :func:`articlekit.checks.passed` / :func:`~articlekit.checks.failed`.
"""

from __future__ import annotations
