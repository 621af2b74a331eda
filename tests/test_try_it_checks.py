"""The lessons' formative "Try it" self-checks: right answers by unusual routes pass, plausible wrong ones fail."""

import re
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import articlekit as ak
from articlekit.checks import annotating as A
from articlekit.checks import reading as R
from articlekit.checks import run_check


def fixed_of(article):
    return (ak.suggest_entities(article).relabel("Malien", "MISC").relabel("Sénégalaise", "MISC")
            .remove("C’").remove("qu’").remove("s’étale"))


def no_titles(article):
    out = fixed_of(article)
    for span in fixed_of(article):
        if re.search(r"Ministre|Général", span.text):
            out = out.remove(span)
    return out


def quoted(article):
    text = article.paragraphs[1].text
    return [text[a:b] for a, b in ak.quote_spans(text)]


def found(article):
    return ak.quotes_to_annotations(ak.extract_quotes(article), article)


TINY = "Le Mali et le Sénégal"

RIGHT = {
    (R, "try_motto"): [
        lambda a: quoted(a),                                           # the list, guillemets included
        lambda a: quoted(a)[0].strip("« »"),                           # the text alone
        lambda a: tuple(quoted(a)),                                    # a tuple
    ],
    (A, "try_capitals"): [
        lambda a: ak.Annotations(a).add("Sadio CAMARA", "PER", occurrence="all"),
        lambda a: ak.Annotations(a).add("Sadio CAMARA", "PER", occurrence=1).add("Sadio CAMARA", "PER", occurrence=2),
        lambda a: ak.Annotations(a).add_regex(r"Sadio CAMARA", "PER").add("Birame Diop", "PER"),
    ],
    (A, "try_number_words"): [
        lambda a: ak.Annotations(a).add_regex(r"\b(?:deux|trois|quatre) \w+", "NUM"),
        lambda a: ak.Annotations(a).add("deux pays", "NUM", occurrence="all"),
        lambda a: ak.Annotations(a).add_regex(r"\bdeux\s+pays\b", "NUM"),
    ],
    (A, "try_no_titles"): [
        no_titles,
        lambda a: ak.Annotations(a, [s for s in fixed_of(a) if "Ministre" not in s.text and "Général" not in s.text]),
        lambda a: no_titles(a).add("72 heures", "NUM", occurrence=1),    # an extra right span is fine
    ],
    (A, "try_both_places"): [
        lambda a: ak.Annotations(TINY).add("Mali", "LOC").add("Sénégal", "PER").relabel("Sénégal", "LOC"),
        lambda a: ak.Annotations(TINY).add_regex(r"Mali|Sénégal", "LOC"),
        lambda a: ak.Annotations(TINY).add_span(14, 21, "LOC").add_span(3, 7, "LOC"),
    ],
    (A, "try_round_trip"): [
        lambda a: ak.import_annotations(ak.export_annotations(found(a), Path(tempfile.mkdtemp()) / "q.jsonl"), a),
        lambda a: ak.import_annotations(ak.export_annotations(found(a), Path(tempfile.mkdtemp()) / "q.json"), a),
        lambda a: found(a),
    ],
}

WRONG = {
    (R, "try_motto"): [
        lambda a: "Un Peuple, Un But",                                 # cut short
        lambda a: [s.text for s in a.sentences if "devise" in s.text],  # the whole sentence
        lambda a: np.int64(1),                                          # the number of quotations
    ],
    (A, "try_capitals"): [
        lambda a: ak.Annotations(a).add("Sadio CAMARA", "PER", occurrence=1),   # one of two
        lambda a: ak.Annotations(a).add("Sadio CAMARA", "ORG", occurrence="all"),
        lambda a: ["Sadio CAMARA", "Sadio CAMARA"],
    ],
    (A, "try_number_words"): [
        lambda a: ak.Annotations(a).add_regex(r"\b\d+ \w+", "NUM"),                     # digits, the lesson's pattern
        lambda a: ak.Annotations(a).add("deux pays", "NUM", occurrence=1),               # one of two
        lambda a: ak.Annotations(a).add_regex(r"\bdeux\b", "NUM"),                       # without what it counts
    ],
    (A, "try_no_titles"): [
        fixed_of,                                                                        # nothing removed
        lambda a: ak.Annotations(a),                                                     # everything removed
        lambda a: pd.Series([s.text for s in no_titles(a)]),
    ],
    (A, "try_both_places"): [
        lambda a: ak.Annotations(TINY).add("Mali", "LOC").add("Sénégal", "PER"),         # unchanged
        lambda a: ak.Annotations(TINY).add("Mali", "LOC"),
        lambda a: ak.Annotations(a),                                                     # another text
    ],
    (A, "try_round_trip"): [
        lambda a: found(a).remove(found(a).spans[0]),
        lambda a: True,                                                                  # the `==` result
        lambda a: ak.to_doccano(found(a)),
    ],
}


def cases(table):
    return [pytest.param(module, name, i, id=f"{name}-{i}") for (module, name), rows in table.items()
            for i in range(len(rows))]


@pytest.mark.parametrize("module,name,i", cases(RIGHT))
def test_right_answers_pass(module, name, i, article):
    answer = RIGHT[(module, name)][i](article)
    result = run_check(getattr(module, name), answer, article=article, strict=True)
    assert result.ok, (name, i, result.hints)


@pytest.mark.parametrize("module,name,i", cases(WRONG))
def test_wrong_answers_fail_with_a_question(module, name, i, article):
    answer = WRONG[(module, name)][i](article)
    result = run_check(getattr(module, name), answer, article=article, strict=True)
    assert result.status == "failed", (name, i)
    assert "?" in result.hint(1), (name, i, result.hint(1))
