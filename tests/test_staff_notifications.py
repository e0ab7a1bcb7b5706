"""Staff are told by e-mail when they need to act: publishers of a draft to review, authors of the
decision, translators of the segments a publication leaves behind; in their language, only if they asked."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from guidance.models import Revision

from . import staff
from .factories import committed
from .staff import appended
from .staff_profiles import member, sent_to

pytestmark = pytest.mark.django_db
NEW_PARAGRAPH = "\n\nBring your certificate to every appointment at the migration service."


def edited_draft(*args, **kwargs):
    """The admin step, with what waits for its transaction to commit (the e-mails) run as a request's would."""
    with committed():
        return staff.edited_draft(*args, **kwargs)


def decide(*args, **kwargs):
    with committed():
        return staff.decide(*args, **kwargs)


def submitted(editor):
    return edited_draft(editor, submit=True, **appended(NEW_PARAGRAPH))


def test_publishers_who_asked_are_told_of_a_draft_to_review_in_their_language(mailoutbox):
    editor = member("editor")
    russian, english = member("publisher", language="ru"), member("publisher")
    quiet = member("publisher", review_requests=False)
    superuser = member(superuser=True, language="kk")
    draft = submitted(editor)

    (mail,) = sent_to(mailoutbox, russian.user)
    assert mail.subject == f"Ожидает вашей проверки: {draft.title_ru}"
    assert "отправил(а) на проверку черновик" in mail.body
    assert f"http://127.0.0.1:8000/admin/guidance/revision/{draft.pk}/review/" in mail.body
    (mail,) = sent_to(mailoutbox, english.user)
    assert mail.subject == f"Waiting for your review: {draft.title_en}"
    assert "Editor submitted a draft of" in mail.body
    assert len(sent_to(mailoutbox, superuser.user)) == 1  # superusers may publish too
    assert sent_to(mailoutbox, quiet.user) == []
    assert sent_to(mailoutbox, editor.user) == []  # editors do not review
    assert all(mail.from_email == "help-site@localhost" for mail in mailoutbox)


def test_nothing_is_sent_for_a_plain_save_or_before_the_commit(mailoutbox, django_capture_on_commit_callbacks):
    member("publisher")
    editor = member("editor")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        staff.edited_draft(editor, submit=True, **appended(NEW_PARAGRAPH))
    assert mailoutbox == [] and callbacks  # it waits for the transaction
    edited_draft(editor, slug="asylum-seekers", **appended(NEW_PARAGRAPH, slug="asylum-seekers"))
    assert mailoutbox == []


def test_the_author_is_told_of_a_rejection_with_the_reason(mailoutbox):
    editor, publisher = member("editor", language="uk"), member("publisher")
    draft = submitted(editor)
    mailoutbox.clear()
    response = decide(publisher, draft, "reject", comment="The deadline is wrong; check the law.")
    assert response.status_code == 302
    (mail,) = mailoutbox
    assert mail.to == [editor.user.email]
    assert mail.subject.startswith("Вашу чернетку відхилено")
    assert "The deadline is wrong; check the law." in mail.body


def test_the_author_is_told_of_the_publication_unless_they_switched_it_off(mailoutbox):
    editor, quiet_editor, publisher = member("editor", language="ar"), member("editor", decisions=False), member("publisher")
    decide(publisher, submitted(editor), "publish", significance="typo")
    (mail,) = sent_to(mailoutbox, editor.user)
    assert "نُشرت مسودتك" in mail.subject
    mailoutbox.clear()
    draft = edited_draft(quiet_editor, slug="asylum-seekers", submit=True, **appended(NEW_PARAGRAPH, slug="asylum-seekers"))
    decide(publisher, draft, "publish", significance="typo")
    assert sent_to(mailoutbox, quiet_editor.user) == []


def test_a_scheduled_publication_tells_the_author_when_it_goes_out(mailoutbox):
    editor, publisher = member("editor", language="kk"), member("publisher")
    draft = submitted(editor)
    later = timezone.localtime() + datetime.timedelta(days=2)
    decide(publisher, draft, "publish", significance="typo", publish_at=later.strftime("%Y-%m-%dT%H:%M"))
    assert sent_to(mailoutbox, editor.user) == []  # approved, not yet published
    Revision.objects.filter(pk=draft.pk).update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    with committed():
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    (mail,) = sent_to(mailoutbox, editor.user)
    assert mail.subject.startswith("Қараламаңыз жарияланды")


def test_a_publisher_publishing_their_own_draft_is_not_told(mailoutbox):
    publisher = member("publisher")
    draft = edited_draft(publisher, **appended(NEW_PARAGRAPH))
    decide(publisher, draft, "publish", significance="typo")
    assert mailoutbox == []


def test_translators_of_a_language_left_behind_get_the_segments_to_update(mailoutbox):
    russian = member("translator", language="ru", translates=["ru"])
    chinese_and_kazakh = member("translator", language="zh-hans", translates=["zh-hans", "kk"])
    no_language = member("translator")
    quiet = member("translator", translates=["ru"], translation_updates=False)
    editor, publisher = member("editor"), member("publisher")
    draft = submitted(editor)
    decide(publisher, draft, "publish", significance="major", change_note="Bring your certificate.",
           override_checks="on")
    assert Revision.objects.get(pk=draft.pk).status == Revision.Status.PUBLISHED

    (mail,) = sent_to(mailoutbox, russian.user)
    assert mail.subject.startswith("Переводы, которые нужно обновить")
    assert "русский:" in mail.body.lower()
    assert "- Bring your certificate to every appointment at the migration service." in mail.body
    assert "/admin/guidance/guidancepage/translations/" in mail.body
    (mail,) = sent_to(mailoutbox, chinese_and_kazakh.user)
    assert "中文" in mail.body or "简体中文" in mail.body
    assert "哈萨克语" in mail.body
    assert sent_to(mailoutbox, no_language.user) == [] and sent_to(mailoutbox, quiet.user) == []


def test_a_typo_fix_leaves_no_translation_behind(mailoutbox):
    member("translator", translates=["ru"])
    editor, publisher = member("editor"), member("publisher")
    draft = submitted(editor)
    mailoutbox.clear()
    decide(publisher, draft, "publish", significance="typo")
    assert [mail.to for mail in mailoutbox] == [[editor.user.email]]  # only the author's


def test_no_mail_says_anything_about_readers(mailoutbox):
    member("translator", translates=["ru", "ar"])
    editor, publisher = member("editor"), member("publisher")
    decide(publisher, submitted(editor), "publish", significance="major", change_note="New.", override_checks="on")
    assert mailoutbox
    for mail in mailoutbox:
        text = (mail.subject + mail.body).lower()
        assert not any(word in text for word in ("feedback", "useful", "search", "ip address", "reader said"))
        assert mail.body.rstrip().endswith("/admin/staff/staffprofile/mine/")

