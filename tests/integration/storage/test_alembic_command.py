"""`alembic revision --autogenerate` works from the repository root with its alembic.ini: against the
configured database, the models and the migrations agree, so a new revision starts empty.

Run on a copy of alembic.ini and the migrations, so the new revision file is not written into the checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT

MIGRATIONS = Path("bot") / "storage" / "migrations"
ALEMBIC = Path(sys.executable).parent / "alembic"  # the console script: the current directory is not on sys.path


def alembic(root: Path, database_url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {name: value for name, value in os.environ.items() if not name.startswith("MMSSC_")}
    environment["MMSSC_DATABASE_URL"] = database_url
    return subprocess.run([str(ALEMBIC), *arguments], cwd=root, env=environment, capture_output=True, text=True,
                          timeout=300, check=False)


def test_autogenerate_from_the_repository_root_writes_an_empty_revision_after_the_head(tmp_path: Path) -> None:
    root = tmp_path / "checkout"
    shutil.copytree(PROJECT_ROOT / MIGRATIONS, root / MIGRATIONS, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(PROJECT_ROOT / "alembic.ini", root / "alembic.ini")
    head = max(path.name[:4] for path in (root / MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    url = f"sqlite:///{tmp_path / 'scratch' / 'migrations.db'}"  # its folder is created, as the product does
    upgraded = alembic(root, url, "upgrade", "head")
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"-> {head}" in upgraded.stderr  # alembic.ini's logging: every step is shown
    generated = alembic(root, url, "revision", "--autogenerate", "--rev-id", "9001", "-m", "Nothing changes")
    assert generated.returncode == 0, generated.stderr
    revision = (root / MIGRATIONS / "versions" / "9001_nothing_changes.py").read_text(encoding="utf-8")
    assert f"down_revision = '{head}'" in revision
    body = re.search(r"def upgrade\(\) -> None:(.*?)\ndef downgrade", revision, re.DOTALL)
    assert body is not None and "op." not in body.group(1) and "pass" in body.group(1)  # models == migrations
    assert not (PROJECT_ROOT / MIGRATIONS / "versions" / "9001_nothing_changes.py").exists()
