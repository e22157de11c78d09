"""Rich rendering of a facilitator's review and of a scored result."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.interview.messages import Horizon
from bot.interview.wording import settled_words
from bot.scoring.results import AssessmentResult
from bot.services.facilitation import ReviewReport, SuggestionsKept


def horizon_words(horizon: Horizon) -> str:
    return "now" if horizon == Horizon.NOW else "in two years"


def person(report: ReviewReport, who: str) -> str:
    """ "Ana Lima (U0123ABC)" when a channel stored a display name for the person, else the stored name."""
    name = report.display_names.get(who)
    return f"{name} ({who})" if name and name != who else who


def render_review(console: Console, report: ReviewReport) -> None:
    console.print(Text(f"Review of {report.assessment}", style="bold"))
    if report.pending:
        table = Table("Stakeholder", "Characteristic", "Horizon", "Suggested", "Settled", "Waiting since",
                      title="Suggestions waiting for confirmation")
        for p in report.pending:
            abstained = p.suggested_level is None  # the engine asked a follow-up question instead
            table.add_row(Text(person(report, p.stakeholder)), p.characteristic, horizon_words(p.horizon),
                          "no level: follow-up asked" if abstained else str(p.suggested_level),
                          "-" if abstained else settled_words(p.settled), p.since.isoformat(" ", "minutes"))
        console.print(table)
    else:
        console.print("No suggestions waiting for confirmation.")
    now_levels: dict[str, list[str]] = {}
    for c in report.confirmations:
        if c.horizon == Horizon.NOW:
            shown = str(c.level) if c.level is not None else c.outcome.value.replace("_", " ")
            now_levels.setdefault(c.characteristic, []).append(f"{person(report, c.stakeholder)} {shown}")
    count = len(now_levels)
    console.print(Text(f"Confirmed levels now: {count} characteristic{'' if count == 1 else 's'} answered by at "
                       "least one stakeholder."))
    console.print(Text(kept_line(report)))
    if report.disagreements:
        table = Table("Characteristic", "Levels now", "Spread", "Consensus now",
                      title=f"Disagreements: {len(report.disagreements)} (levels now 2 or more apart)")
        for d in report.disagreements:
            levels = ", ".join(f"{person(report, who)} {level}" for who, level in d.levels.items())
            table.add_row(Text(f"{d.characteristic} {d.name}"), Text(levels), str(d.spread),
                          str(d.consensus) if d.consensus is not None else "not set")
        console.print(table)
    else:
        console.print("No disagreements.")
    if report.consensus:
        table = Table("Characteristic", "Now", "Two years", "Set by", "Reason", title="Consensus levels")
        for agreed in report.consensus:
            table.add_row(agreed.characteristic, str(agreed.level_now), str(agreed.level_two_years or "-"),
                          Text(person(report, agreed.set_by)), Text(agreed.reason))
        console.print(table)
    console.print(Text("Set a consensus: mmssc review ASSESSMENT --consensus 1.2.1 --level-now 3 "
                       "--level-two-years 4 --reason '...' --facilitator NAME", style="dim"))


def kept_line(report: ReviewReport) -> str:
    """"Suggested levels kept: 18 of 24 (75%) — now 12 of 15, in two years 6 of 9"."""
    kept = report.kept
    if kept.overall.share is None:
        return "Suggested levels kept: no level settled on a suggestion yet."

    def part(counts: SuggestionsKept) -> str:
        return f"{counts.confirmed} of {counts.confirmed + counts.overridden}"

    return (f"Suggested levels kept: {part(kept.overall)} ({kept.overall.share:.0%}; the rest overridden) — "
            f"now {part(kept.now)}, in two years {part(kept.two_years)}")


def render_result(console: Console, result: AssessmentResult) -> None:
    overall = result.overall
    console.print(Text(f"{result.assessment} — {result.community}, cycle {result.cycle}", style="bold"))
    console.print(Text(f"Overall: {overall.score_now or '-'} now, {overall.score_two_years or '-'} in two years; "
                       f"{result.completeness.rated_percent}% of levels confirmed, "
                       f"{result.completeness.dont_know_or_skipped} skipped or don't know"))
    table = Table("Dimension", "Now", "Two years", "Gap", "Scored", "Confirmed")
    for d in result.dimensions:
        table.add_row(Text(f"{d.id} {d.name}"), str(d.score_now or "-"), str(d.score_two_years or "-"),
                      str(d.gap or "-"), f"{d.scored}/{d.characteristics}", f"{d.rated_percent}%")
    console.print(table)
    for title, items in (("Weakest characteristics", result.weakest), ("Largest gaps", result.largest_gaps)):
        if items:
            console.print(Text(title, style="bold"))
            for item in items:
                standards = ", ".join(s.standard + (f" [{s.ref}]" if s.ref else "") for s in item.standards)
                console.print(Text(f"  {item.characteristic} {item.name}: now {item.consensus_now or '-'}, "
                                   f"two years {item.consensus_two_years or '-'} — standards: {standards or '-'}"))
    console.print(Text(f"Result SHA-256 {result.sha256} (knowledge {result.knowledge_version[:12]})"))
