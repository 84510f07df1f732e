"""The HTML report of ``nyttocalc report``: one self-contained page, styles and charts inline.

It assembles the documents the other commands build (payback, check, sensitivity, timeline,
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
from dataclasses import dataclass
from html import escape

from nyttocalc import __version__
from nyttocalc.report import numbers, svg, usertext
from nyttocalc.report.document import Chart, Document, Table, run_header
from nyttocalc.report.i18n import label, unit_after
from nyttocalc.report.plot import Plot
from nyttocalc.run import InputInfo, RunInfo, SourceInfo


@dataclass(frozen=True)
class Section:
    heading: str
    document: Document | None  # None: the section says why it is empty in ``note``
    note: str = ""


# Text as HTML: escaped, and the scenario's own words (marked by ``usertext``) isolated from the
# tool's around them and free to break; attributes and the title bar keep the marks as characters.
_escaped = usertext.html

PHONE = "40rem"  # below this width tables of text stack and charts are drawn narrow

STYLE = f"""
:root {{ color: #1a1a1a; background: #fff; font: 15px/1.45 system-ui, -apple-system,
  "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }}
body {{ margin: 0 auto; padding: 1.5rem 1rem 3rem; max-width: 64rem; }}
h1 {{ font-size: 1.7rem; margin: 0 0 .4rem; }}
h2 {{ font-size: 1.35rem; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem;
  margin-top: 2.5rem; }}
h3, nav h2 {{ font-size: 1.05rem; margin: 1.6rem 0 .4rem; border: 0; padding: 0; }}
p, li, td {{ overflow-wrap: anywhere; }}
bdi.user {{ overflow-wrap: anywhere; }}
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
@media (max-width: {PHONE}) {{
  figure .wide {{ display: none; }}
  figure .narrow {{ display: block; }}
  table.stack, table.stack tbody, table.stack tr, table.stack td {{ display: block;
    width: auto; }}
  table.stack thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); }}
  table.stack tr {{ border-bottom: 1px solid #bbb; padding: .4rem 0; }}
  table.stack td {{ border: 0; padding: .1rem 0; text-align: left; white-space: normal; }}
  table.stack td.assumption {{ border-left: 3px solid #9a6a00; padding-left: .5rem; }}
  table.stack td[data-label]::before {{ content: attr(data-label) ": "; font-weight: 600; }}
  .scroll th:first-child, .scroll td:first-child {{ position: sticky; left: 0;
    background: #fff; }}
}}
@page {{ size: A4; margin: 16mm 14mm; }}
@media print {{
  :root {{ font-size: 10pt; }}
  body {{ max-width: none; padding: 0; }}
  section {{ break-before: page; }}
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


def page(sections: Sequence[Section], run: RunInfo, lang: str,
         computed: Mapping[str, float] | None = None) -> str:
    """The whole page. ``computed``: the value of each computed input, by key path."""
    parts = [f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(run.title)}</title>", f"<style>{STYLE}</style>", "</head>",
             "<body>", "<header>", f"<h1>{_escaped(run.title)}</h1>",
             _p(f"{label('header.scenario', lang)}: {run.file}", "meta"),
             _p(label("html.made_by", lang, version=__version__), "meta")]
    parts += [_p(f"{label('header.overrides', lang)}: "
                 + "; ".join(f"--set {o}" for o in run.overrides), "meta")] if run.overrides else []
    parts.append("</header>")
    parts += _contents(sections, lang)
    parts += _inputs(run, lang, computed or {})
    counter = iter(range(1, 10_000))
    for index, section in enumerate(sections, start=1):
        parts.append(f'<section id="s{index}">')
        parts.append(f"<h2>{_escaped(section.heading)}</h2>")
        if section.document is None:
            parts.append(_p(section.note, "note"))
        else:
            parts += _header(section.document.header, run, lang)
            for item in section.document.tables:
                parts += _item(item, f"chart{next(counter)}", lang)
        parts.append("</section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _p(text: str, css: str = "") -> str:
    return f'<p class="{css}">{_escaped(text)}</p>' if css else f"<p>{_escaped(text)}</p>"


def _header(lines: Sequence[str], run: RunInfo, lang: str) -> list[str]:
    """A section's header lines, less what the page says once: the scenario and the overrides
    (on top) and the assumptions (in the inputs table, each beside its value)."""
    said = set(run_header(run, lang))
    heading = f"{label('header.assumptions', lang)}:"
    reasons = tuple(f"  {a.path} = " for a in run.assumptions)
    out = []
    for line in lines:
        if line == heading:
            see = label("html.assumptions_see", lang, count=len(run.assumptions))
            out.append(f'<p class="meta">{_escaped(see)} '
                       f'<a href="#inputs">{_escaped(label("html.inputs", lang))}</a>.</p>')
        elif line not in said and not line.startswith(reasons):
            out.append(_p(line, "meta"))
    return out


def _contents(sections: Sequence[Section], lang: str) -> list[str]:
    items = [f'<li><a href="#inputs">{_escaped(label("html.inputs", lang))}</a></li>']
    items += [f'<li><a href="#s{i}">{_escaped(s.heading)}</a></li>'
              for i, s in enumerate(sections, start=1)]
    return ['<nav aria-labelledby="contents">',
            f'<h2 id="contents">{_escaped(label("html.contents", lang))}</h2>', "<ol>", *items,
            "</ol>", "</nav>"]


def _anchor(source_key: str) -> str:
    return "source-" + re.sub(r"[^A-Za-z0-9_-]", "-", source_key)


def _sources(run: RunInfo, lang: str) -> list[str]:
    if not run.sources:
        return []
    items = []
    for source in run.sources:
        details = ", ".join(str(x) for x in (source.author, source.year, source.where) if x)
        items.append(f'<li id="{_anchor(source.key)}"><strong>{_escaped(source.key)}</strong>: '
                     f"{_escaped(source.title)}" + (f" ({_escaped(details)})" if details else "")
                     + "</li>")
    return [f"<h3>{_escaped(label('html.sources', lang))}</h3>", "<ul>", *items, "</ul>"]


def _inputs(run: RunInfo, lang: str, computed: Mapping[str, float]) -> list[str]:
    """The sources, then every input: what it is in words (its key path below), its value with
    its unit, and where it comes from (document, section and quote) or the assumption behind it.
    Three columns that fit a desktop; on a phone each input is a block."""
    headers = (label("col.input", lang), label("col.value", lang), label("col.source", lang))
    rows = [_input_row(i, run, lang, computed.get(i.path)) for i in run.inputs]
    return ['<section id="inputs">', f"<h2>{_escaped(label('html.inputs', lang))}</h2>",
            *_sources(run, lang), f"<h3>{_escaped(label('html.inputs_table', lang))}</h3>",
            '<table class="inputs stack">',
            '<colgroup><col class="name"><col class="value"><col class="source"></colgroup>',
            "<thead><tr>" + "".join(f'<th scope="col"{_num(i == 1)}>{_escaped(h)}</th>'
                                    for i, h in enumerate(headers)) + "</tr></thead>",
            "<tbody>", *rows, "</tbody></table>", "</section>"]


def _input_row(info: InputInfo, run: RunInfo, lang: str, computed: float | None) -> str:
    """One input's row; on a phone the value and the source say what they are."""
    name = _escaped(info.description) + f'<code class="path">{_escaped(info.path)}</code>'
    if info.formula is not None:
        formula = info.formula.replace("{", "").replace("}", "")
        name += f'<span class="detail">{_escaped(label("input.computed", lang, formula=formula))}'
        name += "</span>"
    value = _input_value(info, lang, computed)
    value += "".join(f'<span class="changed">{_escaped(label("input.overridden", lang, given=o))}'
                     "</span>" for o in run.overrides_of(info.path))
    where, kind = _where(info, run.sources, lang)
    named = f' data-label="{escape(label("html.source", lang))}"' if kind == "source" else ""
    return (f"<tr><td>{name}</td>"
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
    return f"<b>{_escaped(text)}</b>" + (f" {_escaped(after)}" if after else "")


def _where(info: InputInfo, sources: Sequence[SourceInfo], lang: str) -> tuple[str, str]:
    """Where an input comes from as HTML, and the cell's class: the source's title (a link to
    it in the list of sources) › section, and its words; or the assumption and its reason."""
    if info.default:
        return _escaped(label("col.default", lang)), "assumption"
    if info.source is None:
        return (f"<strong>{_escaped(label('col.assumption', lang))}:</strong> "
                f"{_escaped(info.assumption or '')}", "assumption")
    cited = info.source
    source = next((s for s in sources if s.key == cited.document), None)
    title = source.title if source else cited.document
    link = (f'<a href="#{_anchor(cited.document)}">{_escaped(title)}</a>' if source
            else _escaped(title))
    return (f"{link} › {_escaped(cited.section)}"
            f'<q class="quote">{_escaped(cited.quote)}</q>', "source")


def _num(numeric: bool) -> str:
    return ' class="num"' if numeric else ""


def _item(item: Table | Chart | Plot, ident: str, lang: str) -> list[str]:
    if isinstance(item, Plot):
        return ['<figure class="keep">', f"<figcaption>{_escaped(item.title)}</figcaption>",
                '<div class="wide">', svg.draw(item, ident, svg.WIDE), "</div>",
                '<div class="narrow">', svg.draw(item, f"{ident}n", svg.NARROW), "</div>",
                *(_p(n, "note") for n in item.notes), "</figure>",
                f"<details><summary>{_escaped(label('html.data', lang))}</summary>",
                *_table(item.table, caption=False), "</details>"]
    if isinstance(item, Chart):
        return [f"<h3>{_escaped(item.title)}</h3>",
                f"<pre>{_escaped(chr(10).join((*item.lines, *item.notes)))}</pre>"]
    return _table(item)


def _table(table: Table, caption: bool = True) -> list[str]:
    """A table of numbers (right-aligned from ``numeric_from``, scrolling sideways on a phone)
    or of text (``ratios`` or ``derivations``: wrapping, one block per row on a phone)."""
    text = bool(table.ratios) or table.derivations

    def numeric(index: int) -> bool:
        return index >= table.numeric_from and not table.derivations

    out = [f"<h3>{_escaped(table.title)}</h3>"] if caption else []
    out.append('<table class="stack">' if text else '<div class="scroll"><table>')
    out.append("<thead><tr>" + "".join(f'<th scope="col"{_num(numeric(i))}>{_escaped(h)}</th>'
                                       for i, h in enumerate(table.headers)) + "</tr></thead>")
    out.append("<tbody>")
    out += [f"<tr>{''.join(_cells(row, table.headers, numeric, text))}</tr>"
            for row in table.rows]
    out.append("</tbody></table>" if text else "</tbody></table></div>")
    out += [_p(note, "note") for note in table.notes]
    return out


def _cells(row: Sequence[str], headers: Sequence[str], numeric: Callable[[int], bool],
           labelled: bool) -> Iterator[str]:
    """A row's cells; in a table of text each but the first names its column for the phone."""
    for index, cell in enumerate(row):
        attributes = _num(numeric(index))
        if labelled and index:
            attributes += f' data-label="{escape(headers[index])}"'
        yield f"<td{attributes}>{_escaped(cell).replace(chr(10), '<br>')}</td>"
