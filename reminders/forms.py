"""The form of the preferences page (validation only, no side effects)."""

from django import forms


class PreferenceForm(forms.Form):
    before_due = forms.BooleanField(label="Nhắc trước hạn đăng bài", required=False)
    when_late = forms.BooleanField(label="Báo khi có mục trễ hạn", required=False)
    weekly_digest = forms.BooleanField(label="Bản tin tổng hợp hằng tuần", required=False)
