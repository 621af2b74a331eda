"""The class dashboard (``grades/index.html``, issue 12 item 7).

Built from :class:`NotebookGrade` records made here: no sandbox, no kernel.
One end-to-end test runs ``articlekit grade`` (two fixture notebooks, each in
the bubblewrap sandbox, a few seconds) and opens what it wrote.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import io
import html
import shutil
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from articlekit.classroom import dashboard as db
from articlekit.classroom import report
from articlekit.classroom.batch import STATUS_TEXT, ExerciseGrade, NotebookGrade, student_id
from articlekit.classroom.report import write_report

ROOT = Path(__file__).resolve().parents[1]
FIX_SOLUTIONS = ROOT / "tests" / "fixtures" / "classroom" / "solutions"

SCRIPT = "<script>alert(1)</script>"
FORMULA = "=2+5"
LONG = "Aïssatou " + "N" * 231  # 240 characters: longer than a file name may be
assert len(LONG) == 240


def E(gid, points, max_points, status, hint=""):  # noqa: N802 - short, like a table
    return ExerciseGrade(gid, float(points), float(max_points), status, hint)


def _nb(student, exercises, statuses=("ok",), notebook="01-reading", detail=""):
    return NotebookGrade(student, notebook, tuple(exercises), tuple(statuses), detail,
                         float(sum(x.max_points for x in exercises)))


# A class of six on one notebook of three exercises (1 + 2 + 3 points).
H_COUNT = "How many paragraphs does the text have? Count them again."
H_SPLIT = "Did you split on blank lines?"
H_TITLE = "Is the title the first line?"


def fake_class() -> list[NotebookGrade]:
    return [
        _nb("alice", [E("q-title", 1, 1, "passed"), E("q-count", 2, 2, "passed"), E("q-speak", 3, 3, "passed")]),
        _nb("bruno", [E("q-title", 1, 1, "passed"), E("q-count", 0, 2, "failed", H_COUNT),
                      E("q-speak", 0, 3, "unanswered", "Not answered yet.")]),
        _nb("chloé", [E("q-title", 0, 1, "failed", H_TITLE), E("q-count", 0, 2, "failed", H_COUNT),
                      E("q-speak", 3, 3, "passed")]),
        _nb(SCRIPT, [E("q-title", 1, 1, "passed"), E("q-count", 0, 2, "failed", H_SPLIT),
                     E("q-speak", 0, 3, "hidden-tests", "Your answer passed the visible check only.")],
            statuses=("cell-timeout",)),
        _nb(FORMULA, [E("q-title", 0, 1, "not-run", "This cell did not run (see the notebook's status)."),
                      E("q-count", 0, 2, "not-run", "This cell did not run (see the notebook's status)."),
                      E("q-speak", 0, 3, "not-run", "This cell did not run (see the notebook's status).")],
            statuses=("kernel-died",), detail="the kernel exited"),
        _nb(LONG, [E("q-title", 1, 1, "passed"), E("q-count", 0, 2, "error", H_COUNT),
                   E("q-speak", 0, 3, "check-timeout", "The check ran too long.")],
            statuses=("check-timeout", "duplicate")),
        NotebookGrade(LONG, "77-unknown", (), ("unknown-notebook",)),
    ]
# totals per submission of 01-reading: alice 6, bruno 1, chloé 3, SCRIPT 1, FORMULA 0, LONG 1


# --------------------------------------------------------------------------- reading the page
class Page(HTMLParser):
    """What a test needs from the page: elements, tables by id (rows of cell texts), text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.tables: dict[str, list[list[str]]] = {}
        self.text_parts: list[str] = []
        self._table: str | None = None
        self._cell: list[str] | None = None
        self._stack: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "table":
            self._table = attrs.get("id") or f"table-{len(self.tables)}"
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        self.text_parts.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def all(self, tag: str) -> list[dict]:
        return [attrs for t, attrs in self.elements if t == tag]

    def rows(self, table_id: str) -> list[list[str]]:
        return self.tables[table_id][1:]  # without the header row


@pytest.fixture(scope="module")
def page_text() -> str:
    return db.dashboard_html(fake_class())


@pytest.fixture(scope="module")
def page(page_text) -> Page:
    return Page(page_text)


# --------------------------------------------------------------------------- the numbers
def test_pass_rates_and_most_reached_hints_are_computed_right():
    stats = {s.grade_id: s for s in db.exercise_stats(fake_class())}
    assert list(stats) == ["q-count", "q-speak", "q-title"]  # no assignments: sorted by grade id
    title, count, speak = stats["q-title"], stats["q-count"], stats["q-speak"]
    assert (title.submissions, title.passed, title.failed, title.unanswered, title.other) == (6, 4, 1, 0, 1)
    assert (count.passed, count.failed, count.other) == (1, 3, 2)
    assert (speak.passed, speak.failed, speak.unanswered, speak.other) == (2, 1, 1, 2)
    assert (title.pass_percent, count.pass_percent, speak.pass_percent) == ("67%", "17%", "33%")
    assert title.pass_rate == pytest.approx(4 / 6)
    # the wrong-answer hint most students reached: failed and error count, "not run" does not
    assert (count.top_hint, count.top_hint_students, count.hinted_students) == (H_COUNT, 3, 4)
    assert (title.top_hint, title.top_hint_students) == (H_TITLE, 1)
    # unanswered and check-timeout are no misconception; hidden-tests is
    assert (speak.top_hint, speak.top_hint_students) == ("Your answer passed the visible check only.", 1)


def test_most_reached_hint_counts_students_and_breaks_ties_the_same_way():
    grades = [_nb("a", [E("q", 0, 1, "failed", "B?")]), _nb("b", [E("q", 0, 1, "failed", "A?")]),
              _nb("a", [E("q", 0, 1, "failed", "B?")], notebook="01-reading", statuses=("duplicate",))]
    (stats,) = db.exercise_stats(grades)
    assert (stats.top_hint, stats.top_hint_students) == ("A?", 1)  # "a" twice is one student; tie: A before B
    assert db.exercise_stats(list(reversed(grades))) == [stats]


def test_exercises_follow_the_assignments_columns_and_points():
    from articlekit.classroom.assignment import Assignment, CheckCell

    assignment = Assignment("01-reading", "01-reading", "{}", "{}", (
        CheckCell("q-title", 1.0, "", ()), CheckCell("q-count", 2.0, "", ()), CheckCell("q-none", 5.0, "", ())))
    stats = db.exercise_stats(fake_class(), [assignment])
    assert [(s.column, s.max_points) for s in stats][:3] == [("q-title", 1), ("q-count", 2), ("q-none", 5)]
    assert stats[2].submissions == 0 and stats[2].pass_percent == "–"  # nobody had it: no made-up rate
    assert [s.column for s in stats[3:]] == ["q-speak"]  # known only from the grades


def test_score_distribution_counts_every_submission_of_a_known_notebook():
    (dist,) = db.score_distributions(fake_class())  # 77-unknown has no points: no histogram
    assert (dist.notebook, dist.max_points, dist.totals, dist.flagged) == ("01-reading", 6, (0, 1, 1, 1, 3, 6), 3)
    assert dist.median == 1 and dist.counts() == [("0", 1), ("1", 3), ("3", 1), ("6", 1)]
    assert dist.alt == ("Histogram of scores on 01-reading: 6 submissions, median 1 of 6 points, lowest 0, "
                        "highest 6; 1 with full marks, 1 with 0; 3 with a status other than ok. "
                        "Submissions per score: 0 points: 1, 1 point: 3, 3 points: 1, 6 points: 1.")


# --------------------------------------------------------------------------- the page
def test_the_five_parts_are_there_with_the_right_numbers(page):
    assert [a.get("id") for a in page.all("h2")] == ["scores", "pass-rates", "hints", "statuses", "feedback"]
    assert "7 submissions from 6 students; 4 with a status other than ok." in page.text
    # 1. the distribution: an image with words for alt text, and the same counts as a table
    (img,) = [a for a in page.all("img") if a.get("class") == "histogram"]
    assert img["alt"].startswith("Histogram of scores on 01-reading: 6 submissions, median 1 of 6 points")
    assert page.rows("table-0") == [["0", "1"], ["1", "3"], ["3", "1"], ["6", "1"]]
    # 2. pass rates
    rates = {r[0]: r for r in page.rows("pass-rate-table")}
    assert rates["q-title"] == ["q-title", "01-reading", "1", "4", "1", "0", "1", "6", "67%"]
    assert rates["q-count"][-1] == "17%" and rates["q-speak"][-1] == "33%"
    (bars,) = [a for a in page.all("img") if a.get("class") == "pass-rates"]
    assert "q-title 67% (4 of 6)" in bars["alt"]
    # 3. the hint most often reached
    hints = {r[0]: r[1:] for r in page.rows("hint-table")}
    assert hints["q-count"] == [H_COUNT, "3", "4"] and hints["q-title"] == [H_TITLE, "1", "1"]
    # 4. every status other than ok, with what it means, sorted
    statuses = [(r[0], r[1], r[2], r[3]) for r in page.rows("status-table")]
    assert [(s, nb, st) for s, nb, st, _ in statuses] == [  # by student, notebook, then as STATUS_TEXT lists them
        (SCRIPT, "01-reading", "cell-timeout"), (FORMULA, "01-reading", "kernel-died"),
        (LONG, "01-reading", "duplicate"), (LONG, "01-reading", "check-timeout"),
        (LONG, "77-unknown", "unknown-notebook")]
    assert statuses[1][3] == STATUS_TEXT["kernel-died"] + "the kernel exited"
    assert all(text.startswith(STATUS_TEXT[st]) for _, _, st, text in statuses)
    # 5. a link to every feedback page, one per student
    links = [a["href"] for a in page.all("a") if a.get("class") == "feedback-link"]
    assert len(links) == len(set(links)) == 6
    assert "feedback/alice.html" in links


def test_the_page_is_accessible(page):
    assert len(page.all("h1")) == 1
    assert page.all("html")[0]["lang"] == "en"
    ths = page.all("th")
    assert ths and all(a.get("scope") in ("col", "row") for a in ths)
    assert all(len(a.get("alt", "")) > 40 for a in page.all("img"))
    assert len(page.all("caption")) == len(page.all("table"))


def test_the_charts_are_embedded_pngs_that_work_offline(page):
    imgs = page.all("img")
    assert len(imgs) == 2
    for img in imgs:
        assert img["src"].startswith("data:image/png;base64,")
        png = base64.b64decode(img["src"].split(",", 1)[1], validate=True)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert width >= 400 and height >= 100
        assert b"matplotlib version" not in png  # no version, no date: the same grades give the same bytes
    histogram = next(i for i in imgs if i["class"] == "histogram")
    assert (histogram["width"], histogram["height"]) == ("640", "360")


def test_hostile_names_are_escaped_and_linked_by_their_safe_id(page_text, page):
    assert SCRIPT not in page_text and "<script" not in page_text
    assert html.escape(SCRIPT, quote=False) in page_text
    assert f"<bdi>{FORMULA}</bdi>" in page_text  # a web page is no spreadsheet: shown as it is
    assert f"<bdi>{html.escape(LONG)}</bdi>" in page_text  # whole, never cut
    # the name's cell may wrap anywhere: a long name never widens the page
    assert ".name{overflow-wrap:anywhere" in page_text
    by_name = {row[0]: row for row in page.rows("feedback-table") if len(row) == 4}  # rowspan: a name once
    assert set(by_name) == {"alice", "bruno", "chloé", SCRIPT, FORMULA, LONG}
    links = {a["href"] for a in page.all("a") if a.get("class") == "feedback-link"}
    for name in (SCRIPT, FORMULA, LONG):
        assert f"feedback/{student_id(name)}.html" in links
    assert all(len(Path(h).name) <= 64 and "/" not in h.removeprefix("feedback/") for h in links)
    # the content security policy allows no script at all, should anything slip through
    csp = [a for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"] and "script" not in csp[0]["content"]


def test_undecodable_and_control_characters_in_names_never_break_the_report(tmp_path):
    odd = "b\udce9n\x1b[31m\u202e"  # a file name's undecodable byte, an escape sequence, a right-to-left override
    write_report([_nb(odd, [E("q", 1, 1, "passed")])], [], tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<bdi>b\ufffdn\\x1b[31m\u202e</bdi>" in page and "\x1b" not in page
    (row,) = csv.DictReader((tmp_path / "grades.csv").open(encoding="utf-8"))
    assert row["student"].startswith("b\ufffdn")
    assert (tmp_path / "feedback" / f"{student_id(odd)}.html").is_file()


def test_an_empty_class_gives_a_clear_page():
    text = db.dashboard_html([])
    page = Page(text)
    assert len(page.all("h1")) == 1 and page.all("img") == []
    assert "No submissions were graded" in page.text


def test_a_class_without_known_notebooks_or_exercises_still_renders():
    page = Page(db.dashboard_html([NotebookGrade("ana", "77-unknown", (), ("unknown-notebook",))]))
    assert "No submission of a known notebook" in page.text and "No exercises to show" in page.text
    assert page.rows("status-table")[0][:3] == ["ana", "77-unknown", "unknown-notebook"]


def test_the_same_grades_give_the_same_bytes(page_text):
    shuffled = list(reversed(fake_class()))
    assert db.dashboard_html(shuffled) == page_text
    assert "Grading run of" not in page_text  # no time unless one is passed in
    assert "Grading run of 2026-03-01 10:00." in db.dashboard_html(fake_class(), generated="2026-03-01 10:00")


def test_a_chart_that_cannot_be_drawn_costs_only_the_picture(monkeypatch):
    def broken(*args):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(db, "histogram_png", broken)
    page = Page(db.dashboard_html(fake_class()))
    assert [a["class"] for a in page.all("img")] == ["pass-rates"]
    assert "Histogram of scores on 01-reading: 6 submissions" in page.text  # the words stay


# --------------------------------------------------------------------------- written with the report
def test_write_report_writes_the_dashboard_atomically_before_grades_csv(tmp_path, monkeypatch):
    order = []
    real = report.atomic_write

    def spy(path, data):
        order.append(Path(path).relative_to(tmp_path).as_posix())
        return real(path, data)

    monkeypatch.setattr(report, "atomic_write", spy)
    grades = fake_class()
    assert write_report(grades, [], tmp_path) == tmp_path / "grades.csv"
    assert order[-2:] == ["index.html", "grades.csv"] and len(order) == 2 + 6
    assert not list(tmp_path.rglob("*.tmp"))
    page = Page((tmp_path / "index.html").read_text(encoding="utf-8"))
    hrefs = {a["href"] for a in page.all("a") if not a["href"].startswith("#")}
    assert "grades.csv" in hrefs and len(hrefs) == 7
    for href in hrefs:
        assert (tmp_path / href).is_file()  # every link opens a file that is there, relative: zip and send
    # the links use the ids grades.csv gives
    ids = {r["student"].removeprefix("'"): r["id"] for r in csv.DictReader((tmp_path / "grades.csv").open(encoding="utf-8"))}
    assert f"feedback/{ids[FORMULA]}.html" in {a["href"] for a in page.all("a")}


# --------------------------------------------------------------------------- end to end (one sandboxed run)
@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """``articlekit grade`` on two submissions (the solution and the blank exercise), in the sandbox."""
    from articlekit.classroom import generate as gen
    from articlekit.classroom.sandbox import SandboxUnavailable, require_sandbox
    from articlekit.cli import main

    try:
        require_sandbox()
    except SandboxUnavailable as error:
        pytest.skip(f"the end-to-end run needs the bubblewrap sandbox: {error}")
    tmp = tmp_path_factory.mktemp("dashboard-e2e")
    gen.generate_exercises(FIX_SOLUTIONS, tmp / "exercises")
    subs = tmp / "subs"
    (subs / "alice").mkdir(parents=True)
    shutil.copy(FIX_SOLUTIONS / "90-fixture.ipynb", subs / "alice" / "90-fixture.ipynb")
    shutil.copy(tmp / "exercises" / "90-fixture.ipynb", subs / "<img src=x onerror=alert(1)>__90-fixture.ipynb")
    out = tmp / "grades"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["grade", str(subs), "--out", str(out), "--source", str(FIX_SOLUTIONS), "--jobs", "2", "--quiet",
                     "--timeout", "10", "--notebook-timeout", "120"])
    return code, out, printed.getvalue()


def test_articlekit_grade_writes_the_dashboard(graded):
    code, out, printed = graded
    assert code == 0, printed
    assert f"class dashboard: {out / 'index.html'} (open {(out / 'index.html').as_uri()} in a browser)" in printed
    page_text = (out / "index.html").read_text(encoding="utf-8")
    page = Page(page_text)
    assert "2 submissions from 2 students; 0 with a status other than ok." in page.text
    (img,) = [a for a in page.all("img") if a.get("class") == "histogram"]
    assert img["alt"].startswith("Histogram of scores on 90-fixture: 2 submissions, median 1.5 of 3 points")
    rates = {r[0]: r[-1] for r in page.rows("pass-rate-table")}
    assert rates == {"q-title": "50%", "q-paragraphs": "50%"}
    assert "<img src=x" not in page_text and "&lt;img src=x onerror=alert(1)&gt;" in page_text
    for a in page.all("a"):
        if a.get("class") == "feedback-link":
            assert (out / a["href"]).is_file()
    assert (out / "grades.csv").is_file()
