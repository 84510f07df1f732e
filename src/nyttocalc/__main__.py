"""The entry point of ``nyttocalc`` and ``python -m nyttocalc``.

It imports the command line only once it runs, so Ctrl-C while the libraries load (a good part
of a second on a slow machine) ends the program with status 130, as later, not with a traceback.

The cyclic garbage collector is off while the program starts (the libraries load and the
scenario is read): that allocates a great many objects that all stay alive, and the collector
would walk them again and again for nothing (measured: 7 % of the time to import what `payback`
needs). ``started`` freezes what start-up left out of later collections and turns collection on.
"""

import gc
import sys


def main() -> None:
    gc.disable()
    try:
        from nyttocalc.cli import main as run
    except KeyboardInterrupt:
        sys.exit(130)
    run()


def started() -> None:
    """Start-up is over: from here on, garbage is collected as usual."""
    gc.freeze()
    gc.enable()


if __name__ == "__main__":
    main()
