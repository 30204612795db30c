"""Every date and date-time field of the school admin reads and writes dd/mm/yyyy [HH:MM].

For an editor in Vietnamese (the default) and one who chose English: the urgent notice's
`received_at` / `urgent_until`, a topical item's event date, the disclosure's `changed_at`,
scheduled publishing's go-live and expiry. What the edit form displays is posted back as it is
and must keep the stored value. Before the format modules, `29/11/2026 08:30` was refused and
`05/12/2026 07:00` was stored as 12 May.
"""

import datetime as dt
from html.parser import HTMLParser

import pytest
import time_machine
from django_tenants.utils import schema_context
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from sitepages import models as m
from sitepages.services.disclosure import disclosure_year_create
from tenants.dates import LOCAL_TZ

pytestmark = pytest.mark.django_db

# "Now" for these tests: after 29/11/2026 08:30 (a received time may not be in the future),
# before 05/12/2026 (a go-live date must be).
NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=LOCAL_TZ)


def local(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LOCAL_TZ)


class _FormFields(HTMLParser):
    """The values a browser would submit from the page editor's form, as the page shows them."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.select, self.textarea = form_id, False, None, None
        self.fields: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append(
                (attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
            )
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.fields.append((self.textarea, ""))

    def handle_data(self, data):
        if self.textarea:
            name, value = self.fields[-1]
            self.fields[-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def displayed_form(client, url, host) -> dict:
    """GET the admin editor and read its form (single values: enough for these page types)."""
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    parser = _FormFields("page-edit-form")
    parser.feed(response.content.decode())
    return dict(parser.fields)


def _news_form(**fields) -> dict:
    return nested_form_data(
        {
            "title": "Nghỉ học do bão",
            "slug": "nghi-hoc-do-bao",
            "kind": "urgent",
            "event_date": "29/11/2026",
            "summary": "",
            "body": rich_text("<p>Học sinh nghỉ học.</p>"),
            "gallery": streamfield([]),
            "attachments": streamfield([]),
            **fields,
        }
    )


@pytest.fixture
def editor_language(school, client):
    """An editor logged in to the admin with the language they chose (Wagtail's profile)."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    def make(language):
        with schema_context(school.schema_name):
            user = get_user_model().objects.create_superuser(
                username=f"bientap-{language}", email=f"{language}@example.edu.vn", password="x"
            )
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
            client.force_login(user)
        return user

    return make


@pytest.mark.parametrize("language", ["vi", "en"])
def test_urgent_notice_times_are_typed_and_shown_day_first(
    client, school, host, editor_language, language
):
    editor_language(language)
    with schema_context(school.schema_name):
        news_index = m.NewsIndexPage.objects.get()
    add = f"/admin/pages/add/sitepages/newspage/{news_index.pk}/"
    with time_machine.travel(NOW, tick=False):
        response = client.post(
            add,
            _news_form(received_at="29/11/2026 08:30", urgent_until="05/12/2026 07:00"),
            HTTP_HOST=host,
        )
        assert response.status_code == 302, response.content.decode()[-3000:]
        with schema_context(school.schema_name):
            news = m.NewsPage.objects.get(slug="nghi-hoc-do-bao")
        assert news.received_at == local(2026, 11, 29, 8, 30)
        assert news.urgent_until == local(2026, 12, 5, 7, 0)  # 5 December, not 12 May

        edit = f"/admin/pages/{news.pk}/edit/"
        shown = displayed_form(client, edit, host)
        assert shown["received_at"] == "29/11/2026 08:30"
        assert shown["urgent_until"] == "05/12/2026 07:00"
        assert shown["event_date"] == "29/11/2026"
        # What the editor sees goes back unchanged, and publishes.
        # (The StreamField is drawn by the admin's JavaScript: its inputs come from _news_form.)
        response = client.post(
            edit, {**_news_form(), **shown, "action-publish": "action-publish"}, HTTP_HOST=host
        )
        assert response.status_code == 302, response.content.decode()[-3000:]
        with schema_context(school.schema_name):
            news.refresh_from_db()
        assert news.live
        assert news.received_at == local(2026, 11, 29, 8, 30)
        assert news.urgent_until == local(2026, 12, 5, 7, 0)
        assert news.event_date == dt.date(2026, 11, 29)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_month_first_time_is_refused_with_how_to_write_it(
    client, school, host, editor_language, language
):
    editor_language(language)
    with schema_context(school.schema_name):
        news_index = m.NewsIndexPage.objects.get()
    with time_machine.travel(NOW, tick=False):
        response = client.post(
            f"/admin/pages/add/sitepages/newspage/{news_index.pk}/",
            _news_form(received_at="11/29/2026 08:30"),
            HTTP_HOST=host,
        )
    assert response.status_code == 200
    expected = {"vi": "ngày/tháng/năm giờ:phút", "en": "dd/mm/yyyy hh:mm"}[language]
    assert expected in response.content.decode()
    with schema_context(school.schema_name):
        assert not m.NewsPage.objects.filter(slug="nghi-hoc-do-bao").exists()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_scheduled_go_live_and_expiry_are_day_first(
    client, school, host, editor_language, language
):
    editor_language(language)
    with schema_context(school.schema_name):
        news_index = m.NewsIndexPage.objects.get()
    add = f"/admin/pages/add/sitepages/newspage/{news_index.pk}/"
    with time_machine.travel(NOW, tick=False):
        response = client.post(
            add,
            {
                **_news_form(kind="ordinary", received_at="", urgent_until=""),
                "go_live_at": "05/12/2026 07:00",
                "expire_at": "2026-12-31 17:00",
                "action-publish": "action-publish",
            },
            HTTP_HOST=host,
        )
        assert response.status_code == 302, response.content.decode()[-3000:]
        with schema_context(school.schema_name):
            news = m.NewsPage.objects.get(slug="nghi-hoc-do-bao")
            scheduled = news.scheduled_revision
        assert not news.live  # waiting for its go-live date
        assert scheduled is not None
        assert scheduled.approved_go_live_at == local(2026, 12, 5, 7, 0)
        assert news.expire_at == local(2026, 12, 31, 17, 0)

        shown = displayed_form(client, f"/admin/pages/{news.pk}/edit/", host)
        assert shown["go_live_at"] == "05/12/2026 07:00"
        assert shown["expire_at"] == "31/12/2026 17:00"


def test_disclosure_change_time_is_day_first(client, school, host, editor_language):
    editor_language("vi")
    with schema_context(school.schema_name):
        year, _ = disclosure_year_create(
            index=m.DisclosureIndexPage.objects.get(), school_year_start=2026, levels=school.levels
        )
        item = m.DisclosurePage.objects.child_of(year).first()
    edit = f"/admin/pages/{item.pk}/edit/"
    with time_machine.travel(NOW, tick=False):
        shown = displayed_form(client, edit, host)
        assert shown["changed_at"] == ""
        response = client.post(
            edit,
            {
                **nested_form_data({"attachments": streamfield([])}),
                **shown,
                "changed_at": "05/11/2026 14:00",
                "action-publish": "action-publish",
            },
            HTTP_HOST=host,
        )
        assert response.status_code == 302, response.content.decode()[-3000:]
        with schema_context(school.schema_name):
            item.refresh_from_db()
        assert item.changed_at == local(2026, 11, 5, 14, 0)  # 5 November, not 11 May
        assert displayed_form(client, edit, host)["changed_at"] == "05/11/2026 14:00"


@pytest.mark.parametrize(
    ("language", "months_ago", "hours_ago"),
    [("vi", "2 tháng trước", "3 giờ trước"), ("en", "2 months ago", "3 hours ago")],
)
def test_admin_listings_say_how_long_ago_in_the_editors_language_and_dates_day_first(
    client, school, host, editor_language, language, months_ago, hours_ago
):
    """The page explorer's "updated" column: a relative time in the editor's language, with
    the exact moment (its tooltip) written dd/mm/yyyy HH:MM in Vietnamese and English alike."""
    from tests.sitepages.helpers import publish_child

    editor_language(language)
    old_moment = local(2026, 9, 28, 9, 15)
    with schema_context(school.schema_name):
        index = m.NewsIndexPage.objects.get()
        with time_machine.travel(old_moment, tick=False):
            publish_child(index, m.NewsPage(title="Tin cũ", body="<p>Cũ.</p>"))
        with time_machine.travel(NOW - dt.timedelta(hours=3), tick=False):
            publish_child(index, m.NewsPage(title="Tin mới", body="<p>Mới.</p>"))
    with time_machine.travel(NOW, tick=False):
        page = client.get(f"/admin/pages/{index.pk}/", HTTP_HOST=host).content.decode()
    page = page.replace("\xa0", " ")  # Django keeps "2 months" on one line
    assert months_ago in page and hours_ago in page
    assert 'data-w-tooltip-content-value="28/09/2026 09:15"' in page


def test_parents_read_every_date_day_first(client, school, host):
    """The parents' pages: an urgent notice's received time, a topical item's event day, the
    banner and the publication date, all dd/mm/yyyy [HH:MM] local time."""
    from tests.sitepages.helpers import publish_child

    with schema_context(school.schema_name):
        index = m.NewsIndexPage.objects.get()
        with time_machine.travel(NOW, tick=False):
            urgent = publish_child(
                index,
                m.NewsPage(
                    title="Nghỉ học do bão",
                    kind="urgent",
                    body="<p>Nghỉ.</p>",
                    received_at=local(2026, 11, 29, 8, 30),
                    urgent_until=local(2026, 12, 5, 7, 0),
                ),
            )
            topical = publish_child(
                index,
                m.NewsPage(
                    title="Hội diễn văn nghệ",
                    kind="topical",
                    body="<p>Hội diễn.</p>",
                    event_date=dt.date(2026, 11, 5),
                ),
            )
            urgent_page = client.get(urgent.url, HTTP_HOST=host).content.decode()
            topical_page = client.get(topical.url, HTTP_HOST=host).content.decode()
    assert "Nhận thông báo lúc 29/11/2026 08:30" in urgent_page
    assert "(29/11/2026 08:30)" in urgent_page  # the banner
    assert 'Đăng ngày <time datetime="2026-11-30T09:00:00+07:00">30/11/2026 09:00</time>' in (
        urgent_page
    )
    assert "Sự kiện ngày 05/11/2026" in topical_page
