"""The entry point of ``nyttocalc`` and ``python -m nyttocalc``.

It imports the command line only once it runs, so Ctrl-C while the libraries load (a good part
of a second on a slow machine) ends the program with status 130, as later, not with a traceback.
"""

import sys


def main() -> None:
    try:
        from nyttocalc.cli import main as run
    except KeyboardInterrupt:
        sys.exit(130)
    run()


if __name__ == "__main__":
    main()
