"""Lexical retrieval: a small tokenizer with light stemming, and BM25 (rank_bm25) over the documents.

This is not the suggestion engine's tokenizer (`bot.suggestion.words`), on purpose. Here a question is
ranked against every standard and criterion, so recall across wordings matters: the stemmer is stronger
(-ment, -ity, -ation, British -ise, "-ability" read as "-able"), abbreviations are spelt out, "ISO/IEC"
and "city-wide" also match their parts, contractions are split and their pieces dropped, and so are the
words every question about standards holds ("iso", "standard", "need") and words of scope and time ("only",
"some", "now"). The suggestion engine matches an answer to the conditions of one level, where those very
words tell levels apart, so it stems only plurals, -ing and -ed and keeps them. Both drop the same
English function words (`bot.words.FUNCTION_WORDS`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rank_bm25 import BM25Okapi

from bot.words import FUNCTION_WORDS

_WORD = re.compile(r"[a-z0-9]+(?:[./-][a-z0-9]+)*")

# The shared function words, plus other English words that name no topic, the words every question
# about standards contains ("is there an ISO standard for ...") that would otherwise match every Annex B
# row, and the pieces contractions leave ("Barcelona's", "don't", "we're"), which otherwise match the
# knowledge base's own contractions.
_STOPWORD_TEXT = """
    above after again am anything because before between both but doing done further get got having if
    just like more most nor now off once only other ours out over own same some something through too
    under until up way while why yours iso standard standards guidance guide anyone eg e.g i.e etc lot
    lots really actually want need needs please thing things s t d m ll re ve don doesn didn isn aren
    wasn weren won wouldn couldn shouldn haven hasn
"""
STOPWORDS = FUNCTION_WORDS | frozenset(_STOPWORD_TEXT.split())

# Abbreviations people type for what the draft spells out; expanded on both sides alike.
ABBREVIATIONS = {
    "kpi": "key performance indicator",
    "kpis": "key performance indicators",
    "sdg": "sustainable development goal",
    "sdgs": "sustainable development goals",
    "soa": "service oriented architecture",
    "ict": "information communication technology",
    "iot": "internet of things",
    "sme": "small medium enterprise",
    "smes": "small medium enterprises",
    "api": "application programming interface",
    "apis": "application programming interfaces",
}

# Light suffix stripping, longest first: enough to join "engage/engaging/engagement",
# "citizens/citizen" or "resilience/resilient/resiliency", without a full Porter stemmer.
_SUFFIXES = (
    "encies", "ations", "ation", "ences", "ments", "ities", "ence", "ency", "ents", "ment", "ings", "ity",
    "ent", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly", "e",
)


_BRITISH = (("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"),
            ("ises", "izes"), ("ise", "ize"), ("yses", "yzes"), ("yse", "yze"))
# the noun read as its adjective, so "sustainability" meets "sustainable" and "responsibility" "responsible"
_ABILITY = (("abilities", "able"), ("ability", "able"), ("ibilities", "ible"), ("ibility", "ible"))


def stem(word: str) -> str:
    """Strip one common English suffix (then a final "e"), keeping a stem of at least four letters.

    British `-ise` spellings are read as `-ize`, so "organisation" and "organization" meet, and
    `-ability` as `-able`, so "sustainability" and "sustainable" do.
    """
    if not word.isalpha() or len(word) <= 4:
        return word
    for british, american in _BRITISH:
        if word.endswith(british):
            word = word[: -len(british)] + american
            break
    for noun, adjective in _ABILITY:
        if word.endswith(noun):
            word = word[: -len(noun)] + adjective
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    if word.endswith("e") and len(word) > 5:
        word = word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Lower-case word stems without stopwords; standard numbers and refs ("37106", "b.4.2") kept whole."""
    tokens: list[str] = []
    for raw in _WORD.findall(text.lower()):
        if raw in STOPWORDS:
            continue
        if raw in ABBREVIATIONS:
            tokens.extend(stem(word) for word in ABBREVIATIONS[raw].split())
            continue
        tokens.append(stem(raw))
        # "ISO/IEC" and "city-wide" also match their parts; refs such as "b.4.2" stay whole
        if "/" in raw or "-" in raw:
            parts = re.split(r"[/-]", raw)
            tokens.extend(stem(part) for part in parts if len(part) > 1 and part not in STOPWORDS)
    return tokens


class BM25Index:
    """BM25 (Okapi) over tokenized documents; `scores` returns one score per document, in order."""

    def __init__(self, texts: Sequence[str]):
        corpus = [tokenize(text) or ["\u2205"] for text in texts]
        self._vocabulary = {token for document in corpus for token in document}
        self._bm25 = BM25Okapi(corpus)

    def query_tokens(self, query: str) -> list[str]:
        """The query's tokens that occur in at least one document."""
        return [token for token in tokenize(query) if token in self._vocabulary]

    def scores(self, query: str) -> list[float]:
        tokens = self.query_tokens(query)
        if not tokens:
            return [0.0] * self._bm25.corpus_size
        return [float(score) for score in self._bm25.get_scores(tokens)]
