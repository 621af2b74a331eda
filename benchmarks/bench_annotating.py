"""Lesson 2's annotation layer: how long each step takes, and how it grows.

Run from the repository root::

    .venv/bin/python benchmarks/bench_annotating.py

Prints the time of: building the reference key's collection (92 spans,
checked), ``extract_quotes`` on the seed and on a text 50 times longer,
saving/loading the W3C JSON (with and without re-attachment), each exchange
format's round trip, span scores and Cohen's kappa.  spaCy is loaded once
before timing (its cost is measured by ``bench_parse.py``).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import articlekit as ak
from articlekit.annotation import Annotations


def best(function, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        function()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    article = ak.load_article()
    key = ak.reference(article)
    suggestions = ak.suggest_entities(article)  # loads spaCy once, outside the timings
    long_text = "\n\n".join([article.text] * 50)
    folder = Path(tempfile.mkdtemp())
    path = ak.save_annotations(key, folder / "key.json")
    shifted = "Bamako, AMAP. " + article.text
    rows = [
        ("check a 92-span collection", lambda: Annotations(article.text, key.spans)),
        ("extract_quotes, seed (4.3 kB)", lambda: ak.extract_quotes(article)),
        ("extract_quotes, 50 × seed (216 kB)", lambda: ak.extract_quotes(long_text)),
        ("save key (W3C JSON, atomic)", lambda: ak.save_annotations(key, path)),
        ("load key", lambda: ak.load_annotations(path, article)),
        ("load key, text shifted (re-attach all)", lambda: ak.load_annotations(path, shifted)),
        ("Label Studio round trip", lambda: ak.from_label_studio(ak.to_label_studio(key), article)),
        ("doccano round trip", lambda: ak.from_doccano(ak.to_doccano(key), article)),
        ("brat round trip", lambda: ak.from_brat(ak.to_brat(key), article)),
        ("span scores, spaCy vs key", lambda: ak.span_scores(suggestions, key)),
        ("Cohen's kappa, spaCy vs key", lambda: ak.cohen_kappa(suggestions, key)),
    ]
    width = max(len(name) for name, _ in rows)
    for name, function in rows:
        repeat = 1 if "50 ×" in name else 5
        print(f"{name:<{width}}  {best(function, repeat) * 1000:9.2f} ms")


if __name__ == "__main__":
    main()
