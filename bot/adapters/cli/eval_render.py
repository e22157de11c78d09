"""Print an `EvalReport` as Rich tables (the `--json` output is the report itself)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.evaluation.report import EvalReport, LevelScores

LEVEL_COLUMNS = ("n", "answered", "exact", "within_one", "qwk", "mae", "false_abstain_rate", "off_by_3_or_more")
HEADERS = ("n", "ans", "exact", "±1", "QWK", "MAE", "false abst.", "off ≥3")
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
        if report.two_years is not None:
            table.add_section()
            table.add_row(f"[bold]{report.engine}[/], two years", *_cells(report.two_years))
        console.print(table)
        confusion = Table(title="Confusion (rows expected, columns predicted)")
        confusion.add_column("exp")
        for label in ["1", "2", "3", "4", "5", "abstain"]:
            confusion.add_column(label, justify="right")
        for level, row in enumerate(report.levels.confusion, start=1):
            confusion.add_row(str(level), *[str(v) for v in row])
        console.print(confusion)
    elif report.two_years is not None:
        console.print(f"Two-year cases: exact {report.two_years.exact:.3f}, within one "
                      f"{report.two_years.within_one:.3f} on {report.two_years.n}")
    if report.dialogues is not None:
        _render_dialogues(report, console)
    if report.abstain is not None:
        reasons = ", ".join(f"{k} {v}" for k, v in report.abstain.reasons.items())
        console.print(f"Abstain: recall {report.abstain.recall:.3f} on {report.abstain.n} cases ({reasons})")
    if report.confidence is not None:
        c = report.confidence
        auroc = f"{c.auroc:.3f}" if c.auroc is not None else "-"
        console.print(f"Confidence: mean {c.mean_exact:.3f} on exact ({c.n_exact}), {c.mean_not_exact:.3f} on "
                      f"not exact ({c.n_not_exact}), gap {c.gap:+.3f}, AUROC {auroc} (0.5 = chance)")
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


def _render_dialogues(report: EvalReport, console: Console) -> None:
    d = report.dialogues
    assert d is not None
    table = Table(title=f"Dialogues ({d.n}): the opening alone, then with probes answered from the case")
    table.add_column("run", no_wrap=True)
    for header in ("exact", "±1", "QWK", "off ≥3", "probes mean", "max"):
        table.add_column(header, justify="right", no_wrap=True)
    o = d.opening
    table.add_row("opening only", f"{o.exact:.2f}", f"{o.within_one:.2f}", f"{o.qwk:.2f}", str(o.off_by_3_or_more),
                  "-", "-")
    table.add_row(f"[bold]{report.engine}[/] with probes", f"{d.exact:.2f}", f"{d.within_one:.2f}", f"{d.qwk:.2f}",
                  str(d.off_by_3_or_more), f"{d.probes_mean:.2f}", str(d.probes_max))
    console.print(table)
    if d.by_opening_kind:
        kinds = ", ".join(f"{kind} ({k.n}) {k.opening_exact:.2f} → {k.exact:.2f}"
                          for kind, k in d.by_opening_kind.items())
        console.print(Text(f"Exact by opening, alone → with probes: {kinds}"))


def _kinds(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in counts.items()) or "-"


def _cells(scores: LevelScores) -> list[str]:
    values = scores.model_dump()
    return [str(values[c]) if isinstance(values[c], int) else f"{values[c]:.2f}" for c in LEVEL_COLUMNS]
