"""Write the teacher's key for the seed article (Lesson 2), from the hand annotation below.

The annotation decisions are written here, sentence by sentence, as
``(sentence, text, label, occurrence_in_sentence)``, so a reviewer can read
and argue with each one; the script turns them into offsets and saves the
W3C JSON file kept in ``teacher/keys/`` (the teacher's, not shipped to learners).  Run it only
after changing a decision:

    .venv/bin/python tools/write_annotation_key.py

Guidelines followed (the lesson states them to learners):

- PER: a person's *name* only, without titles (« le Général Sadio Camara »
  -> « Sadio Camara »); every spelling counts (« CAMARA » and « Camara »).
- Titles and roles (« Ministre de la Défense ») are not entities.
- LOC: countries and places; ORG: organisations and institutions
  (« CEDEAO », « les autorités de la transition », « la Transition » when it
  means the transitional authorities).
- MISC: nationality adjectives (« Sénégalais », « Malien »), as in the
  WikiNER corpus spaCy's French model was trained on.
- DATE: a date or year; NUM: a number with what it counts (« 72 heures »,
  « 419 kilomètres », « deux pays »).
- Quotes: the words inside the guillemets, without the spaces next to them;
  reported speech without guillemets (indirect) from its first reported word
  to its last, leaving out the connective (« Mais, », « Et ») and the
  speaker clause.  « La partie Malienne … se dit ouverte » is a stance, not
  a quotation: left out (the lesson discusses it).
- Speakers: the words naming the speaker next to each quotation.
- Themes: whole sentences, one or more of: visite, coopération, sécurité,
  terrorisme, frontière, identité, solidarité, souveraineté.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import articlekit as ak  # noqa: E402
from articlekit.annotation import Span  # noqa: E402
from articlekit.storage import REFERENCE_NAME  # noqa: E402

AUTHOR = "teacher"

ENTITIES = [
    (0, "Sadio CAMARA", "PER", 1),
    (0, "jeudi, 06 février 2025", "DATE", 1),
    (0, "Sénégalais", "MISC", 1),
    (0, "Birame DIOP", "PER", 1),
    (0, "72 heures", "NUM", 1),
    (2, "Mali", "LOC", 1),
    (2, "Sénégal", "LOC", 1),
    (2, "deux pays", "NUM", 1),
    (3, "419 kilomètres", "NUM", 1),
    (4, "Mali", "LOC", 1),
    (4, "Sénégal", "LOC", 1),
    (5, "Sadio Camara", "PER", 1),
    (5, "Sénégalais", "MISC", 1),
    (5, "Birame DIOP", "PER", 1),
    (5, "2 pays", "NUM", 1),
    (6, "Malien", "MISC", 1),
    (6, "Birame DIOP", "PER", 1),
    (6, "Sénégal", "LOC", 1),
    (6, "Malien", "MISC", 2),
    (6, "Mali", "LOC", 3),          # « l’avenir du Mali » (1 and 2 are inside « Malien »)
    (7, "Sénégalais", "MISC", 1),
    (7, "deux pays", "NUM", 1),
    (7, "Mali", "LOC", 1),
    (7, "Sénégal", "LOC", 2),       # 1 is inside « Sénégalais »
    (8, "Birame Diop", "PER", 1),
    (8, "72 heures", "NUM", 1),
    (8, "Mali", "LOC", 1),
    (9, "Mali", "LOC", 1),
    (10, "2021", "DATE", 1),
    (11, "Malienne", "MISC", 1),
    (11, "autorités de la transition", "ORG", 1),
    (12, "Sadio CAMARA", "PER", 1),
    (12, "Mali", "LOC", 1),
    (12, "CEDEAO", "ORG", 1),
    (12, "Sénégal", "LOC", 1),
    (12, "Transition", "ORG", 1),
    (12, "Mali", "LOC", 2),
    (12, "Mali", "LOC", 3),
    (12, "Malien", "MISC", 1),
    (13, "Autorités de la Transition", "ORG", 1),
    (14, "Sénégalaise", "MISC", 1),
    (17, "Mali", "LOC", 1),
    (17, "Sénégal", "LOC", 1),
    (18, "Sadio Camara", "PER", 1),
]

# (sentence of the first word, first words, last words, kind, speaker)
QUOTES = [
    (4, "Un Peuple", "Une foi", "MOTTO", None),
    (6, "hommage à la résilience", "de notre région", "PARTIAL", "Birame Diop"),
    (7, "les deux pays, le Mali", "le terrorisme et l’insécurité", "INDIRECT", "Birame Diop"),
    (8, "Nous pouvons l’approfondir", "l’accord cadre de 2021", "DIRECT", "Birame Diop"),
    (12, "le Mali a quitté la CEDEAO", "dans les décisions prises", "DIRECT", "Sadio Camara"),
    (14, "Nous devons coopérer", "à la stabilité de nos pays", "DIRECT", "Sadio Camara"),
    (18, "la conviction est maintenant établie", "la lutte contre le terrorisme", "INDIRECT", "Sadio Camara"),
]

SPEAKERS = [
    (6, "Birame DIOP", "Birame Diop"),
    (7, "le Ministre Sénégalais", "Birame Diop"),
    (8, "Birame Diop", "Birame Diop"),
    (12, "Sadio CAMARA", "Sadio Camara"),
    (14, "Le Ministre de la Défense et des Anciens Combattants", "Sadio Camara"),
    (18, "Sadio Camara", "Sadio Camara"),
]

THEMES = {
    0: ["visite"],
    1: ["visite", "coopération", "sécurité"],
    2: ["coopération", "sécurité", "frontière"],
    3: ["frontière"],
    4: ["identité"],
    5: ["coopération", "terrorisme"],
    6: ["solidarité"],
    7: ["coopération", "terrorisme", "sécurité"],
    8: ["visite", "coopération", "sécurité"],
    9: ["terrorisme"],
    10: ["visite", "coopération"],
    11: ["souveraineté", "coopération"],
    12: ["souveraineté", "coopération"],
    13: ["coopération", "sécurité"],
    14: ["coopération", "terrorisme"],
    15: ["visite", "sécurité"],
    16: ["sécurité"],
    17: ["coopération"],
    18: ["terrorisme", "coopération"],
}


def _find(article, sentence: int, text: str, occurrence: int = 1) -> tuple[int, int]:
    s = article.sentences[sentence]
    i = -1
    for _ in range(occurrence):
        i = s.text.find(text, i + 1)
        if i < 0:
            raise SystemExit(f"sentence {sentence}: {text!r} occurrence {occurrence} not found")
    return s.start + i, s.start + i + len(text)


def build(article) -> ak.Annotations:
    spans = []
    for sentence, text, label, occ in ENTITIES:
        a, b = _find(article, sentence, text, occ)
        spans.append(Span(a, b, label, "entities", article.text[a:b], author=AUTHOR))
    for sentence, first, last, kind, speaker in QUOTES:
        a, _ = _find(article, sentence, first)
        b = article.text.index(last, a) + len(last)
        spans.append(Span(a, b, kind, "quotes", article.text[a:b], author=AUTHOR, speaker=speaker))
    for sentence, text, speaker in SPEAKERS:
        a, b = _find(article, sentence, text)
        spans.append(Span(a, b, "SPEAKER", "speakers", article.text[a:b], author=AUTHOR, speaker=speaker))
    for sentence, themes in THEMES.items():
        s = article.sentences[sentence]
        for theme in themes:
            spans.append(Span(s.start, s.end, theme, "themes", s.text, author=AUTHOR))
    return ak.Annotations(article, spans)


def main() -> None:
    article = ak.load_article()
    key = build(article)
    # the whole key stays with the teacher; the package ships its sample and the digests
    path = ROOT / "teacher" / "keys" / REFERENCE_NAME
    ak.save_annotations(key, path, title="Teacher's key: " + article.title, backup=False)
    print(f"{path.relative_to(ROOT)}: {key!r}")
    subprocess.run([sys.executable, "-m", "articlekit.keys"], check=True)


if __name__ == "__main__":
    main()
