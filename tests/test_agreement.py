"""Precision, recall, F1 and Cohen's kappa, checked against values computed by hand."""

from __future__ import annotations

import math

import pytest

import articlekit as ak
from articlekit.agreement import Score, match_spans, token_labels

TEXT = "Sadio Camara et Birame Diop au Mali ."


def _a():
    return ak.Annotations(TEXT).add("Sadio Camara", "PER").add("Birame Diop", "PER").add("Mali", "LOC")


def _b():
    return ak.Annotations(TEXT).add("Sadio Camara", "PER").add("Birame", "LOC").add("Mali", "ORG")


def test_token_labels():
    assert token_labels(_a()) == ["PER", "PER", "O", "PER", "PER", "O", "LOC", "O"]
    assert token_labels(_b()) == ["PER", "PER", "O", "LOC", "O", "O", "ORG", "O"]
    # spaCy-like tokens can be given as (start, end) pairs
    assert token_labels(_a(), tokens=[(0, 5), (6, 12)]) == ["PER", "PER"]
    # l’insécurité is three regex tokens
    assert token_labels(ak.Annotations("l’insécurité")) == ["O", "O", "O"]


def test_kappa_by_hand():
    # p_o = 5/8; p_e = (4*2 + 3*4 + 1*1 + 0*1) / 64 = 21/64; kappa = (40/64 - 21/64) / (43/64) = 19/43
    assert math.isclose(ak.cohen_kappa(_a(), _b()), 19 / 43)
    assert math.isclose(ak.cohen_kappa(_b(), _a()), 19 / 43), "kappa is symmetric"
    two = ak.Annotations("Le Mali et le Sénégal").add("Mali", "LOC")
    # p_o = 4/5; p_e = (4*3 + 1*2) / 25 = 14/25; kappa = (20/25 - 14/25) / (11/25) = 6/11
    assert math.isclose(ak.cohen_kappa(two, two.add("Sénégal", "LOC")), 6 / 11)
    assert ak.cohen_kappa(_a(), _a()) == 1.0
    empty = ak.Annotations(TEXT)
    assert ak.cohen_kappa(empty, empty) == 1.0, "both all-O: perfect agreement"
    # an annotator who labels everything differently from chance: negative kappa
    x = ak.Annotations("a b").add("a", "PER")
    y = ak.Annotations("a b").add("b", "PER")
    assert ak.cohen_kappa(x, y) == pytest.approx(-1.0)


def test_kappa_with_sklearn_if_installed():
    metrics = pytest.importorskip("sklearn.metrics")
    assert math.isclose(ak.cohen_kappa(_a(), _b()),
                        metrics.cohen_kappa_score(token_labels(_a()), token_labels(_b())))


def test_scores_by_hand_exact():
    scores = {s.label: s for s in ak.span_scores(_a(), _b())}
    assert list(scores) == ["PER", "LOC", "ORG", "ALL"]
    assert scores["PER"] == Score("PER", 1, 1, 0, 0.5, 1.0, pytest.approx(2 / 3))
    assert (scores["LOC"].tp, scores["LOC"].fp, scores["LOC"].fn, scores["LOC"].f1) == (0, 1, 1, 0.0)
    assert (scores["ORG"].tp, scores["ORG"].fp, scores["ORG"].fn, scores["ORG"].precision) == (0, 0, 1, 0.0)
    assert (scores["ALL"].tp, scores["ALL"].fp, scores["ALL"].fn) == (1, 2, 2)
    assert scores["ALL"].f1 == pytest.approx(1 / 3)


def test_overlap_matching_is_one_to_one():
    ref = ak.Annotations("Le Général Diop parle").add("Diop", "PER")
    pred = ak.Annotations(ref.text).add("Général Diop", "PER")
    assert ak.span_scores(pred, ref)[-1].f1 == 0.0
    assert ak.span_scores(pred, ref, match="overlap")[-1].f1 == 1.0
    two = ak.Annotations(ref.text).add("Général", "PER").add("Diop parle", "PER")
    s = ak.span_scores(two, ak.Annotations(ref.text).add("Général Diop", "PER"), match="overlap")[-1]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    pairs = match_spans(two, ref, match="overlap")
    assert [(p and p.text, r and r.text) for p, r in pairs] == [("Général", None), ("Diop parle", "Diop")]


def test_agreement_table_and_errors():
    frame = ak.agreement(_a(), _b())
    assert list(frame.columns) == ["label", "tp", "fp", "fn", "precision", "recall", "f1"]
    assert frame["label"].tolist() == ["PER", "LOC", "ORG", "ALL"]
    with pytest.raises(ValueError, match="different texts"):
        ak.agreement(_a(), ak.Annotations("autre"))
    with pytest.raises(ValueError, match="'exact' or 'overlap'"):
        ak.agreement(_a(), _b(), match="fuzzy")
    with pytest.raises(ValueError, match="unknown layer"):
        ak.agreement(_a(), _b(), layer="people")
    with pytest.raises(TypeError):
        ak.agreement([1], _b())


def test_confusion_matrix_and_plot():
    frame = ak.confusion_matrix(_a(), _b())
    assert frame.index.name == "reference" and frame.columns.name == "predicted"
    assert list(frame.columns) == ["PER", "LOC", "ORG", "O"]
    assert frame.loc["LOC", "PER"] == 1 and frame.loc["ORG", "LOC"] == 1 and frame.loc["O", "PER"] == 1
    assert frame.to_numpy().sum() == 8
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = ak.plot_confusion(_a(), _b(), title="A vs B")
    assert ax.get_title() == "A vs B"
    assert ax.get_xlabel() and ax.get_ylabel()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["PER", "LOC", "ORG", "O"]
    plt.close("all")


def test_spacy_against_the_key():
    article = ak.load_article()
    key = ak.reference(article)
    spacy = ak.suggest_entities(article)
    exact, overlap = ak.span_scores(spacy, key)[-1], ak.span_scores(spacy, key, match="overlap")[-1]
    assert 0 < exact.f1 <= overlap.f1 < 1, "spaCy finds some entities, and misses or mislabels others"
    assert ak.span_scores(key, key)[-1].f1 == 1.0
    assert -1 <= ak.cohen_kappa(spacy, key) < 1
    # article.tokens (spaCy's) can be used instead of the regex tokens
    assert ak.cohen_kappa(spacy, key, tokens=article.tokens) != 1.0


def test_differences_give_a_verdict_per_span():
    ref = ak.Annotations("Le Général Diop au Mali et Dakar").add("Diop", "PER").add("Mali", "LOC").add("Dakar", "LOC")
    pred = (ak.Annotations(ref.text).add("Général Diop", "PER").add("Le", "ORG").add("Mali", "ORG")
            .add("et Dakar", "ORG"))
    frame = ak.differences(pred, ref)
    assert frame[["text", "verdict"]].values.tolist() == [
        ["Le", "not an entity"], ["Général Diop", "wrong boundaries"], ["Mali", "wrong label"],
        ["et Dakar", "wrong label and boundaries"]]
    assert ak.differences(ref, ref)["verdict"].tolist() == ["correct"] * 3
    assert ak.differences(ak.Annotations(ref.text), ref)["verdict"].tolist() == ["missed"] * 3
    with pytest.raises(ValueError, match="different texts"):
        ak.differences(ref, ak.Annotations("autre"))


def test_confusion_matrix_refuses_two_texts_instead_of_miscounting():
    ref = ak.Annotations("Le Mali et le Sénégal").add("Mali", "LOC")
    other = ak.Annotations("Le Mali et le Niger, puis le Bénin").add("Mali", "LOC")
    with pytest.raises(ValueError, match="different texts"):
        ak.confusion_matrix(other, ref)
    with pytest.raises(ValueError, match="different texts"):
        ak.plot_confusion(other, ref)
    with pytest.raises(ValueError, match="unknown layer 'entity'"):
        ak.confusion_matrix(ref, ref, layer="entity")
    with pytest.raises(TypeError):
        ak.confusion_matrix(ref.spans, ref)
