"""The Dari, Arabic and Uyghur admins read right: values in another script keep their own order (isolated,
left-to-right), the change arrow points the way the page reads, dates follow the language's own order, and no
internal name of a table shows in a filter or on the index."""

import re

import pytest
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from config.history import recording
from config.history.models import FieldChange
from guidance.translators.exchange import read_file
from guidance.translators.units import ImportRefused
from offices.models import Office

from .admin_forms import open_form, send

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

ALMATY = "employment-office-almaty"
INTERNAL_NAMES = ["Page_Cache", "page_cache", "content version", "digest sent", "Digest sent", "Contenttypes"]
ARABIC_MONTHS = "يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"


@pytest.fixture
def changed_office(staff_client):
    """The Almaty office with a new phone number and a new English address, saved by an editor."""
    office = Office.objects.get(slug=ALMATY)
    url = f"/admin/offices/office/{office.pk}/change/"
    editor = staff_client("editor")
    send(editor, url, open_form(editor, url), phones="8 727 222 33 44", address_en="87 Dostyk Ave.")
    assert FieldChange.objects.of(office).filter(field__in=["phones", "address_en"]).count() == 2
    return office


def in_language(client, language):
    client.cookies["django_language"] = language
    return client


def test_the_dari_field_history_isolates_phones_and_english_left_to_right(staff_client, changed_office):
    editor = in_language(staff_client("editor"), "prs")
    response = editor.get(f"/admin/offices/office/{changed_office.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="prs" dir="rtl">' in html
    assert '<ins class="new-value"><bdi dir="ltr" class="unbroken">+7 727 222 33 44</bdi></ins>' in html
    assert '<bdi dir="ltr">85 Dostyk Ave.</bdi></del> ← <ins class="new-value"><bdi dir="ltr">87 Dostyk Ave.</bdi>' in html
    assert "77272223344+" not in html and " → <ins" not in html


def test_the_arabic_admin_writes_dates_day_month_year(staff_client, changed_office):
    editor = in_language(staff_client("editor"), "ar")
    response = editor.get("/admin/history/fieldchange/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(rf"\b\d{{1,2}} ({ARABIC_MONTHS}) \d{{4}}، \d\d:\d\d", html)
    assert not re.search(rf"({ARABIC_MONTHS}) \d{{1,2}}, \d{{4}}", html)


def test_the_uyghur_admin_writes_its_own_date_and_time(staff_client, changed_office):
    editor = in_language(staff_client("editor"), "ug")
    html = editor.get("/admin/history/fieldchange/").content.decode()
    assert re.search(r"\b\d{1,2} \w+ \d{4}، \d{1,2}:\d\d", html)


@pytest.mark.parametrize("language", ["ar", "prs"])
def test_no_internal_name_in_the_history_filters_or_on_the_index(staff_client, changed_office, language):
    admin = in_language(staff_client(superuser=True), language)
    history = admin.get("/admin/history/fieldchange/")
    assert history.status_code == 200
    for name in INTERNAL_NAMES:
        assertNotContains(history, name)
    assertNotContains(history, "?language=prs\">prs<")
    assertContains(history, "المكاتب" if language == "ar" else "دفترها")  # offices, by their name
    index = admin.get("/admin/")
    for name in INTERNAL_NAMES:
        assertNotContains(index, name)


def test_a_broken_exchange_file_is_refused_in_the_translators_language():
    with translation.override("prs"), pytest.raises(ImportRefused) as refused:
        read_file(b'<?xml version="1.0"?>\n<xliff version="2.0"><file></xliff>')
    assert "سطر 2" in str(refused.value) and "not well-formed" not in str(refused.value)


def test_the_arabic_field_history_list_isolates_every_cell_a_phone_can_be_in(staff_client, changed_office):
    """The entry, the note of a shipped directory update, the values, a phone searched for and a change's own
    page: each in its own direction, so "+7 727 222 33 44" never reads "44 33 222 727 7+" on the Arabic page."""
    office = Office.objects.get(pk=changed_office.pk)
    office.phones = "+77272223355"
    with recording.noted("Directory update: new hotline. Source: the office, call +77272223355"):
        office.save()
    editor = in_language(staff_client("editor"), "ar")
    response = editor.get("/admin/history/fieldchange/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<td class="field-entry_link"><a href="/admin/offices/office/' in html
    assert f'/change/"><bdi dir="ltr">{office.name_en}</bdi></a></td>' in html
    assert ('<small><bdi dir="ltr">Directory update: new hotline. Source: the office, call +77272223355</bdi></small>'
            in html)
    assert '<ins class="new-value"><bdi dir="ltr" class="unbroken">+7 727 222 33 55</bdi></ins>' in html

    searched = editor.get("/admin/history/fieldchange/", {"q": "+77272223355"})
    assert searched.status_code == 200
    assert 'value="+77272223355" id="searchbar" dir="auto"' in searched.content.decode()

    change = FieldChange.objects.of(office).get(field="phones", new_value="+77272223355")
    own_page = editor.get(f"/admin/history/fieldchange/{change.pk}/change/")
    assert own_page.status_code == 200
    own = own_page.content.decode()
    assert '<ins class="new-value"><bdi dir="ltr" class="unbroken">+7 727 222 33 55</bdi></ins>' in own
    assert "+77272223355" not in own.replace(
        "<bdi dir=\"ltr\">Directory update: new hotline. Source: the office, call +77272223355</bdi>", "")
