"""`mmssc index`, `mmssc ask` and `mmssc bench retrieval` as a user runs them (hashing embedder, real Chroma)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.adapters.cli.main import app
from bot.knowledge import KnowledgeBase
from bot.retrieval.documents import build_index_documents

pytestmark = pytest.mark.integration
runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"MMSSC_DATA_DIR": str(tmp_path / "data"), "MMSSC_EMBEDDER": "hashing"}


@pytest.fixture
def documents(kb: KnowledgeBase) -> int:
    return len(build_index_documents(kb))


def test_index_says_what_it_did(env, documents):
    first = runner.invoke(app, ["index"], env=env)
    assert first.exit_code == 0, first.output
    assert f"Built: {documents} documents" in first.output and "there was no index yet" in first.output
    second = runner.invoke(app, ["index"], env=env)
    assert f"Up to date: {documents} documents" in second.output
    forced = runner.invoke(app, ["index", "--rebuild", "--json"], env=env)
    report = json.loads(forced.stdout)
    assert (report["action"], report["reason"]) == ("rebuilt", "a rebuild was asked for")
    assert report["documents"] == documents


def test_ask_json_has_the_contract_fields(env):
    result = runner.invoke(app, ["ask", "--json", "is there an ISO standard for an open data portal?"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"question", "answer", "standards", "relevant", "kind", "topics"} <= set(data)
    assert data["kind"] == "matched" and data["relevant"] is True
    assert data["standards"][0]["id"] == "ISO 37106" and data["standards"][0]["ref"] == "B8"
    assert data["standards"][0]["reference"] == "ISO 37106, sub-component B8 (Annex B)"
    assert all({"id", "ref", "why", "source", "reference", "paired_with"} <= set(hit) for hit in data["standards"])


def test_ask_prints_a_readable_table_without_machine_ids(env):
    result = runner.invoke(app, ["ask", "open data portal for startups"], env=env)
    assert result.exit_code == 0, result.output
    assert "Standards that help, best first" in result.output
    assert "ISO 37106, sub-component B8" in result.output and "annexB" not in result.output


def test_ask_shows_a_partner_and_why_it_follows(env):
    result = runner.invoke(app, ["ask", "management system for sustainable development of communities"], env=env)
    assert result.exit_code == 0, result.output
    assert "ISO 37101" in result.output and "named with ISO 37101 in the draft" in result.output


def test_ask_says_plainly_when_nothing_is_relevant(env):
    result = runner.invoke(app, ["ask", "How do I bake sourdough bread?"], env=env)
    assert result.exit_code == 0 and "No standard found" in result.output
    data = json.loads(runner.invoke(app, ["ask", "--json", "How do I bake sourdough bread?"], env=env).stdout)
    assert (data["kind"], data["relevant"], data["standards"], data["topics"]) == ("nothing", False, [], [])


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "The question is empty"), ("   ", "The question is empty"), ("a" * 10_001, "too long")],
)
def test_invalid_questions_exit_2_without_a_trace(env, question, message):
    result = runner.invoke(app, ["ask", question], env=env)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_bench_retrieval_reports_json(env, documents):
    result = runner.invoke(app, ["bench", "retrieval", "--json", "--questions", "20", "--no-cold-start"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["warm_questions"] == 20 and data["documents"] == documents
    assert 0 < data["warm_p50_ms"] <= data["warm_p95_ms"] <= data["warm_max_ms"]
    assert data["index_build_seconds"] > 0 and data["cold_start_seconds"] is None
