"""Drive the real bolt app over HTTP like Slack does, and read what it said to the mock Web API."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import App

from bot.adapters.slack.acks_first import AcksFirst
from bot.adapters.slack.app import create_slack_app, stop_slack_app
from bot.adapters.slack.client import build_web_client
from bot.adapters.slack.http_server import BackgroundSlackServer
from bot.adapters.slack.refs import ActionId, CardRef
from bot.config import Settings
from bot.context import AppContext
from bot.knowledge import KnowledgeBase
from bot.services.interview_service import InterviewService
from bot.storage import Database
from bot.suggestion.models import SuggestionEngine
from tests.support.fakes import SPOKEN_LEVEL, FakeEngine, FakeStandardsAnswerer
from tests.support.slack import cards
from tests.support.slack.cards import CardKind
from tests.support.slack.mock_web_api import MockSlackWebApi, RecordedCall, shown
from tests.support.slack.simulator import (
    SignedSlackSender,
    SlackHttpResult,
    block_action,
    dm_message,
    view_submission,
)

SIGNING_SECRET = "test-signing-secret-8f2c"
BOT_TOKEN = "xoxb-test-1111-2222-abcdef"


def build_service(kb: KnowledgeBase, settings: Settings, engine: SuggestionEngine | None = None) -> InterviewService:
    """The interview service of a test bot: answers name their level as people type it ("level 3")."""
    engine = engine or FakeEngine(kb, name="fake-slack", level_mark=SPOKEN_LEVEL,
                                  follow_up="Who owns the strategy, and is it written down?")
    return InterviewService(kb, engine, Database.connect(settings), standards_answerer=FakeStandardsAnswerer())


@dataclass
class SlackHarness:
    """One running bot: send it what Slack would send, read what it said to the mock Web API."""

    app: App
    server: BackgroundSlackServer
    sender: SignedSlackSender
    mock: MockSlackWebApi
    service: InterviewService
    sent: list[SlackHttpResult] = field(default_factory=list)

    def stop(self) -> None:
        """Stop taking requests, then let the work already acknowledged finish (as `mmssc serve` does)."""
        self.server.stop()
        stop_slack_app(self.app)
        self.service.database.dispose()

    def _keep(self, result: SlackHttpResult) -> SlackHttpResult:
        self.sent.append(result)
        return result

    def dm(self, user: str, text: str, *, event_id: str | None = None, retry_num: int | None = None) -> SlackHttpResult:
        return self._keep(self.sender.event(dm_message(user, text), event_id=event_id, retry_num=retry_num))

    def command(self, command: str, text: str, user: str, channel: str = "CFACIL") -> SlackHttpResult:
        return self._keep(self.sender.command(command, text, user, channel))

    def press(self, user: str, action_id: ActionId, ref: CardRef, channel: str | None = None, *,
              view: dict[str, Any] | None = None) -> SlackHttpResult:
        """Press a button on a message (in `channel`, default the DM) or in a view (the App Home)."""
        action = {"action_id": action_id.value, "block_id": ref.block_id(), "value": ref.value(), "type": "button"}
        payload = block_action(user, action, channel=None if view else channel or f"D{user}", view=view)
        return self._keep(self.sender.interaction(payload))

    def choose(self, user: str, action_id: ActionId, block_id: str, level: int, *,
               view: dict[str, Any] | None = None, channel: str | None = None) -> SlackHttpResult:
        action = {"action_id": action_id.value, "block_id": block_id, "type": "static_select",
                  "selected_option": {"value": str(level), "text": {"type": "plain_text", "text": str(level)}}}
        payload = block_action(user, action, channel=None if view else channel or f"D{user}", view=view)
        return self._keep(self.sender.interaction(payload))

    def submit(self, user: str, view: dict[str, Any], reason: str,
               selects: dict[str, str] | None = None) -> SlackHttpResult:
        """Submit a modal with `reason` typed and, per select (block and action id alike), an option chosen."""
        chosen = {block: {block: value} for block, value in (selects or {}).items()}
        return self._keep(self.sender.interaction(view_submission(user, view, {"reason": {"reason": reason}}, chosen)))

    # -- reading what the bot did ---------------------------------------------------------------

    def posts(self, channel: str) -> list[RecordedCall]:
        return self.mock.calls_to("chat.postMessage", channel)

    def responses(self, count: int = 1, timeout: float = 10.0) -> list[RecordedCall]:
        """What the bot answered through slash commands' response_urls (private answers), waiting for `count`."""
        return self.mock.wait_for("response_url", count=count, timeout=timeout)

    def shown(self, call: RecordedCall) -> str:
        """What a person sees of a message: its blocks' text as Slack renders it (entities undone)."""
        return shown(post_text(call))

    def wait_posts(self, channel: str, count: int, timeout: float = 10.0) -> list[RecordedCall]:
        return self.mock.wait_for("chat.postMessage", count=count, timeout=timeout, channel=channel)

    def last_post(self, channel: str) -> RecordedCall:
        return self.posts(channel)[-1]


def post_text(call: RecordedCall) -> str:
    """Everything a message shows, blocks included, as one string to search in."""
    return call.args.get("text", "") + "\n" + json.dumps(call.args.get("blocks") or [], ensure_ascii=False)


def card_ref(call: RecordedCall) -> CardRef:
    """The card reference of the actions block of a posted question or suggestion card."""
    for block in call.args.get("blocks") or []:
        if block.get("type") == "actions":
            return CardRef.parse(block["block_id"])
    raise AssertionError(f"no actions block in {post_text(call)[:300]}")


def start_harness(kb: KnowledgeBase, settings: Settings, mock_api: MockSlackWebApi, *,
                  standards_from_index: bool = False, engine: SuggestionEngine | None = None) -> SlackHarness:
    """The bot over HTTP with the fake engine (or `engine`); "which standard" questions answered by a fake, or
    by the real retrieval (hashing embedder, Chroma under the test's data directory) with `standards_from_index`."""
    context = AppContext(settings)
    service = build_service(kb, settings, engine)
    if standards_from_index:
        from bot.retrieval.standards import answer_standards_question

        service.standards_answerer = lambda question: answer_standards_question(question, kb, context.retriever)
    acks_first = AcksFirst()  # as `mmssc serve` wires them
    app = create_slack_app(context, build_web_client(settings), service=service, acks_first=acks_first)
    server = BackgroundSlackServer(app, acks_first=acks_first).start()
    sender = SignedSlackSender(server.url, SIGNING_SECRET, response_urls=mock_api.response_url_for)
    return SlackHarness(app=app, server=server, sender=sender, mock=mock_api, service=service)


def is_card(call: RecordedCall, characteristic: str, horizon: str, kind: str) -> bool:
    """A posted question ("question"), probe ("probe") or suggestion ("suggestion") card for this
    characteristic and horizon."""
    return cards.is_card(call, characteristic, horizon, CardKind(kind))


def next_post(harness: SlackHarness, channel: str, after: int, check: Any = None,
              timeout: float = 10.0) -> RecordedCall:
    """The first message to `channel` after the first `after` ones that passes `check` (any, when None)."""
    def find(calls: list[RecordedCall]) -> RecordedCall | None:
        posts = [c for c in calls if c.method == "chat.postMessage" and c.args.get("channel") == channel][after:]
        return next((c for c in posts if check is None or check(c)), None)

    return harness.mock.wait_until(find, timeout)


def view_of(call: RecordedCall) -> dict[str, Any]:
    """The view of a recorded views.open / views.publish call (slack_sdk sends it as a JSON string)."""
    view = call.args["view"]
    return json.loads(view) if isinstance(view, str) else view


def assert_within_slack_limits(call: RecordedCall) -> None:
    """A posted message respects Slack's limits: 50 blocks, 3,000 per section, 40,000 of text..."""
    args = call.args
    assert len(args.get("text", "")) <= 40_000
    message_blocks = args.get("blocks") or []
    assert len(message_blocks) <= 50
    for block in message_blocks:
        assert len(block.get("block_id", "")) <= 255
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        if block["type"] == "context":
            assert len(block["elements"]) <= 10
        for element in block.get("elements", []):
            if element.get("type") == "button":
                assert len(element["text"]["text"]) <= 75 and len(element["value"]) <= 2000
