"""The parameter sets that come with nyttocalc, described for `nyttocalc parameters`: each
figure with its value, unit, and where it comes from — a source (title, section, the words), a
derivation ("Derived: …"), another assumption, or missing with the reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from nyttocalc import bundled
from nyttocalc.errors import NyttocalcError
from nyttocalc.scenario import local_tax, yamlsafe
from nyttocalc.scenario.schema import ComputedInput, MissingFigure, ParameterFile
from nyttocalc.scenario.texts import said

Basis = Literal["source", "derived", "assumption", "missing", "not_in_force"]
DERIVED = "Derived"  # an assumption that begins so is computed from sourced figures, as it says


@dataclass(frozen=True)
class Cited:
    document: str  # the source's key
    title: str
    url: str | None
    section: str
    quote: str
    note: str | None


@dataclass(frozen=True)
class SetFigure:
    name: str
    value: float | None  # None: missing, or computed (then ``formula``)
    unit: str
    description: str
    basis: Basis
    source: Cited | None = None
    reason: str | None = None  # the assumption, the derivation, or why it is missing
    formula: str | None = None


@dataclass(frozen=True)
class SetSummary:
    name: str
    title: str
    year: int | None
    figures: int
    missing: int
    local_tax_rates: str | None
    municipalities: int  # how many the table has rates of for the set's year


@dataclass(frozen=True)
class SetDescription:
    name: str
    title: str
    year: int | None
    municipality: str | None  # "Umeå (2480)", where one was asked for
    figures: tuple[SetFigure, ...]


def parameter_set(name: str) -> ParameterFile:
    """A bundled set, validated; an unknown name is a NyttocalcError with the sets' names."""
    path = bundled.parameter_set(name)
    if path is None:
        sets = bundled.parameter_set_names()
        raise NyttocalcError(f"{name!r} is not a parameter set that comes with nyttocalc"
                             f"{bundled.closest(name, sets)}; the sets: {', '.join(sets)}.")
    return ParameterFile.model_validate(raw(name))


def summaries(lang: str = "en") -> list[SetSummary]:
    found = []
    for name in bundled.parameter_set_names():
        parameters = parameter_set(name)
        say = _in(lang, parameters)
        table = (local_tax.table(parameters.local_tax_rates)
                 if parameters.local_tax_rates is not None else None)
        count = table.count(parameters.year) if table and parameters.year else 0
        found.append(SetSummary(name, say(parameters.title), parameters.year,
                                len(parameters.inputs),
                                len(parameters.missing), parameters.local_tax_rates, count))
    return found


def describe(name: str, municipality: str | None = None, lang: str = "en") -> SetDescription:
    """Every figure of the set (and the municipality's three rates first, where one is
    named), then the figures it lacks."""
    parameters = parameter_set(name)
    sources = dict(parameters.sources)
    inputs: dict[str, Any] = dict(parameters.inputs)
    where = None
    if municipality is not None:
        try:
            local = local_tax.lookup(raw(name), name, municipality)
        except LookupError as exc:
            raise NyttocalcError(f"--municipality {municipality}: {exc}.") from None
        checked = ParameterFile.model_validate({
            "nyttocalc-parameters": 1, "title": parameters.title, **local.scenario_data()})
        sources |= checked.sources
        inputs = {**checked.inputs, **inputs}
        where = f"{local.municipality.name} ({local.municipality.code})"
    say = _in(lang, parameters)
    figures = [_figure(key, item, sources, say) for key, item in inputs.items()]
    figures += [_missing(key, item, say) for key, item in parameters.missing.items()]
    return SetDescription(name, say(parameters.title), parameters.year, where, tuple(figures))


def _in(lang: str, parameters: ParameterFile) -> Callable[[Any], str]:
    """A text of the set in ``lang`` where the set gives it so (see ``load.said``)."""
    def say(text: Any) -> str:
        return str(said(text, lang, parameters.language))
    return say


def raw(name: str) -> dict[str, Any]:
    """A bundled set's data as read (not validated)."""
    path = bundled.parameter_set(name)
    assert path is not None
    data: dict[str, Any] = yamlsafe.parse(path.read_text(encoding="utf-8")).data
    return data


def _figure(key: str, item: Any, sources: dict[str, Any], say: Callable[[Any], str]
            ) -> SetFigure:
    formula = item.formula if isinstance(item, ComputedInput) else None
    value = None if formula is not None else float(item.value)
    if item.source is not None:
        source = sources[item.source.document]
        cited = Cited(item.source.document, source.title, source.url, item.source.section,
                      item.source.quote, item.source.note)
        return SetFigure(key, value, item.unit, say(item.description), "source", cited,
                         formula=formula)
    reason = say(item.assumption)
    basis: Basis = "derived" if reason.startswith(DERIVED) else "assumption"
    return SetFigure(key, value, item.unit, say(item.description), basis, reason=reason,
                     formula=formula)


def _missing(key: str, item: MissingFigure, say: Callable[[Any], str]) -> SetFigure:
    basis: Basis = "missing" if item.not_found is not None else "not_in_force"
    return SetFigure(key, None, item.unit, say(item.description), basis,
                     reason=item.not_found or item.not_in_force)
