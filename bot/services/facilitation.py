"""A facilitator's review: what waits for confirmation, where stakeholders disagree, and consensus.

Only a facilitator may set a consensus level (moderated multi-stakeholder assessment, draft 5.1).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from pydantic import BaseModel, Field

from bot.errors import InvalidInputError, PermissionDeniedError
from bot.interview.messages import Horizon, Outcome, Role
from bot.interview.text import clean_text
from bot.knowledge import KnowledgeBase
from bot.scoring.aggregate import level_spread  # one definition for the review and the scored result
from bot.storage import Database
from bot.storage.assessments import find_participant, get_assessment, participants
from bot.storage.display_names import display_names
from bot.storage.records import ConfirmationRecord, ConsensusRecord, PendingRecord
from bot.storage.review import latest_confirmations, latest_consensus, pending_suggestions, record_consensus

MAX_REASON_CHARS = 5_000


class Disagreement(BaseModel):
    characteristic: str
    name: str
    horizon: Horizon  # always NOW: disagreements are about the levels now (kept for the channels that show it)
    levels: dict[str, int]  # stakeholder -> confirmed level now
    min: int
    max: int
    spread: int
    consensus: int | None = None  # the consensus level now, when a facilitator set one


class SuggestionsKept(BaseModel):
    """How often people kept the level suggested to them: confirmed it, or chose another (overridden)."""

    confirmed: int = 0
    overridden: int = 0
    share: float | None = None  # confirmed / (confirmed + overridden); None before any


class KeptSuggestions(BaseModel):
    now: SuggestionsKept
    two_years: SuggestionsKept
    overall: SuggestionsKept


class ReviewReport(BaseModel):
    assessment: str
    pending: list[PendingRecord]
    confirmations: list[ConfirmationRecord]
    disagreements: list[Disagreement]
    consensus: list[ConsensusRecord]
    display_names: dict[str, str] = Field(default_factory=dict)  # person -> the name a channel stored for them
    kept: KeptSuggestions = Field(default_factory=lambda: suggestions_kept([]))

    def levels(self, characteristic: str, horizon: Horizon) -> dict[str, int]:
        """Each stakeholder's latest confirmed level of one characteristic and horizon (a level, not don't
        know or skipped): what a channel shows beside a consensus it asks for."""
        return levels_by_characteristic(self.confirmations, horizon).get(characteristic, {})


def levels_by_characteristic(confirmations: Iterable[ConfirmationRecord],
                             horizon: Horizon) -> dict[str, dict[str, int]]:
    """Per characteristic, each stakeholder's latest confirmed level for `horizon` (don't know and skipped,
    which have none, are left out)."""
    levels: dict[str, dict[str, int]] = {}
    for record in confirmations:
        if record.horizon == horizon and record.level is not None:
            levels.setdefault(record.characteristic, {})[record.stakeholder] = record.level
    return levels


def suggestions_kept(confirmations: Iterable[ConfirmationRecord]) -> KeptSuggestions:
    """Of the latest levels settled on a suggested level, how many kept it, per horizon and overall (pure).
    Levels typed without a suggestion, don't know and skipped are not counted."""
    counts = {horizon: [0, 0] for horizon in Horizon}
    for record in confirmations:
        if record.outcome == Outcome.CONFIRMED:
            counts[record.horizon][0] += 1
        elif record.outcome == Outcome.OVERRIDDEN:
            counts[record.horizon][1] += 1

    def kept(confirmed: int, overridden: int) -> SuggestionsKept:
        total = confirmed + overridden
        return SuggestionsKept(confirmed=confirmed, overridden=overridden,
                               share=round(confirmed / total, 4) if total else None)

    now, later = counts[Horizon.NOW], counts[Horizon.TWO_YEARS]
    return KeptSuggestions(now=kept(*now), two_years=kept(*later), overall=kept(now[0] + later[0], now[1] + later[1]))


def find_disagreements(kb: KnowledgeBase, confirmations: Iterable[ConfirmationRecord],
                       consensus: Iterable[ConsensusRecord] = ()) -> list[Disagreement]:
    """Characteristics whose stakeholders' latest confirmed levels **now** are two or more apart, whether or
    not a consensus is set (it is shown beside them), in model order.

    The scored result decides its disagreements with the same `bot.scoring.aggregate.level_spread`, so
    `mmssc review`, Slack's review and the report header count the same characteristics. Two-year levels
    that differ are expectations, not disagreements: they are not listed (docs/scoring.md, "Disagreement").
    """
    levels = levels_by_characteristic(confirmations, Horizon.NOW)
    agreed = {c.characteristic: c for c in consensus}
    order = {cid: index for index, cid in enumerate(kb.characteristic_ids)}
    found = []
    for characteristic, by_person in sorted(levels.items(), key=lambda item: order.get(item[0], len(order))):
        spread = level_spread(by_person.values())
        if spread is None or not spread.disagreement:
            continue
        settled = agreed.get(characteristic)
        found.append(Disagreement(
            characteristic=characteristic, name=kb.characteristic(characteristic).name, horizon=Horizon.NOW,
            levels=dict(sorted(by_person.items())), min=spread.low, max=spread.high, spread=spread.spread,
            consensus=settled.level_now if settled else None))
    return found


def review(database: Database, kb: KnowledgeBase, assessment: str) -> ReviewReport:
    with database.reading() as session:
        record = get_assessment(session, assessment)
        confirmations = latest_confirmations(session, record.id)
        consensus = latest_consensus(session, record.id)
        people = [p.name for p in participants(session, record.id)]
        return ReviewReport(assessment=record.name, pending=pending_suggestions(session, record.id),
                            confirmations=confirmations, consensus=consensus,
                            disagreements=find_disagreements(kb, confirmations, consensus),
                            kept=suggestions_kept(confirmations), display_names=display_names(session, people))


def set_consensus(database: Database, kb: KnowledgeBase, now: datetime, assessment: str, who: str,
                  characteristic: str, level_now: int, level_two_years: int | None, reason: str) -> None:
    characteristic_id = kb.characteristic(characteristic).id
    for level, label in ((level_now, "level now"), (level_two_years, "level in two years")):
        if level is not None and not 1 <= level <= 5:
            raise InvalidInputError(f"The consensus {label} must be 1-5, not {level}.")
    why = clean_text(reason)
    if not why:
        raise InvalidInputError("Give a short reason for the consensus level (it is kept in the audit trail).")
    if len(why) > MAX_REASON_CHARS:
        raise InvalidInputError(f"The reason is too long ({len(why):,} characters; at most {MAX_REASON_CHARS:,}).")
    with database.session() as session:
        record = get_assessment(session, assessment)
        if find_participant(session, record.id, who, Role.FACILITATOR) is None:
            raise PermissionDeniedError(f"Only a facilitator of '{record.name}' may set a consensus level; "
                                        f"'{who}' is not one.")
        record_consensus(session, assessment_id=record.id, characteristic=characteristic_id, level_now=level_now,
                         level_two_years=level_two_years, set_by=who, reason=why, now=now)
