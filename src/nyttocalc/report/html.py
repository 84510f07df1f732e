"""The HTML report of ``nyttocalc report``: one self-contained page, styles and charts inline.

It assembles the documents the other commands build (payback, check, sensitivity, timeline,
simulation) into sections, each with a heading and a page break in print; it derives no number
of its own. Tables are drawn from ``Table``; charts from ``Plot`` as inline SVG (``svg``), each
followed by its data table. No script, no font, no image, no request of any kind: it opens from
an e-mail attachment and prints to A4 ("Print → PDF").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from nyttocalc import __version__
from nyttocalc.report import numbers, svg
from nyttocalc.report.document import Chart, Document, Table, run_header
from nyttocalc.report.i18n import label
from nyttocalc.report.plot import Plot
from nyttocalc.run import InputInfo, RunInfo


@dataclass(frozen=True)
class Section:
    heading: str
    document: Document | None  # None: the section says why it is empty in ``note``
    note: str = ""


STYLE = """
:root { color: #1a1a1a; background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI",
  Roboto, "Helvetica Neue", Arial, sans-serif; }
body { margin: 0 auto; padding: 1.5rem 1rem 3rem; max-width: 64rem; }
h1 { font-size: 1.7rem; margin: 0 0 .4rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem;
  margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
p, li { overflow-wrap: anywhere; }
.meta { color: #444; margin: .15rem 0; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .3rem 0 .6rem; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top;
  text-align: left; }
thead th { border-bottom: 2px solid #555; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.text { min-width: 12rem; }
.note { color: #444; font-size: .9rem; margin: .15rem 0; }
figure { margin: 1rem 0; }
figure svg { width: 100%; height: auto; display: block; font-size: 13px; }
figure svg .axis { font-weight: 600; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
details summary { cursor: pointer; color: #1f4e79; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  section { break-before: page; }
  h2, h3, figcaption { break-after: avoid; }
  tr, figure, .keep { break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
  details > summary { display: none; }
  details { display: block; }
}
"""


def page(sections: Sequence[Section], run: RunInfo, lang: str) -> str:
    parts = [f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(run.title)}</title>", f"<style>{STYLE}</style>", "</head>",
             "<body>", "<header>", f"<h1>{escape(run.title)}</h1>",
             _p(f"{label('header.scenario', lang)}: {run.file}", "meta"),
             _p(label("html.made_by", lang, version=__version__), "meta")]
    parts += [_p(f"{label('header.overrides', lang)}: "
                 + "; ".join(f"--set {o}" for o in run.overrides), "meta")] if run.overrides else []
    parts.append("</header>")
    parts += _contents(sections, lang)
    parts += _sources(run, lang)
    parts += _inputs(run, lang)
    counter = iter(range(1, 10_000))
    said = set(run_header(run, lang))  # the scenario and the overrides are said once, on top
    for index, section in enumerate(sections, start=1):
        parts.append(f'<section id="s{index}">')
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        if section.document is None:
            parts.append(_p(section.note, "note"))
        else:
            parts += [_p(line, "meta") for line in section.document.header
                      if line not in said]
            for item in section.document.tables:
                parts += _item(item, f"chart{next(counter)}", lang)
        parts.append("</section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _p(text: str, css: str = "") -> str:
    return f'<p class="{css}">{escape(text)}</p>' if css else f"<p>{escape(text)}</p>"


def _contents(sections: Sequence[Section], lang: str) -> list[str]:
    items = [f'<li><a href="#inputs">{escape(label("html.inputs", lang))}</a></li>']
    items += [f'<li><a href="#s{i}">{escape(s.heading)}</a></li>'
              for i, s in enumerate(sections, start=1)]
    return ["<nav>", f"<h3>{escape(label('html.contents', lang))}</h3>", "<ol>", *items,
            "</ol>", "</nav>"]


def _sources(run: RunInfo, lang: str) -> list[str]:
    if not run.sources:
        return []
    items = []
    for source in run.sources:
        details = ", ".join(str(x) for x in (source.author, source.year, source.where) if x)
        items.append(f"<li><strong>{escape(source.key)}</strong>: {escape(source.title)}"
                     + (f" ({escape(details)})" if details else "") + "</li>")
    return [f"<h3>{escape(label('html.sources', lang))}</h3>", "<ul>", *items, "</ul>"]


def _inputs(run: RunInfo, lang: str) -> list[str]:
    """Every input with its value, unit and source or assumption."""
    headers = (label("col.path", lang), label("col.description", lang),
               label("col.value", lang), label("col.source", lang))
    rows = tuple((i.path, i.description, _input_value(i, lang), _reason(i, lang))
                 for i in run.inputs)
    table = Table(label("html.inputs", lang), headers, rows, numeric_from=2)
    return ['<section id="inputs">', f"<h2>{escape(label('html.inputs', lang))}</h2>",
            *_table(table, caption=False, numeric=(2,)), "</section>"]


def _input_value(info: InputInfo, lang: str) -> str:
    if info.formula is not None:
        return f"= {info.formula}"
    values = info.value if isinstance(info.value, list) else [info.value]
    return ", ".join(numbers.figure(float(v), info.unit, lang) if isinstance(v, int | float)
                     else str(v) for v in values)


def _reason(info: InputInfo, lang: str) -> str:
    if info.source is not None:
        return f"{info.source.document} › {info.source.section}: “{info.source.quote}”"
    return f"{label('col.assumption', lang)}: {info.assumption or ''}"


def _item(item: Table | Chart | Plot, ident: str, lang: str) -> list[str]:
    if isinstance(item, Plot):
        return ['<figure class="keep">', f"<figcaption>{escape(item.title)}</figcaption>",
                svg.draw(item, ident), *(_p(n, "note") for n in item.notes), "</figure>",
                f"<details><summary>{escape(label('html.data', lang))}</summary>",
                *_table(item.table, caption=False), "</details>"]
    if isinstance(item, Chart):
        return [f"<h3>{escape(item.title)}</h3>",
                f"<pre>{escape(chr(10).join((*item.lines, *item.notes)))}</pre>"]
    return _table(item)


def _table(table: Table, caption: bool = True, numeric: tuple[int, ...] = ()) -> list[str]:
    def css(index: int) -> str:
        if numeric:
            return ' class="num"' if index in numeric else ' class="text"'
        return ' class="num"' if index >= table.numeric_from and not table.derivations else ""

    out = [f"<h3>{escape(table.title)}</h3>"] if caption else []
    out.append('<div class="scroll"><table>')
    out.append("<thead><tr>" + "".join(f"<th{css(i)}>{escape(h)}</th>"
                                       for i, h in enumerate(table.headers)) + "</tr></thead>")
    out.append("<tbody>")
    for row in table.rows:
        cells = "".join(f"<td{css(i)}>{escape(c).replace(chr(10), '<br>')}</td>"
                        for i, c in enumerate(row))
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table></div>")
    out += [_p(note, "note") for note in table.notes]
    return out
