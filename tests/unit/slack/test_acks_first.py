"""Acks first: work after an ack waits while requests are being answered, never longer than `max_wait`."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bot.adapters.slack.acks_first import AcksFirst
from bot.adapters.slack.slackbot import SlackBot
from bot.config import Settings
from bot.context import AppContext


def waited(acks: AcksFirst) -> float:
    started = time.perf_counter()
    acks.wait_for_acks()
    return time.perf_counter() - started


def test_work_goes_at_once_when_no_request_is_being_answered() -> None:
    assert waited(AcksFirst(max_wait=5)) < 0.5


def test_work_waits_until_the_requests_being_answered_are_answered() -> None:
    acks = AcksFirst(max_wait=5)
    answered = threading.Event()

    def answer_two() -> None:
        with acks.answering(), acks.answering():
            assert acks.answering_now == 2
            time.sleep(0.2)
        answered.set()

    answering = threading.Thread(target=answer_two)
    answering.start()
    time.sleep(0.05)
    assert 0.1 < waited(acks) < 4
    assert answered.is_set()
    answering.join()
    assert acks.answering_now == 0


def test_work_waits_no_longer_than_max_wait_however_busy_the_server_is() -> None:
    acks = AcksFirst(max_wait=0.1)
    with acks.answering():
        assert 0.09 < waited(acks) < 2


def test_the_bots_work_after_an_ack_starts_once_the_acks_are_answered(tmp_path: Path) -> None:
    acks = AcksFirst(max_wait=5)
    started: list[float] = []
    acked: list[dict[str, Any]] = []
    with ThreadPoolExecutor(max_workers=2) as workers:
        bot = SlackBot(AppContext(Settings(data_dir=tmp_path)), workers, acks_first=acks)
        listener = bot.after_ack(lambda body, client: started.append(time.perf_counter()), once=False)
        with acks.answering():
            listener(ack=lambda **reply: acked.append(reply), body={"user_id": "U1"}, client=None)
            time.sleep(0.2)
            assert acked == [{}] and started == []  # acknowledged, the work held back
            answered_at = time.perf_counter()
    assert len(started) == 1 and started[0] >= answered_at


class RecordingEngine:
    name = "recording"

    def __init__(self) -> None:
        self.called: list[float] = []

    def suggest(self, characteristic_id: str, answer: str, context: Any = None) -> Any:
        self.called.append(time.perf_counter())
        return "suggestion"


def test_the_bots_suggestions_wait_for_the_acks_too(tmp_path: Path) -> None:
    # The second wait: work that started may reach the engine while a new burst is being answered.
    acks = AcksFirst(max_wait=5)
    context = AppContext(Settings(data_dir=tmp_path))
    engine = RecordingEngine()
    context.engine, context.embedder, context.kb, context.database = engine, object(), object(), object()  # type: ignore[assignment]
    with ThreadPoolExecutor(max_workers=1) as workers:
        bot = SlackBot(context, workers, acks_first=acks)
        with acks.answering():
            asked = workers.submit(bot.service.engine.suggest, "C1", "an answer")
            time.sleep(0.2)
            assert engine.called == []  # held back while a request is being answered
            answered_at = time.perf_counter()
        assert asked.result(timeout=5) == "suggestion"
    assert len(engine.called) == 1 and engine.called[0] >= answered_at
