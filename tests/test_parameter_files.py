"""Shared parameter files: public figures of a year, each with its source, that a scenario
`uses` instead of copying them."""

from __future__ import annotations

from pathlib import Path

import pytest

from nyttocalc.scenario.load import load
from tests.conftest import LIVA_ACTORS, ROOT, run_cli

SE_2019 = ROOT / "parameters" / "se-2019.yaml"


def test_the_basic_allowance_and_tax_credit_follow_from_the_public_figures() -> None:
    """liva.yaml states the grundavdrag at 270 000 kr as an assumption computed by hand
    (23 300 kr); the actor scenario computes it from the 2019 rule and gets the same."""
    model = load(LIVA_ACTORS).model
    assert model.input_value("basic_allowance") == 23_300
    # (1,703 × 46 500 + 12,8 % × (270 000 − 3,24 × 46 500) − 23 300) × 33,22 %
    assert model.input_value("work_tax_credit") == pytest.approx(71_165.02 * 0.3322, rel=1e-9)
    assert model.input_value("state_income_tax") == 0
    assert model.input_value("price_base_amount") == 46_500  # from the parameter file


def test_a_parameter_files_inputs_can_be_set_for_a_run() -> None:
    run = run_cli("payback", LIVA_ACTORS, "-f", "json", "--set",
                  "inputs.municipal_tax_rate_ostersund=0.2302")
    assert run.code == 0, run.stderr


def _scenario(tmp_path: Path, uses: str, extra_input: str = "") -> Path:
    text = LIVA_ACTORS.read_text(encoding="utf-8")
    text = text.replace("  - se-2019  #", f"  - {uses}  #")
    text = text.replace("inputs:\n", f"inputs:\n{extra_input}", 1)
    path = tmp_path / "scenarios" / "s.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_parameter_file_names_the_line_that_uses_it(tmp_path: Path) -> None:
    run = run_cli("payback", _scenario(tmp_path, "../parameters/se-2018.yaml"))
    assert run.code == 2
    assert "uses.0" in run.stderr
    assert "se-2018.yaml: no such parameter file" in run.stderr
    assert "scenario file" not in run.stderr.replace("folder of the scenario file", "")
    assert f"relative to the folder of the scenario file, {tmp_path / 'scenarios'}" in run.stderr


def test_an_input_given_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "p.yaml").write_text(SE_2019.read_text(encoding="utf-8"),
                                                    encoding="utf-8")
    twice = ("  price_base_amount: {value: 47300, unit: SEK/year, description: PBB 2020., "
             "assumption: A test.}\n")
    run = run_cli("payback", _scenario(tmp_path, "../parameters/p.yaml", twice))
    assert run.code == 2
    assert "inputs.price_base_amount is given both here and by the parameter file" in run.stderr


def test_a_broken_parameter_file_is_named_with_its_own_line(tmp_path: Path) -> None:
    (tmp_path / "parameters").mkdir()
    broken = SE_2019.read_text(encoding="utf-8").replace("value: 46500", "value: 46 500")
    (tmp_path / "parameters" / "p.yaml").write_text(broken, encoding="utf-8")
    run = run_cli("payback", _scenario(tmp_path, "../parameters/p.yaml"))
    assert run.code == 2
    assert "p.yaml, line" in run.stderr
    assert "inputs.price_base_amount.value" in run.stderr
    assert "write it without spaces" in run.stderr


def test_the_parameter_files_say_which_scenarios_read_them() -> None:
    """Each bundled scenario that `uses` a parameter file is named in parameters/README.md and in
    the file's own header; neither says that nothing reads it."""
    import yaml

    readme = (ROOT / "parameters" / "README.md").read_text(encoding="utf-8")
    for scenario in sorted((ROOT / "scenarios").glob("*.yaml")):
        for used in yaml.safe_load(scenario.read_text(encoding="utf-8")).get("uses", []):
            named = "/" not in used  # a bundled set's name, or a path
            file = ROOT / "parameters" / f"{used}.yaml" if named else scenario.parent / used
            header = file.read_text(encoding="utf-8").split("\nsources:")[0]
            for text in (readme, header):
                assert f"scenarios/{scenario.name}" in text
                assert f"uses: [{used}]" in text
                assert "reads these files yet" not in text
                assert "reads this file yet" not in text
