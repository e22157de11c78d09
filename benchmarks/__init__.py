"""Benchmarks: speed and integrity numbers, run from a source checkout (`make bench`), never shipped.

`mmssc bench NAME` imports `benchmarks.NAME` lazily (`bot/adapters/cli/bench_commands.py`); each module
measures and returns a pydantic model, the command prints it. Every percentile comes from
`bot.evaluation.metrics.percentile`, the one the eval reports its latency with.
"""

from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent  # the source checkout the benchmarks run from
DEV_CASES = CHECKOUT / "evals" / "cases" / "dev"
