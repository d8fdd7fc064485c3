"""BibTeX: for the students and trainers who write with LaTeX (biblatex or classic BibTeX).

Entry types are the classic ones (biblatex aliases them), plus `@online` for web pages.
Text stays UTF-8 (biber, or `inputenc`); LaTeX's special characters are escaped, bodies
are wrapped in braces so BibTeX never splits them into first and last names.
"""

from __future__ import annotations

import re

from partenariat.checks.load import Corpus
from partenariat.data.models import LegalText, Source
from partenariat.derive.biblio import BibRecord, Name, all_records, record_for
from partenariat.export.common import title_of

_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
             "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_SPECIAL_RE = re.compile("|".join(re.escape(c) for c in _SPECIALS))


def escape(text: str) -> str:
    """Plain text → BibTeX field text: LaTeX specials escaped, whitespace collapsed."""
    return _SPECIAL_RE.sub(lambda m: _SPECIALS[m.group(0)], " ".join(text.split()))


def escape_url(url: str) -> str:
    """URLs are read verbatim by biblatex and `url.sty`: only unbalanced braces need care."""
    return url.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def bibtex_type(record: BibRecord) -> str:
    category = record.category
    if category == "livre":
        return "book"
    if category in {"chapitre", "entree-dictionnaire"}:
        return "incollection"
    if category == "article":
        return "article"
    if category == "communication":
        return "inproceedings"
    if category == "memoire":
        return "phdthesis" if record.genre == "Thèse" else "mastersthesis"
    if category in {"rapport", "dossier", "synthese-atelier"}:
        return "techreport"
    if category == "page-web":
        return "online"
    return "misc"


def _name(name: Name) -> str:
    if name.is_body:
        return "{" + escape(name.literal or "") + "}"
    return escape(f"{name.family}, {name.given}" if name.given else name.family or "")


def bibtex_entry(record: BibRecord) -> str:
    """One BibTeX entry; its key is the id of the source or legal text, unchanged."""
    kind = bibtex_type(record)
    fields: list[tuple[str, str]] = []

    def add(key: str, value: str | None, raw: bool = False) -> None:
        if value:
            fields.append((key, value if raw else escape(value)))

    if record.authors:
        add("author", " and ".join(_name(n) for n in record.authors), raw=True)
    if record.editors:
        add("editor", " and ".join(_name(n) for n in record.editors), raw=True)
    add("title", title_of(record))
    add("shorttitle", record.title_short)
    if kind == "article":
        add("journal", record.container)
    elif kind in {"incollection", "inproceedings"}:
        add("booktitle", record.container or record.event)
    elif record.container:
        add("howpublished", record.container)
    if (kind == "inproceedings" and record.container) or record.category == "diaporama":
        add("eventtitle", record.event)
    if kind == "misc" and not record.container and record.is_legal:
        add("howpublished", record.legal_label())
    add("year", str(record.year) if record.year else None)
    add("date", record.date.isoformat() if record.date else None)
    add("volume", record.volume)
    add("number", record.issue or record.number)
    pages = record.page_range()
    if pages:
        add("pages", f"{pages[0]}--{pages[1]}" if pages[1] else pages[0])
    if kind in {"mastersthesis", "phdthesis"}:
        add("school", record.publisher)
    elif kind == "techreport":
        institution = record.publisher or next((n.literal for n in record.authors if n.is_body), None)
        add("institution", institution)
    else:
        add("publisher", record.publisher)
    add("address", record.place)
    add("series", record.collection)
    add("type", record.genre)
    if record.url:
        add("url", escape_url(record.url), raw=True)
    add("urldate", record.accessed.isoformat())
    add("note", record.notes())
    add("abstract", record.abstract)
    add("langid", "french")
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields)
    return f"@{kind}{{{record.id},\n{body}\n}}\n"


def bibliography_bibtex(corpus: Corpus) -> str:
    """Every source and legal text as one .bib file."""
    return "\n".join(bibtex_entry(r) for r in all_records(corpus))


def entry_bibtex(corpus: Corpus, entity: Source | LegalText | str) -> str:
    """One source or legal text (entity or id) as a .bib file of its own."""
    return bibtex_entry(record_for(corpus, entity))
