"""The `mmssc` command: one Typer app; each command group lives in its own module."""

from __future__ import annotations

import logging

import typer

from bot.adapters.cli import (
    assessment_commands,
    bench_commands,
    eval_commands,
    knowledge_commands,
    report_commands,
    retrieval_commands,
    serve_commands,
    suggest_commands,
)
from bot.adapters.cli.common import state
from bot.adapters.cli.faults import FaultReportingGroup
from bot.config import Settings
from bot.redaction import install_log_redaction, secrets_of

app = typer.Typer(
    name="mmssc",
    help="Maturity self-assessments of smart sustainable communities (MMSSC, ISO/TS 37107 draft).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=FaultReportingGroup,  # help tidied, environment faults end in one line, never a traceback
)


@app.callback()
def main(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log debug details to standard error."),
) -> None:
    settings = Settings()
    logging.basicConfig(
        level=logging.DEBUG if verbose else getattr(logging, settings.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    install_log_redaction(secrets_of(settings))  # no key, token or password in any log line
    state.configure(settings)


for module in (
    knowledge_commands,
    retrieval_commands,
    suggest_commands,
    eval_commands,
    assessment_commands,
    report_commands,
    serve_commands,
    bench_commands,
):
    module.register(app)
