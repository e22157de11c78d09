"""Open the HTML report of a 20-stakeholder assessment in headless Chromium and check what it shows."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from bot.knowledge import KnowledgeBase
from bot.reports.render import ReportFormat, write_report
from bot.scoring.sample import sample_scoring_input
from bot.scoring.score import score_assessment

pytestmark = pytest.mark.integration
WIDTH, HEIGHT = 1280, 2000


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail("headless Chromium is missing: run `bash scripts/browser.sh` (make test does)")
    return found


def screenshot(html: Path, png: Path, profile: Path, width: int = WIDTH, height: int = HEIGHT) -> None:
    subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", f"--user-data-dir={profile}", f"--screenshot={png}",
         f"--window-size={width},{height}", html.resolve().as_uri()],
        check=True, capture_output=True, timeout=120,
    )


def test_a_real_browser_shows_the_report(kb: KnowledgeBase, tmp_path: Path) -> None:
    result = score_assessment(sample_scoring_input(kb, stakeholders=20), kb)
    [html] = write_report(result, ReportFormat.HTML, tmp_path / "report.html")
    png = tmp_path / "shot.png"
    screenshot(html, png, tmp_path / "profile")
    assert png.stat().st_size > 50_000
    image = Image.open(png).convert("RGB")
    assert image.size == (WIDTH, HEIGHT)
    colours = image.getcolors(maxcolors=1 << 22)
    assert colours is not None
    assert len(colours) > 500  # text, charts and shading, not a blank or error page
    white = sum(count for count, colour in colours if colour == (255, 255, 255))
    assert white < 0.93 * WIDTH * HEIGHT
    # the radar chart's blue series reached the screen (the inline PNG was decoded and painted)
    blue = sum(count for count, (r, g, b) in colours if b > 110 and r < 40 and 60 < g < 100)
    assert blue > 500
    # the dark header band of the page's top (title text) is there
    top = image.crop((0, 0, WIDTH, 120)).getcolors(maxcolors=1 << 20)
    assert top is not None and len(top) > 20
