"""The figures a page shows, and every figure they come from, as one JavaScript function of
the panel's inputs.

Each explained figure (``Figure``) is written once, as a statement ``v[n]=…`` of its formula
template, translated generically as the workbook translates it: a term reads the panel's input
it stands for (``x[k]``, by its key path), the figure it came from (``v[m]``), or else its
value; each sign and function of a template is the core's rule of that name (``script_rules``),
``max``, ``min``, ``sum`` and ``npv`` the same folds the core computes. A figure the page shows
in several places, or that several figures come from, is computed once; so is the same
arithmetic on the same terms (a computed input each party's value reads).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping, Sequence

from nyttocalc.core.figures import Figure, Term, function_rule, parse, sign_rule
from nyttocalc.report.page.whatif.script_rules import literal


class Untranslatable(ValueError):
    """A template uses a construct the script cannot compute (none does today)."""


class Program:
    """The statements that compute the figures asked for (``slot``) from the inputs ``x``, in
    an order where each figure comes after those it reads."""

    def __init__(self, inputs: Sequence[str]) -> None:
        self._inputs = {path: index for index, path in enumerate(inputs)}
        self._slots: dict[int, int] = {}  # id(figure) → its place in v
        self._held: list[Figure] = []  # the figures slotted, so that no id is reused
        self._written: dict[str, int] = {}  # each expression written, and its place
        # the places of computed inputs: each must be a number, as a scenario's inputs must
        self.computed_inputs: list[int] = []
        self.statements: list[str] = []
        self.functions: list[str] = []  # of the figures asked for at other counts (``function``)

    def slot(self, figure: Figure) -> int:
        """The place of ``figure``'s value in ``v``; its statement, and those of the figures it
        comes from, are written the first time it is asked for."""
        known = self._slots.get(id(figure))
        if known is not None:
            return known
        for term in _terms(figure):
            source = self._computed(term)
            if source is not None:
                place = self.slot(source)
                if (term.path or "").startswith("inputs.") and place not in self.computed_inputs:
                    self.computed_inputs.append(place)
        expression = _expression(figure, self._term)
        self._held.append(figure)
        same = self._written.get(expression)  # the same arithmetic on the same terms: once
        if same is not None:
            self._slots[id(figure)] = same
            return same
        index = self._slots[id(figure)] = self._written[expression] = len(self.statements)
        self.statements.append(f"v[{index}]={_bare(expression)};")
        return index

    def _computed(self, term: Term) -> Figure | None:
        """The figure a term came from, where the script computes it (not a panel's input)."""
        return None if term.path in self._inputs else term.source

    def _term(self, term: Term) -> str:
        if term.path in self._inputs:
            return f"x[{self._inputs[term.path]}]"
        if term.source is not None:
            return f"v[{self._slots[id(term.source)]}]"
        return literal(float(term.value))

    def function(self, figure: Figure, parameters: Mapping[str, str]) -> int:
        """The place in ``F`` of a function ``(v, x, P, …)`` that gives ``figure`` for other
        values of its given numbers: each term named in ``parameters`` that the figure was given
        (no key path, not computed) is the argument named there; what does not depend on one is
        read from ``v`` (or the inputs ``x``), the rest written out."""
        def given(term: Term) -> bool:
            return term.source is None and term.path is None and term.symbol in parameters

        def depends(f: Figure) -> bool:
            terms = _terms(f)
            sources = [s for s in map(self._computed, terms) if s is not None]
            return any(map(given, terms)) or any(map(depends, sources))

        def term(t: Term) -> str:
            source = self._computed(t)
            if given(t):
                return parameters[t.symbol]
            if source is not None and depends(source):
                return f"({_expression(source, term)})"
            if source is not None:
                self.slot(source)
            return self._term(t)

        arguments = ",".join(dict.fromkeys(parameters.values()))
        self.functions.append(f"(v,x,{arguments})=>({_expression(figure, term)})")
        return len(self.functions) - 1

    def script(self) -> str:
        """``function compute(x)``: every slotted figure's value, in ``v``; then ``F``, the
        functions of figures at other counts, each of ``v``, ``x`` and its arguments."""
        return (f"function compute(x){{const v=new Float64Array({len(self.statements)});\n"
                + "\n".join(self.statements) + "\nreturn v}\nconst F=[\n"
                + ",\n".join(self.functions) + "];")


def _terms(figure: Figure) -> list[Term]:
    """The terms a figure reads: those of its template, and the one it waits for."""
    return [t for t in (*figure.terms.values(), figure.never_with) if t is not None]


def _expression(figure: Figure, term: Callable[[Term], str]) -> str:
    """A figure's template as a JavaScript expression, never where the figure it waits for is
    (``never_with``)."""
    text = _translate(parse(figure.formula), figure, term)
    if figure.never_with is None:
        return text
    return f"({term(figure.never_with)}===Infinity?Infinity:{text})"


def _translate(node: ast.expr, figure: Figure, term: Callable[[Term], str]) -> str:
    """A template's syntax tree as a JavaScript expression, each term as ``term`` writes it."""
    def go(n: ast.expr) -> str:
        return _translate(n, figure, term)

    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return literal(float(node.value))
    if isinstance(node, ast.Name):
        return term(figure.terms[node.id.removeprefix("_")])
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return f"(-{go(node.operand)})"
    if isinstance(node, ast.BinOp):
        # a long sum is a tree as deep as it is long: its left side is followed in a loop
        chain: list[ast.BinOp] = []
        while isinstance(node, ast.BinOp):
            chain.append(node)
            node = node.left
        text = go(node)
        for link in reversed(chain):
            text = _sign(link, text, go(link.right), figure.plain_division)
        return text
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        name = node.func.id
        args = [go(a) for a in node.args]
        rule = function_rule(name)
        if rule is not None:
            return f"{rule.name}({','.join(args)})"
        if name in ("max", "min", "sum"):
            fold = {"max": "Math.max({},{})", "min": "Math.min({},{})", "sum": "({}+{})"}[name]
            text = args[0]
            for arg in args[1:]:
                text = fold.format(text, arg)
            return text
        if name == "npv":  # the flows at the end of years 1, 2, …, as the core sums them
            rate, *flows = args
            text = "0"
            for year, flow in enumerate(flows, start=1):
                text = f"({text}+({flow}*discount({rate},{year})))"
            return text
    raise Untranslatable(f"no script for {ast.unparse(node)!r} in {figure.formula!r}")


def _bare(expression: str) -> str:
    """An expression without the parentheses around the whole of it, where it has them."""
    if not expression.startswith("("):
        return expression
    depth = 0
    for index, char in enumerate(expression):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return expression[1:-1] if index == len(expression) - 1 else expression
    return expression


def _sign(node: ast.BinOp, a: str, b: str, plain_division: bool) -> str:
    if isinstance(node.op, ast.Mult):
        return f"({a}*{b})"
    rule = sign_rule(type(node.op), plain_division)
    if rule is None:
        raise Untranslatable(f"no script for the sign of {ast.unparse(node)!r}")
    return f"{rule.name}({a},{b})"
