"""What comes with nyttocalc, as listed: the bundled scenarios (`nyttocalc examples`), the
parameter sets (`nyttocalc parameters`) and one set's figures, each with where it comes from.
"""

from __future__ import annotations

from nyttocalc.core.figures import Unit
from nyttocalc.report.language.labels import label, unit_after
from nyttocalc.report.language.phrases import exactly
from nyttocalc.report.tables.printout import Printout, Table
from nyttocalc.scenario.parameter_sets import SetDescription, SetFigure, SetSummary


def parameters_printout(listing: list[SetSummary] | SetDescription, lang: str) -> Printout:
    """The sets, or one set's figures."""
    if isinstance(listing, list):
        return sets_printout(listing, lang)
    return set_printout(listing, lang)


def examples_printout(examples: list[tuple[str, str]], lang: str) -> Printout:
    table = Table(_label("scenarios", lang),
                  (_label("col.name", lang), _label("col.title", lang)),
                  tuple(examples), numeric_from=2)
    return Printout(_label("title.examples", lang),
                    (_label("note.examples", lang),), (table,))


def sets_printout(sets: list[SetSummary], lang: str) -> Printout:
    rows = tuple((s.name, str(s.year or ""), s.title, str(s.figures), str(s.missing),
                  _label("municipalities", lang, count=s.municipalities)
                  if s.municipalities else "") for s in sets)
    headers = tuple(_label(f"col.{k}", lang) for k in ("name", "year", "title", "figures",
                                                         "missing", "local_taxes"))
    table = Table(_label("sets", lang), headers, rows, numeric_from=3)
    return Printout(_label("title.sets", lang), (_label("note.sets", lang),), (table,))


def set_printout(described: SetDescription, lang: str) -> Printout:
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
    return Printout(described.title, tuple(header), (table,))


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
