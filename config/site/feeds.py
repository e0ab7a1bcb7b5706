"""The Atom feed of /<lang>/updates/: the same changes as the page, in the same language."""

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from .updates import recent_updates


class UpdatesFeed(Feed):
    feed_type = Atom1Feed

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
        return render_to_string("site/includes/update_description.html", {"update": item})

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.guid

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.date
