"""Reading the site leaves nothing personal on the server: no session row, no cookie but the language
(and, after an answer, which pages were answered), and logs without the address or the query string."""

import logging

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from guidance.feedback import ANSWERED_COOKIE
from guidance.models import FeedbackVote, GuidancePage
from tests.pages import public_paths

pytestmark = pytest.mark.django_db

FROM_OUR_PAGE = {"HTTP_SEC_FETCH_SITE": "same-origin"}
READER = {"REMOTE_ADDR": "203.0.113.7", "HTTP_USER_AGENT": "Reader-Phone/1.0"}


def test_reading_answering_and_forgetting_create_no_session_and_no_other_cookie(client):
    for path in public_paths("ru") + ["/ru/guidance/refugees/feedback/"]:
        assert client.get(path, **READER).status_code == 200, path
    revision = GuidancePage.objects.get(slug="refugees").current_revision
    client.post("/ru/guidance/refugees/feedback/", {"revision": revision.pk, "answer": "no"}, **FROM_OUR_PAGE, **READER)
    client.post("/ru/guidance/refugees/feedback/reason/", {"reason": "hard"}, **FROM_OUR_PAGE, **READER)
    assert set(client.cookies) == {settings.LANGUAGE_COOKIE_NAME, ANSWERED_COOKIE}
    client.post("/ru/forget/", **FROM_OUR_PAGE, **READER)
    assert Session.objects.count() == 0
    vote = FeedbackVote.objects.values().get()
    assert "203.0.113.7" not in str(vote) and "Reader-Phone" not in str(vote)


def test_errors_are_logged_without_the_address_or_what_was_typed(client, caplog):
    with caplog.at_level(logging.INFO):
        client.get("/ru/no-such-page/?q=депортация", **READER)
        client.post("/ru/guidance/refugees/feedback/", {"answer": "yes", "q": "депортация"}, **READER)
        client.generic("TRACE", "/ru/?q=депортация", **READER)
    assert caplog.records, "the errors are logged"
    assert "депортация" not in caplog.text
    assert "203.0.113.7" not in caplog.text and "Reader-Phone" not in caplog.text


def test_no_error_is_mailed_anywhere():
    assert settings.ADMINS == [] and settings.MANAGERS == []
