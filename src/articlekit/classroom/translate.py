"""The French edition: lessons translated through gettext catalogues, built from the one source.

Hand copies of notebooks drift: a fix made in the English lesson is
forgotten in the French one.  So the kit keeps **one source per notebook**
(the English lesson) and one gettext catalogue per notebook and language,
``locale/<lang>/<folder>/<stem>.po``, which a translator edits with any PO
editor (Poedit, Weblate, a text editor).  The build writes the French
notebook *beside* the English one, so the two editions sort together::

    notebooks/01-reading.ipynb      the English lesson (source: 01-reading.md)
    notebooks/01-reading.fr.ipynb   built: same cells, prose and labels in French
    locale/fr/notebooks/01-reading.po   what the translator edits

What is translated
    the prose of markdown cells, block by block (a paragraph, a heading, a
    list item, a table row); in code cells, comments and the strings that a
    learner reads as text: ``print`` arguments, figure titles and labels,
    alt texts (:data:`LABEL_CALLS`, :data:`LABEL_KEYWORDS`).
What is never translated
    code: every other token of a code cell, fenced code, inline ``code``,
    link targets, HTML tags and ``{placeholders}``.  :func:`problems`
    refuses a translation that changes any of them, so the French notebook
    runs the same code, has the same checks, ``grade_id`` s and outputs.

The setup cell of the French notebook asks for French hints
(``ak.checks.lesson(slug, lang="fr")``), and links to lessons and to the
glossary point to their French editions.

Examples
--------
>>> from articlekit.classroom.translate import markdown_pieces
>>> [p.msgid for p in markdown_pieces("## 1. A title\\n\\nSome `code` here.") if p.msgid]
['1. A title', 'Some `code` here.']
"""

from __future__ import annotations

import ast
import copy
import io
import re
import tokenize
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable

__all__ = [
    "LABEL_CALLS", "LABEL_KEYWORDS", "LESSON_FOLDERS", "Piece", "TranslationError", "build",
    "catalogue_path", "code_pieces", "edition_path", "extract", "markdown_pieces", "problems",
    "status", "translate_markdown", "translate_notebook",
]

#: Folders whose ``NN-slug`` notebooks have a French edition (and ``glossary.md`` in notebooks/).
LESSON_FOLDERS = ("notebooks", "solutions")
#: Calls whose string arguments a learner reads as text.
LABEL_CALLS = frozenset({"print", "set_title", "set_xlabel", "set_ylabel", "suptitle", "show_figure",
                         "Markdown"})
#: Keyword arguments whose strings a learner reads as text (in any call).
LABEL_KEYWORDS = frozenset({"label", "title", "alt", "xlabel", "ylabel"})
#: Comments that are instructions to tools, kept as they are.
_DIRECTIVE = re.compile(r"^#+\s*(NBVAL_\w+|BEGIN (SOLUTION|HIDDEN TESTS)|END (SOLUTION|HIDDEN TESTS)|noqa|type:|"
                        r"pragma|YOUR CODE HERE)\b")
_FENCE = re.compile(r"^(\s*)(```+|~~~+)(.*)$")
_HEADING = re.compile(r"^(#{1,6}\s+)(.*?)\s*$")
_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)(.*)$")
_TAG = re.compile(r"<[^<>\n]+>")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
_LETTERS = re.compile(r"[^\W\d_]", re.U)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_TABLE_START, _TABLE_END = "<!-- time-table -->", "<!-- /time-table -->"


class TranslationError(Exception):
    """A catalogue or a translation the build cannot use (the message names the file and the entry)."""


# --------------------------------------------------------------------------- pieces
@dataclass(frozen=True)
class Piece:
    """A stretch of a cell: text to translate (``msgid``) or text kept as it is (``keep``).

    ``prefix`` and ``suffix`` surround the translation (a heading's ``## ``,
    a list item's ``- ``, a string's quotes).  ``kind`` says what the text is,
    for the translator and for :func:`problems`.
    """

    keep: str = ""
    msgid: str = ""
    prefix: str = ""
    suffix: str = ""
    kind: str = "prose"

    def text(self, translation: str | None = None) -> str:
        if not self.msgid or (translation is None and self.keep):
            return self.keep  # untranslated text is given back exactly as it was written
        return self.prefix + (self.msgid if translation is None else translation) + self.suffix


def _join_lines(lines: list[str]) -> str:
    return " ".join(line.strip() for line in lines)


def markdown_pieces(source: str) -> list[Piece]:
    """Cut a markdown cell into pieces: one per paragraph, heading, list item or table row.

    Fenced code and lines made of tags only (``<a id="x"></a>``, ``</details>``)
    are kept; the lesson's time table is kept as it is (:func:`translate_markdown`
    rebuilds it from the translated headings).

    >>> [p.kind for p in markdown_pieces("- one\\n- two\\n\\n```python\\nx = 1\\n```")]
    ['item', 'keep', 'item', 'keep']
    """
    pieces: list[Piece] = []
    lines = source.split("\n")
    i = 0
    group: list[str] = []
    group_prefix = ""
    group_kind = ""

    def flush() -> None:
        nonlocal group, group_prefix, group_kind
        if group:
            pieces.append(Piece(msgid=_join_lines(group), prefix=group_prefix, kind=group_kind))
            pieces.append(Piece(keep="\n"))
        group, group_prefix, group_kind = [], "", ""

    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if line.strip() == _TABLE_START:
            flush()
            end = i
            while end < len(lines) and lines[end].strip() != _TABLE_END:
                end += 1
            pieces.append(Piece(keep="\n".join(lines[i:end + 1]) + "\n", kind="time-table"))
            i = end + 1
            continue
        if fence:
            flush()
            end = i + 1
            while end < len(lines) and not lines[end].strip().startswith(fence.group(2)):
                end += 1
            block = lines[i:end + 1]
            language = fence.group(3).strip()
            if language in ("python", "python3", "ipython3", "py") and len(block) >= 2:
                pieces.append(Piece(keep=block[0] + "\n"))
                body = "\n".join(block[1:-1])
                pieces.extend(code_pieces(body))
                pieces.append(Piece(keep="\n" + block[-1] + "\n"))
            else:
                pieces.append(Piece(keep="\n".join(block) + "\n"))
            i = end + 1
            continue
        if not line.strip():
            flush()
            pieces.append(Piece(keep="\n"))
            i += 1
            continue
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        if heading and _LETTERS.search(heading.group(2)):
            flush()
            pieces.append(Piece(msgid=heading.group(2), prefix=heading.group(1), kind="heading"))
            pieces.append(Piece(keep="\n"))
        elif line.lstrip().startswith("|"):
            flush()
            if _LETTERS.search(_TAG.sub("", line)):
                pieces.append(Piece(msgid=line.strip(), prefix=line[: len(line) - len(line.lstrip())],
                                    kind="table-row"))
            else:
                pieces.append(Piece(keep=line))
            pieces.append(Piece(keep="\n"))
        elif not _LETTERS.search(_TAG.sub("", line)):
            flush()
            pieces.append(Piece(keep=line + "\n"))
        elif item:
            flush()
            group, group_prefix, group_kind = [item.group(2)], item.group(1), "item"
        elif line.lstrip().startswith(">"):
            # a blockquote: its "> " markers are layout, not text; the piece is one quoted line
            quoted = re.sub(r"^\s*>\s?", "", line)
            if group and group_kind == "quote":
                group.append(quoted)
            else:
                flush()
                group, group_prefix, group_kind = [quoted], line[: line.index(">")] + "> ", "quote"
        else:
            if not group:
                indent = line[: len(line) - len(line.lstrip())]
                group_prefix, group_kind = indent, "prose"
            group.append(line)
        i += 1
    flush()
    pieces = _merge_keeps(pieces)
    # the pieces end with the newline of the last line; the cell may not
    if pieces and not pieces[-1].msgid and pieces[-1].keep.endswith("\n") and not source.endswith("\n"):
        pieces[-1] = Piece(keep=pieces[-1].keep[:-1], kind=pieces[-1].kind)
        if not pieces[-1].keep:
            pieces.pop()
    return pieces


def _merge_keeps(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.msgid and merged and not merged[-1].msgid and piece.kind == merged[-1].kind == "prose":
            merged[-1] = Piece(keep=merged[-1].keep + piece.keep)
        else:
            merged.append(piece)
    return [Piece(keep=p.keep, kind="keep") if not p.msgid and p.kind == "prose" else p for p in merged]


def _mask_magics(source: str) -> str:
    # IPython lines (%config, !pip) are not Python; blank them, keeping every offset
    return "\n".join(" " * len(line) if line.lstrip().startswith(("%", "!")) else line
                     for line in source.split("\n"))


def _label_strings(source: str) -> list[tuple[int, int, int, int]]:
    """(line, col, end_line, end_col) of every string a learner reads as text."""
    try:
        tree = ast.parse(_mask_magics(source))
    except SyntaxError:
        return []
    spans = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        values = list(node.args) if name in LABEL_CALLS else []
        values += [k.value for k in node.keywords if k.arg in LABEL_KEYWORDS]
        for value in values:
            if isinstance(value, ast.JoinedStr) and value.lineno == value.end_lineno:
                spans.append((value.lineno, value.col_offset, value.end_lineno, value.end_col_offset))
            elif isinstance(value, ast.Constant) and isinstance(value.value, str):
                # adjacent literals ("a " "b", over several lines) are one string, and one piece
                spans.append((value.lineno, value.col_offset, value.end_lineno, value.end_col_offset))
    return spans


_STRING_PREFIX = re.compile(r"^([rRbBuUfF]{0,2})('''|\"\"\"|'|\")")


def _adjacent_literals(raw: str) -> list[str] | None:
    """The bodies of the literals that make one string (``"a "\n    "b"``), or None if they differ in kind."""
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(raw).readline)
              if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                                tokenize.ENDMARKER, tokenize.COMMENT)]
    if not tokens or any(t.type != tokenize.STRING for t in tokens):
        return None
    bodies, kinds = [], set()
    for token in tokens:
        match = _STRING_PREFIX.match(token.string)
        if not match or len(match.group(2)) != 1:
            return None
        kinds.add(match.group(0))
        bodies.append(token.string[len(match.group(0)):-1])
    return bodies if len(kinds) == 1 else None


def code_pieces(source: str) -> list[Piece]:
    """Cut a code cell into kept code and translatable comments and label strings.

    >>> [(p.kind, p.msgid) for p in code_pieces('ax.set_title("Words") # count them') if p.msgid]
    [('string', 'Words'), ('comment', 'count them')]
    """
    lines = source.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    spans: list[tuple[int, int, str]] = []  # absolute start, end, kind
    for line, col, end_line, end_col in _label_strings(source):
        # ast gives UTF-8 byte columns; convert to character columns
        text = lines[line - 1]
        start = offsets[line - 1] + len(text.encode("utf-8")[:col].decode("utf-8", "replace"))
        end = offsets[end_line - 1] + len(lines[end_line - 1].encode("utf-8")[:end_col].decode("utf-8", "replace"))
        spans.append((start, end, "string"))
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT and not _DIRECTIVE.match(token.string):
                (row, col), (end_row, end_col) = token.start, token.end
                spans.append((offsets[row - 1] + col, offsets[end_row - 1] + end_col, "comment"))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    pieces: list[Piece] = []
    position = 0
    for start, end, kind in sorted(spans):
        if start < position:
            continue
        raw = source[start:end]
        if kind == "comment":
            hashes = re.match(r"#+\s*", raw).group(0)
            body = raw[len(hashes):].rstrip()
            if not _LETTERS.search(body):
                continue
            pieces.append(Piece(keep=source[position:start]))
            pieces.append(Piece(msgid=body, prefix=hashes, suffix=raw[len(hashes) + len(body):], kind="comment"))
        else:
            quote = _STRING_PREFIX.match(raw)
            if not quote or len(quote.group(2)) != 1:
                continue
            opening = quote.group(0)
            parts = _adjacent_literals(raw)
            if parts is None:
                continue
            body = "".join(parts)
            if not _LETTERS.search(_PLACEHOLDER.sub("", body)):
                continue
            pieces.append(Piece(keep=source[position:start]))
            pieces.append(Piece(keep=raw, msgid=body, prefix=opening, suffix=raw[-1], kind="string"))
        position = end
    pieces.append(Piece(keep=source[position:]))
    return [p for p in pieces if p.msgid or p.keep]


# --------------------------------------------------------------------------- checks on a translation
def _tags(text: str) -> Counter:
    return Counter(tag.split()[0].strip("<>/") + ("/" if tag.startswith("</") else "") for tag in _TAG.findall(text))


def problems(piece: Piece, translation: str) -> list[str]:
    """What a translation changes that it must keep (empty when it is usable).

    >>> problems(Piece(msgid="Run `len(x)` now."), "Lancez `len(y)` maintenant.")
    ['inline code changed: `len(x)` became `len(y)`']
    """
    found = []
    if not translation.strip():
        return ["empty translation"]
    if "\n" in translation and piece.kind in ("heading", "table-row", "string", "comment", "quote"):
        found.append("a line break in a one-line piece")
    mine = Counter(m.group(0) for m in _CODE_SPAN.finditer(piece.msgid))
    theirs = Counter(m.group(0) for m in _CODE_SPAN.finditer(translation))
    if mine != theirs and piece.kind != "comment":
        lost, added = sorted(mine - theirs), sorted(theirs - mine)
        found.append(f"inline code changed: {', '.join(lost) or 'nothing'} became {', '.join(added) or 'nothing'}")
    if Counter(_LINK_TARGET.findall(piece.msgid)) != Counter(_LINK_TARGET.findall(translation)):
        found.append("a link target changed (translate the link text, keep the target)")
    if _tags(piece.msgid) != _tags(translation):
        found.append("HTML tags changed")
    if piece.kind == "string":
        if Counter(_PLACEHOLDER.findall(piece.msgid)) != Counter(_PLACEHOLDER.findall(translation)):
            found.append("a {placeholder} changed")
        quote = piece.suffix
        if re.search(r"(?<!\\)" + re.escape(quote), translation):
            found.append(f"the string's quote {quote} appears unescaped (use ’ or « »)")
    if piece.kind == "table-row" and piece.msgid.count("|") != translation.count("|"):
        found.append("the number of table columns changed")
    return found


# --------------------------------------------------------------------------- catalogues
def catalogue_path(root: Path, folder: str, stem: str, lang: str) -> Path:
    """Where the catalogue of ``folder/stem`` in ``lang`` lives: ``locale/<lang>/<folder>/<stem>.po``."""
    return Path(root) / "locale" / lang / folder / f"{stem}.po"


def edition_path(path: Path, lang: str) -> Path:
    """The ``lang`` edition of a lesson file: ``01-reading.ipynb`` -> ``01-reading.fr.ipynb``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.{lang}{path.suffix}")


def _sources(root: Path) -> list[tuple[str, Path]]:
    from .pairs import find_pairs

    found: list[tuple[str, Path]] = []
    for folder in LESSON_FOLDERS:
        if not (root / folder).is_dir():
            continue
        for pair in find_pairs([root / folder]):
            found.append((folder, pair.ipynb))
        glossary = root / folder / "glossary.md"
        if glossary.is_file():
            found.append((folder, glossary))
    return found


def _read_source(path: Path):
    import nbformat

    if path.suffix == ".md":
        return None
    with path.open(encoding="utf-8") as handle:
        return nbformat.read(handle, as_version=4)


def _cell_pieces(cell) -> list[Piece]:
    if cell.cell_type == "markdown":
        return markdown_pieces(cell.source)
    if cell.cell_type == "code":
        return code_pieces(cell.source)
    return [Piece(keep=cell.source)]


def _units(path: Path) -> list[tuple[Piece, str]]:
    """(piece, cell number) of every translatable piece of a source file (None for a plain .md)."""
    nb = _read_source(path)
    if nb is None:
        return [(p, None) for p in markdown_pieces(path.read_text(encoding="utf-8")) if p.msgid]
    units = []
    for index, cell in enumerate(nb.cells):
        units.extend((p, index + 1) for p in _cell_pieces(cell) if p.msgid)
    return units


def _read_po(path: Path, lang: str):
    from babel.messages.pofile import read_po

    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=lang, abort_invalid=True)
    except FileNotFoundError:
        raise
    except Exception as error:  # noqa: BLE001 - Babel raises many kinds on a damaged file
        raise TranslationError(f"{path}: not a readable PO catalogue ({error})") from None


def _write_po(path: Path, catalog) -> bool:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, ignore_obsolete=True, omit_header=False, sort_output=False,
             include_previous=False)
    data = buffer.getvalue()
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".po.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


def _catalog(lang: str | None):
    """An empty catalogue with fixed dates: re-extracting unchanged sources rewrites nothing."""
    from datetime import datetime, timezone

    from babel.messages.catalog import Catalog

    from .. import __version__

    fixed = datetime(2026, 1, 1, tzinfo=timezone.utc)
    catalog = Catalog(locale=lang, project="articlekit", version=__version__, fuzzy=False,
                      creation_date=fixed, revision_date=fixed, language_team="articlekit",
                      last_translator="articlekit", msgid_bugs_address="the articlekit issue tracker")
    if lang == "fr":
        catalog._num_plurals, catalog._plural_expr = 2, "(n > 1)"  # gettext's classic French rule
    return catalog


def extract(root: str | Path = ".", lang: str = "fr", only: Iterable[str] = ()) -> list[Path]:
    """Write or update the catalogue of every lesson source; return the catalogues that changed.

    New text gets an empty entry (or a *fuzzy* guess from similar old text,
    which the translator confirms); translations of unchanged text are kept;
    entries whose text left the lesson are dropped.  ``only`` limits the
    update to sources whose path contains one of its strings.
    """
    root = Path(root)
    changed = []
    for folder, path in _sources(root):
        if only and not any(part in str(path) for part in only):
            continue
        template = _catalog(None)
        for piece, cell in _units(path):
            template.add(piece.msgid, locations=[(path.name, cell)],
                         auto_comments=[piece.kind] if piece.kind != "prose" else [])
        po_path = catalogue_path(root, folder, path.stem, lang)
        if po_path.is_file():
            catalog = _read_po(po_path, lang)
            catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        else:
            catalog = _catalog(lang)
            catalog.header_comment = (f"# {lang} edition of {folder}/{path.name} (the English source).\n"
                                      "# Edit the msgstr lines; `make notebooks` builds the notebook.\n"
                                      "# A location's number is the cell's, counted from 1.")
            for message in template:
                if message.id:
                    catalog.add(message.id, locations=message.locations, auto_comments=message.auto_comments)
        if _write_po(po_path, catalog):
            changed.append(po_path)
    return changed


@dataclass(frozen=True)
class CatalogueStatus:
    """How complete one catalogue is."""

    path: Path
    total: int
    untranslated: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()
    invalid: tuple[str, ...] = ()
    missing_file: bool = False

    @property
    def ok(self) -> bool:
        return not (self.untranslated or self.fuzzy or self.invalid or self.missing_file)


def _lookup(po_path: Path, lang: str, units) -> tuple[dict[str, str], CatalogueStatus]:
    pieces = {piece.msgid: piece for piece, _ in units}
    if not po_path.is_file():
        return {}, CatalogueStatus(po_path, len(pieces), tuple(pieces), missing_file=True)
    catalog = _read_po(po_path, lang)
    table: dict[str, str] = {}
    untranslated, fuzzy, invalid = [], [], []
    for msgid, piece in pieces.items():
        message = catalog.get(msgid)
        if message is None or not message.string:
            untranslated.append(msgid)
        elif message.fuzzy:
            fuzzy.append(msgid)
        else:
            issues = problems(piece, message.string)
            if issues:
                invalid.append(f"{msgid[:60]!r}: {'; '.join(issues)}")
            else:
                table[msgid] = message.string
    return table, CatalogueStatus(po_path, len(pieces), tuple(untranslated), tuple(fuzzy), tuple(invalid))


def status(root: str | Path = ".", lang: str = "fr") -> list[CatalogueStatus]:
    """The completeness of every catalogue: untranslated, fuzzy and invalid entries."""
    root = Path(root)
    return [_lookup(catalogue_path(root, folder, path.stem, lang), lang, _units(path))[1]
            for folder, path in _sources(root)]


# --------------------------------------------------------------------------- building an edition
def _rewrite_links(text: str, lang: str, stems: frozenset[str]) -> str:
    def lesson(match: re.Match) -> str:
        stem = match.group(1)
        return f"{stem}.{lang}.ipynb" if stem in stems else match.group(0)

    text = re.sub(r"\b(\d\d-[a-z0-9-]+)\.ipynb\b", lesson, text)
    return re.sub(r"\bglossary\.md\b", f"glossary.{lang}.md", text)


def translate_markdown(source: str, lookup: Callable[[Piece], str | None], lang: str,
                       stems: frozenset[str] = frozenset()) -> str:
    """The markdown ``source`` with every piece replaced by ``lookup(piece)`` (kept when it gives None)."""
    out = []
    headings: dict[str, str] = {}
    for piece in markdown_pieces(source):
        translated = lookup(piece) if piece.msgid else None
        if piece.kind == "heading" and translated:
            headings[piece.msgid] = translated
        if piece.kind == "time-table":
            out.append(_translate_table(piece.keep, lookup))
        else:
            out.append(piece.text(translated))
    return _rewrite_links("".join(out), lang, stems)


def _translate_table(table: str, lookup) -> str:
    from ..i18n import _  # the table's own words are the kit's messages

    rows = []
    for line in table.split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else None
        if not cells or len(cells) != 2 or set(cells[0]) <= set("-"):
            rows.append(line)
            continue
        name, minutes = cells
        if name == "section":
            name, minutes = _("section"), _("minutes")
        elif name == "(introduction)":
            name = _("(introduction)")
        elif name == "**total**":
            name = _("**total**")
        else:
            name = lookup(Piece(msgid=name, kind="heading")) or name
        rows.append(f"| {_render(name)} | {_render(minutes)} |")
    return "\n".join(rows)


def _render(value) -> str:
    from ..i18n import Message

    return value.render("fr") if isinstance(value, Message) else str(value)


def _setup_language(source: str, lang: str) -> str:
    # the setup cell asks the checks for hints in the notebook's language
    return re.sub(r"(ak\.checks\.lesson\(\s*(['\"])[\w-]+\2)\s*\)", rf'\1, lang="{lang}")', source)


def translate_notebook(nb, lookup: Callable[[Piece], str | None], lang: str,
                       stems: frozenset[str] = frozenset(), source_label: str = ""):
    """A new notebook: ``nb`` with its prose, comments and labels in ``lang`` and no outputs."""
    out = copy.deepcopy(nb)
    for cell in out.cells:
        if cell.cell_type == "markdown":
            cell.source = translate_markdown(cell.source, lookup, lang, stems)
        elif cell.cell_type == "code":
            cell.source = _setup_language(
                "".join(p.text(lookup(p) if p.msgid else None) for p in code_pieces(cell.source)), lang)
            cell.outputs = []
            cell.execution_count = None
    out.metadata.pop("jupytext", None)
    kit = dict(out.metadata.get("articlekit", {}))
    kit.update({"lang": lang, "translated_from": source_label,
                "generated_by": "articlekit i18n build (edit the English source or the catalogue, not this file)"})
    out.metadata["articlekit"] = kit
    out.metadata["language_info"] = out.metadata.get("language_info", {})
    return out


@dataclass(frozen=True)
class BuildReport:
    """What :func:`build` did."""

    written: tuple[Path, ...] = ()
    unchanged: tuple[Path, ...] = ()
    incomplete: tuple[CatalogueStatus, ...] = ()
    stale: tuple[Path, ...] = field(default=())


def _same_sources(a, b) -> bool:
    if a is None or b is None or len(a.cells) != len(b.cells):
        return False
    return all(x.cell_type == y.cell_type and x.source == y.source and x.metadata == y.metadata
               for x, y in zip(a.cells, b.cells)) and a.metadata.get("articlekit") == b.metadata.get("articlekit")


def build(root: str | Path = ".", lang: str = "fr", *, check: bool = False, partial: bool = False) -> BuildReport:
    """Write the ``lang`` edition of every lesson, solution and the glossary beside the English one.

    A notebook whose translated cells equal the ones on disk is left as it
    is (with its outputs); any other is written without outputs, for
    ``make notebooks`` to run.  ``check=True`` writes nothing and lists in
    ``stale`` every edition that differs from a rebuild (the no-drift
    test).  An incomplete catalogue stops the build unless ``partial``.
    """
    import nbformat

    root = Path(root)
    sources = _sources(root)
    stems = frozenset(path.stem for _, path in sources if path.suffix == ".ipynb")
    written, unchanged, incomplete, stale = [], [], [], []
    for folder, path in sources:
        units = _units(path)
        table, state = _lookup(catalogue_path(root, folder, path.stem, lang), lang, units)
        if not state.ok:
            incomplete.append(state)
            if not partial:
                continue

        def lookup(piece: Piece, table=table) -> str | None:
            return table.get(piece.msgid)

        target = edition_path(path, lang)
        label = f"{folder}/{path.stem}.md + {catalogue_path(Path('.'), folder, path.stem, lang).as_posix()}"
        if path.suffix == ".md":
            text = translate_markdown(path.read_text(encoding="utf-8"), lookup, lang, stems)
            if target.is_file() and target.read_text(encoding="utf-8") == text:
                unchanged.append(target)
            elif check:
                stale.append(target)
            else:
                target.write_text(text, encoding="utf-8")
                written.append(target)
            continue
        nb = translate_notebook(_read_source(path), lookup, lang, stems, label)
        old = nbformat.read(str(target), as_version=4) if target.is_file() else None
        if _same_sources(nb, old):
            unchanged.append(target)
        elif check:
            stale.append(target)
        else:
            tmp = target.with_suffix(".ipynb.tmp")
            nbformat.write(nb, str(tmp))
            tmp.replace(target)
            written.append(target)
    return BuildReport(tuple(written), tuple(unchanged), tuple(incomplete), tuple(stale))


# --------------------------------------------------------------------------- the package's own messages
#: Babel keywords of the kit's message functions (:mod:`articlekit.i18n`).
KEYWORDS = MappingProxyType({"_": None, "_n": (1, 2), "N_": None})


def package_catalogue(package: str | Path, lang: str) -> Path:
    """The catalogue of the package's messages: ``<package>/locale/<lang>/LC_MESSAGES/articlekit.po``."""
    return Path(package) / "locale" / lang / "LC_MESSAGES" / "articlekit.po"


def extract_messages(package: str | Path, lang: str = "fr") -> bool:
    """Update the catalogue of the package's messages (checks, figures) from its ``_()`` calls.

    Returns True when the catalogue changed.  Translations of unchanged
    messages are kept; a message whose English changed becomes *fuzzy*, for
    the translator to confirm.
    """
    from babel.messages.extract import extract_from_dir

    package = Path(package)
    template = _catalog(None)
    for filename, lineno, message, comments, context in extract_from_dir(
            package, method_map=[("**.py", "python")], keywords=dict(KEYWORDS), comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True):
        if message:
            template.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    path = package_catalogue(package, lang)
    if path.is_file():
        catalog = _read_po(path, lang)
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
    else:
        catalog = _catalog(lang)
        for message in template:
            if message.id:
                catalog.add(message.id, locations=message.locations, auto_comments=message.auto_comments)
    return _write_po(path, catalog)


def message_status(package: str | Path, lang: str = "fr") -> CatalogueStatus:
    """Untranslated, fuzzy and invalid entries of the package's catalogue.

    An entry is invalid when its translation changes the ``{placeholders}``.
    """
    path = package_catalogue(package, lang)
    if not path.is_file():
        return CatalogueStatus(path, 0, missing_file=True)
    untranslated, fuzzy, invalid = [], [], []
    total = 0
    for message in _read_po(path, lang):
        if not message.id:
            continue
        total += 1
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if not all(strings):
            untranslated.append(ids[0])
        elif message.fuzzy:
            fuzzy.append(ids[0])
        else:
            want = set(_PLACEHOLDER.findall(ids[-1])) | set(_PLACEHOLDER.findall(ids[0]))
            for text in strings:
                have = set(_PLACEHOLDER.findall(text))
                if not have <= want or (len(ids) == 1 and have != want):
                    invalid.append(f"{ids[0][:60]!r}: the {{placeholders}} changed")
                    break
    return CatalogueStatus(path, total, tuple(untranslated), tuple(fuzzy), tuple(invalid))
