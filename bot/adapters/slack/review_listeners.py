"""The App Home: facilitator review (pending confirmations, disagreements, consensus menus) and interviews.

Only facilitators may set a consensus level: anyone else gets an ephemeral "Only facilitators can do
this." and nothing is recorded (the service refuses it too).
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.adapters.slack import blocks
from bot.adapters.slack.client import SlackOutbox
from bot.adapters.slack.delivery import reported_errors, tell_user
from bot.adapters.slack.interview_listeners import message_channel
from bot.adapters.slack.refs import ActionId, CardRef
from bot.adapters.slack.slackbot import SlackBot
from bot.errors import InvalidInputError, PermissionDeniedError
from bot.interview.messages import Horizon, Role

MAX_REVIEWS_ON_HOME = 3


def build_home(bot: SlackBot, user: str) -> dict[str, Any]:
    """The Home view for `user`: their newest facilitated assessments, then their own interviews."""
    memberships = bot.directory.memberships(user)
    facilitated = [m.assessment for m in memberships if Role.FACILITATOR in m.roles][:MAX_REVIEWS_ON_HOME]
    reviews = [(bot.service.review(name), bot.service.show_assessment(name)) for name in facilitated]
    interviews = [(m.assessment, m.position.step, m.position.characteristic) for m in memberships
                  if m.position is not None]
    return blocks.home_view(reviews, interviews, bot.level_names)


def register(app: App, bot: SlackBot) -> None:
    def publish_home(body: dict[str, Any], client: WebClient) -> None:
        event = body["event"]
        if event.get("tab", "home") != "home":
            return
        user = event["user"]
        outbox = SlackOutbox(client)
        with reported_errors(outbox, user, None, ephemeral=False, what="App Home"):
            outbox.publish_home(user, build_home(bot, user))

    def set_consensus(body: dict[str, Any], client: WebClient) -> None:
        action = body["actions"][0]
        user = body["user"]["id"]
        outbox = SlackOutbox(client)
        channel = message_channel(body) or outbox.open_dm(user)  # the App Home has no channel: use the DM
        with reported_errors(outbox, user, channel, what="set consensus"):
            ref = CardRef.parse(action.get("block_id", ""))
            level = int((action.get("selected_option") or {}).get("value", "0"))
            if level not in bot.level_names:
                raise InvalidInputError("Choose a consensus level from 1 to 5.")
            assessment = ref.assessment or bot.directory.facilitated_assessment(user)
            if not bot.directory.is_facilitator(assessment, user):
                raise PermissionDeniedError(f"{user} is not a facilitator of {assessment}")
            review = bot.service.review(assessment)
            earlier = next((c for c in review.consensus if c.characteristic == ref.characteristic), None)
            levels = next((d.levels for d in review.disagreements
                           if d.characteristic == ref.characteristic and d.horizon == Horizon.NOW), {})
            spread = ", ".join(f"{who} {lvl}" for who, lvl in levels.items()) or "none recorded"
            bot.service.set_consensus(assessment, user, ref.characteristic, level,
                                      earlier.level_two_years if earlier else None,
                                      f"Set in the Slack App Home; stakeholders' levels: {spread}.")
            tell_user(outbox, channel, user, f"Consensus for {ref.characteristic} in *{blocks.escape(assessment)}* "
                                             f"is now {level} ({bot.level_names[level]}).")
            outbox.publish_home(user, build_home(bot, user))

    app.event("app_home_opened")(bot.after_ack(publish_home))
    app.action(ActionId.CONSENSUS.value)(bot.after_ack(set_consensus))
