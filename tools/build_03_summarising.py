"""Build lesson 3, ``notebooks/03-summarising.ipynb``, and its assignment, ``solutions/03-summarising.ipynb``.

Run ``python tools/build_03_summarising.py`` and then execute both notebooks in a
fresh kernel (``make notebooks``, or ``jupyter nbconvert --to notebook
--execute --inplace``).  The learners' ``exercises/03-summarising.ipynb`` is made
from the solution by ``articlekit exercises``: never write it by hand.

The builder is deterministic: the same source gives the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbbuild import ROOT, G, code, exercise, md, write  # noqa: E402


SETUP = """
import math
from collections import Counter

import matplotlib.pyplot as plt
import pandas as pd

import articlekit as ak

%config InlineBackend.figure_formats = ['png']
plt.style.use("default")
plt.rcParams.update({"figure.figsize": (8, 3.4), "figure.dpi": 80, "axes.grid": True,
                     "grid.alpha": 0.3})
pd.set_option("display.max_colwidth", 60)
pd.set_option("display.precision", 3)

article = ak.load_article()                 # the seed article, parsed
check = ak.checks.lesson("03-summarising")  # the self-checks of lesson 3
article
"""

# A learner's first draft and second draft, used in the lesson (section 5).
DRAFT_1 = (
    "Je trouve que cet article est très intéressant. Le Ministre de la Défense et des anciens "
    "Combattants, le Général de corps d’Armée, Sadio CAMARA a rencontré son homologue Sénégalais "
    "Birame DIOP. Nous devons lutter contre le terrorisme."
)
DRAFT_2 = (
    "Le jeudi 6 février 2025, Sadio Camara, ministre malien de la Défense, a reçu pour trois jours "
    "son homologue sénégalais Birame Diop. Les deux pays, voisins, liés par une même devise et par "
    "une frontière de 419 kilomètres, veulent approfondir leur collaboration militaire afin de faire "
    "reculer le terrorisme et l’insécurité. Le ministre sénégalais a rendu hommage à l’armée malienne "
    "et appelé à unir les efforts contre les trafics et les réseaux criminels qui financent les "
    "groupes armés. Le Mali, qui a quitté la CEDEAO, accepte ce partenariat à condition que sa "
    "souveraineté et ses choix soient respectés. Pour le général Camara, seule une lutte commune "
    "permettra de vaincre le terrorisme."
)


def _wrap(text: str, width: int = 92) -> str:
    """A long French string as Python source, cut into lines at spaces."""
    import textwrap

    lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    body = "\n".join(f'    "{line} "' if i < len(lines) - 1 else f'    "{line}"'
                     for i, line in enumerate(lines))
    return f"(\n{body}\n)"


# ---------------------------------------------------------------------------
# The lesson
# ---------------------------------------------------------------------------
LESSON = [
    md(f"""
# Lesson 3 — Summarising: the machine's extract and your own résumé

**By the end of this lesson you will be able to:**

- **build** a frequency summariser (Luhn's method) step by step, and **explain** each step;
- **compare** it with the lead baseline, a [TF-IDF]({G}#tf-idf) centroid and
  [TextRank]({G}#textrank), and **show** how quotations weigh on what a machine keeps;
- **count** words as French exams do and **write** a [résumé]({G}#resume) of the article that
  meets the rules: length, key facts, your own words, the third person;
- **measure** summaries with [ROUGE]({G}#rouge), **see** why a tokenizer that knows only ASCII
  silently breaks French scores, and **find** the [oracle]({G}#oracle): the best any extract could do.

**Level:** French B1 and up; Python beginner (you read, change and run short cells).
**Time:** about 90 minutes (two lessons of 45 minutes: sections 0–4, then 5–7).
**Language:** instructions in English; the article, the résumé and the linguistic work, in French.

Each section ends with a **Try it**: change a line and run the cell again. The graded version of
these exercises is the assignment `exercises/03-summarising.ipynb`.
"""),
    md("""
## Setting up

Run this cell first. It loads the helper package as `ak`, the article and the checks of this
lesson, and chooses a plain style for the figures.
"""),
    code(SETUP),
    # ------------------------------------------------------------------ 0
    md(f"""
## 0. Mise en route: what would *you* keep?

A summary is a choice. Here are the article's 19 [sentences]({G}#sentence), with their length in
words (counted as French exams count them, see section 5).

**Think first.** If you could keep only three sentences, which would you keep? Write their numbers
down before you read on.
"""),
    code("""
table = pd.DataFrame({
    "paragraph": [s.paragraph for s in article.sentences],
    "words": [ak.count_words(s.text) for s in article.sentences],
    "starts with": [s.text[:55] + "…" for s in article.sentences],
})
table
"""),
    code("""
print("sentences:", len(article.sentences), "| words in the article:", table["words"].sum())
"""),
    md("""
Write your three choices here (sentence numbers, from 0) and run the cell. In section 7 your pick
competes with the machines.
"""),
    code("""
my_pick = [0, 2, 13]          # ← your three sentences
for i in my_pick:
    print(f"[{i}] {article.sentences[i].text}")
"""),
    # ------------------------------------------------------------------ 1
    md(f"""
## 1. The lead baseline

An [extractive summary]({G}#extractive-summary) copies sentences from the text, keeping their
order. The simplest one keeps the first sentences: the **lead**. Journalists write in an *inverted
pyramid* (*pyramide inversée*): the essentials (who, when, what) come first, details and reactions
later. This baseline is surprisingly hard to beat.
"""),
    code("""
lead = ak.summarise(article, "lead", max_sentences=3)
lead
"""),
    code("""
print(lead.text)
"""),
    md("""
`ak.summarise` returns a `Summary`: the chosen `sentences` (in text order, each with its `score`
and `rank`), the `text`, and the `scores` of *every* sentence. With `max_words=` instead of
`max_sentences=`, it takes sentences from the best score down and **skips** any that would go over
the limit, so a shorter one further down may still fit.

**Try it.** Ask for the lead in at most 80 words: `ak.summarise(article, "lead", max_words=80)`.
Which sentences are kept, and which one is skipped? Is the summary still understandable?
"""),
    # ------------------------------------------------------------------ 2
    md(f"""
## 2. Luhn's idea: the words that come back are the topic

In 1958 H. P. Luhn, at IBM, summarised technical articles automatically with one idea: **a word
that the author repeats is what the text is about**, and **a sentence full of such words is
important**. We build his method in four steps.

### Step 1: the content lemmas of each sentence

Count [lemmas]({G}#lemma), not words as written (« coopération » and « coopérations » are one
lemma), and leave out [stop words]({G}#stop-word) (« le », « de », « et »…) and punctuation,
which every text repeats. spaCy has tagged every [token]({G}#token) of the article:
"""),
    code("""
tokens = article.to_frame("tokens")
tokens[tokens["sentence"] == 0][["text", "lemma", "is_stop", "is_punct"]].head(10)
"""),
    code("""
lemmas = [[] for _ in article.sentences]          # one list per sentence
for token in article.tokens:
    if not token.is_stop and not token.is_punct:
        lemmas[token.sentence].append(token.lemma.lower())
print(lemmas[0])
"""),
    md("""
Proper names keep their capitals in spaCy's lemmas (`DIOP`, `Diop`): `.lower()` makes them one.
And a lemma is the model's *guess*: « CAMARA », in capitals, was taken for a verb and became
*camarer*. Small slips like this one change a few counts, not the picture.

### Step 2: count them in the whole article
"""),
    code("""
freq = Counter(lemma for sentence in lemmas for lemma in sentence)
freq.most_common(10)
"""),
    code("""
top_words = freq.most_common(12)
fig, ax = plt.subplots(figsize=(8, 3))
ax.bar([w for w, _ in top_words], [n for _, n in top_words], color="tab:blue")
ax.set_xlabel("lemma")
ax.set_ylabel("occurrences")
ax.set_title("The 12 most frequent content lemmas")
plt.xticks(rotation=45, ha="right")
plt.tight_layout()
plt.show()
"""),
    md("""
The title announced most of them (*Mali*, *Sénégal*, *coopération*), and the body adds the
reason: *terrorisme*.

### Step 3: weights between 0 and 1

Divide each count by the largest one, so the most frequent lemma weighs 1.
"""),
    code("""
top = max(freq.values())
weights = {lemma: n / top for lemma, n in freq.items()}
{lemma: round(weights[lemma], 2) for lemma, _ in freq.most_common(5)}
"""),
    md("""
### Step 4: score each sentence, keep the best

A sentence's score is the sum of the weights of its lemmas.
"""),
    code("""
scores = [sum(weights[lemma] for lemma in sentence) for sentence in lemmas]
best3 = sorted(sorted(range(len(scores)), key=lambda i: -scores[i])[:3])
print("my three sentences:", best3)
for i in best3:
    print(f"[{i}] ({table['words'][i]} words) {article.sentences[i].text[:90]}…")
"""),
    md("""
Compare with `my_pick`, your choice in section 0. Now the package's version: `"frequency"` does the
same steps but, by default, gives each sentence the **mean** weight of its lemmas instead of the sum
(`length_normalised=True`). With `length_normalised=False` it gives exactly our scores:
"""),
    code("""
package_sum = ak.sentence_scores(article, "frequency", length_normalised=False)
print("same scores as ours:", all(math.isclose(a, b) for a, b in zip(scores, package_sum)))
package = ak.summarise(article, "frequency", max_sentences=3)
print("package (mean weight):", list(package.indices))
print("ours (sum of weights):", best3)
"""),
    md("""
The two disagree completely. Look at the lengths: our sum favours the **longest** sentences,
because every extra word adds to the sum. Luhn already noticed it; dividing by the length asks
instead "how dense in topic words is this sentence?".

**Try it.** Change `sum(...)` in step 4 into a mean (`sum(...) / len(sentence)`, careful with
empty sentences) and check that you get the package's three sentences.
"""),
    # ------------------------------------------------------------------ 3
    md(f"""
## 3. How quotations weigh on the choice

Half of this article is **quoted speech**: long declarations of the two ministers between
[guillemets]({G}#guillemets). Lesson 2's `ak.extract_quotes` finds them; here is the share of each
sentence that stands inside guillemets (a motto, a partial or a direct quotation).
"""),
    code("""
quotes = [q for q in ak.extract_quotes(article) if q.kind != "indirect"]   # in « … »

def quoted_share(sentence):
    inside = sum(max(0, min(q.end, sentence.end) - max(q.start, sentence.start)) for q in quotes)
    return inside / len(sentence.text)

share = [quoted_share(s) for s in article.sentences]
print([round(x, 2) for x in share])
"""),
    code("""
mean_scores = ak.sentence_scores(article, "frequency")       # the package's default: the mean
colours = ["tab:orange" if x >= 0.5 else "tab:blue" for x in share]
fig, axes = plt.subplots(2, 1, figsize=(8, 5), sharex=True)
for ax, values, chosen, title in [
        (axes[0], scores, best3, "sum of weights (ours): favours long sentences"),
        (axes[1], mean_scores, package.indices, "mean weight (package): favours dense sentences")]:
    ax.bar(range(len(values)), values, color=colours)
    for i in chosen:
        ax.annotate("★", (i, values[i]), ha="center", va="bottom", fontsize=13)
    ax.set_title(title, fontsize=11)
    ax.set_ylabel("score")
    ax.set_ylim(0, max(values) * 1.3)
axes[1].set_xlabel("sentence (position in the text)")
axes[1].set_xticks(range(len(share)))
axes[0].legend(handles=[plt.Rectangle((0, 0), 1, 1, color="tab:orange"),
                        plt.Rectangle((0, 0), 1, 1, color="tab:blue")],
               labels=["mostly quoted (≥ 50 % in « »)", "mostly the journalist's words"],
               loc="upper left", fontsize=9)
plt.tight_layout()
plt.show()
"""),
    code("""
def quoted_words(indices):
    total = sum(table["words"][i] for i in indices)
    inside = sum(table["words"][i] * share[i] for i in indices)
    return f"{inside / total:.0%} of the words inside guillemets"

print("sum  (ours):   ", best3, quoted_words(best3))
print("mean (package):", list(package.indices), quoted_words(package.indices))
print("whole article: ", quoted_words(range(len(share))))
"""),
    md("""
★ marks the sentences kept. Two of the three the sum picks are long **quoted declarations** (orange): official
speech is long, repeats the topic words (*coopération*, *terrorisme*, *sécurité*) and so scores
high. A machine summary made this way would be mostly the ministers' words, in the first person
(« Nous devons coopérer… »): exactly what a French *résumé* must **not** do (section 5). The mean
favours short sentences dense in topic words, written by the journalist.

**Try it.** Remove the quotations before counting: keep only the lemmas of tokens outside `quotes`
(test `q.start <= token.start < q.end`). Which sentences does the sum pick then?
"""),
    # ------------------------------------------------------------------ 4
    md(f"""
## 4. Two other ideas: the centroid and the graph

**[TF-IDF]({G}#tf-idf) centroid** (`"tfidf"`). A lemma weighs more when it is frequent in the
sentence (*term frequency*) and rare across sentences (*inverse document frequency*): « Mali » comes back
in sentence after sentence, so it says little about any one of them. Each sentence becomes a vector of
such weights; their sum is the article's **centroid**; the sentences closest to it (cosine) win.

**[TextRank]({G}#textrank)** (`"textrank"`, Mihalcea & Tarau 2004). Link every two sentences that
share lemmas, more strongly when they share more. A sentence is important when important sentences
point to it: the same idea as Google's [PageRank]({G}#pagerank). Here is the graph, as a matrix:
"""),
    code("""
similarity = ak.summarising.similarity_matrix(article)
fig, ax = plt.subplots(figsize=(4.6, 4))
image = ax.imshow(similarity, cmap="Blues")
ax.grid(False)
ax.set_xticks(range(0, len(similarity), 3))
ax.set_yticks(range(0, len(similarity), 3))
ax.set_xlabel("sentence")
ax.set_ylabel("sentence")
ax.set_title("Shared lemmas between sentences", fontsize=11)
fig.colorbar(image, ax=ax, shrink=0.8)
plt.tight_layout()
plt.show()
"""),
    md(f"""
PageRank imagines a reader jumping from sentence to sentence along the links (more often along
strong ones) and, now and then (15 % of the time), anywhere. The share of time spent on each
sentence is its rank. We compute it by [power iteration]({G}#power-iteration): start from equal
ranks and spread them along the links again and again until they stop changing.
"""),
    code("""
n = len(similarity)
out = similarity.sum(axis=1)                      # total strength leaving each sentence
rank = [1 / n] * n
for step in range(100):
    new = [0.15 / n + 0.85 * sum(similarity[j][i] / out[j] * rank[j] for j in range(n))
           for i in range(n)]
    change = sum(abs(a - b) for a, b in zip(new, rank))
    rank = new
    if change < 1e-10:
        break
print("steps:", step + 1)
package_rank = ak.sentence_scores(article, "textrank")
print("same as the package:", all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(rank, package_rank)))
"""),
    md("""
Now every method side by side: each sentence's score (divided by the method's best score, so the
four fit one scale) by position, with ★ on the sentences each keeps for a summary of at most 176
words (a quarter of the article, see section 5).
"""),
    code("""
methods = ["lead", "frequency", "tfidf", "textrank"]
summaries = {m: ak.summarise(article, m, max_words=176) for m in methods}
fig, axes = plt.subplots(len(methods), 1, figsize=(8, 6.4), sharex=True)
for ax, m in zip(axes, methods):
    s = summaries[m]
    values = [v / max(s.scores) for v in s.scores]
    ax.bar(range(len(values)), values, color=colours)
    for i in s.indices:
        ax.annotate("★", (i, values[i]), ha="center", va="bottom", fontsize=12)
    ax.set_ylim(0, 1.35)
    ax.set_ylabel(m, fontsize=10)
axes[-1].set_xticks(range(len(values)))
axes[-1].set_xlabel("sentence (orange: mostly quoted)")
fig.suptitle("Each method's sentence scores (÷ its best score), ★ = kept in 176 words", fontsize=11)
plt.tight_layout()
plt.show()
"""),
    code("""
pd.DataFrame({m: [list(s.indices), s.words, quoted_words(s.indices)] for m, s in summaries.items()},
             index=["sentences kept", "words", "quotations"]).T
"""),
    md("""
TF-IDF and TextRank also reward long, quoted sentences: both keep sentence 12, the Malian
minister's conditions, and nearly half of their words are quotations, against 3 % for the lead and
the mean frequency. Long sentences share more words with the rest of the text. And no method
*rewrites*: « dans notre pays » (the newspaper is Malian) stays as it is.

Look also at sentence 3 (« Une frontière qui s’étale sur 419 kilomètres… »): a low score, yet TF-IDF
and TextRank keep it. It is short (10 words), and once the long sentences are in, it is the best one
that still fits in the 176 words. A word limit changes the choice, not only its length.

**Try it.** Summarise with `max_sentences=2` instead of `max_words=176`. Which method changes most?
"""),
    # ------------------------------------------------------------------ 5
    md(f"""
## 5. The French « résumé »: rules of the game

In a French exam, a *résumé* is not an extract. You **rewrite** the text at about **a quarter of its
length** (± 10 %), in **your own words**, in the **third person** (the
[énonciation]({G}#enonciation): « le ministre affirme que… », never « nous »), keeping the author's
ideas **in their order**, adding nothing. And you write the number of words at the end, counted by
the exam's rule:

> A word is what lies between two spaces, two typographic signs, or a sign and a space.

| written | words | why |
|---|---|---|
| « c’est faux » | 3 | the apostrophe cuts: *c’* + *est* |
| « aujourd’hui » | 1 | one word in the dictionary |
| « a-t-il » | 2 | the euphonic *-t-* is not a word |
| « 20 % » | 2 | a number is one word, the sign another |
| « 1 000 », « 2025 » | 1 | a number in digits is one word |
| « CEDEAO », « O.N.U. » | 1 | an acronym is one word |
| « c’est-à-dire » | 4 | hyphens cut too… |
| « ! ? , ; » | 0 | punctuation never counts |

`ak.count_words` follows these rules; `ak.resume.words` shows what it counted.
"""),
    code("""
for example in ["c’est faux", "aujourd’hui", "a-t-il", "20 %", "1 000", "CEDEAO", "O.N.U.",
                "c’est-à-dire", "Qu’a-t-il dit ?"]:
    print(f"{example:<16} {ak.count_words(example)}  {ak.resume.words(example)}")
"""),
    md("""
Sources disagree on two points, so they are options: **hyphenated compounds** (« peut-être »: two
words by the printed rule, one for many teachers) and **proper names** (« Sadio Camara »: two
words, or one if your teacher says so). Ask your teacher which convention your exam uses.
"""),
    code("""
print(ak.count_words("peut-être"), ak.count_words("peut-être", hyphenated="join"))
print(ak.count_words("dit-il", hyphenated="join"), "← a pronoun after a verb is always a word")
print(ak.count_words("Sadio Camara a reçu Birame Diop"),
      ak.count_words("Sadio Camara a reçu Birame Diop", names=["Sadio Camara", "Birame Diop"]))
"""),
    code("""
total = ak.count_words(article.text)
target = round(total / 4)
print(f"article: {total} words → résumé: {target} words, between {round(target * 0.9)} and {round(target * 1.1)}")
"""),
    md(f"""
### A first draft, and what a teacher would say

Awa, a learner, wrote a first draft. `ak.check_resume` measures it as a teacher would: **length**,
**key facts** (who, when, what, why, from a teacher's key with the variants learners write),
**copying** (the longest run of words taken as it is from the article), and **énonciation** (first
person outside a quotation). Her teacher asked for 120 words this time (`target=120`).
"""),
    code(f"""
draft = {_wrap(DRAFT_1)}
ak.check_resume(draft, target=120)
"""),
    md("""
Every problem comes with its number: 38 words for the 120 asked, 19 words copied in a row (the
minister's full title and name), « Je » and « Nous » outside any quotation, and four key facts
missing, each listed. Her second draft:
"""),
    code(f"""
draft2 = {_wrap(DRAFT_2)}
ak.check_resume(draft2, target=120)
"""),
    md("""
Notice what she did: *a reçu pour trois jours* instead of *en visite de 72 heures*; synonyms
(*collaboration* for *coopération*, *faire reculer* for *lutter contre*); a long list of threats cut
to two (*les trafics et les réseaux criminels*); the Malian minister's long quotation turned into
the journalist's voice (*Le Mali, qui a quitté la CEDEAO, accepte ce partenariat à condition
que…*); and nothing of her own opinion.

**Try it.** Change `draft2`: add « Nous » somewhere, or paste a sentence of the article, and run
the check again. Then print the report as text with `print(ak.check_resume(draft2, target=120))`.
"""),
    # ------------------------------------------------------------------ 6
    md(f"""
## 6. Measuring a summary: ROUGE

How close is a summary to one written by a person? [ROUGE]({G}#rouge) (Lin, 2004) counts shared
words: **ROUGE-1** single words, **ROUGE-2** pairs of neighbouring words, **ROUGE-L** the longest
sequence of words in the same order. Each is a [precision, recall and F1]({G}#precision-recall-f1):
precision = shared / words of the candidate, recall = shared / words of the reference.

By hand first: candidate « le chat dort sur le tapis » (6 words), reference « le chat dort » (3).
Shared words: *le, chat, dort* = 3, so P = 3/6, R = 3/3, F1 = 2PR/(P+R) = 0.667. Shared pairs:
*le chat, chat dort* = 2 of 5 and of 2, so P = 0.4, R = 1, F1 = 0.571.
"""),
    code("""
ak.rouge("le chat dort sur le tapis", "le chat dort").to_frame()
"""),
    md("""
### The tokenizer matters: French is not ASCII

Everything depends on how a text is cut into words. Google's `rouge-score`, the package most
papers use, keeps only the letters a–z and digits. Look at what it does to French:
"""),
    code("""
from rouge_score import rouge_scorer
from rouge_score import tokenize as rouge_score_tokenize

phrase = "L’insécurité à la frontière du Sénégal, aujourd’hui"
print("rouge-score:", rouge_score_tokenize.tokenize(phrase, None))
print("articlekit: ", ak.evaluation.tokenize(phrase))
"""),
    md("""
« insécurité » becomes *ins* + *curit*, « à » disappears, « Sénégal » becomes three fragments. Worse,
it fails **silently**: scores are still computed, on fragments. Two different words can now
"share" a piece:
"""),
    code("""
scorer = rouge_scorer.RougeScorer(["rouge1"])
print("rouge-score:", round(scorer.score("Sénégal", "général")["rouge1"].fmeasure, 3))
print("articlekit: ", round(ak.rouge("général", "Sénégal").rouge1.f1, 3))
"""),
    code("""
reference = ak.reference_summary("fr-examen")
broken = ak.evaluation.broken_words(reference.text)
print(f"{len(broken)} distinct words of the reference are broken, for example:")
for word, pieces in broken[:8]:
    print(f"  {word:<14} → {list(pieces)}")
"""),
    md(f"""
The kit ships four reference summaries written by hand by a French teacher (`ak.reference_summaries()`):
a short, a medium and an exam-length French résumé, and an English one. Here are the four machine
summaries of section 4 against the exam-length one, scored by both tokenizers:
"""),
    code("""
rows = {}
for m, s in summaries.items():
    theirs = scorer.score(reference.text, s.text)["rouge1"].fmeasure
    ours = ak.rouge(s, reference).rouge1.f1
    rows[m] = {"rouge-score (ASCII)": theirs, "articlekit (French)": ours}
pd.DataFrame(rows).T.round(3)
"""),
    md("""
Every ASCII score is **higher**: fragments such as *s*, *n* or *e* match across different words and
inflate it, and nothing warns you. Use a tokenizer that knows the language.

**Try it.** Compare the two tokenizers on the English reference, `ak.reference_summary("en")`:
do they agree there? Why?
"""),
    # ------------------------------------------------------------------ 7
    md(f"""
## 7. Every summary side by side, and the ceiling

Last, everything against the exam-length reference (`fr-examen`, 178 words): the four methods,
your pick of section 0, Awa's second draft, and the **[oracle]({G}#oracle)**: the set of at most four article sentences (within the
same 178 words) with the highest ROUGE-1 against the reference, found by trying them all. It looks at
the answer, so no extractive method can beat it: it is the **ceiling** of extraction on this
article.
"""),
    code("""
best = ak.oracle(article, reference.text, k=4, metric="rouge1", max_words=reference.words)
your_pick = " ".join(article.sentences[i].text for i in sorted(my_pick))
candidates = {**summaries, "your pick": your_pick, "Awa's draft": draft2, "oracle": best}
comparison = pd.DataFrame(
    {name: {"words": ak.count_words(getattr(c, "text", c)),
            "ROUGE-1": ak.rouge(c, reference).rouge1.f1,
            "ROUGE-2": ak.rouge(c, reference).rouge2.f1,
            "ROUGE-L": ak.rouge(c, reference).rougeL.f1} for name, c in candidates.items()}).T
comparison["words"] = comparison["words"].astype(int)
comparison.round(3)
"""),
    code("""
ax = comparison[["ROUGE-1", "ROUGE-2", "ROUGE-L"]].plot.bar(figsize=(8, 3.6), rot=0, width=0.8)
ax.set_xlabel("summary")
ax.set_ylabel("F1 against fr-examen")
ax.set_title("Machine extracts, your pick, a learner's résumé and the oracle", fontsize=11)
ax.set_ylim(0, 0.8)
plt.tight_layout()
plt.show()
"""),
    code("""
print("oracle sentences:", list(best.indices))
english = ak.reference_summary("en")
print("lead against the English reference, ROUGE-1 F1:", round(ak.rouge(summaries["lead"], english).rouge1.f1, 3))
"""),
    md("""
What the table says:

- The **lead** is a strong baseline on a news article: it has the best ROUGE-1 of the four
  methods here, because the journalist put the essentials first.
- The **oracle** shows how little room is left: even the best possible choice of sentences stays far
  below a rewritten résumé, because a résumé *rewrites* (« a reçu pour trois jours », « reculer »).
- **Awa's draft**, written in her own words, shares more pairs of words (ROUGE-2) with the reference
  than any extract: two people who rewrite the same facts meet on the same phrases.
- Against the **English** reference every French summary scores near zero: ROUGE compares *words*,
  not meaning. A high ROUGE does not make a good résumé, and your teacher will not mark with it.

**Try it.** Did your pick beat the machines? Change `my_pick` in section 0, then run this
section again (*Run → Run Selected Cell and All Below*). Can you get close to the oracle with three
sentences? Then replace `reference` by `ak.reference_summary("fr-court")` (61 words): which method
wins for a very short summary?
"""),
    md(f"""
## Key points

- An **extractive** summariser scores sentences and keeps the best ones in text order; the **lead**
  baseline is hard to beat on news, where the essentials come first.
- **Luhn's** method counts content [lemmas]({G}#lemma): summing weights favours long sentences, and
  in this article the long sentences are **quotations** of official speech; the mean corrects it.
- **TF-IDF** weighs words rare across sentences; **TextRank** ranks sentences in a similarity graph
  by **PageRank**, computed by **power iteration**.
- A French **résumé** rewrites at a quarter of the length (± 10 %), in the third person, with the
  exam's word count (« c’est » = 2, « aujourd’hui » = 1, « a-t-il » = 2, « 20 % » = 2).
- **ROUGE** counts shared words and pairs; its **tokenizer** must keep French letters, or scores are
  computed on fragments without warning. The **oracle** is the ceiling of extraction; ROUGE measures
  words, not meaning.

Next: the assignment `exercises/03-summarising.ipynb`, where you build the summariser and write your
own résumé.
"""),
]


# ---------------------------------------------------------------------------
# The assignment (solutions/ is the single source; exercises/ is generated)
# ---------------------------------------------------------------------------

SOLUTION_RESUME = (
    "Le 6 février 2025, Sadio Camara, ministre malien de la Défense, a accueilli pour trois jours "
    "Birame Diop, son homologue du Sénégal. Leur objectif : approfondir la coopération militaire "
    "entre les deux voisins. Ceux-ci partagent une frontière de 419 kilomètres, où l’insécurité "
    "doit reculer, ainsi qu’une même devise. Le visiteur a salué le courage de l’armée malienne, qui "
    "affronte les groupes terroristes depuis plus de dix ans. Il estime que le terrorisme, "
    "l’extrémisme, la criminalité et les trafics qui financent les groupes armés obligent les deux "
    "États à mettre leurs moyens en commun ; sa visite doit permettre d’appliquer réellement "
    "l’accord-cadre conclu en 2021. Le Mali, qui a rompu avec la CEDEAO, souhaite malgré tout des "
    "relations bilatérales avec ses partenaires, mais à ses conditions : respect de sa souveraineté, "
    "de ses choix stratégiques et des intérêts de sa population. Pour le ministre malien, ces "
    "menaces, parfois encouragées par des puissances étrangères, ne seront vaincues que par une "
    "action commune."
)

ASSIGNMENT = [
    md(f"""
# Lesson 3 assignment — Summarising

**By the end of this assignment you will have:**

- **built** Luhn's frequency summariser yourself, step by step, and **compared** it with the
  package's and with [TextRank]({G}#textrank);
- **measured** how quotations weigh on what a machine keeps;
- **counted** words as a French exam does and **written** your own [résumé]({G}#resume) of the article;
- **evaluated** summaries with [ROUGE]({G}#rouge), and **found** the ceiling of extraction, the
  [oracle]({G}#oracle).

**Level:** French B1 and up; Python beginner. Work through lesson 3 (`notebooks/03-summarising.ipynb`)
first: every technique you need is shown there.
**Time:** about 75 minutes (the résumé itself: 30 of them).

Each exercise has an answer cell (replace the `...`) and a check cell right after it: run the
check to see if your answer is right. A wrong answer gets a question that points at the problem;
run it again after a second try for a more specific hint. Any correct route is accepted.
"""),
    md("""
## Setting up

Run this cell first.
"""),
    code(SETUP),
    # ------------------------------------------------------------------ part 1
    md("""
## 1. Luhn's frequency summariser, by hand
"""),
    *exercise("content_lemmas", f"""
**Exercise 1 — content lemmas.** Build `content_lemmas`: a list with one list per sentence of
`article.sentences`, holding, in order, the [lemma]({G}#lemma) in lower case of every token of that
sentence that is neither a [stop word]({G}#stop-word) nor punctuation. (`article.tokens`; each
token knows its `sentence`, `lemma`, `is_stop` and `is_punct`.)
""", """
content_lemmas = [[] for _ in article.sentences]
for token in article.tokens:
    if not token.is_stop and not token.is_punct:
        content_lemmas[token.sentence].append(token.lemma.lower())
"""),
    *exercise("frequencies", """
**Exercise 2 — frequencies.** Count how many times each lemma of `content_lemmas` occurs in the
whole article: a dict (or a `Counter`) `frequencies` from lemma to count.
""", """
frequencies = Counter(lemma for sentence in content_lemmas for lemma in sentence)
"""),
    *exercise("weights", """
**Exercise 3 — weights.** Divide each count by the largest count, so that the most frequent lemma
weighs exactly 1: a dict `weights` from lemma to weight.
""", """
top = max(frequencies.values())
weights = {lemma: count / top for lemma, count in frequencies.items()}
"""),
    *exercise("luhn_scores", """
**Exercise 4 — sentence scores.** Give each sentence the **sum** of the weights of its lemmas
(a lemma repeated in a sentence counts each time): a list `luhn_scores`, one number per sentence,
in text order.
""", """
luhn_scores = [sum(weights[lemma] for lemma in sentence) for sentence in content_lemmas]
"""),
    *exercise("my_top3", """
**Exercise 5 — your summary.** Give the indices (from 0) of the three sentences with the highest
`luhn_scores`, **in the order of the text**, as a list `my_top3`.
""", """
my_top3 = sorted(sorted(range(len(luhn_scores)), key=lambda i: -luhn_scores[i])[:3])
"""),
    code("""
# Your summary, for reading (this cell works once exercise 5 is done)
if isinstance(my_top3, list):
    for i in my_top3:
        print(f"[{i}] {article.sentences[i].text}\\n")
"""),
    md("""
## 2. Quotations, and another method
"""),
    *exercise("quotes_in_summaries", """
**Exercise 6 — quotations.** How many of the three sentences of your summary contain guillemets
(« or »)? And how many of the three of the package's frequency summary,
`ak.summarise(article, "frequency", max_sentences=3)`, which uses the **mean** weight? Answer with a
dict `quotes_in_summaries = {"sum": …, "mean": …}`.
""", """
package = ak.summarise(article, "frequency", max_sentences=3)

def count_quoted(indices):
    return sum("«" in article.sentences[i].text or "»" in article.sentences[i].text for i in indices)

quotes_in_summaries = {"sum": count_quoted(my_top3), "mean": count_quoted(package.indices)}
"""),
    md("""
**To think about (not graded).** Why does the sum pick quotations? Would you keep those sentences in
a résumé?
"""),
    *exercise("overlap_textrank", """
**Exercise 7 — TextRank.** Which sentences does TextRank's 3-sentence summary,
`ak.summarise(article, "textrank", max_sentences=3)`, share with yours? Give the set of their
indices, `overlap_textrank` (it may be empty).
""", """
textrank = ak.summarise(article, "textrank", max_sentences=3)
overlap_textrank = set(my_top3) & set(textrank.indices)
"""),
    # ------------------------------------------------------------------ part 2
    md("""
## 3. The résumé
"""),
    *exercise("count_by_hand", """
**Exercise 8 — count like an examiner.** Count **by hand**, with the exam's rules, the words of
this sentence, and give the number as `count_by_hand`:

> « Aujourd’hui, l’armée a-t-elle vraiment 20 % de moyens en plus pour la CEDEAO ? »

(Then check yourself with `ak.count_words`, but count first.)
""", """
count_by_hand = 15
"""),
    *exercise("target_words", """
**Exercise 9 — the length to aim at.** A résumé is a quarter of the text. How many words should a
résumé of the article have? Count the article with the exam's rule (`ak.count_words`), divide by
four and round: `target_words`.
""", """
target_words = round(ak.count_words(article.text) / 4)
"""),
    *exercise("resume", f"""
**Exercise 10 — your résumé.** Write a résumé of the article **in French**, as a string `resume`:
about a quarter of its length (± 10 %), in your own words (no run of more than 6 words copied from
the article), in the third person, keeping the main facts in the article's order (who meets whom,
when, what they want, why, and the Malian side's conditions). Use `ak.check_resume(resume)` as you
write: it shows the numbers behind each piece of advice.
""", f"""
resume = {_wrap(SOLUTION_RESUME)}
"""),
    code("""
# How your résumé measures (runs once exercise 10 holds a string)
if isinstance(resume, str):
    display(ak.check_resume(resume))
"""),
    # ------------------------------------------------------------------ part 3
    md("""
## 4. Evaluation
"""),
    *exercise("best_method", """
**Exercise 11 — which method wins?** Summarise the article with each of the four methods
(`"lead"`, `"frequency"`, `"tfidf"`, `"textrank"`), each with `max_words=` the length of the
reference `ak.reference_summary("fr-examen")` (its `.words`). Which one has the highest ROUGE-1 F1
against that reference? Give its name as a string, `best_method`.
""", """
reference = ak.reference_summary("fr-examen")
f1 = {m: ak.rouge(ak.summarise(article, m, max_words=reference.words), reference).rouge1.f1
      for m in ["lead", "frequency", "tfidf", "textrank"]}
best_method = max(f1, key=f1.get)
"""),
    *exercise("ascii_damage", """
**Exercise 12 — a tokenizer that knows only ASCII.** `rouge-score` keeps only the letters a–z and
digits. How many **distinct** words of the reference `fr-examen` does it break (because they hold
a letter such as é, à, ç, ê, ô, œ)? Cut the reference into words with `ak.evaluation.tokenize`, and
give the number as `ascii_damage`.
""", """
words = ak.evaluation.tokenize(ak.reference_summary("fr-examen").text)
ascii_damage = len({w for w in words if not w.isascii()})
"""),
    *exercise("oracle_gap", """
**Exercise 13 — the ceiling.** Against `ak.reference_summary("fr-moyen")`, take the best ROUGE-1 F1
of the four methods with `max_sentences=3`, and the ROUGE-1 F1 of the oracle,
`ak.oracle(article, reference.text, k=3, metric="rouge1")` (`reference` being that summary). How much higher is the oracle? Give the
difference of the two F1 scores as a number, `oracle_gap`.
""", """
medium = ak.reference_summary("fr-moyen")
best_f1 = max(ak.rouge(ak.summarise(article, m, max_sentences=3), medium).rouge1.f1
              for m in ["lead", "frequency", "tfidf", "textrank"])
ceiling = ak.rouge(ak.oracle(article, medium.text, k=3, metric="rouge1"), medium).rouge1.f1
oracle_gap = ceiling - best_f1
"""),
    md("""
**To discuss (not graded).** Your résumé probably has a lower ROUGE than some extracts against one
reference, and a higher one against another: try `ak.rouge(resume, ak.reference_summary("fr-moyen"))`.
Would you trust ROUGE to mark a résumé? What does it not see?
"""),
    md("""
## Key points

- Luhn's summariser: content lemmas → counts → weights → sentence scores → the best sentences, in
  text order. The sum favours long sentences, here the quotations.
- TextRank ranks sentences in a graph of shared words; different methods keep different sentences.
- A résumé is counted by the exam's rules and aims at a quarter of the text, ± 10 %, rewritten in
  the third person.
- ROUGE needs a tokenizer that keeps French letters; the oracle shows the ceiling of extraction.
"""),
]


def main() -> None:
    write(LESSON, ROOT / "notebooks" / "03-summarising.ipynb")
    write(ASSIGNMENT, ROOT / "solutions" / "03-summarising.ipynb")


if __name__ == "__main__":
    main()
