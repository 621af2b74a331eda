"""Turn a scraped article file into an :class:`~articlekit.model.Article`.

The files the kit reads have the shape of a scraped news page::

    Rubric / Title                      <- line 1: rubric and headline
                                        <- blank lines separate everything
    Rubric / Title                      <- the headline again (removed)
    First paragraph ...
    Second paragraph ...
    SEKOU MAMA TRAORE.                  <- byline: capitals, or "Par ..."
    \\u00a0                              <- debris: only non-breaking spaces
    The website encountered an unexpected error. Please try again later.

Every non-empty line is a paragraph.  What is removed or changed is
written in ``article.cleaning`` with its raw line number.

Choices made here (and tested):

- A first line without ``" / "`` is taken as a title without rubric
  (``rubric`` is ``None``), as long as it is short enough to be a headline
  (:data:`MAX_TITLE_CHARS`); a longer first line is an error.
- The title and byline are metadata: they are not part of ``article.text``.
- Files are read as UTF-8 (with or without a byte-order mark); a file that
  is not valid UTF-8 is read as Windows-1252, and the cleaning report says
  so.  A UTF-16 file with its byte-order mark is read too.  ``article.raw`` is the decoded text; CR LF line endings are kept in it.
- Files over :data:`MAX_BYTES` are refused (an article is a few kB).
- The byline is the last body line, or else the line right after the title,
  when it is a short line of names without a verb: ``SEKOU MAMA TRAORE``,
  ``F. Keita``, ``Gabin TOVONON``, ``Abdou ZIDA (Stagiaire)``, ``Par ...``,
  ``Par notre correspondant à Kayes, B. COULIBALY``, ``Awa SOW, pour
  VisionGuinee.Info``.  « Affaire à suivre. » or « Le Président Mamadi
  DOUMBOUYA. » (a determiner or a title first) stay paragraphs; so does a
  heading in capitals right after the title.  A one-paragraph body has no
  byline.
- Lines of spaces of any kind (tab, U+00A0, U+202F, U+2007, zero-width
  characters) and website error messages (« Try again later. », « Une erreur
  est survenue. Veuillez réessayer plus tard. »...) are removed.

Examples
--------
>>> import articlekit as ak
>>> article = ak.load_article()
>>> article.title
'Le Mali et le Sénégal cherchent à renforcer leur coopération militaire'
>>> article.byline
'SEKOU MAMA TRAORE'
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .model import Article, CleaningStep, OffsetMap, Paragraph, Sentence
from .sentences import split_sentences

__all__ = [
    "ArticleFormatError",
    "MAX_BYTES",
    "MAX_TITLE_CHARS",
    "SEED_NAME",
    "find_date",
    "load_article",
    "parse_article",
    "seed_path",
]

#: Largest file accepted, in bytes (1 MiB; the seed is under 5 kB).
MAX_BYTES = 1024 * 1024
#: Longest first line accepted as a title when it has no ``" / "`` rubric.
MAX_TITLE_CHARS = 200
#: File name of the article the kit ships with.
SEED_NAME = "mali-senegal-cooperation-militaire-2025-02-06.txt"

#: Lines of web debris, compared after space normalisation (casefolded).
WEB_ERROR_FOOTERS = (
    "The website encountered an unexpected error. Please try again later.",
)

# The usual wordings of a web-error footer (a whole line, casefolded, spaces
# normalised): « The website encountered an unexpected error. Try again
# later. », « Please try again later », « Une erreur est survenue. Veuillez
# réessayer plus tard. »...  A French line needs « réessayer »: « Une erreur est
# survenue. » alone could be a sentence of the article.
_WEB_ERROR_FOOTER = re.compile(
    r"""
    (?: (?: the \s website \s encountered \s an \s (?:unexpected \s)? error
          | an \s (?:unexpected \s)? error \s (?:has \s)? occurred
          | something \s went \s wrong ) [.!]? \s? )?
    (?: (?:please \s)? try \s again (?: \s later)? [.!]? )
  | the \s website \s encountered \s an \s unexpected \s error [.!]?
  | (?: une \s erreur \s (?:inattendue \s)? (?:est \s survenue|s[’']est \s produite) [.!]? \s? )?
    (?: veuillez | merci \s de ) \s réessayer (?: \s plus \s tard | \s ultérieurement )? [.!]?
    """,
    re.VERBOSE,
)


def _is_web_error_footer(text: str) -> bool:
    """Tell whether a (normalised) line is a website error message.

    >>> _is_web_error_footer("Try again later."), _is_web_error_footer("Réessayez.")
    (True, False)
    """
    folded = text.casefold()
    return (folded in {f.casefold() for f in WEB_ERROR_FOOTERS}
            or _WEB_ERROR_FOOTER.fullmatch(folded) is not None)


class ArticleFormatError(ValueError):
    """The file cannot be read as an article; the message says why.

    Attributes
    ----------
    source : str
        The file name (or ``"<text>"`` for a string).
    problem : str
        What is wrong, in a few words.

    Examples
    --------
    >>> import articlekit as ak
    >>> try:
    ...     ak.parse_article("", source="empty.txt")
    ... except ak.ArticleFormatError as error:
    ...     print(error)
    empty.txt: the file is empty
    """

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


# --------------------------------------------------------------------------- #
# Finding the seed
# --------------------------------------------------------------------------- #
def seed_path() -> Path:
    """Return the path of the article the kit ships with.

    The seed is looked for in the package data first (an installed kit),
    then in the ``seeds/`` folder of the repository (an editable install).

    Examples
    --------
    >>> import articlekit as ak
    >>> ak.seed_path().name
    'mali-senegal-cooperation-militaire-2025-02-06.txt'
    """
    here = Path(__file__).resolve().parent
    packaged = here / "data" / SEED_NAME
    if packaged.is_file():
        return packaged
    return here.parents[1] / "seeds" / SEED_NAME


# --------------------------------------------------------------------------- #
# French dates
# --------------------------------------------------------------------------- #
#: French month names (with and without accents) -> month number.  Read-only.
MONTHS = MappingProxyType({
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4,
    "mai": 5, "juin": 6, "juillet": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "decembre": 12,
})
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_DATE = re.compile(
    rf"""
    \b
    (?: (?P<weekday> {"|".join(WEEKDAYS)} ) ,? \s+ )?   # jeudi, / jeudi
    (?P<day> 1er | [0-3]?[0-9] ) \s+                    # 06 / 6 / 1er
    (?P<month> {"|".join(MONTHS)} ) \s+                 # février
    (?P<year> [12][0-9]{{3}} ) \b                       # 2025
    """,
    re.VERBOSE | re.IGNORECASE,
)


def find_date(text: str) -> tuple[_dt.date, str, int] | None:
    """Find the first French date written in ``text``.

    Reads « jeudi, 06 février 2025 », « 6 février 2025 », « 1er mars 2024 »
    (weekday optional, case ignored, « fevrier » and « aout » accepted).
    Impossible dates (« 31 février 2025 ») are skipped.

    Parameters
    ----------
    text : str

    Returns
    -------
    (datetime.date, str, int) or None
        The date, its surface text as written, and its offset in ``text``.

    Examples
    --------
    >>> from articlekit.parsing import find_date
    >>> find_date("Il a rencontré ce jeudi, 06 février 2025, son homologue.")
    (datetime.date(2025, 2, 6), 'jeudi, 06 février 2025', 18)
    """
    for match in _DATE.finditer(text):
        day = 1 if match["day"].lower() == "1er" else int(match["day"])
        month = MONTHS[match["month"].lower()]
        try:
            date = _dt.date(int(match["year"]), month, day)
        except ValueError:
            continue
        return date, match.group(), match.start()
    return None


# --------------------------------------------------------------------------- #
# Reading bytes
# --------------------------------------------------------------------------- #
# C0 control characters that never occur in a text file.
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _decode(data: bytes, source: str) -> tuple[str, list[CleaningStep]]:
    """Decode file bytes: UTF-8 (BOM allowed), else Windows-1252."""
    steps: list[CleaningStep] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleFormatError(source, "binary data, not UTF-16 text despite its "
                                     "byte-order mark") from None
        steps.append(CleaningStep(1, "decoded", "UTF-16 file", "",
                                  "read as UTF-16 (byte-order mark at the start of the file)"))
        _check_text(text, source)
        return text, steps
    if b"\x00" in data:
        nul = data.index(b"\x00")
        raise ArticleFormatError(source, f"binary data, not text (NUL byte at offset {nul})")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        steps.append(CleaningStep(1, "decoded", "byte-order mark",
                                  "", "UTF-8 byte-order mark at the start of the file dropped"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        bad = data[utf8_error.start]
        line = data.count(b"\n", 0, utf8_error.start) + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise ArticleFormatError(
                source,
                f"binary data, neither UTF-8 nor Windows-1252 text "
                f"(byte 0x{data[error.start]:02x} at offset {error.start})",
            ) from None
        steps.append(CleaningStep(
            line, "decoded", "encoding fallback", "",
            f"not valid UTF-8 (byte 0x{bad:02x} at offset {utf8_error.start}): "
            "read as Windows-1252",
        ))
    _check_text(text, source)
    return text, steps


def _check_text(text: str, source: str) -> None:
    """Refuse decoded text holding control characters (a binary file)."""
    control = _BINARY_CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise ArticleFormatError(
            source,
            f"binary data, not text (control character U+{ord(control.group()):04X} "
            f"on line {line})",
        )


# --------------------------------------------------------------------------- #
# Lines and space normalisation
# --------------------------------------------------------------------------- #
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Any whitespace except line breaks: space, tab, NBSP, narrow NBSP, ...
_SPACES = re.compile(r"[^\S\r\n]+")
_NBSP = "\u00a0\u202f\u2007"
# Invisible characters that are not spaces for Python; a line made only of
# them (and spaces) is debris.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@dataclass(frozen=True)
class _Line:
    """A raw line with its normalised text and offset segments."""

    number: int  # 1-based
    raw: str  # without its line break
    raw_start: int  # offset of raw[0] in the whole raw text
    text: str  # spaces normalised, stripped
    segments: tuple[tuple[int, int], ...]  # (offset in text, offset in raw file)
    nbsp: int  # non-breaking spaces replaced
    runs: int  # runs of 2+ spaces collapsed
    edges: int  # spaces stripped at the ends
    others: int  # tabs and other odd spaces replaced


def _split_lines(raw: str) -> list[tuple[int, str]]:
    """Return ``(raw_start, line)`` for each line, without line breaks."""
    lines, pos = [], 0
    for brk in _LINE_BREAK.finditer(raw):
        lines.append((pos, raw[pos:brk.start()]))
        pos = brk.end()
    lines.append((pos, raw[pos:]))
    return lines


def _normalise(number: int, raw_start: int, raw: str) -> _Line:
    """Collapse every run of spaces to one space and strip the line ends.

    Keeps, for each piece of the new text, where it came from in the raw
    file, so clean offsets can be mapped back.
    """
    pieces: list[str] = []
    segments: list[tuple[int, int]] = []
    length = nbsp = runs = edges = others = 0
    pos = 0
    for run in _SPACES.finditer(raw):
        chunk = raw[pos:run.start()]
        if chunk:
            segments.append((length, raw_start + pos))
            pieces.append(chunk)
            length += len(chunk)
        pos = run.end()
        value = run.group()
        n_nbsp = sum(value.count(c) for c in _NBSP)
        nbsp += n_nbsp
        others += len(value) - n_nbsp - value.count(" ")
        at_edge = run.start() == 0 or run.end() == len(raw)
        if at_edge:
            edges += len(value)
            continue
        if len(value) > 1:
            runs += 1
        segments.append((length, raw_start + run.start()))
        pieces.append(" ")
        length += 1
    tail = raw[pos:]
    if tail:
        segments.append((length, raw_start + pos))
        pieces.append(tail)
    return _Line(number, raw, raw_start, "".join(pieces), tuple(segments),
                 nbsp, runs, edges, others)


def _blank_detail(raw: str) -> str:
    nbsp = sum(raw.count(c) for c in _NBSP)
    zero = sum(raw.count(c) for c in _ZERO_WIDTH)
    other = len(raw) - nbsp - zero
    parts = []
    if nbsp:
        parts.append(f"{nbsp} non-breaking space{'s' * (nbsp > 1)}")
    if other:
        parts.append(f"{other} other space{'s' * (other > 1)}")
    if zero:
        parts.append(f"{zero} zero-width character{'s' * (zero > 1)}")
    return "only " + " and ".join(parts)


def _spaces_detail(line: _Line) -> str:
    parts = []
    if line.nbsp:
        parts.append(f"{line.nbsp} non-breaking space{'s' * (line.nbsp > 1)} -> space")
    if line.others:
        parts.append(f"{line.others} tab or other space{'s' * (line.others > 1)} -> space")
    if line.runs:
        parts.append(f"{line.runs} run{'s' * (line.runs > 1)} of spaces -> one space")
    if line.edges:
        parts.append(f"{line.edges} space{'s' * (line.edges > 1)} at the line ends removed")
    return "; ".join(parts)


# --------------------------------------------------------------------------- #
# Bylines
# --------------------------------------------------------------------------- #
# A byline is a short line of names, with no verb, at the end of the body (or
# right after the title):
#
# - « SEKOU MAMA TRAORE. », « B. COULIBALY »: names in capitals;
# - « F. Keita », « Gabin TOVONON », « Abdou ZIDA (Stagiaire) »: names with an
#   initial or a surname in capitals, and maybe a role in brackets;
# - « Par Awa Diop », « Par Awa DIOP, envoyée spéciale à Dakar. »,
#   « Par notre correspondant à Kayes, B. COULIBALY »;
# - « Mariam SOW, pour VisionGuinee.Info »: a name, « pour » and an outlet.
#
# Not bylines: « Par ailleurs, … », « Affaire à suivre. », « FIN. », and
# « Le Président Mamadi DOUMBOUYA. » (a determiner or a title first: a person
# named in the text, or the signatory of a communiqué, not the author).
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*|d’[A-ZÀ-ÖØ-Þ][\w’'.-]*|de|du|des|la|le|ben|ould|ag|van|von)"
_PAR_BYLINE = re.compile(
    rf"Par\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+{_NAME_WORD})*(?:\s*,\s*[^.!?]{{1,60}})?)\.?"
)
_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_LOWER = "a-zß-öø-ÿœ"
# One word of a name: an initial (« F. », « J.-P. »), a surname in capitals
# (« TOVONON », « N’DIAYE »), a capitalised name (« Keita », « N’Golo »).
_INITIAL = re.compile(rf"[{_UPPER}]\.(?:-[{_UPPER}]\.)?")
_CAPS_WORD = re.compile(rf"[{_UPPER}](?:[{_UPPER}]|[’'-][{_UPPER}])+")
_TITLE_WORD = re.compile(rf"[{_UPPER}][{_LOWER}]+(?:[’'-][{_UPPER}]?[{_LOWER}]+)*|[{_UPPER}][’'][{_UPPER}][{_LOWER}]+")
_PARTICLES = frozenset({"de", "du", "des", "la", "le", "ben", "bin", "ibn", "ould",
                        "ag", "van", "von", "el", "al", "dit", "épouse"})
# First words that make a line a phrase, not an author's name.
_NOT_NAME_START = frozenset({
    "le", "la", "les", "l’", "l'", "un", "une", "des", "ce", "cette", "ces", "fin",
    "président", "présidente", "ministre", "général", "colonel", "commandant",
    "capitaine", "monsieur", "madame", "affaire", "communiqué", "source", "photo",
    "lire", "voir", "suite", "alerte", "urgent",
})
# « (Stagiaire) », « (AMAP) », « (correspondant) »: a short bracketed role.
_ROLE_IN_BRACKETS = re.compile(r"\s*\((?P<role>[^()]{1,30})\)")
# « , pour VisionGuinee.Info », « , pour Le Djely »: « pour » and an outlet.
_FOR_OUTLET = re.compile(rf"\s*,\s*pour\s+(?:[{_UPPER}0-9][\w.’'-]*)(?:\s+[{_UPPER}0-9][\w.’'-]*){{0,3}}")
# « Par notre correspondant à Kayes, B. COULIBALY »
_REPORTER = (r"(?:(?:notre|nos|votre|un|une|l’|l'|le|la|les|des)\s*)?"
             r"(?:correspondante?s?|envoyée?s?\s+spéciale?s?|envoyée?s?|reporters?|"
             r"journalistes?|stagiaires?|rédaction|équipe|service)")
# « Ibrahima DIALLO, correspondant à Ségou »
_ROLE_AFTER_COMMA = re.compile(rf"\s*,\s*{_REPORTER}[^,.!?;:()]{{0,40}}")
_PAR_REPORTER = re.compile(rf"Par\s+(?P<role>{_REPORTER}[^,.!?;:]{{0,40}}),\s*(?P<name>.+)")
_LETTER = re.compile(r"[^\W\d_]")


def _is_name(text: str, *, strict: bool = True) -> bool:
    """Tell whether ``text`` is a person's name (« F. Keita », « Gabin TOVONON »).

    ``strict`` asks for a sign that it is a name and not a phrase in title
    case: an initial or a word in capitals.
    """
    words = text.split()
    if not 1 <= len(words) <= 6 or words[0].casefold() in _NOT_NAME_START:
        return False
    marked = False
    for k, word in enumerate(words):
        if _INITIAL.fullmatch(word) or _CAPS_WORD.fullmatch(word):
            marked = True
        elif _TITLE_WORD.fullmatch(word):
            pass
        elif k and (word in _PARTICLES or re.fullmatch(rf"d[’'][{_UPPER}]\w+", word)):
            pass
        else:
            return False
    if strict:
        # a lone word (« TRAORE ») is too weak; so is a name of initials only
        return marked and len(words) >= 2 and not all(_INITIAL.fullmatch(w) for w in words)
    return True


def _caps_byline(name: str) -> bool:
    """« SEKOU MAMA TRAORE », « B. COULIBALY »: a short line of capitals."""
    return (
        name == name.upper()
        and name[:1].isalpha()
        and sum(c.isalpha() for c in name) >= 3
        and all(c.isalpha() or c in " .’'-" for c in name)
        and name.split()[0].rstrip(".").casefold() not in _NOT_NAME_START
    )


def _byline(text: str) -> str | None:
    """Return the author name if ``text`` is a byline line, else ``None``.

    >>> _byline("SEKOU MAMA TRAORE."), _byline("Par Awa DIOP"), _byline("Par ailleurs, non.")
    ('SEKOU MAMA TRAORE', 'Awa DIOP', None)
    >>> _byline("Gabin TOVONON"), _byline("Abdou ZIDA (Stagiaire)"), _byline("Affaire à suivre.")
    ('Gabin TOVONON', 'Abdou ZIDA (Stagiaire)', None)
    """
    if len(text) > 80:
        return None
    name = text.removesuffix(".")
    if _caps_byline(name):
        return name
    match = _PAR_REPORTER.fullmatch(name)
    if match and _is_name(match["name"], strict=False):
        return name.removeprefix("Par").strip()
    match = _PAR_BYLINE.fullmatch(text)
    if match:
        return match["name"].rstrip(".")
    # « Gabin TOVONON », « Abdou ZIDA (Stagiaire) », « Awa SOW, pour X.Info »
    rest = name
    for tail in (_FOR_OUTLET, _ROLE_AFTER_COMMA, _ROLE_IN_BRACKETS):
        # each tail must end the line: the last match, if it reaches the end
        found = None
        for found in tail.finditer(rest):
            pass
        if found is not None and found.end() == len(rest):
            rest = rest[:found.start()]
    if rest == name:
        return name if _is_name(rest) else None
    # with a role or an outlet, a name needs no capitals: « Awa Diop (AMAP) »
    if _caps_byline(rest) or (len(rest.split()) >= 2 and _is_name(rest, strict=False)):
        # the period of an outlet (« VisionGuinee.Info ») is kept, the final one not
        return name
    return None


# --------------------------------------------------------------------------- #
# Parsing
# --------------------------------------------------------------------------- #
def load_article(path: str | os.PathLike[str] | None = None) -> Article:
    """Read and parse an article file (by default, the kit's seed article).

    Parameters
    ----------
    path : str or path-like, optional
        A text file of the same scraped shape as the seed: ``Rubric / Title``
        on the first line, then paragraphs.  ``None`` reads the seed.  A news
        page saved from a browser (``.html``) is read too, with trafilatura
        (see :func:`articlekit.import_page`).

    Returns
    -------
    Article

    Raises
    ------
    ArticleFormatError
        The file is empty, blank, binary, too big, or has no body; the
        message starts with the file name.
    FileNotFoundError
        There is no such file.

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.load_article()
    >>> article.date_text
    'jeudi, 06 février 2025'
    >>> article.paragraphs[0].text[:40]
    'Le Ministre de la Défense et des anciens'
    """
    file = Path(path) if path is not None else seed_path()
    if path is not None:
        from . import webpage  # light: trafilatura is imported only when a page is read

        if webpage.is_web_page(file):  # a page saved from a browser (.html, or HTML content)
            return webpage.import_page(file).to_article()
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise ArticleFormatError(
            file.name,
            f"the file is {size / 1024 / 1024:.1f} MiB, over the "
            f"{MAX_BYTES // 1024 // 1024} MiB limit for one article",
        )
    with file.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)  # guard against a file growing meanwhile
    return parse_article(data, source=file)


def parse_article(data: bytes | str, *, source: str | os.PathLike[str] | None = None) -> Article:
    """Parse the content of an article file (bytes or already decoded text).

    Parameters
    ----------
    data : bytes or str
        The file content.  Bytes are decoded as UTF-8 (byte-order mark
        allowed), else as Windows-1252.
    source : str or path-like, optional
        Where the content comes from; used in error messages and kept in
        ``article.source``.

    Returns
    -------
    Article

    Raises
    ------
    ArticleFormatError
        When the content is not an article (see :func:`load_article`).

    Examples
    --------
    >>> import articlekit as ak
    >>> article = ak.parse_article("Monde / Un titre\\n\\nUn paragraphe. Un autre.\\n")
    >>> article.rubric, article.title, [s.text for s in article.sentences]
    ('Monde', 'Un titre', ['Un paragraphe.', 'Un autre.'])
    """
    path = Path(source) if source is not None else None
    name = path.name if path is not None else "<text>"
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > MAX_BYTES:
        raise ArticleFormatError(
            name, f"the content is {size / 1024 / 1024:.1f} MiB, over the "
            f"{MAX_BYTES // 1024 // 1024} MiB limit for one article",
        )
    if size == 0:
        raise ArticleFormatError(name, "the file is empty")

    # Whole-file steps come first in the report, then line steps in line order.
    file_steps: list[CleaningStep] = []
    steps: list[CleaningStep] = []
    if isinstance(data, bytes):
        raw, decode_steps = _decode(data, name)
        file_steps.extend(decode_steps)
    else:
        raw = data[1:] if data.startswith("\ufeff") else data
        _check_text(raw, name)

    raw_lines = _split_lines(raw)
    crlf = raw.count("\r\n")
    if crlf:
        file_steps.append(CleaningStep(1, "normalised", "Windows line endings", "",
                                  f"{crlf} lines end with CR LF; read as plain line breaks"))

    lines = [_normalise(n, start, text) for n, (start, text) in enumerate(raw_lines, 1)]
    content: list[_Line] = []
    for line in lines:
        if line.text and line.text.strip(_ZERO_WIDTH):
            content.append(line)
        elif line.raw:
            steps.append(CleaningStep(line.number, "removed", "whitespace-only line",
                                      line.raw, _blank_detail(line.raw)))
    if not content:
        raise ArticleFormatError(name, "the file holds only whitespace")

    # Line 1: "Rubric / Title".
    head, *rest = content
    if " / " in head.text:
        rubric, title = (part.strip() for part in head.text.split(" / ", 1))
    elif len(head.text) <= MAX_TITLE_CHARS:
        rubric, title = None, head.text
    else:
        raise ArticleFormatError(
            name,
            f"line {head.number} should be 'Rubric / Title' but is a "
            f"{len(head.text)}-character line without ' / '",
        )
    if not title:
        raise ArticleFormatError(name, f"line {head.number} has a rubric but no title")
    if not any(c.isalpha() for c in title):
        # « { » (a notebook or JSON file), « ---- »: not a headline, so not an article
        raise ArticleFormatError(
            name, f"line {head.number} should be 'Rubric / Title' but holds no word: {head.text[:40]!r}")
    steps.append(CleaningStep(head.number, "moved", "rubric and title", head.raw,
                              f"rubric={rubric!r}, title={title!r}"))

    body: list[_Line] = []
    for k, line in enumerate(rest):
        if k == 0 and line.text in (head.text, title):
            steps.append(CleaningStep(line.number, "removed", "duplicate title", line.raw,
                                      "the title line is repeated"))
        elif _is_web_error_footer(line.text):
            steps.append(CleaningStep(line.number, "removed", "web-error footer", line.raw,
                                      "an error message of the website, not the article"))
        else:
            body.append(line)

    # The byline is the last line of the body, or else the line right after
    # the title; a one-paragraph body is never a byline.
    byline = _byline(body[-1].text) if len(body) > 1 else None
    if byline is not None:
        last = body.pop()
        steps.append(CleaningStep(last.number, "moved", "byline", last.raw,
                                  f"byline={byline!r}"))
    elif len(body) > 1:
        # right after the title, a line in capitals is rather a heading
        # (« RENTRÉE SCOLAIRE ») unless it has an initial (« B. COULIBALY »)
        byline = _byline(body[0].text)
        if byline is not None and _caps_byline(byline) and not _INITIAL.search(byline):
            byline = None
        if byline is not None:
            first = body.pop(0)
            steps.append(CleaningStep(first.number, "moved", "byline", first.raw,
                                      f"byline={byline!r} (right after the title)"))
    if not body:
        raise ArticleFormatError(name, "there is a title line but no body paragraph")

    for line in body:
        detail = _spaces_detail(line)
        if detail:
            steps.append(CleaningStep(line.number, "normalised", "normalised spaces",
                                      line.raw, detail))
    steps.sort(key=lambda step: step.line)

    text, paragraphs, offsets = _join_paragraphs(body, len(raw))
    sentences = _sentences(paragraphs)
    found = find_date(text)
    date, date_text = (found[0], found[1]) if found else (None, None)
    return Article(
        text=text, rubric=rubric, title=title, byline=byline, date=date,
        date_text=date_text, language="fr", paragraphs=paragraphs,
        sentences=sentences, cleaning=tuple(file_steps + steps), raw=raw, source=path,
        offsets=offsets,
    )


def _join_paragraphs(
    body: list[_Line], raw_length: int
) -> tuple[str, tuple[Paragraph, ...], OffsetMap]:
    """Join body lines with blank lines and build the clean -> raw map."""
    clean_starts: list[int] = []
    raw_starts: list[int] = []

    def add(clean: int, raw: int) -> None:
        # Merge with the previous segment when clean and raw keep in step.
        if clean_starts and raw - raw_starts[-1] == clean - clean_starts[-1]:
            return
        clean_starts.append(clean)
        raw_starts.append(raw)

    pieces: list[str] = []
    paragraphs: list[Paragraph] = []
    length = 0
    for index, line in enumerate(body):
        if index:
            # The blank line "\n\n" maps to the end of the previous raw line
            # and to the character just before this paragraph.
            previous = body[index - 1]
            add(length, previous.raw_start + len(previous.raw))
            add(length + 1, line.segments[0][1] - 1)
            pieces.append("\n\n")
            length += 2
        for local, raw in line.segments:
            add(length + local, raw)
        paragraphs.append(Paragraph(index, length, length + len(line.text), line.text))
        pieces.append(line.text)
        length += len(line.text)
    offsets = OffsetMap(tuple(clean_starts), tuple(raw_starts), length, raw_length)
    return "".join(pieces), tuple(paragraphs), offsets


def _sentences(paragraphs: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    for p in paragraphs:
        for a, b in split_sentences(p.text):
            sentences.append(Sentence(len(sentences), p.index, p.start + a, p.start + b,
                                      p.text[a:b]))
    return tuple(sentences)
