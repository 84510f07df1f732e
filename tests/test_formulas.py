"""Formulas and the computed inputs written with them, at their limits (issue 26): a formula
is parsed a term at a time as Python parses it whole, a sum too long for Python's parser is
still evaluated, and one nested too deep for it is a formula error; computed inputs that build
on one another too deep, or name one another too often to be written out, are one paragraph,
the circles among them are the inputs that lead back to themselves, and one that gives no
number is refused where it is computed.

The scenarios too deep or too large are in ``tests/broken_computed/``.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nyttocalc.core import figures
from tests.conftest import LIVA_ACTORS, run_process

BROKEN_COMPUTED = Path(__file__).resolve().parent / "broken_computed"


# ---- a formula, parsed a term at a time however long ----------------------------------------

# A formula as Python reads it, built from what formulas hold (terms, numbers, + − × /, unary
# minus, brackets, calls, line breaks inside brackets): parsed a term at a time, it must give
# the tree Python gives for it whole.
_leaves = st.one_of(
    st.sampled_from(["_a", "_b", "_cost", "1", "2.5", "1e-5", "3E+2", "0.0", "True"]),
    st.integers(0, 99).map(str))


def _joined(parts: list[str], signs: list[str]) -> str:
    return parts[0] + "".join(f" {s} {p}" for s, p in zip(signs, parts[1:], strict=False))


_formulas = st.recursive(_leaves, lambda inner: st.one_of(
    st.tuples(inner, st.sampled_from(["+", "-", "*", "/", "+\\\n", "- -"]), inner).map(
        lambda t: f"{t[0]} {t[1]} {t[2]}"),
    inner.map(lambda s: f"-{s}"),
    inner.map(lambda s: f"({s})"),
    inner.map(lambda s: f"(\n{s}\n)"),
    st.lists(inner, min_size=1, max_size=3).map(lambda a: f"max({', '.join(a)})"),
    st.tuples(inner, inner).map(lambda t: f"{t[0]}  # note\n + {t[1]}")), max_leaves=12)


@given(_formulas)
def test_a_formula_parsed_a_term_at_a_time_is_the_tree_python_builds(formula: str) -> None:
    try:
        whole = ast.parse(formula, mode="eval").body
    except SyntaxError:
        return  # only a formula Python parses whole is ever parsed a term at a time
    assert ast.dump(figures._parsed_term_by_term(formula, formula)) == ast.dump(whole)


def test_a_sum_too_long_for_pythons_parser_evaluates_as_one_read_in_a_piece() -> None:
    terms = {f"x{i}": float(i % 97) * 0.1 for i in range(50_000)}
    formula = " − ".join(figures.slot(name) for name in terms)
    expected = 0.0
    for i, value in enumerate(terms.values()):
        expected = value if i == 0 else expected - value
    assert figures.evaluate(formula, terms) == expected


@pytest.mark.parametrize("formula", ["−" * 5000 + "{a}", " × ".join(["{a}"] * 5000)])
def test_a_formula_python_cannot_nest_that_deep_is_a_formula_error(formula: str) -> None:
    """Not a sum: a long product or a tower of minus signs is refused by name, shortly."""
    with pytest.raises(figures.FormulaError, match="too long or too deeply nested") as caught:
        figures.evaluate(formula, {"a": 1.0})
    assert len(str(caught.value)) < 300


# ---- computed inputs that build on one another too deep, or too often ------------------------

@pytest.mark.parametrize(("file", "where", "words"), [
    ("computed_chain_too_deep.yaml", "inputs.step_39.formula",
     "builds on computed inputs 40 deep (step_39 → step_38 → step_37 → … → step_1 → step_0)"),
    ("computed_written_out_too_large.yaml", "inputs.level_11.formula",
     "holds more than 1000 formulas"),
])
def test_computed_inputs_too_deep_or_too_large_written_out_are_one_paragraph(
        file: str, where: str, words: str) -> None:
    """500 computed inputs each built on the one before raised RecursionError; 18 levels that
    each name the level below twice took a minute, and each level more doubled it."""
    run = run_process("payback", BROKEN_COMPUTED / file)
    assert run.code == 2
    assert run.stderr.count("\n") == 1, run.stderr
    assert f"{where}: " in run.stderr
    assert words in run.stderr


_graphs = st.dictionaries(st.sampled_from("abcdefgh"), st.lists(st.sampled_from("abcdefgh"),
                                                                 unique=True, max_size=3))


@given(_graphs)
def test_circles_are_the_inputs_that_lead_back_to_themselves(graph: dict[str, list[str]]) -> None:
    from nyttocalc.scenario.computed import circle_from, circles

    terms = {name: [t for t in named if t in graph] for name, named in graph.items()}

    def reaches(start: str) -> set[str]:
        seen: set[str] = set()
        todo = list(terms[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo += terms[node]
        return seen

    assert circles(terms) == {name for name in terms if name in reaches(name)}
    for name in circles(terms):
        chain = circle_from(name, terms)
        assert chain[0] == chain[-1] == name
        assert all(b in terms[a] for a, b in itertools.pairwise(chain))


# ---- a computed input that is no number (found by the fuzz campaign) -------------------------

def test_a_computed_input_that_is_no_number_is_refused_where_it_is_computed() -> None:
    """The basic allowance rounds up to a step of ``basic_allowance_rounding``: a step of 0
    divides by 0 (never) and multiplies that by 0, NaN; a sweep leaked NumPy's RuntimeWarning
    and showed "never", payback showed "n/a"."""
    for args in (("payback", LIVA_ACTORS, "--set", "inputs.basic_allowance_rounding=0"),
                 ("sweep", LIVA_ACTORS, "--vary", "inputs.basic_allowance_rounding=0,1,2")):
        run = run_process(*args)
        assert run.code == 2, run.stderr
        assert run.stderr.count("\n") == 1, run.stderr
        assert "inputs.basic_allowance" in run.stderr
        assert "its formula gives no number" in run.stderr
        assert "Warning" not in run.stderr
    run = run_process("sweep", LIVA_ACTORS, "--vary", "inputs.basic_allowance_rounding=1,2")
    assert run.code == 0, run.stderr
