"""Lesson 4's checks are fair both ways: answers written as learners write them.

For every check of ``articlekit.checks.critical`` two tables: right answers reached by
different routes or worded differently (they must pass) and wrong or plausible-wrong answers
(they must fail, with a question, and with the hint named by the third field when there is one).
Each entry is ``(description, factory)`` or ``(description, factory, hint_fragment)``; the factory
takes the article and builds the answer the way a learner would, from the article and the kit:
expected values are never typed here.

The graded checks' tables (``RIGHT_<CHECK>`` / ``WRONG_<CHECK>``) are also the adversarial tables
of ``tests/test_adversarial.py``.  They run twice: with the teacher's key (the teacher's checkout,
CI, the grader) and without it (a learner's copy, judged by the shipped digests).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import articlekit as ak
from articlekit import keys
from articlekit.checks import critical as C
from articlekit.checks import run_check
from articlekit.i18n import Message

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------------------------------
# What a learner computes on the way
# ------------------------------------------------------------------------------------------
def quotes(article):
    return ak.extract_quotes(article)


def share(article, *, kinds=("direct", "partial", "indirect"), speaker=True, count=ak.count_words,
          paragraph=None):
    lo, hi = (0, len(article.text)) if paragraph is None else (article.paragraphs[paragraph].start,
                                                               article.paragraphs[paragraph].end)
    quoted = sum(count(q.text) for q in quotes(article)
                 if (q.speaker or not speaker) and q.kind in kinds and lo <= q.start < hi)
    return quoted / count(article.text[lo:hi])


def kit_words(text):
    from articlekit.words import words

    return len(words(text))


def regex_words(text):
    return len(re.findall(r"\w+", text))


def speaker_at(article, phrase):
    quote = ak.critical.voice_at(article, article.text.index(phrase))
    return quote.speaker if quote else "le journaliste"


def offsets(article, phrase):
    start = article.text.index(phrase)
    return start, start + len(phrase)


def status_of(article, actor):
    speakers = {q.speaker for q in quotes(article) if q.speaker}
    if actor in speakers:
        return "heard"
    core = re.sub(r"^(?:les?|la|des|l’|l')\s*", "", actor)
    return "mentioned" if ak.find_forms(article, core) else "absent"


ACTORS = ["Birame Diop", "les Autorités de la Transition", "le peuple malien", "l’Alliance des États du Sahel",
          "l’opposition malienne"]


def statuses(article, actors=ACTORS, **changes):
    out = {actor: status_of(article, actor) for actor in actors}
    out.update(changes)
    return out


def border_figures(article):
    article_km = int(re.search(r"(\d+)\s*(?:km|kilomètres?)", article.text).group(1))
    return article_km, ak.critical.reference_figure("mali-senegal-border").value


# Three notes written as three learners would: different genres named, citations, missing facts.
NOTE_A = ("Ce texte s’apparente davantage à un communiqué qu’à un reportage. Les seules voix entendues sont celles "
          "des ministres Birame Diop et Sadio Camara, dont les discours occupent plus de la moitié de l’article, "
          "sans qu’aucune question ne leur soit posée. Le journaliste adopte le point de vue malien. Son "
          "vocabulaire n’est pas neutre : il parle de « relations bilatérales fécondes » comme d’une promesse. Il "
          "manque le contexte : le Mali, le Burkina Faso et le Niger ont quitté la CEDEAO fin janvier 2025 et "
          "forment l’AES. Aucun habitant de la frontière, aucun expert indépendant ne s’exprime.")
NOTE_B = ("Cet article relève de la communication officielle plus que de l’information. Il donne la parole aux deux "
          "ministres et à eux seuls ; le journaliste ne vérifie rien, pas même la longueur de la frontière. Des "
          "expressions comme « bataille cruciale » ou « visées impérialistes » dramatisent la situation sans "
          "l’expliquer. On aimerait entendre d’autres voix : des soldats, des habitants des villages frontaliers, "
          "des chercheurs. On aimerait aussi savoir pourquoi le Mali a quitté la CEDEAO, et ce que change la "
          "confédération de l’Alliance des États du Sahel pour cette coopération avec le Sénégal.")
NOTE_C = ("Le texte ressemble à un compte rendu officiel : tout passe par la parole des autorités, malienne et "
          "sénégalaise. Le journaliste écrit « notre pays » et laisse le dernier mot au ministre malien, ce qui "
          "montre son point de vue. Le mot « fécondes » embellit des relations dont on ne connaît pas les "
          "résultats. Le lecteur n’apprend rien sur le retrait de la CEDEAO, devenu effectif le 29 janvier 2025, "
          "une semaine avant la visite, ni sur l’avis de la population qui vit le long de la frontière, pourtant "
          "la première concernée.")


# ------------------------------------------------------------------------------------------
# Graded checks: right answers by other routes, wrong but plausible answers
# ------------------------------------------------------------------------------------------
RIGHT_OFFICIAL_SHARE = [
    ("the exam word count, as the exercise says", lambda a: share(a)),
    ("the kit's words, as a percentage", lambda a: 100 * share(a, count=kit_words)),
    ("a regex word count, a numpy float", lambda a: np.float64(share(a, count=regex_words))),
    ("rounded to three decimals", lambda a: round(share(a), 3)),
]
WRONG_OFFICIAL_SHARE = [
    ("only the quotations in guillemets", lambda a: share(a, kinds=("direct", "partial")), "indirect"),
    ("the motto counted with the officials", lambda a: share(a, kinds=("direct", "partial", "indirect", "motto"),
                                                             speaker=False), "motto"),
    ("the lesson's paragraph 2 again", lambda a: share(a, paragraph=2), "lesson's paragraph"),
    ("the journalist's share", lambda a: 1 - share(a), None),
    ("words cut at spaces", lambda a: share(a, count=lambda t: len(t.split())), "word count"),
    ("a percentage typed as text", lambda a: f"{100 * share(a):.0f} %", "number"),
    ("the number of quoted words, not a share", lambda a: sum(ak.count_words(q.text) for q in quotes(a)
                                                              if q.speaker), "between 0 and 1"),
]

RIGHT_WHOSE_OUR = [
    ("surnames", lambda a: {"notre région": "Diop", "nos pays": "Camara"}),
    ("names in capitals, as the text writes them", lambda a: {"notre région": "Birame DIOP", "nos pays": "Sadio CAMARA"}),
    ("found with voice_at", lambda a: {p: speaker_at(a, p) for p in ("notre région", "nos pays")}),
    ("a title with the name, keys with a capital", lambda a: {"Notre région": "le ministre sénégalais Birame Diop",
                                                             "Nos pays": "le Général Sadio Camara"}),
]
WRONG_WHOSE_OUR = [
    ("the two speakers swapped", lambda a: {"notre région": "Camara", "nos pays": "Diop"}, "Who speaks where"),
    ("the journalist everywhere, as for « notre pays »", lambda a: {"notre région": "le journaliste",
                                                                   "nos pays": "le journaliste"}, "outside every"),
    ("roles without a name", lambda a: {"notre région": "le ministre sénégalais", "nos pays": "le ministre malien"},
     "surname"),
    ("one phrase only", lambda a: {"notre région": "Diop"}, "one entry for each phrase"),
    ("a list of names", lambda a: ["Diop", "Camara"], "dict"),
    ("the lesson's phrase instead", lambda a: {"notre pays": "le journaliste", "nos pays": "Camara"},
     "one entry for each phrase"),
]

RIGHT_LOADED_WORDS = [
    ("single words", lambda a: ["vaillance", "résilience", "hommage"]),
    ("short phrases as the text writes them", lambda a: ("bataille cruciale", "motivations profondes",
                                                         "défis sécuritaires aigues")),
    ("capitals and no accents, a set", lambda a: {"VAILLANCE", "Resilience", "condamnes", "activement"}),
    ("three listed and one the key does not list", lambda a: ["favorables", "efficacement", "positifs", "combat"]),
    ("a pandas Series", lambda a: pd.Series(["hommage", "vaillance", "maximum de résultats positifs"])),
]
WRONG_LOADED_WORDS = [
    ("neutral words", lambda a: ["coopération", "militaire", "visite"], "judge"),
    ("the lesson's words of paragraph 6", lambda a: ["impérialistes", "perpétuel", "honneur"], "paragraph 2"),
    ("only two loaded words", lambda a: ["vaillance", "résilience"], "at least 3"),
    ("one string with commas", lambda a: "vaillance, résilience, hommage", "list"),
    ("a whole clause", lambda a: ["salué la vaillance de ses forces armées"], "short"),
    ("a misspelt word", lambda a: ["vaillence", "résilience", "hommage"], "as you wrote it"),
]

RIGHT_NEUTRAL_REWORDING = [
    ("vaillance: the praise dropped",
     lambda a: {"mot": "vaillance", "reformulation": "salué l’action de ses forces armées, engagées depuis plus de dix ans"}),
    ("condamnés: an obligation instead of a fate",
     lambda a: {"mot": "condamnés", "reformulation": "les deux pays doivent renforcer davantage leur coopération militaire"}),
    ("bataille cruciale, as a tuple",
     lambda a: ("bataille cruciale", "engagées depuis plus d'une décennie dans un conflit dont dépend l'avenir du Mali")),
    ("a capital on the word, the sentence's facts kept",
     lambda a: {"mot": "Favorables", "reformulation": "Dans ce contexte, les deux ministres cherchent à renforcer la "
                                                       "coopération militaire entre les deux pays"}),
    ("English keys, aigues: the adjective dropped",
     lambda a: {"word": "aigues", "rewording": "faire face aux défis de sécurité auxquels nous sommes confrontés"}),
]
WRONG_NEUTRAL_REWORDING = [
    ("another loaded word", lambda a: {"mot": "vaillance", "reformulation": "salué la bravoure de ses forces armées"},
     "judgement too"),
    ("the same word in another form",
     lambda a: {"mot": "vaillance", "reformulation": "salué ses forces armées vaillantes et engagées"},
     "still in your rewording"),
    ("the facts lost", lambda a: {"mot": "vaillance", "reformulation": "Le Mali et le Sénégal se rencontrent à Bamako"},
     "facts"),
    ("a word that is not loaded", lambda a: {"mot": "coopération", "reformulation": "les deux pays veulent travailler ensemble"},
     "one of the loaded words"),
    ("the lesson's word", lambda a: {"mot": "fécondes", "reformulation": "des relations bilatérales utiles"},
     "in paragraph 2"),
    ("the sense reversed",
     lambda a: {"mot": "condamnés", "reformulation": "les deux pays refusent de renforcer leur coopération militaire"},
     "opposite"),
    ("in English", lambda a: {"mot": "vaillance", "reformulation": "praised the work of its armed forces for ten years"},
     "French"),
]

RIGHT_ACTORS_HEARD = [
    ("the solution's route", lambda a: statuses(a)),
    ("French statuses with agreement", lambda a: dict(zip(ACTORS, ["entendu", "mentionnées", "mentionné",
                                                                   "absente", "absente"]))),
    ("straight apostrophes in the names", lambda a: {k.replace("’", "'"): v for k, v in statuses(a).items()}),
]
WRONG_ACTORS_HEARD = [
    ("the authorities taken as heard", lambda a: statuses(a, **{"les Autorités de la Transition": "heard"}),
     "answers are right"),
    ("the AES taken as mentioned", lambda a: statuses(a, **{"l’Alliance des États du Sahel": "mentioned"}),
     "answers are right"),
    ("everyone mentioned", lambda a: dict.fromkeys(ACTORS, "mentioned"), "answers are right"),
    ("one actor left out", lambda a: {k: v for k, v in statuses(a).items() if k != "le peuple malien"},
     "one entry for each actor"),
    ("« cité », which says neither", lambda a: statuses(a, **{"Birame Diop": "cité"}), "heard"),
    ("the lesson's actors", lambda a: {"Sadio Camara": "heard", "la CEDEAO": "mentioned", "des experts": "mentioned",
                                       "les habitants de la frontière": "absent"}, "one entry for each actor"),
]

RIGHT_BORDER_GAP = [
    ("a percentage", lambda a: (lambda art, ref: 100 * (ref - art) / ref)(*border_figures(a))),
    ("a fraction", lambda a: (lambda art, ref: (ref - art) / ref)(*border_figures(a))),
    ("article minus reference, negative", lambda a: (lambda art, ref: 100 * (art - ref) / ref)(*border_figures(a))),
    ("rounded to one decimal", lambda a: round((lambda art, ref: 100 * (ref - art) / ref)(*border_figures(a)), 1)),
]
WRONG_BORDER_GAP = [
    ("relative to the article's figure", lambda a: (lambda art, ref: 100 * (ref - art) / art)(*border_figures(a)),
     "Relative to which"),
    ("the difference in km", lambda a: (lambda art, ref: ref - art)(*border_figures(a)), "kilometres"),
    ("the ratio of the figures", lambda a: (lambda art, ref: 100 * art / ref)(*border_figures(a)), "ratio"),
    ("a percentage typed as text", lambda a: "14.3 %", "number"),
    ("rounded to a whole number", lambda a: round((lambda art, ref: 100 * (ref - art) / ref)(*border_figures(a))),
     "divide"),
]

RIGHT_CRITICAL_NOTE = [
    ("a note that names a communiqué, the AES and residents", lambda a: NOTE_A),
    ("a note on official communication, with two citations", lambda a: NOTE_B),
    ("a note on an official « compte rendu » and the ECOWAS withdrawal", lambda a: NOTE_C),
]
WRONG_CRITICAL_NOTE = [
    ("too short", lambda a: "Ce texte ressemble à un communiqué : seuls les ministres parlent, sans autre source. "
                            "Il parle de « visées impérialistes » et oublie la CEDEAO.", "words"),
    ("in English", lambda a: ("This article looks like a press release: only the two ministers speak and nobody "
                              "questions them. " * 5), "French"),
    ("no citation in guillemets", lambda a: NOTE_A.replace("« relations bilatérales fécondes »",
                                                           "des relations bilatérales fructueuses"), "cite"),
    ("a citation the article does not hold", lambda a: NOTE_C.replace("« notre pays »", "« notre cher pays »")
     .replace("« fécondes »", "« fructueuses »"), "exactly"),
    ("a reportage", lambda a: NOTE_A.replace("davantage à un communiqué qu’à un reportage", "à un reportage"),
     "reportage"),
    ("the genre denied", lambda a: NOTE_A.replace("s’apparente davantage à un communiqué qu’à un reportage",
                                                  "n’est pas un communiqué mais un article"), "deny"),
    ("nothing missing named", lambda a: NOTE_A[:NOTE_A.index(" Il manque")] + " Le lecteur reste sur sa faim, "
     "car le texte répète les mêmes idées du début à la fin et ses phrases sont longues et difficiles à suivre "
     "pour un lecteur pressé.", "leaves out"),
    ("a long copy outside guillemets", lambda a: NOTE_C.replace(
        "Le mot « fécondes » embellit des relations dont on ne connaît pas les résultats.",
        "Le texte dit que le Mali voudrait toujours bâtir des relations bilatérales fécondes avec tous les partenaires."),
     "in a row"),
]

#: The graded checks' tables, by check name (``tests/test_adversarial.py`` reads the same tables).
GRADED = {
    "official_share": (RIGHT_OFFICIAL_SHARE, WRONG_OFFICIAL_SHARE),
    "whose_our": (RIGHT_WHOSE_OUR, WRONG_WHOSE_OUR),
    "loaded_words": (RIGHT_LOADED_WORDS, WRONG_LOADED_WORDS),
    "neutral_rewording": (RIGHT_NEUTRAL_REWORDING, WRONG_NEUTRAL_REWORDING),
    "actors_heard": (RIGHT_ACTORS_HEARD, WRONG_ACTORS_HEARD),
    "border_gap": (RIGHT_BORDER_GAP, WRONG_BORDER_GAP),
    "critical_note": (RIGHT_CRITICAL_NOTE, WRONG_CRITICAL_NOTE),
}
#: The graded checks whose right answers come from the teacher's key (the others need none).
KEYED = ("official_share", "whose_our", "loaded_words", "neutral_rewording", "actors_heard")


# ------------------------------------------------------------------------------------------
# The lesson's Try-it checks
# ------------------------------------------------------------------------------------------
TRY = {
    "try_source": (
        [("the article's fields", lambda a: {"rubric": a.rubric, "author": a.byline, "date": a.date, "outlet": None}),
         ("typed by hand, French keys, the date as the text writes it",
          lambda a: {"rubrique": "Défense et Sécurité", "auteur": "Sékou Mama Traoré", "date": "jeudi 6 février 2025",
                     "outlet": "inconnu"}),
         ("an ISO date and an empty outlet", lambda a: {"rubric": "DÉFENSE & SÉCURITÉ", "author": "Traoré",
                                                        "date": "2025-02-06", "outlet": ""})],
        [("a guessed outlet", lambda a: {"rubric": a.rubric, "author": a.byline, "date": a.date, "outlet": "L’Essor"},
          "guess"),
         ("a minister as the author", lambda a: {"rubric": a.rubric, "author": "Sadio Camara", "date": a.date,
                                                  "outlet": None}, "minister"),
         ("the rubric as the outlet", lambda a: {"rubric": a.rubric, "author": a.byline, "date": a.date,
                                                 "outlet": a.rubric}, "rubric"),
         ("the day and month swapped", lambda a: {"rubric": a.rubric, "author": a.byline, "date": "2025-06-02",
                                                  "outlet": None}, "date"),
         ("a key missing", lambda a: {"rubric": a.rubric, "author": a.byline, "date": a.date}, "four keys")]),
    "try_official_share": (
        [("the lesson's route", lambda a: share(a, paragraph=2)),
         ("a percentage of the kit's words", lambda a: 100 * share(a, paragraph=2, count=kit_words)),
         ("a numpy float", lambda a: np.float64(share(a, paragraph=2, count=regex_words)))],
        [("only the guillemets", lambda a: share(a, paragraph=2, kinds=("direct", "partial")), "indirect"),
         ("the journalist's share", lambda a: 1 - share(a, paragraph=2), "journalist"),
         ("divided by the whole article", lambda a: sum(ak.count_words(q.text) for q in quotes(a) if q.speaker and
                                                        a.paragraphs[2].start <= q.start < a.paragraphs[2].end)
          / ak.count_words(a.text), "whole article"),
         ("text", lambda a: "67 %", "number")]),
    "try_our_country": (
        [("a dict, the journalist", lambda a: dict(zip(("start", "end"), offsets(a, "notre pays")), speaker="le journaliste")),
         ("a tuple, the byline's name", lambda a: (*offsets(a, "notre pays"), "Sekou Mama Traoré")),
         ("numpy offsets, « l'auteur »", lambda a: {"start": np.int64(offsets(a, "notre pays")[0]),
                                                    "end": np.int64(offsets(a, "notre pays")[1]), "speaker": "l'auteur"})],
        [("a minister", lambda a: (*offsets(a, "notre pays"), "Sadio Camara"), "inside a quotation"),
         ("end one too far", lambda a: (offsets(a, "notre pays")[0], offsets(a, "notre pays")[1] + 1, "le journaliste"),
          "exactly"),
         ("counted from 1", lambda a: (offsets(a, "notre pays")[0] + 1, offsets(a, "notre pays")[1] + 1, "journaliste"),
          "one too large"),
         ("offsets as text", lambda a: ("217", "227", "le journaliste"), "whole numbers")]),
    "try_loaded_words": (
        [("single words", lambda a: ["impérialistes", "perpétuel", "honneur"]),
         ("phrases as the text writes them", lambda a: ("visées impérialistes", "secteur crucial", "seule une lutte")),
         ("with the journalist's own praise", lambda a: {"pertinence", "conviction", "crucial", "importance"})],
        [("neutral words", lambda a: ["coopération", "accord", "rencontre"], "judge"),
         ("words of paragraph 2", lambda a: ["vaillance", "résilience", "hommage"], "paragraph 6"),
         ("two only", lambda a: ["impérialistes", "honneur"], "at least 3")]),
    "try_rewording": (
        [("the adjective dropped", lambda a: "le Mali voudrait toujours bâtir des relations bilatérales avec tous les "
                                             "partenaires qui le souhaitent"),
         ("a milder word", lambda a: "bâtir des relations bilatérales utiles avec tous ses partenaires"),
         ("in a sentence of its own", lambda a: "Le Mali veut garder des relations bilatérales avec le Sénégal.")],
        [("another loaded word", lambda a: "bâtir des relations bilatérales fructueuses avec ses partenaires",
          "judgement too"),
         ("the word kept", lambda a: "des relations fécondes entre les deux pays", "still in your rewording"),
         ("the sense reversed", lambda a: "le Mali refuse de bâtir des relations bilatérales avec ses partenaires",
          "opposite"),
         ("the facts lost", lambda a: "Le Mali aime le Sénégal depuis longtemps.", "facts"),
         ("another fact of the sentence", lambda a: "Le Mali a quitté la CEDEAO.", "facts")]),
    "try_heard": (
        [("English statuses", lambda a: statuses(a, ak.critical.lesson_actors())),
         ("French statuses", lambda a: {"Sadio Camara": "entendu", "la CEDEAO": "mentionnée", "des experts": "mentionnés",
                                        "les habitants de la frontière": "absents"}),
         ("capitals in the statuses", lambda a: {"Sadio Camara": "Heard", "la CEDEAO": "Mentioned",
                                                 "des experts": "Mentioned", "les habitants de la frontière": "Absent"})],
        [("the experts heard", lambda a: statuses(a, ak.critical.lesson_actors(), **{"des experts": "heard"}),
          "said, or does it only name"),
         ("the residents mentioned", lambda a: statuses(a, ak.critical.lesson_actors(),
                                                        **{"les habitants de la frontière": "mentioned"}), "name"),
         ("a boolean instead of a status", lambda a: {"Sadio Camara": True, "la CEDEAO": False, "des experts": False,
                                                      "les habitants de la frontière": False}, "heard")]),
    "try_border": (
        [("with a regex", lambda a: (lambda art, ref: {"article_km": art, "difference_km": ref - art})(*border_figures(a))),
         ("the other way round", lambda a: (lambda art, ref: {"article_km": float(art), "difference_km": art - ref})(
             *border_figures(a))),
         ("numpy values", lambda a: (lambda art, ref: {"article_km": np.int64(art), "difference_km": np.int64(ref - art)})(
             *border_figures(a)))],
        [("the hours of the visit", lambda a: {"article_km": 72, "difference_km": 0}, "border"),
         ("the reference's figure", lambda a: (lambda art, ref: {"article_km": ref, "difference_km": ref - art})(
             *border_figures(a)), "reference's"),
         ("added", lambda a: (lambda art, ref: {"article_km": art, "difference_km": ref + art})(*border_figures(a)),
          "add"),
         ("digits as text", lambda a: {"article_km": "419", "difference_km": "70"}, "numbers")]),
    "try_genre_note": (
        [("the lesson's phrases", lambda a: "Ce texte s’apparente à un communiqué : il rapporte une rencontre officielle "
                                            "sans la mettre en question. Seuls les deux ministres prennent la parole."),
         ("a compte rendu", lambda a: "Le texte est proche d'un compte rendu officiel : seuls les ministres Camara et "
                                      "Diop s'expriment, sans aucune question du journaliste."),
         ("government communication", lambda a: "Cet article ressemble à de la communication gouvernementale : seules "
                                                "les autorités maliennes et sénégalaises parlent, et le journaliste "
                                                "ne pose aucune question.")],
        [("the genre denied", lambda a: "Ce n'est pas un communiqué, c'est un vrai article de presse. On entend surtout "
                                        "la voix des deux ministres, jamais celle des habitants.", "deny"),
         ("a reportage", lambda a: "Cet article est un reportage sur une visite officielle. On entend surtout la voix "
                                   "des deux ministres, jamais celle des habitants ni des experts.", "reportage"),
         ("no voice named", lambda a: "Ce texte ressemble beaucoup à un communiqué de presse publié par une institution. "
                                      "Il ne donne jamais la parole à des habitants de la frontière.", "voice"),
         ("in English", lambda a: "This article looks like a press release. Only the two ministers speak, and nobody "
                                  "else is heard in the whole text.", "French")]),
}


def _cases(table):
    return [pytest.param(name, *row, id=f"{name}|{row[0]}") for name, rows in table.items() for row in rows]


def _graded(which):
    return {name: tables[which] for name, tables in GRADED.items()}


def _try(which):
    return {name: tables[which] for name, tables in TRY.items()}


def _wrong_rows(table):
    return {name: [row if len(row) == 3 else (*row, None) for row in rows] for name, rows in table.items()}


def _run(name, answer, article):
    return run_check(getattr(C, name), answer, article=article, strict=True)


@pytest.mark.parametrize("name,description,factory", _cases(_graded(0)) + _cases(_try(0)))
def test_right_answers_pass(name, description, factory, article):
    result = _run(name, factory(article), article)
    assert result.ok, (description, result.hints)


@pytest.mark.parametrize("name,description,factory,fragment", _cases(_wrong_rows(_graded(1)))
                         + _cases(_wrong_rows(_try(1))))
def test_wrong_answers_fail_with_a_question(name, description, factory, fragment, article):
    result = _run(name, factory(article), article)
    assert result.status == "failed", (description, result.status)
    assert "?" in result.hint(1), (description, result.hint(1))
    if fragment:
        assert fragment in " ".join(result.hints), (description, result.hints)


# ------------------------------------------------------------------------------------------
# A learner's copy of the kit: no key, the shipped digests judge
# ------------------------------------------------------------------------------------------
@pytest.fixture()
def no_key(monkeypatch):
    monkeypatch.setenv(keys.ENV, "")
    assert keys.key_dir() is None


@pytest.mark.parametrize("name,description,factory", _cases({n: GRADED[n][0] for n in KEYED}))
def test_without_the_key_right_answers_still_pass(name, description, factory, article, no_key):
    result = _run(name, factory(article), article)
    assert result.ok, (description, result.hints)


@pytest.mark.parametrize("name,description,factory,fragment", _cases(_wrong_rows({n: GRADED[n][1] for n in KEYED})))
def test_without_the_key_wrong_answers_still_fail(name, description, factory, fragment, article, no_key):
    result = _run(name, factory(article), article)
    assert result.status == "failed", (description, result.status)
    assert "?" in result.hint(1), (description, result.hint(1))


def test_without_the_key_or_digests_a_check_says_it_needs_the_key(no_key):
    other = ak.parse_article("Société / Un titre\n\nUn premier paragraphe. Il a deux phrases.\n\nUn second.\n")
    result = run_check(C.whose_our, {"notre région": "Diop"}, article=other, strict=True)
    assert result.status == "failed" and "teacher's key" in result.hint(1)


def test_hints_never_give_the_key_away(article):
    # a wrong answer's hints never spell out a right answer of the table
    for name, (right, wrong) in GRADED.items():
        shown = set()
        for _description, make in right:
            answer = make(article)
            if isinstance(answer, dict):
                shown |= {v for v in answer.values() if isinstance(v, str) and len(v) < 30}
            elif isinstance(answer, (list, tuple, set)):
                shown |= {x for x in answer if isinstance(x, str)}
        for row in wrong:
            answer = row[1](article)
            said = " ".join(_run(name, answer, article).hints)
            echoed = " ".join(map(str, answer.values() if isinstance(answer, dict) else
                                  answer if isinstance(answer, (list, tuple, set)) else [answer]))
            for text in shown:
                if C._status(text) is not None or text.lower() in echoed.lower():
                    continue   # a closed choice (the three statuses), or the learner's own words echoed back
                assert not re.search(rf"(?<!\w){re.escape(text)}(?!\w)", said, re.I), (name, row[0], text, said)


# ------------------------------------------------------------------------------------------
# Messages: translatable, never built by hand
# ------------------------------------------------------------------------------------------
def test_every_hint_is_a_translatable_message(article):
    tables = {**{n: t[1] for n, t in GRADED.items()}, **{n: t[1] for n, t in TRY.items()}}
    for name, rows in tables.items():
        for row in rows:
            result = _run(name, row[1](article), article)
            assert all(isinstance(h, Message) for h in result.hints), (name, row[0], result.hints)
            assert result.message(name, lang="fr").startswith("❌ ")   # renders in French (or falls back)
    passed = _run("critical_note", NOTE_A, article)
    assert passed.ok and all(isinstance(h, Message) for h in passed.hints)


def test_the_module_builds_every_message_with_the_translation_functions():
    tree = ast.parse((ROOT / "src" / "articlekit" / "checks" / "critical.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("failed", "passed"):
            for arg in node.args:
                # a message, or a helper that returns one (each of its returns is checked below too)
                assert isinstance(arg, ast.Call) and getattr(arg.func, "id", None) in ("_", "_n", "_actor_hint"), \
                    ast.unparse(node)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "_n"):
            for arg in node.args[:2 if node.func.id == "_n" else 1]:
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), ast.unparse(node)


def test_graded_tables_are_large_enough():
    for name, (right, wrong) in GRADED.items():
        assert len(right) >= 3 and len(wrong) >= 3, name
