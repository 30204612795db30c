"""The frequency kind, through the shipped news-weekly rule (at least 2 a week)."""

from datetime import date

from compliance.engine import Status
from tests.compliance.builders import at, by_key, item, run, shipped, snapshot

NEWS_WEEKLY = shipped("letter-2015", "news-weekly")
WINDOW = (at(2026, 7, 1), at(2027, 7, 1))
END_OF_YEAR = at(2027, 6, 1)


def weeks(*items, as_of=END_OF_YEAR):
    return by_key(run(NEWS_WEEKLY, snapshot(*items), as_of=as_of, window=WINDOW))


def news(page_id, *live, **kwargs):
    return item(page_id, "NewsPage", *live, attrs={"kind": "ordinary"}, **kwargs)


def test_two_items_in_the_week_meet_it_when_the_second_goes_live():
    found = weeks(news(1, at(2026, 11, 16, 8)), news(2, at(2026, 11, 20, 17)))
    w47 = found["2026-W47"]
    assert w47.status == Status.ON_TIME
    assert w47.satisfied_at == at(2026, 11, 20, 17)
    assert [ref.page_id for ref in w47.evidence] == [1, 2]
    assert w47.due_at == at(2026, 11, 23)  # the end of the week


def test_one_item_is_below_the_frequency():
    w47 = weeks(news(1, at(2026, 11, 16, 8)))["2026-W47"]
    assert w47.status == Status.MISSING
    # In Vietnamese, the week by its label, never a class name or `2026-W47`.
    assert w47.reason.startswith("1 bài “")
    assert "đăng lần đầu trong Tuần" in w47.reason and "(cần ít nhất 2)" in w47.reason
    assert "NewsPage" not in w47.reason and "2026-W47" not in w47.reason
    assert len(w47.evidence) == 1


def test_items_count_in_the_week_they_first_went_live_at_midnight_edges():
    sunday_night = news(1, at(2026, 11, 22, 23, 59, 59))
    monday_midnight = news(2, at(2026, 11, 23))
    monday_late = news(3, at(2026, 11, 23, 1))
    found = weeks(sunday_night, monday_midnight, monday_late, news(4, at(2026, 11, 16, 9)))
    assert found["2026-W47"].status == Status.ON_TIME
    assert {r.page_id for r in found["2026-W47"].evidence} == {1, 4}
    assert {r.page_id for r in found["2026-W48"].evidence} == {2, 3}


def test_an_item_counts_once_even_when_split_or_unpublished():
    moved = [
        news(1, (at(2026, 11, 16, 8), at(2026, 11, 17, 8)), period={"x": 1}),
        news(1, at(2026, 11, 17, 8), period={"x": 2}),
    ]
    w47 = weeks(*moved)["2026-W47"]
    assert w47.status == Status.MISSING  # one page, not two
    removed = news(2, (at(2026, 11, 18, 8), at(2026, 11, 18, 9)))
    assert weeks(*moved, removed)["2026-W47"].status == Status.ON_TIME


def test_pending_during_the_week():
    w47 = weeks(news(1, at(2026, 11, 16, 8)), as_of=at(2026, 11, 18))["2026-W47"]
    assert w47.status == Status.PENDING
    assert w47.reason.endswith(", tính đến nay")


def test_later_publications_are_unknown_at_as_of():
    found = weeks(news(1, at(2026, 11, 16, 8)), news(2, at(2026, 11, 22)), as_of=at(2026, 11, 21))
    assert found["2026-W47"].status == Status.PENDING


def test_break_weeks_are_not_applicable():
    found = weeks()
    tet = found["2027-W05"]
    assert tet.status == Status.NOT_APPLICABLE
    assert "Tết" in tet.reason
    assert found["2027-W04"].status == Status.MISSING
    assert date(2027, 2, 1).isocalendar().week == 5


def test_items_without_substance_do_not_count_and_the_reason_names_them():
    """Two short items published: 0/2, and the editor reads why (issue 9 + the trial's 0/2)."""
    short = dict(measures={"words": 12})
    found = weeks(
        news(1, at(2026, 11, 16, 8), title="Hội thi văn nghệ", **short),
        news(2, at(2026, 11, 17, 8), title="Chào cờ", **short),
    )
    w47 = found["2026-W47"]
    assert w47.status == Status.MISSING and w47.evidence == ()
    assert w47.reason.startswith("0 bài")
    assert "Trang “Hội thi văn nghệ”, “Chào cờ” chưa có nội dung tin (ít nhất 30 chữ)" in w47.reason
    assert "Hội thi" not in found["2026-W48"].reason  # only the week it was published in
