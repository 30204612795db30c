"""With Redis down, editors publish and parents read (issue 11, faults: Redis down).

A real Redis is started for the test on a free port, used as the cache and the Celery broker,
then killed: the cache degrades to none, the evaluation that cannot be queued is logged, and
the publish (page, revision and its `wagtail.publish` log entry) goes through.
"""

import time

import pytest
from django.urls import reverse
from django_tenants.utils import schema_context
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from sitepages import models as m

pytestmark = pytest.mark.django_db


def test_parents_read_and_an_editor_publishes_while_redis_is_down(
    client, school, school_admin, host, private_redis, django_capture_on_commit_callbacks, caplog
):
    with schema_context(school.schema_name):
        news_index = m.NewsIndexPage.objects.get()
    assert client.get("/tin-tuc/", HTTP_HOST=host).status_code == 200

    private_redis.kill()

    for path in ("/", "/tin-tuc/", "/tim-kiem/?q=tin", "/van-ban/"):
        assert client.get(path, HTTP_HOST=host).status_code == 200, path
    assert client.get("/admin/", HTTP_HOST=host).status_code == 200
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True) as after_commit:
        response = client.post(
            reverse("wagtailadmin_pages:add", args=("sitepages", "newspage", news_index.pk)),
            nested_form_data(
                {
                    "title": "Lễ kỷ niệm ngày Nhà giáo Việt Nam 20/11",
                    "slug": "le-ky-niem-20-11",
                    "kind": "ordinary",
                    "event_date": "2026-11-20",
                    "summary": "Toàn trường tổ chức lễ kỷ niệm.",
                    "body": rich_text("<p>Sáng 20/11, nhà trường tổ chức lễ kỷ niệm.</p>"),
                    "attachments": streamfield([]),
                    "gallery": streamfield([]),
                    "comments": {
                        "TOTAL_FORMS": 0,
                        "INITIAL_FORMS": 0,
                        "MIN_NUM_FORMS": 0,
                        "MAX_NUM_FORMS": 1000,
                    },
                    "action-publish": "action-publish",
                }
            ),
            HTTP_HOST=host,
        )
    seconds = time.monotonic() - started

    assert response.status_code == 302, response.content.decode()[:2000]
    assert after_commit  # the evaluation was sent after the commit, to a dead broker…
    assert "could not queue the evaluation" in caplog.text  # …which was logged
    assert seconds < 10  # and given up on quickly, not waited for
    with schema_context(school.schema_name):
        page = m.NewsPage.objects.get(slug="le-ky-niem-20-11")
        assert page.live
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    assert client.get("/tin-tuc/le-ky-niem-20-11/", HTTP_HOST=host).status_code == 200
