"""The evaluation suite: JSONL cases, pure metrics, baselines, a runner and a floor check."""
