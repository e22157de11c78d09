"""Qualifiers that reach back: a limitation said after the fact it limits.

People state a fact and then narrow it: "we have an asset register, but only in Highways", "we've got
a digital twin - but it's only used internally by the planners", "It only covers council-owned assets
though". The narrowing clause carries the qualifier, the clause before it carries the fact; read
alone, the fact would count in full. A clause that narrows (partial scope) and refers back to the
previous clause (it starts with a pronoun, or is too short to state a fact of its own) marks that
previous clause as partial too.
"""

from __future__ import annotations

import re

from bot.suggestion.clauses import SETS_ASIDE, Clause
from bot.suggestion.models import ProbeAnswer
from bot.suggestion.probe_reading import lead_answer, read_probe_reply
from bot.suggestion.qualifiers import (
    DISCONTINUED,
    DRAFT,
    Qualifier,
    is_someone_elses,
    nothing_committed_said,
    qualifiers,
)
from bot.suggestion.screening import asks_something
from bot.suggestion.words import JUDGEMENT_WORDS, content_tokens, word_count

# "it's only ...", "but they aren't ...", "though that is only ...", "which only ..."
_REFERS_BACK = re.compile(
    r"^(?:(?:and|but|though|although|yet|so|however|to\s+be\s+fair|in\s+fairness|admittedly|mind\s+you|granted"
    r"|honestly|tbh),?\s+)?"
    # not an "it" that stands for what follows ("It is acknowledged that ...") nor a "that" opening a clause ("that a
    # feedback mechanism is yet to be implemented")
    r"(?!it(?:'s|\s+is|\s+was|\s+has\s+been)\s+(?:\w+\s+){1,2}that\b)"
    r"(?!that\s+(?:a|an|the|our|their|its|some|no|all|each|every|we|they|there|this|these|those|said)\b)"
    r"(?!(?:this|that)\s+being\s+said\b)"
    r"(?:it|it's|its|that|that's|this|they|they're|"
    r"these|those|which|all of (?:it|this|that)|both)\b",
    re.IGNORECASE,
)
_SHORT_CLAUSE_WORDS = 3  # "only in Highways", "but only partly"


# How things were before what was just said: "must have a co-design phase. Before was ad hoc."
_HOW_IT_WAS = re.compile(r"^(?:(?:and|but|so),?\s+)?(?:before(?:\s+(?:that|then|it))?|previously|until\s+then"
                         r"|in\s+the\s+past"
                         r"|back\s+then|it\s+used\s+to\s+be)\b", re.IGNORECASE)


# The administration itself as the limit: "It's only the council's platform though", "it's internal only". What the
# administration does on its own is the whole of the levels below the top; the limit names the gap above them (the
# city's partners, the public), which `matching` reads as a denial of the top level.
_ONLY_THE_ADMINISTRATION = re.compile(
    r"\b(?:only|just|purely|solely)\s+(?:(?:the|our)\s+)?(?:council|council's|administration|administration's"
    r"|city\s+hall|internal|in-house|us|ourselves|our\s+own)\b|\binternal(?:ly)?[-\s]only\b"
    r"|\b(?:council|administration)[-\s]only\b|\bin-house\s+only\b"
    r"|\bour\s+own\s+(?:[\w-]+\s+){0,2}only\b", re.IGNORECASE)  # "It's our own ID only"


# Another place set beside ours, and what is said of it: "Compared with Norton, which still hasn't published anything",
# "unlike Hartside, where residents need six passwords". What that place has or lacks says nothing of ours.
_COMPARED_WITH = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|unlike"
                            r"|as\s+opposed\s+to|versus|vs\.?|than|like)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*"
                            r"(?:\s+(?-i:[A-Z])[\w'’-]*)*\W*$", re.IGNORECASE)
_SAID_OF_IT = re.compile(r"^(?:which|where|who|whose|whom)\b", re.IGNORECASE)


def said_of_the_place_compared(clause: Clause, following: Clause) -> bool:
    """Whether `following` says what another place has or lacks, the place `clause` sets beside ours ("Compared with
    Norton", then "which still hasn't published anything"): no evidence of ours, either clause."""
    return (following.sentence == clause.sentence and bool(_COMPARED_WITH.match(clause.text))
            and bool(_SAID_OF_IT.match(following.text)))


# How things stood long ago, denied then: "Five years ago there was no strategy document at all". The past is no
# evidence of today, which the answer goes on to tell.
_LONG_AGO = re.compile(r"\b(?:(?:\w+|a\s+(?:few|couple\s+of))\s+years?\s+ago|back\s+then|at\s+the\s+time"
                       r"|in\s+those\s+days|when\s+i\s+(?:first\s+)?(?:started|joined|arrived|took\s+over))\b",
                       re.IGNORECASE)
_THEN = re.compile(r"\b(?:was|were|had|did|wasn't|weren't|hadn't|didn't)\b", re.IGNORECASE)


def denied_long_ago(clause: Clause, marks: frozenset[Qualifier]) -> bool:
    """Whether a clause denies something of a time long past only ("Five years ago there was no strategy"), not of
    today ("a year ago we had no plan and we still don't") nor what stopped then (`DISCONTINUED`)."""
    text = clause.text.replace("’", "'")
    return (Qualifier.NEGATED in marks and bool(_LONG_AGO.search(text)) and bool(_THEN.search(text))
            and not _PRESENT.search(text) and not DISCONTINUED.search(text))


def narrows_previous(clause: Clause, marks: frozenset[Qualifier]) -> bool:
    """Whether this clause narrows the fact stated just before it (see the module docstring); not one that says how
    things were before it ("Before was ad hoc"), nor one whose limit is the administration itself
    (`_ONLY_THE_ADMINISTRATION`)."""
    text = clause.text.replace("’", "'")
    if Qualifier.PARTIAL not in marks or _HOW_IT_WAS.match(text) or _ONLY_THE_ADMINISTRATION.search(text):
        return False
    return bool(_REFERS_BACK.match(text)) or len(content_tokens(text)) <= _SHORT_CLAUSE_WORDS


# What a document or system is not yet: adopted, approved, live ("still a draft", "hasn't been signed off").
_NOT_IN_PLACE = re.compile(
    rf"(?:\b|(?=n't))(?:{DRAFT}"
    r"|(?:not|never|n't)\s(?:(?:yet|been|formally|officially|actually)\s)*(?:adopted|approved|agreed|signed\soff"
    r"|ratified|endorsed|implemented|launched|live|in\splace|in\suse|operational|built|delivered|rolled\sout"
    r"|published|finali[sz]ed|submitted|taken\sforward)"
    # never put to those who decide: "it never went to the council"
    r"|(?:never|not|n't)\s(?:yet\s)?(?:went|gone|go|been\staken|taken|put|brought|presented)\sto\s(?:the\s)?(?:\w+\s)?"
    r"(?:council|cabinet|board|committee|assembly|members|mayor|consiglio|rada|stadtrat|gemeenteraad)"
    r"|yet\sto\sbe\s(?:adopted|approved|agreed|signed\soff|implemented|launched)"
    r"|awaiting\s(?:approval|adoption|sign-?\s?off)|goes\slive|go\slive)\b",
    re.IGNORECASE,
)


def not_in_place_yet(clause: Clause) -> bool:
    """Whether this clause says the thing just named is not in place yet: "the consultants wrote an
    architecture, but it's still a draft", "there's a dashboard - it goes live next year". It refers back,
    as a narrowing clause does; what the thing will gain later ("it will get an API") is not this."""
    text = clause.text.replace("’", "'")
    return bool(_REFERS_BACK.match(text)) and bool(_NOT_IN_PLACE.search(text))


def _with_its_list(clauses: list[Clause], k: int) -> list[int]:
    """Clause `k` and the list pieces before it that it continues: the whole of what a sentence named."""
    named = [k]
    while clauses[named[-1]].continues and named[-1] > 0:
        named.append(named[-1] - 1)
    return named


def attributes_previous_to_others(clause: Clause) -> bool:
    """Whether this clause says that what was just named is another body's: "The university's lab built an online
    3D model and ran a survey on it, but that was their research project". What they did says nothing of the city."""
    text = clause.text.replace("’", "'")
    return bool(_REFERS_BACK.match(text)) and is_someone_elses(text)


def no_longer_in_place(clause: Clause, marks: frozenset[Qualifier]) -> bool:
    """Whether this clause says the thing just named has stopped: "we had a performance framework. It lapsed
    after the election", "there was a data board, but it was disbanded in 2022" (but "it's not only a central
    team thing any more" is no denial: its qualifiers say so)."""
    text = clause.text.replace("’", "'")
    return Qualifier.NEGATED in marks and bool(_REFERS_BACK.match(text)) and bool(DISCONTINUED.search(text))


# "then the funding ended and it just stopped", "but it died when the officer left"
_STORY_END = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:then|after\s+that|eventually|in\s+the\s+end)\b|\b(?:has|have)\s+since\b"
    r"|\b(?:it|that|this|they|which|the\s+whole\s+thing|everything)\s+(?:just\s+|all\s+|quietly\s+)?"
    r"(?:stopped|ended|died|lapsed|fizzled|petered|ran\s+out|expired|folded|collapsed|went\s+dormant)\b",
    re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|am|isn't|aren't|has|have|hasn't|haven't|now|currently|still|since|every|each|today"
                      r"|nowadays|do|does|don't|doesn't|can|will)\b|'(?:s|re|ve)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:\w{3,}ed|ran|had|did|came|went|made|got|held|built|won|gave|took|wrote|began|grew|met|led|"
                   r"was|were|used\s+to)\b|\b(?:19|20)\d\d\s?[-–]\s?(?:19|20)?\d\d\b", re.IGNORECASE)


def ends_a_story(clause: Clause, marks: frozenset[Qualifier]) -> bool:
    """Whether this clause says that what was just told has stopped: "Then the funding ended, the officer left
    and it just stopped.", "A logic model was started, but the consultant's contract was cancelled"."""
    text = clause.text.replace("’", "'")
    return (Qualifier.NEGATED in marks and bool(DISCONTINUED.search(text))
            and (bool(_STORY_END.search(text)) or clause.caveat))


def story_before(clauses: list[Clause], i: int) -> list[int]:
    """The clauses of the story that clause `i` ends: those before it, in its sentence and the one before, told in
    the past tense only, back to the first that is not."""
    told: list[int] = []
    for j in range(i - 1, -1, -1):
        text = clauses[j].text.replace("’", "'")
        if clauses[j].sentence < clauses[i].sentence - 1 or _PRESENT.search(text) or not _PAST.search(text):
            break
        told.append(j)
    return told


# How a hedge on what was just said opens: "ideally next year", "if the council agrees", "but no promises"
_HEDGE_OPENING = re.compile(
    r"^\W*(?:(?:but|and|or|so)\s+)?(?:ideally|hopefully|if|maybe|perhaps|possibly|no\s+promises|it\s+(?:all\s+)?depends"
    r"|depending|fingers\s+crossed|subject\s+to|assuming|provided|unless|contingent|conditional"
    # "... is planned for later, but it isn't funded"
    r"|(?:it|that|this|they|those)(?:\s+(?:is|are|was|has|have)\s*n[o']t|\s+(?:isn't|aren't|wasn't|hasn't|haven't))"
    r"\s+(?:been\s+)?(?:yet\s+)?(?:funded|budgeted|approved|agreed|committed|signed\s+off))\b",
    re.IGNORECASE,
)
_HEDGE_WORDS = 12  # "ideally next year, if the new council wants to", "subject to confirmation of resources in the
# forthcoming budget round"


def conditions_what_follows(clause: Clause, following: Clause, marks: frozenset[Qualifier]) -> bool:
    """Whether this clause is a condition nobody has met yet that opens the sentence of the clause after it: "Subject to
    the success of a bid, it is envisaged that a city-wide policy would be established", "If funding comes through,
    we'll launch a portal". What follows it is a hope."""
    return (not clause.continues and following.sentence == clause.sentence and Qualifier.UNCOMMITTED in marks
            and bool(_HEDGE_OPENING.match(clause.text.replace("’", "'"))))


# A supposition that opens a sentence, said in the past as people suppose: "If someone asked us today for our published
# vision and strategy", "if you went looking for the KPIs on our website", "if a resident wanted to complain"
_SUPPOSITION = re.compile(
    r"^\W*(?:(?:but|and|so)\s+)?(?:if|suppose|supposing|imagine)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:asked|wanted|went|looked|tried|searched|needed|came|were\s+to|had\s+to|requested)\b", re.IGNORECASE)


def supposes_what_is_denied(clause: Clause, following: Clause, following_marks: frozenset[Qualifier]) -> bool:
    """Whether this clause supposes something that the clause after it, in the same sentence, answers with a denial:
    "If someone asked us today for our published vision and strategy, we'd have nothing to send them". What it
    supposes is what the answer says is not there."""
    return (not clause.continues and following.sentence == clause.sentence and Qualifier.NEGATED in following_marks
            and bool(_SUPPOSITION.match(clause.text.replace("’", "'"))))


# A predicate set off from its subject by the commas of a list: "A consolidated city-wide risk assessment, together with
# an assessment of interdependencies, has been identified as an area for future consideration"
_PREDICATE_ONLY = re.compile(r"^(?:has|have|had|is|are|was|were|will|would|remains?|remained|hasn't|haven't|isn't"
                             r"|aren't|wasn't|weren't|won't)\b", re.IGNORECASE)
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|do|does|did|can|could|should|must|may|might"
                          r"|we|i|they|he|she|it)\b|'(?:s|re|ve|ll|d)\b", re.IGNORECASE)


# ... or the last items of the subject with it: "A fair trading policy governing access by public, private and
# voluntary bodies was considered by the Digital Board in 2025 but was deferred"
_SUBJECT_END_AND_PREDICATE = re.compile(r"^(?:[\w-]+\s+){1,4}?(?:was|were|has\s+been|have\s+been|had\s+been)"
                                        r"\s+(?:\w+ly\s+)?\w+ed\b", re.IGNORECASE)


def subject_of_predicate(clauses: list[Clause], i: int) -> list[int]:
    """The clauses that are the subject of clause `i` when it is a bare predicate ("has been identified as an area for
    future consideration"), or the end of the subject and its passive predicate ("voluntary bodies was considered ...
    but was deferred"), after list pieces without a verb of their own, from the start of its sentence."""
    text = clauses[i].text.replace("’", "'")
    if not clauses[i].continues or not (_PREDICATE_ONLY.match(text) or _SUBJECT_END_AND_PREDICATE.match(text)):
        return []
    subject = _with_its_list(clauses, i - 1)
    return [] if any(_FINITE_VERB.search(clauses[j].text.replace("’", "'")) for j in subject) else subject


def hedges_previous(clause: Clause, marks: frozenset[Qualifier], previous: frozenset[Qualifier]) -> bool:
    """Whether this clause is a bare hedge on the plan just named: "Plan is to rewrite it with SDG-linked goals...
    ideally next year, if the new council wants to", "we'll open it up, but no promises there". The plan is then
    a hope."""
    return (Qualifier.UNCOMMITTED in marks and word_count(clause.text) <= _HEDGE_WORDS
            and bool(_HEDGE_OPENING.match(clause.text.replace("’", "'")))
            and Qualifier.FUTURE in previous and Qualifier.UNCOMMITTED not in previous)


# A bare denial says the fact just named is not ours: "Brekkeby runs a startup programme on its data, but we have
# nothing like that here", "Teesbury has a live dashboard, we're nowhere near that", "... - we don't".
_POINTS_BACK = re.compile(r"\b(?:that|it|this|those|them|one|any)\b|n't\W*$|\bnot\W*$", re.IGNORECASE)
# the words such a denial may hold besides function words, as `content_tokens` gives them ("nothing" is "noth")
_BARE_DENIAL_WORDS = frozenset({"but", "and", "yet", "though", "noth", "nowhere", "near", "close", "like", "either",
                                "really", "sadly", "unfortunately", "we're", "i'm", "don't", "haven't", "didn't",
                                "can't", "aren't", "never", "none", "sort", "kind", "still", "ourselves", "us"})


# A hope said of a subject that is a list: "A live view of skills across us, the uni and the hospital trust would be
# cool", "GIS, payments and the CRM on one platform is the long-term dream"
_HEDGED_PREDICATE = re.compile(
    r"\b(?:would|could|might)\s+be\s+(?:nice|good|great|cool|amazing|lovely|ideal|brilliant|the\s+(?:next|step))"
    r"|\b(?:is|are|remains?)\s+(?:a\s+|the\s+)?(?:long(?:er)?[-\s]term|(?:long[-\s]term\s+)?(?:dream|wish|hope|aspiration))",
    re.IGNORECASE)
_PERSONAL_SUBJECT = re.compile(r"^(?:(?:and|or|but|so|plus|also|then),?\s+)?(?:we|i|you|they|it|it's|there|there's|he"
                               r"|she)\b", re.IGNORECASE)
_PAST_VERB = re.compile(r"\b\w{3,}ed\b", re.IGNORECASE)  # "started mapping physical assets" says something itself


def hedges_the_whole_list(previous: Clause, clause: Clause, previous_marks: frozenset[Qualifier],
                          marks: frozenset[Qualifier]) -> bool:
    """Whether this list piece ends with a hope whose subject is the whole list, the pieces before it included
    ("A live view of skills across us, the uni and the hospital trust would be cool")."""
    return (clause.continues and clause.sentence == previous.sentence and Qualifier.UNCOMMITTED in marks
            and not previous_marks and bool(_HEDGED_PREDICATE.search(clause.text))
            and not _PERSONAL_SUBJECT.match(clause.text))


# What one clause says of another when it reaches it: a denial, a plan or a hope (not a partial scope, which a
# narrowing clause gives back on its own terms: `narrows_previous`)
_CARRIED = frozenset({Qualifier.NEGATED, Qualifier.FUTURE, Qualifier.UNCOMMITTED})
_LIST_ITEM_WORDS = 3  # "The bus operator", "the utilities"
_DENIAL_OF_ITS_OWN = re.compile(r"^\W*(?:(?:and|but)\s+)?(?:nothing|none|nobody|no\s+one)\b", re.IGNORECASE)


def denies_the_whole_list(previous: Clause, clause: Clause, previous_marks: frozenset[Qualifier],
                          marks: frozenset[Qualifier]) -> bool:
    """Whether this list piece ends with a denial or a hope whose subject is the whole list, the bare items before it
    included ("The bus operator and the water utility haven't shared their data", "the hospital, the university and
    the port don't put theirs on it", "The utilities and the bus operator have talked about opening up their data")."""
    items = re.split(r",\s*|\s+(?:and|or)\s+", previous.text)  # "the hospital, the university"
    return (clause.continues and clause.sentence == previous.sentence and bool(marks & _CARRIED)
            and not previous_marks and all(word_count(item) <= _LIST_ITEM_WORDS for item in items)
            and not _PERSONAL_SUBJECT.match(previous.text) and not _PAST_VERB.search(previous.text)
            and not _PERSONAL_SUBJECT.match(clause.text) and not _DENIAL_OF_ITS_OWN.match(clause.text))


_SENTENCE_MARK = (".", "!", "?", "…")
_TOPIC_WORDS = 4  # "Baselining + targets", "Interop policy", "Real-time personalisation"


def hedges_a_bare_topic(topic: Clause, clause: Clause, topic_marks: frozenset[Qualifier],
                        marks: frozenset[Qualifier], *, first: bool) -> bool:
    """Whether `clause` gives its verdict on a bare topic named just before it, set off by a dash or a colon
    ("Baselining + targets — we'll do that if the lottery bid comes through", "Interop policy - would be nice"): the
    topic is hoped for or denied as the verdict says. The topic opens its sentence, is a few words with no verb, no
    qualifier of its own and no full stop ("KPIs. We don't publish them." limits the publishing, not the KPIs); the
    verdict is no continuation of a list ("the utilities and the university aren't part of it" is said of both)."""
    return (first and not topic.continues and not clause.continues and not topic_marks
            and bool(marks & {Qualifier.NEGATED, Qualifier.UNCOMMITTED}) and word_count(topic.text) <= _TOPIC_WORDS
            and not topic.text.rstrip().endswith(_SENTENCE_MARK) and not _PERSONAL_SUBJECT.match(topic.text)
            and not _PAST_VERB.search(topic.text))


# A verdict on what was just named: "Real-time personalisation - not in any plan", "the long-term dream, not in the
# 2-year budget", "Opening it to partners - not funded yet"
_VERDICT = re.compile(
    r"^\W*(?:(?:but|and)\s+)?(?:not|no|nope|none)\W+(?:yet\s+|really\s+|even\s+)?"
    r"(?:(?:in|on|part\s+of)\s+(?:any|the|our|a|this|next\s+year's|the\s+\S+)?\s*"
    r"(?:plans?|budgets?|scope|programme|roadmap|pipeline)"
    r"|funded|planned|budgeted|approved|agreed|happening|scheduled|committed|resourced|commissioned|procured"
    r"|contracted)\b[^,;]{0,20}$",
    re.IGNORECASE)


_BARE_TOPIC_WORDS = 5  # "Real-time personalisation." then "Not in any plan.": a topic named, its verdict after


def gives_a_verdict_on_previous(previous: Clause, clause: Clause) -> bool:
    """Whether this clause is a bare verdict that what was just named is not planned or funded ("X - not in any
    plan", "X, not funded yet"): unlike "X, not Y" ("bids evaluated on whole-council value, not departmental
    savings"), whose negation is about Y only, it denies X. Within the sentence, or after a bare topic."""
    set_off = not previous.text.rstrip().endswith(_SENTENCE_MARK)  # by a dash: "X or Y - not planned"
    near = clause.sentence == previous.sentence or set_off or word_count(previous.text) <= _BARE_TOPIC_WORDS
    return near and bool(_VERDICT.match(clause.text.replace("’", "'")))


def denies_previous(clause: Clause, marks: frozenset[Qualifier]) -> bool:
    """Whether this clause is a bare denial of the fact just named (nothing of its own but the denial and a word
    pointing back): someone else's practice set against ours."""
    text = clause.text.replace("’", "'")
    return (Qualifier.NEGATED in marks and bool(_POINTS_BACK.search(text))
            and not set(content_tokens(text)) - _BARE_DENIAL_WORDS)


# A piece that starts a clause of its own ("we publish ...", "there is ...") is not governed by a
# negation before it; a bare continuation of a list ("... nothing on investment, data or partnerships") is.
_OWN_SUBJECT = re.compile(
    # (after a time that sets it against what came before: "there was no strategy at all, now the plan is published")
    r"^(?:(?:and|or|but|so|plus|also|then),?\s+)?(?:(?:now|today|nowadays|these\s+days),?\s+)?"
    r"(?:we|i|you|they|it|it's|its|there|there's|he|she|this|that|these|those|our|their|the|a|an|everyone|everybody|nobody|someone|each|every|all|most|some|many)\b",
    re.IGNORECASE,
)
# "not anything special, just the normal climate plan": what there is instead of what was denied
_WHAT_THERE_IS = re.compile(r"^\W*(?:just|simply|merely|purely|only|mostly|mainly|basically)\b", re.IGNORECASE)


# "The waste team has a recycling plan. Beyond that, nothing joined up": what comes before is the exception.
_BEYOND_IT = re.compile(
    r"^(?:(?:but|and|so),?\s+)?(?:beyond|apart\sfrom|other\sthan|outside(?:\sof)?|besides|except\s(?:for\s)?)"
    r"\s(?:that|this|it|them|those)\b",
    re.IGNORECASE,
)


_BEYOND_NAMED = re.compile(r"^(?:(?:but|and|so),?\s+)?(?:beyond|apart\sfrom|other\sthan|outside(?:\sof)?|besides"
                           r"|except\s(?:for\s)?)\s(?:the\s)?([\w-]{2,})\b", re.IGNORECASE)
_BEYOND_REACH = 3
_OTHER_PLANS = re.compile(r"\b(?:planned|plans?|pipeline|lined\s+up|on\s+the\s+(?:horizon|cards)|budgeted|coming)\b",
                          re.IGNORECASE)


def nothing_beyond_previous(clauses: list[Clause], marks: list[frozenset[Qualifier]], i: int) -> list[int]:
    """The clauses that clause `i` makes the exception, not the rule, by saying there is nothing beyond them:
    the clause just before ("Beyond that – land, water – nothing joined up"), or the sentence before that names
    what it goes beyond ("IT have a proper competency framework ... Outside IT tho each directorate does its own,
    and nobody has worked out the skills"). "Beyond that, we also publish ..." adds a fact: without a denial in it
    or the clauses just after (dashes split "Beyond that – land, water – nothing joined up" into three) it is not
    this."""
    if not any(Qualifier.NEGATED in mark for mark in marks[i:i + _BEYOND_REACH]):
        return []
    text = clauses[i].text.replace("’", "'")
    if _OTHER_PLANS.search(text):
        return []  # "Beyond that, honestly, nothing is planned": the plans told are all, not a part of one
    named = _BEYOND_NAMED.match(text)
    before = [j for j in range(i) if clauses[j].sentence == clauses[i - 1].sentence]
    if named and not named.group(1).islower() and any(named.group(1) in clauses[j].text.split() for j in before):
        return before  # a name said again, as it was said: "Outside IT" after "IT have ..."
    return [i - 1] if _BEYOND_IT.match(text) else []


# A self-correction takes back what was just said: "We also accept the national digital ID... actually no,
# that was the 2022 pilot", "I don't think we have a business case... well, ok, there is the investment case".
_TAKES_BACK = re.compile(
    r"^(?:(?:oh|and|but|so|hmm+|um+|er+|sorry|oops|ah),?\s+)?(?:actually(?=\s*,|\s+no\b|\s+scratch|\s*[-–—])"
    # "wait" as a correction ("oh wait, no", "wait scratch that"), not a noun's ("wait times and failure demand")
    r"|scratch\s+that|strike\s+that|no,?\s+wait|wait(?!\s+(?:times?|lists?|periods?|for|until)\b)|correction"
    r"|i\s+take\s+that\s+back|on\s+second\s+thoughts?"
    r"|come\s+to\s+think\s+of\s+it|thinking\s+about\s+it"
    r"|well,?\s+ok(?:ay)?\b|well,?\s+actually)\b",
    re.IGNORECASE,
)
_NARROWS = re.compile(r"\b(?:only|just|except|apart\s+from)\b", re.IGNORECASE)
# The words that take back what was said, and the "no" that goes with them: "No wait, we did one" says "we did one"
_CORRECTION = re.compile(
    r"^(?:(?:oh|and|but|so|hmm+|um+|er+|sorry|oops|ah),?\s+)?(?:no,?\s+wait|wait,?\s+no|actually,?\s+no|no,?\s+actually"
    r"|sorry,?\s+no|scratch\s+that|strike\s+that|correction)\b[\s,.:;!–—-]*(?:no\b[\s,.:;!–—-]*)?",
    re.IGNORECASE)


def _without_the_correction(text: str) -> str:
    """A correction's own words, without the words that correct (its own "no" is what it takes back, `taken_back`)."""
    found = _CORRECTION.match(text.replace("’", "'"))
    rest = text[found.end():] if found else text
    return rest if rest.strip() else text


def taken_back(clauses: list[Clause], i: int) -> list[int]:
    """The clauses that clause `i` takes back, if it corrects the speaker: the rest of its sentence before
    it, or the whole sentence before when it opens a sentence. A correction that narrows ("actually no,
    the port's aren't on it, it's only our own tenders") leaves the fact, limited by its own words."""
    if not _TAKES_BACK.match(clauses[i].text.replace("’", "'")):
        return []
    sentence = clauses[i].sentence
    if any(_NARROWS.search(clause.text) for clause in clauses[i:] if clause.sentence == sentence):
        return []
    before = [j for j in range(i) if clauses[j].sentence == sentence]
    return before or [j for j in range(i) if clauses[j].sentence == sentence - 1]


def plans_left_uncommitted(clauses: list[Clause], marks: list[frozenset[Qualifier]], i: int) -> list[int]:
    """The plans that clause `i`, a sentence saying that none of them is committed ("Nothing's been approved."),
    leaves uncommitted: those told in the sentence before it ("We want to write a circular economy strategy, and
    it's in one party's manifesto, so maybe. Nothing's been approved."), or in the one before that when a remark
    about the plan came between ("The next step is a live dashboard. Farah has had demos from three vendors. But
    nothing is funded or scheduled yet")."""
    said = nothing_committed_said(clauses[i].text)
    if said is None:
        return []
    # a sentence of its own, or the end of the clause it was joined to (`clauses.with_plans_left_uncommitted`)
    told_in = clauses[i].sentence - 1 if said == 0 else clauses[i].sentence
    own_sentence = said == 0 and (i == 0 or clauses[i - 1].sentence != clauses[i].sentence)
    for sentence in range(told_in, max(told_in - (_PLAN_TOLD_BACK if own_sentence else 1), -1), -1):
        plans = [j for j in range(i) if clauses[j].sentence == sentence
                 and Qualifier.FUTURE in marks[j] and Qualifier.LOSS not in marks[j]]
        if plans:
            return plans
    return []


_PLAN_TOLD_BACK = 2  # sentences back to the plans that a sentence saying none of them is committed is about


# A subject of its own and its verb: "performance information is shared with partners"
_NOUN_AND_VERB = re.compile(r"^(?:(?:and|or|but|so|plus|also|then),?\s+)?[\w-]+(?:\s+[\w-]+){0,3}\s+(?:is|are|was|were)"
                            r"\s+(?:\w+ly\s+)?\w+ed\b", re.IGNORECASE)


def continues_scope(clause: Clause) -> bool:
    """Whether a clause is a bare list continuation of the one before it, inside its scope (not a clause with a
    subject of its own: "we publish ...", "performance information is shared ...")."""
    text = clause.text.replace("’", "'")
    return (clause.continues and not _OWN_SUBJECT.match(text) and not _WHAT_THERE_IS.match(text)
            and not _NOUN_AND_VERB.match(text))


# What a document just named sets out, said as its aim: "Channel strategy was approved in 2021, aim is to move
# transactions online"
_ITS_AIM = re.compile(r"^(?:(?:and|its|the|their|whose)\s+)?(?:main\s+|overall\s+|stated\s+)?"
                      r"(?:aim|objective|goal|purpose|focus|ambition|intention)s?\s+(?:is|are|was|were)\s+(?:to|on)\b",
                      re.IGNORECASE)
_DOCUMENT_IN_PLACE = re.compile(
    r"\b(?:strateg(?:y|ies)|plan|policy|framework|vision|agenda|programme|program|charter|roadmap)\b[^.;]*"
    r"\b(?:approved|adopted|agreed|published|signed\s+off|launched|endorsed|ratified|in\s+place)\b", re.IGNORECASE)


def states_a_documents_aim(previous: Clause, clause: Clause) -> bool:
    """Whether this clause gives the aim of a document the clause before it names as in place: its content, not a
    plan of the speaker's."""
    return (clause.sentence == previous.sentence and bool(_ITS_AIM.match(clause.text.replace("’", "'")))
            and bool(_DOCUMENT_IN_PLACE.search(previous.text)) and not qualifiers(previous.text) & _CARRIED)


def clause_qualifiers(clauses: list[Clause]) -> list[frozenset[Qualifier]]:
    """The qualifiers of every clause. A negation or plan reaches forward over a bare list continuation
    ("there's nothing on what we'd invest in or how data, digital or partnerships would help"); a narrowing
    clause's limitation reaches back as partial scope to the clause before it (same sentence, or the
    last clause of the sentence before); what the speaker takes back ("... actually no, that was the pilot")
    is no evidence either way (`taken_back`); a question asked in passing takes its answer's (`_asked`). A denial or a
    hope said at the end of a list is said of its first items too, a verdict after a dash of the bare topic before it,
    and "X - not in any plan" denies X. The end of a story ("Then the funding ended and it just stopped") denies what
    the story told in the past tense before it (`story_before`); "Nothing's been approved." leaves the plans of the
    sentence before it uncommitted (`plans_left_uncommitted`). A condition said first makes what follows it a hope
    (`conditions_what_follows`), a supposition answered by a denial is denied (`supposes_what_is_denied`), a bare
    predicate qualifies its subject (`subject_of_predicate`), and the aim of a document in place is its content, not a
    plan (`states_a_documents_aim`)."""
    own = [qualifiers(_without_the_correction(c.text)) for c in clauses]
    for i, clause in enumerate(clauses):
        if denied_long_ago(clause, own[i]):
            own[i] = (own[i] - {Qualifier.NEGATED}) | {Qualifier.UNSURE}
        if i + 1 < len(clauses) and said_of_the_place_compared(clause, clauses[i + 1]):
            own[i], own[i + 1] = own[i] | {Qualifier.UNSURE}, own[i + 1] | {Qualifier.UNSURE}
    for i in range(1, len(clauses)):
        if states_a_documents_aim(clauses[i - 1], clauses[i]):
            own[i] = own[i] - {Qualifier.FUTURE}
    marks = list(own)
    for i in range(1, len(clauses)):
        if (continues_scope(clauses[i]) and not own[i] and clauses[i].sentence == clauses[i - 1].sentence
                and not SETS_ASIDE.match(clauses[i - 1].text)):  # "not each dept, outcome-based specs": its own
            marks[i] = marks[i] | (marks[i - 1] & _CARRIED)
    for i in range(1, len(clauses)):
        if clauses[i].sentence - clauses[i - 1].sentence > 1:
            continue
        if narrows_previous(clauses[i], own[i]):
            marks[i - 1] = marks[i - 1] | {Qualifier.PARTIAL}
        if not_in_place_yet(clauses[i]):
            for j in _with_its_list(clauses, i - 1):
                marks[j] = marks[j] | {Qualifier.FUTURE}
        if attributes_previous_to_others(clauses[i]):
            for j in _with_its_list(clauses, i - 1):
                marks[j] = marks[j] | {Qualifier.UNSURE}
        if no_longer_in_place(clauses[i], own[i]) or denies_previous(clauses[i], own[i]):
            marks[i - 1] = marks[i - 1] | {Qualifier.NEGATED}
        if ends_a_story(clauses[i], own[i]):
            for j in story_before(clauses, i):
                marks[j] = marks[j] | {Qualifier.NEGATED}
        if denies_the_whole_list(clauses[i - 1], clauses[i], own[i - 1], own[i]):
            marks[i - 1] = marks[i - 1] | (own[i] & _CARRIED)
        if hedges_the_whole_list(clauses[i - 1], clauses[i], own[i - 1], own[i]):
            marks[i - 1] = marks[i - 1] | {Qualifier.UNCOMMITTED, Qualifier.FUTURE}
        if hedges_a_bare_topic(clauses[i - 1], clauses[i], own[i - 1], own[i], first=i == 1 or
                               clauses[i - 2].sentence != clauses[i - 1].sentence):
            marks[i - 1] = marks[i - 1] | (own[i] & _CARRIED)
        if gives_a_verdict_on_previous(clauses[i - 1], clauses[i]):
            marks[i - 1] = marks[i - 1] | {Qualifier.NEGATED}
        if hedges_previous(clauses[i], own[i], own[i - 1]):
            for j in _with_its_list(clauses, i - 1):  # the whole plan: "a framework, with feedback, will be ..."
                if Qualifier.FUTURE in marks[j]:
                    marks[j] = marks[j] | {Qualifier.UNCOMMITTED}
        if supposes_what_is_denied(clauses[i - 1], clauses[i], own[i]):
            marks[i - 1] = marks[i - 1] | {Qualifier.NEGATED}
        if conditions_what_follows(clauses[i - 1], clauses[i], own[i - 1]):
            marks[i] = marks[i] | {Qualifier.UNCOMMITTED, Qualifier.FUTURE}
        for j in nothing_beyond_previous(clauses, own, i):
            marks[j] = marks[j] | {Qualifier.PARTIAL}
        for j in subject_of_predicate(clauses, i):
            marks[j] = marks[j] | (own[i] & _CARRIED)
    for i in range(1, len(clauses)):
        for j in plans_left_uncommitted(clauses, marks, i):
            marks[j] = marks[j] | {Qualifier.UNCOMMITTED}
    for i in range(1, len(clauses)):
        for j in taken_back(clauses, i):  # said and then taken back: no evidence either way
            marks[j] = marks[j] | {Qualifier.UNSURE}
    return _asked(clauses, marks)


_ANSWER_MARKS = frozenset({Qualifier.NEGATED, Qualifier.FUTURE, Qualifier.UNCOMMITTED, Qualifier.UNSURE})
# What a reply to a question in passing does to the question, read as a probe's reply is read
_REPLY_MARKS = {
    ProbeAnswer.NO: frozenset({Qualifier.NEGATED}),
    ProbeAnswer.NOT_YET: frozenset({Qualifier.NEGATED, Qualifier.FUTURE}),
    ProbeAnswer.PARTLY: frozenset({Qualifier.PARTIAL}),
    ProbeAnswer.UNSURE: frozenset({Qualifier.UNSURE}),
}
_TRAILS_OFF = ("...", "…")


# A question put in the speaker's own words: "But if you ask which groups are most at risk ... nobody's ever pinned
# that down", "if you asked most of the groups what the vision is, they couldn't tell you"
_PUT_AS_A_QUESTION = re.compile(
    r"^\W*(?:(?:but|and|so|honestly|tbh|though|tho|well)\W+)*(?:if|when)\s+you(?:'re|\s+are|\s+were)?\s+"
    r"ask(?:ed|ing|s)?\s+(?:(?:me|us|them|people|residents|anyone|anybody|most\s+(?:of\s+)?[\w\s]{0,30}?)\s+)?"
    r"(?:whether|if|which|what|how|who|where|about)\b", re.IGNORECASE)


# The question the speaker was asked, said back before the answer: "In two years?", "Two years from now?", "By 2028?"
_TIME_ECHOED = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay|well|now)\W+)?(?:what\s+about\s+|and\s+)?(?:in|by|within|over|for|after)?\s*(?:the\s+)?"
    r"(?:(?:next|coming)\s+)?(?:(?:two|2)\s+years?(?:'s?)?(?:\s+(?:time|from\s+now|out|ahead))?|(?:19|20)\d\d|next\s+year"
    r"|the\s+future|(?:two|2)-year\s+(?:view|horizon|mark))\W*$", re.IGNORECASE)


def _asked(clauses: list[Clause], marks: list[frozenset[Qualifier]]) -> list[frozenset[Qualifier]]:
    """A question in the middle of an answer states nothing; the sentence after it answers it, read as a
    probe's reply is read (`read_probe_reply`). "A business case for the whole programme? Not planned."
    denies it; "Do residents know the strategy? The survey says 31% had heard of it, so no, not yet." does
    too; "Sensors? We've got some." states it; a question left unanswered is no evidence either way
    (unsure). A statement that trails off and is answered like a question ("Services that adapt in real
    time... no, nowhere near that") is read the same way, and so is a question put in the speaker's own words,
    answered in the rest of its sentence or the next ("But if you ask which groups are most at risk... nobody's ever
    pinned that down")."""
    asked = list(marks)
    for i, clause in enumerate(clauses):
        sentence_ends = i + 1 == len(clauses) or clauses[i + 1].sentence != clause.sentence
        text = clause.text.rstrip()
        put = bool(_PUT_AS_A_QUESTION.match(text.replace("’", "'")))
        if not put and (not sentence_ends or not text.endswith(("?", *_TRAILS_OFF))):
            continue
        if not put and text.endswith("?") and not asks_something(_sentence_of(clauses, i)):
            continue  # "I think estates started a register about 18 months ago?": a statement, doubtfully said
        if not put and only_judges(text):
            continue  # "Probably better than you'd expect? We've started a catalogue.": a verdict, not a question
        if _TIME_ECHOED.match(text.replace("’", "'")):
            continue  # "In two years? We'll have the dashboard live": the question asked, said back
        rest = [k for k in range(i + 1, len(clauses)) if clauses[k].sentence == clause.sentence]
        indices = rest if put and rest else _reply_to(clauses, i)
        reply = [clauses[k] for k in indices]
        if text.endswith(_TRAILS_OFF) and not put and not (reply and lead_answer(reply[0].text)
                                                           not in (None, ProbeAnswer.YES)):
            continue
        unanswered = not reply or reply[-1].text.rstrip().endswith("?")
        reading = ProbeAnswer.UNSURE if unanswered else read_probe_reply(" ".join(c.text for c in reply), level=3)
        if reading == ProbeAnswer.YES:
            continue
        # the reply's own plan, hope or denial, where it says one ("they'll see how it goes")
        said = frozenset().union(*(marks[k] for k in indices)) & _ANSWER_MARKS
        for j in range(i, -1, -1):
            if clauses[j].sentence != clause.sentence:
                break
            asked[j] = (asked[j] - {Qualifier.PARTIAL}) | (said or _REPLY_MARKS[reading])
        for k in indices:  # the reply says how far the question holds; on its own it is no evidence either way
            asked[k] = asked[k] | {Qualifier.UNSURE}
    return asked


_FRAGMENT_WORDS = 5  # "Not a regular thing.": a fragment that goes on with the sentence before it


def _sentence_of(clauses: list[Clause], i: int) -> str:
    return " ".join(c.text for c in clauses if c.sentence == clauses[i].sentence)


def only_judges(text: str) -> bool:
    """Whether a clause only judges, in words that describe nothing ("Probably better than you'd expect?")."""
    words = set(content_tokens(text))
    return bool(words) and words <= JUDGEMENT_WORDS


def _reply_to(clauses: list[Clause], i: int) -> list[int]:
    """The clauses (by index) answering the question that clause `i` ends: the next sentence, and the one
    after it when that sentence trails off ("so...") or the one after is a fragment without a subject of its
    own ("We did one supplier survey in 2021. Not a regular thing.")."""
    reply: list[int] = []
    sentence = clauses[i].sentence + 1
    while True:
        found = [k for k in range(i + 1, len(clauses)) if clauses[k].sentence == sentence]
        if not found:
            return reply
        first = clauses[found[0]].text.replace("’", "'")
        fragment = len(found) == 1 and word_count(first) <= _FRAGMENT_WORDS and not _OWN_SUBJECT.match(first)
        if reply and not (clauses[reply[-1]].text.rstrip().endswith(_TRAILS_OFF) or fragment):
            return reply
        reply.extend(found)
        sentence += 1
