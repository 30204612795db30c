"""The home page's week: the coming one from Friday 12:00 through Sunday (pure, no database)."""

import datetime as dt

import pytest

from sitepages.home_weeks import weeks_shown

MONDAY, NEXT = dt.date(2026, 11, 30), dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (dt.datetime(2026, 11, 30, 0, 0), (MONDAY, None)),  # Monday midnight
        (dt.datetime(2026, 12, 3, 16, 0), (MONDAY, None)),  # Thursday afternoon
        (dt.datetime(2026, 12, 4, 11, 59), (MONDAY, None)),  # Friday morning
        (dt.datetime(2026, 12, 4, 12, 0), (NEXT, MONDAY)),  # Friday noon
        (dt.datetime(2026, 12, 5, 9, 0), (NEXT, MONDAY)),  # Saturday
        (dt.datetime(2026, 12, 6, 21, 30), (NEXT, MONDAY)),  # Sunday evening, when parents look
        (dt.datetime(2026, 12, 7, 0, 0), (NEXT, None)),  # the new week begins
        (dt.datetime(2026, 12, 31, 15, 0), (dt.date(2026, 12, 28), None)),  # across New Year
        (dt.datetime(2027, 1, 2, 8, 0), (dt.date(2027, 1, 4), dt.date(2026, 12, 28))),
    ],
)
def test_weeks_shown(moment, expected):
    assert weeks_shown(moment) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("moment", "coming"),
    [((2026, 12, 6, 20, 0), True), ((2026, 12, 4, 12, 0), True), ((2026, 12, 2, 9, 0), False)],
    ids=["sunday-evening", "friday-noon", "wednesday"],
)
def test_the_home_page_leads_with_the_coming_week_at_the_weekend(
    client, school, host, moment, coming
):
    import time_machine
    from django_tenants.utils import schema_context

    from sitepages import models as m
    from sitepages.calendar import week_label
    from tests.crafting import local
    from tests.sitepages.helpers import publish_child

    with time_machine.travel(local(*moment), tick=False):
        with schema_context(school.schema_name):
            plans = m.PlanIndexPage.objects.get()
            publish_child(
                plans,
                m.WeeklyPlanPage(title="KH tuần đang học", week_start=MONDAY, body="<p>x</p>"),
            )
            publish_child(
                plans, m.WeeklyPlanPage(title="KH tuần tới", week_start=NEXT, body="<p>y</p>")
            )
        html = client.get("/", HTTP_HOST=host).content.decode()
    shown, _, folded = html.partition('<details class="week-folded">')
    section = shown.split('aria-labelledby="tuan-nay"')[1]
    if coming:
        assert f"Tuần tới: {week_label(NEXT)}" in section and "KH tuần tới" in section
        assert "KH tuần đang học" not in section
        assert f"Tuần này: {week_label(MONDAY)}" in folded and "KH tuần đang học" in folded
    else:
        assert f">{week_label(MONDAY)}</h2>" in section and "KH tuần đang học" in section
        assert "KH tuần tới" not in html and not folded
