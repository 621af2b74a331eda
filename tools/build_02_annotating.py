"""Build lesson 2, ``notebooks/02-annotating.ipynb``, and its assignment, ``solutions/02-annotating.ipynb``.

Run ``python tools/build_02_annotating.py`` and then execute both notebooks in a
fresh kernel (``make notebooks``, or ``jupyter nbconvert --to notebook
--execute --inplace``).  The learners' ``exercises/02-annotating.ipynb`` is made
from the solution by ``articlekit exercises``: never write it by hand.

The builder is deterministic: the same source gives the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbbuild import ROOT, G, code, exercise, md, write  # noqa: E402


SETUP = """
import json
import re
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import articlekit as ak

%config InlineBackend.figure_formats = ['png']
plt.style.use("default")
plt.rcParams.update({"figure.dpi": 80})
pd.set_option("display.max_colwidth", 50)
pd.set_option("display.precision", 3)

article = ak.load_article()               # the seed article, parsed
check = ak.checks.lesson("02-annotating")  # the self-checks of lesson 2
key = ak.reference(article)               # the teacher's key: the article annotated by hand
key
"""

# Section 5's kappa cell, by hand then by the kit, and the confusion plot.
_KAPPA = code("""
tokens = ["Le", "Mali", "et", "le", "Sénégal"]
ref_labels = ["O", "LOC", "O", "O", "LOC"]
pred_labels = ["O", "LOC", "O", "O", "PER"]
p_o = sum(r == p for r, p in zip(ref_labels, pred_labels)) / len(tokens)          # 4/5
p_e = sum(ref_labels.count(lab) * pred_labels.count(lab) for lab in ["O", "LOC", "PER"]) / len(tokens) ** 2
print("by hand:", round((p_o - p_e) / (1 - p_e), 3), "| kit:", round(ak.cohen_kappa(prediction, reference), 3))
print("spaCy vs key:", round(ak.cohen_kappa(suggestions, key), 3))
""")
_CONFUSION = [
    md("""
Where does spaCy go wrong, token by token? Rows are the key's labels, columns spaCy's: the diagonal
is agreement, the last column what spaCy missed, the last row what it invented.
"""),
    code("""
ak.plot_confusion(suggestions, key, title="spaCy's entities against the teacher's key")
plt.show()
"""),
]


# ---------------------------------------------------------------------------
# The lesson
# ---------------------------------------------------------------------------
LESSON = [
    md(f"""
# Lesson 2 — Annotating: entities, quotations and speakers

**By the end of this lesson you will be able to:**

- **mark** people, places, organisations, dates and numbers in the article as
  [spans]({G}#span) with exact [offsets]({G}#offset), from their text, a regular expression or a
  sentence;
- **check** and **correct** the [named entities]({G}#named-entity) a machine (spaCy) suggests;
- **find** every quotation, **say** what [kind]({G}#quotation-kinds) it is and **who** says it,
  across the different ways the article names a [speaker]({G}#speaker);
- **measure** how well two annotations agree, with [precision, recall, F1]({G}#precision-recall-f1)
  and [Cohen's kappa]({G}#cohens-kappa);
- **save** your annotations safely and **exchange** them with annotation tools (Label Studio,
  doccano, brat).

**Level:** French B1 and up; Python beginner (lesson 1 done: you can run and change short cells).
**Time:** about 90 minutes (two lessons of 45 minutes: sections 1–3, then 4–6).
**Language:** instructions in English; the article, and all the linguistic work, in French.

Every section is short: an explanation, an example on the article, then **Try it** — change the
cell and run it again. The graded version is the assignment `exercises/02-annotating.ipynb`.
"""),
    md("""
## Setting up

Run this cell first. Besides the article and the checks, it loads the **teacher's key**: the
article annotated carefully by hand. You will compare your work, and spaCy's, with it.
"""),
    code(SETUP),
    # ------------------------------------------------------------------ 1
    md(f"""
## 1. A span: where, what, and which text

To [annotate]({G}#annotation) is to say *what* a stretch of text is. The computer needs *where* it
is, as two [offsets]({G}#offset) in `article.text`: the first character (`start`, included) and
the character after the last one (`end`, excluded) — exactly as in Python slices.
"""),
    code("""
start = article.text.index("CEDEAO")
end = start + len("CEDEAO")
print(start, end, repr(article.text[start:end]))
"""),
    md(f"""
A [span]({G}#span) keeps the offsets, a **label** (`ORG`: an organisation), the **layer** the label
belongs to, and the text itself, so that a mistake in the offsets is caught at once. You rarely
build one by hand: an `Annotations` collection does it for you, and checks every span against the
article.
"""),
    code("""
notes = ak.Annotations(article)        # an empty collection for this article
notes = notes.add("CEDEAO", "ORG")     # each .add gives a *new* collection: keep it
notes.spans
"""),
    md(f"""
The labels are grouped in [layers]({G}#layer); spans of one layer may not overlap (a word is
either a person or a place), spans of two layers may:

| layer | labels | what for |
|---|---|---|
| `entities` | `PER` `LOC` `ORG` `DATE` `NUM` `MISC` | people, places, organisations, dates, numbers with their unit, other names (nationalities) |
| `quotes` | `DIRECT` `PARTIAL` `MOTTO` `INDIRECT` | quotations, with `speaker=` |
| `speakers` | `SPEAKER` | the words naming who speaks, with `speaker=` |
| `themes` | your own lowercase words: `sécurité`, `frontière`… | what a sentence is about |
| `corrections` | `TYPO` `GRAMMAR` `PUNCTUATION` `STYLE` | the slips of lesson 1 |

A name that occurs several times needs its **occurrence**, counted from 1 — or `"all"`. When the
text is ambiguous or not found, the error says so, and suggests the spelling the text uses:
"""),
    code("""
for attempt in ["Mali", "Sadio Camara", "Sadio camara"]:
    try:
        notes.add(attempt, "PER")
    except ValueError as error:
        print(type(error).__name__, "—", error)
"""),
    code("""
notes = notes.add("Sadio Camara", "PER", occurrence="all").add("Birame Diop", "PER")
notes.to_frame()
"""),
    md("""
**Try it.** The article writes the Malian minister's name in capitals twice (`"Sadio CAMARA"`).
Add both occurrences to `notes` and look at the table again: four PER spans for one person.
What does `notes.add("Sadio Camara", "ORG", occurrence=1)` say, and why?
"""),
    code("""
notes.add("Sadio CAMARA", "PER", occurrence="all").filter(label="PER").texts()
"""),
    # ------------------------------------------------------------------ 2
    md(f"""
## 2. Patterns and sentences

Some things are easier to describe than to list. `add_regex` annotates every match of a regular
expression; `group=` keeps only a part of each match. Numbers with their unit, for instance:
"""),
    code("""
numbers = ak.Annotations(article).add_regex(r"\\b\\d+ (?:heures|kilomètres|pays)\\b", "NUM")
numbers.texts()
"""),
    md("""
Dates are `DATE`: the parser already found the date of the meeting (`article.date_text`), and
the year of the framework agreement (« l’accord cadre de … ») is four digits after it.
"""),
    code("""
numbers = (numbers.add(article.date_text, "DATE")
                  .add_regex(r"accord cadre de (\\d{4})", "DATE", group=1))
numbers.to_frame()[["start", "end", "label", "text"]]
"""),
    md(f"""
A **theme** belongs to a whole [sentence]({G}#sentence): `add_sentence` takes the number of a
sentence, or the sentence itself, and any lowercase word as a label. Themes may overlap: a sentence
can be about several things.
"""),
    code("""
themes = ak.Annotations(article)
for sentence in article.sentences:
    if "frontière" in sentence.text:
        themes = themes.add_sentence(sentence, "frontière")
[(s.label, s.text[:60]) for s in themes]
"""),
    md("""
**Try it.** Write a pattern for numbers written in **words** (`deux pays`): how many does the
article have? Then give the theme `coopération` to every sentence with *coopér…* in it.
"""),
    code("""
ak.Annotations(article).add_regex(r"\\b(?:deux|trois|quatre) \\w+", "NUM").texts()
"""),
    # ------------------------------------------------------------------ 3
    md(f"""
## 3. A machine's first pass: spaCy's entities

Annotating by hand is slow. A [named entity]({G}#named-entity) recogniser suggests a first pass:
spaCy's small French model finds `PER`, `LOC`, `ORG` and `MISC`. Here is the first paragraph as
spaCy sees it:
"""),
    code("""
suggestions = ak.suggest_entities(article)
suggestions.render("entities", within=article.paragraphs[0])
"""),
    md("""
**Think first.** Which of these are not names at all? Which have the wrong label? Which names are
missing? Now the same paragraph in the teacher's key:
"""),
    code("""
key.render("entities", within=article.paragraphs[0])
"""),
    md("""
The key follows a few rules, the same as most annotation guidelines: a **person** is a name, not a
title (« le Général » is not a person, « Ministre de la Défense » is not an organisation);
nationalities (« Sénégalais ») are `MISC`; numbers keep their unit. `ak.differences` lines up
spaCy's spans with the key's and gives each a verdict:
"""),
    code("""
diff = ak.differences(suggestions, key)
diff["verdict"].value_counts()
"""),
    code("""
diff[diff["verdict"].isin(["wrong label", "wrong boundaries"])][["text", "predicted", "reference", "ref_text", "verdict"]]
"""),
    md("""
spaCy was trained on encyclopaedia text: capitalised common nouns (« Armée », « Terroristes »,
« Transfrontalière ») look like names to it, elided words (« C’ », « qu’ ») confuse it, and it has
no label for dates and numbers at all. It still found most places. Correcting is fast with
`relabel` and `remove`, which take a span or a text (every span with that text):
"""),
    code("""
fixed = suggestions.relabel("Malien", "MISC").relabel("Sénégalaise", "MISC")
fixed = fixed.remove("C’").remove("qu’").remove("s’étale")
len(suggestions), len(fixed)
"""),
    md("""
**Try it.** Remove the titles: every suggestion whose text contains *Ministre* or *Général*
(loop over `fixed` and use `re.search`). How many spans are left?
"""),
    code("""
for span in fixed:
    if re.search(r"Ministre|Général", span.text):
        fixed = fixed.remove(span)
len(fixed)
"""),
    md("""
### With the mouse

Code is exact and repeatable; for the last fixes a mouse is quicker. The panel below shows the
article with `fixed` highlighted. **Select** a name that is missing with the mouse, then click its
label; **click** a highlight that is wrong, then *Remove*. (With a quotation label, type who says
it in the *Speaker* box first.)

Each change is saved at once in `mes-entites.json`, the previous version kept as
`mes-entites.json.bak`: running the cell again reopens your work (delete the file to start again
from `fixed`). A selection that starts or ends inside a word is widened to the whole word and the
spaces around it are dropped, so the panel gives exactly the offsets code would.
"""),
    code("""
panel = ak.annotate(article, fixed, labels="entities", path="mes-entites.json")
panel
"""),
    md("""
`panel.annotations` is an ordinary collection — everything you marked with the mouse, with its
offsets — so the code route goes on from it. How close to the key are you now?
"""),
    code("""
# What you marked differs from one learner to the next, so nbval does not compare this output.
# NBVAL_IGNORE_OUTPUT
mine = panel.annotations
ak.agreement(mine, key)
"""),
    # ------------------------------------------------------------------ 4
    md(f"""
## 4. Quotations and who says them

A news article is woven from voices. Journalists introduce what people say in a few regular ways,
and each leaves a **cue** a rule can read:

| cue | example | kind |
|---|---|---|
| colon after a verb of saying | *Le Ministre … souligne … en ces termes : « Nous devons… »* | direct |
| *Pour X* | *Pour le Général … Sadio CAMARA … « le Mali a quitté la CEDEAO… »* | direct |
| speaker clause after the quote | *« … », a dit X* ; *« … ? » s’interroge X* | direct |
| a fragment in the writer's sentence | *Birame DIOP … a rendu « hommage à la résilience… »* | partial |
| *devise*, *slogan* | *la même devise : « Un Peuple, Un But, Une foi »* | motto |
| verb of saying in an incise, no guillemets | *Mais, poursuit le Ministre Sénégalais, les deux pays…* | indirect |

(The [kinds]({G}#quotation-kinds) are in the glossary.) `ak.extract_quotes` applies these rules:
"""),
    code("""
quotes = ak.extract_quotes(article)
pd.DataFrame([(q.kind, q.speaker or "—", q.cue, q.text[:45] + "…") for q in quotes],
             columns=["kind", "speaker", "cue", "text"])
"""),
    md("""
The article names each minister in several ways: « Sadio CAMARA », « Sadio Camara », « le Général
Sadio Camara », « Le Ministre de la Défense et des Anciens Combattants ». The rules resolve every
mention to **one canonical name**: spellings are grouped by surname, and a role is matched with the
person whose titles elsewhere in the text share its words (*ministre*, *sénégalais*).
"""),
    code("""
ak.speaker_names(article)
"""),
    code("""
found = ak.quotes_to_annotations(quotes, article)
found.render(["quotes", "speakers"], within=article.paragraphs[2])
"""),
    md("""
**Think first.** « La partie Malienne, quant à elle, se dit ouverte à toute collaboration… » (paragraph
3, counting from 0 as the kit does): is that a quotation? The key says no — it reports a position, not words — and so
do the rules. Would you agree? Annotators argue about such cases, which is why guidelines exist.

The rules agree with the key on every quotation of this article:
"""),
    code("""
ak.agreement(found, key, layer="quotes")
"""),
    md("""
**Try it.** The rules work on any French text. Write your own sentence with a quotation and a cue
(*« … », a affirmé X* ; *Selon X, …*) and see what `extract_quotes` makes of it. Can you write one
that fools it?
"""),
    code("""
mine = "« La frontière restera ouverte », a assuré la ministre Awa Ndiaye. Elle a ajouté que tout était prêt."
[(q.text, q.kind, q.speaker, q.cue) for q in ak.extract_quotes(mine)]
"""),
    # ------------------------------------------------------------------ 5
    md(f"""
## 5. How good is an annotation? Agreement

To measure an annotation, compare it with a reference, span by span:

- [**precision**]({G}#precision-recall-f1): of the spans you marked, how many are right?
- **recall**: of the spans in the reference, how many did you find?
- **F1**: one number for both, `2 × P × R / (P + R)`.

A tiny example first, counted by hand: the reference has two places; a prediction finds one and
mislabels the other.
"""),
    code("""
reference = ak.Annotations("Le Mali et le Sénégal").add("Mali", "LOC").add("Sénégal", "LOC")
prediction = ak.Annotations(reference.text).add("Mali", "LOC").add("Sénégal", "PER")
# by hand: 1 right out of 2 predicted (P = 1/2), 1 found out of 2 (R = 1/2), F1 = 1/2
ak.agreement(prediction, reference)
"""),
    md("""
Now spaCy against the key. With `match="exact"` a span counts only with the same offsets; with
`match="overlap"`, « Sénégalais Birame DIOP » for « Birame DIOP » is forgiven.
"""),
    code("""
exact = ak.agreement(suggestions, key).set_index("label")["f1"]
overlap = ak.agreement(suggestions, key, match="overlap").set_index("label")["f1"]
pd.DataFrame({"exact F1": exact, "overlap F1": overlap}).round(2)
"""),
    md(f"""
Between two *annotators* (two classmates, or you and the key), the usual measure is
[Cohen's kappa]({G}#cohens-kappa), token by token: every token gets the label of the span covering
it, or `O` (outside). Kappa is the agreement *beyond chance*: `(p_o − p_e) / (1 − p_e)`, where `p_o`
is the share of tokens with the same label, and `p_e` the share two annotators would reach by
chance, labelling at the same rates. By hand, on the tiny example:
"""),
    _KAPPA,
    *_CONFUSION,
    md("""
**Try it.** Change the tiny example so that the prediction gets both places right: what are
precision, recall, F1 and kappa now?
"""),
    code("""
ak.cohen_kappa(prediction.relabel("Sénégal", "LOC"), reference)
"""),
    # ------------------------------------------------------------------ 6
    md(f"""
## 6. Saving and exchanging your work

Annotations are saved as JSON with the [W3C Web Annotation selectors]({G}#w3c-selectors): each
span is anchored twice, by position and by its exact words with a little context before and after.
Saving writes a temporary file first and then swaps it in, so a crash never leaves half a file, and
the previous version is kept as `<name>.bak`.
"""),
    code("""
folder = Path(tempfile.mkdtemp())          # in your own work: a path such as "my-notes.json"
path = ak.save_annotations(found, folder / "quotes.json")
saved = json.loads(path.read_text(encoding="utf-8"))
print(json.dumps(saved["first"]["items"][0], ensure_ascii=False, indent=1))
"""),
    md("""
Because of the quoted words, annotations find their place again when the text changes. Here two
words are added at the start: every offset moves, nothing is lost.
"""),
    code("""
shifted = "Bamako, AMAP. " + article.text
moved = ak.load_annotations(path, shifted)
before, after = found.spans[0], moved.spans[0]
print(before.start, "→", after.start, "|", after.text[:40])
"""),
    md(f"""
Annotation tools have their own formats; the kit writes and reads three of them, all
[standoff]({G}#standoff) (offsets into an unchanged text):

- **Label Studio** (JSON): `ak.to_label_studio`, and `ak.label_studio_config()` for the project's
  labelling interface;
- **doccano** (JSONL, one document per line): `ak.to_doccano`;
- **brat** (`.ann` beside the `.txt`): `ak.to_brat`.

`ak.export_annotations(notes, "file.json" | "file.jsonl" | "file.ann")` writes them safely;
`ak.import_annotations` reads them back.
"""),
    code("""
print(ak.to_brat(found.layer("speakers")), end="")
"""),
    code("""
print(ak.label_studio_config(["quotes"]))
"""),
    md("""
**Try it.** Export `found` for doccano (`folder / "quotes.jsonl"`), import it back, and check that
you get the same collection (`==`).
"""),
    code("""
back = ak.import_annotations(ak.export_annotations(found, folder / "quotes.jsonl"), article)
back == found
"""),
    md(f"""
## Key points

- An annotation is a [span]({G}#span): two offsets, a label, a layer and the text — checked
  against the article, so a wrong offset is caught at once.
- Annotate from code by exact text (with an occurrence number), by regular expression, by
  sentence; collections never change in place.
- spaCy's entities are a useful first pass, and wrong in instructive ways: titles taken for
  people, capitalised nouns for names, no dates or numbers. Guidelines decide, not the machine.
- Quotations are found from cues (colon, *Pour X*, « … », a dit X, incises); one speaker can be
  named many ways and must be resolved to one person.
- Precision, recall and F1 measure a prediction against a key; Cohen's kappa measures two
  annotators against chance.
- `ak.annotate(article, …)` marks spans with the mouse; `panel.annotations` gives them back to code.
- Save with position *and* quoted words, atomically, keeping the previous version; exchange with
  Label Studio, doccano and brat.

Next: the assignment `exercises/02-annotating.ipynb`, then lesson 3, summarising.
"""),
]



# ---------------------------------------------------------------------------
# The assignment (solutions/ is the single source; exercises/ is generated)
# ---------------------------------------------------------------------------

ASSIGNMENT = [
    md(f"""
# Lesson 2 assignment — Annotating the article

**By the end of this assignment you will have:**

- **annotated** every mention of the two ministers, the dates and numbers, and a theme;
- **corrected** spaCy's entities with the help of the annotation guidelines;
- **found** the kind and the speaker of every quotation;
- **measured** agreement with [precision, recall, F1]({G}#precision-recall-f1) and
  [Cohen's kappa]({G}#cohens-kappa);
- **exported** your quotations for Label Studio.

**Level:** French B1 and up; Python beginner. Work through lesson 2 (`notebooks/02-annotating.ipynb`)
first: every technique you need is shown there.
**Time:** about 60 minutes.

Each exercise has an answer cell (replace the `...`) and a check cell right after it: run the
check to see if your answer is right. A wrong answer gets a question that points at the problem;
run it again after a second try for a more specific hint. Any correct route is accepted.

Annotation rules (the guidelines of the key): a person is a **name**, without titles; every
spelling counts; nationalities are `MISC`; a number keeps what it counts (« 72 heures »);
quotation spans are the words *inside* the guillemets.
"""),
    md("""
## Setting up

Run this cell first.
"""),
    code(SETUP),
    md("""
## 1. Spans by text
"""),
    *exercise("people", """
**Exercise 1 — every mention of a person.** Build an `ak.Annotations(article)` collection
`people` with a `PER` span on **every** mention of the two ministers' names, in every spelling
the text uses (names only: « le Général » is not part of the name).
""", """
people = ak.Annotations(article)
for name in ["Sadio CAMARA", "Sadio Camara", "Birame DIOP", "Birame Diop"]:
    people = people.add(name, "PER", occurrence="all")
"""),
    *exercise("spellings", """
**Exercise 2 — one person, several spellings.** Make a dict `spellings` whose keys are the two
ministers (any spelling of each name) and whose values are the **set** of spellings the text uses
for that person, copied exactly (capitals count).
""", """
spellings = {}
for span in people:
    canonical = " ".join(word.capitalize() for word in span.text.split())
    spellings.setdefault(canonical, set()).add(span.text)
"""),
    md("""
## 2. Patterns and sentences
"""),
    *exercise("numbers", """
**Exercise 3 — dates and numbers.** Build a collection `numbers` with a `DATE` span on each date
(the date of the meeting, and a year on its own) and a `NUM` span on every number written in
digits, together with the word it counts (« 419 kilomètres »). A number inside a date is part of the
date.
""", """
numbers = (ak.Annotations(article)
           .add(article.date_text, "DATE")
           .add_regex(r"accord cadre de (\\d{4})", "DATE", group=1)
           .add_regex(r"\\b\\d+ (?:heures|kilomètres|pays)\\b", "NUM"))
"""),
    *exercise("terrorism_theme", """
**Exercise 4 — a theme.** Build a collection `terrorism_theme` that gives the theme `terrorisme`
to every sentence speaking of terrorism or terrorists (with or without a capital).
""", """
terrorism_theme = ak.Annotations(article)
for sentence in article.sentences:
    if re.search(r"terroris", sentence.text, re.IGNORECASE):
        terrorism_theme = terrorism_theme.add_sentence(sentence, "terrorisme")
"""),
    md("""
## 3. Correcting spaCy
"""),
    code("""
suggestions = ak.suggest_entities(article)
ak.differences(suggestions, key)["verdict"].value_counts()
"""),
    *exercise("fixed_entities", """
**Exercise 5 — fix spaCy's entities.** Start from `suggestions` and make `fixed_entities`: remove
every span that is not an entity cut right (titles, capitalised common nouns, elided words, spans
that swallow a title), and correct every wrong label. Keep every span spaCy got right. You may
look at `ak.differences(suggestions, key)`, but decide with the guidelines.
""", """
fixed_entities = suggestions
for span in suggestions:
    if re.search(r"Ministre|Général|Armée|Combattants|Peuple|’$|’é", span.text):
        fixed_entities = fixed_entities.remove(span)
for text in ["Un But", "Une foi »\\n\\n", "Sécurisations", "Transfrontalière", "Terroristes",
             "République sœur du Sénégal", "Sénégalais Birame DIOP", "Sénégalais Birame"]:
    fixed_entities = fixed_entities.remove(text)
for text, label in [("Malien", "MISC"), ("Sénégalaise", "MISC"), ("Transition", "ORG")]:
    fixed_entities = fixed_entities.relabel(text, label)
"""),
    *exercise("spacy_f1", """
**Exercise 6 — how good is spaCy?** Give spaCy's F1 score against the key (`key`), on the entities,
all labels together, counting only **exact** matches, as a float `spacy_f1`.
""", """
spacy_f1 = ak.span_scores(suggestions, key)[-1].f1
"""),
    md("""
## 4. Quotations and speakers
"""),
    *exercise("quote_kinds", """
**Exercise 7 — kinds of quotation.** The article has seven quotations: five in guillemets and two
in reported speech without guillemets. Give their kinds in text order, as a list `quote_kinds` of
`"direct"`, `"partial"`, `"motto"` and `"indirect"`. Read the text before you use the kit!
""", """
quote_kinds = ["motto", "partial", "indirect", "direct", "direct", "direct", "indirect"]
"""),
    *exercise("quote_annotations", """
**Exercise 8 — each quotation with its speaker.** Build `quote_annotations`: a collection with
the five quotations in guillemets, each labelled `DIRECT`, `PARTIAL` or `MOTTO`, cut just inside the
guillemets, and each (but the motto) with `speaker=` the name of who says it.
""", """
quote_annotations = (
    ak.Annotations(article)
    .add_regex(r"la même devise : « (.+?) »", "MOTTO", group=1)
    .add_regex(r"a rendu « (.+?) ?»", "PARTIAL", group=1, speaker="Birame Diop")
    .add_regex(r"explique ainsi .+? : « ?(.+?) »", "DIRECT", group=1, speaker="Birame Diop")
    .add_regex(r"anciens Combattants « (.+?) »", "DIRECT", group=1, speaker="Sadio Camara")
    .add_regex(r"en ces termes : « (.+?) »", "DIRECT", group=1, speaker="Sadio Camara")
)
"""),
    md("""
## 5. Agreement
"""),
    *exercise("kappa", """
**Exercise 9 — Cohen's kappa.** Compute the token-level Cohen's kappa between spaCy's suggestions
and the key on the entities layer (the kit's default tokens), as a float `kappa`.
""", """
kappa = ak.cohen_kappa(suggestions, key)
"""),
    md("""
## 6. Exchange
"""),
    *exercise("label_studio", """
**Exercise 10 — export for Label Studio.** Make `label_studio`, the Label Studio task list of your
`quote_annotations` (speakers included), ready to import into a Label Studio project.
""", """
label_studio = ak.to_label_studio(quote_annotations)
"""),
    md("""
## Key points

- Annotations are checked spans: offsets, label, layer and text.
- Exact text with an occurrence, regular expressions and sentences are three ways to annotate
  from code; any route that gives the right spans is right.
- spaCy's first pass needs a human pass guided by annotation guidelines.
- A quotation has a kind and a speaker, found from cues; one person, many names.
- Precision, recall, F1 and kappa say how far two annotations agree.
- Label Studio, doccano and brat files carry your annotations to other tools.
"""),
]


def main() -> None:
    write(LESSON, ROOT / "notebooks" / "02-annotating.ipynb")
    write(ASSIGNMENT, ROOT / "solutions" / "02-annotating.ipynb")


if __name__ == "__main__":
    main()
