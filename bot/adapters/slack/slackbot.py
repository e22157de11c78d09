"""What every listener shares: the interview service, the directory, people's names, readable references,
and "ack, then work".

Every listener is made by `SlackBot.after_ack(work)`: it acknowledges in the request's own thread
(optionally with a short text, e.g. a usage message) and queues `work(body, client)` behind the same
person's earlier work (`PerPersonQueue`), so one person's events are handled in the order they came.
The ack costs little: the payload is handed over as it is, not copied (bolt's lazy listeners deep-copy
the request, which was two thirds of an ack's time).

Slack redelivers an event it thinks was lost (`X-Slack-Retry-Num`). Work that posts something is
done once per delivery: `after_ack(..., once=True)` claims the delivery's id in the database first
(`claim_delivery`), so a retry, in this process or another, is dropped. The interview's own events are
deduplicated by the interview service, in the same transaction that records them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.adapters.slack.acks_first import AcksFirst
from bot.adapters.slack.batching_embedder import BatchingEmbedder
from bot.adapters.slack.bounded_engine import BoundedEngine
from bot.adapters.slack.directory import SlackDirectory
from bot.adapters.slack.ordering import PerPersonQueue
from bot.adapters.slack.people import SlackPeople
from bot.context import AppContext
from bot.errors import UnknownIdError
from bot.services.interview_service import InterviewService
from bot.storage.deliveries import claim_delivery
from bot.storage.display_names import save_display_names

if TYPE_CHECKING:
    from bot.retrieval.standards import StandardsAnswer

log = logging.getLogger(__name__)

SLACK_CHANNEL = "slack"  # the channel name the interview stores with every Slack event
SUGGESTIONS_WITH_BATCHING = 8  # suggestions at once when their embeddings are batched (one per worker)

Body = dict[str, Any]
Work = Callable[[Body, WebClient], None]
QuickReply = Callable[[Body], str | None]


def person_of(body: Body) -> str:
    """Who caused a request: the user of an event, a command or an interaction ("" if none)."""
    event = body.get("event") or {}
    user = body.get("user")
    found = event.get("user") or (user.get("id") if isinstance(user, dict) else user) or body.get("user_id")
    return str(found or "")


def delivery_id(body: Body) -> str | None:
    """A stable id of one delivery, the same on Slack's retries: the event id, a command's trigger id, a
    press's action time, user and action, a submitted view's id and hash."""
    if body.get("event_id"):
        return f"event:{body['event_id']}"
    if body.get("command") and body.get("trigger_id"):
        return f"command:{body['trigger_id']}"
    if body.get("type") == "block_actions" and body.get("actions"):
        action = body["actions"][0]
        return f"action:{action.get('action_ts', '')}:{person_of(body)}:{action.get('action_id', '')}"
    view = body.get("view") or {}
    if body.get("type") == "view_submission" and view.get("id"):
        return f"view:{view['id']}:{view.get('hash', '')}"
    return None


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class SlackBot:
    def __init__(self, context: AppContext, executor: Executor, service: InterviewService | None = None,
                 acks_first: AcksFirst | None = None):
        self.context = context
        self.executor = executor
        self.queue = PerPersonQueue(executor)
        self._service = service
        self.acks_first = acks_first or AcksFirst()
        self._lock = threading.Lock()
        self.people = SlackPeople(on_new_name=self._store_name)  # display names, cached for this process

    def after_ack(self, work: Work, quick_reply: QuickReply | None = None, *, once: bool = True,
                  ordered: bool = True) -> Callable[..., None]:
        """A bolt listener: ack at once (with `quick_reply(body)`, mrkdwn, when it has something to say),
        then run `work(body, client)`: behind the person's earlier work when `ordered` (else at once, e.g.
        to open a modal within Slack's 3 seconds), and with `once` only for a first delivery."""
        def listener(ack: Ack, body: Body, client: WebClient) -> None:
            text = quick_reply(body) if quick_reply else None
            if text:
                ack(text=text)
            else:
                ack()
            if ordered:
                self.queue.submit(person_of(body), lambda: self._run(work, body, client, once))
            else:
                self.executor.submit(self._run, work, body, client, once)

        listener.__name__ = f"ack_then_{getattr(work, '__name__', 'work')}"
        return listener

    def _run(self, work: Work, body: Body, client: WebClient, once: bool) -> None:
        self.acks_first.wait_for_acks()  # a burst of requests is acknowledged before its work starts
        try:
            if once and not self.first_delivery(body):
                log.info("dropped a repeated Slack delivery %s", delivery_id(body))
                return
            work(body, client)
        except Exception:  # the work reports what it can to the person; this is the last line
            log.exception("Slack listener %s failed", getattr(work, "__name__", work))

    def first_delivery(self, body: Body) -> bool:
        """Claim this delivery (see `delivery_id`): False when it was handled before, here or elsewhere."""
        key = delivery_id(body)
        if key is None:
            return True
        with self.service.database.session() as session:
            return claim_delivery(session, SLACK_CHANNEL, key, utc_now())

    @property
    def service(self) -> InterviewService:
        with self._lock:
            if self._service is None:
                ctx = self.context
                # With batched embeddings more suggestions may run at once: their model calls are shared.
                slots = SUGGESTIONS_WITH_BATCHING if isinstance(ctx.embedder, BatchingEmbedder) else None
                # The engine waits for the acks too: work that started may reach it during a new burst
                # (without this wait the ack p95 went over 100 ms; docs/slack.md).
                engine = BoundedEngine(ctx.engine, slots, before=self.acks_first.wait_for_acks)
                self._service = InterviewService(ctx.kb, engine, ctx.database,
                                                 standards_answerer=self._answer_from_index,
                                                 max_probes=ctx.settings.max_probes)
            return self._service

    @property
    def directory(self) -> SlackDirectory:
        return SlackDirectory(self.service.database)

    @property
    def level_names(self) -> dict[int, str]:
        return {level.level: level.name for level in self.service.kb.level_names}

    def reference(self, entry_id: str) -> str:
        """How people read a knowledge-base id ("MMSSC 1.1.1, level 3"); never the id's own spelling."""
        try:
            return self.service.kb.reference_label(entry_id)
        except UnknownIdError:
            log.warning("no readable reference for %r", entry_id)
            return "the maturity model"

    def answer_standards(self, question: str) -> StandardsAnswer:
        """ "Which standard helps with X": the service's answerer (the same as in the interview)."""
        answerer = self.service.standards_answerer or self._answer_from_index
        return answerer(question)

    def _answer_from_index(self, question: str) -> StandardsAnswer:
        from bot.retrieval.standards import answer_standards_question

        with self._lock:  # the context builds the retriever once, on first use
            retriever = self.context.retriever
        return answer_standards_question(question, self.context.kb, retriever)

    def _store_name(self, user: str, name: str) -> None:
        """Keep a name Slack gave with the person's records, so the CLI and reports show it too."""
        try:
            with self.service.database.session() as session:
                save_display_names(session, {user: name}, utc_now())
        except Exception:  # a name is never worth failing a request for
            log.warning("could not store the display name of %s", user, exc_info=True)
