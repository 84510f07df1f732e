"""Standard output as a hostile environment leaves it, in real processes: a full device, closed,
a pipe whose reader has gone, a pipe left non-blocking by the parent, a Latin-1 terminal; and
Ctrl-C while the program starts, at any point of its start-up. Each ends with the whole output
and status 0, or a message and a non-zero status: never a traceback, a hang or a silent loss."""

from __future__ import annotations

import fcntl
import gc
import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nyttocalc import streams
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


def run(args: list[str], *, stdout: Any = subprocess.PIPE, env: dict[str, str] | None = None,
        command: list[str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*(command or NYTTOCALC), *args], stdout=stdout,
                          stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, **(env or {})},
                          timeout=120, check=False)


def one_paragraph(stderr: bytes) -> str:
    text = stderr.decode()
    assert text.startswith("error: "), text
    assert text.count("\n") == 1, text
    assert "Traceback" not in text
    return text


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [["payback", str(LIVA)], ["check", str(LIVA), "-f", "json"],
                                  ["--version"]])
def test_a_full_device_is_one_paragraph(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = run(args, stdout=full)
    assert done.returncode == 2
    assert "No space left on device" in one_paragraph(done.stderr)


def test_a_closed_standard_output_is_one_paragraph() -> None:
    closed = ["sh", "-c", 'exec "$0" "$@" >&-', *NYTTOCALC]
    done = run(["payback", str(LIVA)], stdout=None, command=closed)
    assert done.returncode == 2
    assert "standard output is closed" in one_paragraph(done.stderr)


def test_a_pipe_whose_reader_has_gone_ends_quietly() -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        done = run(["sweep", str(LIVA), "--vary", "analysis.subsidy_rates.1=0.001:1:0.001",
                    "-f", "csv"], stdout=write)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, b"")


# A pipe its parent left non-blocking: the program waits for room, never loses output.

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


LATIN_1 = {"PYTHONIOENCODING": "latin-1"}


@pytest.mark.parametrize("args", [
    ["check", str(LIVA)],  # – and › in section names, × in the arithmetic
    ["check", str(LIVA), "-f", "markdown", "--lang", "sv"],
    ["check", str(LIVA), "-f", "csv", "--lang", "sv"],
    ["sensitivity", str(LIVA)],  # the tornado's │ and █
    ["simulate", str(LIVA), "--draws", "500", "-f", "markdown"],  # the histogram's bars
])
def test_a_latin_1_terminal_gets_look_alikes(args: list[str]) -> None:
    done = run(args, env=LATIN_1)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr == b""
    text = done.stdout.decode("latin-1")
    reference = run_cli(*args).stdout
    assert text == "".join(ch if ord(ch) < 256 else streams._ascii(ch) for ch in reference)
    assert "–" not in text


def test_a_latin_1_terminal_reads_the_error_paragraph_too() -> None:
    done = run(["payback", str(LIVA), "--set", "cohort.participants=1001"], env=LATIN_1)
    assert done.returncode == 2
    assert "<= 1000" in one_paragraph(done.stderr)


def test_latin_1_json_is_ascii_with_the_same_data() -> None:
    args = ["check", str(LIVA), "-f", "json", "--lang", "sv"]
    done = run(args, env=LATIN_1)
    assert done.returncode == 1, done.stderr
    done.stdout.decode("ascii")  # every byte ASCII: readable as Latin-1 and as UTF-8
    assert json.loads(done.stdout) == json.loads(run_cli(*args).stdout)


def test_ctrl_c_while_the_libraries_load_exits_130_without_a_traceback() -> None:
    """Ctrl-C is simulated exactly where it hurt: during the import of the command line."""
    program = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def interrupted(name, *args, **kwargs):\n"
        "    if name == 'typer':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = interrupted\n"
        "from nyttocalc.__main__ import main\n"
        "sys.argv = ['nyttocalc', 'payback', sys.argv[1]]\n"
        "main()\n")
    done = run([str(LIVA)], command=[sys.executable, "-c", program])
    assert (done.returncode, done.stdout, done.stderr) == (130, b"", b"")


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


def test_json_escapes_as_json_does() -> None:
    text = json.dumps({"å": "– 😀 ≤ x"}, ensure_ascii=False)
    assert streams.ascii_json(text) == json.dumps({"å": "– 😀 ≤ x"})


def test_look_alikes_for_what_the_reports_print() -> None:
    encoded = "2,75 mkr – ≤ 3 → │█▌─└ × … ä".encode("ascii", errors=streams.LOOKALIKE)
    assert encoded == b"2,75 mkr - <= 3 -> |#=-+ x ... a"


def _on_a_terminal(program: str) -> tuple[int, bytes, bytes]:
    """Run ``python -c program`` with stderr on a pseudo-terminal: (status, stdout, stderr)."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE,
                               stderr=follower, cwd=ROOT)
    os.close(follower)
    stdout, _ = process.communicate(timeout=120)
    shown = b""
    while True:
        try:
            piece = os.read(leader, 65536)
        except OSError:  # the terminal closes with the process
            break
        if not piece:
            break
        shown += piece
    os.close(leader)
    return process.returncode, stdout, shown


SIMULATE_IN_CHUNKS = (
    "import sys\n"
    "import nyttocalc.streams, nyttocalc.core.simulate as simulate\n"
    "nyttocalc.streams.PROGRESS_AFTER = 0\n"
    "simulate.CHUNK = 500\n"
    "from nyttocalc.cli import main\n"
    "sys.argv = ['nyttocalc', 'simulate', {file!r}, '--draws', '4000', '-f', 'json', "
    "'--lang', {lang!r}]\n"
    "main()\n")


@pytest.mark.parametrize(("lang", "words"), [("en", b"s left"), ("sv", b"s kvar")])
def test_a_long_simulation_shows_progress_on_a_terminal(lang: str, words: bytes) -> None:
    status, stdout, shown = _on_a_terminal(SIMULATE_IN_CHUNKS.format(file=str(LIVA), lang=lang))
    assert status == 0, shown
    assert json.loads(stdout)["draws"] == 4000  # the result is untouched by the bar
    assert b"simulate " in shown
    assert words in shown
    assert b"100" in shown
    assert shown.endswith(b"\r\x1b[2K")  # wiped at the end


def test_no_progress_where_stderr_is_not_a_terminal() -> None:
    program = SIMULATE_IN_CHUNKS.format(file=str(LIVA), lang="en")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, cwd=ROOT,
                          timeout=120, check=False)
    assert (done.returncode, done.stderr) == (0, b"")


# The process ends without Python's shutdown once its output is flushed (``__main__._leave``):
# what it printed must all arrive, and whatever needs the shutdown must still get it.

@pytest.mark.parametrize("args", [
    ["sweep", str(LIVA), "--vary", "analysis.subsidy_rates.1=0.001:1:0.001", "-f", "csv"],
    ["check", str(LIVA), "-f", "json"],  # exit status 1: claims that do not follow
    ["schema"],  # no scenario read
])
def test_everything_printed_arrives_in_a_file_and_the_status_is_kept(
        args: list[str], tmp_path: Path) -> None:
    with open(tmp_path / "out", "wb") as file:  # a file, not a pipe: block-buffered
        done = run(args, stdout=file)
    reference = run_cli(*args)
    assert (done.returncode, done.stderr) == (reference.code, b"")
    assert (tmp_path / "out").read_text(encoding="utf-8") == reference.stdout


@pytest.mark.parametrize(("args", "status"), [(["--help"], 0), (["payback", str(LIVA)], 0),
                                              (["check", str(LIVA)], 1)])
def test_a_command_ends_the_process_at_once_with_its_status(args: list[str],
                                                            status: int) -> None:
    program = ("import os, sys\n"
               "end = os._exit\n"
               "def noted(code):\n"
               "    sys.stderr.write(f'ended at once: {code}')\n"
               "    sys.stderr.flush()\n"
               "    end(code)\n"
               "os._exit = noted\n"
               "from nyttocalc.__main__ import main\n"
               "sys.argv = ['nyttocalc', *sys.argv[1:]]\n"
               "main()\n")
    done = run(args, command=[sys.executable, "-c", program])
    assert (done.returncode, done.stderr) == (status, f"ended at once: {status}".encode())


def test_an_exit_handler_still_runs() -> None:
    program = ("import atexit, sys\n"
               "atexit.register(lambda: print('exit handler ran'))\n"
               "from nyttocalc.__main__ import main\n"
               "sys.argv = ['nyttocalc', 'payback', sys.argv[1], '-f', 'json']\n"
               "main()\n")
    done = run([str(LIVA)], command=[sys.executable, "-c", program])
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().endswith("}\nexit handler ran\n")


def test_a_profiler_still_writes_its_data(tmp_path: Path) -> None:
    import pstats

    profile = tmp_path / "payback.prof"
    done = run(["payback", str(LIVA)],
               command=[sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "nyttocalc"])
    assert done.returncode == 0, done.stderr
    assert pstats.Stats(str(profile)).total_calls > 0


# The collector is off for the whole of a program's run (``__main__.main``), and only there.

@pytest.mark.parametrize("collecting", [True, False])
def test_the_app_in_process_leaves_the_collector_as_it_was(collecting: bool) -> None:
    was_enabled, was_frozen = gc.isenabled(), gc.get_freeze_count()
    (gc.enable if collecting else gc.disable)()
    try:
        assert run_cli("payback", LIVA).code == 0
        assert (gc.isenabled(), gc.get_freeze_count()) == (collecting, was_frozen)
    finally:
        (gc.enable if was_enabled else gc.disable)()


def _cyclic_garbage_left(*args: str) -> int:
    gc.collect()
    gc.disable()
    try:
        assert run_cli(*args).code == 0
        return gc.collect()
    finally:
        gc.enable()


@pytest.mark.parametrize(("small", "large"), [
    (["sweep", "--vary", "analysis.subsidy_rates.1=0.1:1:0.1"],
     ["sweep", "--vary", "analysis.subsidy_rates.1=0.001:1:0.001", "--vary",
      "inputs.volunteer_time=0:99000:1000", "-f", "csv"]),
    (["simulate", "--draws", "1000"], ["simulate", "--draws", "100000"]),
])
def test_a_larger_run_leaves_no_more_garbage_in_cycles(small: list[str],
                                                      large: list[str]) -> None:
    """What lets the program run with the collector off: ten points or draws, or a hundred
    thousand, leave the same few objects in cycles (those of the command line)."""
    command, *options = small
    _cyclic_garbage_left(command, str(LIVA), *options)  # what loads once is loaded
    left = _cyclic_garbage_left(command, str(LIVA), *options)
    assert _cyclic_garbage_left(large[0], str(LIVA), *large[1:]) <= left + 100
