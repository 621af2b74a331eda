"""The seed article is never edited: its bytes are pinned."""

import hashlib
from pathlib import Path

from articlekit.parsing import SEED_NAME, seed_path

ROOT = Path(__file__).resolve().parents[1]
SHA256 = "f875c734e2b9fa71542bdb3f616914493af3c91867a724d8cc4f8a7304d64830"


def test_seed_sha256_is_pinned():
    data = (ROOT / "seeds" / SEED_NAME).read_bytes()
    assert hashlib.sha256(data).hexdigest() == SHA256


def test_load_article_reads_the_pinned_seed():
    assert hashlib.sha256(seed_path().read_bytes()).hexdigest() == SHA256


def test_seed_provenance_is_documented():
    source = (ROOT / "seeds" / "SOURCE.md").read_text(encoding="utf-8")
    assert SEED_NAME in source
    assert SHA256 in source
