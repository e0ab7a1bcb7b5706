"""The directory as UNHCR's current list has it (read 7 December 2026), in every language, and how a running site gets it."""

import datetime
import io

import pytest
import yaml
from django.core.management import call_command

from config.history import recording
from config.history.models import FieldChange
from config.site.content import CONTENT_DIR as NOTICES_DIR
from config.site.models import Notice
from offices.content import CONTENT_DIR as OFFICES_DIR
from offices.models import City, DirectoryChange, Office
from partners.models import Partner

from .conftest import LANGUAGE_CODES
from .pages import page_html
from .test_directory_sources import at_noon

pytestmark = pytest.mark.django_db

# Astana's application point before and after (offices.yaml); 13 Dostyk St. is the department's former address.
OLD_ASTANA = {
    "en": "13 Dostyk St.", "ru": "ул. Достык, 13", "kk": "Достық көшесі, 13", "ar": "شارع دوستيك، 13",
    "prs": "سرک دوستیک، 13", "zh-hans": "多斯特克街13号", "ug": "دوستىق كوچىسى، 13", "uz": "Dostiq koʻchasi, 13",
    "uk": "вул. Достик, 13",
    "ps": "د دوستيک کوڅه، 13",
}
OLD_DRIVER_ADDRESS = "г. Астана, ул. Достык, 13"
OLD_NAME = {
    "en": "Office for the Coordination of Employment and Social Programs of Astana",
    "ru": "Управление координации занятости и социальных программ города Астаны",
    "kk": "Астана қаласының Жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы",
    "ar": "مكتب تنسيق التوظيف والبرامج الاجتماعية في مدينة أستانا",
    "prs": "دفتر هماهنگی اشتغال و برنامه‌های اجتماعی شهر آستانه",
    "zh-hans": "阿斯塔纳市就业和社会项目协调办公室",
    "ug": "ئاستانا شەھىرىنىڭ ئىشقا ئورۇنلاشتۇرۇش ۋە ئىجتىمائىي پروگراممىلارنى ماسلاشتۇرۇش ئىشخانىسى",
    "uz": "Astana shahri Bandlik va ijtimoiy dasturlarni muvofiqlashtirish boshqarmasi",
    "uk": "Управління координації зайнятості та соціальних програм міста Астани",
    "ps": "د آستانې ښار د کارموندنې او ټولنيزو پروګرامونو د همغږۍ دفتر",
}
CONTENT = {entry["slug"]: entry for entry in yaml.safe_load((OFFICES_DIR / "offices.yaml").read_text(encoding="utf-8"))}
NEW_ASTANA = CONTENT["employment-office-astana"]["address"]


def run_update():
    out = io.StringIO()
    call_command("apply_directory_updates", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_astana_sends_people_to_9_beibitshilik_and_never_to_13_dostyk(client, lang):
    for path in (f"/{lang}/cities/astana/", f"/{lang}/cities/astana/print/", f"/{lang}/open-data/hsds.json"):
        text = page_html(client, path)
        assert NEW_ASTANA[lang] in text or NEW_ASTANA[lang] in text.encode().decode("unicode_escape", "ignore"), path
        assert OLD_ASTANA[lang] not in text and OLD_ASTANA["en"] not in text, path
        assert OLD_DRIVER_ADDRESS not in text, path
    html = page_html(client, f"/{lang}/cities/astana/")
    assert "г. Астана, ул. Бейбитшилик, 9" in html  # the address for a driver


def test_astana_page_shows_9_beibitshilik_as_the_place_to_apply(client):
    html = page_html(client, "/en/cities/astana/")
    apply_section = html.split('id="apply"', 1)[1].split("</section>", 1)[0]
    assert "Department of Employment and Social Programs of Astana" in apply_section
    assert "9 Beibitshilik St." in apply_section


def test_konaev_has_its_page_and_the_application_point_of_almaty_region(client):
    html = page_html(client, "/ru/cities/konaev/")
    assert "Помощь в городе Конаев" in html or "Конаев" in html
    assert "Управление занятости и социальных программ Алматинской области" in html
    assert "1-й микрорайон, 43" in html
    assert "Алматинская обл., г. Конаев, 1-й микрорайон, 43" in html  # for a driver


@pytest.mark.parametrize("old_name", ["kapchagay", "qapshaghay"])
def test_konaevs_former_names_redirect_permanently(client, old_name):
    response = client.get(f"/en/cities/{old_name}/")
    assert response.status_code == 301
    assert response["Location"] == "/en/cities/konaev/"


def test_taldykorgan_keeps_its_page_and_points_to_konaev(client):
    html = page_html(client, "/en/cities/taldykorgan/")
    assert "26 Kabanbai Batyr St." not in html
    assert "UNHCR's current list names no place to apply for asylum in Taldykorgan." in html
    assert "Department of Employment and Social Programs of another city" in html
    assert "Call the UNHCR hotline before you go." in html
    assert 'href="/en/cities/konaev/"' in html


def test_almaty_almaty_region_and_shymkent_are_separate_application_points(client):
    offices = Office.objects.current().filter(kind=Office.Kind.ASYLUM_AUTHORITY)
    assert {o.city.slug: o.address_en for o in offices} == {
        "astana": "9 Beibitshilik St.", "almaty": "85 Dostyk Ave.", "shymkent": "89 Baiterekov St.",
        "konaev": "1st Microdistrict, 43",
    }
    assert not offices.filter(name_en__contains="Coordination").exists()


def test_unhcrs_regional_representation_in_almaty_has_its_address_phone_and_hours(client):
    html = page_html(client, "/en/cities/almaty/")
    assert "UNHCR Regional Representation for Central Asia" in html
    assert "303 Baizakov St., 050040" in html
    assert 'href="tel:+77272584598"' in html
    assert "Monday–Friday: 9:00–18:00" in html  # the weekly hours the source gives, as schedule rows


def test_the_representations_hours_name_independence_day_as_a_closure(client):
    with at_noon(datetime.date(2026, 12, 7)):
        html = page_html(client, "/en/cities/almaty/")
    card = html.split('id="office-unhcr-representation-central-asia"', 1)[1].split("</article>", 1)[0]
    assert "Monday–Friday: 9:00–18:00" in card
    assert "Closed on Wednesday 16 December: Independence Day" in card


@pytest.mark.parametrize("slug, shown", [
    ("employment-office-astana", "help.unhcr.org"),
    ("employment-office-konaev", "help.unhcr.org"),
    ("unhcr-representation-central-asia", "unhcr.org/kazakhstan"),
])
def test_the_current_application_points_cite_unhcrs_current_page(client, slug, shown):
    html = page_html(client, f"/en/offices/{slug}/")
    assert shown in html
    assert "2019–2022" not in html.split("<main", 1)[1]  # not the document the old address came from


def test_stateless_people_find_bhr_under_documents_and_nationality(client):
    html = page_html(client, "/en/partners/?service=documentation-nationality")
    assert "Kazakhstan International Bureau for Human Rights and the Rule of Law" in html
    assert "Sana Sezim" in html


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_plan_promises_an_invitation_not_an_interview(client, lang):
    html = page_html(client, f"/{lang}/plan/", {"situation": "registered", "date": "2026-12-01"})
    if lang == "en":
        assert "Interview by" not in html
        assert "Invitation expected by" in html
        assert "Fingerprints by" in html


@pytest.fixture
def installed_before_the_update():
    """A site loaded before 7 December 2026: the facts as they were, as load_content left them (no history)."""
    with recording.not_recorded():
        astana = Office.objects.get(slug="employment-office-astana")
        for lang in LANGUAGE_CODES:
            setattr(astana, f"address_{lang.replace('-', '_')}", OLD_ASTANA[lang])
            setattr(astana, f"name_{lang.replace('-', '_')}", OLD_NAME[lang])
        astana.address_local = OLD_DRIVER_ADDRESS
        astana.save()
        Office.objects.filter(slug="employment-office-konaev").delete()
        City.objects.filter(slug="konaev").delete()
        Office.objects.filter(slug="employment-office-taldykorgan").update(is_current=True)
        emptied = {f"{field}_{lang.replace('-', '_')}": "" for field in ("address", "opening_hours") for lang in LANGUAGE_CODES}
        Office.objects.filter(slug="unhcr-representation-central-asia").update(phones="", address_local="", hours=[], **emptied)
        bhr = Partner.objects.get(slug="bhr")
        for holder in [bhr, *bhr.branches.all()]:
            holder.services.remove(*holder.services.filter(slug="documentation-nationality"))
        Notice.objects.all().delete()
    FieldChange.objects.all().delete()
    DirectoryChange.objects.all().delete()


def test_the_update_is_recorded_with_its_source_and_announced(client, installed_before_the_update):
    output = run_update()
    assert "office employment-office-astana" in output
    astana = Office.objects.get(slug="employment-office-astana")
    assert (astana.address_en, astana.address_ru, astana.address_local) == (
        "9 Beibitshilik St.", "ул. Бейбитшилик, 9", "г. Астана, ул. Бейбитшилик, 9",
    )
    change = FieldChange.objects.of(astana).get(field="address_en")
    assert (change.old_value, change.new_value) == ("13 Dostyk St.", "9 Beibitshilik St.")
    assert "apply_directory_updates" in change.note
    assert "help.unhcr.org" in change.note and "read 7 December 2026" in change.note
    # Every language came with the update: nothing is left behind the English, and what did not change has no history.
    assert astana.outdated_translations == {}
    assert not FieldChange.objects.of(astana).filter(field__startswith="notes").exists()

    kinds = {(c.subject.slug, c.kind) for c in DirectoryChange.objects.filter(office__isnull=False)}
    assert ("employment-office-astana", DirectoryChange.Kind.MOVED) in kinds
    assert ("employment-office-konaev", DirectoryChange.Kind.OPENED) in kinds
    assert ("employment-office-taldykorgan", DirectoryChange.Kind.CLOSED) in kinds
    updates = page_html(client, "/en/updates/")
    astana_line = "Department of Employment and Social Programs of Astana</a>\n    <strong class=\"change-kind\">New address</strong>"
    konaev_line = "Department of Employment and Social Programs of Almaty Region</a>\n    <strong class=\"change-kind\">New office</strong>"
    assert astana_line in updates and konaev_line in updates

    bhr = Partner.objects.get(slug="bhr")
    assert bhr.services.filter(slug="documentation-nationality").exists()
    assert "Information for asylum-seekers and refugees in the Republic of Kazakhstan" in FieldChange.objects.of(bhr).get(field="services").note  # seed 000
    # The updated entries cite the page the update read, with the day it was read.
    assert Office.objects.get(slug="employment-office-astana").source_check.source.key == "unhcr-help"
    assert Office.objects.get(slug="unhcr-representation-central-asia").hours
    assert page_html(client, "/en/cities/kapchagay/", status=301) == ""
    assert "/en/cities/konaev/" in page_html(client, "/en/cities/taldykorgan/")


def test_running_the_update_twice_changes_nothing(installed_before_the_update):
    run_update()
    counts = (FieldChange.objects.count(), DirectoryChange.objects.count(), Notice.objects.count(), City.objects.count())
    versions = dict(Office.objects.values_list("slug", "version"))
    output = run_update()
    assert output.strip().endswith("0 changed, 0 left as staff edited them, 12 already current")
    assert (FieldChange.objects.count(), DirectoryChange.objects.count(), Notice.objects.count(), City.objects.count()) == counts
    assert dict(Office.objects.values_list("slug", "version")) == versions


def test_the_update_leaves_an_address_staff_changed_since(installed_before_the_update):
    astana = Office.objects.get(slug="employment-office-astana")
    astana.address_en = "15 Dostyk St."  # staff know better than this update
    astana.save()
    output = run_update()
    assert "left as staff edited it: office employment-office-astana" in output
    assert Office.objects.get(slug="employment-office-astana").address_en == "15 Dostyk St."


def test_a_new_installation_and_an_updated_one_end_with_the_same_facts(installed_before_the_update):
    run_update()
    for slug, entry in CONTENT.items():
        office = Office.objects.get(slug=slug)
        assert (office.name_en, office.address_en or "", office.is_current) == (
            entry["name"]["en"], entry.get("address", {}).get("en", ""), entry.get("current", True),
        ), slug
    notices = yaml.safe_load((NOTICES_DIR / "notices.yaml").read_text(encoding="utf-8"))
    assert {str(uuid) for uuid in Notice.objects.values_list("uuid", flat=True)} == {n["uuid"] for n in notices}
