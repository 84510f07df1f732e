"""Files a scenario names (`uses`, a source's `path`) and documents (`--document`), whatever
names they are given (issue 26): a foreign file is neither read nor echoed, a path that leads
out of the scenario's folder needs the user's word (--allow-path), nothing but a regular file
is opened for reading (a FIFO would hang, a device never end), a name no file can have is one
paragraph, a scenario that uses itself or another scenario is told so, and an error quotes at
most a short excerpt of any file.

One broken file per failure mode in ``tests/file_access/``, each ``scenario.yaml`` with one
line changed; what cannot be a file in git (a FIFO, a link loop, a name of 5 000 characters,
a megabyte key) is made in ``tmp_path``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from nyttocalc.errors import MAX_EXCERPT
from tests.conftest import ROOT, Run, run_cli

FILES = Path(__file__).resolve().parent / "file_access"
SCENARIO = FILES / "scenario.yaml"
USES_LINE = "  - parameters/provins.yaml\n"
SOURCE_LINE = '    title: "Utvärdering av Provinsatsen"\n'
SECRETS = ("SECRET", "root:", "$6$")  # what the fixtures' foreign files hold
OUTSIDE = "is outside the folders this scenario may read"
RULE = ("a scenario may name only files in its own folder or below it (a parameter file also "
        "in the folder `parameters` beside it); to read a file elsewhere, give its folder with "
        "--allow-path DIR")


def run_guarded(*args: str | Path) -> Run:
    """``python -m nyttocalc`` as a whole process, killed if it waits (a FIFO that blocks)."""
    try:
        completed = subprocess.run([sys.executable, "-m", "nyttocalc", *map(str, args)],
                                   capture_output=True, text=True, cwd=ROOT, timeout=60,
                                   check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"nyttocalc {' '.join(map(str, args))} hangs")
    return Run(completed.returncode, completed.stdout, completed.stderr)


def refused(run: Run, *fragments: str) -> str:
    """Exit 2, nothing on stdout, one paragraph on stderr with ``fragments``, no file echoed."""
    assert run.code == 2, (run.stdout, run.stderr)
    assert run.stdout == ""
    assert run.stderr.startswith("error: ")
    assert run.stderr.count("\n") == 1, run.stderr
    assert "Traceback" not in run.stderr
    for fragment in fragments:
        assert fragment in run.stderr
    for secret in SECRETS:
        assert secret not in run.stderr
    return run.stderr


def copy_of(tmp_path: Path, old: str, new: str, name: str = "s.yaml") -> Path:
    """scenario.yaml and its parameter file in ``tmp_path``, with one line changed."""
    shutil.copytree(FILES / "parameters", tmp_path / "parameters", dirs_exist_ok=True)
    text = SCENARIO.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_base_scenario_loads() -> None:
    assert run_cli("payback", SCENARIO).code == 0


def test_each_fixture_differs_from_the_base_scenario_in_one_line() -> None:
    """So each file proves that its one change is caught."""
    base = SCENARIO.read_text(encoding="utf-8").splitlines()[2:]
    for path in FILES.glob("*.yaml"):
        if path == SCENARIO:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()[2:]
        changed = [line for line in lines if line not in base]
        assert len(changed) == 1, (path.name, changed)


# ---- item 5: a foreign file is neither read nor echoed -----------------------------------------

@pytest.mark.parametrize(("name", "fragments"), [
    ("uses_etc_passwd.yaml", ("line 6, uses.0: /etc/passwd " + OUTSIDE, RULE)),
    ("uses_climbing_out.yaml", ("line 6, uses.0: ../../../../../../../../../../../../etc/shadow "
                                f"(that is /etc/shadow) {OUTSIDE}", RULE)),
    ("uses_foreign_mapping.yaml", ("line 6, uses.0:", "shadow_like.txt is not a parameter file: "
                                   "it has no key 'nyttocalc-parameters'")),
    ("uses_plain_text.yaml", ("line 6, uses.0:", "notes.txt, line 1: the document is a single "
                              "value; a parameter file is a mapping")),
])
def test_a_foreign_file_in_uses_is_refused_and_not_quoted(name: str,
                                                          fragments: tuple[str, ...]) -> None:
    refused(run_cli("payback", FILES / name), *fragments)


@pytest.mark.parametrize(("name", "shown"), [
    ("source_path_absolute.yaml", "/etc/passwd"),
    ("source_path_climbing_out.yaml", "../../../../../../../../../../../../etc/shadow (that is "
                                      "/etc/shadow)"),
])
def test_a_source_path_outside_the_folder_is_refused_before_any_passage(name: str,
                                                                         shown: str) -> None:
    refused(run_cli("check", FILES / name), f"line 10, sources.report.path: {shown} {OUTSIDE}",
            RULE, "or give the document with --document KEY=PATH")


def test_a_link_in_the_folder_to_a_file_outside_is_outside(tmp_path: Path) -> None:
    """What counts is where the file really is."""
    (tmp_path / "parameters" / "link.yaml").parent.mkdir()
    (tmp_path / "parameters" / "link.yaml").symlink_to("/etc/passwd")
    scenario = copy_of(tmp_path, USES_LINE, "  - parameters/link.yaml\n")
    refused(run_cli("payback", scenario), "parameters/link.yaml (that is /etc/passwd) " + OUTSIDE)


def test_allow_path_is_the_users_word_and_the_file_is_still_not_quoted() -> None:
    """With --allow-path /etc the password file is read, and refused as no parameter file
    without a character of it in the message."""
    refused(run_cli("payback", FILES / "uses_etc_passwd.yaml", "--allow-path", "/etc"),
            "/etc/passwd, line 1: the document is a single value")


def test_the_repository_layout_needs_no_flag(tmp_path: Path) -> None:
    """scenarios/x.yaml uses ../parameters/p.yaml (as scenarios/liva-actors.yaml does); a
    sibling folder of another name needs --allow-path, and then loads."""
    for folder in ("scenarios", "parameters", "shared"):
        (tmp_path / folder).mkdir()
    shutil.copy(FILES / "parameters" / "provins.yaml", tmp_path / "parameters")
    shutil.copy(FILES / "parameters" / "provins.yaml", tmp_path / "shared")
    text = SCENARIO.read_text(encoding="utf-8")
    beside = tmp_path / "scenarios" / "beside.yaml"
    beside.write_text(text.replace(USES_LINE, "  - ../parameters/provins.yaml\n"), "utf-8")
    assert run_cli("payback", beside).code == 0
    shared = tmp_path / "scenarios" / "shared.yaml"
    shared.write_text(text.replace(USES_LINE, "  - ../shared/provins.yaml\n"), "utf-8")
    refused(run_cli("payback", shared), OUTSIDE)
    assert run_cli("payback", shared, "--allow-path", tmp_path / "shared").code == 0


def test_a_source_path_beside_the_folder_needs_allow_path(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "report.txt").write_text("Insatsen kostade 1,2 mkr.\n", "utf-8")
    (tmp_path / "scenarios").mkdir()
    scenario = copy_of(tmp_path / "scenarios", SOURCE_LINE,
                       SOURCE_LINE + "    path: ../texts/report.txt\n")
    refused(run_cli("check", scenario), OUTSIDE)
    assert run_cli("check", scenario, "--allow-path", tmp_path / "texts").code == 0


@pytest.mark.parametrize(("given", "fragment"), [
    ("no-such-folder", "--allow-path no-such-folder: no such folder"),
    (str(SCENARIO), "is not a folder"),
    ("", "the folder's name is empty"),
])
def test_a_bad_allow_path_is_one_paragraph(given: str, fragment: str) -> None:
    refused(run_cli("payback", SCENARIO, "--allow-path", given), fragment)


def test_a_document_on_the_command_line_is_the_users_word(tmp_path: Path) -> None:
    """--document names a file wherever it is: the user gave it."""
    outside = tmp_path / "elsewhere" / "report.txt"
    outside.parent.mkdir()
    outside.write_text("Utvärdering av Provinsatsen.\n", "utf-8")
    assert run_cli("check", SCENARIO, "--document", f"report={outside}").code == 0


# ---- item 6: names no file can have, loops, a scenario that uses itself ------------------------

@pytest.mark.parametrize(("name", "fragments"), [
    ("uses_nul.yaml", ("line 6, uses.0:", "provins.yaml\\0.txt: the name contains a NUL "
                       "character")),
    ("uses_folder.yaml", ("line 6, uses.0:", "parameters is a directory")),
    ("uses_itself.yaml", ("line 6, uses.0: uses_itself.yaml is this scenario file itself",)),
    ("uses_cycle_a.yaml", ("line 6, uses.0:", "uses_cycle_b.yaml is a scenario, not a "
                           "parameter file")),
    ("uses_cycle_b.yaml", ("line 6, uses.0:", "uses_cycle_a.yaml is a scenario, not a "
                           "parameter file")),
    ("uses_parameter_file_that_uses.yaml", (
        "line 6, uses.0:", "uses_another.yaml, line 4, uses: 'uses' is not a known key here (a "
        "parameter file uses no other file: only a scenario has `uses`); expected one of: "
        "description, inputs, language, local_tax_rates, missing, nyttocalc-parameters, "
        "sources, title, year")),
    ("uses_twice.yaml", ("line 7, uses.1: ./parameters/../parameters/provins.yaml is the file "
                         "uses.0 names already",)),
])
def test_a_path_no_file_can_have_or_a_scenario_in_uses(name: str,
                                                       fragments: tuple[str, ...]) -> None:
    message = refused(run_cli("payback", FILES / name), *fragments)
    assert "did you mean 'nyttocalc'" not in message


def test_a_sources_path_with_a_nul_names_its_line() -> None:
    refused(run_cli("check", FILES / "source_path_nul.yaml"),
            "line 10, sources.report.path:", "report\\0.txt: the name contains a NUL character")


def test_a_loop_of_symbolic_links_as_a_sources_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    scenario = copy_of(tmp_path, SOURCE_LINE, SOURCE_LINE + "    path: a.txt\n")
    refused(run_cli("check", scenario), "line 10, sources.report.path:",
            "a.txt cannot be read: its symbolic links form a loop")


def test_a_parameter_file_given_as_the_scenario_is_named_so() -> None:
    refused(run_cli("payback", FILES / "parameters" / "provins.yaml"),
            "provins.yaml is a parameter file, not a scenario: name it in a scenario's `uses`")


def test_a_loop_of_symbolic_links_in_uses(tmp_path: Path) -> None:
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "parameters" / "b.yaml").symlink_to("a.yaml")
    scenario = copy_of(tmp_path, USES_LINE, "  - parameters/a.yaml\n")
    refused(run_cli("payback", scenario), "line 6, uses.0: parameters/a.yaml cannot be read: its "
                                          "symbolic links form a loop")


def test_a_loop_of_symbolic_links_as_a_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    refused(run_cli("check", SCENARIO, "--document", f"report={tmp_path / 'a.txt'}"),
            "a.txt cannot be read: its symbolic links form a loop")


@pytest.mark.parametrize("length", [300, 5_000])
def test_a_name_too_long_names_its_place_not_standard_output(tmp_path: Path,
                                                             length: int) -> None:
    scenario = copy_of(tmp_path, USES_LINE, f"  - {'x' * length}.yaml\n")
    message = refused(run_cli("payback", scenario), "line 6, uses.0: xxx",
                      "the name is too long")
    assert "standard output" not in message
    assert len(message) < 600  # the name is shortened


def test_a_scenario_name_too_long() -> None:
    message = refused(run_cli("payback", "s" * 5_000 + ".yaml"), "the name is too long",
                      "(5,005 characters)")
    assert len(message) < 600


def test_a_document_name_too_long(tmp_path: Path) -> None:
    message = refused(run_cli("check", SCENARIO, "--document", f"report={'y' * 5_000}.txt"),
                      "the name is too long")
    assert len(message) < 600


# ---- item 7: only a regular file is opened for reading -----------------------------------------

def test_a_fifo_in_uses_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    scenario = copy_of(tmp_path, USES_LINE, "  - pipe.yaml\n")
    refused(run_guarded("payback", scenario),
            "line 6, uses.0: pipe.yaml is a FIFO (named pipe), not a regular file")


def test_a_fifo_as_a_sources_path_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    scenario = copy_of(tmp_path, SOURCE_LINE, SOURCE_LINE + "    path: pipe.txt\n")
    refused(run_guarded("check", scenario),
            "line 10, sources.report.path:", "pipe.txt is a FIFO (named pipe), not a regular file")


def test_a_fifo_as_a_document_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    refused(run_guarded("check", SCENARIO, "--document", f"report={tmp_path / 'pipe.txt'}"),
            "pipe.txt is a FIFO (named pipe), not a regular file")


def test_a_fifo_as_the_scenario_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    refused(run_guarded("payback", tmp_path / "pipe.yaml"), "is a FIFO (named pipe)")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_unread() -> None:
    refused(run_guarded("check", SCENARIO, "--document", "report=/dev/zero"),
            "/dev/zero is a character device, not a regular file")
    refused(run_guarded("payback", FILES / "uses_etc_passwd.yaml", "--allow-path", "/dev"),
            OUTSIDE)  # the password file is still outside; /dev is allowed but not named


def test_a_device_in_uses_with_allow_path_is_refused_unread(tmp_path: Path) -> None:
    scenario = copy_of(tmp_path, USES_LINE, "  - /dev/zero\n")
    refused(run_guarded("payback", scenario, "--allow-path", "/dev"),
            "line 6, uses.0: /dev/zero is a character device, not a regular file")


def test_a_socket_in_uses_is_refused(tmp_path: Path) -> None:
    folder = Path(os.path.realpath(tmp_path))
    listener = socket.socket(socket.AF_UNIX)
    try:
        try:
            listener.bind(str(folder / "s.sock"))
        except OSError:  # a path too long for a socket here
            pytest.skip("cannot make a socket in the temporary folder")
        scenario = copy_of(folder, USES_LINE, "  - s.sock\n")
        refused(run_cli("payback", scenario), "s.sock is a socket, not a regular file")
    finally:
        listener.close()


# ---- errors quote at most a short excerpt ------------------------------------------------------

def longest_run_of(text: str, char: str) -> int:
    longest = run = 0
    for c in text:
        run = run + 1 if c == char else 0
        longest = max(longest, run)
    return longest


def test_a_parameter_file_of_300_kb_of_text_is_not_echoed(tmp_path: Path) -> None:
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "big.yaml").write_text("SECRET " * 45_000, "utf-8")
    scenario = copy_of(tmp_path, USES_LINE, "  - parameters/big.yaml\n")
    message = refused(run_cli("payback", scenario), "the document is a single value")
    assert len(message) < 600


def test_a_parameter_file_with_a_key_of_a_megabyte_is_not_echoed(tmp_path: Path) -> None:
    (tmp_path / "parameters").mkdir()
    text = (FILES / "parameters" / "provins.yaml").read_text("utf-8")
    (tmp_path / "parameters" / "key.yaml").write_text(f"{text}? {'k' * 1_000_000}\n: 1\n",
                                                      "utf-8")
    scenario = copy_of(tmp_path, USES_LINE, "  - parameters/key.yaml\n")
    message = refused(run_cli("payback", scenario), "is not a known key here")
    assert longest_run_of(message, "k") <= MAX_EXCERPT
    assert "(1,000,002 characters)" in message


@pytest.mark.parametrize(("line", "fragment"), [
    (f'title: "{"t" * 300_000}"', "10000 characters"),  # a huge value
    (f"title: {'t' * 300_000}", "10000 characters"),  # plain, not quoted
    (f"? {'k' * 300_000}\n: 1", "is not a known key here"),  # a huge key
    (f"? {'1' * 300_000}\n: 1", "a number of 300000 characters"),  # a huge number as a key
])
def test_a_huge_value_or_key_in_the_scenario_is_quoted_short(tmp_path: Path, line: str,
                                                             fragment: str) -> None:
    text = SCENARIO.read_text(encoding="utf-8").replace(
        'title: "Provinsatsen (file access fixture)"', line)
    shutil.copytree(FILES / "parameters", tmp_path / "parameters")
    scenario = tmp_path / "s.yaml"
    scenario.write_text(text, encoding="utf-8")
    message = refused(run_cli("payback", scenario), fragment)
    assert len(message) < 1_000
    assert max(longest_run_of(message, c) for c in "tk1") <= MAX_EXCERPT


def test_a_scenario_that_is_one_huge_scalar_is_not_echoed(tmp_path: Path) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text("SECRET " * 45_000, encoding="utf-8")
    message = refused(run_cli("payback", scenario), "the document is a single value")
    assert len(message) < 400
