"""Test tooling shared by the tiers: hostile inputs, fakes, helpers."""
