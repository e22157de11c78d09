"""The interview's replies in a direct message: cards posted, and cards updated in place once decided.

A question, probe or suggestion card is remembered in the database when it is posted (`posted_cards`),
so whichever process handles the decision, a button press or a typed "yes", can find it. When the
interview records a level for a question, every open card of that question is updated with
`chat.update`: its content stays, its buttons go, and a line says what was decided ("✓ Level 3
confirmed by Ana Lima"); that line replaces a separate "recorded" message. When a probe is answered
(a button or typed) or set aside with "suggest now", its card is updated the same way with the
interview's words ("You answered: Partly"). A newer suggestion for the same question marks the older
card as replaced. A press the interview refused as stale (an old card, the second click of a double
click) gets a quiet ephemeral note and nothing else.

The new messages go out first (the person's next question does not wait); then one transaction
closes the decided cards and remembers the new ones, and the closed cards are updated.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

from bot.adapters.slack import blocks, card_blocks
from bot.adapters.slack.client import SlackDeliveryError, SlackOutbox
from bot.adapters.slack.limits import escape
from bot.adapters.slack.slackbot import SLACK_CHANNEL, SlackBot, utc_now
from bot.interview.messages import Reply, ReplyKind
from bot.storage.posted_cards import PostedCard, close_open_cards, record_posted_card

log = logging.getLogger(__name__)

STALE_NOTE = ("That card is no longer current: your interview has moved on, so nothing was changed. "
              "Please use the latest message.")
REPLACED_NOTE = "A newer suggestion below replaces this one."
CARD_KINDS = {ReplyKind.QUESTION: "question", ReplyKind.PROBE: "probe", ReplyKind.SUGGESTION: "suggestion"}


@dataclass(frozen=True)
class PressedCard:
    """The message a button was pressed on, as the interaction payload gave it."""

    channel: str
    ts: str
    blocks: list[blocks.Block] = field(default_factory=list)


@dataclass(frozen=True)
class Posted:
    reply: Reply
    ts: str
    rendered: list[blocks.Block]


@dataclass
class InterviewConversation:
    """One person's interview in one conversation: where replies go and which cards are open."""

    bot: SlackBot
    outbox: SlackOutbox
    user: str
    assessment: str
    channel: str

    def deliver(self, replies: list[Reply], pressed: PressedCard | None = None) -> None:
        """Show `replies` in order: new messages posted, decided cards updated in place."""
        posted: list[Posted] = []
        decided = [r for r in replies if r.characteristic and (
            (r.kind == ReplyKind.RECORDED and r.outcome is not None) or r.kind == ReplyKind.PROBE_DONE)]
        for reply in replies:
            if reply.kind == ReplyKind.STALE:
                self.outbox.ephemeral(self.channel, self.user, blocks.plain_fallback(STALE_NOTE),
                                      [blocks.context(STALE_NOTE)])
            elif reply not in decided and reply.kind != ReplyKind.PROBE_DONE:
                rendered = card_blocks.interview_blocks(reply, self.assessment, self.bot.level_names,
                                                        self.bot.reference)
                ts = self.outbox.post(self.channel, card_blocks.fallback_text(reply, self.bot.level_names), rendered)
                if reply.kind in CARD_KINDS and reply.characteristic and ts:
                    posted.append(Posted(reply, ts, rendered))
        replaced = [p.reply for p in posted if p.reply.kind == ReplyKind.SUGGESTION]
        if not decided and not posted:
            return
        closing = self._close_and_remember(decided, replaced, posted)
        for reply, cards in zip(decided, closing[: len(decided)], strict=True):
            self._show_decision(reply, cards, pressed)
        for cards in closing[len(decided):]:
            for card in cards:
                self._update(card.conversation, card.message_id, json.loads(card.content_json), REPLACED_NOTE)

    def _close_and_remember(self, decided: list[Reply], replaced: list[Reply],
                            posted: list[Posted]) -> list[list[PostedCard]]:
        """One transaction: close the cards of the decided questions (a probe's cards only, for a probe no longer
        asked), and the older suggestion cards of the questions with a new one, then remember the cards just
        posted. The closed cards, per reply."""
        now = utc_now()
        closed: list[list[PostedCard]] = []
        closing = [(r, CARD_KINDS[ReplyKind.PROBE] if r.kind == ReplyKind.PROBE_DONE else None) for r in decided]
        closing += [(r, CARD_KINDS[ReplyKind.SUGGESTION]) for r in replaced]
        with self.bot.service.database.session() as session:
            for reply, kind in closing:
                assert reply.characteristic is not None
                closed.append(close_open_cards(session, channel=SLACK_CHANNEL, person=self.user,
                                               assessment=self.assessment, characteristic=reply.characteristic,
                                               horizon=blocks.horizon_value(reply), now=now, kind=kind))
            for card in posted:
                assert card.reply.characteristic is not None
                record_posted_card(session, channel=SLACK_CHANNEL, person=self.user, assessment=self.assessment,
                                   characteristic=card.reply.characteristic, horizon=blocks.horizon_value(card.reply),
                                   kind=CARD_KINDS[card.reply.kind], conversation=self.channel, message_id=card.ts,
                                   content_json=json.dumps(card_blocks.card_content(card.rendered), ensure_ascii=False),
                                   now=now)
        return closed

    def _show_decision(self, reply: Reply, cards: list[PostedCard], pressed: PressedCard | None) -> None:
        """Update the decided question's cards (a probe's cards, with the reply); post a decided level as a
        message when no card could show it (a probe's reply is on screen already)."""
        if reply.kind == ReplyKind.PROBE_DONE:
            line = reply.text
        else:
            assert reply.outcome is not None
            who = self.bot.people.name(self.outbox.client, self.user)
            line = card_blocks.outcome_words(reply.outcome, reply.recorded_level, reply.horizon, who)
        updated = {card.message_id for card in cards
                   if self._update(card.conversation, card.message_id, json.loads(card.content_json), line)}
        if reply.kind == ReplyKind.PROBE_DONE:
            return  # every probe card is remembered when posted; the pressed one may be another card
        if (pressed is not None and pressed.ts not in updated and pressed.blocks
                and self._update(pressed.channel, pressed.ts, card_blocks.card_content(pressed.blocks), line)):
            updated.add(pressed.ts)
        if not updated:  # e.g. a card posted before cards were remembered, or one deleted since
            rendered = card_blocks.interview_blocks(reply, self.assessment, self.bot.level_names, self.bot.reference)
            self.outbox.post(self.channel, card_blocks.fallback_text(reply, self.bot.level_names), rendered)

    def _update(self, channel: str, ts: str, content: list[blocks.Block], line: str) -> bool:
        """Show `content` with `line` (plain text) at its end and no buttons; False when Slack refused."""
        try:
            self.outbox.update(channel, ts, blocks.plain_fallback(line),
                               card_blocks.decided_card(content, escape(line)))
        except SlackDeliveryError:  # logged by the outbox (e.g. the message was deleted)
            return False
        return True
