"""Direct → indirect speech: is a rewrite of a quotation right? Rules over the spaCy parse.

A learner rewrites a direct quotation of the article in indirect speech
(« Nous devons coopérer » → « Le ministre a déclaré que les deux pays
devaient coopérer »).  Many rewrites are right, and the wrong ones are
wrong for a reason a teacher can name.  :func:`report_indirect` reads the
rewrite with the kit's spaCy pipeline and applies the rules of French
grammar one by one; each broken rule is a :class:`Problem` with its own
name, so that a check can ask the matching question:

1. **no guillemets** left: indirect speech has none;
2. an **introducing verb** from the lexicon of reporting verbs
   (``data/lexicon/reporting-verbs-fr.json``: « dire », « déclarer »,
   « souligner »…), followed by **« que » / « qu' »**, or by an infinitive
   where French allows it (« il a dit vouloir… »), or the speaker given by
   **« selon » / « d'après »**, or the verb in an **incise** after the
   words (« …, a-t-il déclaré »);
3. the **speaker** named (or a pronoun for him or her), and not the other
   minister;
4. the **pronouns shifted**: no « je », « nous », « notre », « mon »… left in
   the reported words, and a subject pronoun that agrees with the speaker
   (« il » for a man, a plural for « nous »);
5. the **concordance des temps**: after an introducing verb in a past tense
   (passé composé, imparfait, passé simple, plus-que-parfait) the finite
   verb of each clause moves back — présent → imparfait, futur →
   conditionnel, so passé composé → plus-que-parfait and futur antérieur →
   conditionnel passé (only the auxiliary changes) — while imparfait,
   plus-que-parfait and conditionnel stay; after a present introducing
   verb, or with « selon », the tenses stay (« selon » also allows the
   conditionnel of reported information);
6. the **meaning kept**: most content words of the quotation are there, no
   negation is added or lost, cooperation is not denied
   (:mod:`articlekit.checks.meaning`), and the introducing verb does not
   deny the words (« nier », « démentir »).

Tenses are read from the verb forms themselves (a table of the French
conjugations the kit needs, below), because the small French model often
tags a conditional as a present or a noun (« agiraient », « permettrait »);
lemmas come from spaCy and from its lemma table.

Examples
--------
>>> from articlekit.reported import Quotation, report_indirect
>>> q = Quotation("Nous devons coopérer en scrutant notre accord de coopération existant", "Sadio Camara")
>>> report_indirect("Sadio Camara a déclaré que les deux pays devaient coopérer en scrutant "
...                 "leur accord de coopération existant.", q).ok
True
>>> [p.rule for p in report_indirect("Sadio Camara a déclaré que nous devions coopérer en scrutant "
...                                  "notre accord de coopération existant.", q).problems]
['first_person']
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Iterable

__all__ = ["Conjugation", "Problem", "Quotation", "Report", "conjugate", "exercise_quotation", "press_review",
           "report_indirect", "reported_speech", "reporting_verbs", "verb_lemma"]

#: The tenses the rules know, by name (French grammar terms: they are the names learners use).
PRESENT, IMPARFAIT, FUTUR, CONDITIONNEL, PASSE_SIMPLE = "présent", "imparfait", "futur", "conditionnel", "passé simple"
#: Tense of the finite verb of a clause → its tense after an introducing verb in the past.
SHIFT = MappingProxyType({PRESENT: IMPARFAIT, FUTUR: CONDITIONNEL, IMPARFAIT: IMPARFAIT,
                          CONDITIONNEL: CONDITIONNEL, PASSE_SIMPLE: PASSE_SIMPLE})
#: Tense of an auxiliary → the name of the compound tense it makes.
COMPOUND = MappingProxyType({PRESENT: "passé composé", IMPARFAIT: "plus-que-parfait", FUTUR: "futur antérieur",
                             CONDITIONNEL: "conditionnel passé", PASSE_SIMPLE: "passé antérieur"})
#: Tenses of an introducing verb that move the reported tenses back.
PAST = frozenset({"passé composé", "plus-que-parfait", IMPARFAIT, PASSE_SIMPLE, "passé antérieur",
                  "conditionnel passé"})

_PERSONS = ("1s", "2s", "3s", "1p", "2p", "3p")
_IMP_ENDINGS = ("ais", "ais", "ait", "ions", "iez", "aient")
_FUT_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")

#: Irregular verbs: présent (six persons), imparfait stem, futur stem, passé simple (3s, 3p), participle.
_IRREGULAR = MappingProxyType({
    "être": ("suis es est sommes êtes sont", "ét", "ser", "fut furent", "été"),
    "avoir": ("ai as a avons avez ont", "av", "aur", "eut eurent", "eu"),
    "aller": ("vais vas va allons allez vont", "all", "ir", "alla allèrent", "allé"),
    "faire": ("fais fais fait faisons faites font", "fais", "fer", "fit firent", "fait"),
    "devoir": ("dois dois doit devons devez doivent", "dev", "devr", "dut durent", "dû"),
    "pouvoir": ("peux peux peut pouvons pouvez peuvent", "pouv", "pourr", "put purent", "pu"),
    "vouloir": ("veux veux veut voulons voulez veulent", "voul", "voudr", "voulut voulurent", "voulu"),
    "savoir": ("sais sais sait savons savez savent", "sav", "saur", "sut surent", "su"),
    "falloir": ("- - faut - - -", "fall", "faudr", "fallut -", "fallu"),
    "dire": ("dis dis dit disons dites disent", "dis", "dir", "dit dirent", "dit"),
    "voir": ("vois vois voit voyons voyez voient", "voy", "verr", "vit virent", "vu"),
    "venir": ("viens viens vient venons venez viennent", "ven", "viendr", "vint vinrent", "venu"),
    "tenir": ("tiens tiens tient tenons tenez tiennent", "ten", "tiendr", "tint tinrent", "tenu"),
    "mettre": ("mets mets met mettons mettez mettent", "mett", "mettr", "mit mirent", "mis"),
    "prendre": ("prends prends prend prenons prenez prennent", "pren", "prendr", "prit prirent", "pris"),
    "croire": ("crois crois croit croyons croyez croient", "croy", "croir", "crut crurent", "cru"),
    "conclure": ("conclus conclus conclut concluons concluez concluent", "conclu", "conclur",
                 "conclut conclurent", "conclu"),
    "écrire": ("écris écris écrit écrivons écrivez écrivent", "écriv", "écrir", "écrivit écrivirent", "écrit"),
    "connaître": ("connais connais connaît connaissons connaissez connaissent", "connaiss", "connaîtr",
                  "connut connurent", "connu"),
    "craindre": ("crains crains craint craignons craignez craignent", "craign", "craindr",
                 "craignit craignirent", "craint"),
    "plaindre": ("plains plains plaint plaignons plaignez plaignent", "plaign", "plaindr",
                 "plaignit plaignirent", "plaint"),
    "suivre": ("suis suis suit suivons suivez suivent", "suiv", "suivr", "suivit suivirent", "suivi"),
    "battre": ("bats bats bat battons battez battent", "batt", "battr", "battit battirent", "battu"),
    "vivre": ("vis vis vit vivons vivez vivent", "viv", "vivr", "vécut vécurent", "vécu"),
    "valoir": ("vaux vaux vaut valons valez valent", "val", "vaudr", "valut valurent", "valu"),
    "paraître": ("parais parais paraît paraissons paraissez paraissent", "paraiss", "paraîtr",
                 "parut parurent", "paru"),
})
#: Prefixed forms of the irregular verbs above (« permettre » conjugates as « mettre »).
_PREFIXED = MappingProxyType({
    "mettre": ("per", "pro", "ad", "com", "sou", "re", "trans", "ré"),
    "venir": ("de", "con", "pré", "sou", "inter", "par", "re", "ad", "sur", "con"),
    "tenir": ("ob", "sou", "main", "re", "appar", "con", "dé", "abs"),
    "prendre": ("com", "ap", "re", "entre", "sur", "dé"),
    "dire": ("pré", "re", "contre", "dé", "inter", "mau"),
    "connaître": ("re", "mé"),
    "suivre": ("pour",),
    "battre": ("com", "dé", "a", "re"),
    "faire": ("dé", "re", "satis", "contre"),
    "voir": ("re", "entre", "pré"),
    "écrire": ("dé", "ins", "pres", "sous", "ré", "trans"),
    "paraître": ("ap", "dis", "re"),
})
#: Verbs in -ir that do not conjugate like « finir » and are not prefixed forms above.
_NOT_FINIR = frozenset({"venir", "tenir", "partir", "sortir", "servir", "dormir", "mentir", "sentir", "ouvrir",
                        "offrir", "couvrir", "souffrir", "courir", "mourir", "acquérir", "accueillir"})

#: Auxiliaries and modal verbs: they carry the tense, not the content of a quotation.
_AUXILIARIES = frozenset({"etre", "avoir", "devoir", "pouvoir", "vouloir", "falloir", "aller", "faire"})
#: Words a rule walks past between an introducing verb and its « que » or its auxiliary.
_CLITICS = frozenset({"ne", "n'", "pas", "se", "s'", "lui", "leur", "nous", "vous", "en", "y", "l'", "le", "la",
                      "les", "-t", "-t-", "t", "-il", "-elle", "-ils", "-elles", "-on", "il", "elle", "ils",
                      "elles", "on", "aussi", "également", "encore", "ensuite", "enfin", "alors", "ainsi", "bien",
                      "déjà", "toujours", "notamment", "clairement", "fermement", "lui-même", "me", "m'"})
#: First-person and second-person words: in reported words they must have become third person.
_FIRST = re.compile(r"(?<![\w'])(?:je|j'|me|m'|moi|mon|ma|mes|nous|notre|nos|nôtre|nôtres|mien|mienne|miens|"
                    r"miennes)(?![\w])", re.I)
_SECOND = re.compile(r"(?<![\w'])(?:tu|te|t'|toi|ton|ta|tes|vous|votre|vos|vôtre|vôtres)(?![\w])", re.I)
_GUILLEMETS = re.compile(r"[«»“”„\"‹›]")
#: Words that mark a negation (with « ne »: « plus », « guère »…).
_NEGATIONS = frozenset({"pas", "jamais", "aucun", "aucune", "rien", "nullement", "personne", "guere"})
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«\"])")


def _low(text: str) -> str:
    # verb forms keep their accents: « affirmé » (participle) is not « affirme » (présent)
    return unicodedata.normalize("NFC", text.replace("’", "'")).lower()


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("’", "'").replace("œ", "oe").replace("æ", "ae"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


# --------------------------------------------------------------------------
# The conjugation table
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Conjugation:
    """The finite forms and participles of one verb: enough to read its tense from a form.

    Attributes
    ----------
    lemma : str
        The infinitive (« devoir »).
    finite : mapping
        Form in lower case → tuple of (tense, person) pairs (« devait » → imparfait, 3s).
    participles : frozenset
        The past participles in lower case, all genders and numbers (« quitté », « quittée »…).
    """

    lemma: str
    finite: Any
    participles: frozenset

    def tenses(self, form: str) -> frozenset:
        """The tenses ``form`` can be (empty when it is not a finite form of this verb).

        >>> sorted(conjugate("devoir").tenses("devaient"))
        ['imparfait']
        """
        return frozenset(t for t, _ in self._rows(form))

    def persons(self, form: str) -> frozenset:
        """The persons ``form`` can be (« 3p » for « devaient »)."""
        return frozenset(p for _, p in self._rows(form))

    def is_participle(self, form: str) -> bool:
        """True when ``form`` is a past participle of this verb (written without its accents too).

        >>> conjugate("déclarer").is_participle("declare"), conjugate("déclarer").is_participle("déclare")
        (True, False)
        """
        low = _low(form)
        if low in self.participles:
            return True
        # a keyboard without accents: « a declare » is read as « a déclaré » when no exact form matches
        return low not in self.finite and _fold(low) in {_fold(p) for p in self.participles}

    def _rows(self, form: str) -> tuple:
        low = _low(form)
        if low in self.finite:
            return self.finite[low]
        if low in self.participles or low != _fold(low):
            # an accented form that is not finite (« assuré ») is not a present typed without accents
            return ()
        folded = low
        return tuple(row for key, rows in self.finite.items() if _fold(key) == folded for row in rows)


def _irregular_base(lemma: str) -> tuple[str, str] | None:
    if lemma in _IRREGULAR:
        return lemma, ""
    for base, prefixes in _PREFIXED.items():
        for prefix in prefixes:
            if lemma == prefix + base:
                return base, prefix
    return None


def _regular_stems(lemma: str) -> tuple[tuple[str, ...], str, str, tuple[str, str], str] | None:
    """(présent forms, imparfait stem, futur stem, passé simple 3s/3p, participle) of a regular verb."""
    if lemma.endswith("er") and lemma != "er":
        stem = lemma[:-2]
        soft = stem + ("e" if stem.endswith("g") else "")            # mangeons, mangeait
        soft = soft[:-1] + "ç" if soft.endswith("c") else soft       # commençons, commençait
        grave = re.sub(r"é([^aeiouéèêy]+)$", r"è\1", stem)           # espère, considère
        present = (grave + "e", grave + "es", grave + "e", soft + "ons", stem + "ez", grave + "ent")
        return present, soft, lemma, (soft + "a", stem + "èrent"), stem + "é"
    if lemma.endswith("ir") and lemma not in _NOT_FINIR:
        stem = lemma[:-2]
        present = (stem + "is", stem + "is", stem + "it", stem + "issons", stem + "issez", stem + "issent")
        return present, stem + "iss", lemma, (stem + "it", stem + "irent"), stem + "i"
    if lemma.endswith("re"):
        stem = lemma[:-2]
        present = (stem + "s", stem + "s", stem, stem + "ons", stem + "ez", stem + "ent")
        return present, stem, lemma[:-1], (stem + "it", stem + "irent"), stem + "u"
    return None


@lru_cache(maxsize=512)
def conjugate(lemma: str) -> Conjugation:
    """The présent, imparfait, futur, conditionnel and passé simple of a French verb, and its participles.

    Irregular verbs come from a table (with their prefixed forms: « permettre »
    as « mettre »); the others follow the regular patterns of -er, -ir
    (« finir ») and -re verbs.

    Examples
    --------
    >>> c = conjugate("permettre")
    >>> sorted(c.tenses("permettrait")), sorted(c.tenses("permettra"))
    (['conditionnel'], ['futur'])
    >>> sorted(conjugate("quitter").participles)
    ['quitté', 'quittée', 'quittées', 'quittés']
    """
    lemma = lemma.strip().lower()
    if lemma.startswith(("se ", "s'")):
        lemma = lemma.split(" ", 1)[-1] if lemma.startswith("se ") else lemma[2:]
    base = _irregular_base(lemma)
    if base is not None:
        name, prefix = base
        present, imp, fut, simple, participle = _IRREGULAR[name]
        present_forms = tuple(prefix + f if f != "-" else "" for f in present.split())
        simple_forms = tuple(prefix + f if f != "-" else "" for f in simple.split())
        imp, fut, participle = prefix + imp, prefix + fut, prefix + participle
    else:
        regular = _regular_stems(lemma)
        if regular is None:
            return Conjugation(lemma, MappingProxyType({}), frozenset())
        present_forms, imp, fut, simple_forms, participle = regular
    table: dict[str, set] = {}

    def put(form: str, tense: str, person: str) -> None:
        if form:
            table.setdefault(_low(form), set()).add((tense, person))

    for person, form in zip(_PERSONS, present_forms):
        put(form, PRESENT, person)
    for person, ending in zip(_PERSONS, _IMP_ENDINGS):
        put(imp + ending, IMPARFAIT, person)
        put(fut + ending, CONDITIONNEL, person)
    for person, ending in zip(_PERSONS, _FUT_ENDINGS):
        put(fut + ending, FUTUR, person)
    for person, form in zip(("3s", "3p"), simple_forms):
        put(form, PASSE_SIMPLE, person)
    stem = _low(participle)
    endings = ("", "e", "s", "es") if not stem.endswith("s") else ("", "e", "es")
    participles = frozenset(stem + e for e in endings) | ({"du", "due", "dus", "dues"} if stem == "dû" else set())
    return Conjugation(lemma, MappingProxyType({k: tuple(sorted(v)) for k, v in table.items()}),
                       frozenset(participles))


# --------------------------------------------------------------------------
# The lexicon of reporting verbs
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Lexicon:
    verbs: frozenset
    infinitive: frozenset
    de_infinitive: frozenset
    reversing: frozenset
    forms: Any              # form in lower case -> folded lemma, every form of every verb
    accented: Any           # folded lemma -> the lemma as a dictionary writes it


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files("articlekit").joinpath("data/lexicon/reporting-verbs-fr.json")
                     .read_text(encoding="utf-8"))
    bare = lambda v: v.split(" ", 1)[-1] if v.startswith("se ") else (v[2:] if v.startswith("s'") else v)  # noqa: E731
    verbs = frozenset(_fold(bare(v)) for v in raw["verbs"])
    forms: dict[str, str] = {}
    for v in raw["verbs"]:
        c = conjugate(bare(v))
        for form in (*c.finite, *c.participles, _low(c.lemma)):
            forms.setdefault(form, _fold(c.lemma))
    for form, lemma in list(forms.items()):
        forms.setdefault(_fold(form), lemma)  # « declare », « precise »: typed without accents
    return _Lexicon(verbs, frozenset(_fold(v) for v in raw["infinitive"]),
                    frozenset(_fold(v) for v in raw["de_infinitive"]), frozenset(_fold(v) for v in raw["reversing"]),
                    MappingProxyType(forms), MappingProxyType({_fold(bare(v)): bare(v) for v in raw["verbs"]}))


def reporting_verbs() -> frozenset:
    """The lemmas (folded: no accents) of the verbs that may introduce reported speech.

    >>> {"declarer", "souligner", "fustiger"} <= reporting_verbs()
    True
    """
    return _lexicon().verbs


def _candidates(token) -> list[str]:
    from .french import lemma_table

    table = lemma_table()
    out = [token.lemma_.lower()]
    looked = table.get(token.text.lower().replace("’", "'"))
    out += list(looked) if isinstance(looked, list) else ([looked] if looked else [])
    return [c for c in dict.fromkeys(out) if c]


def verb_lemma(text: str) -> str | None:
    """The verb a learner's word or phrase names, as a lemma (its infinitive), or ``None``.

    Any form counts: « a souligné », « souligne », « souligner »,
    « s'est félicitée », « rendre hommage » (the verb is « rendre »).
    Reporting verbs of the lexicon come first; another verb gives spaCy's lemma.

    >>> verb_lemma("a fustigé"), verb_lemma("s'est félicitée"), verb_lemma("Souligne")
    ('fustiger', 'féliciter', 'souligner')
    """
    from .checks.meaning import _parse

    if not isinstance(text, str) or not text.strip():
        return None
    lex = _lexicon()
    doc = _parse(text.strip())
    found = []
    for token in doc:
        word = _fold(token.text)
        if word in ("a", "est", "ont", "sont", "avait", "etait", "se", "s'", "s", "il", "elle"):
            continue
        for candidate in (*(_fold(c) for c in _candidates(token)), lex.forms.get(_low(token.text))):
            if candidate and candidate in lex.verbs:
                return lex.accented.get(candidate, candidate)
        if token.pos_ == "VERB":
            found.append(token.lemma_.lower())
    # a verb the lexicon does not list: its lemma, so a check can say it is not a reporting verb
    return found[0] if found else None


# --------------------------------------------------------------------------
# Reading verb forms in a parse
# --------------------------------------------------------------------------
def _finite(token, lemmas: Iterable[str] = ()) -> tuple[str, frozenset, frozenset] | None:
    """(lemma, tenses, persons) of a token that is a finite verb form, or ``None``."""
    word = token.text.lower().replace("’", "'")
    for lemma in (*lemmas, *_candidates(token)):
        c = conjugate(lemma)
        tenses = c.tenses(word)
        if tenses:
            return _fold(c.lemma), tenses, c.persons(word)
    return None


def _participle(token, lemmas: Iterable[str] = ()) -> str | None:
    word = _low(token.text)
    for lemma in (*lemmas, *_candidates(token)):
        if conjugate(lemma).is_participle(word):
            return _fold(conjugate(lemma).lemma)
    return None


def _auxiliary_before(doc, i: int) -> Any:
    """The auxiliary (« a », « avait », « est ») of the participle at ``i``, walking past clitics."""
    j = i - 1
    while j >= 0 and (_fold(doc[j].text) in {_fold(c) for c in _CLITICS} or doc[j].pos_ == "ADV"):
        j -= 1
    if j >= 0:
        f = _finite(doc[j], ("avoir", "être"))
        if f and f[0] in ("avoir", "etre"):
            return doc[j], f
    return None


def _tense_name(doc, i: int, lemmas: Iterable[str] = ()) -> str | None:
    """The tense of the verb at ``i`` (simple or compound), by its form."""
    token = doc[i]
    lemmas = tuple(lemmas)
    if _participle(token, lemmas) is not None and token.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
        aux = _auxiliary_before(doc, i)
        if aux is not None:
            return COMPOUND[min(aux[1][1], key=_tense_rank)]
        f = _finite(token, lemmas)
        if f:  # « il dit que »: a present that looks like a participle
            return min(f[1], key=_tense_rank)
        return "passé composé"  # a bare participle (« Interrogé, … ») reports a past act
    f = _finite(token, lemmas)
    if f:
        return min(f[1], key=_tense_rank)
    if token.morph.get("VerbForm") == ["Inf"]:
        return "infinitif"
    return None


def _tense_rank(tense: str) -> int:
    # when a form is ambiguous (« dit »: présent or passé simple), the commoner reading wins
    return (PRESENT, IMPARFAIT, FUTUR, CONDITIONNEL, PASSE_SIMPLE).index(tense)


# --------------------------------------------------------------------------
# Quotations and reports
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Quotation:
    """A direct quotation to be reported, and who says it.

    Parameters
    ----------
    text : str
        The quotation's words, without guillemets.
    speaker : str
        The speaker's name (« Birame Diop »).
    gender : {"m", "f"}
        The speaker's gender, for the pronoun that stands for him or her.
    sides : tuple of str
        Words that name the speaker without the name (« malien » for the Malian minister).
    others : tuple of str
        Other people's names and words (the other minister): naming them as the speaker is wrong.

    Examples
    --------
    >>> q = Quotation("Nous devons coopérer", "Sadio Camara", sides=("malien",), others=("Birame Diop",))
    >>> report_indirect("Sadio Camara a déclaré que les deux pays devaient coopérer.", q).problems
    ()
    """

    text: str
    speaker: str
    gender: str = "m"
    sides: tuple[str, ...] = ()
    others: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """One rule a rewrite breaks.

    Attributes
    ----------
    rule : str
        ``"guillemets"``, ``"other_quotation"``, ``"introducer"``, ``"que"``, ``"speaker"``,
        ``"wrong_speaker"``, ``"first_person"``, ``"second_person"``, ``"agreement"``,
        ``"plural"``, ``"singular"``, ``"tense_past"``, ``"tense_present"``, ``"tense_selon"``, ``"content"``,
        ``"negation"``, ``"denied"``, ``"reversing"``.
    word : str
        The word concerned, as the learner wrote it (or the quotation's word, for a tense).
    detail : str
        More about it: the tense of the introducing verb, the word expected to move.
    """

    rule: str
    word: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Report:
    """What :func:`report_indirect` found in a rewrite.

    Attributes
    ----------
    text : str
        The rewrite.
    construction : str
        ``"que"``, ``"infinitive"``, ``"selon"``, ``"incise"`` or ``""`` (none found).
    introducer : str
        The introducing verb (or « selon »), as written.
    introducer_tense : str
        Its tense (« passé composé », « présent »…), ``""`` for « selon ».
    reported : str
        The reported words (after « que », or outside the incise).
    problems : tuple of Problem
        Every rule broken, in the order a teacher would ask about them.
    """

    text: str
    construction: str
    introducer: str
    introducer_tense: str
    reported: str
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when the rewrite breaks no rule."""
        return not self.problems

    @property
    def rules(self) -> tuple[str, ...]:
        """The names of the broken rules."""
        return tuple(p.rule for p in self.problems)


def _introducer(doc, lex: _Lexicon) -> tuple[str, int, int, int] | None:
    """(construction, introducer index, start, end) of the reported words in ``doc``, or a bare verb."""
    words = [_fold(t.text) for t in doc]
    n = len(doc)
    # « selon lui, … », « d'après le ministre, … »: the words follow the next comma
    for i, w in enumerate(words):
        if w == "selon" or (w in ("d'", "d") and i + 1 < n and words[i + 1] == "apres"):
            comma = next((j for j in range(i + 1, min(n, i + 12)) if words[j] == ","), None)
            if comma is not None:
                return "selon", i, comma + 1, n
    verbs = []
    for i, t in enumerate(doc):
        lemma = next((c for c in (*(_fold(x) for x in _candidates(t)), lex.forms.get(_low(t.text)),
                                  lex.forms.get(_fold(t.text))) if c in lex.verbs), None)
        if lemma is None or t.pos_ in ("NOUN", "ADJ", "ADP", "DET") and _fold(t.text) not in lex.forms:
            continue
        verbs.append((i, lemma))
    for i, lemma in verbs:
        # « que » after the verb, past its complements (« a déclaré devant la presse que »)
        j = i + 1
        while j < n and j <= i + 10:
            w = words[j]
            if w in ("que", "qu'", "qu"):
                return "que", i, j + 1, n
            if w in (".", ":", ";", "!", "?", "«", "»", '"') or (j > i + 1 and _finite(doc[j]) and
                                                                  doc[j].pos_ in ("VERB", "AUX")):
                break
            j += 1
        k = i + 1
        while k < n and words[k] in {_fold(c) for c in _CLITICS}:
            k += 1
        if k < n and doc[k].morph.get("VerbForm") == ["Inf"] and lemma in lex.infinitive:
            return "infinitive", i, k, n
        if (k + 1 < n and words[k] in ("de", "d'", "d") and doc[k + 1].morph.get("VerbForm") == ["Inf"]
                and lemma in lex.de_infinitive):
            return "infinitive", i, k + 1, n
        # an incise: « …, a-t-il déclaré, … » or « …, a déclaré X. » after the reported words
        start = i
        aux = _auxiliary_before(doc, i)
        if aux is not None:
            start = aux[0].i
        if start > 2 and words[start - 1] == ",":
            end = next((j for j in range(i + 1, n) if words[j] in (",", ".", ";", "!", "?")), n)
            return "incise", i, start - 1, end
    if verbs:
        return "", verbs[0][0], verbs[0][0] + 1, n
    return None


def _intro_tense(doc, i: int) -> str:
    token = doc[i]
    lex = _lexicon()
    known = lex.forms.get(_low(token.text)) or lex.forms.get(_fold(token.text))
    hint = (lex.accented.get(known, known),) if known else ()
    if token.morph.get("VerbForm") == ["Inf"]:
        # « a tenu à rappeler que »: the tense of the verb that governs the infinitive
        for j in range(i - 1, max(-1, i - 4), -1):
            tense = _tense_name(doc, j)
            if tense and tense != "infinitif":
                return tense
        return PRESENT
    return _tense_name(doc, i, hint) or PRESENT


def _quote_verbs(quote_doc) -> list[tuple[str, str, str, str, str]]:
    """(finite lemma, tense, subject person, words to name it, main lemma) of each clause of the quotation."""
    out = []
    for t in quote_doc:
        f = _finite(t)
        if not f:
            continue
        # the small model tags some conditionals and futures as nouns (« permettrait »); a noun
        # that is also a present (« visite ») is a noun
        if t.pos_ not in ("VERB", "AUX") and (t.pos_ not in ("NOUN", "ADJ") or PRESENT in f[1]):
            continue
        lemma, tenses, persons = f
        if lemma in ("avoir", "etre") and t.dep_ in ("aux:tense", "aux:pass") or (
                t.i + 1 < len(quote_doc) and _participle(quote_doc[t.i + 1]) and lemma in ("avoir", "etre")):
            head = quote_doc[t.i + 1] if t.dep_ not in ("aux:tense", "aux:pass") else t.head
            words = f"{t.text} {head.text}"
        else:
            words = t.text
        subject = next((c for c in t.children if c.dep_.startswith("nsubj")), None)
        if subject is None and t.head is not t:
            subject = next((c for c in t.head.children if c.dep_.startswith("nsubj")), None)
        left = quote_doc[t.i - 1].text.lower() if t.i else ""
        person = "1p" if left == "nous" or (subject is not None and subject.text.lower() == "nous") else (
            "1s" if left in ("je", "j'", "j’") or (subject is not None and subject.text.lower() in ("je", "j'", "j’"))
            else "3")
        if left == "en" and t.i > 1 and quote_doc[t.i - 2].text.lower() in ("j'", "j’", "je"):
            person = "1s"
        out.append((lemma, min(tenses, key=_tense_rank), person, words, lemma))
    return out


def _subject_before(doc, i: int) -> str:
    j = i - 1
    while j >= 0 and _fold(doc[j].text) in ("ne", "n'", "y", "en", "se", "s'", "leur", "lui", "le", "la", "les",
                                             "l'", "nous", "vous", "me", "m'"):
        j -= 1
    return _fold(doc[j].text) if j >= 0 else ""


def _content(doc) -> list[str]:
    from .french import stop_words

    stops = stop_words()
    out = []
    for t in doc:
        lemma = _fold(t.lemma_)
        if (t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "NUM") and lemma not in _AUXILIARIES
                and _fold(t.text) not in stops and len(t.text) >= 3):
            out.append(t)
    return out


def _kept(quote_doc, doc) -> float:
    have = set()
    for t in doc:
        for form in (_fold(t.lemma_), _fold(t.text)):
            have.add(form)
            if len(form) >= 5:
                have.add(form[:5])
    words = _content(quote_doc)
    if not words:
        return 1.0
    kept = sum(1 for t in words if {_fold(t.lemma_), _fold(t.text), _fold(t.text)[:5], _fold(t.lemma_)[:5]} & have)
    return kept / len(words)


def _negated(doc) -> bool:
    words = [_fold(t.text) for t in doc]
    has_ne = any(w in ("ne", "n'") for w in words)
    return any(w in _NEGATIONS for w in words) or (has_ne and any(w in ("plus", "point") for w in words))


def _names_of(words: Iterable[str]) -> frozenset:
    return frozenset(w for name in words for w in _fold(name).replace("-", " ").split() if len(w) > 2)


def report_indirect(text: str, quotation: Quotation) -> Report:
    """Judge a rewrite of ``quotation`` in indirect speech, rule by rule.

    Parameters
    ----------
    text : str
        The learner's rewrite: one sentence (or two) in French.
    quotation : Quotation
        The direct quotation it reports.

    Returns
    -------
    Report
        ``report.ok`` when every rule holds; otherwise ``report.problems``
        lists each broken rule with the word concerned.

    Examples
    --------
    >>> from articlekit.reported import Quotation, report_indirect
    >>> q = Quotation("le Mali a quitté la CEDEAO, mais il voudrait toujours bâtir des relations "
    ...               "bilatérales fécondes avec tous les partenaires", "Sadio Camara")
    >>> r = report_indirect("Sadio Camara a rappelé que le Mali a quitté la CEDEAO, mais qu'il voudrait "
    ...                     "toujours bâtir des relations bilatérales fécondes avec tous les partenaires.", q)
    >>> [(p.rule, p.word, p.detail) for p in r.problems]
    [('tense_past', 'a quitté', 'passé composé')]
    """
    from .checks.meaning import _parse, read

    lex = _lexicon()
    text = text.strip()
    problems: list[Problem] = []
    marks = _GUILLEMETS.findall(text)
    if marks:
        problems.append(Problem("guillemets", marks[0]))
    doc = _parse(text)
    quote_doc = _parse(quotation.text)
    share = _kept(quote_doc, doc)
    if share < 0.35:
        return Report(text, "", "", "", "", tuple(problems + [Problem("other_quotation")]))
    found = _introducer(doc, lex)
    if found is None:
        problems.append(Problem("introducer"))
        return Report(text, "", "", "", "", tuple(problems))
    construction, i, start, end = found
    introducer = doc[i].text
    tense = "" if construction == "selon" else _intro_tense(doc, i)
    if construction == "":
        colon = ":" in text
        problems.append(Problem("que", introducer, "colon" if colon else ""))
        return Report(text, "", introducer, tense, "", tuple(problems))
    if construction == "incise":
        inside = [t for t in doc if t.i < start or t.i >= end]
    else:
        inside = [t for t in doc if start <= t.i < end]
    outside = [t for t in doc if t not in inside]
    reported = " ".join(t.text for t in inside)
    # who speaks
    own = _names_of((quotation.speaker, *quotation.sides)) | {"ministre", "general"}
    other = _names_of(quotation.others) - _names_of((quotation.speaker,))
    said = {_fold(t.text) for t in outside}
    pronouns = {"il", "elle", "lui", "-il", "-elle", "eux", "ils"}
    if said & other and not said & _names_of((quotation.speaker,)):
        problems.append(Problem("wrong_speaker", next(t.text for t in outside if _fold(t.text) in other)))
    elif not said & (own | pronouns):
        problems.append(Problem("speaker"))
    wrong_pronoun = "elle" if quotation.gender == "m" else "il"
    if {wrong_pronoun, "-" + wrong_pronoun} & said:
        problems.append(Problem("agreement", wrong_pronoun, "speaker"))
    if _fold(doc[i].lemma_) in lex.reversing or lex.forms.get(_low(introducer)) in lex.reversing:
        problems.append(Problem("reversing", introducer))
    # pronouns in the reported words
    words = " ".join(t.text for t in inside).replace("’", "'")
    first = _FIRST.search(words)
    if first:
        problems.append(Problem("first_person", first.group()))
    second = _SECOND.search(words)
    if second:
        problems.append(Problem("second_person", second.group()))
    # tenses and agreement, verb by verb
    verbs = _quote_verbs(quote_doc)
    by_lemma: dict[str, list] = {}
    for v in verbs:
        by_lemma.setdefault(v[0], []).append(v)
    past = tense in PAST
    seen: dict[str, int] = {}
    tense_problem = None
    for t in inside:
        if t.i >= len(doc):
            continue
        f = None
        for lemma, rows in by_lemma.items():
            c = conjugate(rows[0][4] if rows[0][4] != "etre" else "être")
            if lemma == "etre":
                c = conjugate("être")
            if c.tenses(t.text):
                f = (lemma, rows, c)
                break
        if f is None:
            compound = next((lemma for lemma, rows in by_lemma.items() if lemma not in ("avoir", "etre")
                             and conjugate(rows[0][4]).is_participle(t.text)), None)
            aux = _auxiliary_before(doc, t.i) if compound else None
            if aux is not None and tense_problem is None:
                # a simple tense of the quotation (« permettra ») made compound (« avait permis »)
                rule = "tense_selon" if construction == "selon" else ("tense_past" if past else "tense_present")
                tense_problem = Problem(rule, by_lemma[compound][0][3], tense)
            continue
        lemma, rows, c = f
        k = seen.get(lemma, 0)
        seen[lemma] = k + 1
        original = rows[min(k, len(rows) - 1)]
        have = c.tenses(t.text)
        if construction == "selon":
            allowed = {original[1], CONDITIONNEL}
        elif past:
            allowed = {SHIFT[original[1]]}
        else:
            allowed = {original[1]}
        if not have & allowed and tense_problem is None:
            rule = "tense_selon" if construction == "selon" else ("tense_past" if past else "tense_present")
            tense_problem = Problem(rule, original[3], tense)
        persons = c.persons(t.text)
        subject = _subject_before(doc, t.i)
        if original[2] == "1p" and subject in ("il", "elle") and "3p" not in persons:
            problems.append(Problem("plural", subject))
        if original[2] == "1s" and subject == wrong_pronoun:
            problems.append(Problem("agreement", subject, "subject"))
        elif original[2] == "1s" and (subject in ("ils", "elles") or persons == {"3p"}):
            problems.append(Problem("singular", subject or t.text))
    if tense_problem is not None:
        problems.append(tense_problem)
    if share < 0.6:
        problems.append(Problem("content"))
    if _negated(doc) != _negated(quote_doc):
        problems.append(Problem("negation"))
    elif read(text).denies("cooperation") and not read(quotation.text).denies("cooperation"):
        problems.append(Problem("denied", read(text).denial("cooperation")))
    order = ("guillemets", "introducer", "que", "wrong_speaker", "speaker", "reversing", "first_person",
             "second_person", "agreement", "plural", "singular", "tense_past", "tense_present", "tense_selon", "content",
             "negation", "denied")
    unique = list(dict.fromkeys(problems))
    unique.sort(key=lambda p: order.index(p.rule))
    return Report(text, construction, introducer, tense, reported, tuple(unique))


def reported_speech(text: str, speakers: Iterable[str]) -> tuple[Report, ...]:
    """The sentences of ``text`` that report what one of ``speakers`` said, each judged by the generic rules.

    Used for a piece of writing (a reply, a press review) in which the
    writer reports other people's words: there is no one quotation to
    compare with, so the rules are those that hold for any reported speech
    — an introducing verb with « que » (or « selon », an incise, an
    infinitive), no guillemets, the speaker named, and after a verb in the
    past no présent or futur left in the reported words.  Pronouns are the
    writer's own here (« notre région » may be the writer's), so they are
    not judged.

    Returns only the sentences that name one of the speakers; a sentence
    with problems is returned too, so that a check can say what to fix.

    Examples
    --------
    >>> r = reported_speech("J'habite à Kayes. Le ministre Diop a affirmé que les deux pays "
    ...                     "devaient coopérer. Nous attendons des actes.", ["Birame Diop"])
    >>> [(x.construction, x.ok) for x in r]
    [('que', True)]
    """
    from .checks.meaning import _parse

    lex = _lexicon()
    names = _names_of(speakers)
    out = []
    for sentence in _SENTENCE.split(text.strip()):
        folded = {_fold(w) for w in re.findall(r"[\w'-]+", sentence)}
        if not folded & names:
            continue
        doc = _parse(sentence)
        found = _introducer(doc, lex)
        problems: list[Problem] = []
        marks = _GUILLEMETS.findall(sentence)
        if marks:
            problems.append(Problem("guillemets", marks[0]))
        if found is None:
            continue
        construction, i, start, end = found
        tense = "" if construction == "selon" else _intro_tense(doc, i)
        if construction == "":
            problems.append(Problem("que", doc[i].text))
            out.append(Report(sentence, "", doc[i].text, tense, "", tuple(problems)))
            continue
        if construction == "incise":
            inside = [t for t in doc if t.i < start or t.i >= end]
        else:
            inside = [t for t in doc if start <= t.i < end]
        if tense in PAST and construction != "selon":
            for t in inside:
                # the writer's own clause after « mais nous… » is not part of the reported words
                if _fold(t.text) in ("mais", "pourtant", "or") and t.i + 1 < len(doc) and \
                        _fold(doc[t.i + 1].text) in ("je", "j'", "nous", "moi", "on"):
                    break
                f = _finite(t) if t.pos_ in ("VERB", "AUX", "NOUN", "ADJ") else None
                if f and f[1] & {PRESENT, FUTUR} and not f[1] & {IMPARFAIT, CONDITIONNEL, PASSE_SIMPLE}:
                    if t.dep_ not in ("aux:tense", "aux:pass") or _fold(t.text) not in ("a", "ont", "est", "sont"):
                        problems.append(Problem("tense_past", t.text, tense))
                        break
                    problems.append(Problem("tense_past", f"{t.text} {t.head.text}", tense))
                    break
        out.append(Report(sentence, construction, doc[i].text, tense, " ".join(t.text for t in inside),
                          tuple(problems)))
    return tuple(out)


# --------------------------------------------------------------------------
# The exercises of lesson 2 (data/fiche/annotating-*.json)
# --------------------------------------------------------------------------
def _fiche(name: str) -> dict:
    # read each time (small files): a cached dict could be changed by a caller
    return json.loads(resources.files("articlekit").joinpath(f"data/fiche/annotating-{name}.json")
                      .read_text(encoding="utf-8"))


def exercise_quotation(item: str) -> Quotation:
    """The quotation of one of lesson 2's exercises on indirect speech.

    ``item`` is ``"example"`` (worked in the lesson), ``"try"`` (the lesson's
    Try it) or ``"graded"`` (the assignment): three different quotations of
    the article (``data/fiche/annotating-indirect.json``).

    >>> q = exercise_quotation("try")
    >>> q.speaker, q.text[:20]
    ('Sadio Camara', 'Nous devons coopérer')
    """
    raw = _fiche("indirect")["items"][item]
    return Quotation(raw["text"], raw["speaker"], raw.get("gender", "m"), tuple(raw.get("sides", ())),
                     tuple(raw.get("others", ())))


def press_review() -> str:
    """The short press review of lesson 2's assignment (invented for the kit): one introducing verb a sentence.

    >>> press_review().splitlines()[0]
    'Revue de presse : la frontière après la visite'
    """
    data = _fiche("revue")
    return "\n".join([data["title"], "", *data["sentences"]])
