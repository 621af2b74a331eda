"""How far two sets of annotations agree: precision, recall, F1 and kappa.

Compare a *prediction* (your annotations, or spaCy's) with a *reference*
(the teacher's key, or a classmate's work):

- **precision**: of the spans predicted, the share that are right;
- **recall**: of the reference spans, the share that were found;
- **F1**: their harmonic mean, ``2 * P * R / (P + R)``.

A predicted span is right when a reference span has the same label and
either the same offsets (``match="exact"``) or at least one character in
common (``match="overlap"``, each reference span matched once).

**Cohen's kappa** compares two annotators token by token: every token gets
the label of the span covering it (``"O"`` when none), and kappa is the
agreement beyond what chance would give, ``(p_o - p_e) / (1 - p_e)``.

Examples
--------
>>> import articlekit as ak
>>> ref = ak.Annotations("Le Mali et le Sénégal").add_regex("Mali|Sénégal", "LOC")
>>> pred = ak.Annotations(ref.text).add("Mali", "LOC").add("Sénégal", "PER")
>>> s = ak.span_scores(pred, ref)[-1]
>>> s.label, s.tp, s.fp, s.fn, s.f1
('ALL', 1, 1, 1, 0.5)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from .annotation import LAYERS, Annotations, Span

if TYPE_CHECKING:
    import matplotlib.axes
    import pandas

__all__ = [
    "Score",
    "agreement",
    "cohen_kappa",
    "confusion_matrix",
    "differences",
    "match_spans",
    "plot_confusion",
    "span_scores",
    "token_labels",
]

_TOKEN = re.compile(r"\w+|[^\w\s]")
OUTSIDE = "O"


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one label (or ``"ALL"``: every label together).

    Attributes
    ----------
    label : str
    tp, fp, fn : int
        True positives (predicted and right), false positives (predicted,
        not in the reference), false negatives (in the reference, missed).
    precision, recall, f1 : float
        ``tp / (tp + fp)``, ``tp / (tp + fn)`` and their harmonic mean; 0.0
        when the division is by zero.
    """

    label: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, label: str, tp: int, fp: int, fn: int) -> "Score":
        """Compute the three measures from the three counts.

        >>> Score.from_counts("PER", tp=3, fp=1, fn=3).f1
        0.6
        """
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(label, tp, fp, fn, round(precision, 12), round(recall, 12), round(f1, 12))


def _layer_spans(annotations: Annotations, layer: str) -> list[Span]:
    if not isinstance(annotations, Annotations):
        raise TypeError(f"expected Annotations, not {type(annotations).__name__}")
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}: choose one of {', '.join(LAYERS)}")
    return [s for s in annotations.spans if s.layer == layer]


def match_spans(predicted: Annotations, reference: Annotations, *, layer: str = "entities",
                match: str = "exact") -> list[tuple[Span | None, Span | None]]:
    """Pair predicted and reference spans of one layer.

    Returns a list of ``(predicted, reference)`` pairs: both set for a match
    (same label, same or overlapping offsets), ``(span, None)`` for a false
    positive, ``(None, span)`` for a missed reference span.  Each span is
    used at most once; overlap matching pairs spans left to right.

    >>> import articlekit as ak
    >>> ref = ak.Annotations("Le Général Diop").add("Diop", "PER")
    >>> pred = ak.Annotations(ref.text).add("Général Diop", "PER")
    >>> [(p is not None, r is not None) for p, r in match_spans(pred, ref, match="overlap")]
    [(True, True)]
    """
    if match not in ("exact", "overlap"):
        raise ValueError("match must be 'exact' or 'overlap'")
    for value in (predicted, reference):
        if not isinstance(value, Annotations):
            raise TypeError(f"expected Annotations, not {type(value).__name__}")
    if predicted.text != reference.text:
        raise ValueError("the two annotation sets are about different texts")
    preds, refs = _layer_spans(predicted, layer), _layer_spans(reference, layer)
    used: set[int] = set()
    pairs: list[tuple[Span | None, Span | None]] = []
    for p in preds:
        partner = None
        for k, r in enumerate(refs):
            if k in used or r.label != p.label:
                continue
            if (r.start, r.end) == (p.start, p.end) or (match == "overlap" and p.overlaps(r)):
                partner = k
                break
        if partner is None:
            pairs.append((p, None))
        else:
            used.add(partner)
            pairs.append((p, refs[partner]))
    pairs.extend((None, r) for k, r in enumerate(refs) if k not in used)
    return pairs


def differences(predicted: Annotations, reference: Annotations, *,
                layer: str = "entities") -> "pandas.DataFrame":
    """Every span of either set, with a verdict: what a prediction got wrong.

    Verdicts: ``"correct"`` (same offsets, same label), ``"wrong label"``
    (same offsets), ``"wrong boundaries"`` (overlaps a reference span, same
    label, different offsets), ``"wrong label and boundaries"``,
    ``"not an entity"`` (overlaps nothing in the reference) and ``"missed"``
    (a reference span no prediction touches).

    Returns
    -------
    pandas.DataFrame
        Columns ``start``, ``end``, ``text``, ``predicted``, ``reference``
        (the reference span's text when boundaries differ: ``ref_text``)
        and ``verdict``, in text order.

    Examples
    --------
    >>> import articlekit as ak
    >>> ref = ak.Annotations("Le Général Diop au Mali").add("Diop", "PER").add("Mali", "LOC")
    >>> pred = ak.Annotations(ref.text).add("Général Diop", "PER").add("Le", "ORG")
    >>> ak.differences(pred, ref)[["text", "predicted", "reference", "verdict"]]
               text predicted reference           verdict
    0            Le       ORG               not an entity
    1  Général Diop       PER       PER  wrong boundaries
    2          Mali                 LOC            missed
    """
    import pandas as pd

    preds, refs = _layer_spans(predicted, layer), _layer_spans(reference, layer)
    if predicted.text != reference.text:
        raise ValueError("the two annotation sets are about different texts")
    rows, touched = [], set()
    for p in preds:
        same = [r for r in refs if (r.start, r.end) == (p.start, p.end)]
        over = [r for r in refs if r.overlaps(p)]
        if same:
            r = same[0]
            verdict = "correct" if r.label == p.label else "wrong label"
        elif over:
            r = next((x for x in over if x.label == p.label), over[0])
            verdict = "wrong boundaries" if r.label == p.label else "wrong label and boundaries"
        else:
            r, verdict = None, "not an entity"
        touched.update(id(x) for x in over)
        rows.append((p.start, p.end, p.text, p.label, r.label if r else "", r.text if r else "", verdict))
    for r in refs:
        if id(r) not in touched:
            rows.append((r.start, r.end, r.text, "", r.label, r.text, "missed"))
    rows.sort(key=lambda row: (row[0], row[1]))
    return pd.DataFrame(rows, columns=["start", "end", "text", "predicted", "reference", "ref_text", "verdict"])


def span_scores(predicted: Annotations, reference: Annotations, *, layer: str = "entities",
                match: str = "exact") -> tuple[Score, ...]:
    """Precision, recall and F1 for each label, then ``"ALL"`` (micro-average).

    Parameters
    ----------
    predicted, reference : Annotations
    layer : str
        The layer compared (``"entities"``, ``"quotes"``...).
    match : {"exact", "overlap"}

    Returns
    -------
    tuple of Score
        One per label present in either set (in the layer's label order),
        the last one for all labels together.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> scores = ak.span_scores(ak.suggest_entities(article), ak.reference(article))
    >>> [s.label for s in scores]
    ['PER', 'LOC', 'ORG', 'DATE', 'NUM', 'MISC', 'ALL']
    """
    counts: dict[str, Counter] = {}
    for p, r in match_spans(predicted, reference, layer=layer, match=match):
        if p is not None and r is not None:
            counts.setdefault(p.label, Counter())["tp"] += 1
        elif p is not None:
            counts.setdefault(p.label, Counter())["fp"] += 1
        else:
            counts.setdefault(r.label, Counter())["fn"] += 1
    order = LAYERS[layer] or ()
    labels = [lab for lab in order if lab in counts] + sorted(lab for lab in counts if lab not in order)
    scores = [Score.from_counts(lab, counts[lab]["tp"], counts[lab]["fp"], counts[lab]["fn"]) for lab in labels]
    total = Counter()
    for lab in labels:
        total.update(counts[lab])
    scores.append(Score.from_counts("ALL", total["tp"], total["fp"], total["fn"]))
    return tuple(scores)


def agreement(predicted: Annotations, reference: Annotations, *, layer: str = "entities",
              match: str = "exact") -> "pandas.DataFrame":
    """:func:`span_scores` as a table, one row per label and a last ``ALL`` row.

    Parameters
    ----------
    predicted : Annotations
        The annotations to judge (yours, or spaCy's suggestions).
    reference : Annotations
        The annotations taken as right (usually ``ak.reference(article)``),
        about the same text.
    layer : str, default "entities"
        Which layer to compare (``"entities"``, ``"quotes"``...).
    match : {"exact", "overlap"}, default "exact"
        ``"exact"``: same offsets and label; ``"overlap"``: same label and at
        least one character in common.

    Returns
    -------
    pandas.DataFrame
        Columns ``label``, ``tp``, ``fp``, ``fn``, ``precision``, ``recall``, ``f1``.

    Examples
    --------
    >>> import articlekit as ak
    >>> ref = ak.Annotations("Le Mali et le Sénégal").add_regex("Mali|Sénégal", "LOC")
    >>> ak.agreement(ref, ref)[["label", "precision", "recall", "f1"]]
      label  precision  recall   f1
    0   LOC        1.0     1.0  1.0
    1   ALL        1.0     1.0  1.0
    """
    import pandas as pd

    rows = [vars(s) for s in span_scores(predicted, reference, layer=layer, match=match)]
    return pd.DataFrame(rows, columns=["label", "tp", "fp", "fn", "precision", "recall", "f1"])


def _token_bounds(text: str, tokens: Sequence[Any] | None) -> list[tuple[int, int]]:
    if tokens is None:
        return [m.span() for m in _TOKEN.finditer(text)]
    return [(t.start, t.end) if hasattr(t, "start") else (int(t[0]), int(t[1])) for t in tokens]


def token_labels(annotations: Annotations, *, layer: str = "entities",
                 tokens: Sequence[Any] | None = None) -> list[str]:
    """The label of every token: the label of the span covering it, or ``"O"``.

    Parameters
    ----------
    tokens : sequence, optional
        ``article.tokens`` (spaCy's), or ``(start, end)`` pairs.  By default
        the text is cut into words and punctuation marks with the regular
        expression ``\\w+|[^\\w\\s]`` (so ``l’insécurité`` is three tokens).

    >>> import articlekit as ak
    >>> token_labels(ak.Annotations("Le Mali").add("Mali", "LOC"))
    ['O', 'LOC']
    """
    spans = _layer_spans(annotations, layer)
    out = []
    for a, b in _token_bounds(annotations.text, tokens):
        label = OUTSIDE
        for s in spans:
            if s.start < b and a < s.end:
                label = s.label
                break
        out.append(label)
    return out


def cohen_kappa(first: Annotations, second: Annotations, *, layer: str = "entities",
                tokens: Sequence[Any] | None = None) -> float:
    """Cohen's kappa of two annotation sets, token by token.

    ``p_o`` is the share of tokens given the same label by both;
    ``p_e = sum over labels of p_first(label) * p_second(label)`` is the
    agreement expected by chance; kappa is ``(p_o - p_e) / (1 - p_e)``: 1 for
    perfect agreement, 0 for chance level, below 0 for worse than chance.
    When both give every token the same single label, kappa is 1.0.

    Parameters
    ----------
    first, second : Annotations
        Two annotation sets of the same text (two annotators, or you and the key).
    layer : str, default "entities"
        Which layer to compare.
    tokens : sequence, optional
        The tokens to compare label by label: ``article.tokens`` or
        ``(start, end)`` pairs; default the words and punctuation of the text.

    Returns
    -------
    float

    Examples
    --------
    >>> import articlekit as ak
    >>> a = ak.Annotations("Le Mali et le Sénégal").add("Mali", "LOC")
    >>> b = a.add("Sénégal", "LOC")
    >>> round(cohen_kappa(a, b), 4)
    0.5455
    """
    for value in (first, second):
        if not isinstance(value, Annotations):
            raise TypeError(f"expected Annotations, not {type(value).__name__}")
    if first.text != second.text:
        raise ValueError("the two annotation sets are about different texts")
    x = token_labels(first, layer=layer, tokens=tokens)
    y = token_labels(second, layer=layer, tokens=tokens)
    n = len(x)
    if n == 0:
        raise ValueError("there are no tokens to compare")
    observed = sum(a == b for a, b in zip(x, y)) / n
    cx, cy = Counter(x), Counter(y)
    expected = sum(cx[k] * cy[k] for k in cx) / (n * n)
    if expected == 1.0:
        return 1.0
    return (observed - expected) / (1 - expected)


def confusion_matrix(predicted: Annotations, reference: Annotations, *, layer: str = "entities",
                     tokens: Sequence[Any] | None = None) -> "pandas.DataFrame":
    """Token counts: rows are the reference's labels, columns the prediction's.

    The diagonal counts agreements; a token in row ``LOC`` and column
    ``PER`` was a place for the reference and a person for the prediction.

    Parameters
    ----------
    predicted : Annotations
        The annotations to judge (yours, or spaCy's suggestions).
    reference : Annotations
        The annotations taken as right (usually ``ak.reference(article)``),
        about the same text.
    layer : str, default "entities"
        Which layer to compare (``"entities"``, ``"quotes"``...).
    tokens : sequence, optional
        As for :func:`cohen_kappa`.

    Returns
    -------
    pandas.DataFrame
        Square table of counts; ``O`` is "outside any span".

    Raises
    ------
    ValueError
        The two sets are about different texts, or the layer is unknown.

    Examples
    --------
    >>> import articlekit as ak
    >>> ref = ak.Annotations("Le Mali et le Sénégal").add_regex("Mali|Sénégal", "LOC")
    >>> pred = ak.Annotations(ref.text).add("Mali", "PER")
    >>> confusion_matrix(pred, ref)
    predicted  PER  LOC  O
    reference             
    PER          0    0  0
    LOC          1    0  1
    O            0    0  3
    """
    import pandas as pd

    for value in (predicted, reference):
        if not isinstance(value, Annotations):
            raise TypeError(f"expected Annotations, not {type(value).__name__}")
    if predicted.text != reference.text:
        # the token lists would not line up: every count would be wrong
        raise ValueError("the two annotation sets are about different texts")
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}: choose one of {', '.join(LAYERS)}")
    x = token_labels(predicted, layer=layer, tokens=tokens)
    y = token_labels(reference, layer=layer, tokens=tokens)
    order = [lab for lab in (LAYERS[layer] or ()) if lab in set(x) | set(y)]
    order += sorted((set(x) | set(y)) - set(order) - {OUTSIDE}) + [OUTSIDE]
    counts = Counter(zip(y, x))
    frame = pd.DataFrame([[counts[(r, p)] for p in order] for r in order], index=order, columns=order)
    frame.index.name, frame.columns.name = "reference", "predicted"
    return frame


def plot_confusion(predicted: Annotations, reference: Annotations, *, layer: str = "entities",
                   tokens: Sequence[Any] | None = None, title: str | None = None,
                   ax: "matplotlib.axes.Axes | None" = None, lang: str = "en") -> "matplotlib.axes.Axes":
    """Draw :func:`confusion_matrix` as a heat map with the counts written in.

    The shades are one sequential colour map (« Blues »: light to dark
    means few to many tokens), which stays readable for every form of
    colour blindness and in grey; the colour bar beside the map says so,
    and every cell also carries its count as text.

    Returns the matplotlib ``Axes``; show its figure with its alt text,
    ``ak.show_figure(ax.figure, "One sentence saying what it shows.")``.

    Parameters
    ----------
    predicted : Annotations
        The annotations to judge (yours, or spaCy's suggestions).
    reference : Annotations
        The annotations taken as right (usually ``ak.reference(article)``),
        about the same text.
    layer : str, default "entities"
        Which layer to compare (``"entities"``, ``"quotes"``...).
    tokens : sequence, optional
        As for :func:`cohen_kappa`.
    title : str, optional
        A title above the heat map, in the notebook's language (by default
        one saying which layer is compared).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure).
    lang : {"en", "fr"}, default "en"
        The language of the axis labels, the colour bar and the default title.

    Examples
    --------
    >>> import articlekit as ak
    >>> ref = ak.Annotations("Le Mali").add("Mali", "LOC")
    >>> ax = plot_confusion(ref, ref, title="Same")
    >>> ax.get_title(), ax.get_xlabel()
    ('Same', 'predicted label (per token)')
    >>> ak.show_figure(ax.figure, "Both annotations give every token the same label.")
    [figure] Both annotations give every token the same label.
    """
    import matplotlib.pyplot as plt

    from .i18n import _, check_language, render

    check_language(lang)
    frame = confusion_matrix(predicted, reference, layer=layer, tokens=tokens)
    if ax is None:
        # a little wider than tall: the colour bar takes the right-hand side
        _fig, ax = plt.subplots(figsize=(2.0 + 0.75 * len(frame), 0.8 + 0.65 * len(frame)))
    values = frame.to_numpy()
    top = values.max() if values.size else 0
    # vmin=0 so that an empty cell is always the lightest shade, whatever the counts
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=max(int(top), 1))
    ax.set_xticks(range(len(frame.columns)), labels=list(frame.columns))
    ax.set_yticks(range(len(frame.index)), labels=list(frame.index))
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            ax.text(j, i, str(values[i, j]), ha="center", va="center",
                    color="white" if top and values[i, j] > top / 2 else "black")
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    bar.set_label(render(_("number of tokens (darker: more)"), lang))
    ax.set_xlabel(render(_("predicted label (per token)"), lang))
    ax.set_ylabel(render(_("reference label (per token)"), lang))
    ax.set_title(title or render(_("Token labels, {layer}: prediction vs reference", layer=layer), lang))
    return ax
