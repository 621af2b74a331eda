"""Where the teacher's keys live, and the digests the learner's checks use without them.

The kit ships to learners without the answers.  The full annotation key of
the seed, the complete list of its slips and the key of the exercise texts
stay in the teacher's checkout, in ``teacher/keys/`` (or a folder named by
``$ARTICLEKIT_KEYS``); the package holds only

* a **sample** of the key (the first paragraphs, which the lessons show), and
* **digests**: for each exercise graded against a key, the salted hash of
  its one right answer (``data/keys/<article>.digests.json``).

So a learner's self-check still says "right" or "not yet" (it compares the
digest of the answer), while detailed hints, which point at a span of the
key, appear only where the key is installed: in the teacher's checkout, in
CI, and in the grader, which judges with the key.  ``python -m
articlekit.keys`` rewrites the digests from the keys after a key changes;
``tests/test_keys.py`` fails with that command when they drift.

Examples
--------
>>> from articlekit import keys
>>> keys.key_file("no-such-key.json") is None
True
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["ENV", "KeyMissing", "article_key", "article_stem", "digest_file", "digests", "key_dir", "key_file",
           "require_key"]

#: Environment variable naming the folder of the teacher's keys ("" means: no keys here).
ENV = "ARTICLEKIT_KEYS"


class KeyMissing(LookupError):
    """A teacher's key is asked for where it is not installed (a learner's copy of the kit)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"the teacher's key {name!r} is not installed here: it stays with the teacher "
                         f"(teacher/keys/ in the kit's checkout, or the folder in ${ENV}); "
                         "lessons use ak.sample_key(article)")
        self.name = name


def key_dir() -> Path | None:
    """The folder of the teacher's keys, or ``None`` in a learner's copy of the kit.

    ``$ARTICLEKIT_KEYS`` wins (an empty value means "no keys"); otherwise
    ``teacher/keys/`` of the checkout the package is installed from.
    """
    if ENV in os.environ:
        value = os.environ[ENV]
        return Path(value) if value and Path(value).is_dir() else None
    # an editable install or a run from the checkout: src/articlekit -> the repository root
    here = Path(__file__).resolve().parent
    for root in (here.parent.parent, here.parent):
        candidate = root / "teacher" / "keys"
        if candidate.is_dir():
            return candidate
    return None


def key_file(name: str) -> Path | None:
    """The path of one teacher's key file, or ``None`` when it is not installed."""
    folder = key_dir()
    if folder is None:
        return None
    path = folder / name
    return path if path.is_file() else None


def require_key(name: str) -> Path:
    """The path of a teacher's key file, or :class:`KeyMissing` with a one-line reason."""
    path = key_file(name)
    if path is None:
        raise KeyMissing(name)
    return path


def article_stem(article) -> str:
    """The name keys use for an article: its file's stem (``mali-senegal-…-2025-02-06``)."""
    return Path(str(getattr(article, "source", None))).stem


def article_key(template: str, article) -> dict | None:
    """The teacher's JSON key ``template.format(stem=…)`` for ``article``; ``None`` in a learner's copy.

    >>> article_key("no-such-key-{stem}.json", None) is None
    True
    """
    try:
        path = require_key(template.format(stem=article_stem(article)))
    except KeyMissing:
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def digest_file(stem: str) -> Path:
    """Where the package keeps the digests of an article's keyed exercises."""
    return Path(str(resources.files("articlekit") / "data" / "keys" / f"{stem}.digests.json"))


@lru_cache(maxsize=8)
def _digests(stem: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    path = digest_file(stem)
    if not path.is_file():
        return ()
    raw = json.loads(path.read_text(encoding="utf-8"))
    return tuple((k, tuple(v)) for k, v in raw["digests"].items())


def digests(stem: str, check: str) -> tuple[str, ...]:
    """The accepted digests of one check's answer for an article (empty when none are shipped)."""
    return dict(_digests(stem)).get(check, ())


def _write(stem: str, table: dict[str, Any]) -> Path:
    from .storage import atomic_write_text

    path = digest_file(stem)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"note": "Salted hashes of the right answers of the exercises graded against the teacher's key "
                    "(articlekit.keys). Written by `python -m articlekit.keys`; never edit by hand.",
            "digests": {k: sorted(v) for k, v in sorted(table.items())}}
    atomic_write_text(path, json.dumps(body, ensure_ascii=False, indent=1) + "\n", backup=False)
    return path


if __name__ == "__main__":  # python -m articlekit.keys: rewrite the digests from the teacher's keys
    from .checks.keyed import expected_digests
    from .parsing import load_article
    from .storage import write_sample

    article = load_article()
    stem = Path(article.source).stem
    print(f"{write_sample(article)}: sample of the key written")
    print(f"{_write(stem, expected_digests(article))}: digests written")
    from .checks import annotating, critical, summarising
    from .checks.reading import _write_fiche_digests

    print(f"{_write_fiche_digests(article)}: digests of lesson 1's fiche written")
    annotating._write_digests(article)
    print("lesson 2's fiche digests written (data/fiche/annotating-digests.json)")
    print(f"{summarising._write_digests(article)}: digests of lesson 3's fiche written")
    critical._write_digests(article)
    print("lesson 4's digests written (data/fiche/critical-digests.json)")
