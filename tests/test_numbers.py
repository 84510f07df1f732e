"""Numbers as the report writes them (sv) and as English readers expect (en)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nyttocalc.core.figures import Unit
from nyttocalc.report.language import numbers

NBSP = "\u00a0"


@pytest.mark.parametrize(("value", "unit", "sv", "en"), [
    (2_750_000, Unit.SEK, f"2,75{NBSP}mkr", f"SEK{NBSP}2.75m"),
    (1_200_000, Unit.SEK, f"1,2{NBSP}mkr", f"SEK{NBSP}1.2m"),
    (24_000_000, Unit.SEK, f"24{NBSP}mkr", f"SEK{NBSP}24m"),
    (175_000, Unit.SEK_PER_PERSON_YEAR, f"175{NBSP}000{NBSP}kr", f"SEK{NBSP}175,000"),
    (131_999.99999999997, Unit.SEK_PER_PERSON_YEAR, f"132{NBSP}000{NBSP}kr",
     f"SEK{NBSP}132,000"),
    (0.10913, Unit.SHARE, f"10,9{NBSP}%", "10.9%"),
    (0.11, Unit.SHARE, f"11{NBSP}%", "11%"),
    (8.727, Unit.MULTIPLE, f"8,7{NBSP}ggr", "8.7×"),
    (1.5277, Unit.PERSONS, "1,53", "1.53"),
    (2.5, Unit.PERSONS, "2,5", "2.5"),
    (7.0, Unit.YEARS, "7", "7"),
    (math.inf, Unit.PERSONS, "aldrig", "never"),
    (math.inf, Unit.MULTIPLE, "–", "n/a"),
    (-0.0, Unit.PERSONS, "0", "0"),
    # half-way cases round away from zero, as the report and a reader redoing it do
    (8.125, Unit.PERSONS, "8,13", "8.13"),
    (3.125, Unit.YEARS, "3,13", "3.13"),
    (2_125_000, Unit.SEK, f"2,13{NBSP}mkr", f"SEK{NBSP}2.13m"),
    (-2_125_000, Unit.SEK, f"-2,13{NBSP}mkr", f"SEK{NBSP}-2.13m"),
    (487_500.5, Unit.SEK_PER_YEAR, f"487{NBSP}501{NBSP}kr", f"SEK{NBSP}487,501"),
    (2.5, Unit.SEK, f"3{NBSP}kr", f"SEK{NBSP}3"),
    (0.1125, Unit.SHARE, f"11,3{NBSP}%", "11.3%"),
    (2.675, Unit.PERSONS, "2,68", "2.68"),  # as it reads, not as its binary value lies
])
def test_formats(value: float, unit: Unit, sv: str, en: str) -> None:
    assert numbers.figure(value, unit, "sv") == sv
    assert numbers.figure(value, unit, "en") == en


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_swedish_numbers_read_back(x: float) -> None:
    text = numbers.number(x, "sv", 2)
    assert "." not in text
    back = float(text.replace(NBSP, "").replace(",", "."))
    assert abs(back - x) <= 0.005 + 2 * math.ulp(x)  # half a unit of the last digit shown


@given(st.floats(allow_nan=True, allow_infinity=True),
       st.sampled_from(list(Unit)), st.sampled_from(["en", "sv"]))
def test_never_prints_inf_or_nan(x: float, unit: Unit, lang: str) -> None:
    text = numbers.figure(x, unit, lang).lower()
    assert "inf" not in text
    assert "nan" not in text


@given(st.integers(0, 10**6), st.sampled_from(["en", "sv"]))
def test_a_share_as_given_shows_its_own_digits_as_a_percentage(millionths: int,
                                                              lang: str) -> None:
    """Any share with at most six decimals (0.3405) shows as exactly its digits moved two
    places (34,05 %): never the binary product 0.3405 × 100 = 34.050000000000004, and no more
    decimals than it needs."""
    from decimal import Decimal

    exact = Decimal(millionths).scaleb(-6)
    share = float(exact)
    text, value = numbers.as_given(share, Unit.SHARE, lang)
    shown = text.removesuffix("%").removesuffix(NBSP).replace(",", ".")
    assert value == share
    assert Decimal(shown) == exact * 100
    needed = max(0, -int((exact * 100).normalize().as_tuple().exponent))
    assert len(shown.partition(".")[2]) == needed, (share, text)


def test_the_tax_credit_rate_of_2019_shows_as_given() -> None:
    assert numbers.as_given(0.3405, Unit.SHARE, "en")[0] == "34.05%"
    assert numbers.as_given(0.3405, Unit.SHARE, "sv")[0] == f"34,05{NBSP}%"
