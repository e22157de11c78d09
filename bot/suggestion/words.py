"""An answer's words as the suggestion engine compares them with the conditions of a level: lower-case
tokens with a light stem, and the stop words to leave out.

This is not retrieval's tokenizer (`bot.retrieval.lexical.tokenize`), on purpose. That one ranks the
standards for a question with BM25, so it stems hard (-ment, -ity, -ation, British -ise) to let
"engagement" meet "engaging", spells out abbreviations, splits contractions and drops the words every
question about standards holds ("iso", "standard", "need"). Here a clause of an answer is matched to the
words of one level's conditions, and what tells two levels apart often sits in the words retrieval drops
or merges: scope and time ("only", "some", "more", "most", "now", "once", "before", "after"), contrast and
condition ("but", "if"), a contraction read as one word ("don't"). So only a possessive, a plural, -ing
or -ed is stripped ("dashboards" meets "dashboard"). Both drop the same English function words
(`bot.words.FUNCTION_WORDS`). The eval numbers rest on both tokenizers as they are.
"""

from __future__ import annotations

import functools
import re

from bot.words import FUNCTION_WORDS

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def word_count(text: str) -> int:
    """How many words `text` has, as `tokens` counts them."""
    return len(_TOKEN.findall(text.lower()))


_INFORMATION_TECHNOLOGY = re.compile(r"\bIT\b")  # "our IT", "IT architecture": not the pronoun "it"


def tokens(text: str) -> list[str]:
    """Lower-case word tokens with a light stem, so 'dashboards' matches 'dashboard'; "IT" in capitals is
    information technology ("ict"), not the pronoun."""
    text = _INFORMATION_TECHNOLOGY.sub("ict", text)
    return [stem(token) for token in _TOKEN.findall(text.lower().replace("’", "'"))]


# The three sides of sustainability, said as nouns or adjectives: "outcomes for economy, society and environment" is
# "economic, social and environmental outcomes"
_PILLARS = {"economy": "economic", "economies": "economic", "society": "social", "societies": "social",
            "environment": "environmental", "environments": "environmental"}


@functools.lru_cache(maxsize=16384)  # a few hundred tokens an answer, most of them seen before
def stem(token: str) -> str:
    """A possessive 's, then one plural, -ing or -ed ending, keeping a stem of at least four letters."""
    if token.endswith("'s"):
        token = token[:-2]
    if token in _PILLARS:
        return _PILLARS[token]
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if token.endswith(suffix) and len(token) - len(suffix) >= 4 and not token.endswith("ss"):
            return token[: -len(suffix)] + keep
    return token


# the shared function words, and a few more that say nothing about whether a condition is in place
STOPWORDS = FUNCTION_WORDS | {"every", "his", "may", "might", "shall"}


def content_tokens(text: str) -> list[str]:
    """The tokens that carry content: `tokens` without the stop words."""
    return [token for token in tokens(text) if token not in STOPWORDS]


# Words that judge without describing: "we're probably not very good at the attractiveness stuff", "not very
# techy tbh", "we're very advanced on resource use". Kept as `tokens` stems them.
JUDGEMENT_WORDS = frozenset(stem for word in {
    "good", "great", "bad", "poor", "strong", "weak", "excellent", "decent", "fine", "ok", "okay", "stuff",
    "thing", "area", "side", "very", "really", "quite", "pretty", "fairly", "rather", "somewhat", "probably",
    "honestly", "tbh", "much", "bit", "lot", "techy", "advanced", "behind", "ahead", "mature", "immature",
    "well", "badly", "better", "best", "worse", "worst", "stronger", "weaker", "strength", "weakness",
    "we're", "it's", "i'm", "i'd", "we've", "think", "guess", "suppose", "reckon", "say", "overall",
    "generally", "kind", "sort", "term", "front", "amazing", "brilliant", "terrible", "awful",
    "innovative", "ordinary", "normal", "basic", "traditional", "modern", "sophisticated", "average", "typical",
    "leading", "progressive", "impressive", "proud", "pride", "something", "such", "super", "oh", "wow", "keen",
    "passionate", "love", "quietly", "expect", "imagine", "you'd", "right",
    "doing", "anything", "special", "boring", "exciting", "remarkable", "groundbreaking", "spectacular", "unusual",
} for stem in tokens(word))
