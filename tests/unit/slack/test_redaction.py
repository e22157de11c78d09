from __future__ import annotations

import logging

from bot.adapters.slack.redaction import TokenRedactingFilter, install_token_redaction, redact_tokens


def test_slack_tokens_and_given_secrets_are_redacted() -> None:
    text = "bot xoxb-123-456-abc app xapp-1-A0-99-ff secret s3cr3t-signing"
    cleaned = redact_tokens(text, ["s3cr3t-signing"])
    assert "xoxb-" not in cleaned and "xapp-" not in cleaned and "s3cr3t" not in cleaned
    assert cleaned.count("[redacted]") == 3


def test_the_filter_rewrites_records_and_tracebacks() -> None:
    logger = logging.getLogger("test.redaction")
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    handler = Collect()
    logger.addHandler(handler)
    logger.propagate = False
    try:
        install_token_redaction(["hunter2"], logger=logger)
        install_token_redaction(["hunter2"], logger=logger)  # idempotent
        assert sum(isinstance(f, TokenRedactingFilter) for f in handler.filters) == 1
        logger.warning("token %s and %s", "xoxb-1-2-3", "hunter2")
        try:
            raise RuntimeError("failed with xoxp-9-9-9")
        except RuntimeError:
            logger.exception("boom")
    finally:
        logger.removeHandler(handler)
    assert records[0] == "token [redacted] and [redacted]"
    assert "xoxp-9-9-9" not in records[1] and "[redacted]" in records[1]
