"""Links to export files (Moodle XML, CSV, CSL-JSON, RIS, BibTeX…) download them.

Without the `download` attribute a browser opens an XML or JSON file as raw code in the tab;
with it, the file is saved under a name of its own on the site (`bts-esf-questions.gift`, not
`questions.gift` like the whole bank), ready for Moodle or Zotero. From `file://` (the offline
copy) browsers ignore the attribute, but always save a zip: there, each link points at the
file alone in a zip named after it (partenariat.export.bundles.single_file_zip).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from urllib.parse import urljoin, urlsplit

from partenariat.derive.addresses import download_name, single_zip_path

_LINK = re.compile(r"<a\b([^>]*?)\bhref=\"([^\"]+)\"([^>]*)>")
_BASE = "http://site.invalid/"


def target_path(href: str, page_url: str) -> str | None:
    """Site-relative path of a relative link from the page at ``page_url`` (None if external)."""
    parts = urlsplit(urljoin(_BASE + page_url, href))
    if f"{parts.scheme}://{parts.netloc}/" != _BASE:
        return None
    return parts.path[len("/"):]


def mark_downloads(html: str, page_url: str, export_paths: Collection[str], zipped: bool = False) -> str:
    """Add `download="<name>"` to every link of ``html`` that points at an export file; with
    ``zipped`` (the offline copy) the link points at the file's zip instead (`….xml.zip`)."""
    def replace(match: re.Match[str]) -> str:
        before, href, after = match.groups()
        path = target_path(href, page_url)
        if path is None or path not in export_paths or re.search(r"\bdownload\b", before + after):
            return match.group(0)
        if zipped and posixpath.splitext(path)[1] != ".zip":
            zip_href = "../" * page_url.count("/") + single_zip_path(path)
            return f'<a{before}href="{zip_href}" download="{download_name(path)}.zip"{after}>'
        return f'<a{before}href="{href}" download="{download_name(path)}"{after}>'

    return _LINK.sub(replace, html)
