"""Messages that translate themselves, and hints in the lesson's language."""

from __future__ import annotations

import pickle

import pytest

import articlekit as ak
from articlekit.checks import CheckFailed, failed, passed, unanswered
from articlekit.i18n import LANGUAGES, Message, _, _n, render, translations


def test_a_message_is_its_english_text():
    m = _("Did you keep exactly {n} lemmas?", n=4)
    assert isinstance(m, str) and m == "Did you keep exactly 4 lemmas?"
    assert m.msgid == "Did you keep exactly {n} lemmas?" and dict(m.params) == {"n": 4}


def test_a_message_renders_in_french_from_the_catalogue():
    assert _("❌ {name}: {hint}", name="why", hint="…").render("fr") == "❌ why : …"


def test_a_message_missing_from_the_catalogue_stays_english():
    assert _("A sentence nobody translated, {x}.", x=1).render("fr") == "A sentence nobody translated, 1."


def test_parameters_that_are_messages_are_translated_too():
    inner = _("Not quite. Read the question again: what exactly does it ask for?")
    outer = _("❌ {name}: {hint}", name="why", hint=inner)
    assert outer.render("fr") == "❌ why : " + "Pas tout à fait. Relisez la consigne : que demande-t-elle exactement ?"


def test_plurals_follow_the_language():
    assert _n("{n} slip", "{n} slips", 1) == "1 slip"
    assert _n("{n} slip", "{n} slips", 0) == "0 slips"          # English: 0 is plural
    singular, plural, choose = translations("fr")
    assert choose(0) == 0 and choose(1) == 0 and choose(2) == 1  # French: 0 and 1 are singular


def test_a_message_survives_pickling_as_a_message():
    m = _("❌ {name}: {hint}", name="why", hint="fécondes")
    again = pickle.loads(pickle.dumps(m))
    assert isinstance(again, Message) and again == m and again.render("fr") == m.render("fr")


def test_braces_in_a_message_without_parameters_are_kept():
    assert _("Write a dict such as {'Birame Diop': 3}.") == "Write a dict such as {'Birame Diop': 3}."


def test_render_of_a_plain_value():
    assert render(3, "fr") == "3" and render("plain text", "en") == "plain text"


def test_an_unknown_language_is_one_clear_error():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        ak.checks.lesson("00-start-here", lang="de")


def test_the_kit_speaks_english_and_french():
    assert LANGUAGES == ("en", "fr")


@pytest.mark.parametrize("result, english, french", [
    (passed(), "✅ title: correct, well done!", "✅ title : c’est juste"),
    (unanswered(), "⏳ title: not answered yet.", "⏳ title"),
    (failed(_("Not quite. Read the question again: what exactly does it ask for?")), "❌ title: Not quite.",
     "❌ title : Pas tout à fait."),
])
def test_result_lines_in_both_languages(result, english, french):
    assert result.message("title").startswith(english)
    line = result.message("title", lang="fr")
    assert line.startswith(french)
    if result.status != "failed":
        assert line != result.message("title")        # the fixed lines are translated too


def test_the_checker_gives_hints_in_its_language():
    check = ak.checks.lesson("00-start-here", lang="fr")
    assert check.lang == "fr"
    with pytest.raises(CheckFailed) as caught:
        check.title(...)
    assert caught.value._render_traceback_()[0].startswith("⏳ title : pas encore de réponse")
    assert caught.value._render_traceback_()[0] != ak.checks.lesson("00-start-here").result("title", ...).message("title")


def test_an_in_kernel_checks_hint_reaches_the_feedback_in_the_submissions_language(tmp_path, monkeypatch):
    """A check that must run in the learner's kernel records its hints in every language; the judge
    gives the feedback page the submission's."""
    from articlekit.classroom import judge, runtime

    (tmp_path / "akt_inkernel").mkdir()
    (tmp_path / "akt_inkernel" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "akt_inkernel" / "checks.py").write_text(
        "from articlekit.checks import failed, in_kernel\n"
        "from articlekit.i18n import _\n\n\n"
        "@in_kernel\n"
        "def shape(answer):\n"
        "    return failed(_('Not quite. Read the question again: what exactly does it ask for?'))\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    kernel = runtime._run_in_kernel("akt_inkernel.checks", "shape", object())
    assert kernel["status"] == "failed" and kernel["hints"][0].startswith("Not quite")
    task = {"kind": "check", "lesson": "akt_inkernel.checks", "name": "shape", "kernel_result": kernel,
            "lang": "fr"}
    reply = judge._answer(task, {"article": None})
    assert reply == {"status": "failed",
                     "hint": "Pas tout à fait. Relisez la consigne : que demande-t-elle exactement ?"}
    task["lang"] = "en"
    assert judge._answer(task, {"article": None})["hint"].startswith("Not quite")
