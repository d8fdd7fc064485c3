"""Data layer of the partnership knowledge base: models, loading, validation, index, rendering.

Nothing here imports MkDocs: the same code feeds the MkDocs hook, the CLI and the tests.
"""

from .load import Corpus, load_corpus
from .problems import DataError, Problem

__all__ = ["Corpus", "DataError", "Problem", "load_corpus"]
