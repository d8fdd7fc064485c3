"""Publication: the published address, and the offline copy offered for download.

The address comes from the environment (`SITE_URL=https://… make site`, read by mkdocs.yml);
without it the site claims no address. The publication job (`make publish`) builds the
offline copy first, zips it, and hands the zip to the online build through
`PARTENARIAT_OFFLINE_ZIP`; « Formateurs » then links to it.
"""

from __future__ import annotations

import os
from pathlib import Path

from partenariat.derive.addresses import OFFLINE_ZIP


def published_url(site_url: str | None, serving: bool = False) -> str:
    """The site's published address ending in "/", or "" when unknown. `mkdocs serve` sets
    site_url to its own local address, which is not where the site is published."""
    if serving or not site_url:
        return ""
    return site_url.rstrip("/") + "/"


def offline_zip() -> Path | None:
    """The zipped offline copy to publish with the site, if the publication job made one."""
    value = os.environ.get("PARTENARIAT_OFFLINE_ZIP", "")
    path = Path(value) if value else None
    return path if path and path.is_file() else None


def offline_download(archive: Path | None) -> str:
    """Markdown for « Formateurs »: the download link, or how to make the copy."""
    if os.environ.get("OFFLINE", "").lower() == "true":
        return "Vous consultez en ce moment cette copie hors ligne."
    if archive is None:
        return ("Sur le site publié, elle se télécharge ici sous forme d'archive zip ; "
                "depuis les fichiers du projet, la commande `make offline` la produit.")
    size = f"{archive.stat().st_size / 1_000_000:.1f}".replace(".", ",")
    return (f"[Télécharger la copie hors ligne (zip, {size} Mo)](/{OFFLINE_ZIP}) : "
            "décompressez l'archive, puis ouvrez `index.html` dans le dossier obtenu.")
