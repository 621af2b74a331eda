"""Tests of articlekit.model: frozen dataclasses, offset map, helpers, tables."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit as ak
from articlekit.model import OffsetMap


def test_parts_are_frozen(article):
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "Autre"
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.paragraphs[0].text = "Autre"
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.cleaning[0].line = 0
    assert isinstance(article.paragraphs, tuple)
    assert isinstance(article.sentences, tuple)
    assert isinstance(article.cleaning, tuple)


def test_articles_compare_and_hash_by_content(article):
    again = ak.load_article()
    assert again == article and again is not article
    assert hash(again) == hash(article)


def test_repr_is_short_and_informative(article):
    text = repr(article)
    assert len(text) < 200
    assert text.startswith("Article(title='Le Mali et le Sénégal")
    assert "date=2025-02-06" in text and "paragraphs=7" in text and "sentences=19" in text
    assert "source='mali-senegal-cooperation-militaire-2025-02-06.txt'" in text
    assert "\n" not in text
    short = ak.parse_article("Monde / Titre\n\nTexte.\n")
    assert repr(short) == "Article(title='Titre', date=None, paragraphs=1, sentences=1, chars=6, source=None)"


def test_sentences_of(article):
    assert article.sentences_of(article.paragraphs[1]) == article.sentences[2:5]
    assert article.sentences_of(1) == article.sentences[2:5]
    assert article.sentences_of(99) == ()


def test_sentence_at(article):
    s = article.sentences[3]
    assert article.sentence_at(s.start) == s
    assert article.sentence_at(s.end - 1) == s
    assert article.sentence_at(s.end) is None  # the space after it
    assert article.sentence_at(0) == article.sentences[0]
    assert article.sentence_at(-1) is None
    assert article.sentence_at(len(article.text)) is None


def test_words(article):
    assert article.words[:4] == ("Le", "Ministre", "de", "la")
    assert "au-delà" in article.words
    assert "l" in article.words and "insécurité" in article.words
    assert len(article.words) == 701


@pytest.mark.parametrize("kind, n, columns", [
    ("paragraphs", 7, ["index", "start", "end", "text"]),
    ("sentences", 19, ["index", "paragraph", "start", "end", "text"]),
    ("cleaning", 12, ["line", "action", "reason", "raw", "detail"]),
])
def test_to_frame(article, kind, n, columns):
    frame = article.to_frame(kind)
    assert frame.columns.tolist() == columns
    assert len(frame) == n
    row = frame.iloc[1]
    part = getattr(article, kind)[1]
    assert row.to_dict() == dataclasses.asdict(part)


def test_to_frame_default_and_unknown_kind(article):
    assert article.to_frame().equals(article.to_frame("paragraphs"))
    with pytest.raises(ValueError, match="unknown kind 'words'"):
        article.to_frame("words")


def test_offset_map_by_hand():
    # clean "ab cd" from raw "ab \u00a0 cd": the space maps to the run start
    m = OffsetMap(clean_starts=(0, 2, 3), raw_starts=(0, 2, 5), clean_length=5, raw_length=7)
    assert [m.raw_offset(i) for i in range(6)] == [0, 1, 2, 5, 6, 7]
    with pytest.raises(IndexError):
        m.raw_offset(6)
    empty = OffsetMap((), (), 0, 0)
    assert empty.raw_offset(0) == 0


@given(st.lists(st.tuples(st.integers(1, 5), st.integers(0, 4)), min_size=1, max_size=30))
def test_offset_map_is_monotone(pieces):
    # pieces: (length kept, raw characters dropped before it)
    clean_starts, raw_starts, clean, raw = [], [], 0, 0
    for kept, dropped in pieces:
        raw += dropped
        clean_starts.append(clean)
        raw_starts.append(raw)
        clean += kept
        raw += kept
    m = OffsetMap(tuple(clean_starts), tuple(raw_starts), clean, raw)
    offsets = [m.raw_offset(i) for i in range(clean + 1)]
    assert offsets == sorted(offsets)
    assert offsets[-1] == raw


def test_an_article_pickles_without_its_analyses_and_another_process_reads_it(article):
    """The grader hands its article to its judge by pickle; once ``article.doc`` was made (its
    vocabulary holds functions of spaCy's French files, loaded under private names), that pickle
    could not be read by a process that had not loaded them."""
    import pickle
    import subprocess
    import sys

    assert article.doc.text == article.text and article.tokens  # made and kept
    data = pickle.dumps(article)
    assert b"spacy" not in data
    reader = ("import pickle, sys\na = pickle.loads(sys.stdin.buffer.read())\n"
              "print(a.title == " + repr(article.title) + ", len(a.tokens), a.doc.text == a.text)")
    done = subprocess.run([sys.executable, "-I", "-c", reader], input=data, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-1500:]
    assert done.stdout.decode().split() == ["True", str(len(article.tokens)), "True"]
    assert pickle.loads(data) == article
