"""A scenario's texts in the reader's language: plain text is in the file's own language; a
text given as ``{en: …, sv: …}`` in either or both."""

from __future__ import annotations

import re

from nyttocalc.run import Said
from nyttocalc.scenario.schema import Words


def said(text: str | Words, lang: str, default: str) -> Said:
    """``text`` in ``lang`` if the scenario gives it so, else in the language it has: plain
    text is in the scenario's ``default`` language."""
    if isinstance(text, str):
        return Said(text, default)
    chosen = getattr(text, lang)
    if chosen is not None:
        return Said(chosen, lang)
    other = next(code for code in ("en", "sv") if getattr(text, code) is not None)
    return Said(getattr(text, other), other)


def short_name(label: Said | None, description: Said) -> Said:
    """An input's name in words: its label, or its description up to the first full stop."""
    if label is not None:
        return label
    first = re.split(r"(?<=[^.\s]{2})\.(?:\s|$)", description, maxsplit=1)[0]
    return Said(first.rstrip(":;, "), description.lang)
