"""Keep Slack tokens and secrets out of every log line: the Slack adapter's names for the core's
redaction (`bot.redaction`), which knows Slack tokens, API keys and every secret setting.

slack_sdk already hides the Authorization header, but a token can still travel in a form body, an
error message or a URL. `install_token_redaction` puts a filter on the root logger's handlers that
rewrites any record before it is written.
"""

from __future__ import annotations

from bot.redaction import REDACTED
from bot.redaction import RedactingFilter as TokenRedactingFilter
from bot.redaction import install_log_redaction as install_token_redaction
from bot.redaction import redact as redact_tokens

__all__ = ["REDACTED", "TokenRedactingFilter", "install_token_redaction", "redact_tokens"]
