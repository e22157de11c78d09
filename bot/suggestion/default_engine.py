"""The default suggestion engine: deterministic, no LLM, one embedding batch per answer.

    engine = DefaultSuggestionEngine(kb, MiniLMEmbedder())
    suggestion = engine.suggest("1.1.1", "Our City Strategy 2030 was adopted by council in 2019 ...")
    suggestion.level, suggestion.confidence, suggestion.citations

Same answer, same knowledge version, same embedder: same suggestion, every time.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import numpy as np

from bot.knowledge import KnowledgeBase
from bot.knowledge.models import Characteristic
from bot.retrieval.embedder import Embedder
from bot.suggestion.clauses import split_clauses
from bot.suggestion.condition_index import (
    CharacteristicIndex,
    characteristic_index,
    knowledge_vocabulary,
    states_a_beginning,
)
from bot.suggestion.decision import climb_from, decide_level
from bot.suggestion.earlier import conditions_said_earlier
from bot.suggestion.explanation import criterion_citation, follow_up_question
from bot.suggestion.grounds import gather_grounds
from bot.suggestion.matching import (
    ConditionEvidence,
    distinctive_name_words,
    match_conditions,
    only_judges_the_topic,
    only_names_the_topic,
    without_names,
)
from bot.suggestion.models import (
    Horizon,
    ProbeAnswer,
    ProbeExchange,
    Suggestion,
    SuggestionContext,
)
from bot.suggestion.probe_reading import read_probe_reply, says_beyond
from bot.suggestion.qualifiers import says_no_change, says_something_is_lost
from bot.suggestion.rationale import abstention_text, rationale_text
from bot.suggestion.reading import LadderReading, SaidOfChange, read_ladder
from bot.suggestion.screening import (
    AbstainReason,
    looks_like_gibberish,
    looks_like_instruction,
    only_asks_questions,
    says_dont_know,
    validate_answer,
)
from bot.suggestion.tuning import DEFAULT_TUNING, Tuning
from bot.suggestion.words import content_tokens, word_count

ENGINE_NAME = "default"
MEMO_SIZE = 512  # texts whose reading is kept; a few hundred bytes each
# By embedder: a clause this similar to one of a characteristic's phrases is about its topic, however little it
# evidences (too thin, not off topic). Only for an embedder with a calibrated similarity scale: the off-topic
# answers of the dev cases reach 0.39 with all-MiniLM-L6-v2, thin on-topic openings 0.45.
NEAR_TOPIC = {"all-MiniLM-L6-v2": 0.42}
BRIEF_ANSWER_WORDS = 15  # a line of chat: it may name what is in place, it cannot settle a level on its own


class DefaultSuggestionEngine:
    name = ENGINE_NAME

    def __init__(
        self, kb: KnowledgeBase, embedder: Embedder, tuning: Tuning = DEFAULT_TUNING, cache_dir: Path | None = None
    ):
        self.kb = kb
        self.embedder = embedder
        self.tuning = tuning
        self.cache_dir = cache_dir  # on-disk condition vectors; None keeps them in memory only
        # Each probe turn reads the same opening answer again (and every later characteristic the earlier
        # answers): the reading of one text is a pure function of it, so it is done once.
        self._evidence = functools.lru_cache(maxsize=MEMO_SIZE)(self._match)
        self._said_in = functools.lru_cache(maxsize=MEMO_SIZE)(self._said_in_one)
        self._topic_words = distinctive_name_words({cid: kb.characteristic(cid).name for cid in kb.characteristic_ids})
        self._near_topic = NEAR_TOPIC.get(embedder.name)

    def warm_up(self, characteristic_ids: list[str] | None = None) -> None:
        """Embed the conditions of these characteristics (all by default) ahead of the first answer."""
        for characteristic_id in characteristic_ids or self.kb.characteristic_ids:
            characteristic_index(self.kb, self.embedder, characteristic_id, self.cache_dir)
        knowledge_vocabulary(self.kb)
        self.embedder.embed(["We publish the strategy.", "Residents comment on it online."])

    def suggest(self, characteristic_id: str, answer: str, context: SuggestionContext | None = None) -> Suggestion:
        """Suggest a level, or abstain; with the probe to ask when the level is not settled. See
        `SuggestionEngine`."""
        context = context or SuggestionContext()
        characteristic = self.kb.characteristic(characteristic_id)
        text = validate_answer(answer)
        screened = screen_answer(text, self.kb)
        if screened is not None:
            return self._abstention(characteristic, screened, context)

        index = characteristic_index(self.kb, self.embedder, characteristic.id, self.cache_dir)
        matched, names_the_topic = self._evidence(characteristic.id, text, context.horizon)
        evidence = list(matched)
        replies = reply_readings(context.exchanges, characteristic)
        said_earlier = set().union(*(self._said_in(characteristic.id, earlier) for earlier in context.earlier_answers))
        on_its_own = decide_level(evidence, self.tuning)
        change = said_of_change(text, context)
        reading = read_ladder(characteristic, evidence, {level: answer for level, (answer, _) in replies.items()},
                              said_earlier, context.horizon, context.level_now, self.tuning,
                              self._text_level(on_its_own.level, change, context, evidence),
                              on_its_own.abstain_reason, change, names_the_topic,
                              brief=context.horizon == Horizon.NOW and word_count(text) <= BRIEF_ANSWER_WORDS,
                              said_beyond={level for level, (_, said) in replies.items() if level >= 2
                                           and says_beyond(said)})
        if not replies:
            reading = _placed_below_the_gap(reading, on_its_own.below_the_gap)
        if reading.level is None:
            return self._abstention(characteristic, reading.abstain_reason or AbstainReason.THIN_EVIDENCE, context,
                                    reading)
        return self._suggestion(characteristic, index, reading, evidence, replies, context)

    def _text_level(self, level: int | None, change: SaidOfChange, context: SuggestionContext,
                    evidence: list[ConditionEvidence]) -> int | None:
        """The level the answer's text reads as on its own. In two years, with the level now known: the
        rungs above it that committed plans reach one by one (`climb_from`); one below it when something
        will be lost; the level now when the answer says nothing will change."""
        if context.horizon != Horizon.TWO_YEARS or context.level_now is None:
            return level
        if change == SaidOfChange.LOSS:
            return max(1, context.level_now - 1)
        if change == SaidOfChange.NO_CHANGE:
            return context.level_now
        return climb_from(context.level_now, evidence, self.tuning)

    def _match(self, characteristic_id: str, text: str, horizon: Horizon) -> tuple[tuple[ConditionEvidence, ...], bool]:
        """The evidence the text gives each condition, and whether a clause of it only names the topic."""
        index = characteristic_index(self.kb, self.embedder, characteristic_id, self.cache_dir)
        clauses = split_clauses(text)
        vectors = np.asarray(self.embedder.embed([c.said for c in clauses]), dtype=np.float32)
        vectors = vectors.reshape(len(clauses), -1) if clauses else vectors
        names_the_topic = any(only_names_the_topic(index.characteristic, words) or
                              only_judges_the_topic(index.characteristic, words)
                              for words in (without_names(c.text, set(content_tokens(c.text)), index.idf)
                                            for c in clauses))
        # "Our IT is much better than it was": about the topic, however thin; worth a probe, not off topic; so is a
        # clause close to one of its phrases though not close enough to evidence it ("a shared API gateway")
        names_the_topic = (names_the_topic or bool(self._topic_words[characteristic_id] & set(content_tokens(text)))
                           or (self._near_topic is not None and len(clauses) > 0
                               and float((vectors @ index.vectors.T).max()) >= self._near_topic))
        return tuple(match_conditions(index, clauses, vectors, self.tuning, horizon)), names_the_topic

    def _said_in_one(self, characteristic_id: str, earlier_answer: str) -> frozenset[str]:
        index = characteristic_index(self.kb, self.embedder, characteristic_id, self.cache_dir)
        return frozenset(conditions_said_earlier(index, [earlier_answer], self.tuning))

    def _suggestion(self, characteristic: Characteristic, index: CharacteristicIndex, reading: LadderReading,
                    evidence: list[ConditionEvidence], replies: dict[int, tuple[ProbeAnswer, str]],
                    context: SuggestionContext) -> Suggestion:
        level = reading.level
        assert level is not None
        grounds = gather_grounds(characteristic, index, reading, evidence, replies, self.tuning)
        return Suggestion(
            characteristic=characteristic.id,
            level=level,
            confidence=reading.confidence,
            rationale=rationale_text(self.kb, characteristic, level, grounds.quotes, grounds.relied_replies,
                                     grounds.bridged, grounds.stopping, grounds.stopping_reply, grounds.gap),
            citations=grounds.citations(characteristic, level),
            evidence=grounds.evidence(context.exchanges),
            counter_evidence=grounds.counter,
            missing=[f"{c.id}: {c.text}" for c in grounds.missing],
            follow_up=follow_up_question(characteristic, None, reading.probe),
            engine=self.name,
            knowledge_version=self.kb.version,
            horizon=context.horizon,
            probe=reading.probe,
        )

    def _abstention(self, characteristic: Characteristic, reason: AbstainReason, context: SuggestionContext,
                    reading: LadderReading | None = None) -> Suggestion:
        probe = reading.probe if reading is not None else None
        asked_level = probe.level if probe else 2
        return Suggestion(
            characteristic=characteristic.id,
            level=None,
            confidence=0.0,
            rationale=abstention_text(characteristic, reason),
            citations=[criterion_citation(characteristic, asked_level)],
            evidence=[],
            missing=[f"{c.id}: {c.text}" for c in characteristic.level(asked_level).conditions],
            follow_up=follow_up_question(characteristic, reason, probe),
            engine=self.name,
            knowledge_version=self.kb.version,
            abstain_reason=reason.value,
            horizon=context.horizon,
            probe=probe,
        )


def _placed_below_the_gap(reading: LadderReading, gap_level: int | None) -> LadderReading:
    """A thin reading of an answer that names a gap (`decision.below_the_gap`) placed at the level below it: the best
    level so far, never settled, with the probes of a thin answer (from the middle of the ladder)."""
    if reading.level is not None or reading.abstain_reason != AbstainReason.THIN_EVIDENCE or gap_level is None:
        return reading
    return replace(reading, level=gap_level, confidence=round(reading.distribution[gap_level], 4), settled=False,
                   abstain_reason=None)


def said_of_change(answer: str, context: SuggestionContext) -> SaidOfChange:
    """What a two-year answer says of change as such (nothing, for the level now)."""
    if context.horizon != Horizon.TWO_YEARS:
        return SaidOfChange.NOTHING
    if says_something_is_lost(answer):
        return SaidOfChange.LOSS
    return SaidOfChange.NO_CHANGE if says_no_change(answer) else SaidOfChange.NOTHING


def reply_readings(exchanges: list[ProbeExchange],
                   characteristic: Characteristic) -> dict[int, tuple[ProbeAnswer, str]]:
    """How each probe reply reads, by the level it was about (a later reply about a level wins): a
    button's answer as given, typed words read by `read_probe_reply`."""
    readings: dict[int, tuple[ProbeAnswer, str]] = {}
    for exchange in exchanges:
        level = exchange.probe.level
        answer = exchange.answer or read_probe_reply(exchange.reply, level,
                                                     states_a_beginning(characteristic.level(level).conditions, level))
        readings[level] = (answer, exchange.reply.strip())
    return readings


def screen_answer(text: str, kb: KnowledgeBase) -> AbstainReason | None:
    """Reasons to abstain that show before any matching: instructions, gibberish, "don't know"."""
    if looks_like_instruction(text):
        return AbstainReason.INSTRUCTION
    if looks_like_gibberish(text, knowledge_vocabulary(kb)):
        return AbstainReason.GIBBERISH
    if says_dont_know(text):
        return AbstainReason.DONT_KNOW
    if only_asks_questions(text):
        return AbstainReason.QUESTION
    return None
