"""The interview's replies in a direct message: cards posted, and cards updated in place once decided.

A question or suggestion card is remembered in the database when it is posted (`posted_cards`), so
whichever process handles the decision, a button press or a typed "yes", can find it. When the
interview records a level for a question, every open card of that question is updated with
`chat.update`: its content stays, its buttons go, and a line says what was decided ("✓ Level 3
confirmed by Ana Lima"); that line replaces a separate "recorded" message. A newer suggestion for the
same question marks the older card as replaced. A press the interview refused as stale (an old card,
the second click of a double click) gets a quiet ephemeral note and nothing else.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

from bot.adapters.slack import blocks
from bot.adapters.slack.client import SlackDeliveryError, SlackOutbox
from bot.adapters.slack.limits import escape
from bot.adapters.slack.slackbot import SLACK_CHANNEL, SlackBot, utc_now
from bot.interview.messages import Reply, ReplyKind
from bot.storage.posted_cards import PostedCard, close_open_cards, record_posted_card

log = logging.getLogger(__name__)

STALE_NOTE = ("That card is no longer current: your interview has moved on, so nothing was changed. "
              "Please use the latest message.")
REPLACED_NOTE = "A newer suggestion below replaces this one."
CARD_KINDS = {ReplyKind.QUESTION: "question", ReplyKind.SUGGESTION: "suggestion"}


@dataclass(frozen=True)
class PressedCard:
    """The message a button was pressed on, as the interaction payload gave it."""

    channel: str
    ts: str
    blocks: list[blocks.Block] = field(default_factory=list)


@dataclass
class InterviewConversation:
    """One person's interview in one conversation: where replies go and which cards are open."""

    bot: SlackBot
    outbox: SlackOutbox
    user: str
    assessment: str
    channel: str

    def deliver(self, replies: list[Reply], pressed: PressedCard | None = None) -> None:
        """Show `replies` in order: decided cards updated in place, new cards posted and remembered."""
        posted: list[tuple[Reply, str, list[blocks.Block]]] = []
        for reply in replies:
            if reply.kind == ReplyKind.STALE:
                self.outbox.ephemeral(self.channel, self.user, blocks.plain_fallback(STALE_NOTE),
                                      [blocks.context(STALE_NOTE)])
                continue
            if reply.kind == ReplyKind.RECORDED and self._close_decided(reply, pressed):
                continue
            if reply.kind == ReplyKind.SUGGESTION:
                self._close(reply, REPLACED_NOTE, kind=CARD_KINDS[ReplyKind.SUGGESTION])
            rendered = blocks.interview_blocks(reply, self.assessment, self.bot.level_names, self.bot.reference)
            ts = self.outbox.post(self.channel, blocks.fallback_text(reply, self.bot.level_names), rendered)
            if reply.kind in CARD_KINDS and reply.characteristic and ts:
                posted.append((reply, ts, rendered))
        if posted:
            self._remember(posted)

    def _close_decided(self, reply: Reply, pressed: PressedCard | None) -> bool:
        """Update the decided question's cards; False when there was none to update."""
        if reply.outcome is None:
            return False
        who = self.bot.people.name(self.outbox.client, self.user)
        line = blocks.outcome_words(reply.outcome, reply.recorded_level, reply.horizon, who)
        updated = self._close(reply, line)
        if (pressed is not None and pressed.ts not in updated and pressed.blocks
                and self._update(pressed.channel, pressed.ts, blocks.card_content(pressed.blocks), line)):
            updated.add(pressed.ts)
        return bool(updated)

    def _close(self, reply: Reply, line: str, kind: str | None = None) -> set[str]:
        """Close the open cards of the reply's question (of one `kind`, or all) with `line` (plain text)
        at their end; the ts of those updated."""
        if not reply.characteristic or not reply.horizon:
            return set()
        with self.bot.service.database.session() as session:
            cards = close_open_cards(session, channel=SLACK_CHANNEL, person=self.user, assessment=self.assessment,
                                     characteristic=reply.characteristic, horizon=reply.horizon, now=utc_now(),
                                     kind=kind)
        return {card.message_id for card in cards if self._update_card(card, line)}

    def _update_card(self, card: PostedCard, line: str) -> bool:
        return self._update(card.conversation, card.message_id, json.loads(card.content_json), line)

    def _update(self, channel: str, ts: str, content: list[blocks.Block], line: str) -> bool:
        decided = blocks.decided_card(content, escape(line))
        try:
            self.outbox.update(channel, ts, blocks.plain_fallback(line), decided)
        except SlackDeliveryError:  # logged by the outbox (e.g. the message was deleted); say it anew
            return False
        return True

    def _remember(self, posted: list[tuple[Reply, str, list[blocks.Block]]]) -> None:
        now = utc_now()
        with self.bot.service.database.session() as session:
            for reply, ts, rendered in posted:
                assert reply.characteristic is not None
                record_posted_card(session, channel=SLACK_CHANNEL, person=self.user, assessment=self.assessment,
                                   characteristic=reply.characteristic, horizon=reply.horizon or "now",
                                   kind=CARD_KINDS[reply.kind], conversation=self.channel, message_id=ts,
                                   content_json=json.dumps(blocks.card_content(rendered), ensure_ascii=False),
                                   now=now)
