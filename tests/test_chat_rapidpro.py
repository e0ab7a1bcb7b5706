"""RapidPro's call_webhook: a flow's question as JSON, the answer as JSON with plain text for an SMS; the token
protects it, bad input gets a 400 in the person's language, and nothing is kept."""

import datetime
import json
import logging
from http import HTTPStatus
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils.translation import gettext, override

from config.site.models import FraudulentContact

pytestmark = pytest.mark.django_db

ADDRESS = "/chat/rapidpro/"
SECRET = "rapidpro-secret-3e6c0b"
EXAMPLE_FLOW = Path(__file__).resolve().parent.parent / "docs" / "chat-lines-rapidpro-flow.json"


@pytest.fixture(autouse=True)
def workspace_secret(settings):
    settings.RAPIDPRO_WEBHOOK_SECRET = SECRET


def ask(client, token=SECRET, **question):
    headers = {"Authorization": f"Token {token}"} if token else {}
    return client.post(ADDRESS, json.dumps(question), content_type="application/json", headers=headers)


def test_a_rejection_date_gets_the_appeal_deadline(client):
    response = ask(client, question="deadline", language="prs", situation="rejected", date="2026-12-01", city="almaty")
    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"] and not response.cookies
    answer = response.json()
    assert answer["deadline"] == "2027-03-01" and answer["situation"] == "rejected" and answer["city"] == "almaty"
    assert answer["language"] == "prs" and answer["hotline"] == "+7 701 744 7238"
    with override("prs"):
        assert answer["text"].startswith(f"{gettext('Appeal in court')}.\n{gettext('Appeal by')}: 1 ")
    assert answer["text"].endswith("\u2066+7 701 744 7238\u2069")
    assert len(answer["text"]) <= 160  # one SMS (of 70-character parts in Arabic script: still short)


def test_rapidpros_language_codes_and_a_city_by_its_name(client):
    answer = ask(client, question="apply", language="rus", city="Алматы").json()
    assert answer["language"] == "ru" and answer["city"] == "almaty"
    assert answer["text"].startswith("Куда подавать заявление — Алматы:")
    assert answer["offices"][0]["name"] == "Управление занятости и социальных программ города Алматы"
    assert ask(client, question="hotline", language="pus").json()["language"] == "ps"


def test_every_question_of_the_menu_is_answered_in_every_language(client, settings):
    for code, _name in settings.LANGUAGES:
        for question in ("hotline", "changes", "language"):
            response = ask(client, question=question, language=code)
            assert response.status_code == HTTPStatus.OK, (code, question)
            assert "+7 701 744 7238" in response.json()["text"]
        checked = ask(client, question="check", language=code, contact="+7 701 744 72 38").json()
        assert checked["result"] == "listed"
    languages = ask(client, question="language", language="en").json()["languages"]
    assert {"code": "prs", "iso639_3": "prs", "name": "دری"} in languages


@pytest.mark.parametrize(
    ("question", "error", "message"),
    [
        ({"question": "deadline", "language": "ru", "situation": "rejected", "date": "31.02.2026"}, "date",
         "Please give the date as day, month and year, e.g. 2026-12-14."),
        ({"question": "deadline", "language": "ar", "situation": "rejected"}, "date", "When did you receive the decision?"),
        ({"question": "deadline", "language": "uk", "situation": "rejected", "date": "2099-01-01"}, "date",
         "This date is in the future. Please give the day it happened."),
        ({"question": "apply", "language": "prs", "city": "Atlantis"}, "city",
         "This city is not in our directory. Choose a city from the list, or call the UNHCR hotline."),
        ({"question": "weather", "language": "kk"}, "question", "This request could not be read"),
    ],
)
def test_bad_input_gets_a_400_in_the_persons_language(client, question, error, message):
    response = ask(client, **question)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    body = response.json()
    language = {"ru": "ru", "ar": "ar", "uk": "uk", "prs": "prs", "kk": "kk"}[question["language"]]
    with override(language):
        assert body["error"] == error and body["text"].startswith(gettext(message))
    assert "+7 701 744 7238" in body["text"]


def test_the_webhook_needs_its_token(client, settings):
    assert ask(client, token="wrong", question="hotline").status_code == HTTPStatus.FORBIDDEN
    assert ask(client, token=None, question="hotline").status_code == HTTPStatus.FORBIDDEN
    assert client.get(ADDRESS).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    not_json = client.post(ADDRESS, "question=hotline", content_type="text/plain", headers={"Authorization": f"Token {SECRET}"})
    assert not_json.status_code == HTTPStatus.BAD_REQUEST
    settings.RAPIDPRO_WEBHOOK_SECRET = ""
    assert ask(client, question="hotline").status_code == HTTPStatus.NOT_FOUND


def test_nothing_is_kept(client, caplog):
    caplog.set_level(logging.DEBUG)
    before = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    ask(client, question="deadline", language="prs", situation="rejected", date="2026-11-28", city="almaty")
    ask(client, question="check", language="en", contact="+7 705 123 45 67")
    ask(client, question="deadline", language="en", situation="rejected", date="not-a-day-17")
    after = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    assert after == before
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in ("2026-11-28", "77051234567", "705 123 45 67", "not-a-day-17", SECRET):
        assert secret not in logged, f"{secret!r} is in the log:\n{logged}"


def test_the_example_flow_calls_this_webhook(client):
    flow = json.loads(EXAMPLE_FLOW.read_text())
    actions = [action for f in flow["flows"] for node in f["nodes"] for action in node.get("actions", [])]
    webhook = next(action for action in actions if action["type"] == "call_webhook")
    assert webhook["method"] == "POST" and webhook["url"].endswith(ADDRESS)
    assert webhook["headers"]["Authorization"].startswith("Token ")
    assert '"question"' in webhook["body"] and "deadline" in webhook["body"]


def test_a_contact_staff_approved_as_fraudulent_is_warned_about(client):
    ana, bek = (get_user_model().objects.create_user(name, password="x", is_staff=True) for name in ("ana", "bek"))
    warned = FraudulentContact(kind="phone", value="+7 (705) 111 22 33", source="Police warning",
                               reported_on=datetime.date(2026, 3, 2), added_by=ana)
    warned.full_clean()
    warned.save()
    assert ask(client, question="check", language="uz", contact="87051112233").json()["result"] == "not-listed"
    assert warned.approve(bek)  # a second person approves it
    answer = ask(client, question="check", language="uz", contact="87051112233").json()
    assert answer["result"] == "fraudulent" and "705" not in answer["text"]  # the contact is never repeated
    with override("uz"):
        assert answer["text"].startswith(gettext("Warning: fraudsters use this contact"))
