"""Text in a workbook that stays text: a scenario's words in cells and in sheet names.

A scenario comes from a repository others write, and opening its workbook must run nothing of
theirs. openpyxl makes a formula of any text that starts with ``=``: a title
``=HYPERLINK("http://…")`` or an actor named ``=1+1`` would be computed on opening. So every text
is written as a string cell (``data_type`` "s"), which Excel and LibreOffice show exactly as it is
written, with no quote added; only what the workbook marks ``Formula`` is a formula.

XML 1.0 has no place for most control characters (a vertical tab in a title made openpyxl stop
with ``IllegalCharacterError``): each is shown as its Unicode control picture (U+000B as ␋, U+001B
as ␛), and U+FFFE and U+FFFF as U+FFFD; tab, line feed and carriage return stay. A text longer than
the 32 767 characters a cell holds is cut there, ending in "…".
"""

from __future__ import annotations

import re
from typing import Any

CELL_LIMIT = 32_767  # characters (UTF-16 code units) a cell holds
SHEET_LIMIT = 31  # characters of a sheet name
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
RESERVED_SHEET_NAMES = ("history",)  # Excel keeps it for its change history


class Formula(str):
    """A formula the workbook writes itself, with its leading ``=``."""


def clean(text: str) -> str:
    """``text`` with what XML cannot hold made visible.

    >>> clean("A\\vB\\x1b\\uffff\\tC")
    'A␋B␛\\ufffd\\tC'
    """
    return _NOT_IN_XML.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    return chr(0x2400 + ord(char)) if char < " " else "\ufffd"


def put(cell: Any, value: object) -> None:
    """Write ``value`` into an openpyxl cell: a ``Formula`` as a formula, any other text as
    text (cleaned, cut to a cell's length), a number or nothing as it is."""
    if isinstance(value, Formula):
        cell.value = str(value)
    elif isinstance(value, str):
        cell.value = cut(clean(value), CELL_LIMIT)
        cell.data_type = "s"  # never "f", whatever the text starts with
    else:
        cell.value = value


def cut(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` in at most ``limit`` UTF-16 code units (how Excel counts), ending in
    ``ellipsis`` where it had to be cut.

    >>> cut("abcdef", 4), cut("abcd", 4), cut("ab😀", 3, "")
    ('abc…', 'abcd', 'ab')
    """
    if _units(text) <= limit:
        return text
    room = limit - _units(ellipsis)
    kept = text[:room]
    while _units(kept) > room:
        kept = kept[:-1]
    return kept + ellipsis


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def sheet_title(text: str, used: set[str]) -> str:
    """A sheet name Excel accepts for ``text``, which it adds to ``used``: none of []:*?/\\
    (each an underscore), no apostrophe first or last, at most 31 characters, not blank, not
    Excel's reserved "History", and unlike every used name however it is capitalised (a number
    added: "Region 2").

    >>> used = {"Inputs"}
    >>> [sheet_title(t, used) for t in ("'=1+1'", "a/b", "INPUTS", "x" * 40, "  ", "History")]
    ['=1+1', 'a_b', 'INPUTS 2', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Sheet', 'History 2']
    """
    base = _fitting(_NOT_IN_SHEET_NAMES.sub("_", clean(text)), SHEET_LIMIT)
    if not base.strip():
        base = "Sheet"
    taken = {name.casefold() for name in used} | set(RESERVED_SHEET_NAMES)
    title, number = base, 2
    while title.casefold() in taken:
        suffix = f" {number}"
        title = _fitting(base, SHEET_LIMIT - len(suffix)) + suffix
        number += 1
    used.add(title)
    return title


def _fitting(name: str, limit: int) -> str:
    """``name`` cut to ``limit`` and without an apostrophe at either end, which Excel refuses
    (cutting may bare one)."""
    return cut(name.strip("'"), limit, "").strip("'")
