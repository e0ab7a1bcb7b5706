"""The admin home tells each staff member what waits for them: my drafts, drafts to review (publishers),
translations to update in my languages, offices, partner branches and partners due for a check in my cities, notices ending soon;
each with a count and a link to the admin list of exactly those, never to a page the person may not open."""

import datetime
import re

import pytest
from django.utils import timezone

from guidance.models import GuidancePage
from guidance.segments import page_status
from offices.models import City, Office
from partners.models import Branch, Partner

from .factories import notice
from .staff import appended, edited_draft
from .staff_profiles import member

pytestmark = pytest.mark.django_db
LINE = re.compile(r'<tr><th scope="row"><a href="([^"]+)">([^<]+)</a></th><td class="count">(\d+)</td></tr>')


def dashboard(client):
    """{label: (count, url)} of the admin home's dashboard, as the person sees it."""
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    return {label: (int(count), url.replace("&amp;", "&")) for url, label, count in LINE.findall(html)}


def behind_in(language):
    """Pages whose translation is behind the English, worked out from the whole history (not the stored states)."""
    pages = list(GuidancePage.objects.published())
    statuses = page_status.statuses_for_pages(pages)
    return sum(statuses[page.pk][language].state in ("needs-update", "immediate-update") for page in pages)


def nothing_due_but(*offices, branches=None):
    """Every entry checked and not yet due, except these offices (slugs) and branches (a queryset): never checked."""
    for model in (Office, Branch, Partner):
        model.objects.update(verified_on=timezone.localdate(), next_check_due=timezone.localdate() + datetime.timedelta(days=30))
    Office.objects.filter(slug__in=offices).update(verified_on=None, next_check_due=None)
    if branches is not None:
        branches.update(verified_on=None, next_check_due=None)


@pytest.fixture
def waiting():
    """An editor's draft waiting for review, another's draft still open, and a notice ending in three days."""
    editor = member("editor")
    edited_draft(editor, submit=True, **appended("\n\nMore."))
    edited_draft(member("editor"), slug="asylum-seekers", **appended("\n\nMore.", slug="asylum-seekers"))
    notice(ends_at=timezone.now() + datetime.timedelta(days=3))
    notice("Later", ends_at=timezone.now() + datetime.timedelta(days=30))
    notice("Draft", published=False, ends_at=timezone.now() + datetime.timedelta(days=2))
    return editor


def test_an_editor_sees_their_drafts_their_cities_entries_and_notices(waiting):
    almaty = City.objects.get(slug="almaty")
    nothing_due_but("unhcr-representation-central-asia", "migration-service-almaty", "employment-office-astana",
                    branches=Branch.objects.exclude(city__slug="taldykorgan"))
    lines = dashboard(member("editor", cities=[almaty]))
    assert lines["My drafts"][0] == 0
    assert lines["Offices to check in my cities"][0] == 1  # the UNHCR office; not the former one, not Astana's
    assert lines["Partner branches to check in my cities"][0] == 2
    assert lines["Partners to check in my cities"][0] == 0
    assert lines["Notices ending in the next 7 days"][0] == 1
    assert "Waiting for my review" not in lines
    assert dashboard(waiting)["My drafts"][0] == 1


def test_a_translator_sees_the_pages_to_update_in_their_languages_only(waiting):
    translator = member("translator", translates=["ru", "uz"])
    lines = dashboard(translator)
    assert lines["Translations to update: Russian"][0] == behind_in("ru")
    assert lines["Translations to update: Uzbek"][0] == behind_in("uz")
    assert not any(label.startswith("Translations to update: Kazakh") for label in lines)
    # The two published notices have no Russian yet (the draft is not counted).
    assert lines["Notices to translate: Russian"] == (2, "/admin/guidance/guidancepage/translations/#notice-translations")
    others = [label for label in lines if not label.startswith("Notices to translate: ")]
    assert not any("to check" in label or "Notices" in label or "review" in label for label in others)


def test_a_translator_sees_the_directory_entries_behind_in_their_languages(waiting):
    office = Office.objects.get(slug="employment-office-almaty")
    office.address_en = "87 Dostyk Ave."
    office.save()  # the Russian, Kazakh… addresses are now behind the English
    City.objects.filter(slug="almaty").update(outdated_translations={"name": ["uz"]})
    lines = dashboard(member("translator", translates=["ru", "uz"]))
    assert lines["Directory translations to update: Russian"] == (1, "/admin/guidance/guidancepage/translations/#directory-entries")
    assert lines["Directory translations to update: Uzbek"][0] == 2
    assert not any("Kazakh" in label for label in lines)


def test_a_publisher_sees_the_drafts_waiting_for_review(waiting):
    three = list(Branch.objects.values_list("pk", flat=True)[:3])
    nothing_due_but("employment-office-almaty", "employment-office-astana", branches=Branch.objects.filter(pk__in=three))
    lines = dashboard(member("publisher", language="ru"))
    assert lines["Waiting for my review"][0] == 1
    assert lines["Offices to check"][0] == 2
    assert lines["Partner branches to check"][0] == 3


def test_a_superuser_sees_every_line_and_the_russian_admin_says_it_in_russian(waiting):
    superuser = member(superuser=True, translates=["kk"])
    superuser.cookies["django_language"] = "ru"
    lines = dashboard(superuser)
    assert set(lines) == {
        "Мои черновики", "Ждут моей проверки", "Переводы, которые нужно обновить: Казахский",
        "Переводы справочника, которые нужно обновить: Казахский",
        "Офисы для проверки", "Отделения партнёров для проверки", "Партнёры для проверки", "Объявления, которые закончатся в ближайшие 7 дней",
        "Сообщения о неверной информации", "Объявления, которые ждут моей проверки",
        "Предложения партнёров на проверку",
        "Предложенные изменения объявлений, которые ждут моей проверки", "Объявления для перевода: Казахский",
    }
    assert lines["Ждут моей проверки"][0] == 1


@pytest.mark.parametrize("role", ["editor", "translator", "publisher", None])
def test_every_link_opens_the_list_it_counts(waiting, role):
    person = member(role, superuser=role is None, translates=["ru"], cities=City.objects.filter(slug="almaty"))
    lines = dashboard(person)
    assert lines
    for label, (count, url) in lines.items():
        response = person.get(url)
        assert response.status_code == 200, (label, url)  # not 403, and no redirect to "?e=1" (a refused filter)
        if "/translations/" not in url:  # the translation status lists every page; the others, exactly those
            counted = r"(results?|drafts?|revisions?|offices?|branch(es)?|partners?|notices?|reports?|change proposals?|proposed changes? of notices?)"
            assert re.search(rf"\b{count} {counted}\b", response.content.decode()), label


@pytest.mark.parametrize("languages", [["ru"], ["ru", "kk", "ar", "prs", "zh-hans", "ug", "uz", "uk", "ps"]])
def test_the_admin_home_needs_a_bounded_number_of_queries(waiting, django_assert_max_num_queries, languages):
    """One query per line (all the languages in one), whatever the number of languages, cities or pages."""
    superuser = member(superuser=True, translates=languages, cities=City.objects.all())
    publisher = member("publisher", translates=languages, cities=City.objects.all())
    # Session, user, the device of their second factor (django-otp), profile, cities, fourteen lines,
    # recent actions; the two savepoints of ATOMIC_REQUESTS.
    with django_assert_max_num_queries(22):
        dashboard(superuser)
    with django_assert_max_num_queries(24):  # and the permissions of the person's groups
        dashboard(publisher)


def test_a_staff_member_changes_their_own_choices_from_the_user_links(client):
    editor = member("editor")
    home = editor.get("/admin/").content.decode()
    assert 'href="/admin/staff/staffprofile/mine/">My notifications</a>' in home
    page = editor.get("/admin/staff/staffprofile/mine/")
    assert page.status_code == 200 and f"E-mails go to {editor.user.email}." in page.content.decode()
    response = editor.post("/admin/staff/staffprofile/mine/", {
        "decisions": "on", "language": "ru", "translates": ["ru", "kk"], "cities": [City.objects.get(slug="almaty").pk],
    })
    assert response.status_code == 302
    profile = editor.user.staff_profile
    profile.refresh_from_db()
    assert (profile.language, profile.translates, profile.review_requests, profile.decisions) == ("ru", ["ru", "kk"], False, True)
    assert list(profile.cities.values_list("slug", flat=True)) == ["almaty"]
    assert editor.get("/admin/staff/staffprofile/").status_code == 403  # everyone's profiles: superusers only
    assert member(superuser=True).get(f"/admin/staff/staffprofile/{profile.pk}/change/").status_code == 200
