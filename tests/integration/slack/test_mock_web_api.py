"""The local mock of the Slack Web API answers like Slack, records every call and fails on request."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.adapters.slack.client import SlackDeliveryError, SlackOutbox, api_base_url, build_web_client
from bot.adapters.slack.mock_web_api import BOT_USER_ID, MockSlackWebApi
from bot.config import Settings


@pytest.fixture
def mock_api() -> Iterator[MockSlackWebApi]:
    with MockSlackWebApi() as api:
        yield api


def client_for(api: MockSlackWebApi) -> WebClient:
    settings = Settings(slack_bot_token="xoxb-test-token", slack_api_url=api.base_url.rstrip("/"))
    return build_web_client(settings)


def test_base_url_gets_its_trailing_slash() -> None:
    assert api_base_url(Settings(slack_api_url="http://127.0.0.1:9/api")) == "http://127.0.0.1:9/api/"
    assert api_base_url(Settings()) == "https://slack.com/api/"


def test_calls_are_answered_and_recorded(mock_api: MockSlackWebApi) -> None:
    client = client_for(mock_api)
    assert client.auth_test()["user_id"] == BOT_USER_ID
    response = client.chat_postMessage(channel="C1", text="hello", blocks=[{"type": "divider"}])
    assert response["ok"] and response["channel"] == "C1" and response["ts"]
    call = mock_api.calls("chat.postMessage")[0]
    assert call.args["text"] == "hello" and call.args["blocks"] == [{"type": "divider"}]
    assert call.authorization == "Bearer xoxb-test-token"
    assert client.conversations_open(users=["U9"])["channel"]["id"] == "DU9"


def test_a_rate_limit_is_retried(mock_api: MockSlackWebApi) -> None:
    mock_api.rate_limit_next("chat.postMessage", times=1, retry_after=0)
    SlackOutbox(client_for(mock_api)).post("C1", "hello")
    assert len(mock_api.calls("chat.postMessage")) == 2


def test_an_api_error_is_raised_clearly_and_logged_without_the_token(
        mock_api: MockSlackWebApi, caplog: pytest.LogCaptureFixture) -> None:
    mock_api.fail_next("chat.postMessage", "channel_not_found")
    with pytest.raises(SlackDeliveryError, match="channel_not_found") as raised:
        SlackOutbox(client_for(mock_api)).post("C404", "hello")
    assert raised.value.channel == "C404"
    assert "chat.postMessage failed (channel=C404): channel_not_found" in caplog.text
    assert "xoxb-test-token" not in caplog.text


def test_plain_web_client_sees_the_planned_error(mock_api: MockSlackWebApi) -> None:
    mock_api.fail_next("views.publish", "invalid_arguments")
    with pytest.raises(SlackApiError):
        client_for(mock_api).views_publish(user_id="U1", view={"type": "home", "blocks": []})
    client_for(mock_api).views_publish(user_id="U1", view={"type": "home", "blocks": []})  # only once


def test_file_upload_v2_goes_through_the_mock(mock_api: MockSlackWebApi) -> None:
    SlackOutbox(client_for(mock_api)).upload_png("C1", b"\x89PNG....", "radar.png", "Radar", "The chart")
    assert mock_api.calls("upload")[0].args["_bytes"] == 8
    completed = mock_api.calls("files.completeUploadExternal")[0]
    assert completed.args["channel_id"] == "C1"


def test_wait_for_times_out_with_a_clear_message(mock_api: MockSlackWebApi) -> None:
    with pytest.raises(TimeoutError, match="0 of 1 chat.update"):
        mock_api.wait_for("chat.update", timeout=0.05)
