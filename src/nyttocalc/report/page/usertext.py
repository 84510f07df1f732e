"""The scenario's own words in the report page, kept apart from the tool's.

A label, a title, a description or a quote is written by whoever wrote the scenario, in any
script and with any character: a right-to-left override (U+202E) left open in a label would
turn the tool's words after it around ("Municipality eulav dna tsoc :"), and a URL as the title
is one word as wide as the page. The report marks each such text with the Unicode isolates
FSI … PDI (U+2068, U+2069), which is what they are for: where the page can hold markup, each
marked text becomes a ``<bdi>``, which may break anywhere where a word of it is as long as a URL
(``bdi``); where it cannot (a title bar, an attribute, a chart's text), the isolates themselves
keep it apart. The marks are added to the model's and the run's texts before the page's
printouts are built, so every table title and heading that names an actor, a state or a group
carries them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from nyttocalc.core.ledger import SOCIETY_LABELS
from nyttocalc.core.model import Model
from nyttocalc.run import Citation, RunInfo, Said, SourceInfo

if TYPE_CHECKING:
    from nyttocalc.scenario.load import LoadedScenario

FSI, PDI = "\u2068", "\u2069"
_ISOLATES = re.compile("[\u2066-\u2069]")  # LRI, RLI, FSI, PDI: the user's would unbalance ours
_MARKED = re.compile(f"{FSI}([^{PDI}]*){PDI}")


def isolated(text: str) -> str:
    """``text`` between FSI and PDI (its own isolates left out, so ours pair); empty stays."""
    return f"{FSI}{_ISOLATES.sub('', text)}{PDI}" if text else text


def as_bdi(markup: str) -> str:
    """HTML in which each marked part of the scenario's words is a ``<bdi class="user">``."""
    return _MARKED.sub(lambda m: bdi(m.group(1), "user"), markup)


# A word longer than this (a URL, a run of characters with no space) may break anywhere, so that
# even a table column that holds it fits the page; a shorter one, a party's name, breaks only
# between words: marked to break anywhere, a table on a narrow page split "Kommune" / "n".
LONGEST_WORD = 30
_TAG = re.compile(r"<[^>]*>")


def bdi(html: str, classes: str = "", attributes: str = "") -> str:
    """``html`` (the scenario's words, escaped and typeset) in a ``<bdi>``, of class ``long``
    where a word of it is longer than ``LONGEST_WORD``."""
    if any(len(word) > LONGEST_WORD for word in _TAG.sub(" ", html).split()):
        classes = f"{classes} long".strip()
    class_attribute = f' class="{classes}"' if classes else ""
    return f"<bdi{class_attribute}{attributes}>{html}</bdi>"


def isolated_scenario(loaded: LoadedScenario) -> LoadedScenario:
    """The scenario with its model's labels marked (``isolated_model``), before any analysis,
    so that every result that names a party carries the marks."""
    return replace(loaded, model=isolated_model(loaded.model))


def isolated_model(model: Model) -> Model:
    """The model with the label of every perspective, actor, state and group marked (not the
    tool's own words for society)."""
    perspectives = tuple(replace(p, labels=p.labels if p.labels == SOCIETY_LABELS
                                 else _marked(p.labels)) for p in model.perspectives)
    ledger = model.ledger
    if ledger is not None:
        ledger = replace(ledger, actors={k: _marked(v) for k, v in ledger.actors.items()},
                         states={k: replace(s, labels=_marked(s.labels))
                                 for k, s in ledger.states.items()})
    outcomes = model.outcomes
    if outcomes is not None:
        outcomes = replace(outcomes, groups=tuple(replace(g, labels=_marked(g.labels))
                                                  for g in outcomes.groups))
    return replace(model, perspectives=perspectives, ledger=ledger, outcomes=outcomes)


def _marked(labels: Mapping[str, str]) -> dict[str, str]:
    return {lang: isolated(text) for lang, text in labels.items()}


def isolated_run(run: RunInfo) -> RunInfo:
    """The run with the file's name, the title and every text the scenario gives (inputs'
    names, descriptions, assumptions and formulas, sources, citations, claims' quotes) marked;
    a text keeps the language it is in (``Said``)."""
    def cited(citation: Citation | None) -> Citation | None:
        return citation and Citation(citation.document, isolated(citation.section),
                                     isolated(citation.quote))

    inputs = tuple(replace(i, description=_said(i.description), source=cited(i.source),
                           assumption=i.assumption and _said(i.assumption),
                           formula=i.formula and isolated(i.formula),
                           name=i.name and _said(i.name))
                   for i in run.inputs)
    sources = tuple(SourceInfo(s.key, isolated(s.title), s.author and isolated(s.author), s.year,
                               s.where and isolated(s.where)) for s in run.sources)
    claims = {key: replace(c, section=isolated(c.section), quote=isolated(c.quote),
                           printed=isolated(c.printed), label=c.label and _said(c.label),
                           note=c.note and _said(c.note))
              for key, c in run.claims.items()}
    assumptions = tuple(replace(a, reason=_said(a.reason)) for a in run.assumptions)
    return replace(run, file=isolated(run.file), title=_said(run.title), inputs=inputs,
                   sources=sources, claims=claims, assumptions=assumptions)


def _said(text: Said) -> Said:
    return Said(isolated(text), text.lang)
