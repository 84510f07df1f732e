"""The report page's what-if without a browser: the script is generated from the core's rules and
the figures' own templates (each figure once, each input read by its key path), the panel
offers what a board asks about, the page allows its script by hash and grows by at most 60 kB.
What the script computes and writes is tested in Chromium (test_whatif_browser.py)."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from pathlib import Path

import pytest

from nyttocalc.core.figures import Figure, Term, Unit
from nyttocalc.core.rules import RULES
from nyttocalc.report.page.whatif.program import Program, Untranslatable
from nyttocalc.report.page.whatif.script_rules import functions, literal
from tests.conftest import LIVA, LIVA_ACTORS, ROOT


def _page(scenario: Path, lang: str, whatif: bool = True) -> tuple[str, object]:
    from nyttocalc.app.report import report_parts
    from nyttocalc.report.page import html, usertext
    from nyttocalc.report.page.sections import report_page
    from nyttocalc.scenario.load import load, run_info

    loaded = usertext.isolated_scenario(load(scenario))
    run = usertext.isolated_run(run_info(loaded, lang))
    parts = report_parts(loaded, 200, 1, None)
    content = report_page(parts, loaded.model, loaded.uncertainty, run, lang)
    if not whatif:
        content = replace(content, whatif=None)
    return html.page(content, run, lang, parts.computed), content


def test_each_rule_is_a_function_of_the_script_written_from_its_definition() -> None:
    written = functions()
    for name, rule in RULES.items():
        assert re.search(rf"^function {name}\({','.join(rule.operands)}", written, re.M) or (
            name == "ceil_step" and "function ceil_step(x,step=1)" in written), name
    assert "function ceil_step(x,step=1){" in written  # a default kept


def test_a_figure_is_written_once_where_it_is_shown_twice_or_computed_alike() -> None:
    cost = Term("cost", 100.0, Unit.SEK, path="inputs.cost")
    value = Figure(50.0, Unit.SEK, "{cost} / 2", {"cost": cost})
    twin = Figure(50.0, Unit.SEK, "{cost} / 2", {"cost": cost})  # another object, same sum
    half = Term("half", 50.0, Unit.SEK, source=value)
    persons = Figure(2.0, Unit.PERSONS, "ceil({cost} / {half})",
                     {"cost": cost, "half": half})
    program = Program(["inputs.cost"])
    first = program.slot(persons)
    assert program.slot(persons) == first
    assert program.slot(twin) == program.slot(value)
    assert program.statements == ["v[0]=ratio(x[0],2);", "v[1]=ceil_step(ratio(x[0],v[0]));"]


def test_a_term_reads_the_panel_a_figure_or_its_own_value() -> None:
    moved = Term("rate", 0.8, Unit.SHARE, path="analysis.subsidy_rates.1")
    fixed = Term("wage", 300_000.0, Unit.SEK_PER_PERSON_YEAR, path="inputs.wage")
    count = Term("persons", 3.0, Unit.PERSONS)
    figure = Figure(180_000.0, Unit.SEK, "{wage} × (1 − {rate}) × {persons}",
                    {"wage": fixed, "rate": moved, "persons": count})
    program = Program(["analysis.subsidy_rates.1"])
    program.slot(figure)
    assert program.statements == ["v[0]=(300000*difference(1,x[0]))*3;"]


def test_a_figure_that_waits_for_another_is_never_where_that_one_is() -> None:
    persons = Figure(float("inf"), Unit.PERSONS, "{cost} / {value}", {
        "cost": Term("cost", 1.0, Unit.SEK, path="inputs.cost"),
        "value": Term("value", 0.0, Unit.SEK)})
    year = Figure(float("inf"), Unit.YEARS, "{delay} + 1",
                  {"delay": Term("delay", 4.0, Unit.YEARS, path="cohort.delay_years")},
                  never_with=Term("persons", persons.value, Unit.PERSONS, source=persons))
    program = Program(["inputs.cost"])
    program.slot(year)
    assert program.statements[-1] == "v[1]=v[0]===Infinity?Infinity:total(4,1);"


def test_a_curve_figure_is_a_function_of_its_persons_and_years_all_else_read_once() -> None:
    """The benefit of a payback curve, asked for at a count and a horizon of its own: those two
    are the function's arguments, the value per person-year and the years' discounting the
    figures and inputs every other figure reads."""
    from nyttocalc.core.payback import analyse
    from nyttocalc.report.tables.curves import payback_curves
    from nyttocalc.scenario.load import load

    analysis = analyse(load(ROOT / "tests/fixtures/whatif/future-jobs-fund-uk.yaml").model)
    assert analysis.model.is_discounted
    curve = payback_curves(analysis, "en", page=True)[0].curve
    assert curve is not None
    program = Program(["cohort.delay_years"])
    value = program.slot(analysis.perspectives[0].values[0].value_per_person_year)
    rate, counts = curve.figures.rates[0], {"persons": "P", "horizon": "Y"}
    first = program.function(rate.benefit, counts)
    again = program.function(rate.paid_back_after, counts)
    benefit, paid_back = program.functions[first], program.functions[again]
    assert benefit.startswith("(v,x,P,Y)=>")
    assert "P" in benefit[10:]
    assert "Y" in benefit[10:]
    assert f"v[{value}]" in benefit  # the value per person-year, computed once in compute(x)
    assert "present_value_years(total(0.5,x[0]),Y," in benefit  # discounted from the delay moved
    assert "Y" not in paid_back[10:]
    assert "P" in paid_back[10:]
    assert str(float(analysis.model.participants)) not in benefit  # the count asked at is gone


def test_the_script_is_carried_without_comments_or_spaces_its_text_kept() -> None:
    from nyttocalc.report.page.whatif.script import _tight

    line = 'const a = f(b, "x = y, z") + `${c} ? d` ; e.replace(/ = [,]/g, ", ") / 2 - -g;'
    assert _tight(line) == 'const a=f(b,"x = y, z")+ `${c} ? d`;e.replace(/ = [,]/g,", ")/2 - -g;'


def test_what_the_script_cannot_compute_is_refused_by_name() -> None:
    figure = Figure(1.0, Unit.NUMBER, "{a}", {"a": Term("a", 1.0, Unit.NUMBER)})
    with pytest.raises(Untranslatable, match="a < 2"):
        Program([]).slot(replace(figure, formula="{a} < 2"))


def test_a_number_is_written_so_that_it_reads_back_the_same() -> None:
    for x in (0.1, 1 / 3, 2.675, 1e-12, 6.02e23, -0.5, 1e300):
        assert float(literal(x)) == x


def test_the_panel_offers_what_moves_the_answer_then_rates_delay_horizons_and_free_counts(
) -> None:
    _, content = _page(LIVA_ACTORS, "en")
    paths = [c.path for c in content.whatif.controls]  # type: ignore[attr-defined]
    rates = ["analysis.subsidy_rates.0", "analysis.subsidy_rates.1"]
    horizons = [f"analysis.horizons_years.{i}" for i in range(3)]
    first = paths[:paths.index(rates[0])]
    assert 1 <= len(first) <= 4
    assert paths[len(first):] == [
        *rates, *(["cohort.delay_years"] if "cohort.delay_years" not in first else []),
        *horizons, "outcomes.groups.spill_over.transitions.0.persons"]
    assert "cohort.participants" not in paths  # rows per participant: no control
    # the primary group's counts add up to the participants: none moves alone
    assert not any(p.startswith("outcomes.groups.primary.") for p in paths)
    # an item of a list is named by its value in the scenario
    names = {c.path: c.name for c in content.whatif.controls}  # type: ignore[attr-defined]
    assert names[rates[1]].endswith("(80% in the scenario)")
    assert names[horizons[2]].endswith("(5 years in the scenario)")
    assert names[horizons[0]].endswith("(1 year in the scenario)")


def test_the_page_allows_its_script_by_its_hash_and_nothing_else() -> None:
    page, _ = _page(LIVA, "sv")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert policy.group(1) == ("default-src 'none'; style-src 'unsafe-inline'; "
                               f"script-src 'sha256-{digest}'")
    # no address but the name of SVG's namespace, which the charts' markup carries
    assert set(re.findall(r"https?://[^\s\"'`]+", scripts[0])) == {"http://www.w3.org/2000/svg"}


@pytest.mark.parametrize("scenario", [LIVA, LIVA_ACTORS], ids=["liva", "liva-actors"])
def test_the_page_grows_by_at_most_60_kB_for_its_what_if(scenario: Path) -> None:
    with_it, _ = _page(scenario, "sv")
    without, _ = _page(scenario, "sv", whatif=False)
    assert len(with_it.encode()) - len(without.encode()) <= 60_000
    assert "<script" not in without
