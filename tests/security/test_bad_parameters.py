"""Portal and API parameters: whatever a person or a script puts in a URL, the answer is a page
or a JSON error in Vietnamese, never a 500 or a traceback.

Months such as `0000-01`, `0001-01` or `9999-12`, school years such as 9999, page numbers,
sort keys and filters: fixed cases from issue 11 first, then hypothesis over each parameter.
"""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.crafting import crafted_school, local, result

pytestmark = pytest.mark.django_db
PROPERTY = hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MONTHS = ["0000-01", "0001-01", "1999-12", "2101-01", "9999-12", "2026-00", "2026-13", "20261-1"]
texts = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=30
)
month_like = (
    st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(0, 9999), st.integers(0, 99)) | texts
)


@pytest.fixture
def member(portal_client, authority, frozen_now):
    school = crafted_school(authority=authority, name="THCS Nguyễn Du", code="nguyen-du")
    result(school, status="on_time", due_at=local(2026, 10, 12, 12))
    return portal_client(authority, "admin")


def _no_crash(response):
    assert response.status_code < 500, response.status_code
    assert b"Traceback" not in response.content


@pytest.mark.parametrize("month", MONTHS)
def test_school_page_with_an_impossible_month_says_so(member, month):
    response = member.get("/truong/nguyen-du/", {"thang": month})
    _no_crash(response)
    assert response.status_code == 200
    assert "Tháng" in response.text and month in response.text


@pytest.mark.parametrize("month", MONTHS)
def test_report_urls_of_an_impossible_month_are_a_404_page(member, month):
    for url in (f"/bao-cao/{month}/", f"/bao-cao/{month}.xlsx", f"/bao-cao/{month}.csv"):
        response = member.get(url)
        _no_crash(response)
        assert response.status_code == 404


@pytest.mark.parametrize("year", [0, 1, 1999, 2101, 9999, 99999])
def test_emulation_of_an_impossible_school_year_is_a_404_not_a_file(member, year):
    response = member.get(f"/thi-dua/{year}.xlsx")
    _no_crash(response)
    assert response.status_code == 404
    assert "Năm học" in response.text


@pytest.mark.parametrize("month", MONTHS)
def test_report_generation_refuses_an_impossible_month_with_a_message(member, month):
    response = member.post("/quan-ly/bao-cao/tao/", {"thang": month})
    _no_crash(response)
    assert response.status_code in (302, 400)
    page = response.text if response.status_code == 400 else member.get("/quan-ly/bao-cao/").text
    assert "Tháng" in page


@pytest.mark.parametrize("month", MONTHS)
def test_api_results_of_an_impossible_month_is_a_vietnamese_400(client, authority, month):
    response = client.get("/api/v1/results/", {"month": month}, HTTP_HOST=authority.portal_domain)
    assert response.status_code == 400
    assert "tháng" in response.json()["error"].lower()


@PROPERTY
@given(month=month_like)
def test_school_page_month_property(member, month):
    _no_crash(member.get("/truong/nguyen-du/", {"thang": month}))


@PROPERTY
@given(month=month_like, page=texts, size=texts)
def test_api_parameters_property(client, authority, month, page, size):
    host = authority.portal_domain
    for path in ("/api/v1/results/", "/api/v1/schools/"):
        response = client.get(
            path, {"month": month, "page": page, "page_size": size}, HTTP_HOST=host
        )
        _no_crash(response)
        assert response["Content-Type"].startswith("application/json")


@PROPERTY
@given(year=texts | st.integers(-(10**6), 10**6).map(str))
def test_emulation_year_property(member, year):
    _no_crash(member.get("/thi-dua/", {"nam": year}))


@PROPERTY
@given(
    params=st.dictionaries(
        st.sampled_from(["q", "trang", "sap-xep", "xep-loai", "cap-hoc", "co-quan", "thang"]),
        texts,
        max_size=4,
    )
)
def test_dashboard_filters_property(member, params):
    _no_crash(member.get("/tong-quan/", params))
