"""The grounds of a suggested level, gathered from a ladder reading: what a person reads and what is cited.

- `quotes`: the person's words that evidence the rungs up to the level (at level 1, the starting point
  described in so many words);
- `counter`: their words saying a condition is not (fully) in place; `stopping`: those about the next level;
- `replies`: probe replies that confirmed a rung, and the one that stopped the next level;
- `bridged`: levels not described, assumed from the evidence above them;
- `missing`: the next level's conditions not evidenced, and `gap`, the Annex B entry that helps with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.knowledge.models import AnnexBEntry, Characteristic, Condition
from bot.suggestion.condition_index import CharacteristicIndex
from bot.suggestion.explanation import criterion_citation, gap_standard, standard_citation
from bot.suggestion.matching import ConditionEvidence
from bot.suggestion.models import Citation, Evidence, ProbeAnswer, ProbeExchange
from bot.suggestion.rationale import MAX_QUOTE_CHARS, ReplyQuote
from bot.suggestion.reading import LadderReading
from bot.suggestion.rungs import ConditionStatus, RungSource, condition_status
from bot.suggestion.tuning import Tuning


@dataclass(frozen=True)
class Grounds:
    quotes: list[Evidence]
    counter: list[Evidence]
    stopping: list[Evidence]
    relied_replies: list[ReplyQuote]
    stopping_reply: ReplyQuote | None
    bridged: list[int]
    missing: list[Condition]
    gap: AnnexBEntry | None

    def citations(self, characteristic: Characteristic, level: int) -> list[Citation]:
        """The criteria of every level relied on and of the level itself, then the standard that helps."""
        levels = {int(q.criterion.split("/")[1]) for q in self.quotes} | {r.level for r in self.relied_replies}
        cited = [criterion_citation(characteristic, lv) for lv in sorted(levels | {level})]
        return cited + ([standard_citation(self.gap, characteristic)] if self.gap is not None else [])

    def evidence(self, exchanges: list[ProbeExchange]) -> list[Evidence]:
        """The quotes, then each confirming reply as evidence for the conditions its probe asked about."""
        from_replies = [Evidence(quote=reply.words, criterion=condition)
                        for reply in self.relied_replies if reply.words
                        for condition in probed_conditions(exchanges, reply.level)]
        return self.quotes + from_replies


def gather_grounds(characteristic: Characteristic, index: CharacteristicIndex, reading: LadderReading,
                   evidence: list[ConditionEvidence], replies: Mapping[int, tuple[ProbeAnswer, str]],
                   tuning: Tuning) -> Grounds:
    level = reading.level
    assert level is not None
    below = [reading.rungs[lv] for lv in range(2, level + 1)]
    quotes = [_quote(e) for rung in below for e in rung.met if e.support is not None]
    if level == 1:
        quotes = [_quote(e) for e in evidence if e.level == 1 and e.support is not None
                  and condition_status(e, tuning) == ConditionStatus.MET]
    counter = [Evidence(quote=e.against.clause.text, criterion=e.condition.id)
               for rung in reading.rungs.values() for e in rung.denied if e.against is not None]
    # a denial is quoted as its clause: the segment around it may also say what is in place
    following = reading.rungs.get(level + 1)
    next_prefix = f"{characteristic.id}/{level + 1}/"
    met_next = {e.condition.id for e in following.met} if following is not None else set()
    missing = [c for c in characteristic.level(level + 1).conditions if c.id not in met_next] if level < 5 else []
    said = [ReplyQuote(lv, answer, words) for lv, (answer, words) in sorted(replies.items())]
    return Grounds(
        quotes=quotes,
        counter=counter,
        stopping=[c for c in counter if c.criterion.startswith(next_prefix)],
        relied_replies=[r for r in said if r.level <= level and r.answer == ProbeAnswer.YES],
        stopping_reply=next((r for r in said if r.level == level + 1 and r.answer != ProbeAnswer.YES), None),
        bridged=[rung.level for rung in below if rung.source == RungSource.BRIDGED],
        missing=missing,
        gap=gap_standard(index, missing),
    )


def probed_conditions(exchanges: list[ProbeExchange], level: int) -> list[str]:
    """The conditions the latest probe about `level` asked about."""
    for exchange in reversed(exchanges):
        if exchange.probe.level == level:
            return list(exchange.probe.conditions)
    return []


def _quote(evidence: ConditionEvidence) -> Evidence:
    """The words that evidence a condition: the stretch of the answer the clause was split from (up to a
    sentence, a contrast apart), so a quote reads whole; the clause alone when that stretch is long."""
    assert evidence.support is not None
    clause = evidence.support.clause
    quote = clause.segment if clause.segment and len(clause.segment) <= MAX_QUOTE_CHARS else clause.text
    return Evidence(quote=quote, criterion=evidence.condition.id)
