"""Run the bot: HTTP mode (a threaded WSGI server on /slack/events) or Socket Mode (a websocket to Slack)."""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.error import BoltError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.adapters.slack.acks_first import AcksFirst
from bot.adapters.slack.app import create_slack_app, stop_slack_app
from bot.adapters.slack.batching_embedder import BatchingEmbedder
from bot.adapters.slack.http_server import make_slack_http_server
from bot.config import Settings
from bot.context import AppContext
from bot.errors import InvalidInputError
from bot.services.interview_service import InterviewService

log = logging.getLogger(__name__)


def check_slack_settings(settings: Settings) -> bool:
    """True for Socket Mode; `InvalidInputError` naming the missing variable otherwise."""
    if settings.slack_bot_token is None:
        raise InvalidInputError("SLACK_BOT_TOKEN is not set: the bot token (xoxb-...) from your Slack app's "
                                "OAuth & Permissions page. See docs/slack.md.")
    if settings.slack_app_token is not None:
        return True
    if settings.slack_signing_secret is None:
        raise InvalidInputError("SLACK_SIGNING_SECRET is not set: it is on your Slack app's Basic Information "
                                "page (or set SLACK_APP_TOKEN for Socket Mode). See docs/slack.md.")
    return False


def create_checked_slack_app(context: AppContext, client: WebClient | None = None, **options: Any) -> App:
    """The bot's App, built only if Slack accepts the bot token (bolt calls auth.test while building it);
    `InvalidInputError` saying what to fix otherwise, before anything claims to be listening."""
    try:
        return create_slack_app(context, client, **options)
    except BoltError as error:
        refused = error.__context__
        code = refused.response.get("error", "refused") if isinstance(refused, SlackApiError) else str(error)
        raise InvalidInputError(f"Slack rejected SLACK_BOT_TOKEN ({code}). Copy the Bot User OAuth Token (xoxb-...) "
                                "from your Slack app's OAuth & Permissions page. See docs/slack.md.") from None
    except SlackClientError as error:
        raise InvalidInputError(f"Cannot reach Slack to check SLACK_BOT_TOKEN ({type(error).__name__}: {error}). "
                                "Check the network, or MMSSC_SLACK_API_URL.") from None
    except OSError as error:  # urllib's connection errors
        raise InvalidInputError(f"Cannot reach Slack to check SLACK_BOT_TOKEN ({error}). Check the network, or "
                                "MMSSC_SLACK_API_URL.") from None


Progress = Callable[[str], None]


def warm_up(context: AppContext, progress: Progress = lambda _: None) -> None:
    """Everything a first request would otherwise wait for, done before the bot takes requests: the
    knowledge base, the database, the embedding model, the conditions of every characteristic (read from
    the on-disk cache when it is current, embedded otherwise) and the retrieval index (opened when current,
    built otherwise), each used once. So the first answer to any characteristic, and the first
    `/standards`, are as fast as the hundredth."""
    from bot.retrieval.standards import answer_standards_question

    started = time.perf_counter()
    kb, _ = context.kb, context.database
    engine = context.engine
    default = getattr(engine, "fallback", engine)  # the LLM engine's own fallback is the default engine
    warm_conditions = getattr(default, "warm_up", None)
    progress(f"preparing the suggestions of {len(kb.characteristic_ids)} characteristics")
    if callable(warm_conditions):
        warm_conditions()
        default.suggest(kb.characteristic_ids[0], "Warming up: we publish a strategy for the city.")
    else:
        engine.suggest(kb.characteristic_ids[0], "Warming up: we publish a strategy for the city.")
    progress("opening the retrieval index for standards questions")
    try:
        answer_standards_question("Which standard helps with open data?", kb, context.retriever)
    except Exception as error:  # interviews do not need the index: serve them, and say what failed
        log.warning("the retrieval index could not be prepared (%s: %s); interviews work, and standards "
                    "questions will try again and report it", type(error).__name__, error)
    settle_the_heap()
    log.info("warm-up done in %.1f s", time.perf_counter() - started)


def settle_the_heap() -> None:
    """Collect once, then freeze what survives (the model, the knowledge base, the compiled patterns: everything the
    warm-up loaded) out of the collector's reach. A full collection walks every tracked object holding the interpreter's
    lock; over the warmed-up heap it took 100-360 ms, long enough to stall every ack in flight."""
    gc.collect()
    gc.freeze()


def batch_concurrent_embeddings(context: AppContext) -> None:
    """Many answers at once share model calls (`BatchingEmbedder`): one lane per core."""
    context.wrap_embedder(lambda embedder: BatchingEmbedder(embedder, lanes=max(1, os.cpu_count() or 1)))


def run_http(context: AppContext, host: str, port: int, progress: Progress = lambda _: None,
             ready: Callable[[], None] = lambda: None) -> None:
    batch_concurrent_embeddings(context)
    acks_first = AcksFirst()  # the server marks the requests it answers; the app's work waits for them
    app = create_checked_slack_app(context, acks_first=acks_first)
    warm_up(context, progress)
    server = make_slack_http_server(app, host, port, acks_first)
    ready()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("stopping: finishing the work already acknowledged")
    finally:
        server.server_close()
        stop_slack_app(app)


def socket_mode_handler(context: AppContext, client: WebClient | None = None, *,
                        service: InterviewService | None = None) -> SocketModeHandler:
    """The Socket Mode handler for the bot; `.connect()` to run in the background, `.start()` to block."""
    settings = context.settings
    if settings.slack_app_token is None:
        raise InvalidInputError("SLACK_APP_TOKEN is not set: Socket Mode needs the app-level token (xapp-...).")
    app = create_checked_slack_app(context, client, socket_mode=True, service=service)
    # apps.connections.open goes through the app's client, so MMSSC_SLACK_API_URL applies to it too.
    return SocketModeHandler(app, app_token=settings.slack_app_token.get_secret_value())


def run_socket_mode(context: AppContext, progress: Progress = lambda _: None,
                    ready: Callable[[], None] = lambda: None) -> None:
    batch_concurrent_embeddings(context)
    handler = socket_mode_handler(context)
    warm_up(context, progress)
    ready()
    try:
        handler.start()
    except KeyboardInterrupt:
        log.info("stopping: finishing the work already acknowledged")
    finally:
        handler.close()
        stop_slack_app(handler.app)
