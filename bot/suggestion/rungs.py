"""What the answers say about each rung of the ladder: in place, partly, denied, or not described.

Each rung (levels 2-5) is read from four sources, strongest first:
1. a reply to an evidence probe about that rung ("yes", "only in transport", "planned for 2027");
2. the answer to this characteristic's question (its conditions matched clause by clause, `matching.py`);
3. the person's answers to other characteristics (a condition said there is not asked about again);
4. where nothing was said: the rungs around it (a rung below an evidenced one is probably in place,
   people describe their best features first; a rung above all evidence probably is not).

The result is the probability that each rung is in place, which `ladder.py` turns into a level. The
probabilities are in `Tuning`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from bot.knowledge.models import Condition
from bot.suggestion.condition_index import states_a_beginning
from bot.suggestion.ladder import RUNGS
from bot.suggestion.matching import ConditionEvidence
from bot.suggestion.models import ProbeAnswer
from bot.suggestion.tuning import Tuning
from bot.suggestion.words import word_count

# Nothing described at all: every level is as likely as the next. These rung probabilities make the
# five levels equally probable (and, from any rung up, the levels above it), so a probe asks the middle.
THIN_PRESENCE = {2: 0.8, 3: 0.75, 4: 2 / 3, 5: 0.5}


class ConditionStatus(StrEnum):
    MET = "met"
    DENIED = "denied"
    UNCLEAR = "unclear"  # a denial that is weaker than the threshold but outweighs the support
    SILENT = "silent"


class RungSource(StrEnum):
    """Where a rung's presence came from; the rationale says it in words."""

    REPLY = "reply"  # a probe reply about this rung
    SAID = "said"  # the answer evidences (nearly) all its conditions
    PARTLY_SAID = "partly_said"  # some of its conditions
    DENIED = "denied"  # the answer says a condition is not (fully) in place
    STARTING_POINT = "starting_point"  # rung 2 not described, and the answer describes level 1
    BRIDGED = "bridged"  # not described; a rung above it is
    NOT_DESCRIBED = "not_described"  # not described; nothing above it is either


@dataclass(frozen=True)
class Rung:
    level: int
    presence: float  # probability that the rung is in place
    source: RungSource
    firm: bool = False  # evidenced by a strong match (or an explicit reply)
    met: list[ConditionEvidence] = field(default_factory=list)
    denied: list[ConditionEvidence] = field(default_factory=list)
    open_conditions: list[Condition] = field(default_factory=list)  # neither said nor denied anywhere
    reply: ProbeAnswer | None = None

    @property
    def described(self) -> bool:
        return self.source in (RungSource.SAID, RungSource.PARTLY_SAID, RungSource.DENIED, RungSource.REPLY)


def condition_status(evidence: ConditionEvidence, tuning: Tuning) -> ConditionStatus:
    """Met, denied, unclear or silent. When one clause supports a condition and another denies it, the
    later clause wins: people correct themselves ("we have KPIs - well, only for transport")."""
    supported = evidence.support_score >= tuning.support_threshold
    against = evidence.against_score >= tuning.against_threshold
    if supported and against and evidence.support and evidence.against:
        later_denies = evidence.against.clause.start > evidence.support.clause.start
        return ConditionStatus.DENIED if later_denies else ConditionStatus.MET
    if against and evidence.against_score > evidence.support_score:
        return ConditionStatus.DENIED
    if supported:
        return ConditionStatus.MET if evidence.support_score >= evidence.against_score else ConditionStatus.UNCLEAR
    return ConditionStatus.SILENT


def is_contested(evidence: ConditionEvidence, tuning: Tuning) -> bool:
    """Both supported and denied by the answer ("the vision is published ... the vision is mostly slogans")."""
    return evidence.support_score >= tuning.support_threshold and evidence.against_score >= tuning.against_threshold


def is_said_firmly(evidence: ConditionEvidence, statuses: Mapping[str, ConditionStatus], tuning: Tuning) -> bool:
    """Said in so many words: met by a strong match and not contested. Only these are never asked again;
    a loose resemblance is worth a question."""
    return (statuses[evidence.condition.id] == ConditionStatus.MET and evidence.support_score >= tuning.strong_support
            and not is_contested(evidence, tuning))


# A "yes" from this rung up shows the opening under-said; a "yes" to level 2, which describes beginnings, says little
UNDER_SAID_FROM = 3


def read_rungs(
    evidence: list[ConditionEvidence],
    replies: Mapping[int, ProbeAnswer],
    said_earlier: Collection[str],
    tuning: Tuning,
    said_beyond: Collection[int] = (),
) -> dict[int, Rung]:
    """Every rung 2..5 with its presence. `replies`: the reading of each probe reply by rung (the latest
    reply wins); `said_earlier`: condition ids evidenced in the person's answers to other characteristics;
    `said_beyond`: rungs whose reply said they are passed ("more than that"), which makes the rung above worth a
    question."""
    by_level = {level: [e for e in evidence if e.level == level] for level in range(1, 6)}
    statuses = {e.condition.id: condition_status(e, tuning) for e in evidence}
    said = _one_rung_per_clause(
        {level: _from_answer(level, by_level[level], statuses, said_earlier, tuning) for level in RUNGS}, statuses,
        tuning)
    starting_point = any(statuses[e.condition.id] == ConditionStatus.MET for e in by_level[1])

    # a "yes" to a rung the answer did not describe shows the answer under-says: its silence above that rung
    # is no sign of absence, so each level from there up is as likely as the next (`THIN_PRESENCE`)
    under_said = max((level for level, answer in replies.items()
                      if answer == ProbeAnswer.YES and said[level].source != RungSource.SAID), default=6)
    rungs: dict[int, Rung] = {}
    for level in RUNGS:
        rung = said[level]
        if rung.source == RungSource.DENIED and any(said[higher].source == RungSource.SAID and said[higher].firm
                                                    for higher in RUNGS if higher > level):
            rung = with_denials_open(rung)  # the answer contradicts itself: worth a question
        passed = level - 1 in said_beyond and level not in replies
        if rung.source == RungSource.DENIED and (passed or level == under_said + 1 and under_said >= UNDER_SAID_FROM):
            # the opening under-said the rung below ("not really our thing" - "oh, actually yes"): its limit on this
            # one is worth a question too, and caps the level until it is answered
            rung = with_denials_open(rung)
        above = any(said[higher].source in (RungSource.SAID, RungSource.PARTLY_SAID)
                    or replies.get(higher) in (ProbeAnswer.YES, ProbeAnswer.PARTLY)
                    for higher in RUNGS if higher > level)
        if level in replies:
            beginning = states_a_beginning([e.condition for e in by_level[level]], level)
            rung = _replied(rung, replies[level], tuning, beginning)
        elif rung.source == RungSource.PARTLY_SAID and above:
            rung = _with(rung, tuning.presence_partly_said_below, RungSource.PARTLY_SAID)
        elif not rung.described:
            if level == 2 and starting_point and not above:
                rung = _with(rung, tuning.presence_starting_point, RungSource.STARTING_POINT)
            elif above:
                # below a rung answered "yes", the cumulative ladder makes it as likely as a rung described
                confirmed_above = any(replies.get(higher) == ProbeAnswer.YES for higher in RUNGS if higher > level)
                rung = _with(rung, tuning.presence_said if confirmed_above else tuning.presence_bridged,
                             RungSource.BRIDGED)
            else:
                presence = THIN_PRESENCE[level] if level > under_said else tuning.presence_not_described
                rung = _with(rung, presence, RungSource.NOT_DESCRIBED)
        if passed and rung.source == RungSource.NOT_DESCRIBED:
            rung = _with(rung, max(rung.presence, tuning.presence_partly_said), RungSource.NOT_DESCRIBED)
        rungs[level] = rung
    return rungs


def _from_answer(
    level: int,
    conditions: list[ConditionEvidence],
    statuses: Mapping[str, ConditionStatus],
    said_earlier: Collection[str],
    tuning: Tuning,
) -> Rung:
    met = [e for e in conditions if statuses[e.condition.id] == ConditionStatus.MET]
    denied = [e for e in conditions if statuses[e.condition.id] == ConditionStatus.DENIED]
    earlier = [e for e in conditions if e not in met and e not in denied and e.condition.id in said_earlier]
    if denied:  # only a denial that the answer also contradicts is worth asking about
        open_conditions = [e.condition for e in denied if is_contested(e, tuning)]
    else:
        open_conditions = [e.condition for e in conditions
                           if e not in earlier and not is_said_firmly(e, statuses, tuning)]
    firm = any(e.support_score >= tuning.strong_support for e in met)
    share = (len(met) + tuning.earlier_weight * len(earlier)) / len(conditions)
    if denied:
        presence, source = tuning.presence_denied, RungSource.DENIED
    elif met and share >= tuning.level_share:
        presence = tuning.presence_said_firm if firm else tuning.presence_said
        source = RungSource.SAID
    elif met or earlier:
        presence, source = tuning.presence_partly_said, RungSource.PARTLY_SAID
    else:
        presence, source = tuning.presence_not_described, RungSource.NOT_DESCRIBED
    return Rung(level, presence, source, firm, met, denied, open_conditions)


SHORT_CLAUSE = 8  # words: a longer clause can describe two rungs ("a published vision with targets aligned ...")


def _one_rung_per_clause(said: dict[int, Rung], statuses: Mapping[str, ConditionStatus],
                         tuning: Tuning) -> dict[int, Rung]:
    """One clause says one rung firmly: "We put £3m into digital inclusion!" may resemble a plan's funding and
    its partnerships at once, but it cannot settle both. Conditions of a higher rung said firmly only by a clause
    that firmly says a lower rung stay open (worth a probe); the rung's presence is unchanged."""
    lowest_by_clause: dict[tuple[int, int], int] = {}
    for level in sorted(said):
        for evidence in said[level].met:
            if is_said_firmly(evidence, statuses, tuning) and evidence.support:
                span = (evidence.support.clause.start, evidence.support.clause.end)
                lowest_by_clause.setdefault(span, level if word_count(evidence.support.clause.text) <= SHORT_CLAUSE
                                            else 6)
    result = dict(said)
    for level, rung in said.items():
        shared = [e.condition for e in rung.met if e.support and is_said_firmly(e, statuses, tuning)
                  and lowest_by_clause[(e.support.clause.start, e.support.clause.end)] < level
                  and e.condition not in rung.open_conditions]
        if shared and not rung.denied:
            result[level] = Rung(level, rung.presence, rung.source, rung.firm, rung.met, rung.denied,
                                 rung.open_conditions + shared, rung.reply)
    return result


def with_denials_open(rung: Rung) -> Rung:
    """The rung with its denied conditions worth a question (the denial still caps the level until it is
    answered): when the answer contradicts itself, a denied rung below a firmly evidenced one; or when the
    answer is too brief to be taken at its word."""
    return Rung(rung.level, rung.presence, rung.source, rung.firm, rung.met, rung.denied,
                [e.condition for e in rung.denied], rung.reply)


def _replied(rung: Rung, answer: ProbeAnswer, tuning: Tuning, beginning: bool = False) -> Rung:
    """A probe reply decides the rung, except "not sure", which leaves what the answer said. `beginning`: the rung
    describes beginnings, which "partly" may be just that (`condition_index.states_a_beginning`)."""
    if answer == ProbeAnswer.UNSURE:
        return Rung(rung.level, rung.presence, rung.source, rung.firm, rung.met, rung.denied, [], answer)
    presence = {
        ProbeAnswer.YES: tuning.presence_reply_yes,
        ProbeAnswer.PARTLY: tuning.presence_reply_partly_beginning if beginning else tuning.presence_reply_partly,
        ProbeAnswer.NO: tuning.presence_reply_no,
        ProbeAnswer.NOT_YET: tuning.presence_reply_no,
    }[answer]
    return Rung(rung.level, presence, RungSource.REPLY, True, rung.met, rung.denied, [], answer)


def _with(rung: Rung, presence: float, source: RungSource) -> Rung:
    return Rung(rung.level, presence, source, rung.firm, rung.met, rung.denied, rung.open_conditions, rung.reply)


def presence_of(rungs: Mapping[int, Rung]) -> dict[int, float]:
    return {level: rung.presence for level, rung in rungs.items()}


def askable_rungs(rungs: Mapping[int, Rung]) -> list[int]:
    """Rungs a probe may ask about: something of them is still open, and nobody has answered for them.

    What was said firmly (in this answer, a reply, or an earlier answer) is never asked again, nor is a
    clear denial; a loose match or a contradiction is worth a question.
    """
    return [level for level, rung in rungs.items() if rung.open_conditions and rung.reply is None]
