"""Every test under tests/integration carries the `integration` marker, whether or not its module says
so, so `pytest -m "not integration"` runs exactly the unit tier (tests/unit) and `-m integration` the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

INTEGRATION_TIER = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.resolve().is_relative_to(INTEGRATION_TIER):
            item.add_marker(pytest.mark.integration)
