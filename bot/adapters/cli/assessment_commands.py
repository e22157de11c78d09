"""`mmssc chat`, `mmssc assessment create|add|list|show`, `mmssc review`, `mmssc results`, `mmssc bench storage`."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from bot.adapters.cli.bench_commands import bench_app, source_benchmark
from bot.adapters.cli.common import console, print_json, state, user_errors
from bot.errors import InvalidInputError
from bot.interview.messages import Role
from bot.services import assessments, facilitation
from bot.services.interview_service import utc_now

assessment_app = typer.Typer(help="Create, list and show assessments and the people in them.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("chat")(chat)
    app.add_typer(assessment_app, name="assessment")
    app.command("review")(review)
    app.command("results")(results)
    bench_app.command("storage")(bench_storage)


def chat(
    assessment: str = typer.Option(..., "--assessment", "-a", help="The assessment's name (created if new)."),
    stakeholder: str = typer.Option(..., "--stakeholder", "-s", help="Your name (added as a stakeholder if new)."),
    dimension: str | None = typer.Option(None, "--dimension", "-d", help="Start with this dimension (1-4)."),
) -> None:
    """The interview in the terminal. Piped input is read one reply per line."""
    from bot.adapters.terminal.chat import run_chat
    from bot.services.factory import build_interview_service

    with user_errors():
        run_chat(build_interview_service(state.ctx), assessment, stakeholder, console=console, dimension=dimension)


@assessment_app.command("create")
def create(
    name: str = typer.Argument(..., help="A unique name, e.g. 'Lisbon 2026'."),
    facilitator: list[str] = typer.Option(..., "--facilitator", "-f", help="A facilitator (repeat for more)."),
    stakeholder: list[str] = typer.Option([], "--stakeholder", "-s", help="A stakeholder (repeat for more)."),
    community: str | None = typer.Option(None, "--community", help="Default: the name without a trailing year."),
    cycle: str | None = typer.Option(None, "--cycle", help="e.g. 2026. Default: the name's trailing year."),
    as_json: bool = typer.Option(False, "--json", help="Print the assessment as JSON."),
) -> None:
    """Create an assessment with its facilitators (and stakeholders, who can also join later)."""
    with user_errors():
        named_community, named_cycle = assessments.split_trailing_cycle(name.strip())
        if cycle is None and named_cycle is None:
            raise InvalidInputError("Give the assessment cycle with --cycle (e.g. --cycle 2026).")
        summary = assessments.create(
            state.ctx.database, state.ctx.kb, _now(), name=name,
            community=community or named_community,
            cycle=cycle or named_cycle or "", facilitators=facilitator, stakeholders=stakeholder)
    if as_json:
        print_json(summary.model_dump(mode="json"))
        return
    console.print(Text(f"Created '{summary.name}' — community {summary.community}, cycle {summary.cycle}; "
                       f"facilitators: {', '.join(summary.facilitators)}; "
                       f"stakeholders: {', '.join(summary.stakeholders) or 'none yet'}."))


@assessment_app.command("add")
def add(
    name: str = typer.Argument(..., help="The assessment's name."),
    stakeholder: list[str] = typer.Option([], "--stakeholder", "-s", help="A stakeholder to add (repeatable)."),
    facilitator: list[str] = typer.Option([], "--facilitator", "-f", help="A facilitator to add (repeatable)."),
) -> None:
    """Add stakeholders or facilitators to an assessment."""
    with user_errors():
        if not stakeholder and not facilitator:
            raise InvalidInputError("Nobody to add: give --stakeholder NAME or --facilitator NAME.")
        for role, names in ((Role.STAKEHOLDER, stakeholder), (Role.FACILITATOR, facilitator)):
            if names:
                new = assessments.add_people(state.ctx.database, _now(), name, names, role)
                console.print(Text(f"{role.value.capitalize()}s added: "
                                   f"{', '.join(new) or 'none (all there already)'}"))


@assessment_app.command("list")
def list_command(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Every assessment, oldest first."""
    with user_errors():
        found = assessments.list_all(state.ctx.database)
    if as_json:
        print_json([a.model_dump(mode="json") for a in found])
        return
    if not found:
        console.print("No assessments yet. Create one with `mmssc assessment create` or start `mmssc chat`.")
        return
    table = Table("Assessment", "Community", "Cycle", "Facilitators", "Stakeholders", "Created")
    for a in found:
        table.add_row(Text(a.name), Text(a.community), Text(a.cycle), Text(", ".join(a.facilitators)),
                      str(len(a.stakeholders)), a.created_at[:16].replace("T", " "))
    console.print(table)


@assessment_app.command("show")
def show(
    name: str = typer.Argument(..., help="The assessment's name."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """An assessment, its people and each stakeholder's progress."""
    with user_errors():
        detail = assessments.show(state.ctx.database, state.ctx.kb, name)
    if as_json:
        print_json(detail.model_dump(mode="json"))
        return
    console.print(Text(f"{detail.name} — {detail.community}, cycle {detail.cycle}", style="bold"))
    console.print(Text(f"Facilitators: {', '.join(detail.facilitators)}; knowledge {detail.knowledge_version[:12]}"))
    dimensions = [d.id for d in state.ctx.kb.dimensions]
    table = Table("Stakeholder", "Done", *[f"Dim {d}" for d in dimensions], "Skipped", "Don't know", "Where")
    for p in detail.progress:
        where = p.step.value.replace("_", " ") + (f" {p.characteristic}" if p.characteristic else "")
        table.add_row(Text(p.stakeholder), f"{p.progress.done}/{p.progress.total}",
                      *[f"{p.progress.per_dimension[d][0]}/{p.progress.per_dimension[d][1]}" for d in dimensions],
                      ", ".join(p.skipped) or "-", ", ".join(p.dont_know) or "-", where)
    console.print(table)


def review(
    assessment: str = typer.Argument(..., help="The assessment's name."),
    consensus: str | None = typer.Option(None, "--consensus", help="Set the consensus of this characteristic."),
    level_now: int | None = typer.Option(None, "--level-now", help="With --consensus: the agreed level now."),
    level_two_years: int | None = typer.Option(None, "--level-two-years", help="With --consensus: in two years."),
    reason: str = typer.Option("", "--reason", help="With --consensus: why (kept in the audit trail)."),
    facilitator: str | None = typer.Option(None, "--facilitator", help="With --consensus: who sets it."),
    as_json: bool = typer.Option(False, "--json", help="Print the review as JSON."),
) -> None:
    """A facilitator's review: pending suggestions, disagreements and consensus; set a consensus level."""
    with user_errors():
        ctx = state.ctx
        if consensus is None and (level_now is not None or level_two_years is not None or reason
                                  or facilitator is not None):
            raise InvalidInputError("--level-now, --level-two-years, --reason and --facilitator set a consensus: "
                                    "add --consensus ID (e.g. --consensus 1.2.1).")
        if consensus is not None:
            if level_now is None or facilitator is None:
                raise InvalidInputError("Setting a consensus needs --level-now N and --facilitator NAME.")
            facilitation.set_consensus(ctx.database, ctx.kb, _now(), assessment, facilitator, consensus, level_now,
                                       level_two_years, reason)
            later = f", {level_two_years} in two years" if level_two_years is not None else ""
            console.print(Text(f"Consensus for {consensus} set to {level_now} now{later} by {facilitator}."))
        report = facilitation.review(ctx.database, ctx.kb, assessment)
    if as_json:
        print_json(report.model_dump(mode="json"))
        return
    from bot.adapters.terminal.review import render_review

    render_review(console, report)


def results(
    assessment: str = typer.Argument(..., help="The assessment's name."),
    as_json: bool = typer.Option(False, "--json", help="Print the scored result and its SHA-256 as JSON."),
) -> None:
    """Score the confirmed levels, store the result with its hash and knowledge version, and show it."""
    from bot.services.results import stored_assessment_result

    with user_errors():
        result = stored_assessment_result(state.ctx.database, state.ctx.kb, assessment, now=_now())
    if as_json:  # what was stored: the same hash is stored once, with this very canonical JSON
        print_json({"assessment": result.assessment, "sha256": result.sha256,
                    "knowledge_version": result.knowledge_version, "result": json.loads(result.canonical_json())})
        return
    from bot.adapters.terminal.review import render_result

    render_result(console, result)


def bench_storage(
    stakeholders: int = typer.Option(20, "--stakeholders", min=1, help="Stakeholders interviewed."),
    database_url: str | None = typer.Option(
        None, "--database-url", help="A scratch database (an assessment is added to it). Default: a new SQLite file "
        "in a temp dir."),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
) -> None:
    """Time recording answers (through the interview service) and scoring a whole assessment."""
    import tempfile

    from bot.storage import Database

    bench = source_benchmark("storage")
    with tempfile.TemporaryDirectory() as scratch:
        database = Database.from_url(database_url or f"sqlite:///{Path(scratch) / 'bench.db'}")
        try:
            outcome = bench.benchmark_storage(state.ctx.kb, database, stakeholders=stakeholders)
        finally:
            database.dispose()
    if as_json:
        print_json(outcome.model_dump(mode="json"))
        return
    table = Table("Step", "Count", "p50 ms", "p95 ms", "max ms",
                  title=f"Storage on {outcome.database}: {outcome.stakeholders} stakeholders x "
                        f"{outcome.characteristics} characteristics")
    for t in outcome.timings:
        table.add_row(t.step, str(t.count), f"{t.p50_ms:.2f}", f"{t.p95_ms:.2f}", f"{t.max_ms:.2f}")
    console.print(table)


def _now() -> datetime:
    return utc_now()
