"""The shipped request classifier, read with the embedder it was fitted for, on questions no case holds."""

from __future__ import annotations

import json

import pytest

from bot.retrieval.embedder import Embedder, HashingEmbedder
from bot.retrieval.request_classifier import CLASSIFIER_FILE, THRESHOLD, RequestClassifier

pytestmark = pytest.mark.integration


def test_it_is_fitted_for_minilm_only(minilm: Embedder) -> None:
    fitted = json.loads(CLASSIFIER_FILE.read_text(encoding="utf-8"))
    assert fitted["embedder"] == minilm.name
    assert len(fitted["weights"]) == len(minilm.embed(["a question"])[0])
    assert RequestClassifier.for_embedder(minilm) is not None
    assert RequestClassifier.for_embedder(HashingEmbedder()) is None  # its vectors would mean nothing


@pytest.mark.parametrize(("question", "something_else"), [
    ("Can someone post the slides from Tuesday's workshop in the channel?", True),
    ("Thanks all, great session today - see you at the next steering group!", True),
    ("Our parking app keeps crashing on Android, who do I report it to?", True),
    ("How do we get residents involved in designing services?", False),
    ("Is there a standard for measuring how resilient the city is?", False),
    ("What should our smart city strategy include?", False),
])
def test_it_reads_what_a_question_asks_for(minilm: Embedder, question: str, something_else: bool) -> None:
    classifier = RequestClassifier.for_embedder(minilm)
    assert classifier is not None
    assert (classifier.probability(question) >= THRESHOLD) is something_else
