"""spaCy's French TOKEN_MATCH compiled a part at a time (:mod:`articlekit.token_match`) decides
every token as the whole pattern does."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

import articlekit as ak
from articlekit import token_match as tm

ROOT = Path(__file__).resolve().parents[1]
HYPHENS = "-–—‐‑"
ELISIONS = "'’"


@pytest.fixture(scope="module")
def pattern() -> str:
    from articlekit.french import model_folder

    found = tm.model_pattern(model_folder())
    assert found and len(found) > 1_000_000
    return found


@pytest.fixture(scope="module")
def whole(pattern):
    # what spaCy compiles (seconds, once for this file); re.UNICODE, which (?u) says already, is the
    # key LazyPattern.whole() asks re for, so its other uses find this one in re's cache
    return re.compile(pattern, re.UNICODE)


@pytest.fixture(scope="module")
def lazy(pattern):
    return tm.LazyPattern(pattern)


def _article_words() -> list[str]:
    texts = [ak.load_article().text]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "fixtures" / "articles").rglob("*.txt")]
    return sorted({w for t in texts for w in t.split()})


def _made_words(lazy) -> list[str]:
    """Words a French text could hold, built on every group's letters: with each hyphen and
    apostrophe, in capitals and in title case, and with the letters Python folds onto others."""
    words = set()
    for key in lazy.groups:
        stem = key or "état"
        for tail in ("", "x", "terroriste", "-", "-unis", "-Unis", "s-", "'homme"):
            for sep in (HYPHENS + ELISIONS + " ") if tail[:1].isalpha() else ("",):
                words.add(stem + sep + tail)
        for sep in HYPHENS[:2] + ELISIONS[:1]:
            base = stem + sep + "ministre"
            words |= {base, base.upper(), base.title(), base[0].upper() + base[1:]}
            # ſ is s, the Kelvin sign is k, dotless ı is i to (?iu); İ lowers to i
            words.add(base.replace("s", "ſ").replace("k", "\u212a").replace("i", "ı"))
            words.add(base.replace("i", "İ"))
    words |= {"états-unis", "Etats-Unis", "ÉTATS-UNIS", "éco-quartier", "Eco-Quartier", "électro-choc",
              "redoubles-quartiers", "doubles-fenêtres", "équi-distant", "aujourd'hui", "Aujourd’hui",
              "peut-être", "c'est-à-dire", "week-end", "New-York", "", "-", "'", "anti", "Anti-", "ANTI-G8"}
    return sorted(words)


def test_every_word_gets_the_verdict_of_the_whole_pattern(whole, lazy):
    words = _article_words() + _made_words(lazy)
    verdicts = [(w, bool(whole.match(w)), bool(lazy.match(w))) for w in words]
    wrong = [(w, full) for w, full, part in verdicts if full != part]
    assert wrong == []
    matched = sum(full for _, full, _ in verdicts)
    assert matched > 500 and len(verdicts) - matched > 500  # both verdicts are tested, often


def test_a_word_compiles_only_the_groups_it_could_match(pattern):
    fresh = tm.LazyPattern(pattern)
    assert fresh.compiled_groups == 0
    assert not fresh.match("Mali")
    assert fresh.compiled_groups <= 5  # the group every word tries, and those of « m », « ma » … if any
    before = fresh.compiled_groups
    assert fresh.match("anti-terroriste") and fresh.compiled_groups <= before + 5
    assert len(fresh.groups) > 200 and len(fresh.groups[""]) < 30


def test_folding_is_the_patterns_own_case_insensitivity(lazy):
    """For each letter a group begins with, the characters (?iu) matches it with are exactly the
    characters that fold onto it, among all the cased characters of Unicode."""
    import _sre

    letters = sorted({key[0] for key in lazy.groups if key})
    cased = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and _sre.unicode_iscased(c)]
    assert len(cased) > 2000
    for letter in letters:
        literal = re.compile("(?iu)" + re.escape(letter))
        by_re = {ch for ch in cased if literal.fullmatch(ch)} | ({letter} - set(cased))
        by_fold = {ch for ch in cased if tm.fold(ch) == letter} | ({letter} - set(cased))
        assert by_re == by_fold, letter
    assert tm.fold("ſ") == "s" and tm.fold("\u212a") == "k" and tm.fold("ı") == "i" and tm.fold("İ") == "i"


@pytest.mark.parametrize("toy", [
    r"(?iu)(?:^ab?c$)|(?:^abd+$)",             # an optional letter is not required
    r"(?iu)(?:^x(?:y|z)$)|(?:^[|]w$)",          # | inside a group and inside a class
    r"(?iu)(?:^[]a]b$)|(?:^q\|$)|(?:^k*m$)",   # ] first in a class, an escaped |, a starred letter
    r"(?iu)(?:^straße$)|(?:^ſt$)",              # letters that fold onto others in the pattern itself
])
def test_small_patterns_of_every_shape(toy):
    lazy, whole = tm.LazyPattern(toy), re.compile(toy)
    words = ["ac", "abc", "ABC", "abdd", "ad", "xy", "XZ", "x", "|w", "w", "]b", "ab", "q|", "q", "m", "kkm",
             "KM", "\u212am", "straße", "STRASSE", "Straße", "ſt", "st", "ST", "", "zz"]
    assert [w for w in words if bool(lazy.match(w)) != bool(whole.match(w))] == []
    assert any(lazy.match(w) for w in words)


@pytest.mark.parametrize("other", ["(?iu)a|b", "(?i)(?:^a$)", "(?iu)(?:a$)|(?:^b$)", "(?iu)(?:^a$)|(?:^b$)x", "plain"])
def test_another_shape_is_refused_and_spacy_would_compile_it_itself(other):
    with pytest.raises(ValueError):
        tm.LazyPattern(other)
    assert tm.install(other) is False
    assert not isinstance(re.compile(other), tm.LazyPattern)


def test_install_hands_re_compile_the_lazy_pattern(pattern):
    assert tm.install(pattern)
    compiled = re.compile(pattern)
    assert isinstance(compiled, tm.LazyPattern) and compiled.pattern == pattern
    assert compiled.match.__self__.pattern == pattern  # how spaCy serialises its tokenizer
    assert compiled.search("x anti-terroriste") is None  # other uses: the whole pattern
    again = pickle.loads(pickle.dumps(compiled))
    assert isinstance(again, tm.LazyPattern) and again.pattern == pattern and again.compiled_groups == 0


def test_the_model_loads_with_it_and_tokenizes_as_with_the_whole_pattern(whole, lazy):
    nlp = ak.nlp()
    assert isinstance(nlp.tokenizer.token_match.__self__, tm.LazyPattern)
    from spacy.tokenizer import Tokenizer

    reference = Tokenizer(nlp.vocab).from_bytes(nlp.tokenizer.to_bytes())  # serialised by its pattern
    reference.token_match = whole.match
    text = " ".join(_article_words() + _made_words(lazy))
    assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in reference(text)]
    assert "anti-terroriste" in [t.text for t in nlp.tokenizer("une loi anti-terroriste")]
