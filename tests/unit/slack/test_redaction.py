from __future__ import annotations

from bot.adapters.slack.redaction import TokenRedactingFilter, install_token_redaction, redact_tokens
from tests.support.logs import collected_records


def test_slack_tokens_and_given_secrets_are_redacted() -> None:
    text = "bot xoxb-123-456-abc app xapp-1-A0-99-ff secret s3cr3t-signing"
    cleaned = redact_tokens(text, ["s3cr3t-signing"])
    assert "xoxb-" not in cleaned and "xapp-" not in cleaned and "s3cr3t" not in cleaned
    assert cleaned.count("[redacted]") == 3


def test_the_filter_rewrites_records_and_tracebacks() -> None:
    with collected_records("test.redaction") as (logger, handler, records):
        install_token_redaction(["hunter2"], logger=logger)
        install_token_redaction(["hunter2"], logger=logger)  # idempotent
        assert sum(isinstance(f, TokenRedactingFilter) for f in handler.filters) == 1
        logger.warning("token %s and %s", "xoxb-1-2-3", "hunter2")
        try:
            raise RuntimeError("failed with xoxp-9-9-9")
        except RuntimeError:
            logger.exception("boom")
    assert records[0] == "token [redacted] and [redacted]"
    assert "xoxp-9-9-9" not in records[1] and "[redacted]" in records[1]
