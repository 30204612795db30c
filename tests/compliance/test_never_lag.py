"""The stored result after a publish or unpublish always includes that change: the evaluation is
queued from the publish log entry after it is committed, never from `page_published` (sent
before Wagtail writes the log entry). Publishes go through the real admin view and through
`PublishPageRevisionAction`; a real worker evaluates; 20 rounds to catch the race."""

import time

from django_tenants.utils import schema_context
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from compliance.models import ObligationResult, ObligationStatus
from compliance.services.evaluation import school_evaluate
from sitepages import models as m
from tests.factories import PLAN_TEXT
from tests.sitepages.helpers import publish_child

ROUNDS = 20


def stored_status(school, key) -> str | None:
    row = ObligationResult.objects.filter(
        school=school, ruleset="letter-2015", rule="weekly-plan", period_key=key
    ).first()
    return row.status if row else None


def wait_for(school, key, expected, *, what, worker, seconds=120.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if stored_status(school, key) == expected:
            return
        time.sleep(0.05)
    rows = list(
        ObligationResult.objects.filter(school=school, rule="weekly-plan").values_list(
            "ruleset", "period_key", "status", "reason"
        )
    )
    raise AssertionError(
        f"{what}: stored {stored_status(school, key)!r}, expected {expected!r} "
        f"(the evaluation ran without the change that triggered it); weekly plans: {rows}"
    )


def test_every_publish_and_unpublish_is_in_the_stored_result(
    celery_worker_process, committed_schools, client
):
    from django.contrib.auth import get_user_model

    school = committed_schools(name="THCS Lê Lợi", levels="lower_secondary")
    host = school.provisioned.domain
    school_evaluate(school=school)
    key = (
        ObligationResult.objects.filter(
            school=school, ruleset="letter-2015", rule="weekly-plan", status="pending"
        )
        .order_by("due_at")
        .values_list("period_key", flat=True)
        .first()
    )
    assert key, "the new school has a coming weekly plan"
    from tenants.schoolcalendar.periods import parse_period_key

    monday = parse_period_key(key).monday
    with schema_context(school.schema_name):
        user = get_user_model().objects.create_superuser(
            username="hieutruong", email="ht@example.edu.vn", password="x"
        )
        client.force_login(user)
        plan = publish_child(
            m.PlanIndexPage.objects.get(),
            m.WeeklyPlanPage(title="Kế hoạch tuần", week_start=monday, body=PLAN_TEXT),
        )
        plan.unpublish(user=user)
    wait_for(school, key, ObligationStatus.PENDING, what="setup", worker=celery_worker_process)

    for number in range(ROUNDS):
        if number % 2 == 0:
            data = nested_form_data(
                {
                    "title": f"Kế hoạch tuần (lần {number})",
                    "slug": "ke-hoach-tuan",
                    "week_start": f"{monday:%d/%m/%Y}",
                    "body": rich_text(PLAN_TEXT),
                    "attachments": streamfield([]),
                    "action-publish": "publish",
                }
            )
            response = client.post(f"/admin/pages/{plan.pk}/edit/", data, HTTP_HOST=host)
            assert response.status_code == 302, response.content.decode()[:2000]
            how = "admin view"
        else:
            with schema_context(school.schema_name):
                page = m.WeeklyPlanPage.objects.get(pk=plan.pk)
                page.title = f"Kế hoạch tuần (lần {number})"
                revision = page.save_revision(user=user)
                PublishPageRevisionAction(revision, user=user).execute()
            how = "PublishPageRevisionAction"
        wait_for(
            school, key, ObligationStatus.ON_TIME, what=f"round {number}, {how}",
            worker=celery_worker_process,
        )  # fmt: skip
        with schema_context(school.schema_name):
            m.WeeklyPlanPage.objects.get(pk=plan.pk).unpublish(user=user)
        wait_for(
            school, key, ObligationStatus.PENDING, what=f"round {number}, unpublish",
            worker=celery_worker_process,
        )  # fmt: skip
