"""The ``articlekit`` command line (also ``python -m articlekit``).

Adding a subcommand
-------------------
Each subcommand is a :class:`Command`: a name, a one-line help, a function
that adds its arguments to an :mod:`argparse` parser, and a function that
runs it and returns the exit code.  To add one (``exercises``, ``grade``,
``check``...), write those two functions in your own module and append a
``Command`` to :data:`COMMANDS` below.  Every parser is built at start-up,
so keep ``add_arguments`` light and import heavy things inside ``run`` (the
classroom commands below import their module only when called).

``articlekit`` with no subcommand runs ``articlekit info``.

Exit codes: 0 success, 1 the command ran but found problems (reserved for
checkers), 2 bad input or usage (one line on stderr, no traceback).

Examples
--------
.. code-block:: console

    $ articlekit info
    $ python -m articlekit info seeds/mali-senegal-cooperation-militaire-2025-02-06.txt
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from .model import Article

__all__ = ["COMMANDS", "Command", "main"]


@dataclass(frozen=True)
class Command:
    """A subcommand of ``articlekit``.

    Attributes
    ----------
    name : str
        What the user types (``articlekit NAME``).
    help : str
        One line shown by ``articlekit --help``.
    add_arguments : callable
        ``add_arguments(parser)`` adds the subcommand's arguments.
    run : callable
        ``run(args) -> int`` does the work and returns the exit code.
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# --------------------------------------------------------------------------- #
# articlekit info
# --------------------------------------------------------------------------- #
def _info_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", nargs="?", default=None,
        help="article file of the scraped shape (default: the kit's seed article)",
    )


def _info_run(args: argparse.Namespace) -> int:
    from .parsing import ArticleFormatError, load_article

    try:
        article = load_article(args.path)
    except (ArticleFormatError, OSError) as error:
        print(f"articlekit info: {_one_line(error)}", file=sys.stderr)
        return 2
    print(format_info(article))
    return 0


def _one_line(error: Exception) -> str:
    if isinstance(error, OSError) and error.filename is not None:
        return f"{error.filename}: {error.strerror or error}"
    return " ".join(str(error).split())


def format_info(article: "Article") -> str:
    """Return the text printed by ``articlekit info``.

    Parameters
    ----------
    article : Article

    Returns
    -------
    str
        Metadata, counts and the cleaning report, one item a line.

    Examples
    --------
    >>> import articlekit as ak
    >>> from articlekit.cli import format_info
    >>> print(format_info(ak.load_article()).splitlines()[1])
    rubric:     Défense & Sécurité
    """
    source = article.source.name if article.source is not None else "<text>"
    lines = [
        f"file:       {source}",
        f"rubric:     {article.rubric if article.rubric is not None else '-'}",
        f"title:      {article.title}",
        f"date:       {article.date.isoformat() if article.date else '-'}"
        + (f" ({article.date_text})" if article.date_text else ""),
        f"byline:     {article.byline if article.byline is not None else '-'}",
        f"language:   {article.language}",
        f"paragraphs: {len(article.paragraphs)}",
        f"sentences:  {len(article.sentences)}",
        f"words:      {len(article.words)}",
        f"characters: {len(article.text)}",
        f"cleaning:   {len(article.cleaning)} step{'s' * (len(article.cleaning) != 1)}",
    ]
    for step in article.cleaning:
        detail = f" ({step.detail})" if step.detail and step.action != "moved" else ""
        lines.append(f"  line {step.line:>3}  {step.action:<10} {step.reason}{detail}")
    return "\n".join(lines)


#: The subcommands, in the order ``--help`` lists them.  Append yours here.
COMMANDS: list[Command] = [
    Command("info", "show an article's metadata, counts and cleaning report",
            _info_arguments, _info_run),
    # classroom loop (articlekit.classroom.commands, imported only when used)
    Command("sync", "keep each lesson's MyST .md and its .ipynb in step (--check: exit 1 if not)",
            lambda p: _classroom("sync_arguments")(p),
            lambda a: _classroom("run_sync")(a)),
    Command("exercises", "write exercises/ from solutions/ (--check: exit 1 if out of date)",
            lambda p: _classroom("exercises_arguments")(p),
            lambda a: _classroom("run_exercises")(a)),
    Command("grade", "grade a folder of submitted notebooks into grades.csv and feedback",
            lambda p: _classroom("grade_arguments")(p),
            lambda a: _classroom("run_grade")(a)),
    Command("check", "run a learner notebook's checks; exit 0 only when all pass",
            lambda p: _classroom("check_arguments")(p),
            lambda a: _classroom("run_check")(a)),
    Command("i18n", "the French edition: extract catalogues, count what is left, build the notebooks",
            lambda p: _classroom("i18n_arguments")(p),
            lambda a: _classroom("run_i18n")(a)),
    # articlekit.webpage, imported only when used (and trafilatura only when a page is read)
    Command("import", "turn a news page saved from a browser (.html) into an article file",
            lambda p: __import__("articlekit.webpage", fromlist=["_"]).import_arguments(p),
            lambda a: __import__("articlekit.webpage", fromlist=["_"]).run_import(a)),
]


def _classroom(name: str):
    """A function of :mod:`articlekit.classroom.commands`, imported on first use."""
    from .classroom import commands

    return getattr(commands, name)


# --------------------------------------------------------------------------- #
# Entry point
# --------------------------------------------------------------------------- #
def build_parser(commands: Sequence[Command] = tuple(COMMANDS)) -> argparse.ArgumentParser:
    """Build the argument parser with one subparser per command.

    Examples
    --------
    >>> from articlekit.cli import COMMANDS, build_parser
    >>> args = build_parser(COMMANDS).parse_args(["info", "my-article.txt"])
    >>> args.command, args.path
    ('info', 'my-article.txt')
    """
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="articlekit",
        description="Read, annotate and summarise one French news article.",
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands:
        sub_parser = sub.add_parser(command.name, help=command.help, description=command.help)
        command.add_arguments(sub_parser)
        sub_parser.set_defaults(_run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``articlekit`` command line and return its exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default: ``sys.argv[1:]``).

    Examples
    --------
    >>> from articlekit.cli import main
    >>> main(["info"])  # doctest: +ELLIPSIS
    file:       mali-senegal-cooperation-militaire-2025-02-06.txt
    ...
    0
    """
    parser = build_parser(COMMANDS)
    args = parser.parse_args(argv)
    if args.command is None:  # plain `articlekit` / `python -m articlekit`
        args = parser.parse_args(["info"])
    return args._run(args)
