"""Issue 5's target: a 1000 × 1000 sweep costs about what a ten-point sweep costs; issue 15's:
a 2000 × 2000 sweep narrowed to one cell stays under 200 MB whatever the scenario's other
horizons and rates.

    python benchmarks/sweep.py [--runs 5]

Whole processes, medians: a ten-point one-input sweep against a two-input grid of a million
points (every perspective, subsidy rate and horizon: 12 heat maps for LivA), each summarised to
the terminal (piped) and to a file with -o; and the largest grid, 2000 × 2000, narrowed by
--perspective/--horizon/--subsidy-rate to one of the 200 cells of a scenario with 10 horizons
× 10 rates, to CSV and JSON. The targets: a ratio under 3, and under 200 MB peak.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import LIVA, cli, measure, peak_check, ratio, report, wide_scenario

TEN = ["--vary", "analysis.subsidy_rates.1=0.1:1:0.1"]
MILLION = ["--vary", "analysis.subsidy_rates.1=0.001:1:0.001",
           "--vary", "inputs.volunteer_time=0:999000:1000"]
LARGEST = ["--vary", "inputs.volunteer_time=1000:2000000:1000",
           "--vary", "inputs.production_value=1000:2000000:1000",
           "--perspective", "society", "--horizon", "3", "--subsidy-rate", "0"]
NARROWED = ("sweep, 2000 x 2000, 1 of 200 cells, -f csv -o file",
            "sweep, 2000 x 2000, 1 of 200 cells, -f json -o file")
PEAK_MB = 200


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
        NARROWED[0]: [*cli(), "sweep", wide_scenario(out), *LARGEST, "-f", "csv",
                      "-o", str(out / "d.csv"), "--force"],
        NARROWED[1]: [*cli(), "sweep", wide_scenario(out), *LARGEST, "-f", "json",
                      "-o", str(out / "e.json"), "--force"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        results = measure(commands(Path(directory)), args.runs)
    report(results, "sweep, 10 points, table")
    met = peak_check(results)
    times = ratio(results, "sweep, 1000 x 1000 points, heat maps", "sweep, 10 points, table")
    print(f"ratio, 1000 x 1000 to 10 points (terminal): {times:.2f} (target < 3)")
    peak = max(results[name].peak_mb for name in NARROWED)
    print(f"peak memory, narrowed 2000 x 2000: {peak:.0f} MB (target < {PEAK_MB} MB)")
    sys.exit(0 if met and times < 3 and peak < PEAK_MB else 1)


if __name__ == "__main__":
    main()
