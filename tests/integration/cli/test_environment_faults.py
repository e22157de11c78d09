"""Every environment fault ends in one line on standard error (what failed, what to do), a non-zero
exit and nothing half-written; a damaged retrieval index is rebuilt on its own. Real processes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import KNOWLEDGE_DIR
from tests.support.environment import clean_environment, read_only_sqlite_url, run_mmssc, unwritable_directory
from tests.support.ports import free_port
from tests.support.slack.mock_web_api import MockSlackWebApi

pytestmark = pytest.mark.integration
ASSESSMENT = "Faults 2026"


def one_clear_line(stderr: str, logged: str = "") -> str:
    """The whole of standard error: exactly one line, saying what kind of error, and no traceback (log lines
    starting with `logged` aside)."""
    lines = [line for line in stderr.splitlines() if line.strip() and not (logged and logged in line)]
    assert len(lines) == 1, stderr
    assert lines[0].startswith(("Error: ", "Knowledge base error: ")) and "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    return clean_environment(MMSSC_DATA_DIR=str(tmp_path / "data"))


@pytest.fixture
def assessed(environment: dict[str, str]) -> dict[str, str]:
    """An assessment with one confirmed level, so reports have something to show."""
    created = run_mmssc(environment, "chat", "-a", ASSESSMENT, "-s", "ana", stdin="3 because we publish it\n4\n")
    assert created.returncode == 0, created.stderr
    return environment


def test_a_report_into_an_unwritable_folder(assessed: dict[str, str], tmp_path: Path) -> None:
    folder = unwritable_directory(tmp_path)
    run = run_mmssc(assessed, "report", ASSESSMENT, "--format", "md", "--out", str(folder / "report.md"))
    line = one_clear_line(run.stderr)
    assert run.returncode == 1 and f"Cannot write {folder / 'report.md'}" in line and "writable" in line
    assert not (folder / "report.md").exists()


def test_a_report_onto_a_folder_and_a_csv_pair_half_writable(assessed: dict[str, str], tmp_path: Path) -> None:
    run = run_mmssc(assessed, "report", ASSESSMENT, "--out", str(tmp_path))
    assert run.returncode == 1 and "it is a folder" in one_clear_line(run.stderr)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "levels-consensus.csv").mkdir()  # the second file of the pair cannot be written
    run = run_mmssc(assessed, "report", ASSESSMENT, "--format", "csv", "--out", str(tmp_path / "out" / "levels.csv"))
    assert run.returncode == 1 and "levels-consensus.csv" in one_clear_line(run.stderr)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["levels-consensus.csv"]  # no levels.csv, no temp


def test_reports_replace_the_old_file_whole(assessed: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("an older report")
    run = run_mmssc(assessed, "report", ASSESSMENT, "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_chat_on_a_read_only_sqlite_file(assessed: dict[str, str], tmp_path: Path) -> None:
    database = tmp_path / "data" / "mmssc.db"
    with sqlite3.connect(database) as connection:
        before = connection.execute("SELECT count(*) FROM events").fetchone()
    read_only = {**assessed, "MMSSC_DATABASE_URL": read_only_sqlite_url(database)}
    run = run_mmssc(read_only, "chat", "-a", ASSESSMENT, "-s", "ana", stdin="We publish a strategy.\n")
    line = one_clear_line(run.stderr)
    assert run.returncode == 1 and "read-only" in line and str(database) in line
    database.chmod(0o644)
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM events").fetchone() == before


def test_a_database_url_where_nothing_listens(environment: dict[str, str]) -> None:
    port = free_port()  # free a moment ago: nothing listens there
    url = f"postgresql+psycopg://mmssc:pw-never-shown-42@127.0.0.1:{port}/mmssc"
    for arguments in (["assessment", "list"], ["chat", "-a", ASSESSMENT, "-s", "ana"]):
        run = run_mmssc({**environment, "MMSSC_DATABASE_URL": url}, *arguments, stdin="hello\n")
        line = one_clear_line(run.stderr)
        assert run.returncode == 1 and f"127.0.0.1:{port}" in line and "MMSSC_DATABASE_URL" in line
        assert "pw-never-shown-42" not in run.stderr + run.stdout


def test_a_setting_that_cannot_be_read(environment: dict[str, str]) -> None:
    run = run_mmssc({**environment, "MMSSC_CHROMA_PORT": "eighty"}, "assessment", "list")
    assert run.returncode == 1 and "MMSSC_CHROMA_PORT" in one_clear_line(run.stderr)


def test_a_damaged_chroma_index_is_rebuilt_on_its_own(environment: dict[str, str], tmp_path: Path) -> None:
    assert run_mmssc(environment, "index").returncode == 0
    catalogue = tmp_path / "data" / "chroma" / "chroma.sqlite3"
    catalogue.write_bytes(b"this is not a database" * 300)
    (tmp_path / "data" / "chroma" / "notes.txt").write_text("not Chroma's: kept")
    asked = run_mmssc(environment, "ask", "an open data portal that startups use", "--json")
    assert asked.returncode == 0, asked.stderr
    assert '"relevant": true' in asked.stdout and "cannot be read" in asked.stderr  # said once, as a warning
    assert (tmp_path / "data" / "chroma" / "notes.txt").read_text() == "not Chroma's: kept"
    catalogue.write_bytes(catalogue.read_bytes()[:4096])  # cut short: "malformed"
    rebuilt = run_mmssc(environment, "index", "--rebuild", "--json")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert run_mmssc(environment, "index", "--json").stdout.count('"up_to_date"') == 1


def test_a_file_where_the_chroma_folder_should_be(environment: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "chroma").write_text("someone's file")
    for arguments in (["index"], ["ask", "an open data portal"]):
        run = run_mmssc(environment, *arguments)
        line = one_clear_line(run.stderr)
        assert run.returncode == 1 and "is a file" in line and "MMSSC_DATA_DIR" in line
    assert (tmp_path / "data" / "chroma").read_text() == "someone's file"


def test_a_knowledge_file_that_is_not_utf8(environment: dict[str, str], tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    (knowledge / "annex_c.json").write_bytes((knowledge / "annex_c.json").read_bytes().replace(b"a", b"\xff", 1))
    run = run_mmssc({**environment, "MMSSC_KNOWLEDGE_DIR": str(knowledge)}, "knowledge", "list")
    line = one_clear_line(run.stderr)
    assert run.returncode == 1 and "annex_c.json" in line and "UTF-8" in line


def test_serve_with_a_token_slack_rejects(environment: dict[str, str]) -> None:
    with MockSlackWebApi() as mock_api:
        mock_api.fail_next("auth.test", "invalid_auth")
        run = run_mmssc({**environment, "SLACK_BOT_TOKEN": "xoxb-rejected-000", "SLACK_SIGNING_SECRET": "s3cr3t-x",
                         "MMSSC_SLACK_API_URL": mock_api.base_url}, "serve", "--port", "0", timeout=120)
    # bolt warns that it reads SLACK_BOT_TOKEN itself but uses the bot's client: a log line of its own
    line = one_clear_line(run.stderr, logged="WARNING slack_bolt.App: As you gave `client` as well")
    assert run.returncode == 2 and "Slack rejected SLACK_BOT_TOKEN (invalid_auth)" in line
    assert "listening" not in run.stdout
    assert "xoxb-rejected-000" not in run.stdout + run.stderr
