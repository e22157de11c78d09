"""Level suggestion: the deterministic default engine and the optional, guarded LLM engine."""
