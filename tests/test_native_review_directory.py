"""The directory's machine-made translations wait for a native speaker's review like the guidance pages' do
(guidance/native_review.py): every shipped Pashto value of a city, office, partner, branch, service, key figure
or notice starts so; a Pashto translator confirms an entry (who and when are kept); a Russian translator cannot;
the admin home counts pages and entries together; a newly loaded entry is marked as load_content loads it."""

import re
from http import HTTPStatus
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from guidance.models import NativeReview
from offices.models import Office
from partners.models import Service

from .staff_profiles import member
from .test_native_review import PASHTO_ENTRIES, PASHTO_PAGES, language_count, status_page
from .test_staff_dashboard import dashboard

pytestmark = pytest.mark.django_db
WAITING_LINE = "Translations waiting for a native speaker’s review: Pashto"


def entry_count(html, language):
    return re.search(rf'<td class="native-review-entry-count" data-language="{language}">([^<]+)</td>', html).group(1)


def entry_cell(html, entry, language="ps"):
    start = html.index(f'id="native-review-{entry._meta.label_lower}.{entry.pk}-{language}"')
    return html[start:html.index("</div>", start)]


def entry_url(entry, action, language="ps"):
    return f"/admin/guidance/guidancepage/translations/directory/{entry._meta.label_lower}.{entry.pk}/native-review/{language}/{action}/"


def review_of(entry, language="ps"):
    return NativeReview.objects.get(content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk, language=language)


@pytest.fixture
def office():
    return Office.objects.get(slug="employment-office-astana")


def test_shipped_directory_pashto_waits_for_a_native_speaker(content, office):
    html = status_page(member("translator", translates=["ps"]))
    assert entry_count(html, "ps") == f"{PASHTO_ENTRIES} entries"
    assert entry_count(html, "prs") == "0 entries"
    assert language_count(html, "ps") == f"{PASHTO_PAGES} pages"  # the pages' count stays the pages'
    assert "Pashto: Needs a native speaker’s review" in entry_cell(html, office)
    assert "Confirm: a native speaker has read it" in entry_cell(html, office)
    assert "Department of Employment and Social Programs of Astana" in html


def test_a_pashto_translator_confirms_an_office_and_it_is_recorded(content, office):
    pashto = member("translator", translates=["ps"])
    pashto.user.first_name, pashto.user.last_name = "Gulalai", "Ahmadzai"
    pashto.user.save()
    assert dashboard(pashto)[WAITING_LINE][0] == PASHTO_PAGES + PASHTO_ENTRIES  # pages and entries together
    response = pashto.post(entry_url(office, "confirm"), follow=True)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Confirmed: a native speaker has read the Pashto translation of “Department of Employment" in html
    assert entry_count(html, "ps") == f"{PASHTO_ENTRIES - 1} entries"
    assert "Confirmed by a native speaker: Gulalai Ahmadzai," in entry_cell(html, office)
    assert "Needs a native speaker’s review" not in entry_cell(html, office)
    review = review_of(office)
    assert review.confirmed_by == pashto.user and review.confirmed_at is not None
    assert dashboard(pashto)[WAITING_LINE][0] == PASHTO_PAGES + PASHTO_ENTRIES - 1
    # marked again (a machine translation pasted over it): it waits once more
    again = pashto.post(entry_url(office, "mark"), follow=True)
    assert again.status_code == HTTPStatus.OK
    assert "now waits for a native speaker’s review" in again.content.decode()
    assert entry_count(again.content.decode(), "ps") == f"{PASHTO_ENTRIES} entries"
    assert review_of(office).waiting and review_of(office).marked_by == pashto.user


def test_a_russian_translator_cannot_confirm_pashto(content, office):
    russian = member("translator", translates=["ru"])
    assert "Confirm: a native speaker has read it" not in entry_cell(status_page(russian), office)
    response = russian.post(entry_url(office, "confirm"), follow=True)
    assert response.status_code == HTTPStatus.OK  # back on the status page, told why
    html = response.content.decode()
    assert "Only a translator who names Pashto among their languages" in html
    assert "Nothing was changed." in html
    assert review_of(office).waiting and review_of(office).confirmed_by is None
    assert entry_count(html, "ps") == f"{PASHTO_ENTRIES} entries"
    refused = russian.post(entry_url(office, "mark", "ps"), follow=True)  # nor mark Pashto
    assert "is not one of the languages you translate" in refused.content.decode()


def test_a_translator_marks_a_russian_entry_from_its_editor(content, office):
    russian = member("translator", translates=["ru"])
    key = f"offices.office.{office.pk}"
    editor = russian.get(f"/admin/guidance/guidancepage/translations/directory/{key}/ru/")
    assert editor.status_code == HTTPStatus.OK
    assert entry_url(office, "mark", "ru") in editor.content.decode()
    html = russian.post(entry_url(office, "mark", "ru"), follow=True).content.decode()
    assert entry_count(html, "ru") == "1 entry"
    assert "Russian: Needs a native speaker’s review" in entry_cell(html, office, "ru")


def test_the_buttons_need_a_post_and_a_known_entry(content, office):
    pashto = member("translator", translates=["ps"])
    assert pashto.get(entry_url(office, "confirm")).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert pashto.post(entry_url(office, "confirm", "uz")).status_code == HTTPStatus.NOT_FOUND  # never marked
    missing = "/admin/guidance/guidancepage/translations/directory/offices.office.999999/native-review/ps/confirm/"
    assert pashto.post(missing).status_code == HTTPStatus.NOT_FOUND
    assert pashto.post(entry_url(office, "mark", "xx")).status_code == HTTPStatus.NOT_FOUND


def test_the_data_migration_marks_the_shipped_pashto_of_the_directory(content, office):
    """A database that loaded the directory before its reviews existed: the migration marks every entry with Pashto,
    and leaves an entry already confirmed as it is."""
    confirmed_by = member("translator", translates=["ps"]).user
    review = review_of(office)
    review.confirmed_by = confirmed_by
    review.save()
    NativeReview.objects.of_entries().exclude(pk=review.pk).delete()
    import_module("guidance.migrations.0020_native_review_directory").mark_pashto_directory(apps, None)
    assert NativeReview.objects.of_entries().count() == PASHTO_ENTRIES
    assert set(NativeReview.objects.of_entries().values_list("language", flat=True)) == {"ps"}
    assert review_of(Service.objects.get(slug="legal-counselling")).waiting
    assert review_of(office).confirmed_by == confirmed_by


def test_load_content_marks_a_newly_loaded_entry_and_a_deleted_one_leaves_none(content):
    Service.objects.get(slug="legal-counselling").delete()
    assert NativeReview.objects.of_entries().count() == PASHTO_ENTRIES - 1
    call_command("load_content", verbosity=0, stdout=open("/dev/null", "w"))
    service = Service.objects.get(slug="legal-counselling")
    assert review_of(service).waiting and review_of(service).marked_by is None
    assert NativeReview.objects.of_entries().count() == PASHTO_ENTRIES


def test_a_pashto_translator_reads_the_section_in_pashto_right_to_left(content, office):
    pashto = member("translator", language="ps", translates=["ps"])
    pashto.cookies["django_language"] = "ps"  # the admin's language, as the staff member's browser keeps it
    html = status_page(pashto)
    assert 'dir="rtl"' in html
    assert "د لارښود توکي چې د اصلي ويونکي بياکتنې ته په تمه دي" in html
    assert entry_count(html, "ps") == f"{PASHTO_ENTRIES} توکي"
