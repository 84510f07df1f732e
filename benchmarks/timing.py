"""Whole-process timing for the benchmarks: the median wall time and peak memory of a command.

The machine is shared and noisy, so each benchmark reports medians and ratios between commands
rather than bare milliseconds.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIVA = str(ROOT / "scenarios" / "liva.yaml")

# Runs the command as a child and prints its peak resident memory (kB) on the last line.
_PEAK = ("import resource, subprocess, sys; "
         "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


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


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        # check exits 1 when a claim does not follow: that is a result, not a failure here
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_megabytes(command: list[str]) -> float:
    out = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True,
                         text=True, check=True).stdout
    return int(out.split()[-1]) / 1024


def report(results: dict[str, tuple[float, float]], base: str) -> None:
    """A table of median ms, × the ``base`` command, and peak MB; then the same as JSON."""
    print(f"{'command':<62} {'median ms':>10} {'× ' + base[:14]:>16} {'peak MB':>8}")
    for name, (seconds, megabytes) in results.items():
        ratio = seconds / results[base][0]
        print(f"{name:<62} {seconds * 1000:>10.0f} {ratio:>16.2f} {megabytes:>8.0f}")
    print(json.dumps({name: {"median_ms": round(s * 1000), "peak_mb": round(m)}
                      for name, (s, m) in results.items()}))
