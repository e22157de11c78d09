"""`/assess`: facilitators create assessments, invite stakeholders, follow progress, post the results.

The ack parses the text (pure, instant) and answers usage errors and `help` itself; the work runs
after the ack, once per delivery. The Slack user who runs `/assess new` becomes the assessment's
facilitator. Private answers go through the command's `response_url`, so they arrive in any channel,
also one the bot is not a member of; there, `/assess new` and `/assess report` answer privately and
say how to invite the bot instead of failing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.adapters.slack import blocks, card_blocks, review_blocks
from bot.adapters.slack.client import SlackDeliveryError, SlackOutbox
from bot.adapters.slack.commands import ASSESS_USAGE, AssessAction, AssessCommand, parse_assess_command
from bot.adapters.slack.delivery import CANNOT_POST_HINTS, reported_errors, tell_user
from bot.adapters.slack.limits import escape
from bot.adapters.slack.slackbot import SlackBot
from bot.errors import InvalidInputError
from bot.interview.messages import Role

log = logging.getLogger(__name__)

DOING = {AssessAction.INVITE: "invite stakeholders", AssessAction.STATUS: "see its progress",
         AssessAction.REPORT: "post its results", AssessAction.FACILITATOR: "add facilitators"}
INVITE_ME = "I am not a member of this channel, so only you see this. Invite me with `/invite @mmssc`"


def assess_quick_reply(command: dict[str, Any]) -> str | None:
    """What the ack itself says: the usage for `help` or a command that makes no sense, else nothing."""
    try:
        parsed = parse_assess_command(command.get("text", ""))
    except InvalidInputError as error:
        return escape(str(error))
    return escape(ASSESS_USAGE) if parsed.action == AssessAction.HELP else None


@dataclass(frozen=True)
class Invocation:
    """Who ran the command, where, and how to answer them privately."""

    bot: SlackBot
    outbox: SlackOutbox
    user: str
    channel: str
    response_url: str | None

    def tell(self, text: str, rendered: list[blocks.Block] | None = None) -> None:
        tell_user(self.outbox, self.channel, self.user, text, rendered=rendered, response_url=self.response_url)

    def post_here(self, fallback: str, rendered: list[blocks.Block], private_note: str) -> bool:
        """Post to the channel; where the bot is not a member, show it to the person only, with
        `private_note`. True when it went to the channel."""
        try:
            self.outbox.post(self.channel, fallback, rendered)
            return True
        except SlackDeliveryError as error:
            if error.error not in CANNOT_POST_HINTS:
                raise
        self.tell(fallback, [*rendered, blocks.context(private_note)])
        return False


def register(app: App, bot: SlackBot) -> None:
    def run_assess(command: dict[str, Any], client: WebClient) -> None:
        try:
            parsed = parse_assess_command(command.get("text", ""))
        except InvalidInputError:
            return  # the ack already showed the usage
        if parsed.action == AssessAction.HELP:
            return
        user, channel = command["user_id"], command["channel_id"]
        outbox = SlackOutbox(client)
        here = Invocation(bot, outbox, user, channel, command.get("response_url"))
        with reported_errors(outbox, user, channel, what=f"/assess {parsed.action.value}",
                             response_url=here.response_url):
            if parsed.action == AssessAction.NEW:
                create(here, parsed)
                return
            assessment = bot.directory.facilitated_assessment(user, parsed.assessment, DOING[parsed.action])
            ACTIONS[parsed.action](here, parsed, assessment)

    app.command("/assess")(bot.after_ack(run_assess, assess_quick_reply))


def create(here: Invocation, command: AssessCommand) -> None:
    bot = here.bot
    summary = bot.service.create_assessment(command.new_assessment_name, community=command.community or "",
                                            cycle=command.cycle or "", facilitators=[here.user],
                                            created_by=here.user)
    creator = bot.people.name(here.outbox.client, here.user)
    text = (f"<@{here.user}> created the assessment *{escape(summary.name)}*. Facilitators invite stakeholders "
            "with `/assess invite @a @b`, follow them with `/assess status` and post the results with "
            "`/assess report`.")
    fallback = blocks.plain_fallback(f"{creator} created the assessment {summary.name}.")
    here.post_here(fallback, [blocks.section(text)], f"{INVITE_ME} to announce it and post its results here.")


def invite(here: Invocation, command: AssessCommand, assessment: str) -> None:
    bot, outbox = here.bot, here.outbox
    bot.service.add_people(assessment, command.users, Role.STAKEHOLDER)
    bot.people.names(outbox.client, command.users)  # asked now, and kept with their records for the reports
    invited, failed = [], []
    for person in command.users:
        try:
            dm = outbox.open_dm(person)
            outbox.post(dm, blocks.plain_fallback(f"You are invited to the assessment {assessment}."),
                        card_blocks.invitation_blocks(assessment, here.user))
            invited.append(f"<@{person}>")
        except SlackDeliveryError as error:  # logged by the outbox; reported below, the others still go out
            failed.append(f"<@{person}> ({escape(error.error)})")
    text = f"Invited {', '.join(invited) or 'nobody'} to *{escape(assessment)}*."
    if failed:
        text += f" I could not message {', '.join(failed)}; they are added and can start from my Home tab."
    here.tell(text)


def status(here: Invocation, command: AssessCommand, assessment: str) -> None:
    detail = here.bot.service.show_assessment(assessment)
    names = here.bot.people.names(here.outbox.client,
                                  [p.stakeholder for p in detail.progress] + list(detail.facilitators))
    here.tell(f"Progress of {escape(assessment)}", review_blocks.status_blocks(detail, names))


def report(here: Invocation, command: AssessCommand, assessment: str) -> None:
    from bot.reports.charts import radar_chart_png
    from bot.services.results import stored_assessment_result

    bot = here.bot
    result = stored_assessment_result(bot.service.database, bot.service.kb, assessment)
    names = bot.people.names(here.outbox.client, result.stakeholders)
    posted = here.post_here(review_blocks.results_summary_text(result),
                            review_blocks.results_summary_blocks(result, names),
                            f"{INVITE_ME} to post the results and the radar chart for everyone here.")
    if posted:
        here.outbox.upload_png(here.channel, radar_chart_png(result), "mmssc-radar.png",
                               f"{assessment}: radar chart", "Consensus level of each characteristic, now and in "
                               "two years.")


def add_facilitators(here: Invocation, command: AssessCommand, assessment: str) -> None:
    here.bot.service.add_people(assessment, command.users, Role.FACILITATOR)
    here.bot.people.names(here.outbox.client, command.users)
    people = ", ".join(f"<@{person}>" for person in command.users)
    here.tell(f"{people} can now facilitate *{escape(assessment)}*.")


ACTIONS = {AssessAction.INVITE: invite, AssessAction.STATUS: status, AssessAction.REPORT: report,
           AssessAction.FACILITATOR: add_facilitators}
