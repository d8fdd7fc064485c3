"""The site's search index: built at build time, French-aware, read by our own search worker.

Material for MkDocs writes ``search/search_index.json`` (every page and section, with its
whole text) for its lunr worker. Measured on the reference set (tests/search_queries.yaml),
lunr ranked badly what readers of this site type: « pre » matched « présent » before the
acronym PRE, « a » in a question matched as a prefix, an exact page title came 12th, and
the offline copy ranked differently (lunr's scores depend on the order the iframe worker
sees things). So the engine is replaced, not extended:

* `make_index` (a pure function, called after the build by ``hooks/corpus.py``) turns
  Material's index and what the data says about each page (`SearchData`) into a compact
  index: per document the words it is found by, already normalised (accents folded,
  elisions dropped, article numbers joined: « L. 312-7 » → ``l312-7``), each word once,
  stop words and interface text left out; the exact names of each entity (acronym, term,
  title, family name, article numbers) for « exact first »; and what a result shows: its
  kind (notion, sigle…) and one line (the acronym's expansion, the notion's summary).
* ``overrides/assets/javascripts/workers/search-fr.js`` is the worker Material talks to (same
  messages as Material's own, so Material's search box, results and keyboard work as
  before). It ranks exact names first, then words by field (names, title, text), each exact
  or as a prefix (three letters or more), in either number, or within one or two typing
  slips. Same code and same data online and from file://, hence the same ranking.

The two sides normalise text the same way: `search_form`, `words` and `key` here and in the
worker are written to mean the same thing (a browser test compares them).
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from partenariat.base.folding import fold
from partenariat.checks.load import Corpus
from partenariat.data.entities import ENTITY_TYPES, EntityType
from partenariat.data.models import Acronym, Author, Case, Concept, Curriculum, Entity, LegalText, Source
from partenariat.derive.addresses import entry_url, url_of_source
from partenariat.derive.index import Index
from partenariat.derive.index import build_index as build_backlinks
from partenariat.render.common import first_sentence
from partenariat.render.glossary import abbreviations

# --- words (mirrored in search-fr.js) ---------------------------------------------------------

# « L. 312-7 », « l 312-7 », « L.6321-1 »: a codified article number, written as one word
_ARTICLE = re.compile(r"\b([lrd]) ?\.? ?(\d+(?:-\d+)+)", re.ASCII)
_ELISION = re.compile(r"\b(?:qu|jusqu|lorsqu|puisqu|quoiqu|[cdjlmnst])'", re.ASCII)
_WORD = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*", re.ASCII)

# lunr-languages' French stop words, folded, with words that only shape a question
# (« qu'est-ce que », « c'est quoi », « que veut dire ») and « article ».
STOP_WORDS = frozenset(
    "ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions aurons "
    "auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ceci cela ces cet "
    "cette d dans de des du elle en es est et eu eue eues eurent eus eusse eussent eusses eussiez "
    "eussions eut eux eumes fut furent fus fusse fussent fusses fussiez fussions fumes futes ici il ils "
    "j je l la le les leur leurs lui m ma mais me mes moi mon meme n ne nos notre nous on ont ou par pas "
    "pour qu que quel quelle quelles quels qui s sa sans se sera serai seraient serais serait seras serez "
    "seriez serions serons seront ses soi soient sois soit sommes son sont soyez soyons suis sur t ta te "
    "tes toi ton tu un une vos votre vous y a etaient etais etait etant etiez etions ete etee etees etes "
    "quoi veut veulent dire signifie signifient definit defini definir ecrit entre comment pourquoi "
    "article articles art est-ce".split()
)
# Interface text repeated on every page of a type: not what a page is about.
INTERFACE_TEXT = ("Imprimer la fiche", "Citer cette page", "Copier la référence", "Dernière relecture")


@functools.lru_cache(maxsize=65536)
def search_form(text: str) -> str:
    """Lower case, accents folded, ligatures expanded, one apostrophe: « L’Œuvre » → « l'oeuvre »."""
    return fold(text).lower()  # the site's one folding helper (partenariat.base.folding)


def words(text: str) -> list[str]:
    """The words of ``text`` as search sees them: normalised, elisions dropped, article numbers
    joined (« l'article L. 312-7 » → ``article l312-7``), hyphenated words kept whole."""
    plain = _ELISION.sub(" ", _ARTICLE.sub(r"\1\2", search_form(text)))
    return _WORD.findall(plain)


def parts(word: str) -> list[str]:
    """A word and, if it has hyphens or dots, its parts: ``saint-omer`` → saint-omer, saint, omer."""
    pieces = [p for p in re.split(r"[-.]", word) if p]
    return [word, *pieces] if len(pieces) > 1 else [word]


def singular(word: str) -> str:
    """Regular French plural taken off (réseaux → reseau, locaux → local), so that both numbers
    meet; a wrong guess only joins words nobody confuses."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("eaux"):
        return word[:-1]
    if word.endswith("aux"):
        return word[:-3] + "al"
    return word[:-1] if word.endswith(("s", "x")) else word


def key(text: str) -> str:
    """A name as compared for « exact first »: its words, leading stop words left out (« le »,
    or « que veut dire » in a query), one word kept at least (the acronym EN)."""
    found = words(text)
    start = 0
    while start < len(found) - 1 and found[start] in STOP_WORDS:
        start += 1
    return " ".join(found[start:])


def loose_key(text: str) -> str:
    """A name as compared for « near-exact »: no stop words, singular."""
    return " ".join(singular(w) for w in words(text) if w not in STOP_WORDS)


# --- what the data says about each page ------------------------------------------------------

# Document boost of an entity page by type. Notions are what the site is about.
TYPE_BOOSTS: dict[str, float] = {"concept": 1.5, "glossary": 1.3, "author": 1.2, "legal": 1.2,
                                 "case": 1.1, "curriculum": 1.2, "source": 1.0}


@dataclass(frozen=True)
class PageSearch:
    """What the data says about one page."""

    kind: str = ""  # shown on the result: notion, sigle…
    names: tuple[str, ...] = ()  # typed as is (any case, accents or not), the page comes first
    keywords: tuple[str, ...] = ()  # other words to find it by, weighing like its names
    summary: str = ""  # the line shown under the title
    boost: float = 1.0


@dataclass(frozen=True)
class SearchData:
    pages: Mapping[str, PageSearch] = field(default_factory=dict)  # location → page
    prefixes: Mapping[str, PageSearch] = field(default_factory=dict)  # location prefix → pages there
    listings: tuple[str, ...] = ()  # pages that list others (the whole glossary…): title only


HAND_WRITTEN: dict[str, PageSearch] = {
    "comparer/": PageSearch("comparaison", keywords=("comparer comparaison différence distinguer distinction",), boost=1.3),
}
# Sections that list other entries (« Cité dans », sources, neighbours) or quiz them: they name
# other pages, and would answer for them.
LIST_SECTIONS = ("cite-dans", "sources", "reference", "testez-vous", "carte-des-relations", "notions-voisines")
LISTINGS = ("concepts/", "auteurs/", "bibliographie/", "textes-juridiques/", "glossaire/", "glossaire/a-imprimer/",
            "cas/", "referentiels/")


def _codified_forms(codified: str | None) -> list[str]:
    """« CASF L. 312-7 » → itself and « L312-7 »."""
    if not codified:
        return []
    return [codified, *(f"{m.group(1)}{m.group(2)}" for m in _ARTICLE.finditer(codified.lower()))]


def _codes(codified: Iterable[str | None], acronyms: Mapping[str, str]) -> list[str]:
    """The codes an article is codified in, spelt out: « CSP L. 6321-1 » → Code de la santé publique."""
    return [acronyms[word] for c in codified if c for word in c.split() if word in acronyms]


def _curriculum_codes(e: Curriculum) -> list[str | None]:
    codes: list[str | None] = []
    items = [item for section in e.sections for item in section.items]
    while items:
        item = items.pop(0)
        items += item.children
        if item.code:
            codes += [item.code, item.code.replace(" ", "")]  # « C 4 – 4 » is typed « C4 »
    return codes


def _names_and_keywords(etype: EntityType, e: Entity,
                        acronyms: Mapping[str, str]) -> tuple[list[str | None], list[str | None]]:
    """What a reader types to find the page of ``e``: whole names, and other words."""
    if isinstance(e, Concept):
        return [e.term, *e.aliases], []
    if isinstance(e, Author):
        given_family = f"{e.given} {e.family}" if e.given and e.family else None
        return [e.name, e.family, given_family, e.acronym], [*e.fields]
    if isinstance(e, Source):
        return [e.title, e.cited_as], []
    if isinstance(e, LegalText):
        articles = [form for a in e.articles for form in _codified_forms(a.codified_as)]
        numbers = [f"{e.kind} {e.number}" if e.number else None, e.number]
        codes = _codes((a.codified_as for a in e.articles), acronyms)
        return [e.title, e.short_title, *numbers, *articles], [*(f"article {a.number}" for a in e.articles if a.number), *codes]
    if isinstance(e, Acronym):
        return [e.acronym, *e.variants, e.expansion], [*e.other_meanings]
    if isinstance(e, Case):
        return [e.title], [e.place, e.dispositif]
    if isinstance(e, Curriculum):
        return [e.diploma, e.short], _curriculum_codes(e)
    return [getattr(e, etype.title_field, None)], []


def _summary(etype: EntityType, e: Entity) -> str:
    if isinstance(e, Acronym):
        return e.full_expansion
    if isinstance(e, LegalText) and e.short_title:
        return str(e.title)
    summary = getattr(e, "summary", None)
    return first_sentence(summary) if summary else ""


def search_data(corpus: Corpus, backlinks: Index | None = None) -> SearchData:
    """Kind, names, keywords, summary and boost of every entity page, by folder location
    (`canonical`, whatever MkDocs' URL style). An entity cited more gets a little more boost,
    so that « partenariat » lists the notion before the « Étoile du partenariat »."""
    backlinks = backlinks or build_backlinks(corpus)  # the build's index when it has one
    acronyms = abbreviations(corpus.all_of("glossary", Acronym))
    pages: dict[str, PageSearch] = {}
    for etype in ENTITY_TYPES:
        for entity in corpus.entities(etype.name):
            cited = sum(len(ids) for ids in backlinks.cited_by(etype.name, entity.id).values())
            boost = round(TYPE_BOOSTS.get(etype.name, 1.0) * (1 + math.log1p(cited) / 20), 3)
            location = entry_url(etype.name, entity.id)
            names, keywords = _names_and_keywords(etype, entity, acronyms)
            pages[location] = PageSearch(etype.kind,
                                         tuple(str(n) for n in names if n), tuple(str(k) for k in keywords if k),
                                         _summary(etype, entity), boost)
    return SearchData(pages, HAND_WRITTEN, LISTINGS)


# --- the index --------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]*>")
TEASER = 160  # characters of text shown under a section's title


# A summary's numbered source notes (Python-Markdown's footnotes): their calls and their list
# are references, not the section's text (« distingue 1 . » in a result otherwise). Material's
# search keeps <sup> and drops its attributes (« <sup>1</sup> », « <sup>,</sup> » between two
# calls); the list itself is marked data-search-exclude (render/concept.py).
_FOOTNOTES = re.compile(r'<sup(?: id="fnref[^"]*")?>(?:<a [^>]*>)?(?:\d+|,)(?:</a>)?</sup>'
                        r'|<div class="footnote">.*?</div>', re.DOTALL)


def text_of_html(value: str) -> str:
    """Material's HTML text as plain text, interface text and source notes left out."""
    text = html.unescape(_TAG.sub(" ", _FOOTNOTES.sub("", value)))
    for phrase in INTERFACE_TEXT:
        text = text.replace(phrase, " ")
    return " ".join(text.split())


def teaser(text: str, limit: int = TEASER) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def index_words(texts: Iterable[str], exclude: set[str] | None = None) -> str:
    """Each searchable word once (hyphenated words with their parts), stop words left out."""
    seen = set(exclude or ())
    out = []
    for text in texts:
        for word in words(text):
            for part in parts(word):
                if part not in seen and part not in STOP_WORDS:
                    seen.add(part)
                    out.append(part)
    return " ".join(out)


def canonical(location: str) -> str:
    """A page's location as the data knows it, whatever MkDocs' URL style: ``concepts/x.html``,
    ``concepts/x/index.html`` and ``concepts/x/`` are ``concepts/x/``. (The offline build
    switches styles between hooks: looking pages up by their canonical location keeps the
    offline index the same as the online one.)"""
    if location.endswith("index.html"):
        return location.removesuffix("index.html")
    if location.endswith(".html"):
        return location.removesuffix(".html") + "/"
    return location


def _page_of(location: str, data: SearchData) -> PageSearch | None:
    """What the data says of a page; a hand-written page also gets its folder's kind and words."""
    page = data.pages.get(location)
    folder = next((p for prefix, p in data.prefixes.items() if location.startswith(prefix)), None)
    if page is None or folder is None:
        return page or folder
    return PageSearch(folder.kind, page.names, page.keywords + folder.keywords, page.summary, folder.boost)


def make_index(material: Mapping[str, object], data: SearchData,
               memo: dict[Hashable, dict[str, object]] | None = None) -> dict[str, object]:
    """Our index from Material's ``{"config", "docs"}``: one document per page and section, as
    Material's search box shows them (location, title, text, tags), with the normalised words
    our worker searches: ``n`` exact names (keys), ``l`` near-exact ones, ``k`` words of the names and keywords,
    ``w`` of the title, ``x`` of the text; ``b`` the boost. Listing pages keep their title only;
    sections of a listing are dropped. A ``memo`` kept between calls (a live preview) makes each
    document once: the same document of the same page gives the same words."""
    given = material.get("config")
    config = dict(given) if isinstance(given, Mapping) else {}
    config.pop("fields", None)
    config["engine"] = "partenariat"
    config["stop"] = sorted(STOP_WORDS)
    docs_in = material.get("docs", [])
    assert isinstance(docs_in, list)
    docs: list[dict[str, object]] = []
    seen_pages: set[str] = set()
    for doc in docs_in:
        location = str(doc["location"])
        page_location, _, anchor = location.partition("#")
        page_location = canonical(page_location)
        if anchor and (page_location in data.listings or anchor in LIST_SECTIONS):
            continue
        first = not anchor and page_location not in seen_pages
        seen_pages.add(page_location)
        page = _page_of(page_location, data) if first else None
        args = (location, str(doc.get("title", "")), str(doc.get("text", "")), page, page_location in data.listings)
        if memo is None:
            docs.append(_document(*args))
        else:
            made = memo.get(args)
            if made is None:
                made = memo[args] = _document(*args)
            docs.append(made)
    return {"config": config, "docs": docs}


def _document(location: str, title_html: str, text_html: str, page: PageSearch | None,
              listing: bool) -> dict[str, object]:
    """One document of the index: a section, or a page (``page``: what the data says of it)."""
    title = text_of_html(title_html)
    text = "" if listing else text_of_html(text_html)
    out: dict[str, object] = {"location": location, "title": title}
    if page is not None:
        names = [title, *page.names] if page.kind == "page" else list(page.names)
        out["text"] = teaser(page.summary or text)
        if page.kind and page.kind != "page":
            out["tags"] = [page.kind]
        exact = list(dict.fromkeys(k for n in names if (k := key(n))))  # the main name first
        out["n"] = exact
        loose = sorted({k for n in names if (k := loose_key(n))} - set(exact))
        if loose:
            out["l"] = loose
        keyword_words = index_words([*page.names, *page.keywords])
        out["k"] = keyword_words
        exclude = set(keyword_words.split())
        if page.boost != 1.0:
            out["b"] = page.boost
    else:
        out["text"] = teaser(text)
        exclude = set()
    title_words = index_words([title], exclude)
    if title_words:
        out["w"] = title_words
    text_words = index_words([text], exclude | set(title_words.split()))
    if text_words:
        out["x"] = text_words
    return out


@dataclass
class PageDocs:
    """Material's search documents (a page and its sections) by page, kept across the builds of
    a live preview, where Material indexes only the pages a build renders again."""

    pages: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def update(self, docs: list[dict[str, object]], rendered: Iterable[str], full: bool) -> list[dict[str, object]]:
        """Every page's documents, in the order of the last full build, those of the pages
        ``rendered`` (their URLs) taken from ``docs``, Material's index of this build."""
        fresh: dict[str, list[dict[str, object]]] = {}
        for doc in docs:
            fresh.setdefault(str(doc["location"]).partition("#")[0], []).append(doc)
        if full:
            self.pages = fresh
        else:
            for url in rendered:
                self.pages[url] = fresh.get(url, [])
        return [doc for page in self.pages.values() for doc in page]


def with_nav_titles(data: SearchData, titles: Mapping[str, str]) -> SearchData:
    """``data`` where the pages of the menu are also found by their menu title (what the data
    says of an entity page wins)."""
    menu = {location: PageSearch("page", names=(title,)) for location, title in titles.items()}
    return replace(data, pages={**menu, **data.pages})


def nav_titles(nav: object) -> dict[str, str]:
    """Location → title of every page named in mkdocs.yml's ``nav`` (« Glossaire »,
    « Contribuer »): a reader types the name seen in the menu."""
    out: dict[str, str] = {}
    items = list(nav) if isinstance(nav, list) else []
    while items:
        item = items.pop(0)
        if isinstance(item, list):
            items += item
        elif isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str) and target.endswith(".md"):
                    out.setdefault(_location(target), str(title))
                elif isinstance(target, list):  # a section: its first page is its index (navigation.indexes)
                    if target and isinstance(target[0], str) and target[0].endswith(".md"):
                        out.setdefault(_location(target[0]), str(title))
                    items += target
    return out


def _location(path: str) -> str:
    return url_of_source(path)



# --- the files the site serves ----------------------------------------------------------------

# Material asks for `search/search_index.json` (from file://, `search_index.js`); it gets a stub
# naming the shards, which our worker loads itself, off the page's thread, once the reader turns
# to search (overrides/main.html holds Material's request until then):
#   NAMES  every page's names, title words and the line its result shows: enough for exact
#          queries (an acronym, a title, a name, an article number), loaded first;
#   TEXT   the words of the pages' text and every section, loaded next.
NAMES, TEXT = "noms", "texte"
SHARDS = (NAMES, TEXT)
_TEXT_ONLY = "x"  # the one field of a page left for the text shard


def split_index(index: Mapping[str, object]) -> dict[str, dict[str, object]]:
    """The index as the files under ``search/``, by name: ``search_index`` (Material's stub:
    its config, no document), `NAMES` and `TEXT`. Each document keeps its position (``i``), so
    that the worker, once it holds both, searches the very index `make_index` made."""
    config = index.get("config")
    config = dict(config) if isinstance(config, Mapping) else {}
    docs = index.get("docs", [])
    assert isinstance(docs, list)
    names: list[dict[str, object]] = []
    sections: list[dict[str, object]] = []
    words: list[list[object]] = []  # [position, text words of a page]
    for position, doc in enumerate(docs):
        if "#" in str(doc["location"]):
            sections.append({"i": position, **doc})
            continue
        names.append({"i": position, **{k: v for k, v in doc.items() if k != _TEXT_ONLY}})
        if _TEXT_ONLY in doc:
            words.append([position, doc[_TEXT_ONLY]])
    stub = {k: v for k, v in config.items() if k != "stop"} | {"shards": list(SHARDS)}
    return {"search_index": {"config": stub, "docs": []},
            NAMES: {"config": config, "count": len(docs), "docs": names},
            TEXT: {"words": words, "docs": sections}}


def join_index(files: Mapping[str, Mapping[str, object]]) -> dict[str, object]:
    """`split_index` undone, as the worker does it: the index `make_index` made."""
    names, text = files[NAMES], files[TEXT]
    count = names["count"]
    assert isinstance(count, int)
    docs: list[dict[str, object] | None] = [None] * count
    for doc in [*_docs(names), *_docs(text)]:
        docs[int(str(doc["i"]))] = {k: v for k, v in doc.items() if k != "i"}
    words = text["words"]
    assert isinstance(words, list)
    for position, value in words:
        page = docs[position]
        assert page is not None
        page[_TEXT_ONLY] = value
    assert all(d is not None for d in docs), "a document is in neither shard"
    return {"config": names["config"], "docs": docs}


def _docs(shard: Mapping[str, object]) -> list[dict[str, object]]:
    docs = shard.get("docs", [])
    assert isinstance(docs, list)
    return docs


def shard_script(name: str, text: str) -> str:
    """A shard as a script, for the offline copy (a worker from file:// cannot fetch, it loads
    scripts): hands the JSON, parsed by `JSON.parse` (faster than an object literal), to the worker."""
    return f"pkbSearchShard({json.dumps(name)}, JSON.parse({json.dumps(text, ensure_ascii=False)}))\n"
