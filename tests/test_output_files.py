"""-o FILE: nothing is written unless asked, nothing is overwritten unless forced, never half."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nyttocalc import output
from tests.conftest import LIVA, run_cli


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv"])
def test_the_file_holds_what_standard_output_would(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"liva.{fmt}"
    run = run_cli("payback", LIVA, "--format", fmt, "-o", target)
    assert (run.code, run.stdout, run.stderr) == (0, "", "")
    assert target.read_text(encoding="utf-8") == run_cli("payback", LIVA, "--format", fmt).stdout
    assert "\x1b[" not in target.read_text(encoding="utf-8")  # no colour codes in a file
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    target.write_text("precious", encoding="utf-8")
    run = run_cli("payback", LIVA, "--format", "json", "-o", target)
    assert run.code == 2
    assert "exists" in run.stderr
    assert "--force" in run.stderr
    assert target.read_text(encoding="utf-8") == "precious"
    forced = run_cli("check", LIVA, "--format", "json", "-o", target, "--force")
    assert forced.code == 1  # the check's own verdict; the file is written all the same
    assert target.read_text(encoding="utf-8").startswith("{")


def test_bad_input_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    run = run_cli("payback", LIVA, "--set", "cohort.participants=0", "-o", target)
    assert run.code == 2
    assert not target.exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("where", "message"), [("folder", "is a directory"),
                                                ("missing/result.json", "does not exist")])
def test_a_target_that_cannot_be_written_is_refused_first(tmp_path: Path, where: str,
                                                          message: str) -> None:
    (tmp_path / "folder").mkdir()
    run = run_cli("payback", LIVA, "-o", tmp_path / where)
    assert run.code == 2
    assert message in run.stderr


def test_swedish_csv_file_carries_a_byte_order_mark_for_excel(tmp_path: Path) -> None:
    target = tmp_path / "liva.csv"
    assert run_cli("payback", LIVA, "--format", "csv", "--lang", "sv", "-o", target).code == 0
    raw = target.read_bytes()
    assert raw.startswith("\ufeffPerspektiv;Grupp;Nyckeltal".encode())


def test_a_write_interrupted_before_the_rename_leaves_the_old_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "result.txt"
    target.write_text("old", encoding="utf-8")

    def fail(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_an_ordinary_mode(tmp_path: Path) -> None:
    target = tmp_path / "result.txt"
    output.write_atomically(target, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
