"""Diagrams (relation maps of the concepts, the continuum) measured in Chromium as a reader sees
them: on a phone (390 px) every label is at least 11 px high, no two boxes or labels overlap, each
author's scale is a band of its own, and the text alternative names every box."""

from __future__ import annotations

from pathlib import Path

import pytest

from visits import DESKTOP, PHONE, Visit, measure

MIN_LABEL_PX = 11.0


def concept_pages(site: Path) -> list[str]:
    return sorted(f"concepts/{p.parent.name}/" for p in (site / "concepts").glob("*/index.html")
                  if "pkb-map" in p.read_text("utf-8"))


@pytest.fixture(scope="module")
def on_phone(site: Path, server: str, concept_visits: dict[str, Visit]) -> dict[str, list[dict]]:
    """The continuum and every concept map, on a phone (the concept pages' shared visit)."""
    maps = {path: concept_visits[path].diagrams for path in concept_pages(site)}
    return {**measure(server, ["comparer/continuum/"], PHONE), **maps}


def test_every_concept_map_and_the_continuum_are_measured(on_phone: dict[str, list[dict]]) -> None:
    assert len(on_phone) > 2
    assert all(len(figures) == 1 and figures[0]["layout"] == "pkb-narrow" for figures in on_phone.values())


def test_labels_at_least_11_px_on_a_phone(on_phone: dict[str, list[dict]]) -> None:
    sizes = [(size, path, text) for path, figures in on_phone.items() for f in figures for text, size in f["sizes"]]
    smallest = min(sizes)
    print(f"smallest diagram label at 390 px: {smallest[0]:.1f} px ({smallest[1]}: « {smallest[2]} »)")
    assert [s for s in sizes if s[0] < MIN_LABEL_PX] == []


def test_no_overlap_and_nothing_cut_on_a_phone(on_phone: dict[str, list[dict]]) -> None:
    problems = {path: (f["overlaps"], f["outside"]) for path, figures in on_phone.items() for f in figures
                if f["overlaps"] or f["outside"]}
    assert problems == {}


def test_every_box_is_in_the_text_alternative(on_phone: dict[str, list[dict]]) -> None:
    missing = {path: f["missing"] for path, figures in on_phone.items() for f in figures if f["missing"]}
    assert missing == {}
    assert all(f["boxes"] > 1 for figures in on_phone.values() for f in figures)


def test_each_authors_scale_is_a_band_of_its_own(on_phone: dict[str, list[dict]], server: str) -> None:
    """The continuum is not one scale: every step sits in one author's band, named by its author,
    and a term two authors use (« Partenariat ») appears once per band."""
    for figures in (on_phone["comparer/continuum/"], measure(server, ["comparer/continuum/"], DESKTOP)[
            "comparer/continuum/"]):
        (figure,) = figures
        lanes = figure["lanes"]
        assert len(lanes) > 1
        assert all(len(lane["scales"]) == 1 and lane["scales"][0].startswith("Échelle de ") for lane in lanes)
        assert sum(len(lane["steps"]) for lane in lanes) == figure["boxes"]
        assert sum("Partenariat" in lane["steps"] for lane in lanes) > 1


def test_wide_layout_on_a_desktop(server: str, site: Path) -> None:
    paths = ["comparer/continuum/", *concept_pages(site)[:5]]
    for path, figures in measure(server, paths, DESKTOP).items():
        (figure,) = figures
        assert figure["layout"] == "pkb-wide", path
        assert figure["overlaps"] == [] and figure["outside"] == [], path
