"""The parser and the quotation extractor over the test set of articles, and over the seed.

``tests/fixtures/articles/quotes/`` holds invented articles (not real news:
people, events and quotations are made up) in the seed's layout, each with a
key written by hand (``*.key.json``: metadata, paragraph count, sentences,
quotations with their kind and speaker), and the seed's own key.  The
scoring is ``benchmarks/bench_extraction.py``'s, so the test and the
published figures cannot drift apart.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

import articlekit as ak

ROOT = Path(__file__).resolve().parents[1]
SET_DIR = ROOT / "tests" / "fixtures" / "articles" / "quotes"

_spec = importlib.util.spec_from_file_location("bench_extraction", ROOT / "benchmarks" / "bench_extraction.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("bench_extraction", bench)  # dataclasses look their module up there
_spec.loader.exec_module(bench)

SEED, CASES = bench.load_set(SET_DIR)
BY_NAME = {case.name: case for case in CASES}

# Known misses, each with its cause: a strict xfail tells when one is fixed.
SENTENCE_MISSES: dict[str, str] = {}
SPEAKER_MISSES = {
    "quotes-lutte-arene": "« le vainqueur » is not matched with the wrestler named as « Le lutteur »",
}

# Every phenomenon of issue 13, and words that show a key covers it.
PHENOMENA = {
    "curly quotes": "“ ”",
    "single quotes": "‘ ’",
    "doubled single quotes": "‘‘ ’’",
    "straight quotes": "straight quotes",
    "nested quotation marks": "nested",
    "a role noun resolved to a person named earlier": "role noun resolved",
    "« le Ministre nigérien des Finances »": "Ministre nigérien des Finances",
    "« le ministre de la santé »": "ministre de la santé",
    "« a t-il » without its first hyphen": "a t-il",
    "« dixit Pr … »": "dixit Pr",
    "« Il ajoute :.« … »": "Il ajoute :.",
    "a speaker clause inside the guillemets": "inside the guillemets",
    "a quotation continuing in the next paragraph with no cue": "continues in the next paragraph",
    "« dit-il » with no full stop": "dit-il",
    "another person named in the same sentence as a role subject": "homologue malien",
    "« Saint Louis » is no speaker": "Saint Louis",
    "« Burkina Faso » is no speaker": "Burkina Faso",
    "a group of people as speaker": "group",
    "an organisation is no speaker": "organisation",
    "pronouns told apart by gender": "gender",
}


def test_the_set_is_complete():
    """At least 15 invented articles, each with its key, and the seed's key."""
    texts = sorted(p.stem for p in SET_DIR.glob("*.txt"))
    keys = sorted(p.name.removesuffix(".key.json") for p in SET_DIR.glob("*.key.json") if p.name != "seed.key.json")
    assert texts == keys
    assert len(CASES) >= 15
    assert SEED.key["paragraphs"] == 7 and len(SEED.key["sentences"]) == 19
    for case in CASES:
        assert set(case.key) >= {"rubric", "title", "date", "byline", "paragraphs", "sentences", "quotations"}
        assert "not a real news article" in case.key["about"]


def test_every_phenomenon_is_covered():
    covers = " ".join(" ".join(case.key["covers"]) for case in CASES)
    missing = [name for name, words in PHENOMENA.items() if words not in covers]
    assert not missing
    kinds = {q["kind"] for case in CASES for q in case.key["quotations"]}
    assert kinds == set(ak.quotes.KINDS)


@pytest.fixture(scope="module", params=[c.name for c in CASES])
def case(request):
    c = BY_NAME[request.param]
    return c, bench.load(c)


def test_metadata_and_paragraphs(case):
    c, article = case
    assert (article.rubric, article.title, str(article.date), article.byline, len(article.paragraphs)) == (
        c.key["rubric"], c.key["title"], c.key["date"], c.key["byline"], c.key["paragraphs"])
    for part in (*article.paragraphs, *article.sentences):
        assert article.text[part.start:part.end] == part.text
        assert c.key["byline"] not in part.text


def test_sentences(case):
    c, article = case
    if c.name in SENTENCE_MISSES:
        pytest.xfail(SENTENCE_MISSES[c.name])
    assert [s.text for s in article.sentences] == c.key["sentences"]


def test_quotations(case):
    """Every key quotation is found with its exact text, kind and speaker, and nothing else."""
    c, article = case
    quotes = ak.extract_quotes(article)
    for q in quotes:
        assert article.text[q.start:q.end] == q.text == q.text.strip()
        assert q.kind in ak.quotes.KINDS
        assert q.speaker_reason
        if q.kind == "motto":
            assert q.speaker is None
        if q.mention is not None:
            assert q.speaker is not None
    found = [(q.text, q.kind, q.speaker) for q in quotes]
    wanted = [(k["text"], k["kind"], k["speaker"]) for k in c.key["quotations"]]
    if c.name in SPEAKER_MISSES:
        assert [x[:2] for x in found] == [x[:2] for x in wanted]
        pytest.xfail(SPEAKER_MISSES[c.name])
    assert found == wanted


def test_never_a_wrong_name(case):
    """A speaker is the key's or None: never another name, never a place or an organisation."""
    c, article = case
    score = bench.score_kit(c)
    assert score.wrong_names == 0, score.failures
    places = {"Saint Louis", "Burkina Faso", "Burkina", "Mali", "Niger", "Dakar", "Bamako"}
    for q in ak.extract_quotes(article):
        assert q.speaker not in places


def test_seed_key_pins_the_current_outputs(article):
    """The seed's key is what the kit reads today: it must not move (lessons store these outputs)."""
    key = SEED.key
    assert [s.text for s in article.sentences] == key["sentences"]
    assert [(q.text, q.kind, q.speaker) for q in ak.extract_quotes(article)] == [
        (k["text"], k["kind"], k["speaker"]) for k in key["quotations"]]
    reference = ak.reference(article).layer("quotes")
    assert [(s.text, s.label.lower(), s.speaker) for s in reference] == [
        (k["text"], k["kind"], k["speaker"]) for k in key["quotations"]]


def test_seed_figures_are_all_right():
    figures = bench.run([SEED], bench.score_kit).figures()
    assert figures == {name: 1.0 for name in figures}


def test_set_figures_meet_the_targets():
    score = bench.run(CASES, bench.score_kit)
    figures = score.figures()
    assert all(value >= bench.TARGET_SET for value in figures.values()), (figures, score.failures)
    assert score.wrong_names == 0


def test_the_kit_beats_the_spacy_baseline():
    kit, baseline = bench.run(CASES, bench.score_kit), bench.run(CASES, bench.score_baseline)
    for name, value in baseline.figures().items():
        assert kit.figures()[name] >= value, name
    assert baseline.wrong_names > kit.wrong_names


def test_benchmark_table_has_every_figure():
    table = bench.table({"kit": bench.run([SEED], bench.score_kit), "spaCy": bench.run([SEED], bench.score_baseline)})
    for figure in ("paragraphs", "bylines", "sentences", "quotation recall", "quotation precision", "speakers",
                   "wrong names"):
        assert figure in table
    assert "100% (7/7)" in table


def test_keys_are_plain_json():
    for path in SET_DIR.glob("*.key.json"):
        key = json.loads(path.read_text(encoding="utf-8"))
        for q in key["quotations"]:
            assert set(q) == {"text", "kind", "speaker"}
