"""A notice prepared ahead appears at its start and disappears at its end, with the page cache on and
no save in between: on the city page, the home page, Updates, the feeds and the print sheet, in Russian
and Arabic; Last-Modified and ETag follow, so a browser's stored copy is never declared still fresh."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.http import http_date, parse_http_date

from config.site.models import Notice
from tests.clock import clock_at
from tests.factories import notice
from tests.pages import page_html

pytestmark = pytest.mark.django_db

TITLES = {
    "ru": "Офис в Астане закрыт 16 декабря",
    "ar": "مكتب أستانا مغلق يوم 16 ديسمبر",
}
SITE_WIDE = {"ru": "Горячая линия работает круглосуточно", "ar": "الخط الساخن يعمل على مدار الساعة"}
LANGUAGES = ["ru", "ar"]
ASTANA_PAGES = ["/{lang}/cities/astana/", "/{lang}/cities/astana/print/", "/{lang}/updates/", "/{lang}/updates/feed/",
                "/{lang}/notices/", "/{lang}/notices/feed/"]


@pytest.fixture(autouse=True)
def long_page_cache(settings):
    # Far longer than the day the clock moves: only the notice's own times can make a stored page stale.
    settings.CACHE_SECONDS = 30 * 24 * 3600


@pytest.fixture
def today():
    return timezone.now() + timedelta(minutes=10)


@pytest.fixture
def tomorrow(today):
    return today + timedelta(days=1)


@pytest.fixture
def astana_notice(tomorrow):
    return notice(
        cities=["astana"], starts_at=tomorrow, ends_at=tomorrow + timedelta(days=1),
        title_ru=TITLES["ru"], title_ar=TITLES["ar"], text_en="Apply in Almaty meanwhile.",
    )


@pytest.fixture
def site_wide_notice(tomorrow):
    return notice(
        "The hotline answers day and night", site_wide=True, level=Notice.Level.INFORMATION,
        starts_at=tomorrow, ends_at=tomorrow + timedelta(days=1), title_ru=SITE_WIDE["ru"], title_ar=SITE_WIDE["ar"],
    )


def get(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200, path
    return response


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_notice_for_tomorrow_appears_at_its_start_with_no_save(client, astana_notice, site_wide_notice, today, tomorrow, lang):
    paths = [path.format(lang=lang) for path in ASTANA_PAGES]
    with clock_at(today):
        for path in paths:
            assert TITLES[lang] not in get(client, path).content.decode(), path
        assert SITE_WIDE[lang] not in page_html(client, f"/{lang}/")
        assert get(client, paths[0])["X-Page-Cache"] == "hit"  # stored, and served from the cache today

    with clock_at(tomorrow + timedelta(minutes=1)):
        for path in paths:
            assert TITLES[lang] in get(client, path).content.decode(), path
        assert SITE_WIDE[lang] in page_html(client, f"/{lang}/")
        assert SITE_WIDE[lang] in page_html(client, f"/{lang}/cities/astana/")
        assert TITLES[lang] not in page_html(client, f"/{lang}/cities/almaty/")  # a notice for Astana only


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_notice_disappears_after_its_end_but_stays_in_updates(client, astana_notice, site_wide_notice, tomorrow, lang):
    with clock_at(tomorrow + timedelta(hours=1)):
        assert TITLES[lang] in page_html(client, f"/{lang}/cities/astana/")
    with clock_at(tomorrow + timedelta(days=1, minutes=1)):
        for path in ["/{lang}/cities/astana/", "/{lang}/cities/astana/print/", "/{lang}/notices/", "/{lang}/notices/feed/"]:
            assert TITLES[lang] not in get(client, path.format(lang=lang)).content.decode(), path
        assert SITE_WIDE[lang] not in page_html(client, f"/{lang}/")
        assert TITLES[lang] in page_html(client, f"/{lang}/updates/")  # what changed, dated by its start


def test_urgent_notice_comes_before_the_page_title_with_its_dates(client, astana_notice, tomorrow):
    with clock_at(tomorrow + timedelta(minutes=1)):
        html = page_html(client, "/ru/cities/astana/")
        with translation.override("ru"):
            period = astana_notice.period
    assert html.index(TITLES["ru"]) < html.index("<h1")
    assert period in html  # the offline copy and a printed sheet keep the dates with the text
    assert html.index(TITLES["ru"]) > html.index('<main id="main"')


def test_print_sheet_carries_the_notice_inside_the_sheet_with_its_dates(client, astana_notice, tomorrow):
    with clock_at(tomorrow + timedelta(minutes=1)):
        html = page_html(client, "/ar/cities/astana/print/")
        with translation.override("ar"):
            period = astana_notice.period
    sheet = html[html.index('<article class="sheet'):]
    assert TITLES["ar"] in sheet and period in sheet
    assert 'dir="rtl"' in html


def test_updates_list_the_notice_with_its_start_date(client, astana_notice, tomorrow):
    with clock_at(tomorrow + timedelta(minutes=1)):
        html = page_html(client, "/en/updates/")
        feed = get(client, "/en/updates/feed/").content.decode()
    assert f'<time datetime="{timezone.localtime(tomorrow):%Y-%m-%d}">' in html
    assert "Notice: The Astana office is closed" in feed
    assert f"<published>{tomorrow.isoformat()}" in feed or f"<published>{timezone.localtime(tomorrow).isoformat()}" in feed


def test_last_modified_is_never_older_than_the_start_of_a_notice_the_page_shows(client, astana_notice, today, tomorrow):
    with clock_at(today):
        before = get(client, "/ru/cities/astana/")
    stored_on = before["Last-Modified"]
    with clock_at(tomorrow + timedelta(minutes=1)):
        after = get(client, "/ru/cities/astana/", HTTP_IF_MODIFIED_SINCE=stored_on)  # a 304 would hide the notice
        again = get(client, "/ru/cities/astana/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert TITLES["ru"] in after.content.decode()
    assert parse_http_date(after["Last-Modified"]) >= int(tomorrow.timestamp())
    assert after["ETag"] != before["ETag"] and again.status_code == 200


def test_after_the_end_the_last_modified_moves_again(client, astana_notice, tomorrow):
    with clock_at(tomorrow + timedelta(minutes=1)):
        showing = get(client, "/ru/cities/astana/")
    end = astana_notice.ends_at
    with clock_at(end + timedelta(minutes=1)):
        response = get(client, "/ru/cities/astana/", HTTP_IF_MODIFIED_SINCE=showing["Last-Modified"])
        unchanged = client.get("/ru/cities/astana/", HTTP_IF_MODIFIED_SINCE=http_date(end.timestamp() + 30))
    assert TITLES["ru"] not in response.content.decode()
    assert parse_http_date(response["Last-Modified"]) >= int(end.timestamp())
    assert unchanged.status_code == 304  # nothing changed since: the browser's copy is still right


def test_a_draft_notice_is_never_shown(client, tomorrow):
    notice("Not ready yet", site_wide=True, published=False, starts_at=tomorrow - timedelta(days=2))
    assert "Not ready yet" not in page_html(client, "/en/")
    assert "Not ready yet" not in page_html(client, "/en/notices/")
    assert "Not ready yet" not in page_html(client, "/en/updates/")


def test_notices_of_an_office_show_on_its_page_and_its_city_page(client):
    shown = notice("Applications by appointment only", offices=["employment-office-astana"], level=Notice.Level.INFORMATION)
    assert shown.title_en in page_html(client, "/en/offices/employment-office-astana/")
    assert shown.title_en in page_html(client, "/en/cities/astana/")
    assert shown.title_en not in page_html(client, "/en/offices/unhcr-national-office-astana/")


def test_notices_of_a_guidance_page_show_on_that_page_only(client):
    shown = notice("The appeal deadline changed", pages=["asylum-seekers"])
    assert shown.title_en in page_html(client, "/en/guidance/asylum-seekers/")
    assert shown.title_en not in page_html(client, "/en/guidance/refugees/")


def test_notice_text_is_markdown_sanitised(client):
    notice("Careful", site_wide=True, text_en="Call **now**. <script>alert(1)</script>[x](javascript:alert(1))")
    html = page_html(client, "/en/")
    assert "<strong>now</strong>" in html
    assert "<script>alert" not in html and "javascript:" not in html


def test_a_missing_translation_falls_back_with_its_notice(client):
    notice("Only in Russian", site_wide=True, title_ru="Только по-русски", text_ru="Текст по-русски.")
    html = page_html(client, "/kk/")
    assert 'lang="ru"' in html and "Только по-русски" in html
    assert 'class="fallback-notice"' in html
