"""The HTML report of ``nyttocalc report``: one self-contained page, styles and charts inline.

It assembles the printouts the other commands build (payback, check, sensitivity, timeline,
simulation) into sections, each with a heading and a page break in print; it derives no number
of its own. Tables are drawn from ``Table``; charts from ``Plot`` as inline SVG (``svg``), each
followed by its data table. No script, no font, no image, no request of any kind: it opens from
an e-mail attachment and prints to A4 ("Print → PDF").

The page fits a desktop (1280 px) without horizontal scrolling; on a phone, tables of text
(the inputs, the claims) become one block per row, tables of numbers scroll sideways within
their box with the first column held, and each chart is drawn again for the narrow screen. In
print every table fits the A4 width and everything folded on screen is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from html import escape

from nyttocalc import __version__
from nyttocalc.report.charts import svg
from nyttocalc.report.language import numbers
from nyttocalc.report.language.labels import label, unit_after
from nyttocalc.report.page import usertext
from nyttocalc.report.page.answer import Answer, Paragraph
from nyttocalc.report.page.sections import Page, Section
from nyttocalc.report.page.whatif.script import Marks
from nyttocalc.report.tables.printout import Chart, Plot, Table, run_header
from nyttocalc.run import InputInfo, RunInfo, SourceInfo

PHONE = "40rem"  # below this width tables of text stack and charts are drawn narrow

STYLE = f"""
:root {{ color: #1a1a1a; background: #fff; font: 15px/1.45 system-ui, -apple-system,
  "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }}
body {{ margin: 0 auto; padding: 1.5rem 1rem 3rem; max-width: 64rem; }}
h1 {{ font-size: 1.7rem; margin: 0 0 .4rem; }}
h2 {{ font-size: 1.35rem; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem;
  margin-top: 2.5rem; }}
h3, nav h2 {{ font-size: 1.05rem; margin: 1.6rem 0 .4rem; border: 0; padding: 0; }}
p, li, td, th, caption {{ overflow-wrap: break-word; hyphens: auto; }}
bdi {{ overflow-wrap: break-word; }}
bdi.long {{ overflow-wrap: anywhere; }}
.fig {{ white-space: nowrap; }}
cite {{ font-style: normal; }}
code {{ font: .92em ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  overflow-wrap: anywhere; }}
.print-only {{ display: none; }}
caption {{ caption-side: top; text-align: left; font-weight: 600; padding: 1.1rem 0 .35rem; }}
tbody th {{ font-weight: normal; }}
.answer p {{ font-size: 1.05rem; margin: .55rem 0; }}
.answer tbody th {{ font-weight: 600; }}
a {{ color: #1f4e79; }}
.meta {{ color: #444; margin: .15rem 0; }}
.scroll {{ overflow-x: auto; max-width: 100%; }}
table {{ border-collapse: collapse; margin: .3rem 0 .6rem; font-variant-numeric: tabular-nums; }}
th, td {{ padding: .25rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top;
  text-align: left; }}
thead th {{ border-bottom: 2px solid #555; vertical-align: bottom; font-size: .9em;
  hyphens: auto; }}
.num {{ text-align: right; }}
td.num {{ white-space: nowrap; }}
.note {{ color: #444; font-size: .9rem; margin: .15rem 0; }}
table.inputs {{ width: 100%; table-layout: fixed; }}
table.inputs col.name {{ width: 34%; }}
table.inputs col.value {{ width: 17%; }}
table.inputs col.source {{ width: 49%; }}
table.inputs td.value {{ white-space: normal; }}
table.inputs td.value b {{ font-weight: 600; }}
.path {{ display: block; color: #555; font: .8rem/1.3 ui-monospace, "DejaVu Sans Mono", Menlo,
  Consolas, monospace; margin-top: .15rem; }}
.detail {{ display: block; color: #444; font-size: .85rem; margin-top: .15rem; }}
.quote {{ display: block; color: #444; font-size: .85rem; font-style: italic;
  margin-top: .15rem; }}
td.assumption {{ border-left: 3px solid #9a6a00; }}
.changed {{ display: block; color: #b03a2e; font-size: .85rem; font-weight: 600; }}
figure {{ margin: 1rem 0; }}
figure svg {{ width: 100%; height: auto; display: block; }}
figure svg .axis {{ font-weight: 600; }}
figure .narrow {{ display: none; }}
figcaption {{ font-weight: 600; margin-bottom: .3rem; }}
details summary {{ cursor: pointer; color: #1f4e79; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
#whatif-notice {{ background: #fff8e1;
  border: 1px solid #9a6a00; padding: .4rem .7rem; margin: .5rem 0; }}
#whatif-notice p {{ margin: 0; font-size: .95rem; }}
#whatif-notice button {{ font: inherit; margin-left: .2rem; }}
details.whatif {{ border: 1px solid #c5d3e0; border-radius: 4px; padding: .5rem .8rem;
  margin: 1rem 0; background: #f6f8fb; }}
details.whatif summary {{ font-weight: 600; }}
.whatif .controls {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  gap: .5rem 1rem; }}
.whatif label {{ display: grid; grid-template-columns: 1fr auto; gap: .1rem .4rem;
  align-items: center; }}
.whatif label > span:first-child {{ grid-column: 1 / -1; font-size: .9rem; }}
.whatif input {{ width: 100%; box-sizing: border-box; font: inherit; padding: .2rem .3rem; }}
.whatif input[aria-invalid="true"] {{ outline: 2px solid #b03a2e; }}
.whatif input.changed {{ background: #fff8e1; border-color: #9a6a00; font-weight: 600; }}
.whatif .unit {{ color: #444; font-size: .85rem; white-space: nowrap; }}
.whatif .refused {{ grid-column: 1 / -1; color: #b03a2e; font-size: .85rem; }}
.stale {{ opacity: .45; }}
@media (max-width: {PHONE}) {{
  h1 {{ font-size: 1.3rem; }}
  header .meta {{ font-size: .8rem; }}
  h2 {{ margin-top: 1.6rem; }}
  figure .wide {{ display: none; }}
  figure .narrow {{ display: block; }}
  table.stack, table.stack tbody, table.stack tr, table.stack td, table.stack tbody th {{
    display: block; width: auto; }}
  table.stack caption {{ display: block; }}
  table.stack thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); }}
  table.stack tr {{ border-bottom: 1px solid #bbb; padding: .4rem 0; }}
  table.stack td, table.stack tbody th {{ border: 0; padding: .1rem 0; text-align: left;
    white-space: normal; }}
  table.stack td.assumption {{ border-left: 3px solid #9a6a00; padding-left: .5rem; }}
  table.stack td[data-label]::before {{ content: attr(data-label) ": "; font-weight: 600; }}
  .scroll th:first-child, .scroll td:first-child {{ position: sticky; left: 0;
    background: #fff; }}
  .scroll {{ border-right: 2px solid #ddd; }}
}}
@page {{ size: A4; margin: 16mm 14mm; }}
@media print {{
  :root {{ font-size: 10pt; }}
  body {{ max-width: none; padding: 0; }}
  section.answer + nav + section, section.appendix, #details, #chart-data {{
    break-before: page; }}
  .print-only {{ display: block; }}
  details.data {{ display: none; }}
  figure svg {{ max-height: 9.5cm; width: auto; max-width: 100%; margin: 0 auto; }}
  nav, details.whatif {{ display: none; }}
  #whatif-notice a, #whatif-notice button {{ display: none; }}
  .answer p {{ font-size: 10pt; margin: .35rem 0; }}
  h2, h3, figcaption, details > summary {{ break-after: avoid; }}
  tr, figure, .keep {{ break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  .scroll {{ overflow: visible; }}
  table {{ font-size: 8.5pt; }}
  th, td {{ padding: .2em .35em; }}
  figure .wide {{ display: block; }}
  figure .narrow {{ display: none; }}
  details > summary {{ list-style: none; color: #1a1a1a; font-size: .9rem; font-weight: 600; }}
  details::details-content {{ content-visibility: visible; display: block; }}
}}
"""


def page(content: Page, run: RunInfo, lang: str,
         computed: Mapping[str, float] | None = None) -> str:
    """The whole page: the answer first, then the sections, then the inputs as an appendix.
    ``computed``: the value of each computed input, by key path. With ``content.whatif``, the
    script that recomputes the answer and the tables for other inputs (``whatif``)."""
    title = run.title
    marks = Marks(content.whatif.controls) if content.whatif is not None else None
    parts = [f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "", f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>",
             "<body>", "<header>", f"<h1>{said(title, lang)}</h1>",
             f'<p class="meta">{escape(label("header.scenario", lang))}: '
             f"<code>{escape(run.file)}</code></p>"]
    parts += [_p(f"{label('header.overrides', lang)}: "
                 + "; ".join(f"--set {o}" for o in run.overrides), "meta")] if run.overrides else []
    parts += ["</header>", "<main>", *_answer(content.answer, lang, marks)]
    parts += _contents(content.sections, lang)
    counter = iter(range(1, 10_000))
    for section in content.sections:
        live = marks if section.key in LIVE else None
        css = ' class="print-only"' if section.print_only else ""
        css += FIXED if marks is not None and live is None else ""
        css += SHAPED if marks is not None and section.key in SHAPED_BY_PAYERS else ""
        parts.append(f'<section id="{section.key}"{css} aria-labelledby="{section.key}-h">')
        parts.append(f'<h2 id="{section.key}-h">{escape(section.heading)}</h2>')
        if not section.printouts:
            parts.append(_p(section.note, "note"))
        for printout in section.printouts:
            parts += _header(printout.header, run, lang, live)
            for item in printout.tables:
                parts += _item(item, f"chart{next(counter)}", lang, live)
        parts.append("</section>")
    parts += _inputs(run, lang, computed or {})
    parts += ["</main>", "<footer>", _p(label("html.made_by", lang, version=__version__), "meta"),
              "</footer>"]
    if marks is not None and content.whatif is not None:
        script = marks.script(content.whatif.analysis, lang, SCRIPT_FIGURE,
                              f"(max-width: {PHONE})")
        parts[2] = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
                    f"style-src 'unsafe-inline'; script-src '{script.sha256}'\">")
        parts.append(script.html)
    parts += ["</body>", "</html>"]
    return "\n".join(p for p in parts if p) + "\n"


# The sections whose tables a what-if writes again; the others are for the scenario's inputs.
LIVE = ("results", "details")
FIXED = " data-fixed"
# The sections with tables for the paying parties only: the scenario's, where other inputs make
# another party pay or one stop paying.
SHAPED_BY_PAYERS = ("details",)
SHAPED = " data-shape"


def _answer(answer: Answer, lang: str, marks: Marks | None) -> list[str]:
    """The answer: its sentences, what was expected and observed, the table of parties, and
    the chances, what moves it and what the published figures come to. With ``marks``, the
    sentences the script says again are in ``answer-now``, the what-if panel goes after the
    table, and what it does not recompute is marked."""
    fixed = FIXED if marks is not None else ""
    out = ['<section id="answer" class="answer" aria-labelledby="answer-h">',
           f'<h2 id="answer-h">{escape(answer.title)}</h2>']
    paragraphs = [_paragraph(p) for p in answer.paragraphs]
    out += ['<div id="answer-now">', *paragraphs, "</div>"] if marks is not None else paragraphs
    out += [_paragraph(p, fixed) for p in answer.evidence]
    out += _table(answer.table, marks, ident="answer-table")
    out += ['<div id="whatif"></div>'] if marks is not None else []
    out += [_paragraph(p, fixed) for p in answer.closing]
    out.append("</section>")
    return out


def _paragraph(paragraph: Paragraph, attributes: str = "") -> str:
    text = f"<p{attributes}>{typeset(paragraph.text)}"
    links = [f'<a href="#{escape(link.anchor)}">{typeset(link.text)}</a>'
             for link in paragraph.links if link.anchor]
    if links:
        text += " " + "; ".join(links) + "."
    return text + "</p>"


def _p(text: str, css: str = "") -> str:
    body = typeset(text)
    return f'<p class="{css}">{body}</p>' if css else f"<p>{body}</p>"


def _header(lines: Sequence[str], run: RunInfo, lang: str,
            marks: Marks | None = None) -> list[str]:
    """A printout's header lines, less what the page says once: the scenario and the overrides
    (on top) and the assumptions (in the appendix, each beside its value). With ``marks``, the
    script writes the tables under them again, and a line that says moved numbers with them;
    any other line is fixed (it says the scenario's inputs)."""
    said_once = set(run_header(run, lang))
    heading = f"{label('header.assumptions', lang)}:"
    reasons = tuple(f"  {a.path} = " for a in run.assumptions)

    def mark(line: str) -> str:
        return (marks.attributes(line) or FIXED) if marks is not None else ""

    return [f'<p class="meta"{mark(line)}>{typeset(line)}</p>' for line in lines
            if line not in said_once and line != heading and not line.startswith(reasons)]


def _contents(sections: Sequence[Section], lang: str) -> list[str]:
    items = [f'<li><a href="#{s.key}">{escape(s.heading)}</a></li>' for s in sections
             if not s.print_only]
    items.append(f'<li><a href="#inputs">{escape(label("html.appendix", lang))}</a></li>')
    return ['<nav aria-labelledby="contents">',
            f'<h2 id="contents">{escape(label("html.contents", lang))}</h2>', "<ol>", *items,
            "</ol>", "</nav>"]


def said(text: str, lang: str) -> str:
    """A text of the scenario as HTML, isolated from the page's own words around it (a
    right-to-left mark in it turns nothing else), and marked with its language where the
    scenario has it only in another one."""
    other = getattr(text, "lang", lang)
    attribute = f' lang="{other}"' if other != lang else ""
    return usertext.bdi(typeset(text), attributes=attribute)


# A figure as the tables write it: a number (a minus, digits grouped by a space or a no-break
# space, decimals), with its unit or scale word. It is kept on one line.
_FIGURE = (r"(?<![\w,.])(?:SEK\u00a0|\$)?[-\u2212+]?\d{1,3}(?:[ \u00a0\u202f,]\d{3})*(?:[.,]\d+)?"
           r"(?:(?:[ \u00a0](?:mkr|kr|tkr|ggr|%|år|m))|[%×m])?(?![\w])")
# A name of the program's, not a word: a key path, an identifier, an option.
_NAME = (r"(?<![\w.-])(?:(?:inputs|cohort|analysis|perspectives|outcomes|ledger|simulation)"
         r"\.[\w.]+|[a-z][a-z0-9]*_[a-z0-9_]*|--[a-z][a-z-]+)(?![\w])")
_PIECES = re.compile(f"(?P<figure>{_FIGURE})|(?P<name>{_NAME})")
# The same figure as the script finds it (JavaScript's \\w is ASCII: letters and digits spelled).
SCRIPT_FIGURE = _FIGURE.replace(r"\w", r"\p{L}\p{N}_")


def typeset(text: str) -> str:
    """``text`` as HTML: escaped, every figure in a span that does not break, a minus sign
    (U+2212) for a negative figure's hyphen, and the program's names (key paths, identifiers,
    options) as code."""
    out, last = [], 0
    for match in _PIECES.finditer(text):
        piece = match.group(0)
        if match.group("figure") is not None and not any(c.isdigit() for c in piece):
            continue
        out.append(escape(text[last:match.start()]))
        if match.group("name") is not None:
            out.append(f"<code>{escape(piece)}</code>")
        else:
            piece = re.sub(r"(?<![\w])-(?=\d)", "\u2212", piece)
            out.append(f'<span class="fig">{escape(piece)}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return usertext.as_bdi("".join(out).replace(chr(10), "<br>"))


def _anchor(source_key: str) -> str:
    return "source-" + re.sub(r"[^A-Za-z0-9_-]", "-", source_key)


def _sources(run: RunInfo, lang: str) -> list[str]:
    if not run.sources:
        return []
    items = []
    for source in run.sources:
        details = ", ".join(str(x) for x in (source.author, source.year, source.where) if x)
        items.append(f'<li id="{_anchor(source.key)}"><strong>{escape(source.key)}</strong>: '
                     f"<cite>{said(source.title, lang)}</cite>"
                     + (f" ({escape(details)})" if details else "") + "</li>")
    return [f"<h3>{escape(label('html.sources', lang))}</h3>", "<ul>", *items, "</ul>"]


def _inputs(run: RunInfo, lang: str, computed: Mapping[str, float]) -> list[str]:
    """The appendix: the sources, then every input: its name and what it is in words (its key
    path below), its value with its unit, and where it comes from (document, section and
    quote) or the assumption behind it, each assumption said once and referred to after."""
    headers = (label("col.input", lang), label("col.value", lang), label("col.source", lang))
    first: dict[str, InputInfo] = {}
    rows = []
    for info in run.inputs:
        rows.append(_input_row(info, run, lang, computed.get(info.path), first))
        if info.assumption and not info.default:
            first.setdefault(str(info.assumption), info)
    return ['<section id="inputs" class="appendix" aria-labelledby="inputs-h">',
            f'<h2 id="inputs-h">{escape(label("html.appendix", lang))}</h2>',
            *_sources(run, lang), '<table class="inputs stack">',
            f"<caption>{escape(label('html.inputs_table', lang))}</caption>",
            '<colgroup><col class="name"><col class="value"><col class="source"></colgroup>',
            "<thead><tr>" + "".join(f'<th scope="col"{_num(i == 1)}>{escape(h)}</th>'
                                    for i, h in enumerate(headers)) + "</tr></thead>",
            "<tbody>", *rows, "</tbody></table>", "</section>"]


def _input_anchor(path: str) -> str:
    return "input-" + path.replace(".", "-")


def _input_row(info: InputInfo, run: RunInfo, lang: str, computed: float | None,
               first: Mapping[str, InputInfo]) -> str:
    """One input's row; on a phone the value and the source say what they are."""
    name = f"<strong>{said(info.name, lang)}</strong> " if info.name else ""
    if info.name is None or str(info.description) != str(info.name):
        name += said(info.description, lang)
    name += f'<code class="path">{escape(info.path)}</code>'
    if info.formula is not None:
        formula = info.formula.replace("{", "").replace("}", "")
        name += f'<span class="detail">{typeset(label("input.computed", lang, formula=formula))}'
        name += "</span>"
    value = _input_value(info, lang, computed)
    value += "".join(f'<span class="changed">{typeset(label("input.overridden", lang, given=o))}'
                     "</span>" for o in run.overrides_of(info.path))
    where, kind = _where(info, run.sources, lang, first)
    named = f' data-label="{escape(label("html.source", lang))}"' if kind == "source" else ""
    return (f'<tr id="{_input_anchor(info.path)}"><th scope="row">{name}</th>'
            f'<td class="num value" data-label="{escape(label("col.value", lang))}">{value}</td>'
            f'<td class="{kind}"{named}>{where}</td></tr>')


def _input_value(info: InputInfo, lang: str, computed: float | None) -> str:
    """The value as given (22,02 %, not 22 %), or as computed, in bold, with its unit where the
    number does not say it (``1, 3, 5 år``, ``22 500 kr per månad``), as HTML."""
    if info.value is None:
        text = "–" if computed is None else numbers.figure(computed, info.unit, lang)
    else:
        values = info.value if isinstance(info.value, list) else [info.value]
        text = ", ".join(numbers.as_given(float(v), info.unit, lang)[0]
                         if isinstance(v, int | float) else str(v) for v in values)
    after = unit_after(info.unit.value, lang)
    return f"<b>{typeset(text)}</b>" + (f" {escape(after)}" if after else "")


def _where(info: InputInfo, sources: Sequence[SourceInfo], lang: str,
           first: Mapping[str, InputInfo]) -> tuple[str, str]:
    """Where an input comes from as HTML, and the cell's class: the source's title (a link to
    it in the list of sources) › section, and its words; or the assumption and its reason,
    said once: a later input with the same reason links to the first."""
    if info.default:
        return escape(label("col.default", lang)), "assumption"
    if info.source is None:
        earlier = first.get(str(info.assumption))
        if earlier is not None:
            link = (f'<a href="#{_input_anchor(earlier.path)}">'
                    f"{said(earlier.name or earlier.path, lang)}</a>")
            return escape(label("html.same_assumption", lang, input="\x00")).replace(
                "\x00", link), "assumption"
        return (f"<strong>{escape(label('col.assumption', lang))}:</strong> "
                f"{said(info.assumption or '', lang)}", "assumption")
    cited = info.source
    source = next((s for s in sources if s.key == cited.document), None)
    title = source.title if source else cited.document
    link = (f'<a href="#{_anchor(cited.document)}"><cite>{said(title, lang)}</cite></a>'
            if source else f"<cite>{typeset(title)}</cite>")
    return (f"{link} › {typeset(cited.section)}"
            f'<q class="quote">{typeset(cited.quote)}</q>', "source")


def _num(numeric: bool) -> str:
    return ' class="num"' if numeric else ""


def _item(item: Table | Chart | Plot, ident: str, lang: str, marks: Marks | None) -> list[str]:
    """A table, chart or plot; with ``marks``, a table or payback curve the script writes again
    is marked, and whatever it does not write again says so (``data-fixed``)."""
    curve = item.curve if isinstance(item, Plot | Chart) else None
    live = marks.curve(curve, ident) if marks is not None and curve is not None else ""
    if curve is not None and curve.paid.value <= 0:  # no curves: a place for those of other inputs
        return [f"<div{live} hidden></div>"] if live else []
    fixed = FIXED if marks is not None and not live else ""
    if isinstance(item, Plot):
        parts = [f'<figure class="keep"{fixed}>', f"<figcaption>{escape(item.title)}</figcaption>",
                 '<div class="wide">', svg.draw(item, ident, svg.WIDE), "</div>",
                 '<div class="narrow">', svg.draw(item, f"{ident}n", svg.NARROW), "</div>",
                 *(_p(n, "note") for n in item.notes), "</figure>",
                 f'<details class="data"{fixed}><summary>{escape(label("html.data", lang))}'
                 "</summary>", *_table(item.table), "</details>"]
    elif isinstance(item, Chart):
        parts = [f"<h3>{escape(item.title)}</h3>",
                 *(_p(line, "note") for line in (*item.lines, *item.notes))]
        parts = [f"<div{fixed}>", *parts, "</div>"] if fixed else parts
    elif item.when is not None:
        return _alternative(item, marks)
    else:
        return _table(item, marks, fixed)
    return [f"<div{live}>", *parts, "</div>"] if live else parts


def _alternative(table: Table, marks: Marks | None) -> list[str]:
    """A table shown only ``when`` its figure is above zero or not: hidden where it is not so
    for these inputs (left out of a page without a script)."""
    assert table.when is not None
    figure, above = table.when
    holds = (figure.value > 0) is above
    if marks is None:
        return _table(table) if holds else []
    when = f' data-when="{marks.program.slot(figure)} {int(above)}"'
    return [f"<div{when}{'' if holds else ' hidden'}>", *_table(table, marks, FIXED), "</div>"]


def _table(table: Table, marks: Marks | None = None, fixed: str = "",
           ident: str = "") -> list[str]:
    """A table of numbers (right-aligned from ``numeric_from``, scrolling sideways in its own
    focusable box on a phone) or of text (``ratios`` or ``derivations``: wrapping, one block
    per row on a phone). The title is its caption; each row's first cell names the row. With
    ``marks``, its cells are marked for the script where the table follows other inputs; else
    the table is ``fixed`` (the attribute that says so)."""
    text = bool(table.ratios) or table.derivations or table.stacks
    marks = marks if table.follows else None

    def numeric(index: int) -> bool:
        return index >= table.numeric_from and not table.derivations

    def mark(cell: str) -> str:
        return marks.attributes(cell) if marks is not None else ""

    heads = [mark(h) for h in table.headers]
    rows = [[mark(cell) for cell in row] for row in table.rows]
    if any(a for row in rows for a in row):
        fixed = ""
    caption = f"<caption>{typeset(table.title)}</caption>"
    named = f' id="{ident}"' if ident else ""
    out = ([f'<table class="stack"{named}{fixed}>{caption}'] if text else
           [f'<div class="scroll" role="region" tabindex="0" '
            f'aria-label="{escape(table.title)}"{fixed}><table{named}>{caption}'])
    out.append("<thead><tr>" + "".join(f'<th scope="col"{_num(numeric(i))}{a}>{escape(h)}</th>'
                                       for i, (h, a) in enumerate(zip(table.headers, heads,
                                                                      strict=True)))
               + "</tr></thead>")
    out.append("<tbody>")
    ids = [f' id="{escape(a)}"' for a in table.anchors] or [""] * len(table.rows)
    out += [f"<tr{ident}>{''.join(_cells(row, marked, table.headers, numeric, text))}</tr>"
            for ident, row, marked in zip(ids, table.rows, rows, strict=True)]
    out.append("</tbody></table>" if text else "</tbody></table></div>")
    if marks is not None and table.may_note and not fixed:  # every note, shown where it holds
        out += [f'<p class="note"{marks.note(note)}{"" if note.holds else " hidden"}>'
                f"{typeset(note.text)}</p>" for note in table.may_note]
    else:
        out += [_p(note, "note") for note in table.notes]
    return out


def _cells(row: Sequence[str], marked: Sequence[str], headers: Sequence[str],
           numeric: Callable[[int], bool], labelled: bool) -> Iterator[str]:
    """A row's cells, the first a row header; in a table of text each but the first names its
    column for the phone; each with its mark for the script (``marked``)."""
    for index, (cell, mark) in enumerate(zip(row, marked, strict=True)):
        attributes = _num(numeric(index)) + mark
        if labelled and index:
            attributes += f' data-label="{escape(headers[index])}"'
        tag = "th" if index == 0 else "td"
        scope = ' scope="row"' if index == 0 else ""
        yield f"<{tag}{scope}{attributes}>{typeset(cell)}</{tag}>"
