"""Does a message ask for guidance at all? Only then can a standard answer it.

People write to the assistant in channels and DMs, and much of what reaches it asks for nothing a
standard meets: news ("Mississauga got its ISO 37122 certificate"), a status update, an opinion, a
greeting, a quote, or a question of another kind ("is ISO 37106 the same document as PAS 181?",
"which level do I enter?"). Rather than list those kinds one by one, this module recognises the ways
people ask for guidance in everyday English, and a message with none of them is not answered with a
standard (it gets the nearest topics if it is near the model, so a real need is never met with silence):

- it asks for guidance by name: "which standard ...", "is there ...", "any tips on ...", "SOA guidance?";
- it asks how to do something, or what to do, as an organisation: "how do we ...", "should we ...",
  "where do we start?", "how are other cities handling ...", "what helps with ...";
- it states a need or a request: "we need a ...", "looking for ...", "can you recommend ...";
- it is a bare topic, as typed in a search box: "open data portals?", "smart city vocabulary standard".
"""

from __future__ import annotations

import re

# What people ask for when they want guidance. Not "model": in this product "the model" is the MMSSC itself.
_SOUGHT = (
    r"(?:standards?|iso|iec|guidance|guidelines?|guides?|frameworks?|best\s+practices?|good\s+practices?"
    r"|methods?|methodology|approach(?:es)?|toolkits?|checklists?|templates?|tips|advice|pointers|resources"
    r"|reading|references?|examples?|ideas|recommendations?|suggestions?|principles|indicators|metrics|kpis"
    r"|measures|vocabulary|terminology|ontology|definitions?|help|support|something|anything|architecture)"
)
_ASKS_FOR_GUIDANCE = re.compile(
    rf"""
      \b(?:which|what|any|some)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){{0,3}}{_SOUGHT}\b
    | \b(?:is|are)\s+there\b
    | \bwhat(?:'s|’s|\s+is|\s+are)\s+(?:the\s+|an?\s+)?(?:['‘’"]?[\w-]+['‘’"]?\s+){{0,2}}{_SOUGHT}\b
    | \bwhat(?:'s|’s|\s+is)\s+the\s+(?:best|right|recommended|usual)\b
    # a need or a request
    | \blooking\s+for\b
    | \b(?:want|wants|wanted|need|needs|needed|'d\s+like|’d\s+like|would\s+like)\s+
      (?:a|an|some|one|to|guidance|help|advice|something|anything|proper|common|agreed|better)\b
    | \b(?:recommend|suggest|advise|point\s+(?:me|us))\b
    | \b(?:find|show|give|send)\s+(?:me|us)\s+(?:[\w-]+\s+){{0,2}}{_SOUGHT}\b
    # how to do something, what to do, where to start
    | \bhow\s+(?:do|can|should|could|would|might|will|to|best\s+to)\s+[\w-]+
    | \bhow\s+(?:are|do|did|have)\s+(?:other\s+)?(?:cities|councils|places|towns|municipalities|communities|others)\b
    | \b(?:best|right|good)\s+way\s+to\b | \bways?\s+(?:to|of)\b
    | \bwhere\s+(?:do|should|can|would|could)\s+(?:we|i)\s+(?:\w+\s+)?(?:start|begin|look|find|get|go)\b
    | \bwhere\s+to\s+(?:start|begin|look|find)\b
    | \bwhere\s+(?:are|is)\b[^?.]{{0,60}}\b(?:defined|described|set\s+out|specified|covered)\b
    | \bwhat\s+(?:\w+\s+){{0,2}}(?:should|can|could|would|do|must)\s+(?:we|cities|councils|a\s+city|a\s+council)\b
    | \b(?:should|could|can|must)\s+(?:we|a\s+city|cities|councils|the\s+council)\b | \bwho\s+should\b
    | \bwhat\s+(?:helps|would\s+help|could\s+help|can\s+help|works)\b | \bhelp\s+(?:us|me|with)\b
    # what a standard says or covers: "does ISO 37101 cover ...", "which functions in ISO 18091 ..."
    | \b(?:does|do|is|are|can|would|will)\s+(?:iso|iec|the\s+standards?|any\s+standards?|it|there)\b[^?.]{{0,60}}
      \b(?:cover|covers|address|addresses|help|helps|apply|include|deal|work|fit|say|says)\b
    | \b(?:which|what)\b[^?.]{{0,60}}\b(?:in|of|from|does|do)\s+(?:iso|iec)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Guidance asked for in a word: "Standard?", "SOA guidance pls".
_SOUGHT_IN_A_WORD = re.compile(rf"\b{_SOUGHT}\s*(?:\?|\b(?:pls|please|plz)\b)", re.IGNORECASE)
# "guidance on ...", "indicators for ...": a request only in a message that asks something.
_SOUGHT_ON = re.compile(rf"\b{_SOUGHT}\s+(?:on|for|about|to|covering|around|re)\b", re.IGNORECASE)

# A bare topic has no person and no finite verb: "indicators for a resilient city", "one-stop shop?". The
# verbs are the common ones; a sentence with another ("Nobody knows ...") ends in a full stop.
_PERSON = re.compile(r"\b(?:i|we|you|he|she|they|it|that|this|me|us|my|our|your)\b", re.IGNORECASE)
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|will|would|can|could|should|got|went|came|said"
    r"|says|think|thought|know|starts?|looks?|see|saw|comes?|left|wants?|needs?|gave|made|took|runs?|ran|won)\b"
    r"|\b\w{3,}ed\b",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\W*(?:hi|hello|hey|morning|good\s+(?:morning|afternoon|evening)|thanks|thank\s+you|cheers|bye)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
BARE_TOPIC_WORDS = 12


def is_bare_topic(message: str) -> bool:
    """A few words with no person and no finite verb, as typed into a search box: not a sentence ending in a
    full stop, not a greeting."""
    words = _WORD.findall(message)
    return (0 < len(words) <= BARE_TOPIC_WORDS and not _PERSON.search(message) and not _FINITE_VERB.search(message)
            and not _GREETING.search(message) and not message.rstrip().endswith((".", "!")))


def asks_for_guidance(message: str) -> bool:
    """Whether the message asks for guidance in any of the ways of the module docstring."""
    if _ASKS_FOR_GUIDANCE.search(message) or _SOUGHT_IN_A_WORD.search(message) or is_bare_topic(message):
        return True
    return "?" in message and bool(_SOUGHT_ON.search(message))
