"""Atom feeds: /<lang>/updates/feed/ (the same changes as Updates) and /<lang>/notices/feed/ (the notices
in effect, for partners' websites), in the URL's language."""

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, gettext

from config.language_fallback import localized
from config.last_updated import latest
from config.page_cache import declare
from config.sitemaps import NEVER

from .notices import NOTICES, board, follow, notices_where
from .updates import recent_updates


class DatedAtom1Feed(Atom1Feed):
    """Atom whose feed-level <updated> (and Last-Modified) is the date the feed says (`updated`), from what it
    lists, never the time of the request: Django's writer gives "now" to a feed with no entry."""

    def latest_post_date(self):
        return self.feed.get("updated") or latest(*(item.get("updateddate") for item in self.items)) or NEVER


class LanguageTaggedAtom1Feed(DatedAtom1Feed):
    """Atom whose entries say their language (`xml:lang`) when it is not the feed's own."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language") and item["language"] != self.feed["language"]:
            attributes["xml:lang"] = item["language"]
        return attributes


def in_feed_language(description, entry_language):
    """An entry's description, marked as the feed's language when the entry says it is in another (its title's)."""
    if entry_language != get_language():
        # The entry says it is in the title's language; its text around any fallback is in ours.
        direction = "rtl" if get_language_bidi() else "ltr"
        return format_html('<div lang="{}" dir="{}">{}</div>', get_language(), direction, description)
    return description


class UpdatesFeed(Feed):
    feed_type = LanguageTaggedAtom1Feed

    def title(self):
        return gettext("What changed recently") + " · " + gettext("Help for people forced to flee — Kazakhstan")

    def subtitle(self):
        return gettext("New and changed guidance, offices, addresses and phone numbers, and notices.")

    def link(self):
        return reverse("site:updates")

    def author_name(self):
        return gettext("UNHCR Kazakhstan")

    def get_object(self, request, *args, **kwargs):
        return recent_updates(request=request)

    def items(self, updates):
        return updates

    def item_title(self, item):
        return item.headline  # plain text: the Atom writer escapes it

    def item_description(self, item):
        # Rendered without the request: the page's context processors are not needed for each entry.
        description = render_to_string("site/includes/update_description.html", {"update": item})
        return in_feed_language(description, item.title_language)

    def item_extra_kwargs(self, item):
        return {"language": item.title_language}

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.guid

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.date


class NoticesFeed(Feed):
    """The notices in effect now, newest first, each with its dates; any website may read it. Each entry is
    updated when its notice started or last changed; the feed, when the newest of those happened or a notice
    ended: two requests at different times of an unchanged board say the same. A notice not yet translated
    is in English: its entry says so (xml:lang) and its title ends with "(in English)"."""

    feed_type = LanguageTaggedAtom1Feed  # dated like DatedAtom1Feed, whose subclass it is

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"  # partners show the notices on their own websites
        return response

    def get_object(self, request, *args, **kwargs):
        declare(request, NOTICES)
        now = timezone.now()
        current = board(notices_where(Q(), now), now)
        follow(request, current)
        return current

    def feed_extra_kwargs(self, notice_board):
        return {"updated": latest(notice_board.last_change, *map(self.item_updateddate, notice_board.current))}

    def title(self):
        return gettext("Notices") + " · " + gettext("Help for people forced to flee — Kazakhstan")

    def subtitle(self):
        return gettext("Closures, changed procedures and other news you must know now, newest first.")

    def link(self):
        return reverse("site:notices")

    def author_name(self):
        return gettext("UNHCR Kazakhstan")

    def items(self, notice_board):
        return notice_board.current

    def item_title(self, notice):
        title = localized(notice, "title")
        return f"{title.value} {title.language_marker}" if title.is_fallback else title.value

    def item_description(self, notice):
        description = render_to_string("site/includes/notice_description.html", {"notice": notice})
        return in_feed_language(description, localized(notice, "title").language)

    def item_extra_kwargs(self, notice):
        return {"language": localized(notice, "title").language}

    def item_link(self, notice):
        return notice.get_absolute_url()

    def item_guid(self, notice):
        return f"urn:uuid:{notice.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, notice):
        return notice.starts_at

    def item_updateddate(self, notice):
        """When readers saw it change last: its start, or a later edit or publication of it."""
        return latest(notice.starts_at, notice.published_at, notice.updated_at)
