"""`mmssc eval`: run the evaluation suite on a directory of JSONL cases."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from bot.adapters.cli.common import EXIT_USAGE, console, error_console, print_json, state, user_errors
from bot.config import EngineKind


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)


def evaluate(
    cases: Path = typer.Option(..., "--cases", help="Directory with levels/abstain/standards.jsonl."),
    engine: EngineKind = typer.Option(EngineKind.DEFAULT, "--engine", help="The suggestion engine to evaluate."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    out: Path | None = typer.Option(None, "--out", help="Also write the JSON report to this file."),
) -> None:
    """Exact, within-one, QWK, MAE, abstention, citation validity, standards recall and latency, with baselines."""
    from evals.cases import CaseFileError, load_case_set
    from evals.render import render_report
    from evals.wiring import evaluate_directory

    try:
        if load_case_set(cases).empty:
            error_console.print(f"[bold red]Error:[/] {escape(str(cases))} holds no levels.jsonl, abstain.jsonl or "
                                "standards.jsonl")
            raise typer.Exit(EXIT_USAGE)
    except CaseFileError as error:
        error_console.print(f"[bold red]Error:[/] {escape(str(error))}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from error
    with user_errors():
        report = evaluate_directory(state.ctx, cases, engine)
    document = report.model_dump(mode="json")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        import json

        out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if as_json:
        print_json(document)
    else:
        render_report(report, console)
        if out is not None:
            console.print(f"Report written to {escape(str(out))}", highlight=False)
