"""Step 3 — what the outputs share, derived from the checked corpus: the build Context, addresses,
backlinks, history and edition, bibliographic records, the question bank, comparisons."""
