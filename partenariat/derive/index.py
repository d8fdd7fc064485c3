"""Cross-reference index: for each entity, who cites it (backlinks), built once from the edges."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from partenariat.checks.load import Corpus
from partenariat.data.refs import Edge

Key = tuple[str, str]  # (type name, id)


@dataclass
class Index:
    backlinks: dict[Key, list[Edge]]

    def cited_by(self, type_name: str, entity_id: str) -> dict[str, list[str]]:
        """Ids of the entities citing (type_name, entity_id), grouped by their type, sorted, unique."""
        grouped: dict[str, set[str]] = defaultdict(set)
        for edge in self.backlinks.get((type_name, entity_id), []):
            if (edge.source_type, edge.source_id) != (type_name, entity_id):
                grouped[edge.source_type].add(edge.source_id)
        return {t: sorted(ids) for t, ids in grouped.items()}

    def edges_to(self, type_name: str, entity_id: str) -> list[Edge]:
        return self.backlinks.get((type_name, entity_id), [])


def build_index(corpus: Corpus) -> Index:
    backlinks: dict[Key, list[Edge]] = defaultdict(list)
    for edge in corpus.edges:
        backlinks[(edge.target_type, edge.target_id)].append(edge)
    return Index(dict(backlinks))
