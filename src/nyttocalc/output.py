"""Writing a result to a file: only when asked, never over a file unless forced, never half.

The text is written to a temporary file beside the target and renamed onto it, so the target
is either the complete new result or untouched: an interrupted run leaves no partial file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from nyttocalc.errors import NyttocalcError


class OutputError(NyttocalcError):
    """The result cannot be written where asked."""


def check_target(path: Path, force: bool) -> None:
    """Refuse, before any work is done, a target that exists (unless forced) or cannot be."""
    if path.is_dir():
        raise OutputError(f"{path} is a directory; give -o the path of a file to write.")
    if path.exists() and not force:
        raise OutputError(f"{path} exists; nyttocalc does not overwrite a file unless told to: "
                          "add --force, or give another path.")
    if not path.parent.is_dir():
        raise OutputError(f"{path}: the folder {path.parent} does not exist.")


def write_atomically(path: Path, text: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``text`` (or bytes: a workbook) to ``path`` as a whole: a temporary file in the
    same folder, renamed."""
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temporary, mode)  # mkstemp makes 0600; a result file is an ordinary file
        data = text if isinstance(text, bytes) else text.encode(encoding)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path} could not be written: {exc.strerror or exc}.") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    """What ``open(path, "w")`` would give a new file: 0666 less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
