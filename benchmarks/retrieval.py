"""`mmssc bench retrieval`: index build time, cold start and warm `ask` latency, measured for real.

Index build and warm latency run in this process against a fresh embedded Chroma in a temporary
directory; cold start runs `mmssc ask` in a new Python process (imports, model load, opening the index
and one answer), so it includes everything a person waits for on the first question.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel

from benchmarks import CHECKOUT
from bot.config import Settings
from bot.evaluation.metrics import percentile
from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import Embedder, cpu_threads, limit_cpu_threads
from bot.retrieval.factory import open_retriever
from bot.retrieval.retriever import RetrievalMode
from bot.retrieval.standards import answer_standards_question

FALLBACK_QUESTIONS = (
    "Is there an ISO standard for an open data portal that startups use?",
    "Which standard helps with digital inclusion of older residents?",
    "KPIs for smart city?",
    "How do we manage procurement so small suppliers can compete?",
    "waste collection and recycling in local government",
)
# Ways people phrase the same question, so 200 timed questions are not 60 cached repeats.
_VARIATIONS = (
    "{q}",
    "Hi! {q} Thanks.",
    "{lower}",
    "Quick question from the city team: {q}",
)


class RetrievalBenchResult(BaseModel):
    embedder: str
    documents: int
    model_load_seconds: float
    index_build_seconds: float
    cold_start_seconds: float | None
    warm_questions: int
    warm_p50_ms: float
    warm_p95_ms: float
    warm_max_ms: float
    mode: RetrievalMode
    cpus: int | None
    torch_threads: int | None  # the threads torch used; None for an embedder without torch
    load_average_1min: float  # other work on the machine inflates every number above


def benchmark_questions(count: int = 200) -> list[str]:
    """`count` questions: the standards eval questions, then phrasing variations of them."""
    base: list[str] = []
    for path in sorted((CHECKOUT / "evals" / "cases").glob("*/standards.jsonl")):
        base += [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    base = base or list(FALLBACK_QUESTIONS)
    questions = [
        variation.format(q=question, lower=question.lower()) for variation in _VARIATIONS for question in base
    ]
    while len(questions) < count:
        questions += questions
    return questions[:count]


def run_retrieval_benchmark(
    settings: Settings,
    kb: KnowledgeBase,
    embedder: Embedder,
    *,
    questions: int = 200,
    mode: RetrievalMode = RetrievalMode.HYBRID,
    cold_start: bool = True,
    threads: int | None = None,
) -> RetrievalBenchResult:
    """Measure index build, cold start and warm latency (p50/p95 over `questions` questions).

    `threads` caps torch's CPU threads for this run (in-process measurements only); `None` keeps the
    configured value (`MMSSC_EMBEDDER_THREADS`).
    """
    if threads is not None:
        limit_cpu_threads(threads)
    started = time.perf_counter()
    embedder.embed(["warm up the model"])
    model_load = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="mmssc-bench-") as directory:
        bench_settings = settings.model_copy(update={"data_dir": Path(directory), "chroma_host": None})
        retriever, report = open_retriever(bench_settings, kb, embedder, force_rebuild=True)
        answer_standards_question("warm up", kb, retriever, mode=mode)
        timings = []
        for question in benchmark_questions(questions):
            started = time.perf_counter()
            answer_standards_question(question, kb, retriever, mode=mode)
            timings.append((time.perf_counter() - started) * 1000)
        cold = measure_cold_start(bench_settings) if cold_start else None
    return RetrievalBenchResult(
        embedder=embedder.name,
        documents=report.documents,
        model_load_seconds=round(model_load, 3),
        index_build_seconds=report.seconds,
        cold_start_seconds=cold,
        warm_questions=len(timings),
        warm_p50_ms=round(percentile(timings, 50), 2),
        warm_p95_ms=round(percentile(timings, 95), 2),
        warm_max_ms=round(max(timings), 2),
        mode=mode,
        cpus=os.cpu_count(),
        torch_threads=cpu_threads(),
        load_average_1min=round(os.getloadavg()[0], 2),
    )


def measure_cold_start(settings: Settings) -> float:
    """Seconds for a new process to answer one question with `mmssc ask --json` on an existing index."""
    # the caller's environment without its MMSSC_ settings, which are replaced by the bench's own
    environment = {name: value for name, value in os.environ.items() if not name.startswith("MMSSC_")}
    environment |= {
        "MMSSC_DATA_DIR": str(settings.data_dir),
        "MMSSC_KNOWLEDGE_DIR": str(settings.knowledge_dir),
        "MMSSC_EMBEDDER": settings.embedder.value,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    command = [sys.executable, "-m", "bot", "ask", "--json", "Is there a standard for open data?"]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=environment, cwd=CHECKOUT, timeout=300)
    return round(time.perf_counter() - started, 3)

