"""Getting messages and errors to people, and reporting every failure.

This is the adapter edge of style rule 19: errors a person can fix become a message to them; Slack API
errors are logged (by the outbox) and the person is told through another route where possible; any
other error is logged with its trace and the person gets a short apology. Nothing is swallowed.
A slash command is answered through its `response_url` first: that works in every conversation,
also where the bot is not a member (chat.postEphemeral would fail there with not_in_channel).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from bot.adapters.slack import blocks
from bot.adapters.slack.client import SlackDeliveryError, SlackOutbox
from bot.adapters.slack.directory import RefusedForPerson
from bot.adapters.slack.limits import FALLBACK_TEXT, escape, truncate
from bot.errors import InvalidInputError, NotFoundError, PermissionDeniedError

log = logging.getLogger(__name__)

ONLY_FACILITATORS = "Only facilitators can do this."
SOMETHING_WENT_WRONG = "Something went wrong on my side and it has been logged. Please try again in a moment."
CANNOT_POST_HINTS = ("not_in_channel", "channel_not_found")


def tell_user(outbox: SlackOutbox, channel: str | None, user: str, text: str, *, ephemeral: bool = True,
              rendered: list[blocks.Block] | None = None, response_url: str | None = None) -> None:
    """Tell one person something (`text` is mrkdwn, already escaped): through the command's response_url,
    else ephemeral in `channel`, else in their direct message."""
    content = rendered or [blocks.section(text)]
    fallback = truncate(text, FALLBACK_TEXT)
    if response_url:
        try:
            outbox.respond(response_url, fallback, content)
            return
        except SlackDeliveryError:
            pass  # logged by the outbox; try the other routes
    if channel and ephemeral:
        try:
            outbox.ephemeral(channel, user, fallback, content)
            return
        except SlackDeliveryError:
            pass  # logged by the outbox; fall back to the direct message below
    dm = channel if channel and channel.startswith("D") and not ephemeral else outbox.open_dm(user)
    outbox.post(dm, fallback, content)


@contextlib.contextmanager
def reported_errors(outbox: SlackOutbox, user: str, channel: str | None, *, ephemeral: bool = True,
                    what: str = "request", response_url: str | None = None) -> Iterator[None]:
    """Run a listener's work; whatever fails is logged and, where it can be, told to the person."""
    def tell(text: str, to_channel: str | None = channel, privately: bool = ephemeral) -> None:
        try:
            tell_user(outbox, to_channel, user, text, ephemeral=privately, response_url=response_url)
        except SlackDeliveryError as error:
            # Every route failed; the outbox logged each failure with its method and channel.
            log.error("could not tell %s %r: %s", user, text[:200], error)

    try:
        yield
    except RefusedForPerson as error:
        log.info("refused %s for %s: %s", what, user, error)
        tell(escape(str(error)))
    except PermissionDeniedError as error:
        log.info("refused %s for %s: %s", what, user, error)
        tell(ONLY_FACILITATORS)
    except (InvalidInputError, NotFoundError) as error:
        tell(escape(str(error)))
    except SlackDeliveryError as error:
        where = f"<#{error.channel}>" if error.channel and error.channel.startswith("C") else "Slack"
        hint = " Invite me with `/invite @mmssc`." if error.error in CANNOT_POST_HINTS else ""
        tell(f"I could not reach {where} ({escape(error.method)}: {escape(error.error)}).{hint}", None, False)
    except Exception:
        log.exception("Slack %s failed (user=%s, channel=%s)", what, user, channel)
        tell(SOMETHING_WENT_WRONG)
