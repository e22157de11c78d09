"""Parse the text of `/assess` and `/standards` into models; pure, so the ack can run it at once.

Slack delivers the text of messages and slash commands with `&`, `<` and `>` escaped (`&amp;`...) and
with mentions and links in angle brackets. `slack_text_to_plain` undoes that once, at this edge, so
what is stored and shown is what the person typed; rendering escapes it again, once.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, Field

from bot.errors import InvalidInputError

MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
BOT_MENTION = re.compile(r"^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*")
CONTROL_SEQUENCE = re.compile(r"<([^<>]*)>")  # what Slack itself put in angle brackets: links, channels...
MAX_QUESTION_CHARS = 10_000

ASSESS_USAGE = """*`/assess` commands*
• `/assess new <community> <cycle>` — create an assessment, e.g. `/assess new Riverton 2026`
• `/assess invite @a @b` — add stakeholders and send each an invitation
• `/assess status` — progress per stakeholder
• `/assess report` — post the results summary and radar chart here
• `/assess facilitator @x` — add a facilitator
`invite`, `status`, `report` and `facilitator` act on your newest assessment; add a name to choose another,
e.g. `/assess status Riverton 2025`."""


def slack_text_to_plain(text: str) -> str:
    """What the person typed, from the text Slack delivered: links as they were typed (the label of
    `<https://x|x>`), `#channel` and `@here` as words, user mentions kept as Slack ids (`<@U0123>`),
    and `&amp;` `&lt;` `&gt;` undone once."""
    def typed(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner.startswith("@"):
            return match.group(0)  # a person: the stable id, shown as a name wherever it is rendered
        target, _, label = inner.partition("|")
        if target.startswith("#"):
            return f"#{label or target[1:]}"
        if target.startswith("!"):
            return f"@{label or target[1:].split('^')[0]}"
        return label or target.removeprefix("mailto:")

    plain = CONTROL_SEQUENCE.sub(typed, text)
    return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class AssessAction(StrEnum):
    NEW = "new"
    INVITE = "invite"
    STATUS = "status"
    REPORT = "report"
    FACILITATOR = "facilitator"
    HELP = "help"


class AssessCommand(BaseModel):
    action: AssessAction
    community: str | None = None  # NEW
    cycle: str | None = None  # NEW
    users: list[str] = Field(default_factory=list)  # INVITE, FACILITATOR: Slack user ids
    assessment: str | None = None  # an explicit assessment name; None means "my newest"

    @property
    def new_assessment_name(self) -> str:
        return f"{self.community} {self.cycle}"


def parse_assess_command(text: str) -> AssessCommand:
    """`/assess` text to a command; `InvalidInputError` carrying the usage when it makes no sense."""
    words = text.strip().split(maxsplit=1)
    if not words:
        return AssessCommand(action=AssessAction.HELP)
    verb, rest = words[0].lower(), (words[1] if len(words) > 1 else "").strip()
    try:
        action = AssessAction(verb)
    except ValueError:
        raise InvalidInputError(f"Unknown `/assess {verb}`.\n{ASSESS_USAGE}") from None
    if action == AssessAction.NEW:
        parts = slack_text_to_plain(rest).split()
        if len(parts) < 2:
            raise InvalidInputError("Usage: `/assess new <community> <cycle>`, e.g. `/assess new Riverton 2026`.")
        return AssessCommand(action=action, community=" ".join(parts[:-1]), cycle=parts[-1])
    users = list(dict.fromkeys(MENTION.findall(rest)))
    remainder = " ".join(slack_text_to_plain(MENTION.sub(" ", rest)).split()) or None
    if action in (AssessAction.INVITE, AssessAction.FACILITATOR):
        if not users:
            raise InvalidInputError(f"Usage: `/assess {action.value} @person ...`: mention people with @ so "
                                    "Slack links them.")
        return AssessCommand(action=action, users=users, assessment=remainder)
    return AssessCommand(action=action, assessment=remainder)


def parse_standards_question(text: str) -> str:
    """The question of `/standards` or of a mention (the bot's own mention removed)."""
    question = " ".join(slack_text_to_plain(BOT_MENTION.sub("", text)).split())
    if not question:
        raise InvalidInputError("Ask a question, e.g. `/standards open data portals that startups actually use`.")
    if len(question) > MAX_QUESTION_CHARS:
        raise InvalidInputError(f"That question is {len(question):,} characters long; please keep it under "
                                f"{MAX_QUESTION_CHARS:,}.")
    return question
