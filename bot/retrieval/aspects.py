"""A question that lists several things it needs: "guidance on benefit mapping, and separately a set of KPIs".

Each thing listed is an aspect. Ranked as one text, the words of one aspect can crowd out another ("KPIs"
puts the three indicator standards above the benefit-mapping guidance). So a question that lists two or three
aspects is also ranked once per aspect, as if it listed only that one, and each aspect's best standard keeps a
place near the top. Aspects are read from the marks people list things with inside a sentence: "+", ";",
"(a) ... (b)", "plus", "as well as", "and separately", "and also". A plain "and" is not one ("city services and
quality of life" is one thing), nor is a new sentence (it often gives the context, not another need).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.retrieval.lexical import tokenize
from bot.retrieval.query import sentences_of

_LIST_MARK = re.compile(
    r"\s\+\s|;|\s\((?:[a-c]|[1-3]|i{1,3})\)\s|,?\s+\b(?:plus|as\s+well\s+as|and\s+separately|and\s+also)\b",
    re.IGNORECASE,
)
# An aspect that says what kind of help it needs ("guidance on benefit mapping", "a set of KPIs"); one that does
# not ("plus the resilience ones") needs the kind the question as a whole asks for
_NAMES_ITS_NEED = re.compile(
    r"\b(?:indicators?|kpis?|metrics?|measures?|guidance|guide|framework|approach|method|process|how)\b",
    re.IGNORECASE,
)
MIN_ASPECT_WORDS = 2  # informative words an aspect needs to be ranked on its own
MAX_ASPECTS = 3


def aspects_of(question: str) -> list[str]:
    """The two or three things the question lists, verbatim, or `[]` when it lists none (or more than three)."""
    aspects = []
    for sentence in sentences_of(question):
        pieces = [piece.strip(" ,:-") for piece in _LIST_MARK.split(sentence)]
        if len(pieces) > 1:
            aspects += [piece for piece in pieces if len(tokenize(piece)) >= MIN_ASPECT_WORDS]
    return aspects if 2 <= len(aspects) <= MAX_ASPECTS else []


def with_only(aspect: str, question: str, aspects: Sequence[str]) -> str:
    """The question as if it listed only `aspect`: its context stays ("We're rewriting the 2040 vision. It needs
    to (a) line up with the SDGs"), the other aspects go."""
    for other in aspects:
        if other != aspect:
            question = question.replace(other, " ")
    return question


def names_its_need(aspect: str) -> bool:
    """Whether the aspect says what kind of help it needs, not only what about."""
    return bool(_NAMES_ITS_NEED.search(aspect))


def with_aspects_covered(ranked: Sequence[str], aspect_bests: Sequence[str]) -> list[str]:
    """`ranked` (best first) with each aspect's best standard moved up behind the best one, in `ranked`'s order;
    an aspect's best that `ranked` lacks comes after the others."""
    if not ranked:
        return []
    lifted = [standard for standard in dict.fromkeys(aspect_bests) if standard != ranked[0]]
    position = {standard: index for index, standard in enumerate(ranked)}
    lifted.sort(key=lambda standard: position.get(standard, len(ranked)))
    return [ranked[0], *lifted, *(standard for standard in ranked[1:] if standard not in lifted)]
