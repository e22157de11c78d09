"""`mmssc --help` and every command's help read like a well-kept CLI's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from bot.adapters.cli.help_format import unwrap_help
from bot.adapters.cli.main import app

runner = CliRunner()


def _command_paths(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from _command_paths(sub, (*path, name))


ALL = list(_command_paths(typer.main.get_command(app)))


def _help(path: tuple[str, ...]) -> str:
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "120", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", ALL, ids=[" ".join(p) or "mmssc" for p in ALL])
def test_help_has_no_type_tags_or_braces(path: tuple[str, ...]) -> None:
    text = _help(path)
    assert not re.search(r"<(bool|str|int|float|path|[a-z]+\|[a-z|]+)>", text), text
    usage = next(line for line in text.splitlines() if "Usage:" in line)
    assert "{" not in usage and "<" not in usage, usage


def test_arguments_and_values_use_conventional_metavars() -> None:
    text = _help(("report",))
    assert "Usage: mmssc report [OPTIONS] ASSESSMENT" in text
    assert "[html|md|csv|json|xlsx]" in text and "PATH" in text
    suggest = _help(("suggest",))
    assert re.search(r"--characteristic\s+-c\s+TEXT", suggest)
    assert re.search(r"--json\s+Print the suggestion as JSON", suggest)  # a flag takes no value
    assert "INTEGER [1<=x<=20]" in _help(("ask",))


def test_a_missing_argument_is_named_as_in_the_usage_line() -> None:
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 2 and "Missing argument 'ASSESSMENT'" in result.output


def test_every_option_says_what_it_does() -> None:
    for path in ALL:
        command = typer.main.get_command(app)
        for name in path:
            command = command.commands[name]  # type: ignore[attr-defined]
        for param in command.params:
            assert param.param_type_name != "option" or param.help, (path, param.opts)


def test_docstring_line_breaks_do_not_reach_the_help() -> None:
    assert unwrap_help("Run the bot: HTTP mode when\n    SLACK_APP_TOKEN is unset.\n\nMore.") == (
        "Run the bot: HTTP mode when SLACK_APP_TOKEN is unset.\n\nMore.")
    wide = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"}).output
    assert "Socket Mode when SLACK_APP_TOKEN is set." in wide
