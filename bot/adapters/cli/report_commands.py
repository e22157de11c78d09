"""`mmssc report ASSESSMENT --format html|md|csv|json|xlsx --out PATH [--chart PATH]` and `mmssc bench report`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.text import Text

from bot.adapters.cli.common import console, print_json, state, user_errors
from bot.errors import InvalidInputError
from bot.reports.render import ReportFormat


def report(
    assessment: str = typer.Argument(..., help="The assessment's name."),
    report_format: ReportFormat = typer.Option(
        ReportFormat.HTML, "--format", "-f", case_sensitive=False,
        help="html (one self-contained page), md, csv (PATH and PATH-consensus), json (the scored result), xlsx.",
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Where to write the report."),
    chart: Path | None = typer.Option(None, "--chart", help="Also (or only) write the radar chart as a PNG here."),
) -> None:
    """Score an assessment from its confirmed levels and write a report and/or the radar chart."""
    with user_errors():
        if out is None and chart is None:
            raise InvalidInputError("Nothing to write: give --out PATH for the report, --chart PATH for the radar "
                                    "chart, or both.")
        from bot.reports.render import write_radar_chart, write_report
        from bot.services.results import stored_assessment_result

        result = stored_assessment_result(state.ctx.database, state.ctx.kb, assessment, now=datetime.now(UTC))
        if out is not None:
            for path in write_report(result, report_format, out):
                console.print(Text(f"Wrote {path}"))
        if chart is not None:
            console.print(Text(f"Wrote {write_radar_chart(result, chart)}"))
        console.print(f"Results hash {result.sha256} (knowledge version {result.knowledge_version[:12]})",
                      highlight=False)


def bench_report(
    stakeholders: int = typer.Option(20, "--stakeholders", min=1, help="Stakeholders in the sample assessment."),
    repeat: int = typer.Option(3, "--repeat", min=1, help="Runs per format."),
    budget: float = typer.Option(5.0, "--budget", help="Seconds a report may take."),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
) -> None:
    """Time scoring and every report format for a made-up assessment; exit 1 if one is over budget."""
    from bot.adapters.cli.bench_commands import source_benchmark

    bench = source_benchmark("report")
    with user_errors():
        outcome = bench.benchmark_reports(state.ctx.kb, stakeholders=stakeholders, repeat=repeat, budget_seconds=budget)
    if as_json:
        print_json(outcome.model_dump(mode="json") | {"passed": outcome.passed})
    else:
        console.print(f"Report benchmark: {stakeholders} stakeholders x {len(state.ctx.kb.characteristics)} "
                      f"characteristics, {repeat} runs each (scoring included), budget {budget} s", highlight=False)
        for timing in outcome.timings:
            mark = "ok" if timing.within_budget else "OVER BUDGET"
            console.print(f"  {timing.step:<6} median {timing.median_seconds:.3f} s  max {timing.max_seconds:.3f} s"
                          f"  {mark}", highlight=False)
    if not outcome.passed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    from bot.adapters.cli.bench_commands import bench_app

    app.command("report")(report)
    bench_app.command("report")(bench_report)
