"""Every address of the site, in one place: pages, indexes, anchors, export files, in the
three forms the site needs.

- **Sources** (`concepts/reseau.md`): what Markdown links point to; MkDocs resolves them
  into the URL style in use and checks them in strict mode.
- **URLs** (`concepts/reseau/`, or `concepts/reseau.html` without directory URLs): what raw
  HTML (SVG boxes, JSON-LD, the search index) must carry, since MkDocs never rewrites it.
  The offline copy keeps directory URLs and rewrites them to `…/index.html` after the build
  (partenariat.render.offline), so every URL here is written in the directory style when offline.
- **Absolute addresses** (`https://…/concepts/reseau/`): only when the published address
  (``base_url``, MkDocs' ``site_url``) is known; otherwise nothing claims an address.

Render, export, search, macros, urls and the hooks all ask an :class:`Addresses`; no other
module builds a page path.
"""

from __future__ import annotations

from dataclasses import dataclass

from partenariat.data.entities import BY_NAME

# Per-entry bibliographic files sit next to the entry's page: bibliographie/<id>.ris
ENTRY_EXPORT_EXTENSIONS = ("ris", "bib", "json")
ENTRY_EXPORT_TYPES = ("source", "legal")

# Pages and files of the publication (partenariat.derive.changes, partenariat.derive.publish)
NEWS_PAGE = "nouveautes.md"  # « Nouveautés »
NEWS_FEED = "nouveautes.xml"  # its Atom feed, at the site root
OFFLINE_ZIP = "telechargements/partenariat-hors-ligne.zip"  # the offline copy, made by `make publish`


def folder_of(type_name: str) -> str:
    """French URL folder of an entity type ('concept' → 'concepts')."""
    return BY_NAME[type_name].url


def source_path(type_name: str, entity_id: str | None = None) -> str:
    """Docs-relative Markdown file of an entity page, or of its type's index page."""
    return f"{folder_of(type_name)}/{entity_id or 'index'}.md"


def source_path_id(md_path: str, type_name: str) -> str | None:
    """The entity id of a docs-relative page of ``type_name`` ('glossaire/cpom.md' → 'cpom'),
    or None for any other page."""
    folder, _, name = md_path.partition("/")
    if folder != folder_of(type_name) or "/" in name or not name.endswith(".md") or name == "index.md":
        return None
    return name[: -len(".md")]


def extra_page_path(type_name: str, file_name: str) -> str:
    """Docs-relative Markdown file of a page of a section other than its index and entries
    ('glossary', 'a-imprimer.md' → 'glossaire/a-imprimer.md')."""
    return f"{folder_of(type_name)}/{file_name}"


def entry_url(type_name: str, entity_id: str | None = None) -> str:
    """Site-relative URL of an entity page (or its type's index), directory style: the key of
    search results and of the manifest ('concepts/reseau/')."""
    return url_of_source(source_path(type_name, entity_id))


def source_of_url(url: str, has_own_folder: bool) -> str:
    """Directory-style URL → docs-relative Markdown file ('concepts/' → 'concepts/index.md',
    'formateurs/' → 'formateurs.md'); ``has_own_folder``: the page is a folder's index."""
    stem = url.strip("/")
    if not stem:
        return "index.md"
    return f"{stem}/index.md" if has_own_folder else f"{stem}.md"


def comparison_path(slug: str) -> str:
    """Docs-relative Markdown file of a hand-written comparison page (docs/comparer/)."""
    return f"comparer/{slug}.md"


def url_of_source(md_path: str, directory_urls: bool = True) -> str:
    """Docs-relative Markdown path → site-relative URL ('concepts/reseau.md' → 'concepts/reseau/').
    The home page is ''."""
    stem = md_path[: -len(".md")]
    if directory_urls:
        if stem == "index":
            return ""
        return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"
    return stem + ".html"


def export_path(type_name: str, entity_id: str, ext: str) -> str:
    """Site-relative path of one bibliographic file of a source or legal text."""
    return f"{folder_of(type_name)}/{entity_id}.{ext}"


# The question bank and the flashcards (partenariat.export.quiz, .anki), at the site root.
QUESTION_BANK_FILES = {"xml": "questions-moodle.xml", "gift": "questions.gift"}
FLASHCARDS_FILE = "cartes-anki.csv"
FLASHCARDS_PACKAGE = "cartes-anki.apkg"

# Zip bundles of the exports (partenariat.export.bundles), beside the offline copy.
DOWNLOADS = "telechargements"


def bundle_path(slug: str) -> str:
    """Site-relative path of a bundle: `telechargements/partenariat-moodle.zip`."""
    return f"{DOWNLOADS}/partenariat-{slug}.zip"


def single_zip_path(path: str) -> str:
    """Site-relative path of an export alone in a zip (the offline copy links to it), named
    after the export's download name, since from file:// the address gives the saved name:
    `telechargements/fichiers/bts-esf-questions.xml.zip`."""
    return f"{DOWNLOADS}/fichiers/{download_name(path)}.zip"


def download_name(path: str) -> str:
    """The name an export is saved under, unique across the site: its own name for the files
    at the root, the bibliographic files (`damon-2009.ris`) and the bundles; prefixed by their
    curriculum for the question files of a curriculum, which share their names from one
    curriculum to the next (`bts-esf-questions.gift`, `bts-esf-c4-1-questions.xml`)."""
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == folder_of("curriculum"):
        return f"{parts[1]}-{parts[2]}"
    return parts[-1]


def pack_path(curriculum_id: str, anchor: str) -> str:
    """Docs-relative Markdown file of a competency pack, beside its curriculum's page
    (`referentiels/bts-esf/c4-1.md` → `referentiels/bts-esf/c4-1/`)."""
    return f"{folder_of('curriculum')}/{curriculum_id}/{anchor}.md"


def pack_question_files(curriculum_id: str, anchor: str) -> dict[str, str]:
    """Format → site-relative path of the question files of one competency, beside its pack."""
    stem = f"{folder_of('curriculum')}/{curriculum_id}/{anchor}-questions"
    return {"xml": f"{stem}.xml", "gift": f"{stem}.gift"}


def curriculum_question_files(curriculum_id: str) -> dict[str, str]:
    """Format → site-relative path of the questions of every competency of a curriculum."""
    stem = f"{folder_of('curriculum')}/{curriculum_id}/questions"
    return {"xml": f"{stem}.xml", "gift": f"{stem}.gift"}


def _anchor(anchor: str) -> str:
    return f"#{anchor}" if anchor else ""


@dataclass(frozen=True)
class Addresses:
    """The addresses of one build: its URL style and, when known, its published address."""

    directory_urls: bool = True
    base_url: str = ""

    # -- Markdown links (checked by MkDocs) ---------------------------------------------------
    def md_link(self, type_name: str, entity_id: str | None = None, anchor: str = "", prefix: str = "../") -> str:
        """Markdown link target from a page of ``prefix`` depth ('../' for generated pages,
        '/' for hand-written pages in docs/, resolved from the docs root)."""
        return prefix + source_path(type_name, entity_id) + _anchor(anchor)

    def md_file_link(self, path: str, prefix: str = "../") -> str:
        """Markdown link to a site file that is not a page (an export)."""
        return prefix + path

    # -- site-relative URLs (raw HTML, search index, exports) --------------------------------
    def url(self, type_name: str, entity_id: str | None = None, anchor: str = "") -> str:
        """Site-relative URL of an entity page or of its type's index page."""
        return url_of_source(source_path(type_name, entity_id), self.directory_urls) + _anchor(anchor)

    def url_of_page(self, md_path: str) -> str:
        """Site-relative URL of any page given by its Markdown source."""
        return url_of_source(md_path, self.directory_urls)

    def up_from(self, md_path: str) -> str:
        """The '../' that leads from the page built from ``md_path`` back to the site root."""
        return "../" * self.url_of_page(md_path).count("/")

    def href(self, type_name: str, entity_id: str | None, from_md_path: str, anchor: str = "") -> str:
        """URL of an entity page relative to the page built from ``from_md_path``, for raw HTML."""
        return self.up_from(from_md_path) + self.url(type_name, entity_id, anchor)

    # -- absolute addresses (only when the published address is known) -----------------------
    def absolute(self, site_path: str) -> str | None:
        """``base_url`` + a site-relative path, or None when the site's address is unknown."""
        if not self.base_url:
            return None
        return self.base_url.rstrip("/") + "/" + site_path

    def absolute_or_relative(self, type_name: str, entity_id: str | None = None) -> str:
        """Absolute when the published address is known, else site-relative: for exports,
        which leave the site and are read against no page."""
        relative = self.url(type_name, entity_id)
        return self.absolute(relative) or relative

    def from_page(self, type_name: str, entity_id: str | None, here_md_path: str) -> str:
        """Absolute when known, else relative to the page ``here_md_path`` (JSON-LD resolves
        relative IRIs against the page it is embedded in)."""
        return self.absolute(self.url(type_name, entity_id)) or self.href(type_name, entity_id, here_md_path)
