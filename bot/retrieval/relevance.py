"""Is a question in the model's domain, and how sure are we? The relevance gate (pure functions).

Three signals, all measured against the knowledge base itself: how close the question comes to its
nearest entry (criteria, standards, Annex B and C), how close it comes to the nearest of the 31
characteristics' own plain-language questions (the model's topics, in the words stakeholders use),
and how much of its vocabulary the knowledge base uses. Their sum, the domain score, falls into one
of four bands, calibrated per embedder on the dev questions (docs/retrieval.md):

- `matched`: the standards, best first;
- `closest_match`: the standards, said as the closest match, not a sure one;
- `clarify`: no standard, but the two or three nearest topics, asking which one is meant;
- `nothing`: outside the model (the weather, a parking fine).

Between `clarify` and `closest_match` the question is in the domain but weakly; it gets the closest
match only when the retrieved evidence and the nearest topic agree on where it belongs.

A question that names a standard of the knowledge base ("ISO 37120") is in the domain whatever it says;
one that asks about another standard ("is ISO 50001 the one?") is outside it (`bot.retrieval.other_standards`),
and so is one about a management system for a field the draft's standards do not cover ("an energy management
system for our buildings", `bot.retrieval.other_fields`).
A question that looks up a fact ("When is the next council meeting?", "What's Milan's air quality
today?"), and a message that asks for no guidance at all (news, an update, an opinion: see
`bot.retrieval.guidance_request`), is not answered with a standard, however many of the model's words it
uses; it gets the nearest topics when it is near the model.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class AnswerKind(StrEnum):
    MATCHED = "matched"
    CLOSEST_MATCH = "closest_match"
    CLARIFY = "clarify"
    NOTHING = "nothing"


ANSWERED_KINDS = frozenset({AnswerKind.MATCHED, AnswerKind.CLOSEST_MATCH})  # the kinds that list standards


class RelevanceSignals(BaseModel):
    """What the gate sees of one question; similarities are `None` without a dense index."""

    model_config = ConfigDict(frozen=True)

    best_similarity: float | None = None  # cosine to the nearest knowledge entry (standard names removed)
    topic_similarity: float | None = None  # cosine to the nearest characteristic's own question
    vocabulary_coverage: float = 0.0  # share of the question's words that occur in the knowledge base
    names_a_standard: bool = False  # names a standard the knowledge base knows
    looks_up_a_fact: bool = False  # asks for a date, a person, a number, a price: about the world, not guidance
    asks_a_chore: bool = False  # "translate this for me", "how much does a copy of ISO 37120 cost": no need to meet
    asks_for_guidance: bool = True  # False for news, updates, opinions, greetings: nothing a standard answers
    other_standard: str | None = None  # a standard outside the knowledge base that the question asks about
    other_field: str | None = None  # a management system's field that no standard of the knowledge base covers
    nearest_other_field: str | None = None  # the nearest field of other standards (`other_fields`)
    other_field_similarity: float | None = None  # cosine to it

    @property
    def shares_a_word(self) -> bool:
        return self.vocabulary_coverage > 0


class RelevanceBands(BaseModel):
    """Where the domain score `best + topic + coverage_weight * coverage` changes the answer's kind."""

    model_config = ConfigDict(frozen=True)

    coverage_weight: float
    clarify: float  # from here the question is in the domain: the closest match if the evidence agrees
    closest_match: float  # from here: the closest match even if it does not
    matched: float  # from here: a confident match
    # Below this on both similarities the question means nothing close to the model, whatever words it
    # shares with it ("what's the wifi password for meeting room 3?"): at most the nearest topics. On the
    # dev questions no on-topic one that names no standard came under 0.33.
    meaning: float = 0.0
    # A question nearer than this to a field of other standards (food hygiene, lift safety) than to the knowledge
    # base and its topics is that field's, unless it is a confident match; `None`: not judged.
    other_field_margin: float | None = None


FAR_NEARER = 3  # times the margin: how much nearer another field must be to outweigh a confident match


def field_of_other_standards(signals: RelevanceSignals, bands: RelevanceBands | None) -> str | None:
    """The field of other standards a question is about ("food safety, food hygiene and catering kitchens"), when it
    comes clearly nearer to that field than to the knowledge base and its nearest topic (for a confident match,
    `FAR_NEARER` times as clearly); `None` otherwise, and for a question that names one of the knowledge base's
    standards."""
    score = domain_score(signals, bands) if bands is not None else None
    if (bands is None or bands.other_field_margin is None or score is None
            or signals.names_a_standard or signals.other_field_similarity is None):
        return None
    nearest_model = max(signals.best_similarity or 0.0, signals.topic_similarity or 0.0)
    margin = signals.other_field_similarity - nearest_model
    # a confident match stays the model's unless the other field is far nearer ("which ISO do they need for food
    # safety at the market stalls?" resembles the model's words, and food safety's much more)
    needed = bands.other_field_margin * (FAR_NEARER if score >= bands.matched else 1)
    if margin >= needed:
        return signals.nearest_other_field
    return None


def domain_score(signals: RelevanceSignals, bands: RelevanceBands) -> float | None:
    """The summed evidence that the question is about the model; `None` without both similarities."""
    if signals.best_similarity is None or signals.topic_similarity is None:
        return None
    total = signals.best_similarity + signals.topic_similarity + bands.coverage_weight * signals.vocabulary_coverage
    return round(total, 6)


def judge_relevance(
    signals: RelevanceSignals, bands: RelevanceBands | None, *, evidence_agrees: bool = False
) -> AnswerKind:
    """The kind of answer the question gets.

    `evidence_agrees`: the entry behind the best-ranked standard is about the question's nearest topic,
    so two independent readings of the knowledge base (what was retrieved, and which characteristic's
    own question it resembles) put the question in the same place. Between the `clarify` and the
    `closest_match` bands that agreement decides between naming the closest match and asking which
    topic is meant. Without calibrated bands (the hashing embedder has no usable similarity scale) the
    only evidence is lexical: a question sharing a word with the knowledge base is answered.
    """
    score = domain_score(signals, bands) if bands is not None else None
    if signals.asks_a_chore or ((signals.other_standard or signals.other_field) and not signals.names_a_standard):
        return AnswerKind.NOTHING
    if signals.looks_up_a_fact or not signals.asks_for_guidance:  # the nearest topics, if it is near the model
        return AnswerKind.CLARIFY if signals.names_a_standard or (
            score is not None and bands is not None and score >= bands.clarify) else AnswerKind.NOTHING
    if signals.names_a_standard:
        return AnswerKind.MATCHED
    if field_of_other_standards(signals, bands):
        return AnswerKind.NOTHING
    if bands is None or score is None:
        return AnswerKind.MATCHED if signals.shares_a_word else AnswerKind.NOTHING
    if score >= bands.matched:
        return AnswerKind.MATCHED
    means_something = max(signals.best_similarity or 0.0, signals.topic_similarity or 0.0) >= bands.meaning
    if means_something and (score >= bands.closest_match or (score >= bands.clarify and evidence_agrees)):
        return AnswerKind.CLOSEST_MATCH
    if score >= bands.clarify:
        return AnswerKind.CLARIFY
    return AnswerKind.NOTHING
