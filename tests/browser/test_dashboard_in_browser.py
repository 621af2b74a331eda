"""The class dashboard (``grades/index.html``) opened in Chromium from disk (``file://``).

The report is written by :func:`articlekit.classroom.report.write_report`
from grades made here (no sandbox, no JupyterLab server): the test checks
the headline, that the embedded charts load and carry their alt text, that a
240-character name does not widen the page, that no student's name runs as
script, and that clicking a name opens that student's feedback page.
"""

from __future__ import annotations

import pytest

from articlekit.classroom.batch import ExerciseGrade, NotebookGrade, student_id
from articlekit.classroom.report import write_report

pytestmark = pytest.mark.browser

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
LONG = "Aïssatou" + "N" * 232


def _grade(student, title, count, statuses=("ok",)):
    return NotebookGrade(student, "01-reading", (
        ExerciseGrade("q-title", float(title), 1.0, "passed" if title else "failed", "Is it the first line?"),
        ExerciseGrade("q-count", 2.0 * count, 2.0, "passed" if count else "failed", "Count the blank lines?"),
    ), tuple(statuses), "", 3.0)


@pytest.fixture
def report_dir(tmp_path):
    grades = [_grade("alice", 1, 1), _grade("bruno", 1, 0), _grade(SCRIPT, 0, 0, ("cell-timeout",)),
              _grade(IMG, 0, 1), _grade(LONG, 1, 0, ("duplicate",))]
    write_report(grades, [], tmp_path)
    return tmp_path


@pytest.fixture
def tab(browser_context):
    page = browser_context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    try:
        yield page
    finally:
        page.close()


def test_dashboard_opens_from_disk_with_its_charts_and_links(report_dir, tab):
    index = report_dir / "index.html"
    tab.goto(index.as_uri())
    tab.wait_for_load_state("load")

    assert tab.locator("h1").count() == 1
    assert tab.locator("h1").inner_text() == "Class dashboard"
    assert tab.title() == "Class dashboard"

    histogram = tab.locator("img.histogram")
    histogram.wait_for()
    assert histogram.evaluate("img => img.complete && img.naturalWidth") > 0
    alt = histogram.get_attribute("alt")
    assert alt.startswith("Histogram of scores on 01-reading: 5 submissions, median 1 of 3 points")
    bars = tab.locator("img.pass-rates")
    assert bars.evaluate("img => img.complete && img.naturalWidth") > 0
    assert "q-title 60% (3 of 5)" in bars.get_attribute("alt")

    # names are text: nothing ran, the page is no wider than the window, the long name is whole
    assert tab.dialogs == []
    fits = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    assert tab.evaluate(fits)
    tab.set_viewport_size({"width": 420, "height": 800})  # a phone: wide tables scroll inside their box
    assert tab.evaluate(fits)
    tab.set_viewport_size({"width": 1280, "height": 900})
    names = tab.locator("a.feedback-link").all_inner_texts()
    assert sorted(names) == sorted(["alice", "bruno", SCRIPT, IMG, LONG])
    assert tab.locator("img").count() == 2  # the <img> in a name is no image

    # clicking a name opens that student's feedback page
    link = tab.locator("a.feedback-link", has_text=SCRIPT)
    assert link.get_attribute("href") == f"feedback/{student_id(SCRIPT)}.html"
    link.click()
    tab.wait_for_url(f"**/feedback/{student_id(SCRIPT)}.html")
    assert tab.locator("h1").inner_text() == f"Feedback for {SCRIPT}"
    assert tab.dialogs == []


def test_dashboard_of_an_empty_class_is_a_clear_page(tmp_path, tab):
    write_report([], [], tmp_path)
    tab.goto((tmp_path / "index.html").as_uri())
    assert tab.locator("h1").inner_text() == "Class dashboard"
    assert "No submissions were graded" in tab.locator("#empty").inner_text()
