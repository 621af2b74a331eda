"""A built wheel carries everything the kit needs outside the repository.

Binder, the student-repository template and `pip install` from git install a
wheel, not the repository: the seed article, the data files and the widget's
static files must be inside it, and `ak.load_article()` must work from it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_SHA256 = "f875c734e2b9fa71542bdb3f616914493af3c91867a724d8cc4f8a7304d64830"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (path,) = out.glob("articlekit-*.whl")
    return path


def test_wheel_holds_the_seed_byte_for_byte_and_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    seed = "articlekit/data/mali-senegal-cooperation-militaire-2025-02-06.txt"
    assert seed in names
    assert hashlib.sha256(zipfile.ZipFile(wheel).read(seed)).hexdigest() == SEED_SHA256
    for needed in ("articlekit/data/glossary.json", "articlekit/data/corrections-sample.json",
                   "articlekit/static/annotate.js", "articlekit/data/summaries/index.json",
                   "articlekit/data/keys/mali-senegal-cooperation-militaire-2025-02-06.digests.json",
                   "articlekit/data/reference/mali-senegal-cooperation-militaire-2025-02-06.sample.annotations.json"):
        assert needed in names, needed
    # the teacher's keys never ship to learners
    assert not [n for n in names if n.endswith((".key.json", "corrections.json"))
                or (n.endswith(".annotations.json") and ".sample." not in n) or "teacher/" in n]


def test_installed_wheel_loads_the_article_without_the_repository(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = ("import articlekit as ak; a = ak.load_article(); "
            "print(ak.seed_path().is_relative_to(r'%s'), a.date, len(ak.load_glossary()) > 0)" % target)
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "2025-02-06", "True"]
