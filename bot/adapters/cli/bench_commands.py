"""`mmssc bench ...`: benchmarks. Each owner adds its command to `bench_app` from its own module.

Every benchmark lives in the top-level `benchmarks/` package of the source tree, one module per command
(`benchmarks/<name>.py`), with the test tooling some of them use (the Slack one: a mock Web API, simulated
people); the wheel ships neither. `source_benchmark(name)` imports one from the checkout the package runs
from, and from an installed wheel says in one line where benchmarks run.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from types import ModuleType

import typer

from bot.config import PROJECT_ROOT

bench_app = typer.Typer(help="Benchmarks: speed numbers for retrieval, suggestion, storage, reports, Slack.",
                        no_args_is_help=True)

SUITE = ("retrieval", "suggest", "storage", "report", "slack")


def register(app: typer.Typer) -> None:
    app.add_typer(bench_app, name="bench")


def source_benchmark(name: str) -> ModuleType:
    """`benchmarks.<name>` from the source checkout; one line and exit 1 when there is none (a wheel)."""
    checkout = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "benchmarks" / f"{name}.py").is_file()
    if not checkout:
        typer.secho(f"`mmssc bench {name}` runs from a source checkout of mmssc-bot (`make bench` there); this "
                    "installation has no benchmarks.", fg="red", err=True)
        raise typer.Exit(1)
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    return importlib.import_module(f"benchmarks.{name}")


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
