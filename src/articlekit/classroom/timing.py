"""How long a lesson takes a learner: reading, running, answering, section by section.

A lesson's "Time" line is a promise to the teacher who plans a class around
it.  This module estimates it from the lesson's MyST source with a simple,
stated model of a learner working through it, so that the figure printed
in each lesson is measured, not guessed, and is measured again whenever a
lesson changes (``tests/test_timing.py`` fails when the printed table
drifts from the estimate; ``articlekit times notebooks/`` prints it).

The model (minutes), chosen for a B1 learner of French who is a Python
beginner, reading English instructions:

* prose: 120 words a minute (a careful reader, not a skimmer);
* a code cell: 1 minute to read and run it and to look at its output, plus
  a minute for every 12 lines beyond the first 4;
* a "Try it" prompt: 5 minutes to try, check and compare with the worked
  answer;
* a "Think first" prompt: 2 minutes;
* a graded exercise (an answer cell of an assignment): 6 minutes.

Examples
--------
>>> from articlekit.classroom.timing import estimate
>>> sections = estimate("## 1. A\\n\\nSome words to read.\\n\\n```{code-cell} ipython3\\nx = 1\\n```\\n")
>>> [(s.title, s.minutes) for s in sections]
[('1. A', 1.0)]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Section", "estimate", "estimate_file", "stale_tables", "time_table", "write_tables"]

WORDS_PER_MINUTE = 120
CELL_MINUTES = 1.0
LINES_PER_EXTRA_MINUTE = 12
TRY_IT_MINUTES = 5.0
THINK_FIRST_MINUTES = 2.0
EXERCISE_MINUTES = 6.0

_CELL = re.compile(r"```\{code-cell\}[^\n]*\n(.*?)```", re.S)
_FENCE = re.compile(r"```.*?```", re.S)
_HEADING = re.compile(r"^## (.+)$", re.M)
_DETAILS = re.compile(r"<details>.*?</details>", re.S)
#: Cells tagged teacher-note (solutions only): the teacher reads them, the learner never sees them.
_TEACHER_NOTE = re.compile(r'^\+\+\+ \{[^\n]*"teacher-note"[^\n]*\}\n.*?(?=^\+\+\+|^```\{code-cell\}|\Z)'
                           r'|^```\{code-cell\}[^\n]*\n:tags: \[[^\]\n]*teacher-note[^\]\n]*\]\n.*?^```\n?',
                           re.M | re.S)
#: Where a lesson prints its table (the table itself is not counted as reading).
_TABLE = re.compile(r"<!-- time-table -->\n.*?<!-- /time-table -->", re.S)


@dataclass(frozen=True)
class Section:
    """One ``##`` section of a lesson and the minutes a learner spends on it."""

    title: str
    words: int
    cells: int
    try_its: int
    exercises: int
    minutes: float


def _cell_minutes(source: str) -> float:
    lines = [x for x in source.splitlines() if x.strip() and not x.startswith(("---", ":tags:"))]
    # the nbgrader metadata block at the top of a cell is not code a learner reads
    code = [x for x in lines if not re.match(r"\s*(nbgrader:|grade:|grade_id:|locked:|points:|schema_version:|"
                                             r"solution:|task:)", x)]
    return CELL_MINUTES + max(0, math.ceil((len(code) - 4) / LINES_PER_EXTRA_MINUTE))


def estimate(text: str) -> list[Section]:
    """Estimate the minutes of each ``##`` section of a lesson's MyST text.

    Parameters
    ----------
    text : str
        The lesson's MyST Markdown source.

    Returns
    -------
    list of Section
        Sections in order; "Key points", "Setting up" and the title block
        are included (they are read too); teacher notes are not (learners
        never see them).
    """
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    body = _TEACHER_NOTE.sub("", _TABLE.sub("", body))
    parts = _HEADING.split(body)
    chunks = [("(introduction)", parts[0])] + list(zip(parts[1::2], parts[2::2]))
    sections: list[Section] = []
    for title, chunk in chunks:
        cells = _CELL.findall(chunk)
        worked = _DETAILS.findall(chunk)
        prose = _FENCE.sub(" ", _DETAILS.sub(" ", chunk))
        words = len(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", prose))
        # a worked answer in <details> is read once the learner has tried: count its words too
        words += sum(len(re.findall(r"[^\W\d_]+", _FENCE.sub(" ", w))) for w in worked)
        try_its = len(re.findall(r"\*\*Try it[.:]?\*\*", chunk))
        thinks = len(re.findall(r"\*\*Think first", chunk))
        exercises = len(re.findall(r"solution: true", chunk))
        minutes = (words / WORDS_PER_MINUTE + sum(_cell_minutes(c) for c in cells)
                   + try_its * TRY_IT_MINUTES + thinks * THINK_FIRST_MINUTES + exercises * EXERCISE_MINUTES)
        if not words and not cells:
            continue
        sections.append(Section(title.strip(), words, len(cells), try_its, exercises, round(minutes, 1)))
    return sections


def estimate_file(path: str | Path) -> list[Section]:
    """:func:`estimate` on a lesson file (``notebooks/01-reading.md``)."""
    return estimate(Path(path).read_text(encoding="utf-8"))


def time_table(sections: list[Section]) -> str:
    """The sections as the Markdown table a lesson prints under "Time", rounded to 5 minutes."""
    rows = ["| section | minutes |", "|---|---|"]
    for s in sections:
        rows.append(f"| {s.title} | {_round5(s.minutes)} |")
    # the total is the sum of the rows as printed, so a teacher's addition agrees with it
    rows.append(f"| **total** | **{sum(_round5(s.minutes) for s in sections)}** |")
    return "\n".join(rows)


def _round5(minutes: float) -> int:
    return max(5, int(5 * round(minutes / 5)))


def _block(sections: list[Section]) -> str:
    return "<!-- time-table -->\n" + time_table(sections) + "\n<!-- /time-table -->"


def stale_tables(paths) -> list[Path]:
    """The lesson files whose printed time table differs from the estimate (or that have none)."""
    stale = []
    for path in map(Path, paths):
        text = path.read_text(encoding="utf-8")
        found = _TABLE.search(text)
        if found is None or found.group() != _block(estimate(text)):
            stale.append(path)
    return stale


def write_tables(paths) -> list[Path]:
    """Write each lesson's time table in place of its ``<!-- time-table -->`` block; return those changed."""
    changed = []
    for path in map(Path, paths):
        text = path.read_text(encoding="utf-8")
        if _TABLE.search(text) is None:
            raise ValueError(f"{path}: no <!-- time-table --> … <!-- /time-table --> block to fill")
        new = _TABLE.sub(lambda _: _block(estimate(text)), text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":  # python -m articlekit.classroom.timing notebooks/*.md solutions/*.md
    import sys

    for written in write_tables(sys.argv[1:]):
        print(f"{written}: time table written")
