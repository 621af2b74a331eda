"""articlekit: read, annotate and summarise one French news article in JupyterLab.

The public API is flat: everything a lesson needs is importable from
``articlekit`` directly.  Heavy libraries (pandas, matplotlib, spaCy) are
imported only when a function needs them, so ``import articlekit`` stays fast.

>>> import articlekit as ak
>>> article = ak.load_article()
>>> article.title
'Le Mali et le Sénégal cherchent à renforcer leur coopération militaire'
"""

__version__ = "0.1.0"

# --- model & parsing (foundation) ---
from .model import Article, CleaningStep, Entity, OffsetMap, Paragraph, Sentence, Token
from .parsing import ArticleFormatError, load_article, parse_article, seed_path
from .sentences import split_sentences
from .nlp import nlp
# --- lesson 1: reading (glossary, readability, corrections) ---
from .readability import Readability, count_syllables, easy_text, hyphenate, readability
from .glossary import Glossary, GlossaryEntry, GlossaryFormatError, TermOccurrence, find_forms, load_glossary
from .reading import (Correction, CorrectionsError, KwicLine, corrected_text, corrections, kwic,
                      lemma_frequencies, quote_map, quote_spans, sentence_lengths)
# --- lesson 2: annotating (spans, quotes, agreement, exchange) ---
from .annotation import (AmbiguousTextError, AnnotationError, Annotations, Span,
                         TextNotFoundError, render, suggest_entities)
from .storage import AnnotationFileError, load_annotations, reference, save_annotations
from .exchange import (export_annotations, from_brat, from_doccano, from_label_studio,
                       import_annotations, label_studio_config, to_brat, to_doccano, to_label_studio)
from .agreement import (agreement, cohen_kappa, confusion_matrix, differences, plot_confusion,
                        span_scores)
from .quotes import Quote, extract_quotes, quotes_to_annotations, speaker_names
# --- lesson 3: summarising (summarise, count_words, rouge) ---
from .summarising import Summary, oracle, sentence_scores, summarise
from .resume import ResumeReport, check_resume, count_words, key_facts
from .evaluation import Rouge, reference_summaries, reference_summary, rouge
# --- widget ---
from .widget import annotate
# --- classroom (checks, exercises, grading) ---
from . import checks
