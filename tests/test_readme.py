"""The README's sample outputs are what the tool prints.

A sample is a ```text block right after a line ``<!-- output of: nyttocalc ARGS -->``. Its lines
must stand in what that command prints (stdout, then stderr): a line ``…`` stands for lines left
out, so each run of lines between them must appear as it is, and the runs in order. A line of the
block that starts with ``$ `` is the command as a user types it, and is not output.

To bring the samples up to date after a deliberate change of output:

    NYTTOCALC_UPDATE_README=1 python -m pytest tests/test_readme.py

rewrites each run from the output, from the line where the run starts, as many lines as it has;
then read the diff of README.md.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass

import pytest

from tests.conftest import ROOT, run_cli

README = ROOT / "README.md"
_SAMPLE = re.compile(r"<!-- output of: nyttocalc (?P<args>[^\n]*?) -->\n```text\n"
                     r"(?P<body>.*?)\n```", re.DOTALL)
GAP = "…"
UPDATE = os.environ.get("NYTTOCALC_UPDATE_README") == "1"


@dataclass(frozen=True)
class Sample:
    args: str
    body: str
    start: int  # of the body in the README's text

    @property
    def runs(self) -> list[list[str]]:
        runs: list[list[str]] = [[]]
        for line in self.body.split("\n"):
            if line == GAP:
                runs.append([])
            elif not line.startswith("$ "):
                runs[-1].append(line)
        return [run for run in runs if run]


def samples() -> list[Sample]:
    text = README.read_text(encoding="utf-8")
    return [Sample(m["args"], m["body"], m.start("body")) for m in _SAMPLE.finditer(text)]


def output(args: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(ROOT)  # the samples name files relative to the checkout
    run = run_cli(*shlex.split(args))
    return (run.stdout + run.stderr).split("\n")


def find(lines: list[str], run: list[str], start: int) -> int | None:
    """Where ``run`` stands in ``lines`` at or after ``start``."""
    for index in range(start, len(lines) - len(run) + 1):
        if lines[index: index + len(run)] == run:
            return index
    return None


def test_the_readme_has_samples() -> None:
    assert len(samples()) >= 5


@pytest.mark.parametrize("sample", samples(), ids=lambda s: s.args)
def test_a_readme_sample_is_what_the_tool_prints(sample: Sample,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    lines = output(sample.args, monkeypatch)
    if UPDATE:
        _update(sample, lines)
        return  # the README now says what the tool prints; read its diff
    position = 0
    for run in sample.runs:
        found = find(lines, run, position)
        if found is None:
            near = find(lines, run[:1], position)
            shown = "\n".join(lines[near: near + len(run)]) if near is not None else "(nothing)"
            pytest.fail(f"`nyttocalc {sample.args}` does not print this part of the README's "
                        f"sample:\n{chr(10).join(run)}\n\nIt prints, from the same first line:\n"
                        f"{shown}\n\n(NYTTOCALC_UPDATE_README=1 rewrites the samples; see the "
                        "docstring of tests/test_readme.py)")
        position = found + len(run)


def _first_cell(line: str) -> str:
    """What identifies a line when its layout has changed: its text up to the first gap of two
    spaces (a table's first cell), no-break spaces read as spaces, a rule as any rule."""
    first = re.split(r" {2,}", line.replace("\u00a0", " ").strip())[0]
    return "─" if first and set(first) == {"─"} else first


def _update(sample: Sample, lines: list[str]) -> None:
    """Rewrite the sample's runs from the output: each from where its first line stands."""
    body, position = [], 0
    for line in sample.body.split("\n"):
        if line.startswith("$ "):
            body.append(line)
    for number, run in enumerate(sample.runs):
        anchor = find([_first_cell(x) for x in lines], [_first_cell(run[0])], position)
        if anchor is None:
            pytest.fail(f"cannot update the sample of `nyttocalc {sample.args}`: its line "
                        f"{run[0]!r} is no longer printed; edit that sample by hand")
        if number:
            body.append(GAP)
        body += lines[anchor: anchor + len(run)]
        position = anchor + len(run)
    text = README.read_text(encoding="utf-8")
    current = samples()
    here = next(s for s in current if s.args == sample.args and s.body == sample.body)
    README.write_text(text[: here.start] + "\n".join(body)
                      + text[here.start + len(here.body):], encoding="utf-8")


def test_the_readmes_list_of_liva_verdicts_is_what_check_says(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """'- `id` (section): explanation' under Checking a report: each explanation is check's own
    (the README may add a remark after it), and every claim that is not plainly held is listed."""
    import json

    monkeypatch.chdir(ROOT)
    claims = json.loads(run_cli("check", "scenarios/liva.yaml", "-f", "json").stdout)["claims"]
    said = {c["id"]: c["explanation"].replace("\u00a0", " ") for c in claims}
    text = README.read_text(encoding="utf-8")
    listed = dict(re.findall(r"^- `([a-z0-9-]+)` \([^\n]*?\): ([^\n]+)$", text, re.MULTILINE))
    for claim, explanation in listed.items():
        assert explanation.startswith(said[claim]), claim
    flagged = {c["id"] for c in claims if c["verdict"] in ("does-not-follow", "rounding-chain")}
    assert flagged <= listed.keys()


def test_the_readmes_ledger_is_the_fixture_the_tests_compute_by_hand() -> None:
    """A new user copies the README's actors, states and transitions: the same file, whole and
    from its first line, that tests/test_actors.py works out by hand."""
    fixture = (ROOT / "tests" / "fixtures" / "actors.yaml").read_text(encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    named = readme.index("`tests/fixtures/actors.yaml` (inputs, cohort and analysis")
    start = readme.index("```yaml\n", named) + len("```yaml\n")
    assert readme[start:readme.index("```\n", start)] == fixture
