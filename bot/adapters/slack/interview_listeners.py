"""The stakeholder's interview in a direct message: typed answers and commands, card buttons, the modal.

Each listener turns a Slack payload into an `InterviewEvent` carrying a stable id (Slack's event_id;
for a press, its action_ts, user and action) and, for a press on a card, the card's position
(`InterviewEvent.card`). `InterviewService.handle` drops an id it has seen, so a retried delivery
never records twice, and refuses a press on a card the interview has moved past (an old card, the
second click of a double click) under the position lock. The replies go out through
`InterviewConversation`, which updates decided cards in place.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.adapters.slack import blocks, card_blocks
from bot.adapters.slack.client import SlackOutbox
from bot.adapters.slack.commands import slack_text_to_plain
from bot.adapters.slack.delivery import reported_errors
from bot.adapters.slack.directory import NOT_A_STAKEHOLDER, NOT_INVITED
from bot.adapters.slack.interview_cards import STALE_NOTE, InterviewConversation, PressedCard
from bot.adapters.slack.refs import PROBE_ANSWER_OF, ActionId, CardRef
from bot.adapters.slack.slackbot import SLACK_CHANNEL, SlackBot
from bot.errors import InvalidInputError, NotFoundError
from bot.interview.messages import EventKind, InterviewEvent, Reply

log = logging.getLogger(__name__)

BUTTON_EVENTS = {ActionId.START: EventKind.START, ActionId.CONFIRM: EventKind.CONFIRM,
                 ActionId.DONT_KNOW: EventKind.DONT_KNOW, ActionId.SKIP: EventKind.SKIP,
                 ActionId.SAME: EventKind.TEXT, ActionId.SUGGEST_NOW: EventKind.TEXT,
                 **{action: EventKind.PROBE_REPLY for action in PROBE_ANSWER_OF}}
BUTTON_TEXT = {ActionId.SAME: "same", ActionId.SUGGEST_NOW: "suggest now"}  # buttons that stand for typed words
FACILITATOR_FALLBACK = "You facilitate an assessment: here is what you can do."


def is_stakeholder_message(event: dict[str, Any]) -> bool:
    """A person's own message in a direct message with the bot (not an edit, a bot, or a join)."""
    return (event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id")
            and bool(event.get("user")))


def action_event_id(body: dict[str, Any], action: dict[str, Any]) -> str:
    return f"action:{action.get('action_ts', '')}:{body['user']['id']}:{action.get('action_id', '')}"


def message_channel(body: dict[str, Any]) -> str | None:
    container = body.get("container") or {}
    return container.get("channel_id") or (body.get("channel") or {}).get("id")


def pressed_card(body: dict[str, Any]) -> PressedCard | None:
    """The message a button was pressed on (None for a press in a view, e.g. the App Home)."""
    container = body.get("container") or {}
    if container.get("type") != "message" or not container.get("channel_id") or not container.get("message_ts"):
        return None
    return PressedCard(channel=container["channel_id"], ts=container["message_ts"],
                       blocks=list((body.get("message") or {}).get("blocks") or []))


def handle_as_stakeholder(bot: SlackBot, assessment: str, user: str, event: InterviewEvent) -> list[Reply]:
    """The interview's replies; someone who is not a stakeholder of `assessment` learns nothing about it."""
    try:
        return bot.service.handle(assessment, user, event, SLACK_CHANNEL)
    except NotFoundError:
        raise NotFoundError(NOT_A_STAKEHOLDER) from None


def register(app: App, bot: SlackBot) -> None:
    def on_direct_message(body: dict[str, Any], client: WebClient) -> None:
        event = body["event"]
        if not is_stakeholder_message(event):
            return
        user, channel = event["user"], event["channel"]
        outbox = SlackOutbox(client)
        with reported_errors(outbox, user, channel, ephemeral=False, what="direct message"):
            try:
                assessment = bot.directory.current_interview(user)
            except NotFoundError:
                if bot.first_delivery(body):  # no interview records it: answer a retried message once
                    facilitating = bot.directory.facilitator_help(user)
                    fallback = FACILITATOR_FALLBACK if facilitating else NOT_INVITED
                    text = facilitating or blocks.escape(NOT_INVITED)
                    outbox.post(channel, blocks.plain_fallback(fallback), [blocks.section(text)])
                return
            interview_event = InterviewEvent(kind=EventKind.TEXT, text=slack_text_to_plain(event.get("text", "")),
                                             event_id=body.get("event_id"))
            replies = handle_as_stakeholder(bot, assessment, user, interview_event)
            InterviewConversation(bot, outbox, user, assessment, channel).deliver(replies)

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
            event = InterviewEvent(kind=kind, text=BUTTON_TEXT.get(action_id, ""),
                                   event_id=action_event_id(body, action),
                                   card=None if kind == EventKind.START else ref.position(),
                                   dimension=ref.dimension if kind == EventKind.START else None,
                                   probe_answer=PROBE_ANSWER_OF.get(action_id))
            replies = handle_as_stakeholder(bot, assessment, user, event)
            InterviewConversation(bot, outbox, user, assessment, channel).deliver(replies, pressed_card(body))

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
            # A quick look before asking for a reason; the interview checks the card again under its lock.
            if not bot.directory.card_may_still_apply(ref.assessment, user, ref.position()):
                outbox.ephemeral(channel, user, blocks.plain_fallback(STALE_NOTE), [blocks.context(STALE_NOTE)])
                return
            modal = card_blocks.override_modal(ref, level, bot.level_names[level], channel)
            outbox.open_modal(body["trigger_id"], modal)

    def on_override_reason(body: dict[str, Any], client: WebClient) -> None:
        view = body["view"]
        user = body["user"]["id"]
        outbox = SlackOutbox(client)
        ref = CardRef.parse(view.get("private_metadata", ""))
        channel = ref.channel or outbox.open_dm(user)
        with reported_errors(outbox, user, channel, what="level and reason"):
            reason = view["state"]["values"]["reason"]["reason"].get("value") or ""
            event = InterviewEvent(kind=EventKind.CHOOSE_LEVEL, level=ref.level, reason=reason,
                                   event_id=f"view:{view.get('id', '')}:{view.get('hash', '')}", card=ref.position())
            replies = handle_as_stakeholder(bot, ref.assessment, user, event)
            InterviewConversation(bot, outbox, user, ref.assessment, channel).deliver(replies)

    app.event("message")(bot.after_ack(on_direct_message, once=False))
    for action_id in BUTTON_EVENTS:
        app.action(action_id.value)(bot.after_ack(on_card_button, once=False))
    # Opening a modal must happen within 3 s of the press: not queued behind the person's other work.
    app.action(ActionId.CHOOSE_LEVEL.value)(bot.after_ack(on_choose_level, ordered=False))
    app.view(ActionId.OVERRIDE_MODAL.value)(bot.after_ack(on_override_reason, once=False))
