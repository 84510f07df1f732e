"""Start-up cost of the command line, as whole processes (run on demand, not in the tests).

    python benchmarks/startup.py [--runs 15]

Times each command from process start to exit, reports the median and the ratio to
``python -c pass`` (the machine is shared and noisy: ratios travel better than milliseconds).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIVA = str(ROOT / "scenarios" / "liva.yaml")


def commands() -> dict[str, list[str]]:
    script = shutil.which("nyttocalc", path=str(Path(sys.executable).parent))
    cli = [script] if script else [sys.executable, "-m", "nyttocalc"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "nyttocalc --version": [*cli, "--version"],
        "nyttocalc --help": [*cli, "--help"],
        "nyttocalc payback liva.yaml": [*cli, "payback", LIVA],
        "nyttocalc payback liva.yaml -f json": [*cli, "payback", LIVA, "--format", "json"],
        "nyttocalc payback liva.yaml --lang sv --explain": [*cli, "payback", LIVA, "--lang",
                                                            "sv", "--explain"],
        "nyttocalc check liva.yaml (62 claims)": [*cli, "check", LIVA],
        "nyttocalc check liva.yaml -f json": [*cli, "check", LIVA, "--format", "json"],
    }


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        # check exits 1 when a claim does not follow: that is a result, not a failure here
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
