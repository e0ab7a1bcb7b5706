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
]
# Every public page type: the indexed ones, and those crawlers need not list.
PUBLIC_PATHS = INDEXED_PATHS + [
    "/{lang}/offline/",
    "/{lang}/forget/",
    "/{lang}/search/?q=asylum",
    "/{lang}/cities/almaty/share/",
    "/{lang}/cities/almaty/print/",
]


def public_paths(lang="en"):
    return [path.format(lang=lang) for path in PUBLIC_PATHS]
