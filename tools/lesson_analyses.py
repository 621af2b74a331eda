"""Store spaCy's analyses of the texts the lessons analyse, so that a lesson never loads the model.

The lessons analyse a few texts besides the article: an invented sentence
to show quotation extraction, an example résumé to show its checks.  Run
without a stored analysis, each such text loads spaCy's model (4 s) the
first time.  This script runs every lesson notebook (``notebooks/``, both
editions) and every exercise notebook (``exercises/``, unanswered) in a
fresh kernel with an empty analysis cache, then stores what the model
analysed in ``src/articlekit/data/analysis/lessons/``, one pair of files
a text, in the cache's format (``<sha256 of the text>.json`` and ``.spacy``).

Solutions are never run: their answers must not ship with the learner's
package.  Like every stored analysis, an entry is used only for exactly
its text and only with the model and spaCy versions that made it: a lesson
whose texts changed still runs right, loading the model for the new ones.

``make notebooks`` runs it last, after re-running the lessons; ``make analysis``
runs it after changing spaCy or the model in ``requirements.lock``.  By hand::

    .venv/bin/python tools/lesson_analyses.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from articlekit.analysis import LESSONS_DIR, text_sha256  # noqa: E402
from articlekit.parsing import load_article  # noqa: E402

NOTEBOOKS = (*sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")), *sorted((ROOT / "exercises").glob("*.ipynb")))


def _run(notebook: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    # an exercise's unanswered cells raise by design; a lesson's run is the one nbval checks
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(notebook.parent)}}).execute()


def main() -> int:
    seed = text_sha256(load_article().text)
    with tempfile.TemporaryDirectory(prefix="articlekit-lessons-") as tmp:
        cache = Path(tmp) / "cache"
        aside = Path(tmp) / "before"
        # the stored entries are moved aside so that every text the lessons analyse reaches the cache
        if LESSONS_DIR.exists():
            shutil.move(LESSONS_DIR, aside)
        os.environ["ARTICLEKIT_CACHE_DIR"] = str(cache)
        os.environ.pop("ARTICLEKIT_NO_STORED_ANALYSIS", None)
        try:
            for notebook in NOTEBOOKS:
                print(f"running {notebook.relative_to(ROOT)}", flush=True)
                _run(notebook)
            new = Path(tmp) / "lessons"
            new.mkdir()
            for meta in sorted(cache.glob("analysis/*/*.json")):
                if meta.stem == seed:
                    continue
                shutil.copy2(meta, new / meta.name)
                shutil.copy2(meta.with_suffix(".spacy"), new / meta.with_suffix(".spacy").name)
            shutil.move(new, LESSONS_DIR)
        except BaseException:
            if aside.exists():
                shutil.rmtree(LESSONS_DIR, ignore_errors=True)
                shutil.move(aside, LESSONS_DIR)
            raise
    count = len(list(LESSONS_DIR.glob("*.json")))
    print(f"stored {count} analyses of lesson texts in {LESSONS_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
