"""The exports in zip bundles: a trainer gets a whole group of files, or all of them, in one
click, and from the offline copy too (a browser opens an XML or text file from `file://` in the
tab, whatever the link's `download` attribute says, but always saves a zip).

Each bundle keeps the site's folders inside the archive (`referentiels/bts-esf/questions.xml`),
and is the same bytes for the same files (partenariat.export.archive).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from partenariat.checks.load import Corpus
from partenariat.data.models import Curriculum
from partenariat.derive.addresses import (
    DOWNLOADS,
    ENTRY_EXPORT_TYPES,
    FLASHCARDS_FILE,
    FLASHCARDS_PACKAGE,
    NEWS_FEED,
    QUESTION_BANK_FILES,
    bundle_path,
    curriculum_question_files,
    download_name,
    folder_of,
    single_zip_path,
)
from partenariat.export.archive import zip_bytes

MOODLE_FILES = ("glossaire-moodle.xml", "concepts-moodle.xml", *QUESTION_BANK_FILES.values())
SPREADSHEETS = ("glossaire.csv", "concepts.csv")
WHOLE_BIBLIOGRAPHY = ("bibliographie.json", "bibliographie.ris", "bibliographie.bib")


@dataclass(frozen=True)
class Bundle:
    slug: str  # the archive is telechargements/partenariat-<slug>.zip
    label: str  # what it holds, for « Formateurs »
    holds: Callable[[str], bool]  # site-relative path of an export → is it in the bundle

    @property
    def path(self) -> str:
        return bundle_path(self.slug)


def _in_folder(folder: str) -> Callable[[str], bool]:
    return lambda path: path.startswith(folder)


def _in_folder_of(type_names: Sequence[str]) -> Callable[[str], bool]:
    folders = tuple(f"{folder_of(t)}/" for t in type_names)
    return lambda path: path.startswith(folders)


def bundles(corpus: Corpus) -> list[Bundle]:
    """The bundles, by group of formats, then one per curriculum, then everything."""
    entry_file = _in_folder_of(ENTRY_EXPORT_TYPES)
    curriculum_files = {p for c in corpus.records["curriculum"] for p in curriculum_question_files(c).values()}
    out = [
        Bundle("moodle", "Moodle : les deux glossaires (sigles, notions) et la banque de questions, entière et par "
               "référentiel (XML Moodle et GIFT)", lambda p: p in MOODLE_FILES or p in curriculum_files),
        Bundle("tableurs", "Tableurs : les sigles et les notions en CSV", lambda p: p in SPREADSHEETS),
        Bundle("anki", "Anki : le paquet de cartes (.apkg) et sa version CSV",
               lambda p: p in (FLASHCARDS_PACKAGE, FLASHCARDS_FILE)),
        Bundle("bibliographie", "Bibliographie : entière (CSL-JSON, RIS, BibTeX) et une fiche par source et par "
               "texte juridique", lambda p: p in WHOLE_BIBLIOGRAPHY or entry_file(p)),
    ]
    curricula: list[Curriculum] = sorted(corpus.all_of("curriculum", Curriculum), key=lambda c: c.id)
    for curriculum in curricula:
        out.append(Bundle(f"questions-{curriculum.id}",
                          f"Questions du {curriculum.short} : le fichier du référentiel et celui de chaque "
                          "compétence (XML Moodle et GIFT)", _in_folder(f"{folder_of('curriculum')}/{curriculum.id}/")))
    out.append(Bundle("tout", "Tout : chaque fichier d'export du site, rangé comme sur le site",
                      lambda p: p != NEWS_FEED and not p.startswith(f"{DOWNLOADS}/")))
    return out


def bundle_files(corpus: Corpus, files: Sequence[tuple[str, str | bytes]]) -> list[tuple[str, bytes]]:
    """(path, zip) of every bundle of ``files`` (site-relative path, content)."""
    return [(b.path, zip_bytes([(p, c) for p, c in files if b.holds(p)])) for b in bundles(corpus)]


def single_file_zip(path: str, content: str | bytes) -> tuple[str, bytes]:
    """An export alone in a zip, saved under its download name: what the offline copy links to,
    since a browser would open the file itself in the tab."""
    return single_zip_path(path), zip_bytes([(download_name(path), content)])
