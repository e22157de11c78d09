"""The bot's Slack Web API client, and one way to call it that never swallows an error.

Rate limits (HTTP 429) and dropped connections are retried by slack_sdk's retry handlers; any other
API error (channel_not_found, not_in_channel...) is logged with the method and channel, never the
token, and raised as `SlackDeliveryError` for the listener to report to the person.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from bot.adapters.slack.redaction import redact_tokens
from bot.config import Settings

log = logging.getLogger(__name__)

SLACK_API_URL = "https://slack.com/api/"


class SlackDeliveryError(Exception):
    """A Web API call failed after its retries; `error` is Slack's error code (e.g. channel_not_found)."""

    def __init__(self, method: str, error: str, channel: str | None = None):
        self.method = method
        self.error = error
        self.channel = channel
        where = f" to {channel}" if channel else ""
        super().__init__(f"Slack refused {method}{where}: {error}")


def api_base_url(settings: Settings) -> str:
    """`MMSSC_SLACK_API_URL` (with the trailing slash WebClient needs) or Slack's own."""
    url = settings.slack_api_url or SLACK_API_URL
    return url if url.endswith("/") else url + "/"


def build_web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A WebClient for the bot token, retrying rate limits (up to 5 times) and connection errors."""
    if token is None and settings.slack_bot_token is not None:
        token = settings.slack_bot_token.get_secret_value()
    return WebClient(
        token=token,
        base_url=api_base_url(settings),
        timeout=30,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=5), ConnectionErrorRetryHandler(max_retry_count=2)],
    )


@contextlib.contextmanager
def _delivery(method: str, channel: str | None) -> Iterator[None]:
    try:
        yield
    except SlackApiError as error:
        code = str(error.response.get("error", "unknown_error")) if error.response is not None else "unknown_error"
        log.error("Slack API %s failed (channel=%s): %s", method, channel, code)
        raise SlackDeliveryError(method, code, channel) from None
    except SlackClientError as error:
        log.error("Slack API %s could not be called (channel=%s): %s", method, channel, redact_tokens(str(error)))
        raise SlackDeliveryError(method, type(error).__name__, channel) from None
    except OSError as error:  # a response_url that cannot be reached (urllib's URLError)
        log.error("Slack %s could not be reached (channel=%s): %s", method, channel, redact_tokens(str(error)))
        raise SlackDeliveryError(method, type(error).__name__, channel) from None


class SlackOutbox:
    """Every Web API call the bot makes, each logged and raised as `SlackDeliveryError` on failure."""

    def __init__(self, client: WebClient):
        self.client = client

    def post(self, channel: str, text: str, blocks: list[dict[str, Any]] | None = None,
             thread_ts: str | None = None) -> str:
        """Post a message; returns its ts."""
        with _delivery("chat.postMessage", channel):
            response = self.client.chat_postMessage(channel=channel, text=text, blocks=blocks, thread_ts=thread_ts)
        return str(response.get("ts", ""))

    def update(self, channel: str, ts: str, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        with _delivery("chat.update", channel):
            self.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)

    def ephemeral(self, channel: str, user: str, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        with _delivery("chat.postEphemeral", channel):
            self.client.chat_postEphemeral(channel=channel, user=user, text=text, blocks=blocks)

    def open_dm(self, user: str) -> str:
        """The id of the bot's direct-message channel with `user`."""
        with _delivery("conversations.open", user):
            response = self.client.conversations_open(users=[user])
        channel = response.get("channel") or {}
        return str(channel.get("id", ""))

    def user_info(self, user: str) -> dict[str, Any]:
        """Slack's record of `user` (users.info: name, real_name, profile...)."""
        with _delivery("users.info", user):
            response = self.client.users_info(user=user)
        found = response.get("user")
        return found if isinstance(found, dict) else {}

    def publish_home(self, user: str, view: dict[str, Any]) -> None:
        with _delivery("views.publish", user):
            self.client.views_publish(user_id=user, view=view)

    def open_modal(self, trigger_id: str, view: dict[str, Any]) -> None:
        with _delivery("views.open", None):
            self.client.views_open(trigger_id=trigger_id, view=view)

    def respond(self, response_url: str, text: str, blocks: list[dict[str, Any]] | None = None, *,
                in_channel: bool = False) -> None:
        """Answer a slash command through its response_url: works in any conversation, also where the bot
        is not a member (Slack accepts up to five answers within 30 minutes); ephemeral by default."""
        with _delivery("response_url", None):
            webhook = WebhookClient(response_url, timeout=30, retry_handlers=[ConnectionErrorRetryHandler(2)])
            response = webhook.send(text=text, blocks=blocks, response_type="in_channel" if in_channel else "ephemeral")
        if response.status_code != 200:
            log.error("Slack response_url answered HTTP %s: %s", response.status_code, response.body[:200])
            raise SlackDeliveryError("response_url", f"http_{response.status_code}")

    def upload_png(self, channel: str, content: bytes, filename: str, title: str, comment: str) -> None:
        with _delivery("files.upload", channel):
            self.client.files_upload_v2(channel=channel, content=content, filename=filename, title=title,
                                        initial_comment=comment)
