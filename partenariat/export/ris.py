"""RIS: the tagged format every reference manager imports (Zotero, EndNote, Mendeley), and
the one library catalogues and trainers' tools most often expect.

Written here rather than with rispy, on purpose: rispy is the independent reader the tests
parse these files with (tests/test_cite.py, tests/test_exports.py), and a file written and
read by the same library would hide its mistakes; its writer also orders tags by its own
mapping and ends lines with LF, where this one keeps the record's order (TY first, ER last)
and the specification's CRLF. The format is a line per tag, so the writer stays small.
"""

from __future__ import annotations

import datetime as dt

from partenariat.checks.load import Corpus
from partenariat.data.models import LegalText, Source
from partenariat.derive.biblio import BibRecord, Name, all_records, record_for
from partenariat.export.common import title_of

RIS_TYPES = {
    "livre": "BOOK",
    "chapitre": "CHAP",
    "article": "JOUR",
    "numero-revue": "JFULL",
    "entree-dictionnaire": "CHAP",
    "communication": "CONF",
    "diaporama": "SLIDE",
    "synthese-atelier": "RPRT",
    "dossier": "RPRT",
    "memoire": "THES",
    "rapport": "RPRT",
    "page-web": "ELEC",
    "texte-officiel": "GOVDOC",
    "non-precise": "GEN",
    "convention": "GEN",
    "legal": "STAT",
}

EOL = "\r\n"  # the RIS specification's line ending; readers accept it everywhere


def _name(name: Name) -> str:
    if name.is_body:
        return name.literal or ""
    return f"{name.family}, {name.given}" if name.given else name.family or ""


def _date(value: dt.date) -> str:
    return f"{value.year:04d}/{value.month:02d}/{value.day:02d}/"


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}{EOL}"


def ris_record(record: BibRecord) -> str:
    """One RIS record, from TY to ER."""
    lines = [_line("TY", RIS_TYPES[record.category]), _line("ID", record.id)]
    lines += [_line("AU", _name(n)) for n in record.authors]
    lines += [_line("A2", _name(n)) for n in record.editors]
    lines.append(_line("TI", title_of(record)))
    if record.title_short:
        lines.append(_line("ST", record.title_short))
    # T2: the journal, book, site or proceedings; for a talk without proceedings, its event.
    host = record.container or (record.event if record.category in {"communication", "diaporama"} else None)
    if host:
        lines.append(_line("T2", host))
    if record.collection:
        lines.append(_line("T3", record.collection))
    if record.year:
        lines.append(_line("PY", str(record.year)))
    if record.date:
        lines.append(_line("DA", _date(record.date)))
    for tag, value in (("VL", record.volume), ("IS", record.issue)):
        if value:
            lines.append(_line(tag, value))
    pages = record.page_range()
    if pages:
        lines.append(_line("SP", pages[0]))
        if pages[1]:
            lines.append(_line("EP", pages[1]))
    if record.number:
        lines.append(_line("M1", record.number))
    if record.genre:
        lines.append(_line("M3", record.genre))
    for tag, value in (("PB", record.publisher), ("CY", record.place), ("UR", record.url)):
        if value:
            lines.append(_line(tag, value))
    lines.append(_line("Y2", _date(record.accessed)))
    lines.append(_line("LA", "fr"))
    if record.abstract:
        lines.append(_line("AB", record.abstract))
    if record.untitled_note:
        lines.append(_line("N1", record.untitled_note))
    if record.online:
        lines.append(_line("N1", f"En ligne : {record.online}"))
    return "".join(lines) + f"ER  - {EOL}"


def bibliography_ris(corpus: Corpus) -> str:
    """Every source and legal text as one RIS file (records separated by a blank line)."""
    return EOL.join(ris_record(r) for r in all_records(corpus))


def entry_ris(corpus: Corpus, entity: Source | LegalText | str) -> str:
    """One source or legal text (entity or id) as a RIS file of its own."""
    return ris_record(record_for(corpus, entity))
