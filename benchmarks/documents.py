"""Issue 26's target: `check --document` costs little per MiB of document, whether its quotes
stand in it or not, and a document of 19 MiB (the cap is 20) fits in modest memory.

    python benchmarks/documents.py [--runs 3]

Whole processes, medians: `check liva.yaml -f json` without a document (the base), then with
the LivA report as its `payoff-2019` document, repeated to 1 MiB and to 19 MiB: as it is
(every quote stands in it), edited ("cirka 66 000 kr" becomes "cirka 67 000 kr" in every copy:
one quote missing, its closest passage sought), and a foreign text in its place (this
repository's README repeated: almost every quote missing, each closest passage sought). Each
document's cost is its median less the base's, per MiB. The targets: under 2 s per MiB, and
under 300 MB peak. Without the LivA report (``../shared/seeds`` beside the checkout), the small
report of the tests and its scenario stand in for it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import LIVA, ROOT, cli, measure, peak_check, report

MIB = 1024 * 1024
SIZES_MIB = (1, 19)
TARGET_SECONDS_PER_MIB = 2.0
PEAK_MB = 300
SEEDS = ROOT.parent / "shared" / "seeds"


def subject() -> tuple[str, str, Path, tuple[str, str]]:
    """The scenario, its source's key, that source's text, and an edit that removes one of
    its quotes: LivA where its report is at hand, else the tests' small report."""
    liva_report = SEEDS / "003_c831113f3be7afb4.txt"
    if liva_report.is_file():
        return LIVA, "payoff-2019", liva_report, ("cirka 66 000 kr per deltagare",
                                                  "cirka 67 000 kr per deltagare")
    print(f"{liva_report} is not here: the tests' small report stands in for LivA's")
    fixture = ROOT / "tests" / "fixtures" / "report"
    return (str(fixture / "scenario.yaml"), "report", fixture / "report.txt",
            ("Insatsen kostade 1,2 mkr", "Insatsen kostade 1,3 mkr"))


def repeated(text: str, mib: int) -> str:
    """``text`` (whole paragraphs) repeated to just under ``mib`` MiB of UTF-8."""
    paragraph = text.rstrip("\n") + "\n\n"
    copies = max(1, mib * MIB // len(paragraph.encode("utf-8")))
    return paragraph * copies


def documents(folder: Path, report_text: str, edit: tuple[str, str]) -> dict[str, Path]:
    """Each kind of document at each size, written to ``folder``."""
    assert edit[0] in report_text, edit
    kinds = {
        "every quote stands": report_text,
        "one quote missing": report_text.replace(*edit),
        "a foreign text": (ROOT / "README.md").read_text(encoding="utf-8"),
    }
    files = {}
    for mib in SIZES_MIB:
        for kind, text in kinds.items():
            path = folder / f"{kind.replace(' ', '-')}-{mib}.txt"
            path.write_text(repeated(text, mib), encoding="utf-8")
            files[f"{mib} MiB, {kind}"] = path
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    scenario, key, source, edit = subject()
    check = [*cli(), "check", scenario, "-f", "json"]
    with tempfile.TemporaryDirectory() as folder:
        files = documents(Path(folder), source.read_text(encoding="utf-8"), edit)
        commands = {"check, no document": check}
        commands |= {f"check, {name}": [*check, "--document", f"{key}={path}"]
                     for name, path in files.items()}
        sizes = {f"check, {name}": path.stat().st_size / MIB for name, path in files.items()}
        results = measure(commands, args.runs)
    report(results, "check, no document")
    met = peak_check(results)
    base = results["check, no document"].median
    print(f"\n{'document':<62} {'MiB':>6} {'s per MiB':>10} {'peak MB':>8}")
    missed = []
    for name, mib in sizes.items():
        per_mib = max(0.0, results[name].median - base) / mib
        print(f"{name:<62} {mib:>6.1f} {per_mib:>10.2f} {results[name].peak_mb:>8.0f}")
        if per_mib >= TARGET_SECONDS_PER_MIB or results[name].peak_mb >= PEAK_MB:
            missed.append(name)
    if missed:
        print(f"over {TARGET_SECONDS_PER_MIB} s per MiB or {PEAK_MB} MB: {', '.join(missed)}")
    sys.exit(0 if met and not missed else 1)


if __name__ == "__main__":
    main()
