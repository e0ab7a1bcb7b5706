"""Staff preview any draft exactly as readers would see it, in any language; nobody else can."""

import pytest

from tests.pages import page_html

from .staff import edited_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(staff_client):
    """An editor's draft of the refugees page, with Russian and Arabic text of its own."""
    return edited_draft(staff_client("editor"), body_ru="## Черновик\n\nТекст черновика.", body_ar="نص المسودة")


def preview_url(draft, lang="en"):
    return f"/{lang}/guidance/refugees/preview/{draft.pk}/"


def test_anonymous_readers_get_a_404(client, draft):
    response = client.get(preview_url(draft, "ru"))
    assert response.status_code == 404
    assert "Текст черновика" not in response.content.decode()


def test_logged_in_non_staff_get_a_404(client, draft, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader"))
    assert client.get(preview_url(draft)).status_code == 404


@pytest.mark.parametrize("role", ["editor", "translator", "publisher"])
def test_staff_see_the_draft_as_readers_would_in_any_language(staff_client, draft, role):
    response = staff_client(role).get(preview_url(draft, "ru"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ru"' in html
    assert '<h2 id="черновик">Черновик</h2>' in html
    assert '<p class="preview-banner" role="status">' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    arabic = staff_client(role).get(preview_url(draft, "ar")).content.decode()
    assert '<html lang="ar" dir="rtl"' in arabic and "نص المسودة" in arabic


def test_preview_links_to_the_same_draft_in_other_languages(staff_client, draft):
    html = staff_client("editor").get(preview_url(draft, "ru")).content.decode()
    assert f'href="/uk/guidance/refugees/preview/{draft.pk}/"' in html


def test_preview_of_a_revision_under_another_page_or_unknown_is_404(staff_client, draft):
    editor = staff_client("editor")
    assert editor.get(f"/en/guidance/stateless/preview/{draft.pk}/").status_code == 404
    assert editor.get("/en/guidance/refugees/preview/999999/").status_code == 404
    assert editor.get("/en/guidance/refugees/preview/abc/").status_code == 404


def test_draft_text_reaches_readers_only_when_published(client, draft):
    assert "Текст черновика" not in page_html(client, "/ru/guidance/refugees/")
