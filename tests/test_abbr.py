"""partenariat.render.abbr: the same HTML as Python-Markdown's `abbr`, with a pattern per page."""

from __future__ import annotations

import markdown

from partenariat.render.abbr import NAME, first_word

GLOSSARY = {"CPOM": "Contrat pluriannuel", "CPOM-2": "Copie", "E2C": "École de la 2e chance", "R&D": "Recherche",
            "A.S.E.": "Aide sociale", "(x)": "x", "ASE": "Aide sociale à l'enfance", "QPV": "Quartier",
            "ÉSAT": "Établissement", "PJJ": "Protection judiciaire"}

TEXTS = [
    "Le CPOM et le CPOM-2, pas CPOMS ni xCPOM, ni _CPOM. Une E2C, la R&D, R&amp;D.",
    "L'A.S.E. et l'ASE, un (x) ; `CPOM` en code, **QPV** en gras, [ÉSAT](https://e.org) en lien.",
    "*[PJJ]: Définie par la page\n\nLa PJJ est redéfinie ici, CPOM aussi.\n\n*[CPOM]: Autre\n",
    "*[QPV]: ''\n\nQPV retiré, ASE gardé ; un sigle inconnu : ZZZ.\n\n*[ZZZ]: Inconnu ici",
    "| CPOM | ASE |\n|---|---|\n| E2C | QPV |\n\n- une liste avec CPOM\n- et ÉSAT, ÉSATS",
    "",
]


def render(text: str, extension: str) -> str:
    return markdown.markdown(text, extensions=[extension, "tables"],
                             extension_configs={extension: {"glossary": GLOSSARY}})


def test_same_html_as_abbr() -> None:
    for text in TEXTS:
        assert render(text, NAME) == render(text, "abbr"), text


def test_first_word() -> None:
    assert first_word("CPOM-2") == "CPOM"
    assert first_word("A.S.E.") == "A"
    assert first_word("(x)") == ""
    assert first_word("ÉSAT") == "ÉSAT"


def test_page_abbreviations_as_a_dict() -> None:
    from partenariat.render.abbr import PageAbbreviations

    page, plain = PageAbbreviations(GLOSSARY), dict(GLOSSARY)
    for abbrs in (page, plain):
        abbrs["PJJ"] = "Redéfini"
        abbrs["ZZZ"] = "Nouveau"
        abbrs.pop("QPV", None)
        abbrs.pop("absent", None)
    assert dict(page) == plain and len(page) == len(plain) and bool(page)
    assert "QPV" not in page and page["PJJ"] == "Redéfini"
    page.reset()
    assert dict(page) == GLOSSARY


# --- the first mention of an acronym links to its entry (partenariat/render/acronym_links.py) ---

from partenariat.render.acronym_links import link_first_mentions  # noqa: E402

ENTRIES = {"CPOM": "cpom", "ESSMS": "essms", "ESMS": "essms"}


def _href(own: str | None = None):  # type: ignore[no-untyped-def]
    return lambda entry: None if entry == own else f"../../glossaire/{entry}/"


def test_only_the_first_free_mention_is_linked() -> None:
    html = ('<h2><abbr title="x">CPOM</abbr></h2><p><a href="y"><abbr title="x">CPOM</abbr></a> '
            '<abbr title="x">CPOM</abbr> puis <abbr title="x">CPOM</abbr> et <abbr title="e">ESMS</abbr>, '
            '<abbr title="e">ESSMS</abbr></p>')
    out = link_first_mentions(html, ENTRIES, _href())
    assert out.count('class="pkb-abbr-link"') == 2  # CPOM once, ESSMS/ESMS (one entry) once
    assert '<h2><abbr title="x">CPOM</abbr></h2>' in out  # not in a heading
    assert '<a href="y"><abbr title="x">CPOM</abbr></a> <a class="pkb-abbr-link" href="../../glossaire/cpom/">' in out
    assert '<a class="pkb-abbr-link" href="../../glossaire/essms/"><abbr title="e">ESMS</abbr></a>' in out


def test_an_acronym_page_does_not_link_to_itself() -> None:
    html = '<p><abbr title="x">CPOM</abbr> <abbr title="e">ESSMS</abbr></p>'
    out = link_first_mentions(html, ENTRIES, _href(own="cpom"))
    assert "glossaire/cpom/" not in out and "glossaire/essms/" in out


def test_text_and_entities_are_copied_as_they_are() -> None:
    html = '<p>R&eacute;seau &amp; <abbr title="a &quot;b&quot;">CPOM</abbr> &lt;x&gt;</p>'
    out = link_first_mentions(html, ENTRIES, _href())
    assert out == ('<p>R&eacute;seau &amp; <a class="pkb-abbr-link" href="../../glossaire/cpom/">'
                   '<abbr title="a &quot;b&quot;">CPOM</abbr></a> &lt;x&gt;</p>')
