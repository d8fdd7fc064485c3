"""Step 1 — the data: the YAML reader, the models of the seven entity types, closed vocabularies,
field help, references between entities, JSON Schemas and scaffolding of new files."""
