"""Lesson 4, reading critically: the kit's tools, its data, the teacher's key and what the lesson leaves.

- ``articlekit.critical``: ``voice_at``, ``reference_figure``, ``context_facts``, ``lesson_actors``;
- the data in ``data/fiche/``: every item the lesson asks about is in the article, where the lesson says;
- the teacher's key agrees with the article and the kit (a key value is what the method gives);
- the shipped digests are those of the key, and the package holds no answer in clear;
- the lesson's worked answers pass its Try-its and none of its values passes a graded check.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import jupytext
import pytest

import articlekit as ak
from articlekit import critical
from articlekit.checks import critical as C
from articlekit.checks import run_check

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "articlekit"
LESSON = ROOT / "notebooks" / "04-critical-reading.md"
SOLUTION = ROOT / "solutions" / "04-critical-reading.md"
GRADED = ("official_share", "whose_our", "loaded_words", "neutral_rewording", "actors_heard", "border_gap",
          "critical_note")


@pytest.fixture(scope="module")
def key(article):
    found = C._key(article)
    assert found is not None, "the teacher's key of lesson 4 is in teacher/keys/"
    return found


# ------------------------------------------------------------------------------------------ the tools
def test_voice_at_names_the_speaker_or_none_for_the_journalist(article):
    text = article.text
    assert critical.voice_at(article, 0) is None
    assert critical.voice_at(article, text.index("notre pays")) is None
    assert critical.voice_at(article, text.index("notre région")).speaker == "Birame Diop"
    assert critical.voice_at(article, text.index("nos pays")).speaker == "Sadio Camara"
    motto = critical.voice_at(article, text.index("Un Peuple"))
    assert motto.kind == "motto" and motto.speaker is None
    # a plain text works as well as an article
    small = "Pour Awa Ndiaye, « la réforme est urgente »."
    assert critical.voice_at(small, small.index("réforme")).speaker == "Awa Ndiaye"
    assert critical.voice_at(small, 0) is None


def test_reference_figure_and_its_sources():
    border = critical.reference_figure("mali-senegal-border")
    assert (border.value, border.unit) == (489, "km")
    assert "World Factbook" in border.source and "419" in border.note
    with pytest.raises(KeyError, match="mali-senegal-border"):
        critical.reference_figure("no-such-figure")
    with pytest.raises(Exception):
        border.value = 1  # frozen


def test_the_article_figure_is_the_one_older_references_gave(article):
    found = re.findall(r"(\d+)\s*(?:km|kilomètres?)", article.text)
    assert found == ["419"]
    assert C._figures(article) == (419, 489.0)


def test_context_facts_are_dated_sourced_and_stated_as_the_lesson_states_them():
    facts = critical.context_facts()
    assert [f.date for f in facts] == sorted(f.date for f in facts)
    assert {f.date for f in facts} == {datetime.date(2023, 9, 16), datetime.date(2024, 1, 28),
                                       datetime.date(2024, 7, 6), datetime.date(2025, 1, 29)}
    assert all(f.source.strip() for f in facts)
    lesson = " ".join(LESSON.read_text(encoding="utf-8").split())
    for f in facts:
        assert f"{f.date.day} {f.date.strftime('%B')} {f.date.year}" in lesson, f.date
    # the withdrawal took effect about a week before the article
    assert (datetime.date(2025, 2, 6) - datetime.date(2025, 1, 29)).days == 8


def test_lesson_actors_come_from_the_data():
    rows = critical.fiche_data("critical-lesson.json")["actors"]["items"]
    assert critical.lesson_actors() == tuple(r["actor"] for r in rows)
    assert critical.fiche_data("critical-lesson.json") is not critical.fiche_data("critical-lesson.json")


# ------------------------------------------------------------------------------------------ the data
def test_the_lessons_items_are_where_the_lesson_says(article):
    data = critical.fiche_data("critical-lesson.json")
    loaded = data["loaded"]
    text = article.paragraphs[loaded["paragraph"]].text
    for item in loaded["items"]:
        assert all(ak.find_forms(text, h) for h in item["heads"]), item
    assert all(ak.find_forms(text, w) for w in loaded["neutral"])
    word = data["rewording"]
    assert ak.find_forms(article.paragraphs[word["paragraph"]].text, word["word"])
    phrase = data["our_country"]["phrase"]
    assert len(ak.find_forms(article, phrase)) == 1
    for row in data["actors"]["items"]:
        assert C._status(row["status"]) == row["status"]


def test_the_key_agrees_with_the_article(article, key):
    found = ak.extract_quotes(article)
    # official share: the method of the exercise gives the key's value
    quoted = sum(ak.count_words(q.text) for q in found if q.speaker and q.kind in key["official_share"]["kinds"])
    assert abs(quoted / ak.count_words(article.text) - key["official_share"]["value"]) < 0.001
    # whose « notre », « nos »: the speaker of the quotation that holds each phrase
    for phrase, who in key["whose_our"].items():
        assert len(ak.find_forms(article, phrase)) == 1, phrase
        assert critical.voice_at(article, article.text.index(phrase)).speaker == who
    # the loaded words are in the paragraph, and so are the neutral ones the check refuses
    loaded = key["loaded_words"]
    text = article.paragraphs[loaded["paragraph"]].text
    for item in loaded["items"]:
        assert all(ak.find_forms(text, h) for h in item["heads"]), item
    assert all(ak.find_forms(text, w) for w in loaded["neutral"])
    # heard, mentioned, absent: quotations and names in the text
    speakers = {q.speaker for q in found if q.speaker}
    for actor, status in key["actors_heard"].items():
        core = re.sub(r"^(?:les?|la|des|l’|l')\s*", "", actor)
        named = bool(ak.find_forms(article, core))
        assert status == ("heard" if actor in speakers else "mentioned" if named else "absent"), actor


def test_the_assignment_asks_about_other_items_than_the_lesson(article, key):
    lesson = critical.fiche_data("critical-lesson.json")
    assert lesson["loaded"]["paragraph"] != key["loaded_words"]["paragraph"]
    assert lesson["our_country"]["phrase"] not in key["whose_our"]
    assert lesson["share"]["paragraph"] is not None  # the assignment measures the whole article
    assert not set(critical.lesson_actors()) & set(key["actors_heard"])


def test_the_evaluative_lexicon_gives_no_key_word_away(key):
    heads = [w for item in key["loaded_words"]["items"] for h in item["heads"] for w in C._fwords(h)]
    for word in C._evaluative():
        assert not [h for h in heads if C._same_root(word, h)], word
    neutral = {w for n in key["loaded_words"]["neutral"] for w in C._fwords(n)}
    assert not neutral & C._evaluative()


def test_the_shipped_digests_are_those_of_the_key(article):
    shipped = critical.fiche_data(C.DIGESTS_FILE)["articles"][Path(article.source).stem]
    assert shipped == json.loads(json.dumps(C._expected_digests(article))), (
        "digests out of date; run: .venv/bin/python -m articlekit.checks.critical")


def test_the_package_holds_no_answer_in_clear(key):
    shipped = (PACKAGE / "data" / "fiche" / C.DIGESTS_FILE).read_text(encoding="utf-8").casefold()
    words = [h for item in key["loaded_words"]["items"] for h in item["heads"]] + list(key["actors_heard"])
    words += [w for who in key["whose_our"].values() for w in who.split()]
    assert not [w for w in words if w.casefold() in shipped]
    data = " ".join(p.read_text(encoding="utf-8").casefold()
                    for p in (PACKAGE / "data" / "fiche").glob("critical-*.json")
                    if p.name != C.DIGESTS_FILE)
    heads = [h for item in key["loaded_words"]["items"] for h in item["heads"]]
    assert not [h for h in heads if re.search(rf"\b{re.escape(h.casefold())}\b", data)], "a key word ships as data"
    assert not list(PACKAGE.rglob("critical-*.key.json")) and not (PACKAGE / "data" / "fiche" / C.KEY_NAME.format(
        stem=Path(ak.seed_path()).stem)).exists()


# ------------------------------------------------------------------------------------------ the notebooks
def _code(md: Path) -> list[str]:
    return [c.source for c in jupytext.read(md).cells if c.cell_type == "code"]


def _run_lesson_with_its_worked_answers() -> dict:
    """The lesson's namespace after every cell and every worked answer (the <details> blocks) has run."""
    import matplotlib

    matplotlib.use("Agg")
    namespace: dict = {}
    text = LESSON.read_text(encoding="utf-8")
    for source in _code(LESSON):
        source = "\n".join(line for line in source.splitlines() if not line.startswith("%"))
        if source.startswith("check."):
            continue
        exec(compile(source, str(LESSON), "exec"), namespace)   # noqa: S102 - the kit's own lesson
    for block in re.findall(r"<details>.*?```python\n(.*?)```.*?</details>", text, re.S):
        exec(compile(block, str(LESSON), "exec"), namespace)     # noqa: S102
    return namespace


def test_the_lessons_worked_answers_pass_and_give_no_graded_answer_away(article):
    namespace = _run_lesson_with_its_worked_answers()
    answers = {"try_source": "source", "try_official_share": "share_p2", "try_our_country": "our_country",
               "try_loaded_words": "loaded_p6", "try_border": "border_check", "try_heard": "statuses"}
    for name, variable in answers.items():
        result = run_check(getattr(C, name), namespace[variable], article=article, strict=True)
        assert result.ok, (name, result.hints)
    values = [(k, v) for k, v in namespace.items() if not k.startswith("_") and not callable(v)
              and type(v).__name__ not in ("module",)]
    for name in GRADED:
        for k, v in values:
            result = run_check(getattr(C, name), v, article=article)
            assert not result.ok and result.status != "broken", (name, k)


def test_the_lessons_worked_wordings_pass(article):
    text = LESSON.read_text(encoding="utf-8")
    rewording = re.search(r"Two ways to say it.*?« (le Mali voudrait toujours bâtir.*?) »", text, re.S).group(1)
    assert run_check(C.try_rewording, " ".join(rewording.split()), article=article, strict=True).ok
    note = re.search(r"One way to say it.*?\n\n« (.*?) »\n", text.split("## 7.")[1], re.S).group(1)
    assert run_check(C.try_genre_note, " ".join(note.split()), article=article, strict=True).ok


def test_lesson_and_assignment_check_the_exercises_they_announce():
    lesson = "\n".join(_code(LESSON))
    solution = "\n".join(_code(SOLUTION))
    tries = set(re.findall(r"check\.(try_\w+)\(", lesson))
    assert tries == {n for n in dir(ak.checks.lesson("04-critical-reading")) if n.startswith("try_")}
    assert set(re.findall(r"check\.(\w+)\(", solution)) == set(GRADED)


def test_every_prompt_of_the_assignment_has_a_teacher_note():
    nb = jupytext.read(SOLUTION)
    cells = nb.cells
    prompts = [i for i, c in enumerate(cells) if c.cell_type == "markdown"
               and re.search(r"\((?:not graded)\)", c.source) and "teacher-note" not in c.metadata.get("tags", [])]
    assert len(prompts) >= 5
    for i in prompts:
        following = cells[i + 1:i + 4]
        assert any("teacher-note" in c.metadata.get("tags", []) and "Model answer" in c.source for c in following), \
            cells[i].source[:60]
    notes = [c for c in cells if "teacher-note" in c.metadata.get("tags", [])]
    lesson_prompts = len(re.findall(r"\*\*(?:To discuss|Think first)", LESSON.read_text(encoding="utf-8")))
    for_lesson = [c for c in notes if c.source.startswith("**Section")]
    assert len(for_lesson) == lesson_prompts


def test_the_learners_copy_drops_the_teacher_notes():
    from articlekit.classroom.generate import exercise_notebook

    nb = jupytext.read(SOLUTION)
    exercise = exercise_notebook(nb, name="04-critical-reading.ipynb")
    text = "\n".join(c.source for c in exercise.cells)
    assert "Teacher note —" not in text and "Model answer" not in text and "## Teacher notes" not in text
    assert "Commentaire du professeur" in text
    assert "official_share = ...  # YOUR CODE HERE" in text


def test_the_french_translations_cover_every_message_of_the_checks():
    """The package's French catalogue holds a msgstr for each msgid of the module, placeholders kept."""
    import ast

    from articlekit.i18n import translations

    singular, plural, _choose = translations("fr")
    tree = ast.parse((PACKAGE / "checks" / "critical.py").read_text(encoding="utf-8"))
    marks = lambda s: sorted(re.findall(r"\{[^{}]*\}|`[^`]*`", s))  # noqa: E731
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "_n"):
            msgid = node.args[0].value
            french = [singular.get(msgid)] if node.func.id == "_" else list(plural.get(msgid, ()))
            assert french and all(french), msgid
            assert all(marks(msgid) == marks(text) for text in french[:1]), (msgid, french)

