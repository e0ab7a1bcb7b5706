"""Direction controls typed or pasted into staff text (a U+202E right-to-left override shows a phone
number or an address reversed) are taken out when it is saved, in every app; the joiners Persian needs stay."""

import pytest

from guidance.models import Revision
from offices.models import Office

from .admin_forms import open_form, send
from .staff import change_url, form_data, page, start_draft

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

RLO, PDF, RLI, PDI, RLM, ZWNJ = "\u202e", "\u202c", "\u2067", "\u2069", "\u200f", "\u200c"


def test_an_office_address_saved_in_the_admin_loses_its_override(staff_client):
    editor = staff_client("editor")
    office = Office.objects.get(slug="unhcr-national-office-astana")
    url = f"/admin/offices/office/{office.pk}/change/"
    response = send(editor, url, open_form(editor, url), address_en=f"14 {RLO}Mambetov St.{PDF}",
                    address_ar=f"{RLM}14 شارع{RLI} مامبيتوف{PDI}")
    assert response.status_code == 302
    office.refresh_from_db()
    assert office.address_en == "14 Mambetov St."
    assert office.address_ar == "14 شارع مامبيتوف"  # one line: the direction mark goes too
    page_html = editor.get(f"/en/offices/{office.slug}/").content.decode()
    assert "14 Mambetov St." in page_html and RLO not in page_html


def test_a_guidance_draft_saved_in_the_admin_loses_its_controls_but_keeps_persian_joiners(staff_client):
    editor = staff_client("editor")
    draft = start_draft(editor, page())
    persian = f"می{ZWNJ}توانید با شماره {RLO}+7 701 744 7238{PDF} تماس بگیرید{RLM}."
    response = editor.post(change_url(draft), form_data(draft, body_prs=persian, title_en=f"Refugees{RLO} here"))
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Revision.objects.get(pk=draft.pk)
    assert saved.body_prs == f"می{ZWNJ}توانید با شماره +7 701 744 7238 تماس بگیرید{RLM}."  # prose keeps its mark
    assert saved.title_en == "Refugees here"
