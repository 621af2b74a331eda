"""Build ``notebooks/00-start-here.ipynb`` (then run it: ``make notebooks``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbbuild import ROOT, code, md, write  # noqa: E402


CELLS = [
    md("""
# Start here: the kit, JupyterLab and the article as data

**By the end of this notebook you will be able to:**

- **run** cells, restart the kernel and read a function's help in JupyterLab;
- **find** your way around the kit: lessons, exercises, solutions and the helper package;
- **load** the article and **read** its metadata, its cleaning report and its paragraphs as tables;
- **answer** an exercise and **read** the feedback of its self-check.

**Level:** beginner — no Python needed beyond running cells and changing one line.
**Time:** 20 minutes.
**Language:** instructions in English; the article, and all the linguistic work, in French.
"""),
    md("""
## 1. Working in JupyterLab

A notebook is a list of **cells**. Markdown cells (like this one) explain; code cells run Python and
show what it returns just below them.

| to … | do … |
|---|---|
| run the selected cell and move to the next | <kbd>Shift</kbd> + <kbd>Enter</kbd> |
| run every cell from the top | menu **Run → Run All Cells** |
| start again from a clean state | menu **Kernel → Restart Kernel and Run All Cells…** |
| read the help of a function | put `?` after its name and run the cell: `ak.load_article?` |
| complete a name | type the beginning, press <kbd>Tab</kbd> |

Cells run in the order *you* run them, not in the order they appear. When something looks strange,
**restart the kernel and run all**: that is also exactly how your work will be checked.
"""),
    md("""
## 2. How the kit is laid out

| folder | what is in it | who uses it |
|---|---|---|
| `notebooks/` | the lessons, with their results already shown, and the [glossary](glossary.md) | learners, to read and try |
| `exercises/` | the assignments: the same tasks, with empty answer cells | learners, to hand in |
| `solutions/` | the assignments with answers | teachers |
| `seeds/` | the article exactly as it was scraped from the web — never edited | everyone, through the package |
| `src/articlekit/` | the helper package that turns the scrape into clean data | everyone, as `ak` |

Every exercise is followed by a **check cell**. Run it after your answer: it prints a line starting with ✅ when your answer
is right, or asks you a question that points at what to look at again. It never gives the answer away,
and the second and third tries give more specific hints.
"""),
    md("""
## 3. Setting up

Every lesson starts with one setup cell like the next one. It imports the helper package under the
short name `ak`, parses the article and prepares the checks for this notebook. Run it first.
"""),
    code("""
import articlekit as ak

article = ak.load_article()               # the seed article in seeds/, parsed
check = ak.checks.lesson("00-start-here")  # the self-checks of this notebook
article
"""),
    md("""
`article` is an [`Article`](glossary.md#article-object): one object that holds the clean text and
everything the kit knows about it. Its short description above tells the title, the date, and how many
paragraphs and sentences it has.

## 4. The article's metadata

The first line of the scraped page says where the article was published (its **rubric**) and its
**title**; the body gives its date; the last line of the body is its **byline** (who wrote it).
"""),
    code("""
print("Rubric  :", article.rubric)
print("Title   :", article.title)
print("Date    :", article.date, "  (written in the text as:", repr(article.date_text) + ")")
print("Byline  :", article.byline)
print("Language:", article.language)
"""),
    md("""
`article.date` is a real date, not a piece of text: Python can compute with it. Which day of the week
was it? (The text says it too — find where.)
"""),
    code("""
jours = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
jours[article.date.weekday()]  # weekday(): Monday = 0 … Sunday = 6
"""),
    md("""
## 5. From a web page to clean text

The file in `seeds/` is a **raw scrape**: what a program copied from a web page. Look at its first
lines exactly as they are stored. `repr` shows invisible characters: `\\xa0` is a
[non-breaking space](glossary.md#non-breaking-space), and `\\n` is the end of a line.
"""),
    code("""
for number, line in enumerate(article.raw.splitlines()[:6], start=1):
    print(f"{number:>2} {line[:70]!r}")
"""),
    md("""
Did you notice that line 3 repeats line 1? And the last lines of the file — are they part of the
article?
"""),
    code("""
for number, line in enumerate(article.raw.splitlines(), start=1):
    if number > 18:
        print(f"{number:>2} {line!r}")
"""),
    md("""
The parser removed these and told us so. Each step of its **cleaning report** gives the raw line
number, what it did and why: nothing disappears silently.
"""),
    code("""
report = article.to_frame("cleaning")[["line", "action", "reason", "detail"]]
report
"""),
    md("""
The clean text, `article.text`, is what every lesson works on. Each paragraph, sentence and word
knows where it starts and ends in it, as character **offsets**: `article.text[start:end]` gives the
piece back, exactly.
"""),
    code("""
first = article.paragraphs[0]
print(first.start, first.end)
print(article.text[first.start:first.end][:120], "…")
"""),
    md("""
## 6. Paragraphs as a table

A table is a *view* of the article: handy to sort, count and plot. Here is one row per paragraph, with
the number of words in each.
"""),
    code("""
paragraphs = article.to_frame("paragraphs")
paragraphs["words"] = paragraphs["text"].str.split().str.len()
paragraphs[["index", "start", "end", "words"]]
"""),
    code("""
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(6, 3))
ax.bar(paragraphs["index"] + 1, paragraphs["words"], color="#4c72b0")
ax.set_title("Longueur des paragraphes de l'article")
ax.set_xlabel("Paragraphe (numéro)")
ax.set_ylabel("Nombre de mots")
plt.tight_layout()
plt.show()
"""),
    md("""
Which paragraph is by far the longest? Keep it in mind: it holds most of what the two ministers said.

## 7. Your first exercises

Each exercise has an **answer cell** — replace the `...` with your answer — and a **check cell** just
below it. The check cells here show *not answered yet*: that is expected until you answer.

**Exercise 1.** Store the article's title (as a string) in `title`.
"""),
    code("""
title = ...  # YOUR CODE HERE
"""),
    code("""
check.title(title)
""", tags=("raises-exception",)),
    md("""
**Exercise 2.** How many paragraphs does the clean article have? Store the number in
`paragraph_count`. (Hint: the article's paragraphs are a tuple; which built-in function counts items?)
"""),
    code("""
paragraph_count = ...  # YOUR CODE HERE
"""),
    code("""
check.paragraph_count(paragraph_count)
""", tags=("raises-exception",)),
    md("""
Answer, then run the check again: a right answer prints one line starting with ✅.

## Where next

Open [`01-reading.ipynb`](01-reading.ipynb): from the scrape to an understanding of what the article
says, who speaks and how it is written.

## Key points

- Run cells with <kbd>Shift</kbd> + <kbd>Enter</kbd>; when in doubt, **Restart Kernel and Run All**.
- `ak.load_article()` gives one `Article`: clean text, metadata, paragraphs, sentences and a cleaning report.
- The raw scrape is never edited; everything removed or changed is listed in `article.cleaning`.
- Offsets tie every piece to the clean text: `article.text[x.start:x.end] == x.text`.
- Tables (`article.to_frame(...)`) are views for sorting and plotting, not the source of truth.
- Every exercise has a check that answers with a question, never with the answer.
"""),
]


if __name__ == "__main__":
    print(write(CELLS, ROOT / "notebooks" / "00-start-here.ipynb"))
