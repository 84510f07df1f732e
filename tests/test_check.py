"""nyttocalc check: verdicts pinned per claim, the tolerance rules, reasons, formats, errors."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nyttocalc.core.claims import RULES, Qualifier, Verdict, judge
from nyttocalc.core.figures import Figure, Term, Unit
from nyttocalc.scenario.load import load
from nyttocalc.scenario.printed import consistency_problems, read
from tests.conftest import FIXTURES, LIVA, ROOT, run_cli

SCENARIOS = ROOT / "scenarios"
EXPECTED = Path(__file__).resolve().parent / "expected"
SEEDS = ROOT.parent / "shared" / "seeds"
LIVA_2019 = SCENARIOS / "liva-2019-2020.yaml"


def pinned(name: str) -> dict[str, str]:
    lines = (EXPECTED / f"{name}.verdicts").read_text(encoding="utf-8").splitlines()
    return dict(line.split() for line in lines if line and not line.startswith("#"))


def check_json(path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    run = run_cli("check", path, "--format", "json", *args)
    assert run.code in (0, 1), run.stderr
    return run.code, json.loads(run.stdout)


# ---- the pinned verdicts ---------------------------------------------------------------------

@pytest.mark.parametrize(("scenario", "exit_code"), [("liva", 1), ("liva-2019-2020", 0),
                                                    ("liva-actors", 1)])
def test_every_claim_has_its_pinned_verdict(scenario: str, exit_code: int) -> None:
    """tests/expected/*.verdicts pins each claim's verdict, so that any change to the set of
    claims that do not follow is deliberate (and reviewed in the diff of that file)."""
    code, data = check_json(SCENARIOS / f"{scenario}.yaml")
    computed = {c["id"]: c["verdict"] for c in data["claims"]}
    assert computed == pinned(scenario)
    assert code == exit_code


def test_liva_summary_counts() -> None:
    """The two figures the report computes from rounded intermediates (66 000 kr, 17 %) hold
    given the rounding of the inputs it prints (1,2 mkr; see tests/test_audits.py)."""
    _, data = check_json(LIVA)
    assert data["summary"] == {"claims": 63, "holds": 39, "rounding": 8, "input-rounding": 2,
                               "rounding-chain": 0, "does-not-follow": 14, "quotes_missing": 0}


def test_json_claims_carry_the_documented_keys() -> None:
    _, data = check_json(LIVA)
    for claim in data["claims"]:
        assert {"id", "published", "computed", "computed_low", "computed_high", "verdict",
                "misses_by", "where", "printed", "qualifier", "precision", "rule", "formula",
                "arithmetic", "reasons", "chain"} <= set(claim)
        assert claim["verdict"] in ("holds", "rounding", "input-rounding", "rounding-chain",
                                    "does-not-follow")
        assert (claim["chain"] is not None) == (claim["verdict"] == "rounding-chain")
        assert (claim["misses_by"] is not None) == (claim["verdict"] == "does-not-follow")
        assert math.isfinite(claim["computed"])
        assert claim["computed_low"] <= claim["computed"] <= claim["computed_high"]


# ---- what the tool says of the claims that do not follow ------------------------------------

def plain(text: str) -> str:
    """Output with its no-break spaces as plain ones, to compare with text written here."""
    return text.replace("\u00a0", " ")


def claim(data: dict[str, Any], claim_id: str) -> dict[str, Any]:
    return next(c for c in data["claims"] if c["id"] == claim_id)


@pytest.fixture(scope="module")
def liva_check() -> dict[str, Any]:
    return check_json(LIVA)[1]


# The report's inputs taken as exact: a --set drops a number's printed rounding, so the two
# figures that otherwise hold given the rounding of the inputs show the report's rounding chains.
EXACT_INPUTS = ("--set", "inputs.municipal_funding=1200000",
                "--set", "inputs.volunteer_time=1000000")


@pytest.fixture(scope="module")
def liva_exact() -> dict[str, Any]:
    return check_json(LIVA, *EXACT_INPUTS)[1]


def test_the_write_off_fits_the_footnotes_cost_of_4_1_mkr(liva_check: dict[str, Any]) -> None:
    """410 000 kr a year is 4,1 mkr over ten years: the cost footnote ² names."""
    reason = claim(liva_check, "ten-year-write-off-410-000")["reasons"][0]
    assert reason["kind"] == "fits_cost"
    assert reason["low"] == pytest.approx(4_050_000, rel=1e-6)
    assert reason["high"] == pytest.approx(4_150_000, rel=1e-6)


def test_twelve_persons_fit_a_cost_of_about_two_million(liva_check: dict[str, Any]) -> None:
    reason = claim(liva_check, "municipality-one-year-twelve-participants")["reasons"][0]
    assert (reason["low"], reason["high"]) == pytest.approx((11 * 175_000, 12 * 175_000))


def test_17_percent_follows_from_the_printed_29_000(liva_exact: dict[str, Any]) -> None:
    """The report: "cirka 29 000 kr per deltagare. 29 000 kr utgör 17 procent (av 175 000 kr)".
    Unrounded 28 571 / 175 000 = 16,3 % (does not read 17 %); the printed 29 000 / 175 000 =
    16,57 %, which reads 17 % at the printed precision of one percent."""
    seventeen = claim(liva_exact, "municipality-17-percent")
    assert seventeen["verdict"] == "rounding-chain"
    assert seventeen["reasons"] == []
    chain = seventeen["chain"]
    assert chain["claim"] == "municipality-about-29-000-per-participant"
    assert chain["symbol"] == "required_value_per_participant_year"
    assert chain["value"] == pytest.approx(400_000 / 14, rel=1e-12)
    assert chain["printed"] == 29_000
    assert chain["computed"] == pytest.approx(29_000 / 175_000, rel=1e-12)
    assert plain(chain["arithmetic"]) == "SEK 29,000 / SEK 175,000 = 16.6%"
    assert plain(seventeen["explanation"]) == (
        "follows from the report's own rounding: required_value_per_participant_year about "
        "SEK 29,000, as printed in municipality-about-29-000-per-participant (Lönsamhet, "
        "medellång sikt › Kommunen): SEK 29,000 / SEK 175,000 = 16.6% → 17%")


def test_66_000_follows_from_the_printed_0_92_mkr(liva_exact: dict[str, Any]) -> None:
    """"Tillsammans ska de "arbeta ihop" 0,92 mkr årligen under tre år vilket motsvarar cirka
    66 000 kr per deltagare": 920 000 / 14 = 65 714 reads cirka 66 000 (precision 1 000);
    unrounded 916 667 / 14 = 65 476 does not. The chain names the sentence just before."""
    chain = claim(liva_exact, "society-about-66-000-per-participant")["chain"]
    assert (chain["claim"], chain["symbol"]) == ("society-0-92-mkr-yearly-over-three-years",
                                                 "required_value_per_year")
    assert chain["printed"] == 920_000
    assert chain["computed"] == pytest.approx(920_000 / 14, rel=1e-12)
    assert plain(chain["arithmetic"]) == "SEK 920,000 / 14 = SEK 65,714"


@pytest.mark.parametrize("claim_id", ["society-three-years-one-full-one-half",
                                      "summary-one-and-a-half-participants",
                                      "analysis-one-and-a-half-participants"])
def test_a_rounding_that_lowers_a_count_stays_an_error(liva_check: dict[str, Any],
                                                       claim_id: str) -> None:
    """"1,5 deltagare, en heltid och en halvtid": the report prints persons 1,53 as "drygt
    1,5", and ceil(1,5 × 2) / 2 = 1,5; but 1,5 persons do not pay back 2,75 mkr in three years
    (1,5 × 3 × 600 000 = 2,7 mkr): the rounding lowers the half-time steps needed from 2 to
    1,5, so the claim does not follow, and the reason says why."""
    result = claim(liva_check, claim_id)
    assert result["verdict"] == "does-not-follow"
    assert result["chain"] is None
    lowering = result["reasons"][0]
    assert lowering["kind"] == "lowers_count"
    assert lowering["claim"] == "society-three-years-just-over-1-5"
    assert (lowering["symbol"], lowering["rounded"]) == ("persons", 1.5)
    assert (lowering["count"], lowering["needed"]) == (1.5, 2)
    assert "rounded_first" not in [r["kind"] for r in result["reasons"]]  # said once
    assert "fewer than suffice" in result["explanation"]


def test_strict_fails_on_a_rounding_chain(tmp_path: Path) -> None:
    """Without --strict a rounding chain passes; with it, it fails (exit 1). A LivA with only
    the claims that hold and the two chains shows both."""
    verdicts = pinned("liva")
    head, claims_text = LIVA.read_text("utf-8").split("\nclaims:\n")
    # its inputs as exact (without their printed text): the two figures are rounding chains
    head = re.sub(r"\n    printed: [^\n]*", "", head)
    claims_text, tail = claims_text.split("\n# Uncertainty")
    blocks = ("\n" + claims_text).split("\n  - id: ")
    kept = [b for b in blocks[1:] if verdicts[b.split()[0]] != "does-not-follow"]
    scenario = tmp_path / "chains.yaml"
    scenario.write_text(head + "\nclaims:\n" + blocks[0] + "".join("\n  - id: " + b
                                                                   for b in kept)
                        + "\n# Uncertainty" + tail, encoding="utf-8")
    assert run_cli("check", scenario).code == 0
    strict = run_cli("check", scenario, "--strict")
    assert strict.code == 1
    assert "2 follow from the report's rounding, 0 do not follow." in strict.stdout


def test_a_figure_with_another_term_is_recomputed_on_the_way() -> None:
    """with_term gives the same value as recompute, with every figure on the way redone, and
    rounded_up traces each ceil: 2,75 mkr / (3 × 600 000) = 1,53 → ceil(3,06) = 4 half steps;
    with persons 1,5 → ceil(3) = 3."""
    persons = Figure(2.75e6 / 1.8e6, Unit.PERSONS, "{cost} / ({horizon} × {value})", {
        "cost": Term("cost", 2.75e6, Unit.SEK), "horizon": Term("horizon", 3, Unit.YEARS),
        "value": Term("value", 6e5, Unit.SEK_PER_PERSON_YEAR)})
    steps = Figure(2.0, Unit.PERSONS, "ceil({persons} × 2) / 2",
                   {"persons": Term("persons", persons.value, Unit.PERSONS, persons)})
    assert steps.with_term("cost", 2.7e6).value == steps.recompute({"cost": 2.7e6}) == 1.5
    assert steps.with_term("cost", 2.7e6).terms["persons"].value == 1.5
    assert steps.with_term("persons", 1.5).value == 1.5
    assert steps.rounded_up() == [4.0]
    assert steps.with_term("persons", 1.5).rounded_up("persons") == [3.0]
    assert steps.with_term("cost", 3e6).rounded_up() == [4.0]


def test_csv_carries_the_chain() -> None:
    rows = list(csv.DictReader(io.StringIO(run_cli("check", LIVA, "--format", "csv",
                                                   *EXACT_INPUTS).stdout)))
    assert list(rows[0])[-7:] == ["chain_claim", "chain_printed", "chain_computed", "quote",
                                  "computed_low", "computed_high", "misses_by"]
    row = next(r for r in rows if r["id"] == "municipality-17-percent")
    assert row["verdict"] == "rounding-chain"
    assert row["chain_claim"] == "municipality-about-29-000-per-participant"
    assert row["chain_printed"] == "29000"
    assert float(row["chain_computed"]) == pytest.approx(29_000 / 175_000, rel=1e-12)


def test_the_summarys_two_subsidised_would_need_a_smaller_cost(
        liva_check: dict[str, Any]) -> None:
    reason = claim(liva_check, "summary-mix-two-subsidised")["reasons"][0]
    # u=1 unsubsidised (3 × 600 000) + 2 subsidised (2 × 3 × 132 000) = 2.592 mkr at most
    assert reason["high"] == pytest.approx(3 * 600_000 + 2 * 3 * 132_000, rel=1e-6)


def test_does_not_follow_says_so_with_the_arithmetic(liva_check: dict[str, Any]) -> None:
    twelve = claim(liva_check, "municipality-one-year-twelve-participants")
    assert twelve["arithmetic"] == "ceil(6.86) = 7"
    assert twelve["explanation"].startswith("does not follow: 7, not 12")
    table = run_cli("check", LIVA, "--lang", "sv").stdout
    assert "följer inte: 7, inte 12" in table
    assert ("63 påståenden: 39 stämmer, 8 stämmer inom avrundning, 2 stämmer givet "
            "avrundningen av indata, 0 följer av rapportens avrundning, 14 följer inte.") in table


# ---- the tolerance rules: one place, each tested -------------------------------------------

@pytest.mark.parametrize(("qualifier", "computed", "published", "precision", "verdict"), [
    (Qualifier.EXACT, 2_750_000, 2_750_000, 10_000, Verdict.HOLDS),
    (Qualifier.EXACT, 916_667, 920_000, 10_000, Verdict.ROUNDING),
    (Qualifier.EXACT, 915_000, 920_000, 10_000, Verdict.ROUNDING),  # q/2 is inside
    (Qualifier.EXACT, 914_999, 920_000, 10_000, Verdict.DOES_NOT_FOLLOW),
    (Qualifier.CIRKA, 132_000, 130_000, 10_000, Verdict.ROUNDING),
    (Qualifier.CIRKA, 65_476, 66_000, 1_000, Verdict.DOES_NOT_FOLLOW),
    (Qualifier.DRYGT, 1.528, 1.5, 0.1, Verdict.ROUNDING),
    (Qualifier.DRYGT, 1.5, 1.5, 0.1, Verdict.DOES_NOT_FOLLOW),  # not over
    (Qualifier.DRYGT, 1.6, 1.5, 0.1, Verdict.DOES_NOT_FOLLOW),  # not just over
    (Qualifier.NASTAN, 8.73, 9, 1, Verdict.ROUNDING),
    (Qualifier.NASTAN, 9, 9, 1, Verdict.DOES_NOT_FOLLOW),
    (Qualifier.NASTAN, 7.9, 9, 1, Verdict.DOES_NOT_FOLLOW),
    (Qualifier.KNAPPT, 1.95, 2, 0.1, Verdict.ROUNDING),
    (Qualifier.MINST, 3, 3, 1, Verdict.HOLDS),
    (Qualifier.MINST, 2.99, 3, 1, Verdict.DOES_NOT_FOLLOW),
    (Qualifier.HOGST, 2.99, 3, 1, Verdict.HOLDS),
    (Qualifier.HOGST, 3.01, 3, 1, Verdict.DOES_NOT_FOLLOW),
    (Qualifier.EXACT, math.inf, 5, 1, Verdict.DOES_NOT_FOLLOW),
])
def test_tolerance_rules(qualifier: Qualifier, computed: float, published: float,
                         precision: float, verdict: Verdict) -> None:
    assert judge(qualifier, computed, published, precision) is verdict


def test_every_qualifier_has_its_rule_in_the_docs() -> None:
    """The method's table of tolerance rules (docs/method/claims.md) says each rule as the code
    has it."""
    page = (ROOT / "docs" / "method" / "claims.md").read_text(encoding="utf-8")
    for qualifier, rule in RULES.items():
        assert f"| {qualifier.value} | {rule.meaning} |" in page, qualifier


@given(st.floats(min_value=-1e9, max_value=1e9), st.sampled_from([1, 10, 1000, 10_000, 0.01]))
def test_a_figure_rounded_to_its_precision_always_reads_as_printed(computed: float,
                                                                   precision: float) -> None:
    published = round(computed / precision) * precision
    assert judge(Qualifier.EXACT, computed, published, precision) is not Verdict.DOES_NOT_FOLLOW
    assert judge(Qualifier.CIRKA, computed, published + 2 * precision,
                 precision) is Verdict.DOES_NOT_FOLLOW


# ---- transcription: printed text, quotes, figure names -------------------------------------

@pytest.mark.parametrize(("printed", "value", "finest", "coarsest", "qualifier"), [
    ("2,75 mkr", 2_750_000, 10_000, 10_000, "exact"),
    ("cirka 0,92 mkr", 920_000, 10_000, 10_000, "cirka"),
    ("ca 585 000 kr", 585_000, 1, 1_000, "cirka"),
    ("drygt 1,5 deltagare", 1.5, 0.1, 0.1, "drygt"),
    ("fem deltagare", 5, 1, 1, "exact"),
    ("nästan nio ggr", 9, 1, 1, "nästan"),
    ("11 procent", 0.11, 0.01, 0.01, "exact"),
    ("17 %", 0.17, 0.01, 0.01, "exact"),
])
def test_printed_figures_are_read_as_a_swede_reads_them(printed: str, value: float,
                                                        finest: float, coarsest: float,
                                                        qualifier: str) -> None:
    reading = read(printed)
    assert reading.value == pytest.approx(value)
    assert (reading.finest_precision, reading.coarsest_precision) == pytest.approx(
        (finest, coarsest))
    assert reading.qualifier == qualifier


def test_transcription_slips_are_caught() -> None:
    assert consistency_problems("2,75 mkr", 2_750_000, 10_000, "exact") == []
    assert "reads 2.75e+06" in consistency_problems("2,75 mkr", 2_700_000, 10_000, "exact")[0]
    assert "qualified 'cirka'" in consistency_problems("cirka 2,75 mkr", 2_750_000, 10_000,
                                                       "exact")[0]
    assert "precision" in consistency_problems("2,75 mkr", 2_750_000, 1_000, "exact")[0]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents (../shared/seeds) are "
                                               "not beside this checkout")
@pytest.mark.parametrize("scenario", ["liva", "liva-2019-2020", "liva-actors"])
def test_every_quote_stands_verbatim_in_its_document(scenario: str) -> None:
    """Each `quote` (parts separated by ' … ') is in the cited document, white space folded."""
    loaded = load(SCENARIOS / f"{scenario}.yaml")
    # The evaluation and the agreements are seeds (a .txt file name); a parameter file's public
    # pages name the stored copy they were read in, and are cited by address only.
    seeds = {key: source.document for key, source in loaded.scenario.sources.items()
             if source.document is not None and source.document.endswith(".txt")}
    documents = {key: re.sub(r"\s+", " ", (SEEDS / name).read_text("utf-8"))
                 for key, name in seeds.items()}
    citations = [(c.where.document, c.where.quote, c.id) for c in loaded.scenario.claims]
    citations += [(p.source.document, p.source.quote, name)
                  for _, parameters in loaded.scenario.parameters()
                  for name, p in parameters.items() if p.source is not None]
    citations += [(p.source.document, p.source.quote, name)
                  for name, p in loaded.scenario.computed_inputs().items()
                  if p.source is not None]
    if loaded.scenario.outcomes is not None:
        citations += [(t.persons.source.document, t.persons.source.quote, f"{key}.{i}")
                      for key, group in loaded.scenario.outcomes.groups.items()
                      for i, t in enumerate(group.transitions) if t.persons.source is not None]
    # Public web pages (tax rates, the social-assistance norm) are cited by address only.
    citations = [c for c in citations if c[0] in documents]
    for document, quote, where in citations:
        for part in quote.split(" … "):
            part = re.sub(r"\s+", " ", part.strip(" …"))
            assert part in documents[document], f"{where}: {part!r} is not in {document}"


# ---- errors and exit codes -------------------------------------------------------------------

def test_a_scenario_without_claims_says_so_and_exits_0() -> None:
    run = run_cli("check", FIXTURES / "three_perspectives.yaml")
    assert run.code == 0
    assert "lists no claims" in run.stdout


def test_check_survives_a_set_that_changes_the_tables_rates() -> None:
    code, data = check_json(LIVA, "--set", "analysis.subsidy_rates.1=0.5")
    assert code == 1
    assert claim(data, "society-three-years-about-seven-subsidised")["verdict"] == "holds"


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv"])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_format_and_language(fmt: str, lang: str) -> None:
    run = run_cli("check", LIVA, "--format", fmt, "--lang", lang)
    assert run.code == 1
    assert run.stderr == ""
    assert not re.search(r"\b(inf|nan|Infinity|NaN)\b", run.stdout)


BROKEN_CLAIMS = [
    ("unknown_figure", "claims.0.figure.figure", "not a figure the analysis computes"),
    ("missing_dimension", "claims.0.figure", "is picked by subsidy_rate, horizon_years"),
    ("printed_mismatch", "claims.0.printed", "reads 2.75e+06, but published is 2.7e+06"),
    ("formula_terms", "claims.0.formula", "missing: b"),
    ("duplicate_id", "claims.1.id", "also claim 0's"),
    ("bad_input_path", "claims.0.terms.a.input", "not the key path of a single input"),
    ("figure_and_formula", "claims.0", "exactly one of `figure`"),
    ("unknown_source", "claims.0.where.document", "not a key of `sources`"),
    ("key_figure_without_outcomes", "claims.0.figure.figure",
     "revenue is a key figure of `outcomes`, which this scenario does not have"),
]


@pytest.mark.parametrize(("name", "path", "fragment"), BROKEN_CLAIMS)
def test_broken_claims_are_input_errors(tmp_path: Path, name: str, path: str,
                                        fragment: str) -> None:
    broken = (Path(__file__).parent / "broken_claims" / f"{name}.yaml").read_text("utf-8")
    scenario = tmp_path / f"{name}.yaml"
    scenario.write_text(LIVA.read_text("utf-8").split("\nclaims:\n")[0] + "\n" + broken,
                        encoding="utf-8")
    run = run_cli("check", scenario)
    assert run.code == 2, run.stdout
    assert path in run.stderr
    assert fragment in run.stderr
    assert re.search(r"line \d+", run.stderr)


def test_a_claim_on_a_row_that_does_not_exist_is_an_input_error(tmp_path: Path) -> None:
    """The fixture has 30 participants: the inverse table has no row for 50 employed."""
    scenario = tmp_path / "fifty.yaml"
    scenario.write_text((FIXTURES / "three_perspectives.yaml").read_text("utf-8") + """
claims:
  - id: fifty
    where: {document: fixture, section: s, quote: q}
    printed: "5 år"
    published: 5
    precision: 1
    figure: {perspective: society, figure: years_of_work, subsidy_rate: 0.0, persons: 50}
""", encoding="utf-8")
    run = run_cli("check", scenario)
    assert run.code == 2
    assert "claim 'fifty'" in run.stderr
    assert "which the analysis does not compute" in run.stderr


def test_verdicts_quote_the_reports_own_qualifier(liva_check: dict[str, Any]) -> None:
    """"nästan nio ggr" holds as 'almost', not as 'just under' (knappt)."""
    assert claim(liva_check, "long-view-almost-nine-times")["explanation"] == "holds: almost 9×"
    sv = run_cli("check", LIVA, "--lang", "sv", "--format", "markdown").stdout
    row = next(line for line in sv.splitlines() if "nästan nio ggr" in line)
    assert "stämmer: nästan 9\u00a0ggr" in row
    assert "8,7\u00a0ggr | 24\u00a0mkr / 2,75\u00a0mkr = 8,7\u00a0ggr" in row  # one format
