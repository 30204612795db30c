"""A real Celery worker on the test broker, for the pipeline tests."""

import subprocess

import pytest
from django.conf import settings
from django.db import connection

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
