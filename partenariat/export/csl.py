"""CSL-JSON: the input format of Zotero, Pandoc and every CSL processor, so a student can
import the bibliography and cite it in any style (CSL 1.0.2 variables and types)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from partenariat.checks.load import Corpus
from partenariat.data.models import LegalText, Source
from partenariat.derive.biblio import BibRecord, Name, all_records, record_for
from partenariat.export.common import title_of

CSL_TYPES = {
    "livre": "book",
    "chapitre": "chapter",
    "article": "article-journal",
    "numero-revue": "periodical",
    "entree-dictionnaire": "entry-dictionary",
    "communication": "speech",  # "paper-conference" when published in proceedings
    "diaporama": "speech",
    "synthese-atelier": "report",
    "dossier": "report",
    "memoire": "thesis",
    "rapport": "report",
    "page-web": "webpage",
    "texte-officiel": "document",
    "non-precise": "document",
    "convention": "document",
    "legal": "legislation",
}

# The place of a talk is where it was given; elsewhere, where the work was published.
_EVENT_TYPES = {"speech", "paper-conference"}


def csl_type(record: BibRecord) -> str:
    return "paper-conference" if record.in_proceedings else CSL_TYPES[record.category]


def _name(name: Name) -> dict[str, str]:
    if name.is_body:
        return {"literal": name.literal or ""}
    out = {"family": name.family or ""}
    if name.given:
        out["given"] = name.given
    return out


def _date(value: dt.date | None, year: int | None) -> dict[str, list[list[int]]] | None:
    if value:
        return {"date-parts": [[value.year, value.month, value.day]]}
    if year:
        return {"date-parts": [[year]]}
    return None


def csl_item(record: BibRecord) -> dict[str, Any]:
    """One CSL-JSON item (a dict ready for json.dumps)."""
    kind = csl_type(record)
    item: dict[str, Any] = {"id": record.id, "citation-key": record.id, "type": kind, "language": "fr",
                            "title": title_of(record)}
    optional: dict[str, Any] = {
        "title-short": record.title_short,
        "author": [_name(n) for n in record.authors] or None,
        "editor": [_name(n) for n in record.editors] or None,
        "issued": _date(record.date, record.year),
        "container-title": record.container,
        "collection-title": record.collection,
        "event-title": record.event,
        "volume": record.volume,
        "issue": record.issue,
        "page": record.pages,
        "number": record.number,
        "genre": record.genre,
        "publisher": record.publisher,
        "event-place" if kind in _EVENT_TYPES else "publisher-place": record.place,
        "URL": record.url,
        "accessed": _date(record.accessed, None),
        "note": record.notes(),
        "abstract": record.abstract,
    }
    if record.is_legal:
        optional["jurisdiction"] = "FR"
    item.update({k: v for k, v in optional.items() if v})
    return item


def dumps(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def bibliography_csl(corpus: Corpus) -> str:
    """Every source and legal text as one CSL-JSON array."""
    return dumps([csl_item(r) for r in all_records(corpus)])


def entry_csl(corpus: Corpus, entity: Source | LegalText | str) -> str:
    """One source or legal text (entity or id) as a CSL-JSON array of one item: a file of its own."""
    return dumps([csl_item(record_for(corpus, entity))])
