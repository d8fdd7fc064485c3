"""Trust rules, checked on the real corpus and its rendered pages (issue 14).

A quotation always names its speaker; « p. » is printed only before page numbers; a work
whose title the seeds do not give never shows a made-up title; every acronym's expansion
comes from the seeds or is declared in `outside_seeds`.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from test_facts import corpus, fold, folded_seeds

from conftest import as_read
from partenariat.data.models import Source
from partenariat.derive.biblio import source_record
from partenariat.derive.core import UNTITLED
from partenariat.render.pages import build_pages, page_paths


@cache
def pages() -> dict[str, str]:
    """Every generated page, rendered once per test process, when a test first needs it."""
    return {p.path: p.markdown for p in build_pages(corpus())}


# Collected from the page list (no rendering): collection stays fast.
PAGE_PATHS = sorted(page_paths(corpus()))


def _quoted_speakers() -> list[tuple[str, int, str, str, str]]:
    """(concept, index, source, speaker, quote) of every definition whose speaker is not an
    author of the work that quotes it (Rancière in Dhume, Boutinet in Schléret…)."""
    out = []
    for concept in corpus().entities("concept"):
        for i, d in enumerate(concept.definitions):
            source = corpus().get("source", d.source)
            if d.author and d.author not in source.authors:
                out.append((concept.id, i, d.source, d.author, " ".join(d.quote.split())))
    return out


QUOTED = _quoted_speakers()


def test_the_corpus_quotes_speakers_inside_other_works() -> None:
    assert len(QUOTED) >= 7, "the rule below would test nothing"


def _credit_after(markdown: str, quote: str) -> str:
    """The attribution printed right after a quotation (the next non-empty line)."""
    start = markdown.index(f"« {quote} »")
    lines = [line for line in markdown[start:].splitlines()[1:] if line.strip()]
    return lines[0]


@pytest.mark.parametrize(("concept", "index", "source", "speaker", "quote"), QUOTED,
                         ids=[f"{c}#{i}" for c, i, *_ in QUOTED])
def test_source_page_names_the_speaker_of_each_passage(concept: str, index: int, source: str,
                                                       speaker: str, quote: str) -> None:
    markdown = pages()[f"bibliographie/{source}.md"]
    passages = markdown[markdown.index("## Passages cités"):]
    credit = _credit_after(passages, quote)
    assert f"(../auteurs/{speaker}.md)" in credit, f"bibliographie/{source}: « {quote[:50]} » has no speaker: {credit}"


@pytest.mark.parametrize(("concept", "index", "source", "speaker", "quote"), QUOTED,
                         ids=[f"{c}#{i}" for c, i, *_ in QUOTED])
def test_concept_card_says_who_speaks_and_who_quotes(concept: str, index: int, source: str,
                                                    speaker: str, quote: str) -> None:
    credit = _credit_after(pages()[f"concepts/{concept}.md"], quote)
    authors = corpus().get("source", source).authors
    assert credit.index(f"(../auteurs/{speaker}.md)") < credit.index("cité par")
    for author in authors:
        assert f"(../auteurs/{author}.md)" in credit.split("cité par", 1)[1]


ANALYSED_ENCADRES = sorted(c.id for c in corpus().entities("case") if c.kind == "encadre" and c.analysis)


@pytest.mark.parametrize("case_id", ANALYSED_ENCADRES)
def test_encadre_analysis_names_whose_comments_it_holds(case_id: str) -> None:
    case = corpus().get("case", case_id)
    analysis = pages()[f"cas/{case_id}.md"].split("## Analyse", 1)[1]
    before_first_box = analysis.split("!!! quote", 1)[0]
    for author in corpus().get("source", case.source).authors:
        assert f"(../auteurs/{author}.md)" in before_first_box, f"cas/{case_id}: analysis without its speaker"


# « p. » after a word boundary (not « chap. », « champ. »), and what follows it.
PAGE_MARK = re.compile(r"(?<![\w.])p\.\s+(\S+)")


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_p_only_before_page_numbers(path: str) -> None:
    wrong = [m.group(0) for m in PAGE_MARK.finditer(pages()[path]) if not m.group(1)[0].isdigit()]
    assert not wrong, f"{path}: « p. » before something that is not a page: {wrong[:3]}"


def test_locators_that_are_not_pages_are_still_printed() -> None:
    part_locators = [(c.id, d) for c in corpus().entities("concept") for d in c.definitions
                     if d.page and not d.page[0].isdigit()]
    assert part_locators, "no part or slide locator left to check"
    concept, d = part_locators[0]
    assert " ".join(d.page.split()) in _credit_after(pages()[f"concepts/{concept}.md"], " ".join(d.quote.split()))


@pytest.mark.parametrize("path", [p for p in PAGE_PATHS if p.startswith("textes-juridiques/")])
def test_an_excerpt_is_not_numbered_like_an_article(path: str) -> None:
    markdown = pages()[path]
    assert not re.search(r"\b(?:art\.|Article) (?!premier|1er)[^\dLRD\s]", markdown), path


# Back-references a reader of one page cannot follow: « ci-dessus », « les quatre premiers
# documents sources », « les trois synthèses »… (quotations, which keep their author's words, aside).
VAGUE_REFERENCE = re.compile(
    r"\bci-dessus\b|\b(?:dit|vu|cité|évoqué) plus haut\b|\bop\. ?(?:cit|sup)\b"
    r"|\bles (?:deux|trois|quatre|cinq) (?:premiers |premières )?(?:documents|synthèses|textes)\b",
    re.IGNORECASE)


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_no_reference_the_reader_cannot_resolve(path: str) -> None:
    prose = "\n".join(line for line in pages()[path].splitlines() if not line.lstrip(" -").startswith(">"))
    found = [m.group(0) for m in VAGUE_REFERENCE.finditer(prose)]
    assert not found, f"{path}: {found[:3]} — name the document or the passage instead"


UNTITLED_SOURCES = sorted(s.id for s in corpus().entities("source") if not s.title)
# A placeholder title is refused by `check` (partenariat/checks/prose.py, tests/test_prose_rules.py).


@pytest.mark.parametrize("source_id", UNTITLED_SOURCES)
def test_a_work_without_title_says_so(source_id: str) -> None:
    source: Source = corpus().get("source", source_id)  # type: ignore[assignment]
    markdown = pages()[f"bibliographie/{source_id}.md"]
    heading = next(line for line in markdown.splitlines() if line.startswith("# "))
    assert "titre non précisé" in heading
    reference = markdown.split("## Référence", 1)[1].split("\n\n")[1]
    assert UNTITLED in as_read(reference) and f"*{source.cited_as}*" not in reference
    assert source_record(corpus(), source).title is None  # RIS, BibTeX, CSL-JSON: the placeholder is shown_title


def test_the_corpus_has_works_without_title() -> None:
    assert len(UNTITLED_SOURCES) >= 5


def singular(text: str) -> str:
    """Number off, so « centres locaux d'information » attests « Centre local d'information »."""
    plural_al = re.sub(r"\b(\w{2,})aux\b", r"\1al", fold(text))
    return re.sub(r"\b(\w{3,})[sx]\b", r"\1", plural_al)


@cache
def singular_seeds() -> str:
    return singular(folded_seeds())


# Undeveloped acronyms (undeveloped: true) have no expansion to check: not collected.
@pytest.mark.parametrize("acronym_id", sorted(a.id for a in corpus().entities("glossary") if a.expansion is not None))
def test_every_acronym_has_a_source_or_outside_seeds(acronym_id: str) -> None:
    entry = corpus().get("glossary", acronym_id)
    assert entry.outside_seeds or singular(entry.expansion) in singular_seeds(), (
        f"glossary/{acronym_id}.yaml: expansion: « {entry.expansion} » is not in the seeds; "
        "declare it in outside_seeds")
