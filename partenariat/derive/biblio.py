"""One neutral bibliographic record per source or legal text, read once from the data.

The site's references (render/cite.py), CSL-JSON, RIS and BibTeX only differ in names and
syntax: what a record inherits from the work that holds it (`part_of`), how a body is named,
which date is the access date, is decided here once, so they always say the same thing.
It sits beside core.py, below render/ and export/, which both read it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from partenariat.checks.load import Corpus
from partenariat.data import vocab
from partenariat.data.models import Author, LegalText, Source
from partenariat.derive.core import UNTITLED, Name, fr_date, name_of, plain_text, sort_key

__all__ = ["IN_BOOK", "BibRecord", "Name", "all_records", "legal_record", "name_of", "record_for", "source_record"]

# Types whose `container`/`part_of` is the book (with editors) that holds them.
IN_BOOK = {"chapitre", "entree-dictionnaire"}


@dataclass
class BibRecord:
    """What the three bibliographic formats write about one work, already resolved."""

    id: str
    category: str  # a key of vocab.SOURCE_TYPES, or "legal"
    title: str | None  # None: the sources give no title (never a placeholder in its place)
    accessed: dt.date  # the entry's `reviewed` date: when the site last checked the work
    title_short: str | None = None
    authors: list[Name] = field(default_factory=list)
    editors: list[Name] = field(default_factory=list)
    year: int | None = None
    date: dt.date | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    place: str | None = None
    collection: str | None = None
    event: str | None = None
    url: str | None = None
    online: str | None = None
    abstract: str | None = None
    genre: str | None = None
    number: str | None = None  # legal texts: "2002-2"
    legal_kind: str | None = None  # legal texts: a key of vocab.LEGAL_KINDS
    # An anonymous, untitled work: how the seed designates it (« Synthèse de l'atelier 6 »),
    # said in the note, never as a title.
    designation: str | None = None

    @property
    def is_legal(self) -> bool:
        return self.category == "legal"

    @property
    def has_title(self) -> bool:
        return self.title is not None

    @property
    def shown_title(self) -> str:
        """The title every reference and export writes: the work's own, else « [titre non précisé
        dans la source] », after the seed's designation of an anonymous work. How the seed cites
        a work (« Damon (2001) ») is never written as its title."""
        if self.title is not None:
            return self.title
        return f"{self.designation} {UNTITLED}" if self.designation else UNTITLED

    @property
    def untitled_note(self) -> str | None:
        """What every citation and export says of a work whose title the sources do not give,
        outside the title: « Titre non précisé dans les documents sources. »"""
        if self.has_title:
            return None
        if self.designation:
            return "Document sans auteur ; titre non précisé dans les documents sources."
        return "Titre non précisé dans les documents sources."

    def notes(self) -> str | None:
        """The note of the exports: the missing title, where the work is online."""
        parts = [self.untitled_note, f"En ligne : {self.online}" if self.online else None]
        return " ".join(p for p in parts if p) or None

    @property
    def in_proceedings(self) -> bool:
        """A talk published in proceedings (it has a container), not only given."""
        return self.category == "communication" and bool(self.container)

    def page_range(self) -> tuple[str, str | None] | None:
        """(first, last) for "149-162"; (whole text, None) for "8" or "99, 106"."""
        if not self.pages:
            return None
        match = re.fullmatch(r"\s*(\w+)\s*[-–—]+\s*(\w+)\s*", self.pages)
        return (match.group(1), match.group(2)) if match else (self.pages.strip(), None)

    def legal_label(self) -> str:
        """« Loi n° 2002-2 du 2 janvier 2002 »."""
        label = vocab.LEGAL_KINDS[self.legal_kind or "loi"]
        if self.number:
            label += f" n° {self.number}"
        if self.date:
            label += f" du {fr_date(self.date)}"
        return label


# Shown by citation styles after the title ("[Support d'intervention]"); the types that
# citation styles already name (book, article, chapter, web page) need none.
GENRES = {
    "communication": "Communication",
    "diaporama": "Support d'intervention",
    "synthese-atelier": "Synthèse d'atelier",
    "dossier": "Dossier documentaire",
    "rapport": "Rapport",
    "texte-officiel": "Texte officiel",
    "convention": "Convention",
}


def _genre(source: Source) -> str | None:
    if source.type == "memoire":
        # The vocabulary joins both; the id (stable, chosen by editors) tells which it is.
        return "Thèse" if "these" in source.id.split("-") else "Mémoire"
    return GENRES.get(source.type)


def source_record(corpus: Corpus, source: Source) -> BibRecord:
    parent = corpus.one_of("source", source.part_of, Source) if source.part_of else None

    def names(ids: list[str]) -> list[Name]:
        return [name_of(corpus.one_of("author", i, Author)) for i in ids]

    container = source.container
    editors = names(source.editors)
    publisher, place = source.publisher, source.place
    if parent is not None:
        if not container:
            # An article inside a themed issue: the journal; a chapter: the book.
            container = parent.container if parent.type == "numero-revue" and parent.container else parent.title
        if source.type in IN_BOOK:
            editors = editors or names(parent.editors)
            publisher = publisher or parent.publisher
            place = place or parent.place
    return BibRecord(
        id=source.id,
        category=source.type,
        title=source.title,
        accessed=source.reviewed,
        authors=names(source.authors),
        editors=editors,
        year=source.year or (source.date.year if source.date else None),
        date=source.date,
        container=container,
        volume=source.volume,
        issue=source.issue,
        pages=source.pages,
        publisher=publisher,
        place=place,
        collection=source.collection,
        event=" ".join(source.event.split()) if source.event else None,
        url=source.url,
        online=source.online,
        abstract=plain_text(corpus, source.summary) or None,
        genre=_genre(source),
        designation=source.cited_as if not source.title and not source.authors else None,
    )


def legal_record(corpus: Corpus, text: LegalText) -> BibRecord:
    return BibRecord(
        id=text.id,
        category="legal",
        title=" ".join(text.title.split()),
        title_short=text.short_title,
        accessed=text.reviewed,
        year=text.date.year,
        date=text.date,
        url=text.url or text.official_url,
        abstract=plain_text(corpus, text.summary) or None,
        genre=vocab.LEGAL_KINDS[text.kind],
        number=text.number,
        legal_kind=text.kind,
    )


def _sort_key(record: BibRecord) -> tuple[int, str, int, str]:
    lead = record.authors[0] if record.authors else None
    name = (lead.family or lead.literal or "") if lead else (record.title or record.designation or record.id)
    return (1 if record.is_legal else 0, sort_key(name), record.year or 0, record.id)


def all_records(corpus: Corpus) -> list[BibRecord]:
    """Every source, then every legal text: sources by first author and year, laws by date."""
    records = sorted((source_record(corpus, s) for s in corpus.all_of("source", Source)), key=_sort_key)
    laws = sorted(corpus.all_of("legal", LegalText), key=lambda t: (t.date, t.id))
    return records + [legal_record(corpus, t) for t in laws]


def record_for(corpus: Corpus, entity: Source | LegalText | str) -> BibRecord:
    """The record of one source or legal text (an entity, or its id: sources first)."""
    if isinstance(entity, str):
        if entity not in corpus.records["source"]:
            return legal_record(corpus, corpus.one_of("legal", entity, LegalText))
        entity = corpus.one_of("source", entity, Source)
    if isinstance(entity, LegalText):
        return legal_record(corpus, entity)
    return source_record(corpus, entity)
