"""The one atomic writer and the text reader (issue 15 item 6)."""
import os
import stat
import time

import pytest

from circular_studio.cli import main
from circular_studio.core import files
from circular_studio.core.errors import InputError
from circular_studio.core.model import draft as draft_io
from tests.conftest import example_path


def test_stale_temps_of_an_interrupted_save_are_removed(tmp_path):
    """kill -9 during a save left hidden .NAME.*.tmp files forever (126 MB over 200 kills)."""
    target = tmp_path / "letter.json"
    old = tmp_path / ".letter.json.k3j_9x2a.tmp"
    young = tmp_path / ".letter.json.ab12cd34.tmp"  # maybe another window's save under way
    other = tmp_path / ".other.json.k3j_9x2a.tmp"
    for p in (old, young, other):
        p.write_bytes(b"x" * 1000)
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    draft_io.save(draft_io.load(example_path("000")), target)
    assert not old.exists()
    assert young.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, young.name, other.name])


def test_folder_fsynced_after_the_rename(tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def spy(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        return real(fd)
    monkeypatch.setattr(os, "fsync", spy)
    files.atomic_write_bytes(tmp_path / "a.docx", b"data")
    assert synced == [False, True]  # the file, then its folder
    assert (tmp_path / "a.docx").read_bytes() == b"data"


def test_every_save_uses_the_one_writer():
    from circular_studio.core.docx import writer
    from circular_studio.core.outputs import formats
    from circular_studio.core.model import draft

    assert draft.atomic_write_bytes is writer.atomic_write_bytes is formats.atomic_write_bytes \
        is files.atomic_write_bytes


def test_text_inputs_have_a_size_cap(tmp_path, capsys):
    """A 100 MB .txt ran past 240 s and 1.5 GB; now refused at once with a clear message."""
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(files.MAX_TEXT_BYTES + 1)  # sparse: the size is what counts
    with pytest.raises(InputError, match=r"huge\.txt: too large to be a letter \(10\.0 MB; the limit is 10 MB\)"):
        files.read_utf8(big, InputError)
    assert main(["check", str(big)]) == 2
    assert "too large to be a letter" in capsys.readouterr().err
