"""Lesson 3's fiche exercises are fair both ways: right answers by any route pass, plausible wrong ones fail.

The checks of ``articlekit.checks.summarising`` for the fiche (compréhension, the language of the
résumé) are judged here on tables of answers written as learners write them: right answers in
other words, other spellings and other shapes must pass; wrong and plausible-wrong answers must
fail with a question that points at the fault (the fragment in the third column).  Graded checks
are judged twice: with the teacher's key (the teacher's checkout, CI, the grader) and without it
(a learner's copy, where only the shipped digests judge).

The graded tables are named ``<CHECK>_RIGHT`` / ``<CHECK>_WRONG`` so that the kit's adversarial
test can list them among its tables kept elsewhere.
"""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

import articlekit as ak
from articlekit import keys
from articlekit.checks import run_check
from articlekit.checks import summarising as S
from articlekit.i18n import LANGUAGES, Message

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "notebooks" / "03-summarising.md"
SOLUTION = ROOT / "solutions" / "03-summarising.md"
KEY = ROOT / "teacher" / "keys" / "summarising-mali-senegal-cooperation-militaire-2025-02-06.json"
FICHE = ROOT / "src" / "articlekit" / "data" / "fiche"


# ------------------------------------------------------------------------------------------
# The lesson's Try-it checks (formative: their answers ship with the kit)
# ------------------------------------------------------------------------------------------
MAIN_IDEA_RIGHT = [
    ("the lesson's worked answer", lambda a: "Le Mali et le Sénégal veulent resserrer leurs liens militaires pour mieux "
                                             "combattre ensemble le terrorisme."),
    ("from the meeting", lambda a: "Les ministres de la Défense malien et sénégalais se rencontrent pour unir leurs "
                                   "forces contre l’insécurité."),
    ("the capitals for the countries", lambda a: "Bamako et Dakar cherchent à travailler ensemble contre le "
                                                 "djihadisme."),
    ("no accents, straight apostrophe", lambda a: "Le Mali et le Senegal veulent cooperer davantage pour lutter "
                                                  "contre l'insecurite."),
    ("a partnership, in other words", lambda a: "Face au terrorisme, le Sénégal et le Mali souhaitent approfondir "
                                                "leur partenariat militaire."),
]
MAIN_IDEA_WRONG = [
    ("the title copied", lambda a: a.title, "copy"),
    ("the opposite of the article", lambda a: "Le Mali refuse toute coopération militaire avec le Sénégal.",
     "really say"),
    ("the two countries not named", lambda a: "Les deux pays veulent coopérer contre le terrorisme.", "both countries"),
    ("in English", lambda a: "Mali and Senegal want to work together against terrorism.", "French"),
    ("a whole paragraph", lambda a: " ".join(s.text for s in a.sentences[:3]), "words"),
    ("two sentences", lambda a: "Le Mali reçoit le Sénégal. Les deux pays veulent coopérer.", "one sentence"),
    ("a fact, but not what they want", lambda a: "Le ministre malien reçoit son homologue du Sénégal pendant trois "
                                                 "jours.", "want"),
    ("the learner's opinion", lambda a: "Je pense que le Mali et le Sénégal veulent coopérer.", "speaking"),
    ("not a string", lambda a: ["Mali", "Sénégal", "coopération"], "between quotes"),
]

FACT_PARAGRAPHS_RIGHT = [
    ("the lesson's worked answer",
     lambda a: {"who-senegal": [0, 2, 6], "why-terrorism": [2, 6], "why-insecurity": [1, 2, 6]}),
    ("sets and tuples, in another order",
     lambda a: {"why-insecurity": (6, 2, 1), "who-senegal": {6, 0, 2}, "why-terrorism": (2, 6)}),
    ("keys as the facts' descriptions, numpy integers",
     lambda a: {f.description: [np.int64(p.index) for p in a.paragraphs if f.find(p.text)]
                for f in ak.key_facts(a) if f.name in ("who-senegal", "why-terrorism", "why-insecurity")}),
    ("computed with fact.find, as the worked answer shows",
     lambda a: {f.name: [p.index for p in a.paragraphs if f.find(p.text)] for f in ak.key_facts(a)
                if f.name in ("who-senegal", "why-terrorism", "why-insecurity")}),
]
FACT_PARAGRAPHS_WRONG = [
    ("only the first paragraph of each",
     lambda a: {"who-senegal": [0], "why-terrorism": [2], "why-insecurity": [1]}, "only in the paragraphs"),
    ("counted from 1", lambda a: {"who-senegal": [1, 3, 7], "why-terrorism": [3, 7], "why-insecurity": [2, 3, 7]},
     "from 0"),
    ("paragraph 4 names Senegal, not its minister",
     lambda a: {"who-senegal": [0, 2, 4, 6], "why-terrorism": [2, 6], "why-insecurity": [1, 2, 6]}, "paragraph 4"),
    ("security read as insecurity",
     lambda a: {"who-senegal": [0, 2, 6], "why-terrorism": [2, 6], "why-insecurity": [1, 2, 5, 6]}, "paragraph 5"),
    ("a fact missing", lambda a: {"who-senegal": [0, 2, 6], "why-terrorism": [2, 6]}, "missing"),
    ("a fact of its own", lambda a: {"qui": [0], "why-terrorism": [2, 6], "why-insecurity": [1, 2, 6]},
     "one of the three facts"),
    ("a list, not a dict", lambda a: [[0, 2, 6], [2, 6], [1, 2, 6]], "dict"),
    ("words, not numbers", lambda a: {"who-senegal": "zéro, deux, six", "why-terrorism": [2, 6],
                                      "why-insecurity": [1, 2, 6]}, "paragraph numbers"),
]

NOMINALISE_RIGHT = [
    ("the lesson's worked answer", lambda a: {"réduire": "la réduction", "lutter": "la lutte", "respecter": "le respect"}),
    ("nouns alone, no determiner", lambda a: {"réduire": "réduction", "lutter": "lutte", "respecter": "respect"}),
    ("whole noun groups, capitals", lambda a: {"Réduire": "La réduction de l’insécurité",
                                               "lutter": "la lutte contre le terrorisme",
                                               "respecter": "le respect des principes"}),
    ("keyed by number, no accents", lambda a: {1: "la reduction", 2: "une lutte", 3: "le respect"}),
    ("a list in the table's order", lambda a: ["la réduction", "la lutte", "le respect"]),
]
NOMINALISE_WRONG = [
    ("the verb left as it is", lambda a: {"réduire": "réduire", "lutter": "la lutte", "respecter": "le respect"},
     "still the verb"),
    ("a participle", lambda a: {"réduire": "la réduction", "lutter": "la lutte", "respecter": "respecté"},
     "still the verb"),
    ("the agent noun", lambda a: {"réduire": "le réducteur", "lutter": "la lutte", "respecter": "le respect"},
     "person or thing"),
    ("a noun French does not have", lambda a: {"réduire": "la réduction", "lutter": "le luttage",
                                               "respecter": "le respect"}, "French word"),
    ("the wrong gender", lambda a: {"réduire": "le réduction", "lutter": "la lutte", "respecter": "le respect"},
     "masculine or feminine"),
    ("the noun of another verb", lambda a: {"réduire": "la réduction", "lutter": "le combat",
                                            "respecter": "le respect"}, "another verb"),
    ("a noun of another meaning", lambda a: {"réduire": "la réduction", "lutter": "la lutte",
                                             "respecter": "la respectabilité"}, "name the action"),
    ("a verb missing", lambda a: {"réduire": "la réduction", "lutter": "la lutte"}, "missing"),
]

CONNECTORS_LESSON_RIGHT = [
    ("the lesson's worked answer", lambda a: {1: "afin de", 2: "car", 3: "mais", 4: "c’est pourquoi"}),
    ("the article's own links", lambda a: {1: "en vue de", 2: "parce que", 3: "mais", 4: "donc"}),
    ("keys as strings, capitals and commas", lambda a: {"1": "Pour", "2": "Puisque", "3": "Pourtant,",
                                                        "4": "Par conséquent,"}),
    ("a list, other connectors", lambda a: ["dans le but de", "en effet", "cependant", "si bien que"]),
]
CONNECTORS_LESSON_WRONG = [
    ("an addition instead of a link", lambda a: {1: "afin de", 2: "car", 3: "et", 4: "donc"}, "adds"),
    ("a goal clause before an infinitive", lambda a: {1: "afin que", 2: "car", 3: "mais", 4: "donc"}, "subjunctive"),
    ("a cause before a noun, with a clause", lambda a: {1: "pour", 2: "à cause de", 3: "mais", 4: "donc"}, "a noun"),
    ("cause and consequence swapped", lambda a: {1: "pour", 2: "donc", 3: "mais", 4: "car"}, "introduces"),
    ("the name of the link", lambda a: {1: "but", 2: "cause", 3: "opposition", 4: "conséquence"}, "name of the link"),
    ("not a connector", lambda a: {1: "pour", 2: "car", 3: "mais", 4: "voilà"}, "logical connector"),
    ("an item missing", lambda a: {1: "pour", 2: "car", 3: "mais"}, "missing"),
]

REFORMULATE_RIGHT = [
    ("the lesson's worked answer", lambda a: "Pour Sadio Camara, la venue de la délégation sénégalaise montre que les "
                                             "deux pays tiennent à leur sécurité et à leur stabilité."),
    ("the minister's view, peace", lambda a: "Le ministre malien estime que la visite des Sénégalais prouve "
                                             "l’attachement du Mali à la paix dans la région."),
    ("a passé composé, two sentences", lambda a: "Le Mali a accueilli la délégation sénégalaise. Pour Sadio Camara, "
                                                 "cette visite montre combien la stabilité des deux pays compte."),
]
REFORMULATE_WRONG = [
    ("the sentence copied, guillemets dropped", lambda a: a.sentences[16].text.replace("»", "").strip(), "speaking"),
    ("the minister's voice kept", lambda a: "Le ministre dit que notre présence montre l’importance de la sécurité.",
     "speaking"),
    ("in guillemets", lambda a: "Le ministre malien déclare : « la présence sénégalaise montre l’importance de la "
                                "sécurité ».", "guillemets"),
    ("an imperfect", lambda a: "Pour Sadio Camara, la venue des Sénégalais prouvait que les deux pays tenaient à leur "
                               "sécurité.", "present"),
    ("nobody says it", lambda a: "La venue de la délégation sénégalaise montre que les deux pays tiennent à leur "
                                 "sécurité.", "Whose idea"),
    ("the idea lost", lambda a: "Pour Sadio Camara, la venue de la délégation sénégalaise montre combien les deux pays "
                                "tiennent à leur avenir.", "idea"),
    ("too long a run copied", lambda a: "Pour Sadio Camara, la présence sénégalaise témoigne de l’importance que le Mali "
                                        "accorde à la sécurité et à la stabilité de ses voisins.", "copy"),
]

TRY_IT = {
    "try_main_idea": (MAIN_IDEA_RIGHT, MAIN_IDEA_WRONG),
    "try_fact_paragraphs": (FACT_PARAGRAPHS_RIGHT, FACT_PARAGRAPHS_WRONG),
    "try_nominalise": (NOMINALISE_RIGHT, NOMINALISE_WRONG),
    "try_connectors": (CONNECTORS_LESSON_RIGHT, CONNECTORS_LESSON_WRONG),
    "try_reformulate": (REFORMULATE_RIGHT, REFORMULATE_WRONG),
}


# ------------------------------------------------------------------------------------------
# The assignment's graded checks (judged by the teacher's key, or by its digests)
# ------------------------------------------------------------------------------------------
GOOD_IDEAS = {"A": 4, "B": 2, "C": 6, "D": 5, "E": 3}

PARAGRAPH_IDEAS_RIGHT = [
    ("the solution", lambda a: dict(GOOD_IDEAS)),
    ("lower-case letters, numpy integers", lambda a: {k.lower(): np.int64(v) for k, v in GOOD_IDEAS.items()}),
    ("a pandas Series", lambda a: pd.Series(GOOD_IDEAS)),
    ("a list in the letters' order", lambda a: [GOOD_IDEAS[k] for k in "ABCDE"]),
]
PARAGRAPH_IDEAS_WRONG = [
    ("A and E swapped: both speak of conditions", lambda a: {**GOOD_IDEAS, "A": 3, "E": 4}, "statement A"),
    ("B given to C's paragraph", lambda a: {**GOOD_IDEAS, "B": 6, "C": 2}, "statement B"),
    ("counted from 1", lambda a: {k: v + 1 for k, v in GOOD_IDEAS.items()}, "from 0"),
    ("one paragraph twice", lambda a: {**GOOD_IDEAS, "E": 4}, "used once"),
    ("a statement missing", lambda a: {k: v for k, v in GOOD_IDEAS.items() if k != "D"}, "every statement"),
    ("paragraph 0 for the meeting", lambda a: {**GOOD_IDEAS, "D": 0, "C": 5, "B": 6, "E": 2, "A": 3},
     "statement"),
    ("the statements' words, not numbers", lambda a: {k: "paragraphe " + str(v) for k, v in GOOD_IDEAS.items()},
     "whole number"),
]

GOOD_NOUNS = {"approfondir": "l’approfondissement", "financer": "le financement", "quitter": "la sortie",
              "promouvoir": "la promotion", "mettre en œuvre": "la mise en œuvre"}

NOMINALISATIONS_RIGHT = [
    ("the solution", lambda a: dict(GOOD_NOUNS)),
    ("other nouns for quitter and mettre en œuvre",
     lambda a: {**GOOD_NOUNS, "quitter": "le retrait", "mettre en œuvre": "l’application"}),
    ("whole noun groups", lambda a: {"approfondir": "l’approfondissement de la coopération militaire",
                                     "financer": "le financement des groupes armés",
                                     "quitter": "le départ du Mali de la CEDEAO",
                                     "promouvoir": "la promotion d’une coopération diversifiée",
                                     "mettre en œuvre": "l’exécution de l’accord-cadre"}),
    ("keyed by number, no determiners, no accents",
     lambda a: {1: "approfondissement", 2: "financement", 3: "depart", 4: "promotion", 5: "realisation"}),
    ("a list, straight apostrophes", lambda a: ["l'approfondissement", "un financement", "la sortie", "une promotion",
                                                "la mise en oeuvre"]),
    ("nouns in the plural after « les », « des » or nothing",
     lambda a: {**GOOD_NOUNS, "financer": "les financements", "approfondir": "des approfondissements",
                "quitter": "départs", "mettre en œuvre": "les mises en œuvre"}),
]
NOMINALISATIONS_WRONG = [
    ("the false friend of quitter", lambda a: {**GOOD_NOUNS, "quitter": "la quittance"}, "means something else"),
    ("quitter by an invented noun", lambda a: {**GOOD_NOUNS, "quitter": "le quittement"}, "French word"),
    ("the agent of financer", lambda a: {**GOOD_NOUNS, "financer": "le financeur"}, "person or thing"),
    ("the agent of promouvoir", lambda a: {**GOOD_NOUNS, "promouvoir": "le promoteur"}, "person or thing"),
    ("a participle left", lambda a: {**GOOD_NOUNS, "financer": "financé"}, "still the verb"),
    ("the verb conjugated", lambda a: {**GOOD_NOUNS, "approfondir": "approfondit"}, "still the verb"),
    ("mise alone", lambda a: {**GOOD_NOUNS, "mettre en œuvre": "la mise"}, "alone"),
    ("the wrong gender", lambda a: {**GOOD_NOUNS, "financer": "la financement"}, "masculine or feminine"),
    ("another meaning", lambda a: {**GOOD_NOUNS, "financer": "la finance"}, "name the action"),
    ("another meaning, in the plural", lambda a: {**GOOD_NOUNS, "financer": "les finances"}, "name the action"),
    ("the false friend, in the plural", lambda a: {**GOOD_NOUNS, "quitter": "les quittances"}, "means something else"),
    ("the agent, in the plural", lambda a: {**GOOD_NOUNS, "financer": "les financeurs"}, "person or thing"),
    ("a singular determiner before a plural noun", lambda a: {**GOOD_NOUNS, "financer": "le financements"},
     "agree"),
    ("familiar French", lambda a: {**GOOD_NOUNS, "promouvoir": "la promo"}, "familiar"),
    ("the lesson's verbs", lambda a: {"réduire": "la réduction", "lutter": "la lutte", "respecter": "le respect"},
     "one of the verbs"),
]

GOOD_LINKS = {1: "c’est pourquoi", 2: "afin de", 3: "parce que", 4: "mais"}

CONNECTORS_RIGHT = [
    ("the solution", lambda a: dict(GOOD_LINKS)),
    ("other connectors of the same links", lambda a: {1: "donc", 2: "pour", 3: "car", 4: "toutefois"}),
    ("keys as strings, capitals, straight apostrophe",
     lambda a: {"1": "C'est pourquoi", "2": "En vue de", "3": "Puisque", "4": "Cependant,"}),
    ("a list", lambda a: ["par conséquent", "dans le but de", "en effet", "néanmoins"]),
]
CONNECTORS_WRONG = [
    ("a cause for the consequence", lambda a: {**GOOD_LINKS, 1: "car"}, "Item 1"),
    ("an addition", lambda a: {**GOOD_LINKS, 1: "et"}, "adds"),
    ("a goal clause before an infinitive", lambda a: {**GOOD_LINKS, 2: "afin que"}, "subjunctive"),
    ("a cause before a noun, with a clause", lambda a: {**GOOD_LINKS, 3: "à cause de"}, "a noun"),
    ("a condition that needs a subjunctive", lambda a: {**GOOD_LINKS, 4: "à condition que"}, "Item 4"),
    ("the lesson's answer", lambda a: {1: "afin de", 2: "car", 3: "mais", 4: "c’est pourquoi"}, "Item 1"),
    ("the names of the links", lambda a: {1: "conséquence", 2: "but", 3: "cause", 4: "opposition"},
     "name of the link"),
]

GOOD_REFORMULATION = ("Selon Birame Diop, le Mali et le Sénégal peuvent renforcer leur coopération militaire afin de "
                      "mieux affronter les graves menaces qui pèsent sur leurs territoires.")

REFORMULATION_RIGHT = [
    ("the solution", lambda a: GOOD_REFORMULATION),
    ("reported, with another verb", lambda a: "Le ministre sénégalais estime que les deux pays doivent approfondir leur "
                                              "collaboration pour mieux répondre aux défis sécuritaires."),
    ("two sentences, a nominalisation", lambda a: "Birame Diop explique le but de sa visite. Pour lui, le renforcement "
                                                  "de la coopération militaire aide les deux voisins à mieux "
                                                  "affronter les menaces."),
    ("the visitor, no accents", lambda a: "Pour le visiteur senegalais, le Mali et le Senegal peuvent cooperer davantage "
                                          "contre les dangers qui menacent leurs territoires."),
]
REFORMULATION_WRONG = [
    ("the minister's own voice", lambda a: "Nous pouvons approfondir notre coopération militaire pour mieux faire face "
                                           "aux défis sécuritaires.", "speaking"),
    ("a run copied", lambda a: "Selon Birame Diop, les deux pays peuvent renforcer leur coopération militaire pour mieux "
                               "faire face aux défis sécuritaires.", "copy"),
    ("a conditional", lambda a: "Selon Birame Diop, les deux pays pourraient renforcer leur coopération afin de mieux "
                                "affronter les menaces.", "present"),
    ("a future", lambda a: "Selon Birame Diop, les deux pays renforceront leur collaboration afin de mieux affronter les "
                           "menaces.", "present"),
    ("nobody says it", lambda a: "Le Mali et le Sénégal peuvent renforcer leur coopération militaire afin de mieux "
                                 "affronter les menaces.", "Whose idea"),
    ("the threats left out", lambda a: "Selon Birame Diop, le Mali et le Sénégal peuvent renforcer leur coopération "
                                       "militaire.", "idea"),
    ("the cooperation denied", lambda a: "Selon Birame Diop, le Mali refuse toute coopération militaire face aux "
                                         "menaces.", "really say"),
    ("the lesson's worked example (another sentence)",
     lambda a: "Birame Diop salue le courage du peuple malien et de son armée, qui se bat depuis dix ans et plus pour "
               "que le Mali et toute la région aient un avenir.", "idea"),
    ("in guillemets", lambda a: "Birame Diop affirme : « le Mali et le Sénégal peuvent coopérer davantage contre les "
                                "menaces ».", "guillemets"),
]

GRADED = {
    "paragraph_ideas": (PARAGRAPH_IDEAS_RIGHT, PARAGRAPH_IDEAS_WRONG),
    "nominalisations": (NOMINALISATIONS_RIGHT, NOMINALISATIONS_WRONG),
    "connectors": (CONNECTORS_RIGHT, CONNECTORS_WRONG),
    "reformulation": (REFORMULATION_RIGHT, REFORMULATION_WRONG),
}
ALL = {**TRY_IT, **GRADED}


def _right_cases(table):
    return [pytest.param(name, i, id=f"{name}-{rows[i][0]}") for name, (rows, _) in table.items()
            for i in range(len(rows))]


def _wrong_cases(table):
    return [pytest.param(name, i, id=f"{name}-{rows[i][0]}") for name, (_, rows) in table.items()
            for i in range(len(rows))]


def assert_messages(result, what):
    for hint in result.hints:
        assert isinstance(hint, Message), (what, type(hint).__name__, hint)
        for lang in LANGUAGES:
            assert hint.render(lang).strip(), (what, lang)


@pytest.fixture
def no_key(monkeypatch):
    """A learner's copy of the kit: no teacher's key anywhere."""
    monkeypatch.setenv(keys.ENV, "")
    assert keys.key_dir() is None


@pytest.mark.parametrize("name,i", _right_cases(ALL))
def test_right_answers_pass(name, i, article):
    answer = ALL[name][0][i][1](article)
    result = run_check(getattr(S, name), answer, article=article, strict=True)
    assert result.ok, (name, ALL[name][0][i][0], result.hints)
    assert_messages(result, name)


@pytest.mark.parametrize("name,i", _wrong_cases(ALL))
def test_wrong_answers_fail_with_the_right_question(name, i, article):
    description, make, fragment = ALL[name][1][i]
    result = run_check(getattr(S, name), make(article), article=article, strict=True)
    assert result.status == "failed", (name, description)
    assert "?" in result.hint(1), (name, description, result.hint(1))
    assert fragment in " ".join(result.hints), (name, description, result.hints)
    assert_messages(result, name)


@pytest.mark.parametrize("name,i", _right_cases(GRADED))
def test_right_graded_answers_pass_without_the_key(name, i, article, no_key):
    answer = GRADED[name][0][i][1](article)
    result = run_check(getattr(S, name), answer, article=article, strict=True)
    assert result.ok, (name, GRADED[name][0][i][0], result.hints)


@pytest.mark.parametrize("name,i", _wrong_cases(GRADED))
def test_wrong_graded_answers_fail_without_the_key(name, i, article, no_key):
    description, make, _fragment = GRADED[name][1][i]
    result = run_check(getattr(S, name), make(article), article=article, strict=True)
    assert result.status == "failed", (name, description)
    assert "?" in result.hint(1), (name, description, result.hint(1))
    assert_messages(result, name)


def test_without_the_key_a_false_friend_is_only_not_yet(article, no_key):
    # the key's reason (« a receipt ») is the teacher's: a learner's copy says « not yet », and no right noun
    result = run_check(S.nominalisations, {**GOOD_NOUNS, "quitter": "la quittance"}, article=article, strict=True)
    assert result.status == "failed" and "Not yet" in result.hint(1) and "teacher's key" in result.hint(1)
    said = " ".join(result.hints).lower()
    assert not any(noun in said for noun in ("départ", "sortie", "retrait"))


def test_hints_never_give_the_graded_answer(article):
    key = json.loads(KEY.read_text(encoding="utf-8"))
    nouns = {S._fold(n) for item in key["nominalisations"].values() for n in item["accepted"]}
    for name, (_, wrong) in GRADED.items():
        for description, make, _ in wrong:
            answer = make(article)
            result = run_check(getattr(S, name), answer, article=article, strict=True)
            said = S._fold(" ".join(h for attempt in (1, 2, 3) for h in [result.hint(attempt)]))
            own = S._fold(json.dumps(answer, ensure_ascii=False) if not isinstance(answer, pd.Series) else "")
            for noun in nouns - {w for w in nouns if w in own}:
                assert not re.search(rf"\b{re.escape(noun)}\b", said), (name, description, noun, said)
            if name == "connectors":
                for right in ("c'est pourquoi", "afin de", "parce que", "mais", "donc", "car", "toutefois"):
                    if right not in own:
                        assert not re.search(rf"« {re.escape(right)} »", said), (description, right, said)
            if name == "reformulation":
                assert S._fold(GOOD_REFORMULATION) not in said


# ------------------------------------------------------------------------------------------
# The key, the digests and what the package ships
# ------------------------------------------------------------------------------------------
def test_the_shipped_digests_are_those_of_the_key(article):
    key = json.loads(KEY.read_text(encoding="utf-8"))
    shipped = json.loads((FICHE / S.DIGESTS_FILE).read_text(encoding="utf-8"))["articles"]
    assert shipped[S._stem(article)] == S._tables_from(key), "run: .venv/bin/python -m articlekit.checks.summarising"


def test_the_package_holds_no_graded_answer_in_clear():
    key = json.loads(KEY.read_text(encoding="utf-8"))
    shipped = " ".join(S._fold(p.read_text(encoding="utf-8")) for p in FICHE.glob("summarising-*.json")
                       if p.name != "summarising-language-fr.json")
    for item in key["nominalisations"].values():
        for noun in item["accepted"]:
            assert not re.search(rf"\b{re.escape(S._fold(noun))}\b", shipped), noun
    assignment = json.loads((FICHE / "summarising-assignment.json").read_text(encoding="utf-8"))
    assert all("relation" not in item for item in assignment["connectors"])
    assert "paragraph" not in json.dumps(assignment["paragraph_ideas"]["statements"])
    assert not list((ROOT / "src").rglob("summarising-mali-*.json")), "the teacher's key is never in the package"


def test_the_lesson_and_the_assignment_ask_about_other_items():
    lesson, assignment = S._lesson(), S._assignment()
    assert not {S._fold(i["verb"]) for i in lesson["nominalise"]} & {S._fold(i["verb"]) for i in
                                                                       assignment["nominalisations"]}
    assert not {i["sentence"] for i in lesson["connectors"]} & {i["sentence"] for i in assignment["connectors"]}
    assert lesson["reformulate"]["sentence"] != assignment["reformulation"]["sentence"]
    # one pair of each link in both, so that each teaches and tests the four
    key = json.loads(KEY.read_text(encoding="utf-8"))
    assert sorted(i["relation"] for i in lesson["connectors"]) == sorted(key["connectors"].values())


def test_every_noun_the_lexicon_derives_is_judged_by_the_key(article):
    """« Accept every right noun the French lexicon gives »: each noun the lexicon has, made from a verb of the
    exercises by the usual endings, is in the key, as a right noun or as a wrong one with its reason."""
    endings = ("ment", "ement", "issement", "tion", "ation", "ition", "sion", "ssion", "age", "ure", "ance", "ence",
               "e", "", "te", "ite", "ade", "ee", "ion", "otion", "uction", "ction")
    key = json.loads(KEY.read_text(encoding="utf-8"))
    words = S._french_words()
    judged = {int(n): {S._fold(w) for w in (*item["accepted"], *item["rejected"])}
              for n, item in key["nominalisations"].items()}
    items = [(i["number"], i["verb"], judged[i["number"]]) for i in S._assignment()["nominalisations"]]
    items += [(i["number"], i["verb"], {S._fold(w) for w in (*i["accepted"], *i["rejected"])})
              for i in S._lesson()["nominalise"]]
    for number, verb, known in items:
        stem = S._stem_of(verb)
        candidates = {stem[:len(stem) - cut] + e for cut in range(3) for e in endings if len(stem) - cut >= 4}
        found = {c for c in candidates if c in words and c != S._fold(verb).split()[0]}
        assert found <= known, (verb, sorted(found - known))
    # and every right noun of the key is a French word
    for number, item in key["nominalisations"].items():
        for noun in item["accepted"]:
            assert S._is_french_group(S._fold(noun)), noun


@pytest.mark.parametrize("group, french", [
    # French words, as a learner types them: plurals, no accents, a three-word noun
    ("renforcements", True), ("coopérations", True), ("cooperations", True), ("journaux", True),
    ("mise en œuvre", True), ("financements", True), ("approfondissements", True),
    # words French does not have, built from the right stems with the wrong endings
    ("renforcation", False), ("coopérage", False), ("financage", False), ("mobilisationz", False),
])
def test_a_french_word_is_told_from_a_made_up_one(group, french):
    """The hint « Is X a French word? » goes to made-up words only, never to a real noun in the plural."""
    assert S._is_french_group(S._fold(group)) is french


def test_connector_table_has_each_connector_once():
    table = S._language()["connectors"]
    seen = [S._fold(row["words"]) for rows in table.values() for row in rows]
    assert len(seen) == len(set(seen))
    assert {row["before"] for rows in table.values() for row in rows} <= {"clause", "infinitive", "subjunctive",
                                                                         "noun", "conditional"}


# ------------------------------------------------------------------------------------------
# The résumé's report speaks in messages (the grader gives it to the teacher in the submission's language)
# ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def good_resume():
    import importlib.util

    spec = importlib.util.spec_from_file_location("_t_summ", ROOT / "tests" / "test_checks_summarising.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GOOD


def test_the_resume_check_passes_with_its_report_as_a_message(article, good_resume):
    result = run_check(S.resume, good_resume, article=article, strict=True)
    assert result.ok and len(result.hints) == 2
    assert_messages(result, "resume")
    report = result.hints[1]
    assert str(report) == str(ak.check_resume(good_resume, article))
    assert str(report).startswith("Résumé check: all good")
    assert pickle.loads(pickle.dumps(report)).render("fr") == report.render("fr")


def test_the_report_rows_are_messages(article):
    report = ak.check_resume("Nous pensons que le Mali et le Sénégal coopèrent. « Oui ».", article, target=120)
    for criterion, ok, measure, advice in report.rows():
        for text in (criterion, measure, advice):
            assert isinstance(text, Message), text
    assert "Too short by" in report.rows()[0][3] and "quotation" in report.rows()[-1][3]


# ------------------------------------------------------------------------------------------
# The notebooks: the five stages, the Try-it pattern, teacher notes, the teacher's comment slot
# ------------------------------------------------------------------------------------------
def test_the_lesson_covers_the_five_stages_and_its_worked_answers_pass(article):
    text = LESSON.read_text(encoding="utf-8")
    for stage in ("Mise en route", "Compréhension globale", "Compréhension détaillée", "Travail sur la langue",
                  "Production"):
        assert re.search(rf"^## \d+\. {stage}", text, re.M | re.I), stage
    for check_name in TRY_IT:
        assert re.search(rf":tags: \[raises-exception\]\n\ncheck\.{check_name}\(", text), check_name
    # the worked answers shown in <details> are the first rows of the tables, and they pass
    assert '{"réduire": "la réduction", "lutter": "la lutte", "respecter": "le respect"}' in text
    assert '{1: "afin de", 2: "car", 3: "mais", 4: "c’est pourquoi"}' in text
    assert '{"who-senegal": [0, 2, 6], "why-terrorism": [2, 6], "why-insecurity": [1, 2, 6]}' in text
    assert REFORMULATE_RIGHT[0][1](article) in text.replace("\n", " ")
    assert MAIN_IDEA_RIGHT[0][1](article) in text.replace("\n", " ")


def test_the_assignment_has_teacher_notes_and_a_comment_slot():
    from articlekit.classroom.generate import exercise_notebook

    solution = nbformat.read(ROOT / "solutions" / "03-summarising.ipynb", as_version=4)
    cells = solution.cells
    notes = [c for c in cells if "teacher-note" in c.metadata.get("tags", [])]
    assert len(notes) >= 15
    for i, cell in enumerate(cells):
        if cell.cell_type == "markdown" and re.search(r"\*\*(To think about|To discuss|Mise en route)", cell.source):
            assert "teacher-note" in cells[i + 1].metadata.get("tags", []), cell.source[:60]
    assert any("Teacher notes for the lesson" in c.source for c in notes)
    slot = [c for c in cells if "Commentaire du professeur / Teacher's comment" in c.source]
    assert len(slot) == 1 and "teacher-note" not in slot[0].metadata.get("tags", [])
    learner = exercise_notebook(solution)
    assert not [c for c in learner.cells if "teacher-note" in c.metadata.get("tags", [])]
    assert not [c for c in learner.cells if "Teacher note" in c.source]
    assert any("Commentaire du professeur" in c.source for c in learner.cells)
    graded = {n for c in cells if c.metadata.get("nbgrader", {}).get("grade")
              for n in re.findall(r"check\.(\w+)\(", c.source)}
    assert set(GRADED) <= graded


def test_every_check_of_the_fiche_is_documented():
    for name in ALL:
        assert (getattr(S, name).__doc__ or "").strip(), name
