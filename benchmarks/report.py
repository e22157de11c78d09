"""`mmssc bench report`: how long scoring and each report format take for a made-up multi-stakeholder assessment."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from pydantic import BaseModel

from bot.evaluation.metrics import percentile
from bot.knowledge.base import KnowledgeBase
from bot.reports.render import ReportFormat, write_radar_chart, write_report
from bot.scoring.score import score_assessment
from tests.support.sample_assessment import sample_scoring_input

BUDGET_SECONDS = 5.0


class Timing(BaseModel):
    step: str
    median_seconds: float
    max_seconds: float
    within_budget: bool


class ReportBenchmark(BaseModel):
    stakeholders: int
    repeat: int
    budget_seconds: float
    timings: list[Timing]

    @property
    def passed(self) -> bool:
        return all(t.within_budget for t in self.timings)


def benchmark_reports(kb: KnowledgeBase, stakeholders: int = 20, repeat: int = 3,
                      budget_seconds: float = BUDGET_SECONDS, out_dir: Path | None = None) -> ReportBenchmark:
    """Score a sample assessment, then write every format `repeat` times; each run is timed end to end
    (scoring included), the first run included too (it pays for importing matplotlib and openpyxl)."""
    inputs = sample_scoring_input(kb, stakeholders=stakeholders)
    with tempfile.TemporaryDirectory() as scratch:
        directory = out_dir or Path(scratch)
        samples: dict[str, list[float]] = {}

        def run(step: str, action: object) -> None:
            for _ in range(repeat):
                start = time.perf_counter()
                result = score_assessment(inputs, kb)
                action(result)  # type: ignore[operator]
                samples.setdefault(step, []).append(time.perf_counter() - start)

        run("score", lambda result: result.canonical_json())
        for report_format in ReportFormat:
            run(report_format.value, lambda result, f=report_format: write_report(result, f, directory / f"report.{f}"))
        run("chart", lambda result: write_radar_chart(result, directory / "radar.png"))
    timings = [Timing(step=step, median_seconds=round(percentile(values, 50), 4),
                      max_seconds=round(max(values), 4), within_budget=max(values) < budget_seconds)
               for step, values in samples.items()]
    return ReportBenchmark(stakeholders=stakeholders, repeat=repeat, budget_seconds=budget_seconds, timings=timings)
