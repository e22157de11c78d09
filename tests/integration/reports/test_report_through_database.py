"""`mmssc report` on an assessment stored in real SQLite (and PostgreSQL when scripts/test.sh started it)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from bot.adapters.cli.main import app
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.scoring.results import AssessmentResult
from bot.scoring.score import score_assessment
from bot.services.results import stored_assessment_result
from bot.storage.database import Database
from bot.storage.results import stored_results
from tests.integration.reports.conftest import store_scoring_input
from tests.integration.storage.backends import POSTGRES_URL, fresh_database
from tests.support.sample_assessment import sample_scoring_input

pytestmark = pytest.mark.integration
NAME = "Sample city 2026"


@pytest.fixture
def stored(kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A six-stakeholder assessment in the SQLite database the CLI will open; returns the data dir."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = Database.connect(Settings(data_dir=data_dir))
    store_scoring_input(database, sample_scoring_input(kb, stakeholders=6))
    database.dispose()
    monkeypatch.setenv("MMSSC_DATA_DIR", str(data_dir))
    monkeypatch.setenv("MMSSC_EMBEDDER", "hashing")
    return data_dir


def _same_scores(a: AssessmentResult, b: AssessmentResult) -> None:
    for field in ("characteristics", "sub_dimensions", "dimensions", "overall", "weakest", "largest_gaps",
                  "disagreements", "completeness", "stakeholders"):
        assert getattr(a, field) == getattr(b, field), field


def test_json_report_is_the_scored_stored_assessment(stored: Path, kb: KnowledgeBase, tmp_path: Path) -> None:
    out = tmp_path / "out" / "result.json"
    run = CliRunner().invoke(app, ["report", NAME, "--format", "json", "--out", str(out)])
    assert run.exit_code == 0, run.output
    result = AssessmentResult.model_validate_json(out.read_text(encoding="utf-8"))
    assert result.sha256 in run.output
    # the database round trip keeps every level: same scores as scoring the inputs directly
    _same_scores(result, score_assessment(sample_scoring_input(kb, stakeholders=6), kb))
    database = Database.connect(Settings(data_dir=stored))
    with database.session() as session:
        kept = stored_results(session, NAME)
    database.dispose()
    assert [(r.sha256, r.knowledge_version) for r in kept] == [(result.sha256, kb.version)]
    assert json.loads(kept[0].result_json) == json.loads(out.read_text(encoding="utf-8"))
    # a second report of unchanged data gives the same bytes and stores nothing new
    again = tmp_path / "again.json"
    assert CliRunner().invoke(app, ["report", NAME, "--format", "json", "--out", str(again)]).exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_every_format_and_the_chart_from_the_cli(stored: Path, tmp_path: Path) -> None:
    for report_format in ("html", "md", "csv", "xlsx"):
        out = tmp_path / f"report.{report_format}"
        args = ["report", NAME, "--format", report_format, "--out", str(out)]
        if report_format == "html":
            args += ["--chart", str(tmp_path / "radar.png")]
        run = CliRunner().invoke(app, args)
        assert run.exit_code == 0, run.output
        assert out.stat().st_size > 1000
    assert "Where stakeholders disagree" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "## Method" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert (tmp_path / "report-consensus.csv").read_text(encoding="utf-8-sig").count("\n") == 32
    assert len(list(load_workbook(tmp_path / "report.xlsx")["Stakeholders"].values)) == 6 * 31 + 1
    assert (tmp_path / "radar.png").read_bytes().startswith(b"\x89PNG")


def test_unknown_assessment_and_nothing_to_write_are_clear_errors(stored: Path, tmp_path: Path) -> None:
    run = CliRunner().invoke(app, ["report", "Sample city 2062", "--out", str(tmp_path / "x.html")])
    assert run.exit_code == 2
    assert "No assessment named 'Sample city 2062'" in run.output and "Sample city 2026" in run.output
    run = CliRunner().invoke(app, ["report", NAME])
    assert run.exit_code == 2 and "--out" in run.output


@pytest.fixture
def postgres_database(tmp_path: Path) -> Iterator[Database]:
    """A throwaway database on the PostgreSQL server scripts/test.sh starts."""
    if not POSTGRES_URL:
        pytest.skip("MMSSC_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)")
    with fresh_database("postgresql", tmp_path) as database:
        yield database


@pytest.mark.postgres
def test_postgres_and_sqlite_give_the_same_results_hash(postgres_database: Database, kb: KnowledgeBase,
                                                        tmp_path: Path) -> None:
    inputs = sample_scoring_input(kb, stakeholders=6)
    sqlite = Database.from_url(f"sqlite:///{tmp_path / 'mmssc.db'}")
    store_scoring_input(sqlite, inputs)
    store_scoring_input(postgres_database, inputs)
    from_sqlite = stored_assessment_result(sqlite, kb, NAME)
    from_postgres = stored_assessment_result(postgres_database, kb, NAME)
    sqlite.dispose()
    assert from_postgres.canonical_json() == from_sqlite.canonical_json()
    _same_scores(from_postgres, score_assessment(inputs, kb))
