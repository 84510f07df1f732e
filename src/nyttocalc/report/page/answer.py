"""The answer, first: who pays, who gains and when, in sentences and one compact table.

A board member reads this and nothing else. Every number is one of the analysis' own figures
(the break-even counts, the values per employed person-year, the key figures of the first year
after, the Monte Carlo chances, the sensitivity of the payback time, the claims' verdicts),
formatted as the tables format it; nothing here computes a figure of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nyttocalc.core.claims import ClaimResult, Verdict
from nyttocalc.core.figures import Unit
from nyttocalc.core.payback import KeyFigures, Outlook, PaybackAnalysis, PerspectiveResult, Row
from nyttocalc.core.sensitivity import Effect
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label
from nyttocalc.report.language.phrases import rate_phrase
from nyttocalc.report.tables.payback import key_figure_heading
from nyttocalc.report.tables.printout import Table, horizon_echo, rate_echo, shown
from nyttocalc.run import RunInfo


@dataclass(frozen=True)
class Drivers:
    """What moves one party's payback time most: the time if ``persons`` work at ``rate``,
    and the effect of each input moved by ``share`` down and up."""

    party: str
    rate: float
    persons: float
    base: float  # years after the end of the intervention
    share: float
    effects: tuple[Effect, ...]  # largest swing first


@dataclass(frozen=True)
class Chance:
    """A party's chance of being paid back, per horizon at one subsidy rate (Monte Carlo)."""

    party: str
    rate: float
    by_horizon: tuple[tuple[float, float], ...]  # (horizon in years, probability)
    draws: int


@dataclass(frozen=True)
class Expected:
    """How many participants the scenario expects in work (the Monte Carlo's mean, with its
    5th and 95th percentiles), and when each paying party is paid back with that many."""

    persons: float
    low: float
    high: float
    participants: int
    rate: float
    paid_back_after: tuple[tuple[str, float], ...]  # (party, years after the end)


@dataclass(frozen=True)
class Link:
    text: str
    anchor: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    links: tuple[Link, ...] = ()  # listed after the text


@dataclass(frozen=True)
class Answer:
    title: str
    paragraphs: tuple[Paragraph, ...]  # from the break-even figures alone
    table: Table
    closing: tuple[Paragraph, ...] = ()
    evidence: tuple[Paragraph, ...] = ()  # what the Monte Carlo expects, what was observed


def answer(analysis: PaybackAnalysis, run: RunInfo, lang: str, *,
           claims: Sequence[ClaimResult] = (), drivers: Sequence[Drivers] = (),
           chances: Sequence[Chance] = (), claim_anchor: dict[str, str] | None = None,
           expected: Expected | None = None) -> Answer:
    """The answer for a board: per party what it paid, what it gains or loses per employed
    person-year, how many must work, for how long, for it to be paid back; the observed first
    year after, the chance of paying back, what moves the answer, and what the published
    figures come to."""
    model = analysis.model
    parties = list(analysis.perspectives)
    touched = [p for p in parties if _touched(p)]
    untouched = [p for p in parties if not _touched(p)]
    paying = [p for p in touched if p.has_cost]
    paragraphs = [Paragraph(_party_sentence(p, analysis, lang)) for p in paying]
    gaining = [p for p in touched if not p.has_cost
               and all(v.value_per_person_year.value >= 0 for v in p.values)]
    if gaining:
        paragraphs.append(Paragraph(label("answer.gain_for_free", lang, parties=_listing(
            [f"{_name(p, lang)} ({_gains(p, lang)})" for p in gaining], lang),
            count=len(gaining))))
    paragraphs += [Paragraph(_loser_sentence(p, lang)) for p in touched
                   if not p.has_cost and p not in gaining]
    if untouched:
        paragraphs.append(Paragraph(label("answer.untouched", lang, parties=_listing(
            [_name(p, lang) for p in untouched], lang))))
    if any(p.has_cost for p in touched):
        horizons = [numbers.years(h, lang) for h in model.horizons_years]
        paragraphs.append(Paragraph(label(
            "answer.timing", lang, delay=numbers.years(model.delay_years, lang),
            horizons=_listing(horizons, lang, "answer.or"),
            years=_listing([numbers.years(model.delay_years + h, lang)
                            for h in model.horizons_years], lang, "answer.respectively"))))
    evidence = []
    if expected is not None:
        evidence.append(Paragraph(_expected_sentence(expected, analysis, lang)))
    if analysis.outcomes is not None:
        evidence.append(Paragraph(_observed_sentence(analysis, lang)))
    closing = [Paragraph(_chance_sentence(c, analysis, lang)) for c in chances]
    closing += [Paragraph(_drivers_sentence(d, analysis, run, lang)) for d in drivers
                if d.effects]
    if claims:
        closing.append(_claims_paragraph(claims, run, lang, claim_anchor or {}))
    return Answer(label("answer.title", lang), tuple(paragraphs), _table(touched, analysis, lang),
                  tuple(closing), tuple(evidence))


def _touched(result: PerspectiveResult) -> bool:
    """Whether the move concerns a party at all: it paid, or a person-year moves its money."""
    return result.has_cost or any(v.value_per_person_year.value != 0 for v in result.values)


def _name(result: PerspectiveResult, lang: str) -> str:
    return result.perspective.labels.get(lang, result.perspective.key)


def _money(value: float, lang: str) -> str:
    return numbers.figure(value, Unit.SEK, lang)


def _listing(items: Sequence[str], lang: str, word: str = "answer.and") -> str:
    """``a, b and c`` / ``a, b och c`` (or ``answer.or``: ``a, b or c``)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {label(word, lang)} {items[-1]}"


def _party_sentence(result: PerspectiveResult, analysis: PaybackAnalysis, lang: str) -> str:
    name = _name(result, lang)
    model = analysis.model
    lowest = model.unsubsidised_rate
    cost = _money(result.cost.value, lang)
    if result.outlook(lowest) is Outlook.NEVER:  # what each person-year costs it instead
        return f"{label('answer.never', lang, party=name, cost=cost)} {_value_clause(result, lang)}"
    counts = _counts(result, lowest, analysis, lang, first=True)
    sentence = label("answer.pays_back", lang, party=name, cost=cost, counts=counts,
                     rate=rate_phrase(lowest, lang))
    for rate in model.subsidised_rates:
        if _needed(result, rate) == _needed(result, lowest):
            sentence += " " + label("answer.same_at", lang, rate=rate_phrase(rate, lang))
        elif result.outlook(rate) is Outlook.NEVER:
            sentence += " " + _capital(label("answer.never_at", lang,
                                             rate=rate_phrase(rate, lang)))
        else:
            sentence += " " + _capital(label("answer.at_rate", lang, rate=rate_phrase(
                rate, lang), counts=_counts(result, rate, analysis, lang, first=False)))
    return sentence


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _needed(result: PerspectiveResult, rate: float) -> list[float]:
    return [b.persons_whole.value for b in result.break_even if b.subsidy_rate == rate]


def _counts(result: PerspectiveResult, rate: float, analysis: PaybackAnalysis, lang: str,
            first: bool) -> str:
    """``5 of the 14 participants work for 1 year, 2 for 3 years or 1 for 5 years``: the whole
    persons needed per horizon at ``rate``; a count above the participants says so."""
    rows = [b for b in result.break_even if b.subsidy_rate == rate]
    texts = [_count(b, analysis, lang, first and index == 0) for index, b in enumerate(rows)]
    return _listing(texts, lang, "answer.or")


def _count(row: Row, analysis: PaybackAnalysis, lang: str, first: bool) -> str:
    horizon = row.horizon_years
    text = label("answer.count_first" if first else "answer.count", lang,
                 persons=numbers.number(row.persons_whole.value, lang, 0),
                 participants=analysis.model.participants,
                 years=numbers.years(horizon, lang), horizon=horizon)
    if not row.within_cohort:
        text += " " + label("answer.beyond", lang)
    return text


def _value_clause(result: PerspectiveResult, lang: str) -> str:
    """What an employed person-year brings (+) or costs (−) the party at each subsidy rate;
    said once where it is the same at every rate."""
    values = [(v.subsidy_rate, v.value_per_person_year.value) for v in result.values]
    if len({value for _, value in values}) == 1:
        return label("answer.per_year_any_rate", lang, amount=_signed(values[0][1], lang))
    parts = [label("answer.value_at", lang, amount=_signed(value, lang),
                   rate=rate_phrase(rate, lang)) for rate, value in values]
    return label("answer.per_year", lang, parts=_listing(parts, lang))


def _gains(result: PerspectiveResult, lang: str) -> str:
    """``+27 630 kr`` or ``+193 193 kr; +99 593 kr med 80 % lönesubvention``: per employed
    person-year, at the lowest rate, and at each other rate where it differs."""
    values = [(v.subsidy_rate, v.value_per_person_year.value) for v in result.values]
    first = _signed(values[0][1], lang)
    others = [label("answer.value_at", lang, amount=_signed(value, lang),
                    rate=rate_phrase(rate, lang))
              for rate, value in values[1:] if value != values[0][1]]
    return "; ".join([first, *others])


def _loser_sentence(result: PerspectiveResult, lang: str) -> str:
    """A party that paid nothing and loses by employment at some rate: how much, where."""
    losses = [(v.subsidy_rate, v.value_per_person_year.value) for v in result.values
              if v.value_per_person_year.value < 0]
    parts = [label("answer.loss_at", lang, amount=_money(-value, lang),
                   rate=rate_phrase(rate, lang)) for rate, value in losses]
    return label("answer.loses", lang, party=_name(result, lang), parts=_listing(parts, lang))


def _signed(value: float, lang: str) -> str:
    """An amount with its sign, a true minus for a loss: ``+600 000 kr``, ``−240 972 kr``."""
    text = _money(abs(value), lang)
    return text if value == 0 else ("+" if value > 0 else MINUS) + text


MINUS = "\u2212"


def _table(parties: Sequence[PerspectiveResult], analysis: PaybackAnalysis,
           lang: str) -> Table:
    """A row per party: paid, per employed person-year at each rate, and the whole persons
    needed within each horizon at the lowest rate (of the participants)."""
    model = analysis.model
    lowest = model.unsubsidised_rate
    headers = [label("col.party", lang), label("col.paid", lang)]
    headers += [rate_echo(model.subsidy_rates, r, lang, "answer.col_value")
                for r in model.subsidy_rates]
    headers += [horizon_echo(model.horizons_years, h, lang, "answer.col_needed")
                for h in model.horizons_years]
    needed = label("answer.of", lang, persons="{}", participants=model.participants)
    rows = []
    for result in parties:
        cells: list[str] = [_name(result, lang), shown(result.cost, lang)]
        cells += [shown(v.value_per_person_year, lang) for v in result.values]
        for row in (b for b in result.break_even if b.subsidy_rate == lowest):
            cells.append(shown(row.persons_whole, lang, decimals=0, around=needed)
                         if result.has_cost else label("answer.nothing_to_pay", lang))
        rows.append(tuple(cells))
    return Table(label("answer.table", lang), tuple(headers), tuple(rows),
                 (label("answer.table_note", lang, participants=model.participants,
                        rate=rate_phrase(lowest, lang)),), stacks=True)


def observed_table(analysis: PaybackAnalysis, lang: str) -> Table | None:
    """The key figures of every group's first year after together, for the parties they
    concern (paid, or got revenue)."""
    assert analysis.outcomes is not None
    names = {p.perspective.key: _name(p, lang) for p in analysis.perspectives}
    rows = [_observed_row(names.get(t.party, t.party), t, lang)
            for t in analysis.outcomes.totals
            if t.cost.value != 0 or t.revenue.value != 0]
    if not rows:
        return None
    headers = (label("col.party", lang), *(key_figure_heading(name, lang) for name in (
        "revenue", "cost", "net_benefit", "payback_time", "efficiency")))
    return Table(label("answer.observed", lang), headers, tuple(rows),
                 (label("answer.observed_note", lang),))


def _observed_row(name: str, totals: KeyFigures, lang: str) -> tuple[str, ...]:
    efficiency = totals.efficiency.value
    return (name, _money(totals.revenue.value, lang), _money(totals.cost.value, lang),
            _money(totals.net_benefit.value, lang),
            numbers.figure(totals.payback_time.value, Unit.YEARS, lang),
            numbers.figure(efficiency, Unit.SHARE, lang) if efficiency == efficiency
            else label("kf.no_potential", lang))


def _expected_sentence(expected: Expected, analysis: PaybackAnalysis, lang: str) -> str:
    """How many the scenario expects in work, and when each paying party is then paid back."""
    parts = [label("answer.expected_party", lang, party=_name(analysis.perspective(p), lang),
                   years=numbers.figure(y, Unit.YEARS, lang))
             for p, y in expected.paid_back_after]
    return label("answer.expected", lang, persons=numbers.number(expected.persons, lang, 1),
                 participants=expected.participants,
                 low=numbers.number(expected.low, lang, 0),
                 high=numbers.number(expected.high, lang, 0),
                 rate=rate_phrase(expected.rate, lang), parties=_listing(parts, lang))


def _observed_sentence(analysis: PaybackAnalysis, lang: str) -> str:
    """What the scenario's before-and-after table says happened in the first year after: per
    group, how many made the move the analysis asks about and what it brought society; then
    society's net benefit and payback time from every group's moves."""
    model = analysis.model
    assert model.ledger is not None
    assert model.outcomes is not None
    assert analysis.outcomes is not None
    society = next(r.perspective.key for r in analysis.perspectives)
    revenue = {e.group: e.revenue.value for e in analysis.outcomes.groups if e.party == society}
    groups = []
    for group in model.outcomes.groups:
        everyone = sum(t.persons for t in group.transitions)
        moves = [label("answer.observed_move", lang, persons=numbers.number(t.persons, lang, 1),
                       to=_state(model, t.move.after, lang))
                 for t in group.transitions if t.move.before != t.move.after and t.persons]
        groups.append(label("answer.observed_group", lang,
                            group=group.labels.get(lang, group.key),
                            everyone=numbers.number(everyone, lang, 1),
                            moves=_listing(moves, lang) if moves else label(
                                "answer.observed_none", lang),
                            revenue=_money(revenue.get(group.key, 0.0), lang)))
    totals = next(t for t in analysis.outcomes.totals if t.party == society)
    return label("answer.observed_sentence", lang,
                 groups="; ".join(groups), party=_name(analysis.perspective(society), lang),
                 net=_signed(totals.net_benefit.value, lang),
                 payback=numbers.figure(totals.payback_time.value, Unit.YEARS, lang))


def _state(model: object, key: str, lang: str) -> str:
    ledger = getattr(model, "ledger", None)
    state = ledger.states.get(key) if ledger is not None else None
    return state.labels.get(lang, key).lower() if state is not None else key


def _chance_sentence(chance: Chance, analysis: PaybackAnalysis, lang: str) -> str:
    name = _name(analysis.perspective(chance.party), lang)
    parts = [label("answer.chance_at", lang, share=numbers.percent(p, lang, 0),
                   years=numbers.years(h, lang), horizon=h) for h, p in chance.by_horizon]
    return label("answer.chance", lang, party=name, parts=_listing(parts, lang),
                 rate=rate_phrase(chance.rate, lang),
                 draws=numbers.number(chance.draws, lang, 0))


def _drivers_sentence(drivers: Drivers, analysis: PaybackAnalysis, run: RunInfo,
                      lang: str) -> str:
    name = _name(analysis.perspective(drivers.party), lang)
    effects = []
    for effect in drivers.effects[:3]:
        info = run.input(effect.variation.path)
        what = info.name if info is not None and info.name else effect.variation.path
        low, high = sorted((effect.at_low, effect.at_high))
        effects.append(label("answer.driver", lang, input=what,
                             low=numbers.figure(low, Unit.YEARS, lang),
                             high=numbers.figure(high, Unit.YEARS, lang)))
    return label("answer.drivers", lang, party=name,
                 persons=numbers.number(drivers.persons, lang, 2),
                 rate=rate_phrase(drivers.rate, lang),
                 years=numbers.figure(drivers.base, Unit.YEARS, lang),
                 share=numbers.percent(drivers.share, lang, 0),
                 effects=_listing(effects, lang))


def _claims_paragraph(results: Sequence[ClaimResult], run: RunInfo, lang: str,
                      anchors: dict[str, str]) -> Paragraph:
    count = {v: sum(r.verdict is v for r in results) for v in Verdict}
    text = label("answer.claims", lang, total=len(results), holds=count[Verdict.HOLDS],
                 rounding=count[Verdict.ROUNDING] + count[Verdict.INPUT_ROUNDING],
                 chain=count[Verdict.ROUNDING_CHAIN], dnf=count[Verdict.DOES_NOT_FOLLOW])
    failing: dict[str, Link] = {}  # a report that says the same thing twice: once
    for r in results:
        if r.verdict is Verdict.DOES_NOT_FOLLOW:
            name = _claim_name(r, run)
            source = run.claims.get(r.claim.id)
            printed = source.printed if source is not None else ""
            said = label("answer.claim_wrong", lang, claim=name, printed=printed,
                         computed=numbers.figure(r.computed.value, r.computed.unit, lang))
            failing.setdefault(name, Link(said, anchors.get(r.claim.id, "")))
    return Paragraph(text + (" " + label("answer.not_following", lang) if failing else ""),
                     tuple(failing.values()))


def _claim_name(result: ClaimResult, run: RunInfo) -> str:
    source = run.claims.get(result.claim.id)
    if source is not None and source.label:
        return str(source.label)
    if source is not None:  # the part of the report it stands in
        return source.section.rpartition("›")[2].strip()
    return result.claim.id
