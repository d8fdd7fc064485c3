"""Flashcards as a real Anki package (`.apkg`): it carries its own note type, « Partenariat —
recto/verso » (fields Recto and Verso, one card each), so that it imports with its front and
back in any collection, whatever the language of that collection's basic note type (a CSV
maps its columns onto the fields of a note type by name, and a « Basic » type whose fields are
« Front »/« Back » left every back empty). The CSV stays for other tools.

genanki writes the SQLite collection; the zip is ours (partenariat.export.archive), so the
same data gives the same bytes: ids come from a fixed date (the last review of the cards'
entries), and each note's guid from its entry, so that re-importing an updated package
updates the notes instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
import tempfile
from pathlib import Path

import genanki

from partenariat.checks.load import Corpus
from partenariat.data.models import Acronym, Concept
from partenariat.export.archive import zip_bytes
from partenariat.export.common import SITE_TITLE
from partenariat.export.quiz import anki_cards

# Stable ids: Anki recognises the note type and the deck by them on every re-import.
MODEL_ID = 1_764_806_401
DECK_ID = 1_764_806_402
MODEL_NAME = "Partenariat — recto/verso"
FIELDS = ("Recto", "Verso")
CARD_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: center; color: black; background: white; }
.card blockquote { text-align: left; font-style: italic; }
.card p { margin: 0.5em 0; }
"""

MODEL = genanki.Model(
    MODEL_ID, MODEL_NAME,
    fields=[{"name": name, "font": "Arial"} for name in FIELDS],
    templates=[{"name": "Recto vers verso", "qfmt": "{{Recto}}",
                "afmt": '{{FrontSide}}\n\n<hr id="answer">\n\n{{Verso}}'}],
    css=CARD_CSS,
)


def _date_of(corpus: Corpus) -> float:
    """The last review of the cards' entries, as a timestamp: fixed for fixed data."""
    entries = [*corpus.all_of("glossary", Acronym), *corpus.all_of("concept", Concept)]
    day = max((e.reviewed for e in entries), default=dt.date(2026, 1, 1))
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()


def anki_package(corpus: Corpus) -> bytes:
    """The .apkg of the flashcards (the same cards as the CSV), deck « <site title> »."""
    deck = genanki.Deck(DECK_ID, SITE_TITLE)
    for key, front, back, tags in anki_cards(corpus):
        deck.add_note(genanki.Note(model=MODEL, fields=[front, back], tags=tags.split(),
                                   guid=genanki.guid_for("partenariat", key)))
    stamp = _date_of(corpus)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(path)
        try:
            genanki.Package(deck).write_to_db(connection.cursor(), stamp, itertools.count(int(stamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        collection = path.read_bytes()
    return zip_bytes([("collection.anki2", collection), ("media", "{}")])
