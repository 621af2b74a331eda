"""What ``import articlekit`` costs beside starting Python at all.

Run from the repository root::

    .venv/bin/python benchmarks/bench_import.py [--runs 15] [--top 10]

Prints the median wall time of ``python -c "import articlekit"`` and of
``python -c pass`` (each in a fresh subprocess, alternated so machine noise
falls on both), the difference and the ratio; then, as a reference, what a
bare import loads and the time of the first use of each lesson's heaviest
names (``ak.summarise``, ``ak.agreement``, ``ak.annotate``); and the top
entries of ``python -X importtime -c "import articlekit"``.  Prints figures
only: the target (issue 2) is a cold import under 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

IMPORT_TARGET_S = 0.3


def wall_seconds(code: str) -> float:
    """Wall time of one fresh interpreter running ``code``."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def medians(codes: dict[str, str], runs: int) -> dict[str, float]:
    """Median wall time of each snippet, runs alternated between them."""
    for code in codes.values():  # warm the file-system cache and the .pyc files
        wall_seconds(code)
    times: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(runs):
        for name, code in codes.items():
            times[name].append(wall_seconds(code))
    return {name: statistics.median(values) for name, values in times.items()}


def in_process(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()


def importtime_top(n: int) -> list[tuple[int, int, str]]:
    """The n slowest entries (cumulative µs, self µs, module) of ``-X importtime``."""
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", "import articlekit"],
                         check=True, capture_output=True, text=True, env={**os.environ}).stderr
    rows = []
    for line in err.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
        rows.append((int(cumulative), int(own), name))
    return sorted(rows, reverse=True)[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()

    result = medians({"pass": "pass", "import articlekit": "import articlekit"}, args.runs)
    bare, kit = result["pass"], result["import articlekit"]
    print(f"Python {sys.version.split()[0]}, median of {args.runs} fresh interpreters each")
    print(f"python -c pass                 {bare * 1000:8.1f} ms")
    print(f"python -c 'import articlekit'  {kit * 1000:8.1f} ms   "
          f"(+{(kit - bare) * 1000:.1f} ms, ratio {kit / bare:.2f}; "
          f"target < {IMPORT_TARGET_S * 1000:.0f} ms: {'ok' if kit < IMPORT_TARGET_S else 'OVER TARGET'})")

    loaded = in_process("import sys; before = set(sys.modules); import articlekit; "
                        "new = set(sys.modules) - before; "
                        "print(len(new), sorted(m for m in new if m.startswith('articlekit')))")
    print(f"modules a bare import adds: {loaded}")

    print("first use, in a fresh interpreter (import articlekit included):")
    for name in ("load_article", "summarise", "agreement", "annotate", "checks"):
        code = (f"import time; t = time.perf_counter(); import articlekit as ak; ak.{name}; "
                "print(time.perf_counter() - t)")
        seconds = statistics.median(float(in_process(code)) for _ in range(5))
        print(f"  ak.{name:<14} {seconds * 1000:8.1f} ms")

    if args.top:
        print(f"-X importtime, top {args.top} by cumulative time (µs):")
        for cumulative, own, name in importtime_top(args.top):
            print(f"  {cumulative:8d} {own:8d}  {name}")


if __name__ == "__main__":
    main()
