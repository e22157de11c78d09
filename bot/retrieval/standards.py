""""Which standard helps with X": retrieval over the knowledge base, answered with cited standards."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from bot.errors import InvalidInputError
from bot.knowledge import KnowledgeBase
from bot.retrieval.aspects import aspects_of, names_its_need, with_aspects_covered, with_only
from bot.retrieval.guidance_request import asks_for_guidance
from bot.retrieval.intent import asks_a_chore_or_a_price, is_not_english, looks_up_a_fact
from bot.retrieval.other_fields import management_titles, other_field_asked_about
from bot.retrieval.other_standards import other_standard_asked_about, with_known_numbers
from bot.retrieval.pairs import standard_number
from bot.retrieval.phrasing import DEFAULT_PROMPT_PATH, PhrasingRejected, phrase_with_chat_model
from bot.retrieval.relevance import (
    ANSWERED_KINDS,
    AnswerKind,
    RelevanceBands,
    RelevanceSignals,
    domain_score,
    field_of_other_standards,
    judge_relevance,
)
from bot.retrieval.retriever import JudgesRelevance, RetrievalMode, RetrievedEntry, Retriever
from bot.retrieval.shorthand import spelled_out
from bot.retrieval.sought import sought_kind_first
from bot.retrieval.standards_ranking import (
    DEFAULT_WEIGHTS,
    RankedStandard,
    RankingWeights,
    cite_from_sub_dimension,
    rank_standards,
    source_sub_dimension,
)
from bot.retrieval.standards_text import (
    NOT_ENGLISH,
    NOTHING_RELEVANT,
    compose_clarifying_question,
    compose_closest_match,
    compose_standards_answer,
    in_another_field,
    outside_the_fields,
    outside_the_model,
)
from bot.retrieval.topics import TopicHit

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 10_000
RETRIEVAL_DEPTH = 20  # entries retrieved before they are folded into standards
TOPICS_OFFERED = 3  # the nearest topics a clarifying answer offers
# A standard scoring under this share of the best one is noise, not a second opinion: on the dev
# questions no expected standard scored under 0.19 of the best, while a third of the others did.
MIN_RELATIVE_SCORE = 0.1


class StandardHit(BaseModel):
    """One standard that helps; `source` is the knowledge-base entry the `why` is quoted from.

    `reference` is how people read that source (`ISO 37106, sub-component B8 (Annex B)`): show it,
    never the machine ids in `source`, `sources` or `pair_source`.
    """

    id: str
    ref: str | None
    why: str
    source: str
    score: float
    title: str | None = None
    ref_kind: str | None = None  # iso37106_subcomponent, iso37104_clause or iso18091_function
    source_kind: str | None = None  # Table 3, Annex B, Annex C, Clause 2
    refs: list[str] = []  # every sub-component, clause or function retrieved for this standard
    sources: list[str] = []  # every entry that named it, strongest first
    reference: str = ""  # KnowledgeBase.reference_label(source)
    paired_with: str | None = None  # listed because the draft names it with this (retrieved) standard
    pair_source: str | None = None  # the Table 3 / Annex B entry that names both


class StandardsAnswer(BaseModel):
    """The JSON of `mmssc ask --json`: {"question", "answer", "kind", "standards": [{"id", "ref", "why", "source",
    "reference", ...}], "topics": [...]}.

    `kind` says what the answer is: `matched` and `closest_match` list standards (best first; the
    second said as the closest match), `clarify` lists no standard but the nearest `topics` and asks
    which one is meant, `nothing` means the question is outside the model. `relevant` is true exactly
    when standards are listed. `relevance` is the domain score the kind was decided on.
    """

    question: str
    answer: str
    standards: list[StandardHit]
    relevant: bool
    kind: AnswerKind = AnswerKind.MATCHED
    topics: list[TopicHit] = []
    relevance: float | None = None
    mode: RetrievalMode = RetrievalMode.HYBRID
    phrased_by: str = "template"  # "template" or "llm"
    fallback_reason: str | None = None
    knowledge_version: str | None = None


def validate_question(question: object) -> str:
    """The question, stripped; `InvalidInputError` with a clear message when it cannot be used."""
    if not isinstance(question, str):
        raise InvalidInputError(f"The question must be text, not {type(question).__name__}.")
    text = question.strip()
    if not text:
        raise InvalidInputError("The question is empty. Ask, for example: 'Is there a standard for open data?'")
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidInputError(
            f"The question is too long ({len(text):,} characters; the limit is {MAX_QUESTION_CHARS:,}). "
            "Please ask it in a few sentences."
        )
    if any(unicodedata.category(char) in ("Cc", "Cs", "Co") and char not in "\n\r\t" for char in text):
        raise InvalidInputError("The question contains control or binary characters; please send plain text.")
    if not any(char.isalpha() for char in text):
        raise InvalidInputError("The question has no words in it; please ask in a sentence.")
    return text


def answer_standards_question(
    question: str,
    kb: KnowledgeBase,
    retriever: Retriever,
    *,
    mode: RetrievalMode = RetrievalMode.HYBRID,
    chat_model: BaseChatModel | None = None,
    limit: int = 5,
    prompt_path: Path = DEFAULT_PROMPT_PATH,
    weights: RankingWeights = DEFAULT_WEIGHTS,
) -> StandardsAnswer:
    """The standards that help with `question`, best first, each with why and the entry it comes from.

    >>> answer = answer_standards_question("is there a standard for open data?", kb, retriever)
    >>> answer.kind, [(hit.id, hit.ref, hit.reference) for hit in answer.standards][:1]
    ('matched', [('ISO 37106', 'B8', 'ISO 37106, sub-component B8 (Annex B)')])

    Raises `InvalidInputError` for an empty, over-long (over 10,000 characters) or non-text question.
    A question in the model's domain always gets standards (`matched` or, hedged, `closest_match`) or
    the nearest topics and a question back (`clarify`); only a question outside it gets `nothing`.
    The partners the draft names with a listed standard follow it (`bot.retrieval.pairs`). With a
    `chat_model`, a `matched` answer's text may be phrased by it; the standards listed never change.
    """
    text = validate_question(question)
    if is_not_english(text):  # the knowledge base and the embedder are English: nothing would match fairly
        return StandardsAnswer(question=text, answer=NOT_ENGLISH, standards=[], relevant=False,
                               kind=AnswerKind.NOTHING, mode=mode, knowledge_version=kb.version)
    known_numbers = {standard_number(standard.id) for standard in kb.standards}
    # matched spelt out and with a swapped digit put right ("ISO 18901"); shown and stored as typed
    question_as_typed, text = text, with_known_numbers(spelled_out(text), known_numbers)
    entries = retriever.search(text, k=RETRIEVAL_DEPTH, mode=mode)
    signals, bands = relevance_of(text, entries, retriever)
    other = other_standard_asked_about(text, known_numbers)
    field = other_field_asked_about(text, management_titles(standard.title for standard in kb.standards))
    signals = signals.model_copy(update={"other_standard": other, "other_field": field})
    nothing = outside_the_model(other) if other else (outside_the_fields(field) if field else NOTHING_RELEVANT)
    elsewhere = field_of_other_standards(signals, bands)
    if elsewhere and not other and not field:
        nothing = in_another_field(elsewhere)
    answer = StandardsAnswer(question=question_as_typed, answer=nothing, standards=[], relevant=False,
                             kind=AnswerKind.NOTHING, mode=mode, knowledge_version=kb.version,
                             relevance=domain_score(signals, bands) if bands is not None else None)
    if judge_relevance(signals, bands, evidence_agrees=True) == AnswerKind.NOTHING:
        return answer
    ranked = sought_kind_first(text, rank_standards(entries, kb, weights), kb)
    topics = nearest_topics(text, retriever)
    # the best standard's evidence sits in the sub-dimension of the question's nearest topic
    agrees = bool(ranked and topics and topics[0].sub_dimension == source_sub_dimension(kb, ranked[0].best.source))
    kind = judge_relevance(signals, bands, evidence_agrees=agrees)
    if kind in ANSWERED_KINDS and not ranked:
        kind = AnswerKind.CLARIFY  # in the domain, but nothing retrieved names a standard
    if kind == AnswerKind.CLARIFY and not topics:
        return answer  # no topics to offer (a retriever without an embedder): nothing to ask about
    if kind == AnswerKind.CLARIFY:
        return answer.model_copy(update={"kind": kind, "topics": topics,
                                         "answer": compose_clarifying_question(topics)})
    floor_score = ranked[0].score * MIN_RELATIVE_SCORE
    kept = [standard for standard in ranked if standard.score >= floor_score]
    kept = each_aspect_covered(text, kept, kb, retriever, mode=mode, weights=weights)[:limit]
    if topics:  # quote each standard from the part of the model the question is nearest to, if it can
        kept = [cite_from_sub_dimension(kb, standard, topics[0].sub_dimension) for standard in kept]
    hits = [_hit(standard, kb) for standard in kept]
    text_of_kind = compose_closest_match(hits, topics) if kind == AnswerKind.CLOSEST_MATCH else (
        compose_standards_answer(hits))
    result = answer.model_copy(update={"kind": kind, "topics": topics, "standards": hits, "relevant": True,
                                       "answer": text_of_kind})
    if chat_model is None or kind != AnswerKind.MATCHED:  # a hedged answer keeps its template wording
        return result
    try:
        phrased = phrase_with_chat_model(chat_model, text, hits, prompt_path)
    except PhrasingRejected as rejected:
        log.warning("kept the template answer: %s", rejected)
        return result.model_copy(update={"fallback_reason": str(rejected)})
    return result.model_copy(update={"answer": phrased, "phrased_by": "llm"})


def each_aspect_covered(
    question: str,
    ranked: Sequence[RankedStandard],
    kb: KnowledgeBase,
    retriever: Retriever,
    *,
    mode: RetrievalMode = RetrievalMode.HYBRID,
    weights: RankingWeights = DEFAULT_WEIGHTS,
) -> list[RankedStandard]:
    """`ranked`, with the best standard of each thing the question lists (`bot.retrieval.aspects`) near the top.

    Each aspect is ranked as the question would be if it listed only that aspect; it asks for the kind of
    document it names, or else for the kind the whole question asks for ("indicators ...: the general ones,
    plus the resilience ones").
    """
    aspects = aspects_of(question)
    if not aspects or not ranked:
        return list(ranked)
    found = {standard.standard: standard for standard in ranked}
    bests = []
    for aspect in aspects:
        alone = with_only(aspect, question, aspects)
        standards = rank_standards(retriever.search(alone, k=RETRIEVAL_DEPTH, mode=mode), kb, weights)
        standards = sought_kind_first(aspect if names_its_need(aspect) else question, standards, kb)
        if standards:
            bests.append(standards[0].standard)
            found.setdefault(standards[0].standard, standards[0])
    return [found[standard] for standard in with_aspects_covered([item.standard for item in ranked], bests)]


def relevance_of(
    question: str, entries: Sequence[RetrievedEntry], retriever: Retriever
) -> tuple[RelevanceSignals, RelevanceBands | None]:
    """What the relevance gate sees of the question, and the retriever's calibrated bands.

    A retriever that cannot judge relevance gives lexical evidence only: whether what was retrieved
    for the question shares a word with it.
    """
    if isinstance(retriever, JudgesRelevance):
        return retriever.relevance_signals(question), retriever.relevance_bands
    shares_a_word = any((entry.lexical_score or 0.0) > 0 for entry in entries)
    return RelevanceSignals(vocabulary_coverage=1.0 if shares_a_word else 0.0,
                            looks_up_a_fact=looks_up_a_fact(question),
                            asks_a_chore=asks_a_chore_or_a_price(question),
                            asks_for_guidance=asks_for_guidance(question)), None


def nearest_topics(question: str, retriever: Retriever) -> list[TopicHit]:
    """The nearest topics, from a retriever whose embedder is calibrated (the hashing embedder's nearest
    topics share hashed words, not meaning, so they are neither offered nor used to pick a citation)."""
    if not isinstance(retriever, JudgesRelevance) or retriever.relevance_bands is None:
        return []
    return retriever.nearest_topics(question, TOPICS_OFFERED)


def _hit(ranked: RankedStandard, kb: KnowledgeBase) -> StandardHit:
    standard = kb.standards_by_id.get(ranked.standard)
    return StandardHit(
        id=ranked.standard,
        ref=ranked.best.ref,
        why=ranked.best.why,
        source=ranked.best.source,
        score=ranked.score,
        title=standard.title if standard else None,
        ref_kind=ranked.best.ref_kind,
        source_kind=ranked.best.source_kind,
        refs=ranked.refs,
        sources=ranked.sources,
        reference=kb.reference_label(ranked.best.source),
        paired_with=ranked.paired_with,
        pair_source=ranked.pair_source,
    )
