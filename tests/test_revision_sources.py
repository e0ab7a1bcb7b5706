"""Every revision names the documents it is based on and as of when; the history shows both dates."""

import io

import pytest
from django.core.management import call_command

from config.content_files import read_front_matter
from guidance.content import CONTENT_DIR, record_sources
from guidance.models import GuidancePage, Revision, Source
from guidance.publishing import open_draft

from .staff import change_url

pytestmark = pytest.mark.django_db


def history(client, slug, lang="en"):
    response = client.get(f"/{lang}/guidance/{slug}/history/")
    assert response.status_code == 200
    return response.content.decode()


def test_every_loaded_revision_has_a_source_with_a_date():
    assert Revision.objects.count() >= 7
    for revision in Revision.objects.prefetch_related("sources"):
        sources = list(revision.sources.all())
        assert sources, revision.import_key
        for source in sources:
            assert source.as_of_en and source.year, source.key
    assert set(Source.objects.values_list("key", flat=True)) == {
        "000", "001", "002", "003", "004",  # the seeds
        "unhcr-help", "gov-situation", "unhcr-almaty", "minlabour-2024", "minlabour-2025", "regions-2022",  # read 7 December 2026
    }


def test_history_says_the_2018_text_is_based_on_july_2018_information(client):
    assert "Based on UNHCR information of July 2018" in history(client, "asylum-seekers")


def test_history_dates_an_old_text_by_its_sources_not_by_an_invented_day(client):
    html = history(client, "asylum-seekers")
    assert '<span class="source-date">July 2018 · 2019–2022</span>' in html
    assert '<span class="source-date">July 2018</span>' in html
    assert '<time datetime="2022-09-17">' not in html and '<time datetime="2018-07-01">' not in html
    # The correction is dated by the day it was published, and says which documents it follows.
    assert '<time datetime="2026-12-01">' in html
    assert "Based on UNHCR information of 2019–2022" in html


def test_a_text_drawn_from_several_documents_names_each_with_its_own_date(client):
    html = history(client, "refugees")
    older = html.split('<span class="source-date">', 1)[1]
    assert older.startswith("about 2021 · 2019–2022 · January–March 2025</span>")
    for line in ["of about 2021: UNHCR Kazakhstan brochure", "of 2019–2022: Information for asylum-seekers",
                 "of January–March 2025: UNHCR factsheet"]:
        assert f"Based on UNHCR information {line}" in older


def test_history_names_the_sources_in_the_readers_language(client):
    html = history(client, "asylum-seekers", "ru")
    assert "На основе сведений УВКБ ООН (июль 2018 года)" in html
    sources = "".join(part.split("</ul>", 1)[0] for part in html.split('<ul class="sources">')[1:])
    assert "Информационный бюллетень УВКБ ООН" in sources and 'lang="en"' not in sources


def test_a_revision_loaded_before_revisions_had_sources_gets_those_its_file_names():
    revision = Revision.objects.get(import_key="asylum-seekers/2022-09-17")
    revision.sources.clear()
    Revision.objects.filter(pk=revision.pk).update(dated_by_source=False)
    call_command("load_content", stdout=io.StringIO())
    revision.refresh_from_db()
    assert sorted(revision.sources.values_list("key", flat=True)) == ["000", "001"]
    assert revision.dated_by_source


def test_loading_keeps_the_sources_staff_chose():
    revision = Revision.objects.get(import_key="refugees/2026-12-01")
    revision.sources.set(Source.objects.filter(key="004"))
    call_command("load_content", stdout=io.StringIO())
    assert list(revision.sources.values_list("key", flat=True)) == ["004"]


def test_a_content_file_without_sources_is_refused():
    revision = Revision.objects.get(import_key="stateless/2026-12-01")
    path = CONTENT_DIR / "pages" / "stateless" / "2026-12-01.en.md"
    header, _body = read_front_matter(path)
    with pytest.raises(ValueError, match="sources"):
        record_sources(revision, {**header, "sources": []}, path)
    with pytest.raises(ValueError, match="unknown source"):
        record_sources(revision, {**header, "sources": ["999"]}, path)


def test_a_new_draft_starts_with_the_published_revisions_sources(staff_client):
    editor = staff_client("editor")
    page = GuidancePage.objects.get(slug="stateless")
    draft = open_draft(page, by=editor.user)
    assert set(draft.sources.all()) == set(page.current_revision.sources.all())
    response = editor.get(change_url(draft))
    assert response.status_code == 200
    assert 'name="sources"' in response.content.decode()


def test_staff_edit_the_list_of_sources_in_the_admin(staff_client):
    editor = staff_client("editor")
    source = Source.objects.get(key="001")
    response = editor.get(f"/admin/sources/source/{source.pk}/change/")
    assert response.status_code == 200
    assert "July 2018" in response.content.decode()
    response = editor.post(f"/admin/sources/source/{source.pk}/delete/")
    assert response.status_code == 403  # published revisions name it: never deleted
