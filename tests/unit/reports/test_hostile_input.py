"""Names, communities and reasons are written by anyone who can name an assessment: no report format
may run them as formulas, render them as markup or HTML, or crash on them."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from bot.knowledge import KnowledgeBase
from bot.reports.charts import radar_chart_png
from bot.reports.html_report import render_html
from bot.reports.markdown import render_markdown
from bot.reports.spreadsheets import consensus_csv, stakeholder_csv, xlsx_bytes
from bot.scoring.results import AssessmentResult
from bot.scoring.score import score_assessment
from tests.support.hostile import FORMULAS, MARKUP, hostile_scoring_input
from tests.support.sample_assessment import sample_scoring_input

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as a formula (OWASP)


@pytest.fixture(scope="module")
def hostile(kb: KnowledgeBase) -> AssessmentResult:
    return score_assessment(hostile_scoring_input(kb), kb)


def _csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _is_number(cell: str) -> bool:
    try:
        Decimal(cell)
    except ArithmeticError:
        return False
    return True


@pytest.mark.parametrize("render", [stakeholder_csv, consensus_csv])
def test_no_csv_cell_starts_like_a_formula(hostile: AssessmentResult, render: object) -> None:
    rows = _csv_cells(render(hostile))  # type: ignore[operator]
    cells = [cell for row in rows[1:] for cell in row]
    risky = [cell for cell in cells if cell.startswith(FORMULA_STARTS) and not _is_number(cell)]
    assert risky == []
    assert "'" + FORMULAS[0] in cells  # the assessment's name: neutralised, not dropped
    assert any(cell == "-1" or cell == "1" for cell in cells)  # numbers stay numbers, unprefixed


def test_csv_keeps_every_hostile_stakeholder_name_readable(hostile: AssessmentResult) -> None:
    names = {row[1] for row in _csv_cells(stakeholder_csv(hostile))[1:]}
    assert names == {("'" + n if n.startswith(FORMULA_STARTS) else n) for n in hostile.stakeholders}


def test_xlsx_stores_text_as_strings_and_never_a_formula(hostile: AssessmentResult) -> None:
    data = xlsx_bytes(hostile)
    archive = zipfile.ZipFile(io.BytesIO(data))
    sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
    assert len(sheets) == 4
    for name in sheets:
        assert re.search(rb"<f[ >]", archive.read(name)) is None, name
    workbook = load_workbook(io.BytesIO(data))
    people = workbook["Stakeholders"]
    texts = {cell.value: cell for row in people.iter_rows(min_row=2) for cell in row if isinstance(cell.value, str)}
    for formula in FORMULAS:
        if formula.startswith(("\t", "\r")):
            continue  # whitespace at the start of a cell is not kept exactly by every reader
        cell = texts[formula]  # exactly as given: no apostrophe added to the data itself
        assert cell.data_type == "s" and cell.quotePrefix
    assert people["A2"].value == FORMULAS[0] and people["A2"].data_type == "s"
    assert data == xlsx_bytes(hostile)  # still byte-identical


def test_xlsx_scores_are_numbers_with_two_decimals(kb: KnowledgeBase) -> None:
    result = score_assessment(sample_scoring_input(kb, stakeholders=5), kb)
    scores = load_workbook(io.BytesIO(xlsx_bytes(result)))["Scores"]
    header = [cell.value for cell in scores[1]]
    overall = {column: cell for column, cell in zip(header, scores[2], strict=True)}
    assert overall["score_now"].data_type == "n"
    assert overall["score_now"].value == pytest.approx(float(result.overall.score_now or 0))
    assert overall["score_now"].number_format == "0.00"
    assert overall["gap"].data_type == "n" and overall["gap"].number_format == "+0.00;-0.00;0.00"


def test_markdown_escapes_every_user_supplied_field(hostile: AssessmentResult) -> None:
    text = render_markdown(hostile)
    for live in ("<script", "<img", "<http", "**bold**", "_it_", "`code`", "~~gone~~", "&lt;b&gt;"):
        assert live not in text, live
    assert re.search(r"(?<!\\)\]\(http", text) is None  # a link or an image
    heading = text.splitlines()[0]
    assert heading.startswith("# MMSSC self-assessment: ") and "\\|" not in heading
    community_line = text.splitlines()[2]
    assert community_line.startswith("&lt;script&gt;alert(1)&lt;/script&gt; · cycle \\[click me\\](http://evil")
    assert "\\# Heading" in text and "&amp;lt;b&amp;gt;entity" in text
    assert text == render_markdown(hostile)


def test_a_name_at_the_start_of_a_line_starts_no_heading_or_list(kb: KnowledgeBase) -> None:
    base = sample_scoring_input(kb, stakeholders=2)
    for community, shown in (("# Big", "\\# Big"), ("- item", "\\- item"), ("1. first", "1\\. first")):
        result = score_assessment(base.model_copy(update={"community": community}), kb)
        assert render_markdown(result).splitlines()[2].startswith(f"{shown} · cycle 2026")


def test_html_escapes_every_user_supplied_field(hostile: AssessmentResult) -> None:
    page = render_html(hostile)
    for raw in MARKUP[:2]:
        assert raw not in page
    assert "<script" not in page and "<img src=x" not in page and 'href="http://evil' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page  # a stakeholder's name, shown as text


def test_a_dollar_sign_in_the_name_is_not_chart_math(kb: KnowledgeBase) -> None:
    base = sample_scoring_input(kb, stakeholders=2, assessment="Budget $\\foo{$ 2026")
    assert radar_chart_png(score_assessment(base, kb)).startswith(b"\x89PNG")
