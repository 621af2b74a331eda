"""The kit's word rules, all in articlekit.words: named tokenizers, typography tables, folding.

Each tokenizer is tested on the French that trips tokenizers up: elisions
(l’, qu’, jusqu’), aujourd’hui, a-t-il, 20 %, 1 000, O.N.U., c’est-à-dire,
non-breaking spaces, curly versus straight apostrophes.  The last tests
check that no other module of the kit defines its own word regex or
apostrophe table again.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given, strategies as st

import articlekit as ak
from articlekit import words as w

SRC = Path(ak.__file__).resolve().parent
NBSP, NNBSP = "\u00a0", "\u202f"


# --------------------------------------------------------------------------
# words(): the kit's word (article.words, sentence lengths, readability)
# --------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("l’armée", ["l", "armée"]),                 # an apostrophe separates, the elided letter is a word
    ("l'armée", ["l", "armée"]),                 # straight apostrophe: the same
    ("qu’il", ["qu", "il"]),
    ("jusqu’à", ["jusqu", "à"]),
    ("aujourd’hui", ["aujourd", "hui"]),         # not the exam's rule: two words here
    ("a-t-il", ["a-t-il"]),                      # a hyphen joins
    ("c’est-à-dire", ["c", "est-à-dire"]),
    ("20 %", ["20"]),                            # % is no letter
    ("1 000", ["1", "000"]),
    (f"1{NBSP}000", ["1", "000"]),
    ("O.N.U.", ["O", "N", "U"]),
    (f"«{NBSP}Pourquoi{NNBSP}?{NBSP}»", ["Pourquoi"]),
])
def test_words_the_kits_word(text, expected):
    assert w.words(text) == expected
    assert w.WORD.findall(text) == expected


def test_article_words_sentence_lengths_and_readability_use_the_same_word(article):
    from articlekit.readability import words_of

    assert list(article.words) == w.words(article.text) == words_of(article.text)
    lengths = ak.sentence_lengths(article)["words"].tolist()
    assert lengths == [len(w.words(s.text)) for s in article.sentences]
    assert ak.readability(article).words == sum(lengths)
    assert len(article.words) == 701


# --------------------------------------------------------------------------
# exam_words(): the French exam rule (ak.count_words, ak.resume.words)
# --------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("l’armée", ["l'", "armée"]),                # elided forms count, with their apostrophe
    ("qu’il", ["qu'", "il"]),
    ("jusqu’à", ["jusqu'", "à"]),
    ("jusqu’aujourd’hui", ["jusqu'", "aujourd'hui"]),
    ("aujourd’hui", ["aujourd'hui"]),            # one word in the dictionary
    ("a-t-il", ["a", "il"]),                     # the euphonic t is no word
    ("a-t’il", ["a", "il"]),                     # ... nor in its frequent misspelling
    ("20 %", ["20", "%"]),                       # a sign read as a word
    (f"20{NNBSP}%", ["20", "%"]),
    ("1 000", ["1 000"]),                        # a number in digits is one word
    (f"1{NBSP}000", ["1 000"]),
    (f"1{NNBSP}000{NNBSP}000,5", ["1 000 000,5"]),
    ("O.N.U.", ["O.N.U."]),                      # an acronym is one word
    ("l’O.N.U.", ["l'", "O.N.U."]),
    ("c’est-à-dire", ["c'", "est", "à", "dire"]),
    ("« ! ? , . »", []),                         # punctuation is not counted
])
def test_exam_words(text, expected):
    assert w.exam_words(text) == expected
    assert ak.resume.words(text) == expected
    assert ak.count_words(text) == len(expected)


def test_exam_words_options_are_those_of_count_words():
    assert w.exam_words("peut-être", hyphenated="join") == ["peut-être"]
    assert w.exam_words("donne-le-moi", hyphenated="join") == ["donne", "le", "moi"]
    assert w.exam_words("Sadio CAMARA a reçu", names=["Sadio Camara"]) == ["Sadio CAMARA", "a", "reçu"]
    with pytest.raises(ValueError, match="hyphenated"):
        w.exam_words("x", hyphenated="maybe")
    with pytest.raises(TypeError, match="string"):
        w.exam_words(None)


def test_the_rules_table_of_the_resume_module(article):
    """The examples of lesson 3's table, through the public names and through words.py."""
    table = {"c’est": 2, "aujourd’hui": 1, "a-t-il": 2, "20 %": 2, "1 000": 1, "24,5": 1, "2025": 1,
             "CEDEAO": 1, "O.N.U.": 1, "c’est-à-dire": 4, "« ! ? , . »": 0}
    assert {text: ak.count_words(text) for text in table} == table
    assert {text: len(w.exam_words(text)) for text in table} == table
    assert ak.count_words(article.text) == len(w.exam_words(article.text)) == 702


# --------------------------------------------------------------------------
# rouge_tokens(), terms(), ascii_words()
# --------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("L’armée", ["l'", "armée"]),
    ("qu’il jusqu’à", ["qu'", "il", "jusqu'", "à"]),
    ("Aujourd’hui", ["aujourd'hui"]),
    ("a-t-il", ["a", "t", "il"]),
    ("20 % de 24,5", ["20", "de", "24,5"]),
    (f"1{NBSP}000", ["1", "000"]),
    ("O.N.U.", ["o", "n", "u"]),
    ("c’est-à-dire", ["c'", "est", "à", "dire"]),
])
def test_rouge_tokens(text, expected):
    from articlekit.evaluation import tokenize

    assert w.rouge_tokens(text) == tokenize(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("L’armée", ["l", "armée"]),
    ("aujourd’hui", ["aujourd", "hui"]),
    ("a-t-il", ["a", "t", "il"]),
    ("20 % de 24,5", ["20", "de", "24,5"]),
    ("c’est-à-dire", ["c", "est", "à", "dire"]),
])
def test_terms(text, expected):
    assert w.terms(text) == expected
    assert ak.summarising.content_terms([text], stop_words=()) == (tuple(expected),)


def test_ascii_words_break_accents_unless_the_text_is_folded():
    from articlekit.evaluation import ascii_tokenize

    assert w.ascii_words("La sécurité") == ascii_tokenize("La sécurité") == ["la", "s", "curit"]
    assert w.ascii_words(w.folded("La sécurité, c’est-à-dire")) == ["la", "securite", "c", "est", "a", "dire"]


# --------------------------------------------------------------------------
# Curly or straight: the same words
# --------------------------------------------------------------------------
_FRENCH = st.text(alphabet=st.sampled_from(list("laqueusjdhiré-à %10 .,?!") + ["’", "'", NBSP, NNBSP]),
                  max_size=40)


@given(_FRENCH)
def test_curly_and_straight_apostrophes_give_the_same_words(text):
    straight = text.replace("’", "'")
    assert w.words(text) == w.words(straight)
    assert w.exam_words(text) == w.exam_words(straight)
    assert w.rouge_tokens(text) == w.rouge_tokens(straight)
    assert w.terms(text) == w.terms(straight)
    assert w.folded(text) == w.folded(straight)


@pytest.mark.parametrize("apostrophe", list(w.APOSTROPHES))
def test_every_apostrophe_sign_is_read_as_one(apostrophe):
    text = f"l{apostrophe}armée d{apostrophe}aujourd{apostrophe}hui"
    assert w.exam_words(text) == ["l'", "armée", "d'", "aujourd'hui"]
    assert w.rouge_tokens(text) == ["l'", "armée", "d'", "aujourd'hui"]
    assert w.folded(text) == "l'armee d'aujourd'hui"


# --------------------------------------------------------------------------
# Typography tables and folding
# --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["APOSTROPHE_TABLE", "KEYBOARD_TABLE", "TYPOGRAPHY_TABLE"])
def test_tables_are_read_only(name):
    table = getattr(w, name)
    assert isinstance(table, MappingProxyType)
    with pytest.raises(TypeError):
        table[ord("x")] = "y"


def test_what_each_table_changes():
    text = f"l’armée – peut‑être{NBSP}?{NNBSP}« oui » −5…"
    assert text.translate(w.APOSTROPHE_TABLE) == f"l'armée – peut‑être{NBSP}?{NNBSP}« oui » −5…"
    assert text.translate(w.KEYBOARD_TABLE) == "l'armée – peut-être ? « oui » −5…"
    assert text.translate(w.TYPOGRAPHY_TABLE) == "l'armée - peut-être ? \" oui \" -5..."
    # the first two change one character for one: offsets still point at the same text
    assert len(text.translate(w.APOSTROPHE_TABLE)) == len(text.translate(w.KEYBOARD_TABLE)) == len(text)


def test_folded_with_offsets_maps_back_to_the_text(article):
    from articlekit.glossary import fold

    text, where = w.folded_with_offsets(article.text)
    assert (text, where) == fold(article.text)
    assert len(text) == len(where)
    i = text.index("d'armee")
    assert article.text[where[i]:where[i + 6] + 1] == "d’Armée"
    assert w.folded("Œuvre d’ARMÉE, c’est-à-dire") == "oeuvre d'armee, c'est a dire"
    assert w.fold_letter("Œ") == "oe" and w.fold_letter("É") == "e" and w.fold_letter("ʼ") == "'"


# --------------------------------------------------------------------------
# ’ is an apostrophe inside a word and a closing mark after . ! ? (sentences.py)
# --------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Il part. L’armée arrive.", ["Il part.", "L’armée arrive."]),
    ("Il a vu l’armée. Qu’a-t-il dit ?", ["Il a vu l’armée.", "Qu’a-t-il dit ?"]),
    ("Il dit : ‘Assez.’ Puis il part.", ["Il dit : ‘Assez.’", "Puis il part."]),
    ("Elle part. ‘‘Nous restons !’’ Fin.", ["Elle part.", "‘‘Nous restons !’’", "Fin."]),
    ("‘Pourquoi ?’ s’interroge-t-il.", ["‘Pourquoi ?’ s’interroge-t-il."]),
    ('Il a dit : "Marquez !" Les Lions arrivent.', ['Il a dit : "Marquez !"', "Les Lions arrivent."]),
    ('Il a dit. "Nous partons." Fin.', ["Il a dit.", '"Nous partons."', "Fin."]),  # " after a space opens
    ("Aujourd’hui, c’est l’O.N.U. qui décide.", ["Aujourd’hui, c’est l’O.N.U. qui décide."]),
])
def test_sentence_ends_and_apostrophes(text, expected):
    from articlekit.sentences import split_sentences

    assert [text[a:b] for a, b in split_sentences(text)] == expected


@given(st.text(alphabet=st.sampled_from(list("lLaAé ’'.!?\"‘«»")), max_size=60))
def test_an_apostrophe_between_letters_never_ends_a_sentence(text):
    from articlekit.sentences import split_sentences

    for _, end in split_sentences(text)[:-1]:  # the last one ends with the paragraph, whatever it is
        if text[end - 1:end] == "’":
            assert text[end - 2:end - 1] in ".!?…’\"", (text, end)  # a closing mark, not « l’ »
        assert not (text[end - 1:end].isalpha() and text[end:end + 1] == "’")


# --------------------------------------------------------------------------
# One home: no other module defines its own word regex or apostrophe table
# --------------------------------------------------------------------------
#: Pieces of the definitions gathered into words.py; none may be written again elsewhere.
REMOVED = (
    r"\w+(?:-\w+)*",               # the kit's word (model, reading, readability, checks/reading)
    r"\d+(?:[.,]\d+)*",            # number tokens (evaluation, summarising, resume)
    r"[^\W\d_]+'",                 # elided word with its apostrophe (evaluation, resume)
    r"(?:[^\W\d_]\.){2,}",         # dotted acronyms (resume)
    r"quelqu'une?s?",              # dictionary words with an apostrophe (resume, evaluation)
    r"[^a-z0-9]+",                 # the ASCII tokenizer (evaluation)
    r"[\s\u00a0\u202f\u2009\u2007]",  # the exam's spaces (resume)
    "str.maketrans(",              # translation tables: apostrophes, hyphens, typography
    "\"’\": \"'\"",                # an apostrophe mapping written out (resume, evaluation, checks)
    "’‘ʼ",                         # an apostrophe list written out (glossary)
    "\"œ\": \"oe\"",               # the ligature table (glossary, resume)
)

#: What the modules held before (excerpts): each removed piece is found in them,
#: so the scan below is known to catch a definition written again.
BEFORE = r'''
_WORD = re.compile(r"\w+(?:-\w+)*")
_APOSTROPHES = MappingProxyType(str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'", "`": "'", "´": "'"}))
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
    |(?P<elided>[^\W\d_]+'(?=(?:[^\W\d_]\.){2,}))     # the l' of l'O.N.U.
    r"aujourd'hui|quelqu'une?s?|presqu'[iî]les?|prud'hom\w*"  # one word in the dictionary
    r"|\d+(?:[.,]\d+)*"                                         # 419, 24,5
_ASCII_JUNK = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = "’‘ʼ′`´"
_SPECIAL = MappingProxyType({"œ": "oe", "æ": "ae", "ß": "ss"})
'''


def _offenders(source: str) -> list[str]:
    return [piece for piece in REMOVED if piece in source]


def test_the_scan_catches_the_old_definitions():
    assert _offenders(BEFORE) == list(REMOVED)


def test_no_module_but_words_defines_word_rules():
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "words.py":
            continue
        pieces = _offenders(path.read_text(encoding="utf-8"))
        if pieces:
            found[str(path.relative_to(SRC))] = pieces
    assert found == {}, f"word rules defined outside articlekit/words.py: {found}"


def _patterns_and_tables(module):
    for name, value in vars(module).items():
        if isinstance(value, re.Pattern) or isinstance(value, MappingProxyType):
            yield name, value


MODULES = sorted(m.name for m in pkgutil.walk_packages(ak.__path__, "articlekit.")
                 if m.name != "articlekit.words")


@pytest.mark.parametrize("name", MODULES)
def test_modules_use_the_objects_of_words_not_copies(name):
    """A module-level regex or table equal to one of words.py's must be that very object."""
    module = importlib.import_module(name)
    home = {n: getattr(w, n) for n in w.__all__ if isinstance(getattr(w, n), (re.Pattern, MappingProxyType))}
    copies = []
    for attr, value in _patterns_and_tables(module):
        if any(value is original for original in home.values()):
            continue
        for home_name, original in home.items():
            if type(value) is type(original) and (
                    value.pattern == original.pattern if isinstance(value, re.Pattern)
                    else dict(value) == dict(original)):
                copies.append(f"{attr} (a copy of words.{home_name})")
        if isinstance(value, MappingProxyType) and value.get(ord("’")) == "'":
            copies.append(f"{attr} (its own apostrophe table)")
    assert copies == [], f"{name} defines its own copies of word rules: {copies}"
