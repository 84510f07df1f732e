"""The figure registry: every figure declared once, labelled in both languages, asked for by
name, and what payback reports is what the registry computes."""

from __future__ import annotations

import math

import pytest

from nyttocalc.core import reasoning
from nyttocalc.core.payback import FIGURES, analyse
from nyttocalc.core.registry import DEFINITIONS, DIMENSIONS, GROUPS, At, Figures, metrics
from nyttocalc.report.i18n import LABELS, label
from nyttocalc.scenario.load import load
from tests.conftest import LIVA


@pytest.mark.parametrize("name", sorted(DEFINITIONS))
def test_every_figure_has_a_label_in_english_and_in_swedish(name: str) -> None:
    english, swedish = DEFINITIONS[name].labels
    assert english.strip()
    assert swedish.strip()
    assert english != swedish, "the Swedish label is a translation, not a copy"
    assert label(name, "en") == english
    assert label(name, "sv") == swedish


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_every_group_has_a_title_in_english_and_in_swedish(name: str) -> None:
    english, swedish = LABELS[f"group.{name}"]
    assert english.strip()
    assert swedish.strip()
    assert english != swedish


def test_no_figure_is_named_as_a_dimension_or_a_group() -> None:
    assert not set(DEFINITIONS) & {*DIMENSIONS, *GROUPS}


def test_a_figure_depends_only_on_known_dimensions_and_its_groups() -> None:
    for definition in DEFINITIONS.values():
        assert set(definition.dims) <= set(DIMENSIONS), definition.name
        if definition.group is not None:
            assert definition.dims == GROUPS[definition.group].dims


def test_the_metrics_are_ranked_without_gaps_and_persons_whole_comes_first() -> None:
    ranks = sorted(d.metric for d in DEFINITIONS.values() if d.metric is not None)
    assert ranks == list(range(1, len(ranks) + 1))
    assert next(iter(metrics())) == "persons_whole"


def test_payback_reports_every_grouped_figure_as_the_registry_computes_it() -> None:
    model = load(LIVA).model
    analysis = analyse(model)
    figures = Figures(reasoning.explained(model))
    for result in analysis.perspectives:
        for group, rows in result.groups().items():
            for row in rows:
                at = At(result.perspective.key, **row.dims)
                for name, figure in row.figures.items():
                    assert FIGURES[name].group == group
                    again = figures(name, at).value
                    assert figure.value == again or (math.isnan(again)
                                                     and math.isnan(figure.value))


def test_a_figure_is_computed_once_per_point() -> None:
    model = load(LIVA).model
    figures = Figures(reasoning.plain(model))
    at = At("society", subsidy_rate=0.8, horizon_years=3)
    calls = []
    definition = DEFINITIONS["present_cost"]
    original = definition.compute
    try:
        object.__setattr__(definition, "compute",
                           lambda f, a: calls.append(a) or original(f, a))
        for name in ("persons_exact", "persons_whole", "required_value_per_year",
                     "employment_rate"):
            figures(name, at)
    finally:
        object.__setattr__(definition, "compute", original)
    assert len(calls) == 1
