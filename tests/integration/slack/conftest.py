"""The Slack tier: the real bolt app served over HTTP on 127.0.0.1, a local mock of the Slack Web API
recording every call, and signed requests shaped like Slack's (bolt-python's own scenario-test idea)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import EmbedderKind, Settings
from bot.knowledge import KnowledgeBase
from tests.support.slack.mock_web_api import MockSlackWebApi

from .backends import fresh_postgres_url
from .harness import BOT_TOKEN, SIGNING_SECRET, SlackHarness, start_harness

MEMBER_OF = ("CFACIL", "CGENERAL")  # the channels the bot was invited to; any other refuses with not_in_channel


@pytest.fixture
def mock_api() -> Iterator[MockSlackWebApi]:
    """The mock Web API; every test ends with no Slack rule broken (mrkdwn escaped once, no broadcasts)."""
    with MockSlackWebApi(member_of=MEMBER_OF) as api:
        yield api
        assert api.violations() == []


@pytest.fixture
def database_url(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None (SQLite under the test's data directory) unless a test asks for "postgresql" through
    `@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)`."""
    if getattr(request, "param", "sqlite") == "sqlite":
        yield None
        return
    with fresh_postgres_url() as url:
        yield url


@pytest.fixture
def slack_settings(tmp_path: Path, mock_api: MockSlackWebApi, database_url: str | None) -> Settings:
    return Settings(data_dir=tmp_path / "data", embedder=EmbedderKind.HASHING, slack_bot_token=BOT_TOKEN,
                    slack_signing_secret=SIGNING_SECRET, slack_api_url=mock_api.base_url, database_url=database_url)


@pytest.fixture
def slack(kb: KnowledgeBase, slack_settings: Settings, mock_api: MockSlackWebApi) -> Iterator[SlackHarness]:
    harness = start_harness(kb, slack_settings, mock_api)
    yield harness
    harness.stop()
