"""What the content API answers, as the OpenAPI description shows it (pydantic models through django-ninja)."""

import datetime

from ninja import Schema


class Error(Schema):
    """An error, its text in the language asked for (the address's, else ?lang=, else Accept-Language)."""

    status: int
    detail: str
    errors: dict[str, list[str]] = {}


class Text(Schema):
    """A translated text and the language it is really written in (another one when it is not translated yet)."""

    value: str
    language: str
    is_fallback: bool


class Source(Schema):
    title: str
    as_of: str  # as precise as the document itself: "July 2018", "2019–2022"
    year: int


class Change(Schema):
    published_at: datetime.datetime | None
    change_note: Text
    sources: list[Source]


class Section(Schema):
    number: int  # 0: the text before the first heading
    heading: str
    anchor: str
    markdown: Text
    html: str  # sanitised HTML of the section's text
    translation_behind: bool  # this section's translation is behind a major change of the English text


class Revision(Schema):
    id: int
    published_at: datetime.datetime | None
    significance: str
    change_note: Text
    dated_by_source: bool  # older text: trust its sources' dates, not published_at
    sources: list[Source]


class Translation(Schema):
    state: str  # missing, up-to-date, needs-update, immediate-update
    title_and_summary_behind: bool


class PageSummary(Schema):
    slug: str
    audience: str
    title: Text
    summary: Text
    last_major_update: datetime.datetime | None
    url: str
    api_url: str


class Page(PageSummary):
    language: str
    translation: Translation
    current_revision: Revision
    sections: list[Section]
    history: list[Change]


class Closure(Schema):
    first_day: datetime.date
    last_day: datetime.date
    in_effect: bool
    reason: str


class Door(Schema):
    """A place or a line to contact: an office (asylum authority, UNHCR, hotline, …) or a partner's branch."""

    id: str
    kind: str  # asylum, unhcr, hotline, border, other, or partner-branch
    name: str
    city: str | None
    address: str
    address_for_driver: str
    phones: list[str]  # E.164
    opening_hours: str
    email: str
    website: str
    latitude: float | None
    longitude: float | None
    checked_on: datetime.date | None
    closure: Closure | None
    services: list[str]  # slugs of the kinds of free help given there (partners)
    url: str


class CitySummary(Schema):
    slug: str
    name: Text
    url: str
    api_url: str


class City(CitySummary):
    language: str
    apply_offices: list[Door]
    apply_instead: Door | None  # where to apply while every office of the city is closed
    unhcr_offices: list[Door]
    other_offices: list[Door]
    hotlines: list[Door]
    partner_branches: list[Door]
    countrywide_partners: list[Door]
    more_elsewhere: bool


class Notice(Schema):
    id: str
    level: str
    title: Text
    text: Text
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    site_wide: bool
    cities: list[str]
    offices: list[str]
    partners: list[str]
    pages: list[str]


class Index(Schema):
    version: str
    languages: list[str]
    openapi: str
    docs: str
    hsds: str
    endpoints: dict[str, str]
