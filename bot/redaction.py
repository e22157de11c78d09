"""Keep secrets out of everything the product prints, logs or stores.

The secrets are the settings' own (`secrets_of(settings)`: the LLM API key, the Slack tokens and
signing secret, the password of a database or LLM URL), remembered for the whole process by
`remember_secrets` when an `AppContext` is built, plus anything shaped like a credential (Slack
tokens, `sk-...` API keys, `Bearer ...`, a password inside a URL) even when nobody configured it.

    remember_secrets(secrets_of(settings))
    redact("Incorrect API key provided: sk-live-123...")   # -> "Incorrect API key provided: [redacted]"
    install_log_redaction()                                 # every log line from now on

What people typed (answers, names) is stored as typed; only messages that come from services and
errors (log lines, error messages, an LLM engine's fallback reason) go through here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from bot.config import Settings

REDACTED = "[redacted]"
# Shorter values would blank out ordinary words; such secrets are still caught inside URLs (below).
MIN_SECRET_LENGTH = 6

CREDENTIAL_PATTERNS = (
    re.compile(r"\b(?:xox[abposre]|xapp)-[A-Za-z0-9-]+"),  # Slack bot, user and app tokens
    re.compile(r"\bsk-[A-Za-z0-9_-]{12,}"),  # OpenAI-style and Anthropic API keys
    re.compile(r"(?i)(?<=\bbearer )[A-Za-z0-9._~+/=-]{8,}"),  # an Authorization header's value
    re.compile(r"(?<=://)[^/\s:@]*:[^/\s@]+(?=@)"),  # user:password@ inside any URL
)

_remembered: set[str] = set()


def secrets_of(settings: Settings) -> list[str]:
    """Every secret value the settings hold: SecretStr fields and passwords inside URLs."""
    found = [value.get_secret_value() for value in (settings.llm_api_key, settings.slack_bot_token,
                                                     settings.slack_signing_secret, settings.slack_app_token)
             if value is not None]
    for url in (settings.database_url, settings.llm_base_url):
        found += _url_credentials(url)
    return found


def remember_secrets(secrets: Iterable[str]) -> None:
    """Redact these values everywhere in this process from now on."""
    _remembered.update(s for s in secrets if s and len(s) >= MIN_SECRET_LENGTH)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with every remembered or given secret, and everything shaped like one, replaced by "[redacted]"."""
    known = sorted({*_remembered, *(s for s in secrets if s and len(s) >= MIN_SECRET_LENGTH)}, key=len,
                   reverse=True)  # longest first, so a secret containing another is hidden whole
    for secret in known:
        text = text.replace(secret, REDACTED)
    for pattern in CREDENTIAL_PATTERNS:
        text = pattern.sub(REDACTED, text)
    return text


class RedactingFilter(logging.Filter):
    """A logging filter that rewrites a record's message and traceback before any handler writes it."""

    def __init__(self, secrets: Iterable[str] = ()):
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message, self.secrets)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            # Formatters reuse a filled-in exc_text instead of formatting the exception again.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info), self.secrets)
        return True


def install_log_redaction(secrets: Iterable[str] = (), logger: logging.Logger | None = None) -> RedactingFilter:
    """Attach one redacting filter to every handler of `logger` (the root logger by default). Idempotent:
    a handler that has one already gets the new secrets added to it."""
    target = logger or logging.getLogger()
    wanted = [s for s in secrets if s]
    shared = RedactingFilter(wanted)
    for handler in target.handlers:
        existing = next((f for f in handler.filters if isinstance(f, RedactingFilter)), None)
        if existing is None:
            handler.addFilter(shared)
        else:
            existing.secrets.extend(s for s in wanted if s not in existing.secrets)
    return shared


def _url_credentials(url: str | None) -> list[str]:
    if not url or "://" not in url:
        return []
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return []
    return [password] if password else []
