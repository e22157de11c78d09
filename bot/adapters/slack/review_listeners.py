"""The App Home: facilitator review (pending confirmations, disagreements, consensus) and interviews.

A facilitator presses **Set consensus** on a disagreement and gets a modal with both levels (now and
in two years, starting at the levels set before; "Not set" clears the two-year level) and a reason.
Once recorded, the Home tab is refreshed with the confirmation at its top, where the facilitator is.
Only facilitators may set a consensus: anyone else gets an ephemeral "Only facilitators can do this."
at the press (no modal opens) and at a submission (a crafted one), and nothing is recorded (the
service refuses it too). People are shown by name, never by Slack id.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.adapters.slack import review_blocks
from bot.adapters.slack.client import SlackOutbox
from bot.adapters.slack.delivery import reported_errors
from bot.adapters.slack.interview_listeners import message_channel
from bot.adapters.slack.limits import escape
from bot.adapters.slack.refs import ActionId, CardRef
from bot.adapters.slack.review_blocks import LEVEL_NOW, LEVEL_TWO_YEARS, NOT_SET, REASON
from bot.adapters.slack.slackbot import SlackBot
from bot.errors import InvalidInputError, PermissionDeniedError
from bot.interview.messages import Horizon
from bot.services import memberships as people
from bot.services.facilitation import ReviewReport

MAX_REVIEWS_ON_HOME = 3


def build_home(bot: SlackBot, client: WebClient, user: str, notice: str | None = None) -> dict[str, Any]:
    """The Home view for `user`: `notice` (mrkdwn) if any, their newest facilitated assessments, then
    their own interviews."""
    memberships = bot.directory.memberships(user)
    facilitated = people.facilitated(memberships)[:MAX_REVIEWS_ON_HOME]
    reviews = [(bot.service.review(name), bot.service.show_assessment(name)) for name in facilitated]
    interviews = [(m.assessment, m.position.step, m.position.characteristic) for m in memberships
                  if m.position is not None]
    names = bot.people.names(client, review_blocks.people_in(reviews))
    return review_blocks.home_view(reviews, interviews, names, notice)


def spread_text(review: ReviewReport, characteristic: str, names: dict[str, str]) -> str:
    """ "now: Ana Lima 1, Bob Stone 4; in two years: ..." (plain text): people by name; the audit trail
    keeps who confirmed what by id in the confirmations themselves."""
    parts = []
    for horizon, label in ((Horizon.NOW, "now"), (Horizon.TWO_YEARS, "in two years")):
        levels = review.levels(characteristic, horizon)
        if levels:
            shown = sorted((names.get(who, who), level) for who, level in levels.items())
            parts.append(f"{label}: " + ", ".join(f"{name} {level}" for name, level in shown))
    return "; ".join(parts) or "none recorded"


def chosen_level(values: dict[str, Any], block: str) -> int | None:
    """The level chosen in a select; None when nothing (or "Not set") was chosen."""
    option = (values.get(block, {}).get(block) or {}).get("selected_option") or {}
    value = option.get("value")
    return int(value) if value and value != NOT_SET else None


def register(app: App, bot: SlackBot) -> None:
    def require_facilitator(assessment: str, user: str) -> None:
        if not bot.directory.is_facilitator(assessment, user):
            raise PermissionDeniedError(f"{user} is not a facilitator of {assessment}")

    def publish_home(body: dict[str, Any], client: WebClient) -> None:
        event = body["event"]
        if event.get("tab", "home") != "home":
            return
        user = event["user"]
        outbox = SlackOutbox(client)
        with reported_errors(outbox, user, None, ephemeral=False, what="App Home"):
            outbox.publish_home(user, build_home(bot, client, user))

    def open_consensus(body: dict[str, Any], client: WebClient) -> None:
        action = body["actions"][0]
        user = body["user"]["id"]
        outbox = SlackOutbox(client)
        channel = message_channel(body) or outbox.open_dm(user)  # the App Home has no channel: use the DM
        with reported_errors(outbox, user, channel, what="set consensus"):
            ref = CardRef.parse(action.get("value") or action.get("block_id", ""))
            assessment = ref.assessment or bot.directory.facilitated_assessment(user)
            require_facilitator(assessment, user)
            review = bot.service.review(assessment)
            earlier = next((c for c in review.consensus if c.characteristic == ref.characteristic), None)
            names = people_names(bot, client, review)
            modal_ref = CardRef(assessment=assessment, characteristic=ref.characteristic, channel=channel)
            view = review_blocks.consensus_modal(
                modal_ref, bot.service.kb.characteristic(ref.characteristic).name, bot.level_names,
                spread_text(review, ref.characteristic, names), earlier.level_now if earlier else None,
                earlier.level_two_years if earlier else None)
            outbox.open_modal(body["trigger_id"], view)

    def record_consensus(body: dict[str, Any], client: WebClient) -> None:
        view = body["view"]
        user = body["user"]["id"]
        outbox = SlackOutbox(client)
        ref = CardRef.parse(view.get("private_metadata", ""))
        channel = ref.channel or outbox.open_dm(user)
        with reported_errors(outbox, user, channel, what="set consensus"):
            require_facilitator(ref.assessment, user)
            values = view["state"]["values"]
            level_now, level_two_years = chosen_level(values, LEVEL_NOW), chosen_level(values, LEVEL_TWO_YEARS)
            if level_now is None:
                raise InvalidInputError("Choose the consensus level now (1-5).")
            reason = ((values.get(REASON, {}).get(REASON) or {}).get("value") or "").strip()
            review = bot.service.review(ref.assessment)
            spread = spread_text(review, ref.characteristic, people_names(bot, client, review))
            reason = f"{reason} (set in the Slack App Home; stakeholders' levels {spread})" if reason else (
                f"Set in the Slack App Home; stakeholders' levels {spread}.")
            bot.service.set_consensus(ref.assessment, user, ref.characteristic, level_now, level_two_years, reason)
            later = f"{level_two_years} ({bot.level_names[level_two_years]})" if level_two_years else "not set"
            notice = (f":white_check_mark: Consensus recorded for *{escape(ref.characteristic)}* in "
                      f"*{escape(ref.assessment)}*: now {level_now} ({escape(bot.level_names[level_now])}), in two "
                      f"years {escape(later)}.")
            outbox.publish_home(user, build_home(bot, client, user, notice))

    app.event("app_home_opened")(bot.after_ack(publish_home))
    # Opening a modal must happen within 3 s of the press: not queued behind the person's other work.
    app.action(ActionId.CONSENSUS.value)(bot.after_ack(open_consensus, ordered=False))
    app.view(ActionId.CONSENSUS_MODAL.value)(bot.after_ack(record_consensus))


def people_names(bot: SlackBot, client: WebClient, review: ReviewReport) -> dict[str, str]:
    """Names of the stakeholders a review shows: Slack's (cached), else the ones stored with them."""
    names = bot.people.names(client, [r.stakeholder for r in review.confirmations])
    return {who: name if name != who else review.display_names.get(who, who) for who, name in names.items()}
