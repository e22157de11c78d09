"""The embedder in front of the engine remembers recent texts: a probe reply does not embed the answer again."""

from bot.retrieval.embedder import HashingEmbedder, RecentTextsEmbedder


class CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(list(texts))
        return super().embed(texts)


def test_small_batches_are_remembered_and_only_new_texts_are_embedded() -> None:
    inner = CountingEmbedder()
    remembering = RecentTextsEmbedder(inner, size=10, largest_batch=5)
    first = remembering.embed(["a vision", "a strategy"])
    again = remembering.embed(["a strategy", "a vision", "KPIs"])
    assert again[:2] == [first[1], first[0]] and again[2] == HashingEmbedder().embed(["KPIs"])[0]
    assert inner.calls == [["a vision", "a strategy"], ["KPIs"]]


def test_large_batches_pass_straight_through_and_the_memory_is_bounded() -> None:
    inner = CountingEmbedder()
    remembering = RecentTextsEmbedder(inner, size=2, largest_batch=2)
    remembering.embed(["one", "two", "three"])
    remembering.embed(["four"])
    remembering.embed(["five"])
    remembering.embed(["six"])
    remembering.embed(["four"])  # forgotten: only the last two are kept
    assert inner.calls == [["one", "two", "three"], ["four"], ["five"], ["six"], ["four"]]
