"""Write grading results: ``grades.csv``, one HTML feedback page per student, and the
class dashboard ``index.html`` (:mod:`.dashboard`).

Feedback shows each exercise's points and the same question-style hint the
learner saw in the notebook -- never the expected answer, never code.

Everything is written by the grader, from its own memory, after the last
notebook ran, each file atomically (a temporary file, then ``os.replace``),
into a folder that no sandbox can see.  Names are data, not commands: a
cell that a spreadsheet would read as a formula (``=2+5``, ``+``, ``-``,
``@``) is written as text (prefixed with ``'``), and each student's page is
named by their file-name-safe id (:func:`.batch.student_id`); the page and
the CSV show the original name (a file name's undecodable bytes as U+FFFD).
"""

from __future__ import annotations

import csv
import html
import io
from collections import defaultdict
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Sequence

from ..files import atomic_write
from .assignment import Assignment
from .batch import STATUS_TEXT, NotebookGrade, iter_exercise_columns
from .dashboard import DASHBOARD_NAME, dashboard_html, page_ids, utf8_safe

__all__ = ["DASHBOARD_NAME", "csv_text", "grades_csv", "feedback_html", "write_report", "format_summary"]

_STATUS_WORDS = MappingProxyType({
    "passed": "correct",
    "failed": "not yet right",
    "unanswered": "not answered",
    "hidden-tests": "failed the teacher's further tests",
    "error": "the cell failed",
    "check-timeout": "the grader's check ran past its time limit",
    "not-run": "not run",
})

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str) -> str:
    """``value`` as a CSV cell no spreadsheet reads as a formula.

    >>> csv_text("=2+5"), csv_text("Awa")
    ("'=2+5", 'Awa')
    """
    value = utf8_safe(value)
    return "'" + value if value.startswith(_FORMULA) else value


def _points(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def grades_csv(grades: Sequence[NotebookGrade], assignments: Iterable[Assignment]) -> str:
    """CSV text: student, id, notebook, one column per exercise, total, max, status."""
    columns = iter_exercise_columns(assignments)
    ids = _ids(grades)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "id", "notebook", *(csv_text(c) for c, _, _ in columns), "total", "max", "status"])
    for g in grades:
        by_id = {e.grade_id: e for e in g.exercises}
        cells = [(_points(by_id[gid].points) if nb == g.notebook and gid in by_id else "")
                 for _, nb, gid in columns]
        writer.writerow([csv_text(g.student), csv_text(ids[g.student]), csv_text(g.notebook), *cells,
                         _points(g.total), _points(g.max_points), csv_text(g.status)])
    return out.getvalue()


def _ids(grades: Sequence[NotebookGrade]) -> dict[str, str]:
    """Each student's id: the one grading gave, else a fresh one (same rule)."""
    return page_ids(grades)


def feedback_html(student: str, grades: Sequence[NotebookGrade]) -> str:
    """One self-contained HTML page of feedback for one student."""
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Feedback for {e(student)}</title>",
        "<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.4}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}"
        ".passed{color:#1a7f37}.other{color:#b35900}.status{background:#fff4e5;padding:.5rem}</style>",
        "</head><body>",
        f"<h1>Feedback for {e(student)}</h1>",
    ]
    for g in grades:
        parts.append(f"<h2>{e(g.notebook)}: {_points(g.total)} / {_points(g.max_points)}</h2>")
        notes = [s for s in g.statuses if s != "ok"]
        for s in notes:
            parts.append(f'<p class="status">{e(STATUS_TEXT.get(s, s))}</p>')
        if g.detail:
            parts.append(f'<p class="status">{e(g.detail)}</p>')
        if g.exercises:
            parts.append("<table><tr><th>exercise</th><th>points</th><th>result</th><th>hint</th></tr>")
            for x in g.exercises:
                css = "passed" if x.status == "passed" else "other"
                parts.append(
                    f'<tr><td>{e(x.grade_id)}</td><td>{_points(x.points)} / {_points(x.max_points)}</td>'
                    f'<td class="{css}">{e(_STATUS_WORDS.get(x.status, x.status))}</td>'
                    f'<td style="white-space:pre-wrap">{e(x.hint)}</td></tr>')
            parts.append("</table>")
    parts.append("</body></html>")
    return utf8_safe("\n".join(parts) + "\n")


def write_report(grades: Sequence[NotebookGrade], assignments: Iterable[Assignment], out_dir: Path | str, *,
                 generated: str | None = None) -> Path:
    """Write ``out_dir/feedback/<id>.html``, ``out_dir/index.html`` (the class dashboard)
    and ``out_dir/grades.csv``; return the CSV path.

    Everything is rendered in memory first, then each file is written atomically,
    ``grades.csv`` last.  ``generated`` (e.g. the run's date) is shown on the
    dashboard when given; without it the same grades give the same bytes.
    """
    out_dir = Path(out_dir)
    assignments = list(assignments)
    ids = _ids(grades)
    by_student: dict[str, list[NotebookGrade]] = defaultdict(list)
    for g in grades:
        by_student[g.student].append(g)
    pages = {student: feedback_html(student, items).encode("utf-8") for student, items in by_student.items()}
    dashboard = dashboard_html(grades, assignments, ids=ids, generated=generated).encode("utf-8")
    table = grades_csv(grades, assignments).encode("utf-8")
    for student, page in sorted(pages.items()):
        atomic_write(out_dir / "feedback" / f"{ids[student]}.html", page)
    atomic_write(out_dir / DASHBOARD_NAME, dashboard)
    csv_path = out_dir / "grades.csv"
    atomic_write(csv_path, table)  # last: a grades.csv in place means the pages and the dashboard are too
    return csv_path


def format_summary(grade: NotebookGrade) -> str:
    """Plain-text per-exercise summary (used by ``articlekit check``)."""
    width = max([len(x.grade_id) for x in grade.exercises] + [8])
    lines = [f"{grade.notebook}"]
    for x in grade.exercises:
        mark = "✅" if x.status == "passed" else ("⏳" if x.status == "unanswered" else "❌")
        hint = f"  {x.hint}" if x.hint and x.status != "passed" else ""
        lines.append(f"  {mark} {x.grade_id:<{width}}  {_points(x.points)}/{_points(x.max_points)}{hint}")
    lines.append(f"  total: {_points(grade.total)}/{_points(grade.max_points)}")
    for s in grade.statuses:
        if s != "ok":
            lines.append(f"  note: {STATUS_TEXT.get(s, s)}")
    return "\n".join(lines)
