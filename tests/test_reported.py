"""Direct → indirect speech (articlekit.reported): right rewrites by every route pass, plausible wrong ones fail.

The tables are rewrites written as learners write them, of the three quotations of lesson 2
(``data/fiche/annotating-indirect.json``): the lesson's worked example (Sadio Camara on the
CEDEAO: a passé composé and a conditionnel), the lesson's Try it (Sadio Camara, « Nous devons
coopérer… »: « nous », « notre », a présent) and the assignment's (Birame Diop, « C'est le but de
cette visite… »: « je », « nous », two présents and a futur).  Each wrong rewrite names the rule
it must break, so that the learner gets that rule's question.
"""

from __future__ import annotations

import pytest

import articlekit as ak
from articlekit import reported
from articlekit.checks import annotating as A

EX, TRY, GRADED = "example", "try", "graded"

RIGHT = [
    # -- the lesson's Try it: « Nous devons coopérer en scrutant notre accord de coopération existant »
    (TRY, "Sadio Camara a déclaré que les deux pays devaient coopérer en scrutant leur accord de coopération existant."),
    (TRY, "Le ministre malien a souligné qu'ils devaient coopérer en scrutant leur accord de coopération existant."),
    (TRY, "Sadio Camara affirme que les deux pays doivent coopérer en scrutant leur accord de coopération existant."),
    (TRY, "Selon lui, les deux pays doivent coopérer en scrutant leur accord de coopération existant."),
    (TRY, "Selon Sadio Camara, les deux pays devraient coopérer en scrutant leur accord de coopération existant."),
    (TRY, "Les deux pays devaient coopérer en scrutant leur accord de coopération existant, a-t-il déclaré."),
    (TRY, "Sadio Camara a expliqué devant la délégation qu'on devait coopérer en scrutant l'accord de coopération existant."),
    (TRY, "Le Général Sadio Camara a dit que le Mali et le Sénégal devaient coopérer en scrutant leur accord de "
          "coopération existant."),
    (TRY, "Sadio Camara déclara que les deux armées devaient coopérer en scrutant leur accord de coopération existant."),
    (TRY, "Sadio Camara avait déclaré que les deux pays devaient coopérer en examinant leur accord de coopération existant."),
    (TRY, "Il a insisté sur le fait que les deux pays devaient coopérer en scrutant leur accord de coopération existant."),
    (TRY, "D'après le ministre malien, les deux pays doivent coopérer en scrutant leur accord de coopération existant."),
    (TRY, "Sadio CAMARA a affirmé que le Mali et le Sénégal devaient coopérer en scrutant l’accord de coopération "
          "qui existait déjà."),
    (TRY, "Sadio Camara a declare que les deux pays devaient cooperer en scrutant leur accord de cooperation "
          "existant."),                                                      # typed without accents
    (TRY, "Le ministre de la Défense malien a dit qu'il fallait coopérer en scrutant l'accord de coopération "
          "existant."),
    (TRY, "Sadio Camara a expliqué aux journalistes que les deux pays devaient coopérer en scrutant leur accord de "
          "coopération existant."),
    # -- the lesson's worked example: « le Mali a quitté la CEDEAO, mais il voudrait toujours bâtir… »
    (EX, "Sadio Camara a rappelé que le Mali avait quitté la CEDEAO, mais qu'il voudrait toujours bâtir des relations "
         "bilatérales fécondes avec tous les partenaires."),
    (EX, "Sadio Camara rappelle que le Mali a quitté la CEDEAO, mais qu'il voudrait toujours bâtir des relations "
         "bilatérales fécondes avec tous les partenaires."),
    (EX, "Selon Sadio Camara, le Mali a quitté la CEDEAO mais voudrait toujours bâtir des relations bilatérales "
         "fécondes avec tous ses partenaires."),
    (EX, "Le ministre malien a expliqué que son pays avait quitté la CEDEAO mais qu'il voudrait toujours bâtir des "
         "relations bilatérales fécondes avec tous les partenaires."),
    # -- the assignment's: « C’est le but de cette visite qui j’en suis assuré, nous permettra de trouver… »
    (GRADED, "Birame Diop a affirmé que c'était le but de cette visite qui, il en était assuré, leur permettrait de "
             "trouver les voies et moyens de mettre en œuvre pleinement l'accord cadre de 2021."),
    (GRADED, "Le ministre sénégalais a expliqué que c'était le but de cette visite, qui, il en était sûr, permettrait "
             "aux deux pays de trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021."),
    (GRADED, "Birame Diop s'est dit assuré que cette visite leur permettrait de trouver les voies et moyens de mettre "
             "pleinement en œuvre l'accord cadre de 2021."),
    (GRADED, "C'était le but de cette visite qui, il en était assuré, leur permettrait de trouver les voies et moyens "
             "de mettre en œuvre pleinement l'accord cadre de 2021, a expliqué Birame Diop."),
    (GRADED, "Birame Diop affirme que c'est le but de cette visite, qui, il en est assuré, leur permettra de trouver "
             "les voies et moyens de mettre en œuvre pleinement l'accord cadre de 2021."),
    (GRADED, "Selon Birame Diop, c'est le but de cette visite qui leur permettra de trouver les voies et moyens de "
             "mettre en œuvre l'accord cadre de 2021."),
    (GRADED, "D'après le ministre sénégalais, cette visite devrait permettre aux deux pays de trouver les voies et "
             "moyens de mettre en œuvre l'accord cadre de 2021."),
    (GRADED, "Birame DIOP a assuré que c'était le but de sa visite, qui permettrait au Mali et au Sénégal de trouver "
             "les voies et moyens de mettre en œuvre l'accord cadre de 2021."),
    (GRADED, "Le ministre Birame Diop a déclaré que le but de cette visite était de trouver les voies et moyens de "
             "mettre en œuvre l'accord cadre de 2021, et qu'il en était assuré."),
    (GRADED, "Birame Diop avait souligné que c’était le but de cette visite qui, il en était assuré, leur permettrait "
             "de trouver les voies et moyens de mettre en œuvre l’accord cadre de 2021."),
]

WRONG = [
    # pronouns left as they were
    (TRY, "Sadio Camara a déclaré que nous devions coopérer en scrutant notre accord de coopération existant.",
     "first_person"),
    (TRY, "Sadio Camara a déclaré que les deux pays devaient coopérer en scrutant notre accord de coopération existant.",
     "first_person"),
    (GRADED, "Birame Diop a affirmé que c'était le but de cette visite qui, il en était assuré, nous permettrait de "
             "trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.", "first_person"),
    (GRADED, "Birame Diop a affirmé que c'était le but de cette visite qui, j'en étais assuré, leur permettrait de "
             "trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.", "first_person"),
    (TRY, "Sadio Camara a déclaré que les deux pays devaient coopérer en scrutant votre accord de coopération existant.",
     "second_person"),
    # a pronoun that does not agree with the speaker
    (TRY, "Sadio Camara a déclaré qu'il devait coopérer en scrutant son accord de coopération existant.", "plural"),
    (GRADED, "Birame Diop a affirmé que c'était le but de cette visite qui, elle en était assurée, leur permettrait de "
             "trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.", "agreement"),
    (GRADED, "Birame Diop a affirmé que c'était le but de cette visite qui, ils en étaient assurés, leur permettrait "
             "de trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.", "singular"),
    (TRY, "Elle a déclaré que les deux pays devaient coopérer en scrutant leur accord de coopération existant.",
     "agreement"),
    # tenses not shifted after a past verb, or shifted after a present one
    (TRY, "Sadio Camara a déclaré que les deux pays doivent coopérer en scrutant leur accord de coopération existant.",
     "tense_past"),
    (TRY, "Sadio Camara a déclaré que les deux pays devraient coopérer en scrutant leur accord de coopération existant.",
     "tense_past"),
    (TRY, "Sadio Camara a declare que les deux pays doivent cooperer en scrutant leur accord de cooperation existant.",
     "tense_past"),                                                          # typed without accents
    (TRY, "Sadio Camara affirme que les deux pays devaient coopérer en scrutant leur accord de coopération existant.",
     "tense_present"),
    (EX, "Sadio Camara a rappelé que le Mali a quitté la CEDEAO, mais qu'il voudrait toujours bâtir des relations "
         "bilatérales fécondes avec tous les partenaires.", "tense_past"),
    (EX, "Sadio Camara a rappelé que le Mali avait quitté la CEDEAO, mais qu'il voulait toujours bâtir des relations "
         "bilatérales fécondes avec tous les partenaires.", "tense_past"),
    (EX, "Sadio Camara rappelle que le Mali avait quitté la CEDEAO, mais qu'il voudrait toujours bâtir des relations "
         "bilatérales fécondes avec tous les partenaires.", "tense_present"),
    (GRADED, "Birame Diop a affirmé que c'est le but de cette visite qui, il en est assuré, leur permettra de trouver "
             "les voies et moyens de mettre en œuvre l'accord cadre de 2021.", "tense_past"),
    (GRADED, "Birame Diop a affirmé que c'était le but de cette visite qui, il en était assuré, leur permettra de "
             "trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.", "tense_past"),
    (GRADED, "Birame Diop a affirmé que c'était le but de cette visite qui, il en était assuré, leur avait permis de "
             "trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.", "tense_past"),
    (GRADED, "Birame Diop a affirmé que ce sera le but de cette visite qui leur permettrait de trouver les voies et "
             "moyens de mettre en œuvre l'accord cadre de 2021.", "tense_past"),
    # guillemets kept, no « que », a colon
    (TRY, "Sadio Camara a déclaré « que les deux pays devaient coopérer en scrutant leur accord ».", "guillemets"),
    (GRADED, "Birame Diop a affirmé : « C'est le but de cette visite qui, j'en suis assuré, nous permettra de trouver "
             "les voies et moyens de mettre en œuvre l'accord cadre de 2021 ».", "guillemets"),
    (TRY, "Sadio Camara a déclaré les deux pays devaient coopérer en scrutant leur accord de coopération existant.",
     "que"),
    (TRY, "Sadio Camara a déclaré : les deux pays devaient coopérer en scrutant leur accord de coopération existant.",
     "que"),
    (TRY, "Les deux pays devaient coopérer en scrutant leur accord de coopération existant.", "introducer"),
    # the wrong speaker
    (TRY, "Birame Diop a déclaré que les deux pays devaient coopérer en scrutant leur accord de coopération existant.",
     "wrong_speaker"),
    (GRADED, "Sadio Camara a affirmé que c'était le but de cette visite qui, il en était assuré, leur permettrait de "
             "trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.", "wrong_speaker"),
    # the meaning changed
    (TRY, "Sadio Camara a déclaré que les deux pays ne devaient pas coopérer en scrutant leur accord de coopération "
          "existant.", "negation"),
    (GRADED, "Birame Diop a affirmé que c'était le but de cette visite qui, il en était assuré, ne leur permettrait pas "
             "de trouver les voies et moyens de mettre en œuvre l'accord cadre de 2021.", "negation"),
    (TRY, "Sadio Camara a nié que les deux pays devaient coopérer en scrutant leur accord de coopération existant.",
     "reversing"),
    (TRY, "Sadio Camara a déclaré que les deux pays refusaient de coopérer en scrutant leur accord de coopération "
          "existant.", "denied"),
    (TRY, "Sadio Camara a déclaré que le Mali avait quitté la CEDEAO.", "other_quotation"),
    (GRADED, "Birame Diop a affirmé que c'était le but de la rencontre.", "other_quotation"),
    (GRADED, "Birame Diop a affirmé que c'était le but de cette visite qui leur permettrait de trouver les voies.",
     "content"),
    (GRADED, "Birame Diop a affirmé que cette visite leur permettrait de mettre en œuvre l'accord cadre.", "content"),
]


@pytest.mark.parametrize("item,text", RIGHT, ids=[f"{i}:{t[:50]}" for i, t in RIGHT])
def test_right_rewrites_pass(item, text):
    report = reported.report_indirect(text, reported.exercise_quotation(item))
    assert report.ok, [(p.rule, p.word, p.detail) for p in report.problems]


@pytest.mark.parametrize("item,text,rule", WRONG, ids=[f"{r}:{t[:50]}" for _, t, r in WRONG])
def test_wrong_rewrites_fail_on_their_rule(item, text, rule):
    report = reported.report_indirect(text, reported.exercise_quotation(item))
    assert not report.ok
    assert report.problems[0].rule == rule, [(p.rule, p.word, p.detail) for p in report.problems]


def test_the_tables_are_large_enough():
    assert len(RIGHT) >= 25 and len(WRONG) >= 25
    assert {r for _, _, r in WRONG} >= {"first_person", "tense_past", "tense_present", "guillemets", "que",
                                        "negation", "wrong_speaker", "agreement", "plural"}


def test_the_quotations_are_the_article_s(article):
    for item in (EX, TRY, GRADED):
        assert reported.exercise_quotation(item).text in article.text, item
    assert len({reported.exercise_quotation(i).text for i in (EX, TRY, GRADED)}) == 3


@pytest.mark.parametrize("lemma,form,tense", [
    ("devoir", "devaient", "imparfait"), ("permettre", "permettrait", "conditionnel"),
    ("permettre", "permettra", "futur"), ("agir", "agiraient", "conditionnel"), ("agir", "agissons", "présent"),
    ("être", "était", "imparfait"), ("être", "seront", "futur"), ("espérer", "espère", "présent"),
    ("combattre", "combattaient", "imparfait"), ("commencer", "commençait", "imparfait"),
    ("déclarer", "déclara", "passé simple"), ("vouloir", "voudrait", "conditionnel"),
])
def test_conjugation_reads_tenses_from_forms(lemma, form, tense):
    assert tense in reported.conjugate(lemma).tenses(form)


def test_an_accent_separates_a_participle_from_a_present():
    c = reported.conjugate("affirmer")
    assert "affirmé" in c.participles and "affirme" not in c.participles
    assert c.tenses("affirme") == {"présent"}


@pytest.mark.parametrize("text,lemma", [("a fustigé", "fustiger"), ("s'est félicitée", "féliciter"),
                                        ("Souligne", "souligner"), ("poursuit", "poursuivre"),
                                        ("dénoncent", "dénoncer"), ("prétend", "prétendre"), ("a dit", "dire"),
                                        ("a rendu hommage", "rendre")])
def test_verb_lemma_reads_any_form(text, lemma):
    assert reported.verb_lemma(text) == lemma


def test_reported_speech_in_a_longer_text():
    text = ("Je suis pêcheur à Bakel. Le ministre Birame Diop a affirmé que les deux pays sont condamnés à coopérer. "
            "Selon Birame Diop, la coopération doit réduire l'insécurité. Nous attendons des actes.")
    reports = reported.reported_speech(text, ["Birame Diop"])
    assert [(r.construction, r.rules) for r in reports] == [("que", ("tense_past",)), ("selon", ())]


def test_a_report_says_which_construction_and_tense():
    r = reported.report_indirect("Les deux pays devaient coopérer en scrutant leur accord de coopération existant, "
                                 "a-t-il déclaré.", reported.exercise_quotation(TRY))
    assert (r.construction, r.introducer, r.introducer_tense) == ("incise", "déclaré", "passé composé")
