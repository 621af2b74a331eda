"""The self-checks of lesson 3 (articlekit.checks.summarising): right answers pass by any
route, typical mistakes get their hint, and no hint gives the answer away."""

from __future__ import annotations

import inspect
import re
from collections import Counter

import pytest

import articlekit as ak
from articlekit import checks
from articlekit.checks import summarising as S


@pytest.fixture(scope="module")
def answers(article):
    lemmas = [[] for _ in article.sentences]
    for t in article.tokens:
        if t.pos in ("NOUN", "PROPN", "ADJ", "VERB"):
            lemmas[t.sentence].append(t.lemma.lower())
    freq = Counter(l for s in lemmas for l in s)
    top = max(freq.values())
    weights = {l: n / top for l, n in freq.items()}
    scores = [sum(weights[l] for l in s) for s in lemmas]
    top3 = sorted(sorted(range(len(scores)), key=lambda i: -scores[i])[:3])
    return {"lemmas": lemmas, "freq": freq, "weights": weights, "scores": scores, "top3": top3}


def result(name, answer, article):
    return ak.checks.run_check(getattr(S, name), answer, article=article)


def test_at_least_eight_checks_each_documented():
    names = ak.checks.check_names(S)
    assert len(names) >= 8
    for name in names:
        assert inspect.getdoc(getattr(S, name)), name


@pytest.mark.parametrize("name", ak.checks.check_names(S))
def test_unanswered(name, article):
    assert result(name, ..., article).status == "unanswered"


def test_luhn_steps_pass(answers, article):
    assert result("content_lemmas", answers["lemmas"], article).ok
    assert result("frequencies", answers["freq"], article).ok
    assert result("frequencies", dict(answers["freq"]), article).ok
    assert result("weights", answers["weights"], article).ok
    assert result("luhn_scores", answers["scores"], article).ok
    assert result("luhn_scores", tuple(answers["scores"]), article).ok
    assert result("my_top3", answers["top3"], article).ok
    # the pandas routes: value_counts() and a Series of weights
    import pandas as pd

    flat = pd.Series([l for s in answers["lemmas"] for l in s])
    assert result("frequencies", flat.value_counts(), article).ok
    assert result("weights", pd.Series(answers["weights"]), article).ok
    assert result("weights", (flat.value_counts() / flat.value_counts().max()).to_dict(), article).ok


def test_content_lemmas_hints(answers, article):
    with_stops = [[t.lemma.lower() for t in article.tokens if t.sentence == i and not t.is_punct]
                  for i in range(len(article.sentences))]
    assert "nouns, adjectives or verbs" in result("content_lemmas", with_stops, article).hint()
    lesson = [[t.lemma.lower() for t in article.tokens if t.sentence == i and not t.is_stop and not t.is_punct]
              for i in range(len(article.sentences))]
    assert "lesson's filter" in result("content_lemmas", lesson, article).hint()
    words = [[t.text.lower() for t in article.tokens if t.sentence == i and t.pos in S.CONTENT_POS]
             for i in range(len(article.sentences))]
    assert "lemma" in result("content_lemmas", words, article).hint()
    assert "one item per sentence" in result("content_lemmas", answers["lemmas"][:5], article).hint()
    assert not result("content_lemmas", "texte", article).ok


def test_weights_and_scores_hints(answers, article):
    total = sum(answers["freq"].values())
    by_total = {l: n / total for l, n in answers["freq"].items()}
    assert "total" in result("weights", by_total, article).hint()
    means = [s / len(l) for s, l in zip(answers["scores"], answers["lemmas"])]
    assert "length" in result("luhn_scores", means, article).hint()


def test_top3_hints(answers, article):
    assert "order of the text" in result("my_top3", list(reversed(answers["top3"])), article).hint()
    assert "from 0" in result("my_top3", [i + 1 for i in answers["top3"]], article).hint()
    assert not result("my_top3", [0, 1], article).ok


def test_quotes_and_textrank(answers, article):
    package = ak.summarise(article, "frequency", max_sentences=3).indices
    quoted = lambda ix: sum("«" in article.sentences[i].text or "»" in article.sentences[i].text for i in ix)  # noqa: E731
    right = {"sum": quoted(answers["top3"]), "mean": quoted(package)}
    assert result("quotes_in_summaries", right, article).ok
    assert right["sum"] != right["mean"]  # the lesson's point: the sum keeps quotations
    swapped = {"sum": right["mean"], "mean": right["sum"]}
    assert "swap" in result("quotes_in_summaries", swapped, article).hint()
    shared = set(answers["top3"]) & set(ak.summarise(article, "textrank", max_sentences=3).indices)
    assert result("overlap_textrank", shared, article).ok
    assert result("overlap_textrank", sorted(shared), article).ok
    assert not result("overlap_textrank", set(answers["top3"]) | {18}, article).ok


def test_word_count_exercises(article):
    assert result("count_by_hand", ak.count_words(S.COUNT_PHRASE), article).ok
    assert "euphonic" in result("count_by_hand", ak.count_words(S.COUNT_PHRASE) + 1, article).hint()
    assert not result("count_by_hand", "15", article).ok
    total = sum(ak.count_words(p.text) for p in article.paragraphs[-3:])
    assert result("target_words", total // 4, article).ok
    assert result("target_words", -(-total // 4), article).ok
    assert "quarter" in result("target_words", total, article).hint()
    whole = ak.count_words(article.text)
    assert "whole article" in result("target_words", whole // 4, article).hint()


def test_resume_check(article):
    mine = GOOD   # a learner's résumé, defined with the tables below
    assert ak.check_resume(mine, article).ok, str(ak.check_resume(mine, article))
    assert result("resume", mine, article).ok
    assert "own résumé" in result("resume", ak.reference_summary("fr-examen").text, article).hint()
    assert "words" in result("resume", "Le Mali et le Sénégal coopèrent.", article).hint()
    assert "Who is speaking" in result("resume", "Nous " + mine, article).hint()
    assert result("resume", mine, article).message("resume").endswith("your teacher reads the rest.")


#: One résumé a learner could write (every rule holds), then wrong ones made from it as a
#: learner would: each must fail, with the question that points at its fault.
GOOD = (
    "Le 6 février 2025, Sadio Camara, ministre malien de la Défense, a accueilli pour trois jours "
    "Birame Diop, son homologue du Sénégal, afin d’approfondir la coopération militaire entre les deux "
    "voisins. Ceux-ci partagent une frontière de 419 kilomètres, où l’insécurité progresse. Le visiteur "
    "a salué le courage de l’armée malienne, qui affronte les groupes terroristes depuis plus de dix "
    "ans. Selon lui, le terrorisme, l’extrémisme, la criminalité et les trafics obligent les deux États "
    "à mettre leurs moyens en commun, dans le cadre de l’accord conclu en 2021. Le Mali, qui a rompu "
    "avec la CEDEAO, souhaite malgré tout des relations bilatérales avec ses partenaires, mais à ses "
    "conditions : respect de sa souveraineté, de ses choix stratégiques et des intérêts de sa "
    "population. Les deux ministres jugent que ces menaces, parfois encouragées par des puissances "
    "étrangères, ne seront vaincues que par une action menée ensemble, ce que le général malien "
    "rappelle pour conclure la rencontre avec fermeté.")

#: The sentence of GOOD that states the Malian conditions (the last fact in the article's order).
_CONDITIONS = next(x for x in re.split(r"(?<=\.) ", GOOD) if x.startswith("Le Mali, qui a rompu"))

RIGHT_RESUMES = [
    GOOD,
    GOOD.replace("Le 6 février 2025, Sadio Camara", "Jeudi 6 février 2025, le général Sadio Camara"),
    GOOD.replace("’", "'"),                                               # straight apostrophes
    GOOD.replace("afin d’approfondir la coopération militaire", "pour renforcer leur collaboration militaire"),
]

WRONG_RESUMES = [
    (GOOD.replace("a accueilli pour trois jours Birame Diop", "devait accueillir Birame Diop, mais la visite "
                  "de trois jours a été annulée ; Diop reste").replace("afin d’approfondir", "sans approfondir"),
     "really say"),                                                          # contradicts the meeting
    (GOOD.replace("afin d’approfondir la coopération militaire entre les deux voisins",
                  "mais le Sénégal refuse toute coopération militaire avec son voisin"), "really say"),
    (GOOD.replace("où l’insécurité progresse", "où le terrorisme n’existe plus"), "really say"),
    (GOOD.replace("afin d’approfondir la coopération militaire entre les deux voisins",
                  "mais le Sénégal s'oppose à toute coopération militaire avec son voisin"), "really say"),
    (GOOD.replace("qui affronte les groupes terroristes depuis plus de dix ans",
                  "qui a fini par éradiquer le terrorisme il y a dix ans"), "really say"),   # the threat gone
    (GOOD.split(". ")[0] + ". " + (GOOD.split(". ")[0] + ". ") * 5, "repeat"),   # one sentence, copied
    ("Selon l’article, " + GOOD[0].lower() + GOOD[1:], "talk about the article"),
    ("L’auteur explique que " + GOOD[0].lower() + GOOD[1:], "talk about the article"),
    (GOOD.replace("Le visiteur a salué", "Vous le savez, le visiteur a salué"), "Who is speaking"),
    (GOOD.replace("Les deux ministres jugent", "Nous jugeons avec eux"), "Who is speaking"),
    (GOOD.replace(_CONDITIONS, "Le Mali souhaite aussi des échanges réguliers avec ses voisins, qui se "
                  "connaissent bien, dans une ambiance cordiale et franche, comme souvent entre pays frères "
                  "qui partagent une longue histoire."), "every key fact"),     # drops the conditions
    (_CONDITIONS + " " + GOOD.replace(" " + _CONDITIONS, ""), "order"),         # conditions first
    ("Le Mali et le Sénégal coopèrent contre le terrorisme.", "words"),
]


@pytest.mark.parametrize("text", RIGHT_RESUMES)
def test_right_resumes_pass(text, article):
    r = checks.run_check(S.resume, text, article=article, strict=True)
    assert r.ok, (r.hints, str(ak.check_resume(text, article)))


@pytest.mark.parametrize("text,cue", WRONG_RESUMES)
def test_wrong_resumes_fail_with_the_right_question(text, cue, article):
    r = checks.run_check(S.resume, text, article=article, strict=True)
    assert r.status == "failed", str(ak.check_resume(text, article))
    assert cue in r.hint(1), (r.hint(1), str(ak.check_resume(text, article)))


def test_evaluation_exercises(article):
    reference = ak.reference_summary("fr-examen")
    medium = ak.reference_summary("fr-moyen")
    f2 = {m: ak.rouge(ak.summarise(article, m, max_words=medium.words), medium).rouge1.f1
          for m in ak.summarising.METHODS}
    ranking = sorted(f2, key=lambda m: (-f2[m], m))
    assert result("method_ranking", ranking, article).ok
    assert result("method_ranking", tuple(x.upper() for x in ranking), article).ok
    assert "best method first" in result("method_ranking", ranking[::-1], article).hint()
    f1 = {m: ak.rouge(ak.summarise(article, m, max_words=reference.words), reference).rouge1.f1
          for m in ak.summarising.METHODS}
    lesson = sorted(f1, key=lambda m: (-f1[m], m))
    assert lesson != ranking
    assert "lesson's ranking" in result("method_ranking", lesson, article).hint()
    assert "exactly once" in result("method_ranking", ["lead"] * 4, article).hint()
    assert not result("method_ranking", ranking[0], article).ok            # the winner alone

    lesson_words = ak.evaluation.tokenize(reference.text)
    assert "lesson's reference" in result("ascii_damage", len({w for w in lesson_words if not w.isascii()}),
                                          article).hint()
    other = ak.reference_summary("fr-moyen")
    words = ak.evaluation.tokenize(other.text)
    assert result("ascii_damage", len({w for w in words if not w.isascii()}), article).ok
    assert result("ascii_damage", len(ak.evaluation.broken_words(other.text)), article).ok
    assert not result("ascii_damage", len([w for w in words if not w.isascii()]), article).ok

    medium = ak.reference_summary("fr-moyen")
    best_f1 = max(ak.rouge(ak.summarise(article, m, max_sentences=3), medium).rouge1.f1
                  for m in ak.summarising.METHODS)
    ceiling = ak.rouge(ak.oracle(article, medium.text, k=3, metric="rouge1"), medium).rouge1.f1
    assert ceiling > best_f1
    assert result("oracle_gap", ceiling - best_f1, article).ok
    assert result("oracle_gap", 100 * (ceiling - best_f1), article).ok
    assert "sign" in result("oracle_gap", best_f1 - ceiling, article).hint()


def test_hints_never_hold_the_answer(answers, article):
    wrong = {
        "my_top3": [0, 1, 2], "count_by_hand": 3, "target_words": 10, "method_ranking": ["magic"],
        "ascii_damage": 1, "oracle_gap": 0.5,
    }
    secrets = {
        "my_top3": [str(answers["top3"])], "count_by_hand": [str(ak.count_words(S.COUNT_PHRASE))],
        "target_words": [str(round(sum(ak.count_words(p.text) for p in article.paragraphs[-3:]) / 4))],
    }
    for name, value in wrong.items():
        r = result(name, value, article)
        for attempt in (1, 2, 3):
            for secret in secrets.get(name, []):
                assert secret not in r.hint(attempt), (name, attempt)
