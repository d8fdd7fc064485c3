"""What a piece of work read: keys noted while it runs under `recording()`.

A live preview re-renders only the pages an edit changes. To know which, each page renders
under `recording()`, and whatever hands out data notes a key for what it handed out
(`partenariat.derive.tracking` for the corpus and its backlinks, `derive.questions` for the
question bank). A key is any hashable value; this module knows nothing of what they mean.
Outside `recording()`, `note` does nothing (a full build records nothing).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token

_current: ContextVar[set[Hashable] | None] = ContextVar("partenariat_reads", default=None)


def note(key: Hashable) -> None:
    """Say that the work under way read what ``key`` stands for."""
    reads = _current.get()
    if reads is not None:
        reads.add(key)


def recording_now() -> bool:
    return _current.get() is not None


@contextmanager
def recording() -> Iterator[set[Hashable]]:
    """The keys noted while the block runs (nested: the inner block's keys count for the outer too)."""
    outer = _current.get()
    reads: set[Hashable] = set()
    token = _current.set(reads)
    try:
        yield reads
    finally:
        _current.reset(token)
        if outer is not None:
            outer.update(reads)


class Recorder:
    """`recording()` for work that starts in one call and ends in another (two events of a
    generator around a third party's work)."""

    def __init__(self) -> None:
        self.reads: set[Hashable] = set()
        self._token: Token[set[Hashable] | None] | None = None

    def start(self) -> None:
        self.stop()
        self.reads = set()
        self._token = _current.set(self.reads)

    def stop(self) -> set[Hashable]:
        if self._token is not None:
            _current.reset(self._token)
            self._token = None
        return self.reads


@contextmanager
def not_recording() -> Iterator[None]:
    """Work whose reads nobody should inherit (a cache filled for everyone)."""
    token = _current.set(None)
    try:
        yield
    finally:
        _current.reset(token)
