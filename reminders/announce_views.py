"""/quan-ly/nhac-nho/ on the authority's portal: send a message now (admins) and the log of
what was sent (members). The work is in reminders/announcements.py."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from compliance.presentation import CATEGORY_VI, LISTED_CATEGORIES
from portal.form_errors import ExplainedForm
from portal.permissions import portal_admin_required, portal_member_required
from portal.views.common import portal_render
from reminders.announcements import AudienceError, audience_resolve, authority_message_send
from reminders.models import AuthorityMessage
from reports.months import month_of, month_typed
from tenants.models import School
from tenants.selectors import schools_of_authority

TARGETS = [
    ("one", "Một trường"),
    ("category", "Các trường theo xếp loại của một tháng"),
    ("all", "Tất cả các trường"),
]


class MessageForm(ExplainedForm):
    expected = {
        "target": _("Chọn nơi gửi: một trường, các trường theo xếp loại hoặc tất cả các trường."),
        "subject": _("Ghi tiêu đề thư, ví dụ “Nhắc cập nhật kế hoạch tuần”."),
        "body": _("Ghi nội dung thư gửi các trường."),
    }

    target = forms.ChoiceField(label="Gửi đến", choices=TARGETS, widget=forms.RadioSelect)
    school = forms.ChoiceField(label="Trường", required=False)
    category = forms.ChoiceField(
        label="Xếp loại",
        required=False,
        choices=[(key, CATEGORY_VI[key]) for key in LISTED_CATEGORIES],
    )
    month = forms.CharField(label="Tháng (tháng/năm, ví dụ 10/2026)", required=False, max_length=20)
    subject = forms.CharField(label="Tiêu đề", max_length=200)
    body = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, schools=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [("", "—")] + [(s.code, s.name) for s in schools]


def _schools(request):
    return list(schools_of_authority(request.authority).filter(status=School.Status.ACTIVE))


@portal_member_required
def messages_page(request):
    return _page(request)


def _page(request, *, form=None, status: int = 200):
    """The page; `form` is a refused message, shown with everything typed."""
    last_month = month_typed(month_of(timezone.now()).shifted(-1))
    form = form or MessageForm(
        schools=_schools(request),
        initial={"target": "category", "category": "incomplete", "month": last_month},
    )
    return portal_render(
        request,
        "reminders/messages.html",
        {
            "form": form,
            "sent": AuthorityMessage.objects.filter(authority=request.authority).prefetch_related(
                "deliveries__school"
            )[:20],
        },
        status=status,
    )


@require_POST
@portal_admin_required
def message_send(request):
    form = MessageForm(request.POST, schools=_schools(request))
    if not form.is_valid():
        return _page(request, form=form, status=400)
    data = form.cleaned_data
    try:
        audience = audience_resolve(
            authority=request.authority,
            target=data["target"],
            school_code=data["school"],
            category=data["category"],
            month=data["month"].strip(),
        )
        sent = authority_message_send(
            authority=request.authority,
            sender=request.user.get_username(),
            subject=data["subject"],
            body=data["body"],
            audience=audience,
        )
    except (AudienceError, ValueError) as exc:
        form.add_error(None, str(exc))
        return _page(request, form=form, status=400)
    messages.success(
        request,
        _(
            "Đang gửi “%(subject)s” đến %(audience)s: %(n)d thư, mỗi trường một thư. Kết quả "
            "từng trường hiện ở bảng “Đã gửi” bên dưới."
        )
        % {"subject": sent.subject, "audience": sent.audience, "n": sent.deliveries.count()},
    )
    return redirect("reminders:messages")
