"""Who pays and who gains: actors, the flows between them, and NyttoSAM's key figures.

Society's value of a move is its real flows; every transfer is a minus for its payer and a plus
for its receiver, so the transfers cancel and society's value is the sum of every actor's. The
figures of ``tests/fixtures/actors.yaml`` and of LivA under the actor model are worked out by
hand below.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nyttocalc.core.batch import figure
from nyttocalc.core.ledger import (
    SOCIETY,
    Flow,
    FlowKind,
    Funding,
    Ledger,
    Move,
    State,
    _cancelled,
)
from nyttocalc.core.model import Model
from nyttocalc.core.payback import analyse
from nyttocalc.core.perspective import Scaling, ValueComponent
from nyttocalc.core.registry import At
from nyttocalc.scenario.load import load
from tests.conftest import (
    ACTORS,
    AMOUNTS,
    LIVA_ACTORS,
    ROOT,
    flows_scenario,
    many_transfers,
    run_cli,
    run_process,
)
from tests.strategies import ledgers, shares

BROKEN = Path(__file__).resolve().parent / "broken_ledger"


def _model(ledger: Ledger, inputs: dict[str, float], fte: float = 1.0) -> Model:
    return Model(inputs, ledger.perspectives(), 10, fte, 0.0, (1.0,), (0.0,), 1.0, 1.0,
                 ledger=ledger)


@given(ledgers(), shares, st.floats(min_value=0.05, max_value=1))
def test_society_is_the_sum_of_every_actor_and_transfers_cancel(
        drawn: tuple[Ledger, dict[str, float]], rate: float, fte: float) -> None:
    ledger, inputs = drawn
    model = _model(ledger, inputs, fte)
    value = {p.key: float(figure(model, "value_per_person_year", At(p.key, subsidy_rate=rate)))
             for p in model.perspectives}
    scale = sum(inputs.values()) + 1.0
    actors = sum(v for key, v in value.items() if key != SOCIETY)
    assert actors == pytest.approx(value[SOCIETY], abs=1e-9 * scale)
    # the transfers alone, over every actor, are nothing
    transfers = [f for s in ledger.states.values() for f in s.flows
                 if f.kind is FlowKind.TRANSFER]
    assert all(sum(f.sign_for(a) for a in ledger.actors) == 0 for f in transfers)


@given(ledgers())
def test_the_cost_is_shared_between_the_payers_and_nobody(
        drawn: tuple[Ledger, dict[str, float]]) -> None:
    ledger, inputs = drawn
    model = _model(ledger, inputs)
    paid = {p.key: float(figure(model, "cost", At(p.key))) for p in model.perspectives}
    unpaid = sum(inputs[f.amount] for f in ledger.funding if f.paid_by is None)
    assert sum(v for k, v in paid.items() if k != SOCIETY) + unpaid == pytest.approx(
        paid[SOCIETY], rel=1e-12, abs=1e-9)


def _json(*args: str | Path) -> dict[str, Any]:
    run = run_cli("payback", *args, "-f", "json")
    assert run.code == 0, run.stderr
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def test_the_hand_computed_ledger() -> None:
    """Assistance (a benefit of 100 000 from the municipality, 20 000 of its casework) against
    work (production 400 000 × productivity, tax 120 000, a wage subsidy 300 000 × rate)."""
    out = _json(ACTORS)
    perspectives = {p["key"]: p for p in out["perspectives"]}
    assert list(perspectives) == ["society", "municipality", "individual", "employment_service"]
    value = {k: [v["value_per_person_year"] for v in p["values"]] for k, p in perspectives.items()}
    assert value == {"society": [400_000 + 20_000, 200_000 + 20_000],
                     "municipality": [120_000 + 100_000 + 20_000] * 2,
                     "individual": [400_000 - 120_000 - 100_000,
                                    200_000 + 150_000 - 120_000 - 100_000],
                     "employment_service": [0, -150_000]}
    cost = {k: p["summary"]["cost"] for k, p in perspectives.items()}
    assert cost == {"society": (1_000_000 + 500_000) * 1.2, "municipality": 1_000_000,
                    "individual": 0, "employment_service": 0}
    society = perspectives["society"]["break_even"][0]
    assert society["persons_exact"] == pytest.approx(1_800_000 / 420_000, rel=1e-15)
    assert perspectives["municipality"]["break_even"][0]["persons_exact"] == pytest.approx(
        1_000_000 / 240_000, rel=1e-15)


# Group G: 3 to work at 0 % and 7 stay; group H: 2 to work at 50 %. Per person, the effects
# (society, municipality, individual, employment service): at 0 % 420 000, 240 000, 180 000, 0;
# at 50 % 220 000, 240 000, 130 000, −150 000. Potential of assistance: the 0 % effects.
KEY_FIGURES = {
    "society": {"revenue": 3 * 420_000 + 2 * 220_000, "cost": 1_800_000,
                "potential": 12 * 420_000},
    "municipality": {"revenue": 5 * 240_000, "cost": 1_000_000, "potential": 12 * 240_000},
    "individual": {"revenue": 3 * 180_000 + 2 * 130_000, "cost": 0, "potential": 12 * 180_000},
    "employment_service": {"revenue": 2 * -150_000, "cost": 0, "potential": 0},
}


@pytest.mark.parametrize("party", KEY_FIGURES)
def test_nyttosams_key_figures_per_actor_by_hand(party: str) -> None:
    expected = KEY_FIGURES[party]
    total = next(t for t in _json(ACTORS)["outcomes"]["totals"] if t["party"] == party)
    revenue, cost, potential = expected["revenue"], expected["cost"], expected["potential"]
    assert total["revenue"] == pytest.approx(revenue, rel=1e-15)
    assert total["cost"] == pytest.approx(cost, rel=1e-15)
    assert total["net_benefit"] == pytest.approx(revenue - cost, rel=1e-15, abs=1e-9)
    assert total["potential"] == pytest.approx(potential, rel=1e-15)
    # payback time: cost / revenue, 0 with nothing to pay back and no loss, never (null) where
    # the revenue is a loss; efficiency: revenue / potential, undefined (null) without potential
    if revenue < 0:
        assert total["payback_time"] is None
    else:
        assert total["payback_time"] == pytest.approx(cost / revenue if cost else 0, rel=1e-15)
    if potential > 0:
        assert total["efficiency"] == pytest.approx(revenue / potential, rel=1e-15)
    else:
        assert total["efficiency"] is None


def test_a_loss_with_nothing_paid_never_pays_back_and_no_potential_has_no_efficiency() -> None:
    """The employment service paid nothing and loses 300 000 kr in the first year: its payback
    time is never (not 0), and with no potential (the states before cost it nothing against
    work) its efficiency is undefined (not 0 %): words in the tables, null in JSON, an empty
    cell in CSV, in both languages."""
    for lang, never, undefined in (("en", "never", "no potential"),
                                   ("sv", "aldrig", "ingen potential")):
        table = run_cli("payback", ACTORS, "--lang", lang).stdout
        last = next(line for line in table.splitlines()[::-1]
                    if line.startswith(("Employment service", "Arbetsförmedlingen")))
        assert f" {never} " in last, last
        assert last.endswith(undefined), last
    explained = " ".join(run_cli("payback", ACTORS, "--explain").stdout.split())
    assert "= SEK 0 / SEK -300,000 = never" in explained
    assert "= share(SEK -300,000, SEK 0) = n/a" in explained
    csv = run_cli("payback", ACTORS, "-f", "csv").stdout.splitlines()
    assert "employment_service,outcomes,payback_time,,,,,,years" in csv
    assert "employment_service,outcomes,efficiency,,,,,,share" in csv
    sv = run_cli("payback", ACTORS, "-f", "csv", "--lang", "sv").stdout.splitlines()
    assert "employment_service;outcomes;Återbetalningstid;;;;;;år" in sv


def test_a_loss_is_a_negative_efficiency_where_there_is_a_potential(tmp_path: Path) -> None:
    """Group H's moves to subsidised work cost the individual more than they bring it once the
    wage subsidy is a loss for it: a negative share of its potential, not 0 %."""
    text = ACTORS.read_text(encoding="utf-8").replace(
        "wage_cost, from: employment_service, to: individual",
        "wage_cost, from: individual, to: employment_service")
    path = tmp_path / "losing.yaml"
    path.write_text(text, encoding="utf-8")
    groups = {(g["group"], g["party"]): g for g in _json(path)["outcomes"]["groups"]}
    individual = groups[("h", "individual")]
    # per person at 50 %: production 200 000 − tax 120 000 − benefit 100 000 − 150 000
    assert individual["revenue"] == 2 * (200_000 - 120_000 - 100_000 - 150_000)
    assert individual["potential"] == 2 * (400_000 - 120_000 - 100_000)
    assert individual["efficiency"] == pytest.approx(-340_000 / 360_000, rel=1e-15)


def test_a_groups_efficiency_is_what_its_moves_free_of_its_potential() -> None:
    groups = {(g["group"], g["party"]): g for g in _json(ACTORS)["outcomes"]["groups"]}
    assert groups[("g", "society")]["efficiency"] == pytest.approx(0.3, rel=1e-15)
    assert groups[("h", "society")]["efficiency"] == pytest.approx(440_000 / 840_000, rel=1e-15)
    assert groups[("h", "municipality")]["efficiency"] == pytest.approx(1.0, rel=1e-15)


def test_bilaga_5s_example_of_efficiency() -> None:
    """"om kostnaden initialt är 600 000 kr och det skapas ett värde på 120 000 kr under en
    period av 12 månader efter insatsen … motsvarar det en verkningsgrad på 20 procent"
    (Bilaga 5). Before: 100 000 kr of support used, 500 000 kr of production forgone (the
    reference, work, produces it): 600 000 kr a year. After: a little work (20 000 kr of
    production) and no support: 120 000 kr created."""
    from dataclasses import replace

    from nyttocalc.core import reasoning
    from nyttocalc.core.ledger import Flow, Funding, Move, State
    from nyttocalc.core.registry import Figures
    from nyttocalc.core.transitions import Group, Outcomes, Transition

    ledger = Ledger(
        {"municipality": {"en": "Municipality"}, "individual": {"en": "Individual"}},
        {"outside": State("outside", {"en": "Outside"}, (
            Flow(FlowKind.RESOURCE, "support", by="municipality"),)),
         "work": State("work", {"en": "Work"}, (
             Flow(FlowKind.REAL, "production", to="individual"),)),
         "some_work": State("some_work", {"en": "Some work"}, (
             Flow(FlowKind.REAL, "some_production", to="individual"),))},
        (Funding("cost", "municipality"),), None, Move("outside", "work"))
    model = _model(ledger, {"support": 100_000.0, "production": 500_000.0,
                            "some_production": 20_000.0, "cost": 50_000.0})
    outcomes = Outcomes("work", (Group("one", {"en": "One"}, (
        Transition(Move("outside", "some_work"), 1.0, 0.0, "outcomes.groups.one"),)),))
    figures = Figures(reasoning.explained(replace(model, outcomes=outcomes)))
    for group in ("one", None):  # the group's, and every group's together
        at = At(SOCIETY, group=group)
        assert figures("potential", at).value == 600_000
        assert figures("revenue", at).value == 120_000
        assert figures("efficiency", at).value == pytest.approx(0.2, rel=1e-15)
        assert figures("efficiency", at).formula == "share({revenue}, {potential})"


def test_liva_under_the_actor_model_by_hand() -> None:
    """One participant from social assistance to work at 22 500 kr a month in Östersund, 2019.

    Public figures: grundavdrag at 270 000 kr = 0,77 × 46 500 − 10 % × (270 000 − 3,11 × 46 500),
    rounded up to 100 = 23 300; municipal tax 22,02 % and regional 11,20 % of 246 700; no state
    tax; jobbskatteavdrag (1,703 × 46 500 + 12,8 % × (270 000 − 3,24 × 46 500) − 23 300) ×
    33,22 % = 23 641,0; employer contributions 31,42 % of 270 000; assistance (3 090 + 990 +
    5 000) × 12 = 108 960; a wage subsidy on 19 100 × 12 × 1,3142 = 301 214,64; indirect taxes
    585 000 × 25 / 125 = 117 000."""
    out = _json(LIVA_ACTORS)
    value = {p["key"]: [v["value_per_person_year"] for v in p["values"]]
             for p in out["perspectives"]}
    municipal_tax, regional_tax = 246_700 * 0.2202, 246_700 * 0.112
    credit = (1.703 * 46_500 + 0.128 * (270_000 - 3.24 * 46_500) - 23_300) * 0.3322
    contributions, assistance = 270_000 * 0.3142, 108_960
    subsidy = 0.8 * 19_100 * 12 * 1.3142
    expected = {
        "society": [600_000, 132_000],  # the report's own 585 000 + 15 000
        "municipality": [municipal_tax + assistance] * 2,  # liva.yaml's income model
        "region": [regional_tax] * 2,
        "state": [117_000 + contributions - credit + 15_000,
                  23_400 + contributions - credit + 15_000],
        "employment_service": [0, -subsidy],
        "individual": [270_000 - municipal_tax - regional_tax + credit - assistance] * 2,
        "employer": [585_000 - 117_000 - 270_000 - contributions,
                     117_000 - 23_400 + subsidy - 270_000 - contributions],
    }
    for key, values in expected.items():
        assert value[key] == pytest.approx(values, rel=1e-12, abs=1e-6), key
    assert round(value["municipality"][0]) == 163_283
    for rate in range(2):
        assert sum(v[rate] for k, v in value.items() if k != "society") == pytest.approx(
            value["society"][rate], rel=1e-12)


def test_the_municipality_is_the_income_model_of_liva_yaml() -> None:
    liva = load(ROOT / "scenarios" / "liva.yaml").model
    actors = load(LIVA_ACTORS).model
    municipality = next(p for p in actors.perspectives if p.key == "municipality")
    assert float(figure(actors, "value_per_person_year",
                        At(municipality.key, subsidy_rate=0.0))) == pytest.approx(
        liva.input_value("municipal_revenue_from_income"), rel=1e-12)


def test_an_actor_that_paid_nothing_is_told_what_employment_brings() -> None:
    out = run_cli("payback", LIVA_ACTORS).stdout
    assert "Region: nothing to pay back; what employment brings" in out
    assert "gains from the first year of work" in out
    assert "loses by every employed person-year" in out  # Arbetsförmedlingen at 80 %
    assert "Region: how many must be employed" not in out
    sv = run_cli("payback", LIVA_ACTORS, "--lang", "sv").stdout
    assert "Regionen: inget att betala tillbaka; vad arbete ger" in sv


def test_the_swedish_key_figures_say_forelaget_in_the_singular() -> None:
    """"Föreläge" is neuter: the before-state's yearly cost is "förelägets årliga kostnad"; and
    the payback time is the key figures' own words, "kostnader / intäkter"."""
    sv = " ".join(run_cli("payback", ACTORS, "--lang", "sv").stdout.split())
    assert "Potential: förelägets årliga kostnad jämfört med arbete utan subvention." in sv
    assert "Återbetalningstid: kostnader / intäkter;" in sv
    assert "förelägenas" not in sv


def test_an_actor_that_paid_and_loses_never_pays_back(tmp_path: Path) -> None:
    text = ACTORS.read_text(encoding="utf-8").replace(
        "- {input: volunteers}", "- {input: volunteers, paid_by: employment_service}")
    path = tmp_path / "paying.yaml"
    path.write_text(text, encoding="utf-8")
    out = run_cli("payback", path).stdout
    assert ("At 50% subsidy it never pays back: it loses SEK\u00a0150,000 per employed "
            "person-year.") in out
    rows = _json(path)["perspectives"][3]["break_even"]
    assert [r["persons_exact"] for r in rows if r["subsidy_rate"] == 0.5] == [None, None]


@pytest.mark.parametrize(("file", "where", "words"), [
    ("unknown_actor.yaml", "ledger.states.work.flows.1.to", "'town' is not an actor"),
    ("transfer_to_itself.yaml", "ledger.states.work.flows.1", "goes from municipality to itself"),
    ("unknown_state.yaml", "ledger.move.to", "'job' is not a state"),
    ("flow_wrong_unit.yaml", "ledger.states.work.flows.0.real", "has unit SEK"),
    ("flow_kind_missing.yaml", "ledger.states.work.flows.0", "a flow is one of"),
    ("society_as_actor.yaml", "ledger.actors.society", "society's perspective"),
    ("perspective_clash.yaml", "perspectives.municipality", "also a perspective the ledger"),
    ("outcomes_without_ledger.yaml", "outcomes", "needs a `ledger`"),
    ("unknown_paid_by.yaml", "ledger.funding.0.paid_by", "'city' is not an actor"),
    ("formula_circle.yaml", "inputs.a.formula", "refers back to itself"),
    # the keys of the flow kind written, as a file writes them (`from`, never `from_`)
    ("transfer_key_typo.yaml", "ledger.states.work.flows.1.scale_with:",
     "expected one of: description, from, scales_with, to, transfer."),
    ("transfer_without_to.yaml", "ledger.states.work.flows.1.to:", "the key 'to' is missing"),
    ("transition_key_typo.yaml", "outcomes.groups.h.transitions.0.subsidy:",
     "expected one of: from, persons, subsidy_rate, to."),
    ("uses_missing.yaml", "uses_missing.yaml, line 6, uses.0",
     "no such parameter file (that is "),
    ("transition_twice.yaml", "line 55, outcomes.groups.g.transitions.2:",
     "the move assistance → work is transition 0 of this group too"),
    # a group's transitions add up to its participants, and the cohort's groups to the cohort
    ("group_participants_mismatch.yaml", "line 58, outcomes.groups.h.participants:",
     "the transitions add up to 2 persons, not outcomes.groups.h.participants = 3"),
    ("cohort_groups_mismatch.yaml", "line 49, outcomes.cohort_groups:",
     "the transitions add up to 3 + 7 + 2 = 12 persons, not cohort.participants = 10"),
    ("cohort_groups_unknown.yaml", "line 49, outcomes.cohort_groups.1:",
     "'i' is not a group of outcomes; its groups: g, h"),
    # a claim names a key figure of all groups, or of one group that exists, and no row
    ("claim_unknown_group.yaml", "line 68, claims.0.figure.group:",
     "'i' is not a group of outcomes; its groups: g, h"),
    ("claim_total_figure_of_a_group.yaml", "line 68, claims.0.figure.figure:",
     "a group's key figures are revenue, potential, efficiency; payback_time is of all groups"),
    ("claim_key_figure_with_a_rate.yaml", "line 68, claims.0.figure:",
     "a key figure is picked by its perspective (and group) only; this gives subsidy_rate"),
])
def test_a_broken_ledger_is_one_paragraph(file: str, where: str, words: str) -> None:
    run = run_cli("payback", BROKEN / file)
    assert run.code == 2
    assert where in run.stderr
    assert words in run.stderr
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def _with_employment(tmp_path: Path, probability: float) -> Path:
    """The fixture with a simulation section: each participant works with ``probability``."""
    path = tmp_path / f"simulated-{probability}.yaml"
    path.write_text(ACTORS.read_text(encoding="utf-8") + (
        "simulation:\n  employment_probability: {distribution: fixed, value: "
        f"{probability}, assumption: A test.}}\n"), encoding="utf-8")
    return path


@pytest.mark.parametrize("probability", [0.0, 1.0])
def test_simulate_pays_back_where_the_net_value_is_not_negative(tmp_path: Path,
                                                                 probability: float) -> None:
    """A draw pays back where its net value is at least 0 (README). The employment service paid
    nothing and loses 150 000 kr per person-year at 50 %: with all ten employed it loses in
    every draw, so its chance of paying back is 0, not 100 % (as it was: 0 persons needed ≤
    10 employed); with nobody employed it loses nothing and pays back. The individual, who paid
    nothing and gains, pays back in every draw; at 0 % the employment service neither gains nor
    loses."""
    run = run_cli("simulate", _with_employment(tmp_path, probability), "--draws", "200",
                  "-f", "json")
    assert run.code == 0, run.stderr
    cells = json.loads(run.stdout)["cells"]
    for cell in cells:
        pays = cell["net_value_percentiles"][0] >= 0  # the draws are all alike
        assert cell["probability"] == (1.0 if pays else 0.0), cell
    chance = {(c["perspective"], c["subsidy_rate"]): c["probability"] for c in cells}
    assert chance[("employment_service", 0.5)] == (0.0 if probability else 1.0)
    assert chance[("individual", 0.5)] == chance[("employment_service", 0.0)] == 1.0
    years = {(y["perspective"], y["subsidy_rate"]): y for y in
             json.loads(run.stdout)["payback_years"]}
    assert years[("employment_service", 0.5)]["never"] == probability


def test_a_party_that_paid_nothing_and_loses_is_never_paid_back_in_json() -> None:
    """JSON says what payback's tables say: a party that paid nothing and loses by every
    employed person-year needs no count of persons (null, never "0 persons"), and each of
    its values says what employment means to it."""
    out = {p["key"]: p for p in _json(ACTORS)["perspectives"]}
    service, individual = out["employment_service"], out["individual"]
    assert [v["outlook"] for v in service["values"]] == ["nothing", "loses"]
    assert [v["outlook"] for v in individual["values"]] == ["gains_from_start"] * 2
    assert [v["outlook"] for v in out["society"]["values"]] == ["pays_back"] * 2
    losing = [b for b in service["break_even"] if b["subsidy_rate"] == 0.5]
    for key in ("persons_exact", "persons_whole", "persons_half_steps", "payback_year",
                "employment_rate"):
        assert {b[key] for b in losing} == {None}, key
    assert {r["years_of_work"] for r in service["payback_by_persons"]
            if r["subsidy_rate"] == 0.5} == {None}
    assert {b["persons_whole"] for b in individual["break_even"]} == {0}


def test_a_file_without_a_ledger_says_no_outlook() -> None:
    liva = json.loads(run_cli("payback", ROOT / "scenarios" / "liva.yaml", "-f", "json").stdout)
    assert all("outlook" not in v for p in liva["perspectives"] for v in p["values"])


def test_sweep_marks_a_party_that_paid_nothing_as_payback_does() -> None:
    """A sweep's break-even figures for a party that paid nothing are marked, and a note says
    what they mean; a loss is never, never 0."""
    run = run_cli("sweep", ACTORS, "--vary", "inputs.tax=100000,120000", "--perspective",
                  "employment_service", "--perspective", "individual", "--horizon", "1")
    assert run.code == 0, run.stderr
    text = " ".join(run.stdout.split())
    assert "SEK 100,000 0° never° SEK 120,000 0° never°" in text  # the service: 0 %, 50 %
    assert ("° Employment service paid nothing here: nothing to pay back. A number means it "
            "gains from the first year of work (or neither gains nor loses); “never” that it "
            "loses by every employed person-year.") in text
    assert "° Individual paid nothing here" in text
    society = run_cli("sweep", ACTORS, "--vary", "inputs.tax=100000,120000", "--perspective",
                      "society").stdout
    assert "°" not in society
    values = run_cli("sweep", ACTORS, "--vary", "inputs.tax=100000,120000", "--metric",
                     "value_per_person_year").stdout
    assert "°" not in values
    data = json.loads(run_cli("sweep", ACTORS, "--vary", "inputs.tax=100000,120000",
                              "--perspective", "employment_service", "-f", "json").stdout)
    assert [c["values"] for c in data["cells"] if c["subsidy_rate"] == 0.5] == [
        [None, None], [None, None]]


def test_explain_gives_each_move_its_own_symbol_and_a_lone_number_once(tmp_path: Path) -> None:
    """Group H moves some to work without a subsidy and some at 50 %: two moves between the
    same states, each with its own symbols (the rate is part of the name), never one symbol
    for two numbers. A cost of one item is that number, said once (not "SEK 1m = SEK 1m")."""
    text = ACTORS.read_text(encoding="utf-8").replace(
        "        - {from: assistance, to: work, subsidy_rate: 0.5,",
        "        - {from: assistance, to: work, persons: {value: 1, unit: persons, description: "
        "To work., assumption: By hand.}}\n"
        "        - {from: assistance, to: work, subsidy_rate: 0.5,").replace(
        "participants: {value: 2,", "participants: {value: 3,")
    path = tmp_path / "both-rates.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_cli("payback", path, "--explain", "-f", "markdown")
    assert run.code == 0, run.stderr
    assert ("persons_assistance_to_work × effect_assistance_to_work + "
            "persons_assistance_to_work_subsidy_50 × effect_assistance_to_work_subsidy_50"
            ) in run.stdout.replace("\\_", "_")
    assert "1 × SEK\u00a0420,000 + 2 × SEK\u00a0220,000 = SEK\u00a0860,000" in run.stdout
    lines = run_cli("payback", ACTORS, "--explain").stdout.splitlines()
    cost = lines.index("Cost (Municipality)")
    assert lines[cost + 1:cost + 3] == ["    = cash", "    = SEK\u00a01m"]
    for line in lines:
        *_, before, after = ["", *line.split(" = ")]
        assert not (before.strip() and before.strip() == after.strip()), line


def test_a_set_that_breaks_the_cohorts_count_is_named() -> None:
    run = run_cli("payback", LIVA_ACTORS, "--set", "cohort.participants=15")
    assert run.code == 2
    assert ("--set cohort.participants=15 (at outcomes.cohort_groups): the transitions add up "
            "to 14 persons, not cohort.participants = 15") in run.stderr


def test_counts_are_optional_and_need_not_be_whole(tmp_path: Path) -> None:
    """A file without group sizes or cohort groups loads as before; an expected count (4.5 of
    a group, a share applied) is a number of persons like any other, and adds up with the
    rest."""
    text = ACTORS.read_text(encoding="utf-8")
    plain = text.replace("  cohort_groups: [g]\n", "").replace(
        "      participants: {value: 2, unit: persons, description: Group H., "
        "assumption: By hand.}\n", "")
    assert "cohort_groups" not in plain
    assert "participants: {value: 2" not in plain
    halves = text.replace("{value: 3, unit: persons, description: To work.",
                          "{value: 2.5, unit: persons, description: To work.").replace(
        "{value: 7, unit: persons, description: Stayed.",
        "{value: 7.5, unit: persons, description: Stayed.")
    for name, body in (("plain.yaml", plain), ("halves.yaml", halves)):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        run = run_cli("payback", path, "-f", "json")
        assert run.code == 0, run.stderr
    assert _json(tmp_path / "plain.yaml")["outcomes"] == _json(ACTORS)["outcomes"]


KEY_FIGURE_CLAIMS = """claims:
  - id: society-pays-back-in-a-year
    where: {document: by-hand, section: Key figures, quote: "cirka ett år"}
    printed: "cirka 1,06 år"
    published: 1.06
    precision: 0.01
    qualifier: cirka
    figure: {perspective: society, figure: payback_time}
  - id: group-g-frees-30-percent
    where: {document: by-hand, section: Key figures, quote: "30 procent"}
    printed: "30 procent"
    published: 0.3
    precision: 0.01
    figure: {perspective: society, figure: efficiency, group: g}
  - id: revenue-of-both-groups
    where: {document: by-hand, section: Key figures, quote: "1,7 mkr"}
    printed: "1,7 mkr"
    published: 1700000
    precision: 100000
    formula: "{g} + {h}"
    unit: SEK
    terms:
      g: {figure: {perspective: society, figure: revenue, group: g}}
      h: {figure: {perspective: society, figure: revenue, group: h}}
  - id: the-service-frees-nothing
    where: {document: by-hand, section: Key figures, quote: "0 procent"}
    printed: "0 procent"
    published: 0
    precision: 0.01
    figure: {perspective: employment_service, figure: efficiency}
"""


def test_a_claim_names_a_key_figure(tmp_path: Path) -> None:
    """check verifies NyttoSAM's key figures as it does the break-even figures: of all groups
    (payback time 1 800 000 / 1 700 000), of one group (G frees 1 260 000 of 4 200 000), or as a
    term of the report's arithmetic; an efficiency without potential is undefined, not 0 %."""
    path = tmp_path / "claims.yaml"
    path.write_text(ACTORS.read_text(encoding="utf-8").replace(
        "sources: {}", "sources:\n  by-hand: {title: By hand}") + KEY_FIGURE_CLAIMS,
        encoding="utf-8")
    run = run_cli("check", path, "-f", "json")
    assert run.code == 1, run.stderr
    claims = {c["id"]: c for c in json.loads(run.stdout)["claims"]}
    payback = claims["society-pays-back-in-a-year"]
    assert payback["computed"] == pytest.approx(1_800_000 / 1_700_000, rel=1e-15)
    assert payback["verdict"] == "rounding"
    assert payback["formula"] == "cost / revenue"
    assert claims["group-g-frees-30-percent"]["verdict"] == "holds"
    assert claims["revenue-of-both-groups"]["computed"] == 1_700_000
    undefined = claims["the-service-frees-nothing"]
    assert undefined["computed"] is None
    assert undefined["verdict"] == "does-not-follow"
    assert [r["kind"] for r in undefined["reasons"]] == ["undefined"]
    table = run_cli("check", path, "-f", "markdown").stdout
    assert "it is undefined: there is no potential to be a share of" in table
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "claims.xlsx"
    assert run_cli("export", path, "-o", book).code == 0  # share( ) has a spreadsheet formula
    formulas = [c.value for row in openpyxl.load_workbook(book)["Claims"].iter_rows()
                for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert any(">0," in f and "NA()" in f for f in formulas)


# Thousands of transfers in one state (issue 26): computed as by hand, from a file as large as
# the reader takes and in the core beyond it.

def _transfers_by_hand(party: str, after: list[tuple[int, str, str]],
                       before: list[tuple[int, str, str]]) -> int:
    """What the transfers of a move bring a party: each it receives after less each it pays
    after, and the other way round before."""
    signed = 0
    for transfers, side in ((after, 1), (before, -1)):
        for i, payer, receiver in transfers:
            signed += side * AMOUNTS[i] * ((receiver == party) - (payer == party))
    return signed


def _values(path: Path) -> dict[str, list[float]]:
    run = run_process("payback", path, "-f", "json")
    assert run.code == 0, run.stderr
    perspectives = json.loads(run.stdout)["perspectives"]
    return {p["key"]: [v["value_per_person_year"] for v in p["values"]] for p in perspectives}


def test_the_most_transfers_a_file_may_hold_in_one_state_compute_as_by_hand(
        tmp_path: Path) -> None:
    """2 700 transfers in work and 100 in assistance (the reader stops a file at 20 000 values,
    about 2 800 flows): each party's value is its transfers summed by hand, exactly (whole
    kronor), and --explain, the report and the sweep run too."""
    after, before = many_transfers(2700, 7), many_transfers(100, 3)
    path = tmp_path / "many.yaml"
    path.write_text(flows_scenario(after, before), encoding="utf-8")
    values = _values(path)
    # production: the individual's in work, the municipality's in assistance
    for party, production in (("individual", 400_000), ("municipality", -400_000)):
        assert values[party] == [production + _transfers_by_hand(party, after, before)] * 2
    assert values[SOCIETY] == [0.0, 0.0]  # production moves from one actor to the other
    explained = run_process("payback", path, "--explain")
    assert explained.code == 0, explained.stderr
    assert "Traceback" not in explained.stderr
    page = tmp_path / "many.html"
    report = run_process("report", path, "-o", page)
    assert report.code == 0, report.stderr
    swept = run_process("sweep", path, "--vary", "inputs.t1=0:2000:1000", "-f", "json")
    assert swept.code == 0, swept.stderr


def test_five_thousand_transfers_in_one_state_compute_in_the_core() -> None:
    """5 000 transfers in one state, and 20 000: the value of every party is its transfers
    summed by hand (left to right, as the formula reads), explained, and the explanation
    recomputes to it."""
    for count in (5000, 20_000):
        after = many_transfers(count, 7)
        flows = tuple(Flow(FlowKind.TRANSFER, f"t{i}", to=b, by=a) for i, a, b in after)
        ledger = Ledger(
            {"municipality": {"en": "M"}, "individual": {"en": "I"}},
            {"assistance": State("assistance", {"en": "A"}, ()),
             "work": State("work", {"en": "W"},
                           (Flow(FlowKind.REAL, "production", to="individual"), *flows))},
            (Funding("cash", "municipality"),), None, Move("assistance", "work"))
        inputs = {"cash": 1e6, "production": 4e5} | {f"t{i}": float(a)
                                                     for i, a in enumerate(AMOUNTS)}
        model = Model(inputs, ledger.perspectives(), 10, 1.0, 0.0, (1.0,), (0.0,), 10.0, 5.0,
                      ledger=ledger)
        analysis = analyse(model)
        for perspective in analysis.perspectives:
            if perspective.perspective.key == SOCIETY:
                continue
            figure = perspective.value_at(0.0)
            party = perspective.perspective.key
            production = 400_000 if party == "individual" else 0
            assert figure.value == production + _transfers_by_hand(party, after, [])
            assert figure.recompute() == figure.value
            assert figure.recompute({"t3": 0.0}) == figure.with_term("t3", 0.0).value


def _old_cancelled(components: list[ValueComponent]) -> tuple[ValueComponent, ...]:
    """How pairs that cancel were left out before it was counted: the reference."""
    left = list(components)
    for component in components:
        twin = ValueComponent(component.input, component.scales_with, -component.sign)
        if component in left and twin in left:
            left.remove(component)
            left.remove(twin)
    return tuple(left)


@given(st.lists(st.builds(ValueComponent, st.sampled_from("abc"),
                          st.frozensets(st.sampled_from(list(Scaling)), max_size=1),
                          st.sampled_from([-1, 1])), max_size=30))
def test_cancelling_flows_by_counting_leaves_what_searching_did(
        components: list[ValueComponent]) -> None:
    assert _cancelled(components) == _old_cancelled(components)
