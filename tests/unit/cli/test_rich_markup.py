"""What people typed and what citations say is shown as text, never read as Rich markup: brackets stay,
and a stray closing tag neither crashes a command nor disappears."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.adapters.cli.main import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def fast_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MMSSC_EMBEDDER", "hashing")
    monkeypatch.setenv("MMSSC_DATA_DIR", str(tmp_path / "data"))


def flat(output: str) -> str:
    return " ".join(output.replace("│", " ").split())


def test_an_assessment_named_with_markup_is_created_listed_and_refused_twice_without_a_crash() -> None:
    name = "Markup [/bold] 2026"
    created = runner.invoke(app, ["assessment", "create", name, "-f", "[red]ana[/red]", "--cycle", "[/i]"])
    assert created.exit_code == 0, repr(created.exception)
    assert f"Created '{name}'" in flat(created.output) and "[red]ana[/red]" in created.output
    again = runner.invoke(app, ["assessment", "create", name, "-f", "ana"])
    assert again.exit_code == 2 and f"An assessment named '{name}' already exists." in flat(again.output)
    listed = runner.invoke(app, ["assessment", "list"])
    assert listed.exit_code == 0 and "[/i]" in listed.output
    added = runner.invoke(app, ["assessment", "add", name, "-s", "[/x] bob"])
    assert added.exit_code == 0 and "[/x] bob" in added.output


@pytest.mark.parametrize(("arguments", "shown"), [
    (["results", "Nope [/i]"], "No assessment named 'Nope [/i]'."),
    (["suggest", "-c", "[/x]", "-a", "We publish a strategy."], "Unknown characteristic '[/x]'."),
    (["review", "[bold]x[/bold]"], "No assessment named '[bold]x[/bold]'."),
])
def test_an_error_message_quoting_markup_is_shown_as_typed(arguments: list[str], shown: str) -> None:
    run = runner.invoke(app, arguments)
    assert run.exit_code == 2, repr(run.exception)
    assert shown in flat(run.output)


def test_suggest_keeps_bracketed_citations_and_quotes_in_its_text_output() -> None:
    answer = "We publish 40 datasets on our open data portal [/bold] and startups build apps on it [red]."
    as_json = runner.invoke(app, ["suggest", "-c", "2.2.1", "-a", answer, "--json"])
    data = json.loads(as_json.output)
    assert any(c["kind"] == "standard" for c in data["citations"])
    assert "(Annex B)" in data["rationale"]  # the rationale names the standard readably; the id is in citations
    shown = runner.invoke(app, ["suggest", "-c", "2.2.1", "-a", answer])
    assert shown.exit_code == 0, repr(shown.exception)
    assert "(Annex B)" in shown.output and "[/bold]" in shown.output and "[red]" in shown.output
