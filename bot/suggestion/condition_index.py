"""The conditions of one characteristic as matchable phrases, embedded once per process.

Each condition contributes its own text and its cues (everyday phrases). The index of a
characteristic is built on first use and cached by knowledge version, embedder name and
characteristic id, so a warm `suggest` only embeds the answer. Given a cache directory, the vectors
are also kept on disk (`vector_cache`), so a new process reads them instead of embedding again.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.knowledge import KnowledgeBase
from bot.knowledge.models import AnnexBEntry, Characteristic, Condition
from bot.retrieval.embedder import Embedder
from bot.suggestion.coverage import PhraseWords, phrase_words
from bot.suggestion.qualifiers import Qualifier, qualifiers
from bot.suggestion.vector_cache import cache_path, load_vectors, save_vectors
from bot.suggestion.words import content_tokens


@dataclass(frozen=True)
class Phrase:
    """One matchable phrase: a condition's text or one of its cues."""

    condition: Condition
    level: int
    text: str
    is_cue: bool
    marks: frozenset[Qualifier]
    words: frozenset[str]
    whole_scope: bool = False  # the phrase claims the whole city ("city-wide inclusion plan")
    partial_scope: bool = False  # a partial scope meets its condition (`meets_partial_scope`)
    narrow_start: bool = False  # a level-1 phrase whose criterion is itself a narrow scope (`is_narrow_start`)
    no_problem_left: bool = False  # its criterion says a problem is gone (`says_no_problem_is_left`)


def phrase_qualifiers(text: str, level: int, is_cue: bool) -> frozenset[Qualifier]:
    """Qualifiers of a condition phrase. The criteria's own wording above level 1 states a requirement
    ("... the outcomes city leaders plan to achieve"), so it counts as affirmative whatever its words."""
    if level >= 2 and not is_cue:
        return frozenset()
    if level == 1 and not is_cue and _SCARCELY.search(text):
        return qualifiers(text) | {Qualifier.NEGATED}
    return qualifiers(text)


# The starting point said as a scarcity ("with little consultation", "minimal consultation and engagement"): what a
# denial of the thing says ("consultation is almost none"), as "no" says it in the other level-1 criteria
_SCARCELY = re.compile(r"\b(?:little|minimal|hardly\s+any|scarcely\s+any|very\s+few)\s+(?!or\s+no\b)", re.IGNORECASE)


_WHOLE_SCOPE = re.compile(
    r"\b(?:city-?wide|whole|entire|all|every|everyone|everybody|across)\b", re.IGNORECASE
)


def claims_whole_scope(text: str) -> bool:
    """Whether a phrase claims the whole city or organisation, which a partial scope falls short of."""
    return bool(_WHOLE_SCOPE.search(text))


def meets_partial_scope(condition: Condition, level: int) -> bool:
    """Whether a fact said with a partial scope ("about 40% of departments", "compliance is patchy") is what a
    condition describes rather than short of it: every level-2 condition ("started to map", "examples of"),
    and a higher one whose own text states a beginning ("has started to develop policies and standards")."""
    return level == 2 or (level > 2 and Qualifier.PARTIAL in qualifiers(condition.text))


def is_narrow_start(criterion: str) -> bool:
    """Whether a level-1 criterion is itself a narrow scope ("City data is only used by the business units that create
    and store the data"): a clause saying "only" agrees with it rather than falling short of it."""
    return Qualifier.PARTIAL in qualifiers(criterion)


# A criterion that says a problem is gone: "No significant skill gaps remain".
_NO_PROBLEM_LEFT = re.compile(
    r"\bno\s+(?:[\w-]+\s+){0,2}(?:gaps|shortages|problems|issues|barriers)\s+(?:remain|exist)", re.IGNORECASE)


def says_no_problem_is_left(criterion: str) -> bool:
    """Whether a criterion says a problem is gone ("No significant skill gaps remain"): an answer that says the
    problem is there ("the gaps are big") goes against it, however close its words."""
    return bool(_NO_PROBLEM_LEFT.search(criterion))


def states_a_beginning(conditions: Sequence[Condition], level: int) -> bool:
    """Whether a rung describes beginnings, so that a partial scope is what it asks about: level 2, and a higher
    one whose every condition states a beginning ("The city has started to develop policies, processes and
    standards ..." at level 3 of 3.2.1 and 3.2.2)."""
    return level == 2 or (level > 2 and bool(conditions) and all(meets_partial_scope(c, level) for c in conditions))


@dataclass(frozen=True)
class CharacteristicIndex:
    characteristic: Characteristic
    phrases: list[Phrase]
    vectors: np.ndarray  # one unit row per phrase
    standards: list[AnnexBEntry]
    standard_vectors: np.ndarray  # one unit row per Annex B entry
    name_vector: np.ndarray  # the characteristic's name ("Wellbeing"): what an answer about the topic resembles
    idf: dict[str, float]
    words: PhraseWords  # the phrases' informative words, for `coverage.lexical_coverages`
    no_problem_left: bool = False  # a criterion says a problem is gone: answers are read for problems said to be there

    def conditions_of_level(self, level: int) -> list[Condition]:
        return list(self.characteristic.level(level).conditions)


_lock = threading.Lock()
_indexes: dict[tuple[str, str, str], CharacteristicIndex] = {}


def characteristic_index(
    kb: KnowledgeBase, embedder: Embedder, characteristic_id: str, cache_dir: Path | None = None
) -> CharacteristicIndex:
    """The cached index of one characteristic; builds it (one embedding batch, or a read of the
    on-disk cache under `cache_dir` when given) on first use."""
    key = (kb.version, embedder.name, characteristic_id)
    with _lock:
        found = _indexes.get(key)
    if found is not None:
        return found
    built = _build_index(kb, embedder, kb.characteristic(characteristic_id), cache_dir)
    with _lock:
        return _indexes.setdefault(key, built)


def _build_index(
    kb: KnowledgeBase, embedder: Embedder, characteristic: Characteristic, cache_dir: Path | None = None
) -> CharacteristicIndex:
    phrases: list[Phrase] = []
    for level in characteristic.levels:
        for condition in level.conditions:
            partial_scope = meets_partial_scope(condition, level.level)
            narrow_start = level.level == 1 and is_narrow_start(condition.text)
            no_problem_left = says_no_problem_is_left(condition.text)
            for text, is_cue in [(condition.text, False)] + [(cue, True) for cue in condition.cues]:
                marks = phrase_qualifiers(text, level.level, is_cue)
                words = frozenset(content_tokens(text))
                phrases.append(Phrase(condition, level.level, text, is_cue, marks, words, claims_whole_scope(text),
                                      partial_scope, narrow_start, no_problem_left))
    standards = kb.annex_b_for_characteristic(characteristic)
    texts = [p.text for p in phrases] + [f"{e.standard}: {e.guidance}" for e in standards] + [characteristic.name]
    vectors = _embed_texts(texts, embedder, None if cache_dir is None else cache_path(
        cache_dir, kb.version, embedder.name, characteristic.id))
    idf = knowledge_idf(kb)
    return CharacteristicIndex(
        characteristic=characteristic,
        phrases=phrases,
        vectors=vectors[: len(phrases)],
        standards=standards,
        standard_vectors=vectors[len(phrases) : len(phrases) + len(standards)],
        name_vector=vectors[len(phrases) + len(standards)],
        idf=idf,
        words=phrase_words([p.words for p in phrases], idf),
        no_problem_left=any(p.no_problem_left for p in phrases),
    )


def _embed_texts(texts: list[str], embedder: Embedder, cached_at: Path | None) -> np.ndarray:
    """One float32 row per text: from the cache file when usable, else embedded (and cached)."""
    if cached_at is not None:
        found = load_vectors(cached_at, len(texts))
        if found is not None:
            return found
    vectors = np.asarray(embedder.embed(texts), dtype=np.float32).reshape(len(texts), -1)
    if cached_at is not None and len(texts):
        save_vectors(cached_at, vectors)
    return vectors


_idf_by_version: dict[str, dict[str, float]] = {}
_vocabulary_by_version: dict[str, frozenset[str]] = {}


def knowledge_idf(kb: KnowledgeBase) -> dict[str, float]:
    """Inverse document frequency of every content word over all condition texts and cues."""
    found = _idf_by_version.get(kb.version)
    if found is None:
        counts: Counter[str] = Counter()
        total = 0
        for c in kb.characteristics:
            for level in c.levels:
                for condition in level.conditions:
                    for text in [condition.text, *condition.cues]:
                        counts.update(set(content_tokens(text)))
                        total += 1
        found = {word: math.log(1 + total / count) for word, count in counts.items()}
        _idf_by_version[kb.version] = found
    return found


def knowledge_vocabulary(kb: KnowledgeBase) -> frozenset[str]:
    """Every stemmed word of the knowledge base: the stand-in dictionary for spotting gibberish."""
    found = _vocabulary_by_version.get(kb.version)
    if found is None:
        words: set[str] = set()
        for c in kb.characteristics:
            words.update(content_tokens(f"{c.name} {c.question}"))
            for level in c.levels:
                words.update(content_tokens(level.criteria))
                for condition in level.conditions:
                    for cue in condition.cues:
                        words.update(content_tokens(cue))
        for standard in kb.standards:
            words.update(content_tokens(f"{standard.title} {standard.description}"))
        found = frozenset(words)
        _vocabulary_by_version[kb.version] = found
    return found
