"""A ledger's workbook is as quick to export with many transfers as with none (run on demand).

    python benchmarks/workbook.py [--runs 5]

Each subtraction of a value's template once wrote both its operands three times, so a value of
n transfers from one actor in one state held 3^n copies of its first term: 14 transfers took
over a minute and gigabytes, 25 never finished. ``export`` of the ledger fixture
(tests/fixtures/actors.yaml) with 5, 14 and 25 such transfers (tests/test_workbook_integrity.py's
``with_transfers``) against the fixture itself: prints medians, ratios and peak memory; exits 1
when 25 transfers take more than 2 × the fixture's time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import ROOT, cli, measure, peak_check, ratio, report

TARGET_RATIO = 2.0
COUNTS = (5, 14, 25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # the scenarios the tests generate, the same here
    from tests.conftest import ACTORS
    from tests.test_workbook_integrity import with_transfers

    nyttocalc = cli()
    with tempfile.TemporaryDirectory() as folder:
        scenarios = {"fixture": ACTORS} | {f"{n} transfers": with_transfers(n, Path(folder))
                                           for n in COUNTS}
        commands = {f"export {name}": [*nyttocalc, "export", str(path), "-o",
                                       str(Path(folder) / f"{name}.xlsx"), "--force"]
                    for name, path in scenarios.items()}
        results = measure(commands, args.runs)
    base = "export fixture"
    report(results, base)
    met = peak_check(results)
    last = f"export {COUNTS[-1]} transfers"
    fast = ratio(results, last, base) <= TARGET_RATIO
    if not fast:
        print(f"{last} is slower than {TARGET_RATIO} × {base}")
    sys.exit(0 if met and fast else 1)


if __name__ == "__main__":
    main()
