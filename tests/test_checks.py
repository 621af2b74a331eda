"""Tests of articlekit.checks: results, hints, typography-forgiving comparisons, lesson checks."""

from __future__ import annotations

import datetime
import io
import contextlib

import pytest
from hypothesis import given, strategies as st

from articlekit import checks
from articlekit.checks import (
    CheckFailed, Result, failed, matches_hash, normalise_text, passed, salted_hash, same_columns,
    same_date, same_number, same_set, same_text, unanswered,
)


# --------------------------------------------------------------------------- results
def test_result_statuses_and_hint_escalation():
    r = failed("General?", "More specific?", "Most specific?")
    assert not r.ok and r.status == "failed"
    assert [r.hint(n) for n in (1, 2, 3, 4, 9)] == [
        "General?", "More specific?", "Most specific?", "Most specific?", "Most specific?"]
    assert passed().ok and passed().message("x") == checks.SUCCESS_LINE.format(name="x")
    assert unanswered().status == "unanswered"
    assert "not answered yet" in unanswered().message("title")


def test_bad_results_are_refused():
    with pytest.raises(ValueError):
        Result("maybe")
    with pytest.raises(TypeError):
        failed("")
    with pytest.raises(TypeError):
        failed(3)  # type: ignore[arg-type]


def test_check_failed_renders_one_line_without_traceback():
    err = CheckFailed("title", failed("Did you skip the repeated title line?"))
    lines = err._render_traceback_()
    assert lines == ["❌ title: Did you skip the repeated title line?"]
    assert "Traceback" not in str(err)


# --------------------------------------------------------------------------- comparisons
@pytest.mark.parametrize("a, b", [
    ("aujourd’hui", "aujourd'hui"),
    ("« Coopération militaire »", '"coopération militaire"'),
    ("«\u00a0Oui\u00a0»", "“Oui”"),
    ("Le\u00a0Mali", "le mali"),
    ("  Le   Mali ", "Le Mali"),
    ("Qui ?", "qui?"),
    ("Mali – Sénégal", "Mali - Sénégal"),
    ("e\u0301te\u0301", "été"),  # decomposed accents (NFD) vs composed
])
def test_same_text_forgives_typography(a, b):
    assert same_text(a, b)


@pytest.mark.parametrize("a, b", [("Mali", "Sénégal"), ("été", "ete"), ("Mali", None), (3, "3")])
def test_same_text_keeps_real_differences(a, b):
    assert not same_text(a, b)


def test_same_text_case_can_matter():
    assert not same_text("Mali", "mali", casefold=False)
    assert same_text("Mali\u00a0!", "Mali!", casefold=False)


@given(st.text(alphabet="abcdeé’' «»\u00a0-", max_size=30))
def test_normalise_text_is_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


def test_number_set_date_and_columns_helpers():
    import pandas as pd

    assert same_number(0.1 + 0.2, 0.3) and not same_number(True, 1) and not same_number("3", 3)
    assert same_set(["Mali", "sénégal", "Mali"], {"Sénégal", "Mali"})
    assert not same_set("Mali", {"Mali"}) and not same_set(["Mali"], {"Mali", "Niger"})
    day = datetime.date(2025, 2, 6)
    assert same_date(day, day) and same_date("2025-02-06", day)
    assert same_date(datetime.datetime(2025, 2, 6, 12), day) and same_date(pd.Timestamp("2025-02-06"), day)
    assert not same_date("06/02/2025", day) and not same_date(None, day)
    frame = pd.DataFrame({"b": [1], "a": [2]})
    assert same_columns(frame, ["a", "b"]) and not same_columns(frame, ["a", "b"], ordered=True)
    assert not same_columns({"a": 1}, ["a"])


def test_salted_hash_hides_and_matches_answers():
    digest = salted_hash("Sénégal")
    assert "Sénégal" not in digest and len(digest) == 64
    assert matches_hash(" SÉNÉGAL ", digest) and not matches_hash("Mali", digest)
    assert salted_hash(3) == salted_hash(3.0) and salted_hash({"a", "b"}) == salted_hash(["b", "a"])
    assert salted_hash("Mali", salt="other") != salted_hash("Mali")
    assert not matches_hash(object(), digest)


# --------------------------------------------------------------------------- checker
def test_lesson_resolves_slugs_and_short_names():
    assert checks.lesson("00-start-here").module_name == "articlekit.checks.start"
    assert checks.lesson("reading").module_name == "articlekit.checks.reading"
    for slug in ("01-reading", "02-annotating", "03-summarising"):
        checks.lesson(slug)
    with pytest.raises(ValueError, match="unknown lesson"):
        checks.lesson("99-nothing")


def test_checker_lists_exercises_and_refuses_unknown_ones():
    check = checks.lesson("00-start-here")
    assert {"title", "paragraph_count"} <= set(dir(check))
    with pytest.raises(AttributeError, match="has no exercise"):
        check.nope


def test_check_prints_one_success_line(article):
    check = checks.lesson("00-start-here")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.title(article.title) is None
    assert out.getvalue() == "✅ title: correct, well done!\n"


def test_unanswered_says_so_and_does_not_count_as_attempt(article):
    check = checks.lesson("00-start-here")
    with pytest.raises(CheckFailed) as info:
        check.title(...)
    assert info.value.result.status == "unanswered"
    assert "not answered yet" in info.value._render_traceback_()[0]
    assert check.attempts == {}


def test_hints_escalate_on_second_and_third_failure(article):
    check = checks.lesson("00-start-here")
    seen = []
    for _ in range(4):
        with pytest.raises(CheckFailed) as info:
            check.paragraph_count(len(article.paragraphs) + 5)
        seen.append(info.value._render_traceback_()[0])
    assert len(set(seen[:3])) == 3 and seen[3] == seen[2]
    check.reset("paragraph_count")
    with pytest.raises(CheckFailed) as info:
        check.paragraph_count(0)
    assert info.value.attempt == 1


def test_failure_never_shows_the_answer(article):
    check = checks.lesson("00-start-here")
    for wrong in ("Le Mali", article.rubric, 42, ["x"]):
        for _ in range(3):
            with pytest.raises(CheckFailed) as info:
                check.title(wrong)
            shown = "\n".join(info.value._render_traceback_()) + str(info.value)
            assert article.title.casefold() not in shown.casefold()
    for _ in range(3):
        with pytest.raises(CheckFailed) as info:
            check.paragraph_count(1)
        assert str(len(article.paragraphs)) not in str(info.value)


def test_a_check_that_raises_is_a_kit_bug_not_a_hint_about_the_answer():
    def fragile(answer, *, article):
        return passed() if answer.lower() else failed("?")  # int has no .lower()

    result = checks.run_check(fragile, 3, article=object())
    assert result.status == "broken" and not result.ok
    line = result.message("fragile")
    assert line.startswith("⚠️ fragile:") and "bug in articlekit" in line and "AttributeError" in line
    # the kit's own tests run checks strictly: the bug surfaces as the exception it is
    with pytest.raises(AttributeError):
        checks.run_check(fragile, 3, article=object(), strict=True)


def test_every_lesson_check_survives_odd_answers_without_raising(article):
    """Answers of every unexpected kind get a verdict, never an exception from the check."""
    import numpy as np
    import pandas as pd

    odd = [None, 0, -1, 10**30, 1.5, float("nan"), True, "", "x" * 10_000, "Mali", [], [None], (1, 2),
           {1, 2}, {}, {"a": None}, np.int64(3), np.array([1, 2]), pd.Series([1, 2]), pd.DataFrame(),
           object(), b"bytes", [[1], [2]], {"Mali": [1]}, range(3)]
    for stem, _ in checks.LESSONS:
        module = checks.lesson_module(stem)
        for name in checks.check_names(module):
            function = getattr(module, name)
            if getattr(function, "__articlekit_in_kernel__", False):
                continue
            for answer in odd:
                result = checks.run_check(function, answer, article=article, strict=True)
                assert result.status in ("passed", "failed"), (stem, name, answer)


def test_article_is_passed_only_to_checks_that_ask():
    calls = []

    def plain(answer):
        calls.append(answer)
        return passed()

    assert checks.run_check(plain, 1, load_article=lambda: 1 / 0).ok
    assert calls == [1]


def test_checker_uses_a_given_article(article):
    class Fake:
        title = "Un autre titre"
        rubric = "Monde"
        paragraphs = (1, 2)

    check = checks.lesson("00-start-here", article=Fake())
    with contextlib.redirect_stdout(io.StringIO()):
        check.title("un autre titre")
        check.paragraph_count(2)


def test_start_checks_accept_any_correct_route(article):
    from articlekit.checks import start

    assert start.title("\u00a0" + article.title.upper() + " ", article=article).ok
    assert start.title(article.title.replace("'", "’"), article=article).ok
    assert start.paragraph_count(len(article.text.split("\n\n")), article=article).ok
    assert not start.paragraph_count(True, article=article).ok
    import numpy as np

    assert start.paragraph_count(np.int64(len(article.paragraphs)), article=article).ok
    assert start.paragraph_count(article.to_frame("paragraphs").shape[0], article=article).ok
    assert "rubric" in start.title(article.rubric, article=article).hint()


def test_in_kernel_marks_a_check():
    @checks.in_kernel
    def f(answer):
        return passed()

    assert f.__articlekit_in_kernel__ is True


def test_lesson_modules_hold_only_checks_that_return_results():
    import inspect

    for _, short in checks.LESSONS:
        module = checks.lesson_module(short)
        assert module.__doc__
        for name in checks.check_names(module):
            params = inspect.signature(getattr(module, name)).parameters
            assert list(params)[0] != "article", f"{short}.{name}: the answer comes first"


def test_closed_answers_are_not_in_the_package_source(article):
    from pathlib import Path

    folder = Path(checks.__file__).parent
    text = "\n".join(p.read_text(encoding="utf-8") for p in folder.glob("*.py"))
    assert article.title not in text
