"""`nyttocalc new`: a scenario to fill in, for a municipality and a year.

The scenario has NyttoSAM's parties as the actors of a ledger, the states a Swedish IOP
usually needs (a chosen few of: social assistance, work without support, work with a wage
subsidy, studies, activity compensation), their yearly flows wired to the parameter set's
figures by formulas (the taxes on a wage by the rules of the year, the norm of social
assistance, the wage subsidy up to its ceiling), and a before/after table per group. What only
the user can know is written ``FILL IN``: `payback` lists every such value, with its line,
until none is left. A figure the year's set lacks is asked for the same way, with the reason.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from nyttocalc import __version__, bundled
from nyttocalc.errors import NyttocalcError
from nyttocalc.scenario import gaps, local_tax, parameter_sets
from nyttocalc.scenario.schema import ParameterFile

FILL = gaps.MARKER
STATES = {  # key: (English label, Swedish label), in the order they are written
    "social_assistance": ("Social assistance", "Försörjningsstöd"),
    "work": ("Work without support", "Arbete utan stöd"),
    "subsidised_work": ("Work with a wage subsidy (lönebidrag)", "Arbete med lönebidrag"),
    "studies": ("Studies", "Studier"),
    "activity_compensation": ("Activity compensation", "Aktivitetsersättning"),
}
ACTORS = {  # NyttoSAM's parties, and the employer who receives the production
    "municipality": ("Municipality", "Kommunen"),
    "region": ("Region", "Regionen"),
    "social_insurance": ("Försäkringskassan", "Försäkringskassan"),
    "employment_service": ("Arbetsförmedlingen", "Arbetsförmedlingen"),
    "state": ("Other state", "Övrig stat"),
    "insurers": ("Insurers", "Försäkringsgivarna"),
    "individual": ("The participant", "Individen"),
    "employer": ("The employer", "Arbetsgivaren"),
}
REFERENCE = "work"  # the potential's reference and the break-even move's destination
WORK_TAX_CREDIT_BANDS = ("band1_upper_pbb", "band2_upper_pbb", "band2_rate", "band3_base_pbb",
                         "band3_rate", "band3_upper_pbb", "band4_base_pbb")


@dataclass(frozen=True)
class Request:
    year: int
    municipality: str | int
    states: tuple[str, ...] = tuple(STATES)
    groups: tuple[str, ...] = ("participants",)


def request(year: int, municipality: str, states: str | None, groups: str | None) -> Request:
    """The options of `nyttocalc new`, checked: the states by their keys, the groups as names
    a scenario can use."""
    chosen = _listed(states, "--states") if states is not None else list(STATES)
    unknown = [s for s in chosen if s not in STATES]
    if unknown:
        raise NyttocalcError(f"--states: {', '.join(map(repr, unknown))} "
                             f"{'is not a state' if len(unknown) == 1 else 'are not states'} "
                             f"nyttocalc new knows; choose from: {', '.join(STATES)}.")
    if REFERENCE not in chosen or len(chosen) < 2:
        raise NyttocalcError("--states: give work and at least one other state: the break-even "
                             "analysis asks how many move into work, and a participant's "
                             "potential is measured against it.")
    named = _listed(groups, "--groups") if groups is not None else ["participants"]
    bad = [g for g in named if not g.isascii() or not g.isidentifier() or g != g.lower()]
    if bad:
        raise NyttocalcError(f"--groups: {', '.join(map(repr, bad))}: a group's name is "
                             "lowercase letters, digits and underscores, starting with a letter "
                             "(e.g. --groups young_adults,parents).")
    return Request(year, municipality, tuple(s for s in STATES if s in chosen), tuple(named))


def _listed(text: str, option: str) -> list[str]:
    items = [item.strip() for item in text.split(",")]
    if not all(items):
        raise NyttocalcError(f"{option}: give names separated by commas, e.g. {option} "
                             "work,studies.")
    if len(set(items)) != len(items):
        raise NyttocalcError(f"{option}: name each once.")
    return items


def scenario_text(wanted: Request) -> str:
    """The commented scenario for ``wanted``."""
    name = f"se-{wanted.year}"
    if bundled.parameter_set(name) is None:
        years = [n.removeprefix("se-") for n in bundled.parameter_set_names()]
        raise NyttocalcError(f"--year {wanted.year}: nyttocalc has the public figures of "
                             f"{years[0]}–{years[-1]} (the parameter sets se-{years[0]} … "
                             f"se-{years[-1]}); choose one of those years.")
    parameters = parameter_sets.parameter_set(name)
    try:
        local = local_tax.lookup(parameter_sets.raw(name), name, wanted.municipality)
    except LookupError as exc:
        raise NyttocalcError(f"--municipality {wanted.municipality}: {exc}.") from None
    writer = _Writer(parameters, name, wanted, local.municipality.name)
    return writer.text()


@dataclass
class _Writer:
    parameters: ParameterFile
    set_name: str
    wanted: Request
    municipality: str
    lines: list[str] = field(default_factory=list)

    def has(self, *names: str) -> bool:
        return all(n in self.parameters.inputs for n in names)

    def text(self) -> str:
        self._head()
        self._inputs()
        self._cohort_and_analysis()
        self._ledger()
        self._outcomes()
        return "\n".join(self.lines) + "\n"

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    # ---- the file's head --------------------------------------------------------------------

    def _head(self) -> None:
        w = self.wanted
        self.add(
            f"# A scenario to fill in: {self.municipality}, {w.year}. Written by nyttocalc "
            f"{__version__} (nyttocalc new).",
            "#",
            f"# Every value marked {FILL} is yours to give: a number where a number goes, and",
            "# for each input either an `assumption` (why this value) or a `source` (document,",
            "# section and the words it comes from; add the document under `sources`). Until",
            f"# none is left, `nyttocalc payback` on this file lists every {FILL} with its line",
            "# and computes nothing.",
            "#",
            f"# Public figures of {w.year} come from the bundled set {self.set_name}, and the "
            "local tax",
            f"# rates of {self.municipality} with it (see: nyttocalc parameters {self.set_name} "
            f"--municipality {json.dumps(self.municipality, ensure_ascii=False)}).",
            "# Amounts are kronor; rates are fractions (0.25 for 25 %). Flows are per person and",
            "# year of full-time presence in a state.",
            "",
            "nyttocalc: 1",
            f'title: "{FILL}: the intervention\'s name"',
            f"uses: [{{parameters: {self.set_name}, municipality: "
            f"{json.dumps(self.municipality, ensure_ascii=False)}}}]",
            "sources: {}",
            "  # Each document you take figures from, e.g.",
            '  # evaluation: {title: "…", author: "…", year: 2025, url: "https://…"}',
            "  # and in an input: source: {document: evaluation, section: \"…\", quote: \"…\"}",
            "",
        )

    # ---- inputs ------------------------------------------------------------------------------

    def _inputs(self) -> None:
        states = self.wanted.states
        self.add("inputs:", "  # --- The intervention's cost ---")
        self._own("municipal_funding", "SEK", "What the municipality paid for the intervention.",
                  "the municipality's cash funding (paid_by: municipality below)")
        self._own("volunteer_time", "SEK",
                  "The partner's own resources (volunteers' time, premises), in kronor.",
                  "a real resource nobody paid in money; 0 if none, or remove it here and "
                  "under ledger.funding")
        self._given("indirect_tax_rate", 0.25, "share",
                    "Indirect taxes added to society's cost, to express it in socio-economic "
                    "kronor.",
                    "25 % is Sweden's standard VAT rate (mervärdesskattelagen). A convention "
                    "of NyttoSAM-style analyses: society's cost is marked up, no actor's is.")
        self.add("", "  # --- Work: the wage and what follows from it by the rules of the year ---")
        self._own("monthly_wage", "SEK/month",
                  "The gross monthly wage of a participant in work, full time.",
                  "the wage a participant gets (e.g. the collective agreement's entry wage)")
        self._work_formulas()
        if "subsidised_work" in states:
            self._wage_subsidy()
        if "social_assistance" in states:
            self._social_assistance()
        if "studies" in states:
            self.add("", "  # --- Studies ---")
            self._own("study_grant", "SEK/person-year",
                      "CSN's study grant (studiebidrag, not the loan) for a year of full-time "
                      "study.", "the grant for the weeks of study in a year")
            self._own("education_cost", "SEK/person-year",
                      "What a year of study costs the municipality (komvux; change `by` under "
                      "the state studies if another pays).", "the school's cost per student")
        if "activity_compensation" in states:
            self.add("", "  # --- Activity compensation (aktivitetsersättning) ---")
            self._own("activity_compensation_monthly", "SEK/month",
                      "Försäkringskassan's aktivitetsersättning a month (taxed like a wage: "
                      "add its tax flows if it matters).", "the compensation the participants get")
            self._formula("activity_compensation", "{activity_compensation_monthly} × 12",
                          "SEK/person-year", "A year of activity compensation.",
                          "Twelve months.")
        self.add("")

    def _work_formulas(self) -> None:
        self._formula("yearly_wage", "{monthly_wage} × 12", "SEK/person-year",
                      "The gross wage of a year of full-time work.", "Twelve monthly wages.")
        self._formula(
            "basic_allowance",
            "ceil(max({price_base_amount} × {basic_allowance_min_pbb}, "
            "min({price_base_amount} × {basic_allowance_max_pbb}, "
            "{price_base_amount} × {basic_allowance_floor_pbb} + {basic_allowance_rising_rate} "
            "× max({yearly_wage} − {price_base_amount} × {basic_allowance_band1_upper_pbb}, 0)) "
            "− {basic_allowance_falling_rate} × max({yearly_wage} − {price_base_amount} × "
            "{basic_allowance_band3_upper_pbb}, 0)) / {basic_allowance_rounding}) × "
            "{basic_allowance_rounding}", "SEK/year",
            "The basic allowance (grundavdrag) at the wage, rounded up to 100 kr.",
            f"Inkomstskattelagen 63 kap. 3 § with the figures of {self.set_name}; the wage is "
            "the whole income.")
        self._formula("taxable_income", "max({yearly_wage} − {basic_allowance}, 0)", "SEK/year",
                      "The taxable earned income.", "The wage is the whole income.")
        self._formula("municipal_income_tax", "{taxable_income} × {municipal_tax_rate}",
                      "SEK/person-year", f"{self.municipality}'s income tax on the wage.",
                      "The municipality keeps the whole of it (no income equalisation).")
        self._formula("regional_income_tax", "{taxable_income} × {regional_tax_rate}",
                      "SEK/person-year", "The region's income tax on the wage.",
                      "The region keeps the whole of it.")
        upper = (" + {state_tax_rate_upper_additional} × max({taxable_income} − "
                 "{state_tax_threshold_upper}, 0)"
                 if self.has("state_tax_rate_upper_additional", "state_tax_threshold_upper")
                 else "")
        self._formula("state_income_tax", "{state_tax_rate} × max({taxable_income} − "
                      "{state_tax_threshold}, 0)" + upper, "SEK/person-year",
                      "The state income tax above the skiktgräns.",
                      f"The state tax rules of {self.set_name}.")
        self._work_tax_credit()
        self._formula("employer_contributions", "{yearly_wage} × {employer_contribution_rate}",
                      "SEK/person-year", "The employer's contributions on the wage.",
                      "The full rate (no reduction for the young or the old).")
        self._formula("production_value", "{yearly_wage} × (1 + {employer_contribution_rate})",
                      "SEK/person-year",
                      "What a year of the participant's full-time work produces.",
                      "The work is worth what it costs the employer: the wage and the "
                      "contributions. Replace with a source if the evaluation values it "
                      "otherwise.")

    def _work_tax_credit(self) -> None:
        bands = [f"work_tax_credit_{b}" for b in WORK_TAX_CREDIT_BANDS]
        if not self.has(*bands):
            self._lacking(bands[0], "work_tax_credit", "SEK/person-year",
                          "The jobbskatteavdrag (tax credit on earned income) at the wage, "
                          "paid for by the state.",
                          "the credit at this wage (Skatteverket's tables or calculator)")
            return
        self._formula(
            "work_tax_credit_base",
            "min({yearly_wage}, {price_base_amount} × {work_tax_credit_band1_upper_pbb} + "
            "{work_tax_credit_band2_rate} × ({yearly_wage} − {price_base_amount} × "
            "{work_tax_credit_band1_upper_pbb}), {price_base_amount} × "
            "{work_tax_credit_band3_base_pbb} + {work_tax_credit_band3_rate} × ({yearly_wage} − "
            "{price_base_amount} × {work_tax_credit_band2_upper_pbb}), {price_base_amount} × "
            "{work_tax_credit_band4_base_pbb})", "SEK/year",
            "The part of the earned income the jobbskatteavdrag is computed on, by its bands.",
            f"Inkomstskattelagen 67 kap. 7 § with the bands of {self.set_name}; the credit "
            "rises ever more slowly, so its base is the smallest of the bands' lines.")
        phase_out = (" − {work_tax_credit_phaseout_rate} × max({yearly_wage} − "
                     "{price_base_amount} × {work_tax_credit_phaseout_start_pbb}, 0)"
                     if self.has("work_tax_credit_phaseout_rate",
                                 "work_tax_credit_phaseout_start_pbb") else "")
        self._formula("work_tax_credit",
                      "max(({work_tax_credit_base} − {basic_allowance}) × "
                      "{local_tax_rate_total}" + phase_out + ", 0)", "SEK/person-year",
                      "The jobbskatteavdrag at the wage, paid for by the state.",
                      f"Inkomstskattelagen 67 kap. 7 § with the figures of {self.set_name}.")

    def _wage_subsidy(self) -> None:
        self.add("", "  # --- Work with a wage subsidy (lönebidrag) ---")
        ceiling = ("wage_subsidy_ceiling_monthly_from_april"
                   if self.has("wage_subsidy_ceiling_monthly_from_april")
                   else "wage_subsidy_ceiling_monthly")
        if not self.has(ceiling):
            self._lacking(ceiling, ceiling, "SEK/month",
                          "The highest gross monthly wage that the wage subsidy is based on.",
                          "the ceiling in Arbetsförmedlingen's rules for the year")
        self._formula("wage_subsidy_base", f"min({{monthly_wage}}, {{{ceiling}}}) × 12 × "
                      "(1 + {employer_contribution_rate})", "SEK/person-year",
                      "The wage cost a wage subsidy is paid on: the wage up to the ceiling, "
                      "with the contributions on it; Arbetsförmedlingen pays the subsidy rate "
                      "of it.", "The ceiling for the whole year.")

    def _social_assistance(self) -> None:
        self.add("", "  # --- Social assistance (försörjningsstöd) ---")
        self._own("housing_cost", "SEK/month",
                  "The housing cost that social assistance pays beside the norm.",
                  f"the rent {self.municipality} accepts for a participant's household")
        self._own("casework", "SEK/person-year",
                  "The caseworkers' time a case of social assistance takes in a year.",
                  "the municipality's cost of handling a case for a year")
        parts = ("social_assistance_norm_single_personal", "social_assistance_norm_household_one")
        norm = " + ".join(f"{{{name}}}" for name in parts)
        if self.has("social_assistance_norm_single_total") and not self.has(*parts):
            norm = "{social_assistance_norm_single_total}"
        elif not self.has(*parts):
            for name in parts:
                self._lacking(name, name, "SEK/month", self._missing_description(name),
                              "the riksnorm from Socialstyrelsen's table for the year")
        self._formula("social_assistance", f"({norm} + {{housing_cost}}) × 12",
                      "SEK/person-year",
                      "A year of social assistance at the national norm for a single adult, "
                      "with housing.",
                      "The whole year at the norm, for a single adult; for another household, "
                      f"use its norm (nyttocalc parameters {self.set_name}).")

    def _missing_description(self, name: str) -> str:
        missing = self.parameters.missing.get(name)
        return missing.description if missing else name

    # ---- the pieces of an input ------------------------------------------------------------------

    def _own(self, name: str, unit: str, description: str, what: str) -> None:
        self.add(f"  {name}:", f"    value: {FILL}  # {unit}: {what}", f"    unit: {unit}",
                 f"    description: {_quoted(description)}",
                 f"    assumption: \"{FILL}: why this value (or a source: instead)\"")

    def _given(self, name: str, value: float, unit: str, description: str,
               assumption: str) -> None:
        self.add(f"  {name}:", f"    value: {value}", f"    unit: {unit}",
                 f"    description: {_quoted(description)}",
                 f"    assumption: {_quoted(assumption)}")

    def _formula(self, name: str, formula: str, unit: str, description: str,
                 assumption: str) -> None:
        self.add(f"  {name}:", f"    formula: {_quoted(formula)}", f"    unit: {unit}",
                 f"    description: {_quoted(description)}",
                 f"    assumption: {_quoted(assumption)}")

    def _lacking(self, figure: str, name: str, unit: str, description: str, what: str) -> None:
        """An input the year's set lacks: asked for, with the set's reason."""
        missing = self.parameters.missing.get(figure)
        why = (missing.not_found or missing.not_in_force) if missing else "it has no such figure"
        self.add(*textwrap.wrap(f"{self.set_name} lacks this figure: {why}", 96,
                                initial_indent="  # ", subsequent_indent="  # "))
        self._own(name, unit, description, what)

    # ---- cohort, analysis, ledger, outcomes ------------------------------------------------------

    def _cohort_and_analysis(self) -> None:
        self.add(
            "cohort:",
            "  participants:",
            f"    value: {FILL}  # persons: how many took part (the groups' transitions add up "
            "to it)",
            "    unit: persons",
            "    description: The participants of the intervention.",
            f"    assumption: \"{FILL}: how they were counted (or a source: instead)\"",
            "  full_time_equivalent: {value: 1.0, unit: FTE, description: How much of full "
            "time the employed work., assumption: Full time; change it if they work part time.}",
            "  delay_years:",
            f"    value: {FILL}  # years from the end of the intervention until work starts",
            "    unit: years",
            "    description: Years from the end of the intervention until the participants "
            "enter work.",
            f"    assumption: \"{FILL}: why this delay (or a source: instead)\"",
            "",
            "analysis:  # the questions the break-even tables answer; conventions, change them",
            "  horizons_years: {value: [1, 3, 5], unit: years, description: How many years the "
            "employed keep their jobs., assumption: \"NyttoSAM's short term (1 year) and "
            "medium term (3 and 5 years).\"}",
            "  subsidy_rates: {value: [0.0], unit: share, description: Wage-subsidy rates "
            f"compared., assumption: {_quoted(self._rates_reason())}}}",
            "  long_view_years: {value: 40, unit: years, description: A working life., "
            "assumption: \"NyttoSAM's long view of one participant's working life.\"}",
            "  write_off_years: {value: 5, unit: years, description: The period the cost is "
            "written off over., assumption: A convention; use your organisation's.}",
            "",
        )

    def _rates_reason(self) -> str:
        if "subsidised_work" not in self.wanted.states:
            return "Work without a subsidy."
        return ("Work without a subsidy; to ask about work with a wage subsidy, set move.to: "
                "subsidised_work and add its rate here, e.g. 0.8.")

    def _ledger(self) -> None:
        states = self.wanted.states
        self.add("ledger:", "  actors:  # NyttoSAM's parties, and the employer")
        for key, (en, sv) in ACTORS.items():
            self.add(f"    {key}: {{label: {{en: {_quoted(en)}, sv: {_quoted(sv)}}}}}")
        self.add("  states:")
        flows = _state_flows()
        for key in states:
            en, sv = STATES[key]
            self.add(f"    {key}:", f"      label: {{en: {_quoted(en)}, sv: {_quoted(sv)}}}",
                     "      flows:")
            self.add(*(f"        - {flow}" for flow in flows[key]))
        before = self.before()
        self.add(
            "  funding:  # who paid for the intervention (without paid_by: nobody, in money)",
            "    - {input: municipal_funding, paid_by: municipality}",
            "    - {input: volunteer_time}",
            "  markup: indirect_tax_rate  # marks up society's cost only, not an actor's",
            f"  move: {{from: {before}, to: {REFERENCE}}}  # what the break-even tables ask "
            "about",
            "",
        )

    def before(self) -> str:
        """The state the participants come from: social assistance where it is chosen."""
        return next(s for s in self.wanted.states if s != REFERENCE)

    def _outcomes(self) -> None:
        before = self.before()
        self.add(
            "outcomes:  # NyttoSAM's 12 months before against 12 months after, per group",
            f"  reference: {REFERENCE}",
            f"  cohort_groups: [{', '.join(self.wanted.groups)}]  # their persons add up to "
            "cohort.participants",
            "  groups:",
        )
        for group in self.wanted.groups:
            label = group.replace("_", " ").capitalize()
            self.add(f"    {group}:", f"      label: {{en: {_quoted(label)}, sv: "
                     f"{_quoted(label)}}}",
                     f"      transitions:  # from {before}, 12 months before, to each state "
                     "after; one who stayed moves to the same state; add other moves alike")
            for state in self.wanted.states:
                rate = ([f"          subsidy_rate: {FILL}  # their wage subsidy, e.g. 0.8"]
                        if state == "subsidised_work" else [])
                self.add(
                    f"        - from: {before}",
                    f"          to: {state}",
                    *rate,
                    "          persons:",
                    f"            value: {FILL}  # persons",
                    "            unit: persons",
                    f"            description: {_quoted(f'{before} → {state}.')}",
                    f"            assumption: \"{FILL}: observed (then a source:) or "
                    "assumed, and why\"",
                )


def _state_flows() -> dict[str, Sequence[str]]:
    work = [
        "{real: production_value, to: employer, scales_with: [productivity, fte]}",
        "{transfer: yearly_wage, from: employer, to: individual, scales_with: [fte]}",
        "{transfer: employer_contributions, from: employer, to: state, scales_with: [fte]}",
        "{transfer: municipal_income_tax, from: individual, to: municipality, "
        "scales_with: [fte]}",
        "{transfer: regional_income_tax, from: individual, to: region, scales_with: [fte]}",
        "{transfer: state_income_tax, from: individual, to: state, scales_with: [fte]}",
        "{transfer: work_tax_credit, from: state, to: individual, scales_with: [fte]}",
    ]
    return {
        "social_assistance": [
            "{transfer: social_assistance, from: municipality, to: individual}",
            "{resource: casework, by: municipality}",
        ],
        "work": work,
        "subsidised_work": [
            *work,
            "{transfer: wage_subsidy_base, from: employment_service, to: employer, "
            "scales_with: [subsidy, fte]}",
        ],
        "studies": [
            "{transfer: study_grant, from: state, to: individual}",
            "{resource: education_cost, by: municipality}",
        ],
        "activity_compensation": [
            "{transfer: activity_compensation, from: social_insurance, to: individual}",
        ],
    }


def _quoted(text: str) -> str:
    """Text as a YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)
