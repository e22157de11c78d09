from bot.reports.markdown import render_markdown
from bot.reports.tables import level_label
from bot.scoring.results import AssessmentResult


def test_markdown_has_the_same_sections_and_numbers(sample_result: AssessmentResult) -> None:
    text = render_markdown(sample_result)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Where the community stands: now and in two years",
        "## Scores by dimension and sub-dimension",
        "## Largest gaps between now and two years",
        "## Where stakeholders disagree",
        "## The weakest characteristics: the next level and the standards that help",
        "## Method",
        "## Provenance",
    ]
    for c in sample_result.characteristics:
        row = next(line for line in text.splitlines() if line.startswith(f"| {c.id} | {c.name} |"))
        assert level_label(sample_result, c.consensus_now) in row
    for item in sample_result.weakest:
        assert f"### {item.characteristic} {item.name}" in text
        assert f"**Next level: {item.next_level} {item.next_level_name}.**" in text
    assert sample_result.sha256 in text and sample_result.knowledge_version in text
    assert text == render_markdown(sample_result)


def test_markdown_table_cells_escape_pipes(sample_result: AssessmentResult) -> None:
    text = render_markdown(sample_result.model_copy(update={"community": "A | B"}))
    row = next(line for line in text.splitlines() if line.startswith("| Community |"))
    assert row == "| Community | A \\| B |"
