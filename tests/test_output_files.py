"""-o FILE: nothing is written unless asked, nothing is overwritten unless forced, never half,
never anything but a regular file, and every failure of the file system is one paragraph."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

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
        output.write_atomically(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_an_ordinary_mode(tmp_path: Path) -> None:
    target = tmp_path / "result.txt"
    output.write_atomically(target, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def refused(run: Any, *fragments: str) -> None:
    assert run.code == 2, run.stderr
    assert run.stderr.startswith("error: ")
    assert run.stderr.count("\n") == 1, run.stderr
    for fragment in fragments:
        assert fragment in run.stderr


def test_a_file_that_appears_while_the_command_works_is_left_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check before the work passes; another program writes the file during the work; the
    result is not put over it (issue 15: simulate --draws 3000000 -o out.txt)."""
    from nyttocalc.core import simulate

    target = tmp_path / "out.txt"
    real = simulate.simulate

    def meanwhile(*args: Any, **kwargs: Any) -> Any:
        target.write_text("written meanwhile", encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(simulate, "simulate", meanwhile)
    refused(run_cli("simulate", LIVA, "--draws", "100", "-o", target), str(target), "--force")
    assert target.read_text(encoding="utf-8") == "written meanwhile"
    assert leftovers(tmp_path) == []


def test_the_name_is_claimed_by_a_link_at_the_moment_of_writing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the last look and putting the file in place, the name appears: link refuses."""
    target = tmp_path / "out.txt"
    real_fsync = os.fsync

    def then_someone_writes(fd: int) -> None:
        real_fsync(fd)
        target.write_text("theirs", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", then_someone_writes)
    with pytest.raises(output.OutputError, match="created by something else"):
        output.write_atomically(target, "ours")
    assert target.read_text(encoding="utf-8") == "theirs"
    assert leftovers(tmp_path) == []


def test_without_hard_links_the_name_is_reserved_instead(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(source: str, destination: Path) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.txt"
    output.write_atomically(target, ["a", "b"])
    assert target.read_text(encoding="utf-8") == "ab"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("force", [False, True])
def test_a_dangling_symbolic_link_is_not_replaced(tmp_path: Path, force: bool) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    refused(run_cli("payback", LIVA, "-o", link, *(["--force"] if force else [])),
            "is a symbolic link")
    assert link.is_symlink()
    assert not (tmp_path / "nowhere.txt").exists()


def null_device(folder: Path) -> Path:
    """A null device of the test's own (never the system's /dev/null: as root, a regression
    would replace it for every process on the machine); skipped where nodes cannot be made."""
    device = folder / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except OSError:
        pytest.skip("cannot make a device node here (it takes root)")
    return device


def test_force_does_not_replace_a_link_to_a_device(tmp_path: Path) -> None:
    device = null_device(tmp_path)
    link = tmp_path / "null.txt"
    link.symlink_to(device)
    refused(run_cli("payback", LIVA, "-o", link, "--force"), "is a symbolic link")
    assert link.is_symlink()
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_force_does_not_replace_a_device(tmp_path: Path) -> None:
    device = null_device(tmp_path)
    refused(run_cli("payback", LIVA, "-o", device, "--force"), "is a character device",
            "regular file")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_force_does_not_replace_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused(run_cli("payback", LIVA, "-o", fifo, "--force"), "FIFO")


def test_force_replaces_a_regular_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "result.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert run_cli("payback", LIVA, "-f", "json", "-o", target, "--force").code == 0
    assert target.read_text(encoding="utf-8").startswith("{")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_long_name_fits_beside_its_temporary_file(tmp_path: Path) -> None:
    """250 characters: the temporary name must not add to it (255 is the limit)."""
    target = tmp_path / ("a" * 250)
    run = run_cli("payback", LIVA, "-o", target)
    assert (run.code, run.stderr) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("LivA")
    assert leftovers(tmp_path) == []


def test_a_name_too_long_is_one_paragraph(tmp_path: Path) -> None:
    refused(run_cli("payback", LIVA, "-o", tmp_path / ("a" * 300)), "File name too long")


@pytest.mark.parametrize("code", [errno.EROFS, errno.ENOENT, errno.EACCES])
def test_a_folder_that_takes_no_file_is_one_paragraph(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """A read-only file system, /proc, a folder without permission (root passes permission
    checks, so the file system's answer is simulated)."""
    def cannot(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", cannot)
    target = tmp_path / "out.txt"
    refused(run_cli("payback", LIVA, "-o", target), os.strerror(code), str(tmp_path))
    assert not target.exists()


def test_proc_refuses_a_file_in_one_paragraph() -> None:
    if not Path("/proc/self").exists():
        pytest.skip("no /proc")
    refused(run_cli("payback", LIVA, "-o", "/proc/nyttocalc-result.txt"), "/proc")


def test_a_full_disk_is_one_paragraph_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "out.txt"
    refused(run_cli("payback", LIVA, "-o", target), "No space left on device")
    assert not target.exists()
    assert leftovers(tmp_path) == []
