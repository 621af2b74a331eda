"""Tests of ``articlekit import`` and of reading a saved web page (articlekit.webpage).

The pages in ``fixtures/pages/`` are written for these tests, with invented
news texts, in the shapes news sites use: an ``<article>`` with a « Par … »
byline, share buttons and a cookie banner; an author ``<meta>``, a
breadcrumb and a comment section; JSON-LD ``NewsArticle`` metadata and a
consent pop-up; a byline in capitals at the end with related links and
tags; an old table layout in Windows-1252; a page saved as one MHTML file;
a page without metadata; a page of menus only; a text file named .html.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import articlekit as ak
from articlekit import cli, webpage
from articlekit.parsing import ArticleFormatError

PAGES = Path(__file__).parent / "fixtures" / "pages"

#: page -> what the import must find in it.
EXPECTED = {
    "article-par-byline-share-cookies.html": dict(
        rubric="Société", title="Ségou : la nouvelle station de pompage alimente trois quartiers",
        date="2025-03-12", author="Aminata KONATÉ", paragraphs=5,
        first="La station de pompage construite sur la rive droite",
        kinds={"cookie banner", "navigation", "share buttons", "related links", "site footer"},
        absent=("cookies", "Partager", "Facebook", "Tout accepter", "À lire aussi", "Mentions légales")),
    "author-meta-breadcrumb-comments.html": dict(
        rubric="Agriculture", title="Le prix du riz local recule sur les marchés de Mopti",
        date="2024-11-05", author="Ibrahim Maïga", paragraphs=5,
        first="Sur les marchés de Mopti, le sac de cinquante kilos",
        kinds={"navigation", "breadcrumb", "comments"},
        absent=("Enfin une bonne nouvelle", "intermédiaires", "Laisser un commentaire", "Accueil")),
    "jsonld-newsarticle-consent.html": dict(
        rubric="Éducation", title="Les cantines scolaires rouvrent dans quarante écoles de Kaolack",
        date="2025-01-20", author="Fanta Coulibaly", paragraphs=4,
        first="Après trois mois d’interruption, les cantines",
        kinds={"cookie banner", "navigation", "newsletter", "advertising", "related links"},
        absent=("traceurs", "J’accepte", "Publicité", "Je m’abonne", "Les plus lus")),
    "byline-at-end-related-tags.html": dict(
        rubric="Football", title="Football : l’AS Kayes se qualifie pour la finale de la coupe nationale",
        date="2025-02-03", author="SEYDOU KANTÉ", paragraphs=4,
        first="L’AS Kayes disputera la finale de la coupe nationale",
        kinds={"navigation", "breadcrumb", "share buttons", "related links"},
        absent=("Publié le 03/02/2025", "À lire aussi", "Mots-clés", "WhatsApp")),
    "windows-1252-table-layout.html": dict(
        rubric="Régions", title="Bamako / Kati : la route nationale rouverte après trois semaines de travaux",
        date="2024-09-01", author="Adama SIDIBÉ, Kadiatou TRAORÉ", paragraphs=3,
        first="La route nationale entre Bamako et Kati a rouvert",
        kinds={"navigation", "share buttons"},
        absent=("Archives", "Twitter", "Réagir")),
    "saved-single-file.mhtml": dict(
        rubric="Santé",
        title="Tahoua : la campagne de vaccination contre la rougeole atteint les villages nomades",
        date="2025-04-08", author="notre correspondant à Tahoua, Idrissa MOUSSA", paragraphs=3,
        first="Les équipes mobiles du district sanitaire de Tahoua",
        kinds={"cookie banner", "navigation", "comments"},
        absent=("cookies", "Bravo aux équipes mobiles", "MultipartBoundary", "=C3=A9")),
    "minimal-no-metadata.html": dict(
        rubric=None, title="Une bibliothèque de quartier ouvre ses portes à Bobo-Dioulasso",
        date=None, author=None, paragraphs=3,
        first="Les habitants du secteur 22 de Bobo-Dioulasso",
        kinds=set(), absent=()),
}


@pytest.fixture(scope="module")
def pages():
    """Each fixture page, imported once."""
    return {name: ak.import_page(PAGES / name) for name in EXPECTED}


@pytest.mark.parametrize("name", EXPECTED)
def test_the_metadata_and_paragraphs_of_each_page(pages, name):
    page, expected = pages[name], EXPECTED[name]
    assert page.rubric == expected["rubric"]
    assert page.title == expected["title"]
    assert (page.date.isoformat() if page.date else None) == expected["date"]
    assert page.author == expected["author"]
    assert len(page.paragraphs) == expected["paragraphs"]
    assert page.paragraphs[0].startswith(expected["first"])
    assert page.notes == ()


@pytest.mark.parametrize("name", EXPECTED)
def test_what_is_dropped_is_reported_and_not_in_the_article(pages, name):
    page, expected = pages[name], EXPECTED[name]
    kinds = {block.kind for block in page.dropped}
    assert expected["kinds"] <= kinds
    assert kinds <= set(webpage.DROPPED_KINDS)
    text = page.to_text()
    for words in expected["absent"]:
        assert words not in text
    report = page.report()
    n = len(page.dropped)
    assert f"dropped:    {n} block{'s' * (n != 1)} of the page" in report
    for kind in expected["kinds"]:
        assert any(line.lstrip().startswith(kind) for line in report.splitlines()), kind
    # the verbose report gives every block with its line in the page
    verbose = page.report(verbose=True).splitlines()
    assert sum(line.lstrip().startswith("line ") for line in verbose) == n


def test_every_block_of_the_page_is_kept_or_reported(pages):
    page = pages["article-par-byline-share-cookies.html"]
    by_kind = {}
    for block in page.dropped:
        by_kind.setdefault(block.kind, []).append(block.text)
    assert by_kind["cookie banner"] == [  # in page order, each with the line of its first words
        "Ce site utilise des cookies pour mesurer son audience et vous proposer des contenus adaptés. "
        "En poursuivant votre navigation, vous acceptez leur utilisation.",
        "Tout accepter", "Continuer sans accepter", "Paramétrer mes choix"]
    assert [b.line for b in page.dropped if b.kind == "cookie banner"] == [16, 17, 18, 19]
    assert by_kind["navigation"] == ["Politique", "Économie", "Société", "Sport", "Culture"]
    assert by_kind["share buttons"] == ["Partager : Facebook X WhatsApp Envoyer par courriel",
                                        "Partager sur Facebook Partager sur X"]
    # the title, the byline, the date line and the rubric are not dropped: they are the layout's own lines
    dropped = " ".join(block.text for block in page.dropped)
    assert "Aminata" not in dropped and "Publié le" not in dropped and "pompage" not in dropped


def test_comments_found_by_trafilatura_are_dropped_as_comments(pages):
    page = pages["author-meta-breadcrumb-comments.html"]
    comments = [block.text for block in page.dropped if block.kind == "comments"]
    assert "Chez nous à Djenné le prix n’a pas bougé, les intermédiaires gardent tout pour eux." in comments
    assert "Seydou B." in comments and "Publier le commentaire" in comments
    # a page-wide class (<body class="… has-comments">) does not make the rest of the page a comment
    assert [b.text for b in page.dropped if b.kind == "site footer"] == [
        "Sahel Matin, l’actualité du centre du Mali.", "© 2024 Sahel Matin"]
    assert [b.text for b in page.dropped if b.kind == "breadcrumb"] == ["Accueil", "Économie", "Agriculture"]


def test_the_layout_is_the_seeds(pages):
    page = pages["article-par-byline-share-cookies.html"]
    blocks = page.to_text().split("\n\n")
    head = "Société / Ségou : la nouvelle station de pompage alimente trois quartiers"
    assert blocks[:3] == [head, head, "Publié le mercredi, 12 mars 2025"]
    assert blocks[3].startswith("La station de pompage")
    assert blocks[-1] == "Par Aminata KONATÉ\n"
    assert page.to_text().endswith("\n") and "\r" not in page.to_text()
    # the date is written like the seed's (« jeudi, 06 février 2025 »): two-digit day
    assert pages["windows-1252-table-layout.html"].date_line == "Publié le dimanche, 01 septembre 2024"


@pytest.mark.parametrize("name", EXPECTED)
def test_round_trip_through_the_written_file(tmp_path, name, pages):
    page = pages[name]
    out = page.save(tmp_path / "article.txt")
    article = ak.load_article(out)
    assert (article.rubric, article.title, article.byline) == (page.rubric, page.title, page.author)
    date_line = [page.date_line] if page.date else []
    assert [p.text for p in article.paragraphs] == date_line + list(page.paragraphs)
    if page.date is not None:
        assert article.date == page.date  # the date line is the first date of the text
    # the page read directly gives the same article, and says it was a web page
    direct = ak.load_article(PAGES / name)
    assert direct.text == article.text and direct.title == article.title and direct.byline == article.byline
    assert direct.source == PAGES / name
    assert direct.cleaning[0].reason == "web page" and direct.cleaning[1:] == article.cleaning
    assert direct.raw == out.read_text(encoding="utf-8")


def test_page_encodings(pages):
    assert pages["windows-1252-table-layout.html"].encoding == "windows-1252"
    assert "Samé" in pages["windows-1252-table-layout.html"].paragraphs[0]
    assert pages["saved-single-file.mhtml"].encoding == "utf-8"
    assert pages["article-par-byline-share-cookies.html"].encoding == "utf-8"
    # non-breaking spaces of the page are plain spaces, as the parser makes them
    assert "\xa0" not in "".join(pages["windows-1252-table-layout.html"].paragraphs)


def test_load_article_reads_html_content_whatever_the_name(tmp_path):
    saved = tmp_path / "page-sans-extension"
    saved.write_bytes((PAGES / "jsonld-newsarticle-consent.html").read_bytes())
    assert webpage.is_web_page(saved)
    assert ak.load_article(saved).title == EXPECTED["jsonld-newsarticle-consent.html"]["title"]
    assert not webpage.is_web_page(ak.seed_path())
    assert ak.load_article().title.startswith("Le Mali et le Sénégal")  # the seed is read as before


@pytest.mark.parametrize("content, problem", [
    (b"", "the file is empty"),
    (b"  \n\t\n", "the file holds only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data, not a web page (NUL byte at offset 8)"),
    ("Monde / Un titre\n\nUn paragraphe.\n".encode(), "not an HTML page"),
    ((PAGES / "navigation-only.html").read_bytes(), "no article text in the page"),
])
def test_load_article_on_a_bad_page_raises_article_format_error(tmp_path, content, problem):
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(ArticleFormatError, match="^" + re.escape(f"page.html: {problem}")):
        ak.load_article(path)
    with pytest.raises(FileNotFoundError):
        ak.load_article(tmp_path / "absent.html")


# --------------------------------------------------------------------------- #
# articlekit import
# --------------------------------------------------------------------------- #
def test_import_writes_beside_the_page_and_prints_the_report(tmp_path, capsys):
    page = tmp_path / "riz.html"
    page.write_bytes((PAGES / "author-meta-breadcrumb-comments.html").read_bytes())
    assert cli.main(["import", str(page)]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    written = tmp_path / "riz.txt"
    assert out.out.splitlines()[0] == f"wrote {written} from riz.html"
    assert "title:      Le prix du riz local recule sur les marchés de Mopti" in out.out
    assert "byline:     Ibrahim Maïga" in out.out
    assert "dropped:    23 blocks of the page" in out.out
    assert any(line.lstrip().startswith("comments") for line in out.out.splitlines())
    assert ak.load_article(written).byline == "Ibrahim Maïga"


def test_import_with_output_and_verbose(tmp_path, capsys):
    target = tmp_path / "cantines.txt"
    assert cli.main(["import", str(PAGES / "jsonld-newsarticle-consent.html"), "-o", str(target), "-v"]) == 0
    out = capsys.readouterr().out
    assert f"wrote {target} from jsonld-newsarticle-consent.html" in out
    assert "  line   37  advertising    « Publicité »" in out
    assert ak.load_article(target).rubric == "Éducation"


def test_import_to_stdout(capsys):
    assert cli.main(["import", str(PAGES / "minimal-no-metadata.html"), "-o", "-"]) == 0
    out = capsys.readouterr()
    assert out.out == ak.import_page(PAGES / "minimal-no-metadata.html").to_text()
    assert out.err.startswith("rubric:     -\ntitle:      Une bibliothèque")


def test_import_never_overwrites_without_force(tmp_path, capsys):
    page = tmp_path / "kayes.html"
    page.write_bytes((PAGES / "byline-at-end-related-tags.html").read_bytes())
    existing = tmp_path / "kayes.txt"
    existing.write_text("mon travail\n", encoding="utf-8")
    assert cli.main(["import", str(page)]) == 2
    err = capsys.readouterr().err
    assert err == f"articlekit import: {existing}: already exists (add --force to replace it)\n"
    assert existing.read_text(encoding="utf-8") == "mon travail\n"
    assert cli.main(["import", str(page), "--force"]) == 0
    assert ak.load_article(existing).byline == "SEYDOU KANTÉ"
    # the page itself is never replaced, even with --force
    assert cli.main(["import", str(page), "-o", str(page), "--force"]) == 2
    assert "would replace the page itself" in capsys.readouterr().err
    assert page.read_bytes() == (PAGES / "byline-at-end-related-tags.html").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kayes.html", "kayes.txt"]  # no temporary file left


@pytest.mark.parametrize("name, content, message", [
    ("empty.html", b"", "empty.html: the file is empty"),
    ("blank.html", b"\n  \n", "blank.html: the file holds only whitespace"),
    ("image.html", b"GIF89a\x01\x00\x00", "image.html: binary data, not a web page (NUL byte at offset 7)"),
    ("not-html.html", (PAGES / "not-html.html").read_bytes(),
     "not-html.html: not an HTML page (no <html>, <head> or <body> tag; it starts with "
     "'Politique / Un texte enregistré avec la…'); an article already in the kit's text layout needs no import"),
    ("navigation-only.html", (PAGES / "navigation-only.html").read_bytes(),
     "navigation-only.html: no article text in the page: trafilatura found only short lines such as "
     "« Le Courrier du Fleu… », « Politique », « Économie » (menus, links); an article needs a "
     "paragraph of 12 words or more"),
])
def test_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys, name, content, message):
    page = tmp_path / name
    page.write_bytes(content)
    assert cli.main(["import", str(page)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"articlekit import: {message}\n"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no output file, not even a partial one


def test_missing_page_and_directory(tmp_path, capsys):
    assert cli.main(["import", str(tmp_path / "absent.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "absent.html: No such file or directory" in err
    (tmp_path / "dossier.html").mkdir()
    assert cli.main(["import", str(tmp_path / "dossier.html")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert cli.main(["import", str(PAGES / "minimal-no-metadata.html"), "-o",
                     str(tmp_path / "no" / "such" / "folder.txt")]) == 2
    assert "folder.txt: No such file or directory" in capsys.readouterr().err


def test_the_command_line_in_a_fresh_interpreter(tmp_path):
    # no traceback and no warning of a library on stderr: one line, exit 2
    bad = tmp_path / "nav.html"
    bad.write_bytes((PAGES / "navigation-only.html").read_bytes())
    failed = subprocess.run([sys.executable, "-m", "articlekit", "import", str(bad)],
                            capture_output=True, text=True)
    assert failed.returncode == 2 and failed.stdout == ""
    assert failed.stderr.startswith("articlekit import: nav.html: no article text") and failed.stderr.count("\n") == 1
    good = subprocess.run([sys.executable, "-m", "articlekit", "info", str(PAGES / "saved-single-file.mhtml")],
                          capture_output=True, text=True)
    assert good.returncode == 0 and good.stderr == ""
    assert "byline:     notre correspondant à Tahoua, Idrissa MOUSSA" in good.stdout
    assert "web page (read with trafilatura" in good.stdout
    assert "import" in subprocess.run([sys.executable, "-m", "articlekit", "--help"],
                                      capture_output=True, text=True).stdout


def test_trafilatura_is_imported_only_when_a_page_is_read():
    code = ("import sys, articlekit as ak; from articlekit import cli; cli.build_parser(cli.COMMANDS); "
            "ak.load_article(); print(sorted(m for m in ('trafilatura', 'lxml', 'htmldate') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_head_line_that_the_parser_would_split_wrongly_is_fitted():
    text = "Les pêcheurs de Mopti attendent la crue du fleuve pour reprendre leurs sorties en pirogue."
    page = webpage.parse_page(f"<html><body><h1>Riz / mil : les prix baissent</h1><p>{text}</p></body></html>")
    assert page.title == "Riz/mil : les prix baissent" and page.rubric is None
    assert page.article.title == page.title and page.notes  # the change is told


def test_the_rubric_can_come_from_a_json_ld_breadcrumb():
    text = "Les pêcheurs de Mopti attendent la crue du fleuve pour reprendre leurs sorties en pirogue."
    crumbs = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "BreadcrumbList", '
              '"itemListElement": [{"position": 2, "item": {"name": "Environnement"}}, '
              '{"position": 1, "name": "Accueil"}, {"position": 3, "name": "La crue attendue"}]}]}')
    page = webpage.parse_page(f'<html><head><script type="application/ld+json">{crumbs}</script></head>'
                              f'<body><h1>La crue attendue</h1><p>{text}</p></body></html>')
    assert page.rubric == "Environnement"
    broken = webpage.parse_page('<html><head><script type="application/ld+json">{broken</script></head>'
                                f'<body><h1>La crue attendue</h1><p>{text}</p></body></html>')
    assert broken.rubric is None  # a page's broken JSON-LD is no error
