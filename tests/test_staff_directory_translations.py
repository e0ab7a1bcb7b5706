"""When an English change of a directory entry puts translations behind, the people who translate those languages
and may write them (editors of that kind of entry, translators) are told by e-mail, in their language, with the
fields and the English now."""

import pytest

from .admin_forms import open_form, send
from .factories import committed, starting_office
from .staff_profiles import member, sent_to

pytestmark = pytest.mark.django_db

SLUG = "employment-office-almaty"


def edit(client, **changes):
    url = f"/admin/offices/office/{starting_office(SLUG).pk}/change/"
    form = open_form(client, url)
    with committed():
        response = send(client, url, form, **changes)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_editors_who_translate_a_language_left_behind_are_told_in_their_language(mailoutbox):
    author = member("editor")
    russian = member("editor", language="ru", translates=["ru"])
    kazakh = member("editor", translates=["kk", "ar"])
    quiet = member("editor", translates=["ru"], translation_updates=False)
    edit(author, address_en="87 Dostyk Ave.")

    (mail,) = sent_to(mailoutbox, russian.user)
    assert mail.subject == f"Переводы справочника, которые нужно обновить: {starting_office(SLUG).name_ru}"
    assert "Русский:\n- Адрес: 87 Dostyk Ave." in mail.body
    assert f"http://127.0.0.1:8000/admin/offices/office/{starting_office(SLUG).pk}/change/" in mail.body
    (mail,) = sent_to(mailoutbox, kazakh.user)
    assert "Kazakh:\n- Address: 87 Dostyk Ave." in mail.body and "Arabic:\n- Address" in mail.body
    assert "Russian" not in mail.body  # only the languages this person translates
    assert sent_to(mailoutbox, quiet.user) == [] and sent_to(mailoutbox, author.user) == []


def test_nobody_is_told_of_a_correction_or_a_translation_and_translators_are_told_with_their_editor(mailoutbox):
    editor = member("editor")
    member("editor", translates=["ru"])
    translator = member("translator", translates=["ru"])  # may not change offices: sent to their editor of the entry
    edit(editor, address_en="85 Dostyk Avenue", correction_only="on")
    edit(editor, address_ru="пр. Достык, д. 85")
    assert mailoutbox == []
    edit(editor, address_en="87 Dostyk Ave.")
    assert len(mailoutbox) == 2
    (mail,) = sent_to(mailoutbox, translator.user)
    assert f"/admin/guidance/guidancepage/translations/directory/offices.office.{starting_office(SLUG).pk}/ru/" in mail.body
    assert f"/admin/offices/office/{starting_office(SLUG).pk}/change/" not in mail.body
    edit(editor, notes_en="Bring your passport.")  # the address is still behind: only the notes are new
    assert "- Notes: Bring your passport." in mailoutbox[-1].body and "Address" not in mailoutbox[-1].body
