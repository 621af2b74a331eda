"""Every sentence a check shows is a translatable message (issue 14, the French edition).

A hint reaches the French edition only if it is an :class:`articlekit.i18n.Message`
made by ``_()`` or ``_n()`` with a literal msgid: the catalogue is extracted from those
calls, and a hint built with an f-string, ``+``, ``%`` or ``.format()`` has lost its msgid
(it would stay English in a French lesson, silently).  Two tests make sure of it:

- a **static** one reads the source of every check module (and ``resume.py``, whose
  reasons become the résumé check's hints) and names the file and line of each
  ``failed(...)`` / ``passed(...)`` that receives a plain string, an f-string, a ``+`` or
  ``%`` expression or a ``.format()`` call, and of each ``_()`` / ``_n()`` whose msgid is
  not one literal string;
- a **dynamic** one runs the checks on the answers of the kit's tables of right and wrong
  answers (``tests/test_adversarial.py``, ``tests/test_try_it_checks.py`` and the tables
  they point to) and asserts that every hint of every result is a ``Message`` that renders
  in every language of the kit.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import articlekit as ak
from articlekit import keys
from articlekit.checks import lesson_module, run_check
from articlekit.checks import annotating as A
from articlekit.checks import keyed
from articlekit.checks import start as S
from articlekit.i18n import LANGUAGES, Message

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "articlekit"
#: The modules whose messages a learner reads through a check's result.
MODULES = sorted([*(PACKAGE / "checks").glob("*.py"), PACKAGE / "resume.py"])
#: Calls that build a result a learner reads.
RESULT_CALLS = frozenset({"failed", "passed"})
#: Calls that make a translatable message, and how many leading arguments are msgids.
MESSAGE_CALLS = {"_": 1, "_n": 2}


# ------------------------------------------------------------------------------------------
# (a) static: the source builds every hint with _() / _n()
# ------------------------------------------------------------------------------------------
def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _why_not_a_message(node: ast.AST) -> str | None:
    """What is wrong with one argument of failed()/passed(), or None when it may be a message."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "a plain string literal (wrap it in _())"
    if isinstance(node, ast.JoinedStr):
        return "an f-string (use _() with a named {placeholder})"
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return "a '+' or '%' expression (use one _() message with named {placeholders})"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return "a .format() call (pass the parameters to _() instead)"
    if isinstance(node, ast.IfExp):
        return _why_not_a_message(node.body) or _why_not_a_message(node.orelse)
    if isinstance(node, ast.Starred):
        return _why_not_a_message(node.value)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return next((why for why in map(_why_not_a_message, node.elts) if why), None)
    if isinstance(node, (ast.GeneratorExp, ast.ListComp, ast.SetComp)):
        return _why_not_a_message(node.elt)
    return None  # a _() call, a variable, a helper's result: judged by the dynamic test


def _is_literal(node: ast.AST) -> bool:
    # adjacent literals ("a " "b") are one Constant in the tree, as they are one msgid for Babel
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def problems_in(path: Path, root: Path = ROOT) -> list[str]:
    """``file:line: what`` for every hint in ``path`` that is not built as a translatable message.

    ``file`` is named relative to ``root`` (the repository).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(root)
    # the gettext idiom for a constant: NAME = N_("…") marks it for the catalogue, _(NAME) translates it
    marked = {t.id for node in tree.body if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
              and _name(node.value) == "N_" and node.value.args and _is_literal(node.value.args[0])
              for t in node.targets if isinstance(t, ast.Name)}
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        if name in RESULT_CALLS:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                why = _why_not_a_message(arg)
                if why:
                    out.append(f"{where}:{arg.lineno}: {name}() receives {why}")
        elif name in MESSAGE_CALLS and isinstance(node.func, ast.Name):
            msgids = node.args[:MESSAGE_CALLS[name]]
            if len(msgids) < MESSAGE_CALLS[name] or not all(
                    _is_literal(a) or (isinstance(a, ast.Name) and a.id in marked) for a in msgids):
                out.append(f"{where}:{node.lineno}: {name}() needs literal msgid(s), or the catalogue cannot "
                           "extract them")
    return sorted(out, key=lambda line: int(line.split(":")[1]))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_every_hint_is_built_as_a_translatable_message(path):
    found = problems_in(path)
    assert not found, "\n".join(found)


def test_the_static_test_sees_every_way_of_losing_a_msgid(tmp_path):
    # the test above only proves something if it catches what it is meant to catch
    source = tmp_path / "sample.py"
    source.write_text(
        "def check(answer, *, article):\n"
        "    if answer == 1:\n"
        "        return failed('Is it a string?')\n"                         # line 3
        "    if answer == 2:\n"
        "        return failed(f'Is « {answer} » right?')\n"                 # line 5
        "    if answer == 3:\n"
        "        return failed('Is ' + str(answer) + ' right?')\n"           # line 7
        "    if answer == 4:\n"
        "        return failed('Is %s right?' % answer)\n"                   # line 9
        "    if answer == 5:\n"
        "        return failed(_('Is it {a}?').format(a=answer))\n"          # line 11
        "    if answer == 6:\n"
        "        return failed(_(f'Is it {answer}?'))\n"                     # line 13
        "    if answer == 7:\n"
        "        return failed(*(h.format(x=1) for h in HINTS))\n"           # line 15
        "    if answer == 8:\n"
        "        return passed('meets the rules')\n"                         # line 17
        "    if answer == 9:\n"
        "        return failed(_n('{n} word', '{n} words' + 's', answer))\n"  # line 19
        "    hint = _('Is « {word} » in the article?', word=answer)\n"
        "    return failed(hint, _('Did you read the '\n"
        "                          'title?'), _n('{n} slip', '{n} slips', 2), *HINTS)\n",
        encoding="utf-8")
    # a file outside the repository: named relative to its own folder
    found = [line.split(":", 1)[1] for line in problems_in(source, root=tmp_path)]
    assert [int(line.split(":")[0]) for line in found] == [3, 5, 7, 9, 11, 13, 15, 17, 19], found
    assert "plain string" in found[0] and "f-string" in found[1] and "'+'" in found[2] and "'%'" in found[3]
    assert ".format()" in found[4] and "literal msgid" in found[5] and ".format()" in found[6]


# ------------------------------------------------------------------------------------------
# (b) dynamic: the hints a learner gets are messages
# ------------------------------------------------------------------------------------------
def _tables(filename: str):
    spec = importlib.util.spec_from_file_location(f"_messages_{Path(filename).stem}", ROOT / "tests" / filename)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _answer(row, article):
    """The answer of one row of a table: a factory, a (description, factory, …) or (answer, cue) row, a value."""
    if isinstance(row, tuple):
        row = row[1] if isinstance(row[0], str) and len(row) >= 2 and callable(row[1]) else row[0]
    return row(article) if callable(row) else row


def _cases():
    """One case (where = (slug, check name), row) for every answer of the kit's right and wrong tables."""
    adversarial = _tables("test_adversarial.py")
    out = []
    for table in (adversarial.RIGHT, adversarial.WRONG):
        for key, rows in table.items():
            slug, name = key.split(":")
            out += [(f"{key}|{row[0]}", (slug, name), row) for row in rows]
    for key, (filename, right, wrong) in adversarial.ELSEWHERE.items():
        slug, name = key.split(":")
        other = _tables(filename)
        for table_name in (right, wrong):
            table = getattr(other, table_name)
            rows = list(table.items()) if isinstance(table, dict) else list(enumerate(table))
            out += [(f"{key}|{table_name}[{label}]", (slug, name), row) for label, row in rows]
    try_it = _tables("test_try_it_checks.py")
    for table_name in ("RIGHT", "WRONG"):
        for (module, name), rows in getattr(try_it, table_name).items():
            slug = next(s for s, m in ak.checks.LESSONS if module.__name__.endswith("." + m))
            out += [(f"{slug}:{name}|try-it {table_name}[{i}]", (slug, name), row) for i, row in enumerate(rows)]
    return [pytest.param(where, row, id=case_id) for case_id, where, row in out]


def assert_messages(result, what) -> None:
    """Every hint (and success note) of ``result`` is a Message that renders in every language."""
    for hint in result.hints:
        assert isinstance(hint, Message), (what, type(hint).__name__, hint)
        for lang in LANGUAGES:
            assert hint.render(lang).strip(), (what, lang, hint)


@pytest.mark.parametrize("where,row", _cases())
def test_every_hint_of_the_answer_tables_is_a_message(where, row, article):
    slug, name = where
    answer = _answer(row, article)
    result = run_check(getattr(lesson_module(slug), name), answer, article=article, strict=True)
    assert result.status in ("passed", "failed"), (where, result.status)
    assert_messages(result, where)


def test_the_tables_hold_answers_of_every_lesson():
    # if a table file is renamed, the test above must not silently run on nothing
    slugs = {p.values[0][0] for p in _cases()}
    assert {"01-reading", "02-annotating", "03-summarising"} <= slugs


# -- the start lesson: a table of its own (its checks are not graded) -----------------------
START_TITLE = [
    # (answer, passes?, words of the first hint)
    (lambda a: a.title, True, None),
    (lambda a: a.title.upper().replace("’", "'"), True, None),           # capitals, straight apostrophe
    (lambda a: a.rubric, False, "rubric"),
    (lambda a: f"{a.rubric} / {a.title}", False, "rubric"),              # the raw first line, whole
    (lambda a: a.sentences[0].text, False, "headline"),
    (lambda a: a.title.split()[:4], False, "string"),                    # a list of words
    (lambda a: 7, False, "string"),
]
START_COUNT = [
    (lambda a: len(a.paragraphs), True, None),
    (lambda a: np.int64(len(a.to_frame("paragraphs"))), True, None),
    (lambda a: a.to_frame("paragraphs")["index"].max() + 1, True, None),   # a numpy integer
    (lambda a: len(a.paragraphs) + 1, False, "title"),                  # the title counted too
    (lambda a: len(a.raw.splitlines()), False, "title"),                # lines of the raw file
    (lambda a: len(a.paragraphs) - 1, False, "miss"),                   # the last index, not the count
    (lambda a: list(a.paragraphs), False, "paragraphs themselves"),
    (lambda a: str(len(a.paragraphs)), False, "whole number"),
    (lambda a: float(len(a.paragraphs)), False, "whole number"),
    (lambda a: True, False, "whole number"),
]


@pytest.mark.parametrize("check,make,ok,words", [
    *((S.title, *row) for row in START_TITLE), *((S.paragraph_count, *row) for row in START_COUNT)])
def test_the_start_checks_are_fair_and_speak_in_messages(check, make, ok, words, article):
    result = run_check(check, make(article), article=article, strict=True)
    assert result.ok is ok, (check.__name__, result.hints)
    assert_messages(result, check.__name__)
    if not ok:
        assert "?" in result.hint(1) and words in result.hint(1), result.hint(1)
        # never the answer: neither the title nor the count is in a hint
        said = " ".join(result.hints)
        assert article.title not in said and str(len(article.paragraphs)) not in said, said


def test_the_start_hints_are_given_in_the_lessons_language(article):
    # the line a learner reads is the hint rendered from the catalogue (English until it is translated)
    result = run_check(S.title, article.rubric, article=article, strict=True)
    hint = result.hint(1)
    assert result.message("title", lang="en") == "❌ title: " + hint
    for lang in LANGUAGES:
        line = result.message("title", lang=lang)
        assert line.startswith("❌ title") and line.endswith(hint.render(lang)), (lang, line)
    assert hint.msgid == "Is that the rubric (the section of the newspaper) rather than the title?"
    assert ak.checks.lesson("00-start-here", article=article, lang="fr").lang == "fr"


# -- keyed checks without the key: the digest's verdict is a message too --------------------
def test_keyed_checks_without_the_key_answer_in_messages(article, monkeypatch):
    monkeypatch.setenv(keys.ENV, "")                  # a learner's copy of the kit
    assert keys.key_dir() is None
    sample = ak.sample_key(article)
    wrong = {"people": sample.filter(label="PER"), "fixed_entities": ak.suggest_entities(article), "kappa": 0.5,
             "quote_kinds": ["direct"] * 5, "spacy_f1": {"precision": 1, "recall": 1, "f1": 1}}
    for name, answer in wrong.items():
        result = run_check(getattr(A, name), answer, article=article, strict=True)
        assert result.status == "failed", name
        assert "teacher's key" in result.hint(1), (name, result.hint(1))
        assert_messages(result, name)


def test_a_keyed_check_with_no_digest_says_so_in_a_message(monkeypatch):
    monkeypatch.setenv(keys.ENV, "")

    @keyed.keyed
    def people(answer, *, article):
        raise keys.KeyMissing("no-such-article.key.json")

    # an article the kit ships no digest for
    result = people(["Sadio CAMARA"], article=SimpleNamespace(source="seeds/no-such-article.txt"))
    assert result.status == "failed"
    assert "guidelines" in result.hint(1) and "ask your teacher" in result.hint(1), result.hint(1)
    assert_messages(result, "people")


# -- the shared helpers return values, not sentences -----------------------------------------
def test_the_shape_and_comparison_helpers_return_no_text():
    # a helper that returned hint text would have to return a Message; these return values only
    from articlekit.checks import compare, shapes

    assert shapes.collection(pd.Series(["Mali"])) == ["Mali"] and shapes.int_list("12") is None
    assert shapes.as_counts(pd.Series({"mali": 2})) == {"mali": 2}
    assert compare.same_text("« Mali »", '"mali"') is True
    assert not problems_in(PACKAGE / "checks" / "shapes.py") and not problems_in(PACKAGE / "checks" / "compare.py")


# ------------------------------------------------------------------------------------------
# Figures: the shared confusion matrix and the start lesson's bar chart follow the figure rule
# ------------------------------------------------------------------------------------------
def test_the_confusion_matrix_explains_its_colour_in_the_lessons_language(article):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from articlekit.i18n import render

    spacy = ak.suggest_entities(article)
    ax = ak.plot_confusion(spacy, spacy)
    # one sequential map (light to dark), readable for colour-blind readers and in grey
    assert ax.images[0].get_cmap().name == "Blues"
    bars = [other for other in ax.figure.axes if other is not ax]
    assert len(bars) == 1 and "darker" in bars[0].get_ylabel(), "a colour bar says what the shades mean"
    assert ax.get_title() == "Token labels, entities: prediction vs reference"
    assert ax.get_xlabel() == "predicted label (per token)"
    french = ak.plot_confusion(spacy, spacy, lang="fr", title="Les entités de spaCy")
    assert french.get_title() == "Les entités de spaCy"
    assert french.get_xlabel() == render(Message("predicted label (per token)"), "fr")
    with pytest.raises(ValueError, match="unknown language"):
        ak.plot_confusion(spacy, spacy, lang="de")
    plt.close("all")


def test_the_start_lessons_bar_chart_has_palette_colours_and_alt_text():
    import json

    source = (ROOT / "notebooks" / "00-start-here.md").read_text(encoding="utf-8")
    cell = next(c for c in source.split("```{code-cell}") if "ax.bar(" in c)
    assert "ak.PALETTE[" in cell and "ak.show_figure(fig, " in cell and "plt.show()" not in cell
    assert "label=" in cell and "ax.legend()" in cell, "the legend says what the colour stands for"
    notebook = json.loads((ROOT / "notebooks" / "00-start-here.ipynb").read_text(encoding="utf-8"))
    figures = [o for c in notebook["cells"] for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(figures) == 1
    alt = figures[0]["metadata"]["image/png"]["alt"]
    assert figures[0]["data"]["text/plain"] == [f"[figure] {alt}"]
    # the alt text gives the same numbers the bars show
    article = ak.load_article()
    lengths = [len(p.text.split()) for p in article.paragraphs]
    assert [int(n) for n in alt.split(":")[1].replace(" and ", ", ").rstrip(".").split(",")] == lengths
