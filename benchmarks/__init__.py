"""Benchmarks: speed and integrity numbers, run from a source checkout (`make bench`), never shipped."""
