"""``simulate`` as printed: the chance of paying back, net value and payback-year
distributions, and a histogram of payback years; the progress it shows while it runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nyttocalc.core.figures import Unit
from nyttocalc.core.model import Model
from nyttocalc.core.simulate import HISTOGRAM_YEARS, PERCENTILES, PaybackYears, SimulationResult
from nyttocalc.core.uncertainty import Uncertainty
from nyttocalc.report.cells import drawn
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label
from nyttocalc.report.language.phrases import describe, perspective_label
from nyttocalc.report.tables.printout import Kind, Plot, Printout, Series, Table, run_header
from nyttocalc.run import RunInfo


def _rate(rate_index: int, rate: float, uncertainty: Uncertainty, lang: str) -> str:
    """The subsidy rate, or "drawn" where the simulation draws it."""
    if drawn(uncertainty, "subsidy_rates", rate_index):
        return label("drawn", lang)
    return numbers.percent(rate, lang, 0)


def _horizon(horizon_index: int, horizon: float, uncertainty: Uncertainty, lang: str) -> str:
    if drawn(uncertainty, "horizons_years", horizon_index):
        return label("drawn", lang)
    return numbers.years(horizon, lang)


def simulation_printout(result: SimulationResult, model: Model, uncertainty: Uncertainty,
                        run: RunInfo, lang: str) -> Printout:
    tables: list[Table | Plot] = []
    for key in dict.fromkeys(c.cell.perspective for c in result.cells):
        chances, years, histograms = _perspective(result, key, model, uncertainty, lang)
        tables += [chances, years, *histograms]
    return Printout(run.title, _header(result, uncertainty, run, lang), tuple(tables))


def _header(result: SimulationResult, uncertainty: Uncertainty, run: RunInfo, lang: str,
            name: Callable[[str], str] = str) -> tuple[str, ...]:
    """The draws and seed, each distribution drawn from (its number by ``name``: the key path,
    or in a report its name in words), and how many got work per draw."""
    return (*run_header(run, lang),
            label("header.draws", lang, draws=numbers.number(result.draws, lang, 0),
                  seed=result.seed),
            f"{label('header.drawn', lang)}:",
            f"  {name('employment_probability')} ~ "
            f"{describe(uncertainty.employment_probability, lang)}",
            *(f"  {name(path)} ~ {describe(d, lang)}" for path, d in uncertainty.inputs.items()),
            label("note.employed", lang, mean=numbers.number(result.employed_mean, lang),
                  participants=result.participants,
                  low=numbers.number(result.employed_percentiles[0], lang),
                  high=numbers.number(result.employed_percentiles[-1], lang)))


def simulation_parts(result: SimulationResult, model: Model, uncertainty: Uncertainty,
                     run: RunInfo, lang: str, parties: Sequence[str]
                     ) -> tuple[Printout, Printout]:
    """For a report, of the ``parties`` named: the chances and the histogram at the lowest rate
    first; the percentiles of the payback year and the other rates' histograms as detail."""
    main: list[Table | Plot] = []
    detail: list[Table | Plot] = []
    for key in parties:
        chances, years, histograms = _perspective(result, key, model, uncertainty, lang)
        main += [chances, *histograms[:1]]
        detail += [years, *histograms[1:]]
    def name(path: str) -> str:
        if path == "employment_probability":
            return label("employment_probability", lang)
        info = run.input(path)
        return str(info.name) if info is not None and info.name else path

    header = _header(result, uncertainty, run, lang, name)
    return Printout(run.title, header, tuple(main)), Printout(run.title, (), tuple(detail))


def _perspective(result: SimulationResult, key: str, model: Model, uncertainty: Uncertainty,
                 lang: str) -> tuple[Table, Table, list[Plot]]:
    """One perspective's chances and net values, its payback-year percentiles, and a histogram
    per subsidy rate."""
    name = perspective_label(model, key, lang)
    rows = tuple(
        (_rate(c.cell.rate_index, c.subsidy_rate, uncertainty, lang),
         _horizon(c.cell.horizon_index, c.horizon_years, uncertainty, lang),
         numbers.percent(c.probability, lang), numbers.amount(c.net_value_mean, lang),
         *(numbers.amount(c.net_value_percentiles[i], lang) for i in (0, 2, 4)))
        for c in result.cells if c.cell.perspective == key)
    headers = (label("subsidy_rate", lang), label("horizon_years", lang),
               label("col.probability", lang), label("col.net_mean", lang),
               *(label("col.percentile", lang, p=PERCENTILES[i]) for i in (0, 2, 4)))
    chances = Table(label("title.simulation", lang, perspective=name), headers, rows)
    years = [y for y in result.payback_years if y.perspective == key]
    percentiles = Table(
        label("title.payback_years", lang, perspective=name),
        (label("subsidy_rate", lang),
         *(label("col.year_percentile", lang, p=p) for p in PERCENTILES),
         label("col.never", lang)),
        tuple((_rate(y.rate_index, y.subsidy_rate, uncertainty, lang),
               *(numbers.figure(x, Unit.YEARS, lang) for x in y.percentiles),
               numbers.percent(y.never, lang)) for y in years))
    return chances, percentiles, [_histogram(y, name, result.draws, uncertainty, lang)
                                  for y in years]


def _histogram(y: PaybackYears, name: str, draws: int, uncertainty: Uncertainty,
               lang: str) -> Plot:
    """The share of draws by the year they pay back in, from the first to the last year any
    does, then the share that pays back later and the share that never does."""
    later, never = label("hist.later", lang), label("hist.never", lang)
    counts = [(str(i + 1), count / draws) for i, count in enumerate(y.histogram[:HISTOGRAM_YEARS])]
    counts.append((later, y.histogram[-1] / draws))
    while counts and counts[-1][1] == 0:
        counts.pop()
    while counts and counts[0][1] == 0:
        counts.pop(0)
    counts.append((never, y.never))
    rate_drawn = drawn(uncertainty, "subsidy_rates", y.rate_index)
    title = label("title.histogram_drawn" if rate_drawn else "title.histogram", lang,
                  perspective=name, rate=numbers.percent(y.subsidy_rate, lang, 0),
                  never=numbers.percent(y.never, lang))
    year, share = label("hist.paid_back", lang), label("hist.share", lang)
    table = Table(title, (year, share),
                  tuple((text, numbers.percent(value, lang)) for text, value in counts))
    bars = Series(share, tuple((float(i), value) for i, (_, value) in enumerate(counts)))
    return Plot(title, Kind.BARS, year, share, None, Unit.SHARE, (bars,), table, lang,
                categories=tuple(text for text, _ in counts))


def progress_text(lang: str) -> Callable[[str, float, float], str]:
    """How a running simulation says how far it is, for a progress bar:
    ``simulate ████████░░░░ 40%, about 12 s left``."""
    def text(bar: str, share: float, seconds_left: float) -> str:
        return label("progress.simulate", lang, bar=bar, share=numbers.percent(share, lang, 0),
                     seconds=numbers.number(seconds_left, lang, 0))
    return text
