"""Navigation and interface of the built site: French everywhere (no English interface text on
any page), sidebars in the order of the index pages, breadcrumbs, the phone drawer opened at the
current page, exports that download, and a stable, copyable link for every curriculum item."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest

from browser import chromium
from conftest import REPO
from partenariat import load_corpus
from partenariat.data.models import Curriculum
from partenariat.data.yamlfile import read_yaml
from partenariat.derive.addresses import download_name
from partenariat.render.curriculum import walk_items
from partenariat.render.downloads import mark_downloads
from partenariat.render.indexes import natural_key
from partenariat.render.pages import NAV_MAX_ENTRIES

LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
# Written in Material's templates in English whatever the language (not in its translations).
HARD_CODED = ["Made with", "Not found"]


def markdown_default_strings() -> list[str]:
    """Python-Markdown's English defaults that reach readers (footnote back-links, permalinks)."""
    from markdown.extensions.footnotes import FootnoteExtension
    from markdown.extensions.toc import TocExtension

    texts = [FootnoteExtension().getConfig("BACKLINK_TITLE"), TocExtension().getConfig("permalink_title")]
    return [part.strip() for text in texts for part in re.split(r"%d|\{\}", str(text)) if len(part.strip()) >= 4]


def english_interface_strings() -> list[str]:
    """Material's English interface strings that its French translation changes."""
    def table(lang: str) -> dict[str, str]:
        text = (LANGUAGES / f"{lang}.html").read_text("utf-8")
        return dict(re.findall(r'^\s*"([a-z.]+)": "(.*)",?$', text, re.M))

    english, french = table("en"), table("fr")
    parts = {part.strip(" .") for key, value in english.items() if key != "language" and value != french.get(key)
             for part in value.split("#")}
    return sorted(p for p in parts if len(p) >= 4 and not p.isdigit()) + HARD_CODED + markdown_default_strings()


class _Visible(HTMLParser):
    """Text a reader sees or hears: text outside scripts and styles, and the labelling attributes."""

    ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "value")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skip = 0
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("script", "style")
        self.chunks.extend(v for k, v in attrs if k in self.ATTRIBUTES and v)
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data: str) -> None:
        if not self.skip and data.strip():
            self.chunks.append(" ".join(data.split()))


def test_the_list_of_english_strings_is_real() -> None:
    strings = english_interface_strings()
    assert "Jump back to footnote" in strings and "Permanent link" in strings
    assert {"Skip to content", "Back to top", "Made with"} <= set(strings)


def test_no_english_interface_text(site: Path) -> None:
    patterns = [(s, re.compile(rf"(?<![\w-]){re.escape(s)}(?![\w-])")) for s in english_interface_strings()]
    found: dict[str, list[str]] = {}
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        parser = _Visible()
        parser.feed(page.read_text("utf-8"))
        text = "\n".join(parser.chunks)
        hits = [s for s, pattern in patterns if pattern.search(text)]
        if parser.lang != "fr":
            hits.append(f'lang="{parser.lang}"')
        if hits:
            found[str(page.relative_to(site))] = hits
    print(f"pages scanned for English interface text: {len(pages)}, with some: {len(found)}")
    assert found == {}
    assert "Réalisé avec" in (site / "404.html").read_text("utf-8")
    assert "Page introuvable" in (site / "404.html").read_text("utf-8")


# --- sidebars in the order of the index pages -------------------------------------------

ENTRY = re.compile(r'href="([a-z0-9-]+/)"')


def _sidebar(html: str) -> list[str]:
    primary = html.split('md-sidebar--primary', 1)[1].split('md-sidebar--secondary', 1)[0]
    return [href for href in re.findall(r'href="([^"]+)"\s+class="md-nav__link', primary) if ENTRY.fullmatch(f'href="{href}"')]


def _index_order(html: str, after: str) -> list[str]:
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    if after:
        article = article.split(after, 1)[1]
    return list(dict.fromkeys(ENTRY.findall(article)))


@pytest.mark.parametrize(("section", "after"), [
    ("concepts", 'id="de-a-a-z"'), ("auteurs", ""), ("bibliographie", ""), ("textes-juridiques", ""),
    ("glossaire", ""), ("cas", ""), ("referentiels", ""),
])
def test_sidebar_lists_the_entries_as_the_index_does(site: Path, section: str, after: str) -> None:
    html = (site / section / "index.html").read_text("utf-8")
    sidebar, index = _sidebar(html), _index_order(html, after)
    sidebar = [href for href in sidebar if href in index]  # extra pages (glossary to print)
    if not sidebar:  # a section this large lists its index page only (pages.NAV_MAX_ENTRIES)
        assert len(index) > NAV_MAX_ENTRIES
        return
    assert sidebar == index


def test_natural_order() -> None:
    titles = ["Encadré 10 — b", "Encadré 3 — c", "encadré 1 — d", "Écoute"]
    assert sorted(titles, key=natural_key) == ["Écoute", "encadré 1 — d", "Encadré 3 — c", "Encadré 10 — b"]


def test_breadcrumbs_on_an_entry_page(site: Path) -> None:
    html = (site / "cas" / "trepos-encadre-3-valenciennes" / "index.html").read_text("utf-8")
    path = html.split('<nav class="md-path"', 1)[1].split("</nav>", 1)[0]
    assert [t.strip() for t in re.findall(r">([^<>]*)<", path) if t.strip()] == ["Accueil", "Cas et encadrés"]


def test_phone_drawer_opens_at_the_current_page(server: str, site: Path) -> None:
    """The current page is in view when the drawer opens, even far down a long section."""
    last_concept = _index_order((site / "concepts" / "index.html").read_text("utf-8"), 'id="de-a-a-z"')[-1]
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{server}/concepts/{last_concept}")
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_timeout(500)
        box = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__link--active')]
            .map((a) => a.getBoundingClientRect()).filter((r) => r.height > 0).pop().toJSON()""")
    assert 0 <= box["top"] and box["bottom"] <= 844


# --- exports download -----------------------------------------------------------------------

def test_links_to_export_files_download_them(site: Path) -> None:
    exports = {str(p.relative_to(site)) for p in site.rglob("*") if p.suffix in (".xml", ".csv", ".json", ".ris", ".bib")}
    seen = 0
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        for attrs in re.findall(r"<a\b([^>]*)>", html):
            href = re.search(r'href="([^"#?]+)"', attrs)
            if not href or href.group(1).startswith(("http:", "https:")):
                continue
            target = (page.parent / href.group(1)).resolve()
            if target.is_file() and str(target.relative_to(site.resolve())) in exports:
                seen += 1  # saved under a name of its own on the site (`bts-esf-questions.gift`)
                name = download_name(str(target.relative_to(site.resolve())))
                assert f'download="{name}"' in attrs, f"{page.relative_to(site)}: {attrs}"
    assert seen > 10


@pytest.mark.parametrize(("href", "page_url", "expected"), [
    ("../bibliographie.ris", "formateurs/", ' download="bibliographie.ris"'),
    ("../x-2009.json", "bibliographie/x-2009/", ' download="x-2009.json"'),
    ("../autre/", "bibliographie/x-2009/", ""),
    ("https://example.org/bibliographie.ris", "formateurs/", ""),
])
def test_mark_downloads(href: str, page_url: str, expected: str) -> None:
    exports = {"bibliographie.ris", "bibliographie/x-2009.json"}
    assert mark_downloads(f'<a href="{href}">f</a>', page_url, exports) == f'<a href="{href}"{expected}>f</a>'


# --- curricula: a stable, copyable link for every item ---------------------------------------

CURRICULA = sorted((REPO / "curricula").glob("*.yaml"))


def _items(items: list[dict]) -> list[dict]:
    return [x for item in items for x in [item, *_items(item.get("children", []))]]


@pytest.mark.parametrize("path", CURRICULA, ids=[p.name for p in CURRICULA])
def test_every_curriculum_item_has_a_stable_anchor(path: Path) -> None:
    """An item without a code needs `anchor:` (its link must not change when its label is corrected)."""
    doc, problems = read_yaml(path, path.name)
    assert doc is not None and not problems
    items = [i for s in doc.data["sections"] for i in _items(s["items"])]
    assert [i["label"] for i in items if not i.get("code") and not i.get("anchor")] == []
    anchors = [i["anchor"] for i in items if i.get("anchor")]
    assert len(anchors) == len(set(anchors)), "an anchor is used twice"


@pytest.mark.parametrize("path", CURRICULA, ids=[p.name for p in CURRICULA])
def test_every_item_shows_its_link(site: Path, path: Path) -> None:
    html = (site / "referentiels" / path.stem / "index.html").read_text("utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    anchors = re.findall(r'<span id="([^"]+)"></span>', article)
    links = re.findall(r'<a class="pkb-item-link" href="#([^"]+)"', article)
    former = [a for i in walk_items(load_corpus(REPO).one_of("curriculum", path.stem, Curriculum)) for a in i.former_anchors]
    assert anchors and links == [a for a in anchors if a not in former] and len(set(anchors)) == len(anchors)
    assert set(former) <= set(anchors)  # the links published before an item got its own anchor still land on it
    manifest = (REPO / "urls.txt").read_text("utf-8").split()
    assert all(f"referentiels/{path.stem}/#{a}" in manifest for a in anchors)


def test_copy_link_button_copies_the_items_address(server: str) -> None:
    with chromium() as browser:
        context = browser.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto(f"{server}/referentiels/de-cesf/")
        link = page.locator("a.pkb-item-link").nth(2)
        anchor = (link.get_attribute("href") or "")[1:]
        link.locator("xpath=following-sibling::button[1]").click()
        page.wait_for_timeout(200)
        copied = page.evaluate("navigator.clipboard.readText()")
    # no published address in this build: the page's place in the site, not the local server's
    assert copied == f"referentiels/de-cesf/#{anchor}"


def test_referentiels_index_crosses_competencies_and_notions(site: Path) -> None:
    """One table: a row per notion named by a curriculum, a column per diploma, each cell linking
    to the items, each link to an anchor that exists."""
    html = (site / "referentiels" / "index.html").read_text("utf-8")
    table = html.split('id="notions-et-competences"', 1)[1].split("</table>", 1)[0]
    named = {c for p in CURRICULA for c in re.findall(r"^\s+- concept: ([a-z0-9-]+)$", p.read_text("utf-8"), re.M)
             if (REPO / "concepts" / f"{c}.yaml").is_file()}
    assert named
    rows = set(re.findall(r'<td><a href="\.\./concepts/([a-z0-9-]+)/"', table))
    assert rows == named
    for curriculum, anchor in re.findall(r'href="([a-z0-9-]+)/#([^"]+)"', table):
        assert f'id="{anchor}"' in (site / "referentiels" / curriculum / "index.html").read_text("utf-8")
