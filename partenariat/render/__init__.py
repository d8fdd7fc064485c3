"""Step 4 — pages: one Markdown renderer per entity type, the page pipeline (pages.py), the macros
of hand-written pages, abbreviations, offline links and download attributes; no MkDocs import."""
