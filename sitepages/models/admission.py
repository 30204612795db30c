"""Tuyển sinh and Góp ý: enrolment information and the feedback form to the school."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from sitepages.evidence import EvidenceSpec
from sitepages.feedback import feedback_digest_schedule, feedback_rate_refusal
from sitepages.models.base import SchoolPage, attachments_field, required_slug_problem

HONEYPOT_FIELD = "trang_web"


class AdmissionPage(SchoolPage):
    """Tuyển sinh: this year's enrolment plan, dates and the online registration link."""

    compliance_evidence = EvidenceSpec(
        rules=("admission",),
        measures={"words": ("summary", "body"), "files": ("attachments",)},
    )

    school_year_start = models.PositiveSmallIntegerField(
        "Năm học tuyển sinh", null=True, blank=True, help_text="Ví dụ: 2026 cho năm học 2026–2027."
    )
    summary = models.TextField("Tóm tắt", max_length=400, blank=True)
    opens_on = models.DateField("Bắt đầu nhận hồ sơ", null=True, blank=True)
    closes_on = models.DateField("Hạn cuối nhận hồ sơ", null=True, blank=True)
    apply_url = models.URLField("Đường dẫn đăng ký trực tuyến", blank=True)
    body = RichTextField("Thông tin tuyển sinh", blank=True)
    attachments = attachments_field()

    content_panels = SchoolPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("school_year_start"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldPanel("apply_url"),
            ],
            heading="Thời gian và cách đăng ký",
        ),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = SchoolPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Tuyển sinh"
        verbose_name_plural = "Tuyển sinh"

    def clean(self):
        errors = self._errors_from_super_clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = gettext("Hạn cuối nhận hồ sơ phải sau ngày bắt đầu.")
        if errors:
            raise ValidationError(errors)


class FeedbackFormField(AbstractFormField):
    page = ParentalKey("FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")


class FeedbackFormPage(AbstractEmailForm):
    """Góp ý / hỏi đáp: a form whose submissions are stored and e-mailed to the school.

    Spam protection is a honeypot field that people never see (a filled one rejects the
    submission) and rate limits per client and per school; submissions reach the school in
    batched e-mails sent by Celery (`sitepages/feedback.py`). Without a "to" address the e-mail
    goes to the contact page's address.
    """

    compliance_evidence = EvidenceSpec(rules=("feedback",), measures={"rows": ("form_fields",)})

    intro = RichTextField("Lời mời góp ý", blank=True)
    thank_you_text = RichTextField("Lời cảm ơn sau khi gửi", blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Ô nhập", heading="Các ô của biểu mẫu"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Thư thông báo",
        ),
    ]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Góp ý – hỏi đáp"
        verbose_name_plural = "Góp ý – hỏi đáp"

    def clean(self):
        super().clean()
        problem = required_slug_problem(self)
        if problem:
            raise ValidationError({"slug": problem})

    def get_form_class(self):
        return type("FeedbackForm", (HoneypotMixin, super().get_form_class()), {})

    def notification_addresses(self) -> list[str]:
        if self.to_address:
            return [address.strip() for address in self.to_address.split(",") if address.strip()]
        from sitepages.models.organisation import ContactPage

        contact = ContactPage.objects.live().exclude(email="").values_list("email", flat=True)
        fallback = contact.first() or getattr(connection.tenant, "principal_email", "")
        return [fallback] if fallback else []

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            refusal = feedback_rate_refusal(request)
            if refusal is not None:
                form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
                form.add_error(None, refusal)
                context = self.get_context(request)
                context["form"] = form
                return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        submission = FormMixin.process_form_submission(self, form)
        feedback_digest_schedule(page_id=self.pk, received_at=submission.submit_time)
        return submission


class HoneypotMixin:
    """Adds an off-screen field that only bots fill in; a filled one fails validation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label="Xin để trống ô này",
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.pop(HONEYPOT_FIELD, ""):
            raise ValidationError(gettext("Không gửi được góp ý. Vui lòng thử lại."), code="spam")
        return cleaned

    @property
    def visible_fields_without_honeypot(self):
        return [field for field in self if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]
