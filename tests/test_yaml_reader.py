"""The strict YAML reader gives the same data and the same errors with either parser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nyttocalc.scenario import yamlsafe
from tests.conftest import BROKEN, ROOT


def _utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return False  # refused before any parser sees it
    return True


DOCUMENTS = sorted(p for p in [*BROKEN.glob("*.yaml"), *(ROOT / "scenarios").glob("*.yaml")]
                   if _utf8(p))


def outcome(text: str) -> Any:
    try:
        document = yamlsafe.parse(text)
    except yamlsafe.YamlProblem as problem:
        return ("refused", problem.line, problem.path, problem.message)
    return ("read", document.data, document.lines, document.first_line)


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_libyaml_and_pure_python_agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    fast = outcome(text)
    monkeypatch.setattr(yamlsafe, "_EVENTS", yaml.SafeLoader)
    slow = outcome(text)
    if fast[0] == "refused" and fast[3].startswith("this is not valid YAML"):
        # the two parsers word syntax errors differently; the place must agree
        assert (slow[0], slow[1]) == (fast[0], fast[1])
    else:
        assert slow == fast
