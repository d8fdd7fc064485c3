"""A sample of facts checked against the seed documents, so a later edit cannot silently break them.

The seeds are read from ../shared/seeds (beside the repository, as in CI).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

import pytest

from conftest import REPO, real_corpus

SEEDS = REPO.parent / "shared" / "seeds"
DEBRIS = re.compile(r"Office ?(?:\[\d+\])?\d*")  # margin-comment markers of seed 003
SIC = re.compile(r" ?\[sic\]")  # our mark after a slip of the seed, not the seed's words


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"[*_]", "", DEBRIS.sub(" ", SIC.sub("", text)))
    return " ".join(text.split()).lower()


@cache
def seeds() -> str:
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5, f"expected the five seeds in {SEEDS}"
    return norm(" ".join(p.read_text("utf-8") for p in files))


@cache
def folded_seeds() -> str:
    return fold(seeds())


@cache
def corpus():  # type: ignore[no-untyped-def]
    return real_corpus()


def fold(text: str) -> str:
    """Accents off: the seeds often write capitals without them ("Educatif")."""
    return unicodedata.normalize("NFKD", norm(text)).encode("ascii", "ignore").decode()


def shingles(text: str, n: int = 5) -> set[str]:
    words = norm(text).split()
    return {" ".join(words[i:i + n]) for i in range(max(len(words) - n + 1, 1))}


def share_in_seeds(text: str) -> float:
    grams = shingles(text)
    return sum(g in seeds() for g in grams) / len(grams)


def test_every_quoted_definition_is_taken_from_the_seeds() -> None:
    quotes = [(cid, d.quote) for cid, r in corpus().records["concept"].items() for d in r.entity.definitions]
    assert len(quotes) > 100
    for cid, quote in quotes:
        # verbatim, up to whitespace and conversion debris (a page break may split a quote)
        assert share_in_seeds(quote) >= 0.9, f"{cid}: quote not found in the seeds: {quote[:80]}"
    verbatim = sum(norm(q) in seeds() for _, q in quotes)
    assert verbatim / len(quotes) > 0.97


def test_phrases_commented_by_the_speaker_are_in_the_talk() -> None:
    for cid, record in corpus().records["case"].items():
        for analysis in record.entity.analysis:
            if analysis.about and record.entity.source.startswith("trepos"):
                assert norm(analysis.about) in seeds(), f"{cid}: {analysis.about}"


def test_law_of_2_january_2002_and_its_codified_articles() -> None:
    law = corpus().get("legal", "loi-2002-01-02-action-sociale")
    assert law.date == dt.date(2002, 1, 2) and law.number == "2002-2"
    codified = {a.number: a.codified_as for a in law.articles}
    assert codified["20"] == "CASF L. 312-6" and codified["21"] == "CASF L. 312-7"
    assert "la loi du 2 janvier 2002 rénovant l'action sociale et médico-sociale" in seeds()
    assert "article 21 : l'article l. 312-7 du code de l'action sociale et des familles" in seeds()
    article_21 = next(a for a in law.articles if a.number == "21")
    assert share_in_seeds(article_21.text) > 0.85  # bullets of the seed's layout removed


def test_health_networks_article() -> None:
    law = corpus().get("legal", "loi-2002-03-04-droits-malades")
    assert law.date == dt.date(2002, 3, 4)
    assert any(a.number == "84" and a.codified_as == "CSP L. 6321-1" for a in law.articles)
    assert "art. l. 6321-1. - les réseaux de santé ont pour objet" in seeds()


@pytest.mark.parametrize(
    ("case_id", "data_fact", "seed_fact"),
    [
        ("rencontres-partenariales-2018", "47 personnes ont participé", "47 personnes ont participé"),
        ("rencontres-partenariales-2018", "de 5 à 19", "groupes de 5 personnes à 19 personnes"),
        ("trepos-encadre-3-valenciennes", "190 000 habitants", "190 000 habitants, 35 communes, 14 qpv"),
        ("trepos-encadre-3-valenciennes", "230 jeunes", "accompagne 230 jeunes"),
        ("trepos-encadre-1-angouleme", "13 ans", "f., 13 ans, en 6°"),
    ],
)
def test_case_figures(case_id: str, data_fact: str, seed_fact: str) -> None:
    case = corpus().get("case", case_id)
    text = norm(" ".join(str(v) for v in case.model_dump().values() if v))
    assert norm(data_fact) in text
    assert seed_fact in seeds()


def test_bts_esf_competencies() -> None:
    curriculum = corpus().get("curriculum", "bts-esf")
    def walk(items):  # type: ignore[no-untyped-def]
        for item in items:
            yield item
            yield from walk(item.children)

    items = {i.code: i for s in curriculum.sections for i in walk(s.items) if i.code}
    assert "C4.1" in items and "C4.7" in items
    assert items["C4.1"].label == "Développer des actions en partenariat, en réseau et participer à la dynamique institutionnelle"
    assert "partenariat" in items["C4.1"].concept_ids
    assert norm(items["C4.1"].label) in seeds()


def test_dated_sources() -> None:
    damon = corpus().get("source", "damon-2009-partenariat-quart-de-siecle")
    assert (damon.volume, damon.issue, damon.pages, damon.year) == ("45", "1", "149-162", 2009)
    assert "revue de droit sanitaire et social, vol. 45, n° 1, 2009,pp. 149-162" in seeds()
    talk = corpus().get("source", "trepos-2017-modalites-principes-partenariat")
    assert talk.date == dt.date(2017, 6, 28)
    assert "mercredi 28 juin 2017" in seeds()


def test_glossary_expansions_come_from_the_seeds_or_say_otherwise() -> None:
    checked = 0
    for entry_id, record in corpus().records["glossary"].items():
        entry = record.entity
        if entry.expansion is None:
            continue  # undeveloped in the sources: nothing to check, nothing invented
        words = fold(entry.expansion).split()
        trigrams = [" ".join(words[i:i + 3]) for i in range(max(len(words) - 2, 1))]
        if fold(entry.expansion) in folded_seeds() or sum(t in folded_seeds() for t in trigrams) / len(trigrams) >= 0.5:
            checked += 1  # verbatim, or inflected ("centres locaux" for "centre local")
        else:  # an expansion the seed does not give must say where it comes from
            assert entry.outside_seeds, f"{entry_id}: expansion neither in the seeds nor declared as outside them"
    assert checked >= 40
