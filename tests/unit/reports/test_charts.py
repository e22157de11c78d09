import io

from PIL import Image

from bot.knowledge import KnowledgeBase
from bot.reports.charts import LATER_COLOUR, NOW_COLOUR, radar_chart_png, score_bars_png
from bot.scoring.inputs import ScoringInput
from bot.scoring.results import AssessmentResult
from bot.scoring.score import score_assessment


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _colours(png: bytes) -> dict[tuple[int, int, int], int]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {colour: count for count, colour in image.getcolors(maxcolors=1 << 20)}


def test_radar_is_a_real_png_with_both_series(sample_result: AssessmentResult) -> None:
    png = radar_chart_png(sample_result)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width >= 700 and image.height >= 700
    colours = _colours(png)
    assert len(colours) > 50
    assert colours.get(_rgb(NOW_COLOUR), 0) > 200 and colours.get(_rgb(LATER_COLOUR), 0) > 200


def test_bars_show_now_and_two_years(sample_result: AssessmentResult) -> None:
    colours = _colours(score_bars_png(sample_result))
    assert colours.get(_rgb(NOW_COLOUR), 0) > 1000 and colours.get(_rgb(LATER_COLOUR), 0) > 200


def test_the_same_result_gives_byte_identical_charts(sample_result: AssessmentResult) -> None:
    assert radar_chart_png(sample_result) == radar_chart_png(sample_result)
    assert score_bars_png(sample_result) == score_bars_png(sample_result)
    assert b"Software" not in radar_chart_png(sample_result)[:400]


def test_different_levels_give_a_different_radar(sample_result: AssessmentResult, kb: KnowledgeBase) -> None:
    changed = sample_result.model_copy(update={"characteristics": [
        c.model_copy(update={"consensus_now": 5}) if c.id == "1.1.1" else c for c in sample_result.characteristics]})
    assert radar_chart_png(changed) != radar_chart_png(sample_result)


def test_an_unscored_assessment_still_renders(kb: KnowledgeBase) -> None:
    empty = score_assessment(ScoringInput(assessment="Empty", community="E", cycle="1", knowledge_version="x",
                                          stakeholders=[], confirmed=[]), kb)
    assert Image.open(io.BytesIO(radar_chart_png(empty))).format == "PNG"
    assert Image.open(io.BytesIO(score_bars_png(empty))).format == "PNG"
