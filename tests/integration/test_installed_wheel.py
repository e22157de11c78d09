"""The wheel on its own: built from the sources, installed into a fresh virtual environment without the
editable install, it finds the knowledge base and prompts it ships, from any directory.

The fresh environment borrows only the dependencies: a .pth file lists the project venv's site-packages,
whose own .pth files (the editable finder among them) Python does not process from there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.knowledge import KnowledgeBase

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "bot", "knowledge", "prompts")
QUESTION = "we want an open data portal that startups actually use: is there an ISO standard for that?"


@dataclass(frozen=True)
class Installed:
    wheel: Path
    python: Path
    mmssc: Path
    site_packages: Path
    elsewhere: Path  # an empty directory to run from
    environment: dict[str, str]

    def run(self, *command: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(part) for part in command], cwd=self.elsewhere, env=self.environment,
                              capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    for name in SOURCES:  # a copy, so building leaves nothing behind in the checkout
        if (PROJECT_ROOT / name).is_dir():
            shutil.copytree(PROJECT_ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(PROJECT_ROOT / name, source / name)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                            "--wheel-dir", str(root / "dist"), str(source)],
                           capture_output=True, text=True, timeout=600, check=False)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    [wheel] = (root / "dist").glob("mmssc_bot-*.whl")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root / "venv")], check=True, timeout=120)
    python = root / "venv" / "bin" / "python"
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site_packages = Path(subprocess.run([str(python), "-c", purelib], capture_output=True, text=True,
                                        check=True).stdout.strip())
    (site_packages / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installing = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                                 "--no-index", str(wheel)], capture_output=True, text=True, timeout=300, check=False)
    assert installing.returncode == 0, installing.stdout[-3000:] + installing.stderr[-3000:]
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(root), "LANG": "C.UTF-8",
                   "MMSSC_DATA_DIR": str(root / "data"), "MMSSC_EMBEDDER": "hashing"}
    return Installed(wheel, python, root / "venv" / "bin" / "mmssc", site_packages, elsewhere, environment)


def test_the_wheel_ships_bot_with_its_knowledge_prompts_and_migrations_only(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"bot", installed.wheel.name.split("-py3")[0] + ".dist-info"}
    for shipped in ("bot/resources/knowledge/characteristics/4-purposes.json", "bot/resources/knowledge/annex_b.json",
                    "bot/resources/prompts/standards_answer.md", "bot/resources/prompts/suggest_level.md",
                    "bot/storage/migrations/versions/0001_initial.py", "bot/evaluation/runner.py"):
        assert shipped in names


def test_the_installed_package_is_the_wheel_and_reads_its_own_data(installed: Installed) -> None:
    where = installed.run(installed.python, "-c", "import sys, bot; from bot.config import Settings; s = Settings(); "
                          "print(bot.__file__); print(s.knowledge_dir); print(s.prompts_dir); "
                          "print(any('editable' in repr(finder) for finder in sys.meta_path))")
    assert where.returncode == 0, where.stderr
    module, knowledge, prompts, editable = where.stdout.split("\n")[:4]
    for path in (module, knowledge, prompts):
        assert Path(path).is_relative_to(installed.site_packages), path
    assert editable == "False"


def test_knowledge_list_and_ask_work_from_another_directory(installed: Installed, kb: KnowledgeBase) -> None:
    listed = installed.run(installed.python, "-m", "bot", "knowledge", "list")
    assert listed.returncode == 0, listed.stderr
    assert f"31 characteristics (knowledge {kb.short_version})" in listed.stdout  # the same bytes as knowledge/
    asked = installed.run(installed.mmssc, "ask", "--json", QUESTION)
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["kind"] == "matched" and answer["knowledge_version"] == kb.version
    assert answer["standards"] and all(kb.has_entry(hit["source"]) for hit in answer["standards"])
    assert list(installed.elsewhere.iterdir()) == []  # nothing read from or written to the current directory


def test_a_benchmark_from_the_wheel_says_where_benchmarks_run(installed: Installed) -> None:
    ran = installed.run(installed.mmssc, "bench", "report")
    assert ran.returncode == 1 and "Traceback" not in ran.stderr
    assert ran.stderr.strip() == ("`mmssc bench report` runs from a source checkout of mmssc-bot (`make bench` "
                                  "there); this installation has no benchmarks.")
