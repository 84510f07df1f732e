"""Whole-process timing for the benchmarks: medians, ratios and peak memory of commands.

The machine is shared and noisy, so commands are timed in rounds (each command once a round,
in turn), and a ratio is the median of the ratios within each round: a drift in the machine's
speed moves both sides of a round alike. Each command runs once first, unmeasured, which also
writes its bytecode as an installed package has it (``PYTHONDONTWRITEBYTECODE`` is dropped
for the children).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIVA = str(ROOT / "scenarios" / "liva.yaml")
PEAK_LIMIT_MB = 1024  # no benchmark's command may take more memory than this
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# Runs the command as a child and prints its peak resident memory (kB) on the last line.
_PEAK = ("import resource, subprocess, sys; "
         "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


@dataclass(frozen=True)
class Timed:
    seconds: list[float]  # one per round
    peak_mb: float

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def wide_scenario(folder: Path) -> str:
    """LivA with 10 horizons and 10 subsidy rates (200 cells with its two perspectives), and
    its normal production value truncated to keep about 1 % of its mass: the shape that made
    narrowed sweeps and long simulations cost out of proportion (issue 15)."""
    text = (ROOT / "scenarios" / "liva.yaml").read_text(encoding="utf-8")
    for old, new in (("value: [1, 3, 5]", "value: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"),
                     ("value: [0.0, 0.8]", "value: [0.0, 0.8, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, "
                                           "0.7, 0.9]"),
                     ("      mean: 585000\n      sd: 50000\n",
                      "      mean: 585000\n      sd: 50000\n      low: 701000\n")):
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / "wide.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def cli() -> list[str]:
    """The installed ``nyttocalc`` script beside this Python, else ``python -m nyttocalc``."""
    script = shutil.which("nyttocalc", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "nyttocalc"]


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    # check exits 1 when a claim does not follow: that is a result, not a failure here
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env=ENV)
    return time.perf_counter() - start


def peak_megabytes(command: list[str]) -> float:
    out = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True,
                         text=True, check=True, env=ENV).stdout
    return int(out.split()[-1]) / 1024


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, Timed]:
    """Each command once unmeasured, then ``runs`` rounds of every command in turn."""
    for command in commands.values():
        seconds(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(seconds(command))
    return {name: Timed(times[name], peak_megabytes(command))
            for name, command in commands.items()}


def ratio(results: dict[str, Timed], name: str, base: str) -> float:
    """The median over the rounds of ``name``'s time over ``base``'s in the same round."""
    return statistics.median(a / b for a, b in zip(results[name].seconds,
                                                   results[base].seconds, strict=True))


def report(results: dict[str, Timed], base: str) -> None:
    """A table: median ms, × the ``base`` command (paired by round), peak MB."""
    print(f"{'command':<62} {'median ms':>10} {'× ' + base[:14]:>17} {'peak MB':>8}")
    for name, timed in results.items():
        print(f"{name:<62} {timed.median * 1000:>10.0f} {ratio(results, name, base):>17.2f} "
              f"{timed.peak_mb:>8.0f}")


def peak_check(results: dict[str, Timed]) -> bool:
    """Print the largest peak; True when every command stayed under ``PEAK_LIMIT_MB``."""
    name = max(results, key=lambda n: results[n].peak_mb)
    peak = results[name].peak_mb
    print(f"largest peak memory: {peak:.0f} MB ({name}; target < {PEAK_LIMIT_MB} MB)")
    return peak < PEAK_LIMIT_MB
