from __future__ import annotations

import pytest

from bot.knowledge import KnowledgeBase
from bot.scoring.results import AssessmentResult
from bot.scoring.score import score_assessment
from tests.support.sample_assessment import sample_scoring_input


@pytest.fixture(scope="session")
def sample_result(kb: KnowledgeBase) -> AssessmentResult:
    """A 20-stakeholder assessment of all 31 characteristics."""
    return score_assessment(sample_scoring_input(kb, stakeholders=20), kb)


@pytest.fixture(scope="session")
def sample_html(sample_result: AssessmentResult) -> str:
    from bot.reports.html_report import render_html

    return render_html(sample_result)
