"""`/standards <question>` and "@mmssc <question>": which standard helps with X, answered in a thread."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.adapters.slack import blocks
from bot.adapters.slack.client import SlackOutbox
from bot.adapters.slack.commands import parse_standards_question
from bot.adapters.slack.delivery import reported_errors
from bot.adapters.slack.limits import FALLBACK_TEXT, truncate
from bot.adapters.slack.slackbot import SlackBot
from bot.errors import InvalidInputError


def standards_quick_reply(command: dict[str, Any]) -> str | None:
    """The ack says what to type when the question is empty or too long."""
    try:
        parse_standards_question(command.get("text", ""))
    except InvalidInputError as error:
        return str(error)
    return None


def register(app: App, bot: SlackBot) -> None:
    def answer_command(command: dict[str, Any], client: WebClient) -> None:
        try:
            question = parse_standards_question(command.get("text", ""))
        except InvalidInputError:
            return  # the ack already said what to type
        user, channel = command["user_id"], command["channel_id"]
        outbox = SlackOutbox(client)
        with reported_errors(outbox, user, channel, what="/standards"):
            asked = f"<@{user}> asked: {blocks.escape(question)}"
            thread = outbox.post(channel, truncate(f"Question: {question}", FALLBACK_TEXT), [blocks.section(asked)])
            answer_in_thread(bot, outbox, channel, thread, question)

    def answer_mention(body: dict[str, Any], client: WebClient) -> None:
        event = body["event"]
        user, channel = event.get("user", ""), event["channel"]
        thread = event.get("thread_ts") or event["ts"]
        outbox = SlackOutbox(client)
        with reported_errors(outbox, user, channel, what="mention"):
            try:
                question = parse_standards_question(event.get("text", ""))
            except InvalidInputError as error:
                outbox.post(channel, str(error), [blocks.section(str(error))], thread_ts=thread)
                return
            answer_in_thread(bot, outbox, channel, thread, question)

    app.command("/standards")(bot.after_ack(answer_command, standards_quick_reply))
    app.event("app_mention")(bot.after_ack(answer_mention))


def answer_in_thread(bot: SlackBot, outbox: SlackOutbox, channel: str, thread_ts: str, question: str) -> None:
    answer = bot.answer_standards(question)
    outbox.post(channel, truncate(answer.answer, FALLBACK_TEXT), blocks.standards_blocks(answer.answer,
                                                                                        answer.standards),
                thread_ts=thread_ts)
