"""Concept pages, comparison pages and running text as readers get them: what a concept page
shows first, its height on a phone, its printed length, citations, comparison syntheses that
fit a phone, and no list or legal paragraph run into one line on any built page."""

from __future__ import annotations

import re
import statistics
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import chromium
from conftest import real_corpus
from partenariat import DataError, load_corpus
from partenariat.data.models import MAX_KEY_DEFINITIONS, MIN_KEY_DEFINITIONS
from partenariat.derive.addresses import comparison_path
from partenariat.derive.comparisons import read_comparisons
from visits import PHONE, Visit

REPO = Path(__file__).resolve().parent.parent
COMPARISONS = read_comparisons(REPO / "docs", REPO)[0]
CORPUS = real_corpus()
CONCEPTS = sorted(CORPUS.records["concept"])


# --- the data: key definitions ------------------------------------------------------------


@pytest.mark.parametrize("concept_id", CONCEPTS)
def test_key_definitions_are_three_to_five_when_there_is_a_choice(concept_id: str) -> None:
    concept = CORPUS.get("concept", concept_id)
    key = concept.key_definitions()
    if len(concept.definitions) > MAX_KEY_DEFINITIONS:
        assert MIN_KEY_DEFINITIONS <= len(key) <= MAX_KEY_DEFINITIONS, f"concepts/{concept_id}.yaml"
    assert len(key) <= MAX_KEY_DEFINITIONS


def _definitions(n: int, key: dict[int, int] | None = None) -> str:
    key = key or {}
    items = [f"  - source: dhume-2001\n    quote: Définition {i}.\n" + (f"    key: {key[i]}\n" if i in key else "")
             for i in range(n)]
    return "definitions:\n" + "".join(items)


def _with_definitions(corpus_dir: Path, block: str) -> None:
    path = corpus_dir / "concepts" / "partenariat.yaml"
    text = path.read_text("utf-8")
    start = text.index("definitions:")
    end = text.index("related:")
    path.write_text(text[:start] + block + text[end:], "utf-8")


def _problems(corpus_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    return [str(p) for p in info.value.problems]


def test_many_definitions_without_key_ones_are_refused(corpus_dir: Path) -> None:
    _with_definitions(corpus_dir, _definitions(6))
    [problem] = _problems(corpus_dir)
    assert problem.startswith("concepts/partenariat.yaml:") and "mark 3 to 5 of them with 'key'" in problem


def test_two_definitions_with_the_same_rank_are_refused(corpus_dir: Path) -> None:
    _with_definitions(corpus_dir, _definitions(4, {0: 1, 2: 1}))
    assert any("same 'key' rank" in p for p in _problems(corpus_dir))


def test_key_rank_outside_one_to_five_is_refused(corpus_dir: Path) -> None:
    _with_definitions(corpus_dir, _definitions(6, {0: 1, 1: 2, 2: 9}))
    assert any("definitions[2].key" in p for p in _problems(corpus_dir))


def test_key_definitions_come_in_the_editors_order(corpus_dir: Path) -> None:
    _with_definitions(corpus_dir, _definitions(7, {4: 1, 0: 3, 6: 2}))
    concept = load_corpus(corpus_dir).get("concept", "partenariat")
    assert [d.quote for d in concept.key_definitions()] == ["Définition 4.", "Définition 6.", "Définition 0."]


# --- the built pages ----------------------------------------------------------------------


class Outline(HTMLParser):
    """The h2 headings of the article, and whether each sits inside a collapsible section."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # nesting inside details.pkb-section
        self.open_h2 = False
        self.headings: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self.depth += 1 if self.depth or "pkb-section" in (dict(attrs).get("class") or "") else 0
        if tag == "h2":
            self.open_h2 = True
            self.headings.append(("", self.depth > 0))

    def handle_endtag(self, tag: str) -> None:
        if tag == "details" and self.depth:
            self.depth -= 1
        if tag == "h2":
            self.open_h2 = False

    def handle_data(self, data: str) -> None:
        if self.open_h2:
            text, folded = self.headings[-1]
            self.headings[-1] = (text + data.replace("¶", "").strip(), folded)


FIRST_SHOWN = ("En bref", "Définitions", "Définitions clés", "Citations", "Définitions et citations", "Comparer")


@pytest.mark.parametrize("concept_id", CONCEPTS)
def test_concept_page_shows_the_essentials_and_folds_the_rest(site: Path, concept_id: str) -> None:
    html = (site / "concepts" / concept_id / "index.html").read_text("utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    outline = Outline()
    outline.feed(article)
    shown = [h for h, folded in outline.headings if not folded]
    assert shown and shown[0] == "En bref", shown
    assert set(shown) <= set(FIRST_SHOWN), shown
    # « Citer cette page » comes right after « En bref », before the definitions
    assert "Citer cette page" in article[article.index('id="en-bref"'):article.index('class="pkb-more"')]
    assert 'id="definitions"' not in article or article.index("Citer cette page") < article.index('id="definitions"')
    concept = CORPUS.get("concept", concept_id)
    # each quotation has its reference to copy, named for what it is (a remark is a « passage »)
    assert article.count("Citer cette définition") == sum(d.is_definition for d in concept.definitions)
    assert article.count("Citer ce passage") == sum(not d.is_definition for d in concept.definitions)


def test_partenariat_leads_with_its_ranked_definitions_and_comparisons(site: Path) -> None:
    html = (site / "concepts" / "partenariat" / "index.html").read_text("utf-8")
    concept = CORPUS.get("concept", "partenariat")
    key_part = html[html.index('id="definitions"'):html.index('id="comparer"')]
    positions = [key_part.index(" ".join(d.quote.split())[:40]) for d in concept.key_definitions()]
    assert positions == sorted(positions)
    comparisons = html[html.index('id="comparer"'):html.index('class="pkb-more"')]
    for comparison in COMPARISONS:
        if "partenariat" in comparison.concepts:
            assert f'href="../../comparer/{comparison.slug}/"' in comparisons


@pytest.mark.parametrize("comparison", COMPARISONS, ids=lambda c: c.slug)
def test_a_comparison_is_read_from_its_page(comparison) -> None:  # type: ignore[no-untyped-def]
    text = (REPO / "docs" / comparison_path(comparison.slug)).read_text("utf-8")
    assert f"# {comparison.title}" in text and comparison.criterion in " ".join(text.split())
    if comparison.continuum:
        assert "{{ continuum() }}" in text and comparison.concepts == ()
    else:
        call = re.search(r"\{\{ compare\(([^)=]*?)(?:, titre=\"[^\"]*\")?\) \}\}", text)
        assert call and tuple(re.findall(r'"([^"]+)"', call.group(1))) == comparison.concepts


# --- run-in lists, on every built page ----------------------------------------------------

RUN_IN_LIST = re.compile(r"[;:]\s+[-–•]\s+\w")  # « … ; - une méthode … »
RUN_IN_ALINEAS = re.compile(r"\d+°\s.*«\s*\d+°\s")  # « 1° … ; « 2° … » in one paragraph


class Paragraphs(HTMLParser):
    """Text of each paragraph, list item and table cell of the article (nested blocks apart)."""

    BLOCKS = {"p", "li", "td", "th", "blockquote", "dd"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[list[str]] = []
        self.texts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "svg"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.stack.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg"):
            self.skip -= 1
        if tag in self.BLOCKS and self.stack:
            self.texts.append(" ".join("".join(self.stack.pop()).split()))

    def handle_data(self, data: str) -> None:
        if self.stack and not self.skip:
            self.stack[-1].append(data)


def test_no_run_in_list_or_alineas_on_any_page(site: Path) -> None:
    found = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        if "<article" not in html:
            continue
        parser = Paragraphs()
        parser.feed(html[html.index("<article"):html.index("</article>")])
        for text in parser.texts:
            if RUN_IN_LIST.search(text) or RUN_IN_ALINEAS.search(text):
                found.append(f"{page.relative_to(site)}: {text[:120]}")
    assert found == []


def test_article_alineas_are_paragraphs(site: Path) -> None:
    html = (site / "textes-juridiques" / "loi-2002-01-02-action-sociale" / "index.html").read_text("utf-8")
    for n in range(1, 5):
        assert re.search(rf"<p>« {n}° ", html), n


# --- in the browser: phone height, citations, contrast, comparison tables ------------------


def test_concept_pages_fit_on_a_phone(concept_visits: dict[str, Visit]) -> None:
    screens = {path.split("/")[1]: seen.phone_screens for path, seen in concept_visits.items()}
    assert set(screens) == set(CONCEPTS)
    median = statistics.median(screens.values())
    print(f"\nphone screens at 390×844: partenariat {screens['partenariat']:.1f}, median {median:.1f}, "
          f"max {max(screens.values()):.1f} ({max(screens, key=screens.__getitem__)})")
    assert screens["partenariat"] <= 10
    assert median <= 4


def test_citations_get_the_address_and_copy(server: str) -> None:
    with chromium() as browser:
        context = browser.new_context(viewport=PHONE)
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        url = f"{server}/concepts/reseau/"
        page.goto(url)
        definition = page.locator(".pkb-definitions details").first
        definition.locator("summary").click()
        cite = definition.locator(".pkb-cite").inner_text()
        # this build has no published address: the citation names the page's place in the
        # site, never the address it was opened from (tests/test_publish.py checks SITE_URL)
        assert "adresse de publication non configurée (page concepts/reseau/ du site)" in cite
        assert "Cité dans : « Réseau »" in cite
        assert server not in cite and "(consulté le " in cite and "date de consultation" not in cite
        definition.locator(".pkb-cite-copy").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "concepts/reseau/" in copied and "Cité dans : « Réseau »" in copied
        page.goto(f"{url}#traits-de-comparaison")
        assert page.locator("#section-traits-de-comparaison").evaluate("d => d.open")  # anchors open their section


def test_quotations_at_full_contrast(server: str) -> None:
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE)
        page.goto(f"{server}/concepts/partenariat/")
        quote = page.locator(".pkb-definitions blockquote").first.evaluate("q => getComputedStyle(q).color")
        text = page.locator("article p").first.evaluate("p => getComputedStyle(p).color")
    assert quote == text


# The smallest font size of the visible text of the article (px).
SMALLEST_TEXT = """() => { let least = Infinity;
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || !element.getClientRects().length) continue;
    if (element.closest('.footnote-backref, .headerlink')) continue;  // symbols (↩, ¶), not text
    least = Math.min(least, parseFloat(getComputedStyle(element).fontSize));
  }
  return least; }"""


@pytest.mark.parametrize("comparison", [c for c in COMPARISONS if not c.continuum], ids=lambda c: c.slug)
def test_comparison_page_opens_with_a_sourced_synthesis_that_fits_a_phone(server: str, comparison) -> None:  # type: ignore[no-untyped-def]
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE)
        page.goto(f"{server}/comparer/{comparison.slug}/")
        tables = page.locator("article table")
        synthesis = tables.first
        rows = synthesis.locator("tbody tr")
        assert 3 <= rows.count() <= 5
        for i in range(rows.count()):
            assert rows.nth(i).locator("sup a.footnote-ref, a.footnote-ref").count() >= 1  # each row sourced
        assert page.locator("table.pkb-compare").count() == 1  # then the full table
        for i in range(tables.count()):
            # nothing cut: the table lies inside the screen and nothing scrolls sideways in it
            right, overflow, scrolled = tables.nth(i).evaluate(
                "t => [t.getBoundingClientRect().right, t.scrollWidth - t.getBoundingClientRect().width,"
                " t.closest('.md-typeset__scrollwrap, .md-typeset__table') ? t.parentElement.scrollWidth"
                " - t.parentElement.clientWidth : 0]")
            assert right <= PHONE["width"] and overflow <= 1 and scrolled <= 0, (comparison.slug, i)
        # as first shown: the synthesis and the key rows; the trait-by-trait table one tap away
        screens = page.evaluate("document.documentElement.scrollHeight / innerHeight")
        assert screens <= 6, f"{comparison.slug}: {screens:.1f} phone screens"
        assert page.locator("details.pkb-section table.pkb-compare").count() == 1
        # opened, nothing is read below 12 px
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        smallest = page.evaluate(SMALLEST_TEXT)
        assert smallest >= 12, f"{comparison.slug}: text at {smallest} px"


# --- print --------------------------------------------------------------------------------


def test_concept_fiches_print_short(concept_visits: dict[str, Visit]) -> None:
    """Every fiche printed by Chromium on A4: partenariat in 4 pages at most, half of them in 2.
    The printed text is read on partenariat and the five longest fiches (one print stylesheet for
    all; the longest carry the most links): no internal address, and without a published address
    the citation gives the page's place in the site, once."""
    counts = {path.split("/")[1]: seen.printed_pages for path, seen in concept_visits.items()}
    median = statistics.median(counts.values())
    print(f"\nA4 pages: partenariat {counts['partenariat']}, median {median}, max {max(counts.values())}")
    assert counts["partenariat"] <= 4
    assert median <= 2
    longest = sorted(counts, key=lambda c: (-counts[c], c))[:5]
    for concept_id in {"partenariat", *longest}:
        compact = concept_visits[f"concepts/{concept_id}/"].printed_text().replace(" ", "")
        assert "127.0.0.1" not in compact, concept_id  # the visits may come from another worker's server
        assert compact.count(f"nonconfigurée(pageconcepts/{concept_id}/dusite)") == 1, concept_id
