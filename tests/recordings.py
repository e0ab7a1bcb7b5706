"""Recordings for tests: a short sound made by ffmpeg itself, uploaded through the admin."""

import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from guidance import recordings
from guidance.models import GuidancePage, Recording

needs_ffmpeg = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="Debian's ffmpeg is not installed (make system-packages)")
ADD_URL = "/admin/guidance/recording/add/"


def sine_wav(seconds=3):
    """Bytes of a WAV file: a tone of `seconds`, made by ffmpeg in a folder removed at once."""
    with tempfile.TemporaryDirectory(prefix="test-recording-") as folder:
        target = Path(folder) / "tone.wav"
        subprocess.run(
            ["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
             str(target)],
            check=True, timeout=60,
        )
        return target.read_bytes()


def section_of(slug, starts_with):
    """"page id:heading segment id" of the page's section whose English heading starts so."""
    page = GuidancePage.objects.select_related("current_revision").get(slug=slug)
    sid = next(sid for sid, _n, text in recordings.sections(page.current_revision) if text.startswith(starts_with))
    return f"{page.pk}:{sid}"


def upload(client, slug="asylum-seekers", heading="When to apply", language="prs", data=None, name="tone.wav"):
    return client.post(ADD_URL, {
        "section_of_page": section_of(slug, heading), "language": language,
        "upload": SimpleUploadedFile(name, data if data is not None else sine_wav(), content_type="audio/wav"),
    })


@contextmanager
def media_folder(settings):
    """MEDIA_ROOT in a temporary folder, removed afterwards with what the test uploaded."""
    folder = tempfile.mkdtemp(prefix="test-media-")
    settings.MEDIA_ROOT = folder
    try:
        yield Path(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def recording_count():
    return Recording.objects.count()


# Run in a live site's Django (LiveSite.python): the conversion and the record the admin's upload makes.
LIVE_UPLOAD = """
from django.core.files.uploadedfile import SimpleUploadedFile
from guidance import recordings
from guidance.models import GuidancePage, Recording
page = GuidancePage.objects.select_related("current_revision").get(slug={slug!r})
revision = page.current_revision
section = next(sid for sid, _n, text in recordings.sections(revision) if text.startswith({heading!r}))
with open({wav!r}, "rb") as wav:
    converted, duration = recordings.convert(SimpleUploadedFile("tone.wav", wav.read()))
recording = Recording(page=page, section=section, language={language!r}, revision=revision, duration=duration,
                      size=converted.size, english_versions=recordings.versions_read(revision, section))
recording.file.save(converted.name, converted, save=False)
recording.save()
print(recording.file.url)
"""


def upload_to_live_site(site, slug="asylum-seekers", heading="When to apply", language="prs", seconds=1):
    """The address of a recording of `seconds` added to a live site (tests/live_site.py) for a section."""
    wav = Path(site.workdir) / "tone.wav"
    wav.write_bytes(sine_wav(seconds))
    return site.python(LIVE_UPLOAD.format(slug=slug, heading=heading, language=language, wav=str(wav)))
