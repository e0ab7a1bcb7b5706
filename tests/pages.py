"""The public pages of the URL contract, for tests that check every one of them."""

# Pages listed in the sitemap.
INDEXED_PATHS = [
    "/{lang}/",
    "/{lang}/guidance/asylum-seekers/",
    "/{lang}/guidance/refugees/",
    "/{lang}/guidance/stateless/",
    "/{lang}/guidance/asylum-seekers/history/",
    "/{lang}/cities/",
    "/{lang}/cities/astana/",
    "/{lang}/cities/almaty/",
    "/{lang}/cities/shymkent/",
    "/{lang}/cities/taldykorgan/",
    "/{lang}/offices/",
    "/{lang}/offices/unhcr-national-office-astana/",
    "/{lang}/partners/",
    "/{lang}/partners/bhr/",
    "/{lang}/about/",
    "/{lang}/updates/",
    "/{lang}/notices/",
]
# Every public page type: the indexed ones, and those crawlers need not list.
PUBLIC_PATHS = INDEXED_PATHS + [
    "/{lang}/offline/",
    "/{lang}/forget/",
    "/{lang}/check/",
    "/{lang}/check/official/",
    "/{lang}/search/?q=asylum",
    "/{lang}/cities/almaty/share/",
    "/{lang}/cities/almaty/print/",
]


def public_paths(lang="en"):
    return [path.format(lang=lang) for path in PUBLIC_PATHS]


def page_html(client, path, *args, status=200, **kwargs):
    """The HTML of a page, once it answered `status`: a test of what a page shows (or does not show)
    must fail when the page itself is gone."""
    response = client.get(path, *args, **kwargs)
    assert response.status_code == status, f"{path} answered {response.status_code}, not {status}"
    return response.content.decode()
