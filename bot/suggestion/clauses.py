"""An answer split into clauses that can be quoted: sentences, then contrasts, then list items.

Every clause is a verbatim slice of the answer, so an evidence quote can always be found in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.suggestion.qualifiers import ACTION_ITEM, ASIDE, Qualifier, lacks_commitment, qualifiers
from bot.suggestion.words import word_count

# (not after an abbreviation: "New corporate vision incl. smart city ambitions" is one sentence)
# (an emoji ends what it marks: "baseline + targets ✅ cohesion board ✅ ...", "single login since last yr 🔐 but ...")
_EMOJI = "\u2600-\u27bf\u2b50\u2b55\U0001f300-\U0001faff"
_SENTENCE_END = re.compile(r"(?<=[.!?;])(?<!\bincl\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bapprox\.)(?<!\bvs\.)(?<!\bcf\.)"
                           r"(?<!\besp\.)"
                           r"[)\]\"'”’]?\s+|\n+|\s+[-•*]\s+|\s+–\s+"
                           rf"|\s*(?:[{_EMOJI}]\ufe0f?)+\s*", re.IGNORECASE)
_AUXILIARIES = ("is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "has", "have",
                "had", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
                "'s", "'re", "’s", "’re")
# an adverb of the predicate stands where the auxiliary would: "Real city assets mostly not connected"
_PREDICATE_ADVERBS = ("mostly", "largely", "mainly", "generally", "usually", "typically", "often", "still", "currently",
                      "probably", "definitely", "certainly", "really", "also", "already", "actually", "sadly",
                      "unfortunately", "just")
_AFTER_NO_AUXILIARY = "".join(rf"(?<!\b{word})" if word[0].isalpha() else rf"(?<!{word})"
                              for word in _AUXILIARIES + _PREDICATE_ADVERBS)
# Clause breaks inside a sentence: a contrast often joins two levels ("we publish it, but ..."); so does
# "X, not Y", whose negation is about Y only ("bids evaluated on whole-council value, not departmental savings").
_CLAUSE_BREAK = re.compile(
    r",?\s+\b(?:but|however|although|though|whereas|except that|apart from that)\b[:,]?\s+|,\s+yet\s+|"
    r",\s+(?:while|and while)\s+|(?<=[\w)])\s*(?:,|\s[-–])\s+(?=not\s)"
    # "organised by life events not by department": "not" before a preposition, after no auxiliary verb
    rf"|{_AFTER_NO_AUXILIARY}(?<=[\w)])\s+(?=not\s+(?:by|in|for|on|at|from|with|through|around|as|per|across|within"
    r"|via)\b)"
    # ... or before a noun that ends the clause: "organised around life events (moving home, ...) not departments"
    rf"|{_AFTER_NO_AUXILIARY}(?<=[\w)])\s+(?=not\s+(?!(?:yet|really|only|just|sure|all|always|even|necessarily|much"
    r"|very|quite|fully|enough|everywhere|anymore|any|at|so|too|that|this|there|here|in|on|for|to|a|an)\b)"
    r"(?:the\s+|their\s+|our\s+|individual\s+)?[\w-]+(?:\s+[\w-]+)?\s*(?:[,.;:!?]|$))",
    re.IGNORECASE,
)
_LIST_BREAK = re.compile(
    r",\s+(?:and\s+|so\s+|plus\s+)?|\s+(?:-|–|—)\s+|:\s+|\s+\(|\)\s+|"
    r"\s+(?:and|plus|\+|&)\s+(?=(?:we|there|it|they|our|the|every|each|all|nobody|no)\b)"
)
_MIN_CLAUSE_CHARS = 3
_MIN_PIECE_WORDS = 4


@dataclass(frozen=True)
class Clause:
    """A verbatim piece of the answer: `text == answer[start:end]`."""

    text: str
    start: int
    end: int
    sentence: int  # index of the sentence it belongs to
    continues: bool = False  # split off the piece before it at a list separator, not a sentence or contrast
    segment: str = ""  # the verbatim stretch between sentence ends and contrasts it was split from (to quote)
    caveat: bool = False  # opens or closes with a contrast: "but there's no plan", "no strategy for it though"
    # what it says with "one" resolved to the thing denied just before ("No resource strategy now. Council passed a
    # motion to adopt one by next summer": "adopt resource strategy"); empty when it has no such "one"
    reading: str = ""

    @property
    def said(self) -> str:
        """What the clause says, to match against the criteria: its `reading`, or its text."""
        return self.reading or self.text


def split_clauses(answer: str) -> list[Clause]:
    """Split an answer into sentences, then into clauses at contrasts and list separators.

    Pieces shorter than four words are joined to the piece before them, so "economic, social and
    environmental goals" stays whole while "we publish X, and residents comment on Y" splits; so is a bare
    denial (`with_ellipses_resolved`).
    """
    clauses: list[Clause] = []
    sentences, kept = _with_labels_joined(answer, _spans(answer, _SENTENCE_END, 0, len(answer)))
    # an aside between commas ("which, it should be said, remains in draft") splits nothing
    kept |= {position for aside in ASIDE.finditer(answer) for position in range(*aside.span())}
    for sentence_index, (sentence_start, sentence_end) in enumerate(sentences):
        for contrast_start, contrast_end in _spans(answer, _CLAUSE_BREAK, sentence_start, sentence_end, kept):
            segment = answer[slice(*_trim(answer, contrast_start, contrast_end))]
            pieces = _merge_short(answer, _spans(answer, _LIST_BREAK, contrast_start, contrast_end, kept))
            for number, (start, end) in enumerate(pieces):
                start, end = _trim(answer, start, end)
                if end - start >= _MIN_CLAUSE_CHARS and any(ch.isalnum() for ch in answer[start:end]):
                    clauses.append(Clause(answer[start:end], start, end, sentence_index, continues=number > 0,
                                          segment=segment, caveat=_is_caveat(answer, start, end)))
    joined = with_statuses_joined(answer, with_fates_joined(answer, with_ellipses_resolved(answer, clauses)))
    joined = with_plans_left_uncommitted(answer, joined)
    return with_topics_carried(with_one_resolved(joined))


# A line of notes that opens with a label and gives its value after a dash: "• Recruitment - frozen since 2023",
# "• Gaps - significant, commercial & data especially". The value is said of the label: one sentence, not two. Not
# a value that is a sentence of its own ("Wellbeing - there's a strategy"), nor a label with a verb or a full stop.
_LABEL = re.compile(r"^[^\W\d][\w&'’/+-]*(?:\s+(?:\([^()]{1,60}\)|[\w&'’/+-]+)){0,4}$")
_LABEL_DASH = re.compile(r"^\s+[-–]\s+$")
_VALUE_OF_ITS_OWN = re.compile(
    r"^(?:(?:and|or|but|so|plus|also|then),?\s+)?(?:we|i|you|they|it|it's|its|there|there's|he|she|this|that|these"
    r"|those|our|their|the|a|an|everyone|everybody|someone|each|every|all|most|some|many|if|when|as|to\s+be)\b",
    re.IGNORECASE)
# (a label has no finite verb nor a subject: "We published it - ..." is a sentence)
_LABEL_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|we|i|they|it|there)\b"
                         r"|'(?:s|re|ve)\b|n't\b", re.IGNORECASE)


def _with_labels_joined(answer: str, spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], set[int]]:
    """The sentences, with each label that opens a line of notes joined to the value after its dash (`_LABEL`), and
    where the labels and their dashes are (no break there: the label and the first piece of its value are one
    clause). Not a heading ("Caldermoor - leadership skills:"), whose value introduces the lines after it."""
    joined: list[tuple[int, int]] = []
    labelled: set[int] = set()
    for start, end in spans:
        value = answer[start:end].strip().replace("’", "'")
        if joined and _labels(answer, *joined[-1]) and _LABEL_DASH.match(answer[joined[-1][1]:start]) \
                and not _VALUE_OF_ITS_OWN.match(value) and not value.endswith(":"):
            labelled.update(range(joined[-1][0], start))
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined, labelled


def _labels(answer: str, start: int, end: int) -> bool:
    """Whether the stretch is a label opening a line of notes: a few words, no verb, after a bullet or on a line
    after the first (the first line of a message is its opening: "Digital inclusion – big issue for us")."""
    line_start = answer.rfind("\n", 0, start) + 1
    before = answer[line_start:start]
    label = answer[start:end].strip()
    bulleted = bool(before.strip()) or label.startswith(("-", "•", "*"))
    label = label.lstrip("-•*").strip()
    return (not before.strip(" \t-•*") and (line_start > 0 or bulleted)
            and bool(_LABEL.match(label)) and not _LABEL_VERB.search(label))


# A denial with nothing of its own to deny: "no we don't have", "there is none really", "Nobody else." (not a
# correction, "actually no", which takes back what was said: `scope.taken_back`)
_ELLIPTICAL_DENIAL = re.compile(
    r"^(?:(?:no|nope|nah|not|never|none|nothing|nobody|else|elsewhere|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|isn'?t|aren'?t|wasn'?t"
    r"|do|does|did|have|has|got|is|are|was|exists?|yet|really|at|all|any|one|ones|it|that|this|them|we|i|they|there"
    r"|still|currently|sadly|unfortunately|far|as|of|now|today)\b[\s,.!;:'’]*)+$",
    re.IGNORECASE)
_DENIAL_WORD = re.compile(r"\b(?:no|nope|nah|not|never|none|nothing|nobody|\w+n'?t)\b", re.IGNORECASE)


def with_ellipses_resolved(answer: str, clauses: list[Clause]) -> list[Clause]:
    """A denial with nothing of its own to deny is joined to the clause before it, which names what it denies
    ("Channel strategy.. no we don't have.", "environment strategy... there is none really."). Not after a question
    (a question asked in passing takes its answer's qualifiers, `scope.clause_qualifiers`), nor a denial that
    introduces what follows it ("Not there: anything for sharing non-open data")."""
    def denies_it(_: Clause, clause: Clause) -> bool:
        introduces = answer[clause.end:].lstrip().startswith(":")
        return not introduces and bool(_ELLIPTICAL_DENIAL.match(clause.text) and _DENIAL_WORD.search(clause.text))

    return _joined_to_the_clause_before(answer, clauses, denies_it)


# What became of the thing the clause before names, told without naming it again: "A procurement strategy went to
# committee in 2020, got deferred and never came back", "The joint contract we had ... ended last year and wasn't
# renewed", "... presented to CMT in September; decision deferred". The fate belongs to that clause.
_FATE = re.compile(
    r"^(?:and\s+|but\s+|then\s+|which\s+|it\s+|they\s+|that\s+)?"
    r"(?:(?:the\s+)?(?:decision|approval|adoption|sign-?off)\s+)?"
    r"(?:(?:was|were|got|has\s+been|have\s+been|had\s+been|is|are|was\s+then|got\s+then)\s+)?"
    r"(?:later\s+|then\s+|subsequently\s+|quietly\s+|eventually\s+|simply\s+)?"
    r"(?:deferred|postponed|shelved|withdrawn|rejected|refused|dropped|abandoned|scrapped|cancell?ed|stalled|lapsed"
    r"|expired|ended|stopped(?!\s+being\b)|ceased(?!\s+to\s+be\b)|wound\s+up|parked|paused|put\s+on\s+hold|never"
    r"|taken\s+down|removed|switched\s+off|closed\s+down|ran\s+out|fell\s+through|fizzled\s+out|died"
    # said of it, not done by it ("it was pulled before a single session", not "it pulled two projects")
    r"|(?:(?<=was\s)|(?<=were\s)|(?<=got\s)|(?<=been\s))(?:pulled|axed|killed|binned|canned|cut))\b",
    re.IGNORECASE)

_BARE_NEVER = re.compile(r"(?:and\s+|but\s+|then\s+)?never\b", re.IGNORECASE)


def with_fates_joined(answer: str, clauses: list[Clause]) -> list[Clause]:
    """A clause that only tells what became of the thing named before it (`_FATE`) is joined to the clause before,
    so that its denial or deferral is that thing's."""
    def tells_its_fate(before: Clause, clause: Clause) -> bool:
        # "never" opens a sentence of its own with its subject left out ("Never asked anyone."): not a fate
        return bool(_FATE.match(clause.text)) and (clause.sentence == before.sentence
                                                   or not _BARE_NEVER.match(clause.text))

    return _joined_to_the_clause_before(answer, clauses, tells_its_fate)


# A status as trackers and status reports give it, after the item it is the status of: "Action 8.1 'Information Asset
# Register' – Status: NOT STARTED", "User research capability – DESCOPED (2023/24 savings)", "co-design framework
# – on hold pending Local Plan review"
_STATUS_LABEL = r"^(?:(?:current\s+)?(?:status|rag|progress|state)\s*(?:[:=]|-|–)?\s*)?"
_STATUS = re.compile(
    _STATUS_LABEL +
    # only the statuses that change how the item reads: not begun, dropped, put off (not "live", "planned" or "GREEN",
    # which open headings and sentences of their own: "Planned: a live dashboard ...")
    r"(?:not\s+(?:yet\s+)?started|none\s+started|descoped|de-scoped|on\s+hold|overdue|not\s+proceeding|deferred"
    r"|cancell?ed|withdrawn|not\s+funded|unfunded|paused|stalled|delayed|tbc|tbd|to\s+be\s+confirmed|explore)\b",
    re.IGNORECASE)


# An action in an action log ("Action 2.6 Annual public progress report – RED"): work to do, whose status follows it
_ACTION = re.compile(rf"^\W*{ACTION_ITEM}", re.IGNORECASE)
_ANY_STATUS = re.compile(_STATUS_LABEL + r"(?:red|amber|green|complete[d]?|done|closed|live|delivered|achieved|bau"
                         r"|in\s+progress|open|on\s+track|off\s+track|at\s+risk|[🔴🟠🟡🟢✅❌])", re.IGNORECASE)


def with_statuses_joined(answer: str, clauses: list[Clause]) -> list[Clause]:
    """A clause that opens with a status (`_STATUS`) is joined to the item named before it, whose status it is, so
    that "NOT STARTED" or "on hold pending budget" qualifies that item; so is any status after an action of an action
    log ("Action 3.2 quarterly tracking report – RED"), which is work to do unless its status says it is done
    (`qualifiers.Qualifier.FUTURE`)."""
    def its_status(before: Clause, clause: Clause) -> bool:
        return bool(_STATUS.match(clause.text) or (_ACTION.match(before.text) and _ANY_STATUS.match(clause.text)))

    return _joined_to_the_clause_before(answer, clauses, its_status)


_PLANNED = frozenset({Qualifier.FUTURE, Qualifier.UNCOMMITTED})


def with_plans_left_uncommitted(answer: str, clauses: list[Clause]) -> list[Clause]:
    """What a plan lacks, said on its own just after it (`qualifiers.lacks_commitment`), is joined to the plan: "explore
    2025/26. No owner, no budget." Only after a plan (a clause to come): after a fact it says what the next step
    lacks, not the fact."""
    def lacks_it(before: Clause, clause: Clause) -> bool:
        return lacks_commitment(clause.text) and bool(qualifiers(before.text) & _PLANNED)

    return _joined_to_the_clause_before(answer, clauses, lacks_it)


# A thing denied ("there's no resource strategy", "we don't have a vision") and then "one" promised for it ("council
# passed a motion to adopt one", "we'll produce one next year"): the "one" is that thing.
_DENIED_THING = re.compile(
    r"\b(?:no|not\s+an?|isn't\s+an?|is\s+not\s+an?|there's\s+no|there\s+is\s+no|(?:don't|do\s+not|doesn't|does\s+not)"
    r"\s+have\s+an?|without\s+an?|never\s+had\s+an?)\s+((?:[\w-]+\s+){0,3}?"
    r"(?:strateg(?:y|ies)|plans?|polic(?:y|ies)|frameworks?|registers?|inventor(?:y|ies)|maps?|visions?|roadmaps?|boards?"
    r"|programmes?|baselines?|dashboards?|pipelines?|portals?|catalogues?|architectures?|teams?|partnerships?"
    r"|cases?|panels?))\b",
    re.IGNORECASE)
_PROMISED_ONE = re.compile(
    r"\b(?:adopt(?:s|ed|ing)?|produc(?:e|es|ed|ing)|writ(?:e|es|ing)|wrote|written|develop(?:s|ed|ing)?"
    r"|publish(?:es|ed|ing)?|draft(?:s|ed|ing)?|agree(?:s|d)?|creat(?:e|es|ed|ing)|set(?:s|ting)?\s+up|build(?:s|ing)?"
    r"|built|get|got|have|commission(?:s|ed|ing)?|launch(?:es|ed|ing)?|introduc(?:e|es|ed|ing)|deliver(?:s|ed|ing)?"
    r"|put\s+in\s+place|bring\s+in|approv(?:e|es|ed|ing)|fund(?:s|ed|ing)?|procur(?:e|es|ed|ing))"
    r"\s+(?:a\s+(?:new\s+|proper\s+|full\s+)?)?(one)\b(?![-‐]|\s+of\b)",
    re.IGNORECASE)


# ... and a thing named, then what is not done with "it" or "them": "Those progress reports are internal board papers
# though, we don't publish them"
_THINGS = (r"(?:strateg(?:y|ies)|plans?|polic(?:y|ies)|frameworks?|registers?|inventor(?:y|ies)|maps?|visions?"
           r"|roadmaps?|dashboards?|pipelines?|catalogues?|architectures?|business\s+cases?|reports?|results|figures"
           r"|indicators|kpis|minutes|papers|data(?:sets?)?|models?|evaluations?)")
_NAMED_THING = re.compile(
    r"\b((?:(?!(?:a|an|the|our|their|its|his|her|my|your|those|these|this|that|we|they|i|have|has|had|is|are|was|were"
    rf"|do|does|did|and|or|of|for|with|to|in|on)\b)[\w-]+\s+){{0,2}}?{_THINGS})\b", re.IGNORECASE)
_NOT_DONE_WITH_IT = re.compile(
    r"\b(?:don't|do\s+not|doesn't|does\s+not|didn't|did\s+not|never|can't|cannot|won't|haven't|hasn't)\s+"
    r"(?:yet\s+|really\s+|actually\s+|ever\s+)?[a-z]+\s+(them|it)\b(?!\s+(?:to|that|as)\b)", re.IGNORECASE)


def with_one_resolved(clauses: list[Clause]) -> list[Clause]:
    """Each clause that promises "one" of the thing the clause before it denies reads with that thing in its place
    (`Clause.reading`), as does one that says what is not done with "it" or "them", the thing the clause before it
    named ("we don't publish them": the progress reports); its text, what is quoted, stays verbatim."""
    resolved: list[Clause] = []
    for clause in clauses:
        promised = _PROMISED_ONE.search(clause.text)
        denied = _DENIED_THING.search(resolved[-1].text) if promised and resolved else None
        not_done = _NOT_DONE_WITH_IT.search(clause.text) if resolved and not promised else None
        named = _NAMED_THING.findall(resolved[-1].text) if not_done else []
        if promised and denied:
            clause = replace(clause, reading=clause.text[:promised.start(1)] + denied.group(1)
                             + clause.text[promised.end(1):])
        elif not_done and named:
            clause = replace(clause, reading=clause.text[:not_done.start(1)] + named[0]
                             + clause.text[not_done.end(1):])
        resolved.append(clause)
    return resolved


def _joined_to_the_clause_before(answer: str, clauses: list[Clause],
                                 belongs_before: Callable[[Clause, Clause], bool]) -> list[Clause]:
    """The clauses with each one that `belongs_before` the clause preceding it joined to that clause (never to a
    question: a question asked in passing takes its answer's qualifiers instead)."""
    joined: list[Clause] = []
    for clause in clauses:
        if joined and not joined[-1].text.rstrip().endswith("?") and belongs_before(joined[-1], clause):
            before = joined.pop()
            text = answer[before.start:clause.end]
            joined.append(Clause(text, before.start, clause.end, before.sentence, before.continues,
                                 segment=text, caveat=before.caveat or clause.caveat))
        else:
            joined.append(clause)
    return joined


_CAVEAT_BEFORE = re.compile(r"\b(?:but|however|though|although|yet|thing\s+is|that\s+said|saying\s+that)[\s,:;–—-]*$",
                            re.IGNORECASE)
_CAVEAT_OPENS = re.compile(r"^(?:but|however|though|although|yet|thing\s+is|that\s+said)\b", re.IGNORECASE)
_CAVEAT_CLOSES = re.compile(r"\b(?:though|tho)\W*$", re.IGNORECASE)


def _is_caveat(answer: str, start: int, end: int) -> bool:
    text = answer[start:end]
    return bool(_CAVEAT_BEFORE.search(answer, max(0, start - 30), start) or _CAVEAT_OPENS.match(text)
                or _CAVEAT_CLOSES.search(text))


# A short piece that says something of each item named before it is a fact of its own: "42 indicators set against
# the strategy, every one baselined", "all of them published"
_OF_EACH = re.compile(r"^(?:every|each|all)(?:\s+(?:one|of\s+them|of\s+those))?\s+[\w-]{4,}", re.IGNORECASE)


SETS_ASIDE = re.compile(r"^not\s", re.IGNORECASE)  # what a contrast sets aside: "not each dept"
# A lead-in that only frames what follows ("To be fair, those two are the exceptions"): part of the piece after it
_LEAD_IN = re.compile(r"^(?:to\s+be\s+(?:fair|honest|frank)|in\s+(?:fairness|truth|all\s+honesty|practice|reality)"
                      r"|mind\s+you|having\s+said\s+that|that\s+said|then\s+again|if\s+i'?m\s+honest"
                      r"|truth\s+be\s+told)\W*$", re.IGNORECASE)


def _sets_aside(text: str, before: tuple[int, int], start: int) -> bool:
    """Whether the piece `before` is a contrast's denial ended by a comma: "value for the whole town not each dept,
    outcome-based specs, and open data" (the specs and the data are not denied; "Not there: data sharing" is)."""
    return bool(SETS_ASIDE.match(text[before[0]:before[1]].strip())) and "," in text[before[1]:start]


def _merge_short(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end].strip()
        if merged and not _sets_aside(text, merged[-1], start) and (
                word_count(piece) < _MIN_PIECE_WORDS and not _OF_EACH.match(piece)
                or word_count(text[merged[-1][0]:merged[-1][1]]) < 2
                or _LEAD_IN.match(text[merged[-1][0]:merged[-1][1]].strip())):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    final = text[merged[-1][0]:merged[-1][1]].strip() if merged else ""
    if (len(merged) > 1 and word_count(final) < _MIN_PIECE_WORDS and not _OF_EACH.match(final)
            and not _sets_aside(text, merged[-2], merged[-1][0])):
        _, end = merged.pop()
        merged[-1] = (merged[-1][0], end)
    return merged


# A name in quotes inside a clause is one thing, whatever commas it holds: "the 'you said, we did' page died after one
# update" (not a quote that stands on its own between breaks: "a channel strategy since 2020, 'digital by default,
# never digital only', and ...")
_QUOTED = re.compile(r"(?<=\w\s)['‘\"“](?=\w)[^'’\"”.!?;\n]{1,60}?(?<=\w)['’\"”](?=\s\w)")


def _spans(text: str, pattern: re.Pattern[str], start: int, end: int,
           kept: set[int] | frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """The stretches between the pattern's matches, but for matches inside a quoted name or at a `kept` position."""
    quoted = [match.span() for match in _QUOTED.finditer(text, start, end)]
    spans = []
    cursor = start
    for match in pattern.finditer(text, start, end):
        if match.start() in kept or any(opening < match.start() < closing for opening, closing in quoted):
            continue
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "-•*,;:\"'“”‘’("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:\"'“”‘’()"):
        end -= 1
    return start, end


# "But in terms of knowing what data we have, it's a list IT started": the lead-in names the topic of
# the clause after it; on its own it states nothing, yet it resembles the topic's top-level cues.
_TOPIC_PHRASES = (r"in terms of|when it comes to|as for|as regards|regarding|with regard to|with respect to|concerning"
                  r"|on the subject of")
_TOPIC_LEAD_IN = re.compile(
    rf"^(?:(?:but|and|so|now),?\s+)?(?:{_TOPIC_PHRASES})\b"
    # "About common policies of asset management, there is nothing foreseen" (not a quantity: "about a fifth")
    r"|^(?:(?:but|and|so|now),?\s+)?about\s+(?!(?:a|an|half|one|two|three|four|five|six|seven|eight|nine|ten|twenty"
    r"|thirty|forty|fifty|hundred|\d)\b|\d)"
    # "On leadership skills for the change programme specifically...": a topic named, the point to follow
    r"|^(?:(?:but|and|so|now),?\s+)?(?:on|about)\s[^.!?]*(?:\.\.\.|…|:)\s*$",
    re.IGNORECASE,
)


_LEAD_IN_WORDS = re.compile(rf"^(?:(?:but|and|so|now),?\s+)?(?:{_TOPIC_PHRASES}|about|on)\s+", re.IGNORECASE)


def with_topics_carried(clauses: list[Clause]) -> list[Clause]:
    """Each denial after a topic lead-in of its sentence reads with that topic: "About common policies of asset
    management, there is nothing foreseen" denies the common policies, not nothing in particular. (Not a fact: the
    lead-in's words would evidence the top-level cues they resemble, "In terms of whether we know every dataset we
    hold, IT keeps a list".)"""
    carried = list(clauses)
    for i in range(len(carried) - 1):
        lead_in, clause = carried[i], carried[i + 1]
        if (is_topic_lead_in(lead_in, clause) and clause.sentence == lead_in.sentence
                and Qualifier.NEGATED in qualifiers(clause.text)):
            topic = _LEAD_IN_WORDS.sub("", lead_in.text).rstrip(" .…:,")
            carried[i + 1] = replace(clause, reading=f"{topic}: {clause.said}")
    return carried


def is_topic_lead_in(clause: Clause, following: Clause | None) -> bool:
    """Whether a clause only introduces the topic of the clause that follows it (in the same sentence, or in the
    next one after a lead-in that trails off: "On leadership skills specifically... that's down to each head")."""
    if following is None or not _TOPIC_LEAD_IN.match(clause.text):
        return False
    trails_off = clause.text.rstrip().endswith(("...", "…", ":"))
    return following.sentence == clause.sentence or (trails_off and following.sentence == clause.sentence + 1)
