"""Start-up cost of the command line, as whole processes (run on demand, not in the tests).

    python benchmarks/startup.py [--runs 15]

Times each command from process start to exit, reports the median and the ratio to
``python -c pass`` (the machine is shared and noisy: ratios travel better than milliseconds).
"""

from __future__ import annotations

import argparse
import sys

from timing import LIVA, cli, median_seconds


def commands() -> dict[str, list[str]]:
    nyttocalc = cli()
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "nyttocalc --version": [*nyttocalc, "--version"],
        "nyttocalc --help": [*nyttocalc, "--help"],
        "nyttocalc payback liva.yaml": [*nyttocalc, "payback", LIVA],
        "nyttocalc payback liva.yaml -f json": [*nyttocalc, "payback", LIVA, "--format", "json"],
        "nyttocalc payback liva.yaml --lang sv --explain": [*nyttocalc, "payback", LIVA,
                                                            "--lang", "sv", "--explain"],
        "nyttocalc check liva.yaml (63 claims)": [*nyttocalc, "check", LIVA],
        "nyttocalc check liva.yaml -f json": [*nyttocalc, "check", LIVA, "--format", "json"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    results = {name: median_seconds(cmd, args.runs) for name, cmd in commands().items()}
    base = results["python -c pass"]
    print(f"{'command':<48} {'median ms':>10} {'× python -c pass':>17}")
    for name, seconds in results.items():
        print(f"{name:<48} {seconds * 1000:>10.0f} {seconds / base:>17.1f}")


if __name__ == "__main__":
    main()
