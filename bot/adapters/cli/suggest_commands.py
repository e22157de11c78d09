"""`mmssc suggest`: suggest a level for one characteristic from an answer, with a cited rationale;
`mmssc bench suggest`: its warm latency."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from bot.adapters.cli.bench_commands import bench_app, source_benchmark
from bot.adapters.cli.common import console, print_json, state, user_errors
from bot.errors import InvalidInputError, UnknownIdError
from bot.interview.wording import settled_words
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import Evidence, Horizon, Suggestion, SuggestionContext


class HorizonOption(StrEnum):
    """`--horizon`: how the horizon is typed on the command line."""

    NOW = "now"
    TWO_YEARS = "two-years"


def register(app: typer.Typer) -> None:
    app.command("suggest")(suggest)
    bench_app.command("suggest")(bench_suggest)


def read_answer(answer: str | None, answer_file: Path | None) -> str:
    """The answer from --answer or --answer-file (exactly one of them)."""
    if (answer is None) == (answer_file is None):
        raise InvalidInputError("Give the answer with exactly one of --answer TEXT or --answer-file FILE.")
    if answer_file is not None:
        try:
            return answer_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InvalidInputError(f"Cannot read the answer file {answer_file}: {error}") from error
    assert answer is not None
    return answer


def suggest(
    characteristic: str = typer.Option(..., "--characteristic", "-c", help="Characteristic id, e.g. 1.2.1 or 4.3."),
    answer: str | None = typer.Option(None, "--answer", "-a", help="The stakeholder's answer, in their words."),
    answer_file: Path | None = typer.Option(None, "--answer-file", help="Read the answer from this UTF-8 file."),
    horizon: HorizonOption = typer.Option(HorizonOption.NOW, "--horizon",
                                          help="The question answered: the level now, or in two years (plans)."),
    level_now: int | None = typer.Option(None, "--level-now", min=1, max=5,
                                         help="With --horizon two-years: the level recorded now."),
    as_json: bool = typer.Option(False, "--json", help="Print the suggestion as JSON (\"probe\": null when settled)."),
) -> None:
    """Suggest the maturity level of one characteristic, citing the criteria and quoting the answer.

    When the answer does not settle the level, the suggestion also carries the probe the interview would ask
    first (one short question about one level)."""
    with user_errors():
        if level_now is not None and horizon == HorizonOption.NOW:
            raise InvalidInputError("--level-now goes with --horizon two-years (the level recorded now).")
        text = read_answer(answer, answer_file)
        context = SuggestionContext(horizon=Horizon.TWO_YEARS if horizon == HorizonOption.TWO_YEARS else Horizon.NOW,
                                    level_now=level_now)
        result = state.ctx.engine.suggest(characteristic, text, context)
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        render_suggestion(result, _readable(state.ctx.kb))


def render_suggestion(result: Suggestion, label: Callable[[str], str]) -> None:
    """The suggestion for a terminal, its references as people read them (`label`: "MMSSC 1.1.1, level 3",
    "ISO 37104 (Annex B)"; the ids stay in `--json`). Quotes, rationale and citations hold brackets and the
    person's own words: every piece is escaped, never read as Rich markup."""
    if result.level is None:
        title = f"{result.characteristic}: no level suggested"
    else:
        title = f"{result.characteristic}: level {result.level} ({settled_words(result.settled)})"
    console.print(Panel(Text(result.rationale), title=Text(title), subtitle=Text(f"engine {result.engine}")))
    for quote, criteria in _by_quote(result.evidence, label).items():
        console.print(f"  [green]“{escape(quote)}”[/] → {escape(criteria)}", highlight=False)
    for quote, criteria in _by_quote(result.counter_evidence, label).items():
        console.print(f"  [red]“{escape(quote)}”[/] → {escape(criteria)}: not in place", highlight=False)
    for citation in result.citations:
        console.print(f"  [cyan]{escape(label(citation.id))}[/]: {escape(citation.text)}", highlight=False)
    for line in result.missing:
        criterion, found, text = line.partition(": ")  # "1.1.1/4/a: The objectives are underpinned by ..."
        shown = f"{label(criterion)}: {text}" if found else line
        console.print(f"  [yellow]missing[/] {escape(shown)}", highlight=False)
    if result.probe is not None:
        console.print(f"[bold]Not settled; the interview would first ask (level {result.probe.level}):[/] "
                      f"{escape(result.probe.question)}", highlight=False)
    elif result.follow_up:
        console.print(f"[bold]Follow-up:[/] {escape(result.follow_up)}", highlight=False)
    if result.fallback_reason:
        console.print(f"[dim]LLM output not used: {escape(result.fallback_reason)}[/]", highlight=False)


def bench_suggest(
    cases: Path | None = typer.Option(None, "--cases", help="A levels.jsonl file whose answers are replayed "
                                      "(default: the dev cases, evals/cases/dev/levels.jsonl)."),
    rounds: int = typer.Option(2, "--rounds", min=1, help="How many times every answer is suggested."),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
) -> None:
    """Warm `suggest` latency: conditions embedded first, then every answer timed `rounds` times."""
    bench = source_benchmark("suggest")
    with user_errors():
        result = bench.run_suggest_benchmark(state.ctx.engine, state.ctx.embedder.name, cases or bench.DEFAULT_CASES,
                                             rounds)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    verdict = "[green]meets[/]" if result.meets_target else "[red]misses[/]"
    console.print(f"suggest ({result.engine}, {result.embedder}): {result.calls} warm calls, "
                  f"p50 {result.p50_ms} ms, p95 {result.p95_ms} ms, max {result.max_ms} ms — "
                  f"{verdict} the {result.p95_target_ms:.0f} ms p95 target (warm-up {result.warm_up_seconds} s)")


def _readable(kb: KnowledgeBase) -> Callable[[str], str]:
    """`KnowledgeBase.reference_label`, or the text itself when it is not an id of the knowledge base."""
    def label(entry_id: str) -> str:
        try:
            return kb.reference_label(entry_id)
        except UnknownIdError:
            return entry_id

    return label


def _by_quote(items: list[Evidence], label: Callable[[str], str]) -> dict[str, str]:
    """Each quote once, with the references it evidences ("MMSSC 1.1.1, level 2; MMSSC 1.1.1, level 3")."""
    grouped: dict[str, list[str]] = {}
    for item in items:
        labels = grouped.setdefault(item.quote, [])
        if label(item.criterion) not in labels:
            labels.append(label(item.criterion))
    return {quote: "; ".join(labels) for quote, labels in grouped.items()}
