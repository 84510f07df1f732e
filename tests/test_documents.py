"""check --document and --coverage: normalisation (against an oracle that reads a character at
a time) and the closest passage in a large document, the outline, numbers, quotes against the
report's text, coverage, exit statuses, and every bad --document as one paragraph, exit 2."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nyttocalc.documents.coverage import numbers_in, reads
from nyttocalc.documents.outline import headings, locate, section_paths, trie_of
from nyttocalc.documents.text import (
    DASHES,
    HYPHENS,
    MARKDOWN_MARKS,
    MAX_WIDENING,
    QUOTE_MARKS,
    SOFT_HYPHEN,
    TEX_THIN_SPACE,
    SourceText,
    _after_line_break,
    closest,
    find,
    normalise,
    quote_parts,
)
from tests.conftest import FIXTURES, LIVA, ROOT, run_cli

REPORT = FIXTURES / "report"
SCENARIO = REPORT / "scenario.yaml"
BROKEN = Path(__file__).resolve().parent / "broken_documents"
SEEDS = ROOT.parent / "shared" / "seeds"
LIVA_TEXT = SEEDS / "003_c831113f3be7afb4.txt"
AGREEMENT_TEXT = SEEDS / "004_cb18a63827f7914d.txt"
needs_seeds = pytest.mark.skipif(not LIVA_TEXT.is_file(), reason="the source documents "
                                 "(../shared/seeds) are not beside this checkout")


# ---- normalisation ---------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "normalised"), [
    ("a  b\n\tc\u00a0d", "a b c d"),  # white space, newlines, no-break space: one space
    ("  edges  ", "edges"),
    ("soft\u00adhyphen", "softhyphen"),
    ("er-\nhålla", "erhålla"),  # hyphenated at a line break, lower case on both sides
    ("er- \n  hålla", "erhålla"),
    ("EU-\nmedel", "EU- medel"),  # an upper-case compound keeps its hyphen
    ("hel- eller deltid", "hel- eller deltid"),  # no line break: kept
    ("”god” och “god” och ‘x’", '"god" och "god" och \'x\''),
    ("2017 – 2019 — x − 1", "2017 - 2019 - x - 1"),
    ("130\\,000", "130 000"),  # TeX's thin space
    ("ﬁnal år²", "final år2"),  # NFKC: ligature, superscript
    ("e\u0301", "é"),  # NFKC composes
])
def test_normalise(raw: str, normalised: str) -> None:
    assert normalise(raw).text == normalised


def test_markdown_emphasis_is_left_out_only_in_markdown() -> None:
    assert normalise("är *god* och `x`", markdown=True).text == "är god och x"
    assert normalise("är *god*").text == "är *god*"


def test_every_normalised_character_knows_its_line() -> None:
    source = SourceText("k", "p", "rad ett\n\nrad tre med ord-\ndelning\n")
    (found,) = find("orddelning", source)
    assert (found.line, source.raw[found.start:found.end]) == (3, "ord-\ndelning")


def test_quote_parts_split_at_ellipses() -> None:
    assert quote_parts("… a b … c …") == ["a b", "c"]
    assert quote_parts("whole") == ["whole"]


def test_closest_passage_is_the_edited_sentence() -> None:
    source = SourceText("k", "p", "Första meningen om 12 deltagare.\n\nAndra meningen, om "
                        "66 000 kr per deltagare och år.\n\nTredje meningen om annat.\n")
    near = closest("om 67 000 kr per deltagare", source)
    assert near is not None
    assert near.line == 3
    assert near.text == "om 66 000 kr per deltagare"
    assert 0.9 < near.similarity < 1


# ---- the text, a run at a time and in bounded memory (issue 26) ------------------------------

def reference_normalise(raw: str, markdown: bool = False) -> tuple[str, list[int]]:
    """normalise() as it was, one character at a time (an oracle): the text, and each
    character's offset in the original."""
    out: list[str] = []
    origins: list[int] = []

    def space(at: int) -> None:
        if out and out[-1] != " ":
            out.append(" ")
            origins.append(at)

    i, n = 0, len(raw)
    while i < n:
        end = i + 1
        while end < n and unicodedata.combining(raw[end]):
            end += 1
        char = raw[i]
        if char == SOFT_HYPHEN or (markdown and char in MARKDOWN_MARKS):
            i = end
            continue
        if raw.startswith(TEX_THIN_SPACE, i):
            space(i)
            i += len(TEX_THIN_SPACE)
            continue
        if char in HYPHENS and out and out[-1].islower():
            after = _after_line_break(raw, end)
            if after is not None and raw[after].islower():
                i = after
                continue
        for c in unicodedata.normalize("NFKC", raw[i:end]):
            c = QUOTE_MARKS.get(c, DASHES.get(c, c))
            if c.isspace():
                space(i)
            else:
                out.append(c)
                origins.append(i)
        i = end
    if out and out[-1] == " ":
        out.pop()
        origins.pop()
    return "".join(out), origins


# Every kind of character normalise treats apart, and plain ones around them.
TRICKY = ("ab Zå -‐\u00ad\\,*_`\n\r\t\u00a0\u2002\u202f\x85\x1c e\u0301\u030a\u0327ﬁ²“”„‘’–—−"
          "ǅßİ\u1100\u1161ＡΩ")


@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=60), st.booleans())
def test_normalise_a_run_at_a_time_is_normalise_a_character_at_a_time(raw: str,
                                                                      markdown: bool) -> None:
    text, origins = reference_normalise(raw, markdown)
    normalised = normalise(raw, markdown)
    assert normalised.text == text
    assert [normalised.origin(i) for i in range(len(text))] == origins


def test_normalise_the_liva_report_as_before() -> None:
    report = ROOT.parent / "shared" / "seeds" / "003_c831113f3be7afb4.txt"
    if not report.is_file():
        pytest.skip("the source documents (../shared/seeds) are not beside this checkout")
    raw = report.read_text(encoding="utf-8")
    text, origins = reference_normalise(raw)
    normalised = normalise(raw)
    assert normalised.text == text
    assert [normalised.origin(i) for i in range(len(text))] == origins


def test_the_closest_passage_is_found_in_a_large_document_and_stays_short() -> None:
    """The edited sentence stands once in 4 000 paragraphs of other text; its passage is
    found, and widening it to whole words stops short of a word of a megabyte."""
    filler = "Annan text om kostnader, deltagare och år i kommunen.\n\n" * 4_000
    raw = (filler + "Andra meningen, om 66 000 kr per deltagare och år.\n\n" + filler
           + "x" * 1_000_000)
    source = SourceText("k", "p", raw)
    near = closest("om 67 000 kr per deltagare", source)
    assert near is not None
    assert (near.line, near.text) == (8_001, "om 66 000 kr per deltagare")
    tail = closest("x" * 30 + " 67 000", source)
    assert tail is not None
    assert len(tail.text) <= 30 + 7 + 2 * MAX_WIDENING


# ---- the outline -----------------------------------------------------------------------------

def test_plain_text_headings_are_short_lines_that_stand_alone() -> None:
    source = SourceText("k", str(REPORT / "report.txt"),
                        (REPORT / "report.txt").read_text("utf-8"))
    titles = [h.title for h in headings(source)]
    # Not the table of contents (tabs), nor the page number, nor a wrapped paragraph's line.
    assert titles == ["Utvärdering av Provinsatsen", "Innehåll", "Sammanfattning", "Kostnader",
                      "Kommunen", "Intäkter", "Bilaga 3"]


def test_markdown_headings_have_levels_and_skip_code() -> None:
    source = SourceText("k", "r.md", "# A\n```\n# not a heading\n```\n## B ##\ntext\n", True)
    assert [(h.title, h.level) for h in headings(source)] == [("A", 1), ("B", 2)]


@pytest.mark.parametrize("name", ["report.txt", "report.md"])
def test_a_section_path_names_the_lines_of_its_section(name: str) -> None:
    path = REPORT / name
    source = SourceText("k", str(path), path.read_text("utf-8"), name.endswith(".md"))
    lines = source.lines()
    paths = [("Sammanfattning",), ("Kostnader", "Kommunen"), ("Kostnader", "fotnot")]
    trie = trie_of(paths)
    section = locate(("Kostnader", "Kommunen"), headings(source), trie, len(lines))
    assert section is not None
    text = "\n".join(lines[section.start:section.end])
    assert "200 000 kr" in text
    assert "300 000" not in text
    assert "Sjukvården" not in text
    partial = locate(("Kostnader", "fotnot"), headings(source), trie, len(lines))
    assert partial is not None
    assert (partial.path, partial.missing) == (("Kostnader",), ("fotnot",))
    assert locate(("Bakgrund",), headings(source), trie, len(lines)) is None


def test_section_paths() -> None:
    assert section_paths("A › B – c; D") == [("A", "B - c"), ("D",)]
    assert section_paths("A › B – c", normalised=False) == [("A", "B – c")]


# ---- numbers ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "values"), [
    ("2,75 mkr och 175 000 kr, 11 procent", [2.75, 175_000, 11]),
    ("fem deltagare, Tre år, en person och ett år", [5, 3]),  # en, ett: articles
    ("år 2019, 2017-12-01 – 2019-03-31", []),  # years and dates
    ("C2C, år², se bilaga 5 och § 3", []),  # joined to letters, footnote marker, references
    ("42", []),  # a page number
    ("$7 \\times 130\\,000 = 0,91$ mkr", [7, 130_000, 0.91]),
    ("18-års dag, 15 - 20 individer", [18, 15, 20]),
])
def test_numbers_in_a_line(line: str, values: list[float]) -> None:
    assert [v for _, _, v in numbers_in(line)] == values


def test_a_number_reads_a_value_in_kronor_tkr_mkr_or_per_cent() -> None:
    assert reads(2.75, (2_750_000,))
    assert reads(17, (0.17,))
    assert reads(600, (600_000,))
    assert not reads(2.7, (2_750_000,))


# ---- check --document, end to end -----------------------------------------------------------

def check(*args: object) -> tuple[int, dict[str, Any]]:
    run = run_cli("check", *args, "--format", "json")
    assert run.code in (0, 1, 3), run.stderr
    return run.code, json.loads(run.stdout)


def test_a_sources_path_is_read_relative_to_the_scenario() -> None:
    code, data = check(SCENARIO)
    assert code == 0
    (document,) = data["documents"]
    assert document["key"] == "report"
    assert document["format"] == "text"
    assert Path(document["path"]) == REPORT / "report.txt"
    assert [q["found"] for q in document["quotes"]] == [True] * 5
    assert {c["id"]: c["quote_found"] for c in data["claims"]} == dict.fromkeys(
        ["summary-cost", "two-persons", "per-year"], True)
    assert document["coverage"] is None


@pytest.mark.parametrize("name", ["report.txt", "report.md"])
def test_coverage_of_the_fixture_report(name: str) -> None:
    """Sammanfattning: 1,2 (covered by summary-cost) and tolv (no claim); 2019 is a year.
    Kostnader › Kommunen: 1,2 (an input), 200 000 (an input), två (two-persons), tre (its
    horizon), 0,4 (per-year). Intäkter is named by no claim, Regionen (Markdown) neither."""
    code, data = check(SCENARIO, "--document", f"report={REPORT / name}", "--coverage")
    assert code == 0
    sections = data["documents"][0]["coverage"]["sections"]
    summary = {s["section"]: (s["numbers"], s["covered"]) for s in sections}
    assert summary == {"Sammanfattning": (2, 1), "Kostnader": (5, 5)}
    items = {(i["text"], tuple(i["covered_by"])) for s in sections for i in s["items"]}
    assert ("tolv", ()) in items
    assert ("två", ("two-persons",)) in items
    assert ("200 000", ("inputs.municipal_revenue",)) in items
    assert data["documents"][0]["coverage"]["not_found"] == []


def test_coverage_as_csv_is_one_line_per_number() -> None:
    run = run_cli("check", SCENARIO, "--coverage", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [r["number"] for r in rows] == ["1,2", "tolv", "1,2", "200 000", "två", "tre", "0,4"]
    assert rows[1]["covered_by"] == ""
    assert rows[4]["covered_by"] == "two-persons"
    assert rows[4]["section"] == "Kostnader › Kommunen"


def test_an_edited_quote_in_the_fixture_fails_with_exit_3(tmp_path: Path) -> None:
    edited = tmp_path / "report.md"
    edited.write_text((REPORT / "report.md").read_text("utf-8").replace("0,4 mkr", "0,5 mkr"),
                      encoding="utf-8")
    run = run_cli("check", SCENARIO, "--document", f"report={edited}")
    assert run.code == 3
    assert "Quotes not found in report" in run.stdout
    assert "per-year" in run.stdout
    assert "motsvarande 0,5 mkr per år" in run.stdout


@needs_seeds
def test_liva_quotes_stand_in_the_report_and_the_agreement() -> None:
    code, data = check(LIVA, "--document", f"payoff-2019={LIVA_TEXT}",
                       "--document", f"agreement-2017={AGREEMENT_TEXT}")
    assert code == 1  # 14 claims do not follow; no quote is missing
    assert data["summary"]["quotes_missing"] == 0
    assert [len(d["quotes"]) for d in data["documents"]] == [78, 10]
    assert all(c["quote_found"] for c in data["claims"])


@needs_seeds
def test_an_edited_number_in_the_liva_report_names_its_claim(tmp_path: Path) -> None:
    """The report is edited after the scenario was written: "cirka 66 000 kr per deltagare"
    becomes "cirka 67 000 kr". check --document fails (exit 3) naming the claim whose quote is
    gone and the closest passage; every other quote still stands."""
    edited = tmp_path / "liva.txt"
    text = LIVA_TEXT.read_text("utf-8")
    assert text.count("cirka 66 000 kr per deltagare") == 1
    edited.write_text(text.replace("cirka 66 000 kr per deltagare",
                                   "cirka 67 000 kr per deltagare"), encoding="utf-8")
    code, data = check(LIVA, "--document", f"payoff-2019={edited}")
    assert code == 3
    assert data["summary"]["quotes_missing"] == 1
    missing = [q for q in data["documents"][0]["quotes"] if not q["found"]]
    assert [q["owner"] for q in missing] == ["society-about-66-000-per-participant"]
    (part,) = missing[0]["parts"]
    assert part["closest"]["line"] == 539
    assert part["closest"]["text"] == "vilket motsvarar cirka 67 000 kr per deltagare."
    table = run_cli("check", LIVA, "--document", f"payoff-2019={edited}")
    assert table.code == 3
    assert "society-about-66-000-per-participant" in table.stdout.split(
        "Quotes not found in payoff-2019")[1]


@needs_seeds
def test_liva_coverage(tmp_path: Path) -> None:
    """The numbers of LivA's profitability sections: most are covered; what is not is listed
    (e.g. the unit costs of care and crime in "Intäkt › Samhället", which are not figures of
    the model, and restatements of the 14 participants)."""
    code, data = check(LIVA, "--document", f"payoff-2019={LIVA_TEXT}", "--coverage")
    assert code == 1
    sections = {s["section"]: s for s in data["documents"][0]["coverage"]["sections"]}
    # "De 29 000 kr utgör 17 procent": the 17 % holds given the rounding of the printed 1,2 mkr,
    # so it no longer computes from the printed 29 000 (a rounding chain did), which it leaves
    # uncovered (it is covered where the report first prints it, "cirka 29 000 kr").
    assert (sections["Lönsamhet, medellång sikt"]["numbers"],
            sections["Lönsamhet, medellång sikt"]["covered"]) == (81, 57)
    care = {i["text"] for i in sections["Ekonomisk nytta"]["items"] if not i["covered_by"]}
    assert care == {"1", "1 500", "10 000", "3 600", "100 000"}
    assert data["documents"][0]["coverage"]["not_found"] == []


# ---- bad --document: one paragraph, exit 2 -------------------------------------------------

@pytest.mark.parametrize(("args", "fragment"), [
    (["--document", "nosuch=report.txt"], "'nosuch' is not a key of the scenario's `sources`"),
    (["--document", "reprt=x.txt"], "(did you mean 'report'?)"),
    (["--document", "report"], "expected KEY=PATH"),
    (["--document", "report=x.txt", "--document", "report=y.txt"], "'report' is given twice"),
    (["--document", f"report={BROKEN / 'no_such_file.txt'}"], "no_such_file.txt: no such file"),
    (["--document", f"report={BROKEN}"], "is a directory"),
    (["--document", f"report={BROKEN / 'latin1.txt'}"],
     "line 3: the file is not UTF-8 text (byte 0xE4"),
    (["--document", f"report={BROKEN / 'binary.txt'}"], "is a binary file, not text"),
    (["--document", f"report={BROKEN / 'report.pdf'}"], "is a PDF, which check does not read"),
])
def test_bad_document_is_one_paragraph_and_exit_2(args: list[str], fragment: str) -> None:
    run = run_cli("check", SCENARIO, *args)
    assert run.code == 2, run.stdout
    assert fragment in run.stderr
    assert run.stderr.startswith("error: ")
    assert run.stderr.count("\n") == 1
    assert "Traceback" not in run.stderr


def test_a_sources_path_that_is_missing_names_its_line(tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.yaml"
    shutil.copy(SCENARIO, scenario)  # report.txt is not beside the copy
    run = run_cli("check", scenario)
    assert run.code == 2
    assert re.search(r"scenario\.yaml: line 9, sources\.report\.path: .*report\.txt: no such "
                     r"file", run.stderr)


def test_coverage_needs_a_document() -> None:
    run = run_cli("check", LIVA, "--coverage")
    assert run.code == 2
    assert "--coverage lists the numbers of a document" in run.stderr
