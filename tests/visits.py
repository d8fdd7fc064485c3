"""Every concept page visited once in Chromium, as a reader on a phone and on paper sees it.

Several rules need each concept page in the browser: its height on a phone
(test_concept_pages), its printed length on A4 (test_concept_pages) and its relation map as
drawn on a phone (test_diagrams). One visit per page serves them all (`concept_visits` in
conftest): a page load costs more than any of the measures taken on it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader

from browser import chromium

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


@dataclass
class Visit:
    phone_screens: float  # page height at 390×844, in screens
    pdf: bytes  # Chromium's own A4 print of the page
    diagrams: list[dict[str, Any]] = field(default_factory=list)  # MEASURE, for each diagram shown

    @property
    def printed_pages(self) -> int:
        return len(PdfReader(io.BytesIO(self.pdf)).pages)

    def printed_text(self) -> str:
        """The printed text, spaces normalised (pypdf's extraction: slow, so on demand)."""
        reader = PdfReader(io.BytesIO(self.pdf))
        return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def visit(server: str, paths: list[str]) -> dict[str, Visit]:
    """Each page at phone size: height first, then the print (as the page stands), then the
    diagrams (MEASURE opens every section, so it comes last)."""
    out = {}
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE)
        for path in paths:
            page.goto(f"{server}/{path}")
            height = page.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
            pdf = page.pdf(format="A4")
            out[path] = Visit(height, pdf, page.evaluate(MEASURE))
    return out


def measure(server: str, paths: list[str], viewport: dict[str, int]) -> dict[str, list[dict[str, Any]]]:
    """The diagrams of ``paths`` at another size (or of pages not visited)."""
    with chromium() as browser:
        page = browser.new_page(viewport=viewport)
        out = {}
        for path in paths:
            page.goto(f"{server}/{path}")
            out[path] = page.evaluate(MEASURE)
        return out
