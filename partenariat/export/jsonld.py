"""schema.org JSON-LD for a page: search engines and library tools read what a page is about
(a defined term of a glossary, a book, a law) without parsing its layout.

`jsonld_for` returns a plain dict; `jsonld_script` wraps it in the `<script>` tag a page
template can insert as is.
"""

from __future__ import annotations

import json
from typing import Any

from partenariat.checks.load import Corpus
from partenariat.data import vocab
from partenariat.data.entities import BY_NAME
from partenariat.data.models import Acronym, Author, Concept, Entity, LegalText, Source
from partenariat.derive.addresses import Addresses, source_path
from partenariat.derive.biblio import IN_BOOK, BibRecord, Name, record_for, source_record
from partenariat.derive.core import Context, entity_title, sort_key
from partenariat.derive.publisher import site_publisher
from partenariat.export.common import SITE_TITLE, corpus_of, plain_text, title_of

CONTEXT = "https://schema.org"

SET_NAMES = {"concept": f"Concepts — {SITE_TITLE}", "glossary": f"Glossaire des sigles — {SITE_TITLE}"}

SCHEMA_TYPES = {
    "livre": "Book",
    "chapitre": "Chapter",
    "article": "ScholarlyArticle",
    "numero-revue": "PublicationIssue",
    "entree-dictionnaire": "CreativeWork",
    "communication": "CreativeWork",
    "diaporama": "PresentationDigitalDocument",
    "synthese-atelier": "Report",
    "dossier": "Report",
    "memoire": "Thesis",
    "rapport": "Report",
    "page-web": "WebPage",
    "texte-officiel": "CreativeWork",
    "non-precise": "CreativeWork",
    "convention": "CreativeWork",
}


class _Urls:
    """Page addresses: absolute under the published address; without it, relative to the page
    the JSON-LD is embedded in (``here``), since JSON-LD resolves relative IRIs against it."""

    def __init__(self, addresses: Addresses, here: str) -> None:
        self.addresses, self.here = addresses, here

    def __call__(self, type_name: str, entity_id: str | None = None) -> str:
        return self.addresses.from_page(type_name, entity_id, self.here)


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def _term_set(type_name: str, url: _Urls) -> dict[str, Any]:
    return {"@type": "DefinedTermSet", "@id": url(type_name), "name": SET_NAMES[type_name]}


def _person(author: Author, url: _Urls) -> dict[str, Any]:
    if author.kind == "personne":
        return _clean({"@type": "Person", "@id": url("author", author.id), "name": author.name,
                       "familyName": author.family, "givenName": author.given})
    return _clean({"@type": "Organization", "@id": url("author", author.id), "name": author.name,
                   "alternateName": author.acronym})


def _people(corpus: Corpus, names: list[Name], url: _Urls) -> list[dict[str, Any]]:
    """The record's names as schema.org people or organisations (each comes from an author entry)."""
    return [_person(corpus.one_of("author", n.id, Author), url) for n in names if n.id]


def _concept(corpus: Corpus, c: Concept, url: _Urls) -> dict[str, Any]:
    cited = dict.fromkeys(d.source for d in c.definitions)
    return {"@type": "DefinedTerm", "@id": url("concept", c.id), "url": url("concept", c.id), "name": c.term,
            "alternateName": c.aliases, "description": plain_text(corpus, c.summary),
            "inDefinedTermSet": _term_set("concept", url), "dateModified": c.reviewed.isoformat(),
            "citation": [{"@type": "CreativeWork", "@id": url("source", s),
                          "name": title_of(record_for(corpus, s))} for s in cited]}


def _acronym(corpus: Corpus, e: Acronym, url: _Urls) -> dict[str, Any]:
    description = e.full_expansion + (". " + plain_text(corpus, e.description) if e.description else "")
    names = [e.expansion, *e.variants] if e.expansion else e.variants  # an undeveloped acronym has no other name
    return {"@type": "DefinedTerm", "@id": url("glossary", e.id), "url": url("glossary", e.id), "name": e.acronym,
            "termCode": e.acronym, "alternateName": names, "description": description,
            "inDefinedTermSet": _term_set("glossary", url), "dateModified": e.reviewed.isoformat()}


def _host(source: Source, record: BibRecord) -> dict[str, Any] | None:
    """The journal issue, book or site holding a work, nested the schema.org way."""
    if not record.container:
        return None
    if source.type == "article":
        host: dict[str, Any] = {"@type": "Periodical", "name": record.container}
        if record.volume:
            host = {"@type": "PublicationVolume", "volumeNumber": record.volume, "isPartOf": host}
        if record.issue:
            host = {"@type": "PublicationIssue", "issueNumber": record.issue, "isPartOf": host}
        return host
    if source.type == "numero-revue":
        return {"@type": "Periodical", "name": record.container}
    if source.type in IN_BOOK:
        return {"@type": "Book", "name": record.container}
    return {"@type": "CreativeWork", "name": record.container}


def _source(corpus: Corpus, s: Source, url: _Urls) -> dict[str, Any]:
    record = source_record(corpus, s)
    pages = record.page_range()
    data: dict[str, Any] = {
        "@type": SCHEMA_TYPES[s.type], "@id": url("source", s.id), "url": url("source", s.id),
        "name": title_of(record), "genre": vocab.SOURCE_TYPES[s.type], "description": record.untitled_note,
        "author": _people(corpus, record.authors, url),
        "editor": _people(corpus, record.editors, url),  # a chapter's are its book's, as in RIS and CSL
        "datePublished": s.date.isoformat() if s.date else (str(s.year) if s.year else None),
        "isPartOf": _host(s, record),
        "publisher": {"@type": "Organization", "name": record.publisher} if record.publisher else None,
        "pagination": record.pages, "sameAs": s.url, "abstract": record.abstract,
        "dateModified": s.reviewed.isoformat(), "inLanguage": "fr",
    }
    if s.type == "numero-revue" and s.issue:
        data["issueNumber"] = s.issue
    if pages and pages[1]:
        data.update(pageStart=pages[0], pageEnd=pages[1])
    return data


def _legal(corpus: Corpus, t: LegalText, url: _Urls) -> dict[str, Any]:
    return {"@type": "Legislation", "@id": url("legal", t.id), "url": url("legal", t.id),
            "name": " ".join(t.title.split()), "alternateName": t.short_title,
            "legislationIdentifier": t.number, "legislationDate": t.date.isoformat(),
            "legislationType": vocab.LEGAL_KINDS[t.kind], "legislationJurisdiction": "FR",
            "sameAs": t.official_url or t.url, "abstract": plain_text(corpus, t.summary),
            "about": [{"@type": "DefinedTerm", "@id": url("concept", c), "name": corpus.one_of("concept", c, Concept).term}
                      for c in t.concepts],
            "dateModified": t.reviewed.isoformat(), "inLanguage": "fr"}


def _other(corpus: Corpus, type_name: str, entity: Entity, url: _Urls) -> dict[str, Any]:
    entity_id = entity.id
    summary = getattr(entity, "summary", None)
    return {"@type": "CreativeWork", "@id": url(type_name, entity_id), "url": url(type_name, entity_id),
            "name": entity_title(type_name, entity), "genre": BY_NAME[type_name].singular,
            "abstract": plain_text(corpus, summary) if isinstance(summary, str) else None,
            "dateModified": entity.reviewed.isoformat(), "inLanguage": "fr"}


def _index(corpus: Corpus, type_name: str, url: _Urls) -> dict[str, Any]:
    if type_name in SET_NAMES:
        title = "term" if type_name == "concept" else "acronym"
        members = sorted(corpus.entities(type_name), key=lambda e: sort_key(getattr(e, title)))
        return {"@type": "DefinedTermSet", "@id": url(type_name), "url": url(type_name),
                "name": SET_NAMES[type_name], "inLanguage": "fr",
                "hasDefinedTerm": [{"@type": "DefinedTerm", "@id": url(type_name, e.id),
                                    "name": getattr(e, title)} for e in members]}
    return {"@type": "CollectionPage", "@id": url(type_name), "url": url(type_name),
            "name": f"{BY_NAME[type_name].section} — {SITE_TITLE}", "inLanguage": "fr"}


def jsonld_for(type_name: str, entity: Entity | None, ctx: Context | Corpus, base_url: str = "") -> dict[str, Any]:
    """schema.org JSON-LD of the page of ``entity`` (of type ``type_name``), or of the index page
    of that type when ``entity`` is None. ``base_url`` is MkDocs' ``site_url`` (recommended:
    search engines want absolute addresses); without it, @id and url are relative to the page."""
    corpus = corpus_of(ctx)
    addresses = ctx.addresses if isinstance(ctx, Context) else Addresses()
    if base_url:
        addresses = Addresses(addresses.directory_urls, base_url)
    url = _Urls(addresses, source_path(type_name, getattr(entity, "id", None)))
    if entity is None:
        data = _index(corpus, type_name, url)
    elif isinstance(entity, Concept):
        data = _concept(corpus, entity, url)
    elif isinstance(entity, Acronym):
        data = _acronym(corpus, entity, url)
    elif isinstance(entity, Source):
        data = _source(corpus, entity, url)
    elif isinstance(entity, LegalText):
        data = _legal(corpus, entity, url)
    elif isinstance(entity, Author):
        data = _person(entity, url)
    else:
        data = _other(corpus, type_name, entity, url)
    publisher = site_publisher(corpus.root)
    page = {"@context": CONTEXT, **_clean(data)}
    if publisher:  # the body that publishes the page (mkdocs.yml extra.publisher)
        page["sdPublisher"] = {"@type": "Organization", "name": publisher}
    return page


def jsonld_script(data: dict[str, Any]) -> str:
    """The `<script type="application/ld+json">` element for a page's HTML head or body."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # No markup character inside the script element: `</script>` would close it early and
    # `<!--` would change how the browser reads it. JSON reads \u003c as '<'.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'
