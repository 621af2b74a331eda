"""Figures every learner can read: colour-blind-safe colours and alt text.

Colours come from the Okabe–Ito palette (Okabe & Ito, *Color Universal
Design*, 2008), whose eight colours stay distinct for the common forms of
colour blindness; a figure that needs more than colour (a pattern, a label)
still says it in its legend.  :func:`show_figure` shows a matplotlib figure
with its alt text: the text is stored with the image in the notebook
(``text/plain``), so a screen reader, a text export and nbval all see it.

Examples
--------
>>> import articlekit as ak
>>> ak.PALETTE["blue"]
'#0072B2'
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

__all__ = ["PALETTE", "colours", "show_figure"]

#: The Okabe–Ito colours by name (read-only).
PALETTE = MappingProxyType({
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
})
_ORDER = ("blue", "orange", "green", "vermillion", "sky blue", "purple", "yellow", "black")


def colours(n: int) -> list[str]:
    """``n`` colour-blind-safe colours, cycling through the palette in a fixed order.

    >>> colours(3)
    ['#0072B2', '#E69F00', '#009E73']
    """
    return [PALETTE[_ORDER[i % len(_ORDER)]] for i in range(n)]


def show_figure(fig: Any, alt: str, *, close: bool = True) -> None:
    """Show ``fig`` in the notebook with its alt text (a sentence saying what the figure shows).

    The PNG is what JupyterLab draws; ``alt`` is stored beside it as the
    output's text, so the notebook keeps a description of every figure.
    ``close`` closes the figure so that it is not drawn twice.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> show_figure(fig, "An empty figure.")   # outside a notebook, prints the alt text
    [figure] An empty figure.
    """
    import io

    from IPython.display import display

    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("show_figure needs an alt text: one sentence saying what the figure shows")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    if close:
        import matplotlib.pyplot as plt

        plt.close(fig)
    import base64

    text = f"[figure] {alt.strip()}"
    try:
        from IPython import get_ipython

        in_notebook = get_ipython() is not None
    except ImportError:  # pragma: no cover - IPython comes with the kit
        in_notebook = False
    if not in_notebook:
        print(text)
        return
    display({"image/png": base64.b64encode(buffer.getvalue()).decode("ascii"), "text/plain": text},
            raw=True, metadata={"image/png": {"alt": alt.strip()}})
