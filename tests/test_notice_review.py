"""An editor's notice goes through review: submitted with an e-mail to the publishers of notices and a line on
their admin home; the publisher's approval publishes it and readers see it at once."""

import pytest

from config.site.models import Notice

from .factories import committed
from .pages import page_html
from .staff_profiles import member, sent_to
from .test_notice_admin import ADD_URL, LIST_URL, astana, form_data

pytestmark = pytest.mark.django_db


def submit(editor, **changes):
    with committed():
        response = editor.post(ADD_URL, {**form_data(cities=[astana()], **changes), "_submit_for_review": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Notice.objects.get(title_en=changes["title_en"])


def test_a_submitted_notice_is_on_the_publishers_admin_home_and_in_their_email(client, mailoutbox):
    russian_publisher, editor = member("publisher", language="ru"), member("editor")
    assert "Save and submit for review" in page_html(editor, ADD_URL)
    before = page_html(russian_publisher, "/admin/")
    notice = submit(editor, title_en="Astana office closed on Friday", level="urgent")
    assert notice.status == Notice.Status.REVIEW
    assert "Office closed" not in page_html(client, "/en/cities/astana/")  # not published yet

    home = page_html(russian_publisher, "/admin/")
    assert home != before and f'href="{LIST_URL}?status__exact=review"' in home
    (mail,) = sent_to(mailoutbox, russian_publisher.user)
    assert "Astana office closed on Friday" in mail.subject
    assert f"/admin/site/notice/{notice.pk}/change/" in mail.body
    assert sent_to(mailoutbox, editor.user) == []

    response = russian_publisher.post(LIST_URL, {"action": "publish", "_selected_action": [notice.pk]})
    assert response.status_code == 302
    assert "Astana office closed on Friday" in page_html(client, "/en/cities/astana/")


def test_a_plain_save_is_a_draft_and_tells_no_one(mailoutbox):
    member("publisher")
    editor = member("editor")
    with committed():
        editor.post(ADD_URL, form_data(title_en="Only a draft", cities=[astana()]))
    assert Notice.objects.get(title_en="Only a draft").status == Notice.Status.DRAFT and mailoutbox == []
