"""Find the quotations of a French article, and who says them.

Journalists mark what people said in a few regular ways, and each way
leaves a *cue* that a rule can read:

================  ========================================================  ===========
cue               example                                                   kind
================  ========================================================  ===========
``colon``         Le ministre explique : « Nous devons coopérer. »          direct
``after``         « Nous devons coopérer », a dit le ministre.              direct
``pour``          Pour Awa Ndiaye, « la réforme est urgente ».              direct
``inside``        « Nous sommes prêts, a-t-il dit. Nous partons. »          direct
``continuation``  « … » alone in a paragraph, after someone's quotation     direct
``context``       Le ministre a salué « un pas historique ».                partial
``motto``         Leur devise : « Un Peuple, Un But, Une foi »              motto
``incise``        Mais, poursuit le ministre, les deux pays doivent…        indirect
``que``           Le ministre a déclaré que les deux pays doivent…          indirect
``selon``         Selon le ministre, les deux pays doivent…                 indirect
================  ========================================================  ===========

- **direct**: someone's own words, a whole statement, in quotation marks;
- **partial**: a fragment in quotation marks inside the writer's own sentence;
- **motto**: a slogan or motto that nobody in particular says;
- **indirect**: reported speech without quotation marks (harder: the rules
  only catch a verb of saying in an incise, ``que``-clauses and *selon*).

**Quotation marks.**  French guillemets « … », English quotes “ … ”, single
quotes ‘ … ’ (or doubled ‘‘ … ’’) and straight quotes " … " are all read,
nested or not: the outermost pair is the quotation, a pair inside it is part
of its words (« Il nous a dit : “Vos primes seront payées.” »).  A ’ is a
closing quote only while a ‘ is open (otherwise it is an apostrophe, as in
*aujourd’hui*).  A quotation left open at the end of a paragraph goes on
when the next paragraph opens again (the French way of quoting a long
speech): each paragraph's part is a quotation.  The offsets always hold the
quoted words: ``text[q.start:q.end] == q.text``.

**Speakers** are resolved by :mod:`articlekit.speakers` to **one canonical
name** (« Sadio CAMARA » = « Sadio Camara »): a role such as « le Ministre
nigérien des Finances » or a pronoun (« a-t-il », « a t-il », « dit-il »)
points back to the person named earlier.  A speaker is a person or a group
of people (« la partie malienne »), never a place, a country or an
organisation; when the rules are not sure the speaker is ``None`` and
:attr:`Quote.speaker_reason` says why.

These are rules, not understanding: they are meant to be read, tested and
argued with.  Lesson 2 compares them with a careful human reading;
``benchmarks/bench_extraction.py`` measures them on the seed and on a set of
test articles.

Examples
--------
>>> import articlekit as ak
>>> text = "Pour Awa Ndiaye, « la réforme est urgente ». « Il faut aller vite », a-t-elle ajouté."
>>> [(q.text, q.kind, q.speaker) for q in ak.extract_quotes(text)]
[('la réforme est urgente', 'direct', 'Awa Ndiaye'), ('Il faut aller vite', 'direct', 'Awa Ndiaye')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from .annotation import Annotations, Span, _paragraph_sentences
from .speakers import NATIONALITIES, NOT_NAMES, Resolution, Speakers  # noqa: F401  (kept importable here)

__all__ = ["KINDS", "Quote", "extract_quotes", "quotes_to_annotations", "speaker_names"]

#: The kinds of quotation, as in :attr:`Quote.kind`.
KINDS = ("direct", "partial", "motto", "indirect")

_BASE_VERBS = (
    "dit", "déclare", "déclaré", "explique", "expliqué", "souligne", "souligné", "poursuit",
    "poursuivi", "ajoute", "ajouté", "affirme", "affirmé", "estime", "estimé", "indique",
    "indiqué", "précise", "précisé", "rappelle", "rappelé", "insiste", "insisté", "assure",
    "assuré", "martèle", "martelé", "lance", "lancé", "confie", "confié", "annonce", "annoncé",
    "reconnaît", "reconnait", "reconnu", "interroge", "interrogé", "demande", "demandé",
    "répond", "répondu", "conclut", "conclu", "note", "noté", "observe", "observé", "relève",
    "relevé", "déplore", "déploré", "regrette", "regretté", "exclame", "exclamé", "raconte",
    "raconté", "commente", "commenté", "tranche", "tranché", "prévient", "prévenu", "avertit",
    "averti", "promet", "promis", "plaide", "plaidé", "répète", "répété", "résume", "résumé",
    "témoigne", "témoigné", "confirme", "confirmé", "dénonce", "dénoncé", "juge", "jugé",
    "lâche", "lâché", "glisse", "glissé", "souffle", "soufflé", "ironise", "ironisé", "insurge",
    "insurgé", "étonne", "étonné", "inquiète", "inquiété", "reprend", "repris", "enchaîne",
    "enchaîné", "renchérit", "renchéri", "nuance", "nuancé", "admet", "admis", "concède", "concédé",
    "détaille", "détaillé", "rétorque", "rétorqué", "réplique", "répliqué", "assène", "asséné",
    "souhaite", "souhaité", "prévient", "argue", "argué", "explicite", "expliquera",
    # added for issue 13
    "soutient", "soutenu", "réagit", "réagi", "rassure", "rassuré", "clame", "clamé", "signale",
    "signalé", "développe", "développé", "justifie", "justifié", "exhorte", "exhorté", "recommande",
    "recommandé", "exige", "exigé", "dixit", "laisse entendre", "laissé entendre", "fait savoir",
    "fait remarquer", "fait observer", "met en garde", "mis en garde", "réjouit", "réjoui", "félicite",
    "félicité", "indigne", "indigné", "offusque", "offusqué", "emporte", "emporté", "proteste", "protesté",
    "s’exclame", "tempête", "tempêté", "fulmine", "fulminé", "précisera", "ajoutera", "dira",
)
_PLURALS = MappingProxyType({"dit": "disent", "reconnaît": "reconnaissent", "reconnait": "reconnaissent", "conclut": "concluent",
            "répond": "répondent", "prévient": "préviennent", "promet": "promettent", "admet": "admettent",
            "reprend": "reprennent", "soutient": "soutiennent", "avertit": "avertissent",
            "renchérit": "renchérissent", "poursuit": "poursuivent", "réagit": "réagissent"})


def _forms(verbs: tuple[str, ...]) -> tuple[str, ...]:
    """Each verb with its plural (« confient ») and its agreed participles (« interrogée »)."""
    out: list[str] = []
    for verb in verbs:
        out.append(verb)
        first, _, rest = verb.partition(" ")
        rest = " " + rest if rest else ""
        if first in _PLURALS:
            out.append(_PLURALS[first] + rest)
        elif first.endswith("e") and not first.endswith("é"):
            out.append(first + "nt" + rest)
        if first.endswith(("é", "i", "u")):
            out.extend(first + end + rest for end in ("e", "s", "es"))
        elif first.endswith("is") and first not in ("dit",):
            out.extend(first + end + rest for end in ("e", "es"))
    return tuple(dict.fromkeys(out))


#: Verbs of saying, in the forms journalists use (present, past participle).
SAYING_VERBS = _forms(_BASE_VERBS)

_CLITIC = r"(?:[-\s]t-|-)(?:il|elle|ils|elles|on)(?![\w’'])"
_VERB = (r"(?:s[’']\s?|se\s+)?(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+")
                                             for v in sorted(SAYING_VERBS, key=len, reverse=True)) + r")"
         rf"(?:{_CLITIC})?(?![\w-])")
_ADVERBS = (r"(?:(?:toutefois|également|aussi|ensuite|encore|alors|enfin|notamment|déjà|bien|même|pourtant|"
            r"cependant|néanmoins|vivement|clairement|simplement|plutôt|longuement|d[’']abord|d[’']ailleurs|"
            r"par\s+ailleurs|pour\s+sa\s+part|de\s+son\s+côté)\s+){0,2}")
_AUX = (r"(?:(?:leur|lui|nous|vous|me|m[’']|l[’']|les|le|la|en|y)\s*)?"
        r"(?:(?:a|avait|aurait|ont|avaient|auraient|s[’']est|se\s+sont|s[’']était|est|sont)"
        rf"(?:{_CLITIC})?\s+{_ADVERBS})?")
_CONNECTIVE = re.compile(r"(?:Mais|Et|Or|Donc|Puis|Ainsi|Enfin|Car|Pourtant|Cependant)\s*,?\s+")
_INVERTED = re.compile(_CLITIC)


@dataclass(frozen=True)
class Quote:
    """A quotation found in the text.

    Attributes
    ----------
    start, end : int
        Offsets of the quoted words in the text (inside the quotation marks,
        without the spaces next to them).
    text : str
        The quoted words, ``text[start:end]``.
    kind : str
        ``"direct"``, ``"partial"``, ``"motto"`` or ``"indirect"``.
    speaker : str or None
        One canonical name for who says it, or the words of a group of
        people (« la partie malienne »); ``None`` for a motto, or when the
        rules cannot tell (see ``speaker_reason``).  Never a place, a country
        or an organisation.
    cue : str
        Which cue decided: ``"colon"``, ``"after"``, ``"pour"``, ``"inside"``,
        ``"context"``, ``"continuation"``, ``"motto"``, ``"incise"``,
        ``"que"`` or ``"selon"``.
    mention : tuple of int or None
        ``(start, end)`` of the words naming the speaker near the quote
        (« le Ministre Sénégalais »), or ``None`` (pronoun, no speaker).
    speaker_reason : str or None
        How the speaker was found (``"named"``, « role « le ministre » →
        Awa Ndiaye », « « a-t-il » → Amadou Sow »…), or why there is none
        (« an organisation, not a person: « le ministère » », « role « le
        ministre » fits Amadou Sow or Moussa Keita »…).

    Examples
    --------
    >>> import articlekit as ak
    >>> q = ak.extract_quotes("Le ministre Amadou Sow explique : « Nous avançons. »")[0]
    >>> q.text, q.kind, q.speaker, q.cue
    ('Nous avançons.', 'direct', 'Amadou Sow', 'colon')
    >>> ak.extract_quotes("« Tout va bien », indique le ministère.")[0].speaker_reason
    'an organisation, not a person: « le ministère »'
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    cue: str = "context"
    mention: tuple[int, int] | None = None
    speaker_reason: str | None = None


# ---------------------------------------------------------------------- #
# Quotation marks
# ---------------------------------------------------------------------- #
@dataclass(frozen=True)
class _Pair:
    """One outermost quotation: the words between its marks."""

    start: int            # first offset inside the marks
    end: int              # offset of the closing mark (or of the paragraph end)
    opened: int           # offset of the opening mark (start of the paragraph if it was resumed)
    closed: int           # offset of the closing mark (end of the paragraph if it goes on)
    goes_on: bool = False  # left open: the next paragraph goes on with it
    resumed: bool = False  # no opening mark: it goes on from the previous paragraph


_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")


def _paragraph_marks(text: str, a: int, b: int) -> tuple[list[tuple[int, int, int, int]], list[tuple[str, int, int]],
                                                          list[tuple[str, int, int]]]:
    """Scan one paragraph: its closed outermost pairs (open, len, close, len),
    what is left open (kind, offset, length) and the closers with no opener."""
    pairs, stack, orphans = [], [], []
    i = a
    while i < b:
        ch, two = text[i], text[i:i + 2]
        prev = text[i - 1] if i > a else " "
        after = text[i + 1] if i + 1 < b else " "
        kind, size, role = None, 1, None
        if two == "‘‘":
            kind, size, role = "‘‘", 2, "open"
        elif two == "’’" and any(k == "‘‘" for k, _, _ in stack):
            kind, size, role = "‘‘", 2, "close"
        elif ch in "«“":
            kind, role = ch, "open"
        elif ch in "»”":
            kind, role = "«" if ch == "»" else "“", "close"
        elif ch == "‘" and not (prev.isalpha() and after.isalpha()):
            kind, role = "‘", "open"
        elif ch == "’" and any(k == "‘" for k, _, _ in stack) and not after.isalpha():
            kind, role = "‘", "close"
        elif ch == '"':
            open_like = (prev.isspace() or prev in "([«“‘—–-:/") and not after.isspace()
            inside = any(k == '"' for k, _, _ in stack)
            kind = '"'
            role = "close" if inside and (not prev.isspace() or not open_like) else "open"
        if role == "open":
            stack.append((kind, i, size))
        elif role == "close":
            if any(k == kind for k, _, _ in stack):
                while stack:
                    k, at, n = stack.pop()
                    if k == kind:
                        break
                if not stack:
                    pairs.append((at, n, i, size))
            elif not stack:
                orphans.append((kind, i, size))
        i += size
    return pairs, stack, orphans


def _pairs(text: str) -> list[_Pair]:
    """Every outermost quotation of the text, paragraph by paragraph."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    scans = [_paragraph_marks(text, a, b) for a, b in paragraphs]
    out: list[_Pair] = []
    open_from: str | None = None  # the kind of quotation the previous paragraph left open
    for k, ((a, b), (closed, left, orphans)) in enumerate(zip(paragraphs, scans)):
        resumed_end = None
        if open_from is not None:
            first = [o for o in orphans if o[0] == open_from]
            if first and not any(at < first[0][1] for _, at, _, _ in closed):
                resumed_end = first[0][1]
                out.append(_Pair(a, resumed_end, a, resumed_end, resumed=True))
        for at, n, close, _ in closed:
            if resumed_end is not None and at < resumed_end:
                continue
            out.append(_Pair(at + n, close, at, close))
        open_from = None
        if left:
            kind, at, n = left[0]
            nxt = scans[k + 1] if k + 1 < len(paragraphs) else None
            if nxt is not None and kind in ("«", "“", '"', "‘‘"):
                na, nb = paragraphs[k + 1]
                starts_again = text[na:na + len(kind)] == kind
                closes_later = any(o[0] == kind for o in nxt[2])
                if starts_again or closes_later:
                    out.append(_Pair(at + n, b, at, b, goes_on=True))
                    open_from = kind
    return sorted(out, key=lambda p: p.start)


# ---------------------------------------------------------------------- #
# Cues around a quotation
# ---------------------------------------------------------------------- #
_MOTTO = re.compile(r"\b(?:devise|slogan|mot\s+d[’']ordre|maxime|leitmotiv|adage|proverbe|formule|hymne)\b",
                    re.IGNORECASE)
_UP = "A-ZÀ-ÖØ-Þ"
# « Pour X, « … » »: X starts with a name, a title or a determiner (« Pour renforcer… » is a purpose)
_ACCORDING = r"(?:Pour|Selon|D[’']après|À\s+en\s+croire|A\s+en\s+croire|De\s+l[’']avis\s+d(?:e\s+|u\s+|es\s+|[’'])|Aux\s+dires\s+d(?:e\s+|u\s+|es\s+|[’']))"
_POUR = re.compile(rf"(?:^|[.;]\s+){_ACCORDING}\s*"
                   rf"(?P<np>(?:[{_UP}]|(?:le|la|l[’']|les|son|sa|leur|ce|cette|lui|elle|eux|elles)\b)[^«»“”\":;]*?)"
                   r"\s*,?\s*$")
_TAIL = re.compile(r"^\s*[,.!?…]?\s*[-–—]?\s*" + _AUX + _VERB)
_TAIL_INVERTED = re.compile(r"^\s*[,.!?…]?\s*[-–—]?\s*(?:(?:leur|lui|nous|vous|me|m[’']|l[’']|les|le|la|en|y)\s*)?"
                            r"(?:s[’']\s?|se\s+)?(?:(?:a|avait|aurait|ont|avaient|est|sont)" + _CLITIC
                            + r"\s+[\wàâçéèêëîïôûùüÿœ’'-]+|[\wàâçéèêëîïôûùüÿœ’']+" + _CLITIC + ")")
# « Et d’ajouter : », « Avant de conclure : »: the speaker goes on
_NARRATIVE = re.compile(r"^\s*(?:Et|Avant|Puis|Et\s+puis)\s+d(?:e\s+|[’'])\s*(?:(?:lui|leur|nous|vous)\s+)?"
                        r"(?:ajouter|poursuivre|conclure|préciser|expliquer|souligner|insister|renchérir|lancer|"
                        r"marteler|rappeler|indiquer|affirmer|déclarer|relever|noter|faire\s+savoir|"
                        r"s[’']interroger|se\s+demander|avertir|prévenir|nuancer|confier|reconnaître|résumer)\b",
                        re.IGNORECASE)
_SAID_IN_LEAD = re.compile(r"(?<![\w-])" + _AUX + _VERB)
# « …, a-t-il poursuivi. Nous… »: a speaker clause inside the marks
_INSIDE = re.compile(r",\s*" + _AUX + _VERB + r"(?P<np>[^,.;:!?«»“”\"]*)[,.;]\s")


def _sentence_of(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for a, b in sentences:
        if a <= offset < b:
            return a, b
    return offset, offset


def _strip_inside(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _colon_end(lead: str) -> bool:
    """Does the lead-in end with a colon (« explique : », « Il ajoute :. »)?"""
    return re.search(r":\s*[.,]?\s*$", lead) is not None


# ---------------------------------------------------------------------- #
# Reported speech without quotation marks
# ---------------------------------------------------------------------- #
_INCISE_FIRST = re.compile(r"^(?P<conn>" + _CONNECTIVE.pattern + r")?" + _AUX + _VERB
                           + r"\s+(?P<np>[^,]+),\s*(?P<content>.+?)\s*[.!?…]*$", re.DOTALL)
_INCISE_LAST = re.compile(r",\s*" + _AUX + _VERB + r"(?P<np>[^,]*?)\s*[.!?…]*$", re.DOTALL)
_QUE = re.compile(r"^(?P<subject>[^;«»“”\"]*?)\s+" + _AUX + _VERB
                  + r"(?:\s+[\w’']+)?\s+qu(?:e\s+|[’'])(?P<content>.+?)\s*[.!?…]*$", re.DOTALL)
_SELON = re.compile(r"^(?:Selon|D[’']après|À\s+en\s+croire|A\s+en\s+croire|De\s+l[’']avis\s+d(?:e\s+|u\s+|es\s+|[’'])|"
                    r"Aux\s+dires\s+d(?:e\s+|u\s+|es\s+|[’']))\s*(?!laquelle|lequel|lesquel|nos\s+informations|"
                    r"nos\s+sources|certaines\s+sources|des\s+sources)(?P<np>[^,]+),\s*(?P<content>.+?)\s*[.!?…]*$",
                    re.DOTALL)


# Sentence ends the kit's splitter does not see yet: a closing ’ or " after the
# final punctuation (« … marquer !" Les Lions… »), a sentence opening with ‘.
_MISSED_END = re.compile(r"[.!?…]+[\"’](?=\s+[A-ZÀ-Þ«“‘\"])|[.!?…]+(?=\s+‘)")


def _refine(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut the sentences at the ends :func:`~articlekit.sentences.split_sentences` misses
    around ‘ ’ and straight quotes (for finding cues only; ``article.sentences`` is unchanged)."""
    from .sentences import _is_abbreviation_or_initial

    out = []
    for a, b in sentences:
        start = a
        for m in _MISSED_END.finditer(text, a, b):
            if m.group() == "." and _is_abbreviation_or_initial(text[start:m.start()]):
                continue
            out.append((start, m.end()))
            start = m.end()
            while start < b and text[start].isspace():
                start += 1
        out.append((start, b))
    return out


class _Extractor:
    """One pass over a text: quotations in order, each resolved with what came before."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], doc: Any) -> None:
        self.text = text
        sentences = _refine(text, sentences)
        self.sentences = sentences
        self.people = Speakers(text, sentences, doc)
        self.pairs = _pairs(text)
        self.people.quoted([(p.start, p.end) for p in self.pairs])
        self.last: Resolution | None = None
        self.last_end = -1
        self.quotes: list[Quote] = []

    # -- helpers ---------------------------------------------------------- #
    def make(self, a: int, b: int, kind: str, res: Resolution, cue: str) -> Quote:
        a, b = _strip_inside(self.text, a, b)
        return Quote(a, b, self.text[a:b], kind, res.speaker, cue,
                     res.mention if res.speaker else None, res.reason)

    def keep(self, q: Quote, res: Resolution, sentence_start: int) -> None:
        if q.end <= q.start:
            return
        self.quotes.append(q)
        if q.kind != "motto":
            self.people.note(sentence_start, res)
            if res.speaker is not None:
                self.last = res
            self.last_end = q.end

    # -- reported speech -------------------------------------------------- #
    def indirect(self, a: int, b: int) -> None:
        """Reported speech in the sentence ``text[a:b]``, if a cue and someone who speaks are found.

        Without a person or a group there is no reported speech to speak of:
        « La partie malienne, quant à elle, se dit ouverte… » names no one who
        says anything and is left out, and so is what an organisation says.
        """
        sentence = self.text[a:b]
        conn = _CONNECTIVE.match(sentence)
        skip = conn.end() if conn else 0
        candidates = []
        m = _INCISE_FIRST.match(sentence)
        if m:
            candidates.append((m.start("np"), m.end("np"), m.start("content"), m.end("content"), "incise", True))
        m = _SELON.match(sentence, skip)
        if m:
            # « D’après la présidente de la commission, Isatou NJIE, les décrets… »: the name is the np's
            apposed = re.match(r"(?:(?:M\.|Mme|Mlle|Dr|Pr|Me)\s+)?(?P<name>[^,]{2,60}),\s*", sentence[m.start("content"):])
            content_start = m.start("content")
            if apposed and self.people.is_name(a + content_start + apposed.start("name"),
                                               a + content_start + apposed.end("name")):
                content_start += apposed.end()
            candidates.append((m.start("np"), content_start, content_start, m.end("content"), "selon", False))
        m = _INCISE_LAST.search(sentence)
        if m and m.start() > skip:
            inverted = _INVERTED.search(m.group()) is not None
            np_start = m.start() if inverted else m.start("np")
            candidates.append((np_start, m.end("np"), skip, m.start(), "incise", not inverted))
        m = _QUE.match(sentence, skip)
        if m:
            candidates.append((m.start("subject"), m.start("content"), m.start("content"), m.end("content"),
                               "que", False))
        for np_start, np_end, start, end, cue, inverted in candidates:
            res = self.people.subject(a + np_start, a + np_end, inverted=inverted, last=self.last)
            if res.kind == "none" and cue == "que":
                continue
            if res.human:
                q = self.make(a + start, a + end, "indirect", res, cue)
                self.keep(q, res, a)
                return

    # -- quotations in marks ---------------------------------------------- #
    def quoted(self, pair: _Pair) -> tuple[Quote, Resolution, int]:
        text, people = self.text, self.people
        a, b = _strip_inside(text, pair.start, pair.end)
        s_start, _ = _sentence_of(self.sentences, pair.opened if not pair.resumed else pair.start)
        _, s_end = _sentence_of(self.sentences, max(pair.closed - 1, pair.start))
        if s_end <= pair.closed:
            s_end = pair.closed + 1
        lead_start = s_start
        # a quotation earlier in the same sentence ends the lead-in
        for other in self.pairs:
            if s_start <= other.closed < pair.opened:
                lead_start = other.closed + 1
        lead = text[lead_start:pair.opened] if not pair.resumed else ""
        tail_start = pair.closed + (2 if text[pair.closed:pair.closed + 2] == "’’" else 1)
        next_open = min((o.opened for o in self.pairs if o.opened >= tail_start), default=s_end)
        tail_end = min(s_end, next_open)
        tail = text[tail_start:tail_end] if not pair.goes_on else ""
        stripped = lead.strip(" \t\n—–-")  # « — « … » »: a dash opens a line of dialogue
        if not stripped and not pair.resumed:
            # « Il ajoute : » closing the sentence before: that is the lead-in
            previous = [(x, y) for x, y in self.sentences if y <= s_start and text.count("\n\n", y, s_start) <= 1]
            if previous and _colon_end(text[previous[-1][0]:previous[-1][1]]):
                lead_start = previous[-1][0]
                lead = text[lead_start:previous[-1][1]]
                stripped = lead.strip(" \t\n—–-")

        if _MOTTO.search(lead) and (_colon_end(stripped) or len(lead.split()) < 12 or _MOTTO.search(lead[-60:])):
            return (Quote(a, b, text[a:b], "motto", None, "motto", None, "a motto: nobody in particular says it"),
                    Resolution(None, None, "motto"), s_start)
        m = _POUR.search(lead)
        if m and not _SAID_IN_LEAD.search(m.group("np")):
            np_start, np_end = lead_start + m.start("np"), lead_start + m.end("np")
            comma = text.find(",", np_start, np_end)
            if comma >= 0 and self._clause(comma + 1, np_end):
                # « Selon le ministre, cette loi place la Gambie « … » »: a fragment, said by X
                res = people.subject(np_start, comma, allow_pronoun=True, last=self.last)
                if res.speaker is not None:
                    return self.make(a, b, "partial", res, "selon"), res, s_start
            else:
                pronoun = re.match(r"(?:lui|elle|eux|elles)\b", text[np_start:np_end]) is not None
                res = people.subject(np_start, np_end, allow_pronoun=pronoun, last=self.last)
                if res.speaker is not None or res.kind in ("organisation", "place", "unnamed", "role", "pronoun"):
                    return self.make(a, b, "direct", res, "pour"), res, s_start
        m = _TAIL.match(tail) or _TAIL_INVERTED.match(tail)
        if m:
            inverted = _INVERTED.search(m.group()) is not None
            if inverted:
                clitic = _INVERTED.search(m.group())
                res = people.subject(tail_start + clitic.start(), tail_start + m.end(), last=self.last)
            else:
                res = people.subject(tail_start + m.end(), tail_end, inverted=True, last=self.last)
            kind = "direct" if not stripped or _colon_end(stripped) else "partial"
            return self.make(a, b, kind, res, "after"), res, s_start
        if _NARRATIVE.match(lead) and self.last is not None:
            res = Resolution(self.last.speaker, None, f"« {_NARRATIVE.match(lead).group().strip()} » goes on "
                             f"with the speaker before ({self.last.speaker})", self.last.key, self.last.kind)
            return self.make(a, b, "direct", res, "colon"), res, s_start
        if _colon_end(stripped):
            said = None
            for said in _SAID_IN_LEAD.finditer(lead):
                break
            region_end = lead_start + (said.start() if said else len(lead))
            res = people.subject(lead_start, region_end, last=self.last)
            if res.kind == "none" and said:
                res = people.subject(lead_start, pair.opened, last=self.last)
            return self.make(a, b, "direct", res, "colon"), res, s_start
        inside = _INSIDE.search(text, pair.start, pair.end)
        if not stripped and inside is not None:
            clitic = _INVERTED.search(inside.group())
            if clitic is not None:
                res = people.subject(inside.start() + clitic.start(), inside.end(), last=self.last, within_quote=True)
            else:
                res = people.subject(inside.start("np"), inside.end("np"), inverted=True, last=self.last,
                                     within_quote=True)
            return self.make(a, b, "direct", res, "inside"), res, s_start
        if not stripped:
            prev = next((q for q in reversed(self.quotes) if q.kind != "motto"), None)
            breaks = text.count("\n\n", prev.end, pair.opened) if prev is not None else 99
            if prev is not None and prev.speaker and (pair.resumed or breaks <= 1):
                key = self.last.key if self.last is not None and self.last.speaker == prev.speaker else None
                res = Resolution(prev.speaker, None, f"goes on from the quotation before ({prev.speaker})",
                                 key, "name" if key else "group")
            else:
                res = Resolution(None, None, "a quotation with no cue")
            return self.make(a, b, "direct", res, "continuation"), res, s_start
        res = people.subject(lead_start, pair.opened, last=self.last)
        return self.make(a, b, "partial", res, "context"), res, s_start

    def _clause(self, a: int, b: int) -> bool:
        """Is ``text[a:b]`` a clause with a verb (not a name in apposition)?"""
        doc = self.people.doc
        if doc is not None:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                return any(t.pos_ in ("VERB", "AUX") for t in span)
        return re.search(r"\s[a-zà-ÿ]{3,}\s", self.text[a:b]) is not None

    def run(self) -> tuple[Quote, ...]:
        covered = [(p.opened, p.closed) for p in self.pairs]
        pending = sorted([("q", p.start, p) for p in self.pairs]
                         + [("s", a, (a, b)) for a, b in self.sentences
                            if not any(a <= o < b or a <= c < b or (o < a and b <= c) for o, c in covered)],
                         key=lambda item: item[1])
        waiting: int | None = None  # a quotation that goes on, with no speaker of its own yet
        for what, _, item in pending:
            if what == "s":
                self.indirect(*item)
                continue
            q, res, s_start = self.quoted(item)
            if q.end <= q.start:
                continue
            if waiting is not None and q.speaker is not None and q.cue != "continuation":
                # the cue after the part that follows tells who spoke the part before
                self.quotes[waiting] = replace(
                    self.quotes[waiting], speaker=q.speaker, cue="continuation",
                    speaker_reason=f"goes on in the next paragraph, said by {q.speaker}")
            waiting = None
            self.keep(q, res, s_start)
            if item.goes_on and q.speaker is None:
                waiting = len(self.quotes) - 1
        return tuple(self.quotes)


def extract_quotes(article_or_text: Any) -> tuple[Quote, ...]:
    """Every quotation of the text, with its kind and speaker.

    Parameters
    ----------
    article_or_text : Article or str
        The article (its ``text``, ``sentences`` and spaCy ``doc`` are used)
        or any French text (split into paragraphs at blank lines, then into
        sentences, and parsed with the kit's spaCy model).

    Returns
    -------
    tuple of Quote
        In text order.  Quotations in quotation marks (« », “ ”, ‘ ’, ‘‘ ’’,
        " ") are all returned; reported speech without them is found only
        when a verb of saying (see :data:`SAYING_VERBS`) is in an incise,
        before ``que``, or after *selon*, and someone who can speak is its
        subject.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> quotes = ak.extract_quotes(article)
    >>> [(q.kind, q.speaker) for q in quotes][:3]
    [('motto', None), ('partial', 'Birame Diop'), ('indirect', 'Birame Diop')]
    >>> text = '« Nous viendrons », a t-il dit. “Il faut agir”, dixit Pr Awa Sow.'
    >>> [(q.text, q.speaker, q.speaker_reason) for q in ak.extract_quotes(text)]
    [('Nous viendrons', None, '« il » with no person before it'), ('Il faut agir', 'Awa Sow', 'named')]
    """
    text = article_or_text if isinstance(article_or_text, str) else getattr(article_or_text, "text", None)
    if not isinstance(text, str):
        raise TypeError("extract_quotes needs the article or a text (a string)")
    if not text.strip():
        return ()
    if isinstance(article_or_text, str):
        sentences, doc = _paragraph_sentences(text), None
    else:
        sentences = [(s.start, s.end) for s in article_or_text.sentences]
        doc = getattr(article_or_text, "doc", None)
    return _Extractor(text, sentences, doc).run()


# ---------------------------------------------------------------------- #
# To annotations
# ---------------------------------------------------------------------- #
def speaker_names(article_or_text: Any) -> dict[str, tuple[str, ...]]:
    """Each person named in the text, with every spelling of the name.

    Keys are canonical names; values the distinct spellings, in order of
    first appearance.  Places that look like names (« Saint Louis ») are
    not people.

    >>> speaker_names("Amadou SOW est venu. M. Sow a parlé ; Amadou Sow est reparti.")
    {'Amadou Sow': ('Amadou SOW', 'Sow', 'Amadou Sow')}
    """
    text = article_or_text if isinstance(article_or_text, str) else article_or_text.text
    if isinstance(article_or_text, str):
        people = Speakers(text, _paragraph_sentences(text))
    else:
        people = Speakers(text, [(s.start, s.end) for s in article_or_text.sentences],
                          getattr(article_or_text, "doc", None))
    return people.names()


def quotes_to_annotations(quotes: Any, article: Any, *, author: str | None = "articlekit") -> Annotations:
    """Quotations as annotations: a ``quotes`` span each (label = kind in
    capitals, with its speaker) and a ``speakers`` span on each mention.

    Parameters
    ----------
    quotes : iterable of Quote
        Usually ``ak.extract_quotes(article)``.
    article : Article or str

    Examples
    --------
    >>> import articlekit as ak
    >>> text = "Le ministre Amadou Sow explique : « Nous avançons. »"
    >>> ak.quotes_to_annotations(ak.extract_quotes(text), text)
    Annotations(2 spans: quotes=1, speakers=1)
    """
    text = article if isinstance(article, str) else article.text
    spans, mentions = [], set()
    for q in quotes:
        spans.append(Span(q.start, q.end, q.kind.upper(), "quotes", text[q.start:q.end],
                          author=author, speaker=q.speaker))
        if q.mention is not None and q.speaker is not None and q.mention not in mentions:
            mentions.add(q.mention)
            a, b = q.mention
            spans.append(Span(a, b, "SPEAKER", "speakers", text[a:b], author=author, speaker=q.speaker))
    return Annotations(text, spans)
