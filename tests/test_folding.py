"""One folding helper for ids, sort keys and search: accents removed, ligatures expanded."""

from __future__ import annotations

import pytest

from partenariat.base.folding import fold, slugify, sort_key


@pytest.mark.parametrize(("title", "slug"), [
    ("Cœur de réseau", "coeur-de-reseau"),
    ("Ex æquo", "ex-aequo"),
    ("ŒUVRE À L'ÉPREUVE", "oeuvre-a-l-epreuve"),
    ("L’accès aux droits", "l-acces-aux-droits"),
    ("Loi n° 2002-2 du 2 janvier 2002", "loi-n-2002-2-du-2-janvier-2002"),
    ("  --Réseau--  ", "reseau"),
])
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_sort_key_files_ligatures_under_their_letters() -> None:
    words = ["Ordre", "Œuvre", "Oeil", "Éducation", "Ecole", "Ærodrome", "Adresse", "zèle", "Zone"]
    assert sorted(words, key=sort_key) == ["Adresse", "Ærodrome", "Ecole", "Éducation", "Oeil", "Œuvre", "Ordre",
                                           "zèle", "Zone"]
    assert sort_key("Œuvre") == "oeuvre"


def test_fold_keeps_case_for_search() -> None:
    assert fold("Cœur à l'Épreuve") == "Coeur a l'Epreuve"
    assert fold("CŒUR") == "COEUR"


def test_search_and_indexes_use_the_same_folding() -> None:
    from partenariat.export import search_index
    from partenariat.render import indexes
    assert search_index.fold is fold and indexes.sort_key is sort_key
