"""Print an `EvalReport` as Rich tables (the `--json` output is the report itself)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from evals.report import EvalReport, LevelScores

LEVEL_COLUMNS = ("n", "answered", "exact", "within_one", "qwk", "mae", "false_abstain_rate")
HEADERS = ("n", "ans", "exact", "±1", "QWK", "MAE", "false abst.")
RUN_LABELS = {"most_common_level": "most common", "nearest_level_embedding": "nearest (emb.)",
              "nearest_level_bm25": "nearest (BM25)"}


def render_report(report: EvalReport, console: Console) -> None:
    console.print(f"[bold]Eval[/] {report.cases} — engine [cyan]{report.engine}[/], embedder {report.embedder}, "
                  f"knowledge {report.knowledge_version[:12]}")
    if report.levels is not None:
        table = Table(title="Levels: engine and baselines", show_lines=False)
        table.add_column("run", no_wrap=True)
        for header in HEADERS:
            table.add_column(header, justify="right", no_wrap=True)
        table.add_row(f"[bold]{report.engine}[/]", *_cells(report.levels))
        for dimension, scores in report.levels.per_dimension.items():
            table.add_row(f"  dim. {dimension}", *_cells(scores))
        for name, scores in report.baselines.items():
            table.add_row(RUN_LABELS.get(name, name), *_cells(scores))
        console.print(table)
        confusion = Table(title="Confusion (rows expected, columns predicted)")
        confusion.add_column("exp")
        for label in ["1", "2", "3", "4", "5", "abstain"]:
            confusion.add_column(label, justify="right")
        for level, row in enumerate(report.levels.confusion, start=1):
            confusion.add_row(str(level), *[str(v) for v in row])
        console.print(confusion)
    if report.abstain is not None:
        reasons = ", ".join(f"{k} {v}" for k, v in report.abstain.reasons.items())
        console.print(f"Abstain: recall {report.abstain.recall:.3f} on {report.abstain.n} cases ({reasons})")
    if report.confidence is not None:
        c = report.confidence
        console.print(f"Confidence: mean {c.mean_exact:.3f} on exact ({c.n_exact}), {c.mean_not_exact:.3f} on "
                      f"not exact ({c.n_not_exact}), gap {c.gap:+.3f}")
    console.print(f"Citations: {report.citations.valid}/{report.citations.cited} valid "
                  f"({report.citations.validity:.3f})")
    console.print(f"Latency (warm suggest): p50 {report.latency.p50_ms:.1f} ms, p95 {report.latency.p95_ms:.1f} ms "
                  f"over {report.latency.calls} calls")
    if report.standards is not None:
        modes = report.standards.modes
        first = next(iter(modes.values()), None)
        counts = f"{first.on_topic} on topic, {first.off_topic} off topic" if first else f"{report.standards.n}"
        table = Table(title=f"Standards ({counts})")
        for column in ("mode", "recall@1", "recall@3 (all)", "MRR", "on-topic unanswered", "off-topic answered"):
            table.add_column(column, justify="right")
        for mode, s in modes.items():
            table.add_row(mode, f"{s.recall_at_1:.3f}", f"{s.recall_at_3:.3f}", f"{s.mrr:.3f}",
                          f"{s.on_topic_unanswered}/{s.on_topic} ({s.on_topic_unanswered_rate:.3f})",
                          f"{s.off_topic_answered}/{s.off_topic} ({s.off_topic_answered_rate:.3f})")
        console.print(table)
        if "hybrid" in modes:
            kinds = modes["hybrid"]
            console.print(f"Hybrid answer kinds: on topic {_kinds(kinds.on_topic_kinds)}; "
                          f"off topic {_kinds(kinds.off_topic_kinds)}", highlight=False)
        if report.standards.error:
            console.print(f"[yellow]Standards not evaluated: {report.standards.error}[/]")


def _kinds(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in counts.items()) or "-"


def _cells(scores: LevelScores) -> list[str]:
    values = scores.model_dump()
    return [str(values[c]) if isinstance(values[c], int) else f"{values[c]:.2f}" for c in LEVEL_COLUMNS]
