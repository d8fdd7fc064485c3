"""Load the whole corpus from the data folders, validate it, and report every problem at once."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from partenariat.base.folding import slugify
from partenariat.base.messages import msg
from partenariat.base.problems import DataError, Problem
from partenariat.checks.prose import prose_problems
from partenariat.checks.safetext import text_problems
from partenariat.checks.validate import model_problems, part_of_cycles, reference_problem
from partenariat.data.entities import ENTITY_TYPES, RESERVED_IDS, EntityType
from partenariat.data.models import Acronym, Entity
from partenariat.data.refs import Edge, PathKey, format_path, iter_edges, iter_raw_edges
from partenariat.data.yamlfile import YamlDoc, read_yaml

ALLOWED_EXTRA_FILES = {"README.md"}


E = TypeVar("E", bound=Entity)


@dataclass(frozen=True)
class Record:
    type: EntityType
    entity: Entity
    file: str  # relative to the corpus root, as shown in messages
    doc: YamlDoc


@dataclass
class _Invalid:
    """A file that parsed but failed validation: its references are still checked, once
    every id is known, so one run reports everything."""

    type: EntityType
    doc: YamlDoc
    file: str


@dataclass(frozen=True)
class Corpus:
    """The checked data: every record by type and id, and every reference between them.
    Built once by `load_corpus`, then only read."""

    root: Path
    records: Mapping[str, Mapping[str, Record]]
    edges: tuple[Edge, ...] = ()

    def entities(self, type_name: str) -> list[Entity]:
        return [r.entity for r in self.records[type_name].values()]

    def get(self, type_name: str, entity_id: str) -> Entity:
        return self.records[type_name][entity_id].entity

    def all_of(self, type_name: str, model: type[E]) -> list[E]:
        """The entities of a type, typed as its model (for code that reads their fields)."""
        return [e for e in self.entities(type_name) if isinstance(e, model)]

    def one_of(self, type_name: str, entity_id: str, model: type[E]) -> E:
        entity = self.get(type_name, entity_id)
        assert isinstance(entity, model), f"{type_name}/{entity_id} is not a {model.__name__}"
        return entity

    def counts(self) -> dict[str, int]:
        return {name: len(recs) for name, recs in self.records.items()}


def _load_file(path: Path, etype: EntityType, shown: str) -> tuple[Record | _Invalid | None, list[Problem]]:
    doc, problems = read_yaml(path, shown)
    if doc is None:
        return None, problems
    stem = path.stem
    if stem != slugify(stem):
        problems.append(Problem(shown, 1, "", msg("bad-file-name", name=path.name),
                                msg("rename-to", name=f"{slugify(stem) or 'nom'}.yaml")))
    if stem in RESERVED_IDS[etype.name]:
        problems.append(Problem(shown, 1, "id", msg("reserved-id", id=stem), msg("choose-other-id")))
    declared = doc.data.get("id")
    if isinstance(declared, str) and declared != stem and stem == slugify(stem):  # else: rename the file first
        problems.append(Problem(shown, doc.line_of(("id",)), "id", msg("id-not-file-name", id=declared, name=path.name),
                                msg("id-is-file-name", stem=stem)))
    problems.extend(text_problems(doc, shown))
    problems.extend(prose_problems(doc, shown, etype.name))
    try:
        entity = etype.model.model_validate(doc.data)
    except ValidationError as exc:
        return _Invalid(etype, doc, shown), problems + model_problems(exc, etype.model, doc, shown)
    if problems:
        return _Invalid(etype, doc, shown), problems
    return Record(etype, entity, shown, doc), []


Stamp = tuple[int, int]  # a file's (mtime, size)


@dataclass
class LoadCache:
    """Each file as last read, by a live preview, so that an edit reads one file again, not
    the corpus: its stamp and what reading it gave; and the references of each record."""

    files: dict[Path, tuple[Stamp, Record | _Invalid | None, list[Problem]]] = field(default_factory=dict)
    edges: dict[int, tuple[Record, tuple[Edge, ...]]] = field(default_factory=dict)  # id(record) →

    def load(self, path: Path, etype: EntityType, shown: str) -> tuple[Record | _Invalid | None, list[Problem]]:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        kept = self.files.get(path)
        if kept is not None and kept[0] == stamp:
            return kept[1], list(kept[2])
        record, problems = _load_file(path, etype, shown)
        self.files[path] = (stamp, record, list(problems))
        return record, problems

    def edges_of(self, type_name: str, record: Record) -> tuple[Edge, ...]:
        kept = self.edges.get(id(record))
        if kept is None or kept[0] is not record:
            kept = self.edges[id(record)] = (record, tuple(iter_edges(type_name, record.entity)))
        return kept[1]

    def forget_others(self, records: Records) -> None:
        """Drop the references of records no longer in the corpus."""
        alive = {id(r) for recs in records.values() for r in recs.values()}
        for key in self.edges.keys() - alive:
            del self.edges[key]


def load_corpus(root: Path | str, cache: LoadCache | None = None) -> Corpus:
    """Load and check everything under ``root``; raise `DataError` listing every problem.
    With a ``cache``, a file unchanged since the cache read it is not read again."""
    root = Path(root)
    problems: list[Problem] = []
    records: dict[str, dict[str, Record]] = {t.name: {} for t in ENTITY_TYPES}
    invalid: list[_Invalid] = []
    for etype in ENTITY_TYPES:
        folder = root / etype.folder
        if not folder.is_dir():
            problems.append(Problem(etype.folder + "/", 0, "", msg("folder-missing")))
            continue
        if folder.is_symlink() or folder.resolve().parent != root.resolve():
            problems.append(Problem(etype.folder + "/", 0, "", msg("outside-repository"), msg("regular-file")))
            continue
        for path in sorted(folder.iterdir()):
            shown = f"{etype.folder}/{path.name}"
            if path.name.startswith(".") or path.name in ALLOWED_EXTRA_FILES:
                continue
            if path.is_symlink():  # even to a valid entry: it would publish a file from elsewhere
                problems.append(Problem(shown, 0, "", msg("symlink"), msg("regular-file")))
                continue
            if path.suffix != ".yaml" or not path.is_file():
                hint = msg("rename-yaml") if path.suffix == ".yml" else msg("move-out")
                problems.append(Problem(shown, 0, "", msg("not-yaml"), hint))
                continue
            record, found = cache.load(path, etype, shown) if cache else _load_file(path, etype, shown)
            problems.extend(found)
            if isinstance(record, Record):
                records[etype.name][path.stem] = record
            elif record is not None:
                invalid.append(record)

    edges_of = cache.edges_of if cache else _edges_of
    edges = collect_edges(records, edges_of)
    if cache:
        cache.forget_others(records)
    known = _known_ids(root, records)
    problems += _reference_problems(records, edges, known)
    problems += _duplicate_problems(records, edges_of)
    problems += _invalid_file_reference_problems(invalid, known)
    problems += _part_of_problems(records)
    problems += _acronym_problems(records)
    if problems:
        raise DataError(problems)
    return Corpus(root, records, edges)


Records = Mapping[str, Mapping[str, Record]]
LABELS = {t.name: t.english for t in ENTITY_TYPES}


def _edges_of(type_name: str, record: Record) -> Iterable[Edge]:
    return iter_edges(type_name, record.entity)


def collect_edges(records: Records,
                  edges_of: Callable[[str, Record], Iterable[Edge]] = _edges_of) -> tuple[Edge, ...]:
    """Every reference of every entity (typed fields and [[type:id]] links), in file order."""
    return tuple(edge for type_name, recs in records.items() for record in recs.values()
                 for edge in edges_of(type_name, record))


def _known_ids(root: Path, records: Records) -> dict[str, set[str]]:
    """Ids that exist, counting files that failed to load, so that one broken file does not
    cascade into "unknown id" errors everywhere else."""
    known = {t.name: set(records[t.name]) for t in ENTITY_TYPES}
    for etype in ENTITY_TYPES:
        folder = root / etype.folder
        if folder.is_dir():
            known[etype.name].update(p.stem for p in folder.glob("*.yaml"))
    return known


def _reference_problems(records: Records, edges: tuple[Edge, ...], known: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for edge in edges:
        record = records[edge.source_type][edge.source_id]
        problem = reference_problem(edge, known, LABELS, record.doc, record.file)
        if problem:
            problems.append(problem)
    return problems


def _duplicate_problems(records: Records,
                        edges_of: Callable[[str, Record], Iterable[Edge]] = _edges_of) -> list[Problem]:
    """The same id listed twice in one list field."""
    problems = []
    for type_name, recs in records.items():
        for record in recs.values():
            seen_in_list: set[tuple[object, ...]] = set()
            for edge in edges_of(type_name, record):
                if edge.in_text or not isinstance(edge.path[-1], int):
                    continue
                key = edge.path[:-1] + (edge.target_id,)
                if key in seen_in_list:
                    problems.append(Problem(record.file, record.doc.line_of(edge.path), edge.field,
                                            msg("listed-twice", id=edge.target_id), msg("remove-duplicate")))
                seen_in_list.add(key)
    return problems


def _invalid_file_reference_problems(invalid: list[_Invalid], known: dict[str, set[str]]) -> list[Problem]:
    """References of files that failed validation, so one run reports everything."""
    problems = []
    for raw in invalid:
        for edge in iter_raw_edges(raw.type.name, raw.type.model, raw.doc.data):
            problem = reference_problem(edge, known, LABELS, raw.doc, raw.file)
            if problem and problem.message.code != "refers-to-itself":
                problems.append(problem)
    return problems


def _part_of_problems(records: Records) -> list[Problem]:
    parents = {sid: getattr(r.entity, "part_of", None) for sid, r in records["source"].items()}
    problems = []
    for cycle in part_of_cycles(parents):
        record = records["source"][cycle[0]]
        problems.append(Problem(record.file, record.doc.line_of(("part_of",)), "part_of",
                                msg("part-of-cycle", chain=" → ".join(cycle + [cycle[0]])), msg("not-part-of-itself")))
    return problems


def _acronym_problems(records: Records) -> list[Problem]:
    """Acronyms are unique across glossary files, whatever their ids; an undeveloped acronym says
    where the sources use it, in sources it cites; an ended body's wording names its successors."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    glossary = records["glossary"]
    for entry_id, record in glossary.items():
        entry = record.entity
        assert isinstance(entry, Acronym)
        if entry.acronym in seen:
            problems.append(Problem(record.file, record.doc.line_of(("acronym",)), "acronym",
                                    msg("acronym-defined", acronym=entry.acronym),
                                    msg("see-file", file=f"glossary/{seen[entry.acronym]}.yaml")))
        seen.setdefault(entry.acronym, entry_id)
        if entry.undeveloped and not entry.in_sources:
            problems.append(Problem(record.file, record.doc.line_of(("undeveloped",)), "in_sources",
                                    msg("acronym-undeveloped-context")))
        for i, usage in enumerate(entry.in_sources):
            if usage.source not in entry.attested_in:
                path: PathKey = ("in_sources", i, "source")
                problems.append(Problem(record.file, record.doc.line_of(path), format_path(path),
                                        msg("acronym-usage-not-attested", source=usage.source), msg("add-to-attested")))
        wording = entry.ended.wording if entry.ended else ""
        for i, successor in enumerate(entry.ended.successors if entry.ended else []):
            other = glossary.get(successor)
            if other is None or not isinstance(other.entity, Acronym):
                continue  # an unknown id is reported by the reference check
            if not re.search(rf"(?<![\w-]){re.escape(other.entity.acronym)}(?![\w-])", wording):
                path = ("ended", "successors", i)
                problems.append(Problem(record.file, record.doc.line_of(path), format_path(path),
                                        msg("ending-successor-unnamed", acronym=other.entity.acronym),
                                        msg("ending-name-successor", acronym=other.entity.acronym)))
    return problems
