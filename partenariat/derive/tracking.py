"""What a page reads of the data, and what an edit changes: how a live preview knows which
pages to render again (partenariat.preview).

`tracked` wraps a corpus and its backlinks so that every read notes a key
(`partenariat.base.reads`) while a page renders; `changed_keys` compares what two versions of
the data give for each key. A page whose keys did not change renders as before: its renderer
can only have read what its keys stand for. The keys:

    ("entry", type, id)           one entry (`corpus.get`, `records[type][id]`, `in`)
    ("ids", type)                 which entries a type has, in which order (iterating, counting)
    ("all", type)                 every entry of a type (`corpus.entities`, `.values()`, `.items()`)
    ("cited", type, id)           the references to an entry (the backlinks of `Index`)
    ("cited",)                    every backlink
    ("definers", author id)       the notions an author defines (`Context.defined_by`)
    ("questions", type, id)       the question bank's questions about a page (`page_bank`)
    ("exercising", concept id)    the questions exercising a notion (`corpus_questions_for`)
    ("questions",)                the whole bank (`build_questions`)

Derived data computed once for everyone (the definers, the question bank) is computed
without recording (`not_recording`), and compared as a whole: its readers note the part they use.
"""

from __future__ import annotations

from collections.abc import Hashable, ItemsView, Iterator, KeysView, Mapping, ValuesView
from dataclasses import dataclass
from typing import Any

from partenariat.base.reads import not_recording, note
from partenariat.checks.load import Corpus, Record
from partenariat.data.refs import Edge
from partenariat.derive.index import Index, Key

Read = Hashable


def entry_read(type_name: str, entity_id: str) -> Read:
    return ("entry", type_name, entity_id)


class TrackedEntries(Mapping[str, Record]):
    """The records of one type, noting what is read of them."""

    __slots__ = ("data", "type_name")

    def __init__(self, type_name: str, data: Mapping[str, Record]) -> None:
        self.type_name, self.data = type_name, data

    def __getitem__(self, entity_id: str) -> Record:
        note(("entry", self.type_name, entity_id))
        return self.data[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        note(("entry", self.type_name, entity_id))
        return entity_id in self.data

    def __iter__(self) -> Iterator[str]:
        note(("ids", self.type_name))
        return iter(self.data)

    def __len__(self) -> int:
        note(("ids", self.type_name))
        return len(self.data)

    def keys(self) -> KeysView[str]:
        note(("ids", self.type_name))
        return self.data.keys()

    def values(self) -> ValuesView[Record]:
        note(("all", self.type_name))
        return self.data.values()

    def items(self) -> ItemsView[str, Record]:
        note(("all", self.type_name))
        return self.data.items()


class TrackedRecords(Mapping[str, Mapping[str, Record]]):
    """`Corpus.records`, each type tracked (the list of types is fixed: not a read)."""

    def __init__(self, records: Mapping[str, Mapping[str, Record]]) -> None:
        self.plain = records
        self.types = {name: TrackedEntries(name, recs) for name, recs in records.items()}

    def __getitem__(self, type_name: str) -> Mapping[str, Record]:
        return self.types[type_name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.types)

    def __len__(self) -> int:
        return len(self.types)


class TrackedBacklinks(dict[Key, list[Edge]]):
    """`Index.backlinks`, noting which entries' backlinks are read."""

    def get(self, key: Key, default: Any = None) -> Any:
        note(("cited", *key))
        return super().get(key, default)

    def __getitem__(self, key: Key) -> list[Edge]:
        note(("cited", *key))
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        note(("cited", *key) if isinstance(key, tuple) else ("cited",))
        return super().__contains__(key)

    def __iter__(self) -> Iterator[Key]:
        note(("cited",))
        return super().__iter__()

    def keys(self) -> Any:
        note(("cited",))
        return super().keys()

    def values(self) -> Any:
        note(("cited",))
        return super().values()

    def items(self) -> Any:
        note(("cited",))
        return super().items()


def tracked(corpus: Corpus, index: Index) -> tuple[Corpus, Index]:
    """The same data, its reads noted (what `plain` undoes)."""
    return Corpus(corpus.root, TrackedRecords(plain(corpus).records), corpus.edges), Index(TrackedBacklinks(index.backlinks))


def plain(corpus: Corpus) -> Corpus:
    records = corpus.records
    return Corpus(corpus.root, records.plain, corpus.edges) if isinstance(records, TrackedRecords) else corpus


# --- what an edit changes ------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """Everything a key stands for, in one version of the data."""

    records: Mapping[str, Mapping[str, Record]]
    backlinks: Mapping[Key, list[Edge]]
    definers: Mapping[str, set[str]]
    questions: tuple[object, ...]  # the question bank (derive.questions), in its order
    questions_by_page: Mapping[tuple[str, str], list[Any]]
    questions_by_concept: Mapping[str, list[Any]]


def snapshot(corpus: Corpus, index: Index, definers: Mapping[str, set[str]]) -> Snapshot:
    from partenariat.derive.questions import bank_views  # the bank reads the corpus: below this module

    with not_recording():
        bank, by_page, by_concept = bank_views(corpus)
        return Snapshot(plain(corpus).records, dict(index.backlinks), dict(definers), tuple(bank), by_page, by_concept)


def changed_keys(old: Snapshot, new: Snapshot) -> set[Read]:
    """The keys whose value differs between two versions of the data."""
    out: set[Read] = set()
    for type_name in old.records.keys() | new.records.keys():
        before, after = old.records.get(type_name, {}), new.records.get(type_name, {})
        if list(before) != list(after):
            out |= {("ids", type_name), ("all", type_name)}
        for entity_id in before.keys() | after.keys():
            a, b = before.get(entity_id), after.get(entity_id)
            if a is b or (a is not None and b is not None and a.entity == b.entity):
                continue
            out |= {("entry", type_name, entity_id), ("all", type_name)}
    out |= _changed("cited", old.backlinks, new.backlinks)
    out |= _changed("definers", old.definers, new.definers)
    if old.questions != new.questions:
        out.add(("questions",))
        out |= _changed("questions", old.questions_by_page, new.questions_by_page)
        out |= {("exercising", c) for c in _differ(old.questions_by_concept, new.questions_by_concept)}
    return out


def _differ(before: Mapping[Any, Any], after: Mapping[Any, Any]) -> set[Any]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def _changed(kind: str, before: Mapping[Any, Any], after: Mapping[Any, Any]) -> set[Read]:
    keys = _differ(before, after)
    return {(kind, *k) if isinstance(k, tuple) else (kind, k) for k in keys} | ({(kind,)} if keys else set())
