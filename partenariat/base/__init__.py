"""Step 0 — what every step shares and that knows nothing of the corpus: folding, French dates,
the message catalogue and the problem type."""
