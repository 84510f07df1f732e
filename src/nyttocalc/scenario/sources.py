"""The scenario's sources as `check` reads them: which documents (``--document KEY=PATH``, or a
source's ``path``), and what the scenario quotes from each: every claim's ``where`` and every
input's ``source``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nyttocalc.core.claims import ClaimResult
from nyttocalc.documents.quotes import Citation
from nyttocalc.documents.read import TEXT_HINT, DocumentError, read_document
from nyttocalc.documents.text import SourceText
from nyttocalc.files import FileProblem, shown_name
from nyttocalc.scenario import keypath
from nyttocalc.scenario.load import LoadedScenario
from nyttocalc.scenario.paths import PathRefused, Reach, resolve_allowed


def read_sources(loaded: LoadedScenario, given: list[str]) -> tuple[SourceText, ...]:
    """The documents of this run: each source with a ``path`` (relative to the scenario file),
    replaced or added to by ``--document KEY=PATH`` (relative to the working directory)."""
    return tuple(read_document(key, path, where)
                 for key, (path, where) in _document_files(loaded, given).items())


def _document_files(loaded: LoadedScenario, given: list[str]) -> dict[str, tuple[Path, str]]:
    sources = loaded.scenario.sources
    files: dict[str, tuple[Path, str]] = {}
    for key, source in sources.items():
        if source.path is not None:
            line = loaded.lines.get(("sources", key, "path"))
            where = f"{f'line {line}, ' if line else ''}sources.{key}.path"  # in the scenario
            files[key] = (_source_path(source.path, loaded.reach, where), where)
    seen: set[str] = set()
    known = ", ".join(sources) or "none"
    for item in given:
        key, equals, path = (part.strip() for part in item.partition("="))
        where = f"--document {shown_name(item)}"
        if not equals or not key or not path:
            raise DocumentError(f"{where}: expected KEY=PATH, a key of the scenario's `sources` "
                                f"and the document's file, e.g. --document payoff-2019="
                                f"report.txt; the sources are: {known}.")
        if key not in sources:
            also = keypath.did_you_mean(key, list(sources))
            raise DocumentError(f"{where}: {key!r} is not a key of the scenario's `sources`"
                                f"{also}; the sources are: {known}.")
        if key in seen:
            raise DocumentError(f"{where}: {key!r} is given twice; give each document once.")
        seen.add(key)
        files[key] = (Path(path), where)
    return files


def _source_path(given: str, reach: Reach, where: str) -> Path:
    """A source's ``path``, if the scenario may name it (see ``paths``)."""
    try:
        return resolve_allowed(given, reach, "document")
    except PathRefused as exc:
        raise DocumentError(f"{where}: {exc}, or give the document with --document "
                            "KEY=PATH.") from None
    except FileProblem as exc:
        raise DocumentError(f"{where}: {exc}; {TEXT_HINT}.") from None


def citations(loaded: LoadedScenario) -> list[Citation]:
    """Every quote of the scenario: the claims' (by id), then the inputs' (by key path)."""
    scenario = loaded.scenario
    quoted = [Citation(c.id, "claim", c.where.document, c.where.section, c.where.quote)
              for c in scenario.claims]
    for section, parameters in scenario.parameters():
        quoted += [Citation(f"{section}.{name}", "input", p.source.document, p.source.section,
                            p.source.quote)
                   for name, p in parameters.items() if p.source is not None]
    quoted += [Citation(f"inputs.{name}", "input", item.source.document, item.source.section,
                        item.source.quote)
               for name, item in scenario.computed_inputs().items() if item.source is not None]
    return quoted


def quoted_values(loaded: LoadedScenario,
                  results: tuple[ClaimResult, ...]) -> dict[str, tuple[float, ...]]:
    """The numbers each citation transcribes, by its owner: a claim's published figure and
    every number its derivation uses (and, for a rounding chain, the printed intermediate);
    an input's value (each, for a list)."""
    numbers: dict[str, tuple[float, ...]] = {
        r.claim.id: (r.claim.published, *(t.value for t in r.computed.derivation()),
                     *((r.chain.printed,) if r.chain else ()))
        for r in results}
    for section, parameters in loaded.scenario.parameters():
        for name, parameter in parameters.items():
            value: Any = parameter.value
            numbers[f"{section}.{name}"] = tuple(
                float(v) for v in (value if isinstance(value, list) else [value]))
    return numbers
