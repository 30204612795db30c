"""Text enters in NFC: request data (middleware), rows written by code (pre_save), the CLI."""

import sys
import unicodedata

import pytest
from django.db import connections
from django.http import QueryDict
from django.test import RequestFactory

import manage
from reports.models import MonthlyReport
from tenants.models import Authority
from tenants.nfc import NfcInputMiddleware, querydict_nfc
from tenants.storage import SchoolFileStorage
from tenants.text import argv_nfc, nfc_deep
from tests.crafting import month_of_each_category


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_nfd_and_nfc_differ_for_vietnamese():
    """The premise: a pasted (NFD) name is not equal to the typed (NFC) one."""
    assert nfd("Thời khóa biểu") != "Thời khóa biểu"


def test_nfc_deep_reaches_every_string_and_keeps_other_values():
    data = {nfd("tên"): [nfd("Hội thi"), 3, None, {"x": (nfd("đề"),)}]}
    assert nfc_deep(data) == {"tên": ["Hội thi", 3, None, {"x": ("đề",)}]}
    assert argv_nfc(["manage.py", "--name", nfd("Nguyễn Du")]) == [
        "manage.py",
        "--name",
        "Nguyễn Du",
    ]


def test_middleware_normalises_query_form_fields_and_upload_names():
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(nfd("Kế hoạch.pdf"), b"%PDF-1.4")
    request = RequestFactory().post(
        f"/?q={nfd('thời khóa')}", {nfd("tiêu_đề"): nfd("Hội thi"), "file": upload}
    )
    NfcInputMiddleware(lambda r: None).process_view(request, None, (), {})
    assert request.GET["q"] == "thời khóa"
    assert request.POST["tiêu_đề"] == "Hội thi"
    assert request.FILES["file"].name == "Kế hoạch.pdf"
    plain = QueryDict("a=b")
    assert querydict_nfc(plain) is plain  # nothing to do: no copy


def test_uploaded_file_names_keep_every_letter_whatever_the_form():
    storage = SchoolFileStorage()
    assert storage.get_valid_name(nfd("Kế hoạch tháng 11 – Đoàn.pdf")) == (
        storage.get_valid_name("Kế hoạch tháng 11 – Đoàn.pdf")
    )
    assert storage.get_valid_name(nfd("Thời khóa biểu.pdf")) == "Thời_khóa_biểu.pdf"


@pytest.mark.django_db
def test_rows_written_in_code_are_stored_nfc(authority):
    authority.name = nfd("Phòng GD&ĐT Hòa Vang")
    authority.save()
    assert Authority.objects.get(pk=authority.pk).name == "Phòng GD&ĐT Hòa Vang"


@pytest.mark.django_db
def test_the_command_line_is_read_in_nfc(authority, frozen_now, monkeypatch, capsys):
    """manage.py as a person runs it, with a reason pasted from Word (NFD)."""
    # A command run from argv closes every connection when it ends; the test's transaction
    # lives on the default connection, so it is kept open here.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    month_of_each_category(authority)
    base = ["manage.py", "monthly_report", "--authority", authority.code, "--month", "2026-10"]
    monkeypatch.setattr(sys, "argv", base)
    manage.main()
    reason = "Sửa số liệu trường Hòa Bình"
    monkeypatch.setattr(sys, "argv", [*base, "--regenerate", "--reason", nfd(reason)])
    manage.main()
    generation = MonthlyReport.objects.get().generations.order_by("-number").first()
    assert generation.reason == reason
