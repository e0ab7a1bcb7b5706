"""The admin works offline: every asset is ours (no CDN), and RTL translations are edited right-to-left."""

import re

import pytest

from guidance.models import KeyFigure
from offices.models import City, Office
from partners.models import Branch, Partner
from tests.pages import page_html

from .staff import page, start_draft

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

RESOURCE = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)="([^"]+)"', re.IGNORECASE)


def admin_pages(superuser):
    draft = start_draft(superuser, page())
    old = page("asylum-seekers").revisions.published().order_by("published_at").first()
    return [
        "/admin/",
        "/admin/guidance/",
        "/admin/guidance/revision/",
        f"/admin/guidance/revision/{draft.pk}/change/",
        f"/admin/guidance/revision/{draft.pk}/review/?lang=ar",
        f"/admin/guidance/revision/{old.pk}/change/",
        f"/admin/guidance/revision/{old.pk}/restore/",
        "/admin/guidance/guidancepage/",
        f"/admin/guidance/guidancepage/{page().pk}/change/",
        "/admin/guidance/guidancepage/translations/",
        f"/admin/guidance/keyfigure/{KeyFigure.objects.first().pk}/change/",
        "/admin/offices/office/",
        f"/admin/offices/office/{Office.objects.first().pk}/change/",
        f"/admin/offices/city/{City.objects.first().pk}/change/",
        "/admin/partners/branch/",
        f"/admin/partners/branch/{Branch.objects.first().pk}/change/",
        f"/admin/partners/partner/{Partner.objects.first().pk}/change/",
    ]


def test_admin_pages_load_nothing_from_another_origin(staff_client):
    superuser = staff_client(superuser=True)
    for path in admin_pages(superuser):
        response = superuser.get(path)
        assert response.status_code == 200, path
        for url in RESOURCE.findall(response.content.decode()):
            assert url.startswith("/") and not url.startswith("//"), f"{path} loads {url}"


def test_translation_tabs_use_our_own_jquery_ui(client, staff_client):
    superuser = staff_client(superuser=True)
    draft = start_draft(superuser, page())
    html = page_html(superuser, f"/admin/guidance/revision/{draft.pk}/change/")
    scripts = re.findall(r'<script src="([^"]+)"', html)
    jquery_ui = [src for src in scripts if "jquery-ui" in src]
    assert jquery_ui and jquery_ui[0].startswith("/static/vendor/jquery-ui-1.14.2/")
    assert any("tabbed_translation_fields" in src for src in scripts)
    served = client.get(jquery_ui[0])
    assert served.status_code == 200
    assert b"jQuery UI" in b"".join(served.streaming_content)[:200]


def tag(html, name):
    return re.search(rf'<(?:input|textarea)[^>]*\bname="{name}"[^>]*>', html).group(0)


def test_rtl_translations_are_edited_right_to_left(staff_client):
    superuser = staff_client(superuser=True)
    draft = start_draft(superuser, page())
    html = page_html(superuser, f"/admin/guidance/revision/{draft.pk}/change/")
    for language in ("ar", "prs", "ug"):
        assert 'dir="rtl"' in tag(html, f"body_{language}")
        assert f'lang="{language}"' in tag(html, f"title_{language}")
    assert 'dir="ltr"' in tag(html, "body_ru")
    assert 'lang="zh-hans"' in tag(html, "body_zh_hans")
    office = page_html(superuser, f"/admin/offices/office/{Office.objects.first().pk}/change/")
    assert 'dir="rtl"' in tag(office, "address_ug")
    assert 'dir="ltr"' in tag(office, "address_kk")
