"""What-if in the report page, as a board member meets it in Debian's Chromium: each input of
the panel moved to several values, the ends of its range among them, gives the answer and the
tables that ``nyttocalc report --set`` gives, and every figure the script computes is the one
``nyttocalc payback --set … --format json`` gives (within 1e-9 relative); two inputs at once and
a permalink reloaded too; without scripts the page is the report it was; nothing is requested.

The scenarios: LivA (Swedish, two parties), LivA with actors and outcomes (seven parties, a
spill-over group), and the public cases in tests/fixtures/whatif/ (see their sources)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LIVA, LIVA_ACTORS, ROOT, run_cli
from tests.whatif_support import PAGE_TEXT, data_of, json_value, moves, program_of, same

CASES = sorted((ROOT / "tests" / "fixtures" / "whatif").glob("*.yaml"))
SCENARIOS = [(LIVA, "en"), (LIVA_ACTORS, "sv"), *((case, "en") for case in CASES)]
IDS = [f"{path.stem}-{lang}" for path, lang in SCENARIOS]
DRAWS = "200"  # the Monte Carlo is not what is tested here


def _report(target: Path, scenario: Path, lang: str, *sets: str) -> Any:
    args: list[str | Path] = ["report", scenario, "-o", target, "--force", "--lang", lang,
                              "--draws", DRAWS]
    for assignment in sets:
        args += ["--set", assignment]
    return run_cli(*args)


def _open(browser: Any, path: Path | str, scripts: bool = True, width: int = 1280) -> Any:
    page = browser.new_page(viewport={"width": width, "height": 900},
                            java_script_enabled=scripts)
    page.errors = []
    page.requests = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(path if isinstance(path, str) else path.as_uri())
    page.wait_for_load_state("load")
    return page


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("whatif")
    made = {}
    for (scenario, lang), ident in zip(SCENARIOS, IDS, strict=True):
        made[ident] = folder / f"{ident}.html"
        result = _report(made[ident], scenario, lang)
        assert result.code == 0, result.stderr
    return made


@pytest.mark.parametrize(("scenario", "lang"), SCENARIOS, ids=IDS)
def test_a_moved_input_gives_the_page_the_report_gives_with_it(
        browser: Any, pages: dict[str, Path], tmp_path: Path, scenario: Path, lang: str) -> None:
    ident = f"{scenario.stem}-{lang}"
    page = _open(browser, pages[ident])
    data = data_of(page)
    assert data["controls"], "no input to move"
    compared = 0
    for control in data["controls"]:
        for value in moves(control):
            page.evaluate("nyttocalcWhatIf.reset()")
            taken = page.evaluate("([path, value]) => nyttocalcWhatIf.set(path, value)",
                                  [control["path"], value])
            target = tmp_path / "set.html"
            made = _report(target, scenario, lang, f"{control['path']}={value!r}")
            assert taken == (made.code == 0), (control["path"], value, made.stderr)
            if not taken:
                continue
            reference = _open(browser, target)
            assert page.evaluate(PAGE_TEXT) == reference.evaluate(PAGE_TEXT), (
                control["path"], value)
            reference.close()
            compared += 1
    assert compared >= 2 * len(data["controls"])
    assert page.errors == []


@pytest.mark.parametrize(("scenario", "lang"), SCENARIOS, ids=IDS)
def test_the_script_computes_every_figure_as_payback_does(
        browser: Any, pages: dict[str, Path], scenario: Path, lang: str) -> None:
    """Every figure of ``payback --format json`` (but the mixes, whose rows change), from the
    script generated as the page's is, in Chromium's JavaScript, for every move of every
    control of the page."""
    page = _open(browser, pages[f"{scenario.stem}-{lang}"])
    controls = data_of(page)["controls"]
    page.close()
    code, slots = program_of(scenario, [c["path"] for c in controls])
    blank = browser.new_page()
    blank.goto("about:blank")
    for index, control in enumerate(controls):
        for value in moves(control):
            made = run_cli("payback", scenario, "--format", "json", "--set",
                           f"{control['path']}={value!r}")
            if made.code != 0:
                continue
            expected = json.loads(made.stdout)
            x = [c["value"] for c in controls]
            x[index] = value
            computed = blank.evaluate(
                f"(() => {{ {code}\n return Array.from(compute({json.dumps(x)}), String); }})()")
            wrong = [(where, computed[slot], json_value(expected, where))
                     for where, slot in slots.items()
                     if not same(float(computed[slot]), json_value(expected, where))]
            assert wrong == [], (control["path"], value, wrong[:5])


def test_two_inputs_at_once_and_the_permalink_reloaded(browser: Any, pages: dict[str, Path],
                                                       tmp_path: Path) -> None:
    ident = f"{LIVA_ACTORS.stem}-sv"
    page = _open(browser, pages[ident])
    controls = data_of(page)["controls"]
    first = controls[0]
    rate = next(c for c in controls if c["path"] == "analysis.subsidy_rates.1")
    moved = {first["path"]: moves(first)[-1], rate["path"]: 0.55}
    for path, value in moved.items():
        assert page.evaluate("([p, v]) => nyttocalcWhatIf.set(p, v)", [path, value])
    target = tmp_path / "two.html"
    made = _report(target, LIVA_ACTORS, "sv", *(f"{p}={v!r}" for p, v in moved.items()))
    assert made.code == 0, made.stderr
    reference = _open(browser, target)
    expected = reference.evaluate(PAGE_TEXT)
    assert page.evaluate(PAGE_TEXT) == expected
    link = page.evaluate("location.href")
    assert "#whatif?" in link
    again = _open(browser, link)
    assert again.evaluate(PAGE_TEXT) == expected
    field = again.locator('.whatif input[name="analysis.subsidy_rates.1"]')
    assert field.input_value() == "55"  # a share is entered as a percentage
    notice = again.inner_text("#whatif-notice")
    assert "scenariot" in notice
    # a list's item is named by its scenario value: said once, not again after its new value
    assert "Lönesubventionsgrader (80\u00a0% i scenariot): 55\u00a0%" in notice
    assert not again.is_hidden("#whatif-notice")
    again.click("#whatif-notice button")
    assert again.is_hidden("#whatif-notice")
    assert "#whatif?" not in again.evaluate("location.href")
    assert again.errors == []
    assert page.errors == []


def test_a_value_out_of_range_is_refused_in_its_field(browser: Any,
                                                      pages: dict[str, Path]) -> None:
    page = _open(browser, pages[f"{LIVA.stem}-en"])
    before = page.evaluate(PAGE_TEXT)
    field = page.locator('.whatif input[name="analysis.subsidy_rates.1"]')
    hint = page.locator("#" + str(field.get_attribute("aria-describedby")))
    for refused in ("150", "-5", "", "0", "5O"):  # above 100 %, below 0, nothing, the other
        field.fill(refused)  # rate, no number
        assert field.get_attribute("aria-invalid") == "true", refused
        assert page.evaluate(PAGE_TEXT) == before
        assert "(0–100%); the page computes with 80%" in hint.inner_text()
    field.fill("50")
    assert field.get_attribute("aria-invalid") == "false"
    assert page.evaluate(PAGE_TEXT) != before
    assert "50%" in page.inner_text("#answer-table")
    assert "changed" in str(field.get_attribute("class"))  # the panel shows what was moved


def test_a_number_is_typed_as_the_page_language_writes_it(browser: Any,
                                                          pages: dict[str, Path]) -> None:
    """In Swedish a decimal comma (2,5 år), in English a point and thousands commas."""
    page = _open(browser, pages[f"{LIVA_ACTORS.stem}-sv"])
    field = page.locator('.whatif input[name="cohort.delay_years"]')
    field.fill("2,5")
    assert field.get_attribute("aria-invalid") == "false"
    assert "2,5 år (scenariot: 4 år)" in page.inner_text("#whatif-notice")
    english = _open(browser, pages[f"{LIVA.stem}-en"])
    first = english.locator('.whatif input[name="inputs.municipal_funding"]')
    first.fill("1,234,567.5")
    assert first.get_attribute("aria-invalid") == "false"
    assert "1,234,567.5" in english.inner_text("#whatif-notice")
    assert page.errors == []
    assert english.errors == []


def test_without_scripts_the_page_is_the_report_it_was(browser: Any, tmp_path: Path) -> None:
    """The page with its what-if, scripts off, reads and lays out as the page without it, on a
    desktop and on a phone."""
    from nyttocalc.app.report import report_parts
    from nyttocalc.report.page import html, usertext
    from nyttocalc.report.page.sections import report_page
    from nyttocalc.scenario.load import load, run_info

    loaded = usertext.isolated_scenario(load(LIVA_ACTORS))
    run = usertext.isolated_run(run_info(loaded, "sv"))
    parts = report_parts(loaded, 200, 1, None)
    content = report_page(parts, loaded.model, loaded.uncertainty, run, "sv")
    assert content.whatif is not None
    with_it, without = tmp_path / "with.html", tmp_path / "without.html"
    with_it.write_text(html.page(content, run, "sv", parts.computed), "utf-8")
    without.write_text(html.page(replace(content, whatif=None), run, "sv", parts.computed),
                       "utf-8")
    for width in (1280, 390):
        a, b = _open(browser, with_it, False, width), _open(browser, without, False, width)
        assert a.inner_text("body") == b.inner_text("body")
        size = "[document.body.scrollWidth, document.body.scrollHeight]"
        assert a.evaluate(size) == b.evaluate(size)


def test_the_page_runs_its_script_under_its_policy_and_requests_nothing(
        browser: Any, pages: dict[str, Path]) -> None:
    for path in pages.values():
        page = _open(browser, path)
        assert page.requests == [path.as_uri()]
        assert page.errors == []
        assert page.evaluate("typeof nyttocalcWhatIf") == "object"
        policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert "default-src 'none'" in policy
        assert "script-src 'sha256-" in policy
        page.close()
