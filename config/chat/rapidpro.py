"""RapidPro's webhook (a flow's `call_webhook` action): a question as JSON in, the answer as JSON out.

POST {"question": "deadline", "language": "prs", "situation": "rejected", "date": "2026-12-01", "city": "almaty"}
→ {"question": "deadline", "language": "prs", "text": "…plain text, the hotline last…", "deadline": "2027-03-01", …}

`language` is ours (prs) or RapidPro's ISO 639-3 (prs, rus, pus); `city` a slug or a name in any language;
`contact` (for "check") what the person was given. A question that cannot be answered gets a 400 with a message
in the person's language, which the flow may send as it is. Protected by `Authorization: Token <secret>`
(RAPIDPRO_WEBHOOK_SECRET); without it set, the address does not exist. How to connect: docs/chat-lines.md.
"""

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language_info, override
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from . import answers
from .reading import ISO_639_3, LANGUAGE_CODES, chat_language
from .webhooks import json_body, private_json, refused, secret_matches

UNREADABLE = _("This request could not be read")
TOKEN_PREFIX = "Token "
ISO_CODE_OF = {ours: iso for iso, ours in reversed(ISO_639_3.items())}  # prs → prs, ps → pus (the first listed wins)


def languages_answer(language):
    """The languages a flow can ask in, each in its own script, with the code to set on the contact."""
    names = [get_language_info(code)["name_local"] for code in LANGUAGE_CODES]
    with override(language):
        return answers.with_hotline(
            language, f"{answers.QUESTIONS[answers.LANGUAGE]}: {' · '.join(names)}", question=answers.LANGUAGE,
            languages=[{"code": code, "iso639_3": ISO_CODE_OF.get(code, ""), "name": get_language_info(code)["name_local"]}
                       for code in LANGUAGE_CODES],
        )


def answer(question, language, body):
    """The Answer to one question (a Refusal when it cannot be answered)."""
    def text(name):
        value = body.get(name)
        return str(value).strip() if isinstance(value, (str, int)) and value != "" else ""

    if question == answers.APPLY:
        return answers.apply_answer(language, answers.city_named(text("city")))
    if question == answers.DEADLINE:
        city = answers.city_named(text("city")) if text("city") else None
        return answers.deadline_answer(language, text("situation"), text("date"), city)
    if question == answers.HOTLINE:
        return answers.hotline_answer(language)
    if question == answers.CHANGES:
        return answers.changes_answer(language)
    if question == answers.CHECK:
        return answers.check_answer(language, text("contact"))
    if question == answers.LANGUAGE:
        return languages_answer(language)
    raise answers.Refusal("question", UNREADABLE)


@csrf_exempt  # a server calls it, not a browser: the token protects it
@transaction.non_atomic_requests  # it only reads
def webhook(request):
    secret = settings.RAPIDPRO_WEBHOOK_SECRET
    if not secret:
        return refused(404)
    if request.method != "POST":
        return refused(405)
    given = request.headers.get("Authorization", "")
    if not (given.startswith(TOKEN_PREFIX) and secret_matches(given.removeprefix(TOKEN_PREFIX).strip(), secret)):
        return refused(403)
    body = json_body(request) or {}
    language = chat_language(str(body.get("language") or ""))
    question = str(body.get("question") or "")
    question = question if question in answers.QUESTIONS else ""
    try:
        found = answer(question, language, body)
    except answers.Refusal as error:
        with override(language):
            message = f"{error.message}\n{answers.hotline_line(language)}"
        return private_json({"question": question, "language": language, "error": error.field_name, "text": message}, 400)
    return private_json({"question": question, "language": language, "text": found.text, **found.fields})
