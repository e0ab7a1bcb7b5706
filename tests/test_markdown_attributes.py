"""Staff Markdown keeps only the attributes the site's own rendering needs: no text can dress up as
the hotline box or a site notice, and heading anchors are the site's."""

import pytest

from guidance.models import GuidancePage, Revision
from guidance.publishing import publish
from guidance.rendering import site_value

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

IMITATION = """## Call us

<p class="hotline" role="alert" style="color:red" id="hotline">Call +7 700 000 0000</p>

<div class="hotline-box" lang="ru" dir="ltr" id="main">Звоните</div>

<h2 id="feedback" class="fallback-notice">Raw heading</h2>

<p class="fallback-notice" role="note">This section is not translated yet.</p>

<span lang="kk" dir="ltr" class="phone" style="x">Сәлем</span>
"""


def published_body(client, body, language="en", **fields):
    page = GuidancePage.objects.get(slug="stateless")
    publish(Revision.objects.create(page=page, title_en="T", summary_en="S", body_en=body, **fields))
    response = client.get(f"/{language}/guidance/stateless/")
    assert response.status_code == 200
    return response.content.decode().split('<div class="body"', 1)[1].split("</article>", 1)[0]


def test_class_role_style_and_id_from_the_author_do_not_reach_the_page(client):
    body = published_body(client, IMITATION)
    assert "Call +7 700 000 0000" in body and "Звоните" in body and "Raw heading" in body
    for forbidden in ['class="hotline"', 'class="hotline-box"', 'role="alert"', "style=", 'id="hotline"',
                      'id="main"', 'id="feedback"', 'class="fallback-notice"', 'role="note"', 'class="phone"']:
        assert forbidden not in body
    # Marking a language stays possible, and headings still get their generated anchors.
    assert '<span lang="kk" dir="ltr">Сәлем</span>' in body
    assert '<div dir="ltr" lang="ru">Звоните</div>' in body
    assert '<h2 id="call-us">Call us</h2>' in body
    assert site_value("") not in body  # the mark of the site's own markup never reaches a page


def test_the_sites_own_fallback_notice_keeps_its_look(client):
    body = published_body(
        client, "## Where\n\nGo.\n\n## When\n\nIn 5 days.",
        language="ar", title_ar="عنوان", summary_ar="ملخص", body_ar="## أين\n\nاذهب.\n\n## متى\n",
    ).replace("\n", "")
    assert body.count('<p class="fallback-notice" role="note">') == 1
    assert body.count('class="fallback-section"') == 1
    assert '<h2 id="متى">متى</h2>' in body
