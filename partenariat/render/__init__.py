"""Markdown renderers, one module per entity type; no MkDocs import."""
