"""The French edition: pieces, catalogues, the build, and the no-drift guarantees on the kit itself."""

from __future__ import annotations

import io
import json
import re
import shutil
import tokenize
from pathlib import Path

import nbformat
import pytest

from articlekit.classroom import translate as tr
from articlekit.classroom.translate import Piece, code_pieces, markdown_pieces, problems

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "articlekit"


def msgids(pieces):
    return [(p.kind, p.msgid) for p in pieces if p.msgid]


# --------------------------------------------------------------------------- cutting cells into pieces
@pytest.mark.parametrize("source, expected", [
    ("## 2. Structure: paragraphs\n\nOne line\nand its continuation.",
     [("heading", "2. Structure: paragraphs"), ("prose", "One line and its continuation.")]),
    ("- **compare** the raw page;\n- **describe** it\n  on two lines.",
     [("item", "**compare** the raw page;"), ("item", "**describe** it on two lines.")]),
    ("| to … | do … |\n|---|---|\n| run a cell | <kbd>Shift</kbd> |",
     [("table-row", "| to … | do … |"), ("table-row", "| run a cell | <kbd>Shift</kbd> |")]),
    ('<a id="lemma"></a>\n### lemma (*lemme*)\nThe dictionary form.',
     [("heading", "lemma (*lemme*)"), ("prose", "The dictionary form.")]),
    ("<details><summary>One way to do it</summary>\n\n```python\nx = 1  # the answer\n```\n\nText.\n\n</details>",
     [("prose", "<details><summary>One way to do it</summary>"), ("comment", "the answer"), ("prose", "Text.")]),
    ("Intro.\n\n<!-- time-table -->\n| section | minutes |\n|---|---|\n| Setting up | 5 |\n<!-- /time-table -->\nAfter.",
     [("prose", "Intro."), ("prose", "After.")]),
    ("```text\nkept as it is\n```", []),
    ("> « Aujourd’hui, jusqu’où\n> dit-on à l’O.N.U. »", [("quote", "« Aujourd’hui, jusqu’où dit-on à l’O.N.U. »")]),
])
def test_markdown_pieces(source, expected):
    assert msgids(markdown_pieces(source)) == expected


def test_markdown_pieces_give_back_the_cell_when_nothing_is_translated():
    source = "# Title\n\nA paragraph.\n\n- one\n- two\n\n```python\nx = 1\n```"
    assert "".join(p.text() for p in markdown_pieces(source)) == source


@pytest.mark.parametrize("source, expected", [
    ('ax.set_title("Sentence lengths")  # one bar per sentence',
     [("string", "Sentence lengths"), ("comment", "one bar per sentence")]),
    ('print("Rubric :", article.rubric)', [("string", "Rubric :")]),
    ("ax.axhline(m, label=f\"mean: {m:.1f} words\")", [("string", "mean: {m:.1f} words")]),
    ('ak.show_figure(fig, "Bars of paragraph lengths.")', [("string", "Bars of paragraph lengths.")]),
    ('x = "not a label"\nd = {"label": "not a call"}', []),
    ("# NBVAL_IGNORE_OUTPUT\n%config InlineBackend.figure_formats = ['png']\nx = 1", []),
    ("### BEGIN SOLUTION\nanswer = 3\n### END SOLUTION", []),
    ('print(f"{n:>2} {line!r}")', []),          # nothing but placeholders: nothing to translate
    ("y = 1  # the title's words", [("comment", "the title's words")]),
    ('ak.show_figure(fig, "Bars of the "\n                    "paragraphs.")', [("string", "Bars of the paragraphs.")]),
])
def test_code_pieces(source, expected):
    pieces = code_pieces(source)
    assert msgids(pieces) == expected
    assert "".join(p.text() for p in pieces) == source


def test_a_string_written_as_adjacent_literals_becomes_one_literal_in_translation():
    pieces = code_pieces('ak.show_figure(fig, "Bars of the "\n                    "paragraphs.")')
    out = "".join(p.text("Barres des paragraphes.") if p.msgid else p.text() for p in pieces)
    assert out == 'ak.show_figure(fig, "Barres des paragraphes.")'


def test_code_pieces_on_a_cell_python_cannot_parse_keep_it_whole():
    source = "for x in :\n    pass  # broken"
    assert "".join(p.text() for p in code_pieces(source)) == source


# --------------------------------------------------------------------------- what a translation must keep
@pytest.mark.parametrize("piece, translation, trouble", [
    (Piece(msgid="Run `len(x)` now."), "Lancez `len(x)` maintenant.", None),
    (Piece(msgid="Run `len(x)` now."), "Lancez len(x) maintenant.", "inline code"),
    (Piece(msgid="Run `len(x)` now."), "Lancez `len(y)` maintenant.", "inline code"),
    (Piece(msgid="See the [glossary](glossary.md#lemma)."), "Voir le [glossaire](glossary.md#lemma).", None),
    (Piece(msgid="See the [glossary](glossary.md#lemma)."), "Voir le [glossaire](glossaire.md#lemme).", "link"),
    (Piece(msgid="Press <kbd>Tab</kbd>."), "Appuyez sur Tab.", "HTML"),
    (Piece(msgid="mean: {m:.1f} words", prefix='f"', suffix='"', kind="string"), "moyenne : {m:.1f} mots", None),
    (Piece(msgid="mean: {m:.1f} words", prefix='f"', suffix='"', kind="string"), "moyenne : {m} mots", "placeholder"),
    (Piece(msgid="Title", prefix='"', suffix='"', kind="string"), 'Le "titre"', "quote"),
    (Piece(msgid="Title", prefix='"', suffix='"', kind="string"), "Le « titre »", None),
    (Piece(msgid="A heading", kind="heading"), "Un\ntitre", "line break"),
    (Piece(msgid="| a | b |", kind="table-row"), "| a | b | c |", "columns"),
    (Piece(msgid="Some text."), "   ", "empty"),
])
def test_problems(piece, translation, trouble):
    found = problems(piece, translation)
    if trouble is None:
        assert found == []
    else:
        assert found and any(trouble in line for line in found), found


# --------------------------------------------------------------------------- a small kit, end to end
def _tiny_kit(tmp_path: Path) -> Path:
    root = tmp_path / "kit"
    (root / "notebooks").mkdir(parents=True)
    (root / "solutions").mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Lesson 9 — Trying\n\nRead the [glossary](glossary.md#lemma)."),
        nbformat.v4.new_code_cell('import articlekit as ak\ncheck = ak.checks.lesson("00-start-here")  # the checks'),
        nbformat.v4.new_code_cell('print("Words:", 3)'),
    ]
    nb.metadata["jupytext"] = {"formats": "ipynb,md:myst"}
    nbformat.write(nb, str(root / "notebooks" / "09-trying.ipynb"))
    (root / "notebooks" / "glossary.md").write_text('<a id="lemma"></a>\n### lemma\nA form.\n', encoding="utf-8")
    return root


def _fill(po: Path, table: dict[str, str], *, fuzzy: tuple[str, ...] = ()) -> None:
    from babel.messages.pofile import read_po, write_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    for message in catalog:
        if message.id in table:
            message.string = table[message.id]
            if message.id in fuzzy:
                message.flags.add("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0)
    po.write_bytes(buffer.getvalue())


FRENCH = {
    "Lesson 9 — Trying": "Leçon 9 — Essayer",
    "Read the [glossary](glossary.md#lemma).": "Lisez le [glossaire](glossary.md#lemma).",
    "the checks": "les vérifications",
    "Words:": "Mots :",
    "lemma": "lemme",
    "A form.": "Une forme.",
}


def test_extract_then_build_then_check(tmp_path):
    root = _tiny_kit(tmp_path)
    changed = tr.extract(root, "fr")
    po = root / "locale" / "fr" / "notebooks" / "09-trying.po"
    assert po in changed and (root / "locale" / "fr" / "notebooks" / "glossary.po") in changed
    assert tr.extract(root, "fr") == []                      # stable: nothing rewritten twice

    report = tr.build(root, "fr")
    assert report.written == () and len(report.incomplete) == 2   # nothing built from empty catalogues

    _fill(po, FRENCH)
    _fill(root / "locale" / "fr" / "notebooks" / "glossary.po", FRENCH)
    assert all(s.ok for s in tr.status(root, "fr"))
    report = tr.build(root, "fr")
    target = root / "notebooks" / "09-trying.fr.ipynb"
    assert target in report.written
    fr = nbformat.read(str(target), as_version=4)
    assert fr.cells[0].source == "# Leçon 9 — Essayer\n\nLisez le [glossaire](glossary.fr.md#lemma)."
    assert fr.cells[1].source == ('import articlekit as ak\n'
                                  'check = ak.checks.lesson("00-start-here", lang="fr")  # les vérifications')
    assert fr.cells[2].source == 'print("Mots :", 3)'
    assert fr.metadata["articlekit"]["lang"] == "fr" and "jupytext" not in fr.metadata
    assert (root / "notebooks" / "glossary.fr.md").read_text(encoding="utf-8").startswith('<a id="lemma"></a>\n### lemme')

    # a rebuild of unchanged sources keeps the file (and the outputs a run put in it)
    fr.cells[2].outputs = [nbformat.v4.new_output("stream", text="Mots : 3\n")]
    nbformat.write(fr, str(target))
    assert target in tr.build(root, "fr").unchanged
    assert nbformat.read(str(target), as_version=4).cells[2].outputs
    assert tr.build(root, "fr", check=True).stale == ()

    # the English source changes: the catalogue marks the entry, the edition is stale, nothing is lost
    en = nbformat.read(str(root / "notebooks" / "09-trying.ipynb"), as_version=4)
    en.cells[2].source = 'print("Words counted:", 3)'
    nbformat.write(en, str(root / "notebooks" / "09-trying.ipynb"))
    assert tr.build(root, "fr", check=True).incomplete
    tr.extract(root, "fr")
    state = next(s for s in tr.status(root, "fr") if s.path == po)
    assert state.fuzzy == ("Words counted:",) or state.untranslated == ("Words counted:",)
    assert "Leçon 9 — Essayer" in po.read_text(encoding="utf-8")


def test_an_invalid_translation_is_refused_with_its_entry(tmp_path):
    root = _tiny_kit(tmp_path)
    tr.extract(root, "fr")
    po = root / "locale" / "fr" / "notebooks" / "09-trying.po"
    _fill(po, {**FRENCH, "Read the [glossary](glossary.md#lemma).": "Lisez le glossaire."})
    state = next(s for s in tr.status(root, "fr") if s.path == po)
    assert not state.ok and state.invalid and "link target" in state.invalid[0]


def test_a_fuzzy_entry_is_not_used(tmp_path):
    root = _tiny_kit(tmp_path)
    tr.extract(root, "fr")
    po = root / "locale" / "fr" / "notebooks" / "09-trying.po"
    _fill(po, FRENCH, fuzzy=("Words:",))
    state = next(s for s in tr.status(root, "fr") if s.path == po)
    assert state.fuzzy == ("Words:",)
    assert tr.build(root, "fr").incomplete


def test_a_damaged_catalogue_is_one_clear_error(tmp_path, capsys):
    from articlekit.cli import main

    root = _tiny_kit(tmp_path)
    tr.extract(root, "fr")
    po = root / "locale" / "fr" / "notebooks" / "09-trying.po"
    po.write_bytes(b'msgid "x"\nmsgstr "y\n\x00\x00"broken')
    code = main(["i18n", "build", "--root", str(root)])
    err = capsys.readouterr().err
    assert code == 2 and "09-trying.po" in err and "Traceback" not in err


# --------------------------------------------------------------------------- the kit's own French edition
def _editions():
    found = []
    for folder in ("notebooks", "solutions", "exercises"):
        for fr in sorted((ROOT / folder).glob("[0-9][0-9]-*.fr.ipynb")):
            found.append((fr.with_name(fr.name.replace(".fr.ipynb", ".ipynb")), fr))
    return found


def test_every_lesson_solution_and_exercise_has_a_french_edition():
    english = [p for f in ("notebooks", "solutions", "exercises") for p in sorted((ROOT / f).glob("[0-9][0-9]-*.ipynb"))
               if ".fr." not in p.name]
    assert english
    missing = [str(p.relative_to(ROOT)) for p in english if not tr.edition_path(p, "fr").is_file()]
    assert missing == []
    assert (ROOT / "notebooks" / "glossary.fr.md").is_file()


def test_no_untranslated_fuzzy_or_invalid_entry():
    states = tr.status(ROOT, "fr") + [tr.message_status(PACKAGE, "fr")]
    bad = {str(s.path.relative_to(ROOT)): (len(s.untranslated), len(s.fuzzy), s.invalid[:3])
           for s in states if not s.ok}
    assert bad == {}, "run `make translations` and translate what it lists"


def test_catalogues_are_in_step_with_the_sources():
    """Extracting again would change nothing: every English sentence is in a catalogue."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "kit"
        for folder in ("notebooks", "solutions", "locale"):
            shutil.copytree(ROOT / folder, copy / folder)
        assert tr.extract(copy, "fr") == [], "run `make translations`"
        (copy / "pkg").mkdir()
        shutil.copytree(PACKAGE, copy / "pkg" / "articlekit", ignore=shutil.ignore_patterns("__pycache__", "data"))
        assert not tr.extract_messages(copy / "pkg" / "articlekit", "fr"), "run `make translations`"


def test_french_editions_are_what_the_sources_build():
    """The no-drift test: each French notebook is its English source through its catalogue."""
    report = tr.build(ROOT, "fr", check=True)
    assert [str(p.relative_to(ROOT)) for p in report.stale] == [], "run `make notebooks`"
    assert report.incomplete == ()


def _skeleton(source: str) -> list[str]:
    """A code cell's tokens without its comments and the strings a learner reads (what translation may change)."""
    pieces = code_pieces(source)
    masked = "".join(p.prefix + "STRING" + p.suffix if p.kind == "string" and p.msgid else
                     ("" if p.kind == "comment" and p.msgid else p.text()) for p in pieces)
    masked = re.sub(r',\s*lang="fr"\)', ")", masked)
    masked = "\n".join("pass" if line.lstrip().startswith(("%", "!")) else line for line in masked.split("\n"))
    try:
        return [t.string for t in tokenize.generate_tokens(io.StringIO(masked).readline)
                if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)]
    except (tokenize.TokenError, IndentationError):
        return [masked]


def _status_marks(outputs) -> list[str]:
    text = json.dumps([o.get("text", "") or o.get("evalue", "") or o.get("traceback", "") for o in outputs],
                      ensure_ascii=False)
    return re.findall("[✅❌⏳⚠]", text)


@pytest.mark.parametrize("english, french", _editions(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_french_notebook_has_the_same_code_checks_grade_ids_and_outputs(english, french):
    en = nbformat.read(str(english), as_version=4)
    fr = nbformat.read(str(french), as_version=4)
    assert [c.cell_type for c in fr.cells] == [c.cell_type for c in en.cells]
    for index, (a, b) in enumerate(zip(en.cells, fr.cells)):
        where = f"{french.name} cell {index}"
        assert a.get("id") == b.get("id"), where
        assert a.metadata.get("nbgrader") == b.metadata.get("nbgrader") or english.parent.name == "exercises" \
            and {k: v for k, v in a.metadata.get("nbgrader", {}).items() if k != "checksum"} == \
            {k: v for k, v in b.metadata.get("nbgrader", {}).items() if k != "checksum"}, where
        assert a.metadata.get("tags") == b.metadata.get("tags"), where
        if a.cell_type != "code":
            continue
        assert _skeleton(a.source) == _skeleton(b.source), where
        assert [o.output_type for o in a.outputs] == [o.output_type for o in b.outputs], where
        assert _status_marks(a.outputs) == _status_marks(b.outputs), where
        translated = any(p.msgid for p in code_pieces(a.source) if p.kind == "string")
        ignored = "NBVAL_IGNORE_OUTPUT" in a.source      # its output differs from run to run anyway
        speaks = re.search(r"\bcheck\.", a.source)         # the checker speaks the notebook's language
        if not translated and not ignored and not speaks and not _status_marks(a.outputs):
            for x, y in zip(a.outputs, b.outputs):
                if x.output_type in ("execute_result", "display_data"):
                    # a widget's model id is new at every run; images are compared by nbval neither
                    skip = ("image/png", "application/vnd.jupyter.widget-view+json")
                    assert {k: v for k, v in x.data.items() if k not in skip} == \
                        {k: v for k, v in y.data.items() if k not in skip}, where
                elif x.output_type == "stream":
                    assert x.text == y.text, where
