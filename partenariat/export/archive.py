"""Zip archives the exports need: byte for byte the same for the same files (entries sorted,
a fixed date, fixed permissions), so that a rebuild changes an archive only when a file in it
changed. Used by the Anki package (an .apkg is a zip) and the download bundles."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


def zip_bytes(entries: Iterable[tuple[str, bytes | str]]) -> bytes:
    """A deflated zip of (name, content) pairs, sorted by name; text is written as UTF-8."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in sorted(entries, key=lambda entry: entry[0]):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # rw-r--r--, whoever extracts it
            info.create_system = 3  # Unix, so that the permissions above are read
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()
