"""Staff Markdown to safe HTML: headings get anchors for deep links, and nothing else gets through.

Authors may mark a language (`lang`, `dir`) and write links; they may not give an element a `class`,
`role`, `style` or `id`, so no text can dress up as the hotline box or a site notice. The site's own
markup (heading anchors, the fallback notice and section of guidance/sections.py) carries those
attributes with a per-process mark that no author can know (`site_value`); the sanitiser keeps only
marked values, without the mark.
"""

import html
import secrets
from dataclasses import dataclass
from functools import lru_cache

import markdown
import nh3
from markdown.extensions.toc import TocExtension, slugify_unicode

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "bdi", "span", "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
    "span": {"lang", "dir"}, "bdi": {"dir"},
    "div": {"lang", "dir", "class"}, "p": {"class", "role"},
    "th": {"scope"},
}
SITE_ONLY_ATTRIBUTES = {"id", "class", "role"}  # kept only when the site's own rendering set them
ALLOWED_URL_SCHEMES = {"https", "http", "tel", "mailto"}

_MARK = f"site{secrets.token_hex(8)}-"  # new in every process; never reaches a page


def site_value(value):
    """An attribute value of the site's own markup, which the sanitiser keeps (authors' are dropped)."""
    return _MARK + value


def _keep_site_values(_tag, attribute, value):
    if attribute not in SITE_ONLY_ATTRIBUTES:
        return value
    return value.removeprefix(_MARK) if value.startswith(_MARK) else None


def _slugify(value, separator):
    return site_value(slugify_unicode(value, separator))


@dataclass(frozen=True)
class Heading:
    anchor: str
    text: str


@dataclass(frozen=True)
class RenderedBody:
    html: str
    headings: tuple  # the table of contents: the level-2 headings, in order


def _converter():
    return markdown.Markdown(
        extensions=[
            TocExtension(slugify=_slugify, toc_depth="2-3", permalink=False),
            "tables",
            "sane_lists",
            "md_in_html",  # lets a fallback section keep its Markdown inside a <div lang>
        ],
        output_format="html",
    )


@lru_cache(maxsize=1024)
def render_markdown(text):
    """Render and sanitise; cached by text, as published revisions never change."""
    converter = _converter()
    raw_html = converter.convert(text or "")
    safe_html = nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_keep_site_values,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noreferrer",
    )
    headings = tuple(
        Heading(anchor=token["id"].removeprefix(_MARK), text=html.unescape(token["name"]))
        for token in converter.toc_tokens
        if token["level"] == 2
    )
    return RenderedBody(html=safe_html, headings=headings)
