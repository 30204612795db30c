"""Inline SVG trend charts (no JavaScript): a sparkline per school and a larger chart for the
authority or a school's page. Each carries its numbers as text for screen readers.

Coordinates are formatted before they reach `format_html` (which escapes every argument, so
format specifications cannot be used in its template).
"""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


def _n(value: float) -> str:
    return f"{value:.1f}"


def _share(value: float) -> str:
    """96.2 → "96,2" in Vietnamese, 50.0 → "50"."""
    return number_format(value if value % 1 else int(value))


def trend_description(points) -> str:
    """What the chart shows, in words: "tuần 03/11: 80%; tuần 10/11: 96,2%; …" (numbers in
    the active language's format, as the tables beside the chart show them)."""
    parts = [
        f"tuần {p.week:%d/%m}: " + ("không có hạn" if p.share is None else f"{_share(p.share)}%")
        for p in points
    ]
    return "Tỷ lệ đúng hạn theo tuần — " + "; ".join(parts)


def _polyline(coords) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in coords)


def sparkline(points, *, width: int = 110, height: int = 26) -> SafeString:
    pad = 3
    step = (width - 2 * pad) / max(len(points) - 1, 1)
    coords = [
        (pad + i * step, pad + (100.0 - p.share) / 100.0 * (height - 2 * pad))
        for i, p in enumerate(points)
        if p.share is not None
    ]
    if not coords:
        return mark_safe('<span class="muted">—</span>')
    x, y = coords[-1]
    return format_html(
        '<svg class="trend" width="{}" height="{}" viewBox="0 0 {} {}" role="img" '
        'aria-label="{}"><polyline fill="none" stroke="#0b4fa3" stroke-width="1.5" '
        'points="{}"/><circle cx="{}" cy="{}" r="2" fill="#0b4fa3"/></svg>',
        width, height, width, height, trend_description(points), _polyline(coords), _n(x), _n(y),
    )  # fmt: skip


def trend_chart(points, *, width: int = 640, height: int = 200, title: str = "") -> SafeString:
    """A line of weekly on-time shares with 0/50/100 % gridlines and week labels."""
    left, pad, right, bottom = 40, 10, 24, 24  # room for the last week's label
    inner_w, inner_h = width - left - right, height - pad - bottom
    step = inner_w / max(len(points) - 1, 1)

    def y(share: float) -> float:
        return pad + (100.0 - share) / 100.0 * inner_h

    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#d5d9df"/>'
        '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#4a5360">{}%</text>',
        (
            (left, width - right, _n(y(v)), _n(y(v)), left - 4, _n(y(v) + 4), v)
            for v in (0, 50, 100)
        ),
    )
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="#4a5360">{}</text>',
        (
            (_n(left + i * step), height - 6, f"{p.week:%d/%m}")
            for i, p in enumerate(points)
            if i % 2 == (len(points) - 1) % 2
        ),
    )
    coords = [(left + i * step, y(p.share)) for i, p in enumerate(points) if p.share is not None]
    dots = format_html_join(
        "", '<circle cx="{}" cy="{}" r="3" fill="#0b4fa3"/>', ((_n(a), _n(b)) for a, b in coords)
    )
    label = f"{title}. {trend_description(points)}" if title else trend_description(points)
    return format_html(
        '<svg class="trend" width="100%" viewBox="0 0 {} {}" style="max-width:{}px" role="img" '
        'aria-label="{}">{}{}<polyline fill="none" stroke="#0b4fa3" stroke-width="2" '
        'points="{}"/>{}</svg>',
        width, height, width, label, grid, labels, _polyline(coords), dots,
    )  # fmt: skip
