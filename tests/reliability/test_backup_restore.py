"""backup_school / restore_school: a round trip gives the same site, files and compliance results."""

import datetime as dt
import shutil
import tarfile
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry, Site

from compliance.models import EvidenceChainHead
from compliance.services.evaluation import school_obligations
from sitepages import models as m
from tenants.models import School
from tenants.services.backup import school_media_dir
from tests.sitepages.helpers import publish_child


def _site_content():
    """What a parent and the engine see of a school: pages, publish log, documents' bytes."""
    pages = sorted(
        (p.url_path, p.title, p.live, p.specific_class.__name__, p.last_published_at)
        for p in Page.objects.all()
    )
    log = sorted(
        (e.action, e.page_id, e.timestamp)
        for e in PageLogEntry.objects.filter(action="wagtail.publish")
    )
    documents = sorted(
        (d.title, d.file.name, d.file.read()) for d in get_document_model().objects.all()
    )
    return pages, log, documents


def _obligations(school):
    as_of = dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC)
    report = school_obligations(school=school, as_of=as_of)
    return sorted(
        (o.rule, o.period_key, o.item, str(o.status), o.satisfied_at) for o in report.obligations
    )


@pytest.fixture(autouse=True)
def _media_removed_after():
    """The uploads of the schools these tests make or restore go with them."""
    yield
    for schema_name in ("thcs_nguyen_du", "thcs_nguyen_du_ban_sao"):
        shutil.rmtree(school_media_dir(schema_name), ignore_errors=True)


@pytest.fixture
def school_with_content(committed_schools):
    school = committed_schools(name="THCS Nguyễn Du", domain="thcs-nguyen-du.localhost")
    with schema_context(school.schema_name):
        document = get_document_model().objects.create(
            title="Quyết định 15", file=ContentFile(b"%PDF-1.4 quyet dinh", name="qd-15.pdf")
        )
        publish_child(
            m.DocumentIndexPage.objects.get(),
            m.OfficialDocumentPage(
                title="Quyết định thành lập tổ",
                number="15/QĐ-THCS",
                issuer="Trường THCS",
                issued_on=dt.date(2026, 9, 1),
                summary="Về việc thành lập tổ chuyên môn",
                file=document,
            ),
        )
        publish_child(
            m.NewsIndexPage.objects.get(),
            m.NewsPage(title="Hội thi văn nghệ 20/11", summary="Tóm tắt", body="<p>Nội dung</p>"),
        )
        content = _site_content()
    return school, content


def test_a_school_restored_as_a_new_code_has_the_same_site_files_and_results(
    school_with_content, tmp_path, committed_schools
):
    school, content = school_with_content
    archive = tmp_path / "nguyen-du.tar.gz"
    call_command("backup_school", school.code, output=str(archive))
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert {"manifest.json", "schema.sql"} <= set(names)
    assert any(n.startswith("media/documents/") for n in names)

    call_command("restore_school", str(archive), as_code="thcs-nguyen-du-ban-sao")

    copy = School.objects.get(code="thcs-nguyen-du-ban-sao")
    assert copy.schema_name == "thcs_nguyen_du_ban_sao"
    assert copy.domains.get().domain == "thcs-nguyen-du-ban-sao.localhost"
    try:
        with schema_context(copy.schema_name):
            assert _site_content() == content
            assert Site.objects.get().hostname == "thcs-nguyen-du-ban-sao.localhost"
        assert _obligations(copy) == _obligations(school)
    finally:
        from tenants.services.pool import schema_drop

        schema_drop(copy.schema_name)


def test_a_school_restored_as_itself_after_deletion_serves_its_pages(
    school_with_content, tmp_path, client
):
    school, content = school_with_content
    archive = tmp_path / "nguyen-du.tar.gz"
    call_command("backup_school", school.schema_name, output=str(archive))
    assert EvidenceChainHead.objects.filter(schema_name=school.schema_name).exists()
    call_command("delete_school", school.code, confirm=school.code, backup_dir=str(tmp_path))
    assert not school_media_dir(school.schema_name).exists()  # deleted with the school
    # its evidence-chain head too: a new school of that name starts its own
    assert not EvidenceChainHead.objects.filter(schema_name=school.schema_name).exists()

    call_command("restore_school", str(archive))

    restored = School.objects.get(code=school.code)
    assert restored.schema_name == school.schema_name
    with schema_context(restored.schema_name):
        assert _site_content() == content
    out = StringIO()
    call_command("verify_evidence", school=restored.schema_name, stdout=out)  # the archive's
    assert f"{restored.schema_name}: đúng" in out.getvalue()  # history came back whole
    response = client.get("/van-ban/", HTTP_HOST="thcs-nguyen-du.localhost")
    assert response.status_code == 200
    assert "15/QĐ-THCS" in response.content.decode()


def test_restoring_over_an_existing_school_is_refused_and_leaves_nothing(
    school_with_content, tmp_path
):
    school, _ = school_with_content
    archive = tmp_path / "nguyen-du.tar.gz"
    call_command("backup_school", school.code, output=str(archive))
    schools_before = School.objects.count()

    with pytest.raises(CommandError, match="đã có"):
        call_command("restore_school", str(archive))

    assert School.objects.count() == schools_before


def test_a_file_that_is_not_a_backup_gets_a_clear_message(tmp_path, db):
    bogus = tmp_path / "danh-sach.tar.gz"
    bogus.write_bytes(b"STT,Ten truong\n1,THCS A\n")
    with pytest.raises(CommandError, match="không phải tệp sao lưu"):
        call_command("restore_school", str(bogus))
    with pytest.raises(CommandError, match="Không có tệp"):
        call_command("restore_school", str(tmp_path / "missing.tar.gz"))
