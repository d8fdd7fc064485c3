"""The seven entity types: where their YAML lives, their model, and their French URL folder."""

from __future__ import annotations

from dataclasses import dataclass

from partenariat.data import models


@dataclass(frozen=True)
class EntityType:
    name: str  # key used in references: Ref("concept"), [[concept:id]]
    folder: str  # data folder at the repo root
    url: str  # French URL folder of the generated pages
    model: type[models.Entity]
    singular: str  # French noun, lowercase: « 1 texte juridique »
    plural: str  # « 2 textes juridiques »
    section: str  # title of the section of the site (its index page, breadcrumbs, feed categories)
    kind: str  # the tag a search result shows (« notion », « sigle »)
    english: str  # in English messages (`check --lang en`)
    title_field: str

    def count(self, n: int) -> str:
        """« 1 texte juridique », « 13 textes juridiques »."""
        return f"{n} {self.singular if n == 1 else self.plural}"


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("concept", "concepts", "concepts", models.Concept, "concept", "concepts", "Concepts", "notion",
               "concept", "term"),
    EntityType("author", "authors", "auteurs", models.Author, "auteur", "auteurs", "Auteurs", "auteur",
               "author", "name"),
    EntityType("source", "sources", "bibliographie", models.Source, "source", "sources", "Bibliographie", "source",
               "source", "title"),
    EntityType("legal", "legal", "textes-juridiques", models.LegalText, "texte juridique", "textes juridiques",
               "Textes juridiques", "texte juridique", "legal text", "title"),
    EntityType("glossary", "glossary", "glossaire", models.Acronym, "sigle", "sigles", "Glossaire", "sigle",
               "glossary entry", "acronym"),
    EntityType("case", "cases", "cas", models.Case, "cas", "cas", "Cas et encadrés", "cas", "case", "title"),
    EntityType("curriculum", "curricula", "referentiels", models.Curriculum, "référentiel", "référentiels",
               "Référentiels", "référentiel", "curriculum", "short"),
)

BY_NAME: dict[str, EntityType] = {t.name: t for t in ENTITY_TYPES}
DATA_FOLDERS: tuple[str, ...] = tuple(t.folder for t in ENTITY_TYPES)

# Ids that name a page of the section itself (see pages.EXTRA_PAGES), refused for entries.
RESERVED_IDS: dict[str, set[str]] = {"glossary": {"a-imprimer"}, **{t.name: set() for t in ENTITY_TYPES if t.name != "glossary"}}
