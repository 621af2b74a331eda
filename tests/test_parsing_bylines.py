"""Bylines and web debris in articles of the seed's layout.

The files in ``tests/fixtures/articles/`` are small invented articles (not
real news) in the layout of the seed: ``Rubric / Title``, the title again,
paragraphs separated by blank lines, a byline, then debris (lines of
non-breaking spaces, a website error message).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import articlekit as ak
from articlekit.parsing import _byline, _is_web_error_footer

ARTICLES = Path(__file__).parent / "fixtures" / "articles"

# file -> (byline, number of paragraphs, cleaning steps (line, action, reason)
# that must be in the report: the byline and every removed line)
EXPECTED = {
    "byline-initial.txt": ("F. Keita", 3, [
        (11, "moved", "byline"),
        (13, "removed", "whitespace-only line"),
        (15, "removed", "web-error footer"),
    ]),
    "byline-initial-caps.txt": ("B. COULIBALY", 3, [
        (11, "moved", "byline"),
        (13, "removed", "whitespace-only line"),
        (15, "removed", "web-error footer"),
    ]),
    "byline-firstname-caps.txt": ("Gabin TOVONON", 3, [
        (11, "moved", "byline"),
        (13, "removed", "whitespace-only line"),
        (15, "removed", "web-error footer"),
    ]),
    "byline-role-brackets.txt": ("Abdou ZIDA (Stagiaire)", 3, [
        (11, "moved", "byline"),
        (13, "removed", "whitespace-only line"),
        (15, "removed", "web-error footer"),
    ]),
    "byline-correspondant.txt": ("notre correspondant à Kayes, B. COULIBALY", 3, [
        (11, "moved", "byline"),
        (13, "removed", "whitespace-only line"),
        (15, "removed", "whitespace-only line"),
        (17, "removed", "web-error footer"),
    ]),
    "byline-pour-outlet.txt": ("Mariam SOW, pour VisionGuinee.Info", 3, [
        (11, "moved", "byline"),
        (13, "removed", "whitespace-only line"),
        (15, "removed", "whitespace-only line"),
        (17, "removed", "web-error footer"),
    ]),
    "byline-after-title.txt": ("Awa DIOP", 3, [
        (5, "moved", "byline"),
        (13, "removed", "whitespace-only line"),
        (15, "removed", "web-error footer"),
    ]),
    "no-byline-short-ending.txt": (None, 3, [
        (11, "removed", "whitespace-only line"),
        (13, "removed", "web-error footer"),
    ]),
    "byline-caps-crlf.txt": ("AÏSSATA KONÉ", 3, [
        (11, "moved", "byline"),
        (13, "removed", "whitespace-only line"),
        (15, "removed", "whitespace-only line"),
        (17, "removed", "web-error footer"),
    ]),
}

# Last lines that are body text, not a byline: they stay the last paragraph.
LAST_PARAGRAPHS = {
    "byline-firstname-caps.txt": "Affaire à suivre.",
    "byline-role-brackets.txt": "Le Président Mamadi DOUMBOUYA.",
    "byline-after-title.txt": "Affaire à suivre.",
    "no-byline-short-ending.txt": "Le Président Moussa DIARRA.",
}


def test_every_fixture_is_expected():
    assert sorted(p.name for p in ARTICLES.glob("*.txt")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 8


@pytest.fixture(params=sorted(EXPECTED), scope="module")
def parsed(request):
    return request.param, ak.load_article(ARTICLES / request.param)


def test_byline_and_paragraph_count(parsed):
    name, article = parsed
    byline, count, _ = EXPECTED[name]
    assert article.byline == byline
    assert len(article.paragraphs) == count


def test_byline_is_in_no_paragraph_or_sentence(parsed):
    name, article = parsed
    if article.byline is None:
        return
    assert article.byline not in article.text
    for part in (*article.paragraphs, *article.sentences):
        assert article.byline not in part.text
        assert not part.text.startswith("Par ")


def test_removals_are_in_the_cleaning_report(parsed):
    name, article = parsed
    _, _, steps = EXPECTED[name]
    summary = [(s.line, s.action, s.reason) for s in article.cleaning]
    for step in steps:
        assert step in summary
    # every removed or moved line is reported with its raw text
    raw_lines = article.raw.replace("\r\n", "\n").split("\n")
    for step in article.cleaning:
        if step.action in ("removed", "moved"):
            assert step.raw == raw_lines[step.line - 1]
    # the report is in line order after the whole-file steps
    line_steps = [s for s in article.cleaning if s.raw]
    assert [s.line for s in line_steps] == sorted(s.line for s in line_steps)


def test_no_debris_left(parsed):
    name, article = parsed
    for p in article.paragraphs:
        assert p.text.strip()
        assert p.text.strip("\u200b\u200c\u200d\u2060\ufeff")
        assert not _is_web_error_footer(p.text)
        assert "again later" not in p.text.casefold()
        assert "réessayer" not in p.text
    assert "\u00a0" not in article.text and "\u202f" not in article.text
    assert "\u2007" not in article.text and "\t" not in article.text


def test_offsets(parsed):
    _, article = parsed
    for part in (*article.paragraphs, *article.sentences):
        assert article.text[part.start:part.end] == part.text
        a, b = article.raw_span(part.start, part.end)
        assert article.raw[a:b] == part.text
    assert [s.index for s in article.sentences] == list(range(len(article.sentences)))


def test_title_is_not_a_paragraph(parsed):
    _, article = parsed
    assert article.title not in article.text
    assert article.cleaning[0].reason in ("rubric and title", "Windows line endings")


@pytest.mark.parametrize("name, last", sorted(LAST_PARAGRAPHS.items()))
def test_short_last_sentence_stays_body(name, last):
    article = ak.load_article(ARTICLES / name)
    assert article.paragraphs[-1].text == last
    assert article.sentences[-1].text == last


def test_heading_in_capitals_after_title_stays_body():
    article = ak.load_article(ARTICLES / "byline-caps-crlf.txt")
    assert article.paragraphs[0].text == "RENTRÉE AGRICOLE"
    assert article.byline == "AÏSSATA KONÉ"


# --------------------------------------------------------------------------- #
# The byline rules one line at a time
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("line, byline", [
    ("SEKOU MAMA TRAORE.", "SEKOU MAMA TRAORE"),
    ("F. Keita", "F. Keita"),
    ("F. Keita.", "F. Keita"),
    ("B. COULIBALY", "B. COULIBALY"),
    ("Gabin TOVONON", "Gabin TOVONON"),
    ("Gabin TOVONON.", "Gabin TOVONON"),
    ("Mamadou Lamine DIALLO", "Mamadou Lamine DIALLO"),
    ("Jean-Pierre N’DIAYE", "Jean-Pierre N’DIAYE"),
    ("Abdou ZIDA (Stagiaire)", "Abdou ZIDA (Stagiaire)"),
    ("Kadiatou N’Diaye (AMAP)", "Kadiatou N’Diaye (AMAP)"),
    ("Par notre correspondant à Kayes, B. COULIBALY", "notre correspondant à Kayes, B. COULIBALY"),
    ("Par notre envoyé spécial, Gabin TOVONON", "notre envoyé spécial, Gabin TOVONON"),
    ("Mariam SOW, pour VisionGuinee.Info", "Mariam SOW, pour VisionGuinee.Info"),
    ("Mariam SOW, pour VisionGuinee.Info.", "Mariam SOW, pour VisionGuinee.Info"),
    ("Ibrahima DIALLO, correspondant à Ségou", "Ibrahima DIALLO, correspondant à Ségou"),
    ("Par Awa DIOP, envoyée spéciale à Dakar.", "Awa DIOP, envoyée spéciale à Dakar"),
    ("TRAORE.", "TRAORE"),  # a lone surname in capitals (the seed's rule) at the end
])
def test_byline_forms(line, byline):
    assert _byline(line) == byline
    parsed = ak.parse_article(f"Monde / Titre\n\nMonde / Titre\n\nUn paragraphe.\n\n{line}\n\n"
                              "\u00a0\n\nTry again later.\n")
    assert parsed.byline == byline
    assert [p.text for p in parsed.paragraphs] == ["Un paragraphe."]


@pytest.mark.parametrize("line", [
    "Affaire à suivre.",
    "Le Président Mamadi DOUMBOUYA.",  # a person named, or a signatory: not the author
    "La Rédaction",
    "FIN.",
    "Fin de la visite.",
    "Par ailleurs, le ministre est parti.",
    "Par décret, Awa DIOP est nommée.",
    "Awa Diop",  # no initial, no capitals, no « Par »: too weak
    "Bamako Kayes",
    "Moussa KONE à Sikasso",
    "Il est parti (hier).",
    "Affaire Kaba (suite)",
    "Ils sont venus, pour Le Djely.",
])
def test_not_bylines(line):
    assert _byline(line) is None
    parsed = ak.parse_article(f"Monde / Titre\n\nUn paragraphe.\n\n{line}\n")
    assert parsed.byline is None
    assert parsed.paragraphs[-1].text == line


def test_byline_right_after_title():
    parsed = ak.parse_article("Monde / Titre\n\nMonde / Titre\n\nF. Keita\n\nUn.\n\nDeux.\n")
    assert parsed.byline == "F. Keita"
    assert parsed.text == "Un.\n\nDeux."
    step = next(s for s in parsed.cleaning if s.reason == "byline")
    assert step.line == 5 and "right after the title" in step.detail


def test_heading_after_title_is_not_a_byline():
    parsed = ak.parse_article("Monde / Titre\n\nRENTRÉE SCOLAIRE\n\nUn.\n\nDeux.\n")
    assert parsed.byline is None
    assert parsed.paragraphs[0].text == "RENTRÉE SCOLAIRE"


def test_byline_at_the_end_wins_over_the_top():
    parsed = ak.parse_article("Monde / Titre\n\nPar Awa DIOP\n\nUn.\n\nGabin TOVONON\n")
    assert parsed.byline == "Gabin TOVONON"
    assert parsed.paragraphs[0].text == "Par Awa DIOP"


def test_single_paragraph_is_never_a_byline():
    for line in ("F. Keita", "Gabin TOVONON", "Par Awa DIOP"):
        parsed = ak.parse_article(f"Monde / Titre\n\n{line}\n")
        assert parsed.byline is None and parsed.text == line


# --------------------------------------------------------------------------- #
# Debris
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("footer", [
    "The website encountered an unexpected error. Please try again later.",
    "The website encountered an unexpected error. Try again later.",
    "The website encountered an unexpected error.",
    "Try again later.",
    "Try again later",
    "Please try again later",
    "Please try again later.",
    "PLEASE TRY AGAIN LATER.",
    "Une erreur est survenue. Veuillez réessayer plus tard.",
    "Une erreur est survenue. Veuillez réessayer.",
    "Une erreur s’est produite. Merci de réessayer ultérieurement.",
    "Veuillez réessayer plus tard.",
    "Please\u00a0try  again later.",
])
def test_web_error_footers_are_removed(footer):
    parsed = ak.parse_article(f"Monde / Titre\n\nUn paragraphe.\n\n{footer}\n")
    assert parsed.text == "Un paragraphe."
    step = parsed.cleaning[-1]
    assert (step.line, step.action, step.reason, step.raw) == (5, "removed", "web-error footer", footer)


@pytest.mark.parametrize("line", [
    "Une erreur est survenue.",  # could be the article's own sentence
    "Il faudra réessayer plus tard, selon le ministre.",
    "Les joueurs veulent réessayer plus tard.",
    "Try again later, said the coach, and we did.",
])
def test_body_lines_like_footers_are_kept(line):
    parsed = ak.parse_article(f"Monde / Titre\n\nUn paragraphe.\n\n{line}\n")
    assert parsed.paragraphs[-1].text == line


@pytest.mark.parametrize("blank, detail", [
    ("\u00a0", "only 1 non-breaking space"),
    ("\u00a0 \u00a0", "only 2 non-breaking spaces and 1 other space"),
    ("\u202f", "only 1 non-breaking space"),
    ("\u2007\u2007", "only 2 non-breaking spaces"),
    ("\t", "only 1 other space"),
    ("\t\u00a0 \u202f\u2007", "only 3 non-breaking spaces and 2 other spaces"),
    ("\u200b", "only 1 zero-width character"),
    (" \u200b\u00a0", "only 1 non-breaking space and 1 other space and 1 zero-width character"),
])
def test_blank_lines_of_any_spaces_are_removed(blank, detail):
    parsed = ak.parse_article(f"Monde / Titre\n\nUn paragraphe.\n\n{blank}\n\nDeux.\n")
    assert [p.text for p in parsed.paragraphs] == ["Un paragraphe.", "Deux."]
    step = next(s for s in parsed.cleaning if s.line == 5)
    assert (step.action, step.reason, step.raw, step.detail) == (
        "removed", "whitespace-only line", blank, detail)


def test_seed_is_unchanged():
    article = ak.load_article()
    assert article.byline == "SEKOU MAMA TRAORE"
    assert len(article.paragraphs) == 7 and len(article.sentences) == 19
