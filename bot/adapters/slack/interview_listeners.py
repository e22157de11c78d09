"""The stakeholder's interview in a direct message: typed answers and commands, card buttons, the modal.

Each listener turns a Slack payload into an `InterviewEvent` carrying a stable id (Slack's event_id;
for a press, its action_ts, user and action), hands it to `InterviewService.handle` and posts the
replies. The service drops an id it has seen, so a retried delivery never records twice.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.adapters.slack import blocks
from bot.adapters.slack.client import SlackOutbox
from bot.adapters.slack.delivery import post_replies, reported_errors
from bot.adapters.slack.directory import position_matches_card
from bot.adapters.slack.refs import ActionId, CardRef
from bot.adapters.slack.slackbot import SLACK_CHANNEL, SlackBot
from bot.errors import InvalidInputError
from bot.interview.messages import EventKind, InterviewEvent

log = logging.getLogger(__name__)

BUTTON_EVENTS = {ActionId.START: EventKind.START, ActionId.CONFIRM: EventKind.CONFIRM,
                 ActionId.DONT_KNOW: EventKind.DONT_KNOW, ActionId.SKIP: EventKind.SKIP,
                 ActionId.SAME: EventKind.TEXT}
BUTTON_TEXT = {ActionId.SAME: "same"}  # a button that stands for a typed word
STALE_CARD = "That card is for {card}; your interview has moved on. Please use the latest message."


def is_stakeholder_message(event: dict[str, Any]) -> bool:
    """A person's own message in a direct message with the bot (not an edit, a bot, or a join)."""
    return (event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id")
            and bool(event.get("user")))


def slack_text_to_plain(text: str) -> str:
    """Slack escapes &, < and > in message text; the stored answer is what the person typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def action_event_id(body: dict[str, Any], action: dict[str, Any]) -> str:
    return f"action:{action.get('action_ts', '')}:{body['user']['id']}:{action.get('action_id', '')}"


def message_channel(body: dict[str, Any]) -> str | None:
    container = body.get("container") or {}
    return container.get("channel_id") or (body.get("channel") or {}).get("id")


def register(app: App, bot: SlackBot) -> None:
    def on_direct_message(body: dict[str, Any], client: WebClient) -> None:
        event = body["event"]
        if not is_stakeholder_message(event):
            return
        user, channel = event["user"], event["channel"]
        outbox = SlackOutbox(client)
        with reported_errors(outbox, user, channel, ephemeral=False, what="direct message"):
            assessment = bot.directory.current_interview(user)
            interview_event = InterviewEvent(kind=EventKind.TEXT, text=slack_text_to_plain(event.get("text", "")),
                                             event_id=body.get("event_id"))
            replies = bot.service.handle(assessment, user, interview_event, SLACK_CHANNEL)
            post_replies(outbox, channel, replies, assessment, bot.level_names)

    def on_card_button(body: dict[str, Any], client: WebClient) -> None:
        action = body["actions"][0]
        user = body["user"]["id"]
        outbox = SlackOutbox(client)
        channel = message_channel(body)
        with reported_errors(outbox, user, channel, what=f"button {action.get('action_id')}"):
            ref = CardRef.parse(action.get("value", ""))
            action_id = ActionId(action["action_id"])
            kind = BUTTON_EVENTS[action_id]
            assessment = ref.assessment or bot.directory.current_interview(user)
            channel = channel or outbox.open_dm(user)  # pressed in the App Home: answer in the DM
            if kind != EventKind.START and not _card_is_current(bot, outbox, assessment, user, ref, channel):
                return
            event = InterviewEvent(kind=kind, text=BUTTON_TEXT.get(action_id, ""),
                                   event_id=action_event_id(body, action))
            replies = bot.service.handle(assessment, user, event, SLACK_CHANNEL)
            post_replies(outbox, channel, replies, assessment, bot.level_names)

    def on_choose_level(body: dict[str, Any], client: WebClient) -> None:
        action = body["actions"][0]
        user = body["user"]["id"]
        outbox = SlackOutbox(client)
        channel = message_channel(body)
        with reported_errors(outbox, user, channel, what="choose another level"):
            ref = CardRef.parse(action.get("block_id", ""))
            ref = ref.model_copy(update={"assessment": ref.assessment or bot.directory.current_interview(user)})
            level = int((action.get("selected_option") or {}).get("value", "0"))
            if level not in bot.level_names:
                raise InvalidInputError("Choose a level from 1 to 5.")
            channel = channel or outbox.open_dm(user)
            if not _card_is_current(bot, outbox, ref.assessment, user, ref, channel):
                return
            outbox.open_modal(body["trigger_id"], blocks.override_modal(ref, level, bot.level_names[level], channel))

    def on_override_reason(body: dict[str, Any], client: WebClient) -> None:
        view = body["view"]
        user = body["user"]["id"]
        outbox = SlackOutbox(client)
        ref = CardRef.parse(view.get("private_metadata", ""))
        channel = ref.channel or outbox.open_dm(user)
        with reported_errors(outbox, user, channel, what="level and reason"):
            reason = view["state"]["values"]["reason"]["reason"].get("value") or ""
            if not _card_is_current(bot, outbox, ref.assessment, user, ref, channel):
                return
            event = InterviewEvent(kind=EventKind.CHOOSE_LEVEL, level=ref.level, reason=reason,
                                   event_id=f"view:{view.get('id', '')}:{view.get('hash', '')}")
            replies = bot.service.handle(ref.assessment, user, event, SLACK_CHANNEL)
            post_replies(outbox, channel, replies, ref.assessment, bot.level_names)

    app.event("message")(bot.after_ack(on_direct_message))
    for action_id in BUTTON_EVENTS:
        app.action(action_id.value)(bot.after_ack(on_card_button))
    app.action(ActionId.CHOOSE_LEVEL.value)(bot.after_ack(on_choose_level))
    app.view(ActionId.OVERRIDE_MODAL.value)(bot.after_ack(on_override_reason))


def _card_is_current(bot: SlackBot, outbox: SlackOutbox, assessment: str, user: str, ref: CardRef,
                     channel: str) -> bool:
    """False (and a short note to the person) when the card's characteristic is no longer on show."""
    if position_matches_card(bot.directory.position(assessment, user), ref.characteristic, ref.horizon):
        return True
    when = "in two years" if ref.horizon == "two_years" else "now"
    outbox.ephemeral(channel, user, STALE_CARD.format(card=f"{ref.characteristic} ({when})"))
    return False
