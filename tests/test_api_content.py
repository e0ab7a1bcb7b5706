"""The content API (/api/v1/…): guidance, cities and their doors, notices; cached like pages, readable from anywhere."""

import time
from http import HTTPStatus

import pytest

from config.page_cache import rows_updated
from guidance.models import GuidancePage
from tests.factories import QUERY_BUDGET, notice, office, published_revision

pytestmark = pytest.mark.django_db

PAGE = "/api/v1/prs/pages/asylum-seekers/"


def test_the_api_documents_itself_without_any_script(client):
    index = client.get("/api/v1/")
    assert index.status_code == HTTPStatus.OK
    assert index.json()["openapi"] == "http://testserver/api/v1/openapi.json"
    description = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/{lang}/pages/{slug}/", "/api/v1/{lang}/plan/", "/api/v1/hsds/services"} <= set(description["paths"])
    docs = client.get("/api/v1/docs/?lang=ru")
    assert docs.status_code == HTTPStatus.OK
    html = docs.content.decode()
    assert "<script" not in html and "cdn" not in html.lower() and "<link" not in html
    assert "Описание OpenAPI (JSON)" in html and "/api/v1/{lang}/pages/{slug}/" in html


def test_a_guidance_page_in_dari_has_its_sections_dates_and_sources(client):
    response = client.get(PAGE)
    assert response.status_code == HTTPStatus.OK
    page = response.json()
    assert page["language"] == "prs" and page["title"]["language"] == "prs"
    assert page["url"] == "http://testserver/prs/guidance/asylum-seekers/"
    assert len(page["sections"]) >= 3
    assert all(section["markdown"]["language"] in {"prs", "en"} for section in page["sections"])
    assert page["sections"][1]["heading"] and page["sections"][1]["anchor"] and page["sections"][1]["html"].startswith("<")
    assert page["current_revision"]["published_at"] and page["current_revision"]["sources"]
    assert all({"title", "as_of", "year"} <= set(source) for source in page["current_revision"]["sources"])
    assert page["history"] and page["history"][0]["published_at"]
    assert page["translation"]["state"] in {"up-to-date", "needs-update", "immediate-update", "missing"}


def test_sections_behind_the_english_are_flagged(client):
    """The flags readers' pages show (guidance/segments/page_status.py stores them on the page at each publish)."""
    current = client.get("/api/v1/ru/pages/refugees/").json()
    assert not any(section["translation_behind"] for section in current["sections"])
    GuidancePage.objects.filter(slug="refugees").update(outdated_sections={"ru": [-1, 2]}, translation_status={"ru": "immediate-update"})
    rows_updated(GuidancePage)
    answer = client.get("/api/v1/ru/pages/refugees/").json()
    assert [s["number"] for s in answer["sections"] if s["translation_behind"]] == [2]
    assert answer["translation"] == {"state": "immediate-update", "title_and_summary_behind": True}
    english = client.get("/api/v1/en/pages/refugees/").json()
    assert not any(section["translation_behind"] for section in english["sections"])


def test_a_major_change_adds_its_note_to_the_history(client):
    published_revision("refugees", keep_current_text=True, significance="major", change_note_en="New facts")
    answer = client.get("/api/v1/en/pages/refugees/").json()
    assert answer["history"][0]["change_note"]["value"] == "New facts"
    assert answer["current_revision"]["change_note"]["value"] == "New facts"


def test_cities_list_and_a_city_with_its_doors(client):
    cities = client.get("/api/v1/ru/cities/").json()
    assert "almaty" in [city["slug"] for city in cities]
    almaty = client.get("/api/v1/ru/cities/almaty/").json()
    assert almaty["name"] == {"value": "Алматы", "language": "ru", "is_fallback": False}
    assert almaty["apply_offices"] and almaty["apply_offices"][0]["kind"] == "asylum"
    assert almaty["hotlines"] and almaty["hotlines"][0]["phones"][0].startswith("+7")
    assert almaty["partner_branches"]
    assert all(door["kind"] == "partner-branch" and door["services"] for door in almaty["partner_branches"])


def test_an_old_city_name_redirects_permanently(client):
    response = client.get("/api/v1/en/cities/nur-sultan/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/api/v1/en/cities/astana/"


def test_current_notices_with_where_they_apply(client):
    notice("The Almaty office is closed on Friday", cities=["almaty"])
    answer = client.get("/api/v1/en/notices/").json()
    almaty = [item for item in answer if item["title"]["value"] == "The Almaty office is closed on Friday"]
    assert len(almaty) == 1 and almaty[0]["cities"] == ["almaty"]
    # The notice that ships with the content: Taldykorgan points to Konaev.
    assert any(item["cities"] == ["taldykorgan"] for item in answer if item is not almaty[0])


@pytest.mark.parametrize(
    "path",
    ["/api/v1/", PAGE, "/api/v1/en/pages/", "/api/v1/ar/cities/", "/api/v1/ar/cities/almaty/", "/api/v1/en/notices/", "/api/v1/openapi.json"],
)
def test_reading_is_open_to_any_website_without_credentials(client, path):
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_answers_are_stored_and_revalidated_like_pages(client, django_assert_max_num_queries, monkeypatch):
    first = client.get(PAGE)
    assert first["X-Page-Cache"] == "miss" and first["ETag"]
    assert "s-maxage=3" in first["Cache-Control"]
    with django_assert_max_num_queries(0):
        again = client.get(PAGE)
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    unchanged = client.get(PAGE, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == HTTPStatus.NOT_MODIFIED and unchanged.content == b""
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 5)  # Last-Modified is sent once its second is over
    last_modified = client.get(PAGE)["Last-Modified"]
    assert client.get(PAGE, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == HTTPStatus.NOT_MODIFIED


def test_a_publish_changes_the_stored_answer(client):
    before = client.get("/api/v1/en/pages/refugees/").json()
    published_revision("refugees", keep_current_text=True, title_en="Refugees: a new title", significance="minor")
    after = client.get("/api/v1/en/pages/refugees/")
    assert after["X-Page-Cache"] == "miss"
    assert after.json()["title"]["value"] == "Refugees: a new title" != before["title"]["value"]


def test_a_new_office_changes_the_city_answer(client):
    client.get("/api/v1/en/cities/almaty/")
    office("almaty-new-door", name_en="A new door in Almaty")
    names = [door["name"] for door in client.get("/api/v1/en/cities/almaty/").json()["apply_offices"]]
    assert "A new door in Almaty" in names


@pytest.mark.parametrize(
    "path", [PAGE, "/api/v1/en/pages/", "/api/v1/kk/cities/", "/api/v1/kk/cities/almaty/", "/api/v1/ar/notices/", "/api/v1/"]
)
def test_each_answer_keeps_to_the_query_budget(client, path, django_assert_max_num_queries):
    notice("Closed today", cities=["almaty"], site_wide=True)
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert client.get(path).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    ("path", "header", "detail"),
    [
        ("/api/v1/ru/pages/no-such-page/", "en", "По этому адресу ничего не найдено."),
        ("/api/v1/ar/cities/nowhere/", "ru", "لم يُعثر على شيء في هذا العنوان."),
        ("/api/v1/no-such-thing?lang=ar", "ru", "لم يُعثر على شيء في هذا العنوان."),
        ("/api/v1/no-such-thing", "ru-RU,ru;q=0.9", "По этому адресу ничего не найдено."),
        ("/api/v1/xx/pages/", "ar", "لم يُعثر على شيء في هذا العنوان."),
    ],
)
def test_errors_are_json_in_the_language_asked_for(client, path, header, detail):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"status": 404, "detail": detail, "errors": {}}
    assert response["Access-Control-Allow-Origin"] == "*"
