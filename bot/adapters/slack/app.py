"""The bolt `App`: built from an `AppContext`, with thin listeners that ack first and work after.

>>> app = create_slack_app(AppContext(Settings()))            # HTTP mode: needs the signing secret
>>> app = create_slack_app(context, WebClient(base_url=mock))  # tests: every Web API call goes to a mock

With `process_before_response=True` each listener runs in the request's own thread, where it only
acknowledges and hands the slow part (suggestion, database, Slack API calls) to a worker pool
(`SlackBot.after_ack`). So acknowledging never waits behind a queue of slow work, in HTTP mode and
in Socket Mode alike.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

import bot.adapters.slack.assess_listeners as assess_listeners
import bot.adapters.slack.interview_listeners as interview_listeners
import bot.adapters.slack.review_listeners as review_listeners
import bot.adapters.slack.standards_listeners as standards_listeners
from bot.adapters.slack.acks_first import AcksFirst
from bot.adapters.slack.client import build_web_client
from bot.adapters.slack.slackbot import SlackBot
from bot.context import AppContext
from bot.errors import InvalidInputError
from bot.services.interview_service import InterviewService

log = logging.getLogger(__name__)

WORKER_THREADS = 8  # slow work after the ack; more threads only contend for 2 cores and the GIL


def create_slack_app(context: AppContext, client: WebClient | None = None, *, socket_mode: bool = False,
                     service: InterviewService | None = None, acks_first: AcksFirst | None = None) -> App:
    """The bot as a bolt App. `client` defaults to one built from settings (token, MMSSC_SLACK_API_URL);
    give the HTTP server the same `acks_first`, so the work after an ack waits while it answers requests."""
    settings = context.settings
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    if secret is None and not socket_mode:
        raise InvalidInputError("SLACK_SIGNING_SECRET is not set; HTTP mode needs it to verify requests.")
    web_client = client or build_web_client(settings)
    if not web_client.token:
        raise InvalidInputError("SLACK_BOT_TOKEN is not set: the bot token (xoxb-...) of your Slack app.")
    workers = ThreadPoolExecutor(max_workers=WORKER_THREADS, thread_name_prefix="slack-work")
    app = App(client=web_client, signing_secret=secret, process_before_response=True,
              request_verification_enabled=not socket_mode, raise_error_for_unhandled_request=False,
              listener_executor=workers)
    bot = SlackBot(context, workers, service, acks_first)
    for module in (interview_listeners, assess_listeners, review_listeners, standards_listeners):
        module.register(app, bot)
    app.error(_log_unhandled_error)
    return app


def _log_unhandled_error(error: Exception, body: dict[str, Any], response: BoltResponse | None) -> None:
    kind = body.get("type") or body.get("command") or "request"
    log.error("unhandled error in a Slack %s listener: %s", kind, error, exc_info=error)


def stop_slack_app(app: App, wait: bool = True) -> None:
    """Let the workers finish what was already acknowledged (replies still go out), then stop them."""
    app.listener_runner.listener_executor.shutdown(wait=wait)
