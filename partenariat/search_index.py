"""Make the site's search answer what French readers type: a rewrite of Material's index.

Material for MkDocs builds its search index (``search/search_index.json``) from the HTML;
the browser then indexes it with lunr. Out of the box, for this French site:

* lunr has no transliteration: ``reseau`` does not find « réseau »;
* tokens are split on whitespace and hyphens only, so « (CPOM) », « l'altérité » or
  « Altérité »Relations are single tokens that a search for ``cpom`` or ``altérité`` misses;
* every query term gets a trailing wildcard, so a plural (``partenariats``) misses the
  singular, and a stemmer would break more than it fixes;
* an acronym page knows nothing of its expansion's words, an article number is findable
  only typed exactly as printed (``L. 312-7``, not ``L312-7``).

`rewrite_index` is a pure function from the index JSON (a dict) and `SearchData` (what the
corpus says about each page) to a new index, called after the build by ``hooks/corpus.py``.
It keeps Material's fields as they are (what results show) and adds hidden fields that lunr
indexes but the result list never displays:

* ``title_extra`` / ``text_extra`` (same boosts as ``title`` / ``text``): the accent-folded
  form of every accented word, article numbers written without spaces or dots
  (``L312-7``), the expansion of every acronym found in the section and the acronym of
  every expansion found;
* ``keywords`` (title-level boost), on the first entry of each entity page only: its names,
  aliases, acronym and expansion, place, codes…, with plural and folded forms.

Entity pages also get a document ``boost``, so that the page about a notion comes before
the pages that merely mention it. Finally the token separator is made French-aware: it
splits at punctuation and drops elided articles (``l'``, ``d'``, ``qu'``…), so that ``d'or``
and ``l'altérité`` are indexed and searched as ``or`` and ``altérité``. Hyphens stay
separators (lunr's query parser splits on them anyway), dots do not (``C4.1``, ``L.``).

What the index cannot do is done on the query by a small wrapper around Material's search
worker (``overrides/assets/javascripts/workers/search-fr.js``): drop French stop words
(Material's trailing wildcard turns « du » into « du* », which matches « Dubois ») and
replace a word that begins no word of the index by its nearest index words (typos).
"""

from __future__ import annotations

import copy
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel

from .addresses import Addresses
from .entities import ENTITY_TYPES, EntityType
from .index import build_index
from .load import Corpus
from .render.glossary import abbreviations

# Token separator, used by the browser (a JavaScript RegExp, no flags) on the text and on
# each query term, and by this module. Written to mean the same in Python and JavaScript:
# no lookbehind (older Safari), no \b or \w (ASCII-only in JavaScript).
# A run of spaces/punctuation (or the start of the text), then an optional elided article;
# or an apostrophe inside a word (aujourd'hui).
_PUNCTUATION = r"\s\-‐‑‒–—―(){}\[\]«»‹›\"“”„:;,!?/\\…→←↔|&+=<>*#°•·"
_ELISION = r"(?:[cdjlmnstCDJLMNST]|[qQ][uU]|[jJ]usqu|[lL]orsqu|[pP]uisqu|[qQ]uoiqu)['’]"
SEPARATOR = rf"(?:(?:[{_PUNCTUATION}]|\.\.+)+|^)(?:{_ELISION})?|['’]"
_SEPARATOR = re.compile(SEPARATOR)

KEYWORDS_BOOST = 1000.0  # like Material's title field: a name of the page's subject

# Document boost of the first entry of an entity page. Notions are what the site is about;
# a work is most often found by its title, which already weighs 1000.
TYPE_BOOSTS: dict[str, float] = {
    "concept": 3.0,
    "glossary": 2.0,
    "author": 2.0,
    "legal": 2.0,
    "case": 2.0,
    "curriculum": 2.0,
    "source": 1.5,
}

# lunr-languages' French stop words (removed by the browser from the index anyway): no use
# adding their folded form (« à » → a, « été » → ete) or their plural.
STOP_WORDS = frozenset(
    "ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions aurons "
    "auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ceci celà ces cet "
    "cette d dans de des du elle en es est et eu eue eues eurent eus eusse eussent eusses eussiez "
    "eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses fussiez fussions fut fûmes fût "
    "fûtes ici il ils j je l la le les leur leurs lui m ma mais me mes moi mon même n ne nos notre nous "
    "on ont ou par pas pour qu que quel quelle quelles quels qui s sa sans se sera serai seraient serais "
    "serait seras serez seriez serions serons seront ses soi soient sois soit sommes son sont soyez "
    "soyons suis sur t ta te tes toi ton tu un une vos votre vous y à étaient étais était étant étiez "
    "étions été étée étées étés êtes".split()
)

# « L. 312-7 », « art. L.6321-1 », « R. 314-1 »: codified article numbers.
_ARTICLE = re.compile(r"(?<![A-Za-z])([LRD])\.\s?(\d+(?:-\d+)*)")
_TAG = re.compile(r"<[^>]*>")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": "'"})


@dataclass(frozen=True)
class PageSearch:
    """What the data says about one page: names to find it by, and its document boost."""

    keywords: tuple[str, ...] = ()
    boost: float = 1.0


@dataclass(frozen=True)
class SearchData:
    pages: Mapping[str, PageSearch] = field(default_factory=dict)  # index location → page
    acronyms: Mapping[str, str] = field(default_factory=dict)  # acronym (or variant) → expansion
    prefixes: Mapping[str, PageSearch] = field(default_factory=dict)  # location prefix → the other pages there


# Hand-written pages (docs/), by location prefix: the comparisons explain differences.
HAND_WRITTEN: dict[str, PageSearch] = {
    "comparer/": PageSearch(("comparer", "comparaison", "différence", "distinguer", "distinction", "confondre"), 2.0),
}


# --- words ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)  # called for every word of every page; words repeat a lot
def fold(text: str) -> str:
    """Remove diacritics and expand ligatures: « Cœur à l'Épreuve » → « Coeur a l'Epreuve »."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """Split like the browser does (Material's `split` with `SEPARATOR`); HTML tags skipped."""
    out: list[str] = []
    for chunk in _TAG.split(text):
        index, pos = 0, 0
        while pos <= len(chunk):
            match = _SEPARATOR.search(chunk, pos)
            until = match.start() if match else len(chunk)
            if index < until:
                out.append(chunk[index:until])
            if not match:
                break
            index = match.end()
            pos = match.end() if match.end() > match.start() else match.start() + 1
    return out


def siblings(word: str) -> list[str]:
    """The word in the other number, by the regular French rules: réseau ↔ réseaux,
    partenariat ↔ partenariats, local ↔ locaux. A wrong guess (« heureux » → « heureu »)
    only adds a word nobody types."""
    lower = word.lower()
    if len(lower) < 4 or lower in STOP_WORDS or not lower.isalpha():
        return []
    if lower.endswith(("eaux", "eux")):
        return [word[:-1]]
    if lower.endswith("aux"):
        return [word[:-1], word[:-3] + "al"]
    if lower.endswith("s"):
        return [word[:-1]]
    if lower.endswith(("x", "z")):
        return []
    if lower.endswith(("au", "eu")):
        return [word + "x"]
    if lower.endswith("al"):
        return [word + "s", word[:-2] + "aux"]
    return [word + "s"]


def article_variants(text: str) -> list[str]:
    """« L. 312-7 » → L312-7 and L.312-7, as readers type them."""
    out: list[str] = []
    for letter, number in _ARTICLE.findall(text):
        out += [f"{letter}{number}", f"{letter}.{number}"]
    return out


def _unique(words: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    seen = {w.lower() for w in exclude}
    out = []
    for word in words:
        key = word.lower()
        if key not in seen:
            seen.add(key)
            out.append(word)
    return out


def _folded(words: Iterable[str]) -> Iterator[str]:
    """The accent-folded form of each accented word (stop words left out)."""
    for word in words:
        folded = fold(word)
        if folded != word and word.lower() not in STOP_WORDS:
            yield from tokens(folded)


def _variants(words: list[str]) -> list[str]:
    """Folded forms and other-number forms (and their folded forms) of ``words``."""
    other = [s for w in words for s in siblings(w)]
    return list(_folded(words)) + other + list(_folded(other))


def _phrase_at(phrase: list[str], words: list[str], starts: Mapping[str, list[int]]) -> bool:
    n = len(phrase)
    return n > 0 and any(words[i:i + n] == phrase for i in starts.get(phrase[0], ()))


# --- the rewrite ----------------------------------------------------------------------


def _extras(title: str, text: str, data: SearchData,
            expansions: Mapping[str, list[tuple[str, list[str]]]]) -> tuple[str, str]:
    """Hidden title- and text-level words of one index entry."""
    title_words, text_words = tokens(title), tokens(text)
    # Every word of the title in both numbers, with and without accents: whichever form a
    # title uses, a page matches a query the same way (lunr scores each form by its own
    # rarity, so a page titled « partenariats » would otherwise beat « Partenariat »).
    title_extra = _unique(_variants(title_words), exclude=title_words)
    text_extra = list(_folded(text_words))
    added = tokens(" ".join(article_variants(_TAG.sub(" ", f"{title} {text}"))))
    # acronym ↔ expansion, both ways
    present = set(title_words) | set(text_words)
    for acronym in sorted(present & data.acronyms.keys()):  # the page's words, not every acronym
        words = tokens(data.acronyms[acronym])
        added += words + list(_folded(words))
    folded = [fold(w).lower() for w in title_words + text_words]
    starts: dict[str, list[int]] = {}
    for i, word in enumerate(folded):
        starts.setdefault(word, []).append(i)
    for first in sorted(starts.keys() & expansions.keys()):  # expansions indexed by their first word
        for acronym, phrase in expansions[first]:
            if _phrase_at(phrase, folded, starts):
                added += tokens(acronym)
    return " ".join(title_extra), " ".join(text_extra + _unique(added))


_SMALL_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*")


def _keywords(names: Iterable[str]) -> str:
    """Every word of the names, in every form; small numbers left out (with the trailing
    wildcard, a query « 1 » would otherwise match every « 12 », « 13.1 » of a page)."""
    words = [w for name in names for w in tokens(name)]
    words += tokens(" ".join(v for name in names for v in article_variants(name)))
    words = [w for w in words if not _SMALL_NUMBER.fullmatch(w)]
    return " ".join(_unique(words + _variants(words)))


def rewrite_index(index: Mapping[str, object], data: SearchData) -> dict[str, object]:
    """A new search index: French-aware separator, hidden fields, page boosts.

    ``index`` is Material's ``{"config": {...}, "docs": [...]}``; it is not modified.
    Rewriting a rewritten index gives the same result.
    """
    out: dict[str, object] = copy.deepcopy(dict(index))
    config = out["config"]
    docs = out["docs"]
    assert isinstance(config, dict) and isinstance(docs, list)
    fields = config.setdefault("fields", {})
    fields["title_extra"] = {"boost": float(fields.get("title", {}).get("boost", 1e3))}
    fields["text_extra"] = {"boost": float(fields.get("text", {}).get("boost", 1.0))}
    fields["keywords"] = {"boost": KEYWORDS_BOOST}
    config["separator"] = SEPARATOR

    expansions: dict[str, list[tuple[str, list[str]]]] = {}
    for acronym, expansion in data.acronyms.items():
        phrase = [w.lower() for w in tokens(fold(expansion))]
        if phrase:
            expansions.setdefault(phrase[0], []).append((acronym, phrase))
    pages_seen: set[str] = set()
    for doc in docs:
        for name in ("title_extra", "text_extra", "keywords"):
            doc.pop(name, None)
        title_extra, text_extra = _extras(doc.get("title", ""), doc.get("text", ""), data, expansions)
        if title_extra:
            doc["title_extra"] = title_extra
        if text_extra:
            doc["text_extra"] = text_extra
        # Material takes the first entry of a page for the page itself, the others for its
        # sections: keywords and boost go to the first one.
        location = doc["location"]
        if "#" in location or location in pages_seen:
            continue
        pages_seen.add(location)
        page = data.pages.get(location) or next(
            (p for prefix, p in data.prefixes.items() if location.startswith(prefix)), None)
        if page is None:
            continue
        if page.keywords:
            doc["keywords"] = _keywords(page.keywords)
        if page.boost != 1.0:
            doc.setdefault("boost", page.boost)  # a boost set in a page's front matter wins
    return out


# --- what the corpus says about each page ---------------------------------------------------


def _names(etype: EntityType, e: BaseModel) -> list[str | None]:
    """What a reader may type to find the page of entity ``e``."""
    type_name = etype.name
    if type_name == "concept":
        return [e.term, *e.aliases]
    if type_name == "author":
        return [e.name, e.family, e.given, e.acronym]
    if type_name == "source":
        return [e.title, e.cited_as]
    if type_name == "legal":
        return [e.title, e.short_title, e.number, *(a.codified_as for a in e.articles)]
    if type_name == "glossary":
        return [e.acronym, *e.variants, e.expansion]
    if type_name == "case":
        return [e.title, e.place, e.dispositif]
    if type_name == "curriculum":
        names = [e.diploma, e.short]
        items = [item for section in e.sections for item in section.items]
        while items:
            item = items.pop(0)
            items += item.children
            if item.code:
                names += [item.code, item.code.replace(" ", "")]  # « C 4 – 4 » is typed « C4 »
        return names
    return [getattr(e, etype.title_field, None)]  # a type added later: its title


def search_data(corpus: Corpus, directory_urls: bool = True) -> SearchData:
    """Keywords and boost of every entity page, and the acronyms of the glossary.

    An entity's boost is its type's, raised a little for the entities cited most (so that
    « partenariat » lists the notion Partenariat before « Étoile du partenariat »).
    """
    backlinks = build_index(corpus)
    addresses = Addresses(directory_urls)
    pages: dict[str, PageSearch] = {}
    for etype in ENTITY_TYPES:
        for entity in corpus.entities(etype.name):
            cited = sum(len(ids) for ids in backlinks.cited_by(etype.name, entity.id).values())
            boost = round(TYPE_BOOSTS.get(etype.name, 1.0) * (1 + math.log1p(cited) / 10), 2)
            location = addresses.url(etype.name, entity.id)
            names = tuple(str(n) for n in _names(etype, entity) if n)
            pages[location] = PageSearch(names, boost)
    return SearchData(pages, abbreviations(corpus.entities("glossary")), HAND_WRITTEN)
