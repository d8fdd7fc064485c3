"""One module owns every address: the forms it gives agree with each other and with the
pages MkDocs builds."""

from __future__ import annotations

import posixpath

import pytest

from partenariat.data.entities import ENTITY_TYPES
from partenariat.derive.addresses import Addresses, export_path, source_path, url_of_source

STYLES = [Addresses(directory_urls=True), Addresses(directory_urls=False)]


@pytest.mark.parametrize("md_path, directory, flat", [
    ("index.md", "", "index.html"),
    ("concepts/index.md", "concepts/", "concepts/index.html"),
    ("concepts/reseau.md", "concepts/reseau/", "concepts/reseau.html"),
    ("comparer/partenariat-reseau.md", "comparer/partenariat-reseau/", "comparer/partenariat-reseau.html"),
])
def test_url_of_a_markdown_source_in_both_styles(md_path: str, directory: str, flat: str) -> None:
    assert url_of_source(md_path, directory_urls=True) == directory
    assert url_of_source(md_path, directory_urls=False) == flat


@pytest.mark.parametrize("addresses", STYLES, ids=["directory", "flat"])
@pytest.mark.parametrize("etype", ENTITY_TYPES, ids=lambda t: t.name)
@pytest.mark.parametrize("from_md", ["concepts/partenariat.md", "comparer/continuum.md", "index.md", "cas/index.md"])
def test_relative_href_resolves_to_the_page_url(addresses: Addresses, etype: object, from_md: str) -> None:
    """A raw-HTML link written on one page lands on the other page's URL, whatever the depth."""
    type_name = etype.name  # type: ignore[attr-defined]
    here = addresses.url_of_page(from_md)
    here_dir = here if here.endswith("/") else posixpath.dirname(here) + "/"
    href = addresses.href(type_name, "x", from_md)
    resolved = posixpath.normpath(posixpath.join(here_dir.rstrip("/") or ".", href))
    assert resolved + ("/" if href.endswith("/") else "") == addresses.url(type_name, "x")


def test_absolute_addresses_only_when_the_site_address_is_known() -> None:
    local, published = Addresses(), Addresses(base_url="https://exemple.fr/partenariat/")
    assert local.absolute("concepts/reseau/") is None
    assert local.absolute_or_relative("concept", "reseau") == "concepts/reseau/"
    assert published.absolute_or_relative("concept", "reseau") == "https://exemple.fr/partenariat/concepts/reseau/"
    assert local.from_page("glossary", "cpom", "concepts/reseau.md") == "../../glossaire/cpom/"
    assert published.from_page("glossary", None, "concepts/reseau.md") == "https://exemple.fr/partenariat/glossaire/"


def test_markdown_links_and_export_files() -> None:
    addresses = Addresses()
    assert addresses.md_link("concept", "reseau", "definitions") == "../concepts/reseau.md#definitions"
    assert addresses.md_link("glossary", None, prefix="/") == "/glossaire/index.md"
    assert source_path("legal", "loi-2002") == "textes-juridiques/loi-2002.md"
    assert export_path("source", "damon-2009", "ris") == "bibliographie/damon-2009.ris"
