"""Check a contact: a person who was given a phone number, an e-mail address, a website or a messenger
name "from UNHCR" learns whether it is UNHCR's, a government office's or a partner's, with that entry's
source and last check, or that it is not on our list, with the warning never to pay and how to report fraud."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext

from config.site.contacts.reading import UNHCR_DOMAINS, ContactKind, read_contact
from config.site.contacts.views import CHECKS_PER_HOUR
from config.site.models import FraudulentContact
from tests.conftest import LANGUAGE_CODES, RTL_LANGUAGES
from tests.factories import QUERY_BUDGET
from tests.pages import page_html

from .second_factor import verified

pytestmark = pytest.mark.django_db

FROM_OUR_PAGE = {"HTTP_SEC_FETCH_SITE": "same-origin"}
HOTLINE_WRITTEN_FOUR_WAYS = ["8 701 744 72 38", "+7 (701) 744-7238", "87017447238", "+77017447238"]
HANG_UP_AND_CALL_BACK = (
    "Callers can fake the number they call from. If someone called you, hang up and call back yourself on the number "
    "shown here. Never pay anyone: all help from UNHCR and its partners is free."
)
LOOK_ALIKES = ["unhcr-help.kz", "unhcr-kz.com", "unhcr.kz.help", "unhcr.org.help", "https://www.unhcr-help.kz/apply", "help@unhcr-help.kz"]


def check(client, contact, lang="en", **headers):
    return client.post(f"/{lang}/check/", {"contact": contact}, **(headers or FROM_OUR_PAGE))


def answer_of(response):
    """The answer's part of the page: what the person reads first under the title."""
    html = response.content.decode()
    start = html.index('<section class="check-answer"')
    return html[start:html.index('<form class="check-form"', start)]


def in_language(lang, message):
    with translation.override(lang):
        return gettext(message)


def staff(name):
    return get_user_model().objects.create_user(name, password="x", is_staff=True)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_hotline_written_four_ways_is_recognised_as_unhcr_in_every_language(client, lang):
    for written in HOTLINE_WRITTEN_FOUR_WAYS:
        response = check(client, written, lang)
        assert response.status_code == HTTPStatus.OK, written
        answer = answer_of(response)
        assert in_language(lang, "Yes: this contact is on our list") in answer, written
        assert in_language(lang, "It belongs to UNHCR.") in answer
        assert 'href="/%s/offices/unhcr-hotline/"' % lang in answer  # the entry itself
        assert 'href="tel:+77017447238"' in answer and "+7 701 744 7238" in answer
        assert 'class="provenance"' in answer  # its source and last check
        assert in_language(lang, HANG_UP_AND_CALL_BACK) in answer
        assert in_language(lang, "Not on our list") not in answer
        html = response.content.decode()
        assert f'<html lang="{lang}" dir="{"rtl" if lang in RTL_LANGUAGES else "ltr"}">' in html
        if lang != "en":
            assert "Yes: this contact is on our list" not in html


@pytest.mark.parametrize("contact", ["+7 701 555 01 99", "unhcr-help.kz", "@unhcr_kazakhstan_help"])
def test_an_unknown_contact_is_not_on_our_list_with_the_fraud_warning(client, contact):
    response = check(client, contact)
    assert response.status_code == HTTPStatus.OK
    answer = answer_of(response)
    assert "Not on our list" in answer
    assert "UNHCR and its partners never ask for money" in answer
    assert "How to report fraud" in answer and "anonymously" in answer and "does not affect your case" in answer
    assert "Yes: this contact is on our list" not in answer and "official domain" not in answer


@pytest.mark.parametrize("contact", LOOK_ALIKES)
def test_a_look_alike_domain_is_never_official(client, contact):
    answer = answer_of(check(client, contact))
    assert "Not on our list" in answer and "official domain" not in answer


@pytest.mark.parametrize("contact", ["KAZAS@unhcr.org", "mailto:kazas@UNHCR.ORG"])
def test_a_listed_email_address_matches_exactly_whatever_its_case(client, contact):
    answer = answer_of(check(client, contact))
    assert "Yes: this contact is on our list" in answer and "It belongs to UNHCR." in answer
    assert "UNHCR National Office Kazakhstan" in answer and "mailto:kazas@unhcr.org" in answer


@pytest.mark.parametrize("contact", ["https://www.unhcr.org/", "help.unhcr.org", "http://help.unhcr.org/kazakhstan/", "UNHCR.ORG/"])
def test_unhcr_org_and_its_sub_domains_are_official(client, contact):
    answer = answer_of(check(client, contact))
    assert "This is an official domain" in answer and "is UNHCR's own domain" in answer
    assert "Anyone can copy a name" in answer


def test_an_unlisted_address_on_an_official_domain_is_not_vouched_for(client):
    answer = answer_of(check(client, "director.kazakhstan@unhcr.org"))
    assert "This is an official domain" in answer
    assert "this address itself is not on our list" in answer and "can be faked" in answer


def test_something_that_is_no_contact_is_asked_again(client):
    response = check(client, "12")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "could not be read as a phone number" in response.content.decode()


def test_the_official_domains_are_in_one_place():
    assert UNHCR_DOMAINS == ("unhcr.org",)
    assert read_contact("https://www.Help.UNHCR.org/kazakhstan/").value == "help.unhcr.org"
    assert read_contact("t.me/UNHCR_fake").kind == ContactKind.HANDLE
    assert read_contact("wa.me/77017447238").value == "+77017447238"


# --- The staff's list of fraudulent contacts --------------------------------------------------------


def fraudulent(value, kind=ContactKind.WEBSITE, *, added_by, approved_by=None):
    entry = FraudulentContact(kind=kind, value=value, source="Police warning", reported_on=datetime.date(2026, 3, 2), added_by=added_by)
    entry.full_clean()
    entry.save()
    if approved_by is not None:
        assert entry.approve(approved_by)
    return entry


def test_an_approved_fraudulent_contact_warns(client):
    fraudulent("+7 (705) 111 22 33", ContactKind.PHONE, added_by=staff("ana"), approved_by=staff("bek"))
    for written in ["87051112233", "+7 705 111 2233"]:
        answer = answer_of(check(client, written))
        assert "Warning: fraudsters use this contact" in answer, written
        assert "Police warning" in answer and '<time datetime="2026-03-02">' in answer
        assert "Never pay" in answer and "How to report fraud" in answer


def test_an_address_on_a_fraudulent_website_warns_too(client):
    fraudulent("https://www.UNHCR-help.kz/", added_by=staff("ana"), approved_by=staff("bek"))
    assert "Warning: fraudsters use this contact" in answer_of(check(client, "resettlement@unhcr-help.kz"))


def test_an_unapproved_fraudulent_contact_does_not_warn(client):
    fraudulent("unhcr-help.kz", added_by=staff("ana"))
    answer = answer_of(check(client, "unhcr-help.kz"))
    assert "Warning: fraudsters" not in answer and "Police warning" not in answer
    assert "Not on our list" in answer


def test_the_person_who_added_an_entry_cannot_approve_it(client):
    ana = staff("ana")
    entry = fraudulent("unhcr-help.kz", added_by=ana)
    assert entry.approve(ana) is False
    FraudulentContact.objects.filter(pk=entry.pk).update(approved_by=ana)  # even when written around the rule
    assert not FraudulentContact.objects.approved().exists()
    assert "Warning: fraudsters" not in answer_of(check(client, "unhcr-help.kz"))


def test_staff_add_and_a_second_person_approves_in_the_admin(client):
    ana, bek = staff("ana"), staff("bek")
    for user in (ana, bek):
        user.is_superuser = True
        user.save()
    client.force_login(ana)
    verified(client, ana)  # superusers give a second factor
    response = client.post("/admin/site/fraudulentcontact/add/", {
        "kind": "phone", "value": "8 705 111 22 33", "source": "UNHCR notice", "reported_on": "2026-03-02",
    })
    assert response.status_code == HTTPStatus.FOUND
    entry = FraudulentContact.objects.get()
    assert (entry.value, entry.added_by, entry.approved_by) == ("+77051112233", ana, None)
    action = {"action": "approve", "_selected_action": [entry.pk]}
    html = client.post("/admin/site/fraudulentcontact/", action, follow=True).content.decode()
    assert "must be approved by someone else" in html
    client.force_login(bek)
    verified(client, bek)  # superusers give a second factor
    client.post("/admin/site/fraudulentcontact/", action)
    entry.refresh_from_db()
    assert entry.approved_by == bek and entry.is_approved
    client.post(f"/admin/site/fraudulentcontact/{entry.pk}/change/", {
        "kind": "phone", "value": "8 705 111 22 44", "source": "UNHCR notice", "reported_on": "2026-03-02",
    })
    entry.refresh_from_db()
    assert entry.value == "+77051112244" and entry.approved_by is None  # a changed entry is approved again


def test_an_official_contact_cannot_be_listed_as_fraudulent(client):
    user = staff("ana")
    user.is_superuser = True
    user.save()
    client.force_login(user)
    verified(client, user)  # superusers give a second factor
    response = client.post("/admin/site/fraudulentcontact/add/", {
        "kind": "phone", "value": "+7 701 744 72 38", "source": "A rumour", "reported_on": "2026-03-02",
    })
    assert response.status_code == HTTPStatus.OK and "cannot be listed as fraudulent" in response.content.decode()
    assert not FraudulentContact.objects.exists()


def test_the_admin_labels_are_translated():
    with translation.override("ru"):
        assert str(FraudulentContact._meta.verbose_name_plural) == "мошеннические контакты"
        assert str(FraudulentContact._meta.get_field("approved_by").verbose_name) == "кем одобрено"


# --- Where it is, how it is protected, what it costs -------------------------------------------------


@pytest.mark.parametrize("path", ["/en/", "/ru/guidance/refugees/", "/prs/guidance/asylum-seekers/", "/en/cities/almaty/print/"])
def test_the_home_page_every_guidance_page_and_the_print_sheet_link_to_it(client, path):
    lang = path.split("/")[1]
    html = page_html(client, path)
    assert f'href="/{lang}/check/"' in html or f'href="http://testserver/{lang}/check/"' in html


def test_the_print_sheet_prints_the_addresses_of_the_check_and_the_official_list(client):
    html = page_html(client, "/en/cities/almaty/print/")
    assert ">http://testserver/en/check/</a>" in html and ">http://testserver/en/check/official/</a>" in html


def test_the_form_page_is_the_same_for_everyone_and_may_be_cached(client):
    response = client.get("/ru/check/")
    html = response.content.decode()
    assert "<title>Проверить контакт ·" in html
    assert 'method="post" action="/ru/check/"' in html and 'autocomplete="off"' in html
    assert "csrfmiddlewaretoken" not in html
    assert "no-store" not in response.get("Cache-Control", "")
    assert client.get("/ru/check/")["X-Page-Cache"] == "hit"
    assert 'href="/ru/check/official/"' in html


def test_a_check_sent_from_another_site_is_refused(client):
    response = check(client, "+77017447238", HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == HTTPStatus.FORBIDDEN
    html = response.content.decode()
    assert "works only on this site's own page" in html and "Yes: this contact" not in html


@pytest.mark.usefixtures("one_clock_hour")
def test_a_flood_of_checks_is_limited(client):
    statuses = [check(client, "+77017447238").status_code for _ in range(CHECKS_PER_HOUR + 3)]
    assert statuses[:CHECKS_PER_HOUR] == [HTTPStatus.OK] * CHECKS_PER_HOUR
    assert set(statuses[CHECKS_PER_HOUR:]) == {HTTPStatus.TOO_MANY_REQUESTS}
    assert "Too many checks" in check(client, "+77017447238").content.decode()


@pytest.mark.parametrize("contact", ["+77017447238", "kazas@unhcr.org", "help.unhcr.org", "@someone"])
def test_a_check_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, contact):
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert check(client, contact).status_code == HTTPStatus.OK


# --- The official contacts, to print ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_official_list_shows_every_verified_contact_with_its_source_and_date(client, lang):
    html = page_html(client, f"/{lang}/check/official/")
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in html.split(">", 2)[1]
    assert in_language(lang, "Official contacts") in html
    for shown in ('href="tel:+77017447238"', 'href="tel:+77172696545"', "mailto:kazas@unhcr.org", ">unhcr.org</bdi>",
                  f'href="/{lang}/offices/employment-office-almaty/"', f'href="/{lang}/partners/bhr/"'):
        assert shown in html, shown
    assert html.count('class="provenance"') >= 10
    assert "<time datetime=" in html and in_language(lang, "Printed on") in html
