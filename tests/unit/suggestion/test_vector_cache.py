"""The on-disk cache of condition vectors: same suggestions with and without it, corrupt files ignored."""

from pathlib import Path

import numpy as np
import pytest

from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder
from bot.suggestion import condition_index
from bot.suggestion.default_engine import DefaultSuggestionEngine
from bot.suggestion.factory import build_engine, condition_cache_dir
from bot.suggestion.vector_cache import cache_path, load_vectors, save_vectors

ANSWERS = [
    ("1.1.1", "Our published vision sets out clear objectives for economic, social and environmental outcomes. "
              "There are KPIs for each objective and residents can comment on progress online."),
    ("1.1.1", "We don't have a vision. Each department has its own plan."),
    ("1.2.1", "Some departments share data with each other, but there is no city-wide approach yet."),
]


class CountingEmbedder(HashingEmbedder):
    """The hashing embedder, counting how many texts it was asked to embed."""

    def __init__(self) -> None:
        self.texts = 0

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.texts += len(texts)
        return super().embed(texts)


@pytest.fixture(autouse=True)
def fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts like a new process: no index held in memory."""
    monkeypatch.setattr(condition_index, "_indexes", {})


def suggestions(kb: KnowledgeBase, cache_dir: Path | None, embedder: HashingEmbedder | None = None) -> list[str]:
    condition_index._indexes.clear()  # a new process
    engine = DefaultSuggestionEngine(kb, embedder or HashingEmbedder(), cache_dir=cache_dir)
    return [engine.suggest(cid, answer).model_dump_json() for cid, answer in ANSWERS]


def test_same_suggestions_without_cache_cold_and_warm(kb: KnowledgeBase, tmp_path: Path) -> None:
    plain = suggestions(kb, None)
    assert not list(tmp_path.iterdir())
    cold = suggestions(kb, tmp_path)
    files = sorted(tmp_path.rglob("*.npy"))
    assert [f.name for f in files] == ["1.1.1.npy", "1.2.1.npy"]
    counting = CountingEmbedder()
    warm = suggestions(kb, tmp_path, counting)
    assert plain == cold == warm
    phrases = len(condition_index.characteristic_index(kb, counting, "1.1.1").phrases)
    assert counting.texts < phrases  # only the answers' clauses were embedded, not the conditions


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong_rows", "wrong_dtype", "non_finite"])
def test_a_damaged_cache_file_is_ignored_and_rebuilt(kb: KnowledgeBase, tmp_path: Path, damage: str) -> None:
    expected = suggestions(kb, None)
    suggestions(kb, tmp_path)
    path = cache_path(tmp_path, kb.version, HashingEmbedder.name, "1.1.1")
    good = np.load(path)
    if damage == "garbage":
        path.write_bytes(b"not a numpy file at all")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:200])
    elif damage == "wrong_rows":
        np.save(path, good[:-1])
    elif damage == "wrong_dtype":
        np.save(path, good.astype(np.float64))
    else:
        broken = good.copy()
        broken[0, 0] = np.nan
        np.save(path, broken)
    assert load_vectors(path, len(good)) is None
    assert suggestions(kb, tmp_path) == expected
    assert np.array_equal(np.load(path), good)  # rebuilt in place


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "v" / "e" / "c.npy"
    vectors = np.arange(6, dtype=np.float32).reshape(2, 3)
    save_vectors(path, vectors)
    assert [p.name for p in path.parent.iterdir()] == ["c.npy"]
    loaded = load_vectors(path, 2)
    assert loaded is not None and np.array_equal(loaded, vectors)
    assert load_vectors(tmp_path / "missing.npy", 2) is None


def test_factory_puts_the_cache_under_the_data_dir(settings: Settings, kb: KnowledgeBase) -> None:
    engine = build_engine(settings, kb, HashingEmbedder())
    assert isinstance(engine, DefaultSuggestionEngine)
    assert engine.cache_dir == condition_cache_dir(settings) == settings.data_dir / "cache" / "conditions"
    engine.suggest(*ANSWERS[0])
    assert cache_path(settings.data_dir / "cache" / "conditions", kb.version, "hashing-384", "1.1.1").is_file()
