"""Load the whole corpus from the data folders, validate it, and report every problem at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .entities import ENTITY_TYPES, RESERVED_IDS, EntityType
from .folding import slugify
from .messages import msg
from .problems import DataError, Problem
from .refs import Edge, iter_edges, iter_raw_edges
from .safetext import text_problems
from .validate import model_problems, part_of_cycles, reference_problem
from .yamlfile import YamlDoc, read_yaml

ALLOWED_EXTRA_FILES = {"README.md"}


@dataclass
class Record:
    type: EntityType
    entity: BaseModel
    file: str  # relative to the corpus root, as shown in messages
    doc: YamlDoc


@dataclass
class _Invalid:
    """A file that parsed but failed validation: its references are still checked, once
    every id is known, so one run reports everything."""

    type: EntityType
    doc: YamlDoc
    file: str


@dataclass
class Corpus:
    root: Path
    records: dict[str, dict[str, Record]]
    edges: list[Edge] = field(default_factory=list)

    def entities(self, type_name: str) -> list[BaseModel]:
        return [r.entity for r in self.records[type_name].values()]

    def get(self, type_name: str, entity_id: str) -> BaseModel:
        return self.records[type_name][entity_id].entity

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
    try:
        entity = etype.model.model_validate(doc.data)
    except ValidationError as exc:
        return _Invalid(etype, doc, shown), problems + model_problems(exc, etype.model, doc, shown)
    if problems:
        return _Invalid(etype, doc, shown), problems
    return Record(etype, entity, shown, doc), []


def load_corpus(root: Path | str) -> Corpus:
    """Load and check everything under ``root``; raise `DataError` listing every problem."""
    root = Path(root)
    problems: list[Problem] = []
    records: dict[str, dict[str, Record]] = {t.name: {} for t in ENTITY_TYPES}
    invalid: list[_Invalid] = []
    for etype in ENTITY_TYPES:
        folder = root / etype.folder
        if not folder.is_dir():
            problems.append(Problem(etype.folder + "/", 0, "", msg("folder-missing")))
            continue
        for path in sorted(folder.iterdir()):
            shown = f"{etype.folder}/{path.name}"
            if path.name.startswith(".") or path.name in ALLOWED_EXTRA_FILES:
                continue
            if path.suffix != ".yaml" or not path.is_file():
                hint = msg("rename-yaml") if path.suffix == ".yml" else msg("move-out")
                problems.append(Problem(shown, 0, "", msg("not-yaml"), hint))
                continue
            record, found = _load_file(path, etype, shown)
            problems.extend(found)
            if isinstance(record, Record):
                records[etype.name][path.stem] = record
            elif record is not None:
                invalid.append(record)

    corpus = Corpus(root, records)
    problems.extend(_check_links(corpus, invalid))
    problems.extend(_check_uniques(corpus))
    if problems:
        raise DataError(problems)
    return corpus


def _check_links(corpus: Corpus, invalid: list[_Invalid]) -> list[Problem]:
    # Ids of files that failed to load still count as known, so one broken file
    # does not cascade into "unknown id" errors everywhere else.
    known = {t.name: set(corpus.records[t.name]) for t in ENTITY_TYPES}
    for etype in ENTITY_TYPES:
        folder = corpus.root / etype.folder
        if folder.is_dir():
            known[etype.name].update(p.stem for p in folder.glob("*.yaml"))
    labels = {t.name: t.name for t in ENTITY_TYPES} | {"legal": "legal text", "glossary": "glossary entry"}
    problems = []
    for type_name, recs in corpus.records.items():
        for record in recs.values():
            seen_in_list: set[tuple[object, ...]] = set()
            for edge in iter_edges(type_name, record.entity):
                corpus.edges.append(edge)
                problem = reference_problem(edge, known, labels, record.doc, record.file)
                if problem:
                    problems.append(problem)
                if not edge.in_text and isinstance(edge.path[-1], int):
                    key = edge.path[:-1] + (edge.target_id,)
                    if key in seen_in_list:
                        problems.append(Problem(record.file, record.doc.line_of(edge.path), edge.field,
                                                msg("listed-twice", id=edge.target_id), msg("remove-duplicate")))
                    seen_in_list.add(key)
    for raw in invalid:
        for edge in iter_raw_edges(raw.type.name, raw.type.model, raw.doc.data):
            problem = reference_problem(edge, known, labels, raw.doc, raw.file)
            if problem and problem.message.code != "refers-to-itself":
                problems.append(problem)
    parents = {sid: r.entity.part_of for sid, r in corpus.records["source"].items()}
    for cycle in part_of_cycles(parents):
        record = corpus.records["source"][cycle[0]]
        problems.append(Problem(record.file, record.doc.line_of(("part_of",)), "part_of",
                                msg("part-of-cycle", chain=" → ".join(cycle + [cycle[0]])), msg("not-part-of-itself")))
    return problems


def _check_uniques(corpus: Corpus) -> list[Problem]:
    """Acronyms must be unique across glossary files, whatever their ids."""
    problems, seen = [], {}
    for entry_id, record in corpus.records["glossary"].items():
        acronym = record.entity.acronym
        if acronym in seen:
            problems.append(Problem(record.file, record.doc.line_of(("acronym",)), "acronym",
                                    msg("acronym-defined", acronym=acronym),
                                    msg("see-file", file=f"glossary/{seen[acronym]}.yaml")))
        seen.setdefault(acronym, entry_id)
    return problems
