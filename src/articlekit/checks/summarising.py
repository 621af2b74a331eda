"""Checks for lesson 3, summarising the article (``03-summarising``).

One pure function per exercise, ``def name(answer, *, article) -> Result``,
built with :func:`articlekit.checks.passed` / :func:`~articlekit.checks.failed`.

Two kinds of exercise live here:

* the **computations** of the assignment (Luhn's summariser step by step,
  quotations, word counts, ROUGE): every expected value is computed from
  the article and the package's own functions, and no answer is written in
  this file;
* the **fiche**: compréhension (the main idea, which paragraph carries
  which key fact or idea), the language of the résumé (nominalisation,
  logical connectors, a reformulation in the third person and the present)
  and the résumé itself.  The ``try_*`` checks are the lesson's formative
  *Try it* exercises: their items and answers ship with the kit
  (``data/fiche/summarising-lesson.json``), since the lesson shows them.
  The graded ones ask the same skills on other items
  (``data/fiche/summarising-assignment.json``); their right answers are in
  the teacher's key, ``teacher/keys/summarising-<article>.json``, which
  learners never get.  The package holds only salted digests of them
  (``data/fiche/summarising-digests.json``), so a learner's self-check
  still says right or not yet; where the key is installed (the teacher's
  checkout, CI, the grader) the hints say more.  After editing the key,
  rewrite the digests with ``python -m articlekit.checks.summarising``.

The French these checks know (connectors by relation, determiners, the
endings of agent nouns and of tenses) is data too:
``data/fiche/summarising-language-fr.json``.  Every sentence a check shows
is a translatable message (:mod:`articlekit.i18n`).

Examples
--------
>>> import articlekit as ak
>>> from articlekit.checks import run_check
>>> article = ak.load_article()
>>> run_check(try_connectors, {1: "afin de", 2: "car", 3: "mais", 4: "donc"}, article=article).ok
True
>>> run_check(try_connectors, {1: "et", 2: "car", 3: "mais", 4: "donc"}, article=article).ok
False
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..i18n import _, _n
from . import Result, failed, passed, same_number
from .compare import salted_hash, same_text
from .shapes import as_counts, collection, int_list, is_int, is_list_of_lists

#: Some of these checks read a learner's French with spaCy's model: a grader's judge loads it
#: as it starts, while the first notebooks run, rather than when the first answer is judged.
NEEDS_MODEL = True

#: The sentence learners count by hand in the word-count exercise (the count is computed).
COUNT_PHRASE = ("« Aujourd’hui, jusqu’où l’armée ira-t-elle ? Sans doute, d’ici 2030, à 20 % de moyens en plus, "
                "dit-on à l’O.N.U. comme à la CEDEAO. »")

#: The teacher's key of an article's graded fiche exercises (``{stem}``: the article's file stem).
KEY_NAME = "summarising-{stem}.json"
#: The digests the package ships, in ``data/fiche/``.
DIGESTS_FILE = "summarising-digests.json"


# --------------------------------------------------------------------------
# helpers: the learner's possible routes, computed from the article
# --------------------------------------------------------------------------
#: The assignment keeps content words by part of speech (the lesson kept them by stop-word list),
#: so that the lesson's own lists, counts and scores are not its answers.
CONTENT_POS = ("NOUN", "PROPN", "ADJ", "VERB")


def _lemma_lists(article, *, lower: bool = True, letters_only: bool = False) -> list[list[str]]:
    lists: list[list[str]] = [[] for _ in article.sentences]
    for t in article.tokens:
        if t.pos not in CONTENT_POS:
            continue
        if letters_only and not any(c.isalpha() for c in t.text):
            continue
        lists[t.sentence].append(t.lemma.lower() if lower else t.lemma)
    return lists


def _stop_word_lists(article) -> list[list[str]]:
    # the lesson's route: not a stop word and not punctuation
    lists: list[list[str]] = [[] for _ in article.sentences]
    for t in article.tokens:
        if not t.is_stop and not t.is_punct:
            lists[t.sentence].append(t.lemma.lower())
    return lists


def _routes(article) -> list[list[list[str]]]:
    """Accepted versions of the content lemmas: lower-cased or not, with or without a
    letters-only filter (the tagger calls a few symbols and digits nouns)."""
    return [_lemma_lists(article, lower=lo, letters_only=le) for lo in (True, False) for le in (False, True)]


def _luhn(lists: list[list[str]]) -> tuple[list[float], dict[str, float]]:
    counts = Counter(w for s in lists for w in s)
    top = max(counts.values())
    weights = {w: n / top for w, n in counts.items()}
    return [sum(weights[w] for w in s) for s in lists], weights


def _top(scores: Sequence[float], k: int = 3) -> list[int]:
    return sorted(sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k])


# --------------------------------------------------------------------------
# 1. the frequency summariser, step by step
# --------------------------------------------------------------------------
def content_lemmas(answer, *, article) -> Result:
    """One list per sentence of the lemmas of its nouns, proper nouns, adjectives and verbs."""
    if not is_list_of_lists(answer):
        return failed(_("Is your answer a list holding one list of lemmas per sentence?"),
                      _("Start from `[[] for s in article.sentences]` and append to `lists[token.sentence]`."))
    answer = [list(s) for s in answer]
    if len(answer) != len(article.sentences):
        return failed(_("Does your list have one item per sentence (the article has {n})?",
                        n=len(article.sentences)),
                      _("Group the tokens by `token.sentence`, the index of the sentence holding them."))
    if any(answer == route for route in _routes(article)):
        return passed()
    if answer == _stop_word_lists(article):
        return failed(_("That is the lesson's filter (no stop words, no punctuation). Which tokens does this "
                        "exercise keep? Look at each token's part of speech."),
                      _("Keep a token when `token.pos` is one of {tags}.", tags=", ".join(CONTENT_POS)))
    flat = [str(w).lower() for s in answer for w in s]
    forms = [[] for _ in article.sentences]
    for t in article.tokens:
        if t.pos in CONTENT_POS:
            forms[t.sentence].append(t.text.lower())
    if [[str(w).lower() for w in s] for s in answer] == forms:
        return failed(_("Did you take each token's lemma (`token.lemma`) rather than the word as written?"),
                      _("« rencontré » should appear as its dictionary form: which attribute of a token holds it?"))
    if any(w in {"le", "de", "et", "à"} for w in flat):
        return failed(_("Are « le », « de », « et » nouns, adjectives or verbs? Keep only those parts of speech."))
    return failed(_("Compare your first list with sentence 0: is every noun, proper noun, adjective and verb "
                    "there, in order?"),
                  _("Keep a token when `token.pos` is one of {tags}; append its lemma in lower case.",
                    tags=", ".join(CONTENT_POS)))


def frequencies(answer, *, article) -> Result:
    """How many times each content lemma occurs in the whole article (a dict or Counter)."""
    counts = as_counts(answer)
    if counts is None:
        return failed(_("Is your answer a dict (or a `Counter`) from lemma to count?"),
                      _("Could a `Counter` fed with every lemma of every sentence list count them all?"))
    for route in _routes(article):
        if counts == dict(Counter(w for s in route for w in s)):
            return passed()
    expected = Counter(w for s in _lemma_lists(article) for w in s)
    if counts == dict(Counter(w for s in _stop_word_lists(article) for w in s)):
        return failed(_("Those are the lesson's lemmas: did you count your `content_lemmas` lists (kept by part of "
                        "speech)?"))
    if set(counts) == set(expected) and all(isinstance(v, int) for v in counts.values()):
        return failed(_("The lemmas are right: are the counts for the whole article, not for one sentence?"))
    if len(counts) < len(expected) / 2:
        return failed(_("Did you count the lemmas of every sentence, not only the first?"))
    return failed(_("Did you count the lemmas of your `content_lemmas` lists (not the raw words)?"),
                  _("Count over all sentences: one `Counter` over every lemma of every list."))


def weights(answer, *, article) -> Result:
    """Each lemma's count divided by the highest count (the most frequent lemma weighs 1)."""
    from .shapes import is_number

    values = as_counts(answer)
    if values is None:
        return failed(_("Is your answer a dict from lemma to weight?"))
    if not all(is_number(v) for v in values.values()):
        return failed(_("Are the weights numbers?"))
    for route in _routes(article):
        _scores, expected = _luhn(route)
        if set(values) == set(expected) and all(math.isclose(values[k], expected[k], rel_tol=1e-9)
                                                for k in expected):
            return passed()
    _scores, lesson = _luhn(_stop_word_lists(article))
    if set(values) == set(lesson):
        return failed(_("Are those the lesson's lemmas? Which lemmas does this exercise weigh: your "
                        "`content_lemmas`, kept by part of speech?"),
                      _("Divide the counts of your `frequencies` by their largest count."))
    if values and max(values.values()) > 1:
        return failed(_("Is the highest weight exactly 1? Divide every count by the *largest* count."),
                      _("`top = max(frequencies.values())`, then `count / top` for each lemma."))
    if values and math.isclose(sum(values.values()), 1.0):
        return failed(_("Did you divide by the total number of lemmas? Luhn divides by the largest count."))
    return failed(_("Do your weights cover every lemma of `frequencies`, each divided by the largest count?"))


def luhn_scores(answer, *, article) -> Result:
    """For each sentence, the sum of the weights of its lemmas (a list of numbers, text order)."""
    if isinstance(answer, (str, bytes, Mapping)) or not isinstance(answer, Sequence):
        if type(answer).__name__ not in ("ndarray", "Series"):
            return failed(_("Is your answer a list of numbers, one per sentence?"))
    from .shapes import is_number

    values = list(answer)
    if len(values) != len(article.sentences):
        return failed(_("Does your list have one score per sentence ({n})?", n=len(article.sentences)))
    if not all(is_number(v) for v in values):
        return failed(_("Are all the scores numbers?"))
    for route in _routes(article):
        sums, _weights = _luhn(route)
        if all(math.isclose(float(a), b, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(values, sums)):
            return passed()
        means = [s / len(r) if r else 0.0 for s, r in zip(sums, route)]
        if all(math.isclose(float(a), b, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(values, means)):
            return failed(_("Did you divide by the sentence's length? This exercise asks for the plain sum "
                            "(the package's version divides; you will compare the two)."))
    lesson, _weights = _luhn(_stop_word_lists(article))
    if all(math.isclose(float(a), b, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(values, lesson)):
        return failed(_("Are those the lesson's scores? This exercise sums the weights of your own lemmas "
                        "(`content_lemmas`, kept by part of speech)."),
                      _("Use your `weights` over your `content_lemmas`."))
    return failed(_("Is each score the sum of `weights[lemma]` over the lemmas of that sentence?"),
                  _("A lemma that appears twice in a sentence counts twice: sum over the list, not a set."))


def my_top3(answer, *, article) -> Result:
    """Indices of the three best sentences by your Luhn scores, in text order."""
    items = int_list(answer)
    if items is None:
        return failed(_("Is your answer a list of three sentence indices (whole numbers)?"))
    if len(items) != 3:
        return failed(_("Did you keep exactly three sentences?"))
    sums, _weights = _luhn(_lemma_lists(article))
    expected = _top(sums)
    if items == expected:
        return passed()
    if sorted(items) == expected:
        return failed(_("The right sentences: are they in the order of the text (a summary keeps it)?"))
    lesson, _weights = _luhn(_stop_word_lists(article))
    if sorted(items) == _top(lesson):
        return failed(_("Are those the lesson's three sentences? Rank the sentences by your own `luhn_scores`."))
    if sorted(i - 1 for i in items) == expected:
        return failed(_("Do your indices count from 0, like `article.sentences`?"))
    return failed(_("Did you take the three *highest* scores of `luhn_scores`?"),
                  _("Can you sort the sentence indices by their score, highest first (`sorted(..., key=...)`), "
                    "keep three, then put them back in text order?"))


def quotes_in_summaries(answer, *, article) -> Result:
    """How many of the chosen sentences contain guillemets: {"sum": …, "mean": …}."""
    from ..summarising import summarise

    counts = as_counts(answer)
    if counts is None or set(counts) != {"sum", "mean"}:
        return failed(_('Is your answer a dict with two keys, "sum" and "mean"?'))
    if not all(is_int(v) for v in counts.values()):
        return failed(_("Are the two values whole numbers of sentences?"))
    sums, _weights = _luhn(_lemma_lists(article))
    mine = _top(sums)
    package = summarise(article, "frequency", max_sentences=3).indices

    def quoted(indices):
        return sum(("«" in article.sentences[i].text or "»" in article.sentences[i].text) for i in indices)

    expected = {"sum": quoted(mine), "mean": quoted(package)}
    if counts == expected:
        return passed()
    if counts == {"sum": expected["mean"], "mean": expected["sum"]}:
        return failed(_("Did you swap the two? \"sum\" is your summariser (`my_top3`), \"mean\" the package's."))
    return failed(_("For each summary, count the sentences whose text contains « or »: did you check every one?"),
                  _("The package's summary is `ak.summarise(article, \"frequency\", max_sentences=3)`; look at its "
                    "`.indices`."))


def overlap_textrank(answer, *, article) -> Result:
    """The set of sentence indices chosen both by your summariser and by TextRank (3 sentences)."""
    from ..summarising import summarise

    items = int_list(answer)
    if items is None:
        return failed(_("Is your answer a set of sentence indices (whole numbers)?"))
    sums, _weights = _luhn(_lemma_lists(article))
    textrank = set(summarise(article, "textrank", max_sentences=3).indices)
    expected = set(_top(sums)) & textrank
    if set(items) == expected:
        return passed()
    lesson, _weights = _luhn(_stop_word_lists(article))
    if set(items) == set(_top(lesson)) & textrank:
        return failed(_("Are those the lesson's three sentences? Compare TextRank's with your own `my_top3`."))
    if set(items) >= expected:
        return failed(_("Are all your indices in *both* summaries? Keep only the shared ones (`&`)."))
    return failed(_("Did you compare `my_top3` with the `.indices` of TextRank's 3-sentence summary?"),
                  _("Which operator keeps only what two sets have in common?"))


# --------------------------------------------------------------------------
# 2. the French résumé
# --------------------------------------------------------------------------
def count_by_hand(answer, *, article) -> Result:
    """The exam word count of :data:`COUNT_PHRASE`, as a whole number."""
    from ..resume import count_words

    if not is_int(answer):
        return failed(_("Is your answer a whole number of words?"))
    expected = count_words(COUNT_PHRASE)
    if answer == expected:
        return passed()
    if answer in (expected + 1, expected + 2):
        return failed(_("Did you count the euphonic -t- of « ira-t-elle » as a word? It is not one."),
                      _("Or did you count « aujourd’hui » as two words? It is one dictionary word."))
    if answer < expected:
        return failed(_("Did you count each elided form (« l’ », « d’ », « jusqu’ ») as a word of its own, "
                        "and « % » too?"),
                      _("Elided forms count (« l’armée » = 2); a sign standing for a word counts (« 20 % » = 2); "
                        "« O.N.U. » is one word."))
    return failed(_("Did you count punctuation (« ? », guillemets, commas) as words? It never counts."),
                  _("Go word by word with the rules table of lesson 3 (« The French résumé: rules of the game »): "
                    "how many words are « aujourd’hui », « ira-t-elle », « dit-on », « 20 % » and « l’O.N.U. »?"))


def target_words(answer, *, article) -> Result:
    """The length of a résumé of the article's last three paragraphs: a quarter of their words."""
    from ..resume import count_words
    from .shapes import is_number

    if is_number(answer) and float(answer).is_integer():
        answer = int(answer)  # numpy's and pandas' round() give a whole float: 76.0
    if not is_int(answer):
        return failed(_("Is your answer a whole number of words (round it)?"))
    last = article.paragraphs[-3:]
    total = sum(count_words(p.text) for p in last)
    if answer in (math.floor(total / 4), math.ceil(total / 4)):
        return passed()
    whole = count_words(article.text)
    if answer in (math.floor(whole / 4), math.ceil(whole / 4)):
        return failed(_("That is a quarter of the whole article: which paragraphs does the exercise ask about?"),
                      _("`article.paragraphs[-3:]` are the last three."))
    words = sum(len(p.text.split()) for p in last)
    if answer in (words // 4, round(words / 4)):
        return failed(_("Did you count words with `split()`? Use the exam count, `ak.count_words`."))
    if abs(answer - total) < 5:
        return failed(_("Is that the whole of the three paragraphs? A résumé is a quarter of them."))
    return failed(_("Is it a quarter of the exam word count of the last three paragraphs?"),
                  _("Add `ak.count_words(p.text)` over `article.paragraphs[-3:]`, then divide by four."))


def resume(answer, *, article) -> Result:
    """Your own résumé of the article (a string): every measurable rule of a French exam résumé.

    Length (± 10 % of a quarter of the article, by the exam's word count),
    every key fact of the key file, in the article's order and not
    contradicted, no run of more than 6 words copied, no repeated sentence,
    and the source's énonciation (no je/nous/vous, no « l'auteur dit que »).
    A pass says only that these rules hold: the teacher reads the rest, and
    the report goes to the teacher's feedback page.
    """
    from ..resume import check_resume

    if not isinstance(answer, str) or not answer.strip():
        return failed(_("Is your résumé a string, between quotes?"))
    from ..evaluation import reference_summaries, rouge

    if any(rouge(answer, ref).rouge2.f1 > 0.6 for ref in reference_summaries()):
        return failed(_("Is this your own résumé? It is very close to one of the kit's reference summaries."))
    report = check_resume(answer, article)
    if report.ok:
        return passed(_("meets the measurable rules of the exercise; your teacher reads the rest."),
                      report.message())
    see = _("Run `ak.check_resume(resume)` to see the table of what to change.")
    if not report.length_ok:
        return failed(_("Your résumé has {words} words: is that between {low} and {high}?", words=report.words,
                        low=report.low, high=report.high), see)
    if report.repeated:
        return failed(_("Does « {sentence} » say something new, or repeat an earlier sentence?",
                        sentence=report.repeated[:60]), see)
    if report.contradictions:
        f = report.contradictions[0]
        return failed(_("Does the article really say that? Look again at « {found} » and « {denied} ».",
                        found=f.found, denied=f.denied), see)
    if report.first_person or report.second_person:
        word = (report.first_person + report.second_person)[0]
        return failed(_("Who is speaking in your résumé? « {word} » stands outside a quotation.", word=word),
                      _("A résumé speaks as the article does, in the third person, with no je, nous or vous."))
    if report.meta:
        return failed(_("Does a résumé talk about the article (« {words} »)?", words=report.meta[0]),
                      _("Write as the author would, without « l'auteur dit que » or « selon l'article »."))
    if not report.copy_ok:
        return failed(_("Did you copy {n} words in a row from the article? Rephrase them.", n=report.copy_length),
                      see)
    if not report.facts_ok:
        return failed(_("Does it keep every key fact (who, when, what, why and the conditions)? "
                        "{found} of {total} found.", found=report.facts_found, total=len(report.facts)), see)
    return failed(_("Do the ideas come in the article's order? « {first} » comes before « {second} » in your "
                    "résumé.", first=report.out_of_order[0], second=report.out_of_order[1]), see)


# --------------------------------------------------------------------------
# 3. evaluation
# --------------------------------------------------------------------------
def _method_scores(article, reference: str = "fr-moyen", metric: str = "rouge1") -> dict[str, float]:
    from ..evaluation import reference_summary, rouge
    from ..summarising import METHODS, summarise

    ref = reference_summary(reference)
    return {m: getattr(rouge(summarise(article, m, max_words=ref.words), ref), metric).f1 for m in METHODS}


def _ranking(scores: dict[str, float]) -> list[str]:
    return sorted(scores, key=lambda m: (-scores[m], m))


def method_ranking(answer, *, article) -> Result:
    """The four methods ranked by ROUGE-1 F1 against ``fr-moyen``, best first (its length as the word limit)."""
    items = collection(answer)
    if isinstance(answer, str) or items is None or not all(isinstance(x, str) for x in items):
        return failed(_('Is your answer a list of the four methods\' names, such as ["lead", …]?'))
    got = [x.strip().lower() for x in items]
    scores = _method_scores(article)
    if sorted(got) != sorted(scores):
        return failed(_('Does your list hold each of "lead", "frequency", "tfidf", "textrank" exactly once?'))
    want = _ranking(scores)
    if got == want:
        return passed()
    if got == want[::-1]:
        return failed(_("Is the best method first? Sort from the highest F1 down."))
    if got == _ranking(_method_scores(article, "fr-examen", "rouge1")):
        return failed(_("That is the lesson's ranking (ROUGE-1 against fr-examen): which reference and which "
                        "ROUGE does the exercise ask for?"))
    if got == _ranking(_method_scores(article, "fr-moyen", "rouge2")):
        return failed(_("Did you rank by ROUGE-2? The exercise asks for ROUGE-1 (single words)."))
    return failed(_("Did you summarise each method with `max_words=` the length of `fr-moyen`, and compare the "
                    "F1 of ROUGE-1?"),
                  _("`ak.rouge(summary, reference).rouge1.f1` for each, then sort, highest first."))


def ascii_damage(answer, *, article) -> Result:
    """How many distinct words of ``fr-moyen`` an ASCII-only tokenizer breaks (the lesson did ``fr-examen``)."""
    from ..evaluation import broken_words, reference_summary, tokenize

    if not is_int(answer):
        return failed(_("Is your answer a whole number of words?"))
    text = reference_summary("fr-moyen").text
    lesson_text = reference_summary("fr-examen").text
    if answer in (len(broken_words(lesson_text)), len({w for w in tokenize(lesson_text) if not w.isascii()})):
        return failed(_("That is the lesson's reference, `fr-examen`: which reference does this exercise ask "
                        "about?"))
    accepted = {len(broken_words(text)),
                len({w for w in tokenize(text) if not w.isascii()})}
    if answer in accepted:
        return passed()
    if answer == len([w for w in tokenize(text) if not w.isascii()]):
        return failed(_("Did you count each *distinct* word once (« sénégalais » twice is one word)?"))
    return failed(_("Which words of `fr-moyen` contain a letter outside a–z (é, è, à, ç, ô…)? Count those."),
                  _("Cut it with `ak.evaluation.tokenize`, keep the words that are not ASCII, count each once."))


@lru_cache(maxsize=4)
def _oracle_gap(article) -> float:
    # an oracle search and four summaries (0.1 s): once per article, not once per answer judged,
    # since a batch's judge judges every submission against the same article
    from ..evaluation import reference_summary, rouge
    from ..summarising import METHODS, oracle, summarise

    reference = reference_summary("fr-moyen")
    best = max(rouge(summarise(article, m, max_sentences=3), reference).rouge1.f1 for m in METHODS)
    return rouge(oracle(article, reference.text, k=3, metric="rouge1"), reference).rouge1.f1 - best


def oracle_gap(answer, *, article) -> Result:
    """ROUGE-1 F1 of the 3-sentence oracle minus that of the best 3-sentence method, against ``fr-moyen``."""
    from .shapes import is_number

    if not is_number(answer):
        return failed(_("Is your answer a number (a difference of two F1 scores)?"))
    gap = _oracle_gap(article)
    # rounded to 3 decimals (or, in percentage points, to 1) is still the same difference
    if same_number(answer, gap, rel=1e-6, abs_tol=5e-4 + 1e-9) or same_number(answer, 100 * gap, rel=1e-6,
                                                                           abs_tol=5e-2 + 1e-9):
        return passed()
    if same_number(answer, -gap, rel=1e-6):
        return failed(_("Oracle minus best method: is the sign right? The oracle is the ceiling."))
    return failed(_("Did you use `metric=\"rouge1\"` and `k=3` for the oracle, and `max_sentences=3` for each "
                    "method?"),
                  _("Take the *highest* F1 of the four methods, and subtract it from the oracle's F1."))


# ==========================================================================
# The fiche: data, the teacher's key and its digests
# ==========================================================================
@lru_cache(maxsize=None)
def _text(name: str) -> str:
    # the text is cached, never the parsed data: each caller gets its own copy
    from importlib import resources

    return resources.files("articlekit").joinpath("data", "fiche", name).read_text(encoding="utf-8")


def _data(name: str) -> dict:
    """One of lesson 3's fiche files in ``data/fiche/``, parsed (a new dict each call)."""
    return json.loads(_text(name))


def _lesson() -> dict:
    return _data("summarising-lesson.json")


def _assignment() -> dict:
    return _data("summarising-assignment.json")


def _language() -> dict:
    return _data("summarising-language-fr.json")


def _stem(article) -> str:
    from ..keys import article_stem

    return article_stem(article)


def _key(article) -> dict | None:
    """The teacher's key for this article, or ``None`` where it is not installed (a learner's copy)."""
    from ..keys import article_key

    return article_key(KEY_NAME, article)


def _fold(text: str) -> str:
    """Lower case, no accents, ’ as ', hyphens as spaces, one space between words, no end punctuation."""
    from ..words import folded

    out = folded(str(text)).replace("\u00a0", " ")
    out = re.sub(r"[«»\"“”.,;:!?()\[\]…]", " ", out)
    return " ".join(out.split())


def _lower(text: str) -> str:
    """Lower case with ’ as ' and one space between words, accents kept."""
    return " ".join(str(text).replace("’", "'").lower().split())


def _tables_from(key: dict) -> dict:
    """The digests of every graded fiche answer, from the teacher's key."""
    nouns, genders = set(), set()
    for number, item in key["nominalisations"].items():
        for noun, gender in item["accepted"].items():
            nouns.add(salted_hash(f"nm|{int(number)}|{_fold(noun)}"))
            genders.add(salted_hash(f"nmg|{int(number)}|{_fold(noun)}|{gender}"))
    return {
        "paragraph_ideas": sorted({salted_hash(f"pi|{letter}|{int(p)}") for letter, p in key["paragraph_ideas"].items()}),
        "nominalisations": sorted(nouns),
        "genders": sorted(genders),
        "connectors": sorted({salted_hash(f"cx|{int(n)}|{relation}") for n, relation in key["connectors"].items()}),
    }


def _tables(article) -> tuple[dict | None, dict | None]:
    """(digest tables, key): from the teacher's key where installed, else the shipped digests (or ``None``)."""
    key = _key(article)
    if key is not None:
        return _tables_from(key), key
    return _data(DIGESTS_FILE)["articles"].get(_stem(article)), None


def _needs_key() -> Result:
    return failed(_("This self-check needs the teacher's key, which is not in this copy of the kit: "
                    "can you compare your answer with the lesson, then ask your teacher?"))


def _no_key():
    """Said after a « not yet » that a learner's copy of the kit cannot explain further."""
    return _("(Without the teacher's key here, this check can only say right or not yet.)")


def _write_digests(article) -> Path:
    """Write the digests of an article's graded fiche answers into ``data/fiche/summarising-digests.json``."""
    from importlib import resources

    from ..keys import KeyMissing
    from ..storage import atomic_write_text

    key = _key(article)
    if key is None:
        raise KeyMissing(KEY_NAME.format(stem=_stem(article)))
    path = Path(str(resources.files("articlekit") / "data" / "fiche" / DIGESTS_FILE))
    body = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    articles = dict(body.get("articles", {}))
    articles[_stem(article)] = _tables_from(key)
    body = {"note": "Salted hashes of the right answers of lesson 3's graded fiche exercises (paragraph_ideas, "
                    "nominalisations and their genders, connectors), written from the teacher's key "
                    "(teacher/keys/summarising-<article>.json) by `python -m articlekit.checks.summarising`; "
                    "never edit by hand.",
            "articles": dict(sorted(articles.items()))}
    atomic_write_text(path, json.dumps(body, ensure_ascii=False, indent=1) + "\n", backup=False)
    _text.cache_clear()
    return path


# --------------------------------------------------------------------------
# shared readers
# --------------------------------------------------------------------------
def _numbered(answer: Any, labels: Sequence[Any]) -> dict | None:
    """An answer keyed by the items' labels (numbers or letters), as a dict label -> value; ``None`` if unreadable.

    A dict may use the labels as numbers or strings, in any case; a list or
    tuple gives the items in order.
    """
    if isinstance(answer, Mapping) or type(answer).__name__ == "Series":
        out = {}
        for k, v in dict(answer).items():
            label = next((x for x in labels if str(x).strip().lower() == str(k).strip().lower()), None)
            if label is None:
                return None
            out[label] = v
        return out
    items = collection(answer)
    if items is None or len(items) != len(labels):
        return None
    return dict(zip(labels, items))


def _one_sentence_count(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?…])\s+", text.strip()) if s.strip()])


def _french(text: str) -> bool:
    from .meaning import french_share

    fr, en = french_share(text)
    return fr >= 0.75 and en < 0.2


# ==========================================================================
# Compréhension globale: the main idea
# ==========================================================================
_MALI = re.compile(r"\bmali|\bbamako\b")
_SENEGAL = re.compile(r"\bsenegal|\bdakar\b")


def try_main_idea(answer, *, article) -> Result:
    """Lesson 3, compréhension globale: the article's main idea in one French sentence of your own.

    It names the two countries and says what they want (their military
    cooperation), in 6 to 30 words, without copying more than six words in
    a row from the article or its title.  The teacher reads the rest (does it
    say *why*?).

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.checks import run_check
    >>> article = ak.load_article()
    >>> run_check(try_main_idea, "Le Mali et le Sénégal veulent unir leurs armées contre le terrorisme.",
    ...           article=article).ok
    True
    """
    from ..resume import copied_run, count_words, first_person, second_person
    from .meaning import read

    spec = _lesson()["main_idea"]
    low, high = spec["words"]
    if not isinstance(answer, str) or not answer.strip():
        return failed(_("Is your main idea a sentence between quotes?"))
    if not _french(answer):
        return failed(_("Is your sentence in French? The linguistic work of the lesson is in French."))
    n = count_words(answer)
    if not low <= n <= high:
        return failed(_("Your sentence has {n} words: can you say the main idea in {low} to {high}?",
                        n=n, low=low, high=high))
    if _one_sentence_count(answer) > 1:
        return failed(_("Is it one sentence? A main idea fits in one."))
    if first_person(answer) or second_person(answer):
        return failed(_("Who is speaking? « {word} » is not the article's voice: write in the third person.",
                        word=(first_person(answer) + second_person(answer))[0]))
    run, words = copied_run(answer, f"{article.title}. {article.text}")
    if run > spec["max_copy"]:
        return failed(_("Did you copy « {words} » from the article or its title? Say it in your own words.",
                        words=words))
    folded = _fold(answer)
    if not (_MALI.search(folded) and _SENEGAL.search(folded)):
        return failed(_("Who is the article about? Does your sentence name both countries?"))
    reading = read(answer, ("cooperation",))
    if reading.denies("cooperation"):
        return failed(_("Does the article really say that? « {words} » turns the cooperation around.",
                        words=reading.denial("cooperation")))
    if not reading.affirms("cooperation"):
        return failed(_("What do the two countries want, according to the title and the lede?"),
                      _("Read the title again: what do the two countries seek to strengthen?"))
    return passed(_("a main idea in your own words: who, and what they want. Does it also say why?"))


# ==========================================================================
# Compréhension détaillée: which paragraphs carry a key fact, which idea is in which paragraph
# ==========================================================================
def _fact_paragraphs(article) -> dict[str, set[int]]:
    """For each key fact the lesson asks about, the paragraphs that state it (by the key facts' variants)."""
    from ..resume import key_facts

    wanted = _lesson()["fact_paragraphs"]["facts"]
    facts = {f.name: f for f in key_facts(article)}
    return {name: {p.index for p in article.paragraphs if facts[name].find(p.text) is not None}
            for name in wanted if name in facts}


def _fact_label(key: Any, article) -> str | None:
    from ..resume import key_facts

    for fact in key_facts(article):
        if isinstance(key, str) and (same_text(key, fact.name) or same_text(key, fact.description)):
            return fact.name
    return None


def _paragraph_set(value: Any) -> set[int] | None:
    if is_int(value):
        return {int(value)}
    items = int_list(value)
    return None if items is None else set(items)


def try_fact_paragraphs(answer, *, article) -> Result:
    """Lesson 3, compréhension détaillée: for three key facts, every paragraph (from 0) that states it.

    ``{"who-senegal": [0, …], "why-terrorism": […], "why-insecurity": […]}``:
    the facts are those of the résumé's key (``ak.key_facts(article)``); a
    key may be a fact's name or its description.

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.checks import run_check
    >>> run_check(try_fact_paragraphs, {"who-senegal": [0]}, article=ak.load_article()).ok
    False
    """
    expected = _fact_paragraphs(article)
    if not isinstance(answer, Mapping) and type(answer).__name__ != "Series":
        return failed(_("Is your answer a dict from each fact's name to the list of its paragraphs?"))
    given: dict[str, set[int]] = {}
    for k, v in dict(answer).items():
        name = _fact_label(k, article)
        if name is None or name not in expected:
            return failed(_("Is « {key} » one of the three facts of the exercise? Use their names as keys.",
                            key=str(k)))
        paragraphs = _paragraph_set(v)
        if paragraphs is None:
            return failed(_("Is each value a list of paragraph numbers (whole numbers)?"))
        given[name] = paragraphs
    missing = [name for name in expected if name not in given]
    if missing:
        return failed(_("Does your dict give the paragraphs of every fact? « {fact} » is missing.", fact=missing[0]))
    if given == expected:
        return passed()
    if {k: {i - 1 for i in v} for k, v in given.items()} == expected:
        return failed(_("Do you count paragraphs from 0, as `article.paragraphs` does?"))
    for name in expected:
        extra = sorted(given[name] - expected[name])
        if extra:
            return failed(_("« {fact} »: does paragraph {n} really state it, or only use a word close to it?",
                            fact=name, n=extra[0]),
                          _("`fact.find(paragraph.text)` shows the words of a paragraph that state a fact."))
        if given[name] != expected[name]:
            return failed(_("« {fact} »: is it said only in the paragraphs you gave? Look further on, in other "
                            "words too.", fact=name),
                          _("`fact.find(paragraph.text)` shows the words of a paragraph that state a fact."))
    return failed(_("Read each paragraph again: which facts does it state?"))  # pragma: no cover - unreachable


def paragraph_ideas(answer, *, article) -> Result:
    """Graded: the paragraph (from 0) whose idea each statement A–E gives, in other words; each paragraph once.

    ``{"A": …, "B": …, "C": …, "D": …, "E": …}``.  The statements are in
    ``data/fiche/summarising-assignment.json``; the answers in the teacher's key.
    """
    spec = _assignment()["paragraph_ideas"]
    letters = [s["letter"] for s in spec["statements"]]
    allowed = spec["paragraphs"]
    read = _numbered(answer, letters)
    if read is None:
        return failed(_("Is your answer a dict from each statement's letter (A, B…) to a paragraph number?"))
    missing = [x for x in letters if x not in read]
    if missing:
        return failed(_("Does your dict give a paragraph for every statement ({letters})?", letters=", ".join(letters)))
    if not all(is_int(v) for v in read.values()):
        return failed(_("Is each value one paragraph number (a whole number, counted from 0 as in "
                        "`article.paragraphs`)?"))
    values = {k: int(v) for k, v in read.items()}
    if len(set(values.values())) != len(values):
        return failed(_("Each paragraph is used once: did you give the same paragraph to two statements?"))
    tables, key = _tables(article)
    if tables is None:
        return _needs_key()
    accepted = set(tables["paragraph_ideas"])

    def right(values):
        return {k for k, v in values.items() if salted_hash(f"pi|{k}|{v}") in accepted}

    good = right(values)
    if len(good) == len(letters):
        return passed()
    if len(right({k: v - 1 for k, v in values.items()})) == len(letters):
        return failed(_("Do you count paragraphs from 0, as `article.paragraphs` does?"))
    if any(v not in allowed for v in values.values()):
        return failed(_("Each statement sums up one of paragraphs {first} to {last}: is every number among them?",
                        first=min(allowed), last=max(allowed)))
    wrong = next(x for x in letters if x not in good)
    return failed(_("Read statement {letter} again: which paragraph says that, in other words?", letter=wrong),
                  _n("{n} statement is matched right. A statement rewords its paragraph: look for the idea, "
                     "not for the same words.",
                     "{n} statements are matched right. A statement rewords its paragraph: look for the idea, "
                     "not for the same words.", len(good)))


# ==========================================================================
# Travail sur la langue (1): nominalisation
# ==========================================================================
@lru_cache(maxsize=1)
def _french_words() -> frozenset:
    """French words: every lemma of the model's French lemma table, folded (no accents).

    Only the lemmas: the table is keyed by the hash of each form, so its forms cannot be listed.
    """
    from ..french import lemmas

    return frozenset(_fold(w) for w in lemmas())


def _lemmas_of(word: str) -> tuple[str, ...]:
    from ..french import lemma_table

    table = lemma_table()
    found = table.get(word.lower())
    if found is None:
        return ()
    return tuple(_fold(x) for x in (found if isinstance(found, list) else [found]))


def _noun_group(value: str) -> tuple[str, str]:
    """(determiner, the rest) of a nominal group as a learner writes it: « l’approfondissement de la… » -> ("l'", …)."""
    text = _fold(value)
    for d in sorted(_language()["determiners"], key=len, reverse=True):
        if d.endswith("'") and text.startswith(d):
            return d, text[len(d):].lstrip()
        if text.startswith(d + " "):
            return d, text[len(d) + 1:]
    return "", text


def _singulars(word: str) -> tuple[str, ...]:
    """The singulars a (folded) French noun in the plural may have: « financements », « journaux » -> « journal »."""
    out = []
    if word.endswith("aux") and len(word) > 4:
        out.append(word[:-3] + "al")
    if word[-1:] in ("s", "x") and len(word) > 3:
        out.append(word[:-1])
    return tuple(out)


def _head(rest: str, number: int, accepted: set[str], plural: bool = False) -> str:
    """The noun a learner's group starts with: an accepted noun of up to three words (« mise en œuvre »), else its first word.

    After a plural determiner (« les », « des ») or none, the noun may be in the plural: « les financements » is
    the noun « financement », and its singular is returned.
    """
    words = rest.split()
    firsts = (words[0], *(_singulars(words[0]) if plural else ())) if words else ()
    for k in (3, 2, 1):
        for first in firsts:
            group = " ".join((first, *words[1:k]))
            if len(words) >= k and salted_hash(f"nm|{number}|{group}") in accepted:
                return group
    return words[0] if words else ""


def _shown(value: str, determiner: str, head: str) -> str:
    """The head of a learner's noun group as they wrote it (accents and all), for a hint."""
    words = value.strip().split()
    if determiner.endswith("'") and words:
        first = re.split(r"['’]", words[0], maxsplit=1)
        words = [first[-1], *words[1:]] if first[-1] else words[1:]
    elif determiner:
        words = words[len(determiner.split()):]
    return " ".join(words[:len(head.split())]).strip(" ,;.!?") or head


def _stem_of(verb: str) -> str:
    first = _fold(verb).split()[0]
    for ending in ("oir", "er", "ir", "re"):
        if first.endswith(ending):
            return first[: -len(ending)]
    return first


def _is_verb_form(head: str, verb: str) -> bool:
    """True when ``head`` is still the verb: its infinitive, a conjugated form or a participle."""
    folded_verb = _fold(verb)
    if head == folded_verb or head.split()[:1] == folded_verb.split()[:1]:
        return True
    first = head.split()[0] if head else ""
    if folded_verb.split()[0] in _lemmas_of(first):
        return True
    stem = _stem_of(verb)
    rest = first[len(stem):] if first.startswith(stem) else None
    return rest is not None and rest in _language()["verb_endings"]


def _is_agent(head: str, verb: str) -> bool:
    folded_verb = _fold(verb).split()[0]
    common = 0
    for a, b in zip(head, folded_verb):
        if a != b:
            break
        common += 1
    return common >= 4 and any(head.endswith(e) for e in _language()["agent_endings"])


def _is_french_group(head: str) -> bool:
    """True when each word of a (folded) noun group is a French lemma, or a noun's plural (-s, -x, -aux)."""
    words = _french_words()
    return all(w in words or w in ("en", "oeuvre") or any(s in words for s in _singulars(w)) for w in head.split())


#: The kinds of wrong noun the key names, each with its own question (:func:`_noun_hint`).
_NOUN_KINDS = frozenset({"false-friend", "other-meaning", "incomplete", "other-verb", "familiar"})


def _noun_hint(kind: str, word: str, verb: str) -> Result:
    if kind == "false-friend":
        return failed(_("« {word} » is a French word, but it means something else (look it up): which noun names "
                        "the action of « {verb} »?", word=word, verb=verb))
    if kind == "incomplete":
        return failed(_("« {word} » alone does not name the whole action of « {verb} »: which words go with it?",
                        word=word, verb=verb))
    if kind == "familiar":
        return failed(_("« {word} » is familiar French: which noun would a résumé use for the action of « {verb} »?",
                        word=word, verb=verb))
    if kind == "other-verb":
        return failed(_("« {word} » is the noun of another verb: which noun comes from « {verb} » itself?",
                        word=word, verb=verb))
    return failed(_("Does « {word} » name the action of « {verb} », or something close to it? Look for the noun "
                    "that says the same as the verb.", word=word, verb=verb))


def _judge_noun(number: int, verb: str, value: Any, accepted: set[str], genders: set[str],
                rejected: dict[str, str] | None) -> Result | None:
    """``None`` when the noun is right for this item, else the hint (``rejected``: the key's wrong nouns, or None)."""
    if not isinstance(value, str) or not value.strip():
        return failed(_("Is the noun for « {verb} » a word between quotes?", verb=verb))
    determiner, rest = _noun_group(value)
    plural = determiner in ("", *_language()["plural_determiners"])
    head = _head(rest, number, accepted, plural)
    shown = _shown(value, determiner, head)
    if not head:
        return failed(_("Is there a noun after « {determiner} » for « {verb} »?", determiner=determiner, verb=verb))
    if not plural and _head(rest, number, accepted, plural=True) != head:
        return failed(_("« {determiner} » is singular: does « {noun} » agree with it?", determiner=determiner,
                        noun=shown))
    if salted_hash(f"nm|{number}|{head}") in accepted:
        gender = _language()["genders"].get(determiner)
        if gender and salted_hash(f"nmg|{number}|{head}|{gender}") not in genders:
            return failed(_("« {group} »: is « {noun} » masculine or feminine? Check its gender in a dictionary.",
                            group=value.strip(), noun=shown))
        return None
    if rejected is not None:
        # accents decide between « la finance » (another meaning) and « financé » (the verb left as it is);
        # an answer typed without any accent is compared without them
        exact = {_lower(w): k for w, k in rejected.items()}
        singulars = _singulars(_lower(shown)) if plural else ()
        kind = next((exact[w] for w in (_lower(shown), *singulars) if w in exact), None)
        if kind is None and _fold(shown) == _lower(shown):
            folded = {_fold(w): k for w, k in rejected.items()}
            kind = next((folded[w] for w in (head, *(_singulars(head) if plural else ())) if w in folded), None)
        if kind in _NOUN_KINDS:
            return _noun_hint(kind, shown, verb)
    if _is_verb_form(head, verb):
        return failed(_("Is « {word} » still the verb « {verb} »? A nominalisation turns the action into a noun "
                        "(« renforcer » → « le renforcement »).", word=shown, verb=verb))
    if _is_agent(head, verb):
        return failed(_("Does « {word} » name the action, or the person or thing that does it? Which noun says the "
                        "action of « {verb} »?", word=shown, verb=verb))
    if not _is_french_group(head):
        return failed(_("Is « {word} » a French word? Look in a dictionary for the noun of « {verb} ».",
                        word=shown, verb=verb))
    if rejected is None:
        return failed(_("Not yet for « {verb} »: is « {word} » the noun that names this action? {no_key}",
                        verb=verb, word=shown, no_key=_no_key()))
    return failed(_("Is « {word} » the noun of « {verb} »? Try the endings of the lesson's table (-ment, -tion, -age, "
                    "-ure, -ance…), then check the word in a dictionary.", word=shown, verb=verb))


def _read_nouns(answer: Any, items: list[dict]) -> dict[int, Any] | Result:
    labels = [item["number"] for item in items]
    if not isinstance(answer, Mapping) and type(answer).__name__ != "Series":
        by_number = _numbered(answer, labels)
        if by_number is None:
            return failed(_("Is your answer a dict from each verb (or its number) to its noun?"))
        return by_number
    out: dict[int, Any] = {}
    for k, v in dict(answer).items():
        item = next((i for i in items if (is_int(k) and int(k) == i["number"]) or
                     (isinstance(k, str) and (_fold(k) == _fold(i["verb"]) or k.strip() == str(i["number"])))), None)
        if item is None:
            return failed(_("Is « {key} » one of the verbs of the exercise? Use the verbs (or their numbers) as keys.",
                            key=str(k)))
        out[item["number"]] = v
    missing = [i["verb"] for i in items if i["number"] not in out]
    if missing:
        return failed(_("Does your dict give a noun for every verb? « {verb} » is missing.", verb=missing[0]))
    return out


def _judge_nouns(answer, items: list[dict], accepted: set[str], genders: set[str],
                 rejected: dict[int, dict[str, str]] | None) -> Result:
    read = _read_nouns(answer, items)
    if isinstance(read, Result):
        return read
    for item in items:
        problem = _judge_noun(item["number"], item["verb"], read[item["number"]], accepted, genders,
                              None if rejected is None else rejected.get(item["number"], {}))
        if problem is not None:
            return failed(*problem.hints, _("Read the phrase of the article again and say the same thing as a noun "
                                            "group: « {phrase} » → « le/la … de … ».", phrase=item["phrase"]))
    return passed()


def _lesson_noun_tables(items: list[dict]) -> tuple[set[str], set[str], dict[int, dict[str, str]]]:
    accepted = {salted_hash(f"nm|{i['number']}|{_fold(n)}") for i in items for n in i["accepted"]}
    genders = {salted_hash(f"nmg|{i['number']}|{_fold(n)}|{g}") for i in items for n, g in i["accepted"].items()}
    return accepted, genders, {i["number"]: i["rejected"] for i in items}


def try_nominalise(answer, *, article) -> Result:
    """Lesson 3, travail sur la langue: the noun of three verbs of the article (the lesson's items).

    ``{"réduire": "la réduction", …}``: a noun with or without its determiner
    (its gender is checked when the determiner shows it), or the whole noun
    group (« la réduction de l’insécurité »).

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.checks import run_check
    >>> run_check(try_nominalise, {"réduire": "réduire", "lutter": "la lutte", "respecter": "le respect"},
    ...           article=ak.load_article()).ok
    False
    """
    items = _lesson()["nominalise"]
    accepted, genders, rejected = _lesson_noun_tables(items)
    return _judge_nouns(answer, items, accepted, genders, rejected)


def nominalisations(answer, *, article) -> Result:
    """Graded: the noun of five verbs of the article (other verbs than the lesson's), every noun French gives.

    The verbs are in ``data/fiche/summarising-assignment.json``; the nouns
    accepted (with their gender) in the teacher's key.
    """
    items = _assignment()["nominalisations"]
    read = _read_nouns(answer, items)
    if isinstance(read, Result):
        return read
    tables, key = _tables(article)
    if tables is None:
        return _needs_key()
    rejected = None if key is None else {int(n): item["rejected"] for n, item in key["nominalisations"].items()}
    return _judge_nouns(answer, items, set(tables["nominalisations"]), set(tables["genders"]), rejected)


# ==========================================================================
# Travail sur la langue (2): logical connectors
# ==========================================================================
def _relation_words(relation: str):
    """What a relation of ``summarising-language-fr.json`` is called in a hint."""
    if relation == "cause":
        return _("a cause")
    if relation == "goal":
        return _("a goal")
    if relation == "opposition":
        return _("an opposition")
    if relation == "consequence":
        return _("a consequence")
    if relation == "condition":
        return _("a condition")
    return _("an addition")


def _connector(value: Any) -> tuple[str, str, str] | None:
    """(connector, relation, what follows it) of a learner's connector, or ``None`` if the table lacks it."""
    if not isinstance(value, str):
        return None
    text = _fold(value)
    for relation, rows in _language()["connectors"].items():
        for row in rows:
            if text == _fold(row["words"]):
                return row["words"], relation, row["before"]
    return None


def _relation_name(value: Any) -> bool:
    text = _fold(value) if isinstance(value, str) else ""
    return any(text == _fold(n) for names in _language()["relation_names"].values() for n in names)


def _needs(before: str):
    if before == "infinitive":
        return _("an infinitive")
    if before == "subjunctive":
        return _("a clause in the subjunctive")
    if before == "noun":
        return _("a noun")
    if before == "conditional":
        return _("a clause in the conditional")
    return _("a clause in the indicative")


def _judge_connectors(answer, items: list[dict], right_relation) -> Result:
    """``right_relation(number, relation)``: True/False, or ``None`` when it cannot be judged here."""
    read = _numbered(answer, [i["number"] for i in items])
    if read is None:
        return failed(_("Is your answer a dict from each item's number to the connector you would write?"))
    missing = [i["number"] for i in items if i["number"] not in read]
    if missing:
        return failed(_("Does your dict give a connector for every item? Item {n} is missing.", n=missing[0]))
    for item in items:
        n, value = item["number"], read[item["number"]]
        if not isinstance(value, str) or not value.strip():
            return failed(_("Item {n}: is the connector a word between quotes?", n=n))
        if _relation_name(value):
            return failed(_("Item {n}: is that the connector itself? Write the words you would put between the "
                            "two ideas, not the name of the link.", n=n))
        found = _connector(value)
        if found is None:
            return failed(_("Item {n}: is « {word} » a logical connector? Look at the lesson's table of connectors "
                            "for one that links the two ideas.", n=n, word=value.strip()))
        word, relation, before = found
        verdict = right_relation(n, relation)
        if verdict is None:
            return _needs_key()
        if not verdict:
            if relation == "addition":
                return failed(_("Item {n}: « {word} » only adds one idea to the other. What logical link is there "
                                "between them?", n=n, word=value.strip()),
                              _("Does the second idea give a cause or a goal of the first, its consequence, or does "
                                "it go against it?"))
            return failed(_("Item {n}: « {word} » introduces {relation}. Is that the link between the two ideas?",
                            n=n, word=value.strip(), relation=_relation_words(relation)),
                          _("Read the sentence of the article the two ideas come from (sentence {sentence}): which "
                            "words link them there?", sentence=item["sentence"]))
        if before != item["second_is"]:
            return failed(_("Item {n}: « {word} » is the right kind of link, but it is followed by {needs}, and the "
                            "second idea is {given}. Which connector of the same kind fits?", n=n,
                            word=value.strip(), needs=_needs(before), given=_needs(item["second_is"])))
    return passed()


def try_connectors(answer, *, article) -> Result:
    """Lesson 3, travail sur la langue: the connector that links each of the lesson's four pairs of ideas.

    ``{1: "afin de", 2: "car", …}``: any connector of the right relation
    (cause, goal, opposition, consequence) that fits what follows it.
    """
    items = _lesson()["connectors"]
    relations = {i["number"]: i["relation"] for i in items}
    return _judge_connectors(answer, items, lambda n, relation: relations[n] == relation)


def connectors(answer, *, article) -> Result:
    """Graded: the connector that links each of the assignment's four pairs of ideas (other pairs than the lesson's).

    The pairs are in ``data/fiche/summarising-assignment.json``; the relation
    of each in the teacher's key.
    """
    items = _assignment()["connectors"]
    read = _numbered(answer, [i["number"] for i in items])
    if read is None or not all(isinstance(v, str) for v in read.values()):
        return _judge_connectors(answer, items, lambda n, relation: None)
    tables, _key_ = _tables(article)
    if tables is None:
        return _judge_connectors(answer, items, lambda n, relation: None)
    accepted = set(tables["connectors"])
    return _judge_connectors(answer, items, lambda n, relation: salted_hash(f"cx|{n}|{relation}") in accepted)


# ==========================================================================
# Travail sur la langue (3): a reformulation in the résumé's voice
# ==========================================================================
_SAFETY = frozenset({"securite", "stabilite", "paix", "securitaire", "surete"})



def _idea_words(idea: str):
    """What an idea a reformulation must keep is called in a hint."""
    if idea == "cooperation":
        return _("the two countries working together")
    if idea == "deepen":
        return _("doing more of it (deeper, stronger)")
    if idea == "threat":
        return _("the threats they face")
    return _("security and stability")


def _non_present(text: str) -> str | None:
    """The first conjugated verb of ``text`` in a tense other than the present, or ``None``.

    The small model's tense is not enough (it calls « renforceront » a present): a future or a
    conditional is also read from the form, the infinitive (or an irregular stem) followed by its
    ending; an imperfect or a passé simple needs both the model's tense and its ending.
    """
    from .meaning import _parse

    language = _language()
    endings = language["non_present"]
    for token in _parse(text):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        form, lemma = _fold(token.text), _fold(token.lemma_)
        stems = [lemma[:-1] if lemma.endswith("re") else lemma] if lemma.endswith(("er", "ir", "re")) else []
        stems += language["future_stems"]
        if any(form == stem + e for stem in stems for e in language["future_endings"]):
            return token.text
        if token.morph.get("VerbForm") != ["Fin"]:
            continue
        mood, tense = token.morph.get("Mood"), token.morph.get("Tense")
        kind = "Cnd" if mood == ["Cnd"] else (tense[0] if tense else "Pres")
        if kind in endings and any(form.endswith(e) for e in endings[kind]):
            return token.text
        if lemma.endswith("er") and any(form == lemma[:-2] + e for e in endings["Imp"]):
            return token.text
    return None


def _has_idea(idea: str, text: str, reading) -> bool:
    words = set(_fold(text).split())
    if idea == "deepen":
        from .meaning import _parse

        lemmas = {_fold(t.lemma_) for t in _parse(text)}
        return bool((words | lemmas) & set(_language()["deepen"]))
    if idea == "safety":
        return bool(words & _SAFETY)
    return reading.named(idea)


def _judge_reformulation(answer: Any, article, spec: dict) -> Result:
    from ..resume import copied_run, count_words, first_person, meta_discourse, second_person
    from .meaning import read

    if not isinstance(answer, str) or not answer.strip():
        return failed(_("Is your reformulation a sentence between quotes?"))
    if not _french(answer):
        return failed(_("Is your sentence in French? The résumé is written in French."))
    low, high = spec["words"]
    n = count_words(answer)
    if not low <= n <= high:
        return failed(_("Your reformulation has {n} words: can you say it in {low} to {high}?", n=n, low=low, high=high))
    if _one_sentence_count(answer) > spec["sentences"]:
        return failed(_n("Can you say it in {n} sentence?", "Can you say it in {n} sentences?", spec["sentences"]))
    if re.search(r"[«»“”\"]", answer):
        return failed(_("A résumé turns the quotation into the journalist's words: can you write it without "
                        "guillemets?"))
    persons = first_person(answer) + second_person(answer)
    if persons:
        return failed(_("Who is speaking? « {word} » is the minister's own voice: write in the third person "
                        "(il, le ministre, les deux pays).", word=persons[0]))
    if meta_discourse(answer):
        return failed(_("Does a résumé talk about the article (« {words} »)? Say what the minister says, as the "
                        "journalist does.", words=meta_discourse(answer)[0]))
    source = article.sentences[spec["sentence"]].text
    run, words = copied_run(answer, source)
    if run > spec["max_copy"]:
        return failed(_("Did you copy « {words} » from the sentence? Say it in your own words (at most {n} words "
                        "in a row from it).", words=words, n=spec["max_copy"]))
    verb = _non_present(answer)
    if verb is not None:
        return failed(_("A résumé is written in the present: is « {verb} » in the présent de l'indicatif?", verb=verb),
                      _("Put the conjugated verbs in the present (or the passé composé for what is done)."))
    if not any(re.search(p, _fold(answer)) for p in spec["speaker"]):
        return failed(_("Whose idea is it? A résumé keeps who says it: name the minister who speaks."))
    ideas = tuple(i for i in spec["ideas"] if i not in ("deepen", "safety"))
    reading = read(answer, ideas or ("cooperation",))
    for idea in ideas:
        if reading.denies(idea) and idea == "cooperation":
            return failed(_("Does the minister really say that? « {words} » turns the idea around.",
                            words=reading.denial(idea)))
    for idea in spec["ideas"]:
        if not _has_idea(idea, answer, reading):
            return failed(_("Does your sentence keep the idea of the original sentence? Read it again."),
                          _("Which idea is missing: {idea}?", idea=_idea_words(idea)))
    return passed(_("meets the rules of a reformulation for a résumé: third person, present, your own words, the "
                    "idea kept; your teacher reads the rest."))


def try_reformulate(answer, *, article) -> Result:
    """Lesson 3, travail sur la langue: one quoted sentence of the article rewritten as a résumé says it.

    The lesson's sentence (``data/fiche/summarising-lesson.json``): in the
    third person, in the present, without guillemets, copying at most four
    words in a row, naming who says it and keeping its idea.
    """
    return _judge_reformulation(answer, article, _lesson()["reformulate"])


def reformulation(answer, *, article) -> Result:
    """Graded: another quoted sentence of the article rewritten as a résumé says it (rules as the lesson's)."""
    return _judge_reformulation(answer, article, _assignment()["reformulation"])


if __name__ == "__main__":  # python -m articlekit.checks.summarising: rewrite the digests from the teacher's key
    from ..parsing import load_article

    print(f"{_write_digests(load_article())}: digests of lesson 3's fiche written")
