"""Objects every step of the pipeline shares (render, export, search, macros): the build
context, titles, names, French dates and sort keys. They live here, below render/ and
export/, so that neither imports the other."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel

from partenariat.base.dates import MONTHS as MONTHS
from partenariat.base.dates import fr_date as fr_date
from partenariat.base.folding import sort_key as sort_key  # the one folding helper, re-exported for render and export
from partenariat.base.french import conditional
from partenariat.base.reads import not_recording, note
from partenariat.checks.load import Corpus
from partenariat.data import vocab
from partenariat.data.entities import BY_NAME
from partenariat.data.models import Author, Concept, Definition, Relation, Source
from partenariat.data.notes import strip_notes
from partenariat.data.refs import TEXT_LINK
from partenariat.derive.addresses import Addresses
from partenariat.derive.changes import History, read_history
from partenariat.derive.comparisons import Comparison, read_comparisons
from partenariat.derive.edition import Edition
from partenariat.derive.index import Index
from partenariat.derive.mdtext import md_blocks, md_inline

SITE_TITLE = "Le partenariat dans le travail social"
# Cached properties of a Context that a view with another link prefix shares (Context.with_prefix)
PREFIX_FREE = ("history", "definers", "comparisons")



def blocks(text: str) -> str:
    """Quoted running text (a law's alineas) as Markdown paragraphs and lists, escaped
    (`mdtext.md_blocks`); a `[[type:id]]` in it is shown as written, not linked."""
    return md_blocks(text, lambda type_name, entity_id, label: md_inline(
        f"[[{type_name}:{entity_id}{'|' + label if label else ''}]]"))


def quotations_title(shown: list[Definition]) -> str:
    """« Définitions », or « Citations » when none of them defines the notion (a remark, a
    question…), « Définitions et citations » when both."""
    defining = sum(d.is_definition for d in shown)
    return "Définitions" if defining == len(shown) else "Citations" if not defining else "Définitions et citations"


def entity_title(type_name: str, entity: BaseModel) -> str:
    """The title a page, a link or an export shows for an entity (a source without a title
    is shown as it is cited)."""
    etype = BY_NAME[type_name]
    value = getattr(entity, etype.title_field) or ""
    if type_name == "source" and not value:
        value = getattr(entity, "cited_as", "")
    return str(value)


def link_label(corpus: Corpus, match: re.Match[str]) -> str:
    """What a `[[type:id|label]]` link reads as without its link: the label, else the title."""
    type_name, entity_id, label = match.group(1), match.group(2).strip(), match.group(3)
    if label:
        return label.strip()
    return entity_title(type_name, corpus.get(type_name, entity_id))


def relation_phrase(relation: Relation) -> str:
    """« est une condition de », or « serait une condition de » when the source reports the
    relation at a distance (`reported`)."""
    phrase = vocab.RELATIONS[relation.relation]
    return conditional(phrase) if relation.reported else phrase


def plain_text(corpus: Corpus, value: str | None) -> str:
    """Running text as one plain line: links become their label (or the title of their target),
    source notes are dropped. Here, below render/ and export/, because the bibliographic
    record needs it too."""
    if not value:
        return ""
    return " ".join(TEXT_LINK.sub(lambda m: link_label(corpus, m), strip_notes(value)).split())


def html_attribute_text(text: str) -> str:
    """Text for a place that MkDocs and Material treat as HTML and print unescaped: the page
    title (`<title>`, header, nav) and the description (an attribute of `<meta>`). The
    apostrophe stays as typed: those attributes are double-quoted."""
    return html.escape(text, quote=False).replace('"', "&quot;")


# Text safe as the label of a Markdown link, or anywhere inside a line: THE inline escaping.
escape_label = md_inline


# "12", "15-16", "99, 106": page numbers. Anything else ("Partie 1", "diapositive 22") is a
# part or a slide and is printed as the source names it, never after « p. ».
PAGE_NUMBERS = re.compile(r"\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*")

# Where the seed cites a work without giving its title ("Damon (2001)"): said, never made up.
UNTITLED = "[titre non précisé dans la source]"


def locator(value: str) -> str:
    """« p. 12 » before page numbers only; a locator that is not a page stays as written."""
    value = " ".join(value.split())
    return f"p. {value}" if PAGE_NUMBERS.fullmatch(value) else value


@dataclass(frozen=True)
class Name:
    """A person (family, given) or a body (literal), as references and exports name them;
    `id` is the author entry it comes from (for links)."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None
    id: str | None = None

    @property
    def is_body(self) -> bool:
        return self.literal is not None

    @property
    def natural(self) -> str:
        """« Fabrice Dhume » for a person (given name first, as options and credits show it), the
        name for a body."""
        if self.is_body or not self.family:
            return self.literal or ""
        return f"{self.given} {self.family}" if self.given else self.family

    @property
    def cited(self) -> str:
        """« DHUME Fabrice » for a person (as in French bibliographies), the name for a body."""
        if self.is_body or not self.family:
            return self.literal or ""
        return f"{self.family.upper()} {self.given}" if self.given else self.family.upper()


def name_of(author: Author) -> Name:
    """The one rule for whether an author entry is named as a person or as a body."""
    if author.kind == "personne" and author.family:
        return Name(family=author.family, given=author.given, id=author.id)
    return Name(literal=author.name, id=author.id)


def person_name(author: Author) -> str:
    """« DHUME Fabrice » for a person, the name for a body."""
    return name_of(author).cited


def author_name(corpus: Corpus, author_id: str) -> str:
    """`person_name` of an author given by id."""
    return person_name(corpus.one_of("author", author_id, Author))


@dataclass
class Context:
    """One build: the corpus, its backlinks, and how addresses are written."""

    corpus: Corpus
    index: Index
    # Generated pages sit one folder deep ("../"); macros in docs/ link from the docs root ("/").
    prefix: str = "../"
    # MkDocs' use_directory_urls: raw HTML links (inside SVG) are written for the URL style in use.
    directory_urls: bool = True
    # The published address (MkDocs' site_url), '' when unknown (local build, offline copy).
    base_url: str = ""
    # The edition of this build (date and short commit), stated in every citation.
    edition: Edition | None = None
    # The hand-written pages (docs/), relative to the corpus root: the comparison pages live there.
    docs_dir: str = "docs"

    @cached_property
    def addresses(self) -> Addresses:
        return Addresses(self.directory_urls, self.base_url)

    @cached_property
    def history(self) -> History:
        """The git history of the data files, read once per build (« Nouveautés » and its feed)."""
        return read_history(self.corpus.root)

    @cached_property
    def comparisons(self) -> list[Comparison]:
        """The comparison pages of docs/comparer/ (their problems are reported by `check`)."""
        return read_comparisons(self.corpus.root / self.docs_dir, self.corpus.root)[0]

    @cached_property
    def definers(self) -> dict[str, set[str]]:
        """Author id → ids of the concepts they define (the definition's author, else the
        source's authors). Computed once per build: pages ask it for every author
        (`defined_by`, which notes what each reads)."""
        out: dict[str, set[str]] = {}
        with not_recording():
            for concept in self.corpus.all_of("concept", Concept):
                for d in concept.definitions:
                    if not d.is_definition:  # a remark, a question, a law's text: no one defines the notion
                        continue
                    authors = [d.author] if d.author else self.corpus.one_of("source", d.source, Source).authors
                    for author in authors:
                        out.setdefault(author, set()).add(concept.id)
        return out

    def defined_by(self, author_id: str) -> set[str]:
        """Ids of the concepts ``author_id`` defines."""
        note(("definers", author_id))
        return self.definers.get(author_id, set())

    def html_href(self, type_name: str, entity_id: str, from_path: str) -> str:
        """URL of an entity page relative to the page built from ``from_path`` (docs-relative .md)."""
        return self.addresses.href(type_name, entity_id, from_path)

    def entity(self, type_name: str, entity_id: str) -> BaseModel:
        return self.corpus.get(type_name, entity_id)

    def title(self, type_name: str, entity_id: str) -> str:
        return entity_title(type_name, self.entity(type_name, entity_id))

    def link(self, type_name: str, entity_id: str, label: str | None = None, anchor: str = "") -> str:
        """Markdown link to an entity page (checked by MkDocs in strict mode)."""
        path = self.addresses.md_link(type_name, entity_id, anchor, self.prefix)
        return f"[{md_inline(label or self.title(type_name, entity_id))}]({path})"

    def index_link(self, type_name: str, anchor: str = "") -> str:
        return self.addresses.md_link(type_name, None, anchor, self.prefix)

    def links(self, type_name: str, ids: Iterable[str], sep: str = ", ") -> str:
        return sep.join(self.link(type_name, i) for i in ids)

    def text(self, value: str | None) -> str:
        """Running text from the data as Markdown that can only be text (`mdtext.md_blocks`):
        `[[type:id|label]]` becomes a link to the entry's page, every markup character is escaped;
        source notes are dropped (the concept page's « En bref » numbers them: render/concept.py)."""
        if not value:
            return ""
        return md_blocks(strip_notes(value), self.link)

    def with_prefix(self, prefix: str) -> Context:
        """The same build seen from pages whose links start with ``prefix``; what does not
        depend on the prefix (the data's history, the definers) is computed once and shared."""
        view = Context(self.corpus, self.index, prefix, self.directory_urls, self.base_url, self.edition,
                       self.docs_dir)
        for name in PREFIX_FREE:
            view.__dict__[name] = getattr(self, name)
        return view
