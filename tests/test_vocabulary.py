"""The vocabulary exercises made from an article: the gap-fill and the matching (articlekit.vocabulary)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import articlekit as ak
from articlekit.vocabulary import GapFill, Matching, answer_form, gap_fill, matching

GAP = re.compile(r"___\((\d+)\)___")


def rebuilt(gaps: GapFill, article) -> list[str]:
    """Each printed line with its blanks filled by the answers, without its « Phrase n : » label."""
    out = []
    for line in gaps.lines:
        body = line.split(" : ", 1)[1]
        out.append(GAP.sub(lambda m: gaps.blank(int(m.group(1))).text, body))
    return out


# --------------------------------------------------------------------------- gap-fill: the exercise
@pytest.mark.parametrize("sentences", [[2, 6], [9, 13], [0, 5, 12], list(range(19))])
def test_blanks_keep_their_offsets_and_the_sentences_come_back(article, sentences):
    gaps = gap_fill(article, sentences=sentences, per_sentence=None)
    assert [b.number for b in gaps.blanks] == list(range(1, len(gaps.blanks) + 1))
    assert [b.start for b in gaps.blanks] == sorted(b.start for b in gaps.blanks)  # reading order
    for b in gaps.blanks:
        assert article.text[b.start:b.end] == b.text
        s = article.sentences[b.sentence]
        assert s.start <= b.start < b.end <= s.end
        assert ak.load_glossary().lookup(b.term) is not None
    assert rebuilt(gaps, article) == [article.sentences[i].text for i in gaps.sentences]


def test_the_longer_of_two_overlapping_terms_is_blanked(article):
    gaps = gap_fill(article, sentences=[2], per_sentence=None)
    assert gaps.blank(1).text == "coopération militaire"      # not « coopération » alone
    assert "coopération" not in gaps.bank


def test_a_misspelling_is_never_blanked(article):
    # « Forces Armée » and « prise e compte » are the article's slips (the glossary's notes say so),
    # « soutenue » is in the kit's sample of slips: none may become an answer
    gaps = gap_fill(article, per_sentence=None)
    written = {b.text for b in gaps.blanks}
    assert "Forces Armée" not in written and "prise e compte" not in written
    assert "forces armées" in written                          # the correct occurrence is kept
    slips = ak.corrections(article)
    assert not any(b.start < c.end and c.start < b.end for b in gaps.blanks for c in slips)


def test_proper_nouns_only_when_asked_for(article):
    assert "CEDEAO" not in {b.text for b in gap_fill(article, sentences=[12], per_sentence=None).blanks}
    assert [b.text for b in gap_fill(article, sentences=[12], terms=["CEDEAO"]).blanks] == ["CEDEAO"]


def test_per_sentence_keeps_the_rarer_terms_in_reading_order(article):
    gaps = gap_fill(article, sentences=[6], per_sentence=3)
    assert [b.text for b in gaps.blanks] == ["résilience", "vaillance", "décennie"]   # once each in the article
    assert len(gap_fill(article, sentences=[9], per_sentence=None).blanks) > 3
    assert gap_fill(article, sentences=[9], per_sentence=0).blanks == ()


def test_terms_restrict_the_blanks_and_unknown_input_is_one_clear_error(article):
    gaps = gap_fill(article, sentences=[13], terms=["stabilité", "tenir à cœur"])
    assert [b.text for b in gaps.blanks] == ["stabilité", "tiennent à cœur"]
    assert gaps.bank == ("stabilité", "tenir à cœur")
    with pytest.raises(KeyError, match="not in the glossary"):
        gap_fill(article, terms=["ordinateur"])
    with pytest.raises(IndexError, match="0 to 18"):
        gap_fill(article, sentences=[19])


def test_a_sentence_without_a_term_is_shown_as_it_is(article):
    gaps = gap_fill(article, sentences=[3, 4], terms=["devise"])
    assert gaps.lines[0] == "Phrase 3 : " + article.sentences[3].text
    assert [b.sentence for b in gaps.blanks] == [4]


def test_distractors_fill_no_blank_and_are_chosen_the_same_way_every_time(article):
    plain = gap_fill(article, sentences=[2, 6])
    more = gap_fill(article, sentences=[2, 6], distractors=2)
    assert more.blanks == plain.blanks
    extra = set(more.bank) - set(plain.bank)
    assert len(extra) == 2 and not extra & {b.term for b in more.blanks}
    assert gap_fill(article, sentences=[2, 6], distractors=2).bank == more.bank
    assert list(more.bank) == sorted(more.bank, key=lambda t: ak.glossary.fold(t)[0])


def test_the_exercise_prints_as_a_learner_reads_it(article):
    gaps = gap_fill(article, sentences=[3])
    assert str(gaps) == ("Phrase 3 : Une ___(1)___ qui s’étale sur 419 kilomètres de longueur.\n\n"
                         "Mots : frontière")
    assert "419" in str(gaps) and "frontière" not in gaps.lines[0]   # the answer is not in the sentence


def test_a_teachers_own_article_and_glossary_get_the_same_exercise():
    article = ak.parse_article("Sport / Un match\n\nLes joueurs sénégalais ont gagné la finale. "
                               "Leur entraîneur salue la vaillance des joueurs.\n")
    glossary = ak.load_glossary().add("finale", "final (match)", pos="NOUN").add(
        "entraîneur", "coach", pos="NOUN", variants=["entraîneurs"])
    gaps = gap_fill(article, glossary)
    assert [b.text for b in gaps.blanks] == ["finale", "entraîneur", "vaillance"]
    assert gaps.judge(2, "Entraîneur") == "right" and gaps.judge(2, "entraîneurs") == "form"


# --------------------------------------------------------------------------- gap-fill: judging a word
@pytest.fixture()
def lesson_gaps(article):
    return gap_fill(article, sentences=[2, 6], distractors=1)


@pytest.mark.parametrize("number,word,verdict", [
    (1, "insécurité", "right"),
    (1, "INSÉCURITÉ", "right"),                  # capitals
    (1, "l'insécurité", "right"),                # with the elided article before the blank
    (1, "l’insécurité", "right"),
    (3, "la frontière", "right"),
    (2, "de part et d'autre", "right"),          # keyboard apostrophe
    (2, "de part et d autre", "right"),          # the apostrophe typed as a space
    (2, "de-part-et-d’autre", "right"),          # hyphens for spaces
    (6, " décennie. ", "right"),                 # spaces and a full stop around it
    (1, "insecurite", "accents"),
    (6, "decennie", "accents"),
    (6, "décennies", "form"),
    (3, "frontières", "form"),
    (4, "vaillance", "other"),                   # a word of the list, in the wrong blank
    (4, "autorités", "other"),                   # the distractor
    (4, "courage", "wrong"),                     # a synonym that is not in the list
    (4, "", "wrong"),
    (4, 3, "wrong"),
    (4, None, "wrong"),
])
def test_judge_tells_the_right_word_from_its_near_misses(lesson_gaps, number, word, verdict):
    assert lesson_gaps.judge(number, word) == verdict


def test_judge_knows_a_conjugated_or_agreed_form(article):
    gaps = gap_fill(article, sentences=[12, 13], terms=["fécond", "tenir à cœur"])
    assert [b.text for b in gaps.blanks] == ["fécondes", "tiennent à cœur"]
    assert gaps.judge(1, "fécond") == "form" and gaps.judge(1, "féconde") == "form"
    assert gaps.judge(2, "tenir à cœur") == "form" and gaps.judge(2, "tiennent à coeur") == "right"
    with pytest.raises(KeyError, match="blanks 1 to 2"):
        gaps.judge(3, "x")


@pytest.mark.parametrize("answer,expected", [
    (["a", "b"], {1: "a", 2: "b"}),
    (("a", "b"), {1: "a", 2: "b"}),
    ({1: "a", 2: "b"}, {1: "a", 2: "b"}),
    ({"1": "a", " 2 ": "b"}, {1: "a", 2: "b"}),
    ({np.int64(1): "a", "(2)": "b"}, {1: "a", 2: "b"}),
    (pd.Series(["a", "b"], index=[1, 2]), {1: "a", 2: "b"}),
    ({"un": "a"}, None),
    ("a b", None),
    (3, None),
])
def test_read_takes_the_shapes_learners_write(article, answer, expected):
    assert gap_fill(article, sentences=[2]).read(answer) == expected


def test_answer_form_forgives_typography_but_not_accents():
    assert answer_form("Accord-cadre") == answer_form("accord cadre") == answer_form(" ACCORD\u00a0CADRE. ")
    assert answer_form("tiennent à cœur") == answer_form("Tiennent à coeur")
    assert answer_form("l’armée") == answer_form("l'armée")
    assert answer_form("sécurité") != answer_form("securite")


# --------------------------------------------------------------------------- matching
def test_matching_from_the_glossary_knows_its_key():
    m = matching(terms=["homologue", "défi", "menace", "quant à", "au-delà"])
    glossary = ak.load_glossary()
    assert list(m.clues) == sorted(m.clues, key=answer_form)
    for term, letter in zip(m.terms, m.key):
        assert m.clues[m.letters.index(letter)] == glossary.lookup(term).gloss
    assert m.key != tuple(sorted(m.key)), "the clues are not in the terms' order"
    by_definition = matching(terms=["homologue", "défi"], by="definition")
    assert set(by_definition.clues) == {glossary.lookup("homologue").definition, glossary.lookup("défi").definition}


def test_matching_with_the_teachers_clues_does_not_know_the_answer():
    m = matching(terms=["scruter", "fécond"], clues=["qui donne de bons résultats", "examiner avec attention", "x"])
    assert m.key is None and m.letters == ("A", "B", "C")
    assert str(m).splitlines() == ["1. scruter    A. qui donne de bons résultats",
                                   "2. fécond     B. examiner avec attention",
                                   "              C. x"]


@pytest.mark.parametrize("answer,expected", [
    ({"homologue": "D", "défi": "C"}, {1: "D", 2: "C"}),
    ({"HOMOLOGUE": "d", " Défi ": "c."}, {1: "D", 2: "C"}),                 # capitals, spaces, a full stop
    ({1: "D", "2": "C"}, {1: "D", 2: "C"}),                                 # numbers instead of terms
    ({"homologue": "counterpart", "défi": "Challenge"}, {1: "D", 2: "C"}),  # the clue's text
    (["D", "C"], {1: "D", 2: "C"}),                                         # a list in the terms' order
    ({"homologue": "Z", "défi": 3}, {1: "?", 2: "?"}),                      # kept for the check to ask about
    ({"ordinateur": "A"}, None),
    ({7: "A"}, None),
    ("DC", None),
])
def test_matching_reads_the_shapes_learners_write(answer, expected):
    m = matching(terms=["homologue", "défi", "menace", "quant à", "au-delà"])
    assert m.read(answer) == expected


def test_matching_refuses_what_cannot_be_an_exercise():
    with pytest.raises(KeyError, match="not in the glossary"):
        matching(terms=["ordinateur"])
    with pytest.raises(ValueError, match="clues"):
        matching(terms=["scruter", "fécond"], clues=["une seule"])
    with pytest.raises(ValueError, match="at least one term"):
        matching(terms=[])
    with pytest.raises(ValueError, match="gloss"):
        matching(terms=["défi"], by="colour")


def test_both_exercises_are_frozen_and_print_in_ipython(article):
    import dataclasses

    from IPython.lib.pretty import pretty

    gaps, m = gap_fill(article, sentences=[3]), matching(terms=["défi"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        gaps.bank = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.key = None
    assert pretty(gaps) == str(gaps) and pretty(m) == str(m)
    assert isinstance(gaps, GapFill) and isinstance(m, Matching)
