"""Where the time of ``make test`` goes, each notebook's nbval time, and the memory of a lesson kernel.

Run from the repository root (after ``make install``)::

    .venv/bin/python benchmarks/bench_suite.py [--skip-stages] [--skip-nbval]

Prints, measured in this one run:

* the wall time of each stage of ``make test`` (sources-check, unit, notebooks-check; the
  browser stage is timed apart as it needs Chromium) and their sum;
* each lesson's and solution's strict nbval time, alone, and the ratio to the 8–10 s each took
  before the analysis was stored (issue 15's "before"): cold (an empty analysis cache, as a
  learner's first run) and warm (run again);
* the peak memory (max RSS) of a lesson kernel that runs the setup cell, with the stored analysis
  and with the model forced (``ARTICLEKIT_NO_STORED_ANALYSIS=1``), and the ratio;
* the time of that setup cell in a fresh interpreter, both ways.

Figures only: the targets (``make test`` ≤ 2 min, nbval ≤ half, setup ≤ 0.5 s) are printed
beside them, never asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
# as make test: without the hypothesis plugin, which no notebook uses (a second to import)
NBVAL = ["--nbval-current-env", "--nbval-sanitize-with", "tests/nbval-sanitize.cfg", "-p", "no:hypothesispytest"]
NBVAL_BEFORE_S = 9.0   # each lesson's nbval time before the stored analysis (issue 15: 8–10 s)
MAKE_TEST_TARGET_S = 120.0
SETUP = ("import articlekit as ak; article = ak.load_article(); article.tokens; article.entities; "
         "from articlekit import checks; checks.lesson('01-reading')")


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and exit code of one command run from the repository root."""
    start = time.perf_counter()
    code = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True).returncode
    return time.perf_counter() - start, code


def stages() -> None:
    print("== make test, stage by stage (wall time; one fresh analysis cache for all stages, as make test has)")
    total = 0.0
    cache = tempfile.mkdtemp(prefix="bench-suite-cache-")
    env = {**os.environ, "ARTICLEKIT_CACHE_DIR": cache}
    for stage in ("sources-check", "unit", "notebooks-check"):
        seconds, code = timed(["make", "--no-print-directory", stage], env)
        total += seconds
        print(f"  {stage:<16} {seconds:7.1f} s{'' if code == 0 else f'   (exit {code})'}")
    print(f"  {'total':<16} {total:7.1f} s   target ≤ {MAKE_TEST_TARGET_S:.0f} s: ratio {total / MAKE_TEST_TARGET_S:.2f}")
    seconds, code = timed(["make", "--no-print-directory", "browser"], env)
    print(f"  {'browser':<16} {seconds:7.1f} s   (apart: needs Chromium){'' if code == 0 else f' (exit {code})'}")
    shutil.rmtree(cache, ignore_errors=True)


def nbval_each() -> None:
    print("== strict nbval, one notebook at a time (wall time, one worker)")
    print("   cold: an empty analysis cache, as a learner's first run; warm: run again with what it cached")
    for nb in sorted(ROOT.glob("notebooks/[0-9]*.ipynb")) + sorted(ROOT.glob("solutions/[0-9]*.ipynb")):
        cache = tempfile.mkdtemp(prefix="bench-nbval-cache-")
        env = {**os.environ, "ARTICLEKIT_CACHE_DIR": cache}
        cmd = [PY, "-m", "pytest", "--nbval", *NBVAL, "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
               str(nb.relative_to(ROOT))]
        cold, code = timed(cmd, env)
        warm, code2 = timed(cmd, env)
        shutil.rmtree(cache, ignore_errors=True)
        flag = "" if code == code2 == 0 else f"   (exit {code}, {code2})"
        print(f"  {str(nb.relative_to(ROOT)):<34} cold {cold:5.1f} s ({cold / NBVAL_BEFORE_S:.2f} of "
              f"{NBVAL_BEFORE_S:.0f} s before)   warm {warm:5.1f} s ({warm / NBVAL_BEFORE_S:.2f}){flag}")


def kernel_memory() -> None:
    print("== a lesson's setup cell in a fresh interpreter: wall time and peak memory (max RSS)")
    probe = ("import resource, time; t = time.perf_counter(); " + SETUP
             + "; print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    rows = {}
    for label, extra in (("stored analysis", {}), ("model forced", {"ARTICLEKIT_NO_STORED_ANALYSIS": "1"})):
        env = {**os.environ, **extra}
        out = subprocess.run([PY, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        seconds, kib = out.stdout.split()
        rows[label] = (float(seconds), int(kib) / 1024)
        print(f"  {label:<16} {float(seconds):6.2f} s   {int(kib) / 1024:7.1f} MiB")
    (s1, m1), (s2, m2) = rows["stored analysis"], rows["model forced"]
    print(f"  ratio (forced / stored): time {s2 / s1:.1f}×, memory {m2 / m1:.1f}×   target setup ≤ 0.5 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-stages", action="store_true", help="do not time the make test stages")
    parser.add_argument("--skip-nbval", action="store_true", help="do not time each notebook")
    args = parser.parse_args()
    kernel_memory()
    if not args.skip_nbval:
        nbval_each()
    if not args.skip_stages:
        stages()
    print(f"(peak memory of this script's children: "
          f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
