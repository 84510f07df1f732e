"""The command line: load a scenario, call the core once, render. Nothing else lives here.

Exit status: 0 success; 1 when `check` finds a claim that does not follow; 2 bad input or
usage (one paragraph on stderr, never a traceback).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nyttocalc import __version__
from nyttocalc.errors import NyttocalcError

if TYPE_CHECKING:
    from nyttocalc.report.document import Document
    from nyttocalc.scenario.load import LoadedScenario

EXIT_DOES_NOT_FOLLOW = 1
EXIT_BAD_INPUT = 2

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
    loaded = _load(file, set)
    analysis = analyse(loaded.model)
    run = run_info(loaded)
    if format is Format.json:
        _deliver(payback_json(analysis, run, lang.value, explain), format, lang, output)
    elif format is Format.csv:
        _deliver(payback_csv(analysis, lang.value), format, lang, output)
    else:
        from nyttocalc.report.document import payback_document

        _deliver(payback_document(analysis, run, lang.value, explain), format, lang, output)


@app.command()
def check(
    file: FileArg,
    format: FormatOpt = Format.table,
    lang: LangOpt = Lang.en,
    set: SetOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Recompute every figure the scenario's report publishes (its `claims`) and say, claim by
    claim, whether it holds, holds within the stated rounding, or does not follow, with the
    arithmetic. Exit status 0 when every claim holds, 1 when any does not follow."""
    from nyttocalc.core.claims import Verdict
    from nyttocalc.core.claims import check as check_claims
    from nyttocalc.report.machine import check_csv, check_json
    from nyttocalc.scenario.load import run_info

    _check_target(output, force)
    loaded = _load(file, set)
    with _user_errors(loaded.name):
        results = check_claims(loaded.claims, loaded.model)
    run = run_info(loaded)
    if format is Format.json:
        _deliver(check_json(results, run, lang.value), format, lang, output)
    elif format is Format.csv:
        _deliver(check_csv(results, run, lang.value), format, lang, output)
    else:
        from nyttocalc.report.check_document import check_document

        _deliver(check_document(results, run, lang.value), format, lang, output)
    if any(r.verdict is Verdict.DOES_NOT_FOLLOW for r in results):
        raise typer.Exit(EXIT_DOES_NOT_FOLLOW)


def _load(file: str, assignments: list[str] | None) -> LoadedScenario:
    from nyttocalc.scenario.load import load

    with _user_errors():
        return load(scenario_path(file), assignments or [])


@app.command()
def schema(output: OutputOpt = None, force: ForceOpt = False) -> None:
    """Print the JSON Schema of scenario files, for editors: add the line
    `# yaml-language-server: $schema=schema/scenario.schema.json` (the path from the scenario
    to the schema file) at the top of a scenario, and the editor flags mistakes as you type."""
    from nyttocalc.scenario.jsonschema import scenario_schema_text

    _check_target(output, force)
    _deliver(scenario_schema_text(), Format.json, Lang.en, output)


def _check_target(output: Path | None, force: bool) -> None:
    """Before any work: refuse an --output that exists (without --force) or cannot be."""
    if output is not None:
        from nyttocalc.output import check_target

        with _user_errors():
            check_target(output, force)


def _deliver(result: str | Document, format: Format, lang: Lang, output: Path | None) -> None:
    """Print the result, or write it whole to --output; a document is drawn for its format."""
    if not isinstance(result, str):
        from nyttocalc.report.render import markdown, plain_text, to_terminal

        if format is Format.table and output is None and sys.stdout.isatty():
            to_terminal(result, sys.stdout)
            return
        result = markdown(result) if format is Format.markdown else plain_text(result)
    if output is None:
        sys.stdout.write(result)
        return
    from nyttocalc.output import write_atomically

    excel = format is Format.csv and lang is Lang.sv
    with _user_errors():
        write_atomically(output, result, "utf-8-sig" if excel else "utf-8")


def scenario_path(given: str) -> Path:
    if not given.strip():
        raise NyttocalcError("the scenario file's name is empty; give the path of a scenario "
                             "file, e.g. scenarios/liva.yaml.")
    return Path(given)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # e.g. `nyttocalc payback … | head`: stop quietly
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
