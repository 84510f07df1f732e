"""-o FILE: nothing is written unless asked, nothing is overwritten unless forced, never half
(not even when SIGTERM, SIGHUP or Ctrl-C stops the writing), never anything but a regular file,
and every failure of the file system is one paragraph. Swedish CSV in a file starts with one
byte-order mark, for Excel; on a pipe it has none."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from nyttocalc import output
from tests.conftest import (
    GRID,
    LIVA,
    NYTTOCALC,
    ROOT,
    SWEEP,
    as_from_a_terminal,
    blocking_run,
    run_cli,
)


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


# Swedish CSV from every command: one byte-order mark at the start of a file (for Excel), none
# on a pipe; and LibreOffice reads its numbers as numbers.

BOM = "\ufeff"
CSV_COMMANDS = {
    "payback": ["payback", str(LIVA)],
    "check": ["check", str(LIVA)],
    "sweep": ["sweep", str(LIVA), "--vary", "analysis.subsidy_rates.1=0.05:1:0.05"],
    "grid": GRID[:-2],
    "sensitivity": ["sensitivity", str(LIVA)],
    "timeline": ["timeline", str(LIVA), "--persons", "3"],
    "simulate": ["simulate", str(LIVA), "--draws", "2000"],
}


def _swedish_csv(tmp_path: Path) -> dict[str, Path]:
    """Every command's Swedish CSV, written with -o."""
    files = {}
    for name, args in CSV_COMMANDS.items():
        target = tmp_path / f"{name}.csv"
        run = run_cli(*args, "-f", "csv", "--lang", "sv", "-o", target)
        assert run.code in (0, 1), run.stderr  # check: 1 when a claim does not follow
        files[name] = target
    return files


def test_swedish_csv_has_one_byte_order_mark_at_the_start(tmp_path: Path) -> None:
    for name, target in _swedish_csv(tmp_path).items():
        text = target.read_bytes().decode("utf-8")
        assert text.startswith(BOM), name
        assert text.count(BOM) == 1, (name, text.count(BOM))
        assert len(text.splitlines()) > 2, name


@pytest.mark.parametrize("name", CSV_COMMANDS)
def test_swedish_csv_on_standard_output_has_no_byte_order_mark(name: str) -> None:
    """A pipe gets the text alone (the mark is for a file Excel opens)."""
    run = run_cli(*CSV_COMMANDS[name], "-f", "csv", "--lang", "sv")
    assert run.code in (0, 1), run.stderr
    assert BOM not in run.stdout


def test_libreoffice_reads_swedish_csv_numbers_as_numbers(soffice: str,
                                                          tmp_path: Path) -> None:
    """LibreOffice opens every Swedish CSV as a Swedish user does (`;`, UTF-8, Swedish
    locale): no cell is text that reads as a number (a mark before "0,05" made it text), and
    the first column of the sweep is its axis, in numbers."""
    import re

    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "csv").mkdir()
    files = _swedish_csv(tmp_path / "csv")
    out = tmp_path / "xlsx"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--infilter=CSV:59,34,76,1,,1053", "--convert-to", "xlsx",
                    "--outdir", str(out), *map(str, files.values())],
                   check=True, capture_output=True, timeout=180)
    number = re.compile(r"\W*-?\d+(,\d+)?")
    for name in files:
        rows = list(openpyxl.load_workbook(out / f"{name}.xlsx").active.iter_rows(
            values_only=True))
        texts = [cell for row in rows for cell in row if isinstance(cell, str)]
        assert [t for t in texts if number.fullmatch(t)] == [], name
        assert not any(BOM in t for t in texts), name
        if name == "sweep":
            assert [row[0] for row in rows[1:]] == pytest.approx(
                [round(0.05 * i, 2) for i in range(1, 21)])


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


# SIGTERM, SIGHUP or Ctrl-C while -o writes: nothing is left, not even the temporary file.

# Runs a command with its CSV built by the real code, but held after its first piece until
# the test has signalled: the signal then arrives, for certain, in the middle of the writing.
HELD = """
import os, sys
from nyttocalc.report.machine import as_csv
ready, gate = int(sys.argv[1]), int(sys.argv[2])
real = as_csv.sweep_csv
def held(*args, **kwargs):
    for number, piece in enumerate(real(*args, **kwargs)):
        yield piece
        if number == 1:
            os.write(ready, b"x")
            os.read(gate, 1)
as_csv.sweep_csv = held
from nyttocalc.__main__ import main
sys.argv = ["nyttocalc", *sys.argv[3:]]
main()
"""


def _signalled_while_writing(args: list[str], number: int) -> tuple[int, str]:
    ready_read, ready = os.pipe()
    gate, gate_write = os.pipe()
    process = subprocess.Popen([sys.executable, "-c", HELD, str(ready), str(gate), *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                               pass_fds=(ready, gate), preexec_fn=as_from_a_terminal)
    os.close(ready)
    os.close(gate)
    assert os.read(ready_read, 1) == b"x", "the command did not start writing"
    process.send_signal(number)
    os.close(gate_write)  # the gate opens only after the signal
    os.close(ready_read)
    stdout, stderr = process.communicate(timeout=120)
    assert stdout == b""
    return process.returncode, stderr.decode()


ENDINGS = [signal.SIGTERM, signal.SIGHUP]


@pytest.mark.parametrize("number", ENDINGS, ids=lambda n: signal.Signals(n).name)
@pytest.mark.parametrize("command", [SWEEP, GRID], ids=["sweep", "grid"])
def test_a_signal_while_writing_leaves_nothing(tmp_path: Path, command: list[str],
                                               number: int) -> None:
    target = tmp_path / "result.csv"
    status, stderr = _signalled_while_writing([*command, "-o", str(target)], number)
    assert status == 128 + number
    name = signal.Signals(number).name
    assert stderr == f"error: stopped by {name} before {target} was complete; it was not " \
                     "written.\n"
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_writing_leaves_nothing_and_says_nothing(tmp_path: Path) -> None:
    status, stderr = _signalled_while_writing([*GRID, "-o", str(tmp_path / "result.csv")],
                                              signal.SIGINT)
    assert (status, stderr) == (130, "")
    assert list(tmp_path.iterdir()) == []


def test_an_ignored_hangup_stays_ignored(tmp_path: Path) -> None:
    """Under nohup SIGHUP is ignored: the file is written whole, as nohup promises."""
    target = tmp_path / "result.csv"

    def ignore_hangups() -> None:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    ready_read, ready = os.pipe()
    gate, gate_write = os.pipe()
    process = subprocess.Popen([sys.executable, "-c", HELD, str(ready), str(gate), *SWEEP,
                                "-o", str(target)], stderr=subprocess.PIPE, cwd=ROOT,
                               pass_fds=(ready, gate), preexec_fn=ignore_hangups)
    os.close(ready)
    os.close(gate)
    assert os.read(ready_read, 1) == b"x"
    process.send_signal(signal.SIGHUP)
    os.close(gate_write)
    os.close(ready_read)
    _, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (0, b"")
    assert target.read_bytes() == blocking_run(SWEEP).stdout


@pytest.mark.parametrize("number", ENDINGS, ids=lambda n: signal.Signals(n).name)
def test_a_big_sweep_signalled_mid_write_leaves_nothing(tmp_path: Path, number: int) -> None:
    """The hostile tester's case, untouched: a 37 MB grid to -o, signalled once its temporary
    file exists. The process is stopped (SIGSTOP) the moment the file is seen and signalled
    only if the file is still there, so the signal lands mid-write whatever the machine's
    speed."""
    target = tmp_path / "grid.csv"
    args = ["sweep", str(LIVA), "--vary", "analysis.subsidy_rates.1=0.0002:1:0.0002",
            "--vary", "inputs.monthly_income=10000:30000:100", "-f", "csv", "-o", str(target)]
    process = subprocess.Popen([*NYTTOCALC, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=ROOT, preexec_fn=as_from_a_terminal)
    temporary = _first_temporary(tmp_path, process)
    process.send_signal(signal.SIGSTOP)
    assert temporary.exists(), "the grid was written before it could be signalled"
    process.send_signal(number)
    process.send_signal(signal.SIGCONT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + number
    assert stdout == b""
    assert stderr.decode().startswith(f"error: stopped by {signal.Signals(number).name} ")
    assert "Traceback" not in stderr.decode()
    assert list(tmp_path.iterdir()) == []


def _first_temporary(folder: Path, process: subprocess.Popen[bytes]) -> Path:
    """The temporary file nyttocalc writes in ``folder``, once it exists."""
    give_up = time.monotonic() + 120  # a bound against a hang, not a measurement
    while not (found := sorted(folder.glob(".nyttocalc-*"))):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < give_up
        time.sleep(0.002)
    return found[0]


@pytest.mark.parametrize("number", ENDINGS, ids=lambda n: signal.Signals(n).name)
def test_a_signal_while_the_temporary_file_is_made_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """The moment the big-sweep test is most likely to catch: the temporary file exists, but
    ``mkstemp`` has not yet said its name. The signal comes exactly there (sent by the process
    to itself from within ``mkstemp``): it waits until the name is known, then stops the run,
    and the file is removed."""
    from nyttocalc import output
    from nyttocalc.errors import Stopped

    made = tempfile.mkstemp

    def mkstemp(**arguments: Any) -> tuple[int, str]:
        handle, name = made(**arguments)
        signal.raise_signal(number)  # Python runs the handler before this call returns
        return handle, name

    monkeypatch.setattr(output.tempfile, "mkstemp", mkstemp)
    inherited = signal.signal(number, signal.SIG_DFL)  # as from a terminal, even under nohup
    try:
        with pytest.raises(Stopped) as stopped:
            output.write_atomically(tmp_path / "out.csv", ["a;b\n", "1;2\n"])
    finally:
        signal.signal(number, inherited)
    assert stopped.value.status == 128 + number
    assert list(tmp_path.iterdir()) == []
