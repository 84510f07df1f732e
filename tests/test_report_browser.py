"""The HTML report as a reader meets it: Debian's Chromium, driven by Playwright, opens LivA's
report in Swedish. No console error and no request but the file itself; the key figures as
text; every chart drawn; no horizontal overflow on a desktop or a phone; A4 pages in print.
Screenshots and the PDF are kept in tests/artifacts/ to look at."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LIVA, ROOT, run_cli, system_tool

NBSP = "\u00a0"
ARTIFACTS = ROOT / "tests" / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
A4_POINTS = (595.92, 842.88)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report") / "liva.html"
    result = run_cli("report", LIVA, "-o", target, "--lang", "sv", "--draws", "5000")
    assert result.code == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def browser() -> Any:
    chromium = system_tool("chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        yield launched
        launched.close()


def _open(browser: Any, report: Path, width: int, height: int) -> tuple[Any, list[str],
                                                                          list[str]]:
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


def test_the_report_opens_clean_with_its_figures_and_charts(browser: Any, report: Path) -> None:
    page, errors, requests = _open(browser, report, 1280, 900)
    assert errors == []
    assert requests == [report.as_uri()]  # nothing but the file: no font, image, script
    text = page.inner_text("body")
    for figure in ("2,75 mkr", "1,2 mkr", "600 000 kr", "175 000 kr", "16,3 %"):
        assert figure.replace(" ", NBSP) in text, figure
    charts = page.query_selector_all("figure svg")
    assert len(charts) >= 6  # two payback curves, two tornados, the histograms
    for chart in charts:
        box = chart.bounding_box()
        assert box is not None
        assert box["width"] > 300
        assert box["height"] > 150
    assert page.locator("figure svg text", has_text=f"1{NBSP}mkr").count() > 0  # axis values
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "liva-report-desktop.png"), full_page=False)
    page.locator("#s2").screenshot(path=str(ARTIFACTS / "liva-report-curves.png"))
    page.locator("#s4 figure").first.screenshot(path=str(ARTIFACTS / "liva-report-tornado.png"))


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (375, 740)])
def test_no_horizontal_overflow(browser: Any, report: Path, width: int, height: int) -> None:
    page, _, _ = _open(browser, report, width, height)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    if width < 500:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "liva-report-phone.png"))


def test_print_to_pdf_gives_a4_pages(browser: Any, report: Path) -> None:
    page, _, _ = _open(browser, report, 1280, 900)
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "liva-report.pdf").write_bytes(pdf)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) >= 6  # sections start on their own page
    for width, height in boxes:
        assert (float(width), float(height)) == pytest.approx(A4_POINTS, abs=1)
