"""`mmssc index`, `mmssc ask "QUESTION"` and `mmssc bench retrieval`: thin wrappers over bot.retrieval."""

from __future__ import annotations

import contextlib
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from bot.adapters.cli.bench_commands import bench_app, source_benchmark
from bot.adapters.cli.common import console, error_console, print_json, state, user_errors
from bot.retrieval.index import IndexAction, IndexReport
from bot.retrieval.relevance import AnswerKind
from bot.retrieval.retriever import RetrievalMode
from bot.retrieval.standards import StandardsAnswer, answer_standards_question, validate_question

_VERBS = {IndexAction.BUILT: "Built", IndexAction.REBUILT: "Rebuilt", IndexAction.UP_TO_DATE: "Up to date"}


def register(app: typer.Typer) -> None:
    app.command("index")(index_command)
    app.command("ask")(ask_command)
    bench_app.command("retrieval")(bench_retrieval_command)
    bench_app.command("fusion")(bench_fusion_command)


def index_command(
    rebuild: bool = typer.Option(False, "--rebuild", help="Rebuild even when the index is up to date."),
    as_json: bool = typer.Option(False, "--json", help="Print what was done as JSON."),
) -> None:
    """Build or refresh the retrieval index (rebuilt only when the knowledge or the embedder changed)."""
    from bot.retrieval.factory import open_retriever

    with user_errors():
        ctx = state.ctx
        progress = Progress(
            TextColumn("[bold]Indexing the knowledge base"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=error_console, transient=True, disable=as_json,
        )
        task = progress.add_task("index", total=None)
        with progress:
            _, report = open_retriever(
                ctx.settings, ctx.kb, ctx.embedder, force_rebuild=rebuild,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
        if as_json:
            print_json(report.model_dump(mode="json"))
        else:
            console.print(describe_index_report(report), highlight=False)


def describe_index_report(report: IndexReport) -> str:
    loading = f" after {report.model_load_seconds:.2f} s loading the model" if report.model_load_seconds else ""
    return (
        f"[bold]{_VERBS[report.action]}[/]: {report.documents} documents in {report.seconds:.2f} s{loading} "
        f"({escape(report.reason)}).\n{escape(report.location)}; knowledge {report.knowledge_version[:12]}, "
        f"embedder {escape(report.embedder)}."
    )


def ask_command(
    question: str = typer.Argument(..., help="What you want to do, e.g. 'an open data portal startups use'."),
    as_json: bool = typer.Option(False, "--json", help="Print the answer as JSON."),
    mode: RetrievalMode = typer.Option(RetrievalMode.HYBRID, "--mode", help="Retrieval: hybrid, dense or bm25."),
    limit: int = typer.Option(5, "--limit", min=1, max=20, help="How many standards to list at most."),
) -> None:
    """Which standards help with QUESTION, best first, each with why and the knowledge-base entry it comes from."""
    from bot.llm.chat_model import build_chat_model
    from bot.retrieval.phrasing import PROMPT_FILE

    with user_errors():
        validate_question(question)  # before the index and the model are loaded
        ctx = state.ctx
        waiting = contextlib.nullcontext() if as_json else console.status("Looking through the standards...")
        with waiting:  # the first question loads the model and may build the index: seconds, not instant
            answer = answer_standards_question(
                question, ctx.kb, ctx.retriever, mode=mode, chat_model=build_chat_model(ctx.settings), limit=limit,
                prompt_path=ctx.settings.prompts_dir / PROMPT_FILE,
            )
        if as_json:
            print_json(answer.model_dump(mode="json"))
        else:
            render_standards_answer(answer)


_TITLES = {AnswerKind.MATCHED: "Standards that help, best first",
           AnswerKind.CLOSEST_MATCH: "Closest match, best first (check that it fits)"}


def render_standards_answer(answer: StandardsAnswer, out: Console = console) -> None:
    """The answer by its kind: standards in a table, or the nearest topics, or why there is nothing."""
    if answer.kind == AnswerKind.NOTHING:
        out.print(Panel(Text(answer.answer), title="No standard found", border_style="yellow"))
        return
    if answer.kind == AnswerKind.CLARIFY:
        out.print(Panel(Text(answer.answer), title="Which topic do you mean?", border_style="yellow"))
        topics = Table(title="Nearest topics in the model", show_lines=False)
        for column in ("Characteristic", "Name", "Sub-dimension"):
            topics.add_column(column)
        for topic in answer.topics:
            topics.add_row(Text(topic.characteristic), Text(topic.name),
                           Text(f"{topic.sub_dimension} {topic.sub_dimension_name}"))
        out.print(topics)
        return
    if answer.phrased_by == "llm":
        out.print(Panel(Text(answer.answer), title="Answer"))
    table = Table(title=_TITLES[answer.kind], show_lines=True, expand=True)
    table.add_column("#", no_wrap=True)
    table.add_column("Standard", style="bold cyan")
    table.add_column("Why (the draft's words)")
    for number, hit in enumerate(answer.standards, start=1):
        why = hit.why + (f"\n(named with {hit.paired_with} in the draft)" if hit.paired_with else "")
        table.add_row(str(number), Text(hit.reference), Text(why))
    out.print(table)
    if answer.kind == AnswerKind.CLOSEST_MATCH and answer.topics:
        topic = answer.topics[0]
        out.print(Text(f"Nearest topic: {topic.characteristic} {topic.name}"), style="dim")


def bench_retrieval_command(
    as_json: bool = typer.Option(False, "--json", help="Print the measurements as JSON."),
    questions: int = typer.Option(200, "--questions", min=10, help="How many questions to time."),
    mode: RetrievalMode = typer.Option(RetrievalMode.HYBRID, "--mode", help="Retrieval: hybrid, dense or bm25."),
    cold_start: bool = typer.Option(True, "--cold-start/--no-cold-start", help="Also time a fresh `mmssc ask`."),
    threads: int | None = typer.Option(None, "--threads", min=1, help="Override MMSSC_EMBEDDER_THREADS for this run."),
) -> None:
    """Index build time, cold start, and warm `ask` latency p50/p95 with the configured embedder."""
    bench = source_benchmark("retrieval")
    with user_errors():
        ctx = state.ctx
        with console.status("Benchmarking retrieval...", spinner="dots") if not as_json else contextlib.nullcontext():
            result = bench.run_retrieval_benchmark(
                ctx.settings, ctx.kb, ctx.embedder, questions=questions, mode=mode, cold_start=cold_start,
                threads=threads,
            )
        if as_json:
            print_json(result.model_dump(mode="json"))
            return
        table = Table(title=f"Retrieval benchmark ({result.embedder}, {result.mode.value}, {result.documents} docs)")
        table.add_column("Measure")
        table.add_column("Value", justify="right")
        table.add_column("Target", justify="right")
        table.add_row("model load", f"{result.model_load_seconds:.2f} s", "")
        table.add_row("index build", f"{result.index_build_seconds:.2f} s", "< 15 s")
        cold = f"{result.cold_start_seconds:.2f} s" if result.cold_start_seconds is not None else "not measured"
        table.add_row("cold start (new process, one ask)", cold, "")
        table.add_row(f"warm ask p50 ({result.warm_questions} questions)", f"{result.warm_p50_ms:.1f} ms", "")
        table.add_row("warm ask p95", f"{result.warm_p95_ms:.1f} ms", "< 50 ms")
        table.add_row("warm ask max", f"{result.warm_max_ms:.1f} ms", "")
        table.add_row("machine: CPUs, 1-min load average", f"{result.cpus}, {result.load_average_1min:.2f}", "")
        table.add_row("torch threads", str(result.torch_threads or "-"), "")
        console.print(table)


def bench_fusion_command(
    cases: Path | None = typer.Option(None, "--cases", help="Directory holding standards.jsonl (default: the dev "
                                      "cases, evals/cases/dev)."),
    as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON."),
) -> None:
    """Score every fusion candidate and the dense/BM25 baselines on standards questions (how fusion was chosen)."""
    bench = source_benchmark("fusion")
    with user_errors():
        ctx = state.ctx
        cases = cases or bench.DEV_CASES
        questions = bench.load_standards_questions(cases)
        rows = bench.sweep_fusion(ctx.kb, ctx.embedder, questions)
        if as_json:
            print_json([row.model_dump(mode="json") for row in rows])
            return
        table = Table(title=f"Fusion on {len(questions)} questions of {cases} ({ctx.embedder.name})")
        for column in ("fusion", "R@1", "R@3", "MRR", "MRR 1st half", "MRR 2nd half"):
            table.add_column(column, justify="left" if column == "fusion" else "right", no_wrap=column == "fusion")
        for row in rows:
            label = f"[bold]{row.label} (chosen)[/]" if row.chosen else row.label
            table.add_row(label, f"{row.all.recall_at_1:.3f}", f"{row.all.recall_at_3:.3f}", f"{row.all.mrr:.3f}",
                          f"{row.first_half.mrr:.3f}", f"{row.second_half.mrr:.3f}")
        console.print(table)
