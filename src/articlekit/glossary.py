"""The article's vocabulary: a glossary shipped as data, searchable in the text.

The kit ships a glossary of the words and expressions a learner of French
needs to read the article (``data/glossary.json``): each entry has its
dictionary form, part of speech, English gloss, a short definition and the
forms (inflections, spellings) it takes in the text.  The glossary does not
store where the terms are: :meth:`Glossary.find` *searches* the article
every time, forgiving accents, case and typography (’ and ', hyphen and
space), and returns exact offsets into ``article.text``.

You can add your own terms (:meth:`Glossary.add` returns a *new*
glossary, the kit's one is never changed) and keep them in a JSON file of
your own (:meth:`Glossary.save`, :func:`load_glossary`).

Examples
--------
>>> import articlekit as ak
>>> article = ak.load_article()
>>> glossary = ak.load_glossary()
>>> glossary.lookup("homologues").gloss
'counterpart'
>>> [o.text for o in glossary.find(article, "accord-cadre")]
['accord cadre']
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

from .files import write_keeping_backup
from .words import folded_with_offsets

__all__ = [
    "Glossary",
    "GlossaryEntry",
    "GlossaryFormatError",
    "TermOccurrence",
    "find_forms",
    "fold",
    "load_glossary",
]

_FIELDS = ("term", "pos", "gloss", "definition", "variants", "theme", "note")


class GlossaryFormatError(ValueError):
    """A glossary JSON file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class GlossaryEntry:
    """One term of the glossary.

    Attributes
    ----------
    term : str
        Dictionary form: the infinitive of a verb, the masculine singular of
        an adjective, or the whole expression (« criminalité transfrontalière »).
    pos : str
        Part of speech: ``NOUN``, ``VERB``, ``ADJ``, ``ADV``, ``PROPN`` or
        ``EXPR`` (a fixed expression).
    gloss : str
        English translation, in the sense the article uses.
    definition : str
        A short explanation for a learner of French.
    variants : tuple of str
        Other forms the term takes in the text (plural, feminine, conjugated,
        the article's own misspelling...).
    theme : str
        A theme to group terms by (« défense », « politique », ...).
    note : str
        Anything else worth knowing (a false friend, a spelling slip).
    source : str
        ``"kit"`` for the shipped terms, ``"learner"`` for the ones you add.

    Examples
    --------
    >>> import articlekit as ak
    >>> ak.load_glossary().lookup("CEDEAO").forms
    ('CEDEAO',)
    """

    term: str
    pos: str
    gloss: str
    definition: str = ""
    variants: tuple[str, ...] = ()
    theme: str = ""
    note: str = ""
    source: str = "kit"

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its variants, without repeats."""
        seen: dict[str, str] = {}
        for form in (self.term, *self.variants):
            seen.setdefault(fold(form)[0], form)
        return tuple(seen.values())


@dataclass(frozen=True)
class TermOccurrence:
    """Where a glossary term occurs: ``article.text[start:end] == text``.

    Attributes
    ----------
    term : str
        The glossary term (its dictionary form).
    start, end : int
        Offsets in ``article.text``.
    text : str
        The form as written in the article.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> o = ak.load_glossary().find(article, "homologue")[0]
    >>> o.term, o.text, article.text[o.start:o.end] == o.text
    ('homologue', 'homologue', True)
    """

    term: str
    start: int
    end: int
    text: str


# --------------------------------------------------------------------------
# Forgiving search
# --------------------------------------------------------------------------
def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """Text made easy to search, with the offset each character came from.

    Accents removed, case folded, ’ → ', hyphens and every kind of space
    → one space, œ → oe.  Returns the folded text and, for each of its
    characters, the offset of the original character it comes from, so a
    match in the folded text can be mapped back to ``text``.  The rule is
    :func:`articlekit.words.folded_with_offsets`, shared with the checks.

    Examples
    --------
    >>> fold("Œuvre d’Armée")[0]
    "oeuvre d'armee"
    """
    return folded_with_offsets(text)


def _pattern(forms: Iterable[str]) -> re.Pattern:
    alternatives = []
    for form in sorted({fold(f)[0].strip() for f in forms if f.strip()}, key=len, reverse=True):
        body = " +".join(re.escape(part) for part in form.split())
        # Whole words only, so « lutte » is not found inside « lutter »; an
        # elided form (« pourvu qu’ ») is glued to the next word, so no end check.
        alternatives.append(body if form.endswith("'") else body + r"(?!\w)")
    if not alternatives:
        raise ValueError("a term needs at least one non-empty form")
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")")


def _text_of(text_or_article: Any) -> str:
    if isinstance(text_or_article, str):
        return text_or_article
    text = getattr(text_or_article, "text", None)
    if not isinstance(text, str):
        raise TypeError("expected a text (str) or an article from ak.load_article(), "
                        f"got {type(text_or_article).__name__}")
    return text


def find_forms(text_or_article: Any, *forms: str) -> tuple[tuple[int, int], ...]:
    """Offsets of every occurrence of any of ``forms``, forgiving accents and typography.

    Whole words only; case, accents, ’/' and hyphen/space differences are
    ignored.

    Parameters
    ----------
    text_or_article : str or Article
        Where to search (an article is searched in ``article.text``).
    *forms : str
        The forms to look for.

    Returns
    -------
    tuple of (start, end)
        Offsets into the text, in reading order.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> [article.text[a:b] for a, b in find_forms(article, "senegalaise")]
    ['Sénégalaise']
    """
    text = _text_of(text_or_article)
    folded, where = fold(text)
    spans = []
    for m in _pattern(forms).finditer(folded):
        spans.append((where[m.start()], where[m.end() - 1] + 1))
    return tuple(spans)


# --------------------------------------------------------------------------
# The glossary
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Glossary:
    """A set of terms, searchable in the article.

    Build it with :func:`load_glossary`; every method that changes it
    returns a new glossary.

    Examples
    --------
    >>> import articlekit as ak
    >>> g = ak.load_glossary()
    >>> len(g) >= 30
    True
    >>> g.lookup("souveraineté").gloss
    'sovereignty'
    """

    entries: tuple[GlossaryEntry, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GlossaryEntry]:
        return iter(self.entries)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.lookup(word) is not None

    def __repr__(self) -> str:
        mine = sum(e.source == "learner" for e in self.entries)
        return f"Glossary({len(self)} terms, {mine} added by you)"

    def lookup(self, word: str) -> GlossaryEntry | None:
        """The entry whose term or variant is ``word`` (forgiving accents and case), or None.

        >>> import articlekit as ak
        >>> ak.load_glossary().lookup("Accord cadre").term
        'accord-cadre'
        """
        key = " ".join(fold(word)[0].split())
        for entry in self.entries:
            if any(" ".join(fold(f)[0].split()) == key for f in entry.forms):
                return entry
        return None

    def find(self, text_or_article: Any, term: str | None = None) -> tuple[TermOccurrence, ...]:
        """Every occurrence of the glossary's terms (or of one term) in the text.

        Parameters
        ----------
        text_or_article : str or Article
            Where to search.
        term : str, optional
            Only this term (any of its forms may be given).

        Returns
        -------
        tuple of TermOccurrence
            Sorted by position; ``text[o.start:o.end] == o.text``.

        Examples
        --------
        >>> import articlekit as ak
        >>> article = ak.load_article()
        >>> [o.text for o in ak.load_glossary().find(article, "homologue")]
        ['homologue', 'homologue', 'homologue']
        """
        text = _text_of(text_or_article)
        if term is None:
            entries = self.entries
        else:
            entry = self.lookup(term)
            if entry is None:
                raise KeyError(f"{term!r} is not in the glossary; add it with glossary.add(...)")
            entries = (entry,)
        found = [TermOccurrence(e.term, a, b, text[a:b])
                 for e in entries for a, b in find_forms(text, *e.forms)]
        return tuple(sorted(found, key=lambda o: (o.start, -o.end, o.term)))

    def add(self, term: str, gloss: str, definition: str = "", *, pos: str = "",
            variants: Iterable[str] = (), theme: str = "", note: str = "") -> "Glossary":
        """A new glossary with one more term of your own (this one is unchanged).

        Parameters
        ----------
        term : str
            The dictionary form (or the expression).
        gloss : str
            Your English translation.
        definition : str, optional
            Your explanation.
        pos : str, optional
            Part of speech (``NOUN``, ``VERB``, ``ADJ``, ``EXPR``...).
        variants : iterable of str, optional
            Other forms to look for in the text (plural, conjugated...).

        Raises
        ------
        ValueError
            If the term is empty or already in the glossary.

        Examples
        --------
        >>> import articlekit as ak
        >>> mine = ak.load_glossary().add("rencontre", "meeting", pos="NOUN")
        >>> mine.lookup("rencontre").source
        'learner'
        """
        if not isinstance(term, str) or not fold(term)[0].strip(" '"):
            raise ValueError("the term must be a non-empty string with letters or digits")
        if not isinstance(gloss, str) or not gloss.strip():
            raise ValueError(f"give an English gloss for {term!r}")
        if isinstance(variants, str):
            variants = (variants,)
        if self.lookup(term) is not None:
            raise ValueError(f"{term!r} is already in the glossary (as {self.lookup(term).term!r})")
        entry = GlossaryEntry(term=term.strip(), pos=pos, gloss=gloss.strip(),
                              definition=definition, variants=tuple(variants),
                              theme=theme, note=note, source="learner")
        return replace(self, entries=self.entries + (entry,))

    def to_frame(self, text_or_article: Any = None):
        """The glossary as a table; with an article, one more column counting occurrences.

        >>> import articlekit as ak
        >>> ak.load_glossary().to_frame().columns.tolist()
        ['term', 'pos', 'gloss', 'definition', 'theme', 'source']
        """
        import pandas as pd

        rows = [{"term": e.term, "pos": e.pos, "gloss": e.gloss, "definition": e.definition,
                 "theme": e.theme, "source": e.source} for e in self.entries]
        frame = pd.DataFrame(rows, columns=["term", "pos", "gloss", "definition", "theme", "source"])
        if text_or_article is not None:
            text = _text_of(text_or_article)
            frame["count"] = [len(find_forms(text, *e.forms)) for e in self.entries]
        return frame

    def save(self, path: str | os.PathLike[str], *, only_mine: bool = True) -> Path:
        """Write your terms (or all, ``only_mine=False``) to a JSON file, safely.

        The file is written to a temporary file first and then moved into
        place, so a crash never leaves half a file; an existing file is kept
        as ``<name>.bak``.

        Returns
        -------
        pathlib.Path
            The file written.

        Examples
        --------
        >>> import articlekit as ak, tempfile, pathlib
        >>> mine = ak.load_glossary().add("rencontre", "meeting")
        >>> path = mine.save(pathlib.Path(tempfile.mkdtemp()) / "mes-mots.json")
        >>> len(ak.load_glossary(path)) == len(mine)
        True
        """
        path = Path(path)
        entries = [e for e in self.entries if e.source == "learner" or not only_mine]
        data = {"format": "articlekit-glossary", "version": 1,
                "terms": [{k: (list(v) if isinstance(v, tuple) else v)
                           for k, v in _entry_dict(e).items()} for e in entries]}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        write_keeping_backup(path, text.encode("utf-8"))
        return path


def _entry_dict(entry: GlossaryEntry) -> dict[str, Any]:
    return {k: getattr(entry, k) for k in _FIELDS}


def _entries_from(data: Any, source: str, name: str) -> tuple[GlossaryEntry, ...]:
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, list):
        raise GlossaryFormatError(f"{name}: expected a JSON object with a list under \"terms\"")
    entries = []
    for i, item in enumerate(terms):
        if not isinstance(item, dict):
            raise GlossaryFormatError(f"{name}: term #{i + 1} is not a JSON object")
        unknown = set(item) - set(_FIELDS)
        if unknown:
            raise GlossaryFormatError(f"{name}: term #{i + 1} has unknown fields {sorted(unknown)}")
        for key in ("term", "gloss"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise GlossaryFormatError(f"{name}: term #{i + 1} needs a non-empty {key!r}")
        if not fold(item["term"])[0].strip(" '"):
            raise GlossaryFormatError(f"{name}: term #{i + 1} ({item['term']!r}) has no letters to search for")
        variants = item.get("variants", [])
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise GlossaryFormatError(f"{name}: term #{i + 1} ({item['term']!r}): "
                                      "'variants' must be a list of strings")
        for key in ("pos", "definition", "theme", "note"):
            if not isinstance(item.get(key, ""), str):
                raise GlossaryFormatError(f"{name}: term #{i + 1} ({item['term']!r}): "
                                          f"{key!r} must be a string")
        entries.append(GlossaryEntry(
            term=item["term"], pos=str(item.get("pos", "")), gloss=item["gloss"],
            definition=str(item.get("definition", "")), variants=tuple(variants),
            theme=str(item.get("theme", "")), note=str(item.get("note", "")), source=source))
    return tuple(entries)


def _read_json(path: Path, name: str) -> Any:
    if path.is_dir():
        raise GlossaryFormatError(f"{name}: is a folder, not a glossary file")
    try:
        # utf-8-sig: an editor such as Notepad may have put a byte-order mark first
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{name}: no such glossary file") from None
    except (ValueError, RecursionError) as err:  # bad UTF-8 or JSON, a 5000-digit number, deep nesting
        first = " ".join(str(err).split())[:160]
        raise GlossaryFormatError(f"{name}: not a valid UTF-8 JSON glossary ({first})") from None


def load_glossary(path: str | os.PathLike[str] | None = None) -> Glossary:
    """The kit's glossary of the article, plus your own terms if you give your file.

    Parameters
    ----------
    path : str or Path, optional
        A JSON file written by :meth:`Glossary.save`.  Its terms are added
        after the kit's ones (a term already in the kit is an error).

    Raises
    ------
    GlossaryFormatError
        If a file is not a glossary (the message names the file).

    Examples
    --------
    >>> import articlekit as ak
    >>> g = ak.load_glossary()
    >>> g.lookup("CEDEAO").gloss
    'ECOWAS (Economic Community of West African States)'
    """
    kit_file = resources.files("articlekit").joinpath("data/glossary.json")
    kit = _entries_from(json.loads(kit_file.read_text(encoding="utf-8")), "kit", "glossary.json")
    glossary = Glossary(kit)
    if path is None:
        return glossary
    path = Path(path)
    mine = _entries_from(_read_json(path, str(path)), "learner", str(path))
    kit_terms = {entry.term: entry for entry in kit}
    for entry in mine:
        if kit_terms.get(entry.term) == replace(entry, source="kit"):
            continue  # a kit term saved with ``save(only_mine=False)``, unchanged
        known = glossary.lookup(entry.term)
        if known is not None:
            where = "the kit's glossary" if known.source == "kit" else f"this file (as {known.term!r})"
            raise GlossaryFormatError(f"{path}: {entry.term!r} is already in {where}")
        glossary = replace(glossary, entries=glossary.entries + (entry,))
    return glossary
