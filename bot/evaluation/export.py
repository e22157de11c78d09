"""Real use becomes eval data: an assessment's human-confirmed levels as eval cases.

    summary = export_assessment(database, kb, "Lisbon 2026", Path("evals/cases/lisbon"))
    # then: mmssc eval --cases evals/cases/lisbon

Each stakeholder's latest level settled on a suggestion becomes a level case (the words the engine saw, the
level people settled on: the facilitator's consensus where one is set, else the person's own, overrides
included); where probes were asked it also becomes a dialogue case, the replies keyed by the probed level.
People appear as s1, s2... (in name order), never by name.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel

from bot.evaluation.cases import DIALOGUES_FILE, LEVELS_FILE
from bot.interview.messages import Outcome
from bot.knowledge import KnowledgeBase
from bot.storage import Database
from bot.storage.assessments import get_assessment
from bot.storage.exports import confirmed_answers
from bot.storage.records import ConfirmationRecord, ConfirmedAnswerRecord, ConsensusRecord
from bot.storage.review import latest_confirmations, latest_consensus
from bot.suggestion.models import Horizon, ProbeAnswer

# a button pressed without words, as the simulated stakeholder will say it
BUTTON_WORDS = {ProbeAnswer.YES: "Yes.", ProbeAnswer.PARTLY: "Partly.", ProbeAnswer.NO: "No.",
                ProbeAnswer.NOT_YET: "Not yet.", ProbeAnswer.UNSURE: "Not sure."}


class ExportSummary(BaseModel):
    assessment: str
    directory: str
    levels: int  # level cases written (both horizons)
    two_years: int  # ... of which for the two-year question
    dialogues: int
    from_consensus: int  # cases whose level is the facilitator's consensus
    overridden: int  # cases whose person chose another level than the suggestion


def export_assessment(database: Database, kb: KnowledgeBase, assessment: str, directory: Path) -> ExportSummary:
    """Write levels.jsonl and dialogues.jsonl (both always written, so a second export replaces the first)."""
    with database.reading() as session:
        record = get_assessment(session, assessment)
        answers = confirmed_answers(session, record.id)
        confirmations = latest_confirmations(session, record.id)
        consensus = latest_consensus(session, record.id)
    levels, dialogues = eval_cases(record.name, answers, confirmations, consensus, kb.characteristic_ids)
    directory.mkdir(parents=True, exist_ok=True)
    for name, rows in ((LEVELS_FILE, levels), (DIALOGUES_FILE, dialogues)):
        (directory / name).write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                                      encoding="utf-8")
    written = [a for a in answers if _case_of(a)]
    return ExportSummary(
        assessment=record.name, directory=str(directory), levels=len(levels),
        two_years=sum(row.get("horizon") == Horizon.TWO_YEARS.value for row in levels), dialogues=len(dialogues),
        from_consensus=sum(_consensus_level(a, consensus) is not None for a in written),
        overridden=sum(a.outcome == Outcome.OVERRIDDEN for a in written))


def eval_cases(assessment: str, answers: list[ConfirmedAnswerRecord], confirmations: list[ConfirmationRecord],
               consensus: list[ConsensusRecord], order: list[str]) -> tuple[list[dict[str, object]],
                                                                             list[dict[str, object]]]:
    """The level and dialogue cases, as the JSON objects of the case files (pure)."""
    people = {name: f"s{number}" for number, name in enumerate(sorted({a.stakeholder for a in answers}), start=1)}
    agreed = {c.characteristic: c for c in consensus}
    recorded_now = {(c.stakeholder, c.characteristic): c.level for c in confirmations
                    if c.horizon == Horizon.NOW and c.level is not None}
    position = {characteristic: index for index, characteristic in enumerate(order)}
    prefix = re.sub(r"[^a-z0-9]+", "-", assessment.lower()).strip("-") or "assessment"
    levels: list[dict[str, object]] = []
    dialogues: list[dict[str, object]] = []
    ranked = sorted((a for a in answers if _case_of(a)),
                    key=lambda a: (people[a.stakeholder], position.get(a.characteristic, len(position)),
                                   a.horizon != Horizon.NOW))
    for answer in ranked:
        expected = _expected(answer, consensus)
        horizon = {}
        if answer.horizon == Horizon.TWO_YEARS:
            settled = agreed.get(answer.characteristic)
            now = settled.level_now if settled else recorded_now.get((answer.stakeholder, answer.characteristic))
            horizon = {"horizon": Horizon.TWO_YEARS.value, **({"level_now": now} if now else {})}
        case_id = (f"{prefix}-{people[answer.stakeholder]}-{answer.characteristic}-"
                   f"{'now' if answer.horizon == Horizon.NOW else '2y'}")
        levels.append({"id": case_id, "characteristic": answer.characteristic, "answer": answer.answer,
                       "expected_level": expected, "acceptable_levels": [expected], **horizon})
        if answer.exchanges:
            replies: dict[str, str] = {}
            for exchange in answer.exchanges:
                said = exchange.reply or (BUTTON_WORDS[exchange.answer] if exchange.answer else "")
                key = str(exchange.probe.level)
                replies[key] = f"{replies[key]}\n\n{said}" if key in replies else said
            dialogues.append({"id": case_id, "characteristic": answer.characteristic, "opening": answer.answer,
                              "replies": dict(sorted(replies.items())), "expected_level": expected,
                              "acceptable_levels": [expected], **horizon})
    return levels, dialogues


def _case_of(answer: ConfirmedAnswerRecord) -> bool:
    return bool(answer.answer.strip())


def _consensus_level(answer: ConfirmedAnswerRecord, consensus: list[ConsensusRecord]) -> int | None:
    settled = next((c for c in consensus if c.characteristic == answer.characteristic), None)
    if settled is None:
        return None
    return settled.level_now if answer.horizon == Horizon.NOW else settled.level_two_years


def _expected(answer: ConfirmedAnswerRecord, consensus: list[ConsensusRecord]) -> int:
    """The facilitator's consensus where one is set (for two years, where that level was given), else the
    person's own settled level."""
    agreed = _consensus_level(answer, consensus)
    return agreed if agreed is not None else answer.level
