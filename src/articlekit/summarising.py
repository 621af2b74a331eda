"""Extractive summaries: pick the article's most important sentences.

An *extractive* summariser does not write anything: it gives every sentence
a score, then keeps the best ones, in the order of the text, until a limit
(a number of sentences or of words) is reached.  Four ways of scoring:

``"lead"``
    Position only: the first sentences win.  Journalists put the essentials
    first (the *pyramide inversée*), so this baseline is hard to beat.
``"frequency"``
    Luhn (1958): words that come back often are what the text is about.
    Count the *content lemmas* (no stop words, no punctuation), divide by
    the highest count, and give each sentence the mean weight of its lemmas.
``"tfidf"``
    Centroid (Radev et al., 2004): each sentence is a vector of TF-IDF
    weights; the sentence closest (cosine) to the whole article's vector wins.
``"textrank"``
    TextRank (Mihalcea & Tarau, 2004): sentences that share words are linked;
    PageRank, computed by power iteration, finds the sentences "recommended"
    by many others.

Every function is pure and deterministic (ties go to the earlier sentence),
and works on the article or on a plain list of sentence strings.

Examples
--------
>>> import articlekit as ak
>>> article = ak.load_article()
>>> summary = ak.summarise(article, "lead", max_sentences=2)
>>> [s.index for s in summary.sentences]
[0, 1]
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .words import terms as _terms

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .model import Article

__all__ = [
    "METHODS",
    "ScoredSentence",
    "Summary",
    "content_terms",
    "oracle",
    "pagerank",
    "sentence_scores",
    "similarity_matrix",
    "summarise",
]

#: The scoring methods :func:`summarise` knows.
METHODS = ("lead", "frequency", "tfidf", "textrank")


# --------------------------------------------------------------------------
# From the input to sentences and their content terms
# --------------------------------------------------------------------------
def _is_article(source: Any) -> bool:
    # look on the class: asking the instance would build spaCy's tokens
    return hasattr(type(source), "tokens") and hasattr(source, "sentences")


def _sentences(source: Any) -> tuple[str, ...]:
    if _is_article(source):
        return tuple(s.text for s in source.sentences)
    if isinstance(source, str):
        raise TypeError("give a list of sentences (or the article), not one string")
    try:
        items = list(source)
    except TypeError:
        raise TypeError(f"cannot summarise a {type(source).__name__}: give the article "
                        "or a list of sentence strings") from None
    texts = tuple(getattr(item, "text", item) for item in items)
    if not all(isinstance(t, str) for t in texts):
        raise TypeError("every sentence must be a string (or have a .text)")
    return texts


def _default_stop_words() -> frozenset[str]:
    # spaCy's French list, the one article.tokens' is_stop flag uses
    from .french import stop_words

    return stop_words()


def content_terms(source: "Article | Sequence[str]", *,
                  stop_words: Iterable[str] | None = None) -> tuple[tuple[str, ...], ...]:
    """Return the content terms of each sentence: what the summarisers count.

    For the article, the terms are the lower-case **lemmas** of the tokens
    that are neither stop words nor punctuation (``article.tokens``, from
    spaCy): « rencontré » and « rencontre » both count as *rencontrer*...
    if spaCy lemmatises them so.  For a plain list of strings (no spaCy),
    the terms are the lower-case words that are not stop words.

    Parameters
    ----------
    source : Article or sequence of str
        The article, or sentences as strings.
    stop_words : iterable of str, optional
        Words to leave out for a list of strings; default spaCy's French
        list.  Ignored for the article (spaCy's ``is_stop`` decides).

    Returns
    -------
    tuple of tuple of str
        One tuple of terms per sentence, in text order.

    Examples
    --------
    >>> content_terms(["Le Mali et le Sénégal.", "Le Sénégal aussi !"],
    ...               stop_words={"le", "et", "aussi"})
    (('mali', 'sénégal'), ('sénégal',))
    """
    if _is_article(source):
        terms: list[list[str]] = [[] for _ in source.sentences]
        for token in source.tokens:
            if not token.is_stop and not token.is_punct and any(c.isalnum() for c in token.text):
                terms[token.sentence].append(token.lemma.lower())
        return tuple(tuple(t) for t in terms)
    sentences = _sentences(source)
    stops = _default_stop_words() if stop_words is None else frozenset(w.lower() for w in stop_words)
    result = []
    for sentence in sentences:
        # without spaCy, the words of the sentence (articlekit.words.terms)
        result.append(tuple(w for w in _terms(sentence) if w not in stops))
    return tuple(result)


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------
def _lead(terms: Sequence[Sequence[str]]) -> list[float]:
    return [1.0 / (i + 1) for i in range(len(terms))]


def _frequency(terms: Sequence[Sequence[str]], length_normalised: bool = True) -> list[float]:
    counts = Counter(t for sentence in terms for t in sentence)
    if not counts:
        return [0.0] * len(terms)
    top = max(counts.values())
    weights = {term: n / top for term, n in counts.items()}
    scores = []
    for sentence in terms:
        total = sum(weights[t] for t in sentence)
        # Luhn's point: a long sentence is not important just for being long
        scores.append(total / len(sentence) if length_normalised and sentence else total)
    return scores


def _tfidf(terms: Sequence[Sequence[str]]) -> list[float]:
    n = len(terms)
    df = Counter(t for sentence in terms for t in set(sentence))
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}  # smoothed, as scikit-learn
    vectors = [{t: c * idf[t] for t, c in Counter(sentence).items()} for sentence in terms]
    centroid: Counter = Counter()
    for vector in vectors:
        centroid.update(vector)
    centroid_norm = math.sqrt(sum(v * v for v in centroid.values()))
    scores = []
    for vector in vectors:
        norm = math.sqrt(sum(v * v for v in vector.values()))
        if norm == 0 or centroid_norm == 0:
            scores.append(0.0)
            continue
        dot = sum(w * centroid[t] for t, w in vector.items())
        scores.append(dot / (norm * centroid_norm))
    return scores


def similarity_matrix(source: "Article | Sequence[str]", *,
                      stop_words: Iterable[str] | None = None):
    """TextRank's graph: how similar each pair of sentences is.

    The similarity of two sentences is the number of content terms they
    share divided by ``log |Si| + log |Sj|`` (Mihalcea & Tarau, 2004), so that
    long sentences do not win only by being long.  A sentence is not linked
    to itself (the diagonal is 0).

    Returns
    -------
    numpy.ndarray
        ``n × n``, symmetric.

    Examples
    --------
    >>> similarity_matrix(["x y", "y z", "z w"], stop_words=()).round(3).tolist()
    [[0.0, 0.721, 0.0], [0.721, 0.0, 0.721], [0.0, 0.721, 0.0]]
    """
    return _similarity_matrix(content_terms(source, stop_words=stop_words))


def _similarity_matrix(terms: Sequence[Sequence[str]]):
    import numpy as np

    n = len(terms)
    vocabulary = {t: k for k, t in enumerate(sorted({t for s in terms for t in s}))}
    present = np.zeros((n, max(1, len(vocabulary))))
    for i, sentence in enumerate(terms):
        for t in set(sentence):
            present[i, vocabulary[t]] = 1.0
    overlap = present @ present.T
    sizes = present.sum(axis=1)
    logs = np.log(np.maximum(sizes, 1.0))
    denominator = logs[:, None] + logs[None, :]
    # two one-word sentences: log 1 + log 1 = 0, keep the raw overlap (as sumy does)
    similarity = np.where(denominator > 0, overlap / np.where(denominator > 0, denominator, 1.0), overlap)
    np.fill_diagonal(similarity, 0.0)
    return similarity


def pagerank(weights, *, damping: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> list[float]:
    """PageRank of a weighted graph, by power iteration.

    Imagine a reader who jumps from sentence to sentence, following a link
    with probability ``damping`` (more likely along heavier links) or
    opening the text anywhere otherwise.  The share of time spent on each
    sentence is its rank.  Start from equal ranks and apply

    ``rank[i] = (1 - d) / n + d * sum_j weights[j][i] / out[j] * rank[j]``

    until the ranks stop changing (a sentence with no link spreads its rank
    evenly).

    Parameters
    ----------
    weights : n × n array-like of float
        ``weights[i][j]``: strength of the link from ``i`` to ``j`` (≥ 0).
    damping : float, default 0.85
    tol : float
        Stop when the ranks change by less than this (sum of absolute changes).
    max_iter : int

    Returns
    -------
    list of float
        The ranks, summing to 1.

    Examples
    --------
    >>> [round(r, 3) for r in pagerank([[0, 1, 1], [1, 0, 0], [1, 0, 0]])]
    [0.486, 0.257, 0.257]
    """
    import numpy as np

    w = np.asarray(weights, dtype=float)
    n = w.shape[0]
    if n == 0:
        return []
    if w.shape != (n, n) or (w < 0).any():
        raise ValueError("weights must be a square matrix of non-negative numbers")
    out = w.sum(axis=1)
    transition = np.where(out[:, None] > 0, w / np.where(out > 0, out, 1.0)[:, None], 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = (1 - damping) / n + damping * (transition.T @ rank)
        change = np.abs(new - rank).sum()
        rank = new
        if change < tol:
            break
    return [float(r) for r in rank / rank.sum()]


def _textrank(terms: Sequence[Sequence[str]], damping: float = 0.85) -> list[float]:
    if not terms:
        return []
    return pagerank(_similarity_matrix(terms), damping=damping)


def sentence_scores(source: "Article | Sequence[str]", method: str = "frequency", *,
                    stop_words: Iterable[str] | None = None, length_normalised: bool = True,
                    damping: float = 0.85) -> tuple[float, ...]:
    """Return every sentence's score by one method (higher is more important).

    Parameters
    ----------
    source : Article or sequence of str
    method : {"lead", "frequency", "tfidf", "textrank"}
    stop_words : iterable of str, optional
        For a list of strings, see :func:`content_terms`.
    length_normalised : bool, default True
        ``"frequency"`` only: the mean weight of a sentence's terms (True)
        or their sum (False, which favours long sentences).
    damping : float, default 0.85
        ``"textrank"`` only: PageRank's damping factor.

    Returns
    -------
    tuple of float
        One score per sentence, in text order.

    Examples
    --------
    >>> sentence_scores(["a b", "a c", "a"], "frequency", stop_words=())
    (0.6666666666666666, 0.6666666666666666, 1.0)
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: choose one of {', '.join(METHODS)}")
    terms = content_terms(source, stop_words=stop_words) if method != "lead" else \
        tuple(() for _ in _sentences(source))
    if method == "lead":
        scores = _lead(terms)
    elif method == "frequency":
        scores = _frequency(terms, length_normalised)
    elif method == "tfidf":
        scores = _tfidf(terms)
    else:
        scores = _textrank(terms, damping)
    return tuple(float(s) for s in scores)


# --------------------------------------------------------------------------
# The summary
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class ScoredSentence:
    """A sentence kept in a summary.

    Attributes
    ----------
    index : int
        Position of the sentence in the text (``article.sentences[index]``).
    text : str
    score : float
        Its score by the summary's method.
    rank : int
        1 for the best-scored sentence of the whole text, 2 for the next...
    words : int
        Its length by :func:`articlekit.count_words`.
    start, end : int or None
        Offsets in ``article.text`` when the summary was made from the
        article (``article.text[start:end] == text``); ``None`` for a list
        of strings.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> first = ak.summarise(article, "lead", max_sentences=1).sentences[0]
    >>> first.index, article.text[first.start:first.end] == first.text
    (0, True)
    """

    index: int
    text: str
    score: float
    rank: int
    words: int
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Summary:
    """An extractive summary: the chosen sentences, in text order, with scores.

    Attributes
    ----------
    method : str
        How sentences were scored.
    sentences : tuple of ScoredSentence
        The sentences kept, in the order of the text.
    scores : tuple of float
        The score of *every* sentence of the source, by position (for plots).

    Examples
    --------
    >>> import articlekit as ak
    >>> summary = ak.summarise(ak.load_article(), "textrank", max_words=80)
    >>> summary.words <= 80
    True
    """

    method: str
    sentences: tuple[ScoredSentence, ...]
    scores: tuple[float, ...]

    @property
    def text(self) -> str:
        """The summary as one text: the sentences joined by a space."""
        return " ".join(s.text for s in self.sentences)

    @property
    def indices(self) -> tuple[int, ...]:
        """Positions of the sentences kept."""
        return tuple(s.index for s in self.sentences)

    @property
    def words(self) -> int:
        """Length in words (French exam count)."""
        return sum(s.words for s in self.sentences)

    def to_frame(self) -> "pandas.DataFrame":
        """The kept sentences as a table: index, score, rank, words, text."""
        import pandas as pd

        return pd.DataFrame(
            [(s.index, s.score, s.rank, s.words, s.text) for s in self.sentences],
            columns=["index", "score", "rank", "words", "text"],
        )

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return (f"Summary(method={self.method!r}, sentences={list(self.indices)}, "
                f"words={self.words})")


def _ranking(scores: Sequence[float]) -> list[int]:
    # best first; equal scores keep text order, so results never depend on chance
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def _offsets(source: Any, n: int) -> list[tuple[int | None, int | None]]:
    """``(start, end)`` of each sentence in the article's text (``None`` for plain strings)."""
    if _is_article(source):
        return [(s.start, s.end) for s in source.sentences]
    return [(None, None)] * n


def _select(texts: Sequence[str], scores: Sequence[float], method: str,
            max_sentences: int | None, max_words: int | None,
            offsets: Sequence[tuple[int | None, int | None]] | None = None) -> Summary:
    from .resume import count_words

    for name, value in (("max_sentences", max_sentences), ("max_words", max_words)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise ValueError(f"{name} must be a whole number ≥ 0 or None, not {value!r}")
    if max_sentences is None and max_words is None:
        max_sentences = 3
    order = _ranking(scores)
    rank = {i: r for r, i in enumerate(order, start=1)}
    chosen: list[int] = []
    used = 0
    lengths = {}
    for i in order:
        if max_sentences is not None and len(chosen) >= max_sentences:
            break
        lengths[i] = count_words(texts[i])
        if max_words is not None and used + lengths[i] > max_words:
            continue  # too long for what is left: a shorter one may still fit
        chosen.append(i)
        used += lengths[i]
    offsets = offsets or [(None, None)] * len(texts)
    kept = tuple(ScoredSentence(i, texts[i], float(scores[i]), rank[i], lengths[i], *offsets[i])
                 for i in sorted(chosen))
    return Summary(method, kept, tuple(float(s) for s in scores))


def summarise(source: "Article | Sequence[str]", method: str = "frequency",
              max_sentences: int | None = None, max_words: int | None = None,
              **options: Any) -> Summary:
    """Summarise by choosing the best-scored sentences, kept in text order.

    Sentences are taken from best to worst score (the earlier one first on
    a tie) until ``max_sentences`` are chosen; with ``max_words``, a sentence
    that would go over the limit is skipped and a shorter one may take its
    place.  With no limit, three sentences are kept.

    Parameters
    ----------
    source : Article or sequence of str
        The article (lemmas from spaCy) or sentences as strings.
    method : {"lead", "frequency", "tfidf", "textrank"}, default "frequency"
        How to score sentences, see the module's description.
    max_sentences : int, optional
        Keep at most this many sentences.
    max_words : int, optional
        Keep at most this many words (:func:`articlekit.count_words`).
    **options
        Passed to :func:`sentence_scores` (``stop_words``,
        ``length_normalised``, ``damping``).

    Returns
    -------
    Summary
        ``.sentences`` (with scores), ``.text``, ``.scores``, ``.to_frame()``.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> ak.summarise(article, "lead", max_sentences=1).text[:30]
    'Le Ministre de la Défense et d'
    """
    texts = _sentences(source)
    scores = sentence_scores(source, method, **options)
    return _select(texts, scores, method, max_sentences, max_words, _offsets(source, len(texts)))


def oracle(source: "Article | Sequence[str]", reference: str, k: int = 3, *,
           metric: str = "rouge2", max_words: int | None = None) -> Summary:
    """The best ``k`` sentences against a reference: the ceiling of extraction.

    No extractive method can score higher than this choice, made by looking
    at the answer.  Every set of ``k`` sentences is tried when there are at
    most 20,000 of them (19 sentences, k = 4: 3,876 sets); otherwise
    sentences are added greedily, each time the one that raises the score
    most (as in Nallapati et al., 2017).

    Parameters
    ----------
    source : Article or sequence of str
    reference : str
        A summary written by a person (see :func:`articlekit.reference_summary`).
    k : int, default 3
        Number of sentences (at most).
    metric : {"rouge1", "rouge2", "rougeL"}, default "rouge2"
        The F1 score to maximise (ties: the higher ROUGE-1 F1, then the earlier sentences).
    max_words : int, optional
        Only sets of at most this many words are considered.

    Returns
    -------
    Summary
        Method ``"oracle"``; each sentence's score is its own ROUGE F1
        against the reference.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> ref = ak.reference_summary("fr-court").text
    >>> best = ak.oracle(article, ref, k=2)
    >>> ak.rouge(best.text, ref).rouge2.f1 >= ak.rouge(ak.summarise(article, "lead", 2).text, ref).rouge2.f1
    True
    """
    from itertools import combinations

    import numpy as np

    from .evaluation import _ngram_counts, rouge, tokenize
    from .resume import count_words

    if metric not in ("rouge1", "rouge2", "rougeL"):
        raise ValueError(f"metric must be 'rouge1', 'rouge2' or 'rougeL', not {metric!r}")
    texts = _sentences(source)
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a whole number ≥ 1, not {k!r}")
    k = min(k, len(texts))
    tokens = [tokenize(t) for t in texts]
    lengths = [count_words(t) for t in texts]
    ref_tokens = tokenize(reference)
    ref_counts = {n: _ngram_counts(ref_tokens, n) for n in (1, 2)}
    own = [rouge(t, reference) for t in texts]
    scores = tuple(getattr(r, metric).f1 for r in own)

    def values(combos: "np.ndarray") -> list[tuple[float, float]]:
        # ROUGE-1/2 F1 of many sets at once: each sentence is a vector of
        # counts over the reference's n-grams; a set is the sum of its rows
        # plus the bigram across each junction between two sentences.
        r1 = _set_f1(combos, tokens, ref_counts[1], 1)
        if metric == "rouge1":
            return list(zip(r1, r1))
        if metric == "rouge2":
            return list(zip(_set_f1(combos, tokens, ref_counts[2], 2), r1))
        return [(rouge(" ".join(texts[i] for i in c), reference).rougeL.f1, v)
                for c, v in zip(combos.tolist(), r1)]

    def fits(chosen) -> bool:
        return max_words is None or sum(lengths[i] for i in chosen) <= max_words

    best: tuple[int, ...] = ()
    best_value = (-1.0, -1.0)
    if math.comb(len(texts), k) <= 20_000:
        for size in range(1, k + 1):
            combos = [c for c in combinations(range(len(texts)), size) if fits(c)]
            if not combos:
                continue
            for chosen, v in zip(combos, values(np.array(combos))):
                if v > best_value:  # strict: the first (earliest) set wins a tie
                    best, best_value = chosen, v
    else:
        while len(best) < k:
            candidates = [tuple(sorted(best + (i,))) for i in range(len(texts)) if i not in best]
            candidates = [c for c in candidates if fits(c)]
            if not candidates:
                break
            scored = values(np.array(candidates))
            top = max(range(len(candidates)), key=lambda j: (scored[j], -j))
            if scored[top] <= best_value:
                break
            best, best_value = candidates[top], scored[top]
    rank = {i: r for r, i in enumerate(_ranking(scores), start=1)}
    offsets = _offsets(source, len(texts))
    kept = tuple(ScoredSentence(i, texts[i], scores[i], rank[i], lengths[i], *offsets[i])
                 for i in sorted(best))
    return Summary("oracle", kept, scores)


def _set_f1(combos, tokens: Sequence[Sequence[str]], reference: Counter, n: int) -> list[float]:
    """ROUGE-n F1 of each set of sentences (rows of ``combos``, sorted indices)."""
    import numpy as np

    from .evaluation import _ngram_counts

    vocabulary = {g: j for j, g in enumerate(reference)}
    ref = np.array([reference[g] for g in vocabulary], dtype=float)
    rows = np.zeros((len(tokens), len(vocabulary)))
    totals = np.zeros(len(tokens))
    for i, sentence in enumerate(tokens):
        counts = _ngram_counts(sentence, n)
        totals[i] = sum(counts.values())
        for g, c in counts.items():
            if g in vocabulary:
                rows[i, vocabulary[g]] = c
    summed = rows[combos].sum(axis=1)
    total = totals[combos].sum(axis=1)
    if n == 2 and combos.shape[1] > 1:
        # bigrams across junctions: last word of one sentence, first of the next
        last = [s[-1] if s else None for s in tokens]
        first = [s[0] if s else None for s in tokens]
        for col in range(combos.shape[1] - 1):
            left, right = combos[:, col], combos[:, col + 1]
            for r, (i, j) in enumerate(zip(left.tolist(), right.tolist())):
                if last[i] is not None and first[j] is not None:
                    total[r] += 1
                    g = vocabulary.get((last[i], first[j]))
                    if g is not None:
                        summed[r, g] += 1
    overlap = np.minimum(summed, ref).sum(axis=1)
    ref_total = ref.sum()
    precision = np.divide(overlap, total, out=np.zeros_like(overlap), where=total > 0)
    recall = overlap / ref_total if ref_total else np.zeros_like(overlap)
    denominator = precision + recall
    f1 = np.divide(2 * precision * recall, denominator, out=np.zeros_like(overlap),
                   where=denominator > 0)
    return f1.tolist()
