"""The terminal channel and the CLI: `mmssc chat` with piped input, `assessment`, `review`, `results`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.adapters.cli.main import app
from bot.config import PROJECT_ROOT, Settings
from bot.interview.messages import Horizon, Outcome, Role
from bot.knowledge import KnowledgeBase
from bot.storage import Database
from bot.storage.assessments import get_assessment, get_participant
from bot.storage.interviews import answers_of, latest_outcomes

pytestmark = pytest.mark.integration
DEMO = "Demo community 2026"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("MMSSC_DATA_DIR", str(data))
    monkeypatch.setenv("MMSSC_EMBEDDER", "hashing")
    return data


def mmssc(*arguments: str, stdin: str | None = None) -> str:
    run = CliRunner().invoke(app, list(arguments), input=stdin)
    assert run.exit_code == 0, run.output + repr(run.exception)
    return run.output


def _outcomes(data_dir: Path, who: str, horizon: Horizon = Horizon.NOW) -> dict[str, tuple[Outcome, int | None]]:
    database = Database.connect(Settings(data_dir=data_dir))
    try:
        with database.session() as session:
            participant = get_participant(session, get_assessment(session, DEMO), who, Role.STAKEHOLDER)
            return latest_outcomes(session, participant.id, horizon)
    finally:
        database.dispose()


def test_assessment_create_list_show(data_dir: Path) -> None:
    output = mmssc("assessment", "create", "Lisbon 2026", "--facilitator", "ana", "--stakeholder", "rui",
                   "--stakeholder", "eva")
    assert "community Lisbon, cycle 2026" in output
    listed = json.loads(mmssc("assessment", "list", "--json"))
    assert [(a["name"], a["community"], a["cycle"], a["facilitators"], a["stakeholders"]) for a in listed] == [
        ("Lisbon 2026", "Lisbon", "2026", ["ana"], ["eva", "rui"])]
    assert "Lisbon 2026" in mmssc("assessment", "list")
    mmssc("assessment", "add", "Lisbon 2026", "--stakeholder", "zed")
    shown = json.loads(mmssc("assessment", "show", "Lisbon 2026", "--json"))
    assert [(p["stakeholder"], p["progress"]["done"], p["step"]) for p in shown["progress"]] == [
        ("eva", 0, "not_started"), ("rui", 0, "not_started"), ("zed", 0, "not_started")]
    assert "rui" in mmssc("assessment", "show", "Lisbon 2026")


@pytest.mark.parametrize(("arguments", "message"), [
    (["assessment", "create", "Lisbon", "--facilitator", "ana"], "--cycle"),
    (["assessment", "create", "Lisbon 2026", "--facilitator", "  "], "must not be empty"),
    (["assessment", "show", "Nowhere"], "No assessment named 'Nowhere'"),
    (["review", "Nowhere"], "No assessment named"),
    (["results", "Nowhere"], "No assessment named"),
])
def test_mistakes_get_a_clear_message_and_exit_code_2(data_dir: Path, arguments: list[str], message: str) -> None:
    run = CliRunner().invoke(app, arguments)
    assert run.exit_code == 2
    assert message in run.output


def test_a_piped_interview_restart_edit_review_and_results(data_dir: Path, kb: KnowledgeBase) -> None:
    first, second, third, fourth = kb.characteristic_ids[:4]
    lines = [
        "Our city strategy was adopted by the council in 2019 and sets outcome targets.",
        "4 because we track the targets every quarter",
        "same",
        "skip",
        "7",
        "",
        "/frobnicate",
        "x" * 50_000,
        "\x1b[31mWe have\x07 a digital\x00 plan.\x1b[0m",
        "suggest now",  # the answer reads as off topic: a probe is asked, set aside here
        "don't know",
        "status",
    ]
    output = mmssc("chat", "--assessment", DEMO, "--stakeholder", "alice", stdin="\n".join(lines) + "\n")
    assert f"Created the assessment '{DEMO}'" in output and "Added alice as a stakeholder" in output
    assert "not a level" in output and "Please type an answer" in output and "Unknown command '/frobnicate'" in output
    assert "50,000 characters" in output
    assert "3/31" in output
    assert "Everything is saved" in output
    now = _outcomes(data_dir, "alice")
    assert now[second] == (Outcome.SKIPPED, None) and now[third] == (Outcome.DONT_KNOW, None)
    assert now[first][1] == 4 and now[first][0] in (Outcome.CONFIRMED, Outcome.OVERRIDDEN)  # whatever was suggested
    assert _outcomes(data_dir, "alice", Horizon.TWO_YEARS) == {first: (Outcome.CHOSEN, 4)}
    database = Database.connect(Settings(data_dir=data_dir))
    with database.session() as session:
        alice = get_participant(session, get_assessment(session, DEMO), "alice", Role.STAKEHOLDER)
        answers = [a.text for a in answers_of(session, alice.id)]
    database.dispose()
    assert answers == [lines[0], "x" * 50_000, "We have a digital plan."]

    # a second session resumes at the fourth characteristic; an edit goes back and returns
    again = mmssc("chat", "--assessment", DEMO, "--stakeholder", "alice",
                  stdin=f"edit {first}\n2 because we stopped tracking\n3\n")
    assert "Created" not in again and "question 4 of 31" in again
    assert _outcomes(data_dir, "alice")[first] == (Outcome.CHOSEN, 2)
    assert _outcomes(data_dir, "alice", Horizon.TWO_YEARS)[first] == (Outcome.CHOSEN, 3)
    assert again.rstrip().count("question 4 of 31") == 2  # before the edit, and back after it

    # a second stakeholder disagrees; the facilitator (alice, who created it) sets a consensus
    mmssc("chat", "--assessment", DEMO, "--stakeholder", "bob", stdin="5 because we lead\n5\n")
    review = json.loads(mmssc("review", DEMO, "--json"))
    assert [(d["characteristic"], d["spread"]) for d in review["disagreements"]] == [(first, 3)]  # levels now
    refused = CliRunner().invoke(app, ["review", DEMO, "--consensus", first, "--level-now", "3", "--reason", "x",
                                       "--facilitator", "bob"])
    assert refused.exit_code == 2 and "Only a facilitator" in refused.output
    mmssc("review", DEMO, "--consensus", first, "--level-now", "3", "--level-two-years", "4",
          "--reason", "workshop on 3 March", "--facilitator", "alice")
    assert "workshop on 3 March" in mmssc("review", DEMO)

    results = json.loads(mmssc("results", DEMO, "--json"))
    assert results["knowledge_version"] == kb.version and len(results["sha256"]) == 64
    assert next(c for c in results["result"]["characteristics"] if c["id"] == first)["consensus_now"] == 3
    assert json.loads(mmssc("results", DEMO, "--json")) == results  # the same bytes, the same hash
    assert results["sha256"] in mmssc("results", DEMO)


def test_chat_reads_a_real_pipe_one_reply_per_line(tmp_path: Path) -> None:
    """`mmssc chat` as `make run` starts it, with standard input a pipe rather than a terminal."""
    environment = {**os.environ, "MMSSC_DATA_DIR": str(tmp_path / "data"), "MMSSC_EMBEDDER": "hashing",
                   "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    run = subprocess.run([sys.executable, "-m", "bot", "chat", "--assessment", DEMO, "--stakeholder", "pipe"],
                         input="3 because we publish it\n4\nstatus\n", capture_output=True, text=True,
                         cwd=PROJECT_ROOT, env=environment, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert "Recorded for 1.1.1 now: level 3" in run.stdout
    assert "Recorded for 1.1.1 in two years: level 4" in run.stdout
    assert "1/31" in run.stdout


def test_bench_storage_reports_answer_and_scoring_times(data_dir: Path) -> None:
    report = json.loads(mmssc("bench", "storage", "--stakeholders", "2", "--json"))
    assert (report["database"], report["stakeholders"], report["characteristics"]) == ("sqlite", 2, 31)
    counts = {t["step"]: t["count"] for t in report["timings"]}
    assert counts["level in two years"] == 62 and sum(counts.values()) == 62 + 62 + 31 + 5
    assert all(0 < t["p50_ms"] <= t["p95_ms"] <= t["max_ms"] for t in report["timings"])


def test_review_reads_in_words_and_refuses_consensus_flags_without_consensus(data_dir: Path, kb: KnowledgeBase) -> None:
    first = kb.characteristic_ids[0]
    mmssc("chat", "--assessment", DEMO, "--stakeholder", "alice", stdin="1 because nothing is published\n1\nhello\n")
    mmssc("assessment", "add", DEMO, "--stakeholder", "bob")
    mmssc("chat", "--assessment", DEMO, "--stakeholder", "bob", stdin="4 because we track it\n5\n")
    shown = mmssc("review", DEMO)
    assert "two_years" not in shown and "Disagreements: 1 (levels now 2 or more apart)" in shown
    if "Suggestions waiting" in shown:  # "hello" may get a follow-up question: shown as such, not "none 0.00"
        assert "none" not in shown and "0.00" not in shown
    ignored = CliRunner().invoke(app, ["review", DEMO, "--level-now", "3", "--facilitator", "alice"])
    assert ignored.exit_code == 2 and "add --consensus ID" in ignored.output
    done = mmssc("review", DEMO, "--consensus", first, "--level-now", "2", "--level-two-years", "4",
                 "--reason", "workshop", "--facilitator", "alice")
    assert f"Consensus for {first} set to 2 now, 4 in two years by alice." in done
