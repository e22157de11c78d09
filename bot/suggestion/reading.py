"""From what was said to a level: the rungs, their probabilities, the level, and the probe to ask next.

`read_ladder` is the decision of the default engine, as a sequence of named steps over plain values:
read the rungs (`rungs.py`), keep the level now for the two-year question, turn the rungs into a level
distribution (`ladder.py`), take the most probable level, and, when it is not settled, choose the most
informative rung to ask about (`probes.py`). An answer that describes no rung at all is thin: the
engine abstains, and still says what it would ask.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.models import Characteristic
from bot.suggestion.ladder import level_distribution, most_informative_rung, most_probable_level
from bot.suggestion.matching import ConditionEvidence
from bot.suggestion.models import Horizon, Probe, ProbeAnswer
from bot.suggestion.probes import probe_for_rung
from bot.suggestion.rungs import (
    THIN_PRESENCE,
    Rung,
    RungSource,
    askable_rungs,
    presence_of,
    read_rungs,
    with_denials_open,
)
from bot.suggestion.screening import AbstainReason
from bot.suggestion.tuning import Tuning


class SaidOfChange(StrEnum):
    """What a two-year answer says of change as such, besides its plans."""

    NOTHING = "nothing"
    NO_CHANGE = "no_change"  # "same as now", "no change"
    LOSS = "loss"  # "the grant ends next June", "the boards are wound up"


@dataclass(frozen=True)
class LadderReading:
    level: int | None  # None: abstain (`abstain_reason`)
    confidence: float  # the probability of `level` (0 when abstaining)
    settled: bool
    rungs: dict[int, Rung]
    distribution: dict[int, float]
    probe: Probe | None
    abstain_reason: AbstainReason | None = None


def read_ladder(
    characteristic: Characteristic,
    evidence: list[ConditionEvidence],
    replies: Mapping[int, ProbeAnswer],
    said_earlier: Collection[str],
    horizon: Horizon,
    level_now: int | None,
    tuning: Tuning,
    text_level: int | None = None,
    text_abstains: AbstainReason | None = None,
    change: SaidOfChange = SaidOfChange.NOTHING,
    names_the_topic: bool = False,
    brief: bool = False,
    said_beyond: Collection[int] = (),
) -> LadderReading:
    """Pure: the level the answers support, how sure that is, and what to ask when it is not settled.

    `text_level` is the level the answer's text reads as on its own (`decision.decide_level`): a second
    opinion that weighs the rungs' evidence against each other. The ladder's distribution is weighed by
    it, less the further a level is from it (`Tuning.text_level_weights`); probe replies, being direct
    answers, outweigh it. `text_abstains`: why the text on its own gives no level (off topic, or too thin
    to tell), which stands until a probe reply says more. `change`: what a two-year answer says of change
    as such ("same as now", "the grant ends next June"), which is on topic however little else it says;
    after a loss, the rungs up to the level now are no longer taken as kept. `names_the_topic`: the answer
    names the characteristic's topic ("IT assets... honestly a mess"): too thin to tell, not off topic.
    `brief`: the answer is a line of chat ("we're not very techy tbh, mostly the website"), which cannot settle
    the level on its own: until a probe is answered, the level is not settled. `said_beyond`: rungs whose reply
    said they are passed ("more than that"): the rung above is worth a question."""
    rungs = read_rungs(evidence, replies, said_earlier, tuning, said_beyond)
    if brief:
        rungs = {level: with_denials_open(rung) if rung.source == RungSource.DENIED else rung
                 for level, rung in rungs.items()}
    two_years = horizon == Horizon.TWO_YEARS and level_now is not None
    if two_years and level_now is not None and change != SaidOfChange.LOSS:
        rungs = keep_level_now(rungs, level_now, tuning)
    keeps_now = two_years and change != SaidOfChange.NOTHING
    off_topic = not names_the_topic and (
        text_abstains == AbstainReason.OFF_TOPIC or strongest_match(evidence) < tuning.topic_threshold)
    if names_the_topic and text_abstains == AbstainReason.OFF_TOPIC:
        text_abstains = AbstainReason.THIN_EVIDENCE
    # an opening that reads as off topic gets no level, but a question about the ladder, as a thin one does: an
    # assessor asks rather than gives up ("We've got some CCTV and traffic lights that are networked.")
    opening_off_topic = not replies and off_topic and not keeps_now
    thin = not replies and (text_abstains == AbstainReason.THIN_EVIDENCE or not _anything_described(rungs))
    thin = (thin and not keeps_now and (level_now is None or horizon == Horizon.NOW)) or opening_off_topic
    presence = presence_of(rungs)
    if thin:
        presence = {level: THIN_PRESENCE[level] if not rungs[level].described else p for level, p in presence.items()}
    weighing_level = weighing_text_level(text_level, replies)
    distribution = weigh_by_text_level(level_distribution(presence), weighing_level, tuning)
    # without replies the text's own reading is the level (it weighs evidence the ladder only counts);
    # the ladder says how sure that is and what to ask
    level = text_level if text_level is not None and not replies and tuning.text_level_alone else \
        most_probable_level(distribution)
    confidence = round(distribution[level], 4)
    settled = confidence >= tuning.settled and not (brief and not replies)
    # a sign of the starting point is a doubt about the rungs below a "yes" until rung 2 itself is answered "yes"
    starting_point = replies.get(2) != ProbeAnswer.YES and any(
        e.level == 1 and e.support_score >= tuning.support_threshold for e in evidence)
    probe = None if settled else next_probe(characteristic, rungs, presence, weighing_level, tuning, horizon,
                                            doubts_below=starting_point)
    if thin:
        reason = AbstainReason.OFF_TOPIC if opening_off_topic else AbstainReason.THIN_EVIDENCE
        return LadderReading(None, 0.0, probe is None, rungs, distribution, probe, reason)
    if probe is not None and probe.level == 2 and not replies and not starting_point:
        probe = middle_probe(characteristic, rungs, level, presence, text_level, tuning, horizon) or probe
    if probe is not None and not could_change_the_level(level, probe.level, presence, text_level, replies, tuning):
        probe = None  # neither a yes nor a no would change the level: not worth the person's time
    if probe is not None and settled_by_two_replies(confidence, probe.level, replies, tuning):
        probe, settled = None, True
    if probe is not None and only_checks_below_a_yes(probe.level, replies):
        probe, settled = None, True
    if probe is None:
        probe = verification_probe(characteristic, level, rungs, replies, horizon) or starting_point_checked(
            characteristic, level, rungs, replies, horizon)
        settled = settled and probe is None
    return LadderReading(level, confidence, settled, rungs, distribution, probe)


MIDDLE_RUNG = 3


def middle_probe(characteristic: Characteristic, rungs: Mapping[int, Rung], level: int, presence: Mapping[int, float],
                 text_level: int | None, tuning: Tuning, horizon: Horizon) -> Probe | None:
    """The first probe about the middle of the ladder, when the opening would have it ask about rung 2 without
    any sign of the starting point: such an opening says little of the level, and three probes climbing from rung
    2 end at 4 with three yeses, never asking about 5. From the middle, three probes reach either end. `None` when
    the middle rung is not askable or neither answer would change the level."""
    if MIDDLE_RUNG not in askable_rungs(rungs) or not could_change_the_level(level, MIDDLE_RUNG, presence, text_level,
                                                                             {}, tuning):
        return None
    return probe_for_rung(characteristic, MIDDLE_RUNG, rungs[MIDDLE_RUNG].open_conditions, horizon)


def verification_probe(characteristic: Characteristic, level: int, rungs: Mapping[int, Rung],
                       replies: Mapping[int, ProbeAnswer], horizon: Horizon) -> Probe | None:
    """A question about the level itself when the replies leave it resting on the opening alone: its own rung was only
    said in the opening, and the rung just above it was answered "no" (after one probe; or after two, with a "yes"
    below it), or it is level 5 and two probes below it were answered "yes". An assessor checks a claim that
    everything now rests on ("We have a Smart City Board chaired by the chief exec." - is someone leading the
    change?): openings oversell, and the rung left between a "yes" and a "no", or above two "yes", is the level
    itself, whatever the opening claimed."""
    top = rungs.get(level)
    above_denied = replies.get(level + 1) in (ProbeAnswer.NO, ProbeAnswer.NOT_YET)
    top_of_ladder = level == 5
    if level < 2 or top is None or top.reply is not None or top.source != RungSource.SAID or not (
            above_denied or top_of_ladder):
        return None
    below = [answer for rung, answer in replies.items() if rung < level]
    yeses_needed = 1 if above_denied else 2  # beside the "no" above it; or, for level 5, on their own
    rests_on_the_opening = ((len(replies) == 1 and above_denied)
                            or (len(replies) == 2 and below == [ProbeAnswer.YES] * yeses_needed))
    return probe_for_rung(characteristic, level, [], horizon) if rests_on_the_opening else None


def starting_point_checked(characteristic: Characteristic, level: int, rungs: Mapping[int, Rung],
                           replies: Mapping[int, ProbeAnswer], horizon: Horizon) -> Probe | None:
    """The starting point read from the opening alone is checked once, with a question about rung 2: "we're a small
    council, we don't have a design lab or anything fancy" denies the flashy, and the basics may well be there. An
    assessor does not record level 1 on a modest opening without asking whether anything at all is in place."""
    if level != 1 or replies or 2 not in rungs:
        return None
    return probe_for_rung(characteristic, 2, rungs[2].open_conditions, horizon)


def only_checks_below_a_yes(rung: int, replies: Mapping[int, ProbeAnswer]) -> bool:
    """Whether a third probe would only ask about a rung below one answered "yes": the cumulative ladder already
    says it is in place (the level-4 criteria include level 3's), and on the dev dialogues such a probe never changed
    the level. The probe is better spent on the level itself (`verification_probe`)."""
    return len(replies) >= 2 and rung < highest_confirmed(replies)


def settled_by_two_replies(confidence: float, rung: int, replies: Mapping[int, ProbeAnswer], tuning: Tuning) -> bool:
    """Whether two replies have settled the level well enough not to ask a third time: its probability is at
    least `Tuning.settled_after_two_replies`, and the rung the third probe would ask about is not the one left
    between a "yes" and a "no" (that rung's answer is the level itself, whatever the opening claimed)."""
    if len(replies) < 2 or confidence < tuning.settled_after_two_replies:
        return False
    below, above = highest_confirmed(replies), lowest_missing(replies)
    return not (1 < below < rung < above < 6)


def could_change_the_level(level: int, rung: int, presence: Mapping[int, float], text_level: int | None,
                  replies: Mapping[int, ProbeAnswer], tuning: Tuning) -> bool:
    """Whether a yes or a no about `rung` would move the most probable level away from `level`."""
    for answer, rung_presence in ((ProbeAnswer.YES, tuning.presence_reply_yes),
                                  (ProbeAnswer.NO, tuning.presence_reply_no)):
        distribution = weigh_by_text_level(level_distribution({**presence, rung: rung_presence}),
                                           weighing_text_level(text_level, {**replies, rung: answer}), tuning)
        if most_probable_level(distribution) != level:
            return True
    return False


def weigh_by_text_level(distribution: Mapping[int, float], text_level: int | None,
                        tuning: Tuning) -> dict[int, float]:
    """The ladder's distribution times the weight of each level's distance from the text's own reading,
    normalised; unchanged when the text has no level of its own."""
    if text_level is None:
        return dict(distribution)
    weighed = {lv: p * tuning.text_level_weights[abs(lv - text_level)] for lv, p in distribution.items()}
    total = sum(weighed.values()) or 1.0
    return {lv: p / total for lv, p in weighed.items()}


def within_replies(text_level: int | None, replies: Mapping[int, ProbeAnswer]) -> int | None:
    """The text's own level as the probe replies leave it: at least the highest rung answered "yes", below
    the lowest answered "no" or "not yet" (a direct answer outweighs the reading of the opening)."""
    if text_level is None:
        return None
    return min(max(text_level, highest_confirmed(replies)), max(lowest_missing(replies) - 1, 1))


def weighing_text_level(text_level: int | None, replies: Mapping[int, ProbeAnswer]) -> int | None:
    """The text's own level as it weighs the ladder once these replies are in: none when a reply shows the text
    under-said, else as the replies leave it (`within_replies`)."""
    return None if shown_under_said(text_level, replies) else within_replies(text_level, replies)


def shown_under_said(text_level: int | None, replies: Mapping[int, ProbeAnswer]) -> bool:
    """Whether a probe reply shows that the text under-said: a "yes" above its own reading. That reading then
    weighs nothing; the replies and the ladder decide. (A "no" at or below it does not discredit it: measured
    on dev, dropping its weight then lost more dialogues than it gained.)"""
    return text_level is not None and highest_confirmed(replies) > text_level


def highest_confirmed(replies: Mapping[int, ProbeAnswer | None]) -> int:
    """The highest rung answered "yes" (1, the floor, when none is)."""
    return max((level for level, answer in replies.items() if answer == ProbeAnswer.YES), default=1)


def lowest_missing(replies: Mapping[int, ProbeAnswer | None]) -> int:
    """The lowest rung answered "no" or "not yet" (6, above the ladder, when none is)."""
    return min((level for level, answer in replies.items() if answer in (ProbeAnswer.NO, ProbeAnswer.NOT_YET)),
               default=6)


def keep_level_now(rungs: dict[int, Rung], level_now: int, tuning: Tuning) -> dict[int, Rung]:
    """The two-year level is not below the level now unless the answer says something will be lost: the
    rungs up to the level now stay in place, except one the answer denies (a loss, read as a denial)."""
    kept = dict(rungs)
    for level, rung in rungs.items():
        if level <= level_now and rung.source not in (RungSource.DENIED, RungSource.REPLY):
            kept[level] = Rung(level, max(rung.presence, tuning.presence_said_firm), RungSource.SAID, True,
                               rung.met, rung.denied, [], rung.reply)
    return kept


def next_probe(characteristic: Characteristic, rungs: Mapping[int, Rung], presence: Mapping[int, float],
               text_level: int | None, tuning: Tuning, horizon: Horizon = Horizon.NOW,
               doubts_below: bool = False) -> Probe | None:
    """The probe about the most informative askable rung. After a yes, the probes climb first (above the
    highest rung confirmed), then, with the top settled, come back to what it stands on; unless the answer
    gives reason to doubt the rungs below (`doubts_below`: a sign of the starting point; or a rung below the
    yes denied or only partly said), which are then weighed with the rest. Nothing above a rung answered "no"
    is asked: the ladder is cumulative."""
    weights = None if text_level is None else {
        lv: tuning.text_level_weights[abs(lv - text_level)] for lv in range(1, 6)}
    replies = {level: rung.reply for level, rung in rungs.items()}
    confirmed = highest_confirmed(replies)
    doubted = doubts_below or any(rungs[level].source in (RungSource.DENIED, RungSource.PARTLY_SAID)
                                  for level in rungs if level < confirmed)
    # the ladder is cumulative: nothing above a rung that is not in place can be reached, so it is not asked
    missing = lowest_missing(replies)
    below_missing = [level for level in askable_rungs(rungs) if level < missing]
    askable = below_missing if doubted else (
        [level for level in below_missing if level > confirmed] or below_missing)
    rung = most_informative_rung(presence, askable, tuning.presence_reply_yes, tuning.presence_reply_no, weights)
    return None if rung is None else probe_for_rung(characteristic, rung, rungs[rung].open_conditions, horizon)


def strongest_match(evidence: list[ConditionEvidence]) -> float:
    return max((max(e.support_score, e.against_score) for e in evidence), default=0.0)


def _anything_described(rungs: Mapping[int, Rung]) -> bool:
    return any(r.described or r.source == RungSource.STARTING_POINT for r in rungs.values())
