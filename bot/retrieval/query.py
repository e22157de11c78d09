"""Query clean-up before embedding: drop the request framing ("is there an ISO standard for that?").

Every question in this product asks for a standard, so the framing carries no topic; left in, it pulls
the query embedding towards whichever text says "ISO ... provides guidance" rather than towards the
subject. The dense side also drops the remaining "ISO", "standard" and standard numbers (every entry
talks about ISO standards, so they say nothing about the subject); BM25 keeps the numbers, so a named
standard ("ISO 37120") still finds its own entries.
"""

from __future__ import annotations

import re

_FRAMING = (
    # "is there an ISO standard for that", "are there any standards on this", "is there guidance"
    r"\b(?:is|are)\s+there\s+(?:an?\s+|any\s+)?(?:iso\s+)?(?:standards?|guidance|iso)\b"
    r"(?:\s+(?:for|on|about)\s+(?:that|this|it)\b)?",
    # "which ISO standard", "what ISO", "any standard" (not "which ISO 37120")
    r"\b(?:which|what|any)\s+(?:iso\s+)?(?:standards?|iso)\b(?!\s*/?\s*(?:iec|ts|tr)?\s*/?\s*\d)",
    # a trailing "- standard?", ", ISO?", ": iso"
    r"[-:,]?\s*\b(?:iso|standards?)\s*\??\s*$",
)
_FRAMING_PATTERN = re.compile("|".join(f"(?:{pattern})" for pattern in _FRAMING), re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def strip_request_framing(query: str) -> str:
    """The question without its "which standard" framing; the original when nothing else would be left."""
    stripped = _SPACES.sub(" ", _FRAMING_PATTERN.sub(" ", query)).strip(" -:,")
    return stripped if any(char.isalpha() for char in stripped) else query


_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:?!])")
_STANDARD_WORDS = re.compile(
    r"\b(?:iso|iec)\b(?:\s*/\s*(?:iec|ts|tr)\b)*(?:\s*/?\s*\d{4,5}(?:-\d+)?(?::\d{4})?)?|\bstandards?\b",
    re.IGNORECASE,
)


def strip_standard_mentions(query: str) -> str:
    """The question without "ISO", "standard" or standard numbers, for judging what it is about.

    Every entry of the knowledge base talks about ISO standards, so these words make any question
    ("What is the ISO country code for Portugal?") look closer to the model than its subject is.
    """
    stripped = _SPACES.sub(" ", _STANDARD_WORDS.sub(" ", strip_request_framing(query)))
    stripped = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", stripped).strip(" -:,/")
    return stripped if any(char.isalpha() for char in stripped) else query


# not after an abbreviation: "simpler for small suppliers, e.g. faster payment?" is one sentence
_SENTENCE_END = re.compile(
    r"(?<=[.?!])(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)(?<!vs\.)(?<!incl\.)(?<!approx\.)(?<!\bno\.)\s+|\n+", re.IGNORECASE)


def sentences_of(text: str) -> list[str]:
    """The question's sentences (or lines), in order, without empty ones."""
    return [sentence for sentence in _SENTENCE_END.split(text) if sentence.strip()]
