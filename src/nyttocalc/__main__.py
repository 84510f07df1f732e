"""The entry point of ``nyttocalc`` and ``python -m nyttocalc``.

Ctrl-C while the program starts ends it at once with status 130, as later, not with a
traceback: the first thing ``main`` does is to make SIGINT end the process quietly, until the
command line is loaded (a good part of a second on a slow machine); from then on it is Python's
KeyboardInterrupt again, which the commands clean up after. What runs before ``main`` is out
of reach: Python's own start-up (site; runpy, or the script's ``import re``) and finding this
package, some milliseconds in which Ctrl-C still gets Python's traceback
(``benchmarks/interrupt.py`` measures them).

The cyclic garbage collector is off for the whole run. Start-up (the libraries load, the
scenario is read and validated) allocates some 70 000 objects that all stay alive, which the
collector would walk again and again for nothing; and the commands leave next to no garbage in
cycles (some 800 objects, classes made as the libraries load, as many after a million points
or draws as after ten: ``tests/test_streams.py`` holds them to that), so there is nothing for
it to find later either. Reference counting frees the rest as usual. Measured, against the
collector on: 7-9 % of ``--help`` and ``payback``, 8-14 % of a small sweep or simulation. At
the end every object is frozen (``gc.freeze``): Python's shutdown collects once more, off or
not, and would walk them all (measured: 17 % of a CSV sweep, which ends that way).

When the command is done and its output flushed, the process ends at once (``os._exit``)
instead of tearing the interpreter down, which frees every object of every library one by one
for nothing (measured: 3-5 % of ``--help``, ``payback``, a sweep or a simulation). That is
skipped, and Python exits as usual, whenever the ordinary shutdown has work to do: an
``atexit`` handler (a temporary directory's clean-up; ``logging``'s, which
``concurrent.futures`` brings in), another thread, a tracer or profiler (coverage, cProfile:
through ``sys.settrace``/``sys.setprofile``, or from Python 3.12 on ``sys.monitoring``) that
writes its data at exit, or output that cannot be flushed (its error is then reported as
before). So ``main`` is the program, not a function to call from one: it does not return. To
run the command line in a program of your own, call ``nyttocalc.cli.main`` (it raises
``SystemExit``, as any Typer app does) or use ``nyttocalc.cli.app``: neither touches the
collector or ends the process.
"""

import _signal  # signal's C half, loaded with Python: `import signal` would take milliseconds
import atexit
import gc
import os
import sys


def main() -> None:
    """Run the command line as the program: it ends the process."""
    # Python's own handler, unless SIGINT is ignored (a background job of a script)
    interruptible = _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler
    if interruptible:
        _signal.signal(_signal.SIGINT, _quit)
    gc.disable()
    try:
        from nyttocalc.cli import main as run
    except KeyboardInterrupt:
        sys.exit(130)
    if interruptible:
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    try:
        run()
    except SystemExit as stop:
        _leave(stop)
        raise
    _leave(SystemExit(0))


def _quit(number: int, frame: object) -> None:
    """Ctrl-C while the program starts: nothing is written or open yet, so end at once."""
    os._exit(130)


def _leave(stop: SystemExit) -> None:
    """End the process with ``stop``'s status now, if nothing is left for Python's shutdown;
    else leave out of that shutdown's last collection every object there is."""
    gc.freeze()
    if not isinstance(stop.code, int | None) or not _nothing_left_at_exit():
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        return
    os._exit(stop.code or 0)


def _nothing_left_at_exit() -> bool:
    threading = sys.modules.get("threading")
    monitoring = getattr(sys, "monitoring", None)
    return (getattr(atexit, "_ncallbacks", lambda: 1)() == 0
            and (threading is None or threading.active_count() == 1)
            and sys.gettrace() is None and sys.getprofile() is None
            and (monitoring is None or not any(monitoring.get_tool(tool) for tool in range(6))))


if __name__ == "__main__":
    main()
