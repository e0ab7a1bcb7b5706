"""Review one language of a shared draft: sending back the Dari translation keeps the Russian one ready and
publishes it, tells the Dari translator in Dari, and keeps the Dari text for the next draft; a draft started
by mistake is discarded, with a confirmation, by its author or a publisher."""

import pytest

from guidance.models import Revision

from . import staff
from .factories import committed
from .pages import page_html
from .staff import page, review_url
from .staff_profiles import member, sent_to

pytestmark = pytest.mark.django_db

RUSSIAN_TITLE = "Беженцам: помощь и документы в Казахстане"
DARI_TITLE = "پناهندگان: کمک و اسناد در قزاقستان"


def shared_draft():
    """A draft of the refugees page whose Russian and Dari titles were changed by their own translators."""
    russian, dari = member("translator", translates=["ru"]), member("translator", language="prs", translates=["prs"])
    draft = staff.start_draft(russian, page())
    assert staff.save_draft(russian, draft, title_ru=RUSSIAN_TITLE).status_code == 302
    draft = Revision.objects.get(pk=draft.pk)
    assert staff.save_draft(dari, draft, title_prs=DARI_TITLE, submit=True).status_code == 302
    return Revision.objects.get(pk=draft.pk), russian, dari


def send_back(publisher, draft, language, comment):
    with committed():
        return staff.decide(publisher, draft, "send_back", language=language, send_back_comment=comment)


def test_sending_back_dari_publishes_russian_and_tells_the_dari_translator_in_dari(client, mailoutbox):
    draft, russian, dari = shared_draft()
    publisher = member("publisher")
    published_dari = page().current_revision.title_prs

    response = send_back(publisher, draft, "prs", "The word for refugees is not the glossary's.")
    assert response.status_code == 302
    kept = Revision.objects.get(pk=draft.pk)
    assert kept.is_open and kept.title_ru == RUSSIAN_TITLE and kept.title_prs == DARI_TITLE  # nothing discarded
    review = page_html(publisher, review_url(kept))
    assert "Sent back to their translators" in review and "The word for refugees is not the glossary" in review

    (mail,) = sent_to(mailoutbox, dari.user)
    assert mail.subject.startswith("ترجمهٔ شما پس فرستاده شد")  # in Dari, for a Dari reader
    assert "The word for refugees is not the glossary's." in mail.body and "آن را اینجا درست کنید:" in mail.body
    assert f"/admin/guidance/guidancepage/{page().pk}/edit/?lang=prs" in mail.body
    assert sent_to(mailoutbox, russian.user) == []

    with committed():
        response = staff.decide(publisher, kept, "publish", significance="minor")
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert RUSSIAN_TITLE in page_html(client, "/ru/guidance/refugees/")
    reader = page_html(client, "/prs/guidance/refugees/")
    assert DARI_TITLE not in reader and published_dari in reader

    follow_up = page().revisions.open().get()  # the Dari translation waits, as its translator left it
    assert follow_up.title_prs == DARI_TITLE and follow_up.title_ru == RUSSIAN_TITLE
    assert "The word for refugees is not the glossary" in page_html(
        dari, f"/admin/guidance/revision/{follow_up.pk}/translate/prs/")
    assert dari.get(f"/admin/guidance/guidancepage/{page().pk}/edit/?lang=prs")["Location"] == (
        f"/admin/guidance/revision/{follow_up.pk}/translate/prs/")


def test_a_language_the_draft_does_not_change_cannot_be_sent_back(mailoutbox):
    draft, _russian, _dari = shared_draft()
    response = send_back(member("publisher"), draft, "kk", "Why?")
    assert response.status_code == 200
    assert "This draft does not change the Kazakh translation." in response.content.decode()
    assert "sent_back" not in Revision.objects.get(pk=draft.pk).segments and mailoutbox == []


def test_a_translation_changed_again_is_ready_again():
    draft, _russian, dari = shared_draft()
    send_back(member("publisher"), draft, "prs", "Check the title.")
    draft = Revision.objects.get(pk=draft.pk)
    staff.save_draft(dari, draft, title_prs=DARI_TITLE + " ۲۰۲۶")
    assert "prs" not in Revision.objects.get(pk=draft.pk).segments.get("sent_back", {})


def test_a_discarded_draft_is_gone_and_the_page_is_unchanged(client):
    editor = member("editor")
    published = page().current_revision
    draft = staff.edited_draft(editor, **staff.appended("\n\nA paragraph started by mistake."))
    confirm = page_html(editor, f"/admin/guidance/revision/{draft.pk}/discard/")
    assert "Discard this draft?" in confirm and "Yes, discard this draft" in confirm
    assert Revision.objects.filter(pk=draft.pk).exists()  # asking is not discarding

    response = editor.post(f"/admin/guidance/revision/{draft.pk}/discard/", {"seen_version": draft.version})
    assert response.status_code == 302
    assert not Revision.objects.filter(pk=draft.pk).exists() and not page().revisions.open().exists()
    assert page().current_revision == published
    assert "A paragraph started by mistake." not in page_html(client, "/en/guidance/refugees/")


def test_only_the_author_or_a_publisher_discards_and_a_draft_changed_since_is_kept():
    author, other = member("editor"), member("editor")
    draft = staff.edited_draft(author, **staff.appended("\n\nMistake."))
    assert other.post(f"/admin/guidance/revision/{draft.pk}/discard/", {"seen_version": draft.version}).status_code == 403
    stale = author.post(f"/admin/guidance/revision/{draft.pk}/discard/", {"seen_version": draft.version - 1})
    assert stale.status_code == 200 and Revision.objects.filter(pk=draft.pk).exists()
    publisher = member("publisher")
    assert "Discard this draft" in page_html(publisher, review_url(draft))
    assert publisher.post(f"/admin/guidance/revision/{draft.pk}/discard/", {"seen_version": draft.version}).status_code == 302
    assert not Revision.objects.filter(pk=draft.pk).exists()
