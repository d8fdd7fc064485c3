"""A quoted article says which wording it quotes and that it may have changed since, with a
link to the official text where its address is certain; a legal basis the seeds do not give
(those of the shared secret) is summarised, declared outside the seeds, never quoted and never
asked by the question bank as what « les sources citent » (issue 24)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from conftest import real_corpus
from partenariat import DataError, load_corpus
from partenariat.data.models import Article, Concept, LegalText
from partenariat.derive.questions import build_questions
from partenariat.render.common import anchor_of
from partenariat.render.legal import MAY_HAVE_CHANGED, article_label
from partenariat.render.pages import build_pages

LEGIFRANCE = "https://www.legifrance.gouv.fr/"


@cache
def pages() -> dict[str, str]:
    return {p.path: p.markdown for p in build_pages(real_corpus())}


QUOTED = [(t.id, i) for t in real_corpus().all_of("legal", LegalText) for i, a in enumerate(t.articles) if a.text]


def test_the_corpus_quotes_articles() -> None:
    assert len(QUOTED) >= 9


@pytest.mark.parametrize(("text_id", "position"), QUOTED, ids=lambda v: str(v))
def test_a_quoted_article_states_its_wording_then_that_it_may_have_changed(text_id: str, position: int) -> None:
    text = real_corpus().one_of("legal", text_id, LegalText)
    article = text.articles[position]
    markdown = pages()[f"textes-juridiques/{text_id}.md"]
    section = markdown.split(f"{{#{anchor_of('article-' + article.key)}}}", 1)[1].split("\n## ", 1)[0]
    after_quote = section.split("\n\n> ", 1)[1]
    note = next(line for line in after_quote.splitlines() if 'class="pkb-wording"' in line)
    assert " ".join((article.wording or "").split()).rstrip(".") in note and MAY_HAVE_CHANGED in note
    url = article.official_url or text.official_url
    if url:
        assert f"]({url})" in note, note
    else:
        assert "vérifiez la version en vigueur" in note


def test_the_official_links_are_legifrance_addresses() -> None:
    urls = [u for t in real_corpus().all_of("legal", LegalText)
            for u in [t.official_url, *(a.official_url for a in t.articles)] if u]
    assert urls and all(u.startswith(LEGIFRANCE) for u in urls)
    # no guessed article identifier: codes by their page, laws by their JORF text
    assert all("/codes/texte_lc/LEGITEXT" in u or "/jorf/id/JORFTEXT" in u for u in urls), urls


@pytest.mark.parametrize("text_id", sorted(t.id for t in real_corpus().all_of("legal", LegalText) if t.official_url))
def test_a_text_with_an_official_address_links_it_at_the_top(text_id: str) -> None:
    text = real_corpus().one_of("legal", text_id, LegalText)
    markdown = pages()[f"textes-juridiques/{text_id}.md"]
    top = markdown.split("\n## ", 1)[0]
    assert f"*Texte officiel* : [le texte publié au Journal officiel, sur Légifrance]({text.official_url})" in top


# --- secret partagé: its legal bases, outside the seeds --------------------------------------


SHARED_SECRET_BASES = {"CASF L. 226-2-2": "2007-293", "CASF L. 121-6-2": "2007-297", "CSP L. 1110-4": "2002-303"}


def _article(codified: str) -> tuple[LegalText, Article]:
    return next((t, a) for t in real_corpus().all_of("legal", LegalText) for a in t.articles
                if a.codified_as == codified)


@pytest.mark.parametrize(("codified", "number"), SHARED_SECRET_BASES.items())
def test_each_legal_basis_of_the_shared_secret_is_summarised_outside_the_seeds(codified: str, number: str) -> None:
    text, article = _article(codified)
    assert text.number == number
    assert "secret-partage" in article.concepts
    assert article.outside_seeds and article.summary and not article.text  # summarised, never quoted
    markdown = pages()[f"textes-juridiques/{text.id}.md"]
    section = markdown.split(f"## {article_label(article)}", 1)[1].split("\n## ", 1)[0]
    assert '!!! info "Hors des documents sources"' in section
    concept = pages()["concepts/secret-partage.md"]
    assert f"(../textes-juridiques/{text.id}.md)" in concept


def test_the_shared_secret_declares_its_legal_bases_outside_the_seeds() -> None:
    concept = real_corpus().one_of("concept", "secret-partage", Concept)
    for codified in SHARED_SECRET_BASES:
        assert codified.split(" ", 1)[1] in (concept.outside_seeds or ""), codified


def test_a_law_the_seeds_do_not_cite_is_never_asked_as_cited_by_them() -> None:
    outside = {t.id for t in real_corpus().all_of("legal", LegalText) if not t.attested_in}
    assert outside
    bank = build_questions(real_corpus())
    assert bank
    for question in bank:
        assert question.source[1] not in outside, question.id
        assert "secret-partage" not in question.concepts or question.kind != "texte", question.id


# --- model rules, refused at their line ---------------------------------------------------------


LAW = Path("legal") / "loi-2002.yaml"


def errors(corpus_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    return [str(p) for p in info.value.problems]


def _edit(corpus_dir: Path, old: str, new: str) -> None:
    path = corpus_dir / LAW
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


QUOTE = "    text: Afin de favoriser leur coordination.\n"


def test_a_quoted_article_without_its_wording_is_refused_at_its_line(corpus_dir: Path) -> None:
    _edit(corpus_dir, "    summary: Formes", QUOTE + "    summary: Formes")
    assert ("legal/loi-2002.yaml:7: articles[0]: a quoted article ('text') says which wording it quotes "
            "('wording')") in errors(corpus_dir)


def test_a_quoted_article_with_its_wording_loads(corpus_dir: Path) -> None:
    _edit(corpus_dir, "    summary: Formes", QUOTE + "    wording: Rédaction citée par le dossier en 2010.\n"
          "    official_url: https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069/\n    summary: Formes")
    article = load_corpus(corpus_dir).one_of("legal", "loi-2002", LegalText).articles[0]
    assert article.wording and article.official_url


@pytest.mark.parametrize("address", ["javascript:alert(1)", "ftp://legifrance.gouv.fr/x", "www.legifrance.gouv.fr",
                                     "data:text/html,x"])
def test_an_official_address_that_is_not_http_is_refused_at_its_line(corpus_dir: Path, address: str) -> None:
    _edit(corpus_dir, "reviewed:", f"official_url: {address}\nreviewed:")
    assert any(e.startswith(f"legal/loi-2002.yaml:12: official_url: '{address[:60]}' is not a web address")
               for e in errors(corpus_dir))


def test_an_article_outside_the_seeds_is_never_quoted(corpus_dir: Path) -> None:
    _edit(corpus_dir, "    summary: Formes", QUOTE + "    wording: Rédaction de 2007.\n"
          "    outside_seeds: Connaissance générale.\n    summary: Formes")
    assert ("legal/loi-2002.yaml:7: articles[0]: an article outside the seeds is summarised ('summary'), "
            "never quoted ('text')") in errors(corpus_dir)


def test_an_article_needs_a_number_or_its_codification(corpus_dir: Path) -> None:
    _edit(corpus_dir, '  - number: "21"\n    codified_as: CASF L. 312-7\n    summary:', "  - summary:")
    found = errors(corpus_dir)
    assert any("articles[0]: an article needs 'number' (in the text) or 'codified_as' (in a code)" in e
               for e in found), found


def test_a_legal_text_needs_a_source_or_says_where_it_comes_from(corpus_dir: Path) -> None:
    _edit(corpus_dir, "attested_in: [dossier]", "attested_in: []")
    assert ("legal/loi-2002.yaml:1: a legal text needs 'attested_in' (the sources that cite it) or "
            "'outside_seeds' (where its facts come from)") in errors(corpus_dir)
    _edit(corpus_dir, "attested_in: []", "attested_in: []\noutside_seeds: Connaissance générale.")
    assert load_corpus(corpus_dir).one_of("legal", "loi-2002", LegalText).attested_in == []
