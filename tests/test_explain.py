"""--explain's arithmetic can be redone by hand: the numbers it shows, put through the formula it
shows, give the result it prints."""

from __future__ import annotations

import math
import re

from hypothesis import given
from hypothesis import strategies as st

from nyttocalc.core.figures import Figure, evaluate
from nyttocalc.core.model import Model
from nyttocalc.report.language import numbers
from nyttocalc.report.language.explained import arithmetic
from tests.conftest import LIVA, run_cli
from tests.strategies import models, timed_models
from tests.test_core_properties import all_figures

_NUMBER = r"-?\d{1,3}(?:,\d{3})*(?:\.\d+)?"
# How an English explanation writes a number, and what it is as a plain number.
_READINGS = [
    (re.compile(rf"SEK\xa0({_NUMBER})bn"), 1e9),
    (re.compile(rf"SEK\xa0({_NUMBER})m"), 1e6),
    (re.compile(rf"SEK\xa0({_NUMBER})"), 1.0),
    (re.compile(rf"({_NUMBER})%"), 0.01),
    (re.compile(rf"({_NUMBER})×"), 1.0),
    (re.compile(rf"(?<![\w.])({_NUMBER})(?![\w.])"), 1.0),
]


def redo(expression: str) -> float:
    """An explanation's left-hand side, read as a reader reads it, and computed."""
    literals: list[float] = []

    def literal(scale: float):  # type: ignore[no-untyped-def]
        def replace(match: re.Match[str]) -> str:
            literals.append(float(match.group(1).replace(",", "")) * scale)
            return f"{{n{len(literals) - 1}}}"
        return replace

    for pattern, scale in _READINGS:
        expression = pattern.sub(literal(scale), expression)
    return float(evaluate(expression, {f"n{i}": v for i, v in enumerate(literals)}))


def redoes(fig: Figure) -> bool:
    shown = arithmetic(fig, "en")
    if fig.never_with is not None and math.isinf(fig.never_with.value):
        return True  # "persons = never": nothing to compute
    left, _, result = shown.rpartition(" = ")
    if not left:  # a figure that is one number shown as it is: said once
        return result == numbers.figure(fig.value, fig.unit, "en")
    return numbers.figure(redo(left), fig.unit, "en") == result


@given(model=st.one_of(models(), timed_models()))
def test_every_explanation_redoes_by_hand(model: Model) -> None:
    for fig in all_figures(model):
        if math.isfinite(fig.value):
            assert redoes(fig), arithmetic(fig, "en")


def test_a_cost_that_mkr_would_round_is_shown_to_the_krona() -> None:
    """4 875 000 kr is "SEK 4.88m" in a table; in the arithmetic of a write-off it must be
    written out, or "4.88m / 10" would not be 487 500."""
    out = run_cli("payback", LIVA, "--explain", "--set", "inputs.municipal_funding=2900000")
    assert "SEK\xa04,875,000 / 10 = SEK\xa0487,500" in out.stdout
    sv = run_cli("payback", LIVA, "--explain", "--lang", "sv",
                 "--set", "inputs.municipal_funding=2900000")
    assert "4\xa0875\xa0000\xa0kr / 10 = 487\xa0500\xa0kr" in sv.stdout


def test_inputs_are_shown_as_given() -> None:
    """A tax rate of 22,02 % is not written 22 %, even where the result would round the same."""
    out = run_cli("payback", LIVA, "--explain", "--set",
                  "perspectives.municipality.value_per_person_year.0.input="
                  "municipal_revenue_from_income").stdout
    assert "× 22.02%" in out


def test_discounted_explain_shows_every_intermediate() -> None:
    table = run_cli("payback", LIVA, "--explain", "--set", "analysis.discount_rate=0.035").stdout
    assert "= cost_present_value / (horizon_present_value × value)" in table
    spread = "\ncost_present_value\n    = cost × pv_spread(discount_rate, intervention_years)"
    assert spread in table
    assert "\nhorizon_present_value\n    = pv_years(intervention_years + delay_years, horizon," \
        in table
