"""Evaluating summaries: ROUGE, with a tokenizer that respects French.

ROUGE (Lin, 2004) compares a summary made by a machine (the *candidate*)
with one written by a person (the *reference*) by counting shared words:

* **ROUGE-1**: shared single words;
* **ROUGE-2**: shared pairs of consecutive words (bigrams);
* **ROUGE-L**: the longest common subsequence, words in the same order but
  not necessarily side by side.

Each gives a **precision** (share of the candidate found in the reference),
a **recall** (share of the reference found in the candidate) and their
harmonic mean, **F1**.

Everything depends on how a text is cut into words.  Google's widely used
``rouge-score`` lower-cases and keeps only ``a-z`` and ``0-9``: « sécurité »
becomes ``s`` + ``curit``, and a French score silently measures fragments.
:func:`tokenize` keeps accents and elisions (``l'`` + ``insécurité``);
:func:`ascii_tokenize` reproduces the ASCII-only behaviour so you can see
the difference (:func:`broken_words`).

The reference summaries written for the kit's article ship with the package:
:func:`reference_summaries`.

Examples
--------
>>> import articlekit as ak
>>> ak.rouge("Le Mali coopère avec le Sénégal.", "Le Mali et le Sénégal coopèrent.").rouge1.recall
0.6666666666666666
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Sequence

# Both tokenizers are in words.py, beside the kit's other word rules, so that
# ROUGE reads « aujourd’hui » and the apostrophes as the exam count does.
from .words import ascii_words, rouge_tokens

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "ReferenceSummary",
    "Rouge",
    "Score",
    "ascii_tokenize",
    "broken_words",
    "reference_summaries",
    "reference_summary",
    "rouge",
    "tokenize",
]

# --------------------------------------------------------------------------
# Tokenizers
# --------------------------------------------------------------------------


def tokenize(text: str) -> list[str]:
    """Cut French text into lower-case words for ROUGE, keeping accents and elisions.

    Elided forms keep their apostrophe and stand as words (``l'``, ``qu'``),
    ``aujourd'hui`` stays whole, hyphens and punctuation separate words,
    numbers stay whole (``24,5``).  Curly and straight apostrophes are the
    same.  The rule is :func:`articlekit.words.rouge_tokens`.

    Examples
    --------
    >>> tokenize("L’insécurité, aujourd’hui, au-delà de 419 km !")
    ["l'", 'insécurité', "aujourd'hui", 'au', 'delà', 'de', '419', 'km']
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize a string, not a {type(text).__name__}")
    return rouge_tokens(text)


def ascii_tokenize(text: str) -> list[str]:
    """Cut text the way Google's ``rouge-score`` does by default: only ``a-z0-9`` survive.

    Shown here so you can see what it does to French; do not use it on French.

    Examples
    --------
    >>> ascii_tokenize("La sécurité à la frontière")
    ['la', 's', 'curit', 'la', 'fronti', 're']
    """
    return ascii_words(text)


def broken_words(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Return the words an ASCII-only tokenizer breaks, with the pieces it makes.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (str, tuple of str)
        Each distinct word (as :func:`tokenize` cuts it) that
        :func:`ascii_tokenize` does not keep whole, in order of first
        appearance, with the pieces it becomes (``()`` when nothing is left,
        as for « à »).

    Examples
    --------
    >>> broken_words("Le Sénégal et le Mali, à 419 km")
    [('sénégal', ('s', 'n', 'gal')), ('à', ())]
    """
    seen: dict[str, tuple[str, ...]] = {}
    for word in tokenize(text):
        pieces = tuple(ascii_tokenize(word))
        if pieces != (word.rstrip("'"),) and word not in seen:
            seen[word] = pieces
    return list(seen.items())


# --------------------------------------------------------------------------
# ROUGE
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one ROUGE measure (each between 0 and 1)."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Rouge:
    """ROUGE-1, ROUGE-2 and ROUGE-L of a candidate against a reference.

    Examples
    --------
    >>> r = rouge("le chat dort", "le chat dort bien")
    >>> r.rouge1.precision, r.rouge1.recall
    (1.0, 0.75)
    """

    rouge1: Score
    rouge2: Score
    rougeL: Score

    def as_dict(self) -> dict[str, float]:
        """Flat ``{"rouge1_precision": ..., ...}``, handy for a table."""
        return {f"{name}_{part}": getattr(getattr(self, name), part)
                for name in ("rouge1", "rouge2", "rougeL")
                for part in ("precision", "recall", "f1")}

    def to_frame(self) -> "pandas.DataFrame":
        """A 3 × 3 table: one row a measure, columns precision, recall, f1."""
        import pandas as pd

        return pd.DataFrame(
            [[getattr(self, m).precision, getattr(self, m).recall, getattr(self, m).f1]
             for m in ("rouge1", "rouge2", "rougeL")],
            index=["ROUGE-1", "ROUGE-2", "ROUGE-L"], columns=["precision", "recall", "f1"],
        )

    def __str__(self) -> str:
        lines = ["          precision  recall  F1"]
        for label, m in (("ROUGE-1", self.rouge1), ("ROUGE-2", self.rouge2), ("ROUGE-L", self.rougeL)):
            lines.append(f"{label:<9} {m.precision:>9.3f} {m.recall:>7.3f} {m.f1:>6.3f}")
        return "\n".join(lines)


def _ngram_counts(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _score(overlap: int, candidate_total: int, reference_total: int) -> Score:
    precision = overlap / candidate_total if candidate_total else 0.0
    recall = overlap / reference_total if reference_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)


def _scores_from_counts(candidate: Counter, reference: Counter) -> Score:
    overlap = sum((candidate & reference).values())  # clipped: a word counts as often as in both
    return _score(overlap, sum(candidate.values()), sum(reference.values()))


def _lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def _text_of(value: Any, what: str) -> str:
    text = getattr(value, "text", value)  # a Summary, a ReferenceSummary or a string
    if not isinstance(text, str):
        raise TypeError(f"the {what} must be a string or a summary, not a {type(value).__name__}")
    return text


def rouge(candidate: Any, reference: Any, *,
          tokenizer: Callable[[str], list[str]] = tokenize) -> Rouge:
    """Compare a summary with a reference: ROUGE-1, ROUGE-2 and ROUGE-L.

    Parameters
    ----------
    candidate : str or Summary
        The summary to evaluate (a machine's or yours).
    reference : str or ReferenceSummary
        The summary written by a person.
    tokenizer : callable, default :func:`tokenize`
        How to cut texts into words; try :func:`ascii_tokenize` to see what
        an English-only tool does to French.

    Returns
    -------
    Rouge
        ``.rouge1``, ``.rouge2``, ``.rougeL``, each with ``precision``,
        ``recall`` and ``f1``; ``.to_frame()`` for a table.

    Notes
    -----
    ROUGE-N counts an n-gram as often as it appears in *both* texts
    (clipped counts).  ROUGE-L uses the longest common subsequence of the
    two whole texts (``rougeL`` in ``rouge-score``, not ``rougeLsum``).
    No stemming: French has no Porter stemmer in ``rouge-score``.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> lead = ak.summarise(article, "lead", max_sentences=2)
    >>> r = ak.rouge(lead, ak.reference_summary("fr-court"))
    >>> 0 < r.rouge1.f1 < 1
    True
    """
    c = tokenizer(_text_of(candidate, "candidate"))
    r = tokenizer(_text_of(reference, "reference"))
    lcs = _lcs_length(c, r)
    return Rouge(
        rouge1=_scores_from_counts(_ngram_counts(c, 1), _ngram_counts(r, 1)),
        rouge2=_scores_from_counts(_ngram_counts(c, 2), _ngram_counts(r, 2)),
        rougeL=_score(lcs, len(c), len(r)),
    )


# --------------------------------------------------------------------------
# Reference summaries shipped with the kit
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class ReferenceSummary:
    """A summary of the kit's article written by hand, to compare with.

    Attributes
    ----------
    id : str
        ``"fr-court"``, ``"fr-moyen"``, ``"fr-examen"`` or ``"en"``.
    language : str
    title : str
    words : int
        Length by :func:`articlekit.count_words`, as written in the metadata.
    note : str
        What the author kept, and why.
    author : str
    text : str
    """

    id: str
    language: str
    title: str
    words: int
    note: str
    author: str
    text: str

    def __str__(self) -> str:
        return self.text


def _summaries_folder():
    from importlib.resources import files

    return files("articlekit") / "data" / "summaries"


@lru_cache(maxsize=1)
def reference_summaries() -> tuple[ReferenceSummary, ...]:
    """Return the reference summaries of the kit's article (French and English).

    Examples
    --------
    >>> import articlekit as ak
    >>> [(r.id, r.language) for r in ak.reference_summaries()]
    [('fr-court', 'fr'), ('fr-moyen', 'fr'), ('fr-examen', 'fr'), ('en', 'en')]
    """
    folder = _summaries_folder()
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return tuple(
        ReferenceSummary(
            id=item["id"], language=item["language"], title=item["title"], words=item["words"],
            note=item["note"], author=index["author"],
            text=(folder / item["file"]).read_text(encoding="utf-8").strip(),
        )
        for item in index["summaries"]
    )


def reference_summary(id: str) -> ReferenceSummary:
    """Return one reference summary by its id.

    Examples
    --------
    >>> import articlekit as ak
    >>> ak.reference_summary("fr-court").language
    'fr'
    """
    for summary in reference_summaries():
        if summary.id == id:
            return summary
    known = ", ".join(s.id for s in reference_summaries())
    raise KeyError(f"no reference summary {id!r}; known: {known}")
