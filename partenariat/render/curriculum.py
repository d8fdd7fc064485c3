"""Curriculum page: diploma → sections → competencies (anchored by code) → concepts."""

from __future__ import annotations

from collections.abc import Iterator

from partenariat.data.models import Curriculum, CurriculumItem
from partenariat.derive.addresses import pack_path
from partenariat.render.common import Context, anchor_of, cited_by_section, front_matter, md_inline, provenance_section


def anchor_map(curriculum: Curriculum) -> dict[int, str]:
    """Anchor of each item, keyed by id(item): its `anchor` from the data, else one made from its
    code (a code met twice gets '-2', '-3'…); an item with neither has no stable link."""
    anchors: dict[int, str] = {}
    used = set(former_anchors(curriculum))  # a made anchor never takes a published one back
    for section in curriculum.sections:
        for item in _walk(section.items):
            if not item.code and not item.anchor:
                continue
            base = anchor = item.anchor or anchor_of(item.code or "")
            n = 1
            while anchor in used:
                n += 1
                anchor = f"{base}-{n}"
            used.add(anchor)
            anchors[id(item)] = anchor
    return anchors


def has_pack(item: CurriculumItem) -> bool:
    """An item gets its revision pack and question files (partenariat.derive.questions.competencies)
    when it has a stable link (a code or an anchor) and lists notions itself; a heading that only
    groups other items gets none."""
    return bool((item.code or item.anchor) and item.concepts)


def former_anchors(curriculum: Curriculum) -> dict[str, CurriculumItem]:
    """Published anchors of items that got another one since (`former_anchors`): still on the page."""
    return {a: item for item in walk_items(curriculum) for a in item.former_anchors}


def walk_items(curriculum: Curriculum) -> Iterator[CurriculumItem]:
    """Every item of every section, children after their parent."""
    for section in curriculum.sections:
        yield from _walk(section.items)


def item_label(item: CurriculumItem) -> str:
    return f"{item.code} — {item.label}" if item.code else item.label


def _walk(items: list[CurriculumItem]) -> Iterator[CurriculumItem]:
    for item in items:
        yield item
        yield from _walk(item.children)


def items_citing(curriculum: Curriculum, concept_id: str) -> list[tuple[str, str]]:
    """(anchor, label) of the items of ``curriculum`` that list ``concept_id``."""
    anchors = anchor_map(curriculum)
    return [(anchors.get(id(i), ""), item_label(i)) for s in curriculum.sections for i in _walk(s.items)
            if concept_id in i.concept_ids]


def _render_item(ctx: Context, item: CurriculumItem, depth: int, anchors: dict[int, str],
                 curriculum_id: str) -> list[str]:
    pad = "    " * depth
    anchor = anchors.get(id(item), "")
    label = f"**{md_inline(item.code)}** — {md_inline(item.label)}" if item.code else md_inline(item.label)
    if anchor:  # a visible permanent link; site.js adds « Copier le lien » beside it
        former = "".join(f'<span id="{a}"></span>' for a in item.former_anchors)  # links given before
        label = (f'{former}<span id="{anchor}"></span>{label} '
                 f'[lien permanent](#{anchor} "Lien à citer vers cet item"){{ .pkb-item-link }}')
    lines = [f"{pad}- {label}"]
    for detail in item.details:
        lines.append(f"{pad}    - {md_inline(detail)}")
    if item.concepts:
        lines.append(f"{pad}    - *Notions* : " + ctx.links("concept", item.concept_ids))
        lines.extend(why_lines(ctx, item, pad + "    "))
        if anchor and has_pack(item):  # its pack (partenariat.derive.questions.competencies)
            pack = ctx.prefix + pack_path(curriculum_id, anchor)
            lines.append(f"{pad}    - *Réviser* : [fiches et questions de la compétence]({pack})")
    for child in item.children:
        lines.extend(_render_item(ctx, child, depth + 1, anchors, curriculum_id))
    return lines


def why_lines(ctx: Context, item: CurriculumItem, pad: str) -> list[str]:
    """« Pourquoi ce lien » for trainers: for each notion, the reason the data records and the
    source whose passage supports it (`NotionLink`)."""
    lines = [f"{pad}- *Pourquoi ce lien* :"]
    for link in item.concepts:
        lines.append(f"{pad}    - {ctx.link('concept', link.concept)} — d'après "
                     f"{ctx.link('source', link.attested_in)} : {ctx.text(link.why)}")
    return lines


def render_curriculum(ctx: Context, curriculum: Curriculum) -> str:
    out = [front_matter(f"{curriculum.short} — {curriculum.diploma}", curriculum.summary),
           f"# {md_inline(curriculum.short)}\n", f"**{md_inline(curriculum.diploma)}** — {md_inline(curriculum.document)}\n"]
    if curriculum.summary:
        out.append(ctx.text(curriculum.summary) + "\n")
    anchors = anchor_map(curriculum)
    for section in curriculum.sections:
        out.append(f"## {md_inline(section.title)}\n")
        lines: list[str] = []
        for item in section.items:
            lines.extend(_render_item(ctx, item, 0, anchors, curriculum.id))
        out.append("\n".join(lines) + "\n")
    out.append(f"*Source* : {ctx.link('source', curriculum.source)}.\n")
    out.append(cited_by_section(ctx, "curriculum", curriculum.id))
    out.append(provenance_section(ctx, curriculum))
    return "\n".join(x for x in out if x)
