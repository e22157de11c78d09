"""The repository's evaluation data and its floor check: dev and held-out test cases, the committed
results, `floor.json` and `python -m evals.check_floor` (run by `make test`). The code that runs an
evaluation ships with the product, in `bot.evaluation`."""
