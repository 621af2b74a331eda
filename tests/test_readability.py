"""Syllables, Kandel–Moles and LIX, pinned on texts small enough to count by hand."""

import dataclasses

import pytest

import articlekit as ak
from articlekit.readability import count_syllables, hyphenate, kandel_moles, lix, words_of


@pytest.mark.parametrize("word, expected", [
    ("chat", 1), ("le", 1), ("les", 1), ("que", 1),
    ("coopération", 5),     # pyphen cuts co-opé: the piece « opé » holds two vowel groups
    ("souveraineté", 5),
    ("été", 2), ("idée", 2),  # pyphen does not cut next to a single letter
    ("réalité", 4), ("réunir", 3),  # é + vowel is a hiatus
    ("rencontre", 2), ("peuple", 1), ("menaces", 2),  # silent final e / es
    ("armée", 2), ("aigues", 2), ("soutenue", 3),  # e after a vowel: part of the vowel group
    ("moyens", 2),  # y between vowels
    ("l", 0), ("d", 0), ("qu", 0), ("L’", 0),  # elided words have no syllable of their own
    ("accord-cadre", 3), ("au-delà", 3),
    ("419", 3), ("2021", 4),  # numbers: one syllable a digit
    ("Sénégal", 3), ("SÉNÉGAL", 3),
])
def test_count_syllables(word, expected):
    assert count_syllables(word) == expected


def test_count_syllables_rejects_non_words():
    with pytest.raises(TypeError):
        count_syllables(3)


def test_hyphenation_points_are_not_syllables():
    # The limits the module documents, checked on pyphen itself.
    assert hyphenate("été") == ("été",)
    assert hyphenate("rencontre") == ("ren", "contre")
    assert hyphenate("coopération") == ("co", "opé", "ra", "tion")
    assert "".join(hyphenate("transfrontalière")) == "transfrontalière"


def test_words_are_cut_like_article_words():
    article = ak.load_article()
    assert words_of(article.text) == list(article.words)
    assert words_of("L’accord-cadre de 2021.") == ["L", "accord-cadre", "de", "2021"]


def test_formulas():
    assert kandel_moles(0, 0) == 207
    assert kandel_moles(10, 1.5) == pytest.approx(207 - 10.15 - 110.4)
    assert lix(10, 0.25) == pytest.approx(35)


def test_two_short_sentences_by_hand():
    r = ak.readability("Le chat dort. Il fait beau.")
    assert (r.sentences, r.words, r.syllables, r.long_words) == (2, 6, 6, 0)
    assert r.words_per_sentence == 3
    assert r.kandel_moles == pytest.approx(207 - 1.015 * 3 - 73.6 * 1)
    assert r.lix == pytest.approx(3.0)
    assert r.kandel_moles_level == "très facile" and r.lix_level == "très facile"


def test_one_long_sentence_by_hand():
    # La(1) coopération(5) militaire(3) renforce(2) la(1) sécurité(4) = 16 syllables;
    # 4 words longer than six letters.
    r = ak.readability("La coopération militaire renforce la sécurité.")
    assert (r.sentences, r.words, r.syllables, r.long_words) == (1, 6, 16, 4)
    assert r.kandel_moles == pytest.approx(207 - 1.015 * 6 - 73.6 * 16 / 6)
    assert r.lix == pytest.approx(6 + 100 * 4 / 6)
    assert r.kandel_moles_level == "très difficile" and r.lix_level == "très difficile"


def test_article_uses_its_own_sentences():
    article = ak.load_article()
    r = ak.readability(article)
    assert r.sentences == len(article.sentences) == 19
    assert r.words == len(article.words)
    assert 30 < r.kandel_moles < 60 and r.lix > 55


def test_easy_text_is_easier_than_the_article():
    easy = ak.readability(ak.easy_text())
    hard = ak.readability(ak.load_article())
    assert easy.sentences == 8
    assert easy.kandel_moles > hard.kandel_moles + 30
    assert easy.lix < hard.lix - 30


def test_close_to_textstat():
    # textstat counts pyphen pieces only, so it finds fewer syllables, but the
    # scores must tell the same story.
    textstat = pytest.importorskip("textstat")
    textstat.set_lang("fr")
    article = ak.load_article()
    ours = ak.readability(article)
    assert abs(textstat.flesch_reading_ease(article.text) - ours.kandel_moles) < 10
    assert abs(textstat.lix(article.text) - ours.lix) < 10
    assert textstat.syllable_count(article.text) < ours.syllables


def test_result_is_frozen():
    r = ak.readability("Le chat dort.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.words = 3


@pytest.mark.parametrize("bad", ["", "   ", "… ! ?"])
def test_no_words_is_an_error(bad):
    with pytest.raises(ValueError, match="at least one word"):
        ak.readability(bad)


def test_wrong_type_is_an_error():
    with pytest.raises(TypeError, match="readability"):
        ak.readability(42)
