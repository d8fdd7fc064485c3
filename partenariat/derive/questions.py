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
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from partenariat.base.folding import fold
from partenariat.base.french import fill, with_article
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
    Relation,
    Source,
)
from partenariat.derive.core import UNTITLED, name_of, plain_text, relation_phrase

# Question kinds, in the order the exports list them, with their French category label.
KINDS = {
    "auteur": "Qui a proposé cette définition ?",
    "notion": "À quelle notion se rapporte cette définition ?",
    "relation": "Relations entre notions",
    "texte": "Textes juridiques",
    "sigle": "Sigles",
    "niveau": "Niveaux de partenariat des encadrés",
}

# What a sigle's feedback says when no source document spells out its expansion.
OUTSIDE_EXPANSION = "Développement hors des documents sources (connaissance générale)"

MAX_QUOTE = 320  # a longer quotation makes a poor question on a phone
DISTRACTORS = 3

# Relations worth a question, and the relations that state the same fact seen from the other
# side ("A est une forme de B" ⇔ "B englobe A"), so that the oracle finds every right answer.
# « précède » and « suit » are not asked: the seeds' scales are lists or a garbled sentence
# (004:92), not orders an author states.
ASKED_RELATIONS = ("distinct-de", "s-oppose-a", "forme-de", "niveau-de", "etape-de", "composante-de",
                   "condition-de", "outil-de", "risque-de", "critique-de", "englobe")
SAME_FACT_REVERSED = {
    "distinct-de": {"distinct-de"}, "s-oppose-a": {"s-oppose-a"}, "precede": {"suit"}, "suit": {"precede"},
    "englobe": {"forme-de", "composante-de", "niveau-de", "etape-de"},
    "forme-de": {"englobe"}, "composante-de": {"englobe"}, "niveau-de": {"englobe"}, "etape-de": {"englobe"},
}
# « X est une étape de Z »: asked only when the relation's source is one that presents Z (quotes
# it), so that one author's steps are not taught as the steps of another's scale.
MEMBERSHIP = {"forme-de", "niveau-de", "etape-de", "composante-de"}
# Notions a definition could be said to define as well as its own: not offered as wrong.
CONTRAST = {"distinct-de", "s-oppose-a"}
CLOSE_RELATIONS = {"voisin-de", "englobe", "forme-de", "composante-de", "niveau-de", "etape-de"}


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


@functools.lru_cache(maxsize=65536)
def _hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


@functools.lru_cache(maxsize=65536)
def answer_form(text: str) -> str:
    """Comparison form of a label or quotation: spacing and case do not make two answers differ."""
    return " ".join(text.split()).casefold()


def person_label(author: Author) -> str:
    """'Philippe DUMAS', 'Jean-Yves TRÉPOS': the name as options show it (given name first), by
    the one naming rule of the site (`core.name_of`)."""
    return name_of(author).natural


def names_label(authors: list[Author]) -> str:
    """« Maxime Calvet et Jean-Jacques Valentin »: co-authors credited together."""
    labels = [person_label(a) for a in authors]
    if len(labels) < 2:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " et " + labels[-1]


def source_label(source: Source) -> str:
    """« Title » (year); a work whose title the sources do not give is named as the seed cites or
    describes it and said untitled, never quoted as if that were its title."""
    if not source.title:
        return f"{source.cited_as} {UNTITLED}"
    return f"« {source.title} »" + (f" ({source.year})" if source.year else "")


def legal_label(text: LegalText) -> str:
    return text.short_title or text.title


def quoted(term: str) -> str:
    return f"« {term} »"


# --- words: does a sentence give the answer away? -------------------------------------------

STOPWORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "un", "une", "et", "ou", "en", "au", "aux", "a",
             "par", "pour", "sur", "dans", "avec", "sans", "comme", "que", "qui", "ce", "cette", "ces", "se",
             "son", "sa", "ses", "leur", "leurs", "est", "il", "elle", "ils", "elles", "ne", "pas", "n", "qu",
             "s", "y", "on", "plus", "tout", "tous"}
STEM_PREFIX = 6  # two words sharing this many first letters are one word (« partenaire », « partenariat »)


def _stem(word: str) -> str:
    """A word without its French inflection: plural, feminine, « -aux »."""
    if word.endswith("aux") and not word.endswith("eaux") and len(word) > 4:  # « territoriaux », not « réseaux »
        word = word[:-3] + "al"
    elif word.endswith(("s", "x")) and len(word) > 3:
        word = word[:-1]
    if word.endswith("elle"):
        word = word[:-2]
    elif word.endswith("ive"):
        word = word[:-3] + "if"
    elif word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


@functools.lru_cache(maxsize=65536)  # the oracle compares the same labels for every question
def content_words(text: str) -> frozenset[str]:
    """The stems of the meaningful words of ``text``, accents and case folded."""
    words = re.findall(r"[a-z0-9]+", fold(text).casefold())
    return frozenset(_stem(w) for w in words if w not in STOPWORDS and len(w) > 2)


def _same_word(a: str, b: str) -> bool:
    return a == b or (len(a) >= STEM_PREFIX and len(b) >= STEM_PREFIX and a[:STEM_PREFIX] == b[:STEM_PREFIX])


def revealing_words(text: str, right: str, others: Iterable[str]) -> set[str]:
    """The words of the right answer (or an inflection of them) that ``text`` holds and that
    are not in every other option: each one points to the answer."""
    others = list(others)
    answer = content_words(right)
    everywhere = [content_words(o) for o in others]
    own = {w for w in answer if not all(any(_same_word(w, x) for x in words) for words in everywhere)}
    said = content_words(text)
    return {w for w in own if any(_same_word(w, x) for x in said)}


def gives_away(question: Question) -> bool:
    return bool(revealing_words(f"{question.prompt} {question.quote}", question.right, question.distractors))


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

    def source(self, source_id: str) -> Source:
        return self.corpus.one_of("source", source_id, Source)

    def concept(self, concept_id: str) -> Concept:
        return self.corpus.one_of("concept", concept_id, Concept)

    def definers(self, d: Definition) -> list[str]:
        """Who is credited with a quotation: its author, else the authors of its source (a law's
        text is credited to the law, no one's)."""
        if d.legal:
            return []
        return [d.author] if d.author else list(self.source(d.source).authors)

    def definer_label(self, d: Definition) -> str:
        return names_label([self.author(a) for a in self.definers(d)])

    @cached_property
    def credited(self) -> dict[str, set[str]]:
        """Normalised quotation → labels of everyone credited with it (one quotation may be cited
        twice), each alone and together with their co-authors."""
        out: dict[str, set[str]] = {}
        for concept in self.concepts:
            for d in concept.definitions:
                who = self.definers(d)
                labels = {person_label(self.author(a)) for a in who} | ({self.definer_label(d)} if who else set())
                out.setdefault(answer_form(d.quote), set()).update(labels)
        return out

    @cached_property
    def defined_terms(self) -> dict[str, set[str]]:
        """Normalised quotation → normalised terms and aliases of every notion whose page quotes
        it (as a definition or not: a remark on a notion is no wrong answer either)."""
        out: dict[str, set[str]] = {}
        for concept in self.concepts:
            for d in concept.definitions:
                out.setdefault(answer_form(d.quote), set()).update(answer_form(t) for t in [concept.term, *concept.aliases])
        return out

    @cached_property
    def defining(self) -> dict[str, set[str]]:
        """Normalised quotation → ids of the notions it is a definition of."""
        out: dict[str, set[str]] = {}
        for concept in self.concepts:
            for d in concept.definitions:
                if d.is_definition:
                    out.setdefault(answer_form(d.quote), set()).add(concept.id)
        return out

    @cached_property
    def voices(self) -> dict[str, set[str]]:
        """Normalised quotation → labels of the people its source makes speak with it: the
        source's authors and editors, whoever else the same source quotes on the same notion
        (Frigoli glossing Friedberg's notion in one sentence, 004:787), and the authors of the
        documents through which the notion reaches the site (the dossier that cites them all)."""
        out: dict[str, set[str]] = {}
        for concept in self.concepts:
            compilers = {a for s in concept.attested_in for a in self.source(s).authors}
            for d in concept.definitions:
                source = self.source(d.source)
                ids = set(source.authors) | set(source.editors) | compilers
                ids |= {a for other in concept.definitions if other.source == d.source for a in self.definers(other)}
                out.setdefault(answer_form(d.quote), set()).update(person_label(self.author(a)) for a in ids)
        return out

    @cached_property
    def quoting_sources(self) -> dict[str, set[str]]:
        """Concept id → the sources its page quotes (the works that present the notion)."""
        return {c.id: {d.source for d in c.definitions} for c in self.concepts}

    @cached_property
    def relations(self) -> set[tuple[str, str, str]]:
        """(concept, relation, other concept) as the data records them."""
        return {(c.id, r.relation, r.concept) for c in self.concepts for r in c.related}

    @cached_property
    def relation_sources(self) -> dict[tuple[str, str, str], set[str]]:
        """(concept, relation, other concept) → the sources that state it (none when unsourced)."""
        out: dict[tuple[str, str, str], set[str]] = {}
        for c in self.concepts:
            for r in c.related:
                out.setdefault((c.id, r.relation, r.concept), set()).update([r.source] if r.source else [])
        return out

    def holders(self, relation: str, other: str) -> dict[str, set[str]]:
        """Notion id → sources, for every notion the data says stands in ``relation`` to
        ``other`` (read both ways: « B englobe A » says that A is a form of B)."""
        return self._holders.get((relation, other), {})

    @cached_property
    def _holders(self) -> dict[tuple[str, str], dict[str, set[str]]]:
        """`holders` for every (relation, notion), made in one pass over the relations."""
        out: dict[tuple[str, str], dict[str, set[str]]] = {}
        for (a, r, b), sources in self.relation_sources.items():
            out.setdefault((r, b), {}).setdefault(a, set()).update(sources)
            for relation, reversed_ in SAME_FACT_REVERSED.items():
                if r in reversed_:
                    out.setdefault((relation, a), {}).setdefault(b, set()).update(sources)
        return out

    @cached_property
    def related_to(self) -> dict[str, set[str]]:
        """Concept id → ids of the notions it has any recorded relation with (either way)."""
        out: dict[str, set[str]] = {}
        for a, _, b in self.relations:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
        return out

    @cached_property
    def close_to(self) -> dict[str, set[str]]:
        """Concept id → the notions it is a neighbour, part or whole of (either way)."""
        out: dict[str, set[str]] = {}
        for a, relation, b in self.relations:
            if relation in CLOSE_RELATIONS:
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
                out.setdefault(answer_form(t), set()).add(c.id)
        return out

    @cached_property
    def siblings(self) -> dict[tuple[str, str], set[str]]:
        """(type, id) → ids of the same type that a source presents in a group with it (Béhar's
        three territories, the laws of the « bases juridiques »), the member itself included."""
        out: dict[tuple[str, str], set[str]] = {}
        for source in self.corpus.all_of("source", Source):
            for group in source.groups:
                for type_name, members in (("concept", group.concepts), ("legal", group.legal),
                                           ("author", group.authors)):
                    for member in members:
                        out.setdefault((type_name, member), set()).update(members)
        return out

    def group_mates(self, type_name: str, ids: Iterable[str]) -> set[str]:
        return {m for i in ids for m in self.siblings.get((type_name, i), set())}

    @cached_property
    def legal_texts(self) -> list[LegalText]:
        """The legal texts the sources cite: a text declared outside the seeds (a legal basis
        added for practitioners) is never asked as what « les sources citent »."""
        return sorted((t for t in self.corpus.all_of("legal", LegalText) if t.attested_in), key=lambda t: t.id)

    def legal_concepts(self, text: LegalText) -> set[str]:
        return set(text.concepts) | {c for a in text.articles if not a.outside_seeds for c in a.concepts}

    @cached_property
    def legal_ids(self) -> dict[str, set[str]]:
        """Normalised label → ids of the legal texts it names."""
        out: dict[str, set[str]] = {}
        for t in self.legal_texts:
            out.setdefault(answer_form(legal_label(t)), set()).add(t.id)
        return out

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
                out.setdefault(answer_form(name), set()).add(answer_form(a.expansion))
        return out


# --- the oracle ------------------------------------------------------------------------


def is_right(facts: Facts, question: Question, option: str) -> bool:
    """Whether the data makes ``option`` a right answer to ``question``, read from the data
    itself, not from how the question was built."""
    kind, key, value = question.kind, question.key, answer_form(option)
    if kind == "auteur":
        return value in {answer_form(n) for n in facts.credited.get(key, set())}
    if kind == "notion":
        return value in facts.defined_terms.get(key, set())
    if kind == "relation":
        subject, relation = key.split("|")
        reversed_ = SAME_FACT_REVERSED.get(relation, set())
        return any((subject, relation, other) in facts.relations
                   or any((other, r, subject) in facts.relations for r in reversed_)
                   for other in facts.term_ids.get(value, set()))
    if kind == "texte-notion":
        return any(answer_form(legal_label(t)) == value and key in facts.legal_concepts(t) for t in facts.legal_texts)
    if kind == "texte-article":
        return any(answer_form(legal_label(t)) == value and any(a.codified_as == key for a in t.articles)
                   for t in facts.legal_texts)
    if kind == "sigle":
        return value in facts.expansions.get(key, set())
    if kind == "niveau":
        case = facts.corpus.get("case", key)
        assert isinstance(case, Case)
        return case.level is not None and value == answer_form(vocab.PARTNERSHIP_LEVELS[case.level])
    raise ValueError(f"unknown question kind {kind!r}")


def defensible(facts: Facts, question: Question, option: str) -> bool:
    """Whether the seeds put ``option`` beside the right answer, so that a student could defend
    it: a notion or a law the same source presents in one group with the answer (or, for a
    relation, with its subject), a notion the definition's own notion is a part, whole or
    neighbour of, a person the quotation's source makes speak (co-author, editor, the author
    quoted in the same passage)."""
    kind, value = oracle_kind(question), answer_form(option)
    if kind == "auteur":
        return value in {answer_form(n) for n in facts.voices.get(question.key, set())}
    if kind in ("notion", "relation"):
        ids = facts.term_ids.get(value, set())
        answer = facts.term_ids.get(answer_form(question.right), set())
        subject, relation = question.key.split("|") if kind == "relation" else ("", "")
        anchors = answer | ({subject} if subject else set())
        # what sets a notion apart from X sets it apart from the notions X is grouped with
        likes = answer | (facts.group_mates("concept", {subject}) if relation in CONTRAST else set())
        near = facts.group_mates("concept", anchors) | {c for a in likes for c in facts.close_to.get(a, set())}
        if kind == "relation" and _said_of_a_neighbour(facts, question, subject, relation, ids):
            return True
        return bool(ids & (near - anchors)) or any(_kind_or_genus(option, facts.concept(c).term) for c in likes)
    if kind == "sigle":  # « Brevet de technicien supérieur » beside the BTS ESF's expansion
        return any(_kind_or_genus(option, e) for e in facts.expansions.get(question.key, set()))
    if kind in ("texte-notion", "texte-article"):
        ids = facts.legal_ids.get(value, set())
        anchors = facts.legal_ids.get(answer_form(question.right), set())
        if ids & (facts.group_mates("legal", anchors) - anchors):
            return True
        if kind == "texte-notion":  # a text cited about a kind, a part or a neighbour of the notion
            notion = question.key
            near = facts.close_to.get(notion, set()) | facts.group_mates("concept", {notion})
            cited = {c for t in facts.legal_texts if t.id in ids for c in facts.legal_concepts(t)}
            term = facts.concept(notion).term
            # « Ordonnance sur les contrats de partenariat » beside « Convention de partenariat »
            named = bool(content_words(option) & content_words(term))
            return named or bool(cited & near) or any(_kind_or_genus(facts.concept(c).term, term) for c in cited)
    return False


def _said_of_a_neighbour(facts: Facts, question: Question, subject: str, relation: str, ids: set[str]) -> bool:
    """Whether the data says of another notion what the option would say of the subject, in
    the question's own source or of a notion a source groups with the subject: « Secret
    partagé est un outil de Compétence distribuée » (Trépos) makes Compétence distribuée no
    wrong answer to « D'après Trépos, Charte… est un outil de quelle notion ? » — marked right
    in one question, it would be marked wrong in the other."""
    source = question.source[1]
    mates = facts.group_mates("concept", {subject})
    for other in ids:
        for holder, sources in facts.holders(relation, other).items():
            if holder != subject and (source in sources or holder in mates):
                return True
    return False


@functools.lru_cache(maxsize=65536)
def _kind_or_genus(option: str, right: str) -> bool:
    """« Partenariat public-privé » beside « Partenariat »: one names a kind of the other (its
    words hold all the other's words), and what is said of the one is said of the other."""
    a, b = content_words(option), content_words(right)
    return bool(a and b) and (all(any(_same_word(x, y) for y in b) for x in a)
                              or all(any(_same_word(x, y) for y in a) for x in b))


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

# One option may serve as a distractor in at most this share of the questions of its kind
# where it is a valid distractor (at least once): a student who has seen a few questions
# must not answer the others by eliminating the usual fillers.
REUSE_SHARE = 0.25
REUSE_FLOOR = 1


def reuse_cap(eligible: int) -> int:
    """How many questions of a kind may offer one option as a distractor, when it is a valid
    distractor in ``eligible`` of them."""
    return max(REUSE_FLOOR, int(REUSE_SHARE * eligible))


@dataclass(frozen=True)
class _Draft:
    """A question before its distractors: the candidate pools, most plausible first (each
    candidate is checked with the oracle), how many distractors it needs at least, whether its
    options are a closed scale that every question shows (not rotated), and a last check of
    the finished question."""

    question: Question
    pools: tuple[tuple[str, ...], ...]
    minimum: int = 2
    closed: bool = False
    accept: Callable[[Question], bool] | None = None


def _draft(question: Question, pools: Iterable[Iterable[str]], minimum: int = 2, closed: bool = False,
           accept: Callable[[Question], bool] | None = None) -> _Draft:
    return _Draft(question, tuple(tuple(pool) for pool in pools), minimum, closed, accept)


def _candidates(facts: Facts, draft: _Draft) -> list[tuple[int, str]]:
    """(pool rank, option) of every valid distractor of ``draft``: plainly wrong, distinct from
    the right answer and from one another (spacing and case aside), in its first pool."""
    seen = {answer_form(draft.question.right)}
    probe = oracle_probe(draft.question)
    out = []
    for rank, pool in enumerate(draft.pools):
        for option in pool:
            if answer_form(option) in seen or not plainly_wrong(facts, draft.question, option, probe):
                continue
            seen.add(answer_form(option))
            out.append((rank, option))
    return out


def _allocate(facts: Facts, drafts: list[_Draft]) -> list[Question]:
    """The questions of one kind with their distractors, in draft order.

    Options are shared out in two rounds: first every question takes the distractors it needs
    at least, the questions with the fewest valid distractors first; then each one is topped
    up to DISTRACTORS with what is left. A question takes its distractors from its first pool
    on; within a pool, the options used least so far come first (ties broken by a hash of the
    question id, so the choice is stable); an option is not used more than `reuse_cap` times.
    A question left with too few distractors, or whose stem then gives its answer away, is
    dropped; as a dropped question no longer counts towards the caps, the sharing is redone
    until no question is dropped."""
    candidates = [_candidates(facts, d) for d in drafts]
    alive = [n for n, d in enumerate(drafts) if len(candidates[n]) >= d.minimum]
    while True:
        eligible = Counter(option for n in alive for _, option in candidates[n])
        used: Counter[str] = Counter()
        chosen: dict[int, list[str]] = {}
        order = sorted(alive, key=lambda n: len(candidates[n]))  # the questions with fewest choices first
        taken: set[frozenset[str]] = set()  # the distractor sets given so far: no two questions share one
        for want in ("minimum", "most"):
            for n in order:
                if want == "most" and n not in chosen:
                    continue
                draft = drafts[n]
                picked = chosen.setdefault(n, [])
                goal = draft.minimum if want == "minimum" else DISTRACTORS
                for option in _ranked(draft, candidates[n], used):
                    if len(picked) >= goal:
                        break
                    if option in picked or not (draft.closed or used[option] < reuse_cap(eligible[option])):
                        continue
                    if want == "most" and (not _acceptable(draft, [*picked, option])
                                           or (not draft.closed and frozenset([*picked, option]) in taken)):
                        continue
                    picked.append(option)
                    used[option] += 1
                if want == "minimum" and (len(picked) < draft.minimum or not _acceptable(draft, picked)):
                    used.subtract(picked)
                    del chosen[n]
                if want == "most":
                    taken.add(frozenset(picked))
        if len(chosen) == len(alive):
            return [Question(**{**drafts[n].question.__dict__, "distractors": tuple(chosen[n])}) for n in alive]
        alive = sorted(chosen)


def _ranked(draft: _Draft, candidates: list[tuple[int, str]], used: Counter[str]) -> list[str]:
    """The candidates in the order a question takes them: pool by pool, the least used first."""
    return [o for _, _, _, o in sorted((rank, used[o], _hash(f"{draft.question.id}:{o}"), o) for rank, o in candidates)]


def _acceptable(draft: _Draft, distractors: list[str]) -> bool:
    question = Question(**{**draft.question.__dict__, "distractors": tuple(distractors)})
    return not gives_away(question) and (draft.accept is None or draft.accept(question))


def plainly_wrong(facts: Facts, question: Question, option: str, probe: Question | None = None) -> bool:
    """A distractor the data makes wrong and the seeds do not set beside the answer
    (``probe``: `oracle_probe` of the question, when it is asked of many options)."""
    probe = probe or oracle_probe(question)
    return not is_right(facts, probe, option) and not defensible(facts, question, option)


def oracle_probe(question: Question) -> Question:
    """The question as the oracle reads it (its kind named as the oracle names it)."""
    return Question(**{**question.__dict__, "kind": oracle_kind(question)})


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- the kinds -------------------------------------------------------------------------


def _where(facts: Facts, d: Definition) -> str:
    page = (f", p. {d.page}" if d.page[:1].isdigit() else f", {d.page}") if d.page else ""
    return f"{source_label(facts.source(d.source))}{page}"


def _quoting(facts: Facts, d: Definition) -> str:
    """« , rapportée par Gilles Frigoli » when the speaker is quoted in someone else's work (the
    participle agrees with « définition », whoever the speakers are)."""
    source = facts.source(d.source)
    if not d.author or not source.authors or d.author in source.authors:
        return ""
    return fill(", rapportée par {who}", who=with_article(names_label([facts.author(a) for a in source.authors])))


def _definitions(facts: Facts, concept: Concept) -> Iterator[tuple[int, Definition]]:
    """(position from 1, definition) of the quotations that define ``concept`` and no other
    notion (a quotation defining three ontologies at once defines none of them alone), short
    enough for a phone. Positions count every quotation, so ids do not move."""
    for n, d in enumerate(concept.definitions, 1):
        if d.is_definition and len(_one_line(d.quote)) <= MAX_QUOTE \
                and facts.defining.get(answer_form(d.quote), set()) == {concept.id}:
            yield n, d


def author_questions(facts: Facts) -> Iterator[_Draft]:
    """« Qui a proposé cette définition ? »: the distractors define other notions (first the
    same notion, then the same family), are of the same kind (person or body), and are none of
    the people the quotation's source makes speak (co-authors, editors, quoted authors)."""
    by_family: dict[str, set[str]] = {}
    for c in facts.concepts:
        by_family.setdefault(c.family, set()).update(
            a for _, d in _definitions(facts, c) for a in facts.definers(d))
    everyone = set().union(*by_family.values()) if by_family else set()
    for concept in facts.concepts:
        same_concept = {a for _, other in _definitions(facts, concept) for a in facts.definers(other)}
        for n, d in _definitions(facts, concept):
            definers = facts.definers(d)
            if not definers:
                continue
            kind = facts.author(definers[0]).kind

            def pool(ids: set[str], kind: str = kind) -> list[str]:
                return [person_label(facts.author(a)) for a in sorted(ids) if facts.author(a).kind == kind]

            draft = Question(
                id=f"auteur-{concept.id}-{n}", kind="auteur",
                prompt=fill("Qui a proposé cette définition de {term} ?", term=quoted(concept.term)),
                quote=_one_line(d.quote), right=facts.definer_label(d), distractors=(),
                explanation=fill("Définition de {term} par {who}{quoting} ; source : {where}.", term=quoted(concept.term),
                                 who=with_article(facts.definer_label(d)), where=_where(facts, d), quoting=_quoting(facts, d)),
                source=("source", d.source), page=("concept", concept.id), concepts=(concept.id,),
                key=answer_form(d.quote))
            yield _draft(draft, (pool(ids) for ids in (same_concept, by_family.get(concept.family, set()), everyone)))


def notion_questions(facts: Facts) -> Iterator[_Draft]:
    """« Quelle notion… ? »: a definition that does not name its notion; the distractors are the
    notions it is said not to be confused with, then notions of its family — never one the
    seeds set beside it."""
    for concept in facts.concepts:
        contrasted = [r.concept for r in concept.related if r.relation in ("distinct-de", "s-oppose-a")]
        family = [c.id for c in facts.families[concept.family]]
        everyone = [c.id for c in facts.concepts]
        for n, d in _definitions(facts, concept):
            quote = _one_line(d.quote)
            terms = [[facts.concept(i).term for i in ids if i != concept.id] for ids in (contrasted, family, everyone)]
            usable = [[t for t in pool if answer_form(t) not in answer_form(quote)] for pool in terms]
            who = facts.definer_label(d)
            draft = Question(
                # the quotation names its speaker, as every quotation of the site does
                id=f"notion-{concept.id}-{n}", kind="notion",
                prompt=fill("À quelle notion se rapporte cette définition de {who} ?", who=with_article(who)) if who
                else "À quelle notion se rapporte cette définition ?",
                quote=quote, right=concept.term, distractors=(),
                explanation=fill("Définition de {term}", term=quoted(concept.term))
                + (f" ; auteur : {who}" if who else "") + f" ; source : {_where(facts, d)}.",
                source=("source", d.source), page=("concept", concept.id), concepts=(concept.id,),
                key=answer_form(d.quote))
            yield _draft(draft, usable)


def _asked(facts: Facts, concept: Concept, r: Relation) -> bool:
    """A relation is asked when its own source states it: it has a source, and for « X est une
    étape (forme, niveau, composante) de Z » or « Z englobe X », that source quotes Z."""
    if r.relation not in ASKED_RELATIONS or r.concept == concept.id or not r.source:
        return False
    if r.relation in MEMBERSHIP:
        return r.source in facts.quoting_sources.get(r.concept, set())
    if r.relation == "englobe":
        return r.source in facts.quoting_sources.get(concept.id, set())
    return True


def _according_to(facts: Facts, source: Source, reported: bool = False) -> str:
    """« D'après Élisabeth Vidalenc », « D'après le Réseau national… »: the source's voice;
    « Selon ce que rapporte Daniel Béhar » when it reports what it does not state itself."""
    lead = "Selon ce que rapporte" if reported else "D'après"
    if not source.authors:
        return fill(lead + " le document {title}", title=source_label(source))
    return fill(lead + " {who}", who=with_article(names_label([facts.author(a) for a in source.authors])))


def relation_questions(facts: Facts) -> Iterator[_Draft]:
    """Typed relations stated by their own source: « D'après X, « A » est une forme de quelle
    notion ? ». The distractors come from the family of the right answer, have no recorded
    relation at all with A, and no source groups them with A or with the answer."""
    for concept in facts.concepts:
        asked: set[str] = set()
        for r in concept.related:
            if r.relation in asked or not _asked(facts, concept, r):
                continue
            asked.add(r.relation)  # one question per relation type and notion
            assert r.source  # _asked
            other = facts.concept(r.concept)
            related = facts.related_to.get(concept.id, set())

            def unrelated(among: list[Concept], related: set[str] = related, me: str = concept.id) -> Iterator[str]:
                return (c.term for c in among if c.id != me and c.id not in related)

            source = facts.source(r.source)
            note = f". {plain_text(facts.corpus, r.note).rstrip('.')}" if r.note else ""  # a sentence of its own
            phrase = relation_phrase(r)
            # the source's narrower sense of the other notion (Lahary's « public-public »)
            scope = fill(", dans sa forme {scope}", scope=quoted(r.scope)) if r.scope else ""
            draft = Question(
                id=f"relation-{concept.id}-{r.relation}", kind="relation",
                prompt=fill("{who}, {term} " + phrase + " quelle notion{scope} ?",
                            who=_according_to(facts, source, r.reported), term=quoted(concept.term), scope=scope),
                quote="", right=other.term, distractors=(),
                explanation=fill("{term} " + phrase + " la notion de {other}{scope}", term=quoted(concept.term),
                                 other=quoted(other.term), scope=f" ({quoted(r.scope)})" if r.scope else "")
                + f"{note}. Source : {source_label(source)}.",
                source=("source", r.source), page=("concept", concept.id),
                concepts=(concept.id, other.id), key=f"{concept.id}|{r.relation}")
            yield _draft(draft, (unrelated(among) for among in (facts.families.get(other.family, []), facts.concepts)))


def code_article(codified_as: str) -> str:
    """« CASF L. 312-6 » → « L. 312-6 du CASF »: the article's number, then its code."""
    match = re.fullmatch(r"([A-Z][A-Za-z]*) (.+)", codified_as.strip())
    return f"{match.group(2)} du {match.group(1)}" if match else codified_as


def _year_unless_said(text: LegalText) -> str:
    """« (2002) » after a title, unless the title already holds a year (« Ordonnances Juppé de
    1996 », « Plan solidarité grand âge 2007-2012 »): a second, other year would puzzle."""
    return "" if re.search(r"\b(1[89]|20)\d\d\b", text.title) else f" ({text.date.year})"


def legal_questions(facts: Facts) -> Iterator[_Draft]:
    """Legal grounds: which text introduced a codified article, which text the sources cite
    about a notion. Distractors are other legal texts, checked not to hold that article or
    notion, and never a text cited together with the answer."""
    labels = [legal_label(t) for t in facts.legal_texts]
    for text in facts.legal_texts:
        for article in text.articles:
            if not article.codified_as or not article.number or article.outside_seeds:
                continue  # only articles the sources quote, with their number in the text
            draft = Question(
                id=f"texte-article-{text.id}-{article.number}".lower().replace(" ", "-"), kind="texte",
                prompt=fill("Quel texte a donné sa rédaction à l'article {code} ?", code=code_article(article.codified_as)),
                quote="", right=legal_label(text), distractors=(),
                # the stem's words, no more: an article « rewrote » (« est ainsi rédigé », 004:499) or
                # « inserted » a chapter holding the codified article (004:341-347)
                explanation=fill("L'article {number} du texte {title} a donné sa rédaction à l'article {code}.",
                                 number=article.number, title=quoted(text.title),
                                 code=code_article(article.codified_as)),
                source=("legal", text.id), page=("legal", text.id), concepts=tuple(article.concepts),
                key=article.codified_as)
            yield _draft(draft, [labels])
        for concept_id in sorted(facts.legal_concepts(text)):
            term = facts.concept(concept_id).term
            draft = Question(
                id=f"texte-notion-{text.id}-{concept_id}", kind="texte",
                prompt=fill("Lequel de ces textes les sources citent-elles à propos de la notion {term} ?",
                            term=quoted(term)),
                quote="", right=legal_label(text), distractors=(),
                explanation=fill("{title}{year} : texte cité à propos de la notion {term}.", title=quoted(text.title),
                                 year=_year_unless_said(text), term=quoted(term)),
                source=("legal", text.id), page=("concept", concept_id), concepts=(concept_id,), key=concept_id)
            yield _draft(draft, [labels])


@functools.lru_cache(maxsize=65536)
def initials(expansion: str) -> str:
    """« Contrat pluriannuel d'objectifs et de moyens » → « CPOM »: first letters of its words."""
    words = re.findall(r"[^\W\d_]+", fold(expansion).split("(")[0])
    return "".join(w[0] for w in words if w.casefold() not in STOPWORDS).upper()


@functools.lru_cache(maxsize=65536)
def _initial(text: str) -> str:
    """The first letter a reader sees: « 2L2S » → « L », « Éducation » → « E »."""
    return next((c for c in fold(text).upper() if c.isalpha()), "")


def _first_word(text: str) -> str:
    return fold(text.split()[0]).casefold() if text.split() else ""


def shares_initial(question: Question) -> bool:
    """Whether a distractor starts with the letter the right answer starts with: otherwise
    the answer is the option that stands out (« Zone urbaine sensible » among expansions
    that all start otherwise)."""
    return any(_initial(d) == _initial(question.right) for d in question.distractors)


def acronym_questions(facts: Facts) -> Iterator[_Draft]:
    """« Que signifie le sigle … ? »: distractors that look like the answer, so that neither
    the acronym's initials nor the answer's first letter give it away: expansions with the
    answer's first word, then its first letter (the same domain first), then the acronym's
    letter, the closest initials, the same domain. A question where no distractor shares the
    answer's first letter is not asked. The feedback cites as its source only the document
    that spells out the expansion; an expansion from general knowledge says so."""
    developed = [(a, a.expansion) for a in facts.acronyms if a.expansion]
    by_initial: dict[str, list[tuple[Acronym, str]]] = {}  # in the order of `developed`
    for item in developed:
        by_initial.setdefault(_initial(item[1]), []).append(item)
    for entry, expansion in developed:
        if not entry.attested_in:
            continue  # an acronym outside the sources: no source to cite as the answer's ground
        letter = _initial(entry.acronym)
        initial = _initial(expansion)
        target = fold(entry.acronym).upper()

        def likeness(item: tuple[Acronym, str], target: str = target) -> tuple[int, int]:
            shown = initials(item[1])
            prefix = next((i for i, (a, b) in enumerate(zip(shown, target, strict=False)) if a != b),
                          min(len(shown), len(target)))
            return (-prefix, -len(set(shown) & set(target)))

        same_initial = by_initial.get(initial, [])
        same_letter = by_initial.get(letter, [])
        pools = [
            [e for _, e in same_initial if _first_word(e) == _first_word(expansion)],
            [e for a, e in same_initial if a.domain == entry.domain],
            [e for _, e in same_initial],
            [e for a, e in same_letter if a.domain == entry.domain],
            [e for _, e in sorted(same_letter, key=likeness)][:12],
            [e for a, e in developed if a.domain == entry.domain],
            [e for _, e in developed],
        ]
        # (not « the acronym is in … »: some sources write the name in full, never the acronym)
        where = (f"Source : {source_label(facts.source(entry.expansion_source))}" if entry.expansion_source
                 else OUTSIDE_EXPANSION)
        draft = Question(
            id=f"sigle-{entry.id}", kind="sigle", prompt=f"Que signifie le sigle {entry.acronym} ?",
            quote="", right=expansion, distractors=(), explanation=f"{entry.acronym} : {expansion}. {where}.",
            source=("source", entry.expansion_source) if entry.expansion_source else ("glossary", entry.id),
            page=("glossary", entry.id), concepts=tuple(entry.concepts), key=answer_form(entry.acronym))
        yield _draft(draft, pools, accept=shares_initial)


def _case_name(case: Case) -> str:
    """« n° 1 (PRE d'Angoulême, 2009) »: the title would give the level away."""
    what = ", ".join(x for x in (case.place or case.dispositif, case.years) if x)
    number = f"n° {case.number} " if case.number else ""
    return f"{number}({what})" if what else number.strip() or case.id


def level_questions(facts: Facts) -> Iterator[_Draft]:
    """Which partnership level an encadré illustrates, as its speaker classifies it."""
    cases: list[Case] = sorted(facts.corpus.all_of("case", Case), key=lambda c: c.id)
    for case in cases:
        if not case.level:
            continue
        level = vocab.PARTNERSHIP_LEVELS[case.level]
        draft = Question(
            id=f"niveau-{case.id}", kind="niveau",
            prompt=fill("Quel niveau de partenariat l'encadré {case} illustre-t-il ?", case=_case_name(case)),
            quote="", right=level, distractors=(),
            explanation=fill("Il est présenté comme un exemple de {level}, dans {source}.", level=level.lower(),
                             source=source_label(facts.source(case.source))),
            source=("source", case.source), page=("case", case.id), concepts=tuple(case.concepts), key=case.id)
        yield _draft(draft, [list(vocab.PARTNERSHIP_LEVELS.values())], closed=True)


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
            out.extend(_allocate(facts, list(generate(facts))))
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
    """An item of a curriculum with a stable link (a code or an anchor) that lists notions,
    with those of the items under it."""

    curriculum: str
    anchor: str
    code: str  # "" for an item the curriculum gives without a code (DE CESF)
    label: str
    concepts: tuple[str, ...]
    section: str = ""  # the part of the curriculum it belongs to (an activity, a domain)

    @property
    def title(self) -> str:
        return f"{self.code} — {self.label}" if self.code else self.label


def _walk(items: list[CurriculumItem]) -> Iterator[CurriculumItem]:
    for item in items:
        yield item
        yield from _walk(item.children)


def competencies(corpus: Corpus) -> list[Competency]:
    """Every item of every curriculum that has a pack (`has_pack`), in the curriculum's order."""
    from partenariat.render.curriculum import anchor_map, has_pack

    out = []
    curricula: list[Curriculum] = sorted(corpus.all_of("curriculum", Curriculum), key=lambda c: c.id)
    for curriculum in curricula:
        anchors = anchor_map(curriculum)
        for section in curriculum.sections:
            for item in _walk(section.items):
                concepts = tuple(dict.fromkeys(c for i in _walk([item]) for c in i.concept_ids))
                if has_pack(item):
                    out.append(Competency(curriculum.id, anchors[id(item)], item.code or "", item.label, concepts,
                                          section.title))
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
