"""The command line: load a scenario, call the core once, render. Nothing else lives here.

Exit status: 0 success; 1 when `check` finds a claim that does not follow (with --strict, also
a rounding chain); 2 bad input or usage (one paragraph on stderr, never a traceback); 3 when
`check` finds a quote that is not in its document.
"""

# No `from __future__ import annotations`: typer reads every command's annotations on every run,
# and evaluating them from strings took 9 ms of `--help`'s 97. The few types imported only for
# type checking are quoted.
import math
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nyttocalc import __version__, streams
from nyttocalc.errors import NyttocalcError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from nyttocalc.core.figures import Unit
    from nyttocalc.core.numeric import Cell
    from nyttocalc.core.sensitivity import SensitivityResult
    from nyttocalc.core.timeline import PerspectiveTimeline
    from nyttocalc.report.document import Document
    from nyttocalc.scenario.load import LoadedScenario

EXIT_DOES_NOT_FOLLOW = 1
EXIT_BAD_INPUT = 2
EXIT_QUOTE_MISSING = 3

app = typer.Typer(
    name="nyttocalc",
    help="Socio-economic payback and break-even analysis of social interventions "
         "(NyttoSAM style). Start with: nyttocalc payback scenarios/liva.yaml",
    rich_markup_mode=None,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"


class Lang(StrEnum):
    en = "en"
    sv = "sv"


def _version(show: bool) -> None:
    if show:
        typer.echo(f"nyttocalc {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """nyttocalc: does a social intervention pay back, for whom, and when?"""


@contextmanager
def _user_errors(file: str | None = None) -> Iterator[None]:
    """Turn a NyttocalcError into one paragraph on stderr and exit status 2. Errors found after
    loading (a claim naming a figure that is not computed) are prefixed with the file."""
    try:
        yield
    except NyttocalcError as error:
        typer.echo(f"error: {file + ': ' if file else ''}{error}", err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None


# A str, not a Path: Path("") would silently become "." (the current directory).
FileArg = Annotated[str, typer.Argument(help="A scenario file, e.g. scenarios/liva.yaml.",
                                        show_default=False, metavar="FILE")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help=(
    "table (for a terminal), markdown (to share), json or csv (unrounded, for scripts)."))]
LangOpt = Annotated[Lang, typer.Option("--lang", help=(
    "en or sv: labels, and numbers as the report writes them (2,75 mkr, 175 000 kr)."))]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help=(
    "Write the result to FILE instead of the terminal; an existing file is kept unless "
    "--force. Swedish CSV is written with a byte-order mark, for Excel."))]
ForceOpt = Annotated[bool, typer.Option("--force", help="Let --output replace an existing file.")]
SetOpt = Annotated[list[str] | None, typer.Option("--set", metavar="PATH=VALUE", help=(
    "Override one input for this run, by its key path in the scenario, e.g. "
    "--set inputs.municipal_funding=1500000 or --set analysis.subsidy_rates.1=0.5. "
    "Repeatable; validated exactly as in the file."))]


@app.command()
def payback(
    file: FileArg,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    explain: Annotated[bool, typer.Option("--explain", help=(
        "Show each figure with its formula and the scenario's numbers filled in."))] = False,
    plot: Annotated[bool, typer.Option("--plot", help=(
        "Draw the payback curves: the cumulative value of the break-even number of workers "
        "against the cost, over the years after the intervention (table and markdown)."))
    ] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Break-even tables: cost, value per employed person-year, how many must work and for
    how long, payback years, mixes, the break-even employment rate and the long view, for
    every perspective in the scenario."""
    from nyttocalc.core.payback import analyse
    from nyttocalc.report.machine import payback_csv, payback_json
    from nyttocalc.scenario.load import run_info

    _check_target(output, force)
    if plot and format in (Format.json, Format.csv):
        typer.echo("error: --plot draws a chart: use it with --format table or markdown",
                   err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    if plot:
        from nyttocalc.report.extras import require

        with _user_errors():
            require("plotext", "payback --plot")
    loaded = _load(file, set)
    analysis = analyse(loaded.model)
    run = run_info(loaded)

    def document() -> "Document":
        from dataclasses import replace

        from nyttocalc.report.document import payback_document

        tables = payback_document(analysis, run, lang.value, explain)
        if not plot:
            return tables
        from nyttocalc.report.time import payback_curves

        return replace(tables, tables=(*tables.tables, *payback_curves(analysis, lang.value)))

    _emit(format, lang, output, force,
          json=lambda: payback_json(analysis, run, lang.value, explain),
          csv=lambda: payback_csv(analysis, lang.value), document=document)


@app.command()
def check(
    file: FileArg,
    document: Annotated[list[str] | None, typer.Option("--document", metavar="KEY=PATH", help=(
        "The text of a source of the scenario (plain text or Markdown, UTF-8), e.g. "
        "--document payoff-2019=report.txt: every quote of that source must stand in it. "
        "Repeatable; a source's `path` in the scenario does the same."))] = None,
    coverage: Annotated[bool, typer.Option("--coverage", help=(
        "List every number in the sections of the documents that the claims name, and whether "
        "a claim or input covers it (with --format csv: one line per number, instead of the "
        "claims)."))] = False,
    strict: Annotated[bool, typer.Option("--strict", help=(
        "Fail (exit 1) on a rounding chain too: a figure that follows only from an "
        "intermediate as the report prints it, rounded."))] = False,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Recompute every figure the scenario's report publishes (its `claims`) and say, claim by
    claim, whether it holds, holds within the stated rounding, follows from the report's own
    rounding (a rounding chain: an intermediate as the report prints it elsewhere), or does
    not follow, with the arithmetic. With --document, check that every quote stands in the
    report's text; with --coverage, list the numbers of the report that no claim covers.

    Exit status: 0 when nothing fails; 1 when a claim does not follow (with --strict, also
    when one follows only through a rounding chain); 2 bad input or usage; 3 when a quote is
    not in its document (the report changed after the scenario was written), whatever the
    verdicts."""
    from nyttocalc.core.claims import check as check_claims
    from nyttocalc.core.claims import fails
    from nyttocalc.documents.check import check_documents
    from nyttocalc.report.machine import check_csv, check_json, coverage_csv
    from nyttocalc.scenario.documents import citations, quoted_values, read_sources
    from nyttocalc.scenario.load import run_info

    _check_target(output, force)
    loaded = _load(file, set)
    with _user_errors(loaded.name):
        sources = read_sources(loaded, document or [])
        if coverage and not sources:
            raise NyttocalcError("--coverage lists the numbers of a document: give its text "
                                 "with --document KEY=PATH (or a `path` in its source)")
        results = check_claims(loaded.claims, loaded.model)
        documents = check_documents(sources, citations(loaded), quoted_values(loaded, results),
                                    coverage)
    run = run_info(loaded)

    def document_() -> "Document":
        from nyttocalc.report.check_document import check_document

        return check_document(results, run, lang.value, documents)

    _emit(format, lang, output, force,
          json=lambda: check_json(results, run, lang.value, documents),
          csv=lambda: (coverage_csv(documents, lang.value) if coverage
                       else check_csv(results, run, lang.value, documents)),
          document=document_)
    if any(d.missing for d in documents):
        raise typer.Exit(EXIT_QUOTE_MISSING)
    if any(fails(r.verdict, strict) for r in results):
        raise typer.Exit(EXIT_DOES_NOT_FOLLOW)


PerspectiveOpt = Annotated[list[str] | None, typer.Option("--perspective", metavar="KEY", help=(
    "Only this perspective (repeatable), e.g. society; all by default."))]
HorizonOpt = Annotated[float | None, typer.Option("--horizon", metavar="YEARS", help=(
    "Only this horizon, one of analysis.horizons_years."))]
RateOpt = Annotated[float | None, typer.Option("--subsidy-rate", metavar="SHARE", help=(
    "Only this wage-subsidy rate, one of analysis.subsidy_rates."))]


def _metric(metric: str) -> str:
    from nyttocalc.core.numeric import METRICS

    if metric not in METRICS:
        typer.echo(f"error: --metric {metric!r} is not a figure a sweep computes; expected one "
                   f"of: {', '.join(METRICS)}", err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    return metric


@app.command()
def sweep(
    file: FileArg,
    vary: Annotated[list[str], typer.Option("--vary", metavar="PATH=START:STOP:STEP", help=(
        "An input to vary, by its key path: a range with both ends included, whose step "
        "lands on STOP (analysis.subsidy_rates.1=0.05:1:0.05), or a list "
        "(inputs.monthly_income=18000,22500). Give it twice for a two-dimensional grid, drawn "
        "as heat maps."))],
    metric: Annotated[str, typer.Option("--metric", help=(
        "The figure to show: persons_whole, persons_exact, persons_half_steps, payback_year, "
        "employment_rate, required_value_per_year, value_per_person_year or cost."))
    ] = "persons_whole",
    perspective: PerspectiveOpt = None,
    horizon: HorizonOpt = None,
    subsidy_rate: RateOpt = None,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """A break-even figure (by default the whole persons needed) for every perspective, subsidy
    rate and horizon, over a range of one input (a table) or a grid of two (heat maps). Every
    value is validated as in the file."""
    from nyttocalc.core.figures import Unit
    from nyttocalc.core.numeric import select
    from nyttocalc.core.sweep import MAX_AXES, MAX_POINTS, Axis
    from nyttocalc.core.sweep import sweep as run_sweep
    from nyttocalc.report import explore
    from nyttocalc.scenario import values
    from nyttocalc.scenario.load import run_info

    _check_target(output, force)
    metric = _metric(metric)
    loaded = _load(file, set)
    with _user_errors(loaded.name):
        varied = values.sweep_axes(loaded.scenario, vary, loaded.overrides, MAX_AXES,
                                   MAX_POINTS)
        axes = [Axis(place.path, tuple(points)) for place, points in varied]
        units = {place.path: Unit(place.unit) for place, _ in varied}
        cells = select(loaded.model, perspective or (), horizon, subsidy_rate)
        result = run_sweep(loaded.model, axes, metric, cells)
    run = run_info(loaded)
    _emit(format, lang, output, force, json=lambda: explore.sweep_json(result, run),
          csv=lambda: explore.sweep_csv(result, lang.value),
          document=lambda: explore.sweep_document(result, units, run, lang.value))


@app.command()
def solve(
    file: FileArg,
    for_: Annotated[str, typer.Option("--for", metavar="PATH", help=(
        "The input to solve for, by its key path, e.g. analysis.subsidy_rates.1 or "
        "inputs.monthly_income."))],
    persons: Annotated[float, typer.Option("--persons", min=0, help=(
        "How many participants get work: at most the scenario's participants."))],
    perspective: Annotated[str, typer.Option("--perspective", metavar="KEY", help=(
        "Whose cost must be paid back, e.g. society or municipality."))],
    horizon: Annotated[float | None, typer.Option("--horizon", metavar="YEARS", help=(
        "How many years they work (not needed when solving for a horizon)."))] = None,
    subsidy_rate: Annotated[float | None, typer.Option("--subsidy-rate", metavar="SHARE", help=(
        "Their wage-subsidy rate; the lowest listed by default (not needed when solving for "
        "a subsidy rate)."))] = None,
    between: Annotated[str | None, typer.Option("--between", metavar="LOW:HIGH", help=(
        "Where to look; by default the input's valid range (amounts: up to ten times the "
        "scenario's value)."))] = None,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """The value of one input at which N employed participants pay back a perspective's cost
    within H years: exact where the formula inverts, bracketed and bisected otherwise."""
    from dataclasses import replace

    from nyttocalc.core.figures import Unit
    from nyttocalc.core.solve import Question, persons_at
    from nyttocalc.core.solve import solve as run_solve
    from nyttocalc.report import explore
    from nyttocalc.scenario import values
    from nyttocalc.scenario.load import run_info
    from nyttocalc.scenario.schema import MAX_PARTICIPANTS

    _check_target(output, force)
    if format is Format.csv:
        typer.echo("error: solve gives one answer: use --format table, markdown or json",
                   err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    loaded = _load(file, set)
    model = loaded.model
    with _user_errors(loaded.name):
        try:
            place = values.number_place(loaded.scenario, for_)
            low, high = values.search_range(place, between)
        except values.PlaceError as exc:
            raise NyttocalcError(f"--for {for_}: {exc.message}") from None
        if perspective not in [p.key for p in model.perspectives]:
            raise NyttocalcError(f"--perspective {perspective!r} is not a perspective of this "
                                 f"scenario: {', '.join(p.key for p in model.perspectives)}")
        solving_horizon = place.path.startswith("analysis.horizons_years.")
        if horizon is None and not solving_horizon:
            raise NyttocalcError("give --horizon YEARS: how long the employed work")
        values.refuse_overridden(loaded.overrides, [place.path], "solved for")
        years = values.option(loaded.scenario, "--horizon", "analysis.horizons_years.0",
                              place.value if horizon is None else horizon)
        rate = values.option(loaded.scenario, "--subsidy-rate", "analysis.subsidy_rates.0",
                             model.unsubsidised_rate if subsidy_rate is None else subsidy_rate)
        # solving for the cohort's size, the participants are the unknown
        values.persons(persons, MAX_PARTICIPANTS if place.path == "cohort.participants"
                       else model.participants)
        question = Question(place.path, perspective, persons, years, rate, low, high)
        answer = run_solve(model, question)
        if place.whole:  # a head count: the whole number on the side that pays back
            answer = replace(answer, roots=tuple(
                math.ceil(r - 1e-9) if above else math.floor(r + 1e-9)
                for r, above in zip(answer.roots, answer.pays_back_above, strict=True)))
    check = persons_at(model, question, answer.roots[0]) if answer.roots else None
    run = run_info(loaded)
    unit = Unit(place.unit)
    _emit(format, lang, output, force,
          json=lambda: explore.solve_json(question, answer, unit, check, run), csv=None,
          document=lambda: explore.solve_document(question, answer, model, unit, check, run,
                                                  lang.value))


@app.command()
def sensitivity(
    file: FileArg,
    by: Annotated[str, typer.Option("--by", metavar="SHARE", help=(
        "How far to move each input down and up: 20% or 0.2."))] = "20%",
    metric: Annotated[str, typer.Option("--metric", help=(
        "The figure to watch; persons_exact by default (whole persons move in steps)."))
    ] = "persons_exact",
    perspective: PerspectiveOpt = None,
    horizon: Annotated[float | None, typer.Option("--horizon", metavar="YEARS", help=(
        "The horizon to watch; the first listed by default."))] = None,
    subsidy_rate: Annotated[float | None, typer.Option("--subsidy-rate", metavar="SHARE", help=(
        "The subsidy rate to watch; the lowest listed by default."))] = None,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Move each input down and up, one at a time, and rank the inputs by how far they move a
    break-even figure: a sorted table and a tornado chart per perspective."""
    from nyttocalc.report import explore
    from nyttocalc.scenario.load import run_info

    _check_target(output, force)
    metric = _metric(metric)
    loaded = _load(file, set)
    result, cells, units, share = _sensitivity(loaded, by, metric, perspective or (), horizon,
                                               subsidy_rate)
    run = run_info(loaded)
    model = loaded.model
    _emit(format, lang, output, force,
          json=lambda: explore.sensitivity_json(result, model, cells, share, run),
          csv=lambda: explore.sensitivity_csv(result, model, cells, lang.value),
          document=lambda: explore.sensitivity_document(result, model, units, cells, share, run,
                                                        lang.value))


def _sensitivity(loaded: "LoadedScenario", by: str, metric: str, perspectives: "Sequence[str]",
                 horizon: float | None, subsidy_rate: float | None
                 ) -> "tuple[SensitivityResult, list[Cell], dict[str, Unit], float]":
    """Every input moved by ``by`` (not the horizons: they are questions), at the first horizon
    and the lowest rate unless given."""
    from nyttocalc.core.figures import Unit
    from nyttocalc.core.numeric import select
    from nyttocalc.core.sensitivity import Move
    from nyttocalc.core.sensitivity import sensitivity as run_sensitivity
    from nyttocalc.scenario import values

    model = loaded.model
    with _user_errors(loaded.name):
        try:
            share = values.parse_share(by)
        except values.PlaceError as exc:
            raise NyttocalcError(f"--by {by}: {exc.message}") from None
        questions = ("analysis.horizons_years.", "analysis.long_view_years",
                     "analysis.write_off_years")
        paths = [p for p in model.parameter_paths() if not p.startswith(questions)]
        moved = values.moves(loaded.scenario, paths, share)
        cells = select(model, perspectives,
                       model.horizons_years[0] if horizon is None else horizon,
                       model.unsubsidised_rate if subsidy_rate is None else subsidy_rate)
        result = run_sensitivity(model, [Move(p.path, p.value, lo, hi) for p, lo, hi in moved],
                                 metric)
    return result, cells, {p.path: Unit(p.unit) for p, _, _ in moved}, share


@app.command()
def timeline(
    file: FileArg,
    persons: Annotated[float | None, typer.Option("--persons", min=0, help=(
        "How many participants get work; by default the expected number from the scenario's "
        "simulation.employment_probability."))] = None,
    subsidy_rate: Annotated[float | None, typer.Option("--subsidy-rate", metavar="SHARE", help=(
        "Their wage-subsidy rate; the lowest listed by default."))] = None,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Year by year, per perspective: the cost, the work (after the delay, thinned by drop-off),
    its value, and the cumulative net value discounted at analysis.discount_rate; the NPV and
    benefit-cost ratio per horizon, and the (discounted) payback year."""
    from nyttocalc.report import time
    from nyttocalc.scenario.load import run_info

    _check_target(output, force)
    loaded = _load(file, set)
    model = loaded.model
    timelines = _timeline(loaded, persons, subsidy_rate)
    if timelines is None:
        with _user_errors(loaded.name):
            raise NyttocalcError("give --persons N: how many participants get work (or "
                                 "declare simulation.employment_probability)")
    run = run_info(loaded)
    _emit(format, lang, output, force, json=lambda: time.timeline_json(timelines, model, run),
          csv=lambda: time.timeline_csv(timelines, lang.value),
          document=lambda: time.timeline_document(timelines, model, run, lang.value))


def _timeline(loaded: "LoadedScenario", persons: float | None,
              subsidy_rate: float | None) -> "tuple[PerspectiveTimeline, ...] | None":
    """The timeline for ``persons`` employed (by default the expected number from the
    simulation section); None where neither says how many."""
    from nyttocalc.core.timeline import timeline as run_timeline
    from nyttocalc.scenario import values

    model = loaded.model
    with _user_errors(loaded.name):
        if persons is None:
            if loaded.uncertainty is None:
                return None
            persons = model.participants * loaded.uncertainty.employment_probability.expected()
        rate = values.option(loaded.scenario, "--subsidy-rate", "analysis.subsidy_rates.0",
                             model.unsubsidised_rate if subsidy_rate is None else subsidy_rate)
        values.persons(persons, model.participants)
        return run_timeline(model, persons, rate)


@app.command()
def simulate(
    file: FileArg,
    draws: Annotated[int, typer.Option("--draws", min=1, max=10_000_000, help=(
        "How many Monte Carlo draws."))] = 10_000,
    seed: Annotated[int, typer.Option("--seed", min=0, help=(
        "The random seed: the same seed gives the same output, byte for byte."))] = 1,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Monte Carlo over the scenario's `simulation` section: each participant gets work or not
    (a binomial draw with an uncertain probability), with uncertain inputs drawn from their
    distributions. Per perspective, subsidy rate and horizon: the chance of paying back, the
    net value's percentiles and the payback year's distribution, with a histogram."""
    from nyttocalc.core.simulate import simulate as run_simulation
    from nyttocalc.report import simulation
    from nyttocalc.scenario import values
    from nyttocalc.scenario.load import run_info

    _check_target(output, force)
    loaded = _load(file, set)
    with _user_errors(loaded.name):
        if loaded.uncertainty is None:
            raise NyttocalcError("the scenario has no `simulation` section; declare at least "
                                 "simulation.employment_probability (see the README, "
                                 "Uncertainty)")
        values.refuse_overridden(loaded.overrides, list(loaded.uncertainty.inputs),
                                 "drawn by the simulation section")
        with streams.progress(simulation.progress_text(lang.value)) as report:
            result = run_simulation(loaded.model, loaded.uncertainty, draws, seed, report)
    run = run_info(loaded)
    uncertainty = loaded.uncertainty
    _emit(format, lang, output, force,
          json=lambda: simulation.simulation_json(result, uncertainty, run),
          csv=lambda: simulation.simulation_csv(result, uncertainty, lang.value),
          document=lambda: simulation.simulation_document(result, loaded.model, uncertainty, run,
                                                          lang.value))


RequiredOutputOpt = Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help=(
    "The file to write; an existing file is kept unless --force."), show_default=False)]


@app.command()
def export(
    file: FileArg,
    output: RequiredOutputOpt,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    force: ForceOpt = False,
) -> None:
    """An Excel workbook to keep working in: every input in a named cell with its unit and
    source, a sheet per perspective whose figures are live formulas of those inputs (the
    formulas --explain prints), NyttoSAM's key figures where the scenario has outcomes, and the
    claims with their verdicts. Needs the report extra: pip install 'nyttocalc[report]'."""
    from nyttocalc.core.claims import check as check_claims
    from nyttocalc.core.payback import analyse
    from nyttocalc.output import write_atomically
    from nyttocalc.report.extras import require
    from nyttocalc.report.workbook import workbook_bytes
    from nyttocalc.scenario.load import run_info

    _check_target(output, force)
    with _user_errors():
        require("openpyxl", "export")
    loaded = _load(file, set)
    with _user_errors(loaded.name):
        checked = check_claims(loaded.claims, loaded.model) if loaded.claims else None
    data = workbook_bytes(analyse(loaded.model), checked, run_info(loaded), lang.value)
    with _user_errors():
        write_atomically(output, data, force=force)


@app.command()
def report(
    file: FileArg,
    output: RequiredOutputOpt,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    draws: Annotated[int, typer.Option("--draws", min=1, max=10_000_000, help=(
        "Monte Carlo draws, where the scenario declares a simulation."))] = 10_000,
    seed: Annotated[int, typer.Option("--seed", min=0, help="The random seed.")] = 1,
    persons: Annotated[float | None, typer.Option("--persons", min=0, help=(
        "How many get work in the year-by-year timeline; by default the expected number "
        "from the simulation section."))] = None,
    force: ForceOpt = False,
) -> None:
    """One self-contained HTML page with the whole analysis: inputs and sources, cost and value
    per perspective, break-even tables and payback curves, the claims and their verdicts,
    sensitivity (tornado), the timeline and the Monte Carlo results. No network request;
    prints to A4."""
    from dataclasses import replace

    from nyttocalc.core.claims import check as check_claims
    from nyttocalc.core.payback import analyse
    from nyttocalc.core.simulate import simulate as run_simulation
    from nyttocalc.output import write_atomically
    from nyttocalc.report import explore, html, simulation, usertext
    from nyttocalc.report import time as time_report
    from nyttocalc.report.check_document import check_document
    from nyttocalc.report.document import Document, payback_document
    from nyttocalc.report.i18n import label
    from nyttocalc.scenario.load import run_info

    _check_target(output, force)
    if output.suffix.lower() not in (".html", ".htm"):
        with _user_errors():
            raise NyttocalcError(f"{output}: the report is an HTML page; give -o a file ending "
                                 "in .html (print it to PDF from a browser)")
    loaded = _load(file, set)
    # the scenario's words marked, to be kept apart from the page's (report/usertext.py)
    loaded = replace(loaded, model=usertext.isolated_model(loaded.model))
    model, run, language = loaded.model, usertext.isolated_run(run_info(loaded)), lang.value
    analysis = analyse(model)
    sections = [html.Section(label("html.payback", language),
                             payback_document(analysis, run, language)),
                html.Section(label("html.curves", language), Document("", (), tuple(
                    time_report.payback_curves(analysis, language))))]
    if loaded.claims:
        with _user_errors(loaded.name):
            checked = check_claims(loaded.claims, model)
        sections.append(html.Section(label("html.check", language),
                                     check_document(checked, run, language)))
    result, cells, units, share = _sensitivity(loaded, "20%", "persons_exact", (), None, None)
    sections.append(html.Section(label("html.sensitivity", language),
                                 explore.sensitivity_document(result, model, units, cells, share,
                                                              run, language)))
    timelines = _timeline(loaded, persons, None)
    sections.append(html.Section(
        label("html.timeline", language),
        None if timelines is None else time_report.timeline_document(timelines, model, run,
                                                                     language),
        label("html.no_timeline", language)))
    if loaded.uncertainty is not None:
        with _user_errors(loaded.name):
            simulated = run_simulation(model, loaded.uncertainty, draws, seed)
        sections.append(html.Section(label("html.simulation", language),
                                     simulation.simulation_document(
                                         simulated, model, loaded.uncertainty, run, language)))
    with _user_errors():
        write_atomically(output, html.page(sections, run, language, computed={
            f"inputs.{name}": float(model.input_value(name)) for name in model.formulas}),
            force=force)


def _load(file: str, assignments: list[str] | None) -> "LoadedScenario":
    from nyttocalc.__main__ import started
    from nyttocalc.scenario.load import load

    with _user_errors():
        loaded = load(scenario_path(file), assignments or [])
    started()
    return loaded


@app.command()
def schema(output: OutputOpt = None, force: ForceOpt = False) -> None:
    """Print the JSON Schema of scenario files, for editors: add the line
    `# yaml-language-server: $schema=schema/scenario.schema.json` (the path from the scenario
    to the schema file) at the top of a scenario, and the editor flags mistakes as you type."""
    from nyttocalc.scenario.jsonschema import scenario_schema_text

    _check_target(output, force)
    _deliver(scenario_schema_text(), output, force, is_json=True)


def _check_target(output: Path | None, force: bool) -> None:
    """Before any work: refuse an --output that exists (without --force) or cannot be."""
    if output is not None:
        from nyttocalc.output import check_target

        with _user_errors():
            check_target(output, force)


Text = str | Iterable[str]  # a result whole, or in pieces (a large sweep is streamed)


def _emit(format: Format, lang: Lang, output: Path | None, force: bool, *,
          json: Callable[[], Text], csv: Callable[[], Text] | None,
          document: "Callable[[], Document]") -> None:
    """Build only the result the format asks for (``csv=None``: the command has no CSV, and
    refused it before any work), and deliver it."""
    if format is Format.json:
        _deliver(json(), output, force, is_json=True)
    elif format is Format.csv and csv is not None:
        _deliver(csv(), output, force, excel=lang is Lang.sv)
    else:
        _deliver_document(document(), format, output, force)


def _deliver_document(document: "Document", format: Format, output: Path | None,
                      force: bool) -> None:
    """Draw a document for a terminal (its width, colour), or as text for its format."""
    from nyttocalc.report.render import markdown, plain_text, to_terminal

    if format is Format.table and output is None and sys.stdout is not None \
            and sys.stdout.isatty():
        with _user_errors(), _reader_may_leave(), streams.drawing() as stream:
            to_terminal(document, stream)
        return
    text = markdown(document) if format is Format.markdown else plain_text(document)
    _deliver(text, output, force)


def _deliver(result: Text, output: Path | None, force: bool, *, is_json: bool = False,
             excel: bool = False) -> None:
    """Print the result, or write it whole to --output (Swedish CSV with a byte-order mark,
    for Excel). Every failure to write is one paragraph and exit status 2."""
    pieces = [result] if isinstance(result, str) else result
    with _user_errors():
        if output is None:
            with _reader_may_leave():
                streams.write(pieces, is_json=is_json)
            return
        from nyttocalc.output import write_atomically

        write_atomically(output, pieces, "utf-8-sig" if excel else "utf-8", force)


@contextmanager
def _reader_may_leave() -> Iterator[None]:
    """``nyttocalc … | head``: when the reader has what it wants, stop quietly."""
    try:
        yield
    except streams.ReaderGone:
        raise typer.Exit(0) from None


def scenario_path(given: str) -> Path:
    if not given.strip():
        raise NyttocalcError("the scenario file's name is empty; give the path of a scenario "
                             "file, e.g. scenarios/liva.yaml.")
    return Path(given)


def main() -> None:
    """Run the command line (the console script enters through ``nyttocalc.__main__``)."""
    streams.prepare(sys.stdout)
    streams.prepare(sys.stderr)
    try:
        app()
    except BrokenPipeError:  # help or the version into a pipe already closed: stop quietly
        streams.discard(sys.stdout)
        sys.exit(0)
    except OSError as exc:  # help or the version onto a full device
        streams.discard(sys.stdout)
        print(f"error: standard output: {exc.strerror or exc}", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        sys.exit(130)
