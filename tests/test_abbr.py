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
