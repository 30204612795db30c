"""Open-data endpoints (read-only JSON). The index documents every endpoint and field."""

import json

from django.http import HttpResponse
from django.urls import reverse

from compliance.models import ObligationStatus
from opendata.cache import open_data, ttl
from opendata.selectors import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    page_params,
    reports_list,
    results_page,
    schools_page,
)
from reports.months import month_parse
from tenants.hosts import request_url


def _json(data, status: int = 200) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), status=status, content_type="application/json"
    )


def _with_links(request, data: dict) -> dict:
    """next/previous as absolute URLs, the way paginated APIs usually give them."""
    query = request.GET.copy()
    links = {}
    for name, number in (("next", data["page"] + 1), ("previous", data["page"] - 1)):
        if 1 <= number <= data["pages"]:
            query["page"] = str(number)
            links[name] = request_url(request, f"{request.path}?{query.urlencode()}")
        else:
            links[name] = None
    return {**data, **links}


@open_data
def index(request):
    return _json(
        {
            "name": f"Dữ liệu mở — {request.authority.name}",
            "version": "v1",
            "description": (
                "Kết quả giám sát việc cập nhật website của các trường do cơ quan quản lý "
                "(và các cơ quan trực thuộc) quản lý. Chỉ đọc, định dạng JSON, mã hóa UTF-8; "
                "thời gian theo ISO 8601 (UTC)."
            ),
            "cache_seconds": ttl(),
            "pagination": {
                "parameters": {
                    "page": "số trang, từ 1",
                    "page_size": f"số mục mỗi trang, mặc định {DEFAULT_PAGE_SIZE}, tối đa {MAX_PAGE_SIZE}",
                },
                "fields": ["count", "page", "pages", "page_size", "next", "previous", "results"],
            },
            "endpoints": [
                {
                    "path": reverse("opendata:schools"),
                    "url": request_url(request, reverse("opendata:schools")),
                    "description": "Danh sách trường: mã, tên, cấp học, cơ quan quản lý, website, xếp loại tháng hiện tại, lần đăng bài gần nhất.",
                    "parameters": ["page", "page_size"],
                },
                {
                    "path": reverse("opendata:results"),
                    "url": request_url(request, reverse("opendata:results")) + "?month=YYYY-MM",
                    "description": "Kết quả một tháng của từng trường: xếp loại (did_not_update, incomplete, irregular, compliant), điểm (tỷ lệ đúng hạn có trọng số, %), số mục theo trạng thái và từng nghĩa vụ (hạn, trạng thái, thời điểm đăng, số giây trễ, liên kết minh chứng).",
                    "parameters": [
                        "month (bắt buộc: tháng/năm như 10/2026, hoặc YYYY-MM)",
                        "page",
                        "page_size",
                    ],
                },
                {
                    "path": reverse("opendata:reports"),
                    "url": request_url(request, reverse("opendata:reports")),
                    "description": "Các báo cáo tháng đã công bố, với liên kết tới bản JSON của từng báo cáo.",
                    "parameters": [],
                },
            ],
            "statuses": {status.value: str(status.label) for status in ObligationStatus},
        }
    )


@open_data
def schools(request):
    page, size = page_params(request.GET)
    return _json(
        _with_links(request, schools_page(authority=request.authority, page=page, size=size))
    )


@open_data
def results(request):
    try:
        month = month_parse(request.GET.get("month", ""))
    except ValueError as exc:
        return _json({"error": str(exc)}, status=400)
    page, size = page_params(request.GET)
    data = results_page(authority=request.authority, month=month, page=page, size=size)
    return _json(_with_links(request, data))


@open_data
def reports(request):
    items = [
        {
            **r,
            "url": request_url(request, reverse("portal:report_detail", args=[r["month"]])),
            "json": request_url(
                request, reverse("portal:report_download", args=[r["month"], "json"])
            ),
        }
        for r in reports_list(authority=request.authority)
    ]
    return _json({"count": len(items), "results": items})
