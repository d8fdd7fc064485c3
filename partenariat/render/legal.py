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
    indent,
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
    return any(ch.isdigit() for ch in article.key)


def article_label(article: Article, short: bool = False) -> str:
    if not article.number:  # a codified article whose number in the text is not given
        return article.key
    if not is_numbered(article):
        return article.number.lower() if short else article.number
    return f"{'art.' if short else 'Article'} {article.number}"


# Said under every quoted article: the site quotes a wording of a given date, not the law in force.
MAY_HAVE_CHANGED = "Ce texte a pu être modifié ou abrogé depuis"


def official_link(url: str) -> str:
    """A link to the official text, saying what it opens: a code's page or a law as published."""
    if "legifrance.gouv.fr" not in url:
        label = "texte officiel"
    elif "/codes/" in url:
        label = "le code sur Légifrance"
    else:
        label = "le texte publié au Journal officiel, sur Légifrance"
    return f"[{label}]({url})"


def wording_note(article: Article, text: LegalText) -> str:
    """Which wording the quotation gives, that it may have changed, and where the text in
    force can be read (the article's official page, else the text's)."""
    url = article.official_url or text.official_url
    where = f" : consultez la version en vigueur ({official_link(url)})" if url else " : vérifiez la version en vigueur"
    wording = (article.wording or "").rstrip(". ")
    return f'<p class="pkb-wording" markdown>*{wording}.* {MAY_HAVE_CHANGED}{where}.</p>\n'



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
    if text.official_url:
        out.append(f"*Texte officiel* : {official_link(text.official_url)}.\n")
    out.append(export_links("legal", text.id) + "\n")
    for article in text.articles:
        heading = md_inline(article_label(article))
        if article.codified_as and article.number:
            heading += f" — {md_inline(article.codified_as)}"
        out.append(f"## {heading} {{#{anchor_of('article-' + article.key)}}}\n")
        if article.text:
            out.append(quote_block(article.text) + "\n")
            out.append(wording_note(article, text))
        if article.summary:
            out.append(ctx.text(article.summary) + "\n")
        if article.outside_seeds:
            out.append('!!! info "Hors des documents sources"\n\n' + indent(ctx.text(article.outside_seeds)) + "\n")
            if article.official_url:
                out.append(f"*Version en vigueur* : {official_link(article.official_url)}.\n")
        if article.concepts:
            out.append("*Notions* : " + ctx.links("concept", article.concepts) + "\n")
    if text.concepts:
        out.append("## Notions fondées sur ce texte\n\n" + ctx.links("concept", text.concepts) + "\n")
    if text.url:
        out.append(f"*Texte en ligne* : {web_link(text.url)}\n")
    out.append(cited_by_section(ctx, "legal", text.id))
    out.append(provenance_section(ctx, text))
    return "\n".join(x for x in out if x)
