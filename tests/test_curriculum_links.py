"""A curriculum item points to a notion only where a passage of the seeds supports it, and
says which (issue 24): each link records why (`why`), the source of the passage
(`attested_in`) and its lines in the seed (`lines`); trainers read it as « Pourquoi ce lien ».

Model rules are checked where `check` refuses them (at the file's line); the data against the
seed files themselves (../shared/seeds); the rendering on the curriculum pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from test_facts import SEEDS, fold

from conftest import as_read, real_corpus
from partenariat import DataError, load_corpus
from partenariat.data.models import Curriculum, CurriculumItem, Source
from partenariat.render.curriculum import walk_items
from partenariat.render.pages import build_pages

# The five seeds (README of ../shared/seeds) and the source entries that stand for them.
SEED_SOURCES = {
    "000": "anare-atelier-6-partenariat-pre",
    "001": "rencontres-partenariales-2018-synthese",
    "002": "grenoble-2006-atelier-2-partenariats-locaux",
    "003": "trepos-2017-modalites-principes-partenariat",
    "004": "rnrsms-2010-partenariat-travail-social",
}
QUOTED = re.compile(r"«\s*(.+?)\s*»")


@cache
def seed_lines() -> dict[str, list[str]]:
    """Source id → the lines of its seed file (line n at index n - 1)."""
    out = {}
    for number, source_id in SEED_SOURCES.items():
        (path,) = SEEDS.glob(f"{number}_*.txt")
        out[source_id] = path.read_text("utf-8").splitlines()
    return out


def test_each_seed_source_attests_itself() -> None:
    for source_id in SEED_SOURCES.values():
        assert real_corpus().one_of("source", source_id, Source).attested_in == [source_id]


def _lines(spec: str) -> Iterator[int]:
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        yield from range(int(first), int(last or first) + 1)


def _flat(text: str) -> str:
    return " ".join(fold(text).replace("œ", "oe").split())


LINKS = [(c.id, item, link) for c in real_corpus().all_of("curriculum", Curriculum)
         for item in walk_items(c) for link in item.concepts]


def _id(value: object) -> str:
    if isinstance(value, tuple):
        curriculum_id, item, link = value
        return f"{curriculum_id}:{item.code or item.anchor}->{link.concept}"
    return str(value)


def test_the_curricula_have_links() -> None:
    assert len(LINKS) >= 40


@pytest.mark.parametrize("entry", LINKS, ids=_id)
def test_every_link_quotes_the_passage_that_supports_it(entry: tuple[str, CurriculumItem, object]) -> None:
    """The words of `why` in « » are in the seed at `lines` (or are the item's own words, which
    are the seed's curriculum lines): a link no passage supports cannot be written."""
    curriculum_id, item, link = entry
    lines = seed_lines().get(link.attested_in)  # type: ignore[attr-defined]
    assert lines is not None, f"{_id(entry)}: {link.attested_in} is not a seed"  # type: ignore[attr-defined]
    numbers = list(_lines(link.lines))  # type: ignore[attr-defined]
    assert all(1 <= n <= len(lines) for n in numbers), f"{_id(entry)}: lines {link.lines} out of the seed"  # type: ignore[attr-defined]
    passage = _flat(" ".join(lines[n - 1] for n in numbers))
    own_words = _flat(" ".join([item.label, *item.details]))
    quotes = QUOTED.findall(link.why)  # type: ignore[attr-defined]
    assert quotes, f"{_id(entry)}: why quotes no words of the passage"
    for quote in quotes:
        for part in quote.split("[...]"):
            words = _flat(part)
            assert words in passage or words in own_words, f"{_id(entry)}: « {part} » is not at {link.lines}"  # type: ignore[attr-defined]


# Links the content review found unsupported (content2-2026-12.md, M12 and M13): not written again.
REMOVED = [
    ("bac-st2s", "orientations-majeures-dispositifs", "optimum-territorial"),
    ("bac-st2s", "diversite-complementarite-institutions", "competence-distribuee"),
    ("bac-st2s", "intervention-sociale-territoire", "territoires-pertinents"),
    ("de-cesf", "conception-informations-destination-usagers", "information"),
    ("de-cesf", "participation-elaboration-diagnostic-partage", "territoires-de-vie"),
]


@pytest.mark.parametrize(("curriculum_id", "anchor", "concept_id"), REMOVED)
def test_the_review_s_unsupported_links_are_gone(curriculum_id: str, anchor: str, concept_id: str) -> None:
    curriculum = real_corpus().one_of("curriculum", curriculum_id, Curriculum)
    (item,) = [i for i in walk_items(curriculum) if i.anchor == anchor]
    assert concept_id not in item.concept_ids


@cache
def pages() -> dict[str, str]:
    return {p.path: p.markdown for p in build_pages(real_corpus())}


@pytest.mark.parametrize("curriculum_id", sorted(real_corpus().records["curriculum"]))
def test_the_curriculum_page_says_why_each_link(curriculum_id: str) -> None:
    curriculum = real_corpus().one_of("curriculum", curriculum_id, Curriculum)
    markdown = pages()[f"referentiels/{curriculum_id}.md"]
    for item in walk_items(curriculum):
        if not item.concepts:
            continue
        block = markdown.split(item.label, 1)[1].split("*Pourquoi ce lien* :", 1)[1]
        for link in item.concepts:
            term = real_corpus().get("concept", link.concept).term  # type: ignore[attr-defined]
            expected = f"[{term}](../concepts/{link.concept}.md) — d'après ["
            assert expected in block and " ".join(link.why.split()) in as_read(block), (curriculum_id, item.label, link.concept)


# --- model rules, refused at their line of a broken copy of the fixture project --------------


def errors(corpus_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    return [str(p) for p in info.value.problems]


CURRICULUM = Path("curricula") / "bts-esf.yaml"


def _edit(corpus_dir: Path, old: str, new: str) -> None:
    path = corpus_dir / CURRICULUM
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_link_without_why_is_refused_at_its_line(corpus_dir: Path) -> None:
    _edit(corpus_dir, "            why: L'intitulé demande de « développer des actions en partenariat ».\n", "")
    assert ("curricula/bts-esf.yaml:12: sections[0].items[0].concepts[0].why: required field is missing "
            "(give each link 'why' (one sentence), 'attested_in' (the source) and 'lines' (the passage's lines "
            "in the seed); without a passage that supports it, remove the link)") in errors(corpus_dir)


def test_a_link_without_its_passage_is_refused_at_its_line(corpus_dir: Path) -> None:
    _edit(corpus_dir, '            lines: "1015"\n', "")
    found = errors(corpus_dir)
    assert any(e.startswith("curricula/bts-esf.yaml:12: sections[0].items[0].concepts[0].lines: required field")
               for e in found), found


def test_a_bare_notion_id_is_refused(corpus_dir: Path) -> None:
    """The former form (`concepts: [partenariat]`) no longer passes: a link must say why."""
    path = corpus_dir / CURRICULUM
    text = path.read_text("utf-8")
    start = text.index("        concepts:\n")
    end = text.index("attested_in: [dossier]\nreviewed")
    path.write_text(text[:start] + "        concepts: [partenariat, reseau]\n" + text[end:], "utf-8")
    assert "curricula/bts-esf.yaml:11: sections[0].items[0].concepts[0]: Input should be a valid dictionary" in \
        errors(corpus_dir)


@pytest.mark.parametrize("value", ["l. 1015", "1015 ;", "mille", "1015-", ""])
def test_lines_that_are_not_line_numbers_are_refused(corpus_dir: Path, value: str) -> None:
    _edit(corpus_dir, 'lines: "1015"', f'lines: "{value}"')
    found = errors(corpus_dir)
    assert any(e.startswith("curricula/bts-esf.yaml:15: sections[0].items[0].concepts[0].lines: ") for e in found), found


def test_the_same_notion_twice_is_refused(corpus_dir: Path) -> None:
    _edit(corpus_dir, "- concept: reseau", "- concept: partenariat")
    assert ("curricula/bts-esf.yaml:11: sections[0].items[0].concepts: 'partenariat' is listed twice "
            "(remove the duplicate)") in errors(corpus_dir)


def test_a_link_to_an_unknown_source_is_refused(corpus_dir: Path) -> None:
    _edit(corpus_dir, "attested_in: dossier\n", "attested_in: dosier\n")
    assert ("curricula/bts-esf.yaml:14: sections[0].items[0].concepts[0].attested_in: unknown source 'dosier' "
            "(did you mean 'dossier'?)") in errors(corpus_dir)
