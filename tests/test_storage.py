"""Saving and loading annotations: W3C selectors, re-attachment, atomic writes, bad files."""

from __future__ import annotations

import json

import pytest

import articlekit as ak
from articlekit.storage import AnnotationFileError, backup_path, to_w3c

TEXT = "Le Mali et le Sénégal. Le Mali a une frontière.\n\nSadio CAMARA parle."


def _notes():
    return (ak.Annotations(TEXT).add("Mali", "LOC", occurrence="all").add("Sénégal", "LOC", note="pays")
            .add("Sadio CAMARA", "SPEAKER", speaker="Sadio Camara", author="moi").add_sentence(0, "géographie"))


def test_round_trip(tmp_path):
    path = ak.save_annotations(_notes(), tmp_path / "notes.json")
    assert ak.load_annotations(path, TEXT) == _notes()
    assert ak.Annotations.load(path, TEXT) == _notes()
    assert _notes().save(tmp_path / "b.json").exists()


def test_file_uses_w3c_selectors(tmp_path):
    data = to_w3c(_notes())
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == len(_notes())
    item = next(i for i in data["first"]["items"] if i["target"]["selector"][1]["exact"] == "Sénégal")
    position, quote = item["target"]["selector"]
    assert position == {"type": "TextPositionSelector", "start": 14, "end": 21}
    assert {"type": "TextualBody", "purpose": "tagging", "value": "LOC"} in item["body"]
    assert {"type": "TextualBody", "purpose": "commenting", "value": "pays"} in item["body"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == TEXT[position["start"]:position["end"]]
    assert TEXT[:position["start"]].endswith(quote["prefix"]) and TEXT[position["end"]:].startswith(quote["suffix"])


def test_reattaches_when_the_text_shifts(tmp_path):
    path = ak.save_annotations(_notes(), tmp_path / "notes.json")
    shifted = "Dépêche. " + TEXT.replace("une frontière", "une longue frontière")
    notes = ak.load_annotations(path, shifted)
    assert [s.text for s in notes.layer("entities")] == ["Mali", "Sénégal", "Mali"]
    assert all(shifted[s.start:s.end] == s.text for s in notes)
    # the second « Mali » is re-attached to the second occurrence, thanks to its prefix and suffix
    assert notes.layer("entities").spans[2].start == shifted.index("Le Mali a") + 3


def test_atomic_write_keeps_previous_version(tmp_path):
    path = tmp_path / "notes.json"
    first = ak.Annotations(TEXT).add("Sénégal", "LOC")
    ak.save_annotations(first, path)
    assert not backup_path(path).exists()
    ak.save_annotations(_notes(), path)
    assert ak.load_annotations(backup_path(path), TEXT) == first
    assert ak.load_annotations(path, TEXT) == _notes()
    # saving the same thing again changes nothing, and keeps the backup
    ak.save_annotations(_notes(), path)
    assert ak.load_annotations(backup_path(path), TEXT) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json", "notes.json.bak"], "no temp files left"


def test_failed_write_leaves_the_file_alone(tmp_path, monkeypatch):
    import os

    path = ak.save_annotations(_notes(), tmp_path / "notes.json")
    before = path.read_bytes()

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        ak.save_annotations(ak.Annotations(TEXT), path, backup=False)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"], "the temp file is cleaned up"


def test_saving_to_a_folder_is_refused(tmp_path):
    with pytest.raises(AnnotationFileError, match="is a folder"):
        ak.save_annotations(_notes(), tmp_path)
    with pytest.raises(TypeError):
        ak.save_annotations([1, 2], tmp_path / "x.json")


def _good(tmp_path):
    return json.loads(ak.save_annotations(_notes(), tmp_path / "good.json").read_text(encoding="utf-8"))


BAD_FILES = {
    "empty": (b"", "is empty"),
    "spaces": (b"  \n", "is empty"),
    "binary": (b"\xff\xfe\x00\x01\x80", "not UTF-8"),
    "not json": (b"{ not json", "not valid JSON"),
    "a list": (b"[1, 2]", "expected a JSON object"),
    "another format": (b'{"type": "AnnotationCollection"}', "not an articlekit annotation file"),
    "nested too deep": (b"[" * 100_000, "not an annotation file"),
    "5000-digit number": (b'{"total": ' + b"1" * 5000 + b"}", "not an annotation file"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_give_one_clear_error_naming_the_file(tmp_path, case):
    data, message = BAD_FILES[case]
    path = tmp_path / "learner.json"
    path.write_bytes(data)
    with pytest.raises(AnnotationFileError, match=message) as err:
        ak.load_annotations(path, TEXT)
    assert "learner.json" in str(err.value)
    assert isinstance(err.value, ValueError)


def _mutated(tmp_path, change):
    data = _good(tmp_path)
    change(data)
    path = tmp_path / "learner.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _set_version(d):
    d["articlekit"]["version"] = 99


def _drop_items(d):
    del d["first"]["items"]


def _drop_selector(d):
    d["first"]["items"][0]["target"]["selector"].pop()


def _bad_offsets(d):
    d["first"]["items"][0]["target"]["selector"][0]["start"] = "three"


def _unknown_label(d):
    d["first"]["items"][0]["body"][0]["value"] = "PERSON"


def _other_text(d):
    d["first"]["items"][0]["target"]["selector"][1]["exact"] = "Bamako"


def _overlap(d):
    d["first"]["items"][1]["target"]["selector"] = d["first"]["items"][0]["target"]["selector"]


def _layer_not_a_string(d):
    d["first"]["items"][0]["body"][1]["value"] = ["entities"]


MUTATIONS = {
    "layer not a string": (_layer_not_a_string, "unknown layer \\['entities'\\]"),
    "newer version": (_set_version, "version 99"),
    "no items": (_drop_items, "no list of annotations"),
    "missing selector": (_drop_selector, "is incomplete"),
    "malformed offsets": (_bad_offsets, "malformed"),
    "unknown label": (_unknown_label, "unknown label 'PERSON'"),
    "another article": (_other_text, "not in this article's text"),
    "overlap": (_overlap, "annotated twice|may not overlap"),
}


@pytest.mark.parametrize("case", sorted(MUTATIONS))
def test_corrupt_or_mismatched_files(tmp_path, case):
    change, message = MUTATIONS[case]
    path = _mutated(tmp_path, change)
    with pytest.raises(AnnotationFileError, match=message) as err:
        ak.load_annotations(path, TEXT)
    assert str(err.value).startswith(str(path))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        ak.load_annotations(tmp_path / "nope.json", TEXT)
    with pytest.raises(AnnotationFileError, match="is a folder"):
        ak.load_annotations(tmp_path, TEXT)
    with pytest.raises(TypeError):
        ak.load_annotations(tmp_path / "x.json", 42)


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(to_w3c(_notes())).encode())
    assert ak.load_annotations(path, TEXT) == _notes()
