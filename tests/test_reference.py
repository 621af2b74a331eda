"""The teacher's key for the seed: valid against the text, complete, and as the guidelines say."""

from __future__ import annotations

import json
import re

import pytest

import articlekit as ak
from articlekit.storage import AnnotationFileError, reference_path


@pytest.fixture(scope="module")
def key(article):
    return ak.reference(article)


def test_file_is_w3c_and_every_selector_matches_the_text(article):
    data = json.loads(reference_path().read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) == 92
    for item in items:
        position, quote = item["target"]["selector"]
        assert article.text[position["start"]:position["end"]] == quote["exact"]
        assert article.text[:position["start"]].endswith(quote["prefix"])
        assert article.text[position["end"]:].startswith(quote["suffix"])
        assert item["creator"]["name"] == "teacher"


def test_key_loads_without_reattaching(article, key):
    from articlekit.storage import from_w3c

    _, moved = from_w3c(json.loads(reference_path().read_text(encoding="utf-8")), article.text)
    assert moved == 0
    assert all(article.text[s.start:s.end] == s.text for s in key)
    assert key.layers == ("entities", "quotes", "speakers", "themes")


def test_every_person_mention_in_every_spelling(article, key):
    people = key.filter(label="PER")
    assert people.texts() == ["Sadio CAMARA", "Birame DIOP", "Sadio Camara", "Birame DIOP", "Birame DIOP",
                              "Birame Diop", "Sadio CAMARA", "Sadio Camara"]
    # nothing was missed: every occurrence of either name, any case, is annotated
    pattern = re.compile(r"Sadio Camara|Birame Diop", re.IGNORECASE)
    assert [m.span() for m in pattern.finditer(article.text)] == [(s.start, s.end) for s in people]


def test_every_place_and_nationality(article, key):
    places = key.filter(label="LOC")
    exact = [m.span() for m in re.finditer(r"\b(?:Mali|Sénégal)\b", article.text)]
    assert [(s.start, s.end) for s in places] == exact
    nationalities = key.filter(label="MISC")
    adjectives = [m.span() for m in re.finditer(r"\b(?:Malien(?:ne)?|Sénégalais(?:e)?)\b", article.text)]
    assert [(s.start, s.end) for s in nationalities] == adjectives


def test_organisations_dates_numbers(article, key):
    assert key.filter(label="ORG").texts() == ["autorités de la transition", "CEDEAO", "Transition",
                                              "Autorités de la Transition"]
    assert key.filter(label="DATE").texts() == [article.date_text, "2021"]
    assert key.filter(label="NUM").texts() == ["72 heures", "deux pays", "419 kilomètres", "2 pays",
                                              "deux pays", "72 heures"]


def test_every_guillemet_quotation_is_in_the_key(article, key):
    quotes = key.layer("quotes")
    inner = [m.span(1) for m in re.finditer(r"«\s*(.*?)\s*»", article.text)]
    assert [(s.start, s.end) for s in quotes if s.label != "INDIRECT"] == inner
    assert [(s.label, s.speaker) for s in quotes] == [
        ("MOTTO", None), ("PARTIAL", "Birame Diop"), ("INDIRECT", "Birame Diop"), ("DIRECT", "Birame Diop"),
        ("DIRECT", "Sadio Camara"), ("DIRECT", "Sadio Camara"), ("INDIRECT", "Sadio Camara")]
    # indirect speech leaves out the connective and the speaker clause
    indirect = key.filter(label="INDIRECT").texts()
    assert not any(t.startswith(("Mais", "Et ")) or "a dit" in t or "poursuit" in t for t in indirect)


def test_speakers_are_next_to_their_quotes(key):
    speakers = key.layer("speakers").spans
    quotes = key.layer("quotes").spans
    assert len(speakers) == sum(q.speaker is not None for q in quotes)
    for s, q in zip(speakers, [q for q in quotes if q.speaker]):
        assert s.speaker == q.speaker
        assert abs(s.start - q.start) < 250, "the mention is in the quote's sentence"


def test_themes_cover_every_sentence(article, key):
    themes = key.layer("themes")
    covered = {(s.start, s.end) for s in themes}
    assert covered == {(s.start, s.end) for s in article.sentences}
    assert {s.label for s in themes} == {"visite", "coopération", "sécurité", "terrorisme", "frontière",
                                        "identité", "solidarité", "souveraineté"}


def test_key_is_only_for_the_seed():
    other = ak.parse_article("Titre / Un titre\n\nLe Mali et le Sénégal.\n")
    with pytest.raises(AnnotationFileError, match="key of the seed article only"):
        ak.reference(other)


def test_builder_reproduces_the_shipped_key(article, key):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tools" / "write_annotation_key.py"
    spec = importlib.util.spec_from_file_location("write_annotation_key", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build(article) == key
