"""The sample outputs of the README and of the documentation's pages (docs/) are what the tool
prints.

A sample is a ```text block right after a line ``<!-- output of: nyttocalc ARGS -->``. Its lines
must stand in what that command prints (stdout, then stderr): a line ``…`` stands for lines left
out, so each run of lines between them must appear as it is, and the runs in order. A line of the
block that starts with ``$ `` is the command as a user types it, and is not output; a ```text
block that shows such a command must be a sample.

To bring the samples up to date after a deliberate change of output:

    NYTTOCALC_UPDATE_README=1 python -m pytest tests/test_readme.py

rewrites each run from the output, from the line where the run starts, as many lines as it has;
then read the diff of README.md and docs/.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

README = ROOT / "README.md"
DOCS = ROOT / "docs"
# Every page of the documentation, and the README: where samples are sought.
DOCUMENTS = [README, *sorted(DOCS.rglob("*.md"))]
_SAMPLE = re.compile(r"<!-- output of: nyttocalc (?P<args>[^\n]*?) -->\n```text\n"
                     r"(?P<body>.*?)\n```", re.DOTALL)
GAP = "…"
UPDATE = os.environ.get("NYTTOCALC_UPDATE_README") == "1"


@dataclass(frozen=True)
class Sample:
    path: Path  # the README or a page of docs/
    args: str
    body: str
    start: int  # of the body in the document's text

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}: {self.args}"

    @property
    def runs(self) -> list[list[str]]:
        runs: list[list[str]] = [[]]
        for line in self.body.split("\n"):
            if line == GAP:
                runs.append([])
            elif not line.startswith("$ "):
                runs[-1].append(line)
        return [run for run in runs if run]


def samples(paths: list[Path] = DOCUMENTS) -> list[Sample]:
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        found += [Sample(path, m["args"], m["body"], m.start("body"))
                  for m in _SAMPLE.finditer(text)]
    return found


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


def test_the_readme_and_the_docs_have_samples() -> None:
    assert len(samples([README])) >= 3
    assert len(samples()) >= 20


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_command_shown_with_output_is_a_sample(path: Path) -> None:
    """A ```text block that shows a command as typed (``$ nyttocalc …``) shows its output, so
    it must be a sample the tests run: marked, and marked with that command."""
    text = path.read_text(encoding="utf-8")
    marked = {m.start("body"): m["args"] for m in _SAMPLE.finditer(text)}
    for block in re.finditer(r"```text\n(?P<body>.*?)\n```", text, re.DOTALL):
        typed = [line[len("$ nyttocalc "):] for line in block["body"].split("\n")
                 if line.startswith("$ nyttocalc ")]
        if typed:
            assert marked.get(block.start("body")) == typed[0], (
                f"{path.relative_to(ROOT)}: `nyttocalc {typed[0]}` is shown with output but is "
                "no sample: put <!-- output of: nyttocalc ARGS --> on the line before its block")


def test_the_readmes_links_lead_to_files() -> None:
    """The README's relative links (to the docs' pages, as GitHub shows them) lead somewhere,
    and every page they name is in the site's nav."""
    text = README.read_text(encoding="utf-8")
    targets = [t.split("#")[0] for t in re.findall(r"\]\(([^)\s]+)\)", text)
               if "://" not in t and not t.startswith("#")]
    assert targets
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for target in targets:
        assert (ROOT / target).is_file(), target
        if target.startswith("docs/") and target.endswith(".md"):
            page = target.removeprefix("docs/")
            assert f": {page}" in nav, f"{target} is not in mkdocs.yml's nav"


@pytest.mark.parametrize("sample", samples(), ids=lambda s: s.name)
def test_a_readme_sample_is_what_the_tool_prints(sample: Sample,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    lines = output(sample.args, monkeypatch)
    if UPDATE:
        _update(sample, lines)
        return  # the document now says what the tool prints; read its diff
    position = 0
    for run in sample.runs:
        found = find(lines, run, position)
        if found is None:
            near = find(lines, run[:1], position)
            shown = "\n".join(lines[near: near + len(run)]) if near is not None else "(nothing)"
            pytest.fail(f"`nyttocalc {sample.args}` does not print this part of the sample in "
                        f"{sample.path.relative_to(ROOT)}:\n{chr(10).join(run)}\n\n"
                        f"It prints, from the same first line:\n"
                        f"{shown}\n\n(NYTTOCALC_UPDATE_README=1 rewrites the samples; see the "
                        "docstring of tests/test_readme.py)")
        position = found + len(run)


def _first_cell(line: str) -> str:
    """What identifies a line when its layout has changed: its text up to the first gap of two
    spaces (a table's first cell), no-break spaces read as spaces, a rule as any rule."""
    first = re.split(r" {2,}", line.replace("\u00a0", " ").strip())[0]
    return "─" if first and set(first) == {"─"} else first


def _update(sample: Sample, lines: list[str]) -> None:
    """Rewrite the sample's runs from the output: each from where its first line stands. The
    typed command and a gap before the first run or after the last stay where they were."""
    body, position = [], 0
    given = [line for line in sample.body.split("\n") if not line.startswith("$ ")]
    for line in sample.body.split("\n"):
        if line.startswith("$ "):
            body.append(line)
    if given[:1] == [GAP]:
        body.append(GAP)
    for number, run in enumerate(sample.runs):
        anchor = find([_first_cell(x) for x in lines], [_first_cell(run[0])], position)
        if anchor is None:
            pytest.fail(f"cannot update the sample of `nyttocalc {sample.args}`: its line "
                        f"{run[0]!r} is no longer printed; edit that sample by hand")
        if number:
            body.append(GAP)
        body += lines[anchor: anchor + len(run)]
        position = anchor + len(run)
    if len(given) > 1 and given[-1] == GAP:
        body.append(GAP)
    text = sample.path.read_text(encoding="utf-8")
    current = samples([sample.path])
    here = next(s for s in current if s.args == sample.args and s.body == sample.body)
    sample.path.write_text(text[: here.start] + "\n".join(body)
                           + text[here.start + len(here.body):], encoding="utf-8")


def test_the_docs_list_of_liva_verdicts_is_what_check_says(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """'- `id` (section): explanation' in the how-to on checking a report: each explanation is
    check's own (the page may add a remark after it), and every claim that is not plainly held
    is listed."""
    import json

    monkeypatch.chdir(ROOT)
    claims = json.loads(run_cli("check", "scenarios/liva.yaml", "-f", "json").stdout)["claims"]
    said = {c["id"]: c["explanation"].replace("\u00a0", " ") for c in claims}
    text = (DOCS / "how-to" / "check-a-report.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^- `([a-z0-9-]+)` \([^\n]*?\): ([^\n]+)$", text, re.MULTILINE))
    for claim, explanation in listed.items():
        assert explanation.startswith(said[claim]), claim
    flagged = {c["id"] for c in claims if c["verdict"] in ("does-not-follow", "rounding-chain")}
    assert flagged <= listed.keys()


def test_the_tutorials_ledger_is_the_fixture_the_tests_compute_by_hand() -> None:
    """A new user copies the tutorial's actors, states and transitions: each YAML block of it
    is part of tests/fixtures/actors.yaml, as it stands there, which tests/test_actors.py works
    out by hand, and one block is the whole file, from its first line."""
    fixture = (ROOT / "tests" / "fixtures" / "actors.yaml").read_text(encoding="utf-8")
    page = (DOCS / "tutorial" / "own-intervention.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?^)```$", page, re.DOTALL | re.MULTILINE)
    assert len(blocks) >= 5
    for block in blocks:
        assert block in fixture, block[:200]
    assert fixture in blocks
