"""Installed like a tool: the bundled scenarios and parameter sets are package data, so a
scenario written out by `nyttocalc examples` runs wherever it is, and a scenario names a set by
its name. (.ci/run builds the wheel, installs it into a fresh environment and runs these
commands from an empty folder.)"""

from __future__ import annotations

import json
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from nyttocalc import bundled
from tests.conftest import ROOT, run_cli, run_process

GOLDEN = ROOT / "tests" / "expected" / "golden"


def test_the_repositorys_folders_are_the_packages_data() -> None:
    """scenarios/ and parameters/ are links into src/nyttocalc/data/, so a clone's paths and
    the installed package name the same files."""
    for name, folder in (("scenarios", bundled.SCENARIOS), ("parameters", bundled.PARAMETERS)):
        link = ROOT / name
        assert link.is_symlink()
        assert link.resolve() == folder.resolve()


def test_every_data_file_is_in_the_packages_data() -> None:
    """A file added under src/nyttocalc/data/ that no package-data pattern names would be
    missing from the wheel."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["nyttocalc"]
    package = ROOT / "src" / "nyttocalc"
    files = [p.relative_to(package).as_posix() for p in (package / "data").rglob("*")
             if p.is_file()]
    assert files
    for file in files:
        assert any(fnmatch(file, pattern) and file.count("/") == pattern.count("/")
                   for pattern in patterns), file


def test_help_starts_with_a_command_that_works_anywhere() -> None:
    run = run_cli("--help")
    assert "Start with: nyttocalc examples" in run.stdout
    assert "scenarios/liva.yaml" not in run.stdout


def test_examples_lists_the_bundled_scenarios_with_their_titles() -> None:
    run = run_cli("examples", "-f", "json")
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["examples"] == [
        {"name": "liva", "title": "LivA – break-even analysis of the 2019 evaluation"},
        {"name": "liva-2019-2020",
         "title": "LivA 2019–2020 – budget check and break-even analysis"},
        {"name": "liva-actors", "title": "LivA – who pays and who gains (actors and flows)"}]
    table = run_cli("examples")
    assert "liva-actors      LivA – who pays and who gains" in table.stdout
    assert "nyttocalc examples liva -o liva.yaml" in table.stdout


@pytest.mark.parametrize("name", ["liva", "liva-actors", "liva-2019-2020"])
def test_a_written_example_is_the_bundled_file_and_runs_in_any_folder(
        tmp_path: Path, name: str) -> None:
    """Written into a folder with nothing beside it (no parameters/), each example runs; its
    output is the golden output of the bundled file, but for the file's name."""
    target = tmp_path / f"{name}.yaml"
    run = run_cli("examples", name, "-o", target)
    assert run.code == 0
    assert run.stdout == ""
    assert target.read_bytes() == (bundled.SCENARIOS / f"{name}.yaml").read_bytes()
    shown = run_process("payback", target)
    assert shown.code == 0, shown.stderr
    golden = GOLDEN / f"{name}-payback.txt"
    if golden.exists():
        expected = golden.read_text(encoding="utf-8").replace(
            f"Scenario: scenarios/{name}.yaml", f"Scenario: {target}")
        assert shown.stdout == expected


def test_an_example_is_not_written_over_a_file_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "liva.yaml"
    target.write_text("mine\n", encoding="utf-8")
    run = run_cli("examples", "liva", "-o", target)
    assert run.code == 2
    assert "exists" in run.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert run_cli("examples", "liva", "-o", target, "--force").code == 0
    assert target.read_bytes() == (bundled.SCENARIOS / "liva.yaml").read_bytes()


def test_an_example_without_a_file_is_printed() -> None:
    run = run_cli("examples", "liva-actors")
    assert run.stdout == (bundled.SCENARIOS / "liva-actors.yaml").read_text(encoding="utf-8")


def test_an_unknown_example_is_one_paragraph() -> None:
    run = run_cli("examples", "liv")
    assert run.code == 2
    assert run.stdout == ""
    assert run.stderr == ("error: 'liv' is not a scenario that comes with nyttocalc (did you "
                          "mean 'liva'?); the scenarios: liva, liva-2019-2020, liva-actors\n")


def test_uses_by_name_and_by_path_give_the_same_figures(tmp_path: Path) -> None:
    """liva-actors.yaml names se-2019; the same scenario naming a copy of the file by its path
    (../parameters/se-2019.yaml, the repository's layout) computes the same."""
    by_name = run_cli("payback", ROOT / "scenarios" / "liva-actors.yaml", "-f", "json")
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "se-2019.yaml").write_bytes(
        (bundled.PARAMETERS / "se-2019.yaml").read_bytes())
    by_path = tmp_path / "scenarios" / "liva-actors.yaml"
    by_path.write_text((ROOT / "scenarios" / "liva-actors.yaml").read_text(encoding="utf-8")
                       .replace("  - se-2019  #", "  - ../parameters/se-2019.yaml  #"),
                       encoding="utf-8")
    other = run_cli("payback", by_path, "-f", "json")
    assert other.code == 0, other.stderr
    first, second = json.loads(by_name.stdout), json.loads(other.stdout)
    assert first["perspectives"] == second["perspectives"]


def test_a_file_beside_the_scenario_with_a_sets_name_is_still_a_set(tmp_path: Path) -> None:
    """A name without a folder or .yaml is a bundled set first (documented); a name that is
    no set but a file beside the scenario is that file, as before."""
    (tmp_path / "se-2019").write_text("not read\n", encoding="utf-8")
    scenario = tmp_path / "s.yaml"
    scenario.write_text((ROOT / "scenarios" / "liva-actors.yaml").read_text(encoding="utf-8"),
                        encoding="utf-8")
    assert run_cli("payback", scenario, "-f", "json").code == 0


def test_an_unknown_set_name_lists_the_sets(tmp_path: Path) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text((ROOT / "scenarios" / "liva-actors.yaml").read_text(encoding="utf-8")
                        .replace("  - se-2019  #", "  - se-2018  #"), encoding="utf-8")
    run = run_cli("payback", scenario)
    assert run.code == 2
    assert run.stdout == ""
    assert ("uses.0: 'se-2018' is not a parameter set that comes with nyttocalc (did you "
            "mean 'se-2019'?); the sets: se-2019, se-2020") in run.stderr
