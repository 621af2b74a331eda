"""ROUGE with a French tokenizer, and the shipped reference summaries (articlekit.evaluation)."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
from rouge_score import rouge_scorer

import articlekit as ak
from articlekit.evaluation import (
    ascii_tokenize, broken_words, reference_summaries, reference_summary, rouge, tokenize,
)
from articlekit.resume import copied_run, count_words, first_person


# --------------------------------------------------------------------------
# tokenizers
# --------------------------------------------------------------------------
def test_french_tokenizer_keeps_accents_and_elisions():
    assert tokenize("L’insécurité, aujourd’hui, au-delà de 419 km !") == \
        ["l'", "insécurité", "aujourd'hui", "au", "delà", "de", "419", "km"]
    assert tokenize("Qu'il coopère jusqu’à 24,5 %") == ["qu'", "il", "coopère", "jusqu'", "à", "24,5"]
    assert tokenize("CŒUR Œuvre") == ["cœur", "œuvre"]


def test_ascii_tokenizer_is_what_rouge_score_does():
    text = "La sécurité à la frontière du Sénégal, aujourd’hui, coûte 20 %."
    from rouge_score import tokenize as rs_tokenize

    assert ascii_tokenize(text) == rs_tokenize.tokenize(text, None)
    assert ascii_tokenize("sécurité") == ["s", "curit"]


def test_broken_words():
    assert broken_words("Le Sénégal et le Mali, à 419 km") == [("sénégal", ("s", "n", "gal")), ("à", ())]
    assert broken_words("le Mali coopère l'insécurité") == [("coopère", ("coop", "re")), ("insécurité", ("ins", "curit"))]
    assert broken_words("le Mali") == []


# --------------------------------------------------------------------------
# ROUGE against values computed by hand
# --------------------------------------------------------------------------
def test_rouge_hand_computed_example():
    # candidate: le chat dort sur le tapis   (6 tokens)
    # reference: le chat dort                (3 tokens)
    # unigrams shared, clipped: le (min 2,1 = 1), chat, dort -> 3
    #   P = 3/6, R = 3/3, F1 = 2 * .5 * 1 / 1.5 = 2/3
    # bigrams: cand (le chat)(chat dort)(dort sur)(sur le)(le tapis); ref (le chat)(chat dort)
    #   shared 2 -> P = 2/5, R = 2/2, F1 = 2*.4*1/1.4 = 4/7
    # LCS = le chat dort = 3 -> same as ROUGE-1 here
    r = rouge("le chat dort sur le tapis", "le chat dort")
    assert r.rouge1.precision == pytest.approx(0.5)
    assert r.rouge1.recall == pytest.approx(1.0)
    assert r.rouge1.f1 == pytest.approx(2 / 3)
    assert r.rouge2.precision == pytest.approx(2 / 5)
    assert r.rouge2.recall == pytest.approx(1.0)
    assert r.rouge2.f1 == pytest.approx(4 / 7)
    assert r.rougeL.f1 == pytest.approx(2 / 3)


def test_rouge_l_differs_from_rouge_1_when_order_changes():
    # cand: a b c d ; ref: d c b a x -> every unigram shared (4), LCS = 1
    r = rouge("a b c d", "d c b a x")
    assert r.rouge1.precision == pytest.approx(1.0) and r.rouge1.recall == pytest.approx(4 / 5)
    assert r.rouge2.f1 == 0.0
    assert r.rougeL.precision == pytest.approx(1 / 4) and r.rougeL.recall == pytest.approx(1 / 5)
    assert r.rougeL.f1 == pytest.approx(2 * (1 / 4) * (1 / 5) / (1 / 4 + 1 / 5))


def test_rouge_french_example_by_hand():
    # « Le Mali coopère avec le Sénégal. » vs « Le Mali et le Sénégal coopèrent. »
    # tokens c: le mali coopère avec le sénégal (6); r: le mali et le sénégal coopèrent (6)
    # shared unigrams: le x2, mali, sénégal = 4 -> P = R = F1 = 4/6
    # bigrams c: (le mali)(mali coopère)(coopère avec)(avec le)(le sénégal); r: (le mali)(mali et)(et le)(le sénégal)(sénégal coopèrent)
    # shared: (le mali)(le sénégal) = 2 -> P = R = 2/5
    # LCS: le mali le sénégal = 4
    r = rouge("Le Mali coopère avec le Sénégal.", "Le Mali et le Sénégal coopèrent.")
    assert (r.rouge1.precision, r.rouge1.recall) == (pytest.approx(4 / 6), pytest.approx(4 / 6))
    assert r.rouge2.f1 == pytest.approx(2 / 5)
    assert r.rougeL.f1 == pytest.approx(4 / 6)


def test_ascii_tokenizer_inflates_french_scores():
    # « sécurité » and « sénégal » share the fragment "s" once cut by an ASCII tokenizer
    assert rouge("sécurité", "sénégal").rouge1.f1 == 0.0
    assert rouge("sécurité", "sénégal", tokenizer=ascii_tokenize).rouge1.f1 > 0.0


def test_empty_texts_score_zero():
    r = rouge("", "le chat")
    assert r.rouge1 == r.rouge2 == r.rougeL
    assert r.rouge1.f1 == 0.0


def test_rouge_accepts_summaries_and_rejects_other_things():
    article = ak.load_article()
    summary = ak.summarise(article, "lead", max_sentences=1)
    assert rouge(summary, summary.text).rouge1.f1 == pytest.approx(1.0)
    assert rouge(summary, ak.reference_summary("fr-court")) == rouge(summary.text, ak.reference_summary("fr-court").text)
    with pytest.raises(TypeError):
        rouge(42, "texte")


@pytest.mark.parametrize("cand, ref", [
    ("the cat sat on the mat", "the cat is on the mat"),
    ("a b a b a", "a a b"),
    ("police killed the gunman", "the gunman killed police"),
])
def test_same_as_rouge_score_on_ascii_text(cand, ref):
    theirs = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"]).score(ref, cand)
    ours = rouge(cand, ref)
    for name in ("rouge1", "rouge2", "rougeL"):
        assert getattr(ours, name).precision == pytest.approx(theirs[name].precision)
        assert getattr(ours, name).recall == pytest.approx(theirs[name].recall)
        assert getattr(ours, name).f1 == pytest.approx(theirs[name].fmeasure)


def test_rouge_table():
    frame = rouge("le chat dort sur le tapis", "le chat dort").to_frame()
    assert frame.index.tolist() == ["ROUGE-1", "ROUGE-2", "ROUGE-L"]
    assert frame.loc["ROUGE-2", "f1"] == pytest.approx(4 / 7)
    assert "ROUGE-2" in str(rouge("a", "a"))


# --------------------------------------------------------------------------
# the reference summaries shipped as data
# --------------------------------------------------------------------------
def test_reference_summaries_metadata_is_true():
    refs = reference_summaries()
    assert [r.id for r in refs] == ["fr-court", "fr-moyen", "fr-examen", "en"]
    assert sum(r.language == "fr" for r in refs) >= 2 and any(r.language == "en" for r in refs)
    for ref in refs:
        assert ref.words == count_words(ref.text), ref.id
        assert ref.text and ref.note and ref.author


def test_french_references_follow_resume_conventions():
    article = ak.load_article()
    lengths = [reference_summary(i).words for i in ("fr-court", "fr-moyen", "fr-examen")]
    assert lengths == sorted(lengths) and lengths[0] < 80 < lengths[1] < 150 < lengths[2]
    for ref in reference_summaries():
        if ref.language == "fr":
            assert first_person(ref.text) == (), ref.id
            assert "«" not in ref.text, ref.id
            assert copied_run(ref.text, article.text)[0] <= 6, ref.id


def test_reference_files_are_listed():
    folder = files("articlekit") / "data" / "summaries"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    listed = {item["file"] for item in index["summaries"]}
    on_disk = {p.name for p in folder.iterdir() if p.name.endswith(".txt")}
    assert listed == on_disk


def test_unknown_reference():
    with pytest.raises(KeyError, match="fr-court"):
        reference_summary("nope")
