"""Readers get a "Listen" control beside each section recorded in their language: nothing loads before
play, and a recording of an earlier version of the section's English says so."""

from http import HTTPStatus

import pytest

from guidance.models import Recording
from guidance.publishing import publish

from .factories import committed
from .recordings import media_folder, needs_ffmpeg, sine_wav, upload
from .staff import edited_draft, staff_client
from .staff_profiles import member, sent_to

pytestmark = [pytest.mark.django_db, needs_ffmpeg]
DARI_PAGE = "/prs/guidance/asylum-seekers/"


@pytest.fixture
def media(settings):
    with media_folder(settings) as folder:
        yield folder


@pytest.fixture
def dari_deadline(media):
    """A Dari recording of the asylum-seekers page's deadline section, uploaded by a staff member."""
    response = upload(staff_client(superuser=True), heading="When to apply", language="prs", data=sine_wav(2))
    assert response.status_code == HTTPStatus.FOUND
    return Recording.objects.get()


def listen_block(html):
    start = html.index('<div class="listen"')
    return html[start:html.index("</div>", start)]


def test_the_dari_page_offers_the_deadline_section_without_loading_it(client, dari_deadline):
    response = client.get(DARI_PAGE)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert html.count('<div class="listen"') == 1
    block = listen_block(html)
    assert 'role="region"' in block and 'aria-labelledby="listen-3"' in block
    assert f'<audio controls preload="none" src="{dari_deadline.file.url}"' in block
    assert "autoplay" not in block
    assert "به این بخش گوش بدهید" in block  # "Listen to this section", in Dari
    assert "0 دقیقه 2 ثانیه" in block and "کیلوبایت" in block  # its duration and size
    # under the third section's heading (the deadlines), in the page's right-to-left body
    deadline_heading = html.index("<h2", html.index('<div class="body"'))
    for _ in range(2):
        deadline_heading = html.index("<h2", deadline_heading + 1)
    assert deadline_heading < html.index('<div class="listen"') < html.index("<h2", deadline_heading + 1)
    assert "earlier version" not in block
    assert 'dir="rtl"' in html[:300]


def test_other_languages_are_not_offered_the_dari_recording(client, dari_deadline):
    assert '<div class="listen"' not in client.get("/en/guidance/asylum-seekers/").content.decode()
    assert '<div class="listen"' not in client.get("/prs/guidance/refugees/").content.decode()


def test_an_english_change_of_the_section_flags_the_dari_recording(client, dari_deadline, mailoutbox):
    dari_translator = member("translator", translates=["prs"])
    english = dari_deadline.page.current_revision.body_en
    body = english.replace("Apply **within 5 calendar days** of arriving", "Apply **within 3 calendar days** of arriving")
    assert body != english
    with committed():
        draft = edited_draft(staff_client("editor"), "asylum-seekers", significance="major",
                             change_note_en="Three days now.", body_en=body)
        publish(draft, by=member("publisher").user, override_checks=True)
    # readers are told, in the region of the control
    response = client.get(DARI_PAGE)
    assert response.status_code == HTTPStatus.OK
    block = listen_block(response.content.decode())
    assert 'class="listen-behind" role="note"' in block
    assert "این ثبت صوتی از نسخهٔ قبلی متن این بخش است" in block
    assert "aria-describedby" in block and 'preload="none"' in block
    # the translation status counts it like a translation behind the English
    status = staff_client(superuser=True).get("/admin/guidance/guidancepage/translations/")
    assert status.status_code == HTTPStatus.OK
    assert status.content.decode().count("1 recording of an earlier English text") == 1
    # and the Dari translators are told to record it again
    (mail,) = sent_to(mailoutbox, dari_translator.user)
    assert "read an earlier version of the English text" in mail.body
    assert "- When to apply: deadlines" in mail.body


def test_an_english_change_of_another_section_changes_nothing_for_the_recording(client, dari_deadline):
    english = dari_deadline.page.current_revision.body_en
    body = english.replace("## Your duties\n\n", "## Your duties\n\nRead this.\n\n", 1)
    assert body != english
    publish(edited_draft(staff_client("editor"), "asylum-seekers", significance="major",
                         change_note_en="A new line.", body_en=body))
    block = listen_block(client.get(DARI_PAGE).content.decode())
    assert "listen-behind" not in block


def test_the_recording_plays_through_range_requests(client, dari_deadline, media):
    stored = (media / dari_deadline.file.name).read_bytes()
    response = client.get(dari_deadline.file.url, HTTP_RANGE="bytes=0-1023")
    assert response.status_code == HTTPStatus.PARTIAL_CONTENT
    assert response.content == stored[:1024] and response.content.startswith(b"OggS")
    assert response["Content-Range"] == f"bytes 0-1023/{len(stored)}"
