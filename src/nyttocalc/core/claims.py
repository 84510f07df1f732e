"""Does a report's published figure follow from its own inputs?

A ``Claim`` is a figure as a report prints it: the number, how the report qualifies it ("cirka",
"drygt", …), its printed precision, and what it claims to be: a figure the payback analysis
computes (``FigureRef``), or a stated piece of arithmetic (a formula over inputs, computed
figures and the report's own printed numbers). ``check`` computes each claim and judges it by
the one rule for its qualifier (``RULES``). Where a claim does not follow, ``check`` looks for a
likely reason: a cost the figure would fit, or an intermediate figure the report rounded before
using it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from nyttocalc.core.arith import ROUND_OFF
from nyttocalc.core.figures import Figure, Term, Unit, evaluate
from nyttocalc.core.model import Model
from nyttocalc.core.payback import FIGURES, PaybackAnalysis, analyse
from nyttocalc.errors import NyttocalcError


class Qualifier(StrEnum):
    EXACT = "exact"  # printed without a qualifier
    CIRKA = "cirka"  # "cirka", "ca", "omkring": about
    DRYGT = "drygt"  # just over
    KNAPPT = "knappt"  # just under
    NASTAN = "nästan"  # almost
    MINST = "minst"  # at least
    HOGST = "högst"  # at most


class Verdict(StrEnum):
    HOLDS = "holds"
    ROUNDING = "rounding"  # holds within the rounding that the qualifier and precision state
    DOES_NOT_FOLLOW = "does-not-follow"


_NOISE = ROUND_OFF  # relative: float arithmetic, not a tolerance of any claim


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= _NOISE * max(1.0, abs(a), abs(b))


def _within_rounding(c: float, p: float, q: float) -> bool:
    """``c`` printed at precision ``q`` reads ``p``: |c − p| ≤ q/2 (either half-way rule)."""
    return abs(c - p) <= q / 2 * (1 + _NOISE) + _NOISE * max(1.0, abs(p))


def _judge_rounded(c: float, p: float, q: float) -> Verdict:
    if _same(c, p):
        return Verdict.HOLDS
    return Verdict.ROUNDING if _within_rounding(c, p, q) else Verdict.DOES_NOT_FOLLOW


def _judge_interval(ok: bool) -> Verdict:
    return Verdict.ROUNDING if ok else Verdict.DOES_NOT_FOLLOW


def _judge_bound(ok: bool) -> Verdict:
    return Verdict.HOLDS if ok else Verdict.DOES_NOT_FOLLOW


def _judge_just_under(c: float, p: float, q: float) -> Verdict:
    return _judge_interval(p - q <= c < p and not _same(c, p))


@dataclass(frozen=True)
class Rule:
    """What a qualified figure p, printed at precision q, says of the computed figure c."""

    meaning: str  # the rule in words, with p and q, as the README documents it
    judge: Callable[[float, float, float], Verdict]


# The one place where the tolerance of each qualifier is written. Never tuned per claim.
RULES: Mapping[Qualifier, Rule] = {
    Qualifier.EXACT: Rule("c = p, or c rounds to p at the printed precision: |c − p| ≤ q/2",
                          _judge_rounded),
    Qualifier.CIRKA: Rule("c rounds to p at the printed precision: |c − p| ≤ q/2",
                          _judge_rounded),
    Qualifier.DRYGT: Rule("c is just over p: p < c < p + q",
                          lambda c, p, q: _judge_interval(p < c < p + q and not _same(c, p))),
    Qualifier.KNAPPT: Rule("c is just under p: p − q ≤ c < p", _judge_just_under),
    Qualifier.NASTAN: Rule("c is almost p: p − q ≤ c < p", _judge_just_under),
    Qualifier.MINST: Rule("c is at least p: c ≥ p",
                          lambda c, p, q: _judge_bound(c >= p or _same(c, p))),
    Qualifier.HOGST: Rule("c is at most p: c ≤ p",
                          lambda c, p, q: _judge_bound(c <= p or _same(c, p))),
}


def judge(qualifier: Qualifier, computed: float, published: float, precision: float) -> Verdict:
    if not math.isfinite(computed):
        return Verdict.DOES_NOT_FOLLOW
    return RULES[qualifier].judge(computed, published, precision)


@dataclass(frozen=True)
class FigureRef:
    """A figure of the payback analysis: perspective, figure name and the row's dimensions."""

    perspective: str
    figure: str
    dims: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Operand:
    """A term of a stated arithmetic: a known number (an input, or a number the report prints)
    or a figure the analysis computes."""

    symbol: str
    unit: Unit | None = None  # a computed figure brings its own
    value: float | None = None
    figure: FigureRef | None = None
    source: Figure | None = None  # how a computed input's value was computed
    path: str | None = None  # the key path of the input it reads, if it reads one


@dataclass(frozen=True)
class Claim:
    id: str
    qualifier: Qualifier
    published: float
    precision: float
    unit: Unit | None  # of a stated arithmetic; a figure's own unit otherwise
    figure: FigureRef | None = None  # what it claims to be, or …
    formula: str | None = None  # … the arithmetic it states, over ``operands``
    operands: Mapping[str, Operand] = field(default_factory=dict)


@dataclass(frozen=True)
class Reason:
    """A likely reason why a claim does not follow; ``kind`` selects the sentence."""

    kind: str  # "never", "fits_cost", "rounded_first"
    values: Mapping[str, float] = field(default_factory=dict)
    symbol: str = ""
    unit: Unit = Unit.SEK


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    computed: Figure
    verdict: Verdict
    reasons: tuple[Reason, ...] = ()

    @property
    def difference(self) -> float:
        return self.computed.value - self.claim.published


class ClaimError(NyttocalcError):
    """A claim names a figure that the analysis does not have."""


def check(claims: tuple[Claim, ...], model: Model) -> tuple[ClaimResult, ...]:
    """Judge every claim. The model is analysed at its own subsidy rates and horizons and at
    those the claims name, so a claim does not depend on which rows the payback tables list."""
    analysis = analyse(_with_claimed_points(model, claims))
    first = [check_one(claim, analysis) for claim in claims]
    printed = _printed_figures(first)
    return tuple(_explained(result, printed) for result in first)


def _printed_figures(results: list[ClaimResult]) -> list[tuple[float, float]]:
    """(computed, published) of the claims that read as printed: how the report itself prints
    those figures. A claim that does not follow may have used one of these instead."""
    return [(r.computed.value, r.claim.published) for r in results
            if r.verdict is not Verdict.DOES_NOT_FOLLOW and not _same(r.computed.value,
                                                                      r.claim.published)]


def _with_claimed_points(model: Model, claims: tuple[Claim, ...]) -> Model:
    refs = [c.figure for c in claims if c.figure is not None]
    refs += [o.figure for c in claims for o in c.operands.values() if o.figure is not None]
    rates = {float(r.dims["subsidy_rate"]) for r in refs if "subsidy_rate" in r.dims}
    horizons = {float(r.dims["horizon_years"]) for r in refs if "horizon_years" in r.dims}
    return replace(
        model,
        subsidy_rates=(*model.subsidy_rates, *sorted(rates - set(model.subsidy_rates))),
        horizons_years=(*model.horizons_years, *sorted(horizons - set(model.horizons_years))),
    )


def check_one(claim: Claim, analysis: PaybackAnalysis) -> ClaimResult:
    computed = _compute(claim, analysis)
    verdict = judge(claim.qualifier, computed.value, claim.published, claim.precision)
    return ClaimResult(claim, computed, verdict)


def _explained(result: ClaimResult, printed: list[tuple[float, float]]) -> ClaimResult:
    if result.verdict is not Verdict.DOES_NOT_FOLLOW:
        return result
    return replace(result, reasons=_reasons(result.claim, result.computed, printed))


def _compute(claim: Claim, analysis: PaybackAnalysis) -> Figure:
    if claim.figure is not None:
        return find_figure(analysis, claim.figure, claim.id)
    assert claim.formula is not None
    terms = {}
    for name, operand in claim.operands.items():
        if operand.figure is not None:
            source = find_figure(analysis, operand.figure, claim.id)
            terms[name] = Term(operand.symbol, source.value, source.unit, source)
        else:
            assert operand.value is not None
            assert operand.unit is not None
            terms[name] = Term(operand.symbol, operand.value, operand.unit, operand.source,
                               operand.path)
    only = next(iter(terms.values())) if len(terms) == 1 else None
    if only is not None and only.source is not None and claim.formula == "{" + next(
            iter(terms)) + "}":
        return only.source  # the claim is a computed input: show how it is computed
    value = evaluate(claim.formula, {name: term.value for name, term in terms.items()})
    return Figure(value, claim.unit or Unit.SEK, claim.formula, terms)


def find_figure(analysis: PaybackAnalysis, ref: FigureRef, claim_id: str) -> Figure:
    """The one figure that ``ref`` names; a ``ClaimError`` that says what exists otherwise."""
    try:
        result = analysis.perspective(ref.perspective)
    except StopIteration:
        known = ", ".join(p.perspective.key for p in analysis.perspectives)
        raise ClaimError(f"claim {claim_id!r} names the perspective {ref.perspective!r}; the "
                         f"scenario has: {known}") from None
    kind = FIGURES.get(ref.figure)
    for row in result.groups()[kind.group] if kind else ():
        if set(ref.dims) == set(kind.dims) and all(  # type: ignore[union-attr]
                _same(float(getattr(row, k)), float(v)) for k, v in ref.dims.items()):
            figure = getattr(row, ref.figure)
            assert isinstance(figure, Figure)
            return figure
    dims = ", ".join(f"{k} {v:g}" for k, v in ref.dims.items()) or "no dimensions"
    raise ClaimError(f"claim {claim_id!r} names {ref.perspective}'s {ref.figure} at {dims}, "
                     "which the analysis does not compute (is the figure name, subsidy rate, "
                     "horizon or number of persons one the scenario lists?)")


# ---- likely reasons ---------------------------------------------------------------------------

COST_SYMBOL = "cost"
_SIGNIFICANT_DIGITS = (3, 2, 1)  # the finest rounding that explains a figure is the likeliest


def _reasons(claim: Claim, computed: Figure,
             printed: list[tuple[float, float]]) -> tuple[Reason, ...]:
    if not math.isfinite(computed.value):
        return (Reason("never"),)
    reasons = _rounded_first(claim, computed, printed)  # the smaller change first
    fits = _fitting_cost(claim, computed)
    if fits is not None:
        reasons.append(fits)
    return tuple(reasons)


def _passes(claim: Claim, value: float) -> bool:
    return judge(claim.qualifier, value, claim.published, claim.precision) is not (
        Verdict.DOES_NOT_FOLLOW)


def _fitting_cost(claim: Claim, computed: Figure) -> Reason | None:
    """The range of costs at which this figure would read as published, if it depends on one.

    The figure is recomputed from its own derivation with another cost. Every payback figure is
    monotone in the cost (most rise with it, a multiple of it falls), so a cost that fits is
    sought where the figure crosses the published value, and the range around it by bisection.
    """
    cost = next((t for t in computed.derivation() if t.symbol == COST_SYMBOL), None)
    if cost is None or cost.value <= 0:
        return None

    def at(x: float) -> float:
        return computed.recompute({COST_SYMBOL: x})

    fitting = next((x for x in _cost_candidates(at, claim.published, cost.value)
                    if _passes(claim, at(x))), None)
    if fitting is None:
        return None
    low = _boundary(at, claim, inside=fitting, outside=0.0)
    high = _boundary(at, claim, inside=fitting, outside=fitting * 4 + cost.value)
    return Reason("fits_cost", {"low": low, "high": high, "cost": cost.value}, COST_SYMBOL,
                  Unit.SEK)


def _cost_candidates(at: Callable[[float], float], published: float,
                     cost: float) -> list[float]:
    """Costs to try: the proportional guess, and the cost where the figure crosses ``published``
    (just at it and just past it, for figures that move in whole steps)."""
    now = at(cost)
    candidates = [cost * published / now] if now > 0 and math.isfinite(now) else []
    rising = at(cost * 2) >= now
    low, high = 0.0, cost
    for _ in range(60):  # widen until the figure has passed the published value
        if (at(high) >= published) == rising:
            break
        high *= 2
    else:
        return candidates
    for _ in range(100):
        middle = (low + high) / 2
        if (at(middle) >= published) == rising:
            high = middle
        else:
            low = middle
    candidates += [high, high * (1 + 1e-9), low]
    return [x for x in candidates if math.isfinite(x) and x > 0]


def _boundary(at: Callable[[float], float], claim: Claim, inside: float,
              outside: float) -> float:
    if _passes(claim, at(outside)):
        return outside
    for _ in range(80):
        middle = (inside + outside) / 2
        if _passes(claim, at(middle)):
            inside = middle
        else:
            outside = middle
    return inside


def _rounded_first(claim: Claim, computed: Figure,
                   printed: list[tuple[float, float]]) -> list[Reason]:
    """Intermediate figures that, rounded as the report prints them elsewhere or as a report
    rounds (3, 2, 1 significant digits), make the claim read as printed."""
    found = []
    for term in computed.derivation():
        if term.source is None or float(term.value).is_integer() or term.value <= 0:
            continue  # only computed, fractional figures are rounded on the way
        as_printed = [p for c, p in printed if _same(c, term.value)]
        candidates = [*as_printed, *(_round_significant(term.value, d)
                                     for d in _SIGNIFICANT_DIGITS)]
        for rounded in candidates:
            if _same(rounded, term.value):
                continue
            if _passes(claim, computed.recompute({term.symbol: rounded})):
                found.append(Reason("rounded_first", {"value": term.value, "rounded": rounded},
                                    term.symbol, term.unit))
                break
    return found


def _round_significant(x: float, digits: int) -> float:
    exponent = math.floor(math.log10(abs(x))) - digits + 1
    return float(round(x / 10**exponent) * 10.0**exponent)
