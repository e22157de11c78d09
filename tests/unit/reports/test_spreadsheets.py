import csv
import io
import zipfile
from datetime import UTC, datetime

from openpyxl import load_workbook

from bot.reports.spreadsheets import consensus_csv, stakeholder_csv, xlsx_bytes
from bot.reports.tables import CONSENSUS_COLUMNS, STAKEHOLDER_COLUMNS
from bot.scoring.results import AssessmentResult


def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM, so spreadsheet programs read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_stakeholder_csv_has_one_row_per_stakeholder_and_characteristic(sample_result: AssessmentResult) -> None:
    rows = _rows(stakeholder_csv(sample_result))
    assert len(rows) == len(sample_result.stakeholders) * len(sample_result.characteristics) == 620
    assert list(rows[0]) == list(STAKEHOLDER_COLUMNS)
    for row, level in zip(rows, sample_result.stakeholder_levels, strict=True):
        assert (row["stakeholder"], row["characteristic"], row["status"]) == (
            level.stakeholder, level.characteristic, level.status.value)
        assert row["level_now"] == ("" if level.level_now is None else str(level.level_now))
        assert row["gap"] == ("" if level.gap is None else str(level.gap))
    assert {row["status"] for row in rows} == {"rated", "dont_know", "not_answered"}


def test_consensus_csv_has_one_row_per_characteristic(sample_result: AssessmentResult) -> None:
    rows = _rows(consensus_csv(sample_result))
    assert [row["characteristic"] for row in rows] == [c.id for c in sample_result.characteristics]
    assert list(rows[0]) == list(CONSENSUS_COLUMNS)
    for row, c in zip(rows, sample_result.characteristics, strict=True):
        assert row["consensus_now"] == str(c.consensus_now)
        assert row["spread"] == str(c.spread)
        assert row["disagreement"] == ("yes" if c.disagreement else "no")


def test_xlsx_has_stakeholder_consensus_scores_and_about_sheets(sample_result: AssessmentResult) -> None:
    workbook = load_workbook(io.BytesIO(xlsx_bytes(sample_result)))
    assert workbook.sheetnames == ["Stakeholders", "Consensus", "Scores", "About"]
    people = list(workbook["Stakeholders"].values)
    assert people[0] == STAKEHOLDER_COLUMNS and len(people) == 621
    first = sample_result.stakeholder_levels[0]
    assert people[1][1] == first.stakeholder and people[1][4] == first.characteristic
    assert people[1][7] == first.level_now  # integers stay numbers for spreadsheet formulas
    consensus = list(workbook["Consensus"].values)
    assert len(consensus) == 32 and consensus[1][3] == sample_result.characteristics[0].id
    scores = list(workbook["Scores"].values)
    assert scores[1][:3] == ("overall", "overall", sample_result.overall.name)
    assert scores[1][3] == float(sample_result.overall.score_now or 0)  # a number, shown with two decimals
    about = dict(list(workbook["About"].values)[1:])
    assert about["Results hash (SHA-256 of the canonical JSON)"] == sample_result.sha256
    assert workbook["Stakeholders"].freeze_panes == "A2"


def test_exports_are_byte_identical_for_the_same_result(sample_result: AssessmentResult) -> None:
    data = xlsx_bytes(sample_result)
    assert data == xlsx_bytes(sample_result)
    # never the clock: the document dates are the data's as-of time, the zip entries a fixed date
    properties = load_workbook(io.BytesIO(data)).properties
    assert sample_result.as_of is not None
    as_of = datetime.fromisoformat(sample_result.as_of).astimezone(UTC).replace(tzinfo=None)
    assert properties.modified == properties.created == as_of
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert stakeholder_csv(sample_result) == stakeholder_csv(sample_result)
