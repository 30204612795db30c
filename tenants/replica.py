"""Reads of the portal, the monthly reports and the open-data API from a PostgreSQL streaming
replica (`DATABASE_REPLICA_URL`); everything else on the primary.

What goes to the replica: reads, during a GET or HEAD request on a public host (an authority's
portal and its `/api/v1/`, the platform's hosts), of the stored results, reports and the
school list (`REPLICA_APPS`: public-schema tables that only the evaluation pipeline and the
report generation write). What never does: writes (a standby refuses them); a school's host
(its editors and its Wagtail admin read their own writes at once); POST requests; sessions,
users and memberships (a login must be seen by the next request, whatever the replica's lag);
Celery tasks and commands (no request: the report generation reads what it freezes from the
primary). A replica lags its primary by the time to replay the WAL (milliseconds on one
network): a dashboard may show a result that much later.

Without `DATABASE_REPLICA_URL` the router is not installed and nothing changes.
"""

import contextvars

from django.conf import settings
from django.db import connections, router
from django_tenants.utils import get_public_schema_name

REPLICA = "replica"
REPLICA_APPS = frozenset({"compliance", "reports", "tenants"})
READ_METHODS = frozenset({"GET", "HEAD"})

_replica_reads = contextvars.ContextVar("replica_reads", default=False)


class ReplicaRouter:
    """Sends REPLICA_APPS' reads to the replica while `_replica_reads` is on; never migrates it."""

    def db_for_read(self, model, **hints):
        if _replica_reads.get() and model._meta.app_label in REPLICA_APPS:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return False if db == REPLICA else None


class ReplicaReadsMiddleware:
    """Turns replica reads on for GET/HEAD requests on public hosts (after the host is
    resolved by SchoolTenantMiddleware), off again when the response is made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tenant = getattr(request, "tenant", None)
        public = tenant is None or tenant.schema_name == get_public_schema_name()
        if not (public and request.method in READ_METHODS and REPLICA in settings.DATABASES):
            return self.get_response(request)
        token = _replica_reads.set(True)
        try:
            return self.get_response(request)
        finally:
            _replica_reads.reset(token)


def read_connection(model):
    """The connection the router reads `model` from: for raw SQL, which routers never see."""
    return connections[router.db_for_read(model)]
