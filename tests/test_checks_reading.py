"""Lesson 1's checks: right answers by several routes pass, typical mistakes get a question."""

import datetime

import pandas as pd
import pytest

import articlekit as ak
from articlekit.checks import reading as R


def ok(name, answer, article):
    return getattr(R, name)(answer, article=article).ok


def hint(name, answer, article):
    result = getattr(R, name)(answer, article=article)
    assert not result.ok
    return " ".join(result.hints)


def test_there_are_at_least_eight_exercises():
    assert len(ak.checks.check_names(R)) >= 8


def test_unanswered_everywhere(article):
    check = ak.checks.lesson("01-reading", article=article)
    for name in ak.checks.check_names(R):
        assert check.result(name, ...).status == "unanswered"


def test_debris(article):
    assert ok("debris", [3, 25], article)
    assert ok("debris", {3, 21, 23, 25, 2}, article)  # blank and whitespace-only lines may be included
    assert "intruders" in hint("debris", [3], article)
    assert "rubric" in hint("debris", [1, 3, 25], article)
    assert "belongs" in hint("debris", [3, 5, 25], article)
    assert "list" in hint("debris", "3, 25", article)


def test_shortest_sentence(article):
    import numpy as np

    lengths = ak.sentence_lengths(article)
    best = int(lengths.loc[lengths["words"].idxmin(), "sentence"])
    assert ok("shortest_sentence", best, article)
    assert ok("shortest_sentence", np.int64(best), article)                   # straight from pandas
    assert ok("shortest_sentence", article.sentences[best], article)
    assert ok("shortest_sentence", article.sentences[best].text, article)
    assert "from 1" in hint("shortest_sentence", best + 1, article)
    longest = int(lengths.loc[lengths["words"].idxmax(), "sentence"])
    assert "longest" in hint("shortest_sentence", longest, article)         # the lesson's answer
    assert not ok("shortest_sentence", 0, article)
    assert not ok("shortest_sentence", float(best), article)


def test_quoted_paragraphs(article):
    expected = {p.index for p in article.paragraphs if "«" in p.text}
    assert ok("quoted_paragraphs", expected, article)
    assert ok("quoted_paragraphs", sorted(expected), article)
    assert "from 1" in hint("quoted_paragraphs", {i + 1 for i in expected}, article)
    assert "motto" in hint("quoted_paragraphs", expected - {1}, article)


def test_who_accepts_any_spelling(article):
    assert ok("who", ["Sadio CAMARA", "Birame DIOP"], article)
    assert ok("who", ("le général camara", "M. Diop"), article)
    assert not ok("who", ["Sadio Camara"], article)
    assert "journalist" in hint("who", ["Sadio Camara", "Sékou Mama Traoré"], article)
    assert not ok("who", ["le Ministre", "son homologue"], article)


def test_when(article):
    jours = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    d = article.date
    right = jours[d.weekday()]
    assert ok("when", {"date": d, "jour": right}, article)
    assert ok("when", {"date": datetime.datetime(d.year, d.month, d.day, 10, 0), "jour": right.upper()}, article)
    import pandas as pd

    assert ok("when", {"date": pd.Timestamp(d).date(), "jour": f" {right} "}, article)
    # the lesson's answer alone (the date) is not this exercise's answer
    assert "dict" in hint("when", d, article)
    assert "datetime.date" in hint("when", {"date": "2025-02-06", "jour": right}, article)
    assert "swap" in hint("when", {"date": datetime.date(d.year, d.day, d.month), "jour": right}, article)
    assert "from 1" in hint("when", {"date": d, "jour": jours[(d.weekday() + 1) % 7]}, article)
    assert ".weekday()" in hint("when", {"date": d, "jour": jours[(d.weekday() + 3) % 7]}, article)
    assert "French word" in hint("when", {"date": d, "jour": d.weekday()}, article)


WHAT_RIGHT = [
    "Le ministre malien a reçu son homologue sénégalais pour appliquer l’accord-cadre signé en 2021.",
    "Sadio Camara rencontre Birame Diop ; les deux pays ont déjà un accord de coopération de 2021.",
    "Lors d'une visite de trois jours, ils veulent faire vivre la convention de 2021.",
]
WHAT_WRONG = [
    ("La visite a été annulée malgré l’accord-cadre de 2021.", "take place"),
    ("Le ministre a reçu son homologue.", "already have"),
    ("Le ministre a reçu son homologue pour appliquer l’accord-cadre de 2019.", "which year"),
    ("The minister met his counterpart to apply the 2021 framework agreement.", "French"),
    ("Les deux pays veulent lutter contre le terrorisme.", "Name the event"),
]


def test_what(article):
    for answer in WHAT_RIGHT:
        assert ok("what", answer, article), answer
    for answer, cue in WHAT_WRONG:
        assert cue in hint("what", answer, article), answer


def test_where(article):
    assert ok("where", "Mali", article) and ok("where", "à Bamako, au Mali", article)
    assert ok("where", "au Mali", article) and ok("where", "le mali", article)
    # the text never names a city: a capital alone is the reader's knowledge, not the text's answer
    assert "name a city" in hint("where", "Bamako", article)
    assert "name a city" in hint("where", "Dakar", article)
    assert "visiting" in hint("where", "Sénégal", article)
    assert not ok("where", "Mali et Sénégal", article)


def test_numbers(article):
    right = {"visit_hours": 72, "border_km": 419, "agreement_year": 2021}
    assert ok("numbers", right, article)
    assert "kilomètres" in hint("numbers", {**right, "border_km": 72}, article)
    assert "int" in hint("numbers", {**right, "visit_hours": "72"}, article)
    assert "keys" in hint("numbers", {"hours": 72}, article)


def test_why_accepts_own_phrasing(article):
    assert ok("why", "Pour renforcer leur coopération contre le terrorisme.", article)
    assert ok("why", "Ils veulent cooperer davantage pour la securite de la frontiere.", article)
    assert "threat" in hint("why", "Ils veulent renforcer leur coopération militaire.", article)
    assert "own words" in hint("why", article.sentences[5].text, article)
    # working together and the threat, in any words
    assert ok("why", "Ils veulent travailler ensemble contre le terrorisme.", article)
    assert ok("why", "Ils veulent lutter ensemble contre les groupes armés et renforcer leur collaboration.",
              article)
    assert ok("why", "Les deux ministres veulent une alliance militaire pour combattre les djihadistes.", article)
    assert not ok("why", "Mali", article)


def _people(camara_names, diop_names, camara_country="Mali"):
    return pd.DataFrame([
        {"person": "Sadio Camara", "country": camara_country, "role": "Ministre de la Défense",
         "names": camara_names},
        {"person": "Birame Diop", "country": "Sénégal", "role": "Ministre des Forces armées",
         "names": diop_names},
    ])


def test_people(article):
    camara = ["Sadio CAMARA", "Sadio Camara", "le Ministre de la Défense et des Anciens Combattants"]
    diop = ["Birame DIOP", "Birame Diop", "le Ministre Sénégalais"]
    assert ok("people", _people(camara, diop), article)
    assert "country" in hint("people", _people(camara, diop, "Sénégal"), article)
    assert "every way" in hint("people", _people(camara[:1], diop), article)
    assert "written like that" in hint("people", _people(camara + ["Sadio Kamara"], diop), article)
    assert "written like that" in hint("people", _people(["sadio camara"] + camara[1:], diop), article)
    assert "columns" in hint("people", pd.DataFrame({"person": ["x"]}), article)
    # a form of the other minister under this one is wrong, even though it is in the text
    assert "other one" in hint("people", _people(camara + ["Birame DIOP"], diop), article)
    assert "other one" in hint("people", _people(camara, diop + ["son homologue Malien"]), article)
    assert "other one" in hint("people", _people(camara + ["son homologue Sénégalais"], diop), article)
    assert ok("people", _people(camara + ["son homologue Malien"], diop + ["son homologue Sénégalais"]), article)
    assert "DataFrame" in hint("people", [camara, diop], article)


def test_my_glossary(article):
    base = ak.load_glossary()
    two = base.add("rencontre", "meeting").add("renforcer", "to strengthen")
    assert ok("my_glossary", two, article)
    assert "at least two" in hint("my_glossary", base.add("rencontre", "meeting"), article)
    assert "variant" in hint("my_glossary", base.add("rencontre", "meeting").add("banane", "banana"), article)
    assert "glossary" in hint("my_glossary", ["rencontre"], article)


def _quoted_top(article, n=4):
    from collections import Counter

    spans = ak.quote_spans(article.text)
    c = Counter(t.lemma.casefold() for t in article.tokens
                if not (t.is_stop or t.is_punct or not t.is_alpha) and t.pos in ("NOUN", "PROPN", "ADJ", "VERB", "ADV")
                and any(a <= t.start < b for a, b in spans))
    return [w for w, _ in c.most_common(n)]


def test_top_lemmas_of_the_quotations(article):
    top = _quoted_top(article)
    assert ok("top_lemmas", top, article)
    assert ok("top_lemmas", [x.upper() for x in reversed(top)], article)
    assert ok("top_lemmas", tuple(top), article)
    whole = ak.lemma_frequencies(article)["lemma"].tolist()[:4]            # the lesson's route, whole article
    assert "whole article" in hint("top_lemmas", whole, article)
    assert "stop words" in hint("top_lemmas", top[:3] + ["le"], article)
    assert "four" in hint("top_lemmas", top[:3], article)


def test_kandel_moles(article):
    import numpy as np

    r = ak.readability(article.paragraphs[0].text)
    assert ok("kandel_moles", r.kandel_moles, article)
    assert ok("kandel_moles", round(r.kandel_moles, 2), article)
    assert ok("kandel_moles", np.float64(r.kandel_moles), article)
    whole = ak.readability(article).kandel_moles
    assert "whole article" in hint("kandel_moles", whole, article)           # the lesson's number
    assert not ok("kandel_moles", str(round(r.kandel_moles, 1)), article)
    swapped = 207 - 1.015 * r.syllables_per_word - 73.6 * r.words_per_sentence
    assert "swap" in hint("kandel_moles", swapped, article)
    flesch = 206.835 - 1.015 * r.words_per_sentence - 84.6 * r.syllables_per_word
    assert "Flesch" in hint("kandel_moles", flesch, article)


def test_slips(article):
    five = {"aigues": "aigus", "prise e compte": "prise en compte", "divers domaine": "divers domaines",
            "Forces Armée": "Forces armées", "accord cadre": "accord-cadre"}
    assert ok("slips", five, article)
    # context around a slip is fine, several slips in one key are fine
    assert ok("slips", {**five, "la criminalité Transfrontalière": "la criminalité transfrontalière",
                        "CAMARA Ministre de la Défense et des anciens": "CAMARA, Ministre de la Défense et des Anciens"},
              article)
    # typography is forgiven in the key: ’ versus '
    assert ok("slips", {**five, "l'approfondir": "approfondir"}, article)
    assert "at least five" in hint("slips", dict(list(five.items())[:4]), article)
    assert "looks right" in hint("slips", {**five, "la frontière": "la frontière"}, article)
    assert "correction" in hint("slips", {**five, "Terroristes": "Terroristes"}, article)
    assert "correction" in hint("slips", {**five, "aigues": "aiguës"}, article)
    assert "exactly" in hint("slips", {**five, "défis aigues": "défis aigus"}, article)
    assert "dict" in hint("slips", ["aigues"], article)


# -- check.slips, adversarial: answers as learners write them ------------------------------
_SLIPS_USED_BELOW = {"aigues", "divers domaine", "Forces Armée", "Sénégal a rendu", "prise e compte",
                     "Terroristes", "Malien", "Peuple Malien"}


def _listed(article):
    """The teacher's list of slips, less the passage the lesson corrects (those do not count)."""
    lesson = {(c.start, c.end) for c in ak.corrections(article)}
    return [c for c in ak.corrections(article, full=True) if (c.start, c.end) not in lesson]


def _slip_base(article, n=4):
    """n right corrections taken from the kit's list (never spelled out here)."""
    out = {}
    for c in _listed(article):
        if c.category in ("agreement", "capitalisation", "hyphen") and c.text not in out \
                and c.text not in _SLIPS_USED_BELOW:
            out[c.text] = c.correction
        if len(out) == n:
            break
    return out


def _slip(article, text):
    return next(c for c in _listed(article) if c.text == text)


def _neighbour_fix(article):
    # a key covering a listed slip plus only part of the neighbouring one (« «Nous »):
    # the learner's key starts after the guillemet, so that slip is not theirs to fix
    pronoun = next(c for c in _listed(article) if c.category == "redundant pronoun")
    start = article.text.rindex(" ", 0, pronoun.start - 1) - len("Nous")
    start = article.text.index("Nous", start)
    key = article.text[start:pronoun.end]
    assert any(c.start < start < c.end for c in _listed(article)), key  # it overlaps a neighbour
    return {key: article.text[start:pronoun.start] + pronoun.correction}


def _unlisted(article):
    # a real slip the kit does not list: « les Autorités de la Transition » (no capital for « autorités »)
    text = article.text
    a = text.index("Autorités de la Transition")
    assert not any(c.start < a + 26 and a < c.end for c in _listed(article))
    return {text[a:a + len("Autorités de la Transition")]: "autorités de la Transition"}


def _two_in_one(article):
    a, b = _slip(article, "Forces Armée"), _slip(article, "Sénégal a rendu")
    t = article.text
    return {t[a.start:b.end]: a.correction + t[a.end:b.start] + b.correction}


def _typography(article):
    # ’ typed as ', non-breaking space typed in the fix, a key in another case
    out = {}
    pronoun = next(c for c in _listed(article) if c.category == "redundant pronoun")
    out[pronoun.text.replace("’", "'")] = pronoun.correction
    space = next(c for c in _listed(article) if c.category == "typography" and c.text.endswith("»"))
    out[space.text] = space.correction.replace(" ", "\u00a0")
    letter = next(c for c in _listed(article) if c.category == "missing letter")
    out[letter.text.upper()] = letter.correction
    return out


RIGHT_BUT_UNUSUAL = {
    "neighbour slip overlaps a right fix": lambda ar: {**_slip_base(ar), **_neighbour_fix(ar)},
    "unlisted real slip alongside five right ones": lambda ar: {**_slip_base(ar, 5), **_unlisted(ar)},
    "two slips in one key, both fixed": lambda ar: {**_slip_base(ar), **_two_in_one(ar)},
    "two slips in one key, one fixed, one left as written": lambda ar: {
        **_slip_base(ar), "Forces Armée du Sénégal a rendu": "Forces armées du Sénégal a rendu"},
    "neighbour slip inside the key left as written": lambda ar: {
        **_slip_base(ar), "«Nous pouvons l’approfondir": "«Nous pouvons approfondir"},
    "apostrophe, NBSP and case of the key": lambda ar: {**_slip_base(ar, 2), **_typography(ar)},
    "a list of pairs instead of a dict": lambda ar: list(_slip_base(ar, 5).items()),
    "the kit's own slips, whole list": lambda ar: {c.text: c.correction for c in _listed(ar)},
}

WRONG_BUT_PLAUSIBLE = {
    # name: (answer, words the hint must hold)
    "wrong fix (feminine plural)": (lambda ar: {**_slip_base(ar, 5), "aigues": "aiguës"}, "look again at « aigues »"),
    "a fix that leaves the slip": (lambda ar: {**_slip_base(ar, 5), "divers domaine": "divers domaine."},
                                   "look again"),
    "fix copied unchanged": (lambda ar: {**_slip_base(ar, 5), "Terroristes": "Terroristes"}, "just like the original"),
    "too few, padded with an unlisted one": (lambda ar: {**_slip_base(ar, 4), **_unlisted(ar)}, "at least five"),
    "the same fix twice as pairs": (lambda ar: list(_slip_base(ar, 4).items()) * 2, "4 of your 4"),
    "lower-case key hides the capital": (lambda ar: {**_slip_base(ar, 5), "malien": "malien"}, "capitals"),
    "two keys for one slip": (lambda ar: {**_slip_base(ar, 3), "l’approfondir": "approfondir",
                                          "pouvons l’approfondir": "pouvons approfondir"},
                              "5 of your 5 corrections are right, and together they correct 4 different slips"),
    "one of two slips fixed wrongly": (
        lambda ar: {**_slip_base(ar, 5), "Forces Armée du Sénégal a rendu":
                    "Forces armée du Sénégal, a rendu"}, "look again at « Forces Armée"),
}


@pytest.mark.parametrize("name", list(RIGHT_BUT_UNUSUAL))
def test_slips_right_but_unusual(name, article):
    result = R.slips(RIGHT_BUT_UNUSUAL[name](article), article=article)
    assert result.ok, (name, result.hints)


@pytest.mark.parametrize("name", list(WRONG_BUT_PLAUSIBLE))
def test_slips_wrong_but_plausible(name, article):
    make, words = WRONG_BUT_PLAUSIBLE[name]
    answer = make(article)
    result = R.slips(answer, article=article)
    assert not result.ok, name
    text = " ".join(result.hints)
    assert words in text, (name, text)
    # hints are questions that quote the learner, never the kit's corrections
    assert "?" in text
    fixes = {c.correction for c in _listed(article)} - {c.text for c in _listed(article)}
    mine = set(dict(answer).values())
    leaked = [f for f in fixes - mine if len(f) > 3 and f in text and f not in article.text]
    assert not leaked, (name, leaked)


def test_slips_feedback_counts_and_names_unlisted(article):
    answer = {**_slip_base(article, 4), "aigues": "aiguës", **_unlisted(article)}
    text = hint("slips", answer, article)
    assert "4 of your 6 corrections are right; look again at « aigues »" in text
    assert "not in the kit's list" in text and "teacher will read" in text
    assert "looks right" not in text
    # an unlisted item never fails a complete answer, and it is named for the teacher
    result = R.slips({**_slip_base(article, 5), **_unlisted(article)}, article=article)
    assert result.ok and "teacher will read" in " ".join(result.hints)


def test_slips_solution_answer_passes(article):
    import re
    from pathlib import Path

    md = (Path(__file__).resolve().parents[1] / "solutions" / "01-reading.md").read_text(encoding="utf-8")
    block = re.search(r"^(slips = \{.*?^\})", md, re.S | re.M).group(1)
    scope = {}
    exec(block, scope)
    assert ok("slips", scope["slips"], article)


def test_quoted_speakers(article):
    assert ok("quoted_speakers", {"Diop", "Camara"}, article)
    assert ok("quoted_speakers", ["Birame DIOP", "Sadio CAMARA"], article)
    assert "motto" in hint("quoted_speakers", {"Diop", "Camara", "la devise"}, article)
    assert "himself" in hint("quoted_speakers", {"Diop", "Camara", "Traoré"}, article)
    assert not ok("quoted_speakers", {"Diop"}, article)


def test_hints_never_contain_the_closed_answers(article):
    # run every check with a wrong answer of the right kind and read every hint
    wrong = {"debris": [3], "shortest_sentence": 0, "conditions": "Je ne sais pas du tout, vraiment.", "quoted_paragraphs": {0}, "who": ["a", "b"],
             "when": {"date": datetime.date(2000, 1, 1), "jour": "lundi"}, "where": "Niger",
             "what": "Ils jouent au football le dimanche.",
             "numbers": {"visit_hours": 1, "border_km": 1, "agreement_year": 1},
             "why": "Je ne sais pas du tout.", "top_lemmas": ["a", "b", "c", "d"],
             "kandel_moles": 0.0, "quoted_speakers": {"x"},
             "people": _people(["Sadio CAMARA"], ["Birame DIOP"], "Sénégal")}
    text = " ".join(" ".join(getattr(R, k)(v, article=article).hints) for k, v in wrong.items())
    text += " " + hint("people", _people(["Sadio CAMARA"], ["Birame DIOP"]).assign(role="x"), article)
    for secret in ("419", "2021", "72", "Camara", "CAMARA", "Diop", "DIOP", "2025", "Sénégal", "Mali",
                   "Forces", "Défense", "Traoré", "paragraphs 2"):
        assert secret not in text, secret



def test_slips_the_lesson_corrected_do_not_count(article):
    lesson = ak.corrections(article)
    answer = {**_slip_base(article, 4), lesson[0].text: lesson[0].correction}
    assert "lesson corrected" in hint("slips", answer, article)


def test_slips_in_a_learners_copy_are_judged_by_digest(article, monkeypatch):
    from articlekit import keys

    right = _slip_base(article, 5)
    monkeypatch.setenv(keys.ENV, "")
    assert ok("slips", right, article)
    assert "match the kit's list" in hint("slips", dict(list(right.items())[:4]), article)
    wider = {**dict(list(right.items())[:4]), "homologue Sénégalais": "homologue sénégalais"}
    # a right fix written with more context than the list's cannot be matched here: the teacher reads it
    assert "your teacher will read" in hint("slips", wider, article)
    assert "exactly like that" in hint("slips", {"pas dans le texte": "x", **right}, article)
