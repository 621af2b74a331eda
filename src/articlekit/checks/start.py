"""Checks for the start-here notebook (``00-start-here``): a first taste of exercises.

Two warm-up exercises on the article's metadata.  Answers are derived from
the parsed article, so nothing here gives them away.
"""

from __future__ import annotations

import numbers

from ..i18n import _
from . import Result, failed, passed, same_text


def title(answer, *, article) -> Result:
    """The article's title, as a string (``title = ...``)."""
    if not isinstance(answer, str):
        return failed(_("Is your answer a string, i.e. text between quotes or an attribute of `article`?"))
    if same_text(answer, article.title):
        return passed()
    if same_text(answer, article.rubric) or same_text(answer, f"{article.rubric} / {article.title}"):
        return failed(_("Is that the rubric (the section of the newspaper) rather than the title?"),
                      _("The first line of the raw file holds two things separated by ` / `: which one is the title?"),
                      _("The parsed article already knows its title: which attribute of `article` holds it?"))
    return failed(_("Did you take the headline of the article, not a sentence of its body?"),
                  _("Is every word of the headline there, spelt as in the article?"),
                  _("The parsed article already knows its title: which attribute of `article` holds it?"))


def paragraph_count(answer, *, article) -> Result:
    """How many body paragraphs the article has, as an integer (``paragraph_count = ...``)."""
    # numbers.Integral also admits numpy integers (what pandas counts return)
    if isinstance(answer, bool) or not isinstance(answer, numbers.Integral):
        if isinstance(answer, (list, tuple)):
            return failed(_("Is your answer the paragraphs themselves rather than how many there are?"),
                          _("Which built-in function tells how many items a sequence holds?"))
        return failed(_("Is your answer a whole number (an `int`)?"))
    expected = len(article.paragraphs)
    if answer == expected:
        return passed()
    if answer > expected:
        return failed(_("Did you count the title, the byline or blank lines as paragraphs?"),
                      _("Are you counting the lines of the raw file rather than the clean paragraphs?"),
                      _("Try `len(...)` on the article's tuple of paragraphs."))
    return failed(_("Did you miss some paragraphs, for example the short ones?"),
                  _("Are you counting sentences or only part of the text?"),
                  _("Try `len(...)` on the article's tuple of paragraphs."))
