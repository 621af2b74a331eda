"""Keyword in context, lemma frequencies, sentence lengths and the quotation map."""

import dataclasses

import pytest

import articlekit as ak
from articlekit.reading import CONTENT_POS


def test_kwic_by_lemma_finds_every_form(article):
    lines = ak.kwic(article, "terroriste")
    assert [l.keyword for l in lines] == ["Terroristes"]
    assert len(ak.kwic(article, "coopération")) == 9
    assert len(ak.kwic(article, "terrorisme")) == 6
    assert len(ak.kwic(article, "sécurité")) == 3  # not « insécurité »


def test_kwic_offsets_and_sentences(article):
    for line in ak.kwic(article, "coopération"):
        assert article.text[line.start:line.end] == line.keyword
        s = article.sentences[line.sentence]
        assert s.start <= line.start < s.end


def test_kwic_context_width_and_alignment(article):
    lines = ak.kwic(article, "coopération", width=25)
    for line in lines:
        assert len(line.left) <= 25 and len(line.right) <= 25
        assert str(line).index("[") == 26  # keyword column lines up
    assert "¶" in lines[1].left  # paragraph break shown in the context


def test_kwic_by_form(article):
    assert len(ak.kwic(article, "Malien", by="form")) == 3  # case-insensitive « malien »
    assert ak.kwic(article, "coopérations", by="form") == ()


@pytest.mark.parametrize("kwargs", [{"word": ""}, {"word": "x", "width": 0},
                                    {"word": "x", "by": "stem"}])
def test_kwic_bad_arguments(article, kwargs):
    with pytest.raises(ValueError):
        ak.kwic(article, **kwargs)


def test_kwic_line_is_frozen(article):
    with pytest.raises(dataclasses.FrozenInstanceError):
        ak.kwic(article, "Mali")[0].keyword = "x"


def test_lemma_frequencies(article):
    freq = ak.lemma_frequencies(article)
    assert freq.columns.tolist() == ["lemma", "count"]
    top = dict(zip(freq["lemma"], freq["count"]))
    assert top["mali"] == 10 and top["coopération"] == 9 and top["terrorisme"] == 6
    # no stop words, no punctuation, no prepositions such as « contre »
    assert "le" not in top and "," not in top and "contre" not in top
    counts = freq["count"].tolist()
    assert counts == sorted(counts, reverse=True)
    # ties are in alphabetical order, so the table is stable
    for (l1, c1), (l2, c2) in zip(freq.itertuples(index=False), freq.iloc[1:].itertuples(index=False)):
        assert c1 > c2 or l1 < l2
    assert len(ak.lemma_frequencies(article, 5)) == 5
    nouns = ak.lemma_frequencies(article, pos=("NOUN",))
    assert "renforcer" not in set(nouns["lemma"]) and "coopération" in set(nouns["lemma"])
    expected = sum(1 for t in article.tokens
                   if not t.is_stop and not t.is_punct and t.is_alpha and t.pos in CONTENT_POS)
    assert freq["count"].sum() == expected


def test_sentence_lengths(article):
    lengths = ak.sentence_lengths(article)
    assert len(lengths) == len(article.sentences) == 19
    assert lengths["words"].sum() == len(article.words)
    assert lengths.loc[lengths["words"].idxmax(), "sentence"] == 12
    assert lengths["words"].min() == 10  # « Une frontière qui s’étale sur 419 kilomètres de longueur. »


def test_quote_spans():
    assert ak.quote_spans("sans citation") == ()
    text = "A « b » c «d» e « ouvert\n\nsuite « x »"
    spans = ak.quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["« b »", "«d»", "« ouvert", "« x »"]


def test_quote_spans_on_article(article):
    spans = ak.quote_spans(article.text)
    assert len(spans) == 5
    assert all(article.text[a] == "«" and article.text[b - 1] == "»" for a, b in spans)


def test_quote_map(article):
    qmap = ak.quote_map(article)
    assert qmap["quotes"].tolist() == [0, 1, 2, 0, 1, 0, 1]
    assert (qmap["quoted_words"] <= qmap["words"]).all()
    assert qmap["words"].sum() == len(article.words)
    assert qmap.loc[4, "quoted_share"] > 0.8  # paragraph 4 is almost all Camara's words
