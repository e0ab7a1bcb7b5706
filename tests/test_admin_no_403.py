"""No link on the revision and office admin pages leads a person to a page that refuses them (403)."""

import re
from urllib.parse import urljoin

import pytest

from offices.models import Office

from .staff import change_url, edited_draft, review_url

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]
NOT_FOLLOWED = ("/admin/logout/",)  # a POST form, not a link


def admin_links(html, base):
    links = {urljoin(base, href.replace("&amp;", "&")) for href in re.findall(r'<a [^>]*href="([^"#]+)"', html)}
    return sorted(link for link in links if link.startswith("/admin/") and not link.startswith(NOT_FOLLOWED))


@pytest.mark.parametrize("role", ["editor", "translator", "publisher"])
def test_every_link_on_the_revision_and_office_pages_opens(staff_client, role):
    draft = edited_draft(staff_client("editor"), submit=True, body_en="A text to review.")
    person = staff_client(role)
    pages = [change_url(draft), review_url(draft), "/admin/guidance/revision/",
             f"/admin/guidance/guidancepage/{draft.page_id}/change/",
             f"/admin/offices/office/{Office.objects.first().pk}/change/", "/admin/offices/office/"]
    refused, status_of = [], {}  # a link on several of the pages (the menu, the breadcrumbs) is opened once
    for url in pages:
        response = person.get(url)
        if response.status_code == 403:  # a page this role has no link to (the index does not list it)
            assert url not in person.get("/admin/").content.decode()
            continue
        assert response.status_code == 200, url
        for link in admin_links(response.content.decode(), url):
            if link not in status_of:
                status_of[link] = person.get(link).status_code
            assert status_of[link] < 500, link
            if status_of[link] == 403:
                refused.append((url, link))
    assert refused == []
