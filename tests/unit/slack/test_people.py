"""Display names: users.info once per person and hour, the id when Slack cannot say, no lookups for
names that are not Slack ids; and how the facilitator blocks show people."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.adapters.slack.people import FAILURE_TTL_SECONDS, NAME_TTL_SECONDS, SlackPeople, display_name
from bot.adapters.slack.review_blocks import person


class FakeClient(WebClient):
    """Answers users.info from a dict; any id not in it is user_not_found. Counts the calls."""

    def __init__(self, users: dict[str, dict[str, Any]]):
        super().__init__(token="xoxb-unit")
        self.users = users
        self.asked: list[str] = []

    def users_info(self, *, user: str, **kwargs: Any) -> SlackResponse:  # type: ignore[override]
        self.asked.append(user)
        ok = user in self.users
        data = {"ok": True, "user": self.users[user]} if ok else {"ok": False, "error": "user_not_found"}
        response = SlackResponse(client=self, http_verb="POST", api_url="users.info", req_args={}, data=data,
                                 headers={}, status_code=200)
        if not ok:
            raise SlackApiError("user_not_found", response)
        return response


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_display_name_prefers_what_slack_shows() -> None:
    assert display_name({"name": "ana", "real_name": "Ana Lima", "profile": {"display_name": "ana.l"}}) == "ana.l"
    assert display_name({"name": "ana", "real_name": "Ana Lima", "profile": {"display_name": " "}}) == "Ana Lima"
    assert display_name({"name": "ana"}) == "ana"
    assert display_name({}) is None


def test_names_are_cached_and_refreshed_after_an_hour() -> None:
    client, clock = FakeClient({"UANA": {"real_name": "Ana Lima"}}), Clock()
    people = SlackPeople(clock)
    assert people.names(client, ["UANA", "UANA", "ana"]) == {"UANA": "Ana Lima", "ana": "ana"}
    assert people.name(client, "UANA") == "Ana Lima"
    assert client.asked == ["UANA"]  # once; "ana" (a terminal name) is never looked up
    clock.now += NAME_TTL_SECONDS + 1
    client.users["UANA"] = {"real_name": "Ana Lima-Sousa"}
    assert people.name(client, "UANA") == "Ana Lima-Sousa"
    assert client.asked == ["UANA", "UANA"]


def test_a_failed_lookup_shows_the_id_and_is_retried_later() -> None:
    client, clock = FakeClient({}), Clock()
    people = SlackPeople(clock)
    assert people.name(client, "UGONE") == "UGONE"
    assert people.name(client, "UGONE") == "UGONE"
    assert client.asked == ["UGONE"]  # not asked on every render
    clock.now += FAILURE_TTL_SECONDS + 1
    client.users["UGONE"] = {"real_name": "Back Again"}
    assert people.name(client, "UGONE") == "Back Again"


def test_person_shows_the_name_else_a_mention_else_the_stored_text() -> None:
    assert person("UANA", {"UANA": "Ana <Lima>"}) == "Ana &lt;Lima&gt;"
    assert person("UANA", {"UANA": "UANA"}) == "<@UANA>"  # unresolved: the id, which Slack may still name
    assert person("UANA") == "<@UANA>"
    assert person("ana & co") == "ana &amp; co"
