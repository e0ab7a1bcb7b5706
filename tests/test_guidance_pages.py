"""Guidance pages: the current text, deep-link anchors, a table of contents, and their history."""

import pytest

from guidance.models import GuidancePage, PublishedRevisionIsFrozen, Revision, Significance
from guidance.publishing import publish
from tests.factories import draft_revision
from tests.pages import page_html

pytestmark = pytest.mark.django_db


def test_page_shows_current_revision_not_the_old_one(client):
    html = page_html(client, "/en/guidance/asylum-seekers/")
    assert "Department of Employment and Social Programs" in html  # the current name (UNHCR's help page, 2026)
    assert "Office for the Coordination" not in html
    assert "within 5 calendar days" in html
    assert "A UNHCR document of July 2018 said <strong>within 24 hours</strong> after an irregular crossing" in html  # only as the 2018 source's word


def test_headings_have_anchors_and_a_table_of_contents(client):
    html = page_html(client, "/en/guidance/asylum-seekers/")
    assert '<h2 id="if-your-application-is-rejected">If your application is rejected</h2>' in html
    assert '<a href="#if-your-application-is-rejected">If your application is rejected</a>' in html
    assert "On this page" in html


def test_history_lists_published_major_changes_with_dates_and_notes(client):
    html = page_html(client, "/en/guidance/asylum-seekers/history/")
    assert '<time datetime="2026-12-01">' in html  # the correction, published on that day
    assert '<span class="source-date">July 2018 · 2019–2022</span>' in html  # older texts: their sources' dates
    assert '<span class="source-date">July 2018</span>' in html
    assert "not the Migration Service" in html


def test_last_updated_date_is_shown(client):
    html = page_html(client, "/en/guidance/refugees/")
    assert 'This page was last updated on <time datetime="2026-12-07">' in html  # after the newer sources


def test_external_links_do_not_leak_the_page_read(client):
    html = page_html(client, "/en/guidance/asylum-seekers/")
    assert 'href="https://egov.kz/cms/en/articles/job_search/department_of_employment" rel="noreferrer"' in html


def test_draft_is_not_shown_to_readers(client):
    page = GuidancePage.objects.get(slug="refugees")
    draft_revision(page, title_en="Draft title", body_en="Secret draft")
    html = page_html(client, "/en/guidance/refugees/")
    assert "Secret draft" not in html


def test_published_revision_never_changes_in_place():
    revision = GuidancePage.objects.get(slug="refugees").current_revision
    revision.body_en = "changed"
    with pytest.raises(PublishedRevisionIsFrozen):
        revision.save()
    assert Revision.objects.get(pk=revision.pk).body_en != "changed"


def test_minor_change_does_not_move_last_updated(client):
    page = GuidancePage.objects.get(slug="refugees")
    before = page.last_major_update
    draft = draft_revision(page, title_en="Refugees: your rights in Kazakhstan", significance=Significance.TYPO)
    publish(draft)
    page.refresh_from_db()
    assert page.current_revision == draft
    assert page.last_major_update == before
