"""Fuzz: generated scenario documents, valid and mutated, through every command; and generated
options of the analysts' commands (--vary, --between, --persons, --horizon, --subsidy-rate,
--by, --draws, --metric, --perspective, -o and --force) on LivA.

Every run must end with a documented exit status (payback: 0 or 2; check: 0, 1 or 2; schema: 0),
never a traceback (the in-process runner re-raises any exception), never a non-finite number in
the output, and on a refusal one paragraph on stderr; with -o, nothing but the target is
written, and an existing file is replaced only when forced.

Marked slow: ``python -m pytest --runslow`` runs them, a few dozen examples each;
``NYTTOCALC_FUZZ_EXAMPLES=3000 python -m pytest --runslow tests/test_fuzz.py`` runs each
campaign longer.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import math
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import LIVA, LIVA_ACTORS, run_cli
from tests.strategies import scenario_documents

pytestmark = pytest.mark.slow  # campaigns of many runs each

EXAMPLES = int(os.environ.get("NYTTOCALC_FUZZ_EXAMPLES", "150"))
NON_FINITE = re.compile(r"\b(inf|-inf|nan|Infinity|NaN)\b")
ODD_VALUES = st.sampled_from([
    "no", "yes", "on", "1e6", "1 000", "80%", "2,75", "", None, True, -5, 0, 1.5e300, -1e-300,
    10**30, [], {}, "x" * 300, "ä", 14.5, [1, 2], {"value": 1}, ".nan", ".inf", "~",
])


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        doc = doc[part]
    return doc


def _mutate(draw: st.DrawFn, doc: Any, times: int, unknown_keys: list[str]) -> None:
    """Up to ``times`` changes to ``doc`` in place: a key left out, a value replaced by an odd
    one, or one of ``unknown_keys`` (misspelt or foreign) added."""
    for _ in range(times):
        paths = _paths(doc)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(doc, path)
        action = draw(st.sampled_from(["delete", "replace", "unknown_key"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = copy.deepcopy(draw(ODD_VALUES))  # not the shared list
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(unknown_keys))] = 1


@st.composite
def mutated(draw: st.DrawFn) -> str:
    doc = draw(st.one_of(scenario_documents(),
                         st.just(json.loads(json.dumps(_liva_data())))))
    doc = copy.deepcopy(doc)
    _mutate(draw, doc, draw(st.integers(0, 3)), ["valeu", "extra", "units", "descripton"])
    text = json.dumps(doc, ensure_ascii=False)
    textual = draw(st.sampled_from(["none", "truncate", "tab", "anchor", "byte"]))
    if textual == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    elif textual == "tab":
        text = text.replace(", ", ",\n\t", 1)
    elif textual == "anchor":
        text = text.replace(": ", ": &a ", 1)
    elif textual == "byte":
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        text = text[:at] + draw(st.sampled_from(["\x00", "\x07", "'", '"', "{", "]"])) + text[at:]
    return text


_LIVA: dict[str, Any] = {}


def _liva_data() -> dict[str, Any]:
    if not _LIVA:
        from nyttocalc.scenario import yamlsafe

        _LIVA.update(yamlsafe.parse(LIVA.read_text(encoding="utf-8")).data)
    return _LIVA


COMMANDS = st.sampled_from([
    ("payback", "--format", "table"), ("payback", "--format", "json", "--explain"),
    ("payback", "--format", "csv", "--lang", "sv"), ("payback", "--format", "markdown"),
    ("check", "--format", "table"), ("check", "--format", "json", "--lang", "sv"),
    ("check", "--format", "csv"),
    ("sweep", "--vary", "cohort.delay_years=0:8:4", "--vary", "analysis.subsidy_rates.0=0,0.5",
     "--format", "json"),
    ("sweep", "--vary", "analysis.horizons_years.0=1:5:2", "--format", "table"),
    ("sensitivity", "--format", "csv"),
    ("timeline", "--persons", "1", "--format", "json"),
    ("simulate", "--draws", "200", "--format", "json"),
    ("payback", "--plot", "--format", "table"),
])
ALLOWED = {"payback": {0, 2}, "check": {0, 1, 2}, "sweep": {0, 2}, "sensitivity": {0, 2},
           "timeline": {0, 2}, "simulate": {0, 2}}


def assert_no_non_finite_number(stdout: str, fmt: str, text: str) -> None:
    if fmt == "json":
        def refuse(constant: str) -> None:
            raise AssertionError(f"JSON carries {constant}")

        json.loads(stdout, parse_constant=refuse)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(stdout), delimiter=";" if ";" in stdout[:200] else ","))
        header = rows[0]
        for row in rows[1:]:
            for name in ("value", "published", "computed", "difference"):
                if name in header and row[header.index(name)]:
                    assert math.isfinite(float(row[header.index(name)].replace(",", ".")))
    else:  # tables show the scenario's own text too: only a token the input lacks counts
        assert not set(NON_FINITE.findall(stdout)) - set(NON_FINITE.findall(text)), stdout


@pytest.mark.filterwarnings("ignore:Generating overly large repr")  # LivA itself is 37 kB
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated(), command=COMMANDS)
def test_every_command_survives_every_document(tmp_path: Path, text: str,
                                               command: tuple[str, ...]) -> None:
    path = tmp_path / "fuzzed.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_cli(command[0], path, *command[1:])  # an exception here is a failure
    assert run.code in ALLOWED[command[0]], (run.code, run.stderr)
    if run.code != 2:
        assert_no_non_finite_number(run.stdout, command[command.index("--format") + 1], text)
    if run.code == 2:
        assert run.stdout == ""
        assert run.stderr.startswith("error: ")
        assert run.stderr.count("\n") == 1, run.stderr
        assert "Traceback" not in run.stderr


def test_schema_command_runs() -> None:
    assert run_cli("schema").code == 0



# ---- the analysts' commands' options --------------------------------------------------------

OPTION_EXAMPLES = int(os.environ.get("NYTTOCALC_FUZZ_EXAMPLES", "60"))

NUMBER_TEXTS = st.one_of(
    st.integers(-1000, 3_000_000).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.floats(min_value=0, max_value=1).map(lambda x: f"{x:.3f}"),
    st.sampled_from(["0", "1", "0.5", "0.1", "3", "1e6", "1.0e+6", "5.0e-324", "1.0e-310",
                     "1.0e+308", "-1.0e+308", ".inf", "-.inf", ".nan", "-0", "0x10", "1_000",
                     "1 000", "2,75", "80%", "", " ", "abc", "٣", "no", "~", "1000000.00001"]))


def mostly(plausible: st.SearchStrategy[Any], hostile: st.SearchStrategy[Any]
           ) -> st.SearchStrategy[Any]:
    """Mostly plausible (to reach the calculation), else hostile (the checks). Hypothesis
    favours the ends of an integer range, so the hostile branch is a middle value."""
    return st.integers(0, 5).flatmap(lambda k: hostile if k == 2 else plausible)


SHARE_TEXTS = mostly(st.integers(0, 20).map(lambda k: f"{k / 20:g}"), NUMBER_TEXTS)
COUNT_TEXTS = mostly(st.integers(0, 14).map(str), NUMBER_TEXTS)
HORIZON_TEXTS = mostly(st.sampled_from(["1", "3", "5", "2.5"]), NUMBER_TEXTS)
GOOD_PATHS = st.sampled_from([
    "analysis.subsidy_rates.1", "analysis.horizons_years.1", "analysis.discount_rate",
    "inputs.municipal_funding", "inputs.volunteer_time", "inputs.production_value",
    "cohort.delay_years", "cohort.full_time_equivalent", "cohort.drop_off_rate",
    "cohort.deadweight", "cohort.participants", "inputs.monthly_income"])
PATHS = st.sampled_from([
    "analysis.subsidy_rates.0", "analysis.subsidy_rates.1", "analysis.horizons_years.0",
    "analysis.horizons_years.2", "analysis.long_view_years", "analysis.discount_rate",
    "analysis.intervention_years", "inputs.municipal_funding", "inputs.volunteer_time",
    "inputs.production_value", "inputs.monthly_income", "cohort.participants",
    "cohort.delay_years", "cohort.full_time_equivalent", "cohort.drop_off_rate",
    "cohort.deadweight", "inputs.municipal_revenue_from_income", "inputs.nope",
    "analysis.subsidy_rates.9", "analysis.subsidy_rates", "inputs", "", "inputs..x",
    "analysis.subsidy_rates.value.1", "inputs.municipal_funding.value"])


@st.composite
def vary_texts(draw: st.DrawFn) -> str:
    path = draw(mostly(GOOD_PATHS, PATHS))
    kind = draw(mostly(st.sampled_from(["small range", "list"]),
                       st.sampled_from(["range", "one", "junk"])))
    if kind == "small range":  # a range that lands on its end, a few points, mostly valid
        shares = ("rate", "fte", "drop_off", "deadweight", "full_time")
        step = 0.05 if any(word in path for word in shares) else draw(
            st.sampled_from([1, 1000, 50000]))
        start = draw(st.integers(1, 9)) * step
        spec = f"{start:g}:{start + step * draw(st.integers(0, 8)):g}:{step:g}"
    elif kind == "range":
        spec = ":".join(draw(st.lists(NUMBER_TEXTS, min_size=2, max_size=4)))
    elif kind == "list":
        spec = ",".join(draw(st.lists(SHARE_TEXTS, min_size=1, max_size=4)))
    elif kind == "one":
        spec = draw(NUMBER_TEXTS)
    else:
        spec = draw(st.sampled_from(["", ":", "::", "a=b", "0:1:0:1", "=", "1:0:1"]))
    return f"{path}={spec}" if draw(st.booleans()) or kind != "junk" else spec


CELLS = st.lists(st.sampled_from([
    ("--perspective", "society"), ("--perspective", "municipality"), ("--perspective", "nope"),
    ("--horizon", "3"), ("--horizon", "2"), ("--subsidy-rate", "0"), ("--subsidy-rate", "0.8"),
    ("--subsidy-rate", "0.5")]), max_size=3)
FORMATS = st.sampled_from([(), ("-f", "json"), ("-f", "csv"), ("-f", "markdown"),
                           ("-f", "csv", "--lang", "sv"), ("--lang", "sv")])


@st.composite
def analysts_commands(draw: st.DrawFn) -> tuple[str, ...]:
    command = draw(st.sampled_from(["sweep", "solve", "sensitivity", "timeline", "simulate"]))
    args: list[str] = [command]
    if command == "sweep":
        count = draw(mostly(st.sampled_from([1, 2]), st.sampled_from([0, 3])))
        for given in draw(st.lists(vary_texts(), min_size=count, max_size=count)):
            args += ["--vary", given]
        if draw(st.booleans()):
            args += ["--metric", draw(st.sampled_from(
                ["persons_whole", "payback_year", "employment_rate", "cost", "nope"]))]
    elif command == "solve":
        args += ["--for", draw(mostly(GOOD_PATHS, PATHS)), "--persons", draw(COUNT_TEXTS),
                 "--perspective", draw(st.sampled_from(["society", "municipality", "x"]))]
        if draw(st.integers(0, 3)):
            args += ["--horizon", draw(HORIZON_TEXTS)]
        if not draw(st.integers(0, 3)):
            args += ["--between", f"{draw(SHARE_TEXTS)}:{draw(SHARE_TEXTS)}"]
    elif command == "sensitivity":
        args += ["--by", draw(st.one_of(SHARE_TEXTS, SHARE_TEXTS.map(lambda t: t + "%")))]
    elif command == "timeline" and draw(st.integers(0, 3)):
        args += ["--persons", draw(COUNT_TEXTS)]
    elif command == "simulate":
        args += ["--draws", draw(mostly(st.integers(1, 1500).map(str), NUMBER_TEXTS)),
                 "--seed", draw(st.sampled_from(["0", "1", "7", "-1", "18446744073709551616",
                                                 "x"]))]
    if command in ("sweep", "sensitivity"):
        args += [part for pair in draw(CELLS) for part in pair]
    if command in ("solve", "timeline") and draw(st.booleans()):
        args += ["--subsidy-rate", draw(SHARE_TEXTS)]
    if draw(st.integers(0, 4)) == 0:
        args += ["--set", draw(st.sampled_from(["cohort.deadweight=1", "cohort.drop_off_rate=1",
                                                "analysis.discount_rate=0.035",
                                                "inputs.municipal_funding=0"]))]
    return (*args, *draw(FORMATS))


TARGETS = mostly(st.sampled_from([None, "new"]), st.sampled_from([
    "existing", "folder", "dangling link", "link to null", "long name", "missing folder"]))


def _target(kind: str | None, folder: Path) -> Path | None:
    """A folder with a file, a folder and links that must survive; the -o target of ``kind``."""
    (folder / "existing").write_text("precious", encoding="utf-8")
    (folder / "folder").mkdir()
    (folder / "dangling link").symlink_to(folder / "nowhere")
    try:  # a device of the test's own: never the system's /dev/null
        os.mknod(folder / "device", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except OSError:
        (folder / "device").write_text("", encoding="utf-8")
    (folder / "link to null").symlink_to(folder / "device")
    if kind is None:
        return None
    names = {"long name": "n" * 300, "missing folder": "missing/out.txt"}
    return folder / names.get(kind, kind)


@settings(max_examples=OPTION_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(command=analysts_commands(), target=TARGETS, force=st.booleans())
def test_the_analysts_commands_survive_any_options(command: tuple[str, ...],
                                                   target: str | None, force: bool) -> None:
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        output = _target(target, folder)
        extra = [] if output is None else ["-o", str(output), *(["--force"] if force else [])]
        before = sorted(p.name for p in folder.iterdir())
        run = run_cli(command[0], LIVA, *command[1:], *extra)  # an exception fails the test
        event(f"{command[0]} exits {run.code}")  # --hypothesis-show-statistics: how deep
        assert run.code in (0, 2), (run.code, run.stderr)
        if run.code == 2:
            assert run.stdout == ""
            assert "error" in run.stderr.lower(), run.stderr
            assert "Traceback" not in run.stderr
        elif output is None:
            _assert_finite(run.stdout, command)
        else:
            _assert_finite(output.read_text(encoding="utf-8-sig"), command)
        after = sorted(p.name for p in folder.iterdir())
        written = {output.name} if output is not None and run.code == 0 else set()
        assert set(after) - set(before) <= written  # nothing else, no temporary file left
        if (folder / "existing").exists() and (target != "existing" or run.code != 0
                                               or not force):
            assert (folder / "existing").read_text(encoding="utf-8") == "precious"
        assert (folder / "dangling link").is_symlink()
        assert (folder / "link to null").is_symlink()


def _assert_finite(text: str, command: tuple[str, ...]) -> None:
    if "json" in command:
        def refuse(constant: str) -> None:
            raise AssertionError(f"JSON carries {constant}")

        json.loads(text, parse_constant=refuse)
    elif "csv" in command:
        delimiter = ";" if "sv" in command else ","
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            for cell in row:
                try:
                    number = float(cell.replace(",", ".") if delimiter == ";" else cell)
                except ValueError:
                    continue
                assert math.isfinite(number), row
    else:
        assert not NON_FINITE.findall(text), text


# ---- a ledger scenario's key paths, and parameter files (`uses:`) ---------------------------

LEDGER = LIVA_ACTORS  # a scenario with actors and flows
PARAMETERS = LIVA.parent.parent / "parameters" / "se-2019.yaml"
_PARSED: dict[Path, dict[str, Any]] = {}


def _data(path: Path) -> dict[str, Any]:
    """A file's data as the strict reader reads it, read once (callers copy it)."""
    if path not in _PARSED:
        from nyttocalc.scenario import yamlsafe

        _PARSED[path] = yamlsafe.parse(path.read_text(encoding="utf-8")).data
    return _PARSED[path]


def _key_paths(node: Any, path: tuple[Any, ...] = ()) -> list[str]:
    """The key path of every scalar, as ``--set`` names it (with ``.value`` and without)."""
    if isinstance(node, dict | list):
        items = node.items() if isinstance(node, dict) else enumerate(node)
        return [found for key, value in items for found in _key_paths(value, (*path, key))]
    dotted = ".".join(map(str, path))
    return [dotted, dotted.replace(".value", "", 1)] if ".value" in dotted else [dotted]


LEDGER_PATHS = st.deferred(lambda: st.sampled_from(sorted(
    {*_key_paths(_data(LEDGER)), *(f"inputs.{name}" for name in _data(PARAMETERS)["inputs"]),
     "ledger.states.nope.label.en", "outcomes.groups.primary.transitions.9.persons",
     "ledger.actors.municipality", "uses.0", "ledger.flows"})))
NUMERIC_LEDGER_PATHS = st.deferred(lambda: st.sampled_from(_numbers()))


def _numbers() -> list[str]:
    """The short key path of every number of the ledger scenario a command may vary (not a
    claim's published figure or the format's version), and of its parameter file's inputs."""
    data = _data(LEDGER)
    found = {path.replace(".value", "", 1) for path in _key_paths(data) if ".value" in path
             and type(_value_at(data, path)) in (int, float)}
    found |= {f"inputs.{name}" for name, item in _data(PARAMETERS)["inputs"].items()
              if "value" in item}
    return sorted(found)


SET_TEXTS = st.one_of(NUMBER_TEXTS, st.sampled_from([
    "work", "social_assistance", "crime", "municipality", "employer", "society", "individual",
    "transfer", "real", "productivity", "subsidy", "fte", "x" * 300, "Kommun\u202e", "",
    "[1, 2]", "{a: 1}", "null", "true", "../parameters/se-2019.yaml", "0.5", "1", "14"]))


def _value_at(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        data = data[int(part)] if isinstance(data, list) else data.get(part, {})
    return data


@st.composite
def ledger_commands(draw: st.DrawFn) -> tuple[str, ...]:
    """A command on liva-actors.yaml with --set and --vary over its own key paths: the ledger's
    actors, states, flows and funding, the transitions of its groups, the inputs its parameter
    file gives."""
    sets = [f"{draw(mostly(NUMERIC_LEDGER_PATHS, LEDGER_PATHS))}={draw(SET_TEXTS)}"
            for _ in range(draw(st.integers(0, 2)))]
    command = draw(st.sampled_from([
        ("payback",), ("payback", "-f", "json", "--explain"), ("payback", "-f", "csv"),
        ("check", "-f", "json"), ("sweep",), ("sweep", "-f", "json"), ("sensitivity",),
        ("timeline", "--persons", "2", "-f", "json"), ("solve",)]))
    args = list(command)
    if command[0] == "sweep":
        path = draw(mostly(NUMERIC_LEDGER_PATHS, LEDGER_PATHS))
        spec = draw(mostly(st.sampled_from(["0,1,2", "0:1:0.5", "1000:3000:1000", "0.2,0.8",
                                            "0.1", "3", "25000"]), NUMBER_TEXTS))
        args += ["--vary", f"{path}={spec}", "--perspective", draw(st.sampled_from(
            ["society", "municipality", "employer", "employment_service", "state"]))]
    if command[0] == "solve":
        args += ["--for", draw(mostly(NUMERIC_LEDGER_PATHS, LEDGER_PATHS)), "--persons",
                 draw(COUNT_TEXTS), "--horizon", "3", "--perspective",
                 draw(st.sampled_from(["society", "municipality", "individual", "employer"]))]
    return (*args, *(part for given in sets for part in ("--set", given)))


def _assert_documented(run: Any, command: tuple[str, ...]) -> None:
    assert run.code in {**ALLOWED, "solve": {0, 2}}[command[0]], (run.code, run.stderr)
    if run.code == 2:  # the tool's paragraph, or Typer's usage error for an option's range
        assert run.stdout == ""
        assert "error" in run.stderr.lower(), run.stderr
        assert "Traceback" not in run.stderr
    else:
        _assert_finite(run.stdout, command)


@settings(max_examples=OPTION_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(command=ledger_commands())
def test_a_ledger_scenario_survives_any_set_and_vary_of_its_key_paths(
        command: tuple[str, ...]) -> None:
    run = run_cli(command[0], LEDGER, *command[1:])  # an exception here is a failure
    event(f"{command[0]} exits {run.code}")
    _assert_documented(run, command)


@st.composite
def parameter_files(draw: st.DrawFn) -> str:
    """se-2019.yaml's sources and inputs, mostly as they are, else a few mutated (a value
    replaced, a key left out or misspelt) or the text broken."""
    data = copy.deepcopy(_data(PARAMETERS))
    _mutate(draw, data, draw(mostly(st.just(0), st.integers(1, 3))),
            ["valeu", "extra", "uses", "title"])
    text = json.dumps(data, ensure_ascii=False)
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


USES = mostly(st.sampled_from([["params.yaml"], ["sub/params.yaml"], ["./params.yaml"]]),
              st.lists(st.sampled_from([
                  "params.yaml", "missing.yaml", "folder", "fuzzed.yaml", "binary.bin",
                  "empty.yaml", "link.yaml", "dangling.yaml", "sub/../params.yaml", "",
                  "sub/params.yaml", "x" * 300]), max_size=3))


@pytest.mark.filterwarnings("ignore:Generating overly large repr")  # the file is 35 kB
@settings(max_examples=OPTION_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(parameters=parameter_files(), uses=USES, command=st.sampled_from([
    ("payback",), ("payback", "-f", "json", "--explain"), ("check", "-f", "csv"),
    ("sweep", "--vary", "inputs.price_base_amount=40000:50000:5000", "-f", "json"),
    ("sensitivity", "-f", "json")]), inline=mostly(st.just(False), st.just(True)))
def test_uses_of_generated_parameter_files_end_in_a_result_or_a_paragraph(
        parameters: str, uses: list[str], command: tuple[str, ...], inline: bool) -> None:
    """liva-actors.yaml with `uses:` naming generated parameter files beside it (and a missing
    file, a folder, the scenario itself, a binary file, an empty one, links)."""
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        (folder / "sub").mkdir()
        (folder / "folder").mkdir()
        for name in ("params.yaml", "sub/params.yaml"):
            (folder / name).write_text(parameters, encoding="utf-8")
        (folder / "binary.bin").write_bytes(bytes(range(256)))
        (folder / "empty.yaml").write_text("", encoding="utf-8")
        (folder / "link.yaml").symlink_to(folder / "params.yaml")
        (folder / "dangling.yaml").symlink_to(folder / "nowhere.yaml")
        scenario = copy.deepcopy(_data(LEDGER))
        scenario["uses"] = uses
        text = json.dumps(scenario, ensure_ascii=False)
        if inline:  # the same numbers in the scenario itself too: given twice
            text = text.replace('"inputs": {', '"inputs": {"price_base_amount": '
                                '{"value": 46500, "unit": "SEK", "description": "PBB.", '
                                '"assumption": "Twice."}, ', 1)
        path = folder / "fuzzed.yaml"
        path.write_text(text, encoding="utf-8")
        run = run_cli(command[0], path, *command[1:])  # an exception here is a failure
        event(f"{command[0]} with uses exits {run.code}")
        _assert_documented(run, command)
