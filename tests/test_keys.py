"""The teacher's key stays with the teacher; learners' self-checks judge by digest without it."""

from pathlib import Path

import pytest

import articlekit as ak
from articlekit import keys, storage
from articlekit.checks import annotating as A
from articlekit.checks import keyed, run_check

ROOT = Path(__file__).resolve().parents[1]


def test_the_full_keys_are_in_teacher_keys_not_in_the_package():
    package = ROOT / "src" / "articlekit"
    shipped = [p.relative_to(package) for p in package.rglob("*") if p.is_file()]
    assert not [p for p in shipped if p.name.endswith(".key.json")]
    assert [p.name for p in shipped if p.name.endswith(".annotations.json")] == [storage.SAMPLE_NAME]
    assert (ROOT / "teacher" / "keys" / storage.REFERENCE_NAME).is_file()
    assert (ROOT / "teacher" / "keys" / f"{A.DISPATCH}.key.json").is_file()
    # the classroom image drops them
    assert "rm -rf teacher solutions" in (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")


def test_the_shipped_digests_and_sample_are_those_of_the_key(article):
    stem = Path(article.source).stem
    expected = keyed.expected_digests(article)
    assert set(expected) == set(keyed.KEYED) | set(keyed.KEYED_READING)
    for check, accepted in expected.items():
        assert tuple(accepted) == keys.digests(stem, check), (
            f"{check}: digests out of date; run: .venv/bin/python -m articlekit.keys")
    full = ak.reference(article)
    end = article.paragraphs[storage.SAMPLE_PARAGRAPHS - 1].end
    assert ak.sample_key(article) == ak.Annotations(article, [s for s in full.spans if s.end <= end]), (
        "sample out of date; run: .venv/bin/python -m articlekit.keys")


@pytest.fixture()
def right_answers(article):
    """Each keyed check's right answer, built with the key (a teacher's view)."""
    import re

    key = ak.reference(article)
    fixed = A._right_fixed(article)
    d = ak.exercise_article(A.DISPATCH)
    quotes = ak.Annotations(d)
    for a, b, kind, who in A._dispatch_key(d.text):
        quotes = quotes.add_span(a, b, kind, speaker=who) if who else quotes.add_span(a, b, kind)
    part = article.paragraphs[1]
    score = ak.span_scores(ak.suggest_entities(article).within(part), key.within(part))[-1]
    spellings = {}
    for s in key.filter(label="PER"):
        counts = spellings.setdefault(s.text.split()[-1].lower(), {})
        counts[s.text] = counts.get(s.text, 0) + 1
    return {
        "people": key.filter(label="PER"),
        "numbers": ak.Annotations(article, list(key.filter(label="NUM").spans) + list(key.filter(label="DATE").spans)),
        "try_number_words": ak.Annotations(article, [s for s in key.filter(label="NUM")
                                                     if not re.search(r"\d", s.text)]),
        "fixed_entities": fixed,
        "kappa": ak.cohen_kappa(ak.suggest_entities(article), fixed),
        "spacy_f1": {"precision": score.precision, "recall": score.recall, "f1": score.f1},
        "quote_annotations": quotes,
        "quote_kinds": A._dispatch_kinds(d.text),
        "spellings": spellings,
    }


def test_without_the_key_checks_judge_by_digest(article, right_answers, monkeypatch):
    monkeypatch.setenv(keys.ENV, "")                 # a learner's copy of the kit
    assert keys.key_dir() is None
    with pytest.raises(keys.KeyMissing, match="stays with the teacher"):
        ak.reference(article)
    assert len(ak.sample_key(article)) > 0           # the lessons still have their sample
    for name, answer in right_answers.items():
        result = run_check(getattr(A, name), answer, article=article, strict=True)
        assert result.ok, (name, result.hints)
    # wrong answers fail with a question, and say why the hint is general
    sample = ak.sample_key(article)
    for name, wrong in {"people": sample.filter(label="PER"), "fixed_entities": ak.suggest_entities(article),
                        "kappa": 0.5, "quote_kinds": ["direct"] * 5,
                        "spacy_f1": {"precision": 1, "recall": 1, "f1": 1}}.items():
        result = run_check(getattr(A, name), wrong, article=article, strict=True)
        assert result.status == "failed", name
        assert "?" in result.hint(1) and "teacher's key" in result.hint(1), (name, result.hint(1))
    # shape questions are still asked without the key
    assert "annotation collection" in run_check(A.people, "Sadio Camara", article=article).hint(1)
