"""The follow page `/theo-doi/`: how parents follow the school (e-mail, feeds, the site's
address); the site's RSS links for people lead there, the feeds stay for feed readers."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_follow_page_explains_every_way_to_follow(client, school, host):
    response = client.get("/theo-doi/", HTTP_HOST=host)
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]  # a form with a CSRF token: never stored
    assert '<form class="subscribe" action="/theo-doi/dang-ky/" method="post"' in html
    assert 'value="urgent"' in html and 'value="weekly-plan"' in html
    assert "Thông báo khẩn" in html and "Kế hoạch tuần" in html
    assert f"http://{host}/tin-tuc/feed/</code>" in html
    assert f"http://{host}/tin-tuc/feed/atom/</code>" in html
    assert "ứng dụng đọc tin" in html
    assert f'<code class="address">http://{host}/</code>' in html
    assert school.name in html


def test_links_for_people_lead_to_the_follow_page_and_feeds_stay_for_readers(client, host):
    for path in ("/", "/tin-tuc/"):
        html = client.get(path, HTTP_HOST=host).content.decode()
        head, body = html.split("<body", 1)
        assert 'rel="alternate" type="application/rss+xml"' in head
        assert 'href="/theo-doi/"' in body, path
        assert not re.search(r'<a [^>]*href="/tin-tuc/feed/', body), path
    rss = client.get("/tin-tuc/feed/", HTTP_HOST=host)
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
