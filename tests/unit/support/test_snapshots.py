from pathlib import Path

import pytest

from tests.support.snapshots import assert_matches_snapshot


def test_a_snapshot_is_written_once_then_compared_and_rewritten_only_when_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UPDATE_SNAPSHOTS", raising=False)
    path = tmp_path / "card.json"
    with pytest.raises(AssertionError, match="card.json was missing and has been written; run again"):
        assert_matches_snapshot(path, "one\n", "Block Kit")
    assert_matches_snapshot(path, "one\n", "Block Kit")
    with pytest.raises(AssertionError, match="Block Kit differs from snapshot card.json"):
        assert_matches_snapshot(path, "two\n", "Block Kit")
    monkeypatch.setenv("UPDATE_SNAPSHOTS", "1")
    assert_matches_snapshot(path, "two\n", "Block Kit")
    assert path.read_text(encoding="utf-8") == "two\n"
