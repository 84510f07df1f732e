"""How a scenario's computed inputs build on one another: circles, and how deep and how large a
formula is once written out down to the scenario's numbers.

Every figure that reads a computed input carries its formula and, term by term, the formulas of
the computed inputs it names, as far down as they go (that is what --explain prints and what
``check`` recomputes). A chain of hundreds of computed inputs, or a few dozen that each name the
one before twice, written out, is deeper than Python's stack or larger than any memory: a file
of sixty lines took a minute at 18 such steps and doubled with each more. These are refused
when the file is read, with the chain that is too deep or too large. Every walk here is a loop
over each input once, however the inputs are joined.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Mapping
from typing import Any

from nyttocalc.core.figures import evaluate, placeholders
from nyttocalc.scenario.schema import AnyScenario, ComputedInput

MAX_DEPTH = 32  # computed inputs one under the other; LivA's deepest is 4
MAX_WRITTEN_OUT = 1000  # formulas in one written out in full; LivA's largest has 6


def computed_terms(formulas: Mapping[str, str]) -> dict[str, list[str]]:
    """Each computed input's terms that are computed inputs too, in alphabetical order."""
    return {name: [t for t in sorted(placeholders(formula)) if t in formulas]
            for name, formula in formulas.items()}


NOT_A_NUMBER = ("its formula gives no number (it divides by 0 and multiplies that by 0, or "
                "goes beyond the largest number); a computed input is a number, as every "
                "input is")


def circles(terms: Mapping[str, list[str]]) -> set[str]:
    """The computed inputs that lead back to themselves (``terms``: each computed input's
    terms that are computed inputs), found once for all by Tarjan's algorithm, in a loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[str] = set()
    for root in terms:
        if root in index:
            continue
        work = [(root, iter(terms[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(terms[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in terms[node]:
                    found.update(component)
    return found


def circle_from(start: str, terms: Mapping[str, list[str]]) -> list[str]:
    """A chain of computed inputs from ``start`` back to it (``start`` must lead back to
    itself): the first, depth first in the order of ``terms``, each input visited once."""
    parent: dict[str, str] = {}
    work = [(start, iter(terms[start]))]
    while work:
        node, children = work[-1]
        child = next(children, None)
        if child is None:
            work.pop()
        elif child == start:
            chain = [node]
            while chain[-1] != start:
                chain.append(parent[chain[-1]])
            return [*reversed(chain), start]
        elif child not in parent:
            parent[child] = node
            work.append((child, iter(terms[child])))
    return []


def too_deep_or_large(terms: Mapping[str, list[str]]) -> dict[str, str]:
    """What is wrong with each computed input (none on a circle) whose formula, written out,
    is more than ``MAX_DEPTH`` computed inputs deep or holds more than ``MAX_WRITTEN_OUT``
    formulas."""
    depth: dict[str, int] = {}
    size: dict[str, int] = {}
    deepest: dict[str, str] = {}  # the term through which the deepest chain runs
    for root in terms:
        work = [root]
        while work:
            node = work[-1]
            if node in depth:
                work.pop()
                continue
            waiting = [t for t in terms[node] if t not in depth]
            if waiting:
                work += waiting
                continue
            work.pop()
            below = max(terms[node], key=lambda t: depth[t], default=None)
            depth[node] = 1 + (depth[below] if below is not None else 0)
            size[node] = min(1 + sum(size[t] for t in terms[node]), MAX_WRITTEN_OUT + 1)
            if below is not None:
                deepest[node] = below
    problems = {}
    for name in terms:
        if depth[name] > MAX_DEPTH:
            chain = [name]
            while chain[-1] in deepest:
                chain.append(deepest[chain[-1]])
            shown = [*chain[:3], "…", *chain[-2:]] if len(chain) > 6 else chain
            problems[name] = (f"it builds on computed inputs {depth[name]} deep "
                              f"({' → '.join(shown)}); at most {MAX_DEPTH} are read: a computed "
                              "input is a few steps from the numbers it reads")
        elif size[name] > MAX_WRITTEN_OUT:
            problems[name] = (f"written out down to the scenario's numbers, its formula holds "
                              f"more than {MAX_WRITTEN_OUT} formulas (computed inputs named "
                              "again and again, each written out each time); a computed input "
                              "is a few steps from the numbers it reads")
    return problems


def first_not_a_number(formulas: Mapping[str, str], terms: Mapping[str, list[str]],
                       numbers: Mapping[str, Any]) -> tuple[str, int | None] | None:
    """The first computed input (in ``formulas``' order) that is no finite number where the
    other inputs are ``numbers`` (floats, or NumPy arrays of a sweep's values: then also the
    index of the first such value), or None. Each is computed once, the ones it names first,
    in a loop; ``terms`` (each one's computed terms) leads back to none of them."""
    arrays = not all(isinstance(v, int | float) for v in numbers.values())
    if arrays:
        import numpy as np
    # ∞ × 0 is NaN in an array too: found below, not warned of
    quiet: Any = np.errstate(all="ignore") if arrays else contextlib.nullcontext()
    values: dict[str, Any] = dict(numbers)
    with quiet:
        for root in formulas:
            work = [root]
            while work:
                name = work[-1]
                waiting = [t for t in terms[name] if t not in values]
                if waiting:
                    work += waiting
                    continue
                work.pop()
                if name not in values:
                    formula = formulas[name]
                    values[name] = evaluate(formula, {t: values[t]
                                                      for t in placeholders(formula)})
    for name in formulas:
        if not arrays:
            if not math.isfinite(values[name]):
                return name, None
            continue
        finite = np.isfinite(np.atleast_1d(values[name]))
        if not finite.all():
            return name, int(np.argmin(finite))
    return None


def plain_inputs(scenario: AnyScenario) -> dict[str, float]:
    """The value of every input that is not computed."""
    return {name: float(item.value) for name, item in scenario.inputs.items()
            if not isinstance(item, ComputedInput)}
