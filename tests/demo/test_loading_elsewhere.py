"""`make demo` on a database another checkout filled: the schools exist, their photos are in
that checkout's media folder; loading says so instead of serving broken photos silently (the
second trial's first finding)."""

import pytest
from django_tenants.utils import schema_context
from wagtail.images import get_image_model

from demo.data import DEMO_SCHOOLS
from demo.loading import demo_load
from tests.sitepages.conftest import png_file

pytestmark = pytest.mark.django_db


def test_a_demo_loaded_from_another_checkout_is_told(db):
    one = DEMO_SCHOOLS[:1]
    demo_load(log=lambda *_: None, schools=one)
    said = []
    demo_load(log=said.append, schools=one)
    assert not [line for line in said if "WARNING" in line]  # its files are here

    host = one[0][2]
    from tenants.models import Domain

    school = Domain.objects.get(domain=host).tenant
    with schema_context(school.schema_name):
        image = get_image_model()(title="Ảnh lễ khai giảng")
        image.file = png_file("khai-giang.png")
        image.save()
        image.file.storage.delete(image.file.name)  # as if uploaded in the other checkout
    said = []
    demo_load(log=said.append, schools=one)
    assert [line for line in said if "WARNING" in line and one[0][0] in line]
