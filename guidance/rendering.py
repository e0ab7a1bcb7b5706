"""Staff Markdown to safe HTML: headings get anchors for deep links, and nothing else gets through."""

import html
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
ALLOWED_URL_SCHEMES = {"https", "http", "tel", "mailto"}


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
            TocExtension(slugify=slugify_unicode, toc_depth="2-3", permalink=False),
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
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noreferrer",
    )
    headings = tuple(
        Heading(anchor=token["id"], text=html.unescape(token["name"]))
        for token in converter.toc_tokens
        if token["level"] == 2
    )
    return RenderedBody(html=safe_html, headings=headings)
