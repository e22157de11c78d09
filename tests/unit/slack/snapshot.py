"""Snapshot files for rendered Block Kit: compare to tests/unit/slack/snapshots/NAME.json.

Set UPDATE_SNAPSHOTS=1 to (re)write them; review the diff before committing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.support.snapshots import assert_matches_snapshot

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(name: str, data: Any) -> None:
    rendered = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    assert_matches_snapshot(SNAPSHOTS / f"{name}.json", rendered, "Block Kit")
