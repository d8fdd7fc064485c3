"""Safe text: what `check` refuses in a data field, what it lets through, and the CSV guard.

The real-corpus versions (check and build, every page) are in test_mutations.py; these
run in a fraction of a second on the small fixture corpus.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from partenariat import DataError, load_corpus
from partenariat.base.messages import report
from partenariat.checks.safetext import unsafe_in
from partenariat.export.spreadsheet import FORMULA_STARTS, _csv, concepts_csv, glossary_csv

REFUSED = {  # text → the code of the refusal
    "<script>alert(1)</script>": "html-tag",
    "<SCRIPT SRC=//evil.example/x.js>": "html-tag",
    '<img src=x onerror="alert(1)">': "html-tag",
    "<svg/onload=alert(1)>": "html-tag",
    "<iframe src=https://example.org>": "html-tag",
    "texte</p><p>autre": "html-tag",
    "<br>": "html-tag",
    "<!-- caché -->": "html-tag",
    "<![CDATA[x]]>": "html-tag",
    "<?php echo 1 ?>": "html-tag",
    "fin <b": "html-tag",
    '[[concept:reseau]]{onclick="alert(1)"}': "event-handler",
    "[x](https://example.org){: .md-button #top }": "attribute-list",
    "[x](https://example.org){: href='https://evil.example' }": "attribute-list",
    "[x](&#106;avascript:alert(1))": "char-reference",
    "[x](javascript&colon;alert(1))": "char-reference",
    "&#x3C;script&#x3E;": "char-reference",
    "[x](javascript:alert(1))": "bad-link",
    "[x]( JaVaScRiPt:alert(1) )": "bad-link",
    "[x](java\tscript:alert(1))": "bad-link",
    "[x](vbscript:msgbox(1))": "bad-link",
    "[x](data:text/html;base64,PHNjcmlwdD4=)": "bad-link",
    "voir [x]\n\n[x]: javascript:alert(1)": "bad-link",
    "<javascript:alert(1)>": "bad-link",
    "[x](file:///etc/passwd)": "bad-link",
    "copier javascript:alert(1) dans la barre": "bad-link",
    "![pixel](https://tracker.example/p.png)": "image",
    # a tag is '<' then a letter, whatever follows the name
    "<x_y onmouseover=alert(1)>": "html-tag",
    "<a.b onclick=alert(1)>": "html-tag",
    "<a=b autofocus onfocus=alert(1)>": "html-tag",
    "{: hidden }": "attribute-list",
    "{#top}": "attribute-list",
    "[x](www.example.org)": "bad-link",
    "[x](../concepts/reseau.md)": "bad-link",
    "voir [[concept:reseau": "broken-link-syntax",
    "[[concept:[[x]]": "broken-link-syntax",
}

ACCEPTED = [
    "Un partenariat se construit : il n'est pas donné.",
    "a < b et c > d, 3<4",
    "R&D, Côte-d'Or & Lot, AT&T",
    "Big data : enjeux ; data: voir plus loin",
    "[[concept:reseau|le réseau]] et [[author:dhume]]",
    "[site du Cedias](https://www.cedias.org/) ou <https://example.org>",
    "écrire à [la mission](mailto:contact@example.org)",
    "une onde, l'onze = onze",
    "{ accolades sans égal }",
    "**gras** et *italique*",
    "<1> & <2>, a <= b, x << y, 3 > 2",
    "{{ 7*7 }} {% raw %}",
    "]]> et [crochets] ou [a] [b]",
    "`code` et \\ antislash, # dièse, | barre, ! exclamation",
    "site : <https://example.org/a_(b)>",
    "<é n'ouvre pas de balise",
]


@pytest.mark.parametrize(("text", "code"), REFUSED.items(), ids=list(REFUSED))
def test_refused(text: str, code: str) -> None:
    found = unsafe_in(text)
    assert found is not None, text
    message, fix = found
    assert message.code == code
    assert fix.text("fr") and fix.text("en")


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted(text: str) -> None:
    assert unsafe_in(text) is None


def test_refused_at_its_file_line_and_field_in_french(corpus_dir: Path) -> None:
    path = corpus_dir / "authors" / "dhume.yaml"
    path.write_text(path.read_text("utf-8").replace("    organisation: ISCRA", "    organisation: <b>ISCRA</b>"),
                    "utf-8")
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    assert report(info.value.problems, "fr").splitlines()[0] == (
        "authors/dhume.yaml:8: affiliations[0].organisation: le HTML n'est pas permis dans le texte (« <b ») "
        "(écrivez du texte simple : **gras**, *italique*, [[type:id]] pour un lien vers une fiche)")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "www.example.org", "ftp://example.org/x",
                                 'https://example.org/" onmouseover="x'])
def test_a_url_field_holds_a_web_address(corpus_dir: Path, url: str) -> None:
    path = corpus_dir / "sources" / "dhume-2001.yaml"
    path.write_text(path.read_text("utf-8").replace("year: 2001", f"year: 2001\nurl: '{url}'"), "utf-8")
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    assert [str(p).split(" '")[0] for p in info.value.problems] == ["sources/dhume-2001.yaml:7: url:"]
    assert info.value.problems[0].message.code == "not-web-address"


def test_csv_cells_never_start_a_formula(corpus_dir: Path) -> None:
    cpom = corpus_dir / "glossary" / "cpom.yaml"
    cpom.write_text(cpom.read_text("utf-8").replace("expansion: Contrat", "expansion: -2+3 Contrat")
                    .replace("see_also:", "description: '@SUM(A1:A9)'\nsee_also:"), "utf-8")
    reseau = corpus_dir / "concepts" / "reseau.yaml"
    reseau.write_text(reseau.read_text("utf-8").replace("term: Réseau", "term: '=HYPERLINK(\"https://x\")'")
                      .replace("attested_in:", "aliases: ['+33 1 23', '-x']\nattested_in:"), "utf-8")
    corpus = load_corpus(corpus_dir)
    cells = [cell for text in (glossary_csv(corpus), concepts_csv(corpus))
             for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";") for cell in row]
    assert {"'-2+3 Contrat pluriannuel d'objectifs et de moyens", "'@SUM(A1:A9)", "'=HYPERLINK(\"https://x\")",
            "'+33 1 23, -x"} <= set(cells)
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]


@pytest.mark.parametrize("value", ["\tx", "\rx", "-1", "=1", "+1", "@x"])
def test_csv_guard_covers_every_formula_start(value: str) -> None:
    """Values are stripped when loaded, so tab and CR cannot start a cell today; the guard holds anyway."""
    rows = list(csv.reader(io.StringIO(_csv(["h"], [[value]]).lstrip("\ufeff")), delimiter=";"))
    assert rows[1] == ["'" + value]


def test_jsonld_script_holds_no_markup_character() -> None:
    """Inside <script>, `</script>` closes the element and `<!--<script>` changes how the browser
    reads what follows: no '<', '>' or '&' is written there, and the JSON still reads the same."""
    from partenariat.export.jsonld import jsonld_script
    name = "a </script><!--<script> & b > c"
    script = jsonld_script({"@type": "Thing", "name": name})
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not set("<>&") & set(body)
    assert json.loads(body)["name"] == name


def test_preview_banner_shows_a_hostile_value_as_text(corpus_dir: Path) -> None:
    """The preview banner quotes the problems, which quote the editor's values: a backtick
    must not close a code span and let the HTML after it run."""
    import markdown

    from partenariat.site import SiteOptions, build_site
    build_site(corpus_dir, SiteOptions(preview=True))
    cpom = corpus_dir / "glossary" / "cpom.yaml"
    cpom.write_text(cpom.read_text("utf-8").replace("domain: medico-social",
                                                    "domain: '`<img src=x onerror=alert(1)>`'"), "utf-8")
    banner = build_site(corpus_dir, SiteOptions(preview=True)).banner("en")
    assert "glossary/cpom.yaml:4: domain:" in banner
    page = markdown.markdown(banner, extensions=["admonition", "attr_list", "md_in_html", "abbr"])
    assert "<img" not in page
    assert "'`&lt;img src=x onerror=alert(1)&gt;`' is not an allowed value" in page  # shown as typed
    assert "**bold**, *italic*, [[type:id]]" in page
