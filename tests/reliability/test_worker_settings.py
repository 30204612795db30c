"""A killed worker's tasks come back in minutes, never run twice while still running (issue 11)."""

from schoolhost.celery import app


def test_tasks_are_acknowledged_late_and_requeued_when_their_worker_dies():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1


def test_an_unacknowledged_task_returns_within_minutes_but_after_the_longest_task():
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit < visibility
    assert visibility <= 15 * 60  # kombu's default of one hour made a killed worker's tasks wait


def test_every_task_stays_under_the_hard_limit():
    """A task that sets its own longer limit would be handed out again while still running."""
    app.loader.import_default_modules()
    limits = {
        name: task.time_limit
        for name, task in app.tasks.items()
        if not name.startswith("celery.") and task.time_limit is not None
    }
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert {name: limit for name, limit in limits.items() if limit >= visibility} == {}
