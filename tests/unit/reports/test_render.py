import hashlib
from pathlib import Path

import pytest

from bot.reports.render import ReportFormat, consensus_csv_path, write_radar_chart, write_report
from bot.scoring.results import AssessmentResult


def test_json_is_the_canonical_result_and_hashes_to_the_results_hash(sample_result: AssessmentResult,
                                                                      tmp_path: Path) -> None:
    [path] = write_report(sample_result, ReportFormat.JSON, tmp_path / "result.json")
    data = path.read_bytes()
    assert data.decode("utf-8") == sample_result.canonical_json()
    assert hashlib.sha256(data).hexdigest() == sample_result.sha256
    assert AssessmentResult.model_validate_json(data) == sample_result


def test_csv_writes_the_consensus_table_beside_it(sample_result: AssessmentResult, tmp_path: Path) -> None:
    paths = write_report(sample_result, ReportFormat.CSV, tmp_path / "out" / "levels.csv")
    assert paths == [tmp_path / "out" / "levels.csv", tmp_path / "out" / "levels-consensus.csv"]
    assert all(p.stat().st_size > 1000 for p in paths)
    assert consensus_csv_path(Path("results")) == Path("results-consensus.csv")


@pytest.mark.parametrize("report_format", list(ReportFormat))
def test_every_format_is_byte_identical_when_rendered_twice(sample_result: AssessmentResult, tmp_path: Path,
                                                            report_format: ReportFormat) -> None:
    first = write_report(sample_result, report_format, tmp_path / "a" / f"report.{report_format}")
    second = write_report(sample_result, report_format, tmp_path / "b" / f"report.{report_format}")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert all(p.stat().st_size > 1000 for p in first)


def test_radar_chart_file(sample_result: AssessmentResult, tmp_path: Path) -> None:
    path = write_radar_chart(sample_result, tmp_path / "charts" / "radar.png")
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
