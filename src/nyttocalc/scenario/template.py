"""`nyttocalc new`: a scenario to fill in, for a municipality and a year.

The scenario has NyttoSAM's parties as the actors of a ledger, the states a Swedish IOP
usually needs (a chosen few of: social assistance, work without support, work with a wage
subsidy, studies, activity compensation), their yearly flows wired to the parameter set's
figures by formulas (the taxes on a wage by the rules of the year, the norm of social
assistance, the wage subsidy up to its ceiling), and a before/after table per group. What only
the user can know is written ``FILL IN``: `payback` lists every such value, with its line,
until none is left. A figure the year's set lacks is asked for the same way, with the reason.
Every text it writes (labels, descriptions, assumptions) is in English and Swedish, so a report
in either language has it in its own; what the user writes is in the scenario's `language`.
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
Bilingual = tuple[str, str]  # a text in English and in Swedish, written as {en: …, sv: …}
STATES: dict[str, Bilingual] = {  # key: its label, in the order they are written
    "social_assistance": ("Social assistance", "Försörjningsstöd"),
    "work": ("Work without support", "Arbete utan stöd"),
    "subsidised_work": ("Work with a wage subsidy (lönebidrag)", "Arbete med lönebidrag"),
    "studies": ("Studies", "Studier"),
    "activity_compensation": ("Activity compensation", "Aktivitetsersättning"),
}
# NyttoSAM's parties, and the employer who receives the production
ACTORS: dict[str, Bilingual] = {
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
NORM_PARTS: dict[str, tuple[Bilingual, Bilingual]] = {  # the riksnorm's: label, description
    "social_assistance_norm_single_personal": (
        ("Riksnorm, personal costs", "Riksnorm, personliga kostnader"),
        ("The riksnorm's personal costs of a single adult, per month.",
         "Riksnormens personliga kostnader för en ensamstående vuxen, per månad.")),
    "social_assistance_norm_household_one": (
        ("Riksnorm, household costs", "Riksnorm, gemensamma hushållskostnader"),
        ("The riksnorm's common household costs of a household of one, per month.",
         "Riksnormens gemensamma hushållskostnader för ett hushåll med en person, per månad.")),
}
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
            "language: en  # the language of the texts you write as plain text (the title, your",
            "  # assumptions): en or sv. The texts written here are in both, {en: …, sv: …}, so a",
            "  # report in English (--lang en) or Swedish (--lang sv) has them in its language;",
            "  # write yours so too where you can.",
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
        self._own("municipal_funding", "SEK", ("Municipal funding", "Kommunens finansiering"),
                  ("What the municipality paid for the intervention.",
                   "Det som kommunen betalade för insatsen."),
                  "the municipality's cash funding (paid_by: municipality below)")
        self._own("volunteer_time", "SEK", ("The partner's own resources",
                                            "Partnerns egna resurser"),
                  ("The partner's own resources (volunteers' time, premises), in kronor.",
                   "Partnerns egna resurser (frivilligas tid, lokaler), i kronor."),
                  "a real resource nobody paid in money; 0 if none, or remove it here and "
                  "under ledger.funding")
        self._given("indirect_tax_rate", 0.25, "share", ("Indirect taxes", "Indirekta skatter"),
                    ("Indirect taxes added to society's cost, to express it in socio-economic "
                     "kronor.",
                     "Indirekta skatter som läggs på samhällets kostnad för att uttrycka den i "
                     "samhällsekonomiska kronor."),
                    ("25 % is Sweden's standard VAT rate (mervärdesskattelagen). A convention "
                     "of NyttoSAM-style analyses: society's cost is marked up, no actor's is.",
                     "25 % är den svenska normalskattesatsen för moms (mervärdesskattelagen). "
                     "En konvention i analyser enligt NyttoSAM: samhällets kostnad räknas upp "
                     "med indirekta skatter, ingen enskild aktörs kostnad."))
        self.add("", "  # --- Work: the wage and what follows from it by the rules of the year ---")
        self._own("monthly_wage", "SEK/month", ("Monthly wage", "Månadslön"),
                  ("The gross monthly wage of a participant in work, full time.",
                   "Bruttomånadslönen för en deltagare i arbete på heltid."),
                  "the wage a participant gets (e.g. the collective agreement's entry wage)")
        self._work_formulas()
        if "subsidised_work" in states:
            self._wage_subsidy()
        if "social_assistance" in states:
            self._social_assistance()
        if "studies" in states:
            self.add("", "  # --- Studies ---")
            self._own("study_grant", "SEK/person-year", ("Study grant", "Studiebidrag"),
                      ("CSN's study grant (studiebidrag, not the loan) for a year of full-time "
                       "study.", "CSN:s studiebidrag (inte studielånet) för ett års "
                       "heltidsstudier."), "the grant for the weeks of study in a year")
            self._own("education_cost", "SEK/person-year",
                      ("Education cost", "Utbildningskostnad"),
                      ("What a year of study costs the municipality (komvux).",
                       "Vad ett års studier kostar kommunen (komvux)."),
                      "the school's cost per student; if another pays, change `by` under "
                      "ledger.states.studies")
        if "activity_compensation" in states:
            self.add("", "  # --- Activity compensation (aktivitetsersättning) ---")
            self._own("activity_compensation_monthly", "SEK/month",
                      ("Activity compensation a month", "Aktivitetsersättning per månad"),
                      ("Försäkringskassan's aktivitetsersättning a month, before tax (its tax "
                       "is not counted).",
                       "Försäkringskassans aktivitetsersättning per månad, före skatt (skatten "
                       "på den räknas inte)."),
                      "the compensation the participants get; it is taxed like a wage: add its "
                      "tax flows if it matters")
            self._formula("activity_compensation", "{activity_compensation_monthly} × 12",
                          "SEK/person-year", ("Activity compensation", "Aktivitetsersättning"),
                          ("A year of activity compensation.", "Ett års aktivitetsersättning."),
                          ("Twelve months.", "Tolv månader."))
        self.add("")

    def _work_formulas(self) -> None:
        self._formula("yearly_wage", "{monthly_wage} × 12", "SEK/person-year",
                      ("Yearly wage", "Årslön"),
                      ("The gross wage of a year of full-time work.",
                       "Bruttolönen för ett år i heltidsarbete."),
                      ("Twelve monthly wages.", "Tolv månadslöner."))
        self._formula(
            "basic_allowance",
            "ceil(max({price_base_amount} × {basic_allowance_min_pbb}, "
            "min({price_base_amount} × {basic_allowance_max_pbb}, "
            "{price_base_amount} × {basic_allowance_floor_pbb} + {basic_allowance_rising_rate} "
            "× max({yearly_wage} − {price_base_amount} × {basic_allowance_band1_upper_pbb}, 0)) "
            "− {basic_allowance_falling_rate} × max({yearly_wage} − {price_base_amount} × "
            "{basic_allowance_band3_upper_pbb}, 0)) / {basic_allowance_rounding}) × "
            "{basic_allowance_rounding}", "SEK/year", ("Basic allowance", "Grundavdrag"),
            ("The basic allowance (grundavdrag) at the wage, rounded up to 100 kr.",
             "Grundavdraget vid lönen, avrundat uppåt till helt hundratal kronor."),
            (f"Inkomstskattelagen 63 kap. 3 § with the figures of {self.set_name}; the wage is "
             "the whole income.",
             f"Inkomstskattelagen 63 kap. 3 § med beloppen i {self.set_name}; lönen är hela "
             "inkomsten."))
        self._formula("taxable_income", "max({yearly_wage} − {basic_allowance}, 0)", "SEK/year",
                      ("Taxable income", "Beskattningsbar inkomst"),
                      ("The taxable earned income.", "Den beskattningsbara förvärvsinkomsten."),
                      ("The wage is the whole income.", "Lönen är hela inkomsten."))
        self._formula("municipal_income_tax", "{taxable_income} × {municipal_tax_rate}",
                      "SEK/person-year", ("Municipal income tax", "Kommunalskatt"),
                      (f"{self.municipality}'s income tax on the wage.",
                       f"Kommunens inkomstskatt på lönen ({self.municipality})."),
                      ("The municipality keeps the whole of it (no income equalisation).",
                       "Kommunen behåller hela skatten (den kommunalekonomiska utjämningen "
                       "beaktas inte)."))
        self._formula("regional_income_tax", "{taxable_income} × {regional_tax_rate}",
                      "SEK/person-year", ("Regional income tax", "Regionskatt"),
                      ("The region's income tax on the wage.",
                       "Regionens inkomstskatt på lönen."),
                      ("The region keeps the whole of it.", "Regionen behåller hela skatten."))
        upper = (" + {state_tax_rate_upper_additional} × max({taxable_income} − "
                 "{state_tax_threshold_upper}, 0)"
                 if self.has("state_tax_rate_upper_additional", "state_tax_threshold_upper")
                 else "")
        self._formula("state_income_tax", "{state_tax_rate} × max({taxable_income} − "
                      "{state_tax_threshold}, 0)" + upper, "SEK/person-year",
                      ("State income tax", "Statlig inkomstskatt"),
                      ("The state income tax above the skiktgräns.",
                       "Den statliga inkomstskatten på inkomsten över skiktgränsen."),
                      (f"The state tax rules of {self.set_name}.",
                       f"Reglerna för statlig inkomstskatt i {self.set_name}."))
        self._work_tax_credit()
        self._formula("employer_contributions", "{yearly_wage} × {employer_contribution_rate}",
                      "SEK/person-year", ("Employer contributions", "Arbetsgivaravgifter"),
                      ("The employer's contributions on the wage.",
                       "Arbetsgivaravgifterna på lönen."),
                      ("The full rate (no reduction for the young or the old).",
                       "Full avgiftssats (ingen nedsättning för unga eller äldre)."))
        self.add("  # Replace the assumption with a source if the evaluation values the work "
                 "otherwise.")
        self._formula("production_value", "{yearly_wage} × (1 + {employer_contribution_rate})",
                      "SEK/person-year", ("Production value", "Produktionsvärde"),
                      ("What a year of the participant's full-time work produces.",
                       "Värdet av det som deltagaren producerar under ett år i heltidsarbete."),
                      ("The work is worth what it costs the employer: the wage and the "
                       "contributions.",
                       "Arbetet är värt vad det kostar arbetsgivaren: lönen och "
                       "arbetsgivaravgifterna."))

    def _work_tax_credit(self) -> None:
        bands = [f"work_tax_credit_{b}" for b in WORK_TAX_CREDIT_BANDS]
        label = ("Work tax credit", "Jobbskatteavdrag")
        if not self.has(*bands):
            self._lacking(bands[0], "work_tax_credit", "SEK/person-year", label,
                          ("The jobbskatteavdrag (tax credit on earned income) at the wage, "
                           "paid for by the state.",
                           "Jobbskatteavdraget (skattereduktionen för arbetsinkomst) vid lönen, "
                           "som staten står för."),
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
            ("Work tax credit base", "Underlag för jobbskatteavdrag"),
            ("The part of the earned income the jobbskatteavdrag is computed on, by its bands.",
             "Den del av arbetsinkomsten som jobbskatteavdraget beräknas på, enligt dess "
             "intervall."),
            (f"Inkomstskattelagen 67 kap. 7 § with the bands of {self.set_name}; the credit "
             "rises ever more slowly, so its base is the smallest of the bands' lines.",
             f"Inkomstskattelagen 67 kap. 7 § med intervallen i {self.set_name}; avdraget växer "
             "allt långsammare, så dess underlag är det minsta av intervallens linjer."))
        phase_out = (" − {work_tax_credit_phaseout_rate} × max({yearly_wage} − "
                     "{price_base_amount} × {work_tax_credit_phaseout_start_pbb}, 0)"
                     if self.has("work_tax_credit_phaseout_rate",
                                 "work_tax_credit_phaseout_start_pbb") else "")
        self._formula("work_tax_credit",
                      "max(({work_tax_credit_base} − {basic_allowance}) × "
                      "{local_tax_rate_total}" + phase_out + ", 0)", "SEK/person-year", label,
                      ("The jobbskatteavdrag at the wage, paid for by the state.",
                       "Jobbskatteavdraget vid lönen, som staten står för."),
                      (f"Inkomstskattelagen 67 kap. 7 § with the figures of {self.set_name}.",
                       f"Inkomstskattelagen 67 kap. 7 § med beloppen i {self.set_name}."))

    def _wage_subsidy(self) -> None:
        self.add("", "  # --- Work with a wage subsidy (lönebidrag) ---")
        ceiling = ("wage_subsidy_ceiling_monthly_from_april"
                   if self.has("wage_subsidy_ceiling_monthly_from_april")
                   else "wage_subsidy_ceiling_monthly")
        if not self.has(ceiling):
            self._lacking(ceiling, ceiling, "SEK/month",
                          ("Wage subsidy ceiling", "Takbelopp för lönebidrag"),
                          ("The highest gross monthly wage that the wage subsidy is based on.",
                           "Den högsta bruttomånadslön som lönebidraget beräknas på."),
                          "the ceiling in Arbetsförmedlingen's rules for the year")
        self._formula("wage_subsidy_base", f"min({{monthly_wage}}, {{{ceiling}}}) × 12 × "
                      "(1 + {employer_contribution_rate})", "SEK/person-year",
                      ("Wage subsidy base", "Underlag för lönebidrag"),
                      ("The wage cost a wage subsidy is paid on: the wage up to the ceiling, "
                       "with the contributions on it; Arbetsförmedlingen pays the subsidy rate "
                       "of it.",
                       "Den lönekostnad som lönebidraget lämnas för: lönen upp till takbeloppet, "
                       "med arbetsgivaravgifterna på den; Arbetsförmedlingen betalar den andel "
                       "av den som bidragsnivån anger."),
                      ("The ceiling for the whole year.", "Samma takbelopp hela året."))

    def _social_assistance(self) -> None:
        self.add("", "  # --- Social assistance (försörjningsstöd) ---")
        self._own("housing_cost", "SEK/month", ("Housing cost", "Boendekostnad"),
                  ("The housing cost that social assistance pays beside the norm.",
                   "Den boendekostnad som försörjningsstödet täcker utöver riksnormen."),
                  f"the rent {self.municipality} accepts for a participant's household")
        self._own("casework", "SEK/person-year", ("Casework", "Handläggningstid"),
                  ("The cost of the caseworkers' time a case of social assistance takes in a "
                   "year.", "Kostnaden för den handläggningstid som ett ärende om "
                   "försörjningsstöd kräver under ett år."),
                  "the municipality's cost of handling a case for a year")
        norm = " + ".join(f"{{{name}}}" for name in NORM_PARTS)
        if self.has("social_assistance_norm_single_total") and not self.has(*NORM_PARTS):
            norm = "{social_assistance_norm_single_total}"
        elif not self.has(*NORM_PARTS):
            for name, (label, description) in NORM_PARTS.items():
                self._lacking(name, name, "SEK/month", label, description,
                              "the riksnorm from Socialstyrelsen's table for the year")
        self.add(f"  # For another household than a single adult, use its norm (nyttocalc "
                 f"parameters {self.set_name}).")
        self._formula("social_assistance", f"({norm} + {{housing_cost}}) × 12",
                      "SEK/person-year", ("Social assistance", "Försörjningsstöd"),
                      ("A year of social assistance at the national norm for a single adult, "
                       "with housing.",
                       "Ett års försörjningsstöd enligt riksnormen för en ensamstående vuxen, "
                       "med boendekostnad."),
                      ("The whole year at the norm, for a single adult.",
                       "Hela året enligt normen, för en ensamstående vuxen."))

    # ---- the pieces of an input ------------------------------------------------------------------

    def _own(self, name: str, unit: str, label: Bilingual, description: Bilingual, what: str,
             why: str = "why this value") -> None:
        """A value only the user knows: marked, with what to give in a comment."""
        self._entry(name, f"value: {FILL}  # {unit}: {what}", unit, label, description,
                    [f"    assumption: \"{FILL}: {why} (or a source: instead)\""])

    def _given(self, name: str, value: object, unit: str, label: Bilingual,
               description: Bilingual, assumption: Bilingual, note: str = "") -> None:
        comment = f"  # {note}" if note else ""
        self._entry(name, f"value: {value}{comment}", unit, label, description,
                    _texts("assumption", assumption, "    "))

    def _formula(self, name: str, formula: str, unit: str, label: Bilingual,
                 description: Bilingual, assumption: Bilingual) -> None:
        self._entry(name, f"formula: {_quoted(formula)}", unit, label, description,
                    _texts("assumption", assumption, "    "))

    def _entry(self, name: str, first: str, unit: str, label: Bilingual,
               description: Bilingual, reason: list[str]) -> None:
        self.add(f"  {name}:", f"    {first}", f"    unit: {unit}", f"    label: {_label(label)}",
                 *_texts("description", description, "    "), *reason)

    def _lacking(self, figure: str, name: str, unit: str, label: Bilingual,
                 description: Bilingual, what: str) -> None:
        """An input the year's set lacks: asked for, with the set's reason."""
        missing = self.parameters.missing.get(figure)
        why = (missing.not_found or missing.not_in_force) if missing else "it has no such figure"
        self.add(*textwrap.wrap(f"{self.set_name} lacks this figure: {why}", 96,
                                initial_indent="  # ", subsequent_indent="  # "))
        self._own(name, unit, label, description, what)

    # ---- cohort, analysis, ledger, outcomes ------------------------------------------------------

    def _cohort_and_analysis(self) -> None:
        self.add("cohort:")
        self._own("participants", "persons", ("Participants", "Deltagare"),
                  ("The participants of the intervention.", "Insatsens deltagare."),
                  "how many took part (the groups' transitions add up to it)",
                  why="how they were counted")
        self._given("full_time_equivalent", 1.0, "FTE", ("Share of full time", "Andel av heltid"),
                    ("How much of full time the employed work.",
                     "Hur stor del av en heltid som de sysselsatta deltagarna arbetar."),
                    ("They work full time.", "De arbetar heltid."),
                    note="change it if they work part time")
        self._own("delay_years", "years", ("Delay before work", "Fördröjning innan arbete"),
                  ("Years from the end of the intervention until the participants enter work.",
                   "År från insatsens slut tills deltagarna börjar arbeta."),
                  "from the end of the intervention until work starts", why="why this delay")
        self.add("", "analysis:  # the questions the break-even tables answer; conventions, "
                 "change them")
        self._given("horizons_years", [1, 3, 5], "years", ("Years in work", "År i arbete"),
                    ("How many years the employed keep their jobs.",
                     "Hur många år de sysselsatta deltagarna behåller sina arbeten."),
                    ("NyttoSAM's short term (1 year) and medium term (3 and 5 years).",
                     "NyttoSAM:s korta sikt (1 år) och medellånga sikt (3 och 5 år)."))
        self._given("subsidy_rates", [0.0], "share", ("Wage subsidy rates", "Lönebidragsnivåer"),
                    ("Wage subsidy rates compared.", "De nivåer av lönebidrag som jämförs."),
                    ("Work without a wage subsidy.", "Arbete utan lönebidrag."),
                    note=("to ask about work with a wage subsidy, set ledger.move.to: "
                          "subsidised_work and add its rate here, e.g. 0.8"
                          if "subsidised_work" in self.wanted.states else ""))
        self._given("long_view_years", 40, "years", ("Working life", "Arbetsliv"),
                    ("A working life.", "Ett arbetsliv."),
                    ("NyttoSAM's long view of one participant's working life.",
                     "NyttoSAM:s långa sikt: en deltagares arbetsliv."))
        self._given("write_off_years", 5, "years", ("Write-off period", "Avskrivningstid"),
                    ("The period the cost is written off over.",
                     "Den period som kostnaden skrivs av på."),
                    ("A convention; use your organisation's.",
                     "En konvention; använd den egna organisationens."))
        self.add("")

    def _ledger(self) -> None:
        states = self.wanted.states
        self.add("ledger:", "  actors:  # NyttoSAM's parties, and the employer")
        for key, words in ACTORS.items():
            self.add(f"    {key}: {{label: {_label(words)}}}")
        self.add("  states:")
        flows = _state_flows()
        for key in states:
            self.add(f"    {key}:", f"      label: {_label(STATES[key])}", "      flows:")
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
            self.add(f"    {group}:", f"      {_group_label(group)}",
                     f"      transitions:  # from {before}, 12 months before, to each state "
                     "after; one who stayed moves to the same state; add other moves alike")
            for state in self.wanted.states:
                rate = ([f"          subsidy_rate: {FILL}  # their wage subsidy, e.g. 0.8"]
                        if state == "subsidised_work" else [])
                en, sv = (f"{start} → {end[0].lower()}{end[1:]}."
                          for start, end in zip(STATES[before], STATES[state], strict=True))
                self.add(
                    f"        - from: {before}",
                    f"          to: {state}",
                    *rate,
                    "          persons:",
                    f"            value: {FILL}  # persons",
                    "            unit: persons",
                    f"            description: {_label((en, sv))}",
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


def _group_label(group: str) -> str:
    """A group's label: the participants in both languages; a group the user named, in
    English from its name and asked for in Swedish."""
    if group == "participants":
        return (f"label: {_label(('The participants', 'Deltagarna'))}  # the group in words; "
                "change it as you like")
    english = group.replace("_", " ").capitalize()
    return (f"label: {{en: {_quoted(english)}, sv: \"{FILL}: the group's name in Swedish\"}}"
            "  # the group in words")


def _label(words: Bilingual) -> str:
    """A short text in both languages, on one line."""
    en, sv = words
    return f"{{en: {_quoted(en)}, sv: {_quoted(sv)}}}"


def _texts(key: str, words: Bilingual, indent: str) -> list[str]:
    """A text in both languages, each on its own line under ``key``."""
    en, sv = words
    return [f"{indent}{key}:", f"{indent}  en: {_quoted(en)}", f"{indent}  sv: {_quoted(sv)}"]


def _quoted(text: str) -> str:
    """Text as a YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)
