"""A figure's formula template as a live spreadsheet formula, with the same meaning.

The template is the one ``--explain`` prints; its syntax tree (``figures.parse``) is translated
once, generically, so every figure the core computes, now or later, gets its formula. Each term
becomes a reference: the named cell of the scenario number it reads (``Term.path``), the cell of
the figure it came from (``Term.source``), or else its value. The signs and functions mean what
they mean in the core: ``a / b`` is ``ratio`` (``quotient`` with plain division), ``a − b``
``difference``, ``a ^ b`` ``power``, ``ceil`` ``ceil_step``, and ``pv_years``, ``years_to``,
``pv_spread``, ``share``, ``annuity``, ``pv`` and ``discount`` their rules: each formula is
the rule's own definition written out (``sheet_rules``), not a copy beside it. ``max``,
``min``, ``sum`` and ``npv`` are the spreadsheet's own functions of the same meaning. Where
a share is undefined the cell shows the no-number text it is given (a spreadsheet has no
third word).

A translation that repeats an operand (``a − b`` writes each of ``a`` and ``b`` three times,
``a / b`` and ``ceil`` twice or more) would, nested, repeat it again at every level: a value of
n subtractions in a row held 3^n copies of its first term (liva-actors 12 092 characters, five
transfers from one actor past the 8 192 Excel reads). An operand longer than ``REPEATABLE``
characters is therefore written once, in a cell of its own (``Hoist``), and the formula repeats
the reference to that cell; and any part longer than ``LONGEST`` (a sum of many flows) gets a
cell of its own too. A formula's length grows no faster than its template's, and stays within
a few thousand characters however long the template.

"Never" (``inf`` in the core, ``null`` in JSON) is ``#N/A`` inside a formula, where it propagates
through + × ceil and max as ``inf`` does (and through min, where the core's min would give the
other number: no template takes the min of a figure that may be never); a figure cell shows it
as text (``IFNA``), "never"/"aldrig" or, as the report's tables, "n/a"/"–" for a multiple, and a
formula that reads such a cell turns the text back into ``#N/A``.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable, Mapping

from nyttocalc.core.figures import Figure, Term, function_rule, parse, sign_rule
from nyttocalc.report.workbook.sheet_rules import number as number  # how a formula writes a number
from nyttocalc.report.workbook.sheet_rules import spreadsheet

NEVER = "NA()"


class Untranslatable(ValueError):
    """A template uses a construct with no spreadsheet translation (none does today)."""


# How a reference to a term is written, and whether the term may be never.
Reference = Callable[[Term], tuple[str, bool]]

# Writes a part of a formula in a cell of its own and gives the reference to that cell, given
# the part's expression, whether it may be never, and its words as the template writes them.
Hoist = Callable[[str, bool, str], str]

# The longest expression a translation repeats in place (a short product); a reference to a
# name or a cell, however long, is repeated as it is.
REPEATABLE = 60
# The longest part of a formula written in place at all.
LONGEST = 1000


def formula(figure: Figure, reference: Reference, never_text: str, hoist: Hoist) -> str:
    """The cell formula for ``figure`` (with the leading ``=``)."""
    body, may_be_never = expression(figure, reference, hoist)
    if figure.never_with is not None:
        waits_for, never = reference(figure.never_with)
        if never:
            body = f"IF(ISNA({waits_for}),{NEVER},{body})"
            may_be_never = True
    if may_be_never:
        body = f'_xlfn.IFNA({body},"{never_text}")'
    return f"={body}"


def expression(figure: Figure, reference: Reference, hoist: Hoist) -> tuple[str, bool]:
    """The template as a spreadsheet expression, and whether it may be never."""
    terms = figure.terms

    def term(name: str) -> tuple[str, bool]:
        return reference(terms[name.removeprefix("_")])

    def part(node: ast.expr, text: str, never: bool, longest: int) -> str:
        if len(text) <= longest or isinstance(node, ast.Name | ast.Constant):
            return text  # short, or a reference: it nests nothing that repeats
        return hoist(text, never, words(node, figure))

    return _translate(parse(figure.formula), term, part, figure.plain_division)


def words(node: ast.expr, figure: Figure) -> str:
    """A part of a figure's template as the template writes it: ``cost − unsubsidised ×
    horizon × value_unsubsidised``, each term by its symbol.

    >>> from nyttocalc.core.figures import Unit
    >>> fig = Figure(1.0, Unit.SEK, "{a} − {b} × 2", {n: Term(n.upper(), 1.0, Unit.SEK)
    ...                                              for n in "ab"})
    >>> words(parse(fig.formula), fig)
    'A − B × 2'
    """
    text = ast.unparse(node).replace(" * ", " × ")
    text = re.sub(r"(?<!\d[eE])-", "−", text)  # a minus, not an exponent's (1e-05)
    return re.sub(r"\b_(\w+)", lambda m: figure.terms[m.group(1)].symbol, text)


def steps(figure: Figure) -> int | None:
    """``n`` where the figure is a whole number of 1/n whatever the inputs: 1 for ``ceil(x)``
    and sums and products of such, 2 for ``ceil(x × 2) / 2`` (half-time steps); None where
    it can be any number. A number format can then show ``5`` and ``4,5``, not ``5,00``.

    >>> from nyttocalc.core.figures import Unit
    >>> [steps(Figure(1.0, Unit.PERSONS, f)) for f in ("ceil(2.5)", "ceil(2.5 × 2) / 2", "7 / 3.5")]
    [1, 2, None]
    """
    return _steps(parse(figure.formula), figure.terms)


def _steps(node: ast.expr, terms: Mapping[str, Term]) -> int | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ceil":
        return 1
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return 1 if float(node.value).is_integer() else None
    if isinstance(node, ast.Name):
        term = terms[node.id.removeprefix("_")]
        if term.source is not None:
            return steps(term.source)
        # a scenario number can be changed in its cell; a count listed at export cannot
        return 1 if term.path is None and float(term.value).is_integer() else None
    if isinstance(node, ast.BinOp):
        a, b = _steps(node.left, terms), _steps(node.right, terms)
        if isinstance(node.op, ast.Add | ast.Sub) and a and b:
            return math.lcm(a, b)
        if isinstance(node.op, ast.Mult) and a == b == 1:
            return 1
        if (isinstance(node.op, ast.Div) and a == 1 and isinstance(node.right, ast.Constant)
                and isinstance(node.right.value, int) and node.right.value > 0):
            return node.right.value
    return None


def cell_reference(cell: str, may_be_never: bool) -> str:
    """A reference to a figure cell: where the cell may show "never", its text reads as #N/A."""
    return f"IF(ISNUMBER({cell}),{cell},{NEVER})" if may_be_never else cell


# An operand as a formula writes it: its text (node, text, may be never), or where that is
# longer than the limit given, a reference to a cell that holds it.
_Part = Callable[[ast.expr, str, bool, int], str]


def _translate(node: ast.expr, term: Callable[[str], tuple[str, bool]],
               part: _Part, plain: bool = False) -> tuple[str, bool]:
    """``node`` as a spreadsheet expression, and whether it may be never; ``plain``: "/" is
    division as on paper (a claim's arithmetic), not "how many … make up …"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return number(float(node.value)), False
    if isinstance(node, ast.Name):
        return term(node.id)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        text, never = _translate(node.operand, term, part, plain)
        return f"-{_group(part(node.operand, text, never, LONGEST))}", never
    if isinstance(node, ast.BinOp):
        (a, a_never), (b, b_never) = (_translate(node.left, term, part, plain),
                                      _translate(node.right, term, part, plain))
        # − and / write each operand more than once
        longest = REPEATABLE if isinstance(node.op, ast.Sub | ast.Div) else LONGEST
        a, b = part(node.left, a, a_never, longest), part(node.right, b, b_never, longest)
        a, b = _group(a), _group(b)
        if isinstance(node.op, ast.Add):  # a spreadsheet's + is ``total``: it sets a sum whose
            return f"{a}+{b}", a_never or b_never  # operands cancel to 0 (Excel, LibreOffice)
        if isinstance(node.op, ast.Mult):
            return f"{a}*{b}", a_never or b_never
        sign = sign_rule(type(node.op), plain)
        if sign is None:
            raise Untranslatable(f"no spreadsheet formula for {ast.unparse(node)!r}")
        return spreadsheet(sign, (a, a_never), (b, b_never))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        args = [_translate(a, term, part, plain) for a in node.args]
        # max and min write each operand once, the others some more than once
        longest = LONGEST if node.func.id in ("max", "min") else REPEATABLE
        texts = [_group(part(a, t, n, longest))
                 for a, (t, n) in zip(node.args, args, strict=True)]
        nevers = [n for _, n in args]
        if node.func.id in _NATIVE:
            return f"{_NATIVE[node.func.id]}({','.join(texts)})", any(nevers)
        rule = function_rule(node.func.id)
        if rule is not None:
            return spreadsheet(rule, *zip(texts, nevers, strict=True))
    raise Untranslatable(f"no spreadsheet formula for {ast.unparse(node)!r}")


def _group(text: str) -> str:
    """Parenthesised unless it is a name, a number or a function call."""
    if text.replace("_", "").replace(".", "").isalnum() or _is_call(text):
        return text
    return f"({text})"


def _is_call(text: str) -> bool:
    head, paren, _ = text.partition("(")
    if not paren or not head.replace(".", "").replace("_", "").isalnum():
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and index < len(text) - 1 and char == ")":
            return False
    return text.endswith(")")


# The spreadsheet's own functions, the same as the core's: NPV's flows at the end of years 1, 2, …
_NATIVE: Mapping[str, str] = {"max": "MAX", "min": "MIN", "sum": "SUM", "npv": "NPV"}
