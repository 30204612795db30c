"""The portal's bulk import: upload → preview (nothing created) → confirm → the run (here
in-process; tests/portal/test_browser_workplace.py runs it on a real worker) → result XLSX."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from portal.models import AuditEntry, SchoolImportJob
from portal.services.imports import import_job_run
from tenants.models import School
from tests.factories import school_make

pytestmark = pytest.mark.django_db

LIST = (
    "Tên trường,Cấp học,Tên miền,Email hiệu trưởng,Bán trú\n"
    "Trường Mầm non Phong An,Mầm non,mn-phong-an.localhost,ht@phongan.edu.vn,x\n"
    "Trường Tiểu học Phong Sơn,Tiểu học,th-phong-son.localhost,,\n"
    "Trường Liên cấp Sao Mai,Liên cấp,lc-sao-mai.localhost,,\n"
    "Trường THCS Đã Có,THCS,da-co-san.localhost,,\n"
)


def _upload(client, text=LIST, name="danh-sach.csv"):
    return client.post(
        "/quan-ly/truong/nhap/", {"file": SimpleUploadedFile(name, text.encode("utf-8"))}
    )


def test_preview_then_confirm_then_the_run_creates_and_invites_in_process(portal_client, authority):
    school_make(authority=authority, name="Trường THCS Đã Có", domain="da-co-san.localhost")
    client = portal_client(authority, "admin")
    response = _upload(client)
    assert response.status_code == 302
    job = SchoolImportJob.objects.get()
    page = client.get(response["Location"])
    assert "Xem trước: 2 trường sẽ tạo, 1 đã có từ trước, 1 dòng lỗi" in page.text
    assert "Sẽ tạo" in page.text and "Đã có từ trước" in page.text
    assert "chưa cho biết những cấp nào" in page.text  # the reason, in Vietnamese
    assert not School.objects.filter(name="Trường Tiểu học Phong Sơn").exists()

    client.post(f"/quan-ly/truong/nhap/{job.pk}/xac-nhan/")
    job.refresh_from_db()
    assert job.status == "queued" and job.total == 2
    assert AuditEntry.objects.filter(action="schools_import", target="danh-sach.csv").exists()
    again = client.post(f"/quan-ly/truong/nhap/{job.pk}/xac-nhan/", follow=True)
    assert "Danh sách này đã được xác nhận rồi." in again.text

    job = import_job_run(job_id=job.pk)  # what the worker's task calls
    assert job.status == "done" and job.done == 2
    assert School.objects.get(name="Trường Mầm non Phong An").serves_meals
    assert School.objects.filter(name="Trường Tiểu học Phong Sơn").exists()
    assert [m.to for m in mail.outbox] == [["ht@phongan.edu.vn"]]
    assert "mn-phong-an.localhost/admin/password_reset/" in mail.outbox[0].body

    progress = client.get(f"/quan-ly/truong/nhap/{job.pk}/tien-do/").json()
    assert progress == {
        "status": "done", "status_label": "Xong", "done": 2, "total": 2, "error": "",
    }  # fmt: skip
    result = client.get(f"/quan-ly/truong/nhap/{job.pk}/ket-qua.xlsx")
    assert result["Content-Disposition"].endswith(f'ket-qua-nhap-truong-{job.pk}.xlsx"')
    sheet = load_workbook(io.BytesIO(result.content))["Kết quả"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    created = rows["Trường Mầm non Phong An"]
    assert created[2] == "Đã tạo" and created[3] == "mn-phong-an.localhost"
    assert created[4] == "http://mn-phong-an.localhost/" and created[7] == "Đã gửi"
    assert (
        rows["Trường Liên cấp Sao Mai"][2] == "Lỗi"
        and "Cấp học" in rows["Trường Liên cấp Sao Mai"][8]
    )
    assert rows["Trường THCS Đã Có"][2] == "Đã có từ trước"


def test_an_unreadable_file_is_refused_with_one_sentence(portal_client, authority):
    client = portal_client(authority, "admin")
    response = _upload(client, text="%PDF-1.4 không phải danh sách", name="ds.pdf")
    assert response.status_code == 400
    assert "PDF" in response.text
    assert not SchoolImportJob.objects.exists()


def test_another_authoritys_import_is_not_found(portal_client, authority):
    from tests.factories import authority_make

    other = authority_make()
    job = SchoolImportJob.objects.create(
        authority=other, created_by="x", filename="a.csv", data=b"", total=1
    )
    client = portal_client(authority, "admin")
    assert client.get(f"/quan-ly/truong/nhap/{job.pk}/").status_code == 404
    assert client.post(f"/quan-ly/truong/nhap/{job.pk}/xac-nhan/").status_code == 404


@pytest.mark.parametrize("step", ["upload", "confirm"])
def test_inspectors_are_refused_the_import(portal_client, authority, step):
    job = SchoolImportJob.objects.create(
        authority=authority, created_by="x", filename="a.csv", data=LIST.encode(), total=2
    )
    client = portal_client(authority, "inspector")
    if step == "upload":
        response = _upload(client)
    else:
        response = client.post(f"/quan-ly/truong/nhap/{job.pk}/xac-nhan/")
    assert response.status_code == 403 and "chỉ được xem" in response.text
    job.refresh_from_db()
    assert job.status == "preview" and SchoolImportJob.objects.count() == 1


def test_an_error_rows_domain_is_shown_or_why_there_is_none(portal_client, authority):
    school_make(authority=authority, name="Trường THCS Khác", domain="da-dung.localhost")
    rows = (
        "Tên trường,Cấp học,Tên miền\n"
        "Trường Liên cấp Sao Mai,Liên cấp,lc-sao-mai.localhost\n"  # bad level, host fine
        "Trường Tiểu học Không Miền,Tiểu học,\n"  # no host written
        "Trường Tiểu học Miền Sai,Tiểu học,http://khong hop le\n"  # host unreadable
        "Trường THCS Trùng Miền,THCS,da-dung.localhost\n"  # host of another school
    )
    client = portal_client(authority, "admin")
    page = client.get(_upload(client, text=rows)["Location"]).text
    cells = {
        row.split('<th scope="row">')[1].split("</th>")[0]: row.split("</th><td>")[1].split(
            "</td>"
        )[0]
        for row in page.split('<tr class="outcome-error">')[1:]
    }
    assert cells["Trường Liên cấp Sao Mai"] == "lc-sao-mai.localhost"
    assert cells["Trường THCS Trùng Miền"] == "da-dung.localhost"
    assert "Không có: chưa ghi tên miền" in cells["Trường Tiểu học Không Miền"]
    assert "Không có:" in cells["Trường Tiểu học Miền Sai"]
    assert "khong hop le" in cells["Trường Tiểu học Miền Sai"]
    assert all(cell != "—" for cell in cells.values())
