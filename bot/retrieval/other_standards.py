"""A question about a standard the draft does not map ("is ISO 50001 the one for our buildings?").

The model's standards cannot answer for another standard, so such a question is outside the model,
however close its subject comes to it. A standard named as a comparison ("a management system like
ISO 14001 but for the whole town") says what kind of thing is wanted, and the question stays in the
domain; so does one that names another standard only in passing, outside the sentence that asks.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.retrieval.pairs import BARE_STANDARD_NUMBER
from bot.retrieval.query import sentences_of

# "ISO 9001", "ISO/IEC 27001", "IEC 61850", "BS 8001", "PAS 181", "EN 50600-1"; group 1 is the number
_ANY_STANDARD = re.compile(
    r"\b(?:ISO|IEC|BS|EN|PAS)(?:\s*/\s*(?:IEC|TS|TR|PAS))*\s*/?\s*(\d{3,5}(?:-\d+)?)(?::\d{4})?\b", re.IGNORECASE
)
# Other bodies' standards, which the draft never maps: "IPSAS 17", "IFRS 16", "IEEE 802.11", "ITU-T Y.4903",
# "NIST SP 800-53", "ETSI TS 103 463", "CWA 17381", "DIN SPEC 91357", "AS/NZS 4360"; group 1 is the number
_OTHER_BODY_STANDARD = re.compile(
    r"\b(?:IPSAS|IFRS|IAS|IEEE|ITU-?T\s+[A-Z]\.|NIST\s+SP|ANSI|DIN(?:\s+SPEC)?|CWA|ETSI\s+(?:TS|TR|EN|GS)|ASTM\s+[A-Z]?"
    r"|AS/NZS)\s*(\d{1,5}(?:[.-]\d+)*)[a-z]{0,2}\b", re.IGNORECASE
)
MODEL_ITSELF = "37107"  # ISO/TS 37107, the maturity model being assessed against
# What a comparison sounds like just before the name: "like", "similar to", "the equivalent of", "think"
_COMPARISON_BEFORE = re.compile(
    r"\b(?:like|similar\s+to|equivalent\s+(?:of|to)|akin\s+to|comparable\s+to|along\s+the\s+lines\s+of"
    r"|modell?ed\s+on|in\s+the\s+style\s+of|version\s+of|counterpart\s+(?:of|to)|think|than)"
    r"\s+(?:an?\s+|the\s+|what\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_COMPARISON_AFTER = re.compile(r"^\s*(?:-?\s*(?:style|like|type)\b|but\s+for\b)", re.IGNORECASE)
# In a message about standards, a number alone names one too: "which ISO covers security? 27001 I think"
_ABOUT_STANDARDS = re.compile(r"\b(?:iso|iec|standards?)\b", re.IGNORECASE)
# A number put forward as the answer, in a message about standards: "thinking 50001", "maybe 27001?", "is it 9001"
_CANDIDATE = re.compile(r"\b(?:thinking|maybe|perhaps|probably|possibly|i\s+think|i\s+guess|is\s+it)"
                        r"\s+(?:of\s+)?(?:(?:iso|iec)\s*(?:/\s*iec\s*)?)?(\d{4,5})\b", re.IGNORECASE)
# A sentence that asks, with or without its mark: "..., but what does the audit involve"
# (a wh-word that opens the sentence or a clause of it; not a relative one: "thanks to everyone who dug out the logs")
_ASKS = re.compile(r"\?|(?:^|[,;:–—]\s*|\b(?:but|and|so|or)\s+)(?:what|which|how|where|who|whether)\b"
                   r"|\b(?:asked|asking|wondering|know)\s+if\b"
                   r"|\bshould\s+(?:we|i)\b", re.IGNORECASE)


def with_known_numbers(question: str, known_numbers: Collection[str]) -> str:
    """The question with a standard's number typed with two neighbouring digits swapped ("ISO 18901" for ISO 18091)
    written as the known standard's: a slip of the keyboard, not a standard the draft does not map. A number that
    could be the slip of two known ones is left as typed."""
    known = set(known_numbers) | {MODEL_ITSELF}

    def corrected(match: re.Match[str]) -> str:
        number = match.group(1)
        if number in known:
            return match.group(0)
        slips = [candidate for candidate in known if _swapped_neighbours(number, candidate)]
        if len(slips) != 1:
            return match.group(0)
        start, end = match.span(1)
        return match.group(0)[: start - match.start()] + slips[0] + match.group(0)[end - match.start():]

    return _ANY_STANDARD.sub(corrected, question)


def _swapped_neighbours(typed: str, known: str) -> bool:
    if len(typed) != len(known) or typed == known:
        return False
    differ = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
    return (len(differ) == 2 and differ[1] == differ[0] + 1
            and typed[differ[0]] == known[differ[1]] and typed[differ[1]] == known[differ[0]])


def other_standard_asked_about(question: str, known_numbers: Collection[str]) -> str | None:
    """The standard outside `known_numbers` that the question asks about, as written; `None` when it asks
    about none, names one of the known standards, or names another standard only as a comparison."""
    known = set(known_numbers) | {MODEL_ITSELF}
    mentions = (_ANY_STANDARD, _OTHER_BODY_STANDARD, BARE_STANDARD_NUMBER)
    named = (match.group(1) for pattern in mentions for match in pattern.finditer(question))
    if any(number in known for number in named):
        return None
    sentences = sentences_of(question)
    asking = [sentence for sentence in sentences if _ASKS.search(sentence)] if "?" in question else sentences
    patterns = mentions if _ABOUT_STANDARDS.search(question) else (_ANY_STANDARD, _OTHER_BODY_STANDARD)
    candidate = _CANDIDATE.search(question)  # "... thinking 50001 for the leisure centres"
    if candidate and candidate.group(1) not in known and _ABOUT_STANDARDS.search(question):
        return candidate.group(0)
    for sentence in asking:
        for match in (found for pattern in patterns for found in pattern.finditer(sentence)):
            before, after = sentence[: match.start()], sentence[match.end():]
            if not (_COMPARISON_BEFORE.search(before) or _COMPARISON_AFTER.search(after)):
                return match.group(0)
    return None
