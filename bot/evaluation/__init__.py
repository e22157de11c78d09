"""Measuring the engine on cases: JSONL case loading, pure metrics, baselines, simulated dialogues, the
runner and its report, and turning an assessment's confirmed levels into cases (`mmssc eval`,
`mmssc eval export`). The repository's own cases, committed results and floor live in `evals/`."""
