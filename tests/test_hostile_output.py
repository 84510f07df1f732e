"""Output where the environment is hostile (issue 26), in real processes: a standard output
left non-blocking by the parent, Swedish CSV read by a spreadsheet, SIGTERM or SIGHUP while a
file is written, another hash seed, and Ctrl-C while the program starts. Each ends with the
whole output and status 0, or a message and a non-zero status: never a traceback, a hang or a
silent loss."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LIVA, ROOT, run_cli, run_process

NYTTOCALC = [sys.executable, "-m", "nyttocalc"]
BOM = "\ufeff"
SWEEP = ["sweep", str(LIVA), "--vary", "analysis.subsidy_rates.1=0.001:1:0.001", "-f", "csv"]
# A grid, streamed in blocks that threads format ahead of the writer.
GRID = ["sweep", str(LIVA), "--vary", "analysis.subsidy_rates.1=0.002:1:0.002", "--vary",
        "inputs.monthly_income=18000:30000:1000", "-f", "csv"]


def as_from_a_terminal() -> None:
    """In a child before it runs: Ctrl-C and a hang-up end it, as when a terminal starts it,
    whatever this test run inherited (a script's background job ignores SIGINT; nohup, SIGHUP)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def blocking_run(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*NYTTOCALC, *args], capture_output=True, cwd=ROOT, timeout=120,
                          check=False)


# ---- 12: a non-blocking pipe ---------------------------------------------------------------

PIPE_SIZE = 4096  # the smallest a pipe can be: the output fills it many times over


def _writable(write: int) -> bool:
    """Whether the pipe has room for another write (a free page: Linux counts pages, so a
    pipe can be full with fewer bytes in it than its size)."""
    poll = select.poll()
    poll.register(write, select.POLLOUT)
    return bool(poll.poll(0))


def _start_on_a_full_pipe(args: list[str]) -> tuple[subprocess.Popen[bytes], int]:
    """Start nyttocalc with its standard output a small pipe that the parent set non-blocking
    (as Node.js does), and return once that pipe is full, or the program has ended: from then
    on the program has met a full pipe it cannot block on. Returns the process and the pipe's
    end to read."""
    if not hasattr(fcntl, "F_SETPIPE_SZ"):
        pytest.skip("the pipe's size cannot be set here (Linux only)")
    read, write = os.pipe()
    fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
    os.set_blocking(write, False)
    process = subprocess.Popen([*NYTTOCALC, *args], stdout=write, stderr=subprocess.PIPE,
                               cwd=ROOT)
    give_up = time.monotonic() + 120  # a bound against a hang, not a measurement
    while _writable(write) and process.poll() is None:
        assert time.monotonic() < give_up, "the pipe never filled"
        time.sleep(0.01)
    os.close(write)
    return process, read


def _read_slowly(read: int) -> bytes:
    """Everything the pipe brings, a few hundred bytes at a time, until its writer closes it."""
    pieces = []
    while piece := os.read(read, 300):
        pieces.append(piece)
    os.close(read)
    return b"".join(pieces)


@pytest.mark.parametrize("args", [["schema"], SWEEP, GRID, ["payback", str(LIVA)],
                                  ["check", str(LIVA), "-f", "json", "--lang", "sv"]],
                         ids=["schema", "sweep", "grid", "payback", "check"])
def test_a_non_blocking_pipe_gets_everything(args: list[str]) -> None:
    process, read = _start_on_a_full_pipe(args)
    received = _read_slowly(read)
    _, stderr = process.communicate(timeout=120)
    expected = blocking_run(args)
    assert len(expected.stdout) > PIPE_SIZE
    assert (process.returncode, stderr) == (expected.returncode, expected.stderr)
    assert received == expected.stdout


def test_a_non_blocking_pipe_whose_reader_leaves_ends_quietly() -> None:
    """The reader closes the pipe while the program waits for room: it stops, not hangs."""
    process, read = _start_on_a_full_pipe(SWEEP)
    os.close(read)
    _, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (0, b"")


# ---- 13: a byte-order mark, and only one ---------------------------------------------------

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


# ---- 14: SIGTERM and SIGHUP while -o writes --------------------------------------------------

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


# ---- 17: the same output under every hash seed ---------------------------------------------

def test_simulate_draws_the_same_chart_under_every_hash_seed() -> None:
    """25 000 draws pay back over 29 years: the histogram's labels "29" and "later" would
    overlap, and plotext drew whichever its set of ticks (in hash order) gave first."""
    outputs = {run_process("simulate", LIVA, "--draws", "25000",
                           env={"PYTHONHASHSEED": seed}).stdout for seed in "0123"}
    assert len(outputs) == 1
    axis = [line for line in outputs.pop().splitlines() if line.strip().startswith("3 ")]
    assert any(line.split()[-1] == "later" for line in axis)  # the last bar is labelled


# ---- 18: Ctrl-C while the program starts ---------------------------------------------------

# Sends the process a real SIGINT when it first looks for the module named in argv[1]: at a
# chosen point of its start-up, every run.
INTERRUPTED_AT = """
import os, signal, sys
where = sys.argv[1]
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == where:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
from nyttocalc.__main__ import main
sys.argv = ["nyttocalc", *sys.argv[2:]]
main()
"""

# The same, when the command line sets up its output streams (just after it is loaded).
INTERRUPTED_IN_PREPARE = """
import os, signal, sys
from nyttocalc import streams
real = streams.prepare
def interrupted(stream):
    os.kill(os.getpid(), signal.SIGINT)
    return real(stream)
streams.prepare = interrupted
from nyttocalc.__main__ import main
sys.argv = ["nyttocalc", *sys.argv[1:]]
main()
"""


def _interrupted(program: str, *args: str,
                 preexec_fn: Callable[[], object] = as_from_a_terminal
                 ) -> tuple[int, bytes, bytes]:
    done = subprocess.run([sys.executable, "-c", program, *args], capture_output=True,
                          cwd=ROOT, timeout=120, check=False, preexec_fn=preexec_fn)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("where", ["nyttocalc.cli", "typer", "nyttocalc.streams", "pydantic",
                                   "yaml", "nyttocalc.core.payback",
                                   "nyttocalc.report.tables.render"])
def test_ctrl_c_at_any_point_of_start_up_exits_130_quietly(where: str) -> None:
    """Each module is loaded at another stage: the command line, the scenario, the table."""
    assert _interrupted(INTERRUPTED_AT, where, "payback", str(LIVA), "--format",
                        "markdown") == (130, b"", b"")


def test_ctrl_c_as_the_command_line_sets_up_its_streams_exits_130_quietly() -> None:
    assert _interrupted(INTERRUPTED_IN_PREPARE, "payback", str(LIVA)) == (130, b"", b"")


def test_an_ignored_ctrl_c_stays_ignored() -> None:
    """A background job of a shell without job control starts with SIGINT ignored."""

    def ignore_interrupts() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    status, stdout, stderr = _interrupted(INTERRUPTED_AT, "typer", "payback", str(LIVA),
                                          preexec_fn=ignore_interrupts)
    assert (status, stderr) == (0, b"")
    assert stdout == blocking_run(["payback", str(LIVA)]).stdout


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
