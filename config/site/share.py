"""The share kit of a city page: its permanent address, a link snippet and messenger links."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from config.language_fallback import localized


@dataclass(frozen=True)
class ShareKit:
    url: str  # the permanent address of the city page in the reader's language
    text: str

    @property
    def snippet(self):
        """HTML a partner pastes into their website."""
        return format_html('<a href="{}" hreflang="{}">{}</a>', self.url, get_language(), self.text)

    @property
    def whatsapp_url(self):
        return "https://wa.me/?text=" + quote(f"{self.text} {self.url}", safe="")

    @property
    def telegram_url(self):
        return "https://t.me/share/url?" + urlencode({"url": self.url, "text": self.text}, quote_via=quote)


def permanent_url(request, city):
    return request.build_absolute_uri(city.get_absolute_url())


def share_kit(request, city):
    text = gettext("Free help for asylum-seekers, refugees and stateless people in %(city)s") % {
        "city": localized(city, "name").value
    }
    return ShareKit(url=permanent_url(request, city), text=text)
