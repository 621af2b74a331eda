"""Lesson 2's checks: right answers by several routes pass, typical mistakes get a question."""

from __future__ import annotations

import re

import pytest

import articlekit as ak
from articlekit.checks import annotating as A


@pytest.fixture(scope="module")
def key(article):
    return ak.reference(article)


def ok(name, answer, article):
    return getattr(A, name)(answer, article=article).ok


def hint(name, answer, article):
    result = getattr(A, name)(answer, article=article)
    assert not result.ok
    return " ".join(result.hints)


def test_there_are_at_least_eight_exercises():
    assert len(ak.checks.check_names(A)) >= 8


def test_unanswered_everywhere(article):
    check = ak.checks.lesson("02-annotating", article=article)
    for name in ak.checks.check_names(A):
        assert check.result(name, ...).status == "unanswered"


def test_wrong_types_get_a_question_not_a_crash(article):
    check = ak.checks.lesson("02-annotating", article=article)
    for name in ak.checks.check_names(A):
        for value in (None, 3, "text", [1, 2], {"a": 1}, ak.Annotations("autre texte")):
            result = check.result(name, value)
            assert result.status == "failed", (name, value)
            assert "?" in result.hint(), (name, value, result.hint())


def test_people(article, key):
    names = ak.Annotations(article)
    for name in ["Sadio CAMARA", "Sadio Camara", "Birame DIOP", "Birame Diop"]:
        names = names.add(name, "PER", occurrence="all")
    assert ok("people", names, article)
    # another route: a regular expression, ignoring case
    assert ok("people", ak.Annotations(article).add_regex(r"(?i)sadio camara|birame diop", "PER"), article)
    # the key's PER layer itself, with other layers around
    assert ok("people", key, article)
    assert "missing" in hint("people", names.remove("Sadio CAMARA"), article)
    with_title = names.remove(names.spans[-1]).add("Général Sadio Camara", "PER")
    assert "cut exactly" in hint("people", with_title, article)
    assert "PER" in hint("people", ak.Annotations(article).add("CEDEAO", "ORG"), article)
    assert "collection" in hint("people", ["Sadio CAMARA"], article)


def test_spellings(article):
    good = {"Sadio Camara": {"Sadio CAMARA", "Sadio Camara"}, "Birame Diop": {"Birame DIOP", "Birame Diop"}}
    assert ok("spellings", good, article)
    assert ok("spellings", {"CAMARA": ["Sadio Camara", "Sadio CAMARA"], "diop": ("Birame Diop", "Birame DIOP")}, article)
    assert not ok("spellings", {"Sadio Camara": {"Sadio Camara"}, "Birame Diop": {"Birame DIOP", "Birame Diop"}}, article)
    assert "two ministers" in hint("spellings", {"Sadio Camara": {"Sadio Camara", "Sadio CAMARA"}}, article)
    assert not ok("spellings", {"Sadio Camara": "Sadio CAMARA", "Birame Diop": "Birame Diop"}, article)
    assert "title" in hint("spellings", {"Sadio Camara": {"Sadio CAMARA", "Sadio Camara", "le Général Sadio Camara"},
                                         "Birame Diop": {"Birame DIOP", "Birame Diop"}}, article)
    assert "right minister" in hint("spellings", {"Sadio Camara": {"Sadio CAMARA", "Sadio Camara"},
                                                  "Birame Diop": {"Birame DIOP", "Birame Diop", "Sadio Camara"}},
                                    article)


def test_numbers(article):
    good = (ak.Annotations(article).add(article.date_text, "DATE").add("2021", "DATE")
            .add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM"))
    assert ok("numbers", good, article)
    greedy = (ak.Annotations(article).add_regex(r"\b\d+ [a-zé]+", "NUM"))
    assert "date" in hint("numbers", greedy, article)
    digits_only = ak.Annotations(article).add(article.date_text, "DATE").add("2021", "DATE").add_regex(r"\b\d+ (?=heures|kilomètres|pays)", "NUM")
    assert "counts" in hint("numbers", digits_only, article)
    no_dates = ak.Annotations(article).add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM")
    assert "DATE" in hint("numbers", no_dates, article)
    # the date without its weekday is the same date
    no_weekday = (ak.Annotations(article).add("06 février 2025", "DATE").add("2021", "DATE")
                  .add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM"))
    assert ok("numbers", no_weekday, article)
    too_long = (ak.Annotations(article).add(article.date_text, "DATE").add("accord cadre de 2021", "DATE")
                .add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM"))
    assert "complete" in hint("numbers", too_long, article)


def test_terrorism_theme(article):
    good = ak.Annotations(article)
    for s in article.sentences:
        if re.search("terroris", s.text, re.I):
            good = good.add_sentence(s, "terrorisme")
    assert ok("terrorism_theme", good, article)
    assert not ok("terrorism_theme", good.remove(good.spans[0]), article)
    assert "whole sentence" in hint("terrorism_theme", ak.Annotations(article).add("terrorisme", "terrorisme", occurrence=1), article)


def test_fixed_entities(article, key):
    suggestions = ak.suggest_entities(article)
    keep = {(s.start, s.end): s.label for s in key.layer("entities")}
    fixed = ak.Annotations(article, [s for s in suggestions if (s.start, s.end) in keep])
    for s in fixed:
        if s.label != keep[(s.start, s.end)]:
            fixed = fixed.relabel(s, keep[(s.start, s.end)])
    assert ok("fixed_entities", fixed, article)
    # adding correct spans spaCy missed is fine
    assert ok("fixed_entities", fixed.add("72 heures", "NUM", occurrence=1), article)
    assert "really an entity" in hint("fixed_entities", suggestions, article)
    assert "label" in hint("fixed_entities", fixed.relabel(fixed.filter(text="Malien").spans[0], "PER"), article)
    assert "remove" in hint("fixed_entities", fixed.remove("CEDEAO"), article)


def test_spacy_f1(article, key):
    exact = ak.span_scores(ak.suggest_entities(article), key)[-1].f1
    overlap = ak.span_scores(ak.suggest_entities(article), key, match="overlap")[-1].f1
    assert ok("spacy_f1", exact, article) and ok("spacy_f1", round(exact, 2), article)
    assert "exact" in hint("spacy_f1", overlap, article)
    assert "percentage" in hint("spacy_f1", exact * 100, article)
    assert not ok("spacy_f1", True, article)


def test_quote_kinds(article, key):
    good = [s.label.lower() for s in key.layer("quotes")]
    assert ok("quote_kinds", good, article) and ok("quote_kinds", [k.upper() for k in good], article)
    assert "without guillemets" in hint("quote_kinds", [k for k in good if k != "indirect"], article)
    assert "motto" in hint("quote_kinds", ["direct" if k == "motto" else k for k in good], article)
    assert "four kinds" in hint("quote_kinds", ["quote"] * 7, article)


def test_quote_annotations(article, key):
    good = ak.Annotations(article, [s for s in key.layer("quotes") if s.label != "INDIRECT"])
    assert ok("quote_annotations", good, article)
    # any spelling of the speaker's name
    respelt = ak.Annotations(article, [s if s.speaker is None else
                                       type(s)(s.start, s.end, s.label, s.layer, s.text, speaker=s.speaker.upper())
                                       for s in good])
    assert ok("quote_annotations", respelt, article)
    # the indirect ones may be there too
    assert ok("quote_annotations", key, article)
    swapped = ak.Annotations(article, [type(s)(s.start, s.end, s.label, s.layer, s.text,
                                               speaker={"Birame Diop": "Sadio Camara", "Sadio Camara": "Birame Diop"}.get(s.speaker))
                                       for s in good])
    assert "speaker" in hint("quote_annotations", swapped, article)
    titled = ak.Annotations(article, [type(s)(s.start, s.end, s.label, s.layer, s.text,
                                              speaker=s.speaker and "le Ministre")
                                      for s in good])
    assert "not a title" in hint("quote_annotations", titled, article)
    wide = good.remove(good.spans[0]).add("« Un Peuple, Un But, Une foi »", "MOTTO")
    assert "inside its guillemets" in hint("quote_annotations", wide, article)
    relabelled = good.relabel(good.spans[1], "DIRECT")
    assert "kind" in hint("quote_annotations", relabelled, article)


def test_kappa(article, key):
    value = ak.cohen_kappa(ak.suggest_entities(article), key)
    assert ok("kappa", value, article)
    assert not ok("kappa", ak.cohen_kappa(key, key), article)
    assert "between -1 and 1" in hint("kappa", 3.0, article)


def test_label_studio(article, key):
    quotes = ak.Annotations(article, [s for s in key.layer("quotes")])
    assert ok("label_studio", ak.to_label_studio(quotes), article)
    assert ok("label_studio", ak.to_label_studio(quotes)[0], article)
    no_speakers = ak.Annotations(article, [type(s)(s.start, s.end, s.label, s.layer, s.text) for s in quotes])
    assert "speaker" in hint("label_studio", ak.to_label_studio(no_speakers), article)
    assert "quotations" in hint("label_studio", ak.to_label_studio(key.layer("entities")), article)
    assert "this" in hint("label_studio", ak.to_label_studio(ak.Annotations("autre")), article)


def test_hints_never_give_the_answer(article, key):
    # no hint spells out a speaker's full name, a kind list or a number
    texts = [h for name in ak.checks.check_names(A) for h in _all_hints(name, article)]
    for h in texts:
        assert "Birame Diop" not in h and "Sadio Camara" not in h
        assert not re.search(r"0\.\d{2}", h)


def _all_hints(name, article):
    out = []
    for value in (None, 3.0, [], ak.Annotations(article)):
        result = getattr(A, name)(value, article=article)
        out.extend(result.hints)
    return out


def test_answers_travel_as_plain_data(article, key):
    from articlekit.classroom.answers import decode, encode

    assert decode(encode(key)) == key
    assert decode(encode(ak.to_label_studio(key))) == ak.to_label_studio(key)
