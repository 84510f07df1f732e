"""A figure explained: its formula in symbols, and its arithmetic with the scenario's numbers
filled in, as ``--explain``, ``check`` and the JSON's ``arithmetic`` write them."""

from __future__ import annotations

import re

from nyttocalc.core.arith import is_never
from nyttocalc.core.figures import Figure, Term, evaluate
from nyttocalc.report.language import numbers


def symbolic(fig: Figure) -> str:
    return fig.substitute(lambda term: term.symbol)


def arithmetic(fig: Figure, lang: str, whole_kronor: bool = False,
               precision: float | None = None) -> str:
    """The formula with the scenario's numbers filled in, ``= result``, precise enough that a
    reader redoing it by hand gets the result as printed; a figure that is one number shown as
    it is (a cost of one item) is that number, said once. ``precision`` (a claim's): the result
    with at least the decimals it needs.

    An input is shown as given (4 875 000 kr, not 4,88 mkr; 22,02 %, not 22 %). Figures computed
    on the way are shown as a report rounds them, and with more digits, step by step, until the
    formula over the numbers shown gives the printed result. A negative number after a plus or
    minus sign is in parentheses: ``$367 + (-$2,406)``.
    """
    def show(x: float) -> str:
        if precision is None:
            return numbers.figure(x, fig.unit, lang, whole_kronor)
        return numbers.at_precision(x, fig.unit, lang, precision, whole_kronor)

    result = show(fig.value)
    waits_for = fig.never_with
    if waits_for is not None and is_never(waits_for.value):  # "persons = never"
        return f"{waits_for.symbol} = {numbers.figure(waits_for.value, waits_for.unit, lang)}"
    for finer in range(numbers.FINEST + 1):
        operands = {name: _operand(term, lang, whole_kronor, finer)
                    for name, term in fig.terms.items()}
        again = evaluate(fig.formula, {name: value for name, (_, value) in operands.items()},
                         fig.plain_division)
        if show(float(again)) == result:
            break
    filled = _SIGNED_PLACEHOLDER.sub(
        lambda m: (m[1] or "") + _enclosed(operands[m[2]][0], bool(m[1])), fig.formula)
    return result if filled == result else f"{filled} = {result}"  # one number: said once


_SIGNED_PLACEHOLDER = re.compile(r"([+\-−]\s*)?\{(\w+)\}")


def _enclosed(text: str, after_sign: bool) -> str:
    """A negative number after a sign in parentheses: ``+ (-$2,406)``, ``+ (SEK -50)``."""
    sign = re.search(r"[-−\d]", text)
    negative = sign is not None and sign.group() in "-−"
    return f"({text})" if after_sign and negative else text


def _operand(term: Term, lang: str, whole_kronor: bool, finer: int) -> tuple[str, float]:
    """A term as shown: an input (no ``source``) as given, at the first step of precision that
    shows it exactly; a computed figure at step ``finer``."""
    if term.source is not None:
        return numbers.shown(term.value, term.unit, lang, whole_kronor, finer)
    return numbers.as_given(term.value, term.unit, lang, whole_kronor)
