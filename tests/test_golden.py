"""Every command's output on the bundled scenarios, byte for byte, against files kept in
``tests/expected/golden/``: a change to the core that should leave figures alone (a redesign, a
speed-up) shows here as a diff, and a deliberate change of output is reviewed in one.

One exception, stated: exp and log1p (discounting, drop-off) are not correctly rounded; NumPy's
vectorised versions differ between NumPy versions and CPUs in the last bit or two (measured:
1.26 against 2.4), and the C library's may between CPUs. So the JSON of a discounted run, which
prints every float in full, is compared number by number within 1e-12 relative; everything else
(and every rounded table) byte for byte.

    NYTTOCALC_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

rewrites the files from what the commands print now; read the diff before committing it.
"""

from __future__ import annotations

import json
import math
import os
import shlex
from typing import Any

import pytest

from tests.conftest import ROOT, run_cli

GOLDEN = ROOT / "tests" / "expected" / "golden"
UPDATE = os.environ.get("NYTTOCALC_UPDATE_GOLDEN") == "1"
TIMED = ("--set analysis.discount_rate=0.035 --set cohort.drop_off_rate=0.1 "
         "--set cohort.deadweight=0.05")

RUNS = {
    "liva-payback": "payback scenarios/liva.yaml",
    "liva-payback-sv-explain": "payback scenarios/liva.yaml --lang sv -f markdown --explain",
    "liva-payback-json-explain": "payback scenarios/liva.yaml -f json --explain",
    "liva-payback-csv": "payback scenarios/liva.yaml -f csv",
    "liva-check": "check scenarios/liva.yaml",
    "liva-check-json": "check scenarios/liva.yaml -f json",
    "liva-sweep-json": "sweep scenarios/liva.yaml --vary cohort.delay_years=0:8:2 -f json",
    "liva-sweep-grid-csv": "sweep scenarios/liva.yaml --vary analysis.subsidy_rates.1=0.5,0.8 "
                           "--vary inputs.production_value=400000,585000 -f csv "
                           "--metric persons_exact",
    "liva-sweep-grid-csv-edges": "sweep scenarios/liva.yaml "
                                 "--vary inputs.production_value=0,1,585000,1000000000 "
                                 "--vary inputs.avoided_support_costs=0,15000 -f csv "
                                 "--metric employment_rate",
    "liva-sweep-grid-csv-sv": "sweep scenarios/liva.yaml "
                              "--vary inputs.production_value=0,1,585000,1000000000 "
                              "--vary inputs.avoided_support_costs=0,15000 -f csv "
                              "--metric employment_rate --lang sv",
    "liva-sweep-table": "sweep scenarios/liva.yaml --vary analysis.subsidy_rates.1=0.05:1:0.05",
    "liva-sweep-heat-sv": "sweep scenarios/liva.yaml --vary analysis.subsidy_rates.1=0.1:1:0.1 "
                          "--vary inputs.volunteer_time=0:2000000:250000 --lang sv",
    "liva-sensitivity-json": "sensitivity scenarios/liva.yaml -f json",
    "liva-sensitivity": "sensitivity scenarios/liva.yaml",
    "liva-timeline": "timeline scenarios/liva.yaml --persons 3",
    "liva-simulate": "simulate scenarios/liva.yaml --draws 2000",
    "liva-simulate-csv-sv": "simulate scenarios/liva.yaml --draws 2000 -f csv --lang sv",
    "liva-payback-markdown": "payback scenarios/liva.yaml -f markdown",
    "liva-actors-payback": "payback scenarios/liva-actors.yaml",
    "liva-timeline-json": "timeline scenarios/liva.yaml --persons 3 -f json",
    "liva-simulate-json": "simulate scenarios/liva.yaml --draws 2000 -f json",
    "liva-solve-json": "solve scenarios/liva.yaml --for analysis.subsidy_rates.1 --persons 3 "
                       "--horizon 3 --perspective society -f json",
    "liva-timed-payback-json-explain": f"payback scenarios/liva.yaml -f json --explain {TIMED}",
    "liva-timed-payback-sv": f"payback scenarios/liva.yaml --lang sv --explain {TIMED}",
    "liva-timed-sweep-json": f"sweep scenarios/liva.yaml --vary cohort.delay_years=0:8:2 "
                             f"-f json {TIMED}",
    "liva-timed-timeline-json": f"timeline scenarios/liva.yaml --persons 5 -f json {TIMED}",
    "liva-timed-simulate-json": "simulate scenarios/liva.yaml --draws 2000 -f json "
                                "--set analysis.discount_rate=0.035 --set cohort.drop_off_rate=0.1",
    "liva-timed-solve-json": f"solve scenarios/liva.yaml --for inputs.production_value "
                             f"--persons 4 --horizon 3 --perspective society -f json {TIMED}",
    "liva-2019-2020-payback-json-explain":
        "payback scenarios/liva-2019-2020.yaml -f json --explain",
    "liva-2019-2020-check-json": "check scenarios/liva-2019-2020.yaml -f json",
    "liva-actors-payback-sv-explain": "payback scenarios/liva-actors.yaml --lang sv --explain",
    "liva-actors-payback-json-explain": "payback scenarios/liva-actors.yaml -f json --explain",
    "liva-actors-check-json": "check scenarios/liva-actors.yaml -f json",
    "actors-fixture-payback-csv": "payback tests/fixtures/actors.yaml -f csv",
    "three-perspectives-payback-json-explain":
        "payback tests/fixtures/three_perspectives.yaml -f json --explain",
    "three-perspectives-sweep-json":
        "sweep tests/fixtures/three_perspectives.yaml --vary cohort.full_time_equivalent=0.25,0.5"
        " -f json --metric employment_rate",
}


# discounted runs printed in full: equal within 1e-12 relative (see the docstring)
TRANSCENDENTAL = {name for name in RUNS if name.startswith("liva-timed-") and "json" in name}


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize("name", RUNS)
def test_output_is_what_it_was(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    run = run_cli(*shlex.split(RUNS[name]))
    assert run.code in (0, 1), run.stderr
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        path.write_text(run.stdout, encoding="utf-8")
        return
    assert path.exists(), f"no golden file for {name}: run with NYTTOCALC_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    if name in TRANSCENDENTAL and _close(json.loads(run.stdout), json.loads(expected)):
        return
    if run.stdout != expected:
        import difflib

        diff = "".join(list(difflib.unified_diff(expected.splitlines(True),
                                                 run.stdout.splitlines(True), "golden",
                                                 "now"))[:60])
        pytest.fail(f"`nyttocalc {RUNS[name]}` prints something else than before:\n{diff}")
