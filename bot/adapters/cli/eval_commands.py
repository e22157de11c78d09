"""`mmssc eval`: run the evaluation suite on a directory of JSONL cases; `mmssc eval export`: an assessment's
confirmed levels as such a directory."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from bot.adapters.cli.common import EXIT_USAGE, console, error_console, print_json, state, user_errors
from bot.config import EngineKind
from bot.errors import MMSSCError

eval_app = typer.Typer(invoke_without_command=True, no_args_is_help=False,
                       help="Measure suggestion quality on JSONL cases (mmssc eval --cases DIR); "
                            "mmssc eval export turns an assessment into such cases.")


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")


@eval_app.callback()
def evaluate(
    ctx: typer.Context,
    cases: Path | None = typer.Option(None, "--cases",
                                      help="Directory with levels/abstain/standards/dialogues.jsonl."),
    engine: EngineKind = typer.Option(EngineKind.DEFAULT, "--engine", help="The suggestion engine to evaluate."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    out: Path | None = typer.Option(None, "--out", help="Also write the JSON report to this file."),
) -> None:
    """Exact, within-one, QWK, MAE, abstention, citation validity, standards recall and latency, with baselines;
    simulated dialogues with probes; two-year cases."""
    if ctx.invoked_subcommand is not None:
        return
    from bot.adapters.cli.eval_render import render_report
    from bot.evaluation.cases import CaseFileError, load_case_set
    from bot.evaluation.wiring import evaluate_directory

    if cases is None:
        error_console.print("[bold red]Error:[/] Give the cases with --cases DIR (e.g. --cases evals/cases/dev), "
                            "or export an assessment with: mmssc eval export ASSESSMENT --out DIR")
        raise typer.Exit(EXIT_USAGE)
    try:
        if load_case_set(cases).empty:
            error_console.print(f"[bold red]Error:[/] {escape(str(cases))} holds no levels.jsonl, abstain.jsonl, "
                                "standards.jsonl or dialogues.jsonl cases", highlight=False)
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


@eval_app.command("export")
def export(
    assessment: str = typer.Argument(..., help="The assessment's name."),
    out: Path = typer.Option(..., "--out", help="Directory for levels.jsonl and dialogues.jsonl (created)."),
    as_json: bool = typer.Option(False, "--json", help="Print what was written as JSON."),
) -> None:
    """Write an assessment's human-confirmed levels as eval cases (consensus where set, overrides included), so
    `mmssc eval --cases DIR` measures the engine on a city's own answers. People appear as s1, s2..."""
    from bot.evaluation.export import export_assessment

    with user_errors():
        ctx = state.ctx
        try:
            summary = export_assessment(ctx.database, ctx.kb, assessment, out)
        except OSError as error:
            raise MMSSCError(f"Cannot write the cases to {out}: {error.strerror or error}") from error
    if as_json:
        print_json(summary.model_dump(mode="json"))
        return
    console.print(f"Wrote {summary.levels} level cases ({summary.two_years} for two years) and {summary.dialogues} "
                  f"dialogues of '{summary.assessment}' to {summary.directory}: {summary.from_consensus} at the "
                  f"consensus level, {summary.overridden} overridden. Run: mmssc eval --cases {summary.directory}",
                  highlight=False, markup=False)
    if not summary.levels:
        console.print("Nothing to export yet: no level has been confirmed on an answer.", style="yellow")
