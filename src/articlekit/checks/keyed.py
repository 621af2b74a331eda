"""Lesson 2's exercises graded against the teacher's key, judged without the key.

Where the key is installed (the teacher's checkout, CI, the grader) each
check judges span by span and points at what to look at again.  In a
learner's copy of the kit the key is not there (:mod:`articlekit.keys`): the
check then compares the salted hash of the answer's *canonical form* with
the digest of the right answer, and says "right" or "not yet" with a
general question.  This module defines those canonical forms once, for both
sides: :func:`canonical` for a learner's answer, :func:`expected_digests`
for the digests written from the key.

Examples
--------
>>> from articlekit.checks.keyed import canonical
>>> import articlekit as ak
>>> article = ak.load_article()
>>> canonical("people", ak.Annotations(article).add("Birame Diop", "PER"))
['PER:1508:1519']
"""

from __future__ import annotations

from typing import Any

from .compare import normalise_text, salted_hash

__all__ = ["KEYED", "canonical", "digest_verdict", "expected_digests", "keyed"]

#: The checks graded against the key, by name (lesson 2's module).
#: (``terrorism_theme`` is judged from the article's own sentences: it needs no key.)
KEYED = ("fixed_entities", "kappa", "numbers", "people", "quote_annotations", "quote_kinds", "spacy_f1",
         "spellings", "try_number_words")
#: Checks of lesson 1 with shipped digests too (judged in ``checks/reading.py``).
KEYED_READING = ("slips",)


def _spans(answer: Any, *, layer: str | None = None, labels: tuple[str, ...] = (),
           speaker: bool = False) -> list[str]:
    out = []
    for s in getattr(answer, "spans", ()):
        if (layer and s.layer != layer) or (labels and s.label not in labels):
            continue
        who = ""
        if speaker:
            who = ":" + (normalise_text(s.speaker).split()[-1] if s.speaker else "-")
        out.append(f"{s.label}:{s.start}:{s.end}{who}")
    return sorted(out)


def _number(value: Any, digits: int) -> str | None:
    from .shapes import is_number

    return f"{round(float(value), digits):.{digits}f}" if is_number(value) else None


def keyed(function):
    """Run a check with the teacher's key when it is installed, else judge by the shipped digest.

    The check itself reaches for the key only after it has tested the
    answer's shape, so shape questions are asked either way; when it asks
    for a key that is not installed (:class:`articlekit.keys.KeyMissing`),
    the answer's canonical form is compared with the digest.
    """
    from functools import wraps

    from ..i18n import _
    from .results import failed, passed

    @wraps(function)
    def run(answer, *, article):
        from ..keys import KeyMissing

        try:
            return function(answer, article=article)
        except KeyMissing:
            from pathlib import Path

            verdict = digest_verdict(function.__name__, answer, Path(str(article.source)).stem)
            if verdict is None:
                return failed(_("This self-check needs the teacher's key, which is not in this copy of the kit: "
                                "can you compare your answer with the guidelines, then ask your teacher?"))
            if verdict:
                return passed()
            return failed(_("Not yet: does every part of your answer follow the guidelines of the lesson? "
                            "(Without the teacher's key here, this check can only say right or not yet.)"))
    return run


def canonical(check: str, answer: Any) -> Any:
    """The canonical form of a learner's answer to a keyed check (what the digest is taken of).

    Returns ``None`` when the answer has not the shape the check needs.
    """
    if check == "people":
        return _spans(answer, labels=("PER",)) or None
    if check == "numbers":
        return _spans(answer, labels=("NUM", "DATE")) or None
    if check == "try_number_words":
        return _spans(answer, labels=("NUM",)) or None
    if check == "fixed_entities":
        return _spans(answer, layer="entities") or None
    if check == "quote_annotations":
        return [x for x in _spans(answer, layer="quotes", speaker=True) if not x.startswith("INDIRECT")] or None
    if check == "spellings":
        from .shapes import as_counts

        if not isinstance(answer, dict):
            return None
        rows = []
        for values in answer.values():
            counts = as_counts(values)
            if counts is None:
                return None
            try:
                rows.append("|".join(f"{normalise_text(k, casefold=False)}={int(v)}" for k, v in sorted(counts.items())))
            except (TypeError, ValueError):
                return None
        return sorted(rows)
    if check == "quote_kinds":
        try:
            return "|".join(str(k).strip().lower() for k in answer)   # in text order: one string
        except TypeError:
            return None
    if check in ("kappa",):
        return _number(answer, 2)
    if check == "spacy_f1":
        from .annotating import _as_scores

        scores = _as_scores(answer)
        return None if scores is None else [f"{round(v, 2):.2f}" for v in scores]
    raise KeyError(f"{check!r} is not a keyed check")


def digest_verdict(check: str, answer: Any, stem: str) -> bool | None:
    """True/False when the shipped digest can judge the answer, ``None`` when no digest is shipped."""
    from ..keys import digests

    accepted = digests(stem, check)
    if not accepted:
        return None
    form = canonical(check, answer)
    if form is None:
        return False
    return salted_hash(_as_hashable(form)) in accepted


def _as_hashable(form: Any) -> Any:
    # salted_hash sorts collections; a list of strings keeps its items, a string stays a string
    return form if isinstance(form, str) else tuple(form)


def expected_digests(article) -> dict[str, list[str]]:
    """The digests of the right answer of every keyed check, computed from the teacher's key."""
    import re
    from dataclasses import replace

    from ..annotation import Annotations, suggest_entities
    from ..agreement import cohen_kappa, span_scores
    from ..storage import exercise_article, reference
    from . import annotating as A

    key = reference(article)
    out: dict[str, list[str]] = {}

    def put(check, *answers):
        out[check] = sorted({salted_hash(_as_hashable(canonical(check, a))) for a in answers})

    put("people", key.filter(label="PER"))
    dates = key.filter(label="DATE")
    short = []
    for s in dates:
        weekday = re.match(r"\w+, ", s.text)
        short.append(Annotations(article.text, [s]).spans[0] if not weekday else
                     replace(s, start=s.start + weekday.end(), text=s.text[weekday.end():]))
    nums = list(key.filter(label="NUM").spans)
    put("numbers", Annotations(article.text, nums + list(dates.spans)), Annotations(article.text, nums + short))
    put("try_number_words", Annotations(article.text, [s for s in nums if not re.search(r"\d", s.text)]))
    put("quote_kinds", A._dispatch_kinds(exercise_article(A.DISPATCH).text))
    fixed = A._right_fixed(article)
    put("fixed_entities", fixed)
    spellings: dict[str, dict[str, int]] = {}
    for s in key.filter(label="PER"):
        bucket = spellings.setdefault(normalise_text(s.text).split()[-1], {})
        bucket[s.text] = bucket.get(s.text, 0) + 1
    put("spellings", spellings)
    suggestions = suggest_entities(article)
    put("kappa", cohen_kappa(suggestions, fixed))
    part = article.paragraphs[1]
    score = span_scores(suggestions.within(part), key.within(part))[-1]
    put("spacy_f1", {"precision": score.precision, "recall": score.recall, "f1": score.f1})
    dispatch = exercise_article(A.DISPATCH)
    rows = A._dispatch_key(dispatch.text)
    notes = Annotations(dispatch.text)
    for a, b, kind, who in rows:
        notes = notes.add_span(a, b, kind, speaker=who) if who else notes.add_span(a, b, kind)
    put("quote_annotations", notes)
    # « spot and correct »: one digest per listed slip outside the lesson's passage
    from ..reading import corrections
    from .reading import _slip_digest

    lesson = {(c.start, c.end) for c in corrections(article)}
    out["slips"] = sorted({_slip_digest(c.text, c.correction) for c in corrections(article, full=True)
                           if (c.start, c.end) not in lesson})
    return out
