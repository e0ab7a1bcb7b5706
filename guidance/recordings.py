"""Recordings of guidance sections read aloud: converting an upload once with ffmpeg, and whether a
recording still reads the English text of its section (the segment versions it was made from).

A recording belongs to a section by the segment id of the section's heading, so it follows the
section across revisions. It reads the English versions of the section's segments it was made
from (`Recording.english_versions`); when one of them changes, the recording is *behind*: readers
still get it, with a notice that it is of an earlier version of the text, and the translation
status and the staff e-mail count it like a translation behind the English.
"""

import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile

from .models import Recording
from .segments import status as segment_status
from .segments.page_status import stored_map

ACCEPTED_SUFFIXES = (".mp3", ".m4a", ".opus", ".ogg", ".wav")
OPUS_SAMPLE_RATE = 48000  # Ogg Opus granule positions always count 48 kHz samples


class ConversionUnavailable(Exception):
    """ffmpeg is not installed on this machine (or not where FFMPEG_BINARY says)."""


class ConversionFailed(Exception):
    """ffmpeg could not read the upload (not a sound file) or took too long."""


def ffmpeg_path():
    return shutil.which(settings.FFMPEG_BINARY)


def can_convert():
    return ffmpeg_path() is not None


def convert(uploaded):
    """(Opus file, duration in seconds) of an uploaded file: mono, 24 kHz, 24 kbit/s, loudness-normalised."""
    binary = ffmpeg_path()
    if binary is None:
        raise ConversionUnavailable(settings.FFMPEG_BINARY)
    suffix = Path(uploaded.name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="recording-") as folder:
        source, target = Path(folder) / f"upload{suffix}", Path(folder) / "recording.opus"
        with source.open("wb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
        command = [binary, "-nostdin", "-hide_banner", "-loglevel", "error", "-i", str(source),
                   "-vn", "-ac", "1", "-ar", "24000", "-c:a", "libopus", "-b:a", "24k", "-af", "loudnorm",
                   "-map_metadata", "-1", str(target)]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=settings.FFMPEG_TIMEOUT)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
            raise ConversionFailed(str(error)) from error
        data = target.read_bytes() if target.exists() else b""
    duration = opus_duration(data)
    if not data or duration is None:
        raise ConversionFailed("no audio")
    return ContentFile(data, name="recording.opus"), duration


def opus_duration(data):
    """Seconds of an Ogg Opus file: the last page's granule position less the pre-skip, at 48 kHz."""
    head, last = data.find(b"OpusHead"), data.rfind(b"OggS")
    if head < 0 or last < 0 or len(data) < last + 14 or len(data) < head + 12:
        return None
    (granule,) = struct.unpack_from("<q", data, last + 6)
    (pre_skip,) = struct.unpack_from("<H", data, head + 10)
    return max(0, round((granule - pre_skip) / OPUS_SAMPLE_RATE))


# --- sections and the English they read ------------------------------------------------------


def english_segments(revision):
    """{segment id: English Segment} of a published revision, from its segment map."""
    segment_map = stored_map(revision)
    return segment_map, segment_status.segments_by_id(revision, segment_map, segment_status.SOURCE_LANGUAGE)


def sections(revision):
    """[(heading segment id, section number, heading text)] of a revision's "## " sections, in order."""
    _segment_map, english = english_segments(revision)
    return [(sid, segment.section, segment.text) for sid, segment in english.items() if segment.kind == "h2"]


def section_versions(segment_map, english, heading):
    """{segment id: English version} of the segments of the section whose heading is `heading`."""
    if heading not in english:
        return {}
    number = english[heading].section
    return {sid: segment_map["en"][sid]["v"] for sid, segment in english.items() if segment.section == number}


def versions_read(revision, heading):
    segment_map, english = english_segments(revision)
    return section_versions(segment_map, english, heading)


@dataclass(frozen=True)
class Listen:
    """A recording as a reader gets it, beside section `number` of the page."""

    recording: object
    number: int
    heading: str
    behind: bool  # the section's English changed since it was recorded

    @property
    def minutes(self):
        return self.recording.duration // 60

    @property
    def seconds(self):
        return self.recording.duration % 60

    @property
    def kilobytes(self):
        return max(1, round(self.recording.size / 1024))


def for_reader(revision, recordings):
    """[Listen] of the current recordings in one language, in the order of the page's sections; no query
    (the recordings come prefetched with the page, the segment map with its revision)."""
    if not recordings or "en" not in (revision.segments or {}):
        return []
    segment_map = revision.segments
    english = segment_status.segments_by_id(revision, segment_map, segment_status.SOURCE_LANGUAGE)
    found = []
    for recording in recordings:
        heading = english.get(recording.section)
        if heading is None or heading.kind != "h2":
            continue  # the section was taken out of the page: its recording is kept, not offered
        behind = section_versions(segment_map, english, recording.section) != recording.english_versions
        found.append(Listen(recording, heading.section, heading.text, behind))
    return sorted(found, key=lambda listen: listen.number)


def behind_by_language(revision, recordings):
    """{language: number of current recordings behind the English} of one page (a recording whose section
    was taken out of the page counts too: nobody hears it any more)."""
    counts = {}
    if revision is None:
        return counts
    for recording in recordings:
        offered = for_reader(revision, [recording])
        if not offered or offered[0].behind:
            counts[recording.language] = counts.get(recording.language, 0) + 1
    return counts


def left_behind(revision):
    """{language: [English headings]} of the current recordings this publication put behind the English:
    behind under `revision`, not under the revision it replaced. Like left-behind translation segments."""
    if revision.based_on is None or "en" not in (revision.segments or {}):
        return {}
    current = list(Recording.objects.current().filter(page_id=revision.page_id))
    if not current:
        return {}
    before = revision.based_on
    stored_map(before)  # the replaced revision's map, stored if it was not yet
    was_behind = {listen.recording.pk for listen in for_reader(before, current) if listen.behind}
    behind = {}
    for listen in for_reader(revision, current):
        if listen.behind and listen.recording.pk not in was_behind:
            behind.setdefault(listen.recording.language, []).append(listen.heading)
    return behind
