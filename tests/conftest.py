"""Shared fixtures: paths, running the CLI in-process or as a real process, the browser and
the spreadsheet; the commands and scenarios several test modules share (a sweep and a grid
to stream, a ledger of thousands of transfers); and the fast default, which leaves the slow
tests out unless --runslow."""

from __future__ import annotations

import contextvars
import os
import signal
import subprocess
import sys
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from nyttocalc.cli import app

# The suite is deterministic: the same commit passes or fails the same way on every run and
# machine. Hypothesis draws its examples from a seed fixed per test (derandomize), keeps no example
# database between runs, and checks neither deadlines nor its "too slow" health check, which
# depend on how busy the machine is. For a wider, random campaign run
#     NYTTOCALC_HYPOTHESIS=explore NYTTOCALC_HYPOTHESIS_SCALE=10 python -m pytest --runslow
# (new random examples every run; a failure prints the seed and example to reproduce it).
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.register_profile("explore", derandomize=False, database=None, deadline=None,
                          max_examples=100 * int(os.environ.get("NYTTOCALC_HYPOTHESIS_SCALE", "1")),
                          suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.load_profile(os.environ.get("NYTTOCALC_HYPOTHESIS", "deterministic"))

ROOT = Path(__file__).resolve().parent.parent
LIVA = ROOT / "scenarios" / "liva.yaml"
LIVA_ACTORS = ROOT / "scenarios" / "liva-actors.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BROKEN = Path(__file__).resolve().parent / "broken"
ACTORS = FIXTURES / "actors.yaml"
NYTTOCALC = [sys.executable, "-m", "nyttocalc"]


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str | Path) -> Run:
    """Run the CLI in-process (fast); stdout and stderr kept apart. In a context of its own,
    as a process has: what a run sets for itself (the currency amounts are written in) ends
    with it."""
    result = contextvars.copy_context().run(
        CliRunner().invoke, app, [str(a) for a in args], catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str | Path, env: dict[str, str] | None = None) -> Run:
    """Run ``python -m nyttocalc`` as a whole process, as a user would."""
    completed = subprocess.run(
        [sys.executable, "-m", "nyttocalc", *map(str, args)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})},
        timeout=120, check=False,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def as_from_a_terminal() -> None:
    """In a child before it runs: Ctrl-C and a hang-up end it, as when a terminal starts it,
    whatever this test run inherited (a script's background job ignores SIGINT; nohup, SIGHUP)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def blocking_run(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*NYTTOCALC, *args], capture_output=True, cwd=ROOT, timeout=120,
                          check=False)


# Commands whose CSV fills a pipe many times over: a sweep of a thousand points, and a grid,
# streamed in blocks that threads format ahead of the writer.
SWEEP = ["sweep", str(LIVA), "--vary", "analysis.subsidy_rates.1=0.001:1:0.001", "-f", "csv"]
GRID = ["sweep", str(LIVA), "--vary", "analysis.subsidy_rates.1=0.002:1:0.002", "--vary",
        "inputs.monthly_income=18000:30000:1000", "-f", "csv"]


def system_tool(name: str) -> str:
    """The path of a program the user's machine has (chromium, soffice). Skipped where it is
    missing, unless NYTTOCALC_REQUIRE_TOOLS=1 (as .ci/run sets, having installed them): then
    a missing program fails the test, so CI can never skip these silently."""
    import shutil

    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (apt-get install -y chromium libreoffice-calc-nogui)"
        if os.environ.get("NYTTOCALC_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


def liva_with(tmp_path: Path, old: str, new: str) -> Path:
    """scenarios/liva.yaml with the first ``old`` replaced by ``new``, written in ``tmp_path``."""
    text = LIVA.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "changed.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# ---- a ledger of thousands of transfers in one state ---------------------------------------

AMOUNTS = [1000 + 37 * i for i in range(10)]  # the ten inputs the flows cycle through, kr


def flows_scenario(after: list[tuple[int, str, str]], before: list[tuple[int, str, str]]) -> str:
    """A ledger with two actors (municipality, individual) and a real production of 400 000 kr
    in work; ``after`` and ``before`` are the transfers of work and of assistance, each (which
    of the ten inputs, from, to)."""
    def flows(transfers: list[tuple[int, str, str]]) -> str:
        return "".join(f"        - {{transfer: t{i}, from: {a}, to: {b}}}\n"
                       for i, a, b in transfers)

    inputs = "".join(f"  t{i}: {{value: {amount}, unit: SEK/person-year, description: T., "
                     "assumption: By hand.}\n" for i, amount in enumerate(AMOUNTS))
    return f"""nyttocalc: 1
title: "Thousands of transfers"
sources: {{}}
inputs:
  cash: {{value: 1000000, unit: SEK, description: Cash., assumption: By hand.}}
  production: {{value: 400000, unit: SEK/person-year, description: P., assumption: By hand.}}
{inputs}cohort:
  participants: {{value: 10, unit: persons, description: P., assumption: By hand.}}
  full_time_equivalent: {{value: 1.0, unit: FTE, description: F., assumption: By hand.}}
  delay_years: {{value: 0, unit: years, description: D., assumption: By hand.}}
analysis:
  horizons_years: {{value: [1, 2], unit: years, description: H., assumption: By hand.}}
  subsidy_rates: {{value: [0.0, 0.5], unit: share, description: R., assumption: By hand.}}
  long_view_years: {{value: 10, unit: years, description: L., assumption: By hand.}}
  write_off_years: {{value: 5, unit: years, description: W., assumption: By hand.}}
ledger:
  actors:
    municipality: {{label: {{en: Municipality, sv: Kommunen}}}}
    individual: {{label: {{en: Individual, sv: Individen}}}}
  states:
    assistance:
      label: {{en: Assistance, sv: Bistånd}}
      flows:
        - {{real: production, to: municipality}}
{flows(before)}    work:
      label: {{en: Work, sv: Arbete}}
      flows:
        - {{real: production, to: individual}}
{flows(after)}  funding:
    - {{input: cash, paid_by: municipality}}
  move: {{from: assistance, to: work}}
"""


def many_transfers(count: int, seed: int) -> list[tuple[int, str, str]]:
    """``count`` transfers over the ten inputs, in both directions, in a fixed pattern."""
    actors = ("individual", "municipality")
    return [(i * seed % 10, actors[i % 3 == 0], actors[i % 3 != 0]) for i in range(count)]


@pytest.fixture
def liva() -> Path:
    return LIVA


# Debian's Chromium as the probe of this machine starts it: no sandbox (CI runs as root), and no
# background requests, which a closed network refuses many at a time.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Any:
    """The system's Chromium, driven by Playwright (no browser download), for a test module."""
    chromium = system_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's program, which recalculates workbooks and reads CSV as a user's would."""
    return system_tool("soffice")


# The fast default: `python -m pytest` leaves out the tests marked slow (Chromium, LibreOffice,
# the fuzz campaigns, and the few others that take seconds) and says how many; `--runslow` runs
# every test. A test reaches Chromium and LibreOffice only through these fixtures, and using
# one marks it slow, so a new browser or spreadsheet test needs no marker of its own.
SLOW_FIXTURES = {"browser", "soffice"}
LEFT_OUT = pytest.StashKey[int]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true",
                     help="also run the slow tests: browser, spreadsheet, fuzz and the few "
                          "others that take seconds")


@pytest.hookimpl(tryfirst=True)  # before -m reads the markers
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    if config.getoption("--runslow"):
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    config.hook.pytest_deselected(items=slow)
    items[:] = [item for item in items if not item.get_closest_marker("slow")]
    config.stash[LEFT_OUT] = len(slow)


@pytest.hookimpl(wrapper=True, tryfirst=True)  # outermost: after the short test summary
def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter,
                            config: pytest.Config) -> Generator[None, object, object]:
    result = yield
    left_out = config.stash.get(LEFT_OUT, 0)
    if left_out:
        tests = "test" if left_out == 1 else "tests"
        terminalreporter.write_line(
            f"{left_out} slow {tests} left out (browser, spreadsheet, fuzz, and a few others of "
            "seconds each); add --runslow to run them: `python -m pytest --runslow` runs every "
            "test")
    return result
