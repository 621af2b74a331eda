"""Safe writes: the whole file or nothing, and the previous version kept."""

import os

import pytest

from articlekit.files import atomic_write, backup_path, write_keeping_backup


def test_atomic_write_replaces_whole_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "sub" / "a.json"
    atomic_write(path, b"one")
    atomic_write(path, b"two")
    assert path.read_bytes() == b"two"
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"learner's work")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"learner's work"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_backup_keeps_previous_version_and_same_content_changes_nothing(tmp_path):
    path = tmp_path / "notes.txt"
    write_keeping_backup(path, b"v1")
    assert not backup_path(path).exists()
    write_keeping_backup(path, b"v2")
    assert backup_path(path).read_bytes() == b"v1"
    write_keeping_backup(path, b"v2")
    assert backup_path(path).read_bytes() == b"v1"
    write_keeping_backup(path, b"v3", backup=False)
    assert path.read_bytes() == b"v3" and backup_path(path).read_bytes() == b"v1"


def test_written_files_keep_their_mode_or_get_the_usual_one(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        new = atomic_write(tmp_path / "new.json", b"{}")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644  # not mkstemp's private 0600
        shared = tmp_path / "shared.json"
        shared.write_bytes(b"v1")
        shared.chmod(0o664)  # a class folder the teacher reads too
        write_keeping_backup(shared, b"v2")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664
        assert stat.S_IMODE(backup_path(shared).stat().st_mode) == 0o644
    finally:
        os.umask(old)
