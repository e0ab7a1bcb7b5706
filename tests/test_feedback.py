"""'Was this page useful?': anonymous answers per revision and language, one per page per browser, no JavaScript needed."""

import re

import pytest
from django.db import models

from guidance.models import FeedbackVote, GuidancePage, Revision
from tests.factories import QUERY_BUDGET, draft_revision, published_revision
from tests.pages import page_html

pytestmark = pytest.mark.django_db

FROM_OUR_PAGE = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def page_revision(slug="refugees"):
    return GuidancePage.objects.get(slug=slug).current_revision


def vote(client, answer, slug="refugees", language="en", revision=None, headers=FROM_OUR_PAGE):
    revision = revision or page_revision(slug)
    return client.post(
        f"/{language}/guidance/{slug}/feedback/", {"revision": revision.pk, "answer": answer}, **headers
    )


@pytest.mark.parametrize("slug", ["asylum-seekers", "refugees", "stateless"])
def test_every_guidance_page_ends_with_the_question_as_a_plain_form(client, slug):
    html = page_html(client, f"/en/guidance/{slug}/")
    form = re.search(r'<section class="feedback".*?</section>', html, re.S).group(0)
    assert "Was this page useful?" in form
    assert f'<form method="post" action="/en/guidance/{slug}/feedback/">' in form
    assert f'name="revision" value="{page_revision(slug).pk}"' in form
    assert '<button type="submit" name="answer" value="yes">Yes</button>' in form
    assert '<button type="submit" name="answer" value="no">No</button>' in form
    assert html.index('class="feedback"') > html.index("</article>")


def test_the_page_html_is_the_same_for_every_reader_so_it_can_be_cached(client):
    first = client.get("/en/guidance/refugees/").content
    vote(client, "no")
    assert client.get("/en/guidance/refugees/").content == first
    assert b"csrfmiddlewaretoken" not in first
    response = client.get("/en/guidance/refugees/")
    assert "Cookie" not in response.get("Vary", "")


def test_staff_preview_has_no_question(admin_client):
    from guidance.views import render_revision

    page = GuidancePage.objects.get(slug="refugees")
    draft = draft_revision(page, title_en="Draft")
    request = admin_client.get("/en/").wsgi_request
    html = render_revision(request, page, draft, preview=True).content.decode()
    assert 'class="feedback"' not in html


def test_yes_is_counted_for_the_revision_and_language_read_and_thanked(client):
    response = vote(client, "yes", language="ru")
    assert response.status_code == 302
    assert response["Location"] == "/ru/guidance/refugees/feedback/"
    answer = FeedbackVote.objects.get()
    assert (answer.revision, answer.language, answer.useful, answer.reason) == (page_revision(), "ru", True, "")
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert '<html lang="ru"' in thanks.content.decode()
    assert "Спасибо за ответ" in thanks.content.decode()  # thanked in the language read
    assert 'name="reason"' not in thanks.content.decode()


def test_no_asks_for_an_optional_reason_and_keeps_it(client):
    response = vote(client, "no")
    html = page_html(client, response["Location"])
    assert "Thank you for your answer" in html
    assert "You do not have to answer" in html
    for value in ("hard", "outdated", "language", "other"):
        assert f'value="{value}"' in html
    assert 'href="/en/guidance/refugees/"' in html  # leaving without a reason is fine

    response = client.post("/en/guidance/refugees/feedback/reason/", {"reason": "outdated"}, **FROM_OUR_PAGE)
    assert response.status_code == 302
    answer = FeedbackVote.objects.get()
    assert (answer.useful, answer.reason) == (False, "outdated")
    html = page_html(client, "/en/guidance/refugees/feedback/")
    assert "Thank you for your answer" in html and 'name="reason"' not in html


def test_reason_is_given_once_and_only_to_ones_own_no(client):
    vote(client, "no")
    client.post("/en/guidance/refugees/feedback/reason/", {"reason": "hard"}, **FROM_OUR_PAGE)
    client.post("/en/guidance/refugees/feedback/reason/", {"reason": "other"}, **FROM_OUR_PAGE)
    assert FeedbackVote.objects.get().reason == "hard"

    other_vote = FeedbackVote.objects.create(revision=page_revision(), language="en", useful=False)
    other_client_response = client.__class__().post(
        "/en/guidance/refugees/feedback/reason/", {"reason": "other"}, **FROM_OUR_PAGE
    )
    assert other_client_response.status_code == 302
    other_vote.refresh_from_db()
    assert other_vote.reason == ""


def test_reason_form_without_a_choice_says_so(client):
    vote(client, "no")
    response = client.post("/en/guidance/refugees/feedback/reason/", {}, **FROM_OUR_PAGE)
    assert response.status_code == 400
    assert "Please choose one of the answers" in response.content.decode()


def test_one_answer_per_page_per_browser(client):
    vote(client, "yes")
    vote(client, "no")
    vote(client, "yes", language="ru")
    assert FeedbackVote.objects.count() == 1
    vote(client, "no", slug="stateless")  # another page is another question
    assert FeedbackVote.objects.count() == 2
    client.__class__().post(  # another browser
        "/en/guidance/refugees/feedback/", {"revision": page_revision().pk, "answer": "yes"}, **FROM_OUR_PAGE
    )
    assert FeedbackVote.objects.count() == 3


def test_votes_are_counted_per_revision_and_language(client):
    old = page_revision()
    for language, answer in [("en", "yes"), ("ru", "no"), ("kk", "yes")]:
        vote(client.__class__(), answer, language=language)
    new = published_revision(old.page, title_en="Refugees")
    vote(client.__class__(), "no", language="ru", revision=new)
    vote(client.__class__(), "yes", language="ru", revision=old)  # read just before the publish
    counts = {
        (row["revision"], row["language"], row["useful"]): row["n"]
        for row in FeedbackVote.objects.values("revision", "language", "useful").annotate(n=models.Count("pk"))
    }
    assert counts == {
        (old.pk, "en", True): 1,
        (old.pk, "ru", False): 1,
        (old.pk, "kk", True): 1,
        (new.pk, "ru", False): 1,
        (old.pk, "ru", True): 1,
    }


def test_vote_model_has_no_personal_data_column():
    columns = {field.name: field for field in FeedbackVote._meta.get_fields() if getattr(field, "concrete", False)}
    assert set(columns) == {"id", "revision", "language", "useful", "reason", "created_on"}
    personal = ("ip", "agent", "user", "session", "email", "name", "comment", "text", "address", "cookie", "fingerprint")
    assert not [name for name in columns if any(word in name for word in personal)]
    assert not [f for f in columns.values() if isinstance(f, (models.GenericIPAddressField, models.TextField))]
    assert not [f for f in columns.values() if f.is_relation and f.related_model is not Revision]
    assert isinstance(columns["created_on"], models.DateField) and not isinstance(columns["created_on"], models.DateTimeField)
    assert len(columns["reason"].choices) == 4  # a choice, never free text


@pytest.mark.parametrize(
    "headers",
    [
        {},  # no header at all (a script)
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/en/guidance/refugees/"},
    ],
)
def test_votes_from_other_sites_are_refused_with_a_clear_page(client, headers):
    response = vote(client, "yes", language="ru", headers=headers)
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="ru"' in html
    assert 'href="/ru/guidance/refugees/#feedback"' in html
    assert FeedbackVote.objects.count() == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/en/guidance/refugees/"},
    ],
)
def test_votes_from_our_own_pages_are_accepted(client, headers):
    assert vote(client, "yes", headers=headers).status_code == 302
    assert FeedbackVote.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"answer": "maybe"},
        {"answer": "yes"},
        {"answer": "yes", "revision": "not-a-number"},
        {"answer": "yes", "revision": "999999"},
        {"answer": "<script>alert(1)</script>", "revision": "\x00"},
    ],
)
def test_bad_answers_get_a_clear_page_not_an_error(client, data):
    response = client.post("/en/guidance/refugees/feedback/", data, **FROM_OUR_PAGE)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Was this page useful?" in html
    assert 'class="error"' in html
    assert "<script>alert" not in html
    assert FeedbackVote.objects.count() == 0


def test_only_published_revisions_of_that_page_can_be_rated(client):
    page = GuidancePage.objects.get(slug="refugees")
    draft = draft_revision(page, title_en="Draft")
    assert vote(client, "yes", revision=draft).status_code == 400
    assert vote(client, "yes", revision=page_revision("stateless")).status_code == 400
    assert FeedbackVote.objects.count() == 0


def test_opening_the_reason_address_leads_to_the_thank_you_page(client):
    response = client.get("/en/guidance/refugees/feedback/reason/")
    assert response.status_code == 302
    assert response["Location"] == "/en/guidance/refugees/feedback/"


def test_unknown_page_is_404(client):
    response = client.post("/en/guidance/no-such-page/feedback/", {"answer": "yes"}, **FROM_OUR_PAGE)
    assert response.status_code == 404


def test_feedback_page_without_an_answer_asks_the_question(client):
    html = page_html(client, "/kk/guidance/stateless/feedback/")
    assert '<form method="post" action="/kk/guidance/stateless/feedback/">' in html


def test_guidance_page_with_the_form_runs_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert 'class="feedback"' in page_html(client, "/en/guidance/asylum-seekers/")


def test_voting_runs_few_queries(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    revision = page_revision()
    with CaptureQueriesContext(connection) as captured:
        vote(client, "no", revision=revision)
    # Savepoints come from the test's own transaction; a real request commits without them.
    statements = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert len(statements) <= QUERY_BUDGET, statements
    with django_assert_max_num_queries(QUERY_BUDGET):
        client.get("/en/guidance/refugees/feedback/")
