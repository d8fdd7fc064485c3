"""One way to fold French text to plain letters, for ids, sort keys and search.

Unicode decomposition removes accents but not the ligatures « œ » and « æ », which are
letters of their own: without expanding them first, « Cœur » became « cur » and « Œuvre »
sorted as « uvre ». Everything that compares or derives text goes through `fold`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": "'", "ʼ": "'", "‘": "'"})


@functools.lru_cache(maxsize=65536)  # search folds every word of every page; words repeat a lot
def fold(text: str) -> str:
    """Remove diacritics and expand ligatures, keeping case: « Cœur à l'Épreuve » → « Coeur a l'Epreuve »."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(text: str) -> str:
    """French alphabetical order: « Œuvre » sorts as « oeuvre », « Élan » beside « elan »."""
    return fold(text).casefold()


def slugify(text: str) -> str:
    """An id (and page address) from a title: « Cœur de réseau » → « coeur-de-reseau »."""
    ascii_text = fold(text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
