"""Extractive summarisers and the oracle (articlekit.summarising), on texts whose answer is known."""

from __future__ import annotations

import math

import pytest

import articlekit as ak
from articlekit.summarising import (
    METHODS, content_terms, oracle, pagerank, sentence_scores, summarise,
)

NO_STOPS: tuple[str, ...] = ()


# --------------------------------------------------------------------------
# content terms
# --------------------------------------------------------------------------
def test_content_terms_of_strings():
    assert content_terms(["Le Mali et le Sénégal.", "Le Sénégal aussi !"], stop_words={"le", "et", "aussi"}) == \
        (("mali", "sénégal"), ("sénégal",))


def test_content_terms_of_strings_default_to_spacys_french_stop_words():
    assert content_terms(["Le Mali et le Sénégal coopèrent."]) == (("mali", "sénégal", "coopèrent"),)


def test_content_terms_of_the_article_are_lemmas_without_stop_words(article):
    terms = content_terms(article)
    assert len(terms) == len(article.sentences)
    assert "rencontrer" in terms[0]            # « a rencontré » -> its lemma
    stop = {t.lemma.lower() for t in article.tokens if t.is_stop}
    assert not any(t in stop - {l for s in terms for l in s} for s in terms for t in s)
    assert all("," not in s and "«" not in s for s in terms)


# --------------------------------------------------------------------------
# scores on small texts (answers computed by hand)
# --------------------------------------------------------------------------
def test_lead_scores_decrease_with_position():
    assert sentence_scores(["x", "y", "z"], "lead") == (1.0, 0.5, 1 / 3)


def test_frequency_scores_by_hand():
    # counts: a 3, b 1, c 1 -> weights a 1, b 1/3, c 1/3
    texts = ["a b", "a c", "a"]
    assert sentence_scores(texts, "frequency", stop_words=NO_STOPS) == \
        pytest.approx((2 / 3, 2 / 3, 1.0))                                     # mean weight
    assert sentence_scores(texts, "frequency", stop_words=NO_STOPS, length_normalised=False) == \
        pytest.approx((4 / 3, 4 / 3, 1.0))                                     # Luhn's plain sum
    assert summarise(texts, "frequency", 1, stop_words=NO_STOPS).indices == (2,)
    assert summarise(texts, "frequency", 1, stop_words=NO_STOPS, length_normalised=False).indices == (0,)


def test_tfidf_centroid_by_hand():
    # n = 2; idf(a) = ln(3/3) + 1 = 1, idf(b) = idf(c) = ln(3/2) + 1
    # s0 = (a 1, b i), s1 = (a 1, c i), s2 = (d i'), centroid = sum
    texts = ["a b", "a c"]
    i = math.log(3 / 2) + 1
    expected = (2 + i * i) / (math.sqrt(1 + i * i) * math.sqrt(4 + 2 * i * i))
    assert sentence_scores(texts, "tfidf", stop_words=NO_STOPS) == pytest.approx((expected, expected))
    # a sentence sharing nothing with the others is far from the centroid
    scores = sentence_scores(["a b", "a c", "a d", "z"], "tfidf", stop_words=NO_STOPS)
    assert scores[3] == min(scores)


def test_textrank_by_hand():
    # x y — y z — z w : a path; the middle sentence is linked to both others.
    # With d = 0.85: r0 = r2 = 0.07125 / 0.2775, r1 = 0.05 + 1.7 r0
    r0 = 0.07125 / 0.2775
    scores = sentence_scores(["x y", "y z", "z w"], "textrank", stop_words=NO_STOPS)
    assert scores == pytest.approx((r0, 0.05 + 1.7 * r0, r0))
    assert sum(scores) == pytest.approx(1.0)


def test_pagerank_by_hand():
    assert pagerank([[0, 1, 1], [1, 0, 0], [1, 0, 0]]) == pytest.approx(
        [0.07125 / 0.2775 * 1.7 + 0.05, 0.07125 / 0.2775, 0.07125 / 0.2775])
    # an isolated node spreads its rank evenly; ranks still sum to 1
    ranks = pagerank([[0, 1, 0], [1, 0, 0], [0, 0, 0]])
    assert sum(ranks) == pytest.approx(1.0)
    assert ranks[0] == pytest.approx(ranks[1]) and ranks[1] > ranks[2]
    assert pagerank([]) == []
    with pytest.raises(ValueError):
        pagerank([[0, -1], [1, 0]])


def test_textrank_agrees_with_sumy(article):
    # sumy's TextRank, an independent implementation, fed the same terms.  Two
    # documented differences: sumy counts repeated words (we use sets, as in
    # Mihalcea & Tarau) and links each sentence to itself (its diagonal), which
    # favours long sentences.  With sets and no self-links the ranks agree.
    import numpy as np
    from sumy.summarizers.text_rank import TextRankSummarizer

    terms = [sorted(set(t)) for t in content_terms(article)]
    n = len(terms)
    weights = np.array([[0.0 if i == j else TextRankSummarizer._rate_sentences_edge(terms[i], terms[j])
                         for j in range(n)] for i in range(n)])
    weights /= weights.sum(axis=1)[:, None] + TextRankSummarizer._ZERO_DIVISION_PREVENTION
    matrix = np.full((n, n), (1 - 0.85) / n) + 0.85 * weights
    theirs = TextRankSummarizer.power_method(matrix, 1e-7)  # its 1e-7 smoothing leaks: 1e-9 never ends
    ours = sentence_scores(article, "textrank")
    assert np.allclose(np.array(ours), theirs / theirs.sum(), atol=1e-5)


def test_sentences_without_content_score_zero():
    assert sentence_scores(["le la", "a b"], "frequency", stop_words={"le", "la"})[0] == 0.0
    assert sentence_scores(["le la", "a b"], "tfidf", stop_words={"le", "la"})[0] == 0.0


# --------------------------------------------------------------------------
# choosing sentences
# --------------------------------------------------------------------------
def test_ties_go_to_the_earlier_sentence():
    texts = ["a", "a", "a", "a"]
    for method in ("frequency", "tfidf", "textrank"):
        assert summarise(texts, method, 2, stop_words=NO_STOPS).indices == (0, 1), method


def test_chosen_sentences_come_back_in_text_order():
    texts = ["b", "a a", "a"]  # the best is the last
    summary = summarise(texts, "frequency", 2, stop_words=NO_STOPS)
    assert summary.indices == (1, 2)
    assert [s.rank for s in summary.sentences] == [1, 2] or [s.rank for s in summary.sentences] == [2, 1]
    assert summary.text == "a a a"


def test_word_limit_skips_a_long_sentence_for_a_shorter_one():
    texts = ["un deux trois quatre cinq", "six sept", "huit"]
    summary = summarise(texts, "lead", max_words=3)
    assert summary.indices == (1, 2) and summary.words == 3
    assert summarise(texts, "lead", max_words=0).indices == ()
    assert summarise(texts, "lead", max_sentences=2, max_words=100).indices == (0, 1)


def test_default_limit_is_three_sentences():
    assert len(summarise(["a", "b", "c", "d"], "lead").sentences) == 3


def test_bad_arguments():
    with pytest.raises(ValueError, match="unknown method"):
        summarise(["a"], "magic")
    with pytest.raises(ValueError):
        summarise(["a"], "lead", max_sentences=-1)
    with pytest.raises(TypeError):
        summarise("one string", "lead")
    with pytest.raises(TypeError):
        summarise([1, 2], "lead")


@pytest.mark.parametrize("method", METHODS)
def test_every_method_on_the_article(article, method):
    summary = summarise(article, method, max_words=176)
    assert summary.method == method
    assert summary.words <= 176
    assert list(summary.indices) == sorted(summary.indices)
    assert len(summary.scores) == len(article.sentences)
    for s in summary.sentences:
        assert s.text == article.sentences[s.index].text
        assert s.score == summary.scores[s.index]
    assert summarise(article, method, max_words=176) == summary  # deterministic
    frame = summary.to_frame()
    assert frame.columns.tolist() == ["index", "score", "rank", "words", "text"]
    assert len(frame) == len(summary.sentences)


def test_lead_on_the_article_is_the_first_sentences(article):
    assert summarise(article, "lead", 2).indices == (0, 1)
    assert summarise([s.text for s in article.sentences], "lead", 2).text == summarise(article, "lead", 2).text


def test_frequency_sum_prefers_long_quotations(article):
    # the lesson's point: Luhn's plain sum rewards length, and the longest sentences are quotations
    plain = summarise(article, "frequency", 3, length_normalised=False)
    mean = summarise(article, "frequency", 3)
    assert sum("«" in s.text for s in plain.sentences) >= 2
    assert sum(s.words for s in plain.sentences) > sum(s.words for s in mean.sentences)


# --------------------------------------------------------------------------
# oracle
# --------------------------------------------------------------------------
def test_oracle_finds_the_reference_sentences():
    texts = ["le chat dort", "il pleut sur la ville", "le chien aboie", "rien à voir ici"]
    reference = "le chat dort et le chien aboie"
    best = oracle(texts, reference, k=2)
    assert best.indices == (0, 2) and best.method == "oracle"
    assert oracle(texts, reference, k=2, metric="rouge1").indices == (0, 2)
    assert oracle(texts, reference, k=2, metric="rougeL").indices == (0, 2)


def test_oracle_beats_every_method(article):
    reference = ak.reference_summary("fr-moyen").text
    best = oracle(article, reference, k=3)
    ceiling = ak.rouge(best, reference).rouge2.f1
    for method in METHODS:
        assert ak.rouge(summarise(article, method, 3), reference).rouge2.f1 <= ceiling + 1e-12


def test_oracle_respects_a_word_limit(article):
    reference = ak.reference_summary("fr-court").text
    best = oracle(article, reference, k=4, max_words=60)
    assert 0 < best.words <= 60


def test_oracle_greedy_on_long_inputs():
    # 60 sentences, k = 4: 487,635 sets, so the greedy search is used
    texts = [f"phrase numéro {i} sans rapport" for i in range(60)]
    texts[7] = "le chat dort"
    texts[42] = "le chien aboie"
    best = oracle(texts, "le chat dort et le chien aboie", k=4)
    assert {7, 42} <= set(best.indices)


def test_oracle_bad_arguments():
    with pytest.raises(ValueError):
        oracle(["a"], "a", k=0)
    with pytest.raises(ValueError):
        oracle(["a"], "a", metric="bleu")


@pytest.mark.parametrize("method", ak.summarising.METHODS)
def test_summary_sentences_carry_their_offsets(article, method):
    kept = ak.summarise(article, method, max_words=120).sentences
    kept += ak.oracle(article, ak.reference_summary("fr-court").text, k=2).sentences
    assert kept and all(article.text[s.start:s.end] == s.text for s in kept)
    plain = ak.summarise(["Un.", "Deux."], method, max_sentences=1).sentences[0]
    assert (plain.start, plain.end) == (None, None)
