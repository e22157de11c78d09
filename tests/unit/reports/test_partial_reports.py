"""Reports of an assessment caught half-way: skipped and "don't know" answers, characteristics nobody
rated, a facilitator's consensus with its reason, and a single stakeholder."""

from __future__ import annotations

import csv
import io
import math
import re

import pytest
from openpyxl import load_workbook
from PIL import Image

from bot.knowledge import KnowledgeBase
from bot.reports.charts import NOW_COLOUR, radar_chart_png, radar_radii, score_bars_png
from bot.reports.html_page import STYLE
from bot.reports.html_report import render_html
from bot.reports.markdown import render_markdown
from bot.reports.spreadsheets import consensus_csv, xlsx_bytes
from bot.reports.tables import SCORE_COLUMNS, score_rows
from bot.scoring.results import AssessmentResult
from bot.scoring.score import score_assessment
from tests.support.partial_assessment import CONSENSUS_REASON, partial_scoring_input


@pytest.fixture(scope="module")
def partial(kb: KnowledgeBase) -> AssessmentResult:
    return score_assessment(partial_scoring_input(kb), kb)


def _text(html: str) -> str:
    """What a reader sees: tags dropped, entities decoded, whitespace flattened."""
    from html import unescape

    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_completeness_counts_only_confirmed_levels_and_says_how_many_were_skipped(partial: AssessmentResult) -> None:
    html, md = _text(render_html(partial)), render_markdown(partial)
    # 7 levels of 93 (3 stakeholders x 31); 6 answers in 1.2 were skipped or "don't know"
    for text in (html, md):
        assert "7 of 93 levels confirmed (8% complete); 6 skipped or don't know; 27 characteristics not rated yet." \
            in text
    assert "Levels confirmed 8% 6 skipped or don't know" in html
    # sub-dimension 1.2: one characteristic of three scored, 1 level of 9 confirmed (11%), 6 skipped
    assert re.search(r"1\.2 Leadership and governance for city-wide change 2\.00 3\.00 \+1\.00 1 of 3 11% 6", html)
    assert "| 1.2 | Leadership and governance for city-wide change | 2.00 | 3.00 | +1.00 | 1/3 | 11% | 6 |" in md
    assert "78%" not in html  # 7 of 9 answered in 1.2, skips included: no longer shown as complete


def test_the_facilitators_reason_is_shown_with_the_consensus(partial: AssessmentResult) -> None:
    html, md = _text(render_html(partial)), render_markdown(partial)
    # Markdown shows the reason escaped ("&" as "&amp;"), so it renders exactly as typed
    for text, reason in ((html, CONSENSUS_REASON), (md, CONSENSUS_REASON.replace("&", "&amp;"))):
        assert f"3 Fulfilled 4 Improving +1 facilitator fay: {reason}" in text.replace(" |", "")
        assert f"3 Fulfilled (facilitator fay: {reason})" in text  # in the disagreements too
    assert "tested every year &amp; published" in render_html(partial)  # escaped in HTML


def test_unrated_characteristics_read_not_rated_never_level_0(partial: AssessmentResult) -> None:
    html, md = _text(render_html(partial)), render_markdown(partial)
    assert "1.1.2 A smart-enabled city vision and strategy not rated not rated not rated 0 of 3 confirmed" in html
    assert "1.2.2 Open and collaborative governance for city-wide change not rated not rated not rated 0 of 3 " \
           "confirmed; 3 skipped or don't know" in html
    assert "| 1.1.2 | A smart-enabled city vision and strategy | not rated | not rated |  | not rated |" in md
    rows = list(csv.DictReader(io.StringIO(consensus_csv(partial).decode("utf-8-sig"))))
    unrated = next(r for r in rows if r["characteristic"] == "1.1.2")
    assert (unrated["consensus_now"], unrated["consensus_now_source"]) == ("", "none")
    assert next(r for r in rows if r["characteristic"] == "4.3")["consensus_reason"] == CONSENSUS_REASON


def test_the_radar_leaves_a_gap_where_nothing_is_rated(partial: AssessmentResult) -> None:
    radii = radar_radii([c.consensus_now for c in partial.characteristics])
    assert sum(math.isnan(r) for r in radii) == 27 and 0.0 not in radii
    # four isolated rated points: markers only, no line drawn through the unrated ones to join them
    image = Image.open(io.BytesIO(radar_chart_png(partial))).convert("RGB")
    blue = sum(count for count, colour in image.getcolors(maxcolors=1 << 20) or []
               if colour == tuple(int(NOW_COLOUR[i:i + 2], 16) for i in (1, 3, 5)))
    assert 0 < blue < 300


def test_the_weakest_are_ranked_among_rated_characteristics_only(partial: AssessmentResult) -> None:
    assert [w.characteristic for w in partial.weakest] == ["1.3.1", "1.2.1", "1.1.1", "4.3"]
    assert len(partial.not_rated) == 27 and "1.1.2" in partial.not_rated
    for text in (_text(render_html(partial)), render_markdown(partial)):
        assert "ranked among the 4 rated characteristics (ties by id). 27 characteristics are not rated yet and " \
               "not ranked: 1.1.2, 1.2.2," in text


def test_one_stakeholder_is_singular(kb: KnowledgeBase) -> None:
    alone = score_assessment(partial_scoring_input(kb, stakeholders=["ana"]), kb)
    html, md = _text(render_html(alone)), render_markdown(alone)
    assert "1 stakeholder ·" in html and "1 stakeholder;" in md
    assert "1 stakeholders" not in html and "1 stakeholders" not in md


def test_spreadsheets_carry_the_confirmed_counts(partial: AssessmentResult) -> None:
    assert SCORE_COLUMNS[-3:] == ("rated", "dont_know_or_skipped", "rated_percent")
    row = dict(zip(SCORE_COLUMNS, next(r for r in score_rows(partial) if r[1] == "1.2"), strict=True))
    assert (row["completeness_percent"], row["rated"], row["dont_know_or_skipped"], row["rated_percent"]) == (
        78, 1, 6, 11)
    sheet = load_workbook(io.BytesIO(xlsx_bytes(partial)))["Scores"]
    assert [cell.value for cell in sheet[1]][-1] == "rated_percent"


def test_bar_labels_are_wrapped_between_words_not_cut() -> None:
    from bot.reports.charts import _wrapped

    label = _wrapped("3.1 Managing smart city developments and infrastructures")
    assert label.replace("\n", " ") == "3.1 Managing smart city developments and infrastructures"
    assert "…" not in label and all(len(line) <= 40 for line in label.splitlines())
    assert _wrapped("1.2 Leadership and governance for city-wide change").endswith("city-wide change")


def test_bars_say_not_rated_where_a_group_has_no_score(partial: AssessmentResult) -> None:
    png = score_bars_png(partial)
    assert Image.open(io.BytesIO(png)).format == "PNG"


def test_in_print_a_caption_keeps_its_rows() -> None:
    """Checked in Chromium's print-to-PDF: without these rules a caption can end a page alone."""
    print_rules = STYLE[STYLE.index("@media print"):]
    assert "thead { break-after: avoid; }" in print_rules
    assert "tbody tr:first-child, tbody tr:nth-child(2) { break-before: avoid; }" in print_rules


def test_slack_and_terminal_summaries_count_confirmed_levels_too(partial: AssessmentResult) -> None:
    from rich.console import Console

    from bot.adapters.slack.review_blocks import results_summary_blocks, results_summary_text
    from bot.adapters.terminal.review import render_result

    blocks = str(results_summary_blocks(partial))
    assert "8% of levels confirmed, 6 skipped or don't know (3 stakeholders)" in blocks
    assert "8% of levels confirmed" in results_summary_text(partial)
    console = Console(record=True, width=120, color_system=None)
    render_result(console, partial)
    assert "8% of levels confirmed, 6 skipped or don't know" in console.export_text()
