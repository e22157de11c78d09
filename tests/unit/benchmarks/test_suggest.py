"""`mmssc bench suggest`: warm latency from the benchmark module, the same JSON fields as before."""

import json
from pathlib import Path

from typer.testing import CliRunner

from benchmarks.suggest import DEFAULT_CASES
from bot.adapters.cli.main import app


def test_bench_suggest_times_every_answer_each_round(tmp_path: Path) -> None:
    cases = tmp_path / "levels.jsonl"
    answers = [{"id": "a", "characteristic": "2.2.1", "answer": "We publish 40 datasets on our open data portal.",
                "expected_level": 3}, {"id": "b", "characteristic": "1.1.1", "answer": "No strategy yet.",
                                       "expected_level": 1}]
    cases.write_text("\n".join(json.dumps(a) for a in answers) + "\n", encoding="utf-8")
    env = {"MMSSC_EMBEDDER": "hashing", "MMSSC_DATA_DIR": str(tmp_path / "data")}
    result = CliRunner().invoke(app, ["bench", "suggest", "--cases", str(cases), "--rounds", "3", "--json"], env=env)
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.stdout)
    assert list(numbers) == ["engine", "embedder", "calls", "warm_up_seconds", "p50_ms", "p95_ms", "max_ms",
                             "p95_target_ms", "meets_target"]
    assert numbers["calls"] == 6 and numbers["embedder"] == "hashing-384" and numbers["p95_target_ms"] == 150.0
    assert 0 <= numbers["p50_ms"] <= numbers["p95_ms"] <= numbers["max_ms"]
    assert numbers["meets_target"] == (numbers["p95_ms"] < 150.0)


def test_bench_suggest_replays_the_dev_cases_by_default_and_names_a_missing_file(tmp_path: Path) -> None:
    assert DEFAULT_CASES.is_file() and DEFAULT_CASES.name == "levels.jsonl"
    env = {"MMSSC_EMBEDDER": "hashing", "MMSSC_DATA_DIR": str(tmp_path / "data")}
    result = CliRunner().invoke(app, ["bench", "suggest", "--cases", str(tmp_path / "none.jsonl")], env=env)
    assert result.exit_code == 2 and "Cannot read the cases file" in result.output
    assert "Traceback" not in result.output
