"""Adversarial answer tables for every graded check (issue 11, item 5).

For each graded check of the assignments (``solutions/*.md``: the cells whose nbgrader
metadata says ``grade: true``), :data:`RIGHT` holds answers that are right but unusual and
must pass, and :data:`WRONG` answers that are wrong but plausible and must fail.  They are
written as a learner would write them: a tuple for a list, numpy and pandas values (a Series
from ``value_counts``, a numpy integer from ``idxmin``), another route to the same value (a
regular expression instead of a loop, the text of a sentence instead of its index, names in
capitals), and, for the wrong ones, the lesson's value for a neighbouring question, an
off-by-one, a type that looks right (« 19 » as a string), English, a contradicted fact.

Each entry is ``(description, factory)`` or ``(description, factory, hint_fragment)``: the
factory takes the article and builds the answer; expected values are computed from the article
and the kit, never typed here.  Every answer runs through ``run_check(..., strict=True)``, so a
check that raises on a plausible answer fails the test instead of hiding behind a hint.

Some checks have their tables elsewhere (see :data:`ELSEWHERE`); the last test makes sure
every graded check has at least three entries of each kind, here or there.
"""

from __future__ import annotations

import calendar
import datetime
import importlib.util
import json
import math
import re
from collections import Counter, OrderedDict
from fractions import Fraction
from functools import reduce
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import articlekit as ak
from articlekit.checks import lesson_module, run_check

ROOT = Path(__file__).resolve().parents[1]

#: Graded checks whose adversarial tables live in another test file:
#: key -> (file in tests/, its table of right answers, its table of wrong answers).
ELSEWHERE = {
    "01-reading:conditions": ("test_checks_meaning.py", "CONDITIONS_RIGHT", "CONDITIONS_WRONG"),
    "01-reading:slips": ("test_checks_reading.py", "RIGHT_BUT_UNUSUAL", "WRONG_BUT_PLAUSIBLE"),
    "01-reading:true_false": ("test_fiche_reading.py", "TRUE_FALSE_RIGHT", "TRUE_FALSE_WRONG"),
    "01-reading:who_said": ("test_fiche_reading.py", "WHO_SAID_RIGHT", "WHO_SAID_WRONG"),
    "01-reading:matching": ("test_fiche_reading.py", "MATCHING_RIGHT", "MATCHING_WRONG"),
    "01-reading:gap_fill": ("test_fiche_reading.py", "GAP_FILL_RIGHT", "GAP_FILL_WRONG"),
    "01-reading:press_review": ("test_fiche_reading.py", "PRESS_REVIEW_RIGHT", "PRESS_REVIEW_WRONG"),
    "02-annotating:direct_voices": ("test_fiche_annotating.py", "DIRECT_VOICES_RIGHT", "DIRECT_VOICES_WRONG"),
    "02-annotating:reporting_verbs": ("test_fiche_annotating.py", "REPORTING_VERBS_RIGHT", "REPORTING_VERBS_WRONG"),
    "02-annotating:indirect": ("test_fiche_annotating.py", "INDIRECT_RIGHT", "INDIRECT_WRONG"),
    "02-annotating:reply": ("test_fiche_annotating.py", "REPLY_RIGHT", "REPLY_WRONG"),
    "03-summarising:paragraph_ideas": ("test_fiche_summarising.py", "PARAGRAPH_IDEAS_RIGHT", "PARAGRAPH_IDEAS_WRONG"),
    "03-summarising:nominalisations": ("test_fiche_summarising.py", "NOMINALISATIONS_RIGHT", "NOMINALISATIONS_WRONG"),
    "03-summarising:connectors": ("test_fiche_summarising.py", "CONNECTORS_RIGHT", "CONNECTORS_WRONG"),
    "03-summarising:reformulation": ("test_fiche_summarising.py", "REFORMULATION_RIGHT", "REFORMULATION_WRONG"),
    "03-summarising:resume": ("test_checks_summarising.py", "RIGHT_RESUMES", "WRONG_RESUMES"),
    "04-critical-reading:official_share": ("test_checks_critical.py", "RIGHT_OFFICIAL_SHARE", "WRONG_OFFICIAL_SHARE"),
    "04-critical-reading:whose_our": ("test_checks_critical.py", "RIGHT_WHOSE_OUR", "WRONG_WHOSE_OUR"),
    "04-critical-reading:loaded_words": ("test_checks_critical.py", "RIGHT_LOADED_WORDS", "WRONG_LOADED_WORDS"),
    "04-critical-reading:neutral_rewording": ("test_checks_critical.py", "RIGHT_NEUTRAL_REWORDING", "WRONG_NEUTRAL_REWORDING"),
    "04-critical-reading:actors_heard": ("test_checks_critical.py", "RIGHT_ACTORS_HEARD", "WRONG_ACTORS_HEARD"),
    "04-critical-reading:border_gap": ("test_checks_critical.py", "RIGHT_BORDER_GAP", "WRONG_BORDER_GAP"),
    "04-critical-reading:critical_note": ("test_checks_critical.py", "RIGHT_CRITICAL_NOTE", "WRONG_CRITICAL_NOTE"),
}


def graded_checks() -> list[str]:
    """``"slug:name"`` for every ``check.<name>(…)`` in a graded cell of ``solutions/*.md``."""
    found = []
    for path in sorted((ROOT / "solutions").glob("[0-9]*.md")):
        text = path.read_text(encoding="utf-8")
        for cell in re.findall(r"```\{code-cell\}[^\n]*\n(.*?)\n```", text, re.S):
            meta = re.match(r"---\n(.*?)\n---\n", cell, re.S)
            if meta and re.search(r"^\s*grade:\s*true\s*$", meta.group(1), re.M):
                found += [f"{path.stem}:{name}" for name in re.findall(r"\bcheck\.(\w+)\(", cell[meta.end():])]
    return sorted(set(found))


# ------------------------------------------------------------------------------------------
# What a learner computes on the way (memoised per article: some of it runs summarisers)
# ------------------------------------------------------------------------------------------
_MEMO: dict = {}


def memo(function):
    def cached(article):
        key = (function.__name__, id(article))
        if key not in _MEMO:
            _MEMO[key] = function(article)
        return _MEMO[key]

    cached.__name__ = function.__name__
    return cached


def raw_lines(article):
    return article.raw.splitlines()


def debris_lines(article):
    """The two intruders, found as the exercise says: a line repeating line 1, a line in English."""
    lines = raw_lines(article)
    return [n for n, line in enumerate(lines, start=1)
            if (n > 1 and line == lines[0]) or line.startswith("The website")]


def words_in(text):
    return len(re.findall(r"\w+(?:-\w+)*", text))


def shortest(article):
    lengths = ak.sentence_lengths(article)
    return int(lengths.loc[lengths["words"].idxmin(), "sentence"])


def longest(article):
    lengths = ak.sentence_lengths(article)
    return int(lengths.loc[lengths["words"].idxmax(), "sentence"])


def quoted(article):
    return {p.index for p in article.paragraphs if "«" in p.text}


MOIS = {"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12}


def meeting_day(article):
    day, month, year = re.search(r"(\d{1,2}) (\w+) (\d{4})", article.date_text).groups()
    return datetime.date(int(year), MOIS[month], int(day))


def number_before(article, word):
    return int(re.search(r"(\d+) " + word, article.text).group(1))


def three_numbers(article):
    return {"visit_hours": number_before(article, "heures"),
            "border_km": number_before(article, "kilomètres"),
            "agreement_year": int(re.search(r"accord.cadre de (\d{4})", article.text).group(1))}


def forms(article, *patterns):
    found = []
    for pattern in patterns:
        for m in re.finditer(pattern, article.text):
            if m.group(0) not in found:
                found.append(m.group(0))
    return found


def people_rows(article):
    camara = {"person": "Sadio Camara", "country": "Mali", "role": "Ministre de la Défense et des Anciens Combattants",
              "names": forms(article, r"Sadio (?:CAMARA|Camara)", r"le Général Sadio Camara",
                             r"[Ll]e Ministre de la Défense et des [Aa]nciens Combattants")}
    diop = {"person": "Birame Diop", "country": "Sénégal", "role": "Ministre des Forces armées",
            "names": forms(article, r"Birame (?:DIOP|Diop)", r"son homologue Sénégalais", r"le Ministre Sénégalais")}
    return camara, diop


def people_table(article, **changes):
    camara, diop = people_rows(article)
    rows = [dict(camara), dict(diop)]
    for field, (for_camara, for_diop) in changes.items():
        rows[0][field], rows[1][field] = for_camara, for_diop
    return pd.DataFrame(rows)


def lede_counts(article):
    from articlekit.readability import count_syllables, words_of

    lede = article.paragraphs[0]
    n_sentences = sum(1 for s in article.sentences if s.paragraph == lede.index)
    words = words_of(lede.text)
    return n_sentences, len(words), sum(count_syllables(w) for w in words)


def km_by_hand(article, paragraph=0):
    from articlekit.readability import count_syllables, words_of

    p = article.paragraphs[paragraph]
    n_sentences = sum(1 for s in article.sentences if s.paragraph == p.index)
    words = words_of(p.text)
    n_syllables = sum(count_syllables(w) for w in words)
    return 207 - 1.015 * len(words) / n_sentences - 73.6 * n_syllables / len(words)


def speakers_in_guillemets(article):
    return sorted({q.speaker for q in ak.extract_quotes(article) if q.kind != "indirect" and q.speaker})


# -- lesson 2 --------------------------------------------------------------------------------
@memo
def the_key(article):
    return ak.reference(article)


@memo
def suggestions(article):
    return ak.suggest_entities(article)


def names_all(article, names=("Sadio CAMARA", "Sadio Camara", "Birame DIOP", "Birame Diop"), label="PER"):
    notes = ak.Annotations(article)
    for name in names:
        notes = notes.add(name, label, occurrence="all")
    return notes


def numbers_notes(article):
    return (ak.Annotations(article)
            .add(article.date_text, "DATE")
            .add_regex(r"accord cadre de (\d{4})", "DATE", group=1)
            .add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM")
            .add_regex(r"\bdeux pays\b", "NUM"))


def theme_notes(article, test=lambda s: re.search(r"terroris", s.text, re.I), label="terrorisme"):
    notes = ak.Annotations(article)
    for sentence in article.sentences:
        if test(sentence):
            notes = notes.add_sentence(sentence, label)
    return notes


@memo
def fixed(article):
    """Exercise 5 as the solution does it: remove what is not an entity cut right, relabel the rest."""
    out = suggestions(article)
    for span in suggestions(article):
        if re.search(r"Ministre|Général|Armée|Combattants|Peuple|’$|’é", span.text):
            out = out.remove(span)
    for text in ["Un But", "Une foi »\n\n", "Sécurisations", "Transfrontalière", "Terroristes",
                 "République sœur du Sénégal", "Sénégalais Birame DIOP", "Sénégalais Birame"]:
        out = out.remove(text)
    for text, label in [("Malien", "MISC"), ("Sénégalaise", "MISC"), ("Transition", "ORG")]:
        out = out.relabel(text, label)
    return out


def scores_of(score):
    return {"precision": score.precision, "recall": score.recall, "f1": score.f1}


def f1_on(article, paragraph=1, *, swap=False, match="exact"):
    part = article.paragraphs[paragraph]
    sug, key = suggestions(article).within(part), the_key(article).within(part)
    return ak.span_scores(*((key, sug) if swap else (sug, key)), match=match)[-1]


def kinds(article):
    # the dispatch's kinds in text order, from the teacher's key
    from articlekit.checks import annotating

    return annotating._dispatch_kinds(ak.exercise_article(annotating.DISPATCH).text)


@memo
def dispatch(article):
    return ak.exercise_article("02-depeche-frontiere")


DISPATCH_QUOTES = [  # (pattern whose group 1 is the quotation, kind, speaker)
    (r"« (Nous serons.+?) »", "DIRECT", "Ousmane Keïta"),
    (r"« (des actes.+?) »", "PARTIAL", "Aminata Sarr"),
    (r"« (Si les routes.+?) »", "DIRECT", "Mamadou Traoré"),
    (r"un nom, « (.+?) »", "MOTTO", None),
]


def dispatch_notes(article, rows=DISPATCH_QUOTES, *, group=1):
    notes = ak.Annotations(dispatch(article))
    for pattern, label, speaker in rows:
        notes = notes.add_regex(pattern, label, group=group, speaker=speaker)
    return notes


def with_speakers(article, change):
    return dispatch_notes(article, [(p, k, change(k, s)) for p, k, s in DISPATCH_QUOTES])


def without_speakers(notes):
    return ak.Annotations(notes.text, [type(s)(s.start, s.end, s.label, s.layer, s.text) for s in notes])


# -- lesson 3 --------------------------------------------------------------------------------
POS = ("NOUN", "PROPN", "ADJ", "VERB")


def lemma_lists(article, keep=lambda t: t.pos in POS, word=lambda t: t.lemma.lower()):
    lists = [[] for _ in article.sentences]
    for t in article.tokens:
        if keep(t):
            lists[t.sentence].append(word(t))
    return lists


def lesson_lemmas(article):
    return lemma_lists(article, keep=lambda t: not t.is_stop and not t.is_punct)


def counts(lists):
    return Counter(w for s in lists for w in s)


def weights_of(lists):
    freq = counts(lists)
    top = max(freq.values())
    return {w: n / top for w, n in freq.items()}


def sums_of(lists):
    w = weights_of(lists)
    return [sum(w[x] for x in s) for s in lists]


def best3(scores):
    return sorted(sorted(range(len(scores)), key=lambda i: -scores[i])[:3])


def my_top3(article):
    return best3(sums_of(lemma_lists(article)))


@memo
def package_indices(article):
    return list(ak.summarise(article, "frequency", max_sentences=3).indices)


@memo
def textrank_indices(article):
    return list(ak.summarise(article, "textrank", max_sentences=3).indices)


def count_quoted(article, indices):
    return sum("«" in article.sentences[i].text or "»" in article.sentences[i].text for i in indices)


def quotes_answer(article):
    return {"sum": count_quoted(article, my_top3(article)), "mean": count_quoted(article, package_indices(article))}


def count_phrase():
    from articlekit.checks.summarising import COUNT_PHRASE

    return COUNT_PHRASE


def last_three_words(article):
    return sum(ak.count_words(p.text) for p in article.paragraphs[-3:])


@memo
def method_f1(article):
    reference = ak.reference_summary("fr-examen")
    return {m: ak.rouge(ak.summarise(article, m, max_words=reference.words), reference).rouge1
            for m in ak.summarising.METHODS}


def best_by(article, what="f1", best=max):
    scores = {m: getattr(r, what) for m, r in method_f1(article).items()}
    return best(scores, key=scores.get)


def non_ascii(name, distinct=True):
    words = [w for w in ak.evaluation.tokenize(ak.reference_summary(name).text) if not w.isascii()]
    return len(set(words)) if distinct else len(words)


@memo
def gap_parts(article):
    medium = ak.reference_summary("fr-moyen")
    best = max(ak.rouge(ak.summarise(article, m, max_sentences=3), medium).rouge1.f1 for m in ak.summarising.METHODS)
    ceiling = ak.rouge(ak.oracle(article, medium.text, k=3, metric="rouge1"), medium).rouge1.f1
    return ceiling, best


def gap(article):
    ceiling, best = gap_parts(article)
    return ceiling - best


def gap_against(article, name, k=3):
    reference = ak.reference_summary(name)
    best = max(ak.rouge(ak.summarise(article, m, max_sentences=3), reference).rouge1.f1
               for m in ak.summarising.METHODS)
    return ak.rouge(ak.oracle(article, reference.text, k=k, metric="rouge1"), reference).rouge1.f1 - best


# ------------------------------------------------------------------------------------------
# The tables
# ------------------------------------------------------------------------------------------
RIGHT: dict[str, list] = {}
WRONG: dict[str, list] = {}

# -- lesson 1: reading -----------------------------------------------------------------------
RIGHT["01-reading:debris"] = [
    ("a tuple", lambda a: tuple(debris_lines(a))),
    ("a set with the blank and whitespace-only lines around them",
     lambda a: set(debris_lines(a)) | {n for n, line in enumerate(raw_lines(a), start=1) if not line.strip()}),
    ("a Series of numpy integers: the removed lines of the cleaning table",
     lambda a: (lambda f: f.loc[f["action"] == "removed", "line"])(a.to_frame("cleaning"))),
    ("a regular expression over the raw text, lines counted from 1",
     lambda a: [a.raw.count("\n", 0, m.start()) + 1
                for m in re.finditer(r"(?m)^(?:" + re.escape(raw_lines(a)[0]) + r"|The website.*)$", a.raw)][1:]),
]
WRONG["01-reading:debris"] = [
    ("counted from 0, as enumerate does by default",
     lambda a: [n - 1 for n in debris_lines(a)], "from 0"),
    ("line 1 taken for the repeat", lambda a: [1, debris_lines(a)[-1]], "rubric"),
    ("the byline too", lambda a: debris_lines(a) + [next(c.line for c in a.cleaning if c.reason == "byline")],
     "belongs"),
    ("line numbers as text", lambda a: [str(n) for n in debris_lines(a)], "whole numbers"),
    ("only the English line", lambda a: debris_lines(a)[-1:], "intruders"),
    ("every line of the lesson's cleaning table", lambda a: a.to_frame("cleaning")["line"].tolist(), "rubric"),
]

RIGHT["01-reading:shortest_sentence"] = [
    ("a numpy integer straight from idxmin",
     lambda a: (lambda t: t.loc[t["words"].idxmin(), "sentence"])(ak.sentence_lengths(a))),
    ("the Sentence itself, found with min()", lambda a: min(a.sentences, key=lambda s: len(s.text.split()))),
    ("the sentence's text, typed with straight apostrophes",
     lambda a: a.sentences[shortest(a)].text.replace("’", "'")),
    ("an int from sorting the indices by a regex word count",
     lambda a: sorted(range(len(a.sentences)), key=lambda i: words_in(a.sentences[i].text))[0]),
]
WRONG["01-reading:shortest_sentence"] = [
    ("the longest sentence, the lesson's question", longest, "longest"),
    ("counted from 1", lambda a: shortest(a) + 1, "from 1"),
    ("the index as a string", lambda a: str(shortest(a)), "whole number"),
    ("the index as a float", lambda a: float(shortest(a)), "whole number"),
    ("its number of words instead of its index", lambda a: ak.sentence_lengths(a)["words"].min(), None),
]

RIGHT["01-reading:quoted_paragraphs"] = [
    ("a sorted list", lambda a: sorted(quoted(a))),
    ("a tuple from a regex search", lambda a: tuple(p.index for p in a.paragraphs if re.search("«", p.text))),
    ("a Series from the lesson's quote map", lambda a: (lambda q: q.loc[q["quotes"] > 0, "paragraph"])(ak.quote_map(a))),
    ("a numpy array from flatnonzero", lambda a: np.flatnonzero(["«" in p.text for p in a.paragraphs])),
]
WRONG["01-reading:quoted_paragraphs"] = [
    ("counted from 1", lambda a: {i + 1 for i in quoted(a)}, "from 1"),
    ("without the motto's paragraph (only what a minister says)",
     lambda a: {p.index for p in a.paragraphs
                if any(q.kind in ("direct", "partial") and p.start <= q.start < p.end for q in ak.extract_quotes(a))},
     "motto"),
    ("the sentences' indices instead of the paragraphs'",
     lambda a: {s.index for s in a.sentences if "«" in s.text}, None),
    ("how many paragraphs, not which", lambda a: len(quoted(a)), "paragraph numbers"),
    ("every paragraph of the lesson's quote map", lambda a: set(ak.quote_map(a)["paragraph"]), "guillemet"),
]

RIGHT["01-reading:who"] = [
    ("a tuple of surnames in capitals", lambda a: ("CAMARA", "DIOP")),
    ("the other order, with their titles", lambda a: ["le Ministre Birame Diop", "le Général Sadio Camara"]),
    ("a numpy array of full names, no accents or capitals", lambda a: np.array(["sadio camara", "birame diop"])),
    ("the PER entities of the first sentence, cleaned",
     lambda a: [e.text.split()[-2] + " " + e.text.split()[-1] for e in a.entities
                if e.label == "PER" and e.end <= a.sentences[0].end and len(e.text.split()) >= 2]),
]
WRONG["01-reading:who"] = [
    ("one minister and the journalist", lambda a: ["Sadio Camara", a.byline.title()], "journalist"),
    ("only the host", lambda a: ["Sadio Camara"], "How many people"),
    ("titles, not names", lambda a: ["le Ministre de la Défense", "son homologue Sénégalais"], None),
    ("the two countries", lambda a: ["le Mali", "le Sénégal"], None),
    ("one string for both", lambda a: "Sadio Camara et Birame Diop", "list of names"),
    ("the same man twice, in two spellings", lambda a: ["Sadio CAMARA", "Sadio Camara"], None),
]

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def when_answer(date, jour=None):
    return {"date": date, "jour": JOURS[date.weekday()] if jour is None else jour}


RIGHT["01-reading:what"] = [
    ("the visitor as subject, « mettre en œuvre »",
     lambda a: "Le Sénégalais Birame Diop rend visite à son homologue malien afin de mettre en œuvre "
               "l’accord-cadre de 2021."),
    ("straight apostrophe, « accord cadre » without its hyphen",
     lambda a: "Les deux ministres se rencontrent au Mali pour appliquer l'accord cadre signé en 2021."),
    ("a noun for the event, another name for the agreement",
     lambda a: "Une rencontre entre les ministres de la Défense du Mali et du Sénégal doit concrétiser l'accord de "
               "coopération conclu en 2021."),
    ("« accueillir » and « traité »",
     lambda a: "Le ministre malien accueille son homologue sénégalais ; ensemble ils veulent enfin appliquer "
               "le traité de 2021."),
    ("typed without accents", lambda a: "les deux ministres se reunissent pour mettre en oeuvre l'accord cadre de 2021"),
]
WRONG["01-reading:what"] = [
    ("in English", lambda a: "The two ministers meet to implement the 2021 framework agreement.", "French"),
    ("the meeting negated",
     lambda a: "La rencontre entre les deux ministres a été annulée, l'accord de 2021 reste lettre morte.", "take place"),
    ("the meeting refused", lambda a: "Le ministre malien refuse de recevoir son homologue, malgré l'accord-cadre de 2021.",
     "take place"),
    ("the year of the article for the agreement",
     lambda a: f"Les deux ministres se rencontrent pour appliquer l'accord-cadre de {a.date.year}.", "which year"),
    ("no agreement", lambda a: "Les deux ministres se rencontrent pour parler de sécurité.", "already have"),
    ("the agreement rejected", lambda a: "Les deux ministres se rencontrent, mais ils rejettent l'accord-cadre de 2021.",
     "already have"),
    ("a sentence copied from the article", lambda a: next(s.text for s in a.sentences if "accord cadre" in s.text),
     "own words"),
    ("off topic: the motto", lambda a: "Le Mali et le Sénégal ont la même devise depuis 2021.", "event"),
]

RIGHT["01-reading:when"] = [
    ("a datetime from strptime, the day from a list", lambda a: when_answer(
        datetime.datetime.strptime(meeting_day(a).isoformat(), "%Y-%m-%d"))),
    ("a pandas Timestamp, the day in capitals",
     lambda a: when_answer(pd.Timestamp(meeting_day(a)), JOURS[meeting_day(a).weekday()].capitalize())),
    ("date.fromisoformat on the pieces of date_text, the day from calendar",
     lambda a: (lambda d: {"jour": f" {JOURS[calendar.weekday(d.year, d.month, d.day)]} ", "date": d})(
         (lambda d, m, y: datetime.date.fromisoformat(f"{y}-{MOIS[m]:02d}-{int(d):02d}"))(
             *re.search(r"(\d+) (\w+) (\d{4})", a.date_text).groups()))),
]
WRONG["01-reading:when"] = [
    ("the date as an ISO string", lambda a: when_answer(meeting_day(a)) | {"date": meeting_day(a).isoformat()}, "text"),
    ("day and month swapped",
     lambda a: when_answer(datetime.date(meeting_day(a).year, meeting_day(a).day, meeting_day(a).month)), "swap"),
    ("the day before", lambda a: when_answer(meeting_day(a) - datetime.timedelta(days=1)), None),
    ("isoweekday() on a list that starts with lundi",
     lambda a: when_answer(meeting_day(a), JOURS[meeting_day(a).isoweekday() % 7]), "from 1"),
    ("the weekday in English, from strftime", lambda a: when_answer(meeting_day(a), meeting_day(a).strftime("%A")),
     "lundi"),
    ("the date alone, not the dict", meeting_day, "dict"),
    ("the text of the date, copied", lambda a: {"date": a.date_text, "jour": a.date_text.split(",")[0]}, "text"),
]

RIGHT["01-reading:where"] = [
    ("with its preposition", lambda a: "au Mali"),
    ("in capitals", lambda a: "MALI"),
    ("the official name", lambda a: "la République du Mali"),
    ("with the text's own words", lambda a: "dans notre pays, le Mali"),
]
WRONG["01-reading:where"] = [
    ("the visitor's country", lambda a: "Sénégal", "visiting"),
    ("the visitor's country, in English", lambda a: "Senegal", "visiting"),
    ("the capital, which the text never names", lambda a: "Bamako", "name a city"),
    ("both countries", lambda a: "au Mali et au Sénégal", "one country"),
    ("the nationality adjective", lambda a: "Malien", "country"),
]

RIGHT["01-reading:numbers"] = [
    ("numpy integers from pandas str.extract",
     lambda a: {k: pd.Series([a.text]).str.extract(p).astype("int64").iloc[0, 0]
                for k, p in [("visit_hours", r"(\d+) heures"), ("border_km", r"(\d+) kilomètres"),
                             ("agreement_year", r"accord.cadre de (\d{4})")]}),
    ("an OrderedDict, keys in another order",
     lambda a: OrderedDict(sorted(three_numbers(a).items(), reverse=True))),
    ("picked from the lesson's list of every number in the text",
     lambda a: (lambda found: {"visit_hours": int(next(x for x in found if x.endswith("heures")).split()[0]),
                               "border_km": int(next(x for x in found if x.endswith("kilomètres")).split()[0]),
                               "agreement_year": next(int(x) for x in found
                                                      if re.fullmatch(r"\d{4}", x) and int(x) != a.date.year)})(
         re.findall(r"\d+(?: [\w’]+)?", a.text))),
]
WRONG["01-reading:numbers"] = [
    ("values as text", lambda a: {k: str(v) for k, v in three_numbers(a).items()}, "whole numbers"),
    ("the visit in days", lambda a: {**three_numbers(a), "visit_hours": three_numbers(a)["visit_hours"] // 24},
     "heures"),
    ("the border from a reference book, not from the text",
     lambda a: {**three_numbers(a), "border_km": three_numbers(a)["border_km"] + 70}, "kilomètres"),
    ("the year of the article for the agreement", lambda a: {**three_numbers(a), "agreement_year": a.date.year},
     "accord cadre"),
    ("keys in French", lambda a: dict(zip(["heures", "kilomètres", "année"], three_numbers(a).values())), "keys"),
    ("floats", lambda a: {k: float(v) for k, v in three_numbers(a).items()}, "whole numbers"),
]

RIGHT["01-reading:people"] = [
    ("rows in the other order, names as tuples",
     lambda a: people_table(a, names=tuple(tuple(r["names"]) for r in people_rows(a))).iloc[::-1]),
    ("the countries as the text's adjectives of nationality", lambda a: people_table(a, country=("malien", "sénégalais"))),
    ("extra columns, persons in capitals, names as sets",
     lambda a: people_table(a, person=("Sadio CAMARA", "Birame DIOP"),
                            names=tuple(set(r["names"]) for r in people_rows(a))).assign(rank=["Général", ""], n=[1, 2])),
]
WRONG["01-reading:people"] = [
    ("countries swapped", lambda a: people_table(a, country=("Sénégal", "Mali")), "country"),
    ("both countries on each row", lambda a: people_table(a, country=("Mali et Sénégal", "Mali et Sénégal")),
     "country"),
    ("the lesson's one-row table", lambda a: pd.DataFrame([people_rows(a)[0]]), "one row for each"),
    ("a form not copied exactly",
     lambda a: people_table(a, names=(["le ministre de la défense"] + people_rows(a)[0]["names"],
                                      people_rows(a)[1]["names"])), "written like that"),
    ("too few forms of the Malian minister",
     lambda a: people_table(a, names=(people_rows(a)[0]["names"][:1], people_rows(a)[1]["names"])), "every way"),
    ("roles swapped", lambda a: people_table(a, role=("Ministre des Forces armées", "Ministre de la Défense")),
     "portfolio"),
    ("a list of dicts", lambda a: list(people_rows(a)), "DataFrame"),
]

RIGHT["01-reading:my_glossary"] = [
    ("the dictionary forms, with the text's forms as variants",
     lambda a: ak.load_glossary().add("engager", "to commit", variants=["engagé", "engagées"])
                                 .add("rencontrer", "to meet", variants=["rencontré"])),
    ("three terms added in a loop", lambda a: reduce(lambda g, t: g.add(*t), [
        ("approfondir", "to deepen"), ("bataille", "battle"), ("honneur", "honour")], ak.load_glossary())),
    ("terms with definitions and a part of speech",
     lambda a: ak.load_glossary().add("lutter", "to fight", "Se battre contre quelque chose.", pos="VERB")
                                 .add("renforcer", "to strengthen", "Rendre plus fort.", pos="VERB")),
]
WRONG["01-reading:my_glossary"] = [
    ("the lesson's one new term", lambda a: ak.load_glossary().add("rencontre", "meeting", variants=["rencontres"]),
     "at least two"),
    ("add's result not kept", lambda a: (lambda g: (g.add("lutter", "to fight"), g)[1])(ak.load_glossary()),
     "at least two"),
    ("a word of the dispatch, not of the article",
     lambda a: ak.load_glossary().add("lutter", "to fight").add("patrouille", "patrol"), "in the article"),
    ("a verb's dictionary form without the text's form", lambda a: ak.load_glossary().add("lutter", "to fight")
     .add("engager", "to commit"), "variant"),
    ("a plain dict of words", lambda a: {"lutter": "to fight", "renforcer": "to strengthen"}, "glossary"),
]

def quoted_counter(a):
    spans = ak.quote_spans(a.text)
    return Counter(t.lemma.lower() for t in a.tokens
                   if not t.is_stop and not t.is_punct and t.is_alpha and t.pos in ("NOUN", "PROPN", "ADJ", "VERB", "ADV")
                   and any(x <= t.start < y for x, y in spans))


def top4(a):
    return [w for w, _ in quoted_counter(a).most_common(4)]


RIGHT["01-reading:top_lemmas"] = [
    ("the top four of a Counter, as a tuple", lambda a: tuple(top4(a))),
    ("in capitals, reversed", lambda a: [x.upper() for x in reversed(top4(a))]),
    ("the index of a value_counts Series",
     lambda a: pd.Series(list(quoted_counter(a).elements())).value_counts().index[:4]),
    ("a set", lambda a: set(top4(a))),
]
WRONG["01-reading:top_lemmas"] = [
    ("the lesson's route on the whole article", lambda a: ak.lemma_frequencies(a)["lemma"].tolist()[:4],
     "whole article"),
    ("stop words kept", lambda a: [w for w, _ in Counter(t.lemma.lower() for t in a.tokens if not t.is_punct
                                                           and any(x <= t.start < y for x, y in
                                                                   ak.quote_spans(a.text))).most_common(4)],
     None),
    ("(lemma, count) pairs from most_common", lambda a: quoted_counter(a).most_common(4), "strings"),
    ("five", lambda a: [w for w, _ in quoted_counter(a).most_common(5)], "four"),
    ("the same lemma twice in two cases", lambda a: top4(a)[:3] + [top4(a)[0].upper()], "only once"),
]

RIGHT["01-reading:kandel_moles"] = [
    ("by hand from the three counts", lambda a: km_by_hand(a)),
    ("a numpy float", lambda a: np.float64(km_by_hand(a))),
    ("rounded to two decimals", lambda a: round(km_by_hand(a), 2)),
    ("numpy arithmetic on an array of the counts",
     lambda a: (lambda s, w, y: 207 - 1.015 * w / s - 73.6 * y / w)(*np.array(lede_counts(a)))),
]
WRONG["01-reading:kandel_moles"] = [
    ("the whole article's score, the lesson's", lambda a: ak.readability(a).kandel_moles, "whole article"),
    ("the two ratios swapped", lambda a: (lambda s, w, y: 207 - 1.015 * y / w - 73.6 * w / s)(*lede_counts(a)), "swap"),
    ("Flesch's English formula",
     lambda a: (lambda s, w, y: 206.835 - 1.015 * w / s - 84.6 * y / w)(*lede_counts(a)), "Flesch"),
    ("the score as text", lambda a: f"{km_by_hand(a):.1f}", "number"),
    ("the second paragraph's score", lambda a: km_by_hand(a, 1), None),
]

RIGHT["01-reading:quoted_speakers"] = [
    ("full names in capitals, in a list", lambda a: [n.split()[0] + " " + n.split()[-1].upper()
                                                     for n in speakers_in_guillemets(a)]),
    ("a numpy array from the rules' quotations in guillemets", lambda a: np.unique(speakers_in_guillemets(a))),
    ("a frozenset of lower-case surnames", lambda a: frozenset(n.split()[-1].lower() for n in speakers_in_guillemets(a))),
    ("with their titles", lambda a: ("le Ministre Birame Diop", "le Général Sadio Camara")),
]
WRONG["01-reading:quoted_speakers"] = [
    ("only the visitor, who speaks first", lambda a: {speakers_in_guillemets(a)[0].split()[-1]}, None),
    ("with the journalist", lambda a: set(speakers_in_guillemets(a)) | {a.byline.title()}, "journalist"),
    ("the motto's country taken for a speaker", lambda a: set(speakers_in_guillemets(a)) | {"le Mali"}, "motto"),
    ("the lesson's voices table, with its « — » for the motto",
     lambda a: {q.speaker or "—" for q in ak.extract_quotes(a)}, "motto"),
    ("the dict of speaker names", lambda a: ak.speaker_names(a), "set of names"),
]

# -- lesson 2: annotating --------------------------------------------------------------------
RIGHT["02-annotating:people"] = [
    ("spans by offsets from find_forms",
     lambda a: reduce(lambda n, ab: n.add_span(ab[0], ab[1], "PER"),
                      sorted({ab for name in ("Sadio Camara", "Birame Diop") for ab in ak.find_forms(a, name)}),
                      ak.Annotations(a))),
    ("one regex with both spellings", lambda a: ak.Annotations(a).add_regex(
        r"Sadio (?:CAMARA|Camara)|Birame (?:DIOP|Diop)", "PER")),
    ("capitals first, then the other spellings, with a note",
     lambda a: reduce(lambda n, name: n.add(name, "PER", occurrence="all", note="nom"),
                      ["Birame DIOP", "Sadio CAMARA", "Birame Diop", "Sadio Camara"], ak.Annotations(a))),
    ("with other layers around (the themes)", lambda a: names_all(a).merge(theme_notes(a))),
]
WRONG["02-annotating:people"] = [
    ("the lesson's notes: CEDEAO and only one spelling", lambda a: ak.Annotations(a).add("CEDEAO", "ORG")
     .add("Sadio Camara", "PER", occurrence="all").add("Birame Diop", "PER"), "missing"),
    ("with the title", lambda a: names_all(a, ("Sadio CAMARA", "Birame DIOP", "Birame Diop"))
     .add("Général Sadio Camara", "PER", occurrence="all"), "cut exactly"),
    ("surnames only", lambda a: ak.Annotations(a).add_regex(r"(?i)\b(?:camara|diop)\b", "PER"), "cut exactly"),
    ("labelled MISC", lambda a: names_all(a, label="MISC"), "PER"),
    ("the lesson's sample key (two paragraphs)", lambda a: ak.sample_key(a), "missing"),
    ("spaCy's PER suggestions as they are", lambda a: suggestions(a).filter(label="PER"), None),
]

def tally(article, *patterns):
    return Counter(m.group(0) for pattern in patterns for m in re.finditer(pattern, article.text))


CAMARA, DIOP = r"Sadio (?:CAMARA|Camara)", r"Birame (?:DIOP|Diop)"

RIGHT["02-annotating:spellings"] = [
    ("surnames in capitals as keys, Counters as values", lambda a: {"CAMARA": tally(a, CAMARA), "diop": tally(a, DIOP)}),
    ("plain dicts with numpy counts", lambda a: {"Sadio Camara": {k: np.int64(v) for k, v in tally(a, CAMARA).items()},
                                                "Birame Diop": dict(tally(a, DIOP))}),
    ("value_counts of the spans of exercise 1",
     lambda a: {n: pd.Series([s.text for s in names_all(a) if s.text.split()[-1].lower() == n.split()[-1].lower()])
                .value_counts() for n in ("Sadio Camara", "Birame Diop")}),
]
WRONG["02-annotating:spellings"] = [
    ("the sets of spellings, no counts (what ak.speaker_names gives)",
     lambda a: {k: set(v) for k, v in ak.speaker_names(a).items()}, "How many times"),
    ("counts of one spelling each", lambda a: {"Sadio Camara": {"Sadio Camara": 4}, "Birame Diop": {"Birame Diop": 4}},
     None),
    ("one occurrence missed", lambda a: {"Sadio Camara": tally(a, CAMARA),
                                         "Birame Diop": {k: (v - 1 if k == "Birame DIOP" else v)
                                                         for k, v in tally(a, DIOP).items()}}, "counts right"),
    ("with the title", lambda a: {"Sadio Camara": {**tally(a, CAMARA), "Général Sadio Camara": 1},
                                  "Birame Diop": tally(a, DIOP)}, "title"),
    ("only one minister", lambda a: {"Sadio Camara": tally(a, CAMARA)}, "two ministers"),
    ("counts as text", lambda a: {"Sadio Camara": {k: str(v) for k, v in tally(a, CAMARA).items()},
                                  "Birame Diop": tally(a, DIOP)}, "whole numbers"),
]

RIGHT["02-annotating:numbers"] = [
    ("the solution's regexes", numbers_notes),
    ("spans by offsets, numbers in words from a list",
     lambda a: reduce(lambda n, m: n.add_span(m.start(), m.end(), "NUM"),
                      re.finditer(r"\b(?:\d+|deux|trois|quatre) (?:heures|kilomètres|pays)\b", a.text),
                      ak.Annotations(a).add_span(a.text.index(a.date_text), a.text.index(a.date_text)
                                                 + len(a.date_text), "DATE").add_regex(r"\b20\d\d\b(?= ?»)", "DATE"))),
    ("the date without its weekday, the year by its own regex",
     lambda a: ak.Annotations(a).add(a.date_text.split(", ", 1)[1], "DATE").add_regex(r"(?<=de )2021\b", "DATE")
     .add_regex(r"\b(?:\d+|deux) (?:heures|kilomètres|pays)\b", "NUM")),
]
WRONG["02-annotating:numbers"] = [
    ("the lesson's numbers: digits only", lambda a: ak.Annotations(a).add_regex(r"\b\d+ (?:heures|kilomètres|pays)\b", "NUM")
     .add(a.date_text, "DATE").add_regex(r"accord cadre de (\d{4})", "DATE", group=1), "in words"),
    ("every number followed by a word, dates included", lambda a: ak.Annotations(a).add_regex(r"\b\d+ \w+", "NUM"), "date"),
    ("no dates", lambda a: ak.Annotations(a).add_regex(r"\b(?:\d+|deux) (?:heures|kilomètres|pays)\b", "NUM"), "DATE"),
    ("the numbers without what they count",
     lambda a: numbers_notes(a).filter(label="DATE").merge(
         ak.Annotations(a).add_regex(r"\b(?:\d+|deux)(?= (?:heures|kilomètres|pays)\b)", "NUM")), "counts"),
    ("the year as a number", lambda a: ak.Annotations(a).add(a.date_text, "DATE").add_regex(r"\b2021\b", "NUM")
     .add_regex(r"\b(?:\d+|deux) (?:heures|kilomètres|pays)\b", "NUM"), None),
]

RIGHT["02-annotating:terrorism_theme"] = [
    ("the solution's loop", theme_notes),
    ("a lower-cased substring test", lambda a: theme_notes(a, lambda s: "terror" in s.text.lower())),
    ("by the tokens' lemmas, sentences by offsets",
     lambda a: reduce(lambda n, i: n.add_span(a.sentences[i].start, a.sentences[i].end, "terrorisme"),
                      sorted({t.sentence for t in a.tokens if t.lemma.lower().startswith("terror")}), ak.Annotations(a))),
    ("on top of exercise 1's names", lambda a: reduce(lambda n, s: n.add_sentence(s, "terrorisme"),
                                                      [s for s in a.sentences if re.search("(?i)terroris", s.text)],
                                                      names_all(a))),
]
WRONG["02-annotating:terrorism_theme"] = [
    ("the words, not their sentences", lambda a: ak.Annotations(a).add_regex(r"(?i)terroris\w*", "terrorisme"),
     "whole sentence"),
    ("the theme named after the adjective", lambda a: theme_notes(a, label="terroriste"), "theme label"),
    ("the lesson's border theme", lambda a: theme_notes(a, lambda s: "frontière" in s.text, "frontière"), "lowercase"),
    ("insecurity sentences too", lambda a: theme_notes(a, lambda s: re.search(r"(?i)terroris|sécurité", s.text)), None),
    ("the last sentence left out (range off by one)",
     lambda a: reduce(lambda n, s: n.add_sentence(s, "terrorisme"),
                      [s for s in a.sentences[:-1] if re.search("(?i)terroris", s.text)], ak.Annotations(a)), None),
]

RIGHT["02-annotating:fixed_entities"] = [
    ("the solution's removals and relabels", fixed),
    ("rebuilt span by span from offsets, with notes",
     lambda a: reduce(lambda n, s: n.add_span(s.start, s.end, s.label, layer=s.layer, note="vérifié"),
                      fixed(a).spans, ak.Annotations(a))),
    ("with the themes of exercise 4 merged in", lambda a: fixed(a).merge(theme_notes(a))),
]
WRONG["02-annotating:fixed_entities"] = [
    ("spaCy's suggestions unchanged", suggestions, "really an entity"),
    ("the lesson's partly fixed collection",
     lambda a: suggestions(a).relabel("Malien", "MISC").relabel("Sénégalaise", "MISC")
     .remove("C’").remove("qu’").remove("s’étale"), "really an entity"),
    ("the lesson's sample key", lambda a: ak.sample_key(a), None),
    ("a nationality left as a place", lambda a: fixed(a).relabel(fixed(a).filter(text="Malien").spans[0], "LOC"),
     "label"),
    ("a right span removed", lambda a: fixed(a).remove("CEDEAO"), "remove"),
]

RIGHT["02-annotating:spacy_f1"] = [
    ("the Score itself", lambda a: f1_on(a)),
    ("the ALL row of ak.agreement, a Series",
     lambda a: ak.agreement(suggestions(a).within(a.paragraphs[1]), the_key(a).within(a.paragraphs[1]))
     .set_index("label").loc["ALL"]),
    ("capitalised keys, numpy floats rounded to 3", lambda a: {k.capitalize(): np.round(np.float64(v), 3)
                                                               for k, v in scores_of(f1_on(a)).items()}),
    ("a dict of the whole row, counts included",
     lambda a: ak.agreement(suggestions(a).within(a.paragraphs[1]), the_key(a).within(a.paragraphs[1])).iloc[-1].to_dict()),
]
WRONG["02-annotating:spacy_f1"] = [
    ("the lesson's figures: the two paragraphs of the sample",
     lambda a: scores_of(ak.span_scores(suggestions(a).within((0, a.paragraphs[1].end)), ak.sample_key(a))[-1]),
     "paragraph 1"),
    ("prediction and reference swapped", lambda a: scores_of(f1_on(a, swap=True)), "swap"),
    ("only the key cut to paragraph 1, not the suggestions",
     lambda a: scores_of(ak.span_scores(suggestions(a), the_key(a).within(a.paragraphs[1]))[-1]), None),
    ("percentages", lambda a: {k: 100 * v for k, v in scores_of(f1_on(a)).items()}, "between 0 and 1"),
    ("paragraph 0", lambda a: scores_of(f1_on(a, 0)), None),
    ("a tuple of the three", lambda a: tuple(scores_of(f1_on(a)).values()), "dict"),
]

RIGHT["02-annotating:quote_kinds"] = [
    ("a tuple in capitals", lambda a: tuple(k.upper() for k in kinds(a))),
    ("a pandas Series", lambda a: pd.Series(kinds(a))),
    ("capitalised, with stray spaces", lambda a: [f" {k.capitalize()} " for k in kinds(a)]),
]
WRONG["02-annotating:quote_kinds"] = [
    ("only the quotations in guillemets", lambda a: [k for k in kinds(a) if k != "indirect"], "without guillemets"),
    ("the motto taken for a direct quotation", lambda a: ["direct" if k == "motto" else k for k in kinds(a)], "motto"),
    ("every quotation in guillemets called direct",
     lambda a: ["direct" if k == "partial" else k for k in kinds(a)], "fragment"),
    ("French kinds", lambda a: [{"direct": "directe", "partial": "partielle", "motto": "devise",
                                 "indirect": "indirecte"}[k] for k in kinds(a)], "four kinds"),
    ("in reverse order", lambda a: kinds(a)[::-1], None),
    ("what the rules say", lambda a: [q.kind for q in ak.extract_quotes(ak.exercise_article("02-depeche-frontiere"))],
     "rules"),
    ("the article's kinds, from the lesson", lambda a: [q.kind for q in ak.extract_quotes(a)], None),
]

RIGHT["02-annotating:quote_annotations"] = [
    ("the solution's regexes", dispatch_notes),
    ("surnames in capitals as speakers", lambda a: with_speakers(a, lambda k, s: s and s.split()[-1].upper())),
    ("spans by offsets from text.index, the reported speech marked too",
     lambda a: reduce(lambda n, row: n.add_span(dispatch(a).text.index(row[0]), dispatch(a).text.index(row[0])
                                                + len(row[0]), row[1], speaker=row[2]),
                      [(re.search(p, dispatch(a).text).group(1), k, s) for p, k, s in DISPATCH_QUOTES],
                      ak.Annotations(dispatch(a)))
     .add("les pêcheurs devront toujours être informés avant chaque opération", "INDIRECT", speaker="Aminata Sarr")),
]
WRONG["02-annotating:quote_annotations"] = [
    ("the rules' answer, unread", lambda a: ak.quotes_to_annotations(ak.extract_quotes(dispatch(a)), dispatch(a)), None),
    ("the lesson's article instead of the dispatch",
     lambda a: ak.quotes_to_annotations(ak.extract_quotes(a), a), "about the dispatch"),
    ("the guillemets inside the spans", lambda a: dispatch_notes(a, [(p.replace("« (", "(« ").replace(") »", " »)"),
                                                                       k, s) for p, k, s in DISPATCH_QUOTES]),
     "inside its guillemets"),
    ("a pronoun for the speaker", lambda a: with_speakers(a, lambda k, s: "il" if s == "Ousmane Keïta" else s),
     "Who says"),
    ("a speaker for the motto", lambda a: with_speakers(a, lambda k, s: "les deux états-majors" if k == "MOTTO" else s),
     "motto"),
    ("the partial quotation called direct",
     lambda a: dispatch_notes(a, [(p, "DIRECT", s) for p, k, s in DISPATCH_QUOTES if k != "MOTTO"]
                              + [DISPATCH_QUOTES[-1]]), "really DIRECT"),
]

RIGHT["02-annotating:kappa"] = [
    ("the float cohen_kappa gives", lambda a: ak.cohen_kappa(suggestions(a), fixed(a))),
    ("a numpy float", lambda a: np.float64(ak.cohen_kappa(suggestions(a), fixed(a)))),
    ("rounded to 3 decimals", lambda a: round(ak.cohen_kappa(suggestions(a), fixed(a)), 3)),
    ("the other order of the two collections", lambda a: ak.cohen_kappa(fixed(a), suggestions(a))),
]
WRONG["02-annotating:kappa"] = [
    ("the lesson's figure: spaCy against the sample key",
     lambda a: ak.cohen_kappa(suggestions(a).within((0, a.paragraphs[1].end)), ak.sample_key(a)), "lesson's figure"),
    ("spaCy against the whole key", lambda a: ak.cohen_kappa(suggestions(a), the_key(a)), "your own"),
    ("the suggestions against themselves", lambda a: ak.cohen_kappa(suggestions(a), suggestions(a)), None),
    ("as a percentage", lambda a: 100 * ak.cohen_kappa(suggestions(a), fixed(a)), "between -1 and 1"),
    ("as text", lambda a: f"{ak.cohen_kappa(suggestions(a), fixed(a)):.3f}", "number"),
]

RIGHT["02-annotating:label_studio"] = [
    ("the list to_label_studio gives", lambda a: ak.to_label_studio(dispatch_notes(a))),
    ("the single task, not in a list", lambda a: ak.to_label_studio(dispatch_notes(a))[0]),
    ("the JSON text, as saved for Label Studio",
     lambda a: json.dumps(ak.to_label_studio(dispatch_notes(a)), ensure_ascii=False, indent=2)),
    ("through a JSON file and back", lambda a: json.loads(json.dumps(ak.to_label_studio(dispatch_notes(a), task_id=7),
                                                                     ensure_ascii=False))),
]
WRONG["02-annotating:label_studio"] = [
    ("the lesson's export of the article's quotations",
     lambda a: ak.to_label_studio(ak.quotes_to_annotations(ak.extract_quotes(a), a)), "Can Label Studio read it"),
    ("the quotations without their speakers", lambda a: ak.to_label_studio(without_speakers(dispatch_notes(a))),
     "speaker"),
    ("the annotations themselves, not exported", dispatch_notes, "task"),
    ("a doccano export instead", lambda a: ak.exchange.to_doccano(dispatch_notes(a)), "Label Studio"),
    ("the places of the dispatch, not its quotations",
     lambda a: ak.to_label_studio(ak.Annotations(dispatch(a)).add("Kayes", "LOC", occurrence="all")), "quotations"),
]

# -- lesson 3: summarising -------------------------------------------------------------------
RIGHT["03-summarising:content_lemmas"] = [
    ("a tuple of tuples", lambda a: tuple(tuple(s) for s in lemma_lists(a))),
    ("a Series from a groupby of the tokens table",
     lambda a: (lambda t: t[t["pos"].isin(POS)].groupby("sentence")["lemma"].apply(lambda s: [x.lower() for x in s]))(
         a.to_frame("tokens"))),
    ("lemmas as spaCy gives them, not lower-cased", lambda a: lemma_lists(a, word=lambda t: t.lemma)),
    ("a comprehension per sentence over its character span",
     lambda a: [[t.lemma.lower() for t in a.tokens if s.start <= t.start < s.end and t.pos in POS]
                for s in a.sentences]),
]
WRONG["03-summarising:content_lemmas"] = [
    ("the lesson's lists: stop words out, no part of speech", lesson_lemmas, "lesson's filter"),
    ("the words as written", lambda a: lemma_lists(a, word=lambda t: t.text.lower()), "lemma"),
    ("one flat list", lambda a: [w for s in lemma_lists(a) for w in s], "one list"),
    ("adverbs too", lambda a: lemma_lists(a, keep=lambda t: t.pos in POS + ("ADV",)), None),
    ("the first paragraph only", lambda a: lemma_lists(a)[:sum(s.paragraph == 0 for s in a.sentences)], "per sentence"),
    ("determiners too", lambda a: lemma_lists(a, keep=lambda t: t.pos in POS + ("DET",)), "« le »"),
]

RIGHT["03-summarising:frequencies"] = [
    ("a value_counts Series", lambda a: pd.Series([w for s in lemma_lists(a) for w in s]).value_counts()),
    ("a dict built with list.count",
     lambda a: (lambda flat: {w: flat.count(w) for w in set(flat)})([w for s in lemma_lists(a) for w in s])),
    ("the not-lower-cased route, a Counter", lambda a: counts(lemma_lists(a, word=lambda t: t.lemma))),
    ("numpy counts from np.unique", lambda a: dict(zip(*np.unique([w for s in lemma_lists(a) for w in s],
                                                                  return_counts=True)))),
]
WRONG["03-summarising:frequencies"] = [
    ("the lesson's freq", lambda a: counts(lesson_lemmas(a)), "lesson's lemmas"),
    ("the lesson's most_common(10) list", lambda a: counts(lemma_lists(a)).most_common(10), "dict"),
    ("the first sentence only", lambda a: Counter(lemma_lists(a)[0]), "every sentence"),
    ("the words as written", lambda a: counts(lemma_lists(a, word=lambda t: t.text.lower())), None),
    ("one per lemma, a set's worth", lambda a: {w: 1 for s in lemma_lists(a) for w in s}, None),
]

RIGHT["03-summarising:weights"] = [
    ("a pandas Series divided by its max",
     lambda a: (lambda s: s / s.max())(pd.Series([w for s in lemma_lists(a) for w in s]).value_counts())),
    ("top from most_common(1)",
     lambda a: (lambda f: {w: n / f.most_common(1)[0][1] for w, n in f.items()})(counts(lemma_lists(a)))),
    ("exact fractions", lambda a: (lambda f: {w: Fraction(n, max(f.values())) for w, n in f.items()})(
        counts(lemma_lists(a)))),
    ("numpy floats", lambda a: (lambda f: dict(zip(f, np.array(list(f.values())) / max(f.values()))))(
        counts(lemma_lists(a)))),
]
WRONG["03-summarising:weights"] = [
    ("the lesson's weights", lambda a: weights_of(lesson_lemmas(a)), "lesson"),
    ("divided by the total", lambda a: (lambda f: {w: n / sum(f.values()) for w, n in f.items()})(counts(lemma_lists(a))),
     "total"),
    ("the counts, not divided", lambda a: dict(counts(lemma_lists(a))), "exactly 1"),
    ("upside down: the largest count divided by each count",
     lambda a: (lambda f: {w: max(f.values()) / n for w, n in f.items()})(counts(lemma_lists(a))), "exactly 1"),
    ("only the five the lesson prints",
     lambda a: {w: weights_of(lemma_lists(a))[w] for w, _ in counts(lemma_lists(a)).most_common(5)}, "every lemma"),
]

RIGHT["03-summarising:luhn_scores"] = [
    ("a tuple", lambda a: tuple(sums_of(lemma_lists(a)))),
    ("a numpy array from a weight vector",
     lambda a: np.array([sum(weights_of(lemma_lists(a))[w] for w in s) for s in lemma_lists(a)])),
    ("a pandas Series from map and groupby",
     lambda a: (lambda t, w: t.assign(w=t["lemma"].str.lower().map(w)).groupby("sentence")["w"].sum())(
         (lambda t: t[t["pos"].isin(POS)])(a.to_frame("tokens")), weights_of(lemma_lists(a)))),
    ("exact fractions", lambda a: (lambda f: [sum(Fraction(f[w], max(f.values())) for w in s) for s in lemma_lists(a)])(
        counts(lemma_lists(a)))),
]
WRONG["03-summarising:luhn_scores"] = [
    ("the lesson's scores", lambda a: sums_of(lesson_lemmas(a)), "lesson's scores"),
    ("the mean, as the package does", lambda a: [x / len(s) for x, s in zip(sums_of(lemma_lists(a)), lemma_lists(a))],
     "divide"),
    ("each lemma once per sentence",
     lambda a: [sum(weights_of(lemma_lists(a))[w] for w in set(s)) for s in lemma_lists(a)], "twice"),
    ("the package's sum, the lesson's", lambda a: list(ak.sentence_scores(a, "frequency", length_normalised=False)),
     "lesson's scores"),
    ("sorted, highest first", lambda a: sorted(sums_of(lemma_lists(a)), reverse=True), None),
    ("one sentence short", lambda a: sums_of(lemma_lists(a))[:-1], "one score per sentence"),
]

RIGHT["03-summarising:my_top3"] = [
    ("a tuple", lambda a: tuple(my_top3(a))),
    ("a numpy array from argsort", lambda a: np.sort(np.argsort(-np.array(sums_of(lemma_lists(a))), kind="stable")[:3])),
    ("a pandas Index from nlargest", lambda a: pd.Series(sums_of(lemma_lists(a))).nlargest(3).index.sort_values()),
]
WRONG["03-summarising:my_top3"] = [
    ("the lesson's best3", lambda a: best3(sums_of(lesson_lemmas(a))), "lesson's three"),
    ("highest first, not in text order",
     lambda a: sorted(my_top3(a), key=lambda i: -sums_of(lemma_lists(a))[i]), "order of the text"),
    ("counted from 1", lambda a: [i + 1 for i in my_top3(a)], "from 0"),
    ("the package's three (mean weight)", package_indices, None),
    ("four sentences", lambda a: sorted(sorted(range(len(a.sentences)), key=lambda i: -sums_of(lemma_lists(a))[i])[:4]),
     "exactly three"),
]

RIGHT["03-summarising:quotes_in_summaries"] = [
    ("numpy integers", lambda a: {k: np.int64(v) for k, v in quotes_answer(a).items()}),
    ("a pandas Series", lambda a: pd.Series(quotes_answer(a))),
    ("keys the other way round, sums of booleans",
     lambda a: {"mean": sum(bool(re.search("[«»]", a.sentences[i].text)) for i in package_indices(a)),
                "sum": sum(bool(re.search("[«»]", a.sentences[i].text)) for i in my_top3(a))}),
]
WRONG["03-summarising:quotes_in_summaries"] = [
    ("swapped", lambda a: {"sum": quotes_answer(a)["mean"], "mean": quotes_answer(a)["sum"]}, "swap"),
    ("shares instead of counts", lambda a: {k: v / 3 for k, v in quotes_answer(a).items()}, "whole numbers"),
    ("the lesson's best3 for the sum",
     lambda a: {"sum": count_quoted(a, best3(sums_of(lesson_lemmas(a)))), "mean": quotes_answer(a)["mean"]}, None),
    ("keys in French", lambda a: {"somme": quotes_answer(a)["sum"], "moyenne": quotes_answer(a)["mean"]}, "two keys"),
]

RIGHT["03-summarising:overlap_textrank"] = [
    ("a sorted list", lambda a: sorted(set(my_top3(a)) & set(textrank_indices(a)))),
    ("a numpy array from intersect1d", lambda a: np.intersect1d(my_top3(a), textrank_indices(a))),
    ("a frozenset from a comprehension", lambda a: frozenset(i for i in my_top3(a) if i in textrank_indices(a))),
]
WRONG["03-summarising:overlap_textrank"] = [
    ("the union", lambda a: set(my_top3(a)) | set(textrank_indices(a)), "both"),
    ("TextRank's own three", lambda a: set(textrank_indices(a)), None),
    ("your own three", lambda a: set(my_top3(a)), None),
    ("how many, not which", lambda a: len(set(my_top3(a)) & set(textrank_indices(a))), "set of sentence indices"),
    ("the lesson's best3 against TextRank",
     lambda a: set(best3(sums_of(lesson_lemmas(a)))) & set(textrank_indices(a)), "lesson's three"),
]

RIGHT["03-summarising:count_by_hand"] = [
    ("a numpy integer", lambda a: np.int64(ak.count_words(count_phrase()))),
    ("a sum of ones, word by word", lambda a: sum(1 for _ in range(ak.count_words(count_phrase())))),
    ("a numpy int32", lambda a: np.int32(ak.count_words(count_phrase()))),
]
WRONG["03-summarising:count_by_hand"] = [
    ("the euphonic -t- counted", lambda a: ak.count_words(count_phrase()) + 1, "euphonic"),
    ("str.split", lambda a: len(count_phrase().split()), None),
    ("as text", lambda a: str(ak.count_words(count_phrase())), "whole number"),
    ("punctuation counted", lambda a: ak.count_words(count_phrase()) + len(re.findall(r"[?«»,]", count_phrase())),
     "punctuation"),
    ("one elision missed", lambda a: ak.count_words(count_phrase()) - 1, "elided"),
]

RIGHT["03-summarising:target_words"] = [
    ("rounded down", lambda a: math.floor(last_three_words(a) / 4)),
    ("rounded up", lambda a: math.ceil(last_three_words(a) / 4)),
    ("a numpy integer from a pandas sum", lambda a: pd.Series([ak.count_words(p.text) for p in a.paragraphs[-3:]])
     .sum() // 4),
    ("numpy's round, a whole float", lambda a: np.round(last_three_words(a) / 4)),
]
WRONG["03-summarising:target_words"] = [
    ("the lesson's target: a quarter of the whole article", lambda a: round(ak.count_words(a.text) / 4), "whole article"),
    ("the last two paragraphs", lambda a: round(sum(ak.count_words(p.text) for p in a.paragraphs[-2:]) / 4), None),
    ("the last four paragraphs", lambda a: round(sum(ak.count_words(p.text) for p in a.paragraphs[-4:]) / 4), None),
    ("not divided", last_three_words, "quarter"),
    ("not rounded", lambda a: last_three_words(a) / 4, "round it"),
    ("the first three paragraphs", lambda a: round(sum(ak.count_words(p.text) for p in a.paragraphs[:3]) / 4), None),
    ("as text", lambda a: str(round(last_three_words(a) / 4)), "whole number"),
]

def ranking_by(a, reference="fr-moyen", metric="rouge1"):
    ref = ak.reference_summary(reference)
    f = {m: getattr(ak.rouge(ak.summarise(a, m, max_words=ref.words), ref), metric).f1 for m in ak.summarising.METHODS}
    return sorted(f, key=lambda m: (-f[m], m))


RIGHT["03-summarising:method_ranking"] = [
    ("a tuple in capitals", lambda a: tuple(x.upper() for x in ranking_by(a))),
    ("the index of a sorted Series", lambda a: pd.Series({m: i for i, m in enumerate(ranking_by(a))}).sort_values().index),
    ("with stray spaces", lambda a: [f" {m} " for m in ranking_by(a)]),
]
WRONG["03-summarising:method_ranking"] = [
    ("worst first", lambda a: ranking_by(a)[::-1], "best method first"),
    ("the winner alone", lambda a: ranking_by(a)[0], "list"),
    ("by ROUGE-2", lambda a: ranking_by(a, metric="rouge2"), None),
    ("a method twice", lambda a: [ranking_by(a)[0]] * 4, "exactly once"),
    ("the lesson's ranking", lambda a: ranking_by(a, "fr-examen", "rouge1"), "lesson's ranking"),
]

RIGHT["03-summarising:ascii_damage"] = [
    ("the broken words' list", lambda a: len(ak.evaluation.broken_words(ak.reference_summary("fr-moyen").text))),
    ("a numpy integer from a Series", lambda a: pd.Series(ak.evaluation.tokenize(ak.reference_summary("fr-moyen").text))
     .loc[lambda s: ~s.map(str.isascii)].nunique()),
    ("a regex for letters outside a–z",
     lambda a: len({w for w in ak.evaluation.tokenize(ak.reference_summary("fr-moyen").text)
                    if re.search(r"[^\x00-\x7f]", w)})),
]
WRONG["03-summarising:ascii_damage"] = [
    ("the lesson's reference, fr-examen", lambda a: non_ascii("fr-examen"), "lesson's reference"),
    ("every occurrence, not distinct words", lambda a: non_ascii("fr-moyen", distinct=False), "distinct"),
    ("as text", lambda a: str(non_ascii("fr-moyen")), "whole number"),
    ("the accented letters, not the words",
     lambda a: sum(not c.isascii() for c in ak.reference_summary("fr-moyen").text if c.isalpha()), None),
]

RIGHT["03-summarising:oracle_gap"] = [
    ("a numpy float", lambda a: np.float64(gap(a))),
    ("rounded to 3 decimals", lambda a: round(gap(a), 3)),
    ("in percentage points", lambda a: 100 * gap(a)),
    ("in percentage points, rounded to one decimal", lambda a: round(100 * gap(a), 1)),
]
WRONG["03-summarising:oracle_gap"] = [
    ("the wrong way round", lambda a: -gap(a), "sign"),
    ("the oracle's F1 alone", lambda a: gap_parts(a)[0], None),
    ("the best method's F1 alone", lambda a: gap_parts(a)[1], None),
    ("against the lesson's reference, fr-examen", lambda a: gap_against(a, "fr-examen"), None),
    ("the lesson's four-sentence oracle", lambda a: gap_against(a, "fr-moyen", k=4), None),
    ("as text", lambda a: f"{gap(a):.3f}", "number"),
]

#: Cases a check still judges wrongly, for a reason that needs a design change: (key, description) -> why.
XFAIL: dict[tuple[str, str], str] = {}


# ------------------------------------------------------------------------------------------
# The tests
# ------------------------------------------------------------------------------------------
def function_of(key):
    slug, name = key.split(":")
    return getattr(lesson_module(slug), name)


def cases(table):
    out = []
    for key, rows in table.items():
        for row in rows:
            reason = XFAIL.get((key, row[0]))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(key, *row, id=f"{key}|{row[0]}", marks=marks))
    return out


@pytest.mark.parametrize("key,description,factory", cases(RIGHT))
def test_right_but_unusual_answers_pass(key, description, factory, article):
    answer = factory(article)
    result = run_check(function_of(key), answer, article=article, strict=True)
    assert result.ok, (description, type(answer).__name__, result.hints)


@pytest.mark.parametrize("key,description,factory,fragment", cases(WRONG))
def test_wrong_but_plausible_answers_fail_with_a_question(key, description, factory, fragment, article):
    answer = factory(article)
    result = run_check(function_of(key), answer, article=article, strict=True)
    assert result.status == "failed", (description, result.status)
    assert "?" in result.hint(1), (description, result.hint(1))
    if fragment:
        assert fragment in " ".join(result.hints), (description, result.hints)
    # never the answer: no right answer of the table is spelt out in a hint
    if key in CLOSED_CHOICES:
        return
    said = " ".join(result.hints)
    for _, make in RIGHT[key]:
        for shown in spelt(make(article)):
            assert not re.search(rf"(?<![\w.]){re.escape(shown)}(?!\w|\.\d)", said, re.I), (description, shown, said)


#: Checks whose hints may list every possible choice (the four methods, the four kinds).
CLOSED_CHOICES = {"02-annotating:quote_kinds", "03-summarising:method_ranking"}


def spelt(answer):
    """How a right answer would look if a hint gave it away: its text, its items' text, its number."""
    if isinstance(answer, str):
        return [answer.strip()]
    if isinstance(answer, (list, tuple)) and all(isinstance(x, str) for x in answer):
        return [x.strip() for x in answer]
    if isinstance(answer, dict):  # the numbers of a dict of numbers (its text may list a closed choice)
        return [shown for value in answer.values() if not isinstance(value, str) for shown in spelt(value)]
    if isinstance(answer, (int, float, np.number)) and not isinstance(answer, bool) and abs(answer) >= 10:
        return [f"{float(answer):g}"]
    return []


def test_every_table_names_a_graded_check():
    assert set(RIGHT) | set(WRONG) <= set(graded_checks())
    assert not (set(RIGHT) | set(WRONG)) & set(ELSEWHERE), "a check has two tables"
    assert len(graded_checks()) >= 37


def _elsewhere_counts(key):
    filename, right, wrong = ELSEWHERE[key]
    spec = importlib.util.spec_from_file_location(f"_tables_{Path(filename).stem}", ROOT / "tests" / filename)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return len(getattr(module, right)), len(getattr(module, wrong))


@pytest.mark.parametrize("key", graded_checks())
def test_every_graded_check_has_three_right_and_three_wrong_answers(key):
    if key in ELSEWHERE:
        n_right, n_wrong = _elsewhere_counts(key)
    else:
        # an xfail entry documents a bug; it does not count towards the three
        n_right, n_wrong = (sum((key, row[0]) not in XFAIL for row in table.get(key, [])) for table in (RIGHT, WRONG))
    assert n_right >= 3 and n_wrong >= 3, (key, n_right, n_wrong)
