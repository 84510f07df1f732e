"""The scenario's own words in the report page (issue 26): a 300-character URL as the title and
a 300-character word as a label break, so the page keeps its width on a phone and a desktop; a
right-to-left override left open in a label turns none of the tool's words around it; the
marks that isolate the scenario's words pair whatever it writes; and only a word as long as a
URL may break anywhere. In Chromium where the page is laid out, in Python where it is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ACTORS, run_process

LONG_URL = "https://example.org/" + "utvarderingar/" * 20 + "x" * 20  # 300 characters
LONG_WORD = ("Arbetsmarknadsutbildningsanordnarupphandlingsregelverks" * 6)[:300]
RLO = "\u202e"


@pytest.fixture(scope="module")
def user_text_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/actors.yaml with a 300-character URL as its title, a 300-character word as
    an actor's label and a right-to-left override left open in another's."""
    text = ACTORS.read_text(encoding="utf-8")
    text = text.replace('title: "Actors and flows, by hand"', f'title: "{LONG_URL}"')
    text = text.replace("{en: Individual, sv: Individen}", f"{{en: {LONG_WORD}, sv: Individen}}")
    text = text.replace("{en: Municipality, sv: Kommunen}",
                        f'{{en: "Municipality{RLO}", sv: Kommunen}}')
    folder = tmp_path_factory.mktemp("user_text")
    scenario = folder / "user_text.yaml"
    scenario.write_text(text, encoding="utf-8")
    page = folder / "user_text.html"
    run = run_process("report", scenario, "-o", page)
    assert run.code == 0, run.stderr
    return page


@pytest.mark.parametrize("width", [375, 1366])
def test_long_words_of_the_scenario_break_and_the_page_keeps_its_width(
        browser: Any, user_text_page: Path, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(user_text_page.as_uri())
    widths = page.evaluate("() => ({page: document.documentElement.scrollWidth, "
                           "room: document.documentElement.clientWidth, "
                           "h1: document.querySelector('h1').getBoundingClientRect().right})")
    assert widths["page"] <= widths["room"], widths
    assert widths["h1"] <= widths["room"], widths
    assert LONG_URL in page.inner_text("h1").replace("\n", "")
    page.close()


# The bounding box of each character of the tool's words after the first marked label in the
# heading that names it: in reading order, each starts right of the one before.
_AFTER_LABEL = """(label) => {
  const heading = [...document.querySelectorAll('h3, caption')]
    .find(h => h.querySelector('bdi.user') && h.textContent.startsWith(label));
  const bdi = heading.querySelector('bdi.user');
  const rest = bdi.nextSibling;
  const lefts = [];
  for (let i = 0; i < rest.textContent.length; i++) {
    const range = document.createRange();
    range.setStart(rest, i); range.setEnd(rest, i + 1);
    const box = range.getBoundingClientRect();
    if (box.width > 0) lefts.push(box.left);
  }
  return {bidi: getComputedStyle(bdi).unicodeBidi, label: bdi.textContent,
          words: rest.textContent, lefts};
}"""


def test_an_open_right_to_left_override_in_a_label_turns_none_of_the_tools_words(
        browser: Any, user_text_page: Path) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(user_text_page.as_uri())
    found = page.evaluate(_AFTER_LABEL, f"Municipality{RLO}")
    page.close()
    assert found["label"] == f"Municipality{RLO}"
    assert found["bidi"] == "isolate"
    assert found["words"] == ": cost and value"
    assert found["lefts"] == sorted(found["lefts"])
    assert len(found["lefts"]) >= len("costandvalue")


def test_the_marks_that_isolate_the_scenarios_words_pair_whatever_it_writes() -> None:
    """A label's own isolates cannot close the tool's early."""
    from nyttocalc.report.page import usertext
    from nyttocalc.report.page.html import typeset

    marked = usertext.isolated("a\u2069b\u2068c\u202e")
    assert marked == "\u2068abc\u202e\u2069"
    assert typeset(f"{marked}: cost") == '<bdi class="user">abc\u202e</bdi>: cost'
    assert typeset("<b> & x") == "&lt;b&gt; &amp; x"


def test_only_a_word_as_long_as_a_url_may_break_anywhere() -> None:
    """A party's name breaks between words only; a run of more than LONGEST_WORD characters
    (a URL, a hostile label) anywhere, so that a table holding it still fits the page."""
    from nyttocalc.report.page.usertext import LONGEST_WORD, bdi

    assert bdi("Arbetsförmedlingen", "user") == '<bdi class="user">Arbetsförmedlingen</bdi>'
    assert bdi(f"Ett {'x' * LONGEST_WORD}", "user") == (
        f'<bdi class="user">Ett {"x" * LONGEST_WORD}</bdi>')
    assert bdi(LONG_WORD, "user") == f'<bdi class="user long">{LONG_WORD}</bdi>'
    assert bdi(f'<span class="fig">{LONG_URL}</span>', attributes=' lang="en"') == (
        f'<bdi class="long" lang="en"><span class="fig">{LONG_URL}</span></bdi>')
