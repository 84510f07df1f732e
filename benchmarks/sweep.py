"""Issue 5's target: a 1000 × 1000 sweep costs about what a ten-point sweep costs.

    python benchmarks/sweep.py [--runs 5]

Whole processes, medians: a ten-point one-input sweep against a two-input grid of a million
points (every perspective, subsidy rate and horizon: 12 heat maps for LivA), each summarised to
the terminal (piped) and to a file with -o. The target is a ratio under 3.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import LIVA, cli, median_seconds, peak_megabytes, report

TEN = ["--vary", "analysis.subsidy_rates.1=0.1:1:0.1"]
MILLION = ["--vary", "analysis.subsidy_rates.1=0.001:1:0.001",
           "--vary", "inputs.volunteer_time=0:999000:1000"]


def commands(out: Path) -> dict[str, list[str]]:
    sweep = [*cli(), "sweep", LIVA]
    return {
        "sweep, 10 points, table": [*sweep, *TEN],
        "sweep, 1000 x 1000 points, heat maps": [*sweep, *MILLION],
        "sweep, 10 points, table -o file": [*sweep, *TEN, "-o", str(out / "a.txt"),
                                            "--force"],
        "sweep, 1000 x 1000 points, heat maps -o file": [*sweep, *MILLION, "-o",
                                                         str(out / "b.txt"), "--force"],
        "sweep, 1000 x 1000 points, -f json -o file (every point)": [
            *sweep, *MILLION, "-f", "json", "-o", str(out / "c.json"), "--force"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        results = {name: (median_seconds(command, args.runs), peak_megabytes(command))
                   for name, command in commands(Path(directory)).items()}
    report(results, "sweep, 10 points, table")
    ratio = results["sweep, 1000 x 1000 points, heat maps"][0] / results[
        "sweep, 10 points, table"][0]
    print(f"ratio, 1000 x 1000 to 10 points (terminal): {ratio:.2f} (target < 3)")
    sys.exit(0 if ratio < 3 else 1)


if __name__ == "__main__":
    main()
