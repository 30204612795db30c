"""Run by tests/tenants/test_replica.py in a process of its own, whose `default` database is a
private primary and whose `replica` is its streaming standby (DATABASE_URL,
DATABASE_REPLICA_URL). Prints one JSON object of what it saw."""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def caught_up(connections) -> None:
    with connections["default"].cursor() as cursor:
        # The insert position: with synchronous_commit off (the test settings) the write
        # position can stop short of the last commit record.
        cursor.execute("SELECT pg_current_wal_insert_lsn()")
        target = cursor.fetchone()[0]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with connections["replica"].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise RuntimeError("the replica did not catch up within 30 s")


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import DatabaseError, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from compliance.models import ObligationResult, SchoolEvaluation
    from compliance.services.tallies import school_tallies_refresh
    from portal.models import AuthorityMembership
    from tenants.models import Authority, School
    from tests.crafting import local

    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    authority, _ = Authority.objects.get_or_create(
        code="so-ban-sao", defaults={"name": "Sở GD&ĐT Bản Sao", "kind": "province",
                                     "portal_domain": "so-ban-sao.localhost"},
    )  # fmt: skip
    ObligationResult.objects.filter(school__authority=authority).delete()
    SchoolEvaluation.objects.filter(school__authority=authority).delete()
    School.objects.filter(authority=authority).delete()
    schools = [
        School.objects.create(
            name=f"THCS Bản Sao {n}", code=f"ban-sao-{n}", levels=["lower_secondary"],
            authority=authority, schema_name=f"ban_sao_{n}",
        )
        for n in range(2)
    ]  # fmt: skip
    for school in schools:
        SchoolEvaluation.objects.create(
            school=school, as_of=local(2026, 11, 20, 9), evaluated_at=local(2026, 11, 20, 9),
            summary={}, month_category="did_not_update",
        )  # fmt: skip
    user, _ = get_user_model().objects.get_or_create(username="admin@ban-sao.vn")
    AuthorityMembership.objects.get_or_create(
        user=user, authority=authority, defaults={"role": "admin"}
    )
    client = Client(HTTP_HOST=authority.portal_domain)
    client.force_login(user)
    caught_up(connections)

    def dashboard():
        with (
            CaptureQueriesContext(connections["default"]) as primary,
            CaptureQueriesContext(connections["replica"]) as replica,
        ):
            response = client.get("/")
        return response, [q["sql"] for q in primary], [q["sql"] for q in replica]

    before, primary_before, replica_before = dashboard()
    # A publish in the first school: its new stored result is written on the primary.
    SchoolEvaluation.objects.filter(school=schools[0]).update(month_category="compliant")
    ObligationResult.objects.create(
        school=schools[0], ruleset="letter-2015", rule="weekly-plan", period_key="2026-W47",
        kind="periodic", month="2026-11", due_at=local(2026, 11, 16, 12), status="on_time",
        satisfied_at=local(2026, 11, 16, 8), evidence=[], reason="", weight=1.0,
    )  # fmt: skip
    school_tallies_refresh([schools[0].pk])  # as the evaluation stores them
    refused = ""
    try:
        with connections["replica"].cursor() as cursor:
            cursor.execute("UPDATE compliance_schoolevaluation SET month_category = 'x'")
    except DatabaseError as error:
        refused = str(error).splitlines()[0]
    caught_up(connections)
    after, primary_after, replica_after = dashboard()
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        standby = cursor.fetchone()[0]
    print(json.dumps({
        "status": [before.status_code, after.status_code],
        "standby": standby,
        "write_refused_on_replica": refused,
        "results_read_on_replica": sum("compliance_" in sql for sql in replica_before + replica_after),
        "results_read_on_primary": sum("compliance_" in sql for sql in primary_before + primary_after),
        "primary_reads": primary_before,
        "names_before": [s.name in before.text for s in schools],
        "published_on_replica": ObligationResult.objects.using("replica")
        .filter(school=schools[0], rule="weekly-plan").count(),
        "did_not_update_before": before.text.count("chưa cập nhật"),
        "did_not_update_after": after.text.count("chưa cập nhật"),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
