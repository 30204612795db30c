"""Form errors that say which field and what is expected, never Django's bare "Trường này là
bắt buộc." (a page may hold several forms, and an office worker fills them rarely).

`ExplainedForm` is the base of every form of the portal: a field left empty reads the form's
`expected[name]` sentence ("Chọn tháng báo cáo (mm/yyyy), ví dụ 11/2026.") or, without one,
"Cần điền “<label>”." followed by the field's help text; a choice outside the list names the
field too. Views re-render a refused form bound to what was typed (nothing is lost)."""

from django import forms
from django.utils.translation import gettext as _


def _label(field) -> str:
    return str(field.label or "").strip().rstrip(":")


class ExplainedForm(forms.Form):
    # field name → the sentence shown when it is empty (what to enter, with an example)
    expected: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            label = _label(field)
            sentence = self.expected.get(name)
            if not sentence:
                choosing = isinstance(field, forms.ChoiceField)
                sentence = (_("Chọn “%(label)s”.") if choosing else _("Cần điền “%(label)s”.")) % {
                    "label": label
                }
                if field.help_text:
                    sentence = f"{sentence} {field.help_text}"
            field.error_messages["required"] = str(sentence)
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = _(
                    "“%(label)s”: giá trị đã chọn không có trong danh sách; hãy chọn lại."
                ) % {"label": label}
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = _(
                    "“%(label)s” dài quá: tối đa %(n)d ký tự."
                ) % {"label": label, "n": field.max_length}
