"""The French « résumé »: counting words as exams do, and feedback on a résumé.

In French classes (collège, lycée, BTS, concours) a *résumé* shortens a text
to about a quarter of its length, in your own words, keeping the author's
ideas and their order and the source's énonciation: it is written as the
author would write it, with no « l'auteur dit que » and no « je », « nous »
or « vous » of the learner's (« X affirme que… » about the author is the
*compte rendu*'s way, another exercise).  Two tools help:

* :func:`count_words` counts words the way exam boards do;
* :func:`check_resume` measures a résumé of the article: length, every key
  fact in the article's order and not contradicted, copying, repeated
  sentences and énonciation, with the numbers behind each piece of advice.

How exams count words
---------------------
The rule printed in many exam instructions (after the *Bulletin officiel* of
1983) is: **a word is what lies between two spaces, two typographic signs, or
a sign and a space**.  With the usual conventions around it:

==========================  =====  ===============================================
written                     words  why
==========================  =====  ===============================================
``c’est``                   2      the apostrophe separates the elided ``c’``
``aujourd’hui``             1      a single word in the dictionary (also
                                   ``quelqu’un``, ``presqu’île``, ``prud’homme``)
``a-t-il``                  2      the euphonic ``-t-`` is not a word
``20 %``                    2      a number is one word, the sign ``%`` another
``1 000``, ``24,5``, 2025   1      a number written in digits is one word
``CEDEAO``, ``O.N.U.``      1      an acronym is one word
``c’est-à-dire``            4      hyphens separate (but see ``hyphenated``)
``« ! ? , . »``             0      punctuation is not counted
==========================  =====  ===============================================

Where sources disagree the choice is an option: ``hyphenated="split"``
(default, the rule as printed: ``peut-être`` = 2) or ``"join"`` (a compound
is one word, ``peut-être`` = 1, while ``dit-il`` stays 2); proper names count
one word per word (``Sadio Camara`` = 2) unless you list them in ``names=``.

Examples
--------
>>> from articlekit.resume import count_words
>>> count_words("Aujourd’hui, c’est le 6 février : a-t-il 20 % de chances ?")
12
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from .i18n import Message, _, _n, check_language, render
from .words import APOSTROPHE_TABLE, ASCII_WORD, COPY_TOKEN, LETTERS, exam_words, fold_letter

if TYPE_CHECKING:  # pragma: no cover
    from .model import Article

__all__ = [
    "Fact",
    "FactResult",
    "ResumeReport",
    "check_resume",
    "count_words",
    "copied_run",
    "first_person",
    "key_facts",
    "meta_discourse",
    "repeated_sentence",
    "second_person",
    "words",
]

# --------------------------------------------------------------------------
# Word counting
# --------------------------------------------------------------------------
# The exam rule itself (its regex, the dictionary words with an apostrophe,
# the euphonic -t-) lives in words.py with the kit's other word rules; this
# module keeps the learner-facing names ak.count_words and ak.resume.words.


def words(text: str, *, hyphenated: str = "split", names: Iterable[str] = ()) -> list[str]:
    """Return the words of ``text`` as a French exam counts them.

    :func:`count_words` is ``len(words(...))``; this function shows *what*
    was counted, which is the best way to learn the rule.  It is
    :func:`articlekit.words.exam_words`, where the kit keeps its word rules.

    Parameters
    ----------
    text : str
        Any French text.
    hyphenated : {"split", "join"}, default "split"
        ``"split"``: a hyphen separates words, as the printed rule says
        (``peut-être`` = 2, ``c’est-à-dire`` = 4).  ``"join"``: a hyphenated
        compound is one word (``peut-être`` = 1, ``arc-en-ciel`` = 1), but
        pronouns hyphenated after a verb still count (``dit-il`` = 2,
        ``donne-le-moi`` = 3).  Sources disagree; ask your teacher.
    names : iterable of str, optional
        Proper names to count as one word each (``["Sadio Camara"]``), matched
        whatever their case.  By default every word of a name counts.

    Returns
    -------
    list of str
        The counted words; elided forms keep their apostrophe (``"c'"``),
        a euphonic ``t`` and punctuation are left out.

    Examples
    --------
    >>> words("Qu’a-t-il dit aujourd’hui ?")
    ["Qu'", 'a', 'il', 'dit', "aujourd'hui"]
    >>> words("Le Général Sadio CAMARA", names=["Sadio Camara"])
    ['Le', 'Général', 'Sadio CAMARA']
    """
    return exam_words(text, hyphenated=hyphenated, names=names)


def count_words(text: str, *, hyphenated: str = "split", names: Iterable[str] = ()) -> int:
    """Count the words of ``text`` following the French exam rules.

    A word is what lies between two spaces, two typographic signs, or a sign
    and a space, with these conventions: an elided form counts
    (``c’est`` = 2) but ``aujourd’hui`` is one word; the euphonic ``-t-`` is
    not counted (``a-t-il`` = 2); a number in digits is one word (``1 000``,
    ``24,5``, ``2025``) and a sign standing for a word is another (``20 %``
    = 2); an acronym is one word (``CEDEAO``, ``O.N.U.``); punctuation is
    not counted.

    Parameters
    ----------
    text : str
        The text to count.
    hyphenated : {"split", "join"}, default "split"
        How to count hyphenated compounds (sources disagree), see
        :func:`words`.
    names : iterable of str, optional
        Multi-word proper names to count as one word each.

    Returns
    -------
    int

    Examples
    --------
    >>> import articlekit as ak
    >>> ak.count_words("C’est aujourd’hui : a-t-il 20 % ?")
    7
    >>> ak.count_words("peut-être"), ak.count_words("peut-être", hyphenated="join")
    (2, 1)
    >>> article = ak.load_article()
    >>> ak.count_words(article.sentences[3].text)
    10
    """
    return len(words(text, hyphenated=hyphenated, names=names))


# --------------------------------------------------------------------------
# Key facts
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Fact:
    """A key fact a résumé of the article should keep.

    Attributes
    ----------
    name : str
        Short identifier (``"who-mali"``).
    question : str
        Which question it answers: ``"who"``, ``"when"``, ``"what"`` or ``"why"``.
    description : str
        The fact in plain French, for the feedback table.
    variants : tuple of str
        Regular expressions; the fact is found when *any* of them matches the
        résumé, compared in lower case without accents (``"senegal"`` finds
        « Sénégal », « sénégalais »...).
    order : int
        Its rank in the article's line of thought; a résumé keeps that order
        (facts of one rank in any order).  0 = no order asked.
    stance : str
        How a contradiction is recognised where the fact is found:
        ``"affirm"`` (must not be denied: « la visite a été annulée »),
        ``"threat"`` (must not be supported or declared gone), ``""`` (not checked).
    """

    name: str
    question: str
    description: str
    variants: tuple[str, ...]
    order: int = 0
    stance: str = ""

    def find(self, text: str) -> str | None:
        """Return the words of ``text`` that show the fact, or ``None``.

        Examples
        --------
        >>> Fact("when", "when", "le 6 février 2025", (r"\\b0?6 fevrier",)).find("Le 6 février")
        '6 février'
        """
        found = self.locate(text)
        return None if found is None else found[1]

    def locate(self, text: str) -> tuple[int, str] | None:
        """The offset and words of the first place in ``text`` that shows the fact, or ``None``.

        Examples
        --------
        >>> Fact("when", "when", "le 6 février 2025", (r"0?6 fevrier",)).locate("Jeudi 6 février")
        (6, '6 février')
        """
        folded, mapping = _fold_with_map(text)
        best: tuple[int, str] | None = None
        for variant in self.variants:
            match = re.search(variant, folded)
            if match and match.end() > match.start():
                start, end = mapping[match.start()], mapping[match.end() - 1] + 1
                while end < len(text) and text[end].isalnum():  # show whole words
                    end += 1
                if best is None or start < best[0]:
                    best = (start, text[start:end])
            elif match and best is None:  # a pattern made only of look-aheads: no single place to show
                best = (0, "")
        return best

    def occurrences(self, text: str) -> list[int]:
        """Offsets in ``text`` of every place that shows the fact (each is checked for contradiction)."""
        folded, mapping = _fold_with_map(text)
        starts = {mapping[m.start()] for v in self.variants for m in re.finditer(v, folded) if m.end() > m.start()}
        return sorted(starts)


def _fold(text: str) -> str:
    return _fold_with_map(text)[0]


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """Lower-case ``text`` without accents, apostrophes as ``'``, one space between words.

    Also returns, for each folded character, its offset in ``text`` (so a
    match in the folded text can be shown as the learner wrote it).
    """
    out: list[str] = []
    mapping: list[int] = []
    previous_space = False
    for i, char in enumerate(text):
        # Unlike glossary.fold, hyphens stay (the facts' patterns may hold
        # « sud-est ») and a run of spaces is one, so « 6  février » is found.
        if char.isspace():
            if previous_space:
                continue
            piece, previous_space = " ", True
        else:
            piece, previous_space = fold_letter(char), False
        for folded in piece:
            out.append(folded)
            mapping.append(i)
    return "".join(out), mapping


def key_facts(article: "Article") -> tuple[Fact, ...]:
    """Return the key facts (who, when, what, why) a résumé of ``article`` should keep.

    For the kit's article the facts come from the reference key shipped with
    the package (``articlekit/data/summaries/key-facts.json``), written by a
    teacher with the variants learners use.  For any other article they are
    derived from the text: the people spaCy finds (who), the date (when) and
    the content words of the title (what); there is then no "why" fact.

    Parameters
    ----------
    article : Article

    Returns
    -------
    tuple of Fact

    Examples
    --------
    >>> import articlekit as ak
    >>> [f.question for f in ak.key_facts(ak.load_article())][:3]
    ['who', 'who', 'when']
    """
    key = _reference_facts(article.title)
    if key is not None:
        return key
    return _derived_facts(article)


@lru_cache(maxsize=4)
def _reference_facts(title: str) -> tuple[Fact, ...] | None:
    import json
    from importlib.resources import files

    path = files("articlekit") / "data" / "summaries" / "key-facts.json"
    key = json.loads(path.read_text(encoding="utf-8"))
    if _fold(key["article"]["title"]) != _fold(title):
        return None
    return tuple(Fact(f["name"], f["question"], f["description"], tuple(f["variants"]),
                      int(f.get("order", 0)), f.get("stance", ""))
                 for f in key["facts"])


_MONTHS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
           "septembre", "octobre", "novembre", "decembre")


def _derived_facts(article: "Article") -> tuple[Fact, ...]:
    facts: list[Fact] = []
    people: list[str] = []
    for entity in article.entities:
        # one-word PER entities are often titles spaCy mistakes for names
        if entity.label == "PER" and len(entity.text.split()) > 1:
            surname = _fold(entity.text.split()[-1])
            if len(surname) > 2 and surname not in people:
                people.append(surname)
    for surname in people[:3]:
        facts.append(Fact(f"who-{surname}", "who", f"qui : {surname.title()}",
                          (rf"\b{re.escape(surname)}\b",)))
    if article.date is not None:
        d = article.date
        month = _MONTHS[d.month - 1]
        facts.append(Fact("when", "when", f"quand : le {d.day} {month} {d.year}", (
            rf"\b0?{d.day}(er)? {month}\b", rf"\b0?{d.day}/0?{d.month}\b", rf"\b{d.year}-0?{d.month}-0?{d.day}\b")))
    title_words = [w for w in LETTERS.findall(_fold(article.title)) if len(w) >= 5]
    if title_words:
        stems = [re.escape(w[:5]) for w in title_words[:4]]
        need = max(1, len(stems) // 2)
        # at least half of the title's content words (by their first 5 letters)
        lookaheads = [rf"(?=.*\b{s})" for s in stems]
        variants = tuple(
            "^" + "".join(combo) for combo in _combinations(lookaheads, need))
        facts.append(Fact("what", "what", f"quoi : {article.title}", variants))
    return tuple(facts)


def _combinations(items: Sequence[str], k: int) -> list[tuple[str, ...]]:
    from itertools import combinations

    return list(combinations(items, k))


# --------------------------------------------------------------------------
# Copying and énonciation
# --------------------------------------------------------------------------
def _tokens_with_spans(text: str, side: str) -> list[tuple[str, int, int]]:
    """Lower-cased words with their spans; a sentence break or quotation mark
    becomes a marker that never matches the other side, so a copied run
    stops there."""
    normal = text.translate(APOSTROPHE_TABLE)  # one character for one: the spans hold
    return [(m.group().lower() if m.group()[0].isalnum() else side, m.start(), m.end())
            for m in COPY_TOKEN.finditer(normal)]


def copied_run(text: str, source: str) -> tuple[int, str]:
    """Return the longest run of words of ``text`` copied verbatim from ``source``.

    Words are compared in lower case, ignoring punctuation and ’ versus '.

    Parameters
    ----------
    text : str
        A résumé.
    source : str
        The text it summarises (``article.text``).

    Returns
    -------
    (int, str)
        The number of words in the run and the run as written in ``text``
        (``(0, "")`` when no word is shared).

    Examples
    --------
    >>> copied_run("Ils veulent lutter contre le terrorisme ensemble.",
    ...            "afin de lutter efficacement contre le terrorisme.")
    (3, 'contre le terrorisme')
    """
    mine = _tokens_with_spans(text, "\x00mine")
    theirs = [t for t, _, _ in _tokens_with_spans(source, "\x00theirs")]
    if not mine or not theirs:
        return 0, ""
    # longest common substring of two word sequences, row by row (O(n*m) time, O(m) memory)
    best, best_end = 0, 0
    previous = [0] * (len(theirs) + 1)
    for i, (word, _, _) in enumerate(mine, start=1):
        current = [0] * (len(theirs) + 1)
        for j, other in enumerate(theirs, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best, best_end = current[j], i
        previous = current
    if best == 0:
        return 0, ""
    start = mine[best_end - best][1]
    end = mine[best_end - 1][2]
    return best, text[start:end]


_FIRST_PERSON = re.compile(
    r"(?<![\w'’])(?:(?:je|me|moi|mon|ma|mes|nous|notre|nos|nôtres?|miens?|miennes?)(?![\w'’])"
    r"|[jm]['’](?=\w))",  # elided: j’ai, m’a
    re.IGNORECASE,
)
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
_SECOND_PERSON = re.compile(
    r"(?<![\w'’])(?:tu|te|toi|ton|ta|tes|vous|votre|vos|vôtres?|tiens?|tiennes?)(?![\w'’])|(?<![\w'’])t['’](?=\w)",
    re.IGNORECASE,
)
#: « l'auteur dit que », « selon l'article », « le journaliste explique… »: the résumé speaks
#: as the article does, not about it (that is the compte rendu's way).
_META = re.compile(
    r"\b(?:selon|d'apres|pour)\s+(?:l'auteur|le journaliste|l'article|le texte|ce texte|cet article|le redacteur)\b"
    r"|\b(?:l'auteur|le journaliste|l'article|le texte|ce texte|cet article|le redacteur|le document|"
    r"cet ecrit|le reporter)\b(?:\s+\w+){0,3}?\s+(?:dit|dis|explique|affirme|rapporte|indique|evoque|montre|"
    r"presente|raconte|parle|souligne|apprend|relate|decrit|traite|informe|annonce|expose|ecrit|precise|"
    r"nous|revient|aborde|insiste|signale|mentionne|declare)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def first_person(text: str) -> tuple[str, ...]:
    """Return the first-person words of ``text`` that stand outside quotations.

    A résumé speaks as the article does, so it has no « je » or « nous » of
    its own.  Words inside « … » or "…" are the speakers' own and are not
    counted.

    Examples
    --------
    >>> first_person("Selon moi, le ministre dit « nous agirons ensemble ».")
    ('moi',)
    """
    outside = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    return tuple(m.group() for m in _FIRST_PERSON.finditer(outside))


def second_person(text: str) -> tuple[str, ...]:
    """Return the second-person words of ``text`` outside quotations (« vous », « tu »…).

    >>> second_person("Vous verrez que le ministre dit « vous êtes chez vous ».")
    ('Vous',)
    """
    outside = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    return tuple(m.group() for m in _SECOND_PERSON.finditer(outside))


def meta_discourse(text: str) -> tuple[str, ...]:
    """Return the places where ``text`` talks about the article instead of speaking as it does.

    A French exam résumé keeps the source's énonciation: it is written as the
    author would write it, with no « l'auteur dit que » or « selon l'article ».

    >>> meta_discourse("Selon l'article, le Mali et le Sénégal coopèrent.")
    ("selon l'article",)
    """
    outside = _fold(_QUOTED.sub(lambda m: " " * len(m.group()), text))
    return tuple(m.group() for m in _META.finditer(outside))


def repeated_sentence(text: str) -> str:
    """The first sentence of ``text`` that repeats an earlier one (same words, ± typography), or ``""``.

    >>> repeated_sentence("Le Mali coopère. Le Sénégal aussi. Le Mali coopère !")
    'Le Mali coopère !'
    """
    seen: list[set[str]] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        tokens = set(ASCII_WORD.findall(_fold(sentence)))
        if len(tokens) < 3:
            continue
        for earlier in seen:
            if len(tokens & earlier) / len(tokens | earlier) >= 0.8:
                return sentence
        seen.append(tokens)
    return ""


# --------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class FactResult:
    """Whether a résumé keeps one key fact, and the words that show it."""

    fact: Fact
    found: str | None
    position: int | None = None
    denied: str = ""

    @property
    def ok(self) -> bool:
        """Found, and not contradicted where it was found."""
        return self.found is not None and not self.denied


@dataclass(frozen=True)
class ResumeReport:
    """What :func:`check_resume` measured, with advice.  Print it or show it.

    Attributes
    ----------
    words : int
        Words of the résumé, counted by :func:`count_words`.
    source_words : int
        Words of the article.
    target : int
        The length asked for (a quarter of the article, or the teacher's).
    low, high : int
        The accepted range (target ± 10 %).
    facts : tuple of FactResult
        Each key fact, found or not.
    copy_length : int
        Longest run of words copied verbatim from the article.
    copy_text : str
        That run.
    max_copy : int
        The longest run still accepted.
    first_person : tuple of str
        First-person words outside quotations.
    quotations : int
        Quotations in « » or "" (a résumé rephrases instead).
    second_person : tuple of str
        Second-person words outside quotations.
    meta : tuple of str
        Places that talk about the article (« l'auteur dit que »).
    repeated : str
        A sentence that repeats an earlier one, or ``""``.
    out_of_order : tuple of str
        Two facts found in the opposite order to the article's, or ``()``.
    lang : {"en", "fr"}
        The language it is printed and shown in (``check_resume(..., lang=check.lang)``
        in a lesson: the same code speaks French in the French edition).

    Examples
    --------
    >>> import articlekit as ak
    >>> report = ak.check_resume("Le Mali et le Sénégal veulent coopérer.", ak.load_article())
    >>> report.words, report.target, report.length_ok
    (7, 176, False)
    """

    words: int
    source_words: int
    target: int
    low: int
    high: int
    facts: tuple[FactResult, ...]
    copy_length: int
    copy_text: str
    max_copy: int
    first_person: tuple[str, ...]
    quotations: int
    second_person: tuple[str, ...] = ()
    meta: tuple[str, ...] = ()
    repeated: str = ""
    out_of_order: tuple[str, ...] = ()
    lang: str = "en"

    @property
    def length_ok(self) -> bool:
        return self.low <= self.words <= self.high

    @property
    def facts_found(self) -> int:
        return sum(f.ok for f in self.facts)

    @property
    def facts_ok(self) -> bool:
        """True when every key fact is found and none is contradicted."""
        return all(f.ok for f in self.facts)

    @property
    def contradictions(self) -> tuple[FactResult, ...]:
        """Key facts the résumé states and denies (« la visite a été annulée »)."""
        return tuple(f for f in self.facts if f.found is not None and f.denied)

    @property
    def order_ok(self) -> bool:
        """True when the facts come in the article's order."""
        return not self.out_of_order

    @property
    def repeat_ok(self) -> bool:
        return not self.repeated

    @property
    def copy_ok(self) -> bool:
        return self.copy_length <= self.max_copy

    @property
    def person_ok(self) -> bool:
        """True when it speaks as the article does: no je/nous/vous, no « l'auteur dit que »."""
        return not self.first_person and not self.second_person and not self.meta

    @property
    def ok(self) -> bool:
        """True when every measurable rule holds: length, facts, order, copying, repeats, énonciation."""
        return (self.length_ok and self.facts_ok and self.order_ok and self.copy_ok and self.repeat_ok
                and self.person_ok)

    def rows(self) -> list[tuple[str, bool, str, str]]:
        """The report as rows ``(criterion, ok, measure, advice)``; the texts are translatable messages."""
        if self.words < self.low:
            length_advice = _("Too short by {n}: which idea did you leave out?", n=self.low - self.words)
        elif self.words > self.high:
            length_advice = _("Too long by {n}: merge examples into one general word, drop repetitions.",
                              n=self.words - self.high)
        else:
            length_advice = _("Within the range.")
        missing = [f.fact for f in self.facts if f.found is None]
        facts_advice = (_("Every key fact is there.") if not missing else
                        _("Missing: {facts}.", facts="; ".join(f.description for f in missing)))
        for f in self.contradictions:
            facts_advice = _("{advice} Contradicted: « {found} » is denied by « {denied} ».", advice=facts_advice,
                             found=f.found, denied=f.denied)
        copy_advice = _("Longest copied run: « {run} ». {verdict}", run=self.copy_text,
                        verdict=_("Short enough.") if self.copy_ok else
                        _("More than {n} words in a row: rephrase it in your own words.", n=self.max_copy))
        persons = self.first_person + self.second_person
        if persons:
            person_advice = _("First or second person outside a quotation ({words}): write as the article does, "
                              "in the third person.", words=", ".join(persons))
        elif self.meta:
            person_advice = _("It talks about the article ({places}): a résumé speaks as the author would, with no "
                              "« l'auteur dit que ».", places=", ".join(f"« {m} »" for m in self.meta))
        else:
            person_advice = _("Speaks as the article does, in the third person.")
        if self.quotations:
            person_advice = _n("{advice} {n} quotation: a résumé usually rephrases instead.",
                               "{advice} {n} quotations: a résumé usually rephrases instead.", self.quotations,
                               advice=person_advice)
        return [
            (_("length"), self.length_ok,
             _("{words} words; aim {target} ({low}–{high}) for an article of {source}", words=self.words,
               target=self.target, low=self.low, high=self.high, source=self.source_words), length_advice),
            (_("key facts"), self.facts_ok, _("{found} of {total} found", found=self.facts_found,
                                              total=len(self.facts)), facts_advice),
            (_("order"), self.order_ok,
             _("as in the article") if self.order_ok else
             _("{first} before {second}", first=self.out_of_order[0], second=self.out_of_order[1]),
             _("The facts follow the article's line of thought.") if self.order_ok else
             _("These come in the opposite order to the article's: keep the author's order.")),
            (_("copying"), self.copy_ok, _("{n} words in a row", n=self.copy_length), copy_advice),
            (_("repeats"), self.repeat_ok,
             _("no sentence repeated") if self.repeat_ok else _("a sentence repeated"),
             _("Each sentence says something new.") if self.repeat_ok else
             _("« {sentence} » repeats an earlier sentence: say each idea once.", sentence=self.repeated)),
            (_("énonciation"), self.person_ok,
             _("{persons} first/second-person word(s), {meta} « l'auteur dit »",
               persons=len(self.first_person) + len(self.second_person), meta=len(self.meta)), person_advice),
        ]

    def to_frame(self):
        """The report as a small pandas table (one row a criterion)."""
        import pandas as pd

        return pd.DataFrame(self.rows(), columns=["criterion", "ok", "measure", "advice"])

    def message(self) -> Message:
        """The report as plain text, a message that renders in every language of the kit.

        ``str(report)`` is its English text; the grader gives it to the
        teacher's feedback page in the submission's language.
        """
        lines = [_("Résumé check: {verdict}", verdict=_("all good") if self.ok else _("some things to improve"))]
        for criterion, ok, measure, advice in self.rows():
            lines.append(_("{mark} {criterion} {measure}", mark="✓" if ok else "✗",
                           criterion=_Padded(criterion, 12), measure=measure))
            lines.append(_("  {indent} {advice}", indent=" " * 12, advice=advice))
        lines.append(_("Key facts:"))
        for f in self.facts:
            shown = _(" — « {found} »", found=f.found) if f.found else ""
            lines.append(_("  {mark} {question} {description}{shown}", mark="✓" if f.ok else "✗",
                           question=f"{f.fact.question:<5}", description=f.fact.description, shown=shown))
        return _Lines(lines)

    def __str__(self) -> str:
        return render(self.message(), self.lang)

    def _repr_html_(self) -> str:
        esc, lang = html.escape, self.lang

        def say(message) -> str:
            return esc(render(message, lang))

        head = say(_("all good ✓") if self.ok else _("some things to improve"))
        title, criterion, measure, advice, key = (say(_("Résumé check:")), say(_("criterion")), say(_("measure")),
                                                  say(_("advice")), say(_("Key facts:")))
        cells = "".join(
            f"<tr><td>{'✓' if ok else '✗'}</td><td>{say(c)}</td><td>{say(m)}</td>"
            f"<td style='text-align:left'>{say(a)}</td></tr>"
            for c, ok, m, a in self.rows())
        facts = "".join(
            f"<li>{'✓' if f.ok else '✗'} <b>{say(f.fact.question)}</b> {say(f.fact.description)}"
            + (f" — « {esc(f.found)} »" if f.found else "") + "</li>"
            for f in self.facts)
        return (f"<div><p><b>{title}</b> {head}</p>"
                f"<table><thead><tr><th></th><th>{criterion}</th><th>{measure}</th>"
                f"<th style='text-align:left'>{advice}</th></tr></thead><tbody>{cells}</tbody></table>"
                f"<p>{key}</p><ul style='list-style:none'>{facts}</ul></div>")

    def __repr__(self) -> str:
        return (f"ResumeReport(words={self.words}, target={self.target}, facts={self.facts_found}/"
                f"{len(self.facts)}, copy={self.copy_length}, first_person={len(self.first_person)}, "
                f"ok={self.ok})")


class _Padded(Message):
    """A message padded to a width after it is rendered (the report's first column)."""

    def __new__(cls, message: Message, width: int) -> "_Padded":
        self = str.__new__(cls, f"{message:<{width}}")
        self.msgid, self.plural, self.n, self.params = str(message), None, None, ()
        self._message, self._width = message, width
        return self

    def render(self, lang: str = "en") -> str:
        return f"{render(self._message, lang):<{self._width}}"

    def __reduce__(self):
        return (_Padded, (self._message, self._width))


class _Lines(Message):
    """Several messages, one a line: each renders in the language asked."""

    def __new__(cls, lines) -> "_Lines":
        lines = tuple(lines)
        self = str.__new__(cls, "\n".join(str(line) for line in lines))
        self.msgid, self.plural, self.n, self.params = str(self), None, None, ()
        self._lines = lines
        return self

    def render(self, lang: str = "en") -> str:
        return "\n".join(render(line, lang) for line in self._lines)

    def __reduce__(self):
        return (_Lines, (self._lines,))


def check_resume(text: str, article: "Article | None" = None, *, target: int | None = None,
                 tolerance: float = 0.10, max_copy: int = 6, hyphenated: str = "split",
                 lang: str = "en") -> ResumeReport:
    """Measure a résumé of the article and give advice with the numbers behind it.

    Four things are measured, as a teacher marking a résumé would:

    * **length**: words counted by :func:`count_words`, against a quarter of
      the article's words (or ``target``), within ± 10 %;
    * **key facts**: who, when, what and why, from :func:`key_facts`
      (variants accepted: « Sénégal » or « sénégalais », « 6 février » or « 06/02 »…);
    * **copying**: the longest run of words taken verbatim from the article;
    * **énonciation**: no first person (« je », « nous »…) outside quotations.

    Parameters
    ----------
    text : str
        Your résumé.
    article : Article, optional
        The article summarised (default: the kit's article).
    target : int, optional
        The number of words asked for; default a quarter of the article.
    tolerance : float, default 0.10
        Accepted distance from ``target``, as a fraction (± 10 %).
    max_copy : int, default 6
        Longest run of words copied from the article still accepted.
    hyphenated : {"split", "join"}, default "split"
        How hyphenated compounds are counted, see :func:`count_words`.
    lang : {"en", "fr"}, default "en"
        The language of the printed and shown report; a lesson passes ``check.lang``.

    Returns
    -------
    ResumeReport
        Shows as a table in a notebook; ``print`` it for plain text;
        ``report.ok`` is True when everything is fine.

    Examples
    --------
    >>> import articlekit as ak
    >>> report = ak.check_resume("Le Mali et le Sénégal coopèrent.")
    >>> report.length_ok, report.person_ok
    (False, True)
    """
    if not isinstance(text, str):
        raise TypeError(f"a résumé is a string, not a {type(text).__name__}")
    if article is None:
        from .parsing import load_article

        article = load_article()
    source_words = count_words(article.text, hyphenated=hyphenated)
    if target is None:
        target = round(source_words / 4)
    if isinstance(target, bool) or not isinstance(target, int) or target <= 0:
        raise ValueError(f"target must be a positive number of words, not {target!r}")
    low, high = round(target * (1 - tolerance)), round(target * (1 + tolerance))
    facts = _judge_facts(text, key_facts(article))
    copy_length, copy_text = copied_run(text, article.text)
    return ResumeReport(
        lang=check_language(lang),
        words=count_words(text, hyphenated=hyphenated),
        source_words=source_words,
        target=target,
        low=low,
        high=high,
        facts=facts,
        copy_length=copy_length,
        copy_text=copy_text,
        max_copy=max_copy,
        first_person=first_person(text),
        quotations=len(_QUOTED.findall(text)),
        second_person=second_person(text),
        meta=meta_discourse(text),
        repeated=repeated_sentence(text),
        out_of_order=_out_of_order(text, facts),
    )


def _judge_facts(text: str, facts: Sequence[Fact]) -> tuple[FactResult, ...]:
    located = [(f, f.locate(text)) for f in facts]
    results: list[FactResult] = []
    for kind in ("affirm", "threat"):
        where = [(f, loc, f.occurrences(text)) for f, loc in located
                 if f.stance == kind and loc is not None and loc[1]]
        if not where:
            continue
        from .checks.meaning import affirmed_at

        # every place the fact is stated is judged: a later denial is a contradiction too
        verdicts = iter(affirmed_at(text, [o for _, _, offsets in where for o in offsets], kind))
        for f, loc, offsets in where:
            denials = [why for affirmed, why in (next(verdicts) for _ in offsets) if not affirmed]
            results.append(FactResult(f, loc[1], loc[0], denials[0] if denials else ""))
    judged = {r.fact.name for r in results}
    for f, loc in located:
        if f.name not in judged:
            results.append(FactResult(f, None if loc is None else loc[1], None if loc is None else loc[0]))
    order = {f.name: i for i, f in enumerate(facts)}
    return tuple(sorted(results, key=lambda r: order[r.fact.name]))


def _out_of_order(text: str, facts: Sequence[FactResult]) -> tuple[str, ...]:
    # compare sentences, not characters: facts of one sentence may come in any order
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    sentence = lambda offset: sum(1 for e in ends if e <= offset)  # noqa: E731
    placed = [(f.fact.order, sentence(f.position), f) for f in facts
              if f.fact.order and f.position is not None and f.found]
    for order_a, sent_a, a in placed:
        for order_b, sent_b, b in placed:
            if order_a < order_b and sent_a > sent_b:
                return (b.found or b.fact.name, a.found or a.fact.name)
    return ()
