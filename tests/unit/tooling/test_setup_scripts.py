"""The set-up scripts a newcomer meets first: `make run`'s name, quiet installs, the package metadata."""

from __future__ import annotations

import os
import stat
import subprocess
import tomllib
from pathlib import Path

from bot.config import PROJECT_ROOT

SCRIPTS = PROJECT_ROOT / "scripts"


def _env(tmp_path: Path, **values: str) -> dict[str, str]:
    """A minimal environment: no USER, LOGNAME or MMSSC_* from the developer's shell."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TMPDIR": str(tmp_path)}
    env.update(values)
    return env


def _run_script(tmp_path: Path, **values: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPTS / "run.sh")], env=_env(tmp_path, MMSSC_RUN_COMMAND="echo", **values),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30, check=False)


def test_make_run_without_user_falls_back_to_the_login_name(tmp_path: Path) -> None:
    login = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True).stdout.strip()
    run = _run_script(tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"chat --assessment Demo community 2026 --stakeholder {login}"
    assert "you" not in run.stdout.split()


def test_make_run_prefers_mmssc_stakeholder_then_user(tmp_path: Path) -> None:
    assert _run_script(tmp_path, USER="ana").stdout.strip().endswith("--stakeholder ana")
    chosen = _run_script(tmp_path, USER="ana", MMSSC_STAKEHOLDER="Bea Silva", MMSSC_ASSESSMENT="Lisbon 2026")
    assert chosen.stdout.strip() == "chat --assessment Lisbon 2026 --stakeholder Bea Silva"


def test_quietly_prints_nothing_on_success_and_the_log_on_failure(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "install.log"
    ok = subprocess.run(["bash", str(SCRIPTS / "quietly.sh"), str(log), "bash", "-c", "echo lots of output"],
                        capture_output=True, text=True, check=False)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "", "")
    assert "lots of output" in log.read_text()
    failed = subprocess.run(["bash", str(SCRIPTS / "quietly.sh"), str(log), "bash", "-c", "echo why it broke; exit 3"],
                            capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert "why it broke" in failed.stderr and str(log) in failed.stderr


def test_browser_script_uses_an_installed_chromium_without_apt(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("chromium", "apt-get"):
        tool = bin_dir / name
        tool.write_text(f"#!/bin/sh\necho {name} ran >> {tmp_path}/calls\n")
        tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    run = subprocess.run(["bash", str(SCRIPTS / "browser.sh")],
                         env=_env(tmp_path, PATH=f"{bin_dir}:/usr/bin:/bin"), capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0 and run.stdout.strip() == str(bin_dir / "chromium")
    assert run.stderr == "" and not (tmp_path / "calls").exists()


def test_apt_output_goes_to_a_log_and_is_shown_only_when_apt_fails(tmp_path: Path) -> None:
    """Installing with a fake apt-get: the first install fails, the lists are refreshed, the retry works."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    apt = bin_dir / "apt-get"
    apt.write_text(f"#!/bin/sh\necho \"apt-get $*\" >> {tmp_path}/calls\nfor i in $(seq 500); do echo noise $i; done\n"
                   f"[ \"$1\" = update ] && touch {tmp_path}/updated\n[ -e {tmp_path}/updated ]\n")
    apt.chmod(apt.stat().st_mode | stat.S_IEXEC)
    script = f"source {SCRIPTS}/lib/quiet.sh; id() {{ echo 0; }}; apt_install {tmp_path}/apt.log somepkg"
    run = subprocess.run(["bash", "-c", script], env=_env(tmp_path, PATH=f"{bin_dir}:/usr/bin:/bin"),
                         capture_output=True, text=True, check=False)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert (tmp_path / "calls").read_text().splitlines() == [
        "apt-get install -y -q somepkg", "apt-get update -q", "apt-get install -y -q somepkg"]
    (tmp_path / "updated").unlink()
    apt.write_text("#!/bin/sh\necho 'E: Unable to locate package somepkg'\nexit 100\n")
    failed = subprocess.run(["bash", "-c", script], env=_env(tmp_path, PATH=f"{bin_dir}:/usr/bin:/bin"),
                            capture_output=True, text=True, check=False)
    assert failed.returncode == 1 and "Unable to locate package somepkg" in failed.stderr


def test_the_licence_is_an_spdx_expression_with_its_file() -> None:
    """setuptools >= 77 deprecates `license = {text = ...}` tables and warns on every install."""
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "Apache-2.0"
    for name in project["project"]["license-files"]:
        assert "Apache License" in (PROJECT_ROOT / name).read_text(encoding="utf-8")
    assert "setuptools>=77" in project["build-system"]["requires"]
