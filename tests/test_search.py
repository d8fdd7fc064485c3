"""Search: the index built at build time (fast, on small inputs) and the real search box of the
built site, online and from file://, with the reference set of tests/search_queries.yaml.

The browser tests type each query in Material's search box, as a reader would, and check the
expected page at its expected rank. Nothing is timed (scripts/search_benchmark.py measures):
each query waits for the worker's answer to that very query.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import FIXTURE, REPO
from partenariat import load_corpus
from partenariat.export.search_index import (
    INTERFACE_TEXT,
    NAMES,
    SHARDS,
    STOP_WORDS,
    TEXT,
    PageSearch,
    SearchData,
    join_index,
    key,
    loose_key,
    make_index,
    nav_titles,
    search_data,
    singular,
    split_index,
    with_nav_titles,
    words,
)
from searchbox import COUNT_WORKER_MESSAGES, Query, SearchBox, open_search, rank_of, reference_queries

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

WORKER = REPO / "overrides" / "assets" / "javascripts" / "workers" / "search-fr.js"

# --- words: the same on both sides ------------------------------------------------------------


def test_words_fold_accents_drop_elisions_and_join_article_numbers() -> None:
    assert words("L'article L. 312-7 du CASF") == ["article", "l312-7", "du", "casf"]
    assert words("art. L.6321-1, l 312-7 et L312-7") == ["art", "l6321-1", "l312-7", "et", "l312-7"]
    assert words("Qu’est-ce que l’Œuvre d'Épreuve ?") == ["est-ce", "que", "oeuvre", "epreuve"]
    assert words("Saint-Omer, C4.1, E2C, 2L2S… jusqu'à") == ["saint-omer", "c4.1", "e2c", "2l2s", "a"]
    assert words("« »") == []


def test_keys_for_exact_and_near_exact_names() -> None:
    assert key("Que veut dire CCAS ?") == key("CCAS") == "ccas"
    assert key("EN") == key("en") == "en"  # a stop word that is the whole query stays
    assert key("qu'est-ce qu'une charte de confidentialité") == key("Charte de confidentialité")
    assert key("Partenariat et réseau") == "partenariat et reseau"
    assert loose_key("l'idée et les principes du partenariat") == loose_key("Idée et principes du partenariat")
    assert loose_key("niveau de partenariat") == loose_key("Niveaux de partenariat")


def test_singular_takes_off_regular_plurals_only() -> None:
    assert [singular(w) for w in ("reseaux", "partenariats", "locaux", "cas", "c4.1", "2002")] == [
        "reseau", "partenariat", "local", "cas", "c4.1", "2002"]


# --- the index, on a small Material index ----------------------------------------------------

MATERIAL_CONFIG = {"lang": ["fr"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
                   "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}


def small_material_index() -> dict[str, object]:
    return {"config": dict(MATERIAL_CONFIG), "docs": [
        {"location": "glossaire/", "title": "Glossaire des sigles", "text": "<p>CPOM Contrat pluriannuel…</p>"},
        {"location": "glossaire/#c", "title": "C", "text": "<p>CPOM CCAS CAF</p>"},
        {"location": "glossaire/cpom/", "title": "CPOM", "text": "<p>Contrat pluriannuel d'objectifs</p>"},
        {"location": "concepts/reseau/", "title": "Réseau", "text": "<p>Famille : formes</p> <p>Imprimer la fiche</p>"},
        {"location": "concepts/reseau/#definitions", "title": "Définitions",
         "text": "<p>Un réseau &amp; des réseaux : l'établissement relie…</p>"},
        {"location": "concepts/reseau/#cite-dans", "title": "Cité dans", "text": "<p>Partenariat, Coopération</p>"},
        {"location": "contribuer/", "title": "Contribuer : ajouter ou corriger une fiche", "text": "<p>Ce site…</p>"},
    ]}


def small_data() -> SearchData:
    return SearchData(
        pages={"glossaire/cpom/": PageSearch("sigle", ("CPOM", "Contrat pluriannuel d'objectifs et de moyens"),
                                             summary="Contrat pluriannuel d'objectifs et de moyens", boost=1.3),
               "concepts/reseau/": PageSearch("notion", ("Réseau", "réseaux", "travail en réseau"),
                                              summary="Un ensemble de personnes.", boost=1.7),
               "contribuer/": PageSearch("page", ("Contribuer",)),
               "glossaire/": PageSearch("page", ("Glossaire",))},
        listings=("glossaire/",))


def doc(index: dict[str, object], location: str) -> dict[str, object]:
    return next(d for d in index["docs"] if d["location"] == location)  # type: ignore[union-attr, index]


def test_index_keeps_what_results_show_and_adds_normalised_words() -> None:
    out = make_index(small_material_index(), small_data())
    cpom = doc(out, "glossaire/cpom/")
    assert (cpom["title"], cpom["tags"], cpom["text"]) == ("CPOM", ["sigle"], "Contrat pluriannuel d'objectifs et de moyens")
    assert cpom["n"][0] == "cpom"  # type: ignore[index]  # the main name first
    assert "contrat pluriannuel objectifs et de moyens" in cpom["n"]  # type: ignore[operator]
    assert {"cpom", "contrat", "pluriannuel"} <= set(str(cpom["k"]).split())
    reseau = doc(out, "concepts/reseau/")
    assert reseau["text"] == "Un ensemble de personnes." and reseau["b"] == 1.7
    section = doc(out, "concepts/reseau/#definitions")
    assert section["text"] == "Un réseau & des réseaux : l'établissement relie…"  # plain text, shown escaped
    assert "tags" not in section and "n" not in section
    assert "etablissement" in str(section["x"]).split()
    assert out["config"]["stop"] == sorted(STOP_WORDS)  # type: ignore[index]  # the worker's stop words


def test_a_summary_s_source_notes_are_not_its_text() -> None:
    material = small_material_index()
    material["docs"].append(  # type: ignore[attr-defined]
        {"location": "concepts/reseau/#en-bref", "title": "En bref",
         "text": '<p>Un réseau relie<sup>1</sup>, selon deux sources<sup>1</sup><sup>,</sup><sup>2</sup>.</p>'
                 '<div class="footnote">\n<hr />\n<ol>\n<li id="fn:1">\n<p>DHUME Fabrice, <a href="x"><em>Du travail'
                 '</em></a>, 2001.&#160;<a class="footnote-backref" href="#fnref:1">&#8617;</a></p>\n</li>\n</ol>\n</div>'})
    section = doc(make_index(material, small_data()), "concepts/reseau/#en-bref")
    assert section["text"] == "Un réseau relie, selon deux sources."
    assert not {"1", "2", "dhume"} & set(str(section["x"]).split())


def test_the_list_of_notes_is_left_out_of_the_search_by_material(corpus_dir: Path) -> None:
    from partenariat.render.pages import build_pages
    md = {p.path: p.markdown for p in build_pages(load_corpus(corpus_dir))}["concepts/reseau.md"]
    assert '<div class="pkb-notes" data-search-exclude markdown>\n\n///Footnotes Go Here///' in md


def test_each_word_once_no_stop_words_no_interface_text() -> None:
    out = make_index(small_material_index(), small_data())
    for entry in out["docs"]:  # type: ignore[attr-defined]
        indexed = [w for field in ("k", "w", "x") for w in str(entry.get(field, "")).split()]
        assert len(indexed) == len(set(indexed)), entry["location"]
        assert not set(indexed) & STOP_WORDS, entry["location"]
        assert not any(phrase in entry["text"] for phrase in INTERFACE_TEXT)
    page_words = str(doc(out, "concepts/reseau/")["x"]).split()
    assert "famille" in page_words and "imprimer" not in page_words


def test_listings_keep_their_title_and_list_sections_are_dropped() -> None:
    out = make_index(small_material_index(), small_data())
    locations = [d["location"] for d in out["docs"]]  # type: ignore[attr-defined]
    assert "glossaire/#c" not in locations and "concepts/reseau/#cite-dans" not in locations
    glossary = doc(out, "glossaire/")
    assert "x" not in glossary and glossary["text"] == ""  # no whole-glossary dump
    assert "glossaire" in glossary["n"]  # type: ignore[operator]  # its menu name
    assert "contribuer" in doc(out, "contribuer/")["n"]  # type: ignore[operator]


def test_search_data_from_the_fixture_corpus() -> None:
    data = with_nav_titles(search_data(load_corpus(FIXTURE)), {"glossaire/": "Glossaire", "concepts/reseau/": "Réseau !"})
    cpom = data.pages["glossaire/cpom/"]
    assert (cpom.kind, cpom.names[0], cpom.summary) == ("sigle", "CPOM", "Contrat pluriannuel d'objectifs et de moyens")
    law = data.pages["textes-juridiques/loi-2002/"]
    assert law.kind == "texte juridique" and "l312-7" in law.names
    assert "C4.1" in data.pages["referentiels/bts-esf/"].keywords
    assert data.pages["concepts/reseau/"].kind == "notion"
    author = next(p for loc, p in data.pages.items() if loc.startswith("auteurs/"))
    assert author.kind == "auteur" and author.names
    assert data.pages["glossaire/"].names == ("Glossaire",)
    assert data.pages["concepts/reseau/"].names[0] == "Réseau"  # the data wins over the menu



def test_pages_found_whatever_the_url_style() -> None:
    """The offline build switches MkDocs' URL style between hooks: same data either way."""
    material = small_material_index()
    for entry in material["docs"]:  # type: ignore[attr-defined]
        page, _, anchor = entry["location"].partition("#")
        entry["location"] = page.rstrip("/") + ".html" + (f"#{anchor}" if anchor else "")
    out = make_index(material, small_data())
    assert doc(out, "glossaire/cpom.html")["tags"] == ["sigle"]
    assert doc(out, "glossaire.html")["text"] == ""  # a listing still
    assert not any("#" in d["location"] and d["location"].startswith("glossaire.html") for d in out["docs"])  # type: ignore[attr-defined]


def test_split_index_is_a_stub_and_two_shards_that_join_into_the_index() -> None:
    index = make_index(small_material_index(), small_data())
    files = split_index(index)
    assert set(files) == {"search_index", *SHARDS}
    stub = files["search_index"]
    assert stub["docs"] == [] and stub["config"]["shards"] == [NAMES, TEXT]  # type: ignore[index]
    assert "stop" not in stub["config"]  # type: ignore[operator]  # Material's highlighter needs the rest
    names = files[NAMES]["docs"]
    assert all("#" not in d["location"] and "x" not in d for d in names)  # type: ignore[attr-defined]
    assert {d["location"] for d in names} == {d["location"] for d in index["docs"]  # type: ignore[attr-defined]
                                             if "#" not in d["location"]}
    assert join_index(files) == index  # nothing lost, every document where make_index put it


def test_nav_titles_name_the_pages_of_the_menu() -> None:
    nav = [{"Accueil": "index.md"},
           {"Comparer": ["comparer/index.md", {"Partenariat et réseau": "comparer/partenariat-reseau.md"}]},
           {"Glossaire": "glossaire/index.md"}, {"Contribuer": "contribuer.md"}, {"Dépôt": "https://example.org/"}]
    assert nav_titles(nav) == {"": "Accueil", "comparer/": "Comparer", "comparer/partenariat-reseau/": "Partenariat et réseau",
                               "glossaire/": "Glossaire", "contribuer/": "Contribuer"}
    expanded = [{"Glossaire": ["glossaire/index.md", {"Glossaire à imprimer": "glossaire/a-imprimer.md"}]}]
    assert nav_titles(expanded) == {"glossaire/": "Glossaire", "glossaire/a-imprimer/": "Glossaire à imprimer"}


# --- the real search box: one browser, one online and one offline site per session ----------

REFERENCE = reference_queries()


@pytest.fixture(scope="session")
def online_search(chromium_browser: Browser, server: str) -> Iterator[SearchBox]:
    page = chromium_browser.new_page()
    yield open_search(page, server + "/")
    page.close()


@pytest.fixture(scope="session")
def offline_search(chromium_browser: Browser, offline_site: Path) -> Iterator[SearchBox]:
    page = chromium_browser.new_page()
    yield open_search(page, offline_site.as_uri() + "/")
    page.close()


def check(box: SearchBox, query: Query) -> None:
    results = box.results(query.text)
    rank = rank_of(results, query.page)
    where = "first" if query.rank == 1 else f"among the first {query.rank}"
    assert rank is not None and rank <= query.rank, (
        f"{query.category}: {query.text!r} should bring {query.page} {where}; rank {rank}: {results[:5]}")


@pytest.mark.browser
@pytest.mark.parametrize("query", REFERENCE, ids=[f"{q.category}:{q.text}" for q in REFERENCE])
def test_reference_query_online(online_search: SearchBox, query: Query) -> None:
    check(online_search, query)


@pytest.mark.browser
@pytest.mark.parametrize("query", REFERENCE, ids=[f"{q.category}:{q.text}" for q in REFERENCE])
def test_reference_query_offline(offline_search: SearchBox, query: Query) -> None:
    check(offline_search, query)


@pytest.mark.browser
@pytest.mark.parametrize("query", ["partenariat et réseau", "pre", "réseau", "L. 312-7", "qui a défini le partenariat",
                                   "coordinaton", "territoires"])
def test_same_ranking_online_and_offline(online_search: SearchBox, offline_search: SearchBox, query: str) -> None:
    assert offline_search.results(query)[:8] == online_search.results(query)[:8]


def test_reference_set_covers_every_category() -> None:
    categories = {q.category for q in REFERENCE}
    assert {"sigles", "titres", "questions", "noms", "articles", "fautes", "elisions", "pluriels"} <= categories
    assert len(REFERENCE) >= 100
    assert any(q.category == "sigles" and len(q.text) == 2 and q.text.islower() for q in REFERENCE)


INDEX_FILES = ("search/search_index.", *(f"search/{name}." for name in SHARDS))


def _first_search(page: Page, url: str, shortcut: bool) -> tuple[list[str], list[str], str]:
    """The search files a page view asks for; then, once the reader opens the box (a tap on the
    icon, or the key /) and types « ccas », the ones asked for since, and the first result of
    the first answer to « ccas » (partial or whole)."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if any(f in r.url for f in INDEX_FILES) else None)
    page.add_init_script(COUNT_WORKER_MESSAGES)
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)  # Material fetched its index right after the load (it did before)
    at_load = list(asked)
    if shortcut:
        page.keyboard.press("/")
    else:
        page.locator("label.md-header__button[for=__search]").tap()  # the icon of the header
    page.locator(".md-search__input").press_sequentially("ccas", delay=30)
    page.wait_for_function("window.__lastAnswer === 'ccas'", timeout=15_000)  # partial or whole
    return at_load, asked, page.locator(".md-search-result__item a").first.get_attribute("href") or ""


@pytest.mark.browser
def test_a_page_view_fetches_no_search_index_until_the_reader_searches(chromium_browser: Browser, server: str,
                                                                         offline_site: Path) -> None:
    offline = (offline_site / "concepts" / "partenariat" / "index.html").as_uri()
    for url, phone in ((server + "/concepts/partenariat/", True), (offline, False), (server + "/glossaire/", False)):
        context = chromium_browser.new_context(viewport={"width": 390, "height": 844} if phone else None, has_touch=phone)
        page = context.new_page()
        at_load, asked, first = _first_search(page, url, shortcut=not phone)
        assert at_load == [], url
        assert {f for f in INDEX_FILES if any(f in a for a in asked)} == set(INDEX_FILES), url
        assert "/glossaire/ccas/" in first, (url, first)
        context.close()


@pytest.mark.browser
def test_result_says_what_it_is_and_shows_the_expansion(online_search: SearchBox) -> None:
    assert online_search.results("ccas", key_by_key=True)[0] == "glossaire/ccas/"  # a search per key
    first = online_search.page.locator(".md-search-result__item").first
    assert first.locator(".md-tag").inner_text() == "sigle"
    assert "Centre communal d'action sociale" in first.inner_text()
    online_search.results("coopération")
    first = online_search.page.locator(".md-search-result__item").first
    assert first.locator(".md-tag").inner_text() == "notion"
    assert "Coopération" in first.locator("h1").inner_text()


@pytest.mark.browser
def test_nothing_found_offers_the_closest_entries_and_a_proposal(online_search: SearchBox) -> None:
    results = online_search.results("ccasss", key_by_key=True)
    assert results[0] == "contribuer/"  # the notice links to « Contribuer »
    assert "glossaire/ccas/" in results[1:4]
    page = online_search.page
    assert page.locator(".md-search-result__item h1").first.inner_text().startswith("Aucune fiche ne correspond")
    assert "Proposer un ajout" in page.locator(".md-search-result__item").first.inner_text()
    assert page.locator(".md-search-result__meta").inner_text().startswith("Aucun résultat exact")


@pytest.mark.browser
def test_results_escape_what_was_typed(online_search: SearchBox) -> None:
    online_search.results("<img src=x onerror=alert(1)>")
    assert online_search.page.locator(".md-search-result__list img").count() == 0


@pytest.mark.browser
def test_worker_reads_words_like_the_python_side(chromium_browser: Browser) -> None:
    """The worker normalises queries with its own code: the same words and keys as the index."""
    page = chromium_browser.new_page()
    page.add_script_tag(path=str(WORKER))
    page.evaluate("stop => pkbSearch.setup({config: {stop: stop}, docs: []})", sorted(STOP_WORDS))
    texts = ["L'article L. 312-7 (CPOM) « l’altérité »", "Saint-Omer C4.1 E2C 2L2S… qu'il jusqu'à",
             "Qu’est-ce qu’une Œuvre d'Épreuve ?", "que veut dire EN", "Niveaux de partenariat", "art. L.6321-1 CSP"]
    got = page.evaluate("""texts => texts.map(t => [pkbSearch.words(t), pkbSearch.key(pkbSearch.words(t)),
                                                   pkbSearch.looseKey(pkbSearch.words(t))])""", texts)
    assert got == [[words(t), key(t), loose_key(t)] for t in texts]
    page.close()


# --- the glossary filter ---------------------------------------------------------------------


def _filter(page: Page, text: str) -> None:
    box = page.locator(".pkb-filter-input").first
    box.fill(text)


@pytest.mark.browser
def test_glossary_filter_hides_empty_letters_and_says_so(chromium_browser: Browser, server: str) -> None:
    page = chromium_browser.new_page()
    page.goto(server + "/glossaire/")
    letters = page.locator(".pkb-filter h3")
    total = letters.count()
    _filter(page, "ccas")
    visible = [h for h in letters.all() if h.is_visible()]
    assert [h.inner_text().strip("¶ ") for h in visible] == ["C"]
    assert page.locator(".pkb-filter table:visible").count() == 1
    assert f"{total - 1} rubriques sans résultat masquées" in page.locator(".pkb-filter-status").inner_text()
    _filter(page, "zzzz")
    assert page.locator(".pkb-filter table:visible").count() == 0
    assert page.locator(".pkb-filter h3:visible").count() == 0
    status = page.locator(".pkb-filter-status")
    assert "Aucun résultat" in status.inner_text() and "contribuer" in (status.locator("a").get_attribute("href") or "")
    _filter(page, "")
    assert page.locator(".pkb-filter h3:visible").count() == total
    page.close()


def built_index(site: Path) -> dict[str, object]:
    return join_index({name: json.loads((site / "search" / f"{name}.json").read_text("utf-8")) for name in SHARDS})


def test_built_index_is_small_and_carries_no_interface_text(site: Path) -> None:
    stub = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert stub["docs"] == [] and len((site / "search" / "search_index.json").read_bytes()) < 1000
    assert "iframe-worker" not in (site / "index.html").read_text("utf-8")  # the offline copy's shim only
    index = built_index(site)
    assert index["config"]["engine"] == "partenariat"
    texts = " ".join(d["text"] for d in index["docs"])
    assert not any(phrase in texts for phrase in INTERFACE_TEXT)
    glossary = next(d for d in index["docs"] if d["location"] == "glossaire/")
    assert "x" not in glossary  # no whole-glossary dump
    assert not any(d["location"].startswith("glossaire/a-imprimer/#") for d in index["docs"])
