"""The French exam word counter and the résumé feedback (articlekit.resume)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

import articlekit as ak
from articlekit.resume import (
    Fact, check_resume, copied_run, count_words, first_person, key_facts, words,
)


# --------------------------------------------------------------------------
# count_words: one test per exam rule
# --------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("c’est faux", 3),          # the classroom rule: elided forms count
    ("c'est faux", 3),          # straight apostrophe too
    ("l’insécurité", 2),
    ("qu’elle", 2),
    ("jusqu’à", 2),
])
def test_elided_forms_count_as_words(text, expected):
    assert count_words(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("aujourd’hui", 1),
    ("Aujourd'hui", 1),
    ("d’aujourd’hui", 2),
    ("quelqu’un", 1),
    ("presqu’île", 1),
    ("prud’homme", 1),
])
def test_dictionary_words_with_an_apostrophe_count_once(text, expected):
    assert count_words(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("a-t-il", 2),
    ("A-t-elle", 2),
    ("va-t-on", 2),
    ("Y a-t-il", 3),
    ("a-t’il", 2),               # a frequent misspelling of a-t-il
    ("va-t’en", 3),              # t’ is « te » here, not euphonic: it counts
])
def test_euphonic_t_is_not_counted(text, expected):
    assert count_words(text) == expected
    assert count_words(text, hyphenated="join") == expected


@pytest.mark.parametrize("text, expected", [
    ("20 %", 2),
    ("20%", 2),
    ("24,5 %", 2),
    ("419", 1),
    ("2025", 1),
    ("1 000", 1),
    ("1\u00a0000\u00a0000 habitants", 2),
    ("24,5", 1),
    ("06/02/2025", 1),
    ("72 heures", 2),
    ("15 €", 2),
])
def test_numbers_and_signs(text, expected):
    assert count_words(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("CEDEAO", 1),
    ("O.N.U.", 1),
    ("l’O.N.U.", 2),
    ("B.O.E.N.", 1),
])
def test_acronyms_count_once(text, expected):
    assert count_words(text) == expected


def test_punctuation_is_not_counted():
    assert count_words("« Un Peuple, Un But, Une foi » !?… — ; :") == 6
    assert count_words("...") == 0
    assert count_words("") == 0


def test_symbols_standing_for_words_count():
    assert count_words("Défense & Sécurité") == 3


@pytest.mark.parametrize("text, split, join", [
    ("peut-être", 2, 1),
    ("c’est-à-dire", 4, 2),
    ("arc-en-ciel", 3, 1),
    ("l’arc-en-ciel", 4, 2),
    ("au-delà", 2, 1),
    ("main-d’œuvre", 3, 1),
    ("dit-il", 2, 2),            # inversion: the pronoun is always a word
    ("donne-le-moi", 3, 3),
    ("est-ce", 2, 2),
])
def test_hyphenated_option(text, split, join):
    assert count_words(text) == split
    assert count_words(text, hyphenated="split") == split
    assert count_words(text, hyphenated="join") == join


def test_proper_names_option():
    text = "Le Général Sadio CAMARA a reçu Birame Diop."
    assert count_words(text) == 8
    assert count_words(text, names=["Sadio Camara"]) == 7
    assert count_words(text, names=["Sadio Camara", "Birame Diop"]) == 6
    assert words(text, names=["sadio camara"])[2] == "Sadio CAMARA"


def test_typography_spaces_separate_words():
    assert count_words("Mali\u00a0: Sénégal\u202f!") == 2
    assert count_words("un  deux\tdeux\ntrois") == 4


def test_words_shows_what_was_counted():
    assert words("Qu’a-t-il dit aujourd’hui ?") == ["Qu'", "a", "il", "dit", "aujourd'hui"]


def test_bad_arguments():
    with pytest.raises(TypeError):
        count_words(42)
    with pytest.raises(ValueError, match="hyphenated"):
        count_words("peut-être", hyphenated="maybe")


def test_article_length(article):
    # the classroom length rule uses this figure: a quarter is 176 words
    assert count_words(article.text) == 702
    assert count_words(article.sentences[3].text) == 10  # « Une frontière … 419 kilomètres de longueur. »


@given(st.lists(st.sampled_from(["le", "Mali", "c’est", "20 %", "a-t-il", "aujourd’hui", "CEDEAO",
                                 ",", ".", "«", "»", "peut-être"]), max_size=30))
def test_count_is_additive_over_spaces(parts):
    # counting a text equals the sum of counting its space-separated pieces
    assert count_words(" ".join(parts)) == sum(count_words(p) for p in parts)


# --------------------------------------------------------------------------
# copying, énonciation, key facts
# --------------------------------------------------------------------------
def test_copied_run_finds_the_longest_run():
    n, run = copied_run("Ils veulent lutter contre le terrorisme ensemble.",
                        "afin de lutter efficacement contre le terrorisme.")
    assert (n, run) == (3, "contre le terrorisme")


def test_copied_run_ignores_case_apostrophes_and_stops_at_sentence_ends():
    n, run = copied_run("L'INSÉCURITÉ recule. Le ministre parle",
                        "l’insécurité recule le ministre parle")
    assert n == 3 and run == "L'INSÉCURITÉ recule"  # not 6: the full stop ends the run
    assert copied_run("rien", "tout autre chose") == (0, "")


def test_first_person_outside_quotations_only():
    assert first_person("Selon moi, le ministre dit « nous agirons ensemble ».") == ("moi",)
    assert first_person("J’ai lu que le Mali et nos voisins…") == ("J’", "nos")
    assert first_person("Le ministre affirme que « nous devons coopérer ».") == ()
    assert first_person('Il dit "je viendrai".') == ()


def test_fact_variants_are_accent_and_case_blind():
    fact = Fact("x", "who", "le Sénégal", (r"\bsenegal",))
    assert fact.find("Le SÉNÉGALAIS arrive") == "SÉNÉGALAIS"
    assert fact.find("le Mali") is None


def test_key_facts_of_the_seed_cover_every_question(article):
    facts = key_facts(article)
    assert {f.question for f in facts} == {"who", "when", "what", "why"}
    assert len(facts) >= 6


def test_key_facts_of_another_article_are_derived(tmp_path):
    path = tmp_path / "autre.txt"
    path.write_text(
        "Culture / Un festival à Bamako\n\nUn festival à Bamako\n\n"
        "Le chanteur Salif Keita a ouvert ce samedi, 08 mars 2025, le festival de Bamako. "
        "Le festival réunit des musiciens de toute la région.\n\nPAR AWA DIALLO.\n",
        encoding="utf-8")
    other = ak.load_article(path)
    facts = key_facts(other)
    assert any(f.question == "when" for f in facts)
    assert any(f.question == "what" for f in facts)
    when = next(f for f in facts if f.question == "when")
    assert when.find("Le 8 mars, Salif Keita chante.") is not None


# --------------------------------------------------------------------------
# check_resume
# --------------------------------------------------------------------------
def test_reference_exam_resume_passes(article):
    report = check_resume(ak.reference_summary("fr-examen").text, article)
    assert report.ok, str(report)
    assert (report.target, report.low, report.high) == (176, 158, 194)
    assert report.facts_found == len(report.facts)


def test_short_first_person_resume_gets_numbers_and_advice(article):
    report = check_resume("Je pense que le Mali et le Sénégal veulent coopérer. Nous verrons.", article)
    assert not report.ok
    assert not report.length_ok and report.words == 12
    assert report.first_person == ("Je", "Nous")
    text = str(report)
    assert "12 words" in text and "Too short by 146" in text
    assert "First or second person" in text
    html = report._repr_html_()
    assert "<table>" in html and "✗" in html


def test_copying_a_long_run_is_flagged(article):
    copied = article.sentences[2].text  # a whole sentence taken as it is
    report = check_resume(copied, article)
    assert report.copy_length == count_words(copied) == 27
    assert not report.copy_ok
    assert "rephrase" in str(report)


def test_teacher_target(article):
    text = ak.reference_summary("fr-moyen").text
    assert not check_resume(text, article).length_ok
    report = check_resume(text, article, target=120)
    assert report.length_ok and (report.low, report.high) == (108, 132)
    with pytest.raises(ValueError):
        check_resume(text, article, target=0)


def test_report_table(article):
    frame = check_resume(ak.reference_summary("fr-court").text, article).to_frame()
    assert frame["criterion"].tolist() == ["length", "key facts", "order", "copying", "repeats", "énonciation"]
    assert frame["ok"].tolist() == [False, True, True, True, True, True]
