"""A confirmed school import runs in chunks of PORTAL_IMPORT_CHUNK_SIZE schools, one task each
(issue 10: one task for ~400 schools hit the 10-minute limit): the chunking, the progress that
adds up the chunks, and every step safe to run again (a redelivered chunk never creates a
school twice). The last test runs it on a real Celery worker."""

import datetime as dt
import time

import pytest
from django.utils import timezone

from portal.models import SchoolImportChunk, SchoolImportJob
from portal.services.imports import (
    import_chunk_run,
    import_chunks,
    import_job_confirm,
    import_job_finish,
    import_job_plan,
    import_job_start,
)
from tenants.models import School
from tests.conftest import real_worker
from tests.portal.test_browser_workplace import workplace  # noqa: F401 — fixture


def _list(count: int, tag: str = "") -> bytes:
    lines = ["Tên trường,Cấp học,Tên miền,Email hiệu trưởng"]
    lines += [
        f"Trường Tiểu học Khối {n} {tag},Tiểu học,th-khoi-{n}{tag}.localhost,ht{n}@a.edu.vn"
        for n in range(1, count + 1)
    ]
    lines.append("Trường Sai Cấp,Liên cấp,sai-cap.localhost,")  # an error row: not in a chunk
    return "\n".join(lines).encode("utf-8")


def _job(authority, count: int, tag: str = "") -> SchoolImportJob:
    job = import_job_start(
        authority=authority, actor="a@b.vn", filename="ds.csv", data=_list(count, tag)
    )
    SchoolImportJob.objects.filter(pk=job.pk).update(status=SchoolImportJob.Status.QUEUED)
    return job


def test_chunks_are_consecutive_slices():
    rows = list(range(51))
    assert [len(c) for c in import_chunks(rows, 25)] == [25, 25, 1]
    assert sum(import_chunks(rows, 25), []) == rows
    assert import_chunks([], 25) == []
    assert import_chunks(rows[:25], 25) == [rows[:25]]
    with pytest.raises(ValueError):
        import_chunks(rows, 0)


@pytest.mark.django_db
def test_a_redelivered_chunk_creates_nothing_twice(authority):
    job = _job(authority, 5)
    assert import_job_plan(job_id=job.pk, chunk_size=2) == [0, 1, 2]
    assert import_job_plan(job_id=job.pk, chunk_size=2) == [0, 1, 2]  # planned once
    job.refresh_from_db()
    assert job.status == "running" and job.total == 5 and job.done == 0
    assert [len(c.rows) for c in job.chunks.all()] == [2, 2, 1]

    assert import_chunk_run(job_id=job.pk, index=0) == 2
    assert import_chunk_run(job_id=job.pk, index=0) == 0  # done: a redelivery does nothing
    # delivered again before its end was recorded: its rows' outcomes are kept
    SchoolImportChunk.objects.filter(job=job, index=0).update(state="queued")
    assert import_chunk_run(job_id=job.pk, index=0) == 0
    job.refresh_from_db()
    assert job.done == 2 and School.objects.filter(authority=authority).count() == 2

    # a worker killed after creating a school but before recording it: the next delivery
    # finds the school ("already exists"), never a second one
    assert import_chunk_run(job_id=job.pk, index=1) == 2
    lost = SchoolImportChunk.objects.get(job=job, index=1)
    lost.rows = [{**lost.rows[0], "outcome": "create"}, lost.rows[1]]
    lost.state = "queued"
    lost.save()
    SchoolImportJob.objects.filter(pk=job.pk).update(done=3)
    assert import_chunk_run(job_id=job.pk, index=1) == 1
    assert School.objects.filter(authority=authority).count() == 4
    assert SchoolImportChunk.objects.get(job=job, index=1).rows[0]["outcome"] == "exists"

    assert import_job_finish(job_id=job.pk).status == "running"  # chunk 2 not run yet
    assert import_chunk_run(job_id=job.pk, index=2) == 1
    job = import_job_finish(job_id=job.pk)
    assert job.status == "done" and job.done == 5
    assert School.objects.filter(authority=authority).count() == 5
    assert job.result["summary"].startswith("Kết quả: 4 trường đã tạo, 1 đã có từ trước, 1 dòng")
    outcomes = {row["name"]: row for row in job.result["rows"]}
    assert outcomes["Trường Tiểu học Khối 5"]["invitation"] == "sent"
    assert outcomes["Trường Tiểu học Khối 5"]["url"] == "http://th-khoi-5.localhost/"
    assert outcomes["Trường Sai Cấp"]["outcome"] == "error"
    assert import_job_finish(job_id=job.pk).status == "done"  # once


@pytest.mark.django_db
def test_a_chunk_running_elsewhere_is_left_to_it_until_its_claim_expires(authority):
    job = _job(authority, 1)
    import_job_plan(job_id=job.pk)
    now = timezone.now()
    SchoolImportChunk.objects.filter(job=job).update(state="running", claimed_at=now)
    assert import_chunk_run(job_id=job.pk, index=0, now=now + dt.timedelta(minutes=1)) == 0
    assert not School.objects.filter(authority=authority).exists()
    assert import_chunk_run(job_id=job.pk, index=0, now=now + dt.timedelta(minutes=13)) == 1


@pytest.fixture
def small_chunk_worker(transactional_db):
    """A real worker whose imports run 3 schools per task."""
    yield from real_worker(PORTAL_IMPORT_CHUNK_SIZE="3")


def test_a_real_worker_runs_the_chunks_one_task_each(workplace, small_chunk_worker):  # noqa: F811
    authority, _email, tag = workplace
    job = import_job_start(
        authority=authority, actor="a@b.vn", filename="ds.csv", data=_list(7, f"-{tag}")
    )
    import_job_confirm(job=job, actor="a@b.vn")  # queues the run after the commit
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in ("done", "failed"):
            break
        time.sleep(1)
    assert job.status == "done", (job.status, job.error, job.done)
    assert [len(c.rows) for c in job.chunks.all()] == [3, 3, 1]
    assert set(job.chunks.values_list("state", flat=True)) == {"done"}
    assert job.done == job.total == 7
    assert School.objects.filter(authority=authority).count() == 7
    assert job.result["summary"].startswith("Kết quả: 7 trường đã tạo")
