"""Facts stated in the lessons, glossary and data, pinned against the article or a reference.

Each test names the claim and where it is made; when the lesson text changes, the claim is
checked again here (issue: "some facts in the lessons are wrong").
"""

import json
import re
from pathlib import Path

import articlekit as ak

ROOT = Path(__file__).resolve().parents[1]


def lesson(name: str) -> str:
    return (ROOT / "notebooks" / f"{name}.md").read_text(encoding="utf-8")


def test_the_longest_paragraph_is_not_where_most_of_the_speech_is(article):
    quotes = [q for q in ak.extract_quotes(article) if q.speaker]
    words = {q: ak.count_words(q.text) for q in quotes}
    longest = max(article.paragraphs, key=lambda p: len(p.text))
    inside = [q for q in quotes if longest.start <= q.start < longest.end]
    assert {q.speaker for q in inside} == {"Birame Diop"}
    assert sum(words[q] for q in inside) < sum(words.values()) / 2
    camara = {p.index for p in article.paragraphs for q in quotes
              if q.speaker == "Sadio Camara" and p.start <= q.start < p.end}
    assert longest.index not in camara and len(camara) == 2
    text = lesson("00-start-here")
    assert "most of what the two ministers said" not in text
    assert "two other" in text


def test_the_number_regex_of_lesson_1_finds_the_years(article):
    text = lesson("01-reading")
    pattern = re.search(r're\.findall\(r"(\\d\+[^"]*)", article\.text\)', text).group(1)
    found = " ".join(re.findall(pattern, article.text))
    for number in ("72", "419", "2021", "2025"):
        assert re.search(rf"\b{number}\b", found), number


def test_the_border_figure_is_a_fact_check():
    text = lesson("01-reading")
    assert "419" in text and "489 km" in text and "World Factbook" in text


def test_cedeao_had_twelve_members_on_the_day():
    terms = json.loads((ROOT / "src/articlekit/data/glossary.json").read_text(encoding="utf-8"))["terms"]
    cedeao = next(t for t in terms if t["term"] == "CEDEAO")["definition"]
    assert "12 members" in cedeao and "29 January 2025" in cedeao


def test_devise_is_polysemy_and_its_false_friend_is_device():
    terms = json.loads((ROOT / "src/articlekit/data/glossary.json").read_text(encoding="utf-8"))["terms"]
    note = next(t for t in terms if t["term"] == "devise")["note"]
    assert "device" in note and "Polysemy" in note
    assert "device" in lesson("01-reading")


def test_only_three_of_the_top_ten_lemmas_are_title_words(article):
    from collections import Counter

    counts = Counter(t.lemma.lower() for t in article.tokens
                     if not t.is_stop and not t.is_punct and any(c.isalnum() for c in t.text))
    top = [w for w, _ in counts.most_common(10)]
    title = {t.lemma_.lower() for t in ak.nlp()(article.title)}
    assert len([w for w in top if w in title]) == 3
    assert "Only three of the ten" in lesson("03-summarising")


def test_luhn_is_called_luhn_style_and_his_cluster_score_is_named():
    text = lesson("03-summarising")
    assert "Luhn-style" in text and "cluster" in text


def test_the_lessons_name_no_real_press_agency_and_do_not_assert_the_outlet():
    assert "AMAP" not in lesson("02-annotating")
    assert "the newspaper is Malian)" not in lesson("03-summarising")
    assert "where the newspaper comes from" not in lesson("01-reading")
    assert "guess" in lesson("01-reading")


def test_the_resume_rule_keeps_the_sources_enonciation():
    glossary = (ROOT / "notebooks/glossary.md").read_text(encoding="utf-8")
    assert "l’auteur dit que" in glossary and "compte rendu" in glossary
    assert "« le ministre affirme que… », never « nous »" not in lesson("03-summarising")
