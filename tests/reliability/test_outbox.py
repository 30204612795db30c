"""An evaluation asked for while Redis is down is kept in PostgreSQL and sent when it returns."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from compliance.models import EvaluationRequest, SchoolEvaluation
from compliance.tasks import evaluate_school, evaluation_requests_drain_task
from sitepages import models as m
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db


def _publish_news(school, title):
    with schema_context(school.schema_name):
        publish_child(
            m.NewsIndexPage.objects.get(),
            m.NewsPage(title=title, summary="Tóm tắt", body="<p>Nội dung tin.</p>"),
        )


def test_a_publish_during_a_redis_outage_is_evaluated_once_redis_returns(
    school, private_redis, django_capture_on_commit_callbacks
):
    private_redis.kill()
    with django_capture_on_commit_callbacks(execute=True):
        _publish_news(school, "Tin đăng khi Redis ngừng")
    request = EvaluationRequest.objects.get(schema_name=school.schema_name)  # kept in PostgreSQL

    # Still down: the drain sends nothing and keeps the request.
    later = timezone.now() + dt.timedelta(minutes=2)
    EvaluationRequest.objects.filter(pk=request.pk).update(
        requested_at=later - dt.timedelta(minutes=5)
    )
    assert evaluation_requests_drain_task() == 0
    assert EvaluationRequest.objects.filter(schema_name=school.schema_name).exists()

    private_redis.start()
    assert evaluation_requests_drain_task() == 1
    assert private_redis.queued() == 1  # the evaluation is on the broker again

    evaluate_school(school.schema_name)  # what the worker runs
    assert SchoolEvaluation.objects.filter(school=school).exists()
    assert not EvaluationRequest.objects.filter(schema_name=school.schema_name).exists()


def test_a_request_made_while_an_evaluation_runs_is_kept_for_the_next_one(school, private_redis):
    from compliance.services.outbox import evaluation_requests_done

    started = timezone.now()
    # (the school's provisioning asked for its first evaluation: the same row, made newer)
    EvaluationRequest.objects.update_or_create(
        schema_name=school.schema_name,
        defaults={"requested_at": started + dt.timedelta(seconds=1)},
    )
    evaluation_requests_done(school.schema_name, started_at=started)
    assert EvaluationRequest.objects.filter(schema_name=school.schema_name).exists()


def test_the_template_and_pooled_schemas_ask_for_nothing(school, private_redis):
    from compliance.services.outbox import evaluation_request

    EvaluationRequest.objects.all().delete()  # rows a kept test database may hold
    evaluation_request("school_template")
    evaluation_request("pool_0123456789abcdef")
    assert not EvaluationRequest.objects.exclude(schema_name=school.schema_name).exists()


def test_a_fresh_request_is_not_sent_twice_by_the_drain(school, private_redis):
    EvaluationRequest.objects.update_or_create(
        schema_name=school.schema_name, defaults={"requested_at": timezone.now()}
    )
    assert evaluation_requests_drain_task() == 0  # its own send is under way
    assert private_redis.queued() == 0
