"""Văn bản: official documents, findable by number, issuer and date."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from sitepages.evidence import EvidenceSpec
from sitepages.models.base import SchoolPage, attachments_field, paginated_paths
from sitepages.page_forms import OfficialDocumentPageForm

DOCUMENTS_PER_PAGE = 20
# A search lists at most this many documents (a school publishes some hundreds a year).
MAX_DOCUMENT_RESULTS = 200
SEARCH_MAX_QUERY = 200


class DocumentIndexPage(SchoolPage):
    """The documents section, with a search form over number, issuer, summary and year."""

    intro = RichTextField("Giới thiệu", blank=True)

    content_panels = SchoolPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = ["sitepages.OfficialDocumentPage"]
    max_count = 1

    class Meta:
        verbose_name = "Mục văn bản"
        verbose_name_plural = "Mục văn bản"

    def get_cached_paths(self):
        count = OfficialDocumentPage.objects.live().public().child_of(self).count()
        return paginated_paths(count, DOCUMENTS_PER_PAGE)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").replace("\x00", "").strip()[:SEARCH_MAX_QUERY]
        year = request.GET.get("nam", "")
        documents = documents_matching(
            # Pages behind a password or a login are not listed to parents (nor found).
            OfficialDocumentPage.objects.live().public().child_of(self),
            query=query,
            year=int(year) if year.isdigit() and len(year) == 4 else None,
        )
        context.update(
            query=query,
            year=year,
            documents=Paginator(documents, DOCUMENTS_PER_PAGE).get_page(request.GET.get("trang")),
        )
        return context


def documents_matching(documents, *, query: str, year: int | None):
    """`documents` (a queryset of OfficialDocumentPage) issued in `year`, matching `query`.

    Without a query: newest first. With one: documents whose number contains it, ignoring tone
    marks and case (`qd-thcs` finds `123/QĐ-THCS`), then the site search's matches over title,
    number, issuer and summary by relevance (sitepages/search_backend.py: "quyet dinh" finds
    "Quyết định"). A list of at most MAX_DOCUMENT_RESULTS pages for a query, else a queryset.
    """
    if year is not None:
        documents = documents.filter(
            issued_on__gte=dt.date(year, 1, 1), issued_on__lt=dt.date(year + 1, 1, 1)
        )
    if not query:
        return documents.select_related("file").order_by("-issued_on", "-pk")
    by_number = list(
        documents.filter(number__unaccent__icontains=query)
        .select_related("file")
        .order_by("-issued_on", "-pk")[:MAX_DOCUMENT_RESULTS]
    )
    seen = {document.pk for document in by_number}
    ranked = documents.search(query)[:MAX_DOCUMENT_RESULTS]
    rest = [document for document in ranked if document.pk not in seen]
    files = {
        page.pk: page
        for page in OfficialDocumentPage.objects.filter(
            pk__in=[document.pk for document in rest]
        ).select_related("file")
    }
    return by_number + [files[document.pk] for document in rest if document.pk in files]


class OfficialDocumentPage(SchoolPage):
    """One official document (quyết định, công văn, kế hoạch…) with its signed file."""

    compliance_evidence = EvidenceSpec(
        rules=("changes", "documents"),
        attrs=("issued_on", "number"),
        measures={"words": ("summary",), "files": ("file", "attachments")},
    )

    number = models.CharField(
        "Số, ký hiệu", max_length=80, db_index=True, help_text="Ví dụ: 123/QĐ-THCS."
    )
    issuer = models.CharField("Cơ quan ban hành", max_length=255)
    issued_on = models.DateField("Ngày ban hành", db_index=True)
    effective_on = models.DateField("Ngày có hiệu lực", null=True, blank=True)
    summary = models.TextField("Trích yếu")
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Tệp văn bản",
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attachments = attachments_field("Tệp kèm theo")

    base_form_class = OfficialDocumentPageForm
    content_panels = SchoolPage.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("issuer")]),
        FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on")]),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("file_upload"), FieldPanel("file")]),
        FieldPanel("attachments"),
    ]
    search_fields = SchoolPage.search_fields + [
        index.SearchField("number", boost=3),
        index.SearchField("issuer"),
        index.SearchField("summary"),
        index.FilterField("issued_on"),
    ]
    parent_page_types = ["sitepages.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Văn bản"
        verbose_name_plural = "Văn bản"

    def clean(self):
        errors = self._errors_from_super_clean()
        if self.issued_on and self.effective_on and self.effective_on < self.issued_on:
            errors["effective_on"] = gettext("Ngày có hiệu lực không được trước ngày ban hành.")
        if errors:
            raise ValidationError(errors)

    def og_description(self) -> str:
        return self.search_description or self.summary
