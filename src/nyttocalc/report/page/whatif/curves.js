// The payback curves drawn again for the panel's inputs: their points as core/curves.py
// computes them (each from a function generated from the core's definitions, F), drawn as
// report/charts/svg.py and report/charts/axes.py draw a chart of lines, element for element. G: how they draw (svg.py's frames, colours, …).

// Python's "{:.1f}": the nearest tenth; a tie (x.25, x.75, exact in binary) to the even tenth.
function f1(x) {
  if (Number.isInteger(x * 4) && !Number.isInteger(x * 2)) {
    const tenths = Math.floor(Math.abs(x) * 10);
    return (x < 0 ? "-" : "") + ((tenths + (tenths % 2)) / 10).toFixed(1);
  }
  return x.toFixed(1);
}

const width = (f, text) => [...text].length * f.font * G.char;

// ---- plot.py -------------------------------------------------------------------------------------

const decimal = (mantissa, power) => Number(mantissa + "e" + power);

function niceTicks(low, high, count, label) {
  if (!(isFinite(low) && isFinite(high))) { low = 0; high = 1; }
  if (high <= low) {
    const widen = Math.abs(low) || 1;
    high = low + widen;
    if (!isFinite(high)) { high = low; low -= widen; }
  }
  const half = Math.max((high / 2 - low / 2) / Math.max(count, 1), Number.MIN_VALUE);
  for (let power = Math.floor(Math.log10(half)); power <= 308; power++) {
    for (const [mantissa, shift] of [[1, 0], [2, 0], [25, -1], [5, 0]]) {
      if (decimal(mantissa, power + shift) / 2 < half) continue;
      const ticks = covering(low, high, mantissa, power + shift);
      if (ticks && new Set(ticks.map(label)).size === ticks.length) return ticks;
    }
  }
  return [low, high];
}

function covering(low, high, mantissa, power) {
  const size = decimal(mantissa, power), tick = (i) => decimal(mantissa * i, power) + 0;
  let first = Math.floor(low / size + 1e-9);
  let last = Math.max(Math.ceil(high / size - 1e-9), first + 1);
  while (tick(first) > low) first--;
  while (tick(last) < high) last++;
  if (last - first > 1000) return null;
  const ticks = [];
  for (let i = first; i <= last; i++) ticks.push(tick(i));
  if (!isFinite(ticks[0])) ticks[0] = low;
  if (!isFinite(ticks[ticks.length - 1])) ticks[ticks.length - 1] = high;
  return ticks.every((t, i) => isFinite(t) && (i === 0 || ticks[i - 1] < t)) ? ticks : null;
}

// ---- svg.py --------------------------------------------------------------------------------------

function text(x, y, words, anchor = "middle", extra = "") {
  return `<text x="${f1(x)}" y="${f1(y)}" text-anchor="${anchor}" ${extra}>${escapeHtml(words)}</text>`;
}

function scale(low, high, start, end) {
  let span = high - low;
  if (!isFinite(span)) return (v) => start + (v / 2 - low / 2) / (high / 2 - low / 2) * (end - start);
  span = span || 1;
  return (v) => start + (v - low) / span * (end - start);
}

function tick(f, x, y, words) {
  const half = width(f, words) / 2 + 2;
  return text(Math.min(Math.max(x, half), f.width - half), y, words, "middle", 'class="tick"');
}

function wrapped(f, words, room) {
  const lines = [""];
  for (const word of words.split(/\s+/).filter(Boolean)) {
    const longer = (lines[lines.length - 1] + " " + word).trim();
    if (lines[lines.length - 1] && width(f, longer) > room) lines.push(word);
    else lines[lines.length - 1] = longer;
  }
  return lines;
}

function axisName(f, x, y, lines, rotated = false) {
  const spans = lines.map((line, i) => `<tspan x="${f1(x)}" dy="${f1(i === 0 ? 0 : f.font * 1.2)}">${escapeHtml(line)}</tspan>`).join("");
  const turn = rotated ? ` transform="rotate(-90 ${f1(x)} ${f1(y)})"` : "";
  return `<text x="${f1(x)}" y="${f1(y)}" text-anchor="middle" class="axis"${turn}>${spans}</text>`;
}

function xName(f, middle, bottom, words) {
  const lines = wrapped(f, words, f.width - 8);
  const half = Math.max(...lines.map((line) => width(f, line))) / 2 + 4;
  return axisName(f, Math.min(Math.max(middle, half), f.width - half), bottom + 2 * f.font + 16, lines);
}

function shownTicks(places, texts, f) {
  if (places.length < 2) return places.map((_, i) => i);
  const gap = Math.min(...places.slice(1).map((b, i) => b - places[i]));
  const widest = Math.max(...texts.map((t) => width(f, t))) + f.font * 0.6;
  const every = Math.max(1, Math.ceil(widest / Math.max(gap, 1e-9))), last = places.length - 1, out = [];
  for (let i = 0; i < last; i += every) if (last - i >= every) out.push(i);
  return out.concat([last]);
}

const line = (x1, x2, y1, y2, rest = "") => `<line x1="${x1}" x2="${x2}" y1="${y1}" y2="${y2}"${rest}/>`;

function axes(p, f, xs, ys, xText, yText) {
  const right = f.width - f.right, bottom = f.height - f.bottom;
  const yName = wrapped(f, p.yLabel, bottom - f.top);
  const left = (1.2 * yName.length + 1) * f.font + Math.max(...yText.map((t) => width(f, t))) + 12, l = f1(left);
  const x = scale(xs[0], xs[xs.length - 1], left, right), y = scale(ys[0], ys[ys.length - 1], bottom, f.top);
  const out = ['<g class="grid" stroke="#d0d0d0" stroke-width="1">', ...ys.map((v) => line(l, right, f1(y(v)), f1(y(v)))), "</g>",
               ...ys.map((v, i) => text(left - 8, y(v) + f.font * 0.35, yText[i], "end", 'class="tick"'))];
  const places = xs.map(x);
  for (const i of shownTicks(places, xText, f)) if (xText[i]) out.push(tick(f, places[i], bottom + f.font + 5, xText[i]));
  out.push(line(l, l, f.top, bottom, ' stroke="#333"'), line(l, right, bottom, bottom, ' stroke="#333"'),
           xName(f, (left + right) / 2, bottom, p.xLabel), axisName(f, f.font, (f.top + bottom) / 2, yName, true));
  return [out, left, x, y];
}

function marker(kind, x, y, colour) {
  const at = (a, b) => f1(x + a) + "," + f1(y + b), fill = ` fill="${colour}"/>`;
  if (kind === "square") return `<rect x="${f1(x - 4)}" y="${f1(y - 4)}" width="8" height="8"` + fill;
  if (kind === "triangle") return `<polygon points="${at(0, -5)} ${at(-5, 4)} ${at(5, 4)}"` + fill;
  if (kind === "diamond") return `<polygon points="${at(0, -5)} ${at(5, 0)} ${at(0, 5)} ${at(-5, 0)}"` + fill;
  return `<circle cx="${f1(x)}" cy="${f1(y)}" r="4"` + fill;
}

const entry = (symbol, name) => symbol + text(36, 4, name, "start");
const pick = (list, i) => list[i % list.length];
const LEVEL = ' stroke="#000" stroke-width="1.5" stroke-dasharray="6 3"';
const CROSS = ' stroke="#000" stroke-width="2.5"/>';

function swatch(i, name) {
  const colour = pick(G.colours, i);
  return entry(line(0, 28, 0, 0, ` stroke="${colour}" stroke-width="2.5" stroke-dasharray="${pick(G.dashes, i)}"`)
               + marker(pick(G.markers, i), 14, 0, colour), name);
}

function markedPoints(points) {
  const whole = points.filter(([a]) => Number.isInteger(a));
  return whole.length >= 2 && whole.length <= 12 ? whole : points.filter((_, i) => i % Math.max(1, Math.floor(points.length / 8)) === 0);
}

// A chart of lines (svg.draw, svg._lines): axes, the level, each series with its markers, the marks.
function drawLines(p, ident, f) {
  const xsAll = p.series.flatMap((s) => s.points.map(([a]) => a)).filter(isFinite);
  const ysAll = p.series.flatMap((s) => s.points.map(([, b]) => b)).filter(isFinite).concat([p.level]);
  const xLabel = (v) => number(v, 2);
  const xs = niceTicks(xsAll.length ? Math.min(...xsAll) : 0, xsAll.length ? Math.max(...xsAll) : 1, f.x_ticks, xLabel);
  const ys = niceTicks(Math.min(...ysAll, 0), Math.max(...ysAll), 5, amount);
  const [out, left, x, y] = axes(p, f, xs, ys, xs.map(xLabel), ys.map(amount));
  const level = f1(y(p.level)), legend = [entry(line(0, 28, 0, 0, LEVEL), p.levelName)];
  out.push(line(f1(left), f.width - f.right, level, level, LEVEL));
  p.series.forEach((s, i) => {
    const colour = pick(G.colours, i), points = s.points.filter(([, b]) => isFinite(b));
    out.push(`<polyline points="${points.map(([a, b]) => f1(x(a)) + "," + f1(y(b))).join(" ")}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-dasharray="${pick(G.dashes, i)}"/>`);
    for (const [a, b] of markedPoints(points)) out.push(marker(pick(G.markers, i), x(a), y(b), colour));
    legend.push(swatch(i, s.name));
  });
  for (const [a, b] of p.marks) {
    const c = (u, w) => f1(x(a) + u) + "," + f1(y(b) + w);
    out.push(`<path d="M${c(-6, -6)} L${c(6, 6)} M${c(-6, 6)} L${c(6, -6)}"` + CROSS);
  }
  if (p.marks.length) legend.push(entry('<path d="M8,-6 L20,6 M8,6 L20,-6"' + CROSS, L["curve.crossed"]));
  const columns = f.legend_columns, column = Math.floor((f.width - f.right) / columns);
  return [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.width} ${f.height + 8 + 22 * Math.ceil(legend.length / columns)}" font-size="${f.font}" role="img" aria-labelledby="${ident}-title" class="chart">`,
          `<title id="${ident}-title">${escapeHtml(p.title)}</title>`, ...out,
          ...legend.map((item, i) => `<g class="legend" transform="translate(${16 + (i % columns) * column},${f.height + 14 + 22 * Math.floor(i / columns)})">${item}</g>`),
          "</svg>"].join("\n");
}

// ---- curves.py -----------------------------------------------------------------------------------

// A party's curves for these inputs: at the lowest rate, per horizon whose whole persons pay
// back, the cumulative value of that many against the years after the intervention.
function curvePlot(c, v, x) {
  const rates = listed(A.rates, x), horizons = listed(A.horizons, x);
  const lowest = rates.indexOf(Math.min(...rates)), r = c.r[lowest], delay = at(A.delay, x);
  const last = delay + Math.max(...horizons), cost = v[c.c], series = [], marks = [];
  horizons.forEach((h, j) => {
    const persons = v[r.w[j]];
    if (Math.abs(persons) === Infinity) return;
    const points = [];
    for (let step = 0; step <= Math.floor(last * G.steps); step++) {
      const t = step / G.steps;
      points.push([t, F[r.b](v, x, persons, Math.min(Math.max(t - delay, 0), h))]);
    }
    series.push({ name: fmt("curve.series", { persons: number(persons, 2), horizon: number(h, 2) + " " + L[h === 1 ? "year" : "years"] }), points });
    // the year in the table of 1 … participants employed
    const year = persons >= 1 && persons <= A.participants ? F[r.k](v, x, persons, 0) : Infinity;
    if (isFinite(year)) marks.push([year, cost]);
  });
  return { title: fmt("title.curve", { rate: percent(rates[lowest], 0), perspective: c.p }), xLabel: L["curve.x"],
           yLabel: L["curve.y"], series, marks, level: cost, levelName: L["curve.cost"] + " " + amount(cost) };
}

// The curves at whole years, as a table (curves._curve_table, html._table).
function curveTable(p) {
  const heads = [L["col.year"], ...p.series.map((s) => s.name), L["cost"]], first = p.series[0].points;
  const whole = first.flatMap(([t], i) => (Number.isInteger(t) ? [i] : []));
  const cells = (i) => [...p.series.map((s) => amount(s.points[i][1])), amount(p.level)];
  return ['<div class="scroll" role="region" tabindex="0" aria-label="' + escapeHtml(p.title) + '"><table><caption>' + typeset(p.title) + "</caption>",
          "<thead><tr>" + heads.map((h, i) => '<th scope="col"' + (i ? ' class="num"' : "") + ">" + escapeHtml(h) + "</th>").join("") + "</tr></thead>",
          "<tbody>",
          ...whole.map((i) => '<tr><th scope="row">' + typeset(number(first[i][0], 0)) + "</th>"
                       + cells(i).map((a) => '<td class="num">' + typeset(a) + "</td>").join("") + "</tr>"),
          "</tbody></table></div>"];
}

// A party's curves as the page draws them (html._item): the chart and its table, or, where no
// count pays back, the sentence that says so.
function curveHtml(c, p) {
  if (!p.series.length) return `<h3>${escapeHtml(p.title)}</h3>\n<p class="note">${typeset(L["curve.never"])}</p>`;
  return ['<figure class="keep">', `<figcaption>${escapeHtml(p.title)}</figcaption>`, `<div class="wide">${PARTS.wide(c, p)}</div>`,
          `<div class="narrow">${PARTS.narrow(c, p)}</div>`, "</figure>", `<details class="data">${PARTS.data(c, p)}</details>`].join("\n");
}

// The parts of a chart, each the content of its element (by class): the chart for a desktop,
// for a phone, and its data as a table. Of a chart, only what a reader sees is drawn when it
// changes (the chart for this screen, the table where it is open), the rest when it is seen: a
// phone turned, the table opened, the page printed (PHONE: whether this screen shows the narrow
// chart).
const PARTS = {
  wide: (c, p) => `\n${drawLines(p, c.i, G.frames[0])}\n`,
  narrow: (c, p) => `\n${drawLines(p, c.i + "n", G.frames[1])}\n`,
  data: (c, p) => `<summary>${escapeHtml(L["html.data"])}</summary>\n${curveTable(p).join("\n")}\n`,
};

function drawCurve(cell, v, x) {
  const [el, c] = cell;
  el.hidden = !(v[c.h] > 0);  // a party that pays nothing has no curves
  if (el.hidden) return;
  const p = curvePlot(c, v, x), key = JSON.stringify(p);
  if (key === cell.key) return;
  cell.key = key;
  cell.plot = p;
  if (!p.series.length || !el.querySelector("figure")) {  // another kind of drawing: all of it
    el.innerHTML = curveHtml(c, p);
    cell.dirty = new Set();
    return;
  }
  el.querySelector("figcaption").textContent = p.title;
  cell.dirty = new Set(Object.keys(PARTS));
  drawParts(cell, false);
}

function drawParts(cell, all) {
  const el = cell[0], open = el.querySelector("details[open]") !== null;
  for (const part of cell.dirty || []) {
    if (all || part === (PHONE.matches ? "narrow" : "wide") || (part === "data" && open)) {
      el.querySelector("." + part).innerHTML = PARTS[part](cell[1], cell.plot);
      cell.dirty.delete(part);
    }
  }
}
