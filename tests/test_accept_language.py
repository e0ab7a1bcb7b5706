"""`/` sends every reader to their language, or the nearest one we have, as real phones announce it."""

import pytest

from config.language_negotiation import language_from_accept_language

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

# Accept-Language headers as phones and browsers send them, and where `/` must send their reader.
REAL_HEADERS = [
    # Dari readers: Persian phones in Afghanistan and Iran, and Windows' own Dari locale.
    ("fa-AF,fa;q=0.9,en-US;q=0.8,en;q=0.7", "prs"),  # Chrome on Android, Persian (Afghanistan)
    ("fa-IR,fa;q=0.9", "prs"),  # Safari on iPhone, Persian
    ("fa,en-US;q=0.7,en;q=0.3", "prs"),  # Firefox, Persian
    ("fa", "prs"),
    ("prs-AF,prs;q=0.9,en;q=0.8", "prs"),  # Edge on Windows, Dari
    ("prs", "prs"),
    ("ps-AF,ps;q=0.9,fa;q=0.8,en;q=0.5", "ps"),  # a Pashto phone gets Pashto, the tenth language
    ("ps", "ps"),
    # Chinese, whatever the script or region.
    ("zh-CN,zh;q=0.9,en;q=0.8", "zh-hans"),  # Chrome, simplified
    ("zh-CN,zh-Hans;q=0.9", "zh-hans"),  # iPhone, simplified
    ("zh-TW,zh-Hant;q=0.9", "zh-hans"),  # iPhone, Taiwan
    ("zh-Hant-HK,zh-HK;q=0.9,en;q=0.8", "zh-hans"),  # Hong Kong
    ("zh-HK,zh;q=0.9,en;q=0.8", "zh-hans"),
    ("zh-CN,zh;q=0.8,zh-TW;q=0.7,zh-HK;q=0.5,en-US;q=0.3,en;q=0.2", "zh-hans"),  # Firefox
    ("zh", "zh-hans"),
    # Uzbek in either script, Uyghur in any region or script.
    ("uz-UZ,uz;q=0.9,ru-RU;q=0.8,ru;q=0.7", "uz"),  # Android, Uzbek
    ("uz-Latn-UZ,uz;q=0.9,ru;q=0.8", "uz"),  # Windows, Uzbek (Latin)
    ("uz-Cyrl-UZ,ru;q=0.8", "uz"),
    ("uz-Cyrl", "uz"),
    ("ug-CN,ug;q=0.9,zh-CN;q=0.8,zh;q=0.7", "ug"),  # Android, Uyghur (China)
    ("ug-Arab-CN", "ug"),
    ("ug-Arab", "ug"),
    ("ug", "ug"),
    # The other languages with their regions.
    ("kk-KZ,kk;q=0.9,ru-RU;q=0.8,ru;q=0.7,en-US;q=0.6,en;q=0.5", "kk"),
    ("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"),
    ("uk-UA,uk;q=0.9,ru;q=0.8,en-US;q=0.7,en;q=0.6", "uk"),
    ("ar-SA,ar;q=0.9,en-US;q=0.8,en;q=0.7", "ar"),
    ("ar-EG,ar;q=0.9", "ar"),
    ("ar-SY", "ar"),
    ("en-US,en;q=0.9", "en"),
    ("en-GB", "en"),
    # The first preference is missing here: the next one we have comes before English.
    ("de-DE,ru;q=0.8", "ru"),
    ("tg-TJ,tg;q=0.9,ru-RU;q=0.8,ru;q=0.7", "ru"),  # Tajik
    ("ky-KG,ky;q=0.9,ru;q=0.8,en;q=0.5", "ru"),  # Kyrgyz
    ("tr-TR,tr;q=0.9,en-US;q=0.8,en;q=0.7", "en"),
    ("de-DE,de;q=0.9", "en"),
    # Weights, not the order, rank the preferences; q=0 means "not this one".
    ("en;q=0.5,ru;q=0.9", "ru"),
    ("ru;q=0,kk", "kk"),
    ("ru;q=0.8,ar;q=0.8", "ru"),  # equal weights keep the order
    # Odd and broken headers.
    ("ZH_cn", "zh-hans"),
    (" ru-RU , en ; q=0.5", "ru"),
    ("ru;q=abc,kk;q=0.5", "kk"),
    ("*", "en"),
    ("", "en"),
    ("garbage;;;,,,", "en"),
    ("ru," * 300, "en"),  # far longer than any browser sends
]


@pytest.mark.parametrize(("header", "language"), REAL_HEADERS)
def test_root_sends_a_phone_to_its_language(client, header, language):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"
    assert "Accept-Language" in response["Vary"]


def test_second_preference_comes_before_english():
    assert language_from_accept_language("de-DE,ru;q=0.8") == "ru"
    assert language_from_accept_language("de-DE") is None


def test_the_language_cookie_comes_first(client):
    client.cookies["django_language"] = "kk"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fa-AF,fa;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/kk/"


def test_a_cookie_for_a_language_we_do_not_have_is_ignored(client):
    client.cookies["django_language"] = "fa"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fa-AF,fa;q=0.9")
    assert response["Location"] == "/prs/"


def test_an_address_without_its_language_goes_to_the_readers_language(client):
    response = client.get("/guidance/refugees/", HTTP_ACCEPT_LANGUAGE="fa-AF,fa;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/prs/guidance/refugees/"
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert '<html lang="prs" dir="rtl">' in response.content.decode()
