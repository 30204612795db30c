"""The pipeline end to end with a real Celery worker and Redis: a publish in a school's admin
is evaluated and stored in the public schema within seconds, by a tenant-aware task."""

import subprocess
import time

import pytest
from django.conf import settings
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Site

from compliance.models import ObligationResult, ObligationStatus, SchoolEvaluation
from schoolhost.worker_process import celery_worker_start, celery_worker_stop


@pytest.fixture
def celery_worker_process(transactional_db):
    env = {
        "DJANGO_SETTINGS_MODULE": "schoolhost.settings.test",
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(
            **{
                k: v or ""
                for k, v in connection.settings_dict.items()
                if k in {"USER", "HOST", "PORT", "NAME"}
            }
        ),
        "TEST_CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
    }
    import redis

    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()
    worker = celery_worker_start(env=env, output=subprocess.PIPE)
    yield worker
    celery_worker_stop(worker)


def test_a_publish_is_evaluated_by_a_worker_within_seconds(
    celery_worker_process, committed_schools
):
    school = committed_schools(name="THCS Quang Trung")
    assert not SchoolEvaluation.objects.filter(school=school).exists()
    with schema_context(school.schema_name):
        home = Site.objects.get().root_page.specific
        home.title = "THCS Quang Trung — trang chủ"
        home.save_revision().publish()
    published = time.monotonic()
    evaluation = None
    while time.monotonic() - published < 60 and evaluation is None:
        evaluation = SchoolEvaluation.objects.filter(school=school).first()
        time.sleep(0.1)
    output = "" if evaluation else celery_worker_process.stdout.read1().decode()
    assert evaluation is not None, f"no evaluation stored; worker said: {output}"
    assert ObligationResult.objects.filter(school=school, rule="weekly-plan").exists()
    # a brand-new site has published nothing required: its empty sections are no evidence,
    # and within the new school's grace period they are pending, with the reason
    assert evaluation.summary["on_time"] <= 1  # only the provisioned feedback form works
    organisation = ObligationResult.objects.get(
        school=school, ruleset="letter-2015", rule="organisation"
    )
    assert organisation.status == ObligationStatus.PENDING
    assert organisation.reason.startswith("Trang “Giới thiệu” chưa có danh sách lãnh đạo")
