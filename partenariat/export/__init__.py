"""Exports of the site's data for other tools: Moodle glossaries, CSV handouts, the
bibliography as CSL-JSON, RIS and BibTeX (whole and per entry), and schema.org JSON-LD.

Every format is a pure function of the corpus (one small module each); `build_exports`
lists every file with its site-relative path, so the MkDocs hook and
`python -m partenariat export DIR` produce the same files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from partenariat.checks.load import Corpus
from partenariat.data.models import Curriculum, LegalText, Source
from partenariat.derive.addresses import (
    ENTRY_EXPORT_TYPES,
    FLASHCARDS_FILE,
    FLASHCARDS_PACKAGE,
    NEWS_FEED,
    QUESTION_BANK_FILES,
    Addresses,
    curriculum_question_files,
    export_path,
    pack_question_files,
)
from partenariat.derive.changes import entry_changes
from partenariat.derive.core import Context
from partenariat.derive.edition import read_edition
from partenariat.derive.publisher import site_publisher
from partenariat.derive.questions import build_questions, competencies, corpus_questions_for
from partenariat.export.anki import anki_package
from partenariat.export.bibtex import bibliography_bibtex, entry_bibtex
from partenariat.export.bundles import bundle_files
from partenariat.export.common import corpus_of, entry_address
from partenariat.export.csl import bibliography_csl, entry_csl
from partenariat.export.feed import atom_feed
from partenariat.export.jsonld import jsonld_for, jsonld_script
from partenariat.export.moodle import moodle_concepts_xml, moodle_glossary_xml
from partenariat.export.quiz import anki_csv, by_kind, competency_categories, gift, moodle_quiz_xml
from partenariat.export.ris import bibliography_ris, entry_ris
from partenariat.export.spreadsheet import concepts_csv, glossary_csv

__all__ = [
    "ANKI_FILE", "QUESTION_FILES", "ExportFile", "anki_csv", "bibliography_bibtex", "bibliography_csl",
    "bibliography_ris", "build_exports", "concepts_csv", "entry_bibtex", "entry_csl", "entry_ris", "entry_export_paths",
    "gift", "glossary_csv", "jsonld_for", "jsonld_script", "moodle_concepts_xml", "moodle_glossary_xml",
    "moodle_quiz_xml", "entry_address", "question_exports", "write_exports",
]

# Per-entry bibliographic files sit next to the entry's page: bibliographie/<id>.bib
ENTRY_FORMATS = {"json": entry_csl, "ris": entry_ris, "bib": entry_bibtex}


QUESTION_FILES = QUESTION_BANK_FILES
ANKI_FILE = FLASHCARDS_FILE


@dataclass(frozen=True)
class ExportFile:
    path: str  # relative to the output folder (the site root), e.g. "bibliographie/damon-2009.ris"
    content: str | bytes  # text is written as UTF-8 (the CSV files start with their byte order mark); zips as bytes


def entry_export_paths(type_name: str, entity_id: str) -> dict[str, str]:
    """Extension → site-relative path of the files of one source or legal text, for its page's links."""
    return {ext: export_path(type_name, entity_id, ext) for ext in ENTRY_FORMATS}


def build_exports(source: Corpus | Context, base_url: str = "") -> list[ExportFile]:
    """Every export file. ``base_url`` (MkDocs' ``site_url``) makes the page addresses written
    into the glossaries and CSV files absolute; without it they are relative to the site root."""
    corpus = corpus_of(source)
    files = [
        ExportFile("glossaire-moodle.xml", moodle_glossary_xml(corpus, base_url)),
        ExportFile("concepts-moodle.xml", moodle_concepts_xml(corpus, base_url)),
        ExportFile("glossaire.csv", glossary_csv(corpus, base_url)),
        ExportFile("concepts.csv", concepts_csv(corpus, base_url)),
        ExportFile("bibliographie.json", bibliography_csl(corpus)),
        ExportFile("bibliographie.ris", bibliography_ris(corpus)),
        ExportFile("bibliographie.bib", bibliography_bibtex(corpus)),
        ExportFile(NEWS_FEED, _feed(source, base_url)),
        *question_exports(corpus, base_url),
    ]
    for type_name in ENTRY_EXPORT_TYPES:
        for entity_id in sorted(corpus.records[type_name]):
            entity = corpus.get(type_name, entity_id)
            assert isinstance(entity, (Source, LegalText)), f"{type_name} has no bibliographic record"
            for ext, path in entry_export_paths(type_name, entity_id).items():
                files.append(ExportFile(path, ENTRY_FORMATS[ext](corpus, entity)))
    files += [ExportFile(path, data) for path, data in bundle_files(corpus, [(f.path, f.content) for f in files])]
    return files


def _feed(source: Corpus | Context, base_url: str) -> str:
    """The Atom feed of new and revised entries (« Nouveautés »), links under ``base_url``."""
    corpus = corpus_of(source)
    directory_urls = source.directory_urls if isinstance(source, Context) else True
    edition = (source.edition if isinstance(source, Context) else None) or read_edition(corpus.root)
    history = source.history if isinstance(source, Context) else None  # read once per build
    return atom_feed(corpus, entry_changes(corpus, history), edition, Addresses(directory_urls, base_url))


def question_exports(corpus: Corpus, base_url: str = "") -> list[ExportFile]:
    """The question bank by kind (Moodle XML, GIFT), per curriculum by competency, per
    competency (beside its pack page), and the Anki flashcards (package and CSV)."""
    bank = build_questions(corpus)
    groups = by_kind(bank)
    publisher = site_publisher(corpus.root)
    files = [ExportFile(QUESTION_FILES["xml"], moodle_quiz_xml(groups, base_url, publisher)),
             ExportFile(QUESTION_FILES["gift"], gift(groups, base_url, publisher)),
             ExportFile(ANKI_FILE, anki_csv(corpus)),
             ExportFile(FLASHCARDS_PACKAGE, anki_package(corpus))]
    per_curriculum: dict[str, list[tuple[str, list]]] = {}
    shorts = {c.id: c.short for c in corpus.all_of("curriculum", Curriculum)}
    categories = competency_categories(shorts, competencies(corpus))
    for competency, category in categories.items():
        group = [(category, corpus_questions_for(corpus, competency.concepts))]
        per_curriculum.setdefault(competency.curriculum, []).extend(group)
        paths = pack_question_files(competency.curriculum, competency.anchor)
        files += [ExportFile(paths["xml"], moodle_quiz_xml(group, base_url, publisher)),
                  ExportFile(paths["gift"], gift(group, base_url, publisher))]
    for curriculum_id, groups_of in per_curriculum.items():
        paths = curriculum_question_files(curriculum_id)
        files += [ExportFile(paths["xml"], moodle_quiz_xml(groups_of, base_url, publisher)),
                  ExportFile(paths["gift"], gift(groups_of, base_url, publisher))]
    return files


def write_exports(source: Corpus | Context, out_dir: Path | str, base_url: str = "") -> list[Path]:
    """Write every export file under ``out_dir``; returns the paths written."""
    out = Path(out_dir)
    written = []
    for export in build_exports(source, base_url):
        target = out / export.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(export.content, bytes):  # the zips and the Anki package
            target.write_bytes(export.content)
            written.append(target)
            continue
        # newline="" keeps the CRLF of RIS and CSV as they are, on every platform.
        with target.open("w", encoding="utf-8", newline="") as handle:
            handle.write(export.content)
        written.append(target)
    return written
