"""The app manifest declares everything the code listens to, so an admin creates the app in one step."""

from __future__ import annotations

import yaml

from bot.config import PROJECT_ROOT

MANIFEST = PROJECT_ROOT / "slack" / "manifest.yml"


def test_the_manifest_declares_commands_events_scopes_interactivity_and_home() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    features, settings = manifest["features"], manifest["settings"]
    assert {c["command"] for c in features["slash_commands"]} == {"/assess", "/standards"}
    assert next(c for c in features["slash_commands"] if c["command"] == "/assess")["should_escape"] is True
    assert features["app_home"]["home_tab_enabled"] and features["app_home"]["messages_tab_enabled"]
    assert set(settings["event_subscriptions"]["bot_events"]) == {"app_home_opened", "app_mention", "message.im"}
    assert settings["interactivity"]["is_enabled"]
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"chat:write", "commands", "im:history", "im:write", "app_mentions:read", "files:write"} <= scopes
    urls = [settings["event_subscriptions"]["request_url"], settings["interactivity"]["request_url"],
            *(c["url"] for c in features["slash_commands"])]
    assert all(url.endswith("/slack/events") for url in urls)
