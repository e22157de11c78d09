"""The core's redaction: every secret setting, and anything shaped like a credential, becomes "[redacted]"."""

from __future__ import annotations

from pydantic import SecretStr

from bot.config import Settings
from bot.redaction import RedactingFilter, install_log_redaction, redact, remember_secrets, secrets_of
from tests.support.logs import collected_records


def test_every_secret_setting_is_known() -> None:
    settings = Settings(llm_api_key=SecretStr("llm-key-1234567"), slack_bot_token=SecretStr("xoxb-1-2-abc"),
                        slack_signing_secret=SecretStr("signing-secret-99"), slack_app_token=SecretStr("xapp-1-A-2"),
                        database_url="postgresql+psycopg://mmssc:db-pass-4321@db.example:5432/mmssc",
                        llm_base_url="https://proxy:proxy-pass-77@llm.example/v1")
    assert set(secrets_of(settings)) == {"llm-key-1234567", "xoxb-1-2-abc", "signing-secret-99", "xapp-1-A-2",
                                         "db-pass-4321", "proxy-pass-77"}
    assert secrets_of(Settings()) == []


def test_given_and_remembered_secrets_and_credential_shapes_are_redacted() -> None:
    remember_secrets(["remembered-value-31337", "abc"])  # too short to replace safely: only inside URLs
    text = ("given given-secret-000 remembered remembered-value-31337 slack xoxb-123-456-abc app xapp-1-A0-99-ff "
            "openai sk-proj-ABCDEFGHIJKLMNOP anthropic sk-ant-api03-abcdefghijklmnop bearer Bearer eyJhbGciOi.J9x "
            "url postgresql://user:abc@host/db word abc")
    cleaned = redact(text, ["given-secret-000"])
    for secret in ("given-secret-000", "remembered-value-31337", "xoxb-", "xapp-", "sk-proj", "sk-ant", "eyJhb",
                   "user:abc@"):
        assert secret not in cleaned, secret
    assert cleaned.endswith("url postgresql://[redacted]@host/db word abc")
    assert redact("no secrets here: sk-short, level 3") == "no secrets here: sk-short, level 3"


def test_the_log_filter_rewrites_messages_and_tracebacks_and_is_installed_once() -> None:
    with collected_records("test.core.redaction") as (logger, handler, records):
        install_log_redaction(["hunter2-pass"], logger=logger)
        install_log_redaction(["second-secret"], logger=logger)  # added to the one filter, not a second filter
        assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
        logger.warning("keys %s and %s", "hunter2-pass", "second-secret")
        try:
            raise RuntimeError("Incorrect API key provided: sk-live-0123456789abcdef")
        except RuntimeError:
            logger.exception("provider failed")
    assert records[0] == "keys [redacted] and [redacted]"
    assert "sk-live" not in records[1] and "[redacted]" in records[1]
