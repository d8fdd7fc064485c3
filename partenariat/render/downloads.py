"""Links to export files (Moodle XML, CSV, CSL-JSON, RIS, BibTeX…) download them.

Without the `download` attribute a browser opens an XML or JSON file as raw code in the tab;
with it, the file is saved under its own name and extension, ready for Moodle or Zotero.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from urllib.parse import urljoin, urlsplit

_LINK = re.compile(r"<a\b([^>]*?)\bhref=\"([^\"]+)\"([^>]*)>")
_BASE = "http://site.invalid/"


def target_path(href: str, page_url: str) -> str | None:
    """Site-relative path of a relative link from the page at ``page_url`` (None if external)."""
    parts = urlsplit(urljoin(_BASE + page_url, href))
    if f"{parts.scheme}://{parts.netloc}/" != _BASE:
        return None
    return parts.path[len("/"):]


def mark_downloads(html: str, page_url: str, export_paths: Collection[str]) -> str:
    """Add `download="<file name>"` to every link of ``html`` that points at an export file."""
    def replace(match: re.Match[str]) -> str:
        before, href, after = match.groups()
        if re.search(r"\bdownload\b", before + after) or target_path(href, page_url) not in export_paths:
            return match.group(0)
        name = posixpath.basename(target_path(href, page_url) or "")
        return f'<a{before}href="{href}" download="{name}"{after}>'

    return _LINK.sub(replace, html)
