"""Read a document that a scenario quotes: plain text or Markdown, UTF-8.

PDF is not read: text extraction from PDF (line order, hyphenation, ligatures, footnotes) is
not reliable enough to judge quotes by; convert it once (e.g. ``pdftotext -layout``), check the
text, and keep that text beside the scenario.
"""

from __future__ import annotations

from pathlib import Path

from nyttocalc.documents.text import SourceText
from nyttocalc.errors import NyttocalcError
from nyttocalc.files import FileProblem, read_regular, shown_name

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_HINT = "give the report as plain text or Markdown (UTF-8)"


class DocumentError(NyttocalcError):
    """A document that cannot be read; ``str()`` is the one-paragraph message."""


def read_document(key: str, path: Path, given: str) -> SourceText:
    """The document at ``path``, as ``SourceText``; ``given`` says where the path came from
    (``--document KEY=PATH`` or a source's ``path``), for the message."""
    name = shown_name(path)
    try:
        raw = read_regular(path, MAX_DOCUMENT_BYTES)
    except FileProblem as exc:
        raise DocumentError(f"{given}: {exc}; {TEXT_HINT}.") from None
    if path.suffix.lower() == ".pdf" or raw.startswith(b"%PDF-"):
        raise DocumentError(f"{given}: {name} is a PDF, which check does not read; convert "
                            "it to text once (e.g. pdftotext -layout report.pdf report.txt) "
                            f"and give that file: {TEXT_HINT}.")
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"{given}: {name} is larger than "
                            f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB; {TEXT_HINT}.")
    if b"\x00" in raw:
        raise DocumentError(f"{given}: {name} is a binary file, not text; {TEXT_HINT}.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DocumentError(f"{given}: {name}, line {line}: the file is not UTF-8 text (byte "
                            f"0x{raw[exc.start]:02X} at offset {exc.start}); save it as "
                            "UTF-8.") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(key, str(path), text, path.suffix.lower() in MARKDOWN_SUFFIXES)
