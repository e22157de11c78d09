"""`-m "not integration"` selects exactly the unit tier and `-m integration` exactly tests/integration."""

from __future__ import annotations

import subprocess
import sys

from bot.config import PROJECT_ROOT


def collected(*arguments: str) -> list[str]:
    run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *arguments],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode in (0, 5), run.stdout[-3000:] + run.stderr[-3000:]  # 5: nothing collected
    return [line for line in run.stdout.splitlines() if "::" in line]


def test_the_integration_marker_separates_the_tiers() -> None:
    unit = collected("-m", "not integration", "tests")
    integration = collected("-m", "integration", "tests")
    assert unit and all(test.startswith("tests/unit/") for test in unit)
    assert integration and all(test.startswith("tests/integration/") for test in integration)
    assert sorted(unit) == sorted(collected("tests/unit"))
    assert "tests/integration/test_tiers.py::test_the_integration_marker_separates_the_tiers" in integration
