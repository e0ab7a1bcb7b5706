"""`manage.py fill_segment_maps` stores what an old database lacks, once, and never rewrites a stored map."""

from io import StringIO

import pytest
from django.core.management import call_command

from guidance.models import GuidancePage, Revision

pytestmark = pytest.mark.django_db


def fill():
    out = StringIO()
    call_command("fill_segment_maps", stdout=out)
    return out.getvalue()


def test_published_revisions_without_a_map_get_one_and_a_second_run_changes_nothing(content):
    published = Revision.objects.filter(status=Revision.Status.PUBLISHED)
    stored = {revision.pk: revision.segments for revision in published}
    published.update(segments={})  # as a database from before the segment maps
    GuidancePage.objects.update(translation_status={}, outdated_sections={})

    assert f"Segment maps stored: {len(stored)};" in fill()
    assert {revision.pk: revision.segments for revision in published.all()} == stored
    assert all(page.translation_status for page in GuidancePage.objects.all())

    assert fill() == "Segment maps stored: 0; pages whose translation records changed: 0.\n"


def test_a_stored_map_is_never_rewritten(content):
    revision = Revision.objects.filter(status=Revision.Status.PUBLISHED).first()
    kept = {**revision.segments, "kept": True}
    Revision.objects.filter(pk=revision.pk).update(segments=kept)
    fill()
    revision.refresh_from_db()
    assert revision.segments == kept
