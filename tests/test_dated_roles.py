"""A role, position or affiliation taken from a source is dated on every page that shows it
(issue 24): the model requires its date and its source, and pages say it in the past
(« En 2010, selon … »), never as a current role.

Rules are checked where `check` refuses them (a broken copy of the fixture project, at the
file's line); the rendering on the real corpus's pages."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from conftest import real_corpus
from partenariat import DataError, load_corpus
from partenariat.data.models import Author, Case
from partenariat.derive.core import fr_date
from partenariat.render.pages import build_pages
from partenariat.render.roles import role_when


def errors(corpus_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    return [str(p) for p in info.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


AUTHOR = Path("authors") / "dhume.yaml"


# --- the model: date and source required, a date's form checked, each refused at its line ----


def test_a_role_without_date_is_refused_at_its_line(corpus_dir: Path) -> None:
    edit(corpus_dir / AUTHOR, '    date: "2010"\n', "")
    assert ("authors/dhume.yaml:7: affiliations[0].date: required field is missing (write the year the source "
            "gives (date: 2010), its date (2017-06-28), or 'sans date' when the source is not dated)") in errors(corpus_dir)


def test_a_role_without_source_is_refused_at_its_line(corpus_dir: Path) -> None:
    edit(corpus_dir / AUTHOR, "    source: dossier\n", "")
    assert "authors/dhume.yaml:7: affiliations[0].source: required field is missing" in errors(corpus_dir)


@pytest.mark.parametrize("value", ["vers 2010", "2010-02-30", "10", "2010 ?", "avant 2010"])
def test_a_role_date_that_is_not_a_year_a_date_or_sans_date_is_refused(corpus_dir: Path, value: str) -> None:
    edit(corpus_dir / AUTHOR, 'date: "2010"', f'date: "{value}"')
    assert (f"authors/dhume.yaml:9: affiliations[0].date: '{value}' is not a year, a date or 'sans date' "
            "(write the year the source gives (date: 2010), its date (2017-06-28), or 'sans date' "
            "when the source is not dated)") in errors(corpus_dir)


@pytest.mark.parametrize("value", ["2010", "2017-06-28", "sans date"])
def test_a_year_a_date_or_sans_date_is_accepted(corpus_dir: Path, value: str) -> None:
    edit(corpus_dir / AUTHOR, 'date: "2010"', f'date: "{value}"')
    author = load_corpus(corpus_dir).one_of("author", "dhume", Author)
    assert author.affiliations[0].date == value


def test_the_french_message_names_the_fix(corpus_dir: Path) -> None:
    edit(corpus_dir / AUTHOR, '    date: "2010"\n', "")
    with pytest.raises(DataError) as info:
        load_corpus(corpus_dir)
    (problem,) = info.value.problems
    assert problem.worded("fr") == (
        "authors/dhume.yaml:7: affiliations[0].date: champ obligatoire absent : ajoutez-le (écrivez l'année que "
        "donne la source (date: 2010), sa date (2017-06-28), ou « sans date » si la source n'est pas datée)")


# --- the wording: past and dated ---------------------------------------------------------------


@pytest.mark.parametrize(("date", "said"), [("2010", "en 2010"), ("2017-06-28", "le 28 juin 2017"),
                                            ("sans date", "à une date que la source ne précise pas")])
def test_when_a_role_was_held(date: str, said: str) -> None:
    assert role_when(date) == said


@cache
def pages() -> dict[str, str]:
    return {p.path: p.markdown for p in build_pages(real_corpus())}


def _when(date: str) -> str:
    said = role_when(date)
    return said[0].upper() + said[1:]


AUTHORS_WITH_ROLES = sorted(a.id for a in real_corpus().all_of("author", Author) if a.affiliations)


@pytest.mark.parametrize("author_id", AUTHORS_WITH_ROLES)
def test_every_role_on_an_author_page_says_when_and_according_to_whom(author_id: str) -> None:
    author = real_corpus().one_of("author", author_id, Author)
    markdown = pages()[f"auteurs/{author_id}.md"]
    section = markdown.split("## Fonctions et rattachements", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(lines) == len(author.affiliations)
    for line, affiliation in zip(lines, author.affiliations, strict=True):
        source = real_corpus().get("source", affiliation.source)
        assert line.startswith(f"- {_when(affiliation.date)}, selon [{getattr(source, 'title', None) or ''}"), line
        assert affiliation.role.lower()[:20] in line.lower(), line


def test_the_review_s_2010_roles_read_in_the_past() -> None:
    """content2 M8-M10: CEDIAS, ORSAS Lorraine, ISCRA, CNAF, FOL57 and the two interviews."""
    barreyre = pages()["auteurs/barreyre.md"]
    assert "- En 2010, selon [Le partenariat dans le travail social]" in barreyre
    assert "directeur, CEDIAS-Musée social" in barreyre
    for author_id in ("cedias", "orsas-lorraine", "iscra", "cnaf", "ligue-enseignement-fol57"):
        notes = real_corpus().one_of("author", author_id, Author).notes or ""
        assert "en 2010" in notes, author_id
        assert not re.search(r"\b(?:dirigé par|où travaille|[Ee]mployeur de|accompagne les)\b", notes), author_id
    for case_id in ("entretien-pellenz-fol57", "entretien-pauron-fol57"):
        situation = real_corpus().one_of("case", case_id, Case).situation or ""
        assert "Au moment de l'entretien, selon le dossier du RNRSMS (2010)" in situation, case_id
        assert not re.search(r"\b(?:occupe|coordonne)\b", situation), case_id


CASES_WITH_PEOPLE = sorted(c.id for c in real_corpus().all_of("case", Case) if c.people)


def test_the_interviews_name_their_interviewee() -> None:
    assert {"entretien-pellenz-fol57", "entretien-pauron-fol57"} <= set(CASES_WITH_PEOPLE)


@pytest.mark.parametrize("case_id", CASES_WITH_PEOPLE)
def test_a_case_shows_the_dated_role_of_each_person_it_names(case_id: str) -> None:
    case = real_corpus().one_of("case", case_id, Case)
    markdown = pages()[f"cas/{case_id}.md"]
    line = next(line for line in markdown.splitlines() if line.startswith("- **Personne"))
    for author_id in case.people:
        author = real_corpus().one_of("author", author_id, Author)
        assert f"[{author.name}](../auteurs/{author_id}.md)" in line
        for affiliation in author.affiliations:
            assert f"{role_when(affiliation.date)}, selon [" in line, (case_id, author_id)


def test_a_full_date_reads_as_a_french_date() -> None:
    import datetime as dt

    assert role_when("2017-06-28") == f"le {fr_date(dt.date(2017, 6, 28))}"
