"""« Testez-vous »: questions generated from the data, answered in collapsible blocks.

Plain HTML `<details>`: works offline, without a server or JavaScript, and prints. The
distractors are chosen deterministically (same build, same questions) among the authors
and neighbouring notions of the corpus.
"""

from __future__ import annotations

import hashlib

from ..models import Concept, Source
from .cite import person_name
from .common import Context, indent


def _pick(seed: str, candidates: list[str], k: int) -> list[str]:
    ranked = sorted(set(candidates), key=lambda c: hashlib.sha1(f"{seed}:{c}".encode()).hexdigest())
    return ranked[:k]


def _order(seed: str, options: list[str]) -> list[str]:
    return sorted(options, key=lambda o: hashlib.sha1(f"{seed}|{o}".encode()).hexdigest())


def _definer(ctx: Context, source_id: str, author_id: str | None) -> str | None:
    source = ctx.entity("source", source_id)
    assert isinstance(source, Source)
    ids = [author_id] if author_id else source.authors
    return ids[0] if ids else None


def _question(title: str, body: str, answer: str) -> str:
    """The question is shown; the answer waits in a closed block below it."""
    reveal = '??? success "Voir la réponse"\n\n' + indent(answer)
    return f'!!! question "{title}"\n\n' + indent(body + "\n\n" + reveal) + "\n"


def quiz_section(ctx: Context, concept: Concept) -> str:
    questions: list[str] = []
    all_definers = sorted(ctx.definers)
    for n, d in enumerate(concept.definitions[:2]):
        right = _definer(ctx, d.source, d.author)
        if not right:
            continue
        co_authors = {d.author} if d.author else set(ctx.entity("source", d.source).authors)  # type: ignore[attr-defined]
        wrong = _pick(f"{concept.id}{n}", [a for a in all_definers if a not in co_authors], 2)
        if len(wrong) < 2:
            continue
        names = {a: person_name(ctx.entity("author", a)) for a in [right, *wrong]}  # type: ignore[arg-type]
        options = _order(f"{concept.id}{n}", [right, *wrong])
        quote = " ".join(d.quote.split())
        if len(quote) > 280:
            continue
        body = "\n".join(f"- {names[o]}" for o in options)
        answer = f"{ctx.link('author', right, names[right])}, dans {ctx.link('source', d.source)}."
        questions.append(_question("Qui a proposé cette définition ?", f"> « {quote} »\n\n{body}", answer))
    neighbours = [r.concept for r in concept.related if r.concept != concept.id]
    # prefer a definition the first questions did not show
    masked = next((d for d in reversed(concept.definitions) if concept.term.lower() not in d.quote.lower()
                   and len(d.quote) <= 280), None)
    if masked and len(set(neighbours)) >= 2:
        wrong = _pick(concept.id, neighbours, 2)
        options = _order(concept.id, [concept.id, *wrong])
        body = "\n".join(f"- {ctx.title('concept', o)}" for o in options)
        quote = " ".join(masked.quote.split())
        questions.append(_question("De quelle notion s'agit-il ?", f"> « {quote} »\n\n{body}",
                                   ctx.link("concept", concept.id) + "."))
    if not questions:
        return ""
    return "## Testez-vous\n\n" + "\n".join(questions)

