"""Lesson 2's fiche: tables of answers written as learners write them, for every new self-check.

Right answers by different routes must pass; wrong and plausible-wrong ones must fail with a
question (the fragment says which).  The graded checks of the assignment are judged here with
the teacher's keys (a teacher's checkout), and again without them, by the shipped digests.
``tests/test_adversarial.py`` counts these tables for the graded checks (its ``ELSEWHERE``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import articlekit as ak
from articlekit import keys, reported
from articlekit.checks import annotating as A
from articlekit.checks import run_check
from articlekit.i18n import Message

ROOT = Path(__file__).resolve().parents[1]


def quotes_by(article, kinds=("direct", "partial", "indirect")):
    out = {}
    for q in ak.extract_quotes(article):
        if q.speaker and q.kind in kinds:
            out[q.speaker] = out.get(q.speaker, 0) + ak.count_words(q.text)
    return out


def spaces_by(article, kinds=("direct", "partial", "indirect")):
    out = {}
    for q in ak.extract_quotes(article):
        if q.speaker and q.kind in kinds:
            out[q.speaker] = out.get(q.speaker, 0) + len(q.text.split())
    return out


# -- mise en route: who speaks, and how much? ---------------------------------------------
TRY_VOICES_RIGHT = [
    ("the kit's word count", lambda a: quotes_by(a)),
    ("split on spaces", lambda a: spaces_by(a)),
    ("surnames in capitals", lambda a: {k.split()[-1].upper(): v for k, v in quotes_by(a).items()}),
    ("a Counter, off by two", lambda a: __import__("collections").Counter({k: v + 2 for k, v in quotes_by(a).items()})),
]
TRY_VOICES_WRONG = [
    ("direct quotations only", lambda a: quotes_by(a, ("direct",)), "Did you count every"),
    ("one speaker only", lambda a: {"Sadio Camara": quotes_by(a)["Sadio Camara"]}, "one entry each"),
    ("the number of quotations", lambda a: {"Sadio Camara": 3, "Birame Diop": 3}, "Did you count every"),
    ("a list of names", lambda a: ["Sadio Camara", "Birame Diop"], "dict"),
    ("the journalist counted too", lambda a: dict(quotes_by(a), **{"Sekou Mama Traoré": 300}), "one entry each"),
]

DIRECT_VOICES_RIGHT = [
    ("the kit's word count", lambda a: quotes_by(a, ("direct",))),
    ("split on spaces", lambda a: spaces_by(a, ("direct",))),
    ("surnames only", lambda a: {k.split()[-1]: v for k, v in quotes_by(a, ("direct",)).items()}),
    ("one word off", lambda a: {k: v - 1 for k, v in quotes_by(a, ("direct",)).items()}),
]
DIRECT_VOICES_WRONG = [
    ("every kind counted (the lesson's figure)", lambda a: quotes_by(a), "only the direct"),
    ("the number of direct quotations", lambda a: {"Sadio Camara": 2, "Birame Diop": 1}, "Did you count every"),
    ("speakers swapped", lambda a: {"Sadio Camara": quotes_by(a, ("direct",))["Birame Diop"],
                                    "Birame Diop": quotes_by(a, ("direct",))["Sadio Camara"]}, "?"),
    ("a string", lambda a: "Sadio Camara", "dict"),
]

# -- compréhension: how is each quotation framed? -------------------------------------------
def framing(article):
    return [(q.kind, q.speaker) for q in ak.extract_quotes(article)]


TRY_FRAMING_RIGHT = [
    ("pairs from the rules", framing),
    ("lists, surnames in capitals", lambda a: [[k, s.split()[-1].upper() if s else None] for k, s in framing(a)]),
    ("dicts", lambda a: [{"kind": k.upper(), "speaker": s} for k, s in framing(a)]),
]
TRY_FRAMING_WRONG = [
    ("the indirect ones left out", lambda a: [x for x in framing(a) if x[0] != "indirect"], "without guillemets"),
    ("the first indirect one called partial",
     lambda a: [("partial", s) if i == 2 else (k, s) for i, (k, s) in enumerate(framing(a))], "quotation 3"),
    ("the last one given to Birame Diop",
     lambda a: framing(a)[:-1] + [("indirect", "Birame Diop")], "Who says quotation 7"),
    ("kinds only", lambda a: [k for k, _ in framing(a)], "pairs"),
    ("a kind in French", lambda a: [("directe", s) for _, s in framing(a)], "four kinds"),
]

# -- langue (a): introducing verbs ---------------------------------------------------------
ARTICLE_VERBS = {"a rendu « hommage »": "évaluatif", "poursuit": "neutre", "explique": "neutre",
                 "souligne": "neutre", "a dit": "neutre"}
TRY_REPORTING_VERBS_RIGHT = [
    ("as the article writes them", lambda a: dict(ARTICLE_VERBS)),
    ("infinitives, English class names",
     lambda a: {"rendre hommage": "evaluative", "poursuivre": "neutral", "expliquer": "neutral",
                "souligner": "neutral", "dire": "neutral"}),
    ("mixed forms and capitals",
     lambda a: {"Rend hommage": "Évaluatif", "poursuivre": "NEUTRE", "a expliqué": "neutre",
                "a souligné": "neutre", "dit": "neutre"}),
]
TRY_REPORTING_VERBS_WRONG = [
    ("the tribute taken for neutral", lambda a: dict(ARTICLE_VERBS, **{"a rendu « hommage »": "neutre"}),
     "Which of your classes"),
    ("souligner taken for evaluative", lambda a: dict(ARTICLE_VERBS, souligne="évaluatif"), "Which of your classes"),
    ("every verb neutral", lambda a: {k: "neutre" for k in ARTICLE_VERBS}, "Which of your classes"),
    ("the partial quotation's verb left out", lambda a: {k: v for k, v in ARTICLE_VERBS.items() if "rendu" not in k},
     "missing"),
    ("a verb that introduces nothing", lambda a: dict(ARTICLE_VERBS, **{"a rencontré": "neutre"}), "rencontrer"),
    ("a third class", lambda a: dict(ARTICLE_VERBS, souligne="positif"), "two classes"),
    ("a list of verbs", lambda a: list(ARTICLE_VERBS), "dict"),
]

REVIEW_VERBS = {"a indiqué": "neutre", "a fustigé": "évaluatif", "s’est félicitée": "évaluatif",
                "a précisé": "neutre", "dénoncent": "évaluatif", "a ajouté": "neutre", "prétend": "évaluatif"}
REPORTING_VERBS_RIGHT = [
    ("as the review writes them", lambda a: dict(REVIEW_VERBS)),
    ("infinitives", lambda a: {"indiquer": "neutre", "fustiger": "évaluatif", "se féliciter": "évaluatif",
                               "préciser": "neutre", "dénoncer": "évaluatif", "ajouter": "neutre",
                               "prétendre": "évaluatif"}),
    ("present tense, English classes", lambda a: {"indique": "neutral", "fustige": "evaluative",
                                                  "se félicite": "evaluative", "précise": "neutral",
                                                  "dénonce": "evaluative", "ajoute": "neutral",
                                                  "prétend": "evaluative"}),
]
REPORTING_VERBS_WRONG = [
    ("prétendre taken for neutral", lambda a: dict(REVIEW_VERBS, prétend="neutre"), "Which of your classes"),
    ("the lesson's verbs", lambda a: dict(ARTICLE_VERBS), "introduce someone's words"),
    ("a verb missing", lambda a: {k: v for k, v in REVIEW_VERBS.items() if k != "a ajouté"}, "missing"),
    ("every verb évaluatif", lambda a: {k: "évaluatif" for k in REVIEW_VERBS}, "Which of your classes"),
    ("a noun for a verb", lambda a: dict(REVIEW_VERBS, **{"la réouverture": "neutre"}), "?"),
]

# -- langue (b): direct → indirect speech ---------------------------------------------------
INDIRECT_TRY_RIGHT = [
    ("passé composé", lambda a: "Sadio Camara a déclaré que les deux pays devaient coopérer en scrutant leur accord "
                                "de coopération existant."),
    ("présent", lambda a: "Le ministre malien affirme que les deux pays doivent coopérer en scrutant leur accord de "
                          "coopération existant."),
    ("selon", lambda a: "Selon lui, le Mali et le Sénégal doivent coopérer en scrutant leur accord de coopération "
                        "existant."),
    ("incise", lambda a: "Les deux pays devaient coopérer en scrutant leur accord de coopération existant, a-t-il "
                         "souligné."),
]
INDIRECT_TRY_WRONG = [
    ("nous kept", lambda a: "Sadio Camara a déclaré que nous devions coopérer en scrutant notre accord de coopération "
                            "existant.", "Who is « nous »"),
    ("tense kept", lambda a: "Sadio Camara a déclaré que les deux pays doivent coopérer en scrutant leur accord de "
                             "coopération existant.", "which tense"),
    ("guillemets kept", lambda a: "Sadio Camara a déclaré : « Nous devons coopérer en scrutant notre accord de "
                                  "coopération existant ».", "guillemets"),
    ("no que", lambda a: "Sadio Camara a déclaré les deux pays devaient coopérer en scrutant leur accord de "
                         "coopération existant.", "joins"),
    ("not a str", lambda a: ["Sadio Camara a déclaré que les deux pays devaient coopérer."], "str"),
]
INDIRECT_RIGHT = [
    ("passé composé", lambda a: "Birame Diop a affirmé que c'était le but de cette visite qui, il en était assuré, "
                                "leur permettrait de trouver les voies et moyens de mettre en œuvre pleinement "
                                "l'accord cadre de 2021."),
    ("se dire assuré", lambda a: "Birame Diop s'est dit assuré que cette visite leur permettrait de trouver les voies "
                                 "et moyens de mettre pleinement en œuvre l'accord cadre de 2021."),
    ("présent", lambda a: "Le ministre sénégalais affirme que c'est le but de cette visite, qui, il en est assuré, "
                          "leur permettra de trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021."),
    ("selon, conditionnel", lambda a: "Selon Birame Diop, cette visite devrait permettre aux deux pays de trouver les "
                                      "voies et moyens de mettre en œuvre l'accord cadre de 2021."),
    ("incise", lambda a: "C'était le but de cette visite qui, il en était assuré, leur permettrait de trouver les "
                         "voies et moyens de mettre en œuvre l'accord cadre de 2021, a expliqué Birame Diop."),
]
INDIRECT_WRONG = [
    ("the lesson's Try it", lambda a: INDIRECT_TRY_RIGHT[0][1](a), "quotation of the exercise"),
    ("futur kept", lambda a: "Birame Diop a affirmé que c'était le but de cette visite qui, il en était assuré, leur "
                             "permettra de trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.",
     "« permettra »"),
    ("présent kept", lambda a: "Birame Diop a affirmé que c'est le but de cette visite qui, il en est assuré, leur "
                               "permettrait de trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.",
     "« est »"),
    ("nous kept", lambda a: "Birame Diop a affirmé que c'était le but de cette visite qui, il en était assuré, nous "
                            "permettrait de trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.",
     "Who is « nous »"),
    ("je kept", lambda a: "Birame Diop a affirmé que c'était le but de cette visite qui, j'en étais assuré, leur "
                          "permettrait de trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.",
     "Who is « j'"),
    ("elle for the minister", lambda a: "Birame Diop a affirmé que c'était le but de cette visite qui, elle en était "
                                        "assurée, leur permettrait de trouver les voies et moyens de mettre en œuvre "
                                        "l'accord cadre de 2021.", "a man or a woman"),
    ("the wrong minister", lambda a: "Sadio Camara a affirmé que c'était le but de cette visite qui, il en était "
                                     "assuré, leur permettrait de trouver les voies et moyens de mettre en œuvre "
                                     "l'accord cadre de 2021.", "Who said these words"),
    ("a negation added", lambda a: "Birame Diop a affirmé que c'était le but de cette visite qui, il en était assuré, "
                                   "ne leur permettrait pas de trouver les voies et moyens de mettre en œuvre "
                                   "l'accord cadre de 2021.", "negation"),
]
REPLY_TRY_RIGHT = [
    ("a trader at Kidira, passé composé",
     "Je m'appelle Aminata, je suis commerçante à Kidira, au bord de la Falémé. Le ministre Birame Diop a déclaré que "
     "les deux pays étaient condamnés à renforcer leur coopération militaire contre le terrorisme. Je veux bien le "
     "croire, mais nous, les habitants de la frontière, personne ne nous a demandé notre avis. Les camions attendent "
     "des heures au poste de Diboli et nos enfants traversent le fleuve chaque jour pour aller à l'école. Une "
     "coopération utile, pour nous, c'est d'abord une frontière où l'on circule sans peur et sans racket."),
    ("a fisherman at Bakel, selon",
     "Je suis pêcheur à Bakel depuis trente ans. Selon le ministre sénégalais Birame Diop, la lutte contre le "
     "terrorisme et la criminalité transfrontalière nécessite la mutualisation de nos efforts. Moi, je vois surtout "
     "des patrouilles qui passent sans s'arrêter et des pêcheurs qui ont peur de sortir la nuit. Nous ne sommes pas "
     "contre la coopération, au contraire : nous la vivons tous les jours, avec nos cousins de l'autre rive. Mais "
     "qu'on nous parle enfin de nos filets, de nos pirogues et de nos marchés."),
    ("a teacher at Kayes, present introducer",
     "Je suis enseignante à Kayes, à quelques kilomètres de la frontière. Le ministre Birame Diop affirme que les "
     "deux pays peuvent approfondir leur coopération militaire pour faire face aux défis sécuritaires. C'est une "
     "bonne nouvelle, mais la sécurité ne se résume pas aux armées. Dans ma classe, des élèves viennent du Sénégal "
     "et rentrent chez eux chaque soir. Nous voulons des routes sûres, des écoles ouvertes et des postes de "
     "frontière où l'on respecte les voyageurs. Voilà la coopération que j'attends."),
    ("a herder, incise and a name",
     "Moi, Oumar Sow, éleveur entre Kidira et Diboli, j'ai entendu le ministre à la radio. Les deux pays, a expliqué "
     "Birame Diop, pouvaient approfondir leur coopération militaire pour mieux faire face aux défis sécuritaires. "
     "Je le souhaite, car nos troupeaux passent la frontière à chaque saison sèche. Mais nous payons à chaque "
     "contrôle et personne ne nous écoute. Que les ministres viennent voir nos pistes et parler avec nous avant "
     "de signer leurs accords."),
]
REPLY_TRY_WRONG = [
    ("too short", "Je suis habitante de Kayes. Le ministre Diop a dit que les deux pays devaient coopérer.",
     "words"),
    ("in English",
     "I am a trader in Kidira. Minister Birame Diop said that the two countries were bound to strengthen their "
     "military cooperation against terrorism. I would like to believe it, but nobody asked the people of the "
     "border. Trucks wait for hours at the Diboli post, and our children cross the river every day to go to school. "
     "Useful cooperation, for us, is first of all a border where people can travel without fear and without being "
     "robbed by anyone on the road.", "French"),
    ("nobody speaks: a news report",
     "À Kidira, au bord de la Falémé, les habitants ont suivi la visite de près. Le ministre Birame Diop a déclaré "
     "que les deux pays étaient condamnés à renforcer leur coopération militaire contre le terrorisme. Sur place, "
     "les commerçants attendent surtout une frontière plus facile à traverser. Les camions restent des heures au "
     "poste de Diboli et les enfants traversent le fleuve chaque jour pour aller à l'école. La coopération, disent-"
     "ils, doit d'abord se voir sur les routes.", "Who is speaking"),
    ("direct speech only, in guillemets",
     "Je m'appelle Aminata, je suis commerçante à Kidira. Le ministre Birame Diop a dit : « Nous pouvons "
     "approfondir notre coopération militaire ». Je veux bien le croire, mais nous, les habitants de la frontière, "
     "personne ne nous a demandé notre avis. Les camions attendent des heures au poste de Diboli et nos enfants "
     "traversent le fleuve chaque jour pour aller à l'école. Une coopération utile, c'est d'abord une frontière où "
     "l'on circule sans peur et sans racket, de jour comme de nuit.", "guillemets"),
    ("tense not shifted after a past verb",
     "Je m'appelle Aminata, je suis commerçante à Kidira, au bord de la Falémé. Le ministre Birame Diop a déclaré que "
     "les deux pays sont condamnés à renforcer leur coopération militaire contre le terrorisme. Je veux bien le "
     "croire, mais nous, les habitants de la frontière, personne ne nous a demandé notre avis. Les camions attendent "
     "des heures au poste de Diboli et nos enfants traversent le fleuve chaque jour pour aller à l'école. Une "
     "coopération utile, pour nous, c'est d'abord une frontière où l'on circule sans peur et sans racket.",
     "which tense"),
    ("the other minister reported",
     "Je m'appelle Aminata, je suis commerçante à Kidira, au bord de la Falémé. Le ministre Sadio Camara a déclaré "
     "que le Mali voulait bâtir des relations bilatérales fécondes avec tous ses partenaires. Je veux bien le "
     "croire, mais nous, les habitants de la frontière, personne ne nous a demandé notre avis. Les camions attendent "
     "des heures au poste de Diboli et nos enfants traversent le fleuve chaque jour pour aller à l'école. Une "
     "coopération utile, c'est d'abord une frontière où l'on circule sans peur.", "Birame Diop"),
    ("a long copy of the article",
     "Je suis pêcheur à Bakel. Le ministre Birame Diop a déclaré que les deux pays, le Mali et le Sénégal, étaient "
     "condamnés à renforcer davantage leur coopération militaire en vue d'atteindre le maximum de résultats "
     "positifs dans le combat contre le terrorisme et l'insécurité. Moi, je vois surtout des patrouilles qui "
     "passent sans s'arrêter. Nous ne sommes pas contre la coopération : nous la vivons tous les jours, avec nos "
     "cousins de l'autre rive.", "copied"),
    ("the minister's words are not his",
     "Je suis pêcheur à Bakel depuis trente ans. Le ministre Birame Diop a affirmé que la pêche était bonne cette "
     "année sur le fleuve. Moi, je vois surtout des patrouilles qui passent sans s'arrêter et des pêcheurs qui ont "
     "peur de sortir la nuit. Nous ne sommes pas contre la coopération, au contraire : nous la vivons tous les "
     "jours, avec nos cousins de l'autre rive. Mais qu'on nous parle enfin de nos filets, de nos pirogues et de nos "
     "marchés.", "what Birame Diop said"),
]
REPLY_RIGHT = [
    ("an ECOWAS official",
     "Je suis fonctionnaire de la CEDEAO à Abuja. Le ministre malien Sadio Camara a affirmé que le Mali avait quitté "
     "la CEDEAO mais qu'il voudrait toujours bâtir des relations bilatérales fécondes avec ses partenaires. Nous en "
     "prenons acte. Pourtant, la libre circulation des personnes et des marchandises, que nous avons construite "
     "ensemble pendant cinquante ans, ne se négocie pas pays par pays. Les commerçants de Kayes et de Tambacounda le "
     "savent bien. Notre porte reste ouverte, et nous souhaitons que le dialogue reprenne."),
    ("a Senegalese journalist, selon",
     "Je suis journaliste à Dakar et je suis la visite depuis le début. Selon Sadio Camara, seule une lutte commune "
     "permet de gagner la lutte contre le terrorisme. Je partage cet objectif, mais une lutte commune suppose des "
     "informations partagées, et aussi des journalistes libres de travailler des deux côtés de la frontière. Or, "
     "depuis deux ans, nous avons de plus en plus de mal à obtenir une accréditation à Bamako. La coopération "
     "devrait commencer par là."),
    ("a resident of Kédougou, present introducer",
     "Je m'appelle Fatou Ba, j'habite à Kédougou. Le général Sadio Camara dit que les deux pays doivent coopérer en "
     "scrutant leur accord de coopération existant. Très bien, mais qui, dans nos villages, connaît cet accord ? "
     "Nous voyons passer les convois militaires, nous entendons parler de terrorisme à la radio, et personne ne "
     "vient nous expliquer ce qui change pour nous. Je voudrais que les ministres publient ce texte en français, en "
     "pulaar et en malinké."),
]
REPLY_WRONG = [
    ("the lesson's reply to Birame Diop", REPLY_TRY_RIGHT[0][1], "Sadio Camara"),
    ("pronoun kept after a past verb: tense",
     "Je suis fonctionnaire de la CEDEAO à Abuja. Le ministre malien Sadio Camara a affirmé que le Mali a quitté la "
     "CEDEAO mais qu'il voudrait toujours bâtir des relations bilatérales fécondes avec ses partenaires. Nous en "
     "prenons acte. Pourtant, la libre circulation des personnes et des marchandises, que nous avons construite "
     "ensemble pendant cinquante ans, ne se négocie pas pays par pays. Les commerçants de Kayes et de Tambacounda le "
     "savent bien. Notre porte reste ouverte, et nous souhaitons que le dialogue reprenne.", "which tense"),
    ("verb without que",
     "Je suis fonctionnaire de la CEDEAO à Abuja. Le ministre malien Sadio Camara a affirmé le Mali avait quitté la "
     "CEDEAO mais voudrait toujours bâtir des relations bilatérales fécondes avec ses partenaires. Nous en prenons "
     "acte. Pourtant, la libre circulation des personnes et des marchandises, que nous avons construite ensemble "
     "pendant cinquante ans, ne se négocie pas pays par pays. Les commerçants de Kayes et de Tambacounda le savent "
     "bien. Notre porte reste ouverte, et nous souhaitons que le dialogue reprenne.", "joins"),
    ("too long",
     " ".join(["Je suis fonctionnaire de la CEDEAO à Abuja. Le ministre malien Sadio Camara a affirmé que le Mali "
               "avait quitté la CEDEAO mais qu'il voudrait toujours bâtir des relations bilatérales fécondes avec ses "
               "partenaires."] + ["Nous en prenons acte, et nous rappelons que la libre circulation des personnes "
                                  "et des marchandises profite à tous les habitants de la région."] * 5), "words"),
]


def _factories(rows):
    return [(row[0], (lambda text: (lambda a: text))(row[1]), *row[2:]) for row in rows]


REPLY_TRY_RIGHT = _factories(REPLY_TRY_RIGHT)
REPLY_TRY_WRONG = _factories(REPLY_TRY_WRONG)
REPLY_RIGHT = _factories(REPLY_RIGHT)
REPLY_WRONG = _factories(REPLY_WRONG)

#: check -> (right answers, wrong answers with the fragment their hints must hold)
TABLES = {
    "try_voices": (TRY_VOICES_RIGHT, TRY_VOICES_WRONG),
    "direct_voices": (DIRECT_VOICES_RIGHT, DIRECT_VOICES_WRONG),
    "try_framing": (TRY_FRAMING_RIGHT, TRY_FRAMING_WRONG),
    "try_reporting_verbs": (TRY_REPORTING_VERBS_RIGHT, TRY_REPORTING_VERBS_WRONG),
    "reporting_verbs": (REPORTING_VERBS_RIGHT, REPORTING_VERBS_WRONG),
    "try_indirect": (INDIRECT_TRY_RIGHT, INDIRECT_TRY_WRONG),
    "indirect": (INDIRECT_RIGHT, INDIRECT_WRONG),
    "try_reply": (REPLY_TRY_RIGHT, REPLY_TRY_WRONG),
    "reply": (REPLY_RIGHT, REPLY_WRONG),
}
GRADED = ("direct_voices", "reporting_verbs", "indirect", "reply")


def _right_cases():
    return [pytest.param(name, d, f, id=f"{name}|{d}") for name, (right, _) in TABLES.items() for d, f in right]


def _wrong_cases():
    return [pytest.param(name, d, f, frag, id=f"{name}|{d}") for name, (_, wrong) in TABLES.items()
            for d, f, frag in wrong]


@pytest.mark.parametrize("name,description,factory", _right_cases())
def test_right_answers_pass(name, description, factory, article):
    result = run_check(getattr(A, name), factory(article), article=article, strict=True)
    assert result.ok, (description, result.hints)


@pytest.mark.parametrize("name,description,factory,fragment", _wrong_cases())
def test_wrong_answers_fail_with_their_question(name, description, factory, fragment, article):
    result = run_check(getattr(A, name), factory(article), article=article, strict=True)
    assert result.status == "failed", description
    assert "?" in result.hint(1), (description, result.hint(1))
    assert fragment in " ".join(result.hints), (description, fragment, result.hints)
    # every hint is a translatable message (its msgid survives), never a plain string
    assert all(isinstance(h, Message) for h in result.hints), (description, result.hints)


def test_every_table_has_three_right_and_three_wrong():
    for name, (right, wrong) in TABLES.items():
        assert len(right) >= 3 and len(wrong) >= 3, name
    assert set(GRADED) <= set(TABLES)


def test_hints_never_give_the_answer(article):
    """No hint names a verb's class, a word count or a right rewrite."""
    for name, (right, wrong) in TABLES.items():
        answers = [f(article) for _, f in right]
        for _, factory, _ in wrong:
            said = " ".join(run_check(getattr(A, name), factory(article), article=article).hints)
            for answer in answers:
                if isinstance(answer, str):
                    assert answer not in said, (name, said)
                if isinstance(answer, dict):
                    for value in answer.values():
                        if isinstance(value, int):
                            assert not re.search(rf"(?<!\d){value}(?!\d)", said), (name, value, said)
            if name in ("try_reporting_verbs", "reporting_verbs"):
                assert not re.search(r"\bneutre\b.*«|«.*\bneutre\b", said), said


# -- the graded exercises: different items from the lesson, a key, and digests ------------
def test_the_graded_items_differ_from_the_lesson(article):
    assert reported.exercise_quotation("try").text != reported.exercise_quotation("graded").text
    lesson_verbs = set(json.loads((ROOT / "src/articlekit/data/fiche/annotating-verbs.json").read_text())["article"])
    key = json.loads((ROOT / "teacher/keys" / A.VERBS_KEY).read_text(encoding="utf-8"))["verbs"]
    assert not lesson_verbs & set(key)
    reply = json.loads((ROOT / "src/articlekit/data/fiche/annotating-reply.json").read_text(encoding="utf-8"))
    assert reply["tasks"]["try"]["minister"] != reply["tasks"]["graded"]["minister"]


def test_the_review_key_names_the_review_s_verbs():
    from articlekit.reported import verb_lemma, _fold

    key = json.loads((ROOT / "teacher/keys" / A.VERBS_KEY).read_text(encoding="utf-8"))["verbs"]
    sentences = json.loads((ROOT / "src/articlekit/data/fiche/annotating-revue.json").read_text())["sentences"]
    assert len(sentences) == len(key)
    assert {_fold(k) for k in key} == {_fold(verb_lemma(v)) for v in REVIEW_VERBS}
    for sentence, verb in zip(sentences, REVIEW_VERBS):
        assert verb.split()[-1] in sentence.replace("’", "’"), (verb, sentence)


def test_the_package_holds_digests_not_the_keys():
    package = ROOT / "src" / "articlekit"
    shipped = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in package.rglob("*.json"))
    key = json.loads((ROOT / "teacher/keys" / A.VERBS_KEY).read_text(encoding="utf-8"))["verbs"]
    assert not any(p.name.startswith("annotating-") and "key" in p.name for p in package.rglob("*"))
    # the classes of the review's verbs are written nowhere in the package
    for lemma, kind in key.items():
        assert f'"{lemma}": "{kind}"' not in shipped


def test_the_shipped_digests_are_those_of_the_keys(article):
    shipped = json.loads((ROOT / "src/articlekit/data/fiche" / A.DIGESTS_FILE).read_text(encoding="utf-8"))
    assert shipped["articles"][Path(article.source).stem] == A._expected_digests(article), (
        "digests out of date; run: .venv/bin/python -m articlekit.checks.annotating")


def test_without_the_keys_graded_checks_judge_by_digest(article, monkeypatch):
    monkeypatch.setenv(keys.ENV, "")                 # a learner's copy of the kit
    for name in ("direct_voices", "reporting_verbs"):
        right, wrong = TABLES[name]
        result = run_check(getattr(A, name), right[0][1](article), article=article, strict=True)
        assert result.ok, (name, result.hints)
        for description, factory, _ in wrong:
            result = run_check(getattr(A, name), factory(article), article=article, strict=True)
            assert result.status == "failed", (name, description)
            assert "?" in result.hint(1)
    # the rule-based checks need no key at all
    for name in ("indirect", "reply"):
        right, wrong = TABLES[name]
        assert run_check(getattr(A, name), right[0][1](article), article=article, strict=True).ok


def test_hints_are_translatable_messages_in_french_too(article):
    result = run_check(A.try_indirect, INDIRECT_TRY_WRONG[0][1](article), article=article, strict=True)
    line = result.message("try_indirect", lang="fr")
    assert line.startswith("❌ try_indirect") and "« nous »" in line
    assert isinstance(result.hints[0], Message) and result.hints[0].msgid.startswith("Who is « {word} »")
