"""The workplace in Debian's chromium, as an authority admin uses it: create a school, import a
30-row list with 3 bad rows and confirm (a real Celery worker creates the schools while the
page polls its progress), invite a colleague who then sets a password and logs in.

Marked `browser`. Data is committed (live_server); the schools' schemas are dropped after."""

import datetime as dt
import io
import re
import uuid
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from openpyxl import Workbook, load_workbook

from portal.services import authority_user_create
from tenants.models import School
from tests.conftest import real_worker
from tests.crafting import PASSWORD
from tests.factories import authority_make
from tests.portal.test_browser import _axe_serious, browser  # noqa: F401 — shared chromium

pytestmark = [pytest.mark.browser]
VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def workplace(transactional_db):
    """An authority with an admin (the schools made under it go back to the test pool after)."""
    tag = uuid.uuid4().hex[:8]
    authority = authority_make(
        code=f"xa-{tag}",
        name="UBND xã Phong Điền",
        kind="commune",
        portal_domain=f"xa-{tag}.localhost",
    )
    email = f"quantri-{tag}@xa.gov.vn"
    authority_user_create(authority=authority, email=email, role="admin", password=PASSWORD)
    return authority, email, tag


@pytest.fixture
def worker(transactional_db):
    yield from real_worker()


def _log_in(page, base, email, password=PASSWORD):
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")


def _base(live_server, authority):
    return f"http://{authority.portal_domain}:{live_server.url.rsplit(':', 1)[1]}"


def test_an_admin_creates_a_school_in_the_browser(browser, live_server, workplace):  # noqa: F811
    authority, email, tag = workplace
    base = _base(live_server, authority)
    page = browser.new_page(locale="vi-VN", viewport={"width": 1366, "height": 900})
    _log_in(page, base, email)
    page.get_by_role("link", name="Quản lý", exact=True).click()
    page.get_by_role("link", name="Tạo một trường").click()
    assert _axe_serious(page) == []
    page.get_by_label("Tên trường").fill("Trường Tiểu học Kim Đồng")
    page.get_by_label("Tiểu học").check()
    page.get_by_label("Tên miền").fill(f"th-kim-dong-{tag}.localhost")
    page.get_by_label("E-mail hiệu trưởng").fill("ht.kimdong@xa.edu.vn")
    page.get_by_role("button", name="Tạo trường").click()
    created = page.locator("#created")
    created.wait_for()
    assert "Đã tạo Trường Tiểu học Kim Đồng" in created.inner_text()
    assert f"http://th-kim-dong-{tag}.localhost" in created.inner_text()
    assert "Đã gửi thư mời đặt mật khẩu đến ht.kimdong@xa.edu.vn" in created.inner_text()
    school = School.objects.get(name="Trường Tiểu học Kim Đồng")
    assert school.levels == ["primary"] and school.authority == authority
    assert mail.outbox[-1].to == ["ht.kimdong@xa.edu.vn"]

    page.get_by_role("link", name="Quản lý trường này").click()
    page.get_by_label("Lý do").fill("Thử tạm ngừng")
    page.get_by_role("button", name="Tạm ngừng").click()
    assert page.locator("#status").inner_text() == "Tạm ngừng"
    assert "Lý do: Thử tạm ngừng" in page.content()
    assert _axe_serious(page) == []
    page.close()


def _thirty_rows(tag: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "DS trường"
    sheet.append(["DANH SÁCH TRƯỜNG TRỰC THUỘC"])
    sheet.append(["STT", "Tên trường", "Cấp học", "Tên miền", "Email hiệu trưởng"])
    for n in range(1, 28):
        level = ("Mầm non", "Tiểu học", "THCS")[n % 3]
        sheet.append(
            [n, f"Trường {level} Số {n}", level, f"t{n}-{tag}.localhost", f"ht{n}@t.edu.vn"]
        )
    sheet.append([28, "Trường Liên cấp Thiếu Cấp", "Liên cấp", f"lc-{tag}.localhost", ""])
    sheet.append([29, "Trường Tiểu học Sai E-mail", "Tiểu học", f"sai-{tag}.localhost", "ht@@x"])
    sheet.append([30, "Trường THCS Trùng Miền", "THCS", f"t1-{tag}.localhost", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_admin_imports_thirty_rows_with_three_bad_ones(
    browser,  # noqa: F811
    live_server,
    workplace,
    worker,
    tmp_path,
):
    authority, email, tag = workplace
    base = _base(live_server, authority)
    listing = tmp_path / "danh-sach-truong.xlsx"
    listing.write_bytes(_thirty_rows(tag))
    page = browser.new_page(
        locale="vi-VN", accept_downloads=True, viewport={"width": 1366, "height": 900}
    )
    _log_in(page, base, email)
    page.goto(f"{base}/quan-ly/truong/nhap/")
    page.get_by_label("Tệp danh sách trường").set_input_files(listing)
    page.get_by_role("button", name="Xem trước").click()
    page.wait_for_url(re.compile(r".*/quan-ly/truong/nhap/\d+/$"))
    summary = page.locator("#summary").inner_text()
    assert "Xem trước: 27 trường sẽ tạo, 0 đã có từ trước, 3 dòng lỗi" in summary
    assert page.locator("tr.outcome-error").count() == 3
    assert "chưa cho biết những cấp nào" in page.locator("tr.outcome-error").nth(0).inner_text()
    assert not School.objects.filter(authority=authority).exists()
    assert _axe_serious(page) == []

    page.get_by_role("button", name="Xác nhận tạo 27 trường").click()
    page.locator("#progress-text").wait_for()
    page.get_by_role("link", name="Tải kết quả (XLSX)").wait_for(timeout=300_000)
    assert (
        "Kết quả: 27 trường đã tạo, 0 đã có từ trước, 3 dòng lỗi"
        in page.locator("#summary").inner_text()
    )
    assert School.objects.filter(authority=authority).count() == 27
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải kết quả (XLSX)").click()
    target = tmp_path / "ket-qua.xlsx"
    download_info.value.save_as(target)
    rows = list(load_workbook(target)["Kết quả"].iter_rows(min_row=5, values_only=True))
    assert sum(1 for r in rows if r[2] == "Đã tạo") == 27
    assert sum(1 for r in rows if r[2] == "Lỗi") == 3
    first = next(r for r in rows if r[1] == "Trường Tiểu học Số 1")
    assert first[3] == f"t1-{tag}.localhost" and first[7] == "Đã gửi"
    page.close()


def test_an_invited_colleague_sets_a_password_and_logs_in(browser, live_server, workplace):  # noqa: F811
    authority, email, tag = workplace
    base = _base(live_server, authority)
    page = browser.new_page(locale="vi-VN", viewport={"width": 1366, "height": 900})
    _log_in(page, base, email)
    page.goto(f"{base}/quan-ly/nguoi-dung/")
    page.locator("#id_email").fill(f"dong-nghiep-{tag}@xa.gov.vn")
    page.locator("#id_role").select_option("inspector")
    page.get_by_role("button", name="Gửi thư mời").click()
    assert f"Đã gửi thư mời đến dong-nghiep-{tag}@xa.gov.vn" in page.content()
    assert _axe_serious(page) == []
    page.close()

    url = next(w for w in mail.outbox[-1].body.split() if "/dat-mat-khau/" in w)
    assert urlsplit(url).hostname == authority.portal_domain
    colleague = browser.new_page(locale="vi-VN")
    colleague.goto(f"{base}{urlsplit(url).path}")
    new = "mat-khau-dong-nghiep-2026"
    colleague.get_by_label("Mật khẩu mới", exact=True).fill(new)
    colleague.get_by_label("Nhập lại mật khẩu").fill(new)
    colleague.get_by_role("button", name="Lưu mật khẩu").click()
    colleague.wait_for_url("**/dat-mat-khau/xong/")
    _log_in(colleague, base, f"dong-nghiep-{tag}@xa.gov.vn", new)
    assert "thanh tra" in colleague.locator("header").inner_text()
    colleague.goto(f"{base}/quan-ly/nguoi-dung/")
    assert colleague.get_by_role("button", name="Gửi thư mời").count() == 0
    colleague.close()


def test_an_admin_fills_number_and_signer_publishes_and_downloads_pdf_and_docx(
    browser,  # noqa: F811
    live_server,
    workplace,
    tmp_path,
):
    from docx import Document
    from pypdf import PdfReader

    from reports.generation import monthly_report_generate
    from tests.crafting import month_of_each_category

    authority, email, tag = workplace
    month_of_each_category(authority)
    monthly_report_generate(authority=authority, month="2026-10")
    base = _base(live_server, authority)
    page = browser.new_page(
        locale="vi-VN", accept_downloads=True, viewport={"width": 1366, "height": 900}
    )
    _log_in(page, base, email)
    page.goto(f"{base}/bao-cao/2026-10/")
    assert page.get_by_role("button", name="Công bố").is_disabled()
    form = page.locator("#document-form")
    form.get_by_label("Số:", exact=True).fill("15")
    form.get_by_label("Ký hiệu").fill("TB-UBND")
    form.get_by_label("Địa danh").fill("Phong Điền")
    form.get_by_label("Ngày ban hành (dd/mm/yyyy)").fill("01/11/2026")
    # the letterhead a commune's office issues under (Decree 30), by default
    assert form.get_by_label("Cơ quan chủ quản").input_value() == "UBND XÃ PHONG ĐIỀN"
    assert form.get_by_label("Cơ quan ban hành").input_value() == "PHÒNG VĂN HÓA - XÃ HỘI"
    form.get_by_label("Chức vụ người ký").fill("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    form.get_by_label("Họ tên người ký").fill("Trần Văn Nam")
    form.get_by_label("Nơi nhận (mỗi dòng một nơi)").fill("Các trường trực thuộc;\nLưu: VT.")
    form.get_by_label("Nội dung dẫn (không bắt buộc)").fill("Đề nghị các trường khắc phục.")
    assert _axe_serious(page) == []
    form.get_by_role("button", name="Lưu văn bản").click()
    page.wait_for_load_state()
    assert "Đã lưu số văn bản, ngày và người ký." in page.content()
    page.get_by_role("button", name="Công bố").click()
    page.wait_for_load_state()
    assert "Đã công bố báo cáo tháng 10/2026." in page.content()

    public = browser.new_page(locale="vi-VN", accept_downloads=True)
    public.goto(f"{base}/bao-cao/2026-10/")
    assert public.locator("#doc-number").inner_text() == "Số: 15/TB-UBND"
    assert public.locator("#doc-date").inner_text() == "Phong Điền, ngày 01 tháng 11 năm 2026"
    assert "Trần Văn Nam" in public.locator("#doc-signer").inner_text()
    assert _axe_serious(public) == []
    files = {}
    for fmt in ("PDF", "DOCX"):
        with public.expect_download() as download_info:
            public.get_by_role("link", name=fmt, exact=True).click()
        files[fmt] = tmp_path / download_info.value.suggested_filename
        download_info.value.save_as(files[fmt])
    text = "\n".join(p.extract_text() for p in PdfReader(files["PDF"]).pages)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 15/TB-UBND",
        "Phong Điền, ngày 01 tháng 11 năm 2026",
        "PHÓ CHỦ TỊCH",
        "Trần Văn Nam",
    ):
        assert expected in text, expected
    document = Document(files["DOCX"])
    head = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert head[0][0] == "UBND XÃ PHONG ĐIỀN\nPHÒNG VĂN HÓA - XÃ HỘI\n_______"
    assert head[1] == ["Số: 15/TB-UBND", "Phong Điền, ngày 01 tháng 11 năm 2026"]
    signer = [line for line in document.tables[-1].rows[0].cells[1].text.splitlines() if line]
    assert signer == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Nam"]
    public.close()
    page.close()


def test_the_dashboard_fits_1366_pixels_with_grouped_rules_and_a_sticky_school_column(
    browser,  # noqa: F811
    live_server,
    workplace,
):
    from tests.crafting import month_of_each_category

    authority, email, tag = workplace
    schools = month_of_each_category(authority)
    base = _base(live_server, authority)
    page = browser.new_page(locale="vi-VN", viewport={"width": 1366, "height": 800})
    _log_in(page, base, email)
    wrap = page.locator(".dash-wrap")
    fits = wrap.evaluate("el => el.scrollWidth <= el.clientWidth")
    headers = [
        h.strip().split("\n")[0]
        for h in page.locator("table.dash thead th.grp-h").all_inner_texts()
    ]
    assert headers and set(headers) <= {"Tổ chức", "Kế hoạch", "Lịch", "Tin", "Công khai"}
    school_cell = page.locator("table.dash tbody th[scope=row]").first
    assert school_cell.evaluate("el => getComputedStyle(el).position") == "sticky"
    assert fits, "the dashboard scrolls sideways at 1,366 px"
    # a group's detail opens on click and lists each rule's status as text
    row = page.locator("table.dash tbody tr", has_text=schools["incomplete"].name)
    group = row.locator("td.grp-cell details").first
    group.locator("summary").click()
    assert group.locator(".grp-detail li").count() >= 1
    assert _axe_serious(page) == []

    page.goto(f"{base}/thi-dua/")
    heights = page.locator("table.emu thead th").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    )
    line = page.locator("table.emu tbody td.num").first.evaluate(
        "e => e.getBoundingClientRect().height"
    )
    assert max(heights) <= 2 * line, heights  # no one-word-per-line headers
    names = page.locator("table.emu tbody th[scope=row]").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert max(names) <= 2 * line, names  # school names keep their width too
    page.close()


def test_an_admin_moves_the_weekly_deadline_and_the_next_evaluation_uses_it(
    browser,  # noqa: F811
    live_server,
    workplace,
):
    from compliance.models import ObligationResult
    from compliance.services.evaluation import school_evaluate
    from reports.months import month_of
    from tests.factories import school_make

    authority, email, tag = workplace
    school = school_make(authority=authority, domain=f"thcs-quy-dinh-{tag}.localhost")
    base = _base(live_server, authority)
    page = browser.new_page(locale="vi-VN", viewport={"width": 1366, "height": 900})
    _log_in(page, base, email)
    page.goto(f"{base}/quan-ly/quy-dinh/")
    rule = page.locator("#rule-letter-2015-weekly-plan")
    rule.locator("summary").click()
    deadline = rule.get_by_label("Hạn đăng: giờ (HH:MM) của ngày hạn")
    assert deadline.input_value() == "12:00"
    deadline.fill("10:00")
    assert _axe_serious(page) == []
    rule.get_by_role("button", name="Lưu thay đổi “Kế hoạch tuần”").click()
    page.wait_for_load_state()
    assert "Đã áp dụng thay đổi quy định “Kế hoạch tuần”" in page.content()
    history = page.locator("table").last.inner_text()
    assert "Kế hoạch tuần" in history and "hạn: 10:00 thứ Hai" in history and email in history
    assert "letter-2015" not in history

    school_evaluate(school=school)  # what the queued evaluation does on a worker
    due = ObligationResult.objects.filter(school=school, rule="weekly-plan").order_by("due_at")
    assert due and all(r.due_at.astimezone(VN).strftime("%H:%M") == "10:00" for r in due)
    # The school's month that holds the next weekly plan (after 10:00 on the last Monday of a
    # month, that is next month).
    page.goto(f"{base}/truong/{school.code}/?thang={month_of(due[0].due_at).key}")
    row = page.locator("table").first.locator("tr", has_text="Kế hoạch tuần").first
    assert "10:00" in row.inner_text()
    page.close()


def test_an_admin_sets_a_tet_break_in_the_calendar(browser, live_server, workplace):  # noqa: F811
    from compliance.selectors import school_calendar

    authority, email, tag = workplace
    base = _base(live_server, authority)
    page = browser.new_page(locale="vi-VN", viewport={"width": 1366, "height": 900})
    _log_in(page, base, email)
    page.goto(f"{base}/quan-ly/lich-nam-hoc/?nam=2026")
    assert "khung của Bộ GD&ĐT" in page.locator("#calendar-source").inner_text()
    form = page.locator("#calendar-form")
    form.get_by_label("Học kỳ I: ngày đầu (dd/mm/yyyy)").fill("07/09/2026")
    form.get_by_label("Học kỳ I: ngày cuối (dd/mm/yyyy)").fill("15/01/2027")
    form.get_by_label("Học kỳ II: ngày đầu (dd/mm/yyyy)").fill("18/01/2027")
    form.get_by_label("Học kỳ II: ngày cuối (dd/mm/yyyy)").fill("28/05/2027")
    form.get_by_label("Tuần nghỉ").fill("08/02/2027 Tết\n15/02/2027 Tết")
    assert _axe_serious(page) == []
    form.get_by_role("button", name="Lưu lịch năm học").click()
    page.wait_for_load_state()
    assert "Đã lưu lịch năm học 2026–2027" in page.content()
    weeks = page.locator("#weeks").inner_text()
    assert "Nghỉ Tết (08/02 – 14/02/2027)" in weeks and "Nghỉ Tết (15/02 – 21/02/2027)" in weeks
    assert "Tuần 1 (07/09 – 13/09/2026)" in weeks
    year = school_calendar(authority).year(2026)
    assert year.week_number(dt.date(2027, 2, 10)) is None
    page.close()
