"""The Atom feed of /<lang>/updates/: the same changes as the page, in the same language."""

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, gettext

from .updates import recent_updates


class LanguageTaggedAtom1Feed(Atom1Feed):
    """Atom whose entries say their language (`xml:lang`) when it is not the feed's own."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language") and item["language"] != self.feed["language"]:
            attributes["xml:lang"] = item["language"]
        return attributes


class UpdatesFeed(Feed):
    feed_type = LanguageTaggedAtom1Feed

    def title(self):
        return gettext("What changed recently") + " · " + gettext("Help for people forced to flee — Kazakhstan")

    def subtitle(self):
        return gettext("New and changed guidance, offices, addresses and phone numbers.")

    def link(self):
        return reverse("site:updates")

    def author_name(self):
        return gettext("UNHCR Kazakhstan")

    def items(self):
        return recent_updates()

    def item_title(self, item):
        return item.headline  # plain text: the Atom writer escapes it

    def item_description(self, item):
        # Rendered without the request: the page's context processors are not needed for each entry.
        description = render_to_string("site/includes/update_description.html", {"update": item})
        if item.title_language != get_language():
            # The entry says it is in the title's language; its text around any fallback is in ours.
            direction = "rtl" if get_language_bidi() else "ltr"
            return format_html('<div lang="{}" dir="{}">{}</div>', get_language(), direction, description)
        return description

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
