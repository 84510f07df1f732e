"""Errors a user can fix. ``str(error)`` is one paragraph; the CLI prints it and exits 2.

And ``Stopped``: the program was told to end while it wrote a file."""

import signal


class NyttocalcError(Exception):
    """Bad input or usage: the message says where and what was expected."""


MAX_EXCERPT = 80  # characters of a value from a file that an error quotes


def excerpt(value: object, limit: int = MAX_EXCERPT) -> str:
    """A value as an error quotes it (its ``repr``, so on one line), shortened by ``clip``.
    An error names what is wrong; it never echoes a file (a parameter file that is someone's
    password file, a key of a megabyte)."""
    return clip(repr(value), limit)


def clip(text: str, limit: int = MAX_EXCERPT) -> str:
    """``text`` if it has at most about ``limit`` characters, else its start and end with its
    length; one line."""
    text = " ".join(text.splitlines())
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]}…{text[-half:]} ({len(text):,} characters)"


class Stopped(BaseException):
    """A signal that ends a program (SIGTERM, SIGHUP) arrived while a file was written; the
    file's temporary copy is gone. A BaseException, as KeyboardInterrupt is, so that no
    handler of errors takes it for one and goes on."""

    def __init__(self, signal_number: int, path: object) -> None:
        super().__init__(signal_number, path)
        self.signal_number = signal_number
        self.path = path

    @property
    def status(self) -> int:
        """The exit status a shell reports for a program that the signal ended."""
        return 128 + self.signal_number

    def __str__(self) -> str:
        name = signal.Signals(self.signal_number).name
        return f"stopped by {name} before {self.path} was complete; it was not written."
