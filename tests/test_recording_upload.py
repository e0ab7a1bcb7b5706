"""Staff upload a recording of a section in the admin: converted once with ffmpeg to a small Opus file;
without ffmpeg the admin says so plainly and saves nothing."""

from http import HTTPStatus

import pytest

from guidance.models import Recording

from .recordings import ADD_URL, media_folder, needs_ffmpeg, recording_count, sine_wav, upload
from .staff import staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings):
    with media_folder(settings) as folder:
        yield folder


@needs_ffmpeg
def test_an_upload_is_converted_once_to_a_small_opus_file(media):
    admin = staff_client(superuser=True)
    wav = sine_wav(seconds=3)
    response = upload(admin, data=wav)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    recording = Recording.objects.get()
    assert recording.file.name.endswith(".opus") and recording.language == "prs"
    stored = (media / recording.file.name).read_bytes()
    assert stored.startswith(b"OggS") and b"OpusHead" in stored
    assert recording.size == len(stored) < len(wav) / 5
    assert recording.duration == 3
    assert recording.english_versions and recording.revision == recording.page.current_revision
    assert recording.uploaded_by == admin.user


@needs_ffmpeg
def test_a_new_upload_replaces_the_old_one_and_keeps_it(media):
    admin = staff_client(superuser=True)
    upload(admin, data=sine_wav(1))
    upload(admin, data=sine_wav(2))
    old, new = Recording.objects.order_by("pk")
    assert old.superseded_by == new and new.superseded_by is None
    assert list(Recording.objects.current()) == [new]
    history = admin.get(f"/admin/guidance/recording/{old.pk}/change/")
    assert history.status_code == HTTPStatus.OK and "deletelink" not in history.content.decode()


@needs_ffmpeg
def test_a_file_that_is_not_sound_is_refused(media):
    response = upload(staff_client(superuser=True), data=b"not a sound at all" * 100)
    assert response.status_code == HTTPStatus.OK
    assert "could not be converted" in response.content.decode()
    assert recording_count() == 0


def test_without_ffmpeg_the_admin_says_so_and_saves_nothing(media, settings):
    settings.FFMPEG_BINARY = "/nonexistent/ffmpeg"
    admin = staff_client(superuser=True)
    page = admin.get(ADD_URL)
    assert page.status_code == HTTPStatus.OK
    assert "ffmpeg, the program that converts them, is not installed" in page.content.decode()
    response = upload(admin, data=b"RIFF" + b"\0" * 400)
    assert response.status_code == HTTPStatus.OK
    assert "ffmpeg, the program that converts them, is not installed" in response.content.decode()
    assert recording_count() == 0 and not any(media.rglob("*.*"))
