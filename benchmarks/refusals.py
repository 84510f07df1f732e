"""Hostile files are refused fast, as whole processes (run on demand, not in the tests).

    python benchmarks/refusals.py [--runs 7]

Each file below must be refused (exit 2) in about the time a valid scenario takes to load: the
reader stops at the first anchor, at 2 MiB, at 64 levels of nesting or at 20 000 values, never
after expanding or reading everything. Prints medians, the ratio to `payback` on LivA, and peak
memory; exits 1 when a refusal takes more than 3 × that.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import LIVA, ROOT, cli, measure, peak_check, ratio, report

TARGET_RATIO = 3.0


def hostile_files(folder: Path) -> dict[str, Path]:
    files = {
        "billion laughs": ROOT / "tests" / "broken" / "billion_laughs.yaml",
        "5 000 nested [": folder / "deep.yaml",
        "300 000 list items": folder / "list.yaml",
        "500 MB sparse file": folder / "huge.yaml",
    }
    files["5 000 nested ["].write_text("[" * 5000)
    files["300 000 list items"].write_text("title: x\nitems:\n" + "  - 1\n" * 300_000)
    with files["500 MB sparse file"].open("wb") as handle:
        handle.truncate(500 * 1024 * 1024)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    nyttocalc = cli()
    with tempfile.TemporaryDirectory() as folder:
        commands = {"payback liva.yaml": [*nyttocalc, "payback", LIVA]}
        commands |= {f"payback {name}": [*nyttocalc, "payback", str(path)]
                     for name, path in hostile_files(Path(folder)).items()}
        results = measure(commands, args.runs)
    report(results, "payback liva.yaml")
    met = peak_check(results)
    slow = [name for name in results if ratio(results, name, "payback liva.yaml") > TARGET_RATIO]
    if slow:
        print(f"slower than {TARGET_RATIO} × payback liva.yaml: {', '.join(slow)}")
    sys.exit(0 if met and not slow else 1)


if __name__ == "__main__":
    main()
