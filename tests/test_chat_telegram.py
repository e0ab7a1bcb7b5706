"""The Telegram bot's webhook: recorded updates (Telegram's JSON, tests/fixtures/telegram/) in, the reply inside the
response out, in the chat's language; nothing about the chat kept in the database, the cache or the logs."""

import copy
import datetime
import json
import logging
from http import HTTPStatus
from pathlib import Path

import pytest
from django.apps import apps
from django.utils.formats import date_format
from django.utils.translation import gettext, override

from config.serving import hide_webhook_secret
from config.site.plan import DATE_QUESTIONS, Situation
from offices.models import Office

pytestmark = pytest.mark.django_db

RECORDED = Path(__file__).parent / "fixtures" / "telegram"
PATH_SECRET, TOKEN = "path-secret-8d1f03c2", "token-5b9e77a1"
ADDRESS = f"/chat/telegram/{PATH_SECRET}/"
CHAT_ID = 5170339412


@pytest.fixture(autouse=True)
def bot_secrets(settings):
    settings.TELEGRAM_WEBHOOK_SECRET = PATH_SECRET
    settings.TELEGRAM_SECRET_TOKEN = TOKEN


def recorded(name):
    return json.loads((RECORDED / f"{name}.json").read_text())


def post(client, update, *, address=ADDRESS, token=TOKEN):
    headers = {"X-Telegram-Bot-Api-Secret-Token": token} if token else {}
    return client.post(address, json.dumps(update), content_type="application/json", headers=headers)


def reply(client, update):
    response = post(client, update)
    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"] and not response.cookies
    return response.json()


def pressed(data):
    """The recorded button press, with another button's callback data."""
    update = recorded("button_deadline")
    update["callback_query"]["data"] = data
    return update


def buttons(method):
    return [button for row in method["reply_markup"]["inline_keyboard"] for button in row]


def in_language(language, text):
    with override(language):
        return gettext(text)


def test_start_answers_in_the_phones_language_and_says_telegram_keeps_the_chat(client):
    method = reply(client, recorded("start"))  # language_code "fa": Dari
    assert method["method"] == "sendMessage" and method["chat_id"] == CHAT_ID
    assert in_language("prs", "Telegram keeps this chat on its servers and on your phone. This service keeps nothing "
                              "you write: to remove the chat, delete it in Telegram.") in method["text"]
    assert "خط تیلفون عاجل کمیشنری: \u2066+7 701 744 7238\u2069" in method["text"]  # the hotline, its number left-to-right
    data = [button["callback_data"] for button in buttons(method)]
    assert data == ["q:prs:apply", "q:prs:deadline", "q:prs:hotline", "q:prs:changes", "q:prs:check", "q:prs:language"]
    assert buttons(method)[0]["text"] == in_language("prs", "Where to apply")


def test_a_city_written_in_dari_gets_its_application_point_in_dari(client):
    method = reply(client, recorded("city_in_dari"))  # آلماتی, from a phone set to English: Dari's spelling
    text = method["text"]
    assert text.startswith(f"{in_language('prs', 'Where to apply')} — آلماتی:")
    office = Office.objects.current().get(city__slug="almaty", kind=Office.Kind.ASYLUM_AUTHORITY)
    assert f"\n{office.name_prs}\n{office.address_prs}\n" in text  # the application point, in Dari
    assert text.endswith("\nخط تیلفون عاجل کمیشنری: \u2066+7 701 744 7238\u2069")
    assert method["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "q:prs:apply"


def test_a_date_answering_the_bots_question_gets_the_deadline_in_the_chats_language(client):
    situations = reply(client, recorded("button_deadline"))  # "My deadline" in a Dari chat
    assert situations["text"] == in_language("prs", "What happened?")
    rejected = next(b for b in buttons(situations) if b["callback_data"] == "s:prs:rejected")
    with override("prs"):
        assert rejected["text"] == str(Situation.REJECTED.label)
    question = reply(client, pressed("s:prs:rejected"))
    assert question["reply_markup"]["force_reply"] is True
    assert question["text"].startswith(in_language("prs", str(DATE_QUESTIONS[Situation.REJECTED])))

    update = recorded("date_reply")  # ۰۵.۱۲.۲۰۲۶, replying to the bot's question as Telegram sends it back
    update["message"]["reply_to_message"]["text"] = question["text"]
    answer = reply(client, update)
    with override("prs"):
        appeal_by = f"{gettext('Appeal by')}: {date_format(datetime.date(2027, 3, 5), 'DATE_FORMAT')}"
    assert appeal_by in answer["text"], answer["text"]
    assert answer["text"].startswith(in_language("prs", "Appeal in court"))
    assert answer["chat_id"] == CHAT_ID


def test_a_date_on_its_own_asks_what_happened_and_the_date_travels_in_the_buttons(client):
    update = recorded("start")
    update["message"]["text"] = "2026-12-05"
    del update["message"]["entities"]
    situations = reply(client, update)
    data = [b["callback_data"] for b in buttons(situations)]
    assert "s:prs:rejected:20261205" in data and all(len(d.encode()) <= 64 for d in data)
    answer = reply(client, pressed("s:prs:rejected:20261205"))
    assert "۲۰۲۷" in answer["text"] or "2027" in answer["text"]


def test_the_language_button_rewrites_the_menu_in_the_chosen_language(client):
    languages = reply(client, pressed("q:en:language"))
    assert "m:ps" in [b["callback_data"] for b in buttons(languages)]
    menu = reply(client, pressed("m:ru"))
    assert menu["method"] == "editMessageText" and menu["message_id"] == 2
    assert menu["text"].startswith(f"{in_language('ru', 'Help for people forced to flee in Kazakhstan')}.\n"
                                   f"{in_language('ru', 'Choose a question below.')}")
    assert in_language("ru", "Telegram keeps this chat on its servers and on your phone. This service keeps nothing "
                             "you write: to remove the chat, delete it in Telegram.") in menu["text"]
    assert buttons(menu)[1]["callback_data"] == "q:ru:deadline"


def test_a_contact_answering_the_bots_question_is_checked(client):
    question = reply(client, pressed("q:uk:check"))
    assert question["reply_markup"]["force_reply"] is True
    update = recorded("date_reply")
    update["message"]["reply_to_message"]["text"] = question["text"]
    update["message"]["text"] = "+7 701 744 72 38"
    answer = reply(client, update)
    assert answer["text"].startswith(in_language("uk", "Yes: this contact is on our list"))


def test_the_hotline_and_what_changed(client):
    hotline = reply(client, pressed("q:ar:hotline"))
    assert hotline["text"].startswith(in_language("ar", "Call the UNHCR hotline."))
    changes = reply(client, pressed("q:zh-hans:changes"))
    assert changes["text"].count("\n") >= 1 and "+7 701 744 7238" in changes["text"]


def test_text_it_cannot_read_gets_the_menu(client):
    update = recorded("city_in_dari")
    update["message"]["text"] = "hello?"
    method = reply(client, update)
    assert method["text"].startswith(in_language("en", "Sorry, this was not understood."))
    assert buttons(method)


def test_the_webhook_needs_its_secrets(client, settings):
    assert post(client, recorded("start"), token="wrong").status_code == HTTPStatus.FORBIDDEN
    assert post(client, recorded("start"), token=None).status_code == HTTPStatus.FORBIDDEN
    assert post(client, recorded("start"), address="/chat/telegram/guess/").status_code == HTTPStatus.NOT_FOUND
    assert client.get(ADDRESS).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    broken = client.post(ADDRESS, "{", content_type="application/json", headers={"X-Telegram-Bot-Api-Secret-Token": TOKEN})
    assert broken.status_code == HTTPStatus.BAD_REQUEST
    settings.TELEGRAM_WEBHOOK_SECRET = ""
    assert post(client, recorded("start")).status_code == HTTPStatus.NOT_FOUND


def _rows():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_nothing_about_the_chat_is_kept(client, caplog):
    caplog.set_level(logging.DEBUG)
    before = _rows()
    start = reply(client, recorded("start"))
    reply(client, recorded("city_in_dari"))
    question = reply(client, pressed("s:prs:rejected"))
    update = copy.deepcopy(recorded("date_reply"))
    update["message"]["reply_to_message"]["text"] = question["text"]
    reply(client, update)
    post(client, recorded("start"), token="wrong")
    assert _rows() == before  # no row written anywhere
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (str(CHAT_ID), "آلماتی", "۰۵.۱۲.۲۰۲۶", "2026-12-05", PATH_SECRET, TOKEN):
        assert secret not in logged, f"{secret!r} is in the log:\n{logged}"
    assert start["chat_id"] == CHAT_ID  # only echoed back


def test_the_servers_logs_leave_out_the_addresss_secret():
    assert hide_webhook_secret(f"POST {ADDRESS} HTTP/1.1") == "POST /chat/telegram/-/ HTTP/1.1"
    assert hide_webhook_secret("/en/chat/telegram-help/") == "/en/chat/telegram-help/"
    nginx = (Path(__file__).parent.parent / "config" / "nginx" / "help-site.conf").read_text()
    assert '"~^/chat/telegram/" "/chat/telegram/-/";' in nginx  # the same in nginx's access log
