"""Suggestions waiting for confirmation, in the App Home and in `mmssc review`: settled or not, never a
confidence number (it separates right from wrong suggestions too weakly to be read as one)."""

from __future__ import annotations

import json
from datetime import datetime

from rich.console import Console

from bot.adapters.slack.review_blocks import facilitator_review_blocks
from bot.adapters.terminal.review import render_review
from bot.interview.messages import Horizon, Step
from bot.services.assessments import AssessmentDetail
from bot.services.facilitation import ReviewReport
from bot.storage.records import PendingRecord

SINCE = datetime(2026, 3, 1, 9, 30)


def review() -> ReviewReport:
    waiting = [PendingRecord(stakeholder="UANA", characteristic="1.1.1", horizon=Horizon.NOW,
                             step=Step.AWAIT_CONFIRM_NOW, suggested_level=3, confidence=0.87, since=SINCE,
                             settled=False),
               PendingRecord(stakeholder="UBOB", characteristic="1.1.2", horizon=Horizon.NOW,
                             step=Step.AWAIT_CONFIRM_NOW, suggested_level=2, confidence=0.64, since=SINCE)]
    return ReviewReport(assessment="Riverton 2026", pending=waiting, confirmations=[], disagreements=[], consensus=[])


def test_the_app_home_says_whether_a_waiting_suggestion_is_settled() -> None:
    detail = AssessmentDetail.model_validate({"name": "Riverton 2026", "community": "Riverton", "cycle": "2026",
                                              "created_at": SINCE.isoformat(), "created_by": "UFAC",
                                              "knowledge_version": "k", "facilitators": [], "stakeholders": [],
                                              "progress": []})
    text = json.dumps(facilitator_review_blocks(review(), detail), ensure_ascii=False)
    assert "suggested 3, not settled" in text and "suggested 2, settled" in text
    assert "%" not in text and "confidence" not in text


def test_mmssc_review_says_whether_a_waiting_suggestion_is_settled() -> None:
    console = Console(record=True, width=140, color_system=None)
    render_review(console, review())
    printed = console.export_text()
    assert "Settled" in printed and "not settled" in printed
    assert "0.87" not in printed and "Confidence" not in printed
