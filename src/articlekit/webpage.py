"""Turn a news page saved from a browser into an article of the kit.

A teacher who wants to work on another article opens it in a browser and
saves it (*File › Save page as…*, « Enregistrer sous… »).  The saved page
holds far more than the article: menus, a cookie banner, share buttons,
comments, links to other articles.  :func:`import_page` asks `trafilatura
<https://trafilatura.readthedocs.io>`_, a well-kept extractor of the main text
of web pages, for the article, and writes it in the kit's text layout, the
layout of the seed (``seeds/*.txt``)::

    Société / Ségou : la nouvelle station de pompage…   <- rubric / title
                                                         <- blank lines between lines
    Société / Ségou : la nouvelle station de pompage…   <- the title again
    Publié le mercredi, 12 mars 2025                     <- the page's date, written like the seed's
    La station de pompage construite sur la rive…        <- one paragraph a line
    …
    Par Aminata KONATÉ                                   <- byline

What is read from the page:

- **title**, **date** and **author**: trafilatura's metadata (``<title>``,
  ``og:title``, ``<time>``, ``<meta name="author">``, JSON-LD
  ``NewsArticle``...).  A « Par … » line that trafilatura leaves in the text
  becomes the byline; several authors are joined by commas, the form the
  parser reads as one byline.
- **rubric**: the section the page gives (``article:section``, JSON-LD
  ``articleSection``), else the last entry of the breadcrumb (« Accueil ›
  Économie › Agriculture » gives « Agriculture »), else none.
- **paragraphs**: trafilatura's text, one paragraph a line, without the
  lines that repeat the title, the byline or the date.  Tables are left out:
  old news sites lay their pages out with tables, and a table of figures is
  not prose the lessons can read.

What is dropped is reported: every block of text of the page that is not in
the article, with what it is (« navigation », « cookie banner », « share
buttons », « comments »...), told by the page's own markup (``<nav>``,
``class="share-buttons"``, ``id="comments"``...) and by the comments
trafilatura recognised.

The date line is the first paragraph for the parser
(:func:`articlekit.load_article` takes the first French date of the body as
``article.date``): that is how the page's date becomes ``article.date``.

On the command line, ``articlekit import page.html`` writes ``page.txt``
beside the page (where the teacher looks for it, under a name they know) and
prints what it read and what it dropped; ``-o article.txt`` chooses the
file, ``-o -`` prints the article instead (the report then goes to stderr).
An existing file is never replaced without ``--force``.  Bad input (not a
page, an empty file, a page of menus only) is one line on stderr and exit
code 2, and no file is written.  ``articlekit.load_article("page.html")``
reads a page directly, without writing anything.

Examples
--------
>>> from articlekit.webpage import parse_page
>>> html = '''<html><head><title>Kita plante deux cents arbres</title></head><body>
... <nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav>
... <article><h1>Kita plante deux cents arbres</h1>
... <p>Les élèves de Kita ont planté deux cents arbres autour de leur école, avec l’aide
... des parents et des services des eaux et forêts.</p>
... <p>Chaque classe arrosera ses arbres pendant la saison sèche, explique le directeur,
... qui compte sur les vacances pour trouver des volontaires.</p>
... <p>Par Awa DIOP</p></article></body></html>'''
>>> page = parse_page(html, source="kita.html")
>>> page.title, page.author, len(page.paragraphs)
('Kita plante deux cents arbres', 'Awa DIOP', 2)
>>> [(block.kind, block.text) for block in page.dropped]
[('navigation', 'Accueil Sport')]
"""

from __future__ import annotations

import argparse
import datetime as _dt
import errno
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .model import CleaningStep
from .parsing import MAX_TITLE_CHARS, ArticleFormatError, find_date, parse_article

if TYPE_CHECKING:
    from .model import Article

__all__ = [
    "DROPPED_KINDS",
    "HTML_SUFFIXES",
    "MAX_PAGE_BYTES",
    "MIN_PARAGRAPH_WORDS",
    "DroppedBlock",
    "WebPage",
    "default_output",
    "import_arguments",
    "import_page",
    "is_web_page",
    "parse_page",
    "run_import",
]

#: File names read as web pages by :func:`articlekit.load_article` (``.mhtml``:
#: « Page web, un seul fichier », a whole page in one MIME file).
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht"})
#: Largest page accepted, in bytes.  A saved page is much bigger than its
#: article (scripts, styles, images inlined in an .mhtml file).
MAX_PAGE_BYTES = 32 * 1024 * 1024
#: The kinds of dropped blocks, in the order the report lists them.
DROPPED_KINDS = (
    "cookie banner", "navigation", "breadcrumb", "share buttons", "comments",
    "related links", "newsletter", "advertising", "site header", "site footer",
    "sidebar", "form", "other",
)
#: A paragraph needs this many words for the page to hold an article: a page
#: of menus gives trafilatura only short lines (« Politique », « Sport »).
MIN_PARAGRAPH_WORDS = 12

_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre")

# --------------------------------------------------------------------------- #
# What a dropped block is, told by the class, id, role and aria-label of the
# block or of one of its ancestors (the innermost that says something wins).
# --------------------------------------------------------------------------- #
# These marks say what a block is even when it holds a name or a date (a
# comment « Seydou B., 6 novembre 2024 », a menu entry « Société »).
_STRONG_MARKS = (
    ("cookie banner", re.compile(r"cookie|consent|gdpr|rgpd|didomi|tarteaucitron|onetrust"
                                 r"|(?<![a-z])cmp(?![a-z])")),
    ("comments", re.compile(r"comment|disqus|(?<![a-z])respond(?![a-z])|(?<![a-z])reactions?(?![a-z])")),
    ("share buttons", re.compile(r"share|sharing|partag|social|sociaux")),
    ("breadcrumb", re.compile(r"breadcrumb|ariane")),
    ("navigation", re.compile(r"(?<![a-z])nav|menu|pagination|pager|skip-link")),
    ("related links", re.compile(r"related|lire-aussi|a-lire|alire|read-?more|recommend|recommand"
                                 r"|most-read|plus-lus|popular|trending|similar"
                                 r"|(?<![a-z])tags?(?![a-z])|keywords|mots-cles")),
    ("newsletter", re.compile(r"newsletter|subscri|abonn|sign-?up")),
    ("advertising", re.compile(r"(?<![a-z])ads?(?![a-z])|advert|sponsor|publicit|(?<![a-z])pub(?![a-z])"
                               r"|taboola|outbrain")),
)
# These only when the block is not the article's title, byline or date line.
_WEAK_MARKS = (
    ("site footer", re.compile(r"footer|(?<![a-z])pied|copyright")),
    ("site header", re.compile(r"(?<![a-z])(?:site|page|main|global|top)-?header|masthead|top-?bar"
                               r"|header-wrap|logo")),
    ("sidebar", re.compile(r"sidebar|widget")),
)
# HTML elements that say what they hold.  ``header`` and ``footer`` inside an
# ``<article>`` belong to the article (its title, its date), so they say nothing.
_TAG_KINDS = (("nav", "navigation"), ("aside", "sidebar"), ("form", "form"), ("select", "form"),
              ("header", "site header"), ("footer", "site footer"))
# When the markup says nothing, the words can: « Partager sur Facebook ».
_SHARE_WORDS = re.compile(r"\b(?:partager|partagez|share|facebook|twitter|whatsapp|linkedin|telegram"
                          r"|imprimer|envoyer par (?:e-?mail|courriel)|copier le lien)\b", re.IGNORECASE)
_COOKIE_WORDS = re.compile(r"\b(?:cookies?|traceurs|consentement)\b", re.IGNORECASE)
_NAVIGATION_WORDS = re.compile(r"^(?:aller|passer) (?:au|directement au) contenu|^skip to (?:main )?content",
                               re.IGNORECASE)

# Elements that start a new block of text (every other element runs inline).
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "button", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "label", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre",
    "section", "select", "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul",
})
# Elements whose text is never shown on the page.
_HIDDEN_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")

# A date line kept by trafilatura: « Publié le 03/02/2025 à 18h45 », « Mis à jour le … ».
_DATE_LINE_START = re.compile(r"(?:publiée?|mise? à jour|modifiée?|actualisée?|posted|updated)\b",
                              re.IGNORECASE)
_HOUR = re.compile(r"\b\d{1,2}\s*(?:h|:)\s*\d{0,2}(?:\s*min)?\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})\b")
# « Par Adama SIDIBÉ et Kadiatou TRAORÉ », « Par notre correspondant à Kayes, B. COULIBALY »
_PAR_LINE = re.compile(r"(?:par|by)\s*:?\s+(?P<name>\S.*)", re.IGNORECASE)
_REPORTER = re.compile(r"(?:notre|nos|votre|un|une|l[’']|le|la|les|des)\s*(?:correspondante?|envoyée?|reporter"
                       r"|journaliste|rédaction|stagiaire|équipe|service)", re.IGNORECASE)
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|&|\bet\b|\band\b)\s*")
# Breadcrumb entries that name no section.
_NOT_A_RUBRIC = frozenset({"accueil", "home", "une", "à la une", "la une", "actualités", "actualité", "news"})
_BREADCRUMB_SEPARATORS = re.compile(r"\s*[›»>|/→·•]\s*|\n")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
# How a saved page starts (after a byte-order mark and spaces), for files not named .html.
_PAGE_STARTS = (b"<!doctype html", b"<html", b"<!-- saved from url", b"<head", b"mime-version:",
                b"from: <saved by")
_HTML_TAG = re.compile(r"<(?:html|head|body|article|main|p|div|h1|title|meta)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DroppedBlock:
    """A block of text of the page that is not in the article.

    Attributes
    ----------
    kind : str
        What it is, one of :data:`DROPPED_KINDS`: ``'navigation'``,
        ``'cookie banner'``, ``'share buttons'``, ``'comments'``...
    text : str
        Its text, spaces normalised.
    line : int or None
        Its line in the saved page (the HTML part, for an ``.mhtml`` file).

    Examples
    --------
    >>> from articlekit.webpage import DroppedBlock
    >>> DroppedBlock("share buttons", "Partager sur Facebook", 42).words
    3
    """

    kind: str
    text: str
    line: int | None

    @property
    def words(self) -> int:
        """The number of words of the block."""
        return len(self.text.split())


@dataclass(frozen=True)
class WebPage:
    """The article of a saved web page, and what was dropped to get it.

    Build it with :func:`import_page` (a file) or :func:`parse_page` (its
    content).

    Attributes
    ----------
    source : pathlib.Path or None
        The page file, or ``None`` for content given as a string.
    rubric : str or None
        The section of the website, when the page gives one.
    title : str
    date : datetime.date or None
        The date the page gives (usually the publication date).
    author : str or None
        The byline, as the parser reads it back (``'Aminata KONATÉ'``).
    paragraphs : tuple of str
        The body paragraphs (the date line not included).
    dropped : tuple of DroppedBlock
        The blocks of the page that are not in the article, in page order.
    notes : tuple of str
        Anything the teacher should check (a title changed to fit the
        layout, a byline the parser did not recognise...).
    encoding : str
        How the bytes of the page were read (``'utf-8'``, ``'windows-1252'``).
    article : Article
        The article parsed back from :meth:`to_text`, as
        :func:`articlekit.load_article` reads the written file.

    Examples
    --------
    >>> from articlekit.webpage import parse_page
    >>> text = "La mairie de Kita a ouvert un nouveau marché couvert pour les vendeuses de légumes. " * 3
    >>> page = parse_page(f"<html><body><h1>Un marché à Kita</h1><p>{text}</p></body></html>")
    >>> page.to_text().splitlines()[:3]  # the head line, a blank line, the head line again
    ['Un marché à Kita', '', 'Un marché à Kita']
    """

    source: Path | None
    rubric: str | None
    title: str
    date: _dt.date | None
    author: str | None
    paragraphs: tuple[str, ...]
    dropped: tuple[DroppedBlock, ...]
    notes: tuple[str, ...]
    encoding: str
    article: "Article" = field(repr=False, compare=False)

    @property
    def date_text(self) -> str | None:
        """The date written like the seed writes it: ``'mercredi, 12 mars 2025'``.

        The day has two digits, as in the seed (« jeudi, 06 février 2025 »), so
        that what lesson 1 does with the seed's date works on any article.

        Examples
        --------
        >>> from articlekit.webpage import parse_page
        >>> text = "La route de Kati a rouvert après trois semaines de travaux sur le pont. " * 2
        >>> page = parse_page('<html><head><meta property="article:published_time" content="2024-09-01">'
        ...                   f'</head><body><h1>La route rouverte</h1><p>{text}</p></body></html>')
        >>> page.date, page.date_text
        (datetime.date(2024, 9, 1), 'dimanche, 01 septembre 2024')
        >>> page.date_line
        'Publié le dimanche, 01 septembre 2024'
        """
        return _french_date(self.date) if self.date is not None else None

    @property
    def date_line(self) -> str | None:
        """The line written after the title: ``'Publié le mercredi, 12 mars 2025'`` (see :attr:`date_text`)."""
        return f"Publié le {self.date_text}" if self.date is not None else None

    def to_text(self) -> str:
        """Return the article in the kit's text layout (what ``articlekit import`` writes).

        Examples
        --------
        >>> from articlekit.webpage import parse_page
        >>> text = "Les pêcheurs de Mopti attendent la crue du fleuve pour reprendre leurs sorties. " * 3
        >>> page = parse_page('<html><head><meta property="article:section" content="Société">'
        ...                   f'</head><body><h1>La crue attendue</h1><p>{text}</p></body></html>')
        >>> page.to_text().splitlines()[0]
        'Société / La crue attendue'
        """
        return _layout(self.rubric, self.title, self.date_line, self.paragraphs, self.author)

    def to_article(self) -> "Article":
        """Return the article, with what was dropped from the page in its cleaning report.

        This is what :func:`articlekit.load_article` returns for a page:
        ``article.raw`` is the article in the kit's layout (:meth:`to_text`),
        and the first cleaning step says that the file was read as a web page.

        Examples
        --------
        >>> from articlekit.webpage import parse_page
        >>> text = "Le club de Kayes a gagné la finale de la coupe nationale dimanche soir. " * 3
        >>> article = parse_page(f"<html><body><h1>Kayes gagne</h1><p>{text}</p></body></html>").to_article()
        >>> article.cleaning[0].reason
        'web page'
        """
        counts = ", ".join(f"{kind} {n}" for kind, n, _ in _summary(self.dropped))
        detail = (f"read with trafilatura ({self.encoding}) into the kit's text layout (article.raw); "
                  f"{len(self.dropped)} block{'s' * (len(self.dropped) != 1)} of the page dropped"
                  + (f": {counts}" if counts else ""))
        step = CleaningStep(1, "decoded", "web page", "", detail)
        return replace(self.article, cleaning=(step, *self.article.cleaning))

    def report(self, *, verbose: bool = False) -> str:
        """Return what was read from the page and what was dropped, one item a line.

        Parameters
        ----------
        verbose : bool
            Also list every dropped block with its line in the page.

        Examples
        --------
        >>> from articlekit.webpage import parse_page
        >>> text = "Le club de Kayes a gagné la finale de la coupe nationale dimanche soir. " * 3
        >>> page = parse_page('<html><body><div class="share">Partager sur Facebook</div>'
        ...                   f'<h1>Kayes gagne</h1><p>{text}</p></body></html>')
        >>> print(page.report())  # doctest: +NORMALIZE_WHITESPACE
        rubric:     -
        title:      Kayes gagne
        date:       -
        byline:     -
        paragraphs: 1
        dropped:    1 block of the page, 3 words, not in the article
          share buttons     1 block     3 words  « Partager sur Facebook »
        """
        words = sum(block.words for block in self.dropped)
        n = len(self.dropped)
        lines = [
            f"rubric:     {self.rubric if self.rubric is not None else '-'}",
            f"title:      {self.title}",
            f"date:       {self.date.isoformat() if self.date else '-'}"
            + (f" ({self.date_line})" if self.date else ""),
            f"byline:     {self.author if self.author is not None else '-'}",
            f"paragraphs: {len(self.paragraphs)}" + (" (and the date line before them)" if self.date else ""),
            f"dropped:    {n} block{'s' * (n != 1)} of the page, {words} word{'s' * (words != 1)}, "
            "not in the article",
        ]
        for kind, count, blocks in _summary(self.dropped):
            kind_words = sum(block.words for block in blocks)
            examples = ", ".join(f"« {_shorten(block.text)} »" for block in blocks[:3])
            more = ", …" if count > 3 else ""
            lines.append(f"  {kind:<16}{count:>3} block{'s' * (count != 1):<1} {kind_words:>5} "
                         f"word{'s' * (kind_words != 1):<1}  {examples}{more}")
        if verbose:
            for block in self.dropped:
                where = f"line {block.line:>4}" if block.line is not None else "line    ?"
                lines.append(f"  {where}  {block.kind:<14} « {_shorten(block.text, 60)} »")
        lines.extend(f"note:       {note}" for note in self.notes)
        return "\n".join(lines)

    def save(self, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write :meth:`to_text` to ``path`` (UTF-8) and return the path.

        Parameters
        ----------
        path : str or path-like
        force : bool
            Replace the file if it exists; without it an existing file is
            never touched (:class:`FileExistsError`).

        Examples
        --------
        >>> from articlekit.webpage import parse_page
        >>> text = "Le club de Kayes a gagné la finale de la coupe nationale dimanche soir. " * 3
        >>> page = parse_page(f"<html><body><h1>Kayes gagne</h1><p>{text}</p></body></html>")
        >>> page.save("kayes.txt").name
        'kayes.txt'
        >>> import articlekit as ak
        >>> ak.load_article("kayes.txt").title
        'Kayes gagne'
        """
        return _write_new(Path(path), self.to_text(), force=force)


# --------------------------------------------------------------------------- #
# Reading a page
# --------------------------------------------------------------------------- #
def is_web_page(path: str | os.PathLike[str]) -> bool:
    """Tell whether a file is a saved web page rather than an article in the text layout.

    A name ending in one of :data:`HTML_SUFFIXES` is a page; so is a file
    of another name that starts like one (``<!DOCTYPE html``, ``<html``, a
    MIME header).

    Raises
    ------
    OSError
        When a file whose name does not tell cannot be read.

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.webpage import is_web_page
    >>> is_web_page("page.html"), is_web_page(ak.seed_path())
    (True, False)
    """
    file = Path(path)
    if file.suffix.lower() in HTML_SUFFIXES:
        return True
    with file.open("rb") as handle:
        start = handle.read(1024)
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        start = start.decode("utf-16", errors="ignore").encode("utf-8")
    return start.removeprefix(b"\xef\xbb\xbf").lstrip().lower().startswith(_PAGE_STARTS)


def import_page(path: str | os.PathLike[str]) -> WebPage:
    """Read a news page saved from a browser and return its article.

    Parameters
    ----------
    path : str or path-like
        An ``.html`` file (*File › Save page as…*, « Page web, HTML
        uniquement » or « complète »), or an ``.mhtml`` file (« un seul
        fichier »).

    Returns
    -------
    WebPage
        ``page.to_text()`` is the article in the kit's layout,
        ``page.save("article.txt")`` writes it, ``page.to_article()`` is the
        :class:`~articlekit.model.Article`; ``page.report()`` tells what was
        dropped.

    Raises
    ------
    ArticleFormatError
        The file is empty, not a web page, too big, or holds no article
        text; the message starts with the file name.
    FileNotFoundError
        There is no such file.

    Examples
    --------
    >>> import articlekit as ak
    >>> from pathlib import Path
    >>> text = "Les pêcheurs de Mopti attendent la crue du fleuve pour reprendre leurs sorties. " * 3
    >>> _ = Path("crue.html").write_text(
    ...     '<html><head><meta name="author" content="Moussa Keita"></head><body>'
    ...     f'<h1>La crue attendue à Mopti</h1><p>{text}</p><p>{text}</p></body></html>', encoding="utf-8")
    >>> page = ak.import_page("crue.html")
    >>> page.title, page.author, len(page.paragraphs)
    ('La crue attendue à Mopti', 'Moussa Keita', 2)
    >>> ak.load_article("crue.html").byline
    'Moussa Keita'
    """
    file = Path(path)
    size = file.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise ArticleFormatError(file.name, f"the file is {size / 1024 / 1024:.1f} MiB, over the "
                                 f"{MAX_PAGE_BYTES // 1024 // 1024} MiB limit for one web page")
    with file.open("rb") as handle:
        data = handle.read(MAX_PAGE_BYTES + 1)  # guard against a file growing meanwhile
    return parse_page(data, source=file)


def parse_page(data: bytes | str, *, source: str | os.PathLike[str] | None = None) -> WebPage:
    """Extract the article of a web page's content (bytes or already decoded text).

    Parameters
    ----------
    data : bytes or str
        The page: HTML, or an MHTML file (a page saved as one file).
    source : str or path-like, optional
        Where the content comes from, for error messages and
        ``page.source``.

    Returns
    -------
    WebPage

    Raises
    ------
    ArticleFormatError
        When the content is not a web page or holds no article
        (see :func:`import_page`).

    Examples
    --------
    >>> from articlekit.webpage import parse_page
    >>> try:
    ...     parse_page("Monde / Un titre\\n\\nUn paragraphe.\\n", source="notes.html")
    ... except ValueError as error:
    ...     print(error)  # doctest: +ELLIPSIS
    notes.html: not an HTML page (no <html>, <head> or <body> tag; it starts with 'Monde / Un titre'); ...
    """
    path = Path(source) if source is not None else None
    name = path.name if path is not None else "<text>"
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > MAX_PAGE_BYTES:
        raise ArticleFormatError(name, f"the content is {size / 1024 / 1024:.1f} MiB, over the "
                                 f"{MAX_PAGE_BYTES // 1024 // 1024} MiB limit for one web page")
    if size == 0:
        raise ArticleFormatError(name, "the file is empty")
    if isinstance(data, bytes):
        html, encoding = _decode_page(data, name)
    else:
        html, encoding = data.removeprefix("\ufeff"), "text"
    if not html.strip():
        raise ArticleFormatError(name, "the file holds only whitespace")
    if "\x00" in html:
        raise ArticleFormatError(name, "binary data, not a web page (NUL character)")
    start = html.lstrip()
    if not start.startswith("<") or not _HTML_TAG.search(html, 0, 65536):
        raise ArticleFormatError(
            name, f"not an HTML page (no <html>, <head> or <body> tag; it starts with "
            f"{_shorten(start.splitlines()[0] if start else '', 40)!r}); "
            "an article already in the kit's text layout needs no import")
    return _extract(html, encoding, name, path)


def _decode_page(data: bytes, name: str) -> tuple[str, str]:
    """Decode page bytes: a byte-order mark, else the page's ``<meta charset>``, else UTF-8, else Windows-1252.

    An MHTML file (a page saved as one file) is opened first and its HTML part decoded.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ArticleFormatError(name, "binary data, not UTF-16 text despite its byte-order mark") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if b"\x00" in data:
        nul = data.index(b"\x00")
        raise ArticleFormatError(name, f"binary data, not a web page (NUL byte at offset {nul})")
    charset = None
    head = data[:4096].lower()
    if head.lstrip().startswith((b"mime-version:", b"from:")) and b"multipart/related" in head:
        data, charset = _mhtml_html_part(data, name)  # a page saved as one file
    declared = _META_CHARSET.search(data, 0, 8192)
    for candidate in (charset, declared.group(1).decode("ascii", "ignore") if declared else None, "utf-8"):
        if candidate:
            try:
                return data.decode(candidate), _codec_name(candidate)
            except (LookupError, UnicodeDecodeError):
                continue
    # Saved pages that lie about their encoding are usually Western Windows pages.
    return data.decode("cp1252", errors="replace"), "windows-1252"


def _codec_name(label: str) -> str:
    """``'UTF-8'`` -> ``'utf-8'``, ``'cp1252'`` -> ``'windows-1252'``: the name the report shows."""
    import codecs

    name = codecs.lookup(label).name
    return {"cp1252": "windows-1252", "iso8859-1": "iso-8859-1", "latin-1": "iso-8859-1"}.get(name, name)


def _mhtml_html_part(data: bytes, name: str) -> tuple[bytes, str | None]:
    """Return the HTML part of an MHTML file and its declared charset."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                return payload, part.get_content_charset()
    raise ArticleFormatError(name, "an MHTML file without an HTML page in it")


# --------------------------------------------------------------------------- #
# Extraction
# --------------------------------------------------------------------------- #
def _extract(html: str, encoding: str, name: str, path: Path | None) -> WebPage:
    """Run trafilatura on the page and build the :class:`WebPage`."""
    try:
        import trafilatura
    except ImportError as error:  # an install without the kit's dependencies
        raise ImportError("reading a web page needs trafilatura: pip install trafilatura") from error

    # lxml refuses a str that declares its encoding; the page is decoded already.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    tree = trafilatura.load_html(html)
    if tree is None:
        raise ArticleFormatError(name, "not an HTML page (lxml cannot read it)")
    # trafilatura works on its own copy of the tree; tables are left out (see the module's docstring).
    document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=True,
                                           include_tables=False, deduplicate=False)
    notes: list[str] = []
    lines = [_clean(line) for line in (document.text if document is not None else "").splitlines()]
    if not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in lines):
        raise _no_article(name, [line for line in lines if line])
    title = _clean(document.title) or _clean(_first_text(tree, ".//h1"))
    if not title:
        raise ArticleFormatError(name, "the page has no title (no <title>, <h1> or og:title)")
    comments = [_clean(line) for line in (document.comments or "").splitlines()]
    author = _author(document.author)
    rubric = _rubric(document.categories, tree, title)
    date = _date(document.date)

    body: list[str] = []
    for line in lines:
        if not line or _same(line, title) or (rubric and _same(line, rubric)):
            continue  # the title and the rubric have their own place in the layout
        if _is_date_line(line):
            continue  # so has the date
        par = _PAR_LINE.fullmatch(line)
        if par and _is_name_line(par["name"]):
            author = author or _author(par["name"])
            continue  # a « Par … » line is the byline, wherever trafilatura left it
        if author and _same(line, author):
            continue
        body.append(line)

    if not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in body):
        raise _no_article(name, body)

    page_title = title
    rubric, title = _fit_head(rubric, title, notes)
    article = _parse_back(rubric, title, date, body, author, path)
    if author is not None and article.byline != author:
        notes.append(f"the page's author « {author} » is left out: the parser would not read "
                     f"« Par {author} » as a byline but as a paragraph")
        author = None
        article = _parse_back(rubric, title, date, body, author, path)
    if author is None and article.byline is not None:
        # The parser reads the last line as a byline (« SEYDOU KANTÉ »): the page signs the
        # article in its text, so it is the author; it is written « Par … » like the others.
        article = _parse_back(rubric, title, date, _body_of(article, date), article.byline, path)
    # The page's byline and paragraphs are the file's, as load_article reads them back.
    author, body = article.byline, _body_of(article, date)

    kept = [page_title, title, *body] + ([author] if author else [])
    dropped = tuple(sorted(_dropped_blocks(tree, kept, comments, title=page_title, rubric=rubric,
                                           author=author, date=date), key=lambda block: block.line or 0))
    return WebPage(source=path, rubric=rubric, title=title, date=date, author=author,
                   paragraphs=tuple(body), dropped=dropped, notes=tuple(notes), encoding=encoding,
                   article=article)


def _no_article(name: str, lines: list[str]) -> ArticleFormatError:
    """The error for a page of menus and links: what trafilatura found instead of an article."""
    shown = ", ".join(f"« {_shorten(line, 20)} »" for line in lines[:3])
    return ArticleFormatError(
        name, "no article text in the page: trafilatura found "
        + (f"only short lines such as {shown} (menus, links)" if lines else "no text")
        + f"; an article needs a paragraph of {MIN_PARAGRAPH_WORDS} words or more")


def _parse_back(rubric: str | None, title: str, date: _dt.date | None, body: list[str],
                author: str | None, path: Path | None) -> "Article":
    """Parse the layout text as :func:`articlekit.load_article` will read the written file."""
    date_line = f"Publié le {_french_date(date)}" if date else None
    return parse_article(_layout(rubric, title, date_line, body, author), source=path)


def _body_of(article: "Article", date: _dt.date | None) -> list[str]:
    """The paragraphs of a parsed article, without the date line that opens them."""
    paragraphs = [p.text for p in article.paragraphs]
    if date is not None and paragraphs and paragraphs[0] == f"Publié le {_french_date(date)}":
        return paragraphs[1:]
    return paragraphs


def _layout(rubric: str | None, title: str, date_line: str | None, paragraphs: Iterable[str],
            author: str | None) -> str:
    """The kit's layout: head line, head line again, date line, paragraphs, byline; blank lines between."""
    head = f"{rubric} / {title}" if rubric else title
    lines = [head, head, *([date_line] if date_line else []), *paragraphs, *([f"Par {author}"] if author else [])]
    return "\n\n".join(lines) + "\n"


def _french_date(date: _dt.date) -> str:
    return f"{_WEEKDAYS[date.weekday()]}, {date.day:02d} {_MONTHS[date.month - 1]} {date.year}"


def _fit_head(rubric: str | None, title: str, notes: list[str]) -> tuple[str | None, str]:
    """Keep the head line readable as ``Rubric / Title``: the parser splits it at the first `` / ``."""
    if rubric and " / " in rubric:
        fitted = rubric.replace(" / ", " - ")
        notes.append(f"rubric « {rubric} » written « {fitted} »: « / » separates the rubric from the title")
        rubric = fitted
    if not rubric and " / " in title:
        fitted = title.replace(" / ", "/")
        notes.append(f"title « {title} » written « {fitted} »: with no rubric, « / » would make "
                     "its first part a rubric")
        title = fitted
    if not rubric and len(title) > MAX_TITLE_CHARS:
        # the parser takes a longer first line without a rubric for a paragraph, not a title
        fitted = title[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
        notes.append(f"the title is {len(title)} characters long: written « {_shorten(fitted, 60)} »")
        title = fitted
    return rubric, title


def _clean(text: str | None) -> str:
    """Spaces normalised the way the parser normalises them (non-breaking spaces included)."""
    return " ".join(text.split()) if text else ""


def _same(a: str, b: str) -> bool:
    return a.casefold().rstrip(" .") == b.casefold().rstrip(" .")


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _first_text(tree, xpath: str) -> str | None:
    found = tree.find(xpath)
    return found.text_content() if found is not None else None


def _author(raw: str | None) -> str | None:
    """« Par Adama SIDIBÉ et Kadiatou TRAORÉ » -> ``'Adama SIDIBÉ, Kadiatou TRAORÉ'``.

    Several authors are joined by commas: the parser reads « Par A, B » as
    one byline, not « Par A et B ».
    """
    text = _clean(raw)
    par = _PAR_LINE.fullmatch(text)
    if par:
        text = par["name"]
    names = [name for name in _AUTHOR_SEPARATORS.split(text) if name]
    return ", ".join(names).rstrip(".") or None


def _is_name_line(text: str) -> bool:
    """Names, not a sentence: « Adama SIDIBÉ et Kadiatou TRAORÉ », « notre correspondant à Kayes, B. KONÉ ».

    « Par ailleurs, le ministre… » (lowercase), « Par décret du 12 mars… » (a
    digit) and anything with a sentence's punctuation are not.
    """
    return (len(text) <= 100 and len(text.split()) <= 12
            and (text[:1].isupper() or _REPORTER.match(text) is not None)
            and not re.search(r"[\d!?:;«»]|\.\s+[^\W\d_]*[a-zà-ÿ]{2}", text))


def _is_date_line(line: str) -> bool:
    """« Publié le 03/02/2025 à 18h45 », « Mis à jour le 6 février 2025 »: a date, not a paragraph."""
    if len(line.split()) > 15:
        return False
    dated = find_date(line) is not None or _NUMERIC_DATE.search(line) is not None
    return dated and (_DATE_LINE_START.match(line) is not None or _date_covers(line))


def _date_covers(line: str) -> bool:
    """A line that is only a date and an hour: « 12 mars 2025 à 09h30 », « 05/11/2024 - 10:12 »."""
    rest = _NUMERIC_DATE.sub(" ", line)
    found = find_date(rest)
    if found is not None:
        rest = rest.replace(found[1], " ")
    rest = _HOUR.sub(" ", rest)
    return not re.sub(r"\b(?:le|à|a|gmt|utc)\b|[\W\d_]", " ", rest, flags=re.IGNORECASE).strip()


def _date(text: str | None) -> _dt.date | None:
    """trafilatura's ``'2025-03-12'`` -> a date."""
    try:
        return _dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- #
# Rubric
# --------------------------------------------------------------------------- #
def _rubric(categories: list[str] | None, tree, title: str) -> str | None:
    """The page's section: ``article:section`` or JSON-LD ``articleSection``, else the breadcrumb."""
    for category in categories or ():
        rubric = _clean(category)
        if _is_rubric(rubric, title):
            return rubric
    crumbs = [c for c in (*_html_breadcrumb(tree), *_jsonld_breadcrumb(tree)) if _is_rubric(c, title)]
    # The last entry before the article is the most precise section (« Économie › Agriculture »).
    return crumbs[-1] if crumbs else None


def _is_rubric(text: str, title: str) -> bool:
    """A section name: short, not « Accueil », not the title (a breadcrumb often ends with it, cut)."""
    folded = text.casefold()
    cut_title = len(text) > 30 and title.casefold().startswith(folded.rstrip("…. "))
    return (bool(text) and len(text) <= 60 and folded not in _NOT_A_RUBRIC and not _same(text, title)
            and not cut_title and not text.endswith(("…", "...")))


def _html_breadcrumb(tree) -> list[str]:
    """The entries of the first element marked as a breadcrumb (« Accueil › Sport › Football »)."""
    for element in tree.iter():
        if isinstance(element.tag, str) and re.search(r"breadcrumb|ariane", _marks(element)):
            items = element.findall(".//li")
            if items:
                return [_clean(item.text_content()) for item in items]
            return [_clean(part) for part in _BREADCRUMB_SEPARATORS.split(element.text_content())]
    return []


def _jsonld_breadcrumb(tree) -> list[str]:
    """The names of a JSON-LD ``BreadcrumbList``, in order of position."""
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or ""):
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # a page's broken JSON-LD is not the teacher's problem
        for node in _json_nodes(data):
            if node.get("@type") == "BreadcrumbList" and isinstance(node.get("itemListElement"), list):
                items = sorted((i for i in node["itemListElement"] if isinstance(i, dict)),
                               key=lambda i: i.get("position") if isinstance(i.get("position"), int) else 0)
                return [_clean(n) for n in map(_crumb_name, items) if n]
    return []


def _crumb_name(item: dict) -> str | None:
    """``{"name": "Sport"}`` or ``{"item": {"name": "Sport"}}``."""
    name = item.get("name")
    if not isinstance(name, str) and isinstance(item.get("item"), dict):
        name = item["item"].get("name")
    return name if isinstance(name, str) else None


def _json_nodes(data) -> Iterator[dict]:
    """Every object of a JSON-LD value (a list, an ``@graph`` or one object)."""
    if isinstance(data, list):
        for item in data:
            yield from _json_nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _json_nodes(data.get("@graph", []))


# --------------------------------------------------------------------------- #
# What was dropped
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class _Block:
    element: object  # the lxml element the text belongs to
    text: str
    line: int | None  # the line of its first words in the page


def _blocks(tree) -> list[_Block]:
    """The blocks of text the page shows, in page order.

    A block is a run of text inside one block element (``<p>``, ``<li>``,
    ``<div>``...) up to the next block element: ``<p>Partager : <a>Facebook</a></p>``
    is one block, ``<li>Accueil</li><li>Sport</li>`` two.
    """
    from lxml import etree

    import copy

    page = copy.deepcopy(tree)  # the tree is the caller's: hidden elements are dropped from a copy
    body = page.find(".//body")
    if body is None:
        body = page
    for hidden in body.xpath("|".join(f".//{tag}" for tag in _HIDDEN_TAGS)):
        hidden.drop_tree()  # keeps the text that follows the element
    blocks: list[_Block] = []
    # One entry per open block element: the element, its pieces of text, the line of the first one.
    stack: list[tuple[object, list[str], list[int | None]]] = []

    def add(text: str | None, line: int | None) -> None:
        element, pieces, first = stack[-1]
        if text:
            pieces.append(text)
            if not first and text.strip():
                first.append(line)  # a tail has no line of its own: its element's is the nearest

    def flush(element, pieces: list[str], first: list[int | None]) -> None:
        text = _clean("".join(pieces))
        if any(c.isalpha() for c in text):
            blocks.append(_Block(element, text, first[0] if first else element.sourceline))
        pieces.clear()
        first.clear()

    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if event == "start":
            if tag in _BLOCK_TAGS or not stack:
                if stack:
                    flush(*stack[-1])
                stack.append((element, [], []))
            if tag == "br":
                add(" ", None)
            elif tag is not None:
                add(element.text, element.sourceline)
        else:
            if stack and stack[-1][0] is element:
                flush(*stack.pop())
            if stack:
                add(element.tail, element.sourceline)
    return blocks


def _dropped_blocks(tree, kept: list[str], comments: list[str], *, title: str, rubric: str | None,
                    author: str | None, date: _dt.date | None) -> Iterator[DroppedBlock]:
    """The blocks of the page that are not in the article, each with its kind."""
    kept_lines = {line.casefold() for line in kept}
    kept_text = " ".join(kept).casefold()
    comment_lines = {line.casefold() for line in comments if line}
    comment_text = " ".join(comments).casefold()
    names = [name.casefold() for name in (author or "").split(", ") if name]
    for block in _blocks(tree):
        folded = block.text.casefold()
        if folded in kept_lines or (len(folded) >= 25 and folded in kept_text):
            continue  # in the article
        kind = None
        if folded in comment_lines or (len(folded) >= 25 and folded in comment_text):
            kind = "comments"  # trafilatura's own comment extractor says so
        kind = kind or _kind(block.element, _STRONG_MARKS)
        if kind is None and _is_metadata(block.text, title, rubric, names, date):
            continue  # the title, byline, date or rubric: they have their own lines in the layout
        if kind is None and _SHARE_WORDS.search(block.text) and block.text.count(" ") < 12:
            kind = "share buttons"
        if kind is None and _COOKIE_WORDS.search(block.text):
            kind = "cookie banner"
        if kind is None and _NAVIGATION_WORDS.search(block.text):
            kind = "navigation"
        kind = kind or _kind(block.element, _WEAK_MARKS) or _tag_kind(block.element) or "other"
        yield DroppedBlock(kind, block.text, block.line)


def _is_metadata(text: str, title: str, rubric: str | None, names: list[str], date: _dt.date | None) -> bool:
    folded = text.casefold()
    short = len(text.split()) <= 15
    return (_same(text, title) or bool(rubric and _same(text, rubric))
            or (short and any(name in folded for name in names))
            or (short and date is not None and _is_date_line(text)))


def _marks(element) -> str:
    """What an element says of itself: its class, id, role and aria-label, lowercased."""
    return " ".join(element.get(attribute, "") for attribute in ("class", "id", "role", "aria-label")).casefold()


def _ancestors(element) -> Iterator:
    while element is not None:
        if isinstance(element.tag, str):
            yield element
        element = element.getparent()


def _kind(element, marks: tuple) -> str | None:
    """The kind told by the innermost element (the block, then its ancestors) whose marks match."""
    for node in _ancestors(element):
        if node.tag.lower() in ("body", "html"):
            break  # a page-wide class (« single-post has-comments ») says nothing of one block
        said = _marks(node)
        if said.strip():
            for kind, pattern in marks:
                if pattern.search(said):
                    return kind
    return None


def _tag_kind(element) -> str | None:
    """The kind told by an HTML element (``<nav>``, ``<aside>``, ``<footer>``...)."""
    tags = dict(_TAG_KINDS)
    nodes = list(_ancestors(element))
    for k, node in enumerate(nodes):
        kind = tags.get(node.tag.lower())
        if kind is None:
            continue
        if node.tag.lower() in ("header", "footer") and any(a.tag.lower() in ("article", "main")
                                                             for a in nodes[k + 1:]):
            continue  # the article's own header or footer
        return kind
    return None


def _summary(dropped: Iterable[DroppedBlock]) -> list[tuple[str, int, list[DroppedBlock]]]:
    """``(kind, count, blocks)`` for each kind of dropped block, in :data:`DROPPED_KINDS` order."""
    by_kind: dict[str, list[DroppedBlock]] = {}
    for block in dropped:
        by_kind.setdefault(block.kind, []).append(block)
    return [(kind, len(by_kind[kind]), by_kind[kind]) for kind in DROPPED_KINDS if kind in by_kind]


# --------------------------------------------------------------------------- #
# Writing
# --------------------------------------------------------------------------- #
def _write_new(path: Path, text: str, *, force: bool) -> Path:
    """Write ``text`` whole or not at all; an existing file only with ``force``."""
    if force:
        # A temporary file beside the target, then a rename: the old file stays whole until then.
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", dir=path.parent or ".",
                                             prefix=f".{path.name}.", suffix=".tmp", delete=False)
        try:
            with handle:
                handle.write(text)
            os.replace(handle.name, path)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise
        return path
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": fails if the file exists
            out.write(text)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "already exists (add --force to replace it)", str(path)) from None
    except BaseException:
        path.unlink(missing_ok=True)  # never leave half a file
        raise
    return path


def default_output(page: str | os.PathLike[str]) -> Path:
    """Where ``articlekit import PAGE`` writes without ``-o``: beside the page, with ``.txt``.

    Examples
    --------
    >>> from articlekit.webpage import default_output
    >>> default_output("cours/ma-page.html").as_posix()
    'cours/ma-page.txt'
    """
    return Path(page).with_suffix(".txt")


# --------------------------------------------------------------------------- #
# articlekit import
# --------------------------------------------------------------------------- #
def import_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``articlekit import`` (registered in :mod:`articlekit.cli`)."""
    parser.add_argument("page", help="a news page saved from a browser (.html, .htm or .mhtml)")
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help="the article file to write (default: beside the page, its name with .txt; "
                             "'-' prints the article and sends the report to stderr)")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every dropped block with its line in the page")


def run_import(args: argparse.Namespace) -> int:
    """Run ``articlekit import``: 0 when the article is written, 2 on bad input (one line on stderr).

    Examples
    --------
    >>> from pathlib import Path
    >>> from articlekit.cli import main
    >>> _ = Path("vide.html").write_bytes(b"")
    >>> main(["import", "vide.html"])
    2
    """
    page_path = Path(args.page)
    output = None if args.output == "-" else Path(args.output) if args.output else default_output(page_path)
    try:
        if output is not None:
            if output.exists() and output.resolve() == page_path.resolve():
                raise ArticleFormatError(page_path.name, "the article would replace the page itself; "
                                         "give another name with -o")
            if output.exists() and not args.force:
                raise FileExistsError(errno.EEXIST, "already exists (add --force to replace it)", str(output))
        page = import_page(page_path)
        if output is None:
            sys.stdout.write(page.to_text())
            print(page.report(verbose=args.verbose), file=sys.stderr)
            return 0
        page.save(output, force=args.force)
    except (ArticleFormatError, ImportError, OSError) as error:
        print(f"articlekit import: {_one_line(error)}", file=sys.stderr)
        return 2
    print(f"wrote {output} from {page_path.name}")
    print(page.report(verbose=args.verbose))
    print(f'read it with: articlekit info {output}  or  ak.load_article("{output.as_posix()}")')
    return 0


def _one_line(error: BaseException) -> str:
    if isinstance(error, OSError) and error.filename is not None:
        return f"{error.filename}: {error.strerror or error}"
    return " ".join(str(error).split())
