"""Login throttling (django-axes) on every host: school admins (`/admin/login/`) and the
authority portal (`/dang-nhap/`).

Where the attempts live: **the public schema only** (`axes` is a shared app). A school's
host reads it through django-tenants' search path (`<school>, public`). One table rather than
three more in each of ~1,200 school schemas: no per-school migration (nor a new template
fingerprint), and operators see in one place an address trying many schools. Lock-outs stay
per school because the name an attempt is counted under carries the schema
(`throttle_username`: `thcs_nguyen_du:hieutruong`, `public:admin@pgd.edu.vn`), so a principal
locked out at one school never locks out the same user name at another.

What is counted: the pair (user name, client address) — `AXES_LOCKOUT_PARAMETERS` in the
settings — so a guesser at one address is stopped after `AXES_FAILURE_LIMIT` wrong passwords
(then even the right one is refused until `AXES_COOLOFF_TIME` has passed), while teachers
behind the same school router are not all locked out by one forgetful colleague.

Behind nginx the client address is `X-Real-IP`, believed only from the proxies listed in
`TRUSTED_PROXY_IPS` (`client_ip`); anyone else could write that header.
"""

import unicodedata

from django.conf import settings
from django.db import connection
from django.shortcuts import render
from django.utils.translation import gettext as _


def client_ip(request) -> str:
    """The client's address: nginx's `X-Real-IP` when the peer is a trusted proxy."""
    peer = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
    if forwarded and peer in getattr(settings, "TRUSTED_PROXY_IPS", ()):
        return forwarded
    return peer


def throttle_username(request, credentials) -> str:
    """`<schema>:<user name as typed, NFC, lower-case>`: the name attempts are counted under."""
    typed = ""
    if credentials:
        typed = credentials.get("username") or ""
    if not typed and request is not None:
        typed = request.POST.get("username", "")
    typed = unicodedata.normalize("NFC", str(typed)).strip().lower()
    return f"{connection.schema_name}:{typed}"


def lockout_minutes() -> int:
    cool_off = settings.AXES_COOLOFF_TIME
    return int(cool_off.total_seconds() // 60) if cool_off else 0


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets: HTTP 429 and what to do, in Vietnamese."""
    message = _(
        "Đăng nhập tạm thời bị khóa vì mật khẩu đã bị nhập sai %(limit)s lần liên tiếp. "
        "Vui lòng thử lại sau %(minutes)s phút. Nếu quên mật khẩu, hãy nhờ hiệu trưởng hoặc "
        "quản trị viên của cơ quan quản lý đặt lại."
    ) % {"limit": settings.AXES_FAILURE_LIMIT, "minutes": lockout_minutes()}
    return render(
        request,
        "errors/login_locked.html",
        {"message": message, "login_path": request.path},
        status=429,
    )
