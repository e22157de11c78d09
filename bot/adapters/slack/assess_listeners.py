"""`/assess`: facilitators create assessments, invite stakeholders, follow progress, post the results.

The ack parses the text (pure, instant) and answers usage errors and `help` itself; the work runs
after the ack. The Slack user who runs `/assess new` becomes the assessment's facilitator.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.adapters.slack import blocks, review_blocks
from bot.adapters.slack.client import SlackDeliveryError, SlackOutbox
from bot.adapters.slack.commands import ASSESS_USAGE, AssessAction, AssessCommand, parse_assess_command
from bot.adapters.slack.delivery import reported_errors, tell_user
from bot.adapters.slack.slackbot import SlackBot
from bot.errors import InvalidInputError, PermissionDeniedError
from bot.interview.messages import Role

log = logging.getLogger(__name__)


def assess_quick_reply(command: dict[str, Any]) -> str | None:
    """What the ack itself says: the usage for `help` or a command that makes no sense, else nothing."""
    try:
        parsed = parse_assess_command(command.get("text", ""))
    except InvalidInputError as error:
        return str(error)
    return ASSESS_USAGE if parsed.action == AssessAction.HELP else None


def register(app: App, bot: SlackBot) -> None:
    def run_assess(command: dict[str, Any], client: WebClient) -> None:
        try:
            parsed = parse_assess_command(command.get("text", ""))
        except InvalidInputError:
            return  # the ack already showed the usage
        user, channel = command["user_id"], command["channel_id"]
        outbox = SlackOutbox(client)
        with reported_errors(outbox, user, channel, what=f"/assess {parsed.action.value}"):
            if parsed.action == AssessAction.NEW:
                create(bot, outbox, parsed, user, channel)
            elif parsed.action == AssessAction.HELP:
                return
            else:
                assessment = bot.directory.facilitated_assessment(user, parsed.assessment)
                if not bot.directory.is_facilitator(assessment, user):
                    raise PermissionDeniedError(f"{user} is not a facilitator of {assessment}")
                ACTIONS[parsed.action](bot, outbox, parsed, assessment, user, channel)

    app.command("/assess")(bot.after_ack(run_assess, assess_quick_reply))


def create(bot: SlackBot, outbox: SlackOutbox, command: AssessCommand, user: str, channel: str) -> None:
    name = command.new_assessment_name
    summary = bot.service.create_assessment(name, community=command.community or "", cycle=command.cycle or "",
                                            facilitators=[user], created_by=user)
    text = (f"<@{user}> created the assessment *{blocks.escape(summary.name)}*. Facilitators invite stakeholders "
            "with `/assess invite @a @b`, follow them with `/assess status` and post the results with "
            "`/assess report`.")
    outbox.post(channel, f"{user} created the assessment {summary.name}.", [blocks.section(text)])


def invite(bot: SlackBot, outbox: SlackOutbox, command: AssessCommand, assessment: str, user: str,
           channel: str) -> None:
    bot.service.add_people(assessment, command.users, Role.STAKEHOLDER)
    invited, failed = [], []
    for person in command.users:
        try:
            dm = outbox.open_dm(person)
            outbox.post(dm, f"You are invited to the assessment {assessment}.",
                        blocks.invitation_blocks(assessment, user))
            invited.append(f"<@{person}>")
        except SlackDeliveryError as error:  # logged by the outbox; reported below, the others still go out
            failed.append(f"<@{person}> ({error.error})")
    text = f"Invited {', '.join(invited) or 'nobody'} to *{blocks.escape(assessment)}*."
    if failed:
        text += f" I could not message {', '.join(failed)}; they are added and can start from my Home tab."
    tell_user(outbox, channel, user, text)


def status(bot: SlackBot, outbox: SlackOutbox, command: AssessCommand, assessment: str, user: str,
           channel: str) -> None:
    detail = bot.service.show_assessment(assessment)
    names = bot.people.names(outbox.client, [p.stakeholder for p in detail.progress] + list(detail.facilitators))
    tell_user(outbox, channel, user, f"Progress of {assessment}", rendered=review_blocks.status_blocks(detail, names))


def report(bot: SlackBot, outbox: SlackOutbox, command: AssessCommand, assessment: str, user: str,
           channel: str) -> None:
    from bot.reports.charts import radar_chart_png
    from bot.reports.service import stored_assessment_result

    result = stored_assessment_result(bot.service.database, bot.service.kb, assessment)
    names = bot.people.names(outbox.client, result.stakeholders)
    outbox.post(channel, review_blocks.results_summary_text(result),
                review_blocks.results_summary_blocks(result, names))
    outbox.upload_png(channel, radar_chart_png(result), "mmssc-radar.png", f"{assessment}: radar chart",
                      "Consensus level of each characteristic, now and in two years.")


def add_facilitators(bot: SlackBot, outbox: SlackOutbox, command: AssessCommand, assessment: str, user: str,
                     channel: str) -> None:
    bot.service.add_people(assessment, command.users, Role.FACILITATOR)
    people = ", ".join(f"<@{person}>" for person in command.users)
    tell_user(outbox, channel, user, f"{people} can now facilitate *{blocks.escape(assessment)}*.")


ACTIONS = {AssessAction.INVITE: invite, AssessAction.STATUS: status, AssessAction.REPORT: report,
           AssessAction.FACILITATOR: add_facilitators}
