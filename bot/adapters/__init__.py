"""Adapters translate between a channel (CLI, terminal, Slack) and the domain core. Nothing else."""
