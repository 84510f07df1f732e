"""`nyttocalc new`: a scenario to fill in. Untouched, `payback` lists every value still to fill
in and computes nothing; filled in, it loads and computes, and its figures are the year's
rules applied by hand."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from nyttocalc.scenario import gaps
from nyttocalc.scenario.load import load
from tests.conftest import run_cli

# What a user would write in, by input (or cohort number); the persons of each group's
# transitions in order; everything else marked is a reason.
VALUES = {"municipal_funding": 1_000_000, "volunteer_time": 200_000, "monthly_wage": 25_000,
          "wage_subsidy_ceiling_monthly": 20_000, "housing_cost": 5_000, "casework": 20_000,
          "social_assistance_norm_single_personal": 3_400,
          "social_assistance_norm_household_one": 1_200, "study_grant": 30_000,
          "education_cost": 60_000, "activity_compensation_monthly": 10_000,
          "work_tax_credit": 30_000, "participants": 10, "delay_years": 1}
PERSONS = (4, 3, 1, 1, 1)  # stayed, work, subsidised work, studies, activity compensation


def _new(tmp_path: Path, *args: str) -> Path:
    path = tmp_path / "new.yaml"
    run = run_cli("new", "-o", path, *args)
    assert run.code == 0, run.stderr
    assert run.stdout == ""
    assert path.exists()
    return path


def fill(text: str, persons: tuple[int, ...] = PERSONS) -> str:
    """The scenario with every FILL IN written in, as a user would."""
    counts = _cycle(persons)
    key = None
    lines = []
    for line in text.splitlines():
        named = re.match(r"^  ([a-z_]+):$", line)
        if named:
            key = named.group(1)
        if "value: FILL IN" in line:
            value = next(counts) if line.endswith("# persons") else VALUES[str(key)]
            line = re.sub(r"FILL IN.*", str(value), line)
        line = re.sub(r"subsidy_rate: FILL IN.*", "subsidy_rate: 0.8", line)
        line = re.sub(r'"FILL IN[^"]*"', '"Written in by the test."', line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def _cycle(values: tuple[int, ...]) -> Iterator[int]:
    while True:
        yield from values


def test_untouched_payback_lists_every_value_to_fill_in_and_computes_nothing(
        tmp_path: Path) -> None:
    path = _new(tmp_path, "--municipality", "Umeå", "--year", "2025")
    text = path.read_text(encoding="utf-8")
    marked = [number for number, line in enumerate(text.splitlines(), 1)
              if gaps.MARKER in line.split("#")[0]]
    run = run_cli("payback", path)
    assert run.code == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1  # one paragraph
    assert f"has {len(marked)} values still to fill in (marked FILL IN)" in run.stderr
    listed = [int(n) for n in re.findall(r"line (\d+), ", run.stderr)]
    assert listed == marked  # every one, in order, with its line
    assert "line 15, title;" in run.stderr
    assert "inputs.monthly_wage.value;" in run.stderr
    assert "outcomes.groups.participants.transitions.2.subsidy_rate;" in run.stderr
    assert "computed" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_figure_the_years_set_lacks_is_asked_for_with_the_reason(tmp_path: Path) -> None:
    """se-2025 has no riksnorm and no lönebidrag ceiling: the scenario asks for them, each
    with the set's reason above it; se-2019 has both, and asks for neither."""
    text = _new(tmp_path, "--municipality", "Umeå", "--year", "2025").read_text("utf-8")
    assert "# se-2025 lacks this figure: the riksnorm for 2025 was not found" in text
    assert "  social_assistance_norm_single_personal:\n    value: FILL IN" in text
    assert "  wage_subsidy_ceiling_monthly:\n    value: FILL IN" in text
    old = run_cli("new", "--municipality", "Östersund", "--year", "2019").stdout
    assert "lacks this figure" not in old
    assert "{wage_subsidy_ceiling_monthly_from_april}" in old
    assert "{work_tax_credit_phaseout_rate}" in old  # the 2019 rule had a phase-out


def test_filled_in_it_loads_and_computes_the_years_rules(tmp_path: Path) -> None:
    """Umeå 2025 at 25 000 kr a month (figures of se-2025 and Skatteverket's file, see
    test_parameter_sets): the municipality gains, per person-year from social assistance to
    work, its tax (266 400 × 22,80 % = 60 739,20), the social assistance it no longer pays
    ((3 400 + 1 200 + 5 000) × 12 = 115 200) and the casework (20 000): 195 939,20 kr. The
    region gains its tax, 266 400 × 11,35 % = 30 236,40. Society gains the production, the
    wage cost 300 000 × 1,3142 = 394 260, and the casework: 414 260. Tolerance 1e-9 relative."""
    path = _new(tmp_path, "--municipality", "Umeå", "--year", "2025")
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    run = run_cli("payback", path, "-f", "json")
    assert run.code == 0, run.stderr
    assert run.stderr == ""  # nothing unused: every input the template writes counts
    values = {p["key"]: p["values"][0]["value_per_person_year"]
              for p in json.loads(run.stdout)["perspectives"]}
    assert values["municipality"] == pytest.approx(60_739.20 + 115_200 + 20_000, rel=1e-9)
    assert values["region"] == pytest.approx(30_236.40, rel=1e-9)
    assert values["society"] == pytest.approx(394_260 + 20_000, rel=1e-9)
    assert values["insurers"] == 0
    outcomes = json.loads(run.stdout)["outcomes"]["totals"]
    assert {t["party"] for t in outcomes} >= {"society", "municipality", "social_insurance"}


@pytest.mark.parametrize("year", range(2019, 2027))
def test_every_year_gives_a_scenario_that_computes_once_filled_in(
        tmp_path: Path, year: int) -> None:
    path = _new(tmp_path, "--municipality", "Dorotea", "--year", str(year))
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    loaded = load(path)
    assert loaded.warnings == ()
    assert loaded.model.input_value("municipal_tax_rate") > 0.2


def test_states_and_groups_can_be_chosen(tmp_path: Path) -> None:
    path = _new(tmp_path, "--municipality", "0180", "--year", "2026", "--states",
                "studies,work", "--groups", "young_adults,parents")
    text = path.read_text(encoding="utf-8")
    assert "social_assistance:" not in text
    assert "subsidised_work" not in text
    assert "move: {from: studies, to: work}" in text
    path.write_text(fill(text, persons=(3, 2)), encoding="utf-8")
    loaded = load(path)
    assert loaded.scenario.ledger is not None
    assert list(loaded.scenario.ledger.states) == ["work", "studies"]
    assert loaded.scenario.outcomes is not None
    assert list(loaded.scenario.outcomes.groups) == ["young_adults", "parents"]
    assert loaded.scenario.cohort.participants.value == 10  # 2 groups × (3 + 2)


TEXTS = ("title", "label", "description", "assumption")
NAMES = {"Försäkringskassan", "Arbetsförmedlingen"}  # the same in both languages


def _texts(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every text of a scenario (title, labels, descriptions, assumptions) with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in TEXTS:
                yield (*path, key), value
            else:
                yield from _texts(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*path, index))


@pytest.mark.parametrize("args", [("--municipality", "Umeå", "--year", "2025"),
                                  ("--municipality", "Östersund", "--year", "2019", "--states",
                                   "subsidised_work,work", "--groups", "young_adults")])
def test_every_text_it_writes_is_in_english_and_swedish(args: tuple[str, ...]) -> None:
    """What nyttocalc writes is in both languages; only what the user writes is a FILL IN
    (in the scenario's `language`), and every input has a short label."""
    data = yaml.safe_load(run_cli("new", *args).stdout)
    texts = list(_texts(data))
    assert len(texts) > 80
    for path, text in texts:
        if isinstance(text, str):
            assert text.startswith(gaps.MARKER), path
            continue
        assert set(text) == {"en", "sv"}, path
        if text["sv"].startswith(gaps.MARKER):  # a group the user named: its Swedish name
            assert path[-3:-1] == ("groups", "young_adults")
            continue
        assert text["en"] != text["sv"] or text["en"] in NAMES, path
    for section in ("inputs", "cohort", "analysis"):
        for name, entry in data[section].items():
            assert isinstance(entry["label"], dict), name
    group = data["outcomes"]["groups"].get("participants")
    assert group is None or group["label"] == {"en": "The participants", "sv": "Deltagarna"}


def test_filled_in_its_swedish_report_has_the_swedish_texts(tmp_path: Path) -> None:
    """Filled in, its texts in `payback --lang sv` and in the HTML report --lang sv are the
    Swedish ones: the assumptions' reasons, and the labels and descriptions (those without
    figures or names, which the report typesets apart; an English one is looked for as a whole
    element, since the public figures' own English texts may begin alike)."""
    path = _new(tmp_path, "--municipality", "Umeå", "--year", "2025")
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    pairs = [text for _, text in _texts(data) if isinstance(text, dict)]
    english = {text["en"] for text in pairs if text["en"] != text["sv"]}
    swedish = {text["sv"] for text in pairs}
    run = run_cli("payback", path, "-f", "json", "--lang", "sv")
    assert run.code == 0, run.stderr
    answer = json.loads(run.stdout)
    reasons = {a["reason"] for a in answer["scenario"]["assumptions"]}
    assert reasons - {"Written in by the test."} <= swedish
    assert len(reasons) > 5
    report = tmp_path / "report.html"
    assert run_cli("report", path, "--lang", "sv", "-o", report).code == 0
    page = report.read_text(encoding="utf-8")
    shown = [text for where, text in _texts(data)  # of the states, it shows the move's only
             if isinstance(text, dict) and where[0] in ("inputs", "cohort", "analysis",
                                                        "outcomes")]
    plain = [(text["en"].rstrip("."), text["sv"].rstrip(".")) for text in shown
             if text["en"] in english and not re.search(r"[\d_]", text["en"] + text["sv"])]
    assert len(plain) > 40
    assert ("The participants", "Deltagarna") in plain
    for en, sv in plain:
        assert html.escape(sv) in page, sv
        assert not re.search(f">{re.escape(html.escape(en))}\\.?<", page), en


@pytest.mark.parametrize(("args", "fragment"), [
    (("--states", "work,jail"), "'jail' is not a state nyttocalc new knows; choose from: "
                                "social_assistance, work, subsidised_work, studies"),
    (("--states", "studies,social_assistance"), "give work and at least one other state"),
    (("--states", "work"), "give work and at least one other state"),
    (("--states", "work,,studies"), "give names separated by commas"),
    (("--groups", "Young Adults"), "'Young Adults': a group's name is lowercase letters"),
    (("--year", "2018"), "--year 2018: nyttocalc has the public figures of 2019–2026"),
    (("--municipality", "Umea"), "(did you mean 'Umeå'?)"),
])
def test_new_refuses_what_it_cannot_write(args: tuple[str, ...], fragment: str) -> None:
    defaults = {"--municipality": "Umeå", "--year": "2025"}
    given = dict(zip(args[::2], args[1::2], strict=True))
    run = run_cli("new", *[item for pair in {**defaults, **given}.items() for item in pair])
    assert run.code == 2
    assert run.stdout == ""
    assert fragment in run.stderr
    assert run.stderr.count("\n") == 1


def test_new_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("mine\n", encoding="utf-8")
    run = run_cli("new", "--municipality", "Umeå", "--year", "2025", "-o", path)
    assert run.code == 2
    assert "exists" in run.stderr
    assert path.read_text(encoding="utf-8") == "mine\n"
    forced = run_cli("new", "--municipality", "Umeå", "--year", "2025", "-o", path, "--force")
    assert forced.code == 0
    assert path.read_text(encoding="utf-8").startswith("# A scenario to fill in: Umeå, 2025.")
