"""Legal text page: kind, number, date, articles with their codification and the notions they ground."""

from __future__ import annotations

from partenariat.data import vocab
from partenariat.data.models import Article, LegalText
from partenariat.render.cite import export_links
from partenariat.render.common import (
    Context,
    anchor_of,
    cited_by_section,
    fr_date,
    front_matter,
    md_inline,
    provenance_section,
    quote_block,
    web_link,
)


def legal_heading(text: LegalText) -> str:
    return text.short_title or text.title


def is_numbered(article: Article) -> bool:
    """« 12 », « 1er », « L. 312-7 » are article numbers; « Extrait » (a passage the source
    quotes without its number) is not, and must not read « Article Extrait »."""
    return any(ch.isdigit() for ch in article.number)


def article_label(article: Article, short: bool = False) -> str:
    if not is_numbered(article):
        return article.number.lower() if short else article.number
    return f"{'art.' if short else 'Article'} {article.number}"


def render_legal(ctx: Context, text: LegalText) -> str:
    out = [front_matter(legal_heading(text), text.summary or text.title), f"# {md_inline(legal_heading(text))}\n"]
    facts = [f"*{vocab.LEGAL_KINDS[text.kind]}*"]
    if text.number:
        facts.append(f"n° {md_inline(text.number)}")
    facts.append(f"du {fr_date(text.date)}")
    out.append(" ".join(facts) + "\n")
    if text.short_title:
        out.append(f"**{md_inline(text.title)}**\n")
    if text.summary:
        out.append(ctx.text(text.summary) + "\n")
    out.append(export_links("legal", text.id) + "\n")
    for article in text.articles:
        heading = md_inline(article_label(article))
        if article.codified_as:
            heading += f" — {md_inline(article.codified_as)}"
        out.append(f"## {heading} {{#{anchor_of('article-' + article.number)}}}\n")
        if article.text:
            out.append(quote_block(article.text) + "\n")
        if article.summary:
            out.append(ctx.text(article.summary) + "\n")
        if article.concepts:
            out.append("*Notions* : " + ctx.links("concept", article.concepts) + "\n")
    if text.concepts:
        out.append("## Notions fondées sur ce texte\n\n" + ctx.links("concept", text.concepts) + "\n")
    if text.url:
        out.append(f"*Texte en ligne* : {web_link(text.url)}\n")
    out.append(cited_by_section(ctx, "legal", text.id))
    out.append(provenance_section(ctx, text))
    return "\n".join(x for x in out if x)
