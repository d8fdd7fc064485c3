"""Search: the index rewrite (fast, on small JSON) and the real search box of the built site.

The browser tests type each query in Material's search box, as a reader would, and check
that the expected page is among the first three results. Nothing is timed: each query
waits for the worker's answer to that very query (counted by a wrapper around `Worker`).
"""

from __future__ import annotations

import copy
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from conftest import FIXTURE, REPO
from partenariat import load_corpus
from partenariat.search_index import (
    SEPARATOR,
    PageSearch,
    SearchData,
    fold,
    rewrite_index,
    search_data,
    siblings,
    tokens,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

# --- the rewrite, on a small index ----------------------------------------------------------

MATERIAL_CONFIG = {"lang": ["fr"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
                   "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}


def small_index() -> dict[str, object]:
    return {"config": copy.deepcopy(MATERIAL_CONFIG), "docs": [
        {"location": "", "title": "Accueil", "text": "<p>Le CPOM et l'article L. 312-7 (CASF).</p>"},
        {"location": "concepts/reseau/", "title": "Réseau", "text": "<p>Famille : « formes » du travail en commun</p>"},
        {"location": "concepts/reseau/#definitions", "title": "Définitions",
         "text": "<p>Un contrat pluriannuel d'objectifs et de moyens relie l'établissement…</p>"},
        {"location": "glossaire/cpom/", "title": "CPOM", "text": "<p>Contrat pluriannuel</p>", "boost": 5},
        {"location": "comparer/partenariat-reseau/", "title": "Partenariat et réseau", "text": ""},
    ]}


def small_data() -> SearchData:
    return SearchData(
        pages={"concepts/reseau/": PageSearch(("Réseau", "travail en réseau", "mise en réseau"), 3.0),
               "glossaire/cpom/": PageSearch(("CPOM", "Contrat pluriannuel d'objectifs et de moyens"), 2.0),
               "referentiels/bts-esf/": PageSearch(("BTS ESF", "C4.1", "12", "13.1"), 2.0)},
        acronyms={"CPOM": "Contrat pluriannuel d'objectifs et de moyens"},
        prefixes={"comparer/": PageSearch(("différence",), 2.0)},
    )


def doc(index: dict[str, object], location: str) -> dict[str, object]:
    return next(d for d in index["docs"] if d["location"] == location)  # type: ignore[union-attr, index]


def words(value: object) -> set[str]:
    return {w.lower() for w in str(value or "").split()}


def test_tokens_split_like_the_browser_french_aware() -> None:
    assert tokens("L'article L. 312-7 (CPOM) « l’altérité »Relations d'or, aujourd'hui") == [
        "article", "L.", "312", "7", "CPOM", "altérité", "Relations", "or", "aujourd", "hui"]
    assert tokens("Saint-Omer C4.1 E2C 2L2S partenariat... qu'il jusqu'à") == [
        "Saint", "Omer", "C4.1", "E2C", "2L2S", "partenariat", "il", "à"]
    assert tokens("<p>Le <em>réseau</em></p>") == ["Le", "réseau"]
    assert tokens("") == [] and tokens("« »") == []


def test_fold_and_siblings() -> None:
    assert fold("Coopération, œuvre, Épreuve, Angoulême") == "Cooperation, oeuvre, Epreuve, Angouleme"
    assert siblings("réseau") == ["réseaux"] and siblings("réseaux") == ["réseau"]
    assert siblings("partenariat") == ["partenariats"] and siblings("partenariats") == ["partenariat"]
    assert "local" in siblings("locaux") and "locaux" in siblings("local")
    assert siblings("des") == [] and siblings("cas") == [] and siblings("C4.1") == []


def test_rewrite_sets_a_french_separator_and_hidden_fields() -> None:
    index = small_index()
    before = json.dumps(index)
    out = rewrite_index(index, small_data())
    assert json.dumps(index) == before  # the input is left alone
    config = out["config"]
    assert config["separator"] == SEPARATOR  # type: ignore[index]
    assert config["fields"]["title_extra"] == {"boost": 1000.0}  # type: ignore[index]
    assert config["fields"]["text_extra"] == {"boost": 1.0}  # type: ignore[index]
    assert config["fields"]["keywords"]["boost"] >= 1000  # type: ignore[index]
    for original, rewritten in zip(index["docs"], out["docs"], strict=True):  # type: ignore[call-overload]
        assert (rewritten["title"], rewritten["text"]) == (original["title"], original["text"])  # shown as is


def test_accents_folded_and_title_words_in_both_numbers() -> None:
    out = rewrite_index(small_index(), small_data())
    reseau = doc(out, "concepts/reseau/")
    assert {"reseau", "réseaux", "reseaux"} <= words(reseau["title_extra"])
    assert "réseau" not in words(reseau["title_extra"])  # already in the title: no double weight
    assert "etablissement" in words(doc(out, "concepts/reseau/#definitions")["text_extra"])
    assert "reseau" in words(doc(out, "comparer/partenariat-reseau/")["title_extra"])


def test_keywords_and_boost_on_the_first_entry_of_a_page_only() -> None:
    out = rewrite_index(small_index(), small_data())
    page, section = doc(out, "concepts/reseau/"), doc(out, "concepts/reseau/#definitions")
    assert {"réseau", "reseau", "réseaux", "reseaux", "travail", "mise"} <= words(page["keywords"])
    assert page["boost"] == 3.0
    assert "keywords" not in section and "boost" not in section
    assert "boost" not in doc(out, "")  # a page the data knows nothing about
    assert doc(out, "glossaire/cpom/")["boost"] == 5  # set in the page's front matter: kept
    comparison = doc(out, "comparer/partenariat-reseau/")  # by location prefix
    assert {"différence", "difference", "différences"} <= words(comparison["keywords"])
    assert comparison["boost"] == 2.0


def test_acronym_and_expansion_both_ways() -> None:
    out = rewrite_index(small_index(), small_data())
    assert {"contrat", "pluriannuel", "objectifs", "moyens"} <= words(doc(out, "")["text_extra"])  # says CPOM
    assert "cpom" in words(doc(out, "concepts/reseau/#definitions")["text_extra"])  # spells it out
    assert {"cpom", "contrat", "pluriannuel"} <= words(doc(out, "glossaire/cpom/")["keywords"])


def test_article_numbers_as_typed() -> None:
    out = rewrite_index(small_index(), small_data())
    assert {"l312", "l.312"} <= words(doc(out, "")["text_extra"])  # « L312-7 » splits into l312 + 7


def test_small_numbers_stay_out_of_keywords() -> None:
    index = small_index()
    index["docs"].append({"location": "referentiels/bts-esf/", "title": "BTS ESF", "text": ""})  # type: ignore[attr-defined]
    keywords = words(doc(rewrite_index(index, small_data()), "referentiels/bts-esf/")["keywords"])
    assert "c4.1" in keywords and "esf" in keywords
    assert not keywords & {"12", "13.1"}


def test_rewrite_is_idempotent() -> None:
    once = rewrite_index(small_index(), small_data())
    assert rewrite_index(once, small_data()) == once


def test_search_data_from_the_fixture_corpus() -> None:
    data = search_data(load_corpus(FIXTURE))
    cpom = data.pages["glossaire/cpom/"]
    assert "CPOM" in cpom.keywords and "Contrat pluriannuel d'objectifs et de moyens" in cpom.keywords
    assert "CASF L. 312-7" in data.pages["textes-juridiques/loi-2002/"].keywords
    assert "C4.1" in data.pages["referentiels/bts-esf/"].keywords
    assert "Réseau" in data.pages["concepts/reseau/"].keywords
    assert data.pages["concepts/partenariat/"].boost > data.pages["bibliographie/dhume-2001/"].boost >= 1
    assert data.acronyms["CPOM"] == "Contrat pluriannuel d'objectifs et de moyens"
    assert "concepts/reseau.html" in search_data(load_corpus(FIXTURE), directory_urls=False).pages


# --- the real search box --------------------------------------------------------------------

# (query as typed, page expected among the first three results)
QUERIES = [
    # acronyms
    ("CPOM", "glossaire/cpom/"),
    ("ITEP", "glossaire/itep/"),
    ("PRIFE", "glossaire/prife/"),
    # authors
    ("Dhume", "auteurs/dhume/"),
    ("Lahary altérité", "concepts/alterite/"),
    # article numbers, as printed and as typed
    ("L. 312-7", "textes-juridiques/loi-2002-01-02-action-sociale/"),
    ("L312-7", "textes-juridiques/loi-2002-01-02-action-sociale/"),
    ("L. 6321-1", "textes-juridiques/loi-2002-03-04-droits-malades/"),
    # competency code
    ("C4.1", "referentiels/bts-esf/"),
    # notions without accents, with typos
    ("cooperation", "concepts/cooperation/"),
    ("reseau partenariat difference", "comparer/partenariat-reseau/"),
    ("epreuve domestique", "concepts/epreuve-domestique/"),
    ("partenairiat", "concepts/partenariat/"),
    ("coordinaton", "concepts/coordination/"),
    # places
    ("Saint-Omer", "cas/trepos-encadre-5-saint-omer/"),
    ("Angoulême", "cas/trepos-encadre-1-angouleme/"),
    ("Angouleme", "cas/trepos-encadre-1-angouleme/"),
    # phrases, with stop words and elisions
    ("force des dispositifs faibles", "concepts/force-des-dispositifs-faibles/"),
    ("règle d'or du partenariat", "concepts/regle-d-or-du-partenariat/"),
    ("épreuves du partenariat", "concepts/epreuves-du-partenariat/"),
    ("l'altérité", "concepts/alterite/"),
    # plurals
    ("partenariats", "concepts/partenariat/"),
    ("réseaux", "concepts/reseau/"),
    # acronym ↔ expansion
    ("contrat pluriannuel", "glossaire/cpom/"),
    ("institut therapeutique", "glossaire/itep/"),
    # accents both ways
    ("Réseau", "concepts/reseau/"),
    ("reseau", "concepts/reseau/"),
    # tokens that must stay whole
    ("E2C", "glossaire/e2c/"),
    ("2L2S", "glossaire/2l2s/"),
]

# Counts the search worker's queries and answers, so that a test reads the results of the
# query it typed, and only once they are on the page (the answer is rendered by the
# listener Material adds after this one, hence the setTimeout).
COUNT_WORKER_MESSAGES = """
(() => {
  const Native = window.Worker
  window.__queries = 0; window.__answers = 0; window.__lastQuery = null
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args)
      this.addEventListener("message", ev => {
        if (ev.data && ev.data.type === 3) setTimeout(() => window.__answers++)
      })
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { window.__queries++; window.__lastQuery = message.data }
      return super.postMessage(message, ...rest)
    }
  }
})()
"""

# Material's `split` (integrations/search/internal), with the separator of the index.
BROWSER_TOKENS = """
([separator, texts]) => texts.map(input => {
  const re = new RegExp(separator, "g"), out = []
  let match, index = 0
  do {
    match = re.exec(input)
    const until = match ? match.index : input.length
    if (index < until) out.push(input.slice(index, until))
    if (match) {
      index = match.index + match[0].length
      if (match[0].length === 0) re.lastIndex = match.index + 1
    }
  } while (match)
  return out
})
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("search-site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=REPO,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class SearchBox:
    """Material's search box in a real page: type a query, read the result pages."""

    def __init__(self, page: Page, base: str) -> None:
        self.page, self.base = page, base
        self.box = page.locator("input.md-search__input")

    def results(self, query: str) -> list[str]:
        self.box.click()
        self.box.press("Control+A")
        self.box.press("Backspace")
        self.box.press_sequentially(query)
        # Playwright types « é » without key events, and Material listens to keyup: a key
        # that adds nothing sends the query as a keyboard would have.
        self.box.press("End")
        self.page.wait_for_function("q => window.__lastQuery === q && window.__answers === window.__queries",
                                    arg=query, timeout=30_000)
        hrefs = self.page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(li => li.querySelector('a').href)")
        return [href.split("?")[0].split("#")[0].removeprefix(self.base) for href in hrefs]


@pytest.fixture(scope="module")
def search(served_site: str) -> Iterator[SearchBox]:
    from browser import chromium  # Playwright: imported only when the browser tests run

    with chromium() as browser:
        page = browser.new_page()
        page.add_init_script(COUNT_WORKER_MESSAGES)
        page.goto(served_site + "concepts/")
        yield SearchBox(page, served_site)


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_search_box_finds_the_page(search: SearchBox, query: str, expected: str) -> None:
    results = search.results(query)
    assert expected in results[:3], f"{query!r}: {expected} not in the first three: {results[:5]}"


def test_results_show_the_page_text_not_the_hidden_fields(search: SearchBox) -> None:
    assert search.results("reseau")[0] == "concepts/reseau/"
    first = search.page.locator(".md-search-result__item").first.inner_text()
    assert first.startswith("Réseau")
    assert "reseau" not in first.lower()  # folded copies and keywords are indexed, never displayed


def test_browser_splits_text_like_the_python_side(search: SearchBox) -> None:
    """The separator is a JavaScript RegExp in the browser: same tokens as `tokens()`."""
    texts = ["L'article L. 312-7 (CPOM) « l’altérité »Relations d'or, aujourd'hui",
             "Saint-Omer C4.1 E2C 2L2S partenariat... qu'il jusqu'à", "D'une part, l'État — la « règle d'or »."]
    assert search.page.evaluate(BROWSER_TOKENS, [SEPARATOR, texts]) == [tokens(t) for t in texts]
