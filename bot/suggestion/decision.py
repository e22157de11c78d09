"""The level an answer's text reads as on its own: the highest level whose conditions, and all lower
levels' conditions, are evidenced; or no level, with the reason. The engine weighs the ladder of rung
probabilities (`reading.py`) by it, and uses it as the suggestion when no probe has been answered yet.

Levels are cumulative. A level is reached when enough of its conditions are evidenced and none is
contradicted. People describe their KPIs without first saying they have a strategy, so a lower level
the answer does not mention at all is bridged by evidence of a level above it (and named in the
rationale); an explicit "we don't have X" / "we plan to" / "only in some departments" stops the climb
below X. With no level fully reached, the highest level with half its conditions evidenced is taken
when that evidence outweighs the signs of the starting point (level 1). Evidence is weighed by clause,
not by condition (one sentence resembling two levels is one piece of evidence); only a firm match may
bridge unmentioned levels; and a limitation of a lower level is outweighed when a higher level is fully
evidenced by many other clauses.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.suggestion.clauses import Clause
from bot.suggestion.matching import ClauseMatch, ConditionEvidence
from bot.suggestion.qualifiers import Qualifier, names_the_one_gap, qualifiers
from bot.suggestion.screening import AbstainReason
from bot.suggestion.tuning import Tuning

OVERRULE_CLAUSES = 4  # clauses evidencing higher levels needed per clause that limits a lower one
LOOSE_OVERRULE_CLAUSES = 3  # ... when the limit resembles the lower level only loosely, below two firm rungs
BRIDGED_OVER_A_CLEAR_START = 2  # unmentioned levels not bridged when the answer clearly says the starting point


@dataclass(frozen=True)
class LevelDecision:
    """The level the answer's text reads as on its own, or why it gives none."""

    level: int | None
    abstain_reason: AbstainReason | None = None
    missing: list[ConditionEvidence] = field(default_factory=list)  # unmet conditions of the next level
    contradicted: list[ConditionEvidence] = field(default_factory=list)
    bridged_levels: list[int] = field(default_factory=list)
    # too thin to place, but naming a gap: the level just below the lowest level the answer denies (`below_the_gap`)
    below_the_gap: int | None = None


def is_met(evidence: ConditionEvidence, tuning: Tuning) -> bool:
    if _taken_back_in_its_sentence(evidence, tuning):
        return False
    return evidence.support_score >= tuning.support_threshold and evidence.support_score >= evidence.against_score


def is_contradicted(evidence: ConditionEvidence, tuning: Tuning) -> bool:
    if _taken_back_in_its_sentence(evidence, tuning):
        return True
    return evidence.against_score >= tuning.against_threshold and evidence.against_score > evidence.support_score


def _taken_back_in_its_sentence(evidence: ConditionEvidence, tuning: Tuning) -> bool:
    """Whether a denial set against a fact by a contrast later in the same sentence takes it back: "There's a line in
    it about 'embracing digital' but no actual plan for how we'd invest" (not a denial in a sentence of its own, which
    is often a loose resemblance: the later of the two does not decide in general)."""
    support, against = evidence.support, evidence.against
    if support is None or against is None or against.clause.sentence != support.clause.sentence:
        return False
    after_a_contrast = against.clause.start > support.clause.start and against.clause.segment != support.clause.segment
    return (after_a_contrast and evidence.support_score >= tuning.support_threshold
            and evidence.against_score >= tuning.against_threshold)


def level_reached(conditions: list[ConditionEvidence], tuning: Tuning) -> bool:
    met = sum(is_met(e, tuning) for e in conditions)
    if met == 0 or any(is_contradicted(e, tuning) for e in conditions):
        return False
    return met / len(conditions) >= tuning.level_share


def planned_after_the_gap(evidence: ConditionEvidence, tuning: Tuning) -> ConditionEvidence:
    """For the two-year question: a gap today followed by a plan for it ("nothing is baselined; the university
    is contracted to do the baselines") is the plan; the denial stands if it comes after the plan, or if it is a
    hope rather than a gap ("we'd like a pipeline")."""
    if (evidence.support is None or evidence.against is None or evidence.support_score < tuning.support_threshold
            or evidence.against.clause.start > evidence.support.clause.start):
        return evidence
    if Qualifier.UNCOMMITTED in qualifiers(evidence.against.clause.text):
        return evidence  # "We'd like a pipeline but procurement is 2 people": a hope, not a gap today
    return replace(evidence, against=None)


def decide_level(evidence: list[ConditionEvidence], tuning: Tuning) -> LevelDecision:
    """Pure: the level the evidence supports, the levels it bridged and what the next level misses; or
    no level, with the reason (off topic, or too thin to tell)."""
    by_level = {level: [e for e in evidence if e.level == level] for level in range(1, 6)}
    contradicted = [e for e in evidence if e.level >= 2 and is_contradicted(e, tuning)]
    strongest = max((max(e.support_score, e.against_score) for e in evidence), default=0.0)
    if strongest < tuning.topic_threshold:
        return LevelDecision(None, AbstainReason.OFF_TOPIC, missing=_unmet(by_level[2], tuning))
    level, bridged = climb_the_ladder(by_level, tuning)
    if level == 1:
        start = read_the_starting_point(by_level, tuning)
        if start is None:
            return LevelDecision(None, AbstainReason.THIN_EVIDENCE, missing=_unmet(by_level[2], tuning),
                                 contradicted=contradicted, below_the_gap=below_the_gap(by_level, tuning))
        level, bridged = start
    missing = _unmet(by_level[level + 1], tuning) if level < 5 else []
    return LevelDecision(level, None, missing, contradicted, bridged)


def climb_the_ladder(by_level: dict[int, list[ConditionEvidence]], tuning: Tuning) -> tuple[int, list[int]]:
    """Climb while each level is reached; a level the answer does not mention is bridged by a firm match
    above it, a stated limitation stops the climb unless a higher level outweighs it. Levels 3-5 state
    something specific (a policy, targets, tracking, evidence of results): each needs one firm match, a
    loose resemblance does not reach it, unless the rung above it is reached too (`_carried_by_the_rung_above`)
    or is the gap the answer names (`_where_the_named_gap_starts`); half of each rung firmly, on the way up to a gap
    the answer names, reaches the last of them; half of level 5 said clearly, or all of it in clauses of its own,
    reaches it (`_top_half_said_clearly`); level 2 describes beginnings, which people mention loosely. Two unmentioned
    levels or more are not bridged over a clear sign of the starting point (a level-1 cue nearly word for word). The
    level reached and the levels bridged on the way."""
    level, gap = 1, 0
    bridged: list[int] = []
    pending: list[int] = []
    for candidate in range(2, 6):
        conditions = by_level[candidate]
        firm_enough = (candidate == 2 or _carried_by_the_rung_above(candidate, by_level, tuning)) and gap == 0
        if level_reached(conditions, tuning) and (firm_enough or _firm(conditions, tuning)):
            level, gap = candidate, 0
            bridged.extend(pending)
            pending = []
            continue
        named_gap = candidate < 5 and _gap_named_above(candidate, by_level, tuning)
        if gap == 0 and named_gap and (_half_reached(conditions, tuning)
                                       or _where_the_named_gap_starts(conditions, by_level, tuning)
                                       or _only_gap_named_above(candidate, by_level, tuning)):
            return candidate, bridged
        # half of each rung on the way up, firmly, to the gap the answer names: where the speaker stands
        if gap and named_gap and all(_half_reached(by_level[level], tuning) for level in [*pending, candidate]):
            return candidate, bridged + pending
        if candidate == 5 and gap == 0 and _top_half_said_clearly(conditions, by_level, tuning):
            return candidate, bridged
        if any(is_contradicted(e, tuning) for e in conditions) and not _overruled(candidate, by_level, tuning):
            break
        limits = _limits_said(conditions, tuning)
        if limits and not _overruled(candidate, by_level, tuning, limits):
            break
        gap += 1
        pending.append(candidate)
        if gap > tuning.gap_tolerance:
            break
        # levels are bridged because people describe their best features first; an answer that clearly says it
        # stands at the start ("no one has set KPIs for the city vision") says otherwise
        if gap >= BRIDGED_OVER_A_CLEAR_START and _clear(by_level[1], tuning):
            break
    return level, bridged


def _carried_by_the_rung_above(level: int, by_level: dict[int, list[ConditionEvidence]], tuning: Tuning) -> bool:
    """Whether a level reached only loosely is carried by the rung above it, reached too (loosely or firmly) by
    another clause: evidence that goes on up the ladder ("the plan came out in 2022 ... the city manager goes
    through the tracker every month ... we post it on the website") is no loose resemblance of one rung."""
    if level == 5 or not level_reached(by_level[level + 1], tuning):
        return False
    return _supporting_clauses(by_level[level] + by_level[level + 1], tuning) >= 2


def _where_the_named_gap_starts(conditions: list[ConditionEvidence], by_level: dict[int, list[ConditionEvidence]],
                                tuning: Tuning) -> bool:
    """Whether a level reached only loosely is where the speaker stands, the rung above it being the gap the answer
    names ("the strategy has the investment set out ... what we don't have is an action plan with milestones"):
    people name the gap above where they stand. Not against a firm sign of the starting point."""
    return level_reached(conditions, tuning) and not _firm(by_level[1], tuning)


def _top_half_said_clearly(conditions: list[ConditionEvidence], by_level: dict[int, list[ConditionEvidence]],
                           tuning: Tuning) -> bool:
    """Whether half of level 5, right above a level reached, is said clearly (a cue nearly word for word), or firmly in
    a clause of its own, with nothing against it; or all of level 5 is said, if loosely, in clauses that say nothing of
    the rungs below; and nothing firmly says the starting point. Level 5 lists several capstones (live dashboards,
    evaluation, learning shared beyond the city): an answer at the top names the one it has, and no rung above can
    carry it."""
    if _firm(by_level[1], tuning):
        return False
    if _all_said_in_clauses_of_their_own(5, by_level, tuning):
        return True
    if not _half_reached(conditions, tuning):
        return False
    return _clear(conditions, tuning) or _firm_in_a_clause_of_its_own(5, by_level, tuning)


def _all_said_in_clauses_of_their_own(level: int, by_level: dict[int, list[ConditionEvidence]],
                                      tuning: Tuning) -> bool:
    """Whether every condition of `level` is evidenced, if loosely, by clauses that evidence nothing below it."""
    conditions = by_level[level]
    if not conditions or not all(is_met(e, tuning) for e in conditions):
        return False
    below = _clause_spans([e for lv in range(2, level) for e in by_level[lv]], tuning)
    return not (_clause_spans(conditions, tuning) & below)


def _firm_in_a_clause_of_its_own(level: int, by_level: dict[int, list[ConditionEvidence]], tuning: Tuning) -> bool:
    """Whether a condition of `level` is evidenced firmly by a clause that evidences nothing below it: a sentence of
    its own about the capstone ("they evaluate each policy and present the results at the national network"), not
    the one that already described a lower rung."""
    below = _clause_spans([e for lv in range(2, level) for e in by_level[lv]], tuning)
    own = _clause_spans([e for e in by_level[level] if e.support_score >= tuning.strong_support], tuning)
    return bool(own - below)


def _gap_named_above(level: int, by_level: dict[int, list[ConditionEvidence]], tuning: Tuning) -> bool:
    """Whether the answer names what is missing on the rung just above `level` ("what we don't do is publish
    how input changed the plan"): people name the gap above where they stand."""
    return any(is_contradicted(e, tuning) for e in by_level.get(level + 1, []))


def _only_gap_named_above(level: int, by_level: dict[int, list[ConditionEvidence]], tuning: Tuning) -> bool:
    """Whether a rung the answer says nothing against lies under the one gap it names as such ("What we don't do is
    formal impact evaluation" after firm evidence of level 3; "What we don't have is any systematic feedback" after
    level 4's compliance figures said loosely): the speaker stands just below what they say is missing."""
    if any(e.against is not None for e in by_level[level]) or _firm(by_level[1], tuning):
        return False
    return any(is_contradicted(e, tuning) and e.against is not None and names_the_one_gap(e.against.clause.text)
               for e in by_level.get(level + 1, []))


def climb_from(level: int, evidence: list[ConditionEvidence], tuning: Tuning) -> int:
    """From a level already in place, the rungs above it the evidence reaches one by one, none skipped:
    the two-year question's reading of plans ("the public dashboard is contracted for next year"). Each
    rung climbed needs one firm match (a plan that only loosely resembles a rung does not reach it). As for
    an answer about today, the first rung above it (or one whose gap the answer names just above it) may be
    half evidenced, firmly and with nothing against it; such a rung ends the climb, unless the rung above it is
    reached firmly, which bridges it as for an answer about today. So does the first rung
    above, every condition of it planned in words other than its cues (loose matches): one step, no more.
    Level 2's beginnings, unmentioned or said loosely, are implied by plans that firmly reach level 3."""
    start = level
    by_level = {candidate: [planned_after_the_gap(e, tuning) for e in evidence if e.level == candidate]
                for candidate in range(1, 6)}
    for candidate in range(start + 1, 6):
        conditions = by_level[candidate]
        if level_reached(conditions, tuning) and _firm(conditions, tuning):
            level = candidate
            continue
        first_or_named_gap = candidate == start + 1 or _gap_named_above(candidate, by_level, tuning)
        if first_or_named_gap and _half_reached(conditions, tuning):
            above = by_level.get(candidate + 1, [])
            if above and level_reached(above, tuning) and _firm(above, tuning):
                level = candidate  # half of it, then the rung above firmly: bridged, as for an answer about today
                continue
            return candidate
        if candidate == 2 and _beginnings_implied(conditions, by_level[3], tuning):
            level = candidate
            continue
        if candidate == start + 1 and level_reached(conditions, tuning):
            return candidate  # the next rung fully planned, in other words than its cues: one step, no further
        break
    return level


def _beginnings_implied(beginnings: list[ConditionEvidence], above: list[ConditionEvidence], tuning: Tuning) -> bool:
    """Level 2's beginnings, unmentioned or said loosely ("launches as a pilot in April"), are implied by level 3
    firmly reached, as an answer about today bridges them; unless the answer denies them."""
    return (not any(is_contradicted(e, tuning) for e in beginnings)
            and level_reached(above, tuning) and _firm(above, tuning))


def _half_reached(conditions: list[ConditionEvidence], tuning: Tuning, *, firmly: bool = True) -> bool:
    """At least `partial_share` of a level's conditions evidenced, none contradicted; with `firmly`, one of
    them by a strong match (half a level is weak ground: a borderline match cannot carry it on its own)."""
    met = [e for e in conditions if is_met(e, tuning)]
    if not met or any(is_contradicted(e, tuning) for e in conditions):
        return False
    return (_firm(met, tuning) or not firmly) and len(met) / len(conditions) >= tuning.partial_share


def read_the_starting_point(by_level: dict[int, list[ConditionEvidence]],
                            tuning: Tuning) -> tuple[int, list[int]] | None:
    """With no level fully reached: the highest level with half its conditions evidenced, when that
    outweighs the signs of the starting point (or there are none); level 1 when the answer describes the
    starting point; None when it is too thin to tell."""
    absence = _absence_evidenced(by_level, tuning)
    partial = _best_partial_level(by_level, tuning, firm_only=True)
    if partial is None:  # half of a specific level (3-5) said loosely is not weighed against a sign of level 1
        loose = _best_partial_level(by_level, tuning)
        partial = loose if loose == 2 or not absence else None
        if partial is not None and partial >= 3 and _said_in_one_clause(by_level, tuning):
            partial = None  # "we work with the city quite a lot" resembling three rungs loosely is too thin to place
    if partial is not None:
        # beginnings may be said loosely; evidence of the specific levels counts when it is firm
        above = _supporting_clauses(by_level[2] + [e for lv in range(3, 6) for e in by_level[lv]
                                                   if e.support_score >= tuning.strong_support], tuning)
        floor = _supporting_clauses(by_level[1], tuning)
        if not absence or _outweighs(above, floor, _firm(by_level[partial], tuning), _firm(by_level[1], tuning)):
            return partial, list(range(2, partial))
    return (1, []) if absence else None


def _best_partial_level(
    by_level: dict[int, list[ConditionEvidence]], tuning: Tuning, firm_only: bool = False
) -> int | None:
    """When no level is fully evidenced: the highest level with at least half of its conditions
    evidenced and nothing contradicted, nor limited (`_limits_said`), at or below it (large levels of the purposes
    have 3-4).
    `firm_only`: only levels with at least one firm match (`_half_reached`)."""
    best = None
    for level in range(2, 6):
        if any(is_contradicted(e, tuning) for e in by_level[level]):
            break
        limits = _limits_said(by_level[level], tuning)  # a limit said of a level not reached stops it, as in the climb
        if limits and not level_reached(by_level[level], tuning) and not _overruled(level, by_level, tuning, limits):
            break
        if _half_reached(by_level[level], tuning, firmly=firm_only):
            best = level
    return best


def below_the_gap(by_level: dict[int, list[ConditionEvidence]], tuning: Tuning) -> int | None:
    """For an answer too thin to place: the level just below the lowest level from 3 up that it denies ("no strategy
    behind it, we don't target any groups" reads 2), people naming the gap above where they stand. None when it
    denies none, or says something firmly above that gap: evidence both ways is for a probe to settle."""
    gap = next((level for level in range(3, 6) if any(is_contradicted(e, tuning) for e in by_level[level])), None)
    if gap is None or any(_firm(by_level[level], tuning) for level in range(gap + 1, 6)):
        return None
    return gap - 1


def _limits_said(conditions: list[ConditionEvidence], tuning: Tuning) -> list[Clause]:
    """The clauses that limit a level without contradicting it: a denial or a partial scope as close to one of its
    conditions as a contradiction must be, while another clause resembles that condition more ("reported to the
    Information Governance Board ... the board is advisory only"). A level not reached, with a limit said of it,
    is a gap the answer names: it is not bridged unless a higher level outweighs the limit (`_overruled`)."""
    return [e.against.clause for e in conditions
            if e.against and e.against_score >= tuning.against_threshold and not is_contradicted(e, tuning)
            and {Qualifier.NEGATED, Qualifier.PARTIAL} & qualifiers(e.against.clause.text)]


def _overruled(level: int, by_level: dict[int, list[ConditionEvidence]], tuning: Tuning,
               limits: list[Clause] | None = None) -> bool:
    """Whether a limitation said of `level` (its contradicted conditions', or `limits`) is outweighed: a higher level
    is fully and firmly evidenced, and by several clauses other than the limiting ones ("the sensor map is only
    internal. What matters: the climate plan has targets, the board runs it, emissions are tracked, ..."). Never a
    caveat: a limitation said with "but", "though" or "thing is" ("Thing is, for most of them we never set baselines
    or targets") is the speaker's own correction of the picture, however much they said before it."""
    limiting_clauses = limits if limits is not None else [
        e.against.clause for e in by_level[level] if is_contradicted(e, tuning) and e.against]
    if any(clause.caveat for clause in limiting_clauses):
        return False  # a caveat the speaker adds on purpose ("but there's no plan for it") stands
    firm_above = sum(level_reached(by_level[higher], tuning) and _firm(by_level[higher], tuning)
                     for higher in range(level + 1, 6))
    if not firm_above:
        return False
    limiting = {(clause.start, clause.end) for clause in limiting_clauses}
    # a denial that only loosely resembles the rung, below two rungs said firmly, is more likely about something else
    loose = all(e.against_score < tuning.strong_support for e in by_level[level]
                if e.against and (e.against.clause.start, e.against.clause.end) in limiting)
    needed = LOOSE_OVERRULE_CLAUSES if loose and firm_above >= 2 else OVERRULE_CLAUSES
    clauses = _clause_spans([e for lv in range(level, 6) for e in by_level[lv]], tuning) - limiting
    return len(clauses) >= needed * len(limiting)


def _span(match: ClauseMatch | None) -> tuple[int, int]:
    return (match.clause.start, match.clause.end) if match else (-1, -1)


def _outweighs(above: int, floor: int, partial_firm: bool, floor_firm: bool) -> bool:
    """Whether half a level's evidence outweighs the signs of the starting point: more clauses, or as
    many but firmer; borderline matches never outweigh a firm sign of level 1."""
    if floor_firm and not partial_firm:
        return False
    return above > floor or (above == floor and partial_firm and not floor_firm)


def _firm(conditions: list[ConditionEvidence], tuning: Tuning) -> bool:
    """Whether at least one of these conditions is evidenced by a strong match."""
    return any(is_met(e, tuning) and e.support_score >= tuning.strong_support for e in conditions)


def _clear(conditions: list[ConditionEvidence], tuning: Tuning) -> bool:
    """Whether at least one of these conditions is evidenced by a cue said (nearly) word for word."""
    return any(is_met(e, tuning) and e.support_score >= tuning.clear_support for e in conditions)


def _said_in_one_clause(by_level: dict[int, list[ConditionEvidence]], tuning: Tuning) -> bool:
    """Whether everything the answer evidences above the starting point comes from one clause: a loose resemblance
    of one sentence to several rungs says something of the topic, not where on the ladder the city stands."""
    return _supporting_clauses([e for level in range(2, 6) for e in by_level[level]], tuning) < 2


def _supporting_clauses(conditions: list[ConditionEvidence], tuning: Tuning) -> int:
    """How many distinct clauses evidence these conditions: one clause that resembles two levels'
    conditions is one piece of evidence, not two."""
    return len(_clause_spans(conditions, tuning))


def _clause_spans(conditions: list[ConditionEvidence], tuning: Tuning) -> set[tuple[int, int]]:
    """Where in the answer the clauses that evidence these conditions stand (start, end), each once."""
    return {_span(e.support) for e in conditions if is_met(e, tuning)}


def _absence_evidenced(by_level: dict[int, list[ConditionEvidence]], tuning: Tuning) -> bool:
    """Level 1 needs a sign of the starting point: a level-1 cue, or level 2 explicitly absent."""
    return any(is_met(e, tuning) for e in by_level[1]) or any(is_contradicted(e, tuning) for e in by_level[2])


def _unmet(conditions: list[ConditionEvidence], tuning: Tuning) -> list[ConditionEvidence]:
    return [e for e in conditions if not is_met(e, tuning)]
