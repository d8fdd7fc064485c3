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
    singular: str
    plural: str
    title_field: str


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("concept", "concepts", "concepts", models.Concept, "concept", "Concepts", "term"),
    EntityType("author", "authors", "auteurs", models.Author, "auteur", "Auteurs", "name"),
    EntityType("source", "sources", "bibliographie", models.Source, "source", "Bibliographie", "title"),
    EntityType("legal", "legal", "textes-juridiques", models.LegalText, "texte juridique", "Textes juridiques", "title"),
    EntityType("glossary", "glossary", "glossaire", models.Acronym, "sigle", "Glossaire", "acronym"),
    EntityType("case", "cases", "cas", models.Case, "cas", "Cas et encadrés", "title"),
    EntityType("curriculum", "curricula", "referentiels", models.Curriculum, "référentiel", "Référentiels", "short"),
)

BY_NAME: dict[str, EntityType] = {t.name: t for t in ENTITY_TYPES}
DATA_FOLDERS: tuple[str, ...] = tuple(t.folder for t in ENTITY_TYPES)

# Ids that name a page of the section itself (see pages.EXTRA_PAGES), refused for entries.
RESERVED_IDS: dict[str, set[str]] = {"glossary": {"a-imprimer"}, **{t.name: set() for t in ENTITY_TYPES if t.name != "glossary"}}
