"""Tables as a person reads them in a terminal: a number and its unit are never split across
lines, and neither is a key path."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nyttocalc.core.claims import check
from nyttocalc.core.payback import analyse
from nyttocalc.report.tables.check import check_printout
from nyttocalc.report.tables.payback import payback_printout
from nyttocalc.report.tables.printout import Printout
from nyttocalc.report.tables.render import markdown, plain_text, to_terminal
from nyttocalc.scenario.load import load, run_info
from tests.conftest import LIVA

NBSP = "\u00a0"
# A number with its unit, joined by no-break spaces: "400 000 kr", "2,75 mkr", "SEK 916,667".
FIGURE = re.compile(rf"SEK{NBSP}[-\d,.]+m?|[-\d][\d{NBSP},]*{NBSP}(?:kr|mkr|%|ggr)")


def printout(kind: str, lang: str) -> Printout:
    loaded = load(LIVA)
    run = run_info(loaded)
    if kind == "payback":
        return payback_printout(analyse(loaded.model), run, lang, explain=True)
    return check_printout(check(loaded.claims, loaded.model), run, lang)


def drawn(printout: Printout, columns: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    to_terminal(printout, out)
    return out.getvalue()


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(("kind", "columns"), [
    ("payback", 80), ("payback", 120),
    # a claim's id (up to 50 characters) is never broken either: check needs a wider terminal
    ("check", 130), ("check", 200),
])
def test_no_figure_is_split_across_lines(kind: str, columns: int, lang: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    tables = printout(kind, lang)
    figures = set(FIGURE.findall(markdown(tables)))  # Markdown never wraps a cell
    assert len(figures) > 20
    for text in (drawn(tables, columns, monkeypatch), plain_text(tables)):
        shown = set(FIGURE.findall(text))
        assert figures <= shown, sorted(figures - shown)[:5]


def test_a_key_path_heading_a_column_is_never_split(monkeypatch: pytest.MonkeyPatch) -> None:
    from nyttocalc.report.tables.printout import Table

    path = "analysis.subsidy_rates.1"
    printout = Printout("t", (), (Table("sweep", (path, "Society 0 % · 1 year"),
                                        (("0,5", "7"), ("0,6", "8"))),))
    assert path in drawn(printout, 40, monkeypatch)
    assert path in plain_text(printout)


_WORD = st.text(alphabet="abcåä0123456789,.%\u00a0", min_size=1, max_size=12).filter(
    lambda w: w.strip("\u00a0") == w)
_CELL = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)


@given(st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.lists(_CELL, min_size=n, max_size=n),
    st.lists(st.lists(_CELL, min_size=n, max_size=n), max_size=8))),
    st.integers(20, 160))
def test_a_plain_table_never_breaks_a_word_and_keeps_within_the_width(
        table: tuple[list[str], list[list[str]]], width: int) -> None:
    from nyttocalc.report.tables.plain import GAP, _table, cells
    from nyttocalc.report.tables.printout import Table

    headers, rows = table
    drawn = _table(Table("t", tuple(headers), tuple(map(tuple, rows))), width)
    text = "\n".join(drawn)
    for cell in [*headers, *(c for row in rows for c in row)]:
        for word in cell.split(" "):
            assert word in text
    longest = [max(len(w) for c in column for w in c.split(" "))
               for column in zip(headers, *rows, strict=True)]
    longest[0] = max([longest[0], *(len(row[0]) for row in rows)])  # a first cell: unbroken
    if sum(longest) + len(GAP) * (len(headers) - 1) <= width:  # it can fit: it does
        assert all(cells(line) <= width for line in drawn)
