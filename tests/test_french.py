"""spaCy's French data read without the French tokenizer: the same data as spaCy's own."""

import subprocess
import sys

import pytest

from articlekit import french
from articlekit.analysis import restore_doc, analyse

LEXICAL = ("is_stop", "like_num", "is_alpha", "is_punct", "is_digit", "is_space", "like_url", "like_email",
           "is_upper", "is_lower", "is_title", "is_currency", "is_bracket", "is_quote", "is_left_punct",
           "is_right_punct", "is_ascii", "norm_", "shape_", "prefix_", "suffix_", "lang_")
#: Words as learners write them, beside the article's: numbers in words, elisions, symbols, English.
SENTENCES = ("Douze soldats et vingt-et-un civils ont été tués le 6 février 2025.",
             "L'armée n'a pas dit qu'elle quittait Kayes ; 1 200 km, 3,5 % et 10 000 FCFA.",
             "« Nous voulons coopérer », a dit le ministre (voir www.defense.gouv.ml ou info@mali.ml).",
             "The two countries want to work together against terrorism!")


@pytest.fixture(scope="module")
def spacy_french():
    import spacy

    return spacy.blank("fr")


def test_vocabulary_gives_every_word_spacys_french_attributes(article, spacy_french):
    texts = [article.text, *SENTENCES]
    for text in texts:
        doc = spacy_french(text)
        light = restore_doc(analyse(text).docbin, vocab=french.vocab())
        full = restore_doc(analyse(text).docbin, vocab=spacy_french.vocab)
        assert [t.text for t in light] == [t.text for t in doc]
        for mine, theirs in zip(light, full):
            assert {a: getattr(mine, a) for a in LEXICAL} == {a: getattr(theirs, a) for a in LEXICAL}, mine.text
        assert [c.text for c in light.noun_chunks] == [c.text for c in full.noun_chunks]


def test_stop_words_are_spacys(spacy_french):
    assert french.stop_words() == frozenset(spacy_french.Defaults.stop_words)
    assert len(french.stop_words()) > 500


def test_lemma_table_is_the_models(article):
    from articlekit.nlp import nlp

    theirs = nlp().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    mine = french.lemma_table()
    assert len(mine) == len(theirs) > 100_000
    assert dict(mine.items()) == dict(theirs.items())
    for form in ("renforcent", "coopérations", "a", "mali", "xyzzy", ""):
        assert mine.get(form) == theirs.get(form)
        assert (form in mine) == (form in theirs)
    assert french.lemmas() == frozenset(w for found in theirs.values() for w in found)


def test_nothing_here_loads_the_french_tokenizer():
    # the point of the module: spacy/lang/fr/__init__.py (2 s of regex compiling) never runs
    code = ("import sys, articlekit as ak\n"
            "from articlekit import french\n"
            "french.vocab(); french.stop_words(); french.lemma_table()\n"
            "article = ak.load_article(); article.doc; ak.extract_quotes(article)\n"
            "print('spacy.lang.fr' in sys.modules, 'spacy.lang.fr.tokenizer_exceptions' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_spacy_french_imported_afterwards_is_whole():
    """Reading spaCy's French files first changes nothing for spaCy's own French, imported later."""
    code = ("import pickle, sys\n"
            "import articlekit as ak\n"
            "from articlekit import french\n"
            "words = french.stop_words(); doc = ak.load_article().doc\n"
            "import spacy\n"
            "nlp = spacy.blank('fr')\n"
            "import spacy.lang.fr.stop_words, spacy.lang.fr.lex_attrs, spacy.lang.fr.syntax_iterators\n"
            "print(frozenset(spacy.lang.fr.stop_words.STOP_WORDS) == words, nlp('Le Mali')[0].is_stop,\n"
            "      nlp.vocab['douze'].like_num, spacy.lang.fr.lex_attrs.like_num('douze'))\n"
            "again = pickle.loads(pickle.dumps(doc))\n"
            "print(again.text == doc.text, again[1].lemma_, again.vocab['douze'].like_num)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True", "True", "True", "True", "ministre", "True"]
