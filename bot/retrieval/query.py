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


# A question that looks up a fact (a date, a person, a number, a price, today's reading) asks about the
# world, not for guidance on running a city: no standard answers it, however many of the model's words it
# uses ("When is the next full council meeting?", "What's Barcelona's waste target per resident?").
_FACT_LOOKUP = re.compile(
    r"""^\s*(?:and\s+|so\s+|hi,?\s+|hey,?\s+|please,?\s+)?(?:
          (?:when|what\s+time|what\s+day|what\s+date)\b
        | who\s+(?:is|was|are|were|won|runs|supplies|leads|heads|chairs|did|said|announced)\b
        | how\s+many\s+(?:people|residents|inhabitants|citizens|days|hours|times|employees|staff|visitors|cars)\b
        | how\s+(?:much|many)\b[^?]*\b(?:i|my|me)\b
        | how\s+much\s+(?:does|do|is|are|did|was|will)\b[^?]*\b(?:cost|charge|pay|earn|fine)\b
        | where\s+(?:is|are|can\s+i|do\s+i|does)\b
        | how\s+(?:do|can|should)\s+i\s+(?:change|pay|apply|renew|register|book|report|appeal|cancel|contact
                                       |get\s+(?:a|my)|find\s+(?:a|my))\b
        | what(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+|our\s+|their\s+|today'?s\s+|\w+(?:'s|’s)\s+)?
          (?:total\s+|overall\s+|current\s+|latest\s+|annual\s+|exact\s+|official\s+)?
          (?:population|number|phone|address|price|cost|fee|rate|score|deadline|date|capital|weather|forecast
          |maximum|minimum|average|percentage|target|budget|name|result|opening|time)\b
        | what\s+did\b
        | which\s+(?:company|firm|supplier|vendor|person|day|bin|bus|train|tram)\b
        | can\s+you\s+(?:give|tell|send|show)\s+me\s+(?:today|the\s+(?:latest|current|number|date|time))
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A chore for the assistant ("translate this", "summarise my answers") or the price of a document: not a
# need a standard answers, even when the question names one ("How much does a copy of ISO 37120 cost?").
_CHORE_OR_PURCHASE = re.compile(
    r"""^\s*(?:hi,?\s+|hey,?\s+|please,?\s+)?(?:can|could|would|will)\s+you\s+(?:please\s+)?
          (?:translate|summari[sz]e|proofread|rewrite|reformat|spell-?check|email|remind|schedule|book|print)\b
      | ^\s*(?:hi,?\s+|hey,?\s+|please,?\s+)?(?:translate|summari[sz]e|proofread|paraphrase|reformat|spell-?check)\b
      | ^\s*(?:hi,?\s+|hey,?\s+|please,?\s+|(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:draft|write)\s+
          (?:me\s+|us\s+)?(?:an?\s+|the\s+)?(?:short\s+|quick\s+|polite\s+)?
          (?:e-?mail|letter|reply|message|note|tweet|post|memo|invitation|thank-you)\b
      | \b(?:cost|costs|costing)\s+to\s+(?:buy|purchase|download|order)\b
      | \bhow\s+much\s+(?:does|do|is|are|would|will)\s+(?:iso|iec|the\s+standards?|a\s+standard)\b[^?]*\bcost\b
      | \b(?:buy|purchase|order)\s+(?:a\s+copy|copies|the\s+(?:standard|document|pdf))\s+
          (?:through|from|via|online|directly)\b
      | \bnational\s+standards\s+(?:body|institute|organi[sz]ation)\b
      | \b(?:buy|purchase|order|download)\s+(?:a|the|our\s+own)\s+copy\b
      | \bhow\s+much\s+(?:does|do|is|are)\s+(?:a\s+|the\s+)?(?:copy|licen[cs]e|pdf)\s+of\b
      | \bprice\s+of\s+(?:a\s+|the\s+)?(?:copy|licen[cs]e|pdf|iso)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# ... unless it also asks how to run, plan or improve something, or for guidance by name.
_GUIDANCE = re.compile(
    r"\b(?:standards?|guidance|guidelines?|iso|framework|method(?:ology)?|model|approach|best\s+practice"
    r"|checklist|definitions?|terminology|vocabulary|glossary|requirements|criteria|indicators"
    r"|how\s+(?:do|can|should|could)\s+we|we\s+(?:want|need|plan|are\s+trying)\s+to)\b",
    re.IGNORECASE,
)


# A past event or the places that did something ("did the council approve ...?", "which cities piloted the
# model?") is a fact even when it names a standard or the model; only a stated need makes it a request.
_EVENT_LOOKUP = re.compile(
    r"""^\s*(?:and\s+|so\s+|hi,?\s+|hey,?\s+)?(?:
          did\s+(?:the|our|their|they|we|anyone|anybody|he|she|it)\b
        | which\s+(?:other\s+)?(?:cities|countries|towns|councils|municipalities|regions|communities)\s+
          (?!(?:should|could|can)\b)
        | who\s+(?:wrote|developed|created|authored|drafted|funded|piloted)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_NEED = re.compile(
    r"\b(?:guidance|guidelines?|best\s+practice|how\s+(?:do|can|should|could)\s+we"
    r"|we\s+(?:want|need|plan|are\s+trying)\s+to)\b",
    re.IGNORECASE,
)


def looks_up_a_fact(query: str) -> bool:
    """Whether a question asks for a fact about the world rather than for guidance (see `_FACT_LOOKUP`)."""
    if _EVENT_LOOKUP.search(query):
        return not _NEED.search(query)
    return bool(_FACT_LOOKUP.search(query)) and not _GUIDANCE.search(query)


def asks_a_chore_or_a_price(query: str) -> bool:
    """Whether a question asks the assistant for a chore or a document's price (`_CHORE_OR_PURCHASE`):
    never answered with a standard, even one it names."""
    return bool(_CHORE_OR_PURCHASE.search(query))
