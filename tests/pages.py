"""The public pages of the URL contract, for tests that check every one of them."""

PUBLIC_PATHS = [
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
    "/{lang}/offline/",
]


def public_paths(lang="en"):
    return [path.format(lang=lang) for path in PUBLIC_PATHS]
