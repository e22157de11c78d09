"""Every threshold of the default engine in one place, with the values tuned on the dev cases.

Scores are on the scale of a cosine similarity between unit vectors (MiniLM paraphrases land
around 0.5-0.8), raised by the lexical coverage of a cue's informative words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tuning:
    lexical_weight: float = 0.85  # a fully covered cue scores like a 0.85 paraphrase
    blend: float = 0.15  # plus this share of the lexical coverage on top of the best of the two
    condition_text_weight: float = 0.95  # the criteria's own wording is formal; cues are what people say
    support_threshold: float = 0.48  # a clause evidences a condition from this score
    support_margin: float = 0.08  # ... and only the conditions it matches (nearly) best
    against_threshold: float = 0.55  # a qualified clause contradicts a condition from this score
    against_margin: float = 0.05  # ... if that condition is (nearly) the best match of the clause
    # a clause no closer than this to a purpose's phrase than to the purpose's name only names it (`matching.py`)
    purpose_name_margin: float = 0.03
    topic_threshold: float = 0.45  # below this everywhere, the answer is off-topic or too thin
    level_share: float = 0.66  # share of a level's conditions that must be evidenced
    partial_share: float = 0.5  # with no level reached, the highest level this share evidenced
    gap_tolerance: int = 4  # unmentioned (not contradicted) levels a higher evidenced level may bridge
    strong_support: float = 0.62  # evidence this strong counts as firm: it may bridge levels, and is never asked again
    # a cue said (nearly) word for word: half of level 5 said this clearly reaches it; the starting point said this
    # clearly is not bridged over by two levels or more
    clear_support: float = 0.8

    # The ladder (`rungs.py`, `ladder.py`): how likely a rung is in place, by what was said about it.
    presence_said_firm: float = 0.95  # (nearly) all its conditions evidenced, one firmly
    presence_said: float = 0.85  # ... by borderline matches only
    presence_partly_said: float = 0.45  # some of its conditions evidenced, nothing above it
    presence_partly_said_below: float = 0.8  # some of its conditions evidenced, and a rung above it
    presence_denied: float = 0.08  # a condition said not to be (fully) in place
    presence_bridged: float = 0.7  # not described, but a rung above it is
    presence_not_described: float = 0.2  # not described, nor anything above it
    presence_starting_point: float = 0.15  # rung 2 not described and the answer describes level 1
    presence_reply_yes: float = 0.97
    presence_reply_no: float = 0.03  # "no" and "not yet"
    presence_reply_partly: float = 0.12  # "only in transport": not in place city-wide
    presence_reply_partly_beginning: float = 0.5  # level 2 describes beginnings: "partly" may be just that
    earlier_coverage: float = 0.9  # a cue this fully worded in an earlier answer counts as said there
    earlier_weight: float = 0.5  # a condition said in an answer to another characteristic counts half
    # the ladder's distribution is weighed by the level the text reads as on its own, by distance from it
    text_level_weights: tuple[float, ...] = (1.0, 0.3, 0.1, 0.05, 0.02)
    text_level_alone: bool = True  # without probe replies, the text's own level is the suggestion
    settled: float = 0.98  # the most probable level is settled from this probability on
    settled_after_two_replies: float = 0.95  # ... and from this one once two probes are answered (`reading.py`)


DEFAULT_TUNING = Tuning()
