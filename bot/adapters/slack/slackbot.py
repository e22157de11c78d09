"""What every listener shares: the interview service, the directory, people's names, the level names, and
"ack, then work".

Every listener is made by `SlackBot.after_ack(work)`: it acknowledges in the request's own thread
(optionally with a short text, e.g. a usage message) and hands `work(body, client)` to the worker
pool. So the ack never waits behind slow work (suggestions, database, Slack API calls), and it costs
little: the payload is handed over as it is, not copied (bolt's lazy listeners deep-copy the request,
which was two thirds of an ack's time).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.adapters.slack.bounded_engine import BoundedEngine
from bot.adapters.slack.directory import SlackDirectory
from bot.adapters.slack.people import SlackPeople
from bot.context import AppContext
from bot.interview.service import InterviewService

if TYPE_CHECKING:
    from bot.retrieval.standards import StandardsAnswer

log = logging.getLogger(__name__)

SLACK_CHANNEL = "slack"  # the channel name the interview stores with every Slack event

Body = dict[str, Any]
Work = Callable[[Body, WebClient], None]
QuickReply = Callable[[Body], str | None]


class SlackBot:
    def __init__(self, context: AppContext, executor: Executor, service: InterviewService | None = None):
        self.context = context
        self.executor = executor
        self._service = service
        self._lock = threading.Lock()
        self.people = SlackPeople()  # display names for user ids, cached for this process

    def after_ack(self, work: Work, quick_reply: QuickReply | None = None) -> Callable[..., None]:
        """A bolt listener: ack at once (with `quick_reply(body)` when it has something to say), then
        run `work(body, client)` in the worker pool."""
        def listener(ack: Ack, body: Body, client: WebClient) -> None:
            text = quick_reply(body) if quick_reply else None
            if text:
                ack(text=text)
            else:
                ack()
            self.executor.submit(self._run, work, body, client)

        listener.__name__ = f"ack_then_{getattr(work, '__name__', 'work')}"
        return listener

    @staticmethod
    def _run(work: Work, body: Body, client: WebClient) -> None:
        try:
            work(body, client)
        except Exception:  # the work reports what it can to the person; this is the last line
            log.exception("Slack listener %s failed", getattr(work, "__name__", work))

    @property
    def service(self) -> InterviewService:
        with self._lock:
            if self._service is None:
                ctx = self.context
                self._service = InterviewService(ctx.kb, BoundedEngine(ctx.engine), ctx.database,
                                                 standards_answerer=self._answer_from_index,
                                                 max_probes=ctx.settings.max_probes)
            return self._service

    @property
    def directory(self) -> SlackDirectory:
        return SlackDirectory(self.service.database)

    @property
    def level_names(self) -> dict[int, str]:
        return {level.level: level.name for level in self.service.kb.level_names}

    def answer_standards(self, question: str) -> StandardsAnswer:
        """ "Which standard helps with X": the service's answerer (the same as in the interview)."""
        answerer = self.service.standards_answerer or self._answer_from_index
        return answerer(question)

    def _answer_from_index(self, question: str) -> StandardsAnswer:
        from bot.retrieval.standards import answer_standards_question

        with self._lock:  # the context builds the retriever once, on first use
            retriever = self.context.retriever
        return answer_standards_question(question, self.context.kb, retriever)
