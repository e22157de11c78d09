"""Fit the request classifier (`bot/retrieval/request_classifier.py`) on the dev standards questions.

    .venv/bin/python scripts/train_request_classifier.py            # writes bot/retrieval/request_classifier.json

A logistic regression on the question's embedding: on topic (expected standards) against off topic (none). It reads
only `evals/cases/dev/standards.jsonl`, never the test cases. Before fitting on everything it prints how it does on
each batch of questions left out in turn (a batch: the questions one writer wrote at one time, `sq12-*`...), the
honest estimate of how it does on questions it has not seen. Deterministic: the same cases give the same weights.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from bot.config import Settings  # noqa: E402
from bot.context import AppContext  # noqa: E402
from bot.retrieval.request_classifier import CLASSIFIER_FILE, THRESHOLD  # noqa: E402

CASES = REPOSITORY / "evals" / "cases" / "dev" / "standards.jsonl"
REGULARISATION = 1.0  # sklearn's C; left out batch by batch, 0.3 caught fewer, 3 rejected on-topic questions


def batch_of(case_id: str) -> str:
    return re.sub(r"-\d+[a-z]?$", "", re.sub(r"^sqo", "sq", case_id))


def main() -> None:
    rows = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    embedder = AppContext(Settings()).embedder
    vectors = np.asarray(embedder.embed([row["question"] for row in rows]), dtype=np.float64)
    off_topic = np.array([0 if row["expected_standards"] else 1 for row in rows])
    batches = [batch_of(row["id"]) for row in rows]

    scores = np.zeros(len(rows))
    for batch in sorted(set(batches)):
        left_out = np.array([b == batch for b in batches])
        model = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(vectors[~left_out], off_topic[~left_out])
        scores[left_out] = model.predict_proba(vectors[left_out])[:, 1]
    caught = (scores[off_topic == 1] >= THRESHOLD).mean()
    rejected = int((scores[off_topic == 0] >= THRESHOLD).sum())
    print(f"left out batch by batch ({len(set(batches))} batches), at {THRESHOLD}: off topic caught {caught:.3f}, "
          f"on topic rejected {rejected} of {int((off_topic == 0).sum())}")

    model = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(vectors, off_topic)
    CLASSIFIER_FILE.write_text(json.dumps({
        "embedder": embedder.name,
        "trained_on": f"evals/cases/dev/standards.jsonl: {int((off_topic == 0).sum())} on topic, "
                      f"{int(off_topic.sum())} off topic",
        "held_out_estimate": {"off_topic_caught": round(float(caught), 3), "on_topic_rejected": rejected},
        "bias": round(float(model.intercept_[0]), 7),
        "weights": [round(float(w), 7) for w in model.coef_[0]],
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {CLASSIFIER_FILE.relative_to(REPOSITORY)}")


if __name__ == "__main__":
    main()
