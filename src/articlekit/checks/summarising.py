"""Checks for lesson 3, summarising the article (``03-summarising``).

One pure function per exercise, ``def name(answer, *, article) -> Result``,
built with :func:`articlekit.checks.passed` / :func:`~articlekit.checks.failed`.
Every expected value is computed here from the article and the package's
own functions: no answer is written in this file.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from . import Result, failed, passed, same_number
from .shapes import as_counts, collection, int_list, is_int, is_list_of_lists

#: The sentence learners count by hand in the word-count exercise (the count is computed).
COUNT_PHRASE = ("« Aujourd’hui, jusqu’où l’armée ira-t-elle ? Sans doute, d’ici 2030, à 20 % de moyens en plus, "
                "dit-on à l’O.N.U. comme à la CEDEAO. »")


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
        return failed("Is your answer a list holding one list of lemmas per sentence?",
                      "Start from `[[] for s in article.sentences]` and append to `lists[token.sentence]`.")
    answer = [list(s) for s in answer]
    if len(answer) != len(article.sentences):
        return failed(f"Does your list have one item per sentence (the article has {len(article.sentences)})?",
                      "Group the tokens by `token.sentence`, the index of the sentence holding them.")
    if any(answer == route for route in _routes(article)):
        return passed()
    if answer == _stop_word_lists(article):
        return failed("That is the lesson's filter (no stop words, no punctuation). Which tokens does this "
                      "exercise keep? Look at each token's part of speech.",
                      f"Keep a token when `token.pos` is one of {', '.join(CONTENT_POS)}.")
    flat = [str(w).lower() for s in answer for w in s]
    forms = [[] for _ in article.sentences]
    for t in article.tokens:
        if t.pos in CONTENT_POS:
            forms[t.sentence].append(t.text.lower())
    if [[str(w).lower() for w in s] for s in answer] == forms:
        return failed("Did you take each token's lemma (`token.lemma`) rather than the word as written?",
                      "« rencontré » should appear as its dictionary form: which attribute of a token holds it?")
    if any(w in {"le", "de", "et", "à"} for w in flat):
        return failed("Are « le », « de », « et » nouns, adjectives or verbs? Keep only those parts of speech.")
    return failed("Compare your first list with sentence 0: is every noun, proper noun, adjective and verb "
                  "there, in order?",
                  f"Keep a token when `token.pos` is one of {', '.join(CONTENT_POS)}; append its lemma in lower case.")


def frequencies(answer, *, article) -> Result:
    """How many times each content lemma occurs in the whole article (a dict or Counter)."""
    counts = as_counts(answer)
    if counts is None:
        return failed("Is your answer a dict (or a `Counter`) from lemma to count?",
                      "Could a `Counter` fed with every lemma of every sentence list count them all?")
    for route in _routes(article):
        if counts == dict(Counter(w for s in route for w in s)):
            return passed()
    expected = Counter(w for s in _lemma_lists(article) for w in s)
    if counts == dict(Counter(w for s in _stop_word_lists(article) for w in s)):
        return failed("Those are the lesson's lemmas: did you count the lists of exercise 1 (kept by part of speech)?")
    if set(counts) == set(expected) and all(isinstance(v, int) for v in counts.values()):
        return failed("The lemmas are right: are the counts for the whole article, not for one sentence?")
    if len(counts) < len(expected) / 2:
        return failed("Did you count the lemmas of every sentence, not only the first?")
    return failed("Did you count the lemmas of your `content_lemmas` lists (not the raw words)?",
                  "Count over all sentences: one `Counter` over every lemma of every list.")


def weights(answer, *, article) -> Result:
    """Each lemma's count divided by the highest count (the most frequent lemma weighs 1)."""
    from .shapes import is_number

    values = as_counts(answer)
    if values is None:
        return failed("Is your answer a dict from lemma to weight?")
    if not all(is_number(v) for v in values.values()):
        return failed("Are the weights numbers?")
    for route in _routes(article):
        _, expected = _luhn(route)
        if set(values) == set(expected) and all(math.isclose(values[k], expected[k], rel_tol=1e-9)
                                                for k in expected):
            return passed()
    _, lesson = _luhn(_stop_word_lists(article))
    if set(values) == set(lesson):
        return failed("Are those the lesson's lemmas? Which lemmas does this exercise weigh: the lists of "
                      "exercise 1, kept by part of speech?",
                      "Divide the counts of your `frequencies` (exercise 2) by their largest count.")
    if values and max(values.values()) > 1:
        return failed("Is the highest weight exactly 1? Divide every count by the *largest* count.",
                      "`top = max(frequencies.values())`, then `count / top` for each lemma.")
    if values and math.isclose(sum(values.values()), 1.0):
        return failed("Did you divide by the total number of lemmas? Luhn divides by the largest count.")
    return failed("Do your weights cover every lemma of `frequencies`, each divided by the largest count?")


def luhn_scores(answer, *, article) -> Result:
    """For each sentence, the sum of the weights of its lemmas (a list of numbers, text order)."""
    if isinstance(answer, (str, bytes, Mapping)) or not isinstance(answer, Sequence):
        if type(answer).__name__ not in ("ndarray", "Series"):
            return failed("Is your answer a list of numbers, one per sentence?")
    from .shapes import is_number

    values = list(answer)
    if len(values) != len(article.sentences):
        return failed(f"Does your list have one score per sentence ({len(article.sentences)})?")
    if not all(is_number(v) for v in values):
        return failed("Are all the scores numbers?")
    for route in _routes(article):
        sums, _ = _luhn(route)
        if all(math.isclose(float(a), b, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(values, sums)):
            return passed()
        means = [s / len(r) if r else 0.0 for s, r in zip(sums, route)]
        if all(math.isclose(float(a), b, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(values, means)):
            return failed("Did you divide by the sentence's length? This exercise asks for the plain sum "
                          "(the package's version divides; you will compare the two).")
    lesson, _ = _luhn(_stop_word_lists(article))
    if all(math.isclose(float(a), b, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(values, lesson)):
        return failed("Are those the lesson's scores? This exercise sums the weights of your own lemmas "
                      "(exercise 1, kept by part of speech).",
                      "Use your `weights` (exercise 3) over your `content_lemmas` (exercise 1).")
    return failed("Is each score the sum of `weights[lemma]` over the lemmas of that sentence?",
                  "A lemma that appears twice in a sentence counts twice: sum over the list, not a set.")


def my_top3(answer, *, article) -> Result:
    """Indices of the three best sentences by your Luhn scores, in text order."""
    items = int_list(answer)
    if items is None:
        return failed("Is your answer a list of three sentence indices (whole numbers)?")
    if len(items) != 3:
        return failed("Did you keep exactly three sentences?")
    sums, _ = _luhn(_lemma_lists(article))
    expected = _top(sums)
    if items == expected:
        return passed()
    if sorted(items) == expected:
        return failed("The right sentences: are they in the order of the text (a summary keeps it)?")
    lesson, _ = _luhn(_stop_word_lists(article))
    if sorted(items) == _top(lesson):
        return failed("Are those the lesson's three sentences? Rank the sentences by your own `luhn_scores` "
                      "(exercise 4).")
    if sorted(i - 1 for i in items) == expected:
        return failed("Do your indices count from 0, like `article.sentences`?")
    return failed("Did you take the three *highest* scores of `luhn_scores`?",
                  "Can you sort the sentence indices by their score, highest first (`sorted(..., key=...)`), "
                  "keep three, then put them back in text order?")


def quotes_in_summaries(answer, *, article) -> Result:
    """How many of the chosen sentences contain guillemets: {"sum": …, "mean": …}."""
    from ..summarising import summarise

    counts = as_counts(answer)
    if counts is None or set(counts) != {"sum", "mean"}:
        return failed('Is your answer a dict with two keys, "sum" and "mean"?')
    if not all(is_int(v) for v in counts.values()):
        return failed("Are the two values whole numbers of sentences?")
    sums, _ = _luhn(_lemma_lists(article))
    mine = _top(sums)
    package = summarise(article, "frequency", max_sentences=3).indices
    def quoted(indices):
        return sum(("«" in article.sentences[i].text or "»" in article.sentences[i].text) for i in indices)
    expected = {"sum": quoted(mine), "mean": quoted(package)}
    if counts == expected:
        return passed()
    if counts == {"sum": expected["mean"], "mean": expected["sum"]}:
        return failed("Did you swap the two? \"sum\" is your summariser (`my_top3`), \"mean\" the package's.")
    return failed("For each summary, count the sentences whose text contains « or »: did you check every one?",
                  "The package's summary is `ak.summarise(article, \"frequency\", max_sentences=3)`; look at its `.indices`.")


def overlap_textrank(answer, *, article) -> Result:
    """The set of sentence indices chosen both by your summariser and by TextRank (3 sentences)."""
    from ..summarising import summarise

    items = int_list(answer)
    if items is None:
        return failed("Is your answer a set of sentence indices (whole numbers)?")
    sums, _ = _luhn(_lemma_lists(article))
    textrank = set(summarise(article, "textrank", max_sentences=3).indices)
    expected = set(_top(sums)) & textrank
    if set(items) == expected:
        return passed()
    lesson, _ = _luhn(_stop_word_lists(article))
    if set(items) == set(_top(lesson)) & textrank:
        return failed("Are those the lesson's three sentences? Compare TextRank's with your own `my_top3` "
                      "(exercise 5).")
    if set(items) >= expected:
        return failed("Are all your indices in *both* summaries? Keep only the shared ones (`&`).")
    return failed("Did you compare `my_top3` with the `.indices` of TextRank's 3-sentence summary?",
                  "Which operator keeps only what two sets have in common?")


# --------------------------------------------------------------------------
# 2. the French résumé
# --------------------------------------------------------------------------
def count_by_hand(answer, *, article) -> Result:
    """The exam word count of :data:`COUNT_PHRASE`, as a whole number."""
    from ..resume import count_words

    if not is_int(answer):
        return failed("Is your answer a whole number of words?")
    expected = count_words(COUNT_PHRASE)
    if answer == expected:
        return passed()
    if answer in (expected + 1, expected + 2):
        return failed("Did you count the euphonic -t- of « ira-t-elle » as a word? It is not one.",
                      "Or did you count « aujourd’hui » as two words? It is one dictionary word.")
    if answer < expected:
        return failed("Did you count each elided form (« l’ », « d’ », « jusqu’ ») as a word of its own, "
                      "and « % » too?",
                      "Elided forms count (« l’armée » = 2); a sign standing for a word counts (« 20 % » = 2); "
                      "« O.N.U. » is one word.")
    return failed("Did you count punctuation (« ? », guillemets, commas) as words? It never counts.",
                  "Go word by word with the rules table of lesson 3, section 5: how many words are « aujourd’hui », "
                  "« ira-t-elle », « dit-on », « 20 % » and « l’O.N.U. »?")


def target_words(answer, *, article) -> Result:
    """The length of a résumé of the article's last three paragraphs: a quarter of their words."""
    from ..resume import count_words
    from .shapes import is_number

    if is_number(answer) and float(answer).is_integer():
        answer = int(answer)  # numpy's and pandas' round() give a whole float: 76.0
    if not is_int(answer):
        return failed("Is your answer a whole number of words (round it)?")
    last = article.paragraphs[-3:]
    total = sum(count_words(p.text) for p in last)
    if answer in (math.floor(total / 4), math.ceil(total / 4)):
        return passed()
    whole = count_words(article.text)
    if answer in (math.floor(whole / 4), math.ceil(whole / 4)):
        return failed("That is a quarter of the whole article: which paragraphs does the exercise ask about?",
                      "`article.paragraphs[-3:]` are the last three.")
    words = sum(len(p.text.split()) for p in last)
    if answer in (words // 4, round(words / 4)):
        return failed("Did you count words with `split()`? Use the exam count, `ak.count_words`.")
    if abs(answer - total) < 5:
        return failed("Is that the whole of the three paragraphs? A résumé is a quarter of them.")
    return failed("Is it a quarter of the exam word count of the last three paragraphs?",
                  "Add `ak.count_words(p.text)` over `article.paragraphs[-3:]`, then divide by four.")


def resume(answer, *, article) -> Result:
    """Your own résumé of the article (a string): every measurable rule of a French exam résumé.

    Length (± 10 % of a quarter of the article, by the exam's word count),
    every key fact of the key file, in the article's order and not
    contradicted, no run of more than 6 words copied, no repeated sentence,
    and the source's énonciation (no je/nous/vous, no « l'auteur dit que »).
    A pass says only that these rules hold: the teacher reads the rest.
    """
    from ..resume import check_resume

    if not isinstance(answer, str) or not answer.strip():
        return failed("Is your résumé a string, between quotes?")
    from ..evaluation import reference_summaries, rouge

    if any(rouge(answer, ref).rouge2.f1 > 0.6 for ref in reference_summaries()):
        return failed("Is this your own résumé? It is very close to one of the kit's reference summaries.")
    report = check_resume(answer, article)
    if report.ok:
        return passed("meets the measurable rules of the exercise; your teacher reads the rest.", str(report))
    see = "Run `ak.check_resume(resume)` to see the table of what to change."
    if not report.length_ok:
        return failed(f"Your résumé has {report.words} words: is that between {report.low} and {report.high}?", see)
    if report.repeated:
        return failed(f"Does « {report.repeated[:60]} » say something new, or repeat an earlier sentence?", see)
    if report.contradictions:
        f = report.contradictions[0]
        return failed(f"Does the article really say that? Look again at « {f.found} » and « {f.denied} ».", see)
    if report.first_person or report.second_person:
        word = (report.first_person + report.second_person)[0]
        return failed(f"Who is speaking in your résumé? « {word} » stands outside a quotation.",
                      "A résumé speaks as the article does, in the third person, with no je, nous or vous.")
    if report.meta:
        return failed(f"Does a résumé talk about the article (« {report.meta[0]} »)?",
                      "Write as the author would, without « l'auteur dit que » or « selon l'article ».")
    if not report.copy_ok:
        return failed(f"Did you copy {report.copy_length} words in a row from the article? Rephrase them.", see)
    if not report.facts_ok:
        return failed(f"Does it keep every key fact (who, when, what, why and the conditions)? "
                      f"{report.facts_found} of {len(report.facts)} found.", see)
    return failed(f"Do the ideas come in the article's order? « {report.out_of_order[0]} » comes before "
                  f"« {report.out_of_order[1]} » in your résumé.", see)


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
        return failed('Is your answer a list of the four methods\' names, such as ["lead", …]?')
    got = [x.strip().lower() for x in items]
    scores = _method_scores(article)
    if sorted(got) != sorted(scores):
        return failed('Does your list hold each of "lead", "frequency", "tfidf", "textrank" exactly once?')
    want = _ranking(scores)
    if got == want:
        return passed()
    if got == want[::-1]:
        return failed("Is the best method first? Sort from the highest F1 down.")
    if got == _ranking(_method_scores(article, "fr-examen", "rouge1")):
        return failed("That is the lesson's ranking (ROUGE-1 against fr-examen): which reference and which "
                      "ROUGE does the exercise ask for?")
    if got == _ranking(_method_scores(article, "fr-moyen", "rouge2")):
        return failed("Did you rank by ROUGE-2? The exercise asks for ROUGE-1 (single words).")
    return failed("Did you summarise each method with `max_words=` the length of `fr-moyen`, and compare the "
                  "F1 of ROUGE-1?", "`ak.rouge(summary, reference).rouge1.f1` for each, then sort, highest first.")


def ascii_damage(answer, *, article) -> Result:
    """How many distinct words of ``fr-moyen`` an ASCII-only tokenizer breaks (the lesson did ``fr-examen``)."""
    from ..evaluation import broken_words, reference_summary, tokenize

    if not is_int(answer):
        return failed("Is your answer a whole number of words?")
    text = reference_summary("fr-moyen").text
    lesson_text = reference_summary("fr-examen").text
    if answer in (len(broken_words(lesson_text)), len({w for w in tokenize(lesson_text) if not w.isascii()})):
        return failed("That is the lesson's reference, `fr-examen`: which reference does this exercise ask about?")
    accepted = {len(broken_words(text)),
                len({w for w in tokenize(text) if not w.isascii()})}
    if answer in accepted:
        return passed()
    if answer == len([w for w in tokenize(text) if not w.isascii()]):
        return failed("Did you count each *distinct* word once (« sénégalais » twice is one word)?")
    return failed("Which words of `fr-moyen` contain a letter outside a–z (é, è, à, ç, ô…)? Count those.",
                  "Cut it with `ak.evaluation.tokenize`, keep the words that are not ASCII, count each once.")


def oracle_gap(answer, *, article) -> Result:
    """ROUGE-1 F1 of the 3-sentence oracle minus that of the best 3-sentence method, against ``fr-moyen``."""
    from ..evaluation import reference_summary, rouge
    from ..summarising import METHODS, oracle, summarise
    from .shapes import is_number

    if not is_number(answer):
        return failed("Is your answer a number (a difference of two F1 scores)?")
    reference = reference_summary("fr-moyen")
    best = max(rouge(summarise(article, m, max_sentences=3), reference).rouge1.f1 for m in METHODS)
    ceiling = rouge(oracle(article, reference.text, k=3, metric="rouge1"), reference).rouge1.f1
    gap = ceiling - best
    # rounded to 3 decimals (or, in percentage points, to 1) is still the same difference
    if same_number(answer, gap, rel=1e-6, abs_tol=5e-4 + 1e-9) or same_number(answer, 100 * gap, rel=1e-6,
                                                                           abs_tol=5e-2 + 1e-9):
        return passed()
    if same_number(answer, -gap, rel=1e-6):
        return failed("Oracle minus best method: is the sign right? The oracle is the ceiling.")
    return failed("Did you use `metric=\"rouge1\"` and `k=3` for the oracle, and `max_sentences=3` for each method?",
                  "Take the *highest* F1 of the four methods, and subtract it from the oracle's F1.")
