"""Build lesson 1, ``notebooks/01-reading.ipynb``, and its assignment, ``solutions/01-reading.ipynb``.

Run ``python tools/build_01_reading.py`` and then execute both notebooks in a
fresh kernel (``make notebooks``, or ``jupyter nbconvert --to notebook
--execute --inplace``).  The learners' ``exercises/01-reading.ipynb`` is made
from the solution by ``articlekit exercises``: never write it by hand.

The builder is deterministic: the same source gives the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbbuild import ROOT, G, code, exercise, md, write  # noqa: E402


SETUP = """
import datetime
import re
from collections import Counter

import matplotlib.pyplot as plt
import pandas as pd

import articlekit as ak

%config InlineBackend.figure_formats = ['png']
plt.style.use("default")
plt.rcParams.update({"figure.figsize": (8, 3.6), "figure.dpi": 80, "axes.grid": True,
                     "grid.alpha": 0.3})
pd.set_option("display.max_colwidth", 60)

article = ak.load_article()            # the seed article, parsed
check = ak.checks.lesson("01-reading")  # the self-checks of lesson 1
article
"""

# ---------------------------------------------------------------------------
# The lesson
# ---------------------------------------------------------------------------
LESSON = [
    md(f"""
# Lesson 1 — Reading the article

**By the end of this lesson you will be able to:**

- **compare** the raw scraped page with the clean text and **explain** each cleaning step;
- **describe** the article's structure: paragraphs, sentence lengths, where the quotations sit;
- **answer** the five questions of a news story (qui, quoi, quand, où, pourquoi) in code;
- **list** the people of the article with every way the text names them;
- **look up** the article's vocabulary, **add** your own terms, **count** [lemmas]({G}#lemma) and
  **read** a word in its context;
- **measure** how hard the text is to read, and **say** what the measure misses;
- **spot and correct** the slips of the original and **ask** whose voices are heard.

**Level:** French B1 and up; Python beginner (you change and run short cells).
**Time:** about 90 minutes (two lessons of 45 minutes: sections 0–3, then 4–7).
**Language:** instructions in English; the article, and all the linguistic work, in French.

The lesson follows the stages of a press-article worksheet: **mise en route** (section 0),
**compréhension globale** (sections 1–3), **compréhension détaillée** (section 4) and **langue**
(sections 5–7). Each section asks a question *before* showing the answer: stop, think, then run
the cell. The graded version of these exercises is the assignment `exercises/01-reading.ipynb`.
"""),
    md("""
## Setting up

Run this cell first. It loads the helper package as `ak`, the article and the checks of this
lesson, and chooses a plain style for the figures.
"""),
    code(SETUP),
    # ------------------------------------------------------------------ 0
    md("""
## 0. Mise en route: the title only

Before reading, guess. The rubric and the title are all you see in a newspaper's list of articles.
"""),
    code("""
print("Rubrique :", article.rubric)
print("Titre    :", article.title)
"""),
    md(f"""
**Think first.** Who is in this story? What do the two countries want? Which words of the title
do you know already? The kit ships a glossary of the article's vocabulary (more in section 5):

**Try it.** Replace `"coopération"` with another word of the title. What happens with
`"renforcer"`, which is not in the glossary?
"""),
    code("""
glossary = ak.load_glossary()
entry = glossary.lookup("coopération")
if entry is None:                      # lookup gives None for a word the glossary does not have
    print("Pas dans le glossaire.")
else:
    print(entry.term, "—", entry.gloss)
    print(entry.definition)
"""),
    # ------------------------------------------------------------------ 1
    md(f"""
## 1. From scrape to text

A scraper saved the web page as a text file. This is the [raw text]({G}#raw-text), line by line
(`⍽` marks a [non-breaking space]({G}#non-breaking-space), invisible on screen).

**Think first.** Which lines are *not* part of the article? Find two before you read on.
"""),
    code("""
raw_lines = article.raw.splitlines()
for number, line in enumerate(raw_lines, start=1):
    shown = line.replace("\\xa0", "⍽")
    print(f"{number:>2} | {shown[:70]}{'…' if len(shown) > 70 else ''}")
"""),
    md(f"""
Line 3 repeats line 1 word for word (the page showed the title twice), and line 25 is an error
message of the website, in English. Lines 21 and 23 hold only a non-breaking space. The parser
removes them and writes down every change in its [cleaning report]({G}#cleaning-report):
"""),
    code("""
article.to_frame("cleaning")[["line", "action", "reason", "detail"]]
"""),
    md("""
**Why each removal matters.**

- The **repeated title** would count its words twice: *coopération* and *militaire* would look more
  frequent than they are.
- The **footer** is English: it would add words such as *website* and *error* to a French text and
  change its readability score.
- **Non-breaking and double spaces** are invisible, but for the computer « Sénégalais⍽ Birame » is
  not « Sénégalais Birame »: a search for the name would fail.

The parser keeps a map from each offset of the [clean text]({G}#clean-text) back to the raw file, so
nothing is lost: here is the same passage in both.
""".replace("{G}", G)),
    code("""
start = article.text.index("son homologue Sénégalais")
end = start + 40
raw_start, raw_end = article.raw_span(start, end)
print("raw  :", repr(article.raw[raw_start:raw_end]))
print("clean:", repr(article.text[start:end]))
"""),
    md("""
**Try it.** Change the searched phrase to `"Au menu de la rencontre,"` and compare again: what did
the cleaning change there?
"""),
    # ------------------------------------------------------------------ 2
    md(f"""
## 2. Structure: paragraphs, sentences, quotations

**Think first.** Scroll the raw text above: how many paragraphs does the article have? Which is the
longest?
"""),
    code("""
paragraphs = article.to_frame("paragraphs")
paragraphs["words"] = [len(re.findall(r"\\w+(?:-\\w+)*", t)) for t in paragraphs["text"]]
paragraphs["début"] = paragraphs["text"].str[:45] + "…"
paragraphs[["index", "start", "end", "words", "début"]]
"""),
    md(f"""
Each paragraph is cut into [sentences]({G}#sentence). `ak.sentence_lengths` counts the words of
each one; here are the first six, then all of them as a plot.
"""),
    code("""
lengths = ak.sentence_lengths(article)
lengths["début"] = [s.text[:45] + "…" for s in article.sentences]
lengths.head(6)
"""),
    code("""
fig, ax = plt.subplots()
colours = plt.cm.tab10([p % 10 for p in lengths["paragraph"]])
ax.bar(lengths["sentence"], lengths["words"], color=colours)
ax.axhline(lengths["words"].mean(), color="black", linestyle="--", linewidth=1,
           label=f"moyenne : {lengths['words'].mean():.1f} mots")
ax.set_title("Longueur des phrases de l'article (une couleur par paragraphe)")
ax.set_xlabel("Phrase (numéro, à partir de 0)")
ax.set_ylabel("Nombre de mots")
ax.set_xticks(lengths["sentence"])
ax.legend()
plt.show()
"""),
    md(f"""
**Think first.** The three longest sentences (6, 12 and 14) have something in common. Read them:
what is it?
"""),
    code("""
for i in (6, 12, 14):
    print(i, article.sentences[i].text[:110], "…")
"""),
    md(f"""
They all quote someone between [guillemets « »]({G}#guillemets): official speeches make long
sentences. Where are the quotations in the article? `ak.quote_map` scans each paragraph for « … »
and counts the words inside.
"""),
    code("""
quotes = ak.quote_map(article)
quotes
"""),
    code("""
fig, ax = plt.subplots()
ax.bar(quotes["paragraph"], quotes["words"] - quotes["quoted_words"], label="mots du journaliste")
ax.bar(quotes["paragraph"], quotes["quoted_words"], bottom=quotes["words"] - quotes["quoted_words"],
       label="mots cités entre « »")
ax.set_title("Où sont les citations ? Mots par paragraphe")
ax.set_xlabel("Paragraphe (numéro, à partir de 0)")
ax.set_ylabel("Nombre de mots")
ax.legend()
plt.show()
"""),
    md("""
More than half of paragraphs 2, 4 and 6 is quoted speech: the article mostly lets the ministers
talk. **Try it.** Print the quotations of paragraph 1 with `ak.quote_spans`: what is quoted there,
and is it someone's words?
"""),
    code("""
text = article.paragraphs[1].text
[text[a:b] for a, b in ak.quote_spans(text)]
"""),
    # ------------------------------------------------------------------ 3
    md("""
## 3. Compréhension globale: qui, quoi, quand, où, pourquoi ?

A news story answers five questions, usually in its first paragraph. **Think first:** answer them
in French, in your head, from paragraph 0 below.
"""),
    code("""
print(article.paragraphs[0].text)
"""),
    md(f"""
**Qui ?** spaCy's named-entity recogniser finds people (`PER`), places (`LOC`) and organisations
(`ORG`). Here are the people it finds in paragraph 0 — is it right?
"""),
    code("""
p0 = article.paragraphs[0]
[(e.text, e.label) for e in article.entities if e.start < p0.end and e.label == "PER"]
"""),
    md("""
Not quite: *Combattants* and *Général* are not people, and « Sénégalais Birame DIOP » glues an
adjective to the name (the capital letter fooled it — see section 7). A model is a first guess; the
reader decides.

**Quand ?** The parser found the date in the text; `article.date_text` is how the text writes it.
To turn French words into a date, a dictionary of months is enough:
"""),
    code("""
MOIS = {"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12}
day, month, year = re.search(r"(\\d{1,2}) (\\w+) (\\d{4})", article.date_text).groups()
print(article.date_text, "→", datetime.date(int(year), MOIS[month], int(day)))
"""),
    md(f"""
**Où ?** The text never names the city. It says « en visite de 72 heures **dans notre pays** »:
*notre pays* tells us where the meeting is *and* where the newspaper comes from. A
[keyword-in-context]({G}#keyword-in-context) view of *visite* confirms it:
"""),
    code("""
for line in ak.kwic(article, "visite", width=35):
    print(line)
"""),
    md("""
**Combien ?** Numbers are facts a reader can check. A regular expression finds each number with the
word after it. **Try it:** which number goes with the visit, the border, the agreement?
"""),
    code("""
re.findall(r"\\d+ [\\w’]+", article.text)
"""),
    md("""
**Pourquoi ?** Look for the words that announce a purpose: *vise à*, *afin de*, *le but*.
"""),
    code("""
for s in article.sentences:
    if re.search(r"vise à|afin de|le but|en vue d", s.text):
        print(f"[{s.index}]", s.text[:120], "…")
"""),
    md("""
**Try it.** Write the purpose in one French sentence of your own, in place of the example below,
and run the cell: the check accepts any correct phrasing, and asks a question if something is
missing. (Try a sentence without the threat, to see its hint.)
"""),
    code("""
my_why = "Les deux pays veulent coopérer davantage pour lutter contre le terrorisme."
check.why(my_why)
"""),
    # ------------------------------------------------------------------ 4
    md("""
## 4. Compréhension détaillée: the people

A reader must know who is who. The article names each minister in several ways: full name in
capitals, in small letters, title alone, « son homologue »… `ak.find_forms` searches the text
forgiving case and accents, so one search finds « Sadio CAMARA » and « Sadio Camara »:
"""),
    code("""
[(article.text[a:b], a) for a, b in ak.find_forms(article, "Sadio Camara")]
"""),
    md("""
**Think first.** How else does the text refer to him, without his name? Search for the titles:
"""),
    code("""
for line in ak.kwic(article, "Ministre", width=30, by="form"):
    print(line)
"""),
    md("""
Here is his row of a « people » table, built from what the text says. In the assignment you build
the whole table (both ministers, every way the text names each).
"""),
    code("""
camara = {
    "person": "Sadio Camara",
    "country": "Mali",
    "rank": "Général de corps d’armée",
    "role": "Ministre de la Défense et des Anciens Combattants",
    "names": sorted({article.text[a:b] for a, b in ak.find_forms(
        article, "Sadio Camara", "le Général Sadio Camara",
        "le Ministre de la Défense et des Anciens Combattants")}),
}
print("names:", *camara["names"], sep="\\n  ")
pd.DataFrame([camara])
"""),
    md("""
**Try it.** Who is « son homologue Malien » in paragraph 2, and who is speaking there? Use
`ak.kwic(article, "homologue")`. Who is missing from the table? (The byline names a third person:
is he *in* the story?)
"""),
    # ------------------------------------------------------------------ 5
    md(f"""
## 5. Langue: vocabulary, frequencies, words in context

### The glossary

The kit's glossary has more than 50 terms and expressions of the article, each with its
[part of speech]({G}#part-of-speech), an English gloss and a short definition. Here are the
threats the article names, with how often each occurs:
"""),
    code("""
table = glossary.to_frame(article)
table[table["theme"] == "menaces"][["term", "pos", "gloss", "count"]]
"""),
    md("""
**Think first.** *devise* usually means *currency*. Does it here? Look it up:
"""),
    code("""
entry = glossary.lookup("devise")
print(entry.term, "—", entry.gloss)
print(entry.note)
[(o.text, o.start) for o in glossary.find(article, "devise")]
"""),
    md("""
The glossary never stores positions: `find` searches the text every time, forgiving accents, case
and typography. That is why « accord-cadre » is found although the article writes « accord cadre »:
"""),
    code("""
[(o.text, o.start, o.end) for o in glossary.find(article, "accord-cadre")]
"""),
    md("""
**Add your own terms.** `add` returns a *new* glossary (the kit's one is never changed); give the
forms the text uses as `variants`. `save` writes your terms to a file of your own, safely (a backup
of the previous version is kept). **Try it:** add a word you did not know.
"""),
    code("""
mine = glossary.add("rencontre", "meeting", "Quand des personnes se voient pour parler.",
                    pos="NOUN", variants=["rencontres"])
print(len(glossary), "→", len(mine), "terms")
[(o.text, o.start) for o in mine.find(article, "rencontre")]
# To keep them: mine.save("mes-mots.json"); later ak.load_glossary("mes-mots.json")
"""),
    md(f"""
### Which words come back most often?

Counting words needs two decisions. First, count [lemmas]({G}#lemma), so that *coopération* and
*coopérations*, *renforcer* and *renforcent* count together. Second, leave out the
[stop words]({G}#stop-word). **Think first:** what would the top five be if we kept them?
"""),
    code("""
Counter(t.lemma.lower() for t in article.tokens if not t.is_punct).most_common(8)
"""),
    md("""
Grammar words say nothing about the topic. Without them (and keeping only nouns, proper nouns,
adjectives, verbs and adverbs):
"""),
    code("""
freq = ak.lemma_frequencies(article, 15)
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.barh(freq["lemma"][::-1], freq["count"][::-1], color="tab:blue")
ax.set_title("Les 15 lemmes les plus fréquents (sans mots vides)")
ax.set_xlabel("Nombre d'occurrences")
ax.set_ylabel("Lemme")
plt.show()
"""),
    md(f"""
### Words in context

A frequency says *how often*; a [keyword in context]({G}#keyword-in-context) says *how*. Every
occurrence of *coopération*, the keyword lined up in the middle (`¶` marks a new paragraph):
"""),
    code("""
for line in ak.kwic(article, "coopération", width=32):
    print(line)
"""),
    md("""
**Think first.** Which words come right after *coopération*? (militaire, bilatérale, diversifiée…)
Now *terrorisme* and *sécurité*: what do they go with?
"""),
    code("""
for word in ("terrorisme", "sécurité"):
    print(f"— {word} —")
    for line in ak.kwic(article, word, width=32):
        print(line)
"""),
    md("""
*terrorisme* follows *la lutte contre* or *le combat contre*: the article frames security as a
fight. **Try it:** print the lines of `ak.kwic(article, "lutte")` as above — how many times, and
against what?
"""),
    # ------------------------------------------------------------------ 6
    md(f"""
## 6. How hard is it to read?

A [readability formula]({G}#readability) turns two ratios into one number: how long the sentences
are, and how long the words are.

- [Kandel–Moles]({G}#kandel-moles) (the French Flesch):
  **207 − 1.015 × mots/phrase − 73.6 × syllabes/mot** — higher is easier.
- [LIX]({G}#lix): **mots/phrase + 100 × part des mots de plus de 6 lettres** — lower is easier.

Syllables need care. The kit starts from a [hyphenation]({G}#hyphenation) dictionary (pyphen), but
hyphenation points are not [syllables]({G}#syllable): a typesetter never leaves one letter alone
(*été* is not cut), avoids cutting between vowels (*réa-li-té*) and before a final mute syllable
(*ren-contre*). So `ak.count_syllables` counts the vowel groups inside each piece and drops a
silent final *e*. **Think first:** how many syllables do you *say* in each word below?
"""),
    code("""
words = ["coopération", "rencontre", "été", "réalité", "peuple", "moyens", "pays", "CEDEAO"]
pd.DataFrame({
    "mot": words,
    "coupures pyphen": ["-".join(ak.hyphenate(w)) for w in words],
    "morceaux": [len(ak.hyphenate(w)) for w in words],
    "syllabes (kit)": [ak.count_syllables(w) for w in words],
})
"""),
    md("""
The kit's count is right for the first six (spoken French: *peuple* is one syllable, the final *e*
is silent). It is still wrong for *pays* (pa-ys, two syllables, one vowel group) and for the
acronym *CEDEAO* (six letters read as one word, *cé-dé-a-o*: four syllables). The verb ending *-ent*
(*ils financent*) is silent too, but only grammar can tell it from *-ment*: the kit counts it.

Now the article beside a short easy text shipped with the kit:
"""),
    code("""
print(ak.easy_text())
"""),
    code("""
def summary(r):
    return {"phrases": r.sentences, "mots": r.words, "mots/phrase": round(r.words_per_sentence, 1),
            "syllabes/mot": round(r.syllables_per_word, 2),
            "mots longs (%)": round(100 * r.long_word_share, 1),
            "Kandel–Moles": round(r.kandel_moles, 1), "niveau K–M": r.kandel_moles_level,
            "LIX": round(r.lix, 1), "niveau LIX": r.lix_level}

hard, easy = ak.readability(article), ak.readability(ak.easy_text())
pd.DataFrame({"article": summary(hard), "texte facile": summary(easy)})
"""),
    md("""
**Think first.** Which of the two ratios makes the article hard: the length of its sentences or of
its words? Compare the lines *mots/phrase* and *syllabes/mot*.

The library `textstat` implements the same formulas (its French *Flesch* is Kandel–Moles). It counts
pyphen pieces as syllables, so it finds fewer syllables and a slightly *easier* score:
"""),
    code("""
import textstat

textstat.set_lang("fr")
pd.DataFrame({
    "article": [round(hard.kandel_moles, 1), round(textstat.flesch_reading_ease(article.text), 1),
                round(hard.lix, 1), round(textstat.lix(article.text), 1)],
    "texte facile": [round(easy.kandel_moles, 1), round(textstat.flesch_reading_ease(ak.easy_text()), 1),
                     round(easy.lix, 1), round(textstat.lix(ak.easy_text()), 1)],
}, index=["Kandel–Moles (kit)", "Kandel–Moles (textstat)", "LIX (kit)", "LIX (textstat)"])
"""),
    code("""
fig, ax = plt.subplots(figsize=(6, 3.4))
ax.bar(["article", "texte facile"], [hard.kandel_moles, easy.kandel_moles], color=["tab:red", "tab:green"])
ax.axhspan(60, 70, color="grey", alpha=0.2, label="zone « standard » (60–70)")
ax.set_title("Score de Kandel–Moles (plus haut = plus facile)")
ax.set_xlabel("Texte")
ax.set_ylabel("Score")
ax.legend()
plt.show()
"""),
    md("""
Both measures agree: the article is « difficile » to « très difficile ». Back to the *Think first*
question: how many points does each ratio cost the article, compared with the easy text?

"""),
    code("""
pd.DataFrame({
    "phrases longues": [1.015 * (hard.words_per_sentence - easy.words_per_sentence),
                        hard.words_per_sentence - easy.words_per_sentence],
    "mots longs": [73.6 * (hard.syllables_per_word - easy.syllables_per_word),
                   100 * (hard.long_word_share - easy.long_word_share)],
}, index=["Kandel–Moles (points perdus)", "LIX (points gagnés)"]).round(1)
"""),
    md("""
Both, about equally. The sentences are five times longer than the easy text’s (37 words against 7),
but each word also has half a syllable more: in Kandel–Moles the long words even cost a little more
than the long sentences, in LIX a little less. A formula cannot see that *CEDEAO* or
*mutualisation* is hard for a learner, nor that a long sentence can be clear: it compares, it does
not judge.

**Try it.** Measure two paragraphs alone: `ak.readability(article.paragraphs[3].text)` (the
journalist's own words) and `ak.readability(article.paragraphs[4].text)` (a quoted speech). Which
is easier to read, and which ratio makes the difference?
"""),
    # ------------------------------------------------------------------ 7
    md(f"""
## 7. Reading critically

### Spot the slips

Published texts have [slips]({G}#slip). **Think first:** read this passage of paragraph 6 and
find two agreement errors and one misplaced comma before you run the next cells.
"""),
    code("""
start = article.text.index("le terrorisme et le crime")
end = article.text.index("ne seront", start)
print(article.text[start:end])
"""),
    code("""
slips = ak.corrections(article)
print(len(slips), "slips in the kit's list, of these kinds:")
pd.DataFrame(Counter(s.category for s in slips).most_common(), columns=["type", "slips"])
"""),
    md("""
Here are the slips inside that passage. The kit's list gives each slip's exact offsets, so the
corrected text can be rebuilt:
"""),
    code("""
here = tuple(s for s in slips if start <= s.start < end)
pd.DataFrame([(s.text, s.correction, s.category, s.explanation) for s in here],
             columns=["écrit", "corrigé", "type", "pourquoi"])
"""),
    code("""
fixed = ak.corrected_text(article, here)
print(fixed[start:fixed.index("ne seront", start)])
"""),
    md("""
The most frequent slip in the list is a **capital on an adjective**: French writes *un Sénégalais*
(a person) but *le ministre sénégalais*. Those capitals are also what fooled spaCy in section 3
(*Transfrontalière* and *Terroristes* come out as people!). **Try it:** find two such capitals in
paragraph 2 yourself; the assignment asks you to correct at least five slips of any kind.

### Whose voices?

Who is quoted, how much, and how? The kit's quotation extractor (lesson 2 explains it) finds each
quotation, its kind (`direct`, `partial`, `indirect`, `motto`) and its speaker:
"""),
    code("""
found = ak.extract_quotes(article)
voices = pd.DataFrame([(q.speaker or "—", q.kind, len(re.findall(r"\\w+", q.text))) for q in found],
                      columns=["speaker", "kind", "words"])
voices.groupby(["speaker", "kind"], as_index=False)["words"].sum()
"""),
    md("""
**Think first, then discuss.**

- Only the two ministers speak. Who else is concerned by a military agreement on a 419 km border,
  and is never heard? (people living near the border, soldiers, ECOWAS, independent experts…)
- The last word goes to the Malian minister, and the paper says *notre pays*: whose point of view
  does the article take?
- Does the journalist ever question what the ministers say, or give another source?

An article made of official speeches is close to a communiqué. Knowing that is part of reading it.
"""),
    md("""
## Key points

- The **raw scrape** holds debris (a repeated title, empty lines, a website error): the cleaning
  report says what was removed and why, and offsets link the clean text back to the raw file.
- Paragraphs, **sentence lengths** and a **quotation map** show the shape of an article before you
  read it: here, long sentences of quoted official speech.
- The five questions (qui, quoi, quand, où, pourquoi) can be answered **from the text, in code**; a
  model such as spaCy's NER is a first guess that the reader checks.
- Count **lemmas without stop words** to see the topic; read a word **in context** to see how it is
  used.
- **Readability formulas** (Kandel–Moles, LIX) compare texts by sentence and word length; syllable
  counts from hyphenation need correcting, and no formula sees meaning.
- Published texts have **slips** (capitals on adjectives, agreement, missing letters), and every
  article chooses **whose voices** it lets speak.

Next: the assignment `exercises/01-reading.ipynb`, then lesson 2, annotating the article.
"""),
]


# ---------------------------------------------------------------------------
# The assignment (solutions/ is the single source; exercises/ is generated)
# ---------------------------------------------------------------------------

ASSIGNMENT = [
    md(f"""
# Lesson 1 assignment — Reading the article

**By the end of this assignment you will have:**

- **found** the debris of the scraped page and the structure of the article;
- **answered** qui, quoi, quand, où, pourquoi in code;
- **built** a table of the people with every way the text names them;
- **used** the glossary, [lemma]({G}#lemma) frequencies and a readability score;
- **corrected** slips of the original and **named** the voices it quotes.

**Level:** French B1 and up; Python beginner. Work through lesson 1 (`notebooks/01-reading.ipynb`)
first: every technique you need is shown there.
**Time:** about 60 minutes.

Each exercise has an answer cell (replace the `...`) and a check cell right after it: run the
check to see if your answer is right. A wrong answer gets a question that points at the problem;
run it again after a second try for a more specific hint. Any correct route is accepted.
"""),
    md("""
## Setting up

Run this cell first.
"""),
    code(SETUP),
    # 1
    md("""
## 1. From scrape to text
"""),
    code("""
raw_lines = article.raw.splitlines()
for number, line in enumerate(raw_lines, start=1):
    print(f"{number:>2} | {line[:70]}")
"""),
    *exercise("debris", """
**Exercise 1 — debris.** Two lines of the raw file above are not part of the article: one repeats
another, one is not even in French. Give their line numbers (counted from 1, as printed) in a list
`debris`. Empty lines may be included, lines of the article may not.
""", """
debris = [number for number, line in enumerate(raw_lines, start=1)
          if (number > 1 and line == raw_lines[0]) or line.startswith("The website")]
"""),
    # 2
    md("""
## 2. Structure
"""),
    *exercise("longest_sentence", """
**Exercise 2 — the longest sentence.** Which sentence of `article.sentences` has the most words?
Give its index (from 0) as `longest_sentence`. (`ak.sentence_lengths(article)` helps.)
""", """
lengths = ak.sentence_lengths(article)
longest_sentence = int(lengths.loc[lengths["words"].idxmax(), "sentence"])
"""),
    *exercise("quoted_paragraphs", """
**Exercise 3 — where are the quotations?** Give the set of paragraph indices (from 0) whose text
contains at least one quotation in guillemets « ».
""", """
quoted_paragraphs = {p.index for p in article.paragraphs if "«" in p.text}
"""),
    # 3
    md("""
## 3. Compréhension globale
"""),
    *exercise("who", """
**Exercise 4 — qui ?** Who meets whom? Give the two people as a list of two names, `who`.
""", """
who = ["Sadio Camara", "Birame Diop"]
"""),
    *exercise("when", """
**Exercise 5 — quand ?** Give the date of the meeting as a `datetime.date` (not a string), built
from `article.date_text`.
""", """
MOIS = {"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12}
day, month, year = re.search(r"(\\d{1,2}) (\\w+) (\\d{4})", article.date_text).groups()
when = datetime.date(int(year), MOIS[month], int(day))
"""),
    *exercise("where", """
**Exercise 6 — où ?** In which country does the meeting take place? (The city is not named: read
« dans notre pays » and « sa visite … au … ».) Give it as a string, `where`.
""", """
where = "le Mali"
"""),
    *exercise("numbers", """
**Exercise 7 — combien ?** Find three numbers in the text and give them as whole numbers in a dict:
how many hours the visit lasts (`"visit_hours"`), how long the shared border is in km
(`"border_km"`), and the year of the framework agreement (`"agreement_year"`).
""", """
def number_before(word):
    return int(re.search(r"(\\d+) " + word, article.text).group(1))

numbers = {"visit_hours": number_before("heures"),
           "border_km": number_before("kilomètres"),
           "agreement_year": int(re.search(r"accord.cadre de (\\d{4})", article.text).group(1))}
"""),
    *exercise("why", """
**Exercise 8 — pourquoi ?** Why do the ministers meet? Answer in **one French sentence of your
own** (not copied from the article), as a string `why`: say what the two countries want to do
together, and against what.
""", """
why = "Ils veulent renforcer la coopération militaire entre leurs pays pour lutter ensemble contre le terrorisme."
"""),
    # 4
    md("""
## 4. Compréhension détaillée: the people
"""),
    *exercise("people", """
**Exercise 9 — the people table.** Build a DataFrame `people` with one row per minister and the
columns `person`, `country`, `role` (his ministry, as the text names it) and `names`: a list of
every way the text names him, each copied exactly from the text (full name in capitals, in small
letters, a title alone, « son homologue … »). Give at least three forms for the Malian minister and
two for the Senegalese one. `ak.find_forms` and `ak.kwic` help; extra columns (such as `rank`)
are welcome.
""", """
def forms(*patterns):
    found = []
    for pattern in patterns:
        for m in re.finditer(pattern, article.text):
            if m.group(0) not in found:
                found.append(m.group(0))
    return found

people = pd.DataFrame([
    {"person": "Sadio Camara", "country": "Mali", "rank": "Général de corps d’armée",
     "role": "Ministre de la Défense et des Anciens Combattants",
     "names": forms(r"Sadio (?:CAMARA|Camara)", r"le Général Sadio Camara", r"son homologue Malien",
                    r"[Ll]e Ministre de la Défense et des [Aa]nciens Combattants")},
    {"person": "Birame Diop", "country": "Sénégal", "rank": "",
     "role": "Ministre des Forces armées",
     "names": forms(r"Birame (?:DIOP|Diop)", r"son homologue Sénégalais", r"le Ministre Sénégalais")},
])
"""),
    # 5
    md("""
## 5. Langue
"""),
    *exercise("my_glossary", """
**Exercise 10 — your glossary.** Starting from `ak.load_glossary()`, add **two** words of the
article that are not in it yet, each with an English gloss, and give the text's forms as
`variants` when they differ from the dictionary form. Keep the result as `my_glossary`.
""", """
my_glossary = (ak.load_glossary()
               .add("rencontre", "meeting", "Quand des personnes se voient pour parler.",
                    pos="NOUN", variants=["rencontres"])
               .add("renforcer", "to strengthen", "Rendre plus fort.", pos="VERB"))
"""),
    *exercise("top_lemmas", """
**Exercise 11 — frequent lemmas.** Give the five most frequent lemmas of the article, without stop
words and punctuation, keeping only nouns, proper nouns, adjectives, verbs and adverbs
(`token.pos`), as a list of lower-case strings `top_lemmas`. (Ties: any of the tied lemmas will do.)
""", """
counts = Counter(t.lemma.lower() for t in article.tokens
                 if not t.is_stop and not t.is_punct and t.is_alpha
                 and t.pos in {"NOUN", "PROPN", "ADJ", "VERB", "ADV"})
top_lemmas = [lemma for lemma, n in counts.most_common(5)]
"""),
    # 6
    md("""
## 6. How hard is it to read?
"""),
    code("""
r = ak.readability(article)
print("phrases :", r.sentences, "| mots :", r.words, "| syllabes :", r.syllables)
"""),
    *exercise("kandel_moles", """
**Exercise 12 — Kandel–Moles by hand.** From the three counts printed above (`r.sentences`,
`r.words`, `r.syllables`), compute the Kandel–Moles score
207 − 1.015 × (words / sentences) − 73.6 × (syllables / words) as `kandel_moles`.
""", """
kandel_moles = 207 - 1.015 * r.words / r.sentences - 73.6 * r.syllables / r.words
"""),
    # 7
    md("""
## 7. Reading critically
"""),
    *exercise("slips", """
**Exercise 13 — spot and correct.** Find at least **five** slips in the article (agreement,
missing letter, capital on an adjective, punctuation…) and give them as a dict `slips`
`{"text exactly as written": "corrected text"}`. Keep each key short — one to three words around
one slip — and change only what is wrong.
""", """
slips = {
    "aigues": "aigus",
    "prise e compte": "prise en compte",
    "divers domaine": "divers domaines",
    "Forces Armée": "Forces armées",
    "criminalité Transfrontalière": "criminalité transfrontalière",
    "accord cadre": "accord-cadre",
}
"""),
    *exercise("quoted_speakers", """
**Exercise 14 — whose voices?** Whose words does the article quote between guillemets? Give the
set of their surnames, `quoted_speakers`. (A motto is not a speaker.)
""", """
quoted_speakers = {"Diop", "Camara"}
"""),
    md("""
**To discuss (not graded).** Who is concerned by this agreement and never quoted? Which side's
point of view does the article take, and which words tell you?
"""),
    md("""
## Key points

- Debris of a scrape (repeated title, website error) must go before any counting.
- Sentence lengths and a quotation map show an article's shape: here, long quoted speeches.
- Facts (names, date, place, numbers, purpose) are read from the text and checked, whatever the
  phrasing.
- One person has many names in a text; a people table gathers them.
- Lemma frequencies without stop words show the topic; readability scores compare texts.
- Slips and missing voices are part of a critical reading.
"""),
]


def main() -> None:
    write(LESSON, ROOT / "notebooks" / "01-reading.ipynb")
    write(ASSIGNMENT, ROOT / "solutions" / "01-reading.ipynb")


if __name__ == "__main__":
    main()
