"""Checks for lesson 2, annotating the article (``02-annotating``).

One pure function per exercise, ``def name(answer, *, article) -> Result``,
built with :func:`articlekit.checks.passed` / :func:`~articlekit.checks.failed`.
"""

from __future__ import annotations
