"""Spans and annotation collections: offsets, labels, overlap rules, ways to annotate."""

from __future__ import annotations

import re

import pytest

import articlekit as ak
from articlekit.annotation import LAYERS, Span, layer_of

TEXT = "Le Mali et le Sénégal. Le Mali a une frontière.\n\nSadio CAMARA parle. Birame DIOP écoute."


def test_span_checks_its_own_fields():
    assert Span(3, 7, "LOC", "entities", "Mali").text == "Mali"
    with pytest.raises(ak.AnnotationError, match="empty or reversed"):
        Span(7, 3, "LOC", "entities", "Mali")
    with pytest.raises(ak.AnnotationError, match="wrong length"):
        Span(3, 8, "LOC", "entities", "Mali")
    with pytest.raises(ak.AnnotationError, match="does not belong"):
        Span(3, 7, "LOC", "quotes", "Mali")
    with pytest.raises(ak.AnnotationError, match="unknown layer"):
        Span(3, 7, "LOC", "places", "Mali")
    with pytest.raises(ak.AnnotationError, match="integer"):
        Span("3", 7, "LOC", "entities", "Mali")
    with pytest.raises(ak.AnnotationError, match="speaker"):
        Span(3, 7, "LOC", "entities", "Mali", speaker="X")
    with pytest.raises(ak.AnnotationError, match="needs speaker"):
        Span(3, 7, "SPEAKER", "speakers", "Mali")


def test_labels_and_layers():
    assert layer_of("PER") == "entities" and layer_of("MOTTO") == "quotes"
    assert layer_of("SPEAKER") == "speakers" and layer_of("TYPO") == "corrections"
    assert layer_of("coopération-militaire") == "themes"
    with pytest.raises(ak.AnnotationError, match="did you mean 'PER'"):
        layer_of("Per")
    with pytest.raises(ak.AnnotationError, match="unknown label 'PERSON'"):
        layer_of("PERSON")
    assert set(LAYERS) == {"entities", "quotes", "speakers", "themes", "corrections"}
    with pytest.raises(TypeError):
        LAYERS["new"] = ("X",)  # read-only


def test_collection_checks_text_and_sorts():
    a = ak.Annotations(TEXT)
    with pytest.raises(ak.AnnotationError, match="the text there is"):
        ak.Annotations(TEXT, [Span(0, 4, "LOC", "entities", "Mali")])
    with pytest.raises(ak.AnnotationError, match="past the end"):
        ak.Annotations("Mali", [Span(3, 7, "LOC", "entities", "Mali")])
    notes = a.add("Sénégal", "LOC").add("Mali", "LOC", occurrence=1)
    assert [s.text for s in notes] == ["Mali", "Sénégal"]
    assert len(a) == 0, "collections never change in place"
    with pytest.raises(TypeError):
        ak.Annotations(TEXT, ["Mali"])


def test_overlap_rule_per_layer():
    notes = ak.Annotations(TEXT).add("Sadio CAMARA", "PER")
    with pytest.raises(ak.AnnotationError, match="may not overlap"):
        notes.add("CAMARA", "ORG")
    # another layer may overlap
    both = notes.add("Sadio CAMARA", "SPEAKER", speaker="Sadio Camara")
    assert both.layers == ("entities", "speakers")
    # themes may overlap each other, but not repeat
    themes = ak.Annotations(TEXT).add_sentence(0, "géographie").add_sentence(0, "politique")
    assert len(themes) == 2
    with pytest.raises(ak.AnnotationError, match="annotated twice"):
        themes.add_sentence(0, "politique")


def test_add_by_text_occurrence_and_errors():
    a = ak.Annotations(TEXT)
    with pytest.raises(ak.AmbiguousTextError, match="'Mali' occurs 2 times"):
        a.add("Mali", "LOC")
    assert a.add("Mali", "LOC", occurrence=2).spans[0].start == TEXT.index("Mali", 5)
    assert len(a.add("Mali", "LOC", occurrence="all")) == 2
    with pytest.raises(ak.TextNotFoundError, match="no occurrence=3"):
        a.add("Mali", "LOC", occurrence=3)
    with pytest.raises(ak.TextNotFoundError, match="did you mean 'Sadio CAMARA'"):
        a.add("Sadio Camara", "PER")
    with pytest.raises(ak.TextNotFoundError, match="'Dakar' is not in the text"):
        a.add("Dakar", "LOC")
    with pytest.raises(ak.AnnotationError, match="occurrence must be"):
        a.add("Mali", "LOC", occurrence=0.5)
    # errors are ValueErrors, so a learner's `except ValueError` works
    assert issubclass(ak.TextNotFoundError, ValueError) and issubclass(ak.AmbiguousTextError, ValueError)


def test_add_by_regex_and_sentence():
    a = ak.Annotations(TEXT)
    notes = a.add_regex(r"[A-Z][a-zé]+ [A-Z]{2,}", "PER")
    assert notes.texts() == ["Sadio CAMARA", "Birame DIOP"]
    assert a.add_regex(r"le (Sénégal)", "LOC", group=1).texts() == ["Sénégal"]
    assert a.add_regex(r"mali", "LOC", flags=re.IGNORECASE).texts() == ["Mali", "Mali"]
    with pytest.raises(ak.TextNotFoundError, match="matches nothing"):
        a.add_regex(r"Dakar", "LOC")
    with pytest.raises(ak.AnnotationError, match="not a valid regular expression"):
        a.add_regex(r"(", "LOC")
    with pytest.raises(ak.AnnotationError, match="no group 2"):
        a.add_regex(r"(Mali)", "LOC", group=2)
    assert a.sentences() == [(0, 22), (23, 47), (49, 68), (69, 88)]
    assert a.add_sentence(2, "politique").texts() == ["Sadio CAMARA parle."]
    with pytest.raises(ak.AnnotationError, match="no sentence 9"):
        a.add_sentence(9, "politique")


def test_sentences_match_the_article(article):
    notes = ak.Annotations(article)
    assert notes.sentences() == [(s.start, s.end) for s in article.sentences]
    assert notes.add_sentence(article.sentences[3], "frontière").texts() == [article.sentences[3].text]


def test_remove_relabel_filter_merge_at():
    notes = ak.Annotations(TEXT).add("Mali", "PER", occurrence="all").add("Sénégal", "LOC")
    fixed = notes.relabel("Mali", "LOC")
    assert {s.label for s in fixed} == {"LOC"}
    assert len(notes.remove("Mali")) == 1
    assert len(notes.remove(notes.spans[0])) == 2
    with pytest.raises(ak.TextNotFoundError):
        notes.remove("Dakar")
    assert notes.filter(label="LOC").texts() == ["Sénégal"]
    assert notes.layer("entities") == notes
    other = ak.Annotations(TEXT).add("Sénégal", "LOC").add("Birame DIOP", "PER")
    assert len(notes + other) == 4
    with pytest.raises(ak.AnnotationError, match="different texts"):
        notes.merge(ak.Annotations("autre"))
    assert [s.text for s in notes.at(TEXT.index("Sénégal") + 2)] == ["Sénégal"]
    assert notes.find("Mali") == [(3, 7), (26, 30)]
    assert repr(notes) == "Annotations(3 spans: entities=3)"


def test_frame_round_trip_and_bad_tables():
    import pandas as pd

    notes = (ak.Annotations(TEXT).add("Sadio CAMARA", "PER", note="ministre malien", author="moi")
             .add("Sadio CAMARA", "SPEAKER", speaker="Sadio Camara").add_sentence(1, "frontière"))
    frame = notes.to_frame()
    assert list(frame.columns) == ["start", "end", "label", "layer", "text", "note", "author", "speaker"]
    assert ak.Annotations.from_frame(frame, TEXT) == notes
    minimal = pd.DataFrame({"start": [3], "end": [7], "label": ["LOC"]})
    assert ak.Annotations.from_frame(minimal, TEXT).texts() == ["Mali"]
    with pytest.raises(ak.AnnotationError, match="lacks the column"):
        ak.Annotations.from_frame(pd.DataFrame({"start": [3]}), TEXT)
    with pytest.raises(ak.AnnotationError, match="is not what the article says"):
        ak.Annotations.from_frame(pd.DataFrame({"start": [3], "end": [7], "label": ["LOC"], "text": ["Male"]}), TEXT)
    with pytest.raises(ak.AnnotationError, match="outside the text"):
        ak.Annotations.from_frame(pd.DataFrame({"start": [3], "end": [700], "label": ["LOC"]}), TEXT)
    with pytest.raises(ak.AnnotationError, match="row 0: start and end must be integers"):
        ak.Annotations.from_frame(pd.DataFrame({"start": [3.4], "end": [7.0], "label": ["LOC"]}), TEXT)
    assert ak.Annotations.from_frame(pd.DataFrame({"start": [3.0], "end": [7.0], "label": ["LOC"]}),
                                     TEXT).texts() == ["Mali"]


def test_suggestions_come_from_spacy(article):
    suggestions = ak.suggest_entities(article)
    assert len(suggestions) == len(article.entities)
    assert {s.author for s in suggestions} == {"spaCy"}
    assert suggestions.filter(text="CEDEAO").spans[0].label == "ORG"


def test_render_is_stable_html():
    notes = (ak.Annotations(TEXT).add("Sadio CAMARA", "SPEAKER", speaker="Sadio Camara")
             .add_span(TEXT.index("parle"), TEXT.index("parle") + 5, "DIRECT", speaker="Sadio Camara"))
    html = ak.render(notes, ("quotes", "speakers"), jupyter=False)
    assert html == ak.render(notes, ("quotes", "speakers"), jupyter=False)
    assert "SPEAKER: Sadio Camara" in html and "DIRECT · Sadio Camara" in html
    assert not re.search(r'id="[^"]*\d{4,}', html), "no random ids"
    assert hasattr(notes.render("speakers"), "_repr_html_")
    overlapping = ak.Annotations(TEXT).add("Sadio CAMARA", "PER").add("Sadio CAMARA", "SPEAKER", speaker="S C")
    with pytest.raises(ak.AnnotationError, match="one at a time"):
        ak.render(overlapping, ("entities", "speakers"))
    with pytest.raises(ak.AnnotationError, match="unknown layer"):
        ak.render(overlapping, "people")


def test_annotations_are_plain_data_for_the_grader():
    from articlekit.classroom.answers import decode, encode

    notes = ak.Annotations(TEXT).add("Mali", "LOC", occurrence="all").add("Sadio CAMARA", "SPEAKER", speaker="Sadio Camara")
    assert decode(encode(notes)) == notes


def test_render_within_a_part_of_the_text():
    notes = ak.Annotations(TEXT).add("Mali", "LOC", occurrence="all").add("Sadio CAMARA", "PER")
    html = ak.render(notes, within=(49, 88), jupyter=False)
    assert "Sadio CAMARA" in html and "Mali" not in html and html.count('class="entity"') == 1
    with pytest.raises(ak.AnnotationError, match="outside the text"):
        ak.render(notes, within=(0, 1000))
