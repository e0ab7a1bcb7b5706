"""In a real browser against gunicorn, in the Russian admin: a translator for Russian goes from the admin home to the
Almaty office's translation editor, updates its Russian address, and the Russian city page shows it; the same
person cannot save Dari. Screenshots go to test-artifacts/."""


import pytest

from .admin_tabs import logged_in_tab
from .live_site import running_site
from .screenshots import keep_screenshot
from .test_browser_publishing import PASSWORD, assert_only_our_origin

pytestmark = pytest.mark.browser

NEW_RUSSIAN = "пр. Достык, 87"
SET_UP = f"""
from django.contrib.auth.models import Group, User
from config.history.recording import acting_as
from config.staff.models import StaffProfile
from offices.models import Office
from .screenshots import keep_screenshot
olga = User.objects.create_user("olga", password="{PASSWORD}", is_staff=True, first_name="Ольга")
olga.groups.add(Group.objects.get(name="translator"))
StaffProfile.objects.create(user=olga, language="ru", translates=["ru"])
erik = User.objects.create_user("erik", password="{PASSWORD}", is_staff=True, first_name="Erik")
erik.groups.add(Group.objects.get(name="editor"))
office = Office.objects.get(slug="employment-office-almaty")
office.address_en = "87 Dostyk Ave."
with acting_as(erik):
    office.save()
"""


@pytest.fixture(scope="module")
def site():
    """A site of its own, where an editor has just moved the Almaty office's English address."""
    with running_site() as site:
        site.manage("shell", "-c", SET_UP)
        yield site


def test_a_russian_translator_updates_the_almaty_office_and_cannot_save_dari(site, browser):
    tab = logged_in_tab(browser, site, "olga", PASSWORD, language="ru")
    tab.click("a:has-text('Переводы справочника, которые нужно обновить: Русский')")
    tab.wait_for_selector("#directory-entries")
    tab.click("a:has-text('Перевод: Русский')")
    tab.wait_for_selector("form.segment-editor")
    section = tab.locator("section#field-address")
    assert section.locator("table.segment-diff td ins").inner_text() == "87"
    keep_screenshot(tab, "translator-directory-ru-before", full_page=True)
    section.locator("input[name=address_ru]").fill(NEW_RUSSIAN)
    tab.click("input[type=submit][value='Сохранить перевод']")
    tab.wait_for_selector(".messagelist")
    assert "сохранён (Русский)" in tab.inner_text(".messagelist")
    assert tab.locator("section#field-address table.segment-diff").count() == 0  # no longer behind the English
    assert_only_our_origin(site, tab)

    tab.goto(tab.url.replace("/ru/", "/prs/"))
    assert "Дари" in tab.inner_text(".errornote")
    assert tab.locator("input[type=submit][value='Сохранить перевод']").count() == 0
    assert tab.locator("input[name=address_prs]").is_disabled()
    keep_screenshot(tab, "translator-directory-prs-refused", full_page=True)

    reader = browser.new_context().new_page()
    reader.goto(site.url + "/ru/cities/almaty/")
    assert NEW_RUSSIAN in reader.inner_text("main")
    reader.context.close()
    tab.context.close()
