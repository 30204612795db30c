"""Scheduled publishing: the schools with due work are found, and the page goes live then."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Page, PageLogEntry

from tenants.services.scheduling import schemas_with_due_schedules
from tenants.tasks import publish_scheduled_in_school
from tests.factories import school_make

pytestmark = pytest.mark.django_db


def test_only_schools_with_a_due_go_live_are_picked_and_published(authority):
    waiting, idle = school_make(authority=authority), school_make(authority=authority)
    now = timezone.now()
    with schema_context(waiting.schema_name):
        home = Page.objects.get(depth=2)
        draft = home.add_child(instance=Page(title="Thông báo hẹn giờ", slug="hen-gio", live=False))
        draft.go_live_at = now + dt.timedelta(minutes=10)
        draft.save_revision().publish()  # a future go_live_at makes this a schedule
        assert not Page.objects.get(slug="hen-gio").live
    schemas = [waiting.schema_name, idle.schema_name]
    later = now + dt.timedelta(minutes=11)
    assert schemas_with_due_schedules(schemas, now=now) == []
    assert schemas_with_due_schedules(schemas, now=later) == [waiting.schema_name]
    with time_machine.travel(later, tick=False):
        publish_scheduled_in_school.run(waiting.schema_name)
    with schema_context(waiting.schema_name):
        assert Page.objects.get(slug="hen-gio").live
        went_live = PageLogEntry.objects.get(
            page__slug="hen-gio", action="wagtail.publish.scheduled"
        )
        assert went_live.timestamp == later  # evidence counts from the real go-live
    assert schemas_with_due_schedules(schemas, now=later) == []
