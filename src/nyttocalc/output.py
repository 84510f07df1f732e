"""Writing a result to a file: only when asked, never over a file unless forced, never half.

The text is written to a temporary file beside the target and only then put in its place, so the
target is either the complete new result or untouched: an interrupted run leaves no partial file.
Without ``--force`` the finished file is linked into place, which fails if the name has appeared
in the meantime (another program wrote it while this one worked), so nothing is clobbered even
then. ``--force`` replaces a regular file, and nothing else: a symbolic link, a device, a FIFO or
a folder is refused with or without it.
"""

from __future__ import annotations

import codecs
import errno
import os
import signal
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from nyttocalc.errors import NyttocalcError, Stopped
from nyttocalc.files import file_kind

# A short, fixed name: a temporary file named after a long target would exceed the file
# system's limit on a name (255 bytes) where the target itself does not.
TEMPORARY_PREFIX = ".nyttocalc-"

# Where a file system cannot make hard links, the name is reserved with O_EXCL instead.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS,
             errno.EXDEV}


class OutputError(NyttocalcError):
    """The result cannot be written where asked."""


def check_target(path: Path, force: bool) -> None:
    """Refuse, before any work is done, a target that exists (a regular file, unless forced;
    anything else always) or cannot be written."""
    _refuse_existing(path, force)
    try:
        folder_exists = path.parent.is_dir()
    except OSError as exc:
        raise _error(path, exc) from None
    if not folder_exists:
        raise OutputError(f"{path}: the folder {path.parent} does not exist.")


def _refuse_existing(path: Path, force: bool) -> os.stat_result | None:
    """The target's status if it is a regular file that --force lets us replace; None if there
    is nothing at the name; otherwise an OutputError saying why not."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:  # a name too long, a path through a file, no permission
        raise _error(path, exc) from None
    kind = file_kind(info.st_mode)
    if kind == "a directory":
        raise OutputError(f"{path} is a directory; give -o the path of a file to write.")
    if kind is not None:
        raise OutputError(f"{path} is {kind}; nyttocalc writes only regular files, and --force "
                          "replaces only a regular file: give the path of a file to write.")
    if not force:
        raise OutputError(f"{path} exists; nyttocalc does not overwrite a file unless told to: "
                          "add --force, or give another path.")
    return info


def write_atomically(path: Path, text: str | bytes | Iterable[str], encoding: str = "utf-8",
                     force: bool = False) -> None:
    """Write ``text`` (one string, pieces of it in order, or bytes: a workbook) to ``path`` as a
    whole: a temporary file in the same folder, then put in place — linked without ``force``,
    renamed over a regular file with it. Every failure of the file system is an OutputError;
    SIGTERM or SIGHUP while the text is written is Stopped."""
    existing = _refuse_existing(path, force)
    mode = existing.st_mode & 0o777 if existing else _default_mode()
    temporary: str | None = None
    with _stopped_by_signals(path) as signals:
        try:
            with signals.held():  # a signal that comes while the file is made waits until
                # its name is known here, so that it can be removed
                try:
                    handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=".tmp",
                                                         dir=path.parent)
                except OSError as exc:
                    raise OutputError(f"{path} could not be written: no file can be created in "
                                      f"the folder {path.parent} ({exc.strerror or exc})."
                                      ) from None
            os.chmod(temporary, mode)  # mkstemp makes 0600; a result file is an ordinary file
            _write(handle, text, encoding)
            signals.placing()
            if force:
                _refuse_existing(path, force)  # still a regular file, or nothing
                os.replace(temporary, path)
            else:
                _link(temporary, path)
        except OSError as exc:
            _remove(temporary)
            if isinstance(exc, FileExistsError):
                raise OutputError(f"{path} was created by something else while nyttocalc "
                                  "worked; it is left as it is: add --force, or give another "
                                  "path.") from None
            raise _error(path, exc) from None
        except BaseException:
            _remove(temporary)
            raise


def _remove(temporary: str | None) -> None:
    if temporary is not None:
        Path(temporary).unlink(missing_ok=True)


def _write(handle: int, text: str | bytes | Iterable[str], encoding: str) -> None:
    """Write the text to the open file ``handle``, to the disk, and close it."""
    pieces = [text] if isinstance(text, str | bytes) else text
    # one encoder for the whole text: utf-8-sig's byte-order mark begins the file, not every
    # piece
    encode = codecs.getincrementalencoder(encoding)().encode
    with os.fdopen(handle, "wb") as stream:
        for piece in pieces:
            stream.write(piece if isinstance(piece, bytes) else encode(piece))
        stream.flush()
        os.fsync(stream.fileno())


class _Signals:
    """SIGTERM and SIGHUP while a file is written: Stopped at once, or, while ``held`` (the
    temporary file is being made) or once ``placing`` (the text is whole), noted and acted on
    after."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.arrived: list[int] = []
        self.holding = False
        self.placed = False

    def handle(self, number: int, frame: object) -> None:
        if self.holding or self.placed:
            self.arrived.append(number)
        else:
            raise Stopped(number, self.path)

    @contextmanager
    def held(self) -> Iterator[None]:
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.arrived:
            raise Stopped(self.arrived.pop(0), self.path)

    def placing(self) -> None:
        self.placed = True


@contextmanager
def _stopped_by_signals(path: Path) -> Iterator[_Signals]:
    """While the temporary file is written, SIGTERM and SIGHUP (``kill``, a CI's time-out, the
    terminal closing) raise Stopped, so that the file is removed, as on Ctrl-C, instead of the
    process ending at once and leaving it. Once the text is whole (``placing``), a signal waits
    until the result is in place (a moment) and then has its usual effect. A signal that is
    ignored (``nohup``) stays ignored; outside the main thread, where Python cannot handle
    signals, nothing changes."""
    signals = _Signals(path)
    previous: dict[int, Any] = {}
    try:
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None and signal.getsignal(number) not in (signal.SIG_IGN, None):
                previous[number] = signal.signal(number, signals.handle)
    except ValueError:  # not the main thread
        pass
    try:
        yield signals
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in signals.arrived:
            signal.raise_signal(number)


def _link(temporary: str, path: Path) -> None:
    """Put the finished temporary file at ``path`` if nothing is there (FileExistsError if
    something is), and remove the temporary name."""
    try:
        os.link(temporary, path)
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # reserve it
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _error(path: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENAMETOOLONG:
        reason += " (a file name is at most 255 bytes)"
    return OutputError(f"{path} could not be written: {reason}.")


def _default_mode() -> int:
    """What ``open(path, "w")`` would give a new file: 0666 less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
