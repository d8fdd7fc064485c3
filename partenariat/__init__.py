"""Data layer of the partnership knowledge base: models, loading, validation, index, rendering.

Nothing here imports MkDocs: the same code feeds the MkDocs hook, the CLI and the tests.
"""

from partenariat.base.problems import DataError, Problem
from partenariat.checks.load import Corpus, load_corpus

__all__ = ["Corpus", "DataError", "Problem", "load_corpus"]
