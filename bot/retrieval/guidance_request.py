"""Does a message ask for guidance at all? Only then can a standard answer it.

People write to the assistant in channels and DMs, and some of what reaches it asks for nothing:
news ("Mississauga got its ISO 37122 certificate"), a status update, an opinion, a greeting, a quote.
A question asks (what kind of question it is, a fact or a chore, is `bot.retrieval.intent`'s call). A
message without a question mark asks when it

- states a request or a need: "send me whatever covers ...", "we need a common set of indicators",
  "looking for good practice on ...", "no idea where to begin";
- states a problem, which is a need left unsaid: "nobody knows which servers we own", "each department
  buys its own system", "resilience planning is ad hoc";
- or is a bare topic, as typed in a search box: "smart city vocabulary standard".

A message that asks for nothing gets no standard (the nearest topics at most, if it is near the model).
"""

import re

# What people ask for when they want guidance. Not "model": in this product "the model" is the MMSSC itself.
_SOUGHT = (
    r"(?:standards?|stds?|iso|iec|guidance|guidelines?|guides?|frameworks?|best\s+practices?|good\s+practices?"
    r"|methods?|methodology|approach(?:es)?|toolkits?|checklists?|templates?|tips|advice|pointers|resources"
    r"|reading|references?|examples?|ideas|recommendations?|suggestions?|principles|indicators|metrics|kpis"
    r"|measures|vocabulary|terminology|ontology|definitions?|help|support|something|anything|architecture"
    r"|documents?|docs|sources?)"
)
# What else a question asking whether there is one names: "is there a common concept model ...?", "an
# agreed glossary", "an add-on set", "an ISO one" (not "is there a discount / a newer edition / a funding call?")
_DOCUMENT = (rf"(?:{_SOUGHT}|models?|sets?|lists?|matri(?:x|ces)|glossar(?:y|ies)|vocab|docs?|companions?|supplements?"
             r"|add-?ons?|tools?|ways?|how-?tos?|ones?|kpis?|1so|specs?|specifications?|reports?|ontolog(?:y|ies))")
# Guidance asked for by name: "which standard ...", "any tips on ...", "is there a method for ...".
_SEEKS_BY_NAME = re.compile(
    rf"\b(?:which|what|any|some)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){{0,3}}{_SOUGHT}\b"
    rf"|\b(?:is|are)\s+there\s+(?:a|an|any|some)\s+(?:[\w/&+'’-]+\s+){{0,5}}?{_DOCUMENT}\b"
    # ... without its article, as people writing English as a second language often ask: "Is there maturity model for
    # that?"
    rf"|\b(?:is|are)\s+there\s+(?:[\w-]+\s+){{0,2}}?{_DOCUMENT}\s+(?:for|on|about|to|that|which)\b"
    # the thing sought named before, as in a search box: "SOA guidance - which one?"
    r"|\s[-–—:]\s*which\s+ones?\W*$",
    re.IGNORECASE,
)
# A question without its mark: a clause that opens with a question word and an auxiliary ("... between
# infrastructures. what should our asset team read").
_UNMARKED_QUESTION = re.compile(
    r"(?:^|[.:;!]\s+|\n\s*)(?:so\s+|and\s+|but\s+)?(?:what|which|how|where|who|whom)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:should|could|would|can|do|does|did|is|are|must|might|shall|will)\b"
    # "is there more detailed guidance on service oriented architecture, for the IT team"
    r"|(?:^|[.:;!]\s+|\n\s*)(?:so\s+|and\s+|but\s+)?(?:is|are)\s+there\s+(?:[\w'’-]+\s+){0,3}?" + _SOUGHT + r"\b",
    re.IGNORECASE,
)
# A need for guidance named as a thing: "I need the normative references", "point me to the vocabulary".
_NEEDS_BY_NAME = re.compile(
    rf"\b(?:need|needs|want|wants|looking\s+for|after|point\s+(?:me|us)\s+to|send\s+(?:me|us)|give\s+(?:me|us)"
    rf"|show\s+(?:me|us)|recommend"
    # the formal register: "Please identify the relevant standards", "kindly advise on the applicable guidance"
    rf"|identify|list|name|advise\s+on|set\s+out|indicate|specify)\s+(?:the|a|an|some|any)\s+(?:[\w-]+\s+){{0,3}}"
    rf"{_SOUGHT}\b"
    # the source of something the model uses: "where does the methodology behind the MMSSC come from?"
    rf"|\bwhere\s+(?:does|do|did)\s+(?:the|this|that|our|its)\s+(?:[\w-]+\s+){{0,3}}{_SOUGHT}\b[^?.]*\bcome\s+from\b",
    re.IGNORECASE,
)
_ASKS_FOR_GUIDANCE = re.compile(
    r"""
      \bwhat(?:'s|’s|\s+is)\s+the\s+(?:best|right|recommended|usual)\b
    # a request or a need
    | \blooking\s+for\b | \b(?:after|seeking)\s+(?:a|an|some|guidance|advice|help)\b
    | \b(?:want|wants|wanted|need|needs|needed|'d\s+like|’d\s+like|would\s+like)\b
    | \b(?:recommend|suggest|advise|point\s+(?:me|us))\b | \b(?:pls|please|plz)\b
    | \b(?:find|show|give|send|tell)\s+(?:me|us)\b
    | \bno\s+(?:idea|clue)\s+(?:where|how|what)\b | \bwhere\s+to\s+(?:start|begin|look|find)\b
    | \bwhere\s+(?:do|can|should|would)\s+(?:i|we|you)\s+(?:start|begin|look|find)\b
    # a task put as an imperative, as typed into a search box: "run sustainability across the city as a
    # management system", "map and manage our data assets" (chores for the assistant are told apart before)
    | ^\W*(?:run|manage|set\s+up|build|create|design|develop|measure|track|map|improve|implement|plan|establish
          |integrate|engage|involve|share|publish|procure|govern|evaluate|assess|monitor|deliver|align|benchmark
          |coordinate|organi[sz]e|prioriti[sz]e|fund|finance|include|protect|reduce|open\s+up|join\s+up)\b
    # how to do something, what to do
    | \bhow\s+(?:do|can|should|could|would|might|will|to|best\s+to)\s+[\w-]+
    | \b(?:best|right|good)\s+way\s+to\b | \bways?\s+(?:to|of)\b | \bhelps?\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A problem stated is a need left unsaid: something missing, nobody doing it, each doing its own thing.
_STATES_A_PROBLEM = re.compile(
    r"""\b(?:no|not|never|nobody|no\s+one|none|nothing|without|lack(?:s|ing)?|missing|non-?existent
        | (?:do|does|did|is|are|was|were|has|have|ca|can|could|wo)n'?t | n't | cannot
        | ad[-\s]hoc | silo(?:s|ed)? | patchy | piecemeal | fragmented | disjointed | duplicat\w*
        | (?:its|their|his|her)\s+own\s+(?:thing|way|system|systems|plan|plans|data|kit|register)
        | struggl\w*
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A bare topic has no person and no finite verb: "indicators for a resilient city", "one-stop shop?". The
# verbs are the common ones; a sentence with another ("Nobody knows ...") ends in a full stop.
_PERSON = re.compile(r"\b(?:i|we|you|he|she|they|it|me|us|my|our|your)\b", re.IGNORECASE)
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|will|would|can|could|should|got|went|came|said"
    r"|says|think|thought|know|starts?|looks?|see|saw|comes?|left|wants?|needs?|gave|made|took|runs?|ran|won)\b"
    r"|(?<![\w-])\w{3,}ed\b",  # not "smart-enabled": a compound adjective
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\W*(?:hi|hello|hey|morning|good\s+(?:morning|afternoon|evening)|thanks|thank\s+you|cheers|bye)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
BARE_TOPIC_WORDS = 18
# A time of day or a day ("moving on to procurement tomorrow morning") belongs to news or plans, not to a topic
# typed into a search box.
_WHEN = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|later|(?:this|next|last)\s+(?:morning|afternoon|evening|week|month)"
    r"|(?:on\s+|next\s+|last\s+)(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)


# What a topic is for: "common ontology so transport and housing systems can interoperate"
_PURPOSE = re.compile(r"\s+so(?:\s+that)?\s+(?:[\w'’-]+[\s,]+){1,6}?(?:can|could|will|would|may|might)\b.*$",
                      re.IGNORECASE | re.DOTALL)


def is_bare_topic(message: str) -> bool:
    """A few words with no person, no finite verb and no day, as typed into a search box: not a sentence
    ending in a full stop, not a greeting. A purpose said after the topic ("... so systems can interoperate") is
    not the topic's verb."""
    message = _PURPOSE.sub("", message)
    words = _WORD.findall(message)
    return (0 < len(words) <= BARE_TOPIC_WORDS and not _PERSON.search(message) and not _FINITE_VERB.search(message)
            and not _GREETING.search(message) and not _WHEN.search(message)
            and not message.rstrip().endswith((".", "!")))


def asks_for_guidance(message: str) -> bool:
    """Whether the message asks for anything a standard could answer (see the module docstring)."""
    if "?" in message or _UNMARKED_QUESTION.search(message) or seeks_guidance_by_name(message):
        return True
    return bool(_ASKS_FOR_GUIDANCE.search(message) or _STATES_A_PROBLEM.search(message)) or is_bare_topic(message)


def seeks_guidance_by_name(message: str) -> bool:
    """Whether the message asks for a standard, guidance, a method ... by name, or whether there is one; not "any"
    after a denial, which says what is missing ("nobody tracks any measures")."""
    return (any(not _missing(message, found) for found in _SEEKS_BY_NAME.finditer(message))
            or bool(_NEEDS_BY_NAME.search(message)))


_DENIAL = re.compile(r"\b(?:no|not|never|nobody|none|nothing|without|\w+n't)\b", re.IGNORECASE)


def _missing(message: str, found: re.Match[str]) -> bool:
    """Whether the "any ..." found follows a denial in its sentence: "we don't have any indicators"."""
    return (found.group(0).lower().startswith("any ")
            and bool(_DENIAL.search(message, _sentence_start(message, found.start()), found.start())))


def _sentence_start(message: str, at: int) -> int:
    return max(message.rfind(mark, 0, at) for mark in ".?!\n") + 1
