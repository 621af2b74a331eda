"""The list of the original's slips (data/corrections.json) is checked against the text."""

import json
from importlib import resources

import pytest

import articlekit as ak
from articlekit.reading import CorrectionsError

CATEGORIES = {"expression", "construction", "consistency", "agreement", "capitalisation", "punctuation", "typography", "missing letter",
              "redundant pronoun", "hyphen", "construction", "consistency", "numbers"}


@pytest.fixture(scope="module")
def slips(article):
    return ak.corrections(article, full=True)


def raw_list():
    from articlekit.keys import require_key

    return json.loads(require_key("corrections.json")
                      .read_text(encoding="utf-8"))["corrections"]


def test_every_slip_is_found_at_its_offsets(article, slips):
    assert len(slips) == len(raw_list()) >= 30
    for slip in slips:
        assert article.text[slip.start:slip.end] == slip.text
        assert slip.correction != slip.text
        assert slip.category in CATEGORIES
        assert slip.explanation and "\n" not in slip.explanation


def test_the_listed_occurrence_exists(article):
    text = article.text
    for item in raw_list():
        count = text.count(item["text"])
        assert 1 <= item["occurrence"] <= count, item


def test_slips_do_not_overlap_and_are_in_order(slips):
    for a, b in zip(slips, slips[1:]):
        assert a.end <= b.start, (a.text, b.text)


def test_slips_the_assessment_issue_found_are_listed(slips):
    pairs = {(s.text, s.correction) for s in slips}
    assert ("en termes de conclusion", "en guise de conclusion") in pairs
    assert ("domaine de défense", "domaine de la défense") in pairs
    assert ("Corps d’Armée", "corps d’Armée") in pairs
    assert sum(1 for s in slips if (s.text, s.correction) == ("anciens", "Anciens")) == 2
    debatable = [s.text for s in slips if s.debatable]
    assert debatable == ["internationaux, aux"]


def test_the_known_slips_are_there(slips):
    pairs = {(s.text, s.correction) for s in slips}
    for pair in [("aigues", "aigus"), ("Forces Armée", "Forces armées"), ("soutenue", "soutenus"),
                 ("perpétuel mutation", "perpétuelle mutation"), ("désire", "désirent"),
                 ("divers domaine", "divers domaines"), ("prise e compte", "prise en compte"),
                 ("Malien", "malien"), ("Sénégalais", "sénégalais"),
                 ("Transfrontalière", "transfrontalière"), ("Terroristes", "terroristes"),
                 ("Sécurisations", "sécurisation"), ("l’approfondir", "approfondir"),
                 ("qui j’en suis assuré,", "qui, j’en suis assuré,"),
                 ("accord cadre", "accord-cadre")]:
        assert pair in pairs, pair


def test_nationality_adjectives(slips, article):
    # Every capitalised nationality adjective is listed: « Sénégalais » three times, « Malien »
    # three times (one inside « Peuple Malien »), « Malienne », « Sénégalaise »: 8 slips.
    listed = [s for s in slips if s.category == "capitalisation"
              and any(w in s.text for w in ("Malien", "Sénégalais"))]
    assert len(listed) == 8
    covered = sum(s.text.count("Malien") + s.text.count("Sénégalais") for s in listed)
    assert covered == article.text.count("Malien") + article.text.count("Sénégalais")


def test_corrected_text(article, slips):
    fixed = ak.corrected_text(article, slips)
    assert "prise en compte" in fixed and "prise e compte" not in fixed
    # without a list: the lesson's sample only
    assert "perpétuelle mutation" in ak.corrected_text(article) and "prise e compte" in ak.corrected_text(article)
    assert "« Nous" in fixed and "«Nous" not in fixed
    assert len(fixed) - len(article.text) == sum(len(s.correction) - len(s.text) for s in slips)
    # correcting only one slip changes only that place
    one = ak.corrected_text(article, slips[:1])
    assert one.replace(slips[0].correction, slips[0].text, 1) == article.text


def test_corrections_on_another_text_fail_clearly(tmp_path):
    path = tmp_path / "autre.txt"
    path.write_text("Rubrique / Un titre\n\nUn texte sans fautes, écrit le jeudi 6 février 2025.\n",
                    encoding="utf-8")
    other = ak.load_article(path)
    with pytest.raises(CorrectionsError, match="corrections.json"):
        ak.corrections(other)
