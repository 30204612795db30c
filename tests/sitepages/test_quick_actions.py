"""The admin home's quick actions and the principal's one-click approval queue."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db

MONDAY = dt.datetime(2026, 11, 30, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def buttons(html: str) -> dict[str, BeautifulSoup]:
    section = BeautifulSoup(html, "html.parser").select_one(
        "[aria-labelledby=thao-tac-nhanh-tieu-de]"
    )
    found = {}
    for element in section.select("a.button, button"):
        found[element.get_text(" ", strip=True).split(" (")[0]] = element
    return found


def test_the_weeks_work_is_one_click_each(client, school, school_admin, host):
    with schema_context(school.schema_name):
        publish_child(
            m.PlanIndexPage.objects.get(),
            m.WeeklyPlanPage(title="Kế hoạch tuần 12", week_start=dt.date(2026, 11, 23)),
        )
    with time_machine.travel(MONDAY, tick=False):
        html = client.get("/admin/", HTTP_HOST=host).content.decode()
    found = buttons(html)
    assert list(found)[:3] == ["Đăng tin mới", "Thông báo khẩn", "Thêm văn bản"]
    assert {"Kế hoạch tuần 13", "Lịch công tác tuần 13", "Lịch báo giảng tuần 13"} <= set(found)
    assert "Thực đơn tuần 13" not in found  # this school has no menu section
    assert found["Thông báo khẩn"]["href"] == "/admin/tin-tuc/thong-bao-khan/"
    # The weekly plan is copied from last week's; the others start empty, week filled in.
    plan = found["Kế hoạch tuần 13"].find_parent("form")
    assert plan["action"] == "/admin/tuan/sao-chep/"
    assert "chép từ tuần trước" in found["Kế hoạch tuần 13"].get_text()
    assert found["Lịch công tác tuần 13"].find_parent("form")["action"] == (
        "/admin/viec-can-lam/tao/"
    )
    # The quick actions come before the "what is due" panel.
    assert html.index("Thao tác nhanh") < html.index("Việc cần đăng và việc trễ hạn")
    # Once made, the button opens this week's page.
    client.post(
        "/admin/tuan/sao-chep/", {"kind": "weekly-plan", "period": "2026-11-30"}, HTTP_HOST=host
    )
    with time_machine.travel(MONDAY, tick=False):
        found = buttons(client.get("/admin/", HTTP_HOST=host).content.decode())
    with schema_context(school.schema_name):
        plan = m.WeeklyPlanPage.objects.get(week_start=dt.date(2026, 11, 30))
    assert found["Kế hoạch tuần 13"]["href"] == f"/admin/pages/{plan.pk}/edit/"


def _member(username, group, *, family, given):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.edu.vn",
        password="x",
        first_name=family,
        last_name=given,
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def test_the_principal_approves_or_asks_for_changes_in_one_click(school, host):
    with schema_context(school.schema_name):
        editor = _member("bientap", EDITOR_GROUP, family="Trần Văn", given="Bình")
        principal = _member("hieutruong", PRINCIPAL_GROUP, family="Nguyễn Thị", given="Lan")
        pages = []
        for title in ("Hội thi văn nghệ", "Lễ kỷ niệm 20/11"):
            page = m.NewsPage(title=title, body="<p>Nội dung.</p>", live=False)
            m.NewsIndexPage.objects.get().add_child(instance=page)
            page.save_revision(user=editor, log_action=False)
            workflow = page.get_workflow()
            workflow.start(page, editor)
            pages.append(page)
    editor_client, principal_client = Client(HTTP_HOST=host), Client(HTTP_HOST=host)
    with schema_context(school.schema_name):
        editor_client.force_login(editor)
        principal_client.force_login(principal)
    assert "Chờ Hiệu trưởng duyệt" not in editor_client.get("/admin/").content.decode()
    html = principal_client.get("/admin/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    queue = soup.select_one("#cho-duyet-section, [id^=cho-duyet]") or soup
    rows = queue.select("tbody tr")
    assert [row.select_one("td a").get_text(strip=True) for row in rows][:2] == [
        "Hội thi văn nghệ",
        "Lễ kỷ niệm 20/11",
    ]
    assert "Trần Văn Bình" in rows[0].get_text()
    approve = rows[0].select_one("form button.button:not(.button-secondary)").find_parent("form")
    reject = rows[1].select("form")[1]
    mail.outbox.clear()
    response = principal_client.post(approve["action"], {})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    response = principal_client.post(reject["action"], {"comment": "Thêm ảnh buổi lễ."})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    with schema_context(school.schema_name):
        first, second = (m.NewsPage.objects.get(pk=page.pk) for page in pages)
        assert first.live and not second.live
        assert second.current_workflow_state.status == "needs_changes"
    to_editor = [message for message in mail.outbox if editor.email in message.to]
    texts = [f"{message.subject}\n{message.body}" for message in to_editor]
    assert any("đã được duyệt" in text and "Hội thi văn nghệ" in text for text in texts)
    assert any("yêu cầu sửa" in text and "Thêm ảnh buổi lễ." in text for text in texts)
    assert "Chờ Hiệu trưởng duyệt" not in principal_client.get("/admin/").content.decode()
