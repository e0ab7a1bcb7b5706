"""Machine-made translations wait for a native speaker's review in the translation status: all shipped
Pashto starts so; a translator who names the language confirms it (who and when are kept); a translator of
another language cannot; a translation can be marked again; the admin home of a Pashto translator lists it."""

import re
from http import HTTPStatus

import pytest

from guidance.models import GuidancePage, NativeReview

from .staff_profiles import member
from .test_staff_dashboard import dashboard

pytestmark = pytest.mark.django_db
STATUS = "/admin/guidance/guidancepage/translations/"
PASHTO_PAGES = 3  # asylum-seekers, refugees, stateless: every page has a machine-assisted Pashto file
# Every directory entry with Pashto text in the content files (tests/test_native_review_directory.py): 5 cities,
# 3 former city names, 12 offices, 4 partners, 3 branches, 7 services, 6 key figures, 1 notice.
PASHTO_ENTRIES = 41


def status_page(client):
    response = client.get(STATUS)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def language_count(html, language):
    return re.search(rf'<td class="native-review-count" data-language="{language}">([^<]+)</td>', html).group(1)


def cell(html, page, language):
    start = html.index(f'id="native-review-{page.pk}-{language}"')
    return html[start:html.index("</div>", start)]


def confirm(client, page, language="ps"):
    return client.post(f"/admin/guidance/guidancepage/{page.pk}/native-review/{language}/confirm/", follow=True)


def test_shipped_pashto_waits_for_a_native_speaker(content):
    assert set(NativeReview.objects.waiting().values_list("language", flat=True)) == {"ps"}
    html = status_page(member("translator", translates=["ps"]))
    assert language_count(html, "ps") == f"{PASHTO_PAGES} pages"
    assert language_count(html, "prs") == "0 pages"
    assert html.count("1 translation waits for a native speaker’s review") == PASHTO_PAGES
    page = GuidancePage.objects.get(slug="refugees")
    assert "Needs a native speaker’s review" in cell(html, page, "ps")
    assert "Confirm: a native speaker has read it" in cell(html, page, "ps")
    assert "Needs a native speaker’s review" not in cell(html, page, "ru")


def test_a_pashto_translator_confirms_and_the_counts_go_down(content):
    pashto = member("translator", translates=["ps"])
    pashto.user.first_name, pashto.user.last_name = "Gulalai", "Ahmadzai"
    pashto.user.save()
    page = GuidancePage.objects.get(slug="refugees")
    # the admin home counts the directory's entries too
    assert dashboard(pashto)["Translations waiting for a native speaker’s review: Pashto"][0] == PASHTO_PAGES + PASHTO_ENTRIES
    response = confirm(pashto, page)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Confirmed: a native speaker has read the Pashto translation of" in html
    assert language_count(html, "ps") == f"{PASHTO_PAGES - 1} pages"
    assert "Confirmed by a native speaker: Gulalai Ahmadzai," in cell(html, page, "ps")
    assert "Needs a native speaker’s review" not in cell(html, page, "ps")
    review = NativeReview.objects.get(page=page, language="ps")
    assert review.confirmed_by == pashto.user and review.confirmed_at is not None
    assert dashboard(pashto)["Translations waiting for a native speaker’s review: Pashto"][0] == PASHTO_PAGES + PASHTO_ENTRIES - 1


def test_a_russian_translator_cannot_confirm_pashto(content):
    russian = member("translator", translates=["ru"])
    page = GuidancePage.objects.get(slug="refugees")
    assert "Confirm: a native speaker has read it" not in status_page(russian)
    response = confirm(russian, page)
    assert response.status_code == HTTPStatus.OK  # back on the status page, told why
    assert "Only a translator who names Pashto among their languages" in response.content.decode()
    assert NativeReview.objects.get(page=page, language="ps").waiting
    assert not any("native speaker" in label for label in dashboard(russian))


def test_an_editor_who_names_no_language_cannot_confirm(content):
    page = GuidancePage.objects.get(slug="stateless")
    confirm(member("editor"), page)
    assert NativeReview.objects.get(page=page, language="ps").waiting


def test_a_translation_is_marked_as_machine_made_and_confirmed_again(content):
    russian = member("translator", translates=["ru"])
    page = GuidancePage.objects.get(slug="asylum-seekers")
    assert "Mark as machine-made" in cell(status_page(russian), page, "ru")
    response = russian.post(f"/admin/guidance/guidancepage/{page.pk}/native-review/ru/mark/", follow=True)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert language_count(html, "ru") == "1 page"
    assert "Needs a native speaker’s review" in cell(html, page, "ru")
    assert NativeReview.objects.get(page=page, language="ru").marked_by == russian.user
    # a Russian translator may not mark Pashto
    refused = russian.post(f"/admin/guidance/guidancepage/{page.pk}/native-review/ps/mark/", follow=True)
    assert "is not one of the languages you translate" in refused.content.decode()
    assert confirm(russian, page, "ru").status_code == HTTPStatus.OK
    assert not NativeReview.objects.get(page=page, language="ru").waiting


def test_confirming_needs_a_post_and_a_known_review(content):
    pashto = member("translator", translates=["ps"])
    page = GuidancePage.objects.get(slug="refugees")
    assert pashto.get(f"/admin/guidance/guidancepage/{page.pk}/native-review/ps/confirm/").status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert pashto.post(f"/admin/guidance/guidancepage/{page.pk}/native-review/uz/confirm/").status_code == HTTPStatus.NOT_FOUND
    assert pashto.post(f"/admin/guidance/guidancepage/{page.pk}/native-review/xx/mark/").status_code == HTTPStatus.NOT_FOUND


def test_the_data_migration_marks_the_pashto_of_an_existing_database(content):
    """A database that loaded Pashto before native reviews existed: its migration marks every page with Pashto."""
    from importlib import import_module

    from django.apps import apps

    NativeReview.objects.all().delete()
    import_module("guidance.migrations.0019_native_review").mark_pashto(apps, None)
    assert sorted(NativeReview.objects.waiting().filter(page__isnull=False).values_list("page__slug", "language")) == [
        ("asylum-seekers", "ps"), ("refugees", "ps"), ("stateless", "ps")]
