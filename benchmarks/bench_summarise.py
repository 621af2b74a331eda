"""How the summarisers' cost grows with the length of the text.

Times ``articlekit.summarise`` for each method on the seed's sentences
repeated 1, 10 and 100 times (19, 190 and 1,900 sentences), from plain
strings (so spaCy is not part of the timing: the string path cuts words with
a regular expression and drops spaCy's French stop words), beside sumy's
TextRank fed the very same content terms, all in one run.

Run: ``.venv/bin/python benchmarks/bench_summarise.py`` (or ``make bench``).
"""

from __future__ import annotations

import sys
import time

import articlekit as ak
from articlekit.summarising import METHODS, content_terms

FACTORS = (1, 10, 100)
#: sumy's TextRank is O(n²) in pure Python; above this many sentences it is
#: timed once instead of three times.
SUMY_SINGLE_RUN_ABOVE = 500


def best_of(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times) if repeat > 1 else times[0]


def sumy_textrank(sentences: list[str], terms: tuple[tuple[str, ...], ...]):
    """sumy's TextRank on the same sentences, its tokenizer giving our content terms."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.summarizers.text_rank import TextRankSummarizer

    class SameTerms:
        def __init__(self, table):
            self.table = table

        def to_words(self, text):
            return list(self.table[text])

    # sumy keys sentences by their text: number them so repeated sentences stay distinct
    keyed = [f"{i}\t{s}" for i, s in enumerate(sentences)]
    tokenizer = SameTerms(dict(zip(keyed, terms)))
    document = ObjectDocumentModel([Paragraph([Sentence(k, tokenizer) for k in keyed])])
    return TextRankSummarizer()(document, 3)


def main() -> int:
    article = ak.load_article()
    seed = [s.text for s in article.sentences]
    content_terms(seed[:1])  # load spaCy's stop-word list once, outside the timings
    print(f"seed: {len(seed)} sentences, {ak.count_words(article.text)} words; "
          f"Python {sys.version.split()[0]}")
    print("times in ms (best of 3; sumy above "
          f"{SUMY_SINGLE_RUN_ABOVE} sentences: one run)\n")
    header = f"{'length':>7} {'sentences':>9} " + " ".join(f"{m:>10}" for m in METHODS) + \
        f" {'sumy TR':>10} {'sumy/ours':>9}"
    print(header)
    print("-" * len(header))
    rows = []
    for factor in FACTORS:
        sentences = seed * factor
        repeat = 3
        ours = {m: best_of(lambda m=m: ak.summarise(sentences, m, max_sentences=3), repeat) * 1000
                for m in METHODS}
        terms = content_terms(sentences)
        sumy_repeat = 1 if len(sentences) > SUMY_SINGLE_RUN_ABOVE else 3
        sumy_ms = best_of(lambda: sumy_textrank(sentences, terms), sumy_repeat) * 1000
        rows.append((factor, len(sentences), ours, sumy_ms))
        print(f"{factor:>6}× {len(sentences):>9} " + " ".join(f"{ours[m]:>10.1f}" for m in METHODS)
              + f" {sumy_ms:>10.1f} {sumy_ms / ours['textrank']:>8.1f}×")
    print()
    base = rows[0]
    for factor, n, ours, sumy_ms in rows[1:]:
        growth = " ".join(f"{m} ×{ours[m] / base[2][m]:.0f}" for m in METHODS)
        print(f"{factor}× the text: {growth}; sumy TextRank ×{sumy_ms / base[3]:.0f}")
    print("\nlinear growth would be ×10 and ×100; TextRank builds an n × n graph (quadratic),")
    print("ours with numpy matrix products, sumy with Python loops.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
