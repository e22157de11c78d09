"""`python -m evals.check_floor`: run the dev cases and fail if a metric is below the committed floor.

`make test` runs it after pytest. The floor lives in evals/floor.json:
{"min": {"levels.exact": 0.7, ...}, "max": {"abstain.false_abstain_rate": 0.1, ...}}, each key a
dotted path into the JSON report of `mmssc eval`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

EVALS_DIR = Path(__file__).resolve().parent
DEV_CASES = EVALS_DIR / "cases" / "dev"
FLOOR_FILE = EVALS_DIR / "floor.json"


class Floor(BaseModel):
    min: dict[str, float] = Field(default_factory=dict)
    max: dict[str, float] = Field(default_factory=dict)


def lookup(document: dict[str, Any], path: str) -> float | None:
    """The number at a dotted path of the report, or None when the report has no such value."""
    value: Any = document
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return float(value) if isinstance(value, int | float) else None


def floor_failures(document: dict[str, Any], floor: Floor) -> list[str]:
    """One plain sentence per metric below its minimum, above its maximum, or missing (pure)."""
    failures = []
    for path, minimum in sorted(floor.min.items()):
        value = lookup(document, path)
        if value is None:
            failures.append(f"{path}: missing from the report (floor {minimum})")
        elif value < minimum:
            failures.append(f"{path} = {value:.4f} is below the floor {minimum}")
    for path, maximum in sorted(floor.max.items()):
        value = lookup(document, path)
        if value is None:
            failures.append(f"{path}: missing from the report (ceiling {maximum})")
        elif value > maximum:
            failures.append(f"{path} = {value:.4f} is above the ceiling {maximum}")
    return failures


def main() -> int:
    from bot.config import Settings
    from bot.context import AppContext
    from bot.evaluation.wiring import evaluate_directory

    started = time.perf_counter()
    floor = Floor.model_validate(json.loads(FLOOR_FILE.read_text(encoding="utf-8")))
    report = evaluate_directory(AppContext(Settings()), DEV_CASES)
    document = report.model_dump(mode="json")
    failures = floor_failures(document, floor)
    seconds = time.perf_counter() - started
    checked = len(floor.min) + len(floor.max)
    if failures:
        print(f"eval floor check FAILED on {DEV_CASES} ({seconds:.0f} s):", file=sys.stderr)
        for failure in failures:
            print(f"  - {failure}", file=sys.stderr)
        print("Run `make eval` and compare with evals/results/dev.json to see what changed.", file=sys.stderr)
        return 1
    print(f"eval floor check passed: {checked} metrics at or above the floor in {evals_summary(document)} "
          f"({seconds:.0f} s)")
    return 0


def evals_summary(document: dict[str, Any]) -> str:
    levels = document.get("levels") or {}
    summary = (f"dev: exact {levels.get('exact', 0):.3f}, within-one {levels.get('within_one', 0):.3f}, "
               f"QWK {levels.get('qwk', 0):.3f}")
    if dialogues := document.get("dialogues"):
        summary += (f"; dialogues exact {dialogues['exact']:.3f} (opening alone {dialogues['opening']['exact']:.3f}), "
                    f"{dialogues['probes_mean']:.2f} probes on average")
    if two_years := document.get("two_years"):
        summary += f"; two-year exact {two_years['exact']:.3f}"
    standards = ((document.get("standards") or {}).get("modes") or {}).get("hybrid")
    if standards:
        summary += (f"; standards recall@3 {standards['recall_at_3']:.3f}, MRR {standards['mrr']:.3f}, "
                    f"on-topic unanswered {standards['on_topic_unanswered']}/{standards['on_topic']}, "
                    f"off-topic answered {standards['off_topic_answered']}/{standards['off_topic']}")
    return summary


if __name__ == "__main__":
    sys.exit(main())
