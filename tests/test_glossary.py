"""The shipped glossary is checked against the article: every term is found, at exact offsets."""

import dataclasses
import json

import pytest

import articlekit as ak
from articlekit.glossary import fold

REQUIRED = ["CEDEAO", "homologue", "Transition", "souveraineté", "criminalité transfrontalière",
            "mutualisation", "accord-cadre", "délégation", "coopération militaire",
            "Général de corps d’armée", "anciens combattants", "bilatéral"]


@pytest.fixture(scope="module")
def glossary():
    return ak.load_glossary()


def test_at_least_thirty_terms_with_every_field(glossary):
    assert len(glossary) >= 30
    for entry in glossary:
        assert entry.term and entry.gloss and entry.definition and entry.pos, entry
        assert entry.pos in {"NOUN", "VERB", "ADJ", "ADV", "PROPN", "EXPR"}, entry
        assert entry.source == "kit"


def test_required_terms_are_there(glossary):
    for term in REQUIRED:
        assert glossary.lookup(term) is not None, term


def test_terms_are_unique(glossary):
    keys = [fold(f)[0] for e in glossary for f in e.forms]
    assert len(keys) == len(set(keys))


def test_every_term_is_found_in_the_article_at_its_offsets(article, glossary):
    for entry in glossary:
        found = glossary.find(article, entry.term)
        assert found, f"{entry.term!r} is not in the article"
        for occ in found:
            assert article.text[occ.start:occ.end] == occ.text
            assert occ.term == entry.term
            # the text found is one of the entry's forms, up to accents/case/typography
            assert " ".join(fold(occ.text)[0].split()) in {" ".join(fold(f)[0].split()) for f in entry.forms}


def test_pinned_counts(article, glossary):
    counts = {e.term: len(glossary.find(article, e.term)) for e in glossary}
    assert counts["homologue"] == 3
    assert counts["terrorisme"] == 6
    assert counts["coopération"] == 9
    assert counts["Transition"] == 3      # « transition » and « Transition »
    assert counts["accord-cadre"] == 1    # written « accord cadre » in the article
    assert counts["pourvu que"] == 1      # elided: « pourvu qu’elle »


def test_forgiving_search():
    text = "L’ACCORD CADRE, l'accord-cadre et l’accord\u00a0cadre ; la securite."
    spans = ak.find_forms(text, "accord-cadre")
    assert [text[a:b] for a, b in spans] == ["ACCORD CADRE", "accord-cadre", "accord\u00a0cadre"]
    assert [text[a:b] for a, b in ak.find_forms(text, "sécurité")] == ["securite"]


def test_whole_words_only():
    assert ak.find_forms("Ils luttent, la lutte.", "lutte") == ((16, 21),)
    assert ak.find_forms("insécurité", "sécurité") == ()


def test_ligature_offsets():
    text = "mise en œuvre"
    (a, b), = ak.find_forms(text, "mettre en oeuvre", "mise en oeuvre")
    assert text[a:b] == "mise en œuvre"


def test_find_all_is_sorted_and_exact(article, glossary):
    found = glossary.find(article)
    assert [o.start for o in found] == sorted(o.start for o in found)
    assert all(article.text[o.start:o.end] == o.text for o in found)
    assert len(found) > 100


def test_lookup(glossary):
    assert glossary.lookup("Homologues").term == "homologue"
    assert glossary.lookup("securite").term == "sécurité"
    assert glossary.lookup("pas un terme") is None
    assert "CEDEAO" in glossary and "banane" not in glossary
    with pytest.raises(KeyError, match="not in the glossary"):
        glossary.find("texte", "banane")


def test_add_is_pure(article, glossary):
    mine = glossary.add("vaillant", "brave", "Courageux.", pos="ADJ", variants=["vaillants"])
    assert len(mine) == len(glossary) + 1
    assert glossary.lookup("vaillant") is None  # the original is unchanged
    assert mine.lookup("vaillants").source == "learner"
    with pytest.raises(ValueError, match="already"):
        mine.add("Vaillant", "brave")
    with pytest.raises(ValueError):
        glossary.add("", "x")
    with pytest.raises(ValueError, match="letters"):
        glossary.add("–", "dash")  # would make every later search fail
    with pytest.raises(ValueError, match="gloss"):
        glossary.add("rencontre", "")
    assert [o.text for o in mine.add("rencontre", "meeting", variants=("rencontres",)).find(article, "rencontre")]


def test_entries_are_frozen(glossary):
    with pytest.raises(dataclasses.FrozenInstanceError):
        glossary.entries[0].gloss = "x"


def test_save_is_atomic_with_backup(tmp_path, glossary):
    path = tmp_path / "mes-mots.json"
    one = glossary.add("échange", "exchange", pos="NOUN", variants=["échanges"])
    one.save(path)
    first = path.read_text(encoding="utf-8")
    assert json.loads(first)["terms"][0]["term"] == "échange"
    two = one.add("conviction", "belief")
    two.save(path)
    assert (tmp_path / "mes-mots.json.bak").read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
    back = ak.load_glossary(path)
    assert len(back) == len(two)
    assert back.lookup("conviction").source == "learner"


def test_save_all(tmp_path, glossary):
    path = glossary.save(tmp_path / "all.json", only_mine=False)
    assert len(json.loads(path.read_text(encoding="utf-8"))["terms"]) == len(glossary)


def test_save_all_reads_back(tmp_path, glossary):
    mine = glossary.add("rencontre", "meeting", pos="NOUN")
    path = mine.save(tmp_path / "all.json", only_mine=False)
    back = ak.load_glossary(path)
    assert back == mine
    assert [e.term for e in back if e.source == "learner"] == ["rencontre"]


def test_learner_file_with_a_byte_order_mark(tmp_path, glossary):
    path = glossary.add("rencontre", "meeting").save(tmp_path / "mes-mots.json")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # as Notepad saves it
    assert ak.load_glossary(path).lookup("rencontre").gloss == "meeting"


@pytest.mark.parametrize("content, message", [
    ("not json", "not a valid"),
    ("[1, 2]", "list under"),
    ('{"terms": [{"term": "x"}]}', "gloss"),
    ('{"terms": [{"term": "x", "gloss": "y", "colour": "red"}]}', "unknown fields"),
    ('{"terms": [{"term": "CEDEAO", "gloss": "y"}]}', "already in the kit's glossary"),
    ('{"terms": [{"term": "abc", "gloss": "y"}, {"term": "ABC", "gloss": "z"}]}', "already in this file"),
    ('{"terms": [{"term": "abc", "gloss": "y", "pos": {"a": 1}}]}', "'pos' must be a string"),
    ('{"terms": [{"term": " - ", "gloss": "y"}]}', "no letters"),
    ("[" * 100_000, "not a valid"),
    ("1" * 5000, "not a valid"),
    (None, "is a folder"),
])
def test_bad_learner_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    if content is None:
        path.mkdir()
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ak.GlossaryFormatError, match=message) as err:
        ak.load_glossary(path)
    assert "bad.json" in str(err.value)


def test_missing_learner_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.json"):
        ak.load_glossary(tmp_path / "nope.json")


def test_to_frame(article, glossary):
    frame = glossary.to_frame(article)
    assert len(frame) == len(glossary)
    assert (frame["count"] >= 1).all()


from hypothesis import given, settings, strategies as st  # noqa: E402

_LETTERS = "abcdeéèêàçîôûœ’'- \u00a0ÉŒA"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_LETTERS, min_size=1, max_size=60))
def test_fold_maps_every_character_back(text):
    folded, where = fold(text)
    assert len(folded) == len(where)
    assert list(where) == sorted(where)
    assert all(0 <= i < len(text) for i in where)
    # every original character is represented
    assert set(where) == set(range(len(text)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abcéèœ", min_size=1, max_size=6), min_size=1, max_size=8),
       st.data())
def test_find_forms_finds_every_word_at_exact_offsets(words, data):
    text = " ".join(words)
    word = data.draw(st.sampled_from(words))
    spans = ak.find_forms(text, word.upper())
    assert spans, (text, word)
    for a, b in spans:
        assert fold(text[a:b])[0] == fold(word)[0]
        assert (a == 0 or text[a - 1] == " ") and (b == len(text) or text[b] == " ")
    assert len(spans) == words.count(word) + sum(
        1 for w in words if w != word and fold(w)[0] == fold(word)[0])
