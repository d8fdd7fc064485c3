"""Who publishes the site: the body named as the author of every page citation (« Citer cette
page ») and of the exports that speak for the site (feed, JSON-LD, Moodle and question files).

One place: ``extra.publisher`` in mkdocs.yml, read here without MkDocs so that the hook, the
`render` and `export` commands and the tests agree. Unset, no body is invented: a citation
begins with the page title (ISO 690's rule for a work without author) and the feed names the
site itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from partenariat.base.messages import msg
from partenariat.base.problems import Problem
from partenariat.checks.safetext import unsafe_in

CONFIG_FILE = "mkdocs.yml"
FIELD = "extra.publisher"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: its tags (``!ENV SITE_URL``, ``!!python/name:…``) read as null."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@cache
def _read(path: Path, mtime: float) -> object:
    try:
        config = yaml.load(path.read_text("utf-8"), Loader=_ConfigLoader)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError):
        return None
    extra = config.get("extra") if isinstance(config, dict) else None
    return extra.get("publisher") if isinstance(extra, dict) else None


def _raw(root: Path) -> object:
    path = root / CONFIG_FILE
    return _read(path, path.stat().st_mtime) if path.is_file() else None


def site_publisher(root: Path) -> str | None:
    """The configured publisher, or None (unset, empty, or refused by `publisher_problems`)."""
    value = _raw(root)
    if not isinstance(value, str) or not value.strip() or unsafe_in(value):
        return None
    return " ".join(value.split())


def publisher_problems(root: Path) -> list[Problem]:
    """A publisher that is not plain text is refused at its line of mkdocs.yml."""
    value = _raw(root)
    if value is None or (isinstance(value, str) and not value.strip()):
        return []
    path = root / CONFIG_FILE
    line = next((n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1)
                 if text.strip().startswith("publisher:")), 0)
    if not isinstance(value, str):
        return [Problem(CONFIG_FILE, line, FIELD, msg("not-text"), msg("publisher-fix"))]
    found = unsafe_in(value)
    return [Problem(CONFIG_FILE, line, FIELD, *found)] if found else []
