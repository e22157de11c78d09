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
from bot.retrieval.phrasing import DEFAULT_PROMPT_PATH, PhrasingRejected, phrase_with_chat_model
from bot.retrieval.retriever import JudgesRelevance, RetrievalMode, RetrievedEntry, Retriever
from bot.retrieval.standards_ranking import DEFAULT_WEIGHTS, RankedStandard, RankingWeights, rank_standards

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 10_000
RETRIEVAL_DEPTH = 20  # entries retrieved before they are folded into standards
# A standard scoring under this share of the best one is noise, not a second opinion: on the dev
# questions no expected standard scored under 0.19 of the best, while a third of the others did.
MIN_RELATIVE_SCORE = 0.1

NOTHING_RELEVANT = (
    "Nothing in the MMSSC draft's standards mapping (Table 3, Annex B and Annex C) matches this question, "
    "so no standard is suggested. Try describing the part of the community's work you want to improve, "
    "for example open data, procurement, digital inclusion, infrastructure or one of the six purposes."
)


class StandardHit(BaseModel):
    """One standard that helps; `source` is the knowledge-base entry the `why` is quoted from."""

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


class StandardsAnswer(BaseModel):
    """The JSON of `mmssc ask --json`: {"question", "answer", "standards": [{"id", "ref", "why", "source"}]}."""

    question: str
    answer: str
    standards: list[StandardHit]
    relevant: bool
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
    >>> [(hit.id, hit.ref, hit.source) for hit in answer.standards][:1]
    [('ISO 37106', 'B8', 'annexB:2.2:1')]

    Raises `InvalidInputError` for an empty, over-long (over 10,000 characters) or non-text question.
    When nothing retrieved is on topic, `relevant` is false, `standards` is empty and `answer` says so.
    With a `chat_model`, the answer text may be phrased by it; the standards listed never change.
    """
    text = validate_question(question)
    entries = retriever.search(text, k=RETRIEVAL_DEPTH, mode=mode)
    floor = retriever.relevance_floor if isinstance(retriever, JudgesRelevance) else None
    ranked = rank_standards(entries, kb, weights) if is_on_topic(entries, floor, mode) else []
    if not ranked:
        return StandardsAnswer(question=text, answer=NOTHING_RELEVANT, standards=[], relevant=False, mode=mode,
                               knowledge_version=kb.version)
    floor_score = ranked[0].score * MIN_RELATIVE_SCORE
    hits = [_hit(standard, kb) for standard in ranked[:limit] if standard.score >= floor_score]
    result = StandardsAnswer(question=text, answer=compose_standards_answer(hits), standards=hits, relevant=True,
                             mode=mode, knowledge_version=kb.version)
    if chat_model is None:
        return result
    try:
        phrased = phrase_with_chat_model(chat_model, text, hits, prompt_path)
    except PhrasingRejected as rejected:
        log.warning("kept the template answer: %s", rejected)
        return result.model_copy(update={"fallback_reason": str(rejected)})
    return result.model_copy(update={"answer": phrased, "phrased_by": "llm"})


def is_on_topic(
    entries: Sequence[RetrievedEntry], relevance_floor: float | None, mode: RetrievalMode = RetrievalMode.HYBRID
) -> bool:
    """Whether anything retrieved is about the question.

    With a calibrated embedder the best dense similarity must reach its floor. Otherwise (the hashing
    embedder, or BM25 only) the question must share at least one word with the knowledge base; dense
    retrieval alone with an uncalibrated embedder cannot tell, and says yes.
    """
    if not entries:
        return False
    similarities = [entry.dense_similarity for entry in entries if entry.dense_similarity is not None]
    if relevance_floor is not None and similarities:
        return max(similarities) >= relevance_floor
    if mode == RetrievalMode.DENSE:
        return True
    return any((entry.lexical_score or 0.0) > 0 for entry in entries)


def reference_label(hit: StandardHit) -> str:
    """`ISO 37106, sub-component B8`, `ISO 37104, Clause 5`, `ISO 18091, function B.4.2` or the bare id."""
    if not hit.ref:
        return hit.id
    if hit.ref_kind == "iso37106_subcomponent":
        return f"{hit.id}, sub-component {hit.ref}"
    if hit.ref_kind == "iso18091_function":
        return f"{hit.id}, function {hit.ref}"
    return f"{hit.id}, {hit.ref}"


def compose_standards_answer(hits: Sequence[StandardHit]) -> str:
    """The deterministic answer: the standards best first, each with the draft's words and its source."""
    lines = ["Standards that help, best first (from the MMSSC draft's Table 3, Annex B and Annex C):"]
    for number, hit in enumerate(hits, start=1):
        lines.append(f"{number}. {reference_label(hit)}: {hit.why} [{hit.source}]")
    return "\n".join(lines)


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
    )
