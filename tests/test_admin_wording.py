"""Admin titles and messages read right in Russian: a model's name is never put in the wrong case."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from guidance.models import Revision
from partners.models import Service

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]


@pytest.fixture
def russian_admin(staff_client):
    client = staff_client(superuser=True)
    client.cookies["django_language"] = "ru"
    return client


def test_change_and_view_form_titles(russian_admin):
    service = Service.objects.get(slug="legal-counselling")
    response = russian_admin.get(f"/admin/partners/service/{service.pk}/change/")
    assertContains(response, "<h1>Изменение: услуга</h1>", html=True)
    assertNotContains(response, "Изменить услуга")
    published = Revision.objects.filter(page__slug="refugees").first()  # a published revision is read-only
    assertContains(
        russian_admin.get(f"/admin/guidance/revision/{published.pk}/change/"), "<h1>Просмотр: версия</h1>", html=True
    )


def test_change_list_title(russian_admin):
    response = russian_admin.get("/admin/guidance/guidancepage/")
    assertContains(response, "Выбор для изменения: памятка")
    assertNotContains(response, "Выберите памятка")


def test_add_form_title_and_button(russian_admin):
    assertContains(russian_admin.get("/admin/partners/service/add/"), "Добавление: услуга")
    assertContains(russian_admin.get("/admin/partners/service/"), "Добавить: услуга")


def test_the_log_in_throttle_is_named_for_staff_not_axes(russian_admin):
    response = russian_admin.get("/admin/")
    assertContains(response, "Безопасность входа")
    assertNotContains(response, ">Axes<")
