"""The wheel ships the product only: test tooling and benchmarks stay in the source tree."""

from __future__ import annotations

import re
import tomllib

from setuptools import find_packages

from bot.config import PROJECT_ROOT

TOOLING = {"mock_web_api", "mock_recorder", "simulator", "bot_processes", "bench", "bench_stakeholder"}


def test_package_discovery_ships_bot_and_evals_but_no_tests_or_benchmarks() -> None:
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    shipped = find_packages(str(PROJECT_ROOT), include=include)
    assert {"bot", "bot.adapters.slack", "evals"} <= set(shipped)
    assert {name.split(".")[0] for name in shipped} == {"bot", "evals"}
    assert (PROJECT_ROOT / "benchmarks" / "slack.py").is_file() and (PROJECT_ROOT / "tests/support/slack").is_dir()


def test_the_slack_adapter_holds_no_test_tooling_and_the_product_never_imports_it() -> None:
    assert not {path.stem for path in (PROJECT_ROOT / "bot/adapters/slack").glob("*.py")} & TOOLING
    importing = re.compile(r"^\s*(from|import)\s+(tests|benchmarks)\b", re.MULTILINE)
    offenders = [str(path.relative_to(PROJECT_ROOT)) for path in (PROJECT_ROOT / "bot").rglob("*.py")
                 if importing.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
