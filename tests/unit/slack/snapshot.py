"""Snapshot files for rendered Block Kit: compare to tests/unit/slack/snapshots/NAME.json.

Set UPDATE_SNAPSHOTS=1 to (re)write them; review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(name: str, data: Any) -> None:
    path = SNAPSHOTS / f"{name}.json"
    rendered = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.write_text(rendered, encoding="utf-8")
        if os.environ.get("UPDATE_SNAPSHOTS") != "1":
            raise AssertionError(f"snapshot {path.name} was missing and has been written; run again")
        return
    assert rendered == path.read_text(encoding="utf-8"), f"Block Kit differs from snapshot {path.name}"
