"""'Was this page useful?' cannot be flooded, and answering stores nothing personal: no session row,
no CSRF cookie, and a flood counter that cannot be traced back to an address."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from guidance import feedback
from guidance.models import FeedbackVote, GuidancePage

from .clock import clock_at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_clock_hour")]

FROM_OUR_PAGE = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def vote(client, slug="refugees", answer="no", **headers):
    revision = GuidancePage.objects.get(slug=slug).current_revision
    return client.post(
        f"/en/guidance/{slug}/feedback/", {"revision": revision.pk, "answer": answer}, **FROM_OUR_PAGE, **headers
    )


def test_a_burst_of_100_votes_from_one_client_stores_at_most_the_limit():
    responses = [vote(Client(), REMOTE_ADDR="203.0.113.7") for _attempt in range(100)]  # no cookies kept
    assert FeedbackVote.objects.count() == feedback.VOTES_PER_HOUR == 20
    assert [r.status_code for r in responses].count(302) == feedback.VOTES_PER_HOUR
    refused = responses[-1]
    assert refused.status_code == 429
    assert "Many answers came from your connection in the last hour" in refused.content.decode()
    # Another reader is not held back by the flood.
    assert vote(Client(), REMOTE_ADDR="198.51.100.20").status_code == 302
    assert FeedbackVote.objects.count() == feedback.VOTES_PER_HOUR + 1


def test_behind_the_proxy_each_reader_has_their_own_limit(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    for _attempt in range(feedback.VOTES_PER_HOUR + 5):
        vote(Client(), REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert vote(Client(), REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.20").status_code == 302
    assert FeedbackVote.objects.count() == feedback.VOTES_PER_HOUR + 1


def test_answering_creates_no_session_and_no_csrf_cookie(client, settings):
    response = vote(client)
    assert response.status_code == 302
    assert set(response.cookies) == {feedback.ANSWERED_COOKIE}
    answered = response.cookies[feedback.ANSWERED_COOKIE]
    assert answered["httponly"] and answered["max-age"] == "" and answered["expires"] == ""  # ends with the browser
    thanks = client.get(response["Location"])
    assert 'name="reason"' in thanks.content.decode()
    assert settings.CSRF_COOKIE_NAME not in thanks.cookies
    assert "private" in thanks["Cache-Control"]
    response = client.post("/en/guidance/refugees/feedback/reason/", {"reason": "hard"}, **FROM_OUR_PAGE)
    assert response.status_code == 302
    assert FeedbackVote.objects.get().reason == "hard"
    assert Session.objects.count() == 0


def test_a_forged_or_foreign_cookie_is_ignored(client):
    client.cookies[feedback.ANSWERED_COOKIE] = "1:1"  # not signed by us
    assert vote(client).status_code == 302
    assert FeedbackVote.objects.count() == 1


def test_reasons_from_other_sites_are_refused(client):
    vote(client)
    response = client.post("/en/guidance/refugees/feedback/reason/", {"reason": "hard"}, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert FeedbackVote.objects.get().reason == ""


def test_the_flood_counter_holds_a_keyed_hash_of_the_address_that_changes_every_day():
    vote(Client(), REMOTE_ADDR="203.0.113.7")
    keys = [key for key in cache._cache if "feedback-rate" in key]  # local memory cache in tests
    assert len(keys) == 1 and "203.0.113" not in keys[0]

    # Inside the module's stopped clock (one_clock_hour), a clock of its own: restored in order.
    with clock_at(timezone.now() + datetime.timedelta(days=1)):
        vote(Client(), REMOTE_ADDR="203.0.113.7")
    hashes = {key.split(":")[-2] for key in cache._cache if "feedback-rate" in key}
    assert len(hashes) == 2, "the same address is another key tomorrow"
