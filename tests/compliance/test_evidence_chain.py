"""The evidence history is append-only and hash-chained per school (issue 11), and
`verify_evidence` names the first broken link."""

import datetime as dt
import threading
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django_tenants.utils import schema_context

from compliance.services.evidence_chain import (
    HASH_MISMATCH,
    HEAD_MISMATCH,
    MISSING,
    PREV_MISMATCH,
    evidence_chain_verify,
)
from sitepages import models as m
from sitepages.models import EvidenceChainAppendOnly, EvidenceEntry
from tenants.schoolcalendar.localtime import LOCAL_TZ
from tests.factories import PLAN_TEXT
from tests.sitepages.helpers import publish_child

TABLE = EvidenceEntry._meta.db_table


def _weekly_plan(monday: dt.date) -> m.WeeklyPlanPage:
    return m.WeeklyPlanPage(title=f"KH tuần {monday:%d/%m}", week_start=monday, body=PLAN_TEXT)


def _publish_weeks(count: int, *, first=dt.date(2026, 11, 2)) -> list[m.WeeklyPlanPage]:
    parent = m.PlanIndexPage.objects.get()
    pages = []
    for week in range(count):
        monday = first + dt.timedelta(weeks=week)
        with time_machine.travel(
            dt.datetime.combine(monday, dt.time(7, 30), tzinfo=LOCAL_TZ), tick=False
        ):
            pages.append(publish_child(parent, _weekly_plan(monday)))
    return pages


def _verify(school) -> tuple[str, bool]:
    out = StringIO()
    try:
        call_command("verify_evidence", school=school.schema_name, stdout=out)
    except CommandError:
        return out.getvalue(), False
    return out.getvalue(), True


@pytest.mark.django_db
def test_publications_build_a_chain_that_verifies(school):
    with schema_context(school.schema_name):
        before = EvidenceEntry.objects.count()
        pages = _publish_weeks(3)
        m.WeeklyPlanPage.objects.get(pk=pages[0].pk).unpublish()
        entries = list(EvidenceEntry.objects.order_by("seq"))[before:]
        assert [(e.action, e.page_id) for e in entries] == [
            ("wagtail.publish", pages[0].pk),
            ("wagtail.publish", pages[1].pk),
            ("wagtail.publish", pages[2].pk),
            ("wagtail.unpublish", pages[0].pk),
        ]
        assert entries[0].period == {"week_start": "2026-11-02"}
        assert entries[0].at == dt.datetime(2026, 11, 2, 0, 30, tzinfo=dt.UTC)
        assert len(entries[0].substance_sha256) == 64
        assert [e.seq for e in EvidenceEntry.objects.order_by("seq")] == list(range(1, before + 5))
        for previous, entry in zip(entries, entries[1:], strict=False):
            assert entry.prev_hash == previous.hash
        check = evidence_chain_verify()
    assert check.ok and check.count == before + 4
    output, ok = _verify(school)
    assert ok
    assert f"{school.schema_name}: đúng, {before + 4} mục." in output


@pytest.mark.django_db
def test_the_application_and_the_database_refuse_to_change_the_history(school):
    with schema_context(school.schema_name):
        _publish_weeks(1)
        entry = EvidenceEntry.objects.order_by("-seq").first()
        entry.action = "wagtail.unpublish"
        with pytest.raises(EvidenceChainAppendOnly):
            entry.save()
        with pytest.raises(EvidenceChainAppendOnly):
            entry.delete()
        with pytest.raises(EvidenceChainAppendOnly):
            EvidenceEntry.objects.filter(pk=entry.pk).update(action="x")
        with pytest.raises(EvidenceChainAppendOnly):
            EvidenceEntry.objects.all().delete()
        for sql in (
            f"UPDATE {TABLE} SET action = 'x' WHERE id = %s",
            f"DELETE FROM {TABLE} WHERE id = %s",
            f"TRUNCATE {TABLE}",
        ):
            with pytest.raises(DatabaseError, match="append-only"):
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(sql, [entry.pk] if "%s" in sql else None)
        assert evidence_chain_verify().ok


def _tamper(sql: str, params) -> None:
    """Raw SQL as the table's owner who first disables the append-only trigger."""
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER evidence_entry_append_only")
        cursor.execute(sql, params)
        cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER evidence_entry_append_only")


@pytest.mark.django_db
def test_a_row_changed_behind_the_applications_back_is_named(school):
    with schema_context(school.schema_name):
        _publish_weeks(4)
        seqs = list(EvidenceEntry.objects.order_by("seq").values_list("seq", flat=True))
        target = EvidenceEntry.objects.get(seq=seqs[-3])
        # Moving a late publication back in time: the entry's fields no longer give its hash.
        _tamper(f"UPDATE {TABLE} SET at = at - interval '3 days' WHERE id = %s", [target.pk])
        check = evidence_chain_verify()
    assert check.broken.seq == target.seq and check.broken.reason == HASH_MISMATCH
    assert check.count == target.seq - 1
    output, ok = _verify(school)
    assert not ok
    moved = (target.at - dt.timedelta(days=3)).astimezone(LOCAL_TZ)
    assert (
        f"{school.schema_name}: gãy ở mục #{target.seq} ({moved:%d/%m/%Y %H:%M}): "
        "mã băm không khớp nội dung của mục." in output
    )


@pytest.mark.django_db
def test_a_row_rehashed_after_its_change_breaks_the_next_link(school):
    from compliance.services.evidence_chain import entry_hash, entry_payload

    with schema_context(school.schema_name):
        _publish_weeks(3)
        target = EvidenceEntry.objects.order_by("-seq")[1]
        target.page_id = 999_999
        forged = entry_hash(payload=entry_payload(target), prev_hash=target.prev_hash)
        _tamper(
            f"UPDATE {TABLE} SET page_id = 999999, hash = %s WHERE id = %s", [forged, target.pk]
        )
        check = evidence_chain_verify()
    assert check.broken.seq == target.seq + 1 and check.broken.reason == PREV_MISMATCH


@pytest.mark.django_db
def test_a_deleted_row_is_named_by_the_entry_after_it(school):
    with schema_context(school.schema_name):
        _publish_weeks(4)
        target = EvidenceEntry.objects.order_by("-seq")[2]
        following = EvidenceEntry.objects.get(seq=target.seq + 1)
        _tamper(f"DELETE FROM {TABLE} WHERE id = %s", [target.pk])
        check = evidence_chain_verify()
    assert check.broken.seq == following.seq and check.broken.reason == PREV_MISMATCH
    output, ok = _verify(school)
    assert not ok
    assert f"gãy ở mục #{following.seq} (" in output
    assert "mã băm của mục trước không khớp (mục trước đã bị sửa hoặc xóa)." in output


@pytest.mark.django_db
def test_removing_the_newest_entries_is_caught_by_the_head_kept_outside_the_school(school):
    from compliance.models import EvidenceChainHead

    with schema_context(school.schema_name):
        _publish_weeks(3)
        last = EvidenceEntry.objects.order_by("-seq").first()
        head = EvidenceChainHead.objects.get(schema_name=school.schema_name)
        assert (head.seq, head.hash) == (last.seq, last.hash)
        _tamper(f"DELETE FROM {TABLE} WHERE seq >= %s", [last.seq - 1])
        check = evidence_chain_verify()
    assert check.broken.seq == last.seq - 1 and check.broken.reason == MISSING
    assert check.count == last.seq - 2
    output, ok = _verify(school)
    assert not ok
    assert (
        f"gãy ở mục #{last.seq - 1} ({head.updated_at.astimezone(LOCAL_TZ):%d/%m/%Y %H:%M}): "
        f"mục này và các mục sau đã bị xóa (mốc lưu ngoài trường ghi đến mục #{last.seq})."
        in output
    )


@pytest.mark.django_db
def test_a_chain_rewritten_from_some_entry_on_disagrees_with_its_head(school):
    from compliance.services.evidence_chain import entry_hash, entry_payload

    with schema_context(school.schema_name):
        _publish_weeks(2)
        last = EvidenceEntry.objects.order_by("-seq").first()
        # the newest entry changed and re-hashed: every link holds, the head does not agree
        last.page_id = 999_999
        forged = entry_hash(payload=entry_payload(last), prev_hash=last.prev_hash)
        _tamper(f"UPDATE {TABLE} SET page_id = 999999, hash = %s WHERE id = %s", [forged, last.pk])
        check = evidence_chain_verify()
    assert check.broken.seq == last.seq and check.broken.reason == HEAD_MISMATCH


@pytest.mark.django_db
def test_all_schools_are_checked_and_an_unknown_school_is_refused(school, authority):
    from tests.factories import school_make

    other = school_make(authority=authority, name="THCS Trần Phú", domain="thcs-tran-phu.localhost")
    with schema_context(other.schema_name):
        _publish_weeks(2)
        target = EvidenceEntry.objects.order_by("-seq").first()
        _tamper(f"UPDATE {TABLE} SET action = 'x' WHERE id = %s", [target.pk])
    out = StringIO()
    with pytest.raises(CommandError, match="1 trường bị gãy"):
        call_command("verify_evidence", all=True, stdout=out)
    assert f"{school.schema_name}: đúng" in out.getvalue()
    assert f"{other.schema_name}: gãy ở mục #{target.seq}" in out.getvalue()
    with pytest.raises(CommandError, match="không tìm thấy trường"):
        call_command("verify_evidence", school="khong-co.localhost", stdout=StringIO())
    # the school is also found by its domain
    out = StringIO()
    call_command("verify_evidence", school=school.domains.first().domain, stdout=out)
    assert f"{school.schema_name}: đúng" in out.getvalue()


def test_concurrent_publications_keep_one_linear_chain(committed_schools):
    school = committed_schools(name="THCS Lê Lợi", domain="thcs-le-loi.localhost")
    with schema_context(school.schema_name):
        parent = m.PlanIndexPage.objects.get()
        drafts = []
        for week in range(12):
            page = _weekly_plan(dt.date(2026, 11, 2) + dt.timedelta(weeks=week))
            page.live = False
            parent.add_child(instance=page)
            drafts.append(page.pk)
        before = EvidenceEntry.objects.count()
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def publisher(page_ids):
        try:
            with schema_context(school.schema_name):
                start.wait()
                for pk in page_ids:
                    m.WeeklyPlanPage.objects.get(pk=pk).save_revision().publish()
        except BaseException as exc:  # noqa: BLE001 — collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=publisher, args=(drafts[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with schema_context(school.schema_name):
        seqs = list(EvidenceEntry.objects.order_by("seq").values_list("seq", flat=True))
        published = set(
            EvidenceEntry.objects.filter(seq__gt=before).values_list("page_id", flat=True)
        )
        check = evidence_chain_verify()
    assert seqs == list(range(1, before + 13))
    assert published == set(drafts)
    assert check.ok and check.count == before + 12
