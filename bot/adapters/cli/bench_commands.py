"""`mmssc bench ...`: benchmarks. Each owner adds its command to `bench_app` from its own module."""

from __future__ import annotations

import subprocess
import sys

import typer

bench_app = typer.Typer(help="Benchmarks: speed numbers for retrieval, suggestion, storage, reports, Slack.",
                        no_args_is_help=True)

SUITE = ("retrieval", "suggest", "storage", "report", "slack")


def register(app: typer.Typer) -> None:
    app.add_typer(bench_app, name="bench")


@bench_app.command("all")
def run_every_benchmark() -> None:
    """Run every benchmark in turn, each in a fresh process so none warms the next."""
    failed = []
    for name in SUITE:
        typer.secho(f"\n== mmssc bench {name}", bold=True)
        if subprocess.run([sys.executable, "-m", "bot", "bench", name], check=False).returncode != 0:
            failed.append(name)
    if failed:
        typer.secho(f"Failed: {', '.join(failed)}", fg="red", err=True)
        raise typer.Exit(1)
