"""A rule-based French sentence splitter, small enough to read in a lesson.

The splitter works on one paragraph at a time and looks for *candidate ends*:
a run of final punctuation (``.``, ``!``, ``?``, ``…`` or ``...``) together
with a closing quotation mark and a period that may follow it (``»`` or
``».``, also ``”``, ``’`` and a straight ``"`` glued to the punctuation).
A candidate is a real sentence end only if all of these hold:

1. it is followed by a space and the next sentence *looks like a start*:
   a capital letter, a digit, or an opening mark (« “ ‘ " ( — –).
   This one rule keeps together

   - decimals: ``3.5`` (no space after the period),
   - a ``?`` or ``!`` in a quotation followed by a speaker clause:
     « Pourquoi ? » s’interroge-t-il (lowercase ``s``),
   - an ellipsis inside a sentence: « Il hésite… puis repart ».

   The end of the paragraph is always a sentence end.
2. it is not the period of a title abbreviation that always comes before a
   name (``M.``, ``Mme``, ``MM.``, ``Dr``, ``Gén.``...) or of another
   abbreviation (``art.``, ``cf.``, ``p.``...); see :data:`ABBREVIATIONS`.
   ``etc.`` is *not* in that list: in French press it often ends a
   sentence, and before a lowercase word rule 1 already keeps it inside.
3. it is not the period of an initial: a single capital letter, as in
   « B. COULIBALY » (the price is that « le plan B. Le ministre… » is not
   split).

Quotations.  Sentences inside « … » are split like any other text: a
quotation holding three sentences gives three sentences.  The words that
introduce the quotation and the opening « stay with the first of them
(« Il explique : « Nous pouvons… respectifs. »), and the closing » or
». stays with the last.  A quotation that is only part of a sentence
(« a rendu « hommage … région ». ») stays inside its sentence.

Examples
--------
>>> from articlekit.sentences import split_sentences
>>> text = "M. Diop est arrivé. Il a dit : « Pourquoi ? » s’interroge-t-il."
>>> [text[a:b] for a, b in split_sentences(text)]
['M. Diop est arrivé.', 'Il a dit : « Pourquoi ? » s’interroge-t-il.']
>>> text = 'Il n’a pas mâché ses mots. ‘Tout coûte plus cher.’ Puis il a dit : "Assez !" Fin.'
>>> [text[a:b] for a, b in split_sentences(text)]
['Il n’a pas mâché ses mots.', '‘Tout coûte plus cher.’', 'Puis il a dit : "Assez !"', 'Fin.']
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "split_sentences"]

#: Words written with a final period that do not end a sentence
#: (case matters: ``M.`` is « Monsieur », ``m.`` is not in the list).
ABBREVIATIONS = frozenset(
    {
        # titles, always followed by a name
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mr", "Me", "Mgr",
        "Dr", "Pr", "Prof", "St", "Ste",
        # military ranks, frequent in this kind of article
        "Gal", "Gén", "Col", "Cdt", "Cne", "Lt", "Sgt", "Adj",
        # references and others
        "art", "Art", "cf", "Cf", "p", "pp", "vol", "chap", "fig", "éd",
        "ex", "av", "bd", "env", "hab", "tél", "coll", "ibid", "op", "cit",
        "sq", "J.-C",
    }
)

# A candidate end: a run of final punctuation, then any closing guillemet,
# quote or bracket (with the space French puts before »), then a period
# after it.  In « … de nos pays ». the » has no punctuation before it, so
# the candidate is just the final period, which keeps » in the sentence too.
#
# The straight " and the single ’ close a quotation only when glued to the
# punctuation (« marquer !" Les », « trois ans.’ »).  With a space before it,
# a " opens the next quotation (« a dit. "Nous… »), so it must not be taken
# into this sentence.  ’ is also the apostrophe of « l’armée », but an
# apostrophe follows a letter, never . ! ? or …, so a ’ here is a closing mark.
_CANDIDATE_END = re.compile(
    r"""
    (?: \.\.\. | … | [.!?] )+      # final punctuation: . ! ? … ... ?! etc.
    (?: [ \u00a0\u202f]* [»”)]     # a closing quote or bracket stays with it,
      | ["’] )*                    # also " and ’ (‘ … ’, ‘‘ … ’’), glued to it
    \.?                            # and so does a period after it: « … ».
    """,
    re.VERBOSE,
)

# Besides capital letters and digits, what a sentence may start with:
# an opening quotation mark (« “ ‘ "), a bracket or a dash.
_OPENING_MARKS = "«“‘\"(—–"

# The word just before a period: letters, possibly "J.-C" style.
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s«(’']))([A-Za-zÀ-ÖØ-öø-ÿ.\-]+)$")


def _is_abbreviation_or_initial(before: str) -> bool:
    """Is the text ``before`` a period the end of an abbreviation or initial?"""
    match = _WORD_BEFORE.search(before)
    if match is None:
        return False
    word = match.group(1)
    if word in ABBREVIATIONS:
        return True
    # An initial: one capital letter (« B. COULIBALY », « J.-P. Diop »).
    last = word.rsplit("-", 1)[-1].rsplit(".", 1)[-1]
    return len(last) == 1 and last.isupper()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentences.

    Parameters
    ----------
    text : str
        One paragraph of clean text (no line breaks needed; spaces between
        sentences are left out of the spans).

    Returns
    -------
    list of (int, int)
        ``(start, end)`` offsets of each sentence in ``text``, in order,
        without overlap; only spaces are left between them.

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.sentences import split_sentences
    >>> article = ak.load_article()
    >>> p = article.paragraphs[1].text
    >>> [p[a:b][:25] for a, b in split_sentences(p)]
    ['La coopération militaire ', 'Une frontière qui s’étale', 'Le Mali et le Sénégal ont']
    """
    spans: list[tuple[int, int]] = []
    start = _skip_spaces(text, 0)
    for match in _CANDIDATE_END.finditer(text):
        end = match.end()
        after = _skip_spaces(text, end)
        if after == len(text):
            break  # the paragraph end closes the last sentence below
        if after == end:
            continue  # no space after it: « 3.5 », « M.Diop », « ?! »
        if not _starts_sentence(text[after]):
            continue  # « … ? » s’interroge X ; « Il hésite… puis »
        if match.group() == "." and _is_abbreviation_or_initial(text[start:match.start()]):
            continue  # M. Diop ; B. COULIBALY
        spans.append((start, end))
        start = after
    stop = len(text.rstrip())
    if start < stop:
        spans.append((start, stop))
    return spans


def _starts_sentence(char: str) -> bool:
    """Can a sentence start with ``char``? (capital, digit, opening mark)"""
    return char.isupper() or char.isdigit() or char in _OPENING_MARKS


def _skip_spaces(text: str, i: int) -> int:
    """Return the first offset at or after ``i`` that is not a space."""
    while i < len(text) and text[i].isspace():
        i += 1
    return i
