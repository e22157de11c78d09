"""Read a reply to an evidence probe: yes, partly, no, not yet, or not sure.

The question was about one rung, so the reply's polarity is what matters, not its topic. A reply is read
in two steps:

1. its lead, the words a person answers a yes/no question with ("yes", "no", "partly", "not yet",
   "not sure", and their everyday variants), or the answer a description concludes with ("We have data
   standards and a policy, so yes – but ...");
2. the qualifiers of the rest (`text.qualifiers`): a plan ("the draft goes to council next spring"), a
   denial ("residents never see it"), a limited scope ("only in transport"), or none (a plain
   description of what is in place).

A "yes" limited after a contrast ("yes, but only in transport") is partly; a "no" about a plan ("no,
that's planned for 2027") is not yet. Without a lead, the qualifiers decide, and a description without
any is a yes. Level 2 describes beginnings ("has started to map", "examples ... on an ad hoc basis"), as does
a higher rung whose every condition states one (level 3 of 3.2.1: "has started to develop policies ..."): a
limited scope in a plain description of such a rung, or after its "yes" ("yes, but compliance is patchy"), is
what it asks about, not against it.
"""

from __future__ import annotations

import re

from bot.suggestion.models import ProbeAnswer
from bot.suggestion.qualifiers import Qualifier, qualifiers
from bot.suggestion.screening import says_dont_know

# A yes said modestly: "I guess that counts?", "I suppose so". The hedge is the speaker's modesty about what they
# describe, not a limit on it (as "kind of" is)
_MODEST_YES = (r"i\s+(?:guess|suppose|think|reckon)\s+"
               r"(?:so|yes|yeah|(?:that|it|this)\s+(?:counts|does|qualifies))\b[?!.]*"
               # "I suppose we do all of that", "I guess we have those": all that was asked, modestly
               r"|i\s+(?:guess|suppose|think|reckon)\s+we\s+(?:do|have|are\s+doing)\s+(?:all\s+(?:of\s+)?)?"
               r"(?:that|this|those|these|them)\b"
               # a modest verdict: "I didn't think of it as special", "I wouldn't call it innovative"
               r"|i\s+(?:didn't|did\s+not|never|don't|do\s+not|wouldn't|would\s+not)\s+(?:really\s+)?(?:think\s+of|see"
               r"|call|consider|count)\s+(?:it|that|this|them|those)\s+(?:as\s+)?(?:anything\s+)?(?:special|innovative"
               r"|remarkable|unusual|exceptional|a\s+big\s+deal)\b[?!.]*"
               r"|(?:does|would)\s+(?:that|it|this)\s+count\b\??")
_MODESTLY = re.compile(rf"\b(?:{_MODEST_YES})", re.IGNORECASE)
# "A, not B" where B is who, not what: "They set the agenda really, not us", "residents decide, not officers". The
# "not" names whom the sentence is not about; the sentence itself says what is in place.
_NOT_WHO = re.compile(
    r",\s*(?:and\s+)?not\s+(?:us|them|me|him|her|we|officers|councillors|staff|(?:the|our|their)\s+[\w-]+(?:\s+[\w-]+)?)"
    r"\s*(?=[.!;]|$)", re.IGNORECASE)
_LEADS: list[tuple[ProbeAnswer, re.Pattern[str]]] = [
    (ProbeAnswer.NOT_YET, re.compile(
        r"not\s+yet|no[,.!]*\s+not\s+yet|soon|working on it|"
        r"(?:it'?s\s+|that'?s\s+)?(?:planned|scheduled|in\s+the\s+pipeline|on\s+the\s+roadmap)", re.IGNORECASE)),
    (ProbeAnswer.UNSURE, re.compile(
        r"not\s+(?:really\s+)?sure|unsure|(?:i\s+)?(?:don'?t|do\s+not)\s+know|no\s+idea|no\s+clue|"
        r"hard\s+to\s+say|(?:i\s+)?(?:can'?t|cannot|couldn'?t)\s+(?:say|tell)|good\s+question|"
        r"(?:i'?d|i\s+would)\s+have\s+to\s+(?:check|ask)|dunno|maybe|possibly|perhaps",
        re.IGNORECASE)),
    (ProbeAnswer.PARTLY, re.compile(
        r"partly|partially|in\s+part|somewhat|sort\s+of|kind\s+of|to\s+some\s+(?:extent|degree)|"
        r"yes\s+and\s+no|half|only\s+(?:in|for|partly|some)|some\s+of\s+(?:it|them)|not\s+(?:fully|entirely|"
        r"completely|everywhere|across)|not\s+all|almost|nearly|a\s+(?:bit|little)|getting\s+there|in\s+principle|"
        r"more\s+or\s+less",
        re.IGNORECASE)),
    (ProbeAnswer.NO, re.compile(
        # an intensified no before the words of a yes: "definitely not", "absolutely not"
        r"(?:definitely|absolutely|certainly|really|probably|of\s+course|sadly|unfortunately|afraid)\s+not|"
        r"(?:i\s+)?doubt\s+it|unlikely|hardly|barely|(?:we\s+)?used\s+to|"
        r"i\s+(?:guess|suppose|think|reckon)\s+not|no(?:pe)?|nah|not\s+really|not\s+at\s+all|never|none|negative|not\s+as\s+such|"
        r"(?:we\s+)?(?:don'?t|do\s+not|haven'?t|have\s+not|aren'?t|are\s+not)(?=\s*[,.!;:\-–—]|\s*$)",
        re.IGNORECASE)),
    (ProbeAnswer.YES, re.compile(
        rf"{_MODEST_YES}|yes|yeah|yep|yup|ya|aye|sure|correct|indeed|absolutely|definitely|certainly|of\s+course|"
        r"that'?s\s+(?:right|correct|true)|right|true|exactly|mostly(?:\s+yes)?|largely|broadly|"
        # the description accepted: "That's about right, sadly", "that's the honest description", "sums us up"
        r"that'?s\s+(?:about\s+|pretty\s+much\s+|roughly\s+|basically\s+|probably\s+)?(?:right|accurate|fair|us"
        r"|where\s+we\s+are)|that'?s\s+(?:a|an|the|our)\s+(?:fair|honest|accurate|good|true)\s+"
        r"(?:description|picture|summary|assessment|reflection)|(?:that\s+)?(?:sums|describes)\s+(?:it|us)(?:\s+up)?|"
        r"spot\s+on|bang\s+on|fair\s+enough|pretty\s+much|sounds\s+(?:about\s+)?right|"
        # a quantity or a frequency for an answer: "plenty", "loads", "all the time", "always"
        r"plenty|lots|loads|tons|all\s+the\s+time|always|totally|for\s+sure|big\s+time|"
        r"we\s+(?:do|have|are|did)(?=\s*[,.!;:\-–—]|\s*$)|"
        # beyond the rung asked about: "We're well past that - the drop-ins are packed"
        r"(?:we'?re\s+|we\s+are\s+|we'?ve\s+(?:moved|gone|got)\s+)?(?:well\s+|way\s+|long\s+|far\s+|a\s+bit\s+|a\s+step\s+)?"
        r"(?:past|beyond)\s+(?:that|this|it)(?:\s+(?:point|stage))?|"
        # "More than that actually - the vision has a whole chapter on data", "it goes further than that"
        r"(?:it'?s\s+|we'?re\s+|it\s+goes\s+|we\s+go\s+)?(?:well\s+|way\s+|much\s+|a\s+(?:bit|lot)\s+|even\s+)?"
        r"(?:more|further)\s+than\s+(?:that|this|ad\s+hoc)",
        re.IGNORECASE)),
]
# A reply that says the rung asked about is passed: "More than that actually", "Yes, and further.", "we're well past
# that", "Yes, and then some"
_BEYOND = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|yup|definitely|absolutely)\W+(?:and\s+)?(?:(?:we'?re|we\s+are|it'?s|it\s+goes)\s+)?)?"
    r"(?:(?:we'?re|we\s+are|it'?s|it\s+goes|we'?ve\s+gone|we\s+go)\s+)?(?:well\s+|way\s+|long\s+|far\s+|much\s+"
    r"|a\s+(?:bit|lot|step)\s+|even\s+|already\s+)?(?:past|beyond|more\s+than|further(?:\s+than)?|then\s+some"
    r"|more\b(?!\s+or\s+less))"
    # ... or at its end: "Yes, we have the strategy, and more."
    r"|\band\s+(?:more|further|beyond|then\s+some)\W*$"
    # a yes with more besides: "Yes, and not only ad hoc.", "Yes, the individual projects have business cases too."
    r"|^\W*(?:yes|yeah|yep|yup)\W+(?:and\s+)?not\s+(?:only|just)\b"
    r"|^\W*(?:yes|yeah|yep|yup)\b[^.;!?]*\b(?:too|as\s+well)\W*$",
    re.IGNORECASE)


def says_beyond(reply: str) -> bool:
    """Whether a reply says the rung asked about is passed, not just met ("More than that actually", "Yes, and
    further."): the rung above is worth a question."""
    return bool(_BEYOND.search(_INTERJECTION.sub("", reply.strip().replace("’", "'"))))
# Words a reply may open with before its answer: "Actually yes, now that I think about it", "Apparently yes", "Hmm, no"
_INTERJECTION = re.compile(r"^(?:(?:actually|apparently|well|oh|ah|um+|uh+|erm|hmm+|ok(?:ay)?|honestly|tbh|so"
                           r"|(?:it\s+)?turns\s+out)"
                           r"(?:[,.!:;…]+\s*|\s+))+(?=\w)", re.IGNORECASE)
_LEAD_END = r"(?=$|[\s,.;:!?\-–—)]|\b)"
# Words that lead an answer only when a mark ends them: "plenty, it's not ad hoc", not "always been a problem"
_LEADS_ONLY_ALONE = frozenset({"no", "none", "never", "right", "true", "half", "sure", "plenty", "lots", "loads",
                               "tons", "always", "totally"})
_CONTRAST = re.compile(r"\b(?:but|though|although|however|except|apart from|yet)\b", re.IGNORECASE)


def lead_answer(reply: str) -> ProbeAnswer | None:
    """The answer the reply opens with, if it opens with one."""
    text = reply.strip().lstrip("-–—*•\"'“ ").replace("’", "'")
    for answer, pattern in _LEADS:
        match = re.match(rf"(?:{pattern.pattern}){_LEAD_END}", text, pattern.flags)
        if match and _is_whole_lead(text, match.end()):
            return answer
    return None


def _is_whole_lead(text: str, end: int) -> bool:
    """"no" as a lead, not "no dig goes ahead without..." or "none of the directors..."."""
    rest = text[end:].lstrip()
    return not rest or rest[0] in ",.;:!?-–—)" or text[:end].strip().lower() not in _LEADS_ONLY_ALONE


def read_probe_reply(reply: str, level: int, beginning: bool | None = None) -> ProbeAnswer:
    """How a typed reply to a probe about `level` reads (see the module docstring). `beginning`: the rung states a
    beginning (level 2, and by default only level 2; `condition_index.states_a_beginning`)."""
    beginning = level == 2 if beginning is None else beginning
    text = _INTERJECTION.sub("", reply.strip())
    if not text:
        return ProbeAnswer.UNSURE
    lead = lead_answer(text)
    if lead is None:  # the question repeated before the answer: "consult people on the strategy? not really"
        text = _after_an_echoed_question(text)
        lead = lead_answer(text)
    if lead is None:  # a few words before the answer: "OK, when you put it like that, yes."
        text, yes_for_a_part = _after_a_preamble(text)
        if yes_for_a_part:
            return ProbeAnswer.PARTLY
        lead = lead_answer(text)
    if lead is None:  # a description, then the answer it leads to: "We have data standards ..., so yes – but ..."
        concluded = _CONCLUDED.search(text)
        if concluded and lead_answer(text[concluded.end():]) is not None:
            text = text[concluded.end():]
            lead = lead_answer(text)
    # "we did a 3D flythrough, I guess that counts?": a description; "they set the agenda, not us": what is in place
    marks = qualifiers(_NOT_WHO.sub("", _MODESTLY.sub("", text)))
    if lead is None and says_dont_know(text):
        return ProbeAnswer.UNSURE
    if lead in (ProbeAnswer.UNSURE, ProbeAnswer.PARTLY, ProbeAnswer.NOT_YET):
        return lead
    if lead == ProbeAnswer.NO:
        return ProbeAnswer.NOT_YET if Qualifier.FUTURE in marks and Qualifier.NEGATED not in _qualifiers_after_lead(
            text) else ProbeAnswer.NO
    if lead == ProbeAnswer.YES:
        return _limited_yes(text, beginning)
    return _plain_description(marks, beginning)


# The answer a description leads to: "We have data standards and a data policy, so yes – but ..."
_CONCLUDED = re.compile(
    r"[,;:–—-]\s*(?:and\s+)?(?:so|then|therefore|which\s+means)\s+(?=(?:yes|yeah|yep|no|nope|partly)\b)", re.IGNORECASE)


def _after_an_echoed_question(text: str) -> str:
    """The reply after a question it opens with, when an answer follows it; else the reply as it is."""
    _, mark, rest = text.partition("?")
    return rest.strip() if mark and rest.strip() and lead_answer(rest.strip()) is not None else text


# Up to eight words before a comma, then the answer: "OK, when you put it like that, yes", "Now that I think
# about it, no". Not a scope ("For transport, yes" is partly) nor a hedge: those qualify the answer.
_PREAMBLE = re.compile(r"^((?:[\w'-]+\s+){1,7}[\w'-]+),\s*(?=\w)")
_SCOPE_OPENING = re.compile(r"^(?:for|in|at|within|across|outside|except|apart|only|just|if|on|with)\b", re.IGNORECASE)
_PART_OPENING = re.compile(r"^(?:for|within|only|just|except|apart\s+from|outside)\s", re.IGNORECASE)


def _after_a_preamble(text: str) -> tuple[str, bool]:
    """The reply after a preamble that a plain yes or no follows, and whether the preamble names a part of the whole
    asked about, with a yes ("For the big capital projects, yes", "Only in transport, yes": partly); else the reply
    as it is (a scope or a hedge before the answer qualifies it)."""
    found = _PREAMBLE.match(text)
    if found is None:
        return text, False
    rest = text[found.end():]
    answer = lead_answer(rest)
    if _PART_OPENING.match(text):
        return text, answer == ProbeAnswer.YES
    if _SCOPE_OPENING.match(text) or qualifiers(found.group(1)) or answer not in (ProbeAnswer.YES, ProbeAnswer.NO):
        return text, False
    return rest, False


def _qualifiers_after_lead(text: str) -> frozenset[Qualifier]:
    parts = re.split(r"[,.;:!?\-–—]", text, maxsplit=1)
    return qualifiers(parts[1]) if len(parts) > 1 else frozenset()


def _limited_yes(text: str, beginning: bool = False) -> ProbeAnswer:
    """"Yes" stays yes unless a contrast limits it: "yes, but only in transport", "yes, but it's in draft"; for a
    rung that describes beginnings (`beginning`), only a plan limits it: "yes, but compliance is patchy" is the
    beginning asked about."""
    contrast = _CONTRAST.search(text)
    if contrast is None:
        return ProbeAnswer.YES
    after = qualifiers(text[contrast.end():])
    if Qualifier.FUTURE in after:
        return ProbeAnswer.NOT_YET
    if (Qualifier.PARTIAL in after or Qualifier.NEGATED in after) and not beginning:
        return ProbeAnswer.PARTLY
    return ProbeAnswer.YES


def _plain_description(marks: frozenset[Qualifier], beginning: bool) -> ProbeAnswer:
    if Qualifier.FUTURE in marks and Qualifier.NEGATED not in marks:
        return ProbeAnswer.NOT_YET
    if Qualifier.PARTIAL in marks:  # "in some departments, not across the council" limits rather than denies
        return ProbeAnswer.YES if beginning and Qualifier.NEGATED not in marks else ProbeAnswer.PARTLY
    if Qualifier.NEGATED in marks:
        return ProbeAnswer.NOT_YET if Qualifier.FUTURE in marks else ProbeAnswer.NO
    return ProbeAnswer.YES
