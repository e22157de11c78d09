"""The wheel ships the product only: test tooling and benchmarks stay in the source tree."""

from __future__ import annotations

import re
import tomllib

from setuptools import find_packages

from bot.config import PROJECT_ROOT, Settings
from bot.resources import shipped_folder

TOOLING = {"mock_web_api", "mock_recorder", "simulator", "bot_processes", "bench", "bench_stakeholder"}
# what used to live in bot/ although the product never ran it: benchmarks and test fixtures
MOVED_OUT = ("interview/benchmark.py", "reports/benchmark.py", "retrieval/bench.py", "retrieval/tuning.py",
             "retrieval/memory_index.py", "scoring/sample.py")


def test_package_discovery_ships_bot_only_with_its_evaluation_but_no_tests_benchmarks_or_eval_data() -> None:
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    shipped = find_packages(str(PROJECT_ROOT), include=include)
    assert {"bot", "bot.adapters.slack", "bot.evaluation", "bot.resources"} <= set(shipped)
    assert {name.split(".")[0] for name in shipped} == {"bot"}
    assert (PROJECT_ROOT / "benchmarks" / "slack.py").is_file() and (PROJECT_ROOT / "tests/support/slack").is_dir()
    assert (PROJECT_ROOT / "evals" / "check_floor.py").is_file() and (PROJECT_ROOT / "evals" / "floor.json").is_file()


def test_the_slack_adapter_holds_no_test_tooling_and_the_product_never_imports_it() -> None:
    assert not {path.stem for path in (PROJECT_ROOT / "bot/adapters/slack").glob("*.py")} & TOOLING
    assert not [name for name in MOVED_OUT if (PROJECT_ROOT / "bot" / name).exists()]
    importing = re.compile(r"^\s*(from|import)\s+(tests|benchmarks|evals)\b", re.MULTILINE)
    offenders = [str(path.relative_to(PROJECT_ROOT)) for path in (PROJECT_ROOT / "bot").rglob("*.py")
                 if importing.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_in_a_checkout_the_settings_read_the_repository_knowledge_and_prompts() -> None:
    settings = Settings()
    assert settings.knowledge_dir == shipped_folder("knowledge") == PROJECT_ROOT / "knowledge"
    assert settings.prompts_dir == shipped_folder("prompts") == PROJECT_ROOT / "prompts"
    assert not (PROJECT_ROOT / "bot" / "resources" / "knowledge").exists()  # copied into the wheel only


def test_no_module_of_the_product_writes_the_environment() -> None:
    writing = re.compile(r"os\.environ(\s*\[[^\]]+\]\s*=(?!=)|\.(setdefault|update|pop|popitem|clear)\b)"
                         r"|os\.(putenv|unsetenv)\b|\benviron\[[^\]]+\]\s*=(?!=)")
    offenders = [str(path.relative_to(PROJECT_ROOT)) for path in (PROJECT_ROOT / "bot").rglob("*.py")
                 if writing.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_one_percentile_helper_serves_the_eval_and_every_benchmark() -> None:
    trees = ("bot", "benchmarks", "evals", "tests/support")
    helpers = [str(path.relative_to(PROJECT_ROOT)) for tree in trees for path in (PROJECT_ROOT / tree).rglob("*.py")
               if re.search(r"^\s*def \w*percentile\w*\(", path.read_text(encoding="utf-8"), re.MULTILINE)]
    assert helpers == ["bot/evaluation/metrics.py"]
    for path in (PROJECT_ROOT / "benchmarks").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "p95" in text or "median" in text:
            assert "from bot.evaluation.metrics import percentile" in text, path.name
            assert "statistics." not in text, path.name


def test_quadratic_weighted_kappa_is_scikit_learns_and_defined_once() -> None:
    trees = ("bot", "benchmarks", "evals", "tests")
    helpers = [str(path.relative_to(PROJECT_ROOT)) for tree in trees for path in (PROJECT_ROOT / tree).rglob("*.py")
               if re.search(r"^\s*def (?!test_)\w*kappa\w*\(", path.read_text(encoding="utf-8"), re.MULTILINE)]
    assert helpers == ["bot/evaluation/metrics.py"]
    assert "cohen_kappa_score(" in (PROJECT_ROOT / "bot/evaluation/metrics.py").read_text(encoding="utf-8")


def test_test_tooling_is_written_once_in_tests_support() -> None:
    def defined(pattern: str) -> list[str]:
        return sorted(str(path.relative_to(PROJECT_ROOT)) for tree in ("tests", "benchmarks")
                      for path in (PROJECT_ROOT / tree).rglob("*.py")
                      if re.search(pattern, path.read_text(encoding="utf-8"), re.MULTILINE))

    assert defined(r"^\s*def (free_port|wait_for_port|wait_until_ready)\(") == ["tests/support/ports.py"]
    assert defined(r'\.bind\(\("127\.0\.0\.1", 0\)\)') == ["tests/support/ports.py"]  # a free port
    assert defined(r"^class (Fake\w*Engine|InterruptedEngine|Fake\w*Answerer)\b") == ["tests/support/fakes.py"]
    assert defined(r"def \w+\(self, question: str\) -> StandardsAnswer|def \w+\(question: str\) -> StandardsAnswer") \
        == ["tests/support/fakes.py"]
