"""Required sections cannot be deleted, moved or unpublished in the admin; their content can."""

import pytest
from django_tenants.utils import schema_context
from wagtail.models import Page

from sitepages import models as m
from sitepages.protection import protection_problem
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(school):
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get()
        return {
            "home": m.HomePage.objects.get(),
            "news": news,
            "plans": m.PlanIndexPage.objects.get(),
            "item": publish_child(news, m.NewsPage(title="Khai giảng", body="<p>x</p>")),
        }


def test_rule_names_the_section_and_allows_content(school, pages):
    with schema_context(school.schema_name):
        problem = protection_problem(pages["news"], "delete")
        assert "Không thể xóa mục “Tin tức”" in problem and "mục bắt buộc" in problem
        assert "trang chủ" in protection_problem(pages["home"], "move")
        assert protection_problem(pages["item"], "delete") is None
        assert protection_problem(pages["news"], "publish") is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_deleting_a_section_is_refused_with_a_message(
    client, school, school_admin, host, pages, method
):
    news = pages["news"]
    response = getattr(client, method)(
        f"/admin/pages/{news.pk}/delete/", HTTP_HOST=host, follow=True
    )
    assert response.status_code == 200
    assert "Không thể xóa mục “Tin tức”" in response.content.decode()
    with schema_context(school.schema_name):
        assert Page.objects.filter(pk=news.pk).exists()


def test_moving_and_unpublishing_a_section_are_refused(client, school, school_admin, host, pages):
    news, plans = pages["news"], pages["plans"]
    response = client.post(
        f"/admin/pages/{news.pk}/move/{plans.pk}/confirm/", HTTP_HOST=host, follow=True
    )
    assert "Không thể di chuyển mục “Tin tức”" in response.content.decode()
    response = client.post(f"/admin/pages/{news.pk}/unpublish/", HTTP_HOST=host, follow=True)
    assert "Không thể ngừng xuất bản mục “Tin tức”" in response.content.decode()
    with schema_context(school.schema_name):
        news.refresh_from_db()
        assert news.live and news.get_parent().pk == pages["home"].pk


def test_bulk_delete_and_unpublish_are_refused(client, school, school_admin, host, pages):
    news, home = pages["news"], pages["home"]
    for action in ("delete", "unpublish"):
        url = f"/admin/bulk/wagtailcore/page/{action}/?id={news.pk}&next=/admin/pages/{home.pk}/"
        response = client.post(url, HTTP_HOST=host, follow=True)
        assert "mục bắt buộc" in response.content.decode(), action
    with schema_context(school.schema_name):
        assert Page.objects.get(pk=news.pk).live


def test_content_under_a_section_can_still_be_deleted(client, school, school_admin, host, pages):
    item = pages["item"]
    response = client.post(f"/admin/pages/{item.pk}/delete/", HTTP_HOST=host)
    assert response.status_code == 302
    with schema_context(school.schema_name):
        assert not Page.objects.filter(pk=item.pk).exists()


def test_explorer_does_not_offer_delete_for_sections(client, school, school_admin, host, pages):
    home, news, item = pages["home"], pages["news"], pages["item"]
    html = client.get(f"/admin/pages/{home.pk}/", HTTP_HOST=host).content.decode()
    assert f"/admin/pages/{news.pk}/edit/" in html
    assert f"/admin/pages/{news.pk}/delete/" not in html
    assert f"/admin/pages/{news.pk}/move/" not in html
    html = client.get(f"/admin/pages/{news.pk}/", HTTP_HOST=host).content.decode()
    assert f"/admin/pages/{item.pk}/delete/" in html


def test_required_sections_keep_their_slug(school, pages):
    from django.core.exceptions import ValidationError

    with schema_context(school.schema_name):
        for model, slug in (
            (m.NewsIndexPage, "tin-tuc"),
            (m.FeedbackFormPage, "gop-y"),
            (m.AdmissionPage, "tuyen-sinh"),
        ):
            section = model.objects.get()
            section.title = f"{section.title} mới"
            section.full_clean()  # renaming is fine
            section.slug = "doi-ten"
            with pytest.raises(ValidationError) as error:
                section.full_clean()
            assert f"phải giữ là “{slug}”" in error.value.message_dict["slug"][0]
        item = pages["item"]
        item.slug = "doi-ten"
        item.full_clean()  # content pages may change their slug
