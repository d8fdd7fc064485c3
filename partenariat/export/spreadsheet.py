"""CSV for handouts: trainers open it in Excel or LibreOffice to print or filter a list.

French Excel expects `;` as separator and only reads accents right when the file starts
with a UTF-8 byte order mark, so the text returned here starts with U+FEFF.
"""

from __future__ import annotations

import csv
import io

from partenariat.checks.load import Corpus
from partenariat.data import vocab
from partenariat.data.models import Acronym, Concept
from partenariat.derive.core import sort_key
from partenariat.export.common import entry_address, plain_text

BOM = "\ufeff"
ACRONYM_HEADER = ["Sigle", "Signification", "Remplacement ou suppression", "Autres sens", "Domaine", "Description",
                  "Voir aussi", "Adresse"]
CONCEPT_HEADER = ["Notion", "Famille", "Résumé", "Autres formes", "Adresse"]


# Excel and LibreOffice read a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """Text that a spreadsheet shows as text: a leading apostrophe keeps a formula inert."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value



def _csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[csv_cell(v) for v in row] for row in rows])
    return BOM + buffer.getvalue()


def glossary_csv(corpus: Corpus, base_url: str = "") -> str:
    """One row per acronym, sorted A–Z: Sigle;Signification;Remplacement ou suppression (« remplacée par
    la DDETS le 1er avril 2021 », empty for a body that still exists);Autres sens (of the same letters,
    « ; » between them);Domaine;Description;Voir aussi;Adresse."""
    entries: list[Acronym] = sorted(corpus.all_of("glossary", Acronym), key=lambda e: sort_key(e.acronym))
    rows = [[e.acronym, e.shown_expansion, e.ended.phrase(exact=True) if e.ended else "", " ; ".join(e.other_meanings),
             vocab.GLOSSARY_DOMAINS[e.domain], plain_text(corpus, e.description),
             ", ".join(corpus.one_of("glossary", i, Acronym).acronym for i in e.see_also),
             entry_address("glossary", e.id, base_url)] for e in entries]
    return _csv(ACRONYM_HEADER, rows)


def concepts_csv(corpus: Corpus, base_url: str = "") -> str:
    """One row per notion, sorted A–Z: Notion;Famille;Résumé;Autres formes;Adresse."""
    concepts: list[Concept] = sorted(corpus.all_of("concept", Concept), key=lambda c: sort_key(c.term))
    rows = [[c.term, vocab.CONCEPT_FAMILIES[c.family], plain_text(corpus, c.summary), ", ".join(c.aliases),
             entry_address("concept", c.id, base_url)] for c in concepts]
    return _csv(CONCEPT_HEADER, rows)
