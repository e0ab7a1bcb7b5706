"""Pashto, the tenth language: a Pashto phone lands on it, pages read right to left, and a text missing in
Pashto is shown in Dari (the other official language of Afghanistan) before English, and the reader is told."""

import pytest
from pytest_django.asserts import assertContains

from tests.factories import published_revision
from tests.pages import page_html
from tests.test_plan import plan, times

pytestmark = pytest.mark.django_db

DARI_BODY = "## کجا درخواست بدهید\n\nبه دفتر بروید.\n\n## مهلت‌ها\n\nدر مدت 5 روز تقویمی درخواست بدهید."


@pytest.mark.parametrize("header", ["ps-AF,ps;q=0.9,fa;q=0.8,en;q=0.5", "ps", "ps-Arab-AF"])
def test_a_pashto_phone_lands_on_pashto(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == "/ps/"


@pytest.mark.parametrize("path", ["/ps/", "/ps/guidance/asylum-seekers/", "/ps/cities/almaty/", "/ps/offices/", "/ps/partners/",
                                  "/ps/about/", "/ps/plan/", "/ps/notices/", "/ps/updates/"])
def test_public_pages_answer_in_pashto_right_to_left(client, path):
    response = client.get(path)
    assertContains(response, '<html lang="ps" dir="rtl">')
    assertContains(response, "پښتو")  # the language chooser names it in its own script


def test_a_text_missing_in_pashto_falls_back_to_dari_before_english(client):
    published_revision("refugees", title_prs="عنوان", summary_prs="خلاصه", body_prs=DARI_BODY,
                       body_en="## Where to apply\n\nGo to the office.\n\n## Deadlines\n\nApply within 5 calendar days.")
    html = page_html(client, "/ps/guidance/refugees/")
    body = html.split('<div class="body"', 1)[1].split("</article>", 1)[0]
    assert "به دفتر بروید." in body and "Go to the office." not in body
    assert 'lang="prs"' in html.split('<div class="body"', 1)[1][:80]
    assert 'class="fallback-notice"' in html


def test_the_plan_names_its_days_and_months_in_pashto(client):
    # Monday 30 November 2026 + 5 working days = Monday 7 December: Django has no Pashto, our catalogs give the names.
    response = plan(client, lang="ps", situation="moving", date="2026-11-30")
    assert response.status_code == 200
    assert times(response)[0] == ("2026-12-07", "دوشنبه، 7 دسمبر 2026")
