"""Broken scenarios: one file per failure mode, each refused with one clear paragraph.

``CASES`` is the specification: for every file in ``tests/broken/``, the line the error must
name, the key path it must name, and fragments of what was expected. Every case must give exit
status 2, nothing on stdout, and on stderr one paragraph (no blank line, no traceback) that
names the file.

Most files are ``MINIMAL`` (a small valid scenario, at the bottom of this module, which is
shown to load) with their first two comment lines replaced and exactly one other change; a test
checks that, so each file proves that its one change is caught. ``STANDALONE`` lists the few that
cannot be a copy (an empty file, binary garbage, …). Inputs that would be large (over 2 MiB,
thousands of levels deep) are generated in ``tmp_path``.

"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Any

import pytest

from nyttocalc.scenario import yamlsafe
from tests.conftest import (
    BROKEN,
    LIVA,
    Run,
    flows_scenario,
    liva_with,
    many_transfers,
    run_cli,
    run_process,
)


def case(name: str, line: int | None, path: str | None, *fragments: str,
         absent: tuple[str, ...] = ()) -> Any:
    """One broken file: the line and key path its error names (None: no place), and what it says.

    ``absent`` are fragments the message must not contain.
    """
    return pytest.param(name, line, path, fragments, absent, id=name.removesuffix(".yaml"))



CASES = [
    # ---- keys: missing, unknown, twice, not text ---------------------------------------------
    case("missing_title.yaml", None, "title", "'title' is missing"),
    case("missing_description.yaml", 13, "inputs.municipal_funding.description",
         "'description' is missing"),
    case("missing_unit.yaml", 13, "inputs.municipal_funding.unit", "'unit' is missing",
         "SEK/person-year"),
    case("unknown_key_typo.yaml", 5, "descripton", "did you mean 'description'?"),
    case("unknown_key_nested.yaml", 17, "inputs.municipal_funding.sorce",
         "did you mean 'source'?"),
    case("unit_key_typo.yaml", 15, "inputs.municipal_funding.units", "did you mean 'unit'?"),
    case("duplicate_key.yaml", 15, "inputs.municipal_funding.value", "appears twice",
         "lines 14 and 15"),
    case("duplicate_input.yaml", 28, "inputs.indirect_tax_rate", "appears twice",
         "lines 22 and 28"),
    case("key_not_text.yaml", 4, None, "'1' must be text", "quote it"),
    case("bad_input_name.yaml", 28, "inputs.Production-Value", "Production-Value",
         absent=("[key]",)),
    case("wrong_version.yaml", 3, "nyttocalc", "expected 1", "got 2"),
    case("no_perspectives.yaml", 73, "perspectives", "at least one perspective", "ledger"),
    # ---- values of the wrong type or out of range --------------------------------------------
    case("text_for_number.yaml", 14, "inputs.municipal_funding.value", "expected a number",
         "'unknown'"),
    case("text_with_unit.yaml", 14, "inputs.municipal_funding.value", "expected a number",
         "'1.2 mkr'", absent=("without spaces",)),
    case("quoted_number.yaml", 14, "inputs.municipal_funding.value", "expected a number",
         "the text '1200000'"),
    case("null_value.yaml", 14, "inputs.municipal_funding.value", "got nothing"),
    case("true_for_number.yaml", 36, "cohort.participants.value", "expected a number",
         "the boolean true"),
    case("negative_cost.yaml", 14, "inputs.municipal_funding.value", "expected a number ≥ 0",
         "-1200000"),
    case("rate_above_one.yaml", 23, "inputs.indirect_tax_rate.value", "≤ 1", "1.5"),
    case("nan.yaml", 14, "inputs.municipal_funding.value", "finite number", "nan"),
    case("inf.yaml", 14, "inputs.municipal_funding.value", "finite number", "inf"),
    case("huge_integer.yaml", 14, "inputs.municipal_funding.value", "number"),
    case("participants_fraction.yaml", 36, "cohort.participants.value", "whole number", "14.5"),
    case("participants_zero.yaml", 36, "cohort.participants.value", "≥ 1", "got 0"),
    case("empty_horizons.yaml", 53, "analysis.horizons_years.value", "at least one entry"),
    case("duplicate_subsidy_rate.yaml", 58, "analysis.subsidy_rates.value",
         "list each value once"),
    # ---- units, sources and references -------------------------------------------------------
    case("unknown_unit.yaml", 15, "inputs.municipal_funding.unit", "'kr'", "'SEK'"),
    case("wrong_unit_cohort.yaml", 37, "cohort.participants.unit", "expected 'persons'",
         "'people'"),
    case("unknown_input.yaml", 77, "perspectives.municipality.cost.items.0",
         "'municipal_fundng' is not an input", "municipal_funding"),
    case("wrong_unit_input.yaml", 77, "perspectives.municipality.cost.items.0",
         "unit SEK/person-year", "takes an input with unit SEK"),
    case("wrong_unit_markup.yaml", 78, "perspectives.municipality.cost.markup",
         "takes an input with unit share", "indirect_tax_rate"),
    case("unknown_source.yaml", 18, "inputs.municipal_funding.source.document",
         "'rapport' is not a key of `sources`", "report"),
    case("source_and_assumption.yaml", 13, "inputs.municipal_funding",
         "exactly one of `source`"),
    case("neither_source_nor_assumption.yaml", 22, "inputs.indirect_tax_rate",
         "exactly one of `source`"),
    case("neither_source_nor_assumption_cohort.yaml", 35, "cohort.participants",
         "exactly one of `source`"),
    # ---- numbers and text that YAML 1.1 and 1.2 read differently -----------------------------
    case("no_for_number.yaml", 36, "cohort.participants.value", "'no' is ambiguous",
         "boolean false", "true or false"),
    case("yes_for_number.yaml", 36, "cohort.participants.value", "'yes' is ambiguous",
         "boolean true", "true or false"),
    case("on_for_number.yaml", 36, "cohort.participants.value", "'on' is ambiguous",
         "boolean true", "true or false"),
    case("exponent_1e6.yaml", 14, "inputs.municipal_funding.value", "'1e6' is ambiguous",
         "1.0e+6"),
    case("number_with_space.yaml", 14, "inputs.municipal_funding.value", "'1 200 000'",
         "without spaces"),
    case("number_with_underscore.yaml", 14, "inputs.municipal_funding.value", "'1_200_000'",
         "plain digits"),
    case("leading_zero.yaml", 68, "analysis.write_off_years.value", "'010'", "int 8",
         "plain digits"),
    case("sexagesimal.yaml", 63, "analysis.long_view_years.value", "'1:30'", "int 90",
         "plain digits"),
    case("percent.yaml", 58, "analysis.subsidy_rates.value.1", "'80%'", "0.8 for 80 %"),
    case("decimal_comma.yaml", 46, "cohort.delay_years.value", "'2,75'", "2.75"),
    case("date_title.yaml", 4, "title", "'2019-03-31' is ambiguous", "put text in quotes"),
    # ---- YAML features a scenario may not use -------------------------------------------------
    case("anchor_and_alias.yaml", 75, "perspectives.municipality.label.en",
         "anchors (&name) are not allowed"),
    case("alias_only.yaml", 68, "analysis.write_off_years.value",
         "aliases (*name) are not allowed"),
    case("billion_laughs.yaml", 2, None, "anchors (&a) are not allowed"),
    case("merge_key.yaml", 75, "perspectives.municipality.label", "merge keys (<<)"),
    case("explicit_tag.yaml", 29, "inputs.production_value.value", "explicit tags",
         "python/object"),
    case("float_tag.yaml", 29, "inputs.production_value.value", "explicit tags", "float"),
    # ---- not valid YAML ----------------------------------------------------------------------
    case("tab_indent.yaml", 15, None, "tab"),
    case("bad_indentation.yaml", 15, None, "not valid YAML"),
    case("missing_colon.yaml", 15, None, "expected ':'"),
    case("unclosed_flow_list.yaml", 53, None, "']'"),
    case("multiple_documents.yaml", 4, None, "single document"),
    case("nul_byte.yaml", 43, None, "U+0000"),
    case("empty.yaml", None, None, "empty"),
    case("only_comments.yaml", None, None, "empty"),
    case("not_a_mapping_list.yaml", 2, None, "is a list", "mapping"),
    case("not_a_mapping_scalar.yaml", 2, None, "is a single value", "mapping"),
    # ---- not UTF-8 text ----------------------------------------------------------------------
    case("binary_garbage.yaml", 1, None, "not UTF-8"),
    case("latin1.yaml", 20, None, "not UTF-8", "0xD6", "save it as UTF-8"),
]

# Files that are not MINIMAL with one change; and one that is MINIMAL in another encoding.
STANDALONE = {"empty.yaml", "only_comments.yaml", "binary_garbage.yaml", "billion_laughs.yaml",
              "not_a_mapping_list.yaml", "not_a_mapping_scalar.yaml", "multiple_documents.yaml"}
ENCODING_ONLY = {"latin1.yaml"}

# ``--set PATH=VALUE`` on scenarios/liva.yaml: each must name the assignment as given.
SET_CASES = [
    pytest.param("inputs.municipal_fundin=1", ("no key 'municipal_fundin'", "municipal_funding"),
                 id="unknown-path"),
    pytest.param("analysis.subsidy_rates=0.5", ("is a list", "analysis.subsidy_rates.value.0"),
                 id="path-names-a-list"),
    pytest.param("cohort=5", ("is a mapping", "cohort.participants"), id="path-names-a-mapping"),
    pytest.param("analysis.subsidy_rates.5=0.5", ("not an index from 0 to 1",),
                 id="index-out-of-range"),
    pytest.param("nyttocalc.x=5", ("single value", "no key 'x'"), id="path-past-a-value"),
    pytest.param("=5", ("key path",), id="empty-path"),
    pytest.param("inputs.municipal_funding", ("PATH=VALUE",), id="missing-equals"),
    pytest.param("inputs.municipal_funding=", ("give a value",), id="empty-value"),
    pytest.param("inputs.municipal_funding=  ", ("give a value",), id="blank-value"),
    pytest.param("cohort.participants=no", ("'no' is ambiguous",), id="value-no"),
    pytest.param("inputs.indirect_tax_rate=1.5", ("≤ 1", "1.5"), id="rate-above-one"),
    pytest.param("cohort.participants=14.5", ("whole number", "14.5"), id="participants-14.5"),
    pytest.param('inputs.municipal_funding="5"', ("expected a number",), id="quoted-number"),
    pytest.param("inputs.municipal_funding=1e6", ("1.0e+6",), id="value-1e6"),
    pytest.param("inputs.municipal_funding=.nan", ("finite number",), id="value-nan"),
    pytest.param("inputs.municipal_funding=[1, 2]", ("single value",), id="list-value"),
    pytest.param("inputs.municipal_funding=&a 5", ("anchors",), id="anchor-value"),
    pytest.param("perspectives.society.cost.items.0=nope", ("'nope' is not an input",),
                 id="unknown-input-reference"),
    pytest.param("inputs.municipal_funding.unit=kr", ("'kr'",), id="unknown-unit"),
    pytest.param("inputs.municipal_funding=" + "9" * 5000, ("number",), id="huge-integer"),
]


# ---- helpers --------------------------------------------------------------------------------

def error_paragraph(result: Run, file: Path | str) -> str:
    """Check the common contract and return the message, with the file's name taken out."""
    shown = f"exit {result.code}\nstdout: {result.stdout!r}\nstderr: {result.stderr!r}"
    assert result.code == 2, shown
    assert result.stdout == "", shown
    assert "Traceback" not in result.stderr, shown
    assert result.stderr.startswith("error: "), shown
    assert result.stderr.endswith("\n"), shown
    lines = result.stderr.removesuffix("\n").split("\n")
    assert all(line.strip() for line in lines), f"a blank line inside the paragraph\n{shown}"
    assert str(file) in result.stderr, f"the file is not named\n{shown}"
    return result.stderr.replace(str(file), "<file>")


def names_line(message: str, line: int) -> bool:
    return re.search(rf"\bline {line}\b", message) is not None


def names_key_path(message: str, path: str) -> bool:
    """The path as a whole: not a prefix of a longer path (``a.b`` is not in ``a.b.c``)."""
    pattern = rf"(?<![\w.-]){re.escape(path)}(?![\w\[-]|\.[\w\[])"
    return re.search(pattern, message) is not None


def body(text: str) -> list[str]:
    """The lines after the two comment lines that say what a file is."""
    return text.splitlines()[2:]


# ---- the corpus -----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "line", "path", "fragments", "absent"), CASES)
def test_broken_scenario_is_refused(name: str, line: int | None, path: str | None,
                                    fragments: tuple[str, ...], absent: tuple[str, ...]) -> None:
    file = BROKEN / name
    message = error_paragraph(run_cli("payback", file), file)
    if line is not None:
        assert names_line(message, line), f"expected 'line {line}' in: {message}"
    if path is not None:
        assert names_key_path(message, path), f"expected the key path {path!r} in: {message}"
    for fragment in fragments:
        assert fragment in message, f"expected {fragment!r} in: {message}"
    for fragment in absent:
        assert fragment not in message, f"did not expect {fragment!r} in: {message}"


def test_every_broken_file_is_in_the_table() -> None:
    names = [param.values[0] for param in CASES]
    assert len(names) == len(set(names)), "a file is listed twice"
    on_disk = {p.name for p in BROKEN.iterdir()}
    assert on_disk == set(names)
    assert on_disk >= STANDALONE | ENCODING_ONLY


def test_minimal_scenario_loads(tmp_path: Path) -> None:
    """The base of the corpus is valid, so each copy is broken only by its one change."""
    file = tmp_path / "minimal.yaml"
    file.write_text(MINIMAL, encoding="utf-8")
    result = run_cli("payback", file)
    assert (result.code, result.stderr) == (0, ""), result.stderr
    assert "Minimal scenario" in result.stdout


DERIVED = sorted({p.values[0] for p in CASES} - STANDALONE - ENCODING_ONLY)


@pytest.mark.parametrize("name", DERIVED)
def test_broken_file_is_minimal_with_one_change(name: str) -> None:
    text = (BROKEN / name).read_bytes().decode("utf-8")
    head = text.splitlines()[:2]
    assert all(line.startswith("# ") for line in head), "two comment lines say what is broken"
    changes = [op for op in difflib.SequenceMatcher(None, body(MINIMAL), body(text),
                                                    autojunk=False).get_opcodes()
               if op[0] != "equal"]
    assert len(changes) == 1, f"expected exactly one change from MINIMAL, got {changes}"


def test_latin1_file_is_minimal_in_another_encoding() -> None:
    raw = (BROKEN / "latin1.yaml").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert body(raw.decode("latin-1")) == body(MINIMAL)
    assert body(MINIMAL)[20 - 3].lstrip().startswith('quote: "Östersunds')  # its line 20


def test_billion_laughs_stops_at_its_first_anchor() -> None:
    """Refused where the first anchor stands, before anything could expand (how long that
    takes as a whole process: benchmarks/refusals.py)."""
    message = error_paragraph(run_cli("payback", BROKEN / "billion_laughs.yaml"),
                              BROKEN / "billion_laughs.yaml")
    assert "anchors (&" in message


# ---- inputs generated here: too large, too deep, not a file, BOM ----------------------------

MAX_FILE_BYTES = 2 * 1024 * 1024


def padded(size: int) -> bytes:
    """MINIMAL followed by comment lines, exactly ``size`` bytes: valid but for its size."""
    text = MINIMAL.encode() + (b"#" * 99 + b"\n") * (size // 100)
    data = text[: size - 1] + b"\n"
    assert len(data) == size
    return data


def test_file_larger_than_2_mib_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "large.yaml"
    file.write_bytes(padded(MAX_FILE_BYTES + 1))
    message = error_paragraph(run_cli("payback", file), file)
    assert "larger than 2 MiB" in message


def test_file_of_exactly_2_mib_is_read(tmp_path: Path) -> None:
    file = tmp_path / "exactly.yaml"
    file.write_bytes(padded(MAX_FILE_BYTES))
    assert file.stat().st_size == MAX_FILE_BYTES
    result = run_cli("payback", file)
    assert (result.code, result.stderr) == (0, "")


@pytest.mark.parametrize("text", [
    pytest.param("[" * 5000, id="flow-sequences"),
    pytest.param("[" * 900, id="flow-sequences-below-libyamls-limit"),
    pytest.param("a: " + "[" * 65 + "]" * 65 + "\n", id="closed-flow-sequences"),
    pytest.param("{a: " * 5000, id="flow-mappings"),
    pytest.param("- " * 5000 + "x\n", id="block-sequences"),
    pytest.param("- " * 900 + "x\n", id="block-sequences-below-libyamls-limit"),
])
def test_deep_nesting_is_the_tools_own_paragraph(tmp_path: Path, text: str) -> None:
    """Whichever reader gives up first (the parser has limits of its own, which change between
    PyYAML versions), the user reads the tool's paragraph, with the line."""
    file = tmp_path / "deep.yaml"
    file.write_text(text)
    message = error_paragraph(run_cli("payback", file), file)
    assert names_line(message, 1)
    assert "nests deeper than 64 levels" in message


def test_a_huge_list_stops_at_the_values_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("title: x\nitems:\n" + "  - 1\n" * 300_000, encoding="utf-8")
    run = run_cli("payback", path)
    assert run.code == 2
    assert "more than 20000 values" in run.stderr


def test_five_thousand_transfers_are_refused_by_the_readers_size_limit_in_a_paragraph(
        tmp_path: Path) -> None:
    """A file with 5 000 flows in one state holds more values than the reader takes from any
    file: the tool's paragraph, exit 2, never a traceback."""
    path = tmp_path / "five-thousand.yaml"
    path.write_text(flows_scenario(many_transfers(5000, 7), []), encoding="utf-8")
    run = run_process("payback", path)
    assert run.code == 2
    assert "Traceback" not in run.stderr
    assert f"more than {yamlsafe.MAX_NODES} values" in run.stderr


def test_directory_is_refused(tmp_path: Path) -> None:
    directory = tmp_path / "scenario.yaml"
    directory.mkdir()
    message = error_paragraph(run_cli("payback", directory), directory)
    assert "is a directory" in message


def test_missing_file_is_refused() -> None:
    file = BROKEN / "does_not_exist.yaml"
    message = error_paragraph(run_cli("payback", file), file)
    assert "no such file" in message


def test_empty_path_is_refused_as_empty() -> None:
    result = run_cli("payback", "")
    assert result.code == 2
    assert ". is a directory" not in result.stderr
    assert "empty" in result.stderr


@pytest.mark.parametrize("source", [pytest.param(LIVA, id="liva"),
                                    pytest.param(None, id="minimal")])
def test_byte_order_mark_is_accepted(tmp_path: Path, source: Path | None) -> None:
    """A UTF-8 BOM (as some Windows editors write) is a supported input, not an error."""
    text = source.read_bytes() if source is not None else MINIMAL.encode()
    file = tmp_path / "bom.yaml"
    file.write_bytes(b"\xef\xbb\xbf" + text)
    result = run_cli("payback", file)
    assert (result.code, result.stderr) == (0, ""), result.stderr
    assert result.stdout


def test_byte_order_mark_does_not_shift_line_numbers(tmp_path: Path) -> None:
    file = tmp_path / "bom.yaml"
    file.write_bytes(b"\xef\xbb\xbf" + (BROKEN / "negative_cost.yaml").read_bytes())
    message = error_paragraph(run_cli("payback", file), file)
    assert names_line(message, 14)
    assert names_key_path(message, "inputs.municipal_funding.value")


@pytest.mark.parametrize(("name", "line", "newline"), [
    pytest.param(name, line, newline, id=f"{name.removesuffix('.yaml')}-{ends}")
    for name, line in [("negative_cost.yaml", 14), ("duplicate_key.yaml", 15),
                       ("latin1.yaml", 20), ("nul_byte.yaml", 43)]
    for ends, newline in [("crlf", b"\r\n"), ("cr", b"\r")]
])
def test_line_numbers_with_other_line_ends(tmp_path: Path, name: str, line: int,
                                           newline: bytes) -> None:
    file = tmp_path / name
    file.write_bytes((BROKEN / name).read_bytes().replace(b"\n", newline))
    message = error_paragraph(run_cli("payback", file), file)
    assert names_line(message, line), message


# ---- --set PATH=VALUE ------------------------------------------------------------------------

@pytest.mark.parametrize(("assignment", "fragments"), SET_CASES)
def test_bad_set_is_refused(assignment: str, fragments: tuple[str, ...]) -> None:
    message = error_paragraph(run_cli("payback", LIVA, "--set", assignment), LIVA)
    assert f"--set {assignment}" in message, message
    assert not re.search(r"\bline \d", message), f"a --set is not a line of the file: {message}"
    for fragment in fragments:
        assert fragment in message, f"expected {fragment!r} in: {message}"


def test_two_bad_sets_are_one_paragraph() -> None:
    first, second = "inputs.municipal_funding=-1", "inputs.volunteer_time=-1"
    message = error_paragraph(
        run_cli("payback", LIVA, "--set", first, "--set", second), LIVA)
    assert "2 problems" in message
    assert f"--set {first}" in message
    assert f"--set {second}" in message


@pytest.mark.parametrize("assignment", [
    "cohort.delay_years=2019-02-30",  # looks like a YAML 1.1 date, is none
    "cohort.delay_years=2019-02-03 25:00:00",
    "analysis.subsidy_rates.²=0.5",  # "²".isdigit() is true
    "analysis.subsidy_rates.١=0.5",  # an Arabic-Indic one: not silently index 1
])
def test_odd_set_values_are_refused_not_crashed(assignment: str) -> None:
    run = run_cli("payback", LIVA, "--set", assignment)
    assert run.code == 2
    assert f"--set {assignment}" in run.stderr


@pytest.mark.parametrize(("assignment", "fragment"), [
    ("cohort.participants=1001", "≤ 1000"),
    ("cohort.full_time_equivalent=1.0e-300", "≥ 0.01"),
])
def test_sizes_that_would_make_outputs_explode_are_refused(assignment: str,
                                                          fragment: str) -> None:
    run = run_cli("payback", LIVA, "--set", assignment)
    assert run.code == 2
    assert fragment in run.stderr


def test_a_set_that_breaks_a_reference_is_named_with_the_place() -> None:
    run = run_cli("payback", LIVA, "--set", "inputs.municipal_funding.unit=SEK/person-year")
    assert run.code == 2
    assert "line " not in run.stderr
    assert ("--set inputs.municipal_funding.unit=SEK/person-year "
            "(at perspectives.society.cost.items.0)") in run.stderr


# ---- LivA with one change -------------------------------------------------------------------

def test_a_cost_item_listed_twice_is_refused(tmp_path: Path) -> None:
    path = liva_with(tmp_path, "items: [municipal_funding, volunteer_time]",
                     "items: [municipal_funding, municipal_funding, volunteer_time]")
    run = run_cli("payback", path)
    assert run.code == 2
    assert "perspectives.society.cost.items" in run.stderr
    assert "once" in run.stderr


def test_a_value_component_listed_twice_is_refused(tmp_path: Path) -> None:
    twice = ("      - input: municipal_revenue\n        scales_with: [fte]\n"
             "      - input: municipal_revenue\n        scales_with: [fte]\n")
    path = liva_with(tmp_path, "      - input: municipal_revenue\n        scales_with: [fte]\n",
                     twice)
    assert run_cli("payback", path).code == 2


# ---- the base of the corpus -----------------------------------------------------------------

MINIMAL = """\
# A small valid scenario in the style of scenarios/liva.yaml. Each derived file in tests/broken/
# is this with its first two lines replaced and exactly one thing broken.
nyttocalc: 1
title: "Minimal scenario"
description: A small partnership between a municipality and an association.

sources:
  report:
    title: "Evaluation of the partnership"
    year: 2019

inputs:
  municipal_funding:
    value: 1200000
    unit: SEK
    description: The municipality's cash funding of the partnership.
    source:
      document: report
      section: "Costs"
      quote: "Östersunds kommun har finansierat partnerskapet med 1,2 mkr."

  indirect_tax_rate:
    value: 0.25
    unit: share
    description: The indirect taxes added to a resource cost.
    assumption: Sweden's standard VAT rate.

  production_value:
    value: 585000
    unit: SEK/person-year
    description: The production value of one person in full-time work, per year.
    assumption: As in the report.

cohort:
  participants:
    value: 14
    unit: persons
    description: The primary target group.
    assumption: As in the report.
  full_time_equivalent:
    value: 1.0
    unit: FTE
    description: Full time.
    assumption: Full-time jobs.
  delay_years:
    value: 4
    unit: years
    description: Years from the end of the intervention until work.
    assumption: Four years.

analysis:
  horizons_years:
    value: [1, 3, 5]
    unit: years
    description: How many years the jobs last.
    assumption: One, three and five years.
  subsidy_rates:
    value: [0.0, 0.8]
    unit: share
    description: Wage-subsidy rates compared.
    assumption: No subsidy, and 80 %.
  long_view_years:
    value: 40
    unit: years
    description: A working life.
    assumption: Forty years.
  write_off_years:
    value: 10
    unit: years
    description: The period over which the cost is written off.
    assumption: Ten years.

perspectives:
  municipality:
    label: {en: Municipality, sv: Kommunen}
    cost:
      items: [municipal_funding]
      markup: indirect_tax_rate
    value_per_person_year:
      - input: production_value
        scales_with: [productivity, fte]
"""


def test_a_file_of_several_hundred_megabytes_is_refused_unread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sparse 500 MB file: refused by its size, having read no more than 2 MiB and a byte."""
    file = tmp_path / "huge.yaml"
    with file.open("wb") as handle:
        handle.truncate(500 * 1024 * 1024)
    read: list[int] = []
    real_read = os.read
    inode = file.stat().st_ino

    def counted(descriptor: int, size: int) -> bytes:
        data = real_read(descriptor, size)
        if os.fstat(descriptor).st_ino == inode:
            read.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counted)
    message = error_paragraph(run_cli("payback", file), file)
    assert "larger than 2 MiB" in message
    assert 0 < sum(read) <= MAX_FILE_BYTES + 1
