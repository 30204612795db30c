"""Admin views behind the dashboard's buttons; each only calls a service."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.create import CreateView

from sitepages import calendar
from sitepages.models import DisclosureIndexPage, NewsIndexPage, NewsKind
from sitepages.period_kinds import KINDS, PeriodKeyError
from sitepages.poster import handout_pdf, poster_facts, poster_pdf
from sitepages.roles import is_editor_or_principal
from sitepages.services.disclosure import disclosure_year_create
from sitepages.services.periodic import SectionMissing, period_page_draft_get_or_create
from sitepages.services.week_copy import NothingToCopy, week_page_copy_forward


class _BadPeriod(ValueError):
    """The posted kind or period cannot be read; the message says which."""


def _posted_kind_and_period(request, *, shape: str | None = None):
    """The period kind and period the buttons post (`kind`, `period`), or _BadPeriod."""
    kind = KINDS.get(request.POST.get("kind", ""))
    if kind is None or (shape is not None and kind.shape != shape):
        raise _BadPeriod("Loại trang không hợp lệ.")
    try:
        return kind, kind.parse(request.POST.get("period", ""))
    except PeriodKeyError as error:
        raise _BadPeriod(f"Kỳ không hợp lệ: {error}") from None


@require_POST
def due_page_create(request):
    """Open the page for a period, creating its draft (period filled in) when there is none."""
    try:
        kind, period = _posted_kind_and_period(request)
    except _BadPeriod as error:
        return HttpResponseBadRequest(str(error))
    try:
        page, created = period_page_draft_get_or_create(kind=kind, period=period, user=request.user)
    except SectionMissing as error:
        messages.error(request, str(error))
        return redirect("wagtailadmin_home")
    if created:
        messages.success(
            request,
            f"Đã tạo bản nháp “{page.title}”. Hãy nhập nội dung rồi gửi duyệt hoặc xuất bản.",
        )
    return redirect("wagtailadmin_pages:edit", page.id)


@require_POST
def week_page_copy(request):
    """ "Copy from last week": this week's draft from last week's page, dates moved a week."""
    try:
        kind, week_start = _posted_kind_and_period(request, shape="week")
    except _BadPeriod as error:
        return HttpResponseBadRequest(str(error))
    try:
        page, created = week_page_copy_forward(kind=kind, week_start=week_start, user=request.user)
    except NothingToCopy as error:
        messages.error(request, str(error))
        return redirect("wagtailadmin_home")
    if created:
        messages.success(
            request,
            f"Đã tạo bản nháp “{page.title}” từ tuần trước, các ngày đã dời sang tuần này. "
            "Hãy sửa những gì khác rồi xuất bản.",
        )
    return redirect("wagtailadmin_pages:edit", page.id)


class DisclosureYearForm(forms.Form):
    school_year_start = forms.IntegerField(
        label="Năm học (năm bắt đầu)",
        min_value=2000,
        max_value=2100,
        help_text="Ví dụ: 2026 cho năm học 2026–2027.",
    )


def disclosure_year_create_view(request, index_id: int):
    """Confirm, then build a school year's disclosure tree for the school's levels."""
    index = get_object_or_404(DisclosureIndexPage, pk=index_id)
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    tenant = getattr(request, "tenant", None)
    levels = getattr(tenant, "levels", None) or []
    if request.method == "POST":
        form = DisclosureYearForm(request.POST)
        if form.is_valid():
            year = form.cleaned_data["school_year_start"]
            year_page, created = disclosure_year_create(
                index=index,
                school_year_start=year,
                levels=levels,
                serves_meals=bool(getattr(tenant, "serves_meals", False)),
                user=request.user,
            )
            messages.success(
                request,
                f"{calendar.school_year_label(year)}: đã tạo {created} mục công khai (bản nháp).",
            )
            return redirect("wagtailadmin_explore", year_page.id)
    else:
        form = DisclosureYearForm(
            initial={"school_year_start": calendar.school_year_of(calendar.local_today())}
        )
    return TemplateResponse(
        request,
        "sitepages/admin/disclosure_year_create.html",
        {"form": form, "index": index, "levels": levels},
    )


class UrgentNoticeCreateView(CreateView):
    """Wagtail's "add a news item" form, opened as an urgent notice received now."""

    def dispatch(self, request, *args, **kwargs):
        index = NewsIndexPage.objects.first()
        if index is None:
            messages.error(request, "Website chưa có mục Tin tức.")
            return redirect("wagtailadmin_home")
        return super().dispatch(
            request,
            content_type_app_name="sitepages",
            content_type_model_name="newspage",
            parent_page_id=index.pk,
        )

    def get(self, request):
        self.page.kind = NewsKind.URGENT
        self.page.received_at = timezone.now().replace(second=0, microsecond=0)
        return super().get(request)


POSTER_KINDS = {
    "ap-phich": ("ap-phich-website.pdf", poster_pdf),
    "the-phat-tay": ("the-website.pdf", handout_pdf),
}


def _editors_and_principal_only(request) -> None:
    if not is_editor_or_principal(request.user):
        raise PermissionDenied


def website_poster_index(request):
    """ "Quảng bá website": what the poster and the cards say, and their downloads."""
    _editors_and_principal_only(request)
    return TemplateResponse(
        request, "sitepages/admin/website_poster.html", {"facts": poster_facts()}
    )


def editor_guide(request):
    """The help menu's "Hướng dẫn biên tập": the weekly routine in Vietnamese."""
    return TemplateResponse(request, "sitepages/admin/editor_guide.html", {})


def website_poster_pdf(request, kind: str):
    """The A4 poster or the sheet of four handout cards, as a PDF download."""
    _editors_and_principal_only(request)
    if kind not in POSTER_KINDS:
        raise Http404
    filename, render = POSTER_KINDS[kind]
    response = HttpResponse(render(poster_facts()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
