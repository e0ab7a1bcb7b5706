"""The plan through the API: POST only, the same answer as the reader's page, never stored and never logged."""

import json
import logging
from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db

QUESTION = {"situation": "rejected", "date": "2026-02-27T16:45", "city": "almaty"}


def ask(client, lang="en", **question):
    return client.post(f"/api/v1/{lang}/plan/", json.dumps(question), content_type="application/json")


def test_a_rejection_date_gives_the_appeal_deadline(client):
    response = ask(client, **QUESTION)
    assert response.status_code == HTTPStatus.OK
    answer = response.json()
    assert answer["situation"] == "rejected" and answer["city"] == "almaty"
    assert answer["steps"][0]["title"] == "Appeal in court"
    assert answer["steps"][0]["deadline"] == "2026-05-27"  # 3 months after the day it was received; the hour does not count
    assert answer["steps"][0]["partners"]  # free legal help, in Almaty
    assert answer["apply_offices"][0]["kind"] == "asylum"


def test_the_answer_is_in_the_language_of_the_address(client):
    answer = ask(client, "ru", **QUESTION).json()
    assert answer["steps"][0]["title"] == "Обжалуйте решение в суде"


def test_nothing_of_the_answer_is_kept(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = ask(client, **QUESTION)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Access-Control-Allow-Origin" not in response  # reading is open to other sites; a person's question is not
    assert "Set-Cookie" not in response and not response.cookies
    assert ask(client, **QUESTION).get("X-Page-Cache") is None  # never looked up in, or stored to, the page cache


def test_the_logs_hold_nothing_a_person_sent(client, caplog):
    caplog.set_level(logging.DEBUG)
    ask(client, **QUESTION)
    ask(client, "ru", situation="rejected", date="2026-02-27T16:45", city="secret-town-name")
    ask(client, "ru", situation="rejected", date="not a date")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in ("2026-02-27", "16:45", "secret-town-name", "not a date", "rejected"):
        assert secret not in logged, f"{secret!r} is in the log:\n{logged}"


@pytest.mark.parametrize(
    ("lang", "detail", "date_error"),
    [
        ("ru", "Не удалось прочитать этот запрос", "Когда вы получили решение?"),
        ("ar", "تعذّرت قراءة هذا الطلب", None),
    ],
)
def test_a_question_without_its_date_is_a_localized_400(client, lang, detail, date_error):
    response = ask(client, lang, situation="rejected")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    body = response.json()
    assert body["status"] == 400 and list(body["errors"]) == ["date"]
    assert body["detail"] == detail
    if date_error:
        assert body["errors"]["date"] == [date_error]


def test_a_body_that_is_not_json_is_a_400(client):
    response = client.post("/api/v1/uk/plan/", "situation=rejected", content_type="application/json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["status"] == 400


def test_the_plan_is_never_read_by_get(client):
    assert client.get("/api/v1/en/plan/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_a_crossing_with_its_time_gets_24_hours_and_a_day_off_its_working_day(client):
    crossing = client.post("/api/v1/en/plan/", {"situation": "irregular", "date": "2026-11-30T06:00"}, content_type="application/json")
    assert crossing.status_code == 200
    assert crossing.json()["steps"][0]["deadline"] == "2026-12-01T06:00"
    assert crossing.json()["steps"][0]["note"] == "Count 24 hours from the time you crossed."
    appeal = client.post("/api/v1/en/plan/", {"situation": "rejected", "date": "2026-11-20"}, content_type="application/json")
    step = appeal.json()["steps"][0]
    assert (step["deadline"], step["deadline_on_a_day_off"], step["go_by"]) == ("2027-02-20", True, "2027-02-19")
