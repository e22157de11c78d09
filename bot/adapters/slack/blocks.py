"""Block Kit building blocks: pure functions that return Slack message dicts, within Slack's limits.

Nothing here calls Slack. Text is cut for display only (Slack: 3,000 characters a section, 150 a
header, 10 elements a context block, 50 blocks a message); storage keeps the whole answer. Every text
from a person or the knowledge base is escaped once, by the caller or here where a function says so.
The interview's cards are in `card_blocks`, the facilitators' views in `review_blocks`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.adapters.slack.limits import (
    BUTTON_TEXT,
    CONTEXT_ELEMENTS,
    CONTEXT_TEXT,
    FALLBACK_TEXT,
    HEADER_TEXT,
    MESSAGE_BLOCKS,
    SECTION_TEXT,
    escape,
    truncate,
)
from bot.interview.messages import Horizon, Reply, ReplyKind
from bot.interview.wording import position_words
from bot.retrieval.standards import StandardHit

Block = dict[str, Any]


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, SECTION_TEXT)}}


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": truncate(text, HEADER_TEXT), "emoji": False}}


def context(*texts: str) -> Block:
    elements = [{"type": "mrkdwn", "text": truncate(t, CONTEXT_TEXT)} for t in texts if t][:CONTEXT_ELEMENTS]
    return {"type": "context", "elements": elements}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    element: Block = {"type": "button", "text": {"type": "plain_text", "text": truncate(text, BUTTON_TEXT)},
                      "action_id": action_id, "value": value}
    if style:
        element["style"] = style
    return element


def level_options(level_names: dict[int, str]) -> list[Block]:
    return [{"text": {"type": "plain_text", "text": truncate(f"{level} {name}", BUTTON_TEXT)}, "value": str(level)}
            for level, name in sorted(level_names.items())]


def modal(callback_id: str, private_metadata: str, title: str, blocks: list[Block]) -> Block:
    """A modal with Record and Cancel; `private_metadata` comes back with the submission."""
    return {
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": private_metadata,
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": "Record"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def reason_input(block_id: str, label: str, *, optional: bool | None = None) -> Block:
    """A multi-line text input for a reason (at most 3,000 characters); its action id is its block id."""
    block: Block = {"type": "input", "block_id": block_id, "label": {"type": "plain_text", "text": label},
                    "element": {"type": "plain_text_input", "action_id": block_id, "multiline": True,
                                "max_length": 3000}}
    if optional is not None:
        block["optional"] = optional
    return block


def fit_message(blocks: list[Block]) -> list[Block]:
    """At most 50 blocks; the last one says how much was left out."""
    if len(blocks) <= MESSAGE_BLOCKS:
        return blocks
    kept = blocks[: MESSAGE_BLOCKS - 1]
    return [*kept, context(f"_{len(blocks) - len(kept)} more items not shown._")]


def plain_fallback(text: str) -> str:
    """A message's `text` (notifications, screen readers): plain words, escaped, cut to size. Slack parses
    this field as mrkdwn too, so a name like `<!channel>` must not reach it raw."""
    return escape(truncate(" ".join(text.split()), FALLBACK_TEXT))


def progress_line(reply: Reply) -> str:
    """"12 of 31 characteristics done", or the question's place ("Question 12 of 31"), from the reply's fields."""
    if reply.progress is not None:
        return f"{reply.progress.done} of {reply.progress.total} characteristics done"
    if reply.position is not None and reply.total is not None:
        words = position_words(reply.position, reply.total)
        return words[:1].upper() + words[1:]
    return ""


def horizon_label(horizon: str | None) -> str:
    return "level in two years, based on current plans" if horizon == Horizon.TWO_YEARS else "level now"


def horizon_value(reply: Reply) -> str:
    """The horizon a card carries in its buttons ("now" or "two_years")."""
    return (reply.horizon or Horizon.NOW).value


def notice_blocks(reply: Reply) -> list[Block]:
    """Recorded, status, help, info, error and complete replies: the text, then progress if known."""
    prefix = {ReplyKind.ERROR: ":warning: ", ReplyKind.COMPLETE: ":tada: ", ReplyKind.RECORDED: ":white_check_mark: "}
    blocks = [section(prefix.get(reply.kind, "") + escape(reply.text))]
    if reply.progress is not None and reply.kind != ReplyKind.STATUS:
        blocks.append(context(progress_line(reply)))
    return blocks


STANDARDS_INTRO = "Standards that help, best first (from the MMSSC draft's Table 3, Annex B and Annex C):"


def standards_fallback(standards: Sequence[StandardHit], intro: str) -> str:
    """The notification text of a standards answer: the standards by name, or the intro when there are none."""
    names = [hit.reference or hit.id for hit in standards]
    return plain_fallback("Standards that help: " + ", ".join(names) if names else intro)


def standards_blocks(intro: str, standards: Sequence[StandardHit]) -> list[Block]:
    """An answer to "which standard helps with X": `intro` (plain words, e.g. `STANDARDS_INTRO`), then one
    section per standard headed by its readable reference ("ISO 37106, sub-component B8 (Annex B)", never a
    machine id), with a note when it follows a partner named with it in the draft."""
    blocks: list[Block] = [section(escape(intro))]
    for standard in standards:
        blocks.append(section(f"*{escape(standard.reference or standard.id)}*: {escape(standard.why)}"))
        if standard.paired_with:
            blocks.append(context(f"Named with {escape(standard.paired_with)} in the draft"))
    return fit_message(blocks)
