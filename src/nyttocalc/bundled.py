"""The scenarios and parameter sets that come with the package, and where they are.

They are package data (``nyttocalc/data/``), so a wheel installed anywhere carries them; in the
repository, ``scenarios/`` and ``parameters/`` are links to the same folders, so a clone's paths
(``nyttocalc payback scenarios/liva.yaml``) name the same files.

A parameter set is named in a scenario's ``uses`` by its name (``se-2019``) or by a path: a name
has no folder and no ``.yaml`` at its end.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from nyttocalc.errors import NyttocalcError
from nyttocalc.scenario import yamlsafe

DATA = Path(__file__).resolve().parent / "data"
SCENARIOS = DATA / "scenarios"
PARAMETERS = DATA / "parameters"
SUFFIXES = (".yaml", ".yml")


def example_names() -> list[str]:
    """The bundled scenarios, by name (the file's name without ``.yaml``)."""
    return sorted(path.stem for path in SCENARIOS.glob("*.yaml"))


def parameter_set_names() -> list[str]:
    """The bundled parameter sets, by name (``se-2019`` … ``se-2026``)."""
    return sorted(path.stem for path in PARAMETERS.glob("*.yaml"))


def is_name(given: str) -> bool:
    """Whether ``uses`` names a bundled parameter set (``se-2019``) rather than a file: no
    folder, no ``.yaml`` at its end."""
    return ("/" not in given and "\\" not in given and not given.startswith(".")
            and not given.lower().endswith(SUFFIXES))


def example(name: str) -> Path | None:
    return _find(SCENARIOS, name, example_names())


def parameter_set(name: str) -> Path | None:
    return _find(PARAMETERS, name, parameter_set_names())


def _find(folder: Path, name: str, names: list[str]) -> Path | None:
    return folder / f"{name}.yaml" if name in names else None


def closest(given: str, names: list[str]) -> str:
    """`` (did you mean 'se-2019'?)`` for a near miss, else nothing; of names equally close,
    the one that begins most like it (se-2018: se-2019, not se-2021)."""
    close = difflib.get_close_matches(given, names, n=3)
    if not close:
        return ""
    best = max(close, key=lambda name: next(
        (i for i, (a, b) in enumerate(zip(given, name, strict=False)) if a != b),
        min(len(given), len(name))))
    return f" (did you mean {best!r}?)"


def examples(lang: str = "en") -> list[tuple[str, str]]:
    """Each bundled scenario's name and title, in ``lang`` where the scenario gives it so."""
    found = []
    for name in example_names():
        data = yamlsafe.parse((SCENARIOS / f"{name}.yaml").read_text(encoding="utf-8")).data
        title = data.get("title", "")
        if isinstance(title, dict):  # {en: …, sv: …}: the one asked for, else the other
            title = title.get(lang) or next(iter(title.values()), "")
        found.append((name, str(title)))
    return found


def example_text(name: str) -> str:
    """A bundled scenario's text, as it is; an unknown name is a NyttocalcError."""
    path = example(name)
    if path is None:
        names = example_names()
        raise NyttocalcError(f"{name!r} is not a scenario that comes with nyttocalc"
                             f"{closest(name, names)}; the scenarios: {', '.join(names)}")
    return path.read_text(encoding="utf-8")
