"""A computed figure together with the arithmetic that produced it.

A ``Figure`` holds its value, its unit, the formula as a template with named placeholders, and the
``Term`` that fills each placeholder. Renderers show the formula with symbols (the key paths a
user can ``--set``) or with the scenario's numbers filled in, in the reader's language.
"""

from __future__ import annotations

import ast
import functools
import keyword
import math
import operator
import re
import tokenize
from collections.abc import Callable, KeysView, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from nyttocalc.core.arith import (
    Num,
    ceil_step,
    difference,
    maximum,
    minimum,
    power,
    quotient,
    ratio,
    share,
    total,
)
from nyttocalc.core.discounting import (
    present_value_years,
    spread_cost_factor,
    years_to_accumulate,
)
from nyttocalc.core.finance import annuity, discount, net_present_value, present_value
from nyttocalc.core.rules import Rule


class Unit(StrEnum):
    SEK = "SEK"
    SEK_PER_YEAR = "SEK/year"
    SEK_PER_PERSON_YEAR = "SEK/person-year"
    SEK_PER_MONTH = "SEK/month"
    SEK_PER_WEEK = "SEK/week"
    SEK_PER_DAY = "SEK/day"
    SEK_PER_HOUR = "SEK/hour"
    MONTHS = "months"
    PERSONS = "persons"
    YEARS = "years"
    SHARE = "share"  # a fraction, shown as a percentage
    FTE = "FTE"
    MULTIPLE = "multiple"
    NUMBER = "number"  # a plain number, such as a multiple of the price base amount


@dataclass(frozen=True)
class Term:
    """One operand of a formula: its symbol (an input's name or a named figure), value and unit,
    and, where the value was itself computed, the figure it came from. ``path`` is the key path
    of the scenario number it reads (``inputs.municipal_funding``, ``analysis.horizons_years.0``),
    where it reads one: a spreadsheet refers to that number's cell. ``margin`` is how far the
    number may be from what it stands for: half the last digit of a figure as a report prints
    it (0 for a number given exactly)."""

    symbol: str
    value: float
    unit: Unit
    source: Figure | None = None
    path: str | None = None
    margin: float = 0.0


@dataclass(frozen=True)
class Figure:
    value: float
    unit: Unit
    formula: str
    terms: Mapping[str, Term] = field(default_factory=dict)
    # A figure that is only reached if another is (the payback year, if some number of persons
    # pays back): where that term is never, so is this figure, whatever its formula gives.
    never_with: Term | None = None
    # The arithmetic a report states (a claim's formula): "/" is division as on paper, a
    # negative over a positive is negative, and a division by zero is undefined. The payback
    # analysis' own "/" is "how many … make up …" (``arith.ratio``).
    plain_division: bool = False

    def substitute(self, show: Callable[[Term], str]) -> str:
        """The formula with each placeholder replaced by ``show(term)``: a symbol or a number."""
        return _PLACEHOLDER.sub(lambda m: show(self.terms[m.group(1)]), self.formula)

    def recompute(self, replaced: Mapping[str, float] | None = None) -> float:
        """The formula evaluated again, with the terms named in ``replaced`` (by symbol) given
        other values, wherever they occur in this figure's derivation.

        This is how a reader redoes the arithmetic with other numbers: ``check`` uses it to ask
        which cost a published figure would fit, or whether it fits a rounded intermediate.
        """
        replaced = replaced or {}
        if self.never_with is not None and math.isinf(_value(self.never_with, replaced)):
            return math.inf
        return evaluate(self.formula, {name: _value(term, replaced)
                                       for name, term in self.terms.items()},
                        plain_division=self.plain_division)

    def with_term(self, symbol: str, value: float) -> Figure:
        """This figure with the term ``symbol`` set to ``value`` wherever it occurs in the
        derivation, every figure on the way recomputed: the arithmetic a report did when it
        used a rounded intermediate, shown like any other figure."""
        def changed(term: Term) -> Term:
            if term.symbol == symbol:
                return replace(term, value=value, source=None)
            if term.source is None or symbol not in {t.symbol for t in term.source.derivation()}:
                return term
            source = term.source.with_term(symbol, value)
            return replace(term, value=source.value, source=source)

        new = replace(self, terms={name: changed(term) for name, term in self.terms.items()},
                      never_with=changed(self.never_with) if self.never_with else None)
        return replace(new, value=new.recompute())

    def rounded_up(self, skip: str = "") -> list[float]:
        """What every ``ceil( )`` in the derivation gives, innermost figures first, leaving out
        the derivation of the term ``skip``. A ceil states a count that suffices ("this many
        pay back"): comparing these lists tells whether other numbers lower such a count."""
        counts: list[float] = []
        for term in self.terms.values():
            if term.source is not None and term.symbol != skip:
                counts += term.source.rounded_up(skip)
        if "ceil(" in self.formula:
            def traced(x: Num) -> Num:
                counts.append(float(ceil_step(x)))
                return ceil_step(x)

            _compile(self.formula, {**_CORE_FUNCTIONS, "ceil": Function(traced, 1, 1, "a number")},
                     _operators(self.plain_division))({k: t.value for k, t in self.terms.items()})
        return counts

    def derivation(self) -> list[Term]:
        """Every term this figure depends on, at any depth, each symbol once, nearest first."""
        seen: dict[str, Term] = {}
        queue = [*self.terms.values(), *([self.never_with] if self.never_with else [])]
        while queue:
            term = queue.pop(0)
            if term.symbol not in seen:
                seen[term.symbol] = term
                if term.source is not None:
                    queue += term.source.terms.values()
        return list(seen.values())


def _value(term: Term, replaced: Mapping[str, float]) -> float:
    if term.symbol in replaced:
        return replaced[term.symbol]
    if term.source is not None and replaced:
        return term.source.recompute(replaced)
    return term.value


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def slot(name: str) -> str:
    """The placeholder for the term ``name`` in a formula template: ``{name}``."""
    return "{" + name + "}"


def placeholders(template: str) -> KeysView[str]:
    """The names of a template's terms, each once, in the order they first appear (a set would
    order them by the run's string hashing, and an explanation with them)."""
    return dict.fromkeys(_PLACEHOLDER.findall(template)).keys()


class FormulaError(ValueError):
    """A formula template uses syntax outside + − × /, numbers and the known functions."""


def parse(formula: str) -> ast.expr:
    """A formula template's syntax tree, for renderers that translate it (a spreadsheet
    formula): each placeholder ``{name}`` is the name ``_name``, × and − are * and -."""
    return _parsed(formula)


def evaluate(formula: str, values: Mapping[str, Num], plain_division: bool = False) -> Num:
    """Evaluate a formula template as a reader would; "/" means "how many … make up …", as
    ``arith.ratio`` (never a division by zero), or with ``plain_division`` division as on paper
    (``arith.quotient``); ``ceil`` rounds up as ``arith.ceil_step``; ``^`` is a power. Values may
    be NumPy arrays: the result is then element-wise.

    >>> evaluate("{cost} / ({horizon} × {value})", {"cost": 2.75e6, "horizon": 3, "value": 6e5})
    1.5277777777777777
    >>> evaluate("{b} / {c}", {"b": -1501, "c": 4231}), evaluate("{b} / {c}", {"b": -1501,
    ...                                                          "c": 4231}, plain_division=True)
    (0.0, -0.35476246750177265)
    >>> evaluate("sum({a}, {b}, 1) ^ 2", {"a": 1, "b": 2})
    16.0
    """
    return _evaluator(formula, True, plain_division)(values)


def validate(formula: str) -> None:
    """Raise ``FormulaError`` unless ``formula`` is one a scenario may write (a computed input,
    a claim's arithmetic): numbers, terms in braces, + − × / and the functions of
    ``_FUNCTIONS``; not the core's own ``share``, whose undefined result nothing may compute
    further with."""
    _evaluator(formula, False, False)(dict.fromkeys(placeholders(formula), 1.0))


@functools.lru_cache(maxsize=256)
def _parsed(formula: str) -> ast.expr:
    """A formula's syntax tree, parsed once: check recomputes the same few formulas often."""
    if "**" in formula:
        raise FormulaError(f"{formula!r} writes a power as **; write it as ^: '(1 + {{rate}}) "
                           "^ {years}'")
    expression = _PLACEHOLDER.sub(lambda m: f"_{m.group(1)}", formula)
    expression = expression.replace("×", "*").replace("−", "-").replace("^", "**")
    try:
        return ast.parse(expression, mode="eval").body
    except SyntaxError as exc:
        raise FormulaError(f"{_shown(formula)} is not a formula: {exc.msg}") from None
    except RecursionError:
        # Python nests ``a + b + c …`` a level per term and gives up building the tree of a
        # sum of a few thousand terms (a ledger's value with thousands of flows).
        return _parsed_term_by_term(formula, expression)


def _parsed_term_by_term(formula: str, expression: str) -> ast.expr:
    """The syntax tree of a formula too long for Python to return in one piece: each term of
    its outermost sum parsed alone, and the terms joined left to right, the tree Python builds.
    Only a formula Python could parse gets here, so every + and − its tokens show outside
    brackets, after an operand, joins two terms."""
    too_long = FormulaError(f"{_shown(formula)} is too long or too deeply nested to read")
    expression = expression.replace("\r\n", "\n").replace("\r", "\n")  # as Python reads it
    lines = [line + "\n" for line in expression.split("\n")]
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line))
    try:
        tokens = list(tokenize.generate_tokens(iter([*lines, ""]).__next__))
    except (tokenize.TokenError, SyntaxError):
        raise too_long from None
    depth, operand_ended = 0, False
    cuts: list[tuple[int, type[ast.operator]]] = []  # where a joining + or − is, and which
    for token in tokens:
        if token.type in (tokenize.NL, tokenize.COMMENT):
            continue
        if token.type != tokenize.OP:
            operand_ended = token.type in (tokenize.NUMBER, tokenize.STRING) or (
                token.type == tokenize.NAME and (not keyword.iskeyword(token.string)
                                                 or token.string in ("True", "False", "None")))
            continue
        depth += (token.string in ("(", "[", "{")) - (token.string in (")", "]", "}"))
        if depth == 0 and token.string in ("+", "-") and operand_ended:
            at = line_starts[token.start[0] - 1] + token.start[1]
            if expression[at] != token.string:
                raise too_long
            cuts.append((at, ast.Add if token.string == "+" else ast.Sub))
        operand_ended = token.string in (")", "]", "}")
    starts = [0, *(at + 1 for at, _ in cuts)]
    ends = [*(at for at, _ in cuts), len(expression)]
    parts: list[ast.expr] = []
    for start, end in zip(starts, ends, strict=True):
        text = expression[start:end].replace("\\\n", " ").strip()
        try:
            parts.append(ast.parse(text, mode="eval").body)
        except (SyntaxError, RecursionError):
            raise too_long from None
    tree = parts[0]
    for (_, operator_type), part in zip(cuts, parts[1:], strict=True):
        tree = ast.BinOp(tree, operator_type(), part)
    return tree


def _shown(formula: str) -> str:
    """A formula as an error quotes it: whole (a scenario's has at most 500 characters), or
    the start of one the core wrote from thousands of flows."""
    return repr(formula if len(formula) <= 1000 else f"{formula[:200]}…")


@dataclass(frozen=True)
class Function:
    """A function a formula may call, with how many arguments it takes (``most`` None: any
    number from ``least``) and what they are, for the error that says so."""

    compute: Callable[..., Num]
    least: int
    most: int | None
    takes: str

    def accepts(self, count: int) -> bool:
        return self.least <= count and (self.most is None or count <= self.most)


Functions = Mapping[str, Function]
Operators = Mapping[type, Callable[[Num, Num], Num]]


# A formula compiled: its value from the values of its terms, by name.
Evaluator = Callable[[Mapping[str, Num]], Num]


@functools.lru_cache(maxsize=512)
def _evaluator(formula: str, core: bool, plain_division: bool) -> Evaluator:
    """A formula compiled once (a figure's template is evaluated for every row and point)."""
    return _compile(formula, _CORE_FUNCTIONS if core else _FUNCTIONS, _operators(plain_division))


def _compile(formula: str, functions: Functions, operators: Operators) -> Evaluator:
    """``formula`` as a closure over the closures of its parts: a term read by name, a sign or
    function applied to its operands. What a formula may not write is refused here, in the
    order a reader meets it; a term it names and is not given, when it is evaluated."""
    body = _closure(_parsed(formula), formula, functions, operators)

    def evaluate(values: Mapping[str, Num]) -> Num:
        try:
            return body(values)
        except _MissingTerm as missing:
            raise FormulaError(f"{_shown(formula)} names {missing.name!r}, which is not a "
                               "term") from None
    return evaluate


class _MissingTerm(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


def _closure(node: ast.expr, formula: str, functions: Functions,
             operators: Operators) -> Evaluator:
    def part(child: ast.expr) -> Evaluator:
        return _closure(child, formula, functions, operators)

    if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not (
            isinstance(node.value, bool)):
        number = float(node.value)
        return lambda values: number
    if isinstance(node, ast.Name) and node.id.startswith("_"):
        name = node.id[1:]

        def term(values: Mapping[str, Num]) -> Num:
            try:
                value = values[name]
            except KeyError:
                raise _MissingTerm(name) from None
            return float(value) if isinstance(value, int) else value
        return term
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        negations = 0
        while isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            negations, node = negations + 1, node.operand
        operand = part(node)

        def negated(values: Mapping[str, Num]) -> Num:
            value = operand(values)
            for _ in range(negations):
                value = -value
            return value
        return negated
    if isinstance(node, ast.BinOp) and type(node.op) in operators:
        # ``a + b − c …`` is a tree as deep as the sum is long: compiled down its left side in
        # a loop, and run as a loop, so a sum of thousands of terms computes like a short one.
        chain: list[ast.BinOp] = []
        while isinstance(node, ast.BinOp) and type(node.op) in operators:
            chain.append(node)
            node = node.left
        first = part(node)
        links = [(operators[type(link.op)], part(link.right)) for link in reversed(chain)]
        if len(links) == 1:
            (sign, right), = links
            return lambda values: sign(first(values), right(values))

        def joined(values: Mapping[str, Num]) -> Num:
            value = first(values)
            for sign, right in links:
                value = sign(value, right(values))
            return value
        return joined
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in functions and not node.keywords):
        function = functions[node.func.id]
        if not function.accepts(len(node.args)):
            raise FormulaError(f"{formula!r}: {node.func.id}( ) takes {function.takes}")
        args = [part(a) for a in node.args]
        compute = function.compute
        return lambda values: compute(*[arg(values) for arg in args])
    if isinstance(node, ast.Name):
        raise FormulaError(f"{_shown(formula)} names {node.id.lstrip('_')!r}, which is not a term")
    raise FormulaError(f"{_shown(formula)} uses syntax a formula may not: only numbers, terms in "
                       f"braces, + − × / ^ and the functions {', '.join(_FUNCTIONS)}")


def _largest(*args: Num) -> Num:
    return functools.reduce(maximum, args)


def _smallest(*args: Num) -> Num:
    return functools.reduce(minimum, args)


def _total(*args: Num) -> Num:
    return functools.reduce(total, args)


# The functions a formula may call.
_FUNCTIONS: Functions = {
    "ceil": Function(ceil_step, 1, 1, "one number, which it rounds up"),
    "max": Function(_largest, 1, None, "one or more numbers"),
    "min": Function(_smallest, 1, None, "one or more numbers"),
    "sum": Function(_total, 1, None, "one or more numbers"),
    "npv": Function(net_present_value, 2, None, (
        "a rate and one or more amounts, at the end of years 1, 2, …: npv({rate}, {y1}, {y2})")),
    "pv": Function(present_value, 3, 3, (
        "a rate, a number of years and a yearly amount: pv({rate}, {years}, {amount})")),
    "annuity": Function(annuity, 2, 2, "a rate and a number of years: annuity({rate}, {years})"),
    "discount": Function(discount, 2, 2, (
        "a rate and a number of years: discount({rate}, {years}) = (1 + rate)^−years")),
    "pv_years": Function(present_value_years, 4, 4, (
        "a start, years, a discount rate and a drop-off rate")),
    "years_to": Function(years_to_accumulate, 4, 4, (
        "person-years, a start, a discount rate and a drop-off rate")),
    "pv_spread": Function(spread_cost_factor, 2, 2, (
        "a discount rate and the years a cost is spread over")),
}


# The core's own templates may also take a share (an efficiency: undefined without a potential).
_CORE_FUNCTIONS: Functions = {**_FUNCTIONS, "share": Function(share, 2, 2, "a part and a whole")}


# What each sign of a formula means: the same helpers the formulas compute with.
_OPERATORS: dict[type, Callable[[Num, Num], Num]] = {
    ast.Add: total, ast.Sub: difference, ast.Mult: operator.mul, ast.Div: ratio,
    ast.Pow: power,
}
_PLAIN_OPERATORS: dict[type, Callable[[Num, Num], Num]] = {**_OPERATORS, ast.Div: quotient}


def _operators(plain_division: bool) -> Operators:
    return _PLAIN_OPERATORS if plain_division else _OPERATORS


def sign_rule(sign: type, plain_division: bool = False) -> Rule | None:
    """The rule a sign of a template means (``+`` ``total``, ``−`` ``difference``, ``/``
    ``ratio``, or with plain division ``quotient``, ``^`` ``power``); None for ``×``, which is
    the operator itself. A translation of a template (a workbook, a page's script) asks here."""
    meaning = _operators(plain_division).get(sign)
    return meaning if isinstance(meaning, Rule) else None


def function_rule(name: str) -> Rule | None:
    """The rule a template's function is (``ceil`` is ``ceil_step``, ``pv`` ``present_value``
    …); None for ``max``, ``min``, ``sum`` and ``npv``, which fold a rule or an operator over
    their arguments."""
    function = _CORE_FUNCTIONS.get(name)
    return function.compute if function is not None and isinstance(function.compute, Rule) else None
