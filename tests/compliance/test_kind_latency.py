"""The latency kind, through the shipped per-page rules."""

from dataclasses import replace
from datetime import date, datetime, timedelta

from compliance.engine import Status
from tests.compliance.builders import SECOND, at, by_key, item, run, shipped, snapshot

WINDOW = (at(2026, 1, 1), at(2027, 7, 1))
AS_OF = at(2027, 3, 1)


def judge(rule_set, *items, as_of=AS_OF):
    return by_key(run(rule_set, snapshot(*items), as_of=as_of, window=WINDOW))


TOPICAL = shipped("letter-2015", "news-topical")


def topical(published, event=date(2026, 11, 20), kind="topical"):
    return item(5, "NewsPage", published, attrs={"kind": kind, "event_date": event})


def test_topical_news_by_1600_on_the_event_day():
    four = at(2026, 11, 20, 16)
    assert judge(TOPICAL, topical(four - SECOND))["page:5"].status == Status.ON_TIME
    exact = judge(TOPICAL, topical(four))["page:5"]
    assert exact.status == Status.ON_TIME
    assert exact.due_at == four
    after = judge(TOPICAL, topical(four + SECOND))["page:5"]
    assert after.status == Status.LATE
    assert after.late_by == SECOND


def test_topical_news_published_before_its_event_day_counts_from_the_day():
    early = judge(TOPICAL, topical(at(2026, 11, 19, 20)))["page:5"]
    assert early.status == Status.ON_TIME
    assert early.satisfied_at == at(2026, 11, 20)


def test_only_pages_matching_the_filter_are_judged():
    assert judge(TOPICAL, topical(at(2026, 11, 21), kind="ordinary")) == {}


URGENT = shipped("letter-2015", "urgent")


RECEIVED = at(2026, 11, 20, 10)


def urgent(*live, received=RECEIVED):
    return item(6, "NewsPage", *live, attrs={"kind": "urgent", "received_at": received})


def test_urgent_notice_within_one_hour_of_receipt():
    hour = at(2026, 11, 20, 11)
    assert judge(URGENT, urgent(hour))["page:6"].status == Status.ON_TIME
    late = judge(URGENT, urgent(hour + SECOND))["page:6"]
    assert late.status == Status.LATE
    assert late.late_by == SECOND


def test_a_drafted_urgent_notice_is_missing_once_due_and_pending_before():
    draft = urgent()
    assert judge(URGENT, draft)["page:6"].status == Status.MISSING
    assert judge(URGENT, draft, as_of=at(2026, 11, 20, 10, 30))["page:6"].status == Status.PENDING


def test_a_received_at_claimed_long_before_the_notice_existed_is_flagged():
    hour = at(2026, 11, 20, 11)

    def created(moment):
        return replace(urgent(hour), created_at=moment)

    # received 10:00 on the 20th; the page was first saved 2 days and 1 second later
    backdated = judge(URGENT, created(RECEIVED + timedelta(hours=48, seconds=1)))["page:6"]
    assert backdated.status == Status.ON_TIME  # the verdict still reads the claimed moment
    assert backdated.flags == {
        "anchor_backdated": {
            "anchor": "received_at",
            "claimed": RECEIVED.isoformat(),
            "created_at": (RECEIVED + timedelta(hours=48, seconds=1)).isoformat(),
            "limit_hours": 48.0,
        }
    }
    assert backdated.as_dict()["flags"] == backdated.flags
    # within the 48 hours, or no creation time known: nothing to flag
    assert judge(URGENT, created(RECEIVED + timedelta(hours=48)))["page:6"].flags == {}
    assert judge(URGENT, urgent(hour))["page:6"].flags == {}
    # the authority may change the limit (0 turns the check off)
    for hours, flagged in ((72, False), (24, True), (0, False)):
        result = by_key(
            run(
                URGENT,
                snapshot(created(RECEIVED + timedelta(hours=50))),
                as_of=AS_OF,
                window=WINDOW,
                overrides={("letter-2015", "urgent"): {"max_backdate_hours": hours}},
            )
        )["page:6"]
        assert bool(result.flags) is flagged, hours


CHANGES = shipped("letter-2015", "changes")


def document(published, issued=date(2026, 11, 20)):
    return item(7, "OfficialDocumentPage", published, attrs={"issued_on": issued})


def test_new_document_within_one_working_day_of_issue():
    # Issued Friday: by the end of Monday, so Tuesday 00:00 is the first late instant.
    tuesday = at(2026, 11, 24)
    assert judge(CHANGES, document(tuesday - SECOND))["page:7"].status == Status.ON_TIME
    late = judge(CHANGES, document(tuesday))["page:7"]
    assert late.status == Status.LATE
    assert late.due_at == tuesday


def test_working_days_skip_tet():
    # Issued Thursday 4/2/2027: 5/2 (eve) to 11/2 are Tết days and compensation.
    judged = judge(CHANGES, document(at(2027, 2, 12, 9), issued=date(2027, 2, 4)))["page:7"]
    assert judged.due_at == at(2027, 2, 13)
    assert judged.status == Status.ON_TIME


UPDATE = shipped("tt09-2024", "disclosure-update")


def test_disclosure_update_within_ten_working_days():
    changed = datetime(2026, 4, 22, 8, 0, tzinfo=at(2026, 1, 1).tzinfo)  # 15:00 local
    page = item(8, "DisclosurePage", at(2026, 5, 12, 9), attrs={"changed_at": changed})
    judged = judge(UPDATE, page, as_of=at(2026, 6, 1))["page:8"]
    assert judged.due_at == at(2026, 5, 12)
    assert judged.status == Status.LATE
    assert judged.late_by == timedelta(hours=9)


def test_pages_without_the_anchor_are_not_judged_and_unusable_anchors_are_flagged():
    plain = item(9, "DisclosurePage", at(2026, 5, 1))
    naive = item(10, "DisclosurePage", at(2026, 5, 1), attrs={"changed_at": datetime(2026, 4, 1)})
    found = judge(UPDATE, plain, naive, as_of=at(2026, 6, 1))
    assert list(found) == ["page:10"]
    assert found["page:10"].status == Status.NOT_APPLICABLE
    assert "changed_at" in found["page:10"].reason


def test_an_edited_anchor_judges_the_current_item_with_its_own_timestamps():
    first = item(
        11,
        "NewsPage",
        (at(2026, 11, 20, 9), at(2026, 11, 25, 9)),
        attrs={"kind": "topical", "event_date": date(2026, 11, 20)},
    )
    edited = item(
        11,
        "NewsPage",
        at(2026, 11, 25, 9),
        attrs={"kind": "topical", "event_date": date(2026, 11, 25)},
    )
    judged = judge(TOPICAL, first, edited)["page:11"]
    assert judged.due_at == at(2026, 11, 25, 16)
    assert judged.satisfied_at == at(2026, 11, 25, 9)
    assert judged.status == Status.ON_TIME


def test_the_current_item_is_the_one_that_went_live_last():
    # Event date edited 20/11 → 25/11 → back to 20/11: the 20/11 item is current again.
    twentieth = {"kind": "topical", "event_date": date(2026, 11, 20)}
    back = item(
        12,
        "NewsPage",
        (at(2026, 11, 20, 9), at(2026, 11, 25, 9)),
        at(2026, 11, 28, 9),
        attrs=twentieth,
    )
    other = item(
        12,
        "NewsPage",
        (at(2026, 11, 25, 9), at(2026, 11, 28, 9)),
        attrs={**twentieth, "event_date": date(2026, 11, 25)},
    )
    judged = judge(TOPICAL, back, other)["page:12"]
    assert judged.due_at == at(2026, 11, 20, 16)
    assert judged.status == Status.ON_TIME
