"""A Telegram bot's webhook: Telegram POSTs each update, and the reply goes back inside the HTTP response.

The site never calls Telegram and keeps no chat: the chat id is only echoed back in the reply, and the
conversation's state travels in Telegram's own messages — the language and the step of a question in the
inline buttons' callback data (`<action>:<language>[:<argument>…]`, at most 64 bytes), and in the question
the bot asked when the person answers it (a forced reply carries the bot's question back). Protected by a
secret in the address (TELEGRAM_WEBHOOK_SECRET) and Telegram's secret-token header (TELEGRAM_SECRET_TOKEN);
without both set, the address does not exist. How to connect a bot: docs/chat-lines.md.
"""

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language_info, override
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from config.language_fallback import localized
from config.site.plan import DATE_QUESTIONS, Situation
from offices.models import City

from . import answers
from .reading import LANGUAGE_CODES, chat_language, find_city, looks_like_a_date, read_date
from .webhooks import json_body, private_json, refused, secret_matches

SECRET_HEADER = "HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN"
CALLBACK_DATA_BYTES = 64  # Telegram's limit
TELEGRAM_KEEPS_THE_CHAT = _(
    "Telegram keeps this chat on its servers and on your phone. This service keeps nothing you write: to remove "
    "the chat, delete it in Telegram."
)
# Callback data actions: the menu, a question of the menu, a city's application point, a situation (and its date).
MENU, QUESTION, CITY, SITUATION = "m", "q", "c", "s"


def _button(text, *data):
    callback_data = ":".join(data)
    if len(callback_data.encode()) > CALLBACK_DATA_BYTES:
        return None  # a slug too long to travel; the person can still write the city's name
    return {"text": str(text), "callback_data": callback_data}


def _keyboard(buttons, per_row=2):
    buttons = [button for button in buttons if button]
    return {"inline_keyboard": [buttons[i:i + per_row] for i in range(0, len(buttons), per_row)]}


def menu_keyboard(language):
    with override(language):
        return _keyboard(_button(label, QUESTION, language, key) for key, label in answers.QUESTIONS.items())


def language_keyboard():
    return _keyboard((_button(get_language_info(code)["name_local"], MENU, code) for code in LANGUAGE_CODES), per_row=3)


def city_keyboard(language):
    cities = City.objects.listed()
    return _keyboard(_button(localized(city, "name", language).value, CITY, language, city.slug) for city in cities)


def situation_keyboard(language, date=None):
    with override(language):
        extra = (f"{date:%Y%m%d}",) if date else ()
        return _keyboard((_button(label, SITUATION, language, value, *extra) for value, label in Situation.choices), per_row=1)


class Reply:
    """The one Bot API method the webhook's response carries, for one chat."""

    def __init__(self, chat_id, message_id=None):
        self.chat_id, self.message_id = chat_id, message_id

    def send(self, text, reply_markup=None):
        method = {"method": "sendMessage", "chat_id": self.chat_id, "text": str(text)}
        if reply_markup:
            method["reply_markup"] = reply_markup
        return method

    def edit(self, text, reply_markup=None):
        """The message with the buttons, rewritten (a new language); a new message when there is none to edit."""
        if self.message_id is None:
            return self.send(text, reply_markup)
        return {**self.send(text, reply_markup), "method": "editMessageText", "message_id": self.message_id}

    def ask(self, text, placeholder=""):
        """A question the person answers by replying: the question comes back with the answer (the step's state)."""
        markup = {"force_reply": True, **({"input_field_placeholder": placeholder} if placeholder else {})}
        return self.send(text, markup)


def answered(reply, language, answer):
    return reply.send(answer.text, menu_keyboard(language))


def refusal(reply, language, error):
    with override(language):
        return reply.send(f"{error.message}\n{answers.hotline_line(language)}", menu_keyboard(language))


def on_question(reply, language, question):
    with override(language):
        if question == answers.APPLY:
            return reply.send(answers.CHOOSE_CITY, city_keyboard(language))
        if question == answers.DEADLINE:
            return reply.send(answers.WHAT_HAPPENED, situation_keyboard(language))
        if question == answers.CHECK:
            return reply.ask(answers.contact_question(language))
        if question == answers.LANGUAGE:
            return reply.edit(answers.QUESTIONS[answers.LANGUAGE], language_keyboard())
    if question == answers.HOTLINE:
        return answered(reply, language, answers.hotline_answer(language))
    if question == answers.CHANGES:
        return answered(reply, language, answers.changes_answer(language))
    return start(reply, language)


def deadline(reply, language, situation, date_text):
    try:
        return answered(reply, language, answers.deadline_answer(language, situation, date_text))
    except answers.Refusal as error:
        return refusal(reply, language, error)


def on_situation(reply, language, situation, compact_date=""):
    """A situation chosen: its deadline when the date came with it (or none is needed), else its date asked."""
    try:
        situation = Situation(situation)
    except ValueError:
        return start(reply, language)
    if compact_date or not answers.needs_date(situation):
        return deadline(reply, language, situation.value, compact_date)
    return reply.ask(answers.date_question(language, situation), placeholder="05.12.2026")


def on_callback(callback):
    message = callback.get("message") or {}
    chat_id = (message.get("chat") or {}).get("id")
    if chat_id is None:
        return None  # a button of an inline message: no chat to answer in
    reply = Reply(chat_id, message.get("message_id"))
    action, _sep, rest = str(callback.get("data") or "").partition(":")
    language, _sep, argument = rest.partition(":")
    if language not in LANGUAGE_CODES:
        return start(reply, chat_language((callback.get("from") or {}).get("language_code")))
    if action == MENU:  # a language chosen: the welcome (often the first reply, with its note) rewritten in it
        with override(language):
            return reply.edit(answers.welcome(language, TELEGRAM_KEEPS_THE_CHAT).text, menu_keyboard(language))
    if action == QUESTION:
        return on_question(reply, language, argument)
    if action == CITY:
        city = City.objects.listed().filter(slug=argument).first()
        return answered(reply, language, answers.apply_answer(language, city)) if city else start(reply, language)
    if action == SITUATION:
        return on_situation(reply, language, *argument.split(":", 1))
    return start(reply, language)


def start(reply, language):
    """The first reply (and the menu): what this is, that Telegram keeps the chat, the questions, the hotline."""
    with override(language):
        return reply.send(answers.welcome(language, TELEGRAM_KEEPS_THE_CHAT).text, menu_keyboard(language))


def asked_step(message):
    """The bot's own question this message answers, read back from its text: ("date", language, situation),
    ("contact", language, None) or None. The person's state was never kept: it is the question itself."""
    asked = message.get("reply_to_message") or {}
    if not (asked.get("from") or {}).get("is_bot"):
        return None
    text = (asked.get("text") or "").strip()
    for language in LANGUAGE_CODES:
        if text == answers.contact_question(language).strip():
            return "contact", language, None
        for situation in DATE_QUESTIONS:
            if text == answers.date_question(language, situation).strip():
                return "date", language, situation
    return None


def on_text(reply, language, text):
    """Text that answers no question: a date, a city's name or a contact, read from the text alone."""
    if looks_like_a_date(text):
        date = read_date(text)
        if date is None:
            return deadline(reply, language, Situation.REJECTED, text)  # the plan's own "give the date as…" answer
        with override(language):
            return reply.send(answers.WHAT_HAPPENED, situation_keyboard(language, date))
    city, spelled_in = find_city(text)
    if city is not None:
        # Written in one language's spelling (آلماتی is Dari): answered in it, unless the chat's is one of them.
        language = language if language in spelled_in or not spelled_in else spelled_in[0]
        return answered(reply, language, answers.apply_answer(language, city))
    if answers.readable_contact(text, kinds=answers.CHECKED_WITHOUT_ASKING):
        return answered(reply, language, answers.check_answer(language, text))
    return answered(reply, language, answers.not_understood(language))


def on_message(message):
    chat_id = (message.get("chat") or {}).get("id")
    text = (message.get("text") or "").strip()
    if chat_id is None:
        return None
    reply = Reply(chat_id)
    language = chat_language((message.get("from") or {}).get("language_code"))
    if not text:
        return start(reply, language)  # a photo, a sticker, a voice message: the menu
    if text.startswith("/"):
        command = text.split()[0].split("@")[0].lower()
        return on_question(reply, language, answers.LANGUAGE) if command == "/language" else start(reply, language)
    step = asked_step(message)
    if step and step[0] == "date":
        return deadline(reply, step[1], step[2].value, text)
    if step and step[0] == "contact":
        try:
            return answered(reply, step[1], answers.check_answer(step[1], text))
        except answers.Refusal as error:
            return refusal(reply, step[1], error)
    return on_text(reply, language, text)


def reply_to(update):
    """The Bot API method answering one update, or None (an update this bot does not answer)."""
    if isinstance(update.get("callback_query"), dict):
        return on_callback(update["callback_query"])
    if isinstance(update.get("message"), dict):
        return on_message(update["message"])
    return None


@csrf_exempt  # Telegram has no CSRF token: the secret address and the secret-token header protect it
@transaction.non_atomic_requests  # it only reads
def webhook(request, secret):
    if not (settings.TELEGRAM_SECRET_TOKEN and secret_matches(secret, settings.TELEGRAM_WEBHOOK_SECRET)):
        return refused(404)
    if request.method != "POST":
        return refused(405)
    if not secret_matches(request.META.get(SECRET_HEADER), settings.TELEGRAM_SECRET_TOKEN):
        return refused(403)
    update = json_body(request)
    if update is None:
        return refused(400)
    method = reply_to(update)
    return private_json(method or {})  # {}: nothing to send (Telegram only needs the 200)
