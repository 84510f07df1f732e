"""Terminal charts people can read: axes with values and units, a legend, colour only in a
terminal, the chart's table where plotext is missing; and ticks and charts, in a terminal and
as SVG, whatever the range of the values."""

from __future__ import annotations

import io
import itertools
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nyttocalc.core.figures import Unit
from nyttocalc.report import extras
from nyttocalc.report.charts import svg, terminal
from nyttocalc.report.charts.axes import nice_ticks
from nyttocalc.report.tables.printout import Kind, Plot, Series, Table
from tests.conftest import LIVA, run_cli, run_process

NBSP = "\u00a0"
ANSI = re.compile(r"\x1b\[")


def _chart(out: str, title: str) -> list[str]:
    """The lines of the chart titled ``title``, up to the blank line after it."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if title in line)
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start:end]


def test_payback_curves_carry_values_units_and_a_legend() -> None:
    out = run_cli("payback", LIVA, "--plot", "--lang", "sv").stdout
    chart = "\n".join(_chart(out, "Samhället: återbetalningskurva"))
    for tick in (f"0{NBSP}kr┤", f"1{NBSP}mkr┤", f"2{NBSP}mkr┤", f"3{NBSP}mkr┤"):
        assert tick in chart, tick
    # the legend: each series with its own marker, so the chart reads without colour
    for entry in ("•• 5 i arbete i 1 år", "++ 2 i arbete i 3 år", "oo 1 i arbete i 5 år",
                  f"── kostnad 2,75{NBSP}mkr", "×× återbetald"):
        assert entry in chart, entry
    assert "År efter insatsens slut" in chart
    assert "Ackumulerat värde (kr)" in chart
    assert not ANSI.search(out)


def test_a_chart_in_a_terminal_has_colour_and_none_under_no_color(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from nyttocalc.core.payback import analyse
    from nyttocalc.report.tables.curves import payback_curves
    from nyttocalc.report.tables.printout import Printout
    from nyttocalc.report.tables.render import to_terminal
    from nyttocalc.scenario.load import load

    plots = payback_curves(analyse(load(LIVA).model), "en")
    printout = Printout("t", (), tuple(plots))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = io.StringIO()
    to_terminal(printout, coloured)
    assert re.search(r"\x1b\[[0-9;]*3[0-9;]*m", coloured.getvalue())
    monkeypatch.setenv("NO_COLOR", "1")
    plain = io.StringIO()
    to_terminal(printout, plain)
    assert not re.search(r"\x1b\[[0-9;]*(3[0-7]|38;)[0-9;]*m", plain.getvalue())
    assert "SEK 1m┤".replace(" ", NBSP) in plain.getvalue()


def test_the_tornado_puts_the_largest_swing_on_top_with_a_value_axis() -> None:
    out = run_cli("sensitivity", LIVA, "--by", "20%").stdout
    chart = _chart(out, "Society: tornado of persons (exact)")
    names = [line.split("┤")[0].strip() for line in chart if "┤" in line]
    assert names[0] == "inputs.production_value"  # the largest swing, as in the table
    axis = next(i for i, line in enumerate(chart) if "└" in line)
    assert re.search(r"-1\s+-0\.5\s+0\s+0\.5\s+1", chart[axis + 1])
    assert "Change in persons (exact) from 4.58" in chart[axis + 2]
    assert chart[-1] == "░ Input 20% lower   █ Input 20% higher"


def test_the_histogram_has_years_along_and_shares_of_draws_up() -> None:
    out = run_cli("simulate", LIVA, "--draws", "2000").stdout
    chart = _chart(out, "Society: payback year at 0% subsidy")
    assert any(re.match(r"\s*\d+(\.\d+)?%┤", line) for line in chart)  # shares on the y axis
    assert "Paid back in year (after the end of the intervention)" in chart[-1]
    assert "█" in "\n".join(chart)
    assert "never" in chart[-2]  # the share that never pays back is a bar of its own


def test_without_plotext_plot_says_what_to_install_and_others_show_the_table(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extras, "available", lambda module: False)
    refused = run_cli("payback", LIVA, "--plot")
    assert refused.code == 2
    assert "pip install 'nyttocalc[report]'" in refused.stderr
    assert refused.stdout == ""
    table = run_cli("sensitivity", LIVA)
    assert table.code == 0
    assert "(The chart needs plotext: pip install 'nyttocalc[report]')" in table.stdout
    assert "Input 20% lower" in table.stdout  # the tornado's data, as a table


def _tornado() -> Plot:
    """The society's tornado of LivA's sensitivity table, as ``sensitivity`` draws it."""
    names = ("inputs.production_value", "cohort.full_time_equivalent",
             "inputs.municipal_funding", "inputs.avoided_support_costs")
    lows, highs = (1.11, 1.15, -0.5, 0.03), (-0.75, 0.0, 0.5, -0.02)
    table = Table("data", ("Indata", "lägre", "högre"),
                  tuple((n, str(lo), str(hi)) for n, lo, hi in zip(names, lows, highs,
                                                                   strict=True)))
    return Plot("Samhället: tornado för personer (exakt)", Kind.TORNADO, "",
                "Ändring i personer (exakt) från 4,58", None, None,
                (Series("Indata 20 % lägre", tuple(enumerate(lows))),
                 Series("Indata 20 % högre", tuple(enumerate(highs)))), table, "sv",
                categories=names)


@pytest.mark.parametrize("width", [60, 100])
def test_a_narrow_chart_keeps_its_title_and_axis_names(width: int) -> None:
    """plotext leaves out a title or an axis name wider than its canvas: at 60 columns the
    tornado lost both, and the payback curve its x axis' name."""
    from nyttocalc.core.payback import analyse
    from nyttocalc.report.charts import terminal
    from nyttocalc.report.tables.curves import payback_curves
    from nyttocalc.scenario.load import load

    pytest.importorskip("plotext")
    for plot in (*payback_curves(analyse(load(LIVA).model), "sv"), _tornado()):
        lines = terminal.draw(plot, width, colour=False)
        text = " ".join(line.strip() for line in lines)
        assert all(len(line) <= width for line in lines), plot.title
        assert plot.title in text
        assert plot.y_label in text  # the curve's y axis, the tornado's values
        assert plot.x_label in text


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "No number of workers pays back the cost at this rate"),
    ("sv", "Inget antal i arbete betalar tillbaka kostnaden vid denna subvention")])
def test_plot_says_when_there_is_nothing_to_draw(lang: str, expected: str) -> None:
    result = run_cli("payback", LIVA, "--plot", "--set", "cohort.drop_off_rate=1",
                     "--lang", lang)
    assert result.code == 0
    assert result.stdout.count(expected) == 2  # society and the municipality


# A chart's ticks and scale, whatever the range (issue 26): from 0 and the smallest subnormal
# to the largest float, in every unit.

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
