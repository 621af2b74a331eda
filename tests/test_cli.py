"""Tests of the articlekit command line."""

import argparse
import subprocess
import sys

import pytest

from articlekit import cli
from articlekit.parsing import seed_path


def test_info_on_the_seed(capsys):
    assert cli.main(["info"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[:11] == [
        "file:       mali-senegal-cooperation-militaire-2025-02-06.txt",
        "rubric:     Défense & Sécurité",
        "title:      Le Mali et le Sénégal cherchent à renforcer leur coopération militaire",
        "date:       2025-02-06 (jeudi, 06 février 2025)",
        "byline:     SEKOU MAMA TRAORE",
        "language:   fr",
        "paragraphs: 7",
        "sentences:  19",
        "words:      701",
        "characters: 4310",
        "cleaning:   12 steps",
    ]
    assert "  line   3  removed    duplicate title (the title line is repeated)" in lines
    assert "  line  25  removed    web-error footer (an error message of the website, not the article)" in lines
    assert len(lines) == 23


def test_info_with_a_path_and_without_command(capsys):
    assert cli.main(["info", str(seed_path())]) == 0
    with_path = capsys.readouterr().out
    assert cli.main([]) == 0
    assert capsys.readouterr().out == with_path


def test_info_on_an_article_without_metadata(tmp_path, capsys):
    path = tmp_path / "short.txt"
    path.write_text("Un titre\n\nUn texte.\n", encoding="utf-8")
    assert cli.main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "rubric:     -" in out and "date:       -" in out and "byline:     -" in out
    assert "cleaning:   1 step\n" in out


@pytest.mark.parametrize("content, message", [
    (b"", "articlekit info: bad.txt: the file is empty"),
    (b"\x00\x01\x02", "articlekit info: bad.txt: binary data, not text (NUL byte at offset 0)"),
    (b"Monde / Titre\n", "articlekit info: bad.txt: there is a title line but no body paragraph"),
])
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert cli.main(["info", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == message + "\n"


def test_missing_file_and_directory(tmp_path, capsys):
    assert cli.main(["info", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.txt: No such file or directory" in err
    assert cli.main(["info", str(tmp_path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_commands_can_be_added():
    calls = []

    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--n", type=int, default=1)

    def run(args: argparse.Namespace) -> int:
        calls.append(args.n)
        return 0

    commands = [*cli.COMMANDS, cli.Command("hello", "say hello", add_arguments, run)]
    parser = cli.build_parser(commands)
    args = parser.parse_args(["hello", "--n", "3"])
    assert args._run(args) == 0 and calls == [3]
    assert "hello" in parser.format_help() and "info" in parser.format_help()


def test_python_dash_m_and_usage_errors(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "articlekit", "info"], capture_output=True, text=True)
    assert ok.returncode == 0 and "title:      Le Mali" in ok.stdout and ok.stderr == ""
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    failed = subprocess.run([sys.executable, "-m", "articlekit", "info", str(bad)],
                            capture_output=True, text=True)
    assert failed.returncode == 2 and failed.stdout == ""
    assert failed.stderr == "articlekit info: empty.txt: the file is empty\n"
    usage = subprocess.run([sys.executable, "-m", "articlekit", "nonsense"], capture_output=True, text=True)
    assert usage.returncode == 2
