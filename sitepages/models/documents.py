"""Văn bản: official documents, findable by number, issuer and date."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from sitepages.evidence import EvidenceSpec
from sitepages.models.base import SchoolPage, attachments_field, paginated_paths
from sitepages.page_forms import OfficialDocumentPageForm

DOCUMENTS_PER_PAGE = 20


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
        documents = (
            OfficialDocumentPage.objects.live()
            .public()
            .child_of(self)
            .select_related("file")
            .order_by("-issued_on", "-pk")
        )
        query = request.GET.get("q", "").strip()
        if query:
            documents = documents.filter(
                Q(number__icontains=query)
                | Q(issuer__icontains=query)
                | Q(summary__icontains=query)
                | Q(title__icontains=query)
            )
        year = request.GET.get("nam", "")
        if year.isdigit():
            documents = documents.filter(issued_on__year=int(year))
        context.update(
            query=query,
            year=year,
            documents=Paginator(documents, DOCUMENTS_PER_PAGE).get_page(request.GET.get("trang")),
        )
        return context


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
            errors["effective_on"] = "Ngày có hiệu lực không được trước ngày ban hành."
        if errors:
            raise ValidationError(errors)

    def og_description(self) -> str:
        return self.search_description or self.summary
