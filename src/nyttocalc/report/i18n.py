"""Every label the output shows, in English and Swedish."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # figures (field names of the core's result rows)
    "cost": ("Cost", "Kostnad"),
    "annual_write_off": ("Cost written off per year", "Avskrivning per år"),
    "value_per_person_year": ("Value per employed person-year", "Värde per person och arbetsår"),
    "long_view_value": ("Value of one participant over the long view",
                        "Värdet av en deltagare i långt perspektiv"),
    "long_view_multiple": ("Long-view value as a multiple of the cost",
                           "Långsiktigt värde i förhållande till kostnaden"),
    "persons_exact": ("Persons (exact)", "Personer (exakt)"),
    "persons_whole": ("Whole persons", "Hela personer"),
    "persons_half_steps": ("Half-time steps", "Halvtidssteg"),
    "payback_year": ("Paid back in year", "Återbetald år"),
    "paid_back_after_years": ("Paid back after (years)", "Återbetald efter (år)"),
    "employment_rate": ("Share of participants", "Andel av deltagarna"),
    "required_value_per_year": ("Needed per year", "Krävs per år"),
    "required_value_per_participant_year": ("Needed per participant-year",
                                            "Krävs per deltagare och år"),
    "years_of_work": ("Years of work", "År i arbete"),
    "subsidised": ("Fewest subsidised", "Minst antal subventionerade"),
    "total": ("Persons in all", "Personer totalt"),
    # dimensions
    "subsidy_rate": ("Wage subsidy", "Lönesubvention"),
    "horizon_years": ("Employed for (years)", "Anställda (år)"),
    "persons": ("Employed", "I arbete"),
    "unsubsidised": ("Unsubsidised", "Utan subvention"),
    # words
    "years": ("years", "år"),
    "year": ("year", "år"),
    # table titles
    "title.costs": ("{perspective}: cost and value", "{perspective}: kostnad och värde"),
    "title.break_even": ("{perspective}: how many must be employed to pay back",
                         "{perspective}: hur många måste komma i arbete för återbetalning"),
    "title.payback_by_persons": ("{perspective}: if k get work, when is the cost paid back",
                                 "{perspective}: om k kommer i arbete, när är kostnaden "
                                 "återbetald"),
    "title.mixes": ("{perspective}: mixes, fewest workers at {rate} subsidy beside workers at "
                    "{base}",
                    "{perspective}: kombinationer, minst antal med {rate} subvention utöver "
                    "dem med {base}"),
    "col.base": ("At {base} subsidy", "Med {base} subvention"),
    "title.explain": ("{perspective}: how each figure is computed",
                      "{perspective}: hur varje siffra beräknas"),
    # column headers
    "col.figure": ("Figure", "Nyckeltal"),
    "col.value": ("Value", "Värde"),
    "col.formula": ("Formula", "Formel"),
    "col.arithmetic": ("With the scenario's numbers", "Med scenariots siffror"),
    "col.within": ("Within {horizon}", "Inom {horizon}"),
    "col.at_rate": ("{label} at {rate}", "{label} vid {rate}"),
    # row labels
    "row.write_off": ("Cost written off over {years} years, per year",
                      "Kostnaden avskriven på {years} år, per år"),
    "row.value": ("Value per employed person-year, {rate} subsidy",
                  "Värde per person och arbetsår, {rate} subvention"),
    "row.long_view": ("One participant over {years} years, {rate} subsidy",
                      "En deltagare under {years} år, {rate} subvention"),
    "row.multiple": ("  … as a multiple of the cost", "  … i förhållande till kostnaden"),
    # check
    "title.check": ("Published figures, recomputed", "Publicerade siffror, omräknade"),
    "col.claim": ("Claim", "Påstående"),
    "col.published": ("Published", "Publicerat"),
    "col.computed": ("Computed", "Beräknat"),
    "col.verdict": ("Verdict", "Bedömning"),
    "verdict.holds": ("holds", "stämmer"),
    "verdict.rounding": ("holds within rounding to {precision}",
                         "stämmer inom avrundning till {precision}"),
    "verdict.drygt": ("holds: just over {published}", "stämmer: drygt {published}"),
    "verdict.knappt": ("holds: just under {published}", "stämmer: knappt {published}"),
    "verdict.nastan": ("holds: almost {published}", "stämmer: nästan {published}"),
    "verdict.does-not-follow": ("does not follow: {computed}, not {published}",
                                "följer inte: {computed}, inte {published}"),
    "reason.never": ("it never pays back: the value is zero",
                     "det betalar aldrig tillbaka: värdet är noll"),
    "reason.fits_cost": ("it fits a cost of {low} to {high} (this scenario's: {cost})",
                         "det passar en kostnad på {low} till {high} (scenariots: {cost})"),
    "reason.fits_cost_at": ("it fits a cost of {low} (this scenario's: {cost})",
                            "det passar en kostnad på {low} (scenariots: {cost})"),
    "reason.rounded_first": ("it fits if {symbol} ({value}) is first rounded to {rounded}",
                             "det passar om {symbol} ({value}) först avrundas till {rounded}"),
    "summary.check": ("{total} claims: {holds} hold, {rounding} hold within rounding, "
                      "{dnf} do not follow.",
                      "{total} påståenden: {holds} stämmer, {rounding} stämmer inom avrundning, "
                      "{dnf} följer inte."),
    "summary.none": ("The scenario lists no claims.", "Scenariot anger inga påståenden."),
    # header and notes
    "header.scenario": ("Scenario", "Scenario"),
    "header.cohort": ("{participants} participants; work starts {delay} years after the "
                      "intervention ends; {fte} of full time",
                      "{participants} deltagare; arbete börjar {delay} år efter avslutad insats; "
                      "{fte} av heltid"),
    "header.overrides": ("Changed for this run", "Ändrat för denna körning"),
    "header.assumptions": ("Assumptions not stated in the sources",
                           "Antaganden som källorna inte anger"),
    "note.never": ("“never”: the value per person-year is zero, so no number of workers pays "
                   "back.", "”aldrig”: värdet per arbetsår är noll, så inget antal i arbete "
                   "betalar tillbaka."),
    "note.beyond": ("* more than the {participants} participants", "* fler än de {participants} "
                    "deltagarna"),
    "note.mix_cell": ("Each cell: fewest subsidised workers (persons in all).",
                      "Varje cell: minsta antal subventionerade (personer totalt)."),
}


def label(key: str, lang: str, **values: object) -> str:
    english, swedish = LABELS[key]
    text = swedish if lang == "sv" else english
    return text.format(**values) if values else text
