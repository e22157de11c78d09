"""Snapshot files: what a test rendered, compared with the file committed beside it.

Set UPDATE_SNAPSHOTS=1 to (re)write them; review the diff before committing. A missing snapshot is
written and the test fails once, asking to run it again.
"""

from __future__ import annotations

import os
from pathlib import Path


def assert_matches_snapshot(path: Path, rendered: str, what: str) -> None:
    """`rendered` equals the file at `path`; the assertion names `what` differs (e.g. "Block Kit")."""
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.write_text(rendered, encoding="utf-8")
        if os.environ.get("UPDATE_SNAPSHOTS") != "1":
            raise AssertionError(f"snapshot {path.name} was missing and has been written; run again")
        return
    assert rendered == path.read_text(encoding="utf-8"), f"{what} differs from snapshot {path.name}"
