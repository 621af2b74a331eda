"""articlekit: read, annotate and summarise one French news article in JupyterLab.

The public API is flat: everything a lesson needs is importable from
``articlekit`` directly.  ``import articlekit`` loads none of the kit's
modules: each name is imported from its module the first time it is used
(PEP 562), and heavy libraries (pandas, matplotlib, spaCy) only when a
function needs them, so ``import articlekit`` stays fast.

>>> import articlekit as ak
>>> article = ak.load_article()
>>> article.title
'Le Mali et le Sénégal cherchent à renforcer leur coopération militaire'
"""

import sys as _sys
from importlib import import_module as _import_module
from types import MappingProxyType as _MappingProxyType, ModuleType as _ModuleType

__version__ = "0.1.0"

#: Where each public name lives: submodule -> the names ``articlekit`` takes from it.
#: A name is imported from its submodule on first use (see ``__getattr__``).
_EXPORTS = _MappingProxyType({
    # --- model & parsing (foundation) ---
    "model": ("Article", "CleaningStep", "Entity", "OffsetMap", "Paragraph", "Sentence", "Token"),
    "parsing": ("ArticleFormatError", "load_article", "parse_article", "seed_path"),
    "webpage": ("import_page",),
    "sentences": ("split_sentences",),
    "nlp": ("nlp",),
    # --- lesson 1: reading (glossary, readability, corrections) ---
    "readability": ("Readability", "count_syllables", "easy_text", "hyphenate", "readability"),
    "glossary": ("Glossary", "GlossaryEntry", "GlossaryFormatError", "TermOccurrence", "find_forms",
                 "load_glossary"),
    "reading": ("Correction", "CorrectionsError", "KwicLine", "corrected_text", "corrections", "kwic",
                "lemma_frequencies", "quote_map", "quote_spans", "sentence_lengths"),
    # --- lesson 2: annotating (spans, quotes, agreement, exchange) ---
    "annotation": ("AmbiguousTextError", "AnnotationError", "Annotations", "Span", "TextNotFoundError",
                   "render", "suggest_entities"),
    "storage": ("AnnotationFileError", "exercise_article", "load_annotations", "reference", "sample_key",
                "save_annotations"),
    "exchange": ("export_annotations", "from_brat", "from_doccano", "from_label_studio",
                 "import_annotations", "label_studio_config", "to_brat", "to_doccano", "to_label_studio"),
    "agreement": ("agreement", "cohen_kappa", "confusion_matrix", "differences", "plot_confusion",
                  "span_scores"),
    "quotes": ("Quote", "extract_quotes", "quotes_to_annotations", "speaker_names"),
    "vocabulary": ("Blank", "GapFill", "Matching", "answer_form", "gap_fill", "matching"),
    "reported": ("Quotation", "report_indirect", "reported_speech", "verb_lemma"),
    # --- lesson 3: summarising (summarise, count_words, rouge) ---
    "summarising": ("Summary", "oracle", "sentence_scores", "summarise"),
    "resume": ("ResumeReport", "check_resume", "count_words", "key_facts"),
    "evaluation": ("Rouge", "reference_summaries", "reference_summary", "rouge"),
    # --- lesson 4: reading critically ---
    "critical": ("ContextFact", "ReferenceFigure", "context_facts", "lesson_actors", "reference_figure", "voice_at"),
    # --- figures and languages ---
    "figures": ("PALETTE", "colours", "show_figure"),
    # --- widget ---
    "widget": ("annotate",),
})
#: Subpackages that are public attributes of ``articlekit`` (``ak.checks``).
_SUBPACKAGES = ("checks",)
#: Public name -> the submodule it comes from.
_ORIGIN = _MappingProxyType({name: module for module, names in _EXPORTS.items() for name in names})

__all__ = tuple(_ORIGIN) + _SUBPACKAGES

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing; type checkers read the name
if TYPE_CHECKING:  # the same names, for type checkers and static completion (kept equal by the tests)
    from . import checks
    from .agreement import (agreement, cohen_kappa, confusion_matrix, differences, plot_confusion,
                            span_scores)
    from .annotation import (AmbiguousTextError, AnnotationError, Annotations, Span,
                             TextNotFoundError, render, suggest_entities)
    from .evaluation import Rouge, reference_summaries, reference_summary, rouge
    from .critical import (ContextFact, ReferenceFigure, context_facts, lesson_actors, reference_figure,
                           voice_at)
    from .figures import PALETTE, colours, show_figure
    from .reported import Quotation, report_indirect, reported_speech, verb_lemma
    from .vocabulary import Blank, GapFill, Matching, answer_form, gap_fill, matching
    from .exchange import (export_annotations, from_brat, from_doccano, from_label_studio,
                           import_annotations, label_studio_config, to_brat, to_doccano, to_label_studio)
    from .glossary import (Glossary, GlossaryEntry, GlossaryFormatError, TermOccurrence, find_forms,
                           load_glossary)
    from .model import Article, CleaningStep, Entity, OffsetMap, Paragraph, Sentence, Token
    from .nlp import nlp
    from .parsing import ArticleFormatError, load_article, parse_article, seed_path
    from .quotes import Quote, extract_quotes, quotes_to_annotations, speaker_names
    from .readability import Readability, count_syllables, easy_text, hyphenate, readability
    from .reading import (Correction, CorrectionsError, KwicLine, corrected_text, corrections, kwic,
                          lemma_frequencies, quote_map, quote_spans, sentence_lengths)
    from .resume import ResumeReport, check_resume, count_words, key_facts
    from .sentences import split_sentences
    from .storage import (AnnotationFileError, exercise_article, load_annotations, reference, sample_key,
                          save_annotations)
    from .summarising import Summary, oracle, sentence_scores, summarise
    from .webpage import import_page
    from .widget import annotate
del TYPE_CHECKING


def __getattr__(name: str):
    """Import a public name (or a public submodule) of ``articlekit`` on first use.

    The value is then bound in this module's namespace, as an eager
    ``from .module import name`` would have, so later uses are plain look-ups.
    """
    origin = _ORIGIN.get(name)
    if origin is not None:
        value = getattr(_import_module(f"{__name__}.{origin}"), name)
    elif not name.startswith("_"):  # ak.checks, ak.parsing, ak.classroom ...
        try:
            value = _import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise  # the submodule exists but needs a library that is missing
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    """Everything public, loaded or not: ``dir(ak)``, tab completion and ``help(ak)``.

    The names of ``__all__`` and the submodules they come from (``ak.parsing``).
    """
    return sorted(set(globals()) | set(__all__) | set(_EXPORTS))


class _Package(_ModuleType):
    """``articlekit``'s module type: a public function keeps its name over its own submodule.

    Once a submodule is loaded the import system binds it on the package
    (``articlekit.nlp = <module articlekit.nlp>``).  Three public functions bear
    the name of the module that defines them (``nlp``, ``readability``,
    ``agreement``): for those the function is bound instead, as the eager
    ``from .nlp import nlp`` did, so ``ak.nlp`` is the function whichever
    module was loaded first.
    """

    def __setattr__(self, name, value):
        if (isinstance(value, _ModuleType) and _ORIGIN.get(name) == name
                and value.__name__ == f"{self.__name__}.{name}"):
            value = getattr(value, name)
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
