"""Values a hostile tester chose (issue 26, "the new surfaces"): thousands of flows in one state,
ranges a chart must scale whatever they are, user text that must not push a page sideways or
turn the tool's own words around, and sweep points that equal another listed value."""

from __future__ import annotations

import ast
import itertools
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nyttocalc.core import figures
from nyttocalc.core.figures import Unit
from nyttocalc.core.ledger import SOCIETY, Flow, FlowKind, Funding, Ledger, Move, State, _cancelled
from nyttocalc.core.model import Model
from nyttocalc.core.payback import analyse
from nyttocalc.core.perspective import Scaling, ValueComponent
from nyttocalc.report.charts import svg, terminal
from nyttocalc.report.charts.plot import Kind, Plot, Series, nice_ticks
from nyttocalc.report.tables.printout import Table
from nyttocalc.scenario import yamlsafe
from tests.conftest import LIVA_ACTORS, run_process

# ---- item 9: thousands of flows in one state -------------------------------------------------

AMOUNTS = [1000 + 37 * i for i in range(10)]  # the ten inputs the flows cycle through, kr


def _flows_scenario(after: list[tuple[int, str, str]], before: list[tuple[int, str, str]]) -> str:
    """A ledger with two actors (municipality, individual) and a real production of 400 000 kr
    in work; ``after`` and ``before`` are the transfers of work and of assistance, each (which
    of the ten inputs, from, to)."""
    def flows(transfers: list[tuple[int, str, str]]) -> str:
        return "".join(f"        - {{transfer: t{i}, from: {a}, to: {b}}}\n"
                       for i, a, b in transfers)

    inputs = "".join(f"  t{i}: {{value: {amount}, unit: SEK/person-year, description: T., "
                     "assumption: By hand.}\n" for i, amount in enumerate(AMOUNTS))
    return f"""nyttocalc: 1
title: "Thousands of transfers"
sources: {{}}
inputs:
  cash: {{value: 1000000, unit: SEK, description: Cash., assumption: By hand.}}
  production: {{value: 400000, unit: SEK/person-year, description: P., assumption: By hand.}}
{inputs}cohort:
  participants: {{value: 10, unit: persons, description: P., assumption: By hand.}}
  full_time_equivalent: {{value: 1.0, unit: FTE, description: F., assumption: By hand.}}
  delay_years: {{value: 0, unit: years, description: D., assumption: By hand.}}
analysis:
  horizons_years: {{value: [1, 2], unit: years, description: H., assumption: By hand.}}
  subsidy_rates: {{value: [0.0, 0.5], unit: share, description: R., assumption: By hand.}}
  long_view_years: {{value: 10, unit: years, description: L., assumption: By hand.}}
  write_off_years: {{value: 5, unit: years, description: W., assumption: By hand.}}
ledger:
  actors:
    municipality: {{label: {{en: Municipality, sv: Kommunen}}}}
    individual: {{label: {{en: Individual, sv: Individen}}}}
  states:
    assistance:
      label: {{en: Assistance, sv: Bistånd}}
      flows:
        - {{real: production, to: municipality}}
{flows(before)}    work:
      label: {{en: Work, sv: Arbete}}
      flows:
        - {{real: production, to: individual}}
{flows(after)}  funding:
    - {{input: cash, paid_by: municipality}}
  move: {{from: assistance, to: work}}
"""


def _transfers(count: int, seed: int) -> list[tuple[int, str, str]]:
    """``count`` transfers over the ten inputs, in both directions, in a fixed pattern."""
    actors = ("individual", "municipality")
    return [(i * seed % 10, actors[i % 3 == 0], actors[i % 3 != 0]) for i in range(count)]


def _transfers_by_hand(party: str, after: list[tuple[int, str, str]],
                       before: list[tuple[int, str, str]]) -> int:
    """What the transfers of a move bring a party: each it receives after less each it pays
    after, and the other way round before."""
    signed = 0
    for transfers, side in ((after, 1), (before, -1)):
        for i, payer, receiver in transfers:
            signed += side * AMOUNTS[i] * ((receiver == party) - (payer == party))
    return signed


def _values(path: Path) -> dict[str, list[float]]:
    run = run_process("payback", path, "-f", "json")
    assert run.code == 0, run.stderr
    perspectives = json.loads(run.stdout)["perspectives"]
    return {p["key"]: [v["value_per_person_year"] for v in p["values"]] for p in perspectives}


def test_the_most_transfers_a_file_may_hold_in_one_state_compute_as_by_hand(
        tmp_path: Path) -> None:
    """2 700 transfers in work and 100 in assistance (the reader stops a file at 20 000 values,
    about 2 800 flows): each party's value is its transfers summed by hand, exactly (whole
    kronor), and --explain, the report and the sweep run too."""
    after, before = _transfers(2700, 7), _transfers(100, 3)
    path = tmp_path / "many.yaml"
    path.write_text(_flows_scenario(after, before), encoding="utf-8")
    values = _values(path)
    # production: the individual's in work, the municipality's in assistance
    for party, production in (("individual", 400_000), ("municipality", -400_000)):
        assert values[party] == [production + _transfers_by_hand(party, after, before)] * 2
    assert values[SOCIETY] == [0.0, 0.0]  # production moves from one actor to the other
    explained = run_process("payback", path, "--explain")
    assert explained.code == 0, explained.stderr
    assert "Traceback" not in explained.stderr
    page = tmp_path / "many.html"
    report = run_process("report", path, "-o", page)
    assert report.code == 0, report.stderr
    swept = run_process("sweep", path, "--vary", "inputs.t1=0:2000:1000", "-f", "json")
    assert swept.code == 0, swept.stderr


def test_five_thousand_transfers_are_refused_by_the_readers_size_limit_in_a_paragraph(
        tmp_path: Path) -> None:
    """A file with 5 000 flows in one state holds more values than the reader takes from any
    file: the tool's paragraph, exit 2, never a traceback."""
    path = tmp_path / "five-thousand.yaml"
    path.write_text(_flows_scenario(_transfers(5000, 7), []), encoding="utf-8")
    run = run_process("payback", path)
    assert run.code == 2
    assert "Traceback" not in run.stderr
    assert f"more than {yamlsafe.MAX_NODES} values" in run.stderr


def test_five_thousand_transfers_in_one_state_compute_in_the_core() -> None:
    """5 000 transfers in one state, and 20 000: the value of every party is its transfers
    summed by hand (left to right, as the formula reads), explained, and the explanation
    recomputes to it."""
    for count in (5000, 20_000):
        after = _transfers(count, 7)
        flows = tuple(Flow(FlowKind.TRANSFER, f"t{i}", to=b, by=a) for i, a, b in after)
        ledger = Ledger(
            {"municipality": {"en": "M"}, "individual": {"en": "I"}},
            {"assistance": State("assistance", {"en": "A"}, ()),
             "work": State("work", {"en": "W"},
                           (Flow(FlowKind.REAL, "production", to="individual"), *flows))},
            (Funding("cash", "municipality"),), None, Move("assistance", "work"))
        inputs = {"cash": 1e6, "production": 4e5} | {f"t{i}": float(a)
                                                     for i, a in enumerate(AMOUNTS)}
        model = Model(inputs, ledger.perspectives(), 10, 1.0, 0.0, (1.0,), (0.0,), 10.0, 5.0,
                      ledger=ledger)
        analysis = analyse(model)
        for perspective in analysis.perspectives:
            if perspective.perspective.key == SOCIETY:
                continue
            figure = perspective.value_at(0.0)
            party = perspective.perspective.key
            production = 400_000 if party == "individual" else 0
            assert figure.value == production + _transfers_by_hand(party, after, [])
            assert figure.recompute() == figure.value
            assert figure.recompute({"t3": 0.0}) == figure.with_term("t3", 0.0).value


def _old_cancelled(components: list[ValueComponent]) -> tuple[ValueComponent, ...]:
    """How pairs that cancel were left out before it was counted: the reference."""
    left = list(components)
    for component in components:
        twin = ValueComponent(component.input, component.scales_with, -component.sign)
        if component in left and twin in left:
            left.remove(component)
            left.remove(twin)
    return tuple(left)


@given(st.lists(st.builds(ValueComponent, st.sampled_from("abc"),
                          st.frozensets(st.sampled_from(list(Scaling)), max_size=1),
                          st.sampled_from([-1, 1])), max_size=30))
def test_cancelling_flows_by_counting_leaves_what_searching_did(
        components: list[ValueComponent]) -> None:
    assert _cancelled(components) == _old_cancelled(components)


# A formula as Python reads it, built from what formulas hold (terms, numbers, + − × /, unary
# minus, brackets, calls, line breaks inside brackets): parsed a term at a time, it must give
# the tree Python gives for it whole.
_leaves = st.one_of(
    st.sampled_from(["_a", "_b", "_cost", "1", "2.5", "1e-5", "3E+2", "0.0", "True"]),
    st.integers(0, 99).map(str))


def _joined(parts: list[str], signs: list[str]) -> str:
    return parts[0] + "".join(f" {s} {p}" for s, p in zip(signs, parts[1:], strict=False))


_formulas = st.recursive(_leaves, lambda inner: st.one_of(
    st.tuples(inner, st.sampled_from(["+", "-", "*", "/", "+\\\n", "- -"]), inner).map(
        lambda t: f"{t[0]} {t[1]} {t[2]}"),
    inner.map(lambda s: f"-{s}"),
    inner.map(lambda s: f"({s})"),
    inner.map(lambda s: f"(\n{s}\n)"),
    st.lists(inner, min_size=1, max_size=3).map(lambda a: f"max({', '.join(a)})"),
    st.tuples(inner, inner).map(lambda t: f"{t[0]}  # note\n + {t[1]}")), max_leaves=12)


@given(_formulas)
def test_a_formula_parsed_a_term_at_a_time_is_the_tree_python_builds(formula: str) -> None:
    try:
        whole = ast.parse(formula, mode="eval").body
    except SyntaxError:
        return  # only a formula Python parses whole is ever parsed a term at a time
    assert ast.dump(figures._parsed_term_by_term(formula, formula)) == ast.dump(whole)


def test_a_sum_too_long_for_pythons_parser_evaluates_as_one_read_in_a_piece() -> None:
    terms = {f"x{i}": float(i % 97) * 0.1 for i in range(50_000)}
    formula = " − ".join(figures.slot(name) for name in terms)
    expected = 0.0
    for i, value in enumerate(terms.values()):
        expected = value if i == 0 else expected - value
    assert figures.evaluate(formula, terms) == expected


@pytest.mark.parametrize("formula", ["−" * 5000 + "{a}", " × ".join(["{a}"] * 5000)])
def test_a_formula_python_cannot_nest_that_deep_is_a_formula_error(formula: str) -> None:
    """Not a sum: a long product or a tower of minus signs is refused by name, shortly."""
    with pytest.raises(figures.FormulaError, match="too long or too deeply nested") as caught:
        figures.evaluate(formula, {"a": 1.0})
    assert len(str(caught.value)) < 300


# ---- item 10: a chart's ticks and scale, whatever the range ----------------------------------

_UNITS = [None, Unit.SEK, Unit.SHARE, Unit.PERSONS, Unit.YEARS, Unit.MULTIPLE]
_EXTREMES = [0.0, -0.0, 5e-324, -5e-324, 1e-320, 2.2250738585072014e-308, 1e-14, 1.0, 1e15,
             1e15 + 0.25, 1e300, -1e300, 1.7976931348623157e308, -1.7976931348623157e308]
_any_float = st.one_of(st.sampled_from(_EXTREMES), st.floats(allow_nan=False, allow_infinity=False))


def _plot(kind: Kind, values: list[float], unit: Unit | None, lang: str = "en") -> Plot:
    """A chart of ``values``: a line over 0, 1, 2 … (with the first value as its level), bars,
    or a tornado whose high end mirrors its low end."""
    categories = tuple(f"input {i}" for i in range(len(values)))
    if kind is Kind.TORNADO:
        series = (Series("low", tuple((0.0, v) for v in values)),
                  Series("high", tuple((0.0, -v) for v in values)))
    else:
        series = (Series("s", tuple((float(i), v) for i, v in enumerate(values))),)
    return Plot("A chart", kind, "x (years)", "y", Unit.YEARS, unit, series,
                Table("A chart", (), ()), lang, categories if kind is not Kind.LINES else (),
                values[0] if kind is Kind.LINES else None, "cost")


@given(_any_float, _any_float, st.integers(1, 12), st.sampled_from(_UNITS),
       st.sampled_from(["en", "sv"]))
def test_ticks_are_finite_rising_distinct_as_written_and_cover_the_range(
        a: float, b: float, count: int, unit: Unit | None, lang: str) -> None:
    low, high = min(a, b), max(a, b)
    plot = _plot(Kind.LINES, [low, high], unit, lang)
    ticks = nice_ticks(low, high, count, lambda v: plot.value_text(v, unit))
    assert len(ticks) >= 2
    assert all(math.isfinite(t) for t in ticks)
    assert all(x < y for x, y in itertools.pairwise(ticks))
    labels = [plot.value_text(t, unit) for t in ticks]
    assert len(set(labels)) == len(labels), labels
    assert ticks[0] <= low
    assert ticks[-1] >= high


@given(st.lists(_any_float, min_size=1, max_size=4), st.sampled_from(list(Kind)),
       st.sampled_from(_UNITS))
def test_a_chart_of_any_values_draws_in_a_terminal_and_as_svg(
        values: list[float], kind: Kind, unit: Unit | None) -> None:
    plot = _plot(kind, values, unit)
    lines = terminal.draw(plot, 80, colour=False)
    assert lines
    assert lines[0].strip() == "A chart"
    drawn = svg.draw(plot, "chart")
    numbers = re.findall(r' (?:x|y|x1|x2|y1|y2|width|height|cx|cy)="([^"]*)"', drawn)
    assert all(math.isfinite(float(n)) for n in numbers)
    assert "nan" not in drawn
    assert "inf" not in drawn


@pytest.mark.parametrize("args", [
    ("report", "scenarios/liva-actors.yaml", "--set", "cohort.deadweight=1.0e-320"),
    ("report", "scenarios/liva-actors.yaml", "--set", "cohort.deadweight=1.0e-14"),
    ("sensitivity", "scenarios/liva-actors.yaml", "--set", "inputs.municipal_funding=1.0e-14"),
    ("sensitivity", "scenarios/liva-actors.yaml", "--set", "cohort.deadweight=1.0e-14"),
    ("sensitivity", "scenarios/liva-actors.yaml", "--set", "cohort.deadweight=1.0e-320"),
    ("payback", "scenarios/liva.yaml", "--plot", "--set", "inputs.production_value=1.0e-302",
     "--set", "inputs.avoided_support_costs=0"),
    ("sensitivity", "scenarios/liva.yaml", "--metric", "employment_rate", "--set",
     "inputs.production_value=1.0e-302", "--set", "inputs.avoided_support_costs=0"),
])
def test_tiny_and_huge_figures_draw_their_charts(args: tuple[str, ...], tmp_path: Path) -> None:
    """The hostile tester's runs: a subnormal deadweight (StopIteration in the tick search), a
    cost of 1e-14 kr (a division by zero inside plotext), a value of 1e-302 kr per person-year
    (a share of 10^306: a percentage beyond the largest float)."""
    out = ("-o", str(tmp_path / "page.html")) if args[0] == "report" else ()
    run = run_process(*args, *out)
    assert run.code == 0, run.stderr
    assert "Traceback" not in run.stderr


# ---- item 16: a sweep point equal to another listed value ------------------------------------

LIVA = Path(__file__).resolve().parent.parent / "scenarios" / "liva.yaml"


def _by_rate(payback: dict[str, Any], rate: float) -> dict[tuple[str, float], float]:
    """``payback -f json``'s whole persons at one subsidy rate, per perspective and horizon."""
    return {(p["key"], row["horizon_years"]): row["persons_whole"]
            for p in payback["perspectives"] for row in p["break_even"]
            if row["subsidy_rate"] == rate}


def test_a_sweep_of_the_second_rate_from_0_computes_the_point_at_the_first_rate() -> None:
    """LivA lists 0 and 0,8: ``0:1:0.1`` is eleven points, and at 0 the varied rate's figures
    are payback's at 0 %, the other points payback's with ``--set`` at that rate."""
    run = run_process("sweep", LIVA, "--vary", "analysis.subsidy_rates.1=0:1:0.1", "-f", "json")
    assert run.code == 0, run.stderr
    sweep = json.loads(run.stdout)
    points = sweep["axes"][0]["values"]
    assert len(points) == 11
    assert points[0] == 0.0
    for index in (0, 3, 10):
        rate = points[index]
        args = () if rate == 0.0 else ("--set", f"analysis.subsidy_rates.1={rate!r}")
        paid = json.loads(run_process("payback", LIVA, *args, "-f", "json").stdout)
        expected = _by_rate(paid, rate)
        varied = [cell for cell in sweep["cells"] if cell["subsidy_rate"] is None]
        assert len(varied) == len(expected) == 6  # two perspectives, three horizons
        for cell in varied:
            key = (cell["perspective"], cell["horizon_years"])
            assert cell["values"][index] == expected[key], (rate, key)


@pytest.mark.parametrize("vary", [
    ("analysis.subsidy_rates.1=+1,-0",),
    ("analysis.horizons_years.0=3",),
    ("analysis.horizons_years.0=6:8:1", "analysis.horizons_years.1=8:9:1"),
])
def test_sweep_points_equal_to_another_listed_value_are_computed(vary: tuple[str, ...]) -> None:
    run = run_process("sweep", LIVA, *(a for v in vary for a in ("--vary", v)), "-f", "csv")
    assert run.code == 0, run.stderr


def test_a_set_to_another_listed_value_is_still_refused_as_in_the_file() -> None:
    """``--set`` changes the scenario for the run, and the scenario's tables list each rate
    once: a rate that equals another is refused there, as in the file."""
    run = run_process("payback", LIVA, "--set", "analysis.subsidy_rates.1=0")
    assert run.code == 2
    assert "list each value once" in run.stderr


# ---- item 15: the scenario's words in the report page ----------------------------------------

ACTORS = Path(__file__).resolve().parent / "fixtures" / "actors.yaml"
LONG_URL = "https://example.org/" + "utvarderingar/" * 20 + "x" * 20  # 300 characters
LONG_WORD = ("Arbetsmarknadsutbildningsanordnarupphandlingsregelverks" * 6)[:300]
RLO = "\u202e"


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/actors.yaml with a 300-character URL as its title, a 300-character word as
    an actor's label and a right-to-left override left open in another's."""
    text = ACTORS.read_text(encoding="utf-8")
    text = text.replace('title: "Actors and flows, by hand"', f'title: "{LONG_URL}"')
    text = text.replace("{en: Individual, sv: Individen}", f"{{en: {LONG_WORD}, sv: Individen}}")
    text = text.replace("{en: Municipality, sv: Kommunen}",
                        f'{{en: "Municipality{RLO}", sv: Kommunen}}')
    folder = tmp_path_factory.mktemp("hostile")
    scenario = folder / "hostile.yaml"
    scenario.write_text(text, encoding="utf-8")
    page = folder / "hostile.html"
    run = run_process("report", scenario, "-o", page)
    assert run.code == 0, run.stderr
    return page


@pytest.mark.parametrize("width", [375, 1366])
def test_long_words_of_the_scenario_break_and_the_page_keeps_its_width(
        browser: Any, hostile_page: Path, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(hostile_page.as_uri())
    widths = page.evaluate("() => ({page: document.documentElement.scrollWidth, "
                           "room: document.documentElement.clientWidth, "
                           "h1: document.querySelector('h1').getBoundingClientRect().right})")
    assert widths["page"] <= widths["room"], widths
    assert widths["h1"] <= widths["room"], widths
    assert LONG_URL in page.inner_text("h1").replace("\n", "")
    page.close()


# The bounding box of each character of the tool's words after the first marked label in the
# heading that names it: in reading order, each starts right of the one before.
_AFTER_LABEL = """(label) => {
  const heading = [...document.querySelectorAll('h3, caption')]
    .find(h => h.querySelector('bdi.user') && h.textContent.startsWith(label));
  const bdi = heading.querySelector('bdi.user');
  const rest = bdi.nextSibling;
  const lefts = [];
  for (let i = 0; i < rest.textContent.length; i++) {
    const range = document.createRange();
    range.setStart(rest, i); range.setEnd(rest, i + 1);
    const box = range.getBoundingClientRect();
    if (box.width > 0) lefts.push(box.left);
  }
  return {bidi: getComputedStyle(bdi).unicodeBidi, label: bdi.textContent,
          words: rest.textContent, lefts};
}"""


def test_an_open_right_to_left_override_in_a_label_turns_none_of_the_tools_words(
        browser: Any, hostile_page: Path) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(hostile_page.as_uri())
    found = page.evaluate(_AFTER_LABEL, f"Municipality{RLO}")
    page.close()
    assert found["label"] == f"Municipality{RLO}"
    assert found["bidi"] == "isolate"
    assert found["words"] == ": cost and value"
    assert found["lefts"] == sorted(found["lefts"])
    assert len(found["lefts"]) >= len("costandvalue")


def test_the_marks_that_isolate_the_scenarios_words_pair_whatever_it_writes() -> None:
    """A label's own isolates cannot close the tool's early."""
    from nyttocalc.report.page import usertext
    from nyttocalc.report.page.html import typeset

    marked = usertext.isolated("a\u2069b\u2068c\u202e")
    assert marked == "\u2068abc\u202e\u2069"
    assert typeset(f"{marked}: cost") == '<bdi class="user">abc\u202e</bdi>: cost'
    assert typeset("<b> & x") == "&lt;b&gt; &amp; x"


# ---- computed inputs that build on one another too deep, or too often ------------------------

HOSTILE = Path(__file__).resolve().parent / "hostile_values"


@pytest.mark.parametrize(("file", "where", "words"), [
    ("computed_chain_too_deep.yaml", "inputs.step_39.formula",
     "builds on computed inputs 40 deep (step_39 → step_38 → step_37 → … → step_1 → step_0)"),
    ("computed_written_out_too_large.yaml", "inputs.level_11.formula",
     "holds more than 1000 formulas"),
])
def test_computed_inputs_too_deep_or_too_large_written_out_are_one_paragraph(
        file: str, where: str, words: str) -> None:
    """500 computed inputs each built on the one before raised RecursionError; 18 levels that
    each name the level below twice took a minute, and each level more doubled it."""
    run = run_process("payback", HOSTILE / file)
    assert run.code == 2
    assert run.stderr.count("\n") == 1, run.stderr
    assert f"{where}: " in run.stderr
    assert words in run.stderr


_graphs = st.dictionaries(st.sampled_from("abcdefgh"), st.lists(st.sampled_from("abcdefgh"),
                                                                 unique=True, max_size=3))


@given(_graphs)
def test_circles_are_the_inputs_that_lead_back_to_themselves(graph: dict[str, list[str]]) -> None:
    from nyttocalc.scenario.computed import circle_from, circles

    terms = {name: [t for t in named if t in graph] for name, named in graph.items()}

    def reaches(start: str) -> set[str]:
        seen: set[str] = set()
        todo = list(terms[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo += terms[node]
        return seen

    assert circles(terms) == {name for name in terms if name in reaches(name)}
    for name in circles(terms):
        chain = circle_from(name, terms)
        assert chain[0] == chain[-1] == name
        assert all(b in terms[a] for a, b in itertools.pairwise(chain))


# ---- a computed input that is no number (found by the fuzz campaign) -------------------------



def test_a_computed_input_that_is_no_number_is_refused_where_it_is_computed() -> None:
    """The basic allowance rounds up to a step of ``basic_allowance_rounding``: a step of 0
    divides by 0 (never) and multiplies that by 0, NaN; a sweep leaked NumPy's RuntimeWarning
    and showed "never", payback showed "n/a"."""
    for args in (("payback", LIVA_ACTORS, "--set", "inputs.basic_allowance_rounding=0"),
                 ("sweep", LIVA_ACTORS, "--vary", "inputs.basic_allowance_rounding=0,1,2")):
        run = run_process(*args)
        assert run.code == 2, run.stderr
        assert run.stderr.count("\n") == 1, run.stderr
        assert "inputs.basic_allowance" in run.stderr
        assert "its formula gives no number" in run.stderr
        assert "Warning" not in run.stderr
    run = run_process("sweep", LIVA_ACTORS, "--vary", "inputs.basic_allowance_rounding=1,2")
    assert run.code == 0, run.stderr


def test_a_number_set_twice_is_refused_naming_both() -> None:
    """The last --set won, and the run's header listed both: ``--set X=.inf --set X=1.0``
    printed ".inf" among the changes of a run that never used it (found by the campaign)."""
    run = run_process("payback", LIVA, "--set", "cohort.delay_years=1",
                      "--set", "cohort.delay_years.value=2")
    assert run.code == 2
    assert "--set cohort.delay_years.value=2: " in run.stderr
    assert "already set by --set cohort.delay_years=1" in run.stderr


def test_only_a_word_as_long_as_a_url_may_break_anywhere() -> None:
    """A party's name breaks between words only; a run of more than LONGEST_WORD characters
    (a URL, a hostile label) anywhere, so that a table holding it still fits the page."""
    from nyttocalc.report.page.usertext import LONGEST_WORD, bdi

    assert bdi("Arbetsförmedlingen", "user") == '<bdi class="user">Arbetsförmedlingen</bdi>'
    assert bdi(f"Ett {'x' * LONGEST_WORD}", "user") == (
        f'<bdi class="user">Ett {"x" * LONGEST_WORD}</bdi>')
    assert bdi(LONG_WORD, "user") == f'<bdi class="user long">{LONG_WORD}</bdi>'
    assert bdi(f'<span class="fig">{LONG_URL}</span>', attributes=' lang="en"') == (
        f'<bdi class="long" lang="en"><span class="fig">{LONG_URL}</span></bdi>')
