"""Printing on A4, checked on Chromium's own PDF output: no site chrome, expansions of the
acronyms printed, a concept « fiche » (the page's own address once, no internal address
inline, external ones as numbered notes) and the whole glossary."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from browser import chromium
from conftest import REPO
from partenariat import load_corpus
from partenariat.data.models import Source


def pdf_of(url: str) -> PdfReader:
    with chromium() as browser:
        page = browser.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        data = page.pdf(format="A4", print_background=False)
    return PdfReader(io.BytesIO(data))


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_concept_fiche_prints_cleanly(server: str) -> None:
    reader = pdf_of(f"{server}/concepts/partenariat/")
    text = text_of(reader)
    assert 1 <= len(reader.pages) <= 4, len(reader.pages)
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4 portrait, in points
    assert "Partenariat" in text and "En bref" in text
    assert "Rechercher" not in text and "Table des matières" not in text  # no search box, no sidebars
    assert "Imprimer la fiche" not in text
    compact = text.replace(" ", "")
    assert server not in compact  # no internal address inline, not even the page's local one
    assert compact.count("nonconfigurée(pageconcepts/partenariat/dusite)") == 1  # the page's place in the site, once (citation)
    assert "Disponible sur" in text  # the citation block prints open
    assert "Définitions clés" in text and "Traits de comparaison" not in text  # a fiche: the essentials


def test_printable_glossary_shows_every_expansion_on_the_pages_formateurs_says(server: str) -> None:
    """Two columns on paper; « Formateurs » says how many pages it takes, and says true."""
    reader = pdf_of(f"{server}/glossaire/a-imprimer/")
    text = text_of(reader)
    assert "Contrat pluriannuel d'objectifs et de moyens" in text
    assert "Institut thérapeutique, éducatif et pédagogique" in text
    said = re.search(r"en deux colonnes, sur\s+(\d+) pages A4 environ", (REPO / "docs" / "formateurs.md").read_text("utf-8"))
    assert said, "docs/formateurs.md no longer says how long the printable glossary is"
    print(f"printable glossary: {len(reader.pages)} A4 pages")
    assert abs(len(reader.pages) - int(said.group(1))) <= 1


def test_acronym_expansions_are_printed_where_acronyms_appear(server: str) -> None:
    text = text_of(pdf_of(f"{server}/cas/trepos-encadre-3-valenciennes/"))
    assert "QPV (Quartier prioritaire de la politique de la ville)" in text or "QPV (Quartiers prioritaires" in text


def test_external_addresses_print_as_numbered_notes(server: str) -> None:
    text = text_of(pdf_of(f"{server}/comparer/partenariat-reseau/"))
    assert server not in text.replace(" ", "")  # internal links: their text only
    with_url = next(s for s in load_corpus(REPO).all_of("source", Source) if s.url)
    source = text_of(pdf_of(f"{server}/bibliographie/{with_url.id}/"))
    assert "http" in source  # an external address is still printed (inline when it is the link text)
