"""`mmssc bench suggest`: warm `suggest` latency. The engine embeds the conditions of every characteristic
in the cases first (its warm-up, timed apart), then every answer is suggested `rounds` times, each call timed."""

from __future__ import annotations

import json
import time
from pathlib import Path

from pydantic import BaseModel

from benchmarks import DEV_CASES
from bot.errors import InvalidInputError
from bot.evaluation.metrics import percentile
from bot.suggestion.models import SuggestionEngine

DEFAULT_CASES = DEV_CASES / "levels.jsonl"
P95_TARGET_MS = 150.0


class SuggestBenchmark(BaseModel):
    engine: str
    embedder: str
    calls: int
    warm_up_seconds: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    p95_target_ms: float
    meets_target: bool


def run_suggest_benchmark(engine: SuggestionEngine, embedder: str, cases: Path = DEFAULT_CASES,
                          rounds: int = 2) -> SuggestBenchmark:
    """Time `engine.suggest` on every answer of a levels.jsonl file, `rounds` times, after its warm-up."""
    try:
        lines = cases.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInputError(f"Cannot read the cases file {cases}: {error}") from error
    answers = [json.loads(line) for line in lines if line.strip()]
    if not answers:
        raise InvalidInputError(f"{cases} holds no answers to time.")
    start = time.perf_counter()
    warm_up = getattr(engine, "warm_up", None)
    if callable(warm_up):
        warm_up(sorted({a["characteristic"] for a in answers}))
    warm_seconds = time.perf_counter() - start
    timings: list[float] = []
    for _ in range(rounds):
        for item in answers:
            began = time.perf_counter()
            engine.suggest(item["characteristic"], item["answer"])
            timings.append((time.perf_counter() - began) * 1000)
    p95 = percentile(timings, 95)
    return SuggestBenchmark(engine=engine.name, embedder=embedder, calls=len(timings),
                            warm_up_seconds=round(warm_seconds, 2), p50_ms=round(percentile(timings, 50), 2),
                            p95_ms=round(p95, 2), max_ms=round(max(timings), 2), p95_target_ms=P95_TARGET_MS,
                            meets_target=p95 < P95_TARGET_MS)
