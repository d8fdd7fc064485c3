"""Diagrams (relation maps of the concepts, the continuum) measured in Chromium as a reader sees
them: on a phone (390 px) every label is at least 11 px high, no two boxes or labels overlap, each
author's scale is a band of its own, and the text alternative names every box."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import chromium

MIN_LABEL_PX = 11.0
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}

# For each diagram shown (the other layout is hidden by CSS): the smallest label as rendered
# (font size × the SVG's scale × any squeeze of a long label), the boxes and labels that
# overlap, the labels that run out of the drawing, and the box labels missing from the
# accessible description.
MEASURE = """() => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });  // a map may sit in a closed section
  const inter = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
                       && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  const overlaps = (els) => {
    const found = [];
    els.forEach((a, i) => els.slice(i + 1).forEach((b) => {
      if (inter(a.getBoundingClientRect(), b.getBoundingClientRect()))
        found.push((a.textContent || a.getAttribute("class")) + " / " + (b.textContent || b.getAttribute("class")));
    }));
    return found;
  };
  return [...document.querySelectorAll("figure.pkb-continuum svg")]
    .filter((svg) => svg.getBoundingClientRect().width > 0)
    .map((svg) => {
      const scale = svg.getScreenCTM().a, frame = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll("text")];
      const sizes = texts.map((t) => {
        let squeeze = 1;
        if (t.hasAttribute("textLength")) {
          const wanted = t.getAttribute("textLength");
          t.removeAttribute("textLength");
          squeeze = Math.min(1, parseFloat(wanted) / t.getComputedTextLength());
          t.setAttribute("textLength", wanted);
        }
        return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale * squeeze];
      });
      const outside = texts.filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < frame.left - 0.5 || r.right > frame.right + 0.5;
      }).map((t) => t.textContent);
      const desc = [...svg.getAttribute("aria-labelledby").split(" ")]
        .map((id) => document.getElementById(id).textContent).join(" ");
      const boxes = [...svg.querySelectorAll("rect.pkb-step, rect.pkb-centre")];
      const missing = boxes.map((r) => r.nextElementSibling.textContent).filter((t) => !desc.includes(t));
      const lanes = [...svg.querySelectorAll("rect.pkb-lane")].map((lane) => {
        const l = lane.getBoundingClientRect();
        const inside = (r) => r.left >= l.left && r.right <= l.right && r.top >= l.top && r.bottom <= l.bottom;
        return {
          scales: [...svg.querySelectorAll("text.pkb-scale")].filter((t) => inside(t.getBoundingClientRect()))
            .map((t) => t.textContent),
          steps: boxes.filter((b) => inside(b.getBoundingClientRect())).map((b) => b.nextElementSibling.textContent),
        };
      });
      return {sizes, overlaps: overlaps(boxes).concat(overlaps(texts)), outside, missing, lanes,
              boxes: boxes.length, layout: svg.getAttribute("class")};
    });
}"""


def concept_pages(site: Path) -> list[str]:
    return sorted(f"concepts/{p.parent.name}/" for p in (site / "concepts").glob("*/index.html")
                  if "pkb-map" in p.read_text("utf-8"))


def measure(server: str, paths: list[str], viewport: dict[str, int]) -> dict[str, list[dict]]:
    with chromium() as browser:
        page = browser.new_page(viewport=viewport)
        out = {}
        for path in paths:
            page.goto(f"{server}/{path}")
            out[path] = page.evaluate(MEASURE)
        return out


@pytest.fixture(scope="module")
def on_phone(site: Path, server: str) -> dict[str, list[dict]]:
    return measure(server, ["comparer/continuum/", *concept_pages(site)], PHONE)


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
