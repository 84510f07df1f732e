"""Standard output and error as a hostile environment may leave them: closed, full, a pipe whose
reader has gone, a pipe left non-blocking, or an encoding (Latin-1 on an older Swedish server)
that lacks characters the reports print. Each case is handled here, once, for every command.

Where the terminal's encoding is not UTF-8, text falls back to ASCII look-alikes for the few
characters it cannot show (– × … ≤ ≥ → │ █ ─; letters lose their accents only where the encoding
has no room for them), and JSON is written as ASCII with ``\\u`` escapes: the same data, which
every reader decodes. Files written with ``-o`` are always UTF-8.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import select
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from nyttocalc.errors import NyttocalcError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

LOOKALIKE = "nyttocalc-lookalike"  # the name of the codec error handler

_LOOKALIKES = {
    "–": "-", "—": "-", "−": "-", "‐": "-", "…": "...", "≤": "<=", "≥": ">=", "→": "->",
    "←": "<-", "×": "x", "·": ".", "│": "|", "┃": "|", "─": "-", "━": "-", "└": "+", "┌": "+",
    "┐": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "█": "#", "▌": "=",
    "›": ">", "‹": "<", "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "•": "*", "≈": "~",
    "\u00a0": " ", "\u202f": " ", "²": "2", "³": "3", "∫": "S", "δ": "d", "λ": "l",
}


class OutputClosed(NyttocalcError):
    """Standard output cannot take the result."""


class ReaderGone(Exception):
    """The pipe's reader has closed it (``nyttocalc … | head``): stop quietly."""


def _lookalike(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start:error.end]
    return "".join(_ascii(ch) for ch in text), error.end


def _ascii(ch: str) -> str:
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch]
    bare = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
    return bare or "?"


codecs.register_error(LOOKALIKE, _lookalike)


def speaks_unicode(stream: TextIO) -> bool:
    """Whether the stream's encoding can write every character (a UTF encoding)."""
    try:
        return codecs.lookup(stream.encoding or "ascii").name.startswith("utf")
    except LookupError:
        return False


def prepare(stream: TextIO | None) -> TextIO | None:
    """The stream to write to instead of ``stream``: one that waits for a pipe left
    non-blocking, and writes look-alikes where its encoding is not UTF instead of failing."""
    stream = _patient(stream)
    if stream is not None and not speaks_unicode(stream) and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors=LOOKALIKE)
    return stream


def _patient(stream: TextIO | None) -> TextIO | None:
    """Some parents (Node.js's child processes, some CI runners) hand over a pipe set
    non-blocking. Python's own stream then drops, without a word, what the pipe cannot take at
    once (all but its first 64 KiB). Over such a descriptor this returns a stream that waits
    until the reader makes room, as a write to an ordinary pipe does; any other stream as it
    is."""
    if not isinstance(stream, io.TextIOWrapper):
        return stream
    try:
        if os.get_blocking(stream.fileno()):
            return stream
        stream.flush()
        raw = _WaitingFile(stream.fileno(), "w", closefd=False)
    except (OSError, ValueError):  # closed, or no descriptor: left to drawing() to report
        return stream
    return io.TextIOWrapper(io.BufferedWriter(raw), encoding=stream.encoding,
                            errors=stream.errors, line_buffering=stream.line_buffering,
                            write_through=stream.write_through)


class _WaitingFile(io.FileIO):
    """A descriptor written as if it blocked: where the pipe is full, wait until it is not."""

    def write(self, data: ReadableBuffer, /) -> int:
        written: int | None = super().write(data)  # None: the pipe is full (EAGAIN)
        while written is None:
            select.select([], [self], [])
            written = super().write(data)
        return written


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def ascii_json(text: str) -> str:
    """JSON text with every non-ASCII character escaped as JSON escapes it (``\\u00e4``; a
    surrogate pair beyond the BMP). Outside strings JSON is ASCII, so the data is unchanged."""
    import json  # only here: --help needs none, and importing it is 3 % of --help's time

    return _NON_ASCII.sub(lambda m: json.dumps(m.group())[1:-1], text)


def write(pieces: Iterable[str], *, is_json: bool) -> None:
    """Write the pieces to standard output: JSON as ASCII where the encoding is not UTF."""
    with drawing() as stream:
        escape = is_json and not speaks_unicode(stream)
        for piece in pieces:
            stream.write(ascii_json(piece) if escape else piece)


@contextmanager
def drawing() -> Iterator[TextIO]:
    """Standard output to write to, flushed at the end: OutputClosed where it cannot take the
    result (closed, full, an I/O error), ReaderGone where a pipe's reader has left."""
    stream = sys.stdout
    if stream is None:
        raise OutputClosed("standard output is closed, so the result has nowhere to go; "
                           "give -o FILE to write it to a file.")
    try:
        yield stream
        stream.flush()
    except BrokenPipeError:
        discard(stream)
        raise ReaderGone from None
    except OSError as exc:
        discard(stream)
        raise OutputClosed(f"the result could not be written to standard output: "
                           f"{exc.strerror or exc}; give -o FILE to write it to a file.") from None


def discard(stream: TextIO | None) -> None:
    """Point the stream's descriptor at /dev/null, so the text still buffered does not fail
    again (and print a traceback) when Python flushes it at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())  # type: ignore[union-attr]
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no descriptor: an in-memory stream
        pass


PROGRESS_AFTER = 0.5  # seconds: a run shorter than this shows no progress bar
_BAR = 30


@contextmanager
def progress(describe: Callable[[str, float, float], str]
             ) -> Iterator[Callable[[int, int], None] | None]:
    """A progress reporter ``(done, total)`` that draws a bar on stderr, with how long is
    left, while a long run works; None where stderr is not a terminal (a pipe, a file, a CI
    log get nothing). ``describe(bar, share done, seconds left)`` words it. The bar is wiped
    when the run ends, however it ends."""
    stream = sys.stderr
    if stream is None or not stream.isatty():
        yield None
        return
    start = time.monotonic()
    drawn = [0.0]  # when it was last drawn; 0: never

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if now - start < PROGRESS_AFTER or (now - drawn[0] < 0.2 and done < total):
            return
        share = done / total if total else 1.0
        left = (now - start) * (1 - share) / share if share else 0.0
        filled = round(share * _BAR)
        _quietly(stream, "\r" + describe("█" * filled + "░" * (_BAR - filled), share, left))
        drawn[0] = now

    try:
        yield report
    finally:
        if drawn[0]:
            _quietly(stream, "\r\x1b[2K")


def _quietly(stream: TextIO, text: str) -> None:
    """A progress bar is no result: if the terminal is gone, it is not drawn."""
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        pass
