"""The command line: load a scenario, ask the application layer (``nyttocalc.app``), render.
Nothing else lives here: what a command decides is asked of ``app``, without Typer.

Exit status: 0 success; 1 when `check` finds a claim that does not follow (with --strict, also
a rounding chain); 2 bad input or usage (one paragraph on stderr, never a traceback); 3 when
`check` finds a quote that is not in its document.
"""

# No `from __future__ import annotations`: typer reads every command's annotations on every run,
# and evaluating them from strings took 9 ms of `--help`'s 97. The few types imported only for
# type checking are quoted.
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from nyttocalc import __version__, streams
from nyttocalc.app import defaults
from nyttocalc.errors import NyttocalcError, Stopped

if TYPE_CHECKING:

    from nyttocalc.report.tables.printout import Printout
    from nyttocalc.run import RunInfo
    from nyttocalc.scenario.load import LoadedScenario

EXIT_DOES_NOT_FOLLOW = 1
EXIT_BAD_INPUT = 2
EXIT_QUOTE_MISSING = 3

app = typer.Typer(
    name="nyttocalc",
    help="Socio-economic payback and break-even analysis of social interventions "
         "(NyttoSAM style). Start with: nyttocalc examples",
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
        _usage_error(f"{file + ': ' if file else ''}{error}")


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
AllowOpt = Annotated[list[str] | None, typer.Option("--allow-path", metavar="DIR", help=(
    "Let the scenario name files (in `uses`, or a source's `path`) in DIR and below. Without "
    "it, a scenario may name only files in its own folder or below it, and parameter files "
    "in the folder `parameters` beside it. Repeatable."))]


@app.command()
def payback(
    file: FileArg,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    allow_path: AllowOpt = None,
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
    from nyttocalc.app.payback import payback_analysis
    from nyttocalc.report.machine.as_csv import payback_csv
    from nyttocalc.report.machine.as_json import payback_json
    from nyttocalc.report.tables.payback import payback_printout

    _check_target(output, force)
    if plot:
        _refuse(format, (Format.json, Format.csv),
                "--plot draws a chart: use it with --format table or markdown")
        _require("plotext", "payback --plot")
    loaded = _load(file, set, allow_path)
    analysis = payback_analysis(loaded)
    run = _run(loaded, lang)
    _emit(format, lang, output, force,
          json=lambda: payback_json(analysis, run, lang.value, explain),
          csv=lambda: payback_csv(analysis, lang.value),
          printout=lambda: payback_printout(analysis, run, lang.value, explain, curves=plot))


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
    allow_path: AllowOpt = None,
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
    from nyttocalc.app.audit import audit
    from nyttocalc.report.machine.as_csv import check_csv, coverage_csv
    from nyttocalc.report.machine.as_json import check_json
    from nyttocalc.report.tables.check import check_printout

    _check_target(output, force)
    loaded = _load(file, set, allow_path, audit=True)
    with _user_errors(loaded.name):
        found = audit(loaded, document or [], coverage)
    run = _run(loaded, lang)
    results, documents = found.results, found.documents
    _emit(format, lang, output, force,
          json=lambda: check_json(results, run, lang.value, documents),
          csv=lambda: (coverage_csv(documents, lang.value) if coverage
                       else check_csv(results, run, lang.value, documents)),
          printout=lambda: check_printout(results, run, lang.value, documents))
    if found.quote_missing:
        raise typer.Exit(EXIT_QUOTE_MISSING)
    if found.fails(strict):
        raise typer.Exit(EXIT_DOES_NOT_FOLLOW)


PerspectiveOpt = Annotated[list[str] | None, typer.Option("--perspective", metavar="KEY", help=(
    "Only this perspective (repeatable), e.g. society; all by default."))]
MetricPersonsOpt = Annotated[float | None, typer.Option("--persons", min=0, help=(
    "How many participants are employed, for a metric that counts them (the net present "
    "value, the benefit-cost ratio)."))]
HorizonOpt = Annotated[float | None, typer.Option("--horizon", metavar="YEARS", help=(
    "Only this horizon, one of analysis.horizons_years."))]
RateOpt = Annotated[float | None, typer.Option("--subsidy-rate", metavar="SHARE", help=(
    "Only this wage-subsidy rate, one of analysis.subsidy_rates."))]


@app.command()
def sweep(
    file: FileArg,
    vary: Annotated[list[str], typer.Option("--vary", metavar="PATH=START:STOP:STEP", help=(
        "An input to vary, by its key path: a range with both ends included, whose step "
        "lands on STOP (analysis.subsidy_rates.1=0.05:1:0.05), or a list "
        "(inputs.monthly_income=18000,22500). Give it twice for a two-dimensional grid, drawn "
        "as heat maps."))],
    metric: Annotated[str, typer.Option("--metric", help=(
        f"The figure to show: {', '.join(defaults.METRICS[:-1])} or {defaults.METRICS[-1]}; "
        f"{' and '.join(defaults.COUNTING_METRICS)} need --persons."))] = defaults.SWEEP_METRIC,
    persons: MetricPersonsOpt = None,
    perspective: PerspectiveOpt = None,
    horizon: HorizonOpt = None,
    subsidy_rate: RateOpt = None,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    allow_path: AllowOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """A break-even figure (by default the whole persons needed) for every perspective, subsidy
    rate and horizon, over a range of one input (a table) or a grid of two (heat maps). Every
    value is validated as in the file."""
    from nyttocalc.app import analysts
    from nyttocalc.report.machine.as_csv import sweep_csv
    from nyttocalc.report.machine.as_json import sweep_json
    from nyttocalc.report.tables.analysts import sweep_printout

    _check_target(output, force)
    metric = _metric(metric, persons)
    loaded = _load(file, set, allow_path)
    with _user_errors(loaded.name):
        swept = analysts.sweep(loaded, vary, metric, perspective or (), horizon, subsidy_rate,
                               persons)
    run, result = _run(loaded, lang), swept.result
    _emit(format, lang, output, force, json=lambda: sweep_json(result, run),
          csv=lambda: sweep_csv(result, lang.value),
          printout=lambda: sweep_printout(result, swept.units, swept.costs, run, lang.value))


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
    allow_path: AllowOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """The value of one input at which N employed participants pay back a perspective's cost
    within H years: exact where the formula inverts, bracketed and bisected otherwise."""
    from nyttocalc.app import analysts
    from nyttocalc.report.machine.as_json import solve_json
    from nyttocalc.report.tables.analysts import solve_printout

    _check_target(output, force)
    _refuse_csv(format, "solve gives one answer")
    loaded = _load(file, set, allow_path)
    with _user_errors(loaded.name):
        solved = analysts.solve(loaded, for_, persons, perspective, horizon, subsidy_rate,
                                between)
    run, model = _run(loaded, lang), loaded.model
    question, answer, unit, check = solved.question, solved.answer, solved.unit, solved.check
    _emit(format, lang, output, force,
          json=lambda: solve_json(question, answer, unit, check, run), csv=None,
          printout=lambda: solve_printout(question, answer, model, unit, check, run,
                                          lang.value))


@app.command()
def sensitivity(
    file: FileArg,
    by: Annotated[str, typer.Option("--by", metavar="SHARE", help=(
        "How far to move each input down and up: 20% or 0.2."))] = defaults.SENSITIVITY_BY,
    metric: Annotated[str, typer.Option("--metric", help=(
        "The figure to watch; persons_exact by default (whole persons move in steps)."))
    ] = defaults.SENSITIVITY_METRIC,
    persons: MetricPersonsOpt = None,
    perspective: PerspectiveOpt = None,
    horizon: Annotated[float | None, typer.Option("--horizon", metavar="YEARS", help=(
        "The horizon to watch; the first listed by default."))] = None,
    subsidy_rate: Annotated[float | None, typer.Option("--subsidy-rate", metavar="SHARE", help=(
        "The subsidy rate to watch; the lowest listed by default."))] = None,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    allow_path: AllowOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Move each input down and up, one at a time, and rank the inputs by how far they move a
    break-even figure: a sorted table and a tornado chart per perspective."""
    from nyttocalc.app import analysts
    from nyttocalc.report.machine.as_csv import sensitivity_csv
    from nyttocalc.report.machine.as_json import sensitivity_json
    from nyttocalc.report.tables.analysts import sensitivity_printout

    _check_target(output, force)
    metric = _metric(metric, persons)
    loaded = _load(file, set, allow_path)
    with _user_errors(loaded.name):
        result, cells, units, share = analysts.sensitivity(loaded, by, metric, perspective or (),
                                                           horizon, subsidy_rate, persons)
    run, model = _run(loaded, lang), loaded.model
    _emit(format, lang, output, force,
          json=lambda: sensitivity_json(result, model, cells, share, run),
          csv=lambda: sensitivity_csv(result, model, cells, lang.value),
          printout=lambda: sensitivity_printout(result, model, units, cells, share, run,
                                                lang.value))


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
    allow_path: AllowOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Year by year, per perspective: the cost, the work (after the delay, thinned by drop-off),
    its value, and the cumulative net value discounted at analysis.discount_rate; the NPV and
    benefit-cost ratio per horizon, and the (discounted) payback year."""
    from nyttocalc.app.timeline import timeline_for
    from nyttocalc.report.machine.as_csv import timeline_csv
    from nyttocalc.report.machine.as_json import timeline_json
    from nyttocalc.report.tables.timeline import timeline_printout

    _check_target(output, force)
    loaded = _load(file, set, allow_path)
    with _user_errors(loaded.name):
        timelines = timeline_for(loaded, persons, subsidy_rate)
    run, model = _run(loaded, lang), loaded.model
    _emit(format, lang, output, force, json=lambda: timeline_json(timelines, model, run),
          csv=lambda: timeline_csv(timelines, lang.value),
          printout=lambda: timeline_printout(timelines, model, run, lang.value))


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
    allow_path: AllowOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Monte Carlo over the scenario's `simulation` section: each participant gets work or not
    (a binomial draw with an uncertain probability), with uncertain inputs drawn from their
    distributions. Per perspective, subsidy rate and horizon: the chance of paying back, the
    net value's percentiles and the payback year's distribution, with a histogram."""
    from nyttocalc.app.simulation import monte_carlo
    from nyttocalc.report.machine.as_csv import simulation_csv
    from nyttocalc.report.machine.as_json import simulation_json
    from nyttocalc.report.tables.simulation import progress_text, simulation_printout

    _check_target(output, force)
    loaded = _load(file, set, allow_path)
    with _user_errors(loaded.name), \
            streams.progress(progress_text(lang.value)) as progress:
        simulated = monte_carlo(loaded, draws, seed, progress)
    run, model = _run(loaded, lang), loaded.model
    result, uncertainty = simulated.result, simulated.uncertainty
    _emit(format, lang, output, force,
          json=lambda: simulation_json(result, uncertainty, run),
          csv=lambda: simulation_csv(result, uncertainty, lang.value),
          printout=lambda: simulation_printout(result, model, uncertainty, run, lang.value))


RequiredOutputOpt = Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help=(
    "The file to write; an existing file is kept unless --force."), show_default=False)]


@app.command()
def export(
    file: FileArg,
    output: RequiredOutputOpt,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    allow_path: AllowOpt = None,
    force: ForceOpt = False,
) -> None:
    """An Excel workbook to keep working in: every input in a named cell with its unit and
    source, a sheet per perspective whose figures are live formulas of those inputs (the
    formulas --explain prints), NyttoSAM's key figures where the scenario has outcomes, and the
    claims with their verdicts. Needs the report extra: pip install 'nyttocalc[report]'."""
    from nyttocalc.app.payback import workbook_contents
    from nyttocalc.report.workbook.build import workbook_bytes

    _check_target(output, force)
    _require("openpyxl", "export")
    loaded = _load(file, set, allow_path)
    with _user_errors(loaded.name):
        analysis, checked = workbook_contents(loaded)
    run = _run(loaded, lang)
    _write(output, lambda: workbook_bytes(analysis, checked, run, lang.value), force)


@app.command()
def report(
    file: FileArg,
    output: RequiredOutputOpt,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    allow_path: AllowOpt = None,
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
    from nyttocalc.app.report import check_page_file, report_parts
    from nyttocalc.report.page import html, usertext
    from nyttocalc.report.page.sections import report_page

    _check_target(output, force)
    with _user_errors():
        check_page_file(output)
    # the scenario's words marked, to be kept apart from the page's (report/page/usertext.py)
    loaded = usertext.isolated_scenario(_load(file, set, allow_path))
    run = usertext.isolated_run(_run(loaded, lang))
    with _user_errors(loaded.name):
        parts = report_parts(loaded, draws, seed, persons)
    content = report_page(parts, loaded.model, loaded.uncertainty, run, lang.value)
    _write(output, lambda: html.page(content, run, lang.value, computed=parts.computed), force)


def _load(file: str, assignments: list[str] | None, allow: list[str] | None,
          audit: bool = False) -> "LoadedScenario":
    """The scenario; a claims-only audit only where the command is `check` (``audit``)."""
    from nyttocalc.report.language.numbers import use_currency
    from nyttocalc.scenario.load import load

    with _user_errors():
        loaded = load(scenario_path(file), assignments or [], allow or [])
        if loaded.claims_only and not audit:
            raise NyttocalcError(f"{loaded.name} holds claims only (no perspectives or ledger): "
                                 f"use nyttocalc check {file}")
    use_currency(loaded.scenario.numbers.currency)
    for warning in loaded.warnings:
        typer.echo(f"warning: {warning}.", err=True)
    return loaded


@app.command()
def schema(output: OutputOpt = None, force: ForceOpt = False) -> None:
    """Print the JSON Schema of scenario files, for editors: add the line
    `# yaml-language-server: $schema=schema/scenario.schema.json` (the path from the scenario
    to the schema file) at the top of a scenario, and the editor flags mistakes as you type."""
    from nyttocalc.scenario.jsonschema import scenario_schema_text

    _check_target(output, force)
    _deliver(scenario_schema_text(), output, force, is_json=True)


ScenarioOutputOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help=(
    "Write the scenario to FILE instead of the terminal; an existing file is kept unless "
    "--force."))]


@app.command()
def examples(
    name: Annotated[str | None, typer.Argument(help=(
        "A bundled scenario to write out, e.g. liva; left out: list them."),
        show_default=False)] = None,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    output: ScenarioOutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """The scenarios that come with nyttocalc: list them, or write one out to start from
    (nyttocalc examples liva -o liva.yaml); it runs wherever it is written."""
    from nyttocalc import bundled
    from nyttocalc.report.machine.as_json import examples_json
    from nyttocalc.report.tables.catalogue import examples_printout

    _check_target(output, force)
    if name is not None:
        with _user_errors():
            text = bundled.example_text(name)
        _deliver(text, output, force)
        return
    _refuse_csv(format, "examples lists text")
    found = bundled.examples(lang.value)
    _emit(format, lang, output, force, json=lambda: examples_json(found), csv=None,
          printout=lambda: examples_printout(found, lang.value))


@app.command()
def parameters(
    name: Annotated[str | None, typer.Argument(help=(
        "A bundled parameter set, e.g. se-2025; left out: list them."), show_default=False)
    ] = None,
    municipality: Annotated[str | None, typer.Option("--municipality", metavar="NAME", help=(
        "Also show this municipality's tax rates for the set's year: its name (Umeå) or "
        "four-digit code (2480)."))] = None,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """The public figures that come with nyttocalc, by year: list the sets, or show one
    set's figures, each with its value, unit and source (or how it was derived, or why it is
    missing)."""
    from nyttocalc.app.catalogue import parameter_listing
    from nyttocalc.report.machine.as_json import parameters_json
    from nyttocalc.report.tables.catalogue import parameters_printout

    _check_target(output, force)
    _refuse_csv(format, "parameters lists text")
    with _user_errors():
        listing = parameter_listing(name, municipality, lang.value)
    _emit(format, lang, output, force, json=lambda: parameters_json(listing), csv=None,
          printout=lambda: parameters_printout(listing, lang.value))


@app.command()
def new(
    municipality: Annotated[str, typer.Option("--municipality", metavar="NAME", help=(
        "The municipality: its name (Umeå) or four-digit code (2480)."), show_default=False)],
    year: Annotated[int, typer.Option("--year", help=(
        "The year whose public figures to use (a bundled set se-YEAR: 2019–2026)."),
        show_default=False)],
    states: Annotated[str | None, typer.Option("--states", metavar="LIST", help=(
        "The states to model, separated by commas (default all): social_assistance, work, "
        "subsidised_work, studies, activity_compensation; work is always one."))] = None,
    groups: Annotated[str | None, typer.Option("--groups", metavar="LIST", help=(
        "The groups of participants, separated by commas (default: participants), e.g. "
        "young_adults,parents."))] = None,
    output: ScenarioOutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Write a scenario to fill in, for a municipality and a year: NyttoSAM's parties, the
    states' flows wired to the year's public figures, a before/after table per group. Every
    value only you can know is marked FILL IN; nyttocalc payback on the file lists those left."""
    from nyttocalc.scenario import template

    _check_target(output, force)
    with _user_errors():
        text = template.scenario_text(template.request(year, municipality, states, groups))
    _deliver(text, output, force)


def _metric(metric: str, persons: float | None) -> str:
    """Before any work: --metric and --persons, checked."""
    from nyttocalc.app import analysts

    with _user_errors():
        return analysts.metric(metric, persons)


def _refuse(format: Format, refused: Collection[Format], why: str) -> None:
    """Before any work: refuse a format the command does not give."""
    if format in refused:
        _usage_error(why)


def _refuse_csv(format: Format, why: str) -> None:
    _refuse(format, (Format.csv,), f"{why}: use --format table, markdown or json")


def _usage_error(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def _require(module: str, use: str) -> None:
    """Before any work: refuse a use that needs an extra that is not installed."""
    from nyttocalc.report.extras import require

    with _user_errors():
        require(module, use)


def _run(loaded: "LoadedScenario", lang: Lang) -> "RunInfo":
    """What the output says about this run, in ``lang``."""
    from nyttocalc.scenario.load import run_info

    return run_info(loaded, lang.value)


def _check_target(output: Path | None, force: bool) -> None:
    """Before any work: refuse an --output that exists (without --force) or cannot be."""
    if output is not None:
        from nyttocalc.output import check_target

        with _user_errors():
            check_target(output, force)


Text = str | Iterable[str]  # a result whole, or in pieces (a large sweep is streamed)


def _emit(format: Format, lang: Lang, output: Path | None, force: bool, *,
          json: Callable[[], Text], csv: Callable[[], Text] | None,
          printout: "Callable[[], Printout]") -> None:
    """Build only the result the format asks for (``csv=None``: the command has no CSV, and
    refused it before any work), and deliver it."""
    if format is Format.json:
        _deliver(json(), output, force, is_json=True)
    elif format is Format.csv and csv is not None:
        _deliver(csv(), output, force, excel=lang is Lang.sv)
    else:
        _deliver_printout(printout(), format, output, force)


def _deliver_printout(printout: "Printout", format: Format, output: Path | None,
                      force: bool) -> None:
    """Draw a printout for a terminal (its width, colour), or as text for its format."""
    from nyttocalc.report.tables.render import markdown, plain_text, to_terminal

    if format is Format.table and output is None and sys.stdout is not None \
            and sys.stdout.isatty():
        with _user_errors(), _reader_may_leave(), streams.drawing() as stream:
            to_terminal(printout, stream)
        return
    text = markdown(printout) if format is Format.markdown else plain_text(printout)
    _deliver(text, output, force)


def _deliver(result: Text, output: Path | None, force: bool, *, is_json: bool = False,
             excel: bool = False) -> None:
    """Print the result, or write it whole to --output (Swedish CSV with a byte-order mark,
    for Excel). Every failure to write is one paragraph and exit status 2."""
    pieces = [result] if isinstance(result, str) else result
    if output is None:
        with _user_errors(), _reader_may_leave():
            streams.write(pieces, is_json=is_json)
        return
    _write(output, lambda: pieces, force, "utf-8-sig" if excel else "utf-8")


def _write(output: Path, content: Callable[[], Text | bytes], force: bool,
           encoding: str = "utf-8") -> None:
    """Make the content and write it whole to ``output``; a failure of either is one paragraph
    (SOURCE_DATE_EPOCH that is not a time, a full disk)."""
    from nyttocalc.output import write_atomically

    with _user_errors():
        write_atomically(output, content(), encoding, force)


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
    try:
        sys.stdout = streams.prepare(sys.stdout)
        sys.stderr = streams.prepare(sys.stderr)
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
    except Stopped as stop:  # SIGTERM or SIGHUP while -o wrote its file: the file is gone
        print(f"error: {stop}", file=sys.stderr)
        sys.exit(stop.status)
