"""The class dashboard: ``grades/index.html``, written with the rest of the report.

One self-contained page for the teacher, computed from the grades in the
grader's memory (:class:`.batch.NotebookGrade` records), never from what a
learner's kernel wrote:

* the score distribution of each notebook: a histogram of the total points of
  every submission (matplotlib, Okabe-Ito colours, embedded as a base64 PNG
  so that the folder still shows it when zipped and sent), with alt text
  that says the same in words, and the same counts as a table;
* the pass rate of each exercise (a table, and a bar chart per notebook);
* the hint most often reached per exercise: of the hints given for a wrong
  answer (``failed``, ``hidden-tests``, ``error``), the one the most students
  got, and how many;
* every status other than ``ok``, with what it means;
* a link to each student's feedback page (``feedback/<id>.html``).

The page is rendered by jinja2 with autoescape on, from the package template
``articlekit/data/templates/dashboard.html.j2``.  Student names are untrusted
data: escaped, isolated (``<bdi>``) so that a right-to-left override cannot
reorder the page, control characters shown as escapes, never truncated but
allowed to wrap anywhere.  The same grades give the same bytes: rows are
sorted, the PNGs carry no date or version, and no time is shown unless one is
passed in.

Examples
--------
>>> from articlekit.classroom.batch import ExerciseGrade, NotebookGrade
>>> g = [NotebookGrade("awa", "01", (ExerciseGrade("q", 1, 1, "passed"),), max_points=1),
...      NotebookGrade("ben", "01", (ExerciseGrade("q", 0, 1, "failed", "Count again?"),), max_points=1)]
>>> [(s.column, s.passed, s.submissions, s.top_hint, s.top_hint_students) for s in exercise_stats(g)]
[('q', 1, 2, 'Count again?', 1)]
"""

from __future__ import annotations

import base64
import functools
import io
import statistics
import unicodedata
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from .assignment import Assignment
from .batch import STATUS_TEXT, ExerciseGrade, NotebookGrade, iter_exercise_columns, student_ids

__all__ = [
    "DASHBOARD_NAME",
    "HINT_STATUSES",
    "Distribution",
    "ExerciseStats",
    "StatusRow",
    "StudentLink",
    "dashboard_html",
    "display_name",
    "utf8_safe",
    "exercise_stats",
    "page_ids",
    "score_distributions",
    "status_rows",
    "student_links",
]

#: The dashboard's file name in the report folder.
DASHBOARD_NAME = "index.html"

#: Exercise statuses whose hint says what went wrong (a misconception), as
#: opposed to "not answered", "not run" or the grader's own time limit.
HINT_STATUSES = ("failed", "hidden-tests", "error")

# Okabe & Ito (2008), distinguishable with every common colour-vision deficiency.
_BLUE, _VERMILLION, _GREEN = "#0072B2", "#D55E00", "#009E73"


def utf8_safe(text: str) -> str:
    """``text`` with every lone surrogate (an undecodable byte of a file name, as
    :func:`os.scandir` gives it) replaced by U+FFFD, so that it encodes as UTF-8.

    >>> utf8_safe("b\\udce9"), utf8_safe("Aïssa")
    ('b\ufffd', 'Aïssa')
    """
    text = str(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def display_name(value: str) -> str:
    """``value`` as text a page can show: undecodable bytes of a file name (lone
    surrogates) become U+FFFD, control characters a visible escape.

    >>> display_name("Awa\\x1b[31m"), display_name("b\\udce9")
    ('Awa\\\\x1b[31m', 'b\ufffd')
    """
    value = utf8_safe(value)
    if value.isprintable():
        return value
    return "".join(c if unicodedata.category(c) != "Cc"
                   else c.encode("unicode_escape").decode("ascii") for c in value)


def _points(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def page_ids(grades: Iterable[NotebookGrade]) -> dict[str, str]:
    """Each student's file-name-safe id: the one grading gave, else a fresh one (same rule)."""
    grades = list(grades)
    fresh = student_ids(g.student for g in grades)
    return {g.student: (g.student_id or fresh[g.student]) for g in grades}


def _href(sid: str) -> str:
    return f"feedback/{urllib.parse.quote(sid, safe='')}.html"


# --------------------------------------------------------------------------- the numbers
@dataclass(frozen=True)
class ExerciseStats:
    """How one exercise went across the class.

    ``submissions`` counts the submissions of its notebook that have this
    exercise; ``top_hint`` is the wrong-answer hint (:data:`HINT_STATUSES`)
    the most students got, ``top_hint_students`` how many, and
    ``hinted_students`` how many got any such hint.
    """

    column: str
    notebook: str
    grade_id: str
    max_points: float
    submissions: int = 0
    passed: int = 0
    failed: int = 0
    unanswered: int = 0
    other: int = 0
    top_hint: str = ""
    top_hint_students: int = 0
    hinted_students: int = 0

    @property
    def pass_rate(self) -> float:
        return self.passed / self.submissions if self.submissions else 0.0

    @property
    def pass_percent(self) -> str:
        return _percent(self.passed, self.submissions)


def _columns(grades: Sequence[NotebookGrade], assignments: Sequence[Assignment]) -> list[tuple[str, str, str]]:
    """The report's exercise columns (as in ``grades.csv``), then any exercise only the grades know of."""
    pairs = [(nb, gid) for _, nb, gid in iter_exercise_columns(assignments)]
    known = set(pairs)
    pairs += sorted({(g.notebook, e.grade_id) for g in grades for e in g.exercises} - known)
    counts = Counter(gid for _, gid in pairs)
    return [((gid if counts[gid] == 1 else f"{nb}:{gid}"), nb, gid) for nb, gid in pairs]


def exercise_stats(grades: Sequence[NotebookGrade], assignments: Iterable[Assignment] = ()) -> list[ExerciseStats]:
    """One :class:`ExerciseStats` per exercise, in the order of ``grades.csv``'s columns."""
    grades, assignments = list(grades), list(assignments)
    found: dict[tuple[str, str], list[tuple[str, ExerciseGrade]]] = defaultdict(list)
    for g in grades:
        for e in g.exercises:
            found[(g.notebook, e.grade_id)].append((g.student, e))
    points = {(a.name, c.grade_id): c.points for a in assignments for c in a.checks}
    stats = []
    for column, nb, gid in _columns(grades, assignments):
        rows = found.get((nb, gid), [])
        counts = Counter(e.status for _, e in rows)
        hinted: dict[str, set[str]] = defaultdict(set)
        for student, e in rows:
            if e.status in HINT_STATUSES and e.hint.strip():
                hinted[e.hint.strip()].add(student)
        top, top_n = "", 0
        if hinted:
            top, students = min(hinted.items(), key=lambda kv: (-len(kv[1]), kv[0]))
            top_n = len(students)
        max_points = points.get((nb, gid), max((e.max_points for _, e in rows), default=0.0))
        stats.append(ExerciseStats(
            column, nb, gid, float(max_points), len(rows), counts["passed"],
            counts["failed"] + counts["hidden-tests"], counts["unanswered"],
            len(rows) - counts["passed"] - counts["failed"] - counts["hidden-tests"] - counts["unanswered"],
            top, top_n, len(set().union(*hinted.values())) if hinted else 0))
    return stats


@dataclass(frozen=True)
class Distribution:
    """The totals of every submission of one notebook (sorted) and what they say."""

    notebook: str
    max_points: float
    totals: tuple[float, ...]
    flagged: int = 0

    @property
    def count(self) -> int:
        return len(self.totals)

    @property
    def median(self) -> float:
        return float(statistics.median(self.totals)) if self.totals else 0.0

    def counts(self) -> list[tuple[str, int]]:
        """``(points, submissions)`` for every total reached, lowest first."""
        return [(_points(t), n) for t, n in sorted(Counter(self.totals).items())]

    @property
    def alt(self) -> str:
        """The histogram in words (its ``alt`` text)."""
        n, top = self.count, _points(self.max_points)
        if not n:
            return f"Histogram of scores on {self.notebook}: no submissions."
        text = (f"Histogram of scores on {self.notebook}: {n} submission{'s' if n != 1 else ''}, "
                f"median {_points(self.median)} of {top} points, lowest {_points(self.totals[0])}, "
                f"highest {_points(self.totals[-1])}")
        full = sum(1 for t in self.totals if t >= self.max_points > 0)
        zero = sum(1 for t in self.totals if t == 0)
        text += f"; {full} with full marks, {zero} with 0"
        if self.flagged:
            text += f"; {self.flagged} with a status other than ok"
        by_score = ", ".join(f"{p} point{'' if p == '1' else 's'}: {c}" for p, c in self.counts())
        return f"{text}. Submissions per score: {by_score}."


def score_distributions(grades: Sequence[NotebookGrade]) -> list[Distribution]:
    """One :class:`Distribution` per notebook that has points (an unknown notebook has none)."""
    by_nb: dict[str, list[NotebookGrade]] = defaultdict(list)
    for g in grades:
        if g.max_points > 0:
            by_nb[g.notebook].append(g)
    return [Distribution(nb, max(g.max_points for g in items), tuple(sorted(g.total for g in items)),
                         sum(1 for g in items if g.statuses != ("ok",)))
            for nb, items in sorted(by_nb.items())]


@dataclass(frozen=True)
class StatusRow:
    """One status other than ``ok`` of one submission."""

    student: str
    href: str
    notebook: str
    status: str
    explanation: str
    detail: str = ""


def status_rows(grades: Sequence[NotebookGrade], ids: Mapping[str, str] | None = None) -> list[StatusRow]:
    """Every status other than ``ok``, sorted by student, notebook and the statuses' order."""
    ids = ids or page_ids(grades)
    order = {s: i for i, s in enumerate(STATUS_TEXT)}
    rows = [StatusRow(g.student, _href(ids[g.student]), g.notebook, s, STATUS_TEXT.get(s, "unknown status"),
                      g.detail)
            for g in grades for s in g.statuses if s != "ok"]
    return sorted(rows, key=lambda r: (r.student, r.notebook, order.get(r.status, len(order)), r.status, r.detail))


@dataclass(frozen=True)
class StudentLink:
    """One student's feedback page and what it holds: ``(notebook, total, max, status)`` each."""

    student: str
    href: str
    notebooks: tuple[tuple[str, str, str, str], ...]


def student_links(grades: Sequence[NotebookGrade], ids: Mapping[str, str] | None = None) -> list[StudentLink]:
    """A link to every student's feedback page, sorted by name."""
    ids = ids or page_ids(grades)
    by_student: dict[str, list[NotebookGrade]] = defaultdict(list)
    for g in grades:
        by_student[g.student].append(g)
    return [StudentLink(s, _href(ids[s]), tuple(sorted(
                (g.notebook, _points(g.total), _points(g.max_points), g.status) for g in items)))
            for s, items in sorted(by_student.items())]


# --------------------------------------------------------------------------- the charts
def _png(figure) -> str:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    # no "Software" (matplotlib's version) in the file: the same grades give the same bytes
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _figure(height: float = 3.6):
    from matplotlib.figure import Figure  # no pyplot: no global state, safe in any thread

    figure = Figure(figsize=(6.4, height), dpi=100, layout="constrained")
    return figure, figure.add_subplot()


def histogram_png(dist: Distribution) -> str:
    """The histogram of ``dist``'s totals as base64 PNG text."""
    import numpy as np

    figure, ax = _figure()
    top = max(dist.max_points, max(dist.totals, default=0.0), 1.0)
    width = 1.0 if top <= 30 else float(np.ceil(top / 20))
    edges = np.arange(-width / 2, top + width, width) if width == 1 else np.arange(0, top + width, width)
    ax.hist(dist.totals, bins=edges, color=_BLUE, edgecolor="black", linewidth=0.8, label="submissions")
    if dist.totals:
        ax.axvline(dist.median, color=_VERMILLION, linestyle="--", linewidth=2,
                   label=f"median {_points(dist.median)}")
        ax.legend(loc="best", framealpha=0.9)
    ax.set_title(f"Scores on {dist.notebook} ({dist.count} submissions)", parse_math=False)
    ax.set_xlabel(f"total points (of {_points(dist.max_points)})")
    ax.set_ylabel("submissions")
    ax.set_xlim(edges[0], edges[-1])
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def pass_rate_png(notebook: str, stats: Sequence[ExerciseStats]) -> str:
    """A horizontal bar chart of the pass rate of each exercise of one notebook."""
    figure, ax = _figure(height=max(1.6, 0.9 + 0.4 * len(stats)))
    positions = list(range(len(stats)))
    ax.barh(positions, [100 * s.pass_rate for s in stats], color=_GREEN, edgecolor="black", linewidth=0.8)
    ax.set_yticks(positions, [s.grade_id for s in stats])
    for label in ax.get_yticklabels():
        label.set_parse_math(False)
    for y, s in zip(positions, stats):
        ax.text(min(100 * s.pass_rate, 100) + 1, y, f"{s.pass_percent} ({s.passed}/{s.submissions})",
                va="center", fontsize=9)
    ax.invert_yaxis()  # first exercise on top, as in the table
    ax.set_xlim(0, 125)
    ax.set_xticks(range(0, 101, 25))
    ax.set_xlabel("submissions that passed (%)")
    ax.set_title(f"Pass rate per exercise on {notebook}", parse_math=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def _pass_rate_alt(notebook: str, stats: Sequence[ExerciseStats]) -> str:
    return (f"Bar chart of the pass rate per exercise on {notebook}: "
            + "; ".join(f"{s.grade_id} {s.pass_percent} ({s.passed} of {s.submissions})" for s in stats) + ".")


def _chart(draw, *args) -> str:
    """``draw(*args)``, or "" when it fails: a chart never costs the run its report
    (the page then shows the same numbers in words and tables)."""
    try:
        return draw(*args)
    except Exception:  # noqa: BLE001 - grades.csv and the feedback pages matter more than a picture
        return ""


# --------------------------------------------------------------------------- the page
@functools.lru_cache(maxsize=1)
def _template():
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("articlekit", "data/templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["name"] = display_name
    env.filters["points"] = _points
    return env.get_template("dashboard.html.j2")


def dashboard_html(grades: Sequence[NotebookGrade], assignments: Iterable[Assignment] = (), *,
                   ids: Mapping[str, str] | None = None, title: str = "Class dashboard",
                   generated: str | None = None, charts: bool = True) -> str:
    """The dashboard page for ``grades`` (self-contained HTML text).

    ``ids`` are the students' page ids (default: as :func:`.report.write_report`
    names the pages); ``generated``, when given, is shown as the time of the
    run; ``charts=False`` leaves the images out (the tables stay).
    """
    grades = sorted(grades, key=lambda g: (g.student, g.notebook, g.status))
    assignments = list(assignments)
    ids = dict(ids) if ids is not None else page_ids(grades)
    stats = exercise_stats(grades, assignments)
    distributions = score_distributions(grades)
    by_nb: dict[str, list[ExerciseStats]] = defaultdict(list)
    for s in stats:
        by_nb[s.notebook].append(s)
    histograms = [{"dist": d, "png": _chart(histogram_png, d) if charts else ""} for d in distributions]
    bars = [{"notebook": nb, "alt": _pass_rate_alt(nb, items), "png": _chart(pass_rate_png, nb, items)}
            for nb, items in sorted(by_nb.items()) if charts and any(s.submissions for s in items)]
    bars = [b for b in bars if b["png"]]
    page = _template().render(
        title=title,
        generated=generated,
        submissions=len(grades),
        students=len({g.student for g in grades}),
        flagged=sum(1 for g in grades if g.statuses != ("ok",)),
        histograms=histograms,
        stats=stats,
        bars=bars,
        statuses=status_rows(grades, ids),
        links=student_links(grades, ids),
        hint_statuses=HINT_STATUSES,
    )
    return utf8_safe(page)  # a file name's undecodable bytes anywhere become U+FFFD, never a crash
