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
from nyttocalc.core.intervals import Interval, of_figure
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
    # follows (by the qualifier's rule) from some numbers within the printed rounding of its
    # inputs, though not from the inputs as given: a total of parts each rounded to the krona
    INPUT_ROUNDING = "input-rounding"
    # follows (within that rounding) only from an intermediate figure as the report prints it
    ROUNDING_CHAIN = "rounding-chain"
    DOES_NOT_FOLLOW = "does-not-follow"


def fails(verdict: Verdict, strict: bool = False) -> bool:
    """Whether a verdict fails ``check``: "does not follow" always, a rounding chain when
    ``strict``; never a figure that holds given the rounding of its inputs."""
    return verdict is Verdict.DOES_NOT_FOLLOW or (strict and verdict is Verdict.ROUNDING_CHAIN)


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


def _rounded_band(p: float, q: float) -> tuple[float, float]:
    slack = q / 2 * (1 + _NOISE) + _NOISE * max(1.0, abs(p))
    return p - slack, p + slack


@dataclass(frozen=True)
class Rule:
    """What a qualified figure p, printed at precision q, says of the computed figure c: the
    verdict on c, and the band of figures c it admits (for a computed interval)."""

    meaning: str  # the rule in words, with p and q, as docs/method/claims.md has it
    judge: Callable[[float, float, float], Verdict]
    band: Callable[[float, float], tuple[float, float]]


# The one place where the tolerance of each qualifier is written. Never tuned per claim.
RULES: Mapping[Qualifier, Rule] = {
    Qualifier.EXACT: Rule("c = p, or c rounds to p at the printed precision: |c − p| ≤ q/2",
                          _judge_rounded, _rounded_band),
    Qualifier.CIRKA: Rule("c rounds to p at the printed precision: |c − p| ≤ q/2",
                          _judge_rounded, _rounded_band),
    Qualifier.DRYGT: Rule("c is just over p: p < c < p + q",
                          lambda c, p, q: _judge_interval(p < c < p + q and not _same(c, p)),
                          lambda p, q: (p, p + q)),
    Qualifier.KNAPPT: Rule("c is just under p: p − q ≤ c < p", _judge_just_under,
                           lambda p, q: (p - q, p)),
    Qualifier.NASTAN: Rule("c is almost p: p − q ≤ c < p", _judge_just_under,
                           lambda p, q: (p - q, p)),
    Qualifier.MINST: Rule("c is at least p: c ≥ p",
                          lambda c, p, q: _judge_bound(c >= p or _same(c, p)),
                          lambda p, q: (p, math.inf)),
    Qualifier.HOGST: Rule("c is at most p: c ≤ p",
                          lambda c, p, q: _judge_bound(c <= p or _same(c, p)),
                          lambda p, q: (-math.inf, p)),
}


def judge(qualifier: Qualifier, computed: float, published: float, precision: float) -> Verdict:
    if not math.isfinite(computed):
        return Verdict.DOES_NOT_FOLLOW
    return RULES[qualifier].judge(computed, published, precision)


@dataclass(frozen=True)
class FigureRef:
    """A figure of the payback analysis: perspective, figure name and the row's dimensions; or
    a key figure of the first year after (``outcomes``), of one group or of all of them."""

    perspective: str
    figure: str
    dims: Mapping[str, float] = field(default_factory=dict)
    group: str | None = None

    @property
    def is_key_figure(self) -> bool:
        return self.group is not None or self.figure not in FIGURES


@dataclass(frozen=True)
class Operand:
    """A term of a stated arithmetic: a known number (an input, or a number the report prints),
    a figure the analysis computes, or another claim's computed figure."""

    symbol: str
    unit: Unit | None = None  # a computed figure brings its own
    value: float | None = None
    figure: FigureRef | None = None
    source: Figure | None = None  # how a computed input's value was computed
    path: str | None = None  # the key path of the input it reads, if it reads one
    claim: str | None = None  # the id of the claim whose computed figure it is
    margin: float = 0.0  # half the last printed digit of a number the report prints


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
    document: str = ""  # the source it cites: a rounding chain stays within one document
    trailing_zero: bool = False  # printed with a last decimal 0 ("$1.40"), maybe padding

    def needs(self) -> list[str]:
        """The ids of the claims whose figures this claim's arithmetic uses."""
        return [o.claim for o in self.operands.values() if o.claim is not None]


@dataclass(frozen=True)
class Reason:
    """A likely reason why a claim does not follow; ``kind`` selects the sentence."""

    kind: str  # "never", "undefined", "fits_cost", "rounded_first", "lowers_count",
    # "zero_divisor" (a division by 0), "padded_zero" (it reads as printed one decimal fewer)
    values: Mapping[str, float] = field(default_factory=dict)
    symbol: str = ""
    unit: Unit = Unit.SEK
    claim: str = ""  # lowers_count: the claim where the report prints the rounded figure


@dataclass(frozen=True)
class Chain:
    """How a claim follows from an intermediate figure as the report prints it elsewhere."""

    symbol: str  # the intermediate, in the claim's derivation
    value: float  # … as computed
    printed: float  # … as the report prints it
    claim: str  # the id of the claim where the report prints it
    figure: Figure  # the claim's figure recomputed from the printed intermediate
    qualifier: Qualifier = Qualifier.EXACT  # … and how that claim qualifies it ("cirka")


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    computed: Figure
    verdict: Verdict
    reasons: tuple[Reason, ...] = ()
    chain: Chain | None = None
    # What the figure can be with every printed input anywhere within its rounding (the
    # computed value alone where no input is printed); unbounded where a divisor may be 0.
    interval: Interval | None = None

    @property
    def difference(self) -> float:
        return self.computed.value - self.claim.published

    @property
    def bounds(self) -> Interval:
        return self.interval or Interval.around(self.computed.value)

    @property
    def band(self) -> tuple[float, float]:
        """The figures the published one admits, by its qualifier's rule."""
        return RULES[self.claim.qualifier].band(self.claim.published, self.claim.precision)

    @property
    def misses_by(self) -> float | None:
        """For a claim that does not follow: how far the figures its inputs allow are from the
        published figure's band; None where there is no bound (a figure never reached, or a
        divisor that may be 0)."""
        if self.verdict is not Verdict.DOES_NOT_FOLLOW or not self.bounds.bounded:
            return None
        gap = self.bounds.distance(*self.band)
        return gap if math.isfinite(gap) else None


class ClaimError(NyttocalcError):
    """A claim names a figure that the analysis does not have."""


def check(claims: tuple[Claim, ...], model: Model) -> tuple[ClaimResult, ...]:
    """Judge every claim. The model is analysed at its own subsidy rates and horizons and at
    those the claims name, so a claim does not depend on which rows the payback tables list.
    A claim that uses another's figure is computed after it (the scenario has no circles)."""
    analysis = analyse(_with_claimed_points(model, claims))
    done: dict[str, ClaimResult] = {}
    for claim in _in_order_of_need(claims):
        done[claim.id] = check_one(claim, analysis, {k: r.computed for k, r in done.items()})
    first = [_bounded(done[claim.id], model.margins,
                      _printed_figures(list(done.values()), claim.document)) for claim in claims]
    return tuple(_explained(index, first) for index in range(len(first)))


def _printed_figures(results: list[ClaimResult], document: str) -> dict[int, Interval]:
    """What a document itself says its figures are: each figure one of its claims prints and
    which holds (as given, or within its rounding), within that claim's band, by the figure's
    ``id``. A later figure computed from it can be no further off than the report says."""
    return {id(r.computed): Interval(*r.band) for r in results
            if r.claim.document == document and r.verdict in (Verdict.HOLDS, Verdict.ROUNDING)}


def _bounded(result: ClaimResult, margins: Mapping[str, float],
             printed: Mapping[int, Interval]) -> ClaimResult:
    """The claim with the figures its printed inputs allow; one that does not follow from its
    inputs as given holds given their rounding where those figures reach the published one."""
    interval = of_figure(result.computed, margins, printed)
    verdict = result.verdict
    if (verdict is Verdict.DOES_NOT_FOLLOW and math.isfinite(result.computed.value)
            and interval.reaches(*result.band)):
        verdict = Verdict.INPUT_ROUNDING
    return replace(result, verdict=verdict, interval=interval)


def _in_order_of_need(claims: tuple[Claim, ...]) -> list[Claim]:
    """The claims, each after the claims whose figures it uses."""
    by_id = {claim.id: claim for claim in claims}
    ordered: dict[str, Claim] = {}

    def visit(claim: Claim, path: tuple[str, ...]) -> None:
        if claim.id in ordered:
            return
        if claim.id in path:
            raise ClaimError(f"the claims use each other's figures in a circle: "
                             f"{' → '.join((*path, claim.id))}")
        for needed in claim.needs():
            if needed not in by_id:
                raise ClaimError(f"claim {claim.id!r} uses the figure of claim {needed!r}, "
                                 "which the scenario does not have")
            visit(by_id[needed], (*path, claim.id))
        ordered[claim.id] = claim

    for claim in claims:
        visit(claim, ())
    return list(ordered.values())


def _printed_elsewhere(index: int, results: list[ClaimResult]) -> list[ClaimResult]:
    """The other claims of the same document that read as printed but rounded: how the report
    itself prints those figures. Nearest first, earlier before later (claims are transcribed
    in the report's order), so a chain names the sentence the report most likely used."""
    claim = results[index].claim
    order = sorted(range(len(results)), key=lambda i: (abs(i - index), i > index))
    return [results[i] for i in order
            if i != index and results[i].claim.document == claim.document
            and results[i].verdict in (Verdict.HOLDS, Verdict.ROUNDING)
            and not _same(results[i].computed.value, results[i].claim.published)]


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


def check_one(claim: Claim, analysis: PaybackAnalysis,
              claimed: Mapping[str, Figure] | None = None) -> ClaimResult:
    """One claim's figure and its verdict on the inputs as given; ``claimed`` holds the figures
    of the claims it uses, by id."""
    computed = _compute(claim, analysis, claimed or {})
    verdict = judge(claim.qualifier, computed.value, claim.published, claim.precision)
    return ClaimResult(claim, computed, verdict)


def _explained(index: int, results: list[ClaimResult]) -> ClaimResult:
    """A claim that does not follow: a rounding chain if it follows from an intermediate as
    the report prints it, else the likely reasons why it does not follow."""
    result = results[index]
    if result.verdict is not Verdict.DOES_NOT_FOLLOW:
        return result
    chain, lowering = _printed_intermediate(result, _printed_elsewhere(index, results))
    if chain is not None:
        return replace(result, verdict=Verdict.ROUNDING_CHAIN, chain=chain)
    return replace(result, reasons=_reasons(result.claim, result.computed, lowering))


def _compute(claim: Claim, analysis: PaybackAnalysis, claimed: Mapping[str, Figure]) -> Figure:
    if claim.figure is not None:
        return find_figure(analysis, claim.figure, claim.id)
    assert claim.formula is not None
    terms = {}
    for name, operand in claim.operands.items():
        if operand.figure is not None or operand.claim is not None:
            source = (claimed[operand.claim] if operand.claim is not None
                      else find_figure(analysis, operand.figure, claim.id))  # type: ignore[arg-type]
            terms[name] = Term(operand.symbol, source.value, source.unit, source)
        else:
            assert operand.value is not None
            assert operand.unit is not None
            terms[name] = Term(operand.symbol, operand.value, operand.unit, operand.source,
                               operand.path, operand.margin)
    only = next(iter(terms.values())) if len(terms) == 1 else None
    if only is not None and only.source is not None and claim.formula == "{" + next(
            iter(terms)) + "}":
        return only.source  # the claim is a computed input: show how it is computed
    value = evaluate(claim.formula, {name: term.value for name, term in terms.items()},
                     plain_division=True)
    return Figure(value, claim.unit or Unit.SEK, claim.formula, terms, plain_division=True)


def find_figure(analysis: PaybackAnalysis, ref: FigureRef, claim_id: str) -> Figure:
    """The one figure that ``ref`` names; a ``ClaimError`` that says what exists otherwise."""
    try:
        result = analysis.perspective(ref.perspective)
    except StopIteration:
        known = ", ".join(p.perspective.key for p in analysis.perspectives)
        raise ClaimError(f"claim {claim_id!r} names the perspective {ref.perspective!r}; the "
                         f"scenario has: {known}") from None
    if ref.is_key_figure:
        found = analysis.outcomes.figure(ref.perspective, ref.figure, ref.group) if (
            analysis.outcomes is not None) else None
        if found is None:
            raise ClaimError(f"claim {claim_id!r} names {ref.perspective}'s key figure "
                             f"{ref.figure}{f' of group {ref.group}' if ref.group else ''}, "
                             "which the analysis does not compute")
        return found
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


def _reasons(claim: Claim, computed: Figure, lowering: list[Reason]) -> tuple[Reason, ...]:
    if math.isnan(computed.value):  # a share of nothing, or a stated division by zero
        return (Reason("zero_divisor" if computed.plain_division else "undefined"),)
    if not math.isfinite(computed.value):
        return (Reason("never"),)
    guessed = [r for r in _rounded_first(claim, computed)
               if r.symbol not in {low.symbol for low in lowering}]
    reasons = [*lowering, *_padded_zero(claim, computed), *guessed]  # the smaller change first
    fits = _fitting_cost(claim, computed)
    if fits is not None:
        reasons.append(fits)
    return tuple(reasons)


def _printed_intermediate(result: ClaimResult, printed: list[ClaimResult]
                          ) -> tuple[Chain | None, list[Reason]]:
    """The first intermediate figure of the claim's derivation that, as another claim of the
    report prints it, makes the claim read as printed: a chain. Such a rounding that lowers a
    count of what suffices (a ceil: whole persons, half-time steps, the fewest subsidised) would
    change the report's conclusion, so it is no chain but a reason why the claim does not
    follow."""
    claim, computed = result.claim, result.computed
    lowering: list[Reason] = []
    for term in _rounded_candidates(computed):
        for other in printed:
            if other.computed.unit is not term.unit or not _same(other.computed.value,
                                                                 term.value):
                continue
            figure = computed.with_term(term.symbol, other.claim.published)
            if not _passes(claim, figure.value):
                continue
            if _lowers_a_count(computed, figure, term.symbol):
                lowering.append(Reason(
                    "lowers_count", {"value": term.value, "rounded": other.claim.published,
                                     "count": figure.value, "needed": computed.value},
                    term.symbol, term.unit, other.claim.id))
                break
            return Chain(term.symbol, term.value, other.claim.published, other.claim.id,
                         figure, other.claim.qualifier), lowering
    return None, lowering


def _rounded_candidates(computed: Figure) -> list[Term]:
    """Only computed, fractional, positive figures are rounded on the way."""
    return [t for t in computed.derivation()
            if t.source is not None and not float(t.value).is_integer() and t.value > 0]


def _lowers_a_count(computed: Figure, rounded: Figure, symbol: str) -> bool:
    return any(r < c and not _same(r, c) for r, c in zip(
        rounded.rounded_up(symbol), computed.rounded_up(symbol), strict=True))


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


def _padded_zero(claim: Claim, computed: Figure) -> list[Reason]:
    """A figure printed with a last decimal 0 ("$1.40") that reads as printed one decimal
    fewer (1.36 → 1.4): a report that rounds a ratio to 0.1 and writes it as cents. Said as a
    reason; the claim does not follow as printed."""
    coarser = claim.precision * 10
    if not claim.trailing_zero or judge(claim.qualifier, computed.value, claim.published,
                                        coarser) is Verdict.DOES_NOT_FOLLOW:
        return []
    return [Reason("padded_zero", {"precision": coarser, "value": computed.value},
                   unit=computed.unit)]


def _rounded_first(claim: Claim, computed: Figure) -> list[Reason]:
    """Intermediate figures that, rounded as a report rounds (3, 2, 1 significant digits), make
    the claim read as printed: a guess at the reason, never a verdict."""
    found = []
    for term in _rounded_candidates(computed):
        for digits in _SIGNIFICANT_DIGITS:
            rounded = _round_significant(term.value, digits)
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
