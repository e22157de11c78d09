"""Display names for Slack user ids: `users.info`, cached, and never a reason for a request to fail.

A person is stored by their Slack user id (the stable identity, e.g. "U0123ABC"); what people see
uses a name. Each `mmssc serve` process asks Slack once per person and hour and keeps the answer in
memory; a name that is new or changed is also handed to `on_new_name`, which stores it with the
person's records (so `mmssc review`, CSV and XLSX show it). When Slack cannot say (missing `users:read`
scope, user_not_found, a network error) the id is shown instead, and asked again after a short pause.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from slack_sdk import WebClient

from bot.adapters.slack.client import SlackDeliveryError, SlackOutbox

log = logging.getLogger(__name__)

SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
NAME_TTL_SECONDS = 3600.0  # a renamed person shows the new name within the hour
FAILURE_TTL_SECONDS = 300.0  # an unanswered id is asked again after five minutes, not on every render


def display_name(user: dict[str, Any]) -> str | None:
    """The name Slack itself shows: the profile's display name, else the real name, else the handle."""
    profile = user.get("profile") or {}
    for candidate in (profile.get("display_name"), profile.get("real_name"), user.get("real_name"), user.get("name")):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    return None


class SlackPeople:
    """Thread-safe cache of user id -> display name, shared by every listener of one bolt app."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 on_new_name: Callable[[str, str], None] | None = None):
        self._clock = clock
        self._on_new_name = on_new_name
        self._names: dict[str, tuple[str, float]] = {}  # id -> (name or the id, expires at)
        self._lock = threading.Lock()

    def names(self, client: WebClient, users: Iterable[str]) -> dict[str, str]:
        """A name for each of `users`; the id itself where Slack gave none. Ids that are not Slack ids
        (people added from the terminal, e.g. "ana") are their own name and never looked up."""
        return {user: self.name(client, user) for user in dict.fromkeys(users)}

    def name(self, client: WebClient, user: str) -> str:
        if not SLACK_USER_ID.match(user):
            return user
        now = self._clock()
        with self._lock:
            cached = self._names.get(user)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            found = display_name(SlackOutbox(client).user_info(user))
        except SlackDeliveryError as error:  # logged by the outbox; show the id, ask again later
            log.warning("no display name for %s (%s); showing the id", user, error.error)
            found = None
        name, ttl = (found, NAME_TTL_SECONDS) if found else (user, FAILURE_TTL_SECONDS)
        with self._lock:
            self._names[user] = (name, now + ttl)
        if found and self._on_new_name is not None and (cached is None or cached[0] != found):
            self._on_new_name(user, found)
        return name
