"""Start-up of every command, as whole processes, against ``python -c pass`` of the same
environment (run on demand, not in the tests).

    python benchmarks/startup.py [--runs 15]

Issue 16's targets: ``payback`` on LivA at most 15 × a bare ``python -c pass``, ``--help`` at
most 6 ×; every other command is reported beside them. Output goes to a pipe (plain text, as a
script or CI sees it). Three floors are reported for scale: the ``--help`` of a two-command
typer app configured as nyttocalc's is (plain help, no completion); importing the libraries
every command needs (typer, pydantic, PyYAML); and that plus reading LivA (PyYAML's C loader)
and validating it against the scenario's pydantic models, with none of nyttocalc's own work.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import LIVA, cli, measure, peak_check, ratio, report

PASS = "python -c pass"
VALIDATE = ("import typer, yaml; from nyttocalc.scenario.schema import Scenario; "
            f"Scenario.model_validate(yaml.load(open({LIVA!r}, encoding='utf-8'), "
            "Loader=yaml.CSafeLoader))")
TWO_COMMANDS = ("import typer\n"
                "app = typer.Typer(rich_markup_mode=None, add_completion=False)\n"
                "@app.command()\ndef one(name: str = 'x') -> None: print(name)\n"
                "@app.command()\ndef two() -> None: print(2)\n"
                "app()")
TARGETS = {"nyttocalc payback liva.yaml": 15.0, "nyttocalc --help": 6.0}


def commands(out: Path) -> dict[str, list[str]]:
    n = cli()
    return {
        PASS: [sys.executable, "-c", "pass"],
        "floor: a two-command typer app's --help": [sys.executable, "-c", TWO_COMMANDS,
                                                     "--help"],
        "floor: import typer, pydantic, yaml": [
            sys.executable, "-c", "import typer, yaml; from pydantic import BaseModel"],
        "floor: + validate liva.yaml with the scenario schema": [sys.executable, "-c", VALIDATE],
        "nyttocalc --version": [*n, "--version"],
        "nyttocalc --help": [*n, "--help"],
        "nyttocalc payback --help": [*n, "payback", "--help"],
        "nyttocalc payback liva.yaml": [*n, "payback", LIVA],
        "nyttocalc payback liva.yaml -f json": [*n, "payback", LIVA, "-f", "json"],
        "nyttocalc payback liva.yaml -f csv": [*n, "payback", LIVA, "-f", "csv"],
        "nyttocalc payback liva.yaml --lang sv --explain": [*n, "payback", LIVA, "--lang", "sv",
                                                            "--explain"],
        "nyttocalc check liva.yaml (63 claims)": [*n, "check", LIVA],
        "nyttocalc check liva.yaml -f json": [*n, "check", LIVA, "-f", "json"],
        "nyttocalc sweep liva.yaml, 20 points": [*n, "sweep", LIVA, "--vary",
                                                 "analysis.subsidy_rates.1=0.05:1:0.05"],
        "nyttocalc solve liva.yaml": [*n, "solve", LIVA, "--for", "analysis.subsidy_rates.1",
                                      "--persons", "3", "--horizon", "3", "--perspective",
                                      "society"],
        "nyttocalc sensitivity liva.yaml": [*n, "sensitivity", LIVA],
        "nyttocalc timeline liva.yaml --persons 3": [*n, "timeline", LIVA, "--persons", "3"],
        "nyttocalc simulate liva.yaml --draws 1000": [*n, "simulate", LIVA, "--draws", "1000"],
        "nyttocalc report liva.yaml -o file.html": [*n, "report", LIVA, "-o",
                                                    str(out / "liva.html"), "--force"],
        "nyttocalc export liva.yaml -o file.xlsx": [*n, "export", LIVA, "-o",
                                                    str(out / "liva.xlsx"), "--force"],
        "nyttocalc schema": [*n, "schema"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = measure(commands(Path(folder)), args.runs)
    report(results, PASS)
    met = peak_check(results)
    for name, target in TARGETS.items():
        times = ratio(results, name, PASS)
        print(f"{name}: {times:.1f} × {PASS} (target ≤ {target:g})")
        met = met and times <= target
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
