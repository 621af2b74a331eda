"""Tests of articlekit.analysis: spaCy's analysis stored with the kit and cached per user.

The seed's analysis ships as data (``articlekit/data/analysis/``) so that a
lesson never loads ``fr_core_news_sm``; any other text is analysed once and
cached.  Tests marked ``needs_model`` compare with a fresh run of the model.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

import articlekit as ak
from articlekit import analysis as an
from articlekit.nlp import entities_from_doc, tokens_from_doc

#: Every annotation the model puts on a token, compared one by one.
TOKEN_ATTRS = ("text", "idx", "lemma_", "pos_", "tag_", "dep_", "ent_iob_", "ent_type_", "is_sent_start",
               "is_space", "whitespace_", "norm_", "is_stop", "is_punct", "is_alpha", "like_num")


@pytest.fixture(autouse=True)
def stored_analysis_allowed(monkeypatch):
    """These tests are about the stored analysis: never let the environment switch it off."""
    monkeypatch.delenv(an.NO_STORED_ENV, raising=False)


@pytest.fixture(scope="module")
def fresh(article):
    """A fresh analysis of the seed by the installed model (loads it: a few seconds)."""
    return ak.nlp()(article.text)


@pytest.fixture
def stored(article):
    found = an.find_stored(article.text)
    assert found is not None, "\n".join(an.check_stored()) or "no stored analysis"
    return found


@pytest.fixture
def changed_seed(tmp_path):
    """A copy of the seed with one character changed in its body (419 km -> 418 km)."""
    raw = ak.seed_path().read_bytes()
    assert raw.count(b"419") == 1
    path = tmp_path / "changed.txt"
    path.write_bytes(raw.replace(b"419", b"418"))
    return path


@pytest.fixture
def model_runs(monkeypatch):
    """Count the times the model analyses a text."""
    calls = []
    run = an._run_model

    def counting(text):
        calls.append(text)
        return run(text)

    monkeypatch.setattr(an, "_run_model", counting)
    return calls


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(an.CACHE_DIR_ENV, str(folder))
    return folder


def copy_stored(folder):
    """Copy the stored analysis of the seed into ``folder``; return the copy's .json path."""
    json_path = an.stored_path()
    folder.mkdir(exist_ok=True)
    for path in (json_path, json_path.with_suffix(".spacy")):
        shutil.copyfile(path, folder / path.name)
    return folder / json_path.name


# --------------------------------------------------------------------------- #
# (a), (f): the stored analysis is the model's, exactly
# --------------------------------------------------------------------------- #
@pytest.mark.needs_model
def test_stored_analysis_equals_a_fresh_one_token_by_token(stored, fresh):
    doc = stored.doc()
    assert doc is not fresh and doc.text == fresh.text and len(doc) == len(fresh)
    for restored, made in zip(doc, fresh):
        for attr in TOKEN_ATTRS:
            assert getattr(restored, attr) == getattr(made, attr), (made.i, made.text, attr)
        assert str(restored.morph) == str(made.morph), (made.i, made.text)
        assert restored.head.i == made.head.i, (made.i, made.text)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in fresh.ents]
    assert [s.text for s in doc.sents] == [s.text for s in fresh.sents]
    assert [c.text for c in doc.noun_chunks] == [c.text for c in fresh.noun_chunks]


@pytest.mark.needs_model
def test_kit_tokens_and_entities_of_the_restored_doc_equal_those_of_a_fresh_doc(article, stored, fresh):
    from_fresh = tokens_from_doc(fresh, article.sentences)
    assert tokens_from_doc(stored.doc(), article.sentences) == from_fresh
    assert stored.tokens(article.sentences) == from_fresh  # the rows in the .json, without spaCy
    assert article.tokens == from_fresh
    assert entities_from_doc(stored.doc()) == entities_from_doc(fresh) == stored.entities() == article.entities


@pytest.mark.needs_model
def test_regenerating_writes_the_same_files(tmp_path):
    written = an.write_stored(folder=tmp_path)
    shipped = an.stored_path()
    assert written.read_bytes() == shipped.read_bytes()
    assert written.with_suffix(".spacy").read_bytes() == shipped.with_suffix(".spacy").read_bytes()


@pytest.mark.needs_model
def test_make_analysis_rewrites_only_a_stale_stored_analysis(tmp_path, monkeypatch, capsys):
    shipped = an.stored_path()
    json_path = copy_stored(tmp_path)
    monkeypatch.setattr(an, "STORED_DIR", tmp_path)
    assert an.main([]) == 0 and "up to date" in capsys.readouterr().out
    meta = json.loads(json_path.read_text(encoding="utf-8"))
    meta["model_version"] = "3.7.0"  # as after a change of the lock, the other way round
    json_path.write_text(json.dumps(meta), encoding="utf-8")
    assert an.main([]) == 0
    assert "wrote" in capsys.readouterr().out
    assert json_path.read_bytes() == shipped.read_bytes()
    assert an.check_stored(folder=tmp_path) == []


def test_restored_doc_is_a_real_spacy_doc(article):
    from spacy.tokens import Doc

    assert isinstance(article.doc, Doc)
    assert article.doc.text == article.text
    assert article.doc.has_annotation("DEP") and article.doc.has_annotation("SENT_START")
    assert article.doc[1].lemma_ == "ministre" and article.doc[1].pos_ == "NOUN"
    assert article.doc.char_span(article.tokens[5].start, article.tokens[5].end)[0].lemma_ == article.tokens[5].lemma


def test_an_analysed_article_can_still_be_copied_and_pickled(article):
    import copy
    import pickle

    article.tokens
    for twin in (copy.deepcopy(article), pickle.loads(pickle.dumps(article))):
        assert twin == article and twin.tokens == article.tokens and twin.entities == article.entities
        assert twin.doc.text == article.text


# --------------------------------------------------------------------------- #
# (b): the stored meta fits the seed and the installed model
# --------------------------------------------------------------------------- #
def test_stored_analysis_fits_the_seed_and_the_installed_model():
    problems = an.check_stored()
    assert problems == [], "\n".join(problems) + f"\nRegenerate it with: {an.REGENERATE}"


def test_stored_meta_names_what_made_it(article):
    meta = json.loads(an.stored_path().read_text(encoding="utf-8"))
    assert meta["model"] == "fr_core_news_sm"
    assert meta["model_version"] == an.installed_versions().model
    assert meta["spacy_version"] == an.installed_versions().spacy
    assert meta["text_sha256"] == an.text_sha256(article.text)
    assert meta["source"] == ak.seed_path().name
    assert an.stored_path().with_suffix(".spacy").is_file()


@pytest.mark.parametrize("key, value, said", [
    ("model_version", "3.7.0", "fr_core_news_sm version '3.7.0'"),
    ("spacy_version", "3.7.5", "spaCy version '3.7.5'"),
    ("text_sha256", "0" * 64, "another text"),
    ("format", 0, "format 0"),
])
def test_a_stale_stored_meta_is_reported_with_the_command_and_not_used(article, tmp_path, monkeypatch,
                                                                        key, value, said):
    json_path = copy_stored(tmp_path / "analysis")
    meta = json.loads(json_path.read_text(encoding="utf-8"))
    meta[key] = value
    json_path.write_text(json.dumps(meta), encoding="utf-8")
    problems = an.check_stored(folder=json_path.parent)
    assert len(problems) == 1 and said in problems[0] and "run `make analysis`" in problems[0]
    monkeypatch.setattr(an, "STORED_DIR", json_path.parent)
    assert an.find_stored(article.text) is None


def test_another_installed_model_version_is_reported_and_the_stored_analysis_not_used(article, monkeypatch):
    other = an.Versions("3.9.0", an.installed_versions().spacy)
    monkeypatch.setattr(an, "installed_versions", lambda: other)
    (problem,) = an.check_stored()
    assert "'3.8.0', installed is '3.9.0'" in problem and problem.endswith("run `make analysis`")
    assert an.find_stored(article.text) is None
    assert an.main(["--check"]) == 1


def test_a_missing_or_damaged_stored_analysis_is_reported(tmp_path):
    (problem,) = an.check_stored(folder=tmp_path)
    assert "no stored analysis" in problem and "make analysis" in problem
    json_path = copy_stored(tmp_path)
    json_path.with_suffix(".spacy").write_bytes(b"not a DocBin")
    (problem,) = an.check_stored(folder=tmp_path)
    assert "damaged" in problem and "make analysis" in problem


def test_main_check_says_up_to_date(capsys):
    assert an.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


# --------------------------------------------------------------------------- #
# (c), (d): other texts are cached; a bad cache entry is made again
# --------------------------------------------------------------------------- #
def test_a_changed_text_misses_the_stored_analysis_then_hits_the_cache(article, changed_seed, cache, model_runs):
    first = ak.load_article(changed_seed)
    assert sum(a != b for a, b in zip(first.text, article.text)) == 1
    assert an.find_stored(first.text) is None
    tokens, entities = first.tokens, first.entities
    assert first._analysis.origin == "model" and len(model_runs) == 1
    assert list(cache.rglob("*.json")) and list(cache.rglob("*.spacy"))

    second = ak.load_article(changed_seed)
    assert second.tokens == tokens and second.entities == entities
    assert second._analysis.origin == "cache" and len(model_runs) == 1
    assert second.doc.text == second.text and second.doc[1].lemma_ == "ministre"


@pytest.mark.parametrize("damage", ["json-garbage", "json-truncated", "json-other-text", "json-bad-row",
                                    "spacy-garbage", "spacy-missing"])
def test_a_corrupt_cache_entry_is_rebuilt_not_trusted(changed_seed, cache, model_runs, damage):
    good = ak.load_article(changed_seed)
    good_tokens = good.tokens
    (json_path,) = cache.rglob("*.json")
    spacy_path = json_path.with_suffix(".spacy")
    meta = json.loads(json_path.read_text(encoding="utf-8"))
    if damage == "json-garbage":
        json_path.write_bytes(b"\x00{not json")
    elif damage == "json-truncated":
        json_path.write_bytes(json_path.read_bytes()[:500])
    elif damage == "json-other-text":
        meta["text_sha256"] = an.text_sha256("autre chose")
        json_path.write_text(json.dumps(meta), encoding="utf-8")
    elif damage == "json-bad-row":
        meta["tokens"][3] = [10, 5, "x", "NOUN", False, False, True]  # ends before it starts
        json_path.write_text(json.dumps(meta), encoding="utf-8")
    elif damage == "spacy-garbage":
        spacy_path.write_bytes(b"garbage")
    else:
        spacy_path.unlink()

    again = ak.load_article(changed_seed)
    assert again.tokens == good_tokens
    assert again._analysis.origin == "model" and len(model_runs) == 2
    assert an.find_cached(again.text).origin == "cache"  # rewritten, good again


def test_an_unwritable_cache_folder_is_not_an_error(changed_seed, tmp_path, monkeypatch, model_runs):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(an.CACHE_DIR_ENV, str(blocker / "cache"))  # cannot be created, even by root
    article = ak.load_article(changed_seed)
    assert article.tokens and article.entities
    assert article._analysis.origin == "model"
    assert ak.load_article(changed_seed).tokens == article.tokens
    assert len(model_runs) == 2


def test_no_stored_analysis_env_forces_the_model_and_caches_nothing(article, cache, monkeypatch, model_runs):
    stored = article.tokens, article.entities  # read first, so that only the forced article runs the model
    monkeypatch.setenv(an.NO_STORED_ENV, "1")
    forced = ak.load_article()
    assert (forced.tokens, forced.entities) == stored
    assert forced._analysis.origin == "model" and len(model_runs) == 1
    assert not cache.exists()


def test_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(an.CACHE_DIR_ENV, str(tmp_path / "mine"))
    assert an.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv(an.CACHE_DIR_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert an.cache_dir() == tmp_path / "xdg" / "articlekit"


# --------------------------------------------------------------------------- #
# (e): a lesson's setup loads no model
# --------------------------------------------------------------------------- #
def test_the_seed_tokens_and_entities_need_neither_spacy_nor_the_model():
    code = (
        "import json, sys, articlekit as ak\n"
        "a = ak.load_article(); a.tokens; a.entities\n"
        "spacy_imported = 'spacy' in sys.modules\n"
        "import spacy, spacy.util\n"
        "def refuse(*args, **kwargs): raise AssertionError('the model was loaded')\n"
        "spacy.load = spacy.util.load_model = refuse\n"
        "doc = a.doc\n"
        "nlp = sys.modules.get('articlekit.nlp')\n"
        "print(json.dumps([spacy_imported, a._analysis.origin, type(doc).__name__, doc[1].lemma_,\n"
        "                  nlp.nlp.cache_info().currsize if nlp else 0]))\n"
    )
    env = {key: value for key, value in os.environ.items() if key != an.NO_STORED_ENV}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout) == [False, "stored", "Doc", "ministre", 0]


# --------------------------------------------------------------------------- #
# The other texts the lessons analyse, stored too (tools/lesson_analyses.py)
# --------------------------------------------------------------------------- #
def _lesson_entries():
    from articlekit.analysis import restore_doc

    return [(path, restore_doc(path.with_suffix(".spacy").read_bytes()).text)
            for path in sorted(an.LESSONS_DIR.glob("*.json"))]


def _public_strings():
    """Every string the lessons, the exercises and the package hold, and the texts of the package's articles."""
    import ast
    import glob
    from pathlib import Path

    import nbformat

    def constants(code):
        code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
        return [n.value for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Constant) and isinstance(n.value, str)]

    root = Path(__file__).resolve().parents[1]
    found = []
    for path in (*root.glob("notebooks/[0-9]*.ipynb"), *root.glob("exercises/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                found += constants(cell.source)
    package = Path(ak.__file__).parent
    for path in package.rglob("*.py"):
        found += constants(path.read_text(encoding="utf-8"))
    found += [ak.load_article(p).text for p in glob.glob(str(package / "data" / "exercises" / "*.txt"))]
    # the checks read a text with straight apostrophes (the model splits « l' » right only then)
    return [s.replace("’", "'") for s in found]


def test_lesson_analyses_fit_the_installed_model():
    entries = _lesson_entries()
    assert entries, "no stored analyses of the lessons' texts: run `make analysis`"
    for path, text in entries:
        assert path.stem == an.text_sha256(text)
        assert an._read(path, text, "stored") is not None, (
            f"the stored analysis {path.name} does not fit the installed model: run `make analysis`")


def test_lesson_analyses_are_of_texts_the_public_lessons_hold():
    """Only what a learner can already read is stored: never a solution's answer."""
    public = _public_strings()
    for path, text in _lesson_entries():
        assert any(text.replace("’", "'") in s for s in public), f"{path.name}: {text[:60]!r} is in no lesson, exercise or module"


def test_a_lesson_text_is_read_from_the_kit_and_a_changed_one_from_the_model(cache, model_runs):
    path, text = _lesson_entries()[0]
    assert an.analyse(text).origin == "stored" and model_runs == []
    changed = text + " "
    assert an.analyse(changed).origin == "model" and model_runs == [changed]
    assert an.parse(changed).text == changed
