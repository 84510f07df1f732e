"""Reading a file that a user or a scenario names: a regular file, never more than a limit.

Anything else is refused before it is opened for reading: a FIFO would wait for a writer
forever, a device (``/dev/zero``) never ends, a folder or a socket cannot be read. The file is
looked at first (``stat``), opened without waiting (``O_NONBLOCK``: a FIFO put in its place
meanwhile does not block the open), and looked at again through the open descriptor
(``fstat``), so what is read is what was checked. Every way a name can fail — no such file, a
NUL character, a name too long, a loop of symbolic links — is a ``FileProblem`` whose text
follows the file's name in the caller's one paragraph.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# Where the platform has them (POSIX); elsewhere 0, and the stat before the open still refuses
# what is not a regular file.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_CHUNK = 1024 * 1024
MAX_NAME_SHOWN = 120  # characters of a path an error shows; a longer one is shortened


class FileProblem(Exception):
    """A named file that cannot be read. ``str()`` is the file's name (shortened if long) and
    what is wrong with it, e.g. ``report.txt is a FIFO (named pipe), not a regular file``."""

    def __init__(self, path: Path | str, reason: str, *, missing: bool = False) -> None:
        super().__init__(f"{shown_name(path)}{reason}")
        self.reason = reason  # what follows the name, for a caller that names the file itself
        self.missing = missing  # no such file: the caller may say where it looked


def shown_name(path: Path | str) -> str:
    """A path as an error shows it: whole if it is short, else its start and end."""
    name = str(path).replace("\x00", "\\0")
    if len(name) <= MAX_NAME_SHOWN:
        return name
    half = MAX_NAME_SHOWN // 2
    return f"{name[:half]}…{name[-half:]} ({len(name):,} characters)"


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISLNK, "a symbolic link"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_regular(path: Path, limit: int) -> bytes:
    """The first ``limit + 1`` bytes of the regular file at ``path`` (one more than the limit,
    so the caller can tell a file that is too large), or a ``FileProblem``."""
    _refuse_other_kinds(path, _status(path))
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _problem(path, exc) from None
    try:
        _refuse_other_kinds(path, os.fstat(descriptor))  # replaced since it was looked at
        chunks: list[bytes] = []
        wanted = limit + 1
        while wanted > 0:
            chunk = os.read(descriptor, min(wanted, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise _problem(path, exc) from None
    finally:
        os.close(descriptor)


def real_path(path: Path) -> Path:
    """Where ``path`` leads, with every symbolic link followed as far as it can be (a loop or
    a missing part is left as it stands: reading the file will say what is wrong)."""
    _check_name(path)
    return Path(os.path.realpath(path))


def _check_name(path: Path) -> None:
    if "\x00" in str(path):
        raise FileProblem(path, ": the name contains a NUL character, which no file name can")


def _status(path: Path) -> os.stat_result:
    _check_name(path)
    try:
        return os.stat(path)
    except OSError as exc:
        raise _problem(path, exc) from None


def _refuse_other_kinds(path: Path, status: os.stat_result) -> None:
    kind = file_kind(status.st_mode)
    if kind == "a directory":
        raise FileProblem(path, " is a directory")
    if kind is not None:
        raise FileProblem(path, f" is {kind}, not a regular file")


def _problem(path: Path, exc: OSError) -> FileProblem:
    if exc.errno == errno.ENOENT:
        return FileProblem(path, ": no such file", missing=True)
    if exc.errno == errno.ENOTDIR:
        return FileProblem(path, ": no such file (a part of its path is not a folder)",
                           missing=True)
    if exc.errno == errno.ELOOP:
        return FileProblem(path, " cannot be read: its symbolic links form a loop")
    if exc.errno == errno.ENAMETOOLONG:
        return FileProblem(path, " cannot be read: the name is too long (a file name is at "
                                 "most 255 bytes)")
    if exc.errno == errno.EISDIR:
        return FileProblem(path, " is a directory")
    return FileProblem(path, f" cannot be read: {exc.strerror or exc}")
