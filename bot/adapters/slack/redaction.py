"""Keep Slack tokens and secrets out of every log line.

slack_sdk already hides the Authorization header, but a token can still travel in a form body, an
error message or a URL. `install_token_redaction` puts a filter on the root logger's handlers that
rewrites any record before it is written.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

TOKEN_PATTERN = re.compile(r"\b(xox[abposre]|xapp)-[A-Za-z0-9-]+")
REDACTED = "[redacted]"


def redact_tokens(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with every Slack-looking token and every given secret replaced by "[redacted]"."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return TOKEN_PATTERN.sub(REDACTED, text)


class TokenRedactingFilter(logging.Filter):
    def __init__(self, secrets: Iterable[str] = ()):
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact_tokens(message, self.secrets)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            # Formatters reuse a filled-in exc_text instead of formatting the exception again.
            record.exc_text = redact_tokens(logging.Formatter().formatException(record.exc_info), self.secrets)
        return True


def install_token_redaction(secrets: Iterable[str] = (), logger: logging.Logger | None = None) -> TokenRedactingFilter:
    """Attach one redacting filter to every handler of `logger` (the root logger by default)."""
    target = logger or logging.getLogger()
    token_filter = TokenRedactingFilter(secrets)
    for handler in target.handlers:
        if not any(isinstance(f, TokenRedactingFilter) for f in handler.filters):
            handler.addFilter(token_filter)
    return token_filter
