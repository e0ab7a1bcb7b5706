"""Staff write notices in the admin: editors draft, publishers publish; every change is in the history;
two people editing the same notice are told, and the second one's text is kept."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from config.site.models import Notice
from offices.models import City
from tests.factories import notice
from tests.pages import page_html

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/site/notice/add/"
LIST_URL = "/admin/site/notice/"


def change_url(item):
    return f"/admin/site/notice/{item.pk}/change/"


def form_data(item=None, **changes):
    """What the notice's change form posts, as it shows `item` (or empty for a new notice)."""
    starts = timezone.localtime(item.starts_at if item else timezone.now() - timedelta(minutes=1))
    data = {f"{field}_{code.replace('-', '_')}": "" for field in ("title", "text") for code, _name in settings.LANGUAGES}
    if item is not None:
        data.update({name: getattr(item, name) or "" for name in data})
    data.update(
        level=item.level if item else Notice.Level.URGENT,
        starts_at_0=f"{starts:%Y-%m-%d}", starts_at_1=f"{starts:%H:%M:%S}", ends_at_0="", ends_at_1="",
        cities=[city.pk for city in item.cities.all()] if item else [],
        seen_version=item.version if item else "",
    )
    if item is not None and item.site_wide:
        data["site_wide"] = "on"
    if item is not None:
        data["status"] = item.status
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def astana():
    return City.objects.get(slug="astana").pk


def test_an_editor_writes_a_draft_that_readers_do_not_see(staff_client, client):
    editor = staff_client("editor")
    response = editor.post(ADD_URL, form_data(title_en="Office closed on Friday", cities=[astana()], status="published"))
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Notice.objects.get(title_en="Office closed on Friday")
    assert created.status == Notice.Status.DRAFT  # an editor cannot publish, even by posting the field
    assert created.updated_by == editor.user
    assert "Office closed on Friday" not in page_html(client, "/en/cities/astana/")


def test_a_publisher_publishes_with_the_action_and_readers_see_it_at_once(staff_client, client):
    draft = notice("Office closed on Friday", cities=["astana"], published=False)
    page_html(client, "/en/cities/astana/")  # stored in the page cache before the publish
    publisher = staff_client("publisher")
    response = publisher.post(LIST_URL, {"action": "publish", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Notice.Status.PUBLISHED and draft.published_by == publisher.user
    assert "Office closed on Friday" in page_html(client, "/en/cities/astana/")
    assert LogEntry.objects.filter(object_id=str(draft.pk), user=publisher.user, change_message="Published.").exists()


def test_an_editor_has_no_publish_action_and_cannot_change_a_published_notice(staff_client):
    published = notice("Published by a publisher", cities=["astana"])
    draft = notice("Still a draft", cities=["astana"], published=False)
    editor = staff_client("editor")
    assert 'value="publish"' not in page_html(editor, LIST_URL)
    editor.post(LIST_URL, {"action": "publish", "_selected_action": [draft.pk]})
    assert Notice.objects.get(pk=draft.pk).status == Notice.Status.DRAFT
    assert 'name="_save"' not in page_html(editor, change_url(published))  # read only for an editor
    response = editor.post(change_url(published), form_data(published, title_en="Changed"))
    assert response.status_code == 403
    assert Notice.objects.get(pk=published.pk).title_en == "Published by a publisher"


def test_a_publisher_can_withdraw_a_notice(staff_client, client):
    shown = notice("Withdraw me", site_wide=True)
    staff_client("publisher").post(LIST_URL, {"action": "withdraw", "_selected_action": [shown.pk]})
    assert Notice.objects.get(pk=shown.pk).status == Notice.Status.DRAFT
    assert "Withdraw me" not in page_html(client, "/en/")


def test_every_change_is_kept_in_the_history_with_who_and_when(staff_client):
    editor, publisher = staff_client("editor"), staff_client("publisher")
    editor.post(ADD_URL, form_data(title_en="First words", cities=[astana()]))
    created = Notice.objects.get(title_en="First words")
    editor.post(change_url(created), form_data(created, title_en="Better words"))
    publisher.post(LIST_URL, {"action": "publish", "_selected_action": [created.pk]})
    entries = LogEntry.objects.filter(object_id=str(created.pk)).order_by("action_time")
    assert [entry.user for entry in entries] == [editor.user, editor.user, publisher.user]
    history = page_html(publisher, f"/admin/site/notice/{created.pk}/history/")
    assert editor.user.username in history and publisher.user.username in history


def test_the_second_of_two_saves_is_refused_and_keeps_its_text(staff_client):
    amina, boris = staff_client("publisher"), staff_client("publisher")
    opened = notice("The office moved", cities=["astana"])
    assert amina.post(change_url(opened), form_data(opened, title_en="The office moved to 5 Abai St.")).status_code == 302
    response = boris.post(change_url(opened), form_data(opened, title_en="Boris's wording"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{amina.user.username} changed this notice on" in html
    assert "Boris&#x27;s wording" in html  # his text is still in the form
    assert Notice.objects.get(pk=opened.pk).title_en == "The office moved to 5 Abai St."
    # Saving once more, now knowing of Amina's change, replaces it.
    latest = Notice.objects.get(pk=opened.pk)
    assert boris.post(change_url(opened), form_data(latest, title_en="Boris's wording")).status_code == 302
    assert Notice.objects.get(pk=opened.pk).title_en == "Boris's wording"


def test_a_notice_must_apply_somewhere_and_end_after_it_starts(staff_client):
    editor = staff_client("editor")
    nowhere = editor.post(ADD_URL, form_data(title_en="Where?"))
    assert "Say where the notice applies" in nowhere.content.decode()
    backwards = editor.post(ADD_URL, form_data(title_en="When?", site_wide="on", ends_at_0="2020-01-01", ends_at_1="00:00:00"))
    assert "The end must come after the start." in backwards.content.decode()
    assert not Notice.objects.filter(title_en__in=["Where?", "When?"]).exists()


def test_the_form_has_a_tab_per_language(staff_client):
    html = page_html(staff_client("editor"), ADD_URL)
    for code in ("en", "ru", "kk", "ar", "prs", "zh_hans", "ug", "uz", "uk", "ps"):
        assert f'name="title_{code}"' in html
    assert 'name="title_ar"' in html and 'dir="rtl"' in html
