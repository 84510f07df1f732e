"""Ctrl-C while the program starts, probed from outside (run on demand, not in the tests).

    python benchmarks/interrupt.py [--rounds 3] [--until 60] [--step 0.5]

Starts ``nyttocalc payback liva.yaml`` (as the installed script and as ``python -m``) and
sends it SIGINT at offsets from 0 to ``--until`` ms after the start, every ``--step`` ms, in
rounds. Each run ends one of three ways: killed by the signal (it came before Python set up
its handler), status 130 and silence (nyttocalc's handling), or Python's KeyboardInterrupt
traceback (a "Fatal Python error" where the signal lands in Python's import of site). A
traceback is sorted by where it was raised: in nyttocalc's own code (a defect: the probe
exits 1), or in Python's start-up before any of it runs (site, runpy, the script's ``import
re``, finding the package). The floor is a Python program whose first statement makes SIGINT
end it quietly, as nyttocalc's ``main`` does: its tracebacks are Python's own start-up, which
no program can shorten. An offset counts from the moment ``Popen`` returns (the program has
been started); a window in ms (runs × step ÷ rounds) stretches on a busy machine, so compare
it with the floor's of the same call.
"""

from __future__ import annotations

import argparse
import collections
import re
import signal
import subprocess
import sys
import time

from timing import ENV, LIVA, cli

FLOOR = ("import _signal, os; _signal.signal(_signal.SIGINT, lambda *a: os._exit(130)); "
         "import time; time.sleep(10)")


def outcome(command: list[str], offset: float) -> str:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=ENV)
    time.sleep(offset)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate()
    text = stderr.decode(errors="replace")
    if text.startswith("Fatal Python error"):  # interrupted while importing site
        return "fatal error in Python's start-up"
    if "Traceback" not in text:
        return f"status {process.returncode}" + (" with a message" if text else "")
    files = re.findall(r'File "([^"]+)"', text)
    ours = [f for f in files if "/nyttocalc/" in f and "/bin/" not in f]
    return f"traceback in {ours[-1]}" if ours else "traceback in Python's start-up"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--until", type=float, default=60.0, help="the last offset, in ms")
    parser.add_argument("--step", type=float, default=0.5, help="between offsets, in ms")
    args = parser.parse_args()
    commands = {"nyttocalc payback liva.yaml": [*cli(), "payback", LIVA],
                "python -m nyttocalc payback liva.yaml": [sys.executable, "-m", "nyttocalc",
                                                          "payback", LIVA],
                "floor: python, SIGINT quiet from its first line": [sys.executable, "-c",
                                                                    FLOOR]}
    offsets = [i * args.step / 1000 for i in range(int(args.until / args.step) + 1)]
    defects = 0
    for name, command in commands.items():
        seen = collections.Counter(outcome(command, offset)
                                   for _ in range(args.rounds) for offset in offsets)
        print(name)
        for what, count in sorted(seen.items()):
            window = count * args.step / args.rounds
            print(f"  {count:5d} × {what} (≈ {window:.1f} ms of offsets)")
            defects += count if what.startswith("traceback in /") else 0
    sys.exit(1 if defects else 0)


if __name__ == "__main__":
    main()
