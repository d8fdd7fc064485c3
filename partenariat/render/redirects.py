"""The pages left at a renamed page's old address (redirects.yaml), in French.

mkdocs-redirects writes them after the build from an English template (« Redirecting... »,
`lang="en"`, « You're being redirected to a new destination »); each is written again here
with the same target, in French, and, in the offline copy, pointing at the target's
`index.html`, which a browser opens from file:// (a folder address would show a file list).
"""

from __future__ import annotations

import re
from html import escape

from partenariat.render.offline import to_file

_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')


def redirect_target(html: str) -> str | None:
    """The address a redirect page sends to (its canonical link), or None if it is not one."""
    match = _CANONICAL.search(html)
    return match.group(1) if match and 'http-equiv="refresh"' in html else None


def french_redirect(target: str, offline: bool = False) -> str:
    """A redirect page to ``target`` (relative to the page): meta refresh, script keeping the
    anchor, and a link for whoever has neither."""
    href = escape(to_file(target) if offline else target)
    script_target = href.replace("\\", "\\\\").replace('"', '\\"')
    return ("<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>Page déplacée</title>\n"
            f'<link rel="canonical" href="{href}">\n'
            f'<script>var anchor=window.location.hash.substr(1);location.href="{script_target}"+(anchor?"#"+anchor:"")'
            "</script>\n"
            f'<meta http-equiv="refresh" content="0; url={href}">\n</head>\n<body>\n'
            f'<p>Cette page a changé d\'adresse : <a href="{href}">ouvrir sa nouvelle adresse</a>.</p>\n'
            "</body>\n</html>\n")
