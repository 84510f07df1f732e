"""What comes with nyttocalc, as documents: the bundled scenarios (`nyttocalc examples`), the
parameter sets (`nyttocalc parameters`) and one set's figures, each with where it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from nyttocalc import __version__, bundled
from nyttocalc.core.figures import Unit
from nyttocalc.errors import NyttocalcError
from nyttocalc.report.language.labels import label, unit_after
from nyttocalc.report.machine.as_json import dumps
from nyttocalc.report.tables.payback import Document, Table, exactly
from nyttocalc.scenario import parameter_sets
from nyttocalc.scenario.parameter_sets import SetDescription, SetFigure, SetSummary


@dataclass(frozen=True)
class View:
    """What a listing command shows, built only in the format asked for."""

    json: Callable[[], str]
    document: Callable[[], Document]


def examples_view(lang: str) -> View:
    found = bundled.examples(lang)
    return View(lambda: examples_json(found), lambda: examples_document(found, lang))


def parameters_view(name: str | None, municipality: str | None, lang: str) -> View:
    """The sets (no name), or one set's figures (with a municipality's rates)."""
    if name is None:
        if municipality is not None:
            raise NyttocalcError("--municipality needs a parameter set: nyttocalc parameters "
                                 f"se-2025 --municipality {municipality}.")
        sets = parameter_sets.summaries(lang)
        return View(lambda: sets_json(sets), lambda: sets_document(sets, lang))
    described = parameter_sets.describe(name, municipality, lang)
    return View(lambda: set_json(described), lambda: set_document(described, lang))


def examples_document(examples: list[tuple[str, str]], lang: str) -> Document:
    table = Table(_label("scenarios", lang),
                  (_label("col.name", lang), _label("col.title", lang)),
                  tuple(examples), numeric_from=2)
    return Document(_label("title.examples", lang),
                    (_label("note.examples", lang),), (table,))


def examples_json(examples: list[tuple[str, str]]) -> str:
    return dumps({"nyttocalc_version": __version__,
                  "examples": [{"name": name, "title": title} for name, title in examples]})


def sets_document(sets: list[SetSummary], lang: str) -> Document:
    rows = tuple((s.name, str(s.year or ""), s.title, str(s.figures), str(s.missing),
                  _label("municipalities", lang, count=s.municipalities)
                  if s.municipalities else "") for s in sets)
    headers = tuple(_label(f"col.{k}", lang) for k in ("name", "year", "title", "figures",
                                                         "missing", "local_taxes"))
    table = Table(_label("sets", lang), headers, rows, numeric_from=3)
    return Document(_label("title.sets", lang), (_label("note.sets", lang),), (table,))


def sets_json(sets: list[SetSummary]) -> str:
    return dumps({"nyttocalc_version": __version__,
                  "parameter_sets": [asdict(s) for s in sets]})


def set_document(described: SetDescription, lang: str) -> Document:
    counts = {basis: sum(f.basis == basis for f in described.figures)
              for basis in ("source", "derived", "assumption", "missing", "not_in_force")}
    header = [_label("header.set", lang, name=described.name, year=described.year or "–")]
    if described.municipality is not None:
        header.append(_label("header.municipality", lang, municipality=described.municipality))
    header.append(_label("header.bases", lang, **counts))
    rows = tuple((f.name, _value(f, lang), _label(f"basis.{f.basis}", lang), _where(f, lang))
                 for f in described.figures)
    headers = tuple(_label(f"col.{k}", lang) for k in ("input", "value", "basis", "where"))
    table = Table(_label("title.figures", lang), headers, rows, (_label("note.figures", lang),),
                  numeric_from=4, ratios=(0, 2, 1, 6))
    return Document(described.title, tuple(header), (table,))


def set_json(described: SetDescription) -> str:
    return dumps({"nyttocalc_version": __version__, "parameter_set": described.name,
                  "title": described.title, "year": described.year,
                  "municipality": described.municipality,
                  "figures": [_figure_json(f) for f in described.figures]})


def _figure_json(figure: SetFigure) -> dict[str, Any]:
    return {"name": figure.name, "value": figure.value, "unit": figure.unit,
            "description": figure.description, "basis": figure.basis,
            "source": asdict(figure.source) if figure.source else None,
            "reason": figure.reason, "formula": figure.formula}


def _value(figure: SetFigure, lang: str) -> str:
    if figure.basis in ("missing", "not_in_force"):
        return "–"
    if figure.value is None:
        return figure.formula or ""
    unit = Unit(figure.unit)
    after = unit_after(figure.unit, lang)
    return exactly(figure.value, unit, lang) + (f" {after}" if after else "")


def _where(figure: SetFigure, lang: str) -> str:
    cited = figure.source
    if cited is None:
        return figure.reason or ""
    note = f" ({cited.note})" if cited.note else ""
    return _label("where.source", lang, title=cited.title, section=cited.section,
                 quote=cited.quote) + note


def _label(key: str, lang: str, **values: object) -> str:
    return label(f"catalogue.{key}", lang, **values)
