"""Step 2 — the checks: loading every folder, validating, text rules, published addresses.
Every data rule an editor can break lives here and runs in `python -m partenariat check`."""
