"""Tests of articlekit.parsing: the scraped file -> Article."""

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit as ak
from articlekit.parsing import MAX_BYTES, MAX_TITLE_CHARS, find_date, seed_path

FOOTER = "The website encountered an unexpected error. Please try again later."
TITLE = "Le Mali et le Sénégal cherchent à renforcer leur coopération militaire"


@pytest.fixture(scope="module")
def seed_bytes():
    return seed_path().read_bytes()


def write(tmp_path, data, name="article.txt"):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# --------------------------------------------------------------------------- #
# The seed
# --------------------------------------------------------------------------- #
def test_seed_metadata(article):
    assert article.rubric == "Défense & Sécurité"
    assert article.title == TITLE
    assert article.byline == "SEKOU MAMA TRAORE"
    assert article.date == dt.date(2025, 2, 6)
    assert article.date_text == "jeudi, 06 février 2025"
    assert article.date_text in article.text
    assert article.language == "fr"
    assert article.source == seed_path()


def test_default_path_is_the_seed(article):
    assert ak.load_article(seed_path()) == article
    assert ak.load_article(str(seed_path())) == article


def test_seed_paragraphs(article):
    assert len(article.paragraphs) == 7
    assert article.paragraphs[0].text.startswith("Le Ministre de la Défense")
    assert article.paragraphs[-1].text.endswith("en termes de conclusion.")
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)
    for i, p in enumerate(article.paragraphs):
        assert p.index == i
        assert article.text[p.start:p.end] == p.text
        assert p.text == p.text.strip()


def test_seed_text_is_clean(article):
    assert "\u00a0" not in article.text
    assert "  " not in article.text
    assert "\r" not in article.text
    assert not re.search(r" \n|\n ", article.text)
    assert TITLE not in article.text  # the title is metadata
    assert "SEKOU" not in article.text  # so is the byline
    assert "website" not in article.text
    # typography is kept as written
    assert "d’Armée" in article.text
    assert "« Un Peuple, Un But, Une foi »" in article.text
    # a paragraph end loses its spaces
    assert article.paragraphs[3].text.endswith("autorités de la transition.")


def test_seed_cleaning_report(article):
    summary = [(s.line, s.action, s.reason) for s in article.cleaning]
    assert summary == [
        (1, "moved", "rubric and title"),
        (3, "removed", "duplicate title"),
        (5, "normalised", "normalised spaces"),
        (7, "normalised", "normalised spaces"),
        (9, "normalised", "normalised spaces"),
        (11, "normalised", "normalised spaces"),
        (13, "normalised", "normalised spaces"),
        (17, "normalised", "normalised spaces"),
        (19, "moved", "byline"),
        (21, "removed", "whitespace-only line"),
        (23, "removed", "whitespace-only line"),
        (25, "removed", "web-error footer"),
    ]
    by_line = {s.line: s for s in article.cleaning}
    assert by_line[5].detail == "2 non-breaking spaces -> space; 2 runs of spaces -> one space"
    assert by_line[7].detail == "3 non-breaking spaces -> space"
    assert "2 spaces at the line ends removed" in by_line[11].detail
    assert by_line[21].raw == "\u00a0" and by_line[21].detail == "only 1 non-breaking space"
    assert by_line[25].raw == FOOTER
    raw_lines = article.raw.split("\n")
    for step in article.cleaning:
        assert step.raw == raw_lines[step.line - 1]


def test_seed_raw_is_the_decoded_file(article, seed_bytes):
    assert article.raw == seed_bytes.decode("utf-8")


# --------------------------------------------------------------------------- #
# Offsets back to the raw file
# --------------------------------------------------------------------------- #
def assert_offsets_point_back(article):
    text, raw = article.text, article.raw
    previous = -1
    for i, char in enumerate(text):
        r = article.raw_offset(i)
        assert r >= previous, "the map must never go backwards"
        previous = r
        if char.isspace():
            assert raw[r].isspace()
        else:
            assert raw[r] == char
    assert article.raw_offset(len(text)) >= previous
    for part in article.paragraphs + article.sentences:
        a, b = article.raw_span(part.start, part.end)
        assert " ".join(raw[a:b].split()) == part.text


def test_seed_offsets_point_back(article):
    assert_offsets_point_back(article)
    # the map is compact: a segment per removed or collapsed piece, not per character
    assert len(article.offsets.clean_starts) < 40


def test_raw_offset_bounds(article):
    assert article.raw_offset(0) == article.raw.index("Le Ministre")
    with pytest.raises(IndexError):
        article.raw_offset(-1)
    with pytest.raises(IndexError):
        article.raw_offset(len(article.text) + 1)
    with pytest.raises(IndexError):
        article.raw_span(5, 2)
    assert article.raw_span(7, 7) == (article.raw_offset(7),) * 2


def test_collapsed_spaces_map_to_the_start_of_the_run(article):
    i = article.text.index("Sénégalais Birame") + len("Sénégalais")
    r = article.raw_offset(i)
    assert article.raw[r:r + 2] == "\u00a0 "
    assert article.raw[article.raw_offset(i + 1):].startswith("Birame")


# --------------------------------------------------------------------------- #
# Encodings and line endings, built from the seed bytes
# --------------------------------------------------------------------------- #
def same_content(a, b):
    return (a.text, a.title, a.rubric, a.byline, a.date, a.paragraphs, a.sentences) == (
        b.text, b.title, b.rubric, b.byline, b.date, b.paragraphs, b.sentences)


def test_crlf(tmp_path, seed_bytes, article):
    crlf = ak.load_article(write(tmp_path, seed_bytes.replace(b"\n", b"\r\n")))
    assert same_content(crlf, article)
    assert crlf.raw.count("\r\n") == 24
    step = crlf.cleaning[0]
    assert (step.action, step.reason) == ("normalised", "Windows line endings")
    assert [s.line for s in crlf.cleaning[1:]] == [s.line for s in article.cleaning]
    assert_offsets_point_back(crlf)


def test_bom(tmp_path, seed_bytes, article):
    bom = ak.load_article(write(tmp_path, b"\xef\xbb\xbf" + seed_bytes))
    assert same_content(bom, article)
    assert bom.raw == article.raw
    assert (bom.cleaning[0].action, bom.cleaning[0].reason) == ("decoded", "byte-order mark")


def test_bom_and_crlf_as_text(seed_bytes, article):
    text = "\ufeff" + seed_bytes.decode("utf-8").replace("\n", "\r\n")
    parsed = ak.parse_article(text)
    assert same_content(parsed, article)
    assert parsed.source is None


def test_windows_1252_fallback(tmp_path, seed_bytes, article):
    data = seed_bytes.decode("utf-8").encode("cp1252")
    parsed = ak.load_article(write(tmp_path, data))
    assert same_content(parsed, article)
    step = parsed.cleaning[0]
    assert (step.line, step.action, step.reason) == (1, "decoded", "encoding fallback")
    assert "Windows-1252" in step.detail and "0xe9" in step.detail
    assert_offsets_point_back(parsed)


def test_encoding_fallback_names_the_line_and_comes_first():
    parsed = ak.parse_article("Monde / Titre\n\nUn café.  Deux.\n".encode("cp1252"))
    assert parsed.text == "Un café. Deux."
    assert [(s.line, s.reason) for s in parsed.cleaning] == [
        (3, "encoding fallback"), (1, "rubric and title"), (3, "normalised spaces")]
    assert "offset 21" in parsed.cleaning[0].detail


def test_utf16_with_byte_order_mark(tmp_path, seed_bytes, article):
    for encoding in ("utf-16", "utf-16-be"):
        data = seed_bytes.decode("utf-8").encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        parsed = ak.load_article(write(tmp_path, data))
        assert same_content(parsed, article)
        assert parsed.cleaning[0].reason == "UTF-16 file"


def test_old_mac_line_endings(seed_bytes, article):
    assert same_content(ak.parse_article(seed_bytes.replace(b"\n", b"\r")), article)


# --------------------------------------------------------------------------- #
# Optional parts
# --------------------------------------------------------------------------- #
def seed_without(seed_bytes, *drop):
    lines = seed_bytes.decode("utf-8").split("\n")
    return "\n".join(line for n, line in enumerate(lines, 1) if n not in drop)


def test_missing_repeated_title(seed_bytes, article):
    parsed = ak.parse_article(seed_without(seed_bytes, 3))
    assert same_content(parsed, article)
    assert "duplicate title" not in [s.reason for s in parsed.cleaning]


def test_repeated_title_without_rubric_is_removed(seed_bytes, article):
    lines = seed_bytes.decode("utf-8").split("\n")
    lines[2] = TITLE
    parsed = ak.parse_article("\n".join(lines))
    assert same_content(parsed, article)
    assert parsed.cleaning[1].reason == "duplicate title"


def test_missing_footer_and_debris(seed_bytes, article):
    parsed = ak.parse_article(seed_without(seed_bytes, 21, 23, 25))
    assert same_content(parsed, article)
    assert {s.reason for s in parsed.cleaning}.isdisjoint({"web-error footer", "whitespace-only line"})


def test_missing_byline(seed_bytes, article):
    parsed = ak.parse_article(seed_without(seed_bytes, 19))
    assert parsed.byline is None
    assert parsed.text == article.text


def test_no_trailing_newline_and_extra_blank_lines():
    parsed = ak.parse_article("Monde / Titre\n\n\n\nUn paragraphe.\nUn autre.")
    assert [p.text for p in parsed.paragraphs] == ["Un paragraphe.", "Un autre."]
    assert parsed.text == "Un paragraphe.\n\nUn autre."
    assert_offsets_point_back(parsed)


def test_title_without_rubric_is_tolerated():
    parsed = ak.parse_article("Un titre sans rubrique\n\nUn paragraphe.\n")
    assert parsed.rubric is None
    assert parsed.title == "Un titre sans rubrique"


def test_rubric_split_on_first_separator():
    parsed = ak.parse_article("Monde / Afrique / Un titre\n\nTexte.\n")
    assert (parsed.rubric, parsed.title) == ("Monde", "Afrique / Un titre")


def test_title_line_is_normalised():
    parsed = ak.parse_article("Monde\u00a0/ Un\u00a0 titre \n\nTexte.\n")
    assert (parsed.rubric, parsed.title) == ("Monde", "Un titre")


@pytest.mark.parametrize("line, byline", [
    ("SEKOU MAMA TRAORE.", "SEKOU MAMA TRAORE"),
    ("B. COULIBALY", "B. COULIBALY"),
    ("AMADOU  SIDIBÉ.", "AMADOU SIDIBÉ"),
    ("Par Awa Diop", "Awa Diop"),
    ("Par Awa DIOP, envoyée spéciale à Dakar.", "Awa DIOP, envoyée spéciale à Dakar"),
    ("Par Jean de La Fontaine.", "Jean de La Fontaine"),
    ("Par ailleurs, le ministre est parti.", None),
    ("ŒDIPE ÉDOUARD-LÉON.", "ŒDIPE ÉDOUARD-LÉON"),
    ("Fin de la visite.", None),
    ("FIN 2025.", None),
    ("OK", None),
])
def test_bylines(line, byline):
    parsed = ak.parse_article(f"Monde / Titre\n\nUn paragraphe.\n\n{line}\n\n\u00a0\n\n{FOOTER}\n")
    assert parsed.byline == byline
    if byline is None:
        assert parsed.paragraphs[-1].text == " ".join(line.split())
    else:
        assert len(parsed.paragraphs) == 1


def test_single_paragraph_in_capitals_is_body_not_byline():
    parsed = ak.parse_article("Monde / Titre\n\nSEKOU MAMA TRAORE.\n")
    assert parsed.byline is None
    assert parsed.text == "SEKOU MAMA TRAORE."


def test_tabs_and_narrow_spaces_are_normalised():
    parsed = ak.parse_article("Monde / Titre\n\n\tUn\u202f:\tdeux\u2009trois.  \n")
    assert parsed.text == "Un : deux trois."
    step = parsed.cleaning[-1]
    assert step.reason == "normalised spaces"
    assert "1 non-breaking space" in step.detail and "tab or other spaces" in step.detail
    assert_offsets_point_back(parsed)


# --------------------------------------------------------------------------- #
# Dates
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("text, date, surface", [
    ("Il a rencontré ce jeudi, 06 février 2025, son homologue.", dt.date(2025, 2, 6), "jeudi, 06 février 2025"),
    ("Le 6 février 2025, rien.", dt.date(2025, 2, 6), "6 février 2025"),
    ("Depuis le 1er mars 2024.", dt.date(2024, 3, 1), "1er mars 2024"),
    ("Le lundi 1er mars 2021.", dt.date(2021, 3, 1), "lundi 1er mars 2021"),
    ("Vendredi 15 août 2025 au soir.", dt.date(2025, 8, 15), "Vendredi 15 août 2025"),
    ("le 3 fevrier 2020", dt.date(2020, 2, 3), "3 fevrier 2020"),
    ("le 25 DÉCEMBRE 1999", dt.date(1999, 12, 25), "25 DÉCEMBRE 1999"),
    ("Le 31 février 2025 n’existe pas, le 2 mars 2025 oui.", dt.date(2025, 3, 2), "2 mars 2025"),
])
def test_find_date(text, date, surface):
    found_date, found_surface, start = find_date(text)
    assert (found_date, found_surface) == (date, surface)
    assert text[start:start + len(surface)] == surface


@pytest.mark.parametrize("text", ["Pas de date ici.", "En février 2025.", "Le 12 brumaire 2025.", "le 40 mars 2025"])
def test_find_date_none(text):
    assert find_date(text) is None


def test_article_without_date():
    parsed = ak.parse_article("Monde / Titre\n\nUn paragraphe sans date.\n")
    assert parsed.date is None and parsed.date_text is None


# --------------------------------------------------------------------------- #
# Bad input: one clear error naming the file, never a partial Article
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("data, problem", [
    (b"", "the file is empty"),
    (b"   \n\n\t\n", "only whitespace"),
    ("\u00a0\n\u00a0 \n".encode("utf-8"), "only whitespace"),
    (b"Monde / Titre\n\nUn \x00 paragraphe.\n", "binary data"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    (b"Monde / Titre\n\nUn \x01 paragraphe.\n", "binary data"),
    (b"Monde / Titre\n\nUn \x81\x8d paragraphe.\n", "neither UTF-8 nor Windows-1252"),
    (b"Monde / Titre\n", "no body paragraph"),
    (b"Monde / Titre\n\nMonde / Titre\n\n\xc2\xa0\n\n" + FOOTER.encode(), "no body paragraph"),
    (("x" * (MAX_TITLE_CHARS + 1) + "\n\nTexte.\n").encode(), "should be 'Rubric / Title'"),
    # a notebook (JSON) given instead of the article text
    (b'{\n "cells": [\n  {\n   "cell_type": "markdown"\n  }\n ]\n}\n', "holds no word"),
    (b"Monde / 2025\n\nTexte.\n", "holds no word"),
])
def test_bad_input(tmp_path, data, problem):
    path = write(tmp_path, data, "bad-article.txt")
    with pytest.raises(ak.ArticleFormatError) as caught:
        ak.load_article(path)
    message = str(caught.value)
    assert message.startswith("bad-article.txt: ")
    assert problem in message
    assert caught.value.source == "bad-article.txt"
    assert isinstance(caught.value, ValueError)
    assert "\n" not in message


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Monde / Titre\n\n" + b"Texte. " * (MAX_BYTES // 7 + 1))
    with pytest.raises(ak.ArticleFormatError, match=r"^huge\.txt: .*over the 1 MiB limit"):
        ak.load_article(path)
    with pytest.raises(ak.ArticleFormatError, match="over the 1 MiB limit"):
        ak.parse_article(path.read_bytes())


def test_string_errors_name_the_source():
    with pytest.raises(ak.ArticleFormatError, match=r"^<text>: the file is empty$"):
        ak.parse_article("")
    with pytest.raises(ak.ArticleFormatError, match=r"^notes\.txt: .*no body"):
        ak.parse_article("Monde / Titre", source="notes.txt")
    with pytest.raises(ak.ArticleFormatError, match="binary data"):
        ak.parse_article("Monde / Titre\n\nUn \x00 zéro.")


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        ak.load_article(tmp_path / "nothing.txt")


# --------------------------------------------------------------------------- #
# Properties on generated French-like articles
# --------------------------------------------------------------------------- #
LOWER = "abcdeéèfghilmnopqrstuvàçœ’"
word = st.text(LOWER, min_size=2, max_size=8).filter(lambda w: not w.startswith("’"))
capitalised = st.builds(lambda c, w: c + w, st.sampled_from("ABCDÉLMS"), st.text("aeiouéè", min_size=1, max_size=6))
space = st.sampled_from([" ", " ", " ", "  ", "\u00a0", " \u00a0", "\u00a0 ", "\t", "\u202f"])


@st.composite
def sentence(draw):
    words = [draw(capitalised)] + draw(st.lists(st.one_of(word, capitalised, st.just("«"), st.just("»")), max_size=8)) + [draw(word)]
    pieces = [words[0]]
    for w in words[1:]:
        pieces += [draw(space), w]
    return "".join(pieces) + draw(st.sampled_from([".", " !", " ?", "…", " »."]))


@st.composite
def scraped_article(draw):
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    title = " ".join(draw(st.lists(capitalised, min_size=1, max_size=5)))
    head = f"{draw(capitalised)} / {title}"
    lines = [head]
    if draw(st.booleans()):
        lines.append(head)
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        sentences = draw(st.lists(sentence(), min_size=1, max_size=4))
        lead, tail = draw(st.sampled_from(["", " ", "\u00a0"])), draw(st.sampled_from(["", " ", "\u00a0 "]))
        paragraphs.append(lead + draw(space).join(sentences) + tail)
    lines += paragraphs
    if draw(st.booleans()):
        lines.append("SEKOU MAMA TRAORE.")
    lines += ["\u00a0"] * draw(st.integers(0, 2))
    if draw(st.booleans()):
        lines.append(FOOTER)
    gap = newline * draw(st.integers(1, 3))
    raw = gap.join(lines) + draw(st.sampled_from(["", newline]))
    return raw, title, [" ".join(p.split()) for p in paragraphs]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scraped_article())
def test_generated_articles_keep_the_offset_invariant(generated):
    raw, title, paragraphs = generated
    article = ak.parse_article(raw)
    assert article.title == title
    assert [p.text for p in article.paragraphs] == paragraphs
    assert article.text == "\n\n".join(paragraphs)
    for part in article.paragraphs + article.sentences:
        assert article.text[part.start:part.end] == part.text
    # sentences tile each paragraph, with only spaces between them
    for p in article.paragraphs:
        inside = article.sentences_of(p)
        assert inside and inside[0].start == p.start and inside[-1].end == p.end
        for a, b in zip(inside, inside[1:]):
            assert article.text[a.end:b.start] == " "
    assert_offsets_point_back(article)
