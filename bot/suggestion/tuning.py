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
    topic_threshold: float = 0.45  # below this everywhere, the answer is off-topic or too thin
    level_share: float = 0.67  # share of a level's conditions that must be evidenced
    partial_share: float = 0.5  # with no level reached, the highest level this share evidenced
    gap_tolerance: int = 4  # unmentioned (not contradicted) levels a higher evidenced level may bridge
    strong_support: float = 0.62  # evidence this strong counts as firm for the confidence


DEFAULT_TUNING = Tuning()
