import json

from typer.testing import CliRunner

from benchmarks.fusion import ranking_scores
from bot.adapters.cli.main import app


def test_ranking_scores_follow_the_eval_runner_definitions():
    ranked = [["ISO 37106", "ISO 37104"], ["ISO 37120", "ISO 37122", "ISO 37123"], ["ISO 18091"], [],
              ["ISO 37101", "ISO 37106", "ISO 37120", "ISO 37104"]]
    expected = [["ISO 37106"], ["ISO 37123", "ISO 37122"], ["ISO 37101"], ["ISO 37101"], ["ISO 37101", "ISO 37104"]]
    scores = ranking_scores(ranked, expected)
    assert (scores.recall_at_1, scores.recall_at_3) == (0.4, 0.4)  # the last: ISO 37104 is not in the top 3
    assert scores.mrr == round((1 + 1 / 2 + 1) / 5, 4)


def test_bench_fusion_scores_every_candidate_and_both_baselines(tmp_path):
    cases = tmp_path / "cases"
    cases.mkdir()
    lines = [
        {"id": "a", "question": "open and shared city data platform", "expected_standards": ["ISO 37106"]},
        {"id": "b", "question": "clean and responsible waste management", "expected_standards": ["ISO 18091"]},
        {"id": "c", "question": "will it rain tomorrow?", "expected_standards": []},  # off topic: not ranked
    ]
    (cases / "standards.jsonl").write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "fusion", "--cases", str(cases), "--json"],
                                env={"MMSSC_EMBEDDER": "hashing", "MMSSC_DATA_DIR": str(tmp_path / "data")})
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    labels = [row["label"] for row in rows]
    assert "dense only" in labels and "BM25 only" in labels and sum(row["chosen"] for row in rows) == 1
    assert all(0.0 <= row["all"]["mrr"] <= 1.0 for row in rows)
