"""Host names as the platform stores and matches them: lower-case ASCII (IDNA), no trailing dot.

DNS names are case-insensitive and `example.vn.` is the same name as `example.vn`, so a school
must be reached however a browser, a link or a person spells its host. Hosts are stored in one
form (lower case, A-labels: `trường.vn` → `xn--trng-rib8295b.vn`, no `www.` because django-tenants
strips it from requests) and every request's host is brought to the same form before the
lookup. The database refuses any other form (tenants/migrations/0003).

Absolute URLs on a school's or an authority's host are written one way everywhere (`site_url`:
provisioning's output, reports, reminders' e-mails, the open-data API, the evaluation's evidence
links and the commands); scheme and port come from settings (SITE_URL_SCHEME, SITE_URL_PORT).
"""

from urllib.parse import urlsplit

import idna
from django.conf import settings
from django.http.request import split_domain_port

from tenants.text import line_clean

MAX_HOST_LENGTH = 253  # RFC 1035, in the A-label (ASCII) form


class HostError(ValueError):
    """`value` cannot be a site's host name; the message says why, in Vietnamese."""


def host_normalise(value: str | None) -> str:
    """The stored form of a host a person wrote (a bare host or a website address).

    `"THCS-Nguyen-Du.LOCALHOST."` → `"thcs-nguyen-du.localhost"`,
    `"https://www.truong.edu.vn/trang-chu"` → `"truong.edu.vn"`,
    `"trường-nguyễn-du.vn"` → `"xn--trng-nguyn-du-xqd6972i0ka.vn"` (IDNA 2008 with UTS #46).
    Raises HostError when it cannot be a host name.
    """
    written = line_clean(value)
    if not written:
        raise HostError("Cần có tên miền, ví dụ thcs-nguyen-du.edu.vn.")
    if "@" in written:
        raise HostError(f"'{written}' là địa chỉ e-mail, không phải tên miền.")
    host = written
    if "://" in host or "/" in host:
        # A website address as offices write it: keep only its host.
        host = urlsplit(host if "://" in host else f"//{host}").hostname or ""
    host = host.strip().rstrip(".").lower()
    host = host.removeprefix("www.")
    invalid = HostError(
        f"'{written}' không phải tên miền hợp lệ: mỗi phần giữa các dấu chấm gồm 1–63 chữ cái "
        "(không dấu hoặc có dấu), chữ số hay dấu gạch ngang, không bắt đầu hay kết thúc bằng "
        "gạch ngang."
    )
    if "." not in host:
        raise HostError(
            f"'{written}' không phải tên miền hợp lệ: cần có dấu chấm, ví dụ {host or 'truong'}.edu.vn."
        )
    try:
        stored = idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as exc:
        raise invalid from exc
    if len(stored) > MAX_HOST_LENGTH:
        raise HostError(f"Tên miền '{written}' dài quá {MAX_HOST_LENGTH} ký tự.")
    if not all(label and label.replace("-", "").isalnum() for label in stored.split(".")):
        raise invalid
    return stored


def host_for_lookup(value: str | None) -> str:
    """A host from a request, a link or a command line in the stored form, without validation
    (a host that cannot be stored matches nothing): lower case, no port, no trailing dot."""
    text = line_clean(value)
    domain, _port = split_domain_port(text)
    if not domain:
        # Not a valid HTTP host (e.g. Unicode): try it as a person's spelling.
        try:
            return host_normalise(text)
        except HostError:
            return text.lower().rstrip(".")
    return domain


def site_url(host: str, path: str = "/") -> str:
    """Absolute URL on a school's or authority's host (scheme and port from settings)."""
    port = f":{settings.SITE_URL_PORT}" if settings.SITE_URL_PORT else ""
    return f"{settings.SITE_URL_SCHEME}://{host}{port}{path}"


def request_url(request, path: str | None = None) -> str:
    """Absolute URL of `path` (default: the request's own path and query) on the request's host,
    with the scheme from settings and the port the request names, else the port from settings
    (`site_url`): behind nginx the Host header carries no port, so Django's `build_absolute_uri`
    wrote demo links without `:8000` (shared links, og:url, the API's links)."""
    if path and path.startswith(("http://", "https://")):
        return path
    path = path or request.get_full_path()
    _domain, port = split_domain_port(request.get_host())
    if port:  # the request names its port (a server reached directly): keep it
        return f"{settings.SITE_URL_SCHEME}://{host_for_lookup(request.get_host())}:{port}{path}"
    return site_url(host_for_lookup(request.get_host()), path)


def site_port() -> int:
    """The port Wagtail's Site records: it writes absolute URLs (feeds, sitemaps) from it."""
    if settings.SITE_URL_PORT:
        return int(settings.SITE_URL_PORT)
    return 443 if settings.SITE_URL_SCHEME == "https" else 80
