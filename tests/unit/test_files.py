"""Output files are written whole or not at all."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from bot.errors import EnvironmentFaultError
from bot.files import write_files_atomically


def test_files_are_written_and_folders_created(tmp_path: Path) -> None:
    written = write_files_atomically({tmp_path / "a" / "one.csv": b"1", tmp_path / "a" / "two.csv": b"2"})
    assert written == [tmp_path / "a" / "one.csv", tmp_path / "a" / "two.csv"]
    assert [p.read_bytes() for p in written] == [b"1", b"2"]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["one.csv", "two.csv"]


def test_a_full_disk_leaves_the_earlier_file_whole_and_no_temporary_file(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "report.html"
    out.write_bytes(b"the earlier report")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(EnvironmentFaultError, match=r"Cannot write .*report\.html: No space left on device"):
        write_files_atomically({out: b"<html>the new report, cut short</html>"})
    assert out.read_bytes() == b"the earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_when_one_file_of_several_cannot_be_written_none_is(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where a folder is needed")
    with pytest.raises(EnvironmentFaultError, match="blocked"):
        write_files_atomically({tmp_path / "first.csv": b"1", tmp_path / "blocked" / "second.csv": b"2"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked"]
