"""Typed models of the seven entity types.

References between entities are declared in the type (``Ref("concept")``), so one walker
(`refs.py`) can check them all and build the backlink index without a hand-kept list.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonDict

from partenariat.base.dates import fr_date
from partenariat.base.messages import msg
from partenariat.data import vocab

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Ref:
    """Marks a field as holding the id of an entity of type ``target``."""

    target: str


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]


# A reference: a slug, marked with the type it points to (read by refs.py and the schemas).
ConceptRef = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), Ref("concept")]
AuthorRef = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), Ref("author")]
SourceRef = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), Ref("source")]
LegalRef = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), Ref("legal")]
GlossaryRef = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), Ref("glossary")]
CaseRef = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), Ref("case")]
CurriculumRef = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), Ref("curriculum")]

Text = Annotated[str, StringConstraints(min_length=1)]


def _choice(values: dict[str, str]) -> object:
    return Literal[tuple(values)]


# Closed lists: a Literal of the vocabulary's keys, built at run time (schemas list them, the
# validator names them). mypy cannot read a Literal built at run time: to it they are str.
if TYPE_CHECKING:
    RelationChoice: TypeAlias = str
    TraitChoice: TypeAlias = str
    FamilyChoice: TypeAlias = str
    AuthorKindChoice: TypeAlias = str
    SourceTypeChoice: TypeAlias = str
    LegalKindChoice: TypeAlias = str
    DomainChoice: TypeAlias = str
    CaseKindChoice: TypeAlias = str
    LevelChoice: TypeAlias = str
    QuoteKindChoice: TypeAlias = str
else:
    RelationChoice = _choice(vocab.RELATIONS)
    TraitChoice = _choice(vocab.TRAITS)
    FamilyChoice = _choice(vocab.CONCEPT_FAMILIES)
    AuthorKindChoice = _choice(vocab.AUTHOR_KINDS)
    SourceTypeChoice = _choice(vocab.SOURCE_TYPES)
    LegalKindChoice = _choice(vocab.LEGAL_KINDS)
    DomainChoice = _choice(vocab.GLOSSARY_DOMAINS)
    CaseKindChoice = _choice(vocab.CASE_KINDS)
    LevelChoice = _choice(vocab.PARTNERSHIP_LEVELS)
    QuoteKindChoice = _choice(vocab.QUOTE_KINDS)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Entity(Model):
    id: Slug
    attested_in: list[SourceRef] = Field(
        min_length=1,
        description="Sources (usually the seed documents) in which the facts of this entry were checked.",
    )
    outside_seeds: Text | None = Field(
        default=None,
        description="Facts added from general knowledge, not from the seeds, said explicitly.",
    )
    reviewed: dt.date = Field(description="Date of the last review against the sources, shown as « Dernière relecture ».")


# --- concepts -----------------------------------------------------------------------


MIN_KEY_DEFINITIONS, MAX_KEY_DEFINITIONS = 3, 5


LEGAL_QUOTE = "texte-de-loi"


class Definition(Model):
    source: SourceRef
    author: AuthorRef | None = Field(
        default=None, description="Who defines, when not (only) the authors of the source."
    )
    kind: QuoteKindChoice = Field(
        default="definition",
        description="What the quotation is: a definition, or a remark, objective, question, margin comment, "
                    "a law's text or a publisher's presentation quoted on the concept's page.",
    )
    legal: LegalRef | None = Field(
        default=None, description="The legal text whose wording is quoted (with kind: texte-de-loi)."
    )
    quote: Text = Field(description="Short verbatim quotation, without the quotation marks.")
    page: str | None = None
    comment: Text | None = None
    key: int | None = Field(
        default=None, ge=1, le=5,
        description="Rank among the key definitions shown first on the concept page (1 = first).",
    )

    @model_validator(mode="after")
    def _law_credited_to_its_text(self) -> Definition:
        if (self.kind == LEGAL_QUOTE) != (self.legal is not None):
            raise ValueError(msg("definition-legal"))
        if self.kind == LEGAL_QUOTE and self.author:
            raise ValueError(msg("definition-legal-author"))
        if self.key is not None and self.kind != "definition":
            raise ValueError(msg("definition-key-kind"))
        return self

    @property
    def is_definition(self) -> bool:
        """Whether the quotation defines its notion (the question bank asks only those)."""
        return self.kind == "definition"


class Relation(Model):
    concept: ConceptRef
    relation: RelationChoice
    note: Text | None = None
    source: SourceRef | None = None
    reported: bool = Field(
        default=False,
        description="The source reports the relation at a distance (an injunction it analyses, « il y aurait… ») "
                    "without stating it: the site and the questions keep the distance (« serait »).",
    )
    scope: Text | None = Field(
        default=None,
        description="The narrower sense in which the source takes the other notion, in its words "
                    "(« public-public »): the site and the questions say it.",
    )


class Trait(Model):
    trait: TraitChoice
    value: Text
    source: SourceRef
    author: AuthorRef | None = None
    page: str | None = None


class Concept(Entity):
    term: Text
    aliases: list[Text] = []
    family: FamilyChoice
    summary: Text
    body: Text | None = None
    definitions: list[Definition] = []
    related: list[Relation] = []
    traits: list[Trait] = []

    @model_validator(mode="after")
    def _key_definitions(self) -> Concept:
        ranks = [d.key for d in self.definitions if d.key is not None]
        if len(ranks) != len(set(ranks)):
            raise ValueError(msg("definition-key-duplicate"))
        if len(self.definitions) > MAX_KEY_DEFINITIONS and len(ranks) < MIN_KEY_DEFINITIONS:
            raise ValueError(msg("definition-key-count", least=MIN_KEY_DEFINITIONS, most=MAX_KEY_DEFINITIONS))
        return self

    def key_definitions(self) -> list[Definition]:
        """The definitions a student needs first: those ranked by the editors, else all of a
        concept that has few (at most MAX_KEY_DEFINITIONS)."""
        ranked = sorted((d for d in self.definitions if d.key is not None), key=lambda d: d.key or 0)
        if ranked:
            return ranked
        return list(self.definitions) if len(self.definitions) <= MAX_KEY_DEFINITIONS else []


# --- authors ------------------------------------------------------------------------


# When a source says a role was held: a year, a date, or that the source is not dated.
ROLE_DATE = re.compile(r"\d{4}(?:-\d{2}-\d{2})?")
UNDATED_ROLE = "sans date"


def _role_date(value: str) -> str:
    """A year ("2010"), an existing date ("2017-06-28"), or "sans date"; else a catalogued refusal."""
    if value == UNDATED_ROLE:
        return value
    if ROLE_DATE.fullmatch(value):
        try:
            if len(value) > 4:
                dt.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise ValueError(msg("role-date", value=value))


class Affiliation(Model):
    """A role, position or affiliation as a source states it, with when the source says it was
    held: pages show it in the past (« en 2010, selon … »), never as current."""

    role: Text
    organisation: Text | None = None
    date: Text = Field(description="When the source says the role was held: a year ('2010'), a date "
                                    "('2017-06-28'), or 'sans date' when the source itself is not dated.")
    source: SourceRef = Field(description="The source that gives the role and its date.")

    @field_validator("date")
    @classmethod
    def _date_form(cls, value: str) -> str:
        return _role_date(value)


class Author(Entity):
    kind: AuthorKindChoice
    name: Text
    family: Text | None = None
    given: Text | None = None
    acronym: Text | None = None
    affiliations: list[Affiliation] = []
    fields: list[Text] = []
    notes: Text | None = None

    @model_validator(mode="after")
    def _person_has_family_name(self) -> Author:
        if self.kind == "personne" and not self.family:
            raise ValueError(msg("person-family"))  # validate.py words it in the editor's language
        return self


# --- sources ------------------------------------------------------------------------


class Group(Model):
    """Notions, legal texts or authors that a source presents together (Béhar's three
    territories, the laws of one paragraph): the question bank never offers one of them as
    the wrong answer to a question whose right answer is another."""

    label: Text = Field(description="What the source presents together, in its words, e.g. 'trois types de territoires'.")
    page: str | None = Field(default=None, description="Where in the source: page, part or section.")
    concepts: list[ConceptRef] = []
    legal: list[LegalRef] = []
    authors: list[AuthorRef] = []

    @model_validator(mode="after")
    def _two_members(self) -> Group:
        if len(self.concepts) + len(self.legal) + len(self.authors) < 2:
            raise ValueError(msg("group-members"))
        return self


class Source(Entity):
    type: SourceTypeChoice
    title: Text | None = None
    cited_as: Text | None = Field(
        default=None, description="How the seed cites a work whose title it does not give, e.g. 'Geddes (2000)'."
    )
    authors: list[AuthorRef] = []
    editors: list[AuthorRef] = []
    year: int | None = Field(default=None, ge=1900, le=2100)
    date: dt.date | None = None
    container: Text | None = Field(default=None, description="Journal, book or site that holds the work.")
    part_of: SourceRef | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: Text | None = None
    place: Text | None = None
    collection: Text | None = None
    event: Text | None = None
    url: Text | None = None
    online: Text | None = Field(default=None, description="Where the seed says the work is online.")
    summary: Text | None = None
    note: Text | None = None
    groups: list[Group] = Field(
        default=[], description="Notions, legal texts or authors the source presents together (sets of siblings).",
    )

    @model_validator(mode="after")
    def _title_or_citation(self) -> Source:
        if not self.title and not self.cited_as:
            raise ValueError(msg("source-title"))
        return self


# --- legal texts --------------------------------------------------------------------


WebAddress = Annotated[str, StringConstraints(min_length=1)]  # http(s) only: checked by checks/safetext.py


class Article(Model):
    number: Text | None = Field(
        default=None, description="The article's number in the text; may be left out only for a codified article "
                                  "('codified_as') whose number in the text is not certain.")
    codified_as: Text | None = Field(default=None, description="e.g. 'CASF L. 312-7'")
    text: Text | None = None
    wording: Text | None = Field(
        default=None, description="Which wording 'text' quotes, e.g. « rédaction issue de l'article 21 de la loi du "
                                  "2 janvier 2002, telle que la cite le dossier du RNRSMS en 2010 » (required with "
                                  "'text': a quoted article may have changed since).")
    summary: Text | None = None
    official_url: WebAddress | None = Field(
        default=None, description="The official text (Légifrance) where its address is certain, else the code's or "
                                  "the law's official page; http(s) only.")
    outside_seeds: Text | None = Field(
        default=None, description="This article is not in the seeds: what is said of it and where it comes from "
                                  "(its text is then never quoted, only summarised).")
    concepts: list[ConceptRef] = []

    @model_validator(mode="after")
    def _text_or_summary(self) -> Article:
        if not self.text and not self.summary:
            raise ValueError(msg("article-text-or-summary"))
        if self.text and not self.wording:
            raise ValueError(msg("article-wording"))
        if self.text and self.outside_seeds:
            raise ValueError(msg("article-outside-quoted"))
        if not self.number and not self.codified_as:
            raise ValueError(msg("article-number"))
        return self

    @property
    def key(self) -> str:
        """What names the article: its number in the text, else its codified number."""
        return self.number or self.codified_as or ""


class LegalText(Entity):
    # A text met in none of the seeds (a legal basis practitioners need, e.g. of the shared
    # secret) has no source: `outside_seeds` says what is said of it and where it comes from.
    attested_in: list[SourceRef] = Field(
        description="Sources (usually the seed documents) in which the facts of this entry were checked; may be "
                    "empty when 'outside_seeds' says where they come from.",
    )
    kind: LegalKindChoice
    number: Text | None = None
    date: dt.date
    title: Text
    short_title: Text | None = None
    summary: Text | None = None
    articles: list[Article] = []
    concepts: list[ConceptRef] = []
    url: Text | None = None
    official_url: WebAddress | None = Field(
        default=None, description="The text on Légifrance where its address is certain; http(s) only.")

    @model_validator(mode="after")
    def _source_or_outside_seeds(self) -> LegalText:
        if not self.attested_in and not self.outside_seeds:
            raise ValueError(msg("legal-source"))
        return self


# --- glossary -----------------------------------------------------------------------


UNDEVELOPED = "Sigle non développé dans les sources"
ENDED = "N'existe plus sous ce nom"  # the heading of what became of a replaced or abolished body


def _flag_set(value: object) -> bool:
    """A boolean field as pydantic will read it (the YAML reader hands over 'true' as text)."""
    try:
        return TypeAdapter(bool).validate_python(value) if value is not None else False
    except ValidationError:
        return False


def _acronym_schema(schema: JsonDict) -> None:
    """JSON Schema: 'expansion' is required unless 'undeveloped: true', which forbids it and
    requires 'in_sources' (where the sources use the acronym)."""
    required = schema.get("required", [])
    if isinstance(required, list) and "expansion" in required:
        required.remove("expansion")
    undeveloped: JsonDict = {"properties": {"undeveloped": {"const": True}}, "required": ["undeveloped"]}
    schema["if"] = undeveloped
    schema["then"] = {"not": {"required": ["expansion"]}, "required": ["in_sources"]}
    schema["else"] = {"required": ["expansion"]}


class Ending(Model):
    """A body, scheme, title or diploma that no longer exists under this name: what became of it.
    Shown after the expansion on the entry's page, in the indexes, in the tooltip and in the
    exports (« Direction départementale de la cohésion sociale (remplacée par la DDETS en 2021) »)."""

    wording: Text = Field(
        description="What became of it, in French, agreeing with the expansion, without the date: "
                    "'remplacée par la DDETS', 'intégré à l'ANCT', 'supprimé'. Names each successor by its acronym.")
    year: int | None = Field(default=None, ge=1900, le=2100,
                             description="Year of the change; only when certain (else left out).")
    date: dt.date | None = Field(default=None, description="Exact date of the change, when certain; needs 'year'.")
    successors: list[GlossaryRef] = Field(
        default=[], description="Acronyms that took over its missions (linked on the page, named in the exports).")

    @model_validator(mode="after")
    def _date_in_year(self) -> Ending:
        if self.date is not None and self.date.year != self.year:
            raise ValueError(msg("ending-date-year", year=self.date.year))
        return self

    def phrase(self, exact: bool = False) -> str:
        """« remplacée par la DDETS en 2021 » (``exact``: « … le 1er avril 2021 » when the date is
        known). A wording that already places the year (« remplacé en 2013 par l'ESPE, devenue
        INSPE en 2019 ») is left as written."""
        if self.year is None or str(self.year) in self.wording:
            return self.wording
        if exact and self.date is not None:
            return f"{self.wording} le {fr_date(self.date)}"
        return f"{self.wording} en {self.year}"

    def sentence(self) -> str:
        """« N'existe plus sous ce nom : remplacée par la DDETS le 1er avril 2021. » (exports)"""
        return f"{ENDED} : {self.phrase(exact=True)}."


class Usage(Model):
    """Where a source uses an acronym and what the passage lets a reader infer (own words)."""

    source: SourceRef
    page: str | None = Field(default=None, description="Page, or the part of the document as it names it.")
    context: Text = Field(description="What the passage says around the acronym, in our own words.")


class Acronym(Entity):
    model_config = ConfigDict(json_schema_extra=_acronym_schema)

    # An acronym met nowhere in the seeds (MDPH, SIAO…) has no source: `outside_seeds` says so.
    attested_in: list[SourceRef] = Field(
        description="Sources (usually the seed documents) that use the acronym; may be empty when "
                    "'outside_seeds' says where the facts come from.",
    )
    acronym: Text
    undeveloped: bool = Field(
        default=False,
        description="The sources use the acronym without developing it: no expansion is given (none is invented).",
    )
    expansion: Text | None = Field(description="Required unless 'undeveloped: true'.")
    expansion_source: SourceRef | None = Field(
        default=None,
        description="The source (one of 'attested_in') whose text spells out the expansion; without it, "
                    "'outside_seeds' says that the expansion comes from general knowledge.",
    )
    variants: list[Text] = []
    domain: DomainChoice
    description: Text | None = None
    see_also: list[GlossaryRef] = []
    concepts: list[ConceptRef] = []
    ended: Ending | None = Field(
        default=None, description="The body or scheme was replaced or abolished: what became of it, and when.")
    in_sources: list[Usage] = Field(
        default=[], description="Where the sources use the acronym and in what context; required when 'undeveloped'.")
    other_meanings: list[Text] = Field(
        default=[], description="Other current meanings of the same letters in the field, not the one of this "
                                "entry (« Économie sociale et solidaire »): shown beside it so no reader takes one "
                                "for the other.")

    @model_validator(mode="before")
    @classmethod
    def _undeveloped_has_no_expansion(cls, data: object) -> object:
        if isinstance(data, dict) and "expansion" not in data and _flag_set(data.get("undeveloped")):
            return {**data, "expansion": None}
        return data

    @field_validator("expansion")
    @classmethod
    def _expansion_unless_undeveloped(cls, value: str | None, info: ValidationInfo) -> str | None:
        undeveloped = info.data.get("undeveloped") is True
        if value is None and not undeveloped:
            raise ValueError("has no value")
        if value is not None and undeveloped:
            raise ValueError(msg("acronym-undeveloped-expansion"))
        return value

    @model_validator(mode="after")
    def _source_or_outside_seeds(self) -> Acronym:
        if not self.attested_in and not self.outside_seeds:
            raise ValueError(msg("acronym-source"))
        if self.expansion_source and self.expansion_source not in self.attested_in:
            raise ValueError(msg("acronym-expansion-source-attested", source=self.expansion_source))
        if self.expansion and not self.expansion_source and not self.outside_seeds:
            raise ValueError(msg("acronym-expansion-source"))
        return self

    @property
    def shown_expansion(self) -> str:
        """What pages, exports and print show: the expansion, or that the sources give none."""
        return self.expansion or UNDEVELOPED

    @property
    def other_meanings_note(self) -> str:
        """« ESS désigne aussi : Économie sociale et solidaire. » ('' when the letters have no other meaning)."""
        return f"{self.acronym} désigne aussi : {' ; '.join(self.other_meanings)}." if self.other_meanings else ""

    @property
    def full_expansion(self) -> str:
        """The expansion and, for a body that no longer exists, what became of it: the tooltip,
        the indexes and the exports (« … (remplacée par la DDETS en 2021) »)."""
        if self.ended is None:
            return self.shown_expansion
        return f"{self.shown_expansion} ({self.ended.phrase()})"


# --- cases --------------------------------------------------------------------------


class Analysis(Model):
    about: Text | None = Field(default=None, description="The phrase of the case the comment bears on.")
    comment: Text
    concept: ConceptRef | None = None


class Case(Entity):
    kind: CaseKindChoice
    title: Text
    number: int | None = None
    place: Text | None = None
    years: Text | None = None
    dispositif: Text | None = None
    level: LevelChoice | None = None
    themes: list[Text] = []
    partners: list[Text] = []
    situation: Text | None = None
    actions: Text | None = None
    results: Text | None = None
    body: Text | None = None
    analysis: list[Analysis] = []
    concepts: list[ConceptRef] = []
    glossary: list[GlossaryRef] = []
    people: list[AuthorRef] = Field(
        default=[], description="People the case names (interviewee, speaker, facilitators): the page shows "
                                "each one's role as their entry dates it (« en 2010, selon … »).")
    source: SourceRef
    pages: str | None = None


# --- curricula ----------------------------------------------------------------------


# Line numbers of the seed passage that supports a link: "1015", "1015-1019", "1093, 207".
SEED_LINES = re.compile(r"\d+(?:-\d+)?(?:, ?\d+(?:-\d+)?)*")


class NotionLink(Model):
    """A curriculum item → notion link, kept only where a passage of a source supports it;
    shown to trainers as « pourquoi ce lien »."""

    concept: ConceptRef
    why: Text = Field(description="Why the item points to this notion, in one sentence of our own words "
                                  "(a short quotation of the passage in « »): shown as « pourquoi ce lien ».")
    attested_in: SourceRef = Field(description="The source (usually a seed) whose passage supports the link.")
    lines: Text = Field(description="The seed's line numbers of that passage: '1015', '1015-1019', '1093, 207'.")

    @field_validator("lines")
    @classmethod
    def _lines_form(cls, value: str) -> str:
        if not SEED_LINES.fullmatch(value):
            raise ValueError(msg("seed-lines", value=value))
        return value


class CurriculumItem(Model):
    code: Text | None = None
    anchor: Slug | None = None  # stable link of an item without a code (the code gives it otherwise)
    # anchors this item was published under before it got its own: old links still land on it
    former_anchors: list[Slug] = []
    label: Text
    details: list[Text] = []
    concepts: list[NotionLink] = []
    children: list[CurriculumItem] = []

    @field_validator("concepts")
    @classmethod
    def _each_notion_once(cls, links: list[NotionLink]) -> list[NotionLink]:
        seen: set[str] = set()
        for link in links:
            if link.concept in seen:
                raise ValueError(msg("listed-twice", id=link.concept))
            seen.add(link.concept)
        return links

    @property
    def concept_ids(self) -> list[str]:
        """The notions the item points to, in order."""
        return [link.concept for link in self.concepts]


class CurriculumSection(Model):
    title: Text
    items: list[CurriculumItem] = Field(min_length=1)


class Curriculum(Entity):
    diploma: Text
    short: Text
    document: Text
    source: SourceRef
    summary: Text | None = None
    sections: list[CurriculumSection] = Field(min_length=1)

    @model_validator(mode="after")
    def _anchors_given_once(self) -> Curriculum:
        """An anchor written in the data (`anchor`, `former_anchors`) designates one item only."""
        given: list[str] = []
        stack = [item for section in self.sections for item in section.items]
        while stack:
            item = stack.pop()
            given += ([item.anchor] if item.anchor else []) + item.former_anchors
            stack += item.children
        twice = sorted({a for a in given if given.count(a) > 1})
        if twice:
            raise ValueError(msg("curriculum-anchor-twice", anchor=twice[0]))
        return self
