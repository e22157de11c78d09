"""`mmssc bench storage`: how long recording an answer and scoring a 20-stakeholder assessment take.

Interviews are driven through `InterviewService.handle`, exactly as a channel drives them, against a
real database (a fresh SQLite file by default). The suggestion engine is replaced by an instant one,
so the numbers measure the interview and storage, not the engine (`mmssc bench suggest` times that): the
tests' `FakeEngine` suggests the level each answer names ("[L3]") at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from pydantic import BaseModel

from bot.evaluation.metrics import percentile
from bot.interview.messages import EventKind, InterviewEvent
from bot.knowledge import KnowledgeBase
from bot.services.interview_service import InterviewService
from bot.storage import Database
from bot.storage.queries import scoring_input_for
from tests.support.fakes import FakeEngine


class Timing(BaseModel):
    step: str
    count: int
    p50_ms: float
    p95_ms: float
    max_ms: float


class StorageBenchmark(BaseModel):
    database: str
    stakeholders: int
    characteristics: int
    timings: list[Timing]


def benchmark_storage(kb: KnowledgeBase, database: Database, *, stakeholders: int = 20,
                      score_repeat: int = 5) -> StorageBenchmark:
    """Run `stakeholders` full interviews, then score the assessment `score_repeat` times."""
    from bot.scoring.score import score_assessment

    service = InterviewService(kb, FakeEngine(kb, name="instant-benchmark"), database)
    name = f"Benchmark {time.time_ns()}"
    people = [f"stakeholder-{index + 1:02d}" for index in range(stakeholders)]
    service.create_assessment(name, community="Benchmark", cycle="2026", facilitators=["facilitator"],
                              stakeholders=people)
    samples: dict[str, list[float]] = {"answer (free text, suggestion stored)": [], "confirm": [],
                                       "level in two years": [], "typed level with reason": []}
    for index, person in enumerate(people):
        def send(text: str, person: str = person) -> None:
            service.handle(name, person, InterviewEvent(kind=EventKind.TEXT, text=text), "bench")

        service.handle(name, person, InterviewEvent(kind=EventKind.START), "bench")
        for position, characteristic in enumerate(kb.characteristic_ids):
            if (index + position) % 2:
                _timed(samples["answer (free text, suggestion stored)"], send,
                       f"We have a plan for {characteristic}, adopted by council. [L3]")
                _timed(samples["confirm"], send, "yes")
            else:
                _timed(samples["typed level with reason"], send, f"{1 + index % 5} because we do")
            _timed(samples["level in two years"], send, "4")
    scoring: list[float] = []
    for _ in range(score_repeat):
        def score() -> None:
            with database.session() as session:
                score_assessment(scoring_input_for(session, name), kb)

        _timed(scoring, score)
    timings = [_summary(step, values) for step, values in samples.items()]
    timings.append(_summary(f"score the {stakeholders}-stakeholder assessment (read + score)", scoring))
    return StorageBenchmark(database=database.dialect, stakeholders=stakeholders,
                            characteristics=len(kb.characteristics), timings=timings)


def _timed(into: list[float], action: Callable[..., object], *arguments: str) -> None:
    start = time.perf_counter()
    action(*arguments)
    into.append((time.perf_counter() - start) * 1000)


def _summary(step: str, values: list[float]) -> Timing:
    return Timing(step=step, count=len(values), p50_ms=round(percentile(values, 50), 2),
                  p95_ms=round(percentile(values, 95), 2), max_ms=round(max(values), 2))
