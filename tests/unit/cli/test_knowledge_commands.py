"""`mmssc knowledge ...` through Typer's runner, as a user would call it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from bot.adapters.cli.main import app

runner = CliRunner()


def test_list_shows_the_tree() -> None:
    result = runner.invoke(app, ["knowledge", "list"])
    assert result.exit_code == 0, result.output
    assert "Strategy management" in result.output and "3.1.3" in result.output and "Wellbeing" in result.output


def test_show_prints_every_level_and_the_standards_that_help() -> None:
    result = runner.invoke(app, ["knowledge", "show", "2.2.1"])
    assert result.exit_code == 0, result.output
    assert "Enabling community innovation with city data" in result.output
    for name in ("Initial", "Partially fulfilled", "Fulfilled", "Improving", "Sustainably optimising"):
        assert name in result.output
    assert "ISO 37106" in result.output and "B8" in result.output


def test_show_a_purpose_lists_iso_18091_functions() -> None:
    result = runner.invoke(app, ["knowledge", "show", "4.2"])
    assert result.exit_code == 0, result.output
    assert "B.4.1" in result.output


def test_unknown_id_lists_the_closest_and_exits_2() -> None:
    result = runner.invoke(app, ["knowledge", "show", "1.2.9"])
    assert result.exit_code == 2
    assert "Unknown characteristic '1.2.9'" in result.output and "1.2.1" in result.output


def test_export_json_has_the_documented_shape() -> None:
    result = runner.invoke(app, ["knowledge", "export", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["version"]) == 64
    assert len(data["characteristics"]) == 31
    first = data["characteristics"][0]
    assert {"id", "name", "dimension", "sub_dimension", "question", "levels"} <= set(first)
    assert [lv["level"] for lv in first["levels"]] == [1, 2, 3, 4, 5]
    assert {"level", "name", "criteria"} <= set(first["levels"][0])
    assert {"id", "title", "description"} <= set(data["standards"][0])
    assert {"sub_dimension", "standard", "ref", "guidance"} <= set(data["annex_b"][0])
    assert {"purpose", "code", "function"} <= set(data["annex_c"][0])
