"""The same workbook, byte for byte, from the same scenario: no clock in the file.

openpyxl stamps a workbook with the time it was made (``docProps/core.xml``: created, modified)
and Python's zipfile stamps each entry with the time it was written. Both get one instant
instead: ``SOURCE_DATE_EPOCH`` where it is set (the reproducible-builds convention: whole seconds
since 1970-01-01 UTC), else 1980-01-01 00:00 UTC, the earliest time a zip entry can carry; an
instant outside what a zip entry can carry (1980–2107) is taken as the nearest it can.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from datetime import UTC, datetime

from nyttocalc.errors import NyttocalcError

EARLIEST = datetime(1980, 1, 1, tzinfo=UTC)
LATEST = datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC)


def instant(environ: Mapping[str, str]) -> datetime:
    """The time a workbook says it was made: ``SOURCE_DATE_EPOCH``'s, else 1980-01-01.

    >>> instant({}).isoformat(), instant({"SOURCE_DATE_EPOCH": "1700000000"}).isoformat()
    ('1980-01-01T00:00:00+00:00', '2023-11-14T22:13:20+00:00')
    """
    given = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not given:
        return EARLIEST
    if not given.isascii() or not given.lstrip("-").isdigit():
        raise NyttocalcError(
            f"SOURCE_DATE_EPOCH is {given[:40]!r}, which is not a time: give whole seconds since "
            "1970-01-01 UTC (such as 1700000000), or leave it unset for a fixed date.")
    seconds = int(given)
    earliest, latest = (int(t.timestamp()) for t in (EARLIEST, LATEST))
    return datetime.fromtimestamp(min(max(seconds, earliest), latest), UTC)


def with_fixed_times(data: bytes, when: datetime) -> bytes:
    """The zip archive ``data`` with every entry stamped ``when`` (UTC), in the same order,
    with the same contents, compressed again the same way wherever it is made."""
    stamp = when.astimezone(UTC).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3  # as written on Unix, wherever it is written
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry))
    return out.getvalue()
