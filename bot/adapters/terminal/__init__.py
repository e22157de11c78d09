"""The terminal channel: the interview in a Rich console, or piped one reply per line."""
