"""The question bank: multiple-choice questions generated from the data, never written by hand.

Each kind asks one fact the data states (who defined, which notion a definition defines,
typed relations, legal grounds, acronyms, partnership levels). Every option is checked by
an oracle that reads the data directly (`is_right`): a question keeps exactly one option the
oracle accepts, so a distractor is never another right answer, and the distractors of a
definition never include a co-author or editor of its source. Same data, same questions
(choices are ranked by hashing, not drawn at random), so the exports are reproducible.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, field
from functools import cached_property

from partenariat.base.reads import not_recording, note
from partenariat.checks.load import Corpus
from partenariat.data import vocab
from partenariat.data.models import (
    Acronym,
    Author,
    Case,
    Concept,
    Curriculum,
    CurriculumItem,
    Definition,
    LegalText,
    Source,
)
from partenariat.derive.core import plain_text

# Question kinds, in the order the exports list them, with their French category label.
KINDS = {
    "auteur": "Qui a proposé cette définition ?",
    "notion": "Quelle notion cette définition définit-elle ?",
    "relation": "Relations entre notions",
    "texte": "Textes juridiques",
    "sigle": "Sigles",
    "niveau": "Niveaux de partenariat des encadrés",
}

MAX_QUOTE = 320  # a longer quotation makes a poor question on a phone
DISTRACTORS = 3

# Relations worth a question, and the relations that state the same fact seen from the other
# side ("A est une forme de B" ⇔ "B englobe A"), so that the oracle finds every right answer.
ASKED_RELATIONS = ("distinct-de", "s-oppose-a", "forme-de", "niveau-de", "etape-de", "composante-de",
                   "condition-de", "outil-de", "risque-de", "critique-de", "englobe", "precede", "suit")
SAME_FACT_REVERSED = {
    "distinct-de": {"distinct-de"}, "s-oppose-a": {"s-oppose-a"}, "precede": {"suit"}, "suit": {"precede"},
    "englobe": {"forme-de", "composante-de", "niveau-de", "etape-de"},
    "forme-de": {"englobe"}, "composante-de": {"englobe"}, "niveau-de": {"englobe"}, "etape-de": {"englobe"},
}


@dataclass(frozen=True)
class Question:
    id: str  # stable, e.g. "sigle-cpom", "auteur-partenariat-2"
    kind: str
    prompt: str  # the question, plain text
    quote: str  # quotation shown under the prompt ("" when none)
    right: str
    distractors: tuple[str, ...]
    explanation: str  # plain text shown after answering: the fact and its source
    source: tuple[str, str]  # (type, id) of the page that states the fact: a source, a legal text, a case…
    page: tuple[str, str]  # (type, id) of the entity the question is about (where the site shows it)
    concepts: tuple[str, ...]  # the notions it exercises (competency packs)
    key: str = ""  # what the oracle needs besides the option (a quotation, an id…)

    @property
    def options(self) -> list[str]:
        """Right answer and distractors in a fixed order that does not reveal the answer."""
        return sorted([self.right, *self.distractors], key=lambda o: _hash(f"{self.id}|{o}"))

    @property
    def answer_index(self) -> int:
        return self.options.index(self.right)


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


@functools.lru_cache(maxsize=65536)  # the oracle compares the same labels for every question
def normalize(text: str) -> str:
    """Comparison form of a label or quotation: spacing and case do not make two answers differ."""
    return " ".join(text.split()).casefold()


def person_label(author: Author) -> str:
    """'Philippe DUMAS', 'Jean-Yves TRÉPOS': the name as options show it (given name first)."""
    if author.kind == "personne" and author.family:
        return f"{author.given} {author.family}" if author.given else author.family
    return author.name


def source_label(source: Source) -> str:
    title = source.title or source.cited_as or ""
    return f"« {title} »" + (f" ({source.year})" if source.year else "")


def legal_label(text: LegalText) -> str:
    return text.short_title or text.title


# --- the data, read once ---------------------------------------------------------------


@dataclass
class Facts:
    """Lookups the generators and the oracle share, computed once per corpus."""

    corpus: Corpus
    concepts: list[Concept] = field(init=False)

    def __post_init__(self) -> None:
        self.concepts = sorted(self.corpus.all_of("concept", Concept), key=lambda c: c.id)

    def author(self, author_id: str) -> Author:
        return self.corpus.one_of("author", author_id, Author)

    @cached_property
    def _authors(self) -> dict[str, tuple[str, str]]:
        """Author id → (kind, `person_label`): the distractor pools read them for every question."""
        return {a.id: (a.kind, person_label(a)) for a in self.corpus.all_of("author", Author)}

    def label(self, author_id: str) -> str:
        return self._authors[author_id][1]

    def author_kind(self, author_id: str) -> str:
        return self._authors[author_id][0]

    def source(self, source_id: str) -> Source:
        return self.corpus.one_of("source", source_id, Source)

    def definers(self, d: Definition) -> list[str]:
        """Who is credited with a definition: its author, else the authors of its source."""
        return [d.author] if d.author else list(self.source(d.source).authors)

    @cached_property
    def credited(self) -> dict[str, set[str]]:
        """Normalised quotation → labels of everyone credited with it (one quotation may be cited twice)."""
        out: dict[str, set[str]] = {}
        for concept in self.concepts:
            for d in concept.definitions:
                out.setdefault(normalize(d.quote), set()).update(person_label(self.author(a)) for a in self.definers(d))
        return out

    @cached_property
    def defined_terms(self) -> dict[str, set[str]]:
        """Normalised quotation → normalised terms and aliases of every notion it defines."""
        out: dict[str, set[str]] = {}
        for concept in self.concepts:
            for d in concept.definitions:
                out.setdefault(normalize(d.quote), set()).update(normalize(t) for t in [concept.term, *concept.aliases])
        return out

    @cached_property
    def relations(self) -> set[tuple[str, str, str]]:
        """(concept, relation, other concept) as the data records them."""
        return {(c.id, r.relation, r.concept) for c in self.concepts for r in c.related}

    @cached_property
    def related_to(self) -> dict[str, set[str]]:
        """Concept id → ids of the notions it has any recorded relation with (either way)."""
        out: dict[str, set[str]] = {}
        for a, _, b in self.relations:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
        return out

    @cached_property
    def families(self) -> dict[str, list[Concept]]:
        """Family → its notions, in id order (as `concepts`)."""
        out: dict[str, list[Concept]] = {}
        for c in self.concepts:
            out.setdefault(c.family, []).append(c)
        return out

    @cached_property
    def term_ids(self) -> dict[str, set[str]]:
        """Normalised term or alias → ids of the notions it names."""
        out: dict[str, set[str]] = {}
        for c in self.concepts:
            for t in [c.term, *c.aliases]:
                out.setdefault(normalize(t), set()).add(c.id)
        return out

    @cached_property
    def legal_texts(self) -> list[LegalText]:
        return sorted(self.corpus.all_of("legal", LegalText), key=lambda t: t.id)

    def legal_concepts(self, text: LegalText) -> set[str]:
        return set(text.concepts) | {c for a in text.articles for c in a.concepts}

    @cached_property
    def acronyms(self) -> list[Acronym]:
        return sorted(self.corpus.all_of("glossary", Acronym), key=lambda a: a.id)

    @cached_property
    def expansions(self) -> dict[str, set[str]]:
        """Normalised acronym or variant → normalised expansions it has in the glossary."""
        out: dict[str, set[str]] = {}
        for a in self.acronyms:
            if not a.expansion:  # undeveloped: no expansion to know
                continue
            for name in [a.acronym, *a.variants]:
                out.setdefault(normalize(name), set()).add(normalize(a.expansion))
        return out


# --- the oracle ------------------------------------------------------------------------


def is_right(facts: Facts, question: Question, option: str) -> bool:
    """Whether the data makes ``option`` a right answer to ``question``, read from the data
    itself, not from how the question was built."""
    kind, key, value = question.kind, question.key, normalize(option)
    if kind == "auteur":
        return value in {normalize(n) for n in facts.credited.get(key, set())}
    if kind == "notion":
        return value in facts.defined_terms.get(key, set())
    if kind == "relation":
        subject, relation = key.split("|")
        reversed_ = SAME_FACT_REVERSED.get(relation, set())
        return any((subject, relation, other) in facts.relations
                   or any((other, r, subject) in facts.relations for r in reversed_)
                   for other in facts.term_ids.get(value, set()))
    if kind == "texte-notion":
        return any(normalize(legal_label(t)) == value and key in facts.legal_concepts(t) for t in facts.legal_texts)
    if kind == "texte-article":
        return any(normalize(legal_label(t)) == value and any(a.codified_as == key for a in t.articles)
                   for t in facts.legal_texts)
    if kind == "sigle":
        return value in facts.expansions.get(key, set())
    if kind == "niveau":
        case = facts.corpus.get("case", key)
        assert isinstance(case, Case)
        return case.level is not None and value == normalize(vocab.PARTNERSHIP_LEVELS[case.level])
    raise ValueError(f"unknown question kind {kind!r}")


def oracle_kind(question: Question) -> str:
    """The oracle's name for the kind (legal questions come in two shapes)."""
    if question.kind != "texte":
        return question.kind
    return "texte-article" if question.id.startswith("texte-article-") else "texte-notion"


def right_options(facts: Facts, question: Question) -> list[str]:
    """Every option of ``question`` the data makes right (exactly one in a well-formed question)."""
    probe = Question(**{**question.__dict__, "kind": oracle_kind(question)})
    return [o for o in question.options if is_right(facts, probe, o)]


# --- choosing distractors ----------------------------------------------------------------


def _ranked(seed: str, candidates: Iterable[str]) -> Iterator[str]:
    """The candidates in the order of their hash with ``seed`` (a stable shuffle), produced as
    they are asked for: a question needs three distractors, not its whole pool sorted."""
    heap = [(_hash(f"{seed}:{c}"), c) for c in dict.fromkeys(candidates)]
    heapq.heapify(heap)
    while heap:
        yield heapq.heappop(heap)[1]


def _pick(facts: Facts, draft: Question, pools: Iterable[Iterable[str]], exclude: Set[str] = frozenset(),
          k: int = DISTRACTORS) -> tuple[str, ...]:
    """Up to ``k`` distractors, from the first pool (the most plausible) on; each one checked
    with the oracle and distinct from the others and from the right answer."""
    kind = oracle_kind(draft)
    probe = Question(**{**draft.__dict__, "kind": kind})
    chosen: list[str] = []
    seen = {normalize(draft.right)} | {normalize(e) for e in exclude}
    for pool in pools:
        if len(chosen) == k:  # the next pools are not needed (nor built, when passed lazily)
            break
        for option in _ranked(draft.id, pool):
            if len(chosen) == k:
                return tuple(chosen)
            if normalize(option) in seen or is_right(facts, probe, option):
                continue
            seen.add(normalize(option))
            chosen.append(option)
    return tuple(chosen)


def _finish(facts: Facts, draft: Question, pools: Iterable[Iterable[str]], exclude: Set[str] = frozenset(),
            minimum: int = 2) -> Question | None:
    distractors = _pick(facts, draft, pools, exclude)
    if len(distractors) < minimum:
        return None
    return Question(**{**draft.__dict__, "distractors": distractors})


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _mentions(quote: str, concept: Concept) -> bool:
    """Whether a quotation names its own notion (it would give the answer away)."""
    words = normalize(quote)
    return any(normalize(t) in words for t in [concept.term, *concept.aliases])


# --- the kinds -------------------------------------------------------------------------


def _where(facts: Facts, d: Definition) -> str:
    page = (f", p. {d.page}" if d.page[:1].isdigit() else f", {d.page}") if d.page else ""
    return f"{source_label(facts.source(d.source))}{page}"


def author_questions(facts: Facts) -> Iterator[Question]:
    """« Qui a proposé cette définition ? »: the distractors define other notions (first the
    same notion, then the same family), are of the same kind (person or body), and never
    wrote or edited the source."""
    by_family: dict[str, set[str]] = {}
    for c in facts.concepts:
        by_family.setdefault(c.family, set()).update(a for d in c.definitions for a in facts.definers(d))
    everyone = set().union(*by_family.values()) if by_family else set()
    for concept in facts.concepts:
        for n, d in enumerate(concept.definitions, 1):
            definers = facts.definers(d)
            if not definers or len(_one_line(d.quote)) > MAX_QUOTE:
                continue
            right = facts.author(definers[0])
            source = facts.source(d.source)
            involved = set(definers) | set(source.authors) | set(source.editors)
            same_concept = {a for other in concept.definitions for a in facts.definers(other)}

            def pool(ids: set[str], kind: str = right.kind, skip: set[str] = involved) -> list[str]:
                return [facts.label(a) for a in sorted(ids - skip) if facts.author_kind(a) == kind]

            draft = Question(
                id=f"auteur-{concept.id}-{n}", kind="auteur", prompt=f"Qui a proposé cette définition de « {concept.term} » ?",
                quote=_one_line(d.quote), right=person_label(right), distractors=(),
                explanation=f"Auteur de la définition : {', '.join(person_label(facts.author(a)) for a in definers)} ; "
                            f"source : {_where(facts, d)}.",
                source=("source", d.source), page=("concept", concept.id), concepts=(concept.id,),
                key=normalize(d.quote))
            co_authors = {person_label(facts.author(a)) for a in involved}
            pools = (pool(ids) for ids in (same_concept, by_family.get(concept.family, set()), everyone))
            question = _finish(facts, draft, pools, exclude=co_authors)
            if question:
                yield question


def notion_questions(facts: Facts) -> Iterator[Question]:
    """« De quelle notion s'agit-il ? »: a definition that does not name its notion; the
    distractors are its neighbours, then notions of its family."""
    for concept in facts.concepts:
        neighbours = [r.concept for r in concept.related]
        family = [c.id for c in facts.families[concept.family]]
        for n, d in enumerate(concept.definitions, 1):
            quote = _one_line(d.quote)
            if len(quote) > MAX_QUOTE or _mentions(quote, concept):
                continue
            terms = [[facts.corpus.one_of("concept", i, Concept).term for i in ids if i != concept.id]
                     for ids in (neighbours, family)]
            usable = [[t for t in pool if normalize(t) not in normalize(quote)] for pool in terms]
            who = ", ".join(person_label(facts.author(a)) for a in facts.definers(d))
            credit = f" ; auteur : {who}" if who else ""
            draft = Question(
                # the quotation names its speaker, as every quotation of the site does
                id=f"notion-{concept.id}-{n}", kind="notion",
                prompt=f"Quelle notion cette définition de {who} définit-elle ?" if who
                else "Quelle notion cette définition définit-elle ?",
                quote=quote, right=concept.term, distractors=(),
                explanation=f"Définition de « {concept.term} »{credit} ; source : {_where(facts, d)}.",
                source=("source", d.source), page=("concept", concept.id), concepts=(concept.id,),
                key=normalize(d.quote))
            question = _finish(facts, draft, usable)
            if question:
                yield question


def relation_questions(facts: Facts) -> Iterator[Question]:
    """Typed relations: « X est une forme de quelle notion ? ». The distractors come from the
    family of the right answer and have no recorded relation at all with X."""
    for concept in facts.concepts:
        asked: set[str] = set()
        for r in concept.related:
            if r.relation not in ASKED_RELATIONS or r.relation in asked or r.concept == concept.id:
                continue
            asked.add(r.relation)  # one question per relation type and notion
            other = facts.corpus.one_of("concept", r.concept, Concept)
            related = facts.related_to.get(concept.id, set())

            def unrelated(among: list[Concept], related: set[str] = related, me: str = concept.id) -> Iterator[str]:
                return (c.term for c in among if c.id != me and c.id not in related)

            source = r.source or (concept.attested_in[0] if concept.attested_in else None)
            note = f" : {plain_text(facts.corpus, r.note).rstrip('.')}" if r.note else ""
            cited = f" Source : {source_label(facts.source(source))}." if source else ""
            draft = Question(
                id=f"relation-{concept.id}-{r.relation}", kind="relation",
                prompt=f"D'après les sources, « {concept.term} » {vocab.RELATIONS[r.relation]} quelle notion ?",
                quote="", right=other.term, distractors=(),
                explanation=f"« {concept.term} » {vocab.RELATIONS[r.relation]} « {other.term} »{note}.{cited}",
                source=("source", source) if source else ("concept", concept.id), page=("concept", concept.id),
                concepts=(concept.id, other.id), key=f"{concept.id}|{r.relation}")
            pools = (unrelated(among) for among in (facts.families.get(other.family, []), facts.concepts))
            question = _finish(facts, draft, pools)
            if question:
                yield question


def legal_questions(facts: Facts) -> Iterator[Question]:
    """Legal grounds: which text introduced a codified article, which text the dossier cites
    for a notion. Distractors are other legal texts, checked not to hold that article or
    notion."""
    labels = [legal_label(t) for t in facts.legal_texts]
    for text in facts.legal_texts:
        for article in text.articles:
            if not article.codified_as:
                continue
            draft = Question(
                id=f"texte-article-{text.id}-{article.number}".lower().replace(" ", "-"), kind="texte",
                prompt=f"Quel texte a donné sa rédaction à l'article {article.codified_as} ?",
                quote="", right=legal_label(text), distractors=(),
                explanation=f"L'article {article.number} de « {text.title} » est codifié {article.codified_as}.",
                source=("legal", text.id), page=("legal", text.id), concepts=tuple(article.concepts),
                key=article.codified_as)
            question = _finish(facts, draft, [labels])
            if question:
                yield question
        for concept_id in sorted(facts.legal_concepts(text)):
            term = facts.corpus.one_of("concept", concept_id, Concept).term
            draft = Question(
                id=f"texte-notion-{text.id}-{concept_id}", kind="texte",
                prompt=f"Lequel de ces textes est cité comme base juridique à propos de la notion « {term} » ?",
                quote="", right=legal_label(text), distractors=(),
                explanation=f"« {text.title} » ({text.date.year}) : texte cité à propos de la notion « {term} ».",
                source=("legal", text.id), page=("concept", concept_id), concepts=(concept_id,), key=concept_id)
            question = _finish(facts, draft, [labels])
            if question:
                yield question


def acronym_questions(facts: Facts) -> Iterator[Question]:
    """« Que signifie le sigle … ? »: distractors are expansions of the same domain first."""
    developed = [(a, a.expansion) for a in facts.acronyms if a.expansion]
    every_expansion = [e for _, e in developed]
    by_domain: dict[str, list[str]] = {}
    for a, e in developed:
        by_domain.setdefault(a.domain, []).append(e)
    for entry, expansion in developed:
        if not entry.attested_in:
            continue  # an acronym outside the sources: no source to cite as the answer's ground
        same_domain = by_domain[entry.domain]
        source = entry.attested_in[0]
        draft = Question(
            id=f"sigle-{entry.id}", kind="sigle", prompt=f"Que signifie le sigle {entry.acronym} ?",
            quote="", right=expansion, distractors=(),
            explanation=f"{entry.acronym} : {expansion}. Source : {source_label(facts.source(source))}.",
            source=("source", source), page=("glossary", entry.id), concepts=tuple(entry.concepts),
            key=normalize(entry.acronym))
        question = _finish(facts, draft, [same_domain, every_expansion])
        if question:
            yield question


def _case_name(case: Case) -> str:
    """« n° 1 (PRE d'Angoulême, 2009) »: the title would give the level away."""
    what = ", ".join(x for x in (case.place or case.dispositif, case.years) if x)
    number = f"n° {case.number} " if case.number else ""
    return f"{number}({what})" if what else number.strip() or case.id


def level_questions(facts: Facts) -> Iterator[Question]:
    """Which partnership level an encadré illustrates, as its speaker classifies it."""
    cases: list[Case] = sorted(facts.corpus.all_of("case", Case), key=lambda c: c.id)
    for case in cases:
        if not case.level:
            continue
        draft = Question(
            id=f"niveau-{case.id}", kind="niveau",
            prompt=f"Quel niveau de partenariat l'encadré {_case_name(case)} illustre-t-il ?",
            quote="", right=vocab.PARTNERSHIP_LEVELS[case.level], distractors=(),
            explanation=f"Il est présenté comme un exemple de {vocab.PARTNERSHIP_LEVELS[case.level].lower()}, "
                        f"dans {source_label(facts.source(case.source))}.",
            source=("source", case.source), page=("case", case.id), concepts=tuple(case.concepts), key=case.id)
        question = _finish(facts, draft, [list(vocab.PARTNERSHIP_LEVELS.values())], minimum=2)
        if question:
            yield question


@dataclass(frozen=True)
class _Bank:
    """The bank of one corpus object, with its questions by page and by notion (positions in
    the bank), so that a page or a competency finds its own without going through the bank."""

    corpus: Corpus
    questions: list[Question]
    by_page: dict[tuple[str, str], list[Question]]
    by_concept: dict[str, list[int]]


_last_bank: list[_Bank] = []  # pages and exports of one build share it


def _bank(corpus: Corpus) -> _Bank:
    if _last_bank and _last_bank[0].corpus is corpus:
        return _last_bank[0]
    with not_recording():  # computed once for every page: each notes the part it reads
        facts = Facts(corpus)
        out: list[Question] = []
        for generate in (author_questions, notion_questions, relation_questions, legal_questions, acronym_questions,
                         level_questions):
            out.extend(generate(facts))
    by_page: dict[tuple[str, str], list[Question]] = {}
    by_concept: dict[str, list[int]] = {}
    for n, q in enumerate(out):
        by_page.setdefault(q.page, []).append(q)
        for c in dict.fromkeys(q.concepts):
            by_concept.setdefault(c, []).append(n)
    _last_bank[:] = [_Bank(corpus, out, by_page, by_concept)]
    return _last_bank[0]


def build_questions(corpus: Corpus) -> list[Question]:
    """The whole bank, kind by kind, in a stable order (computed once per corpus object)."""
    note(("questions",))
    return list(_bank(corpus).questions)


def page_bank(corpus: Corpus, page: tuple[str, str]) -> list[Question]:
    """The questions of the bank about one page (``("concept", id)``), in bank order."""
    note(("questions", *page))
    return list(_bank(corpus).by_page.get(page, []))


def bank_views(corpus: Corpus) -> tuple[list[Question], dict[tuple[str, str], list[Question]], dict[str, list[Question]]]:
    """The bank, by page and by notion, as its readers see them (what a preview compares)."""
    bank = _bank(corpus)
    by_concept = {c: [bank.questions[n] for n in positions] for c, positions in bank.by_concept.items()}
    return bank.questions, bank.by_page, by_concept


# --- competencies ------------------------------------------------------------------------


@dataclass(frozen=True)
class Competency:
    """A coded item of a curriculum with the notions it (or an item under it) calls for."""

    curriculum: str
    anchor: str
    code: str
    label: str
    concepts: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"{self.code} — {self.label}"


def _walk(items: list[CurriculumItem]) -> Iterator[CurriculumItem]:
    for item in items:
        yield item
        yield from _walk(item.children)


def competencies(corpus: Corpus) -> list[Competency]:
    """Every coded item of every curriculum that lists notions itself (with those of the items
    under it); a heading that only groups coded items gets no pack of its own."""
    from partenariat.render.curriculum import anchor_map

    out = []
    curricula: list[Curriculum] = sorted(corpus.all_of("curriculum", Curriculum), key=lambda c: c.id)
    for curriculum in curricula:
        anchors = anchor_map(curriculum)
        for section in curriculum.sections:
            for item in _walk(section.items):
                concepts = tuple(dict.fromkeys(c for i in _walk([item]) for c in i.concepts))
                if item.code and item.concepts:
                    out.append(Competency(curriculum.id, anchors[id(item)], item.code, item.label, concepts))
    return out


def questions_for(bank: list[Question], concepts: Iterable[str]) -> list[Question]:
    """The questions that exercise any of ``concepts`` (a competency's notions)."""
    wanted = set(concepts)
    return [q for q in bank if wanted.intersection(q.concepts)]


def corpus_questions_for(corpus: Corpus, concepts: Iterable[str]) -> list[Question]:
    """`questions_for` on the whole bank of ``corpus``, through its index by notion."""
    bank = _bank(corpus)
    wanted = set(concepts)
    for c in wanted:
        note(("exercising", c))
    positions = sorted({n for c in wanted for n in bank.by_concept.get(c, ())})
    return [bank.questions[n] for n in positions]
