"""Deterministic scoring of confirmed levels: pure functions, no I/O, no clock."""
