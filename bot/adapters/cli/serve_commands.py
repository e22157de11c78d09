"""`mmssc serve`: the Slack bot, over HTTP on /slack/events or in Socket Mode; and `mmssc bench slack`."""

from __future__ import annotations

import logging

import typer
from rich.markup import escape

from bot.adapters.cli.bench_commands import bench_app
from bot.adapters.cli.common import console, print_json, state, user_errors
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
    from bot.adapters.slack.runner import check_slack_settings, run_http, run_socket_mode

    context = state.ctx
    settings = context.settings
    with user_errors():
        socket_mode = check_slack_settings(settings)
        install_token_redaction(
            secret.get_secret_value()
            for secret in (settings.slack_bot_token, settings.slack_signing_secret, settings.slack_app_token)
            if secret is not None
        )
        if socket_mode:  # said only once Slack accepted the token
            run_socket_mode(context, ready=lambda: console.print(
                "Slack bot in Socket Mode (SLACK_APP_TOKEN is set). Ctrl-C stops it."))
        else:
            run_http(context, host, port, ready=lambda: console.print(
                f"Slack bot listening on http://{escape(host)}:{port}/slack/events. Ctrl-C stops it.", highlight=False))


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
    json_output: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
) -> None:
    """Simulate stakeholders answering concurrently over HTTP against a local mock of the Slack Web API:
    ack latency p50/p95/p99, time to the bot's reply, lost and duplicated answers."""
    from bot.adapters.slack.bench import BenchConfig, run_slack_bench

    with user_errors():
        if stakeholders < 1:
            raise InvalidInputError("--stakeholders must be at least 1")
        report = run_slack_bench(state.ctx.settings, BenchConfig(
            stakeholders=stakeholders, characteristics=characteristics, retry_every=retry_every,
            processes=processes, database_url=database_url))
    if json_output:
        print_json(report.model_dump(mode="json"))
        return
    typer.echo(report.summary())
