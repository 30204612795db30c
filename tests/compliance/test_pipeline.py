"""The pipeline end to end with a real Celery worker and Redis: a publish in a school's admin
is evaluated and stored in the public schema within seconds, by a tenant-aware task."""

import time

from django_tenants.utils import schema_context
from wagtail.models import Site

from compliance.models import ObligationResult, ObligationStatus, SchoolEvaluation


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
