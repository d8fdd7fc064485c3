"""Backlink index and Markdown rendering, without MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from partenariat import load_corpus
from partenariat.derive.index import build_index
from partenariat.derive.questions import competencies
from partenariat.render.pages import build_pages, nav_sections


def test_backlinks_group_citing_entities_by_type(corpus_dir: Path) -> None:
    index = build_index(load_corpus(corpus_dir))
    assert index.cited_by("concept", "partenariat") == {
        "legal": ["loi-2002"], "case": ["encadre-1"], "curriculum": ["bts-esf"],
    }
    assert index.cited_by("concept", "reseau") == {"concept": ["partenariat"], "curriculum": ["bts-esf"]}
    assert index.cited_by("author", "dhume") == {"source": ["dhume-2001"]}
    fields = {e.field for e in index.edges_to("concept", "partenariat")}
    assert fields == {"articles[0].concepts[0]", "analysis[0].concept", "concepts[0]",
                      "sections[0].items[0].concepts[0].concept"}


def test_one_page_per_entity_plus_one_index_per_type(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    pages = build_pages(corpus)
    paths = {p.path for p in pages}
    packs = len(competencies(corpus))  # one revision page per competency that lists notions
    assert len(pages) == sum(corpus.counts().values()) + 7 + 2 + packs  # + the printable glossary, « Nouveautés »
    assert {"concepts/index.md", "concepts/partenariat.md", "auteurs/dhume.md", "bibliographie/dhume-2001.md",
            "textes-juridiques/loi-2002.md", "glossaire/cpom.md", "cas/encadre-1.md",
            "referentiels/bts-esf.md", "nouveautes.md"} <= paths
    nav = nav_sections(pages)
    assert nav["concept"][0] == "concepts/index.md"
    assert {"Réseau": "concepts/reseau.md"} in nav["concept"]
    assert nav_sections(pages, max_entries=1)["concept"] == ["concepts/index.md"]  # large sections: index only
    assert "news" not in nav_sections(pages)  # « Nouveautés » is placed by mkdocs.yml, outside the sections


def test_concept_page_content(corpus_dir: Path) -> None:
    pages = {p.path: p.markdown for p in build_pages(load_corpus(corpus_dir))}
    md = pages["concepts/partenariat.md"]
    assert md.startswith("---\nrender_macros: false\n")
    assert "# Partenariat" in md
    assert "[le réseau](../concepts/reseau.md)" in md  # [[concept:reseau|le réseau]] in the summary
    assert "> « Une méthode d'action coopérative" in md
    assert "[DHUME Fabrice](../auteurs/dhume.md)" in md
    assert "| Partenariat se distingue de | [Réseau](../concepts/reseau.md) |" in md
    assert "(../referentiels/bts-esf.md#c4-1)" in md
    assert "## Cité dans" in md and "(../textes-juridiques/loi-2002.md)" in md


def test_summary_notes_are_numbered_footnotes_under_en_bref_linking_to_their_source(corpus_dir: Path) -> None:
    path = corpus_dir / "concepts" / "partenariat.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "[[note:dhume-2001|p. 12]].",
        "[[note:dhume-2001|p. 12]]. Le dossier le reprend [[note:dossier]], comme Dhume[[note:dhume-2001|p. 12]]."
        " Les deux le disent[[note:dhume-2001|p. 12]][[note:dossier]]."),
        "utf-8")
    md = {p.path: p.markdown for p in build_pages(load_corpus(corpus_dir))}["concepts/partenariat.md"]
    assert "égaux, voir [le réseau](../concepts/reseau.md)[^1]. Le dossier le reprend[^2], comme Dhume[^1]." in md
    assert "Les deux le disent[^1]<sup>,</sup>[^2]." in md  # not « 12 »
    html = markdown.markdown(md.split("---\n", 2)[2], extensions=["footnotes", "md_in_html", "attr_list"])
    brief = html[html.index("<h2>En bref</h2>"):html.index("Citer cette page")]
    notes = brief[brief.index('<div class="footnote">'):]
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>' in brief
    assert re.findall(r'<li id="fn:(\d)">', notes) == ["1", "2"]  # one note per source and page
    assert ('DHUME Fabrice, <a href="../bibliographie/dhume-2001.md"><em>Du travail social au travail ensemble</em>'
            "</a>, 2001, p. 12.") in notes
    assert ('Réseau national de ressources en sciences médico-sociales, <a href="../bibliographie/dossier.md">'
            '<em>Le partenariat dans le travail social</em></a>, 2010.') in notes
    assert "[[note" not in html and "dhume-2001|" not in html


def test_other_pages_show_their_backlinks(corpus_dir: Path) -> None:
    pages = {p.path: p.markdown for p in build_pages(load_corpus(corpus_dir))}
    assert "[Partenariat](../concepts/partenariat.md)" in pages["auteurs/dhume.md"]  # notions définies
    assert "## Article 21 — CASF L. 312-7" in pages["textes-juridiques/loi-2002.md"]
    assert "2 janvier 2002" in pages["textes-juridiques/loi-2002.md"]
    assert '<span id="c4-1"></span>**C4.1**' in pages["referentiels/bts-esf.md"]
    assert "[CPOM](../glossaire/cpom.md) {#cpom}" in pages["glossaire/index.md"]
    assert "[Un niveau minimal de partenariat](../cas/encadre-1.md)" in pages["glossaire/cpom.md"]
