"""The offline copy (USB stick, classroom): same files and relative paths as the online site.

Material's offline plugin switches MkDocs to `page.html` files, so a trainer's deep link
`glossaire/` would become `glossaire.html` offline. We keep directory URLs instead (same
layout as online: `concepts/reseau/index.html`) and rewrite the links that end in `/` to end
in `/index.html`, which a browser can open from `file://`. The same is done to the search
index, so search results open too.
"""

from __future__ import annotations

import json
import re

_HREF = re.compile(r'(\b(?:href|xlink:href)=")([^"]*)(")')


def to_file(url: str) -> str:
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^/|^#", url):  # external, absolute or same-page
        return url
    cut = min((i for i in (url.find("#"), url.find("?")) if i >= 0), default=len(url))
    path, rest = url[:cut], url[cut:]
    if path.rsplit("/", 1)[-1] in (".", ".."):  # the home page from two folders down is `../..`
        path += "/"
    if path.endswith("/"):
        path += "index.html"
    return path + rest


def rewrite_html(html: str) -> str:
    """Every relative link to a directory (`../reseau/`) points at its `index.html`."""
    return _HREF.sub(lambda m: m.group(1) + to_file(m.group(2)) + m.group(3), html)


def rewrite_search_index(text: str) -> str:
    """The documents of a search file (the index, or one of its shards) open from file://."""
    index = json.loads(text)
    for doc in index.get("docs", []):
        doc["location"] = to_file(doc["location"]) if doc["location"] else "index.html"
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
