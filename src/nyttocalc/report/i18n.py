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
    "note.never": ("“never”: no number of workers pays back (the value per person-year is zero, "
                   "or drop-off ends the work first).", "”aldrig”: inget antal i arbete betalar "
                   "tillbaka (värdet per arbetsår är noll, eller avgångar avslutar arbetet "
                   "först)."),
    "note.beyond": ("* more than the {participants} participants", "* fler än de {participants} "
                    "deltagarna"),
    "note.mix_cell": ("Each cell: fewest subsidised workers (persons in all).",
                      "Varje cell: minsta antal subventionerade (personer totalt)."),
}


def label(key: str, lang: str, **values: object) -> str:
    english, swedish = LABELS[key]
    text = swedish if lang == "sv" else english
    return text.format(**values) if values else text


# Sweeps, solve, sensitivity, timeline and simulation.
LABELS.update({
    "header.metric": ("Figure", "Siffra"),
    "header.varied": ("Varied", "Varieras"),
    "header.draws": ("{draws} draws, seed {seed}", "{draws} dragningar, frö {seed}"),
    "header.drawn": ("Drawn", "Dras"),
    "header.persons": ("{persons} employed at {rate} wage subsidy",
                       "{persons} i arbete med {rate} lönesubvention"),
    "title.sweep": ("{perspective}: {metric} by {path}", "{perspective}: {metric} efter {path}"),
    "title.heat": ("{perspective}: {metric}, {rate} subsidy, {horizon}",
                   "{perspective}: {metric}, {rate} subvention, {horizon}"),
    "col.cell": ("{rate} · {horizon}", "{rate} · {horizon}"),
    "col.varied": ("varied", "varieras"),
    "note.sampled": ("Showing {shown} of {total} values along {path}; --format csv or json gives "
                     "every point.", "Visar {shown} av {total} värden för {path}; --format csv "
                     "eller json ger varje punkt."),
    "note.heat_range": ("From {low} to {high}; rows: {rows}, columns: {columns}.",
                        "Från {low} till {high}; rader: {rows}, kolumner: {columns}."),
    "note.within": ("Within the {participants} participants at {share} of the points.",
                    "Inom de {participants} deltagarna i {share} av punkterna."),
    "title.solve": ("Solve for {path}", "Lös ut {path}"),
    "solve.question": ("{persons} employed, {perspective}, {horizon}, {rate} wage subsidy",
                       "{persons} i arbete, {perspective}, {horizon}, {rate} lönesubvention"),
    "solve.at_most": ("Pays back at {path} ≤ {value}", "Betalar tillbaka vid {path} ≤ {value}"),
    "solve.at_least": ("Pays back at {path} ≥ {value}", "Betalar tillbaka vid {path} ≥ {value}"),
    "solve.everywhere": ("Pays back at every value from {low} to {high}",
                         "Betalar tillbaka vid varje värde från {low} till {high}"),
    "solve.nowhere": ("No value from {low} to {high} pays back",
                      "Inget värde från {low} till {high} betalar tillbaka"),
    "solve.exact": ("exact: the net value is a straight line in {path}",
                    "exakt: nettovärdet är linjärt i {path}"),
    "solve.bracketed": ("bracketed and bisected: the net value is not a straight line in {path}",
                        "inringat och halverat: nettovärdet är inte linjärt i {path}"),
    "solve.check": ("At that value payback gives {persons} persons (exact) for this horizon.",
                    "Vid det värdet ger payback {persons} personer (exakt) för denna horisont."),
    "title.sensitivity": ("{perspective}: what moves {metric} ({rate} subsidy, {horizon})",
                          "{perspective}: vad som flyttar {metric} ({rate} subvention, "
                          "{horizon})"),
    "col.input": ("Input", "Indata"),
    "col.base": ("Base", "Bas"),
    "col.low": ("Low", "Låg"),
    "col.high": ("High", "Hög"),
    "col.at_low": ("At low", "Vid låg"),
    "col.at_high": ("At high", "Vid hög"),
    "col.swing": ("Swing", "Utslag"),
    "note.moves": ("Each input moved {by} down and up, one at a time, within its valid range; "
                   "base {base}.", "Varje indata flyttad {by} ned och upp, en i taget, inom "
                   "sitt giltiga intervall; bas {base}."),
    "note.not_moved": ("Not moved, as their value is 0 (try sweep): {inputs}.",
                       "Inte flyttade, eftersom värdet är 0 (prova sweep): {inputs}."),
    "note.no_change": ("{path} does not change this figure here.",
                       "{path} ändrar inte denna siffra här."),
    "note.no_effect": ("No effect on these figures: {inputs}.",
                       "Påverkar inte dessa siffror: {inputs}."),
    "title.tornado": ("{perspective}: tornado of {metric}", "{perspective}: tornado för {metric}"),
    "title.timeline": ("{perspective}: year by year", "{perspective}: år för år"),
    "col.year": ("Year", "År"),
    "col.person_years": ("Person-years of work", "Arbetade personår"),
    "col.value": ("Value", "Värde"),
    "col.pv_net": ("Net, present value", "Netto, nuvärde"),
    "col.cumulative": ("Cumulative net, present value", "Ackumulerat netto, nuvärde"),
    "note.year0": ("Year 0 is the intervention; year k the k-th year after its end. Values are "
                   "discounted at {rate} to the start of the intervention.",
                   "År 0 är insatsen; år k det k:te året efter dess slut. Värden diskonteras "
                   "med {rate} till insatsens start."),
    "title.npv": ("{perspective}: net present value by horizon",
                  "{perspective}: nettonuvärde per horisont"),
    "col.pv_benefit": ("Benefit, present value", "Intäkt, nuvärde"),
    "col.pv_cost": ("Cost, present value", "Kostnad, nuvärde"),
    "col.npv": ("Net present value", "Nettonuvärde"),
    "col.bcr": ("Benefit-cost ratio", "Intäkt/kostnad"),
    "note.payback": ("Paid back in year {year} after the end of the intervention, if work lasts.",
                     "Återbetald år {year} efter insatsens slut, om arbetet varar."),
    "title.simulation": ("{perspective}: chance of paying back", "{perspective}: chans till "
                         "återbetalning"),
    "col.probability": ("P(pays back)", "P(återbetald)"),
    "col.net_mean": ("Mean net value", "Medel nettovärde"),
    "col.percentile": ("P{p} net value", "P{p} nettovärde"),
    "title.payback_years": ("{perspective}: payback year, with no limit on the horizon",
                            "{perspective}: återbetalningsår, utan gräns för horisonten"),
    "col.never": ("Never", "Aldrig"),
    "col.year_percentile": ("P{p}", "P{p}"),
    "drawn": ("drawn", "dras"),
    "title.histogram": ("{perspective}: payback year at {rate} subsidy ({never} never)",
                        "{perspective}: återbetalningsår vid {rate} subvention ({never} aldrig)"),
    "hist.year": ("year {year}", "år {year}"),
    "hist.later": ("later", "senare"),
    "note.employed": ("Employed per draw: mean {mean} of {participants}; P5–P95 {low}–{high}.",
                      "I arbete per dragning: medel {mean} av {participants}; P5–P95 "
                      "{low}–{high}."),
    "title.curve": ("{perspective}: payback curve at {rate} wage subsidy",
                    "{perspective}: återbetalningskurva vid {rate} lönesubvention"),
    "curve.series": ("{persons} employed for {horizon}", "{persons} i arbete i {horizon}"),
    "curve.cost": ("cost", "kostnad"),
    "curve.crossed": ("paid back", "återbetald"),
    "curve.x": ("years after the end of the intervention", "år efter insatsens slut"),
})


# Where a command has nothing to draw or add, it says so.
LABELS.update({
    "note.no_additional": (
        "The {persons} employed are no more than the {counterfactual} participants who would "
        "have found work anyway (deadweight): the intervention adds no work, and no value.",
        "De {persons} i arbete är inte fler än de {counterfactual} deltagare som ändå hade fått "
        "arbete (dödviktsförlust): insatsen tillför inget arbete och inget värde."),
    "curve.never": (
        "No number of workers pays back the cost at this rate, within any horizon (no value, "
        "or drop-off ends the work first): no curve to draw.",
        "Inget antal i arbete betalar tillbaka kostnaden vid denna subvention, inom någon "
        "horisont (inget värde, eller avgångar avslutar arbetet först): ingen kurva att rita."),
    "progress.simulate": ("simulate {bar} {share}, about {seconds} s left",
                          "simulate {bar} {share}, cirka {seconds} s kvar"),
    "note.never_paid_back": ("Never paid back, even if work lasts.",
                             "Aldrig återbetald, även om arbetet varar."),
})
