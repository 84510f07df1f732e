"""Which files a scenario may name, and where they are.

A scenario names files — parameter files in `uses`, documents in a source's `path` — each
relative to the scenario file's folder. A scenario may come from anyone (a colleague, a pull
request), and nyttocalc reads what it names and quotes from what it cannot use, so it reads a
file that a scenario names only where the user can expect it (``RULE``):

- in the scenario file's folder, or in a folder below it;
- for a parameter file, also in the folder ``parameters`` beside the scenario's folder
  (``../parameters/``, the layout of this repository: ``scenarios/`` beside ``parameters/``);
- in a folder the user names on the command line with ``--allow-path DIR``;
- for a parameter file, the parameter sets installed with the package (``uses: [se-2019]``
  names one of them; see ``nyttocalc.bundled``).

What counts is where a file really is, every symbolic link followed. A file the user names on
the command line (the scenario itself, ``--document KEY=PATH``) is the user's own word and is
read wherever it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from nyttocalc import bundled
from nyttocalc.errors import NyttocalcError
from nyttocalc.files import FileProblem, real_path, shown_name

PARAMETERS_FOLDER = "parameters"
RULE = ("a scenario may name only files in its own folder or below it (a parameter file also "
        f"in the folder `{PARAMETERS_FOLDER}` beside it); to read a file elsewhere, give its "
        "folder with --allow-path DIR")

Kind = Literal["parameter", "document"]


class PathRefused(Exception):
    """A path a scenario names that leads outside the folders it may read; ``str()`` says
    where it leads and the rule, to follow the place that names it."""


@dataclass(frozen=True)
class Reach:
    """The folders where the files a scenario names may be (their real paths), and the folder
    its paths are relative to."""

    scenario_folder: Path  # the folder of the scenario file, as given
    own: Path  # the same, every link followed
    parameters: Path  # the folder `parameters` beside it
    allowed: tuple[Path, ...] = ()  # --allow-path
    installed: Path = bundled.PARAMETERS  # the parameter sets that come with the package

    def roots(self, kind: Kind) -> tuple[Path, ...]:
        beside = (self.parameters, self.installed) if kind == "parameter" else ()
        return (self.own, *beside, *self.allowed)


def reach_of(scenario: Path, allow: Sequence[str] = ()) -> Reach:
    """The reach of the scenario file at ``scenario``, widened by each ``--allow-path``."""
    own = real_path(scenario.parent)
    return Reach(scenario.parent, own, real_path(own.parent / PARAMETERS_FOLDER),
                 tuple(_allowed_folder(given) for given in allow), real_path(bundled.PARAMETERS))


def _allowed_folder(given: str) -> Path:
    """The folder an ``--allow-path`` names, every link followed; it must be one."""
    where = f"--allow-path {shown_name(given)}"
    if not given.strip():
        raise NyttocalcError("--allow-path: the folder's name is empty; give a folder")
    try:
        folder = real_path(Path(given))
        problem = None if folder.is_dir() else " is not a folder" if folder.exists() else (
            ": no such folder")
    except FileProblem as exc:
        problem = exc.reason
    except OSError as exc:  # a name too long
        problem = f" cannot be read: {exc.strerror or exc}"
    if problem is not None:
        raise NyttocalcError(f"{where}{problem}; give the folder that holds the files the "
                             "scenario names")
    return folder


def resolve_allowed(given: str, reach: Reach, kind: Kind) -> Path:
    """The file that ``given`` (relative to the scenario's folder, or absolute) names, if it
    lies within one of the reach's roots for this kind of file; otherwise ``PathRefused``, and
    a ``FileProblem`` for a name no file can have."""
    path = reach.scenario_folder / given
    real = real_path(path)
    if any(real.is_relative_to(root) for root in reach.roots(kind)):
        return path
    that = "" if given == str(real) else f" (that is {shown_name(real)})"
    raise PathRefused(f"{shown_name(given)}{that} is outside the folders this scenario may "
                      f"read: {RULE}")
