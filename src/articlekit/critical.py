"""Tools for lesson 4, reading critically: who speaks where, reference figures, the missing context.

- :func:`voice_at` — whose words stand at an offset of the text: the
  quotation that holds it (its speaker), or ``None`` for the journalist's
  own words.
- :func:`reference_figure` — a figure of a reference work (value, unit and
  where it comes from), to check a number of the article against it.
- :func:`context_facts` — dated facts of the article's context, each with
  the reference it was checked against: what a reader may need and the
  article does not say.
- :func:`lesson_actors` — the actors the lesson asks about (heard,
  mentioned or absent?).

The figures and facts live in ``data/fiche/critical-references.json``, the
lesson's items in ``data/fiche/critical-lesson.json``: edit the data, not
the code.

Examples
--------
>>> import articlekit as ak
>>> article = ak.load_article()
>>> voice_at(article, 0) is None          # the first words are the journalist's
True
>>> reference_figure("mali-senegal-border").unit
'km'
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["ContextFact", "ReferenceFigure", "context_facts", "fiche_data", "lesson_actors", "reference_figure", "voice_at"]

#: The data files of lesson 4, in ``articlekit/data/fiche/``.
REFERENCES_FILE = "critical-references.json"
LESSON_FILE = "critical-lesson.json"


@lru_cache(maxsize=None)
def _text(name: str) -> str:
    # the text is cached, never the parsed data: each caller gets its own copy
    return resources.files("articlekit").joinpath("data", "fiche", name).read_text(encoding="utf-8")


def fiche_data(name: str) -> dict:
    """A data file of lesson 4 (``data/fiche/<name>``), parsed: a new dict each call.

    >>> sorted(fiche_data("critical-references.json"))
    ['facts', 'figures', 'note']
    """
    return json.loads(_text(name))


@dataclass(frozen=True)
class ReferenceFigure:
    """A figure from a reference work, to check a number of the article against.

    Attributes
    ----------
    name : str
        The kit's name for it (``"mali-senegal-border"``).
    what : str
        What is measured, in English.
    value : float
        The reference's figure.
    unit : str
        Its unit (``"km"``).
    source : str
        The reference it comes from, as a reader can look it up.
    also : str
        Another reference that agrees (may be empty).
    note : str
        What else a careful reader should know (older editions, disagreements).

    Examples
    --------
    >>> ReferenceFigure("x", "a length", 10, "km", "an atlas").value
    10
    """

    name: str
    what: str
    value: float
    unit: str
    source: str
    also: str = ""
    note: str = ""


def reference_figure(name: str = "mali-senegal-border") -> ReferenceFigure:
    """The reference figure called ``name`` (``data/fiche/critical-references.json``).

    Parameters
    ----------
    name : str
        A figure's name; the kit ships ``"mali-senegal-border"``.

    Returns
    -------
    ReferenceFigure

    Raises
    ------
    KeyError
        When the kit has no figure of that name (the message lists those it has).

    Examples
    --------
    >>> border = reference_figure("mali-senegal-border")
    >>> border.value, border.unit
    (489, 'km')
    >>> border.source.startswith("CIA, The World Factbook")
    True
    """
    figures = fiche_data(REFERENCES_FILE)["figures"]
    for row in figures:
        if row["name"] == name:
            return ReferenceFigure(row["name"], row["what"], row["value"], row["unit"], row["source"],
                                   row.get("also", ""), row.get("note", ""))
    known = ", ".join(row["name"] for row in figures)
    raise KeyError(f"no reference figure {name!r}; the kit has: {known}")


@dataclass(frozen=True)
class ContextFact:
    """A dated fact of the article's context, with the reference it was checked against.

    >>> ContextFact(_dt.date(2025, 1, 29), "A withdrawal takes effect.", "a communiqué").date.year
    2025
    """

    date: _dt.date
    fact: str
    source: str


def context_facts() -> tuple[ContextFact, ...]:
    """The facts of the article's context that the lesson checks the article against, oldest first.

    Returns
    -------
    tuple of ContextFact

    Examples
    --------
    >>> facts = context_facts()
    >>> facts[0].date.isoformat(), "Liptako-Gourma" in facts[0].fact
    ('2023-09-16', True)
    """
    rows = fiche_data(REFERENCES_FILE)["facts"]
    facts = (ContextFact(_dt.date.fromisoformat(r["date"]), r["fact"], r["source"]) for r in rows)
    return tuple(sorted(facts, key=lambda f: f.date))


def lesson_actors() -> tuple[str, ...]:
    """The actors the lesson's exercise asks about: heard, only mentioned, or absent from the article?

    Examples
    --------
    >>> lesson_actors()[0]
    'Sadio Camara'
    """
    return tuple(row["actor"] for row in fiche_data(LESSON_FILE)["actors"]["items"])


def voice_at(article: Any, offset: int):
    """The quotation whose words stand at ``offset`` of the article's text, or ``None``.

    ``None`` means the words are the journalist's own: no quotation found
    by :func:`articlekit.extract_quotes` (direct, partial, indirect or a
    motto) holds the offset.  The quotation's ``speaker`` says who speaks
    there (``None`` for a motto).

    Parameters
    ----------
    article : Article or str
        The article (or a text) the offset points into.
    offset : int
        A character offset of ``article.text``.

    Returns
    -------
    Quote or None

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> voice_at(article, article.text.index("Nous devons")).speaker
    'Sadio Camara'
    >>> voice_at(article, article.text.index("Une frontière")) is None
    True
    """
    from .quotes import extract_quotes

    for quote in extract_quotes(article):
        if quote.start <= offset < quote.end:
            return quote
    return None
