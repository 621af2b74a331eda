"""The annotation panel, Python side: offsets, requests from the browser, saving.

The browser side (mouse selection -> offsets) is tested in a real JupyterLab
by ``tests/browser/test_widget_in_lab.py``.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit as ak
from articlekit.annotation import AnnotationError, Annotations
from articlekit.widget import SelectionError, label_choices, snap_selection, span_payload, speaker_suggestions


@pytest.fixture
def panel(article):
    return ak.annotate(article, labels=["PER", "LOC", "DIRECT", "SPEAKER", "sécurité"])


def at(article, text, occurrence=1):
    start = -1
    for _ in range(occurrence):
        start = article.text.index(text, start + 1)
    return start, start + len(text)


def frontend(panel, **content):
    """What the browser sends when the learner clicks."""
    panel._on_frontend_message(panel, content, [])


# ---------------------------------------------------------------------- #
# Tidying a mouse selection
# ---------------------------------------------------------------------- #
class TestSnapSelection:
    def test_exact_selection_is_kept(self, article):
        start, end = at(article, "Birame DIOP")
        assert snap_selection(article.text, start, end) == (start, end)

    def test_spaces_around_are_trimmed(self, article):
        start, end = at(article, "Birame DIOP")
        assert snap_selection(article.text, start - 1, end + 1) == (start, end)

    def test_partial_words_are_widened(self, article):
        start, end = at(article, "Birame DIOP")
        assert snap_selection(article.text, start + 2, end - 2) == (start, end)

    def test_no_widening_when_asked(self, article):
        start, end = at(article, "Birame DIOP")
        assert snap_selection(article.text, start + 2, end - 2, words=False) == (start + 2, end - 2)

    def test_reversed_selection(self, article):
        start, end = at(article, "Birame DIOP")
        assert snap_selection(article.text, end, start) == (start, end)

    def test_apostrophe_is_a_boundary(self):
        text = "le corps d’Armée"
        start = text.index("Armée")
        assert snap_selection(text, start, len(text)) == (start, len(text))

    def test_hyphen_is_a_boundary(self):
        text = "la zone sahélo-saharienne"
        start = text.index("saharienne")
        assert snap_selection(text, start + 1, len(text)) == (start, len(text))

    def test_guillemets_left_out_for_quotations(self, article):
        start, end = at(article, "« Un Peuple, Un But, Une foi »")
        inner = snap_selection(article.text, start, end, guillemets=True)
        assert article.text[inner[0]:inner[1]] == "Un Peuple, Un But, Une foi"
        # Without the option the guillemets stay (an entity may include them).
        assert snap_selection(article.text, start, end) == (start, end)

    def test_paragraph_break_is_trimmed(self, article):
        first = article.paragraphs[0]
        assert snap_selection(article.text, first.start, first.end + 2) == (first.start, first.end)

    @pytest.mark.parametrize("text,start,end", [("a   b", 1, 4), ("« »", 0, 3), ("x\n\ny", 1, 3)])
    def test_nothing_but_spaces_is_an_error(self, text, start, end):
        with pytest.raises(SelectionError, match="select some words"):
            snap_selection(text, start, end, guillemets=True)

    @pytest.mark.parametrize("start,end", [(-1, 3), (0, 10_000), (True, 3)])
    def test_outside_the_text_is_an_error(self, article, start, end):
        with pytest.raises(SelectionError):
            snap_selection(article.text, start, end)

    @settings(max_examples=300, deadline=None)
    @given(data=st.data())
    def test_result_covers_the_words_selected(self, article, data):
        text = article.text
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, min(len(text), start + 200)))
        if not text[start:end].strip():
            with pytest.raises(SelectionError):
                snap_selection(text, start, end)
            return
        a, b = snap_selection(text, start, end)
        chosen = text[a:b]
        # Never starts or ends with a space, never cuts a word in two...
        assert chosen == chosen.strip()
        assert a == 0 or not (text[a - 1].isalnum() and text[a].isalnum())
        assert b == len(text) or not (text[b - 1].isalnum() and text[b].isalnum())
        # ...and keeps everything the learner selected except the spaces around it.
        assert a <= start + (len(text[start:end]) - len(text[start:end].lstrip()))
        assert b >= end - (len(text[start:end]) - len(text[start:end].rstrip()))


# ---------------------------------------------------------------------- #
# Labels, payloads, suggestions
# ---------------------------------------------------------------------- #
class TestLabels:
    def test_default_is_entities_and_quotes(self):
        assert [c["label"] for c in label_choices()] == ["PER", "LOC", "ORG", "DATE", "NUM", "MISC",
                                                        "DIRECT", "PARTIAL", "MOTTO", "INDIRECT"]

    def test_layers_and_labels_mix_without_duplicates(self):
        choices = label_choices(["quotes", "DIRECT", "SPEAKER", "sécurité"])
        assert [c["label"] for c in choices] == ["DIRECT", "PARTIAL", "MOTTO", "INDIRECT", "SPEAKER", "sécurité"]
        assert {c["label"]: c["speaker"] for c in choices}["SPEAKER"] == "required"
        assert {c["label"]: c["speaker"] for c in choices}["DIRECT"] == "optional"
        assert {c["label"]: c["layer"] for c in choices}["sécurité"] == "themes"

    def test_every_choice_has_a_colour(self):
        assert all(re.fullmatch(r"#[0-9a-f]{6}", c["colour"]) for c in label_choices(["entities", "x-y"]))

    @pytest.mark.parametrize("labels,message", [("Per", "did you mean 'PER'"), (["Not A Label"], "unknown label"),
                                                ("themes", "no fixed labels"), ([], "at least one")])
    def test_bad_labels(self, labels, message):
        with pytest.raises(AnnotationError, match=message):
            label_choices(labels)

    def test_payload_mirrors_the_spans(self, article):
        notes = Annotations(article).add("CEDEAO", "ORG").add("Birame DIOP", "PER", occurrence=1)
        payload = span_payload(notes)
        assert [(p["start"], p["end"], p["label"], p["text"]) for p in payload] == [
            (s.start, s.end, s.label, s.text) for s in notes.spans]
        assert all(article.text[p["start"]:p["end"]] == p["text"] for p in payload)
        json.dumps(payload)  # what the browser receives must be plain JSON

    def test_speaker_suggestions(self, article):
        notes = (Annotations(article).add("Birame DIOP", "PER", occurrence=1)
                 .add("Sadio CAMARA", "PER", occurrence=1))
        assert speaker_suggestions(notes, ["Birame Diop"]) == ["Birame Diop", "Sadio CAMARA", "Birame DIOP"]


# ---------------------------------------------------------------------- #
# The widget: adding and removing through its methods and the browser's requests
# ---------------------------------------------------------------------- #
class TestPanel:
    def test_initial_state(self, panel, article):
        assert panel.text == article.text
        assert panel.spans == [] and len(panel.annotations) == 0
        assert [c["label"] for c in panel.labels] == ["PER", "LOC", "DIRECT", "SPEAKER", "sécurité"]
        assert panel.path == "" and panel.message == ""

    def test_front_end_files_are_loaded(self, panel):
        assert "export default" in panel._esm and "data-start" in panel._esm
        assert ".ak-annotator" in panel._css

    def test_add_from_the_browser(self, panel, article):
        start, end = at(article, "Birame DIOP")
        frontend(panel, action="add", start=start + 1, end=end - 1, label="PER", speaker=None)
        assert panel.spans == [{"start": start, "end": end, "label": "PER", "layer": "entities",
                                "text": "Birame DIOP", "speaker": None, "note": None, "author": None,
                                "colour": "#f6c6a8"}]
        assert panel.annotations.texts() == ["Birame DIOP"]
        assert panel.message_kind == "info" and "Added PER « Birame DIOP »" in panel.message

    def test_quotation_with_speaker(self, panel, article):
        start, end = at(article, "« hommage à la résilience")
        end = article.text.index("»", start) + 1
        frontend(panel, action="add", start=start, end=end, label="DIRECT", speaker="  Birame   Diop ")
        (span,) = panel.annotations.spans
        assert (span.layer, span.speaker) == ("quotes", "Birame Diop")
        assert span.text.startswith("hommage") and not span.text.endswith("»")
        assert article.text[span.start:span.end] == span.text
        assert "Birame Diop" in panel.speakers

    def test_speaker_ignored_for_entities(self, panel, article):
        frontend(panel, action="add", start=at(article, "CEDEAO")[0], end=at(article, "CEDEAO")[1],
                 label="LOC", speaker="Someone")
        assert panel.annotations.spans[0].speaker is None

    def test_speaker_label_needs_a_speaker(self, panel, article):
        frontend(panel, action="add", start=at(article, "Birame DIOP")[0], end=at(article, "Birame DIOP")[1],
                 label="SPEAKER", speaker="")
        assert panel.spans == []
        assert panel.message_kind == "error" and "speaker" in panel.message

    def test_overlap_in_a_layer_is_refused(self, panel, article):
        start, end = at(article, "Birame DIOP")
        panel.add(start, end, "PER")
        frontend(panel, action="add", start=start, end=start + 6, label="LOC")
        assert panel.annotations.texts() == ["Birame DIOP"]
        assert panel.message_kind == "error" and "may not overlap" in panel.message

    def test_overlap_across_layers_is_fine(self, panel, article):
        start, end = at(article, "« hommage à la résilience")
        end = article.text.index("»", start) + 1
        panel.add(start, end, "DIRECT", speaker="Birame Diop")
        mali = article.text.index("Malien", start)
        panel.add(mali, mali + 6, "LOC")
        assert [s.layer for s in panel.annotations] == ["quotes", "entities"]

    @pytest.mark.parametrize("content", [
        {"action": "add", "start": 0, "end": 5, "label": "NOPE"},
        {"action": "add", "start": 0, "end": 5, "label": "ORG"},   # not one of this panel's labels
        {"action": "add", "start": "x", "end": 5, "label": "PER"},
        {"action": "add", "start": 0, "label": "PER"},
        {"action": "add", "start": 9000, "end": 9005, "label": "PER"},
        {"action": "dance"},
    ])
    def test_bad_requests_become_a_message(self, panel, content):
        frontend(panel, **content)
        assert panel.spans == [] and panel.message_kind == "error" and panel.message.startswith("Not done")

    def test_remove_from_the_browser(self, panel, article):
        a = panel.add(*at(article, "Birame DIOP"), "PER")
        b = panel.add(*at(article, "CEDEAO"), "LOC")
        frontend(panel, action="remove", start=a.start, end=a.end, label="PER", layer="entities", speaker=None)
        assert panel.annotations.spans == (b,)
        assert [s["text"] for s in panel.spans] == ["CEDEAO"]
        assert "Removed PER" in panel.message

    def test_remove_unknown_highlight(self, panel, article):
        frontend(panel, action="remove", start=1, end=4, label="PER", layer="entities")
        assert panel.message_kind == "error" and "no longer" in panel.message

    def test_remove_by_position(self, panel, article):
        panel.add(*at(article, "Birame DIOP"), "PER")
        assert panel.remove(0).text == "Birame DIOP" and panel.spans == []
        with pytest.raises(AnnotationError, match="no span number 3"):
            panel.remove(3)

    def test_author_is_recorded(self, article):
        panel = ak.annotate(article, labels="entities", author="Awa")
        panel.add(*at(article, "CEDEAO"), "ORG")
        assert panel.annotations.spans[0].author == "Awa"

    def test_no_snapping_when_turned_off(self, article):
        panel = ak.annotate(article, labels="entities", snap=False)
        start, end = at(article, "CEDEAO")
        panel.add(start + 1, end, "ORG")
        assert panel.annotations.texts() == ["EDEAO"]

    def test_start_from_suggestions_and_assign(self, article):
        notes = Annotations(article).add("CEDEAO", "ORG")
        panel = ak.annotate(article, notes, labels="entities")
        assert panel.annotations == notes and [s["text"] for s in panel.spans] == ["CEDEAO"]
        panel.annotations = Annotations(article)
        assert panel.spans == []
        with pytest.raises(AnnotationError, match="another text"):
            panel.annotations = Annotations("autre texte").add("texte", "MISC")
        with pytest.raises(AnnotationError, match="another text"):
            ak.annotate(article, Annotations("autre texte"))
        with pytest.raises(TypeError):
            ak.annotate(article, ["CEDEAO"])

    def test_repr_is_stable_text(self, panel, article):
        # nbval compares text/plain; the widget-view part (random model id) it skips.
        data = panel._repr_mimebundle_()[0]
        assert data["text/plain"] == "<annotation panel: run this cell in JupyterLab to annotate with the mouse>"
        assert set(data) == {"text/plain", "application/vnd.jupyter.widget-view+json"}
        before = repr(panel)
        panel.add(*at(article, "CEDEAO"), "LOC")
        assert repr(panel) == before  # the same line however much work was done


# ---------------------------------------------------------------------- #
# Saving through the lesson-2 storage
# ---------------------------------------------------------------------- #
class TestSaving:
    def test_every_change_is_saved_with_a_backup(self, article, tmp_path):
        path = tmp_path / "mes-annotations.json"
        panel = ak.annotate(article, labels="entities", path=path)
        panel.add(*at(article, "CEDEAO"), "ORG")
        assert ak.load_annotations(path, article) == panel.annotations
        assert not (tmp_path / "mes-annotations.json.bak").exists()
        assert panel.message_kind == "saved" and "Saved 1 span(s) to mes-annotations.json" in panel.message
        first = path.read_bytes()
        panel.add(*at(article, "Birame DIOP"), "PER")
        assert (tmp_path / "mes-annotations.json.bak").read_bytes() == first
        assert ak.load_annotations(path, article).texts() == ["Birame DIOP", "CEDEAO"]
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    def test_reopening_continues_the_work(self, article, tmp_path):
        path = tmp_path / "notes.json"
        ak.annotate(article, labels="entities", path=path).add(*at(article, "CEDEAO"), "ORG")
        again = ak.annotate(article, labels="entities", path=path)
        assert again.annotations.texts() == ["CEDEAO"] and again.spans[0]["text"] == "CEDEAO"
        assert repr(again).startswith("<annotation panel saving to notes.json:")

    def test_saved_work_wins_over_the_starting_annotations(self, article, tmp_path):
        path = tmp_path / "notes.json"
        start = Annotations(article).add("CEDEAO", "ORG")
        first = ak.annotate(article, start, labels="entities", path=path)
        first.remove(0)
        first.add(*at(article, "Birame DIOP"), "PER")
        again = ak.annotate(article, start, labels="entities", path=path)
        assert again.annotations.texts() == ["Birame DIOP"]
        assert again.message.startswith("Reopened 1 span(s) saved in notes.json")

    def test_corrupt_file_is_one_clear_error(self, article, tmp_path):
        path = tmp_path / "notes.json"
        path.write_text("{not json", encoding="utf-8")
        with pytest.raises(AnnotationError, match="notes.json"):
            ak.annotate(article, path=path)
        assert path.read_text(encoding="utf-8") == "{not json"  # never overwritten

    def test_save_elsewhere_then_keep_saving_there(self, article, tmp_path):
        panel = ak.annotate(article, labels="entities")
        panel.add(*at(article, "CEDEAO"), "ORG")
        with pytest.raises(AnnotationError, match="no file"):
            panel.save()
        target = panel.save(tmp_path / "copy.json")
        assert target.exists() and panel.path == str(tmp_path / "copy.json")
        panel.add(*at(article, "Birame DIOP"), "PER")
        assert ak.load_annotations(target, article).texts() == ["Birame DIOP", "CEDEAO"]

    def test_failed_save_keeps_the_change_and_says_so(self, article, tmp_path):
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("x", encoding="utf-8")
        panel = ak.annotate(article, labels="entities", path=blocker / "notes.json")
        panel.add(*at(article, "CEDEAO"), "ORG")
        assert panel.annotations.texts() == ["CEDEAO"]
        assert panel.message_kind == "error" and "NOT SAVED" in panel.message


def test_import_articlekit_does_not_import_anywidget():
    import subprocess
    import sys

    code = "import sys, articlekit; print('anywidget' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_docstring_examples_run():
    import doctest

    import articlekit.widget

    result = doctest.testmod(articlekit.widget, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
