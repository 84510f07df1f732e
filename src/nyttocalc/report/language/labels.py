"""Every label the output shows, in English and Swedish.

A label may choose a word by a count: ``{total} {total:claim|claims}`` says "1 claim" and
"63 claims".
"""

from __future__ import annotations

import string

from nyttocalc.core.registry import group_words
from nyttocalc.core.registry import labels as figure_labels

LABELS: dict[str, tuple[str, str]] = {
    **figure_labels(),  # each figure's, where it is defined
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
    "title.group": ("{perspective}: {group}", "{perspective}: {group}"),
    "note.group_cell": ("Each cell: {figures}.", "Varje cell: {figures}."),
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
                      "En deltagare över {years} år i arbete, {rate} subvention"),
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
    "verdict.input-rounding": ("holds given the rounding of its inputs: {range}, published "
                               "{published}",
                               "stämmer givet avrundningen av indata: {range}, publicerat "
                               "{published}"),
    "verdict.misses": ("within the rounding of its inputs {range}, which misses it by {gap}",
                       "inom avrundningen av indata {range}, som missar med {gap}"),
    "verdict.unbounded": ("within the rounding of its inputs a divisor may be 0: no bound",
                          "inom avrundningen av indata kan en nämnare vara 0: ingen gräns"),
    "verdict.rounding-chain": ("follows from the report's own rounding: {symbol} {printed}, as "
                               "printed in {claim} ({section}): {arithmetic} → {published}",
                               "följer av rapportens egen avrundning: {symbol} {printed}, som "
                               "tryckt i {claim} ({section}): {arithmetic} → {published}"),
    "reason.lowers_count": ("it fits if {symbol} ({value}) is first rounded to {rounded}, as "
                            "printed in {claim}, but that gives {count} where the unrounded "
                            "figures need {needed}: fewer than suffice",
                            "det passar om {symbol} ({value}) först avrundas till {rounded}, som "
                            "tryckt i {claim}, men det ger {count} där de oavrundade siffrorna "
                            "kräver {needed}: färre än vad som räcker"),
    "reason.never": ("it never pays back: the value is zero",
                     "det betalar aldrig tillbaka: värdet är noll"),
    "reason.undefined": ("it is undefined: there is no potential to be a share of",
                         "det är odefinierat: det finns ingen potential att vara en andel av"),
    "reason.fits_cost": ("it fits a cost of {low} to {high} (this scenario's: {cost})",
                         "det passar en kostnad på {low} till {high} (scenariots: {cost})"),
    "reason.fits_cost_at": ("it fits a cost of {low} (this scenario's: {cost})",
                            "det passar en kostnad på {low} (scenariots: {cost})"),
    "reason.rounded_first": ("it fits if {symbol} ({value}) is first rounded to {rounded}",
                             "det passar om {symbol} ({value}) först avrundas till {rounded}"),
    "reason.zero_divisor": ("it is undefined: a division by zero",
                            "det är odefinierat: en division med noll"),
    "reason.padded_zero": ("it reads as printed if its last 0 is padding: {value} rounds to "
                           "{published} at one decimal fewer",
                           "det stämmer om den sista nollan är utfyllnad: {value} avrundas till "
                           "{published} med en decimal färre"),
    "summary.check": ("{total} {total:claim|claims}: {holds} {holds:holds|hold}, {rounding} "
                      "{rounding:holds|hold} within rounding, {inputs} {inputs:holds|hold} given "
                      "the rounding of {inputs:its|their} inputs, {chain} {chain:follows|follow} "
                      "from the report's rounding, {dnf} {dnf:does|do} not follow.",
                      "{total} {total:påstående|påståenden}: {holds} stämmer, {rounding} stämmer "
                      "inom avrundning, {inputs} stämmer givet avrundningen av indata, {chain} "
                      "följer av rapportens avrundning, {dnf} följer inte."),
    "qualifier.cirka": ("about", "cirka"),
    "qualifier.drygt": ("just over", "drygt"),
    "qualifier.knappt": ("just under", "knappt"),
    "qualifier.nästan": ("almost", "nästan"),
    "qualifier.minst": ("at least", "minst"),
    "qualifier.högst": ("at most", "högst"),
    "header.document": ("Document {source}: {path}; {quotes} quotes, {missing} not found",
                        "Dokument {source}: {path}; {quotes} citat, {missing} hittades inte"),
    "title.quotes": ("Quotes not found in {source}", "Citat som inte finns i {source}"),
    "col.quoted_by": ("Quoted by", "Citeras av"),
    "col.missing": ("Not found", "Hittades inte"),
    "col.closest": ("Closest passage", "Närmaste stycke"),
    "closest": ("line {line} ({similarity} alike): {text}",
                "rad {line} ({similarity} lika): {text}"),
    "closest.none": ("the document is empty", "dokumentet är tomt"),
    "title.coverage": ("Numbers of {source} in the sections the claims and inputs name",
                       "Tal i {source} i de avsnitt som påståendena och indata anger"),
    "col.section": ("Section", "Avsnitt"),
    "col.numbers": ("Numbers", "Tal"),
    "col.covered": ("Covered", "Täckta"),
    "col.uncovered": ("Not covered (line: number)", "Inte täckta (rad: tal)"),
    "coverage.line": ("{name}: {numbers} numbers, {covered} covered, {uncovered} not",
                      "{name}: {numbers} tal, {covered} täckta, {uncovered} inte"),
    "note.coverage": ("A number is covered when it stands in a found quote of a claim or input "
                      "and reads one of the numbers it checks. Years, dates, footnote markers, "
                      "page numbers, references and headings are not counted (numbers in "
                      "headings are listed apart).",
                      "Ett tal är täckt när det står i ett funnet citat av ett påstående eller "
                      "en indata och läses som ett av talen det kontrollerar. Årtal, datum, "
                      "fotnotsmarkörer, sidnummer, hänvisningar och rubriker räknas inte (tal i "
                      "rubriker listas för sig)."),
    "note.in_headings": ("Numbers in the sections' headings, listed and not counted: "
                         "{numbers}",
                         "Tal i avsnittens rubriker, listade men inte räknade: {numbers}"),
    "note.overlap": ("The section {section} lies within {outer}, which is also named: its "
                     "numbers are counted once, under {outer}.",
                     "Avsnittet {section} ligger inom {outer}, som också anges: dess tal räknas "
                     "en gång, under {outer}."),
    "note.not_found": ("Sections named by claims or inputs but not found as headings: "
                       "{sections}",
                       "Avsnitt som påståenden eller indata anger men som inte finns som "
                       "rubriker: {sections}"),
    "summary.none": ("The scenario lists no claims.", "Scenariot anger inga påståenden."),
    # header and notes
    "header.scenario": ("Scenario", "Scenariofil"),
    "header.cohort": ("{participants} {participants:participant|participants}; work starts "
                      "{delay} {delay:year|years} after the intervention ends; {fte} of full time",
                      "{participants} deltagare; arbete börjar {delay} år efter avslutad insats; "
                      "{fte} av heltid"),
    "header.overrides": ("Changed for this run", "Ändrat för denna körning"),
    "header.assumptions": ("Assumptions not stated in the sources",
                           "Antaganden som källorna inte anger"),
    "note.never": ("“never”: no number of workers pays back (the value per person-year is zero, "
                   "or drop-off ends the work first).", "”aldrig”: inget antal i arbete betalar "
                   "tillbaka (värdet per arbetsår är noll, eller avgångar avslutar arbetet "
                   "först)."),
    "note.beyond": ("* more than the {participants} {participants:participant|participants}",
                    "* fler än scenariots {participants} deltagare"),
    "note.paid_nothing": ("° {perspective} paid nothing here: nothing to pay back. A number "
                          "means it gains from the first year of work (or neither gains nor "
                          "loses); “never” that it loses by every employed person-year.",
                          "° {perspective} betalade inget här: inget att betala tillbaka. Ett tal "
                          "betyder att det vinner från första arbetsåret (eller varken vinner "
                          "eller förlorar); ”aldrig” att det förlorar på varje person och "
                          "arbetsår."),
    "note.mix_cell": ("Each cell: fewest subsidised workers (persons in all).",
                      "Varje cell: minsta antal subventionerade (personer totalt)."),
}


def label(key: str, lang: str, **values: object) -> str:
    english, swedish = LABELS[key]
    text = swedish if lang == "sv" else english
    return _COUNTING.format(text, **values) if values else text


class _Counting(string.Formatter):
    """``{n:one|many}`` is the word for ``n``: the first where n is 1, else the second."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" not in format_spec:
            return str(super().format_field(value, format_spec))
        one, many = format_spec.split("|")
        return one if _is_one(value) else many


def _is_one(value: object) -> bool:
    """1 and 1.0 are one; so is "1", a number as shown (shown numbers drop trailing zeros)."""
    if isinstance(value, str):
        return value.strip() == "1"
    return isinstance(value, int | float) and value == 1


_COUNTING = _Counting()


# Actors and NyttoSAM's key figures.
LABELS.update({
    "title.who_gains": ("Who pays and who gains: {move}", "Vem betalar och vem vinner: {move}"),
    "header.move": ("{before} → {after}", "{before} → {after}"),
    "col.paid": ("Paid for the intervention", "Betalat för insatsen"),
    "col.value_at": ("Per person-year, {rate} subsidy", "Per person och år, {rate} subvention"),
    "note.who_gains": ("Per employed person-year. Society counts the real effects (production, "
                       "resources); each actor its flows, transfers too. The transfers cancel: "
                       "the actors add up to society.", "Per person och arbetsår. Samhället "
                       "räknar de reala effekterna (produktion, resurser); varje aktör sina "
                       "flöden, transfereringar också. Transfereringarna tar ut varandra: "
                       "aktörerna summerar till samhället."),
    "title.without_cost": ("{perspective}: nothing to pay back; what employment brings",
                           "{perspective}: inget att betala tillbaka; vad arbete ger"),
    "col.outlook": ("What it means", "Vad det innebär"),
    "outlook.pays_back": ("pays back with enough employed", "betalar tillbaka med tillräckligt "
                          "många i arbete"),
    "outlook.gains_from_start": ("gains from the first year of work", "vinner från första "
                                 "arbetsåret"),
    "outlook.never": ("never pays back: it loses by every employed person-year",
                      "betalar aldrig tillbaka: det förlorar på varje person och arbetsår"),
    "outlook.loses": ("loses by every employed person-year", "förlorar på varje person och "
                      "arbetsår"),
    "outlook.nothing": ("neither gains nor loses by employment",
                        "varken vinner eller förlorar på arbete"),
    "note.loses": ("At {rate} subsidy it never pays back: it loses {amount} per employed "
                   "person-year.", "Vid {rate} subvention betalar det aldrig tillbaka: det "
                   "förlorar {amount} per person och arbetsår."),
    "title.outcomes_explain": ("Key figures: how each is computed",
                               "Nyckeltal: hur vart och ett beräknas"),
    "col.party": ("Perspective", "Perspektiv"),
    "kf.cost": ("Cost", "Kostnader"),  # the cost as NyttoSAM's key-figure tables head it
    "kf.no_potential": ("no potential", "ingen potential"),
    "note.outcomes": ("Revenue: what the moves from the state before to the state after bring in "
                      "a year. Payback time: cost / revenue; 0 where nothing was paid and nothing "
                      "is lost, never where the revenue is a loss. Potential: the yearly cost of "
                      "the states before, against work without a subsidy. Efficiency "
                      "(verkningsgrad): revenue / potential, where there is a potential to free.",
                      "Intäkter: vad förflyttningarna från föreläge till efterläge ger under ett "
                      "år. Återbetalningstid: kostnader / intäkter; 0 där inget betalats och "
                      "inget förloras, aldrig där intäkterna är en förlust. Potential: "
                      "förelägets årliga kostnad jämfört med arbete utan subvention. "
                      "Verkningsgrad: intäkter / potential, där det finns en potential att "
                      "frigöra."),
})


def _add(labels: dict[str, tuple[str, str]]) -> None:
    """More labels; a key used twice would silently replace the first one's words."""
    again = sorted(labels.keys() & LABELS.keys())
    if again:
        raise KeyError(f"labels defined twice: {', '.join(again)}")
    LABELS.update(labels)


# Sweeps, solve, sensitivity, timeline and simulation.
_add({
    "header.metric": ("Figure", "Siffra"),
    "header.employed": ("{persons} employed", "{persons} i arbete"),
    "header.varied": ("Varied", "Varieras"),
    "header.draws": ("{draws} {draws:draw|draws}, seed {seed}",
                     "{draws} {draws:dragning|dragningar}, frö {seed}"),
    "header.drawn": ("Uncertain inputs, drawn from", "Osäkra indata, dragna ur"),
    "employment_probability": ("The chance that a participant gets work",
                               "Chansen att en deltagare får arbete"),
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
    "note.heat_range": ("Shading from pale ({low}) to deep ({high}) in a terminal; rows: {rows}, "
                        "columns: {columns}.",
                        "Skuggning från ljus ({low}) till mörk ({high}) i en terminal; rader: "
                        "{rows}, kolumner: {columns}."),
    "note.within": ("Within the {participants} {participants:participant|participants} at "
                    "{share} of the points.",
                    "Ryms inom scenariots {participants} deltagare i {share} av punkterna."),
    "title.solve": ("Solve for {path}", "Lös ut {path}"),
    "solve.question": ("{persons} employed, {perspective}, {horizon}, {rate}",
                       "{persons} i arbete, {perspective}, {horizon}, {rate}"),
    "solve.horizon": ("for {horizon}", "i {horizon}"),
    "solve.horizon_unknown": ("for the number of years solved for ({path})",
                              "i det antal år som söks ({path})"),
    "solve.rate": ("at {rate} wage subsidy", "med {rate} lönesubvention"),
    "solve.rate_unknown": ("at the wage subsidy solved for ({path})",
                           "med den lönesubvention som söks ({path})"),
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
    "col.base_value": ("Base", "Bas"),
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
    "tornado.low": ("Input {by} lower", "Indata {by} lägre"),
    "tornado.high": ("Input {by} higher", "Indata {by} högre"),
    "tornado.change": ("Change in {metric} from {base}", "Ändring i {metric} från {base}"),
    "title.tornado": ("{perspective}: tornado of {metric}", "{perspective}: tornado för {metric}"),
    "title.timeline": ("{perspective}: year by year", "{perspective}: år för år"),
    "col.year": ("Year", "År"),
    "col.person_years": ("Person-years of work", "Arbetade personår"),
    "col.pv_net": ("Net, present value", "Netto, nuvärde"),
    "col.cumulative": ("Cumulative net, present value", "Ackumulerat netto, nuvärde"),
    "note.year0": ("Year 0 is the intervention, its cost paid at once; year k the k-th year "
                   "after its end. Values are discounted at {rate} to the start of the "
                   "intervention.",
                   "År 0 är insatsen, dess kostnad betald på en gång; år k det k:te året efter "
                   "dess slut. Värden diskonteras med {rate} till insatsens start."),
    "note.years": ("Years {first} to 0 are the intervention ({length} {length:year|years}), its "
                   "cost paid evenly over them; year k the k-th year after its end. Values are "
                   "discounted at {rate} to the start of the intervention.",
                   "År {first} till 0 är insatsen ({length} år), dess kostnad jämnt fördelad "
                   "över dem; år k det k:te året efter dess slut. Värden diskonteras med {rate} "
                   "till insatsens start."),
    "title.npv": ("{perspective}: net present value by horizon",
                  "{perspective}: nettonuvärde per horisont"),
    "col.pv_benefit": ("Benefit, present value", "Intäkt, nuvärde"),
    "col.pv_cost": ("Cost, present value", "Kostnad, nuvärde"),
    "col.npv": ("Net present value", "Nettonuvärde"),
    "col.bcr": ("Benefit-cost ratio", "Intäkt/kostnad"),
    "note.payback": ("Paid back in year {year} after the end of the intervention, if work lasts.",
                     "Återbetald år {year} efter insatsens slut, om arbetet varar."),
    "dist.fixed": ("fixed", "fast"),
    "dist.uniform": ("uniform", "likformig"),
    "dist.triangular": ("triangular", "triangel"),
    "dist.normal": ("normal", "normal"),
    "dist.beta": ("beta", "beta"),
    "dist.beta_on": ("beta({alpha}{sep}{beta}) on [{low}{sep}{high}]",
                     "beta({alpha}{sep}{beta}) på [{low}{sep}{high}]"),
    "dist.truncated": ("{shape} truncated to [{low}{sep}{high}]",
                       "{shape} trunkerad till [{low}{sep}{high}]"),
    "dist.truncated_below": ("{shape} truncated below at {bound}",
                             "{shape} trunkerad nedåt vid {bound}"),
    "dist.truncated_above": ("{shape} truncated above at {bound}",
                             "{shape} trunkerad uppåt vid {bound}"),
    "title.simulation": ("{perspective}: chance of paying back", "{perspective}: chans till "
                         "återbetalning"),
    "col.probability": ("P(pays back)", "P(återbetald)"),
    "col.net_mean": ("Mean net value", "Medel nettovärde"),
    "col.percentile": ("P{p} net value", "P{p} nettovärde"),
    "title.payback_years": ("{perspective}: payback year, with no limit on the horizon",
                            "{perspective}: återbetalningsår, utan gräns för horisonten"),
    "col.never": ("Never", "Aldrig"),
    "col.year_percentile": ("P{p}", "P{p}"),
    "drawn": ("uncertain", "osäker"),
    "title.histogram": ("{perspective}: payback year at {rate} subsidy ({never} never)",
                        "{perspective}: återbetalningsår vid {rate} subvention ({never} aldrig)"),
    "title.histogram_drawn": ("{perspective}: payback year at an uncertain subsidy rate ({never} "
                              "never)",
                              "{perspective}: återbetalningsår vid osäker subvention ({never} "
                              "aldrig)"),
    "hist.later": ("later", "senare"),
    "hist.never": ("never", "aldrig"),
    "hist.share": ("Share of draws", "Andel av dragningarna"),
    "hist.paid_back": ("Paid back in year (after the end of the intervention)",
                       "Återbetald år (efter insatsens slut)"),
    "note.employed": ("Employed per draw: mean {mean} of {participants}; P5–P95 {low}–{high}.",
                      "I arbete per dragning: medel {mean} av {participants}; P5–P95 "
                      "{low}–{high}."),
    "title.curve": ("{perspective}: payback curve at {rate} wage subsidy",
                    "{perspective}: återbetalningskurva vid {rate} lönesubvention"),
    "curve.series": ("{persons} employed for {horizon}", "{persons} i arbete i {horizon}"),
    "curve.cost": ("cost", "kostnad"),
    "curve.crossed": ("paid back", "återbetald"),
    "curve.x": ("Years after the end of the intervention", "År efter insatsens slut"),
    "curve.y": ("Cumulative value (SEK)", "Ackumulerat värde (kr)"),
})


# The report and the workbook.
LABELS.update({
    "sheet.inputs": ("Inputs", "Indata"),
    "xlsx.answer_note": ("Every figure below is a formula of the inputs (the tinted cells of "
                         "the Inputs sheet): change an input and the answer follows.",
                         "Varje siffra nedan är en formel av indata (de färgade cellerna på "
                         "bladet Indata): ändra en indata så följer svaret med."),
    "xlsx.col_needed": ("Needed for {years} {horizon:year|years} (of {participants})",
                        "Krävs i {years} år (av {participants})"),
    "xlsx.input_title": ("Input", "Indata"),
    "col.verdict_live": ("Verdict, as the inputs now stand", "Bedömning med indata som de nu är"),
    "xlsx.verdict_holds": ("holds", "stämmer"),
    "xlsx.verdict_rounding": ("holds within rounding", "stämmer inom avrundning"),
    "xlsx.verdict_fails": ("does not follow", "följer inte"),
    "xlsx.invalid_title": ("Not allowed here", "Inte tillåtet här"),
    "xlsx.invalid": ("The scenario format takes {allowed}.", "Scenarioformatet tar {allowed}."),
    "xlsx.between": ("a number from {low} to {high}", "ett tal från {low} till {high}"),
    "xlsx.above_up_to": ("a number above {low}, up to {high}",
                         "ett tal över {low}, upp till {high}"),
    "xlsx.whole_between": ("a whole number from {low} to {high}",
                           "ett heltal från {low} till {high}"),
    "sheet.claims": ("Claims", "Påståenden"),
    "sheet.key_figures": ("Key figures", "Nyckeltal"),
    "col.formula_varies": ("differs by perspective: see each cell",
                           "olika per perspektiv: se varje cell"),
    "col.path": ("Key path", "Nyckelväg"),
    "col.description": ("Description", "Beskrivning"),
    "col.unit": ("Unit", "Enhet"),
    "col.source": ("Source or assumption", "Källa eller antagande"),
    "col.default": ("Not in the scenario: the default", "Finns inte i scenariot: standardvärdet"),
    "col.assumption": ("Assumption", "Antagande"),
    "col.name": ("Name (in formulas)", "Namn (i formler)"),
    "col.section": ("Section", "Avsnitt"),
    "col.printed": ("As printed", "Som tryckt"),
    "col.verdict_export": ("Verdict at export", "Bedömning vid exporten"),
    "group.intermediate": ("Figures computed on the way", "Mellanled i beräkningen"),
    "group.parts": ("Parts of the formulas above, each in a cell of its own",
                    "Delar av formlerna ovan, var och en i en egen cell"),
    "html.made_by": ("Made with nyttocalc {version} from the scenario file; every figure is "
                     "recomputed from the inputs in the appendix.",
                     "Gjord med nyttocalc {version} ur scenariofilen; varje siffra är beräknad ur "
                     "indata i bilagan."),
    "html.contents": ("Contents", "Innehåll"),
    "html.sources": ("Sources", "Källor"),
    "html.inputs": ("Inputs, their sources and assumptions", "Indata, källor och antaganden"),
    "html.data": ("The chart's data as a table", "Diagrammets data som tabell"),
    "plot.too_wide": ("(Its values are written too wide for a chart {width} columns wide; the "
                      "tables give them.)",
                      "(Dess värden skrivs för brett för ett diagram {width} tecken brett; "
                      "tabellerna ger dem.)"),
    "html.inputs_table": ("Inputs", "Indata"),
    "html.source": ("Source", "Källa"),
    "input.computed": ("Computed: {formula}", "Beräknas: {formula}"),
    "input.overridden": ("Changed for this run: --set {given}",
                         "Ändrat i denna körning: --set {given}"),
    "html.assumptions_see": ("{count} {count:input is an assumption|inputs are assumptions} "
                             "that no source states: see",
                             "{count} indata är antaganden som ingen källa anger: se"),
    # the unit after an input's value where the number does not say it (1, 3, 5 years)
    "after.SEK/year": ("a year", "per år"),
    "after.SEK/person-year": ("per person-year", "per person och år"),
    "after.SEK/month": ("a month", "per månad"),
    "after.SEK/week": ("a week", "per vecka"),
    "after.SEK/day": ("a day", "per dag"),
    "after.SEK/hour": ("an hour", "per timme"),
    "after.months": ("months", "månader"),
    "after.persons": ("persons", "personer"),
    "after.years": ("years", "år"),
    "after.FTE": ("FTE", "heltid"),
    "html.results": ("Results per party", "Resultat per part"),
    "html.check": ("The published figures, recomputed", "De publicerade siffrorna, omräknade"),
    "html.uncertainty": ("What moves the answer, and how uncertain it is",
                         "Vad som påverkar svaret, och hur osäkert det är"),
    "html.timeline": ("Year by year", "År för år"),
    "html.no_timeline": ("The scenario says neither how many got work nor how many are "
                         "expected to: there is no year-by-year account to show.",
                         "Scenariot anger varken hur många som fick arbete eller hur många som "
                         "väntas få det: det finns ingen redovisning år för år att visa."),
    "html.chart_data": ("Appendix: the charts' data", "Bilaga: diagrammens data"),
    "html.details": ("Appendix: the tables in detail", "Bilaga: tabellerna i detalj"),
    "title.check_failing": ("Published figures that do not follow from the report's own inputs "
                            "(every published figure is in the appendix)",
                            "Publicerade siffror som inte följer av rapportens egna indata (alla "
                            "publicerade siffror finns i bilagan)"),
    "html.nobody_employed": ("In the first year after, none of the {participants} participants "
                             "had made the move to work (the scenario's outcomes): there is no "
                             "year-by-year account of their work to show.",
                             "Första året efter hade ingen av de {participants} deltagarna gått "
                             "till arbete (scenariots utfall): det finns inget arbete att "
                             "redovisa år för år."),
    "html.appendix": ("Appendix: inputs, their sources and assumptions",
                      "Bilaga: indata, källor och antaganden"),
    "html.same_assumption": ("The same assumption as for {input}.",
                             "Samma antagande som för {input}."),
    "html.fallback": ("(in {language})", "(på {language})"),
    "language.en": ("English", "engelska"),
    "language.sv": ("Swedish", "svenska"),
    "title.drivers": ("{perspective}: what moves the payback time if {persons} work at {rate} "
                      "subsidy",
                      "{perspective}: vad som flyttar återbetalningstiden om {persons} arbetar "
                      "med {rate} subvention"),
    "title.drivers_tornado": ("{perspective}: payback time, each input moved down and up",
                              "{perspective}: återbetalningstiden när varje indata ändras ned "
                              "och upp"),
    "col.years_at": ("Paid back after (years), {change}", "Återbetald efter (år), {change}"),
    "note.drivers": ("Paid back {base} years after the intervention ends with every input as "
                     "given; each row moves one input by {share} down and up. Inputs that do "
                     "not move it are left out.",
                     "Återbetald {base} år efter insatsens slut med alla indata som de anges; "
                     "varje rad ändrar en indata {share} ned och upp. Indata som inte påverkar "
                     "den är utelämnade."),
    "tornado.years": ("Change in years (base {base})", "Ändring i år (utgångsläge {base})"),
})


# What comes with nyttocalc: `nyttocalc examples` and `nyttocalc parameters`.
LABELS.update({
    "catalogue.title.examples": ("Scenarios that come with nyttocalc",
                                 "Scenarier som följer med nyttocalc"),
    "catalogue.col.name": ("Name", "Namn"),
    "catalogue.scenarios": ("Scenarios", "Scenarier"),
    "catalogue.sets": ("Sets", "Uppsättningar"),
    "catalogue.col.title": ("Title", "Titel"),
    "catalogue.note.examples": (
        "Write one out to start from: nyttocalc examples liva -o liva.yaml. Start a new "
        "scenario: nyttocalc new -o my.yaml --municipality Umeå --year 2025.",
        "Skriv ut ett att utgå från: nyttocalc examples liva -o liva.yaml. Börja ett nytt "
        "scenario: nyttocalc new -o mitt.yaml --municipality Umeå --year 2025."),
    "catalogue.title.sets": ("Parameter sets that come with nyttocalc",
                             "Parameteruppsättningar som följer med nyttocalc"),
    "catalogue.col.year": ("Year", "År"),
    "catalogue.col.figures": ("Figures", "Värden"),
    "catalogue.col.missing": ("Not given", "Ges inte"),
    "catalogue.col.local_taxes": ("Local tax rates", "Kommunalskatt"),
    "catalogue.municipalities": ("{count} municipalities", "{count} kommuner"),
    "catalogue.note.sets": (
        "In a scenario: uses: [se-2025], or uses: [{parameters: se-2025, municipality: Umeå}] "
        "to add that municipality's municipal_tax_rate, regional_tax_rate and "
        "local_tax_rate_total. Each figure with its source: nyttocalc parameters se-2025 "
        "--municipality Umeå.",
        "I ett scenario: uses: [se-2025], eller uses: [{parameters: se-2025, municipality: "
        "Umeå}] för att lägga till kommunens municipal_tax_rate, regional_tax_rate och "
        "local_tax_rate_total. Varje värde med sin källa: nyttocalc parameters se-2025 "
        "--municipality Umeå."),
    "catalogue.header.set": ("Parameter set: {name} ({year})", "Parameteruppsättning: {name} "
                             "({year})"),
    "catalogue.header.municipality": ("Municipality: {municipality}", "Kommun: {municipality}"),
    "catalogue.header.bases": (
        "{source} from a source, {derived} derived, {assumption} "
        "{assumption:assumption|assumptions}, {missing} missing, {not_in_force} not in force "
        "that year",
        "{source} ur en källa, {derived} härledda, {assumption} antaganden, {missing} saknas, "
        "{not_in_force} gällde inte det året"),
    "catalogue.col.input": ("Input", "Indata"),
    "catalogue.col.value": ("Value", "Värde"),
    "catalogue.col.basis": ("Basis", "Grund"),
    "catalogue.col.where": ("Where it comes from", "Varifrån"),
    "catalogue.title.figures": ("Figures", "Värden"),
    "catalogue.note.figures": (
        "Derived: computed from sourced figures as the text says. Missing: no public source "
        "read gave it; not in force: the rule did not apply that year. A scenario that uses "
        "such a figure is told so, and must give it itself.",
        "Härlett: beräknat ur värden med källa, som texten säger. Saknas: ingen offentlig källa "
        "som lästes gav det; gällde inte: regeln gällde inte det året. Ett scenario som "
        "använder ett sådant värde får veta det och måste ange det själv."),
    "catalogue.basis.source": ("source", "källa"),
    "catalogue.basis.derived": ("derived", "härlett"),
    "catalogue.basis.assumption": ("assumption", "antagande"),
    "catalogue.basis.missing": ("missing", "saknas"),
    "catalogue.basis.not_in_force": ("not in force", "gällde inte"),
    "catalogue.where.source": ("{title} › {section}: “{quote}”", "{title} › {section}: "
                               "”{quote}”"),
})


# Swedish words of the CSV written for Excel (``--format csv --lang sv``): column names and the
# words in cells (units, verdicts, groups, figures). English CSV keeps the machine's names.
CSV_SWEDISH: dict[str, str] = {
    "perspective": "Perspektiv", "group": "Grupp", "figure": "Nyckeltal", "value": "Värde",
    "unit": "Enhet", "id": "Påstående", "verdict": "Bedömning", "published": "Publicerat",
    "computed": "Beräknat", "difference": "Skillnad", "qualifier": "Kvalificering",
    "precision": "Precision", "section": "Avsnitt", "year": "År", "person_years": "Personår",
    "present_value_net": "Netto, nuvärde",
    "cumulative_present_value_net": "Ackumulerat netto, nuvärde",
    "probability": "P(återbetald)", "net_value_mean": "Medel nettovärde", "path": "Indata",
    "base": "Bas", "low": "Låg", "high": "Hög", "at_low": "Vid låg", "at_high": "Vid hög",
    "swing": "Utslag", "drawn": "dras", "varied": "varieras",
    **group_words(),  # groups of payback's figures
    "exact": "exakt",
    "revenue": "Intäkter", "net_benefit": "Lönsamhet", "payback_time": "Återbetalningstid",
    "potential": "Potential", "efficiency": "Verkningsgrad",
    "chain_claim": "Kedja, påstående", "chain_printed": "Kedja, tryckt",
    "chain_computed": "Kedja, beräknat", "quote": "Citat", "found": "funnet",
    "missing": "saknas", "document": "Dokument", "line": "Rad", "number": "Tal",
    "covered_by": "Täckt av", "in_heading": "I rubrik", "yes": "ja",
    # verdicts
    "holds": "stämmer", "rounding": "stämmer inom avrundning", "does-not-follow": "följer inte",
    "rounding-chain": "följer av rapportens avrundning",
    "input-rounding": "stämmer givet avrundningen av indata",
    "computed_low": "Beräknat, lägst", "computed_high": "Beräknat, högst",
    "misses_by": "Missar med",
    # units
    "SEK": "kr", "SEK/year": "kr/år", "SEK/person-year": "kr per person och år",
    "SEK/month": "kr/månad", "SEK/week": "kr/vecka", "SEK/day": "kr/dag", "SEK/hour": "kr/timme",
    "months": "månader", "persons": "personer", "years": "år",
    "share": "andel", "FTE": "heltid", "multiple": "gånger",
}


def unit_after(unit: str, lang: str) -> str:
    """The words after a number that its own form does not say: ``per månad`` after
    ``22 500 kr``, ``år`` after ``1, 3, 5``; nothing after kronor, a share or a multiple."""
    key = f"after.{unit}"
    return label(key, lang) if key in LABELS else ""


def csv_swedish(word: str) -> str:
    """The Swedish word for a CSV column or cell word: a figure's or dimension's own label
    where it has one (``persons_whole`` → Hela personer), ``net_value_p5`` → P5 nettovärde."""
    if word in CSV_SWEDISH:
        return CSV_SWEDISH[word]
    code, slash, per = word.partition("/")
    if code in ("USD", "AUD", "GBP", "EUR"):  # money in another currency: "USD/år"
        return code + (CSV_SWEDISH[f"SEK/{per}"].removeprefix("kr") if slash else "")
    if word in LABELS:
        return LABELS[word][1]
    if word.startswith("net_value_p"):
        return label("col.percentile", "sv", p=word.removeprefix("net_value_p"))
    return word


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


# The answer, first (``answer``): sentences a board reads, with the analysis' own figures.
LABELS.update({
    "whatif.title": ("What if? Change an input", "Tänk om? Ändra en indata"),
    "whatif.note": ("The answer above, the tables and the payback curves of each party follow what "
                    "you enter here. The scenario's own values are filled in; nothing leaves this "
                    "page.",
                    "Svaret ovan, tabellerna och återbetalningskurvorna för varje part följer det "
                    "du skriver här. Scenariots egna värden är ifyllda; inget lämnar sidan."),
    "whatif.changed": ("Computed with changed inputs: {inputs}.",
                       "Beräknat med ändrade indata: {inputs}."),
    "whatif.changed_item": ("{input}: {value}", "{input}: {value}"),
    "whatif.changed_input": ("{input} {value} (the scenario: {given})",
                             "{input} {value} (scenariot: {given})"),
    "whatif.stale": ("Greyed parts are for the scenario's own inputs: what was observed and "
                     "expected, the chances, what moves the answer, year by year and the "
                     "published figures.",
                     "Gråtonade delar gäller scenariots egna indata: det som observerats och "
                     "förväntas, chanserna, vad som påverkar svaret, år för år och de publicerade "
                     "siffrorna."),
    "whatif.reset": ("Back to the scenario", "Tillbaka till scenariot"),
    "whatif.link": ("Link to this view", "Länk till den här vyn"),
    "whatif.refused": ("Not a value the scenario allows here",
                       "Inget värde som scenariot tillåter här"),
    "whatif.item": ("{value} in the scenario", "{value} i scenariot"),
    "whatif.kept": ("the page computes with {value}", "sidan räknar med {value}"),
    "answer.title": ("The answer", "Svaret i korthet"),
    "answer.and": ("and", "och"),
    "answer.or": ("or", "eller"),
    "answer.respectively": ("and", "respektive"),
    "answer.no_subsidy": ("without a wage subsidy", "utan lönesubvention"),
    "answer.with_subsidy": ("at {rate} wage subsidy", "med {rate} lönesubvention"),
    "answer.pays_back": ("{party}: the cost is {cost}. It is paid back if {counts}, {rate}.",
                         "{party}: kostnaden är {cost}. Den är återbetald om {counts}, {rate}."),
    "answer.never": ("{party}: the cost is {cost}, and work never pays it back.",
                     "{party}: kostnaden är {cost}, och arbete betalar aldrig tillbaka den."),
    "answer.count_first": ("{persons} of the {participants} participants work for {years} "
                           "{horizon:year|years}",
                           "{persons} av de {participants} deltagarna arbetar i {years} år"),
    "answer.count": ("{persons} for {years} {horizon:year|years}", "{persons} i {years} år"),
    "answer.beyond": ("(more than the participants)", "(fler än deltagarna)"),
    "answer.same_at": ("The same {rate}.", "Detsamma {rate}."),
    "answer.never_at": ("{rate}, never.", "{rate}: aldrig."),
    "answer.at_rate": ("{rate}: {counts}.", "{rate}: {counts}."),
    "answer.per_year": ("Per employed person-year: {parts}.", "Per person och arbetsår: {parts}."),
    "answer.value_at": ("{amount} {rate}", "{amount} {rate}"),
    "answer.per_year_any_rate": ("Per employed person-year: {amount}, with or without a wage "
                                 "subsidy.",
                                 "Per person och arbetsår: {amount}, med eller utan "
                                 "lönesubvention."),
    "answer.gain_for_free": ("Paid nothing and {count:gains|gain} from every person in work, per "
                             "employed person-year: {parties}.",
                             "Betalade inget och vinner på varje person i arbete, per person "
                             "och arbetsår: {parties}."),
    "answer.loses": ("{party} paid nothing and loses {parts}.",
                     "{party} betalade inget och förlorar {parts}."),
    "answer.loss_at": ("{amount} per employed person-year {rate}",
                       "{amount} per person och arbetsår {rate}"),
    "answer.untouched": ("Not concerned by the move (no cost, no money per employed "
                         "person-year): {parties}.",
                         "Berörs inte av förflyttningen (ingen kostnad, inga pengar per person "
                         "och arbetsår): {parties}."),
    "answer.timing": ("Work starts {delay} years after the intervention ends: paid back within "
                      "{horizons} years of work means {years} years after its end, respectively.",
                      "Arbetet börjar {delay} år efter insatsens slut: återbetalt inom "
                      "{horizons} års arbete betyder {years} år efter slutet."),
    "answer.table": ("Who pays, who gains, how many must work", "Vem betalar, vem vinner, hur "
                     "många måste arbeta"),
    "answer.col_value": ("Per employed person-year, {rate} subsidy",
                         "Per person och arbetsår, {rate} subvention"),
    "answer.col_needed": ("Needed for {years} {horizon:year|years}",
                          "Krävs i {years} år"),
    "answer.of": ("{persons} of {participants}", "{persons} av {participants}"),
    "answer.nothing_to_pay": ("–", "–"),
    "answer.table_note": ("Needed: the whole persons of the {participants} participants who must "
                          "work that long, {rate}, for the party's cost to be paid back; – where "
                          "the party paid nothing.",
                          "Krävs: hur många av de {participants} deltagarna som måste arbeta så "
                          "länge, {rate}, för att partens kostnad ska vara återbetald; – där "
                          "parten inte betalade något."),
    "answer.observed": ("Observed: the first year after (before and after, NyttoSAM)",
                        "Utfall: första året efter (föreläge och efterläge, NyttoSAM)"),
    "answer.observed_note": ("Revenue: what the observed moves brought in the first year after. "
                             "Net benefit: revenue less cost. Payback time: cost / revenue. "
                             "Efficiency: revenue as a share of the yearly cost of the "
                             "before-state.",
                             "Intäkter: vad de observerade förflyttningarna gav första året "
                             "efter. Lönsamhet: intäkter minus kostnader. Återbetalningstid: "
                             "kostnader / intäkter. Verkningsgrad: intäkterna som andel av "
                             "förelägets årliga kostnad."),
    "answer.chance": ("{party}: the chance that the cost is paid back {rate} ({draws} simulated "
                      "outcomes): {parts}.",
                      "{party}: chansen att kostnaden betalas tillbaka {rate} ({draws} "
                      "simulerade utfall): {parts}."),
    "answer.chance_at": ("{share} with {years} {horizon:year|years} of work",
                         "{share} med {years} års arbete"),
    "answer.drivers": ("{party}: if {persons} work {rate}, the cost is paid back {years} years "
                       "after the intervention ends. What moves that most when one input is "
                       "changed by ±{share}: {effects}.",
                       "{party}: om {persons} arbetar {rate} är kostnaden återbetald {years} år "
                       "efter insatsens slut. Det som flyttar det mest när en indata ändras "
                       "±{share}: {effects}."),
    "answer.driver": ("{input} ({low}–{high} years)", "{input} ({low}–{high} år)"),
    "answer.claims": ("The report's published figures, recomputed: {total} {total:claim|claims}; "
                      "{holds} {holds:holds|hold}, {rounding} within the rounding of the figure "
                      "or its inputs, {chain} through the report's own rounding and {dnf} "
                      "{dnf:does|do} not follow from its own inputs.",
                      "Rapportens publicerade siffror, omräknade: {total} {total:påstående|"
                      "påståenden}; {holds} stämmer, {rounding} inom avrundningen av siffran "
                      "eller dess indata, {chain} genom rapportens egen avrundning och {dnf} "
                      "följer inte av rapportens egna indata."),
    "answer.not_following": ("What does not follow (a figure the report prints in several places, "
                             "once):",
                             "Det som inte följer (en siffra som rapporten skriver på flera "
                             "ställen, en gång):"),
    "answer.claim_wrong": ("{claim}: the report says {printed}, recomputed {computed}",
                           "{claim}: rapporten säger {printed}, omräknat {computed}"),
    "answer.expected": ("The scenario expects {persons} of the {participants} participants in "
                        "work on average (in nine runs out of ten between {low} and {high}); "
                        "with that many in work {rate}, the cost is paid back this many years "
                        "after the intervention ends: {parties}.",
                        "Scenariot väntar sig i snitt {persons} av de {participants} deltagarna "
                        "i arbete (i nio fall av tio mellan {low} och {high}); med så många i "
                        "arbete {rate} är kostnaden återbetald så här många år efter insatsens "
                        "slut: {parties}."),
    "answer.expected_party": ("{party} {years}", "{party} {years}"),
    "answer.observed_sentence": ("Observed in the first year after (the scenario's before and "
                                 "after): {groups}. {party}, that year: net benefit {net}, "
                                 "payback time {payback} years.",
                                 "Utfallet första året efter (scenariots föreläge och "
                                 "efterläge): {groups}. {party}, det året: lönsamhet {net}, "
                                 "återbetalningstid {payback} år."),
    "answer.observed_group": ("{group}, {everyone} {everyone:person|persons}: {moves}; revenue "
                              "for society {revenue}",
                              "{group}, {everyone} {everyone:person|personer}: {moves}; "
                              "intäkter för samhället {revenue}"),
    "answer.observed_move": ("{persons} to {to}", "{persons} till {to}"),
    "answer.observed_none": ("nobody changed state", "ingen bytte läge"),
})
