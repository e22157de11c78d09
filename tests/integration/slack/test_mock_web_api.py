"""The local mock of the Slack Web API answers like Slack, enforces Slack's rules, records every call and
fails on request."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.adapters.slack.client import SlackDeliveryError, SlackOutbox, api_base_url, build_web_client
from bot.config import Settings
from tests.support.slack.mock_web_api import BOT_USER_ID, MockSlackWebApi, mrkdwn_problems, new_trigger_id, shown


@pytest.fixture
def mock_api() -> Iterator[MockSlackWebApi]:
    with MockSlackWebApi(member_of=("C1",)) as api:
        yield api
        assert api.violations() == []


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


def test_posting_needs_membership_but_direct_messages_always_work(mock_api: MockSlackWebApi) -> None:
    outbox = SlackOutbox(client_for(mock_api))
    with pytest.raises(SlackDeliveryError, match="not_in_channel"):
        outbox.post("COUTSIDE", "hello")
    with pytest.raises(SlackDeliveryError, match="not_in_channel"):
        outbox.ephemeral("COUTSIDE", "U9", "psst")
    assert outbox.post(outbox.open_dm("U9"), "hello")
    mock_api.join("COUTSIDE")
    assert outbox.post("COUTSIDE", "hello now")


def test_chat_update_works_on_an_existing_message_only(mock_api: MockSlackWebApi) -> None:
    outbox = SlackOutbox(client_for(mock_api))
    ts = outbox.post("C1", "first", [{"type": "section", "text": {"type": "mrkdwn", "text": "first"}}])
    outbox.update("C1", ts, "second", [{"type": "divider"}])
    assert mock_api.message("C1", ts)["blocks"] == [{"type": "divider"}] and mock_api.message("C1", ts)["updates"] == 1
    with pytest.raises(SlackDeliveryError, match="message_not_found"):
        outbox.update("C1", "1.000001", "nothing there")
    with pytest.raises(SlackDeliveryError, match="message_not_found"):
        outbox.update("DU9", ts, "right ts, other conversation")


def test_a_trigger_opens_one_modal_within_three_seconds(mock_api: MockSlackWebApi) -> None:
    outbox = SlackOutbox(client_for(mock_api))
    view = {"type": "modal", "title": {"type": "plain_text", "text": "T"}, "blocks": []}
    trigger = new_trigger_id()
    outbox.open_modal(trigger, view)
    with pytest.raises(SlackDeliveryError, match="exchanged_trigger_id"):
        outbox.open_modal(trigger, view)  # a trigger id is used once
    with pytest.raises(SlackDeliveryError, match="expired_trigger_id"):
        outbox.open_modal(new_trigger_id(issued_at=time.time() - 3.5), view)
    with pytest.raises(SlackDeliveryError, match="invalid_trigger_id"):
        outbox.open_modal("trig.made-up", view)


def test_a_response_url_is_answered_and_recorded(mock_api: MockSlackWebApi) -> None:
    url = mock_api.response_url_for("cmd1")
    SlackOutbox(client_for(mock_api)).respond(url, "only you", [{"type": "section", "text": {
        "type": "mrkdwn", "text": "only *you*"}}])
    call = mock_api.wait_for("response_url")[0]
    assert call.args["_response_url"] == "cmd1" and call.args["response_type"] == "ephemeral"
    assert call.args["text"] == "only you"


def test_mrkdwn_is_read_as_slack_reads_it() -> None:
    assert shown("Lisbon &amp; Porto &lt;b&gt; <@U1|ana> <#C1|general>") == "Lisbon & Porto <b> @ana #general"
    assert shown("<@U1>", {"U1": "Ana Lima"}) == "@Ana Lima"
    assert mrkdwn_problems("Lisbon &amp; Porto, <@U1>") == []
    assert mrkdwn_problems("Lisbon &amp;amp; Porto")  # escaped twice
    assert mrkdwn_problems("A & B") and mrkdwn_problems("1 < 2")
    assert mrkdwn_problems("hi <!channel>") and mrkdwn_problems("<http://evil|click>")


def test_the_mock_lists_every_broken_rule(mock_api: MockSlackWebApi) -> None:
    outbox = SlackOutbox(client_for(mock_api))
    outbox.post("C1", "fine &amp; escaped")
    assert mock_api.violations() == []
    outbox.post("C1", "ping <!channel>", [{"type": "section", "text": {"type": "mrkdwn", "text": "x &amp;amp; y"}}])
    assert len(mock_api.violations()) == 2
    mock_api.problems.clear()  # this test broke the rules on purpose
