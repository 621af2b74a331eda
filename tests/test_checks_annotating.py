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
    from collections import Counter

    camara = Counter(m.group(0) for m in re.finditer(r"Sadio (?:CAMARA|Camara)", article.text))
    diop = Counter(m.group(0) for m in re.finditer(r"Birame (?:DIOP|Diop)", article.text))
    assert ok("spellings", {"Sadio Camara": camara, "Birame Diop": diop}, article)
    assert ok("spellings", {"CAMARA": dict(camara), "diop": dict(diop)}, article)
    # the lesson's kit call gives the spellings, not how often each is used
    sets = {k: set(v) for k, v in ak.speaker_names(article).items()}
    assert "How many times" in hint("spellings", sets, article)
    assert "two ministers" in hint("spellings", {"Sadio Camara": camara}, article)
    assert "counts right" in hint("spellings", {"Sadio Camara": camara, "Birame Diop": {k: 1 for k in diop}}, article)
    assert "title" in hint("spellings", {"Sadio Camara": {**camara, "le Général Sadio Camara": 1},
                                         "Birame Diop": diop}, article)
    assert "right minister" in hint("spellings", {"Sadio Camara": camara,
                                                  "Birame Diop": {**diop, "Sadio Camara": 1}}, article)


WORDS = r"\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix) \w+"


def test_numbers(article):
    good = (ak.Annotations(article).add(article.date_text, "DATE").add("2021", "DATE")
            .add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM").add_regex(WORDS, "NUM"))
    assert ok("numbers", good, article)
    # the lesson's collection: digits only, no numbers in words
    lesson = (ak.Annotations(article).add(article.date_text, "DATE").add("2021", "DATE")
              .add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM"))
    assert "in words" in hint("numbers", lesson, article)
    # another route: one pattern for both, then the year by hand
    one = (ak.Annotations(article).add(article.date_text, "DATE").add("2021", "DATE")
           .add_regex(r"\b(?:\d+|deux) (?:heures|kilomètres|pays)\b", "NUM"))
    assert ok("numbers", one, article)
    greedy = (ak.Annotations(article).add_regex(r"\b\d+ [a-zé]+", "NUM"))
    assert "date" in hint("numbers", greedy, article)
    digits_only = (ak.Annotations(article).add(article.date_text, "DATE").add("2021", "DATE")
                   .add_regex(r"\b\d+ (?=heures|kilomètres|pays)", "NUM").add_regex(WORDS, "NUM"))
    assert "counts" in hint("numbers", digits_only, article)
    no_dates = ak.Annotations(article).add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM").add_regex(WORDS, "NUM")
    assert "DATE" in hint("numbers", no_dates, article)
    # the date without its weekday is the same date
    no_weekday = (ak.Annotations(article).add("06 février 2025", "DATE").add("2021", "DATE")
                  .add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM").add_regex(WORDS, "NUM"))
    assert ok("numbers", no_weekday, article)
    too_long = (ak.Annotations(article).add(article.date_text, "DATE").add("accord cadre de 2021", "DATE")
                .add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM").add_regex(WORDS, "NUM"))
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
    import numpy as np

    part = article.paragraphs[1]
    sug, ref = ak.suggest_entities(article).within(part), key.within(part)
    score = ak.span_scores(sug, ref)[-1]
    as_dict = {"precision": score.precision, "recall": score.recall, "f1": score.f1}
    assert ok("spacy_f1", as_dict, article)
    assert ok("spacy_f1", score, article)                                          # the Score itself
    assert ok("spacy_f1", {k.upper(): round(v, 3) for k, v in as_dict.items()}, article)
    assert ok("spacy_f1", {k: np.float64(v) for k, v in as_dict.items()}, article)
    # the lesson's number (the whole sample) and the whole article are not this paragraph's
    whole = ak.span_scores(ak.suggest_entities(article), key)[-1]
    assert not ok("spacy_f1", {"precision": whole.precision, "recall": whole.recall, "f1": whole.f1}, article)
    overlap = ak.span_scores(sug, ref, match="overlap")[-1]
    if abs(overlap.f1 - score.f1) > 0.01:     # on this paragraph both matches may agree
        assert "exact" in hint("spacy_f1", {"precision": overlap.precision, "recall": overlap.recall,
                                            "f1": overlap.f1}, article)
    assert "percentage" in hint("spacy_f1", {k: 100 * v for k, v in as_dict.items()}, article)
    swapped = ak.span_scores(ref, sug)[-1]
    assert "swap" in hint("spacy_f1", {"precision": swapped.precision, "recall": swapped.recall,
                                       "f1": swapped.f1}, article)
    assert not ok("spacy_f1", score.f1, article) and not ok("spacy_f1", True, article)


def test_quote_kinds(article, key):
    good = A._dispatch_kinds(ak.exercise_article(A.DISPATCH).text)
    assert ok("quote_kinds", good, article) and ok("quote_kinds", [k.upper() for k in good], article)
    assert "without guillemets" in hint("quote_kinds", [k for k in good if k != "indirect"], article)
    assert "motto" in hint("quote_kinds", ["direct" if k == "motto" else k for k in good], article)
    assert "four kinds" in hint("quote_kinds", ["quote"] * 5, article)
    rules = [q.kind for q in ak.extract_quotes(ak.exercise_article(A.DISPATCH))]
    assert "rules" in hint("quote_kinds", rules, article)


DISPATCH_RIGHT = [
    ("Nous serons sur l’eau et sur les pistes, jour et nuit", "DIRECT", "Ousmane Keïta"),
    ("des actes plutôt que des promesses", "PARTIAL", "Aminata Sarr"),
    ("Si les routes sont plus sûres, tout le monde y gagnera.", "DIRECT", "Mamadou Traoré"),
    ("Fleuve sûr, rives unies", "MOTTO", None),
]


def _dispatch_notes(rows):
    d = ak.exercise_article("02-depeche-frontiere")
    notes = ak.Annotations(d)
    for text, label, speaker in rows:
        notes = notes.add(text, label, speaker=speaker) if speaker else notes.add(text, label)
    return notes


def test_quote_annotations(article):
    good = _dispatch_notes(DISPATCH_RIGHT)
    assert ok("quote_annotations", good, article)
    # any spelling of the name; an indirect quotation too is fine
    assert ok("quote_annotations", _dispatch_notes([(t, k, s and s.upper()) for t, k, s in DISPATCH_RIGHT]), article)
    assert ok("quote_annotations", good.add("les pêcheurs devront toujours être informés avant chaque opération",
                                            "INDIRECT", speaker="Aminata Sarr"), article)
    # the rules' answer is wrong on the dispatch: the learner must read
    d = ak.exercise_article("02-depeche-frontiere")
    assert not ok("quote_annotations", ak.quotes_to_annotations(ak.extract_quotes(d), d), article)
    # a group instead of the person, a pronoun, the wrong kind, the article of the lesson
    group = [(t, k, "les habitants" if s == "Aminata Sarr" else s) for t, k, s in DISPATCH_RIGHT]
    assert "who is « il » or « elle »" in hint("quote_annotations", _dispatch_notes(group), article)
    pronoun = [(t, k, "il" if s == "Ousmane Keïta" else s) for t, k, s in DISPATCH_RIGHT]
    assert not ok("quote_annotations", _dispatch_notes(pronoun), article)
    partial_motto = [(t, "PARTIAL" if k == "MOTTO" else k, s) for t, k, s in DISPATCH_RIGHT]
    assert "kind" in hint("quote_annotations", _dispatch_notes(partial_motto), article)
    wide = [("« " + t + " »" if k == "MOTTO" else t, k, s) for t, k, s in DISPATCH_RIGHT]
    assert "inside its guillemets" in hint("quote_annotations", _dispatch_notes(wide), article)
    lesson = ak.quotes_to_annotations(ak.extract_quotes(article), article)
    assert "about the dispatch" in hint("quote_annotations", lesson, article)


def test_kappa(article, key):
    import numpy as np

    suggestions = ak.suggest_entities(article)
    keep = {(s.start, s.end): s.label for s in key.layer("entities")}
    fixed = ak.Annotations(article, [s for s in suggestions if (s.start, s.end) in keep])
    for s in fixed:
        if s.label != keep[(s.start, s.end)]:
            fixed = fixed.relabel(s, keep[(s.start, s.end)])
    value = ak.cohen_kappa(suggestions, fixed)
    assert ok("kappa", value, article) and ok("kappa", np.float64(value), article)
    assert ok("kappa", round(value, 3), article)
    lesson = ak.cohen_kappa(suggestions, key)                 # the lesson's figure: spaCy against the key
    assert "your own" in hint("kappa", lesson, article)
    assert not ok("kappa", ak.cohen_kappa(key, key), article)
    assert "between -1 and 1" in hint("kappa", 3.0, article)


def test_label_studio(article):
    quotes = _dispatch_notes(DISPATCH_RIGHT)
    assert ok("label_studio", ak.to_label_studio(quotes), article)
    assert ok("label_studio", ak.to_label_studio(quotes)[0], article)
    d = ak.exercise_article("02-depeche-frontiere")
    no_speakers = ak.Annotations(d, [type(s)(s.start, s.end, s.label, s.layer, s.text) for s in quotes])
    assert "speaker" in hint("label_studio", ak.to_label_studio(no_speakers), article)
    assert "quotations" in hint("label_studio", ak.to_label_studio(ak.Annotations(d).add("Kayes", "LOC",
                                                                                      occurrence=1)), article)
    assert "dispatch" in hint("label_studio", ak.to_label_studio(ak.Annotations("autre")), article)


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
