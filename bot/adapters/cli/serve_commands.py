"""`mmssc serve`: the Slack bot, over HTTP on /slack/events or in Socket Mode; and `mmssc bench slack`."""

from __future__ import annotations

import contextlib
import logging
import signal
from collections.abc import Callable, Iterator
from types import FrameType

import typer
from rich.markup import escape

from bot.adapters.cli.bench_commands import bench_app, source_benchmark
from bot.adapters.cli.common import console, print_json, state, user_errors
from bot.context import AppContext
from bot.errors import InvalidInputError

log = logging.getLogger("bot.slack")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    bench_app.command("slack")(bench_slack)


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface for HTTP mode (use 0.0.0.0 behind a proxy)."),
    port: int = typer.Option(3000, "--port", help="Port for HTTP mode; Slack posts to /slack/events."),
) -> None:
    """Run the Slack bot: HTTP mode with SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, Socket Mode when
    SLACK_APP_TOKEN is set."""
    from bot.adapters.slack.redaction import install_token_redaction
    from bot.adapters.slack.runner import check_slack_settings

    context = state.ctx
    settings = context.settings
    with user_errors():
        socket_mode = check_slack_settings(settings)
        install_token_redaction(
            secret.get_secret_value()
            for secret in (settings.slack_bot_token, settings.slack_signing_secret, settings.slack_app_token)
            if secret is not None
        )
        def progress(step: str) -> None:
            console.print(f"Warming up: {step}…", highlight=False)

        with sigterm_stops_like_ctrl_c():
            _run_bot(context, socket_mode, host, port, progress)


def _run_bot(context: AppContext, socket_mode: bool, host: str, port: int, progress: Callable[[str], None]) -> None:
    from bot.adapters.slack.runner import run_http, run_socket_mode

    if socket_mode:  # ready only once Slack accepted the token and everything is warm
        run_socket_mode(context, progress, lambda: console.print(
            "Ready: Slack bot in Socket Mode (SLACK_APP_TOKEN is set). Ctrl-C stops it."))
    else:
        run_http(context, host, port, progress, lambda: console.print(
            f"Ready: Slack bot listening on http://{escape(host)}:{port}/slack/events. Ctrl-C stops it.",
            highlight=False))


@contextlib.contextmanager
def sigterm_stops_like_ctrl_c() -> Iterator[None]:
    """SIGTERM (how systemd, Docker and Kubernetes stop a service) stops the bot as Ctrl-C does: the work already
    acknowledged is finished first. It is also the way to stop a bot started in the background by a shell
    without job control, which starts it with SIGINT ignored."""
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def bench_slack(
    stakeholders: int = typer.Option(50, "--stakeholders", min=1, max=500, help="Simulated stakeholders."),
    characteristics: int = typer.Option(3, "--characteristics", min=1, max=31,
                                        help="Characteristics each stakeholder answers."),
    retry_every: int = typer.Option(3, "--retry-every", min=0,
                                    help="Send every Nth answer twice, as a Slack retry (0: never)."),
    processes: int = typer.Option(1, "--processes", min=1, max=8,
                                  help="Bot processes sharing the database, requests spread round-robin."),
    database_url: str | None = typer.Option(None, "--database-url",
                                            help="Database the bot processes share (default: a throwaway SQLite)."),
    ack_p95_ms: float = typer.Option(100.0, "--ack-p95-ms", min=0, help="Target: acks within this at p95."),
    reply_p95_ms: float = typer.Option(1500.0, "--reply-p95-ms", min=0,
                                       help="Target: the card after an answer or probe reply (a probe or a "
                                            "suggestion) within this at p95."),
    json_output: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
) -> None:
    """Simulate stakeholders answering concurrently over HTTP against a local mock of the Slack Web API:
    ack latency p50/p95/p99, time to the bot's next card (a probe or a suggestion), lost and duplicated
    answers. Exits with 1 when a target is missed (from a source checkout only: `make bench`)."""
    bench = source_benchmark("slack")
    with user_errors():
        if stakeholders < 1:
            raise InvalidInputError("--stakeholders must be at least 1")
        report = bench.run_slack_bench(state.ctx.settings, bench.BenchConfig(
            stakeholders=stakeholders, characteristics=characteristics, retry_every=retry_every,
            processes=processes, database_url=database_url, ack_p95_target_ms=ack_p95_ms,
            reply_p95_target_ms=reply_p95_ms))
    if json_output:
        print_json(report.model_dump(mode="json"))
    else:
        typer.echo(report.summary())
    if report.missed:
        typer.secho(f"Target missed: {'; '.join(report.missed)}.", fg="red", err=True)
        raise typer.Exit(1)
