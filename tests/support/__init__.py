"""Test tooling shared by the test tiers and the benchmarks: mocks, simulators, fakes (never shipped)."""
