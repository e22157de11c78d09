"""Getting replies and errors to people: post the interview's replies, and report every failure.

This is the adapter edge of style rule 19: errors a person can fix become a message to them; Slack API
errors are logged (by the outbox) and the person is told through another route where possible; any
other error is logged with its trace and the person gets a short apology. Nothing is swallowed.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from bot.adapters.slack import blocks
from bot.adapters.slack.client import SlackDeliveryError, SlackOutbox
from bot.adapters.slack.limits import FALLBACK_TEXT, truncate
from bot.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from bot.interview.messages import Reply

log = logging.getLogger(__name__)

ONLY_FACILITATORS = "Only facilitators can do this."
SOMETHING_WENT_WRONG = "Something went wrong on my side and it has been logged. Please try again in a moment."


def post_replies(outbox: SlackOutbox, channel: str, replies: list[Reply], assessment: str,
                 level_names: dict[int, str]) -> None:
    """One message per reply, in order, each within Slack's limits."""
    for reply in replies:
        outbox.post(channel, blocks.fallback_text(reply), blocks.interview_blocks(reply, assessment, level_names))


def tell_user(outbox: SlackOutbox, channel: str | None, user: str, text: str, *, ephemeral: bool = True,
              rendered: list[blocks.Block] | None = None) -> None:
    """Tell one person something: ephemeral in `channel`, or in their direct message when that fails."""
    content = rendered or [blocks.section(text)]
    if channel and ephemeral:
        try:
            outbox.ephemeral(channel, user, truncate(text, FALLBACK_TEXT), content)
            return
        except SlackDeliveryError:
            pass  # logged by the outbox; fall back to the direct message below
    dm = channel if channel and channel.startswith("D") and not ephemeral else outbox.open_dm(user)
    outbox.post(dm, truncate(text, FALLBACK_TEXT), content)


@contextlib.contextmanager
def reported_errors(outbox: SlackOutbox, user: str, channel: str | None, *, ephemeral: bool = True,
                    what: str = "request") -> Iterator[None]:
    """Run a listener's work; whatever fails is logged and, where it can be, told to the person."""
    try:
        yield
    except PermissionDeniedError as error:
        log.info("refused %s for %s: %s", what, user, error)
        _tell(outbox, channel, user, ONLY_FACILITATORS, ephemeral)
    except (InvalidInputError, NotFoundError) as error:
        _tell(outbox, channel, user, str(error), ephemeral)
    except SlackDeliveryError as error:
        where = f"<#{error.channel}>" if error.channel and error.channel.startswith("C") else "Slack"
        hint = " Invite me with `/invite @mmssc`." if error.error in ("not_in_channel", "channel_not_found") else ""
        _tell(outbox, None, user, f"I could not reach {where} ({error.method}: {error.error}).{hint}", False)
    except Exception:
        log.exception("Slack %s failed (user=%s, channel=%s)", what, user, channel)
        _tell(outbox, channel, user, SOMETHING_WENT_WRONG, ephemeral)


def _tell(outbox: SlackOutbox, channel: str | None, user: str, text: str, ephemeral: bool) -> None:
    try:
        tell_user(outbox, channel, user, text, ephemeral=ephemeral)
    except SlackDeliveryError as error:
        # Both routes failed; the outbox logged each failure with its method and channel.
        log.error("could not tell %s %r: %s", user, text[:200], error)
