"""Label Studio, doccano and brat: round trips and every bad-file case."""

from __future__ import annotations

import json

import pytest

import articlekit as ak
from articlekit.storage import AnnotationFileError

TEXT = "Le Mali et le Sénégal.\n\n« Nous avançons », a dit Sadio CAMARA. Une frontière de 419 kilomètres."


def _notes():
    return (ak.Annotations(TEXT)
            .add("Mali", "LOC", note="pays\nsahélien").add("Sénégal", "LOC", author="spaCy")
            .add("Nous avançons", "DIRECT", speaker="Sadio Camara", author="moi")
            .add("Sadio CAMARA", "SPEAKER", speaker="Sadio Camara")
            .add("Sadio CAMARA", "PER").add("419 kilomètres", "NUM")
            .add_sentence(0, "géographie").add_sentence(2, "géographie")
            .add_span(0, 22, "frontière")  # a second theme on the first sentence
            .add("frontière", "TYPO", note="exemple"))


def test_sample_covers_every_layer():
    assert _notes().layers == ("entities", "quotes", "speakers", "themes", "corrections")


@pytest.mark.parametrize("fmt", ["label-studio", "doccano", "brat"])
def test_round_trip_in_memory(fmt):
    notes = _notes()
    if fmt == "label-studio":
        back = ak.from_label_studio(json.loads(json.dumps(ak.to_label_studio(notes))), TEXT)
    elif fmt == "doccano":
        back = ak.from_doccano(ak.to_doccano(notes), TEXT)
    else:
        back = ak.from_brat(ak.to_brat(notes), TEXT)
    if fmt == "brat":
        # brat keeps one annotation a line: a note's line break becomes a space
        notes = notes.remove(notes.filter(text="Mali").spans[0]).add("Mali", "LOC", note="pays sahélien")
    assert back == notes


@pytest.mark.parametrize("name", ["x.json", "x.jsonl", "x.ann"])
def test_round_trip_through_files(tmp_path, name):
    notes = _notes().remove("Mali")
    path = ak.export_annotations(notes, tmp_path / name)
    assert ak.import_annotations(path, TEXT) == notes
    if name.endswith(".ann"):
        assert (tmp_path / "x.txt").read_text(encoding="utf-8") == TEXT, "brat needs the text beside"
    # exporting again keeps the previous version
    ak.export_annotations(notes.remove("Sénégal"), path)
    fmt = {"x.json": "label-studio", "x.jsonl": "doccano", "x.ann": "brat"}[name]
    assert ak.import_annotations(path.with_name(path.name + ".bak"), TEXT, format=fmt) == notes


def test_round_trip_on_the_reference_key():
    article = ak.load_article()
    key = ak.reference(article)
    assert ak.from_label_studio(ak.to_label_studio(key), article) == key
    assert ak.from_doccano(ak.to_doccano(key), article) == key
    assert ak.from_brat(ak.to_brat(key), article) == key


def test_label_studio_shape_and_config():
    tasks = ak.to_label_studio(ak.Annotations(TEXT).add("Nous avançons", "DIRECT", speaker="Sadio Camara"))
    result = tasks[0]["annotations"][0]["result"]
    assert result[0]["from_name"] == "quotes" and result[0]["type"] == "labels"
    assert result[1] == {"id": result[0]["id"], "from_name": "speaker", "to_name": "text", "type": "textarea",
                         "value": {"start": 26, "end": 39, "text": ["Sadio Camara"]}}
    config = ak.label_studio_config()
    for tag in ('<Labels name="entities" toName="text">', '<Label value="DIRECT"/>',
                '<Text name="text" value="$text"/>', 'name="speaker"'):
        assert tag in config
    with pytest.raises(ak.AnnotationError):
        ak.label_studio_config(["people"])


def test_label_studio_accepts_one_task_and_predictions():
    task = ak.to_label_studio(ak.Annotations(TEXT).add("Mali", "LOC"))[0]
    assert ak.from_label_studio(task, TEXT).texts() == ["Mali"]
    task["predictions"] = task.pop("annotations")
    assert ak.from_label_studio(task, TEXT).texts() == ["Mali"]
    del task["predictions"]
    assert len(ak.from_label_studio(task, TEXT)) == 0


def test_doccano_entities_shape_is_read():
    line = json.dumps({"text": TEXT, "entities": [{"id": 1, "label": "LOC", "start_offset": 3, "end_offset": 7}]})
    assert ak.from_doccano("\n" + line + "\n", TEXT).texts() == ["Mali"]
    other = json.dumps({"text": "autre", "label": []})
    assert ak.from_doccano(other + "\n" + line, TEXT).texts() == ["Mali"], "the article's line is chosen"


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


LS_OK = json.dumps(ak.to_label_studio(ak.Annotations(TEXT).add("Mali", "LOC")))
BAD = {
    # Label Studio
    "ls-empty": ("x.json", "", "is empty"),
    "ls-binary": ("x.json", b"\xff\xfe\x80", "not UTF-8"),
    "ls-not-json": ("x.json", "[{", "not valid JSON"),
    "ls-not-tasks": ("x.json", '{"a": 1}', "no task whose text"),
    "ls-number": ("x.json", "3", "not a Label Studio export"),
    "ls-other-text": ("x.json", LS_OK.replace("Le Mali", "Le Niger"), "no task whose text"),
    "ls-moved-span": ("x.json", LS_OK.replace('"start": 3', '"start": 4'), "says 'Mali' but the article has"),
    "ls-two-labels": ("x.json", LS_OK.replace('["LOC"]', '["LOC", "PER"]'), "exactly one label"),
    "ls-bad-label": ("x.json", LS_OK.replace('["LOC"]', '["PLACE"]'), "unknown label 'PLACE'"),
    "ls-deep": ("x.json", "[" * 100_000, "not a Label Studio export"),
    "ls-huge-number": ("x.json", "1" * 5000, "not a Label Studio export"),
    "ls-annotations-not-list": ("x.json", json.dumps([{**json.loads(LS_OK)[0], "annotations": {"0": 1}}]),
                                "not a list"),
    "ls-from-name-list": ("x.json", LS_OK.replace('"from_name": "entities"', '"from_name": ["entities"]'), None),
    "ls-bad-region": ("x.json", LS_OK.replace('"labels", "value"', '"rating", "value"'), "not a labels or textarea"),
    # doccano
    "dc-deep": ("x.jsonl", "[" * 100_000, "line 1 is not a doccano record"),
    "dc-huge-number": ("x.jsonl", '{"text": ' + "1" * 5000 + "}", "line 1 is not a doccano record"),
    "dc-empty": ("x.jsonl", "\n\n", "is empty"),
    "dc-not-json": ("x.jsonl", "{oops}\n", "line 1 is not valid JSON"),
    "dc-no-text": ("x.jsonl", '{"label": []}\n', "no \"text\""),
    "dc-other-text": ("x.jsonl", '{"text": "autre", "label": []}\n', "no line whose text"),
    "dc-bad-label-list": ("x.jsonl", json.dumps({"text": TEXT, "label": [[3, 7]]}), "list of \\[start, end, label\\]"),
    "dc-outside": ("x.jsonl", json.dumps({"text": TEXT, "label": [[3, 700, "LOC"]]}), "outside the article"),
    "dc-float": ("x.jsonl", json.dumps({"text": TEXT, "label": [[3.0, 7, "LOC"]]}), "must be integers"),
    "dc-overlap": ("x.jsonl", json.dumps({"text": TEXT, "label": [[3, 7, "LOC"], [4, 8, "PER"]]}), "may not overlap"),
    "dc-extras": ("x.jsonl", json.dumps({"text": TEXT, "label": [[3, 7, "LOC"]], "articlekit": []}), "one object per label"),
    # brat
    "brat-huge-offset": ("x.ann", "T1\tLOC 3" + "0" * 5000 + " 7\tMali\n", "line 1 is not a text-bound"),
    "folder": ("x.json", None, "is a folder"),
    "brat-empty": ("x.ann", "", "is empty"),
    "brat-garbage": ("x.ann", "hello world\n", "line 1 is not a text-bound annotation"),
    "brat-relation": ("x.ann", "T1\tLOC 3 7\tMali\nR1\tNear Arg1:T1 Arg2:T1\n", "line 2 is not"),
    "brat-discontinuous": ("x.ann", "T1\tLOC 3 5;6 7\tMa i\n", "discontinuous"),
    "brat-moved": ("x.ann", "T1\tLOC 4 8\tMali\n", "is not at \\(4, 8\\)"),
    "brat-twice": ("x.ann", "T1\tLOC 3 7\tMali\nT1\tLOC 3 7\tMali\n", "defined twice"),
    "brat-note-type": ("x.ann", "T1\tLOC 3 7\tMali\n#1\tRating T1\t5\n", "unknown note type"),
    "brat-orphan-note": ("x.ann", "T1\tLOC 3 7\tMali\n#1\tAnnotatorNotes T9\tx\n", "refers to T9"),
    "brat-bad-label": ("x.ann", "T1\tPLACE 3 7\tMali\n", "unknown label 'PLACE'"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_files_give_one_clear_error(tmp_path, case):
    name, content, message = BAD[case]
    if content is None:
        path = tmp_path / name
        path.mkdir()
    else:
        path = _write(tmp_path, name, content)
    if message is None:  # odd but harmless: read the way the kit would without it
        assert ak.import_annotations(path, TEXT).texts() == ["Mali"]
        return
    with pytest.raises(AnnotationFileError, match=message) as err:
        ak.import_annotations(path, TEXT)
    assert str(err.value).startswith(str(path)), "the error names the file"


def test_format_from_name_or_argument(tmp_path):
    with pytest.raises(ValueError, match="cannot tell the format"):
        ak.export_annotations(_notes(), tmp_path / "x.txt")
    with pytest.raises(ValueError, match="unknown format"):
        ak.export_annotations(_notes(), tmp_path / "x.json", format="excel")
    path = ak.export_annotations(_notes(), tmp_path / "notes.data", format="doccano")
    assert ak.import_annotations(path, TEXT, format="doccano") == _notes()
