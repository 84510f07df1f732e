"""The HTML report as a reader meets it: Debian's Chromium, driven by Playwright, opens LivA's
report in Swedish. No console error and no request but the file itself; the key figures as
text; every chart drawn, its text readable and no two labels overlapping; every table within
its box on a desktop and on an A4 page, the inputs with value, unit and source side by side on
a desktop and one block each on a phone; what is folded on screen printed. Screenshots and the
PDF are kept in tests/artifacts/ to look at."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LIVA, LIVA_ACTORS, ROOT, run_cli

NBSP = "\u00a0"
ARTIFACTS = ROOT / "tests" / "artifacts"
A4_POINTS = (595.92, 842.88)
A4_CONTENT_PX = 688  # 210 mm less the page's 2 × 14 mm margins, in CSS pixels
DESKTOP, PHONE, PRINT = (1280, "screen"), (375, "screen"), (A4_CONTENT_PX, "print")
SMALLEST_TEXT_PX = 10

# Every table wider than its box, and every cell whose content spills out of it (a cell that
# does not wrap pushes text over its neighbour or off the page: a box scrolls, a page clips).
TOO_WIDE = """() => {
  const wide = [...document.querySelectorAll('table')]
    .filter(t => t.scrollWidth > t.parentElement.clientWidth)
    .map(t => ({table: t.querySelector('th')?.innerText, width: t.scrollWidth,
                room: t.parentElement.clientWidth, scrolls: t.parentElement.matches('.scroll')}));
  const spilling = [...document.querySelectorAll('td, th')]
    .filter(c => c.offsetParent !== null && c.scrollWidth > c.clientWidth + 1)
    .map(c => c.innerText.slice(0, 60));
  return {wide, spilling};
}"""

# For every chart on show: the size of its text on the screen, texts that overlap, texts that
# stand (partly) outside the drawing, and its text alternative.
CHARTS = """() => [...document.querySelectorAll('figure svg')]
  .filter(s => s.getClientRects().length).map(svg => {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map(t => {
      const r = t.getBoundingClientRect();
      return {text: t.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom};
    });
    const overlaps = [];
    texts.forEach((a, i) => texts.slice(i + 1).forEach(b => {
      if (a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1)
        overlaps.push([a.text, b.text]);
    }));
    const outside = texts.filter(a => a.l < box.left - 1 || a.r > box.right + 1
      || a.t < box.top - 1 || a.b > box.bottom + 1).map(a => a.text);
    const title = document.getElementById(svg.getAttribute('aria-labelledby'));
    return {font: parseFloat(getComputedStyle(svg).fontSize) * box.width
                  / svg.viewBox.baseVal.width,
            overlaps, outside, role: svg.getAttribute('role'),
            title: title && svg.contains(title) ? title.textContent : null,
            width: box.width, height: box.height};
  })"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report") / "liva.html"
    result = run_cli("report", LIVA, "-o", target, "--lang", "sv", "--draws", "5000")
    assert result.code == 0, result.stderr
    return target


def _open(browser: Any, report: Path, width: int, height: int = 900,
          media: str = "screen") -> tuple[Any, list[str], list[str]]:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.emulate_media(media=media)
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


def _shot(page: Any, name: str, selector: str | None = None) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    if selector is None:
        page.screenshot(path=str(ARTIFACTS / name))
    else:
        page.locator(selector).first.screenshot(path=str(ARTIFACTS / name))


def test_the_report_opens_clean_with_its_figures_and_charts(browser: Any, report: Path) -> None:
    page, errors, requests = _open(browser, report, 1280)
    assert errors == []
    assert requests == [report.as_uri()]  # nothing but the file: no font, image, script
    text = page.inner_text("body")
    for figure in ("2,75 mkr", "1,2 mkr", "600 000 kr", "175 000 kr", "16,3 %"):
        assert figure.replace(" ", NBSP) in text, figure
    charts = page.query_selector_all("figure svg")
    shown = [c for c in charts if c.bounding_box() is not None]
    assert len(shown) == len(charts) // 2 >= 6  # two payback curves, two tornados, histograms
    for chart in shown:
        box = chart.bounding_box()
        assert box["width"] > 300
        assert box["height"] > 150
    assert page.locator("figure svg text", has_text=f"1{NBSP}mkr").count() > 0  # axis values
    _shot(page, "liva-report-desktop.png")
    _shot(page, "liva-report-inputs.png", "#inputs table")
    _shot(page, "liva-report-answer.png", "#answer")
    _shot(page, "liva-report-curves.png", "#results figure")
    _shot(page, "liva-report-histogram.png", "#uncertainty figure")
    _shot(page, "liva-report-tornado.png", "#uncertainty figure >> nth=-1")


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (375, 740)])
def test_no_horizontal_overflow(browser: Any, report: Path, width: int, height: int) -> None:
    page, _, _ = _open(browser, report, width, height)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    if width < 500:
        _shot(page, "liva-report-phone.png")
        _shot(page, "liva-report-phone-inputs.png", "#inputs tbody tr:nth-child(9)")
        _shot(page, "liva-report-phone-curve.png", "#results figure")


@pytest.mark.parametrize(("width", "media"), [DESKTOP, PRINT], ids=["desktop", "A4"])
def test_every_table_fits_its_box_and_every_cell_its_content(browser: Any, report: Path,
                                                             width: int, media: str) -> None:
    """On a 1280 px screen nothing scrolls sideways; on an A4 page (print) nothing can, so a
    table wider than the page would be cut off."""
    page, _, _ = _open(browser, report, width, media=media)
    found = page.evaluate(TOO_WIDE)
    assert found == {"wide": [], "spilling": []}


# Every table cell whose words are one word (a party's name, "Kommunen"): the lines that word
# takes. Broken inside, it takes two ("Kommune" / "n").
_BROKEN_WORDS = """() => [...document.querySelectorAll('th, td')]
  .filter(cell => cell.getClientRects().length && /^\\S{2,40}$/.test(cell.innerText.trim()))
  .map(cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                           .map(r => Math.round(r.top)));
    return {word: cell.innerText.trim(), lines: lines.size};
  })
  .filter(cell => cell.lines > 1)"""


@pytest.mark.parametrize(("width", "media"), [DESKTOP, PRINT], ids=["desktop", "A4"])
@pytest.mark.parametrize("scenario", [LIVA, LIVA_ACTORS], ids=["liva", "liva-actors"])
def test_no_word_in_a_table_is_broken(browser: Any, tmp_path: Path, scenario: Path, width: int,
                                      media: str) -> None:
    """A table's column is as wide as its longest word: the party a row is about reads whole
    (the scenario's words are marked to break anywhere, which let a narrow page split them)."""
    target = tmp_path / "report.html"
    assert run_cli("report", scenario, "-o", target, "--lang", "sv", "--draws", "500").code == 0
    page, _, _ = _open(browser, target, width, media=media)
    assert page.evaluate(_BROKEN_WORDS) == []


def test_on_a_phone_text_stacks_and_only_tables_of_numbers_scroll(browser: Any,
                                                                   report: Path) -> None:
    page, _, _ = _open(browser, report, 375, 740)
    found = page.evaluate(TOO_WIDE)
    assert found["spilling"] == []
    assert found["wide"]  # the break-even tables do not fit 375 px…
    assert all(t["scrolls"] for t in found["wide"]), found["wide"]  # …and scroll in their box
    assert page.evaluate("[...document.querySelectorAll('table.stack')].every("
                         "t => t.scrollWidth <= t.parentElement.clientWidth)")


def _input_row(page: Any, path: str) -> Any:
    return page.locator("#inputs tbody tr", has=page.locator("code.path", has_text=re.compile(
        f"^{re.escape(path)}$")))


def test_the_inputs_show_name_value_with_unit_and_source_side_by_side(browser: Any,
                                                                       report: Path) -> None:
    page, _, _ = _open(browser, report, 1280)
    expected = {  # key path: the value as the report writes it, and where it comes from
        "inputs.municipal_funding": ("1,2 mkr", "Partnerskap LivA – samhällsekonomisk "
                                     "utvärdering › Ekonomisk nytta › Partnerskapskostnader"),
        "inputs.municipal_tax_rate": ("22,02 %", "› Skattesats"),
        "inputs.monthly_income": ("22 500 kr per månad", "Lönsamhet, medellång sikt › Kommunen"),
        "inputs.municipal_revenue_from_income": ("163 283 kr per person och år", "Kommunen"),
        "inputs.housing_cost": ("5 000 kr per månad", "Antagande: Ingen offentlig uppgift"),
        "analysis.horizons_years": ("1, 3, 5 år", "ett, tre respektive fem år"),
        "analysis.intervention_years": ("1,3333 år", "Bakgrund"),
    }
    for path, (value, where) in expected.items():
        cells = _input_row(page, path).locator("th, td")  # its name is the row's header
        assert cells.count() == 3, path
        name, shown, source = (cells.nth(i) for i in range(3))
        assert value.replace(" ", NBSP) in shown.inner_text().replace(" ", NBSP), path
        assert where in source.inner_text(), path
        boxes = [c.bounding_box() for c in (name, shown, source)]
        assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"], path  # side by side…
        assert boxes[2]["x"] + boxes[2]["width"] <= 1280, path  # …and all on the screen
    quote = _input_row(page, "inputs.municipal_tax_rate").locator("q.quote")
    assert quote.inner_text() == "2019 22,02 11,20 33,22"
    assert "Beräknas: max(monthly_income × 12 − basic_allowance, 0)" in _input_row(
        page, "inputs.municipal_revenue_from_income").inner_text()

    phone, _, _ = _open(browser, report, 375, 740)
    cells = _input_row(phone, "inputs.municipal_tax_rate").locator("th, td")
    boxes = [cells.nth(i).bounding_box() for i in range(3)]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]  # one above the other on a phone
    assert all(b["x"] + b["width"] <= 375 for b in boxes)


def test_a_changed_input_says_so_beside_its_source(tmp_path: Path) -> None:
    target = tmp_path / "changed.html"
    assert run_cli("report", LIVA, "-o", target, "--lang", "sv", "--draws", "100",
                   "--set", "inputs.municipal_funding=1500000").code == 0
    page = target.read_text(encoding="utf-8")
    row = page.split('<tr id="input-inputs-municipal_funding"')[1].split("</tr>")[0]
    assert f"1,5{NBSP}mkr" in row
    changed = re.sub(r"<[^>]+>", "", row.split('class="changed">')[1].split("</span>")[0])
    assert changed == "Ändrat i denna körning: --set inputs.municipal_funding=1500000"


def test_an_input_the_file_leaves_out_is_its_default_in_the_reports_language(
        tmp_path: Path) -> None:
    target = tmp_path / "defaults.html"
    assert run_cli("report", LIVA_ACTORS, "-o", target, "--lang", "sv", "--draws", "100").code == 0
    page = target.read_text(encoding="utf-8")
    row = page.split('<tr id="input-analysis-discount_rate"')[1].split("</tr>")[0]
    assert "Finns inte i scenariot: standardvärdet" in row
    assert "Not in" not in row


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (375, 740)])
def test_charts_have_readable_text_that_never_overlaps_and_a_text_alternative(
        browser: Any, report: Path, width: int, height: int) -> None:
    page, _, _ = _open(browser, report, width, height)
    charts = page.evaluate(CHARTS)
    assert len(charts) >= 6
    for chart in charts:
        assert chart["overlaps"] == [], chart["title"]
        assert chart["outside"] == [], chart["title"]
        assert chart["font"] >= SMALLEST_TEXT_PX, chart["title"]
        assert chart["role"] == "img"
        assert chart["title"]
    assert page.locator("figure + details table").count() == len(charts)  # the data, as text


def test_print_shows_what_the_screen_folds(browser: Any, report: Path) -> None:
    """On screen each chart's data folds beside it; in print it is in an appendix of its own,
    every chart's table, so the main part stays short."""
    screen, _, _ = _open(browser, report, 1280)
    folded = screen.locator("figure + details table").count()
    assert folded >= 6
    assert screen.locator("#chart-data").is_hidden()
    page, _, _ = _open(browser, report, A4_CONTENT_PX, media="print")
    assert page.locator("#chart-data table").count() == folded
    assert all(t.is_visible() for t in page.locator("#chart-data table").all())
    assert all(t.is_hidden() for t in page.locator("figure + details").all())
    assert all(q.is_visible() for q in page.locator("#inputs q.quote").all())
    assert page.locator("figure .wide svg").first.is_visible()  # the drawing made for A4


def test_print_to_pdf_gives_a4_pages(browser: Any, report: Path) -> None:
    page, _, _ = _open(browser, report, 1280)
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "liva-report.pdf").write_bytes(pdf)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) >= 6  # sections start on their own page
    for width, height in boxes:
        assert (float(width), float(height)) == pytest.approx(A4_POINTS, abs=1)


def test_headings_go_down_one_level_at_a_time(browser: Any, report: Path) -> None:
    """A screen reader's outline: h1, then h2 for each part, h3 within; no level skipped."""
    page, _, _ = _open(browser, report, 1280)
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4')]"
                           ".map(h => Number(h.tagName[1]))")
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in pairwise(levels)), levels
