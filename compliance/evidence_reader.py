"""Build a school's `EvidenceSnapshot` from its own schema.

Evidence is what Wagtail recorded with server time: the publish / unpublish / delete entries of
its page log, and for each publish the revision that went live (whose content says which
period the page covered then). Fields an editor can type — `first_published_at`,
`last_published_at`, `go_live_at` — are never read: a scheduled page counts from the log entry
written when it actually went live, and an edit that moves a page to another period starts a
new evidence item at that edit's publication. Deleted pages have lost their revisions, so
their items are kept as tombstones written just before deletion (sitepages.EvidenceTombstone).

Must be called with the connection on the school's schema.
"""

import datetime as dt
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Min
from wagtail.models import Page, PageLogEntry, Revision, get_page_models

from compliance.engine import EvidenceItem, EvidenceSnapshot
from sitepages.evidence import EvidenceSpec
from sitepages.visibility import restricted_q

PUBLISH, UNPUBLISH, DELETE = "wagtail.publish", "wagtail.unpublish", "wagtail.delete"
# Wagtail's `publish_scheduled` logs the moment a scheduled page really goes live (or expires)
# under these names; "wagtail.publish.schedule" (scheduling it) is not a publication.
SCHEDULED_PUBLISH, SCHEDULED_UNPUBLISH = "wagtail.publish.scheduled", "wagtail.unpublish.scheduled"
ACTIONS = {
    PUBLISH: PUBLISH,
    SCHEDULED_PUBLISH: PUBLISH,
    UNPUBLISH: UNPUBLISH,
    SCHEDULED_UNPUBLISH: UNPUBLISH,
    DELETE: DELETE,
}


def evidence_specs() -> dict[str, "EvidenceSpec"]:
    """Page type name → its declaration (`compliance_evidence` on the page model)."""
    return {
        model.__name__: model.compliance_evidence
        for model in get_page_models()
        if getattr(model, "compliance_evidence", None) is not None
    }


DATE_FIELDS = {"week_start", "month", "event_date", "issued_on", "effective_from"}
DATETIME_FIELDS = {"received_at", "changed_at"}


def _evidence_content_types() -> dict[int, str]:
    specs = evidence_specs()
    models = [model for model in get_page_models() if model.__name__ in specs]
    return {
        ct.pk: model.__name__
        for model, ct in ContentType.objects.get_for_models(
            *models, for_concrete_models=False
        ).items()
    }


def _typed(name: str, value):
    if value in (None, ""):
        return None
    if name in DATE_FIELDS and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if name in DATETIME_FIELDS and isinstance(value, str):
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def fields_of(content: dict, names: tuple[str, ...]) -> dict:
    """The named fields of a revision's content that are set, typed (dates, aware datetimes)."""
    return {
        name: _typed(name, content.get(name))
        for name in names
        if content.get(name) not in (None, "")
    }


def items_from_history(
    *, page_id, page_type, title, url, events, created_at: dt.datetime | None = None
) -> list[EvidenceItem]:
    """Turn one page's ordered (timestamp, action, content) events into evidence items.

    One item per distinct (period, attributes, substance measures) the page was published
    with; each item's live intervals end when the page was unpublished, deleted or republished
    with other values. `created_at` (the page's first revision) is carried on every item.
    """
    spec = evidence_specs()[page_type]
    intervals: dict[tuple, list] = defaultdict(list)
    values: dict[tuple, tuple[dict, dict, dict]] = {}
    current, started = None, None
    for at, action, content in events:
        if action == PUBLISH:
            period = fields_of(content or {}, spec.period)
            attrs = fields_of(content or {}, spec.attrs)
            measures = spec.measure(content)
            key = (
                tuple(sorted(period.items())),
                tuple(sorted(attrs.items())),
                tuple(sorted(measures.items())),
            )
            values.setdefault(key, (period, attrs, measures))
            if current == key:
                continue
            if current is not None:
                intervals[current].append((started, at))
            current, started = key, at
        elif current is not None:  # unpublish or delete
            intervals[current].append((started, at))
            current = None
    if current is not None:
        intervals[current].append((started, None))
    return [
        EvidenceItem(
            page_id=page_id,
            page_type=page_type,
            title=title,
            url=url,
            period=values[key][0],
            attrs=values[key][1],
            live=tuple(spans),
            measures=values[key][2],
            created_at=created_at,
        )
        for key, spans in intervals.items()
    ]


def page_events(*, page_ids, taken_at: dt.datetime | None = None) -> dict[int, list]:
    """`{page_id: [(timestamp, PUBLISH|UNPUBLISH|DELETE, revision content), …]}` in order,
    from Wagtail's log (scheduled go-lives and expiries included), two queries."""
    entries = PageLogEntry.objects.filter(action__in=list(ACTIONS), page_id__in=list(page_ids))
    if taken_at is not None:
        entries = entries.filter(timestamp__lte=taken_at)
    entries = list(
        entries.order_by("timestamp", "pk").values("page_id", "action", "timestamp", "revision_id")
    )
    revisions = dict(
        Revision.objects.filter(
            pk__in={e["revision_id"] for e in entries if e["revision_id"]}
        ).values_list("pk", "content")
    )
    events = defaultdict(list)
    for entry in entries:
        events[entry["page_id"]].append(
            (entry["timestamp"], ACTIONS[entry["action"]], revisions.get(entry["revision_id"]))
        )
    return events


def pages_created_at(*, page_ids, taken_at: dt.datetime | None = None) -> dict[int, dt.datetime]:
    """`{page_id: when its first revision was saved}` (server time, UTC), one query.

    Wagtail's pages carry no creation time an editor cannot type; the first revision's
    `created_at` is written by the server when the page is first saved (the admin saves a
    revision on creation)."""
    revisions = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in page_ids])
    if taken_at is not None:
        revisions = revisions.filter(created_at__lte=taken_at)
    return {
        int(row["object_id"]): row["first"]
        for row in revisions.values("object_id").annotate(first=Min("created_at"))
    }


def evidence_snapshot(
    *,
    levels,
    serves_meals: bool,
    taken_at: dt.datetime,
    site_url: str,
    opened_at: dt.datetime | None = None,
) -> EvidenceSnapshot:
    """Everything the school's schema proves, as known at `taken_at` (five queries).

    Pages behind a password, a login or a group restriction (theirs or an ancestor's) are not
    public, so they are no evidence at all.
    """
    types = _evidence_content_types()
    pages = {
        page["pk"]: page
        for page in Page.objects.filter(content_type_id__in=types)
        .exclude(restricted_q())
        .values("pk", "content_type_id", "title", "url_path")
    }
    events = page_events(page_ids=list(pages), taken_at=taken_at)
    created = pages_created_at(page_ids=list(pages), taken_at=taken_at)
    root_path = _site_root_path()
    items = []
    for page_id, page in pages.items():
        url = site_url.rstrip("/") + "/" + page["url_path"][len(root_path) :].lstrip("/")
        items.extend(
            items_from_history(
                page_id=page_id,
                page_type=types[page["content_type_id"]],
                title=page["title"],
                url=url,
                events=events.get(page_id, []),
                created_at=created.get(page_id),
            )
        )
    items.extend(_tombstone_items(taken_at))
    return EvidenceSnapshot(
        school_levels=frozenset(levels),
        items=tuple(items),
        taken_at=taken_at,
        serves_meals=serves_meals,
        opened_at=opened_at,
    )


def _site_root_path() -> str:
    from wagtail.models import Site

    site = Site.objects.select_related("root_page").first()
    return site.root_page.url_path if site else "/"


def _tombstone_items(taken_at: dt.datetime) -> list[EvidenceItem]:
    from sitepages.models import EvidenceTombstone

    items = []
    for tombstone in EvidenceTombstone.objects.filter(deleted_at__lte=taken_at):
        items.extend(evidence_items_from_json(tombstone.items))
    return items


def evidence_items_to_json(items: list[EvidenceItem]) -> list[dict]:
    def encode(value):
        return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value

    return [
        {
            "page_id": item.page_id,
            "page_type": item.page_type,
            "title": item.title,
            "url": item.url,
            "period": {k: encode(v) for k, v in item.period.items()},
            "attrs": {k: encode(v) for k, v in item.attrs.items()},
            "live": [[encode(s), encode(e)] for s, e in item.live],
            "measures": dict(item.measures),
            "created_at": encode(item.created_at),
        }
        for item in items
    ]


def evidence_items_from_json(data: list[dict]) -> list[EvidenceItem]:
    def moment(value):
        return None if value is None else dt.datetime.fromisoformat(value)

    return [
        EvidenceItem(
            page_id=raw["page_id"],
            page_type=raw["page_type"],
            title=raw["title"],
            url=raw["url"],
            period={k: _typed(k, v) for k, v in raw["period"].items()},
            attrs={k: _typed(k, v) for k, v in raw["attrs"].items()},
            live=tuple((moment(s), moment(e)) for s, e in raw["live"]),
            measures=raw.get("measures", {}),
            created_at=moment(raw.get("created_at")),
        )
        for raw in data
    ]
