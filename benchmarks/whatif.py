"""The report page's what-if: how long one recomputation takes in headless Chromium, and how
much the page grows for it (run on demand; needs chromium and the dev extra's Playwright).

    python benchmarks/whatif.py [--moves 300] [--scenario scenarios/liva-actors.yaml]

A recomputation is what a reader's change of one field sets off: every figure computed again
by the generated script, every marked cell, the answer's sentences and table written again, and
the page laid out (the time to the next layout, forced, as the browser would before painting);
the payback curves are drawn in the frame after, and laid out. Each must fit in one frame: exits
1 where the 95th percentile of either, over ``--moves`` changes (each control of the panel in
turn, to values across its range), is 16 ms or more, or where the page is more than 60 kB larger
than the same page without its what-if.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from timing import ROOT

FRAME_MS = 16.0
GROWTH_LIMIT = 60_000  # bytes
ACTORS = ROOT / "scenarios" / "liva-actors.yaml"

# Each move: set a control, then force the layout the browser would do before painting; then, in
# the next frame (after the page's own callback, which draws the charts), their layout.
MOVE = """async ([path, value]) => {
  const started = performance.now();
  nyttocalcWhatIf.set(path, value);
  document.body.getBoundingClientRect();
  void document.body.offsetHeight;
  const answer = performance.now() - started;
  await new Promise((done) => requestAnimationFrame(done));
  const charted = performance.now();
  document.body.getBoundingClientRect();
  void document.body.offsetHeight;
  return [answer, nyttocalcWhatIf.chartMilliseconds + performance.now() - charted];
}"""


def pages(scenario: Path, lang: str, folder: Path) -> tuple[Path, int]:
    """The report page, written to ``folder``, and how many bytes its what-if adds."""
    from nyttocalc.app.report import report_parts
    from nyttocalc.report.page import html, usertext
    from nyttocalc.report.page.sections import report_page
    from nyttocalc.scenario.load import load, run_info

    loaded = usertext.isolated_scenario(load(scenario))
    run = usertext.isolated_run(run_info(loaded, lang))
    parts = report_parts(loaded, 2000, 1, None)
    content = report_page(parts, loaded.model, loaded.uncertainty, run, lang)
    with_it = html.page(content, run, lang, parts.computed).encode()
    without = html.page(replace(content, whatif=None), run, lang, parts.computed).encode()
    target = folder / "page.html"
    target.write_bytes(with_it)
    return target, len(with_it) - len(without)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--moves", type=int, default=300)
    parser.add_argument("--scenario", type=Path, default=ACTORS)
    parser.add_argument("--lang", default="sv")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from tests.conftest import FLAGS, system_tool
    from tests.whatif_support import data_of, moves

    with tempfile.TemporaryDirectory() as folder:
        page_file, growth = pages(args.scenario, args.lang, Path(folder))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=system_tool("chromium"),
                                                 args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.as_uri())
            controls = data_of(page)["controls"]
            changes = [(c["path"], value) for c in controls for value in moves(c)]
            times = []
            for index in range(args.moves + 20):  # the first 20 warm the engine up
                path, value = changes[index % len(changes)]
                page.evaluate("nyttocalcWhatIf.reset()")
                took = page.evaluate(MOVE, [path, value])
                if index >= 20:
                    times.append(took)
            browser.close()
    worst = 0.0
    for name, frame in (("answer and tables", [a for a, _ in times]),
                        ("payback curves, the frame after", [c for _, c in times])):
        frame.sort()
        p95 = frame[int(0.95 * (len(frame) - 1))]
        worst = max(worst, p95)
        print(f"{args.scenario.name} ({args.lang}), {len(controls)} controls, {len(frame)} moves, "
              f"{name}: median {statistics.median(frame):.2f} ms, 95th percentile {p95:.2f} ms, "
              f"slowest {frame[-1]:.2f} ms (one frame: {FRAME_MS:.0f} ms)")
    print(f"the what-if adds {growth:,} bytes to the page (at most {GROWTH_LIMIT:,})")
    sys.exit(0 if worst < FRAME_MS and growth <= GROWTH_LIMIT else 1)


if __name__ == "__main__":
    main()
