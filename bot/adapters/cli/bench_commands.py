"""`mmssc bench ...`: benchmarks. Each owner adds its command to `bench_app` from its own module."""

from __future__ import annotations

import typer

bench_app = typer.Typer(help="Benchmarks: speed numbers for retrieval, suggestion, storage, reports, Slack.",
                        no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(bench_app, name="bench")
