"""The figure registry: every figure declared once, labelled in both languages, asked for by
name, and what payback reports is what the registry computes."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings

from nyttocalc.core import reasoning
from nyttocalc.core.model import Model
from nyttocalc.core.payback import FIGURES, analyse
from nyttocalc.core.registry import DEFINITIONS, DIMENSIONS, GROUPS, At, Figures, metrics
from nyttocalc.report.language.labels import LABELS, label
from nyttocalc.scenario.load import load
from tests.conftest import FIXTURES, LIVA, run_cli
from tests.strategies import timed_models

# Society in three_perspectives.yaml, no subsidy, 6 persons employed for 4 years: 6 × 4 ×
# (400 000 × 0,5 + 40 000 × 0,5) − (2 000 000 + 500 000) × 1,2 = 2 280 000 kr, by hand.
EXPECTED_NPV = 2_280_000
CLAIM = """
claims:
  - id: society-npv
    where: {document: fixture, section: "Table 2", quote: "net present value 2,28 mkr"}
    printed: "2 280 000 kr"
    published: 2280000
    precision: 1
    unit: SEK
    figure: {perspective: society, figure: net_present_value, subsidy_rate: 0, horizon_years: 4,
             persons: 6}
"""


# Words that are the same in both languages: NyttoSAM's Swedish "Potential" (Bilaga 5).
SAME_IN_BOTH = {"potential"}


@pytest.mark.parametrize("name", sorted(DEFINITIONS))
def test_every_figure_has_a_label_in_english_and_in_swedish(name: str) -> None:
    english, swedish = DEFINITIONS[name].labels
    assert english.strip()
    assert swedish.strip()
    if name not in SAME_IN_BOTH:
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
        if definition.group is not None:  # its group's, and a key figure's group of participants
            assert definition.dims[:len(GROUPS[definition.group].dims)] == (
                GROUPS[definition.group].dims)


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



def test_a_scope_forgets_what_was_first_computed_within_it_but_what_it_keeps() -> None:
    """Monte Carlo asks for one figure at a time and keeps only what lasts beyond it."""
    figures = Figures(reasoning.plain(load(LIVA).model))
    at = At("society", subsidy_rate=0.8, horizon_years=3)
    figures("value_per_person_year", at)
    with figures.scope(keep=("present_cost",)):
        figures("persons_exact", at)
    computed: list[str] = []
    originals = {name: d.compute for name, d in DEFINITIONS.items()}
    try:
        for name, definition in DEFINITIONS.items():
            object.__setattr__(definition, "compute", lambda f, a, name=name: (
                computed.append(name), originals[name](f, a))[1])
        for name in ("value_per_person_year", "present_cost", "cost", "persons_exact"):
            figures(name, at)
    finally:
        for name, definition in DEFINITIONS.items():
            object.__setattr__(definition, "compute", originals[name])
    assert computed == ["cost", "persons_exact", "work_years"]

# ---- net present value and benefit-cost ratio per party ----------------------------------------

@settings(max_examples=150, deadline=None)
@given(timed_models())
def test_net_present_value_is_positive_exactly_where_break_even_is_reached(model: Model) -> None:
    """NPV(k employed, h years) ≥ 0 where k is at least the break-even count (exact) for h, and
    the benefit-cost ratio is at least 1 there, for every party that paid and gains."""
    analysis = analyse(model)
    for result in analysis.perspectives:
        exact = {(b.subsidy_rate, b.horizon_years): b.persons_exact.value
                 for b in result.break_even}
        for row in result.groups()["net_present_values"]:
            npv, bcr = row.net_present_value.value, row.benefit_cost_ratio.value
            needed = exact[(row.subsidy_rate, row.horizon_years)]
            if not result.has_cost:
                assert math.isnan(bcr)
                continue
            assert (npv >= 0) == (bcr >= 1 - 1e-12) or abs(npv) < 1e-6 * result.cost.value
            if math.isfinite(needed) and abs(row.persons - needed) > 1e-9 * max(needed, 1):
                assert (npv >= 0) == (row.persons > needed)


def test_net_present_value_of_liva_by_hand() -> None:
    """Society, no subsidy: 5 employed for a year bring 5 × 600 000 kr; less 2,75 mkr that is
    250 000 kr, and 3 mkr / 2,75 mkr = 1,0909… times the cost. The municipality at 80 %, 3
    employed for 5 years: 3 × 175 000 × 5 − 1,2 mkr = 1 425 000 kr."""
    result = analyse(load(LIVA).model)
    society = {(r.subsidy_rate, r.horizon_years, r.persons): r
               for r in result.perspective("society").groups()["net_present_values"]}
    assert society[(0.0, 1, 5)].net_present_value.value == pytest.approx(250_000, abs=1e-6)
    assert society[(0.0, 1, 5)].benefit_cost_ratio.value == pytest.approx(3 / 2.75, rel=1e-12)
    municipality = {(r.subsidy_rate, r.horizon_years, r.persons): r for r in
                    result.perspective("municipality").groups()["net_present_values"]}
    assert municipality[(0.8, 5, 3)].net_present_value.value == pytest.approx(1_425_000,
                                                                              abs=1e-6)


def test_check_judges_a_claim_on_a_net_present_value(tmp_path: Path) -> None:
    scenario = tmp_path / "claim.yaml"
    scenario.write_text(FIXTURES.joinpath("three_perspectives.yaml").read_text(encoding="utf-8")
                        + CLAIM, encoding="utf-8")
    run = run_cli("check", scenario, "--format", "json")
    claim = json.loads(run.stdout)["claims"][0]
    assert (claim["verdict"], claim["computed"]) == ("holds", pytest.approx(EXPECTED_NPV))


def test_sweep_and_explain_carry_the_new_figures() -> None:
    explained = json.loads(run_cli("payback", LIVA, "--format", "json", "--explain").stdout)
    row = explained["perspectives"][0]["net_present_values"][0]
    assert row["net_present_value"]["formula"] == "benefit − cost"
    assert row["benefit_cost_ratio"]["formula"] == "share(benefit, cost)"


def test_the_command_lines_metrics_are_the_registrys() -> None:
    """``app.defaults.METRICS`` is written out so that --help imports no core; it must say
    what the registry says."""
    from nyttocalc.app.defaults import COUNTING_METRICS, METRICS
    from nyttocalc.core.batch import counts_persons

    assert tuple(metrics()) == METRICS
    assert tuple(m for m in METRICS if counts_persons(m)) == COUNTING_METRICS


def test_sweep_reports_a_net_present_value_for_the_persons_given() -> None:
    """The municipality, 3 employed for 5 years: 3 × 175 000 × 5 − 1,2 mkr = 1 425 000 kr,
    whatever the monthly income (the municipality's revenue does not follow it in liva.yaml)."""
    run = run_cli("sweep", LIVA, "--vary", "inputs.monthly_income=18000,27000", "--metric",
                  "net_present_value", "--persons", "3", "--perspective", "municipality",
                  "--horizon", "5", "--format", "json")
    data = json.loads(run.stdout)
    assert (data["metric"], data["unit"], data["persons"]) == ("net_present_value", "SEK", 3)
    assert [c["values"] for c in data["cells"]] == [[1_425_000.0, 1_425_000.0]] * 2


@pytest.mark.parametrize(("args", "says"), [
    (("--metric", "net_present_value"), "give --persons N"),
    (("--persons", "3"), "--persons is for a metric that counts the employed"),
])
def test_persons_goes_with_a_metric_that_counts_them(args: tuple[str, ...], says: str) -> None:
    run = run_cli("sweep", LIVA, "--vary", "inputs.monthly_income=18000,27000", *args)
    assert run.code == 2
    assert says in run.stderr
    assert "Traceback" not in run.stderr
