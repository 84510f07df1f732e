"""The report answers on its first screen and its first printed page, as a board member reads it.

For the bundled scenarios and two that are not LivA (three written-out perspectives; a ledger
of actors with one the move does not touch), in Chromium at a desktop (1366 × 900), a phone
(390 × 844) and on A4: every party that pays or gains stands in the first screen and on page 1
with its kronor and, where it paid, how many must work; no figure breaks across lines; no
chart repeats a tick label; no table or chart is empty; axe-core finds nothing serious or
critical; the Swedish page has no English sentence outside quotes, sources, key paths and
marked fallbacks. The figures themselves are the analysis' own (``payback --format json``).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT, run_cli
from tests.test_report_browser import ARTIFACTS

NBSP = "\u00a0"
SCENARIOS = {
    "liva": ROOT / "scenarios" / "liva.yaml",
    "liva-actors": ROOT / "scenarios" / "liva-actors.yaml",
    "three": FIXTURES / "three_perspectives.yaml",
    "actors": FIXTURES / "actors.yaml",
}
SCREENS = {"desktop": (1366, 900), "phone": (390, 844)}
# The results before the appendices, on A4, at most (the bound for LivA's two).
MAX_MAIN_PAGES = {"liva": 8, "liva-actors": 12}

# The text of the first screen: text nodes whose box starts within the viewport.
FIRST_SCREEN = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = [];
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.height > 0 && r.top < window.innerHeight && r.bottom > 0) seen.push(node.textContent);
  }
  return seen.join('').replace(/\\s+/g, ' ');
}"""

# Every figure (a span the page keeps together, or a number cell) whose text stands on more
# than one line.
BROKEN_FIGURES = """() => {
  const broken = [];
  for (const el of document.querySelectorAll('.fig, td.num:not(.value)')) {
    if (!el.getClientRects().length) continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                          .map(r => Math.round(r.top)));
    if (tops.size > 1) broken.push(el.textContent);
  }
  return broken;
}"""

# Per chart: its tick labels along each axis (a value axis' labels end at the axis, a category
# or horizontal axis' stand centred on their tick), and how many marks it draws (lines, bars).
TICKS = """() => [...document.querySelectorAll('figure svg')]
  .filter(svg => svg.getClientRects().length).map(svg => {
  const axes = {};
  for (const t of svg.querySelectorAll('text.tick')) {
    const anchor = t.getAttribute('text-anchor') || 'middle';
    (axes[anchor] = axes[anchor] || []).push(t.textContent);
  }
  const marks = [...svg.querySelectorAll('polyline, rect')].filter(m =>
    !m.closest('pattern, .legend') && m.getBBox().width > 0 && m.getBBox().height > 0);
  return {title: svg.querySelector('title')?.textContent, axes: Object.values(axes),
          marks: marks.length};
})"""

EMPTY_TABLES = """() => [...document.querySelectorAll('table')]
  .filter(t => !t.querySelector('tbody tr')).map(t => t.querySelector('caption')?.textContent)"""

# Visible text outside what may be in another language: quotes, the sources' titles, key
# paths, and text the page marks as being in another language.
OWN_WORDS = """() => {
  const skip = 'q, .quote, cite, code, [lang]:not(html), #inputs ul, script, style, title';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || el.closest(skip) || !el.getClientRects().length) continue;
    out.push(node.textContent);
  }
  return out.join(' ');
}"""

ENGLISH = {"the", "and", "of", "is", "to", "with", "which", "this", "that", "from", "by", "are",
           "for", "be", "it", "its", "not", "on", "who", "how", "what", "when", "paid", "work",
           "year", "years", "value", "cost", "participants", "without", "persons"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    made = {}
    folder = tmp_path_factory.mktemp("answer")
    for name, scenario in SCENARIOS.items():
        for lang in ("sv", "en"):
            target = folder / f"{name}-{lang}.html"
            result = run_cli("report", scenario, "-o", target, "--lang", lang, "--draws", "2000")
            assert result.code == 0, result.stderr
            made[(name, lang)] = target
    return made


def _open(browser: Any, path: Path, width: int, height: int, media: str = "screen") -> Any:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.emulate_media(media=media)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


def _payback(scenario: Path, lang: str) -> dict[str, Any]:
    result = run_cli("payback", scenario, "--format", "json", "--lang", lang)
    assert result.code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _parties(scenario: Path, lang: str) -> list[tuple[str, float, float | None]]:
    """Each party the move touches: its name, what it paid and the whole persons it needs
    within the first horizon at the lowest rate (None where it paid nothing)."""
    data = _payback(scenario, lang)
    found = []
    for p in data["perspectives"]:
        values = [v["value_per_person_year"] for v in p["values"]]
        cost = p["summary"]["cost"]
        if cost == 0 and not any(values):
            continue
        first = p["break_even"][0]["persons_whole"] if cost > 0 else None
        found.append((p["label"], cost, first))
    return found


def _money(value: float, lang: str) -> str:
    """Kronor as the page writes them: 2,75 mkr / SEK 2.75m; 175 000 kr / SEK 175,000."""
    if abs(value) >= 1e6:
        text = f"{value / 1e6:.2f}".rstrip("0").rstrip(".")
        return f"{text.replace('.', ',')}{NBSP}mkr" if lang == "sv" else f"SEK{NBSP}{text}m"
    whole = f"{round(abs(value)):,}"
    return (f"{whole.replace(',', NBSP)}{NBSP}kr" if lang == "sv" else f"SEK{NBSP}{whole}")


@pytest.mark.parametrize("name", list(SCENARIOS))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_first_screen_names_every_party_with_its_kronor_and_payback(
        browser: Any, pages: dict[tuple[str, str], Path], name: str, screen: str) -> None:
    lang = "sv"
    page = _open(browser, pages[(name, lang)], *SCREENS[screen])
    first = page.evaluate(FIRST_SCREEN)
    if name.startswith("liva"):
        page.screenshot(path=str(_artifact(f"answer-{name}-{screen}.png")))
    for party, cost, persons in _parties(SCENARIOS[name], lang):
        assert party in first, (party, first)
        if persons is not None:
            assert f"{party}: kostnaden är {_money(cost, lang)}".replace(NBSP, " ") in first, first
            assert f"{int(persons)} av de" in first
        else:
            assert re.search(re.escape(party) + r"[^.]*?[−+]?\d[\d ]* kr", first), (party, first)
    page.close()


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_page_one_of_the_print_answers_and_the_results_are_short(
        browser: Any, pages: dict[tuple[str, str], Path], name: str) -> None:
    import pypdf

    page = _open(browser, pages[(name, "sv")], 1366, 900, "print")
    pdf = page.pdf(format="A4", print_background=True)
    if name.startswith("liva"):
        _artifact(f"answer-{name}.pdf").write_bytes(pdf)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    for party, cost, persons in _parties(SCENARIOS[name], "sv"):
        assert party in texts[0], (party, texts[0][:400])
        if persons is not None:
            assert f"{_money(cost, 'sv').replace(NBSP, ' ')}" in texts[0].replace(NBSP, " ")
    appendix = next(i for i, t in enumerate(texts) if t.startswith("Bilaga") or " Bilaga:" in
                    t[:80])
    if name in MAX_MAIN_PAGES:
        assert appendix <= MAX_MAIN_PAGES[name], (name, appendix, len(texts))
    page.close()


@pytest.mark.parametrize("name", list(SCENARIOS))
@pytest.mark.parametrize("where", ["desktop", "phone", "print"])
def test_no_figure_breaks_across_lines(browser: Any, pages: dict[tuple[str, str], Path],
                                       name: str, where: str) -> None:
    width, height = SCREENS.get(where, (688, 1000))
    for lang in ("sv", "en"):
        page = _open(browser, pages[(name, lang)], width, height,
                     "print" if where == "print" else "screen")
        assert page.evaluate(BROKEN_FIGURES) == [], (name, lang, where)
        page.close()


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_no_chart_repeats_a_tick_label_and_nothing_is_empty(
        browser: Any, pages: dict[tuple[str, str], Path], name: str) -> None:
    page = _open(browser, pages[(name, "sv")], 1366, 900)
    for chart in page.evaluate(TICKS):
        for ticks in chart["axes"]:
            assert len(ticks) == len(set(ticks)), (chart["title"], ticks)
        assert chart["marks"] > 0, chart["title"]
    assert page.evaluate(EMPTY_TABLES) == []
    page.close()


@pytest.mark.parametrize("name", ["liva", "liva-actors"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_axe_finds_nothing_serious(browser: Any, pages: dict[tuple[str, str], Path], name: str,
                                   screen: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = _open(browser, pages[(name, "sv")], *SCREENS[screen])
    found = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in found
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert page.locator("main").count() == 1
    assert page.locator("table caption").count() == page.locator("table").count()
    page.close()


@pytest.mark.parametrize("name", ["liva", "liva-actors"])
def test_the_swedish_page_says_nothing_in_english(browser: Any,
                                                  pages: dict[tuple[str, str], Path],
                                                  name: str) -> None:
    page = _open(browser, pages[(name, "sv")], 1366, 900)
    text = page.evaluate(OWN_WORDS)
    english = [text[max(0, m.start() - 60):m.end() + 20]
               for m in re.finditer(r"[A-Za-zÅÄÖåäö']+", text) if m.group(0).lower() in ENGLISH]
    assert english == []
    page.close()


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
