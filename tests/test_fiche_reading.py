"""Lesson 1's fiche: the new exercises are fair both ways, their items and keys stay in step.

For each new check, the tables hold answers written as learners write them: right answers by other
routes and wordings (they must pass) and wrong or plausible-wrong ones (they must fail, with a
question, and the hint named in the table).  The graded tables (``*_RIGHT`` / ``*_WRONG``, in the
format of ``tests/test_adversarial.py``: ``(description, factory)`` and ``(description, factory,
hint fragment)``) run twice: with the teacher's key, and as in a learner's copy of the kit, where the
shipped digests judge.  Expected values are computed from the article, the kit's data or the key,
never typed here when the kit can say them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import articlekit as ak
from articlekit import keys
from articlekit.checks import reading as R
from articlekit.checks import run_check
from articlekit.i18n import Message

ROOT = Path(__file__).resolve().parents[1]
LESSON_MD = ROOT / "notebooks" / "01-reading.md"
SOLUTION_MD = ROOT / "solutions" / "01-reading.md"


def key():
    return json.loads((ROOT / "teacher" / "keys" / "reading-fiche.json").read_text(encoding="utf-8"))


def index_of(article, words):
    """The sentence a learner finds by searching a few words (as the lesson shows)."""
    return next(s.index for s in article.sentences if words in s.text)


def solution_value(name):
    """The value the solution cell of the assignment gives ``name`` (the teacher's model answer)."""
    md = SOLUTION_MD.read_text(encoding="utf-8")
    block = re.search(rf"### BEGIN SOLUTION\n({name} = .*?)\n### END SOLUTION", md, re.S).group(1)
    scope = {}
    exec(block, scope)
    return scope[name]


# =========================================================================== graded: vrai / faux
TRUE_FALSE_RIGHT = [
    ("the solution's indices", lambda a: solution_value("true_false")),
    ("Sentence objects, the text with keyboard typography, a fragment, True, None",
     lambda a: {1: ("Vrai", a.sentences[12]), 2: ("FAUX", a.sentences[3].text.replace("’", "'")),
                3: ("faux", "pourvu qu'elle respecte les principes édictés"), 4: (True, 14), 5: ("On ne sait pas", None)}),
    ("indices found by searching, as numpy integers, and the other sentence for statement 3",
     lambda a: {1: ("v", np.int64(index_of(a, "CEDEAO"))), 2: ("f", np.int64(index_of(a, "419"))),
                3: ("F", np.int64(index_of(a, "à savoir"))), 4: ("V", np.int64(index_of(a, "acteurs internationaux"))),
                5: "ne sait pas"}),
    ("string keys and dict values, a sentence given for « on ne sait pas » anyway",
     lambda a: {"1": {"réponse": "vrai", "phrase": 12}, "2": {"réponse": "faux", "phrase": 3},
                "3": {"réponse": "faux", "phrase": [11, 12]}, "4": {"réponse": "vrai", "phrase": 14},
                "5": {"réponse": "on ne sait pas", "phrase": 0}}),
    ("a list in the statements' order, the pair written the other way round",
     lambda a: [(12, "vrai"), (3, "faux"), (11, "faux"), (14, "vrai"), "?"]),
]
TRUE_FALSE_WRONG = [
    ("the lesson's four answers", lambda a: {1: ("vrai", 6), 2: ("faux", 0), 3: "on ne sait pas", 4: ("vrai", 4)},
     "Statement 5 is missing"),
    ("statement 3 taken for « on ne sait pas »",
     lambda a: {**solution_value("true_false"), 3: "on ne sait pas"}, "Statement 3"),
    ("statement 5 answered from what one knows of Bamako",
     lambda a: {**solution_value("true_false"), 5: ("vrai", 0)}, "Statement 5"),
    ("sentences counted from 1", lambda a: {**solution_value("true_false"), 2: ("faux", 4)}, "from 1"),
    ("no sentence for a « vrai »", lambda a: {**solution_value("true_false"), 1: "vrai"}, "which sentence"),
    ("statement 4 misread", lambda a: {**solution_value("true_false"), 4: ("faux", 14)}, "Statement 4"),
    ("a justification that is not in the article",
     lambda a: {**solution_value("true_false"), 1: ("vrai", "le Mali est parti de la CEDEAO en 2025")}, "copied"),
    ("the right answer, a sentence that does not say it", lambda a: {**solution_value("true_false"), 1: ("vrai", 0)},
     "does sentence 0 say it"),
    ("answers as one string", lambda a: "vrai faux faux vrai on ne sait pas", "dict"),
]

# =========================================================================== graded: qui a dit quoi ?
WHO_SAID_RIGHT = [
    ("the solution", lambda a: solution_value("who_said")),
    ("surnames, the journalist as a word",
     lambda a: {"A": "Diop", "B": "Camara", "C": "Diop", "D": "Camara", "E": "Camara", "F": "journaliste"}),
    ("titles as the text gives them, lower-case letters",
     lambda a: {"a": "le Ministre Sénégalais", "b": "le Ministre de la Défense et des Anciens Combattants",
                "c": "son homologue Sénégalais", "d": "le ministre malien", "e": "le Général",
                "f": a.byline}),
    ("a list in the letters' order, names in capitals",
     lambda a: ["Birame DIOP", "Sadio CAMARA", "Birame DIOP", "Sadio CAMARA", "Sadio CAMARA", "l’auteur de l’article"]),
    ("a pandas Series indexed by the letters",
     lambda a: pd.Series(["Diop", "Camara", "Diop", "Camara", "Camara", "le journaliste"], index=list("ABCDEF"))),
]
WHO_SAID_WRONG = [
    ("indirect speech taken for the journalist's", lambda a: {**solution_value("who_said"), "A": "le journaliste"},
     "Excerpt A"),
    ("the end of a long quotation given to the other minister", lambda a: {**solution_value("who_said"), "C": "Camara"},
     "Excerpt C"),
    ("« le ministre » without saying which", lambda a: {**solution_value("who_said"), "B": "le ministre"},
     "either minister"),
    ("the lesson's four answers", lambda a: {"A": "Birame Diop", "B": "le ministre malien", "C": "personne",
                                              "D": "le journaliste"}, "E is missing"),
    ("a country as a speaker", lambda a: {**solution_value("who_said"), "D": "le Mali"}, "country"),
    ("the journalist's words given to nobody", lambda a: {**solution_value("who_said"), "F": "personne"}, "Excerpt F"),
    ("both ministers for one excerpt", lambda a: {**solution_value("who_said"), "E": "Camara et Diop"}, "one speaker"),
    ("a set of names", lambda a: {"Diop", "Camara"}, "dict"),
]

# =========================================================================== graded: matching
MATCHING_RIGHT = [
    ("the solution", lambda a: solution_value("matched")),
    ("numbers and lower-case letters", lambda a: {1: "e", 2: "c", 3: "a", 4: "b", 5: "d"}),
    ("the clues' text as values",
     lambda a: {"fécond": "qui donne de bons résultats", "scruter": "examiner avec beaucoup d'attention",
                "pourvu que": "à condition que", "mettre en œuvre": "appliquer, réaliser concrètement",
                "voies et moyens": "les méthodes et les ressources"}),
    ("a list of letters in the terms' order", lambda a: ["E", "C", "A", "B", "D"]),
    ("terms typed on a keyboard", lambda a: {"Fécond": "E", "SCRUTER": "C", "pourvu  que": "A",
                                             "mettre en oeuvre": "B", "voies-et-moyens": "D"}),
]
MATCHING_WRONG = [
    ("« fécond » with the meaning that fits no term", lambda a: {**solution_value("matched"), "fécond": "F"},
     "fécond"),
    ("the lesson's pairs", lambda a: {"homologue": "D", "défi": "C", "menace": "E", "quant à": "A", "au-delà": "B"},
     "dict"),
    ("one letter for two terms", lambda a: {**solution_value("matched"), "scruter": "E"}, "same letter"),
    ("a letter beyond the clues", lambda a: {**solution_value("matched"), "voies et moyens": "G"}, "letters A to F"),
    ("two meanings swapped", lambda a: {**solution_value("matched"), "pourvu que": "B", "mettre en œuvre": "A"},
     "pourvu que"),
    ("a term left out", lambda a: {k: v for k, v in solution_value("matched").items() if k != "scruter"}, "scruter"),
]

# =========================================================================== graded: gap-fill
GAP_FILL_RIGHT = [
    ("the solution", lambda a: solution_value("gap_words")),
    ("a list, capitals and keyboard typing", lambda a: ["Extrémisme violent", "trafics illicites", "groupes armés",
                                                          "stabilité", "tiennent à coeur", "autorités"]),
    ("each word with the small word before it",
     lambda a: {1: "l'extrémisme violent", 2: "les trafics illicites", 3: "les groupes armés", 4: "la stabilité",
                5: "tiennent à cœur", 6: "les Autorités"}),
    ("string keys", lambda a: {str(k): v for k, v in solution_value("gap_words").items()}),
    ("a pandas Series", lambda a: pd.Series(solution_value("gap_words"))),
]
GAP_FILL_WRONG = [
    ("the dictionary form of a verb", lambda a: {**solution_value("gap_words"), 5: "tenir à cœur"}, "right form"),
    ("a word of the list in the wrong blank", lambda a: {**solution_value("gap_words"), 3: "réseaux criminels"},
     "Blank 3"),
    ("an accent missing", lambda a: {**solution_value("gap_words"), 4: "stabilite"}, "accents"),
    ("the lesson's words", lambda a: {1: "insécurité", 2: "de part et d’autre", 3: "frontière", 4: "résilience",
                                      5: "vaillance", 6: "décennie"}, "blank 1"),
    ("a blank left empty", lambda a: {k: v for k, v in solution_value("gap_words").items() if k != 6},
     "Blank 6 is empty"),
    ("a synonym that is not in the list", lambda a: {**solution_value("gap_words"), 2: "trafics illégaux"}, "Blank 2"),
    ("the GapFill itself", lambda a: ak.vocabulary.gap_fill(a, sentences=[9, 13], distractors=2), "dict"),
]

# =========================================================================== graded: press review
BASE = ("Le 6 février 2025, dans la rubrique Défense & Sécurité, Sekou Mama Traoré rend compte de la visite de trois "
        "jours que le ministre sénégalais des Forces armées, Birame Diop, a faite au Mali. Les deux voisins veulent "
        "lutter ensemble contre le terrorisme et faire vivre leur accord de 2021. Le Sénégal salue le courage des "
        "soldats maliens. ")
QUOTE_CAMARA = ("Son homologue malien, le général Sadio Camara, rappelle que son pays a quitté la CEDEAO mais reste "
                "ouvert, et conclut : « nous agirons ensemble ».")
PRESS_REVIEW_RIGHT = [
    ("the solution", lambda a: solution_value("press_review")),
    ("a quotation closed by an incise", lambda a: BASE + "« Nous devons coopérer », souligne le ministre malien, qui "
                                                         "pose ses conditions : que chacun respecte sa souveraineté."),
    ("the Senegalese minister quoted, « d’après », the date in figures, the rubric with « et »",
     lambda a: ("Article du 06/02/2025, rubrique Défense et Sécurité : d’après son auteur, le ministre sénégalais "
                "Birame Diop est venu au Mali pour trois jours. Le ministre sénégalais explique qu’il faut « mieux "
                "faire face aux défis sécuritaires » et rendre enfin concret l’accord-cadre de 2021. Le ministre "
                "malien, Sadio Camara, accepte de coopérer si ses partenaires respectent les choix du Mali.")),
    ("the speaker named in the sentence before (« Il conclut »)",
     lambda a: BASE + "Son homologue malien, le général Sadio Camara, rappelle que son pays a quitté la CEDEAO mais "
                      "reste ouvert. Il conclut : « nous agirons ensemble »."),
]
PRESS_REVIEW_WRONG = [
    ("the lesson's example", lambda a: R._fiche("lesson")["press_review"]["model"], "own press review"),
    ("no quotation", lambda a: BASE + QUOTE_CAMARA.replace(" et conclut : « nous agirons ensemble »", ""),
     "quote one of the ministers"),
    ("the quotation given to the wrong minister",
     lambda a: BASE + "Birame Diop rappelle que le Mali est sorti de la CEDEAO mais reste ouvert, et conclut : "
                      "« nous agirons ensemble ».", "Who says"),
    ("the quotation changed", lambda a: BASE + QUOTE_CAMARA.replace("nous agirons ensemble", "nous agirons tous ensemble"),
     "exact words"),
    ("in English", lambda a: ("On 6 February 2025, in the Défense & Sécurité rubric, Sekou Mama Traoré reports that "
                              "Senegal's minister Birame Diop visited Mali for three days. Both countries want to fight "
                              "terrorism together, he says, and to apply their 2021 agreement. Mali's minister Sadio "
                              "Camara answers that Mali left ECOWAS but stays open: « nous agirons ensemble »."),
     "French"),
    ("too long", lambda a: BASE + BASE.replace("Le 6 février 2025, dans", "Dans") + QUOTE_CAMARA, "between 60 and 100"),
    ("a sentence of the article copied", lambda a: BASE.replace("Le Sénégal salue le courage des soldats maliens. ",
                                                                a.sentences[17].text + " ") + QUOTE_CAMARA, "copy"),
    ("no date", lambda a: BASE.replace("Le 6 février 2025, dans", "Dans") + QUOTE_CAMARA, "when"),
    ("a « nous » of the reviewer's own", lambda a: BASE.replace("Les deux voisins veulent", "Nous voulons")
     + QUOTE_CAMARA, "Who is speaking"),
]

GRADED = {
    "true_false": (TRUE_FALSE_RIGHT, TRUE_FALSE_WRONG),
    "who_said": (WHO_SAID_RIGHT, WHO_SAID_WRONG),
    "matching": (MATCHING_RIGHT, MATCHING_WRONG),
    "gap_fill": (GAP_FILL_RIGHT, GAP_FILL_WRONG),
    "press_review": (PRESS_REVIEW_RIGHT, PRESS_REVIEW_WRONG),
}
#: Checks judged against the teacher's key (the press review is judged by its rules alone).
KEYED = ("true_false", "who_said", "matching", "gap_fill")


def graded_cases(kind):
    index = 0 if kind == "right" else 1
    return [pytest.param(name, row, id=f"{name}|{row[0]}") for name, tables in GRADED.items()
            for row in tables[index]]


@pytest.fixture(params=["with the key", "learner's copy"])
def mode(request, monkeypatch):
    if request.param == "learner's copy":
        monkeypatch.setenv(keys.ENV, "")
        assert keys.key_dir() is None
    return request.param


@pytest.mark.parametrize("name,row", graded_cases("right"))
def test_graded_right_answers_pass(name, row, article, mode):
    result = run_check(getattr(R, name), row[1](article), article=article, strict=True)
    assert result.ok, (row[0], mode, result.hints)


@pytest.mark.parametrize("name,row", graded_cases("wrong"))
def test_graded_wrong_answers_fail_with_a_question(name, row, article, mode):
    description, make, fragment = row
    result = run_check(getattr(R, name), make(article), article=article, strict=True)
    assert result.status == "failed", (description, mode)
    assert "?" in result.hint(1), (description, mode, result.hint(1))
    if mode == "with the key" or name not in KEYED:
        assert fragment in " ".join(result.hints), (description, result.hints)
    assert all(isinstance(h, Message) for h in result.hints), (description, result.hints)


def test_without_the_key_hints_say_why_they_are_general(article, monkeypatch):
    monkeypatch.setenv(keys.ENV, "")
    wrong = {"true_false": {**solution_value("true_false"), 4: ("faux", 14)},
             "who_said": {**solution_value("who_said"), "C": "Camara"},
             "matching": {**solution_value("matched"), "fécond": "F"}}
    for name, answer in wrong.items():
        hint = run_check(getattr(R, name), answer, article=article, strict=True).hint(1)
        assert "teacher's key" in hint and "?" in hint, (name, hint)
    # shape questions are asked all the same
    assert "dict" in run_check(R.who_said, {"Diop"}, article=article).hint(1)


def test_graded_hints_never_give_the_keys_answer(article):
    k = key()
    # a wrong speaker: the right one is not named
    for letter, item in zip("ABCDEF", k["who_said"]):
        answer = {**solution_value("who_said"), letter: "personne"}
        said = " ".join(run_check(R.who_said, answer, article=article).hints)
        assert item["speaker"].split()[-1].lower() not in said.lower(), (letter, said)
    # a wrong word: the blank's word is not given
    for number, words in k["gap_fill"].items():
        answer = {**solution_value("gap_words"), int(number): "courage"}
        said = " ".join(run_check(R.gap_fill, answer, article=article).hints)
        assert all(w.lower() not in said.lower() for w in words), (number, said)
    # a wrong pair: the right letter or clue is not given
    exercise = R._assignment_matching()
    for term, clue in k["matching"].items():
        answer = {**solution_value("matched"), term: "F"}
        said = " ".join(run_check(R.matching, answer, article=article).hints)
        assert clue not in said and f"« {exercise.letters[exercise.clues.index(clue)]} »" not in said
    # a wrong statement: the sentences that justify it are not given
    for item in k["true_false"]:
        wrong = "faux" if item["answer"] != "faux" else "vrai"
        said = " ".join(run_check(R.true_false, {**solution_value("true_false"), item["number"]: (wrong, 0)},
                                  article=article).hints)
        assert not any(re.search(rf"\bsentence {i}\b", said) for i in item["sentences"]), said


# =========================================================================== the lesson's Try-it checks
TRY_RIGHT = {
    "try_anticipation": [
        lambda a: {"hypothèses": ["Je pense que les deux ministres de la Défense se rencontrent.",
                                  "L’article va expliquer comment les deux armées vont lutter contre le terrorisme."],
                   "mots": ["terrorisme", "frontière", "armée"]},
        lambda a: {"Hypotheses": ("Les deux pays vont signer un accord contre les djihadistes.",
                                  "Un ministre va parler de la frontière commune."),
                   "MOTS": {"accord", "djihadistes", "frontière", "Sahel"}},
        lambda a: {"hypothèses": ["On va lire que les armées vont faire des exercices ensemble.",
                                  "Je crois que le journaliste cite les ministres."],
                   "mots": pd.Series(["exercices", "soldats", "coopération"])},
    ],
    "try_true_false": [
        lambda a: {1: ("vrai", 6), 2: ("faux", 0), 3: "on ne sait pas", 4: ("vrai", 4)},
        lambda a: {1: ("V", a.sentences[6].text.replace("’", "'")), 2: ("F", "sa délégation en visite de 72 heures"),
                   3: None, 4: (True, a.sentences[4])},
        lambda a: [("vrai", index_of(a, "Forces Armée")), ("faux", index_of(a, "motivations profondes")),
                   ("on ne sait pas", None), ("vrai", np.int64(index_of(a, "devise")))],
    ],
    "try_who_said": [
        lambda a: {"A": "Birame Diop", "B": "le ministre malien", "C": "personne", "D": "le journaliste"},
        lambda a: {"a": "DIOP", "b": "le Général", "c": None, "d": "Sekou Mama Traoré"},
        lambda a: ["le ministre sénégalais", "Sadio CAMARA", "la devise, personne", "l’auteur"],
    ],
    "try_matching": [
        lambda a: {"homologue": "D", "défi": "C", "menace": "E", "quant à": "A", "au-delà": "B"},
        lambda a: ["d", "c", "e", "a", "b"],
        lambda a: {1: "counterpart", 2: "challenge", 3: "threat", 4: "as for", 5: "beyond, further"},
    ],
    "try_gap_fill": [
        lambda a: {1: "insécurité", 2: "de part et d’autre", 3: "frontière", 4: "résilience", 5: "vaillance",
                   6: "décennie"},
        lambda a: ["l'insécurité", "de part et d'autre", "la frontière", "Résilience", "VAILLANCE", "une décennie"],
        lambda a: pd.Series({"1": "insécurité", "2": "de part et d autre", "3": "frontière", "4": "résilience",
                             "5": "vaillance", "6": "décennie"}),
    ],
    "try_press_review": [
        lambda a: R._fiche("lesson")["press_review"]["model"],
        lambda a: BASE + "Selon le ministre malien, le pays reste ouvert à ses partenaires s’ils respectent sa "
                         "souveraineté.",
        lambda a: BASE.replace("Sekou Mama Traoré", "un journaliste").replace("Défense & Sécurité", "défense et sécurité")
        + "Le ministre malien affirme que son pays coopère avec qui respecte ses choix.",
    ],
}
TRY_WRONG = {
    "try_anticipation": [
        (lambda a: {"hypothèses": [a.title, "Ils vont signer un accord."], "mots": ["accord", "armée", "ministre"]},
         "more than the title"),
        (lambda a: {"hypothèses": ["The two armies will train together.", "Ministers will talk about terrorism."],
                    "mots": ["terrorisme", "armée", "frontière"]}, "French"),
        (lambda a: {"hypothèses": ["Je pense que les deux armées vont s’entraîner ensemble.",
                                   "Les ministres vont parler du terrorisme."], "mots": ["Mali", "Sénégal", "coopération"]},
         "in the title"),
        (lambda a: "Je pense que les ministres vont parler.", "dict"),
    ],
    "try_true_false": [
        (lambda a: {1: ("vrai", 6), 2: ("faux", 0), 3: ("faux", 10), 4: ("vrai", 4)}, "Statement 3"),
        (lambda a: {1: ("vrai", 6), 2: ("vrai", 0), 3: "on ne sait pas", 4: ("vrai", 4)}, "Statement 2"),
        (lambda a: {1: "vrai", 2: ("faux", 0), 3: "on ne sait pas", 4: ("vrai", 4)}, "which sentence"),
        (lambda a: {1: ("vrai", 7), 2: ("faux", 1), 3: "on ne sait pas", 4: ("vrai", 5)}, "from 1"),
    ],
    "try_who_said": [
        (lambda a: {"A": "Camara", "B": "le ministre malien", "C": "personne", "D": "le journaliste"}, "Excerpt A"),
        (lambda a: {"A": "Diop", "B": "Camara", "C": "le Mali et le Sénégal", "D": "le journaliste"}, "country"),
        (lambda a: {"A": "le ministre", "B": "Camara", "C": "personne", "D": "le journaliste"}, "either"),
        (lambda a: {"A": "Diop", "B": "Camara", "C": "personne", "D": "Diop"}, "Excerpt D"),
    ],
    "try_matching": [
        (lambda a: ["D", "C", "E", "B", "A"], "quant à"),
        (lambda a: {"homologue": "D", "défi": "D", "menace": "E", "quant à": "A", "au-delà": "B"}, "same letter"),
        (lambda a: {"homologue": "D"}, "défi"),
    ],
    "try_gap_fill": [
        (lambda a: ["insécurité", "de part et d’autre", "frontière", "résilience", "vaillance", "décennies"],
         "right form"),
        (lambda a: ["insécurité", "de part et d’autre", "frontière", "vaillance", "résilience", "décennie"], "Blank 4"),
        (lambda a: ["insecurite", "de part et d’autre", "frontière", "résilience", "vaillance", "décennie"], "accents"),
        (lambda a: ["insécurité"], "Blank 2 is empty"),
    ],
    "try_press_review": [
        (lambda a: BASE, "between 60 and 100"),
        (lambda a: BASE.replace("Sekou Mama Traoré", "X").replace("rubrique Défense & Sécurité", "presse")
         + "Selon le ministre malien, le pays reste ouvert à ses partenaires.", "source"),
        (lambda a: BASE.replace("Le Sénégal salue", "Le journal dit que le Sénégal salue") + " " * 0
         + "Le ministre malien veut des partenaires qui respectent son pays.", None),
        (lambda a: BASE.replace(" et faire vivre leur accord de 2021", "").replace("Le Sénégal salue le courage des "
                                                                                   "soldats maliens. ", "")
         .replace("rend compte de", "présente") + "Le Mali veut toujours des partenaires, mais il pose ses conditions "
                                                  "et garde ses choix stratégiques pour lui. Les deux pays partagent "
                                                  "une longue frontière et une même devise.", "introduces speech"),
    ],
}


def try_cases(table):
    return [pytest.param(name, i, id=f"{name}-{i}") for name, rows in table.items() for i in range(len(rows))]


@pytest.mark.parametrize("name,i", try_cases(TRY_RIGHT))
def test_try_it_right_answers_pass(name, i, article):
    result = run_check(getattr(R, name), TRY_RIGHT[name][i](article), article=article, strict=True)
    assert result.ok, (name, i, result.hints)


@pytest.mark.parametrize("name,i", try_cases(TRY_WRONG))
def test_try_it_wrong_answers_fail_with_a_question(name, i, article):
    make, fragment = TRY_WRONG[name][i]
    result = run_check(getattr(R, name), make(article), article=article, strict=True)
    if fragment is None:      # a press review with a reporting verb only in « le journal dit »: it passes
        assert result.ok, result.hints
        return
    assert result.status == "failed", (name, i)
    assert "?" in result.hint(1), (name, i, result.hint(1))
    assert fragment in " ".join(result.hints), (name, i, result.hints)
    assert all(isinstance(h, Message) for h in result.hints)


def test_the_checks_speak_french_when_the_lesson_does(article):
    check = ak.checks.lesson("01-reading", article=article, lang="fr")
    result = check.result("try_gap_fill", ["insécurité"])
    line = result.message("try_gap_fill", lang="fr")
    assert line.startswith("❌ try_gap_fill") and isinstance(result.hints[0], Message)
    assert result.hints[0].msgid == "Did you fill every blank (1 to {n})? Blank {i} is empty."


# =========================================================================== who says what, by the kit itself
def test_the_speaker_names_learners_write(article):
    cases = {
        "host": ["Sadio Camara", "CAMARA", "le ministre malien", "le Général", "le Ministre de la Défense",
                 "son homologue Malien", "la partie malienne", "le général Sadio Camara"],
        "guest": ["Birame Diop", "DIOP", "le ministre sénégalais", "le Ministre des Forces armées",
                  "son homologue sénégalais", "Birame Diop, le ministre sénégalais"],
        "journalist": ["le journaliste", "Sekou Mama Traoré", "SEKOU MAMA TRAORE", "l'auteur", "le journal"],
        "nobody": ["personne", None, "—", "", "la devise", "aucun"],
        "country": ["le Mali", "Mali", "le Sénégal", "le Mali et le Sénégal"],
        "ambiguous": ["le ministre", "son homologue", "la délégation"],
        "both": ["Camara et Diop", "les deux ministres, malien et sénégalais"],
        "unknown": ["les deux pays", "Macky Sall", 42],
    }
    for role, names in cases.items():
        for name in names:
            assert R._speaker_role(name) == role, (name, role, R._speaker_role(name))


def test_the_keys_speakers_are_those_of_the_quotations(article):
    # the teacher's key agrees with the kit's own reading of the article (the quotation that holds each excerpt)
    quotes = ak.extract_quotes(article)
    items = R._fiche("assignment")["who_said"]
    for item, answer in zip(items, key()["who_said"]):
        at = ak.find_forms(article, item["excerpt"])[0][0]
        holder = [q for q in quotes if q.start <= at < q.end]
        found = R._speaker_role(holder[0].speaker) if holder else "journalist"
        assert found == R._speaker_role(answer["speaker"]), item


# =========================================================================== items, keys and digests in step
def test_the_shipped_digests_are_those_of_the_key(article):
    stem = R._digest_stem(article)
    shipped = json.loads(keys.digest_file(stem).read_text(encoding="utf-8"))["digests"]
    assert shipped == R._expected_fiche_digests(article), (
        "digests out of date; run: .venv/bin/python -m articlekit.checks.reading")


def test_the_key_stays_with_the_teacher():
    package = ROOT / "src" / "articlekit"
    assert (ROOT / "teacher" / "keys" / "reading-fiche.json").is_file()
    assert not list(package.rglob("reading-fiche.json"))
    shipped = (package / "data" / "fiche" / "reading-assignment.json").read_text(encoding="utf-8")
    for item in key()["who_said"]:
        assert item["speaker"] not in shipped
    for item in json.loads(shipped)["true_false"] + json.loads(shipped)["who_said"]:
        assert set(item) <= {"number", "statement", "letter", "excerpt"}, item


def test_the_lesson_and_the_assignment_show_the_items_the_checks_judge(article):
    lesson_md, solution_md = LESSON_MD.read_text(encoding="utf-8"), SOLUTION_MD.read_text(encoding="utf-8")
    lesson, assignment = R._fiche("lesson"), R._fiche("assignment")
    for md, items in ((lesson_md, lesson), (solution_md, assignment)):
        for item in items["true_false"]:
            assert f"{item['number']}. « {item['statement']} »" in md, item
        for item in items["who_said"]:
            assert f"**{item['letter']}.** « {item['excerpt']} »" in md, item
            assert ak.find_forms(article, item["excerpt"]), item
    assert "gap_fill(article, sentences=[2, 6], distractors=1)" in lesson_md
    assert lesson["gap_fill"] == {"sentences": [2, 6], "distractors": 1}
    assert "gap_fill(article, sentences=[9, 13], distractors=2)" in solution_md
    assert assignment["gap_fill"] == {"sentences": [9, 13], "distractors": 2}
    assert f"matching(terms={json.dumps(lesson['matching']['terms'], ensure_ascii=False)})" in lesson_md
    shown = re.search(r"vocab = ak\.vocabulary\.matching\((.*?)\)\nvocab", solution_md, re.S).group(1)
    scope = {}
    exec(f"args = dict({shown})", scope)
    assert scope["args"] == assignment["matching"]


def test_the_key_agrees_with_the_exercises(article):
    k = key()
    gaps = R._assignment_gap_fill(article)
    assert {int(n): tuple(w) for n, w in k["gap_fill"].items()} == {b.number: (b.text,) for b in gaps.blanks}
    exercise = R._assignment_matching()
    assert list(k["matching"]) == list(exercise.terms)
    assert set(k["matching"].values()) < set(exercise.clues)          # one clue fits no term
    assert [item["number"] for item in k["true_false"]] == [i["number"] for i in R._fiche("assignment")["true_false"]]
    for item in k["true_false"]:
        assert all(0 <= i < len(article.sentences) for i in item["sentences"])
        assert (item["answer"] == "on ne sait pas") == (not item["sentences"])
    assert [item["letter"] for item in k["who_said"]] == [i["letter"] for i in R._fiche("assignment")["who_said"]]


def test_the_assignment_uses_other_items_than_the_lesson(article):
    lesson, assignment = R._fiche("lesson"), R._fiche("assignment")
    assert not {i["statement"] for i in lesson["true_false"]} & {i["statement"] for i in assignment["true_false"]}
    assert not {i["excerpt"] for i in lesson["who_said"]} & {i["excerpt"] for i in assignment["who_said"]}
    assert not set(lesson["gap_fill"]["sentences"]) & set(assignment["gap_fill"]["sentences"])
    assert not set(lesson["matching"]["terms"]) & set(assignment["matching"]["terms"])
    lesson_blanks = {b.term for b in R._lesson_gap_fill(article).blanks}
    assert not lesson_blanks & {b.term for b in R._assignment_gap_fill(article).blanks}
    # the lesson's justifying sentences are not the assignment's
    taught = {i for item in lesson["true_false"] for i in item["sentences"]}
    assert not taught & {i for item in key()["true_false"] for i in item["sentences"]}


def test_the_lessons_worked_press_review_is_the_one_the_graded_check_refuses(article):
    model = R._fiche("lesson")["press_review"]["model"]
    shown = re.search(r"<summary>One press review.*?</summary>\n\n« (.*?) »\n\n</details>",
                      LESSON_MD.read_text(encoding="utf-8"), re.S).group(1)
    assert " ".join(shown.split()) == model
    assert run_check(R.try_press_review, model, article=article).ok
    assert not run_check(R.press_review, model, article=article).ok


def test_teacher_notes_stay_out_of_the_learners_copy():
    import nbformat

    from articlekit.classroom.generate import TEACHER_NOTE, exercise_notebook

    solution = nbformat.read(ROOT / "solutions" / "01-reading.ipynb", as_version=4)
    notes = [c for c in solution.cells if TEACHER_NOTE in c.metadata.get("tags", [])]
    assert len(notes) >= 15
    assert any(c.source.startswith("## Teacher notes for the lesson") for c in notes)
    learner = exercise_notebook(solution, name="01-reading.ipynb")
    text = "\n".join(c.source for c in learner.cells)
    assert "Teacher note —" not in text and "These notes answer" not in text and "Model answer" not in text
    assert "Commentaire du professeur / Teacher's comment" in text
    assert learner.cells[-1].source.startswith("## Key points")


def test_every_discussion_prompt_of_the_assignment_has_a_teacher_note():
    import nbformat

    solution = nbformat.read(ROOT / "solutions" / "01-reading.ipynb", as_version=4)
    cells = solution.cells
    for i, cell in enumerate(cells):
        if cell.cell_type == "markdown" and "To discuss" in cell.source:
            after = cells[i + 1]
            assert "teacher-note" in after.metadata.get("tags", []), cell.source[:60]
    graded_open = ["q-press-review"]
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in cells]
    for gid in graded_open:
        i = ids.index(gid)
        assert "teacher-note" in cells[i + 1].metadata.get("tags", []), gid
