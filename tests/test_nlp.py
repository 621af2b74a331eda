"""Tests of articlekit.nlp: spaCy lined up with the article's offsets.

spaCy is loaded once for the module (about a second); every test shares
one parsed article.
"""

import doctest
import importlib

import pytest

import articlekit as ak


def test_nlp_is_cached_and_french():
    assert ak.nlp() is ak.nlp()
    assert ak.nlp().lang == "fr"
    assert ak.nlp().meta["name"] == "core_news_sm"


def test_doc_is_lazy_and_cached(article):
    fresh = ak.load_article()
    assert "doc" not in vars(fresh)
    doc = fresh.doc
    assert fresh.doc is doc
    assert doc.text == fresh.text


def test_tokens_are_aligned(article):
    tokens = article.tokens
    assert len(tokens) > 700
    for i, t in enumerate(tokens):
        assert t.index == i
        assert article.text[t.start:t.end] == t.text
        assert not t.text.isspace()
    starts = [t.start for t in tokens]
    assert starts == sorted(starts)
    # every spaCy token that is not a space is kept
    assert len(tokens) == sum(not t.is_space for t in article.doc)


def test_tokens_carry_spacy_analyses(article):
    by_text = {t.text: t for t in article.tokens}
    assert by_text["rencontré"].lemma == "rencontrer"
    assert by_text["rencontré"].pos == "VERB"
    assert "PROPN" in {t.pos for t in article.tokens if t.text == "Mali"}
    assert by_text["."].is_punct and not by_text["."].is_alpha
    assert by_text["la"].is_stop
    span = article.doc.char_span(article.tokens[5].start, article.tokens[5].end)
    assert span[0].lemma_ == article.tokens[5].lemma


def test_tokens_belong_to_their_sentence(article):
    for t in article.tokens:
        s = article.sentences[t.sentence]
        assert s.start <= t.start and t.end <= s.end
    assert {t.sentence for t in article.tokens} == set(range(len(article.sentences)))


def test_entities_are_aligned(article):
    assert article.entities
    for e in article.entities:
        assert article.text[e.start:e.end] == e.text
        assert e.label in {"PER", "LOC", "ORG", "MISC"}
    places = {e.text for e in article.entities if e.label == "LOC"}
    assert {"Mali", "Sénégal"} & places


def test_token_frame(article):
    frame = article.to_frame("tokens")
    assert frame.columns.tolist() == [
        "index", "start", "end", "text", "lemma", "pos", "is_stop", "is_punct", "is_alpha", "sentence"]
    assert len(frame) == len(article.tokens)
    assert article.to_frame("entities").columns.tolist() == ["start", "end", "text", "label"]


def test_spacy_runs_only_when_asked():
    import subprocess
    import sys

    code = ("import sys, articlekit as ak; a = ak.load_article(); a.sentences; a.to_frame; "
            "print('spacy' in sys.modules, 'pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("name", ["model", "parsing", "sentences", "nlp", "cli"])
def test_docstring_examples_run(name):
    module = importlib.import_module(f"articlekit.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
