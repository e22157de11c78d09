"""`/standards <question>` and "@mmssc <question>": which standard helps with X, answered in a thread.

Each is answered once per delivery (a retried mention gets no second answer). In a channel the bot
is not a member of, `/standards` is answered through the command's `response_url`, privately.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.adapters.slack import blocks
from bot.adapters.slack.client import SlackDeliveryError, SlackOutbox
from bot.adapters.slack.commands import parse_standards_question
from bot.adapters.slack.delivery import CANNOT_POST_HINTS, reported_errors
from bot.adapters.slack.limits import escape
from bot.adapters.slack.slackbot import SlackBot
from bot.errors import InvalidInputError
from bot.retrieval.relevance import AnswerKind

if TYPE_CHECKING:
    from bot.retrieval.standards import StandardsAnswer

NOT_A_MEMBER = ("I am not a member of this channel, so only you see this. Invite me with `/invite @mmssc` to "
                "answer here.")


def standards_quick_reply(command: dict[str, Any]) -> str | None:
    """The ack says what to type when the question is empty or too long."""
    try:
        parse_standards_question(command.get("text", ""))
    except InvalidInputError as error:
        return escape(str(error))
    return None


def register(app: App, bot: SlackBot) -> None:
    def answer_command(command: dict[str, Any], client: WebClient) -> None:
        try:
            question = parse_standards_question(command.get("text", ""))
        except InvalidInputError:
            return  # the ack already said what to type
        user, channel = command["user_id"], command["channel_id"]
        outbox = SlackOutbox(client)
        response_url = command.get("response_url")
        with reported_errors(outbox, user, channel, what="/standards", response_url=response_url):
            asked = [blocks.section(f"<@{user}> asked: {escape(question)}")]
            try:
                thread = outbox.post(channel, blocks.plain_fallback(f"Question: {question}"), asked)
            except SlackDeliveryError as error:
                if error.error not in CANNOT_POST_HINTS or not response_url:
                    raise
                fallback, answer = standards_answer(bot, question)
                outbox.respond(response_url, fallback, [*asked, *answer, blocks.context(NOT_A_MEMBER)][:50])
                return
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
                text = escape(str(error))
                outbox.post(channel, text, [blocks.section(text)], thread_ts=thread)
                return
            answer_in_thread(bot, outbox, channel, thread, question)

    app.command("/standards")(bot.after_ack(answer_command, standards_quick_reply))
    app.event("app_mention")(bot.after_ack(answer_mention))


CLOSEST = "Nothing in the model matches this exactly; these standards come closest (check that they fit):"


def standards_intro(answer: StandardsAnswer) -> str:
    """The first line of an answer, by its kind: the standards best first, the closest match, or (no
    standard: a clarifying question, or a question outside the model) the answer's own words."""
    if answer.kind == AnswerKind.MATCHED and answer.standards:
        return blocks.STANDARDS_INTRO
    if answer.kind == AnswerKind.CLOSEST_MATCH and answer.standards:
        return CLOSEST
    return answer.answer


def standards_answer(bot: SlackBot, question: str) -> tuple[str, list[blocks.Block]]:
    """The answer's notification text and blocks, with readable references for where it comes from."""
    answer = bot.answer_standards(question)
    intro = standards_intro(answer)
    return blocks.standards_fallback(answer.standards, intro), blocks.standards_blocks(intro, answer.standards)


def answer_in_thread(bot: SlackBot, outbox: SlackOutbox, channel: str, thread_ts: str, question: str) -> None:
    fallback, rendered = standards_answer(bot, question)
    outbox.post(channel, fallback, rendered, thread_ts=thread_ts)
