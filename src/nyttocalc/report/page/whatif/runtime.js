// The page's what-if: the panel, and the figures, tables and answer written again for the
// inputs it is moved to. compute(x) and the rules before it are generated from the core's
// definitions (page/whatif/program.py, page/whatif/script_rules.py); this part only writes what they give,
// as the report writes it (report/language/numbers.py, report/page/answer.py).
const D = JSON.parse(document.getElementById("whatif-data").textContent);
const L = D.labels, S = D.showings, G = D.drawing, sv = D.lang === "sv";
const NBSP = "\u00a0", MINUS = "\u2212", NEVER = sv ? "aldrig" : "never", UNDEF = sv ? "–" : "n/a";

// ---- numbers, as numbers.py writes them --------------------------------------------------------

// x with d decimals, half away from zero, rounding the digits x reads as (its shortest form).
function fixed(x, d) {
  const [mantissa, e] = String(Math.abs(x)).split("e");
  const [whole, part = ""] = mantissa.split(".");
  let digits = whole + part, point = whole.length + (e ? parseInt(e, 10) : 0);
  if (point < 0) { digits = "0".repeat(-point) + digits; point = 0; }
  if (point > digits.length) digits = digits.padEnd(point, "0");
  let kept = digits.slice(0, point + d).padEnd(point + d, "0");
  if (digits.length > point + d && digits[point + d] >= "5") {
    const up = kept.split("");
    let i = up.length - 1;
    while (i >= 0 && up[i] === "9") up[i--] = "0";
    if (i >= 0) up[i] = String(+up[i] + 1); else up.unshift("1");
    kept = up.join("");
  }
  const head = kept.slice(0, kept.length - d).replace(/^0+(?=\d)/, "") || "0";
  return (x < 0 ? "-" : "") + head + (d ? "." + kept.slice(kept.length - d) : "");
}

function number(x, d = 2) {
  if (!isFinite(x)) return UNDEF;
  let t = fixed(x, d);
  if (t.includes(".")) t = t.replace(/0+$/, "").replace(/\.$/, "");
  if (t === "-0" || t === "-0.0") t = "0";
  t = t.replace(/\d+/, (w) => w.replace(/\B(?=(\d{3})+$)/g, ","));
  return sv ? t.replace(/,/g, NBSP).replace(".", ",") : t;
}

const SIGNS = { USD: "$", AUD: "A$", GBP: "£", EUR: "€" };

function withCurrency(digits, words) {
  const code = D.currency;
  if (sv) {
    if (code === "SEK") return digits + NBSP + words[0];
    return words[2] ? digits + NBSP + words[2] + NBSP + code : digits + NBSP + code;
  }
  const sign = SIGNS[code];
  if (!sign) return code + NBSP + digits + words[1];
  return (digits.startsWith("-") ? "-" : "") + sign + digits.replace(/^-+/, "") + words[1];
}

function amount(x) {
  if (Math.abs(x) >= 1e6) {
    const big = Math.abs(x) >= 1e9;
    return withCurrency(number(x / (big ? 1e9 : 1e6), 2),
                        big ? ["mdkr", "bn", "mdr"] : ["mkr", "m", "milj."]);
  }
  return withCurrency(number(x, 0), ["kr", "", ""]);
}

function percent(x, d = 1) { return number(x * 100, d) + (sv ? NBSP + "%" : "%"); }

function figure(x, unit) {
  if (x !== x) return UNDEF;
  if (Math.abs(x) === Infinity) return ["persons", "years", "share"].includes(unit) ? NEVER : UNDEF;
  if (unit.startsWith("SEK")) return amount(x);
  if (unit === "share") return percent(x, 1);
  if (unit === "multiple") return number(x, 1) + (sv ? NBSP + "ggr" : "×");
  return number(x, 2);
}

// A figure as a cell writes it (printout.Showing).
function show(x, s) {
  if (s.n != null && x !== x) return s.n;
  if (s.w) return s.w[x > 0 ? 2 : x < 0 ? 0 : 1];
  const finite = x === x && x !== Infinity;
  let t = s.d == null || !finite ? figure(x, s.u) : s.u === "share" ? percent(x, s.d) : number(x, s.d);
  if (finite) {
    if (s.a != null) t = s.a.replace("{}", t);
    if (s.b != null && x > s.b) t += "*";
  }
  return t;
}

// A label filled in: {name}, and {n:one|many} the word for n (labels.label).
function fmt(key, values) {
  return L[key].replace(/\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g, (m, name, one, many) => {
    const v = values[name];
    if (one === undefined) return String(v);
    return (typeof v === "string" ? v.trim() === "1" : v === 1) ? one : many;
  });
}

// ---- text as the page typesets it (html.typeset) -----------------------------------------------

const FIGURE = new RegExp(D.figure, "gu");

function escapeHtml(t) {
  return t.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]);
}

function typeset(text) {
  let out = "", last = 0;
  for (const m of text.matchAll(FIGURE)) {
    if (!/\d/.test(m[0])) continue;
    out += escapeHtml(text.slice(last, m.index));
    out += '<span class="fig">' + escapeHtml(m[0].replace(/(?<![\p{L}\p{N}_])-(?=\d)/gu, MINUS)) + "</span>";
    last = m.index + m[0].length;
  }
  out += escapeHtml(text.slice(last));
  // the scenario's words, marked FSI … PDI, each in a <bdi> (usertext.as_bdi)
  return out.replace(/\u2068([^\u2069]*)\u2069/g, (m, words) => {
    const long = words.replace(/<[^>]*>/g, " ").split(/\s+/).some((w) => w.length > 30);
    return '<bdi class="user' + (long ? " long" : "") + '">' + words + "</bdi>";
  });
}

// ---- the answer, as answer.py says it -----------------------------------------------------------

const A = D.answer;
const at = (q, x) => (q.x != null ? x[q.x] : q.v);
const listed = (numbers, x) => numbers.map((q) => at(q, x));  // the rates or horizons now
const ratePhrase = (r) => (r === 0 ? L["answer.no_subsidy"] : fmt("answer.with_subsidy", { rate: percent(r, 0) }));
const listing = (items, word = "answer.and") => (items.length <= 1 ? items.join("")
  : items.slice(0, -1).join(", ") + " " + L[word] + " " + items[items.length - 1]);
const signed = (v) => (v === 0 ? figure(Math.abs(v), "SEK") : (v > 0 ? "+" : MINUS) + figure(Math.abs(v), "SEK"));
const capital = (s) => s.slice(0, 1).toUpperCase() + s.slice(1);
const paysBack = (p, rate) => p.value(rate) > 0;  // payback.outlook, for a party that paid

// The parties as the answer sees them, for these inputs.
function answerParties(v, x) {
  const rates = listed(A.rates, x), horizons = listed(A.horizons, x);
  return A.parties.map((p) => {
    const values = p.values.map((s) => v[s]);
    const rows = (rate) => rates.flatMap((r, i) => (r === rate ? horizons.map((h, j) => [h, v[p.whole[i][j]]]) : []));
    return { name: p.name, cost: v[p.cost], values, rows, hasCost: v[p.cost] > 0, paid: p.paid,
             value: (rate) => values[rates.indexOf(rate)],
             touched: v[p.cost] > 0 || values.some((a) => a !== 0) };
  });
}

function answerParagraphs(parties, x) {
  const rates = listed(A.rates, x), horizons = listed(A.horizons, x);
  const delay = at(A.delay, x), lowest = Math.min(...rates), participants = A.participants;
  const counts = (p, rate, first) => listing(p.rows(rate).map(([h, persons], i) => {
    let t = fmt(first && i === 0 ? "answer.count_first" : "answer.count",
                { persons: number(persons, 0), participants, years: number(h, 2), horizon: h });
    if (!(persons <= participants)) t += " " + L["answer.beyond"];
    return t;
  }), "answer.or");
  const valueClause = (p) => {
    if (new Set(p.values).size === 1) return fmt("answer.per_year_any_rate", { amount: signed(p.values[0]) });
    return fmt("answer.per_year", { parts: listing(p.values.map((a, i) =>
      fmt("answer.value_at", { amount: signed(a), rate: ratePhrase(rates[i]) }))) });
  };
  const needed = (p, rate) => p.rows(rate).map(([, persons]) => persons).join("|");
  const partySentence = (p) => {
    const cost = figure(p.cost, "SEK");
    if (!paysBack(p, lowest)) return fmt("answer.never", { party: p.name, cost }) + " " + valueClause(p);
    let t = fmt("answer.pays_back", { party: p.name, cost, counts: counts(p, lowest, true), rate: ratePhrase(lowest) });
    for (const rate of rates.filter((r) => r > lowest)) {
      if (needed(p, rate) === needed(p, lowest)) t += " " + fmt("answer.same_at", { rate: ratePhrase(rate) });
      else if (!paysBack(p, rate)) t += " " + capital(fmt("answer.never_at", { rate: ratePhrase(rate) }));
      else t += " " + capital(fmt("answer.at_rate", { rate: ratePhrase(rate), counts: counts(p, rate, false) }));
    }
    return t;
  };
  const gains = (p) => [signed(p.values[0]), ...p.values.slice(1).flatMap((a, i) => (a !== p.values[0]
    ? [fmt("answer.value_at", { amount: signed(a), rate: ratePhrase(rates[i + 1]) })] : []))].join("; ");
  const touched = parties.filter((p) => p.touched), untouched = parties.filter((p) => !p.touched);
  const out = touched.filter((p) => p.hasCost).map(partySentence);
  const gaining = touched.filter((p) => !p.hasCost && p.values.every((a) => a >= 0));
  if (gaining.length) out.push(fmt("answer.gain_for_free", { parties: listing(gaining.map((p) => p.name + " (" + gains(p) + ")")), count: gaining.length }));
  for (const p of touched.filter((q) => !q.hasCost && !gaining.includes(q))) {
    out.push(fmt("answer.loses", { party: p.name, parts: listing(p.values.flatMap((a, i) => (a < 0
      ? [fmt("answer.loss_at", { amount: figure(-a, "SEK"), rate: ratePhrase(rates[i]) })] : []))) }));
  }
  if (untouched.length) out.push(fmt("answer.untouched", { parties: listing(untouched.map((p) => p.name)) }));
  if (touched.some((p) => p.hasCost)) {
    out.push(fmt("answer.timing", { delay: number(delay, 2), horizons: listing(horizons.map((h) => number(h, 2)), "answer.or"),
                                    years: listing(horizons.map((h) => number(delay + h, 2)), "answer.respectively") }));
  }
  return out;
}

// A row per party the move concerns: paid, per employed person-year at each rate, and the whole
// persons needed for each horizon at the lowest rate (answer._table).
function answerTable(parties, x) {
  const rates = listed(A.rates, x), lowest = Math.min(...rates);
  const heads = Array.from(table.querySelectorAll("thead th"), (th) => th.textContent);
  const needed = { u: "persons", d: 0, a: fmt("answer.of", { persons: "{}", participants: A.participants }) };
  return parties.filter((p) => p.touched).map((p) => {
    const texts = [figure(p.cost, "SEK"), ...p.values.map((a) => figure(a, "SEK/person-year")),
                   ...p.rows(lowest).map(([, persons]) => (p.hasCost ? show(persons, needed) : L["answer.nothing_to_pay"]))];
    return '<tr><th scope="row">' + typeset(p.name) + "</th>" + texts.map((t, i) =>
      '<td class="num" data-label="' + escapeHtml(heads[i + 1]) + '">' + typeset(t) + "</td>").join("") + "</tr>";
  }).join("");
}

// ---- the panel ----------------------------------------------------------------------------------

const C = D.controls, scenario = C.map((c) => c.value), x = scenario.slice();
const table = document.getElementById("answer-table");
const tableNote = table.nextElementSibling && table.nextElementSibling.matches("p.note") ? table.nextElementSibling : null;
// each cell the script writes: its element, what it shows, and the text it shows now
const marked = (selector, what) => Array.from(document.querySelectorAll(selector), (el) => {
  const cell = [el, ...what(el)];
  cell.text = el.textContent;
  return cell;
});
const cells = marked("[data-f]:not(#answer-table td)", (el) => {
  const figures = el.dataset.f.split(" ").map((f) => f.split(",").map(Number));
  return [figures.map(([slot]) => slot), figures.map(([, how]) => S[how])];
});
const echoes = marked("[data-e]", (el) => [D.echoes[+el.dataset.e]]);
const notes = marked("[data-n]", (el) => [D.notes[+el.dataset.n]]);
const curves = marked("[data-curve]", (el) => [D.curves[+el.dataset.curve]]);
const PHONE = matchMedia(G.phone), given = compute(scenario);  // the curves as the page has them
for (const cell of curves) {
  if (!cell[0].hidden) cell.key = JSON.stringify(curvePlot(cell[1], given, scenario));
  cell[0].addEventListener("toggle", () => drawParts(cell, false), true);
}
let pending = null;

function drawCurves() {
  if (!pending) return;
  const started = performance.now();
  for (const cell of curves) drawCurve(cell, ...pending);
  pending = null;
  window.nyttocalcWhatIf.chartMilliseconds = performance.now() - started;
}

PHONE.addEventListener("change", () => curves.forEach((cell) => drawParts(cell, false)));
addEventListener("beforeprint", () => {
  drawCurves();
  curves.forEach((cell) => drawParts(cell, true));
});
const fixedParts = document.querySelectorAll("[data-fixed]");
const shaped = document.querySelectorAll("[data-shape]");
const alternatives = Array.from(document.querySelectorAll("[data-when]"), (el) => [el, ...el.dataset.when.split(" ").map(Number)]);
const now = document.getElementById("answer-now");
const percentOf = (c) => c.unit === "share";
const shownValue = (c, value) => (percentOf(c) ? +(value * 100).toPrecision(12) : value);

// A moved number as its cell says it; in its label, the other numbers it says too (echo.f).
function echo(e) {
  const value = x[e.x], fields = {};
  for (const [name, f] of Object.entries(e.f || {})) fields[name] = typeof f === "object" ? show(x[f.x], S[f.s]) : f;
  let t = show(value, S[e.s]);
  if (e.k) t = fmt(e.k, Object.assign(fields, { [e.n]: t }, e.r ? { [e.r]: value } : {}));
  return t;
}

function write(cell, text) {
  const shown = text.replace(/(?<![\p{L}\p{N}_])-(?=\d)/gu, MINUS);
  if (cell.text !== shown) cell[0].textContent = cell.text = shown;
}

// An element's markup, written only where it changed (the page lays out again only what moved).
function html(el, markup) {
  if (el.markup !== markup) el.innerHTML = el.markup = markup;
}

function refresh() {
  const started = performance.now();
  const v = compute(x);
  // a cell holds figures and the tool's words only: its text, each minus a true minus, and
  // only where it changed (a page of a thousand cells lays out again only what moved)
  for (const cell of cells) {
    const [el, slots, how] = cell;
    const texts = slots.map((s, i) => show(v[s], how[i]));
    write(cell, texts[0] + texts.slice(1).map((t) => " (" + t + ")").join(""));
  }
  for (const cell of echoes) write(cell, echo(cell[1]));
  for (const cell of notes) {  // a table's note, where it holds (printout.Note)
    const n = cell[1], values = n.s.map((s) => v[s]);
    cell[0].hidden = !(n.k === "never" ? values.some((a) => a === Infinity)
      : n.k === "beyond" ? values.some((a) => a === a && a !== Infinity && a > n.l) : values[0] < 0);
    if (n.k === "loss" && !cell[0].hidden) {
      write(cell, fmt("note.loses", { rate: percent(at(n.r, x), 0), amount: amount(-values[0]) }));
    }
  }
  // the charts in the next frame: this one shows the answer and the tables (dragging a value
  // through several in one frame draws the last); a page printed first draws them (beforeprint)
  if (!pending) requestAnimationFrame(drawCurves);
  pending = [v, x.slice()];
  for (const [el, slot, above] of alternatives) el.hidden = (v[slot] > 0) !== (above === 1);
  const parties = answerParties(v, x);
  html(now, answerParagraphs(parties, x).map((t) => "<p>" + typeset(t) + "</p>").join(""));
  html(table.tBodies[0], answerTable(parties, x));
  if (tableNote) {
    html(tableNote, typeset(fmt("answer.table_note", { participants: A.participants,
      rate: ratePhrase(Math.min(...listed(A.rates, x))) })));
  }
  const changed = C.filter((c, i) => x[i] !== scenario[i]);
  fields.forEach((field, i) => field.classList.toggle("changed", x[i] !== scenario[i]));
  for (const el of fixedParts) el.classList.toggle("stale", changed.length > 0);
  // a party that pays where it did not: the page has none of the tables only paying parties have
  const reshaped = parties.some((p) => p.hasCost && !p.paid);
  for (const el of shaped) el.classList.toggle("stale", reshaped);
  notice(changed);
  window.nyttocalcWhatIf.values = v;
  window.nyttocalcWhatIf.milliseconds = performance.now() - started;
}

function link(changed) {
  return "#whatif?" + changed.map((c) => encodeURIComponent(c.path) + "=" + encodeURIComponent(String(x[C.indexOf(c)]))).join("&");
}

const bar = document.createElement("div");
bar.id = "whatif-notice";
bar.setAttribute("role", "status");
bar.hidden = true;

function notice(changed) {
  bar.hidden = changed.length === 0;
  if (bar.hidden) { if (location.hash.startsWith("#whatif?")) history.replaceState(null, "", location.pathname + location.search); return; }
  // an item of a list is named by its value in the scenario: its name says what it was
  const list = changed.map((c) => fmt(c.list ? "whatif.changed_item" : "whatif.changed_input", { input: c.name, value: valueText(c, x[C.indexOf(c)]), given: valueText(c, c.value) }));
  bar.innerHTML = "<p>" + typeset(fmt("whatif.changed", { inputs: listing(list) })) + " " + escapeHtml(L["whatif.stale"]) + "</p>";
  const back = document.createElement("button");
  back.type = "button";
  back.textContent = L["whatif.reset"];
  back.addEventListener("click", () => setAll(scenario));
  const permalink = document.createElement("a");
  permalink.href = link(changed);
  permalink.textContent = L["whatif.link"];
  bar.querySelector("p").append(" ", permalink, " ", back);
  history.replaceState(null, "", link(changed));
}

function valueText(c, value) {
  return c.unit === "share" ? percent(value, 4) : (number(value, 6) + " " + c.after).trim();
}

const fields = [], hints = [];

function panel() {
  const box = document.createElement("details");
  box.className = "whatif";
  box.open = true;
  const summary = document.createElement("summary");
  summary.textContent = L["whatif.title"];
  box.append(summary);
  const note = document.createElement("p");
  note.className = "note";
  note.textContent = L["whatif.note"];
  box.append(note);
  const grid = document.createElement("div");
  grid.className = "controls";
  C.forEach((c, i) => {
    const row = document.createElement("label");
    const name = document.createElement("span");
    name.textContent = c.name;
    const field = document.createElement("input");
    field.name = c.path;
    field.inputMode = "decimal";
    field.value = fieldText(c, c.value);
    const range = c.low != null && c.high != null && c.high <= 1000
      ? " (" + number(shownValue(c, c.low), 6) + "–" + number(shownValue(c, c.high), 6)
        + (percentOf(c) ? (sv ? NBSP + "%" : "%") : c.after ? " " + c.after : "") + ")" : "";
    field.addEventListener("input", () => {
      const given = typed(field.value) / (percentOf(c) ? 100 : 1), ok = allowed(c, given, i);
      field.setAttribute("aria-invalid", ok ? "false" : "true");
      hint.hidden = ok;
      if (ok) { x[i] = given; refresh(); }
      else hint.textContent = L["whatif.refused"] + range + "; " + fmt("whatif.kept", { value: valueText(c, x[i]) });
    });
    const unit = document.createElement("span");
    unit.className = "unit";
    unit.textContent = c.after;
    const hint = document.createElement("span");
    hint.className = "refused";
    hint.hidden = true;
    field.setAttribute("aria-describedby", (hint.id = "refused-" + i));
    row.append(name, field, unit, hint);
    hints.push(hint);
    grid.append(row);
    fields.push(field);
  });
  box.append(grid);
  return box;
}

// Whether the scenario allows the value for the i-th input, the others as they are: within its
// range, a list's item once, and every computed input still a number (as loading it checks).
function allowed(c, value, i) {
  if (!(value === value) || !isFinite(value)) return false;
  if (c.list && C.some((d, j) => j !== i && d.list === c.list && x[j] === value)) return false;
  if (c.low != null && (value < c.low || (!c.low_included && value === c.low))) return false;
  if (c.high != null && value > c.high) return false;
  if (c.whole && !Number.isInteger(value)) return false;
  const trial = x.slice();
  trial[i] = value;
  const v = compute(trial);
  return D.numbers.every((s) => isFinite(v[s]));
}

// A number as a reader types it: 0,5 or 0.5 in Swedish, 1,500.5 in English, spaces between
// thousands; NaN for anything else.
function typed(text) {
  let t = text.replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  t = sv ? t.replace(",", ".") : t.replace(/,/g, "");
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : NaN;
}

const fieldText = (c, value) => (sv ? String(shownValue(c, value)).replace(".", ",") : String(shownValue(c, value)));

function setAll(values) {
  values.forEach((value, i) => {
    x[i] = value;
    fields[i].value = fieldText(C[i], value);
    fields[i].setAttribute("aria-invalid", "false");
    hints[i].hidden = true;
  });
  refresh();
}

function fromLink() {
  if (!location.hash.startsWith("#whatif?")) return;
  const values = scenario.slice();
  for (const [path, given] of new URLSearchParams(location.hash.slice(8))) {
    const i = C.findIndex((c) => c.path === path);
    if (i >= 0 && allowed(C[i], Number(given), i)) { values[i] = Number(given); x[i] = values[i]; }
  }
  setAll(values);
}

window.nyttocalcWhatIf = {
  controls: C.map((c) => c.path),
  set(path, value) {  // as a reader's entry: refused (false) where the field would refuse it
    const i = C.findIndex((c) => c.path === path);
    if (i < 0 || !allowed(C[i], value, i)) return false;
    const values = x.slice();
    values[i] = value;
    setAll(values);
    return true;
  },
  reset() { setAll(scenario); },
};
const answer = document.getElementById("answer");
answer.insertBefore(bar, answer.querySelector("h2").nextSibling);
document.getElementById("whatif").append(panel());
fromLink();
