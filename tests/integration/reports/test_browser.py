"""Open the HTML report of a 20-stakeholder assessment in headless Chromium and check what it shows."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

from bot.knowledge import KnowledgeBase
from bot.reports.render import ReportFormat, write_report
from bot.scoring.score import score_assessment
from tests.support.chromium import browser_required, find_chromium, open_page
from tests.support.partial_assessment import CONSENSUS_REASON, partial_scoring_input
from tests.support.sample_assessment import sample_scoring_input

pytestmark = pytest.mark.integration
WIDTH, HEIGHT = 1280, 2000


def _chromium() -> str:
    found = find_chromium()
    if found is None:
        if browser_required():
            pytest.fail("headless Chromium is missing: run `bash scripts/browser.sh` (make test does)")
        pytest.skip("headless Chromium is not installed: `bash scripts/browser.sh` installs it; under `make test` "
                    "this test runs and fails without it")
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


_ROW = "Array.from(document.querySelectorAll('#{section} tbody tr')).find(r => r.cells[0].innerText.trim() === '{id}')"


def test_a_reader_sees_skipped_unrated_and_the_facilitators_reason(kb: KnowledgeBase, tmp_path: Path) -> None:
    """A half-done assessment, read in a real browser: rendered text, styles and pictures, not the HTML source."""
    result = score_assessment(partial_scoring_input(kb), kb)
    [html] = write_report(result, ReportFormat.HTML, tmp_path / "partial.html")
    with open_page(_chromium(), html.resolve().as_uri(), tmp_path / "profile") as page:
        text = page.evaluate("document.body.innerText")
        assert "7 of 93 levels confirmed (8% complete); 6 skipped or don't know; 27 characteristics not rated yet." \
            in text
        assert "3 stakeholders" in text

        # the facilitator's consensus and why, in the row of 4.3
        consensus = page.evaluate(_ROW.format(section="gaps", id="4.3") + ".cells[5].innerText")
        assert consensus == f"facilitator fay: {CONSENSUS_REASON}"

        # an unrated characteristic reads "not rated" in grey italics, never a blank or a 0
        cell = _ROW.format(section="gaps", id="1.1.2") + ".cells[2]"
        assert page.evaluate(cell + ".innerText") == "not rated"
        style = page.evaluate(f"(s => [s.fontStyle, s.color])(getComputedStyle({cell}.querySelector('span')))")
        assert style == ["italic", "rgb(74, 74, 74)"]
        skipped = page.evaluate(_ROW.format(section="gaps", id="1.2.2") + ".cells[7].innerText")
        assert skipped == "0 of 3 confirmed; 3 skipped or don't know"

        # sub-dimension 1.2: one characteristic of three scored, 11% of levels confirmed, 6 skipped
        cells = page.evaluate(_ROW.format(section="scores", id="1.2") + ".innerText").split("\t")
        assert cells[5:] == ["1 of 3", "11%", "6"]

        weakest = page.evaluate("document.getElementById('weakest').innerText")
        assert "ranked among the 4 rated characteristics" in weakest
        assert "27 characteristics are not rated yet and not ranked: 1.1.2, 1.2.2" in weakest
        assert [h.split()[0] for h in page.evaluate(
            "Array.from(document.querySelectorAll('#weakest h3')).map(h => h.innerText)")] == [
            "1.3.1", "1.2.1", "1.1.1", "4.3"]

        # both charts were decoded and painted; the radar says which points it leaves out
        assert all(width > 600 for width in page.evaluate(
            "Array.from(document.images).map(i => i.complete ? i.naturalWidth : 0)"))
        assert "Not rated, so no point is drawn: 1.1.2, 1.2.2" in page.evaluate("document.images[0].alt")

        # in print, a table's caption keeps its header and first rows on the same page
        page.send("Emulation.setEmulatedMedia", {"media": "print"})
        breaks = page.evaluate("[getComputedStyle(document.querySelector('#gaps thead')).breakAfter, "
                               "getComputedStyle(document.querySelector('#gaps tbody tr')).breakBefore]")
        assert breaks == ["avoid", "avoid"]


def test_a_lone_stakeholder_is_one_stakeholder(kb: KnowledgeBase, tmp_path: Path) -> None:
    result = score_assessment(partial_scoring_input(kb, stakeholders=["ana"]), kb)
    [html] = write_report(result, ReportFormat.HTML, tmp_path / "alone.html")
    with open_page(_chromium(), html.resolve().as_uri(), tmp_path / "profile") as page:
        text = page.evaluate("document.body.innerText")
    assert "1 stakeholder ·" in text and "1 stakeholders" not in text
