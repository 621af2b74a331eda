"""Find the quotations of a French article, and who says them.

Journalists mark what people said in a few regular ways, and each way
leaves a *cue* that a rule can read:

============  ========================================================  ===========
cue           example                                                   kind
============  ========================================================  ===========
``colon``     Le ministre explique : « Nous devons coopérer. »          direct
``after``     « Nous devons coopérer », a dit le ministre.              direct
``pour``      Pour Awa Ndiaye, « la réforme est urgente ».              direct
``context``   Le ministre a salué « un pas historique ».                partial
``motto``     Leur devise : « Un Peuple, Un But, Une foi »              motto
``incise``    Mais, poursuit le ministre, les deux pays doivent…        indirect
``que``       Le ministre a déclaré que les deux pays doivent…          indirect
``selon``     Selon le ministre, les deux pays doivent…                 indirect
============  ========================================================  ===========

- **direct**: someone's own words, a whole statement, in guillemets;
- **partial**: a fragment in guillemets inside the writer's own sentence;
- **motto**: a slogan or motto that nobody in particular says;
- **indirect**: reported speech without guillemets (harder: the rules
  only catch a verb of saying in an incise, ``que``-clauses and *selon*).

The speaker is then resolved to **one canonical name**: « Sadio CAMARA »,
« Sadio Camara » and « le Général Sadio Camara » are the same person, and a
role such as « le Ministre Sénégalais » is matched with the person whose
titles, elsewhere in the text, share its words (*ministre*, *sénégal*).
``il``/``elle`` point back to the last speaker.

These are rules, not understanding: they are meant to be read, tested and
argued with.  Lesson 2 compares them with a careful human reading.

Examples
--------
>>> import articlekit as ak
>>> text = "Pour Awa Ndiaye, « la réforme est urgente ». « Il faut aller vite », a-t-elle ajouté."
>>> [(q.text, q.kind, q.speaker) for q in ak.extract_quotes(text)]
[('la réforme est urgente', 'direct', 'Awa Ndiaye'), ('Il faut aller vite', 'direct', 'Awa Ndiaye')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from .annotation import Annotations, Span, _paragraph_sentences

__all__ = ["KINDS", "Quote", "extract_quotes", "quotes_to_annotations", "speaker_names"]

#: The kinds of quotation, as in :attr:`Quote.kind`.
KINDS = ("direct", "partial", "motto", "indirect")

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zà-öø-ÿœæ"
#: Verbs of saying, in the forms journalists use (present, past participle).
SAYING_VERBS = (
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
)
_VERB = (r"(?:s[’']\s?|se\s+)?(?:" + "|".join(sorted(SAYING_VERBS, key=len, reverse=True)) + r")"
         r"(?:-t)?(?:-(?:il|elle|ils|elles|on))?(?![\w-])")
_AUX = r"(?:(?:a|avait|aurait|ont|avaient)(?:-t-(?:il|elle|on))?\s+)?"
_CONNECTIVE = re.compile(r"(?:Mais|Et|Or|Donc|Puis|Ainsi|Enfin|Car|Pourtant|Cependant)\s*,?\s+")
_PRONOUN = re.compile(r"(?<![^\s-])(il|elle|ils|elles)(?![\w’'-])", re.IGNORECASE)

#: Country of each nationality adjective, so « sénégalais » and « Sénégal » agree.
NATIONALITIES: Mapping[str, str] = MappingProxyType({
    "sénégalais": "sénégal", "sénégalaise": "sénégal", "sénégalaises": "sénégal",
    "malien": "mali", "malienne": "mali", "maliens": "mali", "maliennes": "mali",
    "français": "france", "française": "france", "ivoirien": "côte", "ivoirienne": "côte",
    "guinéen": "guinée", "guinéenne": "guinée", "burkinabè": "burkina", "burkinabé": "burkina",
    "nigérien": "niger", "nigérienne": "niger", "nigérian": "nigeria", "nigériane": "nigeria",
    "mauritanien": "mauritanie", "mauritanienne": "mauritanie", "algérien": "algérie",
    "algérienne": "algérie", "marocain": "maroc", "marocaine": "maroc", "tchadien": "tchad",
    "tchadienne": "tchad", "gambien": "gambie", "gambienne": "gambie", "togolais": "togo",
    "togolaise": "togo", "béninois": "bénin", "béninoise": "bénin", "ghanéen": "ghana",
    "ghanéenne": "ghana", "américain": "états-unis", "américaine": "états-unis", "russe": "russie",
    "chinois": "chine", "chinoise": "chine", "allemand": "allemagne", "allemande": "allemagne",
})
_FUNCTION_WORDS = frozenset("""
le la les l un une des du de d et à au aux ce cet cette ces son sa ses leur leurs notre nos votre vos
en dans par pour sur avec sans sous entre vers chez qui que qu quoi dont où il elle ils elles on nous
vous je tu j c s n y ne pas plus ainsi mais or donc car ni est sont a ont été être avoir se
""".split())
#: Capitalised words that are never part of a person's name (titles,
#: institutions, places, sentence-initial words).
NOT_NAMES = frozenset("""
le la les l un une des du de d et au aux ce cet cette ces son sa ses leur leurs notre nos votre vos
nous vous il elle ils elles on je tu c mais pour avec dans selon quant or donc car puis ainsi enfin
après avant depuis lors hier aujourd demain si en par sur entre chez cependant pourtant
monsieur madame mademoiselle ministre ministres président présidente général générale colonel
capitaine commandant lieutenant sergent chef directeur directrice secrétaire ambassadeur ambassadrice
maire gouverneur préfet député députée sénateur professeur docteur premier première porte-parole
homologue délégation corps armée armées forces défense sécurité anciens combattants transition autorités
autorité peuple république état etat états etats gouvernement ministère assemblée nationale conseil cour
union nations unies cedeao onu otan mali sénégal france afrique dakar bamako paris niger guinée
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche dieu
""".split()) | frozenset(NATIONALITIES)
_CAP_WORD = re.compile(rf"(?<![\w’'-])[{_UP}][{_LOW}{_UP}]+(?:-[{_UP}][{_LOW}{_UP}]+)*(?![\w’'])")
_TITLE_ABBR = re.compile(rf"(?<![\w])(?:M\.|Mme|Mlle|Dr|Pr|Me)\s+([{_UP}][{_LOW}{_UP}-]+)")
_ROLE_HEAD = (r"(?:[Pp]remier\s+[Mm]inistre|[Mm]inistre|[Pp]résidente?|[Gg]énéral|[Hh]omologue|"
              r"[Pp]orte-parole|[Cc]hef|[Dd]irect(?:eur|rice)|[Aa]mbassad(?:eur|rice)|[Ss]ecrétaire|"
              r"[Mm]aire|[Gg]ouverneur|[Cc]olonel|[Cc]apitaine|[Cc]ommandant|[Pp]réfet|[Dd]éputée?|"
              r"[Ss]énat(?:eur|rice))")
_ROLE = re.compile(
    r"(?<![\w])(?:(?:[Ll]e|[Ll]a|[Ll][’']|[Ss]on|[Ss]a|[Ll]eur|[Nn]otre|[Cc]e|[Cc]ette)\s*)?"
    + _ROLE_HEAD
    + rf"(?:(?:\s+(?:de\s+la|de\s+l[’']|des|du|de|d[’']|et\s+des|et\s+de\s+la|et\s+du|et)\s*|\s+)"
      rf"(?:[{_LOW}]+\s+)?[{_UP}][\w-]*"
      r"|\s+(?:" + "|".join(sorted(NATIONALITIES, key=len, reverse=True)) + r")(?![\w]))*"
)


@dataclass(frozen=True)
class Quote:
    """A quotation found in the text.

    Attributes
    ----------
    start, end : int
        Offsets of the quoted words in the text (inside the guillemets,
        without the spaces next to them).
    text : str
        The quoted words, ``text[start:end]``.
    kind : str
        ``"direct"``, ``"partial"``, ``"motto"`` or ``"indirect"``.
    speaker : str or None
        One canonical name for who says it (``None`` for a motto, or when no
        cue gives a speaker).
    cue : str
        Which cue decided: ``"colon"``, ``"after"``, ``"pour"``,
        ``"context"``, ``"continuation"``, ``"motto"``, ``"incise"``,
        ``"que"`` or ``"selon"``.
    mention : tuple of int or None
        ``(start, end)`` of the words naming the speaker near the quote
        (« le Ministre Sénégalais »), or ``None`` (pronoun, no speaker).

    Examples
    --------
    >>> import articlekit as ak
    >>> q = ak.extract_quotes("Le ministre Amadou Sow explique : « Nous avançons. »")[0]
    >>> q.text, q.kind, q.speaker, q.cue
    ('Nous avançons.', 'direct', 'Amadou Sow', 'colon')
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    cue: str = "context"
    mention: tuple[int, int] | None = None


# ---------------------------------------------------------------------- #
# People: names, their variants and their roles
# ---------------------------------------------------------------------- #
@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    key: str          # casefolded surname: what makes two variants one person
    words: tuple[str, ...]


def _display(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _names(text: str) -> list[_Name]:
    """Every mention of a person's name: two or more capitalised words that
    are not titles, places or institutions, or a surname after M./Mme/Dr."""
    found: list[_Name] = []
    words = list(_CAP_WORD.finditer(text))
    run: list[re.Match] = []

    def flush() -> None:
        if len(run) >= 2:
            found.append(_Name(run[0].start(), run[-1].end(), run[-1].group().casefold(),
                               tuple(m.group() for m in run)))
        run.clear()

    for m in words:
        adjacent = run and text[run[-1].end():m.start()] == " "
        if not adjacent:
            flush()
        if m.group().casefold() in NOT_NAMES:
            flush()
            continue
        run.append(m)
    flush()
    for m in _TITLE_ABBR.finditer(text):
        if not any(n.start <= m.start(1) < n.end for n in found) and m.group(1).casefold() not in NOT_NAMES:
            found.append(_Name(m.start(1), m.end(1), m.group(1).casefold(), (m.group(1),)))
    return sorted(found, key=lambda n: n.start)


def _content_words(fragment: str) -> set[str]:
    out = set()
    for w in re.findall(rf"[{_LOW}{_UP}][{_LOW}{_UP}-]*", fragment):
        w = w.casefold()
        w = NATIONALITIES.get(w, w)
        if w not in _FUNCTION_WORDS and len(w) > 1:
            out.add(w)
    return out


class _People:
    """Names in the text grouped into persons, with the words of their titles."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.names = _names(text)
        self.display: dict[str, str] = {}
        self.profile: dict[str, set[str]] = {}
        for i, n in enumerate(self.names):
            words = tuple(_display(w) for w in n.words)
            best = self.display.get(n.key)
            if best is None or len(words) > len(best.split()):
                self.display[n.key] = " ".join(words)
            s_start = max((a for a, _ in sentences if a <= n.start), default=0)
            s_end = min((b for _, b in sentences if b >= n.end), default=len(text))
            lo = max(s_start, self.names[i - 1].end if i else 0, n.start - 80)
            hi = min(s_end, self.names[i + 1].start if i + 1 < len(self.names) else len(text), n.end + 50)
            before, after = text[lo:n.start], text[n.end:hi]
            before = re.split(r"[«»:;]", before)[-1]
            if re.search(r"(?<![\w])(?:avec|contre|par|chez|pour|à)\s+(?:son|sa|ses|le|la|les|l[’']|leur)\s*[^,]*,\s*$",
                         before):
                # « avec son homologue malien, NAME, … »: that title belongs to someone else
                before = ""
            # an apposition ends at a verb or a conjunction: what follows is not a title
            after = re.split(r"[«».;:]|\s(?:et|a|ont|est|sont|avec|qui)\s", after)[0]
            self.profile.setdefault(n.key, set()).update(_content_words(before + " " + after))

    def name_in(self, a: int, b: int) -> _Name | None:
        return next((n for n in self.names if a <= n.start and n.end <= b), None)

    def last_before(self, offset: int) -> str | None:
        before = [n for n in self.names if n.end <= offset]
        return before[-1].key if before else None

    def resolve_role(self, words: set[str], offset: int) -> str | None:
        scores = {key: len(words & profile) for key, profile in self.profile.items()}
        best = max(scores.values(), default=0)
        if best == 0:
            return None
        tied = [k for k, v in scores.items() if v == best]
        # ties: the person named most recently before the role mention
        recent = [n.key for n in self.names if n.end <= offset and n.key in tied]
        return recent[-1] if recent else tied[0]


@dataclass
class _Resolution:
    key: str | None = None
    mention: tuple[int, int] | None = None


def _resolve(people: _People, a: int, b: int, last_speaker: str | None,
             *, allow_pronoun: bool = True) -> _Resolution:
    """The speaker named (or pointed at) in ``text[a:b]``."""
    text = people.text
    name = people.name_in(a, b)
    if name is not None:
        return _Resolution(name.key, (name.start, name.end))
    for role in _ROLE.finditer(text, a, b):
        key = people.resolve_role(_content_words(role.group()), role.start())
        if key is not None:
            start = role.start()
            return _Resolution(key, (start, role.end()))
    if allow_pronoun and _PRONOUN.search(text, a, b):
        key = last_speaker or people.last_before(a)
        return _Resolution(key, None)
    return _Resolution()


# ---------------------------------------------------------------------- #
# Quotations in guillemets
# ---------------------------------------------------------------------- #
def _guillemet_pairs(text: str) -> list[tuple[int, int]]:
    """(offset of «, offset of ») for each outermost quotation in a paragraph."""
    pairs, depth, opened = [], 0, -1
    for i, ch in enumerate(text):
        if ch == "\n" and text[i:i + 2] == "\n\n":
            depth, opened = 0, -1  # a quotation never crosses a paragraph break here
        elif ch == "«":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == "»" and depth > 0:
            depth -= 1
            if depth == 0:
                pairs.append((opened, i))
    return pairs


_MOTTO = re.compile(r"\b(?:devise|slogan|mot\s+d[’']ordre|maxime|leitmotiv|adage|proverbe|formule|hymne)\b",
                    re.IGNORECASE)
# « Pour X, « … » »: X starts with a name, a title or a determiner (« Pour renforcer… » is a purpose)
_POUR = re.compile(r"(?:^|[.;]\s+)(?:Pour|Selon|D[’']après)\s+"
                   rf"(?P<np>(?:[{_UP}]|(?:le|la|l[’']|les|son|sa|leur|ce|cette)\b)[^«»:;]*?)\s*,?\s*$")
_NP = r"(?P<np>(?:(?<![\w])(?:M|MM|Dr|Pr|Me)\.|[^,.;:!?«»])*)"
_TAIL = re.compile(r"^\s*[,.!?…]?\s*[-–—]?\s*" + _AUX + _VERB + _NP)
_SAID_IN_LEAD = re.compile(r"(?<![\w-])" + _AUX + _VERB)


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


# ---------------------------------------------------------------------- #
# Reported speech without guillemets
# ---------------------------------------------------------------------- #
_INCISE_FIRST = re.compile(r"^(?P<conn>" + _CONNECTIVE.pattern + r")?" + _AUX + _VERB
                           + r"\s+(?P<np>[^,]+),\s*(?P<content>.+?)\s*[.!?…]*$", re.DOTALL)
_INCISE_LAST = re.compile(r",\s*" + _AUX + _VERB + r"(?P<np>[^,]*?)\s*[.!?…]*$", re.DOTALL)
_QUE = re.compile(r"^(?P<subject>[^;«»]*?)\s+" + _AUX + _VERB + r"(?:\s+[\w’']+)?\s+qu(?:e\s+|[’'])(?P<content>.+?)\s*[.!?…]*$",
                  re.DOTALL)
_SELON = re.compile(r"^(?:Selon|D[’']après)\s+(?!laquelle|lequel|lesquel)(?P<np>[^,]+),\s*(?P<content>.+?)\s*[.!?…]*$",
                    re.DOTALL)


def _indirect(text: str, a: int, b: int, people: _People, last: str | None) -> Quote | None:
    """Reported speech in the sentence ``text[a:b]``, if a cue and a speaker are found.

    Without a speaker there is no reported speech to speak of: « La partie
    malienne, quant à elle, se dit ouverte… » names no one and is left out.
    """
    sentence = text[a:b]
    conn = _CONNECTIVE.match(sentence)
    skip = conn.end() if conn else 0
    candidates = []
    m = _INCISE_FIRST.match(sentence)
    if m:
        candidates.append((m.start("np"), m.end("np"), m.start("content"), m.end("content"), "incise"))
    m = _SELON.match(sentence, skip)
    if m:
        candidates.append((m.start("np"), m.end("np"), m.start("content"), m.end("content"), "selon"))
    m = _INCISE_LAST.search(sentence)
    if m and m.start() > skip:
        candidates.append((m.start("np"), m.end("np"), skip, m.start(), "incise"))
    m = _QUE.match(sentence, skip)
    if m:
        candidates.append((m.start("subject"), m.end("subject"), m.start("content"), m.end("content"), "que"))
    for np_start, np_end, start, end, cue in candidates:
        res = _resolve(people, a + np_start, a + np_end, last)
        if res.key is not None:
            return _make(text, a + start, a + end, "indirect", res, people, cue)
    return None


def _make(text: str, a: int, b: int, kind: str, res: _Resolution, people: _People, cue: str) -> Quote:
    a, b = _strip_inside(text, a, b)
    speaker = people.display.get(res.key) if res.key else None
    return Quote(a, b, text[a:b], kind, speaker, cue, res.mention if speaker else None)


def extract_quotes(article_or_text: Any) -> tuple[Quote, ...]:
    """Every quotation of the text, with its kind and speaker.

    Parameters
    ----------
    article_or_text : Article or str
        The article (its ``text`` and ``sentences`` are used) or any French
        text (split into paragraphs at blank lines, then into sentences).

    Returns
    -------
    tuple of Quote
        In text order.  Quotations in guillemets « … » are all returned;
        reported speech without guillemets is found only when a verb of
        saying (see :data:`SAYING_VERBS`) is in an incise, before ``que``, or
        after *selon*.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> quotes = ak.extract_quotes(article)
    >>> [(q.kind, q.speaker) for q in quotes][:3]
    [('motto', None), ('partial', 'Birame Diop'), ('indirect', 'Birame Diop')]
    """
    text = article_or_text if isinstance(article_or_text, str) else getattr(article_or_text, "text", None)
    if not isinstance(text, str):
        raise TypeError("extract_quotes needs the article or a text (a string)")
    if isinstance(article_or_text, str):
        sentences = _paragraph_sentences(text)
    else:
        sentences = [(s.start, s.end) for s in article_or_text.sentences]
    people = _People(text, sentences)
    pairs = _guillemet_pairs(text)
    quotes: list[Quote] = []
    last: str | None = None
    covered = [(o, c) for o, c in pairs]
    pending = sorted([("g", o, c) for o, c in pairs]
                     + [("s", a, b) for a, b in sentences
                        if not any(a <= o < b or a <= c < b or (o < a and b <= c) for o, c in covered)],
                     key=lambda item: item[1])
    for what, x, y in pending:
        if what == "s":
            q = _indirect(text, x, y, people, last)
            if q is not None:
                quotes.append(q)
                if q.speaker:
                    last = _key_of(people, q.speaker)
            continue
        q = _guillemet_quote(text, x, y, sentences, people, last)
        if q.end > q.start:
            quotes.append(q)
            if q.speaker:
                last = _key_of(people, q.speaker)
    return tuple(quotes)


def _key_of(people: _People, display: str) -> str | None:
    return next((k for k, v in people.display.items() if v == display), None)


def _guillemet_quote(text: str, opened: int, closed: int, sentences: list[tuple[int, int]],
                     people: _People, last: str | None) -> Quote:
    a, b = _strip_inside(text, opened + 1, closed)
    s_start, _ = _sentence_of(sentences, opened)
    _, s_end = _sentence_of(sentences, closed)
    if s_end <= closed:
        s_end = closed + 1
    lead_start = s_start
    # a quotation earlier in the same sentence ends the lead-in
    previous_close = text.rfind("»", s_start, opened)
    if previous_close >= 0:
        lead_start = previous_close + 1
    lead = text[lead_start:opened]
    tail_start = closed + 1
    tail = text[tail_start:s_end]
    stripped = lead.strip()

    if _MOTTO.search(lead) and (stripped.endswith(":") or len(lead.split()) < 12
                                or _MOTTO.search(lead[-60:])):
        return Quote(a, b, text[a:b], "motto", None, "motto", None)
    m = _POUR.search(lead)
    if m and not _SAID_IN_LEAD.search(m.group("np")):
        res = _resolve(people, lead_start + m.start("np"), lead_start + m.end("np"), last, allow_pronoun=False)
        if res.key is not None:
            return _make(text, a, b, "direct", res, people, "pour")
    m = _TAIL.match(tail)
    if m:
        res = _resolve(people, tail_start + m.start(), tail_start + m.end(), last)
        kind = "direct" if not stripped or stripped.endswith(":") else "partial"
        return _make(text, a, b, kind, res, people, "after")
    if stripped.endswith(":"):
        said = _SAID_IN_LEAD.search(lead)
        region_end = lead_start + (said.start() if said else len(lead))
        res = _resolve(people, lead_start, region_end, last)
        if res.key is None and said:
            res = _resolve(people, lead_start, opened, last)
        return _make(text, a, b, "direct", res, people, "colon")
    if not stripped:
        res = _Resolution(last, None)
        return _make(text, a, b, "direct", res, people, "continuation")
    res = _resolve(people, lead_start, opened, last)
    return _make(text, a, b, "partial", res, people, "context")


# ---------------------------------------------------------------------- #
# To annotations
# ---------------------------------------------------------------------- #
def speaker_names(article_or_text: Any) -> dict[str, tuple[str, ...]]:
    """Each person named in the text, with every spelling of the name.

    Keys are canonical names; values the distinct spellings, in order of
    first appearance.

    >>> speaker_names("Amadou SOW est venu. M. Sow a parlé ; Amadou Sow est reparti.")
    {'Amadou Sow': ('Amadou SOW', 'Sow', 'Amadou Sow')}
    """
    text = article_or_text if isinstance(article_or_text, str) else article_or_text.text
    people = _People(text, _paragraph_sentences(text))
    out: dict[str, list[str]] = {}
    for n in people.names:
        spelling = text[n.start:n.end]
        spellings = out.setdefault(people.display[n.key], [])
        if spelling not in spellings:
            spellings.append(spelling)
    return {k: tuple(v) for k, v in out.items()}


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
